//! How the corpus options' values are read: sizes, ranges, encodings, word lists.

use crate::WordList;
use anyhow::Result;

/// A word list given as `--stopwords FILE` or `--ignore FILE`, read when the
/// arguments are: a file that cannot be read is an error before any input is.
pub(super) fn read_word_list(path: &str) -> Result<WordList, String> {
    WordList::read(std::path::Path::new(path))
}

/// A size in bytes: a number, optionally followed by K, M or G (powers of 1024),
/// with or without a trailing B or iB.
pub(super) fn parse_size(s: &str) -> Result<u64, String> {
    let upper = s.trim().to_ascii_uppercase();
    let number = upper.trim_end_matches("IB").trim_end_matches('B');
    let (digits, scale) = match number.chars().last() {
        Some('K') => (&number[..number.len() - 1], 1u64 << 10),
        Some('M') => (&number[..number.len() - 1], 1 << 20),
        Some('G') => (&number[..number.len() - 1], 1 << 30),
        _ => (number, 1),
    };
    let value: f64 = digits
        .trim()
        .parse()
        .map_err(|_| format!("\"{s}\" is not a size such as 100M, 2G or 500000000"))?;
    if !value.is_finite() || value <= 0.0 {
        return Err(format!("\"{s}\": the size must be positive"));
    }
    let bytes = value * scale as f64;
    // 1 EiB: beyond any machine, and far from where the conversion would saturate.
    if bytes > (1u64 << 60) as f64 {
        return Err(format!("\"{s}\": the size must be at most 1 EiB"));
    }
    Ok(bytes as u64)
}

pub(super) fn parse_range(s: &str) -> Result<(usize, usize), String> {
    let parse = |x: &str| {
        x.trim()
            .parse::<usize>()
            .map_err(|_| format!("not a number: {x:?}"))
    };
    let (min, max) = match s.split_once("..") {
        Some((a, b)) => (parse(a)?, parse(b.trim_start_matches('='))?),
        None => {
            let n = parse(s)?;
            (n, n)
        }
    };
    if min == 0 || min > max || max > MAX_NGRAM_ORDER {
        return Err(format!(
            "need 1 <= MIN <= MAX <= {MAX_NGRAM_ORDER}, got {s}"
        ));
    }
    Ok((min, max))
}

/// The longest n-gram order: each n-gram holds n term ids, and orders past a few
/// words count almost nothing but single occurrences.
pub(super) const MAX_NGRAM_ORDER: usize = 32;

/// `--max-document-bytes`: a size from 1K to 1G.
pub(super) fn parse_document_size(s: &str) -> Result<u64, String> {
    let size = parse_size(s)?;
    if !(1 << 10..=1 << 30).contains(&size) {
        return Err(format!("\"{s}\": give a size from 1K to 1G"));
    }
    Ok(size)
}

/// `--encoding`: a label encoding_rs knows, kept as its canonical name.
pub(super) fn parse_encoding(label: &str) -> Result<String, String> {
    encoding_rs::Encoding::for_label(label.trim().as_bytes())
        .map(|e| e.name().to_ascii_lowercase())
        .ok_or_else(|| {
            format!(
                "\"{label}\" is not an encoding label (windows-1256, iso-8859-6, utf-16le, ...)"
            )
        })
}

/// `--memory-limit`: a size of 1 MiB or more. Below that, the tables would be
/// pruned at every batch and a document part alone (1 MiB at least) would not fit.
pub(super) fn parse_memory_limit(s: &str) -> Result<u64, String> {
    let size = parse_size(s)?;
    if size < 1 << 20 {
        return Err(format!(
            "\"{s}\": the memory limit must be 1M or more (up to 1 EiB)"
        ));
    }
    Ok(size)
}
