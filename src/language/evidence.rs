//! Evidence that needs no model: scripts used by one language only, the letters
//! and function words that tell Arabic, Persian and Urdu apart, and Latin-script
//! stopwords that only one language has. It is data, so a new language's evidence
//! is a new table entry.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::add_to;
use super::Lang;
use crate::script::Script;

/// Scripts that one language owns, with that language. (Bengali, Georgian and Hebrew
/// are left to the model, which also knows Assamese, Mingrelian and Yiddish.)
pub(super) const SCRIPT_LANGUAGES: &[(Script, Lang)] = &[
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
const FOREIGN_LETTERS: &[(Script, char, char)] = &[
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
pub(super) struct CyrillicLetters {
    beyond_russian: Vec<char>,
    words: usize,
}

impl CyrillicLetters {
    pub(super) fn of(text: &str) -> Self {
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
    pub(super) fn are_foreign_to(&self, language: Lang) -> bool {
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

/// Scripts in which no language the detector names is written (Syriac, Tifinagh,
/// Cherokee, N'Ko, Canadian syllabics, ...: [`Script::Other`] for those corpstat does
/// not name): the model, never trained on them, answers at random.
pub(super) const UNKNOWN_SCRIPTS: &[Script] = &[Script::Other, Script::Syriac];

/// One word in this many with a letter of [`FOREIGN_LETTERS`] (and two such letters
/// at least) makes a segment foreign: Jawi writes يڠ (yang) in nearly every sentence.
const FOREIGN_ONE_IN: usize = 10;

/// Whether a segment of `script` is in a language the detector cannot name: its
/// script is unknown to the model, or enough of its words carry letters no named
/// language writes. For the Arabic script, the letters were counted by
/// [`ArabicEvidence::of`], with its words: `evidence` is required there.
pub(super) fn is_foreign(script: Script, text: &str, evidence: Option<&ArabicEvidence>) -> bool {
    if UNKNOWN_SCRIPTS.contains(&script) {
        return true;
    }
    let (foreign, words) = match evidence {
        Some(e) => (e.foreign_letters as usize, e.words as usize),
        None => foreign_words(script, text),
    };
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

/// Letters only Persian uses among the three (Urdu shares some; its own letters
/// are checked first).
const PERSIAN_LETTERS: &[char] = &['\u{067E}', '\u{0686}', '\u{0698}', '\u{06AF}'];
/// Letters only Urdu uses.
const URDU_LETTERS: &[char] = &[
    '\u{0679}', '\u{0688}', '\u{0691}', '\u{06BA}', '\u{06D2}', '\u{06BE}', '\u{06C1}',
];
/// Teh marbuta: Arabic (Persian and Urdu write it only in Arabic loans).
const ARABIC_LETTERS: &[char] = &['\u{0629}'];

const ARABIC_FUNCTION_WORDS: &[&str] = &[
    "في",
    "على",
    "إلى",
    "الى",
    "التي",
    "الذي",
    "الذين",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "عن",
    "مع",
    "قد",
    "لم",
    "لن",
    "كان",
    "كانت",
    "أن",
    "إن",
    "أو",
    "بين",
    "حيث",
    "ما",
    "لا",
    "وقال",
    "وفي",
    "هو",
    "هي",
];
const PERSIAN_FUNCTION_WORDS: &[&str] = &[
    "از", "در", "را", "که", "این", "آن", "است", "برای", "با", "های", "هایی", "می", "شد", "شده",
    "یک", "هم", "بود", "کرد", "نیز", "اما", "یا", "تا", "بر", "خود", "ای",
];
const URDU_FUNCTION_WORDS: &[&str] = &[
    "کے", "میں", "ہے", "کی", "سے", "اور", "کا", "نے", "کو", "ہیں", "یہ", "وہ", "پر", "تھا", "گیا",
];

/// Each Arabic-script function word with its language; a word in two lists counts
/// for the first of Arabic, Persian, Urdu.
fn arabic_script_function_words() -> &'static FxHashMap<&'static str, Lang> {
    static WORDS: OnceLock<FxHashMap<&'static str, Lang>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words = FxHashMap::default();
        for (language, list) in [
            (Lang::URDU, URDU_FUNCTION_WORDS),
            (Lang::PERSIAN, PERSIAN_FUNCTION_WORDS),
            (Lang::ARABIC, ARABIC_FUNCTION_WORDS),
        ] {
            for &word in list {
                words.insert(word, language);
            }
        }
        words
    })
}

/// Latin-script languages whose stopwords are evidence of a change of language.
const LATIN_EVIDENCE_LANGUAGES: &[(Lang, &str)] = &[
    (Lang::of("deu"), "de"),
    (Lang::of("eng"), "en"),
    (Lang::of("fra"), "fr"),
    (Lang::of("ita"), "it"),
    (Lang::of("nld"), "nl"),
    (Lang::of("por"), "pt"),
    (Lang::of("spa"), "es"),
    (Lang::of("tur"), "tr"),
];

/// Lowercased stopwords (stopwords-iso) that only one of [`LATIN_EVIDENCE_LANGUAGES`] has.
fn latin_marker_words() -> &'static FxHashMap<String, Lang> {
    static WORDS: OnceLock<FxHashMap<String, Lang>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut owners: FxHashMap<String, Option<Lang>> = FxHashMap::default();
        for &(code, iso1) in LATIN_EVIDENCE_LANGUAGES {
            for word in stop_words::lookup(iso1).unwrap_or_default() {
                owners
                    .entry(word.to_lowercase())
                    .and_modify(|owner| {
                        if *owner != Some(code) {
                            *owner = None;
                        }
                    })
                    .or_insert(Some(code));
            }
        }
        owners
            .into_iter()
            .filter_map(|(word, owner)| owner.map(|code| (word, code)))
            .collect()
    })
}

/// The language the marker words of a Latin-script segment point to, when at least
/// two of them do and more than point to any other.
pub(super) fn latin_evidence(text: &str) -> Option<Lang> {
    let markers = latin_marker_words();
    let mut hits: Vec<(Lang, u32)> = Vec::new();
    let mut lower = String::new();
    for word in text.split(' ') {
        // Most words are lowercase ASCII already: looked up as they are.
        let key = if word.bytes().all(|b| b.is_ascii_lowercase()) {
            word
        } else {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            lower.as_str()
        };
        if let Some(&code) = markers.get(key) {
            add_to(&mut hits, code, 1);
        }
    }
    hits.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    match hits.as_slice() {
        [(code, n), rest @ ..] if *n >= 2 && rest.first().is_none_or(|r| r.1 < *n) => Some(*code),
        _ => None,
    }
}

/// The words [`stopword_language`] needs at least: stopwords name a page, not a
/// line ("hello" and "world" are English stopwords in stopwords-iso).
pub const STOPWORDS_MIN_WORDS: usize = 50;
/// The share of a text's words the stopwords of one language must make for
/// [`stopword_language`] to name it ...
pub const STOPWORDS_NAME_FROM: f64 = 0.3;
/// ... and how many times the share of any other language's stopwords. The English
/// list is long (1,298 words): English stopwords make 0.22-0.31 of the words of Tok
/// Pisin and Bislama, against 0.17 for the next list.
pub const STOPWORDS_MARGIN: f64 = 3.0;

/// Every stopwords-iso list (as the `stop-words` crate ships it) of a language the
/// model can name, lowercased: word → the languages (twins joined) whose list has
/// it, and those languages with their scripts.
struct StopwordLists {
    words: FxHashMap<String, Vec<Lang>>,
    languages: Vec<(Lang, &'static [Script])>,
}

fn stopword_lists() -> &'static StopwordLists {
    static LISTS: OnceLock<StopwordLists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut lists = StopwordLists {
            words: FxHashMap::default(),
            languages: Vec::new(),
        };
        // The model's labels are ISO 639-1 codes where the language has one, as
        // stopwords-iso's are.
        for name in super::LANGUAGE_NAMES {
            let Some(list) = (name.label.len() == 2)
                .then(|| stop_words::lookup(name.label))
                .flatten()
            else {
                continue;
            };
            let language = super::fasttext::reported(name.code);
            if !lists.languages.iter().any(|(l, _)| *l == language) {
                lists.languages.push((language, name.scripts));
            }
            for word in list {
                let languages = lists.words.entry(word.to_lowercase()).or_default();
                if !languages.contains(&language) {
                    languages.push(language);
                }
            }
        }
        lists
    })
}

/// The language whose stopwords make at least [`STOPWORDS_NAME_FROM`] of the words
/// of `texts` (of `script`, words separated by spaces; [`STOPWORDS_MIN_WORDS`] at
/// least), and [`STOPWORDS_MARGIN`] times the share of any other list; `None`
/// otherwise. A second opinion for a
/// document the model is unsure of: on a page of Yoruba or Swahili its answers
/// scatter (Catalan, Irish), but a third of the words are the language's
/// stopwords.
pub(super) fn stopword_language<'a>(
    script: Script,
    texts: impl Iterator<Item = &'a str>,
) -> Option<Lang> {
    let lists = stopword_lists();
    let mut hits: Vec<(Lang, usize)> = Vec::new();
    let mut words = 0;
    let mut lower = String::new();
    for word in texts.flat_map(|t| t.split(' ')).filter(|w| !w.is_empty()) {
        words += 1;
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        for &language in lists.words.get(lower.as_str()).into_iter().flatten() {
            add_to(&mut hits, language, 1);
        }
    }
    if words < STOPWORDS_MIN_WORDS {
        return None;
    }
    hits.retain(|(language, _)| {
        lists
            .languages
            .iter()
            .any(|(l, scripts)| l == language && scripts.contains(&script))
    });
    hits.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let (language, best) = *hits.first()?;
    let second = hits.get(1).map_or(0, |h| h.1);
    let share = |n: usize| n as f64 / words as f64;
    (share(best) >= STOPWORDS_NAME_FROM && share(best) >= STOPWORDS_MARGIN * share(second))
        .then_some(language)
}

/// Evidence for Arabic, Persian and Urdu in Arabic-script text.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(super) struct ArabicEvidence {
    pub(super) arabic: f64,
    pub(super) persian: f64,
    pub(super) urdu: f64,
    /// Letters Persian (and Urdu) write: ی ک.
    pub(super) persian_forms: u32,
    /// Their Arabic counterparts and the letters only Arabic writes: ي ك ى ة.
    pub(super) arabic_forms: u32,
    /// Letters only Urdu writes (ٹ ڈ ڑ ں ے ھ ہ).
    pub(super) urdu_letters: u32,
    /// Letters Persian and Urdu write and Arabic does not (پ چ ژ گ).
    pub(super) persian_letters: u32,
    /// Letters no language the detector names writes ([`FOREIGN_LETTERS`]).
    pub(super) foreign_letters: u32,
    /// Words of the text (counted in the pass that looks for function words).
    pub(super) words: u32,
}

/// What a letter of the Arabic blocks (U+0600 to U+077F) is evidence of.
#[derive(Debug, Clone, Copy, PartialEq)]
enum ArabicLetter {
    Plain,
    /// ی ک
    PersianForm,
    /// ي ك ى
    ArabicForm,
    /// ة: an Arabic form, and a letter only Arabic writes.
    TehMarbuta,
    Urdu,
    Persian,
    Foreign,
}

/// The first letter of the Arabic blocks, and how many there are.
const ARABIC_BLOCKS: (u32, usize) = (0x0600, 0x180);

/// Each letter of the Arabic blocks classified once from the lists above, so that
/// a letter costs one lookup (every letter of every Arabic-script sentence is
/// looked at).
fn arabic_letters() -> &'static [ArabicLetter; ARABIC_BLOCKS.1] {
    static LETTERS: OnceLock<[ArabicLetter; ARABIC_BLOCKS.1]> = OnceLock::new();
    LETTERS.get_or_init(|| {
        let mut letters = [ArabicLetter::Plain; ARABIC_BLOCKS.1];
        let mut set = |c: char, class: ArabicLetter| {
            if let Some(slot) = (c as usize)
                .checked_sub(ARABIC_BLOCKS.0 as usize)
                .and_then(|i| letters.get_mut(i))
            {
                *slot = class;
            }
        };
        for c in ['\u{06CC}', '\u{06A9}'] {
            set(c, ArabicLetter::PersianForm);
        }
        for c in ['\u{064A}', '\u{0643}', '\u{0649}'] {
            set(c, ArabicLetter::ArabicForm);
        }
        for &c in ARABIC_LETTERS {
            set(c, ArabicLetter::TehMarbuta);
        }
        for &c in PERSIAN_LETTERS {
            set(c, ArabicLetter::Persian);
        }
        for &c in URDU_LETTERS {
            set(c, ArabicLetter::Urdu);
        }
        for &(script, from, to) in FOREIGN_LETTERS {
            if script == Script::Arabic {
                for c in from..=to {
                    set(c, ArabicLetter::Foreign);
                }
            }
        }
        letters
    })
}

impl ArabicEvidence {
    pub(super) fn of(text: &str) -> Self {
        let mut e = ArabicEvidence::default();
        let letters = arabic_letters();
        for c in text.chars() {
            let Some(&letter) = (c as usize)
                .checked_sub(ARABIC_BLOCKS.0 as usize)
                .and_then(|i| letters.get(i))
            else {
                continue;
            };
            match letter {
                ArabicLetter::Plain => {}
                ArabicLetter::PersianForm => e.persian_forms += 1,
                ArabicLetter::ArabicForm => e.arabic_forms += 1,
                ArabicLetter::TehMarbuta => {
                    e.arabic_forms += 1;
                    e.arabic += 1.0;
                }
                ArabicLetter::Urdu => {
                    e.urdu += 2.0;
                    e.urdu_letters += 1;
                }
                ArabicLetter::Persian => {
                    e.persian += 1.0;
                    e.persian_letters += 1;
                }
                ArabicLetter::Foreign => e.foreign_letters += 1,
            }
        }
        let function_words = arabic_script_function_words();
        for word in text.split(' ') {
            e.words += 1;
            match function_words.get(word) {
                Some(&Lang::ARABIC) => e.arabic += 2.0,
                Some(&Lang::PERSIAN) => e.persian += 2.0,
                Some(_) => e.urdu += 2.0,
                None => {}
            }
        }
        e
    }

    fn ranked(&self) -> [(Lang, f64); 3] {
        let mut r = [
            (Lang::ARABIC, self.arabic),
            (Lang::PERSIAN, self.persian),
            (Lang::URDU, self.urdu),
        ];
        r.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        r
    }

    /// Persian or Arabic, when the letter forms lean one way and Urdu shows no sign.
    pub(super) fn by_letter_forms(&self) -> Option<Lang> {
        if self.urdu > 0.0 || self.persian_forms == self.arabic_forms {
            return None;
        }
        Some(if self.persian_forms > self.arabic_forms {
            Lang::PERSIAN
        } else {
            Lang::ARABIC
        })
    }

    /// Letters of the text that `language` does not write, of those Arabic,
    /// Persian and Urdu tell apart by (0 for the other languages of the script):
    /// Arabic writes neither ی ک, پ چ ژ گ nor Urdu's own letters; Persian neither
    /// ي ك ى ة nor Urdu's letters; Urdu not ي ك ى ة.
    pub(super) fn letters_foreign_to(&self, language: Lang) -> u32 {
        match language {
            Lang::ARABIC => self.persian_forms + self.persian_letters + self.urdu_letters,
            Lang::PERSIAN => self.arabic_forms + self.urdu_letters,
            Lang::URDU => self.arabic_forms,
            _ => 0,
        }
    }

    pub(super) fn strength(&self) -> f64 {
        self.ranked()[0].1
    }

    /// The language when its evidence is at least 2 and three times the runner-up's,
    /// with its share of all evidence.
    /// Urdu is never decided by function words alone: کو and کی are also words of
    /// classical Persian poetry, while Urdu prose has one of its own letters in
    /// nearly every line.
    pub(super) fn decisive(&self) -> Option<(Lang, f64)> {
        let [best, second, third] = self.ranked();
        if best.0 == Lang::URDU && self.urdu_letters == 0 {
            return None;
        }
        let total = best.1 + second.1 + third.1;
        (best.1 >= 2.0 && best.1 >= 3.0 * second.1).then(|| (best.0, best.1 / total))
    }
}
