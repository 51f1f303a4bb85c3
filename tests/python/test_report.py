"""corpstat.report(): the same tables, summary and folder as the command."""

import csv
import filecmp
import json
import math

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import corpstat
from conftest import SEEDS, run_cli


def folder_files(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def csv_cell_equals(cell: str, value) -> bool:
    """Whether a CSV cell holds the Arrow value (as --parquet types it)."""
    if value is None:
        return cell == ""
    if isinstance(value, bool):
        return cell == ("true" if value else "false")
    if isinstance(value, int):
        return int(cell) == value
    if isinstance(value, float):
        return math.isclose(float(cell), value, rel_tol=0, abs_tol=0) or (
            math.isnan(value) and cell.lower() == "nan")
    return cell == value


@pytest.fixture(scope="module")
def command_report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("command") / "report"
    run_cli("report", SEEDS, "-o", folder, "--parquet", "-q")
    return folder


@pytest.fixture(scope="module")
def seeds_report():
    return corpstat.report([SEEDS])


def test_every_table_equals_the_commands_csv_and_parquet(command_report, seeds_report):
    csvs = sorted(p.stem for p in command_report.glob("*.csv"))
    assert sorted(seeds_report.tables()) == csvs
    assert "terms" in csvs and "ngrams" in csvs and "cooccurrence" in csvs
    for name in csvs:
        table = seeds_report.table(name)
        assert isinstance(table, pa.Table)
        parquet = pq.read_table(command_report / f"{name}.parquet")
        assert table.schema == parquet.schema, name
        assert table.equals(parquet), name
        with open(command_report / f"{name}.csv", newline="", encoding="utf-8") as file:
            rows = list(csv.reader(file))
        assert rows[0] == table.column_names, name
        assert len(rows) - 1 == table.num_rows, name
        columns = table.to_pydict()
        for i, row in enumerate(rows[1:]):
            for column, cell in zip(rows[0], row):
                assert csv_cell_equals(cell, columns[column][i]), (name, i, column, cell)


def test_known_answers_of_the_seeds(seeds_report):
    summary = seeds_report.summary
    # The seed corpus: five documents, 2,288 tokens (tests/it/committed_report.rs
    # checks the same figures of the committed report).
    assert summary["documents"] == 5
    assert summary["tokens"] == 2288
    terms = seeds_report.table("terms").to_pydict()
    assert terms["term"][:3] == ["في", "أن", "على"]
    assert terms["count"][:3] == [52, 32, 32]
    assert seeds_report.table("terms.csv").num_rows == len(terms["term"])


def test_summary_is_summary_json(command_report, seeds_report):
    written = json.loads((command_report / "summary.json").read_text(encoding="utf-8"))
    assert seeds_report.summary == written


def test_write_gives_the_commands_folder_byte_for_byte(tmp_path, seeds_report):
    run_cli("report", SEEDS, "-o", tmp_path / "command", "-q")
    seeds_report.write(tmp_path / "call")
    files = folder_files(tmp_path / "command")
    assert files == folder_files(tmp_path / "call")
    assert "index.html" in files and "top-terms.png" in files
    equal, different, errors = filecmp.cmpfiles(
        tmp_path / "command", tmp_path / "call", files, shallow=False)
    assert different == [] and errors == []


def test_an_unknown_table_is_a_key_error(seeds_report):
    with pytest.raises(KeyError, match='no table "keyness"'):
        seeds_report.table("keyness")
