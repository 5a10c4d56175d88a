//! From a [`Status`] to what a citizen reads: every word of the page that is not the
//! operator's, every formatted time, every link. Views only place these values in
//! markup; nothing here knows about HTML, so the live page and any static rendering
//! say exactly the same.

use crate::berlin;
use crate::model::*;
use crate::status::{IncidentNow, Overall, ServiceState, Status};
use std::borrow::Cow;

/// A feed text in the language it was actually found in (for the `lang` attribute).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Localized {
    pub text: String,
    pub lang: String,
}

impl Localized {
    pub fn pick(t: &Text, lang: &str) -> Localized {
        let (l, s) = t.pick(lang).unwrap_or((lang, ""));
        Localized {
            text: close_bidi(s),
            lang: l.to_string(),
        }
    }
}

/// The text with every change of writing direction it opens but does not close
/// (U+202A, U+202B, U+202D, U+202E without U+202C; U+2066–U+2068 without U+2069) closed
/// at its end, so a stray right-to-left override cannot reverse the page's words after
/// the text. Everything else stays exactly as written — HTML included (views insert
/// texts as text, never as markup) — and so do the direction and zero-width characters
/// themselves, which Arabic, Hebrew and Persian texts and emoji need.
pub fn close_bidi(s: &str) -> String {
    const PDF: char = '\u{202c}';
    const PDI: char = '\u{2069}';
    let mut open: Vec<char> = Vec::new();
    for c in s.chars() {
        match c {
            '\u{202a}' | '\u{202b}' | '\u{202d}' | '\u{202e}' => open.push(PDF),
            '\u{2066}'..='\u{2068}' => open.push(PDI),
            // A PDF closes an embedding only inside the innermost isolate.
            PDF if open.last() == Some(&PDF) => {
                open.pop();
            }
            // A PDI closes the innermost isolate and every embedding opened inside it.
            PDI => {
                if let Some(i) = open.iter().rposition(|&c| c == PDI) {
                    open.truncate(i);
                }
            }
            _ => {}
        }
    }
    let mut out = String::with_capacity(s.len() + 3 * open.len());
    out.push_str(s);
    out.extend(open.iter().rev());
    out
}

/// An instant as shown ("Montag, 22.11.2021, 9:12 Uhr") and as machine-readable text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct When {
    pub label: String,
    /// RFC 3339 for `<time datetime>`.
    pub machine: String,
}

impl When {
    pub fn of(t: &Time) -> When {
        When {
            label: berlin::date_time_de(t),
            machine: berlin::datetime_attr(t),
        }
    }
}

/// The page's headline state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Banner {
    /// A stable token for styling and tests: `ok`, `maintenance`, `disrupted`, `outage`, `unknown`.
    pub tone: &'static str,
    /// A symbol shown beside the words (decorative; the words carry the meaning).
    pub icon: &'static str,
    pub heading: &'static str,
    /// Fixed words on the page; the widget's line names the chosen services.
    pub detail: Cow<'static, str>,
}

impl Banner {
    pub fn for_overall(overall: Overall) -> Banner {
        match overall {
            Overall::AllWorking => Banner {
                tone: "ok",
                icon: "✓",
                heading: "Alles funktioniert",
                detail: Cow::Borrowed("Nach unserem aktuellen Stand funktionieren alle hier aufgeführten Dienste."),
            },
            Overall::Maintenance => Banner {
                tone: "maintenance",
                icon: "⚙",
                heading: "Geplante Wartung",
                detail: Cow::Borrowed("Einige Dienste gehen wegen geplanter Arbeiten gerade nicht. Unten steht, was Sie tun können."),
            },
            Overall::Disrupted => Banner {
                tone: "disrupted",
                icon: "!",
                heading: "Störung: Einiges geht nur eingeschränkt",
                detail: Cow::Borrowed("Manche Dienste gehen langsam oder nur teilweise. Unten steht, was Sie tun können."),
            },
            Overall::Outage => Banner {
                tone: "outage",
                icon: "✕",
                heading: "Ausfall: Einige Dienste gehen gerade nicht",
                detail: Cow::Borrowed("Unten steht, was nicht geht und was Sie stattdessen tun können."),
            },
            Overall::Unknown => Banner::unknown(),
        }
    }

    /// The feed is too old: nothing is known to be wrong, but nothing is confirmed either.
    pub fn unknown() -> Banner {
        Banner {
            tone: "unknown",
            icon: "?",
            heading: "Aktueller Stand unbekannt",
            detail: Cow::Borrowed(
                "Unsere Meldungen sind nicht mehr aktuell. Wir können nicht sagen, ob alles funktioniert.",
            ),
        }
    }

    /// The feed could not be loaded or is broken.
    pub fn unavailable() -> Banner {
        Banner {
            tone: "unknown",
            icon: "?",
            heading: "Status zurzeit nicht abrufbar",
            detail: Cow::Borrowed("Die Meldungen konnten nicht geladen werden. Wir wissen deshalb nicht, ob alles funktioniert."),
        }
    }

    /// Before the feed has arrived.
    pub fn loading() -> Banner {
        Banner {
            tone: "unknown",
            icon: "…",
            heading: "Status wird geladen",
            detail: Cow::Borrowed("Einen Moment bitte. Wir holen die aktuellen Meldungen."),
        }
    }
}

/// The word for a service's state.
pub fn state_label(state: ServiceState) -> &'static str {
    match state {
        ServiceState::Operational => "Funktioniert",
        ServiceState::Maintenance => "Wartung",
        ServiceState::Disrupted => "Gestört",
        ServiceState::Outage => "Ausfall",
    }
}

/// A stable token for a service state: `ok`, `maintenance`, `disrupted`, `outage`.
pub fn state_tone(state: ServiceState) -> &'static str {
    match state {
        ServiceState::Operational => "ok",
        ServiceState::Maintenance => "maintenance",
        ServiceState::Disrupted => "disrupted",
        ServiceState::Outage => "outage",
    }
}

/// A decorative symbol for a service state.
pub fn state_icon(state: ServiceState) -> &'static str {
    match state {
        ServiceState::Operational => "✓",
        ServiceState::Maintenance => "⚙",
        ServiceState::Disrupted => "!",
        ServiceState::Outage => "✕",
    }
}

/// What an update means, in plain words.
pub fn update_label(kind: UpdateKind) -> &'static str {
    match kind {
        UpdateKind::Investigating => "Problem bekannt, wir prüfen",
        UpdateKind::Identified => "Ursache gefunden",
        UpdateKind::Monitoring => "Wieder in Betrieb, wir beobachten noch",
        UpdateKind::Resolved => "Behoben",
        UpdateKind::FollowUp => "Nachtrag: Problem besteht weiter",
        UpdateKind::Correction => "Richtigstellung",
        UpdateKind::Other => "Neue Information",
    }
}

/// One service with its state, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceLine {
    pub id: String,
    pub name: Localized,
    pub state: ServiceState,
}

/// A group of services, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupCard {
    pub id: String,
    pub name: Localized,
    pub services: Vec<ServiceLine>,
}

/// A phone number ready to link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneLink {
    /// As written, e.g. "030 90 28 22 00".
    pub display: String,
    /// `tel:` URI.
    pub href: String,
}

impl From<&Phone> for PhoneLink {
    fn from(p: &Phone) -> Self {
        PhoneLink {
            display: p.display().to_string(),
            href: p.tel_uri(),
        }
    }
}

/// One thing to do instead, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FallbackItem {
    pub kind: FallbackKind,
    pub label: Localized,
    pub phone: Option<PhoneLink>,
    pub hours: Option<Localized>,
    pub for_whom: Option<Localized>,
    pub details: Option<Localized>,
    /// An `https:` address.
    pub url: Option<String>,
}

impl FallbackItem {
    pub fn of(f: &Fallback, lang: &str) -> FallbackItem {
        let loc = |t: &Option<Text>| t.as_ref().map(|t| Localized::pick(t, lang));
        FallbackItem {
            kind: f.kind,
            label: Localized::pick(&f.label, lang),
            phone: f.phone.as_ref().map(PhoneLink::from),
            hours: loc(&f.hours),
            for_whom: loc(&f.for_whom),
            details: loc(&f.details),
            url: f.url.as_ref().map(|u| u.as_str().to_string()),
        }
    }
}

/// One timeline entry, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateItem {
    pub kind: UpdateKind,
    pub label: &'static str,
    pub at: When,
    pub text: Localized,
}

/// Whether a notice is a live problem, planned work, or already over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticePhase {
    Active,
    Maintenance,
    Upcoming,
    Resolved,
}

/// A notice as the page shows it, answering in order: what does not work, where,
/// since when; what still works; what to do instead; when the next update comes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeCard {
    pub id: String,
    pub phase: NoticePhase,
    /// The state this notice puts its services in (for the badge).
    pub state: ServiceState,
    /// Badge text: "Ausfall", "Störung", "Wartung", "Geplant", "Behoben".
    pub badge: &'static str,
    pub title: Localized,
    pub not_working: Localized,
    pub still_working: Option<Localized>,
    pub what_to_do: Localized,
    /// Names of the affected services.
    pub services: Vec<Localized>,
    /// Names of the affected regions.
    pub regions: Vec<Localized>,
    /// "seit …" / "ab …" / "von …"
    pub start_prefix: &'static str,
    pub start: When,
    /// "bis …" for maintenance; "behoben am …" for resolved incidents.
    pub end_prefix: &'static str,
    pub end: Option<When>,
    pub next_update: Option<When>,
    pub fallbacks: Vec<FallbackItem>,
    /// Newest first, only those published by the instant shown.
    pub updates: Vec<UpdateItem>,
}

/// The names of `ids`, in order. An id the feed does not define (possible only in a
/// newer-format feed) is named in general terms, once, rather than left out: a notice
/// must never look as if it concerned less than it does.
fn names<'f>(
    ids: &[String],
    lookup: impl Fn(&str) -> Option<&'f Text>,
    unknown: &'static str,
    lang: &str,
) -> Vec<Localized> {
    let mut out: Vec<Localized> = ids
        .iter()
        .filter_map(|id| lookup(id).map(|t| Localized::pick(t, lang)))
        .collect();
    if out.len() < ids.len() {
        out.push(Localized {
            text: unknown.to_string(),
            lang: "de".to_string(),
        });
    }
    out
}

impl NoticeCard {
    fn base(
        feed: &Feed,
        id: &str,
        services: &[String],
        regions: &[String],
        text: &NoticeText,
        fallbacks: &[Fallback],
        lang: &str,
    ) -> NoticeCard {
        NoticeCard {
            id: id.to_string(),
            phase: NoticePhase::Active,
            state: ServiceState::Outage,
            badge: "",
            title: Localized::pick(&text.title, lang),
            not_working: Localized::pick(&text.not_working, lang),
            still_working: text.still_working.as_ref().map(|t| Localized::pick(t, lang)),
            what_to_do: Localized::pick(&text.what_to_do, lang),
            services: names(
                services,
                |id| feed.service(id).map(|s| &s.name),
                "weitere Dienste",
                lang,
            ),
            regions: names(
                regions,
                |id| feed.region(id).map(|r| &r.name),
                "weitere Gebiete",
                lang,
            ),
            start_prefix: "seit",
            start: When {
                label: String::new(),
                machine: String::new(),
            },
            end_prefix: "",
            end: None,
            next_update: None,
            fallbacks: fallbacks.iter().map(|f| FallbackItem::of(f, lang)).collect(),
            updates: Vec::new(),
        }
    }

    pub fn incident(feed: &Feed, now: &IncidentNow<'_>, lang: &str) -> NoticeCard {
        let i = now.incident;
        let mut card = Self::base(feed, &i.id, &i.services, &i.regions, &i.text, &i.fallbacks, lang);
        card.state = now.impact.into();
        card.start = When::of(&i.start);
        card.next_update = now.next_update.as_ref().map(When::of);
        card.updates = now
            .updates
            .iter()
            .map(|u| UpdateItem {
                kind: u.kind,
                label: update_label(u.kind),
                at: When::of(&u.at),
                text: Localized::pick(&u.text, lang),
            })
            .collect();
        match now.resolved_at {
            None => {
                card.badge = match now.impact {
                    Impact::Outage => "Ausfall",
                    Impact::Disrupted => "Störung",
                };
            }
            Some(r) => {
                card.phase = NoticePhase::Resolved;
                card.state = ServiceState::Operational;
                card.badge = "Behoben";
                card.start_prefix = "von";
                card.end_prefix = "behoben";
                card.end = Some(When::of(&r));
            }
        }
        card
    }

    pub fn maintenance(feed: &Feed, m: &Maintenance, upcoming: bool, lang: &str) -> NoticeCard {
        let mut card = Self::base(feed, &m.id, &m.services, &m.regions, &m.text, &m.fallbacks, lang);
        card.state = ServiceState::Maintenance;
        card.phase = if upcoming {
            NoticePhase::Upcoming
        } else {
            NoticePhase::Maintenance
        };
        card.badge = if upcoming { "Geplant" } else { "Wartung" };
        card.start_prefix = if upcoming { "von" } else { "seit" };
        card.start = When::of(&m.start);
        card.end_prefix = "bis";
        card.end = Some(When::of(&m.end));
        card
    }
}

/// The whole page's content at one instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageModel {
    pub banner: Banner,
    /// "Stand: …" — when the feed was generated.
    pub generated: When,
    /// Set when the feed is older than it declares it stays fresh.
    pub stale_since: Option<When>,
    /// The instant shown, when it is a preview (`?at=`) rather than now.
    pub preview_at: Option<When>,
    pub publisher: Localized,
    pub publisher_note: Option<Localized>,
    pub example: bool,
    pub groups: Vec<GroupCard>,
    /// Active incidents and maintenance in progress, worst first.
    pub notices: Vec<NoticeCard>,
    pub upcoming: Vec<NoticeCard>,
    pub recent: Vec<NoticeCard>,
    /// Set when the latest attempt to fetch the feed failed and an older one is shown:
    /// when that older one was fetched.
    pub refresh_failed: Option<When>,
}

impl PageModel {
    /// Builds the page for `status` (of `feed`) in language `lang`.
    pub fn new(feed: &Feed, status: &Status<'_>, lang: &str, preview: bool) -> PageModel {
        let states: std::collections::BTreeMap<&str, ServiceState> = status
            .services
            .iter()
            .map(|(s, st)| (s.id.as_str(), *st))
            .collect();
        let groups = feed
            .groups
            .iter()
            .map(|g| GroupCard {
                id: g.id.clone(),
                name: Localized::pick(&g.name, lang),
                services: g
                    .services
                    .iter()
                    .map(|s| ServiceLine {
                        id: s.id.clone(),
                        name: Localized::pick(&s.name, lang),
                        state: states
                            .get(s.id.as_str())
                            .copied()
                            .unwrap_or(ServiceState::Operational),
                    })
                    .collect(),
            })
            .collect();
        let mut notices: Vec<NoticeCard> = status
            .active
            .iter()
            .map(|a| NoticeCard::incident(feed, a, lang))
            .collect();
        notices.extend(
            status
                .maintenance_now
                .iter()
                .map(|m| NoticeCard::maintenance(feed, m, false, lang)),
        );
        PageModel {
            banner: Banner::for_overall(status.overall),
            generated: When::of(&feed.generated_at),
            stale_since: match status.freshness {
                crate::Freshness::Stale { since } => Some(When::of(&since)),
                crate::Freshness::Fresh => None,
            },
            preview_at: preview.then(|| When::of(&status.at)),
            publisher: Localized::pick(&feed.publisher.name, lang),
            publisher_note: feed.publisher.note.as_ref().map(|t| Localized::pick(t, lang)),
            example: feed.publisher.example,
            groups,
            notices,
            upcoming: status
                .maintenance_upcoming
                .iter()
                .map(|m| NoticeCard::maintenance(feed, m, true, lang))
                .collect(),
            recent: status
                .recent
                .iter()
                .map(|r| NoticeCard::incident(feed, r, lang))
                .collect(),
            refresh_failed: None,
        }
    }
}

/// A number everyone may need, whatever the feed says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneralNumber {
    pub label: &'static str,
    pub display: &'static str,
    pub href: &'static str,
    pub hours: &'static str,
}

/// The numbers shown on every page, also when the feed is missing (and in `<noscript>`).
pub const GENERAL_NUMBERS: [GeneralNumber; 2] = [
    GeneralNumber {
        label: "Ärztlicher Bereitschaftsdienst, wenn Ihre Praxis geschlossen ist",
        display: "116117",
        href: "tel:116117",
        hours: "rund um die Uhr, kostenlos",
    },
    GeneralNumber {
        label: "Notruf: Rettungsdienst und Feuerwehr",
        display: "112",
        href: "tel:112",
        hours: "rund um die Uhr, kostenlos",
    },
];
