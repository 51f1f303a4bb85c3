//! The tokenizer's tests: Arabic and Persian words and sentences, special tokens, and the fast paths checked against unicode-segmentation.

use super::sentences::sentence_class;
use super::words::{word_class, word_kind, WordClass};
use unicode_segmentation::UnicodeSegmentation;

use super::*;

fn words(text: &str) -> Vec<&str> {
    tokenize(text).tokens.iter().map(|t| t.text).collect()
}

fn sentences(text: &str) -> Vec<Vec<&str>> {
    let t = tokenize(text);
    t.sentences
        .iter()
        .map(|r| t.tokens[r.clone()].iter().map(|t| t.text).collect())
        .collect()
}

/// unicode-segmentation's words cut at white space (the rule of `push_segment`,
/// written again here to check it).
fn uax29_words(text: &str) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    for (at, segment) in text.unicode_word_indices() {
        let mut offset = 0;
        for piece in segment.split(char::is_whitespace) {
            if piece.chars().any(char::is_alphanumeric) {
                words.push((at + offset, piece));
            }
            offset += piece.len()
                + segment[offset + piece.len()..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
        }
    }
    words
}

/// A combining mark written after a space is a word of its own, without the space:
/// the honorific signs of classical Arabic (U+0611 ALAYHE ASSALLAM after a name),
/// a Gurmukhi vowel sign cut from its word by a space, a mark at the very start of
/// a text or after a line break.
#[test]
fn a_mark_after_white_space_is_a_word_without_the_space() {
    assert_eq!(words("محمد \u{0611}"), ["محمد", "\u{0611}"]);
    assert_eq!(words("علي \u{0611} قال"), ["علي", "\u{0611}", "قال"]);
    // ਦੇਸ਼ (desh, "country") written with a space before its vowel sign EE (U+0A47):
    // the vowel sign is joined to the space, and UAX #29 breaks before the letter
    // after them, so ਦ, the vowel sign and ਸ਼ are three words.
    assert_eq!(
        words("\u{0A26} \u{0A47}\u{0A36}"),
        ["\u{0A26}", "\u{0A47}", "\u{0A36}"]
    );
    // Thai vowel and tone marks (U+0E31, U+0E48) after a space.
    assert_eq!(
        words("\u{0E01} \u{0E31}\u{0E48}"),
        ["\u{0E01}", "\u{0E31}\u{0E48}"]
    );
    // At the start of a text and after a line break, UAX #29 keeps the mark alone.
    assert_eq!(words("\u{0611} محمد"), ["\u{0611}", "محمد"]);
    assert_eq!(words("محمد\n\u{0611}"), ["محمد", "\u{0611}"]);
    // Several spaces, and a no-break space, before the mark.
    assert_eq!(words("محمد  \u{0611}"), ["محمد", "\u{0611}"]);
    assert_eq!(words("محمد\u{00A0}\u{0611}"), ["محمد", "\u{0611}"]);
    let t = tokenize("علي \u{0611}");
    assert_eq!(t.tokens[1].start, "علي ".len());
    assert_eq!(t.tokens[1].kind, TokenKind::Word);
    assert_eq!(t.sentences, vec![0..2]);
}

#[test]
fn arabic_words_and_sentences() {
    let text = "قال وزير خارجية الصين، وانغ يي. وناقش الوزيران الهجمات؟ نعم!";
    assert_eq!(
        sentences(text),
        vec![
            vec!["قال", "وزير", "خارجية", "الصين", "وانغ", "يي"],
            vec!["وناقش", "الوزيران", "الهجمات"],
            vec!["نعم"],
        ]
    );
}

#[test]
fn zwnj_keeps_a_persian_word_whole() {
    assert_eq!(words("ایمیل‌ها می‌شود"), ["ایمیل‌ها", "می‌شود"]);
}

#[test]
fn equals_unicode_words_even_across_sentence_breaks() {
    // "etc.Then" is one UAX #29 word, but a sentence boundary falls inside it.
    for text in [
        "Wait etc.Then go. Next one",
        "",
        "   ...   ",
        "12 مارس 2024، في البرلمان",
        "a\r\nb\rc\n\nd",
    ] {
        let expected: Vec<&str> = uax29_words(text).into_iter().map(|(_, w)| w).collect();
        assert_eq!(words(text), expected, "{text:?}");
        let t = tokenize(text);
        let covered: usize = t.sentences.iter().map(|r| r.len()).sum();
        assert_eq!(covered, t.tokens.len());
    }
}

/// Every character the fast path knows, in every context of representatives of
/// each class, splits exactly as unicode-segmentation splits it.
#[test]
fn fast_path_classes_agree_with_unicode_segmentation() {
    let alphabet: Vec<char> = (0..=0x10FFFFu32)
        .filter_map(char::from_u32)
        .filter(|&c| word_class(c).0 != WordClass::Unknown)
        .collect();
    assert!(alphabet.len() > 250, "{}", alphabet.len());
    let reps = [
        'a', 'Z', '1', 'ب', '۳', '٣', '.', ',', ':', '\'', '،', '\u{2019}', ' ', '\n', '(',
        '\u{064E}', '\u{200C}', '_', '\u{00A0}',
    ];
    let check = |s: &str| {
        let got: Vec<(usize, &str, TokenKind)> = tokenize(s)
            .tokens
            .iter()
            .map(|t| (t.start, t.text, t.kind))
            .collect();
        let expected: Vec<(usize, &str, TokenKind)> = uax29_words(s)
            .into_iter()
            .map(|(i, w)| (i, w, word_kind(w)))
            .collect();
        assert_eq!(got, expected, "{s:?}");
    };
    let mut s = String::new();
    for &c in &alphabet {
        for &d in &alphabet {
            s.clear();
            s.extend([c, d]);
            check(&s);
        }
        for &x in &reps {
            for &y in &reps {
                for &z in &reps {
                    for chars in [[x, y, c, z], [x, c, y, z], [c, x, y, z], [x, y, z, c]] {
                        s.clear();
                        s.extend(chars);
                        check(&s);
                    }
                }
            }
        }
    }
}

/// Sentences: the paragraph fast path against unicode-segmentation, for every
/// character the fast path accepts, and the terminals, in short contexts.
#[test]
fn sentence_bounds_equal_unicode_segmentation() {
    let mut alphabet: Vec<char> = (0..=0x10FFFFu32)
        .filter_map(char::from_u32)
        .filter(|&c| word_class(c).0 != WordClass::Unknown)
        .collect();
    alphabet.extend(['\u{2029}', '\u{0085}', '\u{3002}', ')']);
    // Every character the rules-based cut knows.
    alphabet.extend(
        (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| sentence_class(c).is_some()),
    );
    alphabet.sort_unstable();
    alphabet.dedup();
    let reps = [
        'a', 'B', '1', 'ب', ' ', '.', '!', '?', '؟', '\n', '\r', '"', ')', ',', '\u{064B}', '#',
    ];
    let check = |s: &str| {
        let got: Vec<(usize, &str)> = sentence_bounds(s).collect();
        let expected: Vec<(usize, &str)> = s.split_sentence_bound_indices().collect();
        assert_eq!(got, expected, "{s:?}");
    };
    let mut s = String::new();
    for &c in &alphabet {
        for &x in &reps {
            for &y in &reps {
                for &z in &reps {
                    for chars in [[x, y, c, z], [c, x, y, z], [x, c, y, z]] {
                        s.clear();
                        s.extend(chars);
                        check(&s);
                    }
                }
            }
        }
    }
    for text in [
        "",
        "\n\n",
        "a\r\nb\rc\n",
        "Mr. Smith went. He said! Ok? Yes.\nNext",
        "سلام دنیا\nچطوری؟ خوبم.",
    ] {
        check(text);
    }
}

#[test]
fn token_ranges_point_into_the_text() {
    let text = "Hello, دنیا! 42";
    for token in tokenize(text).tokens {
        assert_eq!(&text[token.range()], token.text);
    }
}

fn smart(text: &str) -> Vec<(&str, &'static str)> {
    tokenize_with(text, TokenRules::Smart)
        .tokens
        .iter()
        .map(|t| (t.text, t.kind.name()))
        .collect()
}

#[test]
fn urls_stay_whole() {
    assert_eq!(
        smart("رابط https://p.dw.com/p/2cWml، و www.example.org/a/b."),
        [
            ("رابط", "word"),
            ("https://p.dw.com/p/2cWml", "url"),
            ("و", "word"),
            ("www.example.org/a/b", "url"),
        ]
    );
    assert_eq!(
        smart("(see http://a.io/x)"),
        [("see", "word"), ("http://a.io/x", "url")]
    );
    // A bare "www." or a word that merely starts with "http" is not a URL.
    assert_eq!(smart("httpd www."), [("httpd", "word"), ("www", "word")]);
}

#[test]
fn emails_mentions_and_hashtags() {
    assert_eq!(
        smart("بنویسید به news.desk@example.org یا @bbc_persian #امنیت_سایبری #می‌شود #2024"),
        [
            ("بنویسید", "word"),
            ("به", "word"),
            ("news.desk@example.org", "email"),
            ("یا", "word"),
            ("@bbc_persian", "mention"),
            ("#امنیت_سایبری", "hashtag"),
            ("#می‌شود", "hashtag"),
            ("2024", "number"),
        ]
    );
    // No address without a top-level domain; no mention inside a word.
    assert_eq!(
        smart("a@b x@y.z"),
        [("a", "word"), ("b", "word"), ("x", "word"), ("y.z", "word")]
    );
    assert_eq!(smart("C#"), [("C", "word")]);
}

#[test]
fn numbers_are_told_from_words() {
    assert_eq!(
        smart("۱۳۹۶ 1396 3.5 APT31"),
        [
            ("۱۳۹۶", "number"),
            ("1396", "number"),
            ("3.5", "number"),
            ("APT31", "word")
        ]
    );
}

#[test]
fn newlines_end_sentences() {
    assert_eq!(
        sentences("عنوان الخبر\nنص الخبر"),
        vec![vec!["عنوان", "الخبر"], vec!["نص", "الخبر"]]
    );
}

/// The words of `text` under `rules`.
fn words_under(text: &str, rules: TokenRules) -> Vec<&str> {
    tokenize_with(text, rules)
        .tokens
        .iter()
        .map(|t| t.text)
        .collect()
}

#[test]
fn scripts_without_spaces_are_split_into_words() {
    // Worked out by hand: "we / today / go / Beijing / university / study / Chinese".
    assert_eq!(
        words_under("我们今天去北京大学学习中文。", TokenRules::Smart),
        ["我们", "今天", "去", "北京", "大学", "学习", "中文"]
    );
    // "language / Thai / is / language / that / beautiful".
    assert_eq!(
        words_under("ภาษาไทยเป็นภาษาที่สวยงาม", TokenRules::Smart),
        ["ภาษา", "ไทย", "เป็น", "ภาษา", "ที่", "สวยงาม"]
    );
    // "I / (topic) / Tokyo / university / at / Japanese / (object) / study", then
    // the verb's tail: UniDic splits し て い ます; the dictionary gives し てい ます.
    assert_eq!(
        words_under("私は東京大学で日本語を勉強しています。", TokenRules::Smart),
        [
            "私",
            "は",
            "東京",
            "大学",
            "で",
            "日本語",
            "を",
            "勉強",
            "し",
            "てい",
            "ます"
        ]
    );
}

#[test]
fn characters_and_plain_keep_the_characters_of_uax_29() {
    let text = "我们去北京";
    for rules in [TokenRules::Characters, TokenRules::Plain] {
        assert_eq!(words_under(text, rules), ["我", "们", "去", "北", "京"]);
    }
}

#[test]
fn only_runs_of_those_scripts_are_split_again() {
    // Latin, digits and Arabic around the run keep their UAX #29 words; the run
    // ends at punctuation, digits and other scripts.
    assert_eq!(
        words_under("APT31 في 2024年发布了新报告，نص", TokenRules::Smart),
        ["APT31", "في", "2024", "年", "发布", "了", "新", "报告", "نص"]
    );
    // A URL among them stays whole.
    assert_eq!(
        words_under("请访问 https://example.com 了解更多", TokenRules::Smart),
        ["请", "访问", "https://example.com", "了解", "更多"]
    );
}

#[test]
fn rules_are_found_by_their_names() {
    for rules in [TokenRules::Smart, TokenRules::Plain, TokenRules::Characters] {
        let name = serde_json::to_value(rules).unwrap();
        assert_eq!(TokenRules::from_name(name.as_str().unwrap()), Some(rules));
    }
    assert_eq!(TokenRules::from_name("Smart"), None);
}
