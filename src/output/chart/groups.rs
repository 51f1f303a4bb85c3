//! `groups.png` and the keyness charts of the largest groups (`--group-by`),
//! with file names made safe and unique from group names.

use plotters::prelude::*;

use super::language_style::{color_of, group_label, language_colors, language_legend};
use super::plot::{render, stacked_shares, title_font};
use super::{Chart, ChartError};
use crate::report::Report;

/// Groups in groups.png, at most: the largest, in name order (`groups.csv` has
/// every group).
pub(crate) const GROUPS_CHART_ROWS: usize = 40;

/// Language shares of each group (of the largest [`GROUPS_CHART_ROWS`]), as stacked
/// bars.
fn groups_chart(report: &Report, corpus: &str) -> Result<Chart, ChartError> {
    let colors = language_colors(report);
    let mut shown: Vec<&crate::report::GroupRow> = report.groups.iter().collect();
    if shown.len() > GROUPS_CHART_ROWS {
        shown.sort_by(|a, b| b.tokens.cmp(&a.tokens).then_with(|| a.group.cmp(&b.group)));
        shown.truncate(GROUPS_CHART_ROWS);
        shown.sort_by(|a, b| a.group.cmp(&b.group));
    }
    let caption = if shown.len() < report.groups.len() {
        format!(
            "Language shares of the {} largest of {} groups — {corpus}",
            shown.len(),
            report.groups.len()
        )
    } else {
        format!("Language shares per group — {corpus}")
    };
    let rows: Vec<(String, Vec<(RGBColor, f64)>)> = shown
        .iter()
        .map(|g| {
            (
                group_label(report, &g.group),
                g.shares
                    .iter()
                    .zip(&report.group_languages)
                    .map(|(&s, code)| (color_of(&colors, code.code()), s))
                    .collect(),
            )
        })
        .collect();
    let legend = language_legend(
        report.group_languages.iter().map(|code| code.code()),
        &colors,
    );
    let (png, missing) = render("groups.png", 200 + 34 * rows.len().max(1) as u32, |root| {
        stacked_shares(
            root,
            &caption,
            title_font(),
            &rows,
            &legend,
            "share of the group's words",
        )
    })?;
    Ok(Chart {
        name: "groups.png".into(),
        title: "Language shares per group".into(),
        png,
        missing,
    })
}

/// A file-name-safe form of a group name.
pub(super) fn file_safe(name: &str) -> String {
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

/// `groups.png`, when the report has groups.
pub(super) fn draw(report: &Report, corpus: &str) -> Result<Vec<Chart>, ChartError> {
    if report.groups.is_empty() {
        return Ok(Vec::new());
    }
    Ok(vec![groups_chart(report, corpus)?])
}
