//! `corpstat check`: every rule kind passing and failing, exit codes, JUnit XML read
//! back by a real parser, bad rules files, and a drift test on the seeds.

use crate::util::{run, seeds};
use std::path::PathBuf;
use std::process::Output;

pub(crate) const ENGLISH: &str = "The Security Council held its first formal public meeting on cyber security on Tuesday, \
discussing the growing threat that hacking poses to the critical infrastructure of states. \
The meeting was called after the American president raised the question with his Russian counterpart. \
Diplomats said that attacks on hospitals, power grids and water systems had become more frequent. \
Several delegations asked for clear rules of behaviour for states in cyberspace, and for a way to hold \
governments responsible when attacks are launched from their territory. Others warned that new rules \
could be used to restrict the freedom of the internet. The debate ended without a formal statement, \
but members agreed to continue the discussion next year.";

pub(crate) struct Fixture {
    pub(crate) _tmp: tempfile::TempDir,
    pub(crate) dir: PathBuf,
    /// The seeds' report.
    pub(crate) baseline: PathBuf,
    /// The seeds with 004 (Arabic) replaced by English text.
    pub(crate) drifted: PathBuf,
}

pub(crate) fn fixture() -> Fixture {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    let baseline = dir.join("baseline");
    let out = run(&["report", "-q", "-o", baseline.to_str().unwrap()]);
    assert!(out.status.success());
    let drifted = dir.join("drifted");
    std::fs::create_dir(&drifted).unwrap();
    for entry in std::fs::read_dir(seeds()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap();
        if name.to_string_lossy().starts_with("004_") {
            std::fs::write(drifted.join(name), ENGLISH).unwrap();
        } else {
            std::fs::copy(&path, drifted.join(name)).unwrap();
        }
    }
    Fixture {
        _tmp: tmp,
        dir,
        baseline,
        drifted,
    }
}

pub(crate) fn write_rules(f: &Fixture, name: &str, rules: &str) -> String {
    let path = f.dir.join(name);
    std::fs::write(&path, rules).unwrap();
    path.to_str().unwrap().to_string()
}

/// (rule, status) pairs of a JSON check result.
pub(crate) fn statuses(out: &Output) -> Vec<(String, String, String)> {
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["rule"].as_str().unwrap().to_string(),
                r["status"].as_str().unwrap().to_string(),
                // A figure is a JSON number; one with a note a string.
                match &r["actual"] {
                    serde_json::Value::Number(n) => n.to_string(),
                    other => other.as_str().unwrap().to_string(),
                },
            )
        })
        .collect()
}

pub(crate) const EVERY_KIND: &str = r#"
[[rule]]
name = "min pass"
metric = "documents"
min = 5
[[rule]]
name = "min fail"
metric = "tokens"
min = 1000000
[[rule]]
name = "max pass"
metric = "problems.count"
max = 0
[[rule]]
name = "max fail"
metric = "types"
max = 10
[[rule]]
name = "equals pass"
metric = "documents"
equals = 5
[[rule]]
name = "equals fail"
metric = "sentences"
equals = 1
[[rule]]
name = "max_change pass"
metric = "languages.fas.share"
max_change = 0.5
[[rule]]
name = "max_change fail"
metric = "languages.ara.share"
max_change = 0.01
[[rule]]
name = "max_change_pct pass"
metric = "documents"
max_change_pct = 1
[[rule]]
name = "max_change_pct fail"
metric = "scripts.latin.words"
max_change_pct = 10
[[rule]]
name = "overlap pass"
drift = "top_k_overlap"
k = 50
min = 0.3
[[rule]]
name = "overlap fail"
drift = "top_k_overlap"
k = 50
min = 0.99
[[rule]]
name = "spearman pass"
drift = "top_k_spearman"
k = 50
min = 0.2
[[rule]]
name = "spearman fail"
drift = "top_k_spearman"
k = 50
min = 0.999
[[rule]]
name = "new terms pass"
drift = "new_term_share"
max = 0.5
[[rule]]
name = "new terms fail"
drift = "new_term_share"
max = 0.01
[[rule]]
name = "language mix pass"
drift = "language_share_change"
max = 0.9
[[rule]]
name = "language mix fail"
drift = "language_share_change"
max = 0.05
[[rule]]
name = "warning only"
metric = "documents"
min = 100
severity = "warning"
"#;

#[test]
fn every_rule_kind_passes_and_fails() {
    let f = fixture();
    let rules = write_rules(&f, "rules.toml", EVERY_KIND);
    let junit = f.dir.join("out/junit.xml");
    let baseline = f.baseline.join("summary.json");
    let out = run(&[
        "check",
        f.drifted.to_str().unwrap(),
        "--rules",
        &rules,
        "--baseline",
        baseline.to_str().unwrap(),
        "--junit",
        junit.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let results = statuses(&out);
    assert_eq!(results[0].0, "input read in full");
    for (rule, status, actual) in &results[1..] {
        let expected = if rule.ends_with("pass") {
            "pass"
        } else if rule.ends_with("fail") {
            "fail"
        } else {
            "warn"
        };
        assert_eq!(status, expected, "{rule}: {actual}");
    }
    assert_eq!(results.len(), 20);

    // JUnit, read back by an XML parser: one test case per rule, the failures marked.
    let xml = std::fs::read_to_string(&junit).unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let cases: Vec<roxmltree::Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    assert_eq!(cases.len(), 20);
    let failed: Vec<&str> = cases
        .iter()
        .filter(|c| c.children().any(|n| n.has_tag_name("failure")))
        .map(|c| c.attribute("name").unwrap())
        .collect();
    assert_eq!(failed.len(), 9);
    assert!(
        failed.iter().all(|name| name.ends_with("fail")),
        "{failed:?}"
    );
    let suite = doc
        .descendants()
        .find(|n| n.has_tag_name("testsuite"))
        .unwrap();
    assert_eq!(suite.attribute("failures"), Some("9"));
}

#[test]
fn drift_language_rule_fails_with_the_numbers() {
    // Hand-made summaries, so that every number below is worked out by hand: Arabic
    // falls from 0.70 to 0.55 (change -0.15), Persian rises from 0.25 to 0.29
    // (+0.04), English from 0.05 to 0.16 (+0.11). The largest change is Arabic's.
    let tmp = tempfile::tempdir().unwrap();
    let summary = |ara: f64, fas: f64, eng: f64| {
        serde_json::json!({
            "schema_version": 1,
            "documents": 10,
            "tokens": 1000,
            "languages": {
                "ara": {"words": (ara * 1000.0) as u64, "share": ara},
                "fas": {"words": (fas * 1000.0) as u64, "share": fas},
                "eng": {"words": (eng * 1000.0) as u64, "share": eng},
            },
        })
        .to_string()
    };
    let baseline = tmp.path().join("baseline.json");
    std::fs::write(&baseline, summary(0.70, 0.25, 0.05)).unwrap();
    let current = tmp.path().join("current.json");
    std::fs::write(&current, summary(0.55, 0.29, 0.16)).unwrap();
    let rules = tmp.path().join("lang.toml");
    std::fs::write(
        &rules,
        "[[rule]]\nname = \"Arabic share\"\nmetric = \"languages.ara.share\"\nmax_change = 0.05\n\n\
         [[rule]]\nname = \"language mix\"\ndrift = \"language_share_change\"\nmax = 0.05\n\n\
         [[rule]]\nname = \"Persian share\"\nmetric = \"languages.fas.share\"\nmax_change = 0.05\n",
    )
    .unwrap();
    let out = run(&[
        "check",
        "--summary",
        current.to_str().unwrap(),
        "--rules",
        rules.to_str().unwrap(),
        "--baseline",
        baseline.to_str().unwrap(),
        "--format",
        "csv",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let table = String::from_utf8(out.stdout).unwrap();
    let row = |name: &str| {
        table
            .lines()
            .find(|l| l.starts_with(&format!("{name},")))
            .unwrap_or_else(|| panic!("no row {name} in {table}"))
            .to_string()
    };
    let arabic = row("Arabic share");
    assert!(
        arabic.contains("0.55 (baseline 0.7, change -0.15)"),
        "{arabic}"
    );
    assert!(arabic.ends_with(",fail"), "{arabic}");
    // A change within the limit passes.
    let persian = row("Persian share");
    assert!(
        persian.contains("0.29 (baseline 0.25, change +0.04)"),
        "{persian}"
    );
    assert!(persian.ends_with(",pass"), "{persian}");
    // The row names the language that moved most, with the sign of its change.
    let mix = row("language mix");
    assert!(mix.contains(",0.15 (ara -0.15),"), "{mix}");
    assert!(mix.ends_with(",fail"), "{mix}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("check failed: 2 of 4 rule(s)"), "{stderr}");
}

#[test]
fn the_same_corpus_passes_its_own_init_rules() {
    let f = fixture();
    let baseline = f.baseline.join("summary.json");
    let init = run(&["check", "--init", "--baseline", baseline.to_str().unwrap()]);
    assert!(init.status.success());
    let text = String::from_utf8(init.stdout).unwrap();
    assert!(
        text.contains("metric = \"languages.ara.share\"")
            && text.contains("drift = \"top_k_overlap\"")
    );
    // The implicit input rule is not written a second time.
    assert!(!text.contains("problems.count"), "{text}");
    // Without a baseline too: bounds on every language and script with 1% or more
    // of the words (Arabic 67.7%: within a fifth, 0.541 to 0.813; Latin 1.7%: within
    // a point).
    let plain = run(&["check", "--init"]);
    let plain = String::from_utf8(plain.stdout).unwrap();
    for rule in [
        "metric = \"languages.ara.share\"\nmin = 0.541\nmax = 0.813",
        "metric = \"languages.fas.share\"\nmin = 0.246\nmax = 0.371",
        "metric = \"scripts.arabic.share\"\nmin = 0.778\nmax = 1",
        "metric = \"scripts.latin.share\"\nmin = 0.007\nmax = 0.028",
        // No seed document fails a quality rule: at most 5 points do.
        "metric = \"quality.any_rule.share\"\nmax = 0.05",
        // The median mean word length is 5.0: within a fifth.
        "metric = \"quality.signals.mean_word_length.median\"\nmin = 4\nmax = 6",
    ] {
        assert!(plain.contains(rule), "{rule} in\n{plain}");
    }
    // German and English (0.7% and 0.4%) are below 1%.
    assert!(!plain.contains("languages.deu") && !plain.contains("languages.eng"));
    let rules = write_rules(&f, "init.toml", &text);
    let out = run(&[
        "check",
        "--rules",
        &rules,
        "--baseline",
        baseline.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(statuses(&out).iter().all(|r| r.1 == "pass"));
    // The same, from the existing report without reading the corpus.
    let out = run(&[
        "check",
        "--summary",
        baseline.to_str().unwrap(),
        "--rules",
        &rules,
        "--baseline",
        baseline.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    // Without a baseline, --init leaves the comparing rules out, and they still pass.
    let plain = run(&["check", "--init"]);
    let text = String::from_utf8(plain.stdout).unwrap();
    assert!(
        !text.contains("max_change =")
            && !text.contains("max_change_pct =")
            && !text.contains("drift =")
    );
    let rules = write_rules(&f, "plain.toml", &text);
    assert_eq!(run(&["check", "--rules", &rules]).status.code(), Some(0));
}
