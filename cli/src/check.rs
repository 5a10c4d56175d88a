//! `wegweiser check`: every problem of each feed, with its place and a plain sentence.

use crate::files::{count, read_text, shown};
use crate::{Failure, Format};
use serde::Serialize;
use std::path::PathBuf;
use wegweiser_core::{advise, parse, Problem, Severity, Time};

/// One problem as `--format json` writes it.
#[derive(Serialize)]
struct JsonProblem {
    severity: &'static str,
    path: String,
    line: Option<usize>,
    column: Option<usize>,
    message: String,
}

#[derive(Serialize)]
struct JsonFile {
    file: String,
    /// The page would show this feed (no errors).
    valid: bool,
    errors: usize,
    warnings: usize,
    problems: Vec<JsonProblem>,
}

#[derive(Serialize)]
struct JsonReport {
    valid: bool,
    files: Vec<JsonFile>,
}

/// The problems of one file: the checker's, then (for a valid feed) the advice, in file order.
fn problems_of(text: &str, now: Time) -> Vec<Problem> {
    let parsed = parse(text);
    let mut problems = parsed.problems;
    if let Some(feed) = &parsed.feed {
        problems.extend(advise(text, feed, now));
        // Both lists are in file order; merge them so the whole report is.
        problems.sort_by_key(|p| p.position.unwrap_or((usize::MAX, usize::MAX)));
    }
    problems
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// GitHub Actions workflow commands escape %, CR and LF in messages, and also : and , in properties.
fn github_escape(s: &str, property: bool) -> String {
    let mut out = s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    if property {
        out = out.replace(':', "%3A").replace(',', "%2C");
    }
    out
}

pub fn run(feeds: &[PathBuf], format: Format, now: Time) -> Result<u8, Failure> {
    let mut any_error = false;
    let mut report = JsonReport {
        valid: true,
        files: Vec::new(),
    };
    let mut text_out = String::new();
    for path in feeds {
        let name = shown(path);
        let problems = match read_text(path) {
            Ok(text) => problems_of(&text, now),
            // A file that cannot be read is a failed check, reported like a problem.
            Err(f) => vec![Problem {
                severity: Severity::Error,
                path: Vec::new(),
                message: f.message,
                position: None,
            }],
        };
        let errors = problems.iter().filter(|p| p.is_error()).count();
        let warnings = problems.len() - errors;
        any_error |= errors > 0;
        match format {
            Format::Text => {
                let verdict = if errors > 0 {
                    "has errors: the page will not show it as current"
                } else if warnings > 0 {
                    "is valid, with warnings"
                } else {
                    "is valid"
                };
                text_out.push_str(&format!(
                    "{name} {verdict} ({}, {})\n",
                    count(errors, "error", "errors"),
                    count(warnings, "warning", "warnings")
                ));
                for p in &problems {
                    let place = p
                        .position
                        .map_or(String::new(), |(l, c)| format!("{name}:{l}:{c}: "));
                    text_out.push_str(&format!(
                        "  {place}{}: {}: {}\n",
                        severity_word(p.severity),
                        p.path_string(),
                        p.message
                    ));
                }
            }
            Format::Github => {
                for p in &problems {
                    let kind = severity_word(p.severity);
                    let mut props = format!("file={}", github_escape(&path.display().to_string(), true));
                    if let Some((l, c)) = p.position {
                        props.push_str(&format!(",line={l},col={c}"));
                    }
                    props.push_str(&format!(",title={}", github_escape(&p.path_string(), true)));
                    text_out.push_str(&format!(
                        "::{kind} {props}::{}\n",
                        github_escape(&p.message, false)
                    ));
                }
            }
            Format::Json => report.files.push(JsonFile {
                file: name,
                valid: errors == 0,
                errors,
                warnings,
                problems: problems
                    .iter()
                    .map(|p| JsonProblem {
                        severity: severity_word(p.severity),
                        path: p.path_string(),
                        line: p.position.map(|(l, _)| l),
                        column: p.position.map(|(_, c)| c),
                        message: p.message.clone(),
                    })
                    .collect(),
            }),
        }
    }
    if format == Format::Json {
        report.valid = !any_error;
        text_out = serde_json::to_string_pretty(&report).unwrap_or_default();
        text_out.push('\n');
    }
    crate::files::write_output(None, &text_out)?;
    Ok(u8::from(any_error))
}
