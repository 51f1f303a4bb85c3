//! The corpus tables and summary, computed once from the merged counts.
//!
//! Every table is sorted with a key that never ties (see each `*_COLUMNS`
//! constant's table in `reports/README.md`), so the same corpus always gives the
//! same rows in the same order, whatever the thread count or file order.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::association::{associate, Association};
use crate::count::{CorpusCounts, DocumentRecord, LanguageWords, NgramTotals, Pruning, TermTotals};
use crate::input::{GroupBy, NO_GROUP};
use crate::input::{Problem, ProblemKind};
use crate::keyness::{keyness, Keyness};
use crate::language::UNDETERMINED;
use crate::ngram::ShardedNgrams;
use crate::normalize::Normalizer;
use crate::options::{CoocScope, Options};
use crate::script;
use crate::stats;
use crate::stopwords::Stopwords;
use crate::table::{float, number, round, text, Column, Table};
use crate::tokenize::TokenKind;

/// The layout version of `summary.json`. Renaming or removing a metric bumps it,
/// so that `corpstat check` can tell a baseline it cannot compare with.
pub const SCHEMA_VERSION: u32 = 1;

/// Words and their share of all tokens.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Share {
    /// Words (tokens).
    pub words: u64,
    /// `words` divided by the corpus tokens, rounded to 6 decimals.
    pub share: f64,
}

/// The corpus summary: `summary.json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// The version of this file's layout: bumped when a metric is renamed or removed.
    pub schema_version: u32,
    /// The version of corpstat that wrote it.
    pub corpstat_version: &'static str,
    /// The options used.
    pub options: Options,
    /// The normalization steps, in the order they ran.
    pub normalization: Vec<&'static str>,
    /// Languages whose stopwords are marked (at least 5% of the words).
    pub stopword_languages: Vec<String>,
    /// Documents read (including empty ones).
    pub documents: u64,
    /// Word tokens.
    pub tokens: u64,
    /// Distinct terms.
    pub types: u64,
    /// Terms that occur once.
    pub hapax: u64,
    /// Sentences with at least one token.
    pub sentences: u64,
    /// Type/token ratio.
    pub ttr: Option<f64>,
    /// Yule's K.
    pub yules_k: Option<f64>,
    /// Moving-average TTR.
    pub mattr: Option<f64>,
    /// Measure of textual lexical diversity.
    pub mtld: Option<f64>,
    /// Zipf exponent.
    pub zipf_exponent: Option<f64>,
    /// Heaps' law K.
    pub heaps_k: Option<f64>,
    /// Heaps' law β.
    pub heaps_beta: Option<f64>,
    /// N of the co-occurrence contingency tables.
    pub cooccurrence_n: f64,
    /// `null` when every count is exact; under `--memory-limit`, once the n-gram and
    /// pair tables were pruned, how far their counts may be off (single terms and
    /// every other statistic stay exact).
    pub approximate: Option<Pruning>,
    /// Words per language (ISO 639-3).
    pub languages: BTreeMap<String, Share>,
    /// Words per script.
    pub scripts: BTreeMap<String, Share>,
    /// The first 100 input problems met in reading order (see
    /// [`crate::count::PROBLEMS_LISTED`]), sorted by file, line, kind and message.
    pub problems: Vec<Problem>,
    /// Input problems in all, listed or not.
    pub problems_total: u64,
    /// Input problems in all, by kind.
    pub problems_by_kind: BTreeMap<ProblemKind, u64>,
}

/// One row of `documents.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentRow {
    pub document: String,
    pub bytes: u64,
    pub tokens: u64,
    pub types: u64,
    pub sentences: u64,
    pub language: &'static str,
    pub language_share: f64,
    pub script: &'static str,
}

/// One row of `terms.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct TermRow {
    pub rank: usize,
    pub term: String,
    pub count: u64,
    pub doc_freq: u64,
    pub per_million: f64,
    pub idf: f64,
    pub script: &'static str,
    pub kind: &'static str,
    pub stopword: bool,
}

/// The n-grams of one order kept for `ngrams.csv`, in rank order, held as term ids
/// (the text is made when a row is read), so that a large table costs little more
/// than its ids and counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NgramRows {
    n: usize,
    /// The term ids of every n-gram, n per n-gram, in the order they were found.
    ids: Vec<u32>,
    /// In rank order: the n-gram's place in `ids` (in n-grams), its count and doc_freq.
    rows: Vec<(u32, u32, u32)>,
}

impl NgramRows {
    /// The order.
    pub fn n(&self) -> usize {
        self.n
    }

    /// Number of n-grams.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The term ids, count and doc_freq of the n-gram of rank `i + 1`.
    pub fn get(&self, i: usize) -> (&[u32], u64, u64) {
        let (at, count, doc_freq) = self.rows[i];
        let at = at as usize * self.n;
        (&self.ids[at..at + self.n], count.into(), doc_freq.into())
    }
}

/// A co-occurring pair kept for `cooccurrence.csv`: term ids and c (the marginals
/// are in [`Report::marginals`]), 12 bytes a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PairRow {
    pub a: u32,
    pub b: u32,
    pub count: u32,
}

/// A distinctive term kept for `distinctive.csv`: the document (its index in
/// [`Report::documents`]), its rank there, the term id, its count and TF-IDF.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DistinctiveEntry {
    pub document: u32,
    pub rank: u32,
    pub term: u32,
    pub count: u32,
    pub tfidf: f64,
}

/// Cells of a table, one `Vec` per row, made as they are read.
pub type Cells<'a> = Box<dyn Iterator<Item = Vec<String>> + 'a>;

/// The rows of a table, made in any order: how many there are, and the cells of
/// row `i`. Large files are formatted from it in chunks, in parallel.
pub struct RowSource<'a> {
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

/// One row of `ngrams.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct NgramRow {
    pub n: usize,
    pub rank: usize,
    pub ngram: String,
    pub count: u64,
    pub doc_freq: u64,
}

/// One row of `distinctive.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct DistinctiveRow {
    pub document: String,
    pub rank: usize,
    pub term: String,
    pub count: u64,
    pub tfidf: f64,
}

/// One row of `languages.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct LanguageRow {
    /// The document, or `*` for the corpus.
    pub document: String,
    pub language: &'static str,
    pub script: &'static str,
    pub words: u64,
    pub share: f64,
}

/// One row of `cooccurrence.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct CooccurrenceRow {
    pub term_a: String,
    pub term_b: String,
    pub count: u64,
    pub count_a: u64,
    pub count_b: u64,
    pub measures: Association,
}

/// Columns of `documents.csv`.
pub const DOCUMENT_COLUMNS: &[Column] = &[
    text(
        "document",
        "document id: path relative to the input root, or the JSONL/CSV id, or file:line",
    ),
    number(
        "bytes",
        "size of the document's text in UTF-8 bytes, before normalization",
    ),
    number("tokens", "word tokens"),
    number("types", "distinct terms"),
    number("sentences", "sentences with at least one token"),
    text(
        "language",
        "dominant language (ISO 639-3): most words, und only when nothing else is found",
    ),
    number(
        "language_share",
        "share of the document's words in the dominant language",
    ),
    text("script", "script with the most words"),
];

/// Columns of `terms.csv`.
pub const TERM_COLUMNS: &[Column] = &[
    number("rank", "1 = most frequent"),
    text("term", "the term as written most often (after nfkc, invisible, zwnj, tatweel, diacritics); counted under its folded form"),
    number("count", "occurrences in the corpus"),
    number("doc_freq", "documents that contain it"),
    number("per_million", "count per million tokens"),
    number("idf", "ln((1 + documents) / (1 + doc_freq)) + 1"),
    text("script", "script of the term's first letter; common for a term without letters"),
    text("kind", "word, number, url, email, mention or hashtag"),
    text("stopword", "true when the term is in the stopword list of a language with at least 5% of the words"),
];

/// A language needs this share of the corpus' words for its stopwords to be marked.
pub const STOPWORD_LANGUAGE_SHARE: f64 = 0.05;

/// Columns of `ngrams.csv`.
pub const NGRAM_COLUMNS: &[Column] = &[
    number("n", "order: 1 for single terms, 2 for bigrams, ..."),
    number("rank", "1 = most frequent among n-grams of this order"),
    text("ngram", "the n-gram's terms joined by one space"),
    number(
        "count",
        "occurrences (n-grams never cross a sentence boundary)",
    ),
    number("doc_freq", "documents that contain it"),
];

/// Columns of `distinctive.csv`.
pub const DISTINCTIVE_COLUMNS: &[Column] = &[
    text("document", "document id"),
    number("rank", "1 = most distinctive in the document"),
    text("term", "the term"),
    number("count", "occurrences in the document"),
    number(
        "tfidf",
        "count × idf (idf as in terms.csv); stopwords left out by default",
    ),
];

/// Columns of `languages.csv`.
pub const LANGUAGE_COLUMNS: &[Column] = &[
    text("document", "document id, or * for the whole corpus"),
    text(
        "language",
        "ISO 639-3 code of the sentences' language, or und",
    ),
    text("script", "script with the most of these words"),
    number("words", "tokens in sentences of this language"),
    number(
        "share",
        "words divided by the document's (or corpus') tokens",
    ),
];

/// Columns of `cooccurrence.csv`.
pub const COOCCURRENCE_COLUMNS: &[Column] = &[
    text(
        "term_a",
        "first term (unordered pairs: the one that sorts first)",
    ),
    text("term_b", "second term"),
    number("count", "c: co-occurrences, as the scope defines them"),
    number("count_a", "f(a): marginal of term_a (see the scope table)"),
    number("count_b", "f(b): marginal of term_b"),
    number("expected", "E11 = f(a)·f(b) / N"),
    number("pmi", "log2(c / E11)"),
    number("npmi", "pmi / −log2(c / N)"),
    number("llr", "log-likelihood G² = 2 Σ O ln(O / E)"),
    number("chi2", "Pearson's χ², no continuity correction"),
    number("t_score", "(c − E11) / √c"),
    number("dice", "2c / (f(a) + f(b))"),
    number("jaccard", "c / (f(a) + f(b) − c)"),
];

/// Everything the report writes, computed.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub summary: Summary,
    pub documents: Vec<DocumentRow>,
    pub terms: Vec<TermRow>,
    /// The display form of every term, by corpus term id.
    pub names: Vec<Box<str>>,
    /// N-grams per order, from the smallest order asked for.
    pub ngrams: Vec<NgramRows>,
    pub distinctive: Vec<DistinctiveEntry>,
    pub languages: Vec<LanguageRow>,
    pub cooccurrences: Vec<PairRow>,
    /// N of the co-occurrence tables, unrounded (the summary holds it rounded).
    pub pair_n: f64,
    /// f(term) of every term in the co-occurrence tables' scope, by term id.
    pub marginals: Vec<u64>,
    /// What the charts show beyond the tables.
    pub chart_data: ChartData,
    /// With groups: one row per group, sorted by name.
    pub groups: Vec<GroupRow>,
    /// The languages of the share columns of groups.csv, by corpus words.
    pub group_languages: Vec<&'static str>,
    /// With groups: the top terms of each group.
    pub group_terms: Vec<GroupTermRow>,
    /// With groups: each group against the rest.
    pub keyness: Vec<KeynessRow>,
    /// With exactly two groups: how much of their vocabularies they share.
    pub vocabulary_overlap: Option<VocabularyOverlap>,
}

/// The shared vocabulary of two groups.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct VocabularyOverlap {
    /// Terms both groups use.
    pub shared: u64,
    /// Terms either group uses.
    pub union: u64,
    /// shared / union.
    pub jaccard: f64,
}

/// One row of `groups.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupRow {
    pub group: String,
    pub documents: u64,
    pub tokens: u64,
    pub types: u64,
    pub ttr: f64,
    /// Dominant language (most words; und only when nothing else).
    pub language: &'static str,
    /// Share of the group's words per language of [`Report::group_languages`].
    pub shares: Vec<f64>,
}

/// One row of `group_terms.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupTermRow {
    pub group: String,
    pub rank: usize,
    pub term: String,
    pub count: u64,
    pub per_million: f64,
}

/// One row of `keyness.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct KeynessRow {
    pub target: String,
    pub reference: String,
    pub term: String,
    pub count_target: u64,
    pub count_reference: u64,
    pub per_million_target: f64,
    pub per_million_reference: f64,
    pub measures: Keyness,
}

/// Terms per group in `group_terms.csv`.
pub const GROUP_TERMS: usize = 200;

/// The first columns of `groups.csv`; one `share_CODE` column per language follows.
pub const GROUP_COLUMNS: &[Column] = &[
    text("group", "the group"),
    number("documents", "documents in the group"),
    number("tokens", "tokens"),
    number("types", "distinct terms"),
    number("ttr", "types / tokens"),
    text("language", "dominant language (ISO 639-3)"),
];

/// Columns of `group_terms.csv`.
pub const GROUP_TERM_COLUMNS: &[Column] = &[
    text("group", "the group"),
    number("rank", "1 = most frequent in the group"),
    text(
        "term",
        "the term (stopwords and non-words left out unless --keep-stopwords)",
    ),
    number("count", "occurrences in the group"),
    number("per_million", "count per million of the group's tokens"),
];

/// Columns of `keyness.csv`.
pub const KEYNESS_COLUMNS: &[Column] = &[
    text("target", "the group studied"),
    text(
        "reference",
        "what it is set against: the other group, or (rest) for all other groups",
    ),
    text(
        "term",
        "the term (stopwords and non-words left out unless --keep-stopwords)",
    ),
    number("count_target", "a: occurrences in the target"),
    number("count_reference", "b: occurrences in the reference"),
    number("per_million_target", "a per million target tokens"),
    number("per_million_reference", "b per million reference tokens"),
    number(
        "llr",
        "Rayson's log-likelihood, negative when under-used in the target",
    ),
    number("chi2", "Pearson's χ² of [[a, b], [c − a, d − b]]"),
    number(
        "log_ratio",
        "Hardie's log ratio log2((a/c) / (b/d)), a zero count taken as 0.5",
    ),
    number(
        "pct_diff",
        "Gabrielatos' %DIFF 100 (a/c − b/d) / (b/d), a zero count taken as 0.5",
    ),
    number("p_value", "p of llr under χ² with 1 degree of freedom"),
    text("effect", "over, under or equal"),
];

/// The reference of a target when there are more than two groups.
pub const REST: &str = "(rest)";

/// Terms and their counts, most frequent first.
pub type Ranked = Vec<(String, u64)>;

/// Data the charts need that the tables do not hold.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChartData {
    /// The top words (no stopwords, unless kept), at most [`CHART_TERMS`].
    pub top_terms: Ranked,
    /// For each language with at least 10% of the words: its code, share, and the top
    /// words of the documents whose dominant language it is.
    pub language_top_terms: Vec<(String, f64, Ranked)>,
    /// The top bigrams and trigrams with at least one non-stopword word.
    pub top_bigrams: Ranked,
    /// See `top_bigrams`.
    pub top_trigrams: Ranked,
    /// (rank, count) at log-spaced ranks, and the fitted line ln f = a + b ln r.
    pub zipf_points: Vec<(u64, u64)>,
    /// Intercept and slope of the Zipf fit.
    pub zipf_fit: Option<(f64, f64)>,
    /// (tokens read, types seen) at log-spaced points of the stream.
    pub heaps_points: Vec<(u64, u64)>,
    /// The top words of the NPMI heatmap, and NPMI for each pair (window scope
    /// counts; `None` where a pair never co-occurs).
    pub npmi_words: Vec<String>,
    /// See `npmi_words`; symmetric, `None` on the diagonal.
    pub npmi: Vec<Vec<Option<f64>>>,
}

/// Words per bar chart.
pub const CHART_TERMS: usize = 25;
/// Documents scored together for distinctive.csv.
const DISTINCTIVE_CHUNK: usize = 64;

/// Words in the co-occurrence heatmap.
pub const HEATMAP_WORDS: usize = 20;
/// A language's share of the words for a chart of its own.
pub const LANGUAGE_CHART_SHARE: f64 = 0.10;

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

/// The key with the most words; ties go to the key that sorts first.
fn most_words<K: Ord + Copy>(counts: impl Iterator<Item = (K, u64)>) -> Option<(K, u64)> {
    counts.max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
}

fn totals<K: Ord + Copy>(
    words: &LanguageWords,
    key: impl Fn(&(&'static str, &'static str)) -> K,
) -> BTreeMap<K, u64> {
    let mut out = BTreeMap::new();
    for (k, &w) in words {
        *out.entry(key(k)).or_default() += w;
    }
    out
}

/// The dominant language of a document's words: the language with the most
/// words, `und` only when no sentence had a language.
fn dominant_language(by_language: &BTreeMap<&'static str, u64>) -> (&'static str, u64) {
    most_words(
        by_language
            .iter()
            .filter(|(l, _)| **l != UNDETERMINED)
            .map(|(l, w)| (*l, *w)),
    )
    .or_else(|| by_language.get(UNDETERMINED).map(|&w| (UNDETERMINED, w)))
    .unwrap_or((UNDETERMINED, 0))
}

/// Rows of `languages.csv` for one set of words: one per language, most words first.
fn language_rows(document: &str, words: &LanguageWords, tokens: u64) -> Vec<LanguageRow> {
    let by_language = totals(words, |k| k.0);
    let mut rows: Vec<LanguageRow> = by_language
        .iter()
        .map(|(&language, &count)| {
            let script = most_words(
                words
                    .iter()
                    .filter(|((l, _), _)| *l == language)
                    .map(|((_, s), w)| (*s, *w)),
            )
            .map_or(script::COMMON, |(s, _)| s);
            LanguageRow {
                document: document.to_string(),
                language,
                script,
                words: count,
                share: share(count, tokens),
            }
        })
        .collect();
    rows.sort_by(|a, b| by_count_then_text((a.words, a.language), (b.words, b.language)));
    rows
}

impl Report {
    /// Computes the tables from merged counts.
    pub fn new(mut counts: CorpusCounts) -> Report {
        counts.finish_counting();
        crate::corpus::release_free_memory();
        let options = counts.options().clone();
        counts
            .documents
            .par_sort_by(|a, b| (&a.id, &a.source, a.line).cmp(&(&b.id, &b.source, b.line)));
        let documents = counts.documents.len() as u64;
        let idf: Vec<f64> = counts
            .terms
            .par_iter()
            .map(|t| ((1.0 + documents as f64) / (1.0 + t.doc_freq as f64)).ln() + 1.0)
            .collect();

        let normalizer = Normalizer::new(&options.normalize).ok();
        let display: Vec<&str> = counts.terms.par_iter().map(|t| t.display()).collect();
        let mut language_totals = totals(&counts.language_words, |k| k.0);
        language_totals.remove(UNDETERMINED);
        let stopword_languages: Vec<&str> = language_totals
            .iter()
            .filter(|(_, &w)| share(w, counts.tokens) >= STOPWORD_LANGUAGE_SHARE)
            .map(|(l, _)| *l)
            .collect();
        let stopwords = normalizer.as_ref().map(Stopwords::new);
        let is_stopword: Vec<bool> = counts
            .terms
            .par_iter()
            .map(|t| {
                stopwords
                    .as_ref()
                    .is_some_and(|s| s.contains(&t.text, &stopword_languages))
            })
            .collect();

        let mut by_text: Vec<u32> = (0..display.len() as u32).collect();
        by_text.par_sort_unstable_by(|&a, &b| display[a as usize].cmp(display[b as usize]));
        let mut text_rank = vec![0u32; display.len()];
        for (rank, &id) in by_text.iter().enumerate() {
            text_rank[id as usize] = rank as u32;
        }
        drop(by_text);
        let plain: Vec<bool> = display
            .iter()
            .map(|d| d.bytes().all(|b| b > b' '))
            .collect();
        let skip = |id: u32| !options.keep_stopwords && is_stopword[id as usize];
        let names = TermNames {
            display: &display,
            skip: &skip,
            text_rank: &text_rank,
            plain: &plain,
        };

        let cooccurrence_n = Self::cooccurrence_n(&counts, &options);
        let charted = Self::charted_terms(&counts, &names);
        let heatmap: Vec<u32> = charted
            .iter()
            .take(HEATMAP_WORDS)
            .map(|&(id, _)| id)
            .collect();
        // Only the heatmap looks at pairs counted less often than the tables list;
        // the rest of those, most entries, go before anything else is made.
        let heatmap_pairs = Self::heatmap_pairs(&mut counts.pairs, &heatmap);
        counts.pairs.retain_at_least(options.cooccurrence.min_count);
        for table in &mut counts.ngrams {
            table.retain_at_least(options.ngram_min_count);
        }
        crate::corpus::release_free_memory();

        let mut term_order: Vec<u32> = (0..counts.terms.len() as u32).collect();
        term_order.par_sort_unstable_by(|&a, &b| {
            names.by_count_then_text(
                (counts.terms[a as usize].count, a),
                (counts.terms[b as usize].count, b),
            )
        });
        let terms: Vec<TermRow> = term_order
            .par_iter()
            .enumerate()
            .map(|(i, &id)| {
                let t = &counts.terms[id as usize];
                TermRow {
                    rank: i + 1,
                    term: display[id as usize].to_string(),
                    count: t.count,
                    doc_freq: t.doc_freq,
                    per_million: share(t.count, counts.tokens) * 1e6,
                    idf: idf[id as usize],
                    script: t.script,
                    kind: t.kind.name(),
                    stopword: is_stopword[id as usize],
                }
            })
            .collect();
        // The three large tables are independent: made at once, each table of counts
        // emptied as its rows are taken.
        let ngram_tables = std::mem::take(&mut counts.ngrams);
        let pair_table = std::mem::take(&mut counts.pairs);
        let counts_ref = &counts;
        let (ngrams, (distinctive, cooccurrences)) = rayon::join(
            || Self::build_ngram_rows(ngram_tables, &names, &options),
            || {
                rayon::join(
                    || {
                        Self::build_distinctive(
                            counts_ref,
                            &names,
                            &idf,
                            options.distinctive_per_document,
                        )
                    },
                    || Self::build_pair_rows(pair_table, &counts_ref.terms, &names, &options),
                )
            },
        );
        crate::corpus::release_free_memory();

        let mut document_rows = Vec::with_capacity(counts.documents.len());
        let mut languages = Vec::new();
        for doc in &counts.documents {
            document_rows.push(Self::document_row(doc));
            languages.extend(language_rows(&doc.id, &doc.language_words, doc.tokens));
        }
        languages.extend(language_rows("*", &counts.language_words, counts.tokens));

        let sorted_counts: Vec<u64> = terms.iter().map(|t| t.count).collect();
        let heaps = stats::heaps_fit(&counts.first_positions, counts.tokens);
        let shares = |map: BTreeMap<&'static str, u64>| -> BTreeMap<String, Share> {
            map.into_iter()
                .map(|(k, words)| {
                    let s = Share {
                        words,
                        share: round(share(words, counts.tokens)),
                    };
                    (k.to_string(), s)
                })
                .collect()
        };
        let mut problems = counts.problems.clone();
        problems.sort();
        let tokens = counts.tokens;
        let ratio = |x: f64| (tokens > 0).then(|| round(x));
        let summary = Summary {
            schema_version: SCHEMA_VERSION,
            corpstat_version: env!("CARGO_PKG_VERSION"),
            normalization: normalizer.map(|n| n.step_names()).unwrap_or_default(),
            stopword_languages: stopword_languages.iter().map(|l| l.to_string()).collect(),
            options: options.clone(),
            documents,
            tokens,
            types: counts.terms.len() as u64,
            hapax: counts.terms.iter().filter(|t| t.count == 1).count() as u64,
            sentences: counts.sentences,
            ttr: ratio(share(counts.terms.len() as u64, tokens)),
            yules_k: stats::yules_k(sorted_counts.iter().copied()).map(round),
            mattr: counts.mattr.value().map(round),
            mtld: counts.mtld.mtld().map(round),
            zipf_exponent: stats::zipf_exponent(&sorted_counts).map(round),
            heaps_k: heaps.map(|h| round(h.0)),
            heaps_beta: heaps.map(|h| round(h.1)),
            cooccurrence_n: round(cooccurrence_n),
            approximate: counts.pruning,
            languages: shares(totals(&counts.language_words, |k| k.0)),
            scripts: shares(totals(&counts.language_words, |k| k.1)),
            problems,
            problems_total: counts.problem_counts.values().sum(),
            problems_by_kind: counts.problem_counts.clone(),
        };
        let group_data = Self::group_tables(&counts, &names, &document_rows, &options);
        let chart_data = Self::chart_data(
            &counts,
            &names,
            &is_stopword,
            &options,
            &document_rows,
            &terms,
            &ngrams,
            &summary,
            &charted,
            &heatmap_pairs,
        );
        let report = Report {
            summary,
            documents: document_rows,
            terms,
            names: display.iter().map(|&name| name.into()).collect(),
            ngrams,
            distinctive,
            languages,
            cooccurrences,
            pair_n: cooccurrence_n,
            marginals: counts
                .terms
                .iter()
                .map(|t| t.marginal(options.cooccurrence.scope))
                .collect(),
            chart_data,
            groups: group_data.0,
            group_languages: group_data.1,
            group_terms: group_data.2,
            keyness: group_data.3,
            vocabulary_overlap: group_data.4,
        };
        // Freeing the counts, many small allocations, need not hold up the charts.
        rayon::spawn(move || drop(counts));
        report
    }

    /// groups.csv, its language columns, group_terms.csv and keyness.csv; all empty without groups.
    #[allow(clippy::type_complexity)]
    fn group_tables(
        counts: &CorpusCounts,
        names: &TermNames,
        documents: &[DocumentRow],
        options: &Options,
    ) -> (
        Vec<GroupRow>,
        Vec<&'static str>,
        Vec<GroupTermRow>,
        Vec<KeynessRow>,
        Option<VocabularyOverlap>,
    ) {
        let group_by = &options.input.group_by;
        if *group_by == GroupBy::None {
            return Default::default();
        }
        struct Group {
            documents: u64,
            tokens: u64,
            terms: rustc_hash::FxHashMap<u32, u64>,
            words: LanguageWords,
        }
        let mut groups: BTreeMap<String, Group> = BTreeMap::new();
        for (record, row) in counts.documents.iter().zip(documents) {
            let name = match group_by {
                GroupBy::Lang => row.language.to_string(),
                _ => record.group.clone().unwrap_or_else(|| NO_GROUP.to_string()),
            };
            let g = groups.entry(name).or_insert_with(|| Group {
                documents: 0,
                tokens: 0,
                terms: rustc_hash::FxHashMap::default(),
                words: LanguageWords::new(),
            });
            g.documents += 1;
            g.tokens += record.tokens;
            for &(id, c) in &record.terms {
                *g.terms.entry(id).or_default() += c as u64;
            }
            for (k, w) in &record.language_words {
                *g.words.entry(*k).or_default() += w;
            }
        }
        let mut languages: Vec<(&'static str, u64)> = totals(&counts.language_words, |k| k.0)
            .into_iter()
            .collect();
        languages.sort_by(|a, b| by_count_then_text((a.1, a.0), (b.1, b.0)));
        let languages: Vec<&'static str> = languages.into_iter().map(|(l, _)| l).collect();

        let listed =
            |id: u32| !(names.skip)(id) && counts.terms[id as usize].kind == TokenKind::Word;
        let mut rows = Vec::new();
        let mut group_terms = Vec::new();
        for (name, g) in &groups {
            let by_language = totals(&g.words, |k| k.0);
            let (language, _) = dominant_language(&by_language);
            rows.push(GroupRow {
                group: name.clone(),
                documents: g.documents,
                tokens: g.tokens,
                types: g.terms.len() as u64,
                ttr: share(g.terms.len() as u64, g.tokens),
                language,
                shares: languages
                    .iter()
                    .map(|l| share(by_language.get(l).copied().unwrap_or(0), g.tokens))
                    .collect(),
            });
            let mut top: Vec<(u32, u64)> = g
                .terms
                .iter()
                .filter(|(&id, _)| listed(id))
                .map(|(&id, &c)| (id, c))
                .collect();
            top.sort_by(|a, b| names.by_count_then_text((a.1, a.0), (b.1, b.0)));
            group_terms.extend(top.into_iter().take(GROUP_TERMS).enumerate().map(
                |(i, (id, c))| GroupTermRow {
                    group: name.clone(),
                    rank: i + 1,
                    term: names.display[id as usize].to_string(),
                    count: c,
                    per_million: share(c, g.tokens) * 1e6,
                },
            ));
        }

        let mut keyness_rows = Vec::new();
        if groups.len() >= 2 {
            for (name, g) in &groups {
                let reference = if groups.len() == 2 {
                    groups
                        .keys()
                        .find(|k| *k != name)
                        .cloned()
                        .unwrap_or_default()
                } else {
                    REST.to_string()
                };
                let (c, d) = (g.tokens, counts.tokens - g.tokens);
                if c == 0 || d == 0 {
                    continue;
                }
                let mut rows: Vec<KeynessRow> = (0..counts.terms.len() as u32)
                    .filter(|&id| listed(id))
                    .filter_map(|id| {
                        let a = g.terms.get(&id).copied().unwrap_or(0);
                        let b = counts.terms[id as usize].count - a;
                        (a + b >= options.keyness_min_count.max(1)).then(|| KeynessRow {
                            target: name.clone(),
                            reference: reference.clone(),
                            term: names.display[id as usize].to_string(),
                            count_target: a,
                            count_reference: b,
                            per_million_target: share(a, c) * 1e6,
                            per_million_reference: share(b, d) * 1e6,
                            measures: keyness(a as f64, b as f64, c as f64, d as f64),
                        })
                    })
                    .collect();
                rows.sort_by(|x, y| {
                    y.measures
                        .llr
                        .total_cmp(&x.measures.llr)
                        .then_with(|| x.term.cmp(&y.term))
                });
                keyness_rows.extend(rows);
            }
        }
        let overlap = match groups.values().collect::<Vec<_>>().as_slice() {
            [a, b] => {
                let shared = a.terms.keys().filter(|id| b.terms.contains_key(id)).count() as u64;
                let union = (a.terms.len() + b.terms.len()) as u64 - shared;
                Some(VocabularyOverlap {
                    shared,
                    union,
                    jaccard: round(share(shared, union)),
                })
            }
            _ => None,
        };
        (rows, languages, group_terms, keyness_rows, overlap)
    }

    /// `groups.csv` (empty without groups).
    pub fn groups_table(&self) -> Table {
        let mut columns: Vec<Column> = GROUP_COLUMNS.to_vec();
        for l in &self.group_languages {
            columns.push(number(
                crate::table::column_name(format!("share_{l}")),
                "share of the group's words in this language",
            ));
        }
        Table {
            columns: columns.into(),
            rows: self
                .groups
                .iter()
                .map(|g| {
                    let mut row = vec![
                        g.group.clone(),
                        g.documents.to_string(),
                        g.tokens.to_string(),
                        g.types.to_string(),
                        float(g.ttr),
                        g.language.to_string(),
                    ];
                    row.extend(g.shares.iter().map(|&s| float(s)));
                    row
                })
                .collect(),
        }
    }

    /// `group_terms.csv`.
    pub fn group_terms_table(&self) -> Table {
        Table {
            columns: GROUP_TERM_COLUMNS.into(),
            rows: self
                .group_terms
                .iter()
                .map(|t| {
                    vec![
                        t.group.clone(),
                        t.rank.to_string(),
                        t.term.clone(),
                        t.count.to_string(),
                        float(t.per_million),
                    ]
                })
                .collect(),
        }
    }

    /// `keyness.csv`, or the rows of one target.
    pub fn keyness_table(&self, target: Option<&str>) -> Table {
        Table {
            columns: KEYNESS_COLUMNS.into(),
            rows: self
                .keyness
                .iter()
                .filter(|k| target.is_none_or(|t| k.target == t))
                .map(|k| {
                    let m = &k.measures;
                    vec![
                        k.target.clone(),
                        k.reference.clone(),
                        k.term.clone(),
                        k.count_target.to_string(),
                        k.count_reference.to_string(),
                        float(k.per_million_target),
                        float(k.per_million_reference),
                        float(m.llr),
                        float(m.chi2),
                        float(m.log_ratio),
                        float(m.pct_diff),
                        format!("{:.6e}", m.p_value),
                        m.effect.to_string(),
                    ]
                })
                .collect(),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn chart_data(
        counts: &CorpusCounts,
        names: &TermNames,
        is_stopword: &[bool],
        options: &Options,
        documents: &[DocumentRow],
        terms: &[TermRow],
        ngrams: &[NgramRows],
        summary: &Summary,
        top_ids: &[(u32, u64)],
        heatmap_pairs: &FxHashMap<[u32; 2], u32>,
    ) -> ChartData {
        let charted =
            |id: u32| !(names.skip)(id) && counts.terms[id as usize].kind == TokenKind::Word;
        let sort = |items: &mut Vec<(u32, u64)>| {
            items.sort_by(|a, b| names.by_count_then_text((a.1, a.0), (b.1, b.0)))
        };
        let named = |items: &[(u32, u64)], n: usize| -> Ranked {
            items
                .iter()
                .take(n)
                .map(|&(id, c)| (names.display[id as usize].to_string(), c))
                .collect()
        };
        let top_terms = named(top_ids, CHART_TERMS);

        let mut language_top_terms = Vec::new();
        for (code, share) in &summary.languages {
            if code == UNDETERMINED || share.share < LANGUAGE_CHART_SHARE {
                continue;
            }
            let mut per_term: rustc_hash::FxHashMap<u32, u64> = rustc_hash::FxHashMap::default();
            for (record, row) in counts.documents.iter().zip(documents) {
                if row.language == code {
                    for &(id, c) in &record.terms {
                        if charted(id) {
                            *per_term.entry(id).or_default() += c as u64;
                        }
                    }
                }
            }
            let mut per_term: Vec<(u32, u64)> = per_term.into_iter().collect();
            sort(&mut per_term);
            language_top_terms.push((code.clone(), share.share, named(&per_term, CHART_TERMS)));
        }
        language_top_terms.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));

        // N-grams with at least one word that is not a stopword.
        let content = |id: u32| {
            !is_stopword[id as usize] && counts.terms[id as usize].kind == TokenKind::Word
        };
        let top_ngrams = |n: usize| -> Ranked {
            let Some(grams) = ngrams.iter().find(|g| g.n() == n) else {
                return Ranked::new();
            };
            (0..grams.len())
                .map(|i| grams.get(i))
                .filter(|(ids, ..)| ids.iter().any(|&id| content(id)))
                .take(15)
                .map(|(ids, count, _)| (joined(names.display, ids), count))
                .collect()
        };

        let zipf_points: Vec<(u64, u64)> = stats::log_spaced(terms.len() as u64)
            .into_iter()
            .map(|r| (r, terms[r as usize - 1].count))
            .collect();
        let zipf_fit = stats::least_squares(
            &zipf_points
                .iter()
                .map(|&(r, c)| ((r as f64).ln(), (c as f64).ln()))
                .collect::<Vec<_>>(),
        )
        .map(|f| (f.intercept, f.slope));
        let heaps_points = stats::log_spaced(counts.tokens)
            .into_iter()
            .map(|n| (n, counts.first_positions.partition_point(|&p| p < n) as u64))
            .collect();

        let words: Vec<u32> = top_ids
            .iter()
            .take(HEATMAP_WORDS)
            .map(|&(id, _)| id)
            .collect();
        let n = Self::cooccurrence_n(counts, options);
        let npmi = words
            .iter()
            .map(|&a| {
                words
                    .iter()
                    .map(|&b| {
                        if a == b {
                            return None;
                        }
                        let key = if options.cooccurrence.ordered || a < b {
                            [a, b]
                        } else {
                            [b, a]
                        };
                        let c = *heatmap_pairs.get(&key)?;
                        let marginal = |id: u32| {
                            counts.terms[id as usize].marginal(options.cooccurrence.scope) as f64
                        };
                        Some(associate(c as f64, marginal(a), marginal(b), n).npmi)
                    })
                    .collect()
            })
            .collect();
        ChartData {
            top_terms,
            language_top_terms,
            top_bigrams: top_ngrams(2),
            top_trigrams: top_ngrams(3),
            zipf_points,
            zipf_fit,
            heaps_points,
            npmi_words: words
                .iter()
                .map(|&id| names.display[id as usize].to_string())
                .collect(),
            npmi,
        }
    }

    fn document_row(doc: &DocumentRecord) -> DocumentRow {
        let (language, words) = dominant_language(&totals(&doc.language_words, |k| k.0));
        let script = most_words(totals(&doc.language_words, |k| k.1).into_iter())
            .map_or(script::COMMON, |(s, _)| s);
        DocumentRow {
            document: doc.id.clone(),
            bytes: doc.bytes,
            tokens: doc.tokens,
            types: doc.terms.len() as u64,
            sentences: doc.sentences,
            language,
            language_share: share(words, doc.tokens),
            script,
        }
    }

    /// The words the charts rank (stopwords left out unless kept), most frequent first.
    fn charted_terms(counts: &CorpusCounts, names: &TermNames) -> Vec<(u32, u64)> {
        let mut ids: Vec<(u32, u64)> = (0..counts.terms.len() as u32)
            .filter(|&id| !(names.skip)(id) && counts.terms[id as usize].kind == TokenKind::Word)
            .map(|id| (id, counts.terms[id as usize].count))
            .collect();
        ids.sort_by(|a, b| names.by_count_then_text((a.1, a.0), (b.1, b.0)));
        ids
    }

    /// The n-grams of order 2 and more that ngrams.csv lists, one order at a time,
    /// each table emptied shard by shard as its rows are taken.
    fn build_ngram_rows(
        tables: Vec<ShardedNgrams<NgramTotals>>,
        names: &TermNames,
        options: &Options,
    ) -> Vec<NgramRows> {
        let mut out = Vec::new();
        for (i, table) in tables.into_iter().enumerate() {
            let n = i + 2;
            if n < options.ngram_min {
                continue;
            }
            let mut grams = NgramRows {
                n,
                ids: Vec::new(),
                rows: Vec::new(),
            };
            for mut shard in table.shards {
                shard.for_each(|key, totals, _| {
                    if u64::from(totals.count) >= options.ngram_min_count {
                        let at = (grams.ids.len() / n) as u32;
                        grams.ids.extend_from_slice(key);
                        grams.rows.push((at, totals.count, totals.doc_freq));
                    }
                });
            }
            let ids = &grams.ids;
            let key = |at: u32| &ids[at as usize * n..(at as usize + 1) * n];
            grams.rows.par_sort_unstable_by(|x, y| {
                y.1.cmp(&x.1)
                    .then_with(|| names.cmp_ngrams(key(x.0), key(y.0)))
            });
            out.push(grams);
        }
        out
    }

    fn build_distinctive(
        counts: &CorpusCounts,
        names: &TermNames,
        idf: &[f64],
        top: usize,
    ) -> Vec<DistinctiveEntry> {
        // Documents go in chunks, each with one buffer of scores reused for all of
        // them, and only each document's top `top` terms are sorted.
        let per_chunk: Vec<Vec<DistinctiveEntry>> = counts
            .documents
            .par_chunks(DISTINCTIVE_CHUNK)
            .enumerate()
            .map(|(chunk, documents)| {
                let mut scored: Vec<(f64, &str, usize, u32, u32)> = Vec::new();
                let mut entries = Vec::with_capacity(documents.len() * top);
                for (i, doc) in documents.iter().enumerate() {
                    scored.clear();
                    scored.extend(
                        doc.terms
                            .iter()
                            .enumerate()
                            .filter(|(_, &(id, _))| !(names.skip)(id))
                            .map(|(at, &(id, count))| {
                                (
                                    count as f64 * idf[id as usize],
                                    names.display[id as usize],
                                    at,
                                    id,
                                    count,
                                )
                            }),
                    );
                    // Highest score first, then by text, then in document order: no ties.
                    let order = |a: &(f64, &str, usize, u32, u32),
                                 b: &(f64, &str, usize, u32, u32)| {
                        b.0.total_cmp(&a.0)
                            .then_with(|| a.1.cmp(b.1))
                            .then_with(|| a.2.cmp(&b.2))
                    };
                    if scored.len() > top && top > 0 {
                        scored.select_nth_unstable_by(top - 1, order);
                        scored.truncate(top);
                    }
                    scored.sort_unstable_by(order);
                    let document = (chunk * DISTINCTIVE_CHUNK + i) as u32;
                    entries.extend(scored.iter().take(top).enumerate().map(
                        |(rank, &(tfidf, _, _, term, count))| DistinctiveEntry {
                            document,
                            rank: rank as u32 + 1,
                            term,
                            count,
                            tfidf,
                        },
                    ));
                }
                entries
            })
            .collect();
        per_chunk.concat()
    }

    /// N of the contingency table: tokens / span for the window scope (span = the
    /// window, doubled when unordered), sentences or documents otherwise.
    fn cooccurrence_n(counts: &CorpusCounts, options: &Options) -> f64 {
        let cooc = &options.cooccurrence;
        match cooc.scope {
            CoocScope::Window => {
                let span = cooc.window as f64 * if cooc.ordered { 1.0 } else { 2.0 };
                counts.tokens as f64 / span
            }
            CoocScope::Sentence => counts.sentences as f64,
            CoocScope::Document => counts.documents.len() as f64,
        }
    }

    /// The counts of the pairs among `heatmap` words, for the chart.
    fn heatmap_pairs(pairs: &mut ShardedNgrams<u32>, heatmap: &[u32]) -> FxHashMap<[u32; 2], u32> {
        let in_heatmap: rustc_hash::FxHashSet<u32> = heatmap.iter().copied().collect();
        let per_shard: Vec<Vec<([u32; 2], u32)>> = pairs
            .shards
            .par_iter_mut()
            .map(|shard| {
                let mut found = Vec::new();
                shard.for_each(|pair, &c, _| {
                    if in_heatmap.contains(&pair[0]) && in_heatmap.contains(&pair[1]) {
                        found.push(([pair[0], pair[1]], c));
                    }
                });
                found
            })
            .collect();
        per_shard.into_iter().flatten().collect()
    }

    /// The pairs cooccurrence.csv lists, emptying the pair table shard by shard.
    fn build_pair_rows(
        pairs: ShardedNgrams<u32>,
        terms: &[TermTotals],
        names: &TermNames,
        options: &Options,
    ) -> Vec<PairRow> {
        let cooc = &options.cooccurrence;
        let mut rows: Vec<PairRow> = Vec::new();
        let shards = pairs.shards;
        let listed = |id: u32| {
            !(names.skip)(id) && (cooc.all_kinds || terms[id as usize].kind == TokenKind::Word)
        };
        for mut shard in shards {
            shard.for_each(|pair, &c, _| {
                let (mut a, mut b) = (pair[0], pair[1]);
                if u64::from(c) >= cooc.min_count.max(1) && listed(a) && listed(b) {
                    if !cooc.ordered && names.text_rank[a as usize] > names.text_rank[b as usize] {
                        std::mem::swap(&mut a, &mut b);
                    }
                    rows.push(PairRow { a, b, count: c });
                }
            });
        }
        let rank = names.text_rank;
        rows.par_sort_unstable_by(|x, y| {
            y.count
                .cmp(&x.count)
                .then_with(|| rank[x.a as usize].cmp(&rank[y.a as usize]))
                .then_with(|| rank[x.b as usize].cmp(&rank[y.b as usize]))
        });
        rows
    }

    /// `documents.csv`.
    pub fn documents_table(&self) -> Table {
        self.documents_table_top(usize::MAX)
    }

    /// The first `limit` rows of the same table.
    pub fn documents_table_top(&self, limit: usize) -> Table {
        table(DOCUMENT_COLUMNS, self.documents_source(), limit)
    }

    /// The rows of `documents.csv`, in any order.
    pub fn documents_source(&self) -> RowSource<'_> {
        RowSource::new(self.documents.len(), |i| {
            let d = &self.documents[i];
            vec![
                d.document.clone(),
                d.bytes.to_string(),
                d.tokens.to_string(),
                d.types.to_string(),
                d.sentences.to_string(),
                d.language.to_string(),
                float(d.language_share),
                d.script.to_string(),
            ]
        })
    }

    /// `terms.csv`.
    pub fn terms_table(&self) -> Table {
        self.terms_table_top(usize::MAX)
    }

    /// The first `limit` rows of the same table.
    pub fn terms_table_top(&self, limit: usize) -> Table {
        table(TERM_COLUMNS, self.terms_source(), limit)
    }

    /// The rows of `terms.csv`, in any order.
    pub fn terms_source(&self) -> RowSource<'_> {
        RowSource::new(self.terms.len(), |i| {
            let t = &self.terms[i];
            vec![
                t.rank.to_string(),
                t.term.clone(),
                t.count.to_string(),
                t.doc_freq.to_string(),
                float(t.per_million),
                float(t.idf),
                t.script.to_string(),
                t.kind.to_string(),
                t.stopword.to_string(),
            ]
        })
    }

    /// The terms of an n-gram (term ids) joined by one space.
    pub fn ngram_text(&self, ids: &[u32]) -> String {
        joined(&self.names, ids)
    }

    /// The rows of `ngrams.csv`, or only those of order `only`, made as they are read.
    pub fn ngram_rows(&self, only: Option<usize>) -> impl Iterator<Item = NgramRow> + '_ {
        let parts = self.ngram_parts(only);
        let len = parts.last().map_or(0, |p| p.0 + p.2);
        (0..len).map(move |i| self.ngram_row(&parts, i))
    }

    /// The parts of `ngrams.csv` (or of its order `only`), one per order: the first
    /// row of each, its rows (`None` for the unigrams, which are the terms) and how
    /// many.
    fn ngram_parts(&self, only: Option<usize>) -> Vec<(usize, Option<&NgramRows>, usize)> {
        let wanted = |n: usize| only.is_none_or(|o| o == n);
        let mut parts = Vec::new();
        let mut start = 0;
        if self.summary.options.ngram_min <= 1 && wanted(1) {
            parts.push((0, None, self.terms.len()));
            start = self.terms.len();
        }
        for grams in self.ngrams.iter().filter(|g| wanted(g.n())) {
            parts.push((start, Some(grams), grams.len()));
            start += grams.len();
        }
        parts
    }

    /// Row `i` of the n-grams split into `parts` (see [`Report::ngram_parts`]).
    fn ngram_row(&self, parts: &[(usize, Option<&NgramRows>, usize)], i: usize) -> NgramRow {
        let part = parts.partition_point(|p| p.0 <= i) - 1;
        let (start, grams, _) = parts[part];
        let at = i - start;
        match grams {
            None => {
                let t = &self.terms[at];
                NgramRow {
                    n: 1,
                    rank: t.rank,
                    ngram: t.term.clone(),
                    count: t.count,
                    doc_freq: t.doc_freq,
                }
            }
            Some(g) => {
                let (ids, count, doc_freq) = g.get(at);
                NgramRow {
                    n: g.n(),
                    rank: at + 1,
                    ngram: self.ngram_text(ids),
                    count,
                    doc_freq,
                }
            }
        }
    }

    /// Rows of `ngrams.csv`.
    pub fn ngram_count(&self) -> usize {
        let unigrams = if self.summary.options.ngram_min <= 1 {
            self.terms.len()
        } else {
            0
        };
        unigrams + self.ngrams.iter().map(NgramRows::len).sum::<usize>()
    }

    /// `ngrams.csv`, or only the n-grams of order `only` when given.
    pub fn ngrams_table(&self, only: Option<usize>) -> Table {
        self.ngrams_table_top(only, usize::MAX)
    }

    /// The first `limit` rows of the same table.
    pub fn ngrams_table_top(&self, only: Option<usize>, limit: usize) -> Table {
        table(NGRAM_COLUMNS, self.ngrams_source(only), limit)
    }

    /// The rows of `ngrams.csv` (or of its order `only`), in any order.
    pub fn ngrams_source(&self, only: Option<usize>) -> RowSource<'_> {
        let parts = self.ngram_parts(only);
        let len = parts.last().map_or(0, |p| p.0 + p.2);
        RowSource::new(len, move |i| {
            let g = self.ngram_row(&parts, i);
            vec![
                g.n.to_string(),
                g.rank.to_string(),
                g.ngram,
                g.count.to_string(),
                g.doc_freq.to_string(),
            ]
        })
    }

    /// The rows of `distinctive.csv`, made as they are read.
    pub fn distinctive_rows(&self) -> impl Iterator<Item = DistinctiveRow> + '_ {
        (0..self.distinctive.len()).map(|i| self.distinctive_row(i))
    }

    fn distinctive_row(&self, i: usize) -> DistinctiveRow {
        let d = &self.distinctive[i];
        DistinctiveRow {
            document: self.documents[d.document as usize].document.clone(),
            rank: d.rank as usize,
            term: self.names[d.term as usize].to_string(),
            count: d.count.into(),
            tfidf: d.tfidf,
        }
    }

    /// `distinctive.csv`.
    pub fn distinctive_table(&self) -> Table {
        self.distinctive_table_top(usize::MAX)
    }

    /// The first `limit` rows of the same table.
    pub fn distinctive_table_top(&self, limit: usize) -> Table {
        table(DISTINCTIVE_COLUMNS, self.distinctive_source(), limit)
    }

    /// The rows of `distinctive.csv`, in any order.
    pub fn distinctive_source(&self) -> RowSource<'_> {
        RowSource::new(self.distinctive.len(), |i| {
            let d = self.distinctive_row(i);
            vec![
                d.document,
                d.rank.to_string(),
                d.term,
                d.count.to_string(),
                float(d.tfidf),
            ]
        })
    }

    /// `languages.csv`.
    pub fn languages_table(&self) -> Table {
        self.languages_table_top(usize::MAX)
    }

    /// The first `limit` rows of the same table.
    pub fn languages_table_top(&self, limit: usize) -> Table {
        table(LANGUAGE_COLUMNS, self.languages_source(), limit)
    }

    /// The rows of `languages.csv`, in any order.
    pub fn languages_source(&self) -> RowSource<'_> {
        RowSource::new(self.languages.len(), |i| {
            let l = &self.languages[i];
            vec![
                l.document.clone(),
                l.language.to_string(),
                l.script.to_string(),
                l.words.to_string(),
                float(l.share),
            ]
        })
    }

    /// The rows of `cooccurrence.csv`, with their association measures, made as
    /// they are read.
    pub fn cooccurrence_rows(&self) -> impl Iterator<Item = CooccurrenceRow> + '_ {
        (0..self.cooccurrences.len()).map(|i| self.cooccurrence_row(i))
    }

    fn cooccurrence_row(&self, i: usize) -> CooccurrenceRow {
        let p = &self.cooccurrences[i];
        let (count_a, count_b) = (self.marginals[p.a as usize], self.marginals[p.b as usize]);
        CooccurrenceRow {
            term_a: self.names[p.a as usize].to_string(),
            term_b: self.names[p.b as usize].to_string(),
            count: p.count.into(),
            count_a,
            count_b,
            measures: associate(p.count as f64, count_a as f64, count_b as f64, self.pair_n),
        }
    }

    /// `cooccurrence.csv`.
    pub fn cooccurrence_table(&self) -> Table {
        self.cooccurrence_table_top(usize::MAX)
    }

    /// The first `limit` rows of the same table.
    pub fn cooccurrence_table_top(&self, limit: usize) -> Table {
        table(COOCCURRENCE_COLUMNS, self.cooccurrence_source(), limit)
    }

    /// The rows of `cooccurrence.csv`, in any order.
    pub fn cooccurrence_source(&self) -> RowSource<'_> {
        RowSource::new(self.cooccurrences.len(), |i| {
            let c = self.cooccurrence_row(i);
            let m = &c.measures;
            vec![
                c.term_a,
                c.term_b,
                c.count.to_string(),
                c.count_a.to_string(),
                c.count_b.to_string(),
                float(m.expected),
                float(m.pmi),
                float(m.npmi),
                float(m.llr),
                float(m.chi2),
                float(m.t_score),
                float(m.dice),
                float(m.jaccard),
            ]
        })
    }

    /// The most frequent terms, at most `n`.
    pub fn top_terms(&self, n: usize) -> &[TermRow] {
        &self.terms[..n.min(self.terms.len())]
    }
}
