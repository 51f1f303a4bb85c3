//! A user's word list (`--stopwords FILE`, `--ignore FILE`): one word per line,
//! read once, recorded in `summary.json` with its file name, the SHA-256 of its
//! bytes and its words, and folded where it is used, like the terms it is
//! matched against.

use std::path::Path;

use serde::{Deserialize, Serialize};

/// A word list read from a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordList {
    /// The file, as it was given.
    pub file: String,
    /// The SHA-256 of the file's bytes, in hex: what tells two runs' lists apart,
    /// wherever the file lives.
    pub sha256: String,
    /// The words as written, in file order, each once: recorded with the options,
    /// so that a partial's manifest carries them to the merge and `summary.json`
    /// says what was left out.
    pub words: Vec<String>,
}

impl WordList {
    /// Reads `path`. The error names the file and the problem.
    pub fn read(path: &Path) -> Result<WordList, String> {
        let bytes = std::fs::read(path)
            .map_err(|e| format!("{}: cannot read the word list: {e}", path.display()))?;
        WordList::parse(&path.display().to_string(), &bytes)
    }

    /// A list from a file's bytes: UTF-8 (a byte-order mark is allowed), one word
    /// per line, blank lines skipped, spaces around a word trimmed. A line of two
    /// words is refused rather than silently matching nothing, since terms are
    /// single tokens.
    pub fn parse(file: &str, bytes: &[u8]) -> Result<WordList, String> {
        use sha2::{Digest, Sha256};
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            format!("{file}: line {line} is not UTF-8: give the word list as UTF-8 text")
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut entries: Vec<String> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (number, line) in text.lines().enumerate() {
            let word = line.trim();
            if word.is_empty() {
                continue;
            }
            if word.split_whitespace().nth(1).is_some() {
                return Err(format!(
                    "{file}: line {}: {word:?} is more than one word; give one word per line",
                    number + 1
                ));
            }
            if seen.insert(word) {
                entries.push(word.to_string());
            }
        }
        Ok(WordList {
            file: file.to_string(),
            sha256: format!("{:x}", Sha256::digest(bytes)),
            words: entries,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_is_one_word_per_line_blank_lines_and_repeats_skipped() {
        let list = WordList::parse("w.txt", "\u{feff}the\n\n  و  \r\nthe\nRead\n".as_bytes())
            .expect("a list");
        assert_eq!(list.words, ["the", "و", "Read"]);
        // The hash is of the bytes as stored, BOM included.
        assert_eq!(list.sha256.len(), 64);
        let again = WordList::parse(
            "elsewhere/w.txt",
            "\u{feff}the\n\n  و  \r\nthe\nRead\n".as_bytes(),
        )
        .expect("a list");
        assert_eq!(again.sha256, list.sha256);
    }

    #[test]
    fn a_line_of_two_words_or_bytes_not_utf8_are_refused_with_the_line() {
        let two = WordList::parse("w.txt", b"one\nread more\n").expect_err("refused");
        assert_eq!(
            two,
            "w.txt: line 2: \"read more\" is more than one word; give one word per line"
        );
        let latin1 = WordList::parse("w.txt", b"one\ncaf\xe9\n").expect_err("refused");
        assert_eq!(
            latin1,
            "w.txt: line 2 is not UTF-8: give the word list as UTF-8 text"
        );
    }
}
