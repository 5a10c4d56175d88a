//! `wegweiser publish` and `wegweiser snapshot`: the feed's state as plain HTML in the
//! built page, rendered by the page's own components (`wegweiser_app::publish`, run
//! natively), so the published notices and the live ones cannot drift apart.

use crate::files::{read_feed, read_text, shown, write_output};
use crate::Failure;
use std::path::Path;
use wegweiser_app::publish::{publish, Published, SNAPSHOT_FILE};
use wegweiser_core::Time;

/// Renders the feed at `at` (a preview, like `?at=`) or at `now` into `dist/index.html`.
fn render(feed: &Path, dist: &Path, at: Option<Time>, now: Time) -> Result<Published, Failure> {
    let (text, _) = read_feed(feed)?;
    let index = dist.join("index.html");
    let page = read_text(&index)?;
    publish(&page, &text, at.unwrap_or(now), at.is_some())
        .map_err(|e| Failure::input(format!("cannot publish into {}: {e}", shown(&index))))
}

/// Writes the published page and its script-free twin into `dist`.
pub fn run_publish(feed: &Path, dist: &Path, at: Option<Time>, now: Time) -> Result<u8, Failure> {
    let published = render(feed, dist, at, now)?;
    let index = dist.join("index.html");
    write_output(Some(&index), &published.page)?;
    write_output(Some(&dist.join(SNAPSHOT_FILE)), &published.snapshot)?;
    eprintln!(
        "published the state of {} into {} and {}",
        shown(feed),
        shown(&index),
        shown(&dist.join(SNAPSHOT_FILE))
    );
    Ok(0)
}

/// Writes the script-free page only (to `output`, or standard output).
pub fn run_snapshot(
    feed: &Path,
    dist: &Path,
    at: Option<Time>,
    now: Time,
    output: Option<&Path>,
) -> Result<u8, Failure> {
    let published = render(feed, dist, at, now)?;
    write_output(output, &published.snapshot).map(|()| 0)
}
