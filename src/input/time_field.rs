//! `--time-field`: each document's date, read from a JSONL field or CSV column, or
//! from the file's path, in the calendar and order the options give, as documents
//! are read. A document without a usable date is counted as a `no_date` problem and
//! read as any other: it is left out of the trends only.

use serde::{Deserialize, Serialize};

use super::{InputOptions, Problem, ProblemKind};
use crate::dates::{parse_date, Calendar, DateOrder, Day};

/// Where a document's date is read from (`--time-field`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeField {
    /// A JSONL field or CSV/TSV column (`--time-field NAME`, or `field:NAME` for a
    /// field named `path`).
    Field(String),
    /// The file's path relative to its input root (`--time-field path`): the first
    /// date written in it, as a file name (`2024-03-05-budget.txt`,
    /// `news_20240305.txt`) or as folders (`2024/03/05/budget.txt`).
    Path,
}

impl TimeField {
    /// Parses `path`, `field:NAME` or `NAME`.
    pub fn parse(text: &str) -> Result<TimeField, String> {
        if text == "path" {
            return Ok(TimeField::Path);
        }
        let name = text.strip_prefix("field:").unwrap_or(text);
        if name.is_empty() {
            return Err("--time-field needs a field or column name, or path".into());
        }
        Ok(TimeField::Field(name.to_string()))
    }
}

/// How documents' dates are read from a field or column (`--time-field NAME`),
/// held by each reader of fields.
#[derive(Debug, Clone)]
pub(super) struct Dating {
    /// The field or column.
    pub field: String,
    calendar: Calendar,
    order: DateOrder,
}

impl Dating {
    /// The dating of `options`, under `--time-field NAME`.
    pub(super) fn of(options: &InputOptions) -> Option<Dating> {
        match &options.time_field {
            Some(TimeField::Field(name)) => Some(Dating {
                field: name.clone(),
                calendar: options.calendar,
                order: options.date_format,
            }),
            _ => None,
        }
    }

    /// The date of a document whose date field holds `value` (`None`: no such
    /// field, or not a string or number), or why it has none.
    fn date_of(&self, value: Option<&str>) -> Result<Day, String> {
        let field = &self.field;
        match value {
            None => Err(format!("no date field \"{field}\"")),
            Some(text) if text.trim().is_empty() => Err(format!("date field \"{field}\" is empty")),
            Some(text) => parse_date(text, self.calendar, self.order)
                .map_err(|e| format!("date field \"{field}\": {e}")),
        }
    }

    /// A document's date from its field's `value`, or `None` with a `no_date`
    /// problem made by `problem` pushed on `pending`.
    pub(super) fn date(
        &self,
        value: Option<&str>,
        problem: impl FnOnce(ProblemKind, String) -> Problem,
        pending: &mut Vec<Problem>,
    ) -> Option<Day> {
        match self.date_of(value) {
            Ok(day) => Some(day),
            Err(message) => {
                pending.push(problem(ProblemKind::NoDate, message));
                None
            }
        }
    }
}

/// The first date written in `path` (`/`-separated, relative to its input root):
/// eight digits `20240305`, or a year, month and day separated by `-`, `_`, `.` or
/// `/` (`2024-03-05`, `2024_03_05`, `2024/03/05`), read as `calendar` gives; the
/// digits must not run on into more digits. `None` when it holds none.
pub fn date_in_path(path: &str, calendar: Calendar) -> Option<Day> {
    let bytes = path.as_bytes();
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let number = |from: usize, len: usize| -> Option<u32> {
        (from..from + len).all(digit).then_some(())?;
        path.get(from..from + len)?.parse().ok()
    };
    for start in 0..bytes.len() {
        if !digit(start) || (start > 0 && digit(start - 1)) {
            continue;
        }
        let (year, month, day, end) = if let (Some(year), Some(month), Some(day)) =
            (number(start, 4), number(start + 5, 2), number(start + 8, 2))
        {
            let separator = bytes[start + 4];
            if !matches!(separator, b'-' | b'_' | b'.' | b'/') || bytes[start + 7] != separator {
                continue;
            }
            (year, month, day, start + 10)
        } else if let (Some(year), Some(month), Some(day)) =
            (number(start, 4), number(start + 4, 2), number(start + 6, 2))
        {
            (year, month, day, start + 8)
        } else {
            continue;
        };
        if digit(end) {
            continue;
        }
        let (Ok(year), Ok(month), Ok(day)) =
            (i32::try_from(year), u8::try_from(month), u8::try_from(day))
        else {
            continue;
        };
        if let Some(found) = calendar.to_gregorian(year, month, day) {
            return Some(found);
        }
    }
    None
}

/// The `no_date` problem of a file whose documents get no date from it: its path
/// holds none (`--time-field path`), or it is text, which has no fields.
pub(super) fn file_without_date(source: &str, options: &InputOptions) -> Problem {
    let message = match &options.time_field {
        Some(TimeField::Field(name)) => format!(
            "a text file has no field \"{name}\": its documents have no date (--time-field path reads dates from file names)"
        ),
        _ => "its path holds no date (such as 2024-03-05 or 20240305): its documents have no date".to_string(),
    };
    Problem {
        source: source.to_string(),
        line: None,
        kind: ProblemKind::NoDate,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u8, day: u8) -> Option<Day> {
        Day::from_iso(&format!("{year:04}-{month:02}-{day:02}"))
    }

    /// Dates in file names and folders; digits that run on are no date; the first
    /// real day wins.
    #[test]
    fn dates_are_found_in_paths() {
        let g = Calendar::Gregorian;
        assert_eq!(date_in_path("2024-03-05-budget.txt", g), day(2024, 3, 5));
        assert_eq!(date_in_path("news/news_20240305.txt", g), day(2024, 3, 5));
        assert_eq!(date_in_path("2024/03/05/a.txt", g), day(2024, 3, 5));
        assert_eq!(date_in_path("x/2024_03_05.jsonl", g), day(2024, 3, 5));
        assert_eq!(date_in_path("id-1202403051.txt", g), None);
        assert_eq!(date_in_path("2024-03-5.txt", g), None);
        assert_eq!(
            date_in_path("2024-13-05/2023-01-02.txt", g),
            day(2023, 1, 2)
        );
        assert_eq!(date_in_path("2024-03/05.txt", g), None);
        assert_eq!(date_in_path("a.txt", g), None);
        assert_eq!(
            date_in_path("1403-01-01.txt", Calendar::Persian),
            day(2024, 3, 20)
        );
    }

    #[test]
    fn time_fields_parse() {
        assert_eq!(TimeField::parse("path"), Ok(TimeField::Path));
        assert_eq!(
            TimeField::parse("field:path"),
            Ok(TimeField::Field("path".into()))
        );
        assert_eq!(
            TimeField::parse("published"),
            Ok(TimeField::Field("published".into()))
        );
        assert!(TimeField::parse("field:").is_err());
    }
}
