//! Bad input, continued: links, tiny files, control characters, names that are not UTF-8, other formats and encodings.

use super::bad_input::*;

#[test]
fn a_symlink_loop_is_reported_once() {
    let (_tmp, dir) = corpus();
    std::fs::create_dir(dir.join("sub")).unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("sub/loop")).unwrap();
    // Links are not followed by default: the link is named, not entered.
    let run = report(&dir, &[]);
    run.assert_good_counted();
    run.assert_one_problem("loop", "symlink");
    // With --follow the loop is entered once and found.
    let run = report(&dir, &["--follow"]);
    run.assert_good_counted();
    run.assert_one_problem("loop", "symlink_loop");
    assert_eq!(run.summary["documents"], 1);
}

#[test]
fn many_tiny_files_equal_one_jsonl() {
    let tmp = tempfile::tempdir().unwrap();
    let files = tmp.path().join("files");
    std::fs::create_dir(&files).unwrap();
    let mut jsonl = String::new();
    for i in 0..1_000 {
        let name = format!("{i:06}.txt");
        let text = format!("سند {} doc {}", i % 97, i % 13);
        std::fs::write(files.join(&name), &text).unwrap();
        jsonl.push_str(&serde_json::json!({"id": name, "text": text}).to_string());
        jsonl.push('\n');
    }
    let one = tmp.path().join("one");
    std::fs::create_dir(&one).unwrap();
    std::fs::write(one.join("all.jsonl"), jsonl).unwrap();
    let a = report(&files, &[]);
    let b = report(&one, &[]);
    assert_eq!(a.output.status.code(), Some(0), "{}", a.stderr());
    assert_eq!(a.summary["documents"], 1_000);
    assert_eq!(a.summary, b.summary);
}

#[test]
fn control_characters_surrogates_and_stacked_marks() {
    let (_tmp, dir) = corpus();
    std::fs::write(dir.join("control.txt"), "a\u{1}b\u{7}c\u{1b}[31m سلام\u{8}").unwrap();
    let marks = format!("ب{}", "\u{0651}\u{064E}".repeat(5_000));
    std::fs::write(dir.join("marks.txt"), marks).unwrap();
    std::fs::write(
        dir.join("surrogate.jsonl"),
        "{\"id\": \"s1\", \"text\": \"lone \\ud800 surrogate\"}\n{\"id\": \"s2\", \"text\": \"fine \\ud83d\\ude00\"}\n",
    )
    .unwrap();
    let run = report(&dir, &[]);
    run.assert_good_counted();
    // The lone surrogate is not valid JSON text: that line is skipped, the next one read.
    run.assert_one_problem("surrogate.jsonl", "malformed_json");
    for id in ["control.txt", "marks.txt", "s2"] {
        assert!(run.documents.contains(&id.to_string()), "{id}");
    }
}

/// Two file names that are not UTF-8 and differ only in those bytes keep two ids
/// (`a\xFF.txt`, `a\xFE.txt`, as ripgrep and `ls -b` show them), and each document is
/// found again from its id when the report reads the text a second time (--kwic).
#[test]
fn names_that_are_not_utf8_keep_distinct_ids() {
    use std::os::unix::ffi::OsStrExt;
    let (_tmp, dir) = corpus();
    for (byte, text) in [
        (0xFFu8, "alpha shared words"),
        (0xFEu8, "beta shared words"),
    ] {
        let bytes = [b'a', byte, b'.', b't', b'x', b't'];
        std::fs::write(dir.join(std::ffi::OsStr::from_bytes(&bytes)), text).unwrap();
    }
    let run = report(&dir, &["--kwic", "shared"]);
    assert_eq!(run.output.status.code(), Some(0), "{}", run.stderr());
    let mut ids = run.documents.clone();
    ids.sort();
    assert_eq!(ids, ["a\\xFE.txt", "a\\xFF.txt", "good.txt"]);
    let out = dir.parent().unwrap().join("report");
    let mut lines = csv::Reader::from_path(out.join("concordance.csv")).unwrap();
    let headers = lines.headers().unwrap().clone();
    let at = headers.iter().position(|h| h == "document").unwrap();
    let mut found: Vec<String> = lines
        .records()
        .map(|r| r.unwrap()[at].to_string())
        .collect();
    found.sort();
    assert_eq!(found, ["a\\xFE.txt", "a\\xFF.txt"]);
}

/// With --follow, a link that leads out of the folder given is followed, as
/// `rg -L` does, and said: a notice on stderr and in summary.json's `notices`
/// (kind, path, target), which changes nothing of the exit code; a link inside
/// the folder is no notice. Partials carry the notices to the merge.
#[test]
fn links_followed_out_of_the_folder_are_noticed() {
    let (tmp, dir) = corpus();
    let outside = tmp.path().join("outside.txt");
    std::fs::write(&outside, "words from elsewhere").unwrap();
    std::os::unix::fs::symlink(&outside, dir.join("away.txt")).unwrap();
    std::os::unix::fs::symlink(dir.join("good.txt"), dir.join("near.txt")).unwrap();
    let run = report(&dir, &["--follow"]);
    assert_eq!(run.output.status.code(), Some(0), "{}", run.stderr());
    assert_eq!(run.summary["documents"], 3);
    let notices = run.summary["notices"].as_array().expect("a notices list");
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(notices[0]["kind"], "link_outside_input");
    assert!(notices[0]["path"]
        .as_str()
        .unwrap()
        .ends_with("corpus/away.txt"));
    assert_eq!(
        notices[0]["target"].as_str().unwrap(),
        outside.canonicalize().unwrap().to_str().unwrap()
    );
    let stderr = run.stderr();
    assert!(
        stderr.contains("notice: ") && stderr.contains("away.txt: a symbolic link to"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("notice: ").count(), 1, "{stderr}");

    // The same shard as a partial, merged: the notice travels.
    let p = tmp.path().join("p0");
    let out = tmp.path().join("merged");
    let args = [
        "partial",
        dir.to_str().unwrap(),
        "-o",
        p.to_str().unwrap(),
        "--follow",
        "-q",
    ];
    assert!(crate::util::run(&args).status.success());
    let merged = crate::util::run(&[
        "merge",
        p.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "-q",
    ]);
    assert!(merged.status.success(), "{}", crate::util::stderr(&merged));
    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary["notices"], run.summary["notices"]);
}

/// `--input-format lines`: one document per non-blank line, ids `FILE:LINE`, from a
/// file and from standard input; a line with invalid UTF-8 is a document with a
/// problem naming its line.
#[test]
fn lines_format_gives_one_document_per_line() {
    let (_tmp, dir) = corpus();
    std::fs::remove_file(dir.join("good.txt")).unwrap();
    std::fs::write(
        dir.join("tweets.txt"),
        b"first post here\n\n  \nsecond post \xff here\r\nthird post\n".as_slice(),
    )
    .unwrap();
    let run = report(&dir, &["--input-format", "lines"]);
    let mut ids = run.documents.clone();
    ids.sort();
    assert_eq!(ids, ["tweets.txt:1", "tweets.txt:4", "tweets.txt:5"]);
    run.assert_one_problem("tweets.txt", "invalid_utf8");
    assert!(
        run.stderr()
            .contains("tweets.txt:4: 1 bytes of invalid UTF-8"),
        "{}",
        run.stderr()
    );

    let piped = crate::util::run_with_input(
        &["stats", "--input-format", "lines", "--format", "json"],
        "one\ntwo words\n\nthree more words\n",
    );
    let stats: serde_json::Value = serde_json::from_slice(&piped.stdout).unwrap();
    assert_eq!(stats["documents"], 3);
    assert_eq!(stats["tokens"], 6);
}

/// A listing threshold that leaves a table empty is said on stderr: `ngrams -n 3`
/// of a short text printed only a header.
#[test]
fn an_empty_listing_says_which_threshold_emptied_it() {
    let out = crate::util::run_with_input(&["ngrams", "-n", "3"], "one two three four");
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).lines().count(),
        1,
        "the header"
    );
    let err = crate::util::stderr(&out);
    assert!(
        err.contains("no 3-gram is seen 2 times or more (--ngram-min-count 2)"),
        "{err}"
    );
    let out = crate::util::run_with_input(
        &["ngrams", "-n", "3", "--ngram-min-count", "1"],
        "one two three four",
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 3);
    assert!(!crate::util::stderr(&out).contains("no 3-gram"));
}

/// `--encoding windows-1256` reads a legacy Arabic-script file that UTF-8 cannot
/// (which gets invalid_utf8 and no word); an unknown label is refused.
#[test]
fn legacy_encodings_are_read_with_encoding() {
    let (_tmp, dir) = corpus();
    std::fs::remove_file(dir.join("good.txt")).unwrap();
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode("سلام عليكم، سلام");
    assert!(!unmappable);
    std::fs::write(dir.join("old.txt"), &bytes).unwrap();
    let run = report(&dir, &[]);
    let kinds: Vec<String> = run.problems().into_iter().map(|p| p.1).collect();
    assert_eq!(kinds, ["invalid_utf8"]);
    assert_eq!(run.summary["tokens"], 0);
    let run = report(&dir, &["--encoding", "windows-1256"]);
    assert_eq!(run.output.status.code(), Some(0), "{}", run.stderr());
    assert_eq!(run.summary["tokens"], 3);
    assert_eq!(run.summary["options"]["input"]["encoding"], "windows-1256");
    let terms = std::fs::read_to_string(dir.parent().unwrap().join("report/terms.csv")).unwrap();
    assert!(terms.contains(",سلام,2,"), "{terms}");
    assert!(terms.contains(",عليكم,1,"), "{terms}");

    let out = crate::util::run(&["stats", "--encoding", "klingon"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(crate::util::stderr(&out).contains("not an encoding label"));
}
