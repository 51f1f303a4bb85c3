//! Groups, keyness and `corpstat compare`.

use std::path::Path;

use crate::util::run;
use corpstat::GroupBy;
use corpstat::{Corpus, Document, Options};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

#[test]
fn keyness_of_a_two_group_corpus_by_hand() {
    let mut options = Options {
        keyness_min_count: 1,
        ..Options::default()
    };
    options.input.group_by = GroupBy::Field("outlet".into());
    let mut corpus = Corpus::new(options).unwrap();
    // A: oil ×3, price ×1 (4 tokens). B: price ×2, gold ×4 (6 tokens).
    corpus.add_document(Document::new("a1", "نفط نفط نفط سعر").in_group("A"));
    corpus.add_document(Document::new("b1", "سعر سعر ذهب").in_group("B"));
    corpus.add_document(Document::new("b2", "ذهب ذهب ذهب").in_group("B"));
    let report = corpus.finish();

    let groups: Vec<(&str, u64, u64, u64)> = report
        .groups()
        .iter()
        .map(|g| (g.group.as_str(), g.documents, g.tokens, g.types))
        .collect();
    assert_eq!(groups, [("A", 1, 4, 2), ("B", 2, 6, 2)]);

    let row = |target: &str, term: &str| {
        report
            .keyness()
            .iter()
            .find(|k| k.target == target && k.term == term)
            .unwrap_or_else(|| panic!("{target} {term}"))
    };
    // نفط: a = 3 of 4, b = 0 of 6. E1 = 1.2, G² = 2·3·ln(3/1.2); rates 3/4 against 0.5/6 (smoothed).
    let oil = row("A", "نفط");
    assert_eq!(
        (
            oil.reference.as_str(),
            oil.count_target,
            oil.count_reference
        ),
        ("B", 3, 0)
    );
    assert!(close(oil.measures.llr, 6.0 * 2.5f64.ln()));
    assert!(close(oil.measures.log_ratio, 9f64.log2()));
    assert!(close(oil.measures.pct_diff, 800.0));
    assert_eq!(oil.measures.effect, "over");
    // ذهب: a = 0, b = 4. E2 = 2.4, G² = 2·4·ln(4/2.4), negative; rates 0.5/4 against 4/6.
    let gold = row("A", "ذهب");
    assert!(close(gold.measures.llr, -8.0 * (4.0f64 / 2.4).ln()));
    assert!(close(
        gold.measures.log_ratio,
        (0.125f64 / (4.0 / 6.0)).log2()
    ));
    assert!(close(gold.measures.pct_diff, -81.25));
    // سعر: a = 1, b = 2. E1 = 1.2, E2 = 1.8; rate 1/4 < 2/6, so negative.
    let price = row("A", "سعر");
    let g2 = 2.0 * ((1.0f64 / 1.2).ln() + 2.0 * (2.0f64 / 1.8).ln());
    assert!(close(price.measures.llr, -g2));
    assert!(close(price.measures.log_ratio, 0.75f64.log2()));
    assert!(close(price.measures.pct_diff, -25.0));
    // Sorted by signed llr: over-used first.
    let order: Vec<&str> = report
        .keyness()
        .iter()
        .filter(|k| k.target == "A")
        .map(|k| k.term.as_str())
        .collect();
    assert_eq!(order, ["نفط", "سعر", "ذهب"]);
    // B against A mirrors it.
    assert!(close(
        row("B", "ذهب").measures.llr,
        8.0 * (4.0f64 / 2.4).ln()
    ));
    let overlap = report.vocabulary_overlap().unwrap();
    assert_eq!((overlap.shared, overlap.union), (1, 3));
}

fn keywords(dir: &Path, target: &str) -> Vec<(String, bool)> {
    let table = std::fs::read_to_string(dir.join("keyness.csv")).unwrap();
    let terms = std::fs::read_to_string(dir.join("terms.csv")).unwrap();
    let stop: std::collections::HashSet<String> = terms
        .lines()
        .filter(|l| l.ends_with(",true"))
        .map(|l| l.split(',').nth(1).unwrap().to_string())
        .collect();
    table
        .lines()
        .skip(1)
        .filter(|l| l.starts_with(&format!("{target},")))
        .take(10)
        .map(|l| {
            let term = l.split(',').nth(2).unwrap().to_string();
            let is_stop = stop.contains(&term);
            (term, is_stop)
        })
        .collect()
}

#[test]
fn the_persian_seed_against_the_arabic_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let with = tmp.path().join("with");
    let without = tmp.path().join("without");
    assert!(run(&[
        "report",
        "-q",
        "--group-by",
        "lang",
        "--keep-stopwords",
        "-o",
        with.to_str().unwrap()
    ])
    .status
    .success());
    assert!(run(&[
        "report",
        "-q",
        "--group-by",
        "lang",
        "-o",
        without.to_str().unwrap()
    ])
    .status
    .success());
    let groups = std::fs::read_to_string(with.join("groups.csv")).unwrap();
    assert!(
        groups.starts_with(
            "group,documents,tokens,types,ttr,language,keyness_left_out,share_ara,share_fas"
        ),
        "{groups}"
    );
    assert!(groups.contains("\nfas,1,726,"), "{groups}");

    // With stopwords kept, Persian function words lead.
    let top: Vec<String> = keywords(&with, "fas").into_iter().map(|k| k.0).collect();
    for word in ["در", "را", "از", "این", "که"] {
        assert!(top.contains(&word.to_string()), "{word} not in {top:?}");
    }
    // Without, the top keywords are content words.
    let top = keywords(&without, "fas");
    assert!(top.iter().all(|(_, stop)| !stop), "{top:?}");
    assert!(
        top.iter().any(|(t, _)| t == "فرانسه") && top.iter().any(|(t, _)| t == "انتخابات"),
        "{top:?}"
    );
    for chart in ["groups.png", "keyness-fas.png", "keyness-ara.png"] {
        assert!(without.join(chart).exists(), "{chart}");
    }
    let index = std::fs::read_to_string(without.join("index.html")).unwrap();
    assert!(index.contains("keyness.csv") && index.contains("keyness-fas.png"));
}

#[test]
fn groups_by_dir_field_and_file_pattern() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    for dir in ["alpha", "beta"] {
        std::fs::create_dir_all(corpus.join(dir)).unwrap();
    }
    std::fs::write(corpus.join("alpha/1.txt"), "الأمن الدولي").unwrap();
    std::fs::write(corpus.join("alpha/2.txt"), "الأمن الإلكتروني").unwrap();
    std::fs::write(corpus.join("beta/3.txt"), "امنیت سایبری").unwrap();
    std::fs::write(corpus.join("top.txt"), "root level").unwrap();
    let groups = |rule: &str, path: &Path| -> Vec<String> {
        let out = tmp
            .path()
            .join(rule.replace([':', '=', ',', '*', '/'], "_"));
        let run = run(&[
            "report",
            "-q",
            path.to_str().unwrap(),
            "--group-by",
            rule,
            "-o",
            out.to_str().unwrap(),
        ]);
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        std::fs::read_to_string(out.join("groups.csv"))
            .unwrap()
            .lines()
            .skip(1)
            .map(|l| l.split(',').take(2).collect::<Vec<_>>().join(":"))
            .collect()
    };
    assert_eq!(groups("dir", &corpus), [".:1", "alpha:2", "beta:1"]);
    assert_eq!(
        groups("file:alpha/*=A,**/3.txt=B", &corpus),
        ["(none):1", "A:2", "B:1"]
    );
    let jsonl = tmp.path().join("posts.jsonl");
    std::fs::write(
        &jsonl,
        "{\"text\": \"سلام دنیا\", \"site\": \"x\"}\n{\"text\": \"hello world\", \"site\": \"y\"}\n{\"text\": \"again\"}\n",
    )
    .unwrap();
    assert_eq!(groups("field:site", &jsonl), ["(none):1", "x:1", "y:1"]);
    let bad = run(&["report", "--group-by", "colour"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn compare_writes_keyness_and_the_differences() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("fa"), tmp.path().join("ar"));
    std::fs::create_dir(&a).unwrap();
    std::fs::create_dir(&b).unwrap();
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")).unwrap() {
        let path = entry.unwrap().path();
        let target = if path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("001_")
        {
            &a
        } else {
            &b
        };
        std::fs::copy(&path, target.join(path.file_name().unwrap())).unwrap();
    }
    let out = tmp.path().join("cmp");
    let compared = run(&[
        "compare",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(
        compared.status.success(),
        "{}",
        String::from_utf8_lossy(&compared.stderr)
    );
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("compare.json")).unwrap()).unwrap();
    assert_eq!(summary["tokens_target"], 726);
    assert!(summary["largest_language_shift"].as_f64().unwrap() > 0.9);
    let new: Vec<&str> = summary["new_terms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t[0].as_str().unwrap())
        .collect();
    assert!(new.contains(&"فرانسه"), "{new:?}");
    let overlap = &summary["vocabulary_overlap"];
    assert!(overlap["shared"].as_u64().unwrap() > 0 && overlap["jaccard"].as_f64().unwrap() < 0.1);
    let keyness = std::fs::read_to_string(out.join("keyness.csv")).unwrap();
    let target = a.to_str().unwrap();
    assert!(keyness
        .lines()
        .skip(1)
        .all(|l| l.starts_with(&format!("{target},"))));
    assert!(out.join("keyness.png").exists());
    let same = run(&["compare", a.to_str().unwrap(), a.to_str().unwrap()]);
    assert_eq!(same.status.code(), Some(2));
}

/// A group below the keyness chart's minimum size (500 tokens) gets no chart, though
/// keyness.csv keeps its rows; a group above it does.
#[test]
fn small_groups_get_no_keyness_chart() {
    let tmp = tempfile::tempdir().unwrap();
    let mut jsonl = String::new();
    for (group, words) in [("large", 700), ("small", 40)] {
        let text: Vec<String> = (0..words)
            .map(|w| format!("{group}{} shared", w % 9))
            .collect();
        jsonl.push_str(
            &serde_json::json!({"id": group, "group": group, "text": text.join(" ")}).to_string(),
        );
        jsonl.push('\n');
    }
    let input = tmp.path().join("g.jsonl");
    std::fs::write(&input, jsonl).unwrap();
    let out = tmp.path().join("out");
    let r = run(&[
        "report",
        input.to_str().unwrap(),
        "--group-by",
        "field:group",
        "-o",
        out.to_str().unwrap(),
        "-q",
    ]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    assert!(out.join("keyness-large.png").exists());
    assert!(!out.join("keyness-small.png").exists());
    let keyness = std::fs::read_to_string(out.join("keyness.csv")).unwrap();
    assert!(
        keyness.lines().any(|l| l.starts_with("small,")),
        "{keyness}"
    );
}

/// Under `--group-by field:g`, a document without the field, one whose field is
/// empty and one whose field is the text "(none)" are three facts: the first two
/// are the groups `(none)` and `(empty)`, and the third, which shares a name with
/// the first, is counted there with a `group_name` problem that names its line
/// (exit 2 without `--allow-partial`), never merged silently.
#[test]
fn an_empty_value_a_missing_field_and_a_value_named_none_stay_apart() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c.jsonl");
    std::fs::write(
        &corpus,
        "{\"id\":\"a\",\"text\":\"alpha words here\"}\n\
         {\"id\":\"b\",\"text\":\"beta words here\",\"g\":\"\"}\n\
         {\"id\":\"c\",\"text\":\"gamma words here\",\"g\":\"(none)\"}\n\
         {\"id\":\"d\",\"text\":\"delta words here\",\"g\":\"x\"}\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let output = crate::util::run(&[
        "report",
        corpus.to_str().unwrap(),
        "--group-by",
        "field:g",
        "-q",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "{}",
        crate::util::stderr(&output)
    );
    let err = crate::util::stderr(&output);
    assert!(
        err.contains("c.jsonl:3") && err.contains("\"(none)\""),
        "{err}"
    );
    let mut reader = csv::Reader::from_path(out.join("groups.csv")).unwrap();
    let mut groups: Vec<(String, String)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_string(), r[1].to_string())
        })
        .collect();
    groups.sort();
    assert_eq!(
        groups,
        [
            ("(empty)".to_string(), "1".to_string()),
            ("(none)".to_string(), "2".to_string()),
            ("x".to_string(), "1".to_string()),
        ]
    );
    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary["problems_by_kind"]["group_name"], 1);
}

/// With three groups or more, a group's keyness rows are the terms it uses
/// `--keyness-min-count` times itself (here 3), and `groups.csv` counts the terms
/// frequent enough in the corpus that it leaves out: the table grows with the
/// text, not with groups × vocabulary. Worked by hand: alpha, beta and gamma are
/// seen 4 times in the corpus and delta 3, so 4 terms pass the corpus threshold;
/// A uses alpha 3 times (1 row, 3 left out), B beta (1 row, 3 left out), C gamma and
/// delta (2 rows, 2 left out).
#[test]
fn with_many_groups_keyness_lists_what_each_group_uses() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c.jsonl");
    std::fs::write(
        &corpus,
        "{\"id\":\"a\",\"g\":\"A\",\"text\":\"alpha alpha alpha beta\"}\n\
         {\"id\":\"b\",\"g\":\"B\",\"text\":\"beta beta beta gamma\"}\n\
         {\"id\":\"c\",\"g\":\"C\",\"text\":\"gamma gamma gamma alpha delta delta delta\"}\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let output = run(&[
        "report",
        corpus.to_str().unwrap(),
        "--group-by",
        "field:g",
        "--langs",
        "eng",
        "-q",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut keyness = csv::Reader::from_path(out.join("keyness.csv")).unwrap();
    let mut rows: Vec<(String, String, String, String)> = keyness
        .records()
        .map(|r| {
            let r = r.unwrap();
            (
                r[0].to_string(),
                r[1].to_string(),
                r[2].to_string(),
                r[4].to_string(),
            )
        })
        .collect();
    rows.sort();
    let row = |t: &str, term: &str, b: &str| {
        (
            t.to_string(),
            "(rest)".to_string(),
            term.to_string(),
            b.to_string(),
        )
    };
    assert_eq!(
        rows,
        [
            row("A", "alpha", "1"),
            row("B", "beta", "1"),
            row("C", "delta", "0"),
            row("C", "gamma", "1"),
        ]
    );
    let mut groups = csv::Reader::from_path(out.join("groups.csv")).unwrap();
    let at = groups
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "keyness_left_out")
        .unwrap();
    let left_out: Vec<(String, String)> = groups
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_string(), r[at].to_string())
        })
        .collect();
    assert_eq!(
        left_out,
        [
            ("A".to_string(), "3".to_string()),
            ("B".to_string(), "3".to_string()),
            ("C".to_string(), "2".to_string()),
        ]
    );
}
