//! The counts of consecutive shards combined: `a.append(b)`, where b's documents
//! follow a's, gives the same totals as counting a's and b's documents in one
//! run, so every table of the report comes out byte for byte the same. This is
//! the reduce of a sharded run: term ids are remapped in b's order of first
//! occurrence (the order a single run gives them), first positions are shifted by
//! a's tokens, unordered pair keys are sorted again under the new ids, and the
//! MATTR windows that straddle the boundary are replayed from b's first tokens.

use super::totals::TermTotals;
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
        let offset = self.figures.tokens;
        let CorpusCounts {
            terms,
            first_positions,
            ngrams,
            pairs,
            documents,
            ignored_tokens,
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
            self.figures += &document.figures;
            self.documents.push(document);
        }
        self.ignored_tokens += ignored_tokens;
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
