//! Keyness: which terms a target corpus over- or under-uses against a reference.
//!
//! With a = the term's count in the target, b = in the reference, c and d the
//! target's and the reference's tokens:
//!
//! | measure | formula |
//! |---|---|
//! | `llr` | Rayson's log-likelihood G² = 2 (a ln(a/E1) + b ln(b/E2)), E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d), 0 ln 0 = 0; negative when a/c < b/d |
//! | `chi2` | Pearson's χ² of the 2×2 table [[a, b], [c−a, d−b]], no continuity correction |
//! | `log_ratio` | Hardie's log ratio, log2((a/c) / (b/d)) |
//! | `pct_diff` | Gabrielatos & Marchi's %DIFF, 100 (a/c − b/d) / (b/d) |
//! | `p_value` | of G² under χ² with 1 degree of freedom |
//! | `effect` | `over` when a/c > b/d, `under` when less, `equal` otherwise |
//!
//! Smoothing: in `log_ratio` and `pct_diff` a zero count is replaced by 0.5 (as
//! Hardie recommends), so a term absent from one side has a finite value. `llr` and
//! `chi2` need none.

/// The keyness measures of one term.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Keyness {
    /// Signed log-likelihood.
    pub llr: f64,
    /// Pearson's χ².
    pub chi2: f64,
    /// Hardie's log ratio (binary log), smoothed.
    pub log_ratio: f64,
    /// %DIFF, smoothed.
    pub pct_diff: f64,
    /// p of the log-likelihood, 1 degree of freedom.
    pub p_value: f64,
    /// over, under or equal.
    pub effect: &'static str,
}

/// A zero count in a ratio is taken as this.
pub const ZERO_COUNT: f64 = 0.5;

/// The measures for count `a` of `c` target tokens against `b` of `d` reference tokens.
pub fn keyness(a: f64, b: f64, c: f64, d: f64) -> Keyness {
    let total = c + d;
    let e1 = c * (a + b) / total;
    let e2 = d * (a + b) / total;
    let cell = |o: f64, e: f64| {
        if o > 0.0 && e > 0.0 {
            o * (o / e).ln()
        } else {
            0.0
        }
    };
    let g2 = (2.0 * (cell(a, e1) + cell(b, e2))).max(0.0);
    let (rate_a, rate_b) = (a / c, b / d);
    let llr = if rate_a < rate_b { -g2 } else { g2 };
    let (r1, r2) = (a + b, total - a - b);
    let chi2 = if r1 > 0.0 && r2 > 0.0 {
        total * (a * (d - b) - b * (c - a)).powi(2) / (r1 * r2 * c * d)
    } else {
        0.0
    };
    let smooth = |x: f64| if x == 0.0 { ZERO_COUNT } else { x };
    let (sa, sb) = (smooth(a) / c, smooth(b) / d);
    Keyness {
        llr,
        chi2,
        log_ratio: (sa / sb).log2(),
        pct_diff: 100.0 * (sa - sb) / sb,
        p_value: chi2_1_survival(g2),
        effect: if rate_a > rate_b {
            "over"
        } else if rate_a < rate_b {
            "under"
        } else {
            "equal"
        },
    }
}

/// P(X > x) for X ~ χ² with one degree of freedom: erfc(√(x/2)).
pub fn chi2_1_survival(x: f64) -> f64 {
    if x <= 0.0 {
        return 1.0;
    }
    // libm's erfc is accurate to about an ulp far into the tail, where an
    // approximation's relative error (1.2e-7 for Numerical Recipes' erfcc) grows.
    libm::erfc((x / 2.0).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance * b.abs().max(1.0)
    }

    #[test]
    fn by_hand_a_term_over_used() {
        // a = 20 of c = 1000 target tokens, b = 10 of d = 2000 reference tokens.
        // E1 = 1000·30/3000 = 10, E2 = 20; G² = 2(20 ln 2 + 10 ln 0.5) = 20 ln 2.
        let k = keyness(20.0, 10.0, 1000.0, 2000.0);
        assert!(close(k.llr, 20.0 * 2f64.ln(), 1e-12), "{k:?}");
        // Rates 0.02 and 0.005: log ratio log2(4) = 2, %DIFF 300.
        assert!(close(k.log_ratio, 2.0, 1e-12) && close(k.pct_diff, 300.0, 1e-12));
        // χ² = 3000 (20·1990 − 10·980)² / (30·2970·1000·2000).
        let chi2 =
            3000.0 * (20.0f64 * 1990.0 - 10.0 * 980.0).powi(2) / (30.0 * 2970.0 * 1000.0 * 2000.0);
        assert!(close(k.chi2, chi2, 1e-12));
        assert_eq!(k.effect, "over");
        // G² = 13.86: p ≈ 0.000197 (χ², 1 df).
        assert!(close(k.p_value, 0.000_196_8, 2e-3), "{}", k.p_value);
    }

    #[test]
    fn by_hand_a_term_absent_from_the_target() {
        // a = 0 of 1000, b = 8 of 1000: E1 = E2 = 4; G² = 2·8 ln 2, negative.
        let k = keyness(0.0, 8.0, 1000.0, 1000.0);
        assert!(close(k.llr, -16.0 * 2f64.ln(), 1e-12), "{k:?}");
        // Smoothed: (0.5/1000) / (8/1000) → log2(1/16) = −4; %DIFF = 100 (0.5 − 8) / 8.
        assert!(close(k.log_ratio, -4.0, 1e-12));
        assert!(close(k.pct_diff, -93.75, 1e-12));
        assert_eq!(k.effect, "under");
    }

    #[test]
    fn equal_rates_are_neutral() {
        let k = keyness(5.0, 10.0, 100.0, 200.0);
        assert!(k.llr.abs() < 1e-12 && k.log_ratio.abs() < 1e-12 && k.chi2.abs() < 1e-12);
        assert!(close(k.p_value, 1.0, 1e-6));
        assert_eq!(k.effect, "equal");
    }

    #[test]
    fn chi_square_tail() {
        // Quantiles of χ² with 1 df, and far-tail values of erfc(√(x/2)) from
        // CPython's math.erfc; relative error under 1e-12.
        let rel = |a: f64, b: f64| ((a - b) / b).abs();
        for (x, p) in [
            (3.841_458_820_694_124, 0.05),
            (6.634_896_601_021_214, 0.01),
            (10.827_566_170_662_733, 0.001),
            (100.0, 1.523_970_604_832_099_5e-23),
            (700.0, 2.990_226_975_124_502_4e-154),
        ] {
            assert!(
                rel(chi2_1_survival(x), p) < 1e-12,
                "{x}: {}",
                chi2_1_survival(x)
            );
        }
    }
}
