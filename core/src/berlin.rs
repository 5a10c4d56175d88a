//! German civil time (Europe/Berlin) and the way dates are written for citizens.
//!
//! Germany follows the EU summer-time rule (since 1996): CEST (+02:00) from the last
//! Sunday of March, 01:00 UTC, to the last Sunday of October, 01:00 UTC; CET (+01:00)
//! otherwise. Computing it here avoids shipping a whole time-zone database to phones.

use crate::words::k;
use crate::words::Words;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeZone, Timelike, Utc};

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

/// "Montag, 22.11.2021, 9:12 Uhr" (Berlin time).
pub fn date_time_de<Tz: TimeZone>(t: &DateTime<Tz>) -> String {
    date_time_in(t, Words::german())
}

/// The instant as `words` write it, in Berlin time: their `date.pattern` with
/// `{weekday}`, `{d}`, `{dd}`, `{mm}`, `{month}`, `{yyyy}`, `{H}`, `{HH}`, `{MM}`
/// filled in, their names of days and months, and their digits.
pub fn date_time_in<Tz: TimeZone>(t: &DateTime<Tz>, words: &'static Words) -> String {
    format_in(t, words, words.get(k::DATE_PATTERN))
}

/// The instant in Berlin time as `pattern` says (tokens as in [`date_time_in`]), with
/// the names and digits of `words`: a month heading, a day.
pub fn format_in<Tz: TimeZone>(t: &DateTime<Tz>, words: &'static Words, pattern: &str) -> String {
    let b = to_berlin(t);
    let name = |key, i: usize| words.get(key).split('|').nth(i).unwrap_or("");
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let token = &rest[open + 1..open + close];
        rest = &rest[open + close + 1..];
        let n = |v: u32, width: usize| words.digits(&format!("{v:0width$}"));
        match token {
            "weekday" => out.push_str(name(
                k::DATE_WEEKDAYS,
                b.weekday().num_days_from_monday() as usize,
            )),
            "month" => out.push_str(name(k::DATE_MONTHS, b.month0() as usize)),
            "d" => out.push_str(&n(b.day(), 1)),
            "dd" => out.push_str(&n(b.day(), 2)),
            "mm" => out.push_str(&n(b.month(), 2)),
            "yyyy" => out.push_str(&words.digits(&b.year().to_string())),
            "H" => out.push_str(&n(b.hour(), 1)),
            "HH" => out.push_str(&n(b.hour(), 2)),
            "MM" => out.push_str(&n(b.minute(), 2)),
            _ => {}
        }
    }
    out.push_str(rest);
    out
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
        assert_eq!(date_time_in(&t, Words::german()), "Montag, 22.11.2021, 9:12 Uhr");
        assert_eq!(
            date_time_in(&summer, Words::german()),
            "Freitag, 13.06.2025, 8:45 Uhr"
        );
    }

    #[test]
    fn writes_dates_with_each_languages_names_pattern_and_digits() {
        use crate::words::language_by_code;
        let t = DateTime::parse_from_rfc3339("2021-11-22T08:02:00Z").unwrap();
        let w = Words::from_object(
            language_by_code("ar").unwrap(),
            r#"{"date.weekdays": "a|b|c|d|e|f|g", "date.months": "1|2|3|4|5|6|7|8|9|10|Nov|12",
                "date.pattern": "{weekday} {d} {month} {yyyy} {HH}:{MM} [{x}", "digits": "٠١٢٣٤٥٦٧٨٩"}"#,
        )
        .unwrap();
        assert_eq!(date_time_in(&t, w), "a ٢٢ Nov ٢٠٢١ ٠٩:٠٢ [");
    }
}
