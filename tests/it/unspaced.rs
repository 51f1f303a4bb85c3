//! Scripts written without spaces: the report's terms, n-grams, concordance and
//! language mix count the dictionary's words, and `--tokens characters` the
//! characters.

use super::util::{run, run_with_input, stderr, stdout, write_corpus};

const CHINESE: &str = "我们今天去北京大学学习中文。北京大学在北京。\n";
const THAI: &str = "ภาษาไทยเป็นภาษาที่สวยงาม\n";

#[test]
fn terms_and_ngrams_are_words() {
    let terms = run_with_input(&["terms", "--format", "tsv"], CHINESE);
    assert!(terms.status.success(), "{}", stderr(&terms));
    let text = stdout(&terms);
    let counts: Vec<(&str, &str)> = text
        .lines()
        .skip(1)
        .map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            (cells[1], cells[2])
        })
        .collect();
    // 北京 three times (北京大学 twice, then 北京), 大学 twice, no single 北 or 京.
    assert!(counts.contains(&("北京", "3")), "{counts:?}");
    assert!(counts.contains(&("大学", "2")), "{counts:?}");
    assert!(!counts.iter().any(|(t, _)| *t == "北" || *t == "京"));
    let ngrams = run_with_input(&["ngrams", "-n", "2", "--format", "tsv"], CHINESE);
    assert!(
        stdout(&ngrams).contains("北京 大学\t2"),
        "{}",
        stdout(&ngrams)
    );
    // The old characters, on request.
    let characters = run_with_input(
        &["terms", "--tokens", "characters", "--format", "tsv"],
        CHINESE,
    );
    assert!(stdout(&characters)
        .lines()
        .any(|l| l.split('\t').nth(1) == Some("京")));
}

#[test]
fn the_concordance_and_the_language_mix_read_words() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = write_corpus(dir.path(), &[("zh.txt", CHINESE), ("th.txt", THAI)]);
    let kwic = run(&["kwic", "大学", &corpus]);
    assert!(kwic.status.success(), "{}", stderr(&kwic));
    // Two lines: 北京 | 大学 | 学习 and 北京 | 大学 | 在.
    assert_eq!(stdout(&kwic).lines().count(), 3, "{}", stdout(&kwic));
    let stats = run(&["langs", &corpus, "--format", "tsv"]);
    let text = stdout(&stats);
    // Chinese 11 words (7 + 4), Thai 6.
    assert!(text.contains("zh.txt\tzho\than\t11\t"), "{text}");
    assert!(text.contains("th.txt\ttha\tthai\t6\t"), "{text}");
}
