//! `--time-field`: trends.csv and trend_terms.csv against answers worked by hand,
//! the check paths, and the trends of shards merged (and reduced by DuckDB) equal
//! to one run's. The dates themselves: `trend_dates.rs`.

use std::path::Path;

use super::partials::{assert_same_report, merge, path, shard_partials, shards_and_whole_report};
use super::util::{read_report, run, stderr};

/// Writes `records` (id, date or `None`, text) as a JSONL file `dir/name`.
pub(super) fn jsonl(
    dir: &Path,
    name: &str,
    records: &[(&str, Option<serde_json::Value>, &str)],
) -> String {
    let mut lines = String::new();
    for (id, date, text) in records {
        let mut object = serde_json::json!({"id": id, "text": text});
        if let Some(date) = date {
            object["date"] = date.clone();
        }
        lines.push_str(&object.to_string());
        lines.push('\n');
    }
    let file = dir.join(name);
    std::fs::write(&file, lines).unwrap();
    path(&file).to_string()
}

/// A CSV table's rows, as strings, the header first.
pub(super) fn rows(file: &Path) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(file)
        .unwrap();
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

pub(super) fn summary(report: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(report.join("summary.json")).unwrap()).unwrap()
}

/// Runs `corpstat report INPUT -o OUT -q ARGS...` and returns the output.
pub(super) fn report(input: &str, out: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["report", input, "-o", path(out), "-q"];
    all.extend_from_slice(args);
    run(&all)
}

const FILLER: [&str; 25] = [
    "meadow", "harbor", "lantern", "quarry", "saddle", "timber", "orchard", "granite", "falcon",
    "willow", "ember", "canyon", "thistle", "beacon", "marble", "copper", "glacier", "prairie",
    "walnut", "cobalt", "juniper", "sparrow", "tundra", "basalt", "meridian",
];

/// Ten months, two documents each, 1,026 words a month: `rise` k times in month k,
/// `fall` 11 − k times, `steady` 5 times, `swing` and `balance` (10 − swing) without
/// a trend, and 25 filler words 40 times each.
fn ten_months(dir: &Path) -> String {
    let swing = [3, 7, 2, 8, 5, 5, 4, 6, 3, 7];
    let mut records = Vec::new();
    let mut texts = Vec::new();
    for k in 1..=10usize {
        let mut a: Vec<&str> = Vec::new();
        a.extend(std::iter::repeat_n("rise", k));
        a.extend(std::iter::repeat_n("fall", 11 - k));
        a.extend(std::iter::repeat_n("steady", 5));
        let mut b: Vec<&str> = Vec::new();
        b.extend(std::iter::repeat_n("swing", swing[k - 1]));
        b.extend(std::iter::repeat_n("balance", 10 - swing[k - 1]));
        for (i, word) in FILLER.iter().enumerate() {
            let into = if i < 20 { &mut a } else { &mut b };
            into.extend(std::iter::repeat_n(*word, 40));
        }
        texts.push((k, a.join(" "), b.join(" ")));
    }
    for (k, a, b) in &texts {
        let date = serde_json::json!(format!("2023-{k:02}-{:02}", 3 + k));
        records.push((format!("a{k}"), Some(date.clone()), a.clone()));
        records.push((format!("b{k}"), Some(date), b.clone()));
    }
    let borrowed: Vec<(&str, Option<serde_json::Value>, &str)> = records
        .iter()
        .map(|(id, date, text)| (id.as_str(), date.clone(), text.as_str()))
        .collect();
    jsonl(dir, "months.jsonl", &borrowed)
}

/// The known answers: per million = count / 1,026 · 10⁶, so `rise` has every
/// pairwise slope 10⁶ / 1,026 = 974.658869 per month, relative slope 1 / 5.5;
/// Mann–Kendall S = 45, variance 10·9·25/18 = 125, z = 44/√125 = 3.9355, p = 8.3031e-5;
/// Benjamini–Hochberg over 30 words makes the two smallest p (rise's and fall's)
/// p·30/2. `steady` has τ = 0, p = 1; `swing` and `balance` are no trend.
#[test]
fn a_linear_rise_is_found_with_its_slope_and_a_flat_word_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let input = ten_months(dir.path());
    let out = dir.path().join("r");
    let output = report(&input, &out, &["--time-field", "date"]);
    assert!(output.status.success(), "{}", stderr(&output));

    let periods = rows(&out.join("trends.csv"));
    assert_eq!(periods.len(), 11, "the header and ten months");
    for (k, row) in periods[1..].iter().enumerate() {
        assert_eq!(
            row[..4],
            [
                format!("2023-{:02}", k + 1),
                "2".into(),
                "1026".into(),
                "30".into()
            ]
        );
    }
    let terms = rows(&out.join("trend_terms.csv"));
    let header = &terms[0];
    assert_eq!(
        header[..10],
        [
            "direction",
            "rank",
            "term",
            "count",
            "periods",
            "slope",
            "relative_slope",
            "tau",
            "p_value",
            "p_adjusted"
        ]
    );
    assert_eq!(header[10], "2023-01");
    assert_eq!(header.len(), 20);
    let find = |term: &str| terms.iter().find(|r| r[2] == term).unwrap().clone();
    let number = |cell: &str| cell.parse::<f64>().unwrap();
    let p = libm::erfc(44.0 / 125f64.sqrt() / std::f64::consts::SQRT_2);
    assert!((p - 8.3031e-5).abs() < 1e-8, "{p}");

    let rise = find("rise");
    assert_eq!(rise[..5], ["rising", "1", "rise", "55", "10"]);
    assert!((number(&rise[5]) - 1e6 / 1026.0).abs() < 1e-5, "{rise:?}");
    assert!((number(&rise[6]) - 1.0 / 5.5).abs() < 1e-6, "{rise:?}");
    assert_eq!(number(&rise[7]), 1.0);
    assert!((number(&rise[8]) - p).abs() / p < 1e-5, "{rise:?}");
    assert!((number(&rise[9]) - p * 15.0).abs() / p < 1e-4, "{rise:?}");
    assert!((number(&rise[10]) - 1e6 / 1026.0).abs() < 1e-5);

    let fall = find("fall");
    assert_eq!(fall[..5], ["falling", "1", "fall", "55", "10"]);
    assert!((number(&fall[5]) + 1e6 / 1026.0).abs() < 1e-5, "{fall:?}");
    assert_eq!(number(&fall[7]), -1.0);

    let steady = find("steady");
    assert_eq!(
        (
            steady[0].as_str(),
            number(&steady[5]),
            number(&steady[7]),
            number(&steady[8])
        ),
        ("none", 0.0, 0.0, 1.0)
    );
    for word in ["swing", "balance", "meadow"] {
        assert_eq!(find(word)[0], "none", "{word}");
    }
    assert_eq!(terms.len(), 31, "30 words tested");

    let trends = &summary(&out)["trends"];
    assert_eq!(trends["period"], "month");
    assert_eq!(
        [
            trends["periods"].clone(),
            trends["dated_documents"].clone(),
            trends["undated_documents"].clone(),
            trends["terms_tested"].clone(),
            trends["rising"].clone(),
            trends["falling"].clone()
        ],
        [10, 20, 0, 30, 1, 1].map(serde_json::Value::from)
    );
    assert_eq!(trends["last"]["period"], "2023-10");
    // With a minimum of 60, only the filler words (400 each) are tested.
    let fewer = dir.path().join("fewer");
    assert!(report(
        &input,
        &fewer,
        &["--time-field", "date", "--trend-min-count", "60"]
    )
    .status
    .success());
    assert_eq!(summary(&fewer)["trends"]["terms_tested"], 25);
    // By quarter: four periods, Q4 holding October only.
    let quarters = dir.path().join("q");
    assert!(report(
        &input,
        &quarters,
        &["--time-field", "date", "--period", "quarter"]
    )
    .status
    .success());
    let by_quarter = rows(&quarters.join("trends.csv"));
    let documents: Vec<(&str, &str)> = by_quarter[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert_eq!(
        documents,
        [
            ("2023-Q1", "6"),
            ("2023-Q2", "6"),
            ("2023-Q3", "6"),
            ("2023-Q4", "2")
        ]
    );
}

const ENGLISH: &str = "All human beings are born free and equal in dignity and rights.";
const ARABIC: &str = "يولد جميع الناس أحرارا متساوين في الكرامة والحقوق.";

/// Three years whose shares are counted by hand: 2020 English only (24 words),
/// 2021 24 English and 8 Arabic words, 2022 24 of each. `check --init` bounds the
/// newest year by the two before, and the newest year's Arabic breaks those bounds.
#[test]
fn language_shares_per_period_and_the_check_of_the_newest() {
    let dir = tempfile::tempdir().unwrap();
    let both = format!("{ENGLISH} {ENGLISH}");
    let arabic3 = [ARABIC; 3].join(" ");
    let input = jsonl(
        dir.path(),
        "years.jsonl",
        &[
            ("d1", Some("2020-05-01".into()), &both),
            ("d2", Some("2021-05-01".into()), &both),
            ("d3", Some("2021-06-01".into()), ARABIC),
            ("d4", Some("2022-01-01".into()), &both),
            ("d5", Some("2022-02-01".into()), &arabic3),
        ],
    );
    let out = dir.path().join("r");
    let output = report(&input, &out, &["--time-field", "date", "--period", "year"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let expected = [
        [
            "period",
            "documents",
            "tokens",
            "types",
            "share_eng",
            "share_ara",
        ],
        ["2020", "1", "24", "11", "1.000000", "0.000000"],
        ["2021", "2", "32", "19", "0.750000", "0.250000"],
        ["2022", "2", "48", "19", "0.500000", "0.500000"],
    ];
    assert_eq!(
        rows(&out.join("trends.csv")),
        expected.map(|r| r.map(String::from).to_vec())
    );
    // No word reaches 20 occurrences: the table is its header alone.
    assert_eq!(rows(&out.join("trend_terms.csv")).len(), 1);
    let trends = &summary(&out)["trends"];
    assert_eq!(trends["terms_tested"], 0);
    assert_eq!(trends["last"]["language_share"]["ara"], 0.5);
    assert_eq!(
        trends["language_share_before_last"]["eng"],
        serde_json::json!({"min": 0.75, "max": 1.0})
    );
    assert_eq!(
        trends["language_share_before_last"]["ara"],
        serde_json::json!({"min": 0.0, "max": 0.25})
    );

    let summary_path = out.join("summary.json");
    let init = run(&["check", "--init", "--summary", path(&summary_path)]);
    let rules = String::from_utf8_lossy(&init.stdout).to_string();
    assert!(
        rules.contains("metric = \"trends.last.language_share.ara\"\nmin = 0\nmax = 0.3\n"),
        "{rules}"
    );
    assert!(
        rules.contains("metric = \"trends.last.language_share.eng\"\nmin = 0.55\nmax = 1\n"),
        "{rules}"
    );
    let rules_file = dir.path().join("rules.toml");
    std::fs::write(&rules_file, &rules).unwrap();
    let checked = run(&[
        "check",
        "--rules",
        path(&rules_file),
        "--summary",
        path(&summary_path),
    ]);
    assert_eq!(checked.status.code(), Some(1));
    let said = String::from_utf8_lossy(&checked.stdout);
    assert!(
        said.contains(
            "newest period's ara share,trends.last.language_share.ara,\">= 0, <= 0.3\",0.5,fail"
        ),
        "{said}"
    );
    assert!(
        said.contains(
            "newest period's eng share,trends.last.language_share.eng,\">= 0.55, <= 1\",0.5,fail"
        ),
        "{said}"
    );
    // A language the newest period lacks is 0 to check.
    let absent = dir.path().join("absent.toml");
    std::fs::write(
        &absent,
        "[[rule]]\nname = \"no Persian\"\nmetric = \"trends.last.language_share.fas\"\nmax = 0\n",
    )
    .unwrap();
    let checked = run(&[
        "check",
        "--rules",
        path(&absent),
        "--summary",
        path(&summary_path),
    ]);
    assert_eq!(checked.status.code(), Some(0), "{}", stderr(&checked));
}

/// Dated shards counted apart and merged give the single run's report byte for
/// byte (trends.csv, trend_terms.csv, both charts); so do one and two threads;
/// and so does the DuckDB reduce, where DuckDB is installed.
#[test]
fn trends_merge_exactly_across_shards_and_threads() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let texts: Vec<(String, String)> = (1..=12)
        .map(|month| {
            let words: Vec<&str> = FILLER
                .iter()
                .cycle()
                .skip(month)
                .take(60 + 7 * month)
                .copied()
                .collect();
            (
                format!("2022-{month:02}-15-story.txt"),
                format!("{} rise {}", words.join(" "), "rise ".repeat(month)),
            )
        })
        .collect();
    let files: Vec<(&str, &str)> = texts
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let options = ["--time-field", "path", "--trend-min-count", "5"];
    let whole = shards_and_whole_report(d, &[&files[..5], &files[5..9], &files[9..]], &options);
    let whole = read_report(&whole);
    for name in [
        "trends.csv",
        "trend_terms.csv",
        "trends.png",
        "trend-terms.png",
    ] {
        assert!(whole.iter().any(|(n, _)| n == name), "{name}");
    }
    let partials = shard_partials(d, 3, &options);
    let refs: Vec<&Path> = partials.iter().map(|p| p.as_path()).collect();
    let (code, err, merged) = merge(&[refs[2], refs[0], refs[1]], &d.join("merged"));
    assert_eq!(code, 0, "{err}");
    assert_same_report(&merged, &whole);

    // The period is a listing option: the merge takes its own.
    let by_quarter = d.join("by-quarter");
    let mut args = vec![
        "merge",
        "-o",
        path(&by_quarter),
        "-q",
        "--period",
        "quarter",
    ];
    args.extend(refs.iter().map(|p| path(p)));
    let output = run(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    let quarters: Vec<String> = rows(&by_quarter.join("trends.csv"))[1..]
        .iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(quarters, ["2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4"]);

    let one = d.join("one");
    let mut args = vec!["--threads", "1", "--name", "seeds"];
    args.extend_from_slice(&options);
    assert!(report(path(&d.join("all")), &one, &args).status.success());
    assert_same_report(&read_report(&one), &whole);

    if super::util::engine("duckdb") {
        let gathered = d.join("gathered");
        std::fs::create_dir(&gathered).unwrap();
        for (i, p) in partials.iter().enumerate() {
            super::partials::copy_dir(p, &gathered.join(format!("q{i}")));
        }
        let reduced = d.join("reduced");
        let done = super::partials_engines::duckdb_reduce(&gathered, &reduced);
        assert!(done.status.success(), "{}", stderr(&done));
        let (code, err, merged) = merge(&[&reduced], &d.join("m2"));
        assert_eq!(code, 0, "{err}");
        assert_same_report(&merged, &whole);
    }
}

/// A period too small for a word is left out of its test and its cell is empty:
/// `grow` (100 of 4,020 words) is predicted 0.5 times in 2020's 20 words, under 5.
#[test]
fn a_period_too_small_for_a_word_is_left_out_of_its_test() {
    let dir = tempfile::tempdir().unwrap();
    let filler = |n: usize| {
        FILLER
            .iter()
            .cycle()
            .take(n)
            .copied()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let years: Vec<(String, String)> = [
        (2020, 0, 20),
        (2021, 10, 990),
        (2022, 20, 980),
        (2023, 30, 970),
        (2024, 40, 960),
    ]
    .iter()
    .map(|&(year, grow, rest)| {
        (
            format!("{year}-06-01"),
            format!("{} {}", "grow ".repeat(grow), filler(rest)),
        )
    })
    .collect();
    let records: Vec<(&str, Option<serde_json::Value>, &str)> = years
        .iter()
        .map(|(date, text)| (date.as_str(), Some(serde_json::json!(date)), text.as_str()))
        .collect();
    let input = jsonl(dir.path(), "years.jsonl", &records);
    let out = dir.path().join("r");
    let output = report(&input, &out, &["--time-field", "date", "--period", "year"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let terms = rows(&out.join("trend_terms.csv"));
    let grow = terms.iter().find(|r| r[2] == "grow").unwrap();
    assert_eq!(grow[2..5], ["grow", "100", "4"]);
    assert_eq!(grow[7], "1.000000", "tau over the four years tested");
    assert_eq!(
        grow[10..],
        [
            "",
            "10000.000000",
            "20000.000000",
            "30000.000000",
            "40000.000000"
        ]
    );
    // 10,000 per million a year, over the four years tested.
    assert_eq!(grow[5], "10000.000000");
}
