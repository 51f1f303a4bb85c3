//! The integration tests: one crate, so the binary and the helpers in [`util`] are
//! built once.

mod arabic_script;
mod bad_input;
mod browser;
mod check;
mod cli;
mod code_switching;
mod committed_report;
mod concordance;
mod groups;
mod hostile;
mod known_answers;
mod langid;
mod memory_limit;
mod orthography;
mod partials;
mod properties;
mod report_parquet;
mod tokenize_differential;
mod util;
mod word_lists;
