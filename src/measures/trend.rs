//! Trends of a series over time: the Theil–Sen slope (the median of the slopes
//! between every two points, robust to a few wild periods), the Mann–Kendall test
//! of a monotonic trend, and the Benjamini–Hochberg correction of many such tests.
//!
//! The Mann–Kendall test is the original one (Mann 1945, Kendall 1975) with the
//! variance corrected for ties and the normal approximation with a continuity
//! correction, as `pymannkendall.original_test` computes it (the tests check the
//! two agree); Benjamini–Hochberg's adjusted p-values are R's `p.adjust(p, "BH")`.

/// The Theil–Sen slope of `points` (x, y): the median of (yⱼ − yᵢ) / (xⱼ − xᵢ) over
/// every pair with xᵢ ≠ xⱼ (the mean of the two middle ones when their number is
/// even); `None` without such a pair. The work grows with the square of the points.
pub fn theil_sen_slope(points: &[(f64, f64)]) -> Option<f64> {
    let mut slopes = Vec::with_capacity(points.len() * points.len().saturating_sub(1) / 2);
    for (i, &(x1, y1)) in points.iter().enumerate() {
        for &(x2, y2) in &points[i + 1..] {
            if x2 != x1 {
                slopes.push((y2 - y1) / (x2 - x1));
            }
        }
    }
    median(&mut slopes)
}

/// The median of `values` (reordered), `None` when empty.
fn median(values: &mut [f64]) -> Option<f64> {
    let n = values.len();
    if n == 0 {
        return None;
    }
    let (_, &mut upper, _) = values.select_nth_unstable_by(n / 2, f64::total_cmp);
    if n % 2 == 1 {
        return Some(upper);
    }
    let lower = values[..n / 2]
        .iter()
        .copied()
        .max_by(f64::total_cmp)
        .unwrap_or(upper);
    Some((lower + upper) / 2.0)
}

/// The Mann–Kendall test of a series.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MannKendall {
    /// S: the number of later values above an earlier one, less those below.
    pub s: i64,
    /// The variance of S under no trend, corrected for ties.
    pub variance: f64,
    /// The normal score (S ∓ 1) / √variance, 0 when S is 0.
    pub z: f64,
    /// The two-sided p-value of z.
    pub p: f64,
    /// Kendall's τ: S over the n(n − 1)/2 pairs.
    pub tau: f64,
}

/// The Mann–Kendall test of `values` in time order; `None` for fewer than 3.
pub fn mann_kendall(values: &[f64]) -> Option<MannKendall> {
    let n = values.len();
    if n < 3 {
        return None;
    }
    let mut s: i64 = 0;
    for (i, a) in values.iter().enumerate() {
        for b in &values[i + 1..] {
            s += match b.total_cmp(a) {
                std::cmp::Ordering::Greater => 1,
                std::cmp::Ordering::Less => -1,
                std::cmp::Ordering::Equal => 0,
            };
        }
    }
    let term = |t: f64| t * (t - 1.0) * (2.0 * t + 5.0);
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let ties: f64 = sorted
        .chunk_by(|a, b| a == b)
        .map(|run| term(run.len() as f64))
        .sum();
    let variance = (term(n as f64) - ties) / 18.0;
    let z = if s == 0 || variance <= 0.0 {
        0.0
    } else {
        (s as f64 - s.signum() as f64) / variance.sqrt()
    };
    Some(MannKendall {
        s,
        variance,
        z,
        p: libm::erfc(z.abs() / std::f64::consts::SQRT_2),
        tau: s as f64 / (n as f64 * (n as f64 - 1.0) / 2.0),
    })
}

/// Benjamini–Hochberg adjusted p-values, in the order given: pᵢ × m / rankᵢ, made
/// monotone from the largest down and capped at 1. A test is significant at a
/// false discovery rate q when its adjusted p is at most q.
pub fn benjamini_hochberg(p: &[f64]) -> Vec<f64> {
    let m = p.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&a, &b| p[b].total_cmp(&p[a]).then(b.cmp(&a)));
    let mut adjusted = vec![1.0; m];
    let mut smallest: f64 = 1.0;
    for (k, &i) in order.iter().enumerate() {
        let rank = (m - k) as f64;
        smallest = smallest.min(p[i] * m as f64 / rank);
        adjusted[i] = smallest;
    }
    adjusted
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Theil–Sen on a line with one wild point keeps the line's slope; with an even
    /// number of slopes it takes the middle two's mean.
    #[test]
    fn theil_sen_ignores_an_outlier() {
        let points: Vec<(f64, f64)> = (0..7)
            .map(|x| (x as f64, if x == 3 { 100.0 } else { 2.0 * x as f64 + 1.0 }))
            .collect();
        assert_eq!(theil_sen_slope(&points), Some(2.0));
        // Slopes 1, 3, 2: median 2. Slopes of (0,0), (1,1), (2,4), (3,3): 1, 2, 1, 3, 1, -1 → (1 + 1) / 2.
        assert_eq!(
            theil_sen_slope(&[(0.0, 0.0), (1.0, 1.0), (2.0, 4.0)]),
            Some(2.0)
        );
        assert_eq!(
            theil_sen_slope(&[(0.0, 0.0), (1.0, 1.0), (2.0, 4.0), (3.0, 3.0)]),
            Some(1.0)
        );
        assert_eq!(theil_sen_slope(&[(1.0, 1.0)]), None);
    }

    /// Worked by hand: 1, 2, 3, 4, 5 has S = 10, variance 5·4·15/18 = 16.667,
    /// z = 9/4.0825 = 2.2045, p = 0.0275; a tie among three lowers the variance
    /// by 3·2·11/18.
    #[test]
    fn mann_kendall_known_answers() {
        let mk = mann_kendall(&[1.0, 2.0, 3.0, 4.0, 5.0]).unwrap();
        assert_eq!(mk.s, 10);
        assert!((mk.variance - 300.0 / 18.0).abs() < 1e-12);
        assert!((mk.z - 9.0 / (300.0f64 / 18.0).sqrt()).abs() < 1e-12);
        assert!((mk.p - 0.027486).abs() < 1e-6, "{}", mk.p);
        assert_eq!(mk.tau, 1.0);
        let tied = mann_kendall(&[0.0, 0.0, 0.0, 1.0, 2.0]).unwrap();
        assert_eq!(tied.s, 7);
        assert!((tied.variance - (300.0 - 66.0) / 18.0).abs() < 1e-12);
        let flat = mann_kendall(&[3.0, 3.0, 3.0]).unwrap();
        assert_eq!((flat.s, flat.z, flat.p), (0, 0.0, 1.0));
        assert_eq!(mann_kendall(&[1.0, 2.0]), None);
    }

    /// R: p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.5), "BH") gives
    /// 0.025, 0.05, 0.05, 0.025, 0.5.
    #[test]
    fn benjamini_hochberg_matches_r() {
        let adjusted = benjamini_hochberg(&[0.01, 0.04, 0.03, 0.005, 0.5]);
        let expected = [0.025, 0.05, 0.05, 0.025, 0.5];
        for (a, e) in adjusted.iter().zip(expected) {
            assert!((a - e).abs() < 1e-12, "{adjusted:?}");
        }
        assert!(benjamini_hochberg(&[]).is_empty());
    }
}
