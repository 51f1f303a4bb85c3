//! `--group-by`: which group each document belongs to (by folder, file pattern,
//! JSONL field or language), decided as documents are read.

use serde::Serialize;

use super::InputFile;

/// How documents are put into groups for `groups.csv` and keyness. Default: no groups.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupBy {
    /// No groups.
    #[default]
    None,
    /// The first folder level under the input root (`.` for files at the root).
    Dir,
    /// A JSONL field or CSV/TSV column.
    Field(String),
    /// The document's dominant language (decided after counting).
    Lang,
    /// The first glob pattern that matches the file's path: (pattern, group).
    /// `*` matches within a folder, `**` across folders, `?` one character.
    File(Vec<(String, String)>),
    /// The path on the command line the document was found under (`corpstat compare`).
    Input,
}

/// The group of documents that no rule places.
pub const NO_GROUP: &str = "(none)";

impl GroupBy {
    /// Parses `dir`, `lang`, `field:NAME` or `file:PATTERN=GROUP,PATTERN=GROUP`.
    pub fn parse(text: &str) -> Result<GroupBy, String> {
        match text {
            "dir" => return Ok(GroupBy::Dir),
            "lang" => return Ok(GroupBy::Lang),
            _ => {}
        }
        if let Some(name) = text.strip_prefix("field:") {
            if name.is_empty() {
                return Err("field: needs a field or column name".into());
            }
            return Ok(GroupBy::Field(name.to_string()));
        }
        if let Some(rules) = text.strip_prefix("file:") {
            let rules: Result<Vec<(String, String)>, String> = rules
                .split(',')
                .map(|rule| match rule.split_once('=') {
                    Some((pattern, group)) if !pattern.is_empty() && !group.is_empty() => {
                        Ok((pattern.to_string(), group.to_string()))
                    }
                    _ => Err(format!("\"{rule}\" is not PATTERN=GROUP")),
                })
                .collect();
            return rules.map(GroupBy::File);
        }
        Err(format!(
            "unknown grouping \"{text}\": use dir, lang, field:NAME or file:PATTERN=GROUP,..."
        ))
    }

    /// The group of a file's documents, for the rules that depend on the file alone.
    pub(super) fn of_file(&self, file: &InputFile) -> Option<String> {
        match self {
            GroupBy::Dir => Some(match file.id.split_once('/') {
                Some((first, _)) => first.to_string(),
                None => ".".to_string(),
            }),
            GroupBy::File(rules) => {
                let path = file.path.to_string_lossy();
                Some(
                    rules
                        .iter()
                        .find(|(pattern, _)| {
                            glob_match(pattern, &file.id) || glob_match(pattern, &path)
                        })
                        .map_or(NO_GROUP.to_string(), |(_, group)| group.clone()),
                )
            }
            GroupBy::Input => Some(file.root.clone()),
            GroupBy::None | GroupBy::Field(_) | GroupBy::Lang => None,
        }
    }
}

/// Glob matching: `**` matches anything, `*` anything but `/`, `?` one character but `/`.
///
/// Decided by dynamic programming over (pattern position, text position), so a
/// pattern of many stars costs the product of the two lengths, never more.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (m, n) = (p.len(), t.len());
    // rest[i][j]: whether p[i..] matches t[j..], filled from the ends.
    let mut rest = vec![vec![false; n + 1]; m + 1];
    rest[m][n] = true;
    for i in (0..m).rev() {
        for j in (0..=n).rev() {
            let next = t.get(j).copied();
            rest[i][j] = match p[i] {
                '*' if p.get(i + 1) == Some(&'*') => {
                    rest[i + 2][j] || (next.is_some() && rest[i][j + 1])
                }
                '*' => rest[i + 1][j] || (next.is_some_and(|c| c != '/') && rest[i][j + 1]),
                '?' => next.is_some_and(|c| c != '/') && rest[i + 1][j + 1],
                c => next == Some(c) && rest[i + 1][j + 1],
            };
        }
    }
    rest[0][0]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob_match("*.txt", "a.txt"));
        assert!(!glob_match("*.txt", "news/a.txt"));
        assert!(glob_match("**.txt", "news/a.txt"));
        assert!(glob_match("news/*", "news/a.txt"));
        assert!(glob_match("00?_*", "001_b745.txt"));
        assert!(!glob_match("00?_*", "0010_b745.txt"));
        assert_eq!(
            GroupBy::parse("file:001_*=fa,*=ar"),
            Ok(GroupBy::File(vec![
                ("001_*".into(), "fa".into()),
                ("*".into(), "ar".into())
            ]))
        );
        assert!(GroupBy::parse("file:x").is_err() && GroupBy::parse("colour").is_err());
        assert!(glob_match("a/**/b", "a/x/y/b") && !glob_match("a/*/b", "a/x/y/b"));
        assert!(glob_match("*", "") && !glob_match("?", "") && glob_match("**", "a/b"));
    }
    /// A pattern of many stars against a long path: once exponential in the stars.
    #[test]
    fn many_stars_do_not_backtrack_exponentially() {
        let pattern = format!("{}b", "*a".repeat(30));
        let text = "a".repeat(2000);
        assert!(!glob_match(&pattern, &text));
        let pattern = format!("{}b", "**a".repeat(30));
        assert!(!glob_match(&pattern, &text));
        assert!(glob_match(&pattern, &format!("{text}b")));
    }
}
