//! Shards counted apart and appended ([`CorpusCounts::append`](crate::CorpusCounts::append))
//! give the report of one run: tested here, in the top layer, because the proof is
//! every table the report writes.

use crate::options::{CoocOptions, CoocScope, Options};
use crate::report::Report;
use crate::{Corpus, Document, GroupBy};

/// The seed documents, as (id, text), in file-name order.
fn seeds() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("seeds/ is in the repository")
        .map(|e| e.expect("a readable entry").path())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let id = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            (id, std::fs::read_to_string(&p).expect("seed text"))
        })
        .collect()
}

fn counts_of(options: &Options, documents: &[(String, String)]) -> crate::count::CorpusCounts {
    let mut corpus = Corpus::new(options.clone()).expect("valid options");
    for (id, text) in documents {
        corpus.add_document(Document::new(id.as_str(), text.as_str()));
    }
    corpus.into_counts()
}

/// What a report writes, but the pictures: every table's rows, the summary, and
/// the data the charts are drawn from. (`Report` itself also holds the order
/// in which n-grams were found, which is not written anywhere.)
fn outputs(report: &Report) -> (Vec<Vec<Vec<String>>>, String, String) {
    let tables = super::TABLES
        .iter()
        .filter(|spec| spec.is_in(report))
        .map(|spec| spec.table(report).rows)
        .collect();
    let summary = serde_json::to_string(&report.summary).unwrap_or_default();
    (tables, summary, format!("{:?}", report.chart_data))
}

/// Every split of the seeds into consecutive shards, counted apart and
/// appended in order, gives the report of one run: every table, the summary and
/// the chart data, under options that exercise each table (long n-grams, both
/// pair orders, each scope, a MATTR window smaller than a document, groups).
#[test]
fn shards_appended_give_the_report_of_one_run() {
    let documents = seeds();
    assert_eq!(documents.len(), 5);
    let cooc = |scope, ordered| CoocOptions {
        scope,
        ordered,
        min_count: 1,
        ..CoocOptions::default()
    };
    let long = Options {
        ngram_max: 5,
        ngram_min_count: 1,
        mattr_window: 40,
        cooccurrence: cooc(CoocScope::Window, true),
        ..Options::default()
    };
    let mut sentence = Options {
        cooccurrence: cooc(CoocScope::Sentence, false),
        ..Options::default()
    };
    sentence.input.group_by = GroupBy::Lang;
    let document = Options {
        cooccurrence: cooc(CoocScope::Document, false),
        mattr_window: 1,
        ..Options::default()
    };
    let variants = [Options::default(), long, sentence, document];
    for options in &variants {
        let whole = Report::new(counts_of(options, &documents));
        assert!(!whole.terms.is_empty());
        for cuts in [&[1, 2, 3, 4][..], &[2][..], &[4][..], &[1, 3][..]] {
            let mut bounds = vec![0];
            bounds.extend_from_slice(cuts);
            bounds.push(documents.len());
            let mut shards = bounds
                .windows(2)
                .map(|w| counts_of(options, &documents[w[0]..w[1]]));
            let mut merged = shards.next().expect("a first shard");
            for shard in shards {
                merged.append(shard).expect("same options, unpruned");
            }
            let merged = Report::new(merged);
            assert!(
                outputs(&merged) == outputs(&whole),
                "cuts {cuts:?}, options {options:?}"
            );
        }
    }
}

/// Shards counted with other options, or pruned, are refused and nothing changes.
#[test]
fn mixed_or_pruned_shards_are_refused() {
    let documents = seeds();
    let mut first = counts_of(&Options::default(), &documents[..2]);
    let other = Options {
        ngram_max: 4,
        ..Options::default()
    };
    let refused = first.append(counts_of(&other, &documents[2..]));
    let message = refused.expect_err("mixed options").to_string();
    assert_eq!(
        message,
        "the shards were counted with different options: ngram_max is 3 against 4"
    );
    assert_eq!(first.documents.len(), 2);
    let mut pruned = counts_of(&Options::default(), &documents[2..]);
    pruned.pruning = Some(Default::default());
    assert_eq!(
        first.append(pruned),
        Err(crate::count::CombineError::Pruned)
    );
    assert_eq!(first.documents.len(), 2);
}
