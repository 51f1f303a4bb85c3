"""Quality signals through the Arrow API, against a plain Python implementation of
the same definitions (Gopher's repetition measures as datatrove computes them, on
lines trimmed and non-empty) over generated documents of lowercase ASCII words, where
corpstat's tokens are the words split on white space."""

import random
from collections import Counter

import pytest

import corpstat

VOCABULARY = [f"{a}{b}" for a in "bcdfgklmnprst" for b in ("a", "eo", "ui", "ank", "ess")]


def document(rng: random.Random) -> str:
    """Lines of words, some lines repeated, some ending in a full stop, some bulleted."""
    lines = []
    for _ in range(rng.randint(1, 12)):
        if lines and rng.random() < 0.25:
            lines.append(rng.choice(lines))
            continue
        words = " ".join(rng.choice(VOCABULARY[: rng.randint(3, len(VOCABULARY))]) for _ in range(rng.randint(1, 15)))
        if rng.random() < 0.5:
            words += "."
        if rng.random() < 0.2:
            words = "• " + words
        lines.append(words)
    return "\n".join(lines) + "\n"


def top_ngram_chars(words: list[str], n: int) -> int:
    """The most repeated n-gram's count times its length; ties to the longer one."""
    grams = Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))
    if not grams:
        return 0
    count, chars = max((c, sum(map(len, g)) + n - 1) for g, c in grams.items())
    return count * chars


def expected(text: str) -> dict[str, float | None]:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    words = text.replace("•", " ").replace(".", " ").split()
    seen, duplicates, duplicate_chars = set(), 0, 0
    for line in lines:
        if line in seen:
            duplicates += 1
            duplicate_chars += len(line)
        seen.add(line)
    chars = len(text)
    share = lambda part, whole: part / whole if whole else None  # noqa: E731
    return {
        "words": len(words),
        "mean_word_length": share(sum(map(len, words)), len(words)),
        "terminal_lines": share(sum(line.endswith(".") for line in lines), len(lines)),
        "bullet_lines": share(sum(line.startswith("•") for line in lines), len(lines)),
        "duplicate_lines": share(duplicates, len(lines)),
        "duplicate_line_chars": share(duplicate_chars, chars),
        "top_2gram_chars": share(top_ngram_chars(words, 2), chars),
        "top_3gram_chars": share(top_ngram_chars(words, 3), chars),
        "top_4gram_chars": share(top_ngram_chars(words, 4), chars),
    }


def test_signals_match_the_definitions_on_generated_documents():
    rng = random.Random(35)
    texts = [document(rng) for _ in range(300)]
    ids = [f"d{i:03}" for i in range(len(texts))]
    report = corpstat.report(texts=texts, ids=ids)
    table = report.table("quality").to_pydict()
    assert table["document"] == ids
    compared = 0
    for i, text in enumerate(texts):
        for name, value in expected(text).items():
            got = table[name][i]
            if value is None:
                assert got is None, (ids[i], name)
            else:
                # The CSV and Arrow values are rounded to 6 decimals.
                assert got == pytest.approx(value, abs=1e-6), (ids[i], name, text)
            compared += 1
    assert compared == 300 * 9
    # Some documents repeat lines, and the summary counts those the rule drops.
    rule = report.summary["quality"]["rules"]["gopher_duplicate_lines"]
    dropped = sum(1 for v in table["duplicate_lines"] if v is not None and v > 0.3)
    assert rule["documents"] == 300 and rule["flagged"] == dropped > 0
