#!/usr/bin/env python3
"""A dated corpus from the machine's Debian changelogs, for the trends (issue 37).

Every entry of every /usr/share/doc/*/changelog.Debian.gz becomes one JSONL line:
its id (package/version), its date (the trailer's RFC 2822 date, as the day it
was written in its own offset, YYYY-MM-DD) and its text (the change lines).

    scripts/debian-changelogs-corpus.py OUT.jsonl
    corpstat report OUT.jsonl --time-field date -o trends-report

Entries whose trailer has no readable date are kept without one (corpstat counts
them as no_date problems).
"""

import email.utils
import glob
import gzip
import json
import re
import sys

HEADER = re.compile(r"^(\S+) \(([^)]+)\)")
TRAILER = re.compile(r"^ -- .*?>\s+(.*)$")


def entries(path):
    """(package, version, date or None, text) of each entry of one changelog."""
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as file:
        package = version = None
        lines = []
        for line in file:
            line = line.rstrip("\n")
            header = HEADER.match(line)
            if header and not line.startswith(" "):
                package, version, lines = header.group(1), header.group(2), []
                continue
            trailer = TRAILER.match(line)
            if trailer and package:
                try:
                    when = email.utils.parsedate_to_datetime(trailer.group(1).strip())
                    date = when.date().isoformat()
                except (TypeError, ValueError, IndexError):
                    date = None
                yield package, version, date, "\n".join(l.strip() for l in lines if l.strip())
                package = None
                continue
            if package:
                lines.append(line)


def main():
    out = sys.argv[1]
    seen = set()
    with open(out, "w", encoding="utf-8") as sink:
        for path in sorted(glob.glob("/usr/share/doc/*/changelog.Debian.gz")):
            for package, version, date, text in entries(path):
                key = f"{package}/{version}"
                if key in seen or not text:
                    continue
                seen.add(key)
                record = {"id": key, "text": text}
                if date:
                    record["date"] = date
                sink.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(seen)} entries written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
