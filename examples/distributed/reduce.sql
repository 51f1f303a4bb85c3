-- corpstat: reduce any number of partials into one partial, with DuckDB.
--
-- {partials} is a glob of partial folders (written by `corpstat partial`, or
-- reduced before: a reduced partial is a partial), {out} an existing folder.
-- Run it with the runner beside it:
--     python3 examples/distributed/reduce.py 'partials/*' reduced
-- or with the DuckDB command line:
--     sed -e 's#{partials}#partials/*#g' -e 's#{out}#reduced#g' reduce.sql | duckdb
-- then finish the report with `corpstat merge reduced -o reports`.
--
-- Every table reduces by GROUP BY key with SUM, MIN(first_seen) and the kind of
-- the row with the least first_seen; rows keyed by shard are kept as they are.
-- See PARTIALS.md.

CREATE TEMP VIEW manifests AS
    SELECT json FROM read_json_objects('{partials}/manifest.json');
CREATE TEMP VIEW shards AS
    SELECT unnest(json_extract(json, '$.shards[*]')) AS shard FROM manifests;

-- Refusals: partials that cannot be added up.
SELECT error('partials counted with different options (counting_options_sha256 differs); count every shard with the same options')
    FROM manifests HAVING count(DISTINCT json->>'counting_options_sha256') > 1;
SELECT error('partials written by different corpstat versions or partial formats')
    FROM manifests
    HAVING count(DISTINCT json->>'corpstat_version') > 1 OR count(DISTINCT json->>'partial_version') > 1;
SELECT error('shard ' || (shard->>'order') || ' is in more than one partial: the same partial given twice, or two shards counted with the same --shard')
    FROM shards GROUP BY shard->>'order' HAVING count(*) > 1;

COPY (
    SELECT term,
           CAST(sum(count) AS BIGINT) AS count,
           CAST(sum(doc_freq) AS BIGINT) AS doc_freq,
           CAST(sum(sentence_freq) AS BIGINT) AS sentence_freq,
           min(first_seen) AS first_seen,
           arg_min(kind, first_seen) AS kind,
           min(script) AS script
    FROM read_parquet('{partials}/terms.parquet')
    GROUP BY term ORDER BY first_seen
) TO '{out}/terms.parquet' (FORMAT PARQUET, COMPRESSION ZSTD);

COPY (
    SELECT term, form, CAST(sum(count) AS BIGINT) AS count
    FROM read_parquet('{partials}/surfaces.parquet')
    GROUP BY term, form ORDER BY term, form
) TO '{out}/surfaces.parquet' (FORMAT PARQUET, COMPRESSION ZSTD);

COPY (
    SELECT n, gram, CAST(sum(count) AS BIGINT) AS count, CAST(sum(doc_freq) AS BIGINT) AS doc_freq
    FROM read_parquet('{partials}/ngrams.parquet')
    GROUP BY n, gram ORDER BY n, gram
) TO '{out}/ngrams.parquet' (FORMAT PARQUET, COMPRESSION ZSTD);

COPY (
    SELECT term_a, term_b, CAST(sum(count) AS BIGINT) AS count
    FROM read_parquet('{partials}/pairs.parquet')
    GROUP BY term_a, term_b ORDER BY term_a, term_b
) TO '{out}/pairs.parquet' (FORMAT PARQUET, COMPRESSION ZSTD);

-- Rows of one shard each: kept, in shard order.
COPY (SELECT * FROM read_parquet('{partials}/documents.parquet') ORDER BY shard, document)
    TO '{out}/documents.parquet' (FORMAT PARQUET, COMPRESSION ZSTD);
COPY (SELECT * FROM read_parquet('{partials}/document_bands.parquet') ORDER BY shard, document, band)
    TO '{out}/document_bands.parquet' (FORMAT PARQUET, COMPRESSION ZSTD);
COPY (SELECT * FROM read_parquet('{partials}/document_languages.parquet') ORDER BY shard, document, language, script)
    TO '{out}/document_languages.parquet' (FORMAT PARQUET, COMPRESSION ZSTD);
COPY (SELECT * FROM read_parquet('{partials}/document_terms.parquet') ORDER BY shard, document, term)
    TO '{out}/document_terms.parquet' (FORMAT PARQUET, COMPRESSION ZSTD);
COPY (SELECT * FROM read_parquet('{partials}/mattr_edges.parquet') ORDER BY shard, edge, position)
    TO '{out}/mattr_edges.parquet' (FORMAT PARQUET, COMPRESSION ZSTD);

-- The manifest: the run-wide fields (equal in every partial, checked above),
-- and every shard's entry, in shard order.
COPY (
    SELECT any_value(json->'format') AS format,
           any_value(json->'partial_version') AS partial_version,
           any_value(json->'corpstat_version') AS corpstat_version,
           any_value(json->'schema_version') AS schema_version,
           any_value(json->'counting_options_sha256') AS counting_options_sha256,
           any_value(json->'options') AS options,
           (SELECT to_json(list(shard ORDER BY CAST(shard->>'order' AS BIGINT))) FROM shards) AS shards
    FROM manifests
) TO '{out}/manifest.json' (FORMAT JSON);
