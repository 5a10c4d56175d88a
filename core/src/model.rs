//! The feed model (format version 1): what an operator publishes, as typed Rust values.
//!
//! A [`Feed`] is built only by [`crate::parse`], which checks everything it builds, so
//! code that holds a `Feed` may rely on these invariants:
//! - every id is unique within its kind, and every service and region an incident or
//!   maintenance window names exists in the feed;
//! - every `end` is after its `start`; every time carries a UTC offset;
//! - every [`Text`] has at least one non-empty language;
//! - every [`Phone`] has 3 to 15 digits, every [`WebLink`] is `https:`, every
//!   [`Email`] looks like an address: nothing else can become a link.

use chrono::{DateTime, FixedOffset, TimeDelta};
use std::collections::BTreeMap;

/// A point in time as the feed wrote it, with its UTC offset.
pub type Time = DateTime<FixedOffset>;

/// The language used for a text written as a plain string instead of a language map.
pub const DEFAULT_LANGUAGE: &str = "de";

/// The whole feed.
#[derive(Debug, Clone, PartialEq)]
pub struct Feed {
    /// Format version the feed is written in; this crate reads version 1.
    pub version: u32,
    /// The feed is written in a newer format that says a version-1 reader may show it
    /// (`"min_reader_version": 1`): what this crate does not know (an unknown kind of
    /// update, a service or region defined in a way it cannot read) is shown in general
    /// terms instead of refusing the whole feed.
    pub newer_format: bool,
    pub publisher: Publisher,
    /// When the operator (or their generator) wrote this feed.
    pub generated_at: Time,
    /// How long after `generated_at` the feed may be trusted without a newer one.
    pub fresh_for: TimeDelta,
    /// Services grouped by where the patient meets them.
    pub groups: Vec<ServiceGroup>,
    pub regions: Vec<Region>,
    pub incidents: Vec<Incident>,
    pub maintenance: Vec<Maintenance>,
}

/// Who publishes the feed and how to reach them.
#[derive(Debug, Clone, PartialEq)]
pub struct Publisher {
    pub name: Text,
    /// General contact for questions about the page.
    pub contact: Contact,
    /// Contact for accessibility feedback (required for the BITV statement).
    pub accessibility_contact: Contact,
    /// `true` marks a demonstration feed whose notices are not current.
    pub example: bool,
    /// An optional remark shown with the publisher, e.g. where example data comes from.
    pub note: Option<Text>,
}

/// Ways to reach a person; at least one is present.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Contact {
    pub email: Option<Email>,
    pub phone: Option<Phone>,
    pub url: Option<WebLink>,
}

/// A group of services as the patient meets them ("In der Apotheke").
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceGroup {
    pub id: String,
    pub name: Text,
    pub services: Vec<Service>,
}

/// One thing a patient wants to do ("E-Rezept einlösen").
#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    pub id: String,
    pub name: Text,
    pub description: Option<Text>,
}

/// Where an incident applies. A `nationwide` region covers every other region.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    pub id: String,
    pub name: Text,
    pub nationwide: bool,
}

/// How badly an incident hits its services.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Impact {
    /// Works for some, slowly or with errors.
    Disrupted,
    /// Does not work.
    Outage,
}

impl Impact {
    pub const ALL: [Impact; 2] = [Impact::Disrupted, Impact::Outage];

    /// The word used in the feed.
    pub fn as_str(self) -> &'static str {
        match self {
            Impact::Disrupted => "disrupted",
            Impact::Outage => "outage",
        }
    }
}

/// An unplanned problem with one or more services.
#[derive(Debug, Clone, PartialEq)]
pub struct Incident {
    pub id: String,
    pub services: Vec<String>,
    pub regions: Vec<String>,
    pub impact: Impact,
    pub start: Time,
    /// `None` while the problem lasts.
    pub end: Option<Time>,
    /// When the operator promises the next update.
    pub next_update: Option<Time>,
    pub text: NoticeText,
    pub fallbacks: Vec<Fallback>,
    /// Updates in the order of their time (sorted by the parser).
    pub updates: Vec<Update>,
}

/// Planned work during which services do not (fully) work.
#[derive(Debug, Clone, PartialEq)]
pub struct Maintenance {
    pub id: String,
    pub services: Vec<String>,
    pub regions: Vec<String>,
    pub start: Time,
    pub end: Time,
    pub text: NoticeText,
    pub fallbacks: Vec<Fallback>,
}

/// The citizen-facing texts of a notice, each in one or more languages.
#[derive(Debug, Clone, PartialEq)]
pub struct NoticeText {
    /// One short line: what is wrong.
    pub title: Text,
    /// What does not work, for whom.
    pub not_working: Text,
    /// What still works (the other ways to do the same thing).
    pub still_working: Option<Text>,
    /// What to do instead.
    pub what_to_do: Text,
}

/// Something the patient can do instead: call a number, get a paper form, go in person.
#[derive(Debug, Clone, PartialEq)]
pub struct Fallback {
    pub kind: FallbackKind,
    /// What this is, e.g. "Impf-Hotline Berlin" or "Papierrezept (Muster 16)".
    pub label: Text,
    /// Required for [`FallbackKind::Phone`].
    pub phone: Option<Phone>,
    /// When the number or place can be reached; required for phones.
    pub hours: Option<Text>,
    pub for_whom: Option<Text>,
    /// Longer explanation.
    pub details: Option<Text>,
    pub url: Option<WebLink>,
}

/// The kinds of fallback a notice can offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FallbackKind {
    Phone,
    Paper,
    InPerson,
    App,
    Website,
    Other,
}

impl FallbackKind {
    pub const ALL: [FallbackKind; 6] = [
        FallbackKind::Phone,
        FallbackKind::Paper,
        FallbackKind::InPerson,
        FallbackKind::App,
        FallbackKind::Website,
        FallbackKind::Other,
    ];

    /// The word used in the feed.
    pub fn as_str(self) -> &'static str {
        match self {
            FallbackKind::Phone => "phone",
            FallbackKind::Paper => "paper",
            FallbackKind::InPerson => "in_person",
            FallbackKind::App => "app",
            FallbackKind::Website => "website",
            FallbackKind::Other => "other",
        }
    }
}

/// One entry of an incident's timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Update {
    pub at: Time,
    pub kind: UpdateKind,
    pub text: Text,
    /// A changed impact from this update on (e.g. a follow-up that hits only some people).
    pub impact: Option<Impact>,
}

/// What an update says about the incident's progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UpdateKind {
    /// The operator knows of the problem and is looking into it.
    Investigating,
    /// The cause is known; a fix is being worked on.
    Identified,
    /// A fix is in place; the operator is watching.
    Monitoring,
    /// It works again.
    Resolved,
    /// The problem came back or was not fully gone after "resolved".
    FollowUp,
    /// A correction of a misleading message (e.g. a wrong e-mail sent to patients).
    Correction,
    /// A kind of update from a newer feed format that this crate does not know. Never
    /// read from a version-1 feed; changes nothing about whether the incident is over.
    Other,
}

impl UpdateKind {
    pub const ALL: [UpdateKind; 6] = [
        UpdateKind::Investigating,
        UpdateKind::Identified,
        UpdateKind::Monitoring,
        UpdateKind::Resolved,
        UpdateKind::FollowUp,
        UpdateKind::Correction,
    ];

    /// The word used in the feed.
    pub fn as_str(self) -> &'static str {
        match self {
            UpdateKind::Investigating => "investigating",
            UpdateKind::Identified => "identified",
            UpdateKind::Monitoring => "monitoring",
            UpdateKind::Resolved => "resolved",
            UpdateKind::FollowUp => "follow_up",
            UpdateKind::Correction => "correction",
            UpdateKind::Other => "other",
        }
    }
}

/// A text in one or more languages, keyed by language tag ("de", "en", "de-x-ls" …).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text(pub BTreeMap<String, String>);

impl Text {
    /// A text in the default language only.
    pub fn de(s: impl Into<String>) -> Self {
        let mut map = BTreeMap::new();
        map.insert(DEFAULT_LANGUAGE.to_string(), s.into());
        Text(map)
    }

    /// The text for `lang`, falling back to German, then English, then any language.
    /// Returns the language actually used alongside the text.
    pub fn pick(&self, lang: &str) -> Option<(&str, &str)> {
        [lang, DEFAULT_LANGUAGE, "en"]
            .iter()
            .find_map(|l| self.0.get_key_value(*l))
            .or_else(|| self.0.iter().next())
            .map(|(l, t)| (l.as_str(), t.as_str()))
    }

    /// The text for `lang` with the same fallback as [`Text::pick`], or "" if empty.
    pub fn get(&self, lang: &str) -> &str {
        self.pick(lang).map(|(_, t)| t).unwrap_or("")
    }
}

/// Characters that are invisible or change the reading direction of the text around
/// them: the bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E,
/// U+2066–U+2069), zero-width and other invisible format characters (U+00AD, U+180E,
/// U+200B–U+200D, U+2060–U+2064, U+FEFF, U+FFF9–U+FFFB) and the tag characters
/// (U+E0000–U+E007F). Ids, language codes and phone numbers allow only visible ASCII
/// anyway; web and e-mail addresses refuse these; texts keep them, and the page model
/// closes any direction change a text leaves open ([`crate::present::close_bidi`]).
pub fn is_invisible_or_bidi(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{61c}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
            | '\u{e0000}'..='\u{e007f}'
    )
}

/// A phone number as the operator wrote it (for reading aloud) with its dialable form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    display: String,
    dial: String,
}

impl Phone {
    /// Accepts digits with spaces, `/`, `-`, `(`, `)` and one leading `+`; 3 to 15 digits.
    pub fn parse(s: &str) -> Option<Phone> {
        let trimmed = s.trim();
        let mut dial = String::new();
        for (i, c) in trimmed.char_indices() {
            match c {
                '0'..='9' => dial.push(c),
                '+' if i == 0 => dial.push(c),
                ' ' | '/' | '-' | '(' | ')' => {}
                _ => return None,
            }
        }
        let digits = dial.trim_start_matches('+').len();
        (3..=15).contains(&digits).then(|| Phone {
            display: trimmed.to_string(),
            dial,
        })
    }

    /// The number as written in the feed, e.g. "030 90 28 22 00".
    pub fn display(&self) -> &str {
        &self.display
    }

    /// The `tel:` URI, e.g. "tel:03090282200".
    pub fn tel_uri(&self) -> String {
        format!("tel:{}", self.dial)
    }
}

/// An `https:` link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebLink(String);

impl WebLink {
    /// Accepts only `https://host…` without spaces, control characters, invisible or
    /// direction-changing characters ([`is_invisible_or_bidi`]), `"`, `<`, `>`, `\\` or
    /// `` ` ``, and without a `user@` before the host (`https://www.116117.de@evil.example`
    /// leads to `evil.example`).
    pub fn parse(s: &str) -> Option<WebLink> {
        let rest = s.strip_prefix("https://")?;
        let host_ok = rest
            .split(['/', '?', '#'])
            .next()
            .is_some_and(|h| !h.is_empty() && !h.contains('@'));
        let clean = !s
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || is_invisible_or_bidi(c) || "\"<>\\`".contains(c));
        (host_ok && clean).then(|| WebLink(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An e-mail address, shown as text and linked as `mailto:`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    /// Accepts `local@domain.tld` without spaces, control characters, invisible or
    /// direction-changing characters, `?`/`&`/`#` (which would add to a `mailto:` link)
    /// and the characters an unquoted address may not contain (`( ) < > [ ] : ; \\ , "`).
    pub fn parse(s: &str) -> Option<Email> {
        let (local, domain) = s.split_once('@')?;
        let allowed = |c: char| {
            !(c.is_whitespace()
                || c.is_control()
                || is_invisible_or_bidi(c)
                || "?&#@<>\"()[]:;\\,".contains(c))
        };
        let ok = !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && local.chars().all(allowed)
            && domain.chars().all(allowed);
        ok.then(|| Email(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn mailto_uri(&self) -> String {
        format!("mailto:{}", self.0)
    }
}

impl Feed {
    /// All services of all groups, in feed order.
    pub fn services(&self) -> impl Iterator<Item = &Service> {
        self.groups.iter().flat_map(|g| g.services.iter())
    }

    pub fn service(&self, id: &str) -> Option<&Service> {
        self.services().find(|s| s.id == id)
    }

    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }

    /// The instant after which the feed counts as out of date.
    pub fn stale_after(&self) -> Time {
        self.generated_at + self.fresh_for
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_accepts_german_forms_and_builds_tel_uri() {
        let p = Phone::parse("030 90 28 22 00").unwrap();
        assert_eq!(p.display(), "030 90 28 22 00");
        assert_eq!(p.tel_uri(), "tel:03090282200");
        assert_eq!(Phone::parse("116117").unwrap().tel_uri(), "tel:116117");
        assert_eq!(
            Phone::parse("+49 (30) 1234-56").unwrap().tel_uri(),
            "tel:+4930123456"
        );
        assert_eq!(
            Phone::parse("0800 00 22 8 33").unwrap().tel_uri(),
            "tel:08000022833"
        );
    }

    #[test]
    fn phone_rejects_letters_scripts_and_wrong_lengths() {
        for bad in [
            "0800 abc",
            "12",
            "",
            "1+1",
            "javascript:alert(1)",
            "1234567890123456",
        ] {
            assert!(Phone::parse(bad).is_none(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn links_accept_only_https_and_plain_mail_addresses() {
        assert!(WebLink::parse("https://www.116117.de/").is_some());
        for bad in [
            "http://x.de",
            "javascript:alert(1)",
            "data:text/html,x",
            "https://",
            "https://a b",
            "https://www.116117.de@evil.example/",
            "https://example.org/\"><script>",
            "https://exa\u{202e}mple.org/",
            "https://example.org/\u{200b}",
            "https://example.org\\@evil.example/",
        ] {
            assert!(WebLink::parse(bad).is_none(), "{bad:?} was accepted");
        }
        assert_eq!(
            Email::parse("barrierefrei@example.org").unwrap().mailto_uri(),
            "mailto:barrierefrei@example.org"
        );
        for bad in [
            "x",
            "a@b",
            "a b@c.de",
            "a@c.de?subject=x",
            "@c.de",
            "javascript:alert(1)@c.de",
            "a@c\u{202e}.de",
            "a\u{200b}@c.de",
        ] {
            assert!(Email::parse(bad).is_none(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn text_falls_back_from_chosen_to_german_to_english_to_any() {
        let mut t = Text::default();
        t.0.insert("tr".into(), "Türkçe".into());
        assert_eq!(t.pick("ar"), Some(("tr", "Türkçe")));
        t.0.insert("en".into(), "English".into());
        assert_eq!(t.pick("ar"), Some(("en", "English")));
        t.0.insert("de".into(), "Deutsch".into());
        assert_eq!(t.pick("ar"), Some(("de", "Deutsch")));
        assert_eq!(t.pick("tr"), Some(("tr", "Türkçe")));
        assert_eq!(Text::default().get("de"), "");
    }
}
