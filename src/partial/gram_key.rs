//! The text key of an n-gram in `ngrams.parquet`: its terms joined by one space.
//!
//! A term holds no white space (the tokenizer cuts it away, and no fold step adds
//! any), but the format must hold any term the report can count, so a term is
//! escaped where it would be ambiguous: a backslash as `\\`, a white-space
//! character as `\u{HEX}`. A term without either, which is every term of real
//! text, is written as it is, so a SQL reduce groups the same keys as before.

use std::borrow::Cow;
use std::fmt::Write;

/// Appends `term` to `key`, escaped.
pub(crate) fn push_term(key: &mut String, term: &str) {
    if !term.contains(|c: char| c == '\\' || c.is_whitespace()) {
        key.push_str(term);
        return;
    }
    for c in term.chars() {
        match c {
            '\\' => key.push_str("\\\\"),
            c if c.is_whitespace() => {
                let _ = write!(key, "\\u{{{:X}}}", u32::from(c));
            }
            c => key.push(c),
        }
    }
}

/// The terms of a key [`push_term`] wrote, unescaped; `None` for an escape that
/// [`push_term`] cannot have written.
pub(crate) fn terms(key: &str) -> impl Iterator<Item = Option<Cow<'_, str>>> {
    key.split(' ').map(unescaped)
}

fn unescaped(term: &str) -> Option<Cow<'_, str>> {
    if !term.contains('\\') {
        return Some(Cow::Borrowed(term));
    }
    let mut out = String::with_capacity(term.len());
    let mut rest = term;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        rest = &rest[at + 1..];
        if let Some(after) = rest.strip_prefix('\\') {
            out.push('\\');
            rest = after;
        } else {
            let hex_and_rest = rest.strip_prefix("u{")?;
            let close = hex_and_rest.find('}')?;
            let c = char::from_u32(u32::from_str_radix(&hex_and_rest[..close], 16).ok()?)?;
            out.push(c);
            rest = &hex_and_rest[close + 1..];
        }
    }
    out.push_str(rest);
    Some(Cow::Owned(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(parts: &[&str]) {
        let mut key = String::new();
        for (i, term) in parts.iter().enumerate() {
            if i > 0 {
                key.push(' ');
            }
            push_term(&mut key, term);
        }
        let back: Vec<String> = terms(&key)
            .map(|t| t.expect("a key push_term wrote").into_owned())
            .collect();
        assert_eq!(back, parts, "{key:?}");
    }

    #[test]
    fn terms_of_real_text_are_written_as_they_are() {
        let mut key = String::new();
        push_term(&mut key, "می‌شود");
        key.push(' ');
        push_term(&mut key, "\u{0611}");
        assert_eq!(key, "می‌شود \u{0611}");
        round_trip(&["می‌شود", "\u{0611}"]);
    }

    #[test]
    fn white_space_and_backslashes_survive_the_key() {
        let mut key = String::new();
        push_term(&mut key, " \u{0611}");
        assert_eq!(key, "\\u{20}\u{0611}");
        round_trip(&[" \u{0611}", "a\\b", "\\u{20}", "x\u{00A0}\ny", "\\"]);
    }

    #[test]
    fn escapes_no_writer_makes_are_refused() {
        assert!(terms("a\\x").any(|t| t.is_none()));
        assert!(terms("a\\u{110000}").any(|t| t.is_none()));
        assert!(terms("a\\u{20").any(|t| t.is_none()));
    }
}
