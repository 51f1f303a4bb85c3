//! Drift measures: how far the checked corpus has moved from a baseline (top-k
//! overlap and rank correlation, the share of new terms, language share change),
//! each a number that a rule bounds like any metric.

use std::collections::BTreeSet;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use super::Snapshot;
use crate::normalize::Normalizer;

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
    pub(super) fn name(self) -> &'static str {
        match self {
            Drift::TopKOverlap => "top_k_overlap",
            Drift::TopKSpearman => "top_k_spearman",
            Drift::NewTermShare => "new_term_share",
            Drift::LanguageShareChange => "language_share_change",
        }
    }

    pub(super) fn needs_k(self) -> bool {
        matches!(self, Drift::TopKOverlap | Drift::TopKSpearman)
    }
}

fn terms_of(snapshot: &Snapshot) -> Result<&[(String, u64)], String> {
    snapshot
        .terms
        .as_deref()
        .ok_or_else(|| format!("no terms.csv beside {}", snapshot.origin))
}

/// The value of a drift measure of `current` against `baseline`, over the top `k`
/// terms where the measure takes a k; terms are compared folded by `normalizer`.
pub(super) fn drift_value(
    drift: Drift,
    k: usize,
    current: &Snapshot,
    baseline: &Snapshot,
    normalizer: &Normalizer,
) -> Result<f64, String> {
    let keys = |snapshot: &Snapshot, k: usize| -> Result<Vec<String>, String> {
        Ok(terms_of(snapshot)?
            .iter()
            .take(k)
            .map(|(t, _)| normalizer.fold(t).into_owned())
            .collect())
    };
    match drift {
        Drift::TopKOverlap => Ok(jaccard(keys(current, k)?, keys(baseline, k)?)),
        Drift::TopKSpearman => spearman(&keys(current, k)?, &keys(baseline, k)?, k),
        Drift::NewTermShare => {
            let known: FxHashSet<String> = keys(baseline, usize::MAX)?.into_iter().collect();
            Ok(new_term_share(terms_of(current)?, &known, normalizer))
        }
        Drift::LanguageShareChange => {
            Ok(largest_language_change(current, baseline).map_or(0.0, |(_, change)| change.abs()))
        }
    }
}

/// The language whose share of the words moved most from `baseline` to `current`,
/// and its signed change (the first in code order among equal changes); `None`
/// when neither has a language.
pub(super) fn largest_language_change(
    current: &Snapshot,
    baseline: &Snapshot,
) -> Option<(String, f64)> {
    let (a, b) = (current.language_shares(), baseline.language_shares());
    let codes: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    let mut largest: Option<(String, f64)> = None;
    for code in codes {
        let change = a.get(code).unwrap_or(&0.0) - b.get(code).unwrap_or(&0.0);
        if largest.as_ref().is_none_or(|(_, c)| change.abs() > c.abs()) {
            largest = Some((code.clone(), change));
        }
    }
    largest
}

/// The Jaccard index of two sets of terms (1 when both are empty).
fn jaccard(a: Vec<String>, b: Vec<String>) -> f64 {
    let a: BTreeSet<String> = a.into_iter().collect();
    let b: BTreeSet<String> = b.into_iter().collect();
    let union = a.union(&b).count();
    if union == 0 {
        1.0
    } else {
        a.intersection(&b).count() as f64 / union as f64
    }
}

/// Spearman's ρ of the ranks of the terms both top-k lists share, re-ranked 0..m
/// within each list; at least two shared terms are needed.
fn spearman(a: &[String], b: &[String], k: usize) -> Result<f64, String> {
    let in_a: FxHashSet<&str> = a.iter().map(String::as_str).collect();
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

/// The share of the tokens of `terms` whose folded term is not `known`.
fn new_term_share(
    terms: &[(String, u64)],
    known: &FxHashSet<String>,
    normalizer: &Normalizer,
) -> f64 {
    let total: u64 = terms.iter().map(|t| t.1).sum();
    let new: u64 = terms
        .iter()
        .filter(|(t, _)| !known.contains(normalizer.fold(t).as_ref()))
        .map(|t| t.1)
        .sum();
    if total == 0 {
        0.0
    } else {
        new as f64 / total as f64
    }
}
