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

/// The words of `text` by the independent UAX #29 segmenter (unicode-segmentation's
/// `unicode_word_indices`) under corpstat's one rule on top: a word never holds
/// white space, so a segment is cut at it (a space that UAX #29 joined to the
/// combining marks after it, or the narrow no-break space it joins words across),
/// and the pieces that hold a letter or a digit are the words. Written apart from
/// corpstat's tokenizer to check it.
pub fn uax29_words(text: &str) -> Vec<(usize, &str)> {
    use unicode_segmentation::UnicodeSegmentation;
    let mut words = Vec::new();
    for (at, segment) in text.unicode_word_indices() {
        let mut offset = 0;
        for piece in segment.split(char::is_whitespace) {
            if piece.chars().any(char::is_alphanumeric) {
                words.push((at + offset, piece));
            }
            offset += piece.len()
                + segment[offset + piece.len()..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
        }
    }
    words
}

/// `words` words drawn from the seeds' vocabulary by a fixed pseudo-random walk
/// (`salt` picks the walk), fifteen to a line: text large enough for the tables
/// to outgrow a `--memory-limit` of 1M (the smallest allowed), made the same on
/// every run.
pub fn seed_word_text(words: usize, salt: u64) -> String {
    let mut vocabulary: Vec<String> = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(seeds())
        .expect("the seeds")
        .map(|e| e.expect("a seed").path())
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(file).expect("a seed file");
        vocabulary.extend(text.split_whitespace().map(str::to_string));
    }
    vocabulary.sort();
    vocabulary.dedup();
    let mut state = salt
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut text = String::new();
    for i in 0..words {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        text.push_str(&vocabulary[(state >> 33) as usize % vocabulary.len()]);
        text.push(if i % 15 == 14 { '\n' } else { ' ' });
    }
    text
}
