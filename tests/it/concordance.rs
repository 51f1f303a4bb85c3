//! The report's concordance lines: `corpstat report --kwic WORD,...` writes
//! concordance.csv, and index.html shows the first lines of the top words, on a
//! small Arabic, Persian and English corpus whose lines were worked out by hand.

use std::path::Path;

use super::util::{read_report, run, run_with_input, stderr, write_corpus};

const CORPUS: &[(&str, &str)] = &[
    // "The price of oil rises today. The minister said that the price of oil is high."
    (
        "a.txt",
        "سعر النفط يرتفع اليوم. قال الوزير إن سعر النفط مرتفع.",
    ),
    // "The price of oil went up today." Then English.
    (
        "b.txt",
        "قیمت نفت امروز بالا رفت. The oil price rises today.",
    ),
    // "Oil and gas." Then English, "Oil" capitalized.
    ("c.txt", "النفط والغاز. Oil prices fell."),
];

fn corpus(dir: &Path) -> String {
    write_corpus(dir, CORPUS)
}

/// Every occurrence of each query, with up to 5 words each side, in the order of
/// the queries, then of documents.csv: the folded query النفط finds the same
/// word in three sentences, "oil" finds "Oil", and a phrase matches two
/// consecutive words. A word the corpus lacks gives no line.
#[test]
fn kwic_words_give_every_line_in_document_order() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let out = dir.path().join("report");
    let output = run(&[
        "report",
        &corpus,
        "-o",
        out.to_str().unwrap(),
        "-q",
        "--kwic",
        "النفط, oil,سعر النفط,absent",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let csv = std::fs::read_to_string(out.join("concordance.csv")).unwrap();
    assert_eq!(
        csv,
        "query,document,sentence,left,match,right\n\
         النفط,a.txt,1,سعر,النفط,يرتفع اليوم\n\
         النفط,a.txt,2,قال الوزير إن سعر,النفط,مرتفع\n\
         النفط,c.txt,1,,النفط,والغاز\n\
         oil,b.txt,2,The,oil,price rises today\n\
         oil,c.txt,2,,Oil,prices fell\n\
         سعر النفط,a.txt,1,,سعر النفط,يرتفع اليوم\n\
         سعر النفط,a.txt,2,قال الوزير إن,سعر النفط,مرتفع\n"
    );
    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("summary.json")).unwrap()).unwrap();
    assert_eq!(
        summary["options"]["kwic"],
        serde_json::json!(["النفط", "oil", "سعر النفط", "absent"])
    );
    // A report without --kwic has no concordance.csv, and no kwic in its options.
    let plain = dir.path().join("plain");
    let output = run(&["report", &corpus, "-o", plain.to_str().unwrap(), "-q"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!plain.join("concordance.csv").exists());
    let summary = std::fs::read_to_string(plain.join("summary.json")).unwrap();
    assert!(!summary.contains("\"kwic\""));
}

/// index.html: under each top word (not a stopword), its first lines in
/// documents.csv's order, collapsed. النفط (3 times) heads the list; its first
/// five lines are its three.
#[test]
fn the_page_shows_the_first_lines_of_the_top_words() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let out = dir.path().join("report");
    let output = run(&["report", &corpus, "-o", out.to_str().unwrap(), "-q"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    let section =
        &page[page.find("<h2>Concordance</h2>").unwrap()..page.find("<h2>Tables</h2>").unwrap()];
    let first = section.find("<details><summary><bdi>").unwrap();
    assert!(
        section[first..].starts_with("<details><summary><bdi>النفط</bdi>: 3 occurrences</summary>"),
        "{}",
        &section[first..first + 120]
    );
    let word = &section[first..section[first..].find("</details>").unwrap() + first];
    assert!(
        word.contains("dir=\"rtl\""),
        "an Arabic word's lines run right to left"
    );
    let documents: Vec<&str> = word
        .split("<td class=\"document\" dir=\"auto\">")
        .skip(1)
        .map(|cell| cell.split("</td>").next().unwrap())
        .collect();
    assert_eq!(documents, ["a.txt · 1", "a.txt · 2", "c.txt · 1"]);
    assert!(word.contains("<td class=\"before\">قال الوزير إن سعر</td><td class=\"match\"><mark>النفط</mark></td><td class=\"after\">مرتفع</td>"));
}

/// Standard input cannot be read twice: --kwic says so before reading, and a plain
/// report from standard input says on its page why it has no lines.
#[test]
fn standard_input_gives_no_concordance_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report");
    let text = "سعر النفط يرتفع. سعر النفط ينخفض.";
    let output = run_with_input(
        &[
            "report",
            "-o",
            out.to_str().unwrap(),
            "-q",
            "--kwic",
            "النفط",
        ],
        text,
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("standard input cannot be read twice"),
        "{}",
        stderr(&output)
    );
    assert!(!out.exists(), "nothing is read or written");
    let output = run_with_input(&["report", "-o", out.to_str().unwrap(), "-q"], text);
    assert!(output.status.success(), "{}", stderr(&output));
    let page = read_report(&out)
        .into_iter()
        .find(|(name, _)| name == "index.html")
        .map(|(_, bytes)| String::from_utf8(bytes).unwrap())
        .unwrap();
    assert!(page.contains(
        "No concordance lines: the corpus came from standard input, which cannot be read twice."
    ));
}

/// A word seen more often than the page shows: its first 5 lines, in
/// documents.csv's order (on the seeds, الإلكتروني, 12 times).
#[test]
fn a_frequent_word_shows_its_first_five_lines() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report");
    let output = run(&["report", "seeds", "-o", out.to_str().unwrap(), "-q"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    let start = page
        .find("<details><summary><bdi>الإلكتروني</bdi>: 12 occurrences")
        .unwrap();
    let word = &page[start..start + page[start..].find("</details>").unwrap()];
    let places: Vec<(String, u32)> = word
        .split("<td class=\"document\" dir=\"auto\">")
        .skip(1)
        .map(|cell| {
            let cell = cell.split("</td>").next().unwrap();
            let (document, sentence) = cell.split_once(" · ").unwrap();
            (document.to_string(), sentence.parse().unwrap())
        })
        .collect();
    assert_eq!(places.len(), 5);
    assert!(places.windows(2).all(|w| w[0] <= w[1]), "{places:?}");
    // kwic agrees: its first five lines in reading order are the same places.
    let kwic = run(&["kwic", "الإلكتروني", "--format", "tsv", "--top", "5"]);
    let kwic: Vec<(String, u32)> = String::from_utf8(kwic.stdout)
        .unwrap()
        .lines()
        .skip(1)
        .map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            (cells[0].to_string(), cells[1].parse().unwrap())
        })
        .collect();
    assert_eq!(places, kwic);
}
