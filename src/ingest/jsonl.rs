//! JSON Lines (`.jsonl`): one article per line,
//! `{"id", "url", "title", "outlet", "published", "text"}`, only `text`
//! required. A bad line is rejected with its line number; the others load.
//! The file is streamed, and each line is held to the article size limit.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use serde::Deserialize;

use super::{Draft, IngestError, IngestOptions, Problem, decode, normalize_body};
use crate::article::{Article, Origin, Published};

#[derive(Debug, Deserialize)]
struct Line {
    id: Option<serde_json::Value>,
    url: Option<String>,
    title: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    language: Option<String>,
    text: String,
}

pub fn read(
    path: &Path,
    opts: &IngestOptions,
    articles: &mut Vec<Article>,
    rejected: &mut Vec<IngestError>,
) {
    let name = path.display().to_string();
    let file = match File::open(path) {
        Ok(f) => f,
        Err(source) => {
            rejected.push(IngestError::Read { path: name, source });
            return;
        }
    };
    let mut reader = BufReader::new(file);
    let limit = opts.max_article_bytes as usize;
    let mut buf = Vec::new();
    let mut lineno = 0;
    loop {
        lineno += 1;
        buf.clear();
        let (read, overflow) = match read_line_capped(&mut reader, &mut buf, limit) {
            Ok(r) => r,
            Err(source) => {
                rejected.push(IngestError::Read {
                    path: format!("{name}:{lineno}"),
                    source,
                });
                return;
            }
        };
        if read == 0 {
            return;
        }
        if overflow {
            rejected.push(IngestError::AtLine {
                path: name.clone(),
                line: lineno,
                message: format!("line longer than the limit of {limit} bytes for one article"),
            });
            continue;
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match parse_line(std::mem::take(&mut buf)) {
            Ok(draft) if draft.body.trim().is_empty() => rejected.push(IngestError::AtLine {
                path: name.clone(),
                line: lineno,
                message: "empty `text`".into(),
            }),
            Ok(draft) => articles.push(draft.into_article(Origin::Path(path.to_path_buf()))),
            Err(Problem::AtLine(_, m) | Problem::Other(m)) => rejected.push(IngestError::AtLine {
                path: name.clone(),
                line: lineno,
                message: m,
            }),
            Err(Problem::Binary(_)) => rejected.push(IngestError::AtLine {
                path: name.clone(),
                line: lineno,
                message: "binary data (NUL byte)".into(),
            }),
            Err(Problem::NotUtf8(_)) => rejected.push(IngestError::AtLine {
                path: name.clone(),
                line: lineno,
                message: "not UTF-8 text".into(),
            }),
        }
    }
}

fn parse_line(bytes: Vec<u8>) -> Result<Draft, Problem> {
    let text = decode(bytes)?;
    let line: Line =
        serde_json::from_str(&text).map_err(|e| Problem::Other(format!("not an article: {e}")))?;
    let published = line
        .published
        .as_deref()
        .filter(|p| !p.trim().is_empty())
        .map(Published::parse)
        .transpose()
        .map_err(|e| Problem::Other(format!("published: {e}")))?;
    let id = line.id.map(|v| match v {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    });
    Ok(Draft {
        id,
        title: line.title,
        url: line.url,
        outlet: line.outlet,
        published,
        language: line.language,
        note: None,
        body: normalize_body(&line.text),
    })
}

/// Reads one line (without its `\n`) into `buf`, keeping at most `cap`
/// bytes and discarding the rest, so a huge line costs no memory.
/// Returns the bytes consumed and whether the line overflowed.
fn read_line_capped(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    cap: usize,
) -> std::io::Result<(usize, bool)> {
    let mut consumed = 0;
    let mut overflow = false;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok((consumed, overflow));
        }
        let (part, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..i], i + 1),
            None => (chunk, chunk.len()),
        };
        let room = cap.saturating_sub(buf.len());
        if part.len() > room {
            overflow = true;
        }
        buf.extend_from_slice(&part[..part.len().min(room)]);
        let ended = done > part.len();
        reader.consume(done);
        consumed += done;
        if ended {
            return Ok((consumed, overflow));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_long_lines() {
        let mut r = std::io::Cursor::new(b"abcdef\nxy\n".to_vec());
        let mut buf = Vec::new();
        assert_eq!(read_line_capped(&mut r, &mut buf, 3).unwrap(), (7, true));
        assert_eq!(buf, b"abc");
        buf.clear();
        assert_eq!(read_line_capped(&mut r, &mut buf, 3).unwrap(), (3, false));
        assert_eq!(buf, b"xy");
    }

    #[test]
    fn numeric_ids_and_dates() {
        let d =
            parse_line(br#"{"id": 7, "text": "Hi.", "published": "2025-02-03"}"#.to_vec()).unwrap();
        assert_eq!(d.id.as_deref(), Some("7"));
        assert!(parse_line(br#"{"title": "no text"}"#.to_vec()).is_err());
    }
}
