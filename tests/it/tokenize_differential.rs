//! The tokenizer's fast paths change no token and no sentence: corpstat's raw words equal
//! unicode-segmentation's `unicode_word_indices()` cut at white space
//! (`util::uax29_words`), and its sentences equal
//! `split_sentence_bound_indices()`, on the whole benchmark corpus
//! (when it is present beside the checkout) and on generated text.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

use corpstat::InputOptions;

use corpstat::input::{find_files, DocumentStream, InputEvent};

use corpstat::tokenize::{sentence_bounds, words};
use corpstat::TokenKind;

fn raw(text: &str) -> Vec<(usize, &str)> {
    words(text).iter().map(|t| (t.start, t.text)).collect()
}

fn expected(text: &str) -> Vec<(usize, &str)> {
    crate::util::uax29_words(text)
}

#[test]
fn raw_tokens_equal_unicode_words_on_the_bench_corpus() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/corpus-50mb.jsonl.gz");
    let missing = format!("{} is absent", corpus.display());
    if !crate::util::required(corpus.exists(), &missing) {
        return;
    }
    let (files, problems) = find_files(&[PathBuf::from(&corpus)], &InputOptions::default())
        .expect("the corpus is readable");
    assert!(problems.is_empty());
    let (mut documents, mut tokens, mut bytes) = (0usize, 0usize, 0usize);
    let mut sentence_count = 0usize;
    for event in DocumentStream::new(files, problems, InputOptions::default()) {
        let InputEvent::Document(document) = event else {
            panic!("the bench corpus reads without problems");
        };
        let text = document.text.as_str();
        let sentences: Vec<(usize, &str)> = sentence_bounds(text).collect();
        let uax_sentences: Vec<(usize, &str)> = text.split_sentence_bound_indices().collect();
        assert!(
            sentences == uax_sentences,
            "{}: sentences differ",
            document.meta.id
        );
        sentence_count += sentences.len();
        let got = raw(text);
        let want = expected(text);
        if got != want {
            let first = got.iter().zip(&want).position(|(a, b)| a != b);
            panic!(
                "{}: tokens differ at {first:?}: {:?} against {:?}",
                document.meta.id,
                first.map(|i| got[i]),
                first.map(|i| want[i])
            );
        }
        documents += 1;
        tokens += got.len();
        bytes += text.len();
    }
    eprintln!(
        "{documents} documents, {bytes} bytes, {tokens} tokens, {sentence_count} sentences: identical"
    );
    assert_eq!(documents, 11175);
    assert!(tokens > 5_000_000, "{tokens}");
}

/// Every combining mark (general category Mn, Mc, Me) and format character (Cf)
/// of Unicode, after a space, after a no-break space, after a line break, at the
/// start of a text and between two words, in Latin and Arabic text: no token holds
/// white space, and the tokens are the independent UAX #29 segmenter's words under
/// the same rule (`util::uax29_words`), in plain and smart tokenization.
#[test]
fn no_token_holds_white_space_around_any_mark_or_format_character() {
    use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};
    let marks: Vec<char> = (0..=0x10FFFFu32)
        .filter_map(char::from_u32)
        .filter(|c| {
            c.general_category_group() == GeneralCategoryGroup::Mark
                || c.general_category() == GeneralCategory::Format
        })
        .collect();
    assert!(marks.len() > 2000, "{} marks", marks.len());
    let mut once_with_space = 0;
    for c in marks {
        for text in [
            format!("word {c}"),
            format!("محمد {c}"),
            format!("محمد\u{00A0}{c}"),
            format!("word\n{c}"),
            format!("{c}word"),
            format!("{c} محمد"),
            format!("one {c} two"),
            format!("علي {c} قال"),
            format!("a  {c}b"),
        ] {
            let want = expected(&text);
            let plain = raw(&text);
            assert_eq!(plain, want, "{text:?}");
            once_with_space += usize::from(
                text.unicode_words()
                    .any(|w| w.contains(char::is_whitespace)),
            );
            let smart =
                corpstat::tokenize::tokenize_with(&text, corpstat::tokenize::TokenRules::Smart);
            for token in plain
                .iter()
                .map(|t| t.1)
                .chain(smart.tokens.iter().map(|t| t.text))
            {
                assert!(
                    !token.contains(char::is_whitespace),
                    "{token:?} in {text:?}"
                );
            }
        }
    }
    // The texts do reach the case: UAX #29 alone gives words that hold a space.
    assert!(once_with_space > 1000, "{once_with_space}");
}

/// Characters the fast path knows (ASCII, Arabic letters, digits and marks, ZWNJ,
/// punctuation), mixed with any Unicode character, so that every boundary between
/// the fast path and the fallback is crossed.
/// Text of only the characters the sentence rules are applied to without
/// unicode-segmentation, terminals, closing marks and spaces often.
fn rules_text() -> impl Strategy<Value = String> {
    let common = prop::sample::select(
        ". . ! ? ؟ ۔ ) \" ' « » , ، - : aB1ب٣۴\u{064B}\u{200C}\n#"
            .chars()
            .collect::<Vec<char>>(),
    );
    let ascii = (0u32..0x80).prop_map(|c| char::from_u32(c).unwrap_or(' '));
    let arabic = (0x600u32..0x700).prop_map(|c| char::from_u32(c).unwrap_or(' '));
    prop::collection::vec(prop_oneof![4 => common, 1 => ascii, 1 => arabic], 0..96)
        .prop_map(|chars| chars.into_iter().collect())
}

fn mixed_text() -> impl Strategy<Value = String> {
    let known = prop::sample::select(
        "aZ9_ .,:;'!?()\"#@-/\n\t\r،؛؟«»٪۔\u{2019}\u{2018}\u{201C}\u{00A0}بپچژکگیيىةأإآٱءئؤ\u{0640}٠٩۰۹\u{064B}\u{064E}\u{0651}\u{0652}\u{0654}\u{0670}\u{200C}\u{200D}\u{06D6}"
            .chars()
            .collect::<Vec<char>>(),
    );
    let any = any::<char>();
    prop::collection::vec(prop_oneof![8 => known, 1 => any], 0..64)
        .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn raw_tokens_equal_unicode_words_on_mixed_text(text in mixed_text()) {
        prop_assert_eq!(raw(&text), expected(&text));
        for token in words(&text) {
            let alphabetic = token.text.chars().any(char::is_alphabetic);
            prop_assert_eq!(token.kind == TokenKind::Word, alphabetic);
        }
    }

    #[test]
    fn raw_tokens_equal_unicode_words_on_any_text(text in any::<String>()) {
        prop_assert_eq!(raw(&text), expected(&text));
    }

    #[test]
    fn sentences_equal_unicode_sentences_on_mixed_text(text in mixed_text()) {
        let got: Vec<(usize, &str)> = sentence_bounds(&text).collect();
        let want: Vec<(usize, &str)> = text.split_sentence_bound_indices().collect();
        prop_assert_eq!(got, want);
    }

    #[test]
    fn sentences_equal_unicode_sentences_on_rules_text(text in rules_text()) {
        let got: Vec<(usize, &str)> = sentence_bounds(&text).collect();
        let want: Vec<(usize, &str)> = text.split_sentence_bound_indices().collect();
        prop_assert_eq!(got, want);
    }

    #[test]
    fn sentences_equal_unicode_sentences_on_any_text(text in any::<String>()) {
        let got: Vec<(usize, &str)> = sentence_bounds(&text).collect();
        let want: Vec<(usize, &str)> = text.split_sentence_bound_indices().collect();
        prop_assert_eq!(got, want);
    }
}
