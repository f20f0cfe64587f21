//! The digest as display strings, shared by the Markdown, HTML and text
//! templates: dates formatted, article text folded onto one line, sources
//! numbered and evidence resolved to markers (see the [`super`] docs).
//!
//! Holds plain text only: each template escapes for its own format.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

use super::{format_date, format_date_range, format_instant};
use crate::digest::{ArticleRef, Digest, Evidence, Measure, SourceStatus, When};

pub(crate) struct View {
    pub title: String,
    pub from: Stamp,
    /// Exclusive end of the period.
    pub until: Stamp,
    pub generated: Stamp,
    pub measures: Vec<MeasureView>,
    pub stories: Vec<StoryView>,
    pub figures: Vec<FigureView>,
    pub quotes: Vec<QuoteView>,
    pub upcoming: Vec<UpcomingView>,
    pub sources: Vec<Source>,
    /// Live sources that failed during the period.
    pub health: Vec<HealthView>,
}

/// A source that failed during the period, in words.
pub(crate) struct HealthView {
    pub name: String,
    pub url: String,
    /// "HTTP 500 (3 attempts)", "malformed feed: …".
    pub error: String,
    /// "failed in 2 runs, last on 3 February 2025, 12:00 UTC".
    pub when: String,
    /// "failing 3 runs in a row: check it", "working again", or empty.
    pub streak: String,
    /// Failing `flag_after` runs in a row or more.
    pub flagged: bool,
}

/// An instant in words and in ISO 8601 (for HTML `<time datetime>`).
pub(crate) struct Stamp {
    pub text: String,
    pub iso: String,
}

#[derive(Clone)]
pub(crate) struct Source {
    /// 1-based number: `[n]`.
    pub n: usize,
    /// HTML id of the source's entry: `src-n`.
    pub anchor: String,
    /// The outlet, else the URL's host, else "Unknown outlet".
    pub outlet: String,
    pub title: String,
    /// An `http(s)` URL, safe to link.
    pub url: Option<String>,
    /// Where the article came from when there is no linkable URL: another
    /// kind of URL or a file path. Shown, never linked.
    pub location: Option<String>,
    pub published: Option<String>,
    pub note: Option<String>,
}

/// `[n §s]` in the text; `href` is a URL or an in-page `#src-n`, empty when
/// the article is unknown.
pub(crate) struct Marker {
    pub label: String,
    pub href: String,
    pub sentence: String,
}

/// A sentence shown in full, followed by its marker and the markers of
/// the other articles that carry it.
pub(crate) struct Quoted {
    pub text: String,
    pub marker: Marker,
    pub also: Vec<Marker>,
}

pub(crate) struct MeasureView {
    pub anchor: String,
    pub name: String,
    /// The type in words: "Sanctions regime" for `sanctions_regime`.
    pub kind: String,
    pub status: String,
    /// The text only says it may happen.
    pub hedged: bool,
    pub when: Option<String>,
    pub place: Option<String>,
    pub actors: String,
    pub evidence: Vec<Quoted>,
    /// All provisions, depth-first; provisions of provisions are listed
    /// after their parent rather than nested a third level deep.
    pub provisions: Vec<MeasureView>,
}

pub(crate) struct StoryView {
    pub anchor: String,
    pub title: String,
    pub sources: Vec<Source>,
    /// Article ids the story names that are not in the digest's articles.
    pub unknown_sources: Vec<String>,
    pub key_sentences: Vec<Quoted>,
}

pub(crate) struct FigureView {
    pub value: String,
    pub what: String,
    pub markers: Vec<Marker>,
}

pub(crate) struct QuoteView {
    pub speaker: String,
    pub text: String,
    pub markers: Vec<Marker>,
}

pub(crate) struct UpcomingView {
    pub when: String,
    pub name: String,
    pub place: Option<String>,
    /// Anchor of the measure it belongs to.
    pub measure_anchor: Option<String>,
    /// That measure's name, when it is not the event's own.
    pub measure_name: Option<String>,
}

impl View {
    pub fn new(d: &Digest) -> View {
        let sources: Vec<Source> = d
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| Source::new(i + 1, a))
            .collect();
        let mut by_id = HashMap::new();
        for (a, s) in d.articles.iter().zip(&sources) {
            // With duplicate ids, the first entry is the one cited.
            by_id.entry(a.id.as_str()).or_insert(s);
        }
        let cx = Context { by_id };

        let mut measures = Vec::new();
        let mut measure_anchors = HashMap::new();
        for (i, m) in d.measures.iter().enumerate() {
            let anchor = format!("measure-{}", i + 1);
            note_anchors(m, &anchor, &mut measure_anchors);
            measures.push(cx.measure(m, anchor));
        }

        View {
            title: clean(&d.title),
            from: Stamp::new(d.period.start),
            until: Stamp::new(d.period.end),
            generated: Stamp::new(d.generated_at),
            measures,
            stories: d
                .stories
                .iter()
                .enumerate()
                .map(|(i, s)| StoryView {
                    anchor: format!("story-{}", i + 1),
                    title: clean(&s.title),
                    sources: s
                        .articles
                        .iter()
                        .filter_map(|id| cx.by_id.get(id.as_str()).map(|&s| s.clone()))
                        .collect(),
                    unknown_sources: s
                        .articles
                        .iter()
                        .filter(|id| !cx.by_id.contains_key(id.as_str()))
                        .map(|id| clean(id))
                        .collect(),
                    key_sentences: s
                        .key_sentences
                        .iter()
                        .map(|k| Quoted {
                            also: k.also.iter().map(|e| cx.marker(e)).collect(),
                            ..cx.quoted(&k.evidence)
                        })
                        .collect(),
                })
                .collect(),
            figures: d
                .figures
                .iter()
                .map(|f| FigureView {
                    value: clean(&f.value),
                    what: clean(&f.what),
                    markers: f.evidence.iter().map(|e| cx.marker(e)).collect(),
                })
                .collect(),
            quotes: d
                .quotes
                .iter()
                .map(|q| QuoteView {
                    speaker: clean(&q.speaker),
                    text: clean(&q.text),
                    markers: q.evidence.iter().map(|e| cx.marker(e)).collect(),
                })
                .collect(),
            upcoming: d
                .upcoming
                .iter()
                .map(|u| {
                    let name = clean(&u.name);
                    let measure = u.measure.as_deref().and_then(|id| measure_anchors.get(id));
                    UpcomingView {
                        when: format_date_range(u.date, u.end),
                        place: u.place.as_deref().map(clean),
                        measure_anchor: measure.map(|(_, anchor)| anchor.clone()),
                        measure_name: measure.map(|(m, _)| m.clone()).filter(|m| *m != name),
                        name,
                    }
                })
                .collect(),
            sources,
            health: d.sources.iter().map(HealthView::new).collect(),
        }
    }

    /// No articles fell in the period.
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }
}

/// Maps each measure id, provisions included, to its (name, anchor); the
/// anchors follow [`Context::measure`]'s: `measure-2`, `measure-2-1`, ….
fn note_anchors(m: &Measure, anchor: &str, out: &mut HashMap<String, (String, String)>) {
    out.entry(m.id.clone())
        .or_insert_with(|| (clean(&m.name), anchor.to_owned()));
    for (i, p) in m.provisions.iter().enumerate() {
        note_anchors(p, &format!("{anchor}-{}", i + 1), out);
    }
}

struct Context<'a> {
    by_id: HashMap<&'a str, &'a Source>,
}

impl Context<'_> {
    fn marker(&self, e: &Evidence) -> Marker {
        let sentence = e.index + 1;
        let (label, href) = match self.by_id.get(&*e.article) {
            Some(s) => (
                format!("{} §{sentence}", s.n),
                s.url.clone().unwrap_or_else(|| format!("#{}", s.anchor)),
            ),
            None => (format!("{} §{sentence}", clean(&e.article)), String::new()),
        };
        Marker {
            label,
            href,
            sentence: clean(&e.text),
        }
    }

    fn quoted(&self, e: &Evidence) -> Quoted {
        Quoted {
            text: clean(&e.text),
            marker: self.marker(e),
            also: Vec::new(),
        }
    }

    fn measure(&self, m: &Measure, anchor: String) -> MeasureView {
        let mut provisions = Vec::new();
        self.provisions(m, &anchor, &mut provisions);
        MeasureView {
            name: clean(&m.name),
            kind: in_words(&m.kind, true),
            status: in_words(&m.status, false),
            hedged: m.hedged,
            when: m.when.as_ref().map(when),
            place: m.place.as_deref().map(clean).filter(|p| !p.is_empty()),
            actors: m
                .actors
                .iter()
                .map(|a| clean(a))
                .collect::<Vec<_>>()
                .join(", "),
            evidence: m.evidence.iter().map(|e| self.quoted(e)).collect(),
            provisions,
            anchor,
        }
    }

    fn provisions(&self, m: &Measure, anchor: &str, out: &mut Vec<MeasureView>) {
        for (i, p) in m.provisions.iter().enumerate() {
            let view = MeasureView {
                provisions: Vec::new(),
                ..self.measure(p, format!("{anchor}-{}", i + 1))
            };
            let sub = view.anchor.clone();
            out.push(view);
            self.provisions(p, &sub, out);
        }
    }
}

impl Source {
    fn new(n: usize, a: &ArticleRef) -> Source {
        let url = a.url.as_deref().map(str::trim).filter(|u| !u.is_empty());
        let linkable = url.filter(|u| is_http(u));
        let location = match (linkable, url) {
            (None, Some(other)) => Some(clean(other)),
            _ => a.path.as_deref().filter(|_| url.is_none()).map(clean),
        };
        let outlet = a
            .outlet
            .as_deref()
            .map(clean)
            .filter(|o| !o.is_empty())
            .or_else(|| linkable.and_then(host).map(clean))
            .unwrap_or_else(|| "Unknown outlet".to_owned());
        Source {
            n,
            anchor: format!("src-{n}"),
            outlet,
            title: a
                .title
                .as_deref()
                .map(clean)
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| "Untitled".to_owned()),
            url: linkable.map(str::to_owned),
            location,
            published: a.published.as_deref().map(published),
            note: a.note.as_deref().map(clean),
        }
    }
}

impl HealthView {
    fn new(s: &SourceStatus) -> HealthView {
        let runs = if s.failures == 1 { "run" } else { "runs" };
        HealthView {
            name: clean(&s.name),
            url: clean(&s.url),
            // Fetch errors start with the URL, shown apart already.
            error: clean(
                s.error
                    .strip_prefix(&format!("{}: ", s.url))
                    .unwrap_or(&s.error),
            ),
            when: format!(
                "failed in {} {runs}, last on {}",
                s.failures,
                format_instant(s.last_failed_at)
            ),
            streak: if s.recovered {
                "working again".into()
            } else if s.flagged {
                format!("failing {} runs in a row: check it", s.consecutive_failures)
            } else {
                String::new()
            },
            flagged: s.flagged,
        }
    }
}

impl Stamp {
    fn new(at: DateTime<Utc>) -> Stamp {
        Stamp {
            text: format_instant(at),
            iso: at.to_rfc3339_opts(SecondsFormat::Secs, true),
        }
    }
}

/// "4 February 2025 (“on Tuesday”)"; the phrase alone, in quotes, when it
/// did not resolve to a date.
fn when(w: &When) -> String {
    let text = clean(&w.text);
    match w.date {
        Some(date) => {
            let dates = format_date_range(date, w.end);
            if text.is_empty() || text == dates {
                dates
            } else {
                format!("{dates} (“{text}”)")
            }
        }
        None => format!("“{text}”"),
    }
}

/// An ISO 8601 publication date or instant as a date in words, the date
/// being the one in the source's own offset; anything else as given.
fn published(iso: &str) -> String {
    iso.get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .map_or_else(|| clean(iso), format_date)
}

/// `sanctions_regime` → "Sanctions regime" (or "sanctions regime").
fn in_words(code: &str, capital: bool) -> String {
    let words = clean(&code.replace(['_', '-'], " "));
    let mut chars = words.chars();
    match chars.next() {
        Some(first) if capital => first.to_uppercase().chain(chars).collect(),
        _ => words,
    }
}

fn is_http(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// "www.mirror.co.uk" from "https://www.mirror.co.uk/news/…".
fn host(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?;
    (!host.is_empty()).then_some(host)
}

/// Article text on one line: runs of whitespace become one space and
/// control characters go, so text from a feed cannot break a Markdown list,
/// a wrapped text line or a terminal.
pub(crate) fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().filter(|c| !c.is_control()));
    }
    out
}
