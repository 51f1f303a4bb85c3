#!/usr/bin/env bash
# The sha256 of every file corpstat writes for a fixed set of runs, to check that a
# change keeps every output byte for byte (issue 32):
#   scripts/output-sums.sh OLD_BINARY /tmp/old; scripts/output-sums.sh NEW_BINARY /tmp/new
#   diff -r /tmp/old/sums /tmp/new/sums
# Runs on the seeds and on the benchmark corpus (../shared/bench), with the option
# sets below: reports (CSV, JSON, PNG, HTML, Parquet, manifest), a partial of each
# and their merge, and the thin subcommands' output.
set -euo pipefail
BIN=$(realpath "$1"); OUT=$(realpath -m "$2")
cd "$(dirname "$0")/.."
S=seeds
B=${CORPSTAT_BENCH:-../shared/bench/corpus-50mb.jsonl.gz}
rm -rf "$OUT"; mkdir -p "$OUT/runs" "$OUT/sums"
"$BIN" report $S -o "$OUT/runs/seeds" -q --parquet
"$BIN" report $S -o "$OUT/runs/seeds2" -q --group-by lang --ngrams 3 --cooc-scope sentence --kwic كتاب,the --stem --fold teh-marbuta
"$BIN" report "$B" -o "$OUT/runs/b1" -q --threads 2 --parquet
"$BIN" report "$B" -o "$OUT/runs/b2" -q --threads 1 --group-by lang --ngrams 3 --cooc-scope sentence --kwic the,است
"$BIN" report "$B" -o "$OUT/runs/b3" -q --threads 2 --memory-limit 100M --normalize none --case keep --tokens plain --cooc-scope document
"$BIN" partial "$B" -o "$OUT/runs/p1" -q --shards 2 --shard 0 --threads 2
"$BIN" partial $S -o "$OUT/runs/p2" -q --shards 2 --shard 1
"$BIN" merge "$OUT/runs/p1" "$OUT/runs/p2" -o "$OUT/runs/m" -q
for sub in stats langs terms; do "$BIN" $sub "$B" > "$OUT/runs/$sub.txt"; done
"$BIN" ngrams -n 2 "$B" > "$OUT/runs/ngrams.txt"
for d in "$OUT"/runs/*/; do
  (cd "$d" && find . -type f -print0 | sort -z | xargs -0 sha256sum) > "$OUT/sums/$(basename "$d")"
done
(cd "$OUT/runs" && sha256sum ./*.txt) > "$OUT/sums/subcommands"
