//! Word frequencies for text too short for the model: the 10,000 most frequent
//! words of each of the 42 languages of the `wordfreq` package (3.1.1, CC BY-SA 4.0;
//! `assets/langid/NOTICE.md`), with their Zipf frequencies. On one or two words the
//! model alone is right for about half of them ("libertad" is `und`, "persona"
//! English); weighed with how common each word is in each language, it is right
//! for most (the figures are in `docs/LANGUAGE_ID.md`).

use std::io::Read;
use std::sync::OnceLock;

use super::Lang;

/// The lists, gzipped (`scripts/build-word-frequencies.py` rebuilds them): a line
/// `#ara` starts a language, `=62` gives the Zipf frequency times ten of the words
/// that follow, and every other line is a word.
static FILE: &[u8] = include_bytes!("../../assets/langid/word-frequencies.txt.gz");

/// The Zipf frequency (log10 of occurrences per billion words) taken for a word in
/// a language without a list (a word that is in no list is left to the model).
const ZIPF_UNLISTED: f64 = 2.0;
/// How far below a list's last words a word missing from the list is taken to be.
const BELOW_CUTOFF: f64 = 0.5;

/// A word in a language's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Listed {
    word: &'static str,
    pub(super) language: Lang,
    /// Zipf frequency times ten.
    zipf_tenths: u8,
}

impl Listed {
    /// The Zipf frequency: log10 of occurrences per billion words.
    pub(super) fn zipf(&self) -> f64 {
        f64::from(self.zipf_tenths) / 10.0
    }
}

/// Every listed word, loaded on first use: about 420,000 entries, 14 MB.
pub(super) struct Lexicon {
    /// Sorted by word, then language.
    entries: Vec<Listed>,
    /// Per listed language, the Zipf frequency of its last listed words.
    cutoffs: Vec<(Lang, f64)>,
}

impl Lexicon {
    /// The lists; `None` if the embedded file cannot be read (then short text is
    /// judged by the model alone).
    pub(super) fn get() -> Option<&'static Lexicon> {
        static LEXICON: OnceLock<Option<Lexicon>> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::load).as_ref()
    }

    fn load() -> Option<Lexicon> {
        let mut text = String::new();
        flate2::read::GzDecoder::new(FILE)
            .read_to_string(&mut text)
            .ok()?;
        // Lives as long as the program, as the lists it holds do.
        let text: &'static str = Box::leak(text.into_boxed_str());
        let mut entries = Vec::new();
        let mut cutoffs: Vec<(Lang, f64)> = Vec::new();
        let mut language = None;
        let mut zipf_tenths = 0;
        for line in text.lines() {
            if let Some(code) = line.strip_prefix('#') {
                language = Some(Lang::parse(code)?);
            } else if let Some(zipf) = line.strip_prefix('=') {
                zipf_tenths = zipf.parse().ok()?;
                let (language, zipf) = (language?, f64::from(zipf_tenths) / 10.0);
                match cutoffs.iter_mut().find(|(l, _)| *l == language) {
                    Some(cutoff) => cutoff.1 = cutoff.1.min(zipf),
                    None => cutoffs.push((language, zipf)),
                }
            } else {
                entries.push(Listed {
                    word: line,
                    language: language?,
                    zipf_tenths,
                });
            }
        }
        // A language with two lists (Indonesian and Malay) keeps a word's higher
        // frequency: sorted so that it comes first, then the rest dropped.
        entries.sort_unstable_by(|a, b| {
            (a.word, a.language)
                .cmp(&(b.word, b.language))
                .then(b.zipf_tenths.cmp(&a.zipf_tenths))
        });
        entries.dedup_by(|later, kept| (later.word, later.language) == (kept.word, kept.language));
        Some(Lexicon { entries, cutoffs })
    }

    /// The Zipf frequency taken for a word that is not in `language`'s list: a
    /// little below the list's last words, or [`ZIPF_UNLISTED`] for a language
    /// without a list.
    pub(super) fn unlisted_zipf(&self, language: Lang) -> f64 {
        self.cutoffs
            .iter()
            .find(|(l, _)| *l == language)
            .map_or(ZIPF_UNLISTED, |&(_, cutoff)| cutoff - BELOW_CUTOFF)
    }

    /// The languages whose lists hold `word` (as [`folded`] gives it).
    pub(super) fn find(&self, word: &str) -> &[Listed] {
        let start = self.entries.partition_point(|e| e.word < word);
        let len = self.entries[start..].partition_point(|e| e.word == word);
        &self.entries[start..start + len]
    }
}

/// A word as the lists write it: lowercase, without the Arabic short vowels and
/// other marks (U+064B to U+065F, U+0670) or tatweel.
pub(super) fn folded(word: &str) -> String {
    word.chars()
        .filter(|&c| !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'))
        .flat_map(char::to_lowercase)
        .collect()
}
