//! `wegweiser import`: notices from other status sources, written for citizens, merged
//! into a feed without losing what people wrote by hand.
//!
//! Merging: an imported incident or maintenance window gets an id derived from the
//! source's id (`gematik-439`, `statuspage-abc123`). If the feed already has that id,
//! its texts, fallbacks, services, regions and impact stay as they are (someone may
//! have rewritten them); only its times (`start`, `end`) are taken from the source, and
//! source updates it does not have yet are added. Everything else in the feed is kept.
//! The result is checked with the same checker as the page before it is written.

mod gematik;
mod statuspage;

use crate::files::{self, shown};
use crate::wire::{self, Id, Text};
use crate::Failure;
use clap::Subcommand;
use std::path::{Path, PathBuf};
use wegweiser_core::{parse, Problem, Time};

#[derive(Subcommand)]
pub enum Source {
    /// From gematik's TI-Lage (GET /lageapi/v2/tilage) and, optionally, its incident list
    /// (GET /lageapi/v1/tistatus/incident).
    ///
    /// Each affected TI application becomes a notice that names the patient's task
    /// ("E-Rezept mit der Gesundheitskarte einlösen") and what to do instead (paper
    /// prescription Muster 16, the practice's replacement procedure, 116117). Services
    /// the notices need are added to the feed if missing (ids: erezept-einloesen,
    /// erezept-ausstellen, karte-einlesen, epa-nutzen, nachrichten-praxis,
    /// ti-weitere-dienste).
    Gematik {
        /// The TI-Lage file (JSON).
        tilage: PathBuf,
        /// gematik's incident list of the last 14 days (JSON).
        #[arg(long, value_name = "TISTATUS")]
        incidents: Option<PathBuf>,
        #[command(flatten)]
        common: Common,
    },
    /// From a Statuspage v2 summary.json (e.g. a booking portal's status page).
    ///
    /// Only components named with --map count; each becomes one of your services.
    Statuspage {
        /// The summary file (JSON).
        summary: PathBuf,
        /// COMPONENT=SERVICE: the provider's component (its id or its name) and the id of
        /// your service it stands for; give --map once per component.
        #[arg(long = "map", value_name = "COMPONENT=SERVICE", required = true)]
        map: Vec<String>,
        /// The id of the feed's region the notices name (default: the nationwide one,
        /// added as "de" if the feed has none).
        #[arg(long, value_name = "REGION")]
        region: Option<String>,
        #[command(flatten)]
        common: Common,
    },
}

#[derive(clap::Args)]
pub struct Common {
    /// Merge into this feed (texts written by hand are kept). Without it, a new feed is
    /// written whose publisher you must fill in.
    #[arg(long, value_name = "FEED")]
    into: Option<PathBuf>,
    /// Write to this file instead of standard output (may be the same file as --into).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// The instant of the import (for new notices and generated_at), e.g.
    /// 2025-06-16T05:40:00+02:00; default now.
    #[arg(long, value_name = "TIME")]
    now: Option<String>,
}

pub fn run(source: Source) -> Result<u8, Failure> {
    match source {
        Source::Gematik {
            tilage,
            incidents,
            common,
        } => {
            let now = files::instant(common.now.as_deref())?;
            let mut feed = base_feed(common.into.as_deref(), now)?;
            let lage = gematik::read_tilage(&tilage)?;
            let list = incidents.as_deref().map(gematik::read_incidents).transpose()?;
            let mut log = Log::default();
            gematik::import(&mut feed, &lage, list.as_deref(), now, &mut log);
            finish(feed, now, common.output.as_deref(), &log)
        }
        Source::Statuspage {
            summary,
            map,
            region,
            common,
        } => {
            let now = files::instant(common.now.as_deref())?;
            let mut feed = base_feed(common.into.as_deref(), now)?;
            let map = statuspage::parse_map(&map)?;
            let summary = statuspage::read_summary(&summary)?;
            let mut log = Log::default();
            statuspage::import(&mut feed, &summary, &map, region.as_deref(), &mut log)?;
            finish(feed, now, common.output.as_deref(), &log)
        }
    }
}

/// What an import did, told to the operator on standard error.
#[derive(Default)]
pub struct Log(Vec<String>);

impl Log {
    pub fn say(&mut self, line: impl Into<String>) {
        self.0.push(line.into());
    }
}

/// The feed to merge into, or a new one with a publisher to fill in.
fn base_feed(into: Option<&Path>, now: Time) -> Result<wire::Feed, Failure> {
    match into {
        Some(path) => {
            let (_, feed) = files::read_feed(path)?;
            Ok(wire::Feed::from(&feed))
        }
        None => Ok(wire::Feed {
            schema: Some("./feed.schema.json".to_string()),
            version: 1,
            min_reader_version: None,
            publisher: wire::Publisher {
                name: Text::de("Bitte ausfüllen: Name Ihrer Organisation"),
                contact: wire::Contact {
                    email: Some(wire::Email("kontakt@example.org".to_string())),
                    ..Default::default()
                },
                accessibility_contact: wire::Contact {
                    email: Some(wire::Email("barrierefreiheit@example.org".to_string())),
                    ..Default::default()
                },
                example: None,
                note: None,
            },
            generated_at: feed_time(now),
            fresh_for_minutes: 15,
            groups: Vec::new(),
            regions: Vec::new(),
            incidents: Vec::new(),
            maintenance: Vec::new(),
        }),
    }
}

/// An instant as the feed writes it: German time with its offset.
pub fn feed_time(t: Time) -> wire::Time {
    wire::Time::from(&wegweiser_core::berlin::to_berlin(&t))
}

/// Writes the feed after checking it with the page's checker.
fn finish(mut feed: wire::Feed, now: Time, output: Option<&Path>, log: &Log) -> Result<u8, Failure> {
    feed.generated_at = feed_time(now);
    let text = wire::to_json(&feed);
    let parsed = parse(&text);
    if parsed.feed.is_none() {
        let errors: Vec<String> = parsed.errors().map(Problem::to_string).collect();
        return Err(Failure::input(format!(
            "the imported feed would have errors, so nothing was written:\n  {}",
            errors.join("\n  ")
        )));
    }
    files::write_output(output, &text)?;
    for line in &log.0 {
        eprintln!("{line}");
    }
    if let Some(path) = output {
        eprintln!("written to {}", shown(path));
    }
    Ok(0)
}

// --- Editing a feed ---------------------------------------------------------------------

/// A service a notice needs: added (with its group) if the feed lacks it.
pub struct ServiceSpec {
    pub id: &'static str,
    pub name: &'static str,
    pub group_id: &'static str,
    pub group_name: &'static str,
}

pub fn ensure_service(feed: &mut wire::Feed, spec: &ServiceSpec, log: &mut Log) {
    ensure_service_named(feed, spec.id, spec.name, spec.group_id, spec.group_name, log);
}

pub fn ensure_service_named(
    feed: &mut wire::Feed,
    id: &str,
    name: &str,
    group_id: &str,
    group_name: &str,
    log: &mut Log,
) {
    if feed.groups.iter().flat_map(|g| &g.services).any(|s| s.id.0 == id) {
        return;
    }
    let service = wire::Service {
        id: Id(id.to_string()),
        name: Text::de(name),
        description: None,
    };
    match feed.groups.iter_mut().find(|g| g.id.0 == group_id) {
        Some(group) => group.services.push(service),
        None => feed.groups.push(wire::Group {
            id: Id(group_id.to_string()),
            name: Text::de(group_name),
            services: vec![service],
        }),
    }
    log.say(format!("added service {id} (\"{name}\") to group {group_id}"));
}

/// The id of the feed's nationwide region; adds "Deutschland (bundesweit)" if there is none.
pub fn nationwide_region(feed: &mut wire::Feed, log: &mut Log) -> Id {
    if let Some(r) = feed.regions.iter().find(|r| r.nationwide == Some(true)) {
        return r.id.clone();
    }
    let id = ["de", "bundesweit", "deutschland"]
        .into_iter()
        .find(|id| !feed.regions.iter().any(|r| r.id.0 == *id))
        .unwrap_or("de-bundesweit");
    feed.regions.push(wire::Region {
        id: Id(id.to_string()),
        name: Text::de("Deutschland (bundesweit)"),
        nationwide: Some(true),
    });
    log.say(format!("added region {id} (Deutschland, bundesweit)"));
    Id(id.to_string())
}

/// Is this id taken by an incident or maintenance window?
fn id_taken(feed: &wire::Feed, id: &str) -> bool {
    feed.incidents.iter().any(|i| i.id.0 == id) || feed.maintenance.iter().any(|m| m.id.0 == id)
}

/// `base`, or `base-2`, `base-3` … if taken.
pub fn free_id(feed: &wire::Feed, base: &str) -> Id {
    if !id_taken(feed, base) {
        return Id(base.to_string());
    }
    let n = (2..)
        .find(|n| !id_taken(feed, &format!("{base}-{n}")))
        .unwrap_or(2);
    Id(format!("{base}-{n}"))
}

/// Adds an incident, or merges it into the one with the same id: that one keeps its
/// texts, fallbacks, services, regions and impact; takes `start` and `end` from the
/// source; gains the source's updates it lacks (same time and kind = the same update).
pub fn upsert_incident(feed: &mut wire::Feed, new: wire::Incident, log: &mut Log) {
    match feed.incidents.iter_mut().find(|i| i.id == new.id) {
        None => {
            log.say(format!("added incident {}", new.id.0));
            let mut new = new;
            new.updates.sort_by(|a, b| a.at.cmp(&b.at));
            feed.incidents.push(new);
        }
        Some(old) => {
            let before = old.clone();
            old.start = new.start;
            old.end = new.end;
            if old.end.is_some() {
                old.next_update = None;
            }
            for u in new.updates {
                if !old
                    .updates
                    .iter()
                    .any(|o| same_instant(&o.at, &u.at) && o.kind == u.kind)
                {
                    old.updates.push(u);
                }
            }
            old.updates.sort_by(|a, b| a.at.cmp(&b.at));
            if *old == before {
                log.say(format!("incident {} unchanged", old.id.0));
            } else {
                log.say(format!(
                    "updated incident {} (times and updates; texts kept)",
                    old.id.0
                ));
            }
        }
    }
}

/// Like [`upsert_incident`] for maintenance: an existing window keeps its texts and
/// takes the new times.
pub fn upsert_maintenance(feed: &mut wire::Feed, new: wire::Maintenance, log: &mut Log) {
    match feed.maintenance.iter_mut().find(|m| m.id == new.id) {
        None => {
            log.say(format!("added maintenance {}", new.id.0));
            feed.maintenance.push(new);
        }
        Some(old) => {
            if (old.start.clone(), old.end.clone()) == (new.start.clone(), new.end.clone()) {
                log.say(format!("maintenance {} unchanged", old.id.0));
            } else {
                old.start = new.start;
                old.end = new.end;
                log.say(format!("updated maintenance {} (times; texts kept)", old.id.0));
            }
        }
    }
}

/// Two feed times that name the same instant ("…T05:35:20+02:00" = "…T03:35:20Z").
pub fn same_instant(a: &wire::Time, b: &wire::Time) -> bool {
    match (
        wegweiser_core::rfc3339::parse(&a.0),
        wegweiser_core::rfc3339::parse(&b.0),
    ) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// The general fallback everyone can use: 116117.
pub fn fallback_116117() -> wire::Fallback {
    wire::Fallback {
        kind: wire::FallbackKind::Phone,
        label: Text::de("Ärztlicher Bereitschaftsdienst und Terminservicestelle"),
        phone: Some(wire::Phone("116117".to_string())),
        hours: Some(Text::de("rund um die Uhr erreichbar")),
        for_whom: Some(Text::de(
            "Sie brauchen dringend ärztliche Hilfe, und Ihre Praxis hat geschlossen. Oder Sie suchen einen Termin.",
        )),
        details: Some(Text::de("Der Anruf ist kostenlos.")),
        url: None,
    }
}

/// A source time (RFC 3339, e.g. gematik's "2025-06-16T03:35:20.367Z") as a feed time
/// in German time, to the second.
pub fn source_time(s: &str, what: &str) -> Result<wire::Time, Failure> {
    let t = wegweiser_core::rfc3339::parse(s)
        .map_err(|_| Failure::input(format!("{what}: {s:?} is not a time like 2025-06-16T03:35:20Z")))?;
    let t = chrono::DurationRound::duration_trunc(t, chrono::TimeDelta::seconds(1)).unwrap_or(t);
    Ok(feed_time(t))
}
