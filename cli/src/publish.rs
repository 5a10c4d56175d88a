//! `wegweiser publish` and `wegweiser snapshot`: the feed's state as plain HTML in the
//! built page, rendered by the page's own components (`wegweiser_app::publish`, run
//! natively), so the published notices and the live ones cannot drift apart.

use crate::files::{read_feed, read_text, shown, write_output};
use crate::Failure;
use std::path::Path;
use wegweiser_app::publish::{
    publish, publish_widget, PublishError, Published, SNAPSHOT_FILE, STATE_END, STATE_START,
};
use wegweiser_core::{Feed, Time};

/// The widget's page, published too when the build wrote it.
const WIDGET_FILE: &str = "embed.html";

/// Renders the feed `text` at `at` (a preview, like `?at=`) or at `now` into `dist/index.html`.
fn render(text: &str, dist: &Path, at: Option<Time>, now: Time) -> Result<Published, Failure> {
    let index = dist.join("index.html");
    let page = read_text(&index)?;
    publish(&page, text, at.unwrap_or(now), at.is_some())
        .map_err(|e| Failure::input(format!("cannot publish into {}: {e}", shown(&index))))
}

/// Writes the published page, its script-free twin and the published widget into `dist`;
/// with a `site`, a QR code for each notice's page.
pub fn run_publish(
    feed: &Path,
    dist: &Path,
    at: Option<Time>,
    now: Time,
    site: Option<&str>,
) -> Result<u8, Failure> {
    let (text, checked) = read_feed(feed)?;
    let published = render(&text, dist, at, now)?;
    let widget_page = dist.join(WIDGET_FILE);
    let widget = match widget_page.exists() {
        true => {
            let page = read_text(&widget_page)?;
            match publish_widget(&page, &text, at.unwrap_or(now), at.is_some()) {
                Ok(widget) => Some(widget),
                // An embed.html from an older build, or one made by hand: the page's
                // state matters more; the widget then loads as it always did.
                Err(PublishError::NoStateMarkers) => {
                    eprintln!(
                        "warning: {} has no {STATE_START} … {STATE_END} part; the widget is not published (rebuild dist/ to get one)",
                        shown(&widget_page)
                    );
                    None
                }
                Err(e) => {
                    return Err(Failure::input(format!(
                        "cannot publish into {}: {e}",
                        shown(&widget_page)
                    )))
                }
            }
        }
        false => None,
    };
    if let Some(site) = site {
        write_qr_codes(&checked, dist, site)?;
    }
    let index = dist.join("index.html");
    write_output(Some(&index), &published.page)?;
    write_output(Some(&dist.join(SNAPSHOT_FILE)), &published.snapshot)?;
    let mut written = vec![shown(&index), shown(&dist.join(SNAPSHOT_FILE))];
    if let Some(widget) = widget {
        write_output(Some(&widget_page), &widget)?;
        written.push(shown(&widget_page));
    }
    let last = written.pop().unwrap_or_default();
    eprintln!(
        "published the state of {} into {} and {last}",
        shown(feed),
        written.join(", ")
    );
    Ok(0)
}

/// The QR code of each notice's page (`<site>meldung.html?id=<id>`) as `dist/qr/<id>.svg`,
/// and the site's address in `dist/meldung.html` (`<meta name="wegweiser-site">`), from
/// which the page knows that the codes are there.
fn write_qr_codes(checked: &Feed, dist: &Path, site: &str) -> Result<(), Failure> {
    let site = site.trim();
    if !site.starts_with("https://") || site.contains(['"', '<', '>', ' ', '?', '#']) {
        return Err(Failure::usage(format!(
            "--site {site:?} is not a site address like https://status.example.de/"
        )));
    }
    let site = if site.ends_with('/') {
        site.to_string()
    } else {
        format!("{site}/")
    };
    let ids = checked
        .incidents
        .iter()
        .map(|i| &i.id)
        .chain(checked.maintenance.iter().map(|m| &m.id));
    let folder = dist.join("qr");
    std::fs::create_dir_all(&folder)
        .map_err(|e| Failure::input(format!("cannot create {}: {e}", shown(&folder))))?;
    for id in ids {
        let svg = qr_svg(&format!("{site}meldung.html?id={id}"))?;
        write_output(Some(&folder.join(format!("{id}.svg"))), &svg)?;
    }
    let page = dist.join("meldung.html");
    if page.exists() {
        let html = read_text(&page)?;
        write_output(Some(&page), &with_site_meta(&html, &site))?;
    }
    Ok(())
}

/// The page with `<meta name="wegweiser-site" content="site">` after its feed's
/// `<meta>` (replacing one an earlier publish wrote).
fn with_site_meta(html: &str, site: &str) -> String {
    const META: &str = "<meta name=\"wegweiser-site\" content=\"";
    let html = match html.find(META) {
        Some(start) => {
            let end = html[start..].find('>').map_or(html.len(), |e| start + e + 1);
            format!(
                "{}{}",
                &html[..start],
                html[end..].trim_start_matches('\n').trim_start()
            )
        }
        None => html.to_string(),
    };
    let meta = format!("{META}{site}\">");
    match html
        .find("<meta name=\"wegweiser-feed\"")
        .and_then(|i| html[i..].find('>').map(|e| i + e + 1))
    {
        Some(at) => format!("{}\n  {meta}{}", &html[..at], &html[at..]),
        None => html,
    }
}

/// A QR code (error correction M) as an SVG of black squares on white, with the quiet
/// zone of four modules the standard asks for.
fn qr_svg(text: &str) -> Result<String, Failure> {
    use qrcodegen::{QrCode, QrCodeEcc};
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium)
        .map_err(|_| Failure::input(format!("{text:?} is too long for a QR code")))?;
    let n = qr.size();
    let mut path = String::new();
    for y in 0..n {
        for x in 0..n {
            if qr.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + 4, y + 4));
            }
        }
    }
    let side = n + 8;
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" shape-rendering=\"crispEdges\">\
         <rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>\n"
    ))
}

/// Writes the script-free page only (to `output`, or standard output).
pub fn run_snapshot(
    feed: &Path,
    dist: &Path,
    at: Option<Time>,
    now: Time,
    output: Option<&Path>,
) -> Result<u8, Failure> {
    let (text, _) = read_feed(feed)?;
    let published = render(&text, dist, at, now)?;
    write_output(output, &published.snapshot).map(|()| 0)
}
