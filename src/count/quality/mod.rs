//! What a document's quality signals are made of: whole numbers counted once per
//! document ([`QualityCounts`]), so that a partial carries them exactly and the
//! report makes the same ratios from a single run or from merged shards.
//!
//! The measures follow Gopher's quality and repetition rules (Rae et al. 2021,
//! table A1, as datatrove implements them), C4's (Raffel et al. 2020) and
//! FineWeb's line-punctuation rule; how each differs from its source is said where
//! it is counted. The ratios and the rules are in `report/quality.rs`.

mod repetition;
mod stopwords;

use memchr::memmem;
use rustc_hash::FxHashSet;

use super::most_words;
use super::terms::LocalTerms;
use crate::script::{self, Script};
use crate::tokenize::TokenKind;
use repetition::top_ngram_chars;
pub use stopwords::RULE_STOPWORDS;
pub(crate) use stopwords::{LanguageStopwords, QualityLists};
use stopwords::{IN_RULE_LIST, IN_TERMS_LIST};

/// The n-gram orders whose most repeated n-gram is measured (Gopher's 2, 3 and 4).
pub const TOP_NGRAM_ORDERS: [usize; 3] = [2, 3, 4];

/// A document's quality counts. Every field is a count, so that shards add up to
/// the single run's; the words are the document's tokens and its sentences its
/// [`DocumentFigures`](super::DocumentFigures)' own.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct QualityCounts {
    /// Characters (Unicode scalar values) of its text as read.
    pub chars: u64,
    /// Characters of its tokens, as written.
    pub word_chars: u64,
    /// Tokens without a letter (numbers).
    pub no_letter_words: u64,
    /// Tokens that are web or e-mail addresses.
    pub url_email_words: u64,
    /// `#` characters in the text.
    pub hashes: u64,
    /// Ellipses in the text: `...` (counted without overlap) and `…`.
    pub ellipses: u64,
    /// Lines with anything but white space.
    pub lines: u64,
    /// Of those, lines that end in terminal punctuation (see [`is_terminal`]).
    pub terminal_lines: u64,
    /// Lines that start with a bullet `•` (Gopher's).
    pub bullet_lines: u64,
    /// Lines that end in an ellipsis.
    pub ellipsis_lines: u64,
    /// Lines that repeat an earlier line of the document (white space at either
    /// end ignored).
    pub duplicate_lines: u64,
    /// Characters of those repeated lines.
    pub duplicate_line_chars: u64,
    /// For n = 2, 3, 4: the characters the most repeated n-gram of folded tokens
    /// covers, its count times its length (its terms' characters and a space
    /// between each). Ties go to the longer n-gram.
    pub top_ngram_chars: [u64; 3],
    /// Tokens in the stopword list of the document's language (the lists of the
    /// terms table: stopwords-iso and `--stopwords`); 0 for a language without one.
    pub stopwords: u64,
    /// Tokens in the list of the stopword rule for the document's language
    /// ([`RULE_STOPWORDS`]); `None` for a language without one.
    pub rule_stopwords: Option<u64>,
    /// Letters in its tokens.
    pub letters: u64,
    /// Letters of its main script: the script with the most letters (ties go to
    /// the script whose name sorts first).
    pub main_script_letters: u64,
    /// `{` characters in the text (C4 drops a page that holds one).
    pub curly_brackets: u64,
    /// Times `lorem ipsum` occurs, in any case (C4 drops such a page).
    pub lorem_ipsum: u64,
}

/// Whether a line ending in `c` ends in terminal punctuation: `.` `!` `?`, quotes
/// that close a sentence (`"` `'` `”` `’` `»`), the ellipsis, and the marks of
/// other scripts (Arabic `؟`, Urdu `۔`, Devanagari `।` `॥`, CJK `。` `！` `？`).
/// The Arabic comma `،` and semicolon `؛` do not end a sentence and do not count.
pub fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '"'
            | '\''
            | '”'
            | '’'
            | '»'
            | '…'
            | '؟'
            | '۔'
            | '।'
            | '॥'
            | '。'
            | '！'
            | '？'
    )
}

impl QualityCounts {
    /// The counts of a document: its text as read, its terms, and the stopwords
    /// of its language.
    pub(super) fn of(
        text: &str,
        terms: &LocalTerms,
        stopwords: &LanguageStopwords,
    ) -> QualityCounts {
        let mut counts = QualityCounts::default();
        counts.count_text(text);
        counts.count_lines(text);
        // Letters per script; a form's letters are nearly always of one script,
        // so they are counted in runs and the list holds a script or two.
        let mut letters: Vec<(Script, u64)> = Vec::new();
        let mut add = |script: Script, n: u64| match letters.iter_mut().find(|l| l.0 == script) {
            Some(entry) => entry.1 += n,
            None => letters.push((script, n)),
        };
        for &(form, _, count) in &terms.surface_forms {
            let count = u64::from(count);
            let mut chars = 0u64;
            let mut run: Option<(Script, u64)> = None;
            for c in form.chars() {
                chars += 1;
                let Some(script) = script::letter_script(c) else {
                    continue;
                };
                match &mut run {
                    Some((current, n)) if *current == script => *n += 1,
                    _ => {
                        if let Some((current, n)) = run {
                            add(current, n * count);
                        }
                        run = Some((script, 1));
                    }
                }
            }
            if let Some((current, n)) = run {
                add(current, n * count);
            }
            counts.word_chars += chars * count;
        }
        counts.letters = letters.iter().map(|l| l.1).sum();
        counts.main_script_letters = most_words(letters.into_iter()).map_or(0, |l| l.1);
        let mut rule_stopwords = 0;
        for (term, key) in terms.keys.iter().enumerate() {
            let count = u64::from(terms.counts[term]);
            match terms.kinds[term] {
                TokenKind::Number => counts.no_letter_words += count,
                TokenKind::Url | TokenKind::Email => counts.url_email_words += count,
                _ => {}
            }
            let flags = stopwords.flags(key);
            if flags & IN_TERMS_LIST != 0 {
                counts.stopwords += count;
            }
            if flags & IN_RULE_LIST != 0 {
                rule_stopwords += count;
            }
        }
        counts.rule_stopwords = stopwords.has_rule_list.then_some(rule_stopwords);
        let key_chars: Vec<u64> = terms
            .keys
            .iter()
            .map(|k| k.chars().count() as u64)
            .collect();
        counts.top_ngram_chars = top_ngram_chars(&terms.token_ids, &key_chars);
        counts
    }

    /// The counts over the whole text: characters, `#`, `{`, ellipses, lorem ipsum.
    fn count_text(&mut self, text: &str) {
        let bytes = text.as_bytes();
        // One pass, in blocks whose counts fit 32 bits, which the compiler
        // vectorizes. A UTF-8 character starts at every byte that is not a
        // continuation byte (0b10xxxxxx, below -64 as a signed byte).
        for block in bytes.chunks(1 << 20) {
            let (mut chars, mut hashes, mut curly) = (0u32, 0u32, 0u32);
            for &b in block {
                chars += u32::from((b as i8) >= -64);
                hashes += u32::from(b == b'#');
                curly += u32::from(b == b'{');
            }
            self.chars += u64::from(chars);
            self.hashes += u64::from(hashes);
            self.curly_brackets += u64::from(curly);
        }
        self.ellipses = (memmem::find_iter(bytes, b"...").count()
            + memmem::find_iter(bytes, "…".as_bytes()).count()) as u64;
        self.lorem_ipsum = [b"psum", b"PSUM"]
            .iter()
            .flat_map(|needle| memmem::find_iter(bytes, needle))
            .filter(|&at| at >= 7 && bytes[at - 7..at + 4].eq_ignore_ascii_case(b"lorem ipsum"))
            .count() as u64;
    }

    /// The counts over the lines: terminal, bullet, ellipsis and repeated lines.
    /// Gopher splits on every line break and counts empty lines too; here a line
    /// is what lies between `\n`s, white space at either end ignored, and empty
    /// lines are not lines.
    fn count_lines(&mut self, text: &str) {
        let mut seen: FxHashSet<&str> = FxHashSet::default();
        for line in text.split('\n') {
            let line = line.trim();
            let Some(last) = line.chars().next_back() else {
                continue;
            };
            self.lines += 1;
            if is_terminal(last) {
                self.terminal_lines += 1;
            }
            if line.starts_with('•') {
                self.bullet_lines += 1;
            }
            if line.ends_with("...") || last == '…' {
                self.ellipsis_lines += 1;
            }
            if !seen.insert(line) {
                self.duplicate_lines += 1;
                self.duplicate_line_chars += line.chars().count() as u64;
            }
        }
    }

    /// The counts as `name:count` pairs separated by spaces, in field order:
    /// the partials' `quality` column. `rule_stopwords` is left out when `None`.
    pub fn to_text(&self) -> String {
        FIELDS
            .iter()
            .filter_map(|field| (field.get)(self).map(|n| format!("{}:{n}", field.name)))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The counts from [`QualityCounts::to_text`]; `None` when a pair is not a
    /// known name and a count, a name comes twice, or a count is missing that
    /// every document has.
    pub fn from_text(text: &str) -> Option<QualityCounts> {
        let mut counts = QualityCounts::default();
        let mut given: FxHashSet<&str> = FxHashSet::default();
        for pair in text.split_ascii_whitespace() {
            let (name, value) = pair.split_once(':')?;
            let field = FIELDS.iter().find(|f| f.name == name)?;
            (field.set)(&mut counts, value.parse().ok()?);
            if !given.insert(name) {
                return None;
            }
        }
        FIELDS
            .iter()
            .all(|f| f.optional || given.contains(f.name))
            .then_some(counts)
    }
}

/// One count of [`QualityCounts`] as the partials' text names it.
struct Field {
    name: &'static str,
    get: fn(&QualityCounts) -> Option<u64>,
    set: fn(&mut QualityCounts, u64),
    /// Whether a document may lack it (`rule_stopwords`).
    optional: bool,
}

/// A count every document has: `count!("name", field)`.
macro_rules! count {
    ($name:literal, $($field:tt)+) => {
        Field {
            name: $name,
            get: |c| Some(c.$($field)+),
            set: |c, n| c.$($field)+ = n,
            optional: false,
        }
    };
}

/// Every count, in the order the partials' text writes them.
const FIELDS: &[Field] = &[
    count!("chars", chars),
    count!("word_chars", word_chars),
    count!("no_letter_words", no_letter_words),
    count!("url_email_words", url_email_words),
    count!("hashes", hashes),
    count!("ellipses", ellipses),
    count!("lines", lines),
    count!("terminal_lines", terminal_lines),
    count!("bullet_lines", bullet_lines),
    count!("ellipsis_lines", ellipsis_lines),
    count!("duplicate_lines", duplicate_lines),
    count!("duplicate_line_chars", duplicate_line_chars),
    count!("top_2gram_chars", top_ngram_chars[0]),
    count!("top_3gram_chars", top_ngram_chars[1]),
    count!("top_4gram_chars", top_ngram_chars[2]),
    count!("stopwords", stopwords),
    Field {
        name: "rule_stopwords",
        get: |c| c.rule_stopwords,
        set: |c, n| c.rule_stopwords = Some(n),
        optional: true,
    },
    count!("letters", letters),
    count!("main_script_letters", main_script_letters),
    count!("curly_brackets", curly_brackets),
    count!("lorem_ipsum", lorem_ipsum),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_count_as_gopher_and_c4_read_them() {
        let mut counts = QualityCounts::default();
        let text = "• one.\n• one.\n\n  two…\nthree...\nهل أنت هنا؟\nقال،\n";
        counts.count_lines(text);
        assert_eq!(counts.lines, 6);
        // "• one." twice, "two…", "three...", the Arabic question.
        assert_eq!(counts.terminal_lines, 5);
        assert_eq!(counts.bullet_lines, 2);
        assert_eq!(counts.ellipsis_lines, 2);
        assert_eq!(counts.duplicate_lines, 1);
        assert_eq!(counts.duplicate_line_chars, 6);
    }

    #[test]
    fn text_counts_find_symbols_and_lorem_ipsum() {
        let mut counts = QualityCounts::default();
        counts.count_text("#a ## ..... … {x} Lorem Ipsum, LOREM IPSUM loremipsum é");
        assert_eq!(counts.hashes, 3);
        // "....." holds one "..." without overlap, then "…".
        assert_eq!(counts.ellipses, 2);
        assert_eq!(counts.curly_brackets, 1);
        assert_eq!(counts.lorem_ipsum, 2);
        assert_eq!(counts.chars, 55);
    }

    #[test]
    fn counts_survive_their_text() {
        let counts = QualityCounts {
            chars: 10,
            rule_stopwords: Some(3),
            top_ngram_chars: [4, 5, 6],
            ..QualityCounts::default()
        };
        assert_eq!(QualityCounts::from_text(&counts.to_text()), Some(counts));
        let without = QualityCounts {
            rule_stopwords: None,
            ..counts
        };
        assert_eq!(QualityCounts::from_text(&without.to_text()), Some(without));
        assert_eq!(QualityCounts::from_text("chars:1"), None);
        assert_eq!(QualityCounts::from_text("bogus:1"), None);
    }
}
