//! The widget page inside another website's `<iframe>`: what its address asks for, the
//! theme on `<html>`, and the height it tells the embedding page (only when `widget.js`
//! inserted it and passed the host page's origin).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wegweiser_core::widget::WidgetParams;

/// The widget's parameters from the page's query string.
pub fn params_from_location() -> WidgetParams {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    params_from_query(&search)
}

/// The widget's parameters from a query string such as `?services=a,b&region=berlin`.
pub fn params_from_query(search: &str) -> WidgetParams {
    match web_sys::UrlSearchParams::new_with_str(search) {
        Ok(query) => WidgetParams::read(|name| query.get(name)),
        Err(_) => WidgetParams::read(|_| None),
    }
}

/// Puts the chosen theme on `<html data-theme>` (the CSS reads it; `auto` follows the
/// system setting).
pub fn apply_theme(params: &WidgetParams) {
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.set_attribute("data-theme", params.theme.as_str());
    }
}

/// The message the widget posts to the host page: `wegweiser-height:<pixels>`.
pub fn height_message(pixels: f64) -> String {
    format!("wegweiser-height:{}", pixels.max(0.0).ceil() as u32)
}

/// Tells the host page at `origin` the height of `content` now and whenever it changes
/// (a new state, or a narrower frame that wraps the text). Posts to that origin only;
/// does nothing when the page is not in a frame.
pub fn report_height(content: &web_sys::Element, origin: String) {
    let Some(window) = web_sys::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    if js_sys::Object::is(&parent, &window) {
        return;
    }
    let target = content.clone();
    let post = move || {
        let bottom = target.get_bounding_client_rect().bottom();
        // A wrong origin makes postMessage drop the message; nothing to do then.
        let _ = parent.post_message(&JsValue::from_str(&height_message(bottom)), &origin);
    };
    post();
    let callback = Closure::<dyn FnMut()>::new(post);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(content);
    }
    // The observer lives as long as the page.
    callback.forget();
}
