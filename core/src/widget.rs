//! The embeddable notice ("widget") for a practice's or pharmacy's own website: which
//! notices touch the services and the region the site chose, and every word the widget
//! says. Like [`crate::present`], nothing here knows about HTML; the app's widget view
//! only places these values.
//!
//! The widget never says that all is well unless the feed is fresh, every id it was
//! given exists, and no notice in its scope is in force. Its own words are German for
//! now; they all live here, so a translation touches one file.

use crate::model::{Feed, Maintenance};
use crate::parse::{is_id, is_language_tag};
use crate::present::{Banner, FallbackItem, Localized, NoticeCard, When};
use crate::status::{Freshness, IncidentNow, Overall, ServiceState, Status};
use crate::words::Words;
use crate::FallbackKind;
use std::borrow::Cow;

/// How the widget looks: the host site's choice, or the visitor's system setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follows the visitor's system setting (`prefers-color-scheme`).
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    /// The word in the widget's address (`theme=`) and in `<html data-theme>`.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn parse(s: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// What the embedding site asked for, read from the widget's address:
/// `services=erezept-einloesen,gesundheitskarte-apotheke&region=berlin&lang=de&theme=dark`,
/// plus `origin=` (the host page's origin, set by `widget.js`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WidgetParams {
    /// Service ids, in the given order, without repeats. Empty: every service.
    pub services: Vec<String>,
    /// A region id. `None`: every region.
    pub region: Option<String>,
    /// The language feed texts are picked in (falls back like [`crate::Text::pick`]).
    pub lang: String,
    pub theme: Theme,
    /// The host page's origin (`https://praxis.example`), to which the widget posts its
    /// height. `None` in a plain `<iframe>`, or when the value is not an origin.
    pub host_origin: Option<String>,
    /// Values of `services=` and `region=` that cannot be ids, as given.
    pub malformed: Vec<String>,
}

/// The most service ids one widget takes (the feed's services fit many times over).
const MAX_SERVICES: usize = 32;

impl WidgetParams {
    /// Reads the parameters through `get` (a query-string lookup). A language or theme
    /// that is not understood falls back to German / automatic; a service or region that
    /// cannot be an id is kept in `malformed`, so the widget says it is misconfigured.
    pub fn read(get: impl Fn(&str) -> Option<String>) -> WidgetParams {
        let mut params = WidgetParams {
            lang: crate::DEFAULT_LANGUAGE.to_string(),
            ..WidgetParams::default()
        };
        for id in get("services").unwrap_or_default().split(',').map(str::trim) {
            if id.is_empty() || params.services.iter().any(|s| s == id) {
                continue;
            }
            if is_id(id) && params.services.len() < MAX_SERVICES {
                params.services.push(id.to_string());
            } else {
                params.malformed.push(shorten(id));
            }
        }
        if let Some(region) = get("region")
            .map(|r| r.trim().to_string())
            .filter(|r| !r.is_empty())
        {
            if is_id(&region) {
                params.region = Some(region);
            } else {
                params.malformed.push(shorten(&region));
            }
        }
        if let Some(lang) = get("lang").map(|l| l.trim().to_ascii_lowercase()) {
            if is_language_tag(&lang) {
                params.lang = lang;
            }
        }
        params.theme = get("theme")
            .and_then(|t| Theme::parse(t.trim()))
            .unwrap_or_default();
        params.host_origin = get("origin").filter(|o| is_web_origin(o));
        params
    }
}

/// At most 40 characters of a value the site gave, for the message that names it.
fn shorten(s: &str) -> String {
    let mut out: String = s.chars().filter(|c| !c.is_control()).take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// `https://host[:port]` or `http://host[:port]` with nothing after it: what
/// `location.origin` gives on a web page, and all `postMessage` needs.
pub fn is_web_origin(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://")) else {
        return false;
    };
    let (host, port) = rest.rsplit_once(':').unwrap_or((rest, "80"));
    let host_ok = !host.is_empty()
        && host.len() <= 253
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        || (host.starts_with('[') && host.ends_with(']') && host.len() > 2);
    let port_ok = !port.is_empty() && port.len() <= 5 && port.chars().all(|c| c.is_ascii_digit());
    host_ok && port_ok
}

/// Whether a notice naming `regions` concerns the widget: with no region chosen every
/// notice does, else as on the page ([`Feed::concerns`]).
fn in_region(feed: &Feed, regions: &[String], chosen: Option<&str>) -> bool {
    chosen.is_none_or(|chosen| feed.concerns(regions, chosen))
}

fn in_services(services: &[String], chosen: &[String]) -> bool {
    chosen.is_empty() || services.iter().any(|s| chosen.contains(s))
}

/// "A", "A und B", "A, B und C".
pub fn join_de(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} und {last}", rest.join(", ")),
    }
}

/// Writing direction of a language tag, for `dir=` beside `lang=`.
pub fn direction(lang: &str) -> &'static str {
    let primary = lang.split('-').next().unwrap_or(lang);
    if ["ar", "fa", "he", "ur", "ps", "yi", "ckb", "dv", "sd", "ug"].contains(&primary) {
        "rtl"
    } else {
        "ltr"
    }
}

/// The widget at one instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WidgetModel {
    /// The state in words; the calm line when nothing in scope is known to be wrong.
    pub banner: Banner,
    /// Notices in force for the chosen services and region, worst first, each cut
    /// down to what fits a small box: phone fallbacks only, without long details.
    pub notices: Vec<NoticeCard>,
    /// "Stand: …"; `None` before a feed arrived.
    pub generated: Option<When>,
    /// The feed is older than it declares it stays fresh.
    pub stale: bool,
    /// The latest fetch failed; what is shown was fetched then.
    pub refresh_failed: Option<When>,
    /// The instant shown, when it is a preview (`at=`), not now.
    pub preview_at: Option<When>,
    /// The feed is marked as example data.
    pub example: bool,
    /// For the operator of the embedding site: what in the widget's address the feed
    /// does not know, and what it does know.
    pub setup_problem: Option<String>,
}

impl WidgetModel {
    /// The widget for `status` (of `feed`) with the site's `params`.
    pub fn new(feed: &Feed, status: &Status<'_>, params: &WidgetParams, preview: bool) -> WidgetModel {
        let lang = params.lang.as_str();
        let region = params.region.as_deref();
        let mut unknown: Vec<String> = params.malformed.clone();
        unknown.extend(
            params
                .services
                .iter()
                .filter(|id| feed.service(id).is_none())
                .cloned(),
        );
        unknown.extend(region.filter(|r| feed.region(r).is_none()).map(str::to_string));

        let incidents: Vec<&IncidentNow<'_>> = status
            .active
            .iter()
            .filter(|a| in_services(&a.incident.services, &params.services))
            .filter(|a| in_region(feed, &a.incident.regions, region))
            .collect();
        let maintenance: Vec<&Maintenance> = status
            .maintenance_now
            .iter()
            .copied()
            .filter(|m| in_services(&m.services, &params.services))
            .filter(|m| in_region(feed, &m.regions, region))
            .collect();

        // The chosen services (every service if none was chosen) with their state here.
        let chosen: Vec<&crate::Service> = if params.services.is_empty() {
            feed.services().collect()
        } else {
            params.services.iter().filter_map(|id| feed.service(id)).collect()
        };
        let states: Vec<(String, ServiceState)> = chosen
            .iter()
            .map(|s| {
                let state = incidents
                    .iter()
                    .filter(|a| a.incident.services.contains(&s.id))
                    .map(|a| ServiceState::from(a.impact))
                    .chain(
                        maintenance
                            .iter()
                            .filter(|m| m.services.contains(&s.id))
                            .map(|_| ServiceState::Maintenance),
                    )
                    .max()
                    .unwrap_or(ServiceState::Operational);
                (Localized::pick(&s.name, lang).text, state)
            })
            .collect();
        // Every notice in scope counts, also one naming only services this feed does
        // not define (a newer format), as on the page.
        let worst = states
            .iter()
            .map(|(_, st)| *st)
            .chain(incidents.iter().map(|a| ServiceState::from(a.impact)))
            .chain(maintenance.iter().map(|_| ServiceState::Maintenance))
            .max()
            .unwrap_or(ServiceState::Operational);
        let overall = Overall::of(worst, status.freshness);
        let where_ = region
            .and_then(|r| feed.region(r))
            .map(|r| format!("in {} ", Localized::pick(&r.name, lang).text))
            .unwrap_or_default();
        // With no services chosen, the calm and the unknown line say "alle Dienste".
        let all_names: Vec<String> = if params.services.is_empty() {
            vec![ALL_SERVICES.to_string()]
        } else {
            states.iter().map(|(n, _)| n.clone()).collect()
        };

        let banner = if !unknown.is_empty()
            && matches!(
                overall,
                Overall::AllWorking | Overall::Maintenance | Overall::Unknown
            ) {
            misconfigured(&unknown)
        } else {
            match overall {
                Overall::AllWorking => calm(&all_names, &where_),
                Overall::Unknown => stale(&all_names),
                _ => affected(overall, &states, &where_),
            }
        };

        let mut notices: Vec<NoticeCard> = incidents
            .iter()
            .map(|a| NoticeCard::incident(feed, a, Words::german(), lang))
            .collect();
        notices.extend(
            maintenance
                .iter()
                .map(|m| NoticeCard::maintenance(feed, m, false, Words::german(), lang)),
        );
        for card in &mut notices {
            card.fallbacks = short_fallbacks(&card.fallbacks);
            card.updates.clear();
        }

        WidgetModel {
            banner,
            notices,
            generated: Some(When::of(&feed.generated_at, Words::german())),
            stale: matches!(status.freshness, Freshness::Stale { .. }),
            refresh_failed: None,
            preview_at: preview.then(|| When::of(&status.at, Words::german())),
            example: feed.publisher.example,
            setup_problem: (!unknown.is_empty()).then(|| setup_help(feed, &unknown)),
        }
    }

    /// The widget with no feed at hand: loading, or [`unavailable`].
    pub fn only(banner: Banner) -> WidgetModel {
        WidgetModel {
            banner,
            notices: Vec::new(),
            generated: None,
            stale: false,
            refresh_failed: None,
            preview_at: None,
            example: false,
            setup_problem: None,
        }
    }

    /// The short notes under the state, in words: stale, could not update, example
    /// data, preview, and the setup problem for the site's operator.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if self.stale {
            notes.push(words::STALE.to_string());
        }
        if let Some(last) = &self.refresh_failed {
            notes.push(format!("{}{}.", words::REFRESH_FAILED, last.label));
        }
        if self.example {
            notes.push(words::EXAMPLE.to_string());
        }
        if let Some(at) = &self.preview_at {
            notes.push(format!("{}{}.", words::PREVIEW, at.label));
        }
        notes.extend(self.setup_problem.clone());
        notes
    }

    /// "Stand: Freitag, 13.06.2025, 14:35 Uhr", or "" before a feed arrived.
    pub fn stand(&self) -> String {
        self.generated
            .as_ref()
            .map(|g| format!("{}{}", words::STAND, g.label))
            .unwrap_or_default()
    }

    /// The full page's address relative to the widget page (both live in one folder),
    /// at the same preview instant, opened at the first notice.
    pub fn full_page_href(&self) -> String {
        let mut href = String::from("./");
        if let Some(at) = &self.preview_at {
            href.push_str("?at=");
            href.push_str(&at.machine.replace('+', "%2B"));
        }
        if let Some(first) = self.notices.first() {
            href.push_str("#meldung-");
            href.push_str(&first.id);
        }
        href
    }
}

/// The phone numbers of a notice's fallbacks, without their long explanations.
fn short_fallbacks(all: &[FallbackItem]) -> Vec<FallbackItem> {
    all.iter()
        .filter(|f| f.kind == FallbackKind::Phone && f.phone.is_some())
        .map(|f| FallbackItem {
            for_whom: None,
            details: None,
            url: None,
            ..f.clone()
        })
        .collect()
}

/// How the widget names every service at once (plural).
const ALL_SERVICES: &str = "alle Dienste";

fn verb(names: &[String], one: &'static str, many: &'static str) -> &'static str {
    if names.len() == 1 && names[0] != ALL_SERVICES {
        one
    } else {
        many
    }
}

/// Nothing known to be wrong, and the feed is fresh: the one calm line.
fn calm(names: &[String], where_: &str) -> Banner {
    Banner {
        tone: "ok",
        icon: "✓",
        heading: "Keine Störung bekannt",
        detail: Cow::Owned(format!(
            "{} {} {where_}nach unserem aktuellen Stand.",
            // At the start of the sentence (no char::to_uppercase: its tables are 14 KB of wasm).
            if names == [ALL_SERVICES] {
                "Alle Dienste".to_string()
            } else {
                join_de(names)
            },
            verb(names, "funktioniert", "funktionieren")
        )),
    }
}

/// The feed is too old to say that anything works.
fn stale(names: &[String]) -> Banner {
    Banner {
        tone: "unknown",
        icon: "?",
        heading: "Status unbekannt",
        detail: Cow::Owned(format!(
            "Unsere Meldungen sind nicht aktuell. Wir wissen nicht, ob {} {}. {ASK}",
            join_de(names),
            verb(names, "funktioniert", "funktionieren")
        )),
    }
}

/// What to do when the widget cannot know: ask where the patient is anyway.
const ASK: &str = "Fragen Sie in Ihrer Praxis oder Apotheke nach.";

/// Something in scope does not work.
fn affected(overall: Overall, states: &[(String, ServiceState)], where_: &str) -> Banner {
    let hit: Vec<&(String, ServiceState)> = states
        .iter()
        .filter(|(_, st)| *st != ServiceState::Operational)
        .collect();
    let names: Vec<String> = hit.iter().map(|(n, _)| n.clone()).collect();
    let same = hit.windows(2).all(|w| w[0].1 == w[1].1);
    let base = Banner::for_overall(overall, Words::german());
    let (heading, one, many, rest) = match overall {
        Overall::Outage => ("Ausfall", "geht", "gehen", "gerade nicht."),
        Overall::Disrupted => ("Störung", "geht", "gehen", "gerade nur eingeschränkt."),
        _ => (
            "Geplante Wartung",
            "geht",
            "gehen",
            "wegen geplanter Arbeiten gerade nicht.",
        ),
    };
    let detail = if names.is_empty() {
        // Only a notice naming services this feed does not know.
        "Eine Meldung betrifft Dienste, die hier nicht aufgeführt sind.".to_string()
    } else if same {
        format!("{} {} {where_}{rest}", join_de(&names), verb(&names, one, many))
    } else {
        format!("Betrifft {where_}gerade: {}.", join_de(&names))
    };
    Banner {
        tone: base.tone,
        icon: base.icon,
        heading,
        detail: Cow::Owned(detail),
    }
}

/// The widget's address names what the feed does not know: never "all works".
fn misconfigured(unknown: &[String]) -> Banner {
    let quoted: Vec<String> = unknown.iter().map(|u| format!("„{u}“")).collect();
    Banner {
        tone: "unknown",
        icon: "?",
        heading: "Hinweis falsch eingerichtet",
        detail: Cow::Owned(format!(
            "Dieser Hinweis kennt {} nicht. Wir können deshalb nicht sagen, ob alles funktioniert. {ASK}",
            join_de(&quoted)
        )),
    }
}

/// For the site's operator: the ids the feed offers.
fn setup_help(feed: &Feed, unknown: &[String]) -> String {
    let services: Vec<&str> = feed.services().map(|s| s.id.as_str()).collect();
    let regions: Vec<&str> = feed.regions.iter().map(|r| r.id.as_str()).collect();
    format!(
        "Für die Betreiber dieser Website: Unbekannt: {}. Mögliche Dienste (services): {}. Mögliche Gebiete (region): {}.",
        unknown.join(", "),
        services.join(", "),
        regions.join(", ")
    )
}

/// The feed could not be loaded, or is broken, and no earlier feed is at hand.
pub fn unavailable() -> Banner {
    Banner {
        tone: "unknown",
        icon: "?",
        heading: "Status unbekannt",
        detail: Cow::Borrowed(
            "Die Meldungen konnten gerade nicht geladen werden. Wir wissen deshalb nicht, ob alles funktioniert. Fragen Sie in Ihrer Praxis oder Apotheke nach.",
        ),
    }
}

/// The widget's fixed words, in one place for translation.
pub mod words {
    /// The iframe's title and the widget's first line.
    pub const TITLE: &str = "Wegweiser: Störungen bei E-Rezept, Gesundheitskarte und Terminen";
    pub const SITE: &str = "Wegweiser";
    pub const STAND: &str = "Stand: ";
    pub const STALE: &str = "Diese Angaben können veraltet sein.";
    pub const REFRESH_FAILED: &str = "Konnte nicht neu laden. Stand vom ";
    pub const EXAMPLE: &str = "Beispiel-Daten, nicht aktuell.";
    pub const PREVIEW: &str = "Vorschau für ";
    pub const FULL_PAGE: &str = "Alle Einzelheiten auf der Wegweiser-Seite";
    pub const NEW_WINDOW: &str = "(öffnet in neuem Fenster)";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse, Time};
    use std::collections::BTreeMap;

    const SAMPLE: &str = include_str!("../../feed/feed.json");
    const TI_AT: &str = "2025-06-13T10:00:00+02:00";
    const DOCTOLIB_AT: &str = "2021-11-22T10:30:00+01:00";
    /// Between the stories, with the sample feed still fresh: nothing in force.
    const QUIET_AT: &str = "2025-06-13T14:40:00+02:00";

    fn sample() -> Feed {
        parse(SAMPLE).feed.expect("valid sample")
    }

    fn at(s: &str) -> Time {
        crate::rfc3339::parse(s).expect("test time")
    }

    fn params(query: &[(&str, &str)]) -> WidgetParams {
        let map: BTreeMap<String, String> = query
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        WidgetParams::read(|k| map.get(k).cloned())
    }

    fn widget(query: &[(&str, &str)], instant: &str) -> WidgetModel {
        let feed = sample();
        let status = feed.status_at(at(instant));
        WidgetModel::new(&feed, &status, &params(query), true)
    }

    fn ids(w: &WidgetModel) -> Vec<&str> {
        w.notices.iter().map(|n| n.id.as_str()).collect()
    }

    #[test]
    fn reads_parameters_and_falls_back_for_language_and_theme() {
        let p = params(&[
            (
                "services",
                " erezept-einloesen,gesundheitskarte-apotheke,erezept-einloesen,",
            ),
            ("region", "berlin"),
            ("lang", "EN"),
            ("theme", "dark"),
            ("origin", "https://praxis.example"),
        ]);
        assert_eq!(p.services, vec!["erezept-einloesen", "gesundheitskarte-apotheke"]);
        assert_eq!(p.region.as_deref(), Some("berlin"));
        assert_eq!(p.lang, "en");
        assert_eq!(p.theme, Theme::Dark);
        assert_eq!(p.host_origin.as_deref(), Some("https://praxis.example"));
        assert!(p.malformed.is_empty());

        let p = params(&[
            ("lang", "<b>"),
            ("theme", "neon"),
            ("origin", "javascript:alert(1)"),
        ]);
        assert_eq!(
            (p.lang.as_str(), p.theme, p.host_origin),
            ("de", Theme::Auto, None)
        );
        assert!(p.services.is_empty() && p.region.is_none());

        let p = params(&[("services", "E-Rezept,<script>"), ("region", "Berlin Mitte")]);
        assert_eq!(p.malformed, vec!["E-Rezept", "<script>", "Berlin Mitte"]);
    }

    #[test]
    fn origins_are_scheme_host_and_port_only() {
        for ok in [
            "https://praxis.example",
            "http://127.0.0.1:8081",
            "https://a-b.example:443",
            "http://[::1]:80",
        ] {
            assert!(is_web_origin(ok), "{ok}");
        }
        for bad in [
            "https://",
            "ftp://x.de",
            "https://x.de/",
            "https://x.de:port",
            "https://user@x.de",
            "null",
            "*",
            "https://x.de/#",
        ] {
            assert!(!is_web_origin(bad), "{bad}");
        }
    }

    #[test]
    fn calm_line_when_the_chosen_services_work_and_the_feed_is_fresh() {
        let w = widget(
            &[
                ("services", "erezept-einloesen,gesundheitskarte-apotheke"),
                ("region", "berlin"),
            ],
            QUIET_AT,
        );
        assert_eq!(w.banner.tone, "ok");
        assert_eq!(w.banner.heading, "Keine Störung bekannt");
        assert_eq!(
            w.banner.detail,
            "E-Rezept einlösen und Gesundheitskarte einlesen in der Apotheke funktionieren in Berlin nach unserem aktuellen Stand."
        );
        assert!(w.notices.is_empty() && !w.stale && w.setup_problem.is_none());
        // One service: singular.
        let w = widget(&[("services", "termin-buchen")], QUIET_AT);
        assert_eq!(
            w.banner.detail,
            "Termin online buchen funktioniert nach unserem aktuellen Stand."
        );
    }

    #[test]
    fn the_nationwide_ti_outage_reaches_a_berlin_pharmacy_with_its_phone_numbers_only() {
        let w = widget(
            &[
                ("services", "erezept-einloesen,gesundheitskarte-apotheke"),
                ("region", "berlin"),
            ],
            TI_AT,
        );
        assert_eq!(w.banner.tone, "outage");
        assert_eq!(
            w.banner.detail,
            "E-Rezept einlösen und Gesundheitskarte einlesen in der Apotheke gehen in Berlin gerade nicht."
        );
        assert_eq!(ids(&w), vec!["ti-ausfall-2025-06-13"]);
        let card = &w.notices[0];
        assert_eq!(card.badge, "Ausfall");
        assert!(card.what_to_do.text.contains("Muster 16"));
        let phones: Vec<&str> = card
            .fallbacks
            .iter()
            .filter_map(|f| f.phone.as_ref())
            .map(|p| p.href.as_str())
            .collect();
        assert_eq!(phones, vec!["tel:116117", "tel:08000022833"]);
        assert!(card
            .fallbacks
            .iter()
            .all(|f| f.details.is_none() && f.url.is_none()));
        assert!(card.updates.is_empty());
        assert_eq!(
            w.full_page_href(),
            "./?at=2025-06-13T10:00:00%2B02:00#meldung-ti-ausfall-2025-06-13"
        );
    }

    #[test]
    fn only_notices_for_the_chosen_services_and_region_count() {
        // The Doctolib outage is in Berlin and about cancelling appointments.
        let berlin = widget(
            &[("services", "termin-absagen"), ("region", "berlin")],
            DOCTOLIB_AT,
        );
        assert_eq!(ids(&berlin), vec!["doctolib-berlin-2021-11-22"]);
        assert_eq!(
            berlin.banner.detail,
            "Termin online absagen geht in Berlin gerade nicht."
        );
        let phones: Vec<&str> = berlin.notices[0]
            .fallbacks
            .iter()
            .filter_map(|f| f.phone.as_ref())
            .map(|p| p.display.as_str())
            .collect();
        assert_eq!(phones, vec!["030 90 28 22 00"]);
        // Elsewhere, or for other services, it does not count.
        for query in [
            vec![("services", "termin-absagen"), ("region", "nrw")],
            vec![("services", "termin-absagen"), ("region", "de")],
            vec![("services", "erezept-einloesen"), ("region", "berlin")],
        ] {
            let w = widget(&query, DOCTOLIB_AT);
            assert!(w.notices.is_empty(), "{query:?}");
            assert_eq!(w.banner.tone, "ok", "{query:?}");
        }
        // No region: every region; no services: every service.
        assert_eq!(
            ids(&widget(&[("services", "termin-absagen")], DOCTOLIB_AT)),
            vec!["doctolib-berlin-2021-11-22"]
        );
        let all = widget(&[], DOCTOLIB_AT);
        assert_eq!(ids(&all), vec!["doctolib-berlin-2021-11-22"]);
        assert_eq!(all.banner.detail, "Termin online absagen geht gerade nicht.");
        // A nationwide notice concerns every region, the nationwide one included.
        for region in ["de", "nrw", "brandenburg"] {
            assert_eq!(
                ids(&widget(&[("region", region)], TI_AT)),
                vec!["ti-ausfall-2025-06-13"],
                "{region}"
            );
        }
    }

    #[test]
    fn services_in_different_states_are_named_without_one_verb_for_all() {
        let mut feed = sample();
        let ti = feed
            .incidents
            .iter_mut()
            .find(|i| i.id == "ti-ausfall-2025-06-13")
            .expect("TI");
        ti.services = vec!["erezept-einloesen".into()];
        ti.impact = crate::Impact::Disrupted;
        ti.updates.clear();
        let status = feed.status_at(at(TI_AT));
        let w = WidgetModel::new(
            &feed,
            &status,
            &params(&[("services", "erezept-einloesen,termin-buchen")]),
            false,
        );
        assert_eq!(w.banner.tone, "disrupted");
        assert_eq!(
            w.banner.detail,
            "E-Rezept einlösen geht gerade nur eingeschränkt."
        );
        assert_eq!(w.full_page_href(), "./#meldung-ti-ausfall-2025-06-13");
    }

    #[test]
    fn unknown_ids_are_said_never_all_fine() {
        let w = widget(
            &[("services", "erezept-einloesen,e-rezept"), ("region", "hamburg")],
            QUIET_AT,
        );
        assert_eq!(w.banner.tone, "unknown");
        assert_eq!(w.banner.heading, "Hinweis falsch eingerichtet");
        assert!(
            w.banner.detail.contains("„e-rezept“ und „hamburg“"),
            "{}",
            w.banner.detail
        );
        assert!(!w.banner.detail.contains("funktioniert nach"));
        let help = w.setup_problem.expect("help for the site operator");
        assert!(
            help.contains("erezept-einloesen, gesundheitskarte-apotheke"),
            "{help}"
        );
        assert!(help.contains("de, berlin, brandenburg, nrw"), "{help}");
        // Malformed values, too.
        let w = widget(&[("services", "E-Rezept")], QUIET_AT);
        assert_eq!(w.banner.heading, "Hinweis falsch eingerichtet");
        // A known outage is still said, with the setup problem beside it.
        let w = widget(&[("services", "erezept-einloesen,e-rezept")], TI_AT);
        assert_eq!(w.banner.tone, "outage");
        assert!(w.setup_problem.is_some());
    }

    #[test]
    fn a_stale_feed_is_status_unknown_but_a_known_outage_is_still_said() {
        let w = widget(
            &[("services", "erezept-einloesen"), ("region", "berlin")],
            "2026-01-01T12:00:00+01:00",
        );
        assert_eq!(w.banner.tone, "unknown");
        assert_eq!(w.banner.heading, "Status unbekannt");
        assert!(w
            .banner
            .detail
            .contains("Fragen Sie in Ihrer Praxis oder Apotheke nach."));
        assert!(w.stale);
        // Still in force after the feed went stale: said, with the stale flag.
        let mut feed = sample();
        for i in &mut feed.incidents {
            i.end = None;
            i.updates.retain(|u| u.kind != crate::UpdateKind::Resolved);
        }
        let status = feed.status_at(at("2026-01-01T12:00:00+01:00"));
        let w = WidgetModel::new(
            &feed,
            &status,
            &params(&[("services", "erezept-einloesen")]),
            false,
        );
        assert_eq!(w.banner.tone, "outage");
        assert!(w.stale);
        assert!(unavailable()
            .detail
            .contains("Fragen Sie in Ihrer Praxis oder Apotheke nach."));
        assert_eq!(unavailable().tone, "unknown");
    }

    #[test]
    fn feed_texts_follow_the_chosen_language_with_fallback() {
        let w = widget(&[("services", "erezept-einloesen"), ("lang", "en")], TI_AT);
        assert_eq!(w.notices[0].title.lang, "en");
        assert!(w.notices[0].title.text.starts_with("E-prescriptions"));
        let w = widget(&[("services", "erezept-einloesen"), ("lang", "tr")], TI_AT);
        assert_eq!(w.notices[0].title.lang, "de");
        assert_eq!(
            (direction("ar"), direction("de-x-ls"), direction("fa-IR")),
            ("rtl", "ltr", "rtl")
        );
    }

    #[test]
    fn lists_are_joined_in_german() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(join_de(&s(&[])), "");
        assert_eq!(join_de(&s(&["A"])), "A");
        assert_eq!(join_de(&s(&["A", "B"])), "A und B");
        assert_eq!(join_de(&s(&["A", "B", "C"])), "A, B und C");
    }
}
