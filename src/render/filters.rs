//! askama filters shared by the templates (askama finds them as `filters::*`
//! from each format's module).

use askama::Values;
use askama::filters::Safe;

/// A URL as a CommonMark link destination, `[text](here)`: parentheses,
/// angle brackets and backslashes escaped, spaces encoded, so no URL can end
/// the link early or turn into markup. Marked safe: it is already escaped.
#[askama::filter_fn]
pub fn md_url(url: impl ToString, _env: &dyn Values) -> askama::Result<Safe<String>> {
    let url = url.to_string();
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '(' | ')' | '<' | '>' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            ' ' => out.push_str("%20"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    Ok(Safe(out))
}

/// A rule as wide as `s` is on screen (at most 78 columns), drawn with
/// `rule`: the underline of a heading in plain text.
#[askama::filter_fn]
pub fn underline(s: impl ToString, _env: &dyn Values, rule: &str) -> askama::Result<String> {
    let width = textwrap::core::display_width(&s.to_string()).min(super::text::WIDTH);
    Ok(rule.repeat(width))
}

/// A URL as a CommonMark autolink, `<here>`: the characters an autolink
/// cannot hold (space, `<`, `>`, controls) percent-encoded. Backslash escapes
/// do not work inside autolinks, hence the encoding.
#[askama::filter_fn]
pub fn md_autolink(url: impl ToString, _env: &dyn Values) -> askama::Result<Safe<String>> {
    let url = url.to_string();
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' | '<' | '>' => out.push_str(&format!("%{:02X}", c as u32)),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    Ok(Safe(out))
}
