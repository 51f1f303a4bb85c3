"""corpstat.kwic() and corpstat.collocates() against the command's CSV."""

import csv
import io
import json

import pytest

import corpstat
from conftest import SEEDS, run_cli
from test_report import csv_cell_equals


def command_rows(*args):
    printed = run_cli(*args, "--format", "csv").stdout.decode()
    return list(csv.reader(io.StringIO(printed)))


def assert_table_is(table, rows):
    assert table.column_names == rows[0]
    assert table.num_rows == len(rows) - 1
    columns = table.to_pydict()
    for i, row in enumerate(rows[1:]):
        for name, cell in zip(rows[0], row):
            assert csv_cell_equals(cell, columns[name][i]), (i, name, cell, columns[name][i])


@pytest.mark.parametrize("query,options,flags", [
    ("في", {}, []),
    ("ماکرون", {"context": 2, "exact": True}, ["--context", "2", "--exact"]),
    ("في", {"sort": ["left1", "right1"], "top": 10}, ["--sort", "left1,right1", "--top", "10"]),
    ("ال.*", {"regex": True, "top": 25}, ["--regex", "--top", "25"]),
])
def test_kwic_equals_the_commands_csv(query, options, flags):
    rows = command_rows("kwic", query, SEEDS, *flags)
    assert len(rows) > 2, "the query has lines in the seeds"
    table = corpstat.kwic(query, SEEDS, **options)
    assert_table_is(table, rows)
    assert table.schema.field("sentence").type == "int64"


def test_kwic_of_texts_in_memory_equals_the_same_texts_in_a_file(paragraphs, tmp_path):
    path = tmp_path / "p.jsonl"
    with open(path, "w", encoding="utf-8") as file:
        for i, t in paragraphs:
            file.write(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n")
    from_file = corpstat.kwic("في", path)
    in_memory = corpstat.kwic("في", texts=[t for _, t in paragraphs], ids=[i for i, _ in paragraphs])
    assert from_file.num_rows > 40
    assert in_memory.equals(from_file)


@pytest.mark.parametrize("word,options,flags", [
    ("الصين", {"min_count": 2}, ["--min-count", "2"]),
    ("فرانسه", {"cooc_scope": "sentence", "by": "pmi"}, ["--cooc-scope", "sentence", "--by", "pmi"]),
])
def test_collocates_equal_the_commands_csv(word, options, flags):
    rows = command_rows("collocates", word, SEEDS, *flags)
    assert len(rows) > 2
    assert_table_is(corpstat.collocates(word, SEEDS, **options), rows)


def test_a_word_not_in_the_corpus_is_a_key_error():
    with pytest.raises(KeyError, match="not in the corpus"):
        corpstat.collocates("qqqzzz", SEEDS)


def test_kwic_refuses_what_it_does_not_take():
    with pytest.raises(TypeError, match="ngrams"):
        corpstat.kwic("في", SEEDS, ngrams=2)
    with pytest.raises(TypeError, match="format=: a call returns an Arrow table"):
        corpstat.kwic("في", SEEDS, format="csv")
