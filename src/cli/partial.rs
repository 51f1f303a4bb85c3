//! `corpstat partial [PATH...] -o DIR [--shard N]`: one shard's exact counts,
//! written as a partial for `corpstat merge` or an SQL engine to reduce.

use super::ExitCode;
use std::io::Write;
use std::path::PathBuf;

use crate::output::{write_report_dir, ReportFile};
use crate::partial::{input_entries, partial_files, MAX_SHARD};
use anyhow::Result;
use clap::Args;

use super::corpus_run::{print_problems, problems_exit, Timing};
use super::CorpusArgs;

/// Count one shard of a corpus into a partial, for a distributed run
///
/// A partial holds the shard's exact statistics: Parquet tables (zstd) and
/// manifest.json, documented in docs/PARTIALS.md.
///
/// Partials of the shards of a corpus are reduced by `corpstat merge` (which
/// writes the report) or by any SQL engine (`GROUP BY key, SUM(count)`; see
/// examples/distributed/). Counts are never pruned unless --memory-limit is
/// given; the options that only decide what the report lists (--min-count,
/// --ngram-min-count, --keyness-min-count) are recorded and applied at the merge.
/// Exits 2 when input was skipped or only partly read, unless --allow-partial.
#[derive(Args)]
pub struct PartialArgs {
    #[command(flatten)]
    corpus: CorpusArgs,

    /// Folder to write the partial into (created if needed; a partial there is replaced).
    #[arg(short, long)]
    output: PathBuf,

    /// This shard's place among the shards, from 0: the corpus is the shards'
    /// documents in this order (it decides the Heaps curve, MATTR and ties).
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u64).range(0..=MAX_SHARD))]
    shard: u64,

    /// How many shards the run has. Recorded in the manifest, so that `merge`
    /// refuses the run when any of shards 0 to N-1 is missing (without it, merge
    /// still refuses a gap below the highest shard given).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=MAX_SHARD + 1))]
    shards: Option<u64>,
}

/// A partial's file, written as it was made.
struct PartialOutput(String, Vec<u8>);

impl ReportFile for PartialOutput {
    fn name(&self) -> &str {
        &self.0
    }
    fn write(&self, out: &mut dyn Write) -> std::io::Result<()> {
        out.write_all(&self.1)
    }
}

/// What `corpstat partial` declares beyond its arguments: the narrow corpus options it
/// takes and the text after its help.
pub(super) const SPEC: super::Spec = super::Spec {
    takes: super::Takes::ALL,
    after_help: None,
};

pub fn run(mut args: PartialArgs) -> Result<ExitCode> {
    super::report::refuse_a_file_as_folder(&args.output)?;
    args.corpus.exclude = vec![args.output.clone()];
    let timing = args.corpus.timings.then(Timing::start);
    let paths = args.corpus.inputs()?;
    let inputs = input_entries(&paths, &args.corpus.options().input)?;
    let roots = paths.iter().map(|p| p.display().to_string()).collect();
    let (shard, of) = (args.shard, args.shards);
    let ((manifest, files), times) = args.corpus.count(|corpus| {
        let mut counts = corpus.into_counts();
        Ok(partial_files(&mut counts, shard, of, roots, inputs)?)
    })?;
    let files: Vec<Box<dyn ReportFile>> = files
        .into_iter()
        .map(|(name, bytes)| Box::new(PartialOutput(name, bytes)) as Box<dyn ReportFile>)
        .collect();
    let written = times.time(crate::timing::Stage::Write, || {
        write_report_dir(&args.output, &files)
    })?;
    let entry = &manifest.shards[0];
    let total: u64 = entry.problems_by_kind.iter().map(|p| p.count).sum();
    for notice in &entry.notices {
        eprintln!("corpstat: notice: {notice}");
    }
    print_problems(&entry.problems, total, &entry.problem_counts());
    if !args.corpus.quiet {
        eprintln!(
            "corpstat: shard {shard}: {} documents, {} tokens; wrote {} files to {}",
            entry.documents,
            entry.tokens,
            written.len(),
            args.output.display()
        );
    }
    if let Some(timing) = &timing {
        timing.print(&times);
    }
    if total > 0 && !args.corpus.allow_partial {
        return Ok(problems_exit(total));
    }
    Ok(ExitCode::SUCCESS)
}
