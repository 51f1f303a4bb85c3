//! Which embedded font draws each part of a label: the first of the chain that has
//! a grapheme cluster's characters, with spaces, digits and punctuation kept in the
//! font of the letters beside them, so that a run of one script is shaped as one.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::script::Script;

/// Characters that draw nothing and that shaping hides (joiners, variation
/// selectors, direction marks): a font need not have them.
fn is_default_ignorable(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}'..='\u{1160}' | '\u{17B4}'..='\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}' | '\u{E0000}'..='\u{E0FFF}')
}

/// The characters of a cluster that a font must have to draw it.
fn drawn(cluster: &str) -> impl Iterator<Item = char> + '_ {
    cluster.chars().filter(|&c| !is_default_ignorable(c))
}

/// Which font draws a piece of text: a place in the chain, or none (placeholders).
pub(super) type Choice = Option<usize>;

/// The text cut into pieces of one font each, in logical order: each grapheme cluster
/// takes the first of the `fonts` fonts (in the order they are looked up; `has(font, c)`
/// says whether one has `c`) that has all its characters (else the first that
/// has its first one); a cluster without a letter (a space, a digit, punctuation)
/// takes the font of the letters before it, or else after it, when that font has it,
/// so that a run of one script is shaped as one.
pub(super) fn font_runs(
    fonts: usize,
    has: impl Fn(usize, char) -> bool,
    text: &str,
) -> Vec<(Range<usize>, Choice)> {
    let clusters: Vec<(usize, &str)> = text.grapheme_indices(true).collect();
    let first_with = |cluster: &str| {
        (0..fonts)
            .find(|&font| drawn(cluster).all(|c| has(font, c)))
            .or_else(|| {
                let first = drawn(cluster).next()?;
                (0..fonts).find(|&font| has(font, first))
            })
    };
    let has_letter = |cluster: &str| cluster.chars().any(char::is_alphabetic);
    let mut choices: Vec<Choice> = clusters.iter().map(|&(_, c)| first_with(c)).collect();
    // The font of the nearest letter before each cluster, then after it.
    let mut before: Choice = None;
    let mut near: Vec<[Choice; 2]> = vec![[None, None]; clusters.len()];
    for (i, &(_, cluster)) in clusters.iter().enumerate() {
        near[i][0] = before;
        if has_letter(cluster) {
            before = choices[i];
        }
    }
    let mut after: Choice = None;
    for (i, &(_, cluster)) in clusters.iter().enumerate().rev() {
        near[i][1] = after;
        if has_letter(cluster) {
            after = choices[i];
        }
    }
    for (i, &(_, cluster)) in clusters.iter().enumerate() {
        if has_letter(cluster) {
            continue;
        }
        let fits = |choice: &Choice| choice.is_some_and(|f| drawn(cluster).all(|c| has(f, c)));
        if let Some(choice) = near[i].iter().find(|choice| fits(choice)) {
            choices[i] = *choice;
        }
    }
    let mut runs: Vec<(Range<usize>, Choice)> = Vec::new();
    for (&(start, cluster), choice) in clusters.iter().zip(choices) {
        let end = start + cluster.len();
        match runs.last_mut() {
            Some((range, last)) if *last == choice => range.end = end,
            _ => runs.push((start..end, choice)),
        }
    }
    runs
}

/// The OpenType language a run of CJK text is shaped in, for the regional forms of
/// its characters: Japanese where it holds kana, Korean where it holds Hangul, else
/// the font's own (simplified Chinese).
pub(super) fn cjk_language(text: &str) -> Option<rustybuzz::Language> {
    let tag = text
        .chars()
        .find_map(|c| match crate::script::char_script(c) {
            Script::Hiragana | Script::Katakana => Some("ja"),
            Script::Hangul => Some("ko"),
            _ => None,
        })?;
    tag.parse().ok()
}
