"""corpstat.detect() against `corpstat detect`."""

import pandas as pd
import pytest

import corpstat
from conftest import run_cli, seed_paragraphs


def test_detect_equals_the_command_line_by_line(tmp_path):
    lines = [line for _, p in seed_paragraphs() for line in p.splitlines() if line.strip()]
    lines += ["Bonjour tout le monde, comment allez-vous aujourd'hui ?",
              "Der schnelle braune Fuchs springt über den faulen Hund.",
              "12345", "كتاب"]
    path = tmp_path / "lines.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    printed = run_cli("detect", "--format", "tsv", path).stdout.decode().splitlines()
    table = corpstat.detect(pd.Series(lines)).to_pydict()
    assert len(printed) == len(lines) == len(table["language"])
    for i, row in enumerate(printed):
        language, script, confidence = row.split("\t")
        assert table["language"][i] == language, (i, lines[i])
        assert table["script"][i] == script
        assert f"{table['confidence'][i]:.6f}" == confidence
    # Known answers: the seeds are Arabic, Persian and English news (with a German
    # caption, "Infografik Frankreich: ...", and a French name among them).
    seeds = table["language"][:-4]
    assert sum(code in ("ara", "fas", "eng") for code in seeds) > 0.9 * len(seeds)
    caption = next(i for i, line in enumerate(lines) if line.startswith("Infografik"))
    assert table["language"][caption] == "deu"
    assert table["language"][-4:] == ["fra", "deu", "und", "ara"]


def test_detect_takes_one_string_and_candidate_languages():
    assert corpstat.detect("The minister said the attacks threaten the region.")["language"].to_pylist() == ["eng"]
    assert corpstat.detect(["قال الوزير إن الهجمات تهدد الأمن"], langs=["ara", "fas"])["language"].to_pylist() == ["ara"]
    with pytest.raises(ValueError, match="langs="):
        corpstat.detect(["x"], langs=["nope"])
