//! Partials reduced by engines (DuckDB, Spark), pruned or damaged partials, and shards that are missing.

use super::partials::*;
use super::util::{engine, read_report, run, stderr};
use std::path::{Path, PathBuf};
use std::process::Command;

fn example(name: &str) -> PathBuf {
    super::util::root().join("examples/distributed").join(name)
}

/// Runs reduce.py over the partials in `parts` (a folder of partial folders).
pub(crate) fn duckdb_reduce(parts: &Path, out: &Path) -> std::process::Output {
    Command::new("python3")
        .arg(example("reduce.py"))
        .arg(format!("{}/*", path(parts)))
        .arg(out)
        .output()
        .unwrap()
}

/// Moves the partials `which` of `p` into a new folder `dir/name`.
fn gather(dir: &Path, name: &str, partials: &[&Path]) -> PathBuf {
    let into = dir.join(name);
    std::fs::create_dir(&into).unwrap();
    for p in partials {
        std::fs::rename(p, into.join(p.file_name().unwrap())).unwrap();
    }
    into
}

/// The DuckDB reduce of the five seed partials, finished by `merge`, is the
/// single run's report; reducing (A + B) + C and A + (B + C) gives it too.
#[test]
fn duckdb_reduce_gives_the_whole_report_and_is_associative() {
    if !engine("duckdb") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let p = seed_partials(d, &[]);
    let whole = whole_report(d, &[]);

    // All five at once, from a folder in which they were gathered in any order.
    let copies = d.join("copies");
    std::fs::create_dir(&copies).unwrap();
    for (i, partial) in p.iter().enumerate() {
        copy_dir(partial, &copies.join(format!("q{}", 4 - i)));
    }
    let reduced = d.join("reduced");
    let done = duckdb_reduce(&copies, &reduced);
    assert!(done.status.success(), "{}", stderr(&done));
    let (code, err, merged) = merge(&[&reduced], &d.join("m1"));
    assert_eq!(code, 0, "{err}");
    assert_same_report(&merged, &whole);

    // (p0 + p1) + (p2 + p3 + p4), each pair reduced first.
    let a = gather(d, "a", &[&p[0], &p[1]]);
    let b = gather(d, "b", &[&p[2], &p[3], &p[4]]);
    let (ra, rb) = (d.join("ra"), d.join("rb"));
    assert!(duckdb_reduce(&a, &ra).status.success());
    assert!(duckdb_reduce(&b, &rb).status.success());
    let both = gather(d, "both", &[&ra, &rb]);
    let rab = d.join("rab");
    let done = duckdb_reduce(&both, &rab);
    assert!(done.status.success(), "{}", stderr(&done));
    let (code, err, merged) = merge(&[&rab], &d.join("m2"));
    assert_eq!(code, 0, "{err}");
    assert_same_report(&merged, &whole);

    // A reduced partial and a shard it already holds: refused.
    let (code, err, _) = merge(&[&both.join("ra"), &a.join("p0")], &d.join("m3"));
    assert_eq!(code, 2);
    assert!(err.contains("holds shard 0"), "{err}");
}

/// The Spark job (map: corpstat partial as Spark tasks; reduce: Spark SQL;
/// finish: corpstat merge) on local[2] gives the single run's report.
#[test]
fn spark_job_gives_the_whole_report() {
    // Spark takes minutes to start (626 s once on a loaded machine): the test runs
    // where CI asks for the engines (CORPSTAT_REQUIRE_ENGINES), not on every `cargo test`.
    if std::env::var_os("CORPSTAT_REQUIRE_ENGINES").is_none() || !engine("pyspark") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let shards = seed_shards(d);
    let whole = whole_report(d, &[]);
    let report = d.join("spark-report");
    let done = Command::new("python3")
        .arg(example("spark_job.py"))
        .args(["--corpstat", env!("CARGO_BIN_EXE_corpstat")])
        .args(["--work", path(&d.join("work")), "--output", path(&report)])
        .args(["--master", "local[2]", "--name", "seeds"])
        .args(shards.iter().map(|s| path(s)))
        .output()
        .unwrap();
    assert!(done.status.success(), "{}", stderr(&done));
    assert_same_report(&read_report(&report), &whole);
}

/// Shards counted under `--memory-limit` carry their pruning bound in the
/// manifest; the merged report states their sum.
#[test]
fn pruned_partials_carry_their_bounds_into_the_merge() {
    let dir = tempfile::tempdir().unwrap();
    let p = large_partials(dir.path(), &["--memory-limit", "1M"]);
    let mut bounds = (0, 0, 0);
    for partial in &p {
        let manifest: serde_json::Value =
            serde_json::from_slice(&std::fs::read(partial.join("manifest.json")).unwrap()).unwrap();
        let pruning = &manifest["shards"][0]["pruning"];
        bounds.0 += pruning["max_undercount"].as_u64().unwrap_or(0);
        bounds.1 += pruning["rounds"].as_u64().unwrap_or(0);
        bounds.2 += pruning["dropped"].as_u64().unwrap_or(0);
    }
    assert!(
        bounds.0 >= 5,
        "every shard was pruned at least once: {bounds:?}"
    );
    let refs: Vec<&Path> = p.iter().map(PathBuf::as_path).collect();
    let out = dir.path().join("merged");
    let (code, err, _) = merge(&refs, &out);
    assert_eq!(code, 0, "{err}");
    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("summary.json")).unwrap()).unwrap();
    let approximate = &summary["approximate"];
    assert_eq!(approximate["max_undercount"].as_u64(), Some(bounds.0));
    assert_eq!(approximate["rounds"].as_u64(), Some(bounds.1));
    assert_eq!(approximate["dropped"].as_u64(), Some(bounds.2));
}

/// `merge --memory-limit` keeps the n-gram and pair tables within the limit by
/// lossy counting: every n-gram it lists is at most the stated bound below its
/// exact count (from the merge without a limit), never above it.
#[test]
fn merge_under_a_memory_limit_states_a_bound_that_holds() {
    let dir = tempfile::tempdir().unwrap();
    let p = large_partials(dir.path(), &[]);
    let refs: Vec<&Path> = p.iter().map(PathBuf::as_path).collect();
    let exact = dir.path().join("exact");
    assert_eq!(merge(&refs, &exact).0, 0);
    let pruned = dir.path().join("pruned");
    let mut args = vec!["merge", "-o", path(&pruned), "-q", "--memory-limit", "1M"];
    args.extend(refs.iter().map(|p| path(p)));
    let output = run(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(pruned.join("summary.json")).unwrap()).unwrap();
    let bound = summary["approximate"]["max_undercount"].as_u64().unwrap();
    assert!(bound >= 1, "the limit made the merge prune");
    assert_eq!(summary["options"]["memory_limit"].as_u64(), Some(1 << 20));
    let counts = |dir: &Path| -> std::collections::HashMap<(String, String), u64> {
        let mut reader = csv::Reader::from_path(dir.join("ngrams.csv")).unwrap();
        let headers = reader.headers().unwrap().clone();
        let at = |name: &str| headers.iter().position(|h| h == name).unwrap();
        let (n, gram, count) = (at("n"), at("ngram"), at("count"));
        reader
            .records()
            .map(|r| {
                let r = r.unwrap();
                (
                    (r[n].to_string(), r[gram].to_string()),
                    r[count].parse().unwrap(),
                )
            })
            .collect()
    };
    let (exact, pruned) = (counts(&exact), counts(&pruned));
    let longer = pruned.keys().filter(|k| k.0 != "1").count();
    assert!(longer > 0, "some n-grams survive the pruning");
    for (key, &count) in &pruned {
        let truth = exact[key];
        assert!(
            count <= truth && count + bound >= truth,
            "{key:?}: {count} against {truth}"
        );
    }
}

/// A partial damaged anywhere (bytes overwritten in any of its tables) is read
/// or refused with exit 2 and a message naming the file: never a panic.
#[test]
fn damaged_partials_are_refused_without_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let p = seed_partials(dir.path(), &[]);
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let tables: Vec<PathBuf> = std::fs::read_dir(&p[1])
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "parquet"))
        .collect();
    assert_eq!(tables.len(), 9);
    let (mut refused, mut runs) = (0, 0);
    for table in &tables {
        let original = std::fs::read(table).unwrap();
        for damage in [1, 4, 32] {
            for _ in 0..4 {
                let mut bytes = original.clone();
                for _ in 0..damage {
                    let at = (next() % bytes.len() as u64) as usize;
                    bytes[at] = next() as u8;
                }
                std::fs::write(table, &bytes).unwrap();
                let out = dir.path().join("out");
                let (code, err, _) = merge(&[&p[0], &p[1]], &out);
                assert!(!err.contains("panicked"), "{err}");
                assert!(code == 0 || code == 2, "exit {code}: {err}");
                if code == 2 {
                    refused += 1;
                    assert!(err.contains("p1/"), "{err}");
                }
                runs += 1;
            }
        }
        std::fs::write(table, &original).unwrap();
    }
    assert!(
        refused * 2 > runs,
        "most damage is noticed: {refused} of {runs}"
    );
}

/// Classical Arabic with the honorific signs written apart from the name (U+0610 to
/// U+0613 after a space), Gurmukhi with vowel signs and the addak cut off by a space,
/// and Thai marks after a space: the words UAX #29 joins to a space.
const MARKS_AFTER_SPACES: [(&str, &str); 3] = [
    (
        "hadith.txt",
        "حدثنا محمد بن يحيى عن علي \u{0611} قال: سمعت رسول الله \u{0610} يقول.\n\
         وروى أبو هريرة \u{0613} عن النبي \u{0610} أنه قال.\n\
         قال جعفر بن محمد \u{0612} في كتابه، وعلي \u{0611} حاضر.\n",
    ),
    (
        "punjabi.txt",
        "ਪੰਜਾਬੀ ਭਾਸ਼ਾ ਦ \u{0A47}ਸ਼ ਦੀ ਬੋਲੀ ਹੈ। ਇਹ ਪ \u{0A71}ਕਾ ਹੈ।\nਦ \u{0A47}ਸ਼ ਵਿੱਚ ਪੰਜਾਬੀ।\n",
    ),
    (
        "thai.txt",
        "ภาษาไทย \u{0E31}\u{0E48}เป็นภาษา ก \u{0E31}\u{0E48} ภาษาไทย\n",
    ),
];

/// A shard whose words begin with a mark after a space (issue: `partial` refused
/// the term `" \u{611}"`): every shard's partial is written, the merge and the
/// DuckDB reduce give the single run's report byte for byte, and no term of it
/// holds white space.
#[test]
fn marks_after_spaces_travel_through_partials_to_the_whole_report() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let corpus = d.join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let mut partials = Vec::new();
    for (i, (name, text)) in MARKS_AFTER_SPACES.iter().enumerate() {
        std::fs::write(corpus.join(name), text).unwrap();
        let shard = d.join(format!("s{i}"));
        std::fs::create_dir(&shard).unwrap();
        std::fs::write(shard.join(name), text).unwrap();
        let out = d.join(format!("p{i}"));
        partial(&shard, &out, i, &["--ngrams", "1..3"]);
        partials.push(out);
    }
    let whole_dir = d.join("whole");
    let output = run(&[
        "report",
        path(&corpus),
        "-o",
        path(&whole_dir),
        "-q",
        "--name",
        "seeds",
        "--ngrams",
        "1..3",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let whole = read_report(&whole_dir);
    let terms =
        String::from_utf8(whole.iter().find(|f| f.0 == "terms.csv").unwrap().1.clone()).unwrap();
    for term in terms.lines().skip(1).map(|l| l.split(',').nth(1).unwrap()) {
        assert!(!term.contains(char::is_whitespace), "{term:?}");
    }
    for sign in [
        "\u{0611}",
        "\u{0610}",
        "\u{0A47}",
        "\u{0A71}",
        "\u{0E31}\u{0E48}",
    ] {
        assert!(
            terms.lines().any(|l| l.contains(&format!(",{sign},"))),
            "{sign:?} is a term"
        );
    }
    let (code, err, merged) = merge(
        &[&*partials[2], &*partials[0], &*partials[1]],
        &d.join("merged"),
    );
    assert_eq!(code, 0, "{err}");
    assert_same_report(&merged, &whole);
    if engine("duckdb") {
        let parts = gather(
            d,
            "parts",
            &partials.iter().map(|p| &**p).collect::<Vec<_>>(),
        );
        let reduced = d.join("reduced");
        let done = duckdb_reduce(&parts, &reduced);
        assert!(done.status.success(), "{}", stderr(&done));
        let (code, err, merged) = merge(&[&reduced], &d.join("m2"));
        assert_eq!(code, 0, "{err}");
        assert_same_report(&merged, &whole);
    }
}

/// A merge refuses a run with a shard missing, naming it: a gap below the highest
/// shard given always, a missing last shard when the partials were counted with
/// `--shards N`; `--allow-partial` merges what is given and says what is missing.
#[test]
fn a_merge_with_a_shard_missing_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let p = seed_partials(d, &["--shards", "5"]);
    let (code, err, _) = merge(&[&*p[0], &*p[2], &*p[3], &*p[4]], &d.join("m1"));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("1 shard(s) of the run missing: 1;"), "{err}");
    let (code, err, _) = merge(&[&*p[0], &*p[1], &*p[2], &*p[3]], &d.join("m2"));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("missing: 4;"), "{err}");
    assert!(!d.join("m2").exists(), "no report is written");

    let m3 = d.join("m3");
    let output = run(&[
        "merge",
        "-q",
        "--allow-partial",
        "-o",
        path(&m3),
        path(&p[0]),
        path(&p[2]),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("missing: 1, 3, 4; merging the shards given"));
    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(m3.join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary["documents"], 2);

    // A shard past the run's size is refused when counted.
    let out = d.join("p9");
    let output = run(&[
        "partial",
        "seeds",
        "-o",
        path(&out),
        "--shard",
        "5",
        "--shards",
        "5",
        "-q",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("not among the run's 5 shards"),
        "{}",
        stderr(&output)
    );
}

/// Without `--shards`, a gap below the highest shard given is still refused.
#[test]
fn a_gap_between_shards_is_refused_without_shards() {
    let dir = tempfile::tempdir().unwrap();
    let p = seed_partials(dir.path(), &[]);
    let (code, err, _) = merge(&[&*p[0], &*p[2]], &dir.path().join("m"));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("1 shard(s) of the run missing: 1;"), "{err}");
}
