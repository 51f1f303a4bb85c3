//! Words: UAX #29 word boundaries, with a fast path for the characters that
//! make up nearly all Arabic, Persian and Latin text (checked against
//! unicode-segmentation by the tests), and `unicode-segmentation` for the rest.

use std::ops::Range;
use std::sync::LazyLock;

use crate::first_pages::FirstPages;

use unicode_segmentation::UnicodeSegmentation;

use super::unspaced::{push_segments, Unspaced};
use super::{Token, TokenKind};

pub(super) fn word_kind(word: &str) -> TokenKind {
    if word.chars().any(char::is_alphabetic) {
        TokenKind::Word
    } else {
        TokenKind::Number
    }
}

/// Pushes the words of one UAX #29 word segment that starts at byte `start`.
///
/// A word never holds white space. UAX #29 (rule WB4) attaches a combining mark or
/// a format character to the character before it, white space included, so a space
/// followed by a mark is one segment (`" \u{0611}"`, the honorific sign written
/// apart from the name). The white space is not part of the word: the segment is cut
/// at white space and each piece that holds a letter or a digit is a token of its
/// own (`محمد ؑ` gives `محمد` and `ؑ`). UAX #29 also joins two words across
/// U+202F NARROW NO-BREAK SPACE (ExtendNumLet); a word is cut there too (the default
/// profile's NFKC has made it a space by then).
#[inline]
pub(super) fn push_segment<'a>(segment: &'a str, start: usize, tokens: &mut Vec<Token<'a>>) {
    if !segment.contains(char::is_whitespace) {
        tokens.push(Token {
            text: segment,
            start,
            kind: word_kind(segment),
        });
        return;
    }
    let mut piece_start = None;
    for (i, c) in segment
        .char_indices()
        .chain(std::iter::once((segment.len(), ' ')))
    {
        match (c.is_whitespace(), piece_start) {
            (true, Some(from)) => {
                let piece = &segment[from..i];
                if piece.chars().any(char::is_alphanumeric) {
                    tokens.push(Token {
                        text: piece,
                        start: start + from,
                        kind: word_kind(piece),
                    });
                }
                piece_start = None;
            }
            (false, None) => piece_start = Some(i),
            _ => {}
        }
    }
}

/// How the fast path treats a character (UAX #29 word-break classes it knows exactly).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WordClass {
    /// ALetter, Numeric or ExtendNumLet: joins with its own class on both sides.
    Joining,
    /// Extend or Format: belongs to the character before it (WB4).
    Mark,
    /// MidLetter, MidNum or MidNumLet: joins two word characters only in some pairs.
    Mid,
    /// White space: always a break on both sides.
    Space,
    /// Other punctuation and symbols: always a break on both sides.
    Break,
    /// Anything else: left to unicode-segmentation.
    Unknown,
}

/// [`class_of`], looked up for the characters below U+0800: the tokenizer asks for
/// the class of every character, and the match on ranges was 2.4% of a report's
/// CPU (`docs/PERFORMANCE.md`).
static CLASSES: LazyLock<FirstPages<(WordClass, bool, bool)>> =
    LazyLock::new(|| FirstPages::new(class_of));

/// The class of `c`, with whether it is alphabetic and whether it is alphanumeric.
/// Every entry is checked against unicode-segmentation by the tests below.
#[inline]
pub(super) fn word_class(c: char) -> (WordClass, bool, bool) {
    CLASSES.get(c)
}

/// [`word_class`], worked out.
fn class_of(c: char) -> (WordClass, bool, bool) {
    use WordClass::*;
    match c {
        'a'..='z' | 'A'..='Z' => (Joining, true, true),
        '0'..='9' => (Joining, false, true),
        '_' => (Joining, false, false),
        ' ' | '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' => (Space, false, false),
        '.' | ',' | ':' | ';' | '\'' => (Mid, false, false),
        '!' | '"' | '#' | '$' | '%' | '&' | '(' | ')' | '*' | '+' | '-' | '/' | '<' | '=' | '>'
        | '?' | '@' | '[' | '\\' | ']' | '^' | '`' | '{' | '|' | '}' | '~' => (Break, false, false),
        '\u{0620}'..='\u{063F}'
        | '\u{0641}'..='\u{064A}'
        | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}'
        | '\u{06D5}'
        | '\u{06EE}'..='\u{06EF}'
        | '\u{06FA}'..='\u{06FC}'
        | '\u{06FF}' => (Joining, true, true),
        '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}' => (Joining, false, true),
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{200C}' => (Mark, c.is_alphabetic(), c.is_alphanumeric()),
        '\u{060C}' | '\u{2018}' | '\u{2019}' => (Mid, false, false),
        '\u{061B}' | '\u{061F}' | '\u{066A}' | '\u{06D4}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2013}' | '\u{2014}' | '\u{201C}' | '\u{201D}' | '\u{2026}' | '\u{00A0}' => {
            (Break, false, false)
        }
        _ => (Unknown, false, false),
    }
}

/// The character at byte `i` of `text` (a char boundary), and its length in bytes.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let bytes = text.as_bytes();
    let b0 = bytes[i];
    if b0 < 0x80 {
        return (b0 as char, 1);
    }
    if b0 & 0xE0 == 0xC0 {
        // Two-byte sequences hold all of Arabic, Latin-1 and most of what is read here.
        let c = (u32::from(b0 & 0x1F) << 6) | u32::from(bytes[i + 1] & 0x3F);
        if let Some(c) = char::from_u32(c) {
            return (c, 2);
        }
    }
    let c = text[i..]
        .chars()
        .next()
        .unwrap_or(char::REPLACEMENT_CHARACTER);
    (c, c.len_utf8())
}

/// Whether UAX #29 always breaks before a character of class `class` that follows
/// one of class `previous`, whatever came earlier: after white space, before a
/// character that no rule joins to white space.
#[inline]
fn is_region_start(previous: WordClass, class: WordClass) -> bool {
    previous == WordClass::Space
        && matches!(
            class,
            WordClass::Joining | WordClass::Mid | WordClass::Break
        )
}

/// Pushes the words of `text[range]`, exactly as `unicode_word_indices` finds them
/// with white space cut away (see [`push_segment`]); with [`Unspaced::Words`], the
/// runs of scripts written without spaces are split into words by a dictionary.
///
/// The range is read as regions that start where [`is_region_start`] holds. A region
/// made only of characters [`word_class`] knows, with no mark after a non-word
/// character and no mid character between two word characters, is split here: its
/// words are the runs of joining characters and their marks. Any other region is
/// handed whole to unicode-segmentation, which gives the same answer for a region
/// as for the whole text because nothing joins across a region start.
///
/// Kept as one loop of about ninety lines: it is the tokenizer's inner loop, run
/// once per character, and its state (the region, the run, the last class) lives
/// in locals that a split into functions would have to pass on every character.
pub(super) fn push_words<'a>(
    text: &'a str,
    range: Range<usize>,
    unspaced: Unspaced,
    tokens: &mut Vec<Token<'a>>,
) {
    // The current run of word characters: its start, and whether it has a letter / an alphanumeric.
    let mut run: Option<(usize, bool, bool)> = None;
    let mut mid_after_word = false;
    let mut previous = WordClass::Space;
    let mut region = (range.start, tokens.len());
    let end_run =
        |run: &mut Option<(usize, bool, bool)>, end: usize, tokens: &mut Vec<Token<'a>>| {
            if let Some((start, alphabetic, true)) = run.take() {
                tokens.push(Token {
                    text: &text[start..end],
                    start,
                    kind: if alphabetic {
                        TokenKind::Word
                    } else {
                        TokenKind::Number
                    },
                });
            }
        };
    let mut i = range.start;
    while i < range.end {
        let (c, len) = char_at(text, i);
        let (class, alphabetic, alphanumeric) = word_class(c);
        if i > range.start && is_region_start(previous, class) {
            region = (i, tokens.len());
        }
        let fast = match class {
            WordClass::Joining if !mid_after_word => {
                match &mut run {
                    Some((_, a, n)) => {
                        *a |= alphabetic;
                        *n |= alphanumeric;
                    }
                    None => run = Some((i, alphabetic, alphanumeric)),
                }
                true
            }
            WordClass::Mark if matches!(previous, WordClass::Joining | WordClass::Mark) => {
                if let Some((_, a, n)) = &mut run {
                    *a |= alphabetic;
                    *n |= alphanumeric;
                }
                run.is_some()
            }
            WordClass::Mid => {
                mid_after_word = run.is_some();
                end_run(&mut run, i, tokens);
                true
            }
            WordClass::Space | WordClass::Break => {
                end_run(&mut run, i, tokens);
                true
            }
            _ => false,
        };
        if !fast {
            // Undo this region's words and let unicode-segmentation split it whole.
            let (start, mark) = region;
            tokens.truncate(mark);
            let (mut end, mut last) = (i + len, class);
            while end < range.end {
                let (c, len) = char_at(text, end);
                let class = word_class(c).0;
                if is_region_start(last, class) {
                    break;
                }
                last = class;
                end += len;
            }
            let segments = text[start..end]
                .unicode_word_indices()
                .map(|(offset, segment)| (start + offset, segment));
            push_segments(text, segments, unspaced, tokens);
            run = None;
            mid_after_word = false;
            previous = last;
            i = end;
            continue;
        }
        if class != WordClass::Mid {
            // A mid character only matters to the character right after it.
            mid_after_word = false;
        }
        previous = class;
        i += len;
    }
    end_run(&mut run, range.end, tokens);
}
