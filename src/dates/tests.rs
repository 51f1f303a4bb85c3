use super::*;

fn gregorian(field: &str) -> Result<Day, DateError> {
    parse_date(field, Calendar::Gregorian, DateOrder::Ymd)
}

fn day(year: i32, month: u8, day: u8) -> Day {
    Day { year, month, day }
}

#[test]
fn iso_dates_and_timestamps() {
    let d = day(2024, 3, 5);
    for field in [
        "2024-03-05",
        " 2024-03-05 ",
        "2024-03-05T10:00:00Z",
        "2024-03-05T23:30:00-05:00",
        "2024-03-05 10:00",
        "2024/03/05",
        "20240305",
        "2024-3-5",
    ] {
        assert_eq!(gregorian(field), Ok(d), "{field}");
    }
}

#[test]
fn day_month_year_with_a_date_format() {
    let dmy = |f| parse_date(f, Calendar::Gregorian, DateOrder::Dmy);
    let mdy = |f| parse_date(f, Calendar::Gregorian, DateOrder::Mdy);
    assert_eq!(dmy("05/03/2024"), Ok(day(2024, 3, 5)));
    assert_eq!(dmy("05.03.2024"), Ok(day(2024, 3, 5)));
    assert_eq!(mdy("05/03/2024"), Ok(day(2024, 5, 3)));
    // A year first is read year-month-day whatever the format says.
    assert_eq!(dmy("2024-03-05"), Ok(day(2024, 3, 5)));
    // Without a format, 05/03/2024 is ambiguous: refused, not guessed.
    assert_eq!(
        gregorian("05/03/2024"),
        Err(DateError::Unreadable("05/03/2024".into()))
    );
}

#[test]
fn bad_dates_are_errors_that_name_the_field() {
    for field in [
        "",
        "yesterday",
        "2024-03",
        "2024-03-05-07",
        "24-03-05",
        "2024-003-05",
    ] {
        assert!(
            matches!(gregorian(field), Err(DateError::Unreadable(_))),
            "{field}"
        );
    }
    let error = gregorian("2024-02-30").unwrap_err();
    assert_eq!(
        error,
        DateError::NoSuchDay("2024-02-30".into(), "Gregorian")
    );
    assert!(error
        .to_string()
        .contains("\"2024-02-30\" is no day of the Gregorian calendar"));
    assert_eq!(gregorian("2024-02-29"), Ok(day(2024, 2, 29)));
    assert!(gregorian("2023-02-29").is_err());
}

/// Known answers of the Solar Hijri calendar: Nowruz 1403 fell on 20 March 2024, 1402
/// on 21 March 2023 and 1404 on 21 March 2025, so 1403 is a leap year (30 Esfand 1403
/// is 20 March 2025) and 1402 is not; 11 Dey 1348 is 1 January 1970 (ICU4X's example).
#[test]
fn solar_hijri_dates() {
    let persian = |f| parse_date(f, Calendar::Persian, DateOrder::Ymd);
    assert_eq!(persian("1403-01-01"), Ok(day(2024, 3, 20)));
    assert_eq!(persian("1403-01-15"), Ok(day(2024, 4, 3)));
    assert_eq!(persian("1402-01-01"), Ok(day(2023, 3, 21)));
    assert_eq!(persian("1348-10-11"), Ok(day(1970, 1, 1)));
    assert_eq!(persian("1403-12-30"), Ok(day(2025, 3, 20)));
    assert_eq!(persian("1404-01-01"), Ok(day(2025, 3, 21)));
    // In Persian digits, as Persian sources write them.
    assert_eq!(persian("۱۴۰۳/۰۱/۰۱"), Ok(day(2024, 3, 20)));
    // 1402 is not a leap year: no 30 Esfand.
    assert!(persian("1402-12-30").is_err());
}

/// Known answers of the Umm al-Qura calendar: 1 Ramadan 1445 was 11 March 2024 and 1
/// Shawwal 1445 (Eid al-Fitr) 10 April 2024, as Saudi Arabia announced them; 1
/// Muharram 1446 was 7 July 2024.
#[test]
fn hijri_dates() {
    let hijri = |f| parse_date(f, Calendar::Hijri, DateOrder::Ymd);
    assert_eq!(hijri("1445-09-01"), Ok(day(2024, 3, 11)));
    assert_eq!(hijri("1445-10-01"), Ok(day(2024, 4, 10)));
    assert_eq!(hijri("1446-01-01"), Ok(day(2024, 7, 7)));
    assert_eq!(hijri("١٤٤٥/٠٩/٠١"), Ok(day(2024, 3, 11)));
    assert!(hijri("1445-13-01").is_err());
}
