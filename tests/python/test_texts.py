"""Texts in memory (lists, pandas, polars, pyarrow) against the same texts in files."""

import json
import warnings

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import corpstat
from conftest import run_cli


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as file:
        for record in records:
            file.write(json.dumps(record, ensure_ascii=False) + "\n")


def assert_same_tables(a, b):
    assert a.tables() == b.tables()
    for name in a.tables():
        assert a.table(name).equals(b.table(name)), name


@pytest.fixture(scope="module")
def from_file(paragraphs, tmp_path_factory):
    path = tmp_path_factory.mktemp("texts") / "paragraphs.jsonl"
    write_jsonl(path, [{"id": i, "text": t} for i, t in paragraphs])
    return corpstat.report(path)


@pytest.mark.parametrize("shape", ["list", "pandas", "polars", "pyarrow", "chunked"])
def test_texts_give_the_tables_of_the_same_texts_in_a_file(paragraphs, from_file, shape):
    ids = [i for i, _ in paragraphs]
    texts = [t for _, t in paragraphs]
    if shape == "pandas":
        texts, ids = pd.Series(texts), pd.Series(ids)
    elif shape == "polars":
        texts, ids = pl.Series(texts), pl.Series(ids)
    elif shape == "pyarrow":
        texts, ids = pa.array(texts), pa.array(ids)
    elif shape == "chunked":
        half = len(texts) // 2
        texts = pa.chunked_array([texts[:half], texts[half:]])
    in_memory = corpstat.report(texts=texts, ids=ids)
    assert in_memory.summary["documents"] == len(paragraphs)
    assert_same_tables(from_file, in_memory)


def test_groups_are_a_field_of_the_texts(paragraphs, tmp_path):
    groups = ["news" if i.startswith("00") and int(i[2]) < 3 else "other" for i, _ in paragraphs]
    path = tmp_path / "grouped.jsonl"
    write_jsonl(path, [{"id": i, "text": t, "group": g}
                       for (i, t), g in zip(paragraphs, groups)])
    from_file = corpstat.report(path, group_by="field:group")
    in_memory = corpstat.report(texts=[t for _, t in paragraphs],
                                ids=[i for i, _ in paragraphs], groups=groups)
    assert "groups" in in_memory.tables() and "keyness" in in_memory.tables()
    assert_same_tables(from_file, in_memory)
    counts = in_memory.table("groups").to_pydict()
    assert sorted(counts["group"]) == ["news", "other"]
    assert sum(counts["documents"]) == len(paragraphs)


def test_ids_default_to_their_line_and_a_missing_text_is_a_problem():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = corpstat.report(texts=["The cat sat.", None, float("nan"), "قال الوزير"])
    assert [str(w.message) for w in caught] == ["texts:2: no text", "texts:3: no text"]
    assert all(w.category is corpstat.InputProblemWarning for w in caught)
    documents = report.table("documents").to_pydict()
    assert documents["document"] == ["texts:1", "texts:4"]
    assert report.summary["problems_total"] == 2


def test_texts_must_be_strings_and_as_long_as_their_ids():
    with pytest.raises(TypeError, match=r"texts\[1\] is int"):
        corpstat.report(texts=["a b", 5])
    with pytest.raises(ValueError, match="as long"):
        corpstat.report(texts=["a b", "c d"], ids=["x"])
    with pytest.raises(TypeError, match="not one string"):
        corpstat.report(texts="a b c")


def test_options_are_the_commands(paragraphs, tmp_path):
    path = tmp_path / "p.jsonl"
    write_jsonl(path, [{"id": i, "text": t} for i, t in paragraphs])
    stopwords = tmp_path / "stop.txt"
    stopwords.write_text("the\nفي\n", encoding="utf-8")
    run_cli("report", path, "-o", tmp_path / "command", "-q", "--parquet",
            "--ngrams", "2..2", "--cooc-scope", "sentence", "--stopwords", stopwords,
            "--no-fold", "alef", "--no-fold", "yeh-kaf", "--langs", "ara,fas,eng", "--stem")
    call = corpstat.report(path, ngrams=(2, 2), cooc_scope="sentence",
                           stopwords=["the", "في"], no_fold=["alef", "yeh-kaf"],
                           langs=["ara", "fas", "eng"], stem=True, threads=1)
    import pyarrow.parquet as pq
    for name in call.tables():
        assert call.table(name).equals(pq.read_table(tmp_path / "command" / f"{name}.parquet")), name
    options = call.summary["options"]
    assert options["stopwords"]["words"] == ["the", "في"]
    assert options["stopwords"]["file"] == "(words given in the call)"
    assert options["ngram_min"] == options["ngram_max"] == 2
