//! Invariants under generated input (proptest, a bounded number of cases).

use proptest::prelude::*;

use corpstat::normalize::{CaseMode, NormalForm, NormalizeOptions};
use corpstat::tokenize;
use corpstat::Analyzer;
use corpstat::Normalizer;
use corpstat::{Corpus, Document, Options, Report};

/// Text drawn from Arabic, Persian, Latin, digits, spaces and punctuation, so that
/// words, sentences and repeated terms actually occur.
fn corpus_text() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "في",
        "الأمن",
        "أمن",
        "می‌شود",
        "کتاب",
        "ایران",
        "the",
        "Security",
        "council",
        "۱۳۹۶",
        "1396",
        "ﻻ",
        "e-mail",
        "Macron",
        "ΟΔΟΣ",
    ]);
    let sep = prop::sample::select(vec![" ", " ", " ", ". ", "، ", "\n", "؟ ", "! "]);
    prop::collection::vec((word, sep), 0..40)
        .prop_map(|parts| parts.into_iter().map(|(w, s)| format!("{w}{s}")).collect())
}

/// The rows of every table the report has.
fn tables(report: &Report) -> Vec<Vec<Vec<String>>> {
    corpstat::output::TABLES
        .iter()
        .filter(|spec| spec.is_in(report))
        .map(|spec| spec.table(report).rows)
        .collect()
}

fn small_options() -> Options {
    Options {
        cooccurrence: corpstat::options::CoocOptions {
            min_count: 1,
            ..Default::default()
        },
        ..Options::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn plain_tokens_equal_unicode_words(text in any::<String>()) {
        let tokens: Vec<&str> = tokenize(&text).tokens.iter().map(|t| t.text).collect();
        let expected: Vec<&str> = crate::util::uax29_words(&text).into_iter().map(|(_, w)| w).collect();
        prop_assert_eq!(tokens, expected);
    }

    #[test]
    fn decoding_any_bytes_gives_text(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        use corpstat::input::decode;
        use corpstat::input::Decoded;
        const BOM: char = '\u{FEFF}';
        match decode(&bytes) {
            Decoded::Binary => prop_assert!(bytes.contains(&0)),
            Decoded::Text { text, replaced } => {
                prop_assert!(replaced <= bytes.len());
                if replaced > 0 {
                    prop_assert!(text.contains(char::REPLACEMENT_CHARACTER), "no U+FFFD in {:?}", text);
                }
                // Valid UTF-8 without a BOM comes through unchanged.
                if let Ok(valid) = std::str::from_utf8(&bytes) {
                    if !valid.starts_with(BOM) && !bytes.starts_with(&[0xFF, 0xFE]) && !bytes.starts_with(&[0xFE, 0xFF]) {
                        prop_assert_eq!(replaced, 0);
                        prop_assert_eq!(text.as_str(), valid);
                    }
                }
            }
        }
    }

    #[test]
    fn analyzing_any_text_never_panics(text in any::<String>()) {
        let analyzer = Analyzer::new(Options::default()).expect("default options are valid");
        let stats = analyzer.analyze(Document::new("d", text));
        let unigram_sum: u64 = stats.term_counts().iter().map(|&c| c as u64).sum();
        prop_assert_eq!(unigram_sum, stats.tokens() as u64);
    }

    #[test]
    fn token_ranges_are_in_order_and_inside_the_text(text in any::<String>()) {
        let t = tokenize(&text);
        let mut end = 0;
        for token in &t.tokens {
            prop_assert!(token.start >= end);
            prop_assert_eq!(&text[token.range()], token.text);
            end = token.range().end;
        }
        let covered: usize = t.sentences.iter().map(|r| r.len()).sum();
        prop_assert_eq!(covered, t.tokens.len());
    }

    #[test]
    fn normalizing_twice_equals_once(text in any::<String>()) {
        for form in [NormalForm::Nfkc, NormalForm::Full] {
            let n = Normalizer::new(&NormalizeOptions { form, case: CaseMode::Fold, ..Default::default() }).unwrap();
            let once = n.normalize(&text);
            prop_assert_eq!(n.normalize(&once), once);
        }
    }

    #[test]
    fn counts_add_up(text in corpus_text()) {
        let analyzer = Analyzer::new(Options::default()).expect("default options are valid");
        let stats = analyzer.analyze(Document::new("d", text.clone()));
        let unigram_sum: u64 = stats.term_counts().iter().map(|&c| c as u64).sum();
        prop_assert_eq!(unigram_sum, stats.tokens() as u64);
        // Bigrams: Σ over sentences of (tokens − 1).
        let normalized = analyzer.normalizer().surface(&text).into_owned();
        let expected_bigrams: usize = corpstat::tokenize::tokenize_with(&normalized, Default::default()).sentences.iter().map(|r| r.len() - 1).sum();
        let bigrams = stats.ngram_occurrences(2);
        prop_assert_eq!(bigrams, expected_bigrams as u64);
        let language_words: u64 = stats.figures().language_words.values().sum();
        prop_assert_eq!(language_words, stats.tokens() as u64);
    }

    #[test]
    fn merge_order_does_not_change_the_tables(
        texts in prop::collection::vec(corpus_text(), 1..6),
        seed in any::<u64>(),
    ) {
        let docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::new(format!("doc{i}"), t.clone()))
            .collect();
        let mut shuffled = docs.clone();
        // A deterministic shuffle from the seed.
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let mut a = Corpus::new(small_options()).unwrap();
        for d in docs {
            a.add_document(d);
        }
        let mut b = Corpus::new(small_options()).unwrap();
        for d in shuffled {
            b.add_document(d);
        }
        let (a, b) = (a.finish(), b.finish());
        prop_assert_eq!(tables(&a), tables(&b));
        prop_assert_eq!(a.summary().tokens, b.summary().tokens);
        prop_assert_eq!(a.summary().yules_k, b.summary().yules_k);
        prop_assert_eq!(a.summary().mtld, b.summary().mtld);
    }
}

#[test]
fn one_and_two_threads_give_the_same_report() {
    let texts: Vec<String> = (0..2000)
        .map(|i| {
            format!(
                "الوثيقة {i} تتحدث عن الأمن. document {} about security and کتاب‌ها",
                i % 37
            )
        })
        .collect();
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| {
            let mut corpus = Corpus::new(small_options()).unwrap();
            corpus.add_documents(
                texts
                    .iter()
                    .enumerate()
                    .map(|(i, t)| Document::new(format!("{i:05}"), t.clone())),
            );
            corpus.finish()
        })
    };
    let (one, two) = (run(1), run(2));
    assert_eq!(one, two);
    assert_eq!(one.summary().documents, 2000);
}
