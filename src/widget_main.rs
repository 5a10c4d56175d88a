//! Entry point of the widget (embed.html): mounts the compact notice into `#app`.

fn main() {
    wegweiser_app::start_widget();
}
