//! `corpstat check`: rules over the corpus statistics, for CI jobs.

use super::ExitCode;
use std::io::{self, Write};
use std::path::PathBuf;

use crate::check::{self, CheckInput, Snapshot, Status};
use crate::options::Tables;
use crate::table::{text, Column, Format, Table};
use anyhow::{Context, Result};
use clap::Args;

use super::{CorpusArgs, OutputArgs};

/// The exit code when an error-level rule failed.
const EXIT_FAILED: u8 = 1;

const COLUMNS: &[Column] = &[
    text("rule", "the rule's name"),
    text("metric", "metric path in summary.json, or drift measure"),
    text("expected", "the bounds the rule sets"),
    text(
        "actual",
        "the value found (with the baseline's value and the change)",
    ),
    text("status", "pass, fail or warn"),
];

/// Check corpus statistics against rules, for CI
///
/// Rules are TOML; a baseline report may be given to compare with.
/// Reads the corpus (PATH..., default seeds) or an existing report (--summary), checks
/// every rule, prints one row per rule, and exits 0 when every error-level rule passed,
/// 1 when one failed, 2 for a usage or input error (a missing file, a bad rules file,
/// an unknown metric path). Input problems fail the check unless --allow-partial.
/// The rules format is described in README.md; --init prints a starting rules file.
#[derive(Args)]
pub struct CheckArgs {
    #[command(flatten)]
    corpus: CorpusArgs,

    /// The rules file (TOML).
    #[arg(long, required_unless_present = "init")]
    rules: Option<PathBuf>,

    /// A baseline report's summary.json (its terms.csv beside it serves drift rules).
    #[arg(long)]
    baseline: Option<PathBuf>,

    /// Check this existing report's summary.json instead of reading a corpus.
    #[arg(long)]
    summary: Option<PathBuf>,

    /// Also write the results as JUnit XML to this file (replaced atomically; a link
    /// or a folder is refused). A character device or a pipe, such as /dev/stdout, is
    /// written to as it is. `-` prints the XML to stdout instead of the table.
    #[arg(long, value_name = "FILE")]
    junit: Option<PathBuf>,

    /// Print a rules file drawn from the corpus, with margins and comments, and exit
    /// (with --baseline, also the rules that compare with a baseline).
    #[arg(long)]
    init: bool,

    #[command(flatten)]
    output: OutputArgs,
}

pub fn after_help() -> String {
    super::columns_help(COLUMNS)
}

fn current_snapshot(args: &CheckArgs) -> Result<Snapshot> {
    if let Some(summary) = &args.summary {
        return Ok(Snapshot::read(summary)?);
    }
    // Rules read the summary and the term counts only: no n-gram or pair table.
    let analyzed = args.corpus.clone().counting(Tables::SUMMARY).analyze()?;
    let report = analyzed.report;
    Ok(Snapshot {
        origin: "the corpus".to_string(),
        summary: serde_json::to_value(report.summary())?,
        terms: Some(
            report
                .terms()
                .iter()
                .map(|t| (t.term.clone(), t.count))
                .collect(),
        ),
    })
}

/// The outcomes as a table under [`COLUMNS`], for the terminal, CSV and TSV.
fn outcome_table(outcomes: &[check::Outcome]) -> Table {
    let rows = outcomes
        .iter()
        .map(|o| {
            let status = match o.status {
                Status::Pass => "pass",
                Status::Fail => "fail",
                Status::Warn => "warn",
            };
            vec![
                o.rule.clone(),
                o.metric.clone(),
                o.expected.clone(),
                o.actual.clone(),
                status.to_string(),
            ]
        })
        .collect();
    Table {
        columns: COLUMNS.into(),
        rows,
    }
}

/// What `corpstat check` declares beyond its arguments: the narrow corpus options it
/// takes and the text after its help.
pub(super) const SPEC: super::Spec = super::Spec {
    takes: &[
        super::Takes::Counting,
        super::Takes::CoocScope,
        super::Takes::CoocOrder,
        super::Takes::Groups,
        super::Takes::LanguageMix,
        super::Takes::Trends,
    ],
    after_help: Some(after_help),
};

pub fn run(args: CheckArgs) -> Result<ExitCode> {
    if args.init {
        let current = current_snapshot(&args)?;
        let mut out = io::stdout().lock();
        out.write_all(check::init_rules(&current, args.baseline.is_some()).as_bytes())?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let Some(rules_path) = &args.rules else {
        anyhow::bail!("--rules FILE is required");
    };
    let rules_name = rules_path.display().to_string();
    let rules_text = std::fs::read_to_string(rules_path)
        .with_context(|| format!("{rules_name}: cannot read the rules file"))?;
    let rules = check::parse_rules(&rules_name, &rules_text)?;
    let baseline = match &args.baseline {
        Some(path) => Some(Snapshot::read(path)?),
        None => None,
    };
    let current = current_snapshot(&args)?;
    let outcomes = check::run_check(
        &rules,
        &CheckInput {
            rules_path: &rules_name,
            current: &current,
            baseline: baseline.as_ref(),
            allow_partial: args.corpus.allow_partial,
        },
    )?;

    let junit_to_stdout = args.junit.as_deref() == Some(std::path::Path::new("-"));
    match &args.junit {
        Some(_) if junit_to_stdout => {
            let mut out = io::stdout().lock();
            out.write_all(check::junit_xml(&outcomes)?.as_bytes())?;
            out.flush()?;
        }
        Some(junit) => write_junit(junit, check::junit_xml(&outcomes)?)?,
        None => {}
    }

    let failed = outcomes.iter().filter(|o| o.status == Status::Fail).count();
    if junit_to_stdout {
        // stdout holds the XML.
    } else if args.output.format() == Format::Json {
        let mut out = io::stdout().lock();
        serde_json::to_writer_pretty(&mut out, &outcomes).map_err(io::Error::from)?;
        writeln!(out)?;
    } else {
        args.output.print(outcome_table(&outcomes))?;
    }
    if failed > 0 {
        eprintln!(
            "corpstat: check failed: {failed} of {} rule(s)",
            outcomes.len()
        );
        Ok(ExitCode::from(EXIT_FAILED))
    } else {
        Ok(ExitCode::SUCCESS)
    }
}

/// Writes the JUnit XML to `path`: into it as it is when it is (or links to) a
/// character device or a pipe (`/dev/stdout`, `/dev/stderr`, `>(cat)`), as
/// `pytest --junitxml=/dev/stdout` does; otherwise atomically, refusing to replace
/// anything that is not a regular file (a link, a folder): an atomic rename would
/// put a regular file in its place.
fn write_junit(path: &std::path::Path, xml: String) -> Result<()> {
    use std::os::unix::fs::FileTypeExt;
    if let Ok(target) = std::fs::metadata(path) {
        let kind = target.file_type();
        if kind.is_char_device() || kind.is_fifo() || kind.is_socket() {
            let mut out = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(|e| anyhow::anyhow!("--junit {}: {e}", path.display()))?;
            out.write_all(xml.as_bytes())?;
            out.flush()?;
            return Ok(());
        }
    }
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        if !meta.is_file() {
            anyhow::bail!(
                "--junit {}: not a regular file; give a file path, or - for stdout",
                path.display()
            );
        }
    }
    let name = match path.file_name() {
        Some(name) => name.to_string_lossy().into_owned(),
        None => anyhow::bail!("--junit {}: not a file path", path.display()),
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    crate::output::write_files(dir, &[Box::new(JunitFile { name, xml })])?;
    Ok(())
}

struct JunitFile {
    name: String,
    xml: String,
}

impl crate::output::ReportFile for JunitFile {
    fn name(&self) -> &str {
        &self.name
    }
    fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(self.xml.as_bytes())
    }
}
