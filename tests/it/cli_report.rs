//! The real binary: stats and detect, pipes, the report folder's files, timings, titles and the default input.

#[allow(unused_imports)]
use super::cli::*;
use crate::util::{corpstat, read_report, run, run_with_input, seeds, stderr, stdout};
use std::io::Read;
use std::path::Path;
use std::process::Stdio;

#[test]
fn stats_json_is_the_summary() {
    let output = run(&["stats", "--format", "json"]);
    let committed = std::fs::read_to_string(seeds().join("../reports/summary.json")).unwrap();
    assert_eq!(stdout(&output), committed);
}

#[test]
fn detect_prints_one_code_per_line() {
    let output = run_with_input(
        &["detect", "--format", "tsv"],
        "قال وزير خارجية الصين إن بلاده ضد جميع أشكال الهجمات الإلكترونية\n\
         \n\
         The Security Council held its first open meeting on cyber security\n\
         مجموعه ای از ایمیل های ویژه جریان مبارزات انتخاباتی به نشر رسیده است\n",
    );
    assert!(output.status.success());
    let lines: Vec<Vec<String>> = stdout(&output)
        .lines()
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect();
    let codes: Vec<&str> = lines.iter().map(|l| l[0].as_str()).collect();
    assert_eq!(codes, ["ara", "und", "eng", "fas"]);
    assert_eq!(lines[0][1], "arabic");
    assert_eq!(lines[2][1], "latin");
}

#[test]
fn closed_pipe_exits_quietly() {
    let args = [
        "cooc",
        "--min-count",
        "1",
        "--keep-stopwords",
        "--format",
        "csv",
    ];
    // Far more than a pipe buffer holds, so the writer does meet the closed pipe.
    assert!(run(&args).stdout.len() > 512 * 1024);
    let mut child = corpstat()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stderr(&output), "");
}

#[test]
fn help_states_the_output_columns() {
    for (command, columns) in [
        ("terms", "rank"),
        ("ngrams", "doc_freq"),
        ("langs", "share"),
        ("cooc", "jaccard"),
        ("report", "cooccurrence.csv"),
        ("detect", "confidence"),
    ] {
        let output = run(&[command, "--help"]);
        assert!(output.status.success());
        let help = stdout(&output);
        assert!(
            help.contains(columns),
            "{command} --help lacks {columns}:\n{help}"
        );
    }
}

#[test]
fn report_leaves_other_files_alone() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("notes.txt"), "mine").unwrap();
    assert!(report_into(tmp.path(), &[]).status.success());
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("notes.txt")).unwrap(),
        "mine"
    );
    let names: Vec<String> = read_report(tmp.path()).into_iter().map(|f| f.0).collect();
    assert_eq!(
        names,
        [
            ".corpstat-manifest",
            "README.md",
            "code-switching.png",
            "code_switching.csv",
            "cooccurrence.csv",
            "cooccurrence.png",
            "distinctive.csv",
            "documents.csv",
            "duplicates.csv",
            "duplicates.png",
            "heaps.png",
            "index.html",
            "languages.csv",
            "languages.png",
            "lengths.png",
            "ngrams.csv",
            "notes.txt",
            "orthography.csv",
            "quality.csv",
            "quality.png",
            "summary.json",
            "terms.csv",
            "top-ngrams.png",
            "top-terms-ara.png",
            "top-terms-fas.png",
            "top-terms.png",
            "zipf.png",
        ]
    );
}

#[test]
fn a_new_report_drops_the_files_only_the_old_one_wrote() {
    let tmp = tempfile::tempdir().unwrap();
    assert!(report_into(tmp.path(), &["--group-by", "file:001_*=a,*=b"])
        .status
        .success());
    assert!(tmp.path().join("groups.csv").exists());
    std::fs::write(tmp.path().join("notes.txt"), "mine").unwrap();
    assert!(report_into(tmp.path(), &[]).status.success());
    for stale in ["groups.csv", "group_terms.csv", "keyness.csv", "groups.png"] {
        assert!(!tmp.path().join(stale).exists(), "{stale} is left over");
    }
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("notes.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn timings_name_every_stage_and_the_peak_memory() {
    let out = run(&["stats", "--timings", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    for stage in [
        "read",
        "normalize",
        "tokenize",
        "count",
        "language mix",
        "merge",
        "tables",
        "total",
        "wall time",
        "one thread",
    ] {
        assert!(
            err.lines()
                .any(|l| l.starts_with(&format!("corpstat: {stage} "))),
            "no {stage} line in {err}"
        );
    }
    // Without --timings, nothing of the kind.
    let quiet = run(&["stats", "-q"]);
    assert!(!stderr(&quiet).contains("wall time"));
}

/// `--name` replaces the corpus' short label in the page's title and heading
/// (escaped), and the tables do not change.
#[test]
fn report_name_is_the_title() {
    let tmp = tempfile::tempdir().unwrap();
    let default = tmp.path().join("default");
    let named = tmp.path().join("named");
    let seeds = seeds();
    let seeds = seeds.to_str().unwrap();
    assert!(report_into(&default, &[seeds]).status.success());
    assert!(report_into(&named, &[seeds, "--name", "Akhbar <2024>"])
        .status
        .success());
    let page = |dir: &Path| std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(page(&default).contains("<title>corpstat report: seeds</title>"));
    assert!(page(&named).contains("<title>corpstat report: Akhbar &lt;2024&gt;</title>"));
    for table in ["terms.csv", "documents.csv", "summary.json"] {
        assert_eq!(
            std::fs::read(default.join(table)).unwrap(),
            std::fs::read(named.join(table)).unwrap(),
            "{table}"
        );
    }
}

/// Titles name the corpus by a short label: the folder or file name, not the path
/// as typed; several paths as the first "and N more".
#[test]
fn titles_name_the_corpus_by_a_short_label() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let seeds = seeds();
    let seeds = seeds.to_str().expect("UTF-8 path");
    let one = dir.path().join("one");
    let out = run(&["report", seeds, "-o", one.to_str().expect("UTF-8"), "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = std::fs::read_to_string(one.join("index.html")).expect("index.html");
    assert!(
        page.contains("<title>corpstat report: seeds</title>"),
        "{}",
        &page[..300]
    );
    let first = format!("{seeds}/000_68afc744125fe613.txt");
    let second = format!("{seeds}/001_b745aeeb8e5d5a5b.txt");
    let two = dir.path().join("two");
    let out = run(&[
        "report",
        &second,
        &first,
        "-o",
        two.to_str().expect("UTF-8"),
        "-q",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = std::fs::read_to_string(two.join("index.html")).expect("index.html");
    assert!(
        page.contains("<title>corpstat report: 000_68afc744125fe613.txt and 1 more</title>"),
        "{}",
        &page[..300]
    );
}

/// On an empty corpus every chart still says something: each PNG has dark pixels in
/// its middle (the "no data" line), not only a title and empty axes.
#[test]
fn charts_of_an_empty_corpus_say_there_is_no_data() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("empty.txt"), "").expect("written");
    let out = dir.path().join("out");
    let r = run(&[
        "report",
        dir.path().join("empty.txt").to_str().expect("UTF-8"),
        "-o",
        out.to_str().expect("UTF-8"),
        "-q",
    ]);
    assert!(out.join("index.html").exists(), "{}", stderr(&r));
    // An empty corpus is an error for a CI job, though the report is written.
    assert_eq!(r.status.code(), Some(2));
    assert!(
        stderr(&r).contains("the corpus is empty: 1 document(s) without a single token"),
        "{}",
        stderr(&r)
    );
    for chart in [
        "top-terms.png",
        "top-ngrams.png",
        "languages.png",
        "zipf.png",
        "heaps.png",
        "cooccurrence.png",
        "lengths.png",
    ] {
        let file = std::fs::File::open(out.join(chart)).expect(chart);
        let mut reader = png::Decoder::new(std::io::BufReader::new(file))
            .read_info()
            .expect("a PNG");
        let mut pixels = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut pixels).expect("its pixels");
        let (width, height) = (info.width as usize, info.height as usize);
        let channels = info.line_size / width;
        // The middle of the image: away from the title and from the axes at the
        // edges, where an empty plot has only light grid lines.
        let dark = (height / 3..2 * height / 3)
            .flat_map(|y| (width / 4..3 * width / 4).map(move |x| (y, x)))
            .filter(|&(y, x)| pixels[y * info.line_size + x * channels] < 128)
            .count();
        assert!(dark > 100, "{chart}: {dark} dark pixels in its middle");
    }
}

#[test]
fn piped_text_is_read_when_no_path_is_given() {
    let output = run_with_input(&["terms", "--format", "tsv"], "hello world hello");
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output).lines().take(3).collect::<Vec<_>>(),
        [
            "rank\tterm\tcount\tdoc_freq\tper_million\tidf\tdp\tdp_norm\tjuilland_d\tscript\tkind\tstopword",
            // One document: DP is 0 (spread as the text is), DP normalised and D undefined.
            "1\thello\t2\t1\t666666.666667\t1.000000\t0.000000\t\t\tlatin\tword\tfalse",
            "2\tworld\t1\t1\t333333.333333\t1.000000\t0.000000\t\t\tlatin\tword\tfalse",
        ]
    );
    // With nothing on stdin (here /dev/null), the repository's seeds are read.
    let seeds = run(&["stats", "--format", "tsv"]);
    assert!(
        stdout(&seeds).contains("documents\t5\n"),
        "{}",
        stdout(&seeds)
    );
}

#[test]
fn with_no_path_and_no_seeds_folder_corpstat_says_what_to_give() {
    let tmp = tempfile::tempdir().unwrap();
    let output = corpstat()
        .args(["terms"])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("nothing to read: give files or folders")
            && err.contains("pipe text in")
            && !err.contains("no such file"),
        "{err}"
    );
}
