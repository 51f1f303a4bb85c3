//! Sentences: UAX #29 sentence boundaries within paragraphs, with a fast path for
//! common punctuation (Arabic `؟` and `۔` included) checked against
//! unicode-segmentation, which it falls back on when a paragraph has anything else.

use std::ops::Range;
use std::sync::LazyLock;

use crate::first_pages::FirstPages;

use unicode_segmentation::UnicodeSegmentation;

use super::words::{word_class, WordClass};

/// Whether a character can be inside a paragraph without ending a UAX #29 sentence
/// there: it is not a sentence terminal (ATerm, STerm) nor a separator (Sep). Only
/// characters [`word_class`] knows are accepted, less the terminals among them.
#[inline]
fn never_ends_a_sentence(c: char) -> bool {
    !matches!(
        c,
        '.' | '!' | '?' | '\u{061F}' | '\u{06D4}' | '\u{2026}' | '\u{0B}' | '\u{0C}'
    ) && word_class(c).0 != WordClass::Unknown
}

/// The paragraphs of `text`: byte ranges that end after LF, CR LF, a lone CR, or at
/// the end. UAX #29 always ends a sentence after a paragraph separator (SB4), and
/// no rule looks back past one.
fn paragraphs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let mut end = start;
        while end < bytes.len() {
            match bytes[end] {
                b'\n' => {
                    end += 1;
                    break;
                }
                b'\r' => {
                    end += if bytes.get(end + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                    break;
                }
                _ => end += 1,
            }
        }
        let paragraph = start..end;
        start = end;
        Some(paragraph)
    })
}

/// Either one whole paragraph or unicode-segmentation's sentences of it.
enum Sentences<'a> {
    Whole(Option<(usize, &'a str)>),
    /// A paragraph at an offset, cut at the offsets listed (from the last, so that
    /// they are popped in order).
    Cut(usize, &'a str, Vec<usize>),
    Split(usize, unicode_segmentation::USentenceBoundIndices<'a>),
}

impl<'a> Iterator for Sentences<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Sentences::Whole(sentence) => sentence.take(),
            Sentences::Cut(base, rest, cuts) => {
                if rest.is_empty() {
                    return None;
                }
                let (sentence, after) = match cuts.pop() {
                    Some(cut) => rest.split_at(cut - *base),
                    None => (*rest, ""),
                };
                let start = *base;
                *base += sentence.len();
                *rest = after;
                Some((start, sentence))
            }
            Sentences::Split(base, inner) => inner.next().map(|(i, s)| (*base + i, s)),
        }
    }
}

/// The UAX #29 Sentence_Break classes of the characters the sentence fast path
/// knows, as unicode-segmentation 1.13 (Unicode 16) has them; Extend and Format
/// are one class, since SB5 folds both into the character before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SentenceClass {
    Sp,
    Lower,
    Upper,
    OLetter,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
    ParaSep,
    ExtendOrFormat,
    Other,
}

/// [`class_of`], looked up for the characters below U+0800 (as [`word_class`] is):
/// the fast path asks for the class of every character of a paragraph with a
/// sentence terminal.
static CLASSES: LazyLock<FirstPages<Option<SentenceClass>>> =
    LazyLock::new(|| FirstPages::new(class_of));

/// The class of `c`, or `None` for a character the fast path leaves to
/// unicode-segmentation: everything outside ASCII, the Arabic block and a few
/// punctuation marks.
#[inline]
pub(super) fn sentence_class(c: char) -> Option<SentenceClass> {
    CLASSES.get(c)
}

/// [`sentence_class`], worked out.
fn class_of(c: char) -> Option<SentenceClass> {
    use SentenceClass::*;
    Some(match c {
        '\t' | '\u{0B}' | '\u{0C}' | ' ' | '\u{A0}' => Sp,
        '\n' | '\r' => ParaSep,
        '!' | '?' => STerm,
        '.' => ATerm,
        '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | '\u{AB}' | '\u{BB}' => Close,
        ',' | '-' | ':' | ';' => SContinue,
        '0'..='9' => Numeric,
        'A'..='Z' => Upper,
        'a'..='z' => Lower,
        '\u{00}'..='\u{7F}' => Other,
        '\u{0600}'..='\u{0605}'
        | '\u{0660}'..='\u{0669}'
        | '\u{066B}'
        | '\u{066C}'
        | '\u{06DD}'
        | '\u{06F0}'..='\u{06F9}' => Numeric,
        '\u{060C}' | '\u{060D}' => SContinue,
        '\u{061D}'..='\u{061F}' | '\u{06D4}' => STerm,
        '\u{0610}'..='\u{061A}'
        | '\u{061C}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'
        | '\u{06E8}'
        | '\u{06EA}'..='\u{06ED}' => ExtendOrFormat,
        '\u{0620}'..='\u{064A}'
        | '\u{066E}'
        | '\u{066F}'
        | '\u{0671}'..='\u{06D3}'
        | '\u{06D5}'
        | '\u{06E5}'
        | '\u{06E6}'
        | '\u{06EE}'
        | '\u{06EF}'
        | '\u{06FA}'..='\u{06FC}'
        | '\u{06FF}' => OLetter,
        '\u{0600}'..='\u{06FF}' => Other,
        '\u{200C}'..='\u{200F}' => ExtendOrFormat,
        '\u{2013}' | '\u{2014}' => SContinue,
        '\u{2018}'..='\u{201F}' => Close,
        _ => return None,
    })
}

/// Where UAX #29 starts a new sentence inside `paragraph` (byte offsets from
/// `base`, last first), by rules SB5 to SB11; `None` when the paragraph holds a
/// character [`sentence_class`] does not know.
fn sentence_cuts(paragraph: &str, base: usize) -> Option<Vec<usize>> {
    use SentenceClass::*;
    // Each character that counts, with its offset in the paragraph (a paragraph of
    // 4 GiB or more is left to unicode-segmentation); Extend and Format belong to
    // the character before them (SB5), or count as themselves at the start.
    if u32::try_from(paragraph.len()).is_err() {
        return None;
    }
    let mut counted: Vec<(u32, SentenceClass)> = Vec::with_capacity(paragraph.len() / 2);
    for (at, c) in paragraph.char_indices() {
        match sentence_class(c)? {
            ExtendOrFormat if !counted.is_empty() => {}
            ExtendOrFormat => counted.push((at as u32, Other)),
            class => counted.push((at as u32, class)),
        }
    }
    let class = |i: usize| counted.get(i).map(|c| c.1);
    let mut cuts = Vec::new();
    let mut i = 0;
    while i < counted.len() {
        let terminal = counted[i].1;
        if !matches!(terminal, ATerm | STerm) {
            i += 1;
            continue;
        }
        if terminal == ATerm {
            // SB6: ATerm × Numeric. SB7: (Upper | Lower) ATerm × Upper.
            let before = i.checked_sub(1).and_then(class);
            if class(i + 1) == Some(Numeric)
                || (class(i + 1) == Some(Upper) && matches!(before, Some(Upper | Lower)))
            {
                i += 1;
                continue;
            }
        }
        // SB9, SB10: the sentence goes on through Close* Sp*.
        let mut next = i + 1;
        while class(next) == Some(Close) {
            next += 1;
        }
        while class(next) == Some(Sp) {
            next += 1;
        }
        match class(next) {
            // SB11: the break comes after the paragraph separator, at the end.
            None | Some(ParaSep) => break,
            // SB8a: SATerm Close* Sp* × (SContinue | SATerm).
            Some(SContinue | ATerm | STerm) => {
                i += 1;
                continue;
            }
            _ => {}
        }
        if terminal == ATerm {
            // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower.
            let mut ahead = next;
            while matches!(class(ahead), Some(Sp | Numeric | Close | SContinue | Other)) {
                ahead += 1;
            }
            if class(ahead) == Some(Lower) {
                i += 1;
                continue;
            }
        }
        cuts.push(base + counted[next].0 as usize);
        i = next;
    }
    cuts.reverse();
    Some(cuts)
}

/// The UAX #29 sentences of `text` as (byte offset, sentence), exactly as
/// `split_sentence_bound_indices` gives them: a paragraph without a sentence
/// terminal is one sentence, a paragraph of ASCII and Arabic-block characters is
/// cut by the rules themselves (`sentence_cuts`), and only the others are handed
/// to unicode-segmentation.
pub fn sentence_bounds(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    paragraphs(text).flat_map(move |range| {
        let paragraph = &text[range.clone()];
        if paragraph.chars().all(never_ends_a_sentence) {
            Sentences::Whole(Some((range.start, paragraph)))
        } else if let Some(cuts) = sentence_cuts(paragraph, range.start) {
            Sentences::Cut(range.start, paragraph, cuts)
        } else {
            Sentences::Split(range.start, paragraph.split_sentence_bound_indices())
        }
    })
}
