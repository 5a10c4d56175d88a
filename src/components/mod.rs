//! One component per file. Each takes values the core has already prepared
//! (`wegweiser_core::present`) and only places them in markup.

mod app;
mod bad_at;
mod fallback_list;
mod feed_problem;
mod general_numbers;
mod notice;
mod notice_list;
mod publisher_footer;
mod refresh_failed;
mod service_list;
mod status_banner;
mod status_page;
mod timeline;
mod widget;
mod widget_app;

pub use app::{follow, App, Published};
pub use bad_at::BadAt;
pub use fallback_list::FallbackList;
pub use feed_problem::{FeedProblem, LoadProblem};
pub use general_numbers::GeneralNumbers;
pub use notice::Notice;
pub use notice_list::NoticeList;
pub use publisher_footer::PublisherFooter;
pub use refresh_failed::RefreshFailed;
pub use service_list::ServiceList;
pub use status_banner::StatusBanner;
pub use status_page::StatusPage;
pub use timeline::Timeline;
pub use widget::Widget;
pub use widget_app::WidgetApp;
