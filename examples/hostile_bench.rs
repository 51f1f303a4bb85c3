//! Time and peak memory of corpstat on hostile inputs: decompression bombs, one huge
//! document, one huge token, inputs that once took quadratic time (at 1x, 2x and 4x,
//! so that linear time shows as doubling), a big rules file, /dev/zero.
//!
//! ```sh
//! cargo build --release && cargo run --release --example hostile_bench -- [CORPSTAT_BINARY]
//! ```
//!
//! The binary defaults to `target/release/corpstat`; give an older build to compare.
//! Every run is bounded to 120 s and 6 GiB of address space, and prints one Markdown
//! row: case, wall time, peak resident memory, exit status.

use std::io::Write;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(120);
const ADDRESS_SPACE: u64 = 6 << 30;

fn main() -> std::io::Result<()> {
    let binary = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target/release/corpstat"));
    let binary = binary.canonicalize()?;
    let tmp = tempfile::tempdir()?;
    let dir = tmp.path();
    println!("binary: {}\n", binary.display());
    println!("| case | wall s | peak MB | exit |");
    println!("|---|---:|---:|---|");

    // A gzip bomb: one word repeated, 100 and 200 MB of text.
    for mb in [100, 200] {
        let path = dir.join(format!("bomb{mb}.txt.gz"));
        let line = "bomb ".repeat(200).into_bytes();
        let mut gz = flate2::write::GzEncoder::new(
            std::fs::File::create(&path)?,
            flate2::Compression::best(),
        );
        for _ in 0..mb * 1000 {
            gz.write_all(&line)?;
        }
        gz.finish()?;
        let what = format!("gzip bomb: {mb} MB of one word");
        measure_stats(&binary, dir, &what, &path)?;
    }

    // A zstd JSONL of one line holding 100 MB of text.
    {
        let path = dir.join("line.jsonl.zst");
        let mut z = zstd::stream::write::Encoder::new(std::fs::File::create(&path)?, 19)?;
        z.write_all(b"{\"text\":\"")?;
        let words = "word ".repeat(1000).into_bytes();
        for _ in 0..20_000 {
            z.write_all(&words)?;
        }
        z.write_all(b"\"}\n")?;
        z.finish()?;
        measure_stats(&binary, dir, "zstd JSONL, one line of 100 MB", &path)?;
    }

    // One document of 200 MB on one line (words, no line break).
    {
        let path = dir.join("oneline.txt");
        let words = "the council met today and said nothing new ".repeat(1000);
        let mut file = std::io::BufWriter::new(std::fs::File::create(&path)?);
        while std::fs::metadata(&path)?.len() < 200_000_000 {
            file.write_all(words.as_bytes())?;
            file.flush()?;
        }
        drop(file);
        measure(
            &binary,
            dir,
            "one 200 MB line of words, stats",
            &["stats", "oneline.txt", "-q"],
        );
        std::fs::remove_file(&path)?;
    }

    // Persian news text mentioning "Huawei" thousands of times, one document.
    let sentence = "شرکت Huawei گوشی تازه‌ای را در بازار ایران عرضه کرد و قیمت آن را اعلام نمود. ";
    for mb in [1, 2, 4] {
        let path = dir.join(format!("fa{mb}.txt"));
        std::fs::write(&path, sentence.repeat(mb * 1_000_000 / sentence.len()))?;
        let name = format!("Persian + Huawei, one document of {mb} MB, stats");
        measure(
            &binary,
            dir,
            &name,
            &["stats", path.to_str().unwrap_or_default(), "-q"],
        );
    }

    // Short lines (yes, no, ok) in one document.
    for n in [80_000, 160_000, 320_000] {
        let path = dir.join(format!("short{n}.txt"));
        let text: String = (0..n).map(|i| ["yes\n", "no\n", "ok\n"][i % 3]).collect();
        std::fs::write(&path, text)?;
        let name = format!("{n} one-word lines in one document, stats");
        measure(
            &binary,
            dir,
            &name,
            &["stats", path.to_str().unwrap_or_default(), "-q"],
        );
    }

    // One token of 2.5, 5 and 10 MB: the full report, charts and index.html included.
    for tenths in [25, 50, 100] {
        let path = dir.join(format!("token{tenths}.txt"));
        std::fs::write(&path, "z".repeat(tenths * 100_000))?;
        let out = dir.join(format!("out{tenths}"));
        let name = format!("one token of {:.1} MB, report", tenths as f64 / 10.0);
        measure(
            &binary,
            dir,
            &name,
            &[
                "report",
                path.to_str().unwrap_or_default(),
                "-o",
                out.to_str().unwrap_or_default(),
                "-q",
            ],
        );
        if let Ok(meta) = std::fs::metadata(out.join("index.html")) {
            println!("|   index.html | | {:.1} MB | |", meta.len() as f64 / 1e6);
        }
    }

    // A rules file of 20,000 and 40,000 rules, against a report of the seeds.
    let seeds = dir.join("seeds-report");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let _ = Command::new(&binary)
        .current_dir(root)
        .args(["report", "-q", "-o"])
        .arg(&seeds)
        .status()?;
    for n in [20_000, 40_000] {
        let rules: String = (0..n)
            .map(|i| format!("[[rule]]\nname = \"r{i}\"\nmetric = \"documents\"\nmin = 1\n\n"))
            .collect();
        let path = dir.join(format!("rules{n}.toml"));
        std::fs::write(&path, rules)?;
        let summary = seeds.join("summary.json");
        measure(
            &binary,
            dir,
            &format!("check with {n} rules"),
            &[
                "check",
                "--summary",
                summary.to_str().unwrap_or_default(),
                "--rules",
                path.to_str().unwrap_or_default(),
            ],
        );
    }

    // High n-gram orders on the seeds (40 KB).
    measure(
        &binary,
        root,
        "seeds, --ngrams 1..32, stats",
        &["stats", "--ngrams", "1..32", "-q"],
    );
    measure(
        &binary,
        root,
        "seeds, --ngrams 1..100000, stats",
        &["stats", "--ngrams", "1..100000", "-q"],
    );
    measure(
        &binary,
        dir,
        "/dev/zero, stats",
        &["stats", "/dev/zero", "-q"],
    );
    Ok(())
}

/// Runs `binary args` in `dir` under the time and address-space bounds and prints a row.
/// `corpstat stats` on a compressed file, named with its compressed size.
fn measure_stats(binary: &Path, dir: &Path, what: &str, path: &Path) -> std::io::Result<()> {
    let size = std::fs::metadata(path)?.len();
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    let name = format!("{what} ({} KB .{extension}), stats", size / 1000);
    measure(
        binary,
        dir,
        &name,
        &["stats", path.to_str().unwrap_or_default(), "-q"],
    );
    Ok(())
}

fn measure(binary: &Path, dir: &Path, case: &str, args: &[&str]) {
    let mut command = Command::new(binary);
    command
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    // SAFETY: setrlimit is async-signal-safe and touches only the child.
    unsafe {
        command.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: ADDRESS_SPACE,
                rlim_max: ADDRESS_SPACE,
            };
            libc::setrlimit(libc::RLIMIT_AS, &limit);
            Ok(())
        });
    }
    let started = Instant::now();
    let Ok(child) = command.spawn() else {
        println!("| {case} | | | cannot start |");
        return;
    };
    let pid = child.id() as libc::pid_t;
    loop {
        let mut status = 0;
        // SAFETY: an all-zero rusage is valid for wait4 to fill.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: pid is our child; status and usage are valid for writes.
        let done = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if done == pid {
            let exit = if libc::WIFEXITED(status) {
                format!("{}", libc::WEXITSTATUS(status))
            } else {
                format!("signal {}", libc::WTERMSIG(status))
            };
            println!(
                "| {case} | {:.2} | {:.0} | {exit} |",
                started.elapsed().as_secs_f64(),
                usage.ru_maxrss as f64 / 1024.0
            );
            return;
        }
        if started.elapsed() > TIMEOUT {
            // SAFETY: kills our own child.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            let mut status = 0;
            // SAFETY: as above.
            let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
            unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
            println!(
                "| {case} | > {} (killed) | {:.0} | timeout |",
                TIMEOUT.as_secs(),
                usage.ru_maxrss as f64 / 1024.0
            );
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}
