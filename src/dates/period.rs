//! The period a day falls in (`--period`), as the key that names it in a table and
//! sorts as the periods follow each other.

use super::Day;

/// A length of time documents are counted by.
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Period {
    /// `2024-03-05`.
    Day,
    /// An ISO 8601 week, Monday to Sunday, in its week-based year: `2024-W10`.
    Week,
    /// `2024-03`.
    Month,
    /// `2024-Q1`.
    Quarter,
    /// `2024`.
    Year,
}

impl Period {
    /// From the coarsest to the finest: the order [`Period::coarsest_with`] tries.
    pub const COARSEST_FIRST: [Period; 5] = [
        Period::Year,
        Period::Quarter,
        Period::Month,
        Period::Week,
        Period::Day,
    ];

    /// Its name, as `--period` takes it: `day`, `week`, `month`, `quarter`, `year`.
    pub fn name(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
            Period::Quarter => "quarter",
            Period::Year => "year",
        }
    }

    /// The key of the period `day` falls in.
    pub fn key(self, day: Day) -> String {
        match self {
            Period::Day => day.to_string(),
            Period::Week => {
                let week = day.iso().week_of_year();
                format!("{:04}-W{:02}", week.iso_year, week.week_number)
            }
            Period::Month => format!("{:04}-{:02}", day.year, day.month),
            Period::Quarter => format!("{:04}-Q{}", day.year, (day.month - 1) / 3 + 1),
            Period::Year => format!("{:04}", day.year),
        }
    }

    /// The number of the period `day` falls in, counted along the time line: years
    /// as years, quarters and months from year 0, days as ICU4X's Rata Die (day 1 is
    /// Monday 1 January of year 1) and weeks from that Monday. Two
    /// periods' numbers differ by the periods between them, so a slope over them
    /// is per period.
    pub fn ordinal(self, day: Day) -> i64 {
        let year = i64::from(day.year);
        let month = i64::from(day.month) - 1;
        match self {
            Period::Day => day.iso().to_rata_die().to_i64_date(),
            Period::Week => (day.iso().to_rata_die().to_i64_date() - 1).div_euclid(7),
            Period::Month => year * 12 + month,
            Period::Quarter => year * 4 + month / 3,
            Period::Year => year,
        }
    }

    /// The coarsest period in which `days` fall in at least `periods` different
    /// periods; days when none does (the default: at least 8).
    pub fn coarsest_with(days: &[Day], periods: usize) -> Period {
        Period::COARSEST_FIRST
            .into_iter()
            .find(|&period| {
                let mut ordinals: Vec<i64> = days.iter().map(|&d| period.ordinal(d)).collect();
                ordinals.sort_unstable();
                ordinals.dedup();
                ordinals.len() >= periods
            })
            .unwrap_or(Period::Day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u8, day: u8) -> Day {
        Day { year, month, day }
    }

    #[test]
    fn keys_name_each_period() {
        let d = day(2024, 3, 5);
        assert_eq!(Period::Day.key(d), "2024-03-05");
        assert_eq!(Period::Week.key(d), "2024-W10");
        assert_eq!(Period::Month.key(d), "2024-03");
        assert_eq!(Period::Quarter.key(d), "2024-Q1");
        assert_eq!(Period::Year.key(d), "2024");
        assert_eq!(Period::Quarter.key(day(2024, 12, 31)), "2024-Q4");
    }

    /// ISO weeks at the turn of the year, as ISO 8601 counts them: 1 January 2021 (a
    /// Friday) is in week 53 of 2020; 30 December 2024 (a Monday) in week 1 of 2025;
    /// 4 January is always in week 1.
    #[test]
    fn iso_weeks_at_the_turn_of_the_year() {
        assert_eq!(Period::Week.key(day(2021, 1, 1)), "2020-W53");
        assert_eq!(Period::Week.key(day(2024, 12, 30)), "2025-W01");
        assert_eq!(Period::Week.key(day(2024, 12, 29)), "2024-W52");
        for year in 1990..2040 {
            assert_eq!(Period::Week.key(day(year, 1, 4)), format!("{year:04}-W01"));
        }
    }

    /// Ordinals step by one from a period to the next, across years too.
    #[test]
    fn ordinals_count_periods() {
        let o = |p: Period, d| p.ordinal(d);
        assert_eq!(
            o(Period::Month, day(2025, 1, 9)) - o(Period::Month, day(2024, 12, 31)),
            1
        );
        assert_eq!(
            o(Period::Quarter, day(2025, 1, 1)) - o(Period::Quarter, day(2024, 12, 1)),
            1
        );
        assert_eq!(o(Period::Year, day(2025, 1, 1)), 2025);
        // Sunday 29 December 2024 and Monday 30 December: weeks 2024-W52 and 2025-W01.
        assert_eq!(
            o(Period::Week, day(2024, 12, 30)) - o(Period::Week, day(2024, 12, 29)),
            1
        );
        assert_eq!(
            o(Period::Week, day(2024, 12, 30)),
            o(Period::Week, day(2025, 1, 5))
        );
        assert_eq!(
            o(Period::Day, day(2024, 3, 1)) - o(Period::Day, day(2024, 2, 28)),
            2
        );
    }

    #[test]
    fn the_default_period_is_the_coarsest_with_eight() {
        // Ten months of 2024: not 8 years or quarters, but 10 months.
        let days: Vec<Day> = (1..=10).map(|m| day(2024, m, 15)).collect();
        assert_eq!(Period::coarsest_with(&days, 8), Period::Month);
        // Nine years.
        let years: Vec<Day> = (2010..2019).map(|y| day(y, 6, 1)).collect();
        assert_eq!(Period::coarsest_with(&years, 8), Period::Year);
        // Three days: days.
        let few = [day(2024, 1, 1), day(2024, 1, 2), day(2024, 1, 3)];
        assert_eq!(Period::coarsest_with(&few, 8), Period::Day);
    }
}
