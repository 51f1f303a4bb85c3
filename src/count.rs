//! Counting: one document's statistics, and the corpus totals they merge into.
//!
//! [`Analyzer::analyze`] turns a [`Document`] into [`DocumentStats`]: normalize,
//! tokenize, then count terms, n-grams, co-occurring pairs and the words of each
//! language, all keyed by document-local integer ids. Documents are independent,
//! so callers analyze them in parallel. [`CorpusCounts`] then takes each
//! document with `+=`, in document order, mapping local ids to corpus-wide ids
//! assigned in order of first occurrence. Counts merge by addition, so their
//! totals do not depend on the order; vocabulary growth (Heaps) and MATTR are
//! defined over the token stream in document order.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::ops::AddAssign;
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::input::{Document, Problem, ProblemKind};
use crate::script::Script;

/// Input problems listed one by one in `summary.json` and on stderr; the rest are
/// counted by kind.
pub const PROBLEMS_LISTED: usize = 100;
use crate::language::LanguageDetector;
use crate::normalize::Normalizer;
use crate::options::{CoocScope, Options};
use crate::script;
use crate::stats::{mtld_factors, Mattr, MtldFactors};
use crate::store::{Buckets, NgramList, NgramTable, Sharded, ShardedNgrams, Tally};
use crate::timing::{Stage, StageTimes};
use crate::tokenize::{tokenize_with, TokenKind};

/// Words counted per (language, script).
pub type LanguageWords = BTreeMap<(&'static str, Script), u64>;

/// Strings in one buffer: a document's distinct terms, made on a worker thread
/// and read on the merging one without an allocation per term.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TermList {
    text: String,
    ends: Vec<usize>,
}

impl TermList {
    /// Adds a string at the end.
    pub fn push(&mut self, term: &str) {
        self.text.push_str(term);
        self.ends.push(self.text.len());
    }

    /// Number of strings.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The `i`th string.
    pub fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }

    /// The strings in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }
}

impl<'a> FromIterator<&'a str> for TermList {
    fn from_iter<I: IntoIterator<Item = &'a str>>(terms: I) -> Self {
        let mut list = TermList::default();
        for term in terms {
            list.push(term);
        }
        list
    }
}

/// Everything counted in one document, keyed by document-local term ids
/// (0, 1, 2, ... in order of first occurrence).
#[derive(Debug, Clone, Default)]
pub struct DocumentStats {
    /// The document's id.
    pub id: String,
    /// The file it came from.
    pub source: String,
    /// Its line in that file (0 for a whole file).
    pub line: u64,
    /// Its group, when the input stage decided one.
    pub group: Option<String>,
    /// Size of the document's text in UTF-8 bytes, before normalization.
    pub bytes: u64,
    /// The distinct terms (folded keys), indexed by local id.
    pub terms: TermList,
    /// The kind of each term (of its first occurrence).
    pub term_kinds: Vec<TokenKind>,
    /// Surface forms that differ from their term's key: (local term id, surface, count).
    pub surfaces: Vec<(u32, String, u32)>,
    /// How often each term occurs.
    pub term_counts: Vec<u32>,
    /// In how many of the document's sentences each term occurs.
    pub term_sentences: Vec<u32>,
    /// The token position of each term's first occurrence.
    pub first_positions: Vec<u32>,
    /// Every token as a local id, in text order.
    pub token_ids: Vec<u32>,
    /// Sentences that hold at least one token.
    pub sentences: u32,
    /// N-gram counts for n = 2, 3, ...: `ngrams[n - 2]`, keyed by local ids.
    pub ngrams: Vec<NgramList>,
    /// Co-occurring pairs of local ids `[a, b]` (a < b unless ordered), counted as
    /// the scope defines.
    pub pairs: NgramList,
    /// Words per (language, script): each sentence's words go to its language.
    pub language_words: LanguageWords,
    /// MTLD factor counts, forward and backward.
    pub mtld: MtldFactors,
    /// What counting could not do in full (a co-occurrence scope over
    /// [`MAX_SCOPE_TERMS`] distinct words).
    pub problems: Vec<Problem>,
}

/// Distinct words of one sentence (sentence scope) or one document (document scope)
/// that co-occurrence pairs up, at most: every pair of them is counted, so the work
/// grows with the square of this number (4,000 words give 8 million pairs). Beyond
/// it, pairs are counted among the words first seen, and a problem says so.
pub const MAX_SCOPE_TERMS: usize = 4000;

impl DocumentStats {
    /// Number of tokens.
    pub fn tokens(&self) -> usize {
        self.token_ids.len()
    }
}

/// Turns documents into [`DocumentStats`]. Shareable across threads.
pub struct Analyzer {
    options: Options,
    normalizer: Normalizer,
    detector: LanguageDetector,
    times: Arc<StageTimes>,
}

impl Analyzer {
    /// An analyzer for `options`, which [`Options::validate`] accepts.
    pub fn new(options: Options) -> Result<Self, crate::options::OptionsError> {
        options.validate()?;
        let detector = if options.languages.is_empty() {
            LanguageDetector::new()
        } else {
            LanguageDetector::with_languages(&options.languages)?
        }
        .every_sentence(options.detect_every_sentence);
        Ok(Analyzer {
            normalizer: Normalizer::new(&options.normalize)?,
            detector,
            options,
            times: Arc::default(),
        })
    }

    /// The CPU time spent per stage so far, shared with whoever holds a clone.
    pub fn stage_times(&self) -> &Arc<StageTimes> {
        &self.times
    }

    /// The options in force.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// The normalizer in force.
    pub fn normalizer(&self) -> &Normalizer {
        &self.normalizer
    }

    /// Counts one document.
    pub fn analyze(&self, document: Document) -> DocumentStats {
        let surface = self
            .times
            .time(Stage::Normalize, || self.normalizer.surface(&document.text));
        let tokenized = self.times.time(Stage::Tokenize, || {
            tokenize_with(&surface, self.options.tokens)
        });
        let before_count = Instant::now();

        // Fold each distinct surface form once, not each token.
        let mut surface_index: FxHashMap<&str, u32> = FxHashMap::default();
        let mut surface_term: Vec<u32> = Vec::new();
        let mut surface_counts: Vec<u32> = Vec::new();
        let mut surface_texts: Vec<&str> = Vec::new();
        let mut index: FxHashMap<Cow<str>, u32> = FxHashMap::default();
        let mut terms: Vec<Cow<str>> = Vec::new();
        let mut term_kinds: Vec<TokenKind> = Vec::new();
        let mut term_counts: Vec<u32> = Vec::new();
        let mut first_positions: Vec<u32> = Vec::new();
        let mut token_ids = Vec::with_capacity(tokenized.tokens.len());
        for (position, token) in tokenized.tokens.iter().enumerate() {
            let surface_id = match surface_index.get(token.text) {
                Some(&id) => id,
                None => {
                    let key = self.normalizer.fold(token.text);
                    let term = match index.get(key.as_ref()) {
                        Some(&term) => term,
                        None => {
                            let term = terms.len() as u32;
                            index.insert(key.clone(), term);
                            terms.push(key);
                            term_kinds.push(token.kind);
                            term_counts.push(0);
                            first_positions.push(position as u32);
                            term
                        }
                    };
                    let id = surface_term.len() as u32;
                    surface_index.insert(token.text, id);
                    surface_term.push(term);
                    surface_counts.push(0);
                    surface_texts.push(token.text);
                    id
                }
            };
            surface_counts[surface_id as usize] += 1;
            let id = surface_term[surface_id as usize];
            term_counts[id as usize] += 1;
            token_ids.push(id);
        }
        let surfaces = surface_texts
            .iter()
            .enumerate()
            .filter(|&(s, text)| *text != terms[surface_term[s] as usize])
            .map(|(s, text)| (surface_term[s], text.to_string(), surface_counts[s]))
            .collect();

        // Per-term "last sentence seen" stamps give sentence frequencies without a set per sentence.
        let mut term_sentences = vec![0u32; terms.len()];
        let mut last_sentence = vec![u32::MAX; terms.len()];
        for (s, range) in tokenized.sentences.iter().enumerate() {
            for &id in &token_ids[range.clone()] {
                if last_sentence[id as usize] != s as u32 {
                    last_sentence[id as usize] = s as u32;
                    term_sentences[id as usize] += 1;
                }
            }
        }

        let ngrams = self.count_ngrams(&token_ids, &tokenized.sentences);
        let (pairs, widest_scope) = self.count_pairs(&token_ids, &tokenized.sentences, &term_kinds);
        let mut problems = Vec::new();
        if widest_scope > MAX_SCOPE_TERMS {
            let scope = match self.options.cooccurrence.scope {
                CoocScope::Document => "document",
                _ => "sentence",
            };
            problems.push(Problem {
                source: document.source.clone(),
                line: (document.line > 0).then_some(document.line),
                kind: ProblemKind::CoocCapped,
                message: format!(
                    "document {}: {widest_scope} distinct words in one {scope}: co-occurrence pairs counted among the first {MAX_SCOPE_TERMS} only (--cooc-scope window has no such bound)",
                    document.id
                ),
            });
        }

        let term_scripts: Vec<Script> = terms.iter().map(|t| script::token_script(t)).collect();
        let detect_started = Instant::now();
        let sentence_languages = self
            .detector
            .detect_document(tokenized.sentences.iter().map(|range| {
                tokenized.tokens[range.clone()]
                    .iter()
                    .zip(&token_ids[range.clone()])
                    .filter(|(token, _)| token.kind == TokenKind::Word)
                    .map(|(token, &id)| (token.text, term_scripts[id as usize]))
            }));
        let detect_took = detect_started.elapsed();
        self.times.add(Stage::LanguageMix, detect_took);
        let mut language_words = LanguageWords::new();
        // Tokens per script within a sentence first: a sentence has one or two
        // scripts, and the names are compared by address before by content.
        let mut per_script: Vec<(Script, u64)> = Vec::new();
        for (range, language) in tokenized.sentences.iter().zip(sentence_languages) {
            per_script.clear();
            for &id in &token_ids[range.clone()] {
                let script = term_scripts[id as usize];
                match per_script.iter_mut().find(|(s, _)| *s == script) {
                    Some((_, n)) => *n += 1,
                    None => per_script.push((script, 1)),
                }
            }
            for &(script, n) in &per_script {
                *language_words.entry((language, script)).or_default() += n;
            }
        }

        let mtld = mtld_factors(&token_ids, terms.len());
        self.times.add(
            Stage::Count,
            before_count.elapsed().saturating_sub(detect_took),
        );
        DocumentStats {
            bytes: document.text.len() as u64,
            terms: terms.iter().map(Cow::as_ref).collect(),
            term_kinds,
            surfaces,
            term_counts,
            term_sentences,
            first_positions,
            sentences: tokenized.sentences.len() as u32,
            ngrams,
            pairs,
            language_words,
            mtld,
            token_ids,
            problems,
            id: document.id,
            source: document.source,
            line: document.line,
            group: document.group,
        }
    }

    fn count_ngrams(
        &self,
        token_ids: &[u32],
        sentences: &[std::ops::Range<usize>],
    ) -> Vec<NgramList> {
        SCRATCH.with_borrow_mut(|scratch| {
            let mut ngrams = Vec::new();
            for n in 2..=self.options.ngram_max {
                if n < self.options.ngram_min {
                    ngrams.push(NgramList::new(n));
                    continue;
                }
                let counts = scratch.ngrams(n);
                for range in sentences {
                    for gram in token_ids[range.clone()].windows(n) {
                        *counts.entry(gram) += 1;
                    }
                }
                ngrams.push(counts.take_list());
            }
            ngrams
        })
    }

    /// Co-occurring pairs of local term ids. Unless non-words are listed too
    /// (`--cooc-all-kinds`), a pair with a number, URL, address, mention or hashtag
    /// is not counted at all: no table would show it. Window distances are still
    /// counted in tokens of every kind.
    fn count_pairs(
        &self,
        token_ids: &[u32],
        sentences: &[std::ops::Range<usize>],
        term_kinds: &[TokenKind],
    ) -> (NgramList, usize) {
        SCRATCH.with_borrow_mut(|scratch| {
            let widest =
                self.count_pairs_into(&mut scratch.pairs, token_ids, sentences, term_kinds);
            (scratch.pairs.take_list(), widest)
        })
    }

    fn count_pairs_into(
        &self,
        pairs: &mut NgramTable<u32>,
        token_ids: &[u32],
        sentences: &[std::ops::Range<usize>],
        term_kinds: &[TokenKind],
    ) -> usize {
        let cooc = &self.options.cooccurrence;
        let counted = |id: u32| cooc.all_kinds || term_kinds[id as usize] == TokenKind::Word;
        // The most distinct words of one scope, to report a scope that was cut.
        let mut widest = 0;
        let mut add_all_pairs = |ids: &[u32]| {
            widest = widest.max(ids.len());
            // Local ids follow first occurrence: the words first seen are kept.
            let ids = &ids[..ids.len().min(MAX_SCOPE_TERMS)];
            for (i, &a) in ids.iter().enumerate() {
                for &b in &ids[i + 1..] {
                    *pairs.entry(&[a, b]) += 1;
                }
            }
        };
        match cooc.scope {
            CoocScope::Window => {
                for range in sentences {
                    let ids = &token_ids[range.clone()];
                    for (i, &a) in ids.iter().enumerate() {
                        if !counted(a) {
                            continue;
                        }
                        for &b in ids.iter().skip(i + 1).take(cooc.window) {
                            if a == b || !counted(b) {
                                continue;
                            }
                            let key = if cooc.ordered || a < b {
                                [a, b]
                            } else {
                                [b, a]
                            };
                            *pairs.entry(&key) += 1;
                        }
                    }
                }
            }
            CoocScope::Sentence => {
                let mut distinct: Vec<u32> = Vec::new();
                for range in sentences {
                    distinct.clear();
                    distinct.extend(token_ids[range.clone()].iter().filter(|&&id| counted(id)));
                    distinct.sort_unstable();
                    distinct.dedup();
                    add_all_pairs(&distinct);
                }
            }
            CoocScope::Document => {
                let distinct: Vec<u32> = (0..term_kinds.len() as u32)
                    .filter(|&id| counted(id))
                    .collect();
                add_all_pairs(&distinct);
            }
        }
        widest
    }
}

/// Tables reused from one document to the next on each thread, so that counting a
/// document's n-grams and pairs allocates only the lists it hands on.
struct Scratch {
    ngrams: Vec<NgramTable<u32>>,
    pairs: NgramTable<u32>,
}

impl Scratch {
    /// The empty table for n-grams of order `n`.
    fn ngrams(&mut self, n: usize) -> &mut NgramTable<u32> {
        while self.ngrams.len() + 2 <= n {
            self.ngrams.push(NgramTable::new(self.ngrams.len() + 2));
        }
        &mut self.ngrams[n - 2]
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch {
        ngrams: Vec::new(),
        pairs: NgramTable::new(2),
    });
}

/// Corpus-wide totals of one term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermTotals {
    /// The term.
    pub text: Box<str>,
    /// Occurrences.
    pub count: u64,
    /// Documents that contain it.
    pub doc_freq: u64,
    /// Sentences that contain it.
    pub sentence_freq: u64,
    /// Its script (see [`crate::script::token_script`]).
    pub script: Script,
    /// Its kind (of its first occurrence in the corpus).
    pub kind: TokenKind,
    /// Surface forms that differ from the term itself, with their counts.
    pub surfaces: Vec<(Box<str>, u64)>,
}

impl TermTotals {
    /// f(term) in a co-occurrence contingency table of `scope`: occurrences for the
    /// window scope, sentences or documents that hold the term otherwise.
    pub fn marginal(&self, scope: CoocScope) -> u64 {
        match scope {
            CoocScope::Window => self.count,
            CoocScope::Sentence => self.sentence_freq,
            CoocScope::Document => self.doc_freq,
        }
    }

    /// The form to show: the most frequent surface form (the term itself counts
    /// with the occurrences no other form took); ties go to the lower code point.
    pub fn display(&self) -> &str {
        let others: u64 = self.surfaces.iter().map(|s| s.1).sum();
        let mut best: (&str, u64) = (&self.text, self.count - others.min(self.count));
        for (form, count) in &self.surfaces {
            if *count > best.1 || (*count == best.1 && **form < *best.0) {
                best = (form, *count);
            }
        }
        best.0
    }
}

/// Corpus-wide totals of one n-gram.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NgramTotals {
    /// Occurrences (saturating at u32::MAX, which halves the table's memory).
    pub count: u32,
    /// Documents that contain it (saturating likewise).
    pub doc_freq: u32,
}

impl Tally for NgramTotals {
    const ONE: Self = NgramTotals {
        count: 1,
        doc_freq: 1,
    };
    fn is_one(&self) -> bool {
        *self == Self::ONE
    }
    fn add(&mut self, other: Self) {
        self.count = self.count.saturating_add(other.count);
        self.doc_freq = self.doc_freq.saturating_add(other.doc_freq);
    }
    fn occurrences(&self) -> u32 {
        self.count
    }
}

/// The share of `--memory-limit` the n-gram and pair tables may hold.
pub const TABLE_SHARE_OF_LIMIT: f64 = 0.5;

/// How the n-gram and pair counts were pruned under `--memory-limit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Pruning {
    /// The last pruning threshold: every count of an n-gram (n ≥ 2) or pair is at
    /// most this much below the true count (never above it), and any n-gram or pair
    /// seen more often than this is kept. doc_freq is bounded likewise.
    pub max_undercount: u64,
    /// Times the tables were pruned.
    pub rounds: u64,
    /// Entries dropped in all (a key dropped twice counts twice).
    pub dropped: u64,
}

/// What the report keeps of each document after merging it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentRecord {
    /// The document's id.
    pub id: String,
    /// The file it came from.
    pub source: String,
    /// Its line there (0 for a whole file).
    pub line: u64,
    /// Its group, when the input stage decided one.
    pub group: Option<String>,
    /// Its size in UTF-8 bytes.
    pub bytes: u64,
    /// Tokens.
    pub tokens: u64,
    /// Sentences with at least one token.
    pub sentences: u64,
    /// Words per (language, script).
    pub language_words: LanguageWords,
    /// Its terms as (corpus term id, count), for TF-IDF.
    pub terms: Vec<(u32, u32)>,
}

/// The corpus totals. Add documents with `+=`, in document order.
#[derive(Debug, Clone, Default)]
pub struct CorpusCounts {
    pub(crate) options: Options,
    /// Term ids by their text, which only `terms` holds.
    pub(crate) term_index: TermIndex,
    /// Every term, indexed by corpus id (assigned in order of first occurrence).
    pub terms: Vec<TermTotals>,
    /// The token position, in the corpus stream, of each term's first occurrence.
    pub first_positions: Vec<u64>,
    /// N-gram totals for n = 2, 3, ...: `ngrams[n - 2]`, keyed by corpus term ids.
    pub ngrams: Vec<ShardedNgrams<NgramTotals>>,
    /// Co-occurring pairs keyed by corpus term ids `[a, b]` (a < b unless ordered).
    pub pairs: ShardedNgrams<u32>,
    ngram_buckets: Vec<Buckets<u32>>,
    pair_buckets: Buckets<u32>,
    /// Every document, in the order added.
    pub documents: Vec<DocumentRecord>,
    /// Tokens.
    pub tokens: u64,
    /// Sentences with at least one token.
    pub sentences: u64,
    /// Words per (language, script).
    pub language_words: LanguageWords,
    /// MTLD factors summed over documents.
    pub mtld: MtldFactors,
    /// The MATTR window over the token stream.
    pub mattr: Mattr,
    /// The first [`PROBLEMS_LISTED`] input problems met while reading, in reading order.
    pub problems: Vec<Problem>,
    /// Every input problem met, counted by kind.
    pub problem_counts: BTreeMap<ProblemKind, u64>,
    /// How the n-gram and pair tables were pruned; `None` while every count is exact.
    pub pruning: Option<Pruning>,
}

impl CorpusCounts {
    /// Empty totals for `options`.
    pub fn new(options: Options) -> Self {
        CorpusCounts {
            ngrams: (2..=options.ngram_max).map(Sharded::ngrams).collect(),
            pairs: Sharded::ngrams(2),
            mattr: Mattr::new(options.mattr_window),
            options,
            ..CorpusCounts::default()
        }
    }

    /// The options the totals were counted with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Frees what only counting needs (the term index, the merge buckets), before
    /// the tables are made: no more documents can be added afterwards.
    pub(crate) fn finish_counting(&mut self) {
        self.term_index = TermIndex::default();
        self.ngram_buckets = Vec::new();
        self.pair_buckets = Buckets::default();
    }

    /// Records an input problem: counted always, kept when fewer than
    /// [`PROBLEMS_LISTED`] are, so that a million bad lines cost a counter, not a list.
    pub fn add_problem(&mut self, problem: Problem) {
        *self.problem_counts.entry(problem.kind).or_default() += 1;
        if self.problems.len() < PROBLEMS_LISTED {
            self.problems.push(problem);
        }
    }

    fn intern(&mut self, term: &str, kind: TokenKind, first_position: u64) -> u32 {
        if let Some(id) = self.term_index.get(&self.terms, term) {
            return id;
        }
        let id = self.terms.len() as u32;
        self.terms.push(TermTotals {
            script: script::token_script(term),
            kind,
            surfaces: Vec::new(),
            text: term.into(),
            count: 0,
            doc_freq: 0,
            sentence_freq: 0,
        });
        self.first_positions.push(first_position);
        self.term_index.insert(&self.terms, id);
        id
    }
}

/// Term ids found by their text, which is kept only in the terms themselves: a
/// table of ids, 4 bytes and a control byte a term, instead of a second copy of
/// every term as a key.
#[derive(Debug, Clone, Default)]
pub(crate) struct TermIndex {
    ids: hashbrown::HashTable<u32>,
}

impl TermIndex {
    fn hash(term: &str) -> u64 {
        use std::hash::BuildHasher;
        rustc_hash::FxBuildHasher.hash_one(term)
    }

    /// The id of `term`, when `terms` holds it.
    fn get(&self, terms: &[TermTotals], term: &str) -> Option<u32> {
        self.ids
            .find(Self::hash(term), |&id| &*terms[id as usize].text == term)
            .copied()
    }

    /// Adds `id`, a term of `terms` not yet in the index.
    fn insert(&mut self, terms: &[TermTotals], id: u32) {
        let hash = Self::hash(&terms[id as usize].text);
        self.ids
            .insert_unique(hash, id, |&id| Self::hash(&terms[id as usize].text));
    }
}

/// A term the corpus did not know when its batch was looked up.
const UNKNOWN: u32 = u32::MAX;

/// What the n-gram and pair merge needs of a document once its terms are in:
/// its local-to-corpus id map and its tables.
struct DocumentTables {
    global: Vec<u32>,
    ngrams: Vec<NgramList>,
    pairs: NgramList,
}

impl CorpusCounts {
    /// Adds documents in order: the same totals as adding each with `+=`, but the
    /// n-gram and pair tables take the whole batch at once, shard by shard, in
    /// parallel on the current rayon pool.
    pub fn add_batch(&mut self, documents: Vec<DocumentStats>) {
        // Terms the corpus already knows are looked up in parallel; the rest get
        // their ids in document order below.
        let (index, terms) = (&self.term_index, &self.terms);
        let known: Vec<Vec<u32>> = documents
            .par_iter()
            .map(|doc| {
                doc.terms
                    .iter()
                    .map(|term| index.get(terms, term).unwrap_or(UNKNOWN))
                    .collect()
            })
            .collect();
        let tables: Vec<DocumentTables> = documents
            .into_iter()
            .zip(known)
            .map(|(doc, known)| self.add_document_totals(doc, &known))
            .collect();
        self.add_tables(&tables);
        if let Some(limit) = self.options.memory_limit {
            self.keep_tables_within((limit as f64 * TABLE_SHARE_OF_LIMIT) as usize);
        }
    }

    /// Bytes the n-gram and pair tables hold, roughly.
    pub fn table_bytes(&self) -> usize {
        self.ngrams.iter().map(|t| t.heap_bytes()).sum::<usize>() + self.pairs.heap_bytes()
    }

    /// Lossy counting: when the tables hold more than `budget` bytes, raise the
    /// threshold one step at a time and prune, until they hold at most three
    /// quarters of it (so that the next batches fit) or are empty. Depends only on
    /// the counts, never on timing, so the result is the same on any thread count.
    fn keep_tables_within(&mut self, budget: usize) {
        if self.table_bytes() <= budget {
            return;
        }
        let mut pruning = self.pruning.unwrap_or_default();
        let mut threshold = u32::try_from(pruning.max_undercount).unwrap_or(u32::MAX);
        while self.table_bytes() > budget / 4 * 3 && threshold < u32::MAX {
            threshold += 1;
            let mut dropped = self.pairs.prune(threshold);
            for table in &mut self.ngrams {
                dropped += table.prune(threshold);
            }
            pruning.rounds += 1;
            pruning.dropped += dropped as u64;
            pruning.max_undercount = threshold.into();
            let empty = self.pairs.is_empty() && self.ngrams.iter_mut().all(|t| t.is_empty());
            if empty {
                break;
            }
        }
        self.pruning = Some(pruning);
    }

    fn add_tables(&mut self, tables: &[DocumentTables]) {
        let ordered = self.options.cooccurrence.ordered;
        if self.ngram_buckets.len() != self.ngrams.len() {
            self.ngram_buckets = vec![Buckets::default(); self.ngrams.len()];
        }
        let pair_buckets = &mut self.pair_buckets;
        let pairs = &mut self.pairs;
        let ngram_work = self
            .ngrams
            .iter_mut()
            .zip(&mut self.ngram_buckets)
            .enumerate();
        rayon::scope(|scope| {
            for (order, (table, buckets)) in ngram_work {
                scope.spawn(move |_| {
                    let mut key: Vec<u32> = Vec::new();
                    for doc in tables {
                        doc.ngrams[order].iter().for_each(|(gram, count)| {
                            key.clear();
                            key.extend(gram.iter().map(|&l| doc.global[l as usize]));
                            buckets.push(&key, count);
                        });
                    }
                    table.add_buckets(buckets, |shard, ids, counts| {
                        for (gram, &count) in ids.chunks_exact(shard.order()).zip(counts) {
                            shard.add(gram, NgramTotals { count, doc_freq: 1 });
                        }
                        shard.settle();
                    });
                    buckets.clear();
                });
            }
            scope.spawn(move |_| {
                for doc in tables {
                    for (pair, count) in doc.pairs.iter() {
                        let (a, b) = (doc.global[pair[0] as usize], doc.global[pair[1] as usize]);
                        let key = if ordered || a < b { [a, b] } else { [b, a] };
                        pair_buckets.push(&key, count);
                    }
                }
                pairs.add_buckets(pair_buckets, |shard, ids, counts| {
                    for (pair, &count) in ids.chunks_exact(2).zip(counts) {
                        shard.add(pair, count);
                    }
                    shard.settle();
                });
                pair_buckets.clear();
            });
        });
    }

    /// Adds everything of `doc` but its n-grams and pairs, which it returns with the
    /// map from its local term ids to corpus ids.
    fn add_document_totals(&mut self, doc: DocumentStats, known: &[u32]) -> DocumentTables {
        let offset = self.tokens;
        let DocumentStats {
            id,
            source,
            line,
            group,
            bytes,
            terms,
            term_kinds,
            surfaces,
            term_counts,
            term_sentences,
            first_positions,
            token_ids,
            sentences,
            ngrams,
            pairs,
            language_words,
            mtld,
            problems,
        } = doc;
        for problem in problems {
            self.add_problem(problem);
        }

        let mut global = Vec::with_capacity(terms.len());
        let mut doc_terms = Vec::with_capacity(terms.len());
        for (local, term) in terms.iter().enumerate() {
            let g = match known[local] {
                UNKNOWN => self.intern(
                    term,
                    term_kinds[local],
                    offset + first_positions[local] as u64,
                ),
                id => id,
            };
            let totals = &mut self.terms[g as usize];
            totals.count += term_counts[local] as u64;
            totals.doc_freq += 1;
            totals.sentence_freq += term_sentences[local] as u64;
            global.push(g);
            doc_terms.push((g, term_counts[local]));
        }

        for (local, form, count) in surfaces {
            let forms = &mut self.terms[global[local as usize] as usize].surfaces;
            match forms.iter_mut().find(|(f, _)| **f == *form) {
                Some((_, total)) => *total += count as u64,
                None => forms.push((form.into_boxed_str(), count as u64)),
            }
        }

        for &local in &token_ids {
            self.mattr.push(global[local as usize]);
        }
        for (key, words) in &language_words {
            *self.language_words.entry(*key).or_default() += words;
        }
        self.mtld += mtld;
        self.tokens += token_ids.len() as u64;
        self.sentences += sentences as u64;
        self.documents.push(DocumentRecord {
            id,
            source,
            line,
            group,
            bytes,
            tokens: token_ids.len() as u64,
            sentences: sentences as u64,
            language_words,
            terms: doc_terms,
        });
        DocumentTables {
            global,
            ngrams,
            pairs,
        }
    }
}

impl AddAssign<DocumentStats> for CorpusCounts {
    fn add_assign(&mut self, doc: DocumentStats) {
        self.add_batch(vec![doc]);
    }
}
