//! Corpus-scale benchmark: the whole report on the benchmark corpus, against `wc -w`.
//!
//! ```sh
//! cargo build --release && cargo run --release --example bench [-- [CORPUS.jsonl.gz] [--curve]]
//! ```
//!
//! Reads `../shared/bench/corpus-50mb.jsonl.gz` by default; when the file is absent
//! it says so and exits 0 (`--plain`: corpstat reads the decompressed copy too, as
//! `wc -w` does). It decompresses the corpus once into a temporary file and
//! times `wc -w` on it (the fastest of three runs); then it runs the `corpstat` binary built beside this example
//! (`report --timings` on the compressed corpus, as a user would, charts and files
//! included) with 1 and 2 threads, and with `--memory-limit 100M`, and reads each
//! run's wall time, stage times and peak resident memory from its `--timings`
//! lines, with its CPU time (user + system, from the kernel's accounting of the
//! child) and the share of its wall time spent on one thread. It runs 3 threads
//! too and checks that the three reports are byte-identical. It times the
//! report at 2 threads on the first eighth and the first quarter of the corpus
//! (whole JSONL lines) beside the whole, per MB, since the time per MB must not
//! grow with the corpus. It also times the tokenizer alone on one core, against
//! `unicode_words()` cut at white space. With `--curve`, it also builds the corpus 2 and 4 times over
//! (ids suffixed) and prints the peak memory of each. First of all it times
//! `stats`, `langs`, `terms` and `report` at 2 threads against the same `wc -w`
//! (with `--subcommands`, only that). Prints Markdown tables.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use corpstat::InputOptions;

use corpstat::input::{find_files, DocumentStream, InputEvent};

use unicode_segmentation::UnicodeSegmentation;

type Error = Box<dyn std::error::Error>;

/// What one `corpstat report --timings` run printed.
struct Run {
    seconds: f64,
    /// User + system CPU seconds of the child.
    cpu_seconds: f64,
    peak_mb: f64,
    language_share: f64,
    /// Percent of the wall time with fewer than 1.5 cores busy (`--timings`).
    one_thread_share: f64,
    approximate: String,
    /// The report folder, kept until the run is dropped.
    output: tempfile::TempDir,
}

/// User + system CPU seconds of the children waited for so far.
fn children_cpu_seconds() -> f64 {
    // SAFETY: getrusage only writes the struct it is given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage);
        usage
    };
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

fn corpstat_binary() -> Result<PathBuf, Error> {
    let exe = std::env::current_exe()?;
    let dir = exe
        .parent()
        .and_then(Path::parent)
        .ok_or("no target folder")?;
    let binary = dir.join("corpstat");
    if !binary.exists() {
        return Err(format!(
            "{} is missing: run `cargo build --release` first",
            binary.display()
        )
        .into());
    }
    Ok(binary)
}

fn run_report(corpus: &Path, extra: &[&str]) -> Result<Run, Error> {
    let out = tempfile::tempdir()?;
    let cpu_before = children_cpu_seconds();
    let started = Instant::now();
    let output = Command::new(corpstat_binary()?)
        .args(["report", "-q", "--timings"])
        .args(extra)
        .arg(corpus)
        .arg("-o")
        .arg(out.path())
        .output()?;
    let seconds = started.elapsed().as_secs_f64();
    let cpu_seconds = children_cpu_seconds() - cpu_before;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        return Err(format!("corpstat failed: {stderr}").into());
    }
    let field = |name: &str, column: usize| -> Option<f64> {
        stderr
            .lines()
            .find(|l| l.trim_start_matches("corpstat: ").starts_with(name))
            .and_then(|l| {
                l.trim_start_matches("corpstat: ")[name.len()..]
                    .split_whitespace()
                    .nth(column)
                    .map(|v| v.trim_end_matches('%').to_string())
            })
            .and_then(|v| v.parse().ok())
    };
    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.path().join("summary.json"))?)?;
    Ok(Run {
        seconds,
        cpu_seconds,
        peak_mb: field("peak memory", 0).unwrap_or(f64::NAN),
        language_share: field("language mix", 2).unwrap_or(f64::NAN),
        one_thread_share: field("one thread", 2).unwrap_or(f64::NAN),
        approximate: summary["approximate"].to_string(),
        output: out,
    })
}

/// `corpstat SUBCOMMAND CORPUS --threads 2 --timings`, its output thrown away:
/// wall seconds, CPU seconds and peak resident MB.
fn run_subcommand(command: &[&str], corpus: &Path) -> Result<(f64, f64, f64), Error> {
    let subcommand = command.join(" ");
    let cpu_before = children_cpu_seconds();
    let started = Instant::now();
    // kwic counts nothing, and has no --timings (nor its peak memory line).
    let timings: &[&str] = if command[0] == "kwic" {
        &[]
    } else {
        &["--timings"]
    };
    let output = Command::new(corpstat_binary()?)
        .args(command)
        .args(["-q", "--threads", "2", "--format", "csv"])
        .args(timings)
        .arg(corpus)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .output()?;
    let seconds = started.elapsed().as_secs_f64();
    let cpu_seconds = children_cpu_seconds() - cpu_before;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        return Err(format!("corpstat {subcommand} failed: {stderr}").into());
    }
    let peak = stderr
        .lines()
        .find_map(|l| l.strip_prefix("corpstat: peak memory"))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(f64::NAN);
    Ok((seconds, cpu_seconds, peak))
}

/// The files of a report folder whose bytes differ between `a` and `b`, or that
/// only one of them has.
fn differing_files(a: &Path, b: &Path) -> Result<Vec<String>, Error> {
    let names = |dir: &Path| -> Result<std::collections::BTreeSet<String>, Error> {
        let mut names = std::collections::BTreeSet::new();
        for entry in std::fs::read_dir(dir)? {
            names.insert(entry?.file_name().to_string_lossy().into_owned());
        }
        Ok(names)
    };
    let mut differing = Vec::new();
    for name in names(a)?.union(&names(b)?) {
        if std::fs::read(a.join(name)).ok() != std::fs::read(b.join(name)).ok() {
            differing.push(name.clone());
        }
    }
    Ok(differing)
}

/// The first `lines` lines of `plain`, into a new file in `into`.
fn first_lines(plain: &Path, lines: usize, into: &Path) -> Result<PathBuf, Error> {
    let path = into.join(format!("corpus-first-{lines}.jsonl"));
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path)?);
    for line in std::io::BufReader::new(std::fs::File::open(plain)?)
        .lines()
        .take(lines)
    {
        out.write_all(line?.as_bytes())?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(path)
}

/// Every document's text, read as `corpstat report` reads it.
fn read_texts(corpus: &Path) -> Result<Vec<String>, Error> {
    let (files, problems) = find_files(&[corpus.to_path_buf()], &InputOptions::default())?;
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

/// The corpus `times` times over, each copy's ids suffixed, gzip-compressed.
fn repeated(plain: &Path, times: usize, into: &Path) -> Result<PathBuf, Error> {
    let path = into.join(format!("corpus-{times}x.jsonl.gz"));
    let file = std::fs::File::create(&path)?;
    let mut out =
        flate2::write::GzEncoder::new(std::io::BufWriter::new(file), flate2::Compression::fast());
    for copy in 0..times {
        let reader = std::io::BufReader::new(std::fs::File::open(plain)?);
        for line in reader.lines() {
            let mut record: serde_json::Value = serde_json::from_str(&line?)?;
            if let Some(id) = record.get("id").and_then(|v| v.as_str()) {
                record["id"] = format!("{id}#{copy}").into();
            }
            serde_json::to_writer(&mut out, &record)?;
            out.write_all(b"\n")?;
        }
    }
    out.finish()?.flush()?;
    Ok(path)
}

fn main() -> Result<(), Error> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let curve = args.iter().any(|a| a == "--curve");
    // Only wc -w, the fast subcommands and the report at 2 threads.
    let subcommands_only = args.iter().any(|a| a == "--subcommands");
    // corpstat reads the decompressed copy, as `wc -w` does (issue 33's targets are
    // stated so), instead of the compressed corpus a user gives it.
    let read_plain = args.iter().any(|a| a == "--plain");
    let corpus = PathBuf::from(
        args.iter()
            .find(|a| !a.starts_with("--"))
            .cloned()
            .unwrap_or_else(|| "../shared/bench/corpus-50mb.jsonl.gz".into()),
    );
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
    let mb = std::fs::metadata(&plain)?.len() as f64 / 1e6;
    let measured = if read_plain {
        plain.clone()
    } else {
        corpus.clone()
    };

    // The fastest of three, as this machine's speed drifts between runs.
    let mut wc_seconds = f64::INFINITY;
    let mut wc_stdout = Vec::new();
    for _ in 0..3 {
        let started = Instant::now();
        wc_stdout = Command::new("wc").arg("-w").arg(&plain).output()?.stdout;
        wc_seconds = wc_seconds.min(started.elapsed().as_secs_f64());
    }
    let words = String::from_utf8_lossy(&wc_stdout)
        .split_whitespace()
        .next()
        .unwrap_or("?")
        .to_string();

    // The subcommands that print a part of the report, at 2 threads, on the
    // compressed corpus as a user gives it, beside the report.
    let mut subcommands = Vec::new();
    // The word of kwic and collocates: the corpus' most frequent content word.
    for command in [
        &["stats"][..],
        &["langs"],
        &["terms"],
        &["kwic", "الله"],
        &["collocates", "الله"],
    ] {
        subcommands.push((command.join(" "), run_subcommand(command, &measured)?));
    }
    let report_two = run_report(&measured, &["--threads", "2"])?;
    println!("| 2 threads | wall s | CPU s | peak RSS MB | ratio to wc -w ({wc_seconds:.2} s) |");
    println!("|---|---|---|---|---|");
    for (subcommand, (seconds, cpu, peak)) in &subcommands {
        println!(
            "| `corpstat {subcommand}` | {seconds:.2} | {cpu:.2} | {peak:.0} | {:.1} |",
            seconds / wc_seconds
        );
    }
    println!(
        "| `corpstat report` | {:.2} | {:.2} | {:.0} | {:.1} |",
        report_two.seconds,
        report_two.cpu_seconds,
        report_two.peak_mb,
        report_two.seconds / wc_seconds
    );
    println!();
    if subcommands_only {
        return Ok(());
    }

    let one = run_report(&measured, &["--threads", "1"])?;
    let two = run_report(&measured, &["--threads", "2"])?;
    let limited = run_report(&measured, &["--threads", "2", "--memory-limit", "100M"])?;
    let three = run_report(&measured, &["--threads", "3"])?;
    let mut differing = differing_files(one.output.path(), two.output.path())?;
    differing.extend(differing_files(one.output.path(), three.output.path())?);

    let lines = std::io::BufReader::new(std::fs::File::open(&plain)?)
        .lines()
        .count();
    let mut scaling = Vec::new();
    for (name, part) in [("first eighth", 8), ("first quarter", 4)] {
        let path = first_lines(&plain, lines / part, tmp.path())?;
        let part_mb = std::fs::metadata(&path)?.len() as f64 / 1e6;
        let run = run_report(&path, &["--threads", "2"])?;
        scaling.push((name, part_mb, run.seconds));
        std::fs::remove_file(path)?;
    }
    let whole = run_report(&plain, &["--threads", "2"])?;
    scaling.push(("whole", mb, whole.seconds));

    let texts = read_texts(&corpus)?;
    let text_mb = texts.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let (fast_seconds, fast_tokens) =
        time_tokenizer(&texts, |t| corpstat::tokenize::words(t).len());
    // UAX #29 words cut at white space, as corpstat's tokens are (a mark written
    // after a space is a word of its own; tests/it/util.rs `uax29_words`).
    let (uax_seconds, uax_tokens) = time_tokenizer(&texts, |t| {
        t.unicode_words()
            .flat_map(|w| w.split(char::is_whitespace))
            .filter(|piece| piece.chars().any(char::is_alphanumeric))
            .count()
    });
    drop(texts);

    println!(
        "corpus: {} ({mb:.1} MB decompressed; corpstat read it {}), {} cores",
        corpus.display(),
        if read_plain {
            "decompressed"
        } else {
            "as given"
        },
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    println!();
    println!(
        "| run | wall s | CPU s | MB/s | peak RSS MB | ratio to wc -w | one-thread share | language mix share |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    println!(
        "| `wc -w` ({words} words) | {wc_seconds:.2} | | {:.1} | | 1.0 | | |",
        mb / wc_seconds
    );
    for (name, run) in [
        ("corpstat report, 1 thread", &one),
        ("corpstat report, 2 threads", &two),
        ("corpstat report, 3 threads", &three),
        ("corpstat report, 2 threads, --memory-limit 100M", &limited),
    ] {
        println!(
            "| {name} | {:.2} | {:.2} | {:.1} | {:.0} | {:.1} | {:.1}% | {:.1}% |",
            run.seconds,
            run.cpu_seconds,
            mb / run.seconds,
            run.peak_mb,
            run.seconds / wc_seconds,
            run.one_thread_share,
            run.language_share
        );
    }
    println!();
    println!(
        "speed-up from 1 to 2 threads: {:.2}",
        one.seconds / two.seconds
    );
    if differing.is_empty() {
        println!("reports at 1, 2 and 3 threads: byte-identical");
    } else {
        return Err(format!("reports differ across thread counts: {differing:?}").into());
    }
    println!("--memory-limit 100M: approximate = {}", limited.approximate);
    println!(
        "tokenizer, one core, {text_mb:.1} MB of document text: corpstat words() {:.1} MB/s, \
         unicode_words() cut at white space {:.1} MB/s ({fast_tokens} and {uax_tokens} tokens)",
        text_mb / fast_seconds,
        text_mb / uax_seconds,
    );
    if fast_tokens != uax_tokens {
        return Err("the tokenizers disagree: see tests/tokenize_differential.rs".into());
    }
    println!();
    println!("| 2 threads, uncompressed JSONL | MB | wall s | s per MB | against the whole |");
    println!("|---|---|---|---|---|");
    let whole_per_mb = whole.seconds / mb;
    for (name, part_mb, seconds) in &scaling {
        println!(
            "| {name} | {part_mb:.1} | {seconds:.2} | {:.4} | {:.2} |",
            seconds / part_mb,
            whole_per_mb / (seconds / part_mb)
        );
    }
    if curve {
        println!();
        println!("| input | MB | wall s | peak RSS MB |");
        println!("|---|---|---|---|");
        println!("| 1× | {mb:.0} | {:.2} | {:.0} |", two.seconds, two.peak_mb);
        for times in [2, 4] {
            let path = repeated(&plain, times, tmp.path())?;
            let run = run_report(&path, &[])?;
            println!(
                "| {times}× | {:.0} | {:.2} | {:.0} |",
                mb * times as f64,
                run.seconds,
                run.peak_mb
            );
            std::fs::remove_file(path)?;
        }
    }
    Ok(())
}
