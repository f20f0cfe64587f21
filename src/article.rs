//! The article model: what ingest produces and every later stage reads.
//!
//! An [`Article`] is one news text with its metadata. Its body is plain text:
//! paragraphs separated by a blank line, no markup. Sentence positions used
//! everywhere else (`index` in the digest) are positions in this body.

use std::fmt;
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};
use sha2::{Digest as _, Sha256};

/// Where an article was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Path(PathBuf),
    Url(String),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Path(p) => write!(f, "{}", p.display()),
            Origin::Url(u) => f.write_str(u),
        }
    }
}

/// A publication instant, remembering whether the source gave only a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    pub at: DateTime<FixedOffset>,
    pub date_only: bool,
}

impl Published {
    /// Parses RFC 3339 (`2025-02-03T09:30:00Z`), a plain date (`2025-02-03`,
    /// read as midnight UTC), `2025-02-03 09:30:00` (UTC) or RFC 2822 (feeds).
    /// An impossible date such as `2025-02-30` is an error, never a guess.
    pub fn parse(s: &str) -> Result<Published, String> {
        let s = s.trim();
        if let Ok(at) = DateTime::parse_from_rfc3339(s) {
            return Ok(Published {
                at,
                date_only: false,
            });
        }
        if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            let at = Utc
                .from_utc_datetime(&d.and_time(NaiveTime::MIN))
                .fixed_offset();
            return Ok(Published {
                at,
                date_only: true,
            });
        }
        for fmt in ["%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"] {
            if let Ok(dt) = chrono::NaiveDateTime::parse_from_str(s, fmt) {
                return Ok(Published {
                    at: Utc.from_utc_datetime(&dt).fixed_offset(),
                    date_only: false,
                });
            }
        }
        if let Ok(at) = DateTime::parse_from_rfc2822(s) {
            return Ok(Published {
                at,
                date_only: false,
            });
        }
        Err(format!(
            "`{s}` is not a date (expected RFC 3339 such as 2025-02-03T09:30:00Z, or YYYY-MM-DD)"
        ))
    }

    /// The calendar date where the article was published (its own offset).
    pub fn date(&self) -> NaiveDate {
        self.at.date_naive()
    }

    pub fn utc(&self) -> DateTime<Utc> {
        self.at.with_timezone(&Utc)
    }

    /// ISO 8601: a date when only a date was given, else the full instant.
    pub fn to_iso(&self) -> String {
        if self.date_only {
            self.date().to_string()
        } else {
            self.at.to_rfc3339()
        }
    }
}

/// One article, ready for segmentation.
#[derive(Debug, Clone)]
pub struct Article {
    /// Stable id: given by the source (JSON Lines `id`), else [`stable_id`].
    pub id: String,
    pub origin: Origin,
    pub title: Option<String>,
    /// Canonical URL when the source names one.
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<Published>,
    pub language: Option<String>,
    /// A remark on the metadata worth showing, e.g. that the date is inferred.
    pub note: Option<String>,
    /// Plain text; paragraphs separated by a blank line.
    pub body: String,
}

/// The id of an article that brings none: a fingerprint of its canonical URL
/// when it has one, else of its text (whitespace folded), so the same article
/// read twice, from anywhere, gets the same id.
///
/// The hash is SHA-256, hex, first 16 digits: fixed and documented because
/// ids are written to disk and compared across runs (never `DefaultHasher`).
pub fn stable_id(url: Option<&str>, body: &str) -> String {
    let mut h = Sha256::new();
    match url {
        Some(u) => {
            h.update(b"url\0");
            h.update(u.trim().as_bytes());
        }
        None => {
            h.update(b"text\0");
            for (i, w) in body.split_whitespace().enumerate() {
                if i > 0 {
                    h.update(b" ");
                }
                h.update(w.as_bytes());
            }
        }
    }
    h.finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dates_and_refuses_impossible_ones() {
        assert!(Published::parse("2025-02-03").unwrap().date_only);
        assert_eq!(
            Published::parse("2025-02-03T23:30:00-05:00")
                .unwrap()
                .date()
                .to_string(),
            "2025-02-03"
        );
        assert!(Published::parse("2025-02-30").is_err());
        assert!(Published::parse("Mon, 03 Feb 2025 10:00:00 +0000").is_ok());
    }

    #[test]
    fn ids_are_stable_and_fold_whitespace() {
        assert_eq!(stable_id(None, "a  b\nc"), stable_id(None, "a b c"));
        assert_ne!(stable_id(Some("https://x/1"), "a"), stable_id(None, "a"));
        assert_eq!(stable_id(None, "x").len(), 16);
    }
}
