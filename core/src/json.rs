//! A small, strict JSON reader (RFC 8259) made for feeds.
//!
//! Why not `serde_json::Value`: the page ships this code to phones as WebAssembly, and
//! a general JSON library with float parsing and serialisation costs several times
//! what a feed needs. This reader keeps numbers as their text (a feed only has whole
//! numbers), keeps an object's fields in document order with duplicates (so the checks
//! can report a field given twice), and limits nesting so hostile input cannot exhaust
//! the stack.

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Bool(bool),
    /// The number as written, e.g. `15` or `-1.5e3`; already checked to be valid JSON.
    Number(String),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// An object's fields in document order; a key given twice appears twice.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Map(Vec<(String, Value)>);

impl Map {
    /// The value of `key`; if it is given twice, the last one (as most JSON readers do).
    pub(crate) fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The fields in document order, duplicates included.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The keys in document order, duplicates included.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }
}

impl Value {
    pub(crate) fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// A whole number from 0 up, written without fraction or exponent.
    pub(crate) fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.parse().ok(),
            _ => None,
        }
    }
}

/// Deeper nesting than this is refused (serde_json's default limit, too).
pub(crate) const MAX_DEPTH: usize = 128;

/// Why a text is not JSON, and the byte offset where that became clear.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub kind: ErrorKind,
    pub offset: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ErrorKind {
    /// The text ends inside a value.
    Eof,
    TooDeep,
    /// Anything else, described in a few words ("expected `:`").
    Invalid(&'static str),
}

/// Reads a whole document: one value, optionally surrounded by whitespace.
pub(crate) fn from_str(src: &str) -> Result<Value, SyntaxError> {
    let mut r = Reader {
        src,
        b: src.as_bytes(),
        i: 0,
        depth: 0,
    };
    r.ws();
    let v = r.value()?;
    r.ws();
    if r.i < r.b.len() {
        return Err(r.invalid("trailing characters"));
    }
    Ok(v)
}

struct Reader<'a> {
    src: &'a str,
    b: &'a [u8],
    i: usize,
    depth: usize,
}

impl Reader<'_> {
    fn err(&self, kind: ErrorKind) -> SyntaxError {
        if self.i >= self.b.len() {
            // Point at the last character that arrived, as an editor would show it.
            let last = self.src.char_indices().last().map_or(0, |(i, _)| i);
            return SyntaxError {
                kind: ErrorKind::Eof,
                offset: last,
            };
        }
        SyntaxError { kind, offset: self.i }
    }

    fn invalid(&self, what: &'static str) -> SyntaxError {
        self.err(ErrorKind::Invalid(what))
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    /// Consumes `c` (after whitespace) or fails with `what`.
    fn expect(&mut self, c: u8, what: &'static str) -> Result<(), SyntaxError> {
        self.ws();
        if self.peek() == Some(c) {
            self.i += 1;
            Ok(())
        } else {
            Err(self.invalid(what))
        }
    }

    fn value(&mut self) -> Result<Value, SyntaxError> {
        match self.peek() {
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::array),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            _ => Err(self.invalid("expected value")),
        }
    }

    fn nested(&mut self, read: fn(&mut Self) -> Result<Value, SyntaxError>) -> Result<Value, SyntaxError> {
        if self.depth >= MAX_DEPTH {
            return Err(self.err(ErrorKind::TooDeep));
        }
        self.depth += 1;
        self.i += 1; // the opening bracket
        let v = read(self);
        self.depth -= 1;
        v
    }

    fn object(&mut self) -> Result<Value, SyntaxError> {
        let mut fields = Vec::new();
        self.ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(Value::Object(Map(fields)));
        }
        loop {
            self.ws();
            match self.peek() {
                Some(b'"') => {}
                Some(b'}') if !fields.is_empty() => return Err(self.invalid("trailing comma")),
                _ => return Err(self.invalid("key must be a string")),
            }
            let key = self.string()?;
            self.expect(b':', "expected `:`")?;
            self.ws();
            fields.push((key, self.value()?));
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(Value::Object(Map(fields)));
                }
                _ => return Err(self.invalid("expected `,` or `}`")),
            }
        }
    }

    fn array(&mut self) -> Result<Value, SyntaxError> {
        let mut items = Vec::new();
        self.ws();
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.ws();
            if self.peek() == Some(b']') && !items.is_empty() {
                return Err(self.invalid("trailing comma"));
            }
            items.push(self.value()?);
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.invalid("expected `,` or `]`")),
            }
        }
    }

    fn word(&mut self, word: &'static str, v: Value) -> Result<Value, SyntaxError> {
        for &c in word.as_bytes() {
            if self.peek() != Some(c) {
                return Err(self.invalid("expected value"));
            }
            self.i += 1;
        }
        Ok(v)
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        self.i - start
    }

    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.peek() {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.invalid("invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return Err(self.invalid("invalid number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if self.digits() == 0 {
                return Err(self.invalid("invalid number"));
            }
        }
        Ok(Value::Number(self.src[start..self.i].to_string()))
    }

    /// Reads a string starting at its opening quote.
    fn string(&mut self) -> Result<String, SyntaxError> {
        self.i += 1; // the opening quote
        let mut out = String::new();
        loop {
            // Copy the run of plain characters at once; the input is valid UTF-8 and
            // every byte we stop at is ASCII, so the slice bounds are char boundaries.
            let start = self.i;
            while matches!(self.peek(), Some(c) if c != b'"' && c != b'\\' && c >= 0x20) {
                self.i += 1;
            }
            out.push_str(&self.src[start..self.i]);
            match self.peek() {
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    out.push(self.escape()?);
                }
                _ => {
                    return Err(
                        self.invalid("control character (\\u0000-\\u001F) found while parsing a string")
                    )
                }
            }
        }
    }

    fn escape(&mut self) -> Result<char, SyntaxError> {
        let c = self.peek().ok_or_else(|| self.err(ErrorKind::Eof))?;
        self.i += 1;
        Ok(match c {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(),
            _ => {
                self.i -= 1;
                return Err(self.invalid("invalid escape"));
            }
        })
    }

    /// `\uXXXX`, with a UTF-16 surrogate pair written as two escapes.
    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if self.b.get(self.i..self.i + 2) != Some(b"\\u") {
                    return Err(self.invalid("lone leading surrogate in hex escape"));
                }
                self.i += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.invalid("lone leading surrogate in hex escape"));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.invalid("lone trailing surrogate in hex escape")),
            c => c,
        };
        char::from_u32(code).ok_or_else(|| self.invalid("invalid unicode code point"))
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut n = 0;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(c @ b'0'..=b'9') => c - b'0',
                Some(c @ b'a'..=b'f') => c - b'a' + 10,
                Some(c @ b'A'..=b'F') => c - b'A' + 10,
                _ => return Err(self.invalid("invalid escape")),
            };
            n = n * 16 + u32::from(d);
            self.i += 1;
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Value {
        Value::String(v.to_string())
    }

    #[test]
    fn reads_every_kind_of_value() {
        let v =
            from_str(r#" {"a": [1, -2.5e3, true, false, null, "x\"\u00e4\ud83d\ude91"], "b": {}} "#).unwrap();
        let Value::Object(map) = v else {
            panic!("not an object")
        };
        assert_eq!(map.keys().collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(
            map.get("a"),
            Some(&Value::Array(vec![
                Value::Number("1".into()),
                Value::Number("-2.5e3".into()),
                Value::Bool(true),
                Value::Bool(false),
                Value::Null,
                s("x\"ä🚑"),
            ]))
        );
        assert_eq!(map.get("b"), Some(&Value::Object(Map::default())));
    }

    #[test]
    fn keeps_duplicate_keys_and_answers_the_last() {
        let Ok(Value::Object(map)) = from_str(r#"{"a": 1, "a": 2}"#) else {
            panic!()
        };
        assert_eq!(map.keys().collect::<Vec<_>>(), ["a", "a"]);
        assert_eq!(map.get("a").and_then(Value::as_u64), Some(2));
    }

    #[test]
    fn whole_numbers_only_for_as_u64() {
        for (text, want) in [
            ("15", Some(15)),
            ("0", Some(0)),
            ("-1", None),
            ("1.5", None),
            ("1e3", None),
        ] {
            assert_eq!(Value::Number(text.into()).as_u64(), want, "{text}");
        }
        assert_eq!(Value::Number("99999999999999999999999".into()).as_u64(), None);
    }

    #[test]
    fn says_where_and_why_it_stops() {
        let cases: &[(&str, ErrorKind, usize)] = &[
            ("", ErrorKind::Eof, 0),
            ("[1, \"ä", ErrorKind::Eof, 5),
            ("{\"a\" 1}", ErrorKind::Invalid("expected `:`"), 5),
            ("[1 2]", ErrorKind::Invalid("expected `,` or `]`"), 3),
            ("{\"a\":1 \"b\":2}", ErrorKind::Invalid("expected `,` or `}`"), 7),
            ("{a:1}", ErrorKind::Invalid("key must be a string"), 1),
            ("[01]", ErrorKind::Invalid("expected `,` or `]`"), 2),
            ("[1.]", ErrorKind::Invalid("invalid number"), 3),
            ("[-]", ErrorKind::Invalid("invalid number"), 2),
            ("[tru]", ErrorKind::Invalid("expected value"), 4),
            ("[NaN]", ErrorKind::Invalid("expected value"), 1),
            ("[1,]", ErrorKind::Invalid("trailing comma"), 3),
            ("{\"a\":1,}", ErrorKind::Invalid("trailing comma"), 7),
            ("[,]", ErrorKind::Invalid("expected value"), 1),
            ("{} x", ErrorKind::Invalid("trailing characters"), 3),
            (
                "\"a\nb\"",
                ErrorKind::Invalid("control character (\\u0000-\\u001F) found while parsing a string"),
                2,
            ),
            ("\"\\x\"", ErrorKind::Invalid("invalid escape"), 2),
            (
                "\"\\ud800\"",
                ErrorKind::Invalid("lone leading surrogate in hex escape"),
                7,
            ),
            (
                "\"\\udc00\"",
                ErrorKind::Invalid("lone trailing surrogate in hex escape"),
                7,
            ),
            ("{\"a\": [1, 2", ErrorKind::Eof, 10),
            ("\"abc", ErrorKind::Eof, 3),
        ];
        for (src, kind, offset) in cases {
            assert_eq!(
                from_str(src),
                Err(SyntaxError {
                    kind: *kind,
                    offset: *offset
                }),
                "{src:?}"
            );
        }
    }

    #[test]
    fn refuses_deep_nesting_without_exhausting_the_stack() {
        let deep = "[".repeat(100_000);
        assert_eq!(from_str(&deep).map_err(|e| e.kind), Err(ErrorKind::TooDeep));
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(from_str(&ok).is_ok());
        let over = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(from_str(&over).map_err(|e| e.kind), Err(ErrorKind::TooDeep));
    }
}
