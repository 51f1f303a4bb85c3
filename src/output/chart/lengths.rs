//! `lengths.png`: the distribution of document lengths in tokens.

use plotters::prelude::*;

use super::plot::{font, render, title_font, BAR};
use super::{Chart, ChartError};
use crate::report::Report;

pub(super) fn draw(report: &Report, corpus: &str, name: &str) -> Result<Chart, ChartError> {
    let tokens: Vec<u64> = report.documents.iter().map(|d| d.tokens).collect();
    let max = tokens.iter().copied().max().unwrap_or(0);
    let bins = 30u64;
    let width = (max / bins + 1).max(1);
    let mut counts = vec![0u64; bins as usize + 1];
    for t in &tokens {
        counts[(t / width) as usize] += 1;
    }
    let top = counts.iter().copied().max().unwrap_or(1).max(1);
    let png =
        render(name, (900, 600), |root| {
            let mut chart = ChartBuilder::on(root)
                .caption(format!("Document lengths — {corpus}"), title_font())
                .margin(20)
                .x_label_area_size(50)
                .y_label_area_size(60)
                .build_cartesian_2d(0u64..width * (bins + 1), 0u64..top + top / 10 + 1)?;
            chart
                .configure_mesh()
                .x_desc("tokens per document")
                .y_desc("documents")
                .axis_desc_style(font(16))
                .label_style(font(14))
                .x_label_formatter(&|v| crate::output::grouped(i128::from(*v)))
                .y_label_formatter(&|v| crate::output::grouped(i128::from(*v)))
                .draw()?;
            chart.draw_series(counts.iter().enumerate().filter(|(_, &c)| c > 0).map(
                |(i, &c)| {
                    let x0 = i as u64 * width;
                    let mut bar = Rectangle::new([(x0, 0), (x0 + width, c)], BAR.filled());
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
    })
}
