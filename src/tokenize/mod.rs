//! Tokenization: UAX #29 words grouped into UAX #29 sentences, with URLs, e-mail
//! addresses, @mentions and #hashtags kept whole.
//!
//! With [`TokenRules::Plain`], words are exactly the segments of
//! `unicode-segmentation`'s `unicode_words()` (word-boundary segments that contain
//! a letter or a digit), except that a word never holds white space: UAX #29
//! attaches a combining mark that follows white space to the space (`" \u{0611}"`),
//! and joins words across U+202F NARROW NO-BREAK SPACE; such a segment is cut at
//! its white space, so the mark is a word of its own (`محمد ؑ` is `محمد` and `ؑ`).
//! With [`TokenRules::Smart`] (the default), the spans below
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

mod sentences;
mod special;
mod unspaced;

use special::special_spans;
use unspaced::Unspaced;
use words::push_words;

#[cfg(test)]
mod tests;
mod words;

pub use sentences::sentence_bounds;

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
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
    /// Every kind.
    pub const ALL: [TokenKind; 6] = [
        TokenKind::Word,
        TokenKind::Number,
        TokenKind::Url,
        TokenKind::Email,
        TokenKind::Mention,
        TokenKind::Hashtag,
    ];

    /// The kind of a name (as [`TokenKind::name`] gives it).
    pub fn from_name(name: &str) -> Option<TokenKind> {
        TokenKind::ALL.into_iter().find(|k| k.name() == name)
    }

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
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenRules {
    /// UAX #29 words only: Chinese, Japanese, Thai, Lao, Khmer and Burmese text one
    /// character (or syllable) at a time.
    Plain,
    /// URLs, e-mail addresses, mentions and hashtags kept whole, and the scripts
    /// written without spaces split into words by a dictionary (see `unspaced.rs`).
    #[default]
    Smart,
    /// As `smart`, but the scripts written without spaces split as UAX #29 splits
    /// them: one Han character, one kana or one Thai letter cluster at a time (for
    /// character statistics of Chinese).
    Characters,
}

impl TokenRules {
    /// The rules named as `--tokens` and `summary.json` name them (`smart`,
    /// `plain`, `characters`): serde's names, the one list of them.
    pub fn from_name(name: &str) -> Option<TokenRules> {
        serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
    }
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

impl<'a> Tokenized<'a> {
    /// This text without the tokens for which `dropped(index)` holds (`--ignore`),
    /// and the runs of kept tokens between the places where dropped ones stood, as
    /// ranges of the new token list: n-grams and co-occurrence windows stay inside
    /// a run, so that taking a word out joins no two words that were never
    /// neighbours. A sentence left without tokens is left out, as ever.
    pub(crate) fn without(
        &self,
        dropped: impl Fn(usize) -> bool,
    ) -> (Tokenized<'a>, Vec<Range<usize>>) {
        let mut kept = Tokenized::default();
        let mut runs = Vec::new();
        for (range, span) in self.sentences.iter().zip(&self.sentence_spans) {
            let sentence_start = kept.tokens.len();
            let mut run_start = sentence_start;
            for i in range.clone() {
                if dropped(i) {
                    if kept.tokens.len() > run_start {
                        runs.push(run_start..kept.tokens.len());
                    }
                    run_start = kept.tokens.len();
                } else {
                    kept.tokens.push(self.tokens[i]);
                }
            }
            if kept.tokens.len() > run_start {
                runs.push(run_start..kept.tokens.len());
            }
            if kept.tokens.len() > sentence_start {
                kept.sentences.push(sentence_start..kept.tokens.len());
                kept.sentence_spans.push(span.clone());
            }
        }
        (kept, runs)
    }
}

/// `text` with its URLs, e-mail addresses and mentions blanked out (hashtags stay:
/// their words are words of the text), for language detection, which must not
/// read `p.dw.com` as words.
pub(crate) fn without_addresses(text: &str) -> std::borrow::Cow<'_, str> {
    let spans: Vec<Range<usize>> = special_spans(text)
        .into_iter()
        .filter(|(_, kind)| *kind != TokenKind::Hashtag)
        .map(|(span, _)| span)
        .collect();
    if spans.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut kept = String::with_capacity(text.len());
    let mut at = 0;
    for span in spans {
        kept.push_str(&text[at..span.start]);
        kept.push(' ');
        at = span.end;
    }
    kept.push_str(&text[at..]);
    std::borrow::Cow::Owned(kept)
}

/// Splits `text` into plain UAX #29 words and sentences.
pub fn tokenize(text: &str) -> Tokenized<'_> {
    tokenize_with(text, TokenRules::Plain)
}

/// The plain UAX #29 words of `text`, without sentences: the same tokens as
/// `unicode_word_indices()` with white space cut away (see the module's notes), found by a fast path for ASCII and Arabic-script text
/// (see `push_words`) with unicode-segmentation for the rest.
pub fn words(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    push_words(text, 0..text.len(), Unspaced::Characters, &mut tokens);
    tokens
}

/// Splits `text` into tokens and sentences under `rules`.
pub fn tokenize_with(text: &str, rules: TokenRules) -> Tokenized<'_> {
    let mut tokens = Vec::new();
    match rules {
        TokenRules::Plain => push_words(text, 0..text.len(), Unspaced::Characters, &mut tokens),
        TokenRules::Smart | TokenRules::Characters => {
            let unspaced = if rules == TokenRules::Smart {
                Unspaced::Words
            } else {
                Unspaced::Characters
            };
            let mut done = 0;
            for (span, kind) in special_spans(text) {
                push_words(text, done..span.start, unspaced, &mut tokens);
                tokens.push(Token {
                    text: &text[span.clone()],
                    start: span.start,
                    kind,
                });
                done = span.end;
            }
            push_words(text, done..text.len(), unspaced, &mut tokens);
        }
    }
    group_sentences(text, tokens)
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
