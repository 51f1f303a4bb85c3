//! `documents.csv`: one row per document.

use super::{dominant_language, most_words, share, totals, RowSource};
use crate::count::DocumentRecord;
use crate::table::{float, number, text, Column};
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
        let (language, words) = dominant_language(&totals(&doc.figures.language_words, |k| k.0));
        let script = most_words(totals(&doc.figures.language_words, |k| k.1).into_iter())
            .map_or(script::COMMON, |(s, _)| s);
        DocumentRow {
            document: doc.meta.id.clone(),
            bytes: doc.figures.bytes,
            tokens: doc.figures.tokens,
            types: doc.terms.len() as u64,
            sentences: doc.figures.sentences,
            language,
            language_share: share(words, doc.figures.tokens),
            script,
        }
    }

    /// The rows of `documents.csv`, in any order.
    pub(crate) fn documents_source(&self) -> RowSource<'_> {
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

    /// `document_terms.parquet` (`report --parquet`): one row per document and
    /// term it holds, in documents.csv's order, each document's terms by first
    /// occurrence in the corpus; the long document-term table a `dfm` is made
    /// from. Empty unless the options kept the documents' terms.
    #[cfg(feature = "parquet")]
    pub(crate) fn document_terms_source(&self) -> RowSource<'_> {
        let mut ends = Vec::with_capacity(self.document_terms.len());
        let mut end = 0;
        for terms in &self.document_terms {
            end += terms.len();
            ends.push(end);
        }
        RowSource::new(end, move |i| {
            let document = ends.partition_point(|&e| e <= i);
            let start = if document == 0 { 0 } else { ends[document - 1] };
            let (term, count) = self.document_terms[document][i - start];
            vec![
                self.documents[document].document.clone(),
                self.names[term as usize].to_string(),
                count.to_string(),
            ]
        })
    }
}

/// Columns of `document_terms.parquet`.
#[cfg(feature = "parquet")]
pub const DOCUMENT_TERM_COLUMNS: &[Column] = &[
    text("document", "the document's id, as in documents.csv"),
    text("term", "the term, as terms.csv shows it"),
    number("count", "occurrences of the term in the document"),
];
