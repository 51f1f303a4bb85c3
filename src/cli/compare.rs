//! `corpstat compare A B`: keyness of one corpus against another, and what changed.

use super::ExitCode;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::options::Tables;
use crate::output::{render_keyness, write_report_dir, CsvFile, PngFile, ReportFile};
use crate::report::GroupRow;
use crate::table::round;
use crate::{GroupBy, Report};
use anyhow::{bail, Result};
use clap::Args;
use serde::Serialize;

use super::CorpusArgs;

/// Compare a target corpus with a reference corpus: keywords and shifts
///
/// A and B are folders, files or JSONL.
/// Writes into the output folder keyness.csv (A against B: every term with its
/// log-likelihood, χ², log ratio, %DIFF and p-value, as in the report's keyness.csv),
/// keyness.png (the top 20 over- and under-used words), and compare.json: the shift of
/// the language mix, the overlap of the vocabularies, and the most frequent terms of A
/// that B never uses. A short summary goes to stdout. Stopwords and non-words are left
/// out unless --keep-stopwords.
#[derive(Args)]
pub struct CompareArgs {
    /// The target corpus.
    target: PathBuf,

    /// The reference corpus.
    reference: PathBuf,

    /// Folder to write into (created if needed).
    #[arg(short, long, default_value = "compare")]
    output: PathBuf,

    #[command(flatten)]
    corpus: CorpusArgs,

    #[command(flatten)]
    cells: super::report::CellArgs,
}

pub fn after_help() -> String {
    let mut help = super::columns_help(crate::report::KEYNESS_COLUMNS)
        .replace("Output columns:", "keyness.csv columns:");
    help.push_str(
        "compare.json: target, reference, tokens_target, tokens_reference, language_shift (per language:\n  share_target, share_reference, change), largest_language_shift, vocabulary_overlap\n  (shared, union, jaccard), new_terms (up to 50 [term, count] pairs)\n",
    );
    help
}

/// `compare.json`.
#[derive(Serialize)]
struct Comparison {
    target: String,
    reference: String,
    tokens_target: u64,
    tokens_reference: u64,
    /// Per language: share in the target, in the reference, and the change.
    language_shift: Vec<LanguageShift>,
    /// The largest absolute change of a language's share.
    largest_language_shift: f64,
    vocabulary_overlap: Option<crate::report::VocabularyOverlap>,
    /// Up to 50 terms of the target that the reference never uses, most frequent first.
    new_terms: Vec<(String, u64)>,
}

#[derive(Serialize)]
struct LanguageShift {
    language: String,
    share_target: f64,
    share_reference: f64,
    change: f64,
}

struct JsonFile(String);

impl ReportFile for JsonFile {
    fn name(&self) -> &str {
        "compare.json"
    }
    fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(self.0.as_bytes())
    }
}

/// What `corpstat compare` declares beyond its arguments: the narrow corpus options it
/// takes and the text after its help.
pub(super) const SPEC: super::Spec = super::Spec {
    takes: &[
        super::Takes::Counting,
        super::Takes::KeepStopwords,
        super::Takes::StopwordList,
        super::Takes::Keyness,
        super::Takes::LanguageMix,
    ],
    after_help: Some(after_help),
};

pub fn run(mut args: CompareArgs) -> Result<ExitCode> {
    let (target, reference) = (
        args.target.display().to_string(),
        args.reference.display().to_string(),
    );
    if target == reference {
        bail!("compare needs two different inputs, got {target} twice");
    }
    args.corpus.paths = vec![args.target.clone(), args.reference.clone()];
    super::report::refuse_a_file_as_folder(&args.output)?;
    args.corpus.exclude = vec![args.output.clone()];
    args.corpus.group_by = Some(GroupBy::Input);
    // Keyness and the shifts come from the term counts: no n-gram or pair table.
    let analyzed = args.corpus.clone().counting(Tables::NONE).analyze()?;
    let report = &analyzed.report;
    let group = |name: &str| report.groups().iter().find(|g| g.group == name);
    let (Some(a), Some(b)) = (group(&target), group(&reference)) else {
        bail!("{target} or {reference} holds no document");
    };
    let comparison = Comparison::of(report, &target, &reference, a, b);
    let json = serde_json::to_string_pretty(&comparison)? + "\n";
    let corpus = format!("{target} against {reference}");
    let chart = render_keyness(report, &target, &corpus)?;
    super::report::warn_of_placeholders(&chart.missing);
    let files: Vec<Box<dyn ReportFile>> = vec![
        Box::new(
            CsvFile::new("keyness.csv", report.keyness_table(&target))
                .with_cells(args.cells.cells()),
        ),
        Box::new(PngFile(chart)),
        Box::new(JsonFile(json)),
    ];
    write_report_dir(&args.output, &files)?;

    comparison.print(&args.output)?;
    Ok(analyzed.exit_code())
}

impl Comparison {
    /// The comparison of groups `a` (the target) and `b` (the reference) of `report`.
    fn of(report: &Report, target: &str, reference: &str, a: &GroupRow, b: &GroupRow) -> Self {
        let language_shift: Vec<LanguageShift> = report
            .group_languages()
            .iter()
            .enumerate()
            .map(|(i, l)| LanguageShift {
                language: l.to_string(),
                share_target: round(a.shares[i]),
                share_reference: round(b.shares[i]),
                change: round(a.shares[i] - b.shares[i]),
            })
            .collect();
        let largest_language_shift = language_shift
            .iter()
            .map(|l| l.change.abs())
            .fold(0.0, f64::max);
        let mut new_terms: Vec<(String, u64)> = report
            .keyness()
            .iter()
            .filter(|k| k.target == target && k.count_reference == 0)
            .map(|k| (k.term.clone(), k.count_target))
            .collect();
        new_terms.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
        new_terms.truncate(50);
        Comparison {
            target: target.to_string(),
            reference: reference.to_string(),
            tokens_target: a.tokens,
            tokens_reference: b.tokens,
            language_shift,
            largest_language_shift,
            vocabulary_overlap: report.vocabulary_overlap().cloned(),
            new_terms,
        }
    }

    /// The summary a person reads on the terminal.
    fn print(&self, output: &Path) -> io::Result<()> {
        let mut out = io::stdout().lock();
        writeln!(
            out,
            "{} ({} tokens) against {} ({} tokens)",
            self.target, self.tokens_target, self.reference, self.tokens_reference
        )?;
        writeln!(
            out,
            "largest language-share change: {:.4}",
            self.largest_language_shift
        )?;
        for l in &self.language_shift {
            writeln!(
                out,
                "  {}: {:.4} -> {:.4} ({:+.4})",
                l.language, l.share_reference, l.share_target, l.change
            )?;
        }
        if let Some(o) = &self.vocabulary_overlap {
            writeln!(
                out,
                "vocabulary overlap: {} shared of {} terms (Jaccard {:.4})",
                o.shared, o.union, o.jaccard
            )?;
        }
        let words: Vec<&str> = self
            .new_terms
            .iter()
            .take(10)
            .map(|t| t.0.as_str())
            .collect();
        writeln!(out, "new in {}: {}", self.target, words.join(", "))?;
        writeln!(
            out,
            "wrote keyness.csv, keyness.png and compare.json to {}",
            output.display()
        )?;
        out.flush()?;
        Ok(())
    }
}
