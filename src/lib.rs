//! corpstat: multilingual corpus statistics, with Arabic-script text as the
//! first-class case.
//!
//! A corpus flows through five stages. **Input** finds the files under the given
//! paths (sorted), decodes them (BOM, UTF-16, invalid UTF-8, compression) and
//! streams documents from text, JSONL, CSV or TSV. **Normalize** cleans each text
//! (surface steps) and folds each token to the key it is counted under (fold
//! steps: alef and yeh/kaf variants, Arabic-Indic and Persian digits, case).
//! **Tokenize** splits it into UAX #29 words and sentences, keeping URLs, e-mail
//! addresses, mentions and hashtags whole. **Count** turns each document into
//! statistics keyed by local ids (terms, n-grams, co-occurring pairs, words per
//! language and script), in parallel, and merges them into corpus totals with
//! `+=`, in document order, so the result never depends on the thread count.
//! **Report** computes the tables (frequencies, TF-IDF, keyness, association
//! measures, lexical statistics) from the totals, and **output** writes them as
//! CSV, JSON, PNG charts and an HTML page into a folder swapped into place whole.
//!
//! A library user gets [`Corpus`] (add texts, documents or paths, then
//! [`Corpus::finish`]) and the [`Report`] it returns, whose accessors give every
//! table as typed rows; each stage can also be run on its own ([`Normalizer`],
//! [`tokenize()`], [`LanguageDetector`], [`Analyzer`]); [`output`] writes report
//! files and [`check`] evaluates CI rules over a report. Languages are [`Lang`]
//! values (ISO 639-3), scripts [`Script`] values, token kinds [`TokenKind`]
//! values. The crate root holds only those entry points; everything else is in
//! the module of its stage (`input`, `normalize`, `tokenize`, `language`,
//! `count`, `report` with every table's typed rows, `output`, `table`, `check`,
//! `partial`) or of its kind (`options`, `measures`, `concordance`, `timing`).
//! The default `cli` feature adds the command line itself, [`run_command_line`]
//! (the `corpstat` binary and the Python package's command both call it); without
//! it, the library builds without clap, indicatif, anyhow or ctrlc.
//!
//! # Example
//!
//! ```
//! use corpstat::{Corpus, Lang, Options};
//!
//! let mut corpus = Corpus::new(Options::default()).unwrap();
//! corpus.add_text("ar", "قال الوزير إن الهجمات تهدد الأمن. وأكد الوزير أن بلاده مستعدة للتعاون.");
//! corpus.add_text("en", "The minister said the attacks threaten the whole region.");
//! let report = corpus.finish();
//!
//! assert_eq!(report.summary().documents, 2);
//! assert_eq!(report.summary().tokens, 21);
//! // The top terms: "the" 3 times; then "إن" and "أن" ("that"), which fold into one
//! // term shown as it is most often written; then "الوزير" ("the minister").
//! let top = report.top_terms(3);
//! assert_eq!((top[0].term.as_str(), top[0].count), ("the", 3));
//! assert_eq!((top[1].term.as_str(), top[1].count), ("أن", 2));
//! assert_eq!((top[2].term.as_str(), top[2].count), ("الوزير", 2));
//! assert!(top[1].stopword && !top[2].stopword);
//! // Language shares, weighted by words: 12 Arabic words and 9 English ones.
//! let languages = &report.summary().languages;
//! assert_eq!(languages[Lang::ARABIC.code()].words, 12);
//! assert_eq!(languages["eng"].words, 9);
//! assert!((languages["ara"].share - 12.0 / 21.0).abs() < 1e-6);
//! ```

#![deny(missing_docs)]

mod alloc;
pub mod check;
#[cfg(feature = "cli")]
mod cli;
pub mod concordance;
mod corpus;
pub mod count;
pub mod dates;
mod first_pages;
pub mod input;
pub mod language;
pub mod measures;
pub mod normalize;
pub mod options;
pub mod output;
#[cfg(feature = "parquet")]
pub mod partial;
pub mod report;
mod script;
mod stopwords;
mod store;
pub mod table;
pub mod timing;
pub mod tokenize;
mod word_list;

// The facade: what most programs need. The rest is reached through its module
// (`corpstat::report::TermRow`, `corpstat::input::Problem`, ...).
pub use alloc::on_memory_freed;
#[cfg(feature = "cli")]
pub use cli::{bindings, run_command_line};
pub use concordance::Concordance;
pub use corpus::Corpus;
pub use count::{Analyzer, CorpusCounts};
pub use input::{Document, GroupBy, InputOptions};
pub use language::{Lang, LanguageDetector};
pub use normalize::Normalizer;
pub use options::Options;
pub use report::Report;
pub use script::Script;
pub use tokenize::{tokenize, TokenKind};
pub use word_list::WordList;
