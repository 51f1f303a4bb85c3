#!/usr/bin/env bash
# Two corpstat binaries timed alternately in one sitting (this machine's speed drifts
# by a third between sittings, so only runs side by side compare): each round runs the
# report at 1 and 2 threads and `stats`, `langs`, `terms`, `ngrams -n 2` at 2 threads
# with OLD, then with NEW, then `wc -w` three times. Prints one line per run:
# binary, run, wall s, user s, system s, peak RSS KB (from /usr/bin/time).
#   scripts/alternate.sh OLD_BINARY NEW_BINARY [CORPUS.jsonl] [ROUNDS]
# The corpus should be uncompressed, as `wc -w` reads it (issue 33's targets).
set -euo pipefail
OLD=$(realpath "$1"); NEW=$(realpath "$2")
CORPUS=${3:-/tmp/bench.jsonl}; ROUNDS=${4:-2}
OUT=$(mktemp -d); trap 'rm -rf "$OUT"' EXIT
run() { /usr/bin/time -f "%e %U %S %M" "$@" 2>&1 >/dev/null | tail -1; }
for _ in $(seq "$ROUNDS"); do
  for side in old new; do
    if [ $side = old ]; then BIN=$OLD; else BIN=$NEW; fi
    echo "$side report1 $(run "$BIN" report "$CORPUS" --threads 1 -o "$OUT/$side" -q)"
    echo "$side report2 $(run "$BIN" report "$CORPUS" --threads 2 -o "$OUT/$side" -q)"
    for sub in stats langs terms; do echo "$side $sub $(run "$BIN" $sub "$CORPUS" --threads 2)"; done
    echo "$side ngrams2 $(run "$BIN" ngrams -n 2 "$CORPUS" --threads 2)"
  done
  for _ in 1 2 3; do echo "wc $(run wc -w "$CORPUS")"; done
done
