//! The real binary, run in temporary folders.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use crate::util::{corpstat, read_report, run, run_with_input, seeds, stderr, stdout};

pub(crate) fn report_into(dir: &Path, extra: &[&str]) -> Output {
    let out = dir.to_str().unwrap();
    let mut args = vec!["report", "-o", out, "-q"];
    args.extend_from_slice(extra);
    run(&args)
}

#[test]
pub(crate) fn report_is_byte_identical_with_one_and_two_threads_and_any_path_order() {
    let tmp = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = {
        let mut f: Vec<PathBuf> = std::fs::read_dir(seeds())
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        f.sort();
        f
    };
    let names: Vec<&str> = files.iter().map(|p| p.to_str().unwrap()).collect();
    let one = tmp.path().join("one");
    let two = tmp.path().join("two");
    let shuffled = tmp.path().join("shuffled");
    // concordance.csv and index.html's concordance lines come in documents.csv's
    // order, whatever the order the files are read in.
    let kwic = ["--kwic", "ماكرون,الشمالية"];
    let mut args = vec!["--threads", "1"];
    args.extend(kwic);
    args.extend(&names);
    assert!(report_into(&one, &args).status.success());
    let mut args = vec!["--threads", "2"];
    args.extend(kwic);
    args.extend(&names);
    assert!(report_into(&two, &args).status.success());
    let mut reversed: Vec<&str> = names.iter().rev().copied().collect();
    reversed.swap(0, 2);
    reversed.extend(kwic);
    assert!(report_into(&shuffled, &reversed).status.success());
    let a = read_report(&one);
    // Every file the registries say a report without groups has, and no other:
    // the tables (concordance.csv with --kwic), every chart drawn always, one
    // top-terms-LANG.png per language large enough (Persian and Arabic here).
    use corpstat::output::{Draw, Needs, CHARTS, TABLES};
    let mut expected: Vec<String> = TABLES
        .iter()
        .filter(|t| t.needs != Needs::Groups)
        .map(|t| t.name.to_string())
        .chain(
            CHARTS
                .iter()
                .filter(|c| c.needs == Needs::Nothing && matches!(c.draw, Draw::One(_)))
                .map(|c| c.name.to_string()),
        )
        .chain(
            [
                "README.md",
                "index.html",
                "summary.json",
                ".corpstat-manifest",
            ]
            .map(String::from),
        )
        .chain(["top-terms-ara.png", "top-terms-fas.png"].map(String::from))
        .collect();
    expected.sort();
    let names: Vec<String> = a.iter().map(|(name, _)| name.clone()).collect();
    assert_eq!(names, expected);
    assert_eq!(a, read_report(&two));
    assert_eq!(a, read_report(&shuffled));
}

#[test]
pub(crate) fn missing_path_is_an_error_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("out");
    let output = report_into(&out_dir, &["seeds", "no/such/corpus"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no/such/corpus: no such file or folder"),
        "{}",
        stderr(&output)
    );
    assert!(!out_dir.exists());
}

#[test]
pub(crate) fn empty_corpus_explains_itself() {
    let tmp = tempfile::tempdir().unwrap();
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let output = run(&["stats", empty.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no documents found in"),
        "{}",
        stderr(&output)
    );
}

#[test]
pub(crate) fn jsonl_documents_ids_and_bad_lines() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("news.jsonl");
    std::fs::write(
        &path,
        "{\"id\": \"ar-1\", \"text\": \"الأمن الدولي\"}\n\
         {\"text\": \"الأمن الإلكتروني\"}\n\
         not json\n\
         {\"id\": 7, \"body\": \"no text field\"}\n\
         {\"id\": 8, \"text\": 42}\n",
    )
    .unwrap();
    let p = path.to_str().unwrap();
    let output = run(&["stats", p, "--format", "json"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "problems make the exit code 2"
    );
    let summary: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(summary["documents"], 2);
    assert_eq!(summary["tokens"], 4);
    let problems = summary["problems"].as_array().unwrap();
    let lines: Vec<u64> = problems
        .iter()
        .map(|p| p["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [3, 4, 5]);
    assert_eq!(problems[0]["kind"], "malformed_json");
    assert_eq!(problems[1]["kind"], "missing_text");
    let err = stderr(&output);
    assert!(err.contains(&format!("{p}:3: not JSON")), "{err}");
    assert!(
        err.contains(&format!("{p}:5: field \"text\" is not a string")),
        "{err}"
    );

    let docs = run(&[
        "report",
        p,
        "-o",
        tmp.path().join("r").to_str().unwrap(),
        "-q",
        "--allow-partial",
    ]);
    assert_eq!(docs.status.code(), Some(0), "--allow-partial exits 0");
    let documents = std::fs::read_to_string(tmp.path().join("r/documents.csv")).unwrap();
    let ids: Vec<&str> = documents
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    // Sorted by id, by code point: "/tmp/..." before "ar-1".
    assert_eq!(ids, [format!("{p}:2").as_str(), "ar-1"]);
}

#[test]
pub(crate) fn compressed_input_counts_like_plain_input() {
    let tmp = tempfile::tempdir().unwrap();
    let jsonl = "{\"id\": \"1\", \"text\": \"کتاب‌ها را خواندم\"}\n{\"id\": \"2\", \"text\": \"The books were read.\"}\n";
    let plain = tmp.path().join("docs.jsonl");
    std::fs::write(&plain, jsonl).unwrap();
    let gz = tmp.path().join("docs.jsonl.gz");
    let mut encoder = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).unwrap(),
        flate2::Compression::default(),
    );
    encoder.write_all(jsonl.as_bytes()).unwrap();
    encoder.finish().unwrap();
    let zst = tmp.path().join("docs.jsonl.zst");
    std::fs::write(&zst, zstd::encode_all(jsonl.as_bytes(), 3).unwrap()).unwrap();
    let terms = |p: &Path| {
        let output = run(&["terms", p.to_str().unwrap(), "--format", "csv"]);
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output)
    };
    let expected = terms(&plain);
    assert!(expected.contains("کتاب‌ها,1,1,"), "{expected}");
    assert_eq!(terms(&gz), expected);
    assert_eq!(terms(&zst), expected);
}

#[test]
pub(crate) fn csv_needs_its_text_column() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("posts.csv");
    std::fs::write(&path, "id,body\np1,\"سطر اول\nسطر دوم\"\np2,hello world\n").unwrap();
    let p = path.to_str().unwrap();
    let without = run(&["stats", p]);
    assert_eq!(without.status.code(), Some(2));
    assert!(
        stderr(&without).contains("needs --text-column (columns: id, body)"),
        "{}",
        stderr(&without)
    );
    // The reason, not a misleading "no documents found" after it.
    assert!(
        !stderr(&without).contains("no documents found")
            && stderr(&without).contains("no document of")
            && stderr(&without).contains("could be read (1 problem(s) above)"),
        "{}",
        stderr(&without)
    );
    let wrong = run(&["stats", p, "--text-column", "text"]);
    assert!(
        stderr(&wrong).contains("no column \"text\" (columns: id, body)"),
        "{}",
        stderr(&wrong)
    );
    let right = run(&[
        "stats",
        p,
        "--text-column",
        "body",
        "--id-column",
        "id",
        "--format",
        "json",
    ]);
    assert!(right.status.success(), "{}", stderr(&right));
    let summary: serde_json::Value = serde_json::from_str(&stdout(&right)).unwrap();
    // The quoted newline stays inside p1's text: two sentences there, one in p2.
    assert_eq!(
        (summary["documents"].as_u64(), summary["tokens"].as_u64()),
        (Some(2), Some(6))
    );
    assert_eq!(summary["sentences"], 3);
}

#[test]
pub(crate) fn stdin_is_one_text_document() {
    let output = run_with_input(&["stats", "-", "--format", "json"], "سلام دنیا سلام");
    assert!(output.status.success());
    let summary: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(
        (summary["tokens"].as_u64(), summary["types"].as_u64()),
        (Some(3), Some(2))
    );
}

#[test]
pub(crate) fn thin_subcommands_print_their_part_of_the_report() {
    let terms = run(&["terms", "--top", "3", "--format", "csv"]);
    assert!(terms.status.success());
    let committed = std::fs::read_to_string(seeds().join("../reports/terms.csv")).unwrap();
    let first4: Vec<&str> = committed.lines().take(4).collect();
    assert_eq!(stdout(&terms).lines().collect::<Vec<_>>(), first4);

    let bigrams = run(&["ngrams", "-n", "2", "--top", "2", "--format", "tsv"]);
    let text = stdout(&bigrams);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "n\trank\tngram\tcount\tdoc_freq");
    assert!(lines[1].starts_with("2\t1\t"), "{text}");
    assert_eq!(lines.len(), 3);

    let langs = run(&["langs", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_str(&stdout(&langs)).unwrap();
    let corpus_rows: Vec<&serde_json::Value> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["document"] == "*")
        .collect();
    assert_eq!(corpus_rows[0]["language"], "ara");
    assert!(corpus_rows[0]["words"].as_u64().unwrap() > 1000);

    let cooc = run(&[
        "cooc",
        "--cooc-scope",
        "sentence",
        "--top",
        "1",
        "--format",
        "csv",
    ]);
    assert!(stdout(&cooc).starts_with(
        "term_a,term_b,count,count_a,count_b,expected,pmi,npmi,llr,chi2,t_score,dice,jaccard\n"
    ));

    let table = run(&["stats", "--format", "table"]);
    assert!(
        stdout(&table).lines().any(
            |l| l.starts_with("\u{2068}documents\u{2069}") && l.ends_with(" \u{2068}5\u{2069}")
        ),
        "{}",
        stdout(&table)
    );
}

#[test]
pub(crate) fn stats_json_is_the_summary() {
    let output = run(&["stats", "--format", "json"]);
    let committed = std::fs::read_to_string(seeds().join("../reports/summary.json")).unwrap();
    assert_eq!(stdout(&output), committed);
}

#[test]
pub(crate) fn detect_prints_one_code_per_line() {
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
pub(crate) fn closed_pipe_exits_quietly() {
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
pub(crate) fn help_states_the_output_columns() {
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
pub(crate) fn report_leaves_other_files_alone() {
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
            "heaps.png",
            "index.html",
            "languages.csv",
            "languages.png",
            "lengths.png",
            "ngrams.csv",
            "notes.txt",
            "orthography.csv",
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
pub(crate) fn a_new_report_drops_the_files_only_the_old_one_wrote() {
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
pub(crate) fn timings_name_every_stage_and_the_peak_memory() {
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
pub(crate) fn report_name_is_the_title() {
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
pub(crate) fn titles_name_the_corpus_by_a_short_label() {
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
pub(crate) fn charts_of_an_empty_corpus_say_there_is_no_data() {
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
pub(crate) fn piped_text_is_read_when_no_path_is_given() {
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
pub(crate) fn with_no_path_and_no_seeds_folder_corpstat_says_what_to_give() {
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
