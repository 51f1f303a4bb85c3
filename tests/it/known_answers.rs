//! Every statistic on small texts whose answers were worked out by hand (or, for the
//! bigram measures, by NLTK), in Arabic, Persian and English.

use corpstat::options::{CoocOptions, CoocScope, Tables};
use corpstat::Report;
use corpstat::Script;
use corpstat::{Corpus, Options};

fn report(options: Options, docs: &[(&str, &str)]) -> Report {
    let mut corpus = Corpus::new(options).expect("valid options");
    for (id, text) in docs {
        corpus.add_text(id, text);
    }
    corpus.finish()
}

fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() <= 1e-9 * expected.abs().max(1.0)
}

macro_rules! assert_close {
    ($actual:expr, $expected:expr) => {{
        let (a, e) = ($actual, $expected);
        assert!(close(a, e), "{} = {a}, expected {e}", stringify!($actual));
    }};
}

/// "In the house a book. In the school a book and a pen. A book!"
const ARABIC_PARAGRAPH: &str = "في البيت كتاب. في المدرسة كتاب وقلم. كتاب!";

#[test]
fn hand_counted_arabic_paragraph() {
    let all_ngrams = Options {
        ngram_min_count: 1,
        ..Options::default()
    };
    let r = report(all_ngrams, &[("p", ARABIC_PARAGRAPH)]);
    let s = &r.summary();
    // Tokens: في البيت كتاب | في المدرسة كتاب وقلم | كتاب — 3 + 4 + 1 in three sentences.
    assert_eq!(
        (s.documents, s.tokens, s.types, s.hapax, s.sentences),
        (1, 8, 5, 3, 3)
    );
    assert_close!(s.ttr.unwrap(), 5.0 / 8.0);
    // Counts 3, 2, 1, 1, 1: Σ m²·V(m) = 9 + 4 + 3 = 16.
    assert_close!(
        s.yules_k.unwrap(),
        (1e4 * (16.0 - 8.0) / 64.0f64 * 1e6).round() / 1e6
    );
    let terms: Vec<(&str, u64)> = r
        .terms()
        .iter()
        .map(|t| (t.term.as_str(), t.count))
        .collect();
    // Count descending, then code point order.
    assert_eq!(
        terms,
        [
            ("كتاب", 3),
            ("في", 2),
            ("البيت", 1),
            ("المدرسة", 1),
            ("وقلم", 1)
        ]
    );
    assert!(r.terms().iter().all(|t| t.script == Script::Arabic));
    assert_close!(r.terms()[0].per_million, 3.0 / 8.0 * 1e6);
    // Bigrams stay inside sentences: 2 + 3 + 0 of them, no "كتاب في".
    let bigrams: Vec<String> = r.ngram_rows(Some(2)).map(|g| g.ngram).collect();
    assert_eq!(
        bigrams,
        [
            "البيت كتاب",
            "المدرسة كتاب",
            "في البيت",
            "في المدرسة",
            "كتاب وقلم"
        ]
    );
    let trigrams = r.ngram_rows(Some(3)).count();
    assert_eq!(trigrams, 1 + 2);
    // With the default --ngram-min-count 2, no bigram or trigram is seen twice.
    let r = report(Options::default(), &[("p", ARABIC_PARAGRAPH)]);
    assert!(r.ngram_rows(None).all(|g| g.n == 1));
    assert_eq!(r.ngram_count(), 5);
    // The document row.
    let d = &r.documents()[0];
    assert_eq!(
        (d.tokens, d.types, d.sentences, d.bytes),
        (8, 5, 3, ARABIC_PARAGRAPH.len() as u64)
    );
    assert_eq!(d.script, Script::Arabic);
}

#[test]
fn document_frequency_idf_and_tfidf() {
    // Persian: "Tehran" in both documents, "book" twice in the first only.
    let r = report(
        Options::default(),
        &[("a", "تهران کتاب کتاب"), ("b", "تهران امروز")],
    );
    let term = |t: &str| r.terms().iter().find(|row| row.term == t).expect(t);
    assert_eq!((term("تهران").count, term("تهران").doc_freq), (2, 2));
    assert_eq!((term("کتاب").count, term("کتاب").doc_freq), (2, 1));
    // idf = ln((1 + N) / (1 + df)) + 1 with N = 2.
    assert_close!(term("تهران").idf, 1.0);
    assert_close!(term("کتاب").idf, (3.0f64 / 2.0).ln() + 1.0);
    // tf-idf = count × idf: in a, کتاب (2 × 1.405) ranks above تهران (1 × 1).
    let in_a: Vec<(String, f64)> = r
        .distinctive_rows()
        .filter(|d| d.document == "a")
        .map(|d| (d.term, d.tfidf))
        .collect();
    assert_eq!(in_a.len(), 2);
    assert_eq!(in_a[0].0, "کتاب");
    assert_close!(in_a[0].1, 2.0 * ((1.5f64).ln() + 1.0));
    assert_eq!(in_a[1].0, "تهران");
    assert_close!(in_a[1].1, 1.0);
}

#[test]
fn two_document_pmi_by_hand() {
    // Sentence scope over two documents, four sentences:
    // {النفط, يرتفع}, {سعر, النفط, يرتفع}, {سعر, الذهب}, {النفط}.
    let options = Options {
        cooccurrence: CoocOptions {
            scope: CoocScope::Sentence,
            min_count: 2,
            ..CoocOptions::default()
        },
        ..Options::default()
    };
    let r = report(
        options,
        &[
            ("1", "النفط يرتفع. سعر النفط يرتفع."),
            ("2", "سعر الذهب. النفط."),
        ],
    );
    assert_eq!(r.summary().cooccurrence_n, 4.0);
    assert_eq!(pairs(&r).len(), 1, "only one pair is seen twice");
    let pair = &pairs(&r)[0];
    assert_eq!(
        (pair.term_a.as_str(), pair.term_b.as_str()),
        ("النفط", "يرتفع")
    );
    // c = 2, f(a) = 3 sentences, f(b) = 2 sentences, N = 4.
    assert_eq!((pair.count, pair.count_a, pair.count_b), (2, 3, 2));
    let m = &pair.measures;
    assert_close!(m.expected, 1.5);
    assert_close!(m.pmi, (2.0f64 / 1.5).log2());
    assert_close!(m.npmi, (2.0f64 / 1.5).log2() / 1.0); // −log2(2/4) = 1
    assert_close!(m.dice, 0.8);
    assert_close!(m.jaccard, 2.0 / 3.0);
    assert_close!(m.t_score, 0.5 / 2f64.sqrt());
    // Table [[2, 1], [0, 1]]: χ² = 4·(2·1 − 1·0)² / (3·1·2·2).
    assert_close!(m.chi2, 16.0 / 12.0);
    // Expected [[1.5, 1.5], [0.5, 0.5]]; the empty cell adds nothing.
    let g2 = 2.0 * (2.0 * (2.0f64 / 1.5).ln() + (1.0f64 / 1.5).ln() + (1.0f64 / 0.5).ln());
    assert_close!(m.llr, g2);
}

#[test]
fn window_and_document_scopes_by_hand() {
    // Window 1, unordered, over "oil price rises" and "oil price falls oil":
    // pairs (oil,price) ×2, (price,rises), (price,falls), (falls,oil); N = 7 tokens / 2.
    let window = Options {
        cooccurrence: CoocOptions {
            window: 1,
            min_count: 1,
            ..CoocOptions::default()
        },
        ..Options::default()
    };
    let r = report(
        window,
        &[("1", "oil price rises"), ("2", "oil price falls oil")],
    );
    assert_close!(r.summary().cooccurrence_n, 3.5);
    let rows = pairs(&r);
    let listed: Vec<(&str, &str, u64)> = rows
        .iter()
        .map(|p| (p.term_a.as_str(), p.term_b.as_str(), p.count))
        .collect();
    assert_eq!(
        listed,
        [
            ("oil", "price", 2),
            ("falls", "oil", 1),
            ("falls", "price", 1),
            ("price", "rises", 1)
        ]
    );
    assert_eq!((pairs(&r)[0].count_a, pairs(&r)[0].count_b), (3, 2));
    assert_close!(pairs(&r)[0].measures.expected, 3.0 * 2.0 / 3.5);

    // Document scope: each pair once per document; N = 2 documents.
    let document = Options {
        cooccurrence: CoocOptions {
            scope: CoocScope::Document,
            min_count: 2,
            ..CoocOptions::default()
        },
        ..Options::default()
    };
    let r = report(
        document,
        &[("1", "oil price rises oil"), ("2", "oil price falls")],
    );
    assert_eq!(r.summary().cooccurrence_n, 2.0);
    assert_eq!(pairs(&r).len(), 1);
    let p = &pairs(&r)[0];
    assert_eq!(
        (
            p.term_a.as_str(),
            p.term_b.as_str(),
            p.count,
            p.count_a,
            p.count_b
        ),
        ("oil", "price", 2, 2, 2)
    );
    assert_close!(p.measures.pmi, 0.0);
}

#[test]
fn bigram_measures_equal_nltk() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let text = std::fs::read_to_string(format!("{fixtures}/bigrams.txt")).unwrap();
    let expected = std::fs::read_to_string(format!("{fixtures}/nltk_bigrams.tsv")).unwrap();
    let options = Options {
        cooccurrence: CoocOptions {
            scope: CoocScope::Window,
            window: 1,
            ordered: true,
            min_count: 2,
            all_kinds: false,
        },
        keep_stopwords: true,
        ..Options::default()
    };
    let r = report(options, &[("bigrams", &text)]);
    let mut rows = 0;
    for line in expected.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let number = |i: usize| f[i].parse::<f64>().unwrap();
        let ours = r
            .cooccurrence_rows()
            .find(|p| p.term_a == f[0] && p.term_b == f[1])
            .unwrap_or_else(|| panic!("pair {} {} missing", f[0], f[1]));
        assert_eq!(ours.count as f64, number(2));
        assert_eq!(
            (ours.count_a as f64, ours.count_b as f64),
            (number(3), number(4))
        );
        assert_close!(r.summary().cooccurrence_n, number(5));
        let m = &ours.measures;
        for (name, value, reference) in [
            ("pmi", m.pmi, number(6)),
            ("llr", m.llr, number(7)),
            ("chi2", m.chi2, number(8)),
            ("t_score", m.t_score, number(9)),
            ("dice", m.dice, number(10)),
            ("jaccard", m.jaccard, number(11)),
        ] {
            assert!(
                (value - reference).abs() < 1e-9 * reference.abs().max(1.0),
                "{} {} {name}: ours {value}, NLTK {reference}",
                f[0],
                f[1]
            );
        }
        rows += 1;
    }
    assert_eq!(rows, 8);
    assert_eq!(pairs(&r).len(), rows, "the same pairs reach min_count 2");
}

#[test]
fn one_document_in_two_languages() {
    // 13 English words in two sentences, then 11 Arabic words in one.
    let text = "The Security Council held its first open meeting on cyber security. \
                It was a long meeting.\n\
                عقد مجلس الأمن الدولي أول اجتماع رسمي عام بشأن الأمن الإلكتروني";
    let r = report(Options::default(), &[("mixed", text)]);
    assert_eq!(r.summary().tokens, 11 + 5 + 11);
    let rows: Vec<(&str, &str, &str, u64)> = r
        .languages()
        .iter()
        .map(|l| {
            (
                l.document.as_str(),
                l.language.code(),
                l.script.name(),
                l.words,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("mixed", "eng", "latin", 16),
            ("mixed", "ara", "arabic", 11),
            ("*", "eng", "latin", 16),
            ("*", "ara", "arabic", 11),
        ]
    );
    assert_close!(r.languages()[0].share, 16.0 / 27.0);
    assert_close!(
        r.summary().languages["ara"].share,
        (11.0f64 / 27.0 * 1e6).round() / 1e6
    );
    assert_eq!(r.summary().scripts["latin"].words, 16);
    let d = &r.documents()[0];
    assert_eq!(
        (d.language, d.script),
        (corpstat::Lang::of("eng"), Script::Latin)
    );
    assert_close!(d.language_share, 16.0 / 27.0);
}

#[test]
fn zipf_and_heaps_on_constructed_text() {
    // Counts 12, 6, 4, 3 = 12 / rank: the Zipf exponent is exactly 1.
    let text = [("الف", 12), ("باء", 6), ("تاء", 4), ("ثاء", 3)]
        .iter()
        .flat_map(|&(w, n)| std::iter::repeat_n(w, n))
        .collect::<Vec<_>>()
        .join(" ");
    let r = report(Options::default(), &[("z", &text)]);
    assert_close!(r.summary().zipf_exponent.unwrap(), 1.0);

    // Every token new: V(n) = n, so Heaps K = 1 and β = 1.
    let distinct: Vec<String> = (0..300).map(|i| format!("w{i}")).collect();
    let r = report(Options::default(), &[("h", &distinct.join(" "))]);
    assert_close!(r.summary().heaps_k.unwrap(), 1.0);
    assert_close!(r.summary().heaps_beta.unwrap(), 1.0);
    assert_close!(r.summary().ttr.unwrap(), 1.0);
    // No word repeats: MATTR is 1 and MTLD, with no factor at all, is N.
    assert_close!(r.summary().mattr.unwrap(), 1.0);
    assert_close!(r.summary().mtld.unwrap(), 300.0);
}

#[test]
fn mattr_runs_across_documents_in_order() {
    // Window 3 over the stream "a b a" + "c c": windows aba, bac, acc → (2 + 3 + 2) / 9.
    let options = Options {
        mattr_window: 3,
        ..Options::default()
    };
    let r = report(options, &[("1", "a b a"), ("2", "c c")]);
    assert_close!(
        r.summary().mattr.unwrap(),
        (7.0f64 / 9.0 * 1e6).round() / 1e6
    );
}

#[test]
fn plain_tokens_are_exactly_unicode_words() {
    let options = Options {
        normalize: corpstat::normalize::NormalizeOptions {
            form: corpstat::normalize::NormalForm::None,
            case: corpstat::normalize::CaseMode::Keep,
            ..Default::default()
        },
        tokens: corpstat::tokenize::TokenRules::Plain,
        ..Options::default()
    };
    let text = "Emmanuel Macron، رئيس فرنسا. ﻻ ﬁ ۱۳۹۶ 1396 می‌شود https://p.dw.com/p/2cWml";
    let r = report(options, &[("t", text)]);
    let words: Vec<&str> = crate::util::uax29_words(text)
        .into_iter()
        .map(|(_, w)| w)
        .collect();
    let mut expected = words.clone();
    expected.sort();
    expected.dedup();
    let mut ours: Vec<&str> = r.terms().iter().map(|t| t.term.as_str()).collect();
    ours.sort();
    assert_eq!(ours, expected);
    assert_eq!(r.summary().tokens, words.len() as u64);
}

/// The rows of cooccurrence.csv.
fn pairs(r: &corpstat::Report) -> Vec<corpstat::report::CooccurrenceRow> {
    r.cooccurrence_rows().collect()
}

#[test]
fn tables_left_uncounted_change_no_other_figure() {
    // Text in which bigrams and pairs repeat, so that both tables have rows.
    let docs = [
        (
            "a",
            "the red fox ran. the red fox ran. the red fox sat. the red fox ran.",
        ),
        (
            "b",
            "کتاب خوب است. کتاب خوب است. کتاب خوب بود. کتاب خوب است.",
        ),
    ];
    let full = report(Options::default(), &docs);
    assert!(full.ngrams().iter().any(|t| t.n() == 2 && !t.is_empty()));
    assert!(!full.cooccurrences().is_empty());
    for tables in [
        Tables::NONE,
        Tables::NGRAMS,
        Tables::COOCCURRENCE,
        Tables::SUMMARY,
    ] {
        let options = Options {
            tables,
            ..Options::default()
        };
        let part = report(options, &docs);
        // What is not counted is empty ...
        let bigrams = part.ngrams().iter().filter(|t| t.n() >= 2);
        assert_eq!(bigrams.clone().all(|t| t.is_empty()), !tables.ngrams);
        assert_eq!(part.cooccurrences().is_empty(), !tables.cooccurrence);
        assert_eq!(part.summary().duplicates.is_some(), tables.documents);
        assert_eq!(part.summary().quality.is_some(), tables.documents);
        assert_eq!(part.quality_rows().is_empty(), !tables.documents);
        assert_eq!(
            part.duplicate_rows().is_empty(),
            !tables.documents || full.duplicate_rows().is_empty()
        );
        // ... and everything else is as in the full run (summary.json too, but for
        // the duplicates and the quality: the tables counted are not among its options).
        let json = |r: &Report| {
            let mut value = serde_json::to_value(r.summary()).unwrap();
            if !tables.documents {
                let summary = value.as_object_mut().unwrap();
                summary.remove("duplicates");
                summary.remove("quality");
            }
            value
        };
        assert_eq!(json(&part), json(&full));
        assert_eq!(part.terms(), full.terms());
        assert_eq!(part.languages(), full.languages());
        assert_eq!(part.documents(), full.documents());
        if tables.ngrams {
            assert_eq!(part.ngrams(), full.ngrams());
        }
        if tables.cooccurrence {
            assert_eq!(part.cooccurrences(), full.cooccurrences());
        }
    }
}

/// The published example of DP (Lijffijt and Gries 2012, Table 1, correcting
/// Gries 2008): three equally large corpus parts, one holding 2/3 of the
/// occurrences of a, another the remaining 1/3. DP = ½ (|2/3 − 1/3| + |1/3 − 1/3|
/// + |0 − 1/3|) = 1/3, and DP normalised = DP / (1 − min s) = (1/3) / (2/3) = 0.5.
#[test]
fn dispersion_of_the_published_example() {
    let r = report(
        Options::default(),
        &[("p1", "xa xa xb"), ("p2", "xa xb xc"), ("p3", "xb xc xd")],
    );
    let xa = r.terms().iter().find(|row| row.term == "xa").unwrap();
    assert_close!(xa.dp, 1.0 / 3.0);
    assert_close!(xa.dp_norm.unwrap(), 0.5);
    // Juilland's D over equal parts: frequencies 2, 1, 0, mean 1, standard
    // deviation √(2/3), so D = 1 − √(2/3) / √2 = 1 − 1/√3.
    assert_close!(xa.juilland_d.unwrap(), 1.0 - 1.0 / 3f64.sqrt());
}

#[test]
fn dispersion_of_a_hand_worked_corpus() {
    // Documents of 3, 2 and 5 tokens (s = 0.3, 0.2, 0.5), as in the report README.
    let docs = [
        ("d1", "xa xa xb"),
        ("d2", "xa xc"),
        ("d3", "xc xc xc xc xc"),
    ];
    let r = report(Options::default(), &docs);
    let term = |t: &str| r.terms().iter().find(|row| row.term == t).unwrap().clone();
    // xa: 2, 1, 0 times. DP = ½ (|2/3 − 0.3| + |1/3 − 0.2| + 0.5) = 0.5.
    let xa = term("xa");
    assert_close!(xa.dp, 0.5);
    assert_close!(xa.dp_norm.unwrap(), 0.5 / 0.8);
    assert!((xa.juilland_d.unwrap() - 0.484921).abs() < 1e-6);
    // xc: 0, 1, 5 times: DP = 1/3.
    assert_close!(term("xc").dp, 1.0 / 3.0);
    // xb, once, in the 3-token document: DP = ½ (0.7 + 0.7) = 0.7; D = 0.
    let xb = term("xb");
    assert_close!(xb.dp, 0.7);
    assert_close!(xb.juilland_d.unwrap(), 0.0);
    // The same figures, to the last digit, with the documents in another order.
    let reversed: Vec<(&str, &str)> = docs.iter().rev().copied().collect();
    let again = report(Options::default(), &reversed);
    assert_eq!(again.terms(), r.terms());
}
