//! Plain-text articles (`.txt`): optional front matter, then the body.
//!
//! Without a front-matter title, a short first line that does not end a
//! sentence and is followed by a blank line is taken as the headline (the
//! layout of most news dumps, e.g. "Labour plans maternity pay rise\n\n…").

use super::{Draft, Problem, frontmatter, normalize_body};

pub fn parse(text: &str) -> Result<Draft, Problem> {
    let (mut draft, rest) = frontmatter::split(text)?;
    let mut body = rest.trim_start_matches(['\n', '\r']);
    if draft.title.is_none()
        && let Some((first, after)) = split_headline(body)
    {
        draft.title = Some(first.trim().to_string());
        body = after;
    }
    draft.body = normalize_body(body);
    Ok(draft)
}

fn split_headline(body: &str) -> Option<(&str, &str)> {
    let (first, after) = body.split_once('\n')?;
    let first_trimmed = first.trim();
    let after = after.strip_prefix('\r').unwrap_or(after);
    let followed_by_blank = after.lines().next().is_some_and(|l| l.trim().is_empty());
    let looks_like_headline = !first_trimmed.is_empty()
        && first_trimmed.chars().count() <= 200
        && !first_trimmed.ends_with(['.', '!', '?', ':', ';', ',', '"', '”']);
    (followed_by_blank && looks_like_headline).then_some((first_trimmed, after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_a_headline_line_as_title() {
        let d = parse("Labour plans maternity pay rise\n\nMaternity pay is to rise.\n").unwrap();
        assert_eq!(d.title.as_deref(), Some("Labour plans maternity pay rise"));
        assert_eq!(d.body, "Maternity pay is to rise.");
    }

    #[test]
    fn a_first_sentence_is_not_a_title() {
        let d = parse("Police are set to act.\n\nMore text.").unwrap();
        assert!(d.title.is_none());
        assert_eq!(d.body, "Police are set to act.\n\nMore text.");
    }
}
