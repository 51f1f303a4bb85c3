//! The spans kept whole before words are split (`--tokens smart`): URLs, e-mail
//! addresses, @mentions and #hashtags, found by hand-written scanners so that a
//! URL inside Arabic text stops at Arabic punctuation.

use std::ops::Range;

use super::TokenKind;

const ZWNJ: char = '\u{200C}';

/// A character that may continue a mention or a hashtag.
fn is_tag_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == ZWNJ || ('\u{064B}'..='\u{065F}').contains(&c)
}

/// A character that ends a URL.
fn ends_url(c: char) -> bool {
    c.is_whitespace() || matches!(c, '"' | '<' | '>' | '«' | '»' | '“' | '”' | '،' | '؛' | '؟')
}

fn is_email_local(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

/// The spans of URLs, e-mail addresses, mentions and hashtags, in order, disjoint.
///
/// Only the bytes that can start a span are visited (`h`, `w`, `@`, `#`, ASCII, so
/// never inside another character's bytes), each with the character before it: most
/// text, and all of Arabic and Persian, is passed over without decoding a character.
pub(super) fn special_spans(text: &str) -> Vec<(Range<usize>, TokenKind)> {
    let mut spans: Vec<(Range<usize>, TokenKind)> = Vec::new();
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(offset) = bytes[from..]
        .iter()
        .position(|b| matches!(b, b'h' | b'H' | b'w' | b'W' | b'@' | b'#'))
    {
        let i = from + offset;
        from = i + 1;
        let previous = text[..i].chars().next_back();
        // The Unicode property lookup is the costly part: only where a span may start.
        let at_boundary = || previous.is_none_or(|p| !p.is_alphanumeric() && p != '_');
        let found = match bytes[i] {
            b'h' | b'H' | b'w' | b'W' if at_boundary() => url_at(text, i),
            b'@' => email_at(text, i, spans.last().map_or(0, |s| s.0.end)).or_else(|| {
                if at_boundary() {
                    tag_at(text, i, TokenKind::Mention)
                } else {
                    None
                }
            }),
            b'#' if at_boundary() && previous != Some('&') => tag_at(text, i, TokenKind::Hashtag),
            _ => None,
        };
        if let Some((span, kind)) = found {
            // An e-mail address starts before its '@': drop a span it swallows.
            while spans.last().is_some_and(|s| s.0.end > span.start) {
                spans.pop();
            }
            from = span.end;
            spans.push((span, kind));
        }
    }
    spans
}

fn url_at(text: &str, start: usize) -> Option<(Range<usize>, TokenKind)> {
    let rest = &text[start..];
    // Compared as bytes: only the first 8 are looked at, whatever follows them.
    let prefix_len = ["https://", "http://", "www."]
        .iter()
        .find(|p| {
            rest.as_bytes()
                .get(..p.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(p.as_bytes()))
        })?
        .len();
    let mut end = start
        + rest
            .char_indices()
            .find(|&(_, c)| ends_url(c))
            .map_or(rest.len(), |(i, _)| i);
    // Trailing punctuation belongs to the sentence, not the address. Trimming never
    // removes a '(', so whether the address holds one is decided once.
    let has_open_paren = text[start..end].contains('(');
    while let Some(last) = text[..end].chars().last() {
        let unbalanced_paren = last == ')' && !has_open_paren;
        if matches!(last, '.' | ',' | ';' | ':' | '!' | '?' | '\'' | ']' | '}') || unbalanced_paren
        {
            end -= last.len_utf8();
        } else {
            break;
        }
    }
    (end > start + prefix_len).then_some((start..end, TokenKind::Url))
}

fn email_at(text: &str, at: usize, not_before: usize) -> Option<(Range<usize>, TokenKind)> {
    let local_start = text[..at]
        .char_indices()
        .rev()
        .take_while(|&(i, c)| i >= not_before && is_email_local(c))
        .last()
        .map(|(i, _)| i)?;
    if text[..local_start]
        .chars()
        .last()
        .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    let after = &text[at + 1..];
    let domain_len = after
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'))
        .map_or(after.len(), |(i, _)| i);
    let domain = after[..domain_len].trim_end_matches(['.', '-']);
    let (name, tld) = domain.rsplit_once('.')?;
    let tld_ok = tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic());
    (tld_ok && !name.is_empty()).then_some((local_start..at + 1 + domain.len(), TokenKind::Email))
}

fn tag_at(text: &str, start: usize, kind: TokenKind) -> Option<(Range<usize>, TokenKind)> {
    let body = &text[start + 1..];
    let len = body
        .char_indices()
        .find(|&(_, c)| !is_tag_char(c))
        .map_or(body.len(), |(i, _)| i);
    let tag = body[..len].trim_end_matches(ZWNJ);
    let has_letter = tag.chars().any(char::is_alphabetic);
    let ok = match kind {
        TokenKind::Hashtag => has_letter,
        _ => !tag.is_empty(),
    };
    ok.then_some((start..start + 1 + tag.len(), kind))
}
