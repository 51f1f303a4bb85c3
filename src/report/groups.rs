//! With `--group-by`: `groups.csv`, `group_terms.csv`, `keyness.csv`, and the
//! vocabulary overlap of two groups.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::group_rows::{
    GroupRow, GroupTermRow, KeynessRow, VocabularyOverlap, GROUP_COLUMNS, GROUP_TERMS,
    KEYNESS_COLUMNS, REST,
};
use super::{by_count_then_text, dominant_language, share, totals, RowSource, TermNames};
use crate::count::{DocumentFigures, DocumentRecord};
use crate::input::NO_GROUP;
use crate::measures::keyness::keyness;
use crate::report::DocumentRow;
use crate::table::{float, number, p_value, round, Column, Table};
use crate::{CorpusCounts, GroupBy, Lang, Options, Report, TokenKind};

/// The group tables of a report, made together from one pass over the documents.
#[derive(Default)]
pub(super) struct GroupTables {
    /// groups.csv, one row per group.
    pub rows: Vec<GroupRow>,
    /// The languages of groups.csv's share columns.
    pub languages: Vec<Lang>,
    /// group_terms.csv.
    pub terms: Vec<GroupTermRow>,
    /// keyness.csv.
    pub keyness: Vec<KeynessRow>,
    /// With exactly two groups: their shared vocabulary.
    pub overlap: Option<VocabularyOverlap>,
}

impl Report {
    /// groups.csv, its language columns, group_terms.csv and keyness.csv; all empty without groups.
    pub(super) fn group_tables(
        counts: &CorpusCounts,
        names: &TermNames,
        documents: &[DocumentRow],
        options: &Options,
    ) -> GroupTables {
        let group_by = &options.input.group_by;
        if *group_by == GroupBy::None {
            return Default::default();
        }
        let groups = Group::collect(counts, documents, group_by);
        let mut languages: Vec<(Lang, u64)> = totals(&counts.figures.language_words, |k| k.0)
            .into_iter()
            .collect();
        languages.sort_by(|a, b| by_count_then_text((a.1, a.0.code()), (b.1, b.0.code())));
        let languages: Vec<Lang> = languages.into_iter().map(|(l, _)| l).collect();
        let listed =
            |id: u32| !(names.skip)(id) && counts.terms[id as usize].kind == TokenKind::Word;
        let keyness = keyness_rows(&groups, counts, names, options, &listed);
        let min = options.keyness_min_count.max(1);
        let eligible = (0..counts.terms.len() as u32)
            .filter(|&id| listed(id) && counts.terms[id as usize].count >= min)
            .count() as u64;
        let mut listed_per_group: FxHashMap<&str, u64> = FxHashMap::default();
        for k in &keyness {
            *listed_per_group.entry(k.target.as_str()).or_default() += 1;
        }
        let mut rows = Vec::new();
        let mut terms = Vec::new();
        for (name, group) in &groups {
            let mut row = group.row(name, &languages);
            if groups.len() > 2 {
                let listed_here = listed_per_group.get(name.as_str()).copied().unwrap_or(0);
                row.keyness_left_out = eligible.saturating_sub(listed_here);
            }
            rows.push(row);
            terms.extend(group.top_terms(name, names, &listed));
        }
        GroupTables {
            rows,
            languages,
            terms,
            keyness,
            overlap: vocabulary_overlap(&groups),
        }
    }

    /// `groups.csv` (empty without groups).
    pub fn groups_table(&self) -> Table {
        let mut columns: Vec<Column> = GROUP_COLUMNS.to_vec();
        for l in &self.group_languages {
            columns.push(Column {
                name: format!("share_{l}").into(),
                ..number("", "share of the group's words in this language")
            });
        }
        Table {
            columns: columns.into(),
            rows: self
                .groups
                .iter()
                .map(|g| {
                    let mut row = vec![
                        g.group.clone(),
                        g.documents.to_string(),
                        g.tokens.to_string(),
                        g.types.to_string(),
                        float(g.ttr),
                        g.language.to_string(),
                        g.keyness_left_out.to_string(),
                    ];
                    row.extend(g.shares.iter().map(|&s| float(s)));
                    row
                })
                .collect(),
        }
    }

    /// `group_terms.csv`, a row at a time: with thousands of groups, the whole
    /// table as text would be the largest thing the report holds.
    pub(crate) fn group_terms_source(&self) -> RowSource<'_> {
        RowSource::new(self.group_terms.len(), move |i| {
            let t = &self.group_terms[i];
            vec![
                t.group.clone(),
                t.rank.to_string(),
                t.term.clone(),
                t.count.to_string(),
                float(t.per_million),
            ]
        })
    }

    /// `keyness.csv`, a row at a time.
    pub(crate) fn keyness_source(&self) -> RowSource<'_> {
        RowSource::new(self.keyness.len(), move |i| keyness_cells(&self.keyness[i]))
    }

    /// The rows of `keyness.csv` of one target (`corpstat compare`).
    pub fn keyness_table(&self, target: &str) -> Table {
        Table {
            columns: KEYNESS_COLUMNS.into(),
            rows: self
                .keyness
                .iter()
                .filter(|k| k.target == target)
                .map(keyness_cells)
                .collect(),
        }
    }
}

/// A row of `keyness.csv` as text.
fn keyness_cells(k: &KeynessRow) -> Vec<String> {
    let m = &k.measures;
    vec![
        k.target.clone(),
        k.reference.clone(),
        k.term.clone(),
        k.count_target.to_string(),
        k.count_reference.to_string(),
        float(k.per_million_target),
        float(k.per_million_reference),
        float(m.llr),
        float(m.chi2),
        float(m.log_ratio),
        float(m.pct_diff),
        p_value(m.p_value),
        m.effect.to_string(),
    ]
}

/// One group's totals, summed over its documents.
struct Group {
    documents: u64,
    figures: DocumentFigures,
    terms: FxHashMap<u32, u64>,
}

/// Each group's figures, summed document by document, by group name.
pub(super) fn group_figures(
    counts: &CorpusCounts,
    documents: &[DocumentRow],
    group_by: &GroupBy,
) -> BTreeMap<String, DocumentFigures> {
    let mut groups: BTreeMap<String, DocumentFigures> = BTreeMap::new();
    for (record, row) in counts.documents.iter().zip(documents) {
        *groups.entry(group_name(record, row, group_by)).or_default() += &record.figures;
    }
    groups
}

/// The group of a document: its dominant language under `--group-by lang`, else
/// the group the input stage gave it (or [`NO_GROUP`]).
pub(super) fn group_name(record: &DocumentRecord, row: &DocumentRow, group_by: &GroupBy) -> String {
    match group_by {
        GroupBy::Lang => row.language.to_string(),
        _ => record
            .meta
            .group
            .clone()
            .unwrap_or_else(|| NO_GROUP.to_string()),
    }
}

impl Group {
    /// Every group and its totals, by name.
    fn collect(
        counts: &CorpusCounts,
        documents: &[DocumentRow],
        group_by: &GroupBy,
    ) -> BTreeMap<String, Group> {
        let mut groups: BTreeMap<String, Group> = BTreeMap::new();
        for (record, row) in counts.documents.iter().zip(documents) {
            let name = group_name(record, row, group_by);
            let g = groups.entry(name).or_insert_with(|| Group {
                documents: 0,
                figures: DocumentFigures::default(),
                terms: FxHashMap::default(),
            });
            g.documents += 1;
            g.figures += &record.figures;
            for &(id, c) in &record.terms {
                *g.terms.entry(id).or_default() += c as u64;
            }
        }
        groups
    }

    /// Its row of `groups.csv`, with a share column per language of `languages`.
    fn row(&self, name: &str, languages: &[Lang]) -> GroupRow {
        let by_language = totals(&self.figures.language_words, |k| k.0);
        let (language, _) = dominant_language(&by_language);
        GroupRow {
            group: name.to_string(),
            documents: self.documents,
            tokens: self.figures.tokens,
            types: self.terms.len() as u64,
            ttr: share(self.terms.len() as u64, self.figures.tokens),
            language,
            keyness_left_out: 0,
            shares: languages
                .iter()
                .map(|l| {
                    share(
                        by_language.get(l).copied().unwrap_or(0),
                        self.figures.tokens,
                    )
                })
                .collect(),
        }
    }

    /// Its [`GROUP_TERMS`] most frequent listed terms.
    fn top_terms(
        &self,
        name: &str,
        names: &TermNames,
        listed: &dyn Fn(u32) -> bool,
    ) -> Vec<GroupTermRow> {
        let mut top: Vec<(u32, u64)> = self
            .terms
            .iter()
            .filter(|(&id, _)| listed(id))
            .map(|(&id, &c)| (id, c))
            .collect();
        top.sort_by(|a, b| names.by_count_then_text((a.1, a.0), (b.1, b.0)));
        top.into_iter()
            .take(GROUP_TERMS)
            .enumerate()
            .map(|(i, (id, c))| GroupTermRow {
                group: name.to_string(),
                rank: i + 1,
                term: names.display[id as usize].to_string(),
                count: c,
                per_million: share(c, self.figures.tokens) * 1e6,
            })
            .collect()
    }
}

/// Each group against the rest (or against the other, when there are two), by
/// log-likelihood, strongest first.
///
/// With two groups, every term seen `--keyness-min-count` times in both together
/// has a row in each (its over-use in one is its under-use in the other). With
/// more, a group lists the terms it uses that often itself: a row for every term
/// of the corpus in every group would grow as groups × vocabulary (200 groups of
/// 20 MB made 36 million rows and 20 GB), while these grow with the text. What
/// is left out, the terms frequent enough in the corpus but rarer in the group,
/// is counted per group in `groups.csv` (`keyness_left_out`).
fn keyness_rows(
    groups: &BTreeMap<String, Group>,
    counts: &CorpusCounts,
    names: &TermNames,
    options: &Options,
    listed: &dyn Fn(u32) -> bool,
) -> Vec<KeynessRow> {
    let mut keyness_rows = Vec::new();
    if groups.len() < 2 {
        return keyness_rows;
    }
    for (name, g) in groups {
        let reference = if groups.len() == 2 {
            groups
                .keys()
                .find(|k| *k != name)
                .cloned()
                .unwrap_or_default()
        } else {
            REST.to_string()
        };
        let (c, d) = (g.figures.tokens, counts.figures.tokens - g.figures.tokens);
        if c == 0 || d == 0 {
            continue;
        }
        let min = options.keyness_min_count.max(1);
        let row = |id: u32, a: u64| {
            let b = counts.terms[id as usize].count - a;
            KeynessRow {
                target: name.clone(),
                reference: reference.clone(),
                term: names.display[id as usize].to_string(),
                count_target: a,
                count_reference: b,
                per_million_target: share(a, c) * 1e6,
                per_million_reference: share(b, d) * 1e6,
                measures: keyness(a as f64, b as f64, c as f64, d as f64),
            }
        };
        let mut rows: Vec<KeynessRow> = if groups.len() == 2 {
            (0..counts.terms.len() as u32)
                .filter(|&id| listed(id) && counts.terms[id as usize].count >= min)
                .map(|id| row(id, g.terms.get(&id).copied().unwrap_or(0)))
                .collect()
        } else {
            // In term id order, so that ties of the sort below fall the same way
            // whatever order the group's terms were counted in.
            let mut used: Vec<(u32, u64)> = g
                .terms
                .iter()
                .filter(|&(&id, &a)| a >= min && listed(id))
                .map(|(&id, &a)| (id, a))
                .collect();
            used.sort_unstable();
            used.into_iter().map(|(id, a)| row(id, a)).collect()
        };
        rows.sort_by(|x, y| {
            y.measures
                .llr
                .total_cmp(&x.measures.llr)
                .then_with(|| x.term.cmp(&y.term))
        });
        keyness_rows.extend(rows);
    }
    keyness_rows
}

/// With exactly two groups: the terms they share, and their Jaccard index.
fn vocabulary_overlap(groups: &BTreeMap<String, Group>) -> Option<VocabularyOverlap> {
    match groups.values().collect::<Vec<_>>().as_slice() {
        [a, b] => {
            let shared = a.terms.keys().filter(|id| b.terms.contains_key(id)).count() as u64;
            let union = (a.terms.len() + b.terms.len()) as u64 - shared;
            Some(VocabularyOverlap {
                shared,
                union,
                jaccard: round(share(shared, union)),
            })
        }
        _ => None,
    }
}
