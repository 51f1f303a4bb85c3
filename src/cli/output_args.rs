//! How a subcommand prints its table (`--format`, `--top`), and the thin
//! subcommands' shape: count the corpus, print one table.

use super::ExitCode;
use std::io::{self, IsTerminal, Write};

use crate::table::{Column, Format, Table};
use crate::Report;
use anyhow::Result;
use clap::Args;

use super::CorpusArgs;

/// "Output columns:" and one line per column, for `--help`.
pub(super) fn columns_help(columns: &[Column]) -> String {
    let mut help = String::from("Output columns:\n");
    for c in columns {
        help.push_str(&format!("  {:<22} {}\n", c.name, c.doc));
    }
    help
}
/// How a thin subcommand prints its table.
#[derive(Args)]
pub(super) struct OutputArgs {
    /// Output format (default: table on a terminal, csv otherwise).
    #[arg(long, value_enum)]
    pub(super) format: Option<Format>,

    /// Print only the first N rows.
    #[arg(long)]
    pub(super) top: Option<usize>,

    #[command(flatten)]
    pub(super) cells: super::report::CellArgs,
}

impl OutputArgs {
    pub(super) fn format(&self) -> Format {
        match self.format {
            Some(format) => format,
            None if io::stdout().is_terminal() => Format::Table,
            None => Format::Csv,
        }
    }

    pub(super) fn print(&self, table: Table) -> Result<()> {
        let mut out = io::BufWriter::new(io::stdout().lock());
        table
            .truncate(self.top)
            .write(self.format(), self.cells.cells(), &mut out)?;
        out.flush()?;
        Ok(())
    }
}

/// A thin subcommand: count the corpus, print one table.
pub(super) fn print_table(
    corpus: &CorpusArgs,
    output: &OutputArgs,
    table: impl Fn(&Report) -> Table,
) -> Result<ExitCode> {
    let analyzed = corpus.analyze()?;
    output.print(table(&analyzed.report))?;
    Ok(analyzed.exit_code())
}
