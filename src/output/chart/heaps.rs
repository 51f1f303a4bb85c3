//! `heaps.png`: vocabulary growth V(n) over the token stream, with the fitted
//! Heaps law.

use plotters::prelude::*;

use super::plot::{font, render, title_font, BAR, FIT};
use super::{Chart, ChartError};
use crate::report::Report;

pub(super) fn draw(report: &Report, corpus: &str, name: &str) -> Result<Chart, ChartError> {
    let data = &report.chart_data;
    let s = &report.summary;
    let max_n = data.heaps_points.last().map_or(1, |p| p.0.max(1)) as f64;
    let max_v = data.heaps_points.last().map_or(1, |p| p.1.max(1)) as f64;
    let png = render(name, (900, 640), |root| {
        let mut chart = ChartBuilder::on(root)
            .caption(format!("Heaps: vocabulary growth — {corpus}"), title_font())
            .margin(20)
            .x_label_area_size(50)
            .y_label_area_size(80)
            .build_cartesian_2d(0f64..max_n, 0f64..max_v * 1.1)?;
        chart
            .configure_mesh()
            .x_desc("tokens read (documents in order)")
            .y_desc("distinct terms")
            .axis_desc_style(font(16))
            .label_style(font(14))
            .draw()?;
        chart
            .draw_series(LineSeries::new(
                data.heaps_points.iter().map(|&(n, v)| (n as f64, v as f64)),
                BAR.stroke_width(2),
            ))?
            .label("vocabulary")
            .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], BAR.stroke_width(2)));
        if let (Some(k), Some(beta)) = (s.heaps_k, s.heaps_beta) {
            chart
                .draw_series(LineSeries::new(
                    (0..=100).map(|i| {
                        let n = max_n * i as f64 / 100.0;
                        (n, k * n.powf(beta))
                    }),
                    FIT.stroke_width(2),
                ))?
                .label(format!("fit: V = {k:.2} · n^{beta:.3}"))
                .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], FIT.stroke_width(2)));
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::LowerRight)
            .label_font(font(15))
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK.mix(0.3))
            .draw()?;
        Ok(())
    })?;
    Ok(Chart {
        name: name.into(),
        title: "Heaps' law: vocabulary growth, with the fitted curve".into(),
        png,
    })
}
