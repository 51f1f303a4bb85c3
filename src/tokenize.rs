//! Tokenization: UAX #29 words, grouped into UAX #29 sentences.
//!
//! Words are exactly the segments of `unicode-segmentation`'s `unicode_words()`
//! (word-boundary segments that contain a letter or a digit), so with the
//! normalization switched off the token list equals `unicode_words()` of the text.
//! Sentences come from UAX #29 sentence boundaries over the same text; a word is
//! placed in the sentence where it starts, so no word is ever cut in two.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// A word token: a slice of the text it came from and its byte range there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token's text.
    pub text: &'a str,
    /// Byte offset of the token's first byte in the text.
    pub start: usize,
}

impl Token<'_> {
    /// The token's byte range in the text it came from.
    pub fn range(&self) -> Range<usize> {
        self.start..self.start + self.text.len()
    }
}

/// A tokenized text: its words in order, and the sentences they fall in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tokenized<'a> {
    /// Every word token, in text order.
    pub tokens: Vec<Token<'a>>,
    /// For each sentence that holds at least one token, the range of its tokens
    /// in [`Tokenized::tokens`]. Sentences without tokens are left out.
    pub sentences: Vec<Range<usize>>,
    /// For each entry of [`Tokenized::sentences`], the sentence's byte range in the text.
    pub sentence_spans: Vec<Range<usize>>,
}

/// Splits `text` into UAX #29 words and sentences.
pub fn tokenize(text: &str) -> Tokenized<'_> {
    let mut out = Tokenized::default();
    let mut sentence_bounds = text.split_sentence_bound_indices().peekable();
    let mut current: Option<(Range<usize>, usize)> = None; // (byte span, first token)
    for (start, word) in text.unicode_word_indices() {
        // Advance to the sentence that contains this word's first byte.
        let needs_new = match &current {
            Some((span, _)) => start >= span.end,
            None => true,
        };
        if needs_new {
            if let Some((span, first)) = current.take() {
                out.sentences.push(first..out.tokens.len());
                out.sentence_spans.push(span);
            }
            let mut span = 0..0;
            for (s_start, sentence) in sentence_bounds.by_ref() {
                span = s_start..s_start + sentence.len();
                if start < span.end {
                    break;
                }
            }
            current = Some((span, out.tokens.len()));
        }
        out.tokens.push(Token { text: word, start });
    }
    if let Some((span, first)) = current {
        out.sentences.push(first..out.tokens.len());
        out.sentence_spans.push(span);
    }
    out
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

    #[test]
    fn token_ranges_point_into_the_text() {
        let text = "Hello, دنیا! 42";
        for token in tokenize(text).tokens {
            assert_eq!(&text[token.range()], token.text);
        }
    }

    #[test]
    fn newlines_end_sentences() {
        assert_eq!(
            sentences("عنوان الخبر\nنص الخبر"),
            vec![vec!["عنوان", "الخبر"], vec!["نص", "الخبر"]]
        );
    }
}
