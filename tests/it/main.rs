//! The integration tests: one crate, so the binary and the helpers in [`util`] are
//! built once.

mod arabic_script;
mod bad_input;
mod bad_input_names;
mod browser;
mod chart_scripts;
mod check;
mod check_errors;
mod cli;
mod cli_output;
mod cli_report;
mod code_switching;
mod committed_report;
mod concordance;
mod duplicates;
mod groups;
mod hostile;
mod hostile_limits;
mod hostile_write;
mod known_answers;
mod langid;
mod layers;
mod memory_limit;
mod orthography;
mod partials;
mod partials_engines;
mod properties;
mod python_package;
mod quality;
mod report_parquet;
mod tokenize_differential;
mod trend_dates;
mod trends;
mod unspaced;
mod util;
mod word_lists;
