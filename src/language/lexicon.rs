//! Word frequencies for text too short for the model: the 50,000 most frequent
//! words of each of the 42 languages of the `wordfreq` package (3.1.1, CC BY-SA 4.0;
//! `assets/langid/NOTICE.md`; 10,000 for Arabic, Persian and Urdu, whose weighing was
//! chosen on them), with their Zipf frequencies. On one or two words the
//! model alone is right for about half of them ("libertad" is `und`, "persona"
//! English); weighed with how common each word is in each language, it is right
//! for most (the figures are in `docs/LANGUAGE_ID.md`).

use std::io::Read;
use std::sync::OnceLock;

use super::Lang;

/// The lists, gzipped (`scripts/build-word-frequencies.py` rebuilds them and gives
/// the layout): the entries sorted by word and language, as offsets into the words,
/// language indexes and Zipf frequencies times ten; then the Latin-script words with
/// accents, written without them, sorted, each with its entry. Read in place once
/// inflated: nothing to parse or sort at start.
static FILE: &[u8] = include_bytes!("../../assets/langid/word-frequencies.bin.gz");

/// The Zipf frequency (log10 of occurrences per billion words) taken for a word in
/// a language without a list (a word that is in no list is left to the model).
const ZIPF_UNLISTED: f64 = 2.0;
/// How far below a list's last words a word missing from the list is taken to be.
const BELOW_CUTOFF: f64 = 0.5;
/// How much rarer (in Zipf units, times ten) a word is taken to be when it is written
/// without its accents: "informacion" is read as "información" a tenth as common,
/// as text typed on phones often drops the accents, but less often than not.
const ACCENTLESS_PENALTY_TENTHS: u8 = 10;

/// A word in a language's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Listed {
    pub(super) language: Lang,
    /// Zipf frequency times ten.
    zipf_tenths: u8,
    /// Found as written, not by its form without accents.
    as_written: bool,
}

impl Listed {
    /// The Zipf frequency: log10 of occurrences per billion words.
    pub(super) fn zipf(&self) -> f64 {
        f64::from(self.zipf_tenths) / 10.0
    }
}

/// Strings stored as offsets into their bytes, sorted.
struct Strings {
    offsets: &'static [u8],
    bytes: &'static [u8],
}

impl Strings {
    fn len(&self) -> usize {
        self.offsets.len() / 4 - 1
    }

    fn offset(&self, i: usize) -> usize {
        let at = 4 * i;
        u32::from_le_bytes([
            self.offsets[at],
            self.offsets[at + 1],
            self.offsets[at + 2],
            self.offsets[at + 3],
        ]) as usize
    }

    fn get(&self, i: usize) -> &'static [u8] {
        &self.bytes[self.offset(i)..self.offset(i + 1)]
    }

    /// The range of places holding `word`.
    fn equal_range(&self, word: &[u8]) -> std::ops::Range<usize> {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.get(mid) < word {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let mut end = lo;
        while end < self.len() && self.get(end) == word {
            end += 1;
        }
        lo..end
    }
}

/// Every listed word, loaded on first use: 1,758,369 entries in 33 MB, read in place.
pub(super) struct Lexicon {
    languages: Vec<Lang>,
    words: Strings,
    language_of: &'static [u8],
    zipf_of: &'static [u8],
    /// The Latin-script words with accents, written without them.
    accentless: Strings,
    /// For each of `accentless`, its entry, as a u32.
    accentless_entry: &'static [u8],
    /// Per language, the Zipf frequency of its last listed words.
    cutoffs: Vec<(Lang, f64)>,
}

/// Reads the layout of `scripts/build-word-frequencies.py` from `data`.
struct Reader {
    data: &'static [u8],
    at: usize,
}

impl Reader {
    fn take(&mut self, n: usize) -> Option<&'static [u8]> {
        let taken = self.data.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(taken)
    }

    fn u32(&mut self) -> Option<usize> {
        let b = self.take(4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    }

    /// A count, its offsets and its bytes (the bytes after `between`).
    fn strings(
        &mut self,
        between: impl FnOnce(&mut Self, usize) -> Option<&'static [u8]>,
    ) -> Option<(Strings, &'static [u8])> {
        let count = self.u32()?;
        let offsets = self.take(4 * (count + 1))?;
        let middle = between(self, count)?;
        let size = self.u32()?;
        let bytes = self.take(size)?;
        Some((Strings { offsets, bytes }, middle))
    }
}

impl Lexicon {
    /// The lists; `None` if the embedded file cannot be read (then short text is
    /// judged by the model alone).
    pub(super) fn get() -> Option<&'static Lexicon> {
        static LEXICON: OnceLock<Option<Lexicon>> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::load).as_ref()
    }

    fn load() -> Option<Lexicon> {
        let mut data = Vec::new();
        flate2::read::GzDecoder::new(FILE)
            .read_to_end(&mut data)
            .ok()?;
        // Lives as long as the program, as the lists it holds do.
        let data: &'static [u8] = Box::leak(data.into_boxed_slice());
        let mut reader = Reader { data, at: 0 };
        if reader.take(8)? != b"CSWORDS2" {
            return None;
        }
        let count = usize::from(reader.take(1)?[0]);
        let languages = reader
            .take(3 * count)?
            .chunks(3)
            .map(|code| Lang::parse(std::str::from_utf8(code).ok()?))
            .collect::<Option<Vec<Lang>>>()?;
        let (words, columns) = reader.strings(|r, n| r.take(2 * n))?;
        let (language_of, zipf_of) = columns.split_at(columns.len() / 2);
        let (accentless, accentless_entry) = reader.strings(|r, n| r.take(4 * n))?;
        if language_of
            .iter()
            .any(|&l| usize::from(l) >= languages.len())
        {
            return None;
        }
        let mut lowest = vec![u8::MAX; languages.len()];
        for (&language, &zipf) in language_of.iter().zip(zipf_of) {
            let low = &mut lowest[usize::from(language)];
            *low = (*low).min(zipf);
        }
        let cutoffs = languages
            .iter()
            .zip(lowest)
            .map(|(&language, low)| (language, f64::from(low) / 10.0))
            .collect();
        Some(Lexicon {
            languages,
            words,
            language_of,
            zipf_of,
            accentless,
            accentless_entry,
            cutoffs,
        })
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

    fn entry(&self, i: usize, as_written: bool) -> Listed {
        let zipf = self.zipf_of[i];
        Listed {
            language: self.languages[usize::from(self.language_of[i])],
            zipf_tenths: if as_written {
                zipf
            } else {
                zipf.saturating_sub(ACCENTLESS_PENALTY_TENTHS)
            },
            as_written,
        }
    }

    /// The languages whose lists hold `word` (as [`folded`] gives it); and for a
    /// word written without accents, in each language whose list does not hold it
    /// as written, its most common accented form there, [`ACCENTLESS_PENALTY_TENTHS`]
    /// rarer: "ano" is Spanish "ano" as written (Zipf 3.8) and Portuguese "ano"
    /// (6.0), not Spanish "año" (4.9 after the penalty, 5.9 before), so Portuguese.
    pub(super) fn find(&self, word: &str) -> Vec<Listed> {
        let mut found: Vec<Listed> = self
            .words
            .equal_range(word.as_bytes())
            .map(|i| self.entry(i, true))
            .collect();
        // The forms without accents are ASCII: a word with accents or in another
        // script is only looked up as written.
        if !word.is_ascii() {
            return found;
        }
        for j in self.accentless.equal_range(word.as_bytes()) {
            let b = &self.accentless_entry[4 * j..4 * j + 4];
            let i = u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize;
            let entry = self.entry(i, false);
            match found.iter_mut().find(|f| f.language == entry.language) {
                Some(f) if f.as_written => {}
                Some(f) => {
                    if entry.zipf_tenths > f.zipf_tenths {
                        *f = entry;
                    }
                }
                None => found.push(entry),
            }
        }
        found
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
