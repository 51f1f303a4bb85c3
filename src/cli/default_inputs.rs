//! What a corpus subcommand reads when no path is given, and how its paths name
//! the corpus in titles.

use std::path::PathBuf;

use anyhow::{bail, Result};

/// The bundled corpus, read when no path is given and nothing is piped in.
pub(super) const DEFAULT_CORPUS: &str = "seeds";

/// What to read when no path is given: standard input when it is a pipe, a file
/// or a socket (text piped or redirected in); else `seeds` when the current
/// folder has it; else an error that says what to give. A terminal or /dev/null
/// on stdin is not input (as in ripgrep), so that a job run with no stdin does
/// not wait for one.
pub(super) fn default_inputs() -> Result<Vec<PathBuf>> {
    if stdin_has_input() {
        return Ok(vec![PathBuf::from("-")]);
    }
    if std::path::Path::new(DEFAULT_CORPUS).is_dir() {
        return Ok(vec![PathBuf::from(DEFAULT_CORPUS)]);
    }
    bail!(
        "nothing to read: give files or folders (such as `corpstat terms corpus/`), `-` for standard input, or pipe text in; without them corpstat reads the folder `{DEFAULT_CORPUS}` when the current folder has one, and this one has none"
    )
}

/// Whether standard input holds text to read: a pipe, a regular file or a socket,
/// not a terminal or a device such as /dev/null.
fn stdin_has_input() -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        match std::fs::metadata("/dev/stdin") {
            Ok(meta) => {
                let kind = meta.file_type();
                kind.is_fifo() || kind.is_file() || kind.is_socket()
            }
            Err(_) => false,
        }
    }
    #[cfg(not(unix))]
    {
        !io::stdin().is_terminal()
    }
}

/// Paths as a corpus' name in titles: sorted as the input stage reads them,
/// without repeats, joined by commas.
pub(super) fn joined_names(paths: &[PathBuf]) -> String {
    let mut names: Vec<String> = paths.iter().map(|p| short_name(p)).collect();
    names.sort();
    names.dedup();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [first, rest @ ..] => format!("{first} and {} more", rest.len()),
    }
}

/// A path as a title names it: its last component (`corpus-50mb.jsonl.gz` for
/// `/data/bench/corpus-50mb.jsonl.gz`, `seeds` for `seeds/`), or the path itself
/// when it has none (`-`, `/`).
fn short_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}
