//! Digest → JSON: the model itself, pretty-printed, with a final newline.
//! Its field names are the contract documented in [`crate::digest`].

use super::RenderError;
use crate::digest::Digest;

pub(super) fn render(digest: &Digest) -> Result<String, RenderError> {
    let mut out = serde_json::to_string_pretty(digest)?;
    out.push('\n');
    Ok(out)
}

/// The same, serialized into `out` as it goes.
pub(super) fn write(digest: &Digest, out: &mut dyn std::io::Write) -> Result<(), RenderError> {
    serde_json::to_writer_pretty(&mut *out, digest)?;
    out.write_all(b"\n").map_err(RenderError::Write)
}
