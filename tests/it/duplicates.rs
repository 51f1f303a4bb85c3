//! Exact duplicates (`duplicates.csv`, `summary.json`'s `duplicates`): known
//! answers on constructed documents, per group, and the same figures from partials
//! merged as from one run.

use std::path::Path;

use super::partials::{assert_same_report, merge, path, shard_partials, shards_and_whole_report};
use super::util::{read_report, run, seed_word_text, stderr};

const ARABIC: &str = "قال الوزير إن الهجمات تهدد الأمن في المنطقة كلها. وأكد أن بلاده مستعدة للتعاون مع الجميع في عام 2024.\n";
/// ARABIC with bare alefs for hamzated ones, a tatweel and Persian digits: the
/// same folded tokens.
const ARABIC_VARIANT: &str = "قال الوزير ان الهجمـات تهدد الامن في المنطقة كلها. واكد أن بلاده مستعدة للتعاون مع الجميع في عام ۲۰۲۴.\n";
/// ARABIC with one word changed: no duplicate.
const ARABIC_OTHER: &str = "قال الوزير إن الهجمات تهدد الأمن في المدينة كلها. وأكد أن بلاده مستعدة للتعاون مع الجميع في عام 2024.\n";
const ENGLISH: &str = "The minister said the attacks threaten the whole region today.\n";
/// ENGLISH in capitals, with another full stop: the same tokens, folded.
const ENGLISH_LOUD: &str = "THE MINISTER SAID THE ATTACKS THREATEN THE WHOLE REGION TODAY!\n";
const PERSIAN: &str = "من می\u{200c}خواهم به خانه بروم و کتاب بخوانم.\n";
/// PERSIAN with its ZWNJ doubled.
const PERSIAN_ZWNJ: &str = "من می\u{200c}\u{200c}خواهم به خانه بروم و کتاب بخوانم.\n";

const GROUPS: &str = "file:[abc]*.txt=one,*.txt=two";

/// The documents, in two shards, in name order as one run reads them:
/// a b c c1 c2 | d e f g h i k (g has no token). c1 is 300 words; k is c1 with its
/// last word changed (a near duplicate: 295 of its 296 shingles are c1's, Jaccard
/// 295/297); c2 is c1's first half and another text's second (Jaccard about 0.3:
/// no duplicate). Written into `dir` with the report of all of them in one run
/// (see [`shards_and_whole_report`]); returns its folder.
fn whole_report(dir: &Path) -> std::path::PathBuf {
    let long = seed_word_text(300, 11);
    let mut words: Vec<&str> = long.split_whitespace().collect();
    let other = seed_word_text(150, 12);
    let half: String = words[..150].join(" ") + " " + &other;
    words.pop();
    let changed = words.join(" ") + " qqqzzz";
    let shards: [&[(&str, &str)]; 2] = [
        &[
            ("a.txt", ARABIC),
            ("b.txt", ARABIC_VARIANT),
            ("c.txt", ARABIC_OTHER),
            ("c1.txt", &long),
            ("c2.txt", &half),
        ],
        &[
            ("d.txt", ARABIC),
            ("e.txt", ENGLISH),
            ("f.txt", ENGLISH_LOUD),
            ("g.txt", "   \n"),
            ("h.txt", PERSIAN),
            ("i.txt", PERSIAN_ZWNJ),
            ("k.txt", &changed),
        ],
    ];
    shards_and_whole_report(dir, &shards, &["--group-by", GROUPS])
}

fn round(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// The tokens of document `name`, from documents.csv.
fn document_tokens(report: &Path, name: &str) -> f64 {
    let mut reader = csv::Reader::from_path(report.join("documents.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    let at = |column: &str| headers.iter().position(|h| h == column).unwrap();
    let (document, tokens) = (at("document"), at("tokens"));
    reader
        .records()
        .map(|r| r.unwrap())
        .find(|r| &r[document] == name)
        .map(|r| r[tokens].parse().unwrap())
        .unwrap_or_else(|| panic!("{name} in documents.csv"))
}

fn figures(summary: &serde_json::Value, pointer: &str) -> [f64; 6] {
    let block = summary
        .pointer(pointer)
        .unwrap_or_else(|| panic!("{pointer} in {summary}"));
    [
        "documents",
        "tokens",
        "document_share",
        "token_share",
        "clusters",
        "largest",
    ]
    .map(|k| block[k].as_f64().unwrap_or_else(|| panic!("{pointer}/{k}")))
}

#[test]
fn exact_duplicates_are_the_same_folded_tokens_counted_per_corpus_and_group() {
    let dir = tempfile::tempdir().unwrap();
    let out = whole_report(dir.path());
    let csv = std::fs::read_to_string(out.join("duplicates.csv")).unwrap();
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(
        rows[..5],
        [
            "cluster,document,kind,similarity",
            "1,a.txt,exact,1.000000",
            "1,b.txt,exact,1.000000",
            "1,d.txt,exact,1.000000",
            "2,c1.txt,exact,1.000000",
        ]
    );
    let k: Vec<&str> = rows[5].split(',').collect();
    assert_eq!(&k[..3], ["2", "k.txt", "near"]);
    // The estimate of 295/297 = 0.993, within four standard errors (0.008 each).
    let estimate: f64 = k[3].parse().unwrap();
    assert!((estimate - 295.0 / 297.0).abs() < 0.035, "{estimate}");
    assert_eq!(
        rows[6..],
        [
            "3,e.txt,exact,1.000000",
            "3,f.txt,exact,1.000000",
            "4,h.txt,exact,1.000000",
            "4,i.txt,exact,1.000000",
        ]
    );
    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("summary.json")).unwrap()).unwrap();
    let all = summary["tokens"].as_f64().unwrap();
    let k_tokens = document_tokens(&out, "k.txt");
    assert!(k_tokens >= 300.0, "{k_tokens}");
    // Beyond the first of each exact cluster: b and d (19 tokens each), f (10), i (8):
    // 4 of 12 documents, 56 tokens; three clusters, the largest of three.
    assert_eq!(
        figures(&summary, "/duplicates/exact"),
        [4.0, 56.0, 0.333333, round(56.0 / all), 3.0, 3.0]
    );
    // Near duplicates hold the exact ones and k.
    assert_eq!(
        figures(&summary, "/duplicates/near"),
        [
            5.0,
            56.0 + k_tokens,
            0.416667,
            round((56.0 + k_tokens) / all),
            4.0,
            3.0
        ]
    );
    // Group one (a b c c1 c2): b. Group two (d e f g h i k): f and i; d's twin and
    // k's are in group one.
    assert_eq!(
        figures(&summary, "/duplicates/groups/one/exact")[..2],
        [1.0, 19.0]
    );
    assert_eq!(
        figures(&summary, "/duplicates/groups/one/near")[..2],
        [1.0, 19.0]
    );
    assert_eq!(
        figures(&summary, "/duplicates/groups/two/exact")[..2],
        [2.0, 18.0]
    );
    assert_eq!(
        figures(&summary, "/duplicates/groups/two/near")[..2],
        [2.0, 18.0]
    );
    // The check paths reach the figures.
    let rules = dir.path().join("rules.toml");
    std::fs::write(
        &rules,
        "[[rule]]\nname = \"few copies\"\nmetric = \"duplicates.exact.document_share\"\nmax = 0.3\n\n\
         [[rule]]\nname = \"group two\"\nmetric = \"duplicates.groups.two.exact.documents\"\nequals = 2\n",
    )
    .unwrap();
    let summary_path = out.join("summary.json");
    let checked = run(&[
        "check",
        "--summary",
        path(&summary_path),
        "--rules",
        path(&rules),
    ]);
    assert_eq!(
        checked.status.code(),
        Some(1),
        "0.444444 > 0.4 fails: {}",
        stderr(&checked)
    );
    let printed = String::from_utf8_lossy(&checked.stdout);
    assert!(
        printed.contains("few copies") && printed.contains("group two"),
        "{printed}"
    );
}

#[test]
fn partials_merged_give_the_single_runs_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let out = whole_report(dir.path());
    let whole = read_report(&out);
    let partials = shard_partials(dir.path(), 2, &["--group-by", GROUPS]);
    // Given in the other order: the merge puts the shards in order.
    let (code, said, merged) = merge(&[&partials[1], &partials[0]], &dir.path().join("merged"));
    assert_eq!(code, 0, "{said}");
    assert_same_report(&merged, &whole);
    let duplicates = merged
        .iter()
        .find(|f| f.0 == "duplicates.csv")
        .expect("duplicates.csv");
    // The near pair c1, k is found across the two shards.
    let text = String::from_utf8_lossy(&duplicates.1);
    assert_eq!(text.lines().count(), 10);
    assert!(text.contains("2,k.txt,near,"), "{text}");
}

/// index.html shows the largest clusters first: here the second cluster (three
/// copies) before the first (two).
#[test]
fn the_page_shows_the_largest_clusters_first() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = super::util::write_corpus(
        dir.path(),
        &[
            ("a.txt", ENGLISH),
            ("b.txt", ENGLISH_LOUD),
            ("c.txt", ARABIC),
            ("d.txt", ARABIC_VARIANT),
            ("e.txt", ARABIC),
        ],
    );
    let out = dir.path().join("report");
    let output = run(&["report", &corpus, "-o", path(&out), "-q"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let csv = std::fs::read_to_string(out.join("duplicates.csv")).unwrap();
    assert!(
        csv.contains("1,a.txt,exact") && csv.contains("2,c.txt,exact"),
        "{csv}"
    );
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    // The section of clusters, each collapsed: the larger first.
    let clusters = &page[page.find("<h2>Duplicates</h2>").expect("the clusters")..];
    let first = clusters.find("cluster 2: 3 documents, the first <bdi>c.txt</bdi>");
    let second = clusters.find("cluster 1: 2 documents, the first <bdi>a.txt</bdi>");
    assert!(first.is_some() && first < second, "{clusters}");
    let start = page
        .find("<h3><a href=\"duplicates.csv\">")
        .expect("the duplicates table");
    let section = &page[start..start + page[start..].find("</table>").expect("its table")];
    let shown: Vec<&str> = section
        .split("<td dir=\"auto\">")
        .skip(1)
        .filter_map(|cell| cell.split('<').next())
        .filter(|cell| cell.ends_with(".txt"))
        .collect();
    assert_eq!(shown, ["c.txt", "d.txt", "e.txt", "a.txt", "b.txt"]);
}
