//! The corpus tables and summary, computed once from the merged counts.
//!
//! Every table is sorted with a key that never ties (see each `*_COLUMNS`
//! constant's table in `reports/README.md`), so the same corpus always gives the
//! same rows in the same order, whatever the thread count or file order.

mod build;
mod charts;
mod code_switching;
mod collocates;
mod concordance;
mod cooccurrence;
mod distinctive;
mod documents;
mod duplicates;
mod group_rows;
mod groups;
mod kwic_spill;
mod languages;
mod ngrams;
mod orthography;
mod quality;
mod quality_rules;
mod summary;
mod terms;
mod trend_rows;
mod trends;

pub use charts::{ChartData, Ranked, CHART_TERMS, HEATMAP_WORDS, LANGUAGE_CHART_SHARE, TOP_NGRAMS};
pub use code_switching::{CodeSwitchingRow, CodeSwitchingSummary, CODE_SWITCHING_COLUMNS};
pub use collocates::{CollocateRow, COLLOCATE_COLUMNS};
pub use concordance::{
    ConcordanceLines, KwicLines, CONCORDANCE_COLUMNS, INDEX_CONCORDANCE_LINES,
    INDEX_CONCORDANCE_WORDS,
};
pub use cooccurrence::{CooccurrenceRow, PairRow, COOCCURRENCE_COLUMNS};
pub use distinctive::{DistinctiveEntry, DistinctiveRow, DISTINCTIVE_COLUMNS};
#[cfg(feature = "parquet")]
pub use documents::DOCUMENT_TERM_COLUMNS;
pub use documents::{DocumentRow, DOCUMENT_COLUMNS};
pub use duplicates::{
    DuplicateFigures, DuplicateKind, DuplicateRow, DuplicatesSummary, GroupDuplicates,
    DUPLICATES_COLUMNS,
};
pub use group_rows::{
    GroupRow, GroupTermRow, KeynessRow, VocabularyOverlap, GROUP_COLUMNS, GROUP_TERM_COLUMNS,
    KEYNESS_COLUMNS, REST,
};
pub use languages::{LanguageRow, LANGUAGE_COLUMNS};
pub use ngrams::{NgramRow, NgramRows, NGRAM_COLUMNS};
pub use orthography::{
    LedgerFigures, LedgerSummary, OrthographyRow, OrthographySummary, ORTHOGRAPHY_COLUMNS,
};
pub use quality::{
    Percentiles, QualityFigures, QualityRow, QualitySummary, RuleShare, Signal, QUALITY_COLUMNS,
    SIGNALS,
};
pub use quality_rules::{thresholds, Rule, RuleInput, Thresholds, ARABIC, GOPHER, PERSIAN, RULES};
pub use summary::{Metric, MetricValue, Share, Summary, SCHEMA_VERSION};
pub use terms::{TermRow, STOPWORD_LANGUAGE_SHARE, TERM_COLUMNS};
pub use trend_rows::{
    Direction, PeriodFigures, ShareRange, TrendRow, TrendSummary, TrendTermRow, Trends,
    MAX_TREND_PERIODS, MIN_EXPECTED, MIN_PERIODS, TREND_COLUMNS, TREND_FDR, TREND_TERM_COLUMNS,
};

use std::cmp::Ordering;

use rayon::prelude::*;

use crate::count::{dominant_language, most_words, totals, CorpusCounts};
use crate::language::Lang;
use crate::normalize::Normalizer;
use crate::options::{Options, StopwordsMode};
use crate::stopwords::Stopwords;
use crate::table::{Column, Table};

/// Cells of a table, one `Vec` per row, made as they are read.
pub(crate) type Cells<'a> = Box<dyn Iterator<Item = Vec<String>> + 'a>;

/// The rows of a table, made in any order: how many there are, and the cells of
/// row `i`. Large files are formatted from it in chunks, in parallel.
pub(crate) struct RowSource<'a> {
    /// Number of rows.
    pub len: usize,
    /// The cells of row `i`, for `i < len`.
    pub row: Box<dyn Fn(usize) -> Vec<String> + Sync + 'a>,
}

impl<'a> RowSource<'a> {
    /// `len` rows made by `row`.
    pub fn new(len: usize, row: impl Fn(usize) -> Vec<String> + Sync + 'a) -> Self {
        RowSource {
            len,
            row: Box::new(row),
        }
    }
}

/// Everything the report writes, computed: each table's rows in their file's
/// order, and the summary. Read through the accessors; the fields stay private so
/// that how a table is held can change without breaking a caller.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The corpus-level statistics: `summary.json`.
    pub(crate) summary: Summary,
    /// `documents.csv`, sorted by id.
    pub(crate) documents: Vec<DocumentRow>,
    /// Each document's terms, as (term id, count) by term id, in `documents`'
    /// order; empty unless [`Options::document_terms`].
    pub(crate) document_terms: Vec<Box<[(u32, u32)]>>,
    /// `terms.csv`, most frequent first.
    pub(crate) terms: Vec<TermRow>,
    /// The display form of every term, by corpus term id.
    pub(crate) names: Vec<Box<str>>,
    /// N-grams per order, from the smallest order asked for.
    pub(crate) ngrams: Vec<NgramRows>,
    /// `distinctive.csv`: the top terms of each document by TF-IDF.
    pub(crate) distinctive: Vec<DistinctiveEntry>,
    /// `languages.csv`: per document, then `*` for the corpus.
    pub(crate) languages: Vec<LanguageRow>,
    /// `code_switching.csv`: per document.
    pub(crate) code_switching: Vec<CodeSwitchingRow>,
    /// `duplicates.csv`: the documents of each cluster of duplicates.
    pub(crate) duplicates: Vec<DuplicateRow>,
    /// `quality.csv`: each document's quality signals.
    pub(crate) quality: Vec<QualityRow>,
    /// `orthography.csv`: per document, then the corpus.
    pub(crate) orthography: Vec<OrthographyRow>,
    /// `cooccurrence.csv`: the pairs listed, most frequent first.
    pub(crate) cooccurrences: Vec<PairRow>,
    /// N of the co-occurrence tables, unrounded (the summary holds it rounded).
    pub(crate) pair_n: f64,
    /// f(term) of every term in the co-occurrence tables' scope, by term id.
    pub(crate) marginals: Vec<u64>,
    /// What the charts show beyond the tables.
    pub(crate) chart_data: ChartData,
    /// With groups: one row per group, sorted by name.
    pub(crate) groups: Vec<GroupRow>,
    /// The languages of the share columns of groups.csv, by corpus words.
    pub(crate) group_languages: Vec<Lang>,
    /// With groups: the top terms of each group.
    pub(crate) group_terms: Vec<GroupTermRow>,
    /// With groups: each group against the rest.
    pub(crate) keyness: Vec<KeynessRow>,
    /// With exactly two groups: how much of their vocabularies they share.
    pub(crate) vocabulary_overlap: Option<VocabularyOverlap>,
    /// With `--time-field`: `trends.csv` and `trend_terms.csv`.
    pub(crate) trends: Trends,
    /// What a second reading of the corpus looks for (see `concordance`).
    pub(crate) concordance_plan: concordance::ConcordancePlan,
    /// The concordance lines, once [`Report::read_concordance_lines`] found them.
    pub(crate) concordance: ConcordanceLines,
}

impl Report {
    /// The corpus-level statistics: `summary.json`.
    pub fn summary(&self) -> &Summary {
        &self.summary
    }

    /// `documents.csv`, sorted by id.
    pub fn documents(&self) -> &[DocumentRow] {
        &self.documents
    }

    /// `terms.csv`, most frequent first.
    pub fn terms(&self) -> &[TermRow] {
        &self.terms
    }

    /// N-grams per order, from the smallest order asked for.
    pub fn ngrams(&self) -> &[NgramRows] {
        &self.ngrams
    }

    /// `distinctive.csv`: the top terms of each document by TF-IDF.
    pub fn distinctive(&self) -> &[DistinctiveEntry] {
        &self.distinctive
    }

    /// `languages.csv`: per document, then `*` for the corpus.
    pub fn languages(&self) -> &[LanguageRow] {
        &self.languages
    }

    /// `cooccurrence.csv`: the pairs listed, most frequent first.
    pub fn cooccurrences(&self) -> &[PairRow] {
        &self.cooccurrences
    }

    /// With groups: one row per group, sorted by name.
    pub fn groups(&self) -> &[GroupRow] {
        &self.groups
    }

    /// With groups: the top terms of each group.
    pub fn group_terms(&self) -> &[GroupTermRow] {
        &self.group_terms
    }

    /// With groups: each group against the rest.
    pub fn keyness(&self) -> &[KeynessRow] {
        &self.keyness
    }

    /// With exactly two groups: how much of their vocabularies they share.
    pub fn vocabulary_overlap(&self) -> Option<&VocabularyOverlap> {
        self.vocabulary_overlap.as_ref()
    }

    /// The languages of the share columns of groups.csv, by corpus words.
    pub fn group_languages(&self) -> &[Lang] {
        &self.group_languages
    }

    /// With `--time-field`: each period, and each frequent word's trend.
    pub fn trends(&self) -> &Trends {
        &self.trends
    }
}

/// How each corpus term id is shown, and whether tables that skip stopwords skip it.
struct TermNames<'a> {
    display: &'a [&'a str],
    skip: &'a (dyn Fn(u32) -> bool + Sync),
    /// Each term's place when all are sorted by display form, so that sorting
    /// tables compares two numbers instead of two strings.
    text_rank: &'a [u32],
    /// Whether a display form holds only characters above U+0020, so that n-grams
    /// sort by their terms' ranks exactly as their joined strings would.
    plain: &'a [bool],
}

impl TermNames<'_> {
    /// Count descending, then display form ascending: the order of every table.
    fn by_count_then_text(&self, a: (u64, u32), b: (u64, u32)) -> Ordering {
        b.0.cmp(&a.0)
            .then_with(|| self.text_rank[a.1 as usize].cmp(&self.text_rank[b.1 as usize]))
    }

    /// Two n-grams of one order in the order of their joined strings: by their
    /// terms' ranks, or byte by byte where a form holds a character at or below
    /// U+0020 (which can sort before the joining space).
    fn cmp_ngrams(&self, a: &[u32], b: &[u32]) -> Ordering {
        for (&x, &y) in a.iter().zip(b) {
            if x == y {
                continue;
            }
            if self.plain[x as usize] && self.plain[y as usize] {
                return self.text_rank[x as usize].cmp(&self.text_rank[y as usize]);
            }
            return cmp_joined(self.display, a, b);
        }
        Ordering::Equal
    }
}

/// Count descending, then text ascending by code point: the order of every table.
fn by_count_then_text(a: (u64, &str), b: (u64, &str)) -> Ordering {
    b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1))
}

/// A table of `columns` holding `rows`.
/// The first `limit` rows of `source` as a table of `columns`.
fn table(columns: &'static [Column], source: RowSource, limit: usize) -> Table {
    Table {
        columns: columns.into(),
        rows: (0..source.len.min(limit)).map(source.row).collect(),
    }
}

/// The terms of an n-gram (ids into `names`) joined by one space.
fn joined<S: AsRef<str>>(names: &[S], ids: &[u32]) -> String {
    let mut text = String::new();
    for (i, &id) in ids.iter().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        text.push_str(names[id as usize].as_ref());
    }
    text
}

/// Compares two n-grams as the strings of their terms joined by one space would
/// compare, without making the strings.
fn cmp_joined(display: &[&str], a: &[u32], b: &[u32]) -> Ordering {
    // The first terms usually differ: compare them whole first.
    if let (Some(&x), Some(&y)) = (a.first(), b.first()) {
        let (x, y) = (display[x as usize], display[y as usize]);
        if !x.starts_with(y) && !y.starts_with(x) {
            return x.cmp(y);
        }
    }
    joined_bytes(display, a).cmp(joined_bytes(display, b))
}

fn joined_bytes<'a>(display: &'a [&'a str], ids: &'a [u32]) -> impl Iterator<Item = u8> + 'a {
    ids.iter().enumerate().flat_map(move |(i, &id)| {
        let separator: &'static [u8] = if i == 0 { b"" } else { b" " };
        separator
            .iter()
            .chain(display[id as usize].as_bytes())
            .copied()
    })
}

fn share(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// The languages whose stopwords are marked (those with at least
/// [`STOPWORD_LANGUAGE_SHARE`] of the words), and whether each term is a stopword of one.
fn stopword_flags(
    counts: &CorpusCounts,
    options: &Options,
    normalizer: Option<&Normalizer>,
) -> (Vec<Lang>, Vec<bool>) {
    let mut language_totals = totals(&counts.figures.language_words, |k| k.0);
    language_totals.remove(&Lang::UNDETERMINED);
    // With --stopwords-mode replace, no built-in list is used, whatever the mix.
    let built_in = options.stopwords_mode == StopwordsMode::Add;
    let stopword_languages: Vec<Lang> = language_totals
        .iter()
        .filter(|(_, &w)| built_in && share(w, counts.figures.tokens) >= STOPWORD_LANGUAGE_SHARE)
        .map(|(l, _)| *l)
        .collect();
    let stopwords = normalizer.map(|n| Stopwords::of(options, n));
    let is_stopword: Vec<bool> = counts
        .terms
        .par_iter()
        .map(|t| {
            stopwords
                .as_ref()
                .is_some_and(|s| s.contains(&t.text, &stopword_languages))
        })
        .collect();
    (stopword_languages, is_stopword)
}

/// Each term's rank among the display forms sorted by code point, so that tables
/// compare two integers instead of two strings; and whether each display form is
/// free of spaces and control characters (then n-grams joined by spaces compare as
/// their ranks do).
fn text_ranks(display: &[&str]) -> (Vec<u32>, Vec<bool>) {
    let mut by_text: Vec<u32> = (0..display.len() as u32).collect();
    by_text.par_sort_unstable_by(|&a, &b| display[a as usize].cmp(display[b as usize]));
    let mut text_rank = vec![0u32; display.len()];
    for (rank, &id) in by_text.iter().enumerate() {
        text_rank[id as usize] = rank as u32;
    }
    let plain: Vec<bool> = display
        .iter()
        .map(|d| d.bytes().all(|b| b > b' '))
        .collect();
    (text_rank, plain)
}
