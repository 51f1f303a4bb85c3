//! fastText's supervised inference in Rust, read from the same `lid.176.ftz`: the
//! dictionary with its pruned buckets, the product-quantized input matrix, and
//! the hierarchical softmax over the labels. Written to give the C++ code's
//! answers float for float (the same operations in the same order: `f32` where
//! fastText's `real` is, `f64` where its literals make it so), so that the per-word
//! detector reads it. A test checks it against the `fasttext` crate's answers (fastText's
//! own C++ reader of the same file), label for label and bit for bit.
//!
//! What it saves: a word's input rows (its id, the ids of its character n-grams after
//! the pruned-bucket map) are found once per distinct word on each thread and kept,
//! instead of hashed and looked up again at each occurrence; the rows are then added
//! in fastText's order, so that the answers stay the same to the bit.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

mod quantized;

use quantized::{Cursor, QuantMatrix};

/// fastText's file magic and the version it writes.
const MAGIC: i32 = 793_712_314;
const VERSION: i32 = 12;
/// The end-of-line token, a word of every model's vocabulary.
const EOS: &str = "</s>";

/// A node of the hierarchical softmax's Huffman tree.
#[derive(Clone, Copy)]
struct Node {
    left: i32,
    right: i32,
    count: i64,
}

/// The model, read from an `.ftz` file of a supervised, quantized model with a
/// hierarchical softmax and a dense output matrix (lid.176's kind).
pub(super) struct FtzModel {
    dim: usize,
    minn: usize,
    maxn: usize,
    bucket: u32,
    nwords: i32,
    /// Every entry's id by its text, and whether it is a label.
    ids: FxHashMap<String, (i32, bool)>,
    /// Each word's input rows: its own id, then its character n-grams'.
    subwords: Vec<Vec<i32>>,
    /// The pruned buckets' rows (`pruneidx_size` > 0); none kept when 0, every
    /// bucket when negative (not pruned).
    pruneidx_size: i64,
    pruneidx: FxHashMap<i32, i32>,
    input: QuantMatrix,
    /// The output matrix, one row of `dim` per inner node of the tree.
    output: Vec<f32>,
    labels: Vec<String>,
    tree: Vec<Node>,
}

/// fastText's hash of a string: FNV-1a over its bytes read as signed chars.
fn hash(bytes: &[u8]) -> u32 {
    let mut h: u32 = 2_166_136_261;
    for &b in bytes {
        h ^= b as i8 as i32 as u32;
        h = h.wrapping_mul(16_777_619);
    }
    h
}

impl FtzModel {
    /// The model in `bytes`; `None` when they are not a model of the kind above.
    pub(super) fn load(bytes: &[u8]) -> Option<FtzModel> {
        let mut c = Cursor { bytes, at: 0 };
        if c.i32()? != MAGIC {
            return None;
        }
        let version = c.i32()?;
        if version > VERSION {
            return None;
        }
        let dim = usize::try_from(c.i32()?).ok()?;
        let _ws = c.i32()?;
        let _epoch = c.i32()?;
        let _min_count = c.i32()?;
        let _neg = c.i32()?;
        let word_ngrams = c.i32()?;
        let loss = c.i32()?;
        let model = c.i32()?;
        let bucket = u32::try_from(c.i32()?).ok()?;
        let minn = usize::try_from(c.i32()?).ok()?;
        let mut maxn = usize::try_from(c.i32()?).ok()?;
        let _lr_update_rate = c.i32()?;
        let _t = c.f64()?;
        // Hierarchical softmax (loss 1), supervised (model 3), no word n-grams.
        if loss != 1 || model != 3 || word_ngrams > 1 {
            return None;
        }
        // As fastText reads files of version 11: their supervised models have no
        // character n-grams.
        if version == 11 {
            maxn = 0;
        }
        let size = usize::try_from(c.i32()?).ok()?;
        let nwords = c.i32()?;
        let nlabels = usize::try_from(c.i32()?).ok()?;
        let _ntokens = c.i64()?;
        let pruneidx_size = c.i64()?;
        let mut ids = FxHashMap::default();
        let mut words = Vec::new();
        let mut labels = Vec::new();
        let mut label_counts = Vec::new();
        for id in 0..size {
            let text = c.string()?;
            let count = c.i64()?;
            let is_label = c.u8()? == 1;
            ids.insert(text.clone(), (i32::try_from(id).ok()?, is_label));
            if is_label {
                labels.push(text);
                label_counts.push(count);
            } else {
                words.push(text);
            }
        }
        let mut pruneidx = FxHashMap::default();
        for _ in 0..pruneidx_size.max(0) {
            let (from, to) = (c.i32()?, c.i32()?);
            pruneidx.insert(from, to);
        }
        if c.u8()? == 0 {
            return None;
        }
        let input = QuantMatrix::load(&mut c)?;
        if c.u8()? != 0 {
            return None;
        }
        let rows = usize::try_from(c.i64()?).ok()?;
        let cols = usize::try_from(c.i64()?).ok()?;
        if cols != dim || labels.len() != nlabels {
            return None;
        }
        let output = c.f32s(rows.checked_mul(cols)?)?;
        let mut model = FtzModel {
            dim,
            minn,
            maxn,
            bucket,
            nwords,
            ids,
            subwords: Vec::new(),
            pruneidx_size,
            pruneidx,
            input,
            output,
            labels,
            tree: build_tree(&label_counts),
        };
        model.subwords = words
            .iter()
            .enumerate()
            .map(|(id, word)| {
                let mut rows = vec![id as i32];
                if word != EOS {
                    model.push_subwords(&format!("<{word}>"), &mut rows);
                }
                rows
            })
            .collect();
        Some(model)
    }

    /// The labels, in the model's order.
    pub(super) fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The input rows of the character n-grams of `word` (with its `<` and `>`),
    /// as `Dictionary::computeSubwords` and `pushHash` give them.
    fn push_subwords(&self, word: &str, rows: &mut Vec<i32>) {
        let bytes = word.as_bytes();
        for i in 0..bytes.len() {
            if bytes[i] & 0xC0 == 0x80 {
                continue;
            }
            let mut j = i;
            let mut n = 1;
            while j < bytes.len() && n <= self.maxn {
                j += 1;
                while j < bytes.len() && bytes[j] & 0xC0 == 0x80 {
                    j += 1;
                }
                if n >= self.minn && !(n == 1 && (i == 0 || j == bytes.len())) {
                    let h = (hash(&bytes[i..j]) % self.bucket) as i32;
                    if self.pruneidx_size < 0 {
                        rows.push(self.nwords + h);
                    } else if let Some(&row) = self.pruneidx.get(&h) {
                        rows.push(self.nwords + row);
                    }
                }
                n += 1;
            }
        }
    }

    /// The input rows of `token` alone, as `Dictionary::getLine` adds them: none
    /// for a label, a known word's own rows, else its character n-grams'.
    fn token_rows(&self, token: &str, rows: &mut Vec<i32>) {
        match self.ids.get(token) {
            Some(&(_, true)) => {}
            Some(&(id, false)) => rows.extend_from_slice(&self.subwords[id as usize]),
            None if token.starts_with("__label__") => {}
            None => self.push_subwords(&format!("<{token}>"), rows),
        }
    }

    /// The input rows of `line` as `Dictionary::getLine` gives them: each word's
    /// rows, then the end of line's; each distinct word's found once per thread.
    fn line_rows(&self, line: &str, rows: &mut Vec<i32>) {
        /// Words kept per thread, at most: past it the cache starts again (a few
        /// megabytes; the words of a corpus repeat long before).
        const CACHED_WORDS: usize = 1 << 16;
        thread_local! {
            static ROWS: RefCell<FxHashMap<Box<str>, Box<[i32]>>> =
                RefCell::new(FxHashMap::default());
        }
        let tokens = line
            .split([' ', '\n', '\t', '\u{0B}', '\u{0C}', '\r', '\0'])
            .filter(|t| !t.is_empty())
            .chain(std::iter::once(EOS));
        ROWS.with_borrow_mut(|cache| {
            for token in tokens {
                if let Some(known) = cache.get(token) {
                    rows.extend_from_slice(known);
                } else {
                    let start = rows.len();
                    self.token_rows(token, rows);
                    if cache.len() >= CACHED_WORDS {
                        cache.clear();
                    }
                    cache.insert(token.into(), rows[start..].into());
                }
                if token == EOS {
                    break;
                }
            }
        });
    }

    /// The `k` most probable labels of `line` with probability at least
    /// `threshold`, most probable first, as `FastText::predictLine` gives them:
    /// (probability, label index).
    pub(super) fn predict(&self, line: &str, k: usize, threshold: f32) -> Vec<(f32, usize)> {
        let mut rows = Vec::new();
        self.line_rows(line, &mut rows);
        if rows.is_empty() {
            return Vec::new();
        }
        let mut hidden = vec![0f32; self.dim];
        for &row in &rows {
            self.input.add_row(&mut hidden, row as usize);
        }
        let scale = (1.0 / rows.len() as f64) as f32;
        for value in &mut hidden {
            *value *= scale;
        }
        let mut heap: Vec<(f32, usize)> = Vec::new();
        let root = self.tree.len() - 1;
        self.dfs(k, threshold, root, 0.0, &mut heap, &hidden);
        heap.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| b.1.cmp(&a.1)));
        heap.into_iter()
            .map(|(score, label)| (score.exp(), label))
            .collect()
    }

    fn dfs(
        &self,
        k: usize,
        threshold: f32,
        node: usize,
        score: f32,
        heap: &mut Vec<(f32, usize)>,
        hidden: &[f32],
    ) {
        if score < std_log(threshold) {
            return;
        }
        let worst = heap.iter().map(|h| h.0).fold(f32::INFINITY, f32::min);
        if heap.len() == k && score < worst {
            return;
        }
        let Node { left, right, .. } = self.tree[node];
        if left == -1 && right == -1 {
            heap.push((score, node));
            if heap.len() > k {
                // Drop the least: the first of the least scores, as a min-heap pops.
                let (at, _) = heap
                    .iter()
                    .enumerate()
                    .min_by(|a, b| a.1 .0.total_cmp(&b.1 .0))
                    .unwrap_or((0, &(0.0, 0)));
                heap.swap_remove(at);
            }
            return;
        }
        let row = &self.output[(node - self.labels.len()) * self.dim..][..self.dim];
        let mut dot = 0f32;
        for (w, h) in row.iter().zip(hidden) {
            dot += w * h;
        }
        let f = (1.0 / f64::from(1.0 + (-dot).exp())) as f32;
        self.dfs(
            k,
            threshold,
            left as usize,
            score + std_log((1.0 - f64::from(f)) as f32),
            heap,
            hidden,
        );
        self.dfs(
            k,
            threshold,
            right as usize,
            score + std_log(f),
            heap,
            hidden,
        );
    }
}

/// fastText's `std_log`: the log of `x` + 10⁻⁵, in `f64`, returned as `f32`.
fn std_log(x: f32) -> f32 {
    (f64::from(x) + 1e-5).ln() as f32
}

/// The Huffman tree of `HierarchicalSoftmaxLoss::buildTree` over the label counts
/// (sorted by count, largest first, as the dictionary keeps them).
fn build_tree(counts: &[i64]) -> Vec<Node> {
    let osz = counts.len();
    let mut tree = vec![
        Node {
            left: -1,
            right: -1,
            count: 1_000_000_000_000_000,
        };
        2 * osz - 1
    ];
    for (node, &count) in tree.iter_mut().zip(counts) {
        node.count = count;
    }
    let mut leaf = osz as i64 - 1;
    let mut node = osz;
    for i in osz..2 * osz - 1 {
        let mut mini = [0usize; 2];
        for slot in &mut mini {
            if leaf >= 0 && tree[leaf as usize].count < tree[node].count {
                *slot = leaf as usize;
                leaf -= 1;
            } else {
                *slot = node;
                node += 1;
            }
        }
        tree[i].left = mini[0] as i32;
        tree[i].right = mini[1] as i32;
        tree[i].count = tree[mini[0]].count + tree[mini[1]].count;
    }
    tree
}

#[cfg(test)]
mod tests;
