//! Front matter of `.md` and `.txt` articles: a YAML block between `---`
//! lines or a TOML block between `+++` lines, at the very top of the file.
//!
//! Keys read: title, url, outlet, published (RFC 3339 or YYYY-MM-DD),
//! language, id, note; others are ignored so files written for other tools
//! still load.

use serde::Deserialize;

use super::{Draft, Problem};
use crate::article::Published;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct FrontMatter {
    id: Option<String>,
    title: Option<String>,
    url: Option<String>,
    #[serde(alias = "source", alias = "publication")]
    outlet: Option<String>,
    #[serde(alias = "date")]
    published: Option<Scalar>,
    #[serde(alias = "lang")]
    language: Option<String>,
    note: Option<String>,
}

/// A scalar that YAML or TOML may type as a string, a number or a date.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Scalar {
    Text(String),
    TomlDate(toml::value::Datetime),
    Number(i64),
}

impl Scalar {
    fn to_text(&self) -> String {
        match self {
            Scalar::Text(s) => s.clone(),
            Scalar::TomlDate(d) => d.to_string(),
            Scalar::Number(n) => n.to_string(),
        }
    }
}

/// Splits off the front matter, if any, and returns the draft metadata with
/// the remaining body (not yet normalised).
pub fn split(text: &str) -> Result<(Draft, &str), Problem> {
    let (fence, is_yaml) = if starts_with_fence(text, "---") {
        ("---", true)
    } else if starts_with_fence(text, "+++") {
        ("+++", false)
    } else {
        return Ok((Draft::default(), text));
    };
    let after_open = text.find('\n').map_or(text.len(), |i| i + 1);
    let mut offset = after_open;
    let mut close = None;
    for line in text[after_open..].split_inclusive('\n') {
        let t = line.trim_end();
        if t == fence || (is_yaml && t == "...") {
            close = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((block_end, body_start)) = close else {
        return Err(Problem::AtLine(
            1,
            format!("front matter opened with `{fence}` is never closed"),
        ));
    };
    let block = &text[after_open..block_end];
    let fm: FrontMatter = if is_yaml {
        if block.trim().is_empty() {
            FrontMatter::default()
        } else {
            serde_saphyr::from_str(block)
                .map_err(|e| Problem::AtLine(2, format!("front matter: {e}")))?
        }
    } else {
        toml::from_str(block).map_err(|e| {
            let line = e.span().map_or(1, |s| crate::text::line_at(block, s.start));
            Problem::AtLine(
                2 + line.saturating_sub(1),
                format!("front matter: {}", e.message()),
            )
        })?
    };
    let published = match &fm.published {
        None => None,
        Some(p) => {
            let raw = p.to_text();
            let line = 2 + block
                .lines()
                .position(|l| l.trim_start().starts_with("published"))
                .unwrap_or(0);
            Some(
                Published::parse(&raw)
                    .map_err(|e| Problem::AtLine(line, format!("published: {e}")))?,
            )
        }
    };
    let clean = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let draft = Draft {
        id: clean(fm.id),
        title: clean(fm.title),
        url: clean(fm.url),
        outlet: clean(fm.outlet),
        published,
        language: clean(fm.language),
        note: clean(fm.note),
        body: String::new(),
    };
    Ok((draft, &text[body_start..]))
}

fn starts_with_fence(text: &str, fence: &str) -> bool {
    text.lines().next().is_some_and(|l| l.trim_end() == fence)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_yaml_and_toml() {
        let (d, body) =
            split("---\ntitle: \"A: b\"\npublished: 2025-02-03\noutlet: The Mirror\n---\nBody.\n")
                .unwrap();
        assert_eq!(d.title.as_deref(), Some("A: b"));
        assert_eq!(d.published.unwrap().to_iso(), "2025-02-03");
        assert_eq!(body, "Body.\n");
        let (d, _) = split("+++\ntitle = \"T\"\npublished = 2025-02-03\n+++\nBody").unwrap();
        assert_eq!(d.published.unwrap().to_iso(), "2025-02-03");
    }

    #[test]
    fn names_the_line_of_a_bad_date() {
        match split("---\ntitle: x\npublished: 2025-02-30\n---\nb") {
            Err(Problem::AtLine(3, m)) => assert!(m.contains("2025-02-30"), "{m}"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            split("---\ntitle: x\n"),
            Err(Problem::AtLine(1, _))
        ));
        assert!(matches!(
            split("---\ntitle: [unclosed\n---\n"),
            Err(Problem::AtLine(..))
        ));
    }

    #[test]
    fn no_front_matter_is_fine() {
        let (d, body) = split("Just text --- here").unwrap();
        assert!(d.title.is_none());
        assert_eq!(body, "Just text --- here");
    }
}
