//! From a [`Status`] to what a citizen reads: every word of the page that is not the
//! operator's, every formatted time, every link. Views only place these values in
//! markup; nothing here knows about HTML, so the live page and any static rendering
//! say exactly the same.

use crate::berlin;
use crate::model::*;
use crate::status::{IncidentNow, Overall, ServiceState, Status};
use crate::words::Words;
use crate::words::{k, Key};
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
    pub fn of(t: &Time, w: &'static Words) -> When {
        When {
            label: berlin::date_time_in(t, w),
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
    fn said(tone: &'static str, icon: &'static str, heading: Key, detail: Key, w: &'static Words) -> Banner {
        Banner {
            tone,
            icon,
            heading: w.get(heading),
            detail: Cow::Borrowed(w.get(detail)),
        }
    }

    pub fn for_overall(overall: Overall, w: &'static Words) -> Banner {
        match overall {
            Overall::AllWorking => Self::said("ok", "✓", k::BANNER_OK_HEADING, k::BANNER_OK_DETAIL, w),
            Overall::Maintenance => Self::said(
                "maintenance",
                "⚙",
                k::BANNER_MAINTENANCE_HEADING,
                k::BANNER_MAINTENANCE_DETAIL,
                w,
            ),
            Overall::Disrupted => Self::said(
                "disrupted",
                "!",
                k::BANNER_DISRUPTED_HEADING,
                k::BANNER_DISRUPTED_DETAIL,
                w,
            ),
            Overall::Outage => Self::said(
                "outage",
                "✕",
                k::BANNER_OUTAGE_HEADING,
                k::BANNER_OUTAGE_DETAIL,
                w,
            ),
            Overall::Unknown => Banner::unknown(w),
        }
    }

    /// The feed is too old: nothing is known to be wrong, but nothing is confirmed either.
    pub fn unknown(w: &'static Words) -> Banner {
        Self::said(
            "unknown",
            "?",
            k::BANNER_UNKNOWN_HEADING,
            k::BANNER_UNKNOWN_DETAIL,
            w,
        )
    }

    /// The feed could not be loaded or is broken.
    pub fn unavailable(w: &'static Words) -> Banner {
        Self::said(
            "unknown",
            "?",
            k::BANNER_UNAVAILABLE_HEADING,
            k::BANNER_UNAVAILABLE_DETAIL,
            w,
        )
    }

    /// Before the feed has arrived.
    pub fn loading(w: &'static Words) -> Banner {
        Self::said(
            "unknown",
            "…",
            k::BANNER_LOADING_HEADING,
            k::BANNER_LOADING_DETAIL,
            w,
        )
    }
}

/// The word for a service's state.
pub fn state_label(state: ServiceState, w: &'static Words) -> &'static str {
    w.get(match state {
        ServiceState::Operational => k::STATE_OK,
        ServiceState::Maintenance => k::STATE_MAINTENANCE,
        ServiceState::Disrupted => k::STATE_DISRUPTED,
        ServiceState::Outage => k::STATE_OUTAGE,
    })
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
pub fn update_label(kind: UpdateKind, w: &'static Words) -> &'static str {
    w.get(match kind {
        UpdateKind::Investigating => k::UPDATE_INVESTIGATING,
        UpdateKind::Identified => k::UPDATE_IDENTIFIED,
        UpdateKind::Monitoring => k::UPDATE_MONITORING,
        UpdateKind::Resolved => k::UPDATE_RESOLVED,
        UpdateKind::FollowUp => k::UPDATE_FOLLOW_UP,
        UpdateKind::Correction => k::UPDATE_CORRECTION,
        UpdateKind::Other => k::UPDATE_OTHER,
    })
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
    /// "seit {}" / "von {}": the words around the start time.
    pub start_words: &'static str,
    pub start: When,
    /// "bis {}" for maintenance; "behoben {}" for resolved incidents.
    pub end_words: &'static str,
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
    unknown: Key,
    w: &'static Words,
    lang: &str,
) -> Vec<Localized> {
    let mut out: Vec<Localized> = ids
        .iter()
        .filter_map(|id| lookup(id).map(|t| Localized::pick(t, lang)))
        .collect();
    if out.len() < ids.len() {
        out.push(Localized {
            text: w.get(unknown).to_string(),
            lang: w.language.html_lang.to_string(),
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
        (w, lang): (&'static Words, &str),
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
                k::NAMES_OTHER_SERVICES,
                w,
                lang,
            ),
            regions: names(
                regions,
                |id| feed.region(id).map(|r| &r.name),
                k::NAMES_OTHER_REGIONS,
                w,
                lang,
            ),
            start_words: w.get(k::WHEN_SINCE),
            start: When {
                label: String::new(),
                machine: String::new(),
            },
            end_words: "",
            end: None,
            next_update: None,
            fallbacks: fallbacks.iter().map(|f| FallbackItem::of(f, lang)).collect(),
            updates: Vec::new(),
        }
    }

    /// "seit Montag, …" / "von …, bis …" as plain text.
    pub fn when_text(&self) -> String {
        let fill = |words: &str, label: &str| {
            let (before, after) = crate::words::split_at_slot(words);
            format!("{before}{label}{after}")
        };
        let start = fill(self.start_words, &self.start.label);
        match &self.end {
            Some(e) => format!("{start}, {}", fill(self.end_words, &e.label)),
            None => start,
        }
    }

    /// Notice `id` (an incident or a maintenance window) on its own page at `at`: with
    /// its whole history, also long after it ended; `None` if the feed has no such one.
    pub fn on_its_page(feed: &Feed, id: &str, at: Time, w: &'static Words) -> Option<NoticeCard> {
        let lang = w.language.feed_lang;
        if let Some(i) = feed.incidents.iter().find(|i| i.id == id) {
            return Some(NoticeCard::incident(feed, &i.state_at(at), w, lang));
        }
        let m = feed.maintenance.iter().find(|m| m.id == id)?;
        let mut card = NoticeCard::maintenance(feed, m, at < m.start, w, lang);
        if at >= m.end {
            // Over: said as past ("von … bis …"), no longer in the maintenance colour.
            card.phase = NoticePhase::Resolved;
            card.state = ServiceState::Operational;
            card.start_words = w.get(k::WHEN_FROM);
        }
        Some(card)
    }

    /// An incident in the words of `w`, its texts from the feed in `lang` (with fallback).
    pub fn incident(feed: &Feed, now: &IncidentNow<'_>, w: &'static Words, lang: &str) -> NoticeCard {
        let i = now.incident;
        let mut card = Self::base(
            feed,
            &i.id,
            &i.services,
            &i.regions,
            &i.text,
            &i.fallbacks,
            (w, lang),
        );
        card.state = now.impact.into();
        card.start = When::of(&i.start, w);
        card.next_update = now.next_update.as_ref().map(|t| When::of(t, w));
        card.updates = now
            .updates
            .iter()
            .map(|u| UpdateItem {
                kind: u.kind,
                label: update_label(u.kind, w),
                at: When::of(&u.at, w),
                text: Localized::pick(&u.text, lang),
            })
            .collect();
        match now.resolved_at {
            None => {
                card.badge = w.get(match now.impact {
                    Impact::Outage => k::BADGE_OUTAGE,
                    Impact::Disrupted => k::BADGE_DISRUPTED,
                });
            }
            Some(r) => {
                card.phase = NoticePhase::Resolved;
                card.state = ServiceState::Operational;
                card.badge = w.get(k::BADGE_RESOLVED);
                card.start_words = w.get(k::WHEN_FROM);
                card.end_words = w.get(k::WHEN_RESOLVED);
                card.end = Some(When::of(&r, w));
            }
        }
        card
    }

    pub fn maintenance(
        feed: &Feed,
        m: &Maintenance,
        upcoming: bool,
        w: &'static Words,
        lang: &str,
    ) -> NoticeCard {
        let mut card = Self::base(
            feed,
            &m.id,
            &m.services,
            &m.regions,
            &m.text,
            &m.fallbacks,
            (w, lang),
        );
        card.state = ServiceState::Maintenance;
        card.phase = if upcoming {
            NoticePhase::Upcoming
        } else {
            NoticePhase::Maintenance
        };
        card.badge = w.get(if upcoming {
            k::BADGE_UPCOMING
        } else {
            k::BADGE_MAINTENANCE
        });
        card.start_words = w.get(if upcoming { k::WHEN_FROM } else { k::WHEN_SINCE });
        card.start = When::of(&m.start, w);
        card.end_words = w.get(k::WHEN_UNTIL);
        card.end = Some(When::of(&m.end, w));
        card
    }
}

/// What the visitor chose: the page's language, and a region (a feed's region id) or all.
#[derive(Debug, Clone, Copy)]
pub struct Choice<'a> {
    pub words: &'static Words,
    pub region: Option<&'a str>,
}

/// A region to choose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionOption {
    pub id: String,
    pub name: Localized,
}

impl RegionOption {
    fn of(r: &Region, lang: &str) -> RegionOption {
        RegionOption {
            id: r.id.clone(),
            name: Localized::pick(&r.name, lang),
        }
    }
}

/// The whole page's content at one instant.
#[derive(Debug, Clone, PartialEq)]
pub struct PageModel {
    /// The language the page is in, and every word of it that is not the operator's.
    pub words: &'static Words,
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
    /// Every region of the feed to choose from (not the nationwide ones: "all" is).
    pub regions: Vec<RegionOption>,
    /// The region the notices are shown for; `None`: all.
    pub region: Option<RegionOption>,
}

impl PageModel {
    /// The page of `feed` at `at` as the visitor chose it: in the language of their
    /// words (the feed's texts in that language where it has them), and for their
    /// region if the feed defines it (see [`Status::in_region`]).
    pub fn chosen(feed: &Feed, at: Time, choice: Choice<'_>, preview: bool) -> PageModel {
        let w = choice.words;
        let status = feed.status_at(at);
        // A nationwide region is no choice: it would hide every regional notice.
        let region = choice
            .region
            .and_then(|id| feed.region(id))
            .filter(|r| !r.nationwide);
        let status = match region {
            Some(r) => status.in_region(feed, &r.id),
            None => status,
        };
        let lang = w.language.feed_lang;
        let mut page = Self::new(feed, &status, w, lang, preview);
        page.region = region.map(|r| RegionOption::of(r, lang));
        page
    }

    /// Builds the page for `status` (of `feed`) in the words of `w`, picking the feed's
    /// texts in `lang` (then German, English, any; see [`Text::pick`]).
    pub fn new(feed: &Feed, status: &Status<'_>, w: &'static Words, lang: &str, preview: bool) -> PageModel {
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
            .map(|a| NoticeCard::incident(feed, a, w, lang))
            .collect();
        notices.extend(
            status
                .maintenance_now
                .iter()
                .map(|m| NoticeCard::maintenance(feed, m, false, w, lang)),
        );
        PageModel {
            words: w,
            banner: Banner::for_overall(status.overall, w),
            generated: When::of(&feed.generated_at, w),
            stale_since: match status.freshness {
                crate::Freshness::Stale { since } => Some(When::of(&since, w)),
                crate::Freshness::Fresh => None,
            },
            preview_at: preview.then(|| When::of(&status.at, w)),
            publisher: Localized::pick(&feed.publisher.name, lang),
            publisher_note: feed.publisher.note.as_ref().map(|t| Localized::pick(t, lang)),
            example: feed.publisher.example,
            groups,
            notices,
            upcoming: status
                .maintenance_upcoming
                .iter()
                .map(|m| NoticeCard::maintenance(feed, m, true, w, lang))
                .collect(),
            recent: status
                .recent
                .iter()
                .map(|r| NoticeCard::incident(feed, r, w, lang))
                .collect(),
            refresh_failed: None,
            regions: feed
                .regions
                .iter()
                .filter(|r| !r.nationwide)
                .map(|r| RegionOption::of(r, lang))
                .collect(),
            region: None,
        }
    }
}

/// A number everyone may need, whatever the feed says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneralNumber {
    pub label: Key,
    pub display: &'static str,
    pub href: &'static str,
    pub hours: Key,
}

/// The numbers shown on every page, also when the feed is missing (and in `<noscript>`).
pub const GENERAL_NUMBERS: [GeneralNumber; 2] = [
    GeneralNumber {
        label: k::NUMBERS_116117,
        display: "116117",
        href: "tel:116117",
        hours: k::NUMBERS_HOURS,
    },
    GeneralNumber {
        label: k::NUMBERS_112,
        display: "112",
        href: "tel:112",
        hours: k::NUMBERS_HOURS,
    },
];
