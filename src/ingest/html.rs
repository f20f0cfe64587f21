//! HTML pages → article draft: metadata and the main text, not the menus.
//!
//! STUB: being written.

use super::Draft;

/// Parses one HTML page.
pub fn parse(_html: &str) -> Result<Draft, String> {
    Err("HTML input is not supported yet".into())
}
