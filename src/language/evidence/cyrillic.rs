//! Cyrillic letters beyond Russian's alphabet, weighed against each candidate's.

use super::script::FOREIGN_ONE_IN;
use crate::language::Lang;

/// The letters beyond Russian's alphabet that each language the model knows in the
/// Cyrillic script writes (lowercase; Serbo-Croatian for Serbian and Bosnian). A
/// candidate whose alphabet lacks letters of the text is not its language:
/// Azerbaijani in Cyrillic (ә ј ҝ ҹ) is not Tatar, nor Komi-Permyak (і ӧ) Russian.
const CYRILLIC_LETTERS: &[(Lang, &str)] = &[
    (Lang::of("rus"), ""),
    (Lang::of("ukr"), "іїєґ"),
    (Lang::of("bel"), "іў"),
    (Lang::of("bul"), "ѝ"),
    (Lang::of("mkd"), "ѓѕјљњќџѐѝ"),
    (Lang::of("hbs"), "ђјљњћџ"),
    (Lang::of("kaz"), "әғқңөұүһі"),
    (Lang::of("kir"), "ңөү"),
    (Lang::of("tat"), "әөүҗңһ"),
    (Lang::of("bak"), "әөүғҡңҙҫһ"),
    (Lang::of("tgk"), "ғӣқӯҳҷ"),
    (Lang::of("uzb"), "ўқғҳ"),
    (Lang::of("mon"), "өү"),
    (Lang::of("che"), "ӏ"),
    (Lang::of("chv"), "ӑӗҫӳ"),
    (Lang::of("sah"), "ҕҥөһү"),
    (Lang::of("oss"), "ӕ"),
    (Lang::of("lez"), "ӏ"),
    (Lang::of("ava"), "ӏ"),
    (Lang::of("krc"), "ў"),
    (Lang::of("myv"), ""),
    (Lang::of("mhr"), "ӓӧӱҥ"),
    (Lang::of("mrj"), "ӓӧӱӹ"),
    (Lang::of("bxr"), "өүһ"),
    (Lang::of("kom"), "іӧ"),
    (Lang::of("rue"), "іїєґ"),
    (Lang::of("xal"), "әһҗңөү"),
    (Lang::of("tyv"), "ңөү"),
];

/// The letters of a Cyrillic text beyond Russian's alphabet, lowercased, and its
/// words: read once, then weighed against each candidate's alphabet.
pub(in crate::language) struct CyrillicLetters {
    beyond_russian: Vec<char>,
    words: usize,
}

impl CyrillicLetters {
    pub(in crate::language) fn of(text: &str) -> Self {
        let mut letters = CyrillicLetters {
            beyond_russian: Vec::new(),
            words: 0,
        };
        for word in text.split_whitespace() {
            letters.words += 1;
            // Beyond а-я and ё (U+0430-U+044F, U+0451).
            letters.beyond_russian.extend(
                word.chars()
                    .flat_map(char::to_lowercase)
                    .filter(|&c| matches!(c, '\u{0450}'..='\u{04FF}') && c != 'ё'),
            );
        }
        letters
    }

    /// Whether the text has letters `language` does not write, one per ten words
    /// at least ([`FOREIGN_ONE_IN`]; the one ї of Київ in a Russian sentence of
    /// twenty words is not enough). Always false for a language without an entry
    /// in [`CYRILLIC_LETTERS`].
    pub(in crate::language) fn are_foreign_to(&self, language: Lang) -> bool {
        let Some(&(_, own)) = CYRILLIC_LETTERS.iter().find(|(l, _)| *l == language) else {
            return false;
        };
        let foreign = self
            .beyond_russian
            .iter()
            .filter(|&&c| !own.contains(c))
            .count();
        foreign >= 1 && foreign * FOREIGN_ONE_IN >= self.words.max(FOREIGN_ONE_IN)
    }
}
