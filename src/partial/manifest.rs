//! `manifest.json`: what a partial was counted from and with, and the totals of
//! each of its shards. A reduced partial lists every shard it holds, so the
//! manifest of a reduce is the first manifest with the `shards` lists of all
//! concatenated (in shard order).

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{PartialError, PARTIAL_VERSION};
use crate::count::Pruning;
use crate::input::{Notice, Problem, ProblemKind};
use crate::options::Options;
use crate::report::SCHEMA_VERSION;

/// The `format` of every partial's manifest.
pub const PARTIAL_FORMAT: &str = "corpstat-partial";

/// A partial's `manifest.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// Always [`PARTIAL_FORMAT`].
    pub format: String,
    /// The partial format's version ([`PARTIAL_VERSION`]).
    pub partial_version: u32,
    /// The corpstat that counted it.
    pub corpstat_version: String,
    /// The version of `summary.json`'s schema that corpstat writes.
    pub schema_version: u32,
    /// SHA-256 of the options that change counts ([`Options::counting_sha256`]).
    pub counting_options_sha256: String,
    /// Every option, as `summary.json` lists them.
    pub options: Options,
    /// The shards it holds, in shard order.
    pub shards: Vec<ShardEntry>,
}

/// One input file of a shard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputEntry {
    /// As named on the command line or found in a folder (`-` for stdin).
    pub path: String,
    /// Its size in bytes, as stored (compressed or not); `None` for stdin.
    pub bytes: Option<u64>,
    /// SHA-256 of those bytes, in hex; `None` for stdin.
    pub sha256: Option<String>,
}

/// Problems of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProblemCount {
    /// The kind.
    pub kind: ProblemKind,
    /// How many.
    pub count: u64,
}

/// One shard: its order, inputs and totals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShardEntry {
    /// Its place among the shards (`corpstat partial --shard`): the corpus is the
    /// shards' documents in this order.
    pub order: u64,
    /// How many shards the run has (`corpstat partial --shards`), when given: a
    /// merge refuses a run missing any of shards 0 to `of` − 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<u64>,
    /// The files read.
    pub inputs: Vec<InputEntry>,
    /// The paths the shard was given (files and folders, as on the command line):
    /// what a merge reads again, as one run, for the report's concordance lines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roots: Vec<String>,
    /// Documents.
    pub documents: u64,
    /// Tokens.
    pub tokens: u64,
    /// Sentences with at least one token.
    pub sentences: u64,
    /// Tokens of ignored terms (`--ignore`) taken out before counting (left out
    /// when 0).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub ignored_tokens: u64,
    /// MATTR: the sum over the shard's whole windows of their distinct terms.
    pub mattr_distinct_sum: u64,
    /// MATTR: the shard's whole windows.
    pub mattr_windows: u64,
    /// How its n-gram and pair tables were pruned under `--memory-limit`; `null`
    /// when exact.
    pub pruning: Option<Pruning>,
    /// The first input problems, in reading order (at most 100).
    pub problems: Vec<Problem>,
    /// Every input problem, counted by kind.
    pub problems_by_kind: Vec<ProblemCount>,
    /// The shard's notices (links followed out of the folder given); absent when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<Notice>,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl ShardEntry {
    /// The problem counts as a map.
    pub fn problem_counts(&self) -> BTreeMap<ProblemKind, u64> {
        self.problems_by_kind
            .iter()
            .map(|p| (p.kind, p.count))
            .collect()
    }
}

/// The shards a run given as `manifests` lacks: every order below the run's
/// size (`--shards`, the largest any shard records) or, without one, below the
/// largest order held, that no manifest holds. An error when the shards record
/// runs of different sizes, or a shard lies past its run's size.
pub fn missing_shards(manifests: &[Manifest]) -> Result<Vec<u64>, String> {
    let shards: Vec<&ShardEntry> = manifests.iter().flat_map(|m| &m.shards).collect();
    let mut sizes: Vec<u64> = shards.iter().filter_map(|s| s.of).collect();
    sizes.sort_unstable();
    sizes.dedup();
    if sizes.len() > 1 {
        return Err(format!(
            "the shards were counted as parts of runs of {} shards (--shards): one run has one size",
            sizes
                .iter()
                .map(u64::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let held: std::collections::BTreeSet<u64> = shards.iter().map(|s| s.order).collect();
    let end = match sizes.first() {
        Some(&size) => {
            if let Some(past) = held.iter().find(|&&o| o >= size) {
                return Err(format!(
                    "shard {past} lies past the run's {size} shards (--shards {size})"
                ));
            }
            size
        }
        None => held.iter().next_back().map_or(0, |&last| last + 1),
    };
    Ok((0..end).filter(|o| !held.contains(o)).collect())
}

impl Manifest {
    /// A manifest for one shard counted with `options`.
    pub fn new(options: &Options, shard: ShardEntry) -> Manifest {
        Manifest {
            format: PARTIAL_FORMAT.to_string(),
            partial_version: PARTIAL_VERSION,
            corpstat_version: env!("CARGO_PKG_VERSION").to_string(),
            schema_version: SCHEMA_VERSION,
            counting_options_sha256: options.counting_sha256(),
            options: options.clone(),
            shards: vec![shard],
        }
    }

    /// Reads `dir/manifest.json` and checks that this corpstat can finish it.
    pub fn read(dir: &Path) -> Result<Manifest, PartialError> {
        let path = dir.join("manifest.json");
        let text = std::fs::read_to_string(&path).map_err(|e| {
            let why = if e.kind() == std::io::ErrorKind::NotFound {
                "no manifest: not a partial written by corpstat partial (or the reduce of some)"
                    .to_string()
            } else {
                e.to_string()
            };
            PartialError::new(&path, why)
        })?;
        let manifest: Manifest = serde_json::from_str(&text)
            .map_err(|e| PartialError::new(&path, format!("not a partial's manifest ({e})")))?;
        manifest.check(&path)?;
        Ok(manifest)
    }

    fn check(&self, path: &Path) -> Result<(), PartialError> {
        let ours = env!("CARGO_PKG_VERSION");
        let mismatch = if self.format != PARTIAL_FORMAT {
            Some(format!(
                "format is {:?}, not {PARTIAL_FORMAT:?}",
                self.format
            ))
        } else if self.corpstat_version != ours {
            Some(format!(
                "written by corpstat {}; this is corpstat {ours}: count every shard with one version",
                self.corpstat_version
            ))
        } else if self.partial_version != PARTIAL_VERSION {
            Some(format!(
                "partial format {}; this corpstat reads {PARTIAL_VERSION}",
                self.partial_version
            ))
        } else if self.schema_version != SCHEMA_VERSION {
            Some(format!(
                "summary schema {}; this corpstat writes {SCHEMA_VERSION}",
                self.schema_version
            ))
        } else if self.counting_options_sha256 != self.options.counting_sha256() {
            Some("counting_options_sha256 does not match its options".to_string())
        } else if self.shards.is_empty() {
            Some("lists no shard".to_string())
        } else {
            None
        };
        match mismatch {
            Some(message) => Err(PartialError::new(path, message)),
            None => Ok(()),
        }
    }
}
