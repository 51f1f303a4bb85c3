//! A document's language mix: each sentence's language, from the detector, and
//! its words counted per (language, script).

use super::terms::LocalTerms;
use super::{Analyzer, LanguageWords};
use crate::script::Script;
use crate::tokenize::{TokenKind, Tokenized};

impl Analyzer {
    /// Words per (language, script): every word of a sentence goes to the
    /// sentence's language, under its own script.
    pub(super) fn language_words(
        &self,
        tokenized: &Tokenized,
        terms: &LocalTerms,
    ) -> LanguageWords {
        let term_scripts = terms.scripts();
        let token_ids = &terms.token_ids;
        let sentence_languages = self
            .detector
            .detect_document(tokenized.sentences.iter().map(|range| {
                tokenized.tokens[range.clone()]
                    .iter()
                    .zip(&token_ids[range.clone()])
                    .filter(|(token, _)| token.kind == TokenKind::Word)
                    .map(|(token, &id)| (token.text, term_scripts[id as usize]))
            }));
        let mut language_words = LanguageWords::new();
        // Tokens per script within a sentence first: a sentence has one or two
        // scripts, so a short list beats a map.
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
        language_words
    }
}
