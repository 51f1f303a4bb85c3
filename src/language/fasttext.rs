//! fastText's language-identification model `lid.176.ftz` (176 languages), embedded
//! in the binary and read by corpstat's reader of it (`ftz.rs`), which gives the
//! answers of fastText's own C++ code (the `fasttext` crate) to the bit: a test
//! compares the two.

use std::sync::OnceLock;

use super::add_to;
use super::evidence::CyrillicLetters;
use super::ftz::FtzModel;
use super::names::{by_label, is_named_in, reported};
use super::Lang;
use crate::script::Script;

/// The model file (see `assets/langid/NOTICE.md`).
pub(super) static MODEL_FILE: &[u8] = include_bytes!("../../assets/langid/lid.176.ftz");

/// Labels asked of the model per prediction: enough to sum near-twins and to
/// find an allowed language below the top answer.
const CANDIDATES: usize = 8;

/// Words shown to the model at most. Each word costs the model a lookup of each of
/// its character n-grams in a table of megabytes, mostly cache misses in the middle
/// of counting (the cost is measured in `docs/LANGUAGE_ID.md`), and the answer does
/// not change after a few dozen words.
const MODEL_WORDS: usize = 20;

/// The first [`MODEL_WORDS`] words of `text` as the one line the model reads, ended
/// by a line break as fastText's own Python binding ends it: the break is the
/// end-of-sentence token, one of the features the model was trained with.
pub(super) fn one_line(text: &str) -> String {
    let mut line = String::with_capacity(text.len().min(MODEL_WORDS * 16) + 1);
    for word in text.split_whitespace().take(MODEL_WORDS) {
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    line.push('\n');
    line
}

/// The loaded model.
pub(super) struct Model {
    model: FtzModel,
}

impl Model {
    /// The model, read on first use; `None` when it cannot be read (never, for
    /// the file embedded), and then the detector falls back on whatlang.
    pub(super) fn get() -> Option<&'static Model> {
        static MODEL: OnceLock<Option<Model>> = OnceLock::new();
        MODEL
            .get_or_init(|| FtzModel::load(MODEL_FILE).map(|model| Model { model }))
            .as_ref()
    }

    /// The `k` most probable labels of `line` (the exact line the model reads),
    /// without `__label__`, with their probabilities.
    fn labels_of(&self, line: &str, k: usize) -> Vec<(&str, f32)> {
        self.model
            .predict(line, k, 0.0)
            .into_iter()
            .map(|(p, label)| {
                (
                    self.model.labels()[label].trim_start_matches("__label__"),
                    p,
                )
            })
            .collect()
    }

    /// The most probable language of `text`, written in `script`, among `allowed`
    /// (all when `None`), twins joined, with its probability; `None` when the model
    /// gives nothing.
    pub(super) fn predict(
        &self,
        text: &str,
        script: Script,
        allowed: Option<&[Lang]>,
    ) -> Option<(Lang, f64)> {
        self.distribution(text, script, allowed)
            .into_iter()
            .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
    }

    /// Of the [`CANDIDATES`] most probable languages of `text`, those written in
    /// `script` and among `allowed` (all when `None`), twins joined, with their
    /// probabilities (not scaled up for the languages left out), in the model's
    /// order; empty when the model gives nothing.
    pub(super) fn distribution(
        &self,
        text: &str,
        script: Script,
        allowed: Option<&[Lang]>,
    ) -> Vec<(Lang, f64)> {
        let line = one_line(text);
        let predictions = self.labels_of(&line, CANDIDATES);
        let judge_script = is_named_in(script);
        let cyrillic = (script == Script::Cyrillic).then(|| CyrillicLetters::of(&line));
        let mut languages: Vec<(Lang, f64)> = Vec::new();
        for &(label, prob) in &predictions {
            let Some(entry) = by_label(label) else {
                continue;
            };
            // The twin's own script: South Azerbaijani in the Arabic script is
            // answered as Azerbaijani, which the model knows in Latin otherwise.
            if judge_script && !entry.scripts.contains(&script) {
                continue;
            }
            let language = reported(entry.code);
            if allowed.is_some_and(|a| !a.contains(&language)) {
                continue;
            }
            if cyrillic
                .as_ref()
                .is_some_and(|c| c.are_foreign_to(language))
            {
                continue;
            }
            add_to(&mut languages, language, f64::from(prob));
        }
        languages
    }

    /// The model's own top label and probability, as fastText gives it (for checks
    /// against other readers of the same file).
    pub(super) fn top_label(&self, text: &str) -> Option<(String, f32)> {
        let line = one_line(text);
        let (label, prob) = self.labels_of(&line, 1).into_iter().next()?;
        Some((label.to_string(), prob))
    }
}
