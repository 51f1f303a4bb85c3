//! Writing a report folder so that a reader never sees half of two reports.
//!
//! The new report is written whole into a hidden staging folder beside the output
//! folder (`.NAME.corpstat-stage-PID`, in the same parent, so on the same
//! filesystem), and then swapped with the output folder in one step (Linux
//! `renameat2(RENAME_EXCHANGE)`); the old report, now in the staging folder, is
//! removed. Files in the output folder that corpstat did not write (listed in its
//! `.corpstat-manifest`) are carried into the new folder by hard links before the
//! swap, so they survive; files the previous report wrote and this one does not
//! (a `groups.csv` from an older run with `--group-by`) are dropped.
//!
//! Two runs on one output folder are serialized by an advisory lock (`flock`) on
//! the folder above it, taken on that folder's own descriptor, so no lock file is
//! left beside the report; a run that finds staging folders of killed runs (under
//! the lock no other run can own them) removes them, and the lock files older
//! corpstat versions left (`.NAME.corpstat-lock`). A run stopped by Ctrl-C
//! or SIGTERM removes its staging folder ([`abandon_staging`], called from the
//! command line's signal handler).
//!
//! What a kill can leave (SIGKILL, power loss): before the swap, the old report
//! whole and a staging folder with part of the new one; after the swap, the new
//! report whole and a staging folder holding the old one. Both staging folders are
//! hidden and are removed by the next run into the same folder. Nothing else named
//! after the output folder is left beside it.
//!
//! Where the swap is impossible (not Linux, a filesystem without
//! `RENAME_EXCHANGE`, an output folder holding sub-folders of its own, which hard
//! links cannot carry), the files are renamed into the output folder one by one,
//! after all are written: a kill then can leave some new files beside some old ones.

use std::collections::BTreeSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use super::{stage_file, ReportFile, WriteError};

/// The file in a report folder that lists the files corpstat wrote there.
pub const MANIFEST: &str = ".corpstat-manifest";

/// The staging folder of the run in progress, for [`abandon_staging`].
static STAGING: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Removes the staging folder of the write in progress, if any, and keeps any
/// other from starting; for a signal handler, which then ends the process. Waits
/// for a swap in progress to finish, so the output folder is whole either way.
pub fn abandon_staging() {
    let mut staging = STAGING.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(dir) = staging.take() {
        let _ = std::fs::remove_dir_all(dir);
    }
    // Keep the mutex locked: the process is about to exit, and no write may start.
    std::mem::forget(staging);
}

/// Writes `files` as the report in `dir` (created if needed), replacing the report
/// corpstat wrote there before in one step where the system allows (see the module
/// documentation). Returns the paths written.
pub fn write_report_dir(
    dir: &Path,
    files: &[Box<dyn ReportFile + '_>],
) -> Result<Vec<PathBuf>, WriteError> {
    let error = WriteError::at;
    let target = resolve(dir).map_err(error(dir))?;
    let (parent, name) = match (target.parent(), target.file_name()) {
        (Some(parent), Some(name)) => (parent.to_path_buf(), name.to_string_lossy().into_owned()),
        _ => {
            return Err(error(dir)(io::Error::new(
                io::ErrorKind::InvalidInput,
                "cannot write a report over the root folder",
            )))
        }
    };
    // Short enough for any file name limit, with the PID and suffixes added.
    let base: String = name.chars().take(64).collect();
    // The folder above, opened to be locked: a directory's descriptor takes a
    // flock like a file's, and leaves nothing behind.
    let lock = std::fs::File::open(&parent).map_err(error(dir))?;
    lock.lock().map_err(error(dir))?;
    let stage_prefix = format!(".{base}.corpstat-stage-");
    remove_stale_staging(&parent, &stage_prefix);
    let _ = std::fs::remove_file(parent.join(format!(".{base}.corpstat-lock")));

    let staging = parent.join(format!("{stage_prefix}{}", std::process::id()));
    std::fs::create_dir(&staging).map_err(|e| {
        error(dir)(io::Error::new(
            e.kind(),
            format!("cannot write the report folder here ({e})"),
        ))
    })?;
    *STAGING.lock().unwrap_or_else(|e| e.into_inner()) = Some(staging.clone());
    let result =
        stage_and_swap(&target, &staging, files).map_err(|e| named_in_output(e, &staging, &target));
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    STAGING.lock().unwrap_or_else(|e| e.into_inner()).take();
    drop(lock);
    result
}

/// An error met in the staging folder, named by the file of the output folder it
/// was for (`out/terms.csv: No space left on device`), since the staging folder is
/// gone by the time the user reads it.
fn named_in_output(error: WriteError, staging: &Path, target: &Path) -> WriteError {
    match error.path.strip_prefix(staging) {
        Ok(file) => WriteError {
            path: target.join(file),
            error: error.error,
        },
        Err(_) => error,
    }
}

/// The output folder as an absolute path, through a link if it is one (the link
/// stays, the folder it points to is replaced); its parent is created if needed.
fn resolve(dir: &Path) -> io::Result<PathBuf> {
    if dir.exists() {
        return dir.canonicalize();
    }
    let parent = match dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(parent) => {
            std::fs::create_dir_all(parent)?;
            parent.canonicalize()?
        }
        None => std::env::current_dir()?,
    };
    let name = dir
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a folder name"))?;
    Ok(parent.join(name))
}

/// Removes what killed runs left: their staging folders beside the output folder.
fn remove_stale_staging(parent: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(prefix) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

fn stage_and_swap(
    target: &Path,
    staging: &Path,
    files: &[Box<dyn ReportFile + '_>],
) -> Result<Vec<PathBuf>, WriteError> {
    let error = WriteError::at;
    let staged: Vec<Result<(), WriteError>> = files
        .par_iter()
        .map(|file| {
            let path = staging.join(file.name());
            let temp = stage_file(staging, file.as_ref())?;
            temp.persist(&path).map_err(|e| error(&path)(e.error))?;
            Ok(())
        })
        .collect();
    staged.into_iter().collect::<Result<Vec<()>, _>>()?;
    let names: BTreeSet<&str> = files.iter().map(|f| f.name()).collect();
    let mut manifest = String::from(
        "# The files corpstat wrote in this folder; the next report written here replaces them.\n",
    );
    for name in &names {
        manifest.push_str(name);
        manifest.push('\n');
    }
    let manifest_path = staging.join(MANIFEST);
    std::fs::write(&manifest_path, manifest).map_err(error(&manifest_path))?;
    let written: Vec<PathBuf> = files.iter().map(|f| target.join(f.name())).collect();

    let previous = previous_report(target);
    // Swapping the current folder (or one above it) would leave the user's shell
    // in a removed folder: such a report is written file by file.
    let holds_cwd = std::env::current_dir().is_ok_and(|cwd| cwd.starts_with(target));
    let swappable = if target.exists() {
        !holds_cwd && carry_over(target, staging, &names, &previous).map_err(error(target))?
    } else {
        true
    };
    if let Ok(meta) = std::fs::metadata(target) {
        let _ = std::fs::set_permissions(staging, meta.permissions());
    } else {
        make_readable_dir(staging);
    }
    sync_dir(staging);
    pause_for_tests("staged");
    {
        let guard = STAGING.lock().unwrap_or_else(|e| e.into_inner());
        let swapped = if !target.exists() {
            std::fs::rename(staging, target).is_ok()
        } else {
            swappable && exchange(staging, target).is_ok()
        };
        if !swapped {
            drop(guard);
            return rename_one_by_one(staging, target, &names, &previous).map(|()| written);
        }
        // The staging folder now holds the old report (or nothing).
        if let Some(parent) = target.parent() {
            sync_dir(parent);
        }
        pause_for_tests("swapped");
        let _ = std::fs::remove_dir_all(staging);
        drop(guard);
    }
    Ok(written)
}

/// The files the report last written into `dir` lists in its manifest.
fn previous_report(dir: &Path) -> BTreeSet<String> {
    std::fs::read_to_string(dir.join(MANIFEST))
        .map(|text| {
            text.lines()
                .filter(|l| !l.starts_with('#') && !l.is_empty() && !l.contains(['/', '\\']))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// Hard-links into `staging` the files of `old` that the new report does not write
/// and that corpstat did not write last time (`previous`). Returns false when `old`
/// holds something a link cannot carry (a folder), and the swap must not be done.
fn carry_over(
    old: &Path,
    staging: &Path,
    new: &BTreeSet<&str>,
    previous: &BTreeSet<String>,
) -> io::Result<bool> {
    for entry in std::fs::read_dir(old)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == MANIFEST
            || new.contains(name.as_str())
            || previous.contains(&name)
            || is_stale_temp_file(&name)
        {
            continue;
        }
        let kind = entry.file_type()?;
        let to = staging.join(entry.file_name());
        if kind.is_symlink() {
            #[cfg(unix)]
            std::os::unix::fs::symlink(std::fs::read_link(entry.path())?, &to)?;
            #[cfg(not(unix))]
            return Ok(false);
        } else if kind.is_file() {
            std::fs::hard_link(entry.path(), &to)?;
        } else {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The temporary files that earlier corpstat versions staged inside the output
/// folder (`.terms.csv.Ab12Cd`), left there by killed runs.
fn is_stale_temp_file(name: &str) -> bool {
    let Some(rest) = name.strip_prefix('.') else {
        return false;
    };
    let Some((file, suffix)) = rest.rsplit_once('.') else {
        return false;
    };
    suffix.len() == 6
        && suffix.bytes().all(|b| b.is_ascii_alphanumeric())
        && [".csv", ".json", ".png", ".html", ".md", ".xml"]
            .iter()
            .any(|ext| file.ends_with(ext))
}

/// The fallback: every staged file renamed into `target`, one by one, and the files
/// of the previous report that this one does not write removed.
fn rename_one_by_one(
    staging: &Path,
    target: &Path,
    names: &BTreeSet<&str>,
    previous: &BTreeSet<String>,
) -> Result<(), WriteError> {
    let error = WriteError::at;
    std::fs::create_dir_all(target).map_err(error(target))?;
    for name in names.iter().copied().chain([MANIFEST]) {
        let to = target.join(name);
        std::fs::rename(staging.join(name), &to).map_err(error(&to))?;
    }
    for stale in previous.iter().filter(|p| !names.contains(p.as_str())) {
        let _ = std::fs::remove_file(target.join(stale));
    }
    let _ = std::fs::remove_dir_all(staging);
    Ok(())
}

/// Swaps two folders in one step.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both paths are NUL-terminated strings that outlive the call.
    let done = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if done == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        "no atomic exchange",
    ))
}

fn make_readable_dir(dir: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755));
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Makes a folder's entries durable (best effort: not every system can open a folder).
fn sync_dir(dir: &Path) {
    if let Ok(dir) = std::fs::File::open(dir) {
        let _ = dir.sync_all();
    }
}

/// For the kill tests: with `CORPSTAT_TEST_PAUSE=POINT`, waits at that point of the
/// write (`staged`: every file written, before the swap; `swapped`: after the swap,
/// before the old report is removed) long enough to be killed there.
fn pause_for_tests(point: &str) {
    if std::env::var("CORPSTAT_TEST_PAUSE").is_ok_and(|p| p == point) {
        let _ = writeln!(io::stderr(), "corpstat: paused at {point}");
        std::thread::sleep(std::time::Duration::from_secs(30));
    }
}
