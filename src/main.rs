//! The `flashchat` binary: a shim around `flashchat::run`.

fn main() {
    std::process::exit(flashchat::run());
}
