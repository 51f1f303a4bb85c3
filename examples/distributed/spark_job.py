#!/usr/bin/env python3
"""corpstat on Apache Spark (the `pyspark` package): the whole job.

    python3 spark_job.py --corpstat BIN --work DIR --output REPORT \\
        [--master local[2]] [--name NAME] SHARD... [-- PARTIAL_OPTIONS...]

1. map: one Spark task per SHARD (a file or folder, in corpus order) runs
   `corpstat partial SHARD -o WORK/partials/pNNNNN --shard N --shards COUNT`;
2. reduce: Spark SQL over the Parquet partials (GROUP BY key, SUM(count),
   MIN(first_seen)), written as one reduced partial in WORK/reduced, each table
   a folder of part files as Spark writes them;
3. finish: `corpstat merge WORK/reduced -o REPORT` on the driver.

Options after `--` go to every `corpstat partial` (--ngrams, --cooc-scope, ...).
On a cluster, give --master (yarn, spark://..., k8s://...), put BIN on every
worker at the same path, and make WORK a folder every worker and the driver
share (NFS, or a mounted bucket). Exits 2 when a step fails.
"""
import argparse
import json
import os
import subprocess
import sys

from pyspark.sql import SparkSession


def parse():
    argv = sys.argv[1:]
    extra = []
    if "--" in argv:
        at = argv.index("--")
        argv, extra = argv[:at], argv[at + 1:]
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpstat", required=True, help="the corpstat binary (on every worker)")
    p.add_argument("--work", required=True, help="shared folder for partials and the reduce")
    p.add_argument("--output", required=True, help="report folder")
    p.add_argument("--master", default="local[2]")
    p.add_argument("--name", help="the corpus' name in the report")
    p.add_argument("shards", nargs="+")
    args = p.parse_args(argv)
    args.extra = extra
    return args


def map_shard(corpstat, work, extra, count):
    def run(item):
        order, shard = item
        out = os.path.join(work, "partials", f"p{order:05d}")
        done = subprocess.run(
            [corpstat, "partial", shard, "-o", out, "--shard", str(order),
             "--shards", str(count), "-q", *extra],
            capture_output=True, text=True,
        )
        return order, done.returncode, done.stderr
    return run


# Spark SQL for each table: the same reduce as reduce.sql.
REDUCE = {
    "terms": """SELECT term, sum(count) AS count, sum(doc_freq) AS doc_freq,
                       sum(sentence_freq) AS sentence_freq, min(first_seen) AS first_seen,
                       min_by(kind, first_seen) AS kind, min(script) AS script
                FROM terms GROUP BY term""",
    "surfaces": "SELECT term, form, sum(count) AS count FROM surfaces GROUP BY term, form",
    "ngrams": """SELECT n, gram, sum(count) AS count, sum(doc_freq) AS doc_freq
                 FROM ngrams GROUP BY n, gram""",
    "pairs": "SELECT term_a, term_b, sum(count) AS count FROM pairs GROUP BY term_a, term_b",
    "documents": "SELECT * FROM documents",
    "document_bands": "SELECT * FROM document_bands",
    "document_languages": "SELECT * FROM document_languages",
    "document_terms": "SELECT * FROM document_terms",
    "mattr_edges": "SELECT * FROM mattr_edges",
}


def reduce_manifests(partials, reduced):
    manifests = []
    for name in sorted(os.listdir(partials)):
        if name.startswith(".") or not os.path.isdir(os.path.join(partials, name)):
            continue  # the lock files corpstat leaves beside what it writes
        with open(os.path.join(partials, name, "manifest.json"), encoding="utf-8") as f:
            manifests.append(json.load(f))
    first = manifests[0]
    for m in manifests[1:]:
        for field in ("counting_options_sha256", "corpstat_version", "partial_version", "schema_version"):
            if m[field] != first[field]:
                raise SystemExit(f"spark_job.py: partials differ in {field}: {first[field]} against {m[field]}")
    shards = sorted((s for m in manifests for s in m["shards"]), key=lambda s: s["order"])
    orders = [s["order"] for s in shards]
    if len(set(orders)) != len(orders):
        raise SystemExit("spark_job.py: a shard is in more than one partial")
    merged = dict(first, shards=shards)
    with open(os.path.join(reduced, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(merged, f, ensure_ascii=False)


def main():
    args = parse()
    corpstat = os.path.abspath(args.corpstat)
    work = os.path.abspath(args.work)
    spark = SparkSession.builder.master(args.master).appName("corpstat").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        shards = list(enumerate(os.path.abspath(s) for s in args.shards))
        mapped = (
            spark.sparkContext.parallelize(shards, len(shards))
            .map(map_shard(corpstat, work, args.extra, len(shards)))
            .collect()
        )
        for order, code, stderr in sorted(mapped):
            if code != 0:
                sys.stderr.write(stderr)
                print(f"spark_job.py: corpstat partial failed on shard {order} (exit {code})", file=sys.stderr)
                return 2
        partials = os.path.join(work, "partials")
        reduced = os.path.join(work, "reduced")
        os.makedirs(reduced, exist_ok=True)
        for table, query in REDUCE.items():
            spark.read.parquet(os.path.join(partials, "p*", f"{table}.parquet")).createOrReplaceTempView(table)
            spark.sql(query).write.mode("overwrite").option("compression", "zstd").parquet(
                os.path.join(reduced, f"{table}.parquet")
            )
        reduce_manifests(partials, reduced)
    finally:
        spark.stop()
    finish = [corpstat, "merge", reduced, "-o", os.path.abspath(args.output), "-q"]
    if args.name:
        finish += ["--name", args.name]
    return 0 if subprocess.run(finish).returncode == 0 else 2


if __name__ == "__main__":
    sys.exit(main())
