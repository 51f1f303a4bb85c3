//! Charts: PNG images of the report, drawn with plotters through [`backend::ShapedBackend`],
//! whose text is shaped and bidi-ordered (see [`text`]).
//!
//! Adding a chart: a file in this folder with a function `draw(report, corpus,
//! name) -> Result<Chart, ChartError>` (the shared bars, shares and fonts are in
//! `plot.rs`), its data in `crate::report::charts` when it needs more than the
//! report's tables, and one [`ChartSpec`] in [`CHARTS`]; index.html and the report
//! README's list of charts (`src/output/readme/tail.md`) show it.

pub mod backend;
mod code_switching;
mod cooccurrence;
mod groups;
mod heaps;
mod keyness;
mod languages;
mod lengths;
mod plot;
pub mod text;
mod top_ngrams;

pub(crate) use groups::KEYNESS_CHART_MIN_TOKENS;
pub(crate) use keyness::SIGNIFICANT_BELOW;
mod zipf;

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
}

/// One chart of the report that is always drawn: its file name and how to draw it.
/// The charts of a family (`top-terms-LANG.png`, `keyness-GROUP.png`) are drawn by
/// [`render_charts`] itself.
pub struct ChartSpec {
    /// The file name in the report folder.
    pub name: &'static str,
    /// Draws the chart of a report; the arguments are the report, the corpus' name
    /// for the title, and the file name.
    pub draw: fn(&Report, &str, &str) -> Result<Chart, ChartError>,
}

/// The charts every report has, after `top-terms.png` and its per-language
/// charts, in the order they are written and shown.
pub const CHARTS: &[ChartSpec] = &[
    ChartSpec {
        name: "top-ngrams.png",
        draw: top_ngrams::draw,
    },
    ChartSpec {
        name: "languages.png",
        draw: languages::draw,
    },
    ChartSpec {
        name: "zipf.png",
        draw: zipf::draw,
    },
    ChartSpec {
        name: "heaps.png",
        draw: heaps::draw,
    },
    ChartSpec {
        name: "cooccurrence.png",
        draw: cooccurrence::draw,
    },
    ChartSpec {
        name: "lengths.png",
        draw: lengths::draw,
    },
    ChartSpec {
        name: "code-switching.png",
        draw: code_switching::draw,
    },
];

/// The keyness chart of one target, as `keyness.png` (for `corpstat compare`).
pub fn render_keyness(report: &Report, target: &str, corpus: &str) -> Result<Chart, ChartError> {
    keyness::draw(report, target, corpus, "keyness.png")
}

/// Every chart of the report, in a fixed order.
pub fn render_charts(report: &Report, corpus: &str) -> Result<Vec<Chart>, ChartError> {
    use rayon::prelude::*;
    type Draw<'a> = Box<dyn Fn() -> Result<Vec<Chart>, ChartError> + Sync + 'a>;
    let data = &report.chart_data;
    let mut draws: Vec<Draw> = vec![Box::new(|| {
        Ok(vec![plot::bar_chart(
            "top-terms.png",
            "Top words",
            corpus,
            &data.top_terms,
            "count",
        )?])
    })];
    for (code, share, items) in &data.language_top_terms {
        draws.push(Box::new(move || {
            let name = format!("top-terms-{code}.png");
            let title = format!(
                "Top words of {} documents ({:.0}% of the words)",
                plot::language_name(code),
                share * 100.0
            );
            Ok(vec![plot::bar_chart(
                &name, &title, corpus, items, "count",
            )?])
        }));
    }
    draws.extend(CHARTS.iter().map(|spec| -> Draw {
        Box::new(move || Ok(vec![(spec.draw)(report, corpus, spec.name)?]))
    }));
    draws.push(Box::new(|| groups::draw_all(report, corpus)));
    // Charts are drawn in parallel and kept in this order.
    let drawn: Vec<Result<Vec<Chart>, ChartError>> = draws.par_iter().map(|draw| draw()).collect();
    let mut charts = Vec::new();
    for chart in drawn {
        charts.extend(chart?);
    }
    Ok(charts)
}
