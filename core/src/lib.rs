//! # wegweiser-core
//!
//! Everything Wegweiser knows about outages of digital health services, with no web
//! dependency and no I/O: the feed model, the parser that checks a feed and reports
//! every problem with its path and line:column, the status at a given instant, and the
//! German (Europe/Berlin) date formatting citizens read.
//!
//! The page (Leptos/WebAssembly) and the `wegweiser` command are thin layers over this
//! crate; whatever both need lives here.
//!
//! ```
//! let parsed = wegweiser_core::parse("{}");
//! assert!(parsed.feed.is_none());
//! assert!(parsed.problems.iter().any(|p| p.to_string() == "version: is missing (line 1, column 1)"));
//! ```

#[cfg(feature = "operator")]
pub mod advice;
pub mod archive;
pub mod berlin;
mod json;
pub mod last_known;
mod locate;
pub mod model;
mod order;
mod parse;
pub mod present;
pub mod problem;
pub mod rfc3339;
pub mod status;
pub mod widget;
pub mod words;

#[cfg(feature = "operator")]
pub use advice::advise;
pub use last_known::LastKnown;
pub use locate::offset_of;
pub use model::*;
pub use parse::{parse, Parsed, FORMAT_VERSION, MAX_FEED_BYTES, MAX_FRESH_FOR_MINUTES};
pub use problem::{PathSeg, Problem, Severity};
pub use status::{Freshness, IncidentNow, Overall, ServiceState, Status};
pub use words::{Language, Words, LANGUAGES};
