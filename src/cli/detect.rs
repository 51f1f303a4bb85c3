//! `corpstat detect`: the language of each input line.

use super::ExitCode;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::PathBuf;

use crate::LanguageDetector;
use anyhow::{Context, Result};
use clap::{Args, ValueEnum};

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DetectFormat {
    /// One ISO 639-3 code per line.
    Plain,
    /// code, script and confidence, tab-separated.
    Tsv,
}

/// Print the language of every input line
///
/// Reads stdin, or the files given: one line out per line in, as an ISO 639-3 code,
/// or und when it cannot be told.
///
/// Each line is judged by the words of its dominant script, with fastText's lid.176
/// model (176 languages; --list-languages names them); a line the model gives less
/// than 0.3 is und. A line of one or two words is weighed with the word frequencies
/// of 42 languages too (wordfreq's lists), and is und below 0.7. A line of Han words
/// is Japanese where it holds kana, Korean where it holds Hangul, and otherwise
/// Chinese unless the model, with the word lists, gives another language 0.9.
/// Arabic-script lines also weigh the letters and function words only Arabic,
/// Persian or Urdu use. A script no known language is written in (Syriac,
/// Tifinagh, ...) is und. Persian
/// is reported as fas; near-twins as their macrolanguage (hbs, nor, msa, kur, aze,
/// zho).
#[derive(Args)]
pub struct DetectArgs {
    /// Files to read lines from (default: stdin).
    paths: Vec<PathBuf>,

    /// plain: the code alone; tsv: code, script and confidence.
    #[arg(long, value_enum, default_value = "plain")]
    format: DetectFormat,

    /// Candidate languages, ISO 639-3, comma-separated (default: all).
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    langs: Vec<String>,

    /// Print every code corpstat can report, with its English name, and exit.
    #[arg(long)]
    list_languages: bool,
}

pub fn after_help() -> String {
    "Output columns (no header, one row per input line):\n  language        ISO 639-3 code, or und\n  script          (tsv) script with the most letters in the line, or common\n  confidence      (tsv) 0 to 1, 6 decimals: the model's probability, the share of the\n                  Arabic-script evidence, for one or two words the best score's share\n                  with the word frequencies, 1 when the script decides, 0 for und\n".to_string()
}

/// What `corpstat detect` declares beyond its arguments: the narrow corpus options it
/// takes and the text after its help.
pub(super) const SPEC: super::Spec = super::Spec {
    takes: &[],
    after_help: Some(after_help),
};

pub fn run(args: DetectArgs) -> Result<ExitCode> {
    if args.list_languages {
        let mut out = io::BufWriter::new(io::stdout().lock());
        for name in crate::language::LANGUAGE_NAMES {
            match name.native {
                Some(native) => writeln!(out, "{}\t{}\t{native}", name.code, name.english)?,
                None => writeln!(out, "{}\t{}", name.code, name.english)?,
            }
        }
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let detector = if args.langs.is_empty() {
        LanguageDetector::new()
    } else {
        LanguageDetector::with_languages(&args.langs)?
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut detect_lines = |reader: &mut dyn BufRead, name: &str| -> Result<()> {
        let mut line = Vec::new();
        loop {
            line.clear();
            if reader
                .read_until(b'\n', &mut line)
                .with_context(|| format!("{name}: read failed"))?
                == 0
            {
                return Ok(());
            }
            let text = String::from_utf8_lossy(&line);
            let d = detector.detect(text.trim_end_matches(['\n', '\r']));
            match args.format {
                DetectFormat::Plain => writeln!(out, "{}", d.language)?,
                DetectFormat::Tsv => {
                    writeln!(out, "{}\t{}\t{:.6}", d.language, d.script, d.confidence)?
                }
            }
        }
    };
    if args.paths.is_empty() {
        detect_lines(&mut io::stdin().lock(), "stdin")?;
    } else {
        for path in &args.paths {
            let name = path.display().to_string();
            let file = File::open(path).with_context(|| format!("{name}: cannot open"))?;
            detect_lines(&mut BufReader::new(file), &name)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
