//! `corpstat check`: every rule kind passing and failing, exit codes, JUnit XML read
//! back by a real parser, bad rules files, and a drift test on the seeds.

use crate::util::{run, seeds};
use std::path::{Path, PathBuf};
use std::process::Output;

const ENGLISH: &str = "The Security Council held its first formal public meeting on cyber security on Tuesday, \
discussing the growing threat that hacking poses to the critical infrastructure of states. \
The meeting was called after the American president raised the question with his Russian counterpart. \
Diplomats said that attacks on hospitals, power grids and water systems had become more frequent. \
Several delegations asked for clear rules of behaviour for states in cyberspace, and for a way to hold \
governments responsible when attacks are launched from their territory. Others warned that new rules \
could be used to restrict the freedom of the internet. The debate ended without a formal statement, \
but members agreed to continue the discussion next year.";

struct Fixture {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
    /// The seeds' report.
    baseline: PathBuf,
    /// The seeds with 004 (Arabic) replaced by English text.
    drifted: PathBuf,
}

fn fixture() -> Fixture {
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

fn write_rules(f: &Fixture, name: &str, rules: &str) -> String {
    let path = f.dir.join(name);
    std::fs::write(&path, rules).unwrap();
    path.to_str().unwrap().to_string()
}

/// (rule, status) pairs of a JSON check result.
fn statuses(out: &Output) -> Vec<(String, String, String)> {
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

const EVERY_KIND: &str = r#"
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
    let f = fixture();
    let rules = write_rules(
        &f,
        "lang.toml",
        "[[rule]]\nname = \"Arabic share\"\nmetric = \"languages.ara.share\"\nmax_change = 0.05\n\n\
         [[rule]]\nname = \"language mix\"\ndrift = \"language_share_change\"\nmax = 0.05\n",
    );
    let baseline = f.baseline.join("summary.json");
    let out = run(&[
        "check",
        f.drifted.to_str().unwrap(),
        "--rules",
        &rules,
        "--baseline",
        baseline.to_str().unwrap(),
        "--format",
        "csv",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let table = String::from_utf8(out.stdout).unwrap();
    let arabic = table
        .lines()
        .find(|l| l.starts_with("Arabic share,"))
        .unwrap();
    // The Arabic share falls from 0.677 to 0.586: 343 Arabic words gave way to 115 English ones.
    assert!(
        arabic.contains("0.585922 (baseline 0.677448, change -0.091526)"),
        "{arabic}"
    );
    assert!(arabic.ends_with(",fail"), "{arabic}");
    let mix = table
        .lines()
        .find(|l| l.starts_with("language mix,"))
        .unwrap();
    assert!(mix.ends_with(",fail"), "{mix}");
    // The row names the language that moved most, with the sign of its change.
    assert!(mix.contains(",0.091526 (ara -0.091526),"), "{mix}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("check failed: 2 of 3 rule(s)"), "{stderr}");
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

#[test]
fn usage_and_input_errors_exit_2_with_the_file_and_line() {
    let f = fixture();
    let unknown = write_rules(&f, "unknown.toml", "[[rule]]\nname = \"x\"\nmetric = \"documents\"\nmin = 1\n\n[[rule]]\nname = \"typo\"\nmetric = \"tokenz\"\nmin = 1\n");
    let out = run(&["check", "--rules", &unknown]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "{unknown}:6: rule \"typo\": unknown metric path \"tokenz\""
        )),
        "{stderr}"
    );

    let bad_toml = write_rules(
        &f,
        "bad.toml",
        "[[rule]]\nname = \"x\"\nmetric = documents\n",
    );
    let out = run(&["check", "--rules", &bad_toml]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("{bad_toml}: line 3")), "{stderr}");

    let no_bound = write_rules(
        &f,
        "nobound.toml",
        "[[rule]]\nname = \"lonely\"\nmetric = \"documents\"\n",
    );
    let out = run(&["check", "--rules", &no_bound]);
    assert!(String::from_utf8_lossy(&out.stderr).contains(":1: rule \"lonely\": give min, max"));

    let drift = write_rules(
        &f,
        "drift.toml",
        "[[rule]]\nname = \"d\"\ndrift = \"new_term_share\"\nmax = 0.1\n",
    );
    let out = run(&["check", "--rules", &drift]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs --baseline"));

    let missing = run(&[
        "check",
        "--rules",
        f.dir.join("nope.toml").to_str().unwrap(),
    ]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&missing.stderr).contains("nope.toml: cannot read the rules file")
    );

    // A baseline from another summary layout is refused, with both versions named.
    let old = f.dir.join("old");
    std::fs::create_dir(&old).unwrap();
    let summary = std::fs::read_to_string(f.baseline.join("summary.json")).unwrap();
    std::fs::write(
        old.join("summary.json"),
        summary.replace("\"schema_version\": 1", "\"schema_version\": 0"),
    )
    .unwrap();
    let ok = write_rules(
        &f,
        "ok.toml",
        "[[rule]]\nname = \"x\"\nmetric = \"documents\"\nmin = 1\n",
    );
    let out = run(&[
        "check",
        "--rules",
        &ok,
        "--baseline",
        old.join("summary.json").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("baseline has schema_version 0, this corpstat writes 1"));
}

#[test]
fn input_problems_fail_unless_partial_is_allowed() {
    let f = fixture();
    let corpus = f.dir.join("broken");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(corpus.join("good.txt"), "الأمن الدولي مهم").unwrap();
    std::fs::write(corpus.join("bad.jsonl"), "{not json}\n").unwrap();
    let rules = write_rules(
        &f,
        "r.toml",
        "[[rule]]\nname = \"docs\"\nmetric = \"documents\"\nmin = 1\n",
    );
    let out = run(&[
        "check",
        corpus.to_str().unwrap(),
        "--rules",
        &rules,
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let results = statuses(&out);
    assert_eq!(
        (results[0].0.as_str(), results[0].1.as_str()),
        ("input read in full", "fail")
    );
    let out = run(&[
        "check",
        corpus.to_str().unwrap(),
        "--rules",
        &rules,
        "--allow-partial",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(statuses(&out).len(), 1);
}

#[test]
fn the_ci_example_passes_on_the_seeds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rules = root.join("examples/corpus-ci/rules.toml");
    let out = run(&[
        "check",
        "seeds",
        "--rules",
        rules.to_str().unwrap(),
        "--baseline",
        "reports/summary.json",
        "--format",
        "json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(statuses(&out).len() > 10);
    let script = std::fs::read_to_string(root.join("examples/corpus-ci/check.sh")).unwrap();
    assert!(script.contains("--rules examples/corpus-ci/rules.toml") && script.contains("--junit"));
}

#[test]
fn every_metric_of_the_summary_is_documented() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("reports/README.md")).unwrap();
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("reports/summary.json")).unwrap())
            .unwrap();
    fn leaves(prefix: &str, value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    let path = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}.{k}")
                    };
                    leaves(&path, v, out);
                }
            }
            serde_json::Value::Number(_) | serde_json::Value::Bool(_) => {
                out.push(prefix.to_string())
            }
            _ => {}
        }
    }
    let mut paths = Vec::new();
    leaves("", &summary, &mut paths);
    assert!(paths.len() > 20);
    for path in paths {
        // Language and script codes stand for CODE and NAME in the documentation.
        let parts: Vec<&str> = path.split('.').collect();
        let documented = match parts.as_slice() {
            ["languages", _, leaf] => format!("`languages.CODE.{leaf}`"),
            ["scripts", _, leaf] => format!("`scripts.NAME.{leaf}`"),
            ["code_switching", "pairs", _] => "`code_switching.pairs.FROM>TO`".to_string(),
            ["orthography", "steps", _, leaf] => format!("`orthography.steps.STEP.{leaf}`"),
            ["orthography", "groups", ..] => "`orthography.groups.GROUP.…`".to_string(),
            _ => format!("`{path}`"),
        };
        assert!(
            readme.contains(&documented),
            "reports/README.md does not list {documented}"
        );
    }
}
