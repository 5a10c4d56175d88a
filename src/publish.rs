//! Static-first publishing: the state at publish time, rendered by the page's own
//! components into plain HTML, written into the built page.
//!
//! The browser then paints the notices from the first response, before any script,
//! wasm or feed has arrived; the app takes that HTML over (see [`crate::slot`]) and
//! changes it only where the feed or the time changed it. The same HTML, without the
//! app's scripts, is the page for visitors without JavaScript (`stand.html`).
//!
//! Native only: the `wegweiser publish` and `wegweiser snapshot` commands call this.
//! Nothing here decides what the page says — that is the core's [`PageModel`] and the
//! components, exactly as in the browser.

use crate::components::{StatusPage, Widget};
use crate::{FRESH_UNTIL_ATTR, PUBLISHED_ATTR};
use leptos::prelude::*;
use std::sync::Arc;
use wegweiser_core::present::{Choice, PageModel, When};
use wegweiser_core::widget::{WidgetModel, WidgetParams};
use wegweiser_core::{Feed, LastKnown, Problem, Time, Words};

/// Marks the part of `index.html` that publishing replaces (kept, so that a page can be
/// published again with a newer feed).
pub const STATE_START: &str = "<!--wegweiser:state-->";
pub const STATE_END: &str = "<!--/wegweiser:state-->";
/// The script-free page, linked from the published page's `<noscript>`.
pub const SNAPSHOT_FILE: &str = "stand.html";

/// Why a page could not be published.
#[derive(Debug)]
pub enum PublishError {
    /// The feed has errors; a broken feed is never published as the current state.
    Feed(Vec<Problem>),
    /// The page has no `<!--wegweiser:state-->…<!--/wegweiser:state-->` part.
    NoStateMarkers,
}

impl std::fmt::Display for PublishError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PublishError::Feed(problems) => {
                let errors = problems.iter().filter(|p| p.is_error()).count();
                write!(f, "the feed has {errors} error(s); run `wegweiser check` on it")
            }
            PublishError::NoStateMarkers => write!(
                f,
                "the page has no {STATE_START} … {STATE_END} part to fill; publish the index.html that `make build` writes"
            ),
        }
    }
}

impl std::error::Error for PublishError {}

/// A published page and its script-free twin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// The page with the state in place of the loading text; the app takes it over.
    pub page: String,
    /// The same page without scripts or preloads: complete on its own.
    pub snapshot: String,
}

/// The state's HTML: what the app's `#app` element holds once it has shown `model`.
pub fn state_html(model: PageModel, feed: Arc<Feed>) -> String {
    let html = view! {
        <p class="announce visually-hidden" role="status" aria-live="polite"></p>
        <div class="live"><StatusPage model feed /></div>
    }
    .to_html();
    without_text_marks(&html)
}

/// Leptos separates adjacent dynamic texts with empty comments for hydration; the HTML
/// parser joins the texts anyway, and without them the published DOM equals the one the
/// app builds, so the app can tell that nothing changed.
fn without_text_marks(html: &str) -> String {
    html.replace("<!>", "")
}

/// `page` with `state` in place of its `part` (from [`state_part`]), and the feed's
/// preload kept only for a feed of at most [`PRELOAD_MAX_BYTES`].
fn with_state(page: &str, (start, end): (usize, usize), state: &str, feed_text: &str) -> String {
    let page = format!("{}{state}{}", &page[..start], &page[end..]);
    with_feed_preload(&page, feed_text.len() <= PRELOAD_MAX_BYTES)
}

/// Publishes the feed `feed_text`, as it stands at `at`, into `page` (the built
/// `index.html`, or an already published one). `preview` marks the state as a preview
/// of another instant, as `?at=` does in the browser.
pub fn publish(page: &str, feed_text: &str, at: Time, preview: bool) -> Result<Published, PublishError> {
    let part = state_part(page)?;
    let known = known_at(feed_text, at)?;
    let (Some(model), Some(feed)) = (
        known.page(
            at,
            Choice {
                words: Words::german(),
                region: None,
            },
            preview,
        ),
        known.feed().cloned(),
    ) else {
        return Err(PublishError::Feed(Vec::new()));
    };
    let published = When::of(&at, Words::german());
    let fresh_until = When::of(&feed.stale_after(), Words::german()).machine;
    let state = format!(
        "{STATE_START}\n    <div id=\"app\" {PUBLISHED_ATTR}=\"{machine}\" {FRESH_UNTIL_ATTR}=\"{fresh_until}\">{live}</div>\n    \
         <noscript><p class=\"note\" role=\"note\">Diese Seite zeigt den Stand vom \
         <time datetime=\"{machine}\">{label}</time>. Ohne JavaScript erneuert sie sich nicht \
         von selbst: Laden Sie sie neu, um neuere Meldungen zu sehen. \
         <a href=\"{SNAPSHOT_FILE}\">Fassung ohne Skripte</a></p></noscript>\n    {STATE_END}",
        machine = published.machine,
        label = published.label,
        live = state_html(model, feed),
    );
    let page = with_state(page, part, &state, feed_text);
    let snapshot = without_scripts(&page);
    Ok(Published { page, snapshot })
}

/// Publishes the feed `feed_text`, as it stands at `at`, into the widget's page
/// (`embed.html`): the widget as it shows every service and region in German, which is
/// what `embed.html` shows without a choice in its address (`data-preview` if it is a
/// preview of `at`). The page's own script puts the loading text back in its place,
/// before the first paint, when the address asks for another choice or instant
/// (`widget/embed-body.html`).
pub fn publish_widget(page: &str, feed_text: &str, at: Time, preview: bool) -> Result<String, PublishError> {
    let part = state_part(page)?;
    let known = known_at(feed_text, at)?;
    let params = WidgetParams::read(|_| None);
    let Some(model) = known.widget(at, &params, preview) else {
        return Err(PublishError::Feed(Vec::new()));
    };
    let published = When::of(&at, Words::german());
    let fresh_until = known
        .feed()
        .map(|feed| When::of(&feed.stale_after(), Words::german()).machine)
        .unwrap_or_default();
    let state = format!(
        "{STATE_START}\n    <div id=\"app\" {PUBLISHED_ATTR}=\"{machine}\" {FRESH_UNTIL_ATTR}=\"{fresh_until}\"{preview}>{live}</div>\n    \
         <noscript><p>Dieser Hinweis zeigt den Stand vom <time datetime=\"{machine}\">{label}</time>. \
         Ohne JavaScript erneuert er sich nicht von selbst.</p>\
         <p><a href=\"./\" target=\"_blank\" rel=\"noopener noreferrer\">Zur Wegweiser-Seite (öffnet in neuem Fenster)</a></p></noscript>\n    {STATE_END}",
        machine = published.machine,
        label = published.label,
        preview = if preview { " data-preview" } else { "" },
        live = widget_html(model),
    );
    Ok(with_state(page, part, &state, feed_text))
}

/// The widget's HTML: what `#app` holds once the widget app has shown `model`.
pub fn widget_html(model: WidgetModel) -> String {
    without_text_marks(
        &view! { <div class="widget__live" aria-live="polite"><Widget model /></div> }.to_html(),
    )
}

/// Where the part between the state markers starts and where it ends (after the end
/// marker).
fn state_part(page: &str) -> Result<(usize, usize), PublishError> {
    match (page.find(STATE_START), page.find(STATE_END)) {
        (Some(start), Some(end)) if start <= end => Ok((start, end + STATE_END.len())),
        _ => Err(PublishError::NoStateMarkers),
    }
}

/// The feed as it stands at `at`, checked; a feed with errors is never published.
fn known_at(feed_text: &str, at: Time) -> Result<LastKnown, PublishError> {
    let mut known = LastKnown::new();
    known
        .arrived(feed_text.to_string(), at)
        .map_err(PublishError::Feed)?;
    Ok(known)
}

/// Feeds up to this size are fetched with the page (`<link rel="preload">`, written by
/// the build from `<meta name="wegweiser-feed">` into `<template id="preloads">`, which
/// the page issues with the HTML on a slow line, and on a fast one when the app starts,
/// after the first paint — scripts/loader.mjs). On a slow line a larger one would share
/// the line with the stylesheet and the app's own download for little gain: its download
/// dwarfs the second the preload could save. (Measured when every line preloaded with
/// the HTML: a 9 MB feed put the first paint 36 ms later on a fast line.) So the app
/// fetches it once it runs.
pub const PRELOAD_MAX_BYTES: usize = 1_000_000;

/// Where the build keeps the preloads the page issues when the line allows.
const PRELOADS: &str = "<template id=\"preloads\">";

/// The page with the feed's preload (`keep`) or without it. A new one goes first into
/// the page's [`PRELOADS`], or after its `<meta name="wegweiser-feed">` if it has none.
fn with_feed_preload(page: &str, keep: bool) -> String {
    const META: &str = "<meta name=\"wegweiser-feed\" content=\"";
    let Some(href) = page
        .find(META)
        .map(|i| &page[i + META.len()..])
        .and_then(|rest| rest.split('"').next())
    else {
        return page.to_string();
    };
    let link = format!("\n  <link rel=\"preload\" as=\"fetch\" href=\"{href}\" crossorigin>");
    match (keep, page.contains(&link)) {
        (false, true) => page.replacen(&link, "", 1),
        (true, false) => {
            let after = page.find(PRELOADS).map(|i| i + PRELOADS.len()).or_else(|| {
                page.find(META)
                    .and_then(|i| page[i..].find('>').map(|e| i + e + 1))
            });
            match after {
                Some(at) => format!("{}{link}{}", &page[..at], &page[at..]),
                None => page.to_string(),
            }
        }
        _ => page.to_string(),
    }
}

/// The page without `<script>` elements and the preloads that only the app needs (its
/// [`PRELOADS`] included).
fn without_scripts(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let tag_end = rest.find('>').map_or(rest.len(), |e| e + 1);
        let tag = &rest[..tag_end];
        if tag.starts_with("<script") || tag == PRELOADS {
            let end_tag = if tag == PRELOADS {
                "</template>"
            } else {
                "</script>"
            };
            let close = rest.find(end_tag).map_or(rest.len(), |e| e + end_tag.len());
            rest = &rest[close..];
        } else if tag.starts_with("<link")
            && (tag.contains("rel=\"modulepreload\"") || tag.contains("rel=\"preload\""))
        {
            rest = &rest[tag_end..];
        } else {
            out.push_str(tag);
            rest = &rest[tag_end..];
        }
    }
    out.push_str(rest);
    // Empty lines left where the removed elements stood.
    out.lines()
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = include_str!("../feed/feed.json");
    const TEMPLATE: &str = "<html><head>\n<script type=\"module\">import x from '/a.js';</script>\n<link rel=\"modulepreload\" href=\"/a.js\">\n<link rel=\"stylesheet\" href=\"/s.css\">\n</head><body><main>\n<!--wegweiser:state--><div id=\"app\">Lädt</div><!--/wegweiser:state-->\n</main></body></html>\n";

    fn at(s: &str) -> Time {
        wegweiser_core::rfc3339::parse(s).expect("a valid time in the test")
    }

    #[test]
    fn the_published_page_carries_the_notice_and_its_numbers() {
        let p = publish(TEMPLATE, SAMPLE, at("2025-06-13T10:00:00+02:00"), true)
            .expect("the sample feed publishes");
        assert!(p.page.contains("data-published=\"2025-06-13T10:00:00+02:00\""));
        assert!(p.page.contains("class=\"notice"), "{}", p.page);
        assert!(p.page.contains("href=\"tel:116117\""));
        assert!(!p.page.contains("Lädt"));
        assert!(!p.page.contains("<!>"));
        assert!(p.page.contains("<script"));
        assert!(p.page.contains(STATE_START) && p.page.contains(STATE_END));
    }

    #[test]
    fn publishing_again_replaces_the_earlier_state() {
        let first = publish(TEMPLATE, SAMPLE, at("2025-06-13T10:00:00+02:00"), true).expect("publishes");
        let again =
            publish(&first.page, SAMPLE, at("2021-11-22T10:30:00+01:00"), true).expect("publishes again");
        assert_eq!(again.page.matches(STATE_START).count(), 1);
        assert!(again
            .page
            .contains("data-published=\"2021-11-22T10:30:00+01:00\""));
        assert!(!again.page.contains("2025-06-13T10:00:00+02:00\""));
    }

    #[test]
    fn the_snapshot_has_no_scripts_but_the_same_state() {
        let p = publish(TEMPLATE, SAMPLE, at("2025-06-13T10:00:00+02:00"), true).expect("publishes");
        assert!(!p.snapshot.contains("<script"));
        assert!(!p.snapshot.contains("modulepreload"));
        assert!(p.snapshot.contains("rel=\"stylesheet\""));
        let state = |s: &str| s[s.find(STATE_START).unwrap_or(0)..s.find(STATE_END).unwrap_or(0)].to_string();
        assert_eq!(state(&p.page), state(&p.snapshot));
    }

    #[test]
    fn feed_markup_is_published_as_text() {
        let hostile = include_str!("../core/tests/hostile/html-in-texts.json");
        let p = publish(TEMPLATE, hostile, at("2021-11-22T10:30:00+01:00"), true)
            .expect("markup in texts is text, so the feed publishes");
        let state = &p.page[p.page.find(STATE_START).unwrap_or(0)..];
        assert!(state.contains("&lt;script&gt;alert("), "{state}");
        assert!(!state.contains("<script"), "{state}");
        assert!(!state.contains("<img"), "{state}");
        assert!(!state.contains("<svg"), "{state}");
        // Escaped once, not twice: the feed's own "&amp;" reads "&amp;" on the page.
        assert!(state.contains("&amp;amp;"), "{state}");
    }

    #[test]
    fn a_large_feed_is_not_preloaded_and_a_small_one_is_again() {
        let link = "<link rel=\"preload\" as=\"fetch\" href=\"feed.json\" crossorigin>";
        let meta = "<meta name=\"wegweiser-feed\" content=\"feed.json\">";
        let body = "</head><body>\n<!--wegweiser:state--><!--/wegweiser:state-->\n</body>";
        // As the build writes it (a script issues the template's preloads), and a page
        // whose feed preload is a plain link after the meta.
        let in_template = format!(
            "<head>\n  {meta}\n  {PRELOADS}\n  {link}\n  <link rel=\"preload\" href=\"/a_bg.wasm\">\n  </template>\n  <script>go()</script>\n{body}"
        );
        let plain = format!("<head>\n  {meta}\n  {link}\n{body}");
        let padded = SAMPLE.replacen(
            '{',
            &format!("{{\"$comment\": \"{}\",", "x".repeat(PRELOAD_MAX_BYTES)),
            1,
        );
        let when = at("2025-06-13T10:00:00+02:00");
        for page in [in_template, plain] {
            let small = publish(&page, SAMPLE, when, true).expect("publishes");
            assert_eq!(small.page.matches(link).count(), 1);
            let large = publish(&page, &padded, when, true).expect("publishes");
            assert!(!large.page.contains(link), "{}", &large.page[..300]);
            let again = publish(&large.page, SAMPLE, when, true).expect("publishes");
            assert_eq!(again.page.matches(link).count(), 1);
            assert!(again.page.find(meta) < again.page.find(link));
            if page.contains(PRELOADS) {
                let inside = again.page.find(PRELOADS) < again.page.find(link)
                    && again.page.find(link) < again.page.find("</template>");
                assert!(
                    inside,
                    "the feed's preload goes back into the template: {}",
                    again.page
                );
                assert!(!again.snapshot.contains("preload"), "{}", again.snapshot);
                assert!(!again.snapshot.contains("<template"), "{}", again.snapshot);
            }
        }
    }

    #[test]
    fn a_broken_feed_is_not_published() {
        match publish(TEMPLATE, "{", at("2025-06-13T10:00:00+02:00"), false) {
            Err(PublishError::Feed(problems)) => assert!(!problems.is_empty()),
            other => panic!("expected the feed's problems, got {other:?}"),
        }
    }

    const WIDGET_TEMPLATE: &str = "<html><head></head><body><main>\n<!--wegweiser:state--><div id=\"app\"></div><noscript>Ohne JavaScript</noscript><!--/wegweiser:state-->\n<template id=\"loading\">Lädt</template></main></body></html>\n";

    #[test]
    fn the_published_widget_carries_the_notice_and_its_numbers() {
        let page = publish_widget(WIDGET_TEMPLATE, SAMPLE, at("2025-06-13T10:00:00+02:00"), true)
            .expect("the sample feed publishes");
        assert!(page.contains("<div id=\"app\" data-published=\"2025-06-13T10:00:00+02:00\" data-fresh-until=\"2025-06-13T14:50:00+02:00\" data-preview><div aria-live=\"polite\" class=\"widget__live\">"), "{page}");
        assert!(page.contains("class=\"notice widget__notice"), "{page}");
        assert!(page.contains("href=\"tel:116117\""));
        assert!(page.contains("Dieser Hinweis zeigt den Stand vom"));
        assert!(!page.contains("Ohne JavaScript<"));
        assert!(!page.contains("<!>"));
        assert!(page.contains("<template id=\"loading\">Lädt</template>"));
        let again =
            publish_widget(&page, SAMPLE, at("2021-11-22T10:30:00+01:00"), true).expect("publishes again");
        assert_eq!(again.matches(STATE_START).count(), 1);
        assert!(!again.contains("2025-06-13T10:00:00+02:00\""));
    }

    #[test]
    fn a_broken_feed_is_not_published_into_the_widget_either() {
        assert!(matches!(
            publish_widget(WIDGET_TEMPLATE, "{", at("2025-06-13T10:00:00+02:00"), false),
            Err(PublishError::Feed(_))
        ));
        assert!(matches!(
            publish_widget("<html></html>", SAMPLE, at("2025-06-13T10:00:00+02:00"), false),
            Err(PublishError::NoStateMarkers)
        ));
    }

    #[test]
    fn a_page_without_markers_is_refused() {
        assert!(matches!(
            publish("<html></html>", SAMPLE, at("2025-06-13T10:00:00+02:00"), false),
            Err(PublishError::NoStateMarkers)
        ));
    }
}
