//! What the charts show beyond the tables, made while the counts are at hand.

use crate::{CorpusCounts, Lang, Options, Report, TokenKind};

use crate::report::{DocumentRow, NgramRows, Summary, TermRow};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::{joined, TermNames};
use crate::measures::association::associate;
use crate::measures::lexical;
use crate::store::ShardedNgrams;

/// Terms and their counts, most frequent first.
pub type Ranked = Vec<(String, u64)>;

/// Data the charts need that the tables do not hold.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct ChartData {
    /// The top words (no stopwords, unless kept), at most [`CHART_TERMS`].
    pub top_terms: Ranked,
    /// For each language with at least 10% of the words: its code, share, and the top
    /// words of the documents whose dominant language it is.
    pub language_top_terms: Vec<(String, f64, Ranked)>,
    /// The top bigrams and trigrams with at least one non-stopword word.
    pub top_bigrams: Ranked,
    /// See `top_bigrams`.
    pub top_trigrams: Ranked,
    /// (rank, count) at log-spaced ranks, and the fitted line ln f = a + b ln r.
    pub zipf_points: Vec<(u64, u64)>,
    /// Intercept and slope of the Zipf fit.
    pub zipf_fit: Option<(f64, f64)>,
    /// (tokens read, types seen) at log-spaced points of the stream.
    pub heaps_points: Vec<(u64, u64)>,
    /// The top words of the NPMI heatmap, and NPMI for each pair (window scope
    /// counts; `None` where a pair never co-occurs).
    pub npmi_words: Vec<String>,
    /// See `npmi_words`; symmetric, `None` on the diagonal.
    pub npmi: Vec<Vec<Option<f64>>>,
}

/// Words per bar chart.
pub const CHART_TERMS: usize = 25;

/// N-grams of each order in `top-ngrams.png`.
pub const TOP_NGRAMS: usize = 15;

/// Words in the co-occurrence heatmap.
pub const HEATMAP_WORDS: usize = 20;

/// A language's share of the words for a chart of its own.
pub const LANGUAGE_CHART_SHARE: f64 = 0.10;

/// What the chart data is made from: the counts, and the tables made before it.
pub(super) struct ChartInputs<'a> {
    pub counts: &'a CorpusCounts,
    pub names: &'a TermNames<'a>,
    pub is_stopword: &'a [bool],
    pub options: &'a Options,
    pub documents: &'a [DocumentRow],
    pub terms: &'a [TermRow],
    pub ngrams: &'a [NgramRows],
    pub summary: &'a Summary,
    /// The most frequent charted words, most frequent first.
    pub top_ids: &'a [(u32, u64)],
    /// The heatmap's pairs, taken before the pair table was cut to its minimum count.
    pub heatmap_pairs: &'a FxHashMap<[u32; 2], u32>,
}

impl Report {
    /// What the charts show beyond the tables.
    pub(super) fn chart_data(inputs: ChartInputs<'_>) -> ChartData {
        let zipf_points = inputs.zipf_points();
        let (npmi_words, npmi) = inputs.npmi();
        ChartData {
            top_terms: inputs.named(inputs.top_ids, CHART_TERMS),
            language_top_terms: inputs.language_top_terms(),
            top_bigrams: inputs.top_ngrams(2),
            top_trigrams: inputs.top_ngrams(3),
            zipf_fit: zipf_fit(&zipf_points),
            zipf_points,
            heaps_points: inputs.heaps_points(),
            npmi_words,
            npmi,
        }
    }

    /// The words the charts rank (stopwords left out unless kept), most frequent first.
    pub(super) fn charted_terms(counts: &CorpusCounts, names: &TermNames) -> Vec<(u32, u64)> {
        let mut ids: Vec<(u32, u64)> = (0..counts.terms.len() as u32)
            .filter(|&id| !(names.skip)(id) && counts.terms[id as usize].kind == TokenKind::Word)
            .map(|id| (id, counts.terms[id as usize].count))
            .collect();
        ids.sort_by(|a, b| names.by_count_then_text((a.1, a.0), (b.1, b.0)));
        ids
    }

    /// The counts of the pairs among `heatmap` words, for the chart.
    pub(super) fn heatmap_pairs(
        pairs: &mut ShardedNgrams<u32>,
        heatmap: &[u32],
    ) -> FxHashMap<[u32; 2], u32> {
        let in_heatmap: rustc_hash::FxHashSet<u32> = heatmap.iter().copied().collect();
        let per_shard: Vec<Vec<([u32; 2], u32)>> = pairs
            .shards
            .par_iter_mut()
            .map(|shard| {
                let mut found = Vec::new();
                shard.for_each(|pair, &c, _| {
                    if in_heatmap.contains(&pair[0]) && in_heatmap.contains(&pair[1]) {
                        found.push(([pair[0], pair[1]], c));
                    }
                });
                found
            })
            .collect();
        per_shard.into_iter().flatten().collect()
    }
}

impl ChartInputs<'_> {
    /// Whether a term is ranked by the word charts: a word, not a skipped stopword.
    fn charted(&self, id: u32) -> bool {
        !(self.names.skip)(id) && self.counts.terms[id as usize].kind == TokenKind::Word
    }

    /// The first `n` of `items` with their display forms.
    fn named(&self, items: &[(u32, u64)], n: usize) -> Ranked {
        items
            .iter()
            .take(n)
            .map(|&(id, c)| (self.names.display[id as usize].to_string(), c))
            .collect()
    }

    /// The top words of the documents of each language with at least
    /// [`LANGUAGE_CHART_SHARE`] of the words, largest language first.
    fn language_top_terms(&self) -> Vec<(String, f64, Ranked)> {
        let mut charts = Vec::new();
        for (code, share) in &self.summary.languages {
            if Lang::UNDETERMINED == code.as_str() || share.share < LANGUAGE_CHART_SHARE {
                continue;
            }
            let mut per_term: FxHashMap<u32, u64> = FxHashMap::default();
            for (record, row) in self.counts.documents.iter().zip(self.documents) {
                if row.language == code.as_str() {
                    for &(id, c) in &record.terms {
                        if self.charted(id) {
                            *per_term.entry(id).or_default() += c as u64;
                        }
                    }
                }
            }
            let mut per_term: Vec<(u32, u64)> = per_term.into_iter().collect();
            per_term.sort_by(|a, b| self.names.by_count_then_text((a.1, a.0), (b.1, b.0)));
            charts.push((
                code.clone(),
                share.share,
                self.named(&per_term, CHART_TERMS),
            ));
        }
        charts.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        charts
    }

    /// The [`TOP_NGRAMS`] most frequent n-grams of order `n` with at least one word that is not
    /// a stopword.
    fn top_ngrams(&self, n: usize) -> Ranked {
        let content = |id: u32| {
            !self.is_stopword[id as usize] && self.counts.terms[id as usize].kind == TokenKind::Word
        };
        let Some(grams) = self.ngrams.iter().find(|g| g.n() == n) else {
            return Ranked::new();
        };
        (0..grams.len())
            .map(|i| grams.get(i))
            .filter(|(ids, ..)| ids.iter().any(|&id| content(id)))
            .take(TOP_NGRAMS)
            .map(|(ids, count, _)| (joined(self.names.display, ids), count))
            .collect()
    }

    /// Rank and count at log-spaced ranks.
    fn zipf_points(&self) -> Vec<(u64, u64)> {
        lexical::log_spaced(self.terms.len() as u64)
            .into_iter()
            .map(|r| (r, self.terms[r as usize - 1].count))
            .collect()
    }

    /// Types seen within the first n tokens, at log-spaced n.
    fn heaps_points(&self) -> Vec<(u64, u64)> {
        let first_positions = &self.counts.first_positions;
        lexical::log_spaced(self.counts.figures.tokens)
            .into_iter()
            .map(|n| (n, first_positions.partition_point(|&p| p < n) as u64))
            .collect()
    }

    /// The heatmap's words and the NPMI of each pair of them (`None` on the
    /// diagonal and for pairs never seen together).
    fn npmi(&self) -> (Vec<String>, Vec<Vec<Option<f64>>>) {
        let options = self.options;
        let words: Vec<u32> = self
            .top_ids
            .iter()
            .take(HEATMAP_WORDS)
            .map(|&(id, _)| id)
            .collect();
        let n = Report::cooccurrence_n(self.counts, options);
        let marginal =
            |id: u32| self.counts.terms[id as usize].marginal(options.cooccurrence.scope) as f64;
        let npmi = words
            .iter()
            .map(|&a| {
                words
                    .iter()
                    .map(|&b| {
                        if a == b {
                            return None;
                        }
                        let key = if options.cooccurrence.ordered || a < b {
                            [a, b]
                        } else {
                            [b, a]
                        };
                        let c = *self.heatmap_pairs.get(&key)?;
                        Some(associate(c as f64, marginal(a), marginal(b), n).npmi)
                    })
                    .collect()
            })
            .collect();
        let names = words
            .iter()
            .map(|&id| self.names.display[id as usize].to_string())
            .collect();
        (names, npmi)
    }
}

/// The least-squares line through the logarithms of Zipf points: (intercept, slope).
fn zipf_fit(points: &[(u64, u64)]) -> Option<(f64, f64)> {
    let logs: Vec<(f64, f64)> = points
        .iter()
        .map(|&(r, c)| ((r as f64).ln(), (c as f64).ln()))
        .collect();
    lexical::least_squares(&logs).map(|f| (f.intercept, f.slope))
}
