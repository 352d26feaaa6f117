//! Tagging speed of the committed model on generated news-like sentences.
fn main() {}
