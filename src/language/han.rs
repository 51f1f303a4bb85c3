//! The language of a line of Han words, which the model judges poorly alone.

use super::{fasttext, Detection, Lang, LanguageDetector, RELIABLE_FROM};
use crate::script::{self, Script};

impl LanguageDetector {
    /// A line whose words are mostly Han: Japanese where it holds kana anywhere and
    /// Korean where it holds Hangul (their scripts, which Chinese does not write; the
    /// model saw only the Han words, and named 自由です Chinese). Otherwise Chinese,
    /// unless `detection` (the model, with the word lists on one or two words) names
    /// another language from [`RELIABLE_FROM`]: a word of Han characters alone is far
    /// more often Chinese, and on one or two such words the model named Japanese or
    /// nothing more often than Chinese. The lists are asked, not the model alone: on
    /// the UDHR's Han-only words, asking the model alone whether it is sure kept 59 of
    /// 338 Japanese words and 483 of 525 Chinese ones, with the lists 120 and 504
    /// (`docs/LANGUAGE_ID.md`). When this
    /// rule names Chinese, its confidence is the model's probability of Chinese.
    /// Languages not allowed are not named.
    pub(super) fn han(&self, detection: Detection, line: &str, han_words: &str) -> Detection {
        let beside = [
            (Lang::JAPANESE, Script::Hiragana),
            (Lang::JAPANESE, Script::Katakana),
            (Lang::KOREAN, Script::Hangul),
        ];
        let scripts: Vec<Script> = line.chars().map(script::char_script).collect();
        for (language, script) in beside {
            if self.is_allowed(language) && scripts.contains(&script) {
                return Detection {
                    language,
                    script: Script::Han,
                    confidence: 1.0,
                    reliable: detection.reliable,
                };
            }
        }
        let sure_other = !detection.language.is_undetermined()
            && detection.language != Lang::CHINESE
            && detection.confidence >= RELIABLE_FROM;
        if detection.language == Lang::CHINESE || sure_other || !self.is_allowed(Lang::CHINESE) {
            return detection;
        }
        let chinese = fasttext::Model::get()
            .map(|model| model.distribution(han_words, Script::Han, None))
            .and_then(|d| {
                d.into_iter()
                    .find(|(language, _)| *language == Lang::CHINESE)
            })
            .map_or(0.0, |(_, p)| p);
        Detection {
            language: Lang::CHINESE,
            script: Script::Han,
            confidence: chinese,
            reliable: false,
        }
    }
}
