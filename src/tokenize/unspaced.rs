//! Words of the scripts written without spaces between them: Han (Chinese, and
//! Japanese with its kana), Thai, Lao, Khmer and Myanmar. UAX #29 leaves these one
//! character (or letter cluster) at a time; ICU4X's dictionary segmenter
//! (`icu_segmenter`, its compiled data in the binary, Unicode-3.0 licence) splits
//! them into words: 我们今天去北京大学学习中文 is 我们 今天 去 北京 大学 学习 中文.
//!
//! Only runs of those scripts reach it, so text in every other script keeps the
//! UAX #29 words, byte for byte. The dictionary mode is chosen over ICU4X's LSTM
//! models for Thai, Lao, Khmer and Burmese: measured by the issue, the dictionary
//! splits Thai at 49 MB/s and the models at 0.4 MB/s, too slow for a corpus.

use std::sync::LazyLock;

use icu_segmenter::options::WordBreakInvariantOptions;
use icu_segmenter::{WordSegmenter, WordSegmenterBorrowed};

use super::words::push_segment;
use super::Token;

/// How the scripts written without spaces are split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unspaced {
    /// Into words, by the dictionary.
    Words,
    /// As UAX #29 splits them: characters and letter clusters.
    Characters,
}

/// The dictionary segmenter, made once (its data is compiled in: nothing is read).
static SEGMENTER: LazyLock<WordSegmenterBorrowed<'static>> =
    LazyLock::new(|| WordSegmenter::new_dictionary(WordBreakInvariantOptions::default()));

/// Whether `c` is of a script written without spaces: Han (with its iteration and
/// closing marks 々 〆 〇), hiragana, katakana (with the prolonged sound mark ー and
/// the halfwidth forms), Thai, Lao, Khmer or Myanmar, marks included.
pub(super) fn is_unspaced(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0EFF}'     // Thai, Lao
        | '\u{1000}'..='\u{109F}'   // Myanmar
        | '\u{1780}'..='\u{17FF}'   // Khmer
        | '\u{19E0}'..='\u{19FF}'   // Khmer symbols
        | '\u{3005}'..='\u{3007}'   // 々 〆 〇
        | '\u{3041}'..='\u{309F}'   // hiragana
        | '\u{30A0}'..='\u{30FF}'   // katakana
        | '\u{31F0}'..='\u{31FF}'   // katakana phonetic extensions
        | '\u{3400}'..='\u{4DBF}'   // Han extension A
        | '\u{4E00}'..='\u{9FFF}'   // Han
        | '\u{A9E0}'..='\u{A9FF}'   // Myanmar extended B
        | '\u{AA60}'..='\u{AA7F}'   // Myanmar extended A
        | '\u{F900}'..='\u{FAFF}'   // Han compatibility
        | '\u{FF66}'..='\u{FF9F}'   // halfwidth katakana
        | '\u{20000}'..='\u{3134F}' // Han extensions B to G
    )
}

/// Pushes the words of the UAX #29 segments of a region (`segments`: each with its
/// byte offset in `text`), as [`push_segment`] does, except that with
/// [`Unspaced::Words`] each run of adjacent segments written in scripts without
/// spaces is split again by the dictionary.
pub(super) fn push_segments<'a>(
    text: &'a str,
    segments: impl Iterator<Item = (usize, &'a str)>,
    unspaced: Unspaced,
    tokens: &mut Vec<Token<'a>>,
) {
    if unspaced == Unspaced::Characters {
        for (start, segment) in segments {
            push_segment(segment, start, tokens);
        }
        return;
    }
    let mut run: Option<(usize, usize)> = None;
    for (start, segment) in segments {
        if segment.chars().all(is_unspaced) {
            match &mut run {
                Some((_, end)) if *end == start => *end = start + segment.len(),
                _ => {
                    push_run(text, run.take(), tokens);
                    run = Some((start, start + segment.len()));
                }
            }
            continue;
        }
        push_run(text, run.take(), tokens);
        push_segment(segment, start, tokens);
    }
    push_run(text, run, tokens);
}

/// Pushes the dictionary's words of `text[run]`, when there is a run.
fn push_run<'a>(text: &'a str, run: Option<(usize, usize)>, tokens: &mut Vec<Token<'a>>) {
    let Some((start, end)) = run else {
        return;
    };
    let run = &text[start..end];
    let mut from = 0;
    for to in SEGMENTER.segment_str(run).skip(1) {
        push_segment(&run[from..to], start + from, tokens);
        from = to;
    }
}
