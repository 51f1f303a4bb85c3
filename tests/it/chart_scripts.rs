//! Chart labels in every script: a report of every language of the UDHR fixture draws
//! its labels without a placeholder, and a script that no embedded font has is drawn as
//! code points in boxes and named on stderr and in the report's README.md.

use super::util::{root, run, stderr, write_corpus};

/// A report of `files` written into a folder of `dir`: its stderr and README.md.
fn report_of(dir: &std::path::Path, files: &[(&str, &str)]) -> (String, String) {
    let corpus = write_corpus(dir, files);
    let out = dir.join("report");
    let output = run(&["report", &corpus, "-o", out.to_str().expect("UTF-8 path")]);
    assert!(output.status.success(), "{}", stderr(&output));
    let readme = std::fs::read_to_string(out.join("README.md")).expect("README.md");
    (stderr(&output), readme)
}

#[test]
fn every_fixture_language_is_drawn_without_a_warning() {
    let fixture = std::fs::read_to_string(root().join("tests/fixtures/udhr-opening.tsv"))
        .expect("the UDHR fixture");
    let mut by_language: Vec<(String, String)> = Vec::new();
    for line in fixture.lines() {
        let Some((language, text)) = line.split_once('\t') else {
            continue;
        };
        match by_language.iter_mut().find(|(l, _)| l == language) {
            Some((_, texts)) => texts.push_str(&format!("\n{text}")),
            None => by_language.push((language.to_string(), text.to_string())),
        }
    }
    assert!(by_language.len() >= 50, "{}", by_language.len());
    let names: Vec<String> = by_language
        .iter()
        .map(|(l, _)| format!("{l}.txt"))
        .collect();
    let files: Vec<(&str, &str)> = names
        .iter()
        .zip(&by_language)
        .map(|(name, (_, text))| (name.as_str(), text.as_str()))
        .collect();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (stderr, readme) = report_of(dir.path(), &files);
    assert!(!stderr.contains("no embedded font"), "{stderr}");
    assert!(!readme.contains("In this report,"));
    // The README names the fonts and the scripts they draw.
    assert!(
        readme.contains("Vazirmatn, Noto Sans, Noto Sans Armenian"),
        "{readme}"
    );
    assert!(readme.contains("devanagari, ethiopic, georgian, greek"));
}

#[test]
fn a_script_without_a_font_is_named_on_stderr_and_in_the_readme() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    // Cherokee (ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ, "the Cherokee language"): no embedded font has it.
    let (stderr, readme) = report_of(
        dir.path(),
        &[("a.txt", "ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ ᏣᎳᎩ. The Cherokee language, ᏣᎳᎩ.")],
    );
    assert!(
        stderr.contains("chart labels held characters that no embedded font has"),
        "{stderr}"
    );
    assert!(stderr.contains("U+13A6"), "{stderr}");
    let note = readme
        .lines()
        .find(|l| l.starts_with("In this report,"))
        .expect("README.md says which characters had no font");
    assert!(note.contains("U+13E3, U+13EC"), "{note}");
}
