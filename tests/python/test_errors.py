"""Errors as Python knows them, Ctrl-C, the GIL, and the command's exit codes."""

import os
import signal
import threading
import time

import pytest

import corpstat
from conftest import SEEDS, run_cli


def test_a_wrong_option_name_is_a_type_error_that_names_it():
    with pytest.raises(TypeError, match="'coocscope'"):
        corpstat.report(SEEDS, coocscope="sentence")
    with pytest.raises(TypeError, match="stem= takes True or False"):
        corpstat.report(SEEDS, stem="yes")
    with pytest.raises(TypeError, match=r"output=: write the report with Report.write"):
        corpstat.report(SEEDS, output="somewhere")


def test_a_wrong_value_is_a_value_error_that_names_the_option():
    with pytest.raises(ValueError, match="'bogus' for cooc_scope="):
        corpstat.report(SEEDS, cooc_scope="bogus")
    with pytest.raises(ValueError, match="memory_limit="):
        corpstat.report(SEEDS, memory_limit="lots")
    with pytest.raises(ValueError, match="ngrams="):
        corpstat.report(SEEDS, ngrams=(3, 1))


def test_a_missing_path_is_file_not_found_with_the_path(tmp_path):
    missing = tmp_path / "no-such-corpus"
    with pytest.raises(FileNotFoundError) as raised:
        corpstat.report(missing)
    assert raised.value.filename == str(missing)


def test_an_empty_corpus_is_a_value_error(tmp_path):
    with pytest.raises(ValueError, match="no documents found"):
        corpstat.report(tmp_path)
    with pytest.raises(ValueError, match="no documents found in the texts given"):
        corpstat.report(texts=[])
    with pytest.raises(ValueError, match="paths or texts"):
        corpstat.report()


def many_texts(n):
    sentence = "قال الوزير إن الهجمات تهدد الأمن. The minister said the attacks threaten the region. "
    return (sentence * 20 for _ in range(n))


def test_ctrl_c_stops_a_report_with_keyboard_interrupt():
    # Python turns SIGINT into KeyboardInterrupt only when its parent did not ignore
    # the signal (a shell ignores it for a command run in the background), so the
    # handler is set here, as an interactive session has it.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        # About fifteen seconds of work uninterrupted; Ctrl-C after half a second.
        timer = threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGINT))
        started = time.monotonic()
        timer.start()
        with pytest.raises(KeyboardInterrupt):
            corpstat.report(texts=many_texts(100_000))
        took = time.monotonic() - started
        timer.join()
    finally:
        signal.signal(signal.SIGINT, previous)
    assert took < 5, f"stopped after {took:.1f} s"


def test_the_gil_is_released_while_a_report_runs():
    counted = 0
    running = True

    def count():
        nonlocal counted
        while running:
            counted += 1

    counter = threading.Thread(target=count)
    counter.start()
    started = time.monotonic()
    corpstat.report(texts=many_texts(3_000), threads=1)
    took = time.monotonic() - started
    during = counted
    running = False
    counter.join()
    # A Python loop counts millions a second when it has the interpreter; had the
    # report held the GIL, it would have counted almost nothing meanwhile.
    assert took > 0.2
    assert during / took > 500_000, f"{during} counts in {took:.2f} s"


def test_the_command_is_the_rust_command_line(tmp_path):
    stats = run_cli("stats", SEEDS)
    assert stats.stdout.decode().splitlines()[:3] == ["statistic,value", "documents,5", "tokens,2288"]
    assert run_cli("bogus", check=False).returncode == 2
    assert run_cli("terms", tmp_path / "missing", check=False).returncode == 2
    rules = tmp_path / "rules.toml"
    rules.write_text('[[rule]]\nname = "big"\nmetric = "tokens"\nmin = 1000000\n',
                     encoding="utf-8")
    run_cli("report", SEEDS, "-o", tmp_path / "r", "-q")
    # A failed check exits 1, as the Rust binary's does.
    failed = run_cli("check", "--summary", tmp_path / "r" / "summary.json", "--rules", rules,
                     check=False)
    assert failed.returncode == 1, failed.stderr
    version = run_cli("--version").stdout.decode()
    assert version.startswith("corpstat ")


def test_input_that_cannot_be_read_at_all_is_an_os_error_with_the_path(tmp_path):
    binary = tmp_path / "data.bin"
    binary.write_bytes(b"\x00\x01\x02" * 1000)
    with pytest.raises(OSError) as raised:
        corpstat.report(binary)
    assert raised.value.filename == str(binary)
    assert "no document of" in str(raised.value) and "binary" in str(raised.value)
    assert not isinstance(raised.value, FileNotFoundError)
