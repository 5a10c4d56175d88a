//! Entry point of the pages beside the overview (`meldung.html`: one notice with its
//! whole history, printable; `barrierefreiheit.html`: the accessibility statement):
//! their own wasm, so the overview's first load carries none of their code.

fn main() {
    wegweiser_app::start_more();
}
