//! Tokenization: UAX #29 words grouped into UAX #29 sentences, with URLs, e-mail
//! addresses, @mentions and #hashtags kept whole.
//!
//! With [`TokenRules::Plain`], words are exactly the segments of
//! `unicode-segmentation`'s `unicode_words()` (word-boundary segments that contain
//! a letter or a digit). With [`TokenRules::Smart`] (the default), the spans below
//! are found first and kept as single tokens, and the text between them is split
//! as in plain mode:
//!
//! | kind      | what it matches | example |
//! |-----------|-----------------|---------|
//! | `url`     | `http://`, `https://` or `www.` up to white space, quotes or Arabic punctuation, without trailing `.,;:!?)` | `https://p.dw.com/p/2cWml` |
//! | `email`   | `local@domain.tld`, ASCII | `news@example.org` |
//! | `mention` | `@` and word characters, after a non-word character | `@bbcpersian` |
//! | `hashtag` | `#` and word characters holding a letter, any script | `#امنیت_سایبری` |
//! | `number`  | a UAX #29 word without letters | `2024`, `۱۳۹۶`, `3.5` |
//! | `word`    | every other UAX #29 word | `می‌شود` |
//!
//! Sentences come from UAX #29 sentence boundaries over the same text; a token
//! belongs to the sentence where it starts, so no token is ever cut in two.

use std::ops::Range;

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// A word: holds at least one letter.
    Word,
    /// A number: digits without letters.
    Number,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
    /// An @mention.
    Mention,
    /// A #hashtag.
    Hashtag,
}

impl TokenKind {
    /// The kind's name, as in terms.csv.
    pub fn name(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Mention => "mention",
            TokenKind::Hashtag => "hashtag",
        }
    }
}

/// Which tokenization rules apply. Default: [`TokenRules::Smart`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenRules {
    /// UAX #29 words only.
    Plain,
    /// URLs, e-mail addresses, mentions and hashtags kept whole.
    #[default]
    Smart,
}

/// A token: a slice of the text it came from, its byte offset there, and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token's text.
    pub text: &'a str,
    /// Byte offset of the token's first byte in the text.
    pub start: usize,
    /// What it is.
    pub kind: TokenKind,
}

impl Token<'_> {
    /// The token's byte range in the text it came from.
    pub fn range(&self) -> Range<usize> {
        self.start..self.start + self.text.len()
    }
}

/// A tokenized text: its tokens in order, and the sentences they fall in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tokenized<'a> {
    /// Every token, in text order.
    pub tokens: Vec<Token<'a>>,
    /// For each sentence that holds at least one token, the range of its tokens
    /// in [`Tokenized::tokens`]. Sentences without tokens are left out.
    pub sentences: Vec<Range<usize>>,
    /// For each entry of [`Tokenized::sentences`], the sentence's byte range in the text.
    pub sentence_spans: Vec<Range<usize>>,
}

/// Splits `text` into plain UAX #29 words and sentences.
pub fn tokenize(text: &str) -> Tokenized<'_> {
    tokenize_with(text, TokenRules::Plain)
}

/// The plain UAX #29 words of `text`, without sentences: the same tokens as
/// `unicode_word_indices()`, found by a fast path for ASCII and Arabic-script text
/// (see `push_words`) with unicode-segmentation for the rest.
pub fn words(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    push_words(text, 0..text.len(), &mut tokens);
    tokens
}

fn word_kind(word: &str) -> TokenKind {
    if word.chars().any(char::is_alphabetic) {
        TokenKind::Word
    } else {
        TokenKind::Number
    }
}

/// How the fast path treats a character (UAX #29 word-break classes it knows exactly).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordClass {
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

/// The class of `c`, with whether it is alphabetic and whether it is alphanumeric.
/// Every entry is checked against unicode-segmentation by the tests below.
#[inline]
fn word_class(c: char) -> (WordClass, bool, bool) {
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

/// Pushes the words of `text[range]`, exactly as `unicode_word_indices` finds them.
///
/// The range is read as regions that start where [`is_region_start`] holds. A region
/// made only of characters [`word_class`] knows, with no mark after a non-word
/// character and no mid character between two word characters, is split here: its
/// words are the runs of joining characters and their marks. Any other region is
/// handed whole to unicode-segmentation, which gives the same answer for a region
/// as for the whole text because nothing joins across a region start.
fn push_words<'a>(text: &'a str, range: Range<usize>, tokens: &mut Vec<Token<'a>>) {
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
            for (offset, word) in text[start..end].unicode_word_indices() {
                tokens.push(Token {
                    text: word,
                    start: start + offset,
                    kind: word_kind(word),
                });
            }
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

/// Splits `text` into tokens and sentences under `rules`.
pub fn tokenize_with(text: &str, rules: TokenRules) -> Tokenized<'_> {
    let mut tokens = Vec::new();
    match rules {
        TokenRules::Plain => push_words(text, 0..text.len(), &mut tokens),
        TokenRules::Smart => {
            let mut done = 0;
            for (span, kind) in special_spans(text) {
                push_words(text, done..span.start, &mut tokens);
                tokens.push(Token {
                    text: &text[span.clone()],
                    start: span.start,
                    kind,
                });
                done = span.end;
            }
            push_words(text, done..text.len(), &mut tokens);
        }
    }
    group_sentences(text, tokens)
}

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
enum SentenceClass {
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

/// The class of `c`, or `None` for a character the fast path leaves to
/// unicode-segmentation: everything outside ASCII, the Arabic block and a few
/// punctuation marks.
fn sentence_class(c: char) -> Option<SentenceClass> {
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
    // Each character that counts, with its offset; Extend and Format belong to the
    // character before them (SB5), or count as themselves at the start.
    let mut counted: Vec<(usize, SentenceClass)> = Vec::with_capacity(paragraph.len() / 2);
    for (at, c) in paragraph.char_indices() {
        match sentence_class(c)? {
            ExtendOrFormat if !counted.is_empty() => {}
            ExtendOrFormat => counted.push((at, Other)),
            class => counted.push((at, class)),
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
        cuts.push(base + counted[next].0);
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

fn group_sentences<'a>(text: &'a str, tokens: Vec<Token<'a>>) -> Tokenized<'a> {
    let mut out = Tokenized::default();
    let mut sentence_bounds = sentence_bounds(text);
    let mut current: Option<(Range<usize>, usize)> = None; // (byte span, first token)
    for (i, token) in tokens.iter().enumerate() {
        let start = token.start;
        let needs_new = match &current {
            Some((span, _)) => start >= span.end,
            None => true,
        };
        if needs_new {
            if let Some((span, first)) = current.take() {
                out.sentences.push(first..i);
                out.sentence_spans.push(span);
            }
            let mut span = 0..0;
            for (s_start, sentence) in sentence_bounds.by_ref() {
                span = s_start..s_start + sentence.len();
                if start < span.end {
                    break;
                }
            }
            current = Some((span, i));
        }
    }
    if let Some((span, first)) = current {
        out.sentences.push(first..tokens.len());
        out.sentence_spans.push(span);
    }
    out.tokens = tokens;
    out
}

const ZWNJ: char = '\u{200C}';

/// A character that may continue a mention or a hashtag.
fn is_tag_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == ZWNJ || ('\u{064B}'..='\u{065F}').contains(&c)
}

/// A character that ends a URL.
fn ends_url(c: char) -> bool {
    c.is_whitespace() || matches!(c, '"' | '<' | '>' | '«' | '»' | '“' | '”' | '،' | '؛' | '؟')
}

fn is_email_local(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

/// The spans of URLs, e-mail addresses, mentions and hashtags, in order, disjoint.
fn special_spans(text: &str) -> Vec<(Range<usize>, TokenKind)> {
    let mut spans: Vec<(Range<usize>, TokenKind)> = Vec::new();
    let mut previous: Option<char> = None;
    let mut resume = 0;
    for (i, c) in text.char_indices() {
        if i < resume {
            previous = Some(c);
            continue;
        }
        // Checked only at the few characters that can start a span: the Unicode
        // property lookup is the costly part of this scan.
        let at_boundary = || previous.is_none_or(|p| !p.is_alphanumeric() && p != '_');
        let found = match c {
            'h' | 'H' | 'w' | 'W' if at_boundary() => url_at(text, i),
            '@' => email_at(text, i, spans.last().map_or(0, |s| s.0.end)).or_else(|| {
                if at_boundary() {
                    tag_at(text, i, TokenKind::Mention)
                } else {
                    None
                }
            }),
            '#' if at_boundary() && previous != Some('&') => tag_at(text, i, TokenKind::Hashtag),
            _ => None,
        };
        if let Some((span, kind)) = found {
            // An e-mail address starts before its '@': drop a span it swallows.
            while spans.last().is_some_and(|s| s.0.end > span.start) {
                spans.pop();
            }
            resume = span.end;
            spans.push((span, kind));
        }
        previous = Some(c);
    }
    spans
}

fn url_at(text: &str, start: usize) -> Option<(Range<usize>, TokenKind)> {
    let rest = &text[start..];
    // Compared as bytes: only the first 8 are looked at, whatever follows them.
    let prefix_len = ["https://", "http://", "www."]
        .iter()
        .find(|p| {
            rest.as_bytes()
                .get(..p.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(p.as_bytes()))
        })?
        .len();
    let mut end = start
        + rest
            .char_indices()
            .find(|&(_, c)| ends_url(c))
            .map_or(rest.len(), |(i, _)| i);
    // Trailing punctuation belongs to the sentence, not the address. Trimming never
    // removes a '(', so whether the address holds one is decided once.
    let has_open_paren = text[start..end].contains('(');
    while let Some(last) = text[..end].chars().last() {
        let unbalanced_paren = last == ')' && !has_open_paren;
        if matches!(last, '.' | ',' | ';' | ':' | '!' | '?' | '\'' | ']' | '}') || unbalanced_paren
        {
            end -= last.len_utf8();
        } else {
            break;
        }
    }
    (end > start + prefix_len).then_some((start..end, TokenKind::Url))
}

fn email_at(text: &str, at: usize, not_before: usize) -> Option<(Range<usize>, TokenKind)> {
    let local_start = text[..at]
        .char_indices()
        .rev()
        .take_while(|&(i, c)| i >= not_before && is_email_local(c))
        .last()
        .map(|(i, _)| i)?;
    if text[..local_start]
        .chars()
        .last()
        .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    let after = &text[at + 1..];
    let domain_len = after
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'))
        .map_or(after.len(), |(i, _)| i);
    let domain = after[..domain_len].trim_end_matches(['.', '-']);
    let (name, tld) = domain.rsplit_once('.')?;
    let tld_ok = tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic());
    (tld_ok && !name.is_empty()).then_some((local_start..at + 1 + domain.len(), TokenKind::Email))
}

fn tag_at(text: &str, start: usize, kind: TokenKind) -> Option<(Range<usize>, TokenKind)> {
    let body = &text[start + 1..];
    let len = body
        .char_indices()
        .find(|&(_, c)| !is_tag_char(c))
        .map_or(body.len(), |(i, _)| i);
    let tag = body[..len].trim_end_matches(ZWNJ);
    let has_letter = tag.chars().any(char::is_alphabetic);
    let ok = match kind {
        TokenKind::Hashtag => has_letter,
        _ => !tag.is_empty(),
    };
    ok.then_some((start..start + 1 + tag.len(), kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).tokens.iter().map(|t| t.text).collect()
    }

    fn sentences(text: &str) -> Vec<Vec<&str>> {
        let t = tokenize(text);
        t.sentences
            .iter()
            .map(|r| t.tokens[r.clone()].iter().map(|t| t.text).collect())
            .collect()
    }

    #[test]
    fn arabic_words_and_sentences() {
        let text = "قال وزير خارجية الصين، وانغ يي. وناقش الوزيران الهجمات؟ نعم!";
        assert_eq!(
            sentences(text),
            vec![
                vec!["قال", "وزير", "خارجية", "الصين", "وانغ", "يي"],
                vec!["وناقش", "الوزيران", "الهجمات"],
                vec!["نعم"],
            ]
        );
    }

    #[test]
    fn zwnj_keeps_a_persian_word_whole() {
        assert_eq!(words("ایمیل‌ها می‌شود"), ["ایمیل‌ها", "می‌شود"]);
    }

    #[test]
    fn equals_unicode_words_even_across_sentence_breaks() {
        // "etc.Then" is one UAX #29 word, but a sentence boundary falls inside it.
        for text in [
            "Wait etc.Then go. Next one",
            "",
            "   ...   ",
            "12 مارس 2024، في البرلمان",
            "a\r\nb\rc\n\nd",
        ] {
            let expected: Vec<&str> = text.unicode_words().collect();
            assert_eq!(words(text), expected, "{text:?}");
            let t = tokenize(text);
            let covered: usize = t.sentences.iter().map(|r| r.len()).sum();
            assert_eq!(covered, t.tokens.len());
        }
    }

    /// Every character the fast path knows, in every context of representatives of
    /// each class, splits exactly as unicode-segmentation splits it.
    #[test]
    fn fast_path_classes_agree_with_unicode_segmentation() {
        let alphabet: Vec<char> = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| word_class(c).0 != WordClass::Unknown)
            .collect();
        assert!(alphabet.len() > 250, "{}", alphabet.len());
        let reps = [
            'a', 'Z', '1', 'ب', '۳', '٣', '.', ',', ':', '\'', '،', '\u{2019}', ' ', '\n', '(',
            '\u{064E}', '\u{200C}', '_', '\u{00A0}',
        ];
        let check = |s: &str| {
            let got: Vec<(usize, &str, TokenKind)> = tokenize(s)
                .tokens
                .iter()
                .map(|t| (t.start, t.text, t.kind))
                .collect();
            let expected: Vec<(usize, &str, TokenKind)> = s
                .unicode_word_indices()
                .map(|(i, w)| (i, w, word_kind(w)))
                .collect();
            assert_eq!(got, expected, "{s:?}");
        };
        let mut s = String::new();
        for &c in &alphabet {
            for &d in &alphabet {
                s.clear();
                s.extend([c, d]);
                check(&s);
            }
            for &x in &reps {
                for &y in &reps {
                    for &z in &reps {
                        for chars in [[x, y, c, z], [x, c, y, z], [c, x, y, z], [x, y, z, c]] {
                            s.clear();
                            s.extend(chars);
                            check(&s);
                        }
                    }
                }
            }
        }
    }

    /// Sentences: the paragraph fast path against unicode-segmentation, for every
    /// character the fast path accepts, and the terminals, in short contexts.
    #[test]
    fn sentence_bounds_equal_unicode_segmentation() {
        let mut alphabet: Vec<char> = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| word_class(c).0 != WordClass::Unknown)
            .collect();
        alphabet.extend(['\u{2029}', '\u{0085}', '\u{3002}', ')']);
        // Every character the rules-based cut knows.
        alphabet.extend(
            (0..=0x10FFFFu32)
                .filter_map(char::from_u32)
                .filter(|&c| sentence_class(c).is_some()),
        );
        alphabet.sort_unstable();
        alphabet.dedup();
        let reps = [
            'a', 'B', '1', 'ب', ' ', '.', '!', '?', '؟', '\n', '\r', '"', ')', ',', '\u{064B}', '#',
        ];
        let check = |s: &str| {
            let got: Vec<(usize, &str)> = sentence_bounds(s).collect();
            let expected: Vec<(usize, &str)> = s.split_sentence_bound_indices().collect();
            assert_eq!(got, expected, "{s:?}");
        };
        let mut s = String::new();
        for &c in &alphabet {
            for &x in &reps {
                for &y in &reps {
                    for &z in &reps {
                        for chars in [[x, y, c, z], [c, x, y, z], [x, c, y, z]] {
                            s.clear();
                            s.extend(chars);
                            check(&s);
                        }
                    }
                }
            }
        }
        for text in [
            "",
            "\n\n",
            "a\r\nb\rc\n",
            "Mr. Smith went. He said! Ok? Yes.\nNext",
            "سلام دنیا\nچطوری؟ خوبم.",
        ] {
            check(text);
        }
    }

    #[test]
    fn token_ranges_point_into_the_text() {
        let text = "Hello, دنیا! 42";
        for token in tokenize(text).tokens {
            assert_eq!(&text[token.range()], token.text);
        }
    }

    fn smart(text: &str) -> Vec<(&str, &'static str)> {
        tokenize_with(text, TokenRules::Smart)
            .tokens
            .iter()
            .map(|t| (t.text, t.kind.name()))
            .collect()
    }

    #[test]
    fn urls_stay_whole() {
        assert_eq!(
            smart("رابط https://p.dw.com/p/2cWml، و www.example.org/a/b."),
            [
                ("رابط", "word"),
                ("https://p.dw.com/p/2cWml", "url"),
                ("و", "word"),
                ("www.example.org/a/b", "url"),
            ]
        );
        assert_eq!(
            smart("(see http://a.io/x)"),
            [("see", "word"), ("http://a.io/x", "url")]
        );
        // A bare "www." or a word that merely starts with "http" is not a URL.
        assert_eq!(smart("httpd www."), [("httpd", "word"), ("www", "word")]);
    }

    #[test]
    fn emails_mentions_and_hashtags() {
        assert_eq!(
            smart("بنویسید به news.desk@example.org یا @bbc_persian #امنیت_سایبری #می‌شود #2024"),
            [
                ("بنویسید", "word"),
                ("به", "word"),
                ("news.desk@example.org", "email"),
                ("یا", "word"),
                ("@bbc_persian", "mention"),
                ("#امنیت_سایبری", "hashtag"),
                ("#می‌شود", "hashtag"),
                ("2024", "number"),
            ]
        );
        // No address without a top-level domain; no mention inside a word.
        assert_eq!(
            smart("a@b x@y.z"),
            [("a", "word"), ("b", "word"), ("x", "word"), ("y.z", "word")]
        );
        assert_eq!(smart("C#"), [("C", "word")]);
    }

    #[test]
    fn numbers_are_told_from_words() {
        assert_eq!(
            smart("۱۳۹۶ 1396 3.5 APT31"),
            [
                ("۱۳۹۶", "number"),
                ("1396", "number"),
                ("3.5", "number"),
                ("APT31", "word")
            ]
        );
    }

    #[test]
    fn newlines_end_sentences() {
        assert_eq!(
            sentences("عنوان الخبر\nنص الخبر"),
            vec![vec!["عنوان", "الخبر"], vec!["نص", "الخبر"]]
        );
    }
}
