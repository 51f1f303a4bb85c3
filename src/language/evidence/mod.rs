//! Evidence that needs no model: scripts used by one language only, the letters
//! and function words that tell Arabic, Persian and Urdu apart, and Latin-script
//! stopwords that only one language has. It is data, so a new language's evidence
//! is a new table entry.

mod arabic;
mod cyrillic;
mod latin;
mod script;
mod stopwords;

pub(super) use arabic::ArabicEvidence;
pub(super) use cyrillic::CyrillicLetters;
pub(super) use latin::latin_evidence;
pub(super) use script::{is_foreign, SCRIPT_LANGUAGES};
pub(super) use stopwords::stopword_language;
pub use stopwords::{STOPWORDS_MARGIN, STOPWORDS_MIN_WORDS, STOPWORDS_NAME_FROM};
