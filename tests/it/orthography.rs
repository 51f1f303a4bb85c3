//! The orthography ledger: what each normalization step changed, and the yeh-kaf
//! censuses, on a Persian and an Arabic document whose letters were counted by hand.

use std::path::Path;

use super::util::{run, stderr, write_corpus};

/// Persian, 25 words: Arabic ي in بسيار and زيبا and Arabic ك in كتابخانه (3 letters
/// where Persian writes ی and ک); Persian ی in تازه‌ای and ک in کتاب (2 letters the
/// yeh-kaf step folds); آ in آن (1 alef variant).
const PERSIAN: &str = "امروز کتاب تازه‌ای را در خانه خواندم و بسيار لذت بردم. \
كتابخانه شهر ما زيبا و بزرگ است و همه مردم آن را دوست دارند.";

/// Arabic, 16 words: 7 diacritics in 3 words (ذَهَبَ 3, الوَلَدُ 3, صباحاً 1); one
/// tatweel (المدرسـة); 4 alef variants (إلى, أصدقائه, إن, سيبدأ); the yeh-kaf step folds
/// ى in إلى and ی in فی, the one Persian letter in Arabic text.
const ARABIC: &str = "ذَهَبَ الوَلَدُ إلى المدرسـة صباحاً مع أصدقائه. \
وقال المعلم فی الصف إن الدرس سيبدأ بعد قليل.";

fn report(dir: &Path, options: &[&str]) -> std::path::PathBuf {
    let corpus = write_corpus(dir, &[("ar.txt", ARABIC), ("fa.txt", PERSIAN)]);
    let out = dir.join(format!("report{}", options.len()));
    let mut args = vec!["report", &corpus, "-o", out.to_str().unwrap(), "-q"];
    args.extend_from_slice(options);
    let output = run(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    out
}

#[test]
fn the_ledger_counts_what_each_step_changed() {
    let dir = tempfile::tempdir().unwrap();
    let out = report(dir.path(), &[]);
    assert_eq!(
        std::fs::read_to_string(out.join("orthography.csv")).unwrap(),
        "document,step,changes,per_thousand_tokens\n\
         ar.txt,tatweel,1,62.500000\n\
         ar.txt,diacritics,7,437.500000\n\
         ar.txt,alef,4,250.000000\n\
         ar.txt,yeh-kaf,2,125.000000\n\
         ar.txt,persian-yeh-kaf-in-arabic,1,62.500000\n\
         fa.txt,alef,1,40.000000\n\
         fa.txt,yeh-kaf,2,80.000000\n\
         fa.txt,arabic-yeh-kaf-in-persian,3,120.000000\n\
         *,invisible,0,0.000000\n\
         *,zwnj,0,0.000000\n\
         *,tatweel,1,24.390244\n\
         *,diacritics,7,170.731707\n\
         *,alef,5,121.951220\n\
         *,yeh-kaf,4,97.560976\n\
         *,arabic-yeh-kaf-in-persian,3,73.170732\n\
         *,persian-yeh-kaf-in-arabic,1,24.390244\n\
         *,digits,0,0.000000\n"
    );
    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("summary.json")).unwrap()).unwrap();
    let ledger = &summary["orthography"];
    // 3 diacritized words of 41 tokens.
    assert_eq!(ledger["diacritized_words"], 3);
    assert_eq!(ledger["diacritized_share"], 0.073171);
    assert_eq!(ledger["steps"]["diacritics"]["changes"], 7);
    assert!(ledger.get("groups").is_none());
}

/// A step switched off changes nothing and has no row; with --group-by, each
/// group has its ledger, and `check` reads a group's rate.
#[test]
fn steps_switched_off_have_no_row_and_groups_have_their_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let out = report(
        dir.path(),
        &["--no-fold", "diacritics", "--group-by", "lang"],
    );
    let csv = std::fs::read_to_string(out.join("orthography.csv")).unwrap();
    assert!(!csv.contains(",diacritics,"), "{csv}");
    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("summary.json")).unwrap()).unwrap();
    let fas = &summary["orthography"]["groups"]["fas"];
    assert_eq!(fas["tokens"], 25);
    assert_eq!(fas["steps"]["arabic-yeh-kaf-in-persian"]["changes"], 3);
    assert_eq!(
        fas["steps"]["arabic-yeh-kaf-in-persian"]["per_thousand_tokens"],
        120.0
    );
    assert_eq!(
        summary["orthography"]["groups"]["ara"]["steps"]["persian-yeh-kaf-in-arabic"]["changes"],
        1
    );
    // The rule check --init proposes for the Persian group fails on a corpus
    // whose Persian text holds more Arabic letters than twice today's.
    let corpus = dir.path().join("corpus");
    let corpus = corpus.to_str().unwrap();
    let init = run(&["check", corpus, "--group-by", "lang", "--init"]);
    let rules = String::from_utf8_lossy(&init.stdout).to_string();
    assert!(
        rules.contains("metric = \"orthography.groups.fas.steps.arabic-yeh-kaf-in-persian.per_thousand_tokens\"\nmax = 240"),
        "{rules}"
    );
    let rules_path = dir.path().join("rules.toml");
    std::fs::write(&rules_path, "[[rule]]\nname = \"Persian keeps its letters\"\nmetric = \"orthography.groups.fas.steps.arabic-yeh-kaf-in-persian.per_thousand_tokens\"\nmax = 100\n").unwrap();
    let check = run(&[
        "check",
        corpus,
        "--group-by",
        "lang",
        "--rules",
        rules_path.to_str().unwrap(),
        "--format",
        "tsv",
    ]);
    let text = String::from_utf8_lossy(&check.stdout).to_string();
    assert_eq!(check.status.code(), Some(1), "{text}{}", stderr(&check));
    assert!(text.contains("Persian keeps its letters\t"), "{text}");
}
