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
//! sure of at least [`TRUSTED_SHARE`] of that script's words; otherwise the
//! model's answers on the script's segments are averaged, and name the weak
//! segments from [`CONSENSUS_FROM`] (else `und`). A language reused over a run is
//! checked once on the run's longest segment, and the average decides where the
//! check disagrees: the model is sure of some sentences of languages it does not
//! know, and one of them must not name a whole document. Segments in a script no
//! language the model knows is written in, or with letters no named language
//! writes (Jawi, Mon), are `und`. A line of one or two words (`detect`) is judged
//! by the model and the word frequencies of 42 languages together (`lexicon.rs`).
//! A line of Han words is Japanese with kana beside them, Korean with Hangul, and
//! otherwise Chinese unless the model, with the word lists, is sure of another
//! language. The thresholds and the evaluation behind them are in `docs/LANGUAGE_ID.md`.
//!
//! Codes are ISO 639-3. Persian is reported as the macrolanguage `fas`: the
//! model cannot tell Iranian Persian from Dari, so it claims neither; other
//! near-twins the model confuses are reported as their macrolanguage too
//! (`fasttext.rs`). Every code has a name in [`LANGUAGE_NAMES`].

mod document;
mod evidence;
mod fasttext;
mod ftz;
mod han;
mod lang;
mod lexicon;
mod names;
mod segments;

use evidence::ArabicEvidence;
use segments::dominant_segment;

#[cfg(test)]
mod tests;

pub use document::CONSENSUS_FROM;
pub use evidence::{STOPWORDS_MARGIN, STOPWORDS_MIN_WORDS, STOPWORDS_NAME_FROM};
use lang::add_to;
pub use lang::Lang;
pub(crate) use names::english_name_of;
pub use names::{LanguageName, LANGUAGE_NAMES};
pub use segments::TRUSTED_SHARE;

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

/// Lines of at most this many words are judged by the model and the word lists
/// together (see `detect_short`).
pub const SHORT_WORDS: usize = 2;
/// The weight of the word lists against the model in `detect_short`.
const LEXICON_WEIGHT: f64 = 1.0;
/// The odds `detect_short` gives, per letter, to Arabic, Persian or Urdu written
/// with a letter of another of the three (Persian typed with Arabic ي and ك exists):
/// فرد is a common word of both Arabic and Persian, بالفأرة only Arabic.
const FOREIGN_LETTER_ODDS: f64 = 0.05;
/// Below this confidence a line of [`SHORT_WORDS`] words or fewer is `und`: the
/// scores of `detect_short` are sharper than its accuracy, so it abstains from
/// higher than the model alone does.
pub const SHORT_ABSTAIN_BELOW: f64 = 0.7;
/// In the Arabic script, the weight of the model's answer in `detect_short` (the
/// word lists weigh 1). Arabic, Persian and Urdu all have lists there, and on one
/// or two words the model's answer says mostly how much Persian it was trained on:
/// گا, Urdu's future marker and 250 times as common in Urdu as in Persian, is
/// Persian to it at 0.83.
const ARABIC_SCRIPT_MODEL_WEIGHT: f64 = 0.25;
/// In the Arabic script, the confidence below which a line of [`SHORT_WORDS`] words
/// or fewer is `und`: the best of the three languages wins from a majority of the
/// weighed scores.
pub const ARABIC_SCRIPT_SHORT_ABSTAIN_BELOW: f64 = 0.5;

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
    /// `und`, and not reliable: the segment takes a neighbour's language.
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
        let text = composed(text);
        let text = crate::tokenize::without_addresses(&text);
        let words: Vec<(&str, Script)> = crate::tokenize::words(text.as_ref())
            .into_iter()
            .map(|w| (w.text, script::token_script(w.text)))
            .collect();
        let segment = dominant_segment(words.iter().copied());
        if segment.words == 0 {
            return Detection::undetermined(segment.script);
        }
        let short = (segment.words <= SHORT_WORDS)
            .then(|| self.detect_short(segment.script, &segment.text, segment.words))
            .flatten();
        let detection = short
            .unwrap_or_else(|| self.detect_segment(segment.script, &segment.text, segment.words));
        if segment.script == Script::Han {
            return self.han(detection, &text, &segment.text);
        }
        detection
    }

    /// The language of a line of one or two words, by the model and the word lists
    /// of 42 languages (`lexicon.rs`) together; `None` when no word is in any list
    /// (or the script decides alone, or the model or the lists cannot be loaded).
    ///
    /// Each candidate (the model's answers and the languages whose lists hold a
    /// word) scores w ln(p + 0.001) + Σ ln f: p the model's probability, w its
    /// weight (1; [`ARABIC_SCRIPT_MODEL_WEIGHT`] in the Arabic script), f each
    /// word's frequency in the language (for a word not in its list, half a Zipf
    /// unit below the list's last words; Zipf 2 for a language without a list); in
    /// the Arabic script, less ln(1/0.05) for each letter the language does not
    /// write. The best score's share of all, as probabilities, is the confidence;
    /// below [`SHORT_ABSTAIN_BELOW`] ([`ARABIC_SCRIPT_SHORT_ABSTAIN_BELOW`] in the
    /// Arabic script) the answer is `und`. The weights, Zipf 2 and the thresholds
    /// were chosen on the UDHR's words and the messages' (`docs/LANGUAGE_ID.md`).
    ///
    /// Only lines: in a document, a short sentence takes its neighbours' language,
    /// which says more than its words do.
    fn detect_short(&self, script: Script, text: &str, words: usize) -> Option<Detection> {
        let evidence = (script == Script::Arabic).then(|| ArabicEvidence::of(text));
        if self
            .decided_without_model(script, text, words, evidence.as_ref())
            .is_some()
        {
            return None;
        }
        let lexicon = lexicon::Lexicon::get()?;
        let model = fasttext::Model::get()?;
        let words: Vec<String> = text.split(' ').map(lexicon::folded).collect();
        let found: Vec<Vec<lexicon::Listed>> = words.iter().map(|w| lexicon.find(w)).collect();
        if found.iter().all(|listed| listed.is_empty()) {
            return None;
        }
        let mut candidates = model.distribution(text, script, self.allowed.as_deref());
        for listed in found.iter().flat_map(|l| l.iter()) {
            if self.is_allowed(listed.language)
                && !candidates.iter().any(|(l, _)| *l == listed.language)
            {
                candidates.push((listed.language, 0.0));
            }
        }
        let (model_weight, abstain_below) = if script == Script::Arabic {
            (
                ARABIC_SCRIPT_MODEL_WEIGHT,
                ARABIC_SCRIPT_SHORT_ABSTAIN_BELOW,
            )
        } else {
            (1.0, SHORT_ABSTAIN_BELOW)
        };
        let zipf_ln = |zipf: f64| (zipf - 9.0) * std::f64::consts::LN_10;
        let scores: Vec<(Lang, f64)> = candidates
            .iter()
            .map(|&(language, p)| {
                let words: f64 = found
                    .iter()
                    .map(|listed| {
                        let zipf = listed
                            .iter()
                            .find(|l| l.language == language)
                            .map_or_else(|| lexicon.unlisted_zipf(language), lexicon::Listed::zipf);
                        zipf_ln(zipf)
                    })
                    .sum();
                // In the Arabic script, each letter the language does not write.
                let letters = evidence
                    .as_ref()
                    .map_or(0, |e| e.letters_foreign_to(language));
                let score = model_weight * (p + 0.001).ln()
                    + LEXICON_WEIGHT * words
                    + f64::from(letters) * FOREIGN_LETTER_ODDS.ln();
                (language, score)
            })
            .collect();
        let &(language, best) = scores
            .iter()
            .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0)))?;
        let total: f64 = scores.iter().map(|&(_, s)| (s - best).exp()).sum();
        let confidence = 1.0 / total;
        Some(if confidence >= abstain_below {
            Detection {
                language,
                script,
                confidence,
                reliable: false,
            }
        } else {
            Detection::undetermined(script)
        })
    }

    /// Detects the language of `text`, `words` words all written in `script`.
    pub fn detect_segment(&self, script: Script, text: &str, words: usize) -> Detection {
        let evidence = (script == Script::Arabic).then(|| ArabicEvidence::of(text));
        if let Some(d) = self.decided_without_model(script, text, words, evidence.as_ref()) {
            return d;
        }
        let model = fasttext::Model::get();
        let answer = model.and_then(|m| m.predict(text, script, self.allowed.as_deref()));
        if let Some(evidence) = &evidence {
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
            if let Some(d) = self.decided_by_evidence(script, evidence) {
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

/// `text` in Unicode's composed form (NFC), borrowed when it is already: the model
/// learned composed text, and decomposed text (from some PDF and macOS tools) reads
/// to it as other letters: decomposed, the Vietnamese "Tất cả mọi người sinh ra
/// đều được tự do" got 0.93 where composed it gets 1.00. The report's `nfkc` step
/// composes before the detector sees the text; a line given to
/// [`LanguageDetector::detect`] may not have been.
fn composed(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => std::borrow::Cow::Borrowed(text),
        _ => std::borrow::Cow::Owned(text.nfc().collect()),
    }
}
