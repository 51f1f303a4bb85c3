//! [`DocumentFigures`]: the figures of one document that add up, with `+=`, to a
//! group's and the corpus' totals. Declared once: a document's analysis fills
//! them, the corpus, a shard appended and a partial read back all add them the
//! same way, document by document (so MTLD's floating-point sums are the same
//! whatever the shards).

use std::ops::AddAssign;

use super::{CodeSwitching, LanguageWords};
use crate::measures::lexical::MtldFactors;
use crate::normalize::Orthography;

/// The summable figures of a document, a group or a corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentFigures {
    /// Size in UTF-8 bytes.
    pub bytes: u64,
    /// Tokens.
    pub tokens: u64,
    /// Sentences with at least one token.
    pub sentences: u64,
    /// Words per (language, script): each sentence's words go to its language.
    pub language_words: LanguageWords,
    /// Language switches between sentences, and sentences that mix scripts.
    pub code_switching: CodeSwitching,
    /// What normalization changed, and how the Arabic script is written.
    pub orthography: Orthography,
    /// MTLD factor counts, forward and backward.
    pub mtld: MtldFactors,
}

impl AddAssign<&DocumentFigures> for DocumentFigures {
    fn add_assign(&mut self, other: &DocumentFigures) {
        self.bytes += other.bytes;
        self.tokens += other.tokens;
        self.sentences += other.sentences;
        for (key, words) in &other.language_words {
            *self.language_words.entry(*key).or_default() += words;
        }
        self.code_switching += &other.code_switching;
        self.orthography += &other.orthography;
        self.mtld += other.mtld;
    }
}
