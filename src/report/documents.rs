//! `documents.csv`: one row per document.

use super::{dominant_language, most_words, share, totals, RowSource};
use crate::count::DocumentRecord;
use crate::output::table::{float, number, text, Column};
use crate::{script, Lang, Report, Script};

/// One row of `documents.csv`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct DocumentRow {
    /// The document id.
    pub document: String,
    /// Its size in UTF-8 bytes, before normalization.
    pub bytes: u64,
    /// Word tokens.
    pub tokens: u64,
    /// Distinct terms.
    pub types: u64,
    /// Sentences holding a token.
    pub sentences: u64,
    /// Its dominant language (ISO 639-3).
    pub language: Lang,
    /// That language's share of its words.
    pub language_share: f64,
    /// Its dominant script.
    pub script: Script,
}

/// Columns of `documents.csv`.
pub const DOCUMENT_COLUMNS: &[Column] = &[
    text(
        "document",
        "document id: path relative to the input root, or the JSONL/CSV id, or file:line",
    ),
    number(
        "bytes",
        "size of the document's text in UTF-8 bytes, before normalization",
    ),
    number("tokens", "word tokens"),
    number("types", "distinct terms"),
    number("sentences", "sentences with at least one token"),
    text(
        "language",
        "dominant language (ISO 639-3): most words, und only when nothing else is found",
    ),
    number(
        "language_share",
        "share of the document's words in the dominant language",
    ),
    text("script", "script with the most words"),
];

impl Report {
    pub(super) fn document_row(doc: &DocumentRecord) -> DocumentRow {
        let (language, words) = dominant_language(&totals(&doc.language_words, |k| k.0));
        let script = most_words(totals(&doc.language_words, |k| k.1).into_iter())
            .map_or(script::COMMON, |(s, _)| s);
        DocumentRow {
            document: doc.meta.id.clone(),
            bytes: doc.bytes,
            tokens: doc.tokens,
            types: doc.terms.len() as u64,
            sentences: doc.sentences,
            language,
            language_share: share(words, doc.tokens),
            script,
        }
    }

    /// The rows of `documents.csv`, in any order.
    pub fn documents_source(&self) -> RowSource<'_> {
        RowSource::new(self.documents.len(), |i| {
            let d = &self.documents[i];
            vec![
                d.document.clone(),
                d.bytes.to_string(),
                d.tokens.to_string(),
                d.types.to_string(),
                d.sentences.to_string(),
                d.language.to_string(),
                float(d.language_share),
                d.script.to_string(),
            ]
        })
    }
}
