//! The shape of the source: no two modules of `src/` import each other, and no
//! file is longer than 500 lines. Read from the files, so that a change that
//! breaks either rule fails here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::util::root;

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The top-level module a file of `src/` belongs to: its folder, or its own name.
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative.components().next().unwrap().as_os_str();
    first.to_string_lossy().trim_end_matches(".rs").to_string()
}

/// The names at the top of each `use crate::` tree and `crate::` path in `text`
/// (comments left out): `crate::{a::B, c}` gives `a` and `c`.
fn crate_paths(text: &str) -> Vec<String> {
    let code: String = text
        .lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let mut names = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(tree) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut item = String::new();
            for c in tree.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        names.push(std::mem::take(&mut item));
                        continue;
                    }
                    _ => {}
                }
                item.push(c);
            }
            names.push(item);
        } else {
            names.push(rest.to_string());
        }
    }
    names
        .iter()
        .map(|n| {
            n.trim()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect()
        })
        .filter(|n: &String| !n.is_empty() && n != "self")
        .collect()
}

#[test]
fn no_two_modules_import_each_other() {
    let src = root().join("src");
    // The facade's names (`crate::Report`) stand for the module that defines them.
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let mut facade: BTreeMap<String, String> = BTreeMap::new();
    for line in lib.lines() {
        if let Some(rest) = line.strip_prefix("pub use ") {
            let (module, names) = rest.split_once("::").unwrap();
            for name in names.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
                if !name.is_empty() {
                    facade.insert(name.to_string(), module.to_string());
                }
            }
        }
    }
    let mut imports: BTreeMap<String, BTreeMap<String, PathBuf>> = BTreeMap::new();
    for file in rust_files(&src) {
        let from = module_of(&src, &file);
        if from == "lib" || from == "main" || from == "cli" {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for name in crate_paths(&text) {
            let to = facade.get(&name).cloned().unwrap_or(name);
            if to != from {
                imports
                    .entry(from.clone())
                    .or_default()
                    .entry(to)
                    .or_insert_with(|| file.clone());
            }
        }
    }
    // Known answer: the report imports the counts, and the output the report.
    assert!(imports["report"].contains_key("count"));
    assert!(imports["output"].contains_key("report"));
    let mut both_ways = BTreeSet::new();
    for (from, tos) in &imports {
        for (to, file) in tos {
            if let Some(back) = imports.get(to).and_then(|t| t.get(from)) {
                if from < to {
                    both_ways.insert(format!(
                        "{from} -> {to} ({}) and {to} -> {from} ({})",
                        file.display(),
                        back.display()
                    ));
                }
            }
        }
    }
    assert!(both_ways.is_empty(), "{both_ways:#?}");
}

#[test]
fn no_file_is_longer_than_500_lines() {
    let mut long = Vec::new();
    for folder in ["src", "tests", "examples", "benches"] {
        for file in rust_files(&root().join(folder)) {
            let lines = std::fs::read_to_string(&file).unwrap().lines().count();
            if lines > 500 {
                long.push(format!("{}: {lines}", file.display()));
            }
        }
    }
    assert!(long.is_empty(), "{long:#?}");
}

#[test]
fn crate_paths_finds_the_top_of_every_tree() {
    let text = "use crate::{a::B, c, d::{e, f}};\nlet x = crate::g::h(); // crate::comment\n";
    assert_eq!(crate_paths(text), ["a", "c", "d", "g"]);
}
