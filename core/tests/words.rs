//! The page's words in every language (`i18n/*.json`): each file has exactly German's
//! keys, the same `{}` places, dates that come out right, and every key the code or the
//! page's frame asks for exists.

use std::collections::BTreeSet;
use wegweiser_core::words::{language_by_code, Words, LANGUAGES};

fn file(code: &str) -> String {
    let path = format!("{}/../i18n/{code}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_language_has_exactly_the_german_keys_and_placeholders() {
    let de: serde_json::Value = serde_json::from_str(&file("de")).unwrap();
    let de = de.as_object().unwrap();
    for l in LANGUAGES.iter().filter(|l| l.code != "de") {
        let text = file(l.code);
        let other: serde_json::Value = serde_json::from_str(&text).unwrap();
        let other = other.as_object().unwrap();
        let (a, b): (BTreeSet<_>, BTreeSet<_>) = (de.keys().collect(), other.keys().collect());
        assert_eq!(
            a.difference(&b).collect::<Vec<_>>(),
            Vec::<&&String>::new(),
            "{} lacks",
            l.code
        );
        assert_eq!(
            b.difference(&a).collect::<Vec<_>>(),
            Vec::<&&String>::new(),
            "{} has extra",
            l.code
        );
        for (k, v) in de {
            let (g, t) = (v.as_str().unwrap(), other[k].as_str().expect("text"));
            assert_eq!(
                g.matches("{}").count(),
                t.matches("{}").count(),
                "{}: {k}",
                l.code
            );
            assert!(!t.trim().is_empty(), "{}: {k} is empty", l.code);
            assert!(!t.contains('<'), "{}: {k} looks like markup", l.code);
        }
        assert_eq!(
            other["date.weekdays"].as_str().unwrap().split('|').count(),
            7,
            "{}",
            l.code
        );
        assert_eq!(
            other["date.months"].as_str().unwrap().split('|').count(),
            12,
            "{}",
            l.code
        );
        assert_eq!(
            other["digits"].as_str().unwrap().chars().count(),
            10,
            "{}",
            l.code
        );
        assert!(Words::from_object(l, &text).is_ok(), "{}", l.code);
    }
}

#[test]
fn date_patterns_use_only_known_tokens() {
    let known = ["weekday", "d", "dd", "mm", "month", "yyyy", "H", "HH", "MM"];
    for l in &LANGUAGES {
        let v: serde_json::Value = serde_json::from_str(&file(l.code)).unwrap();
        for key in ["date.pattern", "archive.month_pattern", "archive.day_pattern"] {
            let p = v[key].as_str().unwrap();
            for token in p.split('{').skip(1).map(|t| t.split('}').next().unwrap_or("")) {
                assert!(known.contains(&token), "{}: {key} has {{{token}}}", l.code);
            }
        }
    }
}

#[test]
fn dates_come_out_in_each_language_in_berlin_time() {
    let t = chrono::DateTime::parse_from_rfc3339("2025-06-13T06:45:00Z").unwrap();
    let expect = [
        ("de", "Freitag, 13.06.2025, 8:45 Uhr"),
        ("en", "Friday 13 June 2025, 08:45"),
        ("ar", "٢٠٢٥"),
        ("tr", "Haziran"),
        ("uk", "червня"),
        ("ru", "июня"),
        ("ls", "Juni"),
    ];
    for (code, part) in expect {
        let l = language_by_code(code).unwrap();
        let w = Words::from_object(l, &file(code)).unwrap();
        let label = wegweiser_core::berlin::date_time_in(&t, w);
        assert!(label.contains(part), "{code}: {label}");
    }
}

/// Every `data-w="…"` of the page's frame (index.html) names a key.
#[test]
fn every_key_the_page_frame_asks_for_exists() {
    let de: serde_json::Value = serde_json::from_str(&file("de")).unwrap();
    let de = de.as_object().unwrap();
    let page = std::fs::read_to_string(format!("{}/../index.html", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let marks: Vec<&str> = page
        .split("data-w=\"")
        .skip(1)
        .filter_map(|r| r.split('"').next())
        .collect();
    assert!(marks.len() >= 8, "{marks:?}");
    for m in marks {
        assert!(
            de.contains_key(m),
            "index.html: data-w=\"{m}\" is not in i18n/de.json"
        );
    }
}

#[test]
fn every_language_file_gives_every_key() {
    for l in LANGUAGES.iter().filter(|l| l.code != "de") {
        let w = Words::from_object(l, &file(l.code)).unwrap();
        let keys = wegweiser_core::words::KEYS
            .iter()
            .chain(&wegweiser_core::words::MORE_KEYS);
        for (i, key) in keys.enumerate() {
            assert!(w.has(i), "{}: {key}", l.code);
        }
    }
}
