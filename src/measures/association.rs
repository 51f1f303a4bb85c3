//! Association measures over the 2×2 contingency table of a pair (a, b).
//!
//! With c the pair's count, f(a) and f(b) the marginals and N the sample size
//! (what each is depends on the co-occurrence scope; see the report's README):
//!
//! | cell | b          | ¬b |
//! |------|------------|----|
//! | a    | O₁₁ = c    | O₁₂ = f(a) − c |
//! | ¬a   | O₂₁ = f(b) − c | O₂₂ = N − f(a) − f(b) + c |
//!
//! Eᵢⱼ = Rᵢ·Cⱼ / N, and:
//!
//! | measure  | formula |
//! |----------|---------|
//! | expected | E₁₁ = f(a)·f(b) / N |
//! | pmi      | log₂(c / E₁₁) |
//! | npmi     | pmi / −log₂(c / N); 1 when c = N |
//! | llr (G²) | 2 Σᵢⱼ Oᵢⱼ·ln(Oᵢⱼ / Eᵢⱼ), with 0·ln 0 = 0 |
//! | chi2     | N·(O₁₁O₂₂ − O₁₂O₂₁)² / (R₁R₂C₁C₂), no continuity correction; 0 when a margin is 0 |
//! | t_score  | (c − E₁₁) / √c |
//! | dice     | 2c / (f(a) + f(b)) |
//! | jaccard  | c / (f(a) + f(b) − c) |
//!
//! These are the formulas of NLTK's `BigramAssocMeasures` (`pmi`, `likelihood_ratio`,
//! `chi_sq`, `student_t`, `dice`, `jaccard`), and give its values on the same counts.
//! A cell that would be negative (possible in the window scope, where N is scaled)
//! is taken as 0.

use serde::Serialize;

/// Every association measure of one pair.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Association {
    /// E₁₁.
    pub expected: f64,
    /// Pointwise mutual information, in bits.
    pub pmi: f64,
    /// Normalized PMI, from −1 to 1.
    pub npmi: f64,
    /// Log-likelihood ratio G².
    pub llr: f64,
    /// Pearson's χ².
    pub chi2: f64,
    /// t-score.
    pub t_score: f64,
    /// Dice coefficient.
    pub dice: f64,
    /// Jaccard index.
    pub jaccard: f64,
}

/// The measures for pair count `c`, marginals `fa` and `fb`, sample size `n`.
/// `c` must be at least 1.
pub fn associate(c: f64, fa: f64, fb: f64, n: f64) -> Association {
    let o11 = c;
    let o12 = (fa - c).max(0.0);
    let o21 = (fb - c).max(0.0);
    let o22 = (n - fa - fb + c).max(0.0);
    let (r1, r2) = (o11 + o12, o21 + o22);
    let (c1, c2) = (o11 + o21, o12 + o22);
    let total = r1 + r2;
    let expected = |r: f64, col: f64| r * col / total;
    let e11 = expected(r1, c1);
    let cell = |o: f64, e: f64| if o > 0.0 { o * (o / e).ln() } else { 0.0 };
    let llr = 2.0
        * (cell(o11, e11)
            + cell(o12, expected(r1, c2))
            + cell(o21, expected(r2, c1))
            + cell(o22, expected(r2, c2)));
    let margins = r1 * r2 * c1 * c2;
    let chi2 = if margins > 0.0 {
        total * (o11 * o22 - o12 * o21).powi(2) / margins
    } else {
        0.0
    };
    let pmi = (c / e11).log2();
    let p11 = c / total;
    let npmi = if p11 >= 1.0 { 1.0 } else { pmi / -p11.log2() };
    Association {
        expected: e11,
        pmi,
        npmi,
        llr,
        chi2,
        t_score: (c - e11) / c.sqrt(),
        dice: 2.0 * c / (fa + fb),
        jaccard: c / (fa + fb - c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn independent_pair_has_zero_association() {
        // f(a) = f(b) = 10 of N = 100, c = 1 = E₁₁.
        let m = associate(1.0, 10.0, 10.0, 100.0);
        assert!((m.expected - 1.0).abs() < 1e-12);
        assert!(m.pmi.abs() < 1e-12 && m.npmi.abs() < 1e-12);
        assert!(m.llr.abs() < 1e-12 && m.chi2.abs() < 1e-12 && m.t_score.abs() < 1e-12);
    }

    #[test]
    fn perfect_pair_by_hand() {
        // a and b always together: c = f(a) = f(b) = 2, N = 8.
        let m = associate(2.0, 2.0, 2.0, 8.0);
        assert!((m.pmi - 2.0).abs() < 1e-12); // log2(2 / 0.5)
        assert!((m.npmi - 1.0).abs() < 1e-12); // 2 / -log2(1/4)
        assert!((m.chi2 - 8.0).abs() < 1e-12); // N·(2·6)² / (2·6·2·6)
        assert!((m.dice - 1.0).abs() < 1e-12 && (m.jaccard - 1.0).abs() < 1e-12);
        // G² = 2(2 ln(2/0.5) + 6 ln(6/4.5)).
        let g2 = 2.0 * (2.0 * 4f64.ln() + 6.0 * (6.0f64 / 4.5).ln());
        assert!((m.llr - g2).abs() < 1e-12);
    }
}
