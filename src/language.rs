//! Language identification of sentences and lines, with whatlang as the model.
//!
//! Codes are ISO 639-3. whatlang's `pes` (Iranian Persian) is reported as the
//! macrolanguage `fas`, because the model cannot tell Iranian Persian from Dari.
//! Text in which whatlang finds nothing (no letters, or too little evidence) is
//! [`UNDETERMINED`].

use serde::Serialize;

use crate::script;

/// The code for text whose language cannot be told.
pub const UNDETERMINED: &str = "und";

/// The language found for a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Detection {
    /// ISO 639-3 code, or `und`.
    pub language: &'static str,
    /// The script with the most letters in the text (see [`crate::script`]).
    pub script: &'static str,
    /// whatlang's confidence, from 0 to 1; 0 for `und`.
    pub confidence: f64,
    /// whatlang's own judgement of whether the answer can be relied on.
    pub reliable: bool,
}

/// A language detector. Cheap to share between threads.
#[derive(Default)]
pub struct LanguageDetector {
    detector: whatlang::Detector,
}

impl LanguageDetector {
    /// A detector over every language whatlang knows.
    pub fn new() -> Self {
        Self::default()
    }

    /// Detects the language of `text`.
    pub fn detect(&self, text: &str) -> Detection {
        let script = script::dominant_script(text);
        match self.detector.detect(text) {
            Some(info) => Detection {
                language: iso_639_3(info.lang()),
                script,
                confidence: info.confidence(),
                reliable: info.is_reliable(),
            },
            None => Detection {
                language: UNDETERMINED,
                script,
                confidence: 0.0,
                reliable: false,
            },
        }
    }
}

/// whatlang's ISO 639-3 code, with the Persian macrolanguage in place of `pes`.
fn iso_639_3(lang: whatlang::Lang) -> &'static str {
    match lang {
        whatlang::Lang::Pes => "fas",
        other => other.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_arabic_persian_and_english_sentences() {
        let d = LanguageDetector::new();
        let arabic = d.detect("قال وزير خارجية الصين إن بلاده ضد جميع أشكال الهجمات الإلكترونية");
        assert_eq!((arabic.language, arabic.script), ("ara", "arabic"));
        let persian = d.detect(
            "مجموعه ای از ایمیل های ویژه جریان مبارزات انتخاباتی امانوئل ماکرون به نشر رسیده است",
        );
        assert_eq!((persian.language, persian.script), ("fas", "arabic"));
        let english =
            d.detect("The Security Council held its first open meeting on cyber security");
        assert_eq!((english.language, english.script), ("eng", "latin"));
    }

    #[test]
    fn text_without_letters_is_undetermined() {
        let d = LanguageDetector::new().detect("12 345 !!");
        assert_eq!(d.language, UNDETERMINED);
        assert_eq!(d.script, script::COMMON);
    }
}
