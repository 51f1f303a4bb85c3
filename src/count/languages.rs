//! A document's language mix: each sentence's language, from the detector, and
//! its words counted per (language, script).

use super::code_switching::CodeSwitching;
use super::terms::LocalTerms;
use super::{Analyzer, LanguageWords};
use std::collections::BTreeMap;

use crate::language::Lang;
use crate::normalize::{Census, FormLetters, Orthography};
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
        // The script of each term that is a word of letters (`Common` otherwise),
        // looked up once per token for the sentences that mix scripts.
        let word_scripts: Vec<Script> = term_scripts
            .iter()
            .zip(&terms.kinds)
            .map(|(&script, &kind)| {
                if kind == TokenKind::Word {
                    script
                } else {
                    Script::Common
                }
            })
            .collect();
        // The censuses look at a sentence's words only when some written form of
        // the document holds a letter they count.
        let censuses = Census::within(letters);
        for (range, &language) in tokenized.sentences.iter().zip(&sentence_languages) {
            per_script.clear();
            let mut first_word_script = Script::Common;
            let mut is_mixed = false;
            for &id in &token_ids[range.clone()] {
                let script = term_scripts[id as usize];
                match per_script.iter_mut().find(|(s, _)| *s == script) {
                    Some((_, n)) => *n += 1,
                    None => per_script.push((script, 1)),
                }
                let word_script = word_scripts[id as usize];
                if word_script != Script::Common {
                    if first_word_script == Script::Common {
                        first_word_script = word_script;
                    } else if word_script != first_word_script {
                        is_mixed = true;
                    }
                }
            }
            mixed.push(is_mixed);
            for census in censuses.iter().filter(|c| c.language == language) {
                for &form in &terms.surface_ids[range.clone()] {
                    census.add(&letters[form as usize], orthography);
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

/// The key with the most words; ties go to the key that sorts first.
pub(crate) fn most_words<K: Ord + Copy>(
    counts: impl Iterator<Item = (K, u64)>,
) -> Option<(K, u64)> {
    counts.max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
}

/// The words of `words` summed by `key` of their (language, script).
pub(crate) fn totals<K: Ord + Copy>(
    words: &LanguageWords,
    key: impl Fn(&(Lang, Script)) -> K,
) -> BTreeMap<K, u64> {
    let mut out = BTreeMap::new();
    for (k, &w) in words {
        *out.entry(key(k)).or_default() += w;
    }
    out
}

/// The dominant language of a document's words: the language with the most
/// words, `und` only when no sentence had a language.
pub(crate) fn dominant_language(by_language: &BTreeMap<Lang, u64>) -> (Lang, u64) {
    most_words(
        by_language
            .iter()
            .filter(|(l, _)| **l != Lang::UNDETERMINED)
            .map(|(l, w)| (*l, *w)),
    )
    .or_else(|| {
        by_language
            .get(&Lang::UNDETERMINED)
            .map(|&w| (Lang::UNDETERMINED, w))
    })
    .unwrap_or((Lang::UNDETERMINED, 0))
}
