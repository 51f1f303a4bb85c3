//! With `--time-field`: `trends.png` (tokens per period, and each period's language
//! mix) and `trend-terms.png` (the strongest rising and falling words, a small
//! chart each of their per-million frequency in every period).

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::language_style::{color_of, language_colors, language_legend};
use super::plot::{
    count_label, draw_legend, font, label_width, no_data, render, title_font, Area, BAR, FIT,
    HEADING_PX, LABEL_PX, TICK_PX,
};
use super::{Chart, ChartError};
use crate::report::{Direction, Report, TrendTermRow};

type DrawResult = Result<(), Box<dyn std::error::Error>>;

/// Rising and falling words in trend-terms.png, at most, each.
pub const TREND_CHART_TERMS: usize = 10;

/// Period labels along an axis, at most.
const PERIOD_LABELS: usize = 12;

/// Past this many periods, the axis has no tick per period (they would merge
/// into a black band).
const TICKED_PERIODS: usize = 60;

/// How many period labels fit along `width` pixels: each as wide as the longest
/// key (about 8 pixels a character at the tick size) and a gap.
fn labels_fitting(keys: &[String], width: u32) -> usize {
    let longest = keys.iter().map(|k| k.chars().count()).max().unwrap_or(4) as u32;
    ((width / (longest * 8 + 24)) as usize).clamp(2, PERIOD_LABELS)
}

/// The label of period `i` of `keys`, when it is one of the every k-th periods
/// that give at most `labels` labels.
fn period_label(value: &SegmentValue<usize>, keys: &[String], labels: usize) -> String {
    let step = keys.len().div_ceil(labels).max(1);
    match value {
        SegmentValue::CenterOf(i) if i % step == 0 => keys.get(*i).cloned().unwrap_or_default(),
        _ => String::new(),
    }
}

/// The tick marks' length under the periods: none past [`TICKED_PERIODS`].
fn period_ticks(keys: &[String]) -> i32 {
    if keys.len() > TICKED_PERIODS {
        0
    } else {
        5
    }
}

/// The bar of period `i` from `from` to `to`, `gap` pixels from its neighbours.
fn period_bar(
    i: usize,
    from: f64,
    to: f64,
    color: RGBColor,
    gap: u32,
) -> Rectangle<(SegmentValue<usize>, f64)> {
    let mut bar = Rectangle::new(
        [
            (SegmentValue::Exact(i), from),
            (SegmentValue::Exact(i + 1), to),
        ],
        color.filled(),
    );
    bar.set_margin(0, 0, gap, gap);
    bar
}

/// trends.png: tokens per period (bars) over each period's language shares
/// (stacked bars), both in time order.
pub(super) fn draw(report: &Report, corpus: &str) -> Result<Vec<Chart>, ChartError> {
    if report.summary.trends.is_none() {
        return Ok(Vec::new());
    }
    let rows = &report.trends.rows;
    let keys: Vec<String> = rows.iter().map(|r| r.period.clone()).collect();
    let n = rows.len().max(1);
    let colors = language_colors(report);
    let languages = &report.trends.languages;
    let legend = language_legend(languages.iter().map(|l| l.code()), &colors);
    let most = rows.iter().map(|r| r.tokens).max().unwrap_or(0).max(1) as f64 * 1.05;
    let (png, missing) = render("trends.png", 760, |root| {
        let root = root.titled(
            &format!("Tokens and languages per period — {corpus}"),
            title_font(),
        )?;
        let (top, bottom) = root.split_vertically(320);
        let mut chart = ChartBuilder::on(&top)
            .margin(16)
            .x_label_area_size(40)
            .y_label_area_size(80)
            .build_cartesian_2d((0..n - 1).into_segmented(), 0f64..most)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(WHITE)
            .x_labels(n)
            .x_label_formatter(&|v| {
                period_label(v, &keys, labels_fitting(&keys, top.dim_in_pixel().0))
            })
            .set_tick_mark_size(LabelAreaPosition::Bottom, period_ticks(&keys))
            .x_label_style(font(TICK_PX))
            .y_labels(5)
            .y_label_formatter(&|v| count_label(v.round()))
            .y_label_style(font(TICK_PX))
            .y_desc("tokens")
            .axis_desc_style(font(LABEL_PX))
            .draw()?;
        for (i, r) in rows.iter().enumerate() {
            let bar = period_bar(i, 0.0, r.tokens as f64, BAR, 2);
            chart.plotting_area().draw(&bar)?;
        }
        shares_over_time(&bottom, report, &keys, &colors, &legend)
    })?;
    Ok(vec![Chart {
        name: "trends.png".into(),
        title: "Tokens and language shares per period".into(),
        png,
        missing,
    }])
}

/// The language shares of each period, stacked, with the legend beside them.
fn shares_over_time(
    area: &Area,
    report: &Report,
    keys: &[String],
    colors: &[(String, RGBColor)],
    legend: &[(String, RGBColor)],
) -> DrawResult {
    let rows = &report.trends.rows;
    let n = rows.len().max(1);
    let legend_width = label_width(area, legend.iter().map(|(l, _)| l.as_str()), LABEL_PX) + 40;
    let width = area.dim_in_pixel().0;
    let (plot_area, legend_area) =
        area.split_horizontally(width.saturating_sub(legend_width.min(width / 3)));
    let mut chart = ChartBuilder::on(&plot_area)
        .margin(16)
        .x_label_area_size(40)
        .y_label_area_size(80)
        .build_cartesian_2d((0..n - 1).into_segmented(), 0f64..1f64)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE)
        .x_labels(n)
        .x_label_formatter(&|v| {
            period_label(v, keys, labels_fitting(keys, plot_area.dim_in_pixel().0))
        })
        .set_tick_mark_size(LabelAreaPosition::Bottom, period_ticks(keys))
        .x_label_style(font(TICK_PX))
        .y_labels(6)
        .y_label_formatter(&|v| format!("{:.0}%", v * 100.0))
        .y_label_style(font(TICK_PX))
        .y_desc("share of the period's words")
        .axis_desc_style(font(LABEL_PX))
        .draw()?;
    for (i, r) in rows.iter().enumerate() {
        let mut start = 0.0;
        for (share, language) in r.shares.iter().zip(&report.trends.languages) {
            if *share <= 0.0 {
                continue;
            }
            let end = (start + share).min(1.0);
            let bar = period_bar(i, start, end, color_of(colors, language.code()), 2);
            chart.plotting_area().draw(&bar)?;
            start = end;
        }
    }
    draw_legend(&legend_area, legend)
}

/// Height of one word's chart in trend-terms.png, in pixels.
const PANEL_HEIGHT: u32 = 160;

/// trend-terms.png: the [`TREND_CHART_TERMS`] strongest rising words (left) and
/// falling words (right), each its per-million frequency per period as bars.
pub(super) fn draw_terms(report: &Report, corpus: &str) -> Result<Vec<Chart>, ChartError> {
    let Some(summary) = &report.summary.trends else {
        return Ok(Vec::new());
    };
    let pick = |direction: Direction| -> Vec<&TrendTermRow> {
        report
            .trends
            .terms
            .iter()
            .filter(|t| t.direction == direction)
            .take(TREND_CHART_TERMS)
            .collect()
    };
    let (rising, falling) = (pick(Direction::Rising), pick(Direction::Falling));
    let keys: Vec<String> = report
        .trends
        .rows
        .iter()
        .map(|r| r.period.clone())
        .collect();
    let panels = rising.len().max(falling.len()).max(1) as u32;
    let title = format!(
        "Words that rose and fell, per {} — {corpus}",
        summary.period.name()
    );
    if let Some(why) = &summary.terms_skipped {
        let (png, missing) = render("trend-terms.png", 260, |root| {
            no_data(root, &title, &format!("No word tested: {why}"))
        })?;
        return Ok(vec![Chart {
            name: "trend-terms.png".into(),
            title: "The strongest rising and falling words, per period".into(),
            png,
            missing,
        }]);
    }
    let (png, missing) = render("trend-terms.png", 110 + panels * PANEL_HEIGHT, |root| {
        let root = root.titled(&title, title_font())?;
        let (left, right) = root.split_horizontally(root.dim_in_pixel().0 / 2);
        for (area, terms, color, side) in [
            (&left, &rising, BAR, "rising"),
            (&right, &falling, FIT, "falling"),
        ] {
            let (heading, body) = area.split_vertically(34);
            let style = font(HEADING_PX).pos(Pos::new(HPos::Center, VPos::Center));
            let label = if terms.is_empty() {
                format!("no word {side} significantly")
            } else {
                format!("{side}, per million words")
            };
            heading.draw(&Text::new(
                label,
                ((heading.dim_in_pixel().0 / 2) as i32, 17),
                style,
            ))?;
            let cells = body.split_evenly((panels as usize, 1));
            for (cell, term) in cells.iter().zip(terms.iter()) {
                term_panel(cell, term, &keys, color)?;
            }
        }
        Ok(())
    })?;
    Ok(vec![Chart {
        name: "trend-terms.png".into(),
        title: "The strongest rising and falling words, per period".into(),
        png,
        missing,
    }])
}

/// One word's per-million frequency in each period, as bars.
fn term_panel(area: &Area, term: &TrendTermRow, keys: &[String], color: RGBColor) -> DrawResult {
    let n = term.per_million.len().max(1);
    let most = term
        .per_million
        .iter()
        .flatten()
        .copied()
        .fold(0.0, f64::max)
        .max(1e-9)
        * 1.1;
    let caption = format!(
        "{}  ({:+.1}% a period, p = {:.1e})",
        term.term,
        term.relative_slope * 100.0,
        term.p_adjusted
    );
    let mut chart = ChartBuilder::on(area)
        .caption(caption, font(LABEL_PX))
        .margin_left(12)
        .margin_right(12)
        .x_label_area_size(26)
        .y_label_area_size(64)
        .build_cartesian_2d((0..n - 1).into_segmented(), 0f64..most)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE)
        .x_labels(n)
        .x_label_formatter(&|v| period_label(v, keys, labels_fitting(keys, area.dim_in_pixel().0)))
        .set_tick_mark_size(LabelAreaPosition::Bottom, period_ticks(keys))
        .x_label_style(font(TICK_PX))
        .y_labels(3)
        .y_label_formatter(&|v| count_label(v.round()))
        .y_label_style(font(TICK_PX))
        .draw()?;
    for (i, value) in term.per_million.iter().enumerate() {
        // A period too small for the word has no bar.
        let Some(value) = *value else { continue };
        chart
            .plotting_area()
            .draw(&period_bar(i, 0.0, value, color, 1))?;
    }
    Ok(())
}
