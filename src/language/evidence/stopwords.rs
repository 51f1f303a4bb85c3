//! A page named by its stopwords (stopwords-iso).

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::super::add_to;
use crate::language::Lang;
use crate::script::Script;

/// The words `stopword_language` needs at least: stopwords name a page, not a
/// line ("hello" and "world" are English stopwords in stopwords-iso).
pub const STOPWORDS_MIN_WORDS: usize = 50;
/// The share of a text's words the stopwords of one language must make for
/// `stopword_language` to name it ...
pub const STOPWORDS_NAME_FROM: f64 = 0.3;
/// ... and how many times the share of any other language's stopwords. The English
/// list is long (1,298 words): English stopwords make 0.22-0.31 of the words of Tok
/// Pisin and Bislama, against 0.17 for the next list.
pub const STOPWORDS_MARGIN: f64 = 3.0;

/// Every stopwords-iso list (as the `stop-words` crate ships it) of a language the
/// model can name, lowercased: word → the languages (twins joined) whose list has
/// it, and those languages with their scripts.
struct StopwordLists {
    words: FxHashMap<String, Vec<Lang>>,
    languages: Vec<(Lang, &'static [Script])>,
}

fn stopword_lists() -> &'static StopwordLists {
    static LISTS: OnceLock<StopwordLists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut lists = StopwordLists {
            words: FxHashMap::default(),
            languages: Vec::new(),
        };
        // The model's labels are ISO 639-1 codes where the language has one, as
        // stopwords-iso's are.
        for name in crate::language::LANGUAGE_NAMES {
            let Some(list) = (name.label.len() == 2)
                .then(|| stop_words::lookup(name.label))
                .flatten()
            else {
                continue;
            };
            let language = crate::language::names::reported(name.code);
            if !lists.languages.iter().any(|(l, _)| *l == language) {
                lists.languages.push((language, name.scripts));
            }
            for word in list {
                let languages = lists.words.entry(word.to_lowercase()).or_default();
                if !languages.contains(&language) {
                    languages.push(language);
                }
            }
        }
        lists
    })
}

/// The language whose stopwords make at least [`STOPWORDS_NAME_FROM`] of the words
/// of `texts` (of `script`, words separated by spaces; [`STOPWORDS_MIN_WORDS`] at
/// least), and [`STOPWORDS_MARGIN`] times the share of any other list; `None`
/// otherwise. A second opinion for a
/// document the model is unsure of: on a page of Yoruba or Swahili its answers
/// scatter (Catalan, Irish), but a third of the words are the language's
/// stopwords.
pub(in crate::language) fn stopword_language<'a>(
    script: Script,
    texts: impl Iterator<Item = &'a str>,
) -> Option<Lang> {
    let lists = stopword_lists();
    let mut hits: Vec<(Lang, usize)> = Vec::new();
    let mut words = 0;
    let mut lower = String::new();
    for word in texts.flat_map(|t| t.split(' ')).filter(|w| !w.is_empty()) {
        words += 1;
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        for &language in lists.words.get(lower.as_str()).into_iter().flatten() {
            add_to(&mut hits, language, 1);
        }
    }
    if words < STOPWORDS_MIN_WORDS {
        return None;
    }
    hits.retain(|(language, _)| {
        lists
            .languages
            .iter()
            .any(|(l, scripts)| l == language && scripts.contains(&script))
    });
    hits.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let (language, best) = *hits.first()?;
    let second = hits.get(1).map_or(0, |h| h.1);
    let share = |n: usize| n as f64 / words as f64;
    (share(best) >= STOPWORDS_NAME_FROM && share(best) >= STOPWORDS_MARGIN * share(second))
        .then_some(language)
}
