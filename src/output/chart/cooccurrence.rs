//! `cooccurrence.png`: NPMI of the top words' pairs, as a heat map.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::plot::{
    bold_font, fill_cell, font, labelled_grid, no_data, render, title_font, Area, CHART_WIDTH,
    LABEL_PX, TICK_PX,
};
use super::{Chart, ChartError};
use crate::report::Report;

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

/// Width of the colour scale beside the grid, in pixels.
const SCALE_WIDTH: u32 = 120;

/// The colour scale: NPMI from 1 (top) to -1, with its values, and the grey of
/// pairs that never co-occur.
fn draw_scale(area: &Area) -> Result<(), Box<dyn std::error::Error>> {
    let (_, height) = area.dim_in_pixel();
    let (top, bottom) = (60i32, (height as i32 - 160).max(120));
    let (left, right) = (16i32, 40i32);
    area.draw(&Text::new("NPMI", (left, top - 34), bold_font(LABEL_PX)))?;
    for y in top..bottom {
        let value = 1.0 - 2.0 * f64::from(y - top) / f64::from(bottom - top);
        area.draw(&Rectangle::new(
            [(left, y), (right, y + 1)],
            npmi_color(value).filled(),
        ))?;
    }
    area.draw(&Rectangle::new(
        [(left, top), (right, bottom)],
        BLACK.mix(0.4),
    ))?;
    for value in [1.0, 0.5, 0.0, -0.5, -1.0] {
        let y = top + ((1.0 - value) / 2.0 * f64::from(bottom - top)).round() as i32;
        let style = font(TICK_PX).pos(Pos::new(HPos::Left, VPos::Center));
        area.draw(&Text::new(format!("{value:+.1}"), (right + 6, y), style))?;
    }
    let never = bottom + 30;
    area.draw(&Rectangle::new(
        [(left, never), (right, never + 16)],
        RGBColor(245, 245, 245).filled(),
    ))?;
    area.draw(&Rectangle::new(
        [(left, never), (right, never + 16)],
        BLACK.mix(0.4),
    ))?;
    let style = font(TICK_PX).pos(Pos::new(HPos::Left, VPos::Center));
    area.draw(&Text::new("never", (right + 6, never + 8), style))?;
    Ok(())
}

pub(super) fn draw(report: &Report, corpus: &str, name: &str) -> Result<Chart, ChartError> {
    let data = &report.chart_data;
    let words = &data.npmi_words;
    let n = words.len().max(1);
    let (png, missing) = render(name, CHART_WIDTH, |root| {
        if words.is_empty() {
            return no_data(
                root,
                &format!("NPMI of the top words — {corpus}"),
                "No data: no pair of words co-occurs often enough.",
            );
        }
        let root = root.titled(
            &format!("NPMI of the top {} words — {corpus}", words.len()),
            title_font(),
        )?;
        let (width, _) = root.dim_in_pixel();
        let (grid, scale) = root.split_horizontally(width - SCALE_WIDTH);
        draw_scale(&scale)?;
        let mut chart = labelled_grid(&grid, words)?;
        for (i, row) in data.npmi.iter().enumerate() {
            for (j, value) in row.iter().enumerate() {
                let fill = match value {
                    Some(v) => npmi_color(*v).filled(),
                    None => RGBColor(245, 245, 245).filled(),
                };
                let text = value.map(|v| (format!("{v:.2}"), font(TICK_PX)));
                fill_cell(&mut chart, n, (j, i), fill, text)?;
            }
        }
        Ok(())
    })?;
    Ok(Chart {
        name: name.into(),
        title: "Co-occurrence: NPMI among the top words (blue: together more than chance, red: less, grey: never)".into(),
        png,
        missing,
    })
}
