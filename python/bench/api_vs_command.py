"""The notebook API against the command on the same JSONL file, in one run:
wall time and memory of `corpstat report FILE -o DIR` (the wheel's command), and of
`corpstat.report(texts=..., ids=...)` on the file read with pandas, then
`Report.write(DIR)`, which together do the command's work.

    python python/bench/api_vs_command.py ../shared/bench/corpus-50mb.jsonl.gz [ROUNDS]

Rounds alternate (command, API, command, API, ...), since this machine's speed
drifts; the best of each is printed. Memory: the command's peak RSS; for the API,
the process's RSS before the call (Python, pandas and the texts) and its peak
during report() and write(), both read from /proc.
"""

import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

CHILD = r"""
import os, sys, time
import pandas as pd
import corpstat

def rss():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024

frame = pd.read_json(sys.argv[1], lines=True, dtype={"id": str})
before = rss()
started = time.perf_counter()
report = corpstat.report(texts=frame["text"], ids=frame["id"], name=sys.argv[3])
counted = time.perf_counter() - started
report.write(sys.argv[2])
took = time.perf_counter() - started
with open("/proc/self/status") as f:
    peak = next(int(l.split()[1]) * 1024 for l in f if l.startswith("VmHWM:"))
print(f"{counted} {took} {before} {peak}")
"""


def main():
    path = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    command = str(pathlib.Path(sys.executable).parent / "corpstat")
    work = pathlib.Path(tempfile.mkdtemp(prefix="corpstat-bench-"))
    best = {"command": None, "api": None, "api_count": None}
    memory = {}
    try:
        for _ in range(rounds):
            started = time.perf_counter()
            timed = subprocess.run(["/usr/bin/time", "-f", "%M", command, "report", path,
                                    "-o", work / "command", "-q"],
                                   check=True, capture_output=True, text=True)
            took = time.perf_counter() - started
            peak = int(timed.stderr.split()[-1]) * 1024
            best["command"] = min(took, best["command"] or took)
            memory["command"] = peak
            out = subprocess.run([sys.executable, "-c", CHILD, path, work / "api",
                                  os.path.basename(path)],
                                 check=True, capture_output=True, text=True).stdout.split()
            counted, took, before, peak = float(out[0]), float(out[1]), int(out[2]), int(out[3])
            best["api"] = min(took, best["api"] or took)
            best["api_count"] = min(counted, best["api_count"] or counted)
            memory["api_before"], memory["api_peak"] = before, peak
        differ = subprocess.run(["diff", "-rq", work / "command", work / "api"],
                                capture_output=True, text=True).stdout.strip()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    mb = 1e6
    print(f"command report:            {best['command']:.2f} s, peak RSS {memory['command'] / mb:.0f} MB")
    print(f"API report() + write():    {best['api']:.2f} s "
          f"({best['api'] / best['command']:.3f}x the command); report() alone {best['api_count']:.2f} s")
    print(f"API process RSS before the call {memory['api_before'] / mb:.0f} MB (Python, pandas, the texts), "
          f"peak {memory['api_peak'] / mb:.0f} MB: {(memory['api_peak'] - memory['api_before']) / mb:.0f} MB more")
    print("files that differ (texts in memory are not read again for the concordance lines):")
    print(differ or "none")


if __name__ == "__main__":
    main()
