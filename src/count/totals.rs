//! The corpus-wide totals of one term and of one n-gram.

use crate::options::CoocScope;
use crate::script::Script;
use crate::store::Tally;
use crate::tokenize::TokenKind;

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
    /// Adds `count` occurrences written as `form`, a surface form other than the
    /// term itself (allocated only the first time it is seen).
    pub(crate) fn add_surface(&mut self, form: impl AsRef<str> + Into<Box<str>>, count: u64) {
        match self
            .surfaces
            .iter_mut()
            .find(|(f, _)| **f == *form.as_ref())
        {
            Some((_, total)) => *total += count,
            None => self.surfaces.push((form.into(), count)),
        }
    }

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
    fn to_bits(self) -> u64 {
        u64::from(self.count) | u64::from(self.doc_freq) << 32
    }
    fn from_bits(bits: u64) -> Self {
        NgramTotals {
            count: bits as u32,
            doc_freq: (bits >> 32) as u32,
        }
    }
}
