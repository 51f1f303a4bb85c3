//! `--memory-limit`: the n-gram and pair tables are pruned by lossy counting, within
//! the bound summary.json states; single terms stay exact; the result does not
//! depend on the thread count.

use std::collections::HashMap;
use std::path::Path;

use corpstat::{Corpus, Document, Options, Report};

/// The seeds, each paragraph a document, twice over (so that many n-grams and pairs
/// are seen more than once), with an id per copy.
fn paragraphs() -> Vec<Document> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let mut documents = Vec::new();
    for copy in 0..2 {
        for path in &paths {
            let text = std::fs::read_to_string(path).unwrap();
            for (i, paragraph) in text.split("\n\n").enumerate() {
                let name = path.file_name().unwrap().to_string_lossy();
                documents.push(Document::new(format!("{name}/{i}/{copy}"), paragraph));
            }
        }
    }
    documents
}

fn count(options: Options, threads: usize) -> Report {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    pool.install(|| {
        let mut corpus = Corpus::new(options).unwrap();
        // One document at a time: the limit is checked after each.
        for document in paragraphs() {
            corpus.add_document(document);
        }
        corpus.finish()
    })
}

fn limited(bytes: u64) -> Options {
    Options {
        memory_limit: Some(bytes),
        ..Options::default()
    }
}

#[test]
fn pruned_counts_stay_within_the_stated_bound() {
    let exact = count(Options::default(), 2);
    assert_eq!(exact.summary().approximate, None);
    let approximate = count(limited(96 << 10), 2);
    let pruning = approximate
        .summary()
        .approximate
        .expect("a 96 KiB limit prunes the seeds' tables");
    let bound = pruning.max_undercount;
    assert!(
        bound >= 1 && pruning.rounds >= 1 && pruning.dropped > 1000,
        "{pruning:?}"
    );

    // Single terms, and everything computed from them, stay exact.
    assert_eq!(approximate.terms(), exact.terms());
    assert_eq!(approximate.summary().tokens, exact.summary().tokens);
    assert_eq!(
        approximate.summary().zipf_exponent,
        exact.summary().zipf_exponent
    );

    // Every listed n-gram is at most `bound` below its true count, never above;
    // every n-gram seen more than `bound` + 1 times (so still at least 2) is listed.
    let truth: HashMap<(usize, String), u64> = exact
        .ngram_rows(None)
        .map(|g| ((g.n, g.ngram), g.count))
        .collect();
    let listed: HashMap<(usize, String), u64> = approximate
        .ngram_rows(None)
        .map(|g| ((g.n, g.ngram), g.count))
        .collect();
    let mut lowered = 0;
    for (key, &c) in &listed {
        let true_count = truth[key];
        assert!(
            c <= true_count && true_count - c <= bound,
            "{key:?}: {c} of {true_count}"
        );
        lowered += usize::from(c < true_count);
    }
    for (key, &true_count) in &truth {
        if true_count > bound + 1 {
            assert!(
                listed.contains_key(key),
                "{key:?} seen {true_count} times is missing"
            );
        }
    }
    assert!(listed.len() < truth.len(), "pruning left every n-gram");

    // The same for co-occurring pairs (min count 3).
    let pairs = |r: &Report| -> HashMap<(String, String), u64> {
        r.cooccurrence_rows()
            .map(|p| ((p.term_a, p.term_b), p.count))
            .collect()
    };
    let (truth, listed) = (pairs(&exact), pairs(&approximate));
    for (key, &c) in &listed {
        let true_count = truth[key];
        assert!(
            c <= true_count && true_count - c <= bound,
            "{key:?}: {c} of {true_count}"
        );
    }
    for (key, &true_count) in &truth {
        if true_count > bound + 2 {
            assert!(
                listed.contains_key(key),
                "{key:?} seen {true_count} times is missing"
            );
        }
    }
    eprintln!(
        "bound {bound}, {} rounds, {} dropped, {lowered} n-gram counts lowered",
        pruning.rounds, pruning.dropped
    );
}

#[test]
fn pruning_does_not_depend_on_the_thread_count() {
    let one = count(limited(96 << 10), 1);
    let two = count(limited(96 << 10), 2);
    assert_eq!(one.summary(), two.summary());
    assert!(one.ngram_rows(None).eq(two.ngram_rows(None)));
    assert!(one.cooccurrence_rows().eq(two.cooccurrence_rows()));
}

#[test]
fn the_cli_reports_the_approximation_and_refuses_a_bad_size() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for i in 0..3 {
        let text = crate::util::seed_word_text(50_000, i);
        std::fs::write(corpus.join(format!("{i}.txt")), text).unwrap();
    }
    let out = crate::util::corpstat()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["report", "-q", "--memory-limit", "1M", "-o"])
        .arg(dir.path().join("out"))
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("out/summary.json")).unwrap())
            .unwrap();
    assert_eq!(summary["options"]["memory_limit"], 1 << 20);
    assert!(summary["approximate"]["max_undercount"].as_u64().unwrap() >= 1);

    let out = crate::util::corpstat()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["stats", "--memory-limit", "lots"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("\"lots\" is not a size"), "{stderr}");

    // Half a byte, and anything under 1 MiB, is refused with the range.
    for small in ["0.5", "1000K"] {
        let out = crate::util::corpstat()
            .args(["stats", "--memory-limit", small])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{small}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("1M or more"), "{small}: {stderr}");
    }
}
