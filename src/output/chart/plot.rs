//! What the charts share: the drawing area with its shaped-text backend, fonts,
//! colors, PNG encoding, horizontal bars and stacked shares.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::backend::ShapedBackend;
use super::{Chart, ChartError, MissingGlyphs};
use crate::report::Ranked;

pub(super) type Area<'a> = DrawingArea<ShapedBackend<'a>, Shift>;
type DrawResult = Result<(), Box<dyn std::error::Error>>;
pub(super) const BAR: RGBColor = RGBColor(46, 109, 164);
pub(super) const FIT: RGBColor = RGBColor(214, 96, 77);
pub(super) const TEXT: RGBColor = RGBColor(40, 40, 40);

/// Text sizes, in pixels of font size (the em, as a CSS `font-size`; none below
/// [`super::backend::MIN_TEXT_PX`]): a chart's title,
pub(super) const TITLE_PX: u32 = 22;
/// the caption of a panel,
pub(super) const HEADING_PX: u32 = 18;
/// names (bar labels, legends) and axis descriptions,
pub(super) const LABEL_PX: u32 = 14;
/// and tick labels and the numbers in cells.
pub(super) const TICK_PX: u32 = 13;

/// Regular text of `size` pixels.
pub(super) fn font(size: u32) -> TextStyle<'static> {
    ("sans-serif", size).into_font().color(&TEXT)
}

/// Bold text of `size` pixels, for captions.
pub(super) fn bold_font(size: u32) -> TextStyle<'static> {
    ("sans-serif", size)
        .into_font()
        .style(FontStyle::Bold)
        .color(&TEXT)
}

/// A chart's title.
pub(super) fn title_font() -> TextStyle<'static> {
    bold_font(TITLE_PX)
}

/// The width of every chart, in pixels, so that the page lays them out alike.
pub(super) const CHART_WIDTH: u32 = 1000;

/// Draws a chart [`CHART_WIDTH`] wide and `height` pixels tall with `draw` and
/// encodes it as PNG; with it, the characters its labels held that no font has.
pub(super) fn render(
    name: &str,
    height: u32,
    draw: impl FnOnce(&Area) -> DrawResult,
) -> Result<(Vec<u8>, MissingGlyphs), ChartError> {
    let size = (CHART_WIDTH, height);
    let error = |message: String| ChartError {
        name: name.to_string(),
        message,
    };
    let mut pixels = vec![255u8; size.0 as usize * size.1 as usize * 3];
    let missing = std::cell::RefCell::new(MissingGlyphs::default());
    {
        let root = ShapedBackend::with_buffer(&mut pixels, size, &missing).into_drawing_area();
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
    Ok((png, missing.into_inner()))
}

/// The value axis of [`bars`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scale {
    /// From 0.
    Linear,
    /// Logarithmic, from 1: for values that span orders of magnitude, where the
    /// small ones would be bars of no width.
    Log,
}

impl Scale {
    /// Logarithmic when the largest of `values` is at least 100 times the smallest
    /// above 0, linear otherwise.
    pub(super) fn fitting(values: impl Iterator<Item = u64>) -> Scale {
        let (min, max) = values
            .filter(|&v| v > 0)
            .fold((u64::MAX, 0), |(lo, hi), v| (lo.min(v), hi.max(v)));
        if max >= min.saturating_mul(100) && min != u64::MAX {
            Scale::Log
        } else {
            Scale::Linear
        }
    }
}

/// The label of a value on an axis of `n` segments whose rows are drawn first on
/// top: `label(row)` at the centre of a segment, nothing elsewhere.
pub(super) fn row_label(
    value: &SegmentValue<usize>,
    n: usize,
    label: impl Fn(usize) -> Option<String>,
) -> String {
    match value {
        SegmentValue::CenterOf(i) => n.checked_sub(1 + i).and_then(label).unwrap_or_default(),
        _ => String::new(),
    }
}

/// Horizontal bars, the largest at the top, labels as written (shaped, bidi-ordered).
pub(super) fn bars(
    area: &Area,
    title: &str,
    corpus: &str,
    items: &[(String, u64)],
    value_label: &str,
    scale: Scale,
) -> DrawResult {
    if items.is_empty() {
        return no_data(
            area,
            &format!("{title} — {corpus}"),
            "No data: nothing of this kind in the corpus.",
        );
    }
    let n = items.len().max(1);
    // On the log scale the axis holds log10 of the value, labelled with the value.
    let position = |v: u64| match scale {
        Scale::Linear => v as f64,
        Scale::Log => (v.max(1) as f64).log10(),
    };
    let max = position(items.iter().map(|i| i.1).max().unwrap_or(1).max(1)).max(1.0);
    let label_width = label_width(area, items.iter().map(|(l, _)| l.as_str()), LABEL_PX);
    let mut chart = ChartBuilder::on(area)
        .caption(format!("{title} — {corpus}"), title_font())
        .margin(16)
        .x_label_area_size(60)
        .y_label_area_size(label_width.clamp(60, 420))
        .build_cartesian_2d(0f64..max * 1.08, (0..n - 1).into_segmented())?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        // Counts on the x axis: a line at each labelled value, none between.
        .light_line_style(WHITE)
        .y_labels(n)
        .y_label_style(font(LABEL_PX))
        .x_label_style(font(TICK_PX))
        .y_label_formatter(&|v| row_label(v, n, |i| items.get(i).map(|x| x.0.clone())))
        // Counts are whole: no label between two whole numbers (on the log scale,
        // between two powers of ten).
        .x_label_formatter(&|v| match scale {
            Scale::Linear => count_label(*v),
            Scale::Log if v.fract() == 0.0 => count_label(10f64.powf(*v)),
            Scale::Log => String::new(),
        })
        .x_desc(match scale {
            Scale::Linear => value_label.to_string(),
            Scale::Log => format!("{value_label} (logarithmic)"),
        })
        .axis_desc_style(font(LABEL_PX))
        .draw()?;
    chart.draw_series(items.iter().enumerate().map(|(i, (_, v))| {
        let y = n - 1 - i;
        let mut bar = Rectangle::new(
            [
                (0.0, SegmentValue::Exact(y)),
                (position(*v), SegmentValue::Exact(y + 1)),
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
    let height = 150 + 30 * items.len().max(1) as u32;
    let (png, missing) = render(name, height, |root| {
        bars(root, title, corpus, items, value_label, Scale::Linear)
    })?;
    Ok(Chart {
        name: name.to_string(),
        title: title.to_string(),
        png,
        missing,
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
    let legend_width = label_width(&area, legend.iter().map(|(l, _)| l.as_str()), LABEL_PX) + 40;
    let width = area.dim_in_pixel().0;
    let (plot_area, legend_area) =
        area.split_horizontally(width.saturating_sub(legend_width.min(width / 3)));
    let label_width = label_width(
        &plot_area,
        rows.iter().map(|(label, _)| label.as_str()),
        LABEL_PX,
    );
    let mut chart = ChartBuilder::on(&plot_area)
        .margin(16)
        .x_label_area_size(60)
        .y_label_area_size(label_width.clamp(60, 360))
        .build_cartesian_2d(0f64..1f64, (0..n - 1).into_segmented())?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(WHITE)
        .y_labels(n)
        .y_label_style(font(LABEL_PX))
        .y_label_formatter(&|v| row_label(v, n, |i| rows.get(i).map(|r| r.0.clone())))
        .x_labels(6)
        .x_label_formatter(&|v| format!("{:.0}%", v * 100.0))
        .x_desc(x_desc)
        .axis_desc_style(font(LABEL_PX))
        .x_label_style(font(TICK_PX))
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
    draw_legend(&legend_area, legend)
}

/// A legend down the left of `area`: a square of each colour and its name.
pub(super) fn draw_legend(area: &Area, legend: &[(String, RGBColor)]) -> DrawResult {
    let style = font(LABEL_PX).pos(Pos::new(HPos::Left, VPos::Center));
    for (i, (label, color)) in legend.iter().enumerate() {
        let y = 28 + 28 * i as i32;
        area.draw(&Rectangle::new([(8, y - 8), (24, y + 8)], color.filled()))?;
        area.draw(&Text::new(label.as_str(), (32, y), style.clone()))?;
    }
    Ok(())
}

/// A chart with nothing to draw: its title and `message`, which says why.
pub(super) fn no_data(area: &Area, title: &str, message: &str) -> DrawResult {
    let area = area.titled(title, title_font())?;
    let (width, height) = area.dim_in_pixel();
    let style = font(HEADING_PX).pos(Pos::new(HPos::Center, VPos::Center));
    area.draw(&Text::new(
        message,
        ((width / 2) as i32, (height / 2) as i32),
        style,
    ))?;
    Ok(())
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

/// A label formatter for a logarithmic count axis: [`count_label`], and nothing for
/// a value just labelled. plotters 0.3.7 gives a log axis each power of ten twice
/// (as the last minor point of one decade and the first of the next), which drew
/// "10" twice, one over the other.
pub(super) fn log_count_labels() -> impl Fn(&f64) -> String {
    let last = std::cell::Cell::new(f64::NAN);
    move |v: &f64| {
        if last.replace(*v) == *v {
            String::new()
        } else {
            count_label(*v)
        }
    }
}

/// The cells of a square grid, `n` a side, each a pair of segments.
pub(super) type Grid<'a, 'b> = ChartContext<
    'a,
    ShapedBackend<'b>,
    Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
>;

/// A square grid on `area` with a row and a column per label (heat maps): the
/// row labels at the left, the first at the top (row `i` is drawn at
/// `n - 1 - i`), the column labels below, turned a quarter so that long names
/// fit (drawn here rather than by the mesh, which anchors x labels at their
/// centre and so would half-hide turned text).
pub(super) fn labelled_grid<'a, 'b>(
    area: &'a Area<'b>,
    labels: &[String],
) -> Result<Grid<'a, 'b>, Box<dyn std::error::Error>> {
    let n = labels.len().max(1);
    let width = label_width(area, labels.iter().map(String::as_str), LABEL_PX).clamp(60, 300);
    let mut chart = ChartBuilder::on(area)
        .margin(20)
        .x_label_area_size(width + 36)
        .y_label_area_size(width)
        .build_cartesian_2d(0.0..n as f64, 0.0..n as f64)?;
    chart
        .configure_mesh()
        .disable_mesh()
        .x_labels(0)
        .y_labels(0)
        .draw()?;
    let row_label = font(LABEL_PX).pos(Pos::new(HPos::Right, VPos::Center));
    let turned = font(LABEL_PX)
        .transform(plotters::style::FontTransform::Rotate90)
        .pos(Pos::new(HPos::Left, VPos::Center));
    // The chart's coordinates are the backend's; the area's start at its corner.
    let (left, top) = area.get_base_pixel();
    for (i, label) in labels.iter().enumerate() {
        let (x, y) = chart.backend_coord(&(0.0, cell_centre(n - 1 - i)));
        area.draw_text(label, &row_label, (x - left - 8, y - top))?;
        let (x, bottom) = chart.backend_coord(&(cell_centre(i), 0.0));
        area.draw_text(label, &turned, (x - left, bottom - top + 10))?;
    }
    Ok(chart)
}

/// The centre of cell `i` of a [`labelled_grid`] axis.
pub(super) fn cell_centre(i: usize) -> f64 {
    i as f64 + 0.5
}

/// Fills cell (`column`, `row`) of a [`labelled_grid`] (row 0 at the top) with
/// `fill`, and writes `text` in its centre.
pub(super) fn fill_cell(
    chart: &mut Grid,
    n: usize,
    (column, row): (usize, usize),
    fill: ShapeStyle,
    text: Option<(String, TextStyle)>,
) -> DrawResult {
    let y = (n - 1 - row) as f64;
    let x = column as f64;
    chart
        .plotting_area()
        .draw(&Rectangle::new([(x, y), (x + 1.0, y + 1.0)], fill))?;
    if let Some((text, style)) = text {
        let style = style.pos(Pos::new(HPos::Center, VPos::Center));
        chart
            .plotting_area()
            .draw(&Text::new(text, (x + 0.5, y + 0.5), style))?;
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_power_of_ten_given_twice_is_labelled_once() {
        let label = log_count_labels();
        let labels: Vec<String> = [1.0, 5.0, 10.0, 10.0, 20.0, 100.0, 1.0, 10.0]
            .iter()
            .map(&label)
            .collect();
        assert_eq!(labels, ["1", "5", "10", "", "20", "100", "1", "10"]);
    }

    #[test]
    fn bars_go_logarithmic_when_values_span_a_hundredfold() {
        assert_eq!(
            Scale::fitting([2_600_000, 1_600_000, 5_000, 48].into_iter()),
            Scale::Log
        );
        assert_eq!(Scale::fitting([1_550, 700, 16].into_iter()), Scale::Linear);
        assert_eq!(Scale::fitting([100, 1, 0].into_iter()), Scale::Log);
        assert_eq!(Scale::fitting(std::iter::empty()), Scale::Linear);
    }
}
