//! Any bytes as a feed: parsing, validation, status and page model must never panic
//! and must keep the rules in `core/tests/invariants/mod.rs` (deterministic, problems
//! located inside the text, a feed exactly when there is no error, the page never
//! claiming "all working" from stale data).

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../core/tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    // The page reads the feed as UTF-8 text; other bytes never reach the parser.
    if let Ok(src) = std::str::from_utf8(data) {
        invariants::check(src);
    }
});
