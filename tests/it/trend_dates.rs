//! `--time-field`: dates read in every form and calendar, from fields, CSV columns
//! and paths, and what a document without a usable date does.

use super::partials::path;
use super::trends::{jsonl, report, rows, summary};
use super::util::stderr;

/// Each form of date the issue names, in three calendars, read as the day given;
/// bad dates are `no_date` problems, named with their line, and their documents
/// are counted in everything but the trends.
#[test]
fn dates_in_every_form_and_calendar_and_what_a_bad_date_does() {
    use serde_json::json;
    let dir = tempfile::tempdir().unwrap();
    let days = |input: &str, args: &[&str]| -> Vec<(String, String)> {
        let out = dir.path().join("days");
        let _ = std::fs::remove_dir_all(&out);
        let mut all = vec!["--time-field", "date", "--period", "day", "--allow-partial"];
        all.extend_from_slice(args);
        let output = report(input, &out, &all);
        assert!(output.status.success(), "{}", stderr(&output));
        rows(&out.join("trends.csv"))[1..]
            .iter()
            .map(|r| (r[0].clone(), r[1].clone()))
            .collect()
    };
    let gregorian = jsonl(
        dir.path(),
        "g.jsonl",
        &[
            ("1", Some(json!("2024-03-05")), "one"),
            ("2", Some(json!("2024-03-05T10:00:00Z")), "two"),
            ("3", Some(json!("2024-03-05T23:30:00-05:00")), "three"),
            ("4", Some(json!("2024/03/05")), "four"),
            ("5", Some(json!(20240305)), "five"),
            ("6", Some(json!("05/03/2024")), "six"),
            ("7", Some(json!("05.03.2024")), "seven"),
        ],
    );
    assert_eq!(
        days(&gregorian, &["--date-format", "dmy"]),
        [("2024-03-05".into(), "7".into())]
    );
    // Month first: 05/03/2024 is 3 May.
    assert_eq!(
        days(&gregorian, &["--date-format", "mdy"]),
        [
            ("2024-03-05".into(), "5".into()),
            ("2024-05-03".into(), "2".into())
        ]
    );
    // Without --date-format, a date that does not start with its year is refused.
    assert_eq!(days(&gregorian, &[]), [("2024-03-05".into(), "5".into())]);

    let persian = jsonl(
        dir.path(),
        "p.jsonl",
        &[
            ("1", Some(json!("1403-01-01")), "نوروز"),
            ("2", Some(json!("۱۴۰۳/۰۱/۰۱")), "نوروز"),
            ("3", Some(json!("1403-12-30")), "اسفند"),
            ("4", Some(json!("1348-10-11")), "دی"),
            ("5", Some(json!("1402-12-30")), "1402 has no 30 Esfand"),
        ],
    );
    assert_eq!(
        days(&persian, &["--calendar", "persian"]),
        [
            ("1970-01-01", "1"),
            ("2024-03-20", "2"),
            ("2025-03-20", "1")
        ]
        .map(|(a, b)| (a.into(), b.into()))
    );
    let hijri = jsonl(
        dir.path(),
        "h.jsonl",
        &[
            ("1", Some(json!("1445-09-01")), "رمضان"),
            ("2", Some(json!("١٤٤٥-١٠-٠١")), "شوال"),
            ("3", Some(json!("1446-01-01")), "محرم"),
        ],
    );
    assert_eq!(
        days(&hijri, &["--calendar", "hijri"]),
        [
            ("2024-03-11", "1"),
            ("2024-04-10", "1"),
            ("2024-07-07", "1")
        ]
        .map(|(a, b)| (a.into(), b.into()))
    );

    let bad = jsonl(
        dir.path(),
        "bad.jsonl",
        &[
            ("ok", Some(json!("2024-03-05")), "fine"),
            ("no-day", Some(json!("2024-02-30")), "no such day"),
            ("words", Some(json!("next tuesday")), "not a date"),
            ("empty", Some(json!("")), "empty date"),
            ("none", None, "no date at all"),
        ],
    );
    let out = dir.path().join("bad");
    let output = report(&bad, &out, &["--time-field", "date"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "no_date problems fail the run as problems do"
    );
    let err = stderr(&output);
    for said in [
        "bad.jsonl:2: date field \"date\": \"2024-02-30\" is no day of the Gregorian calendar",
        "bad.jsonl:3: date field \"date\": \"next tuesday\" is not a date corpstat reads",
        "bad.jsonl:4: date field \"date\" is empty",
        "bad.jsonl:5: no date field \"date\"",
    ] {
        assert!(err.contains(said), "{said}\n{err}");
    }
    let s = summary(&out);
    assert_eq!(s["documents"], 5, "undated documents are counted");
    assert_eq!(s["problems_by_kind"]["no_date"], 4);
    assert_eq!(s["trends"]["undated_documents"], 4);
    assert_eq!(s["trends"]["dated_documents"], 1);
}

/// Dates from file paths (names and folders), and from a CSV column; a file whose
/// path holds no date, and a CSV file without the column, are one problem each.
#[test]
fn dates_from_paths_and_csv_columns() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("news");
    std::fs::create_dir_all(corpus.join("2024/03/06")).unwrap();
    std::fs::write(corpus.join("2024-03-05-budget.txt"), "budget talks").unwrap();
    std::fs::write(corpus.join("2024/03/06/rain.txt"), "rain today").unwrap();
    std::fs::write(corpus.join("wire_20240307.txt"), "wire copy").unwrap();
    std::fs::write(corpus.join("about.txt"), "about us").unwrap();
    let out = dir.path().join("r");
    let output = report(
        path(&corpus),
        &out,
        &["--time-field", "path", "--period", "day"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("about.txt: its path holds no date"),
        "{}",
        stderr(&output)
    );
    let days: Vec<String> = rows(&out.join("trends.csv"))[1..]
        .iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(days, ["2024-03-05", "2024-03-06", "2024-03-07"]);

    let csv_dir = dir.path().join("csv");
    std::fs::create_dir_all(&csv_dir).unwrap();
    std::fs::write(
        csv_dir.join("a.csv"),
        "text,published\nfirst story,2024-01-02\nsecond story,2024-02-03\n\"third, late\",2024-02-28\n",
    )
    .unwrap();
    std::fs::write(csv_dir.join("b.csv"), "text,other\nundated story,x\n").unwrap();
    let out = dir.path().join("c");
    let output = report(
        path(&csv_dir),
        &out,
        &[
            "--text-column",
            "text",
            "--time-field",
            "published",
            "--period",
            "month",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("b.csv: no column \"published\" for dates"),
        "{}",
        stderr(&output)
    );
    let months: Vec<(String, String)> = rows(&out.join("trends.csv"))[1..]
        .iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    assert_eq!(
        months,
        [
            ("2024-01".into(), "1".into()),
            ("2024-02".into(), "2".into())
        ]
    );
    assert_eq!(summary(&out)["documents"], 4);
}

/// No word is tested over fewer than 3 periods or more than 400, and summary.json
/// says why; trends.csv still has every period.
#[test]
fn too_few_or_too_many_periods_are_said() {
    let dir = tempfile::tempdir().unwrap();
    let text = "river ".repeat(30);
    let dated = |days: &[String]| -> Vec<(String, Option<serde_json::Value>, String)> {
        days.iter()
            .map(|d| (d.clone(), Some(serde_json::json!(d)), text.clone()))
            .collect()
    };
    for (name, days, period, why) in [
        (
            "two",
            vec!["2020-01-01".to_string(), "2021-01-01".to_string()],
            "year",
            "2 period(s): a trend needs at least 3; choose a finer --period",
        ),
        (
            "many",
            (0..401)
                .map(|i| {
                    format!(
                        "{}-{:02}-{:02}",
                        2020 + i / 336,
                        i / 28 % 12 + 1,
                        i % 28 + 1
                    )
                })
                .collect(),
            "day",
            "401 periods, more than 400: choose a coarser --period",
        ),
    ] {
        let records = dated(&days);
        let refs: Vec<(&str, Option<serde_json::Value>, &str)> = records
            .iter()
            .map(|(id, date, text)| (id.as_str(), date.clone(), text.as_str()))
            .collect();
        let input = jsonl(dir.path(), &format!("{name}.jsonl"), &refs);
        let out = dir.path().join(name);
        let output = report(&input, &out, &["--time-field", "date", "--period", period]);
        assert!(output.status.success(), "{}", stderr(&output));
        let trends = &summary(&out)["trends"];
        assert_eq!(trends["terms_skipped"], why, "{name}");
        assert_eq!(trends["terms_tested"], 0);
        assert_eq!(rows(&out.join("trends.csv")).len(), days.len() + 1);
    }
}
