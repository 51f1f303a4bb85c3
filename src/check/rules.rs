//! The rules file: TOML parsed into [`Rule`]s, each validated (a metric or a
//! drift, finite bounds, min ≤ max, unique names) and every error given with its
//! line, so a broken rules file is fixed in one pass.

use std::collections::HashMap;

use serde::Deserialize;

use super::{CheckError, Drift, Severity};

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
