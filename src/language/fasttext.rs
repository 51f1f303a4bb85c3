//! fastText's language-identification model `lid.176.ftz` (176 languages), embedded
//! in the binary and read by fastText's own C++ code (the `fasttext` crate builds
//! it), so that its answers are those of the reference implementation.

use std::sync::OnceLock;

use super::add_to;
use super::evidence::CyrillicLetters;
use super::names::{by_label, is_named_in, reported};
use super::Lang;
use crate::script::Script;

/// The model file (see `assets/langid/NOTICE.md`).
static MODEL_FILE: &[u8] = include_bytes!("../../assets/langid/lid.176.ftz");

/// Labels asked of the model per prediction: enough to sum near-twins and to
/// find an allowed language below the top answer.
const CANDIDATES: i32 = 8;

/// Words shown to the model at most. Each word costs the model a lookup of each of
/// its character n-grams in a table of megabytes, mostly cache misses in the middle
/// of counting (the cost is measured in `docs/LANGUAGE_ID.md`), and the answer does
/// not change after a few dozen words.
const MODEL_WORDS: usize = 20;

/// The first [`MODEL_WORDS`] words of `text` as the one line the model reads, ended
/// by a line break as fastText's own Python binding ends it: the break is the
/// end-of-sentence token, one of the features the model was trained with.
fn one_line(text: &str) -> String {
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
    model: fasttext::FastText,
}

impl Model {
    /// The model, loaded on first use; `None` when it cannot be loaded (the
    /// temporary file it is read from cannot be written), and then the detector
    /// falls back on whatlang.
    pub(super) fn get() -> Option<&'static Model> {
        static MODEL: OnceLock<Option<Model>> = OnceLock::new();
        MODEL.get_or_init(Model::load).as_ref()
    }

    fn load() -> Option<Model> {
        use std::io::Write;
        // The C++ reader takes a path only.
        let mut file = tempfile::NamedTempFile::new().ok()?;
        file.write_all(MODEL_FILE).ok()?;
        file.flush().ok()?;
        let path = file.path().to_str()?;
        let mut model = fasttext::FastText::new();
        model.load_model(path).ok()?;
        Some(Model { model })
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
        let Ok(predictions) = self.model.predict(&line, CANDIDATES, 0.0) else {
            return Vec::new();
        };
        let judge_script = is_named_in(script);
        let cyrillic = (script == Script::Cyrillic).then(|| CyrillicLetters::of(&line));
        let mut languages: Vec<(Lang, f64)> = Vec::new();
        for prediction in &predictions {
            let label = prediction.label.trim_start_matches("__label__");
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
            add_to(&mut languages, language, f64::from(prediction.prob));
        }
        languages
    }

    /// The model's own top label and probability, as fastText gives it (for checks
    /// against other readers of the same file).
    pub(super) fn top_label(&self, text: &str) -> Option<(String, f32)> {
        let line = one_line(text);
        let prediction = self.model.predict(&line, 1, 0.0).ok()?.into_iter().next()?;
        Some((
            prediction.label.trim_start_matches("__label__").to_string(),
            prediction.prob,
        ))
    }
}
