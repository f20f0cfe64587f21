//! Ingest: files and folders → [`Article`]s, one source kind per file
//! (plain text, Markdown, HTML, JSON Lines). Feeds are parsed in [`feed`];
//! fetching them is [`crate::source`]'s job.
//!
//! Every input is read within a size limit and checked (binary, not UTF-8,
//! empty, broken front matter, impossible date); a bad one becomes a
//! [`IngestError`] naming the file and the problem, and the others go on.
//! Ingest does not filter by date: the pipeline does.

pub mod feed;
pub mod frontmatter;
pub mod html;
pub mod jsonl;
pub mod markdown;
pub mod text;

use std::collections::HashSet;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::article::{Article, Origin, Published, stable_id};

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

impl Draft {
    /// The article, with the draft's id or else [`stable_id`] of its URL or text.
    pub fn into_article(mut self, origin: Origin) -> Article {
        let dateline = dateline_len(&self.body);
        self.body.drain(..dateline);
        let id = self
            .id
            .filter(|id| !id.trim().is_empty())
            .unwrap_or_else(|| stable_id(self.url.as_deref(), &self.body));
        Article {
            id,
            origin,
            title: self.title,
            url: self.url,
            outlet: self.outlet,
            published: self.published,
            language: self.language,
            note: self.note,
            body: self.body,
        }
    }
}

/// The length of a wire dateline opening `text` ("LONDON (Reuters) - ",
/// "ERBIL, Kurdistan Region - ", "BRUSSELS — "), 0 when there is none: a
/// place in capitals, perhaps a region and an agency, then a dash; or an
/// agency alone in brackets and a dash ("(CNN) — "); or a place, its
/// region in square brackets, a date and a colon ("New Delhi [India],
/// April 4 (ANI): "). It is no
/// sentence of the story and its place is not a speaker or a measure.
pub fn dateline_len(text: &str) -> usize {
    DATELINE.find(text).map_or(0, |m| m.end())
}

static DATELINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^(?:[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?\s*(?:\([A-Za-z ]{2,20}\)\s*)?|\([A-Z][A-Za-z ]{1,19}\)\s*)[-–—]+\s+|^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*\[[A-Za-z .'’-]{2,30}\],\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*(?:\([A-Za-z ]{2,20}\)\s*)?:\s+",
    )
    .expect("dateline pattern")
});

#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Largest article file read, in bytes; a larger file is rejected unread.
    /// JSON Lines files may be larger: the limit applies to each line.
    pub max_article_bytes: u64,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            max_article_bytes: 8 * 1024 * 1024,
        }
    }
}

/// Why an input was rejected. Each variant names the input, and the line
/// where there is one.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{path}: cannot read: {source}")]
    Read { path: String, source: io::Error },
    #[error("{path}: {size} bytes, over the limit of {limit} bytes for one article")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path}: binary data, not text (NUL byte at offset {offset})")]
    Binary { path: String, offset: usize },
    #[error("{path}: not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 { path: String, offset: usize },
    #[error("{path}: empty: no article text")]
    Empty { path: String },
    #[error("{path}:{line}: {message}")]
    AtLine {
        path: String,
        line: usize,
        message: String,
    },
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
    #[error("{path}: not a file type digest reads (use .txt, .md, .html, .htm or .jsonl)")]
    Unsupported { path: String },
}

/// The articles read and the inputs rejected, in input order.
#[derive(Debug, Default)]
pub struct Ingested {
    pub articles: Vec<Article>,
    pub rejected: Vec<IngestError>,
    /// Files seen in folders but not of a kind digest reads (left alone).
    pub ignored: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Markdown,
    Html,
    Jsonl,
}

fn kind_of(path: &Path) -> Option<Kind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(Kind::Text),
        "md" | "markdown" => Some(Kind::Markdown),
        "html" | "htm" => Some(Kind::Html),
        "jsonl" | "ndjson" => Some(Kind::Jsonl),
        _ => None,
    }
}

/// Reads every input: files directly, folders recursively (hidden entries
/// skipped, files of other kinds ignored), in a stable, sorted order.
/// An article met twice (same id) is kept once.
pub fn ingest(inputs: &[PathBuf], opts: &IngestOptions) -> Ingested {
    let mut out = Ingested::default();
    let mut files = Vec::new();
    for input in inputs {
        collect(input, true, &mut files, &mut out);
    }
    let mut seen = HashSet::new();
    for (path, kind) in files {
        let mut articles = Vec::new();
        read_file(&path, kind, opts, &mut articles, &mut out.rejected);
        for a in articles {
            if seen.insert(a.id.clone()) {
                out.articles.push(a);
            } else {
                tracing::debug!("{}: article {} already read, skipped", a.origin, a.id);
            }
        }
    }
    out
}

fn collect(path: &Path, explicit: bool, files: &mut Vec<(PathBuf, Kind)>, out: &mut Ingested) {
    let display = path.display().to_string();
    // symlink_metadata would refuse links; follow them, as a user expects.
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(source) => {
            out.rejected.push(IngestError::Read {
                path: display,
                source,
            });
            return;
        }
    };
    if meta.is_dir() {
        let entries = match fs::read_dir(path) {
            Ok(e) => e,
            Err(source) => {
                out.rejected.push(IngestError::Read {
                    path: display,
                    source,
                });
                return;
            }
        };
        let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        children.sort();
        for child in children {
            let hidden = child
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if !hidden {
                collect(&child, false, files, out);
            }
        }
        return;
    }
    match kind_of(path) {
        Some(kind) => files.push((path.to_path_buf(), kind)),
        None if explicit => out
            .rejected
            .push(IngestError::Unsupported { path: display }),
        None => out.ignored += 1,
    }
}

fn read_file(
    path: &Path,
    kind: Kind,
    opts: &IngestOptions,
    articles: &mut Vec<Article>,
    rejected: &mut Vec<IngestError>,
) {
    let name = path.display().to_string();
    let origin = Origin::Path(path.to_path_buf());
    if kind == Kind::Jsonl {
        jsonl::read(path, opts, articles, rejected);
        return;
    }
    let text = match read_text(path, opts.max_article_bytes) {
        Ok(t) => t,
        Err(e) => {
            rejected.push(e);
            return;
        }
    };
    let draft = match kind {
        Kind::Text => text::parse(&text).map_err(|e| e.at(&name)),
        Kind::Markdown => markdown::parse(&text).map_err(|e| e.at(&name)),
        Kind::Html => html::parse(&text).map_err(|message| IngestError::Invalid {
            path: name.clone(),
            message,
        }),
        Kind::Jsonl => unreachable!("handled above"),
    };
    match draft {
        Ok(d) if d.body.trim().is_empty() => rejected.push(IngestError::Empty { path: name }),
        Ok(d) => articles.push(d.into_article(origin)),
        Err(e) => rejected.push(e),
    }
}

/// Reads a whole file as UTF-8 text within `limit` bytes, refusing binary
/// data. The limit is enforced while reading, not only from the metadata,
/// so a file that grows or lies about its size cannot exhaust memory.
pub fn read_text(path: &Path, limit: u64) -> Result<String, IngestError> {
    let name = || path.display().to_string();
    let file = fs::File::open(path).map_err(|source| IngestError::Read {
        path: name(),
        source,
    })?;
    if let Ok(meta) = file.metadata()
        && meta.len() > limit
    {
        return Err(IngestError::TooLarge {
            path: name(),
            size: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| IngestError::Read {
            path: name(),
            source,
        })?;
    if bytes.len() as u64 > limit {
        return Err(IngestError::TooLarge {
            path: name(),
            size: bytes.len() as u64,
            limit,
        });
    }
    decode(bytes).map_err(|e| e.at(&name()))
}

/// A problem found in a file's content, before we know which file: the
/// caller adds the path with [`Problem::at`].
#[derive(Debug)]
pub enum Problem {
    Binary(usize),
    NotUtf8(usize),
    AtLine(usize, String),
    Other(String),
}

impl Problem {
    pub fn at(self, path: &str) -> IngestError {
        let path = path.to_string();
        match self {
            Problem::Binary(offset) => IngestError::Binary { path, offset },
            Problem::NotUtf8(offset) => IngestError::NotUtf8 { path, offset },
            Problem::AtLine(line, message) => IngestError::AtLine {
                path,
                line,
                message,
            },
            Problem::Other(message) => IngestError::Invalid { path, message },
        }
    }
}

/// Bytes → text: refuses NUL bytes (binary) and invalid UTF-8, drops a BOM.
pub fn decode(bytes: Vec<u8>) -> Result<String, Problem> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Problem::Binary(offset));
    }
    let mut s =
        String::from_utf8(bytes).map_err(|e| Problem::NotUtf8(e.utf8_error().valid_up_to()))?;
    if s.starts_with('\u{feff}') {
        s.drain(..3);
    }
    Ok(s)
}

/// Normalises a plain-text body: CRLF → LF, trailing spaces cut, runs of
/// blank lines folded to one, and hard-wrapped lines joined (a line that does
/// not end a sentence, followed by one that starts in lower case).
pub fn normalize_body(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    let mut prev_ends_sentence = true;
    for line in text.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank_run += 1;
            continue;
        }
        let starts_lower = line
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        if !out.is_empty() {
            if blank_run > 0 {
                out.push_str("\n\n");
            } else if !prev_ends_sentence && starts_lower {
                out.push(' ');
            } else {
                out.push('\n');
            }
        }
        blank_run = 0;
        out.push_str(if out.is_empty() || !out.ends_with(' ') {
            line
        } else {
            line.trim_start()
        });
        prev_ends_sentence = line.ends_with(['.', '!', '?', ':', '"', '”', '’', '\'', ')']);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_hard_wrapped_lines_only() {
        let t = "A headline\n\nThe minister said the plan\nwould start soon.\nNext paragraph.\r\n";
        assert_eq!(
            normalize_body(t),
            "A headline\n\nThe minister said the plan would start soon.\nNext paragraph."
        );
    }

    #[test]
    fn a_wire_dateline_is_not_part_of_the_story() {
        let body = |text: &str| {
            Draft {
                body: text.to_string(),
                ..Draft::default()
            }
            .into_article(Origin::Path(PathBuf::from("a.txt")))
            .body
        };
        assert_eq!(
            body("ATHENS (Reuters) - Greece will pause claims."),
            "Greece will pause claims."
        );
        assert_eq!(
            body("ERBIL, Kurdistan Region - A deal was signed."),
            "A deal was signed."
        );
        assert_eq!(body("BRUSSELS — Ministers met."), "Ministers met.");
        // An agency alone in brackets: "(CNN) — The world agreed …".
        assert_eq!(body("(CNN) — The world agreed."), "The world agreed.");
        // A place, its region in square brackets, a date and a colon.
        assert_eq!(
            body("New Delhi [India], April 4 (ANI): The bill was passed."),
            "The bill was passed."
        );
        assert_eq!(
            body("Brussels [Belgium], May 3: Aid was promised."),
            "Aid was promised."
        );
        // Not a dateline: a sentence in title case, an acronym subject.
        assert_eq!(
            body("The minister - a former judge - spoke."),
            "The minister - a former judge - spoke."
        );
        assert_eq!(body("UK - France talks end."), "UK - France talks end.");
    }

    #[test]
    fn refuses_binary_and_bad_utf8() {
        assert!(matches!(decode(b"ab\0c".to_vec()), Err(Problem::Binary(2))));
        assert!(matches!(decode(vec![b'a', 0xff]), Err(Problem::NotUtf8(1))));
        assert_eq!(decode("\u{feff}hi".as_bytes().to_vec()).unwrap(), "hi");
    }
}
