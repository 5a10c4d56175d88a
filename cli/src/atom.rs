//! `wegweiser atom`: the incidents and their updates as an Atom feed (RFC 4287), so
//! people can subscribe in any feed reader.
//!
//! One entry per incident that has started by the instant, newest change first. Its
//! content is the notice as the page words it (core `NoticeCard`): badge, where, since
//! when, what does not work, what still works, what to do, the fallbacks and the
//! updates published by then. Feed texts are escaped, never taken as markup.

use crate::markup::escape_xml as esc;
use crate::Failure;
use wegweiser_core::present::NoticeCard;
use wegweiser_core::Words;
use wegweiser_core::{rfc3339, Feed, Time, WebLink};

/// The page's address as given, checked to be https:// (as every link of the page is),
/// without a `#…` part and ending in "/" if it has no path.
pub fn base_url(given: &str) -> Result<String, Failure> {
    let url = given.split('#').next().unwrap_or(given);
    WebLink::parse(url).ok_or_else(|| {
        Failure::usage(format!(
            "--base-url {given:?} is not a web address starting with https://, e.g. https://status.example.de/"
        ))
    })?;
    let host_only = !url["https://".len()..].contains('/');
    Ok(if host_only {
        format!("{url}/")
    } else {
        url.to_string()
    })
}

/// An instant in UTC as Atom and Statuspage write it ("2025-06-13T06:45:00Z" style is
/// not needed: RFC 3339 with the offset the feed used is valid Atom).
fn time(t: &Time) -> String {
    rfc3339::format(t)
}

/// The notice as a small HTML fragment (escaped again as the element's text).
pub fn notice_html(card: &NoticeCard) -> String {
    let mut h = String::new();
    let when = card.when_text();
    let regions: Vec<&str> = card.regions.iter().map(|r| r.text.as_str()).collect();
    let services: Vec<&str> = card.services.iter().map(|s| s.text.as_str()).collect();
    h.push_str(&format!(
        "<p><strong>{}</strong> – {} – {}</p>\n",
        esc(card.badge),
        esc(&regions.join(", ")),
        esc(&when)
    ));
    h.push_str(&format!("<p>Betroffen: {}</p>\n", esc(&services.join(", "))));
    h.push_str(&format!("<p>{}</p>\n", esc(&card.not_working.text)));
    if let Some(still) = &card.still_working {
        h.push_str(&format!(
            "<p><strong>Was noch geht:</strong> {}</p>\n",
            esc(&still.text)
        ));
    }
    h.push_str(&format!(
        "<p><strong>Was Sie tun können:</strong> {}</p>\n",
        esc(&card.what_to_do.text)
    ));
    if !card.fallbacks.is_empty() {
        h.push_str("<ul>\n");
        for f in &card.fallbacks {
            h.push_str(&format!("<li><strong>{}</strong>", esc(&f.label.text)));
            if let Some(p) = &f.phone {
                h.push_str(&format!(": <a href=\"{}\">{}</a>", esc(&p.href), esc(&p.display)));
            }
            if let Some(hours) = &f.hours {
                h.push_str(&format!(" ({})", esc(&hours.text)));
            }
            if let Some(url) = &f.url {
                h.push_str(&format!(": <a href=\"{0}\">{0}</a>", esc(url)));
            }
            for extra in [&f.for_whom, &f.details].into_iter().flatten() {
                h.push_str(&format!(" – {}", esc(&extra.text)));
            }
            h.push_str("</li>\n");
        }
        h.push_str("</ul>\n");
    }
    if let Some(next) = &card.next_update {
        h.push_str(&format!("<p>Nächste Meldung: {}</p>\n", esc(&next.label)));
    }
    for u in &card.updates {
        h.push_str(&format!(
            "<p><strong>{}</strong>, {}: {}</p>\n",
            esc(u.label),
            esc(&u.at.label),
            esc(&u.text.text)
        ));
    }
    h
}

pub fn render(feed: &Feed, base_url_given: &str, lang: &str, now: Time) -> Result<String, Failure> {
    let base = base_url(base_url_given)?;
    let publisher = feed.publisher.name.get(lang);
    // Each started incident with the instant it last changed.
    let mut entries: Vec<(Time, NoticeCard, Time)> = feed
        .incidents
        .iter()
        .filter(|i| i.start <= now)
        .map(|i| {
            let state = i.state_at(now);
            let mut updated = i.start;
            for u in &state.updates {
                updated = updated.max(u.at);
            }
            if let Some(r) = state.resolved_at {
                updated = updated.max(r);
            }
            let card = NoticeCard::incident(feed, &state, Words::german(), lang);
            (updated, card, i.start)
        })
        .collect();
    entries.sort_by_key(|e| std::cmp::Reverse(e.0));
    let feed_updated = entries.first().map_or(feed.generated_at, |e| e.0);

    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        esc(lang)
    ));
    x.push_str(&format!("  <id>{}</id>\n", esc(&base)));
    x.push_str(&format!(
        "  <title>{}: Störungen und Meldungen</title>\n",
        esc(publisher)
    ));
    x.push_str(&format!("  <updated>{}</updated>\n", time(&feed_updated)));
    x.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        esc(&base)
    ));
    x.push_str("  <author>\n");
    x.push_str(&format!("    <name>{}</name>\n", esc(publisher)));
    if let Some(email) = &feed.publisher.contact.email {
        x.push_str(&format!("    <email>{}</email>\n", esc(email.as_str())));
    }
    if let Some(url) = &feed.publisher.contact.url {
        x.push_str(&format!("    <uri>{}</uri>\n", esc(url.as_str())));
    }
    x.push_str("  </author>\n");
    x.push_str("  <generator>Wegweiser</generator>\n");
    for (updated, card, start) in &entries {
        let link = format!("{base}#meldung-{}", card.id);
        x.push_str("  <entry>\n");
        x.push_str(&format!("    <id>{}</id>\n", esc(&link)));
        x.push_str(&format!(
            "    <title>{}: {}</title>\n",
            esc(card.badge),
            esc(&card.title.text)
        ));
        x.push_str(&format!("    <published>{}</published>\n", time(start)));
        x.push_str(&format!("    <updated>{}</updated>\n", time(updated)));
        x.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            esc(&link)
        ));
        x.push_str(&format!(
            "    <summary>{}</summary>\n",
            esc(&card.not_working.text)
        ));
        x.push_str(&format!(
            "    <content type=\"html\">{}</content>\n",
            esc(&notice_html(card))
        ));
        x.push_str("  </entry>\n");
    }
    x.push_str("</feed>\n");
    Ok(x)
}
