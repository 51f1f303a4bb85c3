//! The model file read byte by byte, and fastText's product-quantized matrix.

/// Centroids per sub-quantizer.
const KSUB: usize = 256;

/// A byte reader over the model file.
pub(super) struct Cursor<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) at: usize,
}

impl<'a> Cursor<'a> {
    pub(super) fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let slice = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(slice)
    }
    pub(super) fn i32(&mut self) -> Option<i32> {
        Some(i32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    pub(super) fn i64(&mut self) -> Option<i64> {
        Some(i64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    pub(super) fn f64(&mut self) -> Option<f64> {
        Some(f64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    pub(super) fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    pub(super) fn f32s(&mut self, n: usize) -> Option<Vec<f32>> {
        let bytes = self.take(n.checked_mul(4)?)?;
        Some(
            bytes
                .chunks_exact(4)
                .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .collect(),
        )
    }
    pub(super) fn string(&mut self) -> Option<String> {
        let end = self.bytes.get(self.at..)?.iter().position(|&b| b == 0)?;
        let s = String::from_utf8_lossy(&self.bytes[self.at..self.at + end]).into_owned();
        self.at += end + 1;
        Some(s)
    }
}

/// fastText's `ProductQuantizer`.
pub(super) struct ProductQuantizer {
    nsubq: usize,
    dsub: usize,
    lastdsub: usize,
    centroids: Vec<f32>,
}

impl ProductQuantizer {
    pub(super) fn load(c: &mut Cursor) -> Option<Self> {
        let dim = usize::try_from(c.i32()?).ok()?;
        let nsubq = usize::try_from(c.i32()?).ok()?;
        let dsub = usize::try_from(c.i32()?).ok()?;
        let lastdsub = usize::try_from(c.i32()?).ok()?;
        let centroids = c.f32s(dim.checked_mul(KSUB)?)?;
        Some(ProductQuantizer {
            nsubq,
            dsub,
            lastdsub,
            centroids,
        })
    }

    pub(super) fn centroids(&self, m: usize, i: u8) -> &[f32] {
        let i = usize::from(i);
        if m == self.nsubq - 1 {
            let at = m * KSUB * self.dsub + i * self.lastdsub;
            &self.centroids[at..at + self.lastdsub]
        } else {
            let at = (m * KSUB + i) * self.dsub;
            &self.centroids[at..at + self.dsub]
        }
    }

    /// `x += alpha × row t`, as `ProductQuantizer::addcode`.
    pub(super) fn add_code(&self, x: &mut [f32], codes: &[u8], t: usize, alpha: f32) {
        let code = &codes[self.nsubq * t..self.nsubq * (t + 1)];
        for (m, &c) in code.iter().enumerate() {
            for (n, &value) in self.centroids(m, c).iter().enumerate() {
                x[m * self.dsub + n] += alpha * value;
            }
        }
    }
}

/// fastText's `QuantMatrix`.
pub(super) struct QuantMatrix {
    codes: Vec<u8>,
    pq: ProductQuantizer,
    /// With `qnorm`: each row's norm code and their quantizer.
    norms: Option<(Vec<u8>, ProductQuantizer)>,
}

impl QuantMatrix {
    pub(super) fn load(c: &mut Cursor) -> Option<Self> {
        let qnorm = c.u8()? != 0;
        let m = usize::try_from(c.i64()?).ok()?;
        let _n = c.i64()?;
        let codesize = usize::try_from(c.i32()?).ok()?;
        let codes = c.take(codesize)?.to_vec();
        let pq = ProductQuantizer::load(c)?;
        let norms = if qnorm {
            let norm_codes = c.take(m)?.to_vec();
            Some((norm_codes, ProductQuantizer::load(c)?))
        } else {
            None
        };
        Some(QuantMatrix { codes, pq, norms })
    }

    pub(super) fn add_row(&self, x: &mut [f32], row: usize) {
        let norm = match &self.norms {
            Some((codes, npq)) => npq.centroids(0, codes[row])[0],
            None => 1.0,
        };
        self.pq.add_code(x, &self.codes, row, norm);
    }
}
