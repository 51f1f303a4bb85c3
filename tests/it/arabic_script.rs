//! Arabic-script text end to end: folding, display forms, ZWNJ words, digits, URLs,
//! stopwords, and the language of the seeds.

use crate::util::run;
use std::path::Path;

/// terms.csv rows as (term, count, script, kind, stopword).
fn terms(dir: &Path) -> Vec<(String, u64, String, String, bool)> {
    let mut reader = csv::Reader::from_path(dir.join("terms.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "rank",
            "term",
            "count",
            "doc_freq",
            "per_million",
            "idf",
            "dp",
            "dp_norm",
            "juilland_d",
            "script",
            "kind",
            "stopword"
        ]
    );
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (
                r[1].to_string(),
                r[2].parse().unwrap(),
                r[9].to_string(),
                r[10].to_string(),
                &r[11] == "true",
            )
        })
        .collect()
}

fn find<'a>(
    rows: &'a [(String, u64, String, String, bool)],
    term: &str,
) -> &'a (String, u64, String, String, bool) {
    rows.iter()
        .find(|r| r.0 == term)
        .unwrap_or_else(|| panic!("{term} not in terms.csv: {rows:?}"))
}

#[test]
fn a_persian_and_arabic_corpus_folds_as_a_reader_expects() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    // Persian: ایران with Persian yeh (3×) and Arabic yeh (1×); می‌شود with a ZWNJ, once
    // doubled and once with tatweel; the year in Persian and in ASCII digits; a URL.
    std::fs::write(
        corpus.join("fa.txt"),
        "ایران در خبرها است. خبر از ایران می‌شود و از ايران هم.\n\
         ایران را می\u{200C}\u{200C}شود دید. سال ۱۳۹۶ و 1396 گذشت. منبع: https://p.dw.com/p/2cWml.\n\
         مــی‌شود که کتاب‌ها را خواند.",
    )
    .unwrap();
    // Arabic: أحمد, إحمد and احمد are one name; في is written with Arabic yeh (3×) and
    // once with Persian yeh; the Arabic-Indic year equals the ASCII one.
    std::fs::write(
        corpus.join("ar.txt"),
        "قال أحمد في المؤتمر إن الوضع في المنطقة صعب. وأكد إحمد في بيانه أن احمد فی الطريق.\n\
         وفي عام ٢٠٢٤ أو 2024 قال أحمد إن الأمن مهم.",
    )
    .unwrap();
    let out = tmp.path().join("report");
    let output = run(&[
        "report",
        corpus.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "-q",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let rows = terms(&out);

    // The variants fold into one term, shown as it is most often written.
    let iran = find(&rows, "ایران");
    assert_eq!(iran.1, 4);
    assert!(!rows.iter().any(|r| r.0 == "ايران"));
    let ahmad = find(&rows, "أحمد");
    assert_eq!(ahmad.1, 4, "أحمد ×2, إحمد, احمد");
    assert!(!rows.iter().any(|r| r.0 == "احمد" || r.0 == "إحمد"));
    let fi = find(&rows, "في");
    assert_eq!(fi.1, 4, "في ×3 with Arabic yeh, once with Persian yeh");
    assert!(fi.4, "في is an Arabic stopword");

    // ZWNJ words stay whole, with one ZWNJ, whatever the tatweel or doubled ZWNJ.
    let mishavad = find(&rows, "می\u{200C}شود");
    assert_eq!((mishavad.1, mishavad.3.as_str()), (3, "word"));
    find(&rows, "کتاب\u{200C}ها");
    assert!(!rows.iter().any(|r| r.0 == "شود" || r.0 == "می"));

    // Digits unify: the Persian and ASCII year are one number, and so are the Arabic ones.
    let y1396 = find(&rows, "1396");
    assert_eq!(
        (y1396.1, y1396.3.as_str(), y1396.2.as_str()),
        (2, "number", "common")
    );
    assert_eq!(find(&rows, "2024").1, 2);

    // The URL is one token.
    let url = find(&rows, "https://p.dw.com/p/2cWml");
    assert_eq!((url.1, url.3.as_str()), (1, "url"));

    // Persian stopwords are marked too; content words are not.
    assert!(find(&rows, "را").4 && find(&rows, "از").4);
    assert!(!iran.4 && !find(&rows, "المؤتمر").4);

    // Both languages were found, each document in its own.
    let documents = std::fs::read_to_string(out.join("documents.csv")).unwrap();
    assert!(
        documents
            .lines()
            .any(|l| l.starts_with("ar.txt,") && l.contains(",ara,")),
        "{documents}"
    );
    assert!(
        documents
            .lines()
            .any(|l| l.starts_with("fa.txt,") && l.contains(",fas,")),
        "{documents}"
    );
}

#[test]
fn options_switch_the_rules_off_and_on() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("t.txt");
    std::fs::write(
        &file,
        "مدرسة مدرسه مدرسة ۱۳۹۶ 1396 www.example.org/a می شود",
    )
    .unwrap();
    let terms_of = |extra: &[&str]| -> Vec<String> {
        let mut args = vec!["terms", file.to_str().unwrap(), "--format", "csv"];
        args.extend_from_slice(extra);
        let output = run(&args);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout)
            .unwrap()
            .lines()
            .skip(1)
            .map(|l| l.split(',').nth(1).unwrap().to_string())
            .collect()
    };
    let default = terms_of(&[]);
    assert!(default.contains(&"www.example.org/a".to_string()));
    assert!(default.contains(&"1396".to_string()) && !default.contains(&"۱۳۹۶".to_string()));
    assert!(default.contains(&"مدرسة".to_string()) && default.contains(&"مدرسه".to_string()));

    let plain = terms_of(&["--tokens", "plain"]);
    assert!(plain.contains(&"www.example.org".to_string()) && plain.contains(&"a".to_string()));

    let no_digits = terms_of(&["--no-fold", "digits"]);
    assert!(no_digits.contains(&"۱۳۹۶".to_string()) && no_digits.contains(&"1396".to_string()));

    // With teh marbuta folded, the two spellings are one term, shown as written twice.
    let teh = terms_of(&["--fold", "teh-marbuta"]);
    assert!(
        teh.contains(&"مدرسة".to_string()) && !teh.contains(&"مدرسه".to_string()),
        "{teh:?}"
    );
    assert_eq!(teh.len(), default.len() - 1);

    let repaired = terms_of(&["--persian-zwnj-repair"]);
    assert!(
        repaired.contains(&"می\u{200C}شود".to_string()),
        "{repaired:?}"
    );
    assert!(!default.contains(&"می\u{200C}شود".to_string()));

    // Stemming merges a word's forms under its most frequent member.
    let stems = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(stems.path(), "الكتاب كتاب الكتاب بالمدرسة المدرسة").unwrap();
    let output = run(&[
        "terms",
        stems.path().to_str().unwrap(),
        "--stem",
        "--format",
        "csv",
    ]);
    let table = String::from_utf8(output.stdout).unwrap();
    let rows: Vec<&str> = table
        .lines()
        .skip(1)
        .map(|l| l.splitn(4, ',').take(3).last().unwrap())
        .collect();
    assert_eq!(rows.len(), 2, "{table}");
    assert!(
        table.contains(",الكتاب,3,") && table.contains(",المدرسة,2,"),
        "{table}"
    );

    let bad = run(&["terms", file.to_str().unwrap(), "--no-fold", "kashida"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown normalization step \"kashida\""));
}

#[test]
fn seeds_languages() {
    let out = tempfile::tempdir().unwrap();
    let output = run(&["report", "-q", "-o", out.path().to_str().unwrap()]);
    assert!(output.status.success());
    let documents = std::fs::read_to_string(out.path().join("documents.csv")).unwrap();
    for line in documents.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let (document, language, share) = (f[0], f[5], f[6].parse::<f64>().unwrap());
        let expected = if document.starts_with("001_") {
            "fas"
        } else {
            "ara"
        };
        assert_eq!(language, expected, "{line}");
        assert!(share >= 0.9, "{line}");
    }
    // The German caption line of 001 is German, in the Latin script, and stays a minority.
    let languages = std::fs::read_to_string(out.path().join("languages.csv")).unwrap();
    let german = languages
        .lines()
        .find(|l| l.starts_with("001_") && l.contains(",deu,"))
        .expect("a German row for 001");
    assert!(german.contains(",latin,"), "{german}");
}
