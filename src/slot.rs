//! A part of the page that is rendered whole, and replaced whole when its state changes.
//!
//! Leptos can also swap views inside a reactive closure, but then it compiles, for every
//! view that might be swapped, the code to patch one version of it into another. For a
//! page whose state changes a few times an hour (loading → status → a newer status),
//! that code is never worth it: measured here, it was 60 KB of the 250 KB WebAssembly
//! (20 KB brotli) that every patient downloads. A slot builds the new view and drops the
//! old one, which unmounts its nodes and disposes of its reactive owner.
//!
//! A slot may start with what the published page already shows (see
//! [`crate::publish`]): a new view replaces it only if it differs, so a page that was
//! published from the same feed stays exactly as painted — nothing jumps, nothing is
//! announced again.

use std::any::Any;
use wasm_bindgen::JsCast;

/// An element whose children are one mounted view at a time.
pub struct Slot {
    target: web_sys::HtmlElement,
    /// The mounted view's handle; dropping it unmounts the view. `None` while the slot
    /// shows what the page was published with (plain nodes, nothing to unmount).
    current: Option<Box<dyn Any>>,
    /// A view put above the current one (see [`Slot::prepend`]).
    above: Option<Box<dyn Any>>,
}

impl Slot {
    /// A slot filling `target`; what `target` already shows stays until [`Slot::show`]
    /// brings something different.
    pub fn new(target: web_sys::HtmlElement) -> Slot {
        Slot {
            target,
            current: None,
            above: None,
        }
    }

    /// The element the slot fills.
    pub fn element(&self) -> &web_sys::HtmlElement {
        &self.target
    }

    /// Marks the slot as being updated (`aria-busy`), so screen readers wait for the
    /// result instead of reading a half-finished state.
    pub fn set_busy(&self, busy: bool) {
        let _ = match busy {
            true => self.target.set_attribute("aria-busy", "true"),
            false => self.target.remove_attribute("aria-busy"),
        };
    }

    /// Whether the slot still shows the published state it started with.
    pub fn shows_published(&self) -> bool {
        self.current.is_none() && self.target.has_child_nodes()
    }

    /// Shows the view `render` returns, unless the slot already shows the same markup;
    /// whether it changed what the page shows.
    pub fn show<N, F>(&mut self, render: F) -> bool
    where
        N: leptos::IntoView + 'static,
        N::State: 'static,
        F: FnOnce() -> N + 'static,
    {
        // Built off-screen first, so the page changes in one step (no empty moment).
        let Some(staging) = staging() else { return false };
        let mounted = leptos::mount::mount_to(staging.clone(), render);
        mark_directions(&staging);
        if same_content(&staging, &self.target) {
            return false;
        }
        self.target.set_text_content(None);
        self.above = None;
        while let Some(node) = staging.first_child() {
            let _ = self.target.append_child(&node);
        }
        // The old view's nodes are already gone from the page; dropping its handle
        // disposes of its reactive owner.
        self.current = Some(Box::new(mounted));
        true
    }

    /// Puts the view `render` returns above what the slot shows, until the next
    /// [`Slot::show`] replaces both. Once only: a second call keeps the first view.
    pub fn prepend<N, F>(&mut self, render: F)
    where
        N: leptos::IntoView + 'static,
        N::State: 'static,
        F: FnOnce() -> N + 'static,
    {
        if self.above.is_some() {
            return;
        }
        let Some(staging) = staging() else { return };
        let mounted = leptos::mount::mount_to(staging.clone(), render);
        let first = self.target.first_child();
        while let Some(node) = staging.first_child() {
            let _ = self.target.insert_before(&node, first.as_ref());
        }
        self.above = Some(Box::new(mounted));
    }
}

/// Whether two elements hold the same content (their own attributes aside): the same elements with the same
/// attributes (in any order — HTML written by the publisher and elements built here
/// list them differently) and the same text, however it is split into text nodes.
/// Comments do not count.
fn same_content(a: &web_sys::HtmlElement, b: &web_sys::HtmlElement) -> bool {
    let (Ok(a), Ok(b)) = (a.clone_node_with_deep(true), b.clone_node_with_deep(true)) else {
        return false;
    };
    for copy in [&a, &b] {
        drop_comments(copy);
        copy.normalize();
    }
    let (a, b) = (a.child_nodes(), b.child_nodes());
    a.length() == b.length()
        && (0..a.length()).all(|i| match (a.item(i), b.item(i)) {
            (Some(x), Some(y)) => x.is_equal_node(Some(&y)),
            _ => false,
        })
}

fn drop_comments(node: &web_sys::Node) {
    let mut child = node.first_child();
    while let Some(c) = child {
        child = c.next_sibling();
        if c.node_type() == web_sys::Node::COMMENT_NODE {
            let _ = node.remove_child(&c);
        } else {
            drop_comments(&c);
        }
    }
}

/// Gives every element with a `lang` whose writing direction differs from the page's a
/// `dir`, so a text that fell back to German or English in an Arabic page reads left to
/// right, and an Arabic text in a German page right to left. One pass here rather than a
/// `dir` in every view.
fn mark_directions(root: &web_sys::HtmlElement) {
    let page = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("dir"))
        .unwrap_or_else(|| "ltr".into());
    let Ok(marked) = root.query_selector_all("[lang]") else {
        return;
    };
    for i in 0..marked.length() {
        let Some(el) = marked.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else {
            continue;
        };
        let dir = wegweiser_core::widget::direction(&el.get_attribute("lang").unwrap_or_default());
        // Only where it differs from the page's: the published page has no `dir`s.
        if dir != page && !el.has_attribute("dir") {
            let _ = el.set_attribute("dir", dir);
        }
    }
}

/// An element outside the page, to build a view in before it is shown.
fn staging() -> Option<web_sys::HtmlElement> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("div").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}
