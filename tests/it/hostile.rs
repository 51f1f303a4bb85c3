//! Hostile input and faults, through the real binary, each run under a time and a
//! memory bound: links out of the corpus, special files, decompression bombs, huge
//! lines and tokens, inputs that once took quadratic time, group names that break
//! file names, rules files built to hurt, and kills during the write phase.
//!
//! The bounds are far above what a correct run needs (seconds and tens of MB) and
//! far below what the old failures took (minutes, gigabytes): a test fails on a
//! regression of kind, not on a slow machine.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::util::corpstat;

/// What a bounded run gave.
pub(crate) struct Run {
    pub(crate) code: Option<i32>,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
    /// Peak resident memory of the process, in MB (NaN when it ended too soon to
    /// be read).
    pub(crate) peak_mb: f64,
}

/// Waits for `child` at most `seconds`, then kills it and fails; returns its exit code
/// and peak memory (its VmHWM, read while it runs; NaN when it ended before the
/// first read).
pub(crate) fn wait_bounded(child: &mut Child, seconds: u64, what: &str) -> (Option<i32>, f64) {
    let pid = child.id() as libc::pid_t;
    let started = Instant::now();
    // The child's own high-water mark, read while it runs: wait4's ru_maxrss would
    // also count the memory of this test process at the moment it spawned the child
    // (Linux carries the parent's high-water mark across exec), and tests running
    // beside this one make that vary from run to run.
    let mut high_water_kb: Option<u64> = None;
    loop {
        if let Some(kb) = vm_hwm_kb(pid) {
            high_water_kb = Some(high_water_kb.map_or(kb, |h| h.max(kb)));
        }
        let mut status = 0;
        // SAFETY: pid is our child; status is valid for writes.
        let done = unsafe { libc::waitpid(pid, &mut status, libc::WNOHANG) };
        if done == pid {
            let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
            // A child that ended before its high-water mark could be read has no
            // measure of its own (ru_maxrss would count this process's, see above):
            // its peak is unknown (NaN) and not checked. A child that runs long
            // enough to matter is read.
            let mb = high_water_kb.map_or(f64::NAN, |kb| kb as f64 / 1024.0);
            return (code, mb);
        }
        if started.elapsed() > Duration::from_secs(seconds) {
            let _ = child.kill();
            panic!("{what}: still running after {seconds} s");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// VmHWM of a running process, in KB.
pub(crate) fn vm_hwm_kb(pid: libc::pid_t) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Runs corpstat with `args` (and `stdin`), within `seconds` and `max_mb` of memory.
pub(crate) fn run_bounded(args: &[&str], dir: &Path, seconds: u64, max_mb: f64) -> Run {
    let mut child = corpstat()
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("corpstat starts");
    let mut stdout = child.stdout.take().expect("piped");
    let mut stderr = child.stderr.take().expect("piped");
    let out = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stdout.read_to_end(&mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stderr.read_to_end(&mut s);
        s
    });
    let what = format!("corpstat {}", args.join(" "));
    let (code, peak_mb) = wait_bounded(&mut child, seconds, &what);
    let run = Run {
        code,
        stdout: String::from_utf8_lossy(&out.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&err.join().unwrap()).into_owned(),
        peak_mb,
    };
    assert!(
        run.peak_mb.is_nan() || run.peak_mb <= max_mb,
        "{what}: peak memory {:.0} MB, bound {max_mb} MB",
        run.peak_mb
    );
    assert!(
        !run.stderr.contains("panicked"),
        "{what} panicked: {}",
        run.stderr
    );
    run
}

/// `corpstat check` of `dir/out/summary.json` against `rules`, within 20 s and 600 MB.
pub(crate) fn check_summary(dir: &Path, rules: &str, extra: &[&str]) -> Run {
    let mut args = vec!["check", "--summary", "out/summary.json", "--rules", rules];
    args.extend_from_slice(extra);
    run_bounded(&args, dir, 20, 600.0)
}

pub(crate) fn summary(dir: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("summary.json")).unwrap()).unwrap()
}

pub(crate) fn gzip(path: &Path, chunks: impl Iterator<Item = Vec<u8>>) {
    let file = std::fs::File::create(path).unwrap();
    let mut gz = flate2::write::GzEncoder::new(file, flate2::Compression::fast());
    for chunk in chunks {
        gz.write_all(&chunk).unwrap();
    }
    gz.finish().unwrap();
}

#[test]
fn links_out_of_the_corpus_are_not_followed_unless_asked() {
    let tmp = tempfile::tempdir().unwrap();
    let outside = tmp.path().join("outside");
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(outside.join("secret.txt"), "zanzibarsecret text").unwrap();
    std::fs::write(corpus.join("a.txt"), "ordinary words here").unwrap();
    std::os::unix::fs::symlink(&outside, corpus.join("dirlink")).unwrap();
    std::os::unix::fs::symlink(outside.join("secret.txt"), corpus.join("filelink")).unwrap();
    // A loop: followed with --follow, it must end.
    std::os::unix::fs::symlink(&corpus, corpus.join("loop")).unwrap();

    let r = run_bounded(
        &["terms", "corpus", "--format", "csv"],
        tmp.path(),
        30,
        300.0,
    );
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stdout.contains("ordinary"), "{}", r.stdout);
    assert!(!r.stdout.contains("zanzibarsecret"), "{}", r.stdout);
    for link in ["dirlink", "filelink", "loop"] {
        assert!(
            r.stderr.contains(&format!("{link}: symbolic link to"))
                && r.stderr.contains("--follow"),
            "{}",
            r.stderr
        );
    }

    let r = run_bounded(
        &["terms", "corpus", "--follow", "--format", "csv"],
        tmp.path(),
        30,
        300.0,
    );
    assert!(r.stdout.contains("zanzibarsecret"), "{}", r.stdout);
    assert!(r.stderr.contains("already visited"), "{}", r.stderr);
    assert_eq!(r.code, Some(2), "the loop is a problem: {}", r.stderr);

    // A link named on the command line is what the user asked for.
    let r = run_bounded(
        &["terms", "corpus/dirlink", "--format", "csv"],
        tmp.path(),
        30,
        300.0,
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stdout.contains("zanzibarsecret"));
}

#[test]
fn fifos_and_devices_are_skipped_not_read() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("a.txt"), "some words").unwrap();
    let fifo = std::ffi::CString::new(corpus.join("pipe").to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    let r = run_bounded(
        &["terms", "corpus", "--format", "csv"],
        tmp.path(),
        20,
        300.0,
    );
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr
            .contains("pipe: a FIFO, not a regular file; skipped"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.contains("words"));

    let r = run_bounded(&["terms", "/dev/zero"], tmp.path(), 20, 300.0);
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("/dev/zero: a device"), "{}", r.stderr);
}

#[test]
fn a_compressed_bomb_is_read_in_bounded_memory() {
    // 96 MB of one word in one text file, 0.4 MB compressed: three parts of 32 MiB.
    let tmp = tempfile::tempdir().unwrap();
    let line = "bomb ".repeat(200).into_bytes();
    gzip(
        &tmp.path().join("bomb.txt.gz"),
        (0..96_000).map(|_| line.clone()),
    );
    let r = run_bounded(
        &["stats", "bomb.txt.gz", "--format", "json", "--threads", "2"],
        tmp.path(),
        120,
        700.0,
    );
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stderr.contains("split into parts"), "{}", r.stderr);
    let stats: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(stats["tokens"], 96_000 * 200, "{stats}");
    assert_eq!(stats["documents"], 3);

    // With --memory-limit the parts are smaller, and the peak with them.
    let r = run_bounded(
        &[
            "stats",
            "bomb.txt.gz",
            "--memory-limit",
            "100M",
            "--format",
            "json",
        ],
        tmp.path(),
        120,
        250.0,
    );
    let stats: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(stats["tokens"], 96_000 * 200, "{stats}");

    // --max-input-bytes stops reading there, with a problem.
    let r = run_bounded(
        &[
            "stats",
            "bomb.txt.gz",
            "--max-input-bytes",
            "1M",
            "--format",
            "json",
        ],
        tmp.path(),
        30,
        200.0,
    );
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr.contains("input cap of 1048576 bytes"),
        "{}",
        r.stderr
    );
    let stats: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(stats["tokens"], (1 << 20) / 5 + 1, "{stats}");
}

#[test]
fn huge_lines_and_records_are_split_or_skipped() {
    let tmp = tempfile::tempdir().unwrap();
    // A JSONL line of 6 MB (over 4 x 1 MiB: skipped), then a good one.
    let huge = format!("{{\"text\":\"{}\"}}\n", "x".repeat(6 << 20));
    let mut jsonl = huge.into_bytes();
    jsonl.extend_from_slice(b"{\"text\":\"after the huge line\"}\n");
    // A line of 3 MB of words: kept, split into parts.
    let long = format!(
        "{{\"id\":\"long\",\"text\":\"{}\"}}\n",
        "word ".repeat(600_000)
    );
    jsonl.extend_from_slice(long.as_bytes());
    std::fs::write(tmp.path().join("a.jsonl"), jsonl).unwrap();
    // A CSV field of 6 MB: the rest of the file is skipped with a problem.
    let csv = format!(
        "id,text\n1,hello there\n2,\"{}\"\n3,never\n",
        "y".repeat(6 << 20)
    );
    std::fs::write(tmp.path().join("b.csv"), csv).unwrap();
    let r = run_bounded(
        &[
            "langs",
            "a.jsonl",
            "b.csv",
            "--text-column",
            "text",
            "--max-document-bytes",
            "1M",
            "--format",
            "csv",
        ],
        tmp.path(),
        60,
        300.0,
    );
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stderr.contains("a.jsonl:1: line of"), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("a.jsonl:3: text longer than 1048576 bytes"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("b.csv"), "{}", r.stderr);
    assert!(r.stderr.contains("a record longer than"), "{}", r.stderr);
    for id in ["a.jsonl:2", "long#1", "long#2", "long#3", "b.csv:2"] {
        assert!(r.stdout.contains(id), "{id} missing: {}", r.stdout);
    }
    assert!(!r.stdout.contains("b.csv:4"), "{}", r.stdout);
}

#[test]
fn long_documents_and_huge_tokens_finish_within_bounds() {
    let tmp = tempfile::tempdir().unwrap();
    // Persian text mentioning a Latin name thousands of times: byte 8 after each 'H'
    // falls inside a Persian letter (once 46 s at 4 MB).
    let sentence = "شرکت Huawei گوشی تازه‌ای را در بازار ایران عرضه کرد و قیمت آن را اعلام نمود. ";
    let persian = sentence.repeat(4_000_000 / sentence.len());
    std::fs::write(tmp.path().join("fa.txt"), &persian).unwrap();
    // 80,000 one-word lines: every sentence weak (once 17 s).
    let short: String = (0..80_000)
        .map(|i| ["yes\n", "no\n", "ok\n"][i % 3])
        .collect();
    std::fs::write(tmp.path().join("short.txt"), short).unwrap();
    // One token of 10 MB: charts and index.html must not draw or print all of it.
    std::fs::write(tmp.path().join("token.txt"), "z".repeat(10 << 20)).unwrap();
    for file in ["fa.txt", "short.txt"] {
        let r = run_bounded(&["stats", file, "--format", "json"], tmp.path(), 30, 600.0);
        assert_eq!(r.code, Some(0), "{file}: {}", r.stderr);
    }
    let r = run_bounded(
        &["report", "token.txt", "-o", "out", "-q"],
        tmp.path(),
        30,
        600.0,
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    // Beyond the embedded font (about 330 KB), the page stays small: cells are cut.
    let index = std::fs::read_to_string(tmp.path().join("out/index.html")).unwrap();
    let without_font: usize = index
        .lines()
        .filter(|l| !l.starts_with("@font-face"))
        .map(str::len)
        .sum();
    assert!(
        without_font < 200_000,
        "index.html is {without_font} bytes beside its font"
    );
}
