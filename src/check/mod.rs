//! `corpstat check`: rules over `summary.json`, and drift against a baseline.
//!
//! A rules file is TOML, one `[[rule]]` table per rule:
//!
//! ```toml
//! [[rule]]
//! name = "enough documents"      # required
//! metric = "documents"           # a dotted path into summary.json
//! min = 100                      # and/or max, equals
//! severity = "error"             # or "warning"; default error
//!
//! [[rule]]
//! name = "Arabic share is stable"
//! metric = "languages.ara.share"
//! max_change = 0.05              # absolute, against the baseline; or max_change_pct
//!
//! [[rule]]
//! name = "top terms still the same"
//! drift = "top_k_overlap"        # or top_k_spearman, new_term_share, language_share_change
//! k = 100
//! min = 0.5
//! ```
//!
//! Metric paths are the numeric leaves of `summary.json` (see `reports/README.md`),
//! plus `problems.count`. `languages.CODE.*` and `scripts.NAME.*` of a code or
//! script absent from a summary are 0, and so are `approximate.*` when every count
//! is exact. Drift rules:
//!
//! | drift | value |
//! |---|---|
//! | `top_k_overlap` | Jaccard index of the sets of the top k terms |
//! | `top_k_spearman` | Spearman's ρ of the ranks of the terms both top-k lists share (re-ranked 1..m) |
//! | `new_term_share` | share of the tokens whose term is absent from the baseline's terms.csv |
//! | `language_share_change` | largest absolute change of a language's share, over every language of either summary |
//!
//! Terms are compared under their folded form, so a change of display form is no drift.

mod drift;
mod init;
mod junit;
mod rules;
mod snapshot;

use drift::drift_value;

#[cfg(test)]
mod tests;

pub use drift::Drift;
pub use init::init_rules;
pub use junit::junit_xml;
pub use rules::{parse_rules, Rule};
pub use snapshot::{read_terms, Snapshot};

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::normalize::{NormalizeOptions, Normalizer};

/// How much a failed rule matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A failure fails the check.
    #[default]
    Error,
    /// A failure is reported as a warning.
    Warning,
}

/// A rules file that cannot be used, or inputs that do not fit it: exit code 2.
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    /// The file cannot be read.
    #[error("{path}: {message}")]
    Read {
        /// The file.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// The rules file is not valid TOML or does not have the rules' shape.
    #[error("{path}: {message}")]
    Syntax {
        /// The file.
        path: String,
        /// What is wrong, with its line.
        message: String,
    },
    /// A rule is not well formed.
    #[error("{path}:{line}: rule \"{name}\": {message}")]
    Rule {
        /// The rules file.
        path: String,
        /// The line of the rule's `[[rule]]` header.
        line: usize,
        /// The rule's name.
        name: String,
        /// What is wrong with it.
        message: String,
    },
    /// The baseline was written with another layout of summary.json.
    #[error("{path}: baseline has schema_version {found}, this corpstat writes {expected}; regenerate the baseline with this version")]
    Schema {
        /// The baseline's summary.json.
        path: String,
        /// Its schema_version.
        found: u64,
        /// The schema_version this corpstat writes.
        expected: u64,
    },
}

/// The result of one rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The rule holds.
    Pass,
    /// The rule failed and its severity is error.
    Fail,
    /// The rule failed and its severity is warning.
    Warn,
}

/// One line of the check's report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    /// The rule's name.
    pub rule: String,
    /// The metric path or the drift measure.
    pub metric: String,
    /// What the rule expects.
    pub expected: String,
    /// What was found (a number in JSON when it is one).
    #[serde(serialize_with = "number_if_numeric")]
    pub actual: String,
    /// Pass, fail or warn.
    pub status: Status,
}

/// A figure as a JSON number when it reads as one ("0.25"), else as a string
/// ("none", "ara +3.1%").
fn number_if_numeric<S: serde::Serializer>(value: &str, serializer: S) -> Result<S::Ok, S::Error> {
    match value.parse::<serde_json::Number>() {
        Ok(number) => number.serialize(serializer),
        Err(_) => serializer.serialize_str(value),
    }
}

/// Everything a check compares.
pub struct CheckInput<'a> {
    /// The rules file's path, for messages.
    pub rules_path: &'a str,
    /// The corpus being checked.
    pub current: &'a Snapshot,
    /// The baseline, if any.
    pub baseline: Option<&'a Snapshot>,
    /// Whether input problems are allowed (else they fail the check).
    pub allow_partial: bool,
}

/// A value as the check prints it: whole numbers bare, others with at most 6 decimals.
/// A change with its sign: "+0.062", "-0.05", "0".
fn signed(change: f64) -> String {
    if change > 0.0 {
        format!("+{}", number(change))
    } else {
        number(change)
    }
}

fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.0}")
    } else {
        let fixed = format!("{x:.6}");
        fixed
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string()
    }
}

/// Runs every rule. Errors (exit code 2) for rules that cannot be evaluated.
pub fn run_check(rules: &[Rule], input: &CheckInput) -> Result<Vec<Outcome>, CheckError> {
    if let Some(baseline) = input.baseline {
        let (found, expected) = (baseline.schema_version(), input.current.schema_version());
        if found != expected {
            return Err(CheckError::Schema {
                path: baseline.origin.clone(),
                found: found.unwrap_or(0),
                expected: expected.unwrap_or(0),
            });
        }
    }
    // Drift compares terms as the checked corpus folded them.
    let normalizer = input
        .current
        .summary
        .pointer("/options/normalize")
        .and_then(|v| serde_json::from_value::<NormalizeOptions>(v.clone()).ok())
        .and_then(|o| Normalizer::new(&o).ok())
        .unwrap_or_default();
    let mut outcomes = Vec::new();
    if !input.allow_partial {
        outcomes.push(read_in_full(input.current));
    }
    for rule in rules {
        outcomes.push(evaluate(rule, input, &normalizer)?);
    }
    Ok(outcomes)
}

/// The implicit first rule: no input problems.
fn read_in_full(current: &Snapshot) -> Outcome {
    let problems = current.metric("problems.count").unwrap_or(0.0);
    Outcome {
        rule: "input read in full".to_string(),
        metric: "problems.count".to_string(),
        expected: "= 0 (--allow-partial to permit)".to_string(),
        actual: number(problems),
        status: if problems == 0.0 {
            Status::Pass
        } else {
            Status::Fail
        },
    }
}

/// One rule's outcome: its value, then each bound it sets.
fn evaluate(
    rule: &Rule,
    input: &CheckInput,
    normalizer: &Normalizer,
) -> Result<Outcome, CheckError> {
    let error = |message: String| CheckError::Rule {
        path: input.rules_path.to_string(),
        line: rule.line,
        name: rule.name.clone(),
        message,
    };
    let (metric, value, baseline_value) = measure(rule, input, normalizer).map_err(&error)?;
    let mut verdict = Verdict {
        expected: Vec::new(),
        actual: number(value),
        ok: true,
    };
    // The language mix's drift names the language that moved, with its sign.
    if let (Some(Drift::LanguageShareChange), Some(baseline)) = (rule.drift, input.baseline) {
        if let Some((code, change)) = drift::largest_language_change(input.current, baseline) {
            let _ = write!(verdict.actual, " ({code} {})", signed(change));
        }
    }
    verdict.bounds(rule, value);
    if rule.max_change.is_some() || rule.max_change_pct.is_some() {
        let base = baseline_value
            .ok_or_else(|| error("max_change and max_change_pct need --baseline".to_string()))?;
        verdict.change(rule, value, base);
    }
    Ok(Outcome {
        rule: rule.name.clone(),
        metric,
        expected: verdict.expected.join(", "),
        actual: verdict.actual,
        status: match (verdict.ok, rule.severity) {
            (true, _) => Status::Pass,
            (false, Severity::Error) => Status::Fail,
            (false, Severity::Warning) => Status::Warn,
        },
    })
}

/// What a rule measures: its name as printed, the value, and the baseline's value
/// of a metric (drift has none: it is already a comparison).
fn measure(
    rule: &Rule,
    input: &CheckInput,
    normalizer: &Normalizer,
) -> Result<(String, f64, Option<f64>), String> {
    match (&rule.metric, rule.drift) {
        (Some(path), _) => {
            let value = input.current.metric(path)?;
            let base = match input.baseline {
                Some(b) => Some(b.metric(path)?),
                None => None,
            };
            Ok((path.clone(), value, base))
        }
        (None, Some(drift)) => {
            let baseline = input
                .baseline
                .ok_or_else(|| format!("drift {} needs --baseline", drift.name()))?;
            let value = drift_value(
                drift,
                rule.k.unwrap_or(0),
                input.current,
                baseline,
                normalizer,
            )?;
            let metric = match rule.k {
                Some(k) => format!("{}(k={k})", drift.name()),
                None => drift.name().to_string(),
            };
            Ok((metric, value, None))
        }
        (None, None) => Err("no metric".to_string()),
    }
}

/// A rule's outcome as it is built: the bounds it states, the value as printed,
/// and whether every bound holds.
struct Verdict {
    expected: Vec<String>,
    actual: String,
    ok: bool,
}

impl Verdict {
    /// min, max and equals.
    fn bounds(&mut self, rule: &Rule, value: f64) {
        if let Some(min) = rule.min {
            self.expected.push(format!(">= {}", number(min)));
            self.ok &= value >= min;
        }
        if let Some(max) = rule.max {
            self.expected.push(format!("<= {}", number(max)));
            self.ok &= value <= max;
        }
        if let Some(equals) = rule.equals {
            self.expected.push(format!("= {}", number(equals)));
            self.ok &= (value - equals).abs() <= 1e-9 * equals.abs().max(1.0);
        }
    }

    /// max_change and max_change_pct, against the baseline's value `base`.
    fn change(&mut self, rule: &Rule, value: f64, base: f64) {
        let change = value - base;
        let _ = write!(
            self.actual,
            " (baseline {}, change {})",
            number(base),
            signed(change)
        );
        if let Some(max) = rule.max_change {
            self.expected.push(format!("|change| <= {}", number(max)));
            self.ok &= change.abs() <= max + 1e-12;
        }
        if let Some(pct) = rule.max_change_pct {
            self.expected.push(format!("|change| <= {}%", number(pct)));
            let relative = if base == 0.0 {
                if change == 0.0 {
                    0.0
                } else {
                    f64::INFINITY
                }
            } else {
                change.abs() / base.abs() * 100.0
            };
            let sign = if change < 0.0 { "-" } else { "+" };
            let _ = write!(
                self.actual,
                " {sign}{}%",
                if relative.is_finite() {
                    format!("{relative:.2}")
                } else {
                    "inf".into()
                }
            );
            self.ok &= relative <= pct + 1e-9;
        }
    }
}
