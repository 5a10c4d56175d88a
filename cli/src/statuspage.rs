//! `wegweiser statuspage`: the state at an instant in the shape of Atlassian
//! Statuspage's public v2 `summary.json`, so existing status tooling can read it.
//!
//! Mapping (the state itself comes from core `Feed::status_at`, as on the page):
//! - each group becomes a group component, each service a component; service states
//!   map to `operational`, `under_maintenance`, `partial_outage`, `major_outage`;
//! - `incidents` are the unresolved incidents (as in Statuspage's summary), with their
//!   published updates, newest first; impact `disrupted` → `minor`, `outage` → `major`,
//!   an outage in a nationwide region → `critical`;
//! - `scheduled_maintenances` are the windows in progress and those starting within 14
//!   days;
//! - `status.indicator` is the worst impact of the unresolved incidents, else
//!   `maintenance` while work is in progress, else `none`. A stale feed is never
//!   `none`: it is `minor`, described as "Aktueller Stand unbekannt" — the page's
//!   banner heading, which `status.description` always carries.

use crate::Failure;
use serde::Serialize;
use wegweiser_core::present::Banner;
use wegweiser_core::Words;
use wegweiser_core::{rfc3339, Feed, Freshness, Impact, IncidentNow, ServiceState, Time, UpdateKind};

#[derive(Serialize)]
pub struct Summary {
    page: Page,
    components: Vec<Component>,
    incidents: Vec<Incident>,
    scheduled_maintenances: Vec<Incident>,
    status: Status,
}

#[derive(Serialize)]
struct Page {
    id: String,
    name: String,
    url: Option<String>,
    time_zone: &'static str,
    updated_at: String,
}

#[derive(Serialize)]
struct Component {
    id: String,
    name: String,
    status: &'static str,
    created_at: String,
    updated_at: String,
    position: usize,
    description: Option<String>,
    showcase: bool,
    start_date: Option<String>,
    group_id: Option<String>,
    page_id: String,
    group: bool,
    only_show_if_degraded: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    components: Option<Vec<String>>,
}

#[derive(Serialize)]
struct AffectedComponent {
    code: String,
    name: String,
    old_status: &'static str,
    new_status: &'static str,
}

#[derive(Serialize)]
struct IncidentUpdate {
    id: String,
    status: &'static str,
    body: String,
    incident_id: String,
    created_at: String,
    updated_at: String,
    display_at: String,
    affected_components: Option<Vec<AffectedComponent>>,
    deliver_notifications: bool,
}

#[derive(Serialize)]
struct Incident {
    id: String,
    name: String,
    status: &'static str,
    created_at: String,
    updated_at: String,
    monitoring_at: Option<String>,
    resolved_at: Option<String>,
    impact: &'static str,
    shortlink: Option<String>,
    started_at: String,
    page_id: String,
    incident_updates: Vec<IncidentUpdate>,
    components: Vec<Component>,
    #[serde(skip_serializing_if = "Option::is_none")]
    scheduled_for: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    scheduled_until: Option<String>,
}

#[derive(Serialize)]
struct Status {
    indicator: &'static str,
    description: &'static str,
}

fn time(t: &Time) -> String {
    rfc3339::format(t)
}

fn component_status(s: ServiceState) -> &'static str {
    match s {
        ServiceState::Operational => "operational",
        ServiceState::Maintenance => "under_maintenance",
        ServiceState::Disrupted => "partial_outage",
        ServiceState::Outage => "major_outage",
    }
}

/// Statuspage's impact of an incident, from none to critical.
fn impact_word(feed: &Feed, now: &IncidentNow<'_>) -> &'static str {
    let nationwide = now
        .incident
        .regions
        .iter()
        .any(|r| feed.region(r).is_some_and(|r| r.nationwide));
    match now.impact {
        Impact::Disrupted => "minor",
        Impact::Outage if nationwide => "critical",
        Impact::Outage => "major",
    }
}

fn incident_status(now: &IncidentNow<'_>) -> &'static str {
    if now.resolved_at.is_some() {
        return "resolved";
    }
    // The latest update that says where the incident stands (a correction does not).
    let phase = now
        .updates
        .iter()
        .find(|u| !matches!(u.kind, UpdateKind::Correction | UpdateKind::Other))
        .map(|u| u.kind);
    match phase {
        Some(UpdateKind::Identified) => "identified",
        Some(UpdateKind::Monitoring) => "monitoring",
        _ => "investigating",
    }
}

fn update_status(kind: UpdateKind) -> &'static str {
    match kind {
        UpdateKind::Identified => "identified",
        UpdateKind::Monitoring => "monitoring",
        UpdateKind::Resolved => "resolved",
        UpdateKind::Investigating | UpdateKind::FollowUp | UpdateKind::Correction | UpdateKind::Other => {
            "investigating"
        }
    }
}

pub fn summary(feed: &Feed, base_url: Option<&str>, lang: &str, now: Time) -> Result<Summary, Failure> {
    let base = base_url.map(crate::atom::base_url).transpose()?;
    let status = feed.status_at(now);
    let page_id = "wegweiser".to_string();
    let generated = time(&feed.generated_at);
    let state_of = |id: &str| {
        status
            .services
            .iter()
            .find(|(s, _)| s.id == id)
            .map_or(ServiceState::Operational, |(_, st)| *st)
    };
    let component =
        |id: &str, name: String, description: Option<String>, group_id: Option<String>, position: usize| {
            Component {
                id: id.to_string(),
                name,
                status: component_status(state_of(id)),
                created_at: generated.clone(),
                updated_at: generated.clone(),
                position,
                description,
                showcase: true,
                start_date: None,
                group_id,
                page_id: page_id.clone(),
                group: false,
                only_show_if_degraded: false,
                components: None,
            }
        };
    let mut components = Vec::new();
    let mut position = 0;
    for g in &feed.groups {
        position += 1;
        let worst = g
            .services
            .iter()
            .map(|s| state_of(&s.id))
            .max()
            .unwrap_or(ServiceState::Operational);
        components.push(Component {
            id: g.id.clone(),
            name: g.name.get(lang).to_string(),
            status: component_status(worst),
            created_at: generated.clone(),
            updated_at: generated.clone(),
            position,
            description: None,
            showcase: true,
            start_date: None,
            group_id: None,
            page_id: page_id.clone(),
            group: true,
            only_show_if_degraded: false,
            components: Some(g.services.iter().map(|s| s.id.clone()).collect()),
        });
        for s in &g.services {
            position += 1;
            components.push(component(
                &s.id,
                s.name.get(lang).to_string(),
                s.description.as_ref().map(|d| d.get(lang).to_string()),
                Some(g.id.clone()),
                position,
            ));
        }
    }
    let components_of = |ids: &[String]| -> Vec<Component> {
        ids.iter()
            .filter_map(|id| feed.service(id))
            .map(|s| component(&s.id, s.name.get(lang).to_string(), None, None, 0))
            .collect()
    };
    let shortlink = |id: &str| base.as_ref().map(|b| format!("{b}#meldung-{id}"));

    let incidents: Vec<Incident> = status
        .active
        .iter()
        .map(|now| {
            let i = now.incident;
            let updates: Vec<IncidentUpdate> = now
                .updates
                .iter()
                .enumerate()
                .map(|(n, u)| IncidentUpdate {
                    // Updates have no ids in the feed: their place in the timeline, oldest = 1.
                    id: format!("{}-{}", i.id, now.updates.len() - n),
                    status: update_status(u.kind),
                    body: u.text.get(lang).to_string(),
                    incident_id: i.id.clone(),
                    created_at: time(&u.at),
                    updated_at: time(&u.at),
                    display_at: time(&u.at),
                    affected_components: None,
                    deliver_notifications: true,
                })
                .collect();
            let updated = now.updates.first().map_or(i.start, |u| u.at.max(i.start));
            Incident {
                id: i.id.clone(),
                name: i.text.title.get(lang).to_string(),
                status: incident_status(now),
                created_at: time(&i.start),
                updated_at: time(&updated),
                monitoring_at: now
                    .updates
                    .iter()
                    .find(|u| u.kind == UpdateKind::Monitoring)
                    .map(|u| time(&u.at)),
                resolved_at: None,
                impact: impact_word(feed, now),
                shortlink: shortlink(&i.id),
                started_at: time(&i.start),
                page_id: page_id.clone(),
                incident_updates: updates,
                components: components_of(&i.services),
                scheduled_for: None,
                scheduled_until: None,
            }
        })
        .collect();

    let maintenances: Vec<Incident> = status
        .maintenance_now
        .iter()
        .map(|m| (m, "in_progress"))
        .chain(status.maintenance_upcoming.iter().map(|m| (m, "scheduled")))
        .map(|(m, state)| Incident {
            id: m.id.clone(),
            name: m.text.title.get(lang).to_string(),
            status: state,
            created_at: generated.clone(),
            updated_at: generated.clone(),
            monitoring_at: None,
            resolved_at: None,
            impact: "maintenance",
            shortlink: shortlink(&m.id),
            started_at: time(&m.start),
            page_id: page_id.clone(),
            incident_updates: vec![IncidentUpdate {
                id: format!("{}-1", m.id),
                status: state,
                body: m.text.not_working.get(lang).to_string(),
                incident_id: m.id.clone(),
                created_at: generated.clone(),
                updated_at: generated.clone(),
                display_at: generated.clone(),
                affected_components: None,
                deliver_notifications: true,
            }],
            components: components_of(&m.services),
            scheduled_for: Some(time(&m.start)),
            scheduled_until: Some(time(&m.end)),
        })
        .collect();

    let rank = |w: &str| match w {
        "critical" => 3,
        "major" => 2,
        "minor" => 1,
        _ => 0,
    };
    let worst = incidents.iter().map(|i| i.impact).max_by_key(|w| rank(w));
    let indicator = match (worst, status.freshness) {
        (Some(w), _) => w,
        (None, Freshness::Stale { .. }) => "minor",
        (None, Freshness::Fresh) if !status.maintenance_now.is_empty() => "maintenance",
        (None, Freshness::Fresh) => "none",
    };
    Ok(Summary {
        page: Page {
            id: page_id.clone(),
            name: feed.publisher.name.get(lang).to_string(),
            url: base.clone(),
            time_zone: "Europe/Berlin",
            updated_at: generated.clone(),
        },
        components,
        incidents,
        scheduled_maintenances: maintenances,
        status: Status {
            indicator,
            description: Banner::for_overall(status.overall, Words::german()).heading,
        },
    })
}

pub fn render(feed: &Feed, base_url: Option<&str>, lang: &str, now: Time) -> Result<String, Failure> {
    let s = summary(feed, base_url, lang, now)?;
    let mut out = serde_json::to_string_pretty(&s).map_err(|e| Failure::usage(e.to_string()))?;
    out.push('\n');
    Ok(out)
}
