//! The browser's `localStorage`, for what this page remembers between visits: the
//! chosen language and region and the last intact feed. Nothing else is stored, no cookie is set,
//! and nothing stored is ever sent. Storage may be off or full (private windows,
//! quotas): then the page simply remembers nothing.

fn local() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

pub fn get(key: &str) -> Option<String> {
    local().and_then(|s| s.get_item(key).ok().flatten())
}

/// Stores `value`; whether it was kept (a full or disabled storage refuses it).
pub fn set(key: &str, value: &str) -> bool {
    local().is_some_and(|s| s.set_item(key, value).is_ok())
}

pub fn remove(key: &str) {
    if let Some(s) = local() {
        let _ = s.remove_item(key);
    }
}
