//! What the visitor chose: the page's language and their region.
//!
//! Language: `?lang=`, else the one chosen before in this browser, else the browser's
//! preference, else German. The words of a
//! language other than German are fetched (`i18n/<code>.json`) only when it is chosen,
//! at the same time as the feed. Region: `?region=` (kept in the address, so a link
//! shares it), else the one remembered in this browser; `?region=alle` forgets it.
//! The choice is remembered in `localStorage` only, never sent anywhere.

use crate::feed_source::fetch_feed;
use crate::storage;
use wasm_bindgen::JsCast;
use wegweiser_core::words::{k, language_by_code, preferred, Key, Language, Words};

/// The `localStorage` key of the remembered region.
pub const REGION_KEY: &str = "wegweiser.region";
/// `?region=` value that shows every region (and forgets the remembered one).
pub const ALL_REGIONS: &str = "alle";

/// The `localStorage` key of the chosen language.
pub const LANGUAGE_KEY: &str = "wegweiser.lang";

/// The page's language: from `?lang=` (remembered from now on, so every link of the
/// page keeps it), else the one chosen before, else the browser's preference.
pub fn language(query_lang: Option<&str>) -> &'static Language {
    if let Some(l) = query_lang.and_then(language_by_code) {
        storage::set(LANGUAGE_KEY, l.code);
        return l;
    }
    if let Some(l) = storage::get(LANGUAGE_KEY).as_deref().and_then(language_by_code) {
        return l;
    }
    let tags: Vec<String> = web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|list| list.iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default();
    preferred(tags.iter().map(String::as_str))
}

/// The region to show: `?region=` (remembered from now on), else the remembered one.
pub fn region(query_region: Option<&str>) -> Option<String> {
    match query_region.map(str::trim) {
        Some(ALL_REGIONS) | Some("") => {
            storage::remove(REGION_KEY);
            None
        }
        Some(id) => {
            storage::set(REGION_KEY, id);
            Some(id.to_string())
        }
        None => storage::get(REGION_KEY),
    }
}

/// The words of `language`: German at once, another language from its file (German
/// if that cannot be had: the page must say something, and German is its default).
pub async fn words(language: &'static Language, timeout: u32) -> &'static Words {
    if language.code == "de" {
        return Words::german();
    }
    match fetch_feed(&format!("i18n/{}.json", language.code), timeout, false).await {
        Ok(text) => Words::load(language, &text).unwrap_or(Words::german()),
        Err(_) => Words::german(),
    }
}

/// The words of the page's static frame (index.html), by their `data-w` mark.
pub const FRAME: [(&str, Key); 9] = [
    ("page.skip", k::PAGE_SKIP),
    ("page.languages", k::PAGE_LANGUAGES),
    ("page.heading", k::PAGE_HEADING),
    ("page.lead", k::PAGE_LEAD),
    ("page.embed.heading", k::PAGE_EMBED_HEADING),
    ("page.embed.text", k::PAGE_EMBED_TEXT),
    ("page.embed.link", k::PAGE_EMBED_LINK),
    ("a11y.link", k::A11Y_LINK),
    ("archive.link", k::ARCHIVE_LINK),
];

/// Puts the page's frame — `<html lang dir>`, the title, and every element marked
/// `data-w="key"` (header, skip link, footer) — into the words' language, and marks
/// the current language in the switcher.
pub fn apply_to_frame(words: &'static Words) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let language = words.language;
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", language.html_lang);
        let _ = html.set_attribute("dir", language.dir());
    }
    let own_page = document.body().is_some_and(|b| b.has_attribute("data-page"));
    if language.code != "de" {
        // The overview's title; a page beside it keeps its own (German) title.
        if !own_page {
            document.set_title(words.get(k::PAGE_TITLE));
        }
        if let Ok(marked) = document.query_selector_all("[data-w]") {
            for i in 0..marked.length() {
                let Some(el) = marked.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else {
                    continue;
                };
                let name = el.get_attribute("data-w").unwrap_or_default();
                if let Some(&(_, key)) = FRAME.iter().find(|(n, _)| *n == name) {
                    let text = words.get(key);
                    match el.get_attribute("data-w-attr") {
                        Some(attr) => {
                            let _ = el.set_attribute(&attr, text);
                        }
                        None => el.set_text_content(Some(text)),
                    }
                }
            }
        }
    }
    if let Ok(links) = document.query_selector_all(".languages a[data-lang]") {
        for i in 0..links.length() {
            let Some(a) = links.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else {
                continue;
            };
            let _ = match a.get_attribute("data-lang").as_deref() == Some(language.code) {
                true => a.set_attribute("aria-current", "true"),
                false => a.remove_attribute("aria-current"),
            };
        }
    }
}

/// Makes each language's link keep the rest of the address (`id=`, `at=`), on the pages
/// beside the overview: a notice's page in another language is the same notice. (The
/// overview needs nothing kept: the region is remembered, `at=` is an operator's.)
pub fn keep_address_in_language_links() {
    let Some(window) = web_sys::window() else { return };
    let search = window.location().search().unwrap_or_default();
    let Some(links) = window
        .document()
        .and_then(|d| d.query_selector_all(".languages a[data-lang]").ok())
    else {
        return;
    };
    for i in 0..links.length() {
        let Some(a) = links.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else {
            continue;
        };
        let Some(code) = a.get_attribute("data-lang") else {
            continue;
        };
        if let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) {
            params.set("lang", &code);
            let _ = a.set_attribute("href", &format!("?{}", String::from(params.to_string())));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wegweiser_core::words::KEYS;

    #[test]
    fn each_mark_of_the_frame_names_its_key() {
        for (name, key) in FRAME {
            assert_eq!(KEYS[key.0], name);
        }
        let page = include_str!("../index.html");
        for mark in page
            .split("data-w=\"")
            .skip(1)
            .filter_map(|r| r.split('"').next())
        {
            assert!(
                FRAME.iter().any(|(n, _)| *n == mark),
                "index.html: data-w=\"{mark}\" is not in FRAME"
            );
        }
    }
}
