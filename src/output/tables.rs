//! The CSV tables of the report, each defined once.
//!
//! A [`TableSpec`] holds everything about one table: its file name, what it holds,
//! its columns, its order and how its rows are made. The report's files, index.html,
//! the report's README.md and `corpstat report --help` all iterate [`TABLES`], so a
//! new table is one spec here (and its row source in the report), with no second
//! list to keep in step.

use crate::report::{
    Report, RowSource, CODE_SWITCHING_COLUMNS, CONCORDANCE_COLUMNS, COOCCURRENCE_COLUMNS,
    DISTINCTIVE_COLUMNS, DOCUMENT_COLUMNS, DUPLICATES_COLUMNS, GROUP_COLUMNS, GROUP_TERM_COLUMNS,
    KEYNESS_COLUMNS, LANGUAGE_COLUMNS, NGRAM_COLUMNS, ORTHOGRAPHY_COLUMNS, QUALITY_COLUMNS,
    TERM_COLUMNS, TREND_COLUMNS, TREND_TERM_COLUMNS,
};

use std::borrow::Cow;

use crate::table::{Column, Table};

/// One CSV table of the report.
pub struct TableSpec {
    /// The file name in the report folder.
    pub name: &'static str,
    /// What the table holds, in one paragraph of Markdown.
    pub about: &'static str,
    /// The columns, as documented (a table may add columns, such as `share_CODE`).
    pub columns: &'static [Column],
    /// The sort order, in words.
    pub order: &'static str,
    /// What it needs to be written, besides a corpus.
    pub needs: Needs,
    /// How the rows are made, when the file is written.
    pub(crate) rows: TableRows,
    /// Which rows index.html shows.
    pub preview: Preview,
}

/// What a table needs to be in a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needs {
    /// Nothing: every report has it.
    Nothing,
    /// Groups: written with `--group-by`, when the report has groups.
    Groups,
    /// Words to search: written with `--kwic`, once their lines are read.
    Kwic,
    /// Dates: written with `--time-field`.
    Dates,
}

impl Needs {
    /// The option that asks for the table, if one must.
    pub fn option(self) -> Option<&'static str> {
        match self {
            Needs::Nothing => None,
            Needs::Groups => Some("--group-by"),
            Needs::Kwic => Some("--kwic"),
            Needs::Dates => Some("--time-field"),
        }
    }
}

/// Row `i` of a table, made on demand.
type RowAt<'a> = Box<dyn Fn(usize) -> Vec<String> + 'a>;

/// The rows of a table that index.html shows, chosen to show what the table is for.
#[derive(Clone, Copy, Debug)]
pub enum Preview {
    /// The first rows.
    First(usize),
    /// The first `rows` rows of each run of equal values in `column` (the table is
    /// sorted by it), for at most `runs` runs: each n-gram order, each group.
    EachRun {
        /// The column the table is grouped by.
        column: &'static str,
        /// Rows per run.
        rows: usize,
        /// Runs at most.
        runs: usize,
    },
    /// The rows of the `runs` longest runs of equal values in `column` (the table
    /// is sorted by it), longest first, ties in table order: the largest clusters.
    LongestRuns {
        /// The column the table is grouped by.
        column: &'static str,
        /// Runs at most.
        runs: usize,
    },
    /// Every row whose `column` is `value` (at most `rows`): the corpus rows.
    Matching {
        /// The column.
        column: &'static str,
        /// The value.
        value: &'static str,
        /// Rows at most.
        rows: usize,
    },
}

/// How a table's rows are made.
#[derive(Clone, Copy)]
pub(crate) enum TableRows {
    /// Rows under the spec's columns, made in any order, so that chunks of them are
    /// formatted in parallel.
    Source(for<'r> fn(&'r Report) -> RowSource<'r>),
    /// A whole table with its own columns (groups.csv adds one per language).
    Table(fn(&Report) -> Table),
}

impl TableSpec {
    /// Whether `report` has this table.
    pub fn is_in(&self, report: &Report) -> bool {
        match self.needs {
            Needs::Nothing => true,
            Needs::Groups => !report.groups.is_empty(),
            Needs::Kwic => report.has_kwic_lines(),
            Needs::Dates => report.summary.trends.is_some(),
        }
    }

    /// The whole table, as a thin subcommand prints it.
    pub fn table(&self, report: &Report) -> Table {
        self.top(report, usize::MAX).0
    }

    /// The table's columns, its number of rows and row `i` made on demand: what
    /// [`TableSpec::preview`] and [`TableSpec::top`] pick their rows from.
    fn rows_at<'a>(&self, report: &'a Report) -> (Cow<'static, [Column]>, usize, RowAt<'a>) {
        match self.rows {
            TableRows::Source(make) => {
                let source = make(report);
                let len = source.len;
                (self.columns.into(), len, Box::new(move |i| (source.row)(i)))
            }
            TableRows::Table(make) => {
                let Table { columns, rows } = make(report);
                let len = rows.len();
                (columns, len, Box::new(move |i| rows[i].clone()))
            }
        }
    }

    /// The rows index.html shows (see [`Preview`]), and the number of rows in all.
    pub fn preview(&self, report: &Report) -> (Table, usize) {
        let (columns, len, row) = self.rows_at(report);
        let column_of = |name: &str| columns.iter().position(|c| c.name == name);
        let picked: Vec<usize> = match self.preview {
            Preview::First(n) => (0..len.min(n)).collect(),
            Preview::EachRun { column, rows, runs } => match column_of(column) {
                Some(c) => {
                    let mut picked = Vec::new();
                    let mut start = 0;
                    for _ in 0..runs {
                        if start >= len {
                            break;
                        }
                        let value = row(start).swap_remove(c);
                        // The run's end: its rows are together, so the first row past
                        // `start` with another value is found by bisection.
                        let (mut lo, mut hi) = (start + 1, len);
                        while lo < hi {
                            let mid = lo + (hi - lo) / 2;
                            if row(mid)[c] == value {
                                lo = mid + 1;
                            } else {
                                hi = mid;
                            }
                        }
                        picked.extend(start..lo.min(start + rows));
                        start = lo;
                    }
                    picked
                }
                None => (0..len.min(rows)).collect(),
            },
            Preview::LongestRuns { column, runs } => match column_of(column) {
                Some(c) => {
                    let values: Vec<String> = (0..len).map(|i| row(i).swap_remove(c)).collect();
                    longest_runs(&values, |a, b| a == b, runs)
                        .into_iter()
                        .flatten()
                        .collect()
                }
                None => (0..len.min(runs)).collect(),
            },
            Preview::Matching {
                column,
                value,
                rows,
            } => match column_of(column) {
                Some(c) => (0..len)
                    .filter(|&i| row(i)[c] == value)
                    .take(rows)
                    .collect(),
                None => (0..len.min(rows)).collect(),
            },
        };
        let rows = picked.into_iter().map(&row).collect();
        (Table { columns, rows }, len)
    }

    /// The first `n` rows of the table and the number of rows in all.
    pub fn top(&self, report: &Report, n: usize) -> (Table, usize) {
        let (columns, len, row) = self.rows_at(report);
        let rows = (0..len.min(n)).map(&row).collect();
        (Table { columns, rows }, len)
    }
}

/// `documents.csv`.
pub const DOCUMENTS_CSV: TableSpec = TableSpec {
    name: "documents.csv",
    about: "One row per document.",
    columns: DOCUMENT_COLUMNS,
    order: "document id ascending (then source file and line, for repeated ids)",
    needs: Needs::Nothing,
    rows: TableRows::Source(Report::documents_source),
    preview: Preview::First(10),
};

/// `document_terms.parquet`, written with `report --parquet` only (never as CSV:
/// it has a row per document and term).
#[cfg(feature = "parquet")]
pub const DOCUMENT_TERMS_PARQUET: TableSpec = TableSpec {
    name: "document_terms.csv",
    about: "With `--parquet`, as `document_terms.parquet` only: one row per document and term it holds (the long document-term table, as quanteda's `dfm` and scikit-learn's sparse matrices take it), in the order of `documents.csv`, each document's terms by first occurrence in the corpus.",
    columns: crate::report::DOCUMENT_TERM_COLUMNS,
    order: "document as in documents.csv, then term by first occurrence",
    needs: Needs::Nothing,
    rows: TableRows::Source(Report::document_terms_source),
    preview: Preview::First(0),
};

/// `terms.csv`.
pub const TERMS_CSV: TableSpec = TableSpec {
    name: "terms.csv",
    about: "One row per distinct term (unigram).",
    columns: TERM_COLUMNS,
    order: "count descending, then term ascending by code point",
    needs: Needs::Nothing,
    rows: TableRows::Source(Report::terms_source),
    preview: Preview::First(10),
};

/// `ngrams.csv`.
pub const NGRAMS_CSV: TableSpec = TableSpec {
    name: "ngrams.csv",
    about: "N-grams of every order asked for (`--ngrams`, default 1..3). N-grams never cross a sentence boundary. Orders 2 and up keep only n-grams seen at least `--ngram-min-count` times (default 2); order 1 lists every term.",
    columns: NGRAM_COLUMNS,
    order: "n ascending, then count descending, then n-gram ascending by code point",
    needs: Needs::Nothing,
    rows: TableRows::Source(|r| r.ngrams_source(None)),
    preview: Preview::EachRun {
        column: "n",
        rows: 5,
        runs: 10,
    },
};

/// `distinctive.csv`.
pub const DISTINCTIVE_CSV: TableSpec = TableSpec {
    name: "distinctive.csv",
    about: "The top terms of each document by TF-IDF (default 20 per document).",
    columns: DISTINCTIVE_COLUMNS,
    order: "document as in documents.csv, then tfidf descending, then term ascending",
    needs: Needs::Nothing,
    rows: TableRows::Source(Report::distinctive_source),
    preview: Preview::EachRun {
        column: "document",
        rows: 5,
        runs: 3,
    },
};

/// `languages.csv`.
pub const LANGUAGES_CSV: TableSpec = TableSpec {
    name: "languages.csv",
    about: "Words per language: each sentence is detected, and its words go to its language. One row per document and language, then rows with document `*` for the corpus.",
    columns: LANGUAGE_COLUMNS,
    order: "document as in documents.csv (corpus rows last), then words descending, then language ascending",
    needs: Needs::Nothing,
    rows: TableRows::Source(Report::languages_source),
    preview: Preview::Matching {
        column: "document",
        value: "*",
        rows: 50,
    },
};

/// `code_switching.csv`.
pub const CODE_SWITCHING_CSV: TableSpec = TableSpec {
    name: "code_switching.csv",
    about: "How each document switches language from one sentence to the next (read off the sentence languages of languages.csv), and how many of its sentences mix scripts. The corpus figures, with every from>to pair, are `code_switching` in summary.json; code-switching.png draws the pairs.",
    columns: CODE_SWITCHING_COLUMNS,
    order: "document as in documents.csv",
    needs: Needs::Nothing,
    rows: TableRows::Source(Report::code_switching_source),
    preview: Preview::First(10),
};

/// `orthography.csv`.
pub const ORTHOGRAPHY_CSV: TableSpec = TableSpec {
    name: "orthography.csv",
    about: "The orthography ledger: what each normalization step changed in each document (rows of the steps that changed something), then every step for the corpus (`*`). The steps are listed under \"The orthography ledger\" above; `orthography` in summary.json has the corpus and, with `--group-by`, each group.",
    columns: ORTHOGRAPHY_COLUMNS,
    order: "document as in documents.csv (the corpus last), then the steps in the order they run",
    needs: Needs::Nothing,
    rows: TableRows::Source(Report::orthography_source),
    preview: Preview::Matching {
        column: "document",
        value: "*",
        rows: 20,
    },
};

/// `quality.csv`.
pub const QUALITY_CSV: TableSpec = TableSpec {
    name: "quality.csv",
    about: "Each document's quality signals, language-aware where a measure assumes English, and the published filtering rules it fails: Gopher's quality and repetition rules, C4's page rules and FineWeb's line-punctuation rule, with FineWeb-2's values for Arabic and Persian documents (see \"Quality signals\" above). Nothing is dropped: the signals' median, 5th and 95th percentiles and the share of documents each rule flags, for the corpus and with `--group-by` for each group, are `quality` in summary.json. A signal whose denominator is 0 (a document without words or lines) is empty.",
    columns: QUALITY_COLUMNS,
    order: "document as in documents.csv",
    needs: Needs::Nothing,
    rows: TableRows::Source(Report::quality_source),
    preview: Preview::First(10),
};

/// Clusters of duplicates that index.html shows, the largest first: in the
/// Duplicates section and in the preview of `duplicates.csv`.
pub(crate) const LARGEST_CLUSTERS: usize = 10;

/// The runs of equal neighbours of `items` (by `same`), the longest first and runs
/// of one length in their order, at most `runs` of them.
pub(crate) fn longest_runs<T>(
    items: &[T],
    same: impl Fn(&T, &T) -> bool,
    runs: usize,
) -> Vec<std::ops::Range<usize>> {
    let mut spans: Vec<std::ops::Range<usize>> = Vec::new();
    for i in 0..items.len() {
        match spans.last_mut() {
            Some(span) if same(&items[span.start], &items[i]) => span.end = i + 1,
            _ => spans.push(i..i + 1),
        }
    }
    spans.sort_by_key(|span| (std::cmp::Reverse(span.len()), span.start));
    spans.truncate(runs);
    spans
}

/// `duplicates.csv`.
pub const DUPLICATES_CSV: TableSpec = TableSpec {
    name: "duplicates.csv",
    about: "Documents that are duplicates of each other, in clusters: one row per document of each cluster, the first document of a cluster included. Two documents are exact duplicates when their folded token sequences are the same (the fingerprint of documents in partials), so a copy that differs only in alef forms, tatweel, ZWNJ, digits, case or punctuation is one; near duplicates when the MinHash signatures of their shingles of 5 folded tokens (112 values, 14 bands of 8) agree on at least 80% of their values, the estimate of their Jaccard similarity. Clusters join exact and near pairs. Documents without tokens are in no cluster. The figures (documents and tokens beyond the first of each cluster, their shares, the clusters and the largest), exact and near, for the corpus and with `--group-by` for each group among its own documents, are `duplicates` in summary.json.",
    columns: DUPLICATES_COLUMNS,
    order: "cluster, then document as in documents.csv",
    needs: Needs::Nothing,
    rows: TableRows::Source(Report::duplicates_source),
    preview: Preview::LongestRuns {
        column: "cluster",
        runs: LARGEST_CLUSTERS,
    },
};

/// `cooccurrence.csv`.
pub const COOCCURRENCE_CSV: TableSpec = TableSpec {
    name: "cooccurrence.csv",
    about: "Pairs of terms that occur together, with association measures. Pairs seen fewer than `--min-count` times (default 3) are left out; a term is never paired with itself.",
    columns: COOCCURRENCE_COLUMNS,
    order: "count descending, then term_a ascending, then term_b ascending",
    needs: Needs::Nothing,
    rows: TableRows::Source(Report::cooccurrence_source),
    preview: Preview::First(10),
};

/// `groups.csv`.
pub const GROUPS_CSV: TableSpec = TableSpec {
    name: "groups.csv",
    about: "With `--group-by`: one row per group, then one `share_CODE` column per language of the corpus (most words first).",
    columns: GROUP_COLUMNS,
    order: "group ascending",
    needs: Needs::Groups,
    rows: TableRows::Table(Report::groups_table),
    preview: Preview::First(50),
};

/// `group_terms.csv`.
pub const GROUP_TERMS_CSV: TableSpec = TableSpec {
    name: "group_terms.csv",
    about: "With `--group-by`: the top 200 terms of each group.",
    columns: GROUP_TERM_COLUMNS,
    order: "group, then count descending, then term",
    needs: Needs::Groups,
    rows: TableRows::Source(Report::group_terms_source),
    preview: Preview::EachRun {
        column: "group",
        rows: 5,
        runs: 20,
    },
};

/// `keyness.csv`.
pub const KEYNESS_CSV: TableSpec = TableSpec {
    name: "keyness.csv",
    about: "With `--group-by` and at least two groups: each group against the rest of the corpus (against the other group when there are two). With two groups, every term seen at least `--keyness-min-count` times (default 3) in both together; with three or more, the terms a group uses that often itself (`groups.csv`'s `keyness_left_out` counts the others), so that the table grows with the text, not with groups × vocabulary. `p_value` is written in scientific notation.",
    columns: KEYNESS_COLUMNS,
    order: "target ascending, then llr descending (over-used first), then term",
    needs: Needs::Groups,
    rows: TableRows::Source(Report::keyness_source),
    preview: Preview::EachRun {
        column: "target",
        rows: 5,
        runs: 20,
    },
};

/// `trends.csv`.
pub const TRENDS_CSV: TableSpec = TableSpec {
    name: "trends.csv",
    about: "With `--time-field`: one row per period (`--period`; by default the coarsest of year, quarter, month, ISO week and day that gives at least 8) holding at least one dated document, then one `share_CODE` column per language of the corpus (most words first): the share of the period's words in it. Documents without a usable date are `no_date` problems and in no period; `trends` in summary.json counts them, and has the newest period's figures for `corpstat check`.",
    columns: TREND_COLUMNS,
    order: "period ascending (in time)",
    needs: Needs::Dates,
    rows: TableRows::Table(Report::trends_table),
    preview: Preview::First(60),
};

/// `trend_terms.csv`.
pub const TREND_TERMS_CSV: TableSpec = TableSpec {
    name: "trend_terms.csv",
    about: "With `--time-field` and at least 3 periods: each word seen at least `--trend-min-count` times (default 20) in dated documents, with its per-million frequency in each period (one column per period of trends.csv, named by it), the Theil–Sen slope of those frequencies over time (the median of the slopes between every two periods, as Sketch Engine's Trends uses; per period, periods without documents skipped but counted in the distance), and the Mann–Kendall test of a monotonic trend (ties corrected, normal approximation), its p-value adjusted by Benjamini–Hochberg over every word tested. A period enters a word's test only when the word's rate over all the dated text predicts at least 5 occurrences in it: in a smaller period a word is absent by chance, and the zeros of the small early periods of a growing corpus would make every word look as if it rose; its cell there is empty, and `periods` counts those tested (a word with fewer than 3 is not listed). A word is `rising` or `falling` when its adjusted p-value is at most 0.05, else `none`. With more than 400 periods no word is tested (summary.json's `trends.terms_skipped` says so). p-values are written in scientific notation.",
    columns: TREND_TERM_COLUMNS,
    order: "rising (relative_slope descending), then falling (relative_slope ascending), then none (p_value ascending); then term",
    needs: Needs::Dates,
    rows: TableRows::Table(Report::trend_terms_table),
    preview: Preview::EachRun {
        column: "direction",
        rows: 10,
        runs: 3,
    },
};

/// `concordance.csv`.
pub const CONCORDANCE_CSV: TableSpec = TableSpec {
    name: "concordance.csv",
    about: "With `--kwic WORD,...`: every occurrence of each word or phrase given (matched on folded terms, as `corpstat kwic` does; a phrase as consecutive tokens inside a sentence), with 5 words of context on each side.",
    columns: CONCORDANCE_COLUMNS,
    order: "query as given, then document as in documents.csv, then place in the document",
    needs: Needs::Kwic,
    rows: TableRows::Source(Report::concordance_source),
    preview: Preview::EachRun {
        column: "query",
        rows: 5,
        runs: 20,
    },
};

/// Every CSV table of the report, in the order they are written and documented.
pub const TABLES: &[TableSpec] = &[
    DOCUMENTS_CSV,
    TERMS_CSV,
    NGRAMS_CSV,
    DISTINCTIVE_CSV,
    LANGUAGES_CSV,
    CODE_SWITCHING_CSV,
    ORTHOGRAPHY_CSV,
    DUPLICATES_CSV,
    QUALITY_CSV,
    COOCCURRENCE_CSV,
    GROUPS_CSV,
    GROUP_TERMS_CSV,
    KEYNESS_CSV,
    TRENDS_CSV,
    TREND_TERMS_CSV,
    CONCORDANCE_CSV,
];
