//! The report committed in reports/ must be exactly what the code produces from seeds/.
//! When this fails after a deliberate change, regenerate it with
//! `cargo run --release -- report` and commit the result.

use std::path::Path;

#[test]
fn committed_report_matches_the_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let status = crate::util::corpstat()
        .current_dir(root)
        .args(["report", "-q", "-o"])
        .arg(tmp.path())
        .status()
        .unwrap();
    assert!(status.success());
    let mut fresh: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    fresh.sort();
    assert!(fresh.len() >= 8, "{fresh:?}");
    for name in &fresh {
        let generated = std::fs::read(tmp.path().join(name)).unwrap();
        let committed = std::fs::read(root.join("reports").join(name))
            .unwrap_or_else(|e| panic!("reports/{name} is not committed: {e}"));
        assert!(
            generated == committed,
            "reports/{name} differs from what the code produces; regenerate with `cargo run --release -- report`"
        );
    }
}
