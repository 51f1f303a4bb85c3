//! Code-switching: how often a document changes language from one sentence to the
//! next, between which languages, and how many of its sentences mix scripts. Read
//! off the sentence languages the language mix already decides; added up with
//! `+=` from documents to the corpus.

use std::collections::BTreeMap;
use std::ops::AddAssign;

use crate::language::Lang;

/// The code-switching of a document, or of a corpus (its documents' summed:
/// switches never run across two documents).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodeSwitching {
    /// Changes of language between consecutive sentences that have one. A
    /// sentence whose language could not be told (`und`) is skipped: it neither
    /// switches nor breaks a run, so "fa, und, fa" holds no switch.
    pub switches: u64,
    /// Sentences whose words are in two or more scripts (digits and symbols
    /// aside): Latin words in an Arabic sentence, say. The language is decided per
    /// sentence, so a mix of two languages in one script is not seen here.
    pub mixed_sentences: u64,
    /// Switches by (from, to).
    pub pairs: BTreeMap<(Lang, Lang), u64>,
}

impl CodeSwitching {
    /// The code-switching of a document from its sentences' languages, in order,
    /// and whether each sentence mixes scripts.
    pub fn of_sentences(languages: &[Lang], mixed: impl IntoIterator<Item = bool>) -> Self {
        let mut switching = CodeSwitching {
            mixed_sentences: mixed.into_iter().filter(|&m| m).count() as u64,
            ..CodeSwitching::default()
        };
        let mut previous: Option<Lang> = None;
        for &language in languages.iter().filter(|&&l| l != Lang::UNDETERMINED) {
            if let Some(from) = previous.filter(|&from| from != language) {
                switching.switches += 1;
                *switching.pairs.entry((from, language)).or_default() += 1;
            }
            previous = Some(language);
        }
        switching
    }

    /// Switches per 100 sentences, of `sentences` in all; `None` without sentences.
    pub fn switch_rate(&self, sentences: u64) -> Option<f64> {
        (sentences > 0).then(|| 100.0 * self.switches as f64 / sentences as f64)
    }

    /// The most frequent switch, ties to the smaller (from, to) codes.
    pub fn top_pair(&self) -> Option<((Lang, Lang), u64)> {
        self.pairs
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(&pair, &n)| (pair, n))
    }

    /// The switches as text, `from>to:count` separated by spaces, in code order:
    /// how a partial's documents table stores them.
    pub fn pairs_text(&self) -> String {
        self.pairs
            .iter()
            .map(|((from, to), n)| format!("{from}>{to}:{n}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The switches read back from [`CodeSwitching::pairs_text`]; `None` when the
    /// text is not such a list.
    pub fn pairs_from_text(text: &str) -> Option<BTreeMap<(Lang, Lang), u64>> {
        text.split_whitespace()
            .map(|item| {
                let (pair, n) = item.split_once(':')?;
                let (from, to) = pair.split_once('>')?;
                Some(((Lang::parse(from)?, Lang::parse(to)?), n.parse().ok()?))
            })
            .collect()
    }
}

impl AddAssign<&CodeSwitching> for CodeSwitching {
    fn add_assign(&mut self, other: &CodeSwitching) {
        self.switches += other.switches;
        self.mixed_sentences += other.mixed_sentences;
        for (&pair, &n) in &other.pairs {
            *self.pairs.entry(pair).or_default() += n;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switches_skip_undetermined_sentences_and_count_pairs() {
        let [fa, en, und] = [Lang::of("fas"), Lang::of("eng"), Lang::UNDETERMINED];
        // fa -> en -> fa, with an und sentence inside the first run.
        let s = CodeSwitching::of_sentences(&[fa, und, fa, en, en, fa], [false, true, true]);
        assert_eq!((s.switches, s.mixed_sentences), (2, 2));
        assert_eq!(s.pairs, BTreeMap::from([((fa, en), 1), ((en, fa), 1)]));
        assert_eq!(s.switch_rate(6), Some(100.0 * 2.0 / 6.0));
        // Ties go to the smaller codes: eng>fas before fas>eng.
        assert_eq!(s.top_pair(), Some(((en, fa), 1)));
        let text = s.pairs_text();
        assert_eq!(text, "eng>fas:1 fas>eng:1");
        assert_eq!(CodeSwitching::pairs_from_text(&text), Some(s.pairs.clone()));
        assert_eq!(CodeSwitching::pairs_from_text("eng>fas"), None);
        // Summed: a corpus of the document twice.
        let mut corpus = CodeSwitching::default();
        corpus += &s;
        corpus += &s;
        assert_eq!((corpus.switches, corpus.pairs[&(fa, en)]), (4, 2));
        assert_eq!(CodeSwitching::of_sentences(&[und, und], []).switches, 0);
    }
}
