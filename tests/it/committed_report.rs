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

/// Every chart of a report, the grouped ones too, is one width (1,000 pixels), so
/// that the page lays them out alike (code-switching.png was 800).
#[test]
fn every_chart_is_one_width() {
    let tmp = tempfile::tempdir().unwrap();
    let output = crate::util::run(&[
        "report",
        "-q",
        "--group-by",
        "lang",
        "-o",
        tmp.path().to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", crate::util::stderr(&output));
    let mut charts = 0;
    for entry in std::fs::read_dir(tmp.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "png") {
            let png = std::fs::read(&path).unwrap();
            // The IHDR chunk: width at bytes 16..20, big-endian.
            assert_eq!(&png[12..16], b"IHDR");
            let width = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
            assert_eq!(width, 1000, "{}", path.display());
            charts += 1;
        }
    }
    assert!(charts >= 12, "{charts} charts");
}
