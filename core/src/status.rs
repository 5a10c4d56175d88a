//! What is the state at a given instant? Derived purely from the feed and the instant,
//! so the page, the CLI and the tests agree, and `?at=` previews are exact.

use crate::model::*;
use crate::order::sort_by_rank;
use chrono::TimeDelta;

/// How long a resolved incident stays on the page under "recently resolved".
pub const RECENT_WINDOW: TimeDelta = TimeDelta::hours(72);

/// How far ahead planned maintenance is announced.
pub const UPCOMING_WINDOW: TimeDelta = TimeDelta::days(14);

/// The state of one service, from best to worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ServiceState {
    Operational,
    Maintenance,
    Disrupted,
    Outage,
}

impl From<Impact> for ServiceState {
    fn from(i: Impact) -> Self {
        match i {
            Impact::Disrupted => ServiceState::Disrupted,
            Impact::Outage => ServiceState::Outage,
        }
    }
}

/// What the page's banner may say. `Unknown` wins over "all working" whenever the
/// page cannot be sure (a stale feed), so the page never claims all is well blindly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overall {
    AllWorking,
    Maintenance,
    Disrupted,
    Outage,
    /// Nothing known to be wrong, but the data is too old to say everything works.
    Unknown,
}

impl Overall {
    /// The headline for the worst state in view: a known problem is always said, but
    /// "all working" (or only maintenance) needs a fresh feed, else it is `Unknown`.
    pub fn of(worst: ServiceState, freshness: Freshness) -> Overall {
        match (worst, freshness) {
            (ServiceState::Outage, _) => Overall::Outage,
            (ServiceState::Disrupted, _) => Overall::Disrupted,
            (_, Freshness::Stale { .. }) => Overall::Unknown,
            (ServiceState::Maintenance, _) => Overall::Maintenance,
            (ServiceState::Operational, _) => Overall::AllWorking,
        }
    }
}

/// Whether the feed may still be trusted at an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    Fresh,
    /// Older than the feed itself declares it stays fresh, since `since`.
    Stale {
        since: Time,
    },
}

/// An incident as it stands at the instant.
#[derive(Debug, Clone, PartialEq)]
pub struct IncidentNow<'f> {
    pub incident: &'f Incident,
    /// The impact in force (the latest update's, else the incident's own).
    pub impact: Impact,
    /// The updates published up to the instant, newest first.
    pub updates: Vec<&'f Update>,
    /// The next update, if promised for later than the instant.
    pub next_update: Option<Time>,
    /// For resolved incidents: when it was resolved.
    pub resolved_at: Option<Time>,
}

/// Everything the page shows about one instant.
#[derive(Debug, Clone, PartialEq)]
pub struct Status<'f> {
    pub at: Time,
    pub freshness: Freshness,
    pub overall: Overall,
    /// Every service of the feed, in feed order, with its state.
    pub services: Vec<(&'f Service, ServiceState)>,
    /// Incidents in force, worst first, then newest first.
    pub active: Vec<IncidentNow<'f>>,
    /// Incidents resolved within [`RECENT_WINDOW`] (or corrected since), newest first.
    pub recent: Vec<IncidentNow<'f>>,
    /// Maintenance windows in progress.
    pub maintenance_now: Vec<&'f Maintenance>,
    /// Maintenance windows starting within [`UPCOMING_WINDOW`], soonest first.
    pub maintenance_upcoming: Vec<&'f Maintenance>,
}

impl Feed {
    /// Whether the feed may be trusted at `at`.
    pub fn freshness(&self, at: Time) -> Freshness {
        let since = self.stale_after();
        if at > since {
            Freshness::Stale { since }
        } else {
            Freshness::Fresh
        }
    }

    /// The state of every service and notice at `at`.
    pub fn status_at(&self, at: Time) -> Status<'_> {
        let mut active = Vec::new();
        let mut recent = Vec::new();
        for incident in self.incidents.iter().filter(|i| i.start <= at) {
            let now = incident_now(incident, at);
            match now.resolved_at {
                None => active.push(now),
                Some(resolved) => {
                    let last_word = now.updates.first().map_or(resolved, |u| u.at.max(resolved));
                    if at - last_word < RECENT_WINDOW {
                        recent.push(now);
                    }
                }
            }
        }
        // Worst first, then newest first.
        sort_by_rank(&mut active, |a| {
            [-(a.impact as i64), -a.incident.start.timestamp_millis()]
        });
        // Most recently resolved first.
        sort_by_rank(&mut recent, |r| {
            [-r.resolved_at.map_or(0, |t| t.timestamp_millis()), 0]
        });

        let maintenance_now: Vec<&Maintenance> = self
            .maintenance
            .iter()
            .filter(|m| m.start <= at && at < m.end)
            .collect();
        let mut maintenance_upcoming: Vec<&Maintenance> = self
            .maintenance
            .iter()
            .filter(|m| m.start > at && m.start - at <= UPCOMING_WINDOW)
            .collect();
        sort_by_rank(&mut maintenance_upcoming, |m| [m.start.timestamp_millis(), 0]);

        let freshness = self.freshness(at);
        let (services, overall) = self.summarize(&active, &maintenance_now, freshness);
        Status {
            at,
            freshness,
            overall,
            services,
            active,
            recent,
            maintenance_now,
            maintenance_upcoming,
        }
    }

    /// Whether a notice naming `regions` concerns a visitor who chose `chosen`: it names
    /// that region, or a nationwide one, or one this feed does not define (a newer
    /// format; it cannot be ruled out). A chosen nationwide region takes only nationwide
    /// notices.
    pub fn concerns(&self, regions: &[String], chosen: &str) -> bool {
        regions
            .iter()
            .any(|id| id == chosen || self.region(id).is_none_or(|r| r.nationwide))
    }

    /// Each service's state and the headline, from the notices in force.
    fn summarize<'f>(
        &'f self,
        active: &[IncidentNow<'f>],
        maintenance_now: &[&'f Maintenance],
        freshness: Freshness,
    ) -> (Vec<(&'f Service, ServiceState)>, Overall) {
        let services: Vec<(&Service, ServiceState)> = self
            .services()
            .map(|s| {
                let from_incidents = active
                    .iter()
                    .filter(|a| a.incident.services.contains(&s.id))
                    .map(|a| ServiceState::from(a.impact));
                let from_maintenance = maintenance_now
                    .iter()
                    .filter(|m| m.services.contains(&s.id))
                    .map(|_| ServiceState::Maintenance);
                let state = from_incidents
                    .chain(from_maintenance)
                    .max()
                    .unwrap_or(ServiceState::Operational);
                (s, state)
            })
            .collect();

        // Every active notice counts, also one that names no service this feed defines
        // (a newer-format feed): the page must never say "all working" beside it.
        let worst = services
            .iter()
            .map(|(_, st)| *st)
            .chain(active.iter().map(|a| ServiceState::from(a.impact)))
            .chain(maintenance_now.iter().map(|_| ServiceState::Maintenance))
            .max()
            .unwrap_or(ServiceState::Operational);
        (services, Overall::of(worst, freshness))
    }
}

impl<'f> Status<'f> {
    /// The status as a visitor of region `chosen` sees it: only the notices that concern
    /// it ([`Feed::concerns`]; nationwide ones always), and each service's state and the
    /// headline from those alone.
    pub fn in_region(mut self, feed: &'f Feed, chosen: &str) -> Status<'f> {
        let concerns = |regions: &[String]| feed.concerns(regions, chosen);
        self.active.retain(|a| concerns(&a.incident.regions));
        self.recent.retain(|r| concerns(&r.incident.regions));
        self.maintenance_now.retain(|m| concerns(&m.regions));
        self.maintenance_upcoming.retain(|m| concerns(&m.regions));
        let (services, overall) = feed.summarize(&self.active, &self.maintenance_now, self.freshness);
        self.services = services;
        self.overall = overall;
        self
    }
}

impl Incident {
    /// This incident as it stands at `at` (also one long resolved, which
    /// [`Feed::status_at`] no longer lists): for exports that show the whole history.
    pub fn state_at(&self, at: Time) -> IncidentNow<'_> {
        incident_now(self, at)
    }
}

fn incident_now(incident: &Incident, at: Time) -> IncidentNow<'_> {
    let published: Vec<&Update> = incident.updates.iter().filter(|u| u.at <= at).collect();
    let impact = published
        .iter()
        .rev()
        .find_map(|u| u.impact)
        .unwrap_or(incident.impact);
    // The last update that changes the incident's phase (a correction does not, nor an
    // update of a kind this crate does not know).
    let last_phase = published
        .iter()
        .rev()
        .find(|u| !matches!(u.kind, UpdateKind::Correction | UpdateKind::Other));
    let resolved_by_update = last_phase
        .filter(|u| u.kind == UpdateKind::Resolved)
        .map(|u| u.at);
    let resolved_at = match incident.end {
        Some(end) if end <= at => Some(resolved_by_update.map_or(end, |r| r.max(end))),
        _ => resolved_by_update,
    };
    let next_update = incident.next_update.filter(|n| *n > at && resolved_at.is_none());
    IncidentNow {
        incident,
        impact,
        updates: published.into_iter().rev().collect(),
        next_update,
        resolved_at,
    }
}
