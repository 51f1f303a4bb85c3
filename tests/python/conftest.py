"""What the Python package's tests share: the repository's paths and the
`corpstat` command that the wheel puts beside the interpreter."""

import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def command() -> str:
    """The `corpstat` the package installed (not a Rust build's)."""
    path = pathlib.Path(sys.executable).parent / "corpstat"
    assert path.exists(), f"{path}: the wheel's command is not installed"
    return str(path)


def run_cli(*args, check=True, **kwargs) -> subprocess.CompletedProcess:
    """Runs the wheel's `corpstat` with `args`."""
    done = subprocess.run([command(), *map(str, args)], capture_output=True, **kwargs)
    if check and done.returncode != 0:
        raise AssertionError(f"corpstat {args} exited {done.returncode}: {done.stderr!r}")
    return done


def seed_paragraphs() -> list:
    """The seed corpus cut into paragraphs: (id, text) pairs, a few hundred
    documents of Arabic, Persian and English."""
    pairs = []
    for file in sorted(SEEDS.iterdir()):
        text = file.read_text(encoding="utf-8")
        for n, paragraph in enumerate(p for p in text.split("\n\n") if p.strip()):
            pairs.append((f"{file.stem}-{n}", paragraph))
    return pairs


@pytest.fixture(scope="session")
def paragraphs():
    return seed_paragraphs()
