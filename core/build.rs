//! Turns `i18n/de.json` (the page's German words, key → text) into Rust: a constant per
//! key (`k::BANNER_OK_HEADING`, an index), the German texts in that order, and the keys'
//! names. The page's wasm then carries the German texts but no key names, and a
//! misspelt key does not compile. The order is the keys' sorted order; the build turns
//! the other languages' files into arrays in the same order (scripts/words.mjs).

use std::fmt::Write as _;

fn main() {
    let source = "../i18n/de.json";
    println!("cargo::rerun-if-changed={source}");
    let text = std::fs::read_to_string(source).expect("i18n/de.json");
    let words: std::collections::BTreeMap<String, String> =
        serde_json::from_str(&text).expect("i18n/de.json: an object of texts");
    let mut out = String::new();
    out.push_str("/// Every key of the page's words, as an index into [`GERMAN`] and [`KEYS`].\npub mod k {\n    use super::Key;\n");
    for (i, key) in words.keys().enumerate() {
        let name: String = key
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_uppercase()
                } else {
                    '_'
                }
            })
            .collect();
        writeln!(out, "    pub const {name}: Key = Key({i});").unwrap();
    }
    out.push_str("}\n");
    writeln!(
        out,
        "/// How many keys there are.\npub const COUNT: usize = {};",
        words.len()
    )
    .unwrap();
    writeln!(
        out,
        "/// The German texts, by key.\npub const GERMAN: [&str; COUNT] = {:?};",
        words.values().collect::<Vec<_>>()
    )
    .unwrap();
    writeln!(
        out,
        "/// The keys' names, by key (for files that name them).\npub const KEYS: [&str; COUNT] = {:?};",
        words.keys().collect::<Vec<_>>()
    )
    .unwrap();
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("words_table.rs");
    std::fs::write(dest, out).expect("write words_table.rs");
}
