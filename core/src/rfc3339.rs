//! Times as feeds write them: RFC 3339 with a UTC offset, e.g. `2021-11-22T09:12:00+01:00`.
//!
//! chrono's own RFC 3339 reader sits on its general format parser, which costs the page
//! about 25 KB of WebAssembly; this one reads exactly the one form feeds use, and can
//! tell a time that only lacks its offset (the most common mistake) from other text.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Timelike};

/// Why a text is not an RFC 3339 time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeError {
    /// A valid date and time, but no `Z` or `+01:00` after it.
    NoOffset,
    /// Anything else.
    Invalid,
}

/// Reads `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)`; `t` and a space are
/// accepted for `T`, `z` for `Z`, as RFC 3339 allows.
pub fn parse(s: &str) -> Result<DateTime<FixedOffset>, TimeError> {
    let mut r = Cursor {
        b: s.as_bytes(),
        i: 0,
    };
    let year = r.number(4)?;
    r.eat(b'-')?;
    let month = r.number(2)?;
    r.eat(b'-')?;
    let day = r.number(2)?;
    match r.next() {
        Some(b'T' | b't' | b' ') => {}
        _ => return Err(TimeError::Invalid),
    }
    let hour = r.number(2)?;
    r.eat(b':')?;
    let minute = r.number(2)?;
    // Without seconds the text is only "a time lacking its offset" if it ends here.
    let has_seconds = r.peek() == Some(b':');
    let (second, nano) = if has_seconds {
        r.eat(b':')?;
        let second = r.number(2)?;
        let mut nano = 0;
        if r.peek() == Some(b'.') {
            r.i += 1;
            nano = r.fraction()?;
        }
        (second, nano)
    } else {
        (0, 0)
    };
    let local = NaiveDate::from_ymd_opt(year as i32, month, day)
        .and_then(|d| d.and_hms_nano_opt(hour, minute, second, nano))
        .ok_or(TimeError::Invalid)?;
    let offset_seconds = match r.next() {
        None => return Err(TimeError::NoOffset),
        Some(_) if !has_seconds => return Err(TimeError::Invalid),
        Some(b'Z' | b'z') => 0,
        Some(sign @ (b'+' | b'-')) => {
            let h = r.number(2)?;
            r.eat(b':')?;
            let m = r.number(2)?;
            if h > 23 || m > 59 {
                return Err(TimeError::Invalid);
            }
            let secs = (h * 3600 + m * 60) as i32;
            if sign == b'-' {
                -secs
            } else {
                secs
            }
        }
        Some(_) => return Err(TimeError::Invalid),
    };
    if r.i != r.b.len() {
        return Err(TimeError::Invalid);
    }
    FixedOffset::east_opt(offset_seconds)
        .and_then(|o| o.from_local_datetime(&local).single())
        .ok_or(TimeError::Invalid)
}

/// Writes a time the way [`parse`] reads it, e.g. `2021-11-22T09:12:00+01:00`
/// (fraction of a second only when there is one, in 3, 6 or 9 digits).
pub fn format(t: &DateTime<FixedOffset>) -> String {
    use chrono::Datelike;
    let mut out = String::with_capacity(25);
    push_number(&mut out, t.year().unsigned_abs(), 4);
    out.push('-');
    push_number(&mut out, t.month(), 2);
    out.push('-');
    push_number(&mut out, t.day(), 2);
    out.push('T');
    push_number(&mut out, t.hour(), 2);
    out.push(':');
    push_number(&mut out, t.minute(), 2);
    out.push(':');
    push_number(&mut out, t.second(), 2);
    let nano = t.nanosecond() % 1_000_000_000;
    if nano != 0 {
        // Milli-, micro- or nanoseconds, whichever is exact (as chrono writes it).
        out.push('.');
        match (nano % 1_000_000, nano % 1_000) {
            (0, _) => push_number(&mut out, nano / 1_000_000, 3),
            (_, 0) => push_number(&mut out, nano / 1_000, 6),
            _ => push_number(&mut out, nano, 9),
        }
    }
    let offset = t.offset().local_minus_utc();
    out.push(if offset < 0 { '-' } else { '+' });
    let offset = offset.unsigned_abs() / 60;
    push_number(&mut out, offset / 60, 2);
    out.push(':');
    push_number(&mut out, offset % 60, 2);
    out
}

fn push_number(out: &mut String, n: u32, width: usize) {
    let digits = n.to_string();
    for _ in digits.len()..width {
        out.push('0');
    }
    out.push_str(&digits);
}

struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let c = self.peek();
        self.i += usize::from(c.is_some());
        c
    }

    fn eat(&mut self, c: u8) -> Result<(), TimeError> {
        if self.next() == Some(c) {
            Ok(())
        } else {
            Err(TimeError::Invalid)
        }
    }

    /// Exactly `width` ASCII digits.
    fn number(&mut self, width: usize) -> Result<u32, TimeError> {
        let mut n = 0;
        for _ in 0..width {
            match self.next() {
                Some(c @ b'0'..=b'9') => n = n * 10 + u32::from(c - b'0'),
                _ => return Err(TimeError::Invalid),
            }
        }
        Ok(n)
    }

    /// One or more digits after the decimal point, as nanoseconds (digits beyond the
    /// ninth are read and dropped).
    fn fraction(&mut self) -> Result<u32, TimeError> {
        let (mut nano, mut digits) = (0u32, 0);
        while let Some(c @ b'0'..=b'9') = self.peek() {
            if digits < 9 {
                nano = nano * 10 + u32::from(c - b'0');
            }
            digits += 1;
            self.i += 1;
        }
        if digits == 0 {
            return Err(TimeError::Invalid);
        }
        for _ in digits..9 {
            nano *= 10;
        }
        Ok(nano)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_the_feed_form_like_chrono() {
        for s in [
            "2021-11-22T09:12:00+01:00",
            "2025-06-13T08:45:00+02:00",
            "2021-11-22T08:12:00Z",
            "2021-11-22t08:12:00z",
            "2021-11-22 08:12:00-03:30",
            "2024-02-29T23:59:59.5+00:00",
            "2024-02-29T23:59:59.123456789123+05:45",
            "0001-01-01T00:00:00+00:00",
            "9999-12-31T23:59:59+23:59",
        ] {
            let ours = parse(s).unwrap_or_else(|e| panic!("{s}: {e:?}"));
            let chrono = DateTime::parse_from_rfc3339(s).expect("chrono reads it");
            assert_eq!(ours, chrono, "{s}");
            assert_eq!(ours.offset(), chrono.offset(), "{s}");
            assert_eq!(format(&ours), chrono.to_rfc3339(), "{s}");
        }
    }

    #[test]
    fn tells_a_missing_offset_from_other_mistakes() {
        for s in [
            "2021-11-22T09:12:00",
            "2021-11-22T09:12",
            "2021-11-22T09:12:00.25",
        ] {
            assert_eq!(parse(s), Err(TimeError::NoOffset), "{s}");
        }
        for s in [
            "",
            "2021-11-22",
            "2021-11-22T09:12+01:00",
            "2021-13-22T09:12:00+01:00",
            "2021-02-29T09:12:00+01:00",
            "2021-11-22T24:00:00+01:00",
            "2021-11-22T09:60:00+01:00",
            "2021-11-22T09:12:60+01:00",
            "2021-11-22T09:12:00+24:00",
            "2021-11-22T09:12:00+0100",
            "2021-11-22T09:12:00.+01:00",
            "2021-11-22T09:12:00+01:00 ",
            " 2021-11-22T09:12:00+01:00",
            "21-11-22T09:12:00+01:00",
            "2021-11-22T09:12:00Ä",
            "22.11.2021 09:12",
            "２０２１-11-22T09:12:00+01:00",
        ] {
            assert_eq!(parse(s), Err(TimeError::Invalid), "{s:?}");
        }
    }
}
