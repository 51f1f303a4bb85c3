//! `lengths.png`: the distribution of document lengths in tokens.

use plotters::prelude::*;

use super::plot::{font, log_count_labels, no_data, render, title_font, BAR, LABEL_PX, TICK_PX};
use super::{Chart, ChartError};
use crate::report::Report;

/// Bins per tenfold of length: the histogram's x axis is logarithmic, so that a few
/// very long documents do not squeeze the rest into the first bar.
const BINS_PER_DECADE: f64 = 8.0;

/// The bin of a document of `tokens` tokens (documents of 0 tokens go with 1).
fn bin(tokens: u64) -> usize {
    ((tokens.max(1) as f64).log10() * BINS_PER_DECADE).floor() as usize
}

/// The lower edge of bin `k`, in tokens.
fn edge(k: usize) -> f64 {
    10f64.powf(k as f64 / BINS_PER_DECADE)
}

pub(super) fn draw(report: &Report, corpus: &str, name: &str) -> Result<Chart, ChartError> {
    let tokens: Vec<u64> = report.documents.iter().map(|d| d.tokens).collect();
    let max = tokens.iter().copied().max().unwrap_or(0);
    let bins = bin(max) + 1;
    let mut counts = vec![0u64; bins];
    for &t in &tokens {
        counts[bin(t)] += 1;
    }
    let top = counts.iter().copied().max().unwrap_or(1).max(1);
    let title = format!("Document lengths — {corpus}");
    let (png, missing) =
        render(name, 600, |root| {
            if tokens.is_empty() {
                return no_data(root, &title, "No data: the corpus has no documents.");
            }
            let label = log_count_labels();
            let mut chart = ChartBuilder::on(root)
                .caption(&title, title_font())
                .margin(20)
                .x_label_area_size(64)
                .y_label_area_size(100)
                .build_cartesian_2d((1f64..edge(bins)).log_scale(), 0u64..top + top / 10 + 1)?;
            chart
                .configure_mesh()
                .x_desc("tokens per document (logarithmic)")
                .y_desc("documents")
                .axis_desc_style(font(LABEL_PX))
                .label_style(font(TICK_PX))
                .light_line_style(WHITE)
                .x_label_formatter(&|v| label(&v.round()))
                .y_label_formatter(&|v| crate::output::grouped(i128::from(*v)))
                .draw()?;
            chart.draw_series(counts.iter().enumerate().filter(|(_, &c)| c > 0).map(
                |(k, &c)| {
                    let mut bar = Rectangle::new([(edge(k), 0), (edge(k + 1), c)], BAR.filled());
                    bar.set_margin(0, 0, 1, 1);
                    bar
                },
            ))?;
            Ok(())
        })?;
    Ok(Chart {
        name: name.into(),
        title: "Histogram of document lengths in tokens".into(),
        png,
        missing,
    })
}

#[cfg(test)]
mod tests {
    use super::{bin, edge};

    #[test]
    fn bins_are_logarithmic() {
        assert_eq!(bin(0), 0);
        assert_eq!(bin(1), 0);
        assert_eq!(bin(10), 8);
        assert_eq!(bin(100), 16);
        assert!(edge(8) == 10.0 && edge(16) == 100.0);
        // Every length falls within its bin's edges.
        for t in [2u64, 9, 11, 99, 101, 12_345, 20_000] {
            let k = bin(t);
            assert!(edge(k) <= t as f64 && (t as f64) < edge(k + 1), "{t}");
        }
    }
}
