//! What the charts show beyond the tables, made while the counts are at hand.

use super::*;

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
    pub(super) fn chart_data(inputs: ChartInputs<'_>) -> ChartData {
        let ChartInputs {
            counts,
            names,
            is_stopword,
            options,
            documents,
            terms,
            ngrams,
            summary,
            top_ids,
            heatmap_pairs,
        } = inputs;
        let charted =
            |id: u32| !(names.skip)(id) && counts.terms[id as usize].kind == TokenKind::Word;
        let sort = |items: &mut Vec<(u32, u64)>| {
            items.sort_by(|a, b| names.by_count_then_text((a.1, a.0), (b.1, b.0)))
        };
        let named = |items: &[(u32, u64)], n: usize| -> Ranked {
            items
                .iter()
                .take(n)
                .map(|&(id, c)| (names.display[id as usize].to_string(), c))
                .collect()
        };
        let top_terms = named(top_ids, CHART_TERMS);

        let mut language_top_terms = Vec::new();
        for (code, share) in &summary.languages {
            if Lang::UNDETERMINED == code.as_str() || share.share < LANGUAGE_CHART_SHARE {
                continue;
            }
            let mut per_term: rustc_hash::FxHashMap<u32, u64> = rustc_hash::FxHashMap::default();
            for (record, row) in counts.documents.iter().zip(documents) {
                if row.language == code.as_str() {
                    for &(id, c) in &record.terms {
                        if charted(id) {
                            *per_term.entry(id).or_default() += c as u64;
                        }
                    }
                }
            }
            let mut per_term: Vec<(u32, u64)> = per_term.into_iter().collect();
            sort(&mut per_term);
            language_top_terms.push((code.clone(), share.share, named(&per_term, CHART_TERMS)));
        }
        language_top_terms.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));

        // N-grams with at least one word that is not a stopword.
        let content = |id: u32| {
            !is_stopword[id as usize] && counts.terms[id as usize].kind == TokenKind::Word
        };
        let top_ngrams = |n: usize| -> Ranked {
            let Some(grams) = ngrams.iter().find(|g| g.n() == n) else {
                return Ranked::new();
            };
            (0..grams.len())
                .map(|i| grams.get(i))
                .filter(|(ids, ..)| ids.iter().any(|&id| content(id)))
                .take(15)
                .map(|(ids, count, _)| (joined(names.display, ids), count))
                .collect()
        };

        let zipf_points: Vec<(u64, u64)> = lexical::log_spaced(terms.len() as u64)
            .into_iter()
            .map(|r| (r, terms[r as usize - 1].count))
            .collect();
        let zipf_fit = lexical::least_squares(
            &zipf_points
                .iter()
                .map(|&(r, c)| ((r as f64).ln(), (c as f64).ln()))
                .collect::<Vec<_>>(),
        )
        .map(|f| (f.intercept, f.slope));
        let heaps_points = lexical::log_spaced(counts.tokens)
            .into_iter()
            .map(|n| (n, counts.first_positions.partition_point(|&p| p < n) as u64))
            .collect();

        let words: Vec<u32> = top_ids
            .iter()
            .take(HEATMAP_WORDS)
            .map(|&(id, _)| id)
            .collect();
        let n = Self::cooccurrence_n(counts, options);
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
                        let c = *heatmap_pairs.get(&key)?;
                        let marginal = |id: u32| {
                            counts.terms[id as usize].marginal(options.cooccurrence.scope) as f64
                        };
                        Some(associate(c as f64, marginal(a), marginal(b), n).npmi)
                    })
                    .collect()
            })
            .collect();
        ChartData {
            top_terms,
            language_top_terms,
            top_bigrams: top_ngrams(2),
            top_trigrams: top_ngrams(3),
            zipf_points,
            zipf_fit,
            heaps_points,
            npmi_words: words
                .iter()
                .map(|&id| names.display[id as usize].to_string())
                .collect(),
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
