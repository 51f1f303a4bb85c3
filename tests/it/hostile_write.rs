//! Hostile conditions while writing the report and reading it twice: a kill mid-write, spreadsheet formulas, an output path that is a file, huge groups and scopes.

use super::hostile::*;
use crate::util::{corpstat, read_report};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::Duration;

/// Hidden staging folders beside `out`.
fn staging_folders(parent: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("corpstat-stage-"))
        .collect()
}

/// The names in `parent`, sorted: what a run leaves beside `out`.
fn listing(parent: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Starts a report of `corpus` into `out` that pauses at `point` of the write, and
/// waits until it is there.
fn paused_report(dir: &Path, corpus: &str, point: &str) -> Child {
    let mut child = corpstat()
        .args(["report", corpus, "-o", "out", "-q"])
        .current_dir(dir)
        .env("CORPSTAT_TEST_PAUSE", point)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let mut seen = Vec::new();
    let mut byte = [0u8; 1];
    // The whole line: closing the pipe while the run still writes to it would end it.
    let line = format!("paused at {point}\n");
    while !String::from_utf8_lossy(&seen).contains(&line) {
        assert_eq!(
            stderr.read(&mut byte).unwrap(),
            1,
            "the run ended before pausing"
        );
        seen.push(byte[0]);
    }
    child
}

#[test]
fn a_kill_during_the_write_leaves_one_whole_report() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::create_dir_all(dir.join("old")).unwrap();
    std::fs::create_dir_all(dir.join("new")).unwrap();
    std::fs::write(dir.join("old/a.txt"), "the old corpus has these words").unwrap();
    std::fs::write(
        dir.join("new/a.txt"),
        "the new corpus has other words entirely",
    )
    .unwrap();
    // A lock file an older corpstat left is removed; the run leaves none.
    std::fs::write(dir.join(".out.corpstat-lock"), "").unwrap();
    let r = run_bounded(&["report", "new", "-o", "out", "-q"], dir, 60, 600.0);
    assert_eq!(r.code, Some(0));
    assert_eq!(listing(dir), ["new", "old", "out"]);
    let new_report = read_report(&dir.join("out"));
    let r = run_bounded(&["report", "old", "-o", "out", "-q"], dir, 60, 600.0);
    assert_eq!(r.code, Some(0));
    std::fs::write(dir.join("out/notes.txt"), "mine").unwrap();
    let old_report = read_report(&dir.join("out"));
    let with_notes = |report: &[(String, Vec<u8>)]| {
        let mut r = report.to_vec();
        r.push(("notes.txt".to_string(), b"mine".to_vec()));
        r.sort();
        r
    };

    // Killed with every new file staged, before the swap: the old report stands.
    let mut child = paused_report(dir, "new", "staged");
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(read_report(&dir.join("out")), old_report);
    assert_eq!(staging_folders(dir).len(), 1);
    assert_eq!(
        listing(dir).len(),
        4,
        "old, new, out and the staging folder"
    );

    // Killed after the swap, before the old report is removed: the new one stands.
    let mut child = paused_report(dir, "new", "swapped");
    assert_eq!(
        staging_folders(dir).len(),
        1,
        "the stale staging was removed"
    );
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(read_report(&dir.join("out")), with_notes(&new_report));

    // Ctrl-C (SIGINT) while staged: the staging is removed and the exit is 130.
    let mut child = paused_report(dir, "old", "staged");
    // SAFETY: sends a signal to our own child.
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
    let (code, _) = wait_bounded(&mut child, 40, "interrupted report");
    assert_eq!(code, Some(130), "the interrupted run");
    assert_eq!(read_report(&dir.join("out")), with_notes(&new_report));
    assert!(
        staging_folders(dir).is_empty(),
        "{:?}",
        staging_folders(dir)
    );
    assert_eq!(listing(dir), ["new", "old", "out"]);

    // Two runs at once: the second waits for the first's lock.
    let mut first = paused_report(dir, "old", "staged");
    let mut second = corpstat()
        .args(["report", "new", "-o", "out", "-q"])
        .current_dir(dir)
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    let early = second.try_wait().unwrap();
    assert!(
        early.is_none(),
        "the second run did not wait: {early:?}; the first: {:?}",
        first.try_wait()
    );
    first.kill().unwrap();
    first.wait().unwrap();
    let (code, _) = wait_bounded(&mut second, 60, "second report");
    assert_eq!(code, Some(0));
    assert_eq!(read_report(&dir.join("out")), with_notes(&new_report));
    assert!(staging_folders(dir).is_empty());
    assert_eq!(listing(dir), ["new", "old", "out"]);
}

/// With `--csv-formula-guard`, no CSV cell is a formula for a spreadsheet; without
/// it, the cells are exact (`@admin`, the id `=HYPERLINK(...)`), equal to JSON and
/// Parquet. `check` reads both back as the same terms.
#[test]
fn csv_cells_are_exact_and_the_formula_guard_marks_them() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("f.jsonl"),
        "{\"id\":\"=HYPERLINK(\\\"http://evil\\\")\",\"text\":\"ask @admin now. ask @admin again. ask @admin\"}\n{\"id\":\"-2+3\",\"text\":\"plain words\"}\n",
    )
    .unwrap();
    let r = run_bounded(
        &["report", "f.jsonl", "-o", "out", "-q"],
        tmp.path(),
        60,
        600.0,
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let terms = std::fs::read_to_string(tmp.path().join("out/terms.csv")).unwrap();
    assert!(terms.contains("\n1,@admin,3,"), "{terms}");
    let mut documents = csv::Reader::from_path(tmp.path().join("out/documents.csv")).unwrap();
    let ids: Vec<String> = documents
        .records()
        .map(|r| r.unwrap()[0].to_string())
        .collect();
    assert!(
        ids.contains(&"=HYPERLINK(\"http://evil\")".to_string()),
        "{ids:?}"
    );
    check_against_itself(tmp.path());

    let r = run_bounded(
        &[
            "report",
            "f.jsonl",
            "-o",
            "out",
            "-q",
            "--csv-formula-guard",
        ],
        tmp.path(),
        60,
        600.0,
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    for file in [
        "documents.csv",
        "terms.csv",
        "distinctive.csv",
        "languages.csv",
    ] {
        let text = std::fs::read_to_string(tmp.path().join("out").join(file)).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        for record in reader.records() {
            for cell in record.unwrap().iter() {
                let formula = cell.starts_with(['=', '+', '@'])
                    || (cell.starts_with('-') && cell.parse::<f64>().is_err());
                assert!(!formula, "{file}: {cell:?}");
            }
        }
    }
    let terms = std::fs::read_to_string(tmp.path().join("out/terms.csv")).unwrap();
    assert!(terms.contains("'@admin,3,"), "{terms}");
    check_against_itself(tmp.path());
}

/// `check` of f.jsonl against the report in out/: it reads the terms back as they
/// are (marked or not), so the corpus shows no drift against itself.
fn check_against_itself(dir: &Path) {
    std::fs::write(
        dir.join("r.toml"),
        "[[rule]]\nname = \"same\"\ndrift = \"new_term_share\"\nmax = 0\n",
    )
    .unwrap();
    let r = run_bounded(
        &[
            "check",
            "f.jsonl",
            "--rules",
            "r.toml",
            "--baseline",
            "out/summary.json",
        ],
        dir,
        30,
        300.0,
    );
    assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
}

#[test]
fn a_document_scope_of_many_words_is_bounded() {
    // 10,000 distinct words in one document: 50 million pairs in document scope.
    let tmp = tempfile::tempdir().unwrap();
    let words: Vec<String> = (0..10_000)
        .map(|i| {
            let mut w = String::new();
            let mut n = i;
            for _ in 0..4 {
                w.push((b'a' + (n % 26) as u8) as char);
                n /= 26;
            }
            w
        })
        .collect();
    std::fs::write(tmp.path().join("many.txt"), words.join(" ")).unwrap();
    let r = run_bounded(
        &[
            "report",
            "many.txt",
            "--cooc-scope",
            "document",
            "-o",
            "out",
            "-q",
        ],
        tmp.path(),
        30,
        800.0,
    );
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("10000 distinct words in one document: co-occurrence pairs counted among the first 4000"),
        "{}",
        r.stderr
    );
    let summary = std::fs::read_to_string(tmp.path().join("out/summary.json")).unwrap();
    let stats: serde_json::Value = serde_json::from_str(&summary).unwrap();
    assert_eq!(stats["problems_by_kind"]["cooc_capped"], 1);
}

#[test]
fn an_output_path_that_is_a_file_is_refused_and_kept() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("a.txt"), "some words here").unwrap();
    std::fs::write(tmp.path().join("notes"), "precious").unwrap();
    let r = run_bounded(
        &["report", "a.txt", "-o", "notes", "-q"],
        tmp.path(),
        30,
        300.0,
    );
    assert_eq!(r.code, Some(2));
    // One line that says what is wrong, before any counting.
    assert_eq!(
        r.stderr,
        "corpstat: notes: is a file, not a folder; -o takes the folder to write the report into (it is created if needed)\n"
    );
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("notes")).unwrap(),
        "precious"
    );
}

/// Grouping by a field of ids (3,000 groups) stays linear in the input: the run
/// ends in bounded memory, says on stderr that the grouping made many groups, and
/// keyness.csv grows with the text, not with groups × vocabulary (which made 20 GB
/// and a 1.2 GB keyness.csv for 200 groups of 20 MB).
#[test]
fn grouping_by_an_id_field_stays_linear() {
    let tmp = tempfile::tempdir().unwrap();
    let text = crate::util::seed_word_text(90_000, 3);
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut jsonl = String::new();
    for (i, chunk) in words.chunks(30).enumerate() {
        let line = serde_json::json!({"id": format!("d{i}"), "text": chunk.join(" ")});
        jsonl.push_str(&line.to_string());
        jsonl.push('\n');
    }
    std::fs::write(tmp.path().join("ids.jsonl"), &jsonl).unwrap();
    let r = run_bounded(
        &[
            "report",
            "ids.jsonl",
            "--group-by",
            "field:id",
            "-o",
            "out",
            "-q",
        ],
        tmp.path(),
        120,
        800.0,
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stderr.contains("made 3000 groups"), "{}", r.stderr);
    let keyness = std::fs::metadata(tmp.path().join("out/keyness.csv"))
        .unwrap()
        .len();
    assert!(
        keyness < 20 * jsonl.len() as u64,
        "keyness.csv of {keyness} bytes for {} bytes of input",
        jsonl.len()
    );
}

/// The second reading keeps the memory bound of the first: 32 MB of one repeated
/// Arabic word (a 4 MB line per part) under `--memory-limit 100M`, with every line of
/// it in concordance.csv (`--kwic`, 6.5 million lines), and `kwic --top 10` on it,
/// stay far under what the lines would take in memory (the report peaked at 3.78 GB
/// on 256 MB of the same).
#[test]
fn the_second_reading_of_a_bomb_stays_bounded() {
    let tmp = tempfile::tempdir().unwrap();
    let word = "كتاب ".as_bytes();
    let chunk: Vec<u8> = word.repeat((1 << 20) / word.len());
    gzip(
        &tmp.path().join("bomb.txt.gz"),
        (0..32).map(|_| chunk.clone()),
    );
    let r = run_bounded(
        &[
            "report",
            "bomb.txt.gz",
            "-o",
            "out",
            "-q",
            "--threads",
            "1",
            "--memory-limit",
            "100M",
            "--kwic",
            "كتاب",
            "--allow-partial",
        ],
        tmp.path(),
        120,
        300.0,
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let csv = std::fs::File::open(tmp.path().join("out/concordance.csv")).unwrap();
    let lines = std::io::BufRead::lines(std::io::BufReader::new(csv)).count();
    assert_eq!(
        lines,
        1 + 32 * ((1 << 20) / word.len()),
        "a line per occurrence"
    );
    let r = run_bounded(
        &["kwic", "كتاب", "bomb.txt.gz", "--top", "10"],
        tmp.path(),
        60,
        300.0,
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), 11);
}
