//! Keyword in context: every occurrence of a word or a phrase, with the words
//! around it, as AntConc's and WordSmith's concordancers give it (`corpstat kwic`).
//!
//! A document is normalized and tokenized as for counting, and nothing else is
//! done: no counting, no language mix. A phrase matches consecutive tokens inside
//! one sentence. "Left" is the text before the match in reading order and "right"
//! the text after it, in every script: for Arabic and Persian, which read right to
//! left, the left context is the one a reader's eye meets first, drawn on the right.

use std::borrow::Cow;

use crate::normalize::Normalizer;
use crate::tokenize::{tokenize_with, TokenRules};
use crate::Document;

/// How the query's words are compared with a document's tokens. Default: folded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MatchOn {
    /// The folded term, as the tables count it: أحمد finds احمد and إحمد, ۱۳۹۶
    /// finds 1396, Paris finds paris.
    #[default]
    Folded,
    /// The token as written (after the surface clean-up of invisible marks).
    Exact,
    /// Each word of the query is a regular expression that must match the whole
    /// folded term.
    Regex,
}

/// A query that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// The query holds no token.
    #[error("the query {0:?} holds no word")]
    Empty(String),
    /// A word of a regex query is not a regular expression.
    #[error("{0}")]
    Regex(String),
}

/// One word of the query, as it is compared.
#[derive(Debug, Clone)]
enum Pattern {
    Text(String),
    Regex(regex::Regex),
}

/// One occurrence of a query, with its context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConcordanceLine {
    /// Which of the concordance's queries it matches (0 for a single query).
    pub query: usize,
    /// The document's id.
    pub document: String,
    /// The sentence it is in, counted from 1 among the document's sentences.
    pub sentence: usize,
    /// Up to `context` tokens before the match in reading order, as written.
    pub left: String,
    /// The match as written.
    pub matched: String,
    /// Up to `context` tokens after the match.
    pub right: String,
    /// The folded context words, nearest first: `left[0]` is the word just before
    /// the match (AntConc's L1), `right[0]` the word just after it (R1). Empty
    /// when the concordance makes no sort keys ([`Concordance::without_sort_keys`]).
    pub left_keys: Vec<String>,
    /// See [`ConcordanceLine::left_keys`].
    pub right_keys: Vec<String>,
}

/// A query ready to run over documents.
pub struct Concordance {
    normalizer: Normalizer,
    rules: TokenRules,
    match_on: MatchOn,
    /// Each query's words, as compared.
    queries: Vec<Vec<Pattern>>,
    context: usize,
    /// Whether lines carry their folded context words, for `--sort`.
    sort_keys: bool,
}

impl Concordance {
    /// The concordance of `query` under `normalizer` and `rules` (those the corpus
    /// is counted with), with `context` tokens on each side.
    pub fn new(
        query: &str,
        normalizer: Normalizer,
        rules: TokenRules,
        match_on: MatchOn,
        context: usize,
    ) -> Result<Self, QueryError> {
        Concordance::of_queries(&[query], normalizer, rules, match_on, context)
    }

    /// The concordance of several queries at once, read in one pass: each line
    /// says which query it matches ([`ConcordanceLine::query`]); where two match
    /// at one place, the first given.
    pub fn of_queries(
        queries: &[&str],
        normalizer: Normalizer,
        rules: TokenRules,
        match_on: MatchOn,
        context: usize,
    ) -> Result<Self, QueryError> {
        let queries = queries
            .iter()
            .map(|query| patterns(query, &normalizer, rules, match_on))
            .collect::<Result<_, _>>()?;
        Ok(Concordance {
            normalizer,
            rules,
            match_on,
            queries,
            context,
            sort_keys: true,
        })
    }

    /// The same concordance, its lines without sort keys: ten strings less per
    /// line where nothing sorts them.
    pub fn without_sort_keys(mut self) -> Self {
        self.sort_keys = false;
        self
    }

    /// The concordance of terms as the tables hold them (folded keys, one token
    /// each), compared with each token's folded form as they are.
    pub(crate) fn of_terms(
        keys: &[&str],
        normalizer: Normalizer,
        rules: TokenRules,
        context: usize,
    ) -> Self {
        Concordance {
            normalizer,
            rules,
            match_on: MatchOn::Folded,
            queries: keys
                .iter()
                .map(|key| vec![Pattern::Text(key.to_string())])
                .collect(),
            context,
            sort_keys: false,
        }
    }

    /// Every occurrence of the queries in `document`, in text order.
    pub fn lines(&self, document: &Document) -> Vec<ConcordanceLine> {
        self.lines_at_most(document, None)
    }

    /// The lines of `document`, at most `per_query` of each query (the first in
    /// the text): the reading stops once every query has its share, so a document
    /// of a million matches costs what a few cost.
    pub fn lines_at_most(
        &self,
        document: &Document,
        per_query: Option<usize>,
    ) -> Vec<ConcordanceLine> {
        let mut lines = Vec::new();
        self.scan(document, per_query, |line| {
            lines.push(line);
            true
        });
        lines
    }

    /// Hands each line of `document` to `emit`, in text order, at most
    /// `per_query` of each query, until `emit` returns false; returns whether the
    /// document was read to its end (or every query had its share). A caller
    /// that writes each line as it comes holds none of them.
    pub fn scan(
        &self,
        document: &Document,
        per_query: Option<usize>,
        mut emit: impl FnMut(ConcordanceLine) -> bool,
    ) -> bool {
        let limit = per_query.unwrap_or(usize::MAX);
        let mut found = vec![0usize; self.queries.len()];
        let mut open = if limit == 0 { 0 } else { self.queries.len() };
        if open == 0 {
            return true;
        }
        let surface = self.normalizer.surface(&document.text);
        let tokenized = tokenize_with(&surface, self.rules);
        let tokens = &tokenized.tokens;
        // The compared form of each token, made once.
        let forms: Vec<Cow<str>> = tokens
            .iter()
            .map(|t| match self.match_on {
                MatchOn::Exact => Cow::Borrowed(t.text),
                MatchOn::Folded | MatchOn::Regex => self.normalizer.fold(t.text),
            })
            .collect();
        // The folded term of token i, for sorting: the compared form itself unless
        // the query matches forms as written.
        let key_of = |i: usize| match self.match_on {
            MatchOn::Exact => self.normalizer.fold(tokens[i].text).into_owned(),
            MatchOn::Folded | MatchOn::Regex => forms[i].to_string(),
        };
        let mut next: Vec<usize> = Vec::new();
        for (number, sentence) in tokenized.sentences.iter().enumerate() {
            if open == 0 {
                break;
            }
            let (start, end) = (sentence.start, sentence.end);
            // Each query's matches do not overlap one another (the next is looked
            // for past the last), but a query may match inside another's match.
            next.clear();
            next.resize(self.queries.len(), start);
            for at in start..end {
                for (query, patterns) in self.queries.iter().enumerate() {
                    let n = patterns.len();
                    let hit = found[query] < limit
                        && at >= next[query]
                        && at + n <= end
                        && patterns
                            .iter()
                            .zip(&forms[at..])
                            .all(|(pattern, form)| match pattern {
                                Pattern::Text(text) => text == form,
                                Pattern::Regex(regex) => regex.is_match(form),
                            });
                    if !hit {
                        continue;
                    }
                    next[query] = at + n;
                    let from = at.saturating_sub(self.context).max(start);
                    let to = (at + n + self.context).min(end);
                    let text_of = |first: usize, last: usize| -> String {
                        if first >= last {
                            return String::new();
                        }
                        let span = tokens[first].start..tokens[last - 1].range().end;
                        one_line(&surface[span])
                    };
                    let (left_keys, right_keys) = if self.sort_keys {
                        (
                            (from..at).rev().map(key_of).collect(),
                            (at + n..to).map(key_of).collect(),
                        )
                    } else {
                        (Vec::new(), Vec::new())
                    };
                    let go_on = emit(ConcordanceLine {
                        query,
                        document: document.meta.id.clone(),
                        sentence: number + 1,
                        left: text_of(from, at),
                        matched: text_of(at, at + n),
                        right: text_of(at + n, to),
                        left_keys,
                        right_keys,
                    });
                    if !go_on {
                        return false;
                    }
                    found[query] += 1;
                    if found[query] == limit {
                        open -= 1;
                    }
                }
            }
        }
        true
    }
}

/// A query's words as they are compared.
fn patterns(
    query: &str,
    normalizer: &Normalizer,
    rules: TokenRules,
    match_on: MatchOn,
) -> Result<Vec<Pattern>, QueryError> {
    let patterns: Vec<Pattern> = match match_on {
        MatchOn::Regex => query
            .split_whitespace()
            .map(|word| {
                let word = fold_pattern(normalizer, word);
                regex::Regex::new(&format!("^(?:{word})$"))
                    .map(Pattern::Regex)
                    .map_err(|e| QueryError::Regex(e.to_string()))
            })
            .collect::<Result<_, _>>()?,
        MatchOn::Folded | MatchOn::Exact => {
            let surface = normalizer.surface(query);
            tokenize_with(&surface, rules)
                .tokens
                .iter()
                .map(|t| match match_on {
                    MatchOn::Exact => Pattern::Text(t.text.to_string()),
                    _ => Pattern::Text(normalizer.fold(t.text).into_owned()),
                })
                .collect()
        }
    };
    if patterns.is_empty() {
        return Err(QueryError::Empty(query.to_string()));
    }
    Ok(patterns)
}

/// A regular expression with its literal text folded as terms are (کتاب.* matches
/// the folded كتابها), its escapes (`\W`, `\d`, `\p{Arabic}`) left as written.
fn fold_pattern(normalizer: &Normalizer, pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut run = String::new();
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            run.push(c);
            continue;
        }
        out.push_str(&normalizer.fold(&run));
        run.clear();
        out.push(c);
        if let Some(next) = chars.next() {
            out.push(next);
            // \p{...} and \P{...}: the class name as written.
            if matches!(next, 'p' | 'P') && chars.peek() == Some(&'{') {
                for c in chars.by_ref() {
                    out.push(c);
                    if c == '}' {
                        break;
                    }
                }
            }
        }
    }
    out.push_str(&normalizer.fold(&run));
    out
}

/// `text` on one line: every run of white space (line breaks included) as one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A sort key of `corpstat kwic --sort`: the n-th word left or right of the match
/// (1 = the nearest), compared folded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// Left n (AntConc's Ln).
    Left(usize),
    /// Right n (Rn).
    Right(usize),
}

impl SortKey {
    /// `left1`, `right2`, `l1`, `r3` (case-insensitive); `None` otherwise.
    pub fn parse(text: &str) -> Option<SortKey> {
        let lower = text.trim().to_ascii_lowercase();
        let (side, number) = if let Some(n) = lower.strip_prefix("left") {
            (true, n)
        } else if let Some(n) = lower.strip_prefix("right") {
            (false, n)
        } else if let Some(n) = lower.strip_prefix('l') {
            (true, n)
        } else if let Some(n) = lower.strip_prefix('r') {
            (false, n)
        } else {
            return None;
        };
        let n: usize = number.parse().ok().filter(|&n| n >= 1)?;
        Some(if side {
            SortKey::Left(n)
        } else {
            SortKey::Right(n)
        })
    }

    /// The word of `line` this key reads ("" when the context is shorter).
    pub fn of<'a>(&self, line: &'a ConcordanceLine) -> &'a str {
        let (keys, n) = match *self {
            SortKey::Left(n) => (&line.left_keys, n),
            SortKey::Right(n) => (&line.right_keys, n),
        };
        keys.get(n - 1).map_or("", String::as_str)
    }
}

/// Sorts `lines` by `keys` in turn, then in document order (document, sentence,
/// and the order found), as AntConc's sort levels do.
pub fn sort_lines(lines: &mut [ConcordanceLine], keys: &[SortKey]) {
    // A stable sort keeps the order found among equal keys.
    lines.sort_by(|a, b| {
        for key in keys {
            let order = key.of(a).cmp(key.of(b));
            if order.is_ne() {
                return order;
            }
        }
        std::cmp::Ordering::Equal
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::NormalizeOptions;

    fn concordance(query: &str, match_on: MatchOn, context: usize) -> Concordance {
        let normalizer =
            Normalizer::new(&NormalizeOptions::default()).expect("the default profile");
        Concordance::new(query, normalizer, TokenRules::Smart, match_on, context).expect("a query")
    }

    fn doc(text: &str) -> Document {
        Document::new("d", text)
    }

    #[test]
    fn folded_queries_find_every_spelling() {
        // أحمد finds احمد and إحمد; ۱۳۹۶ (Persian digits) finds 1396.
        let lines = concordance("أحمد", MatchOn::Folded, 2)
            .lines(&doc("قال احمد ثم جاء إحمد. ورأى أحمد الكتاب."));
        let matched: Vec<&str> = lines.iter().map(|l| l.matched.as_str()).collect();
        assert_eq!(matched, ["احمد", "إحمد", "أحمد"]);
        assert_eq!(
            (lines[0].left.as_str(), lines[0].right.as_str()),
            ("قال", "ثم جاء")
        );
        // The third is in the second sentence, whose context stops at its start.
        assert_eq!((lines[2].sentence, lines[2].left.as_str()), (2, "ورأى"));
        let years = concordance("۱۳۹۶", MatchOn::Folded, 1).lines(&doc("سال 1396 و سال ۱۳۹۶"));
        assert_eq!(years.len(), 2);
        // --exact: only the form as written.
        let exact = concordance("أحمد", MatchOn::Exact, 2)
            .lines(&doc("قال احمد ثم جاء إحمد. ورأى أحمد الكتاب."));
        assert_eq!(exact.len(), 1);
    }

    #[test]
    fn a_phrase_matches_consecutive_tokens_inside_a_sentence() {
        let c = concordance("New York", MatchOn::Folded, 3);
        let lines = c.lines(&doc("I left new york. New\tYork was cold. New. York."));
        let found: Vec<(usize, &str, &str)> = lines
            .iter()
            .map(|l| (l.sentence, l.left.as_str(), l.matched.as_str()))
            .collect();
        // "New. York." crosses a sentence end: no match.
        assert_eq!(found, [(1, "I left", "new york"), (2, "", "New York")]);
        assert_eq!(lines[1].right, "was cold");
    }

    #[test]
    fn sort_keys_read_the_nearest_words_first() {
        let c = concordance("b", MatchOn::Folded, 2);
        let mut lines = c.lines(&doc("Z a b y. C a b x. Y d b w."));
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0].left_keys, ["a", "z"]);
        sort_lines(
            &mut lines,
            &[
                SortKey::parse("left1").unwrap(),
                SortKey::parse("R1").unwrap(),
            ],
        );
        let order: Vec<&str> = lines.iter().map(|l| l.right.as_str()).collect();
        // L1: a, a, d; the two a's by R1: x before y.
        assert_eq!(order, ["x", "y", "w"]);
        assert_eq!(SortKey::parse("left0"), None);
        assert_eq!(SortKey::parse("middle1"), None);
    }

    #[test]
    fn regex_words_match_whole_folded_terms() {
        let c = concordance("کتاب.*", MatchOn::Regex, 1);
        let lines = c.lines(&doc("این کتابها و كتاب و یک دفتر"));
        // كتاب with Arabic kaf folds to کتاب.
        assert_eq!(lines.len(), 2, "{lines:?}");
        // Escapes are not folded: \D (not a digit) stays \D, not \d.
        let c = concordance("\\D+", MatchOn::Regex, 0);
        // (two words and a number: \D+ finds the two, \d+ would find the one).
        assert_eq!(c.lines(&doc("سال و ۱۳۹۶")).len(), 2);
        assert!(Concordance::new(
            "(",
            Normalizer::default(),
            TokenRules::Smart,
            MatchOn::Regex,
            1
        )
        .is_err());
    }
}
