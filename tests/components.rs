//! Component tests in headless Chromium (wasm-bindgen-test): each component is mounted
//! into a fresh element with values the core prepared, then the DOM is checked.
#![cfg(target_arch = "wasm32")]

use leptos::mount::mount_to;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use wegweiser_app::components::*;
use wegweiser_app::feed_source::FetchError;
use wegweiser_core::present::{Banner, Choice, NoticeCard, PageModel};
use wegweiser_core::status::Overall;
use wegweiser_core::Words;
use wegweiser_core::{parse, Feed, Time};

wasm_bindgen_test_configure!(run_in_browser);

const SAMPLE: &str = include_str!("../feed/feed.json");

fn sample() -> Feed {
    parse(SAMPLE).feed.expect("the sample feed is valid")
}

fn at(s: &str) -> Time {
    chrono::DateTime::parse_from_rfc3339(s).expect("test time")
}

/// Mounts a view into a new `<section>` in the body and returns that element.
fn mount<V: IntoView + 'static>(f: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let document = document();
    let wrapper = document.create_element("section").expect("create element");
    document
        .body()
        .expect("body")
        .append_child(&wrapper)
        .expect("append");
    let wrapper: web_sys::HtmlElement = wrapper.unchecked_into();
    mount_to(wrapper.clone(), f).forget();
    wrapper
}

fn texts(root: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).expect("selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.text_content())
        .collect()
}

fn attrs(root: &web_sys::HtmlElement, selector: &str, attr: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).expect("selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .filter_map(|e| e.get_attribute(attr))
        .collect()
}

fn doctolib_card() -> NoticeCard {
    let feed = sample();
    let status = feed.status_at(at("2021-11-22T10:30:00+01:00"));
    let now = status
        .active
        .iter()
        .find(|a| a.incident.id == "doctolib-berlin-2021-11-22")
        .expect("Doctolib incident active at 10:30");
    NoticeCard::incident(&feed, now, Words::german(), "de")
}

#[wasm_bindgen_test]
fn banner_states_carry_words_and_a_tone_not_only_colour() {
    for (overall, tone, words) in [
        (Overall::AllWorking, "ok", "Alles funktioniert"),
        (Overall::Disrupted, "disrupted", "Störung"),
        (Overall::Outage, "outage", "Ausfall"),
        (Overall::Maintenance, "maintenance", "Wartung"),
        (Overall::Unknown, "unknown", "unbekannt"),
    ] {
        let root =
            mount(move || view! { <StatusBanner banner=Banner::for_overall(overall, Words::german()) /> });
        assert_eq!(attrs(&root, ".banner", "data-tone"), vec![tone.to_string()]);
        let heading = texts(&root, ".banner h2").join("");
        assert!(heading.contains(words), "{heading:?} lacks {words:?}");
        assert_eq!(
            attrs(&root, ".banner__icon", "aria-hidden"),
            vec!["true".to_string()]
        );
    }
}

#[wasm_bindgen_test]
fn notice_answers_what_where_since_and_links_the_hotline() {
    let card = doctolib_card();
    let root = mount(move || view! { <Notice card w=Words::german() /> });
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("seit Montag, 22.11.2021, 9:12 Uhr"), "{text}");
    assert!(text.contains("Berlin"), "region missing: {text}");
    assert!(text.contains("Was nicht geht") && text.contains("Was Sie tun können"));
    assert!(attrs(&root, "a.tel", "href").contains(&"tel:03090282200".to_string()));
    assert!(texts(&root, "a.tel").contains(&"030 90 28 22 00".to_string()));
    assert!(
        !texts(&root, ".fallback__hours").is_empty(),
        "phone hours missing"
    );
    assert_eq!(
        attrs(&root, "article", "id"),
        vec!["meldung-doctolib-berlin-2021-11-22".to_string()]
    );
    // Only updates published by 10:30 are shown, newest first.
    let times = attrs(&root, ".update time", "datetime");
    assert!(!times.is_empty());
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "{times:?}");
    assert!(
        times.iter().all(|t| t.as_str() <= "2021-11-22T10:30:00+01:00"),
        "{times:?}"
    );
}

#[wasm_bindgen_test]
fn feed_text_is_text_never_html() {
    let mut feed = sample();
    let hostile = "<img src=x onerror=\"document.body.dataset.pwned=1\"><script>alert(1)</script>";
    feed.incidents[0].text.title = wegweiser_core::Text::de(hostile);
    let status = feed.status_at(feed.incidents[0].start);
    let card = NoticeCard::incident(&feed, &status.active[0], Words::german(), "de");
    let root = mount(move || view! { <Notice card w=Words::german() /> });
    assert!(root.query_selector("img").expect("selector").is_none());
    assert!(root.query_selector("script").expect("selector").is_none());
    assert_eq!(texts(&root, "h3"), vec![hostile.to_string()]);
    assert!(document()
        .body()
        .and_then(|b| b.get_attribute("data-pwned"))
        .is_none());
}

#[wasm_bindgen_test]
fn status_page_at_the_ti_outage_shows_outage_services_and_general_numbers() {
    let feed = Arc::new(sample());
    let status = feed.status_at(at("2025-06-13T10:00:00+02:00"));
    let model = PageModel::new(&feed, &status, Words::german(), "de", true);
    let f = feed.clone();
    let root = mount(move || view! { <StatusPage model feed=f /> });
    assert_eq!(attrs(&root, ".banner", "data-tone"), vec!["outage".to_string()]);
    assert!(texts(&root, ".note--preview").join("").contains("13.06.2025"));
    let erezept = texts(&root, "[data-service=erezept-einloesen] .service__state").join("");
    assert!(erezept.contains("Ausfall"), "{erezept:?}");
    let hrefs = attrs(&root, "a.tel", "href");
    for number in ["tel:116117", "tel:112"] {
        assert!(
            hrefs.contains(&number.to_string()),
            "{number} missing in {hrefs:?}"
        );
    }
    assert!(!texts(&root, "#aktuell article").is_empty());
    assert!(root.text_content().unwrap_or_default().contains("Muster 16"));
}

#[wasm_bindgen_test]
fn stale_feed_warns_and_never_says_all_works() {
    let feed = Arc::new(sample());
    let status = feed.status_at(at("2026-11-22T12:00:00+01:00"));
    let model = PageModel::new(&feed, &status, Words::german(), "de", false);
    let f = feed.clone();
    let root = mount(move || view! { <StatusPage model feed=f /> });
    assert_eq!(attrs(&root, ".banner", "data-tone"), vec!["unknown".to_string()]);
    assert!(!root
        .text_content()
        .unwrap_or_default()
        .contains("Alles funktioniert"));
    assert!(texts(&root, ".note--stale").join("").contains("veraltet"));
}

#[wasm_bindgen_test]
fn a_failed_refresh_keeps_the_notice_and_says_since_when_the_page_could_not_update() {
    let mut known = wegweiser_core::LastKnown::new();
    let fetched = at("2021-11-22T10:30:00+01:00");
    assert!(known.arrived(SAMPLE.to_string(), fetched).is_ok());
    known.failed();
    let model = known
        .page(
            at("2021-11-22T10:35:00+01:00"),
            Choice {
                words: Words::german(),
                region: None,
            },
            true,
        )
        .expect("a page");
    let f = known.feed().cloned().expect("feed");
    let root = mount(move || view! { <StatusPage model feed=f /> });
    let note = texts(&root, ".note--warning").join("");
    assert!(
        note.contains("kann die Meldungen gerade nicht neu laden"),
        "{note}"
    );
    assert!(note.contains("Montag, 22.11.2021, 10:30 Uhr"), "{note}");
    assert_eq!(
        attrs(&root, ".note--warning time", "datetime"),
        vec!["2021-11-22T10:30:00+01:00".to_string()]
    );
    assert_eq!(texts(&root, "#meldung-doctolib-berlin-2021-11-22 h3").len(), 1);
}

#[wasm_bindgen_test]
fn a_timeout_and_a_web_page_instead_of_the_feed_are_named_for_operators() {
    for (error, detail) in [
        (FetchError::Timeout(15), "no complete answer within 15 seconds"),
        (
            FetchError::NotAFeed("text/html".to_string()),
            "answered with text/html",
        ),
    ] {
        let problem = LoadProblem::Fetch(error);
        let root = mount(move || view! { <FeedProblem problem w=Words::german() /> });
        assert!(root
            .text_content()
            .unwrap_or_default()
            .contains("nicht abgerufen werden"));
        assert!(texts(&root, "code").join("").contains(detail));
    }
}

#[wasm_bindgen_test]
fn broken_feed_is_reported_in_plain_words_with_details_for_operators() {
    let parsed = parse(r#"{"version": 1, "incidents": [{"id": "X"}]}"#);
    let problem = LoadProblem::Invalid(Arc::new(parsed.problems));
    let root = mount(move || view! { <FeedProblem problem w=Words::german() /> });
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("Status zurzeit nicht abrufbar"));
    assert!(text.contains("fehlerhaft"));
    assert!(!text.contains("Alles funktioniert"));
    let details = texts(&root, ".feed-problem__details code");
    assert!(
        details.iter().any(|d| d.starts_with("publisher: is missing")),
        "{details:?}"
    );
    assert!(
        details.iter().any(|d| d.starts_with("incidents[0].id:")),
        "{details:?}"
    );
}

#[wasm_bindgen_test]
fn unreachable_feed_is_reported_with_the_http_status() {
    let problem = LoadProblem::Fetch(FetchError::Status(404));
    let root = mount(move || view! { <FeedProblem problem w=Words::german() /> });
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("nicht abgerufen werden"));
    assert!(texts(&root, "code").join("").contains("HTTP 404"));
    assert_eq!(attrs(&root, ".banner", "data-tone"), vec!["unknown".to_string()]);
}

#[wasm_bindgen_test]
fn service_list_names_every_service_with_its_state_in_words() {
    let feed = sample();
    let status = feed.status_at(at("2021-11-22T10:30:00+01:00"));
    let model = PageModel::new(&feed, &status, Words::german(), "de", true);
    let groups = model.groups.clone();
    let root = mount(move || view! { <ServiceList groups w=Words::german() /> });
    let count: usize = feed.groups.iter().map(|g| g.services.len()).sum();
    assert_eq!(texts(&root, ".service").len(), count);
    assert!(texts(&root, "[data-service=termin-absagen] .service__state")
        .join("")
        .contains("Ausfall"));
    assert!(texts(&root, "[data-service=erezept-einloesen] .service__state")
        .join("")
        .contains("Funktioniert"));
}

fn widget_at(query: &str, instant: &str) -> wegweiser_core::widget::WidgetModel {
    let feed = sample();
    let status = feed.status_at(at(instant));
    let params = wegweiser_app::embed::params_from_query(query);
    wegweiser_core::widget::WidgetModel::new(&feed, &status, &params, true)
}

#[wasm_bindgen_test]
fn widget_outage_in_short_with_phone_links_and_the_full_page_in_a_new_window() {
    let model = widget_at(
        "?services=erezept-einloesen,gesundheitskarte-apotheke&region=berlin",
        "2025-06-13T10:00:00+02:00",
    );
    let root = mount(move || view! { <Widget model /> });
    assert_eq!(attrs(&root, ".banner", "data-tone"), vec!["outage".to_string()]);
    let banner = texts(&root, ".banner p").join("");
    assert!(banner.contains("gehen in Berlin gerade nicht"), "{banner}");
    assert_eq!(texts(&root, "article h3").len(), 1);
    assert_eq!(
        attrs(&root, "a.tel", "href"),
        vec!["tel:116117".to_string(), "tel:08000022833".to_string()]
    );
    // In short: no timeline, no long fallback details.
    assert!(root
        .query_selector(".timeline, .fallback__details")
        .expect("selector")
        .is_none());
    let link = root
        .query_selector(".widget__foot a")
        .expect("selector")
        .expect("link");
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
    assert_eq!(link.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("./?at=2025-06-13T10:00:00%2B02:00#meldung-ti-ausfall-2025-06-13")
    );
}

#[wasm_bindgen_test]
fn widget_calm_line_only_when_fresh_and_all_ids_known() {
    let calm = widget_at(
        "?services=erezept-einloesen&region=berlin",
        "2025-06-13T14:40:00+02:00",
    );
    let root = mount(move || view! { <Widget model=calm /> });
    assert_eq!(attrs(&root, ".banner", "data-tone"), vec!["ok".to_string()]);
    assert!(texts(&root, ".banner p")
        .join("")
        .contains("E-Rezept einlösen funktioniert in Berlin"));
    assert!(root.query_selector("article").expect("selector").is_none());

    for (query, instant, heading) in [
        (
            "?services=erezept-einloesen",
            "2026-01-01T12:00:00+01:00",
            "Status unbekannt",
        ),
        (
            "?services=e-rezept",
            "2025-06-13T14:40:00+02:00",
            "Hinweis falsch eingerichtet",
        ),
        (
            "?region=hamburg",
            "2025-06-13T14:40:00+02:00",
            "Hinweis falsch eingerichtet",
        ),
    ] {
        let model = widget_at(query, instant);
        let root = mount(move || view! { <Widget model /> });
        assert_eq!(
            attrs(&root, ".banner", "data-tone"),
            vec!["unknown".to_string()],
            "{query}"
        );
        assert_eq!(texts(&root, ".banner h2"), vec![heading.to_string()], "{query}");
        let text = root.text_content().unwrap_or_default();
        assert!(!text.contains("Keine Störung bekannt"), "{query}: {text}");
        assert!(
            text.contains("Fragen Sie in Ihrer Praxis oder Apotheke nach."),
            "{query}: {text}"
        );
    }
}

#[wasm_bindgen_test]
fn widget_without_a_feed_says_status_unknown_and_still_links_the_full_page() {
    let model = wegweiser_core::widget::WidgetModel::only(wegweiser_core::widget::unavailable());
    let root = mount(move || view! { <Widget model /> });
    assert_eq!(attrs(&root, ".banner", "data-tone"), vec!["unknown".to_string()]);
    let text = root.text_content().unwrap_or_default();
    assert!(
        text.contains("Status unbekannt") && text.contains("Fragen Sie in Ihrer Praxis oder Apotheke nach.")
    );
    assert_eq!(attrs(&root, ".widget__foot a", "href"), vec!["./".to_string()]);
    assert!(root.query_selector("time").expect("selector").is_none());
}

#[wasm_bindgen_test]
fn widget_feed_texts_carry_their_language_and_direction() {
    let model = widget_at("?services=termin-absagen&lang=en", "2021-11-22T10:30:00+01:00");
    let root = mount(move || view! { <Widget model /> });
    assert_eq!(attrs(&root, "article h3", "lang"), vec!["en".to_string()]);
    assert_eq!(attrs(&root, "article h3", "dir"), vec!["ltr".to_string()]);
    assert!(texts(&root, "article h3")
        .join("")
        .starts_with("Vaccination appointments"));
    assert_eq!(attrs(&root, "a.tel", "href"), vec!["tel:03090282200".to_string()]);
}

// --- Slot: taking over a published state ----------------------------------------------

fn page_view(at_: &str) -> impl Fn() -> AnyView {
    let feed = Arc::new(sample());
    let model = PageModel::new(&feed, &feed.status_at(at(at_)), Words::german(), "de", true);
    move || {
        let (model, feed) = (model.clone(), feed.clone());
        view! { <StatusPage model feed /> }.into_any()
    }
}

#[wasm_bindgen_test]
fn slot_keeps_a_published_state_that_is_still_right_and_replaces_one_that_is_not() {
    use wegweiser_app::slot::Slot;
    use wegweiser_core::present::When;
    const TI: &str = "2025-06-13T10:00:00+02:00";
    // What `wegweiser publish` leaves: the same markup as plain nodes, no Leptos view.
    let rendered = mount(page_view(TI));
    let target = mount(|| ());
    target.set_inner_html(&rendered.inner_html());
    let painted = target.first_element_child().expect("published content");

    let mut slot = Slot::new(target.clone());
    assert!(slot.shows_published());
    slot.show(page_view(TI));
    assert!(
        target.first_element_child().as_ref() == Some(&painted),
        "the same state is not repainted"
    );
    assert!(slot.shows_published());

    // The feed failed: a note above the published state, once.
    let last = When::of(&at(TI), Words::german());
    slot.prepend({
        let last = last.clone();
        move || view! { <RefreshFailed last w=Words::german() /> }
    });
    slot.prepend(move || view! { <RefreshFailed last w=Words::german() /> });
    assert_eq!(texts(&target, ".note--warning").len(), 1);
    assert!(target
        .first_element_child()
        .and_then(|e| e.text_content())
        .is_some_and(|t| t.contains("kann die Meldungen gerade nicht neu laden")));

    // A newer state replaces both.
    slot.show(page_view("2021-11-22T10:30:00+01:00"));
    assert!(!slot.shows_published());
    assert_eq!(texts(&target, ".note--warning").len(), 0);
    assert_eq!(
        attrs(&target, "article.notice", "id"),
        vec!["meldung-doctolib-berlin-2021-11-22"]
    );
    assert!(!painted.is_connected());
}

// --- Issue 4: languages, regions, a notice's page, the statement ----------------------

/// The English words (from the translators' file, as the command reads it).
fn english() -> &'static Words {
    let en = wegweiser_core::words::language_by_code("en").expect("en");
    Words::from_object(en, include_str!("../i18n/en.json")).expect("en.json")
}

#[wasm_bindgen_test]
fn the_page_in_english_says_its_own_words_and_takes_english_feed_texts() {
    let feed = Arc::new(sample());
    let choice = Choice {
        words: english(),
        region: None,
    };
    let model = PageModel::chosen(&feed, at("2021-11-22T10:30:00+01:00"), choice, false);
    let f = feed.clone();
    let root = mount(move || view! { <StatusPage model feed=f /> });
    assert_eq!(
        texts(&root, "#aktuell-heading"),
        vec!["Current notices".to_string()]
    );
    assert_eq!(
        texts(&root, "#nummern-heading"),
        vec!["Important numbers".to_string()]
    );
    assert_eq!(
        attrs(&root, "#meldung-doctolib-berlin-2021-11-22 h3", "lang"),
        vec!["en".to_string()]
    );
    let when = texts(&root, "#meldung-doctolib-berlin-2021-11-22 .notice__when").join("");
    assert!(when.contains("Monday 22 November 2021, 09:12"), "{when}");
}

#[wasm_bindgen_test]
fn the_region_picker_lists_every_region_and_says_which_one_is_chosen() {
    let feed = Arc::new(sample());
    let choice = Choice {
        words: Words::german(),
        region: Some("nrw"),
    };
    let model = PageModel::chosen(&feed, at("2021-11-22T10:30:00+01:00"), choice, false);
    let f = feed.clone();
    let root = mount(move || view! { <StatusPage model feed=f /> });
    let values = attrs(&root, "#region-select option", "value");
    assert_eq!(values, vec!["alle", "berlin", "brandenburg", "nrw"]);
    assert_eq!(
        attrs(&root, "#region-select option[selected]", "value"),
        vec!["nrw"]
    );
    assert!(texts(&root, ".region__chosen")
        .join("")
        .contains("Nordrhein-Westfalen"));
    assert_eq!(
        attrs(&root, ".region__chosen a", "href"),
        vec!["?region=alle".to_string()]
    );
    assert!(
        texts(&root, "article.notice").is_empty(),
        "the Berlin outage is not NRW's"
    );

    let choice = Choice {
        words: Words::german(),
        region: None,
    };
    let all = PageModel::chosen(&feed, at("2021-11-22T10:30:00+01:00"), choice, false);
    let root = mount(move || view! { <StatusPage model=all feed /> });
    assert!(texts(&root, ".region__chosen").is_empty());
    assert_eq!(texts(&root, "article.notice").len(), 1);
}

#[wasm_bindgen_test]
fn a_notice_page_shows_the_notice_with_its_history_and_a_print_button_or_says_it_is_unknown() {
    let feed = Arc::new(sample());
    let now = at("2026-01-01T12:00:00+01:00");
    let words = Words::german();
    let model = PageModel::chosen(&feed, now, Choice { words, region: None }, false);
    let card = NoticeCard::on_its_page(&feed, "doctolib-berlin-2021-11-22", now, words);
    let root = mount({
        let model = model.clone();
        move || view! { <NoticePage model card qr=Some("https://status.example.de/".to_string()) /> }
    });
    assert_eq!(texts(&root, ".notices--focus article.notice").len(), 1);
    assert!(texts(&root, ".update").len() >= 4);
    assert_eq!(texts(&root, ".print button"), vec!["Aushang drucken".to_string()]);
    assert_eq!(
        attrs(&root, ".qr img", "src"),
        vec!["qr/doctolib-berlin-2021-11-22.svg".to_string()]
    );
    assert!(texts(&root, ".qr figcaption")
        .join("")
        .ends_with("https://status.example.de/meldung.html?id=doctolib-berlin-2021-11-22"));
    assert_eq!(attrs(&root, ".back a", "href"), vec!["./".to_string()]);
    assert!(texts(&root, ".note--warning").is_empty());

    let root = mount(move || view! { <NoticePage model card=None qr=None /> });
    assert!(texts(&root, ".note--warning").join("").contains("gibt es nicht"));
    assert!(texts(&root, "article.notice").is_empty());
}

#[wasm_bindgen_test]
fn the_accessibility_statement_names_the_feedback_contact_and_the_conciliation_body() {
    let feed = Arc::new(sample());
    let email = feed
        .publisher
        .accessibility_contact
        .email
        .as_ref()
        .map(|e| e.mailto_uri());
    let root = mount(move || view! { <AccessibilityStatement feed w=english() /> });
    assert_eq!(
        texts(&root, ".statement h2"),
        vec!["Accessibility statement".to_string()]
    );
    let hrefs = attrs(&root, ".statement a", "href");
    assert!(
        hrefs.contains(&"https://www.schlichtungsstelle-bgg.de".to_string()),
        "{hrefs:?}"
    );
    let email = email.expect("the sample feed names an accessibility contact");
    assert!(hrefs.contains(&email), "{hrefs:?}");
}

#[wasm_bindgen_test]
fn the_archive_shows_a_strip_per_service_with_each_day_in_words_and_the_past_by_month() {
    let feed = sample();
    let model = wegweiser_core::archive::ArchiveModel::new(
        &feed,
        at("2021-12-01T12:00:00+01:00"),
        Words::german(),
        1,
    );
    let services = feed.services().count();
    let root = mount(move || view! { <ArchivePage model /> });
    assert_eq!(texts(&root, ".strip").len(), services);
    assert_eq!(texts(&root, ".strip li").len(), services * 90);
    let outage = texts(&root, ".day--outage");
    assert!(
        outage.contains(&"Montag, 22.11.2021: Ausfall".to_string()),
        "{outage:?}"
    );
    assert_eq!(texts(&root, ".archive h3"), vec!["November 2021".to_string()]);
    assert_eq!(
        attrs(&root, ".archive__entry a", "href"),
        vec!["meldung.html?id=doctolib-berlin-2021-11-22".to_string()]
    );
    assert_eq!(texts(&root, ".pages a").len(), 0, "one page: no newer, no older");
}
