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

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::Path;

use rustc_hash::{FxHashMap, FxHashSet};
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

/// A corpus-level comparison with the baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Drift {
    /// Jaccard index of the top-k term sets.
    TopKOverlap,
    /// Spearman correlation of the shared top-k terms.
    TopKSpearman,
    /// Share of tokens whose term the baseline lacks.
    NewTermShare,
    /// Largest absolute change of a language share.
    LanguageShareChange,
}

impl Drift {
    fn name(self) -> &'static str {
        match self {
            Drift::TopKOverlap => "top_k_overlap",
            Drift::TopKSpearman => "top_k_spearman",
            Drift::NewTermShare => "new_term_share",
            Drift::LanguageShareChange => "language_share_change",
        }
    }

    fn needs_k(self) -> bool {
        matches!(self, Drift::TopKOverlap | Drift::TopKSpearman)
    }
}

/// One rule as written in the rules file.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// The rule's name.
    pub name: String,
    /// Error (default) or warning.
    #[serde(default)]
    pub severity: Severity,
    /// A dotted path into summary.json.
    pub metric: Option<String>,
    /// A drift measure.
    pub drift: Option<Drift>,
    /// The k of top-k drift rules.
    pub k: Option<usize>,
    /// Lowest allowed value.
    pub min: Option<f64>,
    /// Highest allowed value.
    pub max: Option<f64>,
    /// The required value (within 1e-9).
    pub equals: Option<f64>,
    /// Largest allowed absolute change against the baseline.
    pub max_change: Option<f64>,
    /// Largest allowed change against the baseline, in percent of the baseline's value.
    pub max_change_pct: Option<f64>,
    /// Line of the rule in its file (filled in when parsing).
    #[serde(skip)]
    pub line: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    #[serde(default)]
    rule: Vec<toml::Spanned<Rule>>,
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

/// The line numbers of byte offsets in a text, found by binary search over the line
/// starts, so that a file of many rules is read in linear time.
struct Lines(Vec<usize>);

impl Lines {
    fn of(text: &str) -> Lines {
        Lines(
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
        )
    }

    /// The 1-based line of `offset`.
    fn line(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset).max(1)
    }
}

/// Parses and validates a rules file's text; `path` names it in errors.
pub fn parse_rules(path: &str, text: &str) -> Result<Vec<Rule>, CheckError> {
    let lines = Lines::of(text);
    let file: RulesFile = toml::from_str(text).map_err(|e| CheckError::Syntax {
        path: path.to_string(),
        message: match e.span() {
            Some(span) => format!("line {}: {}", lines.line(span.start), e.message()),
            None => e.message().to_string(),
        },
    })?;
    let mut rules = Vec::new();
    let mut names: HashMap<String, usize> = HashMap::new();
    for spanned in file.rule {
        // The span starts at the rule's [[rule]] header.
        let line = lines.line(spanned.span().start);
        let mut rule = spanned.into_inner();
        rule.line = line;
        let bad = |message: &str| CheckError::Rule {
            path: path.to_string(),
            line,
            name: rule.name.clone(),
            message: message.to_string(),
        };
        let bounds = [
            rule.min,
            rule.max,
            rule.equals,
            rule.max_change,
            rule.max_change_pct,
        ];
        if let Some(first) = names.insert(rule.name.clone(), line) {
            return Err(bad(&format!(
                "the name is already used by the rule on line {first}; names must be unique"
            )));
        }
        if bounds.iter().flatten().any(|b| !b.is_finite()) {
            return Err(bad("bounds must be finite numbers (not nan or inf)"));
        }
        if let (Some(min), Some(max)) = (rule.min, rule.max) {
            if min > max {
                return Err(bad(&format!("min {min} is greater than max {max}")));
            }
        }
        if rule.max_change.is_some_and(|x| x < 0.0) || rule.max_change_pct.is_some_and(|x| x < 0.0)
        {
            return Err(bad("max_change and max_change_pct cannot be negative"));
        }
        match (&rule.metric, rule.drift) {
            (Some(_), Some(_)) => return Err(bad("give either metric or drift, not both")),
            (None, None) => return Err(bad("give a metric or a drift")),
            (Some(_), None) => {
                if bounds.iter().all(Option::is_none) {
                    return Err(bad("give min, max, equals, max_change or max_change_pct"));
                }
                if rule.k.is_some() {
                    return Err(bad("k belongs to top-k drift rules"));
                }
            }
            (None, Some(drift)) => {
                if rule.min.is_none() && rule.max.is_none() {
                    return Err(bad("a drift rule needs min or max"));
                }
                if rule.equals.is_some()
                    || rule.max_change.is_some()
                    || rule.max_change_pct.is_some()
                {
                    return Err(bad("a drift rule takes min and max only"));
                }
                match (drift.needs_k(), rule.k) {
                    (true, None) | (true, Some(0)) => {
                        return Err(bad("this drift needs k of at least 1"))
                    }
                    (false, Some(_)) => return Err(bad("k belongs to top-k drift rules")),
                    _ => {}
                }
            }
        }
        rules.push(rule);
    }
    Ok(rules)
}

/// A summary and its terms (term, count), in terms.csv order.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// Where it came from, for messages.
    pub origin: String,
    /// The summary.json object.
    pub summary: serde_json::Value,
    /// The terms, most frequent first; `None` when terms.csv was not found.
    pub terms: Option<Vec<(String, u64)>>,
}

impl Snapshot {
    /// Reads `summary.json` and the `terms.csv` beside it (when there is one).
    pub fn read(summary_path: &Path) -> Result<Snapshot, CheckError> {
        let origin = summary_path.display().to_string();
        let read_error = |e: &dyn std::fmt::Display| CheckError::Read {
            path: origin.clone(),
            message: e.to_string(),
        };
        let text = std::fs::read_to_string(summary_path).map_err(|e| read_error(&e))?;
        let summary: serde_json::Value = serde_json::from_str(&text).map_err(|e| read_error(&e))?;
        let terms_path = summary_path.with_file_name("terms.csv");
        let terms = if terms_path.exists() {
            Some(read_terms(&terms_path)?)
        } else {
            None
        };
        Ok(Snapshot {
            origin,
            summary,
            terms,
        })
    }

    fn schema_version(&self) -> Option<u64> {
        self.summary.get("schema_version").and_then(|v| v.as_u64())
    }

    /// The value at a dotted metric path: 0 for the words or share of a language or
    /// script the summary does not have, `Err` for a path that names nothing.
    fn metric(&self, path: &str) -> Result<f64, String> {
        let parts: Vec<&str> = path.split('.').collect();
        if path == "problems.count" {
            // Only the first problems are listed; the total counts them all.
            if let Some(total) = self.summary.get("problems_total").and_then(|v| v.as_f64()) {
                return Ok(total);
            }
        }
        if parts.len() == 2 && parts[1] == "count" {
            if let Some(array) = self.summary.get(parts[0]).and_then(|v| v.as_array()) {
                return Ok(array.len() as f64);
            }
        }
        let mut value = &self.summary;
        for (i, part) in parts.iter().enumerate() {
            match value.get(part) {
                Some(next) => value = next,
                None => {
                    let share_of_absent = i == 1
                        && parts.len() == 3
                        && matches!(parts[0], "languages" | "scripts")
                        && matches!(parts[2], "share" | "words")
                        && value.is_object();
                    // A kind of problem that did not occur.
                    let absent_problem = i == 1
                        && parts.len() == 2
                        && parts[0] == "problems_by_kind"
                        && value.is_object();
                    // Exact counts: nothing dropped, no undercount.
                    let exact = i == 1
                        && parts.len() == 2
                        && parts[0] == "approximate"
                        && matches!(parts[1], "max_undercount" | "rounds" | "dropped")
                        && value.is_null();
                    return if share_of_absent || exact || absent_problem {
                        Ok(0.0)
                    } else {
                        Err(format!("unknown metric path \"{path}\" in {}", self.origin))
                    };
                }
            }
        }
        match value {
            serde_json::Value::Number(n) => {
                n.as_f64().ok_or_else(|| format!("{path} is not a number"))
            }
            serde_json::Value::Null => {
                Err(format!("{path} is undefined (null) in {}", self.origin))
            }
            serde_json::Value::Bool(b) => Ok(if *b { 1.0 } else { 0.0 }),
            _ => Err(format!(
                "metric path \"{path}\" is not a number in {}",
                self.origin
            )),
        }
    }

    fn language_shares(&self) -> BTreeMap<String, f64> {
        self.summary
            .get("languages")
            .and_then(|l| l.as_object())
            .map(|languages| {
                languages
                    .iter()
                    .map(|(code, v)| (code.clone(), v["share"].as_f64().unwrap_or(0.0)))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Reads the term and count columns of a terms.csv.
pub fn read_terms(path: &Path) -> Result<Vec<(String, u64)>, CheckError> {
    let error = |message: String| CheckError::Read {
        path: path.display().to_string(),
        message,
    };
    let mut reader = csv::Reader::from_path(path).map_err(|e| error(e.to_string()))?;
    let headers = reader.headers().map_err(|e| error(e.to_string()))?.clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| error(format!("no column \"{name}\"")))
    };
    let (term, count) = (column("term")?, column("count")?);
    let mut terms = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| error(e.to_string()))?;
        let n = record[count]
            .parse::<u64>()
            .map_err(|e| error(format!("count {:?}: {e}", &record[count])))?;
        terms.push((crate::table::unmark_formula(&record[term]).to_string(), n));
    }
    Ok(terms)
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
    /// What was found.
    pub actual: String,
    /// Pass, fail or warn.
    pub status: Status,
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
    let normalizer = input
        .current
        .summary
        .pointer("/options/normalize")
        .and_then(|v| serde_json::from_value::<NormalizeOptions>(v.clone()).ok())
        .and_then(|o| Normalizer::new(&o).ok())
        .unwrap_or_default();
    let mut outcomes = Vec::new();
    if !input.allow_partial {
        let problems = input.current.metric("problems.count").unwrap_or(0.0);
        outcomes.push(Outcome {
            rule: "input read in full".to_string(),
            metric: "problems.count".to_string(),
            expected: "= 0 (--allow-partial to permit)".to_string(),
            actual: number(problems),
            status: if problems == 0.0 {
                Status::Pass
            } else {
                Status::Fail
            },
        });
    }
    for rule in rules {
        let error = |message: String| CheckError::Rule {
            path: input.rules_path.to_string(),
            line: rule.line,
            name: rule.name.clone(),
            message,
        };
        let (metric, value, baseline_value) = match (&rule.metric, rule.drift) {
            (Some(path), _) => {
                let value = input.current.metric(path).map_err(&error)?;
                let base = match input.baseline {
                    Some(b) => Some(b.metric(path).map_err(&error)?),
                    None => None,
                };
                (path.clone(), value, base)
            }
            (None, Some(drift)) => {
                let baseline = input
                    .baseline
                    .ok_or_else(|| error(format!("drift {} needs --baseline", drift.name())))?;
                let value = drift_value(
                    drift,
                    rule.k.unwrap_or(0),
                    input.current,
                    baseline,
                    &normalizer,
                )
                .map_err(&error)?;
                let metric = match rule.k {
                    Some(k) => format!("{}(k={k})", drift.name()),
                    None => drift.name().to_string(),
                };
                (metric, value, None)
            }
            (None, None) => return Err(error("no metric".to_string())),
        };
        let mut expected = Vec::new();
        let mut ok = true;
        if let Some(min) = rule.min {
            expected.push(format!(">= {}", number(min)));
            ok &= value >= min;
        }
        if let Some(max) = rule.max {
            expected.push(format!("<= {}", number(max)));
            ok &= value <= max;
        }
        if let Some(equals) = rule.equals {
            expected.push(format!("= {}", number(equals)));
            ok &= (value - equals).abs() <= 1e-9 * equals.abs().max(1.0);
        }
        let mut actual = number(value);
        if rule.max_change.is_some() || rule.max_change_pct.is_some() {
            let base = baseline_value.ok_or_else(|| {
                error("max_change and max_change_pct need --baseline".to_string())
            })?;
            let change = value - base;
            let sign = if change > 0.0 { "+" } else { "" };
            let _ = write!(
                actual,
                " (baseline {}, change {sign}{})",
                number(base),
                number(change)
            );
            if let Some(max) = rule.max_change {
                expected.push(format!("|change| <= {}", number(max)));
                ok &= change.abs() <= max + 1e-12;
            }
            if let Some(pct) = rule.max_change_pct {
                expected.push(format!("|change| <= {}%", number(pct)));
                let relative = if base == 0.0 {
                    if change == 0.0 {
                        0.0
                    } else {
                        f64::INFINITY
                    }
                } else {
                    change.abs() / base.abs() * 100.0
                };
                let _ = write!(
                    actual,
                    " {}%",
                    if relative.is_finite() {
                        format!("{relative:.2}")
                    } else {
                        "inf".into()
                    }
                );
                ok &= relative <= pct + 1e-9;
            }
        }
        outcomes.push(Outcome {
            rule: rule.name.clone(),
            metric,
            expected: expected.join(", "),
            actual,
            status: match (ok, rule.severity) {
                (true, _) => Status::Pass,
                (false, Severity::Error) => Status::Fail,
                (false, Severity::Warning) => Status::Warn,
            },
        });
    }
    Ok(outcomes)
}

fn terms_of(snapshot: &Snapshot) -> Result<&[(String, u64)], String> {
    snapshot
        .terms
        .as_deref()
        .ok_or_else(|| format!("no terms.csv beside {}", snapshot.origin))
}

fn drift_value(
    drift: Drift,
    k: usize,
    current: &Snapshot,
    baseline: &Snapshot,
    normalizer: &Normalizer,
) -> Result<f64, String> {
    let keys = |terms: &[(String, u64)], k: usize| -> Vec<String> {
        terms
            .iter()
            .take(k)
            .map(|(t, _)| normalizer.fold(t).into_owned())
            .collect()
    };
    match drift {
        Drift::TopKOverlap => {
            let a: BTreeSet<String> = keys(terms_of(current)?, k).into_iter().collect();
            let b: BTreeSet<String> = keys(terms_of(baseline)?, k).into_iter().collect();
            let union = a.union(&b).count();
            Ok(if union == 0 {
                1.0
            } else {
                a.intersection(&b).count() as f64 / union as f64
            })
        }
        Drift::TopKSpearman => {
            let a = keys(terms_of(current)?, k);
            let b = keys(terms_of(baseline)?, k);
            let in_a: FxHashSet<&str> = a.iter().map(String::as_str).collect();
            // The shared terms, ranked 0..m within each list.
            let rank_b: FxHashMap<&str, usize> = b
                .iter()
                .map(String::as_str)
                .filter(|t| in_a.contains(t))
                .enumerate()
                .map(|(i, t)| (t, i))
                .collect();
            let shared_a: Vec<&str> = a
                .iter()
                .map(String::as_str)
                .filter(|t| rank_b.contains_key(t))
                .collect();
            let m = shared_a.len();
            if m < 2 {
                return Err(format!(
                    "top_k_spearman: the top {k} terms share {m} term(s); at least 2 are needed"
                ));
            }
            let d2: f64 = shared_a
                .iter()
                .enumerate()
                .map(|(i, t)| (i as f64 - rank_b[t] as f64).powi(2))
                .sum();
            let m = m as f64;
            Ok(1.0 - 6.0 * d2 / (m * (m * m - 1.0)))
        }
        Drift::NewTermShare => {
            let known: FxHashSet<String> =
                keys(terms_of(baseline)?, usize::MAX).into_iter().collect();
            let terms = terms_of(current)?;
            let total: u64 = terms.iter().map(|t| t.1).sum();
            let new: u64 = terms
                .iter()
                .filter(|(t, _)| !known.contains(normalizer.fold(t).as_ref()))
                .map(|t| t.1)
                .sum();
            Ok(if total == 0 {
                0.0
            } else {
                new as f64 / total as f64
            })
        }
        Drift::LanguageShareChange => {
            let (a, b) = (current.language_shares(), baseline.language_shares());
            let codes: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            Ok(codes
                .into_iter()
                .map(|c| (a.get(c).unwrap_or(&0.0) - b.get(c).unwrap_or(&0.0)).abs())
                .fold(0.0, f64::max))
        }
    }
}

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

/// A rules file drawn from `current`, with margins and comments, for `check --init`.
/// Rules that compare with a baseline are included when `with_baseline`.
pub fn init_rules(current: &Snapshot, with_baseline: bool) -> String {
    let value = |path: &str| current.metric(path).unwrap_or(0.0);
    let documents = value("documents");
    let tokens = value("tokens");
    let mut out = String::new();
    out.push_str(
        "# corpstat check rules, drawn from the current corpus by `corpstat check --init`.\n\
         # Each [[rule]] checks one metric of summary.json (a dotted path; see reports/README.md)\n\
         # or one drift measure against a baseline (`--baseline OLD/summary.json`).\n\
         # Bounds: min, max, equals; against the baseline: max_change (absolute), max_change_pct.\n\
         # severity = \"warning\" reports a failure without failing the check.\n\n",
    );
    let _ = writeln!(
        out,
        "# A data drop that is half empty: at least 90% of today's documents and tokens.\n\
         [[rule]]\nname = \"enough documents\"\nmetric = \"documents\"\nmin = {}\n\n\
         [[rule]]\nname = \"enough tokens\"\nmetric = \"tokens\"\nmin = {}\n",
        (documents * 0.9).floor(),
        (tokens * 0.9).floor()
    );
    let _ = writeln!(
        out,
        "# Every input file read in full (also enforced unless --allow-partial).\n\
         [[rule]]\nname = \"no input problems\"\nmetric = \"problems.count\"\nmax = 0\n"
    );
    if !with_baseline {
        out.push_str(
            "# Give --baseline OLD/summary.json to --init for the rules that compare with a baseline:\n\
             # the type/token ratio, MATTR, each language's share, and the drift of the vocabulary.\n",
        );
        return out;
    }
    let _ = writeln!(
        out,
        "# A vocabulary that collapses (boilerplate, a broken scraper) lowers the type/token ratio\n\
         # and MATTR; a change of more than 15% against the baseline fails.\n\
         [[rule]]\nname = \"type/token ratio stable\"\nmetric = \"ttr\"\nmax_change_pct = 15\n\n\
         [[rule]]\nname = \"MATTR stable\"\nmetric = \"mattr\"\nmax_change_pct = 10\n"
    );
    for (code, share) in current.language_shares() {
        if share >= 0.05 && code != crate::language::Lang::UNDETERMINED.code() {
            let _ = writeln!(
                out,
                "# {code} is {:.1}% of the words today; it may move by 5 points at most.\n\
                 [[rule]]\nname = \"{code} share stable\"\nmetric = \"languages.{code}.share\"\nmax_change = 0.05\n",
                share * 100.0
            );
        }
    }
    out.push_str(
        "# The language mix as a whole: no language may gain or lose more than 5 points.\n\
         [[rule]]\nname = \"language mix stable\"\ndrift = \"language_share_change\"\nmax = 0.05\n\n\
         # The most frequent terms stay mostly the same (Jaccard index of the top 100).\n\
         [[rule]]\nname = \"top terms overlap\"\ndrift = \"top_k_overlap\"\nk = 100\nmin = 0.5\n\n\
         # ... and in much the same order (Spearman's rho over the shared top-100 terms).\n\
         [[rule]]\nname = \"top terms order\"\ndrift = \"top_k_spearman\"\nk = 100\nmin = 0.5\nseverity = \"warning\"\n\n\
         # At most a quarter of the tokens are of terms the baseline never saw.\n\
         [[rule]]\nname = \"new vocabulary\"\ndrift = \"new_term_share\"\nmax = 0.25\nseverity = \"warning\"\n",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snapshot(summary: serde_json::Value, terms: &[(&str, u64)]) -> Snapshot {
        Snapshot {
            origin: "test".into(),
            summary,
            terms: Some(terms.iter().map(|(t, c)| (t.to_string(), *c)).collect()),
        }
    }

    #[test]
    fn drift_measures_by_hand() {
        let n = Normalizer::default();
        let base = snapshot(
            serde_json::json!({"languages": {"ara": {"share": 0.7}, "fas": {"share": 0.3}}}),
            &[("a", 10), ("b", 8), ("c", 6), ("d", 4)],
        );
        let cur = snapshot(
            serde_json::json!({"languages": {"ara": {"share": 0.5}, "eng": {"share": 0.2}, "fas": {"share": 0.3}}}),
            &[("b", 9), ("a", 7), ("c", 5), ("e", 4)],
        );
        // Top 3: {a, b, c} both ways → 1; top 4: 3 shared of 5 → 0.6.
        assert_eq!(drift_value(Drift::TopKOverlap, 3, &cur, &base, &n), Ok(1.0));
        assert_eq!(drift_value(Drift::TopKOverlap, 4, &cur, &base, &n), Ok(0.6));
        // Shared a, b, c ranked (2,1,3) against (1,2,3): Σd² = 2, ρ = 1 − 12/24.
        assert_eq!(
            drift_value(Drift::TopKSpearman, 4, &cur, &base, &n),
            Ok(0.5)
        );
        // e (4 of 25 tokens) is new.
        assert_eq!(
            drift_value(Drift::NewTermShare, 0, &cur, &base, &n),
            Ok(4.0 / 25.0)
        );
        // ara moved by 0.2, eng by 0.2 (from nothing), fas by 0.
        let change = drift_value(Drift::LanguageShareChange, 0, &cur, &base, &n).unwrap();
        assert!((change - 0.2).abs() < 1e-12);
    }

    #[test]
    fn metric_paths() {
        let s = snapshot(
            serde_json::json!({"documents": 5, "ttr": null, "approximate": null, "languages": {"ara": {"words": 3, "share": 0.5}}, "problems": [{"a": 1}]}),
            &[],
        );
        assert_eq!(s.metric("documents"), Ok(5.0));
        assert_eq!(s.metric("languages.ara.share"), Ok(0.5));
        assert_eq!(s.metric("languages.urd.share"), Ok(0.0));
        assert_eq!(s.metric("approximate.max_undercount"), Ok(0.0));
        assert_eq!(s.metric("problems.count"), Ok(1.0));
        assert!(s
            .metric("tokenz")
            .unwrap_err()
            .contains("unknown metric path \"tokenz\""));
        assert!(s.metric("ttr").unwrap_err().contains("undefined"));
    }

    #[test]
    fn rules_are_validated_with_their_line() {
        let text = "[[rule]]\nname = \"ok\"\nmetric = \"documents\"\nmin = 1\n\n[[rule]]\nname = \"bad\"\nmetric = \"documents\"\n";
        match parse_rules("r.toml", text) {
            Err(CheckError::Rule { line, name, .. }) => {
                assert_eq!((line, name.as_str()), (6, "bad"))
            }
            other => panic!("{other:?}"),
        }
        let err =
            parse_rules("r.toml", "[[rule]]\nname = \"x\"\nmetrc = \"documents\"\n").unwrap_err();
        assert!(err.to_string().starts_with("r.toml: line 3"), "{err}");
    }

    #[test]
    fn junit_escapes() {
        let xml = junit_xml(&[Outcome {
            rule: "a <b> & \"c\"".into(),
            metric: "m".into(),
            expected: ">= 1".into(),
            actual: "0".into(),
            status: Status::Fail,
        }]);
        assert!(xml.contains("name=\"a &lt;b&gt; &amp; &quot;c&quot;\""));
        assert!(xml.contains("failures=\"1\""));
    }
}
