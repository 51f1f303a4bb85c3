//! `top-terms.png` and `top-terms-LANG.png`: the most frequent words of the corpus,
//! and of the documents of each language with a large enough share of the words.

use super::{plot, Chart, ChartError};
use crate::report::Report;

/// `top-terms.png`.
pub(super) fn draw(report: &Report, corpus: &str, name: &str) -> Result<Chart, ChartError> {
    let data = &report.chart_data;
    plot::bar_chart(name, "Top words", corpus, &data.top_terms, "count")
}

/// `top-terms-LANG.png`, for each language of the chart data.
pub(super) fn draw_per_language(report: &Report, corpus: &str) -> Result<Vec<Chart>, ChartError> {
    let data = &report.chart_data;
    data.language_top_terms
        .iter()
        .map(|(code, share, items)| {
            let name = format!("top-terms-{code}.png");
            let title = format!(
                "Top words of {} documents ({:.0}% of the words)",
                super::language_style::language_name(code),
                share * 100.0
            );
            plot::bar_chart(&name, &title, corpus, items, "count")
        })
        .collect()
}
