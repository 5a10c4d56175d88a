//! The sample feed served with the app (`feed/feed.json`): it is valid without a single
//! warning, and at each seed moment of its two stories the derived status is what the
//! page, the component tests and the end-to-end tests rely on.

use wegweiser_core::berlin;
use wegweiser_core::{parse, Feed, Freshness, Impact, IncidentNow, Overall, ServiceState, Time, UpdateKind};

const SAMPLE: &str = include_str!("../../feed/feed.json");
const FORMAT_DOC: &str = include_str!("../../docs/feed-format.md");

const TI: &str = "ti-ausfall-2025-06-13";
const DOCTOLIB: &str = "doctolib-berlin-2021-11-22";
const TI_SERVICES: [&str; 4] = [
    "erezept-einloesen",
    "gesundheitskarte-apotheke",
    "erezept-ausstellen",
    "karte-einlesen",
];

fn sample() -> Feed {
    let parsed = parse(SAMPLE);
    assert!(parsed.problems.is_empty(), "{:#?}", parsed.problems);
    parsed.feed.expect("the sample feed is valid")
}

fn at(s: &str) -> Time {
    chrono::DateTime::parse_from_rfc3339(s).expect("test time")
}

fn ids<'a>(list: &'a [IncidentNow<'_>]) -> Vec<&'a str> {
    list.iter().map(|i| i.incident.id.as_str()).collect()
}

fn state_of(feed: &Feed, instant: &str, service: &str) -> ServiceState {
    feed.status_at(at(instant))
        .services
        .iter()
        .find(|(s, _)| s.id == service)
        .map(|(_, st)| *st)
        .expect("service exists")
}

#[test]
fn parses_with_no_error_and_no_warning() {
    let parsed = parse(SAMPLE);
    let problems: Vec<String> = parsed.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(problems, Vec::<String>::new());
    assert!(parsed.feed.is_some());
}

#[test]
fn is_marked_as_an_example_with_a_note_in_german_and_english() {
    let feed = sample();
    assert!(feed.publisher.example);
    let note = feed.publisher.note.as_ref().expect("note");
    assert!(note.0.contains_key("de") && note.0.contains_key("en"), "{note:?}");
    assert!(note.get("de").contains("Nichts davon ist aktuell."));
    assert!(note.get("de").contains("beispielhaft"));
    assert!(note.get("en").contains("None of this is current."));
    assert!(note.get("en").contains("illustrative"));
    assert_eq!(
        feed.publisher.contact.email.as_ref().map(|e| e.as_str()),
        Some("kontakt@example.org")
    );
    assert_eq!(
        feed.publisher
            .accessibility_contact
            .email
            .as_ref()
            .map(|e| e.as_str()),
        Some("barrierefreiheit@example.org")
    );
    assert!(SAMPLE
        .trim_start()
        .starts_with("{\n  \"$schema\": \"./feed.schema.json\","));
}

#[test]
fn has_the_groups_services_and_regions_the_app_and_its_tests_name() {
    let feed = sample();
    let groups: Vec<(&str, Vec<&str>)> = feed
        .groups
        .iter()
        .map(|g| (g.id.as_str(), g.services.iter().map(|s| s.id.as_str()).collect()))
        .collect();
    assert_eq!(
        groups,
        vec![
            ("apotheke", vec!["erezept-einloesen", "gesundheitskarte-apotheke"]),
            ("praxis", vec!["erezept-ausstellen", "karte-einlesen"]),
            ("termine", vec!["termin-buchen", "termin-absagen"]),
        ]
    );
    assert!(feed.region("de").is_some_and(|r| r.nationwide));
    assert!(feed.region("berlin").is_some_and(|r| !r.nationwide));
    // Every text the citizen reads exists in German and English.
    for incident in &feed.incidents {
        let t = &incident.text;
        let still = t.still_working.as_ref().expect("still_working");
        for text in [&t.title, &t.not_working, still, &t.what_to_do] {
            assert!(text.0.contains_key("de") && text.0.contains_key("en"), "{text:?}");
        }
        for u in &incident.updates {
            assert!(
                u.text.0.contains_key("de") && u.text.0.contains_key("en"),
                "{u:?}"
            );
        }
    }
}

#[test]
fn doctolib_at_10_30_is_an_active_outage_of_online_cancelling_in_berlin() {
    let feed = sample();
    let status = feed.status_at(at("2021-11-22T10:30:00+01:00"));
    assert_eq!(status.freshness, Freshness::Fresh);
    assert_eq!(status.overall, Overall::Outage);
    assert_eq!(ids(&status.active), vec![DOCTOLIB]);
    assert!(status.recent.is_empty());
    let now = &status.active[0];
    assert_eq!(now.impact, Impact::Outage);
    assert_eq!(now.incident.regions, vec!["berlin".to_string()]);
    // Published so far, newest first: identified (10:15), investigating (9:30).
    let kinds: Vec<UpdateKind> = now.updates.iter().map(|u| u.kind).collect();
    assert_eq!(kinds, vec![UpdateKind::Identified, UpdateKind::Investigating]);
    assert_eq!(now.next_update, Some(at("2021-11-22T11:30:00+01:00")));
    assert_eq!(
        state_of(&feed, "2021-11-22T10:30:00+01:00", "termin-absagen"),
        ServiceState::Outage
    );
    for other in TI_SERVICES {
        assert_eq!(
            state_of(&feed, "2021-11-22T10:30:00+01:00", other),
            ServiceState::Operational
        );
    }
    // The hotline, with its hours, as a tel: link.
    let hotline = now.incident.fallbacks[0].phone.as_ref().expect("hotline");
    assert_eq!(hotline.display(), "030 90 28 22 00");
    assert_eq!(hotline.tel_uri(), "tel:03090282200");
    assert!(now.incident.fallbacks[0].hours.is_some());
}

#[test]
fn doctolib_at_13_00_is_resolved_and_listed_as_recent() {
    let feed = sample();
    let status = feed.status_at(at("2021-11-22T13:00:00+01:00"));
    assert!(status.active.is_empty());
    assert_eq!(ids(&status.recent), vec![DOCTOLIB]);
    assert_eq!(
        status.recent[0].resolved_at,
        Some(at("2021-11-22T12:15:00+01:00"))
    );
    assert_eq!(status.recent[0].next_update, None);
    assert_eq!(status.overall, Overall::AllWorking);
    assert_eq!(
        state_of(&feed, "2021-11-22T13:00:00+01:00", "termin-absagen"),
        ServiceState::Operational
    );
}

#[test]
fn doctolib_at_15_00_is_active_again_as_a_disruption_after_the_follow_up() {
    let feed = sample();
    let status = feed.status_at(at("2021-11-22T15:00:00+01:00"));
    assert_eq!(ids(&status.active), vec![DOCTOLIB]);
    assert!(status.recent.is_empty());
    let now = &status.active[0];
    assert_eq!(now.impact, Impact::Disrupted);
    assert_eq!(now.resolved_at, None);
    assert_eq!(now.updates[0].kind, UpdateKind::FollowUp);
    assert_eq!(status.overall, Overall::Disrupted);
    assert_eq!(
        state_of(&feed, "2021-11-22T15:00:00+01:00", "termin-absagen"),
        ServiceState::Disrupted
    );
}

#[test]
fn doctolib_on_wednesday_is_recent_with_the_correction_first() {
    let feed = sample();
    let status = feed.status_at(at("2021-11-24T11:00:00+01:00"));
    assert!(status.active.is_empty());
    assert_eq!(ids(&status.recent), vec![DOCTOLIB]);
    let now = &status.recent[0];
    assert_eq!(now.resolved_at, Some(at("2021-11-23T12:00:00+01:00")));
    assert_eq!(now.updates[0].kind, UpdateKind::Correction);
    assert!(now.updates[0]
        .text
        .get("de")
        .contains("Haben Sie Ihren letzten Termin verpasst?"));
    assert_eq!(now.updates.len(), 6);
}

#[test]
fn ti_outage_at_10_00_is_active_and_all_four_ti_services_are_out() {
    let feed = sample();
    let status = feed.status_at(at("2025-06-13T10:00:00+02:00"));
    assert_eq!(status.freshness, Freshness::Fresh);
    assert_eq!(status.overall, Overall::Outage);
    assert_eq!(ids(&status.active), vec![TI]);
    let now = &status.active[0];
    assert_eq!(now.impact, Impact::Outage);
    assert_eq!(now.incident.regions, vec!["de".to_string()]);
    assert_eq!(now.next_update, Some(at("2025-06-13T11:00:00+02:00")));
    for service in TI_SERVICES {
        assert_eq!(
            state_of(&feed, "2025-06-13T10:00:00+02:00", service),
            ServiceState::Outage,
            "{service}"
        );
    }
    for service in ["termin-buchen", "termin-absagen"] {
        assert_eq!(
            state_of(&feed, "2025-06-13T10:00:00+02:00", service),
            ServiceState::Operational,
            "{service}"
        );
    }
    // Muster 16 and 116117 with its hours are among the fallbacks.
    let fallbacks = &now.incident.fallbacks;
    assert!(fallbacks.iter().any(|f| f.label.get("de").contains("Muster 16")));
    let on_call = fallbacks
        .iter()
        .find(|f| f.phone.as_ref().is_some_and(|p| p.tel_uri() == "tel:116117"))
        .expect("116117");
    assert_eq!(
        on_call.hours.as_ref().map(|h| h.get("de")),
        Some("rund um die Uhr erreichbar")
    );
    assert_eq!(on_call.hours.as_ref().map(|h| h.get("en")), Some("24/7"));
}

#[test]
fn after_the_ti_outage_nothing_is_active_and_the_feed_is_stale_soon_after() {
    let feed = sample();
    let status = feed.status_at(at("2025-06-13T16:00:00+02:00"));
    assert!(status.active.is_empty());
    assert_eq!(ids(&status.recent), vec![TI]);
    assert!(status
        .services
        .iter()
        .all(|(_, st)| *st == ServiceState::Operational));
    // Generated 14:35, fresh for 15 minutes: at 16:00 no one may claim all works.
    assert_eq!(
        status.freshness,
        Freshness::Stale {
            since: at("2025-06-13T14:50:00+02:00")
        }
    );
    assert_eq!(status.overall, Overall::Unknown);
    // Within its freshness, the same state says all works.
    assert_eq!(
        feed.status_at(at("2025-06-13T14:40:00+02:00")).overall,
        Overall::AllWorking
    );
}

#[test]
fn a_year_later_the_feed_is_stale_and_the_overall_state_unknown() {
    let feed = sample();
    let status = feed.status_at(at("2026-11-22T12:00:00Z"));
    assert!(matches!(status.freshness, Freshness::Stale { .. }));
    assert_eq!(status.overall, Overall::Unknown);
    assert_ne!(status.overall, Overall::AllWorking);
    assert!(status.active.is_empty() && status.recent.is_empty());
}

#[test]
fn doctolib_start_reads_the_german_way() {
    let feed = sample();
    let doctolib = feed
        .incidents
        .iter()
        .find(|i| i.id == DOCTOLIB)
        .expect("Doctolib incident");
    assert_eq!(
        berlin::date_time_de(&doctolib.start),
        "Montag, 22.11.2021, 9:12 Uhr"
    );
    let ti = feed.incidents.iter().find(|i| i.id == TI).expect("TI incident");
    assert_eq!(berlin::date_time_de(&ti.start), "Freitag, 13.06.2025, 8:45 Uhr");
}

#[test]
fn the_minimal_example_in_the_format_documentation_is_valid() {
    let start = FORMAT_DOC
        .find("```json\n")
        .expect("a json block in docs/feed-format.md")
        + 8;
    let len = FORMAT_DOC[start..].find("\n```").expect("end of the json block");
    let example = &FORMAT_DOC[start..start + len];
    assert!(example.starts_with("{\n  \"$schema\""), "{example}");
    let parsed = parse(example);
    let problems: Vec<String> = parsed.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(problems, Vec::<String>::new());
    let feed = parsed.feed.expect("valid");
    let status = feed.status_at(at("2021-11-22T10:30:00+01:00"));
    assert_eq!(status.overall, Overall::Outage);
}

#[test]
fn a_visitor_in_nrw_does_not_see_the_berlin_outage_but_always_the_nationwide_one() {
    use wegweiser_core::present::{Choice, PageModel};
    use wegweiser_core::Words;
    let feed = sample();
    let region = |r| Choice {
        words: Words::german(),
        region: Some(r),
    };
    // Doctolib (Berlin only) at 10:30.
    let berlin = PageModel::chosen(&feed, at("2021-11-22T10:30:00+01:00"), region("berlin"), false);
    assert_eq!(berlin.notices.len(), 1);
    assert_eq!(berlin.banner.tone, "outage");
    assert_eq!(
        berlin.region.as_ref().map(|r| r.name.text.as_str()),
        Some("Berlin")
    );
    let nrw = PageModel::chosen(&feed, at("2021-11-22T10:30:00+01:00"), region("nrw"), false);
    assert!(nrw.notices.is_empty());
    assert_eq!(nrw.banner.tone, "ok", "nothing is wrong in NRW");
    let termine = nrw
        .groups
        .iter()
        .flat_map(|g| &g.services)
        .find(|s| s.id == "termin-absagen");
    assert_eq!(termine.map(|s| s.state), Some(ServiceState::Operational));
    // The TI outage (nationwide) reaches every region.
    let ti_at = at("2025-06-13T10:00:00+02:00");
    for r in ["berlin", "nrw", "brandenburg"] {
        let page = PageModel::chosen(&feed, ti_at, region(r), false);
        assert_eq!(
            page.notices.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(),
            vec![TI],
            "{r}"
        );
    }
    // An unknown region shows everything, and says no region was chosen.
    let unknown = PageModel::chosen(&feed, at("2021-11-22T10:30:00+01:00"), region("mars"), false);
    assert_eq!(unknown.notices.len(), 1);
    assert!(unknown.region.is_none());
    // The nationwide region is no choice: it would hide the regional notices.
    assert_eq!(
        unknown.regions.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ["berlin", "brandenburg", "nrw"]
    );
    let nationwide = PageModel::chosen(&feed, at("2021-11-22T10:30:00+01:00"), region("de"), false);
    assert!(nationwide.region.is_none());
    assert_eq!(nationwide.notices.len(), 1, "the Berlin outage stays in view");
}

#[test]
fn a_deep_link_shows_one_notice_with_its_whole_history_even_long_after() {
    use wegweiser_core::present::{NoticeCard, NoticePhase};
    use wegweiser_core::Words;
    let feed = sample();
    let later = at("2026-01-01T12:00:00+01:00");
    let card = NoticeCard::on_its_page(&feed, DOCTOLIB, later, Words::german()).expect("the Doctolib notice");
    assert_eq!(card.id, DOCTOLIB);
    assert_eq!(card.phase, NoticePhase::Resolved);
    assert!(card.updates.len() >= 4, "every update, newest first");
    assert!(NoticeCard::on_its_page(&feed, "gibt-es-nicht", later, Words::german()).is_none());
}
