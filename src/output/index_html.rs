use std::fmt::Write as _;

use super::chart::Chart;
use super::TABLES;
use crate::report::{MetricValue, Report};

/// Table cells on index.html longer than this many characters are cut, with an ellipsis.
const MAX_HTML_CELL_CHARS: usize = 200;

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The page: summary figures, every chart, and the first rows of every table.
pub fn index_html(report: &Report, corpus: &str, charts: &[Chart]) -> String {
    let s = &report.summary;
    let corpus = html_escape(corpus);
    let mut html = String::new();
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>corpstat report: {corpus}</title>\n<style>\n\
         body {{ font-family: Vazirmatn, 'Noto Sans Arabic', Tahoma, sans-serif; margin: 2em auto; max-width: 1100px; color: #222; }}\n\
         table {{ border-collapse: collapse; margin: 0.5em 0 1.5em; }}\n\
         td, th {{ border: 1px solid #ccc; padding: 0.25em 0.6em; }}\n\
         th {{ background: #f3f3f3; }}\n\
         td.n {{ text-align: right; font-variant-numeric: tabular-nums; }}\n\
         figure {{ margin: 1.5em 0; }} img {{ max-width: 100%; border: 1px solid #ddd; }}\n\
         </style>\n</head>\n<body>\n<h1>corpstat report: <span dir=\"auto\">{corpus}</span></h1>\n"
    );
    html.push_str("<h2>Summary</h2>\n<table>\n");
    for metric in s.metrics() {
        let value = match metric.value {
            MetricValue::Count(n) => n.to_string(),
            MetricValue::Ratio(v) => v.map_or("—".to_string(), |v| v.to_string()),
        };
        let _ = writeln!(
            html,
            "<tr><th>{}</th><td class=\"n\">{value}</td></tr>",
            metric.label
        );
    }
    html.push_str("</table>\n<table>\n<tr><th>language</th><th>words</th><th>share</th></tr>\n");
    for (code, share) in &s.languages {
        let _ = writeln!(
            html,
            "<tr><td>{code}</td><td class=\"n\">{}</td><td class=\"n\">{:.4}</td></tr>",
            share.words, share.share
        );
    }
    html.push_str("</table>\n<h2>Charts</h2>\n");
    for chart in charts {
        let _ = writeln!(
            html,
            "<figure><img src=\"{0}\" alt=\"{1}\"><figcaption>{1} (<a href=\"{0}\">{0}</a>)</figcaption></figure>",
            chart.name,
            html_escape(&chart.title)
        );
    }
    html.push_str("<h2>Tables</h2>\n<p>The first rows of each table; <a href=\"README.md\">README.md</a> explains every column.</p>\n");
    const SHOWN: usize = 10;
    for spec in TABLES.iter().filter(|spec| spec.is_in(report)) {
        let (table, total) = spec.top(report, SHOWN);
        let _ = writeln!(
            html,
            "<h3><a href=\"{0}\">{0}</a></h3>\n<p>{1}</p>\n<table>\n<tr>",
            spec.name,
            html_escape(spec.about)
        );
        for c in table.columns.iter() {
            let _ = write!(html, "<th>{}</th>", c.name);
        }
        html.push_str("</tr>\n");
        for row in &table.rows {
            html.push_str("<tr>");
            for (c, cell) in table.columns.iter().zip(row) {
                let class = if c.kind == crate::output::table::Kind::Number {
                    " class=\"n\""
                } else {
                    ""
                };
                // The CSV file has the whole cell; a page of megabyte cells helps no one.
                let cell = crate::output::chart::text::shortened(cell, MAX_HTML_CELL_CHARS);
                let _ = write!(html, "<td dir=\"auto\"{class}>{}</td>", html_escape(&cell));
            }
            html.push_str("</tr>\n");
        }
        let _ = writeln!(html, "</table>\n<p>{total} rows in all.</p>");
    }
    html.push_str("</body>\n</html>\n");
    html
}
