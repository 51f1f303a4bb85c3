//! `--group-by`: which group each document belongs to (by folder, file pattern,
//! JSONL field or language), decided as documents are read.

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::InputFile;

/// How documents are put into groups for `groups.csv` and keyness. Default: no groups.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
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
    /// The group of the first pattern that matches the file's path (see [`FileRules`]).
    File(FileRules),
    /// The path on the command line the document was found under (`corpstat compare`).
    Input,
}

/// The group of documents that no rule places (under `field:NAME`, those without
/// the field).
pub const NO_GROUP: &str = "(none)";

/// Under `field:NAME`, the group of documents whose field is the empty string:
/// kept apart from [`NO_GROUP`], since an empty value and no value are two facts.
pub const EMPTY_GROUP: &str = "(empty)";

/// The group of a document whose field `field` holds `value` (`None`: no such
/// field, or not a string or number), and the problem to report when the value
/// is itself one of the names above: that document then shares a group with
/// documents that lack the field or hold it empty, and the run says so (a
/// `group_name` problem) instead of merging them silently.
pub(super) fn field_group(field: &str, value: Option<String>) -> (String, Option<String>) {
    match value {
        None => (NO_GROUP.to_string(), None),
        Some(value) if value.is_empty() => (EMPTY_GROUP.to_string(), None),
        Some(value) if value == NO_GROUP || value == EMPTY_GROUP => {
            let whose = if value == NO_GROUP {
                "without the field"
            } else {
                "whose field is empty"
            };
            let message = format!(
                "field \"{field}\" holds \"{value}\", corpstat's name for the group of documents {whose}: this document is counted in that group with them; rename the value to keep it apart"
            );
            (value, Some(message))
        }
        Some(value) => (value, None),
    }
}

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
            return FileRules::new(rules?).map(GroupBy::File);
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
            GroupBy::File(rules) => Some(
                rules
                    .group_of(&file.id, &file.path.to_string_lossy())
                    .unwrap_or(NO_GROUP)
                    .to_string(),
            ),
            GroupBy::Input => Some(file.root.clone()),
            GroupBy::None | GroupBy::Field(_) | GroupBy::Lang => None,
        }
    }
}

/// `--group-by file:` rules: glob patterns with their groups, in order, compiled
/// once into one [`GlobSet`]. The syntax is globset's, with `/` kept literal: `*`
/// and `?` match within a folder, `**` as a whole path component (`**/`, `/**/`,
/// `/**`) matches across folders, and `[ab]` is a class (`,` separates the rules,
/// so `{a,b}` alternatives cannot be written). A pattern is matched against the path relative to its input
/// root and against the path as found; the first rule that matches wins.
#[derive(Debug, Clone)]
pub struct FileRules {
    rules: Vec<(String, String)>,
    set: GlobSet,
}

impl FileRules {
    /// Compiles `(pattern, group)` rules; an invalid pattern is an error that names it.
    pub fn new(rules: Vec<(String, String)>) -> Result<Self, String> {
        let mut set = GlobSetBuilder::new();
        for (pattern, _) in &rules {
            let glob = GlobBuilder::new(pattern)
                .literal_separator(true)
                .backslash_escape(true)
                .build()
                .map_err(|e| format!("\"{pattern}\" is not a valid pattern: {e}"))?;
            set.add(glob);
        }
        let set = set.build().map_err(|e| e.to_string())?;
        Ok(FileRules { rules, set })
    }

    /// The group of the first rule whose pattern matches `id` or `path`.
    pub fn group_of(&self, id: &str, path: &str) -> Option<&str> {
        let first = |text: &str| self.set.matches(text).into_iter().min();
        let rule = match (first(id), first(path)) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => return None,
        };
        Some(self.rules[rule].1.as_str())
    }
}

impl PartialEq for FileRules {
    fn eq(&self, other: &Self) -> bool {
        self.rules == other.rules
    }
}

impl Eq for FileRules {}

/// Serialized as the rules, `[pattern, group]` pairs, as `summary.json` lists them.
impl Serialize for FileRules {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.rules.serialize(serializer)
    }
}

/// Read back from the rules as `summary.json` lists them, compiled again.
impl<'de> Deserialize<'de> for FileRules {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let rules = Vec::<(String, String)>::deserialize(deserializer)?;
        FileRules::new(rules).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(spec: &str, id: &str) -> Option<String> {
        match GroupBy::parse(spec) {
            Ok(GroupBy::File(rules)) => rules.group_of(id, id).map(str::to_string),
            other => panic!("{other:?}"),
        }
    }

    /// `*` and `?` stay within a folder, `**/` crosses folders, and the first
    /// rule that matches wins.
    #[test]
    fn file_rules() {
        assert_eq!(group("file:*.txt=t", "a.txt").as_deref(), Some("t"));
        assert_eq!(group("file:*.txt=t", "news/a.txt"), None);
        assert_eq!(group("file:**/*.txt=t", "news/a.txt").as_deref(), Some("t"));
        assert_eq!(group("file:**/*.txt=t", "a.txt").as_deref(), Some("t"));
        assert_eq!(group("file:news/*=n", "news/a.txt").as_deref(), Some("n"));
        assert_eq!(group("file:00?_*=x", "001_b745.txt").as_deref(), Some("x"));
        assert_eq!(group("file:00?_*=x", "0010_b745.txt"), None);
        assert_eq!(group("file:a/**/b=x", "a/x/y/b").as_deref(), Some("x"));
        assert_eq!(group("file:a/*/b=x", "a/x/y/b"), None);
        assert_eq!(
            group("file:[fu][ar]/*=rtl", "ur/1.txt").as_deref(),
            Some("rtl")
        );
        assert_eq!(
            group("file:001_*=fa,*=ar", "001_b.txt").as_deref(),
            Some("fa")
        );
        assert_eq!(
            group("file:*=ar,001_*=fa", "001_b.txt").as_deref(),
            Some("ar")
        );
        assert_eq!(
            GroupBy::parse("file:001_*=fa,*=ar"),
            Ok(GroupBy::File(
                FileRules::new(vec![
                    ("001_*".into(), "fa".into()),
                    ("*".into(), "ar".into())
                ])
                .unwrap()
            ))
        );
        assert!(GroupBy::parse("file:x").is_err() && GroupBy::parse("colour").is_err());
        assert!(GroupBy::parse("file:a[=x")
            .unwrap_err()
            .contains("\"a[\" is not a valid pattern"));
    }

    /// A pattern of many stars against a long path is quick (globset compiles to
    /// a regex automaton, which does not backtrack).
    #[test]
    fn many_stars_do_not_backtrack_exponentially() {
        let pattern = format!("file:{}b=x", "*a".repeat(30));
        let text = "a".repeat(2000);
        assert_eq!(group(&pattern, &text), None);
        assert_eq!(group(&pattern, &format!("{text}b")).as_deref(), Some("x"));
    }
}
