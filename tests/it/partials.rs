//! `corpstat partial` and `corpstat merge`: a corpus counted in shards and
//! merged gives the report of the whole, byte for byte, whatever the order the
//! partials are given in; partials that cannot be added are refused (exit 2,
//! naming the file). With the engines installed (`.ci/run` installs them and
//! sets CORPSTAT_REQUIRE_ENGINES), the DuckDB reduce and the Spark job too.

use std::path::{Path, PathBuf};

use super::util::{read_report, run, seeds, stderr};

/// The seed files, each copied into a folder of its own (`s0`..`s4`, in name
/// order), so that each document keeps its id (the file name under the folder).
pub(crate) fn seed_shards(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(seeds())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 5, "the seeds are five files");
    files
        .iter()
        .enumerate()
        .map(|(i, file)| {
            let shard = dir.join(format!("s{i}"));
            std::fs::create_dir_all(&shard).unwrap();
            std::fs::copy(file, shard.join(file.file_name().unwrap())).unwrap();
            shard
        })
        .collect()
}

/// Copies the files of the folder `from` into a new folder `to`.
pub(crate) fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

pub(crate) fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// `corpstat partial SHARD -o OUT --shard N OPTIONS`, which must succeed.
pub(crate) fn partial(shard: &Path, out: &Path, order: usize, options: &[&str]) {
    let order = order.to_string();
    let mut args = vec![
        "partial",
        path(shard),
        "-o",
        path(out),
        "--shard",
        &order,
        "-q",
    ];
    args.extend_from_slice(options);
    let output = run(&args);
    assert!(output.status.success(), "{}", stderr(&output));
}

/// Writes each shard's files into `dir/s0`, `dir/s1`, ... and all of them into
/// `dir/all`, then reports `dir/all` in one run with `options`, named as `merge`
/// names its report; returns the report's folder.
pub(crate) fn shards_and_whole_report(
    dir: &Path,
    shards: &[&[(&str, &str)]],
    options: &[&str],
) -> PathBuf {
    for (i, files) in shards.iter().enumerate() {
        for folder in [dir.join(format!("s{i}")), dir.join("all")] {
            std::fs::create_dir_all(&folder).unwrap();
            for (name, text) in *files {
                std::fs::write(folder.join(name), text).unwrap();
            }
        }
    }
    let out = dir.join("whole");
    let all = dir.join("all");
    let mut args = vec![
        "report",
        path(&all),
        "-o",
        path(&out),
        "-q",
        "--name",
        "seeds",
    ];
    args.extend_from_slice(options);
    let output = run(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    out
}

/// The partials of the shards `dir/s0`, `dir/s1`, ... (`shards` of them), counted
/// with `options` into `dir/p0`, `dir/p1`, ...
pub(crate) fn shard_partials(dir: &Path, shards: usize, options: &[&str]) -> Vec<PathBuf> {
    (0..shards)
        .map(|i| {
            let out = dir.join(format!("p{i}"));
            partial(&dir.join(format!("s{i}")), &out, i, options);
            out
        })
        .collect()
}

/// The partials of the five seed shards, in `dir/p0`..`p4`.
pub(crate) fn seed_partials(dir: &Path, options: &[&str]) -> Vec<PathBuf> {
    seed_shards(dir)
        .iter()
        .enumerate()
        .map(|(i, shard)| {
            let out = dir.join(format!("p{i}"));
            partial(shard, &out, i, options);
            out
        })
        .collect()
}

/// Five shards of 30,000 words drawn from the seeds' vocabulary, `dir/g0`..`g4`,
/// and their partials `dir/p0`..`p4`: enough text for a `--memory-limit` of 1M.
pub(crate) fn large_partials(dir: &Path, options: &[&str]) -> Vec<PathBuf> {
    (0..5)
        .map(|i| {
            let shard = dir.join(format!("g{i}"));
            std::fs::create_dir_all(&shard).unwrap();
            std::fs::write(
                shard.join("text.txt"),
                super::util::seed_word_text(30_000, i),
            )
            .unwrap();
            let out = dir.join(format!("p{i}"));
            partial(&shard, &out, i as usize, options);
            out
        })
        .collect()
}

/// The report of the seeds, as `corpstat report` writes it.
pub(crate) fn whole_report(dir: &Path, options: &[&str]) -> Vec<(String, Vec<u8>)> {
    let out = dir.join("whole");
    let mut args = vec!["report", "seeds", "-o", path(&out), "-q", "--name", "seeds"];
    args.extend_from_slice(options);
    let output = run(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    read_report(&out)
}

/// `corpstat merge PARTIALS -o OUT --name seeds`: its exit code, stderr and report.
pub(crate) fn merge(partials: &[&Path], out: &Path) -> (i32, String, Vec<(String, Vec<u8>)>) {
    let mut args = vec!["merge", "-o", path(out), "-q", "--name", "seeds"];
    args.extend(partials.iter().map(|p| path(p)));
    let output = run(&args);
    let report = if output.status.success() {
        read_report(out)
    } else {
        Vec::new()
    };
    (output.status.code().unwrap_or(-1), stderr(&output), report)
}

pub(crate) fn assert_same_report(merged: &[(String, Vec<u8>)], whole: &[(String, Vec<u8>)]) {
    let names = |r: &[(String, Vec<u8>)]| r.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
    assert_eq!(names(merged), names(whole));
    assert!(whole.len() >= 15, "a whole report: {:?}", names(whole));
    for ((name, a), (_, b)) in merged.iter().zip(whole) {
        assert!(
            a == b,
            "{name} differs between the merge and the single run"
        );
    }
}

/// Five one-file shards, merged in a shuffled order, give the single run's
/// report byte for byte: every CSV, the JSON, every PNG, the page, the README.
#[test]
fn five_seed_shards_merge_to_the_whole_report() {
    for options in [
        &[][..],
        &[
            "--ngrams",
            "1..4",
            "--cooc-scope",
            "sentence",
            "--group-by",
            "lang",
            "--min-count",
            "2",
        ][..],
    ] {
        let dir = tempfile::tempdir().unwrap();
        let p = seed_partials(dir.path(), options);
        let whole = whole_report(dir.path(), options);
        let shuffled = [&*p[3], &*p[1], &*p[4], &*p[0], &*p[2]];
        let (code, err, merged) = merge(&shuffled, &dir.path().join("merged"));
        assert_eq!(code, 0, "{err}");
        assert_same_report(&merged, &whole);
    }
}

/// The word lists travel with the partials' options to the merge: shards counted
/// with `--ignore` and `--stopwords` merge to the single run's report, byte for byte.
#[test]
fn word_lists_travel_with_the_partials_to_the_merge() {
    let dir = tempfile::tempdir().unwrap();
    let ignore = dir.path().join("ignore.txt");
    std::fs::write(&ignore, "في\nBBC\n").unwrap();
    let stopwords = dir.path().join("stop.txt");
    std::fs::write(&stopwords, "در\nsaid\n").unwrap();
    let options = [
        "--ignore",
        path(&ignore),
        "--stopwords",
        path(&stopwords),
        "--stopwords-mode",
        "replace",
    ];
    let p = seed_partials(dir.path(), &options);
    let whole = whole_report(dir.path(), &options);
    let summary = &whole.iter().find(|f| f.0 == "summary.json").unwrap().1;
    let summary: serde_json::Value = serde_json::from_slice(summary).unwrap();
    assert!(
        summary["ignored_tokens"].as_u64() > Some(50),
        "في is frequent"
    );
    let (code, err, merged) = merge(
        &[&*p[2], &*p[0], &*p[4], &*p[1], &*p[3]],
        &dir.path().join("merged"),
    );
    assert_eq!(code, 0, "{err}");
    assert_same_report(&merged, &whole);
}

/// The merge reads the shards' inputs again for the page's concordance lines;
/// when they are gone, the report is still merged and its page says why it has
/// no lines.
#[test]
fn a_merge_without_the_shards_text_says_why_it_has_no_concordance() {
    let dir = tempfile::tempdir().unwrap();
    let p = seed_partials(dir.path(), &[]);
    std::fs::remove_dir_all(dir.path().join("s3")).unwrap();
    let parts: Vec<&Path> = p.iter().map(PathBuf::as_path).collect();
    let (code, err, merged) = merge(&parts, &dir.path().join("merged"));
    assert_eq!(code, 0, "{err}");
    let page = &merged.iter().find(|f| f.0 == "index.html").unwrap().1;
    let page = String::from_utf8_lossy(page);
    assert!(
        page.contains("<p>No concordance lines: "),
        "the page says why"
    );
    assert!(!page.contains("<details>"));
}

/// The options that only decide what is listed are applied at the merge.
#[test]
fn listing_options_are_applied_at_the_merge() {
    let dir = tempfile::tempdir().unwrap();
    let p = seed_partials(dir.path(), &[]);
    let whole = whole_report(dir.path(), &["--ngram-min-count", "3"]);
    let out = dir.path().join("merged");
    let mut args = vec![
        "merge",
        "-o",
        path(&out),
        "-q",
        "--name",
        "seeds",
        "--ngram-min-count",
        "3",
    ];
    args.extend(p.iter().map(|p| path(p)));
    let output = run(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_same_report(&read_report(&out), &whole);
}

/// Partials that cannot be added up are refused with exit 2 and a message that
/// names the file and the reason.
#[test]
fn partials_that_cannot_be_added_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let p = seed_partials(d, &[]);
    let out = d.join("out");

    // Mixed options: shard 1 counted with another window.
    let other = d.join("other");
    partial(&d.join("s1"), &other, 1, &["--window", "3"]);
    let (code, err, _) = merge(&[&p[0], &other], &out);
    assert_eq!(code, 2);
    assert!(err.contains("cooccurrence.window is 5 against 3"), "{err}");
    assert!(err.contains("other/manifest.json"), "{err}");

    // A partial listed twice, and a copy of one (the same shard twice).
    let (code, err, _) = merge(&[&p[0], &p[1], &p[0]], &out);
    assert_eq!(code, 2);
    assert!(err.contains("listed twice"), "{err}");
    let copy = d.join("copy");
    copy_dir(&p[1], &copy);
    let (code, err, _) = merge(&[&p[0], &p[1], &copy], &out);
    assert_eq!(code, 2);
    assert!(err.contains("holds shard 1"), "{err}");

    // Another corpstat version.
    let manifest = p[2].join("manifest.json");
    let text = std::fs::read_to_string(&manifest).unwrap();
    let version = format!("\"corpstat_version\": \"{}\"", env!("CARGO_PKG_VERSION"));
    assert!(text.contains(&version), "{text}");
    std::fs::write(
        &manifest,
        text.replace(&version, "\"corpstat_version\": \"0.0.1\""),
    )
    .unwrap();
    let (code, err, _) = merge(&[&p[0], &p[2]], &out);
    assert_eq!(code, 2);
    assert!(err.contains("written by corpstat 0.0.1"), "{err}");

    // A missing manifest.
    std::fs::remove_file(p[3].join("manifest.json")).unwrap();
    let (code, err, _) = merge(&[&p[0], &p[3]], &out);
    assert_eq!(code, 2);
    assert!(err.contains("p3/manifest.json: no manifest"), "{err}");

    // A truncated Parquet file.
    let ngrams = p[1].join("ngrams.parquet");
    let bytes = std::fs::read(&ngrams).unwrap();
    std::fs::write(&ngrams, &bytes[..bytes.len() / 2]).unwrap();
    let (code, err, _) = merge(&[&p[0], &p[1]], &out);
    assert_eq!(code, 2);
    assert!(err.contains("p1/ngrams.parquet"), "{err}");
    assert!(
        !out.exists(),
        "no report is written when the merge is refused"
    );
}
