//! `languages.png`: the corpus' language shares, and each document's mix.

use plotters::prelude::*;

use super::plot::{bars, language_colors, language_name, render, stacked_shares, TEXT};
use super::{Chart, ChartError};
use crate::report::{Ranked, Report};

pub(super) fn draw(report: &Report, corpus: &str, name: &str) -> Result<Chart, ChartError> {
    // Languages by corpus words, most first; one color each.
    let order = language_colors(report);
    let legend: Vec<(String, RGBColor)> = order
        .iter()
        .map(|(code, color)| (language_name(code), *color))
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
                .filter_map(|(code, color)| {
                    own.iter()
                        .find(|l| l.language == code.as_str())
                        .map(|l| (*color, l.share))
                })
                .collect();
            (doc.document.clone(), parts)
        })
        .collect();
    let shares_items: Ranked = order
        .iter()
        .map(|(code, _)| {
            let words = report.summary.languages.get(code).map_or(0, |s| s.words);
            (language_name(code), words)
        })
        .collect();
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
