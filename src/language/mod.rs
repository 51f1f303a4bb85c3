//! Language identification that holds up on short and mixed text, names only what it
//! can name, and says `und` for the rest. The model is fastText's lid.176 (176
//! languages, embedded; see `fasttext.rs`); whatlang remains for the choice among
//! Arabic, Persian and Urdu when the model is unsure, and as the fallback when the
//! model cannot be loaded.
//!
//! A sentence is judged by its *dominant script*, the script with the most word
//! tokens, and only that script's words are shown to the model: Latin names in a
//! Persian sentence do not make it English (or Zulu). Then:
//!
//! - scripts that belong to one language decide alone (Greek, Thai, Hangul, kana,
//!   Armenian, ...);
//! - in the Arabic script, the model decides when it is sure ([`RELIABLE_FROM`]);
//!   otherwise letters and function words that only one language uses are weighed
//!   as evidence: پ چ ژ گ and Persian function words for Persian, ٹ ڈ ڑ ں ے ھ ہ and
//!   Urdu function words for Urdu (never the function words alone), ة and Arabic
//!   function words for Arabic. Decisive evidence wins; otherwise whatlang chooses
//!   among Arabic, Persian and Urdu. Persian typed with Arabic ي and ك exists, so
//!   the letters are evidence, not a rule;
//! - other scripts go to the model; below [`ABSTAIN_BELOW`] the answer is `und`.
//!
//! In a document, the model is asked as little as the evidence allows: once it is
//! sure of a segment, the later segments of that script take the same language
//! without asking it again, until their own evidence (the letters and function
//! words above, or in the Latin script stopwords that only one language has)
//! points elsewhere; a short segment is shown to the model together with the
//! segments after it in the same script, up to [`SAMPLE_WORDS`] words: the model
//! is the costly part, and asking it once per run of agreeing segments gives
//! nearly every word the language that asking about every sentence gives
//! (`--detect-every-sentence`, kept for the comparison; the figures are in
//! `docs/PERFORMANCE.md`).
//!
//! A segment of fewer than [`MIN_WORDS`] words, or one the model is not sure of
//! (and without decisive evidence), is *weak*: in a document it takes the
//! language of the nearest strong segment in the same script, if the model was
//! sure of at least half of that script's words; without one, the document's weak
//! segments of that script are judged together, and if that still gives nothing,
//! the language is `und`. The thresholds and the evaluation behind them are in
//! `docs/LANGUAGE_ID.md`.
//!
//! Codes are ISO 639-3. Persian is reported as the macrolanguage `fas`: the
//! model cannot tell Iranian Persian from Dari, so it claims neither; other
//! near-twins the model confuses are reported as their macrolanguage too
//! (`fasttext.rs`). Every code has a name in [`LANGUAGE_NAMES`].

mod document;
mod evidence;
mod fasttext;
mod lang;
mod names;

use document::dominant_segment;
use evidence::ArabicEvidence;

#[cfg(test)]
mod tests;

pub use lang::Lang;
pub use names::{LanguageName, LANGUAGE_NAMES};

use serde::Serialize;

use crate::script::{self, Script};

/// Segments with fewer words than this are too short to judge alone.
pub const MIN_WORDS: usize = 3;

/// whatlang's own "reliable" flag wants a confidence that clear sentences of a
/// dozen words often miss; from this many words, a lower confidence will do.
const SENTENCE_WORDS: usize = 5;
/// The confidence that suffices from [`SENTENCE_WORDS`] words on.
const SENTENCE_CONFIDENCE: f64 = 0.3;
/// Words shown to the model at once when a segment is short and the segments after
/// it are in the same script.
pub const SAMPLE_WORDS: usize = 12;

/// Below this probability the fastText model's answer is not given: the language
/// is `und` (how it was chosen: `docs/LANGUAGE_ID.md`).
pub const ABSTAIN_BELOW: f64 = 0.3;
/// From this probability (and [`MIN_WORDS`] words) an answer of the fastText model
/// can stand alone in a document; below it, the segment takes its neighbours'
/// language.
pub const RELIABLE_FROM: f64 = 0.9;
/// From this probability an answer of the fastText model stands alone in a document
/// when the segment's stopwords point to the same language (two signals agreeing):
/// the model gives plain English news full of names 0.79-0.83.
pub const CORROBORATED_FROM: f64 = 0.75;

/// Whether a model answer on `words` words can stand alone.
fn strong(info: &whatlang::Info, words: usize) -> bool {
    words >= MIN_WORDS
        && (info.is_reliable()
            || (words >= SENTENCE_WORDS && info.confidence() >= SENTENCE_CONFIDENCE))
}

/// The language found for a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Detection {
    /// ISO 639-3 code, or `und`.
    pub language: Lang,
    /// The dominant script.
    pub script: Script,
    /// From 0 to 1: the model's probability (whatlang's confidence where whatlang
    /// chose), or the evidence's share; 1 when the script decides; 0 for `und`.
    pub confidence: f64,
    /// Whether the segment was strong enough to judge alone.
    pub reliable: bool,
}

impl Detection {
    fn undetermined(script: Script) -> Self {
        Detection {
            language: Lang::UNDETERMINED,
            script,
            confidence: 0.0,
            reliable: false,
        }
    }
}

/// A language code that `--langs` does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language code \"{0}\" (use the ISO 639-3 codes corpstat reports, such as ara, fas, urd, eng; `corpstat detect --list-languages` lists them)")]
pub struct UnknownLanguage(pub String);

/// A language detector. Cheap to share between threads.
pub struct LanguageDetector {
    detector: whatlang::Detector,
    /// Arabic, Persian and Urdu (as far as allowed).
    arabic_script: whatlang::Detector,
    /// Arabic and Persian, for text without a single Urdu letter or function word.
    arabic_persian: whatlang::Detector,
    allowed: Option<Vec<Lang>>,
    /// Ask the model about every segment (see [`LanguageDetector::every_sentence`]).
    every_sentence: bool,
}

impl Default for LanguageDetector {
    fn default() -> Self {
        Self::new()
    }
}

/// whatlang's ISO 639-3 code, with the Persian macrolanguage in place of `pes`.
fn iso_639_3(lang: whatlang::Lang) -> Lang {
    match lang {
        whatlang::Lang::Pes => Lang::PERSIAN,
        other => Lang::parse(other.code()).unwrap_or(Lang::UNDETERMINED),
    }
}

fn whatlang_lang(code: &str) -> Option<whatlang::Lang> {
    match code {
        "fas" => Some(whatlang::Lang::Pes),
        other => whatlang::Lang::from_code(other),
    }
}

impl LanguageDetector {
    /// A detector over every language whatlang knows.
    pub fn new() -> Self {
        LanguageDetector {
            detector: whatlang::Detector::new(),
            arabic_script: whatlang::Detector::with_allowlist(vec![
                whatlang::Lang::Ara,
                whatlang::Lang::Pes,
                whatlang::Lang::Urd,
            ]),
            arabic_persian: whatlang::Detector::with_allowlist(vec![
                whatlang::Lang::Ara,
                whatlang::Lang::Pes,
            ]),
            allowed: None,
            every_sentence: false,
        }
    }

    /// A detector that chooses only among `codes` (ISO 639-3 codes of
    /// [`LANGUAGE_NAMES`]; `fas` for Persian).
    pub fn with_languages(codes: &[String]) -> Result<Self, UnknownLanguage> {
        let mut langs = Vec::new();
        let mut allowed = Vec::new();
        for code in codes {
            let lang = Lang::parse(code)
                .filter(|l| !l.is_undetermined() && l.names().is_some())
                .ok_or_else(|| UnknownLanguage(code.clone()))?;
            allowed.push(lang);
            if let Some(known) = whatlang_lang(code) {
                langs.push(known);
            }
        }
        let among = |candidates: &[whatlang::Lang]| {
            let allowed: Vec<whatlang::Lang> = candidates
                .iter()
                .copied()
                .filter(|l| langs.contains(l))
                .collect();
            whatlang::Detector::with_allowlist(allowed)
        };
        use whatlang::Lang::{Ara, Pes, Urd};
        Ok(LanguageDetector {
            arabic_script: among(&[Ara, Pes, Urd]),
            arabic_persian: among(&[Ara, Pes]),
            detector: whatlang::Detector::with_allowlist(langs),
            allowed: Some(allowed),
            every_sentence: false,
        })
    }

    /// With `true`, [`LanguageDetector::detect_document`] asks the model about
    /// every segment the script or the evidence does not decide, as corpstat did
    /// before it learned to detect once per run. Default: false.
    pub fn every_sentence(mut self, every_sentence: bool) -> Self {
        self.every_sentence = every_sentence;
        self
    }

    fn is_allowed(&self, language: Lang) -> bool {
        self.allowed.as_ref().is_none_or(|a| a.contains(&language))
    }

    /// The fastText model's own top label (ISO 639-1 where it has one) and
    /// probability for `text`, before corpstat's rules: what any other reader of
    /// `lid.176.ftz` should answer. `None` when the model cannot be loaded.
    pub fn model_label(&self, text: &str) -> Option<(String, f32)> {
        fasttext::Model::get()?.top_label(text)
    }

    /// Detects the language of a line or a sentence on its own.
    pub fn detect(&self, text: &str) -> Detection {
        let text = crate::tokenize::without_addresses(text);
        let words: Vec<(&str, Script)> =
            unicode_segmentation::UnicodeSegmentation::unicode_words(text.as_ref())
                .map(|w| (w, script::token_script(w)))
                .collect();
        let segment = dominant_segment(words.iter().copied());
        if segment.words == 0 {
            return Detection::undetermined(segment.script);
        }
        self.detect_segment(segment.script, &segment.text, segment.words)
    }

    /// Detects the language of `text`, `words` words all written in `script`.
    pub fn detect_segment(&self, script: Script, text: &str, words: usize) -> Detection {
        if let Some(d) = self.decided_by_script(script) {
            return d;
        }
        let model = fasttext::Model::get();
        let answer = model.and_then(|m| m.predict(text, self.allowed.as_deref()));
        if script == Script::Arabic {
            // The model first when it is sure: it knows Arabic, Persian and Urdu well,
            // and the other languages of the script (Pashto, Sorani, Sindhi, Uyghur).
            if let Some((language, confidence)) = answer.filter(|a| a.1 >= RELIABLE_FROM) {
                return Detection {
                    language,
                    script,
                    confidence,
                    reliable: words >= MIN_WORDS,
                };
            }
            // Another language of the script (Pashto, Sorani, Sindhi, Uyghur, ...),
            // which the evidence below cannot name: the model's answer, unsure.
            if let Some((language, confidence)) = answer.filter(|a| {
                a.1 >= ABSTAIN_BELOW && ![Lang::ARABIC, Lang::PERSIAN, Lang::URDU].contains(&a.0)
            }) {
                return Detection {
                    language,
                    script,
                    confidence,
                    reliable: false,
                };
            }
            let evidence = ArabicEvidence::of(text);
            if let Some(d) = self.decided_by_evidence(script, &evidence) {
                return d;
            }
            // Urdu text without one Urdu-only letter or function word is all but unknown.
            let model = if evidence.urdu > 0.0 {
                &self.arabic_script
            } else {
                &self.arabic_persian
            };
            return match model.detect(text) {
                Some(info) => {
                    let mut language = iso_639_3(info.lang());
                    let reliable = strong(&info, words);
                    // An unsure model yields to the letter forms (ی ک against ي ك ى ة).
                    if !reliable {
                        if let Some(by_forms) = evidence.by_letter_forms() {
                            if self.is_allowed(by_forms) {
                                language = by_forms;
                            }
                        }
                    }
                    Detection {
                        language,
                        script,
                        confidence: info.confidence(),
                        reliable,
                    }
                }
                None => Detection::undetermined(script),
            };
        }
        if model.is_none() {
            return match self.detector.detect(text) {
                Some(info) => Detection {
                    language: iso_639_3(info.lang()),
                    script,
                    confidence: info.confidence(),
                    reliable: strong(&info, words),
                },
                None => Detection::undetermined(script),
            };
        }
        match answer {
            Some((language, confidence)) if confidence >= ABSTAIN_BELOW => Detection {
                language,
                script,
                confidence,
                reliable: words >= MIN_WORDS
                    && (confidence >= RELIABLE_FROM
                        || (confidence >= CORROBORATED_FROM
                            && script == Script::Latin
                            && evidence::latin_evidence(text) == Some(language))),
            },
            _ => Detection::undetermined(script),
        }
    }
}
