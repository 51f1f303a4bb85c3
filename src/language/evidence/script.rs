//! Scripts as evidence: those one language owns, those no named language writes,
//! and letters of a script that no named language writes.

use crate::language::Lang;
use crate::script::Script;

/// Scripts that one language owns, with that language. (Bengali, Georgian and Hebrew
/// are left to the model, which also knows Assamese, Mingrelian and Yiddish.)
pub(in crate::language) const SCRIPT_LANGUAGES: &[(Script, Lang)] = &[
    (Script::Armenian, Lang::of("hye")),
    (Script::Ethiopic, Lang::of("amh")),
    (Script::Greek, Lang::of("ell")),
    (Script::Gujarati, Lang::of("guj")),
    (Script::Gurmukhi, Lang::of("pan")),
    (Script::Hangul, Lang::of("kor")),
    (Script::Hiragana, Lang::of("jpn")),
    (Script::Kannada, Lang::of("kan")),
    (Script::Katakana, Lang::of("jpn")),
    (Script::Khmer, Lang::of("khm")),
    (Script::Malayalam, Lang::of("mal")),
    (Script::Myanmar, Lang::of("mya")),
    (Script::Oriya, Lang::of("ori")),
    (Script::Sinhala, Lang::of("sin")),
    (Script::Tamil, Lang::of("tam")),
    (Script::Telugu, Lang::of("tel")),
    (Script::Thai, Lang::of("tha")),
];

/// Letters of a script that no language the detector can name in that script
/// writes, as ranges: the letters Jawi (Malay in the Arabic script) adds, ڠ ڬ ڽ ۏ ݢ,
/// those Mon, Shan, Karen and other languages add to the Myanmar script, and the
/// Cyrillic ҝ and ҹ of Azerbaijani (which the model knows in the Latin script
/// only), and the Latin letters of West African alphabets (ɛ ɔ ŋ ɓ ɗ ƙ ƴ ɲ ɖ ƒ ʋ ɣ:
/// Ewe, Twi, Fon, Bambara, Hausa, ...). The model and the script rule would name
/// such text as Arabic, Burmese, Tatar, or the Latin-script language nearest in
/// spelling.
pub(super) const FOREIGN_LETTERS: &[(Script, char, char)] = &[
    (Script::Arabic, '\u{06A0}', '\u{06A0}'),
    (Script::Arabic, '\u{06AC}', '\u{06AC}'),
    (Script::Arabic, '\u{06BD}', '\u{06BD}'),
    (Script::Arabic, '\u{06CF}', '\u{06CF}'),
    (Script::Arabic, '\u{0762}', '\u{0762}'),
    (Script::Myanmar, '\u{105A}', '\u{109F}'),
    (Script::Cyrillic, '\u{049C}', '\u{049D}'),
    (Script::Cyrillic, '\u{04B8}', '\u{04B9}'),
    (Script::Latin, '\u{014A}', '\u{014A}'),
    (Script::Latin, '\u{014B}', '\u{014B}'),
    (Script::Latin, '\u{0181}', '\u{0181}'),
    (Script::Latin, '\u{0186}', '\u{0186}'),
    (Script::Latin, '\u{0189}', '\u{0189}'),
    (Script::Latin, '\u{018A}', '\u{018A}'),
    (Script::Latin, '\u{0190}', '\u{0190}'),
    (Script::Latin, '\u{0191}', '\u{0191}'),
    (Script::Latin, '\u{0192}', '\u{0192}'),
    (Script::Latin, '\u{0194}', '\u{0194}'),
    (Script::Latin, '\u{0198}', '\u{0198}'),
    (Script::Latin, '\u{0199}', '\u{0199}'),
    (Script::Latin, '\u{019D}', '\u{019D}'),
    (Script::Latin, '\u{01B2}', '\u{01B2}'),
    (Script::Latin, '\u{01B3}', '\u{01B3}'),
    (Script::Latin, '\u{01B4}', '\u{01B4}'),
    (Script::Latin, '\u{0253}', '\u{0253}'),
    (Script::Latin, '\u{0254}', '\u{0254}'),
    (Script::Latin, '\u{0256}', '\u{0256}'),
    (Script::Latin, '\u{0257}', '\u{0257}'),
    (Script::Latin, '\u{025B}', '\u{025B}'),
    (Script::Latin, '\u{0263}', '\u{0263}'),
    (Script::Latin, '\u{0272}', '\u{0272}'),
    (Script::Latin, '\u{028B}', '\u{028B}'),
];

/// Scripts in which no language the detector names is written (Syriac, Tifinagh,
/// Cherokee, N'Ko, Canadian syllabics, ...: [`Script::Other`] for those corpstat does
/// not name): the model, never trained on them, answers at random.
pub(in crate::language) const UNKNOWN_SCRIPTS: &[Script] = &[Script::Other, Script::Syriac];

/// One word in this many with a letter of [`FOREIGN_LETTERS`] (and two such letters
/// at least) makes a segment foreign: Jawi writes يڠ (yang) in nearly every sentence.
pub(super) const FOREIGN_ONE_IN: usize = 10;

/// Whether a segment of `script` is in a language the detector cannot name: its
/// script is unknown to the model, or enough of its words carry letters no named
/// language writes. For the Arabic script, the letters were counted with its
/// words (`ArabicEvidence::foreign_letters`): `counted` (foreign letters, words) is
/// required there.
pub(in crate::language) fn is_foreign(
    script: Script,
    text: &str,
    counted: Option<(usize, usize)>,
) -> bool {
    if UNKNOWN_SCRIPTS.contains(&script) {
        return true;
    }
    let (foreign, words) = counted.unwrap_or_else(|| foreign_words(script, text));
    foreign >= 2 && foreign * FOREIGN_ONE_IN >= words
}

/// Words of `text` with a letter of [`FOREIGN_LETTERS`] for `script`, and all words.
fn foreign_words(script: Script, text: &str) -> (usize, usize) {
    // The script's letters lie between its lowest and highest entry: most letters
    // of a text (a-z, а-я) fall outside and are rejected at once.
    let Some((lowest, highest)) = FOREIGN_LETTERS.iter().filter(|(s, ..)| *s == script).fold(
        None,
        |bounds: Option<(char, char)>, &(_, from, to)| {
            Some(bounds.map_or((from, to), |(l, h)| (l.min(from), h.max(to))))
        },
    ) else {
        return (0, 0);
    };
    let is_foreign_letter = |c: char| {
        (lowest..=highest).contains(&c)
            && FOREIGN_LETTERS
                .iter()
                .any(|&(s, from, to)| s == script && (from..=to).contains(&c))
    };
    let (mut words, mut foreign) = (0, 0);
    for word in text.split(' ') {
        words += 1;
        if word.chars().any(is_foreign_letter) {
            foreign += 1;
        }
    }
    (foreign, words)
}
