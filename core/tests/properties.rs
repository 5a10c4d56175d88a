//! Property tests: the rules in `invariants/mod.rs` (no panic, deterministic, every
//! problem with a path and a line:column inside the text, a feed exactly when there is
//! no error, status and page computable for every accepted feed) hold for
//! - arbitrary JSON documents built from the feed's own field names and words,
//! - arbitrary text (any characters, brackets and quotes),
//! - the sample feed (`feed/feed.json`) with fields deleted, values replaced by other
//!   types, random Unicode inserted into texts, list items duplicated, and then the
//!   text cut at a random byte or random characters inserted anywhere.
//!
//! Bounded to a few seconds in `make test`: 256 cases per property by default; set
//! `PROPTEST_CASES=10000` for a longer run. A failure is shrunk to a small example and
//! saved under `core/tests/proptest-regressions/` (commit it: it is then tried first).

mod invariants;

use proptest::prelude::*;
use proptest::sample::{select, Index};
use serde_json::{Map, Value};

const SAMPLE: &str = include_str!("../../feed/feed.json");

/// Field names and fixed words of the format, so generated documents reach the checks
/// behind the first `is missing`.
const WORDS: &[&str] = &[
    "$schema",
    "version",
    "publisher",
    "generated_at",
    "fresh_for_minutes",
    "groups",
    "regions",
    "incidents",
    "maintenance",
    "name",
    "contact",
    "accessibility_contact",
    "example",
    "note",
    "email",
    "phone",
    "url",
    "id",
    "services",
    "description",
    "nationwide",
    "impact",
    "start",
    "end",
    "next_update",
    "title",
    "not_working",
    "still_working",
    "what_to_do",
    "fallbacks",
    "updates",
    "kind",
    "label",
    "hours",
    "for_whom",
    "details",
    "at",
    "text",
    "disrupted",
    "outage",
    "phone",
    "paper",
    "in_person",
    "app",
    "website",
    "other",
    "investigating",
    "identified",
    "monitoring",
    "resolved",
    "follow_up",
    "correction",
    "de",
    "en",
    "ar",
    "de-x-ls",
    "erezept-einloesen",
    "berlin",
    "https://example.org/",
    "kontakt@example.org",
    "030 90 28 22 00",
    "116117",
];

/// Small texts with a history of breaking parsers.
const NASTY: &[&str] = &[
    "\u{202e}",
    "\u{2067}",
    "\u{200b}",
    "\u{feff}",
    "\u{0}",
    "\n",
    "\"",
    "\\",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\\ud800",
    "\\u0000",
    "1e400",
    "-0",
    "NaN",
    "ä",
    "🚑",
    "\u{10ffff}",
    "<script>",
    "javascript:",
];

fn config() -> ProptestConfig {
    // PROPTEST_CASES, when set, wins (ProptestConfig::default reads it).
    let from_env = std::env::var("PROPTEST_CASES").is_ok();
    let base = ProptestConfig::default();
    ProptestConfig {
        cases: if from_env { base.cases } else { 256 },
        max_shrink_iters: 4096,
        ..base
    }
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(WORDS).prop_map(str::to_string),
        2 => prop::collection::vec(any::<char>(), 0..12).prop_map(|c| c.into_iter().collect()),
        1 => time(),
    ]
}

/// RFC 3339-like times with every part sometimes out of range.
fn time() -> impl Strategy<Value = String> {
    (
        (0u32..10_000, 0u32..14, 0u32..33),
        (0u32..25, 0u32..61, 0u32..62),
        select(
            &[
                "Z",
                "+01:00",
                "+02:00",
                "-23:59",
                "+24:00",
                "",
                "+0100",
                ".5Z",
                ".123456789+01:00",
            ][..],
        ),
    )
        .prop_map(|((y, mo, d), (h, mi, s), off)| format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{off}"))
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (0u64..20).prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        text().prop_map(Value::String),
    ]
}

fn json() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((text(), inner), 0..6)
                .prop_map(|fields| Value::Object(fields.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A step of a path into a `serde_json::Value`.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn paths(v: &Value, here: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(here.clone());
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                here.push(Step::Key(k.clone()));
                paths(child, here, out);
                here.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                here.push(Step::Index(i));
                paths(child, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

fn get_mut<'v>(v: &'v mut Value, path: &[Step]) -> Option<&'v mut Value> {
    path.iter().try_fold(v, |v, step| match (v, step) {
        (Value::Object(map), Step::Key(k)) => map.get_mut(k),
        (Value::Array(items), Step::Index(i)) => items.get_mut(*i),
        _ => None,
    })
}

/// One change to the sample's JSON tree.
#[derive(Debug, Clone)]
enum Edit {
    /// Removes a field or list item.
    Delete(Index),
    /// Puts another value (usually of another type) in place of one.
    Replace(Index, Value),
    /// Inserts text into a string value, at a character position.
    Insert(Index, Index, String),
    /// Repeats a list item right after itself (duplicate ids, for instance).
    Duplicate(Index),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        any::<Index>().prop_map(Edit::Delete),
        (any::<Index>(), json()).prop_map(|(i, v)| Edit::Replace(i, v)),
        (
            any::<Index>(),
            any::<Index>(),
            prop_oneof![text(), select(NASTY).prop_map(str::to_string)]
        )
            .prop_map(|(i, at, s)| Edit::Insert(i, at, s)),
        any::<Index>().prop_map(Edit::Duplicate),
    ]
}

fn apply(doc: &mut Value, edit: &Edit) {
    let mut all = Vec::new();
    paths(doc, &mut Vec::new(), &mut all);
    let pick = |idx: &Index, keep: &dyn Fn(&Value) -> bool, doc: &Value| -> Option<Vec<Step>> {
        let mut doc_copy = doc.clone();
        let fitting: Vec<&Vec<Step>> = all
            .iter()
            .filter(|p| get_mut(&mut doc_copy, p).is_some_and(|v| keep(v)))
            .collect();
        (!fitting.is_empty()).then(|| fitting[idx.index(fitting.len())].clone())
    };
    match edit {
        Edit::Delete(i) => {
            let Some(path) = pick(i, &|_| true, doc) else {
                return;
            };
            let Some((last, parent)) = path.split_last() else {
                return;
            };
            match (get_mut(doc, parent), last) {
                (Some(Value::Object(map)), Step::Key(k)) => {
                    map.remove(k);
                }
                (Some(Value::Array(items)), Step::Index(i)) => {
                    items.remove(*i);
                }
                _ => {}
            }
        }
        Edit::Replace(i, value) => {
            if let Some(v) = pick(i, &|_| true, doc).and_then(|p| get_mut(doc, &p)) {
                *v = value.clone();
            }
        }
        Edit::Insert(i, at, s) => {
            if let Some(Value::String(t)) = pick(i, &Value::is_string, doc).and_then(|p| get_mut(doc, &p)) {
                let chars: Vec<char> = t.chars().collect();
                let n = at.index(chars.len() + 1);
                *t = chars[..n]
                    .iter()
                    .chain(s.chars().collect::<Vec<_>>().iter())
                    .chain(chars[n..].iter())
                    .collect();
            }
        }
        Edit::Duplicate(i) => {
            let non_empty = |v: &Value| v.as_array().is_some_and(|a| !a.is_empty());
            if let Some(Value::Array(items)) = pick(i, &non_empty, doc).and_then(|p| get_mut(doc, &p)) {
                let at = i.index(items.len());
                let copy = items[at].clone();
                items.insert(at + 1, copy);
            }
        }
    }
}

/// A change to the text after the tree was written out.
#[derive(Debug, Clone)]
enum TextEdit {
    Keep,
    /// Cuts the text at a byte (moved back to the start of its character).
    Truncate(Index),
    /// Inserts characters at a byte (moved back to the start of its character).
    Insert(Index, String),
}

fn text_edit() -> impl Strategy<Value = TextEdit> {
    prop_oneof![
        2 => Just(TextEdit::Keep),
        1 => any::<Index>().prop_map(TextEdit::Truncate),
        1 => (any::<Index>(), prop_oneof![text(), select(NASTY).prop_map(str::to_string)])
            .prop_map(|(i, s)| TextEdit::Insert(i, s)),
    ]
}

fn char_start(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply_text(mut s: String, edit: &TextEdit) -> String {
    match edit {
        TextEdit::Keep => {}
        TextEdit::Truncate(i) => {
            let at = char_start(&s, i.index(s.len() + 1));
            s.truncate(at);
        }
        TextEdit::Insert(i, t) => {
            let at = char_start(&s, i.index(s.len() + 1));
            s.insert_str(at, t);
        }
    }
    s
}

fn write(doc: &Value, pretty: bool) -> String {
    if pretty {
        serde_json::to_string_pretty(doc)
    } else {
        serde_json::to_string(doc)
    }
    .unwrap_or_default()
}

#[test]
fn the_sample_keeps_the_rules() {
    let parsed = invariants::check(SAMPLE);
    assert!(parsed.feed.is_some());
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_json_keeps_the_rules(doc in json(), pretty in any::<bool>()) {
        invariants::check(&write(&doc, pretty));
    }

    #[test]
    fn arbitrary_text_keeps_the_rules(
        parts in prop::collection::vec(prop_oneof![select(NASTY).prop_map(str::to_string), text()], 0..24)
    ) {
        invariants::check(&parts.concat());
    }

    #[test]
    fn a_mutated_sample_keeps_the_rules(
        edits in prop::collection::vec(edit(), 1..4),
        pretty in any::<bool>(),
        then in text_edit(),
    ) {
        let mut doc: Value = serde_json::from_str(SAMPLE).expect("the sample is JSON");
        for e in &edits {
            apply(&mut doc, e);
        }
        let src = apply_text(write(&doc, pretty), &then);
        invariants::check(&src);
    }

    /// Cutting the sample anywhere never yields a feed (the last `}` is needed), and
    /// the problem says where the text ends.
    #[test]
    fn a_truncated_sample_is_refused_where_it_ends(cut in any::<Index>()) {
        let at = char_start(SAMPLE.trim_end(), cut.index(SAMPLE.trim_end().len()));
        let src = &SAMPLE[..at];
        let parsed = invariants::check(src);
        prop_assert!(parsed.feed.is_none());
        let first = &parsed.problems[0];
        prop_assert!(
            first.message.starts_with("the file ends too early") || first.message == "the feed is empty",
            "{}", first
        );
    }
}

/// Every input the fuzzer once crashed on (`fuzz/regressions/`) keeps the rules, in
/// `make test` too — not only when someone runs `make fuzz`.
#[test]
fn fuzz_regressions_keep_the_rules() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../fuzz/regressions");
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{dir}: {e}"));
    let mut seen = 0;
    for entry in entries.flatten() {
        let bytes = std::fs::read(entry.path()).unwrap_or_else(|e| panic!("{entry:?}: {e}"));
        invariants::check(&String::from_utf8_lossy(&bytes));
        seen += 1;
    }
    assert!(seen >= 2, "expected the saved regressions in {dir}, found {seen}");
}
