//! What every integration test shares: the binary, run from the repository root.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The repository root, where `seeds/` and `reports/` are.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled corpus.
pub fn seeds() -> PathBuf {
    root().join("seeds")
}

/// The corpstat binary, to be run from the repository root with nothing on its
/// standard input (so that it reads `seeds` when given no path, whatever stdin the
/// test runner has; the test hook that pauses the report write is cleared).
pub fn corpstat() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_corpstat"));
    command
        .current_dir(root())
        .stdin(Stdio::null())
        .env_remove("CORPSTAT_TEST_PAUSE");
    command
}

/// Writes `files` (name, text) into the folder `dir/corpus`, and returns its path.
pub fn write_corpus(dir: &Path, files: &[(&str, &str)]) -> String {
    let folder = dir.join("corpus");
    std::fs::create_dir_all(&folder).expect("a corpus folder");
    for (name, text) in files {
        std::fs::write(folder.join(name), text).expect("a corpus file");
    }
    folder.to_str().expect("a UTF-8 path").to_string()
}

/// Runs corpstat with `args` to the end.
pub fn run(args: &[&str]) -> Output {
    corpstat().args(args).output().expect("corpstat runs")
}

/// Runs corpstat with `input` on its standard input.
pub fn run_with_input(args: &[&str], input: &str) -> Output {
    let mut child = corpstat()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("corpstat runs");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input.as_bytes())
        .expect("corpstat reads its input");
    child.wait_with_output().expect("corpstat finishes")
}

/// Standard output, which must be UTF-8.
pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

/// Standard error.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Every file of a folder, name and bytes, sorted by name.
pub fn read_report(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// Whether `python3` can import `module`; with CORPSTAT_REQUIRE_ENGINES set
/// (as `.ci/run` sets it), it must.
pub fn engine(module: &str) -> bool {
    let found = Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .status()
        .is_ok_and(|s| s.success());
    required(
        found,
        &format!("python3 cannot import {module} (pip install {module})"),
    )
}

/// `found`, for a test that needs what `missing` says is missing: with
/// CORPSTAT_REQUIRE_ENGINES set (as `.ci/run` sets it), it must be found; otherwise
/// the test is skipped and says why.
pub fn required(found: bool, missing: &str) -> bool {
    if !found {
        assert!(
            std::env::var_os("CORPSTAT_REQUIRE_ENGINES").is_none(),
            "CORPSTAT_REQUIRE_ENGINES is set but {missing}"
        );
        eprintln!("skipped: {missing}");
    }
    found
}
