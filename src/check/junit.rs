//! JUnit XML of the outcomes, for CI systems that show test reports; text is
//! escaped for XML 1.0, which cannot carry some characters at all.

use std::fmt::Write as _;

use super::{Outcome, Status};

/// JUnit XML with one test case per outcome; failures as `<failure>`, warnings in `<system-out>`.
pub fn junit_xml(outcomes: &[Outcome]) -> String {
    let failures = outcomes.iter().filter(|o| o.status == Status::Fail).count();
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        xml,
        "<testsuites name=\"corpstat check\" tests=\"{}\" failures=\"{failures}\">",
        outcomes.len()
    );
    let _ = writeln!(
        xml,
        "  <testsuite name=\"corpstat check\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">",
        outcomes.len()
    );
    for o in outcomes {
        let detail = format!("{}: expected {}, actual {}", o.metric, o.expected, o.actual);
        let _ = write!(
            xml,
            "    <testcase classname=\"corpstat.check\" name=\"{}\">",
            escape(&o.rule)
        );
        match o.status {
            Status::Pass => {}
            Status::Fail => {
                let _ = write!(
                    xml,
                    "\n      <failure message=\"{}\" type=\"rule\">{}</failure>\n    ",
                    escape(&detail),
                    escape(&detail)
                );
            }
            Status::Warn => {
                let _ = write!(
                    xml,
                    "\n      <system-out>warning: {}</system-out>\n    ",
                    escape(&detail)
                );
            }
        }
        xml.push_str("</testcase>\n");
    }
    xml.push_str("  </testsuite>\n</testsuites>\n");
    xml
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 cannot carry at all (its Char production).
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{FFFD}'),
            '\u{FFFE}' | '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}
