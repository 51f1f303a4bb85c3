//! Corpus statistics: lexical diversity and the Zipf and Heaps fits.
//!
//! Definitions (N tokens, V types, V(m) types that occur m times):
//!
//! | statistic | definition |
//! |-----------|------------|
//! | TTR       | V / N |
//! | Yule's K  | 10⁴ · (Σₘ m²·V(m) − N) / N² |
//! | MATTR     | mean TTR of every window of W consecutive tokens in the corpus stream (documents in order; W = 500 by default); TTR of the whole stream when N < W |
//! | MTLD      | McCarthy & Jarvis (2010), threshold 0.72, mean of the forward and backward passes; factors do not span documents |
//! | Zipf exponent | s in f(r) ∝ r⁻ˢ: minus the least-squares slope of ln f on ln r, over ranks spaced evenly on a log scale |
//! | Heaps K, β | V(n) = K·n^β: least-squares fit of ln V(n) on ln n, over stream positions spaced evenly on a log scale |
//!
//! The log-spaced sample points are `round(1.1^k)` for k = 0, 1, 2, ..., without
//! duplicates, up to the last rank (or position), which is always included. Fitting
//! every rank instead would let the long tail of hapaxes decide the slope.

use std::ops::AddAssign;

use serde::Serialize;

/// The MTLD type-token-ratio threshold (McCarthy & Jarvis 2010).
pub const MTLD_THRESHOLD: f64 = 0.72;

/// MTLD factor counts of one or more documents.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct MtldFactors {
    /// Factors counted reading forward (the last, partial factor as a fraction).
    pub forward: f64,
    /// Factors counted reading backward.
    pub backward: f64,
    /// Tokens read.
    pub tokens: u64,
}

impl AddAssign for MtldFactors {
    fn add_assign(&mut self, other: MtldFactors) {
        self.forward += other.forward;
        self.backward += other.backward;
        self.tokens += other.tokens;
    }
}

impl MtldFactors {
    /// MTLD: the mean of N / forward factors and N / backward factors. A pass
    /// that never drops to the threshold and has no partial factor (every token
    /// distinct) counts as N. `None` for no tokens.
    pub fn mtld(&self) -> Option<f64> {
        if self.tokens == 0 {
            return None;
        }
        let n = self.tokens as f64;
        let pass = |factors: f64| if factors > 0.0 { n / factors } else { n };
        Some((pass(self.forward) + pass(self.backward)) / 2.0)
    }
}

/// Factors are kept in whole multiples of 1/2³⁰: sums of such numbers below 2²³
/// (about 8 million factors, some 800 million tokens at an MTLD of 100) are exact in
/// an `f64`, so the corpus' factors, summed over documents, do not depend on the
/// order the documents come in (file order, shards). Rounding a document's factors
/// moves them by at most 2⁻³¹.
const FACTOR_STEPS: f64 = (1u64 << 30) as f64;

/// MTLD factors of one token sequence of ids below `types`.
pub fn mtld_factors(ids: &[u32], types: usize) -> MtldFactors {
    let mut seen = vec![u32::MAX; types];
    let forward = mtld_pass(ids.iter().copied(), &mut seen);
    seen.fill(u32::MAX);
    let backward = mtld_pass(ids.iter().rev().copied(), &mut seen);
    let exact = |factors: f64| (factors * FACTOR_STEPS).round() / FACTOR_STEPS;
    MtldFactors {
        forward: exact(forward),
        backward: exact(backward),
        tokens: ids.len() as u64,
    }
}

/// One MTLD pass. `seen[id]` holds the number of the factor in which `id` was last
/// seen, so starting a new factor costs nothing.
fn mtld_pass(ids: impl Iterator<Item = u32>, seen: &mut [u32]) -> f64 {
    let mut factors = 0.0;
    let mut factor_no: u32 = 0;
    let (mut distinct, mut length) = (0u32, 0u32);
    for id in ids {
        length += 1;
        if seen[id as usize] != factor_no {
            seen[id as usize] = factor_no;
            distinct += 1;
        }
        if f64::from(distinct) / f64::from(length) <= MTLD_THRESHOLD {
            factors += 1.0;
            factor_no += 1;
            distinct = 0;
            length = 0;
        }
    }
    if length > 0 {
        let ttr = f64::from(distinct) / f64::from(length);
        factors += (1.0 - ttr) / (1.0 - MTLD_THRESHOLD);
    }
    factors
}

/// Moving-average TTR over a stream of term ids, in bounded memory: the window
/// and one counter per type.
#[derive(Debug, Clone, Default)]
pub struct Mattr {
    window: usize,
    recent: std::collections::VecDeque<u32>,
    /// The first `window - 1` tokens of the stream: the windows that a stream
    /// before this one ends in, when two are appended.
    head: Vec<u32>,
    counts: Vec<u32>,
    distinct: u64,
    /// Sum over full windows of their distinct types; exact, so the result does
    /// not depend on float summation order.
    distinct_sum: u64,
    windows: u64,
}

impl Mattr {
    /// A moving window of `window` tokens.
    pub fn new(window: usize) -> Self {
        Mattr {
            window,
            ..Mattr::default()
        }
    }

    /// Adds the next token of the stream.
    pub fn push(&mut self, id: u32) {
        let id = id as usize;
        if id >= self.counts.len() {
            self.counts.resize(id + 1, 0);
        }
        if self.recent.len() == self.window {
            if let Some(old) = self.recent.pop_front() {
                let c = &mut self.counts[old as usize];
                *c -= 1;
                if *c == 0 {
                    self.distinct -= 1;
                }
            }
        }
        self.recent.push_back(id as u32);
        if self.head.len() + 1 < self.window {
            self.head.push(id as u32);
        }
        self.counts[id] += 1;
        if self.counts[id] == 1 {
            self.distinct += 1;
        }
        if self.recent.len() == self.window {
            self.distinct_sum += self.distinct;
            self.windows += 1;
        }
    }

    /// Appends the stream of `next`, whose ids `remap` maps to this stream's: the
    /// windows that straddle the boundary are replayed from `next`'s first tokens,
    /// and its own full windows are added as they are. The result equals pushing
    /// both streams in order.
    pub fn append(&mut self, next: &Mattr, remap: &[u32]) {
        for &id in &next.head {
            self.push(remap[id as usize]);
        }
        // Windows that end after `next`'s head lie inside `next`, whose sums hold them.
        self.distinct_sum += next.distinct_sum;
        self.windows += next.windows;
        if next.recent.len() > next.head.len() {
            // `next` is longer than its head: its last window is the stream's last.
            self.recent.clear();
            self.counts.iter_mut().for_each(|c| *c = 0);
            self.distinct = 0;
            for &id in &next.recent {
                let id = remap[id as usize] as usize;
                if id >= self.counts.len() {
                    self.counts.resize(id + 1, 0);
                }
                self.recent.push_back(id as u32);
                self.counts[id] += 1;
                if self.counts[id] == 1 {
                    self.distinct += 1;
                }
            }
        }
    }

    /// A stream known only by its edges, as a partial stores it: its window, its
    /// first `window - 1` tokens, its last `window` tokens (fewer when it is
    /// shorter), and its sums over full windows. Enough to [`Mattr::append`] it.
    #[cfg(feature = "parquet")]
    pub(crate) fn from_edges(
        window: usize,
        head: Vec<u32>,
        tail: &[u32],
        distinct_sum: u64,
        windows: u64,
    ) -> Mattr {
        let mut mattr = Mattr::new(window);
        for &id in tail {
            let id = id as usize;
            if id >= mattr.counts.len() {
                mattr.counts.resize(id + 1, 0);
            }
            mattr.counts[id] += 1;
            if mattr.counts[id] == 1 {
                mattr.distinct += 1;
            }
        }
        mattr.recent = tail.iter().copied().collect();
        mattr.head = head;
        mattr.distinct_sum = distinct_sum;
        mattr.windows = windows;
        mattr
    }

    /// The first `window - 1` tokens of the stream.
    #[cfg(feature = "parquet")]
    pub(crate) fn head(&self) -> &[u32] {
        &self.head
    }

    /// The last `window` tokens of the stream (all of it when it is shorter).
    #[cfg(feature = "parquet")]
    pub(crate) fn tail(&self) -> impl Iterator<Item = u32> + '_ {
        self.recent.iter().copied()
    }

    /// The sum over full windows of their distinct types, and the number of full windows.
    #[cfg(feature = "parquet")]
    pub(crate) fn sums(&self) -> (u64, u64) {
        (self.distinct_sum, self.windows)
    }

    /// MATTR so far; the TTR of everything seen when fewer tokens than one window
    /// were seen; `None` before any token.
    pub fn value(&self) -> Option<f64> {
        if self.windows > 0 {
            Some(self.distinct_sum as f64 / (self.windows as f64 * self.window as f64))
        } else if self.recent.is_empty() {
            None
        } else {
            Some(self.distinct as f64 / self.recent.len() as f64)
        }
    }
}

/// Yule's K from the counts of every type; `None` for no tokens.
pub fn yules_k(counts: impl Iterator<Item = u64>) -> Option<f64> {
    let (mut n, mut sum_squares) = (0f64, 0f64);
    for c in counts {
        n += c as f64;
        sum_squares += (c as f64) * (c as f64);
    }
    (n > 0.0).then(|| 1e4 * (sum_squares - n) / (n * n))
}

/// `round(1.1^k)` for k = 0, 1, ..., deduplicated, up to and including `last`.
pub fn log_spaced(last: u64) -> Vec<u64> {
    let mut points = Vec::new();
    let mut x = 1.0f64;
    while (x.round() as u64) < last {
        let p = x.round() as u64;
        if points.last() != Some(&p) {
            points.push(p);
        }
        x *= 1.1;
    }
    if last > 0 {
        points.push(last);
    }
    points
}

/// A least-squares line y = intercept + slope·x.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineFit {
    /// The intercept.
    pub intercept: f64,
    /// The slope.
    pub slope: f64,
}

/// Ordinary least squares; `None` with fewer than two distinct x.
pub fn least_squares(points: &[(f64, f64)]) -> Option<LineFit> {
    let n = points.len() as f64;
    if points.len() < 2 {
        return None;
    }
    let mean_x = points.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = points.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    let sxy: f64 = points.iter().map(|p| (p.0 - mean_x) * (p.1 - mean_y)).sum();
    if sxx <= 0.0 {
        return None;
    }
    let slope = sxy / sxx;
    Some(LineFit {
        intercept: mean_y - slope * mean_x,
        slope,
    })
}

/// The Zipf exponent of counts sorted in descending order.
pub fn zipf_exponent(sorted_counts: &[u64]) -> Option<f64> {
    let points: Vec<(f64, f64)> = log_spaced(sorted_counts.len() as u64)
        .into_iter()
        .map(|rank| {
            let count = sorted_counts[rank as usize - 1];
            ((rank as f64).ln(), (count as f64).ln())
        })
        .collect();
    least_squares(&points).map(|fit| -fit.slope)
}

/// The share of the stream Heaps' law is fitted on: its last two decades, n ≥ N/100.
/// The first tokens are the first document's own growth (every word new), which
/// says nothing of how the corpus' vocabulary grows; fitted on them too, the line
/// missed the end of the bench corpus by half (V = 1.78·n^0.81, 440 k types
/// where 290 k were seen).
pub const HEAPS_FIT_FROM: f64 = 0.01;

/// The first n of the Heaps fit over a stream of `tokens` tokens (see
/// [`HEAPS_FIT_FROM`]); at least 1.
pub fn heaps_fit_start(tokens: u64) -> u64 {
    ((tokens as f64 * HEAPS_FIT_FROM).ceil() as u64).max(1)
}

/// Heaps' law fitted on the stream positions at which each new type first
/// appeared (0-based, ascending), over a stream of `tokens` tokens: `(K, β)` of
/// V(n) = K·n^β, by least squares of ln V on ln n at log-spaced n from
/// [`heaps_fit_start`] to `tokens`.
pub fn heaps_fit(first_positions: &[u64], tokens: u64) -> Option<(f64, f64)> {
    let from = heaps_fit_start(tokens);
    let points: Vec<(f64, f64)> = log_spaced(tokens)
        .into_iter()
        .filter(|&n| n >= from)
        .map(|n| {
            // Types seen among the first n tokens.
            let v = first_positions.partition_point(|&p| p < n);
            ((n as f64).ln(), (v as f64).ln())
        })
        .collect();
    least_squares(&points).map(|fit| (fit.intercept.exp(), fit.slope))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stream cut anywhere, each part pushed apart and appended (with ids
    /// renumbered in the second part), gives the MATTR of the whole stream.
    #[test]
    fn mattr_of_appended_streams_equals_the_whole() {
        let stream: Vec<u32> = (0..300u32).map(|i| (i * 7 + i / 13) % 37).collect();
        for window in [1, 2, 5, 40, 299, 300, 500] {
            let mut whole = Mattr::new(window);
            stream.iter().for_each(|&id| whole.push(id));
            for cut in [0, 1, 4, 39, 40, 41, 150, 299, 300] {
                let mut first = Mattr::new(window);
                stream[..cut].iter().for_each(|&id| first.push(id));
                // The second part numbers its ids from 0 in its own order.
                let mut local: Vec<u32> = Vec::new();
                let mut second = Mattr::new(window);
                for &id in &stream[cut..] {
                    let l = match local.iter().position(|&g| g == id) {
                        Some(l) => l,
                        None => {
                            local.push(id);
                            local.len() - 1
                        }
                    };
                    second.push(l as u32);
                }
                first.append(&second, &local);
                assert_eq!(first.value(), whole.value(), "window {window}, cut {cut}");
                assert_eq!(
                    (first.windows, first.distinct_sum),
                    (whole.windows, whole.distinct_sum)
                );
            }
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn zipf_exponent_of_an_exact_power_law() {
        // f(r) = 2520 / r for r = 1..=10: the exponent is exactly 1.
        let counts: Vec<u64> = (1..=10).map(|r| 2520 / r).collect();
        assert!(close(zipf_exponent(&counts).unwrap(), 1.0));
        // f(r) = 3600 / r² for r = 1..=6: exponent 2.
        let counts: Vec<u64> = (1..=6u64).map(|r| 3600 / (r * r)).collect();
        assert!(close(zipf_exponent(&counts).unwrap(), 2.0));
        assert_eq!(zipf_exponent(&[5]), None);
    }

    #[test]
    fn heaps_fit_of_a_square_root_law() {
        // A new type at every position p with V(n) = sqrt(n): first positions k² for k ≥ 0
        // give V(n) = ceil(sqrt(n)); on perfect squares n = m², V = m exactly.
        let firsts: Vec<u64> = (0..100u64).map(|k| k * k).collect();
        let exact: Vec<(f64, f64)> = (1..=100u64)
            .map(|m| {
                let n = m * m;
                let v = firsts.partition_point(|&p| p < n);
                ((n as f64).ln(), (v as f64).ln())
            })
            .collect();
        let fit = least_squares(&exact).unwrap();
        assert!(close(fit.slope, 0.5) && close(fit.intercept, 0.0));
        // Every token new: V(n) = n, so K = 1 and β = 1.
        let all_new: Vec<u64> = (0..1000).collect();
        let (k, beta) = heaps_fit(&all_new, 1000).unwrap();
        assert!(close(k, 1.0) && close(beta, 1.0));
    }

    /// A first document in which every word is new, then a vocabulary growing as
    /// 10·√n: the fit reads the growth of the last two decades, K = 10 and β = 0.5,
    /// not a mixture with the first hundred tokens.
    #[test]
    fn heaps_fit_reads_the_corpus_growth_not_the_first_document() {
        let tokens = 1_000_000u64;
        let mut firsts: Vec<u64> = (0..100).collect();
        // Type m (m > 100) first appears where 10·√p reaches m: p = ⌈m²/100⌉.
        firsts.extend((101..=10_000u64).map(|m| (m * m).div_ceil(100)));
        let (k, beta) = heaps_fit(&firsts, tokens).unwrap();
        assert!(
            (beta - 0.5).abs() < 0.005 && (k - 10.0).abs() < 0.5,
            "{k} {beta}"
        );
        assert_eq!(heaps_fit_start(tokens), 10_000);
        assert_eq!(heaps_fit_start(50), 1);
    }

    #[test]
    fn yules_k_by_hand() {
        // Counts 3, 1, 1, 1: N = 6, Σ m²V(m) = 9 + 3 = 12, K = 10⁴·6/36.
        assert!(close(
            yules_k([3, 1, 1, 1].into_iter()).unwrap(),
            1e4 * 6.0 / 36.0
        ));
        assert_eq!(yules_k(std::iter::empty()), None);
    }

    #[test]
    fn mattr_by_hand() {
        // Window 3 over a b a c c: windows aba (2), bac (3), acc (2) → 7 / 9.
        let mut m = Mattr::new(3);
        for id in [0, 1, 0, 2, 2] {
            m.push(id);
        }
        assert!(close(m.value().unwrap(), 7.0 / 9.0));
        // Shorter than the window: plain TTR.
        let mut short = Mattr::new(500);
        for id in [0, 1, 0] {
            short.push(id);
        }
        assert!(close(short.value().unwrap(), 2.0 / 3.0));
        assert_eq!(Mattr::new(5).value(), None);
    }

    #[test]
    fn mtld_by_hand() {
        // a a a a: forward, TTR after 2 tokens is 0.5 ≤ 0.72 → factor; again after 4 → 2 factors.
        let f = mtld_factors(&[0, 0, 0, 0], 1);
        assert!(close(f.forward, 2.0) && close(f.backward, 2.0));
        assert!(close(f.mtld().unwrap(), 2.0));
        // a b c a: TTRs 1, 1, 1, 0.75 → no full factor; partial (1 − 0.75) / 0.28.
        let f = mtld_factors(&[0, 1, 2, 0], 3);
        assert!(close(f.forward, 0.25 / 0.28));
        // All distinct: no factor at all, MTLD counts as N.
        assert!(close(mtld_factors(&[0, 1, 2], 3).mtld().unwrap(), 3.0));
    }

    #[test]
    fn log_spaced_points() {
        assert_eq!(log_spaced(1), [1]);
        assert_eq!(log_spaced(12)[..10], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        assert_eq!(log_spaced(12).last(), Some(&12));
        assert_eq!(log_spaced(0), Vec::<u64>::new());
    }
}
