//! `zipf.png`: frequency against rank on log-log axes, with the fitted exponent.

use plotters::prelude::*;

use super::plot::{
    font, log_count_labels, no_data, render, title_font, BAR, FIT, LABEL_PX, TICK_PX,
};
use super::{Chart, ChartError};
use crate::report::Report;

pub(super) fn draw(report: &Report, corpus: &str, name: &str) -> Result<Chart, ChartError> {
    let data = &report.chart_data;
    let max_rank = data.zipf_points.last().map_or(2, |p| p.0.max(2)) as f64;
    let max_count = data.zipf_points.first().map_or(2, |p| p.1.max(2)) as f64;
    let (png, missing) = render(name, 640, |root| {
        if data.zipf_points.is_empty() {
            return no_data(
                root,
                &format!("Zipf: frequency against rank — {corpus}"),
                "No data: the corpus has no terms.",
            );
        }
        let mut chart = ChartBuilder::on(root)
            .caption(
                format!("Zipf: frequency against rank — {corpus}"),
                title_font(),
            )
            .margin(20)
            .x_label_area_size(64)
            .y_label_area_size(100)
            .build_cartesian_2d(
                (1f64..max_rank * 1.2).log_scale(),
                (0.8f64..max_count * 1.5).log_scale(),
            )?;
        chart
            .configure_mesh()
            .x_desc("rank")
            .y_desc("frequency")
            .axis_desc_style(font(LABEL_PX))
            .label_style(font(TICK_PX))
            // Powers of ten only, and no band of minor lines between them.
            .x_label_formatter(&log_count_labels())
            .y_label_formatter(&log_count_labels())
            .light_line_style(WHITE)
            .draw()?;
        chart
            .draw_series(LineSeries::new(
                data.zipf_points.iter().map(|&(r, c)| (r as f64, c as f64)),
                BAR.stroke_width(2),
            ))?
            .label("terms")
            .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], BAR.stroke_width(2)));
        if let Some((a, b)) = data.zipf_fit {
            chart
                .draw_series(LineSeries::new(
                    [1.0, max_rank]
                        .into_iter()
                        .map(|r| (r, (a + b * r.ln()).exp())),
                    FIT.stroke_width(2),
                ))?
                .label(format!("least-squares fit, exponent s = {:.3}", -b))
                .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], FIT.stroke_width(2)));
        }
        chart
            .configure_series_labels()
            .label_font(font(LABEL_PX))
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK.mix(0.3))
            .draw()?;
        Ok(())
    })?;
    Ok(Chart {
        name: name.into(),
        title: "Zipf's law: frequency against rank, with the fitted line".into(),
        png,
        missing,
    })
}
