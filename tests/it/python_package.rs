//! The Python package (`python/`): built by pip from this tree (maturin, from PyPI)
//! into a fresh virtual environment, then its pytest suite (`tests/python/`) run
//! there. Skipped, and said so, where no virtual environment can be made or PyPI
//! cannot be reached; required under `CORPSTAT_REQUIRE_ENGINES` (`.ci/run`).

use std::path::Path;
use std::process::Command;

use crate::util::{required, root};

fn succeeds(command: &mut Command) -> bool {
    command.status().is_ok_and(|s| s.success())
}

#[test]
fn the_python_package_builds_installs_and_passes_its_tests() {
    let work = root().join("target/tmp/python-package");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).expect("target/tmp is writable");
    let venv = work.join("venv");
    let made = succeeds(Command::new("python3").args(["-m", "venv"]).arg(&venv));
    if !required(made, "python3 cannot make a virtual environment") {
        return;
    }
    let bin = |name: &str| venv.join("bin").join(name);
    let installed = succeeds(
        Command::new(bin("pip"))
            .args(["install", "--quiet", "--disable-pip-version-check"])
            .arg(root().join("python"))
            .arg("-r")
            .arg(root().join("tests/python/requirements.txt")),
    );
    if !required(
        installed,
        "pip could not build and install ./python (is PyPI reachable?)",
    ) {
        return;
    }
    assert!(
        Path::new(&bin("corpstat")).exists(),
        "pip put no corpstat command in the environment"
    );
    let tested = Command::new(bin("python"))
        .args(["-m", "pytest", "-q", "-p", "no:cacheprovider"])
        .arg(root().join("tests/python"))
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .current_dir(&work)
        .output()
        .expect("pytest runs");
    let said = String::from_utf8_lossy(&tested.stdout);
    eprintln!("{said}{}", String::from_utf8_lossy(&tested.stderr));
    assert!(tested.status.success(), "the Python package's tests failed");
    assert!(said.contains(" passed"), "pytest ran no test");
}
