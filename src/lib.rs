//! corpstat: multilingual corpus statistics, with Arabic-script text as the
//! first-class case.
//!
//! The pipeline reads top to bottom, one module per stage:
//!
//! ```text
//! input      find files, decode, stream documents          (input)
//! normalize  surface and fold steps, Arabic-script folding (normalize)
//! tokenize   UAX #29 words and sentences, URLs and tags    (tokenize)
//! count      per-document statistics, merged with +=       (count, ngram, language, script)
//! tables     sorted tables, association, keyness, fits     (report, association, keyness, stats, stopwords)
//! write      CSV, JSON, README, index.html, PNG charts     (write, table, chart, report_dir)
//! ```
//!
//! [`Corpus`] drives the stages (reading, parallel analysis and the in-order merge
//! overlap); [`check`] evaluates CI rules over a summary.
//!
//! # Example
//!
//! ```
//! use corpstat::{Corpus, Options};
//!
//! let mut corpus = Corpus::new(Options::default()).unwrap();
//! corpus.add_text("ar", "قال الوزير إن الهجمات تهدد الأمن. وأكد الوزير أن بلاده مستعدة للتعاون.");
//! corpus.add_text("en", "The minister said the attacks threaten the whole region.");
//! let report = corpus.finish();
//!
//! assert_eq!(report.summary.documents, 2);
//! assert_eq!(report.summary.tokens, 21);
//! // The top terms: "the" 3 times; then "إن" and "أن" ("that"), which fold into one
//! // term shown as it is most often written; then "الوزير" ("the minister").
//! let top = report.top_terms(3);
//! assert_eq!((top[0].term.as_str(), top[0].count), ("the", 3));
//! assert_eq!((top[1].term.as_str(), top[1].count), ("أن", 2));
//! assert_eq!((top[2].term.as_str(), top[2].count), ("الوزير", 2));
//! assert!(top[1].stopword && !top[2].stopword);
//! // Language shares, weighted by words: 12 Arabic words and 9 English ones.
//! assert_eq!(report.summary.languages["ara"].words, 12);
//! assert_eq!(report.summary.languages["eng"].words, 9);
//! assert!((report.summary.languages["ara"].share - 12.0 / 21.0).abs() < 1e-6);
//! ```

#![deny(missing_docs)]

mod alloc;
pub mod association;
pub mod check;
pub mod corpus;
pub mod count;
pub mod input;
pub mod keyness;
pub mod language;
pub mod normalize;
pub mod options;
pub mod output;
pub mod report;
pub mod script;
pub mod stats;
pub mod stopwords;
pub mod store;
pub mod timing;
pub mod tokenize;

pub use corpus::Corpus;
pub use input::{Document, InputFormat, InputOptions, Problem};
pub use options::{CoocOptions, CoocScope, Options};
pub use report::Report;
