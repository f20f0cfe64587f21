//! Digest → a standalone HTML5 page (`templates/digest.html`): inline CSS
//! only, no scripts, fonts or images, so it reads the same from disk, in a
//! browser or as a mail body, on a phone, printed, light or dark.
//! askama escapes every value.

use askama::Template;

use super::view::View;
use crate::digest::Digest;

#[derive(Template)]
#[template(path = "digest.html", config = "templates/askama.toml")]
struct HtmlDigest {
    v: View,
}

pub(super) fn render(digest: &Digest) -> askama::Result<String> {
    let mut out = HtmlDigest {
        v: View::new(digest),
    }
    .render()?;
    out.push('\n');
    Ok(out)
}
