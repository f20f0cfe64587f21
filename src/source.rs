//! Sources → the store: configured feeds, pages and folders read into the
//! store, with each live source's health recorded.
//!
//! In: [`Source`]s (`--input URL`, `[[source]]` in digest.toml, or file
//! paths), an open [`Store`], a [`Fetcher`]. Out: articles stored once each,
//! a [`SourceRun`] per live source in the store's history, and a
//! [`Gathered`] summary for the caller. It builds no digest.
//!
//! A URL is fetched conditionally with the validators the store holds. A
//! feed (RSS, Atom, JSON Feed) is stored with its body; each item becomes an
//! article from the feed's own text when it carries the whole article, else
//! from its page, fetched and extracted with [`ingest::html`]. When a feed
//! has not changed (304), its stored body is read again and only the items
//! the store lacks are fetched (say, after a run was killed half-way). A URL
//! that is not a feed is one article page.
//!
//! Identity: an article fetched from the web gets the id of its
//! [`canonical_url`] (tracking parameters dropped, AMP variants and
//! http/https folded), and the store remembers every URL it was met under,
//! so the same article reached twice is stored once.

use std::collections::HashSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use indicatif::ProgressBar;
use serde::Deserialize;

use crate::article::{Origin, stable_id};
use crate::fetch::{FetchError, FetchStats, Fetched, Fetcher, Page, Validators};
use crate::ingest::feed::{self, Feed, FeedOptions, Item};
use crate::ingest::{self, Draft, IngestError, IngestOptions, html};
use crate::store::{CacheEntry, Put, RunId, Seen, SourceRun, Store, StoreError};

/// Where a source is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A feed or an article page.
    Url(String),
    /// A file or folder of articles.
    Path(PathBuf),
}

/// A source of articles: a configured `[[source]]` or an `--input`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub name: String,
    pub location: Location,
    pub topic: Option<String>,
}

/// `[[source]]` in digest.toml, as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceEntry {
    pub name: Option<String>,
    pub url: Option<String>,
    pub path: Option<PathBuf>,
    pub topic: Option<String>,
}

impl SourceEntry {
    /// The source, or why the entry is not one.
    pub fn source(self) -> Result<Source, String> {
        let location = match (self.url, self.path) {
            (Some(u), None) if is_url(&u) => Location::Url(u.trim().to_string()),
            (Some(u), None) => return Err(format!("url `{u}` is not an http(s) URL")),
            (None, Some(p)) => Location::Path(p),
            (Some(_), Some(_)) => return Err("give either url or path, not both".into()),
            (None, None) => return Err("a [[source]] needs a url or a path".into()),
        };
        let name = self
            .name
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| default_name(&location));
        Ok(Source {
            name,
            location,
            topic: self.topic,
        })
    }
}

impl Source {
    /// An `--input`: a URL or a path, named after its host or path.
    pub fn from_input(input: &str) -> Source {
        let location = if is_url(input) {
            Location::Url(input.trim().to_string())
        } else {
            Location::Path(PathBuf::from(input))
        };
        Source {
            name: default_name(&location),
            location,
            topic: None,
        }
    }
}

fn default_name(location: &Location) -> String {
    match location {
        Location::Url(u) => url::Url::parse(u)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
            .unwrap_or_else(|| u.clone()),
        Location::Path(p) => p.display().to_string(),
    }
}

/// `http://` or `https://`, in any case.
pub fn is_url(s: &str) -> bool {
    let s = s.trim_start();
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Query parameters that only track where a click came from. Exact names,
/// then prefixes (`utm_source`, `utm_medium`, …; BBC's `at_*` and `ns_*`;
/// Matomo's `mtm_*` and `pk_*`; Mailchimp's `mc_*`).
const TRACKING_PARAMS: &[&str] = &[
    "fbclid",
    "gclid",
    "dclid",
    "gbraid",
    "wbraid",
    "msclkid",
    "yclid",
    "igshid",
    "twclid",
    "_ga",
    "_gl",
    "ref_src",
    "ref_url",
    "cmpid",
    "ocid",
    "smid",
    "s_cid",
    "ito",
    "amp",
    "__twitter_impression",
];
const TRACKING_PREFIXES: &[&str] = &["utm_", "at_", "ns_", "mtm_", "pk_", "mc_", "hsa_"];

/// The canonical form of an article URL, the key of its identity: `https`
/// for `http`, no default port, host in lower case without an `amp.` prefix,
/// AMP cache URLs (`*.cdn.ampproject.org/c/s/…`) and AMP paths (`/amp/…`,
/// `…/amp`, `….amp`, `….amp.html`, `?amp=1`, `?outputType=amp`) folded to
/// the article's, tracking parameters dropped and the rest sorted, no
/// fragment, no trailing slash. Not a URL to fetch (it may not exist):
/// only a key. Anything that does not parse as http(s) is returned trimmed.
pub fn canonical_url(raw: &str) -> String {
    let raw = raw.trim();
    let Ok(mut u) = url::Url::parse(raw) else {
        return raw.to_string();
    };
    if !matches!(u.scheme(), "http" | "https") {
        return raw.to_string();
    }
    // Google's AMP cache: https://www-example-org.cdn.ampproject.org/c/s/www.example.org/news/a
    if u.host_str()
        .is_some_and(|h| h.ends_with(".cdn.ampproject.org"))
    {
        let path = u.path().to_string();
        let rest = path
            .strip_prefix("/c/s/")
            .or_else(|| path.strip_prefix("/v/s/"))
            .or_else(|| path.strip_prefix("/c/"))
            .or_else(|| path.strip_prefix("/v/"));
        if let Some(rest) = rest
            && let Ok(inner) = url::Url::parse(&format!("https://{rest}"))
        {
            let query = u.query().map(str::to_owned);
            u = inner;
            u.set_query(query.as_deref());
        }
    }
    if u.scheme() == "http" {
        let port = u.port();
        let _ = u.set_scheme("https");
        // The explicit port stays: on another port it is another server.
        let _ = u.set_port(port);
    }
    if let Some(host) = u
        .host_str()
        .and_then(|h| h.strip_prefix("amp."))
        .map(str::to_owned)
    {
        let _ = u.set_host(Some(&host));
    }
    let mut query: Vec<(String, String)> = u
        .query_pairs()
        .filter(|(k, v)| !is_tracking(k, v))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    query.sort();
    let mut segments: Vec<String> = u
        .path_segments()
        .map(|s| s.map(str::to_owned).collect())
        .unwrap_or_default();
    while segments.last().is_some_and(|s| s.is_empty()) {
        segments.pop();
    }
    if segments.last().is_some_and(|s| s == "amp") {
        segments.pop();
    }
    if segments.first().is_some_and(|s| s == "amp") {
        segments.remove(0);
    }
    if let Some(last) = segments.last_mut() {
        if let Some(stem) = last.strip_suffix(".amp.html") {
            *last = format!("{stem}.html");
        } else if let Some(stem) = last.strip_suffix(".amp") {
            *last = stem.to_string();
        }
    }
    u.set_path(&format!("/{}", segments.join("/")));
    with_query(u, &query)
}

/// `u` with exactly these query pairs (none: no `?`) and no fragment.
fn with_query(mut u: url::Url, query: &[(String, String)]) -> String {
    if query.is_empty() {
        u.set_query(None);
    } else {
        u.query_pairs_mut().clear().extend_pairs(query);
    }
    u.set_fragment(None);
    u.to_string()
}

fn is_tracking(key: &str, value: &str) -> bool {
    let key = key.to_ascii_lowercase();
    TRACKING_PARAMS.contains(&key.as_str())
        || TRACKING_PREFIXES.iter().any(|p| key.starts_with(p))
        || (key == "outputtype" && value.eq_ignore_ascii_case("amp"))
}

/// The URL to show for an article whose page names no canonical URL: the
/// one it was fetched from, without tracking parameters or fragment (unlike
/// [`canonical_url`], still the address of that very page).
pub fn without_tracking(raw: &str) -> String {
    let Ok(u) = url::Url::parse(raw.trim()) else {
        return raw.trim().to_string();
    };
    let query: Vec<(String, String)> = u
        .query_pairs()
        .filter(|(k, v)| !is_tracking(k, v))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    with_query(u, &query)
}

/// Tuning of gathering.
#[derive(Debug, Clone, Default)]
pub struct GatherOptions {
    pub feed: FeedOptions,
    pub ingest: IngestOptions,
}

/// What a gathering did, for the summary line and the exit code.
#[derive(Debug, Default)]
pub struct Gathered {
    /// One per live source, as recorded in the store.
    pub sources: Vec<SourceRun>,
    /// Files that could not be read.
    pub rejected: Vec<IngestError>,
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Pages fetched (200) for articles.
    pub pages: usize,
    pub stats: FetchStats,
    pub elapsed: Duration,
    /// Canonical URLs of the articles stored in this run: another feed's
    /// link to one of them is not fetched again.
    handled: HashSet<String>,
}

impl Gathered {
    pub fn failed(&self) -> impl Iterator<Item = &SourceRun> {
        self.sources.iter().filter(|s| s.error.is_some())
    }

    /// Some source failed or some file was rejected: the run is partial.
    pub fn partial(&self) -> bool {
        !self.rejected.is_empty() || self.failed().next().is_some()
    }

    /// The one-line summary printed on stderr.
    pub fn summary(&self, store: &std::path::Path) -> String {
        let failed = self.failed().count();
        let s = &self.stats;
        format!(
            "digest: {} source{} in {:.1} s: {} request{} ({} conditional, {} not modified), \
             {} page{} fetched, {}; articles: {} new, {} updated, {} unchanged; {}; store {}",
            self.sources.len(),
            plural(self.sources.len()),
            self.elapsed.as_secs_f64(),
            s.requests,
            plural(s.requests),
            s.conditional,
            s.not_modified,
            self.pages,
            plural(self.pages),
            bytes(s.bytes),
            self.new,
            self.updated,
            self.unchanged,
            if failed == 0 {
                "no source failed".to_string()
            } else {
                format!("{failed} source{} failed", plural(failed))
            },
            store.display()
        )
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn bytes(n: u64) -> String {
    if n < 10 * 1024 {
        format!("{n} B")
    } else if n < 10 * 1024 * 1024 {
        format!("{} KiB", n / 1024)
    } else {
        format!("{} MiB", n / (1024 * 1024))
    }
}

/// Reads every source into the store: URLs through `fetcher` (unless
/// `offline`, when they are skipped), paths through [`ingest::ingest`].
/// Only a store failure stops it; a source that fails is recorded and the
/// others go on.
#[allow(clippy::too_many_arguments)]
pub fn gather(
    sources: &[Source],
    store: &Store,
    run: RunId,
    fetcher: &mut Fetcher,
    opts: &GatherOptions,
    offline: bool,
    now: DateTime<Utc>,
    progress: &ProgressBar,
) -> Result<Gathered, StoreError> {
    let started = Instant::now();
    let before = fetcher.stats;
    let mut out = Gathered::default();
    progress.set_length(sources.len() as u64);
    for source in sources {
        match &source.location {
            Location::Path(path) => {
                let ingested = ingest::ingest(std::slice::from_ref(path), &opts.ingest);
                out.rejected.extend(ingested.rejected);
                for article in ingested.articles {
                    let urls: Vec<String> = article.url.iter().map(|u| canonical_url(u)).collect();
                    let seen = Seen {
                        source: Some(&source.name),
                        topic: source.topic.as_deref(),
                        urls: &urls,
                        at: Some(now),
                    };
                    count(&mut out, store.put_article(&article, &seen)?.0);
                }
            }
            Location::Url(_) if offline => {}
            Location::Url(url) => {
                progress.set_message(url.clone());
                let mut cx = Cx {
                    store,
                    fetcher,
                    opts,
                    source,
                    now,
                    progress,
                    out: &mut out,
                    item_errors: Vec::new(),
                };
                let stats = cx.fetcher.stats;
                let (items, error) = cx.url_source(url)?;
                let error = error.or_else(|| cx.item_error(items));
                let after = fetcher.stats;
                let record = SourceRun {
                    source: source.name.clone(),
                    url: url.clone(),
                    error,
                    items,
                    requests: after.requests - stats.requests,
                    not_modified: after.not_modified - stats.not_modified,
                    bytes: after.bytes - stats.bytes,
                    ..SourceRun::default()
                };
                if let Some((_, message)) = &record.error {
                    tracing::debug!("{}: {message}", source.name);
                }
                store.record_source(run, &record, now)?;
                out.sources.push(record);
            }
        }
        progress.inc(1);
    }
    out.stats = FetchStats {
        requests: fetcher.stats.requests - before.requests,
        conditional: fetcher.stats.conditional - before.conditional,
        not_modified: fetcher.stats.not_modified - before.not_modified,
        retries: fetcher.stats.retries - before.retries,
        bytes: fetcher.stats.bytes - before.bytes,
    };
    out.elapsed = started.elapsed();
    Ok(out)
}

fn count(out: &mut Gathered, put: Put) {
    match put {
        Put::New => out.new += 1,
        Put::Updated => out.updated += 1,
        Put::Unchanged => out.unchanged += 1,
    }
}

/// One live source being read.
struct Cx<'a> {
    store: &'a Store,
    fetcher: &'a mut Fetcher,
    opts: &'a GatherOptions,
    source: &'a Source,
    now: DateTime<Utc>,
    progress: &'a ProgressBar,
    out: &'a mut Gathered,
    /// (kind, message) of each item page that failed.
    item_errors: Vec<(String, String)>,
}

type Failure = Option<(String, String)>;

fn failure(e: &FetchError) -> Failure {
    Some((e.kind(), e.to_string()))
}

impl Cx<'_> {
    /// Fetches the source's URL; returns how many items it had and its own
    /// failure (item failures are collected apart).
    fn url_source(&mut self, url: &str) -> Result<(usize, Failure), StoreError> {
        let cached = self.store.cached(url)?;
        let validators = cached.as_ref().map(validators).unwrap_or_default();
        match self.fetcher.get(url, &validators) {
            Err(e) => Ok((0, failure(&e))),
            Ok(Fetched::NotModified) => match cached.and_then(|c| c.body.map(|b| (b, c.final_url)))
            {
                // A feed that has not changed: read it again for what we lack.
                Some((body, final_url)) => {
                    let base = final_url.unwrap_or_else(|| url.to_string());
                    match feed::parse(&body, &base, &self.opts.feed) {
                        Ok(f) => {
                            self.items(&f, true)?;
                            Ok((f.items.len(), None))
                        }
                        Err(m) => Ok((0, Some(malformed(url, &m)))),
                    }
                }
                None => {
                    self.out.unchanged += 1;
                    Ok((1, None))
                }
            },
            Ok(Fetched::Page(page)) => {
                if feed::looks_like_feed(page.content_type.as_deref(), &page.body) {
                    let f = match feed::parse(&page.body, &page.final_url, &self.opts.feed) {
                        Ok(f) => f,
                        Err(m) => return Ok((0, Some(malformed(url, &m)))),
                    };
                    let entry = CacheEntry {
                        final_url: Some(page.final_url.clone()),
                        etag: page.validators.etag.clone(),
                        last_modified: page.validators.last_modified.clone(),
                        body: Some(page.body),
                    };
                    self.store.remember_fetch(url, &entry, self.now)?;
                    self.items(&f, false)?;
                    Ok((f.items.len(), None))
                } else {
                    match self.page(url, page, None, None)? {
                        Ok(()) => Ok((1, None)),
                        Err(m) => Ok((1, Some(("no article".into(), m)))),
                    }
                }
            }
        }
    }

    /// The failure to record for a source whose own fetch went well but
    /// some of whose item pages did not.
    fn item_error(&self, items: usize) -> Failure {
        let (kind, first) = self.item_errors.first()?;
        let n = self.item_errors.len();
        Some((
            format!("{kind} on {n} of {items} item pages"),
            format!("{n} of {items} item pages failed; first: {first}"),
        ))
    }

    fn items(&mut self, f: &Feed, skip_known: bool) -> Result<(), StoreError> {
        self.progress.inc_length(f.items.len() as u64);
        for item in &f.items {
            self.item(f, item, skip_known)?;
            self.progress.inc(1);
        }
        Ok(())
    }

    fn item(&mut self, f: &Feed, item: &Item, skip_known: bool) -> Result<(), StoreError> {
        let Some(link) = item.link.as_deref() else {
            // No page to fetch: the feed's text is all there is.
            if item.text.is_some() {
                self.put(item.draft(f), None, &[])?;
            }
            return Ok(());
        };
        let canon = canonical_url(link);
        if item.full_text {
            self.put(item.draft(f), Some(link), &[canon])?;
            return Ok(());
        }
        if self.out.handled.contains(&canon) {
            return Ok(());
        }
        let known = self.store.article_for_url(&canon)?;
        if skip_known && known.is_some() {
            self.out.unchanged += 1;
            self.out.handled.insert(canon);
            return Ok(());
        }
        // Validators only for a page whose article we hold: a 304 for a page
        // we lack (a run killed between the two writes) would leave nothing.
        let validators = match known {
            Some(_) => self.store.cached(link)?.as_ref().map(validators),
            None => None,
        }
        .unwrap_or_default();
        self.progress.set_message(link.to_string());
        match self.fetcher.get(link, &validators) {
            Ok(Fetched::NotModified) => {
                self.out.unchanged += 1;
                self.out.handled.insert(canon);
            }
            Ok(Fetched::Page(page)) => {
                if let Err(m) = self.page(link, page, Some(item), Some(f))? {
                    // The page had no text we could find: the feed's will do.
                    if item.text.is_some() {
                        let mut d = item.draft(f);
                        d.note =
                            Some("text from the feed: the page had none digest could read".into());
                        self.put(d, Some(link), &[canon])?;
                    } else {
                        self.item_errors.push(("no article".into(), m));
                    }
                }
            }
            Err(e) => self.item_errors.push((e.kind(), e.to_string())),
        }
        Ok(())
    }

    /// Extracts and stores the article of a fetched page; `Ok(Err)` when the
    /// page holds no article text.
    fn page(
        &mut self,
        requested: &str,
        page: Page,
        item: Option<&Item>,
        f: Option<&Feed>,
    ) -> Result<Result<(), String>, StoreError> {
        self.out.pages += 1;
        let text = String::from_utf8_lossy(&page.body);
        let mut d = match html::parse(&text) {
            Ok(d) if !d.body.trim().is_empty() => d,
            Ok(_) => return Ok(Err(format!("{requested}: no article text in the page"))),
            Err(m) => return Ok(Err(format!("{requested}: {m}"))),
        };
        // A canonical link to the site's home page is a template bug, not
        // the article's address.
        // Relative canonical links are resolved against where the page came from.
        let canonical = d
            .url
            .take()
            .and_then(|u| url::Url::parse(&page.final_url).ok()?.join(u.trim()).ok())
            .filter(|u| matches!(u.scheme(), "http" | "https") && u.path().len() > 1)
            .map(String::from);
        d.url = Some(
            canonical
                .clone()
                .unwrap_or_else(|| without_tracking(&page.final_url)),
        );
        if let Some(item) = item {
            d.title = d.title.or_else(|| item.title.clone());
            d.published = d.published.or(item.published);
        }
        d.outlet = d
            .outlet
            .or_else(|| f.and_then(|f| f.title.clone()))
            .or_else(|| Some(self.source.name.clone()));
        if d.language.is_none() {
            d.language = detect_language(&d.body)
                .or_else(|| item.and_then(|i| i.language.clone()))
                .or_else(|| f.and_then(|f| f.language.clone()));
        }
        let mut urls = vec![canonical_url(requested), canonical_url(&page.final_url)];
        urls.extend(canonical.as_deref().map(canonical_url));
        urls.sort();
        urls.dedup();
        self.put(d, Some(requested), &urls)?;
        let entry = CacheEntry {
            final_url: Some(page.final_url),
            etag: page.validators.etag,
            last_modified: page.validators.last_modified,
            body: None,
        };
        self.store.remember_fetch(requested, &entry, self.now)?;
        Ok(Ok(()))
    }

    fn put(
        &mut self,
        mut d: Draft,
        origin: Option<&str>,
        urls: &[String],
    ) -> Result<(), StoreError> {
        // The id of the canonical URL, so every variant of it gets the same.
        if d.id.is_none()
            && let Some(u) = d.url.as_deref()
        {
            d.id = Some(stable_id(Some(&canonical_url(u)), ""));
        }
        let origin = Origin::Url(
            origin
                .map(str::to_owned)
                .or_else(|| d.url.clone())
                .unwrap_or_else(|| self.source_url()),
        );
        let article = d.into_article(origin);
        let seen = Seen {
            source: Some(&self.source.name),
            topic: self.source.topic.as_deref(),
            urls,
            at: Some(self.now),
        };
        count(self.out, self.store.put_article(&article, &seen)?.0);
        self.out.handled.extend(urls.iter().cloned());
        Ok(())
    }

    fn source_url(&self) -> String {
        match &self.source.location {
            Location::Url(u) => u.clone(),
            Location::Path(p) => p.display().to_string(),
        }
    }
}

fn validators(c: &CacheEntry) -> Validators {
    Validators {
        etag: c.etag.clone(),
        last_modified: c.last_modified.clone(),
    }
}

fn malformed(url: &str, message: &str) -> (String, String) {
    (
        "malformed feed".into(),
        format!("{url}: malformed feed: {message}"),
    )
}

/// The language of a text as an ISO 639-1 code where there is one ("en"),
/// else ISO 639-3; `None` when whatlang is not confident.
pub fn detect_language(text: &str) -> Option<String> {
    let info = whatlang::detect(text)?;
    if !info.is_reliable() {
        return None;
    }
    let code = info.lang().code();
    // ISO 639-3 → 639-1 for the languages of the outlets a policy team reads.
    const TWO: &[(&str, &str)] = &[
        ("eng", "en"),
        ("fra", "fr"),
        ("deu", "de"),
        ("spa", "es"),
        ("ita", "it"),
        ("nld", "nl"),
        ("por", "pt"),
        ("pol", "pl"),
        ("swe", "sv"),
        ("dan", "da"),
        ("nob", "nb"),
        ("fin", "fi"),
        ("ell", "el"),
        ("ces", "cs"),
        ("slk", "sk"),
        ("hun", "hu"),
        ("ron", "ro"),
        ("bul", "bg"),
        ("hrv", "hr"),
        ("slv", "sl"),
        ("lit", "lt"),
        ("lav", "lv"),
        ("est", "et"),
        ("ukr", "uk"),
        ("rus", "ru"),
        ("tur", "tr"),
        ("ara", "ar"),
        ("cmn", "zh"),
        ("jpn", "ja"),
        ("kor", "ko"),
        ("cym", "cy"),
        ("gle", "ga"),
        ("alb", "sq"),
        ("srp", "sr"),
        ("heb", "he"),
        ("pes", "fa"),
        ("urd", "ur"),
        ("hin", "hi"),
        ("ben", "bn"),
        ("pan", "pa"),
        ("vie", "vi"),
        ("ind", "id"),
    ];
    Some(
        TWO.iter()
            .find(|(three, _)| *three == code)
            .map_or(code, |(_, two)| two)
            .to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_urls_fold_tracking_amp_and_scheme() {
        let base = "https://www.example.org/news/border-bill";
        for variant in [
            "http://www.example.org/news/border-bill",
            "https://www.example.org/news/border-bill?utm_source=rss&utm_medium=feed",
            "https://www.example.org/news/border-bill/?fbclid=abc#comments",
            "https://www.example.org/news/border-bill/amp",
            "https://www.example.org/amp/news/border-bill",
            "https://www.example.org/news/border-bill.amp",
            "https://amp.www.example.org/news/border-bill",
            "https://www-example-org.cdn.ampproject.org/c/s/www.example.org/news/border-bill",
            "https://WWW.Example.org:443/news/border-bill?outputType=amp&gclid=x",
            "http://www.example.org:80/news/border-bill?at_medium=RSS&at_campaign=KARANGA",
        ] {
            assert_eq!(canonical_url(variant), base, "{variant}");
        }
        assert_eq!(
            canonical_url("https://e.org/a?b=2&a=1&utm_x=3"),
            "https://e.org/a?a=1&b=2"
        );
        assert_eq!(
            canonical_url("https://e.org/story.amp.html"),
            "https://e.org/story.html"
        );
        // Another port is another server.
        assert_eq!(
            canonical_url("http://127.0.0.1:8000/a"),
            "https://127.0.0.1:8000/a"
        );
        assert_ne!(
            canonical_url("https://e.org/a?id=1"),
            canonical_url("https://e.org/a?id=2")
        );
        assert_eq!(canonical_url(" not a url "), "not a url");
        assert_eq!(
            without_tracking("http://e.org/a?utm_source=rss&id=3#top"),
            "http://e.org/a?id=3"
        );
    }

    proptest::proptest! {
        /// Canonical forms are stable: folding twice changes nothing.
        #[test]
        fn canonical_urls_are_idempotent(u in "(https?://)?[a-zA-Z0-9.:-]{0,20}(/[a-zA-Z0-9._~%-]{0,8}){0,4}(\\?[a-z_]{1,6}=[a-z0-9]{0,4}(&[a-z_]{1,6}=[a-z0-9]{0,4}){0,3})?(#[a-z]{0,4})?") {
            let once = canonical_url(&u);
            proptest::prop_assert_eq!(canonical_url(&once), once.clone());
            let _ = without_tracking(&u);
        }
    }

    #[test]
    fn entries_need_one_location() {
        let e = |url: Option<&str>, path: Option<&str>| SourceEntry {
            name: None,
            url: url.map(Into::into),
            path: path.map(Into::into),
            topic: None,
        };
        assert_eq!(
            e(Some("https://gov.uk/feed"), None).source().unwrap().name,
            "gov.uk"
        );
        assert!(e(None, None).source().is_err());
        assert!(e(Some("https://a"), Some("b")).source().is_err());
        assert!(e(Some("ftp://a"), None).source().is_err());
    }

    #[test]
    fn detects_english() {
        let text = "The Home Secretary announced a new taskforce to tackle people smuggling \
                    across the Channel, with funding for more officers and new powers.";
        assert_eq!(detect_language(text).as_deref(), Some("en"));
    }
}
