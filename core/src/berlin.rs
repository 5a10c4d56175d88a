//! German civil time (Europe/Berlin) and the way dates are written for citizens.
//!
//! Germany follows the EU summer-time rule (since 1996): CEST (+02:00) from the last
//! Sunday of March, 01:00 UTC, to the last Sunday of October, 01:00 UTC; CET (+01:00)
//! otherwise. Computing it here avoids shipping a whole time-zone database to phones.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeZone, Timelike, Utc, Weekday};

const CET: i32 = 3600;
const CEST: i32 = 2 * 3600;

fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    let last = NaiveDate::from_ymd_opt(year, month, 31)?;
    Some(last - chrono::Days::new(u64::from(last.weekday().num_days_from_sunday())))
}

/// The offset in force in Berlin at a UTC instant.
pub fn offset_at(utc: DateTime<Utc>) -> FixedOffset {
    let year = utc.year();
    let switch = |month| {
        last_sunday(year, month)
            .and_then(|d| d.and_hms_opt(1, 0, 0))
            .map(|n| Utc.from_utc_datetime(&n))
    };
    let summer = match (switch(3), switch(10)) {
        (Some(start), Some(end)) => utc >= start && utc < end,
        _ => false,
    };
    let secs = if summer { CEST } else { CET };
    FixedOffset::east_opt(secs).unwrap_or(FixedOffset::east_opt(CET).expect("CET is a valid offset"))
}

/// The same instant shown on a clock in Berlin.
pub fn to_berlin<Tz: TimeZone>(t: &DateTime<Tz>) -> DateTime<FixedOffset> {
    let utc = t.with_timezone(&Utc);
    utc.with_timezone(&offset_at(utc))
}

const WEEKDAYS_DE: [&str; 7] = [
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonntag",
];

/// "Montag"
pub fn weekday_de(day: Weekday) -> &'static str {
    WEEKDAYS_DE[day.num_days_from_monday() as usize]
}

/// "9:12 Uhr" (Berlin time).
pub fn time_de<Tz: TimeZone>(t: &DateTime<Tz>) -> String {
    let b = to_berlin(t);
    format!("{}:{:02} Uhr", b.hour(), b.minute())
}

/// "22.11.2021" (Berlin date).
pub fn date_de<Tz: TimeZone>(t: &DateTime<Tz>) -> String {
    let b = to_berlin(t);
    format!("{:02}.{:02}.{}", b.day(), b.month(), b.year())
}

/// "Montag, 22.11.2021, 9:12 Uhr" (Berlin time).
pub fn date_time_de<Tz: TimeZone>(t: &DateTime<Tz>) -> String {
    let b = to_berlin(t);
    format!("{}, {}, {}", weekday_de(b.weekday()), date_de(&b), time_de(&b))
}

/// The machine-readable form for `<time datetime>`: RFC 3339 in Berlin time.
pub fn datetime_attr<Tz: TimeZone>(t: &DateTime<Tz>) -> String {
    crate::rfc3339::format(&to_berlin(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn summer_time_switches_on_the_last_sundays_at_one_utc() {
        // 2021: 28 March and 31 October.
        assert_eq!(offset_at(utc("2021-03-28T00:59:59Z")).local_minus_utc(), CET);
        assert_eq!(offset_at(utc("2021-03-28T01:00:00Z")).local_minus_utc(), CEST);
        assert_eq!(offset_at(utc("2021-10-31T00:59:59Z")).local_minus_utc(), CEST);
        assert_eq!(offset_at(utc("2021-10-31T01:00:00Z")).local_minus_utc(), CET);
        // 2025: 30 March and 26 October.
        assert_eq!(offset_at(utc("2025-03-30T01:00:00Z")).local_minus_utc(), CEST);
        assert_eq!(offset_at(utc("2025-10-26T00:30:00Z")).local_minus_utc(), CEST);
        assert_eq!(offset_at(utc("2025-10-26T01:30:00Z")).local_minus_utc(), CET);
    }

    #[test]
    fn writes_dates_the_german_way_in_berlin_time() {
        let t = DateTime::parse_from_rfc3339("2021-11-22T08:12:00Z").unwrap();
        assert_eq!(date_time_de(&t), "Montag, 22.11.2021, 9:12 Uhr");
        let summer = DateTime::parse_from_rfc3339("2025-06-13T06:45:00Z").unwrap();
        assert_eq!(date_time_de(&summer), "Freitag, 13.06.2025, 8:45 Uhr");
        assert_eq!(datetime_attr(&summer), "2025-06-13T08:45:00+02:00");
    }
}
