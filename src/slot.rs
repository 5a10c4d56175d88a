//! A part of the page that is rendered whole, and replaced whole when its state changes.
//!
//! Leptos can also swap views inside a reactive closure, but then it compiles, for every
//! view that might be swapped, the code to patch one version of it into another. For a
//! page whose state changes a few times an hour (loading → status → a newer status),
//! that code is never worth it: measured here, it was 60 KB of the 250 KB WebAssembly
//! (20 KB brotli) that every patient downloads. A slot builds the new view and drops the
//! old one, which unmounts its nodes and disposes of its reactive owner.

use std::any::Any;

/// An element whose children are one mounted view at a time.
pub struct Slot {
    target: web_sys::HtmlElement,
    /// The mounted view's handle; dropping it unmounts the view.
    current: Option<Box<dyn Any>>,
}

impl Slot {
    /// A slot filling `target`, which should be empty.
    pub fn new(target: web_sys::HtmlElement) -> Slot {
        Slot {
            target,
            current: None,
        }
    }

    /// Replaces whatever the slot shows with the view `render` returns.
    pub fn show<N, F>(&mut self, render: F)
    where
        N: leptos::IntoView + 'static,
        N::State: 'static,
        F: FnOnce() -> N + 'static,
    {
        self.current = None;
        self.current = Some(Box::new(leptos::mount::mount_to(self.target.clone(), render)));
    }
}
