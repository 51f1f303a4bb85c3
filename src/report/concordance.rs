//! Concordance lines in the report: the first lines of the top words, which
//! index.html shows under each, and every line of the words given with
//! `corpstat report --kwic`, which `concordance.csv` lists.
//!
//! Counting keeps no text, so the lines are found by reading the corpus a second
//! time. The counts already say which documents hold each word: only those are
//! tokenized again, and only until the last of them is met. The lines come in the
//! report's document order (documents.csv's), so they do not depend on the thread
//! count or on the order the inputs were given in.

use std::path::PathBuf;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use std::sync::Arc;

use super::kwic_spill::KwicSpill;
use super::{Report, RowSource};
use crate::concordance::{Concordance, ConcordanceLine, MatchOn};
use crate::count::CorpusCounts;
use crate::input::{find_files, DocumentStream, InputEvent};
use crate::normalize::Normalizer;
use crate::options::Options;
use crate::table::{number, text, Column};
use crate::tokenize::tokenize_with;

/// The columns of `concordance.csv`.
pub const CONCORDANCE_COLUMNS: &[Column] = &[
    text("query", "the word or phrase, as given to `--kwic`"),
    text("document", "document id"),
    number("sentence", "the sentence it is in, counted from 1 in its document"),
    text(
        "left",
        "up to 5 words before the match, in reading order (for Arabic and Persian, the words read just before it, drawn to its right)",
    ),
    text("match", "the match, as written"),
    text("right", "up to 5 words after the match, in reading order"),
];

/// The top words (those of top-terms.png: the most frequent words that are not
/// stopwords) whose first lines index.html shows.
pub const INDEX_CONCORDANCE_WORDS: usize = 10;
/// Lines shown per top word.
pub const INDEX_CONCORDANCE_LINES: usize = 5;
/// Words of context on each side, as `corpstat kwic` gives by default.
pub const CONCORDANCE_CONTEXT: usize = 5;

/// Documents analysed at once on the second reading, at most.
const BATCH: usize = 256;

/// What is searched on the second reading, and in which documents.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct ConcordancePlan {
    /// The top words, most frequent first: (folded term, form shown, count).
    top: Vec<(String, String, u64)>,
    /// The `--kwic` queries, as given.
    kwic: Vec<String>,
    /// Every document to read again, as (source, line, id), with its place in the
    /// report's document order.
    documents: Vec<((String, u64, String), u32)>,
}

/// The lines of `report --kwic`'s queries, kept on disk (in an anonymous temporary
/// file, read back a run of lines at a time) rather than in memory.
#[derive(Debug, Clone, PartialEq)]
pub struct KwicLines {
    /// The queries, as given.
    pub queries: Vec<String>,
    lines: Option<Arc<KwicSpill>>,
}

impl KwicLines {
    /// Lines of each query, in the order of [`KwicLines::queries`].
    pub fn counts(&self) -> Vec<u64> {
        match &self.lines {
            Some(spill) => spill.counts().to_vec(),
            None => vec![0; self.queries.len()],
        }
    }
}

/// The concordance lines of a report.
#[derive(Debug, Clone, PartialEq)]
pub enum ConcordanceLines {
    /// Not looked for, and why (index.html says it).
    NotRead(String),
    /// Found: for each top word, its first lines; for each `--kwic` query, every
    /// line; both in the report's document order.
    Read {
        /// The top words, as shown, with their counts and first lines.
        top: Vec<(String, u64, Vec<ConcordanceLine>)>,
        /// The `--kwic` queries with their lines.
        kwic: KwicLines,
    },
}

impl Default for ConcordanceLines {
    fn default() -> Self {
        ConcordanceLines::NotRead(
            "the corpus was not read a second time (`corpstat report` reads it again for them, and `corpstat merge` reads each shard's inputs again when its manifest names them)".into(),
        )
    }
}

impl Report {
    /// The plan of the second reading: the top words (`charted`, the ids of
    /// top-terms.png's words, most frequent first) and the `--kwic` queries, with
    /// the documents that hold them. For a top word, only its first documents,
    /// up to those that hold its first [`INDEX_CONCORDANCE_LINES`] occurrences;
    /// for a query, every document that holds all of its words. `counts`' documents
    /// are in the report's order.
    pub(super) fn concordance_plan(
        counts: &CorpusCounts,
        charted: &[(u32, u64)],
        normalizer: Option<&Normalizer>,
    ) -> ConcordancePlan {
        let options = counts.options();
        let top: Vec<u32> = charted
            .iter()
            .take(INDEX_CONCORDANCE_WORDS)
            .map(|&(id, _)| id)
            .collect();
        // Each query's terms: a word missing from the corpus has no id, and the
        // query then holds no document.
        let ids_by_key: FxHashMap<&str, u32> = if options.kwic.is_empty() {
            FxHashMap::default()
        } else {
            (0..counts.terms.len() as u32)
                .map(|id| (&*counts.terms[id as usize].text, id))
                .collect()
        };
        let query_terms: Vec<Option<Vec<u32>>> = options
            .kwic
            .iter()
            .map(|query| {
                let normalizer = normalizer?;
                let surface = normalizer.surface(query);
                tokenize_with(&surface, options.tokens)
                    .tokens
                    .iter()
                    .map(|t| ids_by_key.get(normalizer.fold(t.text).as_ref()).copied())
                    .collect()
            })
            .collect();
        let mut top_seen = vec![0u64; top.len()];
        let mut documents = Vec::new();
        for (index, document) in counts.documents.iter().enumerate() {
            let enough = INDEX_CONCORDANCE_LINES as u64;
            if query_terms.is_empty() && top_seen.iter().all(|&seen| seen >= enough) {
                break;
            }
            let holds = |id: u32| document.terms.iter().find(|t| t.0 == id).map(|t| t.1);
            let mut needed = false;
            for (seen, &id) in top_seen.iter_mut().zip(&top) {
                if *seen < enough {
                    if let Some(count) = holds(id) {
                        *seen += u64::from(count);
                        needed = true;
                    }
                }
            }
            needed |= query_terms
                .iter()
                .flatten()
                .any(|ids| ids.iter().all(|&id| holds(id).is_some()));
            if needed {
                let meta = &document.meta;
                documents.push((
                    (meta.source.clone(), meta.line, meta.id.clone()),
                    index as u32,
                ));
            }
        }
        ConcordancePlan {
            top: top
                .iter()
                .map(|&id| {
                    let term = &counts.terms[id as usize];
                    (
                        term.text.to_string(),
                        term.display().to_string(),
                        term.count,
                    )
                })
                .collect(),
            kwic: options.kwic.clone(),
            documents,
        }
    }

    /// Reads the corpus a second time for the concordance lines the report shows
    /// (see the module). `runs` are the paths of each run that read it: the
    /// inputs of `corpstat report`, or those of each shard of a merge (each run's
    /// document ids are relative to its own paths). Anything that stops it
    /// (standard input, which cannot be read twice; a file gone since) leaves the
    /// lines [`ConcordanceLines::NotRead`], with the reason.
    pub fn read_concordance_lines(&mut self, runs: &[Vec<PathBuf>]) {
        self.concordance = match self.find_concordance_lines(runs) {
            Ok(lines) => lines,
            Err(why) => ConcordanceLines::NotRead(why),
        };
    }

    fn find_concordance_lines(&self, runs: &[Vec<PathBuf>]) -> Result<ConcordanceLines, String> {
        if runs.iter().flatten().any(|p| p.as_os_str() == "-") {
            return Err("the corpus came from standard input, which cannot be read twice".into());
        }
        let plan = &self.concordance_plan;
        let options = &self.summary.options;
        let normalizer = || Normalizer::new(&options.normalize).map_err(|e| e.to_string());
        let top_keys: Vec<&str> = plan.top.iter().map(|t| t.0.as_str()).collect();
        let top = Concordance::of_terms(
            &top_keys,
            normalizer()?,
            options.tokens,
            CONCORDANCE_CONTEXT,
        );
        let queries: Vec<&str> = plan.kwic.iter().map(String::as_str).collect();
        let kwic = Concordance::of_queries(
            &queries,
            normalizer()?,
            options.tokens,
            MatchOn::Folded,
            CONCORDANCE_CONTEXT,
        )
        .map_err(|e| e.to_string())?
        .without_sort_keys();
        // By id (a `str` key, looked up without a copy), then source and line.
        let mut wanted: FxHashMap<&str, Vec<(&str, u64, u32)>> = FxHashMap::default();
        for ((source, line, id), index) in &plan.documents {
            wanted
                .entry(id.as_str())
                .or_default()
                .push((source.as_str(), *line, *index));
        }
        let mut missing = plan.documents.len();
        // (place in the report's order, its top lines) of every document read again;
        // the kwic lines go to disk as they are found.
        let mut found: Vec<(u32, Vec<ConcordanceLine>)> = Vec::new();
        let mut spill = KwicSpill::new(queries.len())
            .map_err(|e| format!("no temporary file for the --kwic lines: {e}"))?;
        for paths in runs {
            if missing == 0 {
                break;
            }
            let input = options.reading_input();
            let (files, _) = find_files(paths, &input).map_err(|e| e.to_string())?;
            let mut stream = DocumentStream::new(files, Vec::new(), input);
            while missing > 0 {
                let mut batch = Vec::with_capacity(BATCH);
                let mut bytes = 0;
                for event in stream.by_ref() {
                    let InputEvent::Document(document) = event else {
                        continue;
                    };
                    let meta = &document.meta;
                    let Some(places) = wanted.get_mut(meta.id.as_str()) else {
                        continue;
                    };
                    let Some(at) = places
                        .iter()
                        .position(|p| p.0 == meta.source && p.1 == meta.line)
                    else {
                        continue;
                    };
                    let index = places.swap_remove(at).2;
                    missing -= 1;
                    bytes += document.text.len();
                    batch.push((index, document));
                    if batch.len() == BATCH || bytes >= Options::BATCH_BYTES || missing == 0 {
                        break;
                    }
                }
                if batch.is_empty() {
                    break;
                }
                let read: Vec<Result<(u32, Vec<ConcordanceLine>), std::io::Error>> = batch
                    .par_iter()
                    .map(|(index, d)| {
                        // index.html shows the first lines of each top word:
                        // no document needs to give more than that many.
                        let top = top.lines_at_most(d, Some(INDEX_CONCORDANCE_LINES));
                        if !queries.is_empty() {
                            let mut writer = spill.writer(*index);
                            let mut failed = None;
                            kwic.scan(d, None, |line| match writer.push(&line) {
                                Ok(()) => true,
                                Err(e) => {
                                    failed = Some(e);
                                    false
                                }
                            });
                            if let Some(e) = failed {
                                return Err(e);
                            }
                            writer.finish()?;
                        }
                        Ok((*index, top))
                    })
                    .collect();
                for result in read {
                    found.push(
                        result.map_err(|e| format!("writing the --kwic lines to disk: {e}"))?,
                    );
                }
            }
        }
        if missing > 0 {
            return Err(format!(
                "{missing} document(s) that hold the words were not found when the corpus was read again (did it change?)"
            ));
        }
        found.sort_by_key(|f| f.0);
        spill.seal();
        let mut top_lines: Vec<Vec<ConcordanceLine>> = vec![Vec::new(); plan.top.len()];
        for (_, top) in found {
            for line in top {
                let lines = &mut top_lines[line.query];
                if lines.len() < INDEX_CONCORDANCE_LINES {
                    lines.push(line);
                }
            }
        }
        Ok(ConcordanceLines::Read {
            top: plan
                .top
                .iter()
                .zip(top_lines)
                .map(|((_, shown, count), lines)| (shown.clone(), *count, lines))
                .collect(),
            kwic: KwicLines {
                queries: plan.kwic.clone(),
                lines: (!plan.kwic.is_empty()).then(|| Arc::new(spill)),
            },
        })
    }

    /// The concordance lines: the top words' first lines, and `--kwic`'s.
    pub fn concordance(&self) -> &ConcordanceLines {
        &self.concordance
    }

    /// Whether `concordance.csv` is written: with `--kwic`, once the lines are read.
    pub fn has_kwic_lines(&self) -> bool {
        matches!(&self.concordance, ConcordanceLines::Read { kwic, .. } if !kwic.queries.is_empty())
    }

    /// `concordance.csv`: every line of each `--kwic` query, query by query.
    ///
    /// The lines are read back from the disk a run at a time. Should the temporary
    /// file fail to be read, the row says so in its document cell (the file was
    /// written by this process a moment before; it does not happen short of a
    /// failing disk).
    pub(crate) fn concordance_source(&self) -> RowSource<'_> {
        let (queries, spill) = match &self.concordance {
            ConcordanceLines::Read {
                kwic:
                    KwicLines {
                        queries,
                        lines: Some(spill),
                    },
                ..
            } => (queries.as_slice(), Some(spill)),
            _ => (&[][..], None),
        };
        RowSource::new(spill.map_or(0, |s| s.len()), move |i| {
            match spill.map(|s| s.line(i)) {
                Some(Ok((query, line))) => vec![
                    queries[query].clone(),
                    line.document,
                    line.sentence.to_string(),
                    line.left,
                    line.matched,
                    line.right,
                ],
                Some(Err(e)) => vec![
                    String::new(),
                    format!("(corpstat: the --kwic lines could not be read back: {e})"),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ],
                None => Vec::new(),
            }
        })
    }
}
