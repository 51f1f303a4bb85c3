//! A shard's counts written as a partial: the Parquet tables of
//! [`PARTIAL_TABLES`](super::PARTIAL_TABLES) and `manifest.json`, as files in
//! memory, for the caller to write atomically.

use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use super::manifest::{InputEntry, Manifest, ProblemCount, ShardEntry};
use super::parquet_io::{Cell, TableWriter};
use super::tables::{
    PartialTable, DOCUMENTS, DOCUMENT_BANDS, DOCUMENT_LANGUAGES, DOCUMENT_TERMS, MATTR_EDGES,
    NGRAMS, PAIRS, SURFACES, TERMS,
};
use super::{PartialError, FIRST_SEEN_SHIFT, MAX_SHARD};
use crate::count::{CorpusCounts, TermTotals};
use crate::input::{find_files, InputOptions};

type Written = Result<Vec<u8>, parquet::errors::ParquetError>;

/// A file of a partial: its name and content.
pub type PartialFile = (String, Vec<u8>);

/// The files of the partial of `counts`, the shard of order `order` (of `of`
/// shards in the run, when known) given the paths `roots` and read from the
/// files `inputs`: `(name, content)`, `manifest.json` first, with the manifest.
/// The counts must not have been made into tables yet.
pub fn partial_files(
    counts: &mut CorpusCounts,
    order: u64,
    of: Option<u64>,
    roots: Vec<String>,
    inputs: Vec<InputEntry>,
) -> Result<(Manifest, Vec<PartialFile>), PartialError> {
    let here = Path::new("partial");
    if order > MAX_SHARD {
        return Err(PartialError::new(
            here,
            format!("shard order {order} is above {MAX_SHARD}"),
        ));
    }
    if counts.figures.tokens >= 1 << FIRST_SEEN_SHIFT {
        return Err(PartialError::new(
            here,
            format!("a shard holds at most 2^{FIRST_SEEN_SHIFT} tokens: split the input"),
        ));
    }
    let (distinct_sum, windows) = counts.mattr.sums();
    let mut problems_by_kind: Vec<ProblemCount> = counts
        .problem_counts
        .iter()
        .map(|(&kind, &count)| ProblemCount { kind, count })
        .collect();
    problems_by_kind.sort_by_key(|p| p.kind);
    if let Some(of) = of.filter(|&of| order >= of) {
        return Err(PartialError::new(
            here,
            format!(
                "shard {order} is not among the run's {of} shards (0 to {})",
                of.saturating_sub(1)
            ),
        ));
    }
    let shard = ShardEntry {
        order,
        of,
        inputs,
        roots,
        documents: counts.documents.len() as u64,
        tokens: counts.figures.tokens,
        sentences: counts.figures.sentences,
        ignored_tokens: counts.ignored_tokens,
        mattr_distinct_sum: distinct_sum,
        mattr_windows: windows,
        pruning: counts.pruning,
        problems: counts.problems.clone(),
        problems_by_kind,
        notices: counts.notices.clone(),
    };
    let manifest = Manifest::new(&counts.options, shard);
    let mut files = vec![(
        "manifest.json".to_string(),
        serde_json::to_vec_pretty(&manifest).map_err(|e| PartialError::new(here, e.to_string()))?,
    )];

    // The n-gram and pair tables need `&mut` to be read in order; the rest in parallel.
    let ngrams = written(&NGRAMS, write_ngrams(counts))?;
    let pairs = written(&PAIRS, write_pairs(counts))?;
    let counts = &*counts;
    let writers: [(&'static PartialTable, &(dyn Fn() -> Written + Sync)); 7] = [
        (&TERMS, &|| write_terms(counts, order)),
        (&SURFACES, &|| write_surfaces(counts)),
        (&DOCUMENTS, &|| write_documents(counts, order)),
        (&DOCUMENT_BANDS, &|| write_document_bands(counts, order)),
        (&DOCUMENT_LANGUAGES, &|| {
            write_document_languages(counts, order)
        }),
        (&DOCUMENT_TERMS, &|| write_document_terms(counts, order)),
        (&MATTR_EDGES, &|| write_mattr_edges(counts, order)),
    ];
    let rest: Vec<PartialFile> = writers
        .par_iter()
        .map(|(table, write)| written(table, write()))
        .collect::<Result<_, _>>()?;
    files.extend(rest);
    files.push(ngrams);
    files.push(pairs);
    Ok((manifest, files))
}

fn written(table: &PartialTable, bytes: Written) -> Result<PartialFile, PartialError> {
    bytes
        .map(|b| (table.name.to_string(), b))
        .map_err(|e| PartialError::new(Path::new(table.name), e.to_string()))
}

fn int(n: impl TryInto<i64>) -> Cell<'static> {
    Cell::Int(n.try_into().unwrap_or(i64::MAX))
}

fn write_terms(counts: &CorpusCounts, order: u64) -> Written {
    let mut out = TableWriter::new(&TERMS)?;
    let shard = order << FIRST_SEEN_SHIFT;
    for (term, &first) in counts.terms.iter().zip(&counts.first_positions) {
        out.row(&[
            Cell::Text(&term.text),
            int(term.count),
            int(term.doc_freq),
            int(term.sentence_freq),
            int(shard | first),
            Cell::Text(term.kind.name()),
            Cell::Text(term.script.name()),
        ])?;
    }
    out.finish()
}

fn write_surfaces(counts: &CorpusCounts) -> Written {
    let mut out = TableWriter::new(&SURFACES)?;
    for term in &counts.terms {
        for (form, count) in &term.surfaces {
            out.row(&[Cell::Text(&term.text), Cell::Text(form), int(*count)])?;
        }
    }
    out.finish()
}

/// The terms of `ids`, joined by one space.
fn joined(terms: &[TermTotals], ids: &[u32], into: &mut String) {
    into.clear();
    for (i, &id) in ids.iter().enumerate() {
        if i > 0 {
            into.push(' ');
        }
        super::gram_key::push_term(into, &terms[id as usize].text);
    }
}

fn write_ngrams(counts: &mut CorpusCounts) -> Written {
    let mut out = TableWriter::new(&NGRAMS)?;
    let mut gram = String::new();
    let mut failed = None;
    let CorpusCounts { terms, ngrams, .. } = counts;
    for (order, table) in ngrams.iter_mut().enumerate() {
        for shard in &mut table.shards {
            shard.for_each(|ids, totals, _| {
                if failed.is_some() {
                    return;
                }
                joined(terms, ids, &mut gram);
                let row = out.row(&[
                    int(order + 2),
                    Cell::Text(&gram),
                    int(totals.count),
                    int(totals.doc_freq),
                ]);
                failed = row.err();
            });
        }
    }
    match failed {
        Some(e) => Err(e),
        None => out.finish(),
    }
}

fn write_pairs(counts: &mut CorpusCounts) -> Written {
    let mut out = TableWriter::new(&PAIRS)?;
    let ordered = counts.options.cooccurrence.ordered;
    let mut failed = None;
    let CorpusCounts { terms, pairs, .. } = counts;
    for shard in &mut pairs.shards {
        shard.for_each(|ids, &count, _| {
            if failed.is_some() {
                return;
            }
            let (mut a, mut b) = (&*terms[ids[0] as usize].text, &*terms[ids[1] as usize].text);
            if !ordered && b < a {
                std::mem::swap(&mut a, &mut b);
            }
            failed = out.row(&[Cell::Text(a), Cell::Text(b), int(count)]).err();
        });
    }
    match failed {
        Some(e) => Err(e),
        None => out.finish(),
    }
}

fn write_documents(counts: &CorpusCounts, order: u64) -> Written {
    let mut out = TableWriter::new(&DOCUMENTS)?;
    for (at, doc) in counts.documents.iter().enumerate() {
        out.row(&[
            int(order),
            int(at),
            Cell::Text(&doc.meta.id),
            Cell::Text(&doc.meta.source),
            int(doc.meta.line),
            Cell::MaybeText(doc.meta.group.as_deref()),
            Cell::MaybeText(doc.meta.date.map(|d| d.to_string()).as_deref()),
            int(doc.figures.bytes),
            int(doc.figures.tokens),
            int(doc.figures.sentences),
            Cell::Float(doc.figures.mtld.forward),
            Cell::Float(doc.figures.mtld.backward),
            int(doc.figures.code_switching.switches),
            int(doc.figures.code_switching.mixed_sentences),
            Cell::Text(&doc.figures.code_switching.pairs_text()),
            Cell::Text(&doc.figures.orthography.to_text()),
            Cell::MaybeText(doc.fingerprint.map(|f| f.to_hex()).as_deref()),
            Cell::MaybeText(doc.signature.as_ref().map(|s| s.to_hex()).as_deref()),
            Cell::MaybeText(doc.quality.map(|q| q.to_text()).as_deref()),
        ])?;
    }
    out.finish()
}

fn write_document_bands(counts: &CorpusCounts, order: u64) -> Written {
    let mut out = TableWriter::new(&DOCUMENT_BANDS)?;
    for (at, doc) in counts.documents.iter().enumerate() {
        let Some(signature) = &doc.signature else {
            continue;
        };
        for band in 0..crate::count::BANDS {
            out.row(&[
                int(order),
                int(at),
                int(band),
                Cell::Text(&format!("{:016x}", signature.band_key(band))),
            ])?;
        }
    }
    out.finish()
}

fn write_document_languages(counts: &CorpusCounts, order: u64) -> Written {
    let mut out = TableWriter::new(&DOCUMENT_LANGUAGES)?;
    for (at, doc) in counts.documents.iter().enumerate() {
        for (&(lang, script), &words) in &doc.figures.language_words {
            out.row(&[
                int(order),
                int(at),
                Cell::Text(lang.code()),
                Cell::Text(script.name()),
                int(words),
            ])?;
        }
    }
    out.finish()
}

fn write_document_terms(counts: &CorpusCounts, order: u64) -> Written {
    let mut out = TableWriter::new(&DOCUMENT_TERMS)?;
    for (at, doc) in counts.documents.iter().enumerate() {
        for &(id, count) in &doc.terms {
            out.row(&[
                int(order),
                int(at),
                Cell::Text(&counts.terms[id as usize].text),
                int(count),
            ])?;
        }
    }
    out.finish()
}

fn write_mattr_edges(counts: &CorpusCounts, order: u64) -> Written {
    let mut out = TableWriter::new(&MATTR_EDGES)?;
    let tail: Vec<u32> = counts.mattr.tail().collect();
    for (edge, ids) in [("head", counts.mattr.head()), ("tail", &tail[..])] {
        for (position, &id) in ids.iter().enumerate() {
            out.row(&[
                int(order),
                Cell::Text(edge),
                int(position),
                Cell::Text(&counts.terms[id as usize].text),
            ])?;
        }
    }
    out.finish()
}

/// The input files under `paths` as `input` finds them, each with its size and
/// SHA-256 (read again, in parallel); stdin (`-`) has neither.
pub fn input_entries(
    paths: &[PathBuf],
    input: &InputOptions,
) -> Result<Vec<InputEntry>, PartialError> {
    let (files, _) = find_files(paths, input)
        .map_err(|e| PartialError::new(Path::new("input"), e.to_string()))?;
    files
        .par_iter()
        .map(|file| {
            let name = file.path.display().to_string();
            if name == "-" {
                return Ok(InputEntry {
                    path: name,
                    bytes: None,
                    sha256: None,
                });
            }
            let (bytes, sha256) =
                hash_file(&file.path).map_err(|e| PartialError::new(&file.path, e.to_string()))?;
            Ok(InputEntry {
                path: name,
                bytes: Some(bytes),
                sha256: Some(sha256),
            })
        })
        .collect()
}

fn hash_file(path: &Path) -> std::io::Result<(u64, String)> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 1 << 20];
    let mut bytes = 0u64;
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        bytes += n as u64;
        hasher.update(&buffer[..n]);
    }
    Ok((bytes, format!("{:x}", hasher.finalize())))
}
