#!/usr/bin/env python3
"""Rebuilds assets/langid/word-frequencies.bin.gz from the `wordfreq` package.

    pip install wordfreq==3.1.1 && python3 scripts/build-word-frequencies.py

The file holds the 50,000 most frequent words of each of wordfreq's 42 languages (all
of a shorter list; 10,000 for Arabic, Persian and Urdu), with their Zipf frequency (log10 of occurrences per billion
words) to a tenth, for the language of one or two words alone
(src/language/lexicon.rs), in a form corpstat reads without parsing or sorting:
little-endian, gzipped (the gzip header carries no time, so the output is
byte-identical for the same wordfreq version):

    b"CSWORDS2"
    u8 L, then L codes of 3 bytes      the languages (corpstat's ISO 639-3 codes)
    u32 N, N+1 u32 offsets, N u8 language indexes, N u8 Zipf frequencies times ten,
    u32 size and the words             the entries, sorted by word (UTF-8 bytes), then
                                       language; Malay's two lists (Indonesian and
                                       Malay) keep a word's higher frequency
    u32 M, M+1 u32 offsets, M u32 entry indexes, u32 size and the words
                                       each Latin-script word with accents, written
                                       without them (`without_accents`), with its
                                       entry; sorted by that form, then entry

wordfreq's data is licensed CC BY-SA 4.0 (assets/langid/NOTICE.md).
"""

import gzip
import math
import os
import struct
import unicodedata

import wordfreq

WORDS_PER_LANGUAGE = 50_000
# Arabic, Persian and Urdu keep the 10,000 words their weighing was chosen on (the
# model's weight and the letters' odds in src/language/mod.rs): with 50,000, a word
# missing from the long Arabic list is taken for rarer than one missing from the
# short Persian one, and "نقره بالفأرة" (Persian's "silver", Arabic's "with the
# mouse", ة a letter Persian does not write) went to Persian.
ARABIC_SCRIPT_WORDS = 10_000
ARABIC_SCRIPT = {"ar", "fa", "ur"}
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
OUT = os.path.join(ROOT, "assets", "langid", "word-frequencies.bin.gz")
# Letters that keyboards without them replace by a plain one, beyond the accents that
# Unicode decomposition takes off.
PLAIN = {"ı": "i", "ł": "l", "đ": "d", "ø": "o"}


def usable(word):
    return any(c.isalpha() for c in word) and not any(c.isspace() for c in word)


def without_accents(word):
    """The word without its accents, when it has some and is then all ASCII: what a
    keyboard without them gives ("información" -> "informacion")."""
    if word.isascii():
        return None
    bare = "".join(PLAIN.get(c, c) for c in unicodedata.normalize("NFD", word)
                   if not unicodedata.category(c).startswith("M"))
    return bare if bare.isascii() else None


def strings(items):
    """u32 count, count+1 u32 offsets; and u32 size with the bytes of `items`."""
    offsets = [0]
    for item in items:
        offsets.append(offsets[-1] + len(item))
    head = struct.pack(f"<I{len(offsets)}I", len(items), *offsets)
    return head, struct.pack("<I", offsets[-1]) + b"".join(items)


def main():
    if sorted(wordfreq.available_languages()) != sorted(CODES):
        raise SystemExit(f"wordfreq's languages changed: {sorted(wordfreq.available_languages())}")
    best = {}
    for base in sorted(CODES):
        frequencies = wordfreq.get_frequency_dict(base)
        top = sorted(((w, f) for w, f in frequencies.items() if usable(w)),
                     key=lambda wf: (-wf[1], wf[0]))
        top = top[:ARABIC_SCRIPT_WORDS if base in ARABIC_SCRIPT else WORDS_PER_LANGUAGE]
        for word, frequency in top:
            key = (word.encode("utf-8"), CODES[base])
            z = round(math.log10(frequency * 1e9) * 10)
            best[key] = max(z, best.get(key, z))
    entries = sorted(best.items())
    codes = sorted({code for (_, code), _ in entries})
    index = {code: i for i, code in enumerate(codes)}
    head, blob = strings([word for (word, _), _ in entries])
    data = b"CSWORDS2" + bytes([len(codes)]) + "".join(codes).encode("ascii") + head
    data += bytes(index[code] for (_, code), _ in entries) + bytes(z for _, z in entries) + blob
    bare = sorted((b.encode("utf-8"), i) for i, ((word, _), _) in enumerate(entries)
                  if (b := without_accents(word.decode("utf-8"))) is not None)
    head, blob = strings([b for b, _ in bare])
    data += head + struct.pack(f"<{len(bare)}I", *(i for _, i in bare)) + blob
    with open(OUT, "wb") as f:
        f.write(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"{OUT}: {len(entries)} entries, {len(bare)} without accents, {len(data)} bytes, "
          f"{os.path.getsize(OUT)} compressed")


if __name__ == "__main__":
    main()
