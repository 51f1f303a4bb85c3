//! Charts: PNG images of the report, drawn with plotters through [`backend::ShapedBackend`],
//! whose text is shaped and bidi-ordered (see [`text`]).
//!
//! Adding a chart: a file in this folder with a function `draw(report, corpus,
//! name) -> Result<Chart, ChartError>` (the shared bars, shares and fonts are in
//! `plot.rs`), its data in `crate::report::charts` when it needs more than the
//! report's tables, and one [`ChartSpec`] in [`CHARTS`]: the report writes it,
//! index.html shows it and the report README lists it from there.

pub mod backend;
mod code_switching;
mod cooccurrence;
mod font_runs;
pub mod fonts;
mod groups;
mod heaps;
mod keyness;
mod language_style;
mod languages;
mod lengths;
mod plot;
mod quality;
#[cfg(test)]
mod scripts_tests;
pub mod text;
mod top_ngrams;
mod top_terms;
mod trends;

pub(crate) use groups::GROUPS_CHART_ROWS;
pub(crate) use keyness::{
    KEYNESS_BARS, KEYNESS_CHARTS, KEYNESS_CHART_MIN_TOKENS, SIGNIFICANT_BELOW,
};
pub(crate) use languages::{LANGUAGE_BARS, MIXED_DOCUMENTS};
pub(crate) use trends::TREND_CHART_TERMS;
mod zipf;

use super::Needs;
use crate::report::Report;

/// A chart that could not be drawn or encoded.
#[derive(Debug, thiserror::Error)]
#[error("chart {name}: {message}")]
pub struct ChartError {
    /// The chart's file name.
    pub name: String,
    /// What went wrong.
    pub message: String,
}

/// One rendered chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    /// File name in the report folder.
    pub name: String,
    /// What it shows, for index.html.
    pub title: String,
    /// The PNG file.
    pub png: Vec<u8>,
    /// The characters of its labels that no embedded font has.
    pub missing: MissingGlyphs,
}

/// Characters that no embedded font has, drawn as placeholders (their code point in
/// a box): how many labels held one, and which. Sums over charts with `+=`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MissingGlyphs {
    /// Labels drawn with at least one placeholder.
    pub labels: usize,
    /// The characters drawn as placeholders.
    pub chars: std::collections::BTreeSet<char>,
}

impl std::ops::AddAssign<&MissingGlyphs> for MissingGlyphs {
    fn add_assign(&mut self, other: &MissingGlyphs) {
        self.labels += other.labels;
        self.chars.extend(other.chars.iter().copied());
    }
}

impl MissingGlyphs {
    /// Every chart's, summed.
    pub fn of(charts: &[Chart]) -> MissingGlyphs {
        let mut all = MissingGlyphs::default();
        for chart in charts {
            all += &chart.missing;
        }
        all
    }

    /// The characters, as `U+1F600 (😀)`, at most `max` of them, then how many more.
    pub fn listed(&self, max: usize) -> String {
        let mut listed: Vec<String> = self
            .chars
            .iter()
            .take(max)
            .map(|&c| format!("U+{:04X}", c as u32))
            .collect();
        if self.chars.len() > max {
            listed.push(format!("and {} more", self.chars.len() - max));
        }
        listed.join(", ")
    }
}

/// How a [`ChartSpec`] draws.
pub enum Draw {
    /// One chart, always: from the report, the corpus' name (for the title) and
    /// the file name.
    One(fn(&Report, &str, &str) -> Result<Chart, ChartError>),
    /// A family of charts (one per language, per group), or one chart that only
    /// some reports have: from the report and the corpus' name.
    Some(fn(&Report, &str) -> Result<Vec<Chart>, ChartError>),
}

/// One chart of the report, or one family of them: its file name, what it shows
/// and how to draw it. [`CHARTS`] lists them all.
pub struct ChartSpec {
    /// The file name in the report folder; for a family, its pattern
    /// (`top-terms-LANG.png`).
    pub name: &'static str,
    /// What it shows: its row of the report README's list of charts (with
    /// `{NAME}` placeholders for the numbers the code decides).
    pub about: &'static str,
    /// What a report needs to have it (groups, for the group charts).
    pub needs: Needs,
    /// How it is drawn.
    pub draw: Draw,
}

/// Every chart of the report, in the order they are written and shown; the
/// report README's list of charts is made from it.
pub const CHARTS: &[ChartSpec] = &[
    ChartSpec {
        name: "top-terms.png",
        about: "the {CHART_TERMS} most frequent words (stopwords, numbers, URLs and the like left out)",
        needs: Needs::Nothing,
        draw: Draw::One(top_terms::draw),
    },
    ChartSpec {
        name: "top-terms-LANG.png",
        about: "the same for the documents whose dominant language is LANG, for each language with at least {LANGUAGE_CHART_SHARE}% of the words",
        needs: Needs::Nothing,
        draw: Draw::Some(top_terms::draw_per_language),
    },
    ChartSpec {
        name: "top-ngrams.png",
        about: "the {TOP_NGRAMS} most frequent bigrams and trigrams that hold at least one word other than a stopword",
        needs: Needs::Nothing,
        draw: Draw::One(top_ngrams::draw),
    },
    ChartSpec {
        name: "languages.png",
        about: "the corpus' words per language (the {LANGUAGE_BARS} largest by name, with their shares; the rest as one bar), and the {MIXED_DOCUMENTS} documents that mix languages most: one minus the share of a document's main language among its words of a told language (`und` left out), largest first; colours are Okabe-Ito for the 7 largest languages, the same for a language in every chart; dark grey for `und`, light grey for the rest, which the legend names as one entry (\"143 other languages\")",
        needs: Needs::Nothing,
        draw: Draw::One(languages::draw),
    },
    ChartSpec {
        name: "zipf.png",
        about: "frequency against rank, log-log, at log-spaced ranks, with the least-squares line and its exponent",
        needs: Needs::Nothing,
        draw: Draw::One(zipf::draw),
    },
    ChartSpec {
        name: "heaps.png",
        about: "distinct terms against tokens read, on log-log axes, with the fitted V = K·n^β: fitted by least squares of ln V on ln n for n ≥ N/100 (`heaps_k`, `heaps_beta`), it is the straight line of this space, drawn over the tokens it was fitted on; it stops where it leaves the plot",
        needs: Needs::Nothing,
        draw: Draw::One(heaps::draw),
    },
    ChartSpec {
        name: "cooccurrence.png",
        about: "NPMI between the {HEATMAP_WORDS} most frequent words (the scope's counts; grey where a pair never co-occurs), with its colour scale from −1 (red) to +1 (blue)",
        needs: Needs::Nothing,
        draw: Draw::One(cooccurrence::draw),
    },
    ChartSpec {
        name: "lengths.png",
        about: "histogram of document lengths in tokens, on a logarithmic axis (8 bins per tenfold; documents of 0 tokens counted with 1)",
        needs: Needs::Nothing,
        draw: Draw::One(lengths::draw),
    },
    ChartSpec {
        name: "code-switching.png",
        about: "language switches between consecutive sentences, from the row's language to the column's, among the languages with at least 1% of the words (the caption counts the switches left out)",
        needs: Needs::Nothing,
        draw: Draw::One(code_switching::draw),
    },
    ChartSpec {
        name: "duplicates.png",
        about: "the share of documents beyond the first of each cluster of duplicates, exact (dark) and near with the exact ones (pale), for the corpus and, with `--group-by`, each group among its own documents (the first {GROUPS_CHART_ROWS} by name)",
        needs: Needs::Nothing,
        draw: Draw::Some(quality::draw_duplicates),
    },
    ChartSpec {
        name: "quality.png",
        about: "each quality signal that is a share (quality.csv): its 5th to 95th percentile over the documents (pale) and its median (dark), on an axis from 0 to 100% (a symbol ratio above 1 is drawn at 1); then the share of the documents each rule applies to that it would drop, and of all documents that fail any",
        needs: Needs::Nothing,
        draw: Draw::Some(quality::draw),
    },
    ChartSpec {
        name: "groups.png",
        about: "with `--group-by`: the language shares of each group (of the {GROUPS_CHART_ROWS} largest by tokens when there are more; `groups.csv` has them all), in name order; groups by language are named as the languages are",
        needs: Needs::Groups,
        draw: Draw::Some(groups::draw),
    },
    ChartSpec {
        name: "keyness-GROUP.png",
        about: "with `--group-by` (groups by language named as the languages are): the {KEYNESS_BARS} most over-used and {KEYNESS_BARS} most under-used terms of each of the {KEYNESS_CHARTS} largest groups of {KEYNESS_CHART_MIN_TOKENS} tokens or more, by log-likelihood; solid bars where p < {SIGNIFICANT_BELOW} (G² ≥ 15.13), pale ones otherwise (`keyness.csv` has every group)",
        needs: Needs::Groups,
        draw: Draw::Some(keyness::draw_largest_groups),
    },
    ChartSpec {
        name: "trends.png",
        about: "with `--time-field`: the tokens of each period (trends.csv), and below them each period's language shares, stacked, coloured as in languages.png",
        needs: Needs::Dates,
        draw: Draw::Some(trends::draw),
    },
    ChartSpec {
        name: "trend-terms.png",
        about: "with `--time-field`: the {TREND_CHART_TERMS} strongest rising words (left) and falling words (right) of trend_terms.csv, a chart each of its per-million frequency in every period (the values, not a smoothed line), captioned with its relative slope and adjusted p-value",
        needs: Needs::Dates,
        draw: Draw::Some(trends::draw_terms),
    },
];

/// The keyness chart of one target, as `keyness.png` (for `corpstat compare`).
pub fn render_keyness(report: &Report, target: &str, corpus: &str) -> Result<Chart, ChartError> {
    keyness::draw(report, target, corpus, "keyness.png")
}

/// Every chart of the report, in the order of [`CHARTS`].
pub fn render_charts(report: &Report, corpus: &str) -> Result<Vec<Chart>, ChartError> {
    use rayon::prelude::*;
    // Charts are drawn in parallel and kept in this order.
    let drawn: Vec<Result<Vec<Chart>, ChartError>> = CHARTS
        .par_iter()
        .map(|spec| match spec.draw {
            Draw::One(draw) => Ok(vec![draw(report, corpus, spec.name)?]),
            Draw::Some(draw) => draw(report, corpus),
        })
        .collect();
    let mut charts = Vec::new();
    for chart in drawn {
        charts.extend(chart?);
    }
    Ok(charts)
}
