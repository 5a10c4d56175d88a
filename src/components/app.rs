use super::{
    AccessibilityStatement, ArchivePage, FeedProblem, GeneralNumbers, LoadProblem, NoticePage, RefreshFailed,
    StatusBanner, StatusPage,
};
use crate::clock::{now, sleep, visible, JITTER_MS, REFRESH_MS};
use crate::feed_source::{fetch_feed, FetchError};
use crate::page_query::PageQuery;
use crate::slot::Slot;
use crate::{choice, storage};
use chrono::{DateTime, FixedOffset};
use futures::future::join;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use wegweiser_core::archive::ArchiveModel;
use wegweiser_core::present::{Banner, Choice, NoticeCard, PageModel, When};
use wegweiser_core::words::k;
use wegweiser_core::{Feed, Language, LastKnown, Time, Words};

/// The `localStorage` key of the last intact feed: one item, "<when it arrived>\n<its
/// address>\n<its text>", so the three can never come from different fetches.
pub const FEED_KEY: &str = "wegweiser.feed";
/// Feeds larger than this are not kept (browsers allow about 5 MB per site).
pub const KEEP_MAX_BYTES: usize = 1_000_000;

/// What the page was published with (see `crate::publish`), read from `#app`.
#[derive(Debug, Clone, PartialEq)]
pub struct Published {
    /// When it was published.
    pub at: Time,
    /// Until when the feed it was published from may be trusted (its `generated_at` +
    /// `fresh_for_minutes`); `None` if the page does not say.
    pub fresh_until: Option<DateTime<FixedOffset>>,
}

impl Published {
    /// Whether the published state may still be shown as the last known one at `at`.
    pub fn still_fresh(&self, at: DateTime<FixedOffset>) -> bool {
        self.fresh_until.is_some_and(|until| at <= until)
    }
}

/// Which page the address asks for, and how the visitor wants it.
#[derive(Debug, Clone)]
pub struct Start {
    pub preview: Option<DateTime<FixedOffset>>,
    pub published: Option<Published>,
    pub language: &'static Language,
    pub region: Option<String>,
    /// `meldung.html?id=`: the notice its page shows.
    pub incident: Option<String>,
    /// The page beside the overview: `barrierefreiheit` (the accessibility statement),
    /// `archiv`, else a notice's page (or the overview).
    pub page: Option<String>,
    /// `archiv.html?seite=`.
    pub archive_page: usize,
}

impl Start {
    /// From the page's address (and what this browser remembers).
    pub fn from_query(query: &PageQuery, published: Option<Published>, page: Option<String>) -> Start {
        Start {
            preview: query.at,
            published,
            language: choice::language(query.lang.as_deref()),
            // The pages beside the overview show every region (a shared link to a
            // Berlin notice must not say "all works" for NRW) and leaves the choice alone.
            region: match page.is_some() {
                true => None,
                false => choice::region(query.region.as_deref()),
            },
            incident: query.incident.clone(),
            page,
            archive_page: query.archive_page,
        }
    }
}

/// The feed this browser kept from an earlier visit of a page reading `url`, and when it
/// arrived. (Another page of the same site may read another feed.)
fn kept_feed(url: &str) -> Option<(String, Time)> {
    let item = storage::get(FEED_KEY)?;
    let mut parts = item.splitn(3, '\n');
    let at = wegweiser_core::rfc3339::parse(parts.next()?).ok()?;
    (parts.next()? == url).then_some(())?;
    Some((parts.next()?.to_string(), at))
}

/// Keeps the last intact feed of `url` for the next visit; if storage refuses it (full,
/// off), nothing older stays behind to be shown with a wrong age.
fn keep_feed(known: &LastKnown, url: &str) {
    let Some((text, at)) = known.intact() else { return };
    let item = format!("{}\n{url}\n{text}", wegweiser_core::rfc3339::format(&at));
    if text.len() > KEEP_MAX_BYTES || !storage::set(FEED_KEY, &item) {
        storage::remove(FEED_KEY);
    }
}

/// Says a change to screen readers, politely, in the page's one announcement region.
fn announce(text: &str) {
    let region = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("#app .announce").ok().flatten());
    if let Some(region) = region {
        region.set_text_content(Some(text));
    }
}

/// Keeps the slot showing the feed's state: fetches the feed (and, for a language other
/// than German, the page's words, at the same time), shows the status or a plain-words
/// problem, and fetches again about every minute while the tab is visible. What the
/// slot shows is replaced only when it changed (see [`Slot`]), and a change is
/// announced to screen readers in one short sentence.
///
/// When the feed fails, the page shows the last state it knows, with its age: the
/// state the page was `published` with (while the feed it came from is still fresh —
/// after that, it could say "Alles funktioniert" about a time nobody vouches for), or
/// the feed this browser kept from an earlier visit, if that is newer.
pub async fn follow(slot: Slot, start: Start, render: Render) {
    let feed_url = crate::configured_feed_url();
    let timeout = crate::configured_timeout();
    slot.set_busy(true);
    let (w, first) = join(
        // The words wait at most 5 s: German is better than a page still loading.
        choice::words(start.language, timeout.min(5)),
        fetch_feed(&feed_url, timeout, false),
    )
    .await;
    let mut page = Follower::new(slot, start, w, render, feed_url.clone());
    page.step(first);
    loop {
        sleep(REFRESH_MS + js_sys::Math::random() * JITTER_MS).await;
        visible().await;
        page.step(fetch_feed(&feed_url, timeout, true).await);
    }
}

/// How a page shows the state (its view in the slot); whether what is shown changed.
/// A plain function, chosen by each entry point, so a wasm holds only its own pages'
/// views: [`overview`] for index.html, [`detail`] for the pages beside it.
pub type Render = fn(&mut Slot, &Start, PageModel, Arc<Feed>) -> bool;

/// The overview (index.html).
pub fn overview(slot: &mut Slot, _: &Start, model: PageModel, feed: Arc<Feed>) -> bool {
    slot.show(move || view! { <StatusPage model feed /> })
}

/// One notice (meldung.html) or the accessibility statement (barrierefreiheit.html).
/// Two `show`s rather than one type-erased view: an `AnyView` compiles every way of
/// updating a view in place, ~10 KB brotli the page never uses.
pub fn detail(slot: &mut Slot, start: &Start, model: PageModel, feed: Arc<Feed>) -> bool {
    let w = model.words;
    let at = start.preview.unwrap_or_else(now);
    if start.page.as_deref() == Some("barrierefreiheit") {
        return slot.show(move || view! { <AccessibilityStatement feed w /> });
    }
    let card = start
        .incident
        .as_deref()
        .and_then(|id| NoticeCard::on_its_page(&feed, id, at, w));
    // `wegweiser publish --site` wrote a QR code for each notice (dist/qr/<id>.svg).
    let qr = crate::meta_content("wegweiser-site");
    slot.show(move || view! { <NoticePage model card qr /> })
}

/// The archive (archiv.html): its own wasm (`wegweiser-archive`), being the largest view.
pub fn archive(slot: &mut Slot, start: &Start, model: PageModel, feed: Arc<Feed>) -> bool {
    let at = start.preview.unwrap_or_else(now);
    let model = ArchiveModel::new(&feed, at, model.words, start.archive_page);
    slot.show(move || view! { <ArchivePage model /> })
}

/// What [`follow`] keeps between fetches.
struct Follower {
    slot: Slot,
    render: Render,
    start: Start,
    w: &'static Words,
    known: LastKnown,
    /// Something was shown already: a later change is news, announced.
    shown: bool,
    /// The feed kept from an earlier visit, while it may still stand in.
    kept: Option<(String, Time)>,
    /// The feed's address.
    url: String,
}

impl Follower {
    fn new(slot: Slot, start: Start, w: &'static Words, render: Render, url: String) -> Follower {
        choice::apply_to_frame(w);
        let kept = kept_feed(&url).filter(|(_, at)| start.published.as_ref().is_none_or(|p| *at > p.at));
        Follower {
            slot,
            render,
            start,
            w,
            known: LastKnown::new(),
            shown: false,
            kept,
            url,
        }
    }

    /// Takes one fetch's result and shows what the page should show now. Not async, so
    /// its code is not copied into every state of `follow`'s future.
    fn step(&mut self, result: Result<String, FetchError>) {
        let (w, start) = (self.w, &self.start);
        let problem = arrived(&mut self.known, result);
        let problem_free = problem.is_none();
        if problem_free {
            keep_feed(&self.known, &self.url);
        } else if let Some((text, at)) = self.kept.take() {
            self.known.recall(text, at);
        }
        let choice = Choice {
            words: w,
            region: start.region.as_deref(),
        };
        let at = start.preview.unwrap_or_else(now);
        let slot = &mut self.slot;
        // The published state, while it may still stand in for a failing feed.
        let published = start
            .published
            .as_ref()
            .filter(|p| slot.shows_published() && p.still_fresh(at));
        // Each time the whole view is built again; the slot shows it only if it differs
        // from what is on screen (cheaper in wasm than comparing page models).
        let (changed, heading) = match (self.known.page(at, choice, start.preview.is_some()), published) {
            (Some(page), _) => {
                let heading = page.banner.heading;
                // A remembered region this feed does not (or no longer) have: forget it.
                if start.region.is_some() && page.region.is_none() {
                    storage::remove(choice::REGION_KEY);
                }
                let changed = match self.known.feed().cloned() {
                    Some(feed) => (self.render)(slot, start, page, feed),
                    None => false,
                };
                (changed, heading)
            }
            (None, Some(p)) => {
                let last = When::of(&p.at, w);
                slot.prepend(move || view! { <RefreshFailed last w /> });
                (false, "")
            }
            (None, None) => {
                let problem = problem.unwrap_or(LoadProblem::Invalid(Arc::new(Vec::new())));
                let changed = slot.show(move || view! { <FeedProblem problem w /> });
                (changed, Banner::unavailable(w).heading)
            }
        };
        // The first view is the page itself, read in order; later ones are news.
        // Only news from the feed is announced; a failed refresh shows its note quietly.
        if changed && self.shown && problem_free {
            announce(&format!("{} {heading}", w.get(k::ANNOUNCE_UPDATED)));
        }
        self.shown |= changed || published.is_some();
        self.slot.set_busy(false);
    }
}

/// Takes a fetch's result into `known`; the problem, if it failed.
fn arrived(known: &mut LastKnown, result: Result<String, FetchError>) -> Option<LoadProblem> {
    match result {
        Ok(text) => match known.arrived(text, now()) {
            Ok(()) => None,
            Err(problems) => Some(LoadProblem::Invalid(Arc::new(problems))),
        },
        Err(e) => {
            known.failed();
            Some(LoadProblem::Fetch(e))
        }
    }
}

/// The whole page when it was not published with a state: a loading banner until the
/// feed arrives, then [`follow`]. The general numbers are shown in every state.
#[component]
pub fn App(render: Render, page: Option<String>) -> impl IntoView {
    let query = PageQuery::from_location();
    let live = NodeRef::<Div>::new();
    let start = Start::from_query(&query, None, page);
    let w = Words::german();
    // The task first runs once the view below is mounted, so the slot's element exists.
    spawn_local(async move {
        let Some(el) = live.get_untracked() else { return };
        let mut slot = Slot::new(el.into());
        slot.show(move || view! { <StatusBanner banner=Banner::loading(w) /> <GeneralNumbers w /> });
        follow(slot, start, render).await;
    });
    view! {
        {query.bad_at.map(|raw| view! { <super::BadAt raw w /> })}
        <p class="announce visually-hidden" role="status" aria-live="polite"></p>
        <div class="live" node_ref=live></div>
    }
}
