//! `top-ngrams.png`: the most frequent bigrams and trigrams, as bars.

use super::plot::{bars, render, Scale};
use super::{Chart, ChartError};
use crate::report::Report;

pub(super) fn draw(report: &Report, corpus: &str, name: &str) -> Result<Chart, ChartError> {
    let data = &report.chart_data;
    let rows = (data.top_bigrams.len() + data.top_trigrams.len()).max(2) as u32;
    let (png, missing) = render(name, 220 + 30 * rows, |root| {
        let share = data.top_bigrams.len().max(1) as f64
            / (data.top_bigrams.len() + data.top_trigrams.len()).max(2) as f64;
        let split = (root.dim_in_pixel().1 as f64 * share) as u32;
        let (upper, lower) = root.split_vertically(split.max(120));
        bars(
            &upper,
            "Top bigrams",
            corpus,
            &data.top_bigrams,
            "count",
            Scale::Linear,
        )?;
        bars(
            &lower,
            "Top trigrams",
            corpus,
            &data.top_trigrams,
            "count",
            Scale::Linear,
        )?;
        Ok(())
    })?;
    Ok(Chart {
        name: name.into(),
        title: "Top bigrams and trigrams".into(),
        png,
        missing,
    })
}
