//! Ingest: files → articles.
pub mod html;

use crate::article::Published;

/// What one source kind reads from a file: an article without its id and origin.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    pub id: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<Published>,
    pub language: Option<String>,
    pub note: Option<String>,
    /// Plain text, paragraphs separated by a blank line.
    pub body: String,
}
