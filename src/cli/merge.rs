//! `corpstat merge PARTIAL... -o DIR`: partials reduced on this machine and
//! finished into the full report.

use super::ExitCode;
use std::path::PathBuf;

use crate::partial::{missing_shards, read_partials, Manifest};
use crate::timing::{Stage, StageTimes};
use crate::Report;
use anyhow::Result;
use clap::Args;

use super::corpus_run::{thread_pool, Analyzed, Timing};
use super::default_inputs::joined_names;
use super::report::write_report;
use super::value_parsers::parse_memory_limit;

/// Reduce partials and write the full report
///
/// Partials come from `corpstat partial`, or an engine's reduce of them. The report is
/// byte for byte what `corpstat report` writes for the shards' documents in shard order.
///
/// The partials may be given in any order; their manifests order the shards.
/// Refused (exit 2), naming the file: a partial listed twice, two partials
/// holding the same shard, a run with a shard missing (any of 0 to N-1 for
/// partials counted with --shards N, else a gap below the highest shard given;
/// --allow-partial merges what is given), a missing manifest, partials counted with different
/// options or by another corpstat, a table that cannot be read. The options that
/// decide what the report lists are the partials' unless given here. Exits 2 when
/// a shard's input was skipped or only partly read, unless --allow-partial.
#[derive(Args)]
pub struct MergeArgs {
    /// Partial folders.
    #[arg(required = true, value_name = "PARTIAL")]
    partials: Vec<PathBuf>,

    /// Folder to write the report into (created if needed).
    #[arg(short, long, default_value = "reports")]
    output: PathBuf,

    /// The corpus' name in chart titles and index.html (default: the partials'
    /// folders, sorted and joined by commas).
    #[arg(long, visible_alias = "title", value_name = "NAME")]
    name: Option<String>,

    /// Leave out n-grams of order 2 and up seen fewer times (default: the partials').
    #[arg(long)]
    ngram_min_count: Option<u64>,

    /// Leave out pairs seen fewer times (default: the partials').
    #[arg(long)]
    min_count: Option<u64>,

    /// Keyness lists terms seen at least this often in target and reference
    /// together (default: the partials').
    #[arg(long)]
    keyness_min_count: Option<u64>,

    /// The period the trends count by, when the partials were counted with
    /// --time-field (default: the partials').
    #[arg(long, value_enum)]
    period: Option<crate::dates::Period>,

    /// trend_terms.csv tests words seen at least this often in dated documents
    /// (default: the partials').
    #[arg(long)]
    trend_min_count: Option<u64>,

    /// Keep the n-gram and co-occurrence tables within half of SIZE while merging,
    /// as `report --memory-limit` does while counting: the rarest entries are
    /// dropped, and summary.json's "approximate" states the merge's bound plus
    /// the shards' own.
    #[arg(long, value_name = "SIZE", value_parser = parse_memory_limit)]
    memory_limit: Option<u64>,

    #[command(flatten)]
    files: super::report::FileArgs,

    /// Worker threads, 1 to 1024 (default: one per core).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=1024))]
    threads: Option<u16>,

    /// Exit 0 even when a shard's input was skipped or only partly read, and merge
    /// the shards given even when some of the run's are missing (said on stderr).
    #[arg(long)]
    allow_partial: bool,

    /// No summary line (problems and errors are still printed).
    #[arg(short, long)]
    quiet: bool,

    /// When done, print to stderr the time each stage took, the wall time, the part
    /// of it spent on one thread and the peak memory.
    #[arg(long)]
    timings: bool,
}

/// The paths each shard was given, in shard order, for the concordance lines:
/// the merge reads them again where they can be read. `None` when a manifest
/// names none (a partial of standard input, or of an older corpstat).
fn shard_roots(partials: &[PathBuf]) -> Option<Vec<Vec<PathBuf>>> {
    let mut shards: Vec<(u64, Vec<PathBuf>)> = Vec::new();
    for dir in partials {
        for shard in Manifest::read(dir).ok()?.shards {
            if shard.roots.is_empty() {
                return None;
            }
            shards.push((shard.order, shard.roots.iter().map(PathBuf::from).collect()));
        }
    }
    shards.sort();
    Some(shards.into_iter().map(|(_, roots)| roots).collect())
}

/// Refuses a run with a shard missing, naming it, unless --allow-partial (then
/// said on stderr). A partial whose manifest cannot be read is left to
/// `read_partials`, which names the problem.
fn refuse_missing_shards(args: &MergeArgs) -> Result<()> {
    let Ok(manifests) = args
        .partials
        .iter()
        .map(|dir| Manifest::read(dir))
        .collect::<Result<Vec<_>, _>>()
    else {
        return Ok(());
    };
    let missing = missing_shards(&manifests).map_err(|why| anyhow::anyhow!("merge: {why}"))?;
    if missing.is_empty() {
        return Ok(());
    }
    let listed = missing
        .iter()
        .take(20)
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let more = if missing.len() > 20 { ", ..." } else { "" };
    let what = format!(
        "{} shard(s) of the run missing: {listed}{more}",
        missing.len()
    );
    if args.allow_partial {
        eprintln!("corpstat: merge: {what}; merging the shards given (--allow-partial)");
        Ok(())
    } else {
        anyhow::bail!(
            "merge: {what}; give every shard's partial, or --allow-partial to merge these"
        )
    }
}

/// What `corpstat merge` declares beyond its arguments: the narrow corpus options it
/// takes and the text after its help.
pub(super) const SPEC: super::Spec = super::Spec {
    takes: &[],
    after_help: None,
};

pub fn run(args: MergeArgs) -> Result<ExitCode> {
    super::report::refuse_a_file_as_folder(&args.output)?;
    refuse_missing_shards(&args)?;
    let timing = args.timings.then(Timing::start);
    let pool = thread_pool(args.threads)?;
    let times = std::sync::Arc::new(StageTimes::default());
    let report = pool.install(|| -> Result<Report> {
        let mut counts = times.time(Stage::Merge, || {
            read_partials(&args.partials, args.memory_limit)
        })?;
        let mut options = counts.options().clone();
        if args.memory_limit.is_some() {
            options.memory_limit = args.memory_limit;
        }
        if let Some(n) = args.ngram_min_count {
            options.ngram_min_count = n;
        }
        if let Some(n) = args.min_count {
            options.cooccurrence.min_count = n;
        }
        if let Some(n) = args.keyness_min_count {
            options.keyness_min_count = n;
        }
        if args.period.is_some() {
            options.period = args.period;
        }
        if let Some(n) = args.trend_min_count {
            options.trend_min_count = n;
        }
        options.document_terms = args.files.parquet;
        counts.relist(options)?;
        let mut report = times.time(Stage::Tables, || Report::new(counts));
        if let Some(runs) = shard_roots(&args.partials) {
            times.time(Stage::Concordance, || report.read_concordance_lines(&runs));
        }
        Ok(report)
    })?;
    super::report::say_if_many_groups(&report);
    let analyzed = Analyzed::new(report, times, args.allow_partial, timing);
    let corpus = args
        .name
        .clone()
        .unwrap_or_else(|| joined_names(&args.partials));
    pool.install(|| write_report(&analyzed, &corpus, &args.output, args.quiet, args.files))?;
    Ok(analyzed.exit_code())
}
