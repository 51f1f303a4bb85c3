//! Dispersion: how evenly a term is spread over the parts of a corpus, beside its
//! frequency. The parts are the documents, weighted by their sizes in tokens
//! (documents without a token are no part).
//!
//! - Gries' DP (Gries 2008): with s_i the share of the corpus' tokens in part i and
//!   v_i the share of the term's occurrences in part i, DP = ½ Σ |v_i − s_i|: 0 when
//!   the term is spread exactly as the text is, towards 1 when it is all in one
//!   small part.
//! - DP normalised (Lijffijt and Gries 2012): DP / (1 − min s_i), so that 1 is
//!   reachable whatever the part sizes.
//! - Juilland's D: with p_i the term's relative frequency in part i (its count over
//!   the part's tokens), V = σ(p) / mean(p) over the n parts (σ with n, not n − 1),
//!   D = 1 − V / √(n − 1): 1 for a perfectly even spread; undefined for one part.

/// Sums over the parts that hold one term, added document by document: all the
/// parts without it contribute is known from the corpus size.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct DispersionSums {
    /// Σ |v_i − s_i| over the parts that hold the term.
    abs_difference: f64,
    /// Σ s_i over the parts that hold the term.
    size_share: f64,
    /// Σ p_i and Σ p_i² over the parts that hold the term.
    relative: f64,
    relative_squared: f64,
}

impl DispersionSums {
    /// Adds a part of `part_tokens` tokens (of `corpus_tokens`) that holds `count`
    /// of the term's `frequency` occurrences.
    pub fn add(&mut self, count: u64, frequency: u64, part_tokens: u64, corpus_tokens: u64) {
        if part_tokens == 0 || frequency == 0 || corpus_tokens == 0 {
            return;
        }
        let s = part_tokens as f64 / corpus_tokens as f64;
        let v = count as f64 / frequency as f64;
        let p = count as f64 / part_tokens as f64;
        self.abs_difference += (v - s).abs();
        self.size_share += s;
        self.relative += p;
        self.relative_squared += p * p;
    }

    /// Gries' DP.
    pub fn dp(&self) -> f64 {
        // Each part without the term adds |0 − s_i| = s_i: together 1 − Σ s_i (held).
        0.5 * (self.abs_difference + (1.0 - self.size_share).max(0.0))
    }

    /// DP normalised by 1 − `smallest_share`, the share of the smallest part; `None`
    /// for a corpus of one part.
    pub fn dp_norm(&self, smallest_share: f64) -> Option<f64> {
        let room = 1.0 - smallest_share;
        (room > 0.0).then(|| self.dp() / room)
    }

    /// Juilland's D over `parts` parts; `None` for fewer than two.
    pub fn juilland_d(&self, parts: u64) -> Option<f64> {
        if parts < 2 {
            return None;
        }
        let n = parts as f64;
        let mean = self.relative / n;
        if mean <= 0.0 {
            return None;
        }
        let variance = (self.relative_squared / n - mean * mean).max(0.0);
        // In [0, 1]; rounding would give -0.000000 for a term in one part.
        Some((1.0 - (variance.sqrt() / mean) / (n - 1.0).sqrt()).clamp(0.0, 1.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// Parts of 3, 2 and 5 tokens (s = 0.3, 0.2, 0.5); worked by hand in the report
    /// README.
    #[test]
    fn a_hand_worked_corpus() {
        let parts = [3u64, 2, 5];
        let sums = |counts: [u64; 3]| {
            let frequency: u64 = counts.iter().sum();
            let mut sums = DispersionSums::default();
            for (&count, &tokens) in counts.iter().zip(&parts) {
                if count > 0 {
                    sums.add(count, frequency, tokens, 10);
                }
            }
            sums
        };
        // a: 2, 1, 0 times. v = 2/3, 1/3, 0: |v − s| = 0.3667, 0.1333, 0.5, DP = 0.5.
        let a = sums([2, 1, 0]);
        assert!(close(a.dp(), 0.5));
        assert!(close(a.dp_norm(0.2).unwrap(), 0.625));
        // p = 2/3, 1/2, 0: mean 0.388889, σ 0.283279, V 0.728431, D = 1 − V/√2.
        let p = [2.0 / 3.0, 0.5, 0.0];
        let mean = p.iter().sum::<f64>() / 3.0;
        let sd = (p.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / 3.0).sqrt();
        assert!(close(
            a.juilland_d(3).unwrap(),
            1.0 - sd / mean / 2f64.sqrt()
        ));
        assert!((a.juilland_d(3).unwrap() - 0.484921).abs() < 1e-6);
        // c: 0, 1, 5 times. v = 0, 1/6, 5/6: DP = ½ (0.3 + 0.0333 + 0.3333) = 1/3.
        assert!(close(sums([0, 1, 5]).dp(), 1.0 / 3.0));
        // Spread exactly as the text is: DP 0 and D 1.
        let even = sums([3, 2, 5]);
        assert!(close(even.dp(), 0.0));
        assert!(close(even.juilland_d(3).unwrap(), 1.0));
        // All in the smallest part: DP = 1 − 0.2, normalised 1.
        let lumped = sums([0, 2, 0]);
        assert!(close(lumped.dp(), 0.8) && close(lumped.dp_norm(0.2).unwrap(), 1.0));
        // One part: no normalised DP and no D.
        assert_eq!(DispersionSums::default().juilland_d(1), None);
        assert_eq!(a.dp_norm(1.0), None);
    }
}
