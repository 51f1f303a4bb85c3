//! `duplicates.csv` and the `duplicates` block of `summary.json`: documents whose
//! folded token sequence is another's (exact duplicates) or whose shingles nearly
//! are (near duplicates, by MinHash and LSH: see [`Signature`]), in clusters.

use std::collections::BTreeMap;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use super::groups::group_name;
use super::{share, DocumentRow, RowSource};
use crate::count::{CorpusCounts, Fingerprint, Signature, BANDS, NEAR_THRESHOLD};
use crate::input::GroupBy;
use crate::table::{float, number, round, text, Column};
use crate::Report;

/// How two documents of a cluster are alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DuplicateKind {
    /// The same folded token sequence.
    Exact,
    /// Shingle sets whose estimated Jaccard similarity is at least
    /// [`NEAR_THRESHOLD`], to the cluster's first document or through others.
    Near,
}

impl DuplicateKind {
    /// The name in `duplicates.csv`.
    pub fn name(self) -> &'static str {
        match self {
            DuplicateKind::Exact => "exact",
            DuplicateKind::Near => "near",
        }
    }
}

/// One row of `duplicates.csv`: a document of a cluster.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct DuplicateRow {
    /// The cluster, numbered from 1 in the order of each cluster's first document.
    pub cluster: u64,
    /// The document id, as in documents.csv.
    pub document: String,
    /// How it is alike the cluster's first document.
    pub kind: DuplicateKind,
    /// Its similarity to the cluster's first document: 1 for an exact duplicate
    /// (and for the first document itself), the MinHash estimate of the Jaccard
    /// similarity of their shingle sets for a near one.
    pub similarity: f64,
}

/// Columns of `duplicates.csv`.
pub const DUPLICATES_COLUMNS: &[Column] = &[
    number(
        "cluster",
        "the cluster, numbered from 1 in the order of each cluster's first document in documents.csv",
    ),
    text("document", "document id, as in documents.csv"),
    text(
        "kind",
        "exact: the same folded token sequence as the cluster's first document (a copy that differs only in what normalization folds, such as alef forms, tatweel, ZWNJ, digits or case, is exact); near: a near duplicate of it or of another member (shingles of 5 folded tokens, MinHash with 14 bands of 8 values, estimated Jaccard similarity at least 0.8)",
    ),
    number(
        "similarity",
        "similarity to the cluster's first document: 1 for an exact duplicate and for the first document itself; for a near one, the MinHash estimate of the Jaccard similarity of their shingle sets (standard error about 0.04; below 0.8 for a document that joined the cluster through another member)",
    ),
];

/// Duplicates in figures: for the corpus, or for one group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct DuplicateFigures {
    /// Documents beyond the first of each cluster: those a deduplication would drop.
    pub documents: u64,
    /// Their tokens.
    pub tokens: u64,
    /// `documents` divided by all documents (rounded to 6 decimals); `None` without documents.
    pub document_share: Option<f64>,
    /// `tokens` divided by all tokens; `None` without tokens.
    pub token_share: Option<f64>,
    /// Clusters: sets of two or more documents that are duplicates of each other.
    pub clusters: u64,
    /// Documents in the largest cluster (0 without clusters).
    pub largest: u64,
}

/// The `duplicates` block of `summary.json`: metric paths
/// `duplicates.exact.document_share`, `duplicates.exact.token_share`, ... and with
/// groups `duplicates.groups.GROUP.exact....` for `check`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct DuplicatesSummary {
    /// Exact duplicates in the corpus.
    pub exact: DuplicateFigures,
    /// Near duplicates in the corpus, exact ones included: the clusters of
    /// `duplicates.csv`.
    pub near: DuplicateFigures,
    /// Per group (`--group-by`), counted among the group's own documents: a
    /// document that duplicates one of another group is a duplicate of the corpus,
    /// not of its group.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub groups: BTreeMap<String, GroupDuplicates>,
}

/// The duplicates of one group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct GroupDuplicates {
    /// Exact duplicates among the group's documents.
    pub exact: DuplicateFigures,
    /// Near duplicates among the group's documents, exact ones included.
    pub near: DuplicateFigures,
}

/// Documents of one LSH bucket compared pairwise, at most: a larger bucket (many
/// documents sharing a band, such as a template) compares each member with the
/// bucket's first and with the one before it, which keeps the work linear.
const BUCKET_PAIRS_UP_TO: usize = 64;

/// Union-find over document indices, each set's root its least index (the first
/// document in documents.csv order).
struct Clusters(Vec<usize>);

impl Clusters {
    fn new(len: usize) -> Self {
        Clusters((0..len).collect())
    }

    fn root(&mut self, mut at: usize) -> usize {
        while self.0[at] != at {
            self.0[at] = self.0[self.0[at]];
            at = self.0[at];
        }
        at
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        let (low, high) = (a.min(b), a.max(b));
        self.0[high] = low;
    }

    /// The sets of two or more among `members` (ascending), each in ascending
    /// order, the sets in the order of their first member.
    fn sets(&mut self, members: &[usize]) -> Vec<Vec<usize>> {
        let mut by_root: FxHashMap<usize, usize> = FxHashMap::default();
        let mut sets: Vec<Vec<usize>> = Vec::new();
        for &at in members {
            let root = self.root(at);
            let set = *by_root.entry(root).or_insert_with(|| {
                sets.push(Vec::new());
                sets.len() - 1
            });
            sets[set].push(at);
        }
        sets.retain(|set| set.len() > 1);
        sets
    }
}

/// The clusters of exact duplicates among `members` (ascending indices into
/// `fingerprints`, in documents.csv order), as [`Clusters::sets`] gives them.
/// Documents without a fingerprint (no tokens) are in none.
fn exact_clusters(fingerprints: &[Option<Fingerprint>], members: &[usize]) -> Vec<Vec<usize>> {
    let mut clusters = Clusters::new(fingerprints.len());
    let mut first: FxHashMap<Fingerprint, usize> = FxHashMap::default();
    for &at in members {
        if let Some(print) = fingerprints[at] {
            let head = *first.entry(print).or_insert(at);
            clusters.join(head, at);
        }
    }
    clusters.sets(members)
}

/// The pairs of documents whose signatures are near (estimated Jaccard similarity
/// at least [`NEAR_THRESHOLD`]) among the candidates that share a band's key,
/// ascending.
fn near_pairs(signatures: &[Option<&Signature>]) -> Vec<(usize, usize)> {
    let mut pairs: Vec<(usize, usize)> = (0..BANDS)
        .into_par_iter()
        .flat_map_iter(|band| {
            let mut buckets: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
            for (at, signature) in signatures.iter().enumerate() {
                if let Some(signature) = signature {
                    buckets
                        .entry(signature.band_key(band))
                        .or_default()
                        .push(at);
                }
            }
            let mut candidates = Vec::new();
            for bucket in buckets.into_values().filter(|b| b.len() > 1) {
                if bucket.len() <= BUCKET_PAIRS_UP_TO {
                    for (i, &a) in bucket.iter().enumerate() {
                        candidates.extend(bucket[i + 1..].iter().map(|&b| (a, b)));
                    }
                } else {
                    candidates.extend(bucket[1..].iter().map(|&b| (bucket[0], b)));
                    candidates.extend(bucket.windows(2).skip(1).map(|w| (w[0], w[1])));
                }
            }
            candidates
        })
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs.retain(|&(a, b)| match (signatures[a], signatures[b]) {
        (Some(x), Some(y)) => x.similarity(y) >= NEAR_THRESHOLD,
        _ => false,
    });
    pairs
}

/// The clusters of near or exact duplicates among `members` (ascending indices
/// below `len`).
fn near_clusters(
    len: usize,
    exact: &[Vec<usize>],
    near: &[(usize, usize)],
    members: &[usize],
) -> Vec<Vec<usize>> {
    let mut clusters = Clusters::new(len);
    for cluster in exact {
        for &at in &cluster[1..] {
            clusters.join(cluster[0], at);
        }
    }
    let within: FxHashSet<usize> = members.iter().copied().collect();
    for &(a, b) in near {
        if within.contains(&a) && within.contains(&b) {
            clusters.join(a, b);
        }
    }
    clusters.sets(members)
}

/// The figures of `clusters` among documents that number `documents` and hold
/// `tokens` tokens.
fn figures_of(
    clusters: &[Vec<usize>],
    tokens_of: &[u64],
    documents: u64,
    tokens: u64,
) -> DuplicateFigures {
    let beyond: Vec<usize> = clusters
        .iter()
        .flat_map(|c| c[1..].iter().copied())
        .collect();
    let duplicate_tokens: u64 = beyond.iter().map(|&at| tokens_of[at]).sum();
    DuplicateFigures {
        documents: beyond.len() as u64,
        tokens: duplicate_tokens,
        document_share: (documents > 0).then(|| round(share(beyond.len() as u64, documents))),
        token_share: (tokens > 0).then(|| round(share(duplicate_tokens, tokens))),
        clusters: clusters.len() as u64,
        largest: clusters.iter().map(Vec::len).max().unwrap_or(0) as u64,
    }
}

impl Report {
    /// The rows of `duplicates.csv` and the `duplicates` block of `summary.json`,
    /// from `counts` whose documents are in documents.csv order (`rows`).
    pub(super) fn duplicates(
        counts: &CorpusCounts,
        rows: &[DocumentRow],
        group_by: &GroupBy,
    ) -> (Vec<DuplicateRow>, DuplicatesSummary) {
        let documents = &counts.documents;
        let fingerprints: Vec<Option<Fingerprint>> =
            documents.iter().map(|d| d.fingerprint).collect();
        let signatures: Vec<Option<&Signature>> =
            documents.iter().map(|d| d.signature.as_ref()).collect();
        let tokens_of: Vec<u64> = documents.iter().map(|d| d.figures.tokens).collect();
        let everyone: Vec<usize> = (0..documents.len()).collect();
        let exact = exact_clusters(&fingerprints, &everyone);
        let near = near_pairs(&signatures);
        let clusters = near_clusters(documents.len(), &exact, &near, &everyone);
        let mut table = Vec::new();
        for (number, cluster) in clusters.iter().enumerate() {
            let first = cluster[0];
            for &at in cluster {
                let same = at == first || fingerprints[at] == fingerprints[first];
                let similarity = match (signatures[at], signatures[first]) {
                    (Some(x), Some(y)) if !same => x.similarity(y),
                    _ => 1.0,
                };
                table.push(DuplicateRow {
                    cluster: number as u64 + 1,
                    document: documents[at].meta.id.clone(),
                    kind: if same {
                        DuplicateKind::Exact
                    } else {
                        DuplicateKind::Near
                    },
                    similarity,
                });
            }
        }
        let figures = |members: &[usize], exact: &[Vec<usize>], clusters: &[Vec<usize>]| {
            let tokens: u64 = members.iter().map(|&at| tokens_of[at]).sum();
            GroupDuplicates {
                exact: figures_of(exact, &tokens_of, members.len() as u64, tokens),
                near: figures_of(clusters, &tokens_of, members.len() as u64, tokens),
            }
        };
        let corpus = figures(&everyone, &exact, &clusters);
        let mut summary = DuplicatesSummary {
            exact: corpus.exact,
            near: corpus.near,
            groups: BTreeMap::new(),
        };
        if *group_by != GroupBy::None {
            let mut members: BTreeMap<String, Vec<usize>> = BTreeMap::new();
            for (at, (record, row)) in documents.iter().zip(rows).enumerate() {
                members
                    .entry(group_name(record, row, group_by))
                    .or_default()
                    .push(at);
            }
            for (group, members) in members {
                let exact = exact_clusters(&fingerprints, &members);
                let clusters = near_clusters(documents.len(), &exact, &near, &members);
                summary
                    .groups
                    .insert(group, figures(&members, &exact, &clusters));
            }
        }
        (table, summary)
    }

    /// The rows of `duplicates.csv`, in any order.
    pub(crate) fn duplicates_source(&self) -> RowSource<'_> {
        RowSource::new(self.duplicates.len(), |i| {
            let row = &self.duplicates[i];
            vec![
                row.cluster.to_string(),
                row.document.clone(),
                row.kind.name().to_string(),
                float(row.similarity),
            ]
        })
    }

    /// `duplicates.csv`: every document of a cluster of duplicates, by cluster.
    pub fn duplicate_rows(&self) -> &[DuplicateRow] {
        &self.duplicates
    }
}
