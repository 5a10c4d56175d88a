//! One component per file. Each takes values the core has already prepared
//! (`wegweiser_core::present`) and only places them in markup.

mod accessibility_statement;
mod app;
mod archive_page;
mod bad_at;
mod fallback_list;
mod feed_problem;
mod general_numbers;
mod notice;
mod notice_list;
mod notice_page;
mod print_button;
mod publisher_footer;
mod refresh_failed;
mod region_picker;
mod service_list;
mod state_notes;
mod status_banner;
mod status_page;
mod timeline;
mod widget;
mod widget_app;

pub use accessibility_statement::AccessibilityStatement;
pub use app::{archive, detail, follow, overview, App, Published, Render, Start};
pub use archive_page::ArchivePage;
pub use bad_at::BadAt;
pub use fallback_list::FallbackList;
pub use feed_problem::{FeedProblem, LoadProblem};
pub use general_numbers::GeneralNumbers;
pub use notice::Notice;
pub use notice_list::NoticeList;
pub use notice_page::NoticePage;
pub use print_button::PrintButton;
pub use publisher_footer::PublisherFooter;
pub use refresh_failed::RefreshFailed;
pub use region_picker::RegionPicker;
pub use service_list::ServiceList;
pub use state_notes::StateNotes;
pub use status_banner::StatusBanner;
pub use status_page::{placed, StatusPage};
pub use timeline::Timeline;
pub use widget::Widget;
pub use widget_app::{follow_widget, WidgetApp};

/// Words around a value, only if there are any: an empty text would be published as a
/// space (the server renderer keeps a node for it), and the published page would then
/// differ from the live one.
pub fn nonempty(s: &'static str) -> Option<&'static str> {
    (!s.is_empty()).then_some(s)
}
