//! A document's language mix: each sentence's language, from the detector, and
//! its words counted per (language, script).

use super::code_switching::CodeSwitching;
use super::orthography::{FormLetters, Orthography};
use super::terms::LocalTerms;
use super::{Analyzer, LanguageWords};
use crate::language::Lang;
use crate::script::Script;
use crate::tokenize::{TokenKind, Tokenized};

impl Analyzer {
    /// Words per (language, script): every word of a sentence goes to the
    /// sentence's language, under its own script. And the document's
    /// code-switching, from the same sentence languages.
    /// The Persian and Arabic yeh-kaf censuses of the orthography ledger are
    /// counted here too, since they need each word's sentence language: `letters`
    /// holds the letters of each of the document's written forms.
    pub(super) fn language_words(
        &self,
        tokenized: &Tokenized,
        terms: &LocalTerms,
        letters: &[FormLetters],
        orthography: &mut Orthography,
    ) -> (LanguageWords, CodeSwitching) {
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
        let mut mixed = Vec::with_capacity(tokenized.sentences.len());
        for (range, &language) in tokenized.sentences.iter().zip(&sentence_languages) {
            per_script.clear();
            let mut word_scripts: [Option<Script>; 2] = [None, None];
            for &id in &token_ids[range.clone()] {
                let script = term_scripts[id as usize];
                match per_script.iter_mut().find(|(s, _)| *s == script) {
                    Some((_, n)) => *n += 1,
                    None => per_script.push((script, 1)),
                }
                if terms.kinds[id as usize] == TokenKind::Word && script != Script::Common {
                    match word_scripts {
                        [None, _] => word_scripts[0] = Some(script),
                        [Some(first), None] if first != script => word_scripts[1] = Some(script),
                        _ => {}
                    }
                }
            }
            mixed.push(word_scripts[1].is_some());
            if language == Lang::PERSIAN || language == Lang::ARABIC {
                for &form in &terms.surface_ids[range.clone()] {
                    let form = &letters[form as usize];
                    if form.has_yeh_kaf() {
                        form.add_census(orthography, language);
                    }
                }
            }
            for &(script, n) in &per_script {
                *language_words.entry((language, script)).or_default() += n;
            }
        }
        let switching = CodeSwitching::of_sentences(&sentence_languages, mixed);
        (language_words, switching)
    }
}
