//! The `wegweiser` command, run as a real program on real files: every subcommand with
//! good and bad input. What it writes is read back by independent parsers (the core
//! checker, a JSON-Schema validator, an Atom parser, an iCalendar parser).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_wegweiser");
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

fn root(rel: &str) -> String {
    format!("{ROOT}/{rel}")
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

const SAMPLE: &str = "feed/feed.json";

/// Runs the command; returns (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let out: Output = Command::new(BIN).args(args).output().expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    )
}

fn run_with_stdin(args: &[&str], input: &str) -> (i32, String, String) {
    use std::io::Write;
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    )
}

/// A fresh folder for one test's files.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("wegweiser-cli-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write");
    p.to_string_lossy().into_owned()
}

fn read(p: &str) -> String {
    std::fs::read_to_string(p).expect("read")
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).expect("valid JSON")
}

/// The feed must pass the page's own checker without errors.
fn assert_valid_feed(text: &str) {
    let parsed = wegweiser_core::parse(text);
    let errors: Vec<String> = parsed.errors().map(|p| p.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}\n{text}");
}

// --- check ------------------------------------------------------------------------------

#[test]
fn check_accepts_the_sample_feed_while_it_is_fresh() {
    let (code, out, err) = run(&["check", "--now", "2025-06-13T14:40:00+02:00", &root(SAMPLE)]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.ends_with("feed/feed.json is valid (0 errors, 0 warnings)\n"),
        "{out}"
    );
}

#[test]
fn check_warns_but_passes_when_the_feed_is_out_of_date() {
    let (code, out, _) = run(&["check", "--now", "2026-01-01T12:00:00+01:00", &root(SAMPLE)]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("is valid, with warnings (0 errors, 1 warning)"),
        "{out}"
    );
    assert!(
        out.contains(
            ":17:19: warning: generated_at: the feed is out of date since Freitag, 13.06.2025, 14:50 Uhr"
        ),
        "{out}"
    );
}

#[test]
fn check_reports_all_twenty_mistakes_with_path_and_line_column() {
    let file = fixture("twenty-mistakes.json");
    let (code, out, _) = run(&["check", "--now", "2021-11-22T10:30:00+01:00", &file]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("has errors: the page will not show it as current (20 errors, 1 warning)"),
        "{out}"
    );
    let errors: Vec<&str> = out.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(errors.len(), 20, "{out}");
    for line in &errors {
        // "  FILE:LINE:COLUMN: error: PATH: sentence"
        let rest = line
            .trim_start()
            .strip_prefix(&format!("{file}:"))
            .expect("file first");
        let mut parts = rest.splitn(3, ':');
        let l: usize = parts.next().and_then(|s| s.parse().ok()).expect("line number");
        let c: usize = parts.next().and_then(|s| s.parse().ok()).expect("column number");
        assert!(l >= 1 && c >= 1, "{line}");
        let tail = parts.next().expect("message");
        let (path, sentence) = tail
            .strip_prefix(" error: ")
            .and_then(|t| t.split_once(": "))
            .expect("path and sentence");
        assert!(!path.is_empty() && sentence.len() > 5, "{line}");
    }
    assert!(
        out.contains(":33:62: error: incidents[0].fallbacks[0].phone: \"0800 abc\" is not a phone number")
    );

    // The same in JSON for CI: 20 errors, each with its own path, line and column.
    let (code, out, _) = run(&[
        "check",
        "--format",
        "json",
        "--now",
        "2021-11-22T10:30:00+01:00",
        &file,
    ]);
    assert_eq!(code, 1);
    let report = json(&out);
    assert_eq!(report["valid"], false);
    let f = &report["files"][0];
    assert_eq!(
        (f["errors"].as_u64(), f["warnings"].as_u64()),
        (Some(20), Some(1))
    );
    let errors: Vec<&serde_json::Value> = f["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .filter(|p| p["severity"] == "error")
        .collect();
    assert_eq!(errors.len(), 20);
    let mut places: Vec<(String, u64, u64)> = errors
        .iter()
        .map(|p| {
            (
                p["path"].as_str().expect("path").to_string(),
                p["line"].as_u64().expect("line"),
                p["column"].as_u64().expect("column"),
            )
        })
        .collect();
    places.dedup();
    assert_eq!(places.len(), 20, "every mistake at its own place: {places:#?}");
    assert!(errors
        .iter()
        .all(|p| p["message"].as_str().is_some_and(|m| !m.is_empty())));
}

#[test]
fn check_several_files_fails_if_one_fails_and_names_unreadable_files() {
    let (code, out, _) = run(&[
        "check",
        "--now",
        "2025-06-13T14:40:00+02:00",
        &root(SAMPLE),
        &fixture("twenty-mistakes.json"),
        "does-not-exist.json",
    ]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("feed/feed.json is valid (0 errors, 0 warnings)"));
    assert!(out.contains("twenty-mistakes.json has errors"));
    assert!(out.contains("does-not-exist.json has errors"));
    assert!(
        out.contains("cannot read does-not-exist.json: there is no such file"),
        "{out}"
    );
}

#[test]
fn check_reads_standard_input_and_reports_syntax_errors() {
    let (code, out, _) = run_with_stdin(&["check", "-"], "{\n  \"version\": 1,\n  \"publisher\" {\n}");
    assert_eq!(code, 1);
    assert!(
        out.contains("standard input:3:15: error: (feed): this is not valid JSON: expected `:`"),
        "{out}"
    );
}

#[test]
fn check_writes_github_annotations() {
    let file = fixture("twenty-mistakes.json");
    let (code, out, _) = run(&["check", "--format", "github", &file]);
    assert_eq!(code, 1);
    assert_eq!(out.lines().filter(|l| l.starts_with("::error ")).count(), 20);
    assert_eq!(out.lines().filter(|l| l.starts_with("::warning ")).count(), 1);
    assert!(
        out.contains(",line=2,col=14,title=version::this feed has format version 2"),
        "{out}"
    );
}

#[test]
fn check_refuses_a_wrong_now_and_wrong_usage() {
    let (code, _, err) = run(&["check", "--now", "22.11.2021 9:12", &root(SAMPLE)]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--now \"22.11.2021 9:12\" is not a time like 2025-06-13T10:00:00+02:00"),
        "{err}"
    );
    let (code, _, err) = run(&["check"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, _) = run(&["check", "--format", "xml", &root(SAMPLE)]);
    assert_eq!(code, 2);
}

#[test]
fn check_gives_operator_advice_as_warnings() {
    let dir = scratch("advice");
    let sample = read(&root(SAMPLE));
    let changed = sample
        .replace("\"example\": true,", "")
        .replace(
            "\"label\": {\n            \"de\": \"Apotheken-Notdienst finden\",\n            \"en\": \"Finding an emergency pharmacy (Apothekennotdienst)\"\n          }",
            "\"label\": \"Apotheken-Notdienst finden\"",
        );
    let file = write(&dir, "feed.json", &changed);
    let (code, out, _) = run(&["check", "--now", "2025-06-13T14:48:00+02:00", &file]);
    assert_eq!(code, 0, "{out}");
    for expected in [
        "warning: publisher.contact.email: \"kontakt@example.org\" is an example address",
        "warning: generated_at: the feed goes out of date in 2 minutes",
        "warning: incidents[0].fallbacks[5].label: has no English text (\"en\")",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }
}

// --- schema -----------------------------------------------------------------------------

fn validator() -> jsonschema::Validator {
    let schema = json(&read(&root("feed/feed.schema.json")));
    jsonschema::validator_for(&schema).expect("the committed schema is a valid JSON Schema")
}

#[test]
fn the_committed_schema_is_the_generated_one() {
    let (code, out, _) = run(&["schema"]);
    assert_eq!(code, 0);
    assert!(
        out == read(&root("feed/feed.schema.json")),
        "feed/feed.schema.json is out of date: run `cargo run -p wegweiser-cli -- schema -o feed/feed.schema.json`"
    );
    // The sample feed points editors at it.
    assert_eq!(json(&read(&root(SAMPLE)))["$schema"], "./feed.schema.json");
    // It carries the format's descriptions for editors.
    let schema = json(&out);
    assert!(schema["properties"]["fresh_for_minutes"]["description"]
        .as_str()
        .is_some_and(|d| d.contains("Alles funktioniert")));
}

#[test]
fn valid_feeds_pass_the_schema() {
    let v = validator();
    for file in [root(SAMPLE), fixture("maintenance.json")] {
        let feed = json(&read(&file));
        let errors: Vec<String> = v
            .iter_errors(&feed)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{file}: {errors:#?}");
    }
}

#[test]
fn broken_feeds_fail_the_schema() {
    let v = validator();
    assert!(!v.is_valid(&json(&read(&fixture("twenty-mistakes.json")))));
    let sample = read(&root(SAMPLE));
    let cases = [
        ("a phone number with letters", "\"phone\": \"116117\"", "\"phone\": \"116 ABC\""),
        ("an http link", "\"email\": \"kontakt@example.org\"", "\"url\": \"http://example.org\""),
        ("an id with capitals", "\"id\": \"berlin\"", "\"id\": \"Berlin\""),
        ("a time without offset", "\"generated_at\": \"2025-06-13T14:35:00+02:00\"", "\"generated_at\": \"2025-06-13T14:35:00\""),
        ("an unknown impact", "\"impact\": \"disrupted\"", "\"impact\": \"down\""),
        ("a typo in a field name", "\"fresh_for_minutes\": 15", "\"fresh_for_minutes\": 15, \"titel\": \"x\""),
        ("freshness over a week", "\"fresh_for_minutes\": 15", "\"fresh_for_minutes\": 20000"),
        ("an empty text", "\"name\": \"Berlin\"", "\"name\": \"  \""),
        ("a capital language code", "\"de\": \"In der Apotheke\"", "\"DE\": \"In der Apotheke\""),
        ("a phone fallback without hours", "\"hours\": {\n            \"de\": \"während der Service-Zeiten der Hotline\",\n            \"en\": \"during the hotline's service hours\"\n          },", ""),
        ("no regions", "\"regions\": [", "\"regions\": [], \"x-regions\": ["),
    ];
    for (what, from, to) in cases {
        assert!(sample.contains(from), "{what}: {from:?} not in the sample");
        let broken = sample.replacen(from, to, 1);
        let value: serde_json::Value =
            serde_json::from_str(&broken).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert!(!v.is_valid(&value), "the schema accepts {what}");
        // The page's checker refuses (or warns about) the same.
        assert!(
            !wegweiser_core::parse(&broken).problems.is_empty(),
            "core accepts {what}"
        );
    }
}

// --- atom -------------------------------------------------------------------------------

fn atom(args: &[&str]) -> atom_syndication::Feed {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "{err}");
    out.parse::<atom_syndication::Feed>()
        .expect("a valid Atom document")
}

#[test]
fn atom_lists_started_incidents_with_their_updates() {
    let feed = atom(&[
        "atom",
        &root(SAMPLE),
        "--base-url",
        "https://status.example.de",
        "--now",
        "2025-06-13T10:00:00+02:00",
    ]);
    assert_eq!(feed.id(), "https://status.example.de/");
    assert_eq!(
        feed.title().as_str(),
        "Wegweiser – Beispielmeldungen: Störungen und Meldungen"
    );
    assert_eq!(feed.authors()[0].name(), "Wegweiser – Beispielmeldungen");
    let entries = feed.entries();
    assert_eq!(entries.len(), 2);
    // Newest change first: the TI outage (09:50 update), then the Doctolib story (2021).
    let ti = &entries[0];
    assert_eq!(
        ti.id(),
        "https://status.example.de/#meldung-ti-ausfall-2025-06-13"
    );
    assert_eq!(
        ti.title().as_str(),
        "Ausfall: E-Rezept und Gesundheitskarte gehen in ganz Deutschland nicht"
    );
    assert_eq!(
        ti.links()[0].href(),
        "https://status.example.de/#meldung-ti-ausfall-2025-06-13"
    );
    assert_eq!(ti.updated().to_rfc3339(), "2025-06-13T09:50:00+02:00");
    assert_eq!(
        ti.published().map(|p| p.to_rfc3339()).as_deref(),
        Some("2025-06-13T08:45:00+02:00")
    );
    let html = ti.content().and_then(|c| c.value()).expect("content");
    assert!(html.contains(
        "<strong>Ausfall</strong> – Deutschland (bundesweit) – seit Freitag, 13.06.2025, 8:45 Uhr"
    ));
    assert!(html.contains("<a href=\"tel:116117\">116117</a>"));
    assert!(html.contains("Ursache gefunden</strong>, Freitag, 13.06.2025, 9:50 Uhr"));
    // Updates not yet published at that instant are not in it.
    assert!(!html.contains("Eine Lösung ist eingespielt"));
    let doctolib = &entries[1];
    assert_eq!(
        doctolib.title().as_str(),
        "Behoben: Impftermine in Berlin: Online absagen geht nicht"
    );
    assert!(doctolib
        .content()
        .and_then(|c| c.value())
        .is_some_and(|h| h.contains("Richtigstellung")));
}

#[test]
fn atom_shows_feed_markup_as_text_only() {
    let dir = scratch("atom-markup");
    let sample = read(&root(SAMPLE)).replace(
        "\"de\": \"Impftermine in Berlin: Online absagen geht nicht\"",
        "\"de\": \"<script>alert(1)</script> & <b>fett</b>\"",
    );
    let file = write(&dir, "feed.json", &sample);
    let feed = atom(&[
        "atom",
        &file,
        "--base-url",
        "https://status.example.de/",
        "--now",
        "2021-11-22T10:30:00+01:00",
    ]);
    assert_eq!(feed.entries().len(), 1);
    let e = &feed.entries()[0];
    assert_eq!(
        e.title().as_str(),
        "Ausfall: <script>alert(1)</script> & <b>fett</b>"
    );
    let html = e.content().and_then(|c| c.value()).expect("content");
    assert!(!html.contains("<script>") && !html.contains("<b>"), "{html}");
}

#[test]
fn atom_refuses_bad_addresses_and_broken_feeds() {
    let (code, _, err) = run(&["atom", &root(SAMPLE), "--base-url", "http://status.example.de"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("is not a web address starting with https://"),
        "{err}"
    );
    let (code, _, err) = run(&[
        "atom",
        &fixture("twenty-mistakes.json"),
        "--base-url",
        "https://x.de",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("has 20 errors and cannot be used"), "{err}");
    let (code, _, _) = run(&["atom", &root(SAMPLE)]);
    assert_eq!(code, 2, "--base-url is required");
}

// --- ical -------------------------------------------------------------------------------

fn calendar(text: &str) -> ical::parser::ical::component::IcalCalendar {
    let mut parser = ical::IcalParser::new(text.as_bytes());
    let cal = parser.next().expect("one calendar").expect("parses");
    assert!(parser.next().is_none());
    cal
}

fn prop<'a>(e: &'a ical::parser::ical::component::IcalEvent, name: &str) -> &'a str {
    e.properties
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
        .unwrap_or_else(|| panic!("{name} missing"))
}

#[test]
fn ical_writes_each_maintenance_window_as_an_event() {
    let (code, out, err) = run(&[
        "ical",
        &fixture("maintenance.json"),
        "--base-url",
        "https://status.kv-beispiel.de/",
    ]);
    assert_eq!(code, 0, "{err}");
    // RFC 5545: every line ends in CRLF and has at most 75 octets.
    assert!(out.ends_with("END:VCALENDAR\r\n"));
    for line in out.split("\r\n") {
        assert!(!line.contains('\n'), "bare line feed in {line:?}");
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    assert!(out.lines().any(|l| l.starts_with(' ')), "long lines are folded");
    let cal = calendar(&out);
    assert_eq!(cal.events.len(), 2);
    let e = &cal.events[0];
    assert_eq!(prop(e, "UID"), "wartung-2025-06-21@status.kv-beispiel.de");
    assert_eq!(prop(e, "DTSTAMP"), "20250620T100000Z");
    assert_eq!(prop(e, "DTSTART"), "20250621T030000Z");
    assert_eq!(prop(e, "DTEND"), "20250621T053000Z");
    assert_eq!(
        prop(e, "SUMMARY"),
        "Wartung: Termine buchen und absagen am Samstag früh\\, 5–7:30 Uhr\\; danach geht alles wieder"
    );
    assert!(prop(e, "DESCRIPTION").contains("\\nWas Sie tun können: Buchen oder sagen Sie vorher oder nachher ab\\, oder rufen Sie an: 030 90 28 22 00."));
    assert!(prop(e, "DESCRIPTION")
        .contains("Hotline für Termine in Berlin: 030 90 28 22 00 (Mo–Fr 8–18 Uhr\\, Sa 9–12 Uhr)"));
    assert_eq!(prop(e, "LOCATION"), "Berlin");
    assert_eq!(
        prop(e, "URL"),
        "https://status.kv-beispiel.de/#meldung-wartung-2025-06-21"
    );
    // A window written in UTC stays the same instant.
    assert_eq!(prop(&cal.events[1], "DTSTART"), "20250705T020000Z");
}

#[test]
fn ical_of_a_feed_without_maintenance_is_an_empty_calendar() {
    let (code, out, _) = run(&["ical", &root(SAMPLE)]);
    assert_eq!(code, 0);
    let cal = calendar(&out);
    assert!(cal.events.is_empty());
    let (code, _, err) = run(&["ical", &fixture("twenty-mistakes.json")]);
    assert_eq!(code, 1, "{err}");
}

// --- statuspage -------------------------------------------------------------------------

fn summary(file: &str, now: &str) -> serde_json::Value {
    let (code, out, err) = run(&[
        "statuspage",
        file,
        "--now",
        now,
        "--base-url",
        "https://status.example.de",
    ]);
    assert_eq!(code, 0, "{err}");
    json(&out)
}

#[test]
fn statuspage_summary_during_the_ti_outage() {
    let s = summary(&root(SAMPLE), "2025-06-13T10:00:00+02:00");
    assert_eq!(s["status"]["indicator"], "critical");
    assert_eq!(
        s["status"]["description"],
        "Ausfall: Einige Dienste gehen gerade nicht"
    );
    assert_eq!(s["page"]["name"], "Wegweiser – Beispielmeldungen");
    assert_eq!(s["page"]["url"], "https://status.example.de/");
    let incidents = s["incidents"].as_array().expect("incidents");
    assert_eq!(incidents.len(), 1);
    let i = &incidents[0];
    assert_eq!(i["id"], "ti-ausfall-2025-06-13");
    assert_eq!(i["status"], "identified");
    assert_eq!(i["impact"], "critical");
    assert_eq!(
        i["shortlink"],
        "https://status.example.de/#meldung-ti-ausfall-2025-06-13"
    );
    let updates = i["incident_updates"].as_array().expect("updates");
    assert_eq!(updates.len(), 2);
    assert_eq!(updates[0]["status"], "identified");
    assert_eq!(updates[0]["created_at"], "2025-06-13T09:50:00+02:00");
    assert_eq!(i["components"].as_array().map(Vec::len), Some(4));
    let status_of = |id: &str| {
        s["components"]
            .as_array()
            .and_then(|c| c.iter().find(|c| c["id"] == id))
            .map(|c| c["status"].clone())
    };
    assert_eq!(status_of("erezept-einloesen"), Some("major_outage".into()));
    assert_eq!(status_of("termin-buchen"), Some("operational".into()));
    assert_eq!(status_of("apotheke"), Some("major_outage".into()));
    assert_eq!(s["scheduled_maintenances"].as_array().map(Vec::len), Some(0));
}

#[test]
fn statuspage_summary_when_all_is_well_stale_or_maintenance_is_planned() {
    let s = summary(&root(SAMPLE), "2025-06-13T14:40:00+02:00");
    assert_eq!(s["status"]["indicator"], "none");
    assert_eq!(s["status"]["description"], "Alles funktioniert");
    assert_eq!(s["incidents"].as_array().map(Vec::len), Some(0));
    // Out of date: never "none".
    let s = summary(&root(SAMPLE), "2026-01-01T12:00:00+01:00");
    assert_eq!(s["status"]["indicator"], "minor");
    assert_eq!(s["status"]["description"], "Aktueller Stand unbekannt");
    let s = summary(&fixture("maintenance.json"), "2025-06-20T12:30:00+02:00");
    // The second window starts in 15 days: not announced yet (14 days ahead, as on the page).
    let m = s["scheduled_maintenances"].as_array().expect("maintenances");
    assert_eq!(m.len(), 1);
    assert_eq!(m[0]["status"], "scheduled");
    assert_eq!(m[0]["scheduled_for"], "2025-06-21T05:00:00+02:00");
    assert_eq!(m[0]["impact"], "maintenance");
}

// --- import gematik ---------------------------------------------------------------------

const TILAGE: &str = "tilage-v2-example.json";
const TISTATUS: &str = "tistatus-incident-example.json";

/// What must never reach citizens from gematik's data.
fn assert_no_technical_leftovers(text: &str) {
    for leftover in [
        "<br",
        "<b>",
        "</b>",
        "CI-1111111",
        "TSP-X.509",
        "SMC-B",
        "Anbieter XY",
        "affectedFunctions",
    ] {
        assert!(!text.contains(leftover), "{leftover:?} in\n{text}");
    }
}

fn incident<'a>(feed: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    feed["incidents"]
        .as_array()
        .and_then(|l| l.iter().find(|i| i["id"] == id))
        .unwrap_or_else(|| panic!("no incident {id}"))
}

#[test]
fn import_gematik_tilage_alone_writes_a_new_feed_for_citizens() {
    let (code, out, err) = run(&[
        "import",
        "gematik",
        &fixture(TILAGE),
        "--now",
        "2025-06-16T10:00:00+02:00",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_valid_feed(&out);
    assert_no_technical_leftovers(&out);
    assert!(
        validator().is_valid(&json(&out)),
        "the imported feed fits the schema"
    );
    let feed = json(&out);
    assert_eq!(
        feed["incidents"].as_array().map(Vec::len),
        Some(1),
        "only the E-Rezept is affected"
    );
    let i = incident(&feed, "gematik-lage-erezept-2025-06-16");
    assert_eq!(i["services"], serde_json::json!(["erezept-einloesen"]));
    assert_eq!(i["regions"], serde_json::json!(["de"]));
    assert_eq!(i["impact"], "disrupted");
    assert_eq!(i["start"], "2025-06-16T10:00:00+02:00");
    assert_eq!(
        i["title"],
        "E-Rezept mit der Gesundheitskarte einlösen: zurzeit gestört"
    );
    let what = i["what_to_do"].as_str().expect("what_to_do");
    assert!(what.contains("E-Rezept-App") && what.contains("Muster 16") && what.contains("116117"));
    let kinds: Vec<&str> = i["fallbacks"]
        .as_array()
        .expect("fallbacks")
        .iter()
        .filter_map(|f| f["kind"].as_str())
        .collect();
    assert_eq!(kinds, ["app", "paper", "phone"]);
    assert_eq!(
        i["updates"][0]["text"],
        "Die gematik meldet: „Das Einlösen von E-Rezepten mit der eGK ist teilweise gestört“."
    );
    // The publisher must be filled in: the check says so.
    assert_eq!(
        feed["publisher"]["name"],
        "Bitte ausfüllen: Name Ihrer Organisation"
    );
    assert!(
        err.contains("added incident gematik-lage-erezept-2025-06-16"),
        "{err}"
    );
    let dir = scratch("gematik-new");
    let file = write(&dir, "feed.json", &out);
    let (code, report, _) = run(&["check", "--now", "2025-06-16T10:00:00+02:00", &file]);
    assert_eq!(code, 0, "{report}");
    assert!(
        report.contains("\"kontakt@example.org\" is an example address"),
        "{report}"
    );
}

#[test]
fn import_gematik_with_incidents_into_the_sample_feed() {
    let dir = scratch("gematik-into");
    let out_file = dir.join("feed.json").to_string_lossy().into_owned();
    let (code, out, err) = run(&[
        "import",
        "gematik",
        &fixture(TILAGE),
        "--incidents",
        &fixture(TISTATUS),
        "--into",
        &root(SAMPLE),
        "--now",
        "2025-06-16T10:00:00+02:00",
        "-o",
        &out_file,
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.is_empty(), "written to the file, not to stdout");
    let text = read(&out_file);
    assert_valid_feed(&text);
    assert_no_technical_leftovers(&text);
    assert!(validator().is_valid(&json(&text)));
    let (code, report, _) = run(&["check", "--now", "2025-06-16T10:00:00+02:00", &out_file]);
    assert_eq!(code, 0, "{report}");

    let feed = json(&text);
    let sample = json(&read(&root(SAMPLE)));
    // Everything written by hand is still there, unchanged.
    for id in ["ti-ausfall-2025-06-13", "doctolib-berlin-2021-11-22"] {
        assert_eq!(incident(&feed, id), incident(&sample, id), "{id} changed");
    }
    assert_eq!(feed["publisher"], sample["publisher"]);
    assert_eq!(feed["generated_at"], "2025-06-16T10:00:00+02:00");

    // gematik's incident 439 (WANDA, closed after 10 minutes) with its three steps.
    let g = incident(&feed, "gematik-439");
    assert_eq!(g["start"], "2025-06-16T05:35:20+02:00");
    assert_eq!(g["end"], "2025-06-16T05:45:20+02:00");
    assert_eq!(g["impact"], "disrupted");
    let kinds: Vec<&str> = g["updates"]
        .as_array()
        .expect("updates")
        .iter()
        .filter_map(|u| u["kind"].as_str())
        .collect();
    assert_eq!(kinds, ["investigating", "monitoring", "resolved"]);
    assert!(g["updates"][0]["text"]
        .as_str()
        .is_some_and(|t| t.contains("deuten auf einen Teilausfall hin. Nachstehende")));
    // The E-Rezept state now, and the services the notices need.
    assert_eq!(
        incident(&feed, "gematik-lage-erezept-2025-06-16")["services"],
        serde_json::json!(["erezept-einloesen"])
    );
    assert!(err.contains("added service ti-weitere-dienste"), "{err}");
    assert!(err.contains("written to"), "{err}");
}

#[test]
fn import_gematik_again_keeps_hand_written_texts_and_closes_when_over() {
    let dir = scratch("gematik-merge");
    let file = dir.join("feed.json").to_string_lossy().into_owned();
    let first = [
        "import",
        "gematik",
        &fixture(TILAGE),
        "--into",
        &root(SAMPLE),
        "--now",
        "2025-06-16T10:00:00+02:00",
        "-o",
        &file,
    ];
    assert_eq!(run(&first).0, 0);
    // An editor rewrites the title.
    let edited = read(&file).replace(
        "\"title\": \"E-Rezept mit der Gesundheitskarte einlösen: zurzeit gestört\"",
        "\"title\": \"Karte in der Apotheke geht nicht immer\"",
    );
    std::fs::write(&file, &edited).expect("edit");

    // Later, gematik reports a full outage: same incident, text kept, one new update.
    let full = write(
        &dir,
        "tilage-full.json",
        &read(&fixture(TILAGE)).replacen("\"outage\": \"partial\"", "\"outage\": \"full\"", 1),
    );
    let (code, _, err) = run(&[
        "import",
        "gematik",
        &full,
        "--into",
        &file,
        "--now",
        "2025-06-16T10:30:00+02:00",
        "-o",
        &file,
    ]);
    assert_eq!(code, 0, "{err}");
    let feed = json(&read(&file));
    let i = incident(&feed, "gematik-lage-erezept-2025-06-16");
    assert_eq!(i["title"], "Karte in der Apotheke geht nicht immer");
    assert_eq!(i["start"], "2025-06-16T10:00:00+02:00");
    assert_eq!(i["updates"].as_array().map(Vec::len), Some(2));
    assert_eq!(i["updates"][1]["impact"], "outage");
    assert!(
        err.contains("updated incident gematik-lage-erezept-2025-06-16"),
        "{err}"
    );

    // The same data again changes nothing but generated_at.
    let before = read(&file);
    let (code, _, err) = run(&[
        "import",
        "gematik",
        &full,
        "--into",
        &file,
        "--now",
        "2025-06-16T10:35:00+02:00",
        "-o",
        &file,
    ]);
    assert_eq!(code, 0);
    assert!(
        err.contains("incident gematik-lage-erezept-2025-06-16 unchanged"),
        "{err}"
    );
    assert_eq!(
        read(&file).replace("2025-06-16T10:35:00+02:00", "2025-06-16T10:30:00+02:00"),
        before
    );

    // gematik reports all fine: the incident ends, with a "resolved" update.
    let fine = write(
        &dir,
        "tilage-fine.json",
        &read(&fixture(TILAGE)).replace("\"partial\"", "\"none\""),
    );
    let (code, _, err) = run(&[
        "import",
        "gematik",
        &fine,
        "--into",
        &file,
        "--now",
        "2025-06-16T12:00:00+02:00",
        "-o",
        &file,
    ]);
    assert_eq!(code, 0, "{err}");
    let feed = json(&read(&file));
    let i = incident(&feed, "gematik-lage-erezept-2025-06-16");
    assert_eq!(i["title"], "Karte in der Apotheke geht nicht immer");
    assert_eq!(i["end"], "2025-06-16T12:00:00+02:00");
    assert_eq!(i["updates"][2]["kind"], "resolved");
    assert_valid_feed(&read(&file));
}

#[test]
fn import_gematik_refuses_wrong_input_without_writing() {
    let dir = scratch("gematik-bad");
    let not_json = write(&dir, "x.json", "<html>Wartung</html>");
    let (code, out, err) = run(&["import", "gematik", &not_json]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.contains(
            "is not gematik TI-Lage data (v2, with \"appStatus\"): expected value (line 1, column 1)"
        ),
        "{err}"
    );
    let wrong_shape = write(&dir, "y.json", "{\"appStatus\": {\"erezept\": {}}}");
    let (code, _, err) = run(&["import", "gematik", &wrong_shape]);
    assert_eq!(code, 1);
    assert!(err.contains("missing field `outage`"), "{err}");
    let (code, _, err) = run(&["import", "gematik", "nope.json"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("cannot read nope.json: there is no such file"),
        "{err}"
    );
    let (code, _, err) = run(&[
        "import",
        "gematik",
        &fixture(TILAGE),
        "--into",
        &fixture("twenty-mistakes.json"),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("has 20 errors and cannot be used"), "{err}");
    let (code, _, err) = run(&[
        "import",
        "gematik",
        &fixture(TILAGE),
        "--incidents",
        &fixture(TILAGE),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("is not gematik's incident list"), "{err}");
}

// --- import statuspage ------------------------------------------------------------------

const SUMMARY: &str = "statuspage-summary.json";

#[test]
fn import_statuspage_maps_components_to_services() {
    let (code, out, err) = run(&[
        "import",
        "statuspage",
        &fixture(SUMMARY),
        "--map",
        "Online booking=termin-buchen",
        "--map",
        "9rlgdjg4fsvm=termin-absagen",
        "--into",
        &root(SAMPLE),
        "--region",
        "berlin",
        "--now",
        "2021-11-22T10:30:00+01:00",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_valid_feed(&out);
    assert!(validator().is_valid(&json(&out)));
    assert!(
        !out.contains("<strong>") && !out.contains("<br") && !out.contains("&amp;"),
        "{out}"
    );
    let feed = json(&out);
    let i = incident(&feed, "statuspage-p31zjtct2jer");
    assert_eq!(
        i["services"],
        serde_json::json!(["termin-buchen", "termin-absagen"])
    );
    assert_eq!(i["regions"], serde_json::json!(["berlin"]));
    assert_eq!(i["impact"], "outage");
    assert_eq!(i["start"], "2021-11-22T09:12:00+01:00");
    assert_eq!(
        i["title"],
        "Geht zurzeit nicht: Termin online buchen, Termin online absagen"
    );
    let updates = i["updates"].as_array().expect("updates");
    assert_eq!(updates.len(), 2);
    assert_eq!(updates[0]["kind"], "investigating");
    assert_eq!(updates[1]["kind"], "identified");
    assert!(updates[1]["text"].as_str().is_some_and(|t| t
        .contains("„The cause is unusually high database load. We have put a queue")
        && t.contains("still fails & we are working on it“")));
    let m = &feed["maintenance"][0];
    assert_eq!(m["id"], "statuspage-w1zdr745wmfy");
    assert_eq!(m["start"], "2021-11-27T05:00:00+01:00");
    assert_eq!(m["end"], "2021-11-27T07:00:00+01:00");
    assert!(
        err.contains("skipped incident \"Delayed synchronisation with practice software\""),
        "{err}"
    );
    // At that instant the page would show it first.
    let parsed = wegweiser_core::parse(&out).feed.expect("valid");
    let now = wegweiser_core::rfc3339::parse("2021-11-22T10:30:00+01:00").expect("time");
    let status = parsed.status_at(now);
    assert!(status
        .active
        .iter()
        .any(|a| a.incident.id == "statuspage-p31zjtct2jer"));
}

#[test]
fn import_statuspage_without_a_feed_adds_the_mapped_services() {
    let (code, out, err) = run(&[
        "import",
        "statuspage",
        &fixture(SUMMARY),
        "--map",
        "Appointment cancellation=termin-absagen",
        "--now",
        "2021-11-22T10:30:00+01:00",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_valid_feed(&out);
    let feed = json(&out);
    assert_eq!(feed["groups"][0]["services"][0]["id"], "termin-absagen");
    assert_eq!(
        feed["groups"][0]["services"][0]["name"],
        "Appointment cancellation"
    );
    assert_eq!(
        incident(&feed, "statuspage-p31zjtct2jer")["services"],
        serde_json::json!(["termin-absagen"])
    );
}

#[test]
fn import_statuspage_refuses_unknown_components_and_bad_maps() {
    let (code, _, err) = run(&[
        "import",
        "statuspage",
        &fixture(SUMMARY),
        "--map",
        "Booking=termin-buchen",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("the summary has no component \"Booking\"; its components are: Website & Apps, Online booking, Appointment cancellation, Practice software integration"),
        "{err}"
    );
    let (code, _, err) = run(&[
        "import",
        "statuspage",
        &fixture(SUMMARY),
        "--map",
        "Online booking",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("should be COMPONENT=SERVICE"), "{err}");
    let (code, _, err) = run(&[
        "import",
        "statuspage",
        &fixture(SUMMARY),
        "--map",
        "Online booking=Termin Buchen",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("is not a usable service id"), "{err}");
    let (code, _, _) = run(&["import", "statuspage", &fixture(SUMMARY)]);
    assert_eq!(code, 2, "--map is required");
    let (code, _, err) = run(&[
        "import",
        "statuspage",
        &fixture(SUMMARY),
        "--map",
        "Online booking=termin-buchen",
        "--into",
        &root(SAMPLE),
        "--region",
        "hamburg",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "--region \"hamburg\" is not a region of the feed; its regions are: de, berlin, brandenburg, nrw"
        ),
        "{err}"
    );
    let (code, _, err) = run(&["import", "statuspage", &fixture(TILAGE), "--map", "a=b"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("is not a Statuspage summary (v2 summary.json): missing field `components`"),
        "{err}"
    );
}

// --- publish, snapshot ------------------------------------------------------------------

/// A scratch `dist/` holding the source index.html (it has the state markers that
/// `make build` keeps).
fn dist_with_page(test: &str) -> PathBuf {
    let dir = scratch(test);
    std::fs::copy(root("index.html"), dir.join("index.html")).expect("copy index.html");
    dir
}

fn read_path(path: &Path) -> String {
    std::fs::read_to_string(path).expect("readable")
}

/// `wegweiser publish` of the sample feed into the scratch `dist` as of `at` (a preview).
fn publish_sample_at(dist: &str, at: &str) -> (i32, String, String) {
    run(&["publish", &root(SAMPLE), "--dist", dist, "--at", at])
}

#[test]
fn publish_writes_the_state_into_the_page_and_a_page_without_scripts() {
    let dist = dist_with_page("publish");
    let d = dist.to_str().expect("utf-8 path");
    let (code, out, err) = publish_sample_at(d, "2025-06-13T10:00:00+02:00");
    assert_eq!(code, 0, "{err}");
    assert!(out.is_empty());
    assert!(err.contains("published the state of"), "{err}");
    let page = read_path(&dist.join("index.html"));
    assert!(page.contains(
        r#"<div id="app" data-published="2025-06-13T10:00:00+02:00" data-fresh-until="2025-06-13T14:50:00+02:00">"#
    ));
    assert!(page.contains(r#"id="meldung-ti-ausfall-2025-06-13""#));
    assert!(page.contains(r#"href="tel:116117""#));
    assert!(page.contains("Vorschau: So sah die Seite am"));
    assert!(
        !page.contains("Status wird geladen"),
        "the loading text is replaced"
    );
    let snapshot = read_path(&dist.join("stand.html"));
    assert!(!snapshot.contains("<script"));
    assert!(snapshot.contains(r#"id="meldung-ti-ausfall-2025-06-13""#));

    // Published again (the feed changed, or time went on): one state, the newer one.
    let (code, _, err) = publish_sample_at(d, "2021-11-22T10:30:00+01:00");
    assert_eq!(code, 0, "{err}");
    let again = read_path(&dist.join("index.html"));
    assert_eq!(again.matches("<!--wegweiser:state-->").count(), 1);
    assert!(again.contains(r#"id="meldung-doctolib-berlin-2021-11-22""#));
    assert!(!again.contains(r#"id="meldung-ti-ausfall-2025-06-13""#));

    // Without --at: the state now, no preview note.
    let (code, _, err) = run(&["publish", &root(SAMPLE), "--dist", d]);
    assert_eq!(code, 0, "{err}");
    assert!(!read_path(&dist.join("index.html")).contains("Vorschau"));
}

#[test]
fn publish_also_writes_the_state_into_the_widget_page_when_there_is_one() {
    let dist = dist_with_page("publish-widget");
    // The widget's page as the build writes it: index.html's head, the widget's body.
    let body = read_path(Path::new(&root("widget/embed-body.html")));
    std::fs::write(
        dist.join("embed.html"),
        format!("<!doctype html><html><head></head>{body}</html>"),
    )
    .expect("write");
    let d = dist.to_str().expect("utf-8 path");
    let (code, _, err) = publish_sample_at(d, "2025-06-13T10:00:00+02:00");
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("stand.html and "), "{err}");
    assert!(err.contains("embed.html"), "{err}");
    let widget = read_path(&dist.join("embed.html"));
    assert!(widget.contains(r#"<div id="app" data-published="2025-06-13T10:00:00+02:00" data-fresh-until="2025-06-13T14:50:00+02:00" data-preview><div aria-live="polite" class="widget__live">"#), "{widget}");
    // Only the state changed: what lies outside the markers is as the build wrote it.
    let outside = |html: &str| {
        let (start, end) = (
            html.find("<!--wegweiser:state-->").unwrap_or(0),
            html.find("<!--/wegweiser:state-->").unwrap_or(0),
        );
        (html[..start].to_string(), html[end..].to_string())
    };
    let built = format!("<!doctype html><html><head></head>{body}</html>");
    assert_eq!(outside(&widget).0, outside(&built).0);
    assert_eq!(
        outside(&widget).1.replacen("<!--/wegweiser:state-->", "", 1),
        outside(&built).1.replacen("<!--/wegweiser:state-->", "", 1)
    );
    assert!(widget.contains(r#"href="tel:116117""#));
    assert!(widget.contains("Dieser Hinweis zeigt den Stand vom"));
    assert!(!widget.contains("Ohne JavaScript kann dieser Hinweis den aktuellen Stand nicht zeigen"));
    // The loading text stays in its <template>, for a widget that asks for another choice.
    assert_eq!(widget.matches("Status wird geladen").count(), 1);
    assert!(widget.contains("<template id=\"loading\">"));

    // Published again: one state, the newer one.
    let (code, _, err) = publish_sample_at(d, "2021-11-22T10:30:00+01:00");
    assert_eq!(code, 0, "{err}");
    let again = read_path(&dist.join("embed.html"));
    assert_eq!(again.matches("<!--wegweiser:state-->").count(), 1);
    assert!(again.contains(r#"data-published="2021-11-22T10:30:00+01:00""#));
}

#[test]
fn a_widget_page_without_markers_is_left_alone_with_a_warning_and_the_page_still_published() {
    let dist = dist_with_page("publish-old-widget");
    let old = "<!doctype html><html><body><div id=\"app\">Status wird geladen</div></body></html>\n";
    std::fs::write(dist.join("embed.html"), old).expect("write");
    let d = dist.to_str().expect("utf-8 path");
    let (code, _, err) = publish_sample_at(d, "2025-06-13T10:00:00+02:00");
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("warning: ") && err.contains("the widget is not published"),
        "{err}"
    );
    assert_eq!(read_path(&dist.join("embed.html")), old);
    assert!(read_path(&dist.join("index.html")).contains(r#"id="meldung-ti-ausfall-2025-06-13""#));
}

#[test]
fn publish_with_a_site_writes_a_qr_code_for_each_notice_and_tells_the_notice_page() {
    let dist = dist_with_page("publish-qr");
    // The notice page as the build writes it (its frame is index.html's).
    std::fs::copy(root("index.html"), dist.join("meldung.html")).expect("copy");
    let d = dist.to_str().expect("utf-8 path");
    let site = "https://status.example.de";
    for _ in 0..2 {
        let (code, _, err) = run(&["publish", &root(SAMPLE), "--dist", d, "--site", site]);
        assert_eq!(code, 0, "{err}");
    }
    for id in ["ti-ausfall-2025-06-13", "doctolib-berlin-2021-11-22"] {
        let svg = read_path(&dist.join("qr").join(format!("{id}.svg")));
        assert!(
            svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
            "{svg}"
        );
        assert!(svg.matches("h1v1h-1z").count() > 200, "a QR code's dark modules");
    }
    let page = read_path(&dist.join("meldung.html"));
    let meta = r#"<meta name="wegweiser-site" content="https://status.example.de/">"#;
    assert_eq!(page.matches(meta).count(), 1, "once, also when published again");

    let (code, _, err) = run(&[
        "publish",
        &root(SAMPLE),
        "--dist",
        d,
        "--site",
        "http://plain.example/",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("is not a site address like https://"), "{err}");
}

#[test]
fn publish_refuses_a_broken_feed_and_leaves_the_page_as_it_was() {
    let dist = dist_with_page("publish-broken");
    let before = read_path(&dist.join("index.html"));
    let (code, _, err) = run(&[
        "publish",
        &root("core/tests/hostile/truncated.json"),
        "--dist",
        dist.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot be used"), "{err}");
    assert_eq!(read_path(&dist.join("index.html")), before);
    assert!(!dist.join("stand.html").exists());
}

#[test]
fn publish_explains_a_wrong_time_and_a_page_without_markers() {
    let dist = dist_with_page("publish-wrong");
    let d = dist.to_str().expect("utf-8 path");
    let (code, _, err) = publish_sample_at(d, "2025-06-13 10:00");
    assert_eq!(code, 2);
    assert!(err.contains("--at \"2025-06-13 10:00\" is not a time"), "{err}");

    std::fs::write(dist.join("index.html"), "<html><body>Hallo</body></html>").expect("write");
    let (code, _, err) = run(&["publish", &root(SAMPLE), "--dist", d]);
    assert_eq!(code, 1);
    assert!(err.contains("no <!--wegweiser:state-->"), "{err}");

    let (code, _, err) = run(&["publish", &root(SAMPLE), "--dist", "/nonexistent-wegweiser-dist"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("cannot read /nonexistent-wegweiser-dist/index.html"),
        "{err}"
    );
}

#[test]
fn snapshot_prints_the_state_as_a_page_without_scripts() {
    let dist = dist_with_page("snapshot");
    let (code, out, err) = run(&[
        "snapshot",
        &root(SAMPLE),
        "--dist",
        dist.to_str().expect("utf-8 path"),
        "--at",
        "2021-11-22T10:30:00+01:00",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("<!doctype html>"),
        "{}",
        &out[..out.len().min(200)]
    );
    assert!(!out.contains("<script"));
    assert!(out.contains(r#"id="meldung-doctolib-berlin-2021-11-22""#));
    assert!(out.contains(r#"href="tel:03090282200""#));
    assert!(out.contains(r#"href="tel:116117""#));
    // Written nowhere else: dist/ stays as it was.
    assert!(!dist.join("stand.html").exists());
    assert!(!read_path(&dist.join("index.html")).contains("data-published"));
}

#[test]
fn statuspage_and_snapshot_refuse_a_broken_feed_and_say_why() {
    let broken = root("core/tests/hostile/truncated.json");
    let (code, out, err) = run(&["statuspage", &broken]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("cannot be used"), "{err}");

    let dist = dist_with_page("snapshot-broken");
    let d = dist.to_str().expect("utf-8 path");
    let (code, out, err) = run(&["snapshot", &broken, "--dist", d]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("cannot be used"), "{err}");

    // No built page to take the head (styles, icon) from.
    let (code, _, err) = run(&["snapshot", &root(SAMPLE), "--dist", "/nonexistent-wegweiser-dist"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("cannot read /nonexistent-wegweiser-dist/index.html"),
        "{err}"
    );
}
