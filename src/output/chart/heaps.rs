//! `heaps.png`: vocabulary growth V(n) over the token stream, with the fitted
//! Heaps law.

use plotters::prelude::*;

use super::plot::{
    count_label, font, log_count_labels, no_data, render, title_font, BAR, FIT, LABEL_PX, TICK_PX,
};
use super::{Chart, ChartError};
use crate::measures::lexical::heaps_fit_start;
use crate::report::Report;

pub(super) fn draw(report: &Report, corpus: &str, name: &str) -> Result<Chart, ChartError> {
    let data = &report.chart_data;
    let s = &report.summary;
    let max_n = data.heaps_points.last().map_or(1, |p| p.0.max(1)) as f64;
    let max_v = data.heaps_points.last().map_or(1, |p| p.1.max(1)) as f64;
    let (png, missing) = render(name, 640, |root| {
        if !data.heaps_points.iter().any(|&(n, v)| n >= 1 && v >= 1) {
            return no_data(
                root,
                &format!("Heaps: vocabulary growth — {corpus}"),
                "No data: the corpus has no tokens.",
            );
        }
        let mut chart = ChartBuilder::on(root)
            .caption(format!("Heaps: vocabulary growth — {corpus}"), title_font())
            .margin(20)
            .x_label_area_size(64)
            .y_label_area_size(100)
            // Log-log: the fit is a least-squares line in this space (see the
            // report README), so it is drawn where it was fitted.
            .build_cartesian_2d(
                (1f64..max_n * 1.2).log_scale(),
                (1f64..max_v * 1.5).log_scale(),
            )?;
        chart
            .configure_mesh()
            .x_desc("tokens read (documents in order; logarithmic)")
            .y_desc("distinct terms (logarithmic)")
            .axis_desc_style(font(LABEL_PX))
            .label_style(font(TICK_PX))
            .x_label_formatter(&log_count_labels())
            .y_label_formatter(&log_count_labels())
            .light_line_style(WHITE)
            .draw()?;
        chart
            .draw_series(LineSeries::new(
                data.heaps_points
                    .iter()
                    .filter(|&&(n, v)| n >= 1 && v >= 1)
                    .map(|&(n, v)| (n as f64, v as f64)),
                BAR.stroke_width(2),
            ))?
            .label("vocabulary")
            .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], BAR.stroke_width(2)));
        if let (Some(k), Some(beta)) = (s.heaps_k, s.heaps_beta) {
            // Drawn over the tokens it was fitted on, the last two decades.
            let start = heaps_fit_start(max_n as u64) as f64;
            chart
                .draw_series(LineSeries::new(
                    fit_points(k, beta, start, max_n, max_v * 1.5),
                    FIT.stroke_width(3),
                ))?
                .label(format!(
                    "fit on n ≥ {}: V = {k:.2} · n^{beta:.3}",
                    count_label(start)
                ))
                .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], FIT.stroke_width(2)));
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::LowerRight)
            .label_font(font(LABEL_PX))
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK.mix(0.3))
            .draw()?;
        Ok(())
    })?;
    Ok(Chart {
        name: name.into(),
        title: "Heaps' law: vocabulary growth, with the fitted curve".into(),
        png,
        missing,
    })
}

/// The fitted V = k·n^β from `start` to `max_n` (log-spaced), stopped where it
/// leaves the plot at `max_v` (not drawn along the top border, which would look
/// like a levelling off).
fn fit_points(k: f64, beta: f64, start: f64, max_n: f64, max_v: f64) -> Vec<(f64, f64)> {
    let mut points = Vec::with_capacity(102);
    let span = (max_n / start).max(1.0);
    for i in 0..=100 {
        let n = start * span.powf(f64::from(i) / 100.0);
        let v = k * n.powf(beta);
        if v > max_v {
            // Where the curve crosses the top: k·n^β = max_v.
            if k > 0.0 && beta > 0.0 {
                points.push(((max_v / k).powf(1.0 / beta), max_v));
            }
            break;
        }
        points.push((n, v));
    }
    points
}

#[cfg(test)]
mod tests {
    use super::fit_points;

    #[test]
    fn the_fitted_curve_stops_at_the_top_of_the_plot() {
        // V = 2·n^0.5 reaches 10 at n = 25.
        let points = fit_points(2.0, 0.5, 1.0, 100.0, 10.0);
        let last = *points.last().expect("points");
        assert!((last.0 - 25.0).abs() < 1e-9 && last.1 == 10.0, "{last:?}");
        assert!(points.iter().all(|&(_, v)| v <= 10.0));
        let inside = fit_points(2.0, 0.5, 4.0, 16.0, 10.0);
        assert_eq!(inside.len(), 101);
        assert!((inside[0].0 - 4.0).abs() < 1e-9 && (inside[100].0 - 16.0).abs() < 1e-9);
    }
}
