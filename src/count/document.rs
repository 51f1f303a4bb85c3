//! One document counted: [`Analyzer::analyze`] as a short list of steps, and the
//! [`DocumentStats`] it returns, keyed by document-local term ids so that
//! documents can be counted in parallel with no shared state.

use std::borrow::Cow;
use std::sync::Arc;
use std::time::Instant;

use super::figures::DocumentFigures;
use super::quality::QualityLists;
use super::{dominant_language, totals, QualityCounts};
use crate::input::{Document, Problem, ProblemKind};
use crate::language::LanguageDetector;
use crate::normalize::Normalizer;
use crate::normalize::{FoldsCounted, FormLetters, Orthography};
use crate::options::{CoocScope, Options};
use crate::stopwords::folded_words;
use rustc_hash::FxHashSet;

use crate::count::terms::LocalTerms;
use crate::input::DocumentMeta;
use crate::measures::lexical::mtld_factors;
use crate::store::NgramList;
use crate::timing::{Stage, StageTimes};
use crate::tokenize::{tokenize_with, TokenKind};

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
    /// Its id, source, line and group.
    pub(crate) meta: DocumentMeta,
    /// Its figures that add up: bytes (of its text before normalization), tokens,
    /// sentences, the language mix, code-switching, the ledger, MTLD.
    pub(crate) figures: DocumentFigures,
    /// The distinct terms (folded keys), indexed by local id.
    pub(crate) terms: TermList,
    /// The kind of each term (of its first occurrence).
    pub(crate) term_kinds: Vec<TokenKind>,
    /// Surface forms that differ from their term's key: (local term id, surface, count).
    pub(crate) surfaces: Vec<(u32, String, u32)>,
    /// How often each term occurs.
    pub(crate) term_counts: Vec<u32>,
    /// In how many of the document's sentences each term occurs.
    pub(crate) term_sentences: Vec<u32>,
    /// The token position of each term's first occurrence.
    pub(crate) first_positions: Vec<u32>,
    /// Every token as a local id, in text order.
    pub(crate) token_ids: Vec<u32>,
    /// The fingerprint of its folded token sequence (`None` without tokens): what
    /// exact duplicates share.
    pub(crate) fingerprint: Option<super::Fingerprint>,
    /// The MinHash signature of its word shingles (`None` without tokens): what
    /// near duplicates are found by.
    pub(crate) signature: Option<super::Signature>,
    /// What its quality signals are made of (`None` unless counted).
    pub(crate) quality: Option<super::QualityCounts>,
    /// Tokens of ignored terms (`--ignore`) taken out before counting.
    pub(crate) ignored_tokens: u32,
    /// N-gram counts for n = 2, 3, ...: `ngrams[n - 2]`, keyed by local ids.
    pub(crate) ngrams: Vec<NgramList>,
    /// Co-occurring pairs of local ids `[a, b]` (a < b unless ordered), counted as
    /// the scope defines.
    pub(crate) pairs: NgramList,
    /// What counting could not do in full (a co-occurrence scope over
    /// [`MAX_SCOPE_TERMS`] distinct words).
    pub(crate) problems: Vec<Problem>,
}

/// Distinct words of one sentence (sentence scope) or one document (document scope)
/// that co-occurrence pairs up, at most: every pair of them is counted, so the work
/// grows with the square of this number (4,000 words give 8 million pairs). Beyond
/// it, pairs are counted among the words first seen, and a problem says so.
pub const MAX_SCOPE_TERMS: usize = 4000;

impl DocumentStats {
    /// Its id, source, line and group.
    pub fn meta(&self) -> &DocumentMeta {
        &self.meta
    }

    /// Number of tokens.
    pub fn tokens(&self) -> usize {
        self.token_ids.len()
    }

    /// Its figures that add up.
    pub fn figures(&self) -> &DocumentFigures {
        &self.figures
    }

    /// How often each distinct term occurs, in order of first occurrence.
    pub fn term_counts(&self) -> &[u32] {
        &self.term_counts
    }

    /// Occurrences of n-grams of order `n` (0 when they were not counted).
    pub fn ngram_occurrences(&self, n: usize) -> u64 {
        self.ngrams
            .iter()
            .find(|list| list.order() == n)
            .map_or(0, |list| list.values().map(|&c| u64::from(c)).sum())
    }
}

/// Turns documents into [`DocumentStats`]. Shareable across threads.
pub struct Analyzer {
    pub(super) options: Options,
    normalizer: Normalizer,
    pub(super) detector: LanguageDetector,
    /// The ignored terms (`--ignore`), folded.
    ignored: FxHashSet<String>,
    /// The fold steps the orthography ledger counts.
    folds: FoldsCounted,
    /// The stopword lists the quality counts read (`None` unless counted).
    quality_lists: Option<QualityLists>,
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
        let normalizer = Normalizer::new(&options.normalize)?;
        Ok(Analyzer {
            ignored: folded_words(options.ignore.as_ref(), &normalizer),
            quality_lists: options
                .tables
                .documents
                .then(|| QualityLists::new(&options, &normalizer)),
            folds: FoldsCounted::of(&normalizer),
            normalizer,
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

    /// Counts one document: normalize, tokenize, fold each surface form to its
    /// term, then count sentences, n-grams, pairs and the language mix.
    pub fn analyze(&self, document: Document) -> DocumentStats {
        let mut orthography = Orthography::default();
        let surface = self.times.time(Stage::Normalize, || {
            self.normalizer
                .surface_counted(&document.text, &mut orthography)
        });
        let mut tokenized = self.times.time(Stage::Tokenize, || {
            tokenize_with(&surface, self.options.tokens)
        });
        let before_count = Instant::now();
        let mut terms = LocalTerms::of(&tokenized.tokens, &self.normalizer);
        let mut runs = None;
        let mut ignored_tokens = 0;
        if let Some(ignored) = self.ignored_terms(&terms) {
            let (kept, kept_runs) = tokenized.without(|i| ignored[terms.token_ids[i] as usize]);
            ignored_tokens = (tokenized.tokens.len() - kept.tokens.len()) as u32;
            tokenized = kept;
            terms = LocalTerms::of(&tokenized.tokens, &self.normalizer);
            runs = Some(kept_runs);
        }
        let runs = runs.as_deref().unwrap_or(&tokenized.sentences);
        let term_sentences = terms.sentence_frequencies(&tokenized.sentences);
        let ngrams = self.count_ngrams(&terms.token_ids, terms.keys.len(), runs);
        let (pairs, widest_scope) =
            self.count_pairs(&terms.token_ids, &tokenized.sentences, runs, &terms.kinds);
        let problems: Vec<Problem> = self
            .scope_capped(&document, widest_scope)
            .into_iter()
            .collect();
        let detect_started = Instant::now();
        let letters: Vec<FormLetters> = terms
            .surface_forms
            .iter()
            .map(|&(form, _, count)| {
                let letters = FormLetters::of(form);
                letters.add_to(&mut orthography, u64::from(count), &self.folds);
                letters
            })
            .collect();
        let (language_words, code_switching) =
            self.language_words(&tokenized, &terms, &letters, &mut orthography);
        let detect_took = detect_started.elapsed();
        self.times.add(Stage::LanguageMix, detect_took);
        let mtld = mtld_factors(&terms.token_ids, terms.keys.len());
        let (fingerprint, signature) = if self.options.tables.documents {
            (
                super::Fingerprint::of(&terms.keys, &terms.token_ids),
                super::Signature::of(&terms.keys, &terms.token_ids),
            )
        } else {
            (None, None)
        };
        let quality = self.quality_lists.as_ref().map(|lists| {
            let (language, _) = dominant_language(&totals(&language_words, |k| k.0));
            QualityCounts::of(&document.text, &terms, lists.of(language))
        });
        self.times.add(
            Stage::Count,
            before_count.elapsed().saturating_sub(detect_took),
        );
        DocumentStats {
            figures: DocumentFigures {
                bytes: document.text.len() as u64,
                tokens: terms.token_ids.len() as u64,
                sentences: tokenized.sentences.len() as u64,
                language_words,
                code_switching,
                orthography,
                mtld,
            },
            surfaces: terms.surfaces(),
            terms: terms.keys.iter().map(Cow::as_ref).collect(),
            term_kinds: terms.kinds,
            term_counts: terms.counts,
            term_sentences,
            first_positions: terms.first_positions,
            ignored_tokens,
            ngrams,
            pairs,
            fingerprint,
            signature,
            quality,
            token_ids: terms.token_ids,
            problems,
            meta: document.meta,
        }
    }

    /// For each of a document's terms, whether it is ignored (`--ignore`); `None`
    /// when none is, which is the rule: then the document is counted as it is.
    fn ignored_terms(&self, terms: &LocalTerms) -> Option<Vec<bool>> {
        if self.ignored.is_empty() {
            return None;
        }
        let ignored: Vec<bool> = terms
            .keys
            .iter()
            .map(|key| self.ignored.contains(key.as_ref()))
            .collect();
        ignored.contains(&true).then_some(ignored)
    }

    /// The problem that says a co-occurrence scope had more than
    /// [`MAX_SCOPE_TERMS`] distinct words, when one had.
    fn scope_capped(&self, document: &Document, widest_scope: usize) -> Option<Problem> {
        if widest_scope <= MAX_SCOPE_TERMS {
            return None;
        }
        let scope = match self.options.cooccurrence.scope {
            CoocScope::Document => "document",
            _ => "sentence",
        };
        Some(Problem {
            source: document.meta.source.clone(),
            line: (document.meta.line > 0).then_some(document.meta.line),
            kind: ProblemKind::CoocCapped,
            message: format!(
                "document {}: {widest_scope} distinct words in one {scope}: co-occurrence pairs counted among the first {MAX_SCOPE_TERMS} only (--cooc-scope window has no such bound)",
                document.meta.id
            ),
        })
    }
}
