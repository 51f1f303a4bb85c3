//! Partials read back and reduced into one [`CorpusCounts`], as a single run over
//! their shards, in shard order, would have counted them: terms get their ids in
//! order of first occurrence, documents come in shard order, and MATTR is
//! replayed across the shard boundaries. The partials may be the shards
//! themselves, or any reduce of them; the reduce happens here too (sums, and
//! the least `first_seen`), so that any split of the work gives the same counts.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use arrow_array::Int64Array;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::manifest::{Manifest, ShardEntry};
use super::parquet_io::{for_each_batch, Rows};
use super::tables::{columns, SURFACES, TERMS};
use super::{PartialError, FIRST_SEEN_SHIFT};
use crate::count::{CorpusCounts, Pruning};
use crate::tokenize::TokenKind;

/// Reads the partials in `dirs` (in any order) and reduces them into the counts
/// of their shards in shard order. Refused, naming the file: a folder listed
/// twice, a shard found in two partials, a missing or foreign manifest, partials
/// whose count-changing options or versions differ, a table that cannot be read
/// or that does not match its manifest. With `memory_limit`, the n-gram and pair
/// tables are kept within half of it as `--memory-limit` keeps them while
/// counting; the bound the summary states is then the merge's plus the shards'.
pub fn read_partials(
    dirs: &[PathBuf],
    memory_limit: Option<u64>,
) -> Result<CorpusCounts, PartialError> {
    let Some(first_dir) = dirs.first() else {
        return Err(PartialError::new(Path::new("merge"), "no partial given"));
    };
    let mut seen: HashMap<PathBuf, &PathBuf> = HashMap::new();
    for dir in dirs {
        let canonical = dir
            .canonicalize()
            .map_err(|e| PartialError::new(dir, e.to_string()))?;
        if let Some(earlier) = seen.insert(canonical, dir) {
            return Err(PartialError::new(
                dir,
                format!("listed twice (also as {})", earlier.display()),
            ));
        }
    }
    let manifests: Vec<Manifest> = dirs
        .iter()
        .map(|d| Manifest::read(d))
        .collect::<Result<_, _>>()?;
    let counting = manifests[0].options.counting();
    for (dir, manifest) in dirs.iter().zip(&manifests).skip(1) {
        if let Some(difference) = counting.first_difference(&manifest.options.counting()) {
            return Err(PartialError::new(
                &dir.join("manifest.json"),
                format!(
                    "counted with other options than {}: {difference}",
                    first_dir.display()
                ),
            ));
        }
    }
    let shards = shards_in_order(dirs, &manifests)?;
    let options = manifests[shards[0].1].options.clone();
    let mut counts = CorpusCounts::new(options);
    let dirs: Vec<&Path> = dirs.iter().map(PathBuf::as_path).collect();
    let layout = Layout::new(shards.into_iter().map(|(shard, _)| shard).collect());
    read_terms(&dirs, &layout, &mut counts)?;
    read_surfaces(&dirs, &mut counts)?;
    let merge_pruning = read_grams(&dirs, &mut counts, memory_limit)?;
    read_documents(&dirs, &layout, &mut counts)?;
    read_mattr(&dirs, &layout, &mut counts)?;
    for (_, shard) in &layout.shards {
        for problem in &shard.problems {
            counts.list_problem(problem.clone());
        }
        for (kind, n) in shard.problem_counts() {
            *counts.problem_counts.entry(kind).or_default() += n;
        }
        counts.notices.extend(shard.notices.iter().cloned());
        counts.pruning = add_pruning(counts.pruning, shard.pruning);
    }
    counts.pruning = add_pruning(counts.pruning, merge_pruning);
    Ok(counts)
}

/// Two prunings one after the other: the bounds add up.
fn add_pruning(a: Option<Pruning>, b: Option<Pruning>) -> Option<Pruning> {
    match (a, b) {
        (None, None) => None,
        (a, b) => {
            let (a, b) = (a.unwrap_or_default(), b.unwrap_or_default());
            Some(Pruning {
                max_undercount: a.max_undercount + b.max_undercount,
                rounds: a.rounds + b.rounds,
                dropped: a.dropped + b.dropped,
            })
        }
    }
}

/// Every shard of every manifest with the index of its folder, in shard order;
/// a shard order met twice is refused.
fn shards_in_order(
    dirs: &[PathBuf],
    manifests: &[Manifest],
) -> Result<Vec<(ShardEntry, usize)>, PartialError> {
    let mut shards: Vec<(ShardEntry, usize)> = manifests
        .iter()
        .enumerate()
        .flat_map(|(at, m)| m.shards.iter().map(move |s| (s.clone(), at)))
        .collect();
    shards.sort_by_key(|(s, _)| s.order);
    for pair in shards.windows(2) {
        let ((a, at_a), (b, at_b)) = (&pair[0], &pair[1]);
        if a.order == b.order {
            let (first, second) = (&dirs[*at_a], &dirs[*at_b]);
            let why = if first == second {
                format!("lists shard {} twice", a.order)
            } else {
                format!(
                    "holds shard {}, which {} holds too: the same partial given twice, or two shards counted with the same --shard",
                    b.order,
                    first.display()
                )
            };
            return Err(PartialError::new(&second.join("manifest.json"), why));
        }
    }
    Ok(shards)
}

/// The shards in shard order, each with the offset of its first token in the corpus.
struct Layout {
    shards: Vec<(u64, ShardEntry)>,
    /// Shard order → place in `shards`.
    place: FxHashMap<u64, usize>,
}

impl Layout {
    fn new(shards: Vec<ShardEntry>) -> Layout {
        let mut offset = 0;
        let mut layout = Layout {
            shards: Vec::with_capacity(shards.len()),
            place: FxHashMap::default(),
        };
        for shard in shards {
            layout.place.insert(shard.order, layout.shards.len());
            let tokens = shard.tokens;
            layout.shards.push((offset, shard));
            offset += tokens;
        }
        layout
    }

    fn shard(
        &self,
        order: u64,
        dir: &Path,
        table: &str,
    ) -> Result<&(u64, ShardEntry), PartialError> {
        match self.place.get(&order) {
            Some(&at) => Ok(&self.shards[at]),
            None => Err(bad(
                dir,
                table,
                format!("holds rows of shard {order}, which no manifest lists"),
            )),
        }
    }
}

fn bad(dir: &Path, table: &str, message: impl Into<String>) -> PartialError {
    PartialError::new(&dir.join(table), message)
}

/// A column of non-negative integers of one batch, fetched once and read row by row.
struct Counts<'r> {
    values: &'r Int64Array,
    column: &'static str,
    dir: &'r Path,
    table: &'static str,
}

impl Counts<'_> {
    fn at(&self, row: usize) -> Result<u64, PartialError> {
        let value = self.values.value(row);
        u64::try_from(value).map_err(|_| {
            let column = self.column;
            bad(
                self.dir,
                self.table,
                format!("{column} is negative ({value})"),
            )
        })
    }
}

/// The column `column` of `rows`, from the file `dir/table`, as [`Counts`].
fn count_column<'r>(
    rows: &'r Rows,
    column: &'static str,
    dir: &'r Path,
    table: &'static str,
) -> Counts<'r> {
    Counts {
        values: rows.int(column),
        column,
        dir,
        table,
    }
}

struct TermRow {
    count: u64,
    doc_freq: u64,
    sentence_freq: u64,
    first_seen: u64,
    kind: TokenKind,
}

fn read_terms(
    dirs: &[&Path],
    layout: &Layout,
    counts: &mut CorpusCounts,
) -> Result<(), PartialError> {
    let table = TERMS.name;
    let mut terms: FxHashMap<Box<str>, TermRow> = FxHashMap::default();
    for_each_batch(dirs, &TERMS, |rows, at| {
        let dir = dirs[at];
        let (texts, kinds) = (rows.text(columns::TERM), rows.text(columns::KIND));
        let count = count_column(rows, columns::COUNT, dir, table);
        let doc_freq = count_column(rows, columns::DOC_FREQ, dir, table);
        let sentence_freq = count_column(rows, columns::SENTENCE_FREQ, dir, table);
        let first_seen = count_column(rows, columns::FIRST_SEEN, dir, table);
        for row in 0..rows.len() {
            let kind_name = kinds.value(row);
            let kind = TokenKind::from_name(kind_name)
                .ok_or_else(|| bad(dir, table, format!("unknown token kind {kind_name:?}")))?;
            let next = TermRow {
                count: count.at(row)?,
                doc_freq: doc_freq.at(row)?,
                sentence_freq: sentence_freq.at(row)?,
                first_seen: first_seen.at(row)?,
                kind,
            };
            let term = texts.value(row);
            match terms.get_mut(term) {
                Some(totals) => {
                    totals.count += next.count;
                    totals.doc_freq += next.doc_freq;
                    totals.sentence_freq += next.sentence_freq;
                    if next.first_seen < totals.first_seen {
                        totals.first_seen = next.first_seen;
                        totals.kind = next.kind;
                    }
                }
                None => {
                    terms.insert(term.into(), next);
                }
            }
        }
        Ok(())
    })?;
    let mut terms: Vec<(Box<str>, TermRow)> = terms.into_iter().collect();
    terms.sort_unstable_by(|a, b| {
        a.1.first_seen
            .cmp(&b.1.first_seen)
            .then_with(|| a.0.cmp(&b.0))
    });
    for (text, row) in terms {
        let order = row.first_seen >> FIRST_SEEN_SHIFT;
        let (offset, _) = layout.shard(order, dirs[0], table)?;
        let position = offset + (row.first_seen & ((1 << FIRST_SEEN_SHIFT) - 1));
        let id = counts.intern(&text, row.kind, position);
        let totals = &mut counts.terms[id as usize];
        totals.count = row.count;
        totals.doc_freq = row.doc_freq;
        totals.sentence_freq = row.sentence_freq;
    }
    Ok(())
}

fn term_id(
    counts: &CorpusCounts,
    term: &str,
    dir: &Path,
    table: &str,
) -> Result<u32, PartialError> {
    counts
        .term_id(term)
        .ok_or_else(|| bad(dir, table, format!("{term:?} is not in terms.parquet")))
}

fn read_surfaces(dirs: &[&Path], counts: &mut CorpusCounts) -> Result<(), PartialError> {
    let table = SURFACES.name;
    for_each_batch(dirs, &SURFACES, |rows, at| {
        let (terms, forms) = (rows.text(columns::TERM), rows.text(columns::FORM));
        let count = count_column(rows, columns::COUNT, dirs[at], table);
        for row in 0..rows.len() {
            let id = term_id(counts, terms.value(row), dirs[at], table)?;
            let n = count.at(row)?;
            counts.terms[id as usize].add_surface(forms.value(row), n);
        }
        Ok(())
    })
}

/// A count in the tables' 32 bits, saturating as counting does.
fn saturated(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Rows whose terms are looked up by one worker at a time.
const LOOKUP_CHUNK: usize = 4096;

/// The term ids of each of `rows` rows, found by `lookup` (which appends them),
/// on the worker threads, since looking terms up is most of a merge's work:
/// every row's ids, and where each row's end, in row order.
fn ids_by_row(
    rows: usize,
    lookup: impl Fn(usize, &mut Vec<u32>) -> Result<(), PartialError> + Sync,
) -> Result<(Vec<u32>, Vec<usize>), PartialError> {
    let starts: Vec<usize> = (0..rows).step_by(LOOKUP_CHUNK).collect();
    let chunks: Vec<(Vec<u32>, Vec<usize>)> = starts
        .par_iter()
        .map(|&start| {
            let (mut ids, mut ends) = (Vec::new(), Vec::new());
            for row in start..(start + LOOKUP_CHUNK).min(rows) {
                lookup(row, &mut ids)?;
                ends.push(ids.len());
            }
            Ok((ids, ends))
        })
        .collect::<Result<_, PartialError>>()?;
    let (mut ids, mut ends) = (Vec::new(), Vec::with_capacity(rows));
    for (chunk_ids, chunk_ends) in chunks {
        let base = ids.len();
        ends.extend(chunk_ends.into_iter().map(|end| base + end));
        ids.extend(chunk_ids);
    }
    Ok((ids, ends))
}

mod documents;
mod grams;

use documents::{read_documents, read_mattr};
use grams::read_grams;
