use super::*;
use crate::language::fasttext::{one_line, MODEL_FILE};

/// fastText's own C++ reader of the same file (the `fasttext` crate), which
/// reads from a path only.
fn reference() -> fasttext::FastText {
    use std::io::Write;
    let mut file = tempfile::NamedTempFile::new().expect("a temporary file");
    file.write_all(MODEL_FILE).expect("the model written");
    file.flush().expect("flushed");
    let mut model = fasttext::FastText::new();
    model
        .load_model(file.path().to_str().expect("a UTF-8 path"))
        .expect("fastText reads lid.176.ftz");
    model
}

/// Lines of every kind: the seeds' sentences (Arabic, Persian, English), other
/// scripts and languages, words the model knows and words it does not, a label
/// written in the text, one word, digits, an empty line.
fn lines() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds/")
        .map(|e| e.expect("an entry").path())
        .collect();
    paths.sort();
    let mut lines = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(path).expect("a seed");
        lines.extend(text.lines().filter(|l| !l.trim().is_empty()).map(one_line));
    }
    for text in [
        "The minister said the attacks threaten the whole region.",
        "Le ministre a dit que les attaques menacent toute la région.",
        "Der Minister sagte, die Angriffe bedrohen die ganze Region.",
        "Министр сказал, что атаки угрожают всему региону.",
        "我们今天去北京大学学习中文。",
        "ภาษาไทยเป็นภาษาที่สวยงาม",
        "यह एक हिंदी वाक्य है।",
        "Η γλώσσα είναι ελληνική.",
        "کتاب‌ها را خواندم و به خانه رفتم",
        "__label__en hello world",
        "xqzv",
        "1234 5678",
        "",
    ] {
        lines.push(one_line(text));
    }
    lines
}

#[test]
fn the_rust_reader_gives_fasttext_s_labels_and_probabilities() {
    let reference = reference();
    let model = FtzModel::load(MODEL_FILE).expect("lid.176.ftz reads");
    let mut checked = 0;
    let mut exact = 0;
    let mut largest = 0f32;
    let lines = lines();
    for line in lines.iter().chain(&lines) {
        let theirs: Vec<(String, f32)> = reference
            .predict(line, 8, 0.0)
            .expect("a prediction")
            .into_iter()
            .map(|p| (p.label, p.prob))
            .collect();
        let ours: Vec<(String, f32)> = model
            .predict(line, 8, 0.0)
            .into_iter()
            .map(|(p, label)| (model.labels()[label].clone(), p))
            .collect();
        assert_eq!(
            ours.len(),
            theirs.len(),
            "{line:?}: {ours:?} against {theirs:?}"
        );
        for ((label, p), (their_label, q)) in ours.iter().zip(&theirs) {
            assert_eq!(label, their_label, "{line:?}: {ours:?} against {theirs:?}");
            assert!(
                (p - q).abs() <= 1e-6,
                "{line:?}: {ours:?} against {theirs:?}"
            );
            largest = largest.max((p - q).abs());
            exact += usize::from(p == q);
        }
        assert!(!theirs.is_empty(), "{line:?}");
        checked += 1;
    }
    eprintln!(
        "{checked} lines, {exact} probabilities equal to the bit, largest difference {largest:e}"
    );
    assert!(checked > 100, "{checked} lines");
    assert_eq!(largest, 0.0);
}
