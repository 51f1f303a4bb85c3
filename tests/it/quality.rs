//! Quality signals (`quality.csv`, `summary.json`'s `quality`): known answers on
//! constructed documents, thresholds by language, the check paths, and the same
//! figures from partials merged as from one run.

use std::path::Path;

use super::partials::{assert_same_report, merge, path, shard_partials, shards_and_whole_report};
use super::util::{read_report, run};

/// Four bulleted lines without terminal punctuation, one repeated. 34 characters;
/// tokens Home About us Home Contact (22 characters).
const MENU: &str = "• Home\n• About us\n• Home\n• Contact";
/// Four Persian lines, the first repeated: 1 of 4 lines (25%) is over FineWeb-2's
/// Persian threshold (24.6%).
const PERSIAN: &str = "این کتاب را دیروز از کتابخانه گرفتم و امروز با دقت خواندم.\nهوای تهران در زمستان سرد است و گاهی برف می‌بارد.\nما فردا با خانواده به دیدن مادربزرگ می‌رویم.\nاین کتاب را دیروز از کتابخانه گرفتم و امروز با دقت خواندم.\n";
/// The same in English: 25% is under Gopher's 30%.
const ENGLISH: &str = "I borrowed this book from the library yesterday and read it carefully today.\nThe weather in the north is cold in winter and it often snows there.\nTomorrow we will visit our grandmother with the whole family.\nI borrowed this book from the library yesterday and read it carefully today.\n";
const LOREM: &str = "Lorem ipsum dolor sit amet {x}.\n";

/// The documents in two shards, and the report of all of them in one run
/// (see [`shards_and_whole_report`]); returns its folder.
fn whole_report(dir: &Path) -> std::path::PathBuf {
    let shards: [&[(&str, &str)]; 2] = [
        &[("en.txt", ENGLISH), ("fa.txt", PERSIAN)],
        &[("lorem.txt", LOREM), ("menu.txt", MENU)],
    ];
    shards_and_whole_report(dir, &shards, &["--group-by", "lang"])
}

/// The row of `document` in quality.csv, as (column, cell) pairs.
fn quality_row(report: &Path, document: &str) -> Vec<(String, String)> {
    let mut reader = csv::Reader::from_path(report.join("quality.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    let row = reader
        .records()
        .map(|r| r.unwrap())
        .find(|r| &r[0] == document)
        .unwrap_or_else(|| panic!("{document} in quality.csv"));
    headers
        .iter()
        .zip(row.iter())
        .map(|(h, c)| (h.to_string(), c.to_string()))
        .collect()
}

fn cell<'a>(row: &'a [(String, String)], column: &str) -> &'a str {
    &row.iter()
        .find(|(h, _)| h == column)
        .unwrap_or_else(|| panic!("{column}"))
        .1
}

#[test]
fn signals_and_rules_have_their_known_answers() {
    let dir = tempfile::tempdir().unwrap();
    let out = whole_report(dir.path());
    let menu = quality_row(&out, "menu.txt");
    // Worked out by hand from MENU.
    for (column, expected) in [
        ("words", "5"),
        // 22 characters over 5 tokens.
        ("mean_word_length", "4.400000"),
        ("terminal_lines", "0.000000"),
        ("bullet_lines", "1.000000"),
        ("duplicate_lines", "0.250000"),
        // "• Home" again: 6 of 34 characters.
        ("duplicate_line_chars", "0.176471"),
        // Every n-gram occurs once: the longest covers the most. "home contact"
        // (12 of 34), "us home contact" (15), "about us home contact" (21).
        ("top_2gram_chars", "0.352941"),
        ("top_3gram_chars", "0.441176"),
        ("top_4gram_chars", "0.617647"),
        ("no_letter_words", "0.000000"),
        ("url_email_words", "0.000000"),
    ] {
        assert_eq!(cell(&menu, column), expected, "menu.txt {column}");
    }
    let fails = |row: &[(String, String)]| -> Vec<String> {
        cell(row, "fails")
            .split_whitespace()
            .map(str::to_string)
            .collect()
    };
    let menu_fails = fails(&menu);
    for rule in [
        "gopher_bullet_lines",
        "gopher_top_2gram",
        "c4_few_sentences",
        "fineweb_line_punctuation",
    ] {
        assert!(
            menu_fails.iter().any(|f| f == rule),
            "{rule}: {menu_fails:?}"
        );
    }
    // The same repetition: Persian fails its tuned threshold, English does not.
    let persian = quality_row(&out, "fa.txt");
    let english = quality_row(&out, "en.txt");
    assert_eq!(cell(&persian, "language"), "fas");
    assert_eq!(cell(&english, "language"), "eng");
    assert_eq!(cell(&persian, "duplicate_lines"), "0.250000");
    assert_eq!(cell(&english, "duplicate_lines"), "0.250000");
    assert!(fails(&persian).contains(&"gopher_duplicate_lines".to_string()));
    assert!(!fails(&english).contains(&"gopher_duplicate_lines".to_string()));
    // Both have their language's stopwords; every line ends in a full stop.
    for row in [&persian, &english] {
        assert!(!fails(row).contains(&"gopher_stopwords".to_string()));
        assert_eq!(cell(row, "terminal_lines"), "1.000000");
    }
    let lorem = fails(&quality_row(&out, "lorem.txt"));
    assert!(
        lorem.contains(&"c4_lorem_ipsum".to_string())
            && lorem.contains(&"c4_curly_bracket".to_string())
    );

    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("summary.json")).unwrap()).unwrap();
    let rule = |name: &str| {
        let r = &summary["quality"]["rules"][name];
        (
            r["documents"].as_u64().unwrap(),
            r["flagged"].as_u64().unwrap(),
        )
    };
    assert_eq!(rule("gopher_duplicate_lines"), (4, 1));
    // The stopword rule applies to the English and Persian documents only.
    assert_eq!(rule("gopher_stopwords"), (2, 0));
    assert_eq!(rule("c4_lorem_ipsum"), (4, 1));
    // Every document fails something (each has fewer than 5 sentences).
    assert_eq!(summary["quality"]["any_rule"]["share"], 1.0);
    // Per group: the Persian group's one document fails the duplicate-line rule.
    assert_eq!(
        summary["quality"]["groups"]["fas"]["rules"]["gopher_duplicate_lines"]["flagged"],
        1
    );
    // The median of duplicate_lines over 0, 0.25, 0.25, 0.25.
    assert_eq!(
        summary["quality"]["signals"]["duplicate_lines"]["median"],
        0.25
    );

    // The check paths reach the figures.
    let rules = dir.path().join("rules.toml");
    std::fs::write(
        &rules,
        "[[rule]]\nname = \"few repeated lines\"\nmetric = \"quality.rules.gopher_duplicate_lines.share\"\nmax = 0.2\n\n\
         [[rule]]\nname = \"words\"\nmetric = \"quality.signals.mean_word_length.median\"\nmin = 3\n",
    )
    .unwrap();
    let checked = run(&[
        "check",
        "--summary",
        path(&out.join("summary.json")),
        "--rules",
        path(&rules),
    ]);
    let printed = String::from_utf8_lossy(&checked.stdout);
    assert_eq!(
        checked.status.code(),
        Some(1),
        "0.25 > 0.2 fails: {printed}"
    );
    assert!(
        printed.contains("few repeated lines") && printed.contains("words"),
        "{printed}"
    );
}

#[test]
fn partials_merged_give_the_single_runs_quality() {
    let dir = tempfile::tempdir().unwrap();
    let out = whole_report(dir.path());
    let whole = read_report(&out);
    let partials = shard_partials(dir.path(), 2, &["--group-by", "lang"]);
    let (code, said, merged) = merge(&[&partials[0], &partials[1]], &dir.path().join("merged"));
    assert_eq!(code, 0, "{said}");
    assert_same_report(&merged, &whole);
    assert!(merged.iter().any(|f| f.0 == "quality.csv"));
}
