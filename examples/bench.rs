//! Corpus-scale benchmark: the whole report on the benchmark corpus, against `wc -w`.
//!
//! ```sh
//! cargo run --release --example bench [CORPUS.jsonl.gz] [THREADS]
//! ```
//!
//! Reads `../shared/bench/corpus-50mb.jsonl.gz` by default; when the file is absent it
//! says so and exits 0. Decompresses it once into a temporary file, times `wc -w` on
//! that file, then times the full report (read, count, tables, charts, files written
//! to a temporary folder) and prints the wall time, MB/s of decompressed input, the
//! ratio to `wc -w`, and this process's peak resident memory (VmHWM).

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use corpstat::{Corpus, Options};
use unicode_segmentation::UnicodeSegmentation;

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Every document's text, read as `corpstat report` reads it.
fn read_texts(corpus: &std::path::Path) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    use corpstat::input::{find_files, DocumentStream, InputEvent, InputOptions};
    let (files, problems) = find_files(&[corpus.to_path_buf()])?;
    Ok(
        DocumentStream::new(files, problems, InputOptions::default())
            .filter_map(|event| match event {
                InputEvent::Document(document) => Some(document.text),
                InputEvent::Problem(_) => None,
            })
            .collect(),
    )
}

/// Seconds for the fastest of three passes of `count` over `texts` on this thread,
/// and the tokens it counted.
fn time_tokenizer(texts: &[String], count: impl Fn(&str) -> usize) -> (f64, usize) {
    let mut best = f64::INFINITY;
    let mut tokens = 0;
    for _ in 0..3 {
        let started = Instant::now();
        tokens = texts.iter().map(|t| count(t)).sum();
        best = best.min(started.elapsed().as_secs_f64());
    }
    (best, tokens)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let corpus = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "../shared/bench/corpus-50mb.jsonl.gz".into()),
    );
    let threads: Option<usize> = args.next().and_then(|t| t.parse().ok());
    if !corpus.exists() {
        println!("{} is absent: nothing to measure.", corpus.display());
        return Ok(());
    }
    let tmp = tempfile::tempdir()?;
    let plain = tmp.path().join("corpus.jsonl");
    {
        let mut decoder = flate2::read::MultiGzDecoder::new(std::fs::File::open(&corpus)?);
        let mut out = std::fs::File::create(&plain)?;
        std::io::copy(&mut decoder, &mut out)?;
        out.flush()?;
    }
    let bytes = std::fs::metadata(&plain)?.len() as f64;
    let mb = bytes / 1e6;

    let started = Instant::now();
    let wc = std::process::Command::new("wc")
        .arg("-w")
        .arg(&plain)
        .output()?;
    let wc_seconds = started.elapsed().as_secs_f64();
    let words = String::from_utf8_lossy(&wc.stdout)
        .split_whitespace()
        .next()
        .unwrap_or("?")
        .to_string();

    let texts = read_texts(&corpus)?;
    let text_mb = texts.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let (fast_seconds, fast_tokens) =
        time_tokenizer(&texts, |t| corpstat::tokenize::words(t).len());
    let (uax_seconds, uax_tokens) = time_tokenizer(&texts, |t| t.unicode_words().count());
    drop(texts);

    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(t) = threads {
        pool = pool.num_threads(t);
    }
    let pool = pool.build()?;
    let out = tmp.path().join("report");
    let started = Instant::now();
    let (documents, tokens) = pool
        .install(
            || -> Result<(u64, u64), Box<dyn std::error::Error + Send + Sync>> {
                let options = Options::default();
                let mut corpus_counts = Corpus::new(options.clone())?;
                corpus_counts.add_paths(
                    std::slice::from_ref(&corpus),
                    &options.input,
                    &mut |_| {},
                )?;
                let report = corpus_counts.finish();
                corpstat::write::write_report(&out, &report, "bench")?;
                Ok((report.summary.documents, report.summary.tokens))
            },
        )
        .map_err(|e| e.to_string())?;
    let seconds = started.elapsed().as_secs_f64();

    println!(
        "corpus: {} ({mb:.1} MB decompressed, {documents} documents, {tokens} tokens)",
        corpus.display()
    );
    println!("threads: {}", pool.current_num_threads());
    println!("corpstat report: {seconds:.2} s, {:.1} MB/s", mb / seconds);
    println!(
        "wc -w: {wc_seconds:.2} s ({words} words), {:.1} MB/s",
        mb / wc_seconds
    );
    println!("ratio report / wc -w: {:.1}", seconds / wc_seconds);
    println!(
        "tokenizer, one core, {text_mb:.1} MB of document text: corpstat words() {:.1} MB/s ({fast_tokens} tokens), \
         unicode_words() {:.1} MB/s ({uax_tokens} tokens), tokens {}",
        text_mb / fast_seconds,
        text_mb / uax_seconds,
        if fast_tokens == uax_tokens { "equal in number" } else { "DIFFER" }
    );
    match peak_rss_mb() {
        Some(rss) => println!("peak RSS: {rss:.0} MB"),
        None => println!("peak RSS: unknown (no /proc/self/status)"),
    }
    Ok(())
}
