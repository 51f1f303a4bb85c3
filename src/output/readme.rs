//! The report folder's README.md: prose kept in `readme/head.md` and
//! `readme/tail.md`, with every number that the code decides substituted from
//! the code (`{NAME}` placeholders), the table sections generated from
//! [`TABLES`], the list of charts from `CHARTS` and the normalization steps from
//! `STEPS`, so the documentation cannot drift from what was written.

use std::fmt::Write as _;

use super::{chart, MissingGlyphs, TABLES};
use crate::count::{MAX_SCOPE_TERMS, PROBLEMS_LISTED};
use crate::language::{
    CONSENSUS_FROM, MIN_WORDS, RELIABLE_FROM, STOPWORDS_MARGIN, STOPWORDS_MIN_WORDS,
    STOPWORDS_NAME_FROM, TRUSTED_SHARE,
};
use crate::measures::lexical::MTLD_THRESHOLD;
use crate::normalize::{Phase, StepSpec, STEPS};
use crate::options::Options;
use crate::report::{
    CHART_TERMS, HEATMAP_WORDS, LANGUAGE_CHART_SHARE, SCHEMA_VERSION, STOPWORD_LANGUAGE_SHARE,
    TOP_NGRAMS,
};
use crate::stopwords;
use crate::table::FLOAT_DECIMALS;

/// The prose before the tables.
const HEAD: &str = include_str!("readme/head.md");
/// The prose after the tables.
const TAIL: &str = include_str!("readme/tail.md");

/// The documentation of the report folder for a run with `options` (the MATTR
/// window is the run's own) whose charts drew the `missing` characters as
/// placeholders.
pub fn report_readme(options: &Options, missing: &MissingGlyphs) -> String {
    let mut values = placeholders(options);
    values.push(("MISSING_GLYPHS", missing_glyphs(missing)));
    let mut md = fill(HEAD, &values);
    for spec in TABLES {
        let _ = writeln!(
            md,
            "\n## `{}`\n\n{}\n\n| column | meaning |\n|---|---|",
            spec.name, spec.about
        );
        for c in spec.columns {
            let _ = writeln!(md, "| `{}` | {} |", c.name, c.doc);
        }
        let _ = writeln!(md, "\nSorted by {}.", spec.order);
    }
    md.push_str(&fill(TAIL, &values));
    md
}

/// Every placeholder of the prose with its value.
fn placeholders(options: &Options) -> Vec<(&'static str, String)> {
    let mut lists: Vec<&str> = stopwords::LANGUAGES.iter().map(|&(_, iso1)| iso1).collect();
    lists.sort_unstable();
    vec![
        // First: the rows of the charts hold placeholders of their own.
        ("CHARTS", chart_rows()),
        (
            "SURFACE_STEPS",
            steps_item("1. surface steps", Phase::Surface, ";"),
        ),
        (
            "FOLD_STEPS",
            steps_item(
                "3. fold steps, per token",
                Phase::Fold,
                ". Any step of the profile can be switched off with `--no-fold STEP`;",
            ),
        ),
        ("CHART_TERMS", CHART_TERMS.to_string()),
        ("CHART_FONTS", chart::fonts::chain_description()),
        (
            "FONT_SCRIPTS",
            chart::fonts::covered_scripts()
                .iter()
                .map(|s| s.name())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ("TOP_NGRAMS", TOP_NGRAMS.to_string()),
        ("HEATMAP_WORDS", HEATMAP_WORDS.to_string()),
        ("LANGUAGE_BARS", chart::LANGUAGE_BARS.to_string()),
        ("MIXED_DOCUMENTS", chart::MIXED_DOCUMENTS.to_string()),
        ("GROUPS_CHART_ROWS", chart::GROUPS_CHART_ROWS.to_string()),
        ("KEYNESS_BARS", chart::KEYNESS_BARS.to_string()),
        ("KEYNESS_CHARTS", chart::KEYNESS_CHARTS.to_string()),
        ("TREND_CHART_TERMS", chart::TREND_CHART_TERMS.to_string()),
        ("DECIMALS", FLOAT_DECIMALS.to_string()),
        ("LANGUAGE_CHART_SHARE", percent(LANGUAGE_CHART_SHARE)),
        ("MATTR_WINDOW", options.mattr_window.to_string()),
        ("MAX_SCOPE_TERMS", thousands(MAX_SCOPE_TERMS)),
        ("MIN_WORDS", MIN_WORDS.to_string()),
        ("RELIABLE_FROM", RELIABLE_FROM.to_string()),
        ("CONSENSUS_FROM", CONSENSUS_FROM.to_string()),
        ("STOPWORDS_MIN_WORDS", STOPWORDS_MIN_WORDS.to_string()),
        ("STOPWORDS_NAME_FROM", percent(STOPWORDS_NAME_FROM)),
        ("STOPWORDS_MARGIN", STOPWORDS_MARGIN.to_string()),
        (
            "KEYNESS_CHART_MIN_TOKENS",
            thousands(chart::KEYNESS_CHART_MIN_TOKENS as usize),
        ),
        ("SIGNIFICANT_BELOW", chart::SIGNIFICANT_BELOW.to_string()),
        ("TRUSTED_SHARE", percent(TRUSTED_SHARE)),
        ("MTLD_THRESHOLD", MTLD_THRESHOLD.to_string()),
        ("PROBLEMS_LISTED", PROBLEMS_LISTED.to_string()),
        ("SCHEMA_VERSION", SCHEMA_VERSION.to_string()),
        ("STOPWORD_LISTS", lists.join(", ")),
        ("STOPWORD_SHARE", percent(STOPWORD_LANGUAGE_SHARE)),
        ("LEDGER_STEPS", ledger_steps()),
        ("QUALITY_RULES", quality_rules()),
    ]
}

/// The quality rules as a Markdown list, from [`RULES`](crate::report::RULES).
fn quality_rules() -> String {
    crate::report::RULES
        .iter()
        .map(|r| format!("- `{}`: {}", r.name, r.about))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The ledger's steps as a Markdown list, from [`ledger_steps`](crate::normalize::ledger_steps).
fn ledger_steps() -> String {
    crate::normalize::ledger_steps()
        .map(|s| format!("- `{}`: {}", s.name, s.about))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The rows of the README's list of charts, from [`CHARTS`](chart::CHARTS).
fn chart_rows() -> String {
    chart::CHARTS
        .iter()
        .map(|c| format!("| `{}` | {} |", c.name, c.about))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A numbered item of the README's list of what text passes through: the steps of
/// `phase` in [`STEPS`], those of the profile first, then the optional ones with the
/// option that switches each on; wrapped as the prose around it is.
fn steps_item(lead: &str, phase: Phase, end: &str) -> String {
    let described = |step: &StepSpec| {
        let about = match (step.about, step.option) {
            ("", None) => String::new(),
            (about, None) => format!(" ({about})"),
            ("", Some(option)) => format!(" (with `{option}`)"),
            (about, Some(option)) => format!(" ({about}, with `{option}`)"),
        };
        format!("`{}`{about}", step.name)
    };
    let of_phase = || STEPS.iter().filter(move |s| s.phase == phase);
    let profile: Vec<String> = of_phase().filter(|s| s.in_profile).map(described).collect();
    let optional: Vec<String> = of_phase()
        .filter(|s| !s.in_profile)
        .map(described)
        .collect();
    let mut item = format!("{lead}: {}", profile.join(", "));
    if !optional.is_empty() {
        item.push_str(&format!("; optional: {}", optional.join(", ")));
    }
    item.push_str(end);
    wrapped(&item, README_WIDTH, "   ")
}

/// Characters per line of the README's prose, at most.
const README_WIDTH: usize = 88;

/// `text` broken at spaces into lines of at most `width` characters (a longer word
/// stands alone), every line but the first starting with `indent`.
fn wrapped(text: &str, width: usize, indent: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if line.is_empty() {
            line.push_str(word);
        } else if line.chars().count() + 1 + word.chars().count() <= width {
            line.push(' ');
            line.push_str(word);
        } else {
            lines.push(std::mem::take(&mut line));
            line = format!("{indent}{word}");
        }
    }
    lines.push(line);
    lines.join("\n")
}

/// `text` with each `{NAME}` replaced by its value.
fn fill(text: &str, values: &[(&'static str, String)]) -> String {
    values.iter().fold(text.to_string(), |text, (name, value)| {
        text.replace(&format!("{{{name}}}"), value)
    })
}

/// The paragraph of a report whose charts drew characters as placeholders: none
/// when they drew none.
fn missing_glyphs(missing: &MissingGlyphs) -> String {
    if missing.labels == 0 {
        return String::new();
    }
    format!(
        "\n\nIn this report, {} chart label{} held characters that no embedded font has, each drawn \
         as its code point in a box: {}.",
        thousands(missing.labels),
        if missing.labels == 1 { "" } else { "s" },
        missing.listed(100)
    )
}

/// A share as a whole percentage: 0.05 → "5".
fn percent(share: f64) -> String {
    format!("{:.0}", share * 100.0)
}

/// A count with thousands separators, as the prose writes them: 4000 → "4,000".
fn thousands(n: usize) -> String {
    super::index_html::grouped(n as i128)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every placeholder in the prose has a value, and every value is used.
    #[test]
    fn every_placeholder_is_filled() {
        let values = placeholders(&Options::default());
        let md = report_readme(&Options::default(), &MissingGlyphs::default());
        for (name, _) in &values {
            let placeholder = format!("{{{name}}}");
            assert!(
                HEAD.contains(&placeholder)
                    || TAIL.contains(&placeholder)
                    || chart_rows().contains(&placeholder),
                "{name} is never used"
            );
            assert!(!md.contains(&placeholder), "{name} left in");
        }
        let left: Vec<&str> = md
            .match_indices('{')
            .filter_map(|(i, _)| md[i + 1..].split_once('}'))
            .map(|(inside, _)| inside)
            .filter(|inside| {
                !inside.is_empty() && inside.chars().all(|c| c.is_ascii_uppercase() || c == '_')
            })
            .collect();
        assert!(left.is_empty(), "unfilled: {left:?}");
        assert_eq!(thousands(4000), "4,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(percent(0.05), "5");
    }

    /// The MATTR window the run used is the one the README states.
    #[test]
    fn the_mattr_window_is_the_runs() {
        let options = Options {
            mattr_window: 120,
            ..Options::default()
        };
        assert!(report_readme(&options, &MissingGlyphs::default())
            .contains("every window of 120 consecutive tokens"));
    }
}
