//! Hostile input, continued: group names, big rules files, many bad lines, numeric ranges, BOMs, and the output folder inside the input.

#[allow(unused_imports)]
use super::hostile::*;
use std::path::Path;

#[test]
fn group_names_give_bounded_distinct_file_names() {
    let tmp = tempfile::tempdir().unwrap();
    let long_group = "گروه".repeat(80); // 640 bytes
    let groups = ["a/b", "a_b", "a.b", "../up", long_group.as_str()];
    let mut jsonl = String::new();
    for (g, group) in groups.iter().enumerate() {
        for d in 0..3 {
            let words: Vec<String> = (0..100).map(|w| format!("w{g}x{} common", w % 7)).collect();
            jsonl.push_str(
                &serde_json::json!({"id": format!("{g}-{d}"), "group": group, "text": words.join(" ")})
                    .to_string(),
            );
            jsonl.push('\n');
        }
    }
    std::fs::write(tmp.path().join("g.jsonl"), jsonl).unwrap();
    let r = run_bounded(
        &[
            "report",
            "g.jsonl",
            "--group-by",
            "field:group",
            "-o",
            "out",
            "-q",
        ],
        tmp.path(),
        60,
        600.0,
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let charts: Vec<String> = std::fs::read_dir(tmp.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("keyness-"))
        .collect();
    // The five groups get five charts (the report draws the six largest), none
    // outside the folder.
    assert_eq!(charts.len(), 5, "{charts:?}");
    assert!(!tmp.path().join("up.png").exists() && !tmp.path().join("keyness-..").exists());
    assert!(charts.iter().all(|n| n.len() < 100), "{charts:?}");
    let index = std::fs::read_to_string(tmp.path().join("out/index.html")).unwrap();
    for group in groups {
        assert!(index.contains(group), "index.html lacks the group {group}");
    }
}

#[test]
fn a_big_rules_file_is_read_within_bounds_and_bad_rules_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let report = tmp.path().join("out");
    let r = run_bounded(
        &["report", "-o", report.to_str().unwrap(), "-q"],
        Path::new(env!("CARGO_MANIFEST_DIR")),
        60,
        600.0,
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    // 40,000 rules: about 36 s when each rule's line was counted from the start.
    let rules: String = (0..40_000)
        .map(|i| format!("[[rule]]\nname = \"r{i}\"\nmetric = \"documents\"\nmin = 1\n\n"))
        .collect();
    std::fs::write(tmp.path().join("many.toml"), rules).unwrap();
    let r = check_summary(tmp.path(), "many.toml", &["--format", "csv"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    // The header, the rule every check adds (input read in full), and the 40,000.
    assert_eq!(r.stdout.lines().count(), 40_002);

    let bad = [
        ("min = nan", "finite"),
        ("min = 9\nmax = 1", "min 9 is greater than max 1"),
        ("max = inf", "finite"),
    ];
    for (bounds, message) in bad {
        let text = format!("[[rule]]\nname = \"ok\"\nmetric = \"documents\"\nmin = 1\n\n[[rule]]\nname = \"bad\"\nmetric = \"documents\"\n{bounds}\n");
        std::fs::write(tmp.path().join("bad.toml"), text).unwrap();
        let r = check_summary(tmp.path(), "bad.toml", &[]);
        assert_eq!(r.code, Some(2), "{bounds}");
        assert!(
            r.stderr.contains("bad.toml:6: rule \"bad\"") && r.stderr.contains(message),
            "{bounds}: {}",
            r.stderr
        );
    }
    let duplicate = "[[rule]]\nname = \"same\"\nmetric = \"documents\"\nmin = 1\n\n[[rule]]\nname = \"same\"\nmetric = \"tokens\"\nmin = 1\n";
    std::fs::write(tmp.path().join("dup.toml"), duplicate).unwrap();
    let r = check_summary(tmp.path(), "dup.toml", &[]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr.contains("dup.toml:6") && r.stderr.contains("line 1"),
        "{}",
        r.stderr
    );

    // JUnit: a rule name with characters XML forbids, written to stdout with `-`.
    let odd = "[[rule]]\nname = \"odd \\uFFFF \\u0001 <&>\"\nmetric = \"documents\"\nmax = 0\n";
    std::fs::write(tmp.path().join("odd.toml"), odd).unwrap();
    let r = check_summary(tmp.path(), "odd.toml", &["--junit", "-"]);
    assert_eq!(r.code, Some(1));
    let xml = roxmltree::Document::parse(&r.stdout).expect("valid XML");
    assert_eq!(
        xml.descendants()
            .filter(|n| n.has_tag_name("failure"))
            .count(),
        1
    );

    // --junit /dev/stdout (here a pipe) gets the XML, as pytest's --junitxml does,
    // and the table follows it.
    let r = check_summary(tmp.path(), "odd.toml", &["--junit", "/dev/stdout"]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    let (xml, table) = r
        .stdout
        .split_at(r.stdout.find("</testsuites>").expect("the XML") + 13);
    assert!(roxmltree::Document::parse(xml).is_ok(), "{xml}");
    assert!(table.contains("odd"), "{table}");

    // --junit never replaces a link (to a regular file outside the run) or a folder.
    std::fs::write(tmp.path().join("theirs.txt"), "keep").unwrap();
    std::os::unix::fs::symlink(tmp.path().join("theirs.txt"), tmp.path().join("filelink")).unwrap();
    std::fs::create_dir(tmp.path().join("folder")).unwrap();
    for target in ["filelink", "folder"] {
        let r = check_summary(tmp.path(), "odd.toml", &["--junit", target]);
        assert_eq!(r.code, Some(2), "{target}: {}", r.stderr);
        assert!(r.stderr.contains("not a regular file"), "{}", r.stderr);
    }
    assert!(std::fs::symlink_metadata(tmp.path().join("filelink"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("theirs.txt")).unwrap(),
        "keep"
    );
}

#[test]
fn many_bad_lines_are_counted_not_listed() {
    let tmp = tempfile::tempdir().unwrap();
    let mut jsonl = String::from("{\"text\":\"one good line\"}\n");
    for _ in 0..300_000 {
        jsonl.push_str("not json\n");
    }
    std::fs::write(tmp.path().join("bad.jsonl"), jsonl).unwrap();
    let r = run_bounded(
        &["report", "bad.jsonl", "-o", "out", "-q"],
        tmp.path(),
        60,
        400.0,
    );
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr.lines().count() <= 103,
        "{} stderr lines",
        r.stderr.lines().count()
    );
    assert!(
        r.stderr.contains("299900 more input problem(s)"),
        "{}",
        r.stderr
    );
    let s = summary(&tmp.path().join("out"));
    assert_eq!(s["problems"].as_array().unwrap().len(), 100);
    assert_eq!(s["problems_total"], 300_000);
    assert_eq!(s["problems_by_kind"]["malformed_json"], 300_000);
    let size = std::fs::metadata(tmp.path().join("out/summary.json"))
        .unwrap()
        .len();
    assert!(size < 100_000, "summary.json is {size} bytes");
}

#[test]
fn numeric_options_have_ranges() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("a.txt"), "a b c").unwrap();
    for args in [
        ["--ngrams", "1..9223372036854775807"],
        ["--ngrams", "1..4294967296"],
        ["--ngrams", "1..33"],
        ["--threads", "100000"],
        ["--threads", "0"],
        ["--window", "0"],
        ["--window", "5000"],
        ["--max-document-bytes", "10"],
        ["--memory-limit", "-1"],
        ["--memory-limit", "1e30G"],
        ["--memory-limit", "0.5"],
        ["--memory-limit", "1000K"],
        ["--max-input-bytes", "0"],
    ] {
        let mut all = vec!["terms", "a.txt"];
        all.extend(args);
        let r = run_bounded(&all, tmp.path(), 20, 200.0);
        assert_eq!(r.code, Some(2), "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains("error"), "{args:?}: {}", r.stderr);
    }
}

#[test]
fn bom_and_utf16_are_read_in_every_format() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("a.jsonl"),
        "\u{FEFF}{\"text\":\"firstline\"}\n{\"text\":\"secondline\"}\n",
    )
    .unwrap();
    std::fs::write(tmp.path().join("b.csv"), "\u{FEFF}text\ncsvword\n").unwrap();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "id\ttext\r\n1\tسلام دنیا\r\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    std::fs::write(tmp.path().join("c.tsv"), utf16).unwrap();
    let r = run_bounded(
        &[
            "terms",
            "a.jsonl",
            "b.csv",
            "c.tsv",
            "--text-column",
            "text",
            "--format",
            "csv",
        ],
        tmp.path(),
        20,
        300.0,
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    for word in ["firstline", "secondline", "csvword", "سلام", "دنیا"] {
        assert!(r.stdout.contains(word), "{word}: {}", r.stdout);
    }
}

#[test]
fn the_output_folder_inside_the_input_is_not_read() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("a.txt"), "words in a file").unwrap();
    for _ in 0..2 {
        let r = run_bounded(&["report", ".", "-o", "out", "-q"], tmp.path(), 60, 600.0);
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        assert_eq!(summary(&tmp.path().join("out"))["documents"], 1);
    }
}
