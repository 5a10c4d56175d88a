//! Advice for operators: things in a *valid* feed that are worth fixing before or soon
//! after publishing, each a warning with its path and line:column, like the parser's
//! problems. The page does not use this module; the `wegweiser check` command does.
//!
//! Like everything in this crate it reads no clock: the instant to judge at is passed in.
//!
//! - the feed is out of date, or will be soon, or its `generated_at` lies in the future;
//! - an incident has been open for weeks, or its promised `next_update` has passed;
//! - a text has no German version, or no English one while other texts of the feed have
//!   one (region names excepted: "Berlin" is Berlin in English, too);
//! - a contact address is an example address (`example.org`) in a feed not marked as an
//!   example.

use crate::json::{self, Value};
use crate::model::{Feed, Time};
use crate::problem::{PathSeg, Problem, Severity};
use crate::status::Freshness;
use chrono::TimeDelta;

/// An incident still open after this long gets a warning.
pub const LONG_OPEN: TimeDelta = TimeDelta::days(14);

/// A `generated_at` further ahead than this gets a warning (clocks differ a little).
pub const FUTURE_TOLERANCE: TimeDelta = TimeDelta::minutes(5);

/// Warnings about a feed that [`crate::parse`] accepted, judged at `now`, in file order.
/// `src` is the feed's text (for paths in texts and for line:column), `feed` what
/// `parse(src)` built from it.
pub fn advise(src: &str, feed: &Feed, now: Time) -> Vec<Problem> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let mut out = Vec::new();
    freshness(feed, now, &mut out);
    incidents(feed, now, &mut out);
    example_addresses(feed, &mut out);
    if let Ok(value) = json::from_str(src) {
        languages(&value, &mut out);
    }
    crate::locate::fill_positions(src, &mut out);
    crate::order::sort_by_rank(&mut out, |p| {
        p.position
            .map_or([i64::MAX, 0], |(line, column)| [line as i64, column as i64])
    });
    out
}

fn warning(path: Vec<PathSeg>, message: String) -> Problem {
    Problem {
        severity: Severity::Warning,
        path,
        message,
        position: None,
    }
}

fn key(k: &str) -> PathSeg {
    PathSeg::Key(k.to_string())
}

/// "3 minutes", "1 minute", "2 hours and 5 minutes", "4 days".
fn duration_words(d: TimeDelta) -> String {
    let minutes = d.num_minutes().max(0);
    let plural = |n: i64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    if minutes < 60 {
        plural(minutes, "minute", "minutes")
    } else if minutes < 48 * 60 {
        let (h, m) = (minutes / 60, minutes % 60);
        if m == 0 {
            plural(h, "hour", "hours")
        } else {
            format!(
                "{} and {}",
                plural(h, "hour", "hours"),
                plural(m, "minute", "minutes")
            )
        }
    } else {
        plural(minutes / (24 * 60), "day", "days")
    }
}

fn when(t: &Time) -> String {
    crate::berlin::date_time_de(t)
}

fn freshness(feed: &Feed, now: Time, out: &mut Vec<Problem>) {
    let path = vec![key("generated_at")];
    if feed.generated_at - now > FUTURE_TOLERANCE {
        out.push(warning(
            path,
            format!(
                "is {} in the future ({} German time); check the date and the UTC offset",
                duration_words(feed.generated_at - now),
                when(&feed.generated_at)
            ),
        ));
        return;
    }
    match feed.freshness(now) {
        Freshness::Stale { since } => out.push(warning(
            path,
            format!(
                "the feed is out of date since {} ({} ago): the page says its data is not current and never says \"Alles funktioniert\"; publish it again with a new generated_at",
                when(&since),
                duration_words(now - since)
            ),
        )),
        Freshness::Fresh => {
            let left = feed.stale_after() - now;
            if left * 4 < feed.fresh_for {
                out.push(warning(
                    path,
                    format!(
                        "the feed goes out of date in {} ({}); publish it again before then, also when nothing is wrong",
                        duration_words(left),
                        when(&feed.stale_after())
                    ),
                ));
            }
        }
    }
}

fn incidents(feed: &Feed, now: Time, out: &mut Vec<Problem>) {
    let status = feed.status_at(now);
    for (i, incident) in feed.incidents.iter().enumerate() {
        let Some(active) = status.active.iter().find(|a| std::ptr::eq(a.incident, incident)) else {
            continue;
        };
        let open_for = now - incident.start;
        if open_for >= LONG_OPEN {
            out.push(warning(
                vec![key("incidents"), PathSeg::Index(i), key("start")],
                format!(
                    "this incident has been open for {} (since {}); if it is over, add a \"resolved\" update and an \"end\"",
                    duration_words(open_for),
                    when(&incident.start)
                ),
            ));
        }
        if let (Some(promised), None) = (incident.next_update, active.next_update) {
            if promised <= now {
                out.push(warning(
                    vec![key("incidents"), PathSeg::Index(i), key("next_update")],
                    format!(
                        "the promised update was due {} ago ({}); the page no longer shows it: publish an update and a new next_update",
                        duration_words(now - promised),
                        when(&promised)
                    ),
                ));
            }
        }
    }
}

/// Domains reserved for examples (RFC 2606).
fn is_example_domain(domain: &str) -> bool {
    let d = domain.trim_end_matches('.').to_ascii_lowercase();
    ["example.org", "example.com", "example.net", "example"]
        .iter()
        .any(|e| d == *e || d.ends_with(&format!(".{e}")))
}

fn example_addresses(feed: &Feed, out: &mut Vec<Problem>) {
    if feed.publisher.example {
        return;
    }
    for (field, contact) in [
        ("contact", &feed.publisher.contact),
        ("accessibility_contact", &feed.publisher.accessibility_contact),
    ] {
        if let Some(email) = &contact.email {
            let domain = email.as_str().rsplit('@').next().unwrap_or("");
            if is_example_domain(domain) {
                out.push(warning(
                    vec![key("publisher"), key(field), key("email")],
                    format!(
                        "\"{}\" is an example address; give your own before publishing (or mark the feed with \"example\": true)",
                        email.as_str()
                    ),
                ));
            }
        }
        if let Some(url) = &contact.url {
            let host = url.as_str()["https://".len()..]
                .split(['/', '?', '#', ':'])
                .next()
                .unwrap_or("");
            if is_example_domain(host) {
                out.push(warning(
                    vec![key("publisher"), key(field), key("url")],
                    format!(
                        "\"{}\" is an example address; give your own before publishing (or mark the feed with \"example\": true)",
                        url.as_str()
                    ),
                ));
            }
        }
    }
}

/// The text fields of the feed format, by where they stand.
const NOTICE_TEXTS: [&str; 4] = ["title", "not_working", "still_working", "what_to_do"];
const FALLBACK_TEXTS: [&str; 4] = ["label", "hours", "for_whom", "details"];

/// The objects of a list, with their index (anything else in the list is skipped).
fn objects(v: Option<&Value>) -> Vec<(usize, &json::Map)> {
    match v {
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| match item {
                Value::Object(m) => Some((i, m)),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Every text of the feed with its path and its languages.
fn collect_texts(root: &Value) -> Vec<(Vec<PathSeg>, Vec<String>)> {
    let mut texts = Vec::new();
    let Value::Object(root) = root else {
        return texts;
    };
    let mut text = |path: Vec<PathSeg>, v: Option<&Value>| match v {
        Some(Value::String(_)) => texts.push((path, vec![crate::model::DEFAULT_LANGUAGE.to_string()])),
        Some(Value::Object(m)) => texts.push((path, m.keys().map(str::to_string).collect())),
        _ => {}
    };
    let at =
        |base: &[PathSeg], more: &[PathSeg]| -> Vec<PathSeg> { base.iter().chain(more).cloned().collect() };

    if let Some(Value::Object(publisher)) = root.get("publisher") {
        for field in ["name", "note"] {
            text(vec![key("publisher"), key(field)], publisher.get(field));
        }
    }
    for (g, group) in objects(root.get("groups")) {
        let base = [key("groups"), PathSeg::Index(g)];
        text(at(&base, &[key("name")]), group.get("name"));
        for (s, service) in objects(group.get("services")) {
            let base = at(&base, &[key("services"), PathSeg::Index(s)]);
            for field in ["name", "description"] {
                text(at(&base, &[key(field)]), service.get(field));
            }
        }
    }
    for (r, region) in objects(root.get("regions")) {
        text(
            vec![key("regions"), PathSeg::Index(r), key("name")],
            region.get("name"),
        );
    }
    for list in ["incidents", "maintenance"] {
        for (n, notice) in objects(root.get(list)) {
            let base = [key(list), PathSeg::Index(n)];
            for field in NOTICE_TEXTS {
                text(at(&base, &[key(field)]), notice.get(field));
            }
            for (f, fallback) in objects(notice.get("fallbacks")) {
                let base = at(&base, &[key("fallbacks"), PathSeg::Index(f)]);
                for field in FALLBACK_TEXTS {
                    text(at(&base, &[key(field)]), fallback.get(field));
                }
            }
            for (u, update) in objects(notice.get("updates")) {
                text(
                    at(&base, &[key("updates"), PathSeg::Index(u), key("text")]),
                    update.get("text"),
                );
            }
        }
    }
    texts
}

fn languages(root: &Value, out: &mut Vec<Problem>) {
    let texts = collect_texts(root);
    let has = |langs: &[String], l: &str| langs.iter().any(|x| x == l);
    let feed_has_english = texts.iter().any(|(_, langs)| has(langs, "en"));
    for (path, langs) in texts {
        // Place names mostly read the same in English ("Berlin"): not asked for.
        let is_place_name = matches!(path.first(), Some(PathSeg::Key(k)) if k == "regions");
        if !has(&langs, "de") {
            out.push(warning(
                path,
                format!(
                    "has no German text (\"de\"); the page shows it in {}",
                    langs.first().map_or("another language", String::as_str)
                ),
            ));
        } else if feed_has_english && !is_place_name && !has(&langs, "en") {
            out.push(warning(
                path,
                "has no English text (\"en\"), though other texts of this feed have one".to_string(),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = r#"{
  "version": 1,
  "publisher": {
    "name": { "de": "KV Beispiel", "en": "KV Example" },
    "contact": { "email": "kontakt@kv-beispiel.de" },
    "accessibility_contact": { "url": "https://kv-beispiel.de/barrierefreiheit" }
  },
  "generated_at": "2025-06-13T10:00:00+02:00",
  "fresh_for_minutes": 60,
  "groups": [
    { "id": "apotheke", "name": { "de": "In der Apotheke", "en": "At the pharmacy" },
      "services": [{ "id": "erezept-einloesen", "name": { "de": "E-Rezept einlösen", "en": "Redeeming" } }] }
  ],
  "regions": [{ "id": "de", "name": { "de": "Deutschland", "en": "Germany" }, "nationwide": true }],
  "incidents": [
    {
      "id": "ti",
      "services": ["erezept-einloesen"],
      "regions": ["de"],
      "impact": "outage",
      "start": "2025-06-13T08:45:00+02:00",
      "next_update": "2025-06-13T10:30:00+02:00",
      "title": { "de": "E-Rezept geht nicht", "en": "E-prescriptions do not work" },
      "not_working": { "de": "Apotheken können E-Rezepte nicht abrufen.", "en": "Pharmacies cannot fetch them." },
      "what_to_do": { "de": "Fragen Sie nach Muster 16.", "en": "Ask for Muster 16." },
      "updates": [
        { "at": "2025-06-13T09:05:00+02:00", "kind": "investigating", "text": { "de": "Wir prüfen.", "en": "Checking." } }
      ]
    }
  ]
}"#;

    fn at(s: &str) -> Time {
        crate::rfc3339::parse(s).expect("test time")
    }

    fn advice(src: &str, now: &str) -> Vec<String> {
        let parsed = crate::parse(src);
        let feed = parsed.feed.expect("valid test feed");
        let got = advise(src, &feed, at(now));
        assert!(got
            .iter()
            .all(|p| p.severity == Severity::Warning && p.position.is_some()));
        got.iter().map(Problem::to_string).collect()
    }

    #[test]
    fn a_fresh_bilingual_feed_gets_no_advice() {
        assert_eq!(advice(BASE, "2025-06-13T10:05:00+02:00"), Vec::<String>::new());
    }

    #[test]
    fn a_stale_feed_and_one_about_to_go_stale() {
        assert_eq!(
            advice(BASE, "2025-06-13T11:20:00+02:00"),
            vec![
                "generated_at: the feed is out of date since Freitag, 13.06.2025, 11:00 Uhr (20 minutes ago): the page says its data is not current and never says \"Alles funktioniert\"; publish it again with a new generated_at (line 8, column 19)",
                "incidents[0].next_update: the promised update was due 50 minutes ago (Freitag, 13.06.2025, 10:30 Uhr); the page no longer shows it: publish an update and a new next_update (line 22, column 22)",
            ]
        );
        assert_eq!(
            advice(BASE, "2025-06-13T10:50:00+02:00")[0],
            "generated_at: the feed goes out of date in 10 minutes (Freitag, 13.06.2025, 11:00 Uhr); publish it again before then, also when nothing is wrong (line 8, column 19)"
        );
        assert_eq!(
            advice(BASE, "2025-06-13T09:00:00+02:00"),
            vec!["generated_at: is 1 hour in the future (Freitag, 13.06.2025, 10:00 Uhr German time); check the date and the UTC offset (line 8, column 19)"]
        );
    }

    #[test]
    fn an_incident_open_for_weeks() {
        let src = BASE.replace("\"next_update\": \"2025-06-13T10:30:00+02:00\",", "");
        let got = advice(&src, "2025-07-01T10:00:00+02:00");
        assert!(got.iter().any(|p| p.starts_with(
            "incidents[0].start: this incident has been open for 18 days (since Freitag, 13.06.2025, 8:45 Uhr); if it is over, add a \"resolved\" update and an \"end\""
        )), "{got:#?}");
        // Once it has an end, it is not open any more.
        let ended = src.replace(
            "\"start\": \"2025-06-13T08:45:00+02:00\",",
            "\"start\": \"2025-06-13T08:45:00+02:00\", \"end\": \"2025-06-13T12:00:00+02:00\",",
        );
        assert!(!advice(&ended, "2025-07-01T10:00:00+02:00")
            .iter()
            .any(|p| p.contains("open for")));
    }

    #[test]
    fn texts_missing_german_or_english_are_named_with_their_path() {
        let src = BASE
            .replace(
                "\"title\": { \"de\": \"E-Rezept geht nicht\", \"en\": \"E-prescriptions do not work\" }",
                "\"title\": \"E-Rezept geht nicht\"",
            )
            .replace(
                "\"text\": { \"de\": \"Wir prüfen.\", \"en\": \"Checking.\" }",
                "\"text\": { \"en\": \"Checking.\" }",
            );
        assert_eq!(
            advice(&src, "2025-06-13T10:05:00+02:00"),
            vec![
                "incidents[0].title: has no English text (\"en\"), though other texts of this feed have one (line 23, column 16)",
                "incidents[0].updates[0].text: has no German text (\"de\"); the page shows it in en (line 27, column 79)",
            ]
        );
    }

    #[test]
    fn a_german_only_feed_is_not_asked_for_english() {
        let src = r#"{"version": 1,
 "publisher": {"name": "KV", "contact": {"email": "a@kv.de"}, "accessibility_contact": {"email": "b@kv.de"}},
 "generated_at": "2025-06-13T10:00:00+02:00", "fresh_for_minutes": 60,
 "groups": [{"id": "g", "name": "G", "services": [{"id": "s", "name": "S"}]}],
 "regions": [{"id": "de", "name": "Deutschland"}]}"#;
        assert_eq!(advice(src, "2025-06-13T10:05:00+02:00"), Vec::<String>::new());
    }

    #[test]
    fn example_addresses_only_in_feeds_not_marked_as_examples() {
        let src = BASE.replace("kontakt@kv-beispiel.de", "kontakt@example.org");
        assert_eq!(
            advice(&src, "2025-06-13T10:05:00+02:00"),
            vec!["publisher.contact.email: \"kontakt@example.org\" is an example address; give your own before publishing (or mark the feed with \"example\": true) (line 5, column 27)"]
        );
        let marked = src.replace(
            "\"name\": { \"de\": \"KV Beispiel\"",
            "\"example\": true, \"name\": { \"de\": \"KV Beispiel\"",
        );
        assert_eq!(advice(&marked, "2025-06-13T10:05:00+02:00"), Vec::<String>::new());
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration_words(TimeDelta::minutes(1)), "1 minute");
        assert_eq!(duration_words(TimeDelta::minutes(125)), "2 hours and 5 minutes");
        assert_eq!(duration_words(TimeDelta::hours(3)), "3 hours");
        assert_eq!(duration_words(TimeDelta::days(20)), "20 days");
    }

    #[test]
    fn the_sample_feed_is_advised_only_about_its_age() {
        let src = include_str!("../../feed/feed.json");
        let got = advice(src, "2025-06-13T14:40:00+02:00");
        assert_eq!(got, Vec::<String>::new());
        let later = advice(src, "2026-01-01T12:00:00+01:00");
        assert_eq!(later.len(), 1, "{later:#?}");
        assert!(later[0].starts_with("generated_at: the feed is out of date since"));
    }
}
