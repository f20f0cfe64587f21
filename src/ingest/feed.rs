//! Feeds → items: RSS 2.0 (and 0.9x/1.0), Atom and JSON Feed, read with
//! feed-rs.
//!
//! In: the bytes of a feed and the URL it came from (relative links are
//! resolved against it). Out: a [`Feed`] whose items carry their link,
//! GUID, title, dates and, when the feed carries the whole article rather
//! than a teaser, its text as a [`Draft`] body (plain text, one paragraph per
//! block). Deciding what to fetch, and fetching, is the caller's job.

use scraper::{ElementRef, Html};

use super::Draft;
use crate::article::Published;

/// Tuning of feed reading.
#[derive(Debug, Clone)]
pub struct FeedOptions {
    /// An item's content is taken as the full article, and its page not
    /// fetched, when its text has at least this many non-space characters.
    /// Teasers (RSS `description`) run to 200–400; full articles
    /// (`content:encoded`, Atom `content`) to thousands. Shorter content is
    /// still used when the page cannot be fetched.
    pub full_text_min_chars: usize,
}

impl Default for FeedOptions {
    fn default() -> Self {
        FeedOptions {
            full_text_min_chars: 600,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Feed {
    pub title: Option<String>,
    pub language: Option<String>,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone)]
pub struct Item {
    /// The GUID (or feed-rs's hash of link and title when there is none):
    /// for diagnostics only, since publishers change GUIDs.
    pub guid: String,
    /// Absolute `http(s)` link to the article's page.
    pub link: Option<String>,
    pub title: Option<String>,
    /// Published, else updated.
    pub published: Option<Published>,
    /// The item's text (content, else summary), as plain text.
    pub text: Option<String>,
    /// `text` is the whole article (see [`FeedOptions::full_text_min_chars`]).
    pub full_text: bool,
    pub language: Option<String>,
}

impl Item {
    /// The item as an article draft, from the feed alone.
    pub fn draft(&self, feed: &Feed) -> Draft {
        Draft {
            title: self.title.clone(),
            url: self.link.clone(),
            outlet: feed.title.clone(),
            published: self.published,
            language: self.language.clone().or_else(|| feed.language.clone()),
            body: self.text.clone().unwrap_or_default(),
            ..Draft::default()
        }
    }
}

/// True when the bytes look like a feed rather than a web page: by media
/// type, else by the first tag or a JSON Feed's `version`.
pub fn looks_like_feed(content_type: Option<&str>, body: &[u8]) -> bool {
    match content_type {
        Some(t) if t.contains("rss") || t.contains("atom") || t.contains("feed+json") => {
            return true;
        }
        Some("text/html" | "application/xhtml+xml") => return false,
        _ => {}
    }
    let head = String::from_utf8_lossy(&body[..body.len().min(1024)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with('{') {
        return head.contains("jsonfeed.org");
    }
    !(head.starts_with("<!doctype html") || head.starts_with("<html"))
        && (head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf"))
}

/// Parses a feed. An error says what is wrong with it ("malformed XML at …").
pub fn parse(body: &[u8], base_url: &str, opts: &FeedOptions) -> Result<Feed, String> {
    let parsed = feed_rs::parser::Builder::new()
        .base_uri(Some(base_url))
        .build()
        .parse(body)
        .map_err(|e| e.to_string())?;
    let base = url::Url::parse(base_url).ok();
    let language = parsed.language.as_deref().and_then(primary_language);
    let title = parsed
        .title
        .map(|t| fold(&t.content))
        .filter(|t| !t.is_empty());
    let items = parsed
        .entries
        .into_iter()
        .map(|e| {
            let link = e
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(e.links.first())
                .and_then(|l| absolute(base.as_ref(), &l.href));
            let content = e
                .content
                .as_ref()
                .and_then(|c| c.body.as_deref())
                .map(to_text)
                .filter(|t| !t.is_empty());
            let summary = e
                .summary
                .as_ref()
                .map(|s| to_text(&s.content))
                .filter(|t| !t.is_empty());
            let full_text = content
                .as_deref()
                .is_some_and(|c| non_space(c) >= opts.full_text_min_chars);
            Item {
                guid: e.id,
                link,
                title: e.title.map(|t| fold(&t.content)).filter(|t| !t.is_empty()),
                published: e.published.or(e.updated).map(|at| Published {
                    at: at.fixed_offset(),
                    date_only: false,
                }),
                text: content.or(summary),
                full_text,
                language: e.language.as_deref().and_then(primary_language),
            }
        })
        .collect();
    Ok(Feed {
        title,
        language,
        items,
    })
}

/// A link made absolute against the feed's URL; `None` unless http(s).
fn absolute(base: Option<&url::Url>, href: &str) -> Option<String> {
    let href = href.trim();
    let u = match base {
        Some(b) => b.join(href).ok()?,
        None => url::Url::parse(href).ok()?,
    };
    matches!(u.scheme(), "http" | "https").then(|| u.to_string())
}

/// "en-GB" → "en".
fn primary_language(tag: &str) -> Option<String> {
    let p = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
    (p.len() >= 2 && p.len() <= 3 && p.chars().all(|c| c.is_ascii_alphabetic()) && p != "und")
        .then_some(p)
}

fn non_space(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An HTML fragment (or plain text) → plain text: one paragraph per block
/// element, whitespace folded, scripts, styles and figures (captions) dropped.
pub fn to_text(fragment: &str) -> String {
    const BLOCKS: &[&str] = &[
        "p",
        "div",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "br",
        "tr",
        "section",
        "article",
        "pre",
        "ul",
        "ol",
        "table",
    ];
    const SKIP: &[&str] = &[
        "script",
        "style",
        "figure",
        "figcaption",
        "noscript",
        "iframe",
        "svg",
        "button",
        "form",
    ];
    fn walk(el: ElementRef<'_>, paras: &mut Vec<String>, cur: &mut String) {
        for child in el.children() {
            if let Some(t) = child.value().as_text() {
                cur.push_str(t);
            } else if let Some(child) = ElementRef::wrap(child) {
                let name = child.value().name();
                if SKIP.contains(&name) {
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    flush(paras, cur);
                }
                walk(child, paras, cur);
                if block {
                    flush(paras, cur);
                }
            }
        }
    }
    fn flush(paras: &mut Vec<String>, cur: &mut String) {
        let p = fold(cur);
        if !p.is_empty() {
            paras.push(p);
        }
        cur.clear();
    }
    let doc = Html::parse_fragment(fragment);
    let mut paras = Vec::new();
    let mut cur = String::new();
    walk(doc.root_element(), &mut paras, &mut cur);
    flush(&mut paras, &mut cur);
    paras.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Home Office news</title><language>en-gb</language>
<item><title>Teaser only</title><link>/news/a?utm_source=rss</link><guid>g1</guid>
<pubDate>Mon, 03 Feb 2025 09:30:00 +0000</pubDate>
<description>&lt;p&gt;A short teaser.&lt;/p&gt;</description></item>
<item><title>Full</title><link>https://example.org/news/b</link><guid>g2</guid>
<content:encoded><![CDATA[<p>First paragraph of the whole article, long enough.</p><figure><figcaption>A caption</figcaption></figure><p>Second.</p>]]></content:encoded></item>
</channel></rss>"#;

    #[test]
    fn reads_rss_items_with_absolute_links_and_text() {
        let f = parse(
            RSS.as_bytes(),
            "https://example.org/feed.xml",
            &FeedOptions {
                full_text_min_chars: 40,
            },
        )
        .unwrap();
        assert_eq!(f.title.as_deref(), Some("Home Office news"));
        assert_eq!(f.language.as_deref(), Some("en"));
        assert_eq!(
            f.items[0].link.as_deref(),
            Some("https://example.org/news/a?utm_source=rss")
        );
        assert_eq!(f.items[0].text.as_deref(), Some("A short teaser."));
        assert!(!f.items[0].full_text);
        assert_eq!(
            f.items[0].published.unwrap().utc().to_rfc3339(),
            "2025-02-03T09:30:00+00:00"
        );
        assert!(f.items[1].full_text);
        assert_eq!(
            f.items[1].text.as_deref(),
            Some("First paragraph of the whole article, long enough.\n\nSecond.")
        );
    }

    proptest::proptest! {
        /// Any bytes either parse or give an error: never a panic.
        #[test]
        fn any_input_parses_or_errs(body in proptest::collection::vec(proptest::num::u8::ANY, 0..512)) {
            let _ = parse(&body, "https://e.org/feed", &FeedOptions::default());
            let _ = looks_like_feed(None, &body);
        }

        #[test]
        fn feed_shaped_text_parses_or_errs(title in "[^\\x00]{0,40}", link in "[ -~]{0,40}") {
            let xml = format!("<rss version=\"2.0\"><channel><title>{title}</title><item><link>{link}</link><description>{title}</description></item></channel></rss>");
            let _ = parse(xml.as_bytes(), "https://e.org/feed", &FeedOptions::default());
            let _ = to_text(&title);
        }
    }

    #[test]
    fn malformed_xml_is_an_error_and_pages_are_not_feeds() {
        assert!(
            parse(
                b"<rss><channel><item><title>x</chan",
                "https://e.org/",
                &FeedOptions::default()
            )
            .is_err()
        );
        assert!(!looks_like_feed(Some("text/html"), b"<rss"));
        assert!(looks_like_feed(
            None,
            b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        ));
        assert!(looks_like_feed(
            None,
            br#"{"version": "https://jsonfeed.org/version/1.1"}"#
        ));
        assert!(!looks_like_feed(None, b"<!DOCTYPE html><html><body><rss>"));
    }
}
