//! Digest → plain text for a terminal or a mail's text part
//! (`templates/digest.txt`), wrapped at [`WIDTH`] columns.
//!
//! The template writes one logical line per item; [`fill`] then wraps each
//! long line with a hanging indent under its bullet (`- `, `* `, `[12] `), so
//! the template never has to know how long article text is. A word wider
//! than the line, in practice a long URL, is left whole on a line of its own:
//! a URL broken in two cannot be opened.

use askama::Template;
use textwrap::core::display_width;
use textwrap::{Options, WordSeparator, WordSplitter};

use super::filters;
use super::view::View;
use crate::digest::Digest;

/// Columns of plain-text output.
pub const WIDTH: usize = 78;

#[derive(Template)]
#[template(path = "digest.txt", config = "templates/askama.toml")]
struct TextDigest {
    v: View,
}

pub(super) fn render(digest: &Digest) -> askama::Result<String> {
    let out = TextDigest {
        v: View::new(digest),
    }
    .render()?;
    Ok(fill(&tidy(&out), WIDTH))
}

/// Wraps every line longer than `width`, continuing it under the text that
/// follows its indentation and bullet.
pub(crate) fn fill(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for line in text.lines() {
        if display_width(line) <= width {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let (prefix, rest) = line.split_at(hanging_prefix_len(line));
        let indent = " ".repeat(display_width(prefix));
        let options = Options::new(width)
            .initial_indent(prefix)
            .subsequent_indent(&indent)
            .break_words(false)
            // Break at spaces only: Unicode line breaking would split URLs
            // after `/` and hyphenation at `-`.
            .word_separator(WordSeparator::AsciiSpace)
            .word_splitter(WordSplitter::NoHyphenation);
        for wrapped in textwrap::wrap(rest, &options) {
            out.push_str(wrapped.trim_end());
            out.push('\n');
        }
    }
    out
}

/// The indentation and bullet a wrapped line hangs under: leading spaces,
/// then one of `- `, `* `, `+ `, `[n] `, `n. `.
fn hanging_prefix_len(line: &str) -> usize {
    let lead = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[lead..];
    let bullet = if ["- ", "* ", "+ "].iter().any(|b| rest.starts_with(b)) {
        2
    } else {
        let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
        let n = digits(rest.strip_prefix('[').unwrap_or(""));
        if n > 0 && rest[1 + n..].starts_with("] ") {
            n + 3
        } else {
            let n = digits(rest);
            if n > 0 && rest[n..].starts_with(". ") {
                n + 2
            } else {
                0
            }
        }
    };
    lead + bullet
}

/// Trims trailing spaces, keeps at most one blank line in a row and none at
/// the start, and ends with exactly one newline. Lets the Markdown and text
/// templates be laid out for reading rather than for their output's spacing.
pub(crate) fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = true;
    for line in text.lines().map(str::trim_end) {
        if line.is_empty() {
            if !blank {
                out.push('\n');
            }
            blank = true;
        } else {
            out.push_str(line);
            out.push('\n');
            blank = false;
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
