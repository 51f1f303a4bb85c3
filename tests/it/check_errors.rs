//! corpstat check: usage and input errors, partial input, the CI example and the documented metrics.

use super::check::*;
use crate::util::run;
use std::path::Path;

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
            ["duplicates", "groups", ..] => "`duplicates.groups.GROUP.…`".to_string(),
            ["quality", "groups", ..] => "`quality.groups.GROUP.…`".to_string(),
            ["quality", "signals", signal, leaf] => {
                // The signal is a column of quality.csv.
                assert!(readme.contains(&format!("| `{signal}` |")), "{signal}");
                format!("`quality.signals.SIGNAL.{leaf}`")
            }
            ["quality", "rules", rule, leaf] => {
                // The rule is in the list under "Quality signals".
                assert!(readme.contains(&format!("- `{rule}`: ")), "{rule}");
                format!("`quality.rules.RULE.{leaf}`")
            }
            _ => format!("`{path}`"),
        };
        assert!(
            readme.contains(&documented),
            "reports/README.md does not list {documented}"
        );
    }
}
