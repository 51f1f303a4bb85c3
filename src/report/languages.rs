//! `languages.csv`: words per language, per document and for the corpus.

use super::{by_count_then_text, most_words, share, totals, RowSource};
use crate::count::LanguageWords;
use crate::table::{float, number, text, Column};
use crate::{script, Lang, Report, Script};

/// One row of `languages.csv`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct LanguageRow {
    /// The document, or `*` for the corpus.
    pub document: String,
    /// The language (ISO 639-3, `und` when not told).
    pub language: Lang,
    /// The script of its words.
    pub script: Script,
    /// Words in sentences of that language and script.
    pub words: u64,
    /// Their share of the document's (or corpus') words.
    pub share: f64,
}

/// Columns of `languages.csv`.
pub const LANGUAGE_COLUMNS: &[Column] = &[
    text("document", "document id, or * for the whole corpus"),
    text(
        "language",
        "ISO 639-3 code of the sentences' language, or und",
    ),
    text("script", "script with the most of these words"),
    number("words", "tokens in sentences of this language"),
    number(
        "share",
        "words divided by the document's (or corpus') tokens",
    ),
];

/// Rows of `languages.csv` for one set of words: one per language, most words first.
pub(super) fn language_rows(
    document: &str,
    words: &LanguageWords,
    tokens: u64,
) -> Vec<LanguageRow> {
    let by_language = totals(words, |k| k.0);
    let mut rows: Vec<LanguageRow> = by_language
        .iter()
        .map(|(&language, &count)| {
            let script = most_words(
                words
                    .iter()
                    .filter(|((l, _), _)| *l == language)
                    .map(|((_, s), w)| (*s, *w)),
            )
            .map_or(script::COMMON, |(s, _)| s);
            LanguageRow {
                document: document.to_string(),
                language,
                script,
                words: count,
                share: share(count, tokens),
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        by_count_then_text((a.words, a.language.code()), (b.words, b.language.code()))
    });
    rows
}

impl Report {
    /// The rows of `languages.csv`, in any order.
    pub(crate) fn languages_source(&self) -> RowSource<'_> {
        RowSource::new(self.languages.len(), |i| {
            let l = &self.languages[i];
            vec![
                l.document.clone(),
                l.language.to_string(),
                l.script.to_string(),
                l.words.to_string(),
                float(l.share),
            ]
        })
    }
}
