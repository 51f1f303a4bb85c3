//! The user's word lists: `--stopwords FILE` (added to the built-in lists or
//! replacing them) and `--ignore FILE` (terms taken out before counting), on a
//! small Persian, English and Arabic corpus whose answers were worked out by hand.

use std::path::Path;

use super::util::{run, stderr, write_corpus};

/// Three documents; "Advertisement" is boilerplate inside two of them.
const CORPUS: &[(&str, &str)] = &[
    // Persian: 4 tokens, then 5 with the boilerplate at the start.
    (
        "fa.txt",
        "قیمت نفت بالا رفت. Advertisement قیمت نفت پایین آمد.",
    ),
    // English: 4 tokens, then 5 with the boilerplate between "oil" and "price".
    (
        "en.txt",
        "The oil price rises. The oil Advertisement price falls.",
    ),
    // Arabic: 3 and 3 tokens.
    ("ar.txt", "سعر النفط يرتفع. سعر النفط ينخفض."),
];

fn corpus(dir: &Path) -> String {
    write_corpus(dir, CORPUS)
}

/// `corpstat report CORPUS -o OUT OPTIONS`, which must succeed.
fn report(dir: &Path, out: &str, options: &[&str]) -> std::path::PathBuf {
    let out = dir.join(out);
    let corpus = corpus(dir);
    let mut args = vec![
        "report",
        &corpus,
        "-o",
        out.to_str().unwrap(),
        "-q",
        "--ngram-min-count",
        "1",
        "--min-count",
        "1",
        "--window",
        "1",
    ];
    args.extend_from_slice(options);
    let output = run(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    out
}

/// The rows of a CSV file as maps from column name to cell.
fn rows(path: &Path) -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, c)| (h.to_string(), c.to_string()))
                .collect()
        })
        .collect()
}

fn summary(out: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(out.join("summary.json")).unwrap()).unwrap()
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    format!("{:x}", Sha256::digest(bytes))
}

/// `--ignore`: "Advertisement" (listed in lower case, folded like the terms) is
/// in no table, its 2 tokens are out of the 24, and no n-gram or window joins the
/// words on either side of it: "oil price" is seen once, not twice.
#[test]
fn ignored_terms_leave_every_table_and_join_no_neighbours() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("boilerplate.txt");
    std::fs::write(&list, "advertisement\n").unwrap();
    let plain = report(dir.path(), "plain", &[]);
    let ignored = report(dir.path(), "ignored", &["--ignore", list.to_str().unwrap()]);

    assert_eq!(summary(&plain)["tokens"], 24);
    assert_eq!(summary(&plain).get("ignored_tokens"), None);
    let s = summary(&ignored);
    assert_eq!(
        (s["tokens"].as_u64(), s["ignored_tokens"].as_u64()),
        (Some(22), Some(2))
    );
    assert_eq!(
        s["options"]["ignore"]["words"],
        serde_json::json!(["advertisement"])
    );
    assert_eq!(
        s["options"]["ignore"]["sha256"].as_str(),
        Some(sha256(b"advertisement\n").as_str())
    );

    for table in [
        "terms.csv",
        "ngrams.csv",
        "cooccurrence.csv",
        "distinctive.csv",
    ] {
        let text = std::fs::read_to_string(plain.join(table)).unwrap();
        assert!(
            text.to_lowercase().contains("advertisement"),
            "{table} of the plain run"
        );
        let text = std::fs::read_to_string(ignored.join(table)).unwrap();
        assert!(!text.to_lowercase().contains("advertisement"), "{table}");
    }
    let bigram = |out: &Path, ngram: &str| {
        rows(&out.join("ngrams.csv"))
            .into_iter()
            .find(|r| r["ngram"] == ngram)
            .map(|r| r["count"].clone())
    };
    // "The oil price rises" has it; "The oil Advertisement price falls" does not,
    // with or without the boilerplate.
    assert_eq!(bigram(&plain, "oil price").as_deref(), Some("1"));
    assert_eq!(bigram(&ignored, "oil price").as_deref(), Some("1"));
    assert_eq!(bigram(&ignored, "The oil").as_deref(), Some("2"));
    assert_eq!(bigram(&ignored, "قیمت نفت").as_deref(), Some("2"));
    // Window 1: (oil, price) once; the plain run pairs oil and price with the boilerplate.
    let pair = |out: &Path, a: &str, b: &str| {
        rows(&out.join("cooccurrence.csv"))
            .into_iter()
            .find(|r| r["term_a"] == a && r["term_b"] == b)
            .map(|r| r["count"].clone())
    };
    assert_eq!(pair(&ignored, "oil", "price").as_deref(), Some("1"));
    assert_eq!(pair(&plain, "Advertisement", "oil").as_deref(), Some("1"));
    // The shown form is the most frequent surface form, as in every table.
    // The documents keep their sentences: 2 each.
    let documents = rows(&ignored.join("documents.csv"));
    let en = documents
        .iter()
        .find(|r| r["document"] == "en.txt")
        .unwrap();
    assert_eq!(
        (en["tokens"].as_str(), en["sentences"].as_str()),
        ("8", "2")
    );
}

/// `--stopwords`: the user's words are stopwords in every language, folded like
/// the terms (قيمت with an Arabic yeh is the text's قیمت, OIL is oil); added to
/// the built-in lists by default, replacing them with `--stopwords-mode replace`.
#[test]
fn user_stopwords_add_to_the_built_in_lists_or_replace_them() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("stop.txt");
    std::fs::write(&list, "قيمت\nOIL\n").unwrap();
    let list = list.to_str().unwrap();
    let stopword = |out: &Path| -> Vec<(String, String)> {
        let mut flags: Vec<(String, String)> = rows(&out.join("terms.csv"))
            .into_iter()
            .filter(|r| ["قیمت", "oil", "The", "price", "نفت"].contains(&r["term"].as_str()))
            .map(|r| (r["term"].clone(), r["stopword"].clone()))
            .collect();
        flags.sort();
        flags
    };
    let flags = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
        let mut v: Vec<_> = pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        v.sort();
        v
    };

    let plain = report(dir.path(), "plain", &[]);
    assert_eq!(
        stopword(&plain),
        flags(&[
            ("oil", "false"),
            ("price", "false"),
            ("The", "true"),
            ("قیمت", "false"),
            ("نفت", "false")
        ])
    );
    let added = report(dir.path(), "added", &["--stopwords", list]);
    assert_eq!(
        stopword(&added),
        flags(&[
            ("oil", "true"),
            ("price", "false"),
            ("The", "true"),
            ("قیمت", "true"),
            ("نفت", "false")
        ])
    );
    let replaced = report(
        dir.path(),
        "replaced",
        &["--stopwords", list, "--stopwords-mode", "replace"],
    );
    assert_eq!(
        stopword(&replaced),
        flags(&[
            ("oil", "true"),
            ("price", "false"),
            ("The", "false"),
            ("قیمت", "true"),
            ("نفت", "false")
        ])
    );

    // Stopwords leave the co-occurrence table (--keep-stopwords keeps them).
    let pairs_with = |out: &Path, term: &str| {
        rows(&out.join("cooccurrence.csv"))
            .iter()
            .filter(|r| r["term_a"] == term || r["term_b"] == term)
            .count()
    };
    assert!(pairs_with(&plain, "oil") > 0);
    assert_eq!(pairs_with(&added, "oil"), 0);
    assert_eq!(pairs_with(&replaced, "oil"), 0);

    // Recorded: the file, its hash and words; the mode only when it is not the default.
    let s = summary(&replaced);
    assert_eq!(
        s["options"]["stopwords"]["words"],
        serde_json::json!(["قيمت", "OIL"])
    );
    assert_eq!(
        s["options"]["stopwords"]["sha256"].as_str(),
        Some(sha256("قيمت\nOIL\n".as_bytes()).as_str())
    );
    assert_eq!(s["options"]["stopwords_mode"], "replace");
    assert_eq!(s["stopword_languages"], serde_json::json!([]));
    assert_eq!(summary(&added)["options"].get("stopwords_mode"), None);
    assert_eq!(summary(&plain)["options"].get("stopwords"), None);
}

/// A list that cannot be used is refused before any input is read, naming the
/// file and the line.
#[test]
fn a_word_list_that_cannot_be_used_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let two = dir.path().join("two.txt");
    std::fs::write(&two, "fine\nread more\n").unwrap();
    let output = run(&["terms", &corpus, "--ignore", two.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("two.txt: line 2: \"read more\" is more than one word"),
        "{}",
        stderr(&output)
    );
    let missing = dir.path().join("missing.txt");
    let output = run(&["terms", &corpus, "--stopwords", missing.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("missing.txt: cannot read the word list"));
}
