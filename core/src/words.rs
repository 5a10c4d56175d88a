//! The page's own words in the reader's language.
//!
//! Every word the page says that is not the operator's comes from a [`Words`] table,
//! looked up by key (`k::BANNER_OK_HEADING` for `"banner.ok.heading"`). German is built
//! in (`i18n/de.json`, compiled into the crate by `build.rs`, without the key names): it
//! is the default, what a published page says, and what any key a translation lacks
//! falls back to. The other languages are files beside it
//! (`i18n/en.json` …) that the page fetches only when a reader chooses that language, so
//! German readers never download them and the WebAssembly carries one language, not
//! seven.
//!
//! A text may hold one `{}`: where a view places a time, a name or a link inside the
//! sentence ([`Words::around`]), so each language keeps its own word order.

use crate::json::{self, Value};

/// A language the page speaks.
#[derive(Debug, PartialEq, Eq)]
pub struct Language {
    /// What `?lang=` and the switcher use: `de`, `en`, `ls` (Leichte Sprache) …
    pub code: &'static str,
    /// The language's name in itself, for the switcher.
    pub name: &'static str,
    /// For `<html lang>`: Leichte Sprache is German.
    pub html_lang: &'static str,
    /// Written right to left.
    pub rtl: bool,
    /// Which feed texts to take first (then German, English, any; see `Text::pick`).
    pub feed_lang: &'static str,
}

impl Language {
    /// `rtl` or `ltr`, for `dir`.
    pub fn dir(&self) -> &'static str {
        if self.rtl {
            "rtl"
        } else {
            "ltr"
        }
    }
}

const fn language(
    code: &'static str,
    name: &'static str,
    html_lang: &'static str,
    rtl: bool,
    feed_lang: &'static str,
) -> Language {
    Language {
        code,
        name,
        html_lang,
        rtl,
        feed_lang,
    }
}

/// Every language of the page, in the switcher's order. German first: it is the default.
pub const LANGUAGES: [Language; 7] = [
    language("de", "Deutsch", "de", false, "de"),
    language("ls", "Leichte Sprache", "de", false, "de-x-ls"),
    language("en", "English", "en", false, "en"),
    language("tr", "Türkçe", "tr", false, "tr"),
    language("ar", "العربية", "ar", true, "ar"),
    language("uk", "Українська", "uk", false, "uk"),
    language("ru", "Русский", "ru", false, "ru"),
];

/// The language with this switcher code, if the page speaks it.
pub fn language_by_code(code: &str) -> Option<&'static Language> {
    LANGUAGES.iter().find(|l| l.code == code)
}

/// The first of the reader's preferred languages (as the browser lists them, e.g.
/// `["tr-TR", "de"]`) that the page speaks, by primary subtag; German if none.
pub fn preferred<'a>(tags: impl IntoIterator<Item = &'a str>) -> &'static Language {
    tags.into_iter()
        .find_map(|t| {
            let primary = t.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
            // "ls" is not a browser language; Leichte Sprache is chosen on the page.
            LANGUAGES.iter().find(|l| l.code == primary && l.code != "ls")
        })
        .unwrap_or(&LANGUAGES[0])
}

/// A text split at its `{}`: before and after; without `{}`, all is before. (A char
/// search: a string pattern pulls a substring searcher into the page's wasm.)
pub fn split_at_slot(t: &str) -> (&str, &str) {
    let mut from = 0;
    while let Some(i) = t[from..].find('{').map(|i| from + i) {
        if t[i + 1..].starts_with('}') {
            return (&t[..i], &t[i + 2..]);
        }
        from = i + 1;
    }
    (t, "")
}

/// A key of the page's words: an index into the tables generated from `i18n/de.json`
/// (see `build.rs`). Use the constants of [`k`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(pub usize);

/// A key of the words only the pages beside the overview say (the accessibility
/// statement, a notice's page); [`Words::more`] reads them, so the overview's wasm, which
/// never calls it, carries none of their German texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MoreKey(pub usize);

include!(concat!(env!("OUT_DIR"), "/words_table.rs"));

/// One language's words.
#[derive(Debug)]
pub struct Words {
    pub language: &'static Language,
    /// The texts by key ([`Key`]s, then [`MoreKey`]s); a missing or empty one is said in
    /// German. Empty for German.
    own: Vec<String>,
}

impl PartialEq for Words {
    fn eq(&self, other: &Self) -> bool {
        self.language == other.language
    }
}

/// Why a translation file was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordsError(pub String);

impl Words {
    /// The German words (built in).
    pub fn german() -> &'static Words {
        static GERMAN_WORDS: Words = Words {
            language: &LANGUAGES[0],
            own: Vec::new(),
        };
        &GERMAN_WORDS
    }

    /// A language's words as the page fetches them (`i18n/<code>.json` in the built
    /// site): a JSON array of [`KEYS_VERSION`] and then the texts in key order, which the
    /// build writes from the translators' files (scripts/words.mjs). A file written for
    /// other keys (a cached one from an older release) is refused: its texts would stand
    /// in the wrong places. Kept for the life of the page.
    pub fn load(language: &'static Language, source: &str) -> Result<&'static Words, WordsError> {
        let Ok(Value::Array(texts)) = json::from_str(source) else {
            return Err(WordsError("not a JSON array".into()));
        };
        let mut texts = texts.iter().map(|t| t.as_str().map(str::to_string));
        if texts.len() != COUNT + MORE_COUNT + 1 || texts.next().flatten().as_deref() != Some(KEYS_VERSION) {
            return Err(WordsError("written for other keys".into()));
        }
        let own = texts
            .map(|t| t.ok_or(WordsError("not a text".into())))
            .collect::<Result<Vec<String>, WordsError>>()?;
        Ok(Self::keep(language, own))
    }

    /// A language's words from its translators' file (`i18n/<code>.json`: an object of
    /// texts by key name), for the command and the tests. Unknown keys are an error.
    pub fn from_object(language: &'static Language, source: &str) -> Result<&'static Words, WordsError> {
        let Ok(Value::Object(map)) = json::from_str(source) else {
            return Err(WordsError("not a JSON object".into()));
        };
        let mut own = vec![String::new(); COUNT + MORE_COUNT];
        for (key, value) in map.iter() {
            let i = KEYS
                .iter()
                .chain(&MORE_KEYS)
                .position(|k| *k == key)
                .ok_or_else(|| WordsError(format!("{key}: no such key")))?;
            own[i] = value
                .as_str()
                .ok_or_else(|| WordsError(format!("{key}: not a text")))?
                .to_string();
        }
        Ok(Self::keep(language, own))
    }

    fn keep(language: &'static Language, own: Vec<String>) -> &'static Words {
        if language.code == "de" {
            return Self::german();
        }
        Box::leak(Box::new(Words { language, own }))
    }

    /// The text for `key`; in German if this language lacks it.
    pub fn get(&'static self, key: Key) -> &'static str {
        match self.own.get(key.0) {
            Some(t) if !t.is_empty() => t,
            _ => GERMAN[key.0],
        }
    }

    /// The text for `key` of the pages beside the overview; in German if this language
    /// lacks it.
    pub fn more(&'static self, key: MoreKey) -> &'static str {
        match self.own.get(COUNT + key.0) {
            Some(t) if !t.is_empty() => t,
            _ => GERMAN_MORE[key.0],
        }
    }

    /// Whether this language's own file gives the `i`-th key of its file (for the
    /// completeness tests): [`KEYS`], then [`MORE_KEYS`].
    pub fn has(&self, i: usize) -> bool {
        self.own.get(i).is_some_and(|t| !t.is_empty())
    }

    /// The text for `key` split at its `{}`: what comes before and after the value a
    /// view places there. Without `{}`, everything is "before".
    pub fn around(&'static self, key: Key) -> (&'static str, &'static str) {
        split_at_slot(self.get(key))
    }

    /// The text for `key` with `value` in place of its `{}`.
    pub fn fill(&'static self, key: Key, value: &str) -> String {
        let (before, after) = self.around(key);
        format!("{before}{value}{after}")
    }

    /// Each digit 0–9 as this language writes it in dates and times.
    pub fn digits(&'static self, s: &str) -> String {
        let digits: Vec<char> = self.get(k::DIGITS).chars().collect();
        if digits.len() != 10 || digits[0] == '0' {
            return s.to_string();
        }
        s.chars()
            .map(|c| c.to_digit(10).map_or(c, |d| digits[d as usize]))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_is_built_in() {
        let de = Words::german();
        assert_eq!(de.get(k::BANNER_OK_HEADING), "Alles funktioniert");
        assert_eq!(de.around(k::WHEN_SINCE), ("seit ", ""));
        assert_eq!(KEYS[k::BANNER_OK_HEADING.0], "banner.ok.heading");
    }

    #[test]
    fn splits_at_the_first_empty_braces_only() {
        assert_eq!(split_at_slot("seit {}"), ("seit ", ""));
        assert_eq!(split_at_slot("{x} {} {}"), ("{x} ", " {}"));
        assert_eq!(split_at_slot("{"), ("{", ""));
        assert_eq!(split_at_slot("kein Platz"), ("kein Platz", ""));
    }

    #[test]
    fn a_missing_key_is_said_in_german() {
        let en = language_by_code("en").unwrap();
        let w = Words::from_object(en, r#"{"banner.ok.heading": "All working"}"#).unwrap();
        assert_eq!(w.get(k::BANNER_OK_HEADING), "All working");
        assert_eq!(w.get(k::STATE_OK), "Funktioniert");
        let mut texts = vec![String::new(); COUNT + MORE_COUNT];
        texts[k::STATE_OK.0] = "Working".into();
        let quoted: Vec<String> = texts.iter().map(|t| format!("\"{t}\"")).collect();
        let array = format!("[\"{KEYS_VERSION}\",{}]", quoted.join(","));
        let w = Words::load(en, &array).unwrap();
        assert_eq!(w.get(k::STATE_OK), "Working");
        assert_eq!(w.get(k::BANNER_OK_HEADING), "Alles funktioniert");
    }

    #[test]
    fn a_broken_file_is_refused() {
        let en = language_by_code("en").unwrap();
        assert!(Words::load(en, "{}").is_err());
        assert!(Words::load(en, "[1]").is_err());
        assert!(Words::from_object(en, r#"{"a": "b"}"#).is_err());
        assert!(Words::from_object(en, r#"{"state.ok": 1}"#).is_err());
        assert!(Words::load(en, "[").is_err());
        // Written for other keys: too short, or another version first.
        let texts = vec!["\"x\""; COUNT + MORE_COUNT];
        let version = |v: &str, texts: &[&str]| format!("[\"{v}\",{}]", texts.join(","));
        assert!(Words::load(en, &version(KEYS_VERSION, &texts[1..])).is_err());
        assert!(Words::load(en, &version("0000000000000000", &texts)).is_err());
        assert!(Words::load(en, &version(KEYS_VERSION, &texts)).is_ok());
    }

    #[test]
    fn the_browser_preference_picks_the_first_language_the_page_speaks() {
        assert_eq!(preferred(["fr-FR", "tr-TR", "de"]).code, "tr");
        assert_eq!(preferred(["AR"]).code, "ar");
        assert_eq!(preferred(["fr"]).code, "de");
        assert_eq!(preferred(["ls"]).code, "de");
    }
}
