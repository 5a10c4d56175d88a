//! Reading a feed: JSON text in, a checked [`Feed`] and every [`Problem`] out.
//!
//! The parser does not stop at the first mistake: it walks the whole document,
//! reports each problem with its path, and builds a `Feed` only when no error is left.

use crate::json::{self, ErrorKind, Map, Value};
use crate::model::*;
use crate::problem::{At, Problem, Severity};
use crate::rfc3339::{self, TimeError};
use chrono::TimeDelta;
use std::collections::BTreeMap;

/// The format version this crate reads.
pub const FORMAT_VERSION: u64 = 1;

/// The longest freshness a feed may declare: one week.
pub const MAX_FRESH_FOR_MINUTES: u64 = 7 * 24 * 60;

/// The largest feed read: 16 MiB. A real feed has a few kilobytes; 10,000 past
/// incidents with texts in two languages take about 9 MB (and some 65 MB of a phone's
/// memory once read). Anything larger is refused at once, before it is read.
pub const MAX_FEED_BYTES: usize = 16 * 1024 * 1024;

/// The result of reading a feed.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The feed, present only when there are no errors (warnings allowed).
    pub feed: Option<Feed>,
    /// Every problem found, errors and warnings, in document order.
    pub problems: Vec<Problem>,
}

impl Parsed {
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.is_error())
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| !p.is_error())
    }
}

/// Reads and checks a feed.
pub fn parse(src: &str) -> Parsed {
    // Browsers drop a byte order mark when they decode the feed; so does the checker.
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    if src.len() > MAX_FEED_BYTES {
        return Parsed {
            feed: None,
            problems: vec![Problem {
                severity: Severity::Error,
                path: Vec::new(),
                message: format!(
                    "the feed is larger than {} MB ({} bytes); move old incidents and maintenance out of it",
                    MAX_FEED_BYTES >> 20,
                    src.len()
                ),
                position: Some((1, 1)),
            }],
        };
    }
    let mut problems = Vec::new();
    let feed = if src.trim().is_empty() {
        problems.push(Problem {
            severity: Severity::Error,
            path: Vec::new(),
            message: "the feed is empty".to_string(),
            position: Some((1, 1)),
        });
        None
    } else {
        match json::from_str(src) {
            Err(e) => {
                problems.push(syntax_problem(&e, src));
                None
            }
            Ok(value) => {
                let mut dec = Decoder::default();
                let feed = dec.feed(&value);
                problems = dec.problems;
                crate::locate::fill_positions(src, &mut problems);
                // In document order, as an operator reads the file top to bottom.
                crate::order::sort_by_rank(&mut problems, |p| {
                    p.position
                        .map_or([i64::MAX, 0], |(line, column)| [line as i64, column as i64])
                });
                feed
            }
        }
    };
    let feed = feed.filter(|_| !problems.iter().any(Problem::is_error));
    Parsed { feed, problems }
}

fn syntax_problem(e: &json::SyntaxError, src: &str) -> Problem {
    let message = match e.kind {
        ErrorKind::Eof => "the file ends too early: it is cut off or a bracket is not closed".to_string(),
        ErrorKind::TooDeep => format!(
            "the feed is nested too deeply (more than {} levels of brackets)",
            json::MAX_DEPTH
        ),
        ErrorKind::Invalid(what) => format!("this is not valid JSON: {what}"),
    };
    Problem {
        severity: Severity::Error,
        path: Vec::new(),
        message,
        position: Some(line_column(src, e.offset)),
    }
}

/// 1-based line and column (in characters, as editors count) of a byte offset.
pub(crate) fn line_column(src: &str, offset: usize) -> (usize, usize) {
    let before = src.get(..offset).unwrap_or(src);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// Describes a JSON value's type the way an operator would say it.
fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list [ … ]",
        Value::Object(_) => "an object { … }",
    }
}

/// A value as an operator would recognise it in their file: numbers and words as
/// written, texts quoted (shortened), lists and objects by their kind.
fn shown(v: &Value) -> String {
    match v {
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => shorten(n),
        Value::String(s) => quote(s),
        other => kind_of(other).to_string(),
    }
}

/// A value cut to 60 characters, with "…" if it was longer.
fn shorten(s: &str) -> String {
    const MAX: usize = 60;
    let mut out: String = s.chars().take(MAX).collect();
    if s.chars().count() > MAX {
        out.push('…');
    }
    out
}

/// Shortens a value for quoting in a message.
fn quote(s: &str) -> String {
    crate::problem::quoted(&shorten(s))
}

pub(crate) fn is_id(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        && s.len() <= 64
}

pub(crate) fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let primary_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_lowercase()));
    primary_ok && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Ids seen so far in one namespace, with where they were first seen.
#[derive(Default)]
struct IdSet {
    first_seen: BTreeMap<String, String>,
}

impl IdSet {
    fn contains(&self, id: &str) -> bool {
        self.first_seen.contains_key(id)
    }
}

#[derive(Default)]
struct Decoder {
    problems: Vec<Problem>,
    /// Reading a newer-format feed that allows version-1 readers: unknown words and ids
    /// are warnings, shown in general terms, instead of errors.
    newer_format: bool,
}

impl Decoder {
    fn report(&mut self, severity: Severity, at: &At<'_>, message: String) {
        self.problems.push(Problem {
            severity,
            path: at.to_path(),
            message,
            position: None,
        });
    }

    fn error(&mut self, at: &At<'_>, message: impl Into<String>) {
        self.report(Severity::Error, at, message.into());
    }

    fn warning(&mut self, at: &At<'_>, message: impl Into<String>) {
        self.report(Severity::Warning, at, message.into());
    }

    fn object<'v>(&mut self, v: &'v Value, at: &At<'_>, allowed: &[&str]) -> Option<&'v Map> {
        let Value::Object(map) = v else {
            self.error(at, format!("must be an object {{ … }}, but is {}", kind_of(v)));
            return None;
        };
        self.no_duplicate_keys(map, at);
        for key in map.keys() {
            if !allowed.contains(&key) {
                self.warning(
                    &at.key(key),
                    format!(
                        "unknown field {} is ignored (known fields: {})",
                        quote(key),
                        allowed.join(", ")
                    ),
                );
            }
        }
        Some(map)
    }

    /// A key given twice is an error: readers disagree on which one counts.
    fn no_duplicate_keys(&mut self, map: &Map, at: &At<'_>) {
        let mut seen = std::collections::BTreeSet::new();
        for key in map.keys() {
            if !seen.insert(key) {
                self.error(&at.key(key), "is given twice in the same object; keep only one");
            }
        }
    }

    /// A field that must be present (and not null).
    fn required<'v>(&mut self, map: &'v Map, at: &At<'_>, key: &str) -> Option<&'v Value> {
        match map.get(key) {
            None | Some(Value::Null) => {
                self.error(&at.key(key), "is missing");
                None
            }
            some => some,
        }
    }

    fn optional<'v>(map: &'v Map, key: &str) -> Option<&'v Value> {
        map.get(key).filter(|v| !v.is_null())
    }

    fn string(&mut self, v: &Value, at: &At<'_>) -> Option<String> {
        match v {
            Value::String(s) if s.trim().is_empty() => {
                self.error(at, "is empty");
                None
            }
            Value::String(s) => Some(s.clone()),
            other => {
                self.error(at, format!("must be text in quotes, but is {}", kind_of(other)));
                None
            }
        }
    }

    fn text(&mut self, v: &Value, at: &At<'_>) -> Option<Text> {
        match v {
            Value::String(_) => self.string(v, at).map(Text::de),
            Value::Object(map) => {
                let mut out = BTreeMap::new();
                let errors_before = self.problems.len();
                self.no_duplicate_keys(map, at);
                let mut ok = self.problems.len() == errors_before;
                for (lang, t) in map.iter() {
                    let here = at.key(lang);
                    if !is_language_tag(lang) {
                        self.error(
                            &here,
                            format!(
                                "{} is not a language code like \"de\", \"en\" or \"tr\"",
                                quote(lang)
                            ),
                        );
                        ok = false;
                    }
                    match self.string(t, &here) {
                        Some(s) => {
                            out.insert(lang.to_string(), s);
                        }
                        None => ok = false,
                    }
                }
                if map.is_empty() {
                    self.error(at, "has no text in any language");
                    ok = false;
                }
                ok.then_some(Text(out))
            }
            other => {
                self.error(
                    at,
                    format!(
                        "must be text, or texts per language like {{\"de\": \"…\", \"en\": \"…\"}}, but is {}",
                        kind_of(other)
                    ),
                );
                None
            }
        }
    }

    fn time(&mut self, v: &Value, at: &At<'_>) -> Option<Time> {
        let s = match v {
            Value::String(s) => s,
            other => {
                self.error(at, format!("must be a time in quotes, but is {}", kind_of(other)));
                return None;
            }
        };
        match rfc3339::parse(s) {
            Ok(t) => Some(t),
            Err(e) => {
                let hint = match e {
                    TimeError::NoOffset => {
                        "has no UTC offset; add one, e.g. \"+01:00\" in winter or \"+02:00\" in summer for German time"
                    }
                    TimeError::Invalid => "is not a time like \"2021-11-22T09:12:00+01:00\"",
                };
                self.error(at, format!("{} {hint}", quote(s)));
                None
            }
        }
    }

    fn id(&mut self, v: &Value, at: &At<'_>) -> Option<String> {
        let s = self.string(v, at)?;
        if is_id(&s) {
            Some(s)
        } else {
            self.error(
                at,
                format!(
                    "{} is not a usable id: use 1 to 64 small letters, digits, \"-\" or \"_\", e.g. \"erezept-einloesen\"",
                    quote(&s)
                ),
            );
            None
        }
    }

    /// Registers a new id, reporting a duplicate.
    fn unique_id(&mut self, v: &Value, at: &At<'_>, seen: &mut IdSet) -> Option<String> {
        let id = self.id(v, at)?;
        let here = crate::problem::path_to_string(&at.to_path());
        if let Some(first) = seen.first_seen.get(&id) {
            let first = first.clone();
            self.error(
                at,
                format!(
                    "{} is used twice; ids must be unique (first used at {first})",
                    quote(&id)
                ),
            );
            return None;
        }
        seen.first_seen.insert(id.clone(), here);
        Some(id)
    }

    fn list<'v>(&mut self, v: &'v Value, at: &At<'_>) -> Option<&'v Vec<Value>> {
        match v {
            Value::Array(items) => Some(items),
            other => {
                self.error(at, format!("must be a list [ … ], but is {}", kind_of(other)));
                None
            }
        }
    }

    /// Decodes each item; returns `None` if any item failed.
    fn each<T>(
        &mut self,
        v: &Value,
        at: &At<'_>,
        mut item: impl FnMut(&mut Self, &Value, &At<'_>) -> Option<T>,
    ) -> Option<Vec<T>> {
        let items = self.list(v, at)?;
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, v) in items.iter().enumerate() {
            match item(self, v, &at.index(i)) {
                Some(x) => out.push(x),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn choice<T: Copy>(
        &mut self,
        v: &Value,
        at: &At<'_>,
        all: &[T],
        word: fn(T) -> &'static str,
        generic: T,
    ) -> Option<T> {
        let s = match v {
            Value::String(s) => s,
            other => {
                self.error(at, format!("must be text in quotes, but is {}", kind_of(other)));
                return None;
            }
        };
        let found = all.iter().copied().find(|x| word(*x) == s);
        if found.is_none() && self.newer_format {
            self.warning(
                at,
                format!(
                    "{} is not known to this Wegweiser; it is shown as \"{}\"",
                    quote(s),
                    word(generic)
                ),
            );
            return Some(generic);
        }
        if found.is_none() {
            let words: Vec<String> = all.iter().map(|x| format!("\"{}\"", word(*x))).collect();
            self.error(at, format!("{} is not one of {}", quote(s), words.join(", ")));
        }
        found
    }

    /// The format version. A newer version is read only if the feed says a version-1
    /// reader may show it (`"min_reader_version": 1`); then unknown words and ids become
    /// warnings (see [`Decoder::newer_format`]).
    fn version(&mut self, map: &Map, v: &Value) -> Option<u32> {
        let here = At::ROOT.key("version");
        let min_reader = Self::optional(map, "min_reader_version");
        let n = match v.as_u64() {
            Some(n) if n >= FORMAT_VERSION => n,
            _ => {
                self.error(
                    &here,
                    format!("must be the number {FORMAT_VERSION}, but is {}", shown(v)),
                );
                return None;
            }
        };
        let needs = match min_reader.map(|m| (m, m.as_u64())) {
            None => n,
            Some((_, Some(m))) if (1..=n).contains(&m) => m,
            Some((m, _)) => {
                self.error(
                    &At::ROOT.key("min_reader_version"),
                    format!(
                        "must be a whole number from 1 to the feed's version {n}, but is {}",
                        shown(m)
                    ),
                );
                return None;
            }
        };
        if needs > FORMAT_VERSION {
            let needs = if needs == n {
                String::new()
            } else {
                format!(" and needs a reader of version {needs}")
            };
            self.error(
                &here,
                format!(
                    "this feed has format version {n}{needs}; this Wegweiser reads version {FORMAT_VERSION}"
                ),
            );
            return None;
        }
        if n > FORMAT_VERSION {
            self.newer_format = true;
            self.warning(
                &here,
                format!(
                    "this feed has format version {n}; it is read as version {FORMAT_VERSION}, as it allows, \
                     and what this Wegweiser does not know is shown in general terms"
                ),
            );
        }
        u32::try_from(n).ok()
    }

    /// A non-empty list of ids that must all exist in `known`.
    fn references(&mut self, v: &Value, at: &At<'_>, known: &IdSet, what: &str) -> Option<Vec<String>> {
        let ids = self.each(v, at, |d, v, at| {
            let id = d.id(v, at)?;
            if known.contains(&id) {
                Some(id)
            } else if d.newer_format {
                d.warning(
                    at,
                    format!(
                        "{} is not a {what} this Wegweiser can read; it is shown in general terms",
                        quote(&id)
                    ),
                );
                Some(id)
            } else {
                d.error(at, format!("{} is not a {what} defined in this feed", quote(&id)));
                None
            }
        })?;
        if ids.is_empty() {
            self.error(at, format!("names no {what}; list at least one"));
            return None;
        }
        Some(ids)
    }

    fn feed(&mut self, v: &Value) -> Option<Feed> {
        let at = At::ROOT;
        let map = self.object(
            v,
            &at,
            &[
                "$schema",
                "version",
                "min_reader_version",
                "publisher",
                "generated_at",
                "fresh_for_minutes",
                "groups",
                "regions",
                "incidents",
                "maintenance",
            ],
        )?;

        let version = self
            .required(map, &at, "version")
            .and_then(|v| self.version(map, v));
        let publisher = self
            .required(map, &at, "publisher")
            .and_then(|v| self.publisher(v, &at.key("publisher")));
        let generated_at = self
            .required(map, &at, "generated_at")
            .and_then(|v| self.time(v, &at.key("generated_at")));
        let fresh_for = self.required(map, &at, "fresh_for_minutes").and_then(|v| {
            match v.as_u64().filter(|m| (1..=MAX_FRESH_FOR_MINUTES).contains(m)) {
                Some(m) => Some(TimeDelta::minutes(m as i64)),
                None => {
                    self.error(
                        &at.key("fresh_for_minutes"),
                        format!("must be a whole number of minutes from 1 to {MAX_FRESH_FOR_MINUTES} (one week), but is {}", shown(v)),
                    );
                    None
                }
            }
        });

        let mut group_ids = IdSet::default();
        let mut service_ids = IdSet::default();
        let groups = self.required(map, &at, "groups").and_then(|v| {
            let here = at.key("groups");
            let groups = self.each(v, &here, |d, v, at| {
                d.group(v, at, &mut group_ids, &mut service_ids)
            })?;
            if groups.is_empty() {
                self.error(&here, "is empty; list at least one group of services");
                return None;
            }
            Some(groups)
        });

        let mut region_ids = IdSet::default();
        let regions = self.required(map, &at, "regions").and_then(|v| {
            let here = at.key("regions");
            let regions = self.each(v, &here, |d, v, at| d.region(v, at, &mut region_ids))?;
            if regions.is_empty() {
                self.error(&here, "is empty; list at least one region, e.g. {\"id\": \"de\", \"name\": \"Deutschland\", \"nationwide\": true}");
                return None;
            }
            Some(regions)
        });

        let refs = Refs {
            services: &service_ids,
            regions: &region_ids,
        };
        let mut notice_ids = IdSet::default();
        let incidents = match Self::optional(map, "incidents") {
            None => Some(Vec::new()),
            Some(v) => self.each(v, &at.key("incidents"), |d, v, at| {
                d.incident(v, at, &refs, &mut notice_ids)
            }),
        };
        let maintenance = match Self::optional(map, "maintenance") {
            None => Some(Vec::new()),
            Some(v) => self.each(v, &at.key("maintenance"), |d, v, at| {
                d.maintenance(v, at, &refs, &mut notice_ids)
            }),
        };

        Some(Feed {
            version: version?,
            newer_format: self.newer_format,
            publisher: publisher?,
            generated_at: generated_at?,
            fresh_for: fresh_for?,
            groups: groups?,
            regions: regions?,
            incidents: incidents?,
            maintenance: maintenance?,
        })
    }

    fn publisher(&mut self, v: &Value, at: &At<'_>) -> Option<Publisher> {
        let map = self.object(
            v,
            at,
            &["name", "contact", "accessibility_contact", "example", "note"],
        )?;
        let name = self.required_text(map, at, "name");
        let contact = self
            .required(map, at, "contact")
            .and_then(|v| self.contact(v, &at.key("contact")));
        let accessibility_contact = self
            .required(map, at, "accessibility_contact")
            .and_then(|v| self.contact(v, &at.key("accessibility_contact")));
        let example = self.optional_bool(map, at, "example");
        let note = self.optional_text(map, at, "note");
        Some(Publisher {
            name: name?,
            contact: contact?,
            accessibility_contact: accessibility_contact?,
            example: example?,
            note: note?,
        })
    }

    /// A required text field (plain string or texts per language).
    fn required_text(&mut self, map: &Map, at: &At<'_>, key: &str) -> Option<Text> {
        let v = self.required(map, at, key)?;
        self.text(v, &at.key(key))
    }

    /// A required time field (RFC 3339 with offset).
    fn required_time(&mut self, map: &Map, at: &At<'_>, key: &str) -> Option<Time> {
        let v = self.required(map, at, key)?;
        self.time(v, &at.key(key))
    }

    /// An optional true/false field, `false` when absent.
    fn optional_bool(&mut self, map: &Map, at: &At<'_>, key: &str) -> Option<bool> {
        match Self::optional(map, key) {
            None => Some(false),
            Some(Value::Bool(b)) => Some(*b),
            Some(other) => {
                self.error(
                    &at.key(key),
                    format!("must be true or false, but is {}", kind_of(other)),
                );
                None
            }
        }
    }

    /// An optional text field: `Some(None)` when absent, `None` when present but wrong.
    fn optional_text(&mut self, map: &Map, at: &At<'_>, key: &str) -> Option<Option<Text>> {
        match Self::optional(map, key) {
            None => Some(None),
            Some(v) => self.text(v, &at.key(key)).map(Some),
        }
    }

    fn optional_time(&mut self, map: &Map, at: &At<'_>, key: &str) -> Option<Option<Time>> {
        match Self::optional(map, key) {
            None => Some(None),
            Some(v) => self.time(v, &at.key(key)).map(Some),
        }
    }

    fn optional_phone(&mut self, map: &Map, at: &At<'_>) -> Option<Option<Phone>> {
        let Some(v) = Self::optional(map, "phone") else {
            return Some(None);
        };
        let here = at.key("phone");
        let s = self.string(v, &here)?;
        match Phone::parse(&s) {
            Some(p) => Some(Some(p)),
            None => {
                self.error(&here, format!("{} is not a phone number", quote(&s)));
                None
            }
        }
    }

    fn optional_url(&mut self, map: &Map, at: &At<'_>) -> Option<Option<WebLink>> {
        let Some(v) = Self::optional(map, "url") else {
            return Some(None);
        };
        let here = at.key("url");
        let s = self.string(v, &here)?;
        match WebLink::parse(&s) {
            Some(l) => Some(Some(l)),
            None => {
                self.error(
                    &here,
                    format!("{} is not a web address starting with https://", quote(&s)),
                );
                None
            }
        }
    }

    fn contact(&mut self, v: &Value, at: &At<'_>) -> Option<Contact> {
        let map = self.object(v, at, &["email", "phone", "url"])?;
        let email = match Self::optional(map, "email") {
            None => Some(None),
            Some(v) => {
                let here = at.key("email");
                self.string(v, &here).and_then(|s| match Email::parse(&s) {
                    Some(e) => Some(Some(e)),
                    None => {
                        self.error(&here, format!("{} is not an e-mail address", quote(&s)));
                        None
                    }
                })
            }
        };
        let phone = self.optional_phone(map, at);
        let url = self.optional_url(map, at);
        let contact = Contact {
            email: email?,
            phone: phone?,
            url: url?,
        };
        if contact == Contact::default() {
            self.error(
                at,
                "has no way to reach anyone; give an \"email\", a \"phone\" or a \"url\"",
            );
            return None;
        }
        Some(contact)
    }

    fn group(
        &mut self,
        v: &Value,
        at: &At<'_>,
        groups: &mut IdSet,
        services: &mut IdSet,
    ) -> Option<ServiceGroup> {
        let map = self.object(v, at, &["id", "name", "services"])?;
        let id = self
            .required(map, at, "id")
            .and_then(|v| self.unique_id(v, &at.key("id"), groups));
        let name = self.required_text(map, at, "name");
        let list = self.required(map, at, "services").and_then(|v| {
            let here = at.key("services");
            let list = self.each(v, &here, |d, v, at| d.service(v, at, services))?;
            if list.is_empty() {
                self.error(&here, "is empty; list at least one service");
                return None;
            }
            Some(list)
        });
        Some(ServiceGroup {
            id: id?,
            name: name?,
            services: list?,
        })
    }

    fn service(&mut self, v: &Value, at: &At<'_>, services: &mut IdSet) -> Option<Service> {
        let map = self.object(v, at, &["id", "name", "description"])?;
        let id = self
            .required(map, at, "id")
            .and_then(|v| self.unique_id(v, &at.key("id"), services));
        let name = self.required_text(map, at, "name");
        let description = self.optional_text(map, at, "description");
        Some(Service {
            id: id?,
            name: name?,
            description: description?,
        })
    }

    fn region(&mut self, v: &Value, at: &At<'_>, regions: &mut IdSet) -> Option<Region> {
        let map = self.object(v, at, &["id", "name", "nationwide"])?;
        let id = self
            .required(map, at, "id")
            .and_then(|v| self.unique_id(v, &at.key("id"), regions));
        let name = self.required_text(map, at, "name");
        let nationwide = self.optional_bool(map, at, "nationwide");
        Some(Region {
            id: id?,
            name: name?,
            nationwide: nationwide?,
        })
    }

    /// The fields incidents and maintenance windows share.
    fn notice_common(&mut self, map: &Map, at: &At<'_>, refs: &Refs<'_>) -> Option<Common> {
        let services = self
            .required(map, at, "services")
            .and_then(|v| self.references(v, &at.key("services"), refs.services, "service"));
        let regions = self
            .required(map, at, "regions")
            .and_then(|v| self.references(v, &at.key("regions"), refs.regions, "region"));
        let start = self.required_time(map, at, "start");
        let title = self.required_text(map, at, "title");
        let not_working = self.required_text(map, at, "not_working");
        let still_working = self.optional_text(map, at, "still_working");
        let what_to_do = self.required_text(map, at, "what_to_do");
        let fallbacks = match Self::optional(map, "fallbacks") {
            None => Some(Vec::new()),
            Some(v) => self.each(v, &at.key("fallbacks"), Self::fallback),
        };
        Some(Common {
            services: services?,
            regions: regions?,
            start: start?,
            text: NoticeText {
                title: title?,
                not_working: not_working?,
                still_working: still_working?,
                what_to_do: what_to_do?,
            },
            fallbacks: fallbacks?,
        })
    }

    fn end_after_start(&mut self, start: Option<Time>, end: Option<Time>, at: &At<'_>) -> bool {
        match (start, end) {
            (Some(s), Some(e)) if e <= s => {
                self.error(
                    &at.key("end"),
                    format!(
                        "{} is not after the start {}; the end must come after the start",
                        rfc3339::format(&e),
                        rfc3339::format(&s)
                    ),
                );
                false
            }
            _ => true,
        }
    }

    fn incident(&mut self, v: &Value, at: &At<'_>, refs: &Refs<'_>, ids: &mut IdSet) -> Option<Incident> {
        let map = self.object(
            v,
            at,
            &[
                "id",
                "services",
                "regions",
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
            ],
        )?;
        let id = self
            .required(map, at, "id")
            .and_then(|v| self.unique_id(v, &at.key("id"), ids));
        let common = self.notice_common(map, at, refs);
        let impact = self.required(map, at, "impact").and_then(|v| {
            self.choice(
                v,
                &at.key("impact"),
                &Impact::ALL,
                Impact::as_str,
                Impact::Disrupted,
            )
        });
        let end = self.optional_time(map, at, "end");
        let next_update = self.optional_time(map, at, "next_update");
        let start = start_of(map);
        let order_ok = self.end_after_start(start, end.flatten(), at);
        let updates = match Self::optional(map, "updates") {
            None => Some(Vec::new()),
            Some(v) => self.each(v, &at.key("updates"), |d, v, at| d.update(v, at, start)),
        };
        let common = common?;
        let mut updates = updates?;
        crate::order::sort_by_rank(&mut updates, |u| [u.at.timestamp_millis(), 0]);
        order_ok.then_some(())?;
        Some(Incident {
            id: id?,
            services: common.services,
            regions: common.regions,
            impact: impact?,
            start: common.start,
            end: end?,
            next_update: next_update?,
            text: common.text,
            fallbacks: common.fallbacks,
            updates,
        })
    }

    fn maintenance(
        &mut self,
        v: &Value,
        at: &At<'_>,
        refs: &Refs<'_>,
        ids: &mut IdSet,
    ) -> Option<Maintenance> {
        let map = self.object(
            v,
            at,
            &[
                "id",
                "services",
                "regions",
                "start",
                "end",
                "title",
                "not_working",
                "still_working",
                "what_to_do",
                "fallbacks",
            ],
        )?;
        let id = self
            .required(map, at, "id")
            .and_then(|v| self.unique_id(v, &at.key("id"), ids));
        let common = self.notice_common(map, at, refs);
        let end = self.required_time(map, at, "end");
        let order_ok = self.end_after_start(start_of(map), end, at);
        let common = common?;
        order_ok.then_some(())?;
        Some(Maintenance {
            id: id?,
            services: common.services,
            regions: common.regions,
            start: common.start,
            end: end?,
            text: common.text,
            fallbacks: common.fallbacks,
        })
    }

    fn fallback(&mut self, v: &Value, at: &At<'_>) -> Option<Fallback> {
        let map = self.object(
            v,
            at,
            &["kind", "label", "phone", "hours", "for_whom", "details", "url"],
        )?;
        let kind = self.required(map, at, "kind").and_then(|v| {
            self.choice(
                v,
                &at.key("kind"),
                &FallbackKind::ALL,
                FallbackKind::as_str,
                FallbackKind::Other,
            )
        });
        let label = self.required_text(map, at, "label");
        let phone = self.optional_phone(map, at);
        let hours = self.optional_text(map, at, "hours");
        let for_whom = self.optional_text(map, at, "for_whom");
        let details = self.optional_text(map, at, "details");
        let url = self.optional_url(map, at);
        let mut ok = true;
        if kind == Some(FallbackKind::Phone) {
            if Self::optional(map, "phone").is_none() {
                self.error(
                    &at.key("phone"),
                    "is missing; a fallback of kind \"phone\" needs the number",
                );
                ok = false;
            }
            if Self::optional(map, "hours").is_none() {
                self.error(
                    &at.key("hours"),
                    "is missing; say when the number can be reached, e.g. \"Mo–Fr 8–18 Uhr\" or \"rund um die Uhr\"",
                );
                ok = false;
            }
        }
        if kind == Some(FallbackKind::Website) && Self::optional(map, "url").is_none() {
            self.error(
                &at.key("url"),
                "is missing; a fallback of kind \"website\" needs its https:// address",
            );
            ok = false;
        }
        ok.then_some(())?;
        Some(Fallback {
            kind: kind?,
            label: label?,
            phone: phone?,
            hours: hours?,
            for_whom: for_whom?,
            details: details?,
            url: url?,
        })
    }

    fn update(&mut self, v: &Value, at: &At<'_>, start: Option<Time>) -> Option<Update> {
        let map = self.object(v, at, &["at", "kind", "text", "impact"])?;
        let time = self.required_time(map, at, "at");
        let kind = self.required(map, at, "kind").and_then(|v| {
            self.choice(
                v,
                &at.key("kind"),
                &UpdateKind::ALL,
                UpdateKind::as_str,
                UpdateKind::Other,
            )
        });
        let text = self.required_text(map, at, "text");
        let impact = match Self::optional(map, "impact") {
            None => Some(None),
            Some(v) => self
                .choice(
                    v,
                    &at.key("impact"),
                    &Impact::ALL,
                    Impact::as_str,
                    Impact::Disrupted,
                )
                .map(Some),
        };
        if let (Some(t), Some(s)) = (time, start) {
            if t < s {
                self.warning(
                    &at.key("at"),
                    format!(
                        "{} is before the incident's start {}",
                        rfc3339::format(&t),
                        rfc3339::format(&s)
                    ),
                );
            }
        }
        Some(Update {
            at: time?,
            kind: kind?,
            text: text?,
            impact: impact?,
        })
    }
}

/// The notice's start if it is a valid time, read apart from the other fields, so the
/// order of times is checked (and reported) even when another field has a mistake.
fn start_of(map: &Map) -> Option<Time> {
    map.get("start")
        .and_then(Value::as_str)
        .and_then(|s| rfc3339::parse(s).ok())
}

struct Refs<'a> {
    services: &'a IdSet,
    regions: &'a IdSet,
}

struct Common {
    services: Vec<String>,
    regions: Vec<String>,
    start: Time,
    text: NoticeText,
    fallbacks: Vec<Fallback>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_language_tags() {
        assert!(is_id("erezept-einloesen"));
        assert!(is_id("be_2021"));
        assert!(!is_id("E-Rezept"));
        assert!(!is_id("-x"));
        assert!(!is_id(""));
        assert!(is_language_tag("de"));
        assert!(is_language_tag("de-x-ls"));
        assert!(!is_language_tag("Deutsch"));
        assert!(!is_language_tag("d"));
    }

    #[test]
    fn quote_shows_invisible_characters_by_their_code() {
        assert_eq!(quote("a\"b\\c\nd"), r#""a\"b\\c\nd""#);
        assert_eq!(
            quote("\u{202e}evil\u{200b}\u{7}"),
            r#""\u{202e}evil\u{200b}\u{7}""#
        );
    }

    #[test]
    fn quote_shortens_long_values() {
        let long = "x".repeat(100);
        assert_eq!(quote(&long).chars().count(), 63);
    }
}
