//! What every subcommand that reads a corpus shares: the arguments for the
//! input, normalization and counting, turned into validated [`Options`] in one
//! place (the run that counts it is in `corpus_run.rs`).

use std::path::PathBuf;

use crate::dates::{Calendar, DateOrder, Period};
use crate::input::InputFormat;
use crate::input::TimeField;
use crate::normalize::{CaseMode, NormalForm, NormalizeOptions};
use crate::options::{CoocOptions, CoocScope, StopwordsMode, Tables};
use crate::tokenize::TokenRules;
use crate::{GroupBy, InputOptions, Options, WordList};
use anyhow::Result;
use clap::{Args, ValueEnum};

use super::default_inputs::{default_inputs, joined_names};
use super::value_parsers::{
    parse_document_size, parse_encoding, parse_memory_limit, parse_range, parse_size,
    read_word_list,
};

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum ExtraFold {
    /// ة → ه
    TehMarbuta,
}

/// What to read and how to count it: shared by every subcommand that reads a corpus.
#[derive(Args, Clone)]
pub(super) struct CorpusArgs {
    /// Files or folders to read (folders recursively, in sorted order), or - for
    /// stdin. None given: text piped in, else `seeds` when the current folder has one.
    pub(super) paths: Vec<PathBuf>,

    /// Input format; auto picks it from each file name (.jsonl, .csv, .tsv, else text;
    /// .gz/.zst compressed). lines: one document per non-blank line, ids FILE:LINE.
    #[arg(long, value_enum, default_value = "auto")]
    pub(super) input_format: InputFormat,

    /// JSONL field holding the text.
    #[arg(long, default_value = "text")]
    pub(super) text_field: String,

    /// JSONL field holding the document id (absent: file:line).
    #[arg(long, default_value = "id")]
    pub(super) id_field: String,

    /// CSV/TSV column holding the text (required for CSV/TSV input).
    #[arg(long)]
    pub(super) text_column: Option<String>,

    /// CSV/TSV column holding the document id (absent: file:line).
    #[arg(long)]
    pub(super) id_column: Option<String>,

    /// Normalization profile.
    #[arg(long, value_enum, default_value = "full")]
    pub(super) normalize: NormalForm,

    /// Case handling: fold lowercases (full Unicode).
    #[arg(long, value_enum, default_value = "fold")]
    pub(super) case: CaseMode,

    /// Switch off one step of the profile (repeatable).
    #[arg(long, value_name = "STEP")]
    pub(super) no_fold: Vec<String>,

    /// Switch on an optional folding step (repeatable).
    #[arg(long, value_enum, value_name = "STEP")]
    pub(super) fold: Vec<ExtraFold>,

    /// Join Persian prefixes (می, نمی) and suffixes (ها, های, تر, ترین) written apart, with a ZWNJ.
    #[arg(long)]
    pub(super) persian_zwnj_repair: bool,

    /// Stem Arabic-script words (Snowball Arabic light stemmer); tables show each stem's most frequent form.
    #[arg(long)]
    pub(super) stem: bool,

    /// Tokenization rules: smart keeps URLs, e-mail addresses, mentions and
    /// hashtags whole and splits Chinese, Japanese, Thai, Lao, Khmer and Burmese into
    /// words; plain gives UAX #29 words alone; characters is smart with those scripts
    /// one character at a time.
    #[arg(long, value_enum, default_value = "smart")]
    pub(super) tokens: TokenRules,

    /// Candidate languages for detection, ISO 639-3, comma-separated (default: all).
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub(super) langs: Vec<String>,

    /// Ask the language model about every sentence instead of once per run of
    /// sentences whose evidence agrees (slower; for comparison).
    #[arg(long)]
    pub(super) detect_every_sentence: bool,

    /// Keep stopwords in distinctive terms and co-occurrence (they are always marked in terms.csv).
    #[arg(long)]
    pub(super) keep_stopwords: bool,

    /// Your own stopwords: a UTF-8 file, one word per line, folded like the terms
    /// and stopwords whatever the language. Recorded in summary.json with the
    /// SHA-256 of the file and its words.
    #[arg(long, value_name = "FILE", value_parser = read_word_list)]
    pub(super) stopwords: Option<WordList>,

    /// Whether --stopwords adds to the built-in lists of the corpus' languages or
    /// replaces them.
    #[arg(long, value_enum, default_value = "add", requires = "stopwords")]
    pub(super) stopwords_mode: StopwordsMode,

    /// Terms to take out of the text before counting (boilerplate such as
    /// "Advertisement"): a UTF-8 file, one word per line, folded like the terms.
    /// No table lists them, the token counts leave them out, and no n-gram or
    /// window reaches across the place where they stood. Recorded in summary.json
    /// with the SHA-256 of the file and its words.
    #[arg(long, value_name = "FILE", value_parser = read_word_list)]
    pub(super) ignore: Option<WordList>,

    /// List co-occurring pairs of every token kind, not only words.
    #[arg(long)]
    pub(super) cooc_all_kinds: bool,

    /// N-gram orders, as N or MIN..MAX (inclusive), from 1 to 32.
    #[arg(long, default_value = "1..3", value_parser = parse_range)]
    pub(super) ngrams: (usize, usize),

    /// Leave out n-grams of order 2 and up seen fewer times (order 1 is always complete).
    #[arg(long, default_value_t = 2)]
    pub(super) ngram_min_count: u64,

    /// Co-occurrence scope: tokens within --window in a sentence, or once per sentence or document.
    #[arg(long, value_enum, default_value = "window")]
    pub(super) cooc_scope: CoocScope,

    /// Largest distance in tokens for --cooc-scope window, 1 to 1000.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u16).range(1..=1000))]
    pub(super) window: u16,

    /// Count (a, b) only when a comes first (window scope only).
    #[arg(long)]
    pub(super) ordered: bool,

    /// Leave out pairs seen fewer times.
    #[arg(long, default_value_t = 3)]
    pub(super) min_count: u64,

    /// Groups for groups.csv, group_terms.csv and keyness.csv: dir, lang, field:NAME or file:PATTERN=GROUP,...
    #[arg(long, value_parser = GroupBy::parse, value_name = "RULE")]
    pub(super) group_by: Option<GroupBy>,

    /// Read each document's date for the trends (trends.csv, trend_terms.csv): a
    /// JSONL field or CSV column NAME (field:NAME for a field named path), or
    /// path, the first date in the file's path (2024-03-05-x.txt, 2024/03/05/x.txt,
    /// x_20240305.txt). A document without a usable date is a no_date problem.
    #[arg(long, value_parser = TimeField::parse, value_name = "NAME|path")]
    pub(super) time_field: Option<TimeField>,

    /// The calendar --time-field dates are written in: gregorian, persian (Solar
    /// Hijri: 1403-01-01 is 20 March 2024) or hijri (Umm al-Qura: 1445-09-01 is 11
    /// March 2024).
    #[arg(long, value_enum, default_value = "gregorian", requires = "time_field")]
    pub(super) calendar: Calendar,

    /// How to read dates that do not start with their year, such as 05/03/2024:
    /// dmy (5 March) or mdy (3 May). Default: ymd, such dates are no_date problems.
    #[arg(long, value_enum, default_value = "ymd", requires = "time_field")]
    pub(super) date_format: DateOrder,

    /// The period the trends count by. Default: the coarsest that gives at least 8
    /// periods (day when none does).
    #[arg(long, value_enum, requires = "time_field")]
    pub(super) period: Option<Period>,

    /// trend_terms.csv tests words seen at least this often in dated documents.
    #[arg(long, default_value_t = 20, requires = "time_field")]
    pub(super) trend_min_count: u64,

    /// Keyness lists terms seen at least this often in target and reference together
    /// (two groups), or in the target itself (three groups or more).
    #[arg(long, default_value_t = 3)]
    pub(super) keyness_min_count: u64,

    /// Worker threads, 1 to 1024 (default: one per core).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=1024))]
    pub(super) threads: Option<u16>,

    /// Follow symbolic links found in folders (links named on the command line are
    /// always followed), as `rg -L` does; a link that leads out of the folder given
    /// is said on stderr and listed under notices in summary.json. Without it, a
    /// link is skipped and named as a problem.
    #[arg(short = 'L', long)]
    pub(super) follow: bool,

    /// Read every file as text, whatever it holds. Without it, a file with a NUL
    /// byte among its first 8 KiB, or NUL bytes over 1% of its bytes, is skipped as
    /// binary (a problem); stray NUL bytes elsewhere are dropped and counted (a
    /// nul_bytes problem) and the text is read, with or without --text.
    #[arg(short = 'a', long)]
    pub(super) text: bool,

    /// The encoding of input files without a byte order mark, as any WHATWG label
    /// (windows-1256 and iso-8859-6 for legacy Arabic and Persian, windows-1252,
    /// koi8-r, shift_jis, gbk, utf-16le, ...). Default: UTF-8.
    #[arg(long, value_name = "LABEL", value_parser = parse_encoding)]
    pub(super) encoding: Option<String>,

    /// Stop reading after SIZE bytes of decoded text (such as 500M, 2G), with a
    /// problem: a bound for CI jobs on inputs nobody looked at.
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub(super) max_input_bytes: Option<u64>,

    /// Split documents longer than SIZE bytes into parts ID#1, ID#2, ... at line
    /// breaks (1K to 1G), so that no document is held whole; JSONL lines and CSV
    /// records longer than four times SIZE are skipped. Both are reported as problems.
    #[arg(long, value_name = "SIZE", default_value = "32M", value_parser = parse_document_size)]
    pub(super) max_document_bytes: u64,

    /// Folders never read (the report's own output folder).
    #[arg(skip)]
    pub(super) exclude: Vec<PathBuf>,

    /// The words of `corpstat report --kwic`, whose lines concordance.csv lists.
    #[arg(skip)]
    pub(super) kwic: Vec<String>,

    /// Keep each document's terms for document_terms.parquet (report --parquet).
    #[arg(skip)]
    pub(super) document_terms: bool,

    /// The large tables counted: a subcommand that prints neither n-grams nor
    /// pairs switches them off (see [`CorpusArgs::counting`]).
    #[arg(skip)]
    pub(super) tables: Tables,

    /// Exit 0 even when input was skipped or only partly read (problems are still reported).
    #[arg(long)]
    pub(super) allow_partial: bool,

    /// No progress bar and no summary line (problems and errors are still printed).
    #[arg(short, long)]
    pub(super) quiet: bool,

    /// Keep the n-gram and co-occurrence tables within half of SIZE (such as 100M,
    /// 2G; K, M and G are powers of 1024) by dropping their rarest entries (lossy
    /// counting), and read in smaller batches. Single-term counts stay exact;
    /// summary.json's "approximate" tells how far n-gram and pair counts may be off.
    /// At least 1M.
    #[arg(long, value_name = "SIZE", value_parser = parse_memory_limit)]
    pub(super) memory_limit: Option<u64>,

    /// When done, print to stderr the time each stage took (read, normalize, tokenize,
    /// count and language mix summed over threads; merge, tables, charts and write as
    /// elapsed), the wall time, the part of it spent on one thread (sampled every
    /// 20 ms: fewer than 1.5 cores busy) and the peak memory.
    #[arg(long)]
    pub(super) timings: bool,
}

impl CorpusArgs {
    /// These arguments counting only `tables` of the large tables: a subcommand
    /// computes only what it prints.
    pub(super) fn counting(mut self, tables: Tables) -> CorpusArgs {
        self.tables = tables;
        self
    }

    /// The corpus' name in titles: the paths read, sorted as the input stage reads them.
    pub(super) fn name(&self) -> String {
        joined_names(&self.inputs().unwrap_or_default())
    }

    /// The paths to read: those given; with none, standard input when text is piped
    /// or redirected in, else `seeds` when the current folder has it.
    pub(super) fn inputs(&self) -> Result<Vec<PathBuf>> {
        if !self.paths.is_empty() {
            return Ok(self.paths.clone());
        }
        default_inputs()
    }

    pub(super) fn options(&self) -> Options {
        Options {
            normalize: NormalizeOptions {
                form: self.normalize,
                case: self.case,
                disabled: self.no_fold.clone(),
                teh_marbuta: self.fold.contains(&ExtraFold::TehMarbuta),
                persian_zwnj_repair: self.persian_zwnj_repair,
                stem: self.stem,
            },
            tokens: self.tokens,
            languages: self.langs.clone(),
            detect_every_sentence: self.detect_every_sentence,
            memory_limit: self.memory_limit,
            keep_stopwords: self.keep_stopwords,
            stopwords: self.stopwords.clone(),
            stopwords_mode: self.stopwords_mode,
            ignore: self.ignore.clone(),
            keyness_min_count: self.keyness_min_count,
            ngram_min: self.ngrams.0,
            ngram_max: self.ngrams.1,
            ngram_min_count: self.ngram_min_count,
            cooccurrence: CoocOptions {
                scope: self.cooc_scope,
                window: usize::from(self.window),
                ordered: self.ordered,
                all_kinds: self.cooc_all_kinds,
                min_count: self.min_count,
            },
            input: InputOptions {
                format: self.input_format,
                text_field: self.text_field.clone(),
                id_field: self.id_field.clone(),
                text_column: self.text_column.clone(),
                id_column: self.id_column.clone(),
                group_by: self.group_by.clone().unwrap_or_default(),
                time_field: self.time_field.clone(),
                calendar: self.calendar,
                date_format: self.date_format,
                follow_links: self.follow,
                as_text: self.text,
                encoding: self.encoding.clone(),
                max_document_bytes: usize::try_from(self.max_document_bytes)
                    .unwrap_or(crate::input::MAX_DOCUMENT_BYTES),
                max_input_bytes: self.max_input_bytes,
                exclude: self.exclude.clone(),
            },
            tables: self.tables,
            kwic: self.kwic.clone(),
            period: self.period,
            trend_min_count: self.trend_min_count,
            document_terms: self.document_terms,
            ..Options::default()
        }
    }
}
