//! Entry point of the archive (`archiv.html`): past notices by month and each service's
//! last 90 days, in its own wasm.

fn main() {
    wegweiser_app::start_archive();
}
