//! Digest → CommonMark (`templates/digest.md`).
//!
//! Every value printed by the template goes through [`Markdown`], the escaper
//! `templates/askama.toml` assigns to `.md` templates, so article text stays
//! text. Evidence markers are plain text, `[1 §3]`: with no link reference
//! definitions in the document, square brackets followed by a space are not
//! links.

use std::fmt::{self, Write};

use askama::Template;

use super::filters;
use super::view::View;
use crate::digest::Digest;

#[derive(Template)]
#[template(path = "digest.md", config = "templates/askama.toml")]
struct MarkdownDigest {
    v: View,
}

pub(super) fn render(digest: &Digest) -> askama::Result<String> {
    let out = MarkdownDigest {
        v: View::new(digest),
    }
    .render()?;
    Ok(super::text::tidy(&out))
}

/// Escapes text for CommonMark: backslashes the characters that start
/// inline markup anywhere (`` \ ` * _ [ ] < > # ~ ``), `&` where it would
/// start an entity, and, at the start of a value (which may begin a line),
/// what would start a block: `-`, `+`, `=`, and `1.` or `1)` before a space.
/// Leaves other punctuation alone so the raw file stays readable.
#[derive(Debug, Clone, Copy, Default)]
pub struct Markdown;

impl askama::filters::Escaper for Markdown {
    fn write_escaped_str<W: Write>(&self, mut dest: W, s: &str) -> fmt::Result {
        let block_start = block_marker_len(s);
        for (i, c) in s.char_indices() {
            let escape = match c {
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '~' => true,
                '&' => starts_entity(&s[i + 1..]),
                '-' | '+' | '=' | '.' | ')' => i + 1 == block_start,
                _ => false,
            };
            if escape {
                dest.write_char('\\')?;
            }
            dest.write_char(c)?;
        }
        Ok(())
    }
}

/// The length of a list or heading marker opening `s` (`-`, `+`, `=`, or
/// digits then `.` or `)`, followed by a space or the end), else 0.
fn block_marker_len(s: &str) -> usize {
    let b = s.as_bytes();
    match b.first() {
        Some(b'-' | b'+' | b'=') => 1,
        Some(b'0'..=b'9') => {
            let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
            let end = b.get(digits + 1).is_none_or(|&c| c == b' ');
            // CommonMark list numbers have at most 9 digits.
            if digits <= 9 && matches!(b.get(digits), Some(b'.' | b')')) && end {
                digits + 1
            } else {
                0
            }
        }
        _ => 0,
    }
}

/// `&amp;`, `&#38;`, `&#x26;`: what CommonMark would turn into a character.
fn starts_entity(rest: &str) -> bool {
    let body = rest.strip_prefix('#').unwrap_or(rest);
    let name = body
        .bytes()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    name > 0 && body.as_bytes().get(name) == Some(&b';')
}
