//! index.html in a real browser: Debian's headless Chromium, driven through
//! chromedriver by `tests/browser/check_index.py`, at 1400 and 390 CSS pixels wide.
//! The page must not overflow sideways, every chart must load, the embedded font
//! must be the one an Arabic cell uses, and sorting and filtering must work.
//! Screenshots are kept under `target/tmp/browser/`, never in the repository.

use std::path::Path;
use std::process::Command;

use super::util::{required, root, run, stderr};

/// Whether Chromium and chromedriver are installed; with CORPSTAT_REQUIRE_ENGINES set
/// (as `.ci/run` sets it, after installing them), they must be.
fn browser() -> bool {
    let found = ["/usr/bin/chromium", "/usr/bin/chromedriver"]
        .iter()
        .all(|p| Path::new(p).exists());
    required(
        found,
        "/usr/bin/chromium or /usr/bin/chromedriver is missing (apt-get install chromium chromium-driver)",
    )
}

#[test]
fn the_report_page_works_in_chromium_at_desktop_and_phone_widths() {
    if !browser() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("report");
    let report = run(&[
        "report",
        root().join("seeds").to_str().expect("UTF-8 path"),
        "-o",
        out.to_str().expect("UTF-8 path"),
        "-q",
    ]);
    assert!(report.status.success(), "{}", stderr(&report));
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    let check = Command::new("python3")
        .arg(root().join("tests/browser/check_index.py"))
        .arg(&out)
        .arg(&shots)
        .output()
        .expect("python3 runs");
    let results = String::from_utf8_lossy(&check.stdout);
    assert!(
        check.status.success(),
        "{results}{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let widths: Vec<serde_json::Value> = results
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per width"))
        .collect();
    assert_eq!(widths.len(), 2, "{results}");
    for (result, width) in widths.iter().zip([1400, 390]) {
        assert_eq!(result["width"], width);
        assert_eq!(result["problems"], serde_json::json!([]), "{result}");
        assert!(result["images"].as_u64().unwrap_or(0) >= 8, "{result}");
    }
}
