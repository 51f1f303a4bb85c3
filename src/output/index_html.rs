//! `index.html`: one self-contained page to share. The fonts the charts are drawn
//! with are embedded, those the page's text needs (so cells in any script read as on
//! the charts, the same on every machine), the tables scroll inside their own boxes and can be sorted and
//! filtered by a few lines of inline JavaScript, and nothing is fetched: the page
//! opens from `file://`, beside its PNGs.

use std::fmt::Write as _;

use super::chart::Chart;
use super::page_fonts::{font_faces, font_family_rule, page_fonts};
use super::tables::{longest_runs, LARGEST_CLUSTERS};
use super::TABLES;
use crate::report::{ConcordanceLines, MetricValue, Report, INDEX_CONCORDANCE_LINES};
use crate::table::Kind;

/// Table cells on index.html longer than this many characters are cut, with an ellipsis.
const MAX_HTML_CELL_CHARS: usize = 200;

/// The page's style sheet and script, kept as files of their own.
const STYLE: &str = include_str!("page/page.css");
const SCRIPT: &str = include_str!("page/page.js");

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A line of the tables' Markdown as HTML: escaped, with `code` spans.
fn markdown_line(text: &str) -> String {
    let mut html = String::new();
    for (i, part) in html_escape(text).split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(html, "<code>{part}</code>");
        } else {
            html.push_str(part);
        }
    }
    html
}

/// A whole number with thousands separators: 1234567 → "1,234,567".
pub(crate) fn grouped(n: i128) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A number cell as a reader wants it: whole numbers grouped by thousands, others
/// to four significant figures (at most four decimals; the CSV file keeps every
/// digit). Anything else is left as it is.
fn readable_number(cell: &str) -> String {
    if let Ok(n) = cell.parse::<i128>() {
        return grouped(n);
    }
    match cell.parse::<f64>() {
        Ok(v) if v.is_finite() => {
            let magnitude = v.abs();
            if magnitude >= 1000.0 {
                return grouped(v.round() as i128);
            }
            let wanted = if magnitude >= 100.0 {
                1
            } else if magnitude >= 10.0 {
                2
            } else if magnitude >= 1.0 {
                3
            } else {
                4
            };
            // Fewer digits than the cell holds, never more: padding 0.12 out to
            // 0.1200 would claim digits the table does not have.
            let held = cell.split_once('.').map_or(0, |(_, decimals)| {
                decimals.bytes().take_while(u8::is_ascii_digit).count()
            });
            if held <= wanted && !cell.contains(['e', 'E']) {
                return cell.to_string();
            }
            format!("{v:.wanted$}")
        }
        _ => cell.to_string(),
    }
}

/// A share of the words as the languages table prints it: a percentage to four
/// decimals, the precision of the share itself in `summary.json` (six).
fn share_percent(share: f64) -> String {
    format!("{:.4}", share * 100.0)
}

/// A language code as the page names it: "Arabic (ara)", or the code alone.
fn language_label(code: &str) -> String {
    match crate::language::english_name_of(code) {
        Some(name) => format!("{name} ({code})"),
        None => code.to_string(),
    }
}

/// Width and height of a PNG, from its header.
fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    let width = png.get(16..20)?;
    let height = png.get(20..24)?;
    Some((
        u32::from_be_bytes(width.try_into().ok()?),
        u32::from_be_bytes(height.try_into().ok()?),
    ))
}

/// A table of `header` and `rows` (cells as shown, with numeric cells' raw values),
/// with a filter box; `id` names it for the box.
fn data_table(html: &mut String, id: &str, header: &[(&str, bool)], rows: &[Vec<String>]) {
    data_table_holding(html, id, header, rows, &[]);
}

/// Rows of a table a page holds beyond those it shows, for its filter box to
/// search: the first rows of the table, in its order.
const HELD_ROWS: usize = 500;

/// [`data_table`] with `held` rows too, hidden until the filter box searches
/// them: while the box is empty the page shows `rows`; with a query, the rows of
/// `held` that hold it.
fn data_table_holding(
    html: &mut String,
    id: &str,
    header: &[(&str, bool)],
    rows: &[Vec<String>],
    held: &[Vec<String>],
) {
    let _ = writeln!(
        html,
        "<input class=\"filter\" type=\"search\" data-table=\"{id}\" placeholder=\"Filter rows\" aria-label=\"Filter the rows of {id}\">"
    );
    let _ = write!(
        html,
        "<div class=\"scroll\"><table class=\"data\" id=\"{id}\">\n<thead><tr>"
    );
    for (name, numeric) in header {
        let kind = if *numeric { " data-kind=\"n\"" } else { "" };
        let _ = write!(
            html,
            "<th{kind}><button type=\"button\">{}</button></th>",
            html_escape(name)
        );
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    table_rows(html, header, rows, "<tr>");
    html.push_str("</tbody>\n");
    if !held.is_empty() {
        html.push_str("<tbody class=\"held\">\n");
        table_rows(html, header, held, "<tr hidden>");
        html.push_str("</tbody>\n");
    }
    html.push_str("</table></div>\n");
}

/// The `<tr>` of each row, opened with `open`.
fn table_rows(html: &mut String, header: &[(&str, bool)], rows: &[Vec<String>], open: &str) {
    for row in rows {
        html.push_str(open);
        for ((_, numeric), cell) in header.iter().zip(row) {
            if *numeric {
                let _ = write!(
                    html,
                    "<td class=\"n\" data-v=\"{}\">{}</td>",
                    html_escape(cell),
                    html_escape(&readable_number(cell))
                );
            } else {
                // The CSV file has the whole cell; a page of megabyte cells helps no one.
                let cell = super::chart::text::shortened(cell, MAX_HTML_CELL_CHARS);
                let _ = write!(html, "<td dir=\"auto\">{}</td>", html_escape(&cell));
            }
        }
        html.push_str("</tr>\n");
    }
}

/// The first concordance lines of the top words, each word's lines collapsed
/// under it; or why there are none. A word's lines run in its script's direction,
/// so that for Arabic and Persian the words before the match stand to its right.
fn concordance_section(html: &mut String, report: &Report) {
    html.push_str("<h2>Concordance</h2>\n");
    let top = match report.concordance() {
        ConcordanceLines::NotRead(why) => {
            let _ = writeln!(html, "<p>No concordance lines: {}.</p>", html_escape(why));
            return;
        }
        ConcordanceLines::Read { top, .. } => top,
    };
    if top.is_empty() {
        html.push_str("<p>No word to show.</p>\n");
        return;
    }
    let _ = writeln!(
        html,
        "<p>The first {INDEX_CONCORDANCE_LINES} lines of each of the {} most frequent words \
         that are not stopwords (those of top-terms.png), in the order of documents.csv: open \
         a word to see them. <code>corpstat kwic WORD</code> prints every line of a word, and \
         <code>corpstat report --kwic WORD,...</code> writes them to concordance.csv.</p>",
        top.len()
    );
    // As in the tables: concordance.csv and `corpstat kwic` give whole cells.
    let cut = |text: &str| html_escape(&super::chart::text::shortened(text, MAX_HTML_CELL_CHARS));
    for (word, count, lines) in top {
        let dir = if super::chart::text::is_rtl(word) {
            "rtl"
        } else {
            "ltr"
        };
        let _ = writeln!(
            html,
            "<details><summary><bdi>{}</bdi>: {} occurrences</summary>\n\
             <div class=\"scroll\"><table class=\"kwic\" dir=\"{dir}\">\n<tbody>",
            cut(word),
            grouped(i128::from(*count))
        );
        for line in lines {
            let _ = writeln!(
                html,
                "<tr><td class=\"before\">{}</td><td class=\"match\"><mark>{}</mark></td>\
                 <td class=\"after\">{}</td><td class=\"document\" dir=\"auto\">{} · {}</td></tr>",
                cut(&line.left),
                cut(&line.matched),
                cut(&line.right),
                cut(&line.document),
                line.sentence
            );
        }
        html.push_str("</tbody></table></div></details>\n");
    }
}

/// The largest clusters of duplicates, each collapsed under a line that names its
/// size and first document; or none, when there are none.
fn duplicates_section(html: &mut String, report: &Report) {
    let Some(figures) = &report.summary().duplicates else {
        return;
    };
    html.push_str("<h2>Duplicates</h2>\n");
    let rows = report.duplicate_rows();
    if rows.is_empty() {
        html.push_str("<p>No two documents are duplicates, exactly or nearly.</p>\n");
        return;
    }
    let share = |s: Option<f64>| s.map(share_percent).unwrap_or_default();
    let largest = longest_runs(rows, |a, b| a.cluster == b.cluster, LARGEST_CLUSTERS);
    let _ = writeln!(
        html,
        "<p>{} clusters; beyond the first document of each, {}% of the documents are exact \
         duplicates and {}% near ones or exact. The {} largest, largest first (ties in \
         cluster order); <a href=\"duplicates.csv\">duplicates.csv</a> lists them all.</p>",
        grouped(i128::from(figures.near.clusters)),
        share(figures.exact.document_share),
        share(figures.near.document_share),
        largest.len()
    );
    let cut = |text: &str| html_escape(&super::chart::text::shortened(text, MAX_HTML_CELL_CHARS));
    for span in largest {
        let cluster = &rows[span];
        let _ = writeln!(
            html,
            "<details><summary>cluster {}: {} documents, the first <bdi>{}</bdi></summary>\n\
             <div class=\"scroll\"><table class=\"data\">\n<thead><tr><th>document</th><th>kind</th>\
             <th>similarity</th></tr></thead>\n<tbody>",
            cluster[0].cluster,
            cluster.len(),
            cut(&cluster[0].document)
        );
        for row in cluster {
            let _ = writeln!(
                html,
                "<tr><td dir=\"auto\">{}</td><td>{}</td><td class=\"n\">{}</td></tr>",
                cut(&row.document),
                row.kind.name(),
                crate::table::float(row.similarity)
            );
        }
        html.push_str("</tbody></table></div></details>\n");
    }
}

/// The page: summary figures, the languages, every chart, and rows of every table
/// chosen to show what it is for (`Preview`).
pub fn index_html(report: &Report, corpus: &str, charts: &[Chart]) -> String {
    let s = &report.summary;
    let corpus = html_escape(corpus);
    let mut html = String::new();
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>corpstat report: {corpus}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <h1>corpstat report: <span dir=\"auto\">{corpus}</span></h1>\n"
    );
    html.push_str("<h2>Summary</h2>\n");
    let metrics: Vec<Vec<String>> = s
        .metrics()
        .into_iter()
        .map(|metric| {
            let value = match metric.value {
                MetricValue::Count(n) => n.to_string(),
                MetricValue::Ratio(v) => v.map_or(String::new(), |v| v.to_string()),
            };
            vec![metric.label.to_string(), value]
        })
        .collect();
    data_table(
        &mut html,
        "summary",
        &[("figure", false), ("value", true)],
        &metrics,
    );
    html.push_str("<h2>Languages</h2>\n");
    let languages: Vec<Vec<String>> = s
        .languages
        .iter()
        .map(|(code, share)| {
            vec![
                language_label(code),
                share.words.to_string(),
                share_percent(share.share),
            ]
        })
        .collect();
    data_table(
        &mut html,
        "languages",
        &[("language", false), ("words", true), ("share %", true)],
        &languages,
    );
    html.push_str("<h2>Charts</h2>\n");
    for chart in charts {
        let size = png_size(&chart.png)
            .map(|(w, h)| format!(" width=\"{w}\" height=\"{h}\""))
            .unwrap_or_default();
        let _ = writeln!(
            html,
            "<figure><div class=\"chart\"><img src=\"{0}\" alt=\"{1}\"{size}></div><figcaption>{1} (<a href=\"{0}\">{0}</a>)</figcaption></figure>",
            chart.name,
            html_escape(&chart.title)
        );
    }
    concordance_section(&mut html, report);
    duplicates_section(&mut html, report);
    html.push_str(
        "<h2>Tables</h2>\n<p>Rows of each table chosen to show what it holds; the CSV files \
         hold every row and every digit, and <a href=\"README.md\">README.md</a> explains \
         every column. Click a column's name to sort the rows shown.</p>\n",
    );
    for spec in TABLES.iter().filter(|spec| spec.is_in(report)) {
        let (table, total) = spec.preview(report);
        let _ = writeln!(
            html,
            "<h3><a href=\"{0}\">{0}</a></h3>\n<p>{1}</p>",
            spec.name,
            markdown_line(spec.about)
        );
        let header: Vec<(&str, bool)> = table
            .columns
            .iter()
            .map(|c| (&*c.name, c.kind == Kind::Number))
            .collect();
        let id = spec.name.trim_end_matches(".csv");
        let held = if total > table.rows.len() {
            spec.top(report, HELD_ROWS).0.rows
        } else {
            Vec::new()
        };
        data_table_holding(&mut html, id, &header, &table.rows, &held);
        if held.is_empty() {
            let _ = writeln!(
                html,
                "<p class=\"rows\">{} of {} rows shown.</p>",
                grouped(table.rows.len() as i128),
                grouped(total as i128)
            );
        } else {
            let searched = if held.len() < total {
                format!("the first {}", grouped(held.len() as i128))
            } else {
                "all of them".to_string()
            };
            let _ = writeln!(
                html,
                "<p class=\"rows\">{} of {} rows shown; the filter box searches {searched}, and <a href=\"{}\">{}</a> holds every row.</p>",
                grouped(table.rows.len() as i128),
                grouped(total as i128),
                spec.name,
                spec.name
            );
        }
    }
    let _ = write!(
        html,
        "</main>\n<script>\n{SCRIPT}</script>\n</body>\n</html>\n"
    );
    // The fonts are those of the whole page's text, so they go in last.
    let fonts = page_fonts(&html);
    if let Some(end) = html.find("</style>") {
        html.insert_str(end, &font_family_rule(&fonts));
    }
    if let Some(start) = html.find("<style>\n") {
        html.insert_str(start + "<style>\n".len(), &font_faces(&fonts));
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_formatted_for_reading() {
        assert_eq!(readable_number("1234567"), "1,234,567");
        assert_eq!(readable_number("-1234"), "-1,234");
        assert_eq!(readable_number("999"), "999");
        assert_eq!(readable_number("146.957729"), "147.0");
        assert_eq!(readable_number("14.957729"), "14.96");
        assert_eq!(readable_number("0.523164"), "0.5232");
        assert_eq!(readable_number("588451.4"), "588,451");
        assert_eq!(readable_number("-12.345678"), "-12.35");
        assert_eq!(readable_number("1.000000"), "1.000");
        assert_eq!(readable_number(""), "");
        assert_eq!(readable_number("NaN"), "NaN");
        // Never more digits than the cell holds.
        assert_eq!(readable_number("0.12"), "0.12");
        assert_eq!(readable_number("45.5"), "45.5");
    }

    /// A language with 0.125% of the words (1 in 800) reads 0.1250, not 0.1200.
    #[test]
    fn a_language_share_prints_what_the_table_holds() {
        let cell = share_percent(1.0 / 800.0);
        assert_eq!(cell, "0.1250");
        assert_eq!(readable_number(&cell), "0.1250");
    }

    #[test]
    fn markdown_code_spans_become_code() {
        assert_eq!(
            markdown_line("with `--ngrams` <b>"),
            "with <code>--ngrams</code> &lt;b&gt;"
        );
    }

    #[test]
    fn languages_are_named() {
        assert_eq!(language_label("fas"), "Persian (fas)");
        assert_eq!(language_label("und"), "Undetermined (und)");
    }
}
