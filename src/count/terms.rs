//! A document's terms: each token folded to its term key, with local ids given
//! in order of first occurrence, and the surface forms seen for each term.

use std::borrow::Cow;
use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::normalize::Normalizer;
use crate::script::{self, Script};
use crate::tokenize::{Token, TokenKind};

/// The terms of one document, indexed by local id.
pub(super) struct LocalTerms<'a> {
    /// Each term's key (its folded form).
    pub(super) keys: Vec<Cow<'a, str>>,
    /// The kind of each term's first token.
    pub(super) kinds: Vec<TokenKind>,
    /// Occurrences of each term.
    pub(super) counts: Vec<u32>,
    /// The token position of each term's first occurrence.
    pub(super) first_positions: Vec<u32>,
    /// Every token as a local term id, in text order.
    pub(super) token_ids: Vec<u32>,
    /// Every token as the index of its surface form in `surface_forms`.
    pub(super) surface_ids: Vec<u32>,
    /// Each distinct surface form: its text, its term and its count.
    pub(super) surface_forms: Vec<(&'a str, u32, u32)>,
}

impl<'a> LocalTerms<'a> {
    /// Folds each distinct surface form once, not each token: a document repeats
    /// its words, and folding is the costly part.
    pub(super) fn of(tokens: &[Token<'a>], normalizer: &Normalizer) -> Self {
        let mut surface_index: FxHashMap<&str, u32> = FxHashMap::default();
        let mut key_index: FxHashMap<Cow<str>, u32> = FxHashMap::default();
        let mut terms = LocalTerms {
            keys: Vec::new(),
            kinds: Vec::new(),
            counts: Vec::new(),
            first_positions: Vec::new(),
            token_ids: Vec::with_capacity(tokens.len()),
            surface_ids: Vec::with_capacity(tokens.len()),
            surface_forms: Vec::new(),
        };
        for (position, token) in tokens.iter().enumerate() {
            let surface_id = match surface_index.get(token.text) {
                Some(&id) => id,
                None => {
                    let key = normalizer.fold(token.text);
                    let term = match key_index.get(key.as_ref()) {
                        Some(&term) => term,
                        None => {
                            let term = terms.keys.len() as u32;
                            key_index.insert(key.clone(), term);
                            terms.keys.push(key);
                            terms.kinds.push(token.kind);
                            terms.counts.push(0);
                            terms.first_positions.push(position as u32);
                            term
                        }
                    };
                    let id = terms.surface_forms.len() as u32;
                    surface_index.insert(token.text, id);
                    terms.surface_forms.push((token.text, term, 0));
                    id
                }
            };
            terms.surface_ids.push(surface_id);
            let form = &mut terms.surface_forms[surface_id as usize];
            form.2 += 1;
            let id = form.1;
            terms.counts[id as usize] += 1;
            terms.token_ids.push(id);
        }
        terms
    }

    /// The surface forms that differ from their term's key: (local term id,
    /// surface, count), in order of first occurrence.
    pub(super) fn surfaces(&self) -> Vec<(u32, String, u32)> {
        self.surface_forms
            .iter()
            .filter(|&&(text, term, _)| text != self.keys[term as usize])
            .map(|&(text, term, count)| (term, text.to_string(), count))
            .collect()
    }

    /// In how many sentences each term occurs. A per-term "last sentence seen"
    /// stamp gives this without a set per sentence.
    pub(super) fn sentence_frequencies(&self, sentences: &[Range<usize>]) -> Vec<u32> {
        let mut frequencies = vec![0u32; self.keys.len()];
        let mut last_sentence = vec![u32::MAX; self.keys.len()];
        for (s, range) in sentences.iter().enumerate() {
            for &id in &self.token_ids[range.clone()] {
                if last_sentence[id as usize] != s as u32 {
                    last_sentence[id as usize] = s as u32;
                    frequencies[id as usize] += 1;
                }
            }
        }
        frequencies
    }

    /// The script of each term.
    pub(super) fn scripts(&self) -> Vec<Script> {
        self.keys.iter().map(|t| script::token_script(t)).collect()
    }
}
