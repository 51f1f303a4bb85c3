//! What a check reads: a report's `summary.json` (with `terms.csv` beside it when
//! a drift rule needs it), and the metric paths into it.

use std::collections::BTreeMap;
use std::path::Path;

use super::CheckError;

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

    pub(super) fn schema_version(&self) -> Option<u64> {
        self.summary.get("schema_version").and_then(|v| v.as_u64())
    }

    /// The value at a dotted metric path: 0 for the words or share of a language or
    /// script the summary does not have, `Err` for a path that names nothing.
    pub(super) fn metric(&self, path: &str) -> Result<f64, String> {
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
                    // A switch that did not occur.
                    let absent_switch = i == 2
                        && parts.len() == 3
                        && parts[0] == "code_switching"
                        && parts[1] == "pairs"
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
                    // A language absent from the newest period.
                    let absent_in_last = i == 3
                        && parts.len() == 4
                        && parts[..3] == ["trends", "last", "language_share"]
                        && value.is_object();
                    return if share_of_absent
                        || exact
                        || absent_problem
                        || absent_switch
                        || absent_in_last
                    {
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

    pub(super) fn language_shares(&self) -> BTreeMap<String, f64> {
        self.shares("languages")
    }

    /// The share of the words of each language (`group` "languages") or script
    /// ("scripts").
    pub(super) fn shares(&self, group: &str) -> BTreeMap<String, f64> {
        self.summary
            .get(group)
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
