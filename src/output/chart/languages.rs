//! `languages.png`: the corpus' language shares, and the documents that mix
//! languages most.

use plotters::prelude::*;

use super::language_style::{language_colors, language_legend, language_name};
use super::plot::{bars, bold_font, no_data, render, stacked_shares, Scale, HEADING_PX};
use super::{Chart, ChartError};
use crate::report::{Ranked, Report};

/// Languages with a bar of their own in the top panel; the rest share one bar.
pub(crate) const LANGUAGE_BARS: usize = 8;
/// Documents in the lower panel, at most: the most mixed.
pub(crate) const MIXED_DOCUMENTS: usize = 30;

/// How much a document mixes languages: one minus the share of its main language
/// among the words whose language was told (`und` left out, so that a few digits or
/// an unsure line do not make a document "mixed").
fn mix(rows: &[&crate::report::LanguageRow]) -> f64 {
    let named: Vec<u64> = rows
        .iter()
        .filter(|r| !r.language.is_undetermined())
        .map(|r| r.words)
        .collect();
    let total: u64 = named.iter().sum();
    let main = named.iter().copied().max().unwrap_or(0);
    if total == 0 {
        0.0
    } else {
        1.0 - main as f64 / total as f64
    }
}

pub(super) fn draw(report: &Report, corpus: &str, name: &str) -> Result<Chart, ChartError> {
    // Languages by corpus words, most first; one color each.
    let order = language_colors(report);
    let total_words: u64 = report.summary.languages.values().map(|s| s.words).sum();
    let label = |name: String, words: u64| {
        let share = if total_words == 0 {
            0.0
        } else {
            words as f64 / total_words as f64
        };
        if words > 0 && share < 0.0005 {
            // Not "0.0%" for a language that is there.
            format!("{name} (<0.1%)")
        } else {
            format!("{name} ({:.1}%)", share * 100.0)
        }
    };
    let mut shares_items: Ranked = Vec::new();
    let mut rest = (0, 0u64);
    for (i, (code, _)) in order.iter().enumerate() {
        let words = report.summary.languages.get(code).map_or(0, |s| s.words);
        if i < LANGUAGE_BARS || order.len() == LANGUAGE_BARS + 1 {
            shares_items.push((label(language_name(code), words), words));
        } else {
            rest = (rest.0 + 1, rest.1 + words);
        }
    }
    if rest.0 > 0 {
        shares_items.push((label(format!("{} other languages", rest.0), rest.1), rest.1));
    }
    // languages.csv rows by document, read once rather than searched for every bar.
    let mut by_document: std::collections::BTreeMap<&str, Vec<&crate::report::LanguageRow>> =
        std::collections::BTreeMap::new();
    for row in report.languages.iter().filter(|r| r.document != "*") {
        by_document
            .entry(row.document.as_str())
            .or_default()
            .push(row);
    }
    // The most mixed documents, most mixed first (then by id).
    let mut mixed: Vec<(&str, f64)> = by_document
        .iter()
        .map(|(document, rows)| (*document, mix(rows)))
        .filter(|&(_, m)| m > 0.0)
        .collect();
    mixed.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    mixed.truncate(MIXED_DOCUMENTS);
    let rows: Vec<(String, Vec<(RGBColor, f64)>)> = mixed
        .iter()
        .map(|(document, _)| {
            let own = by_document.get(document).map_or(&[][..], |v| v.as_slice());
            let parts = order
                .iter()
                .map(|(code, color)| {
                    let share: f64 = own
                        .iter()
                        .filter(|l| l.language == code.as_str())
                        .map(|l| l.share)
                        .sum();
                    (*color, share)
                })
                .collect();
            (document.to_string(), parts)
        })
        .collect();
    let shown = order.iter().filter(|(code, _)| {
        rows.iter().any(|(_, parts)| {
            parts
                .iter()
                .zip(&order)
                .any(|((_, share), (c, _))| c == code && *share > 0.0)
        })
    });
    let legend = language_legend(shown.map(|(code, _)| code.as_str()), &order);
    let upper_height = 150 + 30 * shares_items.len().max(1) as u32;
    let lower_height = 130 + 28 * rows.len().max(3) as u32;
    let (png, missing) = render(name, upper_height + lower_height, |root| {
        let (upper, lower) = root.split_vertically(upper_height);
        if shares_items.is_empty() {
            no_data(
                &upper,
                &format!("Language shares (words) — {corpus}"),
                "No data: the corpus has no words.",
            )?;
        } else {
            bars(
                &upper,
                "Language shares (words)",
                corpus,
                &shares_items,
                "words",
                Scale::fitting(shares_items.iter().map(|i| i.1)),
            )?;
        }
        let caption_style = bold_font(HEADING_PX);
        let caption = format!(
            "The {} documents that mix languages most (share of words)",
            rows.len()
        );
        if rows.is_empty() {
            no_data(
                &lower,
                "Documents that mix languages",
                "None: every document is in one language (und left out).",
            )
        } else {
            stacked_shares(
                &lower,
                &caption,
                caption_style,
                &rows,
                &legend,
                "share of the document's words",
            )
        }
    })?;
    Ok(Chart {
        name: name.into(),
        title: "Language shares, and the documents that mix languages most".into(),
        png,
        missing,
    })
}
