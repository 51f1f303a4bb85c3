//! A document's sentences as language detection sees them: each sentence's
//! segment of its dominant script, the nearest reliable neighbours, the answers
//! already given, and the scripts whose unsure segments may follow their neighbours.

use super::{Detection, Lang, LanguageDetector, MIN_WORDS};
use crate::script::{self, Script};
use rustc_hash::FxHashMap;

/// The share of a script's words (in segments of [`MIN_WORDS`](super::MIN_WORDS) or more) the model
/// must be sure of before unsure segments of that script take a neighbour's
/// language (see `trusted_scripts`).
pub const TRUSTED_SHARE: f64 = 0.5;
/// The scripts of a document whose unsure segments may take their neighbours'
/// language: those in which the model was sure of at least [`TRUSTED_SHARE`] of the
/// words of segments long enough to judge. Text in a language the model does not
/// know draws a few sure answers, each naming some neighbour, among many unsure
/// ones; spreading those answers to the unsure segments would name the whole
/// document wrongly. In the other scripts the unsure segments are judged together
/// (a short English news item whose two sentences the model gives 0.79 and 0.82
/// is English as a whole), else `und`.
pub(super) fn trusted_scripts(
    segments: &[Segment],
    detections: &[Option<Detection>],
) -> Vec<Script> {
    // Per script: the words of segments long enough to judge, and of those the
    // model was sure of. A script with only short segments has nothing to weigh,
    // so it is trusted (0 of 0).
    let mut words: Vec<(Script, usize, usize)> = Vec::new();
    for (segment, d) in segments.iter().zip(detections) {
        let Some(d) = d else { continue };
        let judged = if segment.words >= MIN_WORDS {
            segment.words
        } else {
            0
        };
        let sure = if d.reliable { judged } else { 0 };
        match words.iter_mut().find(|(s, _, _)| *s == d.script) {
            Some(entry) => {
                entry.1 += judged;
                entry.2 += sure;
            }
            None => words.push((d.script, judged, sure)),
        }
    }
    words
        .into_iter()
        .filter(|&(_, judged, sure)| sure as f64 >= TRUSTED_SHARE * judged as f64)
        .map(|(script, _, _)| script)
        .collect()
}

/// The model's answers within one document, by text: a document of repeated short
/// lines (`yes`, `no`, `ok`, boilerplate) asks the model about the same few texts
/// again and again, and each answer costs tens of microseconds.
#[derive(Default)]
pub(super) struct AskedBefore {
    /// By text: the script and word count it was asked with, and the answer.
    answers: FxHashMap<String, (Script, usize, Detection)>,
}

impl AskedBefore {
    /// What [`LanguageDetector::detect_segment`] says, asked once per distinct text.
    pub(super) fn detect(
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
pub(super) struct NearestReliable {
    /// Per weak sentence: (script, index, language) of the last reliable sentence of
    /// each script before it (empty for the others).
    before: Vec<Vec<(Script, usize, Lang)>>,
    after: Vec<Vec<(Script, usize, Lang)>>,
}

impl NearestReliable {
    pub(super) fn of(detections: &[Option<Detection>]) -> NearestReliable {
        let pass = |order: &mut dyn Iterator<Item = usize>| {
            let mut seen: Vec<(Script, usize, Lang)> = Vec::new();
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
    pub(super) fn language(&self, i: usize, script: Script) -> Option<Lang> {
        let find = |list: &[(Script, usize, Lang)]| {
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
pub(super) struct Segment {
    /// The script with the most words (ties go to the name that sorts first).
    pub(super) script: Script,
    /// Its words joined by spaces, at most [`MAX_SEGMENT_WORDS`] of them.
    pub(super) text: String,
    /// How many words it has in all.
    pub(super) words: usize,
}

/// The segment of a sentence's words (word, script).
pub(super) fn dominant_segment<'a>(
    words: impl Iterator<Item = (&'a str, Script)> + Clone,
) -> Segment {
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
pub(super) const MAX_SEGMENT_WORDS: usize = 1000;
