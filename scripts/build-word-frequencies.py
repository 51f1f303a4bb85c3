#!/usr/bin/env python3
"""Rebuilds assets/langid/word-frequencies.txt.gz from the `wordfreq` package.

    pip install wordfreq==3.1.1 && python3 scripts/build-word-frequencies.py

The file holds the 10,000 most frequent words of each of wordfreq's 42 languages,
with their Zipf frequency (log10 of occurrences per billion words) to a tenth, for
the language of one or two words alone (src/language/lexicon.rs). Its format, one
item per line:

    #ara        a language (corpstat's ISO 639-3 code); its words follow
    =62         the Zipf frequency times ten of the words that follow
    في          a word

wordfreq's data is licensed CC BY-SA 4.0 (assets/langid/NOTICE.md). The output is
byte-identical for the same wordfreq version: the gzip header carries no time.
"""

import gzip
import math
import os

import wordfreq

WORDS_PER_LANGUAGE = 10_000
# wordfreq's language codes as the codes corpstat answers (twins joined: Bokmål as
# Norwegian, Indonesian and Malay as Malay, Serbo-Croatian as one).
CODES = {
    "ar": "ara", "bg": "bul", "bn": "ben", "ca": "cat", "cs": "ces", "da": "dan", "de": "deu",
    "el": "ell", "en": "eng", "es": "spa", "fa": "fas", "fi": "fin", "fil": "tgl", "fr": "fra",
    "he": "heb", "hi": "hin", "hu": "hun", "id": "msa", "is": "isl", "it": "ita", "ja": "jpn",
    "ko": "kor", "lt": "lit", "lv": "lav", "mk": "mkd", "ms": "msa", "nb": "nor", "nl": "nld",
    "pl": "pol", "pt": "por", "ro": "ron", "ru": "rus", "sh": "hbs", "sk": "slk", "sl": "slv",
    "sv": "swe", "ta": "tam", "tr": "tur", "uk": "ukr", "ur": "urd", "vi": "vie", "zh": "zho",
}
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "assets", "langid", "word-frequencies.txt.gz")


def usable(word):
    return (any(c.isalpha() for c in word) and not word[0] in "#="
            and not any(c.isspace() for c in word))


def main():
    if sorted(wordfreq.available_languages()) != sorted(CODES):
        raise SystemExit(f"wordfreq's languages changed: {sorted(wordfreq.available_languages())}")
    lines = []
    for base in sorted(CODES, key=lambda b: (CODES[b], b)):
        frequencies = wordfreq.get_frequency_dict(base)
        top = sorted(((w, f) for w, f in frequencies.items() if usable(w)),
                     key=lambda wf: (-wf[1], wf[0]))[:WORDS_PER_LANGUAGE]
        lines.append("#" + CODES[base])
        zipf = None
        for word, frequency in top:
            z = round(math.log10(frequency * 1e9) * 10)
            if z != zipf:
                lines.append(f"={z}")
                zipf = z
            lines.append(word)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with open(OUT, "wb") as f:
        f.write(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"{OUT}: {len(lines)} lines, {len(data)} bytes, {os.path.getsize(OUT)} compressed")


if __name__ == "__main__":
    main()
