//! Digest → the weekly email: one MIME message, ready to send or to save as
//! `.eml`.
//!
//! In: a finished [`Digest`] and the [`MessageOptions`] (sender, recipients,
//! subject words, list headers, the date). Out: an [`Email`], the message's
//! bytes with its envelope and Message-ID. It sends nothing, writes nothing
//! and reads no clock (the date comes in with the options): `crate::send`
//! delivers it.
//!
//! The message is
//!
//! ```text
//! multipart/mixed
//! ├── multipart/alternative
//! │   ├── text/plain   the text digest (measures first, numbered sources,
//! │   │                wrapped at 78 columns) with a one-line summary on top
//! │   └── text/html    templates/email.html: tables at most 600 px wide,
//! │                    CSS inlined, dark-mode rules kept in a <style>
//! └── text/calendar    upcoming.ics: one all-day VEVENT per upcoming date
//! ```
//!
//! without the `multipart/mixed` layer when nothing is upcoming. Headers:
//! Date, Message-ID, From, To, a dated Subject, List-Id, List-Unsubscribe
//! (and List-Unsubscribe-Post for an `https` URL, RFC 8058), Auto-Submitted.
//!
//! The HTML part stays under [`HTML_BUDGET`] bytes, below which Gmail shows
//! the whole message rather than clipping it: when the full digest is
//! larger, a compact version (one evidence sentence per item) is sent, and
//! it says that the text part has everything.

use std::fmt::Write as _;
use std::time::SystemTime;

use askama::Template;
use chrono::{DateTime, NaiveDate, Utc};
use lettre::Message;
use lettre::address::Envelope;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use sha2::{Digest as _, Sha256};

use super::filters;
use super::text::{WIDTH, fill, tidy};
use super::view::{View, clean};
use crate::digest::{Digest, Upcoming};

/// Bytes of HTML above which Gmail clips a message ("[Message clipped]"
/// after 102 KB); we keep a margin below it.
pub const HTML_BUDGET: usize = 100_000;

/// The subject's words before the dates, when none are configured.
pub const DEFAULT_SUBJECT: &str = "Policy digest";

/// The file name of the calendar attachment.
pub const CALENDAR_FILE: &str = "upcoming.ics";

/// Who the message is from and to, and the words around it.
#[derive(Debug, Clone)]
pub struct MessageOptions {
    pub from: Mailbox,
    pub to: Vec<Mailbox>,
    /// Words before the dates in the subject: "Border policy digest".
    pub subject: String,
    /// `List-Id` as written (`Border policy <border.example.org>`); by
    /// default the subject's words and `digest.<the From domain>`.
    pub list_id: Option<String>,
    /// An `https:` or `mailto:` URL; by default a mail to the sender with
    /// the subject "unsubscribe".
    pub unsubscribe: Option<String>,
    /// The message's Date (the run's clock).
    pub date: DateTime<Utc>,
}

/// A composed message.
#[derive(Debug, Clone)]
pub struct Email {
    /// `<…@…>`, as in the header.
    pub message_id: String,
    pub subject: String,
    pub envelope: Envelope,
    /// The whole message as sent, CRLF line ends.
    pub bytes: Vec<u8>,
    /// Size of the HTML part before transfer encoding.
    pub html_bytes: usize,
    /// The HTML part is the compact version (the full one was over budget).
    pub compact: bool,
    /// Events in the calendar attachment.
    pub events: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum EmailError {
    #[error("{what} `{value}`: {why}")]
    Header {
        what: &'static str,
        value: String,
        why: String,
    },
    #[error("rendering the email: {0}")]
    Template(#[from] askama::Error),
    #[error("inlining the email's CSS: {0}")]
    Css(String),
    #[error("building the email: {0}")]
    Build(String),
}

/// Refuses a value bound for a header that holds a line break (or any other
/// control character): CR or LF would end the header and start another, so
/// `a@x\r\nBcc: …` could add recipients.
pub fn check_header_text(what: &'static str, value: &str) -> Result<(), EmailError> {
    match value.chars().find(|c| c.is_control()) {
        None => Ok(()),
        Some(c) => Err(EmailError::Header {
            what,
            value: value.escape_debug().to_string(),
            why: match c {
                '\r' | '\n' => {
                    "contains a line break (CR or LF), which would end the header".into()
                }
                c => format!("contains the control character U+{:04X}", c as u32),
            },
        }),
    }
}

/// An address, `team@example.org` or `Policy team <team@example.org>`.
pub fn parse_mailbox(what: &'static str, value: &str) -> Result<Mailbox, EmailError> {
    check_header_text(what, value)?;
    value.trim().parse().map_err(|e| EmailError::Header {
        what,
        value: value.to_string(),
        why: format!("not an email address ({e})"),
    })
}

/// The subject: "Policy digest, week of 27 January – 3 February 2025", with
/// "(nothing matched)" when no article fell in the period.
pub fn subject(words: &str, digest: &Digest) -> String {
    let title = clean(&digest.title);
    let title = match title.strip_prefix("Week of ") {
        Some(rest) => format!("week of {rest}"),
        None => title,
    };
    let mut s = format!("{}, {title}", clean(words));
    if digest.articles.is_empty() {
        s.push_str(" (nothing matched)");
    }
    s
}

/// Builds the message.
pub fn compose(digest: &Digest, opts: &MessageOptions) -> Result<Email, EmailError> {
    let subject = subject(&opts.subject, digest);
    check_header_text("subject", &subject)?;
    let domain = opts.from.email.domain().to_string();
    let list_id = match &opts.list_id {
        Some(id) => id.clone(),
        None => format!("{} <digest.{domain}>", clean(&opts.subject)),
    };
    check_header_text("list id", &list_id)?;
    let unsubscribe = match &opts.unsubscribe {
        Some(u) => u.clone(),
        None => format!("mailto:{}?subject=unsubscribe", opts.from.email),
    };
    check_header_text("unsubscribe URL", &unsubscribe)?;

    let view = View::new(digest);
    let ics = calendar(digest, &domain, opts.date);
    let footer = Footer {
        list: clean(&opts.subject),
        unsubscribe: unsubscribe.clone(),
        calendar: ics.as_ref().map(|_| CALENDAR_FILE),
    };
    let text = text_part(&view, digest, &footer)?;
    let (html, compact) = html_part(&view, digest, &footer)?;
    let message_id = message_id(digest, opts, &domain, &text);

    let mut builder = Message::builder()
        .from(opts.from.clone())
        .subject(subject.clone())
        .date(SystemTime::from(opts.date))
        .message_id(Some(message_id.clone()))
        .raw_header(header("List-Id", list_id))
        .raw_header(header("List-Unsubscribe", format!("<{unsubscribe}>")))
        .raw_header(header("Auto-Submitted", "auto-generated".into()));
    if unsubscribe.to_ascii_lowercase().starts_with("https://") {
        // RFC 8058: a POST to the URL unsubscribes in one click.
        builder = builder.raw_header(header(
            "List-Unsubscribe-Post",
            "List-Unsubscribe=One-Click".into(),
        ));
    }
    for to in &opts.to {
        builder = builder.to(to.clone());
    }
    let html_bytes = html.len();
    let alternative = MultiPart::alternative_plain_html(text, html);
    let events = ics.as_ref().map_or(0, |(_, n)| *n);
    let message = match ics {
        Some((ics, _)) => builder.multipart(
            MultiPart::mixed()
                .multipart(alternative)
                .singlepart(calendar_part(ics)),
        ),
        None => builder.multipart(alternative),
    }
    .map_err(|e| EmailError::Build(e.to_string()))?;
    Ok(Email {
        message_id,
        subject,
        envelope: message.envelope().clone(),
        bytes: message.formatted(),
        html_bytes,
        compact,
        events,
    })
}

fn header(name: &'static str, value: String) -> HeaderValue {
    HeaderValue::new(HeaderName::new_from_ascii_str(name), value)
}

/// `<20250127-20250203.1a2b3c4d5e6f7a8b@example.org>`: the period, then a
/// hash of the date, recipients and text, so two runs of the same week at
/// different times (or to other people) never share an id, while the same
/// run re-rendered gives the same bytes.
fn message_id(digest: &Digest, opts: &MessageOptions, domain: &str, text: &str) -> String {
    let mut h = Sha256::new();
    h.update(opts.date.to_rfc3339().as_bytes());
    for to in &opts.to {
        h.update(b"\0");
        h.update(to.email.to_string().as_bytes());
    }
    h.update(b"\0");
    h.update(text.as_bytes());
    let hash: String = h.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!(
        "<{}-{}.{hash}@{domain}>",
        digest.period.start.format("%Y%m%d"),
        digest.period.end.format("%Y%m%d"),
    )
}

/// What the end of both parts says.
struct Footer {
    list: String,
    unsubscribe: String,
    calendar: Option<&'static str>,
}

/// One line on what the digest holds, for the top of the text part and the
/// inbox preview (the HTML preheader).
fn summary(digest: &Digest) -> String {
    if digest.articles.is_empty() {
        return "Nothing matched this period: no article fell in it.".into();
    }
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut parts = Vec::new();
    if !digest.measures.is_empty() {
        let names: Vec<String> = digest.measures.iter().map(|m| clean(&m.name)).collect();
        parts.push(format!(
            "{}: {}",
            count(names.len(), "measure", "measures"),
            names.join("; ")
        ));
    }
    if !digest.upcoming.is_empty() {
        parts.push(count(
            digest.upcoming.len(),
            "upcoming date",
            "upcoming dates",
        ));
    }
    parts.push(format!(
        "{} from {}",
        count(digest.stories.len(), "story", "stories"),
        count(digest.articles.len(), "article", "articles")
    ));
    let mut s = parts.join(". ");
    s.push('.');
    s
}

#[derive(Template)]
#[template(path = "email.txt", config = "templates/askama.toml")]
struct EmailText<'a> {
    v: &'a View,
    summary: String,
}

fn text_part(view: &View, digest: &Digest, footer: &Footer) -> Result<String, EmailError> {
    let body = EmailText {
        v: view,
        summary: summary(digest),
    }
    .render()?;
    let mut out = fill(&tidy(&body), WIDTH);
    // "-- " (with its space) marks the signature for mail readers; added
    // after `tidy`, which trims trailing spaces.
    out.push_str("\n-- \n");
    let mut sig = format!(
        "Sent by digest to the {} list. Unsubscribe: {}\n",
        footer.list, footer.unsubscribe
    );
    if let Some(file) = footer.calendar {
        let _ = writeln!(
            sig,
            "Upcoming dates are attached as a calendar file, {file}."
        );
    }
    out.push_str(&fill(&sig, WIDTH));
    Ok(out)
}

#[derive(Template)]
#[template(path = "email.html", config = "templates/askama.toml")]
struct EmailHtml<'a> {
    v: &'a View,
    preheader: String,
    list: &'a str,
    unsubscribe: &'a str,
    /// Only http(s) unsubscribe URLs and mailto: are linked.
    calendar: Option<&'a str>,
    /// One evidence sentence per item, to fit [`HTML_BUDGET`].
    compact: bool,
}

fn html_part(view: &View, digest: &Digest, footer: &Footer) -> Result<(String, bool), EmailError> {
    let inliner = css_inline::CSSInliner::options()
        .load_remote_stylesheets(false)
        .minify_css(true)
        .build();
    let render = |compact| -> Result<String, EmailError> {
        let html = EmailHtml {
            v: view,
            preheader: summary(digest),
            list: &footer.list,
            unsubscribe: &footer.unsubscribe,
            calendar: footer.calendar,
            compact,
        }
        .render()?;
        let mut out = inliner
            .inline(&html)
            .map_err(|e| EmailError::Css(e.to_string()))?;
        out.push('\n');
        Ok(out)
    };
    let full = render(false)?;
    if full.len() <= HTML_BUDGET {
        return Ok((full, false));
    }
    Ok((render(true)?, true))
}

fn calendar_part(ics: String) -> SinglePart {
    let kind = ContentType::parse("text/calendar; charset=utf-8; method=PUBLISH")
        .expect("a valid content type");
    Attachment::new(CALENDAR_FILE.to_string()).body(ics, kind)
}

/// The upcoming dates as an iCalendar file (RFC 5545), with how many
/// events it holds; `None` when nothing is upcoming.
///
/// Every event is all-day (`DATE` values, the end exclusive): the digest
/// knows days, not times. Its UID is the event's name and first day under
/// the sender's domain, so the same event in next week's digest updates the
/// calendar entry instead of adding a second one.
pub fn calendar(digest: &Digest, domain: &str, now: DateTime<Utc>) -> Option<(String, usize)> {
    if digest.upcoming.is_empty() {
        return None;
    }
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        format!("PRODID:-//digest//digest {}//EN", env!("CARGO_PKG_VERSION")),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
    ];
    for u in &digest.upcoming {
        lines.extend(event(digest, u, domain, now));
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in lines {
        fold(&line, &mut out);
    }
    Some((out, digest.upcoming.len()))
}

fn event(digest: &Digest, u: &Upcoming, domain: &str, now: DateTime<Utc>) -> Vec<String> {
    let day = |d: NaiveDate| d.format("%Y%m%d").to_string();
    let last = u.end.filter(|e| *e > u.date).unwrap_or(u.date);
    let end = last.succ_opt().unwrap_or(last);
    let slug: String = clean(&u.name)
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let mut lines = vec![
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}-{}@{domain}", slug.trim_matches('-'), day(u.date)),
        format!("DTSTAMP:{}", now.format("%Y%m%dT%H%M%SZ")),
        format!("DTSTART;VALUE=DATE:{}", day(u.date)),
        format!("DTEND;VALUE=DATE:{}", day(end)),
        format!("SUMMARY:{}", ics_text(&u.name)),
    ];
    if let Some(place) = &u.place {
        lines.push(format!("LOCATION:{}", ics_text(place)));
    }
    // The sentence that dates it, and where it was read.
    let measure = u
        .measure
        .as_deref()
        .and_then(|id| digest.measures.iter().find(|m| m.id == id));
    let dating = measure.and_then(|m| {
        let phrase = m.when.as_ref().map(|w| w.text.as_str()).unwrap_or("");
        m.evidence
            .iter()
            .find(|e| !phrase.is_empty() && e.text.contains(phrase))
            .or(m.evidence.first())
    });
    if let Some(e) = dating {
        let source = digest.articles.iter().find(|a| *a.id == *e.article);
        let mut text = format!("“{}”", clean(&e.text));
        if let Some(a) = source {
            let outlet = a.outlet.as_deref().unwrap_or("source");
            let _ = write!(text, " ({})", clean(outlet));
        }
        let _ = write!(text, "\nFrom the digest: {}.", clean(&digest.title));
        lines.push(format!("DESCRIPTION:{}", ics_text(&text)));
        if let Some(url) = source
            .and_then(|a| a.url.as_deref())
            .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
        {
            lines.push(format!("URL:{}", url.replace(char::is_control, "")));
        }
    }
    lines.push("TRANSP:TRANSPARENT".into());
    lines.push("END:VEVENT".into());
    lines
}

/// An iCalendar TEXT value: backslash, `;`, `,` and line breaks escaped,
/// other control characters dropped.
fn ics_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes a content line folded at 75 octets (never inside a UTF-8
/// character), continuation lines starting with a space, CRLF line ends.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::digest::{ArticleRef, Evidence, Measure, Period};
    use chrono::TimeZone;

    fn digest(articles: usize) -> Digest {
        let at = |d| Utc.with_ymd_and_hms(2025, 2, d, 12, 0, 0).unwrap();
        let day = |m, d| NaiveDate::from_ymd_opt(2025, m, d).unwrap();
        let start = Utc.with_ymd_and_hms(2025, 1, 27, 12, 0, 0).unwrap();
        let end = at(3);
        let articles: Vec<ArticleRef> = (1..=articles)
            .map(|i| ArticleRef {
                id: format!("a{i}"),
                path: None,
                url: Some(format!("https://news.example/{i}")),
                title: Some(format!("Story {i}")),
                outlet: Some("The Example".into()),
                published: Some("2025-02-01".into()),
                note: None,
            })
            .collect();
        let summit = Measure {
            id: "border-security-summit".into(),
            name: "Border Security Summit".into(),
            kind: "summit".into(),
            status: "scheduled".into(),
            actors: vec![],
            place: Some("London".into()),
            when: None,
            hedged: false,
            provisions: vec![],
            evidence: vec![Evidence {
                article: "a1".into(),
                index: 22,
                text: "Representatives from over 40 countries are set to attend, in London; between March 31 and April 1.".into(),
            }],
        };
        Digest {
            title: crate::render::period_title(start, end),
            period: Period { start, end },
            generated_at: end,
            measures: if articles.is_empty() {
                vec![]
            } else {
                vec![summit]
            },
            upcoming: if articles.is_empty() {
                vec![]
            } else {
                vec![Upcoming {
                    name: "Border Security Summit".into(),
                    date: day(3, 31),
                    end: Some(day(4, 1)),
                    place: Some("London".into()),
                    measure: Some("border-security-summit".into()),
                }]
            },
            articles,
            stories: vec![],
            figures: vec![],
            quotes: vec![],
            sources: vec![],
        }
    }

    fn options() -> MessageOptions {
        MessageOptions {
            from: parse_mailbox("--from", "Digest <digest@example.org>").unwrap(),
            to: vec![parse_mailbox("--to", "team@example.org").unwrap()],
            subject: "Border policy digest".into(),
            list_id: None,
            unsubscribe: Some("https://example.org/unsubscribe?u=1".into()),
            date: Utc.with_ymd_and_hms(2025, 2, 3, 12, 0, 0).unwrap(),
        }
    }

    fn headers(email: &Email) -> String {
        let text = String::from_utf8_lossy(&email.bytes);
        text.split("\r\n\r\n").next().unwrap().to_string()
    }

    #[test]
    fn line_breaks_in_addresses_and_subjects_are_refused() {
        let e = parse_mailbox("--to", "a@example.org\r\nBcc: evil@example.net").unwrap_err();
        assert!(e.to_string().contains("line break"), "{e}");
        assert!(check_header_text("subject", "Digest\nBcc: x").is_err());
        assert!(parse_mailbox("--to", "not an address").is_err());
        let mut o = options();
        o.subject = "Digest\r\nBcc: evil@example.net".into();
        // `clean` folds it onto one line: the words survive, the break does not.
        let email = compose(&digest(1), &o).unwrap();
        assert!(!headers(&email).contains("\r\nBcc"));
    }

    #[test]
    fn headers_name_the_week_the_list_and_one_click_unsubscribe() {
        let email = compose(&digest(1), &options()).unwrap();
        let h = headers(&email);
        for want in [
            "From: Digest <digest@example.org>",
            "To: team@example.org",
            "Date: Mon, 03 Feb 2025 12:00:00 +0000",
            "Message-ID: <20250127-20250203.",
            "List-Id: Border policy digest <digest.example.org>",
            "List-Unsubscribe: <https://example.org/unsubscribe?u=1>",
            "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
            "Auto-Submitted: auto-generated",
            "Content-Type: multipart/mixed",
        ] {
            assert!(h.contains(want), "missing {want:?} in\n{h}");
        }
        // The en dash makes lettre encode the Subject (RFC 2047).
        assert!(h.contains("\r\nSubject: "), "{h}");
        assert_eq!(
            email.subject,
            "Border policy digest, week of 27 January – 3 February 2025"
        );
        assert!(email.message_id.ends_with("@example.org>"));
        assert_eq!(email.events, 1);
    }

    #[test]
    fn a_mailto_unsubscribe_has_no_one_click_post() {
        let mut o = options();
        o.unsubscribe = None;
        let h = headers(&compose(&digest(1), &o).unwrap());
        assert!(
            h.contains("List-Unsubscribe: <mailto:digest@example.org?subject=unsubscribe>"),
            "{h}"
        );
        assert!(!h.contains("List-Unsubscribe-Post"), "{h}");
    }

    #[test]
    fn the_summit_is_one_all_day_event_with_an_exclusive_end() {
        let d = digest(1);
        let (ics, n) = calendar(&d, "example.org", d.generated_at).unwrap();
        assert_eq!(n, 1);
        assert!(ics.contains("\r\nDTSTART;VALUE=DATE:20250331\r\n"), "{ics}");
        assert!(ics.contains("\r\nDTEND;VALUE=DATE:20250402\r\n"), "{ics}");
        assert!(ics.contains("\r\nUID:border-security-summit-20250331@example.org\r\n"));
        assert!(ics.contains("\r\nLOCATION:London\r\n"));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
        // Escaped text, and every physical line within 75 octets.
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains("attend\\, in London\\; between"), "{ics}");
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{line:?}");
        }
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
    }

    #[test]
    fn an_empty_week_says_so_and_attaches_nothing() {
        let email = compose(&digest(0), &options()).unwrap();
        assert!(
            email.subject.ends_with("(nothing matched)"),
            "{}",
            email.subject
        );
        assert_eq!(email.events, 0);
        let h = headers(&email);
        assert!(h.contains("Content-Type: multipart/alternative"), "{h}");
    }

    #[test]
    fn the_html_part_is_inlined_and_small() {
        let d = digest(3);
        let footer = Footer {
            list: "Border policy digest".into(),
            unsubscribe: "https://example.org/u".into(),
            calendar: Some(CALENDAR_FILE),
        };
        let (html, compact) = html_part(&View::new(&d), &d, &footer).unwrap();
        assert!(!compact);
        assert!(html.len() < HTML_BUDGET);
        assert!(html.contains("<html lang=\"en\""), "{html}");
        assert!(html.contains("max-width: 600px") || html.contains("max-width:600px"));
        // Styles are on the elements; only the media queries stay in <style>.
        assert!(html.contains("<h1 style="), "{html}");
        assert!(html.contains("prefers-color-scheme: dark"));
    }

    #[test]
    fn a_digest_too_big_for_gmail_gets_a_compact_html_part() {
        let mut d = digest(3);
        let m = d.measures[0].clone();
        d.measures = (0..60)
            .map(|i| Measure {
                id: format!("m{i}"),
                name: format!("Measure number {i}"),
                evidence: (0..8)
                    .map(|j| Evidence {
                        article: "a1".into(),
                        index: j,
                        text: format!(
                            "Sentence {j} about measure {i}, long enough to count: {}",
                            "words ".repeat(30)
                        )
                        .into(),
                    })
                    .collect(),
                ..m.clone()
            })
            .collect();
        let email = compose(&d, &options()).unwrap();
        assert!(email.compact, "the full HTML would be over budget");
        assert!(email.html_bytes < HTML_BUDGET, "{} bytes", email.html_bytes);
    }

    #[test]
    fn text_folds_at_75_octets_between_characters() {
        let mut out = String::new();
        fold(&format!("SUMMARY:{}", "é".repeat(60)), &mut out);
        for line in out.split("\r\n") {
            assert!(line.len() <= 75);
        }
        assert_eq!(
            out.replace("\r\n ", "").trim_end(),
            format!("SUMMARY:{}", "é".repeat(60))
        );
    }
}
