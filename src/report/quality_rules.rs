//! The published filtering rules the quality summary counts: each document that a
//! rule would drop is flagged, so a user reads "12% of documents fail the
//! stopword rule" without dropping anything.
//!
//! Gopher's rules (Rae et al. 2021, table A1) and FineWeb's line rule assume
//! English; FineWeb-2 tuned them per language, and its values for Arabic
//! (`arb_Arab`) and Persian (`fas_Arab`) are used for documents in those
//! languages ([`thresholds`]). Every other language gets Gopher's English values,
//! except that the rules on words (count, mean length, stopwords) do not apply to
//! languages written without spaces, whose words (a dictionary's, or characters
//! under `--tokens characters`) are far shorter than Gopher's thresholds assume and
//! have no published values, and the stopword rule applies only where a list is
//! published (English, Arabic, Persian).

use crate::count::{DocumentFigures, QualityCounts};
use crate::language::Lang;

/// The thresholds of the rules for one language.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// Mean word length outside `[min, max]` fails.
    pub mean_word_length: (f64, f64),
    /// A share of words with a letter below this fails.
    pub min_letter_words: f64,
    /// A share of repeated lines above this fails.
    pub max_duplicate_lines: f64,
    /// A share of characters in the most repeated 2-, 3- and 4-gram above these fails.
    pub max_top_ngram_chars: [f64; 3],
    /// A share of lines ending in terminal punctuation at or below this fails
    /// (FineWeb's rule).
    pub max_failing_terminal_lines: f64,
}

/// Gopher's values (and FineWeb's for the line rule), for English and the languages
/// without tuned values.
pub const GOPHER: Thresholds = Thresholds {
    mean_word_length: (3.0, 10.0),
    min_letter_words: 0.8,
    max_duplicate_lines: 0.3,
    max_top_ngram_chars: [0.2, 0.18, 0.16],
    max_failing_terminal_lines: 0.12,
};

/// FineWeb-2's values for Arabic (`configs/arb_Arab.yml`).
pub const ARABIC: Thresholds = Thresholds {
    mean_word_length: (2.0, 9.0),
    min_letter_words: 0.787,
    max_duplicate_lines: 0.304,
    max_top_ngram_chars: [0.197, 0.172, 0.146],
    max_failing_terminal_lines: 0.143,
};

/// FineWeb-2's values for Persian (`configs/fas_Arab.yml`).
pub const PERSIAN: Thresholds = Thresholds {
    mean_word_length: (2.0, 9.0),
    min_letter_words: 0.812,
    max_duplicate_lines: 0.246,
    max_top_ngram_chars: [0.189, 0.164, 0.143],
    max_failing_terminal_lines: 0.2,
};

/// The thresholds for a document in `language`.
pub fn thresholds(language: Lang) -> &'static Thresholds {
    match language.code() {
        "ara" => &ARABIC,
        "fas" => &PERSIAN,
        _ => &GOPHER,
    }
}

/// Languages written without spaces between words: the rules on words do not
/// apply to them.
const UNSPACED: &[&str] = &["zho", "jpn", "tha", "lao", "khm", "mya", "bod"];

/// What a rule reads of one document.
pub struct RuleInput<'a> {
    /// Its quality counts.
    pub counts: &'a QualityCounts,
    /// Its figures (tokens, sentences).
    pub figures: &'a DocumentFigures,
    /// Its dominant language.
    pub language: Lang,
}

impl RuleInput<'_> {
    /// Its words (tokens).
    pub fn words(&self) -> u64 {
        self.figures.tokens
    }

    fn spaced(&self) -> bool {
        !UNSPACED.contains(&self.language.code())
    }

    /// `part` per word; `None` without words.
    pub fn per_word(&self, part: u64) -> Option<f64> {
        (self.words() > 0).then(|| part as f64 / self.words() as f64)
    }

    /// `part` per line; `None` without lines.
    pub fn per_line(&self, part: u64) -> Option<f64> {
        (self.counts.lines > 0).then(|| part as f64 / self.counts.lines as f64)
    }

    /// `part` per character of the text; `None` for an empty text.
    pub fn per_char(&self, part: u64) -> Option<f64> {
        (self.counts.chars > 0).then(|| part as f64 / self.counts.chars as f64)
    }

    /// The signals that rules read (each also a column of `quality.csv`).
    pub fn mean_word_length(&self) -> Option<f64> {
        self.per_word(self.counts.word_chars)
    }

    /// `#` characters or ellipses per word, whichever is more.
    pub fn symbol_word_ratio(&self) -> Option<f64> {
        self.per_word(self.counts.hashes.max(self.counts.ellipses))
    }

    /// The share of lines that end in terminal punctuation.
    pub fn terminal_lines(&self) -> Option<f64> {
        self.per_line(self.counts.terminal_lines)
    }

    /// The share of lines that start with a bullet.
    pub fn bullet_lines(&self) -> Option<f64> {
        self.per_line(self.counts.bullet_lines)
    }

    /// The share of lines that end in an ellipsis.
    pub fn ellipsis_lines(&self) -> Option<f64> {
        self.per_line(self.counts.ellipsis_lines)
    }

    /// The share of lines that repeat an earlier one.
    pub fn duplicate_lines(&self) -> Option<f64> {
        self.per_line(self.counts.duplicate_lines)
    }

    /// The share of characters in repeated lines.
    pub fn duplicate_line_chars(&self) -> Option<f64> {
        self.per_char(self.counts.duplicate_line_chars)
    }

    /// The share of characters the most repeated n-gram covers (`at` 0, 1, 2 for
    /// n = 2, 3, 4).
    pub fn top_ngram_chars(&self, at: usize) -> Option<f64> {
        self.per_char(self.counts.top_ngram_chars[at])
    }

    fn limits(&self) -> &'static Thresholds {
        thresholds(self.language)
    }
}

/// One rule: its name in `summary.json` (`quality.rules.NAME`), where it comes
/// from, and whether a document fails it (`None` when it does not apply).
pub struct Rule {
    /// Its name.
    pub name: &'static str,
    /// What it flags, and its source.
    pub about: &'static str,
    /// Whether a document fails it; `None` when it does not apply.
    pub fails: fn(&RuleInput) -> Option<bool>,
}

/// Every rule, in the order `quality.csv` lists a document's failures.
pub const RULES: &[Rule] = &[
    Rule {
        name: "gopher_word_count",
        about: "Gopher: fewer than 50 or more than 100,000 words",
        fails: |d| d.spaced().then(|| !(50..=100_000).contains(&d.words())),
    },
    Rule {
        name: "gopher_mean_word_length",
        about: "Gopher: mean word length outside 3 to 10 characters (2 to 9 for Arabic and Persian, FineWeb-2)",
        fails: |d| {
            let (min, max) = d.limits().mean_word_length;
            let mean = d.mean_word_length().filter(|_| d.spaced())?;
            Some(mean < min || mean > max)
        },
    },
    Rule {
        name: "gopher_symbol_ratio",
        about: "Gopher: more than 0.1 `#` or ellipses per word",
        fails: |d| Some(d.symbol_word_ratio()? > 0.1),
    },
    Rule {
        name: "gopher_bullet_lines",
        about: "Gopher: more than 90% of lines start with a bullet",
        fails: |d| Some(d.bullet_lines()? > 0.9),
    },
    Rule {
        name: "gopher_ellipsis_lines",
        about: "Gopher: more than 30% of lines end in an ellipsis",
        fails: |d| Some(d.ellipsis_lines()? > 0.3),
    },
    Rule {
        name: "gopher_letter_words",
        about: "Gopher: fewer than 80% of words hold a letter (78.7% Arabic, 81.2% Persian, FineWeb-2)",
        fails: |d| {
            let with_letter = d.per_word(d.words().saturating_sub(d.counts.no_letter_words))?;
            Some(with_letter < d.limits().min_letter_words)
        },
    },
    Rule {
        name: "gopher_stopwords",
        about: "Gopher: fewer than 2 stopwords of the rule's list (Gopher's 8 English words; FineWeb-2's lists for Arabic and Persian; no other language)",
        fails: |d| Some(d.counts.rule_stopwords.filter(|_| d.spaced())? < 2),
    },
    Rule {
        name: "gopher_duplicate_lines",
        about: "Gopher: more than 30% of lines repeat an earlier one (30.4% Arabic, 24.6% Persian, FineWeb-2)",
        fails: |d| Some(d.duplicate_lines()? > d.limits().max_duplicate_lines),
    },
    Rule {
        name: "gopher_duplicate_line_chars",
        about: "Gopher: more than 20% of characters in repeated lines",
        fails: |d| Some(d.duplicate_line_chars()? > 0.2),
    },
    Rule {
        name: "gopher_top_2gram",
        about: "Gopher: the most repeated 2-gram covers more than 20% of characters (19.7% Arabic, 18.9% Persian, FineWeb-2)",
        fails: |d| top_ngram_fails(d, 0),
    },
    Rule {
        name: "gopher_top_3gram",
        about: "Gopher: the most repeated 3-gram covers more than 18% of characters (17.2% Arabic, 16.4% Persian)",
        fails: |d| top_ngram_fails(d, 1),
    },
    Rule {
        name: "gopher_top_4gram",
        about: "Gopher: the most repeated 4-gram covers more than 16% of characters (14.6% Arabic, 14.3% Persian)",
        fails: |d| top_ngram_fails(d, 2),
    },
    Rule {
        name: "c4_curly_bracket",
        about: "C4: the text holds a curly bracket `{`",
        fails: |d| Some(d.counts.curly_brackets > 0),
    },
    Rule {
        name: "c4_lorem_ipsum",
        about: "C4: the text holds `lorem ipsum`",
        fails: |d| Some(d.counts.lorem_ipsum > 0),
    },
    Rule {
        name: "c4_few_sentences",
        about: "C4: fewer than 5 sentences (here every sentence of the document; C4 counts those of the lines it keeps)",
        fails: |d| Some(d.figures.sentences < 5),
    },
    Rule {
        name: "fineweb_line_punctuation",
        about: "FineWeb: at most 12% of lines end in terminal punctuation (14.3% Arabic, 20% Persian, FineWeb-2)",
        fails: |d| {
            Some(d.terminal_lines()? <= d.limits().max_failing_terminal_lines)
        },
    },
];

/// Whether the most repeated n-gram (`at` 0, 1, 2 for n = 2, 3, 4) covers more of
/// the characters than the language's threshold.
fn top_ngram_fails(d: &RuleInput, at: usize) -> Option<bool> {
    Some(d.top_ngram_chars(at)? > d.limits().max_top_ngram_chars[at])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input<'a>(
        counts: &'a QualityCounts,
        figures: &'a DocumentFigures,
        lang: &str,
    ) -> RuleInput<'a> {
        RuleInput {
            counts,
            figures,
            language: Lang::of(lang),
        }
    }

    fn fails(name: &str, d: &RuleInput) -> Option<bool> {
        let rule = RULES
            .iter()
            .find(|r| r.name == name)
            .expect("a rule of that name");
        (rule.fails)(d)
    }

    #[test]
    fn thresholds_follow_the_language() {
        let figures = DocumentFigures {
            tokens: 100,
            sentences: 10,
            ..DocumentFigures::default()
        };
        // 25 of 100 lines repeated: under Gopher's 30% and Arabic's 30.4%,
        // over Persian's 24.6%.
        let counts = QualityCounts {
            lines: 100,
            duplicate_lines: 25,
            ..QualityCounts::default()
        };
        assert_eq!(
            fails("gopher_duplicate_lines", &input(&counts, &figures, "eng")),
            Some(false)
        );
        assert_eq!(
            fails("gopher_duplicate_lines", &input(&counts, &figures, "ara")),
            Some(false)
        );
        assert_eq!(
            fails("gopher_duplicate_lines", &input(&counts, &figures, "fas")),
            Some(true)
        );
        // Mean word length 2.5: too short for English, fine for Arabic.
        let counts = QualityCounts {
            word_chars: 250,
            ..QualityCounts::default()
        };
        assert_eq!(
            fails("gopher_mean_word_length", &input(&counts, &figures, "eng")),
            Some(true)
        );
        assert_eq!(
            fails("gopher_mean_word_length", &input(&counts, &figures, "ara")),
            Some(false)
        );
        // Not applied to Chinese, nor the stopword rule to German.
        assert_eq!(
            fails("gopher_mean_word_length", &input(&counts, &figures, "zho")),
            None
        );
        assert_eq!(
            fails("gopher_stopwords", &input(&counts, &figures, "deu")),
            None
        );
        // Without lines, the line rules do not apply.
        assert_eq!(
            fails("fineweb_line_punctuation", &input(&counts, &figures, "eng")),
            None
        );
    }

    #[test]
    fn every_rule_has_a_distinct_name() {
        let mut names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), RULES.len());
    }
}
