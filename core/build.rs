//! Turns `i18n/de.json` (the page's German words, key → text) into Rust: a constant per
//! key (`k::BANNER_OK_HEADING`, an index), the German texts in that order, and the keys'
//! names. The page's wasm then carries the German texts but no key names, and a
//! misspelt key does not compile.
//!
//! Two tables: the words of every page ([`Key`]), and those only the pages beside the
//! overview say ([`MoreKey`]: the accessibility statement, a notice's page, printing), so
//! the overview's wasm does not carry them. Each in the keys' sorted order, the every-page
//! keys first; the build turns the other languages' files into arrays in the same order
//! (scripts/words.mjs, which splits the keys by the same rule).

use std::fmt::Write as _;

/// Words only the pages beside the overview say (the same rule is in scripts/words.mjs).
fn only_beside_the_overview(key: &str) -> bool {
    let page_link = key == "a11y.link" || key == "archive.link";
    !page_link
        && ["a11y.", "archive.", "incident.", "print."]
            .iter()
            .any(|p| key.starts_with(p))
}

fn constant(key: &str) -> String {
    key.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect()
}

fn main() {
    let source = "../i18n/de.json";
    println!("cargo::rerun-if-changed={source}");
    let text = std::fs::read_to_string(source).expect("i18n/de.json");
    let words: std::collections::BTreeMap<String, String> =
        serde_json::from_str(&text).expect("i18n/de.json: an object of texts");
    type Pairs<'a> = Vec<(&'a String, &'a String)>;
    let (more, every): (Pairs, Pairs) = words.iter().partition(|(k, _)| only_beside_the_overview(k));

    let mut out = String::new();
    out.push_str("/// Every key of the page's words: an index into [`GERMAN`] (or [`GERMAN_MORE`]).\npub mod k {\n    use super::{Key, MoreKey};\n");
    for (i, (key, _)) in every.iter().enumerate() {
        writeln!(out, "    pub const {}: Key = Key({i});", constant(key)).unwrap();
    }
    for (i, (key, _)) in more.iter().enumerate() {
        writeln!(out, "    pub const {}: MoreKey = MoreKey({i});", constant(key)).unwrap();
    }
    out.push_str("}\n");
    fn list<'a>(part: &[(&'a String, &'a String)], texts: bool) -> Vec<&'a String> {
        part.iter().map(|(k, t)| if texts { *t } else { *k }).collect()
    }
    writeln!(
        out,
        "/// How many keys every page has.\npub const COUNT: usize = {};",
        every.len()
    )
    .unwrap();
    writeln!(
        out,
        "/// How many keys only the pages beside the overview have.\npub const MORE_COUNT: usize = {};",
        more.len()
    )
    .unwrap();
    writeln!(
        out,
        "/// The German texts, by key.\npub const GERMAN: [&str; COUNT] = {:?};",
        list(&every, true)
    )
    .unwrap();
    writeln!(out, "/// The German texts only the pages beside the overview say.\npub const GERMAN_MORE: [&str; MORE_COUNT] = {:?};", list(&more, true)).unwrap();
    writeln!(
        out,
        "/// The keys' names, by key (for files that name them).\npub const KEYS: [&str; COUNT] = {:?};",
        list(&every, false)
    )
    .unwrap();
    writeln!(out, "/// The names of the keys only the pages beside the overview have.\npub const MORE_KEYS: [&str; MORE_COUNT] = {:?};", list(&more, false)).unwrap();
    // FNV-1a (64 bit) of the keys in file order (every-page keys, then the others), each
    // followed by a line break: what a words file written for exactly these keys starts
    // with (scripts/words.mjs computes it too).
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in every
        .iter()
        .chain(&more)
        .flat_map(|(k, _)| k.bytes().chain([b'\n']))
    {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    writeln!(out, "/// Which keys, in which order, a words file was written for.\npub const KEYS_VERSION: &str = \"{hash:016x}\";").unwrap();
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("words_table.rs");
    std::fs::write(dest, out).expect("write words_table.rs");
}
