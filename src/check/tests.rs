//! The check's tests: drift measures worked by hand, metric paths, rule validation with line numbers, and JUnit escaping.

use super::drift::drift_value;
use super::*;

fn snapshot(summary: serde_json::Value, terms: &[(&str, u64)]) -> Snapshot {
    Snapshot {
        origin: "test".into(),
        summary,
        terms: Some(terms.iter().map(|(t, c)| (t.to_string(), *c)).collect()),
    }
}

#[test]
fn drift_measures_by_hand() {
    let n = Normalizer::default();
    let base = snapshot(
        serde_json::json!({"languages": {"ara": {"share": 0.7}, "fas": {"share": 0.3}}}),
        &[("a", 10), ("b", 8), ("c", 6), ("d", 4)],
    );
    let cur = snapshot(
        serde_json::json!({"languages": {"ara": {"share": 0.5}, "eng": {"share": 0.2}, "fas": {"share": 0.3}}}),
        &[("b", 9), ("a", 7), ("c", 5), ("e", 4)],
    );
    // Top 3: {a, b, c} both ways → 1; top 4: 3 shared of 5 → 0.6.
    assert_eq!(drift_value(Drift::TopKOverlap, 3, &cur, &base, &n), Ok(1.0));
    assert_eq!(drift_value(Drift::TopKOverlap, 4, &cur, &base, &n), Ok(0.6));
    // Shared a, b, c ranked (2,1,3) against (1,2,3): Σd² = 2, ρ = 1 − 12/24.
    assert_eq!(
        drift_value(Drift::TopKSpearman, 4, &cur, &base, &n),
        Ok(0.5)
    );
    // e (4 of 25 tokens) is new.
    assert_eq!(
        drift_value(Drift::NewTermShare, 0, &cur, &base, &n),
        Ok(4.0 / 25.0)
    );
    // ara moved by 0.2, eng by 0.2 (from nothing), fas by 0.
    let change = drift_value(Drift::LanguageShareChange, 0, &cur, &base, &n).unwrap();
    assert!((change - 0.2).abs() < 1e-12);
}

#[test]
fn metric_paths() {
    let s = snapshot(
        serde_json::json!({"documents": 5, "ttr": null, "approximate": null, "languages": {"ara": {"words": 3, "share": 0.5}}, "problems": [{"a": 1}]}),
        &[],
    );
    assert_eq!(s.metric("documents"), Ok(5.0));
    assert_eq!(s.metric("languages.ara.share"), Ok(0.5));
    assert_eq!(s.metric("languages.urd.share"), Ok(0.0));
    assert_eq!(s.metric("approximate.max_undercount"), Ok(0.0));
    assert_eq!(s.metric("problems.count"), Ok(1.0));
    assert!(s
        .metric("tokenz")
        .unwrap_err()
        .contains("unknown metric path \"tokenz\""));
    assert!(s.metric("ttr").unwrap_err().contains("undefined"));
}

#[test]
fn rules_are_validated_with_their_line() {
    let text = "[[rule]]\nname = \"ok\"\nmetric = \"documents\"\nmin = 1\n\n[[rule]]\nname = \"bad\"\nmetric = \"documents\"\n";
    match parse_rules("r.toml", text) {
        Err(CheckError::Rule { line, name, .. }) => {
            assert_eq!((line, name.as_str()), (6, "bad"))
        }
        other => panic!("{other:?}"),
    }
    let err = parse_rules("r.toml", "[[rule]]\nname = \"x\"\nmetrc = \"documents\"\n").unwrap_err();
    assert!(err.to_string().starts_with("r.toml: line 3"), "{err}");
}

#[test]
fn junit_escapes() {
    let xml = junit_xml(&[Outcome {
        rule: "a <b> & \"c\"".into(),
        metric: "m".into(),
        expected: ">= 1".into(),
        actual: "0".into(),
        status: Status::Fail,
    }])
    .expect("serializing into memory");
    assert!(xml.contains("name=\"a &lt;b&gt; &amp; &quot;c&quot;\""));
    assert!(xml.contains("failures=\"1\""));
    // Characters XML 1.0 forbids: quick-junit drops the control ones, and U+FFFF
    // becomes U+FFFD, so an XML parser reads the file back.
    let xml = junit_xml(&[Outcome {
        rule: "odd \u{1} \u{FFFF}".into(),
        metric: "m \u{FFFE}".into(),
        expected: ">= 1".into(),
        actual: "0".into(),
        status: Status::Fail,
    }])
    .expect("serializing into memory");
    let doc = roxmltree::Document::parse(&xml).expect("valid XML");
    let case = doc
        .descendants()
        .find(|n| n.has_tag_name("testcase"))
        .expect("a test case");
    assert_eq!(case.attribute("name"), Some("odd  \u{FFFD}"));
}
