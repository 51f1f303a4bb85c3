//! Finding the input files: the paths in sorted order, folders walked in sorted
//! order, with a policy for hidden entries, symbolic links and special files that
//! turns each skipped entry into a [`Problem`](super::Problem) instead of an error.

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};

use super::{InputError, InputFile, InputOptions, Notice, NoticeKind, Problem, ProblemKind};

/// What a walk found: the files, the problems, and the notices (things done that
/// the user should know of, which change nothing of the exit code).
#[derive(Debug, Default)]
pub(crate) struct FoundFiles {
    /// The files, in reading order.
    pub files: Vec<InputFile>,
    /// Entries skipped or unreadable.
    pub problems: Vec<Problem>,
    /// Links followed out of the folder given (`--follow`).
    pub notices: Vec<Notice>,
}

/// Finds every input file under `paths`, in sorted order: the paths sorted, and
/// each folder walked in sorted order. Folder entries that cannot be read, links not
/// followed and special files become problems; folders in `options.exclude` are left
/// out. A missing path is an error, and nothing is read.
///
/// A file's id is its path relative to the folder given, or the path given for a
/// file named itself; with several paths given, a file found in a folder keeps the
/// folder's path too (`A/001.txt`), so that ids stay distinct.
///
/// A path named on the command line is read even when it is a symbolic link or a FIFO
/// (`<(zcat a.gz)` is one); devices and sockets are refused everywhere.
pub fn find_files(
    paths: &[PathBuf],
    options: &InputOptions,
) -> Result<(Vec<InputFile>, Vec<Problem>), InputError> {
    find_files_noting(paths, options).map(|found| (found.files, found.problems))
}

/// [`find_files`], with the notices of the walk: with `--follow`, each symbolic
/// link followed to a file or folder outside the folder given, as `rg -L` follows
/// them, named with its target.
pub(crate) fn find_files_noting(
    paths: &[PathBuf],
    options: &InputOptions,
) -> Result<FoundFiles, InputError> {
    let mut sorted: Vec<&PathBuf> = paths.iter().collect();
    sorted.sort();
    sorted.dedup();
    for path in &sorted {
        if path.as_os_str() != "-" && std::fs::metadata(path).is_err() {
            return Err(InputError::Missing(path.display().to_string()));
        }
    }
    let excluded: Vec<PathBuf> = options
        .exclude
        .iter()
        .filter_map(|p| p.canonicalize().ok())
        .collect();
    let mut walk = Walk {
        follow: options.follow_links,
        keep_root: sorted.len() > 1,
        excluded,
        visited: HashSet::new(),
        root_real: PathBuf::new(),
        files: Vec::new(),
        problems: Vec::new(),
        notices: Vec::new(),
    };
    for path in sorted {
        if path.as_os_str() == "-" {
            walk.files.push(InputFile {
                path: path.clone(),
                id: "-".to_string(),
                size: None,
                root: "-".to_string(),
            });
            continue;
        }
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) => {
                walk.problems.push(Problem::unreadable(path, &e));
                continue;
            }
        };
        if meta.is_dir() {
            walk.visited.clear();
            walk.root_real = path.canonicalize().unwrap_or_else(|_| path.clone());
            walk.dir(path, path);
        } else if meta.is_file() || is_fifo(&meta) {
            walk.files.push(InputFile {
                path: path.clone(),
                id: path_text(path),
                size: meta.is_file().then_some(meta.len()),
                root: path_text(path),
            });
        } else {
            walk.problems.push(special_file(path, &meta));
        }
    }
    Ok(FoundFiles {
        files: walk.files,
        problems: walk.problems,
        notices: walk.notices,
    })
}

#[cfg(unix)]
fn is_fifo(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    meta.file_type().is_fifo()
}

#[cfg(not(unix))]
fn is_fifo(_: &std::fs::Metadata) -> bool {
    false
}

/// The problem for a path that is neither a file nor a folder.
fn special_file(path: &Path, meta: &std::fs::Metadata) -> Problem {
    #[cfg(unix)]
    let what = {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            "a FIFO"
        } else if t.is_socket() {
            "a socket"
        } else if t.is_char_device() || t.is_block_device() {
            "a device"
        } else {
            "an unknown kind of file"
        }
    };
    #[cfg(not(unix))]
    let what = {
        let _ = meta;
        "an unknown kind of file"
    };
    Problem::of_file(
        path,
        ProblemKind::SpecialFile,
        format!("{what}, not a regular file; skipped"),
    )
}

/// A folder walk: sorted, hidden entries skipped, links followed only when asked.
struct Walk {
    follow: bool,
    /// Several inputs were given: a file found in a folder is named by its path
    /// from the command line (`A/001.txt`), not from its folder (`001.txt`), so
    /// that `A/001.txt` and `C/001.txt` stay two ids.
    keep_root: bool,
    /// Canonical paths of folders not to read.
    excluded: Vec<PathBuf>,
    /// Canonical paths of the folders entered, to stop link loops.
    visited: HashSet<PathBuf>,
    /// The canonical path of the folder being walked, to tell links that leave it.
    root_real: PathBuf,
    files: Vec<InputFile>,
    problems: Vec<Problem>,
    notices: Vec<Notice>,
}

impl Walk {
    fn dir(&mut self, root: &Path, dir: &Path) {
        let real = match dir.canonicalize() {
            Ok(real) => real,
            Err(e) => {
                self.problems.push(Problem::unreadable(dir, &e));
                return;
            }
        };
        if self.excluded.contains(&real) {
            return;
        }
        if !self.visited.insert(real) {
            self.problems.push(Problem::of_file(
                dir,
                ProblemKind::SymlinkLoop,
                "folder already visited through a symbolic link; skipped".to_string(),
            ));
            return;
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                self.problems.push(Problem::unreadable(dir, &e));
                return;
            }
        };
        let mut paths: Vec<PathBuf> = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => {
                    if !entry.file_name().to_string_lossy().starts_with('.') {
                        paths.push(entry.path());
                    }
                }
                Err(e) => self.problems.push(Problem::unreadable(dir, &e)),
            }
        }
        paths.sort();
        for path in paths {
            self.entry(root, path);
        }
    }

    fn entry(&mut self, root: &Path, path: PathBuf) {
        let unreadable = |e: io::Error| Problem::unreadable(&path, &e);
        let meta = match std::fs::symlink_metadata(&path) {
            Ok(meta) => meta,
            Err(e) => return self.problems.push(unreadable(e)),
        };
        let meta = if meta.file_type().is_symlink() {
            if !self.follow {
                let target = std::fs::read_link(&path)
                    .map(|t| t.display().to_string())
                    .unwrap_or_default();
                return self.problems.push(Problem::of_file(
                    &path,
                    ProblemKind::Symlink,
                    format!("symbolic link to {target} not followed; give --follow to read it"),
                ));
            }
            let meta = match std::fs::metadata(&path) {
                Ok(meta) => meta,
                Err(e) => return self.problems.push(unreadable(e)),
            };
            if let Ok(target) = path.canonicalize() {
                if !target.starts_with(&self.root_real) {
                    self.notices.push(Notice {
                        kind: NoticeKind::LinkOutsideInput,
                        path: path_text(&path),
                        target: path_text(&target),
                    });
                }
            }
            meta
        } else {
            meta
        };
        if meta.is_dir() {
            self.dir(root, &path);
        } else if meta.is_file() {
            let id = if self.keep_root {
                path_text(&path)
            } else {
                path_text(path.strip_prefix(root).unwrap_or(&path))
            };
            self.files.push(InputFile {
                id,
                size: Some(meta.len()),
                root: path_text(root),
                path,
            });
        } else {
            self.problems.push(special_file(&path, &meta));
        }
    }
}

/// A path as text for ids and sources: as it is when it is UTF-8; otherwise each
/// byte that is not UTF-8 as `\xHH`, as ripgrep and `ls -b` show such names, so
/// that two names differing only there (`a\xFF.txt`, `a\xFE.txt`) keep two ids
/// instead of both becoming `a\u{FFFD}.txt`.
pub(crate) fn path_text(path: &Path) -> String {
    if let Some(text) = path.to_str() {
        return text.to_string();
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut text = String::new();
        for chunk in path.as_os_str().as_bytes().utf8_chunks() {
            text.push_str(chunk.valid());
            for byte in chunk.invalid() {
                text.push_str(&format!("\\x{byte:02X}"));
            }
        }
        text
    }
    #[cfg(not(unix))]
    {
        path.display().to_string()
    }
}
