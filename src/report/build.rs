//! How a [`Report`] is made from the corpus counts: the tables built in parallel,
//! the counts below the listing thresholds dropped, the documents' rows.

use super::*;
use crate::count::{CorpusCounts, NgramTotals};
use crate::normalize::Normalizer;
use crate::options::Options;
use crate::store::ShardedNgrams;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

impl Report {
    /// Computes the tables from merged counts: each step below is one table or one
    /// thing several tables share, and memory is handed back between the steps
    /// that free most of it.
    pub fn new(mut counts: CorpusCounts) -> Report {
        counts.finish_counting();
        crate::alloc::memory_freed();
        let options = counts.options().clone();
        counts.documents.par_sort_by(|a, b| {
            (&a.meta.id, &a.meta.source, a.meta.line).cmp(&(
                &b.meta.id,
                &b.meta.source,
                b.meta.line,
            ))
        });
        let idf = inverse_document_frequencies(&counts);
        let normalizer = Normalizer::new(&options.normalize).ok();
        let display: Vec<&str> = counts.terms.par_iter().map(|t| t.display()).collect();
        let (stopword_languages, is_stopword) =
            stopword_flags(&counts, &options, normalizer.as_ref());
        let (text_rank, plain) = text_ranks(&display);
        let skip = |id: u32| !options.keep_stopwords && is_stopword[id as usize];
        let names = TermNames {
            display: &display,
            skip: &skip,
            text_rank: &text_rank,
            plain: &plain,
        };

        let cooccurrence_n = Self::cooccurrence_n(&counts, &options);
        let charted = Self::charted_terms(&counts, &names);
        let concordance_plan = Self::concordance_plan(&counts, &charted, normalizer.as_ref());
        let heatmap_pairs =
            Self::drop_below_min_counts(&mut counts.pairs, &mut counts.ngrams, &charted, &options);
        let terms = terms::term_rows(&counts, &names, &idf, &is_stopword);
        let ngram_tables = std::mem::take(&mut counts.ngrams);
        let pair_table = std::mem::take(&mut counts.pairs);
        let (ngrams, distinctive, cooccurrences) =
            Self::large_tables(ngram_tables, pair_table, &counts, &names, &idf, &options);
        let (document_rows, languages) = Self::document_tables(&counts);
        let code_switching = counts
            .documents
            .iter()
            .map(Self::code_switching_row)
            .collect();
        let mut summary = Summary::of(
            &counts,
            &terms,
            normalizer.as_ref(),
            &stopword_languages,
            cooccurrence_n,
        );
        summary.orthography =
            OrthographySummary::of(&counts, &document_rows, normalizer.as_ref(), &options);
        let orthography = Self::orthography_rows(&counts, normalizer.as_ref());
        let (duplicates, quality) = if options.tables.documents {
            let (duplicates, duplicate_figures) =
                Self::duplicates(&counts, &document_rows, &options.input.group_by);
            let (quality, quality_figures) =
                Self::quality(&counts, &document_rows, &options.input.group_by);
            summary.duplicates = Some(duplicate_figures);
            summary.quality = Some(quality_figures);
            (duplicates, quality)
        } else {
            (Vec::new(), Vec::new())
        };
        let group_data = Self::group_tables(&counts, &names, &document_rows, &options);
        let (trends, trend_summary) = Self::trend_tables(&counts, &names, &options);
        summary.trends = trend_summary;
        let chart_data = Self::chart_data(charts::ChartInputs {
            counts: &counts,
            names: &names,
            is_stopword: &is_stopword,
            options: &options,
            documents: &document_rows,
            terms: &terms,
            ngrams: &ngrams,
            summary: &summary,
            top_ids: &charted,
            heatmap_pairs: &heatmap_pairs,
        });
        // The long document-term table, in documents.csv's order, each document's
        // terms by term id: taken last, since the tables above read them.
        let document_terms = if options.document_terms {
            counts
                .documents
                .iter_mut()
                .map(|d| {
                    let mut terms = std::mem::take(&mut d.terms);
                    terms.sort_unstable();
                    terms.into_boxed_slice()
                })
                .collect()
        } else {
            Vec::new()
        };
        let report = Report {
            summary,
            documents: document_rows,
            document_terms,
            terms,
            names: display.iter().map(|&name| name.into()).collect(),
            ngrams,
            distinctive,
            languages,
            code_switching,
            orthography,
            duplicates,
            quality,
            cooccurrences,
            pair_n: cooccurrence_n,
            marginals: counts
                .terms
                .iter()
                .map(|t| t.marginal(options.cooccurrence.scope))
                .collect(),
            chart_data,
            groups: group_data.rows,
            group_languages: group_data.languages,
            group_terms: group_data.terms,
            keyness: group_data.keyness,
            vocabulary_overlap: group_data.overlap,
            trends,
            concordance_plan,
            concordance: ConcordanceLines::default(),
        };
        // Freeing the counts, many small allocations, need not hold up the charts.
        rayon::spawn(move || drop(counts));
        report
    }

    /// Drops the n-grams and pairs counted less often than the tables list, after
    /// taking the heatmap's pairs (the only view of the rarer ones): most entries
    /// go before anything else is made. Returns the heatmap's pairs.
    fn drop_below_min_counts(
        pairs: &mut ShardedNgrams<u32>,
        ngrams: &mut [ShardedNgrams<NgramTotals>],
        charted: &[(u32, u64)],
        options: &Options,
    ) -> FxHashMap<[u32; 2], u32> {
        let heatmap: Vec<u32> = charted
            .iter()
            .take(HEATMAP_WORDS)
            .map(|&(id, _)| id)
            .collect();
        let heatmap_pairs = Self::heatmap_pairs(pairs, &heatmap);
        pairs.retain_at_least(options.cooccurrence.min_count);
        for table in ngrams {
            table.retain_at_least(options.ngram_min_count);
        }
        crate::alloc::memory_freed();
        heatmap_pairs
    }

    /// The three large tables, which are independent: made at once, each table of
    /// counts (taken out of `counts`) emptied as its rows are taken.
    fn large_tables(
        ngram_tables: Vec<ShardedNgrams<NgramTotals>>,
        pair_table: ShardedNgrams<u32>,
        counts: &CorpusCounts,
        names: &TermNames,
        idf: &[f64],
        options: &Options,
    ) -> (Vec<NgramRows>, Vec<DistinctiveEntry>, Vec<PairRow>) {
        let (ngrams, (distinctive, cooccurrences)) = rayon::join(
            || Self::build_ngram_rows(ngram_tables, names, options),
            || {
                rayon::join(
                    || {
                        Self::build_distinctive(
                            counts,
                            names,
                            idf,
                            options.distinctive_per_document,
                        )
                    },
                    || Self::build_pair_rows(pair_table, &counts.terms, names, options),
                )
            },
        );
        crate::alloc::memory_freed();
        (ngrams, distinctive, cooccurrences)
    }

    /// `documents.csv` and `languages.csv` (each document, then `*` for the corpus).
    fn document_tables(counts: &CorpusCounts) -> (Vec<DocumentRow>, Vec<LanguageRow>) {
        let mut document_rows = Vec::with_capacity(counts.documents.len());
        let mut languages = Vec::new();
        for doc in &counts.documents {
            document_rows.push(Self::document_row(doc));
            languages.extend(languages::language_rows(
                &doc.meta.id,
                &doc.figures.language_words,
                doc.figures.tokens,
            ));
        }
        languages.extend(languages::language_rows(
            "*",
            &counts.figures.language_words,
            counts.figures.tokens,
        ));
        (document_rows, languages)
    }
}

/// Smoothed inverse document frequency of every term: ln((1 + N) / (1 + df)) + 1.
fn inverse_document_frequencies(counts: &CorpusCounts) -> Vec<f64> {
    let documents = counts.documents.len() as f64;
    counts
        .terms
        .par_iter()
        .map(|t| ((1.0 + documents) / (1.0 + t.doc_freq as f64)).ln() + 1.0)
        .collect()
}
