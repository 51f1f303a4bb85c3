//! The bad-input matrix: each bad file beside one good file, through the real binary.
//! In every case: no panic, the good file still counted, one stderr line naming the file
//! and the problem, the problem in summary.json, and exit code 2 (0 with --allow-partial)
//! when anything was skipped or partly read.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Output;

pub(crate) const GOOD: &str = "الأمن الدولي مهم للجميع. The council met today.";

pub(crate) struct Run {
    pub(crate) output: Output,
    pub(crate) summary: serde_json::Value,
    pub(crate) documents: Vec<String>,
}

impl Run {
    pub(crate) fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }

    pub(crate) fn problems(&self) -> Vec<(String, String)> {
        self.summary["problems"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["source"].as_str().unwrap().to_string(),
                    p["kind"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    }

    pub(crate) fn assert_good_counted(&self) {
        assert!(
            self.documents.iter().any(|d| d == "good.txt"),
            "{:?}",
            self.documents
        );
    }

    /// One problem, of `kind`, for a file whose name ends in `name`, named on stderr.
    pub(crate) fn assert_one_problem(&self, name: &str, kind: &str) {
        let problems = self.problems();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].0.ends_with(name) && problems[0].1 == kind,
            "{problems:?}"
        );
        let lines: Vec<String> = self
            .stderr()
            .lines()
            .filter(|l| !l.contains("input problem(s); exiting with 2"))
            .map(str::to_string)
            .collect();
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(lines[0].contains(name), "{lines:?}");
        assert_eq!(self.output.status.code(), Some(2));
    }
}

pub(crate) fn corpus() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("good.txt"), GOOD).unwrap();
    (tmp, dir)
}

pub(crate) fn report(dir: &Path, extra: &[&str]) -> Run {
    let out = dir.parent().unwrap().join("report");
    let mut args = vec![
        "report",
        "-q",
        dir.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let output = crate::util::corpstat().args(&args).output().unwrap();
    assert_ne!(
        output.status.code(),
        Some(101),
        "panic: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let summary = serde_json::from_str(
        &std::fs::read_to_string(out.join("summary.json")).unwrap_or_else(|e| {
            panic!(
                "no summary ({e}): {}",
                String::from_utf8_lossy(&output.stderr)
            )
        }),
    )
    .unwrap();
    let documents = std::fs::read_to_string(out.join("documents.csv"))
        .unwrap()
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap().to_string())
        .collect();
    Run {
        output,
        summary,
        documents,
    }
}

/// Text that does not compress to nothing, so that half of it is a real truncation.
pub(crate) fn varied_text() -> String {
    (0..20_000)
        .map(|i| format!("كلمة{i} word{} ", i * 7919 % 10007))
        .collect()
}

#[test]
fn invalid_utf8_in_the_middle_is_replaced_and_counted() {
    let (_tmp, dir) = corpus();
    let mut bytes = "سلام دنیا ".as_bytes().to_vec();
    bytes.extend_from_slice(b"\xFF\xFE\xC3");
    bytes.extend_from_slice(" ادامه متن".as_bytes());
    std::fs::write(dir.join("broken.txt"), bytes).unwrap();
    let run = report(&dir, &[]);
    run.assert_good_counted();
    run.assert_one_problem("broken.txt", "invalid_utf8");
    assert!(
        run.stderr().contains("3 bytes of invalid UTF-8 replaced"),
        "{}",
        run.stderr()
    );
    assert!(
        run.documents.contains(&"broken.txt".to_string()),
        "the rest of the text is used"
    );
    assert_eq!(
        run.summary["tokens"],
        8 + 2 + 2,
        "the good file, then 2 words on each side of the bad bytes"
    );
    let partial = report(&dir, &["--allow-partial"]);
    assert_eq!(partial.output.status.code(), Some(0));
}

#[test]
fn boms_and_utf16_are_decoded_without_problems() {
    let (_tmp, dir) = corpus();
    let text = "سلام دنیا";
    let mut utf8 = b"\xEF\xBB\xBF".to_vec();
    utf8.extend_from_slice(text.as_bytes());
    std::fs::write(dir.join("bom8.txt"), utf8).unwrap();
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(dir.join("le16.txt"), le).unwrap();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    std::fs::write(dir.join("be16.txt"), be).unwrap();
    let run = report(&dir, &[]);
    assert_eq!(run.output.status.code(), Some(0), "{}", run.stderr());
    assert!(run.problems().is_empty());
    assert_eq!(run.summary["documents"], 4);
    // Each decodes to the same two words: سلام and دنیا, three times, plus the good file.
    let terms = std::fs::read_to_string(dir.parent().unwrap().join("report/terms.csv")).unwrap();
    assert!(terms.contains("سلام,3,3,"), "{terms}");
}

/// Binary as ripgrep and git decide it: a NUL among the first 8 KiB (a PNG
/// header), or NULs over 1% of the bytes (UTF-16 without a BOM). `--text` reads
/// both as text, their NULs dropped and counted.
#[test]
fn binary_files_are_skipped() {
    let (_tmp, dir) = corpus();
    std::fs::write(dir.join("image.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let utf16: Vec<u8> = "late words "
        .repeat(2_000)
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let mut dense = vec![b'x'; 9_000];
    dense.push(b' ');
    dense.extend(utf16);
    std::fs::write(dir.join("dense.bin"), dense).unwrap();
    let run = report(&dir, &[]);
    run.assert_good_counted();
    assert_eq!(run.summary["documents"], 1);
    let kinds: Vec<String> = run.problems().into_iter().map(|p| p.1).collect();
    assert_eq!(kinds, ["binary", "binary"]);
    assert_eq!(run.output.status.code(), Some(2));
    assert!(
        run.stderr().contains("--text reads it as text"),
        "{}",
        run.stderr()
    );

    let run = report(&dir, &["--text"]);
    assert_eq!(run.summary["documents"], 3);
    let mut kinds: Vec<String> = run.problems().into_iter().map(|p| p.1).collect();
    kinds.sort();
    // The PNG's 0x89 is not UTF-8 either.
    assert_eq!(kinds, ["invalid_utf8", "nul_bytes", "nul_bytes"]);
}

/// A few stray NUL bytes in a text file (17 in a news file beyond its first 8 KiB)
/// no longer drop the whole file as binary: the NULs are dropped and counted, every
/// word is counted, from a file and from standard input alike.
#[test]
fn stray_nul_bytes_are_dropped_not_the_file() {
    let (_tmp, dir) = corpus();
    let clean = "The council met today and the minister spoke. ".repeat(400);
    let mut bytes = clean.clone().into_bytes();
    for i in 0..17 {
        // Between two words, past the first 8 KiB.
        let at = 9_000 + i * 500;
        let at = at + bytes[at..].iter().position(|&b| b == b' ').unwrap();
        bytes.insert(at, 0);
    }
    std::fs::write(dir.join("news.txt"), &bytes).unwrap();
    let run = report(&dir, &[]);
    run.assert_good_counted();
    run.assert_one_problem("news.txt", "nul_bytes");
    assert!(
        run.stderr().contains("17 NUL byte(s) dropped"),
        "{}",
        run.stderr()
    );
    assert_eq!(run.summary["documents"], 2);
    assert_eq!(run.summary["problems_by_kind"]["nul_bytes"], 1);

    let text = String::from_utf8(bytes).unwrap();
    let piped = crate::util::run_with_input(&["stats", "--format", "json"], &text);
    let stats: serde_json::Value = serde_json::from_slice(&piped.stdout).unwrap();
    let words = clean.split_whitespace().count() as u64;
    assert_eq!(stats["documents"], 1);
    assert_eq!(stats["tokens"].as_u64(), Some(words));
    assert_eq!(stats["problems_by_kind"]["nul_bytes"], 1);
    assert_eq!(piped.status.code(), Some(2));
}

#[test]
fn empty_and_punctuation_only_files_are_documents_without_tokens() {
    let (_tmp, dir) = corpus();
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(dir.join("blank.txt"), "  \n\t \n").unwrap();
    std::fs::write(dir.join("punct.txt"), "... ،؛؟ !!! ---").unwrap();
    let run = report(&dir, &[]);
    assert_eq!(run.output.status.code(), Some(0), "{}", run.stderr());
    assert!(run.problems().is_empty());
    assert_eq!(run.summary["documents"], 4);
    let rows = std::fs::read_to_string(dir.parent().unwrap().join("report/documents.csv")).unwrap();
    assert!(
        rows.lines()
            .any(|l| l.starts_with("empty.txt,0,0,0,0,und,")),
        "{rows}"
    );
    assert!(
        rows.lines()
            .any(|l| l.starts_with("punct.txt,") && l.contains(",0,0,0,und,")),
        "{rows}"
    );
}

#[test]
fn one_long_line_without_a_newline() {
    let (_tmp, dir) = corpus();
    // 20 MB in one line, no sentence end: linear stages only, so it finishes promptly.
    let chunk = "الأمن الدولي مهم و ";
    let line = chunk.repeat(20_000_000 / chunk.len());
    std::fs::write(dir.join("long.txt"), &line).unwrap();
    let run = report(&dir, &[]);
    assert_eq!(run.output.status.code(), Some(0), "{}", run.stderr());
    assert_eq!(
        run.summary["tokens"].as_u64().unwrap(),
        4 * (20_000_000 / chunk.len()) as u64 + 8
    );
}

#[test]
fn crlf_and_lone_cr_give_the_tables_of_lf() {
    let text = "سطر اول\nسطر دوم. پایان\n\nپاراگراف جدید\n";
    let mut tables = Vec::new();
    for (name, content) in [
        ("lf", text.to_string()),
        ("crlf", text.replace('\n', "\r\n")),
        ("cr", text.replace('\n', "\r")),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("corpus");
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(dir.join("doc.txt"), content).unwrap();
        let run = report(&dir, &[]);
        assert_eq!(run.output.status.code(), Some(0), "{name}");
        let out = tmp.path().join("report");
        let files: Vec<String> = [
            "documents.csv",
            "terms.csv",
            "ngrams.csv",
            "languages.csv",
            "summary.json",
        ]
        .iter()
        .map(|f| std::fs::read_to_string(out.join(f)).unwrap())
        .collect();
        tables.push(files);
    }
    assert_eq!(tables[0], tables[1]);
    assert_eq!(tables[0], tables[2]);
}

#[test]
fn unreadable_entries_are_recorded_and_the_rest_processed() {
    let (_tmp, dir) = corpus();
    // A link to nowhere: the walk finds it, but it cannot be read (as a file that vanished).
    std::os::unix::fs::symlink(dir.join("gone.txt"), dir.join("vanished.txt")).unwrap();
    let run = report(&dir, &["--follow"]);
    run.assert_good_counted();
    run.assert_one_problem("vanished.txt", "unreadable");
}

#[test]
fn malformed_jsonl_lines_are_skipped_with_their_line() {
    let (_tmp, dir) = corpus();
    std::fs::write(
        dir.join("docs.jsonl"),
        "{\"id\": \"a\", \"text\": \"متن اول\"}\n{broken\n{\"id\": \"c\", \"text\": \"متن سوم\"}\n",
    )
    .unwrap();
    let run = report(&dir, &[]);
    run.assert_good_counted();
    run.assert_one_problem("docs.jsonl", "malformed_json");
    assert!(
        run.stderr().contains("docs.jsonl:2: not JSON"),
        "{}",
        run.stderr()
    );
    assert!(run.documents.contains(&"a".to_string()) && run.documents.contains(&"c".to_string()));
}

/// A quoted field that never closes swallows every record after it: that record is
/// a problem naming the line where the quote opened, never a document holding the
/// rest of the file (with exit 0, as it was). Quotes that close, doubled quotes and
/// a literal quote inside an unquoted field are no problem.
#[test]
fn an_unterminated_csv_quote_is_a_problem_naming_its_line() {
    let (_tmp, dir) = corpus();
    std::fs::write(
        dir.join("open.csv"),
        "id,text\nr1,\"a \"\"quoted\"\" word, fine\"\nr2,a 5\" screen\nr3,\"open\nr4,ok\nr5,also swallowed\n",
    )
    .unwrap();
    let run = report(&dir, &["--text-column", "text", "--id-column", "id"]);
    run.assert_good_counted();
    run.assert_one_problem("open.csv", "csv");
    assert!(
        run.stderr()
            .contains("open.csv:4: the quoted field opened on line 4 never closes"),
        "{}",
        run.stderr()
    );
    for id in ["r1", "r2"] {
        assert!(
            run.documents.contains(&id.to_string()),
            "{:?}",
            run.documents
        );
    }
    assert_eq!(run.summary["documents"], 3, "good.txt, r1 and r2");
}

#[test]
fn ragged_csv_rows_are_skipped_with_their_line() {
    let (_tmp, dir) = corpus();
    std::fs::write(
        dir.join("rows.csv"),
        "id,text\nr1,\"متن، با ویرگول\"\nr2,one,too many\nr3,\"سطر\nدوم\"\n",
    )
    .unwrap();
    let run = report(&dir, &["--text-column", "text", "--id-column", "id"]);
    run.assert_good_counted();
    run.assert_one_problem("rows.csv", "csv");
    assert!(
        run.stderr().contains("rows.csv:3: record has 3 fields"),
        "{}",
        run.stderr()
    );
    assert!(run.documents.contains(&"r1".to_string()) && run.documents.contains(&"r3".to_string()));
}

#[test]
fn truncated_and_corrupt_compressed_files_keep_what_was_decoded() {
    let (_tmp, dir) = corpus();
    let text = varied_text();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(text.as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    std::fs::write(dir.join("cut.txt.gz"), &gz[..gz.len() / 2]).unwrap();
    let zst = zstd::encode_all(text.as_bytes(), 3).unwrap();
    std::fs::write(dir.join("cut.txt.zst"), &zst[..zst.len() / 2]).unwrap();
    let lines: String = (0..2000)
        .map(|i| format!("{{\"id\": \"l{i}\", \"text\": \"word{i} كلمة{i}\"}}\n"))
        .collect();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(lines.as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    std::fs::write(dir.join("cut.jsonl.gz"), &gz[..gz.len() / 2]).unwrap();
    let run = report(&dir, &[]);
    run.assert_good_counted();
    let problems = run.problems();
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems.iter().all(|p| p.1 == "decompress"), "{problems:?}");
    // What was decoded before the cut is counted: part of each file, not nothing, not all.
    let full_tokens = 2 * 20_000;
    let kept = run.summary["tokens"].as_u64().unwrap();
    assert!(
        kept > 9 + 1000 && kept < 9 + 2 * full_tokens + 4000,
        "{kept}"
    );
    assert!(
        run.documents.iter().any(|d| d == "cut.txt.gz") && run.documents.iter().any(|d| d == "l0")
    );
}
