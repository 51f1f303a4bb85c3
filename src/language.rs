//! Language identification that holds up on short and mixed text, with whatlang
//! as the model.
//!
//! A sentence is judged by its *dominant script*, the script with the most word
//! tokens, and only that script's words are shown to the model: Latin names in a
//! Persian sentence do not make it English (or Zulu). Then:
//!
//! - scripts that belong to one language decide alone (Hebrew, Greek, Thai,
//!   Hangul, kana, Georgian, Armenian, ...);
//! - in the Arabic script, letters and function words that only one language
//!   uses are weighed as evidence: پ چ ژ گ and Persian function words for
//!   Persian, ٹ ڈ ڑ ں ے ھ ہ and Urdu function words for Urdu, ة and Arabic
//!   function words for Arabic. Decisive evidence wins; otherwise whatlang
//!   chooses among Arabic, Persian and Urdu. Persian typed with Arabic ي and ك
//!   exists, so the letters are evidence, not a rule;
//! - other scripts go to whatlang.
//!
//! In a document, the model is asked as little as the evidence allows: once it is
//! sure of a segment, the later segments of that script take the same language
//! without asking it again, until their own evidence (the letters and function
//! words above, or in the Latin script stopwords that only one language has)
//! points elsewhere; a short segment is shown to the model together with the
//! segments after it in the same script, up to [`SAMPLE_WORDS`] words. On the
//! benchmark corpus this takes the language mix from 5.5 to 0.95 CPU-seconds, finds
//! the dominant language of 11,155 of 11,175 documents (11,153 when every sentence
//! is asked about: `--detect-every-sentence`, kept for the comparison), and gives
//! 99.93% of the words the same language.
//!
//! A segment of fewer than [`MIN_WORDS`] words, or one the model is not sure of
//! (and without decisive evidence), is *weak*: in a document it takes the
//! language of the nearest strong segment in the same script; without one, the
//! document's weak segments of that script are judged together, and if that
//! still gives nothing, the language is `und`.
//!
//! Codes are ISO 639-3. Persian is reported as the macrolanguage `fas`: the
//! model cannot tell Iranian Persian from Dari, so it claims neither.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::script::{self, Script};

/// The code for text whose language cannot be told.
pub const UNDETERMINED: &str = "und";

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

/// Whether a model answer on `words` words can stand alone.
fn strong(info: &whatlang::Info, words: usize) -> bool {
    words >= MIN_WORDS
        && (info.is_reliable()
            || (words >= SENTENCE_WORDS && info.confidence() >= SENTENCE_CONFIDENCE))
}

/// Scripts that one language owns, with that language.
const SCRIPT_LANGUAGES: &[(Script, &str)] = &[
    (Script::Armenian, "hye"),
    (Script::Bengali, "ben"),
    (Script::Ethiopic, "amh"),
    (Script::Georgian, "kat"),
    (Script::Greek, "ell"),
    (Script::Gujarati, "guj"),
    (Script::Gurmukhi, "pan"),
    (Script::Hangul, "kor"),
    (Script::Hebrew, "heb"),
    (Script::Hiragana, "jpn"),
    (Script::Kannada, "kan"),
    (Script::Katakana, "jpn"),
    (Script::Khmer, "khm"),
    (Script::Malayalam, "mal"),
    (Script::Myanmar, "mya"),
    (Script::Oriya, "ori"),
    (Script::Sinhala, "sin"),
    (Script::Tamil, "tam"),
    (Script::Telugu, "tel"),
    (Script::Thai, "tha"),
];

/// Letters only Persian uses among the three (Urdu shares some; its own letters
/// are checked first).
const PERSIAN_LETTERS: &[char] = &['\u{067E}', '\u{0686}', '\u{0698}', '\u{06AF}'];
/// Letters only Urdu uses.
const URDU_LETTERS: &[char] = &[
    '\u{0679}', '\u{0688}', '\u{0691}', '\u{06BA}', '\u{06D2}', '\u{06BE}', '\u{06C1}',
];
/// Teh marbuta: Arabic (Persian and Urdu write it only in Arabic loans).
const ARABIC_LETTERS: &[char] = &['\u{0629}'];

const ARABIC_FUNCTION_WORDS: &[&str] = &[
    "في",
    "على",
    "إلى",
    "الى",
    "التي",
    "الذي",
    "الذين",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "عن",
    "مع",
    "قد",
    "لم",
    "لن",
    "كان",
    "كانت",
    "أن",
    "إن",
    "أو",
    "بين",
    "حيث",
    "ما",
    "لا",
    "وقال",
    "وفي",
    "هو",
    "هي",
];
const PERSIAN_FUNCTION_WORDS: &[&str] = &[
    "از", "در", "را", "که", "این", "آن", "است", "برای", "با", "های", "هایی", "می", "شد", "شده",
    "یک", "هم", "بود", "کرد", "نیز", "اما", "یا", "تا", "بر", "خود", "ای",
];
const URDU_FUNCTION_WORDS: &[&str] = &[
    "کے", "میں", "ہے", "کی", "سے", "اور", "کا", "نے", "کو", "ہیں", "یہ", "وہ", "پر", "تھا", "گیا",
];

/// Each Arabic-script function word with its language; a word in two lists counts
/// for the first of Arabic, Persian, Urdu.
fn arabic_script_function_words() -> &'static FxHashMap<&'static str, &'static str> {
    static WORDS: OnceLock<FxHashMap<&'static str, &'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words = FxHashMap::default();
        for (language, list) in [
            ("urd", URDU_FUNCTION_WORDS),
            ("fas", PERSIAN_FUNCTION_WORDS),
            ("ara", ARABIC_FUNCTION_WORDS),
        ] {
            for &word in list {
                words.insert(word, language);
            }
        }
        words
    })
}

/// Latin-script languages whose stopwords are evidence of a change of language.
const LATIN_EVIDENCE_LANGUAGES: &[(&str, &str)] = &[
    ("deu", "de"),
    ("eng", "en"),
    ("fra", "fr"),
    ("ita", "it"),
    ("nld", "nl"),
    ("por", "pt"),
    ("spa", "es"),
    ("tur", "tr"),
];

/// Lowercased stopwords (stopwords-iso) that only one of [`LATIN_EVIDENCE_LANGUAGES`] has.
fn latin_marker_words() -> &'static FxHashMap<String, &'static str> {
    static WORDS: OnceLock<FxHashMap<String, &'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut owners: FxHashMap<String, Option<&'static str>> = FxHashMap::default();
        for &(code, iso1) in LATIN_EVIDENCE_LANGUAGES {
            for word in stop_words::lookup(iso1).unwrap_or_default() {
                owners
                    .entry(word.to_lowercase())
                    .and_modify(|owner| {
                        if *owner != Some(code) {
                            *owner = None;
                        }
                    })
                    .or_insert(Some(code));
            }
        }
        owners
            .into_iter()
            .filter_map(|(word, owner)| owner.map(|code| (word, code)))
            .collect()
    })
}

/// The language the marker words of a Latin-script segment point to, when at least
/// two of them do and more than point to any other.
fn latin_evidence(text: &str) -> Option<&'static str> {
    let markers = latin_marker_words();
    let mut hits: Vec<(&'static str, u32)> = Vec::new();
    let mut lower = String::new();
    for word in text.split(' ') {
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        if let Some(&code) = markers.get(lower.as_str()) {
            match hits.iter_mut().find(|(c, _)| *c == code) {
                Some((_, n)) => *n += 1,
                None => hits.push((code, 1)),
            }
        }
    }
    hits.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    match hits.as_slice() {
        [(code, n), rest @ ..] if *n >= 2 && rest.first().is_none_or(|r| r.1 < *n) => Some(code),
        _ => None,
    }
}

/// The language found for a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Detection {
    /// ISO 639-3 code, or `und`.
    pub language: &'static str,
    /// The dominant script (see [`crate::script`]).
    pub script: Script,
    /// From 0 to 1: whatlang's confidence, or the evidence's share; 1 when the
    /// script decides; 0 for `und`.
    pub confidence: f64,
    /// Whether the segment was strong enough to judge alone.
    pub reliable: bool,
}

impl Detection {
    fn undetermined(script: Script) -> Self {
        Detection {
            language: UNDETERMINED,
            script,
            confidence: 0.0,
            reliable: false,
        }
    }
}

/// A language code that `--langs` does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language code \"{0}\" (use ISO 639-3 codes as whatlang knows them, such as ara, fas, urd, eng)")]
pub struct UnknownLanguage(pub String);

/// A language detector. Cheap to share between threads.
pub struct LanguageDetector {
    detector: whatlang::Detector,
    /// Arabic, Persian and Urdu (as far as allowed).
    arabic_script: whatlang::Detector,
    /// Arabic and Persian, for text without a single Urdu letter or function word.
    arabic_persian: whatlang::Detector,
    allowed: Option<Vec<&'static str>>,
    /// Ask the model about every segment (see [`LanguageDetector::every_sentence`]).
    every_sentence: bool,
}

impl Default for LanguageDetector {
    fn default() -> Self {
        Self::new()
    }
}

/// whatlang's ISO 639-3 code, with the Persian macrolanguage in place of `pes`.
fn iso_639_3(lang: whatlang::Lang) -> &'static str {
    match lang {
        whatlang::Lang::Pes => "fas",
        other => other.code(),
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

    /// A detector that chooses only among `codes` (ISO 639-3; `fas` for Persian).
    pub fn with_languages(codes: &[String]) -> Result<Self, UnknownLanguage> {
        let mut langs = Vec::new();
        let mut allowed = Vec::new();
        for code in codes {
            let lang = whatlang_lang(code).ok_or_else(|| UnknownLanguage(code.clone()))?;
            langs.push(lang);
            allowed.push(iso_639_3(lang));
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

    fn is_allowed(&self, code: &str) -> bool {
        self.allowed.as_ref().is_none_or(|a| a.contains(&code))
    }

    /// Detects the language of a line or a sentence on its own.
    pub fn detect(&self, text: &str) -> Detection {
        let words: Vec<(&str, Script)> =
            unicode_segmentation::UnicodeSegmentation::unicode_words(text)
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
        let evidence = (script == Script::Arabic).then(|| ArabicEvidence::of(text));
        if let Some(d) = self.decided(script, evidence.as_ref(), words) {
            return d;
        }
        if let Some(evidence) = evidence {
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
        match self.detector.detect(text) {
            Some(info) => Detection {
                language: iso_639_3(info.lang()),
                script,
                confidence: info.confidence(),
                reliable: strong(&info, words),
            },
            None => Detection::undetermined(script),
        }
    }

    /// The language of each sentence of a document. `sentences` gives, for each
    /// sentence, its word tokens (surface form) with their scripts. Weak sentences
    /// take the language of their nearest strong neighbour in the same script.
    pub fn detect_document<'a, S, I>(&self, sentences: S) -> Vec<&'static str>
    where
        S: IntoIterator<Item = I>,
        I: IntoIterator<Item = (&'a str, Script)>,
        I::IntoIter: Clone,
    {
        let segments: Vec<Segment> = sentences
            .into_iter()
            .map(|words| dominant_segment(words.into_iter()))
            .collect();
        let detections = if self.every_sentence {
            segments
                .iter()
                .map(|seg| {
                    (seg.words > 0).then(|| self.detect_segment(seg.script, &seg.text, seg.words))
                })
                .collect()
        } else {
            self.detect_runs(&segments)
        };
        let nearest = NearestReliable::of(&detections);
        let mut languages = Vec::with_capacity(segments.len());
        let mut pooled: Vec<(Script, &'static str)> = Vec::new();
        for (i, detection) in detections.iter().enumerate() {
            let Some(d) = detection else {
                languages.push(UNDETERMINED);
                continue;
            };
            if d.reliable {
                languages.push(d.language);
                continue;
            }
            let neighbour = nearest.language(i, d.script);
            let language = match neighbour {
                Some(language) => language,
                None => match pooled.iter().find(|(s, _)| *s == d.script) {
                    Some(&(_, language)) => language,
                    None => {
                        let language = self.pool(d.script, &segments, &detections);
                        pooled.push((d.script, language));
                        language
                    }
                },
            };
            languages.push(language);
        }
        languages
    }

    /// Judges together every weak segment of `script` in a document.
    /// One detection per segment, calling the model as little as the evidence allows.
    ///
    /// Scripts that one language owns, and Arabic-script segments with decisive
    /// evidence, need no model. Once the model has been sure of a segment, later
    /// segments of the same script in the document take its language without
    /// asking the model again, until their own evidence (letters and function words
    /// in the Arabic script, stopwords only one language has in the Latin script)
    /// points to another language: there the model is asked again. When the model
    /// is asked about a short segment, the segments that follow it in the same
    /// script are shown with it, up to [`SAMPLE_WORDS`] words, so that one answer
    /// covers a run of short lines.
    fn detect_runs(&self, segments: &[Segment]) -> Vec<Option<Detection>> {
        let mut detections: Vec<Option<Detection>> = Vec::with_capacity(segments.len());
        let mut asked = AskedBefore::default();
        // The language the model last was sure of, per script.
        let mut current: Vec<(Script, &'static str)> = Vec::new();
        for (i, segment) in segments.iter().enumerate() {
            let (script, text, words) = (segment.script, &segment.text, &segment.words);
            if *words == 0 {
                detections.push(None);
                continue;
            }
            if let Some(d) = self.detect_without_model(script, text, *words) {
                detections.push(Some(d));
                continue;
            }
            // The segment's own evidence beyond what decides without the model.
            let own = match script {
                Script::Latin => latin_evidence(text),
                _ => None,
            };
            let known = current.iter().find(|(s, _)| *s == script).map(|&(_, l)| l);
            if let Some(language) = known {
                if own.is_none_or(|e| e == language || !self.is_allowed(e)) {
                    detections.push(Some(Detection {
                        language,
                        script,
                        confidence: 1.0,
                        reliable: true,
                    }));
                    continue;
                }
            }
            let mut sample = text.clone();
            let mut sample_words = *words;
            for next in &segments[i + 1..] {
                if sample_words >= SAMPLE_WORDS || next.script != script {
                    break;
                }
                sample.push(' ');
                sample.push_str(&next.text);
                sample_words += next.words;
            }
            let mut d = asked.detect(self, script, &sample, sample_words);
            if sample_words > *words {
                // The sample speaks for this segment unless its own evidence disagrees.
                if !d.reliable || own.is_some_and(|e| e != d.language) {
                    d = asked.detect(self, script, text, *words);
                }
            }
            match current.iter_mut().find(|(s, _)| *s == script) {
                Some(entry) if d.reliable => entry.1 = d.language,
                None if d.reliable => current.push((script, d.language)),
                _ => {}
            }
            detections.push(Some(d));
        }
        detections
    }

    /// The detection of a segment when the script or the evidence decides, without
    /// the model; `None` when the model is needed.
    fn detect_without_model(&self, script: Script, text: &str, words: usize) -> Option<Detection> {
        let evidence = (script == Script::Arabic).then(|| ArabicEvidence::of(text));
        self.decided(script, evidence.as_ref(), words)
    }

    /// The rules that decide without the model: a script one language owns, or
    /// decisive Arabic-script `evidence`.
    fn decided(
        &self,
        script: Script,
        evidence: Option<&ArabicEvidence>,
        words: usize,
    ) -> Option<Detection> {
        if let Some(&(_, language)) = SCRIPT_LANGUAGES.iter().find(|(s, _)| *s == script) {
            if self.is_allowed(language) {
                return Some(Detection {
                    language,
                    script,
                    confidence: 1.0,
                    reliable: true,
                });
            }
        }
        let evidence = evidence?;
        let (language, share) = evidence.decisive()?;
        self.is_allowed(language).then(|| Detection {
            language,
            script,
            confidence: share,
            reliable: words >= MIN_WORDS || evidence.strength() >= 2.0,
        })
    }

    fn pool(
        &self,
        script: Script,
        segments: &[Segment],
        detections: &[Option<Detection>],
    ) -> &'static str {
        let mut text = String::new();
        let mut words = 0;
        for (segment, d) in segments.iter().zip(detections) {
            if segment.script == script && d.is_some_and(|d| !d.reliable) {
                text.push_str(&segment.text);
                text.push(' ');
                words += segment.words;
            }
        }
        let d = self.detect_segment(script, &text, words);
        if d.reliable {
            d.language
        } else {
            UNDETERMINED
        }
    }
}

/// The model's answers within one document, by text: a document of repeated short
/// lines (`yes`, `no`, `ok`, boilerplate) asks the model about the same few texts
/// again and again, and each answer costs tens of microseconds.
#[derive(Default)]
struct AskedBefore {
    /// By text: the script and word count it was asked with, and the answer.
    answers: FxHashMap<String, (Script, usize, Detection)>,
}

impl AskedBefore {
    /// What [`LanguageDetector::detect_segment`] says, asked once per distinct text.
    fn detect(
        &mut self,
        detector: &LanguageDetector,
        script: Script,
        text: &str,
        words: usize,
    ) -> Detection {
        // Looked up by the borrowed text: a repeated text costs no allocation.
        if let Some(&(s, w, d)) = self.answers.get(text) {
            if (s, w) == (script, words) {
                return d;
            }
        }
        let d = detector.detect_segment(script, text, words);
        self.answers.insert(text.to_string(), (script, words, d));
        d
    }
}

/// For each sentence, the nearest sentence before it and after it whose detection is
/// reliable, per script: found in two passes, so that a document of many weak
/// sentences costs linear time (a search from each sentence would cost the square).
struct NearestReliable {
    /// Per weak sentence: (script, index, language) of the last reliable sentence of
    /// each script before it (empty for the others).
    before: Vec<Vec<(Script, usize, &'static str)>>,
    after: Vec<Vec<(Script, usize, &'static str)>>,
}

impl NearestReliable {
    fn of(detections: &[Option<Detection>]) -> NearestReliable {
        let pass = |order: &mut dyn Iterator<Item = usize>| {
            let mut seen: Vec<(Script, usize, &'static str)> = Vec::new();
            let mut at = vec![Vec::new(); detections.len()];
            for i in order {
                // What is seen strictly before (or after) a weak sentence i.
                if detections[i].is_some_and(|d| !d.reliable) {
                    at[i] = seen.clone();
                }
                if let Some(d) = detections[i].filter(|d| d.reliable) {
                    match seen.iter_mut().find(|(s, ..)| *s == d.script) {
                        Some(entry) => *entry = (d.script, i, d.language),
                        None => seen.push((d.script, i, d.language)),
                    }
                }
            }
            at
        };
        NearestReliable {
            before: pass(&mut (0..detections.len())),
            after: pass(&mut (0..detections.len()).rev()),
        }
    }

    /// The language of the nearest reliable sentence of `script` to the weak sentence
    /// `i`; on a tie, the one before it.
    fn language(&self, i: usize, script: Script) -> Option<&'static str> {
        let find = |list: &[(Script, usize, &'static str)]| {
            list.iter()
                .find(|(s, ..)| *s == script)
                .map(|&(_, j, l)| (i.abs_diff(j), l))
        };
        match (find(&self.before[i]), find(&self.after[i])) {
            (Some(b), Some(a)) => Some(if a.0 < b.0 { a.1 } else { b.1 }),
            (b, a) => b.or(a).map(|x| x.1),
        }
    }
}

/// What language detection sees of a sentence: the words of its dominant script.
struct Segment {
    /// The script with the most words (ties go to the name that sorts first).
    script: Script,
    /// Its words joined by spaces, at most [`MAX_SEGMENT_WORDS`] of them.
    text: String,
    /// How many words it has in all.
    words: usize,
}

/// The segment of a sentence's words (word, script).
fn dominant_segment<'a>(words: impl Iterator<Item = (&'a str, Script)> + Clone) -> Segment {
    let words = words.filter(|(_, s)| *s != script::COMMON);
    let mut counts: Vec<(Script, usize)> = Vec::new();
    for (_, s) in words.clone() {
        match counts.iter_mut().find(|(name, _)| *name == s) {
            Some((_, n)) => *n += 1,
            None => counts.push((s, 1)),
        }
    }
    let Some((dominant, count)) = counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
    else {
        return Segment {
            script: script::COMMON,
            text: String::new(),
            words: 0,
        };
    };
    let mut text = String::new();
    for (w, _) in words
        .filter(|(_, s)| *s == dominant)
        .take(MAX_SEGMENT_WORDS)
    {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(w);
    }
    Segment {
        script: dominant,
        text,
        words: count,
    }
}

/// A sentence's words shown to the evidence and the model, at most: far more than
/// either needs, and a bound on the time and memory of one sentence of megabytes
/// (a text without a sentence end).
const MAX_SEGMENT_WORDS: usize = 1000;

/// Evidence for Arabic, Persian and Urdu in Arabic-script text.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct ArabicEvidence {
    arabic: f64,
    persian: f64,
    urdu: f64,
    /// Letters Persian (and Urdu) write: ی ک.
    persian_forms: u32,
    /// Their Arabic counterparts and the letters only Arabic writes: ي ك ى ة.
    arabic_forms: u32,
}

impl ArabicEvidence {
    fn of(text: &str) -> Self {
        let mut e = ArabicEvidence::default();
        for c in text.chars() {
            match c {
                '\u{06CC}' | '\u{06A9}' => e.persian_forms += 1,
                '\u{064A}' | '\u{0643}' | '\u{0649}' | '\u{0629}' => e.arabic_forms += 1,
                _ => {}
            }
            if URDU_LETTERS.contains(&c) {
                e.urdu += 2.0;
            } else if PERSIAN_LETTERS.contains(&c) {
                e.persian += 1.0;
            } else if ARABIC_LETTERS.contains(&c) {
                e.arabic += 1.0;
            }
        }
        let function_words = arabic_script_function_words();
        for word in text.split(' ') {
            match function_words.get(word) {
                Some(&"ara") => e.arabic += 2.0,
                Some(&"fas") => e.persian += 2.0,
                Some(_) => e.urdu += 2.0,
                None => {}
            }
        }
        e
    }

    fn ranked(&self) -> [(&'static str, f64); 3] {
        let mut r = [
            ("ara", self.arabic),
            ("fas", self.persian),
            ("urd", self.urdu),
        ];
        r.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        r
    }

    /// Persian or Arabic, when the letter forms lean one way and Urdu shows no sign.
    fn by_letter_forms(&self) -> Option<&'static str> {
        if self.urdu > 0.0 || self.persian_forms == self.arabic_forms {
            return None;
        }
        Some(if self.persian_forms > self.arabic_forms {
            "fas"
        } else {
            "ara"
        })
    }

    fn strength(&self) -> f64 {
        self.ranked()[0].1
    }

    /// The language when its evidence is at least 2 and three times the runner-up's,
    /// with its share of all evidence.
    fn decisive(&self) -> Option<(&'static str, f64)> {
        let [best, second, third] = self.ranked();
        let total = best.1 + second.1 + third.1;
        (best.1 >= 2.0 && best.1 >= 3.0 * second.1).then(|| (best.0, best.1 / total))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_arabic_persian_and_english_sentences() {
        let d = LanguageDetector::new();
        let arabic = d.detect("قال وزير خارجية الصين إن بلاده ضد جميع أشكال الهجمات الإلكترونية");
        assert_eq!((arabic.language, arabic.script), ("ara", Script::Arabic));
        let persian = d.detect(
            "مجموعه ای از ایمیل های ویژه جریان مبارزات انتخاباتی امانوئل ماکرون به نشر رسیده است",
        );
        assert_eq!((persian.language, persian.script), ("fas", Script::Arabic));
        let english =
            d.detect("The Security Council held its first open meeting on cyber security");
        assert_eq!((english.language, english.script), ("eng", Script::Latin));
        let urdu = d.detect("وزیر اعظم نے کہا کہ حکومت عوام کے مسائل حل کرے گی");
        assert_eq!(urdu.language, "urd");
    }

    #[test]
    fn latin_names_do_not_flip_a_persian_sentence() {
        let d = LanguageDetector::new();
        assert_eq!(
            d.detect("Angela Merkel در برلین گفت که آلمان آماده است")
                .language,
            "fas"
        );
        assert_eq!(
            d.detect("Emmanuel Macron رئیس جمهور فرانسه شد").language,
            "fas"
        );
        assert_eq!(d.detect("کابل امروز").language, "fas");
    }

    #[test]
    fn scripts_that_one_language_owns_decide() {
        let d = LanguageDetector::new();
        assert_eq!(d.detect("שלום עולם").language, "heb");
        assert_eq!(d.detect("Καλημέρα").language, "ell");
        assert_eq!(d.detect("สวัสดี").language, "tha");
    }

    #[test]
    fn weak_sentences_take_their_neighbours_language() {
        let d = LanguageDetector::new();
        let doc: Vec<Vec<(&str, Script)>> = [
            "وزیر امور خارجه ایران روز شنبه در تهران گفت که مذاکرات ادامه دارد",
            "Emmanuel Macron",
            "Infografik Frankreich: Mit diesen Forderungen treten die Kandidaten an",
            "کابل",
        ]
        .iter()
        .map(|s| {
            s.split([' ', ':'])
                .filter(|w| !w.is_empty())
                .map(|w| (w, script::token_script(w)))
                .collect()
        })
        .collect();
        assert_eq!(d.detect_document(doc), ["fas", "deu", "deu", "fas"]);
    }

    fn document(sentences: &[&'static str]) -> Vec<Vec<(&'static str, Script)>> {
        sentences
            .iter()
            .map(|s| {
                s.split([' ', ':', ',', '.'])
                    .filter(|w| !w.is_empty())
                    .map(|w| (w, script::token_script(w)))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_change_of_language_within_a_run_is_found_by_its_evidence() {
        let doc = document(&[
            "The government announced on Monday that the new budget would be presented to parliament next week",
            "Ministers said the plan would cut spending on roads and raise taxes on fuel",
            "Le président de la République a annoncé que les élections auront lieu dans le pays avant la fin de l'année",
            "The opposition said it would vote against the budget in its present form",
            "مجموعه ای از ایمیل های ویژه جریان مبارزات انتخاباتی امانوئل ماکرون به نشر رسیده است",
            "قال وزير خارجية الصين إن بلاده ضد جميع أشكال الهجمات الإلكترونية",
            "و این موضوع را رئیس جمهور فرانسه تایید کرد",
        ]);
        let expected = ["eng", "eng", "fra", "eng", "fas", "ara", "fas"];
        let runs = LanguageDetector::new();
        assert_eq!(runs.detect_document(doc.clone()), expected);
        let every = LanguageDetector::new().every_sentence(true);
        assert_eq!(every.detect_document(doc), expected);
    }

    #[test]
    fn short_lines_are_judged_together() {
        // Alone, each line is too short for the model; shown together they are English.
        let doc = document(&[
            "Breaking news tonight",
            "More rain expected",
            "Schools closed tomorrow",
            "Roads flooded downtown",
        ]);
        assert_eq!(
            LanguageDetector::new().detect_document(doc),
            ["eng", "eng", "eng", "eng"]
        );
    }

    #[test]
    fn latin_evidence_needs_two_markers_of_one_language() {
        assert_eq!(
            latin_evidence("le chat est dans la maison avec les enfants"),
            Some("fra")
        );
        assert_eq!(latin_evidence("the cat and the dog"), Some("eng"));
        assert_eq!(latin_evidence("Emmanuel Macron"), None);
    }

    #[test]
    fn a_lone_weak_segment_is_not_guessed() {
        let d = LanguageDetector::new();
        let doc = vec![vec![("ad_1", Script::Latin)]];
        assert_eq!(d.detect_document(doc), [UNDETERMINED]);
    }

    #[test]
    fn text_without_letters_is_undetermined() {
        let d = LanguageDetector::new().detect("12 345 !!");
        assert_eq!(d.language, UNDETERMINED);
        assert_eq!(d.script, script::COMMON);
    }

    #[test]
    fn candidates_can_be_restricted() {
        let d = LanguageDetector::with_languages(&["ara".into(), "eng".into()]).unwrap();
        assert_eq!(
            d.detect("مجموعه ای از ایمیل های ویژه جریان مبارزات انتخاباتی")
                .language,
            "ara"
        );
        assert!(LanguageDetector::with_languages(&["xx".into()]).is_err());
    }
}
