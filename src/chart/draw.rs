//! The report's charts, as ordinary plotters code on a [`ShapedBackend`].

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontTransform;

use super::backend::ShapedBackend;
use crate::report::{Ranked, Report};

type Area<'a> = DrawingArea<ShapedBackend<'a>, Shift>;
type DrawResult = Result<(), Box<dyn std::error::Error>>;

/// A chart that could not be drawn or encoded.
#[derive(Debug, thiserror::Error)]
#[error("chart {name}: {message}")]
pub struct ChartError {
    /// The chart's file name.
    pub name: String,
    /// What went wrong.
    pub message: String,
}

/// One rendered chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    /// File name in the report folder.
    pub name: String,
    /// What it shows, for index.html.
    pub title: String,
    /// The PNG file.
    pub png: Vec<u8>,
}

const BAR: RGBColor = RGBColor(46, 109, 164);
const FIT: RGBColor = RGBColor(214, 96, 77);
const TEXT: RGBColor = RGBColor(40, 40, 40);

fn font(size: u32) -> TextStyle<'static> {
    ("sans-serif", size).into_font().color(&TEXT)
}

fn title_font() -> TextStyle<'static> {
    ("sans-serif", 26)
        .into_font()
        .style(FontStyle::Bold)
        .color(&TEXT)
}

/// Draws a chart of `size` pixels with `draw` and encodes it as PNG.
fn render(
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
fn bars(
    area: &Area,
    title: &str,
    corpus: &str,
    items: &[(String, u64)],
    value_label: &str,
) -> DrawResult {
    let n = items.len().max(1);
    let max = items.iter().map(|i| i.1).max().unwrap_or(1).max(1) as f64;
    let label_width = items
        .iter()
        .map(|(l, _)| {
            area.estimate_text_size(l, &font(16))
                .map(|s| s.0)
                .unwrap_or(0)
        })
        .max()
        .unwrap_or(40)
        + 16;
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
        .x_label_formatter(&|v| {
            if v.fract() == 0.0 {
                format!("{v:.0}")
            } else {
                String::new()
            }
        })
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

fn bar_chart(
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

fn top_ngrams(report: &Report, corpus: &str, name: &str) -> Result<Chart, ChartError> {
    let data = &report.chart_data;
    let rows = (data.top_bigrams.len() + data.top_trigrams.len()).max(2) as u32;
    let png = render(name, (1000, 220 + 30 * rows), |root| {
        let share = data.top_bigrams.len().max(1) as f64
            / (data.top_bigrams.len() + data.top_trigrams.len()).max(2) as f64;
        let split = (root.dim_in_pixel().1 as f64 * share) as u32;
        let (upper, lower) = root.split_vertically(split.max(120));
        bars(&upper, "Top bigrams", corpus, &data.top_bigrams, "count")?;
        bars(&lower, "Top trigrams", corpus, &data.top_trigrams, "count")?;
        Ok(())
    })?;
    Ok(Chart {
        name: name.into(),
        title: "Top bigrams and trigrams".into(),
        png,
    })
}

/// Stacked horizontal bars of shares (0 to 1), one bar per row, the first row on top,
/// with a legend in the room left on the right.
fn stacked_shares(
    area: &Area,
    caption: &str,
    caption_style: TextStyle,
    rows: &[(String, Vec<(RGBColor, f64)>)],
    legend: &[(String, RGBColor)],
    x_desc: &str,
) -> DrawResult {
    let n = rows.len().max(1);
    let label_width = rows
        .iter()
        .map(|(label, _)| {
            area.estimate_text_size(label, &font(14))
                .map(|s| s.0)
                .unwrap_or(0)
        })
        .max()
        .unwrap_or(40)
        + 16;
    let mut chart = ChartBuilder::on(area)
        .caption(caption, caption_style)
        .margin(16)
        .x_label_area_size(40)
        .y_label_area_size(label_width.clamp(60, 360))
        // Room on the right for the legend.
        .build_cartesian_2d(0f64..1.3f64, (0..n - 1).into_segmented())?;
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
        .x_label_formatter(&|v| {
            if *v <= 1.0 {
                format!("{v:.1}")
            } else {
                String::new()
            }
        })
        .x_desc(x_desc)
        .axis_desc_style(font(14))
        .draw()?;
    for (i, (_, parts)) in rows.iter().enumerate() {
        let y = n - 1 - i;
        let mut start = 0.0;
        for &(color, share) in parts.iter().filter(|p| p.1 > 0.0) {
            let mut bar = Rectangle::new(
                [
                    (start, SegmentValue::Exact(y)),
                    (start + share, SegmentValue::Exact(y + 1)),
                ],
                color.filled(),
            );
            bar.set_margin(3, 3, 0, 0);
            chart.plotting_area().draw(&bar)?;
            start += share;
        }
    }
    for (label, color) in legend {
        let c = *color;
        chart
            .draw_series(std::iter::empty::<Rectangle<(f64, SegmentValue<usize>)>>())?
            .label(label.as_str())
            .legend(move |(x, y)| Rectangle::new([(x, y - 6), (x + 14, y + 6)], c.filled()));
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .label_font(font(14))
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK.mix(0.3))
        .draw()?;
    Ok(())
}

/// The color of the i-th language (languages ordered by corpus words).
fn palette(i: usize) -> RGBColor {
    let c = Palette99::pick(i).to_rgba();
    RGBColor(c.0, c.1, c.2)
}

fn languages(report: &Report, corpus: &str, name: &str) -> Result<Chart, ChartError> {
    // Languages by corpus words, most first; one color each.
    let mut order: Vec<(&String, u64)> = report
        .summary
        .languages
        .iter()
        .map(|(c, s)| (c, s.words))
        .collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let legend: Vec<(String, RGBColor)> = order
        .iter()
        .enumerate()
        .map(|(i, (c, _))| (c.to_string(), palette(i)))
        .collect();
    // The 50 largest documents, in document order.
    let mut docs: Vec<&crate::report::DocumentRow> = report.documents.iter().collect();
    docs.sort_by(|a, b| {
        b.tokens
            .cmp(&a.tokens)
            .then_with(|| a.document.cmp(&b.document))
    });
    docs.truncate(50);
    docs.sort_by(|a, b| a.document.cmp(&b.document));
    // languages.csv rows by document, read once rather than searched for every bar.
    let mut by_document: std::collections::HashMap<&str, Vec<&crate::report::LanguageRow>> =
        std::collections::HashMap::new();
    for row in &report.languages {
        by_document
            .entry(row.document.as_str())
            .or_default()
            .push(row);
    }
    let rows: Vec<(String, Vec<(RGBColor, f64)>)> = docs
        .iter()
        .map(|doc| {
            let own = by_document
                .get(doc.document.as_str())
                .map_or(&[][..], |v| v.as_slice());
            let parts = order
                .iter()
                .enumerate()
                .filter_map(|(i, (code, _))| {
                    own.iter()
                        .find(|l| l.language == code.as_str())
                        .map(|l| (palette(i), l.share))
                })
                .collect();
            (doc.document.clone(), parts)
        })
        .collect();
    let shares_items: Ranked = order.iter().map(|(c, w)| (c.to_string(), *w)).collect();
    let height = 260 + 30 * order.len() as u32 + 26 * docs.len() as u32;
    let png = render(name, (1000, height), |root| {
        let (upper, lower) = root.split_vertically(140 + 30 * order.len() as u32);
        bars(
            &upper,
            "Language shares (words)",
            corpus,
            &shares_items,
            "words",
        )?;
        let caption_style = ("sans-serif", 20)
            .into_font()
            .style(FontStyle::Bold)
            .color(&TEXT);
        stacked_shares(
            &lower,
            "Language mix per document (share of words)",
            caption_style,
            &rows,
            &legend,
            "share of the document's words",
        )
    })?;
    Ok(Chart {
        name: name.into(),
        title: "Language shares, and the mix of each document".into(),
        png,
    })
}

fn zipf(report: &Report, corpus: &str, name: &str) -> Result<Chart, ChartError> {
    let data = &report.chart_data;
    let max_rank = data.zipf_points.last().map_or(2, |p| p.0.max(2)) as f64;
    let max_count = data.zipf_points.first().map_or(2, |p| p.1.max(2)) as f64;
    let png = render(name, (900, 640), |root| {
        let mut chart = ChartBuilder::on(root)
            .caption(
                format!("Zipf: rank against frequency — {corpus}"),
                title_font(),
            )
            .margin(20)
            .x_label_area_size(50)
            .y_label_area_size(70)
            .build_cartesian_2d(
                (1f64..max_rank * 1.2).log_scale(),
                (0.8f64..max_count * 1.5).log_scale(),
            )?;
        chart
            .configure_mesh()
            .x_desc("rank")
            .y_desc("frequency")
            .axis_desc_style(font(16))
            .label_style(font(14))
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
            .label_font(font(15))
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK.mix(0.3))
            .draw()?;
        Ok(())
    })?;
    Ok(Chart {
        name: name.into(),
        title: "Zipf's law: rank against frequency, with the fitted line".into(),
        png,
    })
}

fn heaps(report: &Report, corpus: &str, name: &str) -> Result<Chart, ChartError> {
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

/// Blue for positive NPMI, red for negative, white for none.
fn npmi_color(value: f64) -> RGBColor {
    let t = value.clamp(-1.0, 1.0);
    let mix =
        |from: u8, to: u8, t: f64| (from as f64 + (to as f64 - from as f64) * t).round() as u8;
    if t >= 0.0 {
        RGBColor(mix(255, 33, t), mix(255, 102, t), mix(255, 172, t))
    } else {
        RGBColor(mix(255, 178, -t), mix(255, 24, -t), mix(255, 43, -t))
    }
}

fn cooccurrence(report: &Report, corpus: &str, name: &str) -> Result<Chart, ChartError> {
    let data = &report.chart_data;
    let words = &data.npmi_words;
    let n = words.len().max(1);
    let png = render(name, (1100, 1100), |root| {
        let label_width = words
            .iter()
            .map(|w| {
                root.estimate_text_size(w, &font(15))
                    .map(|s| s.0)
                    .unwrap_or(0)
            })
            .max()
            .unwrap_or(40)
            + 16;
        let mut chart = ChartBuilder::on(root)
            .caption(
                format!("NPMI of the top {} words — {corpus}", words.len()),
                title_font(),
            )
            .margin(20)
            .x_label_area_size(label_width.clamp(60, 300))
            .y_label_area_size(label_width.clamp(60, 300))
            .build_cartesian_2d((0..n - 1).into_segmented(), (0..n - 1).into_segmented())?;
        chart
            .configure_mesh()
            .disable_mesh()
            .x_labels(n)
            .y_labels(n)
            .x_label_formatter(&|_| String::new())
            .y_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) => words.get(n - 1 - *i).cloned().unwrap_or_default(),
                _ => String::new(),
            })
            .draw()?;
        // Column labels, turned a quarter so that long words fit: drawn here rather than by
        // the mesh, which anchors x labels at their centre and so would half-hide turned text.
        let turned = font(15)
            .transform(FontTransform::Rotate90)
            .pos(Pos::new(HPos::Left, VPos::Center));
        for (j, word) in words.iter().enumerate() {
            let (x, y) = chart.backend_coord(&(SegmentValue::CenterOf(j), SegmentValue::Exact(0)));
            root.draw_text(word, &turned, (x, y + 10))?;
        }
        for (i, row) in data.npmi.iter().enumerate() {
            for (j, value) in row.iter().enumerate() {
                let y = n - 1 - i;
                let fill = match value {
                    Some(v) => npmi_color(*v).filled(),
                    None => RGBColor(245, 245, 245).filled(),
                };
                chart.plotting_area().draw(&Rectangle::new(
                    [
                        (SegmentValue::Exact(j), SegmentValue::Exact(y)),
                        (SegmentValue::Exact(j + 1), SegmentValue::Exact(y + 1)),
                    ],
                    fill,
                ))?;
                if let Some(v) = value {
                    let style = font(11).pos(Pos::new(HPos::Center, VPos::Center));
                    chart.plotting_area().draw(&Text::new(
                        format!("{v:.2}"),
                        (SegmentValue::CenterOf(j), SegmentValue::CenterOf(y)),
                        style,
                    ))?;
                }
            }
        }
        Ok(())
    })?;
    Ok(Chart {
        name: name.into(),
        title: "Co-occurrence: NPMI among the top words (blue: together more than chance, red: less, grey: never)".into(),
        png,
    })
}

fn lengths(report: &Report, corpus: &str, name: &str) -> Result<Chart, ChartError> {
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

/// Diverging bars: the top 20 over-used (right, by llr) and 20 under-used (left) terms.
fn keyness_chart(
    report: &Report,
    target: &str,
    corpus: &str,
    file_name: &str,
) -> Result<Chart, ChartError> {
    let rows: Vec<&crate::report::KeynessRow> = report
        .keyness
        .iter()
        .filter(|k| k.target == target)
        .collect();
    let over: Vec<&&crate::report::KeynessRow> = rows
        .iter()
        .filter(|k| k.measures.llr > 0.0)
        .take(20)
        .collect();
    let under: Vec<&&crate::report::KeynessRow> = rows
        .iter()
        .rev()
        .filter(|k| k.measures.llr < 0.0)
        .take(20)
        .collect();
    let reference = rows
        .first()
        .map_or(crate::report::REST, |k| k.reference.as_str());
    // Over-used from the top, then under-used with the most under-used at the bottom.
    let items: Vec<(String, f64)> = over
        .iter()
        .map(|k| (k.term.clone(), k.measures.llr))
        .chain(under.iter().rev().map(|k| (k.term.clone(), k.measures.llr)))
        .collect();
    let n = items.len().max(1);
    let extent = items.iter().map(|i| i.1.abs()).fold(1.0f64, f64::max) * 1.1;
    let png = render(file_name, (1000, 160 + 26 * n as u32), |root| {
        let mut chart = ChartBuilder::on(root)
            .caption(
                format!("Keywords of {target} against {reference} — {corpus}"),
                title_font(),
            )
            .margin(16)
            .x_label_area_size(44)
            .y_label_area_size(10)
            .build_cartesian_2d(-extent..extent, (0..n - 1).into_segmented())?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_label_formatter(&|_| String::new())
            .x_label_style(font(14))
            .x_desc("log-likelihood (right: over-used in the target; left: under-used)")
            .axis_desc_style(font(15))
            .draw()?;
        for (i, (term, llr)) in items.iter().enumerate() {
            let y = n - 1 - i;
            let color = if *llr > 0.0 { BAR } else { FIT };
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
            let style = font(15).pos(Pos::new(h, VPos::Center));
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
            "Keywords of {target} against {reference}: log-likelihood, over-used and under-used"
        ),
        png,
    })
}

/// Language shares of each group, as stacked bars.
fn groups_chart(report: &Report, corpus: &str) -> Result<Chart, ChartError> {
    let rows: Vec<(String, Vec<(RGBColor, f64)>)> = report
        .groups
        .iter()
        .map(|g| {
            (
                g.group.clone(),
                g.shares
                    .iter()
                    .enumerate()
                    .map(|(l, &s)| (palette(l), s))
                    .collect(),
            )
        })
        .collect();
    let legend: Vec<(String, RGBColor)> = report
        .group_languages
        .iter()
        .enumerate()
        .map(|(l, code)| (code.to_string(), palette(l)))
        .collect();
    let png = render(
        "groups.png",
        (1000, 200 + 34 * rows.len().max(1) as u32),
        |root| {
            stacked_shares(
                root,
                &format!("Language shares per group — {corpus}"),
                title_font(),
                &rows,
                &legend,
                "share of the group's words",
            )
        },
    )?;
    Ok(Chart {
        name: "groups.png".into(),
        title: "Language shares per group".into(),
        png,
    })
}

/// A file-name-safe form of a group name.
fn file_safe(name: &str) -> String {
    let plain = !name.is_empty()
        && name.len() <= 40
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if plain {
        return name.to_string();
    }
    // A short slug for the reader and a hash of the whole name, after a '.' that no
    // plain name holds: bounded, and distinct for `a/b`, `a_b` and `a.b`.
    let slug: String = name
        .chars()
        .take(24)
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{slug}.{:016x}", fnv1a(name.as_bytes()))
}

/// FNV-1a, 64 bits: a hash that is the same on every run and every platform.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The keyness charts of the (at most 6) largest groups, and the groups chart.
fn group_charts(report: &Report, corpus: &str) -> Result<Vec<Chart>, ChartError> {
    if report.groups.is_empty() {
        return Ok(Vec::new());
    }
    let mut charts = vec![groups_chart(report, corpus)?];
    let mut largest: Vec<&crate::report::GroupRow> = report.groups.iter().collect();
    largest.sort_by(|a, b| b.tokens.cmp(&a.tokens).then_with(|| a.group.cmp(&b.group)));
    largest.truncate(6);
    largest.sort_by(|a, b| a.group.cmp(&b.group));
    for g in largest {
        if report.keyness.iter().any(|k| k.target == g.group) {
            let name = format!("keyness-{}.png", file_safe(&g.group));
            charts.push(keyness_chart(report, &g.group, corpus, &name)?);
        }
    }
    Ok(charts)
}

/// One chart of the report that is always drawn: its file name and how to draw it.
/// The charts of a family (`top-terms-LANG.png`, `keyness-GROUP.png`) are drawn by
/// [`render_charts`] itself.
pub struct ChartSpec {
    /// The file name in the report folder.
    pub name: &'static str,
    /// Draws the chart of a report; the arguments are the report, the corpus' name
    /// for the title, and the file name.
    pub draw: fn(&Report, &str, &str) -> Result<Chart, ChartError>,
}

/// The charts every report has, after `top-terms.png` and its per-language
/// charts, in the order they are written and shown.
pub const CHARTS: &[ChartSpec] = &[
    ChartSpec {
        name: "top-ngrams.png",
        draw: top_ngrams,
    },
    ChartSpec {
        name: "languages.png",
        draw: languages,
    },
    ChartSpec {
        name: "zipf.png",
        draw: zipf,
    },
    ChartSpec {
        name: "heaps.png",
        draw: heaps,
    },
    ChartSpec {
        name: "cooccurrence.png",
        draw: cooccurrence,
    },
    ChartSpec {
        name: "lengths.png",
        draw: lengths,
    },
];

/// The keyness chart of one target, as `keyness.png` (for `corpstat compare`).
pub fn render_keyness(report: &Report, target: &str, corpus: &str) -> Result<Chart, ChartError> {
    keyness_chart(report, target, corpus, "keyness.png")
}

/// Every chart of the report, in a fixed order.
pub fn render_charts(report: &Report, corpus: &str) -> Result<Vec<Chart>, ChartError> {
    use rayon::prelude::*;
    type Draw<'a> = Box<dyn Fn() -> Result<Vec<Chart>, ChartError> + Sync + 'a>;
    let data = &report.chart_data;
    let mut draws: Vec<Draw> = vec![Box::new(|| {
        Ok(vec![bar_chart(
            "top-terms.png",
            "Top words",
            corpus,
            &data.top_terms,
            "count",
        )?])
    })];
    for (code, share, items) in &data.language_top_terms {
        draws.push(Box::new(move || {
            let name = format!("top-terms-{code}.png");
            let title = format!(
                "Top words of {code} documents ({:.0}% of the words)",
                share * 100.0
            );
            Ok(vec![bar_chart(&name, &title, corpus, items, "count")?])
        }));
    }
    draws.extend(CHARTS.iter().map(|spec| -> Draw {
        Box::new(move || Ok(vec![(spec.draw)(report, corpus, spec.name)?]))
    }));
    draws.push(Box::new(|| group_charts(report, corpus)));
    // Charts are drawn in parallel and kept in this order.
    let drawn: Vec<Result<Vec<Chart>, ChartError>> = draws.par_iter().map(|draw| draw()).collect();
    let mut charts = Vec::new();
    for chart in drawn {
        charts.extend(chart?);
    }
    Ok(charts)
}
