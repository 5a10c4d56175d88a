//! Finds where a JSON path stands in the feed's text, so every problem can name its
//! line and column. Runs only on text that [`crate::json`] already accepted.

use crate::problem::{PathSeg, Problem};
use std::collections::BTreeMap;

/// Problems beyond this many keep no position.
const MAX_LOCATED: usize = 500;

/// Sets `position` on each problem that lacks one (up to [`MAX_LOCATED`]).
pub(crate) fn fill_positions(src: &str, problems: &mut [Problem]) {
    // Each list and object on a problem's path is read once, however many problems
    // lie inside it: locating stays linear in the size of the text.
    let mut index = Index::default();
    let mut offsets: Vec<(usize, usize)> = problems
        .iter()
        .enumerate()
        .filter(|(_, p)| p.position.is_none())
        .take(MAX_LOCATED)
        .map(|(i, p)| (index.offset_of(src, &p.path), i))
        .collect();
    crate::order::sort_by_rank(&mut offsets, |&(offset, _)| [offset as i64, 0]);
    // One pass over the text turns sorted byte offsets into line:column.
    let (mut line, mut col, mut pos) = (1, 1, 0);
    let mut chars = src.char_indices().peekable();
    for (offset, i) in offsets {
        while pos < offset {
            match chars.next() {
                Some((_, '\n')) => {
                    line += 1;
                    col = 1;
                }
                Some(_) => col += 1,
                None => break,
            }
            pos = chars.peek().map_or(src.len(), |(p, _)| *p);
        }
        problems[i].position = Some((line, col));
    }
}

/// The byte offset of the value at `path`; if the path's last steps do not exist (a
/// missing field), the offset of the deepest part that does. `src` is the text as the
/// parser reads it: without a leading byte order mark.
pub fn offset_of(src: &str, path: &[PathSeg]) -> Option<usize> {
    let mut s = Scanner {
        b: src.as_bytes(),
        i: 0,
    };
    s.ws();
    for seg in path {
        let here = s.i;
        let found = match seg {
            PathSeg::Key(k) => s.enter_key(k),
            PathSeg::Index(n) => s.enter_index(*n),
        };
        if found.is_none() {
            return Some(here);
        }
    }
    Some(s.i)
}

/// Where the items of each list and the fields of each object start, by the offset of
/// the list's `[` or the object's `{`; filled as paths lead through them.
#[derive(Default)]
struct Index {
    lists: BTreeMap<usize, Vec<usize>>,
    objects: BTreeMap<usize, BTreeMap<String, usize>>,
}

impl Index {
    /// The same as [`offset_of`], reading each container once.
    fn offset_of(&mut self, src: &str, path: &[PathSeg]) -> usize {
        let b = src.as_bytes();
        let mut s = Scanner { b, i: 0 };
        s.ws();
        for seg in path {
            let here = s.i;
            let next = match seg {
                PathSeg::Index(n) => self
                    .lists
                    .entry(here)
                    .or_insert_with(|| Scanner { b, i: here }.items())
                    .get(*n)
                    .copied(),
                PathSeg::Key(k) => self
                    .objects
                    .entry(here)
                    .or_insert_with(|| Scanner { b, i: here }.fields())
                    .get(k)
                    .copied(),
            };
            match next {
                Some(i) => s.i = i,
                None => return here,
            }
        }
        s.i
    }
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        self.ws();
        (self.peek() == Some(c)).then(|| self.i += 1)
    }

    /// Skips a string starting at `"`; returns its raw contents.
    fn string(&mut self) -> Option<&[u8]> {
        (self.peek() == Some(b'"')).then_some(())?;
        let start = self.i + 1;
        self.i += 1;
        while let Some(c) = self.peek() {
            self.i += 1;
            match c {
                b'\\' => self.i += 1,
                b'"' => return self.b.get(start..self.i - 1),
                _ => {}
            }
        }
        None
    }

    fn skip_value(&mut self) -> Option<()> {
        self.ws();
        match self.peek()? {
            b'"' => self.string().map(|_| ()),
            b'{' | b'[' => {
                let mut depth = 0usize;
                while let Some(c) = self.peek() {
                    match c {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.i += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.i += 1;
                }
                None
            }
            _ => {
                while !matches!(
                    self.peek(),
                    None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
                ) {
                    self.i += 1;
                }
                Some(())
            }
        }
    }

    /// The start of each item of the list here.
    fn items(&mut self) -> Vec<usize> {
        let mut out = Vec::new();
        if self.eat(b'[').is_none() {
            return out;
        }
        loop {
            self.ws();
            if matches!(self.peek(), None | Some(b']')) {
                return out;
            }
            out.push(self.i);
            if self.skip_value().is_none() || self.eat(b',').is_none() {
                return out;
            }
        }
    }

    /// The start of each field's value in the object here (the first, if given twice).
    fn fields(&mut self) -> BTreeMap<String, usize> {
        let mut out = BTreeMap::new();
        if self.eat(b'{').is_none() {
            return out;
        }
        loop {
            self.ws();
            let Some(raw) = self.string() else { return out };
            let key = if raw.contains(&b'\\') {
                let quoted = format!("\"{}\"", String::from_utf8_lossy(raw));
                match crate::json::from_str(&quoted) {
                    Ok(crate::json::Value::String(k)) => k,
                    _ => return out,
                }
            } else {
                String::from_utf8_lossy(raw).into_owned()
            };
            if self.eat(b':').is_none() {
                return out;
            }
            self.ws();
            out.entry(key).or_insert(self.i);
            if self.skip_value().is_none() || self.eat(b',').is_none() {
                return out;
            }
        }
    }

    /// Moves to the value of `key` in the object here.
    fn enter_key(&mut self, key: &str) -> Option<()> {
        self.eat(b'{')?;
        loop {
            self.ws();
            let raw = self.string()?;
            let matches = if raw.contains(&b'\\') {
                let quoted = format!("\"{}\"", String::from_utf8_lossy(raw));
                matches!(crate::json::from_str(&quoted), Ok(crate::json::Value::String(k)) if k == key)
            } else {
                raw == key.as_bytes()
            };
            self.eat(b':')?;
            self.ws();
            if matches {
                return Some(());
            }
            self.skip_value()?;
            self.eat(b',')?;
        }
    }

    /// Moves to item `n` of the array here.
    fn enter_index(&mut self, n: usize) -> Option<()> {
        self.eat(b'[')?;
        for _ in 0..n {
            self.skip_value()?;
            self.eat(b',')?;
        }
        self.ws();
        (self.peek() != Some(b']')).then_some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::Severity;

    fn path(s: &[&str]) -> Vec<PathSeg> {
        s.iter()
            .map(|p| match p.parse::<usize>() {
                Ok(n) => PathSeg::Index(n),
                Err(_) => PathSeg::Key(p.to_string()),
            })
            .collect()
    }

    #[test]
    fn finds_nested_values_and_falls_back_to_the_parent() {
        let src = "{\n  \"a\": [1, {\"b\": \"x\\\"y\", \"c\": [true]}],\n  \"d\": {}\n}";
        let mut problems: Vec<Problem> = [&["a", "1", "c", "0"][..], &["d", "missing"], &["a"], &[]]
            .iter()
            .map(|p| Problem {
                severity: Severity::Error,
                path: path(p),
                message: String::new(),
                position: None,
            })
            .collect();
        fill_positions(src, &mut problems);
        let got: Vec<_> = problems.iter().map(|p| p.position.unwrap()).collect();
        assert_eq!(got, vec![(2, 32), (3, 8), (2, 8), (1, 1)]);
    }

    #[test]
    fn escaped_keys_are_matched_by_their_meaning() {
        let src = r#"{"x\u0041": 1, "xA": 2}"#;
        assert_eq!(offset_of(src, &path(&["xA"])), Some(12));
    }
}
