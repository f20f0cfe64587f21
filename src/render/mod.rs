//! Rendering: Digest → markdown, html, text or json.
//!
//! STUB: being written.

use crate::digest::Digest;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Markdown,
    Html,
    Text,
    Json,
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("rendering {format:?}: {source}")]
    Template {
        format: Format,
        source: askama::Error,
    },
    #[error("rendering json: {0}")]
    Json(#[from] serde_json::Error),
}

/// Renders the digest in one format.
pub fn render(digest: &Digest, format: Format) -> Result<String, RenderError> {
    match format {
        Format::Json => Ok(serde_json::to_string_pretty(digest)? + "\n"),
        _ => Ok(format!("# {}\n", digest.title)),
    }
}
