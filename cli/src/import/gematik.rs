//! gematik's TI status (public API, repository gematik/api-tilage) → notices for citizens.
//!
//! gematik writes for practices and pharmacies: application names (`erezept`, `vsdm`),
//! functions ("E-Rezept einlösen per eGK"), component ids and HTML. A citizen needs to
//! know which of *their* tasks does not work and what to do instead. So each TI
//! application maps to a patient task with texts written for it here (plain German,
//! following shared/domain.md), and gematik's own words appear only in the updates,
//! as plain text, marked as gematik's. Component ids (`cause[].ci`, `service`) are never
//! used.
//!
//! - TI-Lage (`appStatus`): the state now. Each application with an outage becomes an
//!   incident `gematik-lage-<app>-<date>` starting at the import; while it lasts,
//!   later imports keep it (and add an update when the impact changes); once gematik
//!   reports the application fine again, it gets an `end` and a "resolved" update.
//! - The incident list (`tistatus/incident`): each gematik incident becomes
//!   `gematik-<id>` with its start, end and steps as updates. An application with an
//!   open listed incident gets no extra TI-Lage incident.

use super::{
    ensure_service, fallback_116117, feed_time, free_id, nationwide_region, source_time, upsert_incident,
    Log, ServiceSpec,
};
use crate::files::{read_text, shown};
use crate::markup::strip_html;
use crate::wire::{self, Fallback, FallbackKind, Impact, Text, UpdateKind};
use crate::Failure;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use wegweiser_core::Time;

// --- gematik's formats (only the fields used; anything else is ignored) ---------------

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TiLage {
    pub app_status: BTreeMap<String, AppStatus>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    /// none | partial | full
    pub outage: String,
    #[serde(default)]
    pub affected_functions: Vec<AffectedFunction>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AffectedFunction {
    pub function: String,
    #[serde(default)]
    pub impact_desc: Option<String>,
    pub outage: String,
}

#[derive(Deserialize)]
struct IncidentEnvelope {
    data: Vec<GematikIncident>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GematikIncident {
    pub id: u64,
    /// 1 full outage, 4 partial outage, 2 first check OK, 3 closed.
    pub status: u8,
    #[serde(default)]
    pub app: Vec<String>,
    pub created_at: String,
    pub closed_at: Option<String>,
    #[serde(default)]
    pub steps: Vec<Step>,
}

#[derive(Deserialize)]
pub struct Step {
    pub message: String,
    pub status: u8,
    pub timestamp: String,
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path, what: &str) -> Result<T, Failure> {
    let text = read_text(path)?;
    serde_json::from_str(&text).map_err(|e| {
        Failure::input(format!(
            "{} is not {what}: {} (line {}, column {})",
            shown(path),
            plain_serde_error(&e),
            e.line(),
            e.column()
        ))
    })
}

/// serde's message without its own " at line L column C" (we add ours).
pub fn plain_serde_error(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

pub fn read_tilage(path: &Path) -> Result<TiLage, Failure> {
    read_json(path, "gematik TI-Lage data (v2, with \"appStatus\")")
}

pub fn read_incidents(path: &Path) -> Result<Vec<GematikIncident>, Failure> {
    // The API wraps the list as {"success": true, "data": [...]}; a bare list is fine too.
    let text = read_text(path)?;
    if let Ok(list) = serde_json::from_str::<Vec<GematikIncident>>(&text) {
        return Ok(list);
    }
    read_json::<IncidentEnvelope>(path, "gematik's incident list (with \"data\": [ … ])").map(|e| e.data)
}

// --- Patient tasks ------------------------------------------------------------------

const APOTHEKE: (&str, &str) = ("apotheke", "In der Apotheke");
const PRAXIS: (&str, &str) = ("praxis", "In der Arztpraxis");
const WEITERE: (&str, &str) = ("weitere", "Weitere Dienste");

const fn spec(id: &'static str, name: &'static str, group: (&'static str, &'static str)) -> ServiceSpec {
    ServiceSpec {
        id,
        name,
        group_id: group.0,
        group_name: group.1,
    }
}

const EREZEPT_EINLOESEN: ServiceSpec = spec("erezept-einloesen", "E-Rezept einlösen", APOTHEKE);
const EREZEPT_AUSSTELLEN: ServiceSpec = spec("erezept-ausstellen", "E-Rezept ausstellen", PRAXIS);
const KARTE_EINLESEN: ServiceSpec = spec(
    "karte-einlesen",
    "Gesundheitskarte einlesen in der Praxis",
    PRAXIS,
);
const EPA: ServiceSpec = spec("epa-nutzen", "Elektronische Patientenakte (ePA) nutzen", PRAXIS);
const KIM: ServiceSpec = spec(
    "nachrichten-praxis",
    "Arztbriefe und Krankmeldungen elektronisch verschicken",
    PRAXIS,
);
const WEITERE_TI: ServiceSpec = spec(
    "ti-weitere-dienste",
    "Weitere Dienste der Telematik-Infrastruktur",
    WEITERE,
);

/// What a citizen reads about one TI application.
struct Task {
    services: Vec<&'static ServiceSpec>,
    /// The task, as the title names it: "E-Rezept mit der Gesundheitskarte einlösen".
    what: &'static str,
    /// "… geht zurzeit nicht" / "… geht zurzeit nicht immer" is added per impact.
    not_working: fn(Impact) -> String,
    still_working: Option<&'static str>,
    what_to_do: &'static str,
    fallbacks: fn() -> Vec<Fallback>,
}

const TI: &str = "Das meldet die gematik. Sie ist für die Telematik-Infrastruktur (TI) zuständig, das gesicherte Datennetz des Gesundheitswesens.";

fn not_ever(impact: Impact) -> &'static str {
    match impact {
        Impact::Outage => "nicht",
        Impact::Disrupted => "nicht immer",
    }
}

fn fallback_paper() -> Fallback {
    Fallback {
        kind: FallbackKind::Paper,
        label: Text::de("Papierrezept (Muster 16) aus der Praxis"),
        phone: None,
        hours: None,
        for_whom: Some(Text::de(
            "Die Praxis kann kein E-Rezept ausstellen. Oder die Apotheke kann Ihr E-Rezept nicht abrufen.",
        )),
        details: Some(Text::de(
            "Geht das E-Rezept aus technischen Gründen nicht, darf die Praxis ein Rezept auf Papier ausstellen. Das erlaubt das Gesetz (SGB V § 360). Das Papierrezept heißt „Muster 16“. Sie lösen es in der Apotheke ein wie früher.",
        )),
        url: None,
    }
}

fn fallback_notdienst() -> Fallback {
    Fallback {
        kind: FallbackKind::Phone,
        label: Text::de("Apotheken-Notdienst finden"),
        phone: Some(wire::Phone("0800 00 22 8 33".to_string())),
        hours: Some(Text::de("rund um die Uhr erreichbar")),
        for_whom: Some(Text::de(
            "Sie brauchen Ihr Medikament dringend, und Ihre Apotheke hat geschlossen.",
        )),
        details: Some(Text::de(
            "Vom Festnetz ist der Anruf kostenlos. Vom Handy wählen Sie 22 8 33. Das kostet Geld.",
        )),
        url: None,
    }
}

fn fallback_ersatzverfahren() -> Fallback {
    Fallback {
        kind: FallbackKind::InPerson,
        label: Text::de("Karte geht nicht: Die Praxis schreibt Ihre Daten auf"),
        phone: None,
        hours: None,
        for_whom: Some(Text::de(
            "Sie sind in der Praxis, und Ihre Gesundheitskarte kann nicht eingelesen werden.",
        )),
        details: Some(Text::de(
            "Die Praxis schreibt Ihre Daten von Hand auf: Name, Geburtsdatum, Krankenkasse und Postleitzahl. Sie unterschreiben. Dann werden Sie behandelt wie sonst auch. Die Praxis darf Ihnen dafür keine Privatrechnung schreiben.",
        )),
        url: None,
    }
}

fn task_erezept_egk() -> Task {
    Task {
        services: vec![&EREZEPT_EINLOESEN],
        what: "E-Rezept mit der Gesundheitskarte einlösen",
        not_working: |i| {
            format!(
                "In der Apotheke können Sie Ihr E-Rezept zurzeit {} mit Ihrer Gesundheitskarte (eGK) einlösen. {TI}",
                not_ever(i)
            )
        },
        still_working: Some(
            "Ein E-Rezept können Sie auch mit der E-Rezept-App oder mit dem Ausdruck aus der Praxis einlösen. Das kann noch gehen. Rezepte auf Papier gehen.",
        ),
        what_to_do: "Zeigen Sie in der Apotheke den Ausdruck Ihres E-Rezepts, oder lösen Sie es mit der E-Rezept-App ein. Geht das auch nicht, und Sie brauchen Ihr Medikament bald? Fragen Sie Ihre Praxis nach einem Papierrezept (Muster 16). Ist Ihre Praxis geschlossen, und Sie brauchen dringend ärztliche Hilfe? Rufen Sie den ärztlichen Bereitschaftsdienst an: 116117.",
        fallbacks: || {
            vec![
                Fallback {
                    kind: FallbackKind::App,
                    label: Text::de("E-Rezept-App oder Ausdruck aus der Praxis"),
                    phone: None,
                    hours: None,
                    for_whom: Some(Text::de("Ihre Gesundheitskarte geht in der Apotheke nicht.")),
                    details: Some(Text::de(
                        "Gestört ist nur das Einlösen mit der Karte. Mit der E-Rezept-App der gematik oder mit dem Ausdruck aus der Praxis holt die Apotheke das Rezept auf anderem Weg. Das kann noch gehen.",
                    )),
                    url: None,
                },
                fallback_paper(),
                fallback_116117(),
            ]
        },
    }
}

fn task_erezept() -> Task {
    Task {
        services: vec![&EREZEPT_EINLOESEN, &EREZEPT_AUSSTELLEN],
        what: "E-Rezept",
        not_working: |i| {
            format!(
                "E-Rezepte gehen zurzeit {}: Praxen können sie vielleicht nicht ausstellen, Apotheken sie vielleicht nicht abrufen. {TI} Kann die Apotheke Ihr E-Rezept nicht abrufen, muss sie Ihnen das Medikament nicht geben.",
                not_ever(i)
            )
        },
        still_working: Some("Rezepte auf Papier gehen. Ihre Praxis darf Ihnen ein Papierrezept ausstellen (Muster 16)."),
        what_to_do: "Sie brauchen Ihr Medikament bald? Fragen Sie Ihre Praxis nach einem Papierrezept (Muster 16). Die Apotheke kann auch in Ihrer Praxis anrufen und fragen, was verschrieben wurde. Ist Ihre Praxis geschlossen, und Sie brauchen dringend ärztliche Hilfe? Rufen Sie den ärztlichen Bereitschaftsdienst an: 116117.",
        fallbacks: || vec![fallback_paper(), fallback_116117(), fallback_notdienst()],
    }
}

fn task_karte() -> Task {
    Task {
        services: vec![&KARTE_EINLESEN],
        what: "Gesundheitskarte einlesen in der Praxis",
        not_working: |i| {
            format!(
                "Praxen können Ihre Gesundheitskarte zurzeit {} einlesen. {TI}",
                not_ever(i)
            )
        },
        still_working: Some("Sie werden trotzdem behandelt. Die Praxis schreibt Ihre Daten dann von Hand auf."),
        what_to_do: "Gehen Sie wie geplant in die Praxis, und nehmen Sie Ihre Karte mit. Geht die Karte nicht, schreibt die Praxis Ihre Daten auf: Name, Geburtsdatum, Krankenkasse und Postleitzahl. Sie unterschreiben. Die Praxis darf Ihnen dafür keine Privatrechnung schreiben.",
        fallbacks: || vec![fallback_ersatzverfahren(), fallback_116117()],
    }
}

fn task_ti_anschluss() -> Task {
    Task {
        services: vec![&EREZEPT_EINLOESEN, &EREZEPT_AUSSTELLEN, &KARTE_EINLESEN],
        what: "E-Rezept und Gesundheitskarte",
        not_working: |i| {
            format!(
                "Praxen und Apotheken kommen zurzeit {} in die Telematik-Infrastruktur (TI). Dann gehen E-Rezept und Gesundheitskarte nicht. {TI}",
                not_ever(i)
            )
        },
        still_working: Some("Rezepte auf Papier gehen (Muster 16). Auch ohne lesbare Karte werden Sie in der Praxis behandelt."),
        what_to_do: "Sie brauchen Ihr Medikament bald? Fragen Sie Ihre Praxis nach einem Papierrezept (Muster 16). Geht Ihre Karte in der Praxis nicht, schreibt die Praxis Ihre Daten von Hand auf. Ist Ihre Praxis geschlossen, und Sie brauchen dringend ärztliche Hilfe? Rufen Sie den ärztlichen Bereitschaftsdienst an: 116117.",
        fallbacks: || vec![fallback_paper(), fallback_ersatzverfahren(), fallback_116117(), fallback_notdienst()],
    }
}

fn task_epa() -> Task {
    Task {
        services: vec![&EPA],
        what: "Elektronische Patientenakte (ePA)",
        not_working: |i| {
            format!(
                "Die elektronische Patientenakte (ePA) geht zurzeit {}. Praxen, Apotheken und Kliniken können dann Unterlagen in Ihrer ePA nicht lesen oder nicht speichern. {TI}",
                not_ever(i)
            )
        },
        still_working: Some("Ihre Behandlung geht weiter."),
        what_to_do: "Bringen Sie wichtige Unterlagen auf Papier mit, wenn Sie welche haben: zum Beispiel Arztbriefe, Befunde oder Ihren Medikationsplan.",
        fallbacks: || {
            vec![Fallback {
                kind: FallbackKind::Paper,
                label: Text::de("Unterlagen auf Papier mitbringen"),
                phone: None,
                hours: None,
                for_whom: None,
                details: Some(Text::de("Zum Beispiel Arztbriefe, Befunde oder Ihren Medikationsplan.")),
                url: None,
            }]
        },
    }
}

fn task_kim() -> Task {
    Task {
        services: vec![&KIM],
        what: "Arztbriefe und Krankmeldungen elektronisch verschicken",
        not_working: |i| {
            format!(
                "Praxen können zurzeit {} Nachrichten über KIM verschicken. KIM ist der gesicherte E-Mail-Dienst des Gesundheitswesens. Darüber schicken Praxen zum Beispiel Arztbriefe und Krankmeldungen an Krankenkassen. {TI}",
                not_ever(i)
            )
        },
        still_working: None,
        what_to_do: "Meist müssen Sie nichts tun: Die Praxis verschickt die Nachrichten, wenn es wieder geht. Fragen Sie im Zweifel in Ihrer Praxis nach.",
        fallbacks: || vec![fallback_116117()],
    }
}

fn task_other() -> Task {
    Task {
        services: vec![&WEITERE_TI],
        what: "Weitere Dienste der Telematik-Infrastruktur",
        not_working: |i| {
            format!(
                "Einige weitere Anwendungen der Telematik-Infrastruktur (TI) gehen zurzeit {}. {TI} Für E-Rezept und Gesundheitskarte gibt es dazu keine eigene Meldung.",
                not_ever(i)
            )
        },
        still_working: None,
        what_to_do: "Meist müssen Sie nichts tun. Fragen Sie im Zweifel in Ihrer Praxis oder Apotheke nach. Ist Ihre Praxis geschlossen, und Sie brauchen dringend ärztliche Hilfe? Rufen Sie den ärztlichen Bereitschaftsdienst an: 116117.",
        fallbacks: || vec![fallback_116117()],
    }
}

/// gematik's application name in one form: "E-Rezept", "erezept", "TI-Anschluss" …
fn app_key(app: &str) -> String {
    app.chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase()
}

/// The task for an application; for the E-Rezept, whether only redeeming with the card
/// is affected (then app and printout may still work; otherwise they do not help, as
/// the pharmacy fetches the prescription from the central server either way).
fn task_for(app: &str, functions: &[&AffectedFunction]) -> Task {
    match app_key(app).as_str() {
        "erezept" => {
            let only_card = !functions.is_empty()
                && functions.iter().all(|f| {
                    let f = f.function.to_lowercase();
                    f.contains("egk") && f.contains("einlösen")
                });
            if only_card {
                task_erezept_egk()
            } else {
                task_erezept()
            }
        }
        "vsdm" => task_karte(),
        "tianschluss" => task_ti_anschluss(),
        "epa" => task_epa(),
        "kim" => task_kim(),
        _ => task_other(),
    }
}

fn impact_of(outage: &str) -> Option<Impact> {
    match outage {
        "full" => Some(Impact::Outage),
        "partial" => Some(Impact::Disrupted),
        _ => None,
    }
}

fn title(task: &Task, impact: Impact) -> Text {
    Text::de(match impact {
        Impact::Outage => format!("{} geht zurzeit nicht", task.what),
        Impact::Disrupted => format!("{}: zurzeit gestört", task.what),
    })
}

fn incident_for(
    feed: &mut wire::Feed,
    id: wire::Id,
    task: &Task,
    impact: Impact,
    start: wire::Time,
    log: &mut Log,
) -> wire::Incident {
    for s in &task.services {
        ensure_service(feed, s, log);
    }
    let region = nationwide_region(feed, log);
    wire::Incident {
        id,
        services: task.services.iter().map(|s| wire::Id(s.id.to_string())).collect(),
        regions: vec![region],
        impact,
        start,
        end: None,
        next_update: None,
        title: title(task, impact),
        not_working: Text::de((task.not_working)(impact)),
        still_working: task.still_working.map(Text::de),
        what_to_do: Text::de(task.what_to_do),
        fallbacks: (task.fallbacks)(),
        updates: Vec::new(),
    }
}

fn quoted(s: &str) -> String {
    format!(
        "„{}“",
        strip_html(s).trim_end_matches(['.', ' ', ':', '…']).trim()
    )
}

/// The open TI-Lage incident of an application, if any (its id starts with the prefix).
fn open_lage_incident<'f>(feed: &'f wire::Feed, app: &str) -> Option<&'f wire::Incident> {
    let prefix = format!("gematik-lage-{}-", app_key(app));
    feed.incidents
        .iter()
        .find(|i| i.id.0.starts_with(&prefix) && i.end.is_none())
}

pub fn import(
    feed: &mut wire::Feed,
    lage: &TiLage,
    incidents: Option<&[GematikIncident]>,
    now: Time,
    log: &mut Log,
) {
    let now_time = feed_time(now);
    let mut open_listed: Vec<String> = Vec::new();
    // gematik's incident list first: it has real start and end times.
    for g in incidents.unwrap_or_default() {
        let mut steps: Vec<&Step> = g.steps.iter().collect();
        steps.sort_by(|a, b| a.timestamp.cmp(&b.timestamp));
        let full = g.status == 1 || steps.iter().any(|s| s.status == 1);
        let impact = if full { Impact::Outage } else { Impact::Disrupted };
        let apps: Vec<&str> = g.app.iter().map(String::as_str).collect();
        let task = match apps.as_slice() {
            [one] => task_for(one, &[]),
            [] => task_other(),
            _ if apps.iter().any(|a| app_key(a) == "tianschluss") => task_ti_anschluss(),
            _ => task_other(),
        };
        let Ok(start) = source_time(&g.created_at, &format!("gematik incident {}: createdAt", g.id)) else {
            log.say(format!(
                "skipped gematik incident {}: its createdAt {:?} is not a time",
                g.id, g.created_at
            ));
            continue;
        };
        let end = g
            .closed_at
            .as_deref()
            .and_then(|c| source_time(c, "closedAt").ok());
        if end.is_none() {
            open_listed.extend(apps.iter().map(|a| app_key(a)));
        }
        let mut incident = incident_for(
            feed,
            wire::Id(format!("gematik-{}", g.id)),
            &task,
            impact,
            start,
            log,
        );
        incident.end = end;
        for step in steps {
            let Ok(at) = source_time(&step.timestamp, "timestamp") else {
                continue;
            };
            let (kind, impact, says) = match step.status {
                1 => (
                    UpdateKind::Investigating,
                    Some(Impact::Outage),
                    "Die gematik meldet einen Ausfall.",
                ),
                4 => (
                    UpdateKind::Investigating,
                    Some(Impact::Disrupted),
                    "Die gematik meldet eine Störung: Manches geht, manches nicht.",
                ),
                2 => (
                    UpdateKind::Monitoring,
                    None,
                    "Bei der letzten Prüfung der gematik ging es wieder. Sie beobachtet es weiter.",
                ),
                3 => (
                    UpdateKind::Resolved,
                    None,
                    "Die gematik meldet: Die Störung ist vorbei.",
                ),
                _ => (UpdateKind::Investigating, None, "Die gematik meldet Neues."),
            };
            let text = if strip_html(&step.message).is_empty() {
                says.to_string()
            } else {
                format!("{says} Ihre technische Meldung: {}.", quoted(&step.message))
            };
            incident.updates.push(wire::Update {
                at,
                kind,
                text: Text::de(text),
                impact,
            });
        }
        upsert_incident(feed, incident, log);
    }

    // The state now, per application.
    for (app, status) in &lage.app_status {
        let key = app_key(app);
        let affected: Vec<&AffectedFunction> = status
            .affected_functions
            .iter()
            .filter(|f| impact_of(&f.outage).is_some())
            .collect();
        let impact = impact_of(&status.outage).or_else(|| {
            affected
                .iter()
                .filter_map(|f| impact_of(&f.outage))
                .max_by_key(|i| *i == Impact::Outage)
        });
        let open = open_lage_incident(feed, app).map(|i| i.id.clone());
        match (impact, open) {
            (None, None) => {}
            // Over: close it.
            (None, Some(id)) => {
                if let Some(i) = feed.incidents.iter_mut().find(|i| i.id == id) {
                    i.end = Some(now_time.clone());
                    i.next_update = None;
                    i.updates.push(wire::Update {
                        at: now_time.clone(),
                        kind: UpdateKind::Resolved,
                        text: Text::de("Die gematik meldet: Es geht wieder."),
                        impact: None,
                    });
                    log.say(format!(
                        "closed incident {} (gematik reports {app} working again)",
                        id.0
                    ));
                }
            }
            (Some(_), _) if open_listed.contains(&key) => {
                log.say(format!(
                    "{app}: described by gematik's open incident, no extra notice"
                ));
            }
            (Some(impact), Some(id)) => {
                if let Some(i) = feed.incidents.iter_mut().find(|i| i.id == id) {
                    let current = i.updates.iter().rev().find_map(|u| u.impact).unwrap_or(i.impact);
                    if current != impact {
                        i.updates.push(wire::Update {
                            at: now_time.clone(),
                            kind: UpdateKind::Investigating,
                            text: Text::de(match impact {
                                Impact::Outage => "Die gematik meldet jetzt einen Ausfall.",
                                Impact::Disrupted => {
                                    "Die gematik meldet jetzt eine Störung: Manches geht wieder."
                                }
                            }),
                            impact: Some(impact),
                        });
                        log.say(format!(
                            "updated incident {} (impact now {impact:?}; texts kept)",
                            id.0
                        ));
                    } else {
                        log.say(format!("incident {} unchanged", id.0));
                    }
                }
            }
            (Some(impact), None) => {
                let task = task_for(app, &affected);
                let date = wegweiser_core::berlin::to_berlin(&now)
                    .format("%Y-%m-%d")
                    .to_string();
                let id = free_id(feed, &format!("gematik-lage-{key}-{date}"));
                let mut incident = incident_for(feed, id, &task, impact, now_time.clone(), log);
                let reported: Vec<String> = affected
                    .iter()
                    .map(|f| quoted(f.impact_desc.as_deref().unwrap_or(&f.function)))
                    .collect();
                let text = if reported.is_empty() {
                    "Die gematik meldet eine Störung. Die Ursache wird gesucht.".to_string()
                } else {
                    format!("Die gematik meldet: {}.", reported.join("; "))
                };
                incident.updates.push(wire::Update {
                    at: now_time.clone(),
                    kind: UpdateKind::Investigating,
                    text: Text::de(text),
                    impact: None,
                });
                upsert_incident(feed, incident, log);
            }
        }
    }
}
