//! Digest → JSON: the model itself, pretty-printed, with a final newline.
//! Its field names are the contract documented in [`crate::digest`].

use super::RenderError;
use crate::digest::Digest;

pub(super) fn render(digest: &Digest) -> Result<String, RenderError> {
    let mut out = serde_json::to_string_pretty(digest)?;
    out.push('\n');
    Ok(out)
}
