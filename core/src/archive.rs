//! The archive (`archiv.html`): past notices by month, a page at a time, and for each
//! service a strip of the last 90 days with each day's worst state in words.
//!
//! A page shows [`PER_PAGE`] notices, so a feed with 10,000 past incidents builds 20
//! entries, not 10,000; the strips cost one pass over the notices.

use crate::berlin::{format_in, to_berlin};
use crate::model::*;
use crate::order::sort_by_rank;
use crate::present::{Localized, When};
use crate::status::ServiceState;
use crate::words::{k, split_at_slot, MoreKey, Words};
use chrono::NaiveDate;

/// Past notices per page.
pub const PER_PAGE: usize = 20;
/// Days in a service's strip, today included.
pub const STRIP_DAYS: usize = 90;

/// One past notice in the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveEntry {
    pub id: String,
    pub title: Localized,
    /// How bad it was at its worst known state ("Ausfall", "Störung").
    pub badge: &'static str,
    pub state: ServiceState,
    pub start: When,
    pub end: When,
}

/// The notices that began in one month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthGroup {
    /// "November 2021"
    pub label: String,
    pub entries: Vec<ArchiveEntry>,
}

/// One day of a strip: its state and the same in words ("Montag, 22.11.2021: Ausfall").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayMark {
    pub state: ServiceState,
    pub label: String,
}

/// One service's last [`STRIP_DAYS`] days, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceStrip {
    pub id: String,
    pub name: Localized,
    pub days: Vec<DayMark>,
}

/// One page of the archive.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveModel {
    pub words: &'static Words,
    pub months: Vec<MonthGroup>,
    /// 1-based; within `1..=pages`.
    pub page: usize,
    pub pages: usize,
    /// Past notices in all.
    pub total: usize,
    pub strips: Vec<ServiceStrip>,
}

impl ArchiveModel {
    /// Page `page` (1-based; out of range means the nearest) of the archive of `feed` at
    /// `at`, in the words of `w`.
    pub fn new(feed: &Feed, at: Time, w: &'static Words, page: usize) -> ArchiveModel {
        let lang = w.language.feed_lang;
        // Past: begun and resolved by `at`, newest first.
        let mut past: Vec<(&Incident, Time)> = feed
            .incidents
            .iter()
            .filter(|i| i.start <= at)
            .filter_map(|i| i.state_at(at).resolved_at.map(|end| (i, end)))
            .collect();
        sort_by_rank(&mut past, |(i, _)| [-i.start.timestamp_millis(), 0]);
        let total = past.len();
        let pages = total.div_ceil(PER_PAGE).max(1);
        let page = page.clamp(1, pages);
        let month_pattern = w.more(k::ARCHIVE_MONTH_PATTERN);
        let mut months: Vec<MonthGroup> = Vec::new();
        for (i, end) in past.iter().skip((page - 1) * PER_PAGE).take(PER_PAGE) {
            let worst = worst_impact(i);
            let entry = ArchiveEntry {
                id: i.id.clone(),
                title: Localized::pick(&i.text.title, lang),
                badge: w.get(match worst {
                    Impact::Outage => k::BADGE_OUTAGE,
                    Impact::Disrupted => k::BADGE_DISRUPTED,
                }),
                state: worst.into(),
                start: When::of(&i.start, w),
                end: When::of(end, w),
            };
            let label = format_in(&i.start, w, month_pattern);
            match months.last_mut().filter(|m| m.label == label) {
                Some(month) => month.entries.push(entry),
                None => months.push(MonthGroup {
                    label,
                    entries: vec![entry],
                }),
            }
        }
        ArchiveModel {
            words: w,
            months,
            page,
            pages,
            total,
            strips: strips(feed, at, w),
        }
    }
}

/// Each service's strip of the last [`STRIP_DAYS`] Berlin days up to `at`'s.
fn strips(feed: &Feed, at: Time, w: &'static Words) -> Vec<ServiceStrip> {
    let today = to_berlin(&at).date_naive();
    let first = today - chrono::Days::new(STRIP_DAYS as u64 - 1);
    let services: Vec<&Service> = feed.services().collect();
    let mut worst = vec![[ServiceState::Operational; STRIP_DAYS]; services.len()];
    // Marks `state` on the days from `start` to `end` (Berlin dates) for `ids`.
    let mut mark = |ids: &[String], start: &Time, end: &Time, state: ServiceState| {
        let (from, to) = (
            to_berlin(start).date_naive().max(first),
            to_berlin(end).date_naive().min(today),
        );
        let mut day = from;
        while day <= to {
            let d = (day - first).num_days() as usize;
            for (s, service) in services.iter().enumerate() {
                if ids.contains(&service.id) && worst[s][d] < state {
                    worst[s][d] = state;
                }
            }
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
        }
    };
    for i in feed.incidents.iter().filter(|i| i.start <= at) {
        let end = i.state_at(at).resolved_at.unwrap_or(at);
        mark(&i.services, &i.start, &end, worst_impact(i).into());
    }
    for m in feed.maintenance.iter().filter(|m| m.start <= at) {
        mark(&m.services, &m.start, &m.end.min(at), ServiceState::Maintenance);
    }
    let lang = w.language.feed_lang;
    let day_pattern = w.more(k::ARCHIVE_DAY_PATTERN);
    // Each day's date in words, once for all services.
    let dates: Vec<String> = (0..STRIP_DAYS)
        .map(|d| format_in(&noon(first + chrono::Days::new(d as u64)), w, day_pattern))
        .collect();
    services
        .iter()
        .zip(worst)
        .map(|(service, days)| ServiceStrip {
            id: service.id.clone(),
            name: Localized::pick(&service.name, lang),
            days: days
                .iter()
                .zip(&dates)
                .map(|(state, date)| DayMark {
                    state: *state,
                    label: said(w, strip_key(*state), date),
                })
                .collect(),
        })
        .collect()
}

/// An incident at its worst (a day it touched counts with that).
fn worst_impact(i: &Incident) -> Impact {
    i.updates
        .iter()
        .filter_map(|u| u.impact)
        .fold(i.impact, Impact::max)
}

fn strip_key(state: ServiceState) -> MoreKey {
    match state {
        ServiceState::Operational => k::ARCHIVE_STRIP_OK,
        ServiceState::Maintenance => k::ARCHIVE_STRIP_MAINTENANCE,
        ServiceState::Disrupted => k::ARCHIVE_STRIP_DISRUPTED,
        ServiceState::Outage => k::ARCHIVE_STRIP_OUTAGE,
    }
}

/// The words of `key` with `value` in place of their `{}`.
fn said(w: &'static Words, key: MoreKey, value: &str) -> String {
    let (before, after) = split_at_slot(w.more(key));
    format!("{before}{value}{after}")
}

/// Noon of a Berlin date, as an instant (for formatting the date).
fn noon(day: NaiveDate) -> Time {
    let offset =
        chrono::FixedOffset::east_opt(3600).unwrap_or(chrono::FixedOffset::east_opt(0).expect("UTC"));
    day.and_hms_opt(12, 0, 0)
        .and_then(|t| t.and_local_timezone(offset).single())
        .unwrap_or_else(|| chrono::DateTime::UNIX_EPOCH.fixed_offset())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Feed {
        crate::parse(include_str!("../../feed/feed.json"))
            .feed
            .expect("sample")
    }

    fn at(s: &str) -> Time {
        crate::rfc3339::parse(s).expect("time")
    }

    #[test]
    fn the_sample_s_past_notices_by_month_and_the_strip_of_the_doctolib_day() {
        let feed = sample();
        let a = ArchiveModel::new(&feed, at("2021-12-01T12:00:00+01:00"), Words::german(), 1);
        assert_eq!((a.total, a.pages, a.page), (1, 1, 1));
        assert_eq!(a.months.len(), 1);
        assert_eq!(a.months[0].label, "November 2021");
        let entry = &a.months[0].entries[0];
        assert_eq!(entry.id, "doctolib-berlin-2021-11-22");
        assert_eq!(entry.badge, "Ausfall");
        // The strip of online cancelling: 90 days to 1 Dec, the outage on 22 Nov.
        let strip = a.strips.iter().find(|s| s.id == "termin-absagen").expect("strip");
        assert_eq!(strip.days.len(), STRIP_DAYS);
        let outage: Vec<&str> = strip
            .days
            .iter()
            .filter(|d| d.state == ServiceState::Outage)
            .map(|d| d.label.as_str())
            .collect();
        // Resolved, reported again, resolved for good on the 23rd: both days count, each
        // with the incident at its worst.
        assert_eq!(
            outage,
            vec!["Montag, 22.11.2021: Ausfall", "Dienstag, 23.11.2021: Ausfall"]
        );
        assert_eq!(
            strip.days[STRIP_DAYS - 1].label,
            "Mittwoch, 01.12.2021: keine Störung"
        );
        // Another service had nothing.
        let erezept = a
            .strips
            .iter()
            .find(|s| s.id == "erezept-einloesen")
            .expect("strip");
        assert!(erezept.days.iter().all(|d| d.state == ServiceState::Operational));
    }

    #[test]
    fn pages_of_twenty_newest_first_and_a_page_out_of_range_is_the_nearest() {
        let mut feed = sample();
        let template = feed.incidents[0].clone();
        feed.incidents = (0..45)
            .map(|n| {
                let mut i = template.clone();
                i.id = format!("alt-{n}");
                i.start = at("2021-01-01T10:00:00+01:00") + chrono::Days::new(n);
                i.end = Some(i.start + chrono::TimeDelta::hours(2));
                i.updates.clear();
                i
            })
            .collect();
        let now = at("2021-06-01T12:00:00+02:00");
        let first = ArchiveModel::new(&feed, now, Words::german(), 1);
        assert_eq!((first.total, first.pages), (45, 3));
        let ids: Vec<&str> = first
            .months
            .iter()
            .flat_map(|m| &m.entries)
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(ids.len(), PER_PAGE);
        assert_eq!(ids[0], "alt-44", "newest first");
        assert_eq!(first.months[0].label, "Februar 2021");
        let last = ArchiveModel::new(&feed, now, Words::german(), 99);
        assert_eq!(last.page, 3);
        assert_eq!(last.months.iter().map(|m| m.entries.len()).sum::<usize>(), 5);
        assert_eq!(ArchiveModel::new(&feed, now, Words::german(), 0).page, 1);
    }
}
