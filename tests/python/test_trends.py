"""The trends (--time-field) against independent implementations: each word's
Mann–Kendall test and Theil–Sen slope against pymannkendall's, the
Benjamini–Hochberg correction against scipy's; and dates given in memory
(``dates=``) as date objects, pandas Timestamps and strings, against a file."""

import datetime
import json
import random

import pandas as pd
import pymannkendall
import pytest
import scipy.stats

import corpstat

MONTHS = 12


def synthetic_words(rng, n):
    """`n` made-up words of three syllables, none of them a stopword anywhere."""
    words = set()
    while len(words) < n:
        words.add("".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(3)))
    return sorted(words)


@pytest.fixture(scope="module")
def dated(paragraphs):
    """The seed paragraphs spread over the twelve months of 2021, each month's last
    paragraph followed by made-up words whose counts rise, fall or wander."""
    rng = random.Random(37)
    words = synthetic_words(rng, 60)
    counts = {}
    for i, word in enumerate(words):
        start, step = rng.randint(5, 30), (i % 3 - 1) * rng.uniform(0, 3)
        counts[word] = [max(0, round(start + step * m + rng.gauss(0, 4))) for m in range(MONTHS)]
    texts, ids, dates = [], [], []
    for n, (id_, text) in enumerate(paragraphs):
        month = n * MONTHS // len(paragraphs)
        texts.append(text)
        ids.append(id_)
        dates.append(datetime.date(2021, month + 1, 1 + n % 28))
    last = {}
    for n, date in enumerate(dates):
        last[date.month - 1] = n
    for month, n in last.items():
        extra = [w for w in words for _ in range(counts[w][month])]
        rng.shuffle(extra)
        texts[n] += "\n\n" + " ".join(extra) + "."
    return texts, ids, dates, counts


def test_each_trend_agrees_with_pymannkendall_and_scipy(dated):
    texts, ids, dates, counts = dated
    report = corpstat.report(texts=texts, ids=ids, dates=dates, trend_min_count=20)
    assert report.summary["trends"]["period"] == "month"
    periods = report.table("trends").to_pylist()
    assert [p["period"] for p in periods] == [f"2021-{m:02}" for m in range(1, MONTHS + 1)]
    tokens = [p["tokens"] for p in periods]
    rows = report.table("trend_terms").to_pylist()
    by_term = {r["term"]: r for r in rows}
    tested = [w for w in counts if w in by_term]
    assert len(tested) >= 40, f"only {len(tested)} of the 60 made-up words were tested"
    for word in tested:
        row = by_term[word]
        months = [m for m in range(MONTHS) if row[f"2021-{m + 1:02}"] is not None]
        assert row["periods"] == len(months) >= 3, word
        values = [row[f"2021-{m + 1:02}"] for m in months]
        # corpstat's counts: the words as they were put in, per million tokens.
        exact = [counts[word][m] / tokens[m] * 1e6 for m in months]
        assert values == pytest.approx(exact, abs=1e-6), word
        expected = pymannkendall.original_test(exact)
        assert row["p_value"] == pytest.approx(expected.p, rel=1e-6, abs=1e-15), word
        assert row["tau"] == pytest.approx(expected.Tau, abs=1e-6), word
        slope = scipy.stats.theilslopes(exact, months).slope
        assert row["slope"] == pytest.approx(slope, abs=1e-6), word
        if len(months) == MONTHS:
            assert slope == pytest.approx(pymannkendall.sens_slope(exact).slope), word
    # The table's p-values are written to 7 significant figures.
    p_values = [r["p_value"] for r in rows]
    adjusted = scipy.stats.false_discovery_control(p_values, method="bh")
    for row, q in zip(rows, adjusted):
        assert row["p_adjusted"] == pytest.approx(q, rel=1e-5, abs=1e-15), row["term"]
        significant = row["p_adjusted"] <= 0.05 and row["tau"] != 0
        expected = ("rising" if row["tau"] > 0 else "falling") if significant else "none"
        assert row["direction"] == expected, row["term"]
    directions = [r["direction"] for r in rows]
    assert directions.count("rising") >= 3 and directions.count("falling") >= 3, directions


def test_dates_in_memory_are_the_dates_of_a_file(dated, tmp_path):
    texts, ids, dates, _ = dated
    path = tmp_path / "dated.jsonl"
    with open(path, "w", encoding="utf-8") as file:
        for text, id_, date in zip(texts, ids, dates):
            file.write(json.dumps({"id": id_, "text": text, "date": date.isoformat()},
                                  ensure_ascii=False) + "\n")
    from_file = corpstat.report(path, time_field="date")
    stamps = pd.Series([pd.Timestamp(d) for d in dates])
    for given in (dates, stamps, [d.isoformat() for d in dates]):
        in_memory = corpstat.report(texts=texts, ids=ids, dates=given)
        for name in ("trends", "trend_terms"):
            assert in_memory.table(name).equals(from_file.table(name)), name
    # A missing date is a no_date problem, warned of; its text is still counted.
    with pytest.warns(corpstat.InputProblemWarning, match="no date"):
        missing = corpstat.report(texts=texts[:3], dates=[dates[0], None, pd.NaT])
    assert missing.summary["documents"] == 3
    assert missing.summary["trends"]["undated_documents"] == 2
    with pytest.raises(ValueError, match="time_field"):
        corpstat.report(texts=texts[:3], dates=dates[:3], time_field="published")
