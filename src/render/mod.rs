//! Rendering: [`Digest`] → Markdown, HTML, plain text or JSON.
//!
//! In: a finished `Digest`. Out: one `String` in the chosen [`Format`], ready
//! for stdout or a mail body, or the same written to a file ([`write`]). Rendering only presents the model: it does not
//! re-rank, re-order, filter or re-extract anything, and does no I/O of its
//! own ([`write`] writes to the writer it is given).
//!
//! Every format shows the same things in the same order: the dated heading
//! (title, exact period, generation time); measures, each with its provisions
//! nested under it and its evidence; stories; key figures; quotes; upcoming
//! dates; the numbered list of sources. Empty sections are left out, and a
//! digest without articles says so in one sentence.
//!
//! # Sources and evidence markers
//!
//! Sources are numbered from 1 in the order of [`Digest::articles`], so
//! source `[n]` is `articles[n - 1]` in the JSON, whether or not anything cites
//! it. An [`Evidence`](crate::digest::Evidence) is shown as the marker
//! `[n §s]`: source `n`, sentence `s`, **sentences counted from 1**
//! (`s = index + 1`; the JSON keeps the 0-based `index`). Evidence naming an
//! article that is not in `articles` shows that article id instead of a
//! number, `[a1b2c3 §s]`, and links nowhere.
//!
//! In HTML a marker links to the article's URL when it has an `http(s)` one,
//! else to the source's entry in the page (`#src-n`), and carries the
//! sentence in its `title`. URLs with any other scheme are shown, never
//! linked, since feed metadata is untrusted (`javascript:`).
//!
//! # Layout
//!
//! `view` turns the digest into display strings once (dates formatted,
//! whitespace folded, markers resolved); `markdown`, `html` and `text` are
//! thin askama templates over that view (`templates/digest.*`), and `json`
//! serializes the model itself. `email` builds the whole MIME message (text
//! and HTML parts, a calendar attachment, headers) from the same view.

pub mod email;
mod filters;
mod html;
mod json;
mod markdown;
mod text;
mod view;

#[cfg(test)]
mod tests;

use chrono::{DateTime, Duration, NaiveDate, TimeDelta, Utc};

use crate::digest::Digest;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Markdown,
    Html,
    Text,
    Json,
    /// The whole email message (`.eml`): see [`email::compose`].
    Email,
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("rendering {format:?}: {source}")]
    Template {
        format: Format,
        source: askama::Error,
    },
    #[error("rendering json: {0}")]
    Json(#[from] serde_json::Error),
    #[error("writing the digest: {0}")]
    Write(#[source] std::io::Error),
    /// An email needs a sender and recipients: [`email::compose`] takes them.
    #[error(
        "rendering email: a message needs its sender and recipients (use render::email::compose)"
    )]
    NeedsAddresses,
}

/// Renders the digest in one format.
pub fn render(digest: &Digest, format: Format) -> Result<String, RenderError> {
    let template_error = |source| RenderError::Template { format, source };
    match format {
        Format::Json => json::render(digest),
        Format::Markdown => markdown::render(digest).map_err(template_error),
        Format::Html => html::render(digest).map_err(template_error),
        Format::Text => text::render(digest).map_err(template_error),
        Format::Email => Err(RenderError::NeedsAddresses),
    }
}

/// Renders the digest in one format into `out`. JSON is serialized
/// straight into it, so a week's digest (larger than its articles, since
/// every item quotes its evidence) is never held twice in memory; the
/// other formats are tidied as a whole first.
pub fn write(
    digest: &Digest,
    format: Format,
    out: &mut dyn std::io::Write,
) -> Result<(), RenderError> {
    match format {
        Format::Json => json::write(digest, out),
        _ => {
            let text = render(digest, format)?;
            out.write_all(text.as_bytes()).map_err(RenderError::Write)
        }
    }
}

/// The title of the period `[start, end)`: "Week of 27 January – 3 February
/// 2025" when it spans 6 to 8 days, else just the dates ("27 January – 3
/// March 2025"). See [`period_dates`] for how the end is read.
pub fn period_title(start: DateTime<Utc>, end: DateTime<Utc>) -> String {
    let dates = period_dates(start, end);
    // 6–8 days rather than exactly 7: a weekly window set by hand, or ending
    // at the run's `--now` after a late cron job, is still a week.
    let span = end - start;
    if span >= Duration::days(6) && span <= Duration::days(8) {
        format!("Week of {dates}")
    } else {
        dates
    }
}

/// The calendar dates (UTC) covered by `[start, end)`: the end is exclusive,
/// so a period ending at midnight ends on the day before.
/// `[27 Jan 00:00, 3 Feb 00:00)` → "27 January – 2 February 2025".
pub fn period_dates(start: DateTime<Utc>, end: DateTime<Utc>) -> String {
    let first = start.date_naive();
    let last = (end - TimeDelta::nanoseconds(1)).date_naive().max(first);
    format_date_range(first, Some(last))
}

/// "4 February 2025".
pub fn format_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// A date or an inclusive range, naming the month and year once where they
/// are shared: "3–5 March 2025", "31 March – 1 April 2025",
/// "29 December 2024 – 4 January 2025". No end, or an end equal to (or, in
/// bad data, before) the start, gives the single date.
pub fn format_date_range(start: NaiveDate, end: Option<NaiveDate>) -> String {
    use chrono::Datelike;
    let end = match end {
        Some(end) if end > start => end,
        _ => return format_date(start),
    };
    let last = format_date(end);
    if start.year() != end.year() {
        format!("{} – {last}", format_date(start))
    } else if start.month() != end.month() {
        format!("{} – {last}", start.format("%-d %B"))
    } else {
        format!("{}–{last}", start.day())
    }
}

/// An instant to the minute, in words: "3 February 2025, 12:05 UTC".
pub fn format_instant(at: DateTime<Utc>) -> String {
    at.format("%-d %B %Y, %H:%M UTC").to_string()
}
