//! Feeds for `make bench`, and the native parse time.
//!
//! ```text
//! cargo run --release -p wegweiser-core --example bench_feed -- generate 10000 > big.json
//! cargo run --release -p wegweiser-core --example bench_feed -- parse big.json 20
//! ```
//!
//! `generate N` writes a valid feed (the sample feed's publisher, groups and regions)
//! with N past incidents, one every 9 hours back from 2026-11-20, each with
//! an update, a fallback and texts in German and English, plus one incident active on
//! 2026-11-22 10:00 (+01:00) so the page has a notice to show. Deterministic.
//!
//! `parse FILE RUNS` reads FILE once, then parses and checks it RUNS times and derives
//! the page model at that instant, and prints the size and the median, fastest and
//! slowest time in milliseconds as one JSON line.

use std::time::Instant;
use wegweiser_core::present::PageModel;
use wegweiser_core::Words;
use wegweiser_core::{parse, rfc3339};

const SAMPLE: &str = include_str!("../../feed/feed.json");
pub const ACTIVE_AT: &str = "2026-11-22T10:00:00+01:00";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["generate", n] => match n.parse() {
            Ok(n) => print!("{}", generate(n)),
            Err(_) => usage(),
        },
        ["parse", file, runs] => match (std::fs::read_to_string(file), runs.parse()) {
            (Ok(text), Ok(runs)) => measure(&text, runs),
            (Err(e), _) => {
                eprintln!("cannot read {file}: {e}");
                std::process::exit(1)
            }
            _ => usage(),
        },
        _ => usage(),
    }
}

fn usage() {
    eprintln!("usage: bench_feed generate N | bench_feed parse FILE RUNS");
    std::process::exit(2);
}

fn incident(id: &str, start: &str, end: Option<&str>, service: &str, region: &str, n: usize) -> String {
    let end = end.map_or(String::new(), |e| format!(r#""end": "{e}", "#));
    format!(
        r#"{{"id": "{id}", "services": ["{service}"], "regions": ["{region}"], "impact": "{impact}", "start": "{start}", {end}
 "title": {{"de": "Störung Nummer {n}: E-Rezept kann nicht eingelöst werden", "en": "Disruption number {n}: e-prescriptions cannot be redeemed"}},
 "not_working": {{"de": "Apotheken können E-Rezepte nicht abrufen. Die Gesundheitskarte kann nicht gelesen werden.", "en": "Pharmacies cannot retrieve e-prescriptions. Health cards cannot be read."}},
 "what_to_do": {{"de": "Bitten Sie Ihre Praxis um ein Papierrezept (Muster 16).", "en": "Ask your practice for a paper prescription (Muster 16)."}},
 "fallbacks": [{{"kind": "phone", "label": "Ärztlicher Bereitschaftsdienst", "phone": "116117", "hours": "rund um die Uhr"}}],
 "updates": [{{"at": "{start}", "kind": "investigating", "text": "Wir prüfen die Störung."}}]}}"#,
        impact = if n.is_multiple_of(3) {
            "outage"
        } else {
            "disrupted"
        },
    )
}

fn generate(n: usize) -> String {
    let head_end = SAMPLE
        .find("\"incidents\"")
        .expect("the sample feed has incidents");
    let head = &SAMPLE[..head_end];
    // The sample's own generation time, replaced by one just before the active incident.
    let key = "\"generated_at\": \"";
    let from = head.find(key).expect("generated_at") + key.len();
    let to = from + head[from..].find('"').expect("closing quote");
    let head = format!("{}2026-11-22T09:55:00+01:00{}", &head[..from], &head[to..]);
    let services = [
        "erezept-einloesen",
        "gesundheitskarte-apotheke",
        "termin-buchen",
        "termin-absagen",
    ];
    let regions = ["de", "berlin", "brandenburg", "nrw"];
    let base = rfc3339::parse("2026-11-20T12:00:00+01:00").expect("base time");
    let mut out = String::with_capacity(n * 1100 + head.len());
    out.push_str(&head);
    out.push_str("\"incidents\": [\n");
    out.push_str(&incident(
        "aktiv-2026-11-22",
        "2026-11-22T08:30:00+01:00",
        None,
        "erezept-einloesen",
        "de",
        0,
    ));
    for i in 1..=n {
        let start = base - chrono::TimeDelta::hours(9 * i as i64);
        let end = start + chrono::TimeDelta::hours(3);
        out.push_str(",\n");
        out.push_str(&incident(
            &format!("vergangen-{i}"),
            &rfc3339::format(&start),
            Some(&rfc3339::format(&end)),
            services[i % services.len()],
            regions[i % regions.len()],
            i,
        ));
    }
    out.push_str("\n]}\n");
    out
}

fn measure(text: &str, runs: usize) {
    let at = rfc3339::parse(ACTIVE_AT).expect("instant");
    let mut times = Vec::with_capacity(runs);
    let mut incidents = 0;
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        let parsed = parse(text);
        let Some(feed) = parsed.feed else {
            let first: Vec<String> = parsed.problems.iter().take(3).map(|p| p.to_string()).collect();
            eprintln!("the feed is not valid: {first:?}");
            std::process::exit(1)
        };
        let status = feed.status_at(at);
        let page = PageModel::new(&feed, &status, Words::german(), "de", false);
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        incidents = feed.incidents.len();
        std::hint::black_box(page);
    }
    times.sort_by(f64::total_cmp);
    println!(
        r#"{{"bytes": {}, "incidents": {incidents}, "runs": {}, "median_ms": {:.2}, "min_ms": {:.2}, "max_ms": {:.2}}}"#,
        text.len(),
        times.len(),
        times[times.len() / 2],
        times[0],
        times[times.len() - 1]
    );
}
