//! Languages of a whole document: sentences split into segments by dominant
//! script, the model asked as little as the evidence allows (one answer reused
//! while the evidence agrees), and weak segments given their nearest reliable
//! neighbour's language.

use super::add_to;
use super::evidence::{
    is_foreign, latin_evidence, stopword_language, ArabicEvidence, SCRIPT_LANGUAGES,
};
use super::segments::{dominant_segment, trusted_scripts, AskedBefore, NearestReliable, Segment};
use super::{Detection, Lang, LanguageDetector, MIN_WORDS, SAMPLE_WORDS};
use crate::script::Script;

/// Evidence (see `ArabicEvidence`) from which decisive letters and function words
/// stand alone in a document: two signs, such as two Urdu letters or a function word
/// and a letter.
const DECISIVE_ALONE: f64 = 4.0;
/// Evidence from which the model is not asked at all: four signs (Persian poetry
/// can show two Urdu function words, کو and کی, in one line; the model is not
/// fooled by them).
const WITHOUT_MODEL: f64 = 8.0;
/// The average probability from which the model's answers on a document's
/// segments name the language of its weak segments (see `consensus`).
pub const CONSENSUS_FROM: f64 = 0.5;
/// Segments the consensus asks the model about, at most: the first ones of the
/// script, enough to tell agreement from scatter.
const CONSENSUS_SEGMENTS: usize = 24;
/// Words of reused answers from which `verify_reused` checks them.
const VERIFY_FROM: usize = 50;

impl LanguageDetector {
    /// The language of each sentence of a document. `sentences` gives, for each
    /// sentence, its word tokens (surface form) with their scripts. Weak sentences
    /// take the language of their nearest strong neighbour in the same script.
    pub fn detect_document<'a, S, I>(&self, sentences: S) -> Vec<Lang>
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
        let trusted = trusted_scripts(&segments, &detections);
        let mut languages = Vec::with_capacity(segments.len());
        let mut pooled: Vec<(Script, Lang)> = Vec::new();
        for (i, detection) in detections.iter().enumerate() {
            let Some(d) = detection else {
                languages.push(Lang::UNDETERMINED);
                continue;
            };
            if d.reliable {
                languages.push(d.language);
                continue;
            }
            // In a script the model was unsure of, no neighbour speaks for the weak
            // segments: they are judged together, or are `und`.
            let neighbour = match trusted.contains(&d.script) {
                true => nearest.language(i, d.script),
                false => None,
            };
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
        let mut current: Vec<(Script, Lang)> = Vec::new();
        // Segments outside the Arabic script that took the language of `current`.
        let mut reused: Vec<usize> = Vec::new();
        for (i, segment) in segments.iter().enumerate() {
            let (script, text, words) = (segment.script, &segment.text, &segment.words);
            if *words == 0 {
                detections.push(None);
                continue;
            }
            let known = current.iter().find(|(s, _)| *s == script).map(|&(_, l)| l);
            let evidence = (script == Script::Arabic).then(|| ArabicEvidence::of(text));
            if let Some(d) =
                self.detect_without_model(script, text, *words, evidence.as_ref(), known)
            {
                detections.push(Some(d));
                continue;
            }
            // The segment's own evidence beyond what decides without the model.
            let own = match &evidence {
                Some(evidence) => evidence.decisive().map(|(l, _)| l),
                None if script == Script::Latin => latin_evidence(text),
                None => None,
            };
            if let Some(language) = known {
                if own.is_none_or(|e| e == language || !self.is_allowed(e)) {
                    if script != Script::Arabic {
                        reused.push(i);
                    }
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
            // A foreign segment (`und`, reliable) names no language for the next ones.
            let sure = d.reliable && !d.language.is_undetermined();
            match current.iter_mut().find(|(s, _)| *s == script) {
                Some(entry) if sure => entry.1 = d.language,
                None if sure => current.push((script, d.language)),
                _ => {}
            }
            detections.push(Some(d));
        }
        self.verify_reused(segments, &mut detections, &reused);
        detections
    }

    /// Checks the answers that `detect_runs` reused outside the Arabic script (where
    /// the letters and function words check every segment): once per script and
    /// language, when they cover [`VERIFY_FROM`] words or more, the longest of those
    /// segments is checked: by its stopwords in the Latin script (see
    /// `latin_evidence`), else by the model. When they name another language, the
    /// consensus of the script's segments decides, and the reused segments take its
    /// answer, `und` included. The model is sure of some sentences of a language it
    /// does not know (Nigerian Pidgin as English, Low German as Dutch, Chayahuita
    /// as Albanian); without the check, one such sentence names the whole document.
    fn verify_reused(
        &self,
        segments: &[Segment],
        detections: &mut [Option<Detection>],
        reused: &[usize],
    ) {
        let Some(model) = super::fasttext::Model::get() else {
            return;
        };
        // Per (script, language): the words of its reused segments, and the longest.
        let mut groups: Vec<(Script, Lang, usize, usize)> = Vec::new();
        for &i in reused {
            let Some(d) = detections[i] else { continue };
            let words = segments[i].words;
            match groups
                .iter_mut()
                .find(|(s, l, ..)| (*s, *l) == (d.script, d.language))
            {
                Some(group) => {
                    group.2 += words;
                    if words > segments[group.3].words {
                        group.3 = i;
                    }
                }
                None => groups.push((d.script, d.language, words, i)),
            }
        }
        for (script, language, words, longest) in groups {
            let text = &segments[longest].text;
            if words < VERIFY_FROM || segments[longest].words < MIN_WORDS {
                continue;
            }
            // Stopwords that only this language has confirm it without the model.
            if script == Script::Latin && latin_evidence(text) == Some(language) {
                continue;
            }
            let answer = model.predict(text, script, self.allowed.as_deref());
            if answer.is_some_and(|(l, _)| l == language) {
                continue;
            }
            let Some((verdict, confidence)) = self.consensus(script, segments) else {
                continue;
            };
            if verdict == language {
                continue;
            }
            for &i in reused {
                if detections[i].is_some_and(|d| (d.script, d.language) == (script, language)) {
                    detections[i] = Some(Detection {
                        language: verdict,
                        script,
                        confidence,
                        reliable: true,
                    });
                }
            }
        }
    }

    /// The detection of a segment when the script decides, or decisive Arabic-script
    /// `evidence` (given for Arabic-script segments) that is overwhelming or agrees
    /// with `known`, the language the model was last sure of in this script (any
    /// decisive evidence when the fastText model could not be loaded), without the
    /// model; `None` when the model is needed.
    fn detect_without_model(
        &self,
        script: Script,
        text: &str,
        words: usize,
        evidence: Option<&ArabicEvidence>,
        known: Option<Lang>,
    ) -> Option<Detection> {
        if let Some(d) = self.decided_without_model(script, text, words, evidence) {
            return Some(d);
        }
        let evidence = evidence?;
        let enough = match super::fasttext::Model::get() {
            Some(_) => WITHOUT_MODEL,
            None => 0.0,
        };
        self.decided_by_evidence(script, evidence)
            .filter(|d| evidence.strength() >= enough || Some(d.language) == known)
    }

    /// What the script decides alone: `und` for a segment in a language the detector
    /// cannot name (see [`is_foreign`]; `evidence` is required for the Arabic
    /// script), reliable from [`MIN_WORDS`] words so that its neighbours do not
    /// name it; the language of a script that one language owns.
    pub(super) fn decided_without_model(
        &self,
        script: Script,
        text: &str,
        words: usize,
        evidence: Option<&ArabicEvidence>,
    ) -> Option<Detection> {
        let counted = evidence.map(|e| (e.foreign_letters as usize, e.words as usize));
        if is_foreign(script, text, counted) {
            return Some(Detection {
                reliable: words >= MIN_WORDS,
                ..Detection::undetermined(script)
            });
        }
        self.decided_by_script(script)
    }

    /// A script that one language owns decides alone.
    fn decided_by_script(&self, script: Script) -> Option<Detection> {
        SCRIPT_LANGUAGES
            .iter()
            .find(|(s, language)| *s == script && self.is_allowed(*language))
            .map(|&(_, language)| Detection {
                language,
                script,
                confidence: 1.0,
                reliable: true,
            })
    }

    /// Decisive Arabic-script `evidence` decides.
    pub(super) fn decided_by_evidence(
        &self,
        script: Script,
        evidence: &ArabicEvidence,
    ) -> Option<Detection> {
        let (language, share) = evidence.decisive()?;
        self.is_allowed(language).then(|| Detection {
            language,
            script,
            confidence: share,
            // One sign is not enough to stand alone: کی is an Urdu function word and
            // also how classical Persian poetry writes که.
            reliable: evidence.strength() >= DECISIVE_ALONE,
        })
    }

    /// Judges together the weak segments of `script` in a document: in the Arabic
    /// script, their text as one segment, `und` unless that is reliable; in the
    /// other scripts, the consensus of the model's answers on the script's segments.
    fn pool(&self, script: Script, segments: &[Segment], detections: &[Option<Detection>]) -> Lang {
        if script != Script::Arabic {
            if let Some((language, _)) = self.consensus(script, segments) {
                return language;
            }
        }
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
            Lang::UNDETERMINED
        }
    }

    /// The language of a document's text in `script` by the consensus of the model's
    /// answers: the model's probabilities for each segment of [`MIN_WORDS`] words or
    /// more (the first [`CONSENSUS_SEGMENTS`] of them), averaged over their words.
    /// The most probable language and its average when that is [`CONSENSUS_FROM`]
    /// or more, else `und` (and 0); `None` without such segments or without the
    /// model.
    ///
    /// The model's probability does not grow with the length of the text it is
    /// shown: a page of Irish or Afrikaans gets 0.7, as its sentences do. But its
    /// answers on the sentences of a language it knows agree, while on a language it
    /// does not know they scatter over its neighbours.
    fn consensus(&self, script: Script, segments: &[Segment]) -> Option<(Lang, f64)> {
        let model = super::fasttext::Model::get()?;
        let mut sums: Vec<(Lang, f64)> = Vec::new();
        let mut total = 0.0;
        let judged: Vec<&Segment> = segments
            .iter()
            .filter(|s| s.script == script && s.words >= MIN_WORDS)
            .take(CONSENSUS_SEGMENTS)
            .collect();
        for segment in &judged {
            let weight = segment.words as f64;
            total += weight;
            for (language, p) in
                model.distribution(&segment.text, segment.script, self.allowed.as_deref())
            {
                add_to(&mut sums, language, weight * p);
            }
        }
        if total == 0.0 {
            return None;
        }
        let (language, sum) = sums
            .iter()
            .copied()
            .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0)))?;
        if sum / total >= CONSENSUS_FROM {
            return Some((language, sum / total));
        }
        // The model unsure, the stopwords may still be plain.
        Some(
            match stopword_language(script, judged.iter().map(|s| s.text.as_str()))
                .filter(|&l| self.is_allowed(l))
            {
                Some(by_stopwords) => {
                    let average = sums
                        .iter()
                        .find(|(l, _)| *l == by_stopwords)
                        .map_or(0.0, |s| s.1 / total);
                    (by_stopwords, average)
                }
                None => (Lang::UNDETERMINED, 0.0),
            },
        )
    }
}
