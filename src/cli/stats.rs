//! `corpstat stats`: the corpus summary.

use super::ExitCode;
use std::io::{self, Write};

use crate::options::Tables;
use crate::report::MetricValue;
use crate::table::{number, text, Column, Format, Table};
use anyhow::Result;
use clap::Args;

use super::{CorpusArgs, OutputArgs};

const COLUMNS: &[Column] = &[
    text("statistic", "name, as in summary.json"),
    number("value", "value (empty when undefined)"),
];

/// Print the corpus statistics (summary.json)
///
/// Documents, tokens, types, hapax, sentences, TTR,
/// Yule's K, MATTR, MTLD, Zipf exponent, Heaps K and β, language and script shares.
/// With --format json, the same object as summary.json.
#[derive(Args)]
pub struct StatsArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    #[command(flatten)]
    output: OutputArgs,
}

pub fn after_help() -> String {
    "Output columns (csv, tsv, table):\n  statistic       name, as in summary.json (languages.CODE.share, scripts.NAME.share, ...)\n  value           its value\nWith --format json: the summary.json object.\n".to_string()
}

/// What `corpstat stats` declares beyond its arguments: the narrow corpus options it
/// takes and the text after its help.
pub(super) const SPEC: super::Spec = super::Spec {
    takes: &[
        super::Takes::Counting,
        super::Takes::CoocScope,
        super::Takes::CoocOrder,
        super::Takes::LanguageMix,
        super::Takes::Trends,
    ],
    after_help: Some(after_help),
};

pub fn run(args: StatsArgs) -> Result<ExitCode> {
    // The summary object holds the duplicates; the table of headline figures does not.
    let json = args.output.format() == Format::Json;
    let tables = if json { Tables::SUMMARY } else { Tables::NONE };
    let analyzed = args.corpus.counting(tables).analyze()?;
    let s = &analyzed.report.summary();
    if json {
        let mut out = io::stdout().lock();
        serde_json::to_writer_pretty(&mut out, s).map_err(io::Error::from)?;
        writeln!(out)?;
        return Ok(analyzed.exit_code());
    }
    let mut rows: Vec<Vec<String>> = s
        .metrics()
        .into_iter()
        .map(|m| {
            let value = match m.value {
                MetricValue::Count(n) => n.to_string(),
                MetricValue::Ratio(v) => v.map(|v| v.to_string()).unwrap_or_default(),
            };
            vec![m.path.to_string(), value]
        })
        .collect();
    for (group, shares) in [("languages", &s.languages), ("scripts", &s.scripts)] {
        for (code, share) in shares {
            rows.push(vec![
                format!("{group}.{code}.words"),
                share.words.to_string(),
            ]);
            rows.push(vec![
                format!("{group}.{code}.share"),
                share.share.to_string(),
            ]);
        }
    }
    args.output.print(Table {
        columns: COLUMNS.into(),
        rows,
    })?;
    Ok(analyzed.exit_code())
}
