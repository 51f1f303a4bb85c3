//! `quality.png`: each quality signal's spread over the documents and the share of
//! documents each published rule would drop; `duplicates.png`: the exact and near
//! duplicate shares of the corpus and of each group. Both are drawn from
//! `summary.json`'s figures, so the chart says what a `check` rule reads.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::groups::GROUPS_CHART_ROWS;
use super::language_style::group_label;
use super::plot::{font, label_width, render, row_label, title_font, Area, BAR, LABEL_PX, TICK_PX};
use super::{Chart, ChartError};
use crate::report::{Report, RULES, SIGNALS};

/// The pale colour of a range or of a second bar.
const PALE: RGBColor = RGBColor(158, 195, 226);

/// Signals that are not shares (0 to 1), and so not on the chart's axis.
const NOT_SHARES: &[&str] = &["words", "mean_word_length"];

/// One row of a [`share_rows`] panel: its label, a pale range, a solid bar or
/// mark, and the text written after it.
struct Row {
    label: String,
    /// From, to: drawn pale (a signal's 5th to 95th percentile, a near share).
    pale: Option<(f64, f64)>,
    /// From, to: drawn solid (a median mark, a share).
    solid: Option<(f64, f64)>,
    text: String,
}

type DrawResult = Result<(), Box<dyn std::error::Error>>;

/// How a [`share_rows`] panel is laid out.
struct Panel<'a> {
    caption: &'a str,
    x_desc: &'a str,
    /// The largest share on the axis (1 for 100%).
    top: f64,
    /// The pixels left for the row labels: the same in panels drawn one above
    /// the other, so that their axes line up.
    labels_px: u32,
}

/// The smallest of 1%, 2%, 5%, 10%, 20%, 50% and 100% at or above `share`: an
/// axis on which a few percent of duplicates are bars, not slivers.
fn axis_top(share: f64) -> f64 {
    [0.01, 0.02, 0.05, 0.1, 0.2, 0.5]
        .into_iter()
        .find(|&top| share <= top)
        .unwrap_or(1.0)
}

/// The pixels the widest label of `rows` needs.
fn labels_px(area: &Area, rows: &[&Row]) -> u32 {
    label_width(area, rows.iter().map(|r| r.label.as_str()), LABEL_PX).clamp(60, 360)
}

/// Rows on an axis of shares from 0 to `panel.top`, the first on top.
fn share_rows(area: &Area, panel: &Panel, rows: &[Row]) -> DrawResult {
    let n = rows.len().max(1);
    let top = panel.top;
    let mut chart = ChartBuilder::on(area)
        .caption(panel.caption, font(LABEL_PX + 4))
        .margin(16)
        .x_label_area_size(50)
        .y_label_area_size(panel.labels_px)
        .build_cartesian_2d(0f64..top * 1.12, (0..n - 1).into_segmented())?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(WHITE)
        .y_labels(n)
        .y_label_style(font(LABEL_PX))
        .y_label_formatter(&|v| row_label(v, n, |i| rows.get(i).map(|r| r.label.clone())))
        .x_labels(6)
        .x_label_formatter(&|v| {
            if *v <= top + 1e-9 {
                percent_label(*v)
            } else {
                String::new()
            }
        })
        .x_desc(panel.x_desc)
        .axis_desc_style(font(LABEL_PX))
        .x_label_style(font(TICK_PX))
        .draw()?;
    let text_style = font(TICK_PX).pos(Pos::new(HPos::Left, VPos::Center));
    for (i, row) in rows.iter().enumerate() {
        let y = n - 1 - i;
        let span = |(from, to): (f64, f64), color: RGBColor| {
            let mut bar = Rectangle::new(
                [
                    (from.clamp(0.0, top), SegmentValue::Exact(y)),
                    (to.clamp(0.0, top), SegmentValue::Exact(y + 1)),
                ],
                color.filled(),
            );
            bar.set_margin(5, 5, 0, 0);
            bar
        };
        let mut end = 0f64;
        if let Some(pale) = row.pale {
            chart.plotting_area().draw(&span(pale, PALE))?;
            end = end.max(pale.1);
        }
        if let Some(solid) = row.solid {
            chart.plotting_area().draw(&span(solid, BAR))?;
            end = end.max(solid.1);
        }
        chart.plotting_area().draw(&Text::new(
            row.text.clone(),
            (end.min(top) + top * 0.01, SegmentValue::CenterOf(y)),
            text_style.clone(),
        ))?;
    }
    Ok(())
}

/// A share as a percentage with one decimal.
fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

/// An axis label: a percentage, with a decimal only where the axis needs one.
fn percent_label(share: f64) -> String {
    let percent = share * 100.0;
    if (percent - percent.round()).abs() < 1e-9 {
        format!("{percent:.0}%")
    } else {
        format!("{percent:.1}%")
    }
}

/// `quality.png`, when the report has the quality figures.
pub(super) fn draw(report: &Report, corpus: &str) -> Result<Vec<Chart>, ChartError> {
    let Some(quality) = &report.summary().quality else {
        return Ok(Vec::new());
    };
    let figures = &quality.corpus;
    // A mark of the median, as wide as a pixel or two at this scale.
    const MARK: f64 = 0.003;
    let signals: Vec<Row> = SIGNALS
        .iter()
        .filter(|s| !NOT_SHARES.contains(&s.name))
        .filter_map(|s| {
            let p = figures.signals.get(s.name)?;
            let (p5, median, p95) = (p.p5?, p.median?, p.p95?);
            Some(Row {
                label: s.name.to_string(),
                pale: Some((p5, p95.max(p5 + MARK))),
                solid: Some((median - MARK, median + MARK)),
                text: format!("median {}", percent(median)),
            })
        })
        .collect();
    let mut rules = vec![Row {
        label: "any rule".to_string(),
        pale: None,
        solid: figures.any_rule.share.map(|s| (0.0, s)),
        text: figures.any_rule.share.map(percent).unwrap_or_default(),
    }];
    rules.extend(RULES.iter().map(|rule| {
        let share = figures.rules.get(rule.name).and_then(|r| r.share);
        Row {
            label: rule.name.to_string(),
            pale: None,
            solid: share.map(|s| (0.0, s)),
            text: share.map_or_else(|| "does not apply".to_string(), percent),
        }
    }));
    let row_px = 26;
    let heights = [
        90 + row_px * signals.len().max(1) as u32,
        90 + row_px * rules.len() as u32,
    ];
    let title = format!("Document quality — {corpus}");
    let (png, missing) = render("quality.png", 50 + heights[0] + heights[1], |root| {
        let area = root.titled(&title, title_font())?;
        let labels = labels_px(&area, &signals.iter().chain(&rules).collect::<Vec<_>>());
        let (top, bottom) = area.split_vertically(heights[0]);
        share_rows(
            &top,
            &Panel {
                caption: "Quality signals over the documents: 5th to 95th percentile (pale), median (dark)",
                x_desc: "share",
                top: 1.0,
                labels_px: labels,
            },
            &signals,
        )?;
        share_rows(
            &bottom,
            &Panel {
                caption: "Documents each published rule would drop",
                x_desc: "share of the documents the rule applies to",
                top: 1.0,
                labels_px: labels,
            },
            &rules,
        )
    })?;
    Ok(vec![Chart {
        name: "quality.png".into(),
        title: "Quality signals and the documents each rule would drop".into(),
        png,
        missing,
    }])
}

/// `duplicates.png`, when the report has the duplicate figures.
pub(super) fn draw_duplicates(report: &Report, corpus: &str) -> Result<Vec<Chart>, ChartError> {
    let Some(duplicates) = &report.summary().duplicates else {
        return Ok(Vec::new());
    };
    let row = |label: String, exact: Option<f64>, near: Option<f64>| Row {
        label,
        pale: near.map(|s| (0.0, s)),
        solid: exact.map(|s| (0.0, s)),
        text: format!(
            "exact {}, near {}",
            exact.map(percent).unwrap_or_default(),
            near.map(percent).unwrap_or_default()
        ),
    };
    let mut rows = vec![row(
        "corpus".to_string(),
        duplicates.exact.document_share,
        duplicates.near.document_share,
    )];
    rows.extend(
        duplicates
            .groups
            .iter()
            .take(GROUPS_CHART_ROWS)
            .map(|(name, group)| {
                row(
                    group_label(report, name),
                    group.exact.document_share,
                    group.near.document_share,
                )
            }),
    );
    let left_out = duplicates.groups.len().saturating_sub(GROUPS_CHART_ROWS);
    let caption = if left_out > 0 {
        format!("Exact (dark), near with the exact (pale); the first {GROUPS_CHART_ROWS} groups by name")
    } else {
        "Exact (dark), and near with the exact (pale)".to_string()
    };
    let top = axis_top(
        rows.iter()
            .filter_map(|r| r.pale.or(r.solid).map(|s| s.1))
            .fold(0.0, f64::max),
    );
    let title = format!("Documents beyond the first of each cluster of duplicates — {corpus}");
    let (png, missing) = render("duplicates.png", 160 + 30 * rows.len() as u32, |root| {
        let area = root.titled(&title, title_font())?;
        let labels = labels_px(&area, &rows.iter().collect::<Vec<_>>());
        share_rows(
            &area,
            &Panel {
                caption: &caption,
                x_desc: "share of the documents (of the group's own, for a group)",
                top,
                labels_px: labels,
            },
            &rows,
        )
    })?;
    Ok(vec![Chart {
        name: "duplicates.png".into(),
        title: "Exact and near duplicate documents".into(),
        png,
        missing,
    }])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_axis_reaches_the_largest_share() {
        assert_eq!(axis_top(0.0), 0.01);
        assert_eq!(axis_top(0.0046), 0.01);
        assert_eq!(axis_top(0.03), 0.05);
        assert_eq!(axis_top(0.5), 0.5);
        assert_eq!(axis_top(0.7), 1.0);
        assert_eq!(percent_label(0.004), "0.4%");
        assert_eq!(percent_label(0.02), "2%");
    }

    #[test]
    fn every_signal_left_off_the_axis_is_a_signal() {
        for name in NOT_SHARES {
            assert!(SIGNALS.iter().any(|s| s.name == *name), "{name}");
        }
    }
}
