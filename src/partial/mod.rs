//! Partial statistics: the exact, unpruned counts of one shard of a corpus, as
//! Parquet tables and a `manifest.json`, so that a corpus too large for one
//! machine is counted shard by shard (on Spark, or any engine that runs a
//! program per shard) and reduced by any SQL engine with `GROUP BY key,
//! SUM(count)`, then finished into the same report, byte for byte, as a single
//! run gives.
//!
//! Every statistic of the report is a sum, a minimum, or recomputable from them:
//! - term totals are sums; a term's first occurrence is the minimum of
//!   `first_seen`, which holds the shard's order above the token offset inside
//!   the shard, so that the minimum is the first occurrence in corpus order and
//!   term ids, the Heaps curve and every tie broken by first occurrence come out
//!   as a single run gives them;
//! - n-gram and pair counts are sums, keyed by their terms' text (pairs that are
//!   unordered hold the smaller text first);
//! - documents, their languages and their terms belong to one shard each: the
//!   reduce keeps them all (their key is `shard, document`);
//! - MATTR needs, at each shard boundary, the windows that straddle it: each
//!   shard keeps its first `window - 1` and last `window` tokens
//!   (`mattr_edges`) and its sums over whole windows (in the manifest);
//! - MTLD is summed over documents in document order, from each document's own
//!   factors.
//!
//! The tables and columns are listed once, in [`PARTIAL_TABLES`]; `docs/PARTIALS.md`
//! documents them.

mod gram_key;
mod manifest;
mod parquet_io;
mod read;
mod tables;
mod write;

pub use manifest::{
    missing_shards, InputEntry, Manifest, ProblemCount, ShardEntry, PARTIAL_FORMAT,
};
pub use read::read_partials;
pub use tables::{ColumnType, PartialColumn, PartialTable, PARTIAL_TABLES};
pub use write::{input_entries, partial_files, PartialFile};

use std::path::{Path, PathBuf};

/// The version of the partial format: tables, columns and manifest.
pub const PARTIAL_VERSION: u32 = 6;

/// `first_seen` is `shard << FIRST_SEEN_SHIFT | offset`: 2^40 tokens a shard,
/// 2^23 shards.
pub const FIRST_SEEN_SHIFT: u32 = 40;

/// The largest shard order `first_seen` can hold.
pub const MAX_SHARD: u64 = (1 << (63 - FIRST_SEEN_SHIFT)) - 1;

/// A partial that cannot be written or read: the file, and what is wrong.
#[derive(Debug, thiserror::Error)]
#[error("{}: {message}", path.display())]
pub struct PartialError {
    /// The file or folder.
    pub path: PathBuf,
    /// What is wrong, in words.
    pub message: String,
}

impl PartialError {
    pub(crate) fn new(path: &Path, message: impl Into<String>) -> Self {
        PartialError {
            path: path.to_path_buf(),
            message: message.into(),
        }
    }
}
