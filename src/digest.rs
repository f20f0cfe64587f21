//! The Digest model: what every renderer reads, and what `--format json` prints.
//!
//! Built by [`crate::pipeline`] from the stories, key sentences and extracted
//! items of one period. Field names are a contract with scripts that read the
//! JSON: fields may gain siblings, never change name or meaning.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Digest {
    /// Human title of the period, e.g. "Week of 27 January – 3 February 2025".
    pub title: String,
    pub period: Period,
    pub generated_at: DateTime<Utc>,
    pub articles: Vec<ArticleRef>,
    pub stories: Vec<Story>,
    pub measures: Vec<Measure>,
    pub figures: Vec<Figure>,
    pub quotes: Vec<Quote>,
    pub upcoming: Vec<Upcoming>,
    /// Live sources that failed during the period, and why (empty when all
    /// went well or none were fetched).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceStatus>,
}

/// The window `[start, end)`, in UTC.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct Period {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ArticleRef {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// ISO 8601: a date, or a full instant when the source gave a time.
    pub published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Story {
    pub id: String,
    pub title: String,
    /// Article ids, most informative first.
    pub articles: Vec<String>,
    pub key_sentences: Vec<KeySentence>,
}

/// A key sentence of a story, and the same sentence in the story's other
/// articles (a syndicated copy, a near-identical rewrite), so a sentence two
/// outlets carry is shown once and cites both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeySentence {
    #[serde(flatten)]
    pub evidence: Evidence,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Evidence>,
}

impl From<Evidence> for KeySentence {
    fn from(evidence: Evidence) -> KeySentence {
        KeySentence {
            evidence,
            also: Vec::new(),
        }
    }
}

/// A pointer to one sentence of one article: `index` is the 0-based position
/// of the sentence in the article body, as `digest summarize` numbers it.
///
/// Its strings are shared: one sentence printed by many outlets is cited
/// once per outlet, and a week's digest holds its text once; an article
/// cited a hundred times holds its id once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub article: std::sync::Arc<str>,
    pub index: usize,
    pub text: std::sync::Arc<str>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Measure {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub status: String,
    pub actors: Vec<String>,
    #[serde(rename = "where")]
    pub place: Option<String>,
    pub when: Option<When>,
    /// True when the text only says it may happen ("officials believe they could").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hedged: bool,
    #[serde(default)]
    pub provisions: Vec<Measure>,
    pub evidence: Vec<Evidence>,
}

/// A time phrase as written, with the date(s) it resolves to against the
/// article's publication date; no date when it cannot be resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct When {
    pub text: String,
    pub date: Option<NaiveDate>,
    /// Last day of a range ("between March 31 and April 1", "last week").
    pub end: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Figure {
    pub value: String,
    pub what: String,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Quote {
    pub speaker: String,
    pub text: String,
    pub evidence: Vec<Evidence>,
}

/// A dated event on or after the end of the period.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Upcoming {
    pub name: String,
    pub date: NaiveDate,
    pub end: Option<NaiveDate>,
    #[serde(rename = "where")]
    pub place: Option<String>,
    /// The measure this event belongs to.
    pub measure: Option<String>,
}

/// A source that failed at least once during the period.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SourceStatus {
    /// The source's name (`[[source]] name`, else the URL's host).
    pub name: String,
    pub url: String,
    /// Runs in the period in which it failed.
    pub failures: usize,
    /// Short kind of the last error: "http 500", "timeout", "malformed feed", ….
    pub error_kind: String,
    /// The last error in full.
    pub error: String,
    pub last_failed_at: DateTime<Utc>,
    /// Runs in a row it has failed, up to its latest run.
    pub consecutive_failures: usize,
    /// Failed `flag_after` runs in a row or more: needs a look.
    pub flagged: bool,
    /// Its latest run went well.
    pub recovered: bool,
}
