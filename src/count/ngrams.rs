//! A document's n-grams and co-occurring pairs, counted in tables reused from one
//! document to the next on each thread (so counting allocates only the lists it
//! hands on).

use std::cell::RefCell;

use super::{Analyzer, MAX_SCOPE_TERMS};
use crate::options::CoocScope;
use crate::store::{GramCounter, NgramList};
use crate::tokenize::TokenKind;

/// Counters reused from one document to the next on each thread, so that counting
/// a document's n-grams and pairs allocates only the lists it hands on.
#[derive(Default)]
struct Scratch {
    ngrams: GramCounter,
    pairs: GramCounter,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

impl Analyzer {
    pub(super) fn count_ngrams(
        &self,
        token_ids: &[u32],
        terms: usize,
        sentences: &[std::ops::Range<usize>],
    ) -> Vec<NgramList> {
        // Every local id is below the document's number of terms.
        let largest = terms.saturating_sub(1) as u32;
        SCRATCH.with_borrow_mut(|scratch| {
            let mut ngrams = Vec::new();
            for n in 2..=self.options.ngram_max {
                if n < self.options.ngram_min || !self.options.tables.ngrams {
                    ngrams.push(NgramList::new(n));
                    continue;
                }
                let counts = &mut scratch.ngrams;
                counts.start(n, largest);
                for range in sentences {
                    for gram in token_ids[range.clone()].windows(n) {
                        counts.add(gram);
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
    /// `runs` are the sentences, or their parts between ignored terms: windows
    /// stay inside one.
    pub(super) fn count_pairs(
        &self,
        token_ids: &[u32],
        sentences: &[std::ops::Range<usize>],
        runs: &[std::ops::Range<usize>],
        term_kinds: &[TokenKind],
    ) -> (NgramList, usize) {
        if !self.options.tables.cooccurrence {
            return (NgramList::new(2), 0);
        }
        SCRATCH.with_borrow_mut(|scratch| {
            let widest =
                self.count_pairs_into(&mut scratch.pairs, token_ids, sentences, runs, term_kinds);
            (scratch.pairs.take_list(), widest)
        })
    }

    fn count_pairs_into(
        &self,
        pairs: &mut GramCounter,
        token_ids: &[u32],
        sentences: &[std::ops::Range<usize>],
        runs: &[std::ops::Range<usize>],
        term_kinds: &[TokenKind],
    ) -> usize {
        let cooc = &self.options.cooccurrence;
        pairs.start(2, term_kinds.len().saturating_sub(1) as u32);
        let counted = |id: u32| cooc.all_kinds || term_kinds[id as usize] == TokenKind::Word;
        // The most distinct words of one scope, to report a scope that was cut.
        let mut widest = 0;
        let mut add_all_pairs = |ids: &[u32]| {
            widest = widest.max(ids.len());
            // Local ids follow first occurrence: the words first seen are kept.
            let ids = &ids[..ids.len().min(MAX_SCOPE_TERMS)];
            for (i, &a) in ids.iter().enumerate() {
                for &b in &ids[i + 1..] {
                    pairs.add(&[a, b]);
                }
            }
        };
        match cooc.scope {
            CoocScope::Window => {
                for range in runs {
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
                            pairs.add(&key);
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
