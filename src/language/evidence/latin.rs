//! Latin-script stopwords that only one language has.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::super::add_to;
use crate::language::Lang;

/// Latin-script languages whose stopwords are evidence of a change of language.
const LATIN_EVIDENCE_LANGUAGES: &[(Lang, &str)] = &[
    (Lang::of("deu"), "de"),
    (Lang::of("eng"), "en"),
    (Lang::of("fra"), "fr"),
    (Lang::of("ita"), "it"),
    (Lang::of("nld"), "nl"),
    (Lang::of("por"), "pt"),
    (Lang::of("spa"), "es"),
    (Lang::of("tur"), "tr"),
];

/// Lowercased stopwords (stopwords-iso) that only one of [`LATIN_EVIDENCE_LANGUAGES`] has.
fn latin_marker_words() -> &'static FxHashMap<String, Lang> {
    static WORDS: OnceLock<FxHashMap<String, Lang>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut owners: FxHashMap<String, Option<Lang>> = FxHashMap::default();
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
pub(in crate::language) fn latin_evidence(text: &str) -> Option<Lang> {
    let markers = latin_marker_words();
    let mut hits: Vec<(Lang, u32)> = Vec::new();
    let mut lower = String::new();
    for word in text.split(' ') {
        // Most words are lowercase ASCII already: looked up as they are.
        let key = if word.bytes().all(|b| b.is_ascii_lowercase()) {
            word
        } else {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            lower.as_str()
        };
        if let Some(&code) = markers.get(key) {
            add_to(&mut hits, code, 1);
        }
    }
    hits.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    match hits.as_slice() {
        [(code, n), rest @ ..] if *n >= 2 && rest.first().is_none_or(|r| r.1 < *n) => Some(*code),
        _ => None,
    }
}
