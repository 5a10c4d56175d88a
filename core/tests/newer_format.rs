//! A feed written in a newer format that allows version-1 readers
//! (`"version": 2, "min_reader_version": 1`) is shown, with what this crate does not
//! know in general terms; the same content claiming version 1 is refused; a newer
//! format that needs a newer reader is refused with its own message.

use wegweiser_core::present::{NoticeCard, PageModel};
use wegweiser_core::Words;
use wegweiser_core::{parse, FallbackKind, Impact, Overall, UpdateKind};

/// Version 2 added (in this imagined future) a video consultation service, defined in
/// a list version 1 does not read, a new impact word, an update kind and a fallback kind.
const NEWER: &str = r#"{
  "version": 2,
  "min_reader_version": 1,
  "publisher": {
    "name": "KV Musterland",
    "contact": { "email": "info@example.org" },
    "accessibility_contact": { "email": "barrierefrei@example.org" }
  },
  "generated_at": "2026-11-22T09:00:00+01:00",
  "fresh_for_minutes": 60,
  "groups": [
    { "id": "praxis", "name": "In der Praxis",
      "services": [ { "id": "termin-buchen", "name": "Termin online buchen" } ] }
  ],
  "extra_services": [ { "id": "video-sprechstunde", "name": "Videosprechstunde" } ],
  "regions": [ { "id": "de", "name": "Deutschland", "nationwide": true } ],
  "incidents": [
    {
      "id": "video-2026-11-22",
      "services": ["video-sprechstunde"],
      "regions": ["de", "musterland-nord"],
      "impact": "degraded",
      "start": "2026-11-22T08:00:00+01:00",
      "title": "Videosprechstunde: Verbindung bricht ab",
      "not_working": "Die Videosprechstunde bricht oft nach wenigen Minuten ab.",
      "what_to_do": "Rufen Sie Ihre Praxis an.",
      "fallbacks": [ { "kind": "chat", "label": "Chat der Praxis", "url": "https://example.org/chat" } ],
      "updates": [
        { "at": "2026-11-22T08:30:00+01:00", "kind": "investigating", "text": "Wir prüfen." },
        { "at": "2026-11-22T08:45:00+01:00", "kind": "escalated", "text": "Der Anbieter ist informiert." }
      ]
    }
  ]
}"#;

fn problems(src: &str) -> Vec<String> {
    parse(src).problems.iter().map(|p| p.to_string()).collect()
}

#[test]
fn a_newer_compatible_feed_is_shown_with_the_unknown_in_general_terms() {
    let parsed = parse(NEWER);
    assert_eq!(
        problems(NEWER),
        [
            "version: this feed has format version 2; it is read as version 1, as it allows, and what this Wegweiser does not know is shown in general terms (line 2, column 14)",
            "extra_services: unknown field \"extra_services\" is ignored (known fields: $schema, version, min_reader_version, publisher, generated_at, fresh_for_minutes, groups, regions, incidents, maintenance) (line 15, column 21)",
            "incidents[0].services[0]: \"video-sprechstunde\" is not a service this Wegweiser can read; it is shown in general terms (line 20, column 20)",
            "incidents[0].regions[1]: \"musterland-nord\" is not a region this Wegweiser can read; it is shown in general terms (line 21, column 25)",
            "incidents[0].impact: \"degraded\" is not known to this Wegweiser; it is shown as \"disrupted\" (line 22, column 17)",
            "incidents[0].fallbacks[0].kind: \"chat\" is not known to this Wegweiser; it is shown as \"other\" (line 27, column 32)",
            "incidents[0].updates[1].kind: \"escalated\" is not known to this Wegweiser; it is shown as \"other\" (line 30, column 54)",
        ]
    );
    assert!(parsed.errors().next().is_none());
    let feed = parsed.feed.expect("shown despite the unknown parts");
    assert!(feed.newer_format);
    assert_eq!(feed.version, 2);
    let incident = &feed.incidents[0];
    assert_eq!(incident.impact, Impact::Disrupted);
    assert_eq!(incident.fallbacks[0].kind, FallbackKind::Other);
    assert_eq!(incident.updates[1].kind, UpdateKind::Other);

    // The incident names no service the page knows, yet the page must not say
    // "all working": the overall state comes from every active notice.
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-22T09:10:00+01:00").expect("time");
    let status = feed.status_at(at);
    assert_eq!(status.overall, Overall::Disrupted);
    assert_eq!(
        status.active.len(),
        1,
        "an unknown kind of update does not end the incident"
    );
    let model = PageModel::new(&feed, &status, Words::german(), "de", false);
    let card: &NoticeCard = &model.notices[0];
    let services: Vec<&str> = card.services.iter().map(|l| l.text.as_str()).collect();
    let regions: Vec<&str> = card.regions.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(services, ["weitere Dienste"]);
    assert_eq!(regions, ["Deutschland", "weitere Gebiete"]);
    assert_eq!(card.updates[0].label, "Neue Information");
}

#[test]
fn the_same_content_claiming_version_1_is_refused_with_every_reason() {
    let v1 = NEWER.replace("\"version\": 2,\n  \"min_reader_version\": 1,", "\"version\": 1,");
    let parsed = parse(&v1);
    assert!(parsed.feed.is_none());
    let errors: Vec<String> = parsed.errors().map(|p| p.path_string()).collect();
    assert_eq!(
        errors,
        [
            "incidents[0].services[0]",
            "incidents[0].regions[1]",
            "incidents[0].impact",
            "incidents[0].fallbacks[0].kind",
            "incidents[0].updates[1].kind",
        ]
    );
}

#[test]
fn a_newer_feed_that_needs_a_newer_reader_is_refused() {
    let needs_2 = NEWER
        .replace("\"version\": 2", "\"version\": 3")
        .replace("\"min_reader_version\": 1", "\"min_reader_version\": 2");
    assert_eq!(
        problems(&needs_2)[0],
        "version: this feed has format version 3 and needs a reader of version 2; this Wegweiser reads version 1 (line 2, column 14)"
    );
    let needs_itself = NEWER.replace("\"min_reader_version\": 1", "\"min_reader_version\": 2");
    assert_eq!(
        problems(&needs_itself)[0],
        "version: this feed has format version 2; this Wegweiser reads version 1 (line 2, column 14)"
    );
    let no_hint = NEWER.replace("  \"min_reader_version\": 1,\n", "");
    assert_eq!(
        problems(&no_hint)[0],
        "version: this feed has format version 2; this Wegweiser reads version 1 (line 2, column 14)"
    );
    for bad in ["0", "3", "\"1\"", "1.5"] {
        let src = NEWER.replace(
            "\"min_reader_version\": 1",
            &format!("\"min_reader_version\": {bad}"),
        );
        let p = problems(&src);
        assert!(
            p[0].starts_with(&format!(
                "min_reader_version: must be a whole number from 1 to the feed's version 2, but is {bad}"
            )),
            "{bad}: {p:?}"
        );
        assert!(parse(&src).feed.is_none());
    }
}
