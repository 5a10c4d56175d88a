//! A Statuspage v2 `summary.json` (Atlassian Statuspage's public API, used by many
//! providers, e.g. booking portals) → notices for citizens.
//!
//! Only the components the operator maps with `--map COMPONENT=SERVICE` count. Each
//! incident that touches a mapped component becomes `statuspage-<id>`; each scheduled
//! maintenance that does becomes a maintenance window. The provider's own words (often
//! English, written for technicians) go into the updates, as plain text and marked as
//! the provider's; the notice itself says in plain German which service does not work
//! and what to do instead.

use super::{
    ensure_service_named, fallback_116117, nationwide_region, source_time, upsert_incident,
    upsert_maintenance, Log,
};
use crate::files::{read_text, shown};
use crate::import::gematik::plain_serde_error;
use crate::markup::strip_html;
use crate::wire::{self, Impact, Text, UpdateKind};
use crate::Failure;
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
pub struct Summary {
    pub components: Vec<Component>,
    #[serde(default)]
    pub incidents: Vec<Incident>,
    #[serde(default)]
    pub scheduled_maintenances: Vec<Incident>,
}

#[derive(Deserialize)]
pub struct Component {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub status: String,
}

#[derive(Deserialize)]
pub struct Incident {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub impact: String,
    pub created_at: String,
    #[serde(default)]
    pub started_at: Option<String>,
    #[serde(default)]
    pub resolved_at: Option<String>,
    #[serde(default)]
    pub scheduled_for: Option<String>,
    #[serde(default)]
    pub scheduled_until: Option<String>,
    #[serde(default)]
    pub incident_updates: Vec<IncidentUpdate>,
    #[serde(default)]
    pub components: Vec<Component>,
}

#[derive(Deserialize)]
pub struct IncidentUpdate {
    pub status: String,
    #[serde(default)]
    pub body: String,
    pub created_at: String,
    #[serde(default)]
    pub display_at: Option<String>,
}

pub fn read_summary(path: &Path) -> Result<Summary, Failure> {
    let text = read_text(path)?;
    serde_json::from_str(&text).map_err(|e| {
        Failure::input(format!(
            "{} is not a Statuspage summary (v2 summary.json): {} (line {}, column {})",
            shown(path),
            plain_serde_error(&e),
            e.line(),
            e.column()
        ))
    })
}

/// One `--map` pair: the provider's component (id or name) and the service id.
pub struct Mapping {
    pub component: String,
    pub service: String,
}

pub fn parse_map(pairs: &[String]) -> Result<Vec<Mapping>, Failure> {
    pairs
        .iter()
        .map(|pair| {
            let (component, service) = pair
                .rsplit_once('=')
                .filter(|(c, s)| !c.trim().is_empty() && !s.trim().is_empty())
                .ok_or_else(|| {
                    Failure::usage(format!(
                        "--map {pair:?} should be COMPONENT=SERVICE, e.g. --map \"Online booking=termin-buchen\""
                    ))
                })?;
            let service = service.trim();
            let id_ok = service.len() <= 64
                && service.chars().next().is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
                && service
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
            if !id_ok {
                return Err(Failure::usage(format!(
                    "--map {pair:?}: {service:?} is not a usable service id: use small letters, digits, \"-\" or \"_\", e.g. termin-buchen"
                )));
            }
            Ok(Mapping {
                component: component.trim().to_string(),
                service: service.to_string(),
            })
        })
        .collect()
}

/// The service a component stands for, matched by id, else by name (ignoring case).
fn service_of<'m>(map: &'m [Mapping], c: &Component) -> Option<&'m Mapping> {
    map.iter().find(|m| m.component == c.id).or_else(|| {
        map.iter()
            .find(|m| m.component.eq_ignore_ascii_case(c.name.trim()))
    })
}

/// An id part from the provider's id: small letters, digits and "-".
fn id_part(s: &str) -> String {
    let cleaned: String = s
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let cleaned = cleaned.trim_matches('-');
    cleaned.chars().take(50).collect()
}

fn provider_said(s: &str) -> String {
    let plain = strip_html(s);
    format!("„{}“", plain.trim_end_matches(['.', ' ', ':', '…']))
}

/// The services a notice touches, as the page names them ("Termin online buchen").
fn names(feed: &wire::Feed, ids: &[String]) -> String {
    let name_of = |id: &str| {
        feed.groups
            .iter()
            .flat_map(|g| &g.services)
            .find(|s| s.id.0 == id)
            .map(|s| match &s.name {
                Text::Plain(t) => t.0.clone(),
                Text::Languages(m) => m
                    .get("de")
                    .or_else(|| m.values().next())
                    .map(|t| t.0.clone())
                    .unwrap_or_default(),
            })
            .unwrap_or_else(|| id.to_string())
    };
    let list: Vec<String> = ids.iter().map(|id| name_of(id)).collect();
    match list.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        _ => list.join(", "),
    }
}

const WHAT_TO_DO: &str = "Versuchen Sie es später noch einmal. Sie brauchen dringend einen Termin oder ärztliche Hilfe? Rufen Sie 116117 an: Dort erreichen Sie die Terminservicestelle und den ärztlichen Bereitschaftsdienst.";

pub fn import(
    feed: &mut wire::Feed,
    summary: &Summary,
    map: &[Mapping],
    region: Option<&str>,
    log: &mut Log,
) -> Result<(), Failure> {
    // Every mapping must name a component of this summary: a typo would silently drop notices.
    for m in map {
        let known = summary
            .components
            .iter()
            .any(|c| c.id == m.component || c.name.trim().eq_ignore_ascii_case(&m.component));
        if !known {
            let names: Vec<&str> = summary.components.iter().map(|c| c.name.as_str()).collect();
            return Err(Failure::usage(format!(
                "--map: the summary has no component {:?}; its components are: {}",
                m.component,
                names.join(", ")
            )));
        }
    }
    for c in &summary.components {
        if let Some(m) = service_of(map, c) {
            ensure_service_named(feed, &m.service, c.name.trim(), "online", "Online", log);
        }
    }
    let region = match region {
        None => nationwide_region(feed, log),
        Some(r) if feed.regions.iter().any(|x| x.id.0 == r) => wire::Id(r.to_string()),
        Some(r) => {
            let ids: Vec<&str> = feed.regions.iter().map(|x| x.id.0.as_str()).collect();
            return Err(Failure::usage(format!(
                "--region {r:?} is not a region of the feed; its regions are: {}",
                ids.join(", ")
            )));
        }
    };
    let services_of = |inc: &Incident| -> Vec<String> {
        let mut ids: Vec<String> = inc
            .components
            .iter()
            .filter_map(|c| service_of(map, c).map(|m| m.service.clone()))
            .collect();
        ids.dedup();
        ids
    };

    for inc in &summary.incidents {
        let services = services_of(inc);
        if services.is_empty() {
            log.say(format!(
                "skipped incident {:?}: it concerns no component given with --map",
                inc.name
            ));
            continue;
        }
        // The worst state of its mapped components, else the incident's own impact.
        let major = inc
            .components
            .iter()
            .any(|c| service_of(map, c).is_some() && c.status == "major_outage")
            || matches!(inc.impact.as_str(), "major" | "critical");
        let impact = if major { Impact::Outage } else { Impact::Disrupted };
        let what = names(feed, &services);
        let start = source_time(inc.started_at.as_deref().unwrap_or(&inc.created_at), "started_at")?;
        let end = inc
            .resolved_at
            .as_deref()
            .map(|r| source_time(r, "resolved_at"))
            .transpose()?;
        let mut updates = Vec::new();
        for u in &inc.incident_updates {
            let kind = match u.status.as_str() {
                "investigating" => UpdateKind::Investigating,
                "identified" => UpdateKind::Identified,
                "monitoring" => UpdateKind::Monitoring,
                "resolved" => UpdateKind::Resolved,
                // A postmortem is a report afterwards; it changes nothing for citizens.
                _ => continue,
            };
            let says = match kind {
                UpdateKind::Investigating => "Der Anbieter kennt das Problem und sucht die Ursache.",
                UpdateKind::Identified => "Der Anbieter hat die Ursache gefunden und arbeitet daran.",
                UpdateKind::Monitoring => "Der Anbieter hat das Problem behoben und beobachtet noch.",
                _ => "Der Anbieter meldet: Es geht wieder.",
            };
            let text = if strip_html(&u.body).is_empty() {
                says.to_string()
            } else {
                format!("{says} Seine Meldung: {}.", provider_said(&u.body))
            };
            updates.push(wire::Update {
                at: source_time(
                    u.display_at.as_deref().unwrap_or(&u.created_at),
                    "incident update",
                )?,
                kind,
                text: Text::de(text),
                impact: None,
            });
        }
        let incident = wire::Incident {
            id: wire::Id(format!("statuspage-{}", id_part(&inc.id))),
            services: services.iter().map(|s| wire::Id(s.clone())).collect(),
            regions: vec![region.clone()],
            impact,
            start,
            end,
            next_update: None,
            title: Text::de(match impact {
                Impact::Outage => format!("Geht zurzeit nicht: {what}"),
                Impact::Disrupted => format!("Zurzeit gestört: {what}"),
            }),
            not_working: Text::de(format!(
                "{} zurzeit {}: {what}. Der Anbieter meldet: {}.",
                if services.len() == 1 {
                    "Dieser Dienst geht"
                } else {
                    "Diese Dienste gehen"
                },
                if impact == Impact::Outage {
                    "nicht"
                } else {
                    "nur eingeschränkt"
                },
                provider_said(&inc.name)
            )),
            still_working: None,
            what_to_do: Text::de(WHAT_TO_DO),
            fallbacks: vec![fallback_116117()],
            updates,
        };
        upsert_incident(feed, incident, log);
    }

    for m in &summary.scheduled_maintenances {
        let services = services_of(m);
        if services.is_empty() {
            log.say(format!(
                "skipped maintenance {:?}: it concerns no component given with --map",
                m.name
            ));
            continue;
        }
        let (Some(from), Some(until)) = (m.scheduled_for.as_deref(), m.scheduled_until.as_deref()) else {
            log.say(format!(
                "skipped maintenance {:?}: it has no scheduled_for and scheduled_until",
                m.name
            ));
            continue;
        };
        if m.status == "completed" {
            continue;
        }
        let what = names(feed, &services);
        let maintenance = wire::Maintenance {
            id: wire::Id(format!("statuspage-{}", id_part(&m.id))),
            services: services.iter().map(|s| wire::Id(s.clone())).collect(),
            regions: vec![region.clone()],
            start: source_time(from, "scheduled_for")?,
            end: source_time(until, "scheduled_until")?,
            title: Text::de(format!("Geplante Wartung: {what}")),
            not_working: Text::de(format!(
                "Während der Wartung {} nicht oder nur eingeschränkt: {what}. Der Anbieter meldet: {}.",
                if services.len() == 1 { "geht dieser Dienst" } else { "gehen diese Dienste" },
                provider_said(&m.name)
            )),
            still_working: None,
            what_to_do: Text::de(
                "Erledigen Sie, was Sie online tun wollten, vor oder nach der Wartung. Sie brauchen dringend einen Termin oder ärztliche Hilfe? Rufen Sie 116117 an.",
            ),
            fallbacks: vec![fallback_116117()],
        };
        upsert_maintenance(feed, maintenance, log);
    }
    Ok(())
}
