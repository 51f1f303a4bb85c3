#!/usr/bin/env python3
"""One or two words, per language, and the same words with their accents taken off.

    python3 examples/langid/short_words.py OUT_DIR NAME=BINARY [NAME=BINARY ...]

Builds (or reads from OUT_DIR) eval.py's set and asks each binary's `corpstat detect`
about its word pairs and single words: accuracy per language for the eleven languages
of eval.py's table and five more, then, for nine languages written with accents, the
words that have some, stripped of them (what a keyboard without accents types): right
and `und` shares. Needs what eval.py needs.
"""
import os
import pickle
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import eval as langid  # noqa: E402

MORE = ["jpn", "por", "ita", "nld", "kor"]
ACCENTED = ["spa", "fra", "por", "tur", "deu", "ita", "ces", "pol", "vie"]


def stripped(text):
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def main():
    out_dir = sys.argv[1]
    cache = os.path.join(out_dir, "items.pickle")
    if os.path.exists(cache):
        with open(cache, "rb") as f:
            items = pickle.load(f)
    else:
        items, _ = langid.build(out_dir)
        with open(cache, "wb") as f:
            pickle.dump(items, f)
    short = [i for i in items if i[0] in ("word pair", "single word")]
    bare = [(g, gold, stripped(t)) for g, gold, _, t in short
            if gold in ACCENTED and stripped(t) != t]
    for spec in sys.argv[2:]:
        name, binary = spec.split("=", 1)
        answers = langid.run_detect(binary, [i[3] for i in short])
        for granularity in ("word pair", "single word"):
            cells = []
            for language in langid.SHORT_LANGUAGES + MORE:
                pairs = [(i[1], a) for i, a in zip(short, answers)
                         if i[0] == granularity and i[1] == language]
                cells.append(f"{language} {sum(g == a for g, a in pairs) / len(pairs):.3f}"
                             if pairs else f"{language} -")
            print(f"{name}, {granularity}: " + ", ".join(cells))
        answers = langid.run_detect(binary, [t for _, _, t in bare])
        for language in ACCENTED:
            for granularity in ("single word", "word pair"):
                pairs = [(gold, a) for (g, gold, _), a in zip(bare, answers)
                         if gold == language and g == granularity]
                if pairs:
                    right = sum(g == a for g, a in pairs) / len(pairs)
                    und = sum(a == "und" for _, a in pairs) / len(pairs)
                    print(f"{name}, {language} {granularity} without accents ({len(pairs)}): "
                          f"right {right:.2f}, und {und:.2f}")


if __name__ == "__main__":
    main()
