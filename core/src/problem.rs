//! Problems found in a feed, each with the JSON path it concerns and a sentence an
//! operator who is not a programmer understands.

use std::fmt;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The feed can still be shown; something should be fixed.
    Warning,
    /// The feed cannot be trusted and is not shown as current.
    Error,
}

/// One step of a JSON path: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSeg {
    Key(String),
    Index(usize),
}

/// One problem in a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// Where in the feed, from the root, e.g. `incidents[1].fallbacks[0].phone`.
    pub path: Vec<PathSeg>,
    /// What is wrong, e.g. `"0800 abc" is not a phone number`.
    pub message: String,
    /// 1-based line and column in the feed's text, where known.
    pub position: Option<(usize, usize)>,
}

impl Problem {
    /// The path written the way operators read it: `incidents[1].fallbacks[0].phone`,
    /// or `(feed)` for the whole document.
    pub fn path_string(&self) -> String {
        path_to_string(&self.path)
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Writes a path as `a.b[2].c`; the empty path is `(feed)`. A key that is empty or
/// has spaces, `.`, `[`, `]`, `"`, control, invisible or direction-changing characters
/// is written quoted and escaped (`name["de\u{200d}"]`, `[""]`), so that the path
/// stays readable and unambiguous, and a stray right-to-left mark cannot reorder the
/// message on the page.
pub fn path_to_string(path: &[PathSeg]) -> String {
    if path.is_empty() {
        return "(feed)".to_string();
    }
    let mut out = String::new();
    for seg in path {
        match seg {
            PathSeg::Key(k) if needs_quotes(k) => {
                out.push('[');
                out.push_str(&quoted(k));
                out.push(']');
            }
            PathSeg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            PathSeg::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    out
}

/// `s` in double quotes, the way the feed writes it, so an operator can search for it:
/// `"`, `\\`, line breaks and tabs escaped; invisible or direction-changing characters
/// shown as their code (`\u{200d}`), so a message never hides or reorders what the
/// operator has to find. (Not `{:?}`: its Unicode tables cost the page's wasm ~3 KB.)
pub(crate) fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() || crate::model::is_invisible_or_bidi(c) => {
                out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn needs_quotes(key: &str) -> bool {
    key.is_empty()
        || key.chars().any(|c| {
            c.is_whitespace()
                || c.is_control()
                || crate::model::is_invisible_or_bidi(c)
                || matches!(c, '.' | '[' | ']' | '"')
        })
}

impl fmt::Display for Problem {
    /// `incidents[1].fallbacks[0].phone: "0800 abc" is not a phone number (line 40, column 22)`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path_string(), self.message)?;
        if let Some((line, col)) = self.position {
            write!(f, " (line {line}, column {col})")?;
        }
        Ok(())
    }
}

/// A path under construction while the parser descends; rendered only when a problem
/// is reported, so walking a large feed allocates nothing for paths.
#[derive(Clone, Copy)]
pub(crate) struct At<'a> {
    parent: Option<&'a At<'a>>,
    seg: Seg<'a>,
}

#[derive(Clone, Copy)]
enum Seg<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

impl<'a> At<'a> {
    pub(crate) const ROOT: At<'static> = At {
        parent: None,
        seg: Seg::Root,
    };

    pub(crate) fn key(&'a self, key: &'a str) -> At<'a> {
        At {
            parent: Some(self),
            seg: Seg::Key(key),
        }
    }

    pub(crate) fn index(&'a self, i: usize) -> At<'a> {
        At {
            parent: Some(self),
            seg: Seg::Index(i),
        }
    }

    pub(crate) fn to_path(self) -> Vec<PathSeg> {
        let mut segs = Vec::new();
        let mut cur = Some(&self);
        while let Some(at) = cur {
            match at.seg {
                Seg::Root => {}
                Seg::Key(k) => segs.push(PathSeg::Key(k.to_string())),
                Seg::Index(i) => segs.push(PathSeg::Index(i)),
            }
            cur = at.parent;
        }
        segs.reverse();
        segs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_like_javascript_accessors() {
        let root = At::ROOT;
        let inc = root.key("incidents");
        let one = inc.index(1);
        let fb = one.key("fallbacks");
        let zero = fb.index(0);
        let phone = zero.key("phone");
        assert_eq!(
            path_to_string(&phone.to_path()),
            "incidents[1].fallbacks[0].phone"
        );
        assert_eq!(path_to_string(&[]), "(feed)");
        let name = root.key("name");
        let hidden = name.key("de\u{200d}");
        assert_eq!(path_to_string(&hidden.to_path()), "name[\"de\\u{200d}\"]");
        let rlo = root.key("a\u{202e}b");
        assert_eq!(path_to_string(&rlo.to_path()), "[\"a\\u{202e}b\"]");
        let empty = root.key("");
        assert_eq!(path_to_string(&empty.to_path()), "[\"\"]");
        let dotted = inc.key("a.b c");
        assert_eq!(path_to_string(&dotted.to_path()), "incidents[\"a.b c\"]");
    }
}
