//! What the charts share: the drawing area with its shaped-text backend, fonts,
//! colors, PNG encoding, horizontal bars and stacked shares.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::backend::ShapedBackend;
use super::{Chart, ChartError};
use crate::report::Ranked;

pub(super) type Area<'a> = DrawingArea<ShapedBackend<'a>, Shift>;
type DrawResult = Result<(), Box<dyn std::error::Error>>;
pub(super) const BAR: RGBColor = RGBColor(46, 109, 164);
pub(super) const FIT: RGBColor = RGBColor(214, 96, 77);
pub(super) const TEXT: RGBColor = RGBColor(40, 40, 40);

pub(super) fn font(size: u32) -> TextStyle<'static> {
    ("sans-serif", size).into_font().color(&TEXT)
}

pub(super) fn title_font() -> TextStyle<'static> {
    ("sans-serif", 26)
        .into_font()
        .style(FontStyle::Bold)
        .color(&TEXT)
}

/// Draws a chart of `size` pixels with `draw` and encodes it as PNG.
pub(super) fn render(
    name: &str,
    size: (u32, u32),
    draw: impl FnOnce(&Area) -> DrawResult,
) -> Result<Vec<u8>, ChartError> {
    let error = |message: String| ChartError {
        name: name.to_string(),
        message,
    };
    let mut pixels = vec![255u8; size.0 as usize * size.1 as usize * 3];
    {
        let root = ShapedBackend::with_buffer(&mut pixels, size).into_drawing_area();
        root.fill(&WHITE).map_err(|e| error(e.to_string()))?;
        draw(&root).map_err(|e| error(e.to_string()))?;
        root.present().map_err(|e| error(e.to_string()))?;
    }
    let mut png = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut png, size.0, size.1);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Best);
        encoder.set_adaptive_filter(png::AdaptiveFilterType::Adaptive);
        let mut writer = encoder.write_header().map_err(|e| error(e.to_string()))?;
        writer
            .write_image_data(&pixels)
            .map_err(|e| error(e.to_string()))?;
    }
    Ok(png)
}

/// Horizontal bars, the largest at the top, labels as written (shaped, bidi-ordered).
pub(super) fn bars(
    area: &Area,
    title: &str,
    corpus: &str,
    items: &[(String, u64)],
    value_label: &str,
) -> DrawResult {
    if items.is_empty() {
        return no_data(
            area,
            &format!("{title} — {corpus}"),
            "No data: nothing of this kind in the corpus.",
        );
    }
    let n = items.len().max(1);
    let max = items.iter().map(|i| i.1).max().unwrap_or(1).max(1) as f64;
    let label_width = label_width(area, items.iter().map(|(l, _)| l.as_str()), 16);
    let mut chart = ChartBuilder::on(area)
        .caption(format!("{title} — {corpus}"), title_font())
        .margin(16)
        .x_label_area_size(44)
        .y_label_area_size(label_width.clamp(60, 420))
        .build_cartesian_2d(0f64..max * 1.08, (0..n - 1).into_segmented())?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(n)
        .y_label_style(font(16))
        .x_label_style(font(14))
        .y_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) => items
                .get(n - 1 - *i)
                .map(|x| x.0.clone())
                .unwrap_or_default(),
            _ => String::new(),
        })
        // Counts are whole: no label between two whole numbers.
        .x_label_formatter(&|v| count_label(*v))
        .x_desc(value_label)
        .axis_desc_style(font(16))
        .draw()?;
    chart.draw_series(items.iter().enumerate().map(|(i, (_, v))| {
        let y = n - 1 - i;
        let mut bar = Rectangle::new(
            [
                (0.0, SegmentValue::Exact(y)),
                (*v as f64, SegmentValue::Exact(y + 1)),
            ],
            BAR.filled(),
        );
        bar.set_margin(3, 3, 0, 0);
        bar
    }))?;
    Ok(())
}

pub(super) fn bar_chart(
    name: &str,
    title: &str,
    corpus: &str,
    items: &Ranked,
    value_label: &str,
) -> Result<Chart, ChartError> {
    let height = 140 + 30 * items.len().max(1) as u32;
    let png = render(name, (1000, height), |root| {
        bars(root, title, corpus, items, value_label)
    })?;
    Ok(Chart {
        name: name.to_string(),
        title: title.to_string(),
        png,
    })
}

/// Stacked horizontal bars of shares (0 to 1), one bar per row, the first row on top,
/// with the legend beside the plot, outside it.
pub(super) fn stacked_shares(
    area: &Area,
    caption: &str,
    caption_style: TextStyle,
    rows: &[(String, Vec<(RGBColor, f64)>)],
    legend: &[(String, RGBColor)],
    x_desc: &str,
) -> DrawResult {
    let n = rows.len().max(1);
    let area = area.titled(caption, caption_style)?;
    let legend_width = label_width(&area, legend.iter().map(|(l, _)| l.as_str()), 14) + 40;
    let width = area.dim_in_pixel().0;
    let (plot_area, legend_area) =
        area.split_horizontally(width.saturating_sub(legend_width.min(width / 3)));
    let label_width = label_width(&plot_area, rows.iter().map(|(label, _)| label.as_str()), 14);
    let mut chart = ChartBuilder::on(&plot_area)
        .margin(16)
        .x_label_area_size(40)
        .y_label_area_size(label_width.clamp(60, 360))
        .build_cartesian_2d(0f64..1f64, (0..n - 1).into_segmented())?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(n)
        .y_label_style(font(14))
        .y_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) => rows
                .get(n - 1 - *i)
                .map(|r| r.0.clone())
                .unwrap_or_default(),
            _ => String::new(),
        })
        .x_labels(6)
        .x_label_formatter(&|v| format!("{:.0}%", v * 100.0))
        .x_desc(x_desc)
        .axis_desc_style(font(14))
        .label_style(font(14))
        .draw()?;
    for (i, (_, parts)) in rows.iter().enumerate() {
        let y = n - 1 - i;
        let mut start = 0.0;
        for &(color, share) in parts.iter().filter(|p| p.1 > 0.0) {
            let end = (start + share).min(1.0);
            let mut bar = Rectangle::new(
                [
                    (start, SegmentValue::Exact(y)),
                    (end, SegmentValue::Exact(y + 1)),
                ],
                color.filled(),
            );
            bar.set_margin(3, 3, 0, 0);
            chart.plotting_area().draw(&bar)?;
            start = end;
        }
    }
    for (i, (label, color)) in legend.iter().enumerate() {
        let y = 24 + 24 * i as i32;
        legend_area.draw(&Rectangle::new([(8, y - 7), (22, y + 7)], color.filled()))?;
        legend_area.draw(&Text::new(label.as_str(), (30, y - 8), font(14)))?;
    }
    Ok(())
}

/// A chart with nothing to draw: its title and `message`, which says why.
pub(super) fn no_data(area: &Area, title: &str, message: &str) -> DrawResult {
    let area = area.titled(title, title_font())?;
    let (width, height) = area.dim_in_pixel();
    let style = font(26).pos(Pos::new(HPos::Center, VPos::Center));
    area.draw(&Text::new(
        message,
        ((width / 2) as i32, (height / 2) as i32),
        style,
    ))?;
    Ok(())
}

/// The Okabe-Ito colours, which readers with any common colour-vision deficiency
/// tell apart, in the order languages get them: blue and orange, the most distinct
/// pair, for the two largest.
const OKABE_ITO: [RGBColor; 7] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(213, 94, 0),
    RGBColor(240, 228, 66),
];
/// `und`, and languages past the seventh: grey, which no Okabe-Ito colour is.
const OTHER: RGBColor = RGBColor(153, 153, 153);

/// The color of the i-th language (languages ordered by corpus words); `und` is
/// always grey.
fn palette(i: usize, code: &str) -> RGBColor {
    if code == "und" {
        return OTHER;
    }
    OKABE_ITO.get(i).copied().unwrap_or(OTHER)
}

/// The corpus' languages, most words first (ties by code), each with its colour:
/// every chart gives a language the same colour.
pub(super) fn language_colors(report: &crate::report::Report) -> Vec<(String, RGBColor)> {
    let mut order: Vec<(&String, u64)> = report
        .summary
        .languages
        .iter()
        .map(|(c, s)| (c, s.words))
        .collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    order
        .into_iter()
        .enumerate()
        .map(|(i, (code, _))| (code.clone(), palette(i, code)))
        .collect()
}

/// The colour `colors` (from [`language_colors`]) gives `code`.
pub(super) fn color_of(colors: &[(String, RGBColor)], code: &str) -> RGBColor {
    colors
        .iter()
        .find(|(c, _)| c == code)
        .map_or(OTHER, |&(_, color)| color)
}

/// A language as charts name it: its English name ("Persian"), or the code when
/// corpstat has no name for it.
pub(super) fn language_name(code: &str) -> String {
    crate::language::Lang::parse(code)
        .and_then(crate::language::Lang::english_name)
        .map_or_else(|| code.to_string(), str::to_string)
}

/// An axis label for a count: whole values with thousands separators ("12,500"),
/// nothing between two whole numbers.
pub(super) fn count_label(v: f64) -> String {
    if v.fract() == 0.0 {
        crate::output::grouped(v as i128)
    } else {
        String::new()
    }
}

/// The width of the widest of `labels` at `size` pixels, plus a margin: the room a
/// chart leaves for its labels (40 when there are none).
pub(super) fn label_width<'a>(
    area: &Area,
    labels: impl Iterator<Item = &'a str>,
    size: u32,
) -> u32 {
    labels
        .map(|label| {
            area.estimate_text_size(label, &font(size))
                .map(|s| s.0)
                .unwrap_or(0)
        })
        .max()
        .unwrap_or(40)
        + 16
}
