//! `keyness-GROUP.png` (and `keyness.png` for `corpstat compare`): the most key
//! terms of a target against the rest, by log-likelihood.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::groups::file_safe;
use super::language_style::group_label;
use super::plot::{count_label, font, render, title_font, BAR, FIT, LABEL_PX, TICK_PX};
use super::{Chart, ChartError};
use crate::report::{KeynessRow, Report, REST};

/// The bars of the keyness chart of `target`: over-used terms from the top, then
/// under-used ones with the most under-used at the bottom, each with its signed
/// log-likelihood; and the reference they were compared with.
fn diverging_items<'a>(report: &'a Report, target: &str) -> (Vec<(String, f64, f64)>, &'a str) {
    let rows: Vec<&KeynessRow> = report
        .keyness
        .iter()
        .filter(|k| k.target == target)
        .collect();
    let over = rows
        .iter()
        .filter(|k| k.measures.llr > 0.0)
        .take(KEYNESS_BARS);
    let under: Vec<&&KeynessRow> = rows
        .iter()
        .rev()
        .filter(|k| k.measures.llr < 0.0)
        .take(KEYNESS_BARS)
        .collect();
    let reference = rows.first().map_or(REST, |k| k.reference.as_str());
    let item = |k: &KeynessRow| (k.term.clone(), k.measures.llr, k.measures.p_value);
    let items = over
        .map(|k| item(k))
        .chain(under.iter().rev().map(|k| item(k)))
        .collect();
    (items, reference)
}

/// Terms of each side of a keyness chart: over-used and under-used.
pub const KEYNESS_BARS: usize = 20;

/// Bars of terms whose p-value is below this are solid, the others pale: with
/// thousands of terms tested, 0.0001 (G² ≥ 15.13) is the level Rayson recommends for
/// keyness.
pub const SIGNIFICANT_BELOW: f64 = 0.0001;

/// `color` at 35% over white.
fn mixed_with_white(color: RGBColor) -> RGBColor {
    let mix = |c: u8| (255.0 - (255.0 - f64::from(c)) * 0.35).round() as u8;
    RGBColor(mix(color.0), mix(color.1), mix(color.2))
}

/// Diverging bars: the top [`KEYNESS_BARS`] over-used (right, by llr) and as many
/// under-used (left) terms.
pub(super) fn draw(
    report: &Report,
    target: &str,
    corpus: &str,
    file_name: &str,
) -> Result<Chart, ChartError> {
    let (items, reference) = diverging_items(report, target);
    let (target_name, reference_name) =
        (group_label(report, target), group_label(report, reference));
    let n = items.len().max(1);
    let extent = items.iter().map(|i| i.1.abs()).fold(1.0f64, f64::max) * 1.1;
    let (png, missing) = render(file_name, 170 + 28 * n as u32, |root| {
        let mut chart = ChartBuilder::on(root)
            .caption(
                format!("Keywords of {target_name} against {reference_name} — {corpus}"),
                title_font(),
            )
            .margin(16)
            .x_label_area_size(60)
            .y_label_area_size(10)
            .build_cartesian_2d(-extent..extent, (0..n - 1).into_segmented())?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .disable_y_axis()
            .light_line_style(WHITE)
            .x_label_style(font(TICK_PX))
            .x_label_formatter(&|v| count_label(*v))
            .x_desc("log-likelihood (right: over-used in the target; left: under-used; pale: p ≥ 0.0001)")
            .axis_desc_style(font(LABEL_PX))
            .draw()?;
        for (i, (term, llr, p_value)) in items.iter().enumerate() {
            let y = n - 1 - i;
            let color = if *llr > 0.0 { BAR } else { FIT };
            // Significant bars solid, the others pale.
            let color = if *p_value < SIGNIFICANT_BELOW {
                color
            } else {
                mixed_with_white(color)
            };
            let mut bar = Rectangle::new(
                [
                    (0.0, SegmentValue::Exact(y)),
                    (*llr, SegmentValue::Exact(y + 1)),
                ],
                color.filled(),
            );
            bar.set_margin(2, 2, 0, 0);
            chart.plotting_area().draw(&bar)?;
            // The label sits beside the bar's root, on the other side of zero.
            let (h, x) = if *llr > 0.0 {
                (HPos::Right, -extent * 0.01)
            } else {
                (HPos::Left, extent * 0.01)
            };
            let style = font(LABEL_PX).pos(Pos::new(h, VPos::Center));
            chart.plotting_area().draw(&Text::new(
                term.clone(),
                (x, SegmentValue::CenterOf(y)),
                style,
            ))?;
        }
        Ok(())
    })?;
    Ok(Chart {
        name: file_name.to_string(),
        title: format!(
            "Keywords of {target_name} against {reference_name}: log-likelihood, over-used and under-used"
        ),
        png,
        missing,
    })
}

/// Tokens a group needs for a keyness chart: below this, its keywords are a handful
/// of counts of 1 and 2 (`keyness.csv` still lists them).
pub const KEYNESS_CHART_MIN_TOKENS: u64 = 500;

/// Groups with a keyness chart, at most: the largest by tokens.
pub const KEYNESS_CHARTS: usize = 6;

/// The keyness charts of the (at most [`KEYNESS_CHARTS`]) largest groups of
/// [`KEYNESS_CHART_MIN_TOKENS`] tokens or more.
pub(super) fn draw_largest_groups(report: &Report, corpus: &str) -> Result<Vec<Chart>, ChartError> {
    let mut charts = Vec::new();
    let mut largest: Vec<&crate::report::GroupRow> = report
        .groups
        .iter()
        .filter(|g| g.tokens >= KEYNESS_CHART_MIN_TOKENS)
        .collect();
    largest.sort_by(|a, b| b.tokens.cmp(&a.tokens).then_with(|| a.group.cmp(&b.group)));
    largest.truncate(KEYNESS_CHARTS);
    largest.sort_by(|a, b| a.group.cmp(&b.group));
    for g in largest {
        if report.keyness.iter().any(|k| k.target == g.group) {
            let name = format!("keyness-{}.png", file_safe(&g.group));
            charts.push(draw(report, &g.group, corpus, &name)?);
        }
    }
    Ok(charts)
}
