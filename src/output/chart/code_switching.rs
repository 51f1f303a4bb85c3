//! `code-switching.png`: the switches between sentences, from one language (row)
//! to the next (column), among the languages with at least 1% of the words.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::language_style::language_name;
use super::plot::{fill_cell, font, labelled_grid, no_data, render, title_font, LABEL_PX, TICK_PX};
use super::{Chart, ChartError};
use crate::report::Report;

/// The share of the words a language needs for a row and a column.
pub const CODE_SWITCHING_CHART_SHARE: f64 = 0.01;

/// White for none, to a deep blue for the most frequent switch.
fn count_color(count: u64, most: u64) -> RGBColor {
    let t = if most == 0 {
        0.0
    } else {
        (count as f64).ln_1p() / (most as f64).ln_1p()
    };
    let mix =
        |from: u8, to: u8| (f64::from(from) + (f64::from(to) - f64::from(from)) * t).round() as u8;
    RGBColor(mix(247, 33), mix(251, 102), mix(255, 172))
}

pub(super) fn draw(report: &Report, corpus: &str, name: &str) -> Result<Chart, ChartError> {
    let summary = report.summary();
    let switching = &summary.code_switching;
    // The languages shown, most words first (ties by code), `und` never.
    let mut languages: Vec<(&str, u64)> = summary
        .languages
        .iter()
        .filter(|(code, share)| *code != "und" && share.share >= CODE_SWITCHING_CHART_SHARE)
        .map(|(code, share)| (code.as_str(), share.words))
        .collect();
    languages.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let codes: Vec<&str> = languages.iter().map(|l| l.0).collect();
    // The switches from each language (row) to each (column), looked up once.
    let cells: Vec<Vec<u64>> = codes
        .iter()
        .map(|from| {
            codes
                .iter()
                .map(|to| {
                    let pair = format!("{from}>{to}");
                    switching.pairs.get(&pair).copied().unwrap_or(0)
                })
                .collect()
        })
        .collect();
    let shown: u64 = cells.iter().flatten().sum();
    let most = cells.iter().flatten().copied().max().unwrap_or(0);
    let names: Vec<String> = codes.iter().map(|c| language_name(c)).collect();
    let n = codes.len().max(1);
    let height = (280 + 90 * n as u32).clamp(800, 1400);
    let (png, missing) = render(name, height, |root| {
        let title = format!("Language switches between sentences — {corpus}");
        if shown == 0 {
            let message = match switching.switches {
                0 => "No data: no document switches language between sentences.".to_string(),
                all => format!(
                    "No switch between languages with 1% of the words ({all} with smaller ones)."
                ),
            };
            return no_data(root, &title, &message);
        }
        let root = root.titled(&title, title_font())?;
        let (_, height) = root.dim_in_pixel();
        let (grid, note) = root.split_vertically(height - 40);
        let other = switching.switches - shown;
        let caption = format!(
            "rows: from; columns: to; {shown} switches shown{}",
            if other > 0 {
                format!(", {other} with a language under 1% of the words left out")
            } else {
                String::new()
            }
        );
        note.draw(&Text::new(
            caption,
            (20, 10),
            font(TICK_PX).pos(Pos::new(HPos::Left, VPos::Top)),
        ))?;
        let mut chart = labelled_grid(&grid, &names)?;
        for (i, row) in cells.iter().enumerate() {
            for (j, &c) in row.iter().enumerate() {
                if i == j {
                    fill_cell(
                        &mut chart,
                        n,
                        (j, i),
                        RGBColor(235, 235, 235).filled(),
                        None,
                    )?;
                    continue;
                }
                let dark = most > 0 && (c as f64).ln_1p() / (most as f64).ln_1p() > 0.6;
                let style = font(LABEL_PX).color(if dark { &WHITE } else { &BLACK });
                fill_cell(
                    &mut chart,
                    n,
                    (j, i),
                    count_color(c, most).filled(),
                    Some((c.to_string(), style)),
                )?;
            }
        }
        Ok(())
    })?;
    Ok(Chart {
        name: name.into(),
        title: "Code-switching: language switches between consecutive sentences, from the row's language to the column's".into(),
        png,
        missing,
    })
}
