//! The n-gram and pair merge: a batch of documents' tables, mapped to corpus ids,
//! sorted into per-shard buckets and added shard by shard in parallel.

use super::corpus::DocumentTables;
use super::{CorpusCounts, NgramTotals};
use crate::store::Buckets;

impl CorpusCounts {
    pub(super) fn add_tables(&mut self, tables: &[DocumentTables]) {
        let ordered = self.options.cooccurrence.ordered;
        if self.ngram_buckets.len() != self.ngrams.len() {
            self.ngram_buckets = vec![Buckets::default(); self.ngrams.len()];
        }
        let pair_buckets = &mut self.pair_buckets;
        let pairs = &mut self.pairs;
        let ngram_work = self
            .ngrams
            .iter_mut()
            .zip(&mut self.ngram_buckets)
            .enumerate();
        rayon::scope(|scope| {
            for (order, (table, buckets)) in ngram_work {
                scope.spawn(move |_| {
                    let mut key: Vec<u32> = Vec::new();
                    for doc in tables {
                        doc.ngrams[order].iter().for_each(|(gram, count)| {
                            key.clear();
                            key.extend(gram.iter().map(|&l| doc.global[l as usize]));
                            buckets.push(&key, count);
                        });
                    }
                    table.add_buckets(buckets, |shard, ids, counts| {
                        for (gram, &count) in ids.chunks_exact(shard.order()).zip(counts) {
                            shard.add(gram, NgramTotals { count, doc_freq: 1 });
                        }
                        shard.settle();
                    });
                    buckets.clear();
                });
            }
            scope.spawn(move |_| {
                for doc in tables {
                    for (pair, count) in doc.pairs.iter() {
                        let (a, b) = (doc.global[pair[0] as usize], doc.global[pair[1] as usize]);
                        let key = if ordered || a < b { [a, b] } else { [b, a] };
                        pair_buckets.push(&key, count);
                    }
                }
                pairs.add_buckets(pair_buckets, |shard, ids, counts| {
                    for (pair, &count) in ids.chunks_exact(2).zip(counts) {
                        shard.add(pair, count);
                    }
                    shard.settle();
                });
                pair_buckets.clear();
            });
        });
    }
}
