//! Entry point: mounts the app into `#app`, replacing the static "loading" text.

fn main() {
    wegweiser_app::start();
}
