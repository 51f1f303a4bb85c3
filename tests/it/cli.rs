//! The real binary, run in temporary folders.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Output;

use crate::util::{read_report, run, run_with_input, seeds, stderr, stdout};

pub(crate) fn report_into(dir: &Path, extra: &[&str]) -> Output {
    let out = dir.to_str().unwrap();
    let mut args = vec!["report", "-o", out, "-q"];
    args.extend_from_slice(extra);
    run(&args)
}

#[test]
fn report_is_byte_identical_with_one_and_two_threads_and_any_path_order() {
    let tmp = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = {
        let mut f: Vec<PathBuf> = std::fs::read_dir(seeds())
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        f.sort();
        f
    };
    let names: Vec<&str> = files.iter().map(|p| p.to_str().unwrap()).collect();
    let one = tmp.path().join("one");
    let two = tmp.path().join("two");
    let shuffled = tmp.path().join("shuffled");
    // concordance.csv and index.html's concordance lines come in documents.csv's
    // order, whatever the order the files are read in.
    let kwic = ["--kwic", "ماكرون,الشمالية"];
    let mut args = vec!["--threads", "1"];
    args.extend(kwic);
    args.extend(&names);
    assert!(report_into(&one, &args).status.success());
    let mut args = vec!["--threads", "2"];
    args.extend(kwic);
    args.extend(&names);
    assert!(report_into(&two, &args).status.success());
    let mut reversed: Vec<&str> = names.iter().rev().copied().collect();
    reversed.swap(0, 2);
    reversed.extend(kwic);
    assert!(report_into(&shuffled, &reversed).status.success());
    let a = read_report(&one);
    // Every file the registries say a report without groups or dates has, and no other:
    // the tables (concordance.csv with --kwic), every chart drawn always, one
    // top-terms-LANG.png per language large enough (Persian and Arabic here).
    use corpstat::output::{Draw, Needs, CHARTS, TABLES};
    let mut expected: Vec<String> = TABLES
        .iter()
        .filter(|t| !matches!(t.needs, Needs::Groups | Needs::Dates))
        .map(|t| t.name.to_string())
        .chain(
            CHARTS
                .iter()
                .filter(|c| c.needs == Needs::Nothing && matches!(c.draw, Draw::One(_)))
                .map(|c| c.name.to_string()),
        )
        .chain(
            [
                "README.md",
                "index.html",
                "summary.json",
                ".corpstat-manifest",
            ]
            .map(String::from),
        )
        .chain(
            [
                "top-terms-ara.png",
                "top-terms-fas.png",
                "duplicates.png",
                "quality.png",
            ]
            .map(String::from),
        )
        .collect();
    expected.sort();
    let names: Vec<String> = a.iter().map(|(name, _)| name.clone()).collect();
    assert_eq!(names, expected);
    assert_eq!(a, read_report(&two));
    assert_eq!(a, read_report(&shuffled));
}

#[test]
fn missing_path_is_an_error_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("out");
    let output = report_into(&out_dir, &["seeds", "no/such/corpus"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no/such/corpus: no such file or folder"),
        "{}",
        stderr(&output)
    );
    assert!(!out_dir.exists());
}

#[test]
fn empty_corpus_explains_itself() {
    let tmp = tempfile::tempdir().unwrap();
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let output = run(&["stats", empty.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no documents found in"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn jsonl_documents_ids_and_bad_lines() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("news.jsonl");
    std::fs::write(
        &path,
        "{\"id\": \"ar-1\", \"text\": \"الأمن الدولي\"}\n\
         {\"text\": \"الأمن الإلكتروني\"}\n\
         not json\n\
         {\"id\": 7, \"body\": \"no text field\"}\n\
         {\"id\": 8, \"text\": 42}\n",
    )
    .unwrap();
    let p = path.to_str().unwrap();
    let output = run(&["stats", p, "--format", "json"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "problems make the exit code 2"
    );
    let summary: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(summary["documents"], 2);
    assert_eq!(summary["tokens"], 4);
    let problems = summary["problems"].as_array().unwrap();
    let lines: Vec<u64> = problems
        .iter()
        .map(|p| p["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [3, 4, 5]);
    assert_eq!(problems[0]["kind"], "malformed_json");
    assert_eq!(problems[1]["kind"], "missing_text");
    let err = stderr(&output);
    assert!(err.contains(&format!("{p}:3: not JSON")), "{err}");
    assert!(
        err.contains(&format!("{p}:5: field \"text\" is not a string")),
        "{err}"
    );

    let docs = run(&[
        "report",
        p,
        "-o",
        tmp.path().join("r").to_str().unwrap(),
        "-q",
        "--allow-partial",
    ]);
    assert_eq!(docs.status.code(), Some(0), "--allow-partial exits 0");
    let documents = std::fs::read_to_string(tmp.path().join("r/documents.csv")).unwrap();
    let ids: Vec<&str> = documents
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    // Sorted by id, by code point: "/tmp/..." before "ar-1".
    assert_eq!(ids, [format!("{p}:2").as_str(), "ar-1"]);
}

#[test]
fn compressed_input_counts_like_plain_input() {
    let tmp = tempfile::tempdir().unwrap();
    let jsonl = "{\"id\": \"1\", \"text\": \"کتاب‌ها را خواندم\"}\n{\"id\": \"2\", \"text\": \"The books were read.\"}\n";
    let plain = tmp.path().join("docs.jsonl");
    std::fs::write(&plain, jsonl).unwrap();
    let gz = tmp.path().join("docs.jsonl.gz");
    let mut encoder = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).unwrap(),
        flate2::Compression::default(),
    );
    encoder.write_all(jsonl.as_bytes()).unwrap();
    encoder.finish().unwrap();
    let zst = tmp.path().join("docs.jsonl.zst");
    std::fs::write(&zst, zstd::encode_all(jsonl.as_bytes(), 3).unwrap()).unwrap();
    let terms = |p: &Path| {
        let output = run(&["terms", p.to_str().unwrap(), "--format", "csv"]);
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output)
    };
    let expected = terms(&plain);
    assert!(expected.contains("کتاب‌ها,1,1,"), "{expected}");
    assert_eq!(terms(&gz), expected);
    assert_eq!(terms(&zst), expected);
}

#[test]
fn csv_needs_its_text_column() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("posts.csv");
    std::fs::write(&path, "id,body\np1,\"سطر اول\nسطر دوم\"\np2,hello world\n").unwrap();
    let p = path.to_str().unwrap();
    let without = run(&["stats", p]);
    assert_eq!(without.status.code(), Some(2));
    assert!(
        stderr(&without).contains("needs --text-column (columns: id, body)"),
        "{}",
        stderr(&without)
    );
    // The reason, not a misleading "no documents found" after it.
    assert!(
        !stderr(&without).contains("no documents found")
            && stderr(&without).contains("no document of")
            && stderr(&without).contains("could be read (1 problem(s) above)"),
        "{}",
        stderr(&without)
    );
    let wrong = run(&["stats", p, "--text-column", "text"]);
    assert!(
        stderr(&wrong).contains("no column \"text\" (columns: id, body)"),
        "{}",
        stderr(&wrong)
    );
    let right = run(&[
        "stats",
        p,
        "--text-column",
        "body",
        "--id-column",
        "id",
        "--format",
        "json",
    ]);
    assert!(right.status.success(), "{}", stderr(&right));
    let summary: serde_json::Value = serde_json::from_str(&stdout(&right)).unwrap();
    // The quoted newline stays inside p1's text: two sentences there, one in p2.
    assert_eq!(
        (summary["documents"].as_u64(), summary["tokens"].as_u64()),
        (Some(2), Some(6))
    );
    assert_eq!(summary["sentences"], 3);
}

#[test]
fn stdin_is_one_text_document() {
    let output = run_with_input(&["stats", "-", "--format", "json"], "سلام دنیا سلام");
    assert!(output.status.success());
    let summary: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(
        (summary["tokens"].as_u64(), summary["types"].as_u64()),
        (Some(3), Some(2))
    );
}

#[test]
fn thin_subcommands_print_their_part_of_the_report() {
    let terms = run(&["terms", "--top", "3", "--format", "csv"]);
    assert!(terms.status.success());
    let committed = std::fs::read_to_string(seeds().join("../reports/terms.csv")).unwrap();
    let first4: Vec<&str> = committed.lines().take(4).collect();
    assert_eq!(stdout(&terms).lines().collect::<Vec<_>>(), first4);

    let bigrams = run(&["ngrams", "-n", "2", "--top", "2", "--format", "tsv"]);
    let text = stdout(&bigrams);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "n\trank\tngram\tcount\tdoc_freq");
    assert!(lines[1].starts_with("2\t1\t"), "{text}");
    assert_eq!(lines.len(), 3);

    let langs = run(&["langs", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_str(&stdout(&langs)).unwrap();
    let corpus_rows: Vec<&serde_json::Value> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["document"] == "*")
        .collect();
    assert_eq!(corpus_rows[0]["language"], "ara");
    assert!(corpus_rows[0]["words"].as_u64().unwrap() > 1000);

    let cooc = run(&[
        "cooc",
        "--cooc-scope",
        "sentence",
        "--top",
        "1",
        "--format",
        "csv",
    ]);
    assert!(stdout(&cooc).starts_with(
        "term_a,term_b,count,count_a,count_b,expected,pmi,npmi,llr,chi2,t_score,dice,jaccard\n"
    ));

    let table = run(&["stats", "--format", "table"]);
    assert!(
        stdout(&table).lines().any(
            |l| l.starts_with("\u{2068}documents\u{2069}") && l.ends_with(" \u{2068}5\u{2069}")
        ),
        "{}",
        stdout(&table)
    );
}
