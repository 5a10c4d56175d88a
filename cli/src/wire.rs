//! The feed as it is written in JSON ("wire" types): serde writes feeds from them (the
//! imports) and schemars generates the feed's JSON Schema from them (`wegweiser schema`).
//!
//! They describe the format; they do not check it. Feeds are read and checked only by
//! `wegweiser_core::parse`, which the page uses too. A checked core [`core::Feed`] turns
//! into these types with `From`, so a feed can be changed and written back.
//!
//! The doc comments become the schema's descriptions, which editors show as help: keep
//! them in step with docs/feed-format.md.

use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;
use wegweiser_core as core;

/// A Wegweiser feed (format version 1): everything the status page says about outages of digital health services. Described in docs/feed-format.md. Fields this schema does not list are ignored by the page with a warning; editors mark them so that typos such as "titel" show up.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Wegweiser feed")]
pub struct Feed {
    /// For editors that check JSON against a schema; the page ignores it. Put it first: "./feed.schema.json".
    #[serde(rename = "$schema", skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The format version: 1. A higher number is refused, unless min_reader_version allows version-1 readers.
    #[schemars(range(min = 1))]
    pub version: u32,
    /// Only in feeds of a later format: the oldest reader that may show this feed. 1 means a version-1 page shows it, with what it does not know in general terms.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub min_reader_version: Option<u32>,
    /// Who publishes the feed.
    pub publisher: Publisher,
    /// When this version of the file was written. Shown as "Stand: …". Raise it each time you publish.
    pub generated_at: Time,
    /// How long after generated_at the file may be trusted, in minutes (1 to 10080 = one week). After that the page says its data is out of date and never says "Alles funktioniert". Re-publish more often than this, also when nothing is wrong.
    #[schemars(range(min = 1, max = 10080))]
    pub fresh_for_minutes: u32,
    /// The services, grouped by where the patient meets them. At least one group.
    #[schemars(length(min = 1))]
    pub groups: Vec<Group>,
    /// The regions notices can name. At least one.
    #[schemars(length(min = 1))]
    pub regions: Vec<Region>,
    /// Unplanned problems, current and past. Keep resolved ones for a few days. May be empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incidents: Vec<Incident>,
    /// Planned work. May be empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub maintenance: Vec<Maintenance>,
}

/// Who publishes the feed.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Publisher {
    /// Your organisation's name.
    pub name: Text,
    /// Where citizens can ask about the page.
    pub contact: Contact,
    /// Where citizens report accessibility barriers (needed for the Erklärung zur Barrierefreiheit under BITV 2.0).
    pub accessibility_contact: Contact,
    /// true marks a demonstration feed: the page says above its notices that they are example data and not current. Default false.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub example: Option<bool>,
    /// A remark about the feed, e.g. where example data comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// A way to reach a person. At least one of the three fields must be given.
#[derive(Debug, Clone, PartialEq, Default, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("anyOf" = [{ "required": ["email"] }, { "required": ["phone"] }, { "required": ["url"] }]))]
pub struct Contact {
    /// Shown and linked as mailto:.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<Email>,
    /// Shown and linked as tel:.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<Phone>,
    /// A contact form or page (https:// only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<Url>,
}

/// A group of services, named after where the patient is: "In der Apotheke", "In der Arztpraxis", "Termine".
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// E.g. "apotheke".
    pub id: Id,
    /// Where the patient is: "In der Apotheke", "In der Arztpraxis", "Termine".
    pub name: Text,
    /// At least one service.
    #[schemars(length(min = 1))]
    pub services: Vec<Service>,
}

/// One thing a patient wants to do. The page lists every service with its state.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// Unique across all groups, e.g. "erezept-einloesen".
    pub id: Id,
    /// From the patient's side: "E-Rezept einlösen", "Termin online absagen".
    pub name: Text,
    /// One sentence that explains it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

/// A region notices can name. The page shows each notice with the names of its regions; it does not filter by region.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// E.g. "de", "berlin", "nrw".
    pub id: Id,
    /// "Deutschland (bundesweit)", "Berlin". Notices name their regions with it.
    pub name: Text,
    /// true for the region that stands for all of Germany. Default false.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nationwide: Option<bool>,
}

/// How badly an incident hits its services. "outage": does not work. "disrupted": works for some, or slowly, or with errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Impact {
    Disrupted,
    Outage,
}

/// An unplanned problem. The page answers in this order: what does not work, for whom and where, since when; what still works; what to do instead (with the number and its hours); when the next update comes; when it was fixed.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Incident {
    /// Unique among incidents and maintenance windows. The page uses it in the address of the notice (#meldung-<id>): keep it stable. Ids with the date are a good habit: "ti-ausfall-2025-06-13".
    pub id: Id,
    /// The services that do not work (ids defined in groups). At least one.
    #[schemars(length(min = 1))]
    pub services: Vec<Id>,
    /// Where (ids defined in regions). At least one.
    #[schemars(length(min = 1))]
    pub regions: Vec<Id>,
    /// "outage": does not work. "disrupted": works for some, or slowly, or with errors. An update can change it.
    pub impact: Impact,
    /// Since when. The incident does not appear on the page before this time.
    pub start: Time,
    /// When it was over; after start. Leave it out while the problem lasts. Once it has passed, the incident counts as resolved, whatever its updates say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<Time>,
    /// When you promise the next update. Shown only while the incident is not resolved and the time is still ahead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_update: Option<Time>,
    /// One short line: what is wrong. "E-Rezept und Gesundheitskarte gehen in ganz Deutschland nicht".
    pub title: Text,
    /// What does not work, for whom and where. Explain technical words.
    pub not_working: Text,
    /// What still works: the other ways to do the same thing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub still_working: Option<Text>,
    /// What to do instead, with the phone number.
    pub what_to_do: Text,
    /// The alternatives, one by one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fallbacks: Vec<Fallback>,
    /// The timeline, in any order; the checker sorts it by time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub updates: Vec<Update>,
}

/// Planned work: like an incident, but without impact, next_update and updates, and with a required end.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Maintenance {
    /// Unique among incidents and maintenance windows.
    pub id: Id,
    /// The services that do not (fully) work during the work. At least one.
    #[schemars(length(min = 1))]
    pub services: Vec<Id>,
    /// Where. At least one.
    #[schemars(length(min = 1))]
    pub regions: Vec<Id>,
    /// When the work begins.
    pub start: Time,
    /// When the work ends; after start.
    pub end: Time,
    /// "Wartung: E-Rezept am Samstag früh nicht verfügbar".
    pub title: Text,
    /// What does not work during the work, for whom and where.
    pub not_working: Text,
    /// What still works.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub still_working: Option<Text>,
    /// What to do instead, with the phone number.
    pub what_to_do: Text,
    /// The alternatives, one by one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fallbacks: Vec<Fallback>,
}

/// What sort of alternative a fallback is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FallbackKind {
    Phone,
    Paper,
    InPerson,
    App,
    Website,
    Other,
}

/// Something the patient can do instead. A "phone" fallback needs phone and hours; a "website" fallback needs url.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("allOf" = [
    { "if": { "properties": { "kind": { "const": "phone" } }, "required": ["kind"] }, "then": { "required": ["phone", "hours"] } },
    { "if": { "properties": { "kind": { "const": "website" } }, "required": ["kind"] }, "then": { "required": ["url"] } }
]))]
pub struct Fallback {
    /// What sort of alternative: "phone", "paper", "in_person", "app", "website" or "other".
    pub kind: FallbackKind,
    /// What it is: "Hotline für Impftermine in Berlin", "Papierrezept (Muster 16) aus der Praxis".
    pub label: Text,
    /// Required for kind "phone". Linked as tel:.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<Phone>,
    /// Required for kind "phone": when the number or place can be reached, "Mo–Fr 8–18 Uhr", "rund um die Uhr erreichbar". If you do not know for certain, say so rather than guess.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<Text>,
    /// Who this is for: "Sie brauchen dringend ärztliche Hilfe, und Ihre Praxis hat geschlossen."
    #[serde(skip_serializing_if = "Option::is_none")]
    pub for_whom: Option<Text>,
    /// A longer explanation, e.g. costs ("Vom Festnetz kostenlos.").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<Text>,
    /// Required for kind "website" (https:// only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<Url>,
}

/// What an update says: "investigating", "identified", "monitoring" (incident active), "resolved" (recently resolved), "follow_up" (active again after resolved), "correction" (corrects a misleading message; changes nothing about whether it is over).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum UpdateKind {
    Investigating,
    Identified,
    Monitoring,
    Resolved,
    FollowUp,
    Correction,
}

/// One entry of an incident's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Update {
    /// When it was published. Should not be before the incident's start. The page shows an update only from this time on.
    pub at: Time,
    /// What the update says about the incident.
    pub kind: UpdateKind,
    /// The message.
    pub text: Text,
    /// A changed impact from this update on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub impact: Option<Impact>,
}

/// A text: a plain string (German), or one text per language code, e.g. {"de": "…", "en": "…"}. Shown as plain text: HTML is not interpreted.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Text {
    /// A German text.
    Plain(NonBlank),
    /// One text per language code ("de", "en", "tr", "de-x-ls" …); at least one.
    #[schemars(extend(
        "propertyNames" = { "pattern": "^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$" },
        "minProperties" = 1
    ))]
    Languages(BTreeMap<String, NonBlank>),
}

/// Text that contains more than spaces.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(transparent)]
#[schemars(extend("pattern" = "\\S"))]
pub struct NonBlank(pub String);

/// An id: 1 to 64 small letters a–z, digits, "-" and "_", starting with a letter or digit. E.g. "erezept-einloesen".
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(transparent)]
#[schemars(extend("pattern" = "^[a-z0-9][a-z0-9_-]{0,63}$"))]
pub struct Id(pub String);

/// A time in RFC 3339 with seconds and a UTC offset: "2021-11-22T09:12:00+01:00" (German winter time), "2025-06-13T08:45:00+02:00" (summer time) or "2025-06-13T06:45:00Z" (UTC).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(transparent)]
#[schemars(extend("pattern" = "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$"))]
pub struct Time(pub String);

/// A phone number as people read it: "030 90 28 22 00", "116117", "+49 30 1234-56". Digits, spaces, "/", "-", "(", ")" and one "+" at the start; 3 to 15 digits.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(transparent)]
#[schemars(extend("pattern" = "^\\s*\\+?[0-9 /()-]*[0-9][0-9 /()-]*\\s*$"))]
pub struct Phone(pub String);

/// A web address starting with https:// and a host name, without spaces, quotes, < > \ ` or a name@ before the host.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(transparent)]
#[schemars(extend("pattern" = "^https://[^/?#@\\s\"<>\\\\`]+([/?#][^\\s\"<>\\\\`]*)?$"))]
pub struct Url(pub String);

/// An e-mail address like name@domain.tld.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(transparent)]
#[schemars(extend("pattern" = "^[^@\\s?&#<>\"()\\[\\]:;\\\\,]+@[^@\\s?&#<>\"()\\[\\]:;\\\\,.][^@\\s?&#<>\"()\\[\\]:;\\\\,]*\\.[^@\\s?&#<>\"()\\[\\]:;\\\\,]*[^@\\s?&#<>\"()\\[\\]:;\\\\,.]$"))]
pub struct Email(pub String);

// --- From the checked core model --------------------------------------------------------

impl Text {
    /// A German text.
    pub fn de(s: impl Into<String>) -> Text {
        Text::Plain(NonBlank(s.into()))
    }
}

impl From<&core::Text> for Text {
    fn from(t: &core::Text) -> Text {
        match t.0.iter().next() {
            Some((lang, s)) if t.0.len() == 1 && lang == core::DEFAULT_LANGUAGE => Text::de(s.clone()),
            _ => Text::Languages(
                t.0.iter()
                    .map(|(l, s)| (l.clone(), NonBlank(s.clone())))
                    .collect(),
            ),
        }
    }
}

impl From<&core::Time> for Time {
    fn from(t: &core::Time) -> Time {
        Time(core::rfc3339::format(t))
    }
}

fn ids(list: &[String]) -> Vec<Id> {
    list.iter().map(|s| Id(s.clone())).collect()
}

impl From<&core::Contact> for Contact {
    fn from(c: &core::Contact) -> Contact {
        Contact {
            email: c.email.as_ref().map(|e| Email(e.as_str().to_string())),
            phone: c.phone.as_ref().map(|p| Phone(p.display().to_string())),
            url: c.url.as_ref().map(|u| Url(u.as_str().to_string())),
        }
    }
}

impl From<core::Impact> for Impact {
    fn from(i: core::Impact) -> Impact {
        match i {
            core::Impact::Disrupted => Impact::Disrupted,
            core::Impact::Outage => Impact::Outage,
        }
    }
}

impl From<&core::Fallback> for Fallback {
    fn from(f: &core::Fallback) -> Fallback {
        Fallback {
            kind: match f.kind {
                core::FallbackKind::Phone => FallbackKind::Phone,
                core::FallbackKind::Paper => FallbackKind::Paper,
                core::FallbackKind::InPerson => FallbackKind::InPerson,
                core::FallbackKind::App => FallbackKind::App,
                core::FallbackKind::Website => FallbackKind::Website,
                core::FallbackKind::Other => FallbackKind::Other,
            },
            label: (&f.label).into(),
            phone: f.phone.as_ref().map(|p| Phone(p.display().to_string())),
            hours: f.hours.as_ref().map(Text::from),
            for_whom: f.for_whom.as_ref().map(Text::from),
            details: f.details.as_ref().map(Text::from),
            url: f.url.as_ref().map(|u| Url(u.as_str().to_string())),
        }
    }
}

/// The update kind written to a feed; `None` for a kind only a newer format knows
/// (such an update cannot be written back as version 1 and is left out).
fn update_kind(k: core::UpdateKind) -> Option<UpdateKind> {
    Some(match k {
        core::UpdateKind::Investigating => UpdateKind::Investigating,
        core::UpdateKind::Identified => UpdateKind::Identified,
        core::UpdateKind::Monitoring => UpdateKind::Monitoring,
        core::UpdateKind::Resolved => UpdateKind::Resolved,
        core::UpdateKind::FollowUp => UpdateKind::FollowUp,
        core::UpdateKind::Correction => UpdateKind::Correction,
        core::UpdateKind::Other => return None,
    })
}

impl From<&core::Incident> for Incident {
    fn from(i: &core::Incident) -> Incident {
        Incident {
            id: Id(i.id.clone()),
            services: ids(&i.services),
            regions: ids(&i.regions),
            impact: i.impact.into(),
            start: (&i.start).into(),
            end: i.end.as_ref().map(Time::from),
            next_update: i.next_update.as_ref().map(Time::from),
            title: (&i.text.title).into(),
            not_working: (&i.text.not_working).into(),
            still_working: i.text.still_working.as_ref().map(Text::from),
            what_to_do: (&i.text.what_to_do).into(),
            fallbacks: i.fallbacks.iter().map(Fallback::from).collect(),
            updates: i
                .updates
                .iter()
                .filter_map(|u| {
                    Some(Update {
                        at: (&u.at).into(),
                        kind: update_kind(u.kind)?,
                        text: (&u.text).into(),
                        impact: u.impact.map(Impact::from),
                    })
                })
                .collect(),
        }
    }
}

impl From<&core::Maintenance> for Maintenance {
    fn from(m: &core::Maintenance) -> Maintenance {
        Maintenance {
            id: Id(m.id.clone()),
            services: ids(&m.services),
            regions: ids(&m.regions),
            start: (&m.start).into(),
            end: (&m.end).into(),
            title: (&m.text.title).into(),
            not_working: (&m.text.not_working).into(),
            still_working: m.text.still_working.as_ref().map(Text::from),
            what_to_do: (&m.text.what_to_do).into(),
            fallbacks: m.fallbacks.iter().map(Fallback::from).collect(),
        }
    }
}

impl From<&core::Feed> for Feed {
    fn from(f: &core::Feed) -> Feed {
        Feed {
            schema: Some("./feed.schema.json".to_string()),
            version: f.version,
            min_reader_version: f.newer_format.then_some(1),
            publisher: Publisher {
                name: (&f.publisher.name).into(),
                contact: (&f.publisher.contact).into(),
                accessibility_contact: (&f.publisher.accessibility_contact).into(),
                example: f.publisher.example.then_some(true),
                note: f.publisher.note.as_ref().map(Text::from),
            },
            generated_at: (&f.generated_at).into(),
            fresh_for_minutes: u32::try_from(f.fresh_for.num_minutes()).unwrap_or(u32::MAX),
            groups: f
                .groups
                .iter()
                .map(|g| Group {
                    id: Id(g.id.clone()),
                    name: (&g.name).into(),
                    services: g
                        .services
                        .iter()
                        .map(|s| Service {
                            id: Id(s.id.clone()),
                            name: (&s.name).into(),
                            description: s.description.as_ref().map(Text::from),
                        })
                        .collect(),
                })
                .collect(),
            regions: f
                .regions
                .iter()
                .map(|r| Region {
                    id: Id(r.id.clone()),
                    name: (&r.name).into(),
                    nationwide: r.nationwide.then_some(true),
                })
                .collect(),
            incidents: f.incidents.iter().map(Incident::from).collect(),
            maintenance: f.maintenance.iter().map(Maintenance::from).collect(),
        }
    }
}

/// The feed as JSON text, indented by two spaces, ending in a line break.
pub fn to_json(feed: &Feed) -> String {
    let mut out = serde_json::to_string_pretty(feed).unwrap_or_default();
    out.push('\n');
    out
}

/// The JSON Schema of the feed (draft 7, which most editors understand), as text.
pub fn schema_json() -> String {
    let schema = schemars::generate::SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<Feed>();
    let mut out = serde_json::to_string_pretty(&schema).unwrap_or_default();
    out.push('\n');
    out
}
