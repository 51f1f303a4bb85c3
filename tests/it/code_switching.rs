//! Code-switching: the language switches between a document's sentences, and its
//! sentences that mix scripts, on documents whose answers were worked out by hand.

use std::path::Path;

use super::util::{run, stderr, write_corpus};

/// Persian, then an English sentence, then Persian again, one Persian sentence
/// holding the Latin word iPhone: five sentences, switches fas>eng and eng>fas,
/// 2 per 5 sentences, one mixed sentence.
const SWITCHING: &str = "امروز هوا در تهران بسیار سرد بود و مردم در خانه ماندند. \
وزارت نیرو اعلام کرد که مصرف گاز در زمستان امسال افزایش یافته است.

The ministry said that gas consumption had risen sharply during the cold weather this winter.

او گفت که برای خرید یک iPhone جدید به بازار رفته است و قیمت‌ها بسیار بالا بود. \
مردم امیدوارند که هوا در روزهای آینده گرم‌تر شود.
";

/// Arabic only: two sentences, no switch, nothing mixed.
const ARABIC: &str = "ارتفعت أسعار النفط في الأسواق العالمية اليوم بعد قرار المنظمة. \
وقال المحللون إن الطلب على الطاقة سيزداد خلال فصل الشتاء المقبل.";

fn report(dir: &Path) -> std::path::PathBuf {
    let corpus = write_corpus(dir, &[("ar.txt", ARABIC), ("fa-en-fa.txt", SWITCHING)]);
    let out = dir.join("report");
    let output = run(&["report", &corpus, "-o", out.to_str().unwrap(), "-q"]);
    assert!(output.status.success(), "{}", stderr(&output));
    out
}

#[test]
fn a_document_that_switches_fa_en_fa_in_known_places() {
    let dir = tempfile::tempdir().unwrap();
    let out = report(dir.path());
    assert_eq!(
        std::fs::read_to_string(out.join("code_switching.csv")).unwrap(),
        "document,switches,switch_rate,mixed_sentences,top_pair\n\
         ar.txt,0,0.000000,0,\n\
         fa-en-fa.txt,2,40.000000,1,eng>fas\n"
    );
    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("summary.json")).unwrap()).unwrap();
    // 7 sentences in all: 2 switches, 2 / 7 per 100 sentences; 1 mixed of 7.
    assert_eq!(
        summary["code_switching"],
        serde_json::json!({
            "switches": 2,
            "switch_rate": 28.571429,
            "documents_switching": 1,
            "mixed_sentences": 1,
            "mixed_share": 0.142857,
            "pairs": {"eng>fas": 1, "fas>eng": 1}
        })
    );
    assert!(out.join("code-switching.png").exists());
}

/// `check` reads the block's metric paths, and an absent pair as 0.
#[test]
fn check_rules_read_the_code_switching_block() {
    let dir = tempfile::tempdir().unwrap();
    let out = report(dir.path());
    let rules = dir.path().join("rules.toml");
    std::fs::write(
        &rules,
        "[[rule]]\nname = \"few switches\"\nmetric = \"code_switching.switch_rate\"\nmax = 20\n\n\
         [[rule]]\nname = \"no Arabic to English\"\nmetric = \"code_switching.pairs.ara>eng\"\nequals = 0\n\n\
         [[rule]]\nname = \"one Persian to English\"\nmetric = \"code_switching.pairs.fas>eng\"\nequals = 1\n",
    )
    .unwrap();
    let corpus = dir.path().join("corpus");
    let check = |rules: &Path| {
        run(&[
            "check",
            corpus.to_str().unwrap(),
            "--rules",
            rules.to_str().unwrap(),
            "--format",
            "tsv",
        ])
    };
    let output = check(&rules);
    let text = String::from_utf8_lossy(&output.stdout).to_string();
    // The rate is 28.57 per 100 sentences: above 20, the one failure.
    assert_eq!(output.status.code(), Some(1), "{text}{}", stderr(&output));
    let failed: Vec<&str> = text
        .lines()
        .filter(|l| l.ends_with("\tfail"))
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(failed, ["few switches"], "{text}");
    assert!(out.join("summary.json").exists());
}
