//! Accuracy of corpstat's language detection against plain whatlang, on labelled
//! text that nobody on the team wrote.
//!
//! ```sh
//! cargo run --release --example langid_eval [BENCH.jsonl.gz] [LOCALE_DIR]
//! ```
//!
//! - Arabic, Persian and English come from the benchmark corpus
//!   (`../shared/bench/corpus-50mb.jsonl.gz` by default), whose ids start with the
//!   language (`ar_`, `fa_`, `en_`).
//! - Urdu, German, French, Spanish, Russian, Turkish and Italian come from the
//!   translated messages of the programs installed on this machine
//!   (`/usr/share/locale/LANG/LC_MESSAGES/*.mo`), written by their translators.
//!
//! Each source is cut into sentences (at least 4 words), word pairs and single words,
//! at most 1,000 items per language and granularity, picked at an even stride. Plain
//! whatlang sees the same items, with `pes` counted as `fas`. Prints a Markdown table
//! and the throughput of corpstat's detection in lines per second. Exits 0, saying
//! so, when an input is missing.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::time::Instant;

use corpstat::LanguageDetector;
use unicode_segmentation::UnicodeSegmentation;

const PER_CELL: usize = 1000;
const GRANULARITIES: [&str; 3] = ["sentence", "word pair", "single word"];

/// Languages taken from message catalogs: (ISO 639-3 as reported, locale folder).
const CATALOG_LANGUAGES: &[(&str, &str)] = &[
    ("urd", "ur"),
    ("deu", "de"),
    ("fra", "fr"),
    ("spa", "es"),
    ("rus", "ru"),
    ("tur", "tr"),
    ("ita", "it"),
];

fn main() {
    let mut args = std::env::args().skip(1);
    let bench = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "../shared/bench/corpus-50mb.jsonl.gz".into()),
    );
    let locale = PathBuf::from(args.next().unwrap_or_else(|| "/usr/share/locale".into()));

    // language -> texts (sentences or messages) in a fixed order.
    let mut texts: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    if bench.exists() {
        read_bench(&bench, &mut texts);
    } else {
        println!(
            "{} is absent: Arabic, Persian and English are left out.",
            bench.display()
        );
    }
    for &(code, folder) in CATALOG_LANGUAGES {
        let messages = read_catalogs(&locale.join(folder).join("LC_MESSAGES"), code);
        if messages.is_empty() {
            println!(
                "no message catalogs for {folder} under {}",
                locale.display()
            );
        } else {
            texts.insert(code, messages);
        }
    }
    if texts.is_empty() {
        println!("nothing to evaluate");
        return;
    }

    let ours = LanguageDetector::new();
    let mut table: Vec<(String, &str, usize, usize, usize)> = Vec::new();
    let mut lines = 0usize;
    let mut our_seconds = 0f64;
    for (&language, sources) in &texts {
        for granularity in GRANULARITIES {
            let items = cut(sources, granularity);
            if items.is_empty() {
                continue;
            }
            let start = Instant::now();
            let our_right = items
                .iter()
                .filter(|t| ours.detect(t).language == language)
                .count();
            our_seconds += start.elapsed().as_secs_f64();
            lines += items.len();
            let plain_right = items
                .iter()
                .filter(|t| {
                    whatlang::detect_lang(t).map(|l| {
                        if l == whatlang::Lang::Pes {
                            "fas"
                        } else {
                            l.code()
                        }
                    }) == Some(language)
                })
                .count();
            table.push((
                language.to_string(),
                granularity,
                items.len(),
                our_right,
                plain_right,
            ));
        }
    }

    println!("\n| language | granularity | items | corpstat | whatlang |");
    println!("|---|---|---:|---:|---:|");
    let mut totals: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    for (language, granularity, n, ours, plain) in &table {
        println!(
            "| {language} | {granularity} | {n} | {:.3} | {:.3} |",
            *ours as f64 / *n as f64,
            *plain as f64 / *n as f64
        );
        let t = totals.entry(granularity).or_default();
        t.0 += n;
        t.1 += ours;
        t.2 += plain;
    }
    for granularity in GRANULARITIES {
        if let Some((n, ours, plain)) = totals.get(granularity) {
            println!(
                "| **all** | {granularity} | {n} | {:.3} | {:.3} |",
                *ours as f64 / *n as f64,
                *plain as f64 / *n as f64
            );
        }
    }
    println!(
        "\ncorpstat detection: {lines} lines in {our_seconds:.2} s, {:.0} lines/s on one core",
        lines as f64 / our_seconds
    );
}

/// Sentences of at least 4 words from the bench corpus, by the language in the id.
fn read_bench(path: &Path, texts: &mut BTreeMap<&'static str, Vec<String>>) {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            println!("{}: {e}", path.display());
            return;
        }
    };
    let reader = BufReader::new(flate2::read::MultiGzDecoder::new(file));
    for line in reader.lines() {
        let Ok(line) = line else { break };
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        let (Some(id), Some(text)) = (value["id"].as_str(), value["text"].as_str()) else {
            continue;
        };
        let language = match id.get(..3) {
            Some("ar_") => "ara",
            Some("fa_") => "fas",
            Some("en_") => "eng",
            _ => continue,
        };
        for sentence in text.unicode_sentences() {
            let sentence = sentence.trim();
            if sentence.unicode_words().count() >= 4 {
                texts
                    .entry(language)
                    .or_default()
                    .push(sentence.to_string());
            }
        }
    }
}

/// The translated messages of every catalog in `dir`, cleaned of format
/// placeholders, accelerators and markup, and of Latin-script words in
/// languages written otherwise.
fn read_catalogs(dir: &Path, language: &str) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let latin_script = !matches!(language, "urd" | "rus");
    let mut messages = Vec::new();
    for path in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "mo"))
    {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        for message in mo_translations(&bytes) {
            let cleaned: Vec<&str> = message
                .split(|c: char| c.is_whitespace())
                .filter(|w| !w.is_empty())
                .filter(|w| !w.contains(['%', '{', '}', '<', '>', '$', '\\', '/', '=', '@']))
                .filter(|w| latin_script || !w.chars().any(|c| c.is_ascii_alphabetic()))
                .collect();
            let text = cleaned.join(" ").replace(['_', '&'], "");
            if text.unicode_words().count() >= 4 {
                messages.push(text);
            }
        }
    }
    messages.sort();
    messages.dedup();
    messages
}

/// The msgstr strings of a GNU .mo file (first plural form; the header skipped).
fn mo_translations(bytes: &[u8]) -> Vec<String> {
    let word = |at: usize, big: bool| -> Option<u32> {
        let b: [u8; 4] = bytes.get(at..at + 4)?.try_into().ok()?;
        Some(if big {
            u32::from_be_bytes(b)
        } else {
            u32::from_le_bytes(b)
        })
    };
    let big = match word(0, false) {
        Some(0x950412de) => false,
        Some(0xde120495) => true,
        _ => return Vec::new(),
    };
    let (Some(count), Some(table)) = (word(8, big), word(16, big)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for i in 0..count as usize {
        let entry = table as usize + 8 * i;
        let (Some(len), Some(offset)) = (word(entry, big), word(entry + 4, big)) else {
            break;
        };
        let Some(raw) = bytes.get(offset as usize..offset as usize + len as usize) else {
            continue;
        };
        let first = raw.split(|&b| b == 0).next().unwrap_or_default();
        if let Ok(text) = std::str::from_utf8(first) {
            if !text.starts_with("Project-Id-Version") && !text.is_empty() {
                out.push(text.to_string());
            }
        }
    }
    out
}

/// At most [`PER_CELL`] items of one granularity, taken at an even stride.
fn cut(texts: &[String], granularity: &str) -> Vec<String> {
    let pick = |all: Vec<String>| -> Vec<String> {
        let stride = all.len().div_ceil(PER_CELL).max(1);
        all.into_iter().step_by(stride).take(PER_CELL).collect()
    };
    let stride = texts.len().div_ceil(PER_CELL * 4).max(1);
    let sample: Vec<&String> = texts.iter().step_by(stride).collect();
    match granularity {
        "sentence" => pick(sample.iter().map(|s| s.to_string()).collect()),
        "word pair" => pick(
            sample
                .iter()
                .filter_map(|s| {
                    let words: Vec<&str> = s
                        .unicode_words()
                        .filter(|w| w.chars().all(char::is_alphabetic))
                        .collect();
                    let mid = words.len() / 2;
                    (words.len() >= 2)
                        .then(|| format!("{} {}", words[mid.saturating_sub(1)], words[mid]))
                })
                .collect(),
        ),
        _ => pick(
            sample
                .iter()
                .filter_map(|s| {
                    s.unicode_words()
                        .filter(|w| w.chars().count() >= 3 && w.chars().all(char::is_alphabetic))
                        .nth(1)
                        .map(str::to_string)
                })
                .collect(),
        ),
    }
}
