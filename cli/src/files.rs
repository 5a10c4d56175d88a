//! Files, standard input and output, and the clock: everything the core does not do.

use crate::Failure;
use std::io::{ErrorKind, Read, Write};
use std::path::Path;
use wegweiser_core::{parse, Feed, Problem, Time};

/// How a path is named in messages ("-" is standard input).
pub fn shown(path: &Path) -> String {
    if path == Path::new("-") {
        "standard input".to_string()
    } else {
        path.display().to_string()
    }
}

/// The text of a file, or of standard input for "-".
pub fn read_text(path: &Path) -> Result<String, Failure> {
    let mut bytes = Vec::new();
    let result = if path == Path::new("-") {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::read(path).map(|b| bytes = b)
    };
    if let Err(e) = result {
        let why = match e.kind() {
            ErrorKind::NotFound => "there is no such file".to_string(),
            ErrorKind::PermissionDenied => "you may not read it".to_string(),
            ErrorKind::IsADirectory => "it is a folder, not a file".to_string(),
            _ => e.to_string(),
        };
        return Err(Failure::usage(format!("cannot read {}: {why}", shown(path))));
    }
    String::from_utf8(bytes).map_err(|e| {
        Failure::input(format!(
            "{} is not UTF-8 text (the first wrong byte is byte {}); save it as UTF-8",
            shown(path),
            e.utf8_error().valid_up_to() + 1
        ))
    })
}

/// Reads a feed that must be free of errors (warnings are fine); otherwise names every
/// error and stops with exit code 1.
pub fn read_feed(path: &Path) -> Result<(String, Feed), Failure> {
    let text = read_text(path)?;
    let parsed = parse(&text);
    match parsed.feed {
        Some(feed) => Ok((text, feed)),
        None => {
            let errors: Vec<String> = parsed.errors().map(Problem::to_string).collect();
            Err(Failure::input(format!(
                "{} has {} and cannot be used:\n  {}\n(`wegweiser check {}` explains each)",
                shown(path),
                count(errors.len(), "error", "errors"),
                errors.join("\n  "),
                path.display()
            )))
        }
    }
}

/// "1 error", "3 errors".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Writes `text` to the file, or to standard output.
pub fn write_output(path: Option<&Path>, text: &str) -> Result<(), Failure> {
    let result = match path {
        Some(p) => std::fs::write(p, text),
        None => std::io::stdout().lock().write_all(text.as_bytes()),
    };
    result.map_err(|e| {
        let target = path.map_or("standard output".to_string(), |p| p.display().to_string());
        Failure::usage(format!("cannot write {target}: {e}"))
    })
}

/// The instant given on the command line, or now by the system clock (in UTC).
pub fn instant(given: Option<&str>) -> Result<Time, Failure> {
    match given {
        Some(s) => wegweiser_core::rfc3339::parse(s).map_err(|_| {
            Failure::usage(format!(
                "--now {s:?} is not a time like 2025-06-13T10:00:00+02:00 (date, time with seconds, UTC offset)"
            ))
        }),
        None => {
            let since_epoch = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_err(|_| Failure::usage("the system clock is before 1970; pass the time with --now"))?;
            let secs = i64::try_from(since_epoch.as_secs()).unwrap_or(i64::MAX);
            chrono::DateTime::from_timestamp(secs, 0)
                .map(|t| t.fixed_offset())
                .ok_or_else(|| Failure::usage("the system clock is out of range; pass the time with --now"))
        }
    }
}
