//! `wegweiser ical`: planned maintenance as an iCalendar file (RFC 5545) that calendar
//! apps can subscribe to.
//!
//! One VEVENT per maintenance window, past and future. Times are written in UTC
//! (`…Z`), which every calendar converts to local time, so no VTIMEZONE is needed.
//! Lines end in CRLF and are folded at 75 octets without splitting a character; texts
//! are escaped (`\\`, `;`, `,`, line breaks).

use crate::Failure;
use chrono::Utc;
use wegweiser_core::present::NoticeCard;
use wegweiser_core::Words;
use wegweiser_core::{Feed, Time};

/// `20250613T064500Z`
fn utc(t: &Time) -> String {
    t.with_timezone(&Utc).format("%Y%m%dT%H%M%SZ").to_string()
}

/// A TEXT value escaped as RFC 5545 section 3.3.11 asks.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            // Other control characters are not allowed in TEXT.
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded: at most 75 octets per physical line, continuation lines
/// start with a space, a UTF-8 character is never split.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > 75 {
            // Some parsers trim spaces at the end of a physical line: a space there moves
            // to the start of the next one (after the space that marks the fold).
            if out.ends_with(' ') {
                out.pop();
                out.push_str("\r\n  ");
                used = 2;
            } else {
                out.push_str("\r\n ");
                used = 1;
            }
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
    out
}

fn description(card: &NoticeCard) -> String {
    let mut lines = vec![card.not_working.text.clone()];
    if let Some(still) = &card.still_working {
        lines.push(format!("Was noch geht: {}", still.text));
    }
    lines.push(format!("Was Sie tun können: {}", card.what_to_do.text));
    for f in &card.fallbacks {
        let mut line = format!("– {}", f.label.text);
        if let Some(p) = &f.phone {
            line.push_str(&format!(": {}", p.display));
        }
        if let Some(h) = &f.hours {
            line.push_str(&format!(" ({})", h.text));
        }
        if let Some(u) = &f.url {
            line.push_str(&format!(": {u}"));
        }
        lines.push(line);
    }
    let services: Vec<&str> = card.services.iter().map(|s| s.text.as_str()).collect();
    lines.push(format!("Betroffen: {}", services.join(", ")));
    lines.join("\n")
}

pub fn render(feed: &Feed, base_url: Option<&str>, lang: &str) -> Result<String, Failure> {
    let base = base_url.map(crate::atom::base_url).transpose()?;
    // A UID must be unique worldwide: the maintenance id at the page's host.
    let host = base
        .as_deref()
        .and_then(|b| b["https://".len()..].split(['/', '?', ':']).next())
        .unwrap_or("wegweiser.invalid")
        .to_string();
    let mut ics = String::new();
    let mut line = |s: &str| ics.push_str(&fold(s));
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//Wegweiser//Wartungskalender//DE");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    let name = format!("{}: geplante Wartung", feed.publisher.name.get(lang));
    line(&format!("X-WR-CALNAME:{}", escape_text(&name)));
    line("X-WR-TIMEZONE:Europe/Berlin");
    for m in &feed.maintenance {
        let card = NoticeCard::maintenance(feed, m, false, Words::german(), lang);
        line("BEGIN:VEVENT");
        line(&format!("UID:{}@{}", m.id, host));
        // When this version of the event was written: the feed's own time, so the same
        // feed gives the same file.
        line(&format!("DTSTAMP:{}", utc(&feed.generated_at)));
        line(&format!("DTSTART:{}", utc(&m.start)));
        line(&format!("DTEND:{}", utc(&m.end)));
        line(&format!(
            "SUMMARY;LANGUAGE={}:{}",
            card.title.lang,
            escape_text(&card.title.text)
        ));
        line(&format!("DESCRIPTION:{}", escape_text(&description(&card))));
        let regions: Vec<&str> = card.regions.iter().map(|r| r.text.as_str()).collect();
        line(&format!("LOCATION:{}", escape_text(&regions.join(", "))));
        if let Some(b) = &base {
            line(&format!("URL:{b}#meldung-{}", m.id));
        }
        line("STATUS:CONFIRMED");
        // Maintenance does not make the reader busy.
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    Ok(ics)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let long = format!("DESCRIPTION:{}", "ä".repeat(100));
        let folded = fold(&long);
        for physical in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets: {physical:?}", physical.len());
        }
        let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, long);
        // No physical line ends in a space.
        let spaced = format!("SUMMARY:{}x", "abcd ".repeat(40));
        let folded = fold(&spaced);
        assert!(folded.split("\r\n").all(|l| !l.ends_with(' ')), "{folded:?}");
        assert_eq!(folded.trim_end_matches("\r\n").replace("\r\n ", ""), spaced);
    }

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(escape_text("a;b,c\\d\ne\r\nf"), "a\\;b\\,c\\\\d\\ne\\nf");
    }
}
