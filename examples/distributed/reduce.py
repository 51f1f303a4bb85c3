#!/usr/bin/env python3
"""Reduce corpstat partials into one partial with DuckDB (the `duckdb` package).

    python3 reduce.py 'PARTIALS_GLOB' OUT

runs reduce.sql with {partials} = PARTIALS_GLOB (a glob of partial folders, such
as 'partials/*' or 's3://bucket/partials/*' with DuckDB's httpfs) and {out} =
OUT, which is created. Exits 2, with DuckDB's message, when the partials cannot
be reduced (different options or versions, a shard given twice, a bad file).
"""
import pathlib
import sys

import duckdb


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    partials, out = sys.argv[1], sys.argv[2]
    if "'" in partials or "'" in out:
        print("reduce.py: paths with a single quote are not supported", file=sys.stderr)
        return 2
    pathlib.Path(out).mkdir(parents=True, exist_ok=True)
    sql = pathlib.Path(__file__).with_name("reduce.sql").read_text(encoding="utf-8")
    sql = sql.replace("{partials}", partials.rstrip("/")).replace("{out}", out.rstrip("/"))
    try:
        duckdb.connect().execute(sql)
    except duckdb.Error as error:
        print(f"reduce.py: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
