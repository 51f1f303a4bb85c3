//! With `--time-field`: `trends.csv` (each period's documents, tokens, types and
//! language mix), `trend_terms.csv` (each frequent word's frequency per period,
//! its Theil–Sen slope and Mann–Kendall test, corrected by Benjamini–Hochberg) and
//! the `trends` block of `summary.json`.
//!
//! Everything is summed from the documents' rows and term lists, so a run split
//! into shards gives the same trends as one (the per-period counts are sums).

use std::collections::BTreeMap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::trend_rows::{
    Direction, PeriodFigures, ShareRange, TrendRow, TrendSummary, TrendTermRow, Trends,
    MAX_TREND_PERIODS, MIN_EXPECTED, MIN_PERIODS, TREND_COLUMNS, TREND_FDR, TREND_TERM_COLUMNS,
};
use super::{by_count_then_text, share, totals, TermNames};
use crate::count::DocumentFigures;
use crate::dates::{Day, Period};
use crate::measures::trend::{benjamini_hochberg, mann_kendall, theil_sen_slope};
use crate::table::{float, p_value, round, Column, Table};
use crate::{CorpusCounts, Lang, Options, Report, TokenKind};

/// One period's totals, summed over its documents.
#[derive(Default)]
struct PeriodTotals {
    key: String,
    documents: u64,
    figures: DocumentFigures,
    terms: FxHashMap<u32, u64>,
}

impl Report {
    /// The trends and their summary; empty and `None` without `--time-field`.
    pub(super) fn trend_tables(
        counts: &CorpusCounts,
        names: &TermNames,
        options: &Options,
    ) -> (Trends, Option<TrendSummary>) {
        if options.input.time_field.is_none() {
            return (Trends::default(), None);
        }
        let days: Vec<Day> = counts
            .documents
            .iter()
            .filter_map(|d| d.meta.date)
            .collect();
        let period = options
            .period
            .unwrap_or_else(|| Period::coarsest_with(&days, MIN_PERIODS));
        let mut periods: BTreeMap<i64, PeriodTotals> = BTreeMap::new();
        for record in &counts.documents {
            let Some(day) = record.meta.date else {
                continue;
            };
            let totals = periods.entry(period.ordinal(day)).or_default();
            if totals.documents == 0 {
                totals.key = period.key(day);
            }
            totals.documents += 1;
            totals.figures += &record.figures;
            for &(id, c) in &record.terms {
                *totals.terms.entry(id).or_default() += u64::from(c);
            }
        }
        let mut languages: Vec<(Lang, u64)> = totals(&counts.figures.language_words, |k| k.0)
            .into_iter()
            .collect();
        languages.sort_by(|a, b| by_count_then_text((a.1, a.0.code()), (b.1, b.0.code())));
        let languages: Vec<Lang> = languages.into_iter().map(|(l, _)| l).collect();
        let rows: Vec<TrendRow> = periods
            .values()
            .map(|p| {
                let by_language = totals(&p.figures.language_words, |k| k.0);
                TrendRow {
                    period: p.key.clone(),
                    documents: p.documents,
                    tokens: p.figures.tokens,
                    types: p.terms.len() as u64,
                    shares: languages
                        .iter()
                        .map(|l| share(by_language.get(l).copied().unwrap_or(0), p.figures.tokens))
                        .collect(),
                }
            })
            .collect();
        let (terms, skipped) = term_trends(&periods, counts, names, options);
        let summary = summarize(
            period,
            &rows,
            &languages,
            &terms,
            skipped,
            days.len(),
            counts,
        );
        let trends = Trends {
            rows,
            languages,
            terms,
        };
        (trends, Some(summary))
    }

    /// `trends.csv` (empty without `--time-field`).
    pub fn trends_table(&self) -> Table {
        let trends = &self.trends;
        let mut columns: Vec<Column> = TREND_COLUMNS.to_vec();
        for l in &trends.languages {
            columns.push(Column {
                name: format!("share_{l}").into(),
                ..crate::table::number("", "share of the period's words in this language")
            });
        }
        Table {
            columns: columns.into(),
            rows: trends
                .rows
                .iter()
                .map(|r| {
                    let mut row = vec![
                        r.period.clone(),
                        r.documents.to_string(),
                        r.tokens.to_string(),
                        r.types.to_string(),
                    ];
                    row.extend(r.shares.iter().map(|&s| float(s)));
                    row
                })
                .collect(),
        }
    }

    /// `trend_terms.csv`: the fixed columns, then one per period.
    pub fn trend_terms_table(&self) -> Table {
        let mut columns: Vec<Column> = TREND_TERM_COLUMNS.to_vec();
        for r in &self.trends.rows {
            columns.push(Column {
                name: r.period.clone().into(),
                ..crate::table::number("", "per-million frequency in the period")
            });
        }
        let rows = self.trends.terms.iter().map(|t| {
            let mut row = vec![
                t.direction.to_string(),
                t.rank.to_string(),
                t.term.clone(),
                t.count.to_string(),
                t.periods.to_string(),
                float(t.slope),
                float(t.relative_slope),
                float(t.tau),
                p_value(t.p_value),
                p_value(t.p_adjusted),
            ];
            row.extend(
                t.per_million
                    .iter()
                    .map(|x| x.map(float).unwrap_or_default()),
            );
            row
        });
        Table {
            columns: columns.into(),
            rows: rows.collect(),
        }
    }
}

/// Each frequent word's trend over `periods`, sorted as `trend_terms.csv` lists
/// them; and why none was tested, when the periods are too few or too many.
fn term_trends(
    periods: &BTreeMap<i64, PeriodTotals>,
    counts: &CorpusCounts,
    names: &TermNames,
    options: &Options,
) -> (Vec<TrendTermRow>, Option<String>) {
    let mut dated_counts: FxHashMap<u32, u64> = FxHashMap::default();
    for p in periods.values() {
        for (&id, &c) in &p.terms {
            *dated_counts.entry(id).or_default() += c;
        }
    }
    let min = options.trend_min_count.max(1);
    let mut tested: Vec<(u32, u64)> = dated_counts
        .into_iter()
        .filter(|&(id, c)| {
            c >= min && !(names.skip)(id) && counts.terms[id as usize].kind == TokenKind::Word
        })
        .collect();
    tested.sort_unstable();
    if tested.is_empty() {
        return (Vec::new(), None);
    }
    if periods.len() < 3 {
        let why = format!(
            "{} period(s): a trend needs at least 3; choose a finer --period",
            periods.len()
        );
        return (Vec::new(), Some(why));
    }
    if periods.len() > MAX_TREND_PERIODS {
        let why = format!(
            "{} periods, more than {MAX_TREND_PERIODS}: choose a coarser --period",
            periods.len()
        );
        return (Vec::new(), Some(why));
    }
    let first = periods.keys().next().copied().unwrap_or(0);
    let dated_tokens: u64 = periods.values().map(|p| p.figures.tokens).sum();
    let mut rows: Vec<TrendTermRow> = tested
        .par_iter()
        .filter_map(|&(id, count)| {
            let rate = count as f64 / dated_tokens as f64;
            let per_million: Vec<Option<f64>> = periods
                .values()
                .map(|p| {
                    let c = p.terms.get(&id).copied().unwrap_or(0);
                    (rate * p.figures.tokens as f64 >= MIN_EXPECTED)
                        .then(|| share(c, p.figures.tokens) * 1e6)
                })
                .collect();
            let points: Vec<(f64, f64)> = periods
                .keys()
                .zip(&per_million)
                .filter_map(|(&o, &v)| Some(((o - first) as f64, v?)))
                .collect();
            let test = mann_kendall(&points.iter().map(|p| p.1).collect::<Vec<_>>())?;
            let slope = theil_sen_slope(&points).unwrap_or(0.0);
            let mean = points.iter().map(|p| p.1).sum::<f64>() / points.len() as f64;
            Some(TrendTermRow {
                direction: Direction::None,
                rank: 0,
                term: names.display[id as usize].to_string(),
                count,
                periods: points.len() as u64,
                slope: round(slope),
                relative_slope: round(if mean > 0.0 { slope / mean } else { 0.0 }),
                tau: round(test.tau),
                p_value: test.p,
                p_adjusted: 1.0,
                per_million: per_million.into_iter().map(|v| v.map(round)).collect(),
            })
        })
        .collect();
    let adjusted = benjamini_hochberg(&rows.iter().map(|r| r.p_value).collect::<Vec<_>>());
    for (row, p) in rows.iter_mut().zip(adjusted) {
        row.p_adjusted = p;
        row.direction = if p > TREND_FDR || row.tau == 0.0 {
            Direction::None
        } else if row.tau > 0.0 {
            Direction::Rising
        } else {
            Direction::Falling
        };
    }
    rows.sort_by(|a, b| {
        a.direction.cmp(&b.direction).then_with(|| {
            let by_strength = match a.direction {
                Direction::Rising => b.relative_slope.total_cmp(&a.relative_slope),
                Direction::Falling => a.relative_slope.total_cmp(&b.relative_slope),
                Direction::None => std::cmp::Ordering::Equal,
            };
            by_strength
                .then_with(|| a.p_value.total_cmp(&b.p_value))
                .then_with(|| a.term.cmp(&b.term))
        })
    });
    let mut rank = 0;
    for i in 0..rows.len() {
        rank = if i > 0 && rows[i - 1].direction == rows[i].direction {
            rank + 1
        } else {
            1
        };
        rows[i].rank = rank;
    }
    (rows, None)
}

/// The `trends` block of `summary.json`.
fn summarize(
    period: Period,
    rows: &[TrendRow],
    languages: &[Lang],
    terms: &[TrendTermRow],
    skipped: Option<String>,
    dated: usize,
    counts: &CorpusCounts,
) -> TrendSummary {
    let shares = |r: &TrendRow| -> BTreeMap<String, f64> {
        languages
            .iter()
            .zip(&r.shares)
            .filter(|(_, &s)| s > 0.0)
            .map(|(l, &s)| (l.to_string(), round(s)))
            .collect()
    };
    let mut before_last: BTreeMap<String, ShareRange> = BTreeMap::new();
    if let Some((_, earlier)) = rows.split_last() {
        for (i, l) in languages.iter().enumerate() {
            let values = earlier.iter().map(|r| round(r.shares[i]));
            let (min, max) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), s| {
                (lo.min(s), hi.max(s))
            });
            if max > 0.0 {
                before_last.insert(l.to_string(), ShareRange { min, max });
            }
        }
    }
    let count = |d: Direction| terms.iter().filter(|t| t.direction == d).count() as u64;
    TrendSummary {
        period,
        periods: rows.len() as u64,
        dated_documents: dated as u64,
        undated_documents: (counts.documents.len() - dated) as u64,
        terms_tested: terms.len() as u64,
        rising: count(Direction::Rising),
        falling: count(Direction::Falling),
        terms_skipped: skipped,
        last: rows.last().map(|r| PeriodFigures {
            period: r.period.clone(),
            documents: r.documents,
            tokens: r.tokens,
            types: r.types,
            language_share: shares(r),
        }),
        language_share_before_last: before_last,
    }
}
