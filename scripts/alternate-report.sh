#!/usr/bin/env bash
# The report alone, of two corpstat binaries, timed alternately in one sitting (as
# scripts/alternate.sh, without the other subcommands): each round runs the report at
# 1 and 2 threads with OLD, then with NEW, then `wc -w` once. One line per run: binary,
# run, wall s, user s, system s, peak RSS KB (from /usr/bin/time).
#   scripts/alternate-report.sh OLD_BINARY NEW_BINARY [CORPUS.jsonl] [ROUNDS]
set -euo pipefail
OLD=$(realpath "$1"); NEW=$(realpath "$2")
CORPUS=${3:-/tmp/bench.jsonl}; ROUNDS=${4:-5}
OUT=$(mktemp -d); trap 'rm -rf "$OUT"' EXIT
run() { /usr/bin/time -f "%e %U %S %M" "$@" 2>&1 >/dev/null | tail -1; }
for _ in $(seq "$ROUNDS"); do
  for BIN in "$OLD" "$NEW"; do
    echo "$BIN report1 $(run "$BIN" report "$CORPUS" --threads 1 -o "$OUT/r" -q)"
    echo "$BIN report2 $(run "$BIN" report "$CORPUS" --threads 2 -o "$OUT/r" -q)"
  done
  echo "wc $(run wc -w "$CORPUS")"
done
