//! The counts of consecutive shards combined: `a.append(b)`, where b's documents
//! follow a's, gives the same totals as counting a's and b's documents in one
//! run, so every table of the report comes out byte for byte the same. This is
//! the reduce of a sharded run: term ids are remapped in b's order of first
//! occurrence (the order a single run gives them), first positions are shifted by
//! a's tokens, unordered pair keys are sorted again under the new ids, and the
//! MATTR windows that straddle the boundary are replayed from b's first tokens.

use super::corpus::TermTotals;
use super::CorpusCounts;
use crate::options::OptionDifference;
use crate::store::{Buckets, ShardedNgrams, Tally};

/// Why two shards' counts cannot be combined.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CombineError {
    /// The shards were counted with different options: the first that differs.
    #[error("the shards were counted with different options: {0}")]
    Options(OptionDifference),
    /// A shard's n-gram or pair tables were pruned under `--memory-limit`: its
    /// counts are bounds, not sums.
    #[error("a shard was pruned under --memory-limit; combine shards counted without it")]
    Pruned,
}

impl CorpusCounts {
    /// Adds the counts of `next`, whose documents follow these ones. Nothing
    /// changes when an option that changes the counts differs (the error names
    /// the first) or either side was pruned.
    pub fn append(&mut self, next: CorpusCounts) -> Result<(), CombineError> {
        if let Some(difference) = self
            .options
            .counting()
            .first_difference(&next.options.counting())
        {
            return Err(CombineError::Options(difference));
        }
        if self.pruning.is_some() || next.pruning.is_some() {
            return Err(CombineError::Pruned);
        }
        let offset = self.tokens;
        let CorpusCounts {
            terms,
            first_positions,
            ngrams,
            pairs,
            documents,
            tokens,
            ignored_tokens,
            sentences,
            language_words,
            mattr,
            problems,
            problem_counts,
            ..
        } = next;
        let remap = self.append_terms(terms, &first_positions, offset);
        for (table, next_table) in self.ngrams.iter_mut().zip(ngrams) {
            add_remapped(table, next_table, &remap, false);
        }
        let unordered = !self.options.cooccurrence.ordered;
        add_remapped(&mut self.pairs, pairs, &remap, unordered);
        self.mattr.append(&mattr, &remap);
        for mut document in documents {
            for (id, _) in &mut document.terms {
                *id = remap[*id as usize];
            }
            // Document by document, as a single run sums them: the same float.
            self.mtld += document.mtld;
            self.code_switching += &document.code_switching;
            self.orthography += &document.orthography;
            self.documents.push(document);
        }
        self.tokens += tokens;
        self.ignored_tokens += ignored_tokens;
        self.sentences += sentences;
        for (key, words) in language_words {
            *self.language_words.entry(key).or_default() += words;
        }
        for problem in problems {
            self.list_problem(problem);
        }
        for (kind, n) in problem_counts {
            *self.problem_counts.entry(kind).or_default() += n;
        }
        Ok(())
    }

    /// Replaces the options that only decide what the report lists (see
    /// [`Options::counting`](crate::Options::counting)), such as
    /// `ngram_min_count`; refused, naming the first difference, when `options`
    /// would have counted differently.
    pub fn relist(&mut self, options: crate::Options) -> Result<(), CombineError> {
        if let Some(difference) = self
            .options
            .counting()
            .first_difference(&options.counting())
        {
            return Err(CombineError::Options(difference));
        }
        self.options = options;
        Ok(())
    }

    /// Adds `next`'s terms, interning the new ones in its order of first
    /// occurrence; returns the id each of its terms has here.
    fn append_terms(
        &mut self,
        terms: Vec<TermTotals>,
        first_positions: &[u64],
        offset: u64,
    ) -> Vec<u32> {
        let mut remap = Vec::with_capacity(terms.len());
        for (id, term) in terms.into_iter().enumerate() {
            let here = self.intern(&term.text, term.kind, offset + first_positions[id]);
            let totals = &mut self.terms[here as usize];
            totals.count += term.count;
            totals.doc_freq += term.doc_freq;
            totals.sentence_freq += term.sentence_freq;
            for (form, count) in term.surfaces {
                totals.add_surface(form, count);
            }
            remap.push(here);
        }
        remap
    }
}

/// Adds every entry of `next` to `table` under remapped ids; with `sort_keys`
/// (unordered pairs) each key's ids are sorted again, since remapping can change
/// which is smaller.
fn add_remapped<V: Tally>(
    table: &mut ShardedNgrams<V>,
    mut next: ShardedNgrams<V>,
    remap: &[u32],
    sort_keys: bool,
) {
    let mut buckets: Buckets<V> = Buckets::default();
    let mut key: Vec<u32> = Vec::new();
    for shard in &mut next.shards {
        shard.for_each(|gram, &value, _| {
            key.clear();
            key.extend(gram.iter().map(|&id| remap[id as usize]));
            if sort_keys {
                key.sort_unstable();
            }
            buckets.push(&key, value);
        });
    }
    table.add_all(&buckets);
}

#[cfg(test)]
mod tests {
    use crate::options::{CoocOptions, CoocScope, Options};
    use crate::report::Report;
    use crate::{Corpus, Document, GroupBy};

    /// The seed documents, as (id, text), in file-name order.
    fn seeds() -> Vec<(String, String)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .expect("seeds/ is in the repository")
            .map(|e| e.expect("a readable entry").path())
            .collect();
        paths.sort();
        paths
            .into_iter()
            .map(|p| {
                let id = p
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                (id, std::fs::read_to_string(&p).expect("seed text"))
            })
            .collect()
    }

    fn counts_of(options: &Options, documents: &[(String, String)]) -> super::CorpusCounts {
        let mut corpus = Corpus::new(options.clone()).expect("valid options");
        for (id, text) in documents {
            corpus.add_document(Document::new(id.as_str(), text.as_str()));
        }
        corpus.into_counts()
    }

    /// What a report writes, but the pictures: every table's rows, the summary, and
    /// the data the charts are drawn from. (`Report` itself also holds the order
    /// in which n-grams were found, which is not written anywhere.)
    fn outputs(report: &Report) -> (Vec<Vec<Vec<String>>>, String, String) {
        let tables = crate::output::TABLES
            .iter()
            .filter(|spec| spec.is_in(report))
            .map(|spec| spec.table(report).rows)
            .collect();
        let summary = serde_json::to_string(&report.summary).unwrap_or_default();
        (tables, summary, format!("{:?}", report.chart_data))
    }

    /// Every split of the seeds into consecutive shards, counted apart and
    /// appended in order, gives the report of one run: every table, the summary and
    /// the chart data, under options that exercise each table (long n-grams, both
    /// pair orders, each scope, a MATTR window smaller than a document, groups).
    #[test]
    fn shards_appended_give_the_report_of_one_run() {
        let documents = seeds();
        assert_eq!(documents.len(), 5);
        let cooc = |scope, ordered| CoocOptions {
            scope,
            ordered,
            min_count: 1,
            ..CoocOptions::default()
        };
        let long = Options {
            ngram_max: 5,
            ngram_min_count: 1,
            mattr_window: 40,
            cooccurrence: cooc(CoocScope::Window, true),
            ..Options::default()
        };
        let mut sentence = Options {
            cooccurrence: cooc(CoocScope::Sentence, false),
            ..Options::default()
        };
        sentence.input.group_by = GroupBy::Lang;
        let document = Options {
            cooccurrence: cooc(CoocScope::Document, false),
            mattr_window: 1,
            ..Options::default()
        };
        let variants = [Options::default(), long, sentence, document];
        for options in &variants {
            let whole = Report::new(counts_of(options, &documents));
            assert!(!whole.terms.is_empty());
            for cuts in [&[1, 2, 3, 4][..], &[2][..], &[4][..], &[1, 3][..]] {
                let mut bounds = vec![0];
                bounds.extend_from_slice(cuts);
                bounds.push(documents.len());
                let mut shards = bounds
                    .windows(2)
                    .map(|w| counts_of(options, &documents[w[0]..w[1]]));
                let mut merged = shards.next().expect("a first shard");
                for shard in shards {
                    merged.append(shard).expect("same options, unpruned");
                }
                let merged = Report::new(merged);
                assert!(
                    outputs(&merged) == outputs(&whole),
                    "cuts {cuts:?}, options {options:?}"
                );
            }
        }
    }

    /// Shards counted with other options, or pruned, are refused and nothing changes.
    #[test]
    fn mixed_or_pruned_shards_are_refused() {
        let documents = seeds();
        let mut first = counts_of(&Options::default(), &documents[..2]);
        let other = Options {
            ngram_max: 4,
            ..Options::default()
        };
        let refused = first.append(counts_of(&other, &documents[2..]));
        let message = refused.expect_err("mixed options").to_string();
        assert_eq!(
            message,
            "the shards were counted with different options: ngram_max is 3 against 4"
        );
        assert_eq!(first.documents.len(), 2);
        let mut pruned = counts_of(&Options::default(), &documents[2..]);
        pruned.pruning = Some(Default::default());
        assert_eq!(first.append(pruned), Err(super::CombineError::Pruned));
        assert_eq!(first.documents.len(), 2);
    }
}
