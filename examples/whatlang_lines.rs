//! Plain whatlang, line by line, for `examples/langid/eval.py`: prints the ISO 639-3
//! code whatlang gives each line of standard input (`fas` for its `pes`), or `und`.
//!
//! ```sh
//! cargo build --release --example whatlang_lines
//! ```

use std::io::{BufRead, Write};

fn main() -> std::io::Result<()> {
    let detector = whatlang::Detector::new();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in std::io::stdin().lock().lines() {
        let code = match detector.detect(&line?).map(|info| info.lang()) {
            Some(whatlang::Lang::Pes) => "fas",
            Some(lang) => lang.code(),
            None => "und",
        };
        writeln!(out, "{code}")?;
    }
    out.flush()
}
