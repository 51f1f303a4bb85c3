//! Dates of documents, for trends over time (issue 37): a document's date field read
//! in ISO 8601 and the common forms, in the Gregorian, Solar Hijri (Persian) or Hijri
//! calendar, as a Gregorian day, and the period (year, quarter, month, ISO week, day)
//! it falls in.
//!
//! The calendars are ICU4X's (`icu_calendar`, the same project as the word segmenter):
//! Solar Hijri as Iran's calendar (1 Farvardin 1403 = 20 March 2024), Hijri as Saudi
//! Arabia's Umm al-Qura calendar (1 Ramadan 1445 = 11 March 2024), which Arabic news
//! dates follow; a tabular Hijri calendar would be a day or two off for some months.
//!
//! A timestamp's date is the date as written, in the offset it was written with
//! (`2024-03-05T23:30:00-05:00` is 5 March): the day its writer lived, not UTC's.

mod period;

pub use period::Period;

use std::borrow::Cow;

use icu_calendar::cal::Hijri;
use icu_calendar::{Date, Iso};

use crate::normalize::{CharMap, DIGITS};

/// A day of the Gregorian calendar: made only from a real day (by [`parse_date`],
/// [`Day::from_iso`] or [`Calendar::to_gregorian`]), so that ICU4X takes it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    /// The year (proleptic Gregorian; astronomical numbering).
    year: i32,
    /// The month, 1 to 12.
    month: u8,
    /// The day of the month, 1 to 31.
    day: u8,
}

impl Day {
    /// The day as ICU4X's ISO date, for its day numbers and ISO weeks.
    fn iso(self) -> Date<Iso> {
        Date::try_new_iso(self.year, self.month, self.day)
            .expect("a Day is made only from a day of the calendar")
    }

    /// The day written as `YYYY-MM-DD` (as [`Day`] displays), or `None`: how a
    /// partial stores a document's date.
    pub fn from_iso(text: &str) -> Option<Day> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        parse_date(text, Calendar::Gregorian, DateOrder::Ymd).ok()
    }
}

impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The calendar a date field is written in (`--calendar`).
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Calendar {
    /// Gregorian (ISO 8601).
    #[default]
    Gregorian,
    /// Solar Hijri, Iran's and Afghanistan's calendar (`1403-01-15`).
    Persian,
    /// Hijri, as Saudi Arabia's Umm al-Qura calendar (`1445-09-01`).
    Hijri,
}

/// The order of a date's numbers when they are separated by `/` or `.` (`--date-format`):
/// `05/03/2024` is 5 March in day-month-year, 3 May in month-day-year. Dates that
/// start with a four-digit year are read year-month-day whatever this says.
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateOrder {
    /// Year, month, day only: `05/03/2024` is not a date.
    #[default]
    Ymd,
    /// Day, month, year (most of the world).
    Dmy,
    /// Month, day, year (the United States).
    Mdy,
}

impl DateOrder {
    /// Whether this is the default, year first only (left out of `summary.json`).
    pub fn is_ymd(&self) -> bool {
        *self == DateOrder::Ymd
    }
}

/// Why a date field is not a usable date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not in a form corpstat reads.
    #[error("{0:?} is not a date corpstat reads (2024-03-05, 2024-03-05T10:00:00Z, or 05/03/2024 with --date-format)")]
    Unreadable(String),
    /// In a form corpstat reads, but no such day (`2024-02-30`).
    #[error("{0:?} is no day of the {1} calendar")]
    NoSuchDay(String, &'static str),
}

impl Calendar {
    /// Whether this is the default, Gregorian (left out of `summary.json`).
    pub fn is_gregorian(&self) -> bool {
        *self == Calendar::Gregorian
    }

    fn name(self) -> &'static str {
        match self {
            Calendar::Gregorian => "Gregorian",
            Calendar::Persian => "Solar Hijri",
            Calendar::Hijri => "Hijri (Umm al-Qura)",
        }
    }

    /// The Gregorian day of `year-month-day` in this calendar, or `None` when there
    /// is no such day.
    pub fn to_gregorian(self, year: i32, month: u8, day: u8) -> Option<Day> {
        let iso: Date<Iso> = match self {
            Calendar::Gregorian => Date::try_new_iso(year, month, day).ok()?,
            Calendar::Persian => Date::try_new_persian(year, month, day)
                .ok()?
                .to_calendar(Iso),
            Calendar::Hijri => {
                Date::try_new_hijri_with_calendar(year, month, day, Hijri::new_umm_al_qura())
                    .ok()?
                    .to_calendar(Iso)
            }
        };
        Some(Day {
            year: iso.year().extended_year(),
            month: iso.month().ordinal,
            day: iso.day_of_month().0,
        })
    }
}

/// Reads a date field written in `calendar`, its numbers in `order` when it does not
/// start with a year: `2024-03-05`, `2024-03-05T10:00:00Z` (any time and offset after
/// the date), `2024/03/05`, `20240305`, and with `--date-format dmy` or `mdy`
/// `05/03/2024`, `05.03.2024`, `5-3-2024`. Surrounding spaces are ignored.
pub fn parse_date(field: &str, calendar: Calendar, order: DateOrder) -> Result<Day, DateError> {
    // Persian (۰–۹) and Arabic-Indic (٠–٩) digits, as Persian and Arabic sources write
    // their dates: the normalizer's `digits` step.
    let text = CharMap::step(DIGITS).apply(Cow::Borrowed(field.trim()));
    let unreadable = || DateError::Unreadable(field.to_string());
    // The date part: up to a `T` or a space that starts a time.
    let date = text.split(['T', ' ']).next().unwrap_or_default();
    let numbers: Vec<&str> = if date.len() == 8 && date.bytes().all(|b| b.is_ascii_digit()) {
        vec![&date[..4], &date[4..6], &date[6..]]
    } else {
        date.split(['-', '/', '.']).collect()
    };
    if numbers.len() != 3 || numbers.iter().any(|n| n.is_empty() || n.len() > 4) {
        return Err(unreadable());
    }
    if !numbers
        .iter()
        .all(|n| n.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(unreadable());
    }
    let (year, month, day) = if numbers[0].len() == 4 {
        (numbers[0], numbers[1], numbers[2])
    } else if numbers[2].len() == 4 {
        match order {
            DateOrder::Dmy => (numbers[2], numbers[1], numbers[0]),
            DateOrder::Mdy => (numbers[2], numbers[0], numbers[1]),
            DateOrder::Ymd => return Err(unreadable()),
        }
    } else {
        return Err(unreadable());
    };
    if month.len() > 2 || day.len() > 2 {
        return Err(unreadable());
    }
    let (Ok(year), Ok(month), Ok(day)) = (year.parse(), month.parse(), day.parse()) else {
        return Err(unreadable());
    };
    calendar
        .to_gregorian(year, month, day)
        .ok_or_else(|| DateError::NoSuchDay(field.to_string(), calendar.name()))
}

#[cfg(test)]
mod tests;
