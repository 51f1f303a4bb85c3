//! The real binary: its help, its printed tables, completions, the progress bar and the options a subcommand refuses.

use crate::util::{corpstat, root, run, stderr, stdout};
use std::io::Write;
use std::process::Stdio;

#[test]
fn help_fits_an_80_column_terminal_with_one_line_abouts() {
    let help = |args: &[&str]| {
        let output = corpstat().args(args).env("COLUMNS", "80").output().unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output)
    };
    let main = help(&["--help"]);
    let commands: Vec<&str> = main
        .lines()
        .skip_while(|l| *l != "Commands:")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect();
    assert!(commands.len() >= 11, "{main}");
    for line in &commands {
        // One line each, well inside the width: "  report   Write the full ...".
        assert!(line.chars().count() <= 80, "{line}");
    }
    for sub in [
        "report", "terms", "ngrams", "langs", "cooc", "stats", "detect", "check",
    ] {
        let text = help(&[sub, "--help"]);
        for line in text.lines() {
            assert!(line.chars().count() <= 80, "{sub}: {line:?}");
        }
        // Words are not cut: "co-occurrence" is never split across lines.
        assert!(!text.contains("co-occu\n"), "{sub}");
    }
}

/// The numbers of `line` in the order a reader sees them, left to right, once the
/// Unicode bidi algorithm has laid the line out in a left-to-right paragraph (as a
/// terminal, a browser's `<pre>` or a chat shows it).
fn numbers_as_seen(line: &str) -> Vec<String> {
    let bidi = unicode_bidi::BidiInfo::new(line, Some(unicode_bidi::Level::ltr()));
    let paragraph = &bidi.paragraphs[0];
    let visual = bidi.reorder_line(paragraph, paragraph.range.clone());
    visual
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter(|s| s.chars().any(|c| c.is_ascii_digit()))
        .map(str::to_string)
        .collect()
}

#[test]
fn table_rows_keep_their_column_order_around_arabic_cells() {
    let output = run(&["cooc", "--top", "5", "--format", "table"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(rows.len(), 5, "{text}");
    for row in rows {
        // Both terms are Arabic; the eleven numbers follow them.
        let logical: Vec<String> = row
            .split(|c: char| !(c.is_ascii_digit() || c == '.'))
            .filter(|s| s.chars().any(|c| c.is_ascii_digit()))
            .map(str::to_string)
            .collect();
        assert_eq!(logical.len(), 11, "{row}");
        assert_eq!(numbers_as_seen(row), logical, "{row}");
        // Without the isolates the same row reads with its numbers reversed: the
        // check above is one a row can fail.
        let bare = row.replace(['\u{2068}', '\u{2069}'], "");
        assert_ne!(numbers_as_seen(&bare), logical, "{bare}");
    }
}

/// `kwic --format table` in a left-to-right terminal, `<pre>` or chat: each row
/// shows its cells in column order (document, sentence, left, match, right) though
/// the contexts are Arabic, each cell read whole in its own direction.
#[test]
fn kwic_table_rows_keep_their_columns_in_order_around_arabic_contexts() {
    let output = run(&["kwic", "الشمالية", "--context", "2", "--format", "table"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(rows.len(), 9, "{text}");
    // Where each cell stands in the row as seen, or None when it is not seen whole.
    let places = |row: &str, cells: &[&str]| -> Vec<Option<usize>> {
        let bidi = unicode_bidi::BidiInfo::new(row, Some(unicode_bidi::Level::ltr()));
        let paragraph = &bidi.paragraphs[0];
        let seen = bidi
            .reorder_line(paragraph, paragraph.range.clone())
            .into_owned();
        cells
            .iter()
            .map(|cell| {
                // A cell alone, laid out in the direction of its first letter.
                let alone = unicode_bidi::BidiInfo::new(cell, None);
                let p = &alone.paragraphs[0];
                seen.find(alone.reorder_line(p, p.range.clone()).as_ref())
            })
            .collect()
    };
    let in_column_order = |places: &[Option<usize>]| {
        places.iter().all(Option::is_some) && places.windows(2).all(|w| w[0] < w[1])
    };
    for row in rows {
        let cells: Vec<&str> = row
            .split('\u{2068}')
            .skip(1)
            .map(|cell| cell.split('\u{2069}').next().unwrap_or_default())
            .filter(|cell| !cell.is_empty())
            .collect();
        assert!(cells.len() >= 4, "{row}");
        assert!(in_column_order(&places(row, &cells)), "{row}");
        // Without the isolates the same row is not seen in column order: the check
        // above is one a row can fail.
        let bare = row.replace(['\u{2068}', '\u{2069}'], "");
        assert!(!in_column_order(&places(&bare, &cells)), "{bare}");
    }
}

#[test]
fn json_output_is_typed_with_keys_in_column_order() {
    let output = run(&["terms", "--top", "1", "--format", "json"]);
    let text = stdout(&output);
    let keys: Vec<&str> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix('"'))
        .filter_map(|l| l.split('"').next())
        .collect();
    let columns: Vec<&str> = corpstat::output::TERMS_CSV
        .columns
        .iter()
        .map(|c| &*c.name)
        .collect();
    assert_eq!(keys, columns);
    let rows: serde_json::Value = serde_json::from_str(&text).unwrap();
    // في: 52 times, a stopword.
    assert_eq!(rows[0]["count"], 52);
    assert_eq!(rows[0]["stopword"], true);
    let check = run(&[
        "check",
        "--rules",
        "examples/corpus-ci/rules.toml",
        "--baseline",
        "reports/summary.json",
        "--format",
        "json",
    ]);
    let rows: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    let documents = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["metric"] == "documents")
        .unwrap();
    assert_eq!(documents["actual"], 5);
}

#[test]
fn completions_and_the_man_page_are_printed_on_request() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let output = run(&["completions", shell]);
        assert!(output.status.success(), "{shell}: {}", stderr(&output));
        let script = stdout(&output);
        for word in ["report", "terms", "check", "group-by", "cooc-scope"] {
            assert!(script.contains(word), "{shell} lacks {word}");
        }
    }
    let bad = run(&["completions", "tcsh"]);
    assert_eq!(bad.status.code(), Some(2));
    let man = run(&["man"]);
    assert!(man.status.success(), "{}", stderr(&man));
    let page = stdout(&man);
    assert!(page.contains(".TH corpstat 1"), "{}", &page[..200]);
    for section in [
        "CORPSTAT REPORT",
        "CORPSTAT TERMS",
        "CORPSTAT CHECK",
        "CORPSTAT COMPLETIONS",
    ] {
        assert!(page.contains(&format!(".SH \"{section}\"")), "{section}");
    }
    // Options are listed with their help text.
    assert!(
        page.contains("\\-\\-max\\-document\\-bytes"),
        "no --max-document-bytes"
    );
}

#[test]
fn documents_of_several_inputs_keep_their_folder_in_their_id() {
    let tmp = tempfile::tempdir().unwrap();
    for (folder, text) in [("A", "the first folder"), ("C", "the second folder")] {
        std::fs::create_dir(tmp.path().join(folder)).unwrap();
        std::fs::write(tmp.path().join(folder).join("001.txt"), text).unwrap();
    }
    std::fs::write(tmp.path().join("loose.txt"), "a file named itself").unwrap();
    let ids = |args: &[&str]| -> Vec<String> {
        let output = corpstat()
            .args(["langs", "--format", "tsv"])
            .args(args)
            .current_dir(tmp.path())
            .output()
            .unwrap();
        let text = stdout(&output);
        let mut ids: Vec<String> = text
            .lines()
            .skip(1)
            .map(|l| l.split('\t').next().unwrap().to_string())
            .filter(|id| id != "*")
            .collect();
        ids.dedup();
        ids
    };
    assert_eq!(
        ids(&["A", "C", "loose.txt"]),
        ["A/001.txt", "C/001.txt", "loose.txt"]
    );
    // One folder: ids relative to it, as before.
    assert_eq!(ids(&["A"]), ["001.txt"]);
}

/// Runs `command` (a shell line) with a terminal on its stdout and stderr, through
/// util-linux's `script`; `None` when `script` is not installed.
fn on_a_terminal(command: &str) -> Option<String> {
    let output = std::process::Command::new("script")
        .args(["-qec", command, "/dev/null"])
        .current_dir(root())
        .stdin(Stdio::null())
        .output()
        .ok()?;
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

#[test]
fn the_progress_bar_shows_the_share_read_of_compressed_input_on_a_terminal_only() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("posts.jsonl.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    for i in 0..200 {
        writeln!(
            gz,
            "{{\"id\": \"p{i}\", \"text\": \"post number {i} says hello\"}}"
        )
        .unwrap();
    }
    std::fs::write(&path, gz.finish().unwrap()).unwrap();
    let bin = env!("CARGO_BIN_EXE_corpstat");
    let Some(screen) = on_a_terminal(&format!("{bin} stats {} > /dev/null", path.display())) else {
        eprintln!("skipped: util-linux's `script` is not installed");
        return;
    };
    // The stage on its own, the share of the compressed bytes and the time left
    // (before, compressed input had a spinner with no percentage).
    assert!(screen.contains("reading "), "{screen:?}");
    assert!(screen.contains("%") && screen.contains("ETA"), "{screen:?}");
    assert!(screen.contains("tables and charts"), "{screen:?}");
    // Not a terminal: no progress at all.
    let piped = run(&["stats", path.to_str().unwrap()]);
    assert!(!stderr(&piped).contains("reading"), "{}", stderr(&piped));
}

#[test]
fn an_option_that_does_not_apply_is_refused_and_not_listed() {
    let output = run(&[
        "terms",
        "--group-by",
        "lang",
        "--cooc-scope",
        "sentence",
        "--window",
        "3",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).is_empty());
    let err = stderr(&output);
    assert!(
        err.contains("--cooc-scope does not apply to `corpstat terms`")
            && err.contains("report, cooc"),
        "{err}"
    );
    for (args, refused) in [
        (&["langs", "--ngrams", "2"][..], "--ngrams"),
        (&["stats", "--keep-stopwords"][..], "--keep-stopwords"),
        (&["ngrams", "-n", "2", "--langs", "fas"][..], "--langs"),
        (
            &[
                "compare",
                "seeds",
                "seeds/001_b745aeeb8e5d5a5b.txt",
                "--group-by",
                "dir",
            ][..],
            "--group-by",
        ),
    ] {
        let output = run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&output).contains(&format!("{refused} does not apply")),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    // Where they apply, they run.
    assert!(run(&["cooc", "--window", "3", "--top", "1"])
        .status
        .success());
    assert!(run(&["stats", "--window", "3", "--format", "json"])
        .status
        .success());
    // --help lists only what applies: terms has no co-occurrence or group option,
    // report has them all.
    let help = |sub: &str| stdout(&run(&[sub, "--help"]));
    let terms = help("terms");
    for hidden in [
        "--window",
        "--cooc-scope",
        "--group-by",
        "--ngrams ",
        "--keep-stopwords",
    ] {
        assert!(!terms.contains(hidden), "terms --help lists {hidden}");
    }
    assert!(terms.contains("--langs") && terms.contains("--normalize"));
    let report = help("report");
    for shown in [
        "--window",
        "--cooc-scope",
        "--group-by",
        "--ngrams ",
        "--keep-stopwords",
    ] {
        assert!(report.contains(shown), "report --help lacks {shown}");
    }
}

#[test]
fn kwic_finds_what_the_tables_count() {
    let rows = |args: &[&str]| -> Vec<Vec<String>> {
        let mut all = vec!["kwic"];
        all.extend_from_slice(args);
        tsv_rows(&all)
    };
    // terms.csv counts ماکرون 11 times, in Persian (ک) and Arabic (ك) spelling: the
    // folded query finds all 11, --exact with the Arabic kaf only the Arabic one.
    let macron = rows(&["ماكرون"]);
    assert_eq!(macron.len(), 11);
    assert_eq!(rows(&["ماكرون", "--exact"]).len(), 1);
    // ngrams.csv counts the bigram كوريا الشمالية 8 times.
    let korea = rows(&["كوريا الشمالية", "--context", "2"]);
    assert_eq!(korea.len(), 8);
    // Document, sentence, two words before, the match as written, two after.
    assert_eq!(
        korea[0],
        [
            "002_541d1cda0e759833.txt",
            "6",
            "الولايات المتحدة",
            "كوريا الشمالية",
            "بمهاجمة أجهزة"
        ]
    );
    // Sorted by the word just before the match, ties in document order.
    let sorted = rows(&["الشمالية", "--context", "1", "--sort", "left1,right1"]);
    let left1: Vec<&str> = sorted.iter().map(|r| r[2].as_str()).collect();
    let mut expected = left1.clone();
    expected.sort();
    assert_eq!(left1, expected);
    // --top stops at the first rows in document order.
    assert_eq!(rows(&["ماكرون", "--top", "2"]), macron[..2].to_vec());
}

#[test]
fn collocates_are_the_cooccurrence_rows_of_the_word_with_their_sides() {
    let tsv = |args: &[&str]| -> Vec<Vec<String>> {
        let mut all = args.to_vec();
        all.extend_from_slice(&["--min-count", "1"]);
        tsv_rows(&all)
    };
    for scope in ["window", "sentence"] {
        let node = "الشمالية";
        let collocates = tsv(&["collocates", node, "--cooc-scope", scope]);
        let pairs = tsv(&["cooc", "--cooc-scope", scope]);
        assert!(collocates.len() >= 10, "{scope}: {}", collocates.len());
        for row in &collocates {
            // The cooccurrence.csv row of the same pair: the same count, marginals
            // and measures, to the last digit.
            let pair = pairs
                .iter()
                .find(|p| (p[0] == node && p[1] == row[0]) || (p[1] == node && p[0] == row[0]))
                .unwrap_or_else(|| panic!("{scope}: no cooc row for {}", row[0]));
            assert_eq!(row[1], pair[2], "{scope}: count of {}", row[0]);
            assert_eq!(row[6..], pair[5..], "{scope}: measures of {}", row[0]);
            if scope == "window" {
                let (left, right): (u64, u64) = (row[2].parse().unwrap(), row[3].parse().unwrap());
                assert_eq!(left + right, row[1].parse::<u64>().unwrap());
            } else {
                assert!(row[2].is_empty() && row[3].is_empty());
            }
        }
    }
    // كوريا الشمالية: North Korea, "Korea" always before "North" (8 times).
    let korea = tsv(&["collocates", "الشمالية"]);
    let korea = korea.iter().find(|r| r[0] == "كوريا").unwrap();
    assert_eq!(korea[1..4], ["8", "8", "0"]);
    // Sorted by llr, largest first.
    let llr: Vec<f64> = tsv(&["collocates", "الشمالية"])
        .iter()
        .map(|r| r[9].parse().unwrap())
        .collect();
    assert!(llr.windows(2).all(|w| w[0] >= w[1]));
}

/// The rows (header left out) of `corpstat ARGS --format tsv`, which must succeed.
fn tsv_rows(args: &[&str]) -> Vec<Vec<String>> {
    let mut all = args.to_vec();
    all.extend_from_slice(&["--format", "tsv"]);
    let output = run(&all);
    assert!(output.status.success(), "{args:?}: {}", stderr(&output));
    stdout(&output)
        .lines()
        .skip(1)
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}
