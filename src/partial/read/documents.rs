//! The documents of partials, their language words and terms, and the MATTR
//! window replayed across the shards.

use std::path::Path;

use arrow_array::Array;
use rustc_hash::FxHashMap;

use super::super::parquet_io::for_each_batch;
use super::super::tables::columns;
use super::super::tables::{DOCUMENTS, DOCUMENT_LANGUAGES, DOCUMENT_TERMS, MATTR_EDGES};
use super::super::PartialError;
use super::{bad, count_column, ids_by_row, saturated, term_id, Counts, Layout};
use crate::count::{
    CodeSwitching, CorpusCounts, DocumentFigures, DocumentRecord, Fingerprint, QualityCounts,
    Signature,
};
use crate::dates::Day;
use crate::input::DocumentMeta;
use crate::language::Lang;
use crate::measures::lexical::{Mattr, MtldFactors};
use crate::normalize::Orthography;
use crate::script::Script;

/// The text of row `row` of `column`, `None` where it is null.
fn cell(column: &arrow_array::StringArray, row: usize) -> Option<&str> {
    (!column.is_null(row)).then(|| column.value(row))
}

/// A cell that may be null, parsed by `parse`; a cell it refuses is `Err` with the
/// cell's length, for the message.
fn optional_cell<T>(cell: Option<&str>, parse: fn(&str) -> Option<T>) -> Result<Option<T>, usize> {
    match cell {
        None => Ok(None),
        Some(text) => parse(text).map(Some).ok_or(text.len()),
    }
}

pub(super) fn read_documents(
    dirs: &[&Path],
    layout: &Layout,
    counts: &mut CorpusCounts,
) -> Result<(), PartialError> {
    let table = DOCUMENTS.name;
    let mut documents: Vec<((u64, u64), DocumentRecord)> = Vec::new();
    for_each_batch(dirs, &DOCUMENTS, |rows, at| {
        let dir = dirs[at];
        let (ids, sources, groups) = (
            rows.text(columns::ID),
            rows.text(columns::SOURCE),
            rows.text(columns::GROUP),
        );
        let (forward, backward) = (
            rows.float(columns::MTLD_FORWARD),
            rows.float(columns::MTLD_BACKWARD),
        );
        let switch_pairs = rows.text(columns::SWITCH_PAIRS);
        let fingerprints = rows.text(columns::FINGERPRINT);
        let signatures = rows.text(columns::MINHASH);
        let qualities = rows.text(columns::QUALITY);
        let dates = rows.text(columns::DATE);
        let ledgers = rows.text(columns::ORTHOGRAPHY);
        let [shard, document, line, bytes, tokens, sentences, switches, mixed] = [
            columns::SHARD,
            columns::DOCUMENT,
            columns::LINE,
            columns::BYTES,
            columns::TOKENS,
            columns::SENTENCES,
            columns::SWITCHES,
            columns::MIXED_SENTENCES,
        ]
        .map(|column| count_column(rows, column, dir, table));
        for row in 0..rows.len() {
            let order = shard.at(row)?;
            layout.shard(order, dir, table)?;
            let tokens = tokens.at(row)?;
            let pairs =
                CodeSwitching::pairs_from_text(switch_pairs.value(row)).ok_or_else(|| {
                    bad(
                        dir,
                        table,
                        format!(
                            "switch_pairs {:?} is not a list of from>to:count",
                            switch_pairs.value(row)
                        ),
                    )
                })?;
            let orthography = Orthography::from_text(ledgers.value(row)).ok_or_else(|| {
                bad(
                    dir,
                    table,
                    format!(
                        "orthography {:?} is not a list of step:count",
                        ledgers.value(row)
                    ),
                )
            })?;
            let fingerprint = optional_cell(cell(fingerprints, row), Fingerprint::from_hex)
                .map_err(|n| {
                    bad(
                        dir,
                        table,
                        format!("fingerprint of {n} characters is not 32 hex digits"),
                    )
                })?;
            let signature =
                optional_cell(cell(signatures, row), Signature::from_hex).map_err(|n| {
                    bad(
                        dir,
                        table,
                        format!("minhash of {n} characters is not 112 values of 8 hex digits"),
                    )
                })?;
            let quality = match cell(qualities, row) {
                None => None,
                Some(text) => Some(QualityCounts::from_text(text).ok_or_else(|| {
                    bad(
                        dir,
                        table,
                        format!(
                            "quality {text:?} is not a list of the quality counts as name:count"
                        ),
                    )
                })?),
            };
            let date = optional_cell(cell(dates, row), Day::from_iso).map_err(|n| {
                bad(
                    dir,
                    table,
                    format!("date of {n} characters is not a day as YYYY-MM-DD"),
                )
            })?;
            documents.push((
                (order, document.at(row)?),
                DocumentRecord {
                    meta: DocumentMeta {
                        id: ids.value(row).to_string(),
                        source: sources.value(row).to_string(),
                        line: line.at(row)?,
                        group: cell(groups, row).map(str::to_string),
                        date,
                    },
                    figures: DocumentFigures {
                        bytes: bytes.at(row)?,
                        tokens,
                        sentences: sentences.at(row)?,
                        language_words: Default::default(),
                        code_switching: CodeSwitching {
                            switches: switches.at(row)?,
                            mixed_sentences: mixed.at(row)?,
                            pairs,
                        },
                        orthography,
                        mtld: MtldFactors {
                            forward: forward.value(row),
                            backward: backward.value(row),
                            tokens,
                        },
                    },
                    terms: Vec::new(),
                    fingerprint,
                    signature,
                    quality,
                },
            ));
        }
        Ok(())
    })?;
    documents.sort_unstable_by_key(|(key, _)| *key);
    let mut place: FxHashMap<(u64, u64), usize> = FxHashMap::default();
    let mut per_shard: FxHashMap<u64, u64> = FxHashMap::default();
    for (at, (key, _)) in documents.iter().enumerate() {
        if place.insert(*key, at).is_some() {
            return Err(bad(
                dirs[0],
                table,
                format!("document {} of shard {} appears twice", key.1, key.0),
            ));
        }
        *per_shard.entry(key.0).or_default() += 1;
    }
    for (_, shard) in &layout.shards {
        let order = shard.order;
        let found = per_shard.get(&order).copied().unwrap_or(0);
        if found != shard.documents {
            return Err(bad(
                dirs[0],
                table,
                format!(
                    "shard {order} has {found} documents; its manifest says {}",
                    shard.documents
                ),
            ));
        }
    }
    let mut documents: Vec<DocumentRecord> = documents.into_iter().map(|(_, d)| d).collect();
    // The document a row of a per-document table belongs to.
    let locate = |shard: &Counts, document: &Counts, row: usize| -> Result<usize, PartialError> {
        let key = (shard.at(row)?, document.at(row)?);
        place.get(&key).copied().ok_or_else(|| {
            bad(
                shard.dir,
                shard.table,
                format!(
                    "names document {} of shard {}, which documents.parquet lacks",
                    key.1, key.0
                ),
            )
        })
    };
    let languages = DOCUMENT_LANGUAGES.name;
    for_each_batch(dirs, &DOCUMENT_LANGUAGES, |rows, at| {
        let dir = dirs[at];
        let (codes, scripts) = (rows.text(columns::LANGUAGE), rows.text(columns::SCRIPT));
        let [shard, document, words] = [columns::SHARD, columns::DOCUMENT, columns::WORDS]
            .map(|column| count_column(rows, column, dir, languages));
        for row in 0..rows.len() {
            let doc = locate(&shard, &document, row)?;
            let code = codes.value(row);
            let lang = Lang::parse(code)
                .ok_or_else(|| bad(dir, languages, format!("unknown language {code:?}")))?;
            let name = scripts.value(row);
            let script = Script::from_name(name)
                .ok_or_else(|| bad(dir, languages, format!("unknown script {name:?}")))?;
            *documents[doc]
                .figures
                .language_words
                .entry((lang, script))
                .or_default() += words.at(row)?;
        }
        Ok(())
    })?;
    let terms = DOCUMENT_TERMS.name;
    for_each_batch(dirs, &DOCUMENT_TERMS, |rows, at| {
        let dir = dirs[at];
        let column = rows.text(columns::TERM);
        let [shard, document, count] = [columns::SHARD, columns::DOCUMENT, columns::COUNT]
            .map(|name| count_column(rows, name, dir, terms));
        let (ids, _) = ids_by_row(rows.len(), |row, ids| {
            ids.push(term_id(counts, column.value(row), dir, terms)?);
            Ok(())
        })?;
        for (row, &id) in ids.iter().enumerate() {
            let doc = locate(&shard, &document, row)?;
            documents[doc].terms.push((id, saturated(count.at(row)?)));
        }
        Ok(())
    })?;
    for document in &mut documents {
        // An engine may return the rows in any order; the report does not depend on it.
        document.terms.sort_unstable();
        counts.figures += &document.figures;
    }
    counts.ignored_tokens = layout.shards.iter().map(|(_, s)| s.ignored_tokens).sum();
    let expected: u64 = layout.shards.iter().map(|(_, s)| s.tokens).sum();
    if counts.figures.tokens != expected {
        return Err(bad(
            dirs[0],
            table,
            format!(
                "its documents hold {} tokens; the manifests say {expected}",
                counts.figures.tokens
            ),
        ));
    }
    counts.documents = documents;
    Ok(())
}

pub(super) fn read_mattr(
    dirs: &[&Path],
    layout: &Layout,
    counts: &mut CorpusCounts,
) -> Result<(), PartialError> {
    let table = MATTR_EDGES.name;
    type Edge = Vec<(u64, u32)>;
    let mut edges: FxHashMap<u64, (Edge, Edge)> = FxHashMap::default();
    for_each_batch(dirs, &MATTR_EDGES, |rows, at| {
        let dir = dirs[at];
        let (terms, edge) = (rows.text(columns::TERM), rows.text(columns::EDGE));
        let [shard, position] = [columns::SHARD, columns::POSITION]
            .map(|column| count_column(rows, column, dir, table));
        for row in 0..rows.len() {
            let order = shard.at(row)?;
            layout.shard(order, dir, table)?;
            let id = term_id(counts, terms.value(row), dir, table)?;
            let (head, tail) = edges.entry(order).or_default();
            match edge.value(row) {
                "head" => head.push((position.at(row)?, id)),
                "tail" => tail.push((position.at(row)?, id)),
                other => return Err(bad(dir, table, format!("unknown edge {other:?}"))),
            }
        }
        Ok(())
    })?;
    let window = counts.options.mattr_window;
    let identity: Vec<u32> = (0..counts.terms.len() as u32).collect();
    let mut mattr = Mattr::new(window);
    for (_, shard) in &layout.shards {
        let (mut head, mut tail) = edges.remove(&shard.order).unwrap_or_default();
        head.sort_unstable();
        tail.sort_unstable();
        let (distinct_sum, windows) = (shard.mattr_distinct_sum, shard.mattr_windows);
        let head: Vec<u32> = head.into_iter().map(|(_, id)| id).collect();
        let tail: Vec<u32> = tail.into_iter().map(|(_, id)| id).collect();
        mattr.append(
            &Mattr::from_edges(window, head, &tail, distinct_sum, windows),
            &identity,
        );
    }
    counts.mattr = mattr;
    Ok(())
}
