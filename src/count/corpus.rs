//! [`CorpusCounts`], the corpus totals: documents are added in order, their
//! local ids mapped to corpus ids given in order of first occurrence, and every
//! total merged by addition (`+=`).

use std::collections::BTreeMap;
use std::ops::AddAssign;

use rayon::prelude::*;

use super::figures::DocumentFigures;
use super::totals::{NgramTotals, TermTotals};
use super::{DocumentStats, Pruning, PROBLEMS_LISTED, TABLE_SHARE_OF_LIMIT};
use crate::input::{Notice, Problem, ProblemKind};
use crate::options::Options;
use crate::store::NgramList;

use crate::input::DocumentMeta;
use crate::measures::lexical::Mattr;
use crate::script::{self};
use crate::store::{Buckets, Sharded, ShardedNgrams};
use crate::tokenize::TokenKind;

/// What the n-gram and pair merge needs of a document once its terms are in:
/// its local-to-corpus id map and its tables.
pub(super) struct DocumentTables {
    pub(super) global: Vec<u32>,
    pub(super) ngrams: Vec<NgramList>,
    pub(super) pairs: NgramList,
}

/// What the report keeps of each document after merging it.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentRecord {
    /// Its id, source, line and group.
    pub meta: DocumentMeta,
    /// Its figures that add up (kept per document, so that a sharded run sums
    /// them in the same order as one run: MTLD's are floating-point).
    pub figures: DocumentFigures,
    /// Its terms as (corpus term id, count), for TF-IDF.
    pub terms: Vec<(u32, u32)>,
    /// The fingerprint of its folded token sequence (`None` without tokens).
    pub fingerprint: Option<super::Fingerprint>,
    /// The MinHash signature of its word shingles (`None` without tokens).
    pub signature: Option<super::Signature>,
    /// What its quality signals are made of (`None` unless counted).
    pub quality: Option<super::QualityCounts>,
}

/// The corpus totals. Add documents with `+=`, in document order; append the
/// totals of the documents that follow (another shard, counted apart) with
/// [`CorpusCounts::append`]; make the tables with [`Report::new`](crate::Report::new).
#[derive(Debug, Clone, Default)]
pub struct CorpusCounts {
    pub(crate) options: Options,
    /// Term ids by their text, which only `terms` holds.
    pub(crate) term_index: TermIndex,
    /// Every term, indexed by corpus id (assigned in order of first occurrence).
    pub(crate) terms: Vec<TermTotals>,
    /// The token position, in the corpus stream, of each term's first occurrence.
    pub(crate) first_positions: Vec<u64>,
    /// N-gram totals for n = 2, 3, ...: `ngrams[n - 2]`, keyed by corpus term ids.
    pub(crate) ngrams: Vec<ShardedNgrams<NgramTotals>>,
    /// Co-occurring pairs keyed by corpus term ids `[a, b]` (a < b unless ordered).
    pub(crate) pairs: ShardedNgrams<u32>,
    pub(super) ngram_buckets: Vec<Buckets<u32>>,
    pub(super) pair_buckets: Buckets<u32>,
    /// Every document, in the order added.
    pub(crate) documents: Vec<DocumentRecord>,
    /// The documents' figures, summed in document order.
    pub(crate) figures: DocumentFigures,
    /// Tokens of ignored terms (`--ignore`), taken out before counting.
    pub(crate) ignored_tokens: u64,
    /// The MATTR window over the token stream.
    pub(crate) mattr: Mattr,
    /// The first [`PROBLEMS_LISTED`] input problems met while reading, in reading order.
    pub(crate) problems: Vec<Problem>,
    /// Every input problem met, counted by kind.
    pub(crate) problem_counts: BTreeMap<ProblemKind, u64>,
    /// What the user should know of the reading that is no problem (links
    /// followed out of the folder given), in reading order.
    pub(crate) notices: Vec<Notice>,
    /// How the n-gram and pair tables were pruned; `None` while every count is exact.
    pub(crate) pruning: Option<Pruning>,
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

    /// Records an input problem: counted always, and kept while fewer than 100 are
    /// kept, so that a million bad lines cost a counter, not a list.
    pub fn add_problem(&mut self, problem: Problem) {
        *self.problem_counts.entry(problem.kind).or_default() += 1;
        self.list_problem(problem);
    }

    /// Keeps `problem` in the list while it holds fewer than [`PROBLEMS_LISTED`]
    /// (the caller counts it).
    pub(crate) fn list_problem(&mut self, problem: Problem) {
        if self.problems.len() < PROBLEMS_LISTED {
            self.problems.push(problem);
        }
    }

    pub(crate) fn intern(&mut self, term: &str, kind: TokenKind, first_position: u64) -> u32 {
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

impl CorpusCounts {
    /// The corpus id of `term`, while counting (before the tables are made).
    #[cfg(feature = "parquet")]
    pub(crate) fn term_id(&self, term: &str) -> Option<u32> {
        self.term_index.get(&self.terms, term)
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

    /// Adds everything of `doc` but its n-grams and pairs, which it returns with the
    /// map from its local term ids to corpus ids.
    fn add_document_totals(&mut self, doc: DocumentStats, known: &[u32]) -> DocumentTables {
        let offset = self.figures.tokens;
        let DocumentStats {
            meta,
            figures,
            terms,
            term_kinds,
            surfaces,
            term_counts,
            term_sentences,
            first_positions,
            token_ids,
            ignored_tokens,
            ngrams,
            pairs,
            fingerprint,
            signature,
            quality,
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
            self.terms[global[local as usize] as usize].add_surface(form, count.into());
        }

        for &local in &token_ids {
            self.mattr.push(global[local as usize]);
        }
        self.figures += &figures;
        self.ignored_tokens += u64::from(ignored_tokens);
        self.documents.push(DocumentRecord {
            meta,
            figures,
            terms: doc_terms,
            fingerprint,
            signature,
            quality,
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

impl CorpusCounts {
    /// Bytes the n-gram and pair tables hold, roughly.
    pub fn table_bytes(&self) -> usize {
        super::pruning::table_bytes(&self.ngrams, &self.pairs)
    }

    /// Lossy counting on the n-gram and pair tables (see [`keep_within`]).
    pub(super) fn keep_tables_within(&mut self, budget: usize) {
        super::pruning::keep_within(&mut self.ngrams, &mut self.pairs, &mut self.pruning, budget);
    }
}
