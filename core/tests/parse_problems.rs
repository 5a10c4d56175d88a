//! Every kind of problem the parser reports, each with its exact path and message, and
//! with line:column where it matters. These are the sentences operators read when their
//! feed is refused, so they are pinned here word for word.

use wegweiser_core::{parse, Problem, Severity};

/// A small valid feed; each test breaks one thing in it.
const BASE: &str = r#"{
  "version": 1,
  "publisher": {
    "name": "KV Beispiel",
    "contact": { "email": "kontakt@example.org", "url": "https://example.org/" },
    "accessibility_contact": { "email": "barrierefreiheit@example.org" }
  },
  "generated_at": "2021-11-22T10:30:00+01:00",
  "fresh_for_minutes": 15,
  "groups": [
    {
      "id": "apotheke",
      "name": "In der Apotheke",
      "services": [{ "id": "erezept-einloesen", "name": "E-Rezept einlösen" }]
    },
    {
      "id": "termine",
      "name": "Termine",
      "services": [{ "id": "termin-absagen", "name": "Termin online absagen" }]
    }
  ],
  "regions": [
    { "id": "de", "name": "Deutschland", "nationwide": true },
    { "id": "berlin", "name": "Berlin" }
  ],
  "incidents": [
    {
      "id": "ti-ausfall",
      "services": ["erezept-einloesen"],
      "regions": ["de"],
      "impact": "outage",
      "start": "2021-11-22T08:45:00+01:00",
      "title": "E-Rezept geht nicht",
      "not_working": "Apotheken können E-Rezepte nicht abrufen.",
      "what_to_do": "Fragen Sie Ihre Praxis nach einem Papierrezept (Muster 16).",
      "fallbacks": [{ "kind": "paper", "label": "Papierrezept (Muster 16)" }]
    },
    {
      "id": "absagen-berlin",
      "services": ["termin-absagen"],
      "regions": ["berlin"],
      "impact": "outage",
      "start": "2021-11-22T09:12:00+01:00",
      "title": "Online absagen geht nicht",
      "not_working": "Sie können Ihren Impftermin nicht online absagen.",
      "what_to_do": "Sagen Sie per Telefon ab.",
      "fallbacks": [
        { "kind": "phone", "label": "Impf-Hotline", "phone": "030 90 28 22 00", "hours": "Mo–Fr" }
      ],
      "updates": [
        { "at": "2021-11-22T09:30:00+01:00", "kind": "investigating", "text": "Wir prüfen." }
      ]
    }
  ],
  "maintenance": [
    {
      "id": "wartung",
      "services": ["termin-absagen"],
      "regions": ["berlin"],
      "start": "2021-11-27T05:00:00+01:00",
      "end": "2021-11-27T07:00:00+01:00",
      "title": "Wartung",
      "not_working": "Absagen geht nicht.",
      "what_to_do": "Versuchen Sie es später."
    }
  ]
}"#;

/// `BASE` with `from` (which must occur exactly once) replaced by `to`.
fn with(from: &str, to: &str) -> String {
    with_in(BASE, from, to)
}

fn with_in(src: &str, from: &str, to: &str) -> String {
    assert_eq!(src.matches(from).count(), 1, "{from:?} must occur exactly once");
    src.replacen(from, to, 1)
}

/// Every problem as operators see it: `path: message (line L, column C)`.
fn shown(src: &str) -> Vec<String> {
    parse(src).problems.iter().map(Problem::to_string).collect()
}

fn paths(src: &str) -> Vec<String> {
    parse(src).problems.iter().map(Problem::path_string).collect()
}

/// The one problem `src` has; it must be an error, and the feed must be refused.
fn the_error(src: &str) -> Problem {
    let parsed = parse(src);
    assert!(parsed.feed.is_none(), "a feed with an error must not be built");
    assert_eq!(parsed.problems.len(), 1, "{:#?}", parsed.problems);
    let p = parsed.problems[0].clone();
    assert_eq!(p.severity, Severity::Error, "{p}");
    p
}

/// Line and column (1-based, in characters) of the first occurrence of `needle` in
/// `src`: an oracle for positions that does not share code with the parser.
fn pos_of(src: &str, needle: &str) -> (usize, usize) {
    let offset = src.find(needle).expect("needle in source");
    let before = &src[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[test]
fn the_base_feed_is_valid_without_warnings() {
    let parsed = parse(BASE);
    assert_eq!(shown(BASE), Vec::<String>::new());
    let feed = parsed.feed.expect("valid");
    assert_eq!(feed.incidents.len(), 2);
    assert_eq!(feed.maintenance.len(), 1);
}

// --- The file as a whole -------------------------------------------------------------

#[test]
fn a_syntax_error_names_line_and_column() {
    let src = "{\n  \"version\": 1,\n  \"publisher\" {\n}";
    let p = the_error(src);
    assert_eq!(p.path, vec![]);
    assert_eq!(p.position, Some((3, 15)));
    assert_eq!(
        p.to_string(),
        "(feed): this is not valid JSON: expected `:` (line 3, column 15)"
    );

    let trailing_comma = with(
        "\"what_to_do\": \"Versuchen Sie es später.\"",
        "\"what_to_do\": \"x\",",
    );
    let p = the_error(&trailing_comma);
    assert_eq!(p.message, "this is not valid JSON: trailing comma");
    // Reported at the `}` that follows the comma, on the next line.
    let (comma_line, _) = pos_of(&trailing_comma, "\"x\",");
    assert_eq!(p.position, Some((comma_line + 1, 5)));
    assert_eq!(p.position, Some((65, 5)));
}

#[test]
fn a_syntax_error_counts_columns_in_characters_not_bytes() {
    // "Ä", "ö" and "ü" take two bytes each; an editor counts them as one column.
    let p = the_error("{\"name\": \"Ärztlicher Dienst äöü\" x}");
    assert_eq!(p.position, Some((1, 34)));
    let p = the_error("{\"name\": \"Arztlicher Dienst aou\" x}");
    assert_eq!(p.position, Some((1, 34)));
}

#[test]
fn a_truncated_file_says_it_ends_too_early() {
    let p = the_error("{\"version\": 1, \"publisher\": ");
    assert_eq!(
        p.to_string(),
        "(feed): the file ends too early: it is cut off or a bracket is not closed (line 1, column 28)"
    );
    // Cut in the middle of a line: the position is the last character that arrived.
    let cut = &BASE[..BASE.find("\"Impf-Hotline\"").expect("in base") + 5];
    assert!(cut.ends_with("\"label\": \"Impf"));
    let p = the_error(cut);
    assert_eq!(
        p.message,
        "the file ends too early: it is cut off or a bracket is not closed"
    );
    let (line, column) = pos_of(BASE, "\"Impf-Hotline\"");
    assert_eq!(p.position, Some((line, column + 4)));
    assert_eq!(p.position, Some((48, 41)));
}

#[test]
fn an_empty_file_is_reported_as_empty() {
    for src in ["", "   ", "\n\t\r\n"] {
        assert_eq!(
            the_error(src).to_string(),
            "(feed): the feed is empty (line 1, column 1)"
        );
    }
}

#[test]
fn a_feed_nested_too_deeply_is_refused_without_crashing() {
    let p = the_error(&"[".repeat(10_000));
    assert_eq!(
        p.message,
        "the feed is nested too deeply (more than 128 levels of brackets)"
    );
    assert_eq!(p.position.map(|(line, _)| line), Some(1));
}

#[test]
fn a_feed_that_is_not_an_object() {
    assert_eq!(
        the_error("[]").to_string(),
        "(feed): must be an object { … }, but is a list [ … ] (line 1, column 1)"
    );
    assert_eq!(
        the_error("\"feed\"").to_string(),
        "(feed): must be an object { … }, but is text (line 1, column 1)"
    );
}

// --- Versions, types, missing fields ---------------------------------------------------

#[test]
fn a_newer_format_version_is_named_as_such() {
    let p = the_error(&with("\"version\": 1", "\"version\": 2"));
    assert_eq!(
        p.to_string(),
        "version: this feed has format version 2; this Wegweiser reads version 1 (line 2, column 14)"
    );
    for (v, shown) in [("0", "0"), ("\"1\"", "\"1\""), ("1.0", "1.0")] {
        let p = the_error(&with("\"version\": 1", &format!("\"version\": {v}")));
        assert_eq!(p.path_string(), "version");
        assert_eq!(p.message, format!("must be the number 1, but is {shown}"));
    }
}

#[test]
fn wrong_types_say_what_was_expected_and_what_was_found() {
    let src = r#"{"version": 1, "publisher": [], "generated_at": 5, "fresh_for_minutes": "15", "groups": {}, "regions": "de", "incidents": 3, "maintenance": true}"#;
    assert_eq!(
        shown(src),
        vec![
            "publisher: must be an object { … }, but is a list [ … ] (line 1, column 29)",
            "generated_at: must be a time in quotes, but is a number (line 1, column 49)",
            "fresh_for_minutes: must be a whole number of minutes from 1 to 10080 (one week), but is \"15\" (line 1, column 73)",
            "groups: must be a list [ … ], but is an object { … } (line 1, column 89)",
            "regions: must be a list [ … ], but is text (line 1, column 104)",
            "incidents: must be a list [ … ], but is a number (line 1, column 123)",
            "maintenance: must be a list [ … ], but is true/false (line 1, column 141)",
        ]
    );
    // Deeper down, the same words.
    let p = the_error(&with("\"title\": \"Wartung\"", "\"title\": 5"));
    assert_eq!(
        p.to_string(),
        "maintenance[0].title: must be text, or texts per language like {\"de\": \"…\", \"en\": \"…\"}, but is a number (line 62, column 16)"
    );
    let p = the_error(&with("\"nationwide\": true", "\"nationwide\": \"ja\""));
    assert_eq!(p.path_string(), "regions[0].nationwide");
    assert_eq!(p.message, "must be true or false, but is text");
    let p = the_error(&with(
        "\"name\": \"KV Beispiel\"",
        "\"name\": \"KV Beispiel\", \"example\": 1",
    ));
    assert_eq!(p.path_string(), "publisher.example");
    assert_eq!(p.message, "must be true or false, but is a number");
    let p = the_error(&with("\"regions\": [\"de\"]", "\"regions\": \"de\""));
    assert_eq!(p.path_string(), "incidents[0].regions");
    assert_eq!(p.message, "must be a list [ … ], but is text");
    let p = the_error(&with("\"id\": \"wartung\"", "\"id\": 7"));
    assert_eq!(p.path_string(), "maintenance[0].id");
    assert_eq!(p.message, "must be text in quotes, but is a number");
}

#[test]
fn missing_required_fields_point_at_the_object_that_lacks_them() {
    let at_root = "(line 1, column 1)";
    assert_eq!(
        shown("{}"),
        [
            "version",
            "publisher",
            "generated_at",
            "fresh_for_minutes",
            "groups",
            "regions"
        ]
        .map(|f| format!("{f}: is missing {at_root}"))
    );

    // An incident with nothing but an id: each missing field is named, at the `{`.
    let bare = with_in(
        BASE,
        "\"incidents\": [\n    {\n      \"id\": \"ti-ausfall\",",
        "\"incidents\": [\n    { \"id\": \"nur-id\" },\n    {\n      \"id\": \"ti-ausfall\",",
    );
    let (line, column) = pos_of(&bare, "{ \"id\": \"nur-id\" }");
    assert_eq!((line, column), (27, 5));
    assert_eq!(
        shown(&bare),
        [
            "services",
            "regions",
            "start",
            "title",
            "not_working",
            "what_to_do",
            "impact"
        ]
        .map(|f| format!("incidents[0].{f}: is missing (line 27, column 5)"))
    );

    // `null` counts as missing.
    let p = the_error(&with(
        "\"impact\": \"outage\",\n      \"start\": \"2021-11-22T08:45",
        "\"impact\": null,\n      \"start\": \"2021-11-22T08:45",
    ));
    assert_eq!(
        p.to_string(),
        "incidents[0].impact: is missing (line 31, column 17)"
    );

    // An empty text is as good as a missing one.
    let p = the_error(&with("\"title\": \"Wartung\"", "\"title\": \"  \""));
    assert_eq!(
        p.to_string(),
        "maintenance[0].title: is empty (line 62, column 16)"
    );

    // A maintenance window needs an end.
    let p = the_error(&with("\"end\": \"2021-11-27T07:00:00+01:00\",\n", ""));
    assert_eq!(p.path_string(), "maintenance[0].end");
    assert_eq!(p.message, "is missing");
}

#[test]
fn lists_that_must_not_be_empty() {
    let src = with(
        "\"regions\": [\n    { \"id\": \"de\", \"name\": \"Deutschland\", \"nationwide\": true },\n    { \"id\": \"berlin\", \"name\": \"Berlin\" }\n  ]",
        "\"regions\": []",
    );
    let problems = parse(&src).problems;
    assert_eq!(
        problems[0].to_string(),
        "regions: is empty; list at least one region, e.g. {\"id\": \"de\", \"name\": \"Deutschland\", \"nationwide\": true} (line 22, column 14)"
    );
    // Every notice that names a region now names an unknown one.
    assert_eq!(
        problems.iter().map(Problem::path_string).collect::<Vec<_>>(),
        vec![
            "regions",
            "incidents[0].regions[0]",
            "incidents[1].regions[0]",
            "maintenance[0].regions[0]"
        ]
    );
    assert_eq!(problems[1].message, "\"de\" is not a region defined in this feed");

    let src = with(
        "\"services\": [{ \"id\": \"termin-absagen\", \"name\": \"Termin online absagen\" }]",
        "\"services\": []",
    );
    let problems = parse(&src).problems;
    assert_eq!(
        problems[0].to_string(),
        "groups[1].services: is empty; list at least one service (line 19, column 19)"
    );
    assert_eq!(problems.len(), 3, "{problems:#?}");

    let src = with_in(
        r#"{"version": 1, "publisher": {"name": "x", "contact": {"url": "https://example.org"}, "accessibility_contact": {"url": "https://example.org"}}, "generated_at": "2021-11-22T10:30:00+01:00", "fresh_for_minutes": 15, "groups": X, "regions": [{"id": "de", "name": "Deutschland"}]}"#,
        "X",
        "[]",
    );
    assert_eq!(
        shown(&src),
        vec!["groups: is empty; list at least one group of services (line 1, column 224)"]
    );
}

// --- Times -----------------------------------------------------------------------------

#[test]
fn a_time_without_offset_asks_for_one() {
    let start = "\"2021-11-22T09:12:00+01:00\"";
    let (line, column) = pos_of(BASE, start);
    assert_eq!((line, column), (43, 16));
    for local in ["2021-11-22T09:12:00", "2021-11-22T09:12"] {
        let p = the_error(&with(start, &format!("\"{local}\"")));
        assert_eq!(
            p.to_string(),
            format!(
                "incidents[1].start: \"{local}\" has no UTC offset; add one, e.g. \"+01:00\" in winter or \"+02:00\" in summer for German time (line 43, column 16)"
            )
        );
    }
    let p = the_error(&with(start, "\"22.11.2021 9:12\""));
    assert_eq!(
        p.to_string(),
        "incidents[1].start: \"22.11.2021 9:12\" is not a time like \"2021-11-22T09:12:00+01:00\" (line 43, column 16)"
    );
    // UTC ("Z") and other offsets are fine.
    assert!(parse(&with(start, "\"2021-11-22T08:12:00Z\""))
        .problems
        .is_empty());
}

#[test]
fn an_end_before_its_start_is_refused_for_incidents_and_maintenance() {
    let p = the_error(&with(
        "\"start\": \"2021-11-22T08:45:00+01:00\",",
        "\"start\": \"2021-11-22T08:45:00+01:00\",\n      \"end\": \"2021-11-22T08:00:00+01:00\",",
    ));
    assert_eq!(
        p.to_string(),
        "incidents[0].end: 2021-11-22T08:00:00+01:00 is not after the start 2021-11-22T08:45:00+01:00; the end must come after the start (line 33, column 14)"
    );

    // Equal is not after either; the message compares the instants as written.
    let p = the_error(&with(
        "\"end\": \"2021-11-27T07:00:00+01:00\"",
        "\"end\": \"2021-11-27T04:00:00Z\"",
    ));
    assert_eq!(
        p.to_string(),
        "maintenance[0].end: 2021-11-27T04:00:00+00:00 is not after the start 2021-11-27T05:00:00+01:00; the end must come after the start (line 61, column 14)"
    );
}

// --- References and ids ----------------------------------------------------------------

#[test]
fn an_incident_naming_an_unknown_service_or_region_is_refused() {
    let src = with(
        "\"services\": [\"termin-absagen\"],\n      \"regions\": [\"berlin\"],\n      \"impact\"",
        "\"services\": [\"termin-absagen\", \"termin-buchen\"],\n      \"regions\": [\"bayern\"],\n      \"impact\"",
    );
    let problems = parse(&src).problems;
    assert_eq!(
        problems.iter().map(Problem::to_string).collect::<Vec<_>>(),
        vec![
            "incidents[1].services[1]: \"termin-buchen\" is not a service defined in this feed (line 40, column 38)",
            "incidents[1].regions[0]: \"bayern\" is not a region defined in this feed (line 41, column 19)",
        ]
    );
    assert_eq!(problems[0].position, Some(pos_of(&src, "\"termin-buchen\"")));
    assert_eq!(problems[1].position, Some(pos_of(&src, "\"bayern\"")));

    let p = the_error(&with(
        "\"services\": [\"erezept-einloesen\"],\n      \"regions\"",
        "\"services\": [],\n      \"regions\"",
    ));
    assert_eq!(
        p.to_string(),
        "incidents[0].services: names no service; list at least one (line 29, column 19)"
    );
    let p = the_error(&with("\"regions\": [\"de\"]", "\"regions\": [\"DE\"]"));
    assert_eq!(
        p.to_string(),
        "incidents[0].regions[0]: \"DE\" is not a usable id: use 1 to 64 small letters, digits, \"-\" or \"_\", e.g. \"erezept-einloesen\" (line 30, column 19)"
    );
}

#[test]
fn duplicate_ids_name_where_the_id_was_first_used() {
    // Service ids are unique across all groups. (The notices that named the renamed
    // service now name one that no longer exists.)
    let src = with(
        "{ \"id\": \"termin-absagen\", \"name\": \"Termin online absagen\" }",
        "{ \"id\": \"erezept-einloesen\", \"name\": \"Termin online absagen\" }",
    );
    let problems = parse(&src).problems;
    assert_eq!(
        problems[0].to_string(),
        "groups[1].services[0].id: \"erezept-einloesen\" is used twice; ids must be unique (first used at groups[0].services[0].id) (line 19, column 28)"
    );
    assert_eq!(
        problems.iter().map(Problem::path_string).collect::<Vec<_>>(),
        vec![
            "groups[1].services[0].id",
            "incidents[1].services[0]",
            "maintenance[0].services[0]"
        ]
    );

    let p = the_error(&with("\"id\": \"termine\"", "\"id\": \"apotheke\""));
    assert_eq!(
        p.to_string(),
        "groups[1].id: \"apotheke\" is used twice; ids must be unique (first used at groups[0].id) (line 17, column 13)"
    );

    let p = the_error(&with(
        "{ \"id\": \"berlin\", \"name\": \"Berlin\" }",
        "{ \"id\": \"berlin\", \"name\": \"Berlin\" },\n    { \"id\": \"berlin\", \"name\": \"Berlin (Stadt)\" }",
    ));
    assert_eq!(
        p.to_string(),
        "regions[2].id: \"berlin\" is used twice; ids must be unique (first used at regions[1].id) (line 25, column 13)"
    );

    // Incidents and maintenance windows share one set of ids.
    let p = the_error(&with("\"id\": \"wartung\"", "\"id\": \"ti-ausfall\""));
    assert_eq!(
        p.to_string(),
        "maintenance[0].id: \"ti-ausfall\" is used twice; ids must be unique (first used at incidents[0].id) (line 57, column 13)"
    );
    let p = the_error(&with("\"id\": \"absagen-berlin\"", "\"id\": \"ti-ausfall\""));
    assert_eq!(
        p.to_string(),
        "incidents[1].id: \"ti-ausfall\" is used twice; ids must be unique (first used at incidents[0].id) (line 39, column 13)"
    );

    let p = the_error(&with("\"id\": \"absagen-berlin\"", "\"id\": \"Absagen Berlin\""));
    assert_eq!(
        p.message,
        "\"Absagen Berlin\" is not a usable id: use 1 to 64 small letters, digits, \"-\" or \"_\", e.g. \"erezept-einloesen\""
    );
}

// --- Fallbacks, phones, links, e-mail --------------------------------------------------

#[test]
fn a_bad_phone_number_is_named_with_its_path_and_position() {
    let p = the_error(&with("\"030 90 28 22 00\"", "\"0800 abc\""));
    assert_eq!(p.path_string(), "incidents[1].fallbacks[0].phone");
    assert_eq!(p.message, "\"0800 abc\" is not a phone number");
    assert_eq!(p.position, Some((48, 62)));
    assert_eq!(
        p.to_string(),
        "incidents[1].fallbacks[0].phone: \"0800 abc\" is not a phone number (line 48, column 62)"
    );
    for bad in ["12", "javascript:alert(1)", "1234567890123456", "+"] {
        let p = the_error(&with("\"030 90 28 22 00\"", &format!("\"{bad}\"")));
        assert_eq!(p.message, format!("\"{bad}\" is not a phone number"));
    }
    let p = the_error(&with(
        "\"url\": \"https://example.org/\"",
        "\"phone\": \"030 abc\"",
    ));
    assert_eq!(
        p.to_string(),
        "publisher.contact.phone: \"030 abc\" is not a phone number (line 5, column 59)"
    );
}

#[test]
fn a_phone_fallback_needs_its_number_and_its_hours() {
    let p = the_error(&with(", \"hours\": \"Mo–Fr\"", ""));
    assert_eq!(
        p.to_string(),
        "incidents[1].fallbacks[0].hours: is missing; say when the number can be reached, e.g. \"Mo–Fr 8–18 Uhr\" or \"rund um die Uhr\" (line 48, column 9)"
    );
    let p = the_error(&with(", \"phone\": \"030 90 28 22 00\"", ""));
    assert_eq!(
        p.to_string(),
        "incidents[1].fallbacks[0].phone: is missing; a fallback of kind \"phone\" needs the number (line 48, column 9)"
    );
    // `null` is missing too: a phone fallback never reaches the page without a number.
    assert_eq!(
        paths(&with(
            "\"phone\": \"030 90 28 22 00\", \"hours\": \"Mo–Fr\"",
            "\"phone\": null, \"hours\": null"
        )),
        vec![
            "incidents[1].fallbacks[0].phone",
            "incidents[1].fallbacks[0].hours"
        ]
    );
    // A website fallback needs its address.
    let p = the_error(&with(
        "{ \"kind\": \"paper\", \"label\": \"Papierrezept (Muster 16)\" }",
        "{ \"kind\": \"website\", \"label\": \"Infos\" }",
    ));
    assert_eq!(
        p.to_string(),
        "incidents[0].fallbacks[0].url: is missing; a fallback of kind \"website\" needs its https:// address (line 36, column 21)"
    );
}

#[test]
fn only_https_links_are_accepted() {
    for bad in [
        "javascript:alert(1)",
        "http://example.org/",
        "data:text/html,<script>alert(1)</script>",
        "https://",
        "https://example.org/a b",
        "//example.org/",
    ] {
        let p = the_error(&with(
            ", \"hours\": \"Mo–Fr\"",
            &format!(", \"hours\": \"Mo–Fr\", \"url\": \"{bad}\""),
        ));
        assert_eq!(p.path_string(), "incidents[1].fallbacks[0].url");
        assert_eq!(
            p.message,
            format!("{bad:?} is not a web address starting with https://")
        );
        assert_eq!(p.position, Some((48, 106)));
    }
    let p = the_error(&with("\"https://example.org/\"", "\"javascript:alert(1)\""));
    assert_eq!(
        p.to_string(),
        "publisher.contact.url: \"javascript:alert(1)\" is not a web address starting with https:// (line 5, column 57)"
    );
}

#[test]
fn a_bad_email_address_and_a_contact_without_any_way_to_reach() {
    for bad in [
        "kontakt(at)example.org",
        "kontakt@example",
        "a b@example.org",
        "x@example.org?subject=hi",
    ] {
        let p = the_error(&with("\"kontakt@example.org\"", &format!("{bad:?}")));
        assert_eq!(p.path_string(), "publisher.contact.email");
        assert_eq!(p.message, format!("{bad:?} is not an e-mail address"));
        assert_eq!(p.position, Some((5, 27)));
    }
    let p = the_error(&with("{ \"email\": \"barrierefreiheit@example.org\" }", "{}"));
    assert_eq!(
        p.to_string(),
        "publisher.accessibility_contact: has no way to reach anyone; give an \"email\", a \"phone\" or a \"url\" (line 6, column 30)"
    );
}

// --- Fixed words -----------------------------------------------------------------------

#[test]
fn an_unknown_word_lists_the_allowed_ones() {
    let p = the_error(&with(
        "\"impact\": \"outage\",\n      \"start\": \"2021-11-22T09:12",
        "\"impact\": \"down\",\n      \"start\": \"2021-11-22T09:12",
    ));
    assert_eq!(
        p.to_string(),
        "incidents[1].impact: \"down\" is not one of \"disrupted\", \"outage\" (line 42, column 17)"
    );
    let p = the_error(&with("\"kind\": \"paper\"", "\"kind\": \"fax\""));
    assert_eq!(
        p.to_string(),
        "incidents[0].fallbacks[0].kind: \"fax\" is not one of \"phone\", \"paper\", \"in_person\", \"app\", \"website\", \"other\" (line 36, column 31)"
    );
    let p = the_error(&with("\"kind\": \"investigating\"", "\"kind\": \"fixed\""));
    assert_eq!(
        p.to_string(),
        "incidents[1].updates[0].kind: \"fixed\" is not one of \"investigating\", \"identified\", \"monitoring\", \"resolved\", \"follow_up\", \"correction\" (line 51, column 54)"
    );
    let p = the_error(&with(
        "\"text\": \"Wir prüfen.\"",
        "\"text\": \"Wir prüfen.\", \"impact\": \"Outage\"",
    ));
    assert_eq!(p.path_string(), "incidents[1].updates[0].impact");
    assert_eq!(p.message, "\"Outage\" is not one of \"disrupted\", \"outage\"");
}

#[test]
fn texts_need_language_codes_and_words() {
    let src = with(
        "\"title\": \"Wartung\"",
        "\"title\": { \"Deutsch\": \"Wartung\", \"en\": \"\" }",
    );
    assert_eq!(
        shown(&src),
        vec![
            "maintenance[0].title.Deutsch: \"Deutsch\" is not a language code like \"de\", \"en\" or \"tr\" (line 62, column 29)",
            "maintenance[0].title.en: is empty (line 62, column 46)",
        ]
    );
    let p = the_error(&with("\"title\": \"Wartung\"", "\"title\": {}"));
    assert_eq!(
        p.to_string(),
        "maintenance[0].title: has no text in any language (line 62, column 16)"
    );
}

#[test]
fn freshness_must_be_between_one_minute_and_one_week() {
    for bad in ["0", "-5", "10081", "1.5"] {
        let p = the_error(&with(
            "\"fresh_for_minutes\": 15",
            &format!("\"fresh_for_minutes\": {bad}"),
        ));
        assert_eq!(
            p.to_string(),
            format!("fresh_for_minutes: must be a whole number of minutes from 1 to 10080 (one week), but is {bad} (line 9, column 24)")
        );
    }
    assert!(
        parse(&with("\"fresh_for_minutes\": 15", "\"fresh_for_minutes\": 10080"))
            .problems
            .is_empty()
    );
}

// --- Warnings --------------------------------------------------------------------------

#[test]
fn warnings_do_not_stop_the_feed() {
    let src = with(
        "\"impact\": \"outage\",\n      \"start\": \"2021-11-22T09:12",
        "\"impact\": \"outage\", \"severity\": 3,\n      \"start\": \"2021-11-22T09:12",
    );
    let src = with_in(
        &src,
        "\"at\": \"2021-11-22T09:30:00+01:00\"",
        "\"at\": \"2021-11-22T09:00:00+01:00\"",
    );
    let parsed = parse(&src);
    assert!(parsed.feed.is_some(), "warnings alone must not refuse the feed");
    assert_eq!(parsed.errors().count(), 0);
    assert_eq!(
        parsed.warnings().map(Problem::to_string).collect::<Vec<_>>(),
        vec![
            "incidents[1].severity: unknown field \"severity\" is ignored (known fields: id, services, regions, impact, start, end, next_update, title, not_working, still_working, what_to_do, fallbacks, updates) (line 42, column 39)",
            "incidents[1].updates[0].at: 2021-11-22T09:00:00+01:00 is before the incident's start 2021-11-22T09:12:00+01:00 (line 51, column 17)",
        ]
    );
    // "$schema" is a known field of the root.
    let src = with(
        "{\n  \"version\": 1,",
        "{\n  \"$schema\": \"./feed.schema.json\",\n  \"version\": 1,",
    );
    assert!(parse(&src).problems.is_empty());
}

// --- Everything at once ----------------------------------------------------------------

#[test]
fn a_feed_with_many_mistakes_reports_every_one() {
    let src = r#"{
  "version": 2,
  "publisher": {
    "name": "KV Beispiel",
    "contact": { "email": "kontakt(at)example.org" },
    "accessibility_contact": {},
    "example": "ja"
  },
  "generated_at": "2021-11-22T10:30",
  "fresh_for_minutes": 0,
  "groups": [
    { "id": "termine", "name": "Termine", "services": [
      { "id": "termin-absagen", "name": "Termin online absagen" },
      { "id": "termin-absagen", "name": "" }
    ] }
  ],
  "regions": [
    { "id": "Berlin", "name": "Berlin" }
  ],
  "incidents": [
    {
      "id": "absagen-berlin",
      "services": ["termin-absagen", "termin-buchen"],
      "regions": ["berlin"],
      "impact": "down",
      "start": "2021-11-22T09:12:00+01:00",
      "end": "2021-11-22T08:00:00+01:00",
      "title": "Online absagen geht nicht",
      "not_working": "Sie können Ihren Impftermin nicht online absagen.",
      "what_to_do": "Sagen Sie per Telefon ab.",
      "colour": "red",
      "fallbacks": [
        { "kind": "phone", "label": "Impf-Hotline", "phone": "0800 abc" },
        { "kind": "website", "label": "Infos", "url": "http://example.org/" }
      ],
      "updates": [
        { "at": "2021-11-22T09:30:00+01:00", "kind": "fixed", "text": "Wir prüfen." }
      ]
    }
  ],
  "maintenance": [
    {
      "id": "absagen-berlin",
      "services": ["termin-absagen"],
      "regions": ["de"],
      "start": "2021-11-27T05:00:00+01:00",
      "end": "2021-11-27T05:00:00+01:00",
      "title": "Wartung",
      "not_working": "Absagen geht nicht.",
      "what_to_do": "Versuchen Sie es später."
    }
  ]
}"#;
    let parsed = parse(src);
    assert!(parsed.feed.is_none());
    assert_eq!(
        parsed
            .problems
            .iter()
            .map(Problem::path_string)
            .collect::<Vec<_>>(),
        vec![
            "version",
            "publisher.contact.email",
            "publisher.accessibility_contact",
            "publisher.example",
            "generated_at",
            "fresh_for_minutes",
            "groups[0].services[1].id",
            "groups[0].services[1].name",
            "regions[0].id",
            "incidents[0].services[1]",
            "incidents[0].regions[0]",
            "incidents[0].impact",
            "incidents[0].end",
            "incidents[0].colour",
            // A missing field is placed at its object's opening brace.
            "incidents[0].fallbacks[0].hours",
            "incidents[0].fallbacks[0].phone",
            "incidents[0].fallbacks[1].url",
            "incidents[0].updates[0].kind",
            "maintenance[0].id",
            "maintenance[0].regions[0]",
            "maintenance[0].end",
        ]
    );
    assert_eq!(parsed.problems.len(), 21);
    assert_eq!(parsed.errors().count(), 20);
    assert_eq!(parsed.warnings().count(), 1);
    // Every problem carries a position, and each points at its own place.
    assert!(parsed.problems.iter().all(|p| p.position.is_some()));
    let at = |path: &str| {
        parsed
            .problems
            .iter()
            .find(|p| p.path_string() == path)
            .and_then(|p| p.position)
    };
    assert_eq!(
        at("incidents[0].fallbacks[0].phone"),
        Some(pos_of(src, "\"0800 abc\""))
    );
    assert_eq!(
        at("incidents[0].fallbacks[1].url"),
        Some(pos_of(src, "\"http://"))
    );
    assert_eq!(at("groups[0].services[1].name"), Some(pos_of(src, "\"\" }")));
    assert_eq!(at("maintenance[0].id"), Some((43, 13)));
}
