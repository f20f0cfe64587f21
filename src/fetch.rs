//! HTTP: a URL (and the validators of its last fetch) → its body, or "not
//! modified", or an error that names the URL and says what went wrong.
//!
//! Polite and bounded by design: an honest User-Agent
//! (`digest/<version> (+contact)`), conditional GET (`If-None-Match`,
//! `If-Modified-Since`), a global timeout per request, a redirect limit, a
//! size limit on the decoded body (gzip is accepted and decoded), one
//! request at a time with a pause between two requests to the same host,
//! and retries with exponential backoff on timeouts, failed connections,
//! 429 and 5xx. Only `http` and `https` URLs are fetched.
//!
//! It does not parse what it fetches, cache anything itself (the store
//! keeps the validators) or run requests in parallel.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use serde::Deserialize;
use ureq::ResponseExt;

/// The tuning of the HTTP client. `Default` is what a weekly cron run wants.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Whole request, headers and body, redirects included.
    pub timeout: Duration,
    pub max_redirects: u32,
    /// Largest body accepted, after decoding.
    pub max_bytes: u64,
    /// Extra attempts after a timeout, a failed connection, 429 or 5xx.
    pub retries: u32,
    /// Wait before the first retry; doubled for each further one.
    pub backoff: Duration,
    /// Pause between the end of one request and the start of the next to the same host.
    pub host_pause: Duration,
    pub user_agent: String,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout: Duration::from_secs(20),
            max_redirects: 5,
            // The article-size limit of file inputs; a feed or page larger
            // than this is not news but a dump.
            max_bytes: 8 * 1024 * 1024,
            retries: 2,
            backoff: Duration::from_secs(2),
            host_pause: Duration::from_secs(1),
            user_agent: user_agent(None),
        }
    }
}

/// `digest/<version> (+contact)`: the contact configured, else the
/// package's repository, so a site owner can find who is fetching.
pub fn user_agent(contact: Option<&str>) -> String {
    let version = env!("CARGO_PKG_VERSION");
    let contact = contact
        .map(str::to_owned)
        .or_else(|| option_env!("CARGO_PKG_REPOSITORY").map(str::to_owned))
        .filter(|c| !c.trim().is_empty());
    match contact {
        Some(c) => format!("digest/{version} (+{})", c.trim()),
        None => format!("digest/{version} (policy news digest; weekly, one request at a time)"),
    }
}

/// `[fetch]` in digest.toml; durations as "20s", "500ms".
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FetchSettings {
    pub timeout: Option<String>,
    pub max_redirects: Option<u32>,
    pub max_bytes: Option<u64>,
    pub retries: Option<u32>,
    pub backoff: Option<String>,
    pub host_pause: Option<String>,
    /// A URL or `mailto:` for the User-Agent.
    pub contact: Option<String>,
    /// How long a run waits for another one holding the store.
    pub lock_wait: Option<String>,
    /// Runs in a row a source must fail before its failure is flagged.
    pub flag_after: Option<usize>,
}

impl FetchSettings {
    /// The options these settings give, or the name and value of a bad one.
    pub fn options(&self) -> Result<FetchOptions, (&'static str, String, String)> {
        let mut o = FetchOptions::default();
        let dur = |key: &'static str, v: &Option<String>, into: &mut Duration| {
            if let Some(s) = v {
                *into = humantime::parse_duration(s.trim())
                    .map_err(|e| (key, s.clone(), e.to_string()))?;
            }
            Ok::<_, (&'static str, String, String)>(())
        };
        dur("fetch.timeout", &self.timeout, &mut o.timeout)?;
        dur("fetch.backoff", &self.backoff, &mut o.backoff)?;
        dur("fetch.host_pause", &self.host_pause, &mut o.host_pause)?;
        if let Some(n) = self.max_redirects {
            o.max_redirects = n;
        }
        if let Some(n) = self.max_bytes {
            o.max_bytes = n;
        }
        if let Some(n) = self.retries {
            o.retries = n;
        }
        if self.contact.is_some() {
            o.user_agent = user_agent(self.contact.as_deref());
        }
        Ok(o)
    }
}

/// What the last fetch said about a URL's version.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

impl Validators {
    pub fn is_empty(&self) -> bool {
        self.etag.is_none() && self.last_modified.is_none()
    }
}

/// A fetched body.
#[derive(Debug, Clone)]
pub struct Page {
    /// Where the body came from after redirects.
    pub final_url: String,
    /// The media type without parameters, lower case ("application/rss+xml").
    pub content_type: Option<String>,
    pub body: Vec<u8>,
    pub validators: Validators,
}

#[derive(Debug, Clone)]
pub enum Fetched {
    Page(Page),
    /// 304: the version we have is current.
    NotModified,
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum FetchError {
    #[error("{url}: not an http(s) URL")]
    BadUrl { url: String },
    #[error("{url}: HTTP {status}{}", retried(*attempts))]
    Status {
        url: String,
        status: u16,
        attempts: u32,
    },
    #[error("{url}: timed out after {timeout:?}{}", retried(*attempts))]
    Timeout {
        url: String,
        timeout: Duration,
        attempts: u32,
    },
    #[error("{url}: more than {limit} redirects (a redirect loop?)")]
    Redirects { url: String, limit: u32 },
    #[error("{url}: body over the limit of {limit} bytes")]
    TooLarge { url: String, limit: u64 },
    #[error("{url}: cannot connect: {message}{}", retried(*attempts))]
    Connect {
        url: String,
        message: String,
        attempts: u32,
    },
    #[error("{url}: {message}")]
    Other { url: String, message: String },
}

fn retried(attempts: u32) -> String {
    if attempts > 1 {
        format!(" ({attempts} attempts)")
    } else {
        String::new()
    }
}

impl FetchError {
    /// A short kind for the health report: "http 500", "timeout", ….
    pub fn kind(&self) -> String {
        match self {
            FetchError::BadUrl { .. } => "bad url".into(),
            FetchError::Status { status, .. } => format!("http {status}"),
            FetchError::Timeout { .. } => "timeout".into(),
            FetchError::Redirects { .. } => "redirect loop".into(),
            FetchError::TooLarge { .. } => "too large".into(),
            FetchError::Connect { .. } => "connection failed".into(),
            FetchError::Other { .. } => "http error".into(),
        }
    }

    fn retryable(&self) -> bool {
        match self {
            FetchError::Status { status, .. } => *status == 429 || *status >= 500,
            FetchError::Timeout { .. } | FetchError::Connect { .. } => true,
            _ => false,
        }
    }

    fn set_attempts(&mut self, n: u32) {
        match self {
            FetchError::Status { attempts, .. }
            | FetchError::Timeout { attempts, .. }
            | FetchError::Connect { attempts, .. } => *attempts = n,
            _ => {}
        }
    }
}

/// Counts over a fetcher's life, for the run's summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FetchStats {
    /// Requests sent, retries included.
    pub requests: usize,
    /// Of which carried validators.
    pub conditional: usize,
    pub not_modified: usize,
    pub retries: usize,
    /// Body bytes received (decoded).
    pub bytes: u64,
}

/// The HTTP client: one request at a time, polite per host.
pub struct Fetcher {
    agent: ureq::Agent,
    opts: FetchOptions,
    last_request: HashMap<String, Instant>,
    pub stats: FetchStats,
}

impl Fetcher {
    pub fn new(opts: FetchOptions) -> Fetcher {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(opts.timeout))
            .max_redirects(opts.max_redirects)
            .user_agent(opts.user_agent.as_str())
            .accept(
                "application/rss+xml, application/atom+xml, application/feed+json, \
                 application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5",
            )
            .http_status_as_error(false)
            .build();
        Fetcher {
            agent: config.into(),
            opts,
            last_request: HashMap::new(),
            stats: FetchStats::default(),
        }
    }

    pub fn options(&self) -> &FetchOptions {
        &self.opts
    }

    /// GETs `url`, conditionally when `validators` are given, retrying
    /// transient failures.
    pub fn get(&mut self, url: &str, validators: &Validators) -> Result<Fetched, FetchError> {
        let parsed = url::Url::parse(url).map_err(|_| FetchError::BadUrl { url: url.into() })?;
        if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
            return Err(FetchError::BadUrl { url: url.into() });
        }
        let host = parsed.host_str().unwrap_or_default().to_string();
        let mut attempt = 0;
        loop {
            attempt += 1;
            self.wait_for(&host);
            let result = self.once(url, validators);
            self.last_request.insert(host.clone(), Instant::now());
            match result {
                Err(mut e) if e.retryable() && attempt <= self.opts.retries => {
                    let wait = self.opts.backoff * 2u32.saturating_pow(attempt - 1);
                    tracing::info!("{e}; retrying in {wait:?}");
                    e.set_attempts(attempt);
                    self.stats.retries += 1;
                    std::thread::sleep(wait);
                }
                Err(mut e) => {
                    e.set_attempts(attempt);
                    return Err(e);
                }
                Ok(f) => return Ok(f),
            }
        }
    }

    fn wait_for(&self, host: &str) {
        if let Some(last) = self.last_request.get(host) {
            let since = last.elapsed();
            if since < self.opts.host_pause {
                std::thread::sleep(self.opts.host_pause - since);
            }
        }
    }

    fn once(&mut self, url: &str, validators: &Validators) -> Result<Fetched, FetchError> {
        let mut req = self.agent.get(url);
        if let Some(etag) = &validators.etag {
            req = req.header("If-None-Match", etag);
        }
        if let Some(lm) = &validators.last_modified {
            req = req.header("If-Modified-Since", lm);
        }
        self.stats.requests += 1;
        if !validators.is_empty() {
            self.stats.conditional += 1;
        }
        let resp = req.call().map_err(|e| self.error(url, e))?;
        let status = resp.status().as_u16();
        if status == 304 {
            self.stats.not_modified += 1;
            return Ok(Fetched::NotModified);
        }
        if !(200..300).contains(&status) {
            return Err(FetchError::Status {
                url: url.into(),
                status,
                attempts: 1,
            });
        }
        let final_url = resp.get_uri().to_string();
        let header = |name: &str| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let validators = Validators {
            etag: header("etag"),
            last_modified: header("last-modified"),
        };
        let content_type = header("content-type").map(|t| {
            t.split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase()
        });
        let body = resp
            .into_body()
            .into_with_config()
            .limit(self.opts.max_bytes)
            .read_to_vec()
            .map_err(|e| self.error(url, e))?;
        self.stats.bytes += body.len() as u64;
        Ok(Fetched::Page(Page {
            final_url,
            content_type,
            body,
            validators,
        }))
    }

    fn error(&self, url: &str, e: ureq::Error) -> FetchError {
        let url = url.to_string();
        match e {
            ureq::Error::Timeout(_) => FetchError::Timeout {
                url,
                timeout: self.opts.timeout,
                attempts: 1,
            },
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                FetchError::Timeout {
                    url,
                    timeout: self.opts.timeout,
                    attempts: 1,
                }
            }
            ureq::Error::TooManyRedirects => FetchError::Redirects {
                url,
                limit: self.opts.max_redirects,
            },
            ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge {
                url,
                limit: self.opts.max_bytes,
            },
            ureq::Error::HostNotFound | ureq::Error::ConnectionFailed | ureq::Error::Io(_) => {
                FetchError::Connect {
                    url,
                    message: e.to_string(),
                    attempts: 1,
                }
            }
            other => FetchError::Other {
                url,
                message: other.to_string(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_user_agent_names_digest_and_a_contact() {
        assert!(user_agent(Some("mailto:team@example.org")).starts_with("digest/"));
        assert!(
            user_agent(Some("mailto:team@example.org")).ends_with("(+mailto:team@example.org)")
        );
    }

    #[test]
    fn settings_parse_durations_and_name_a_bad_one() {
        let s = FetchSettings {
            timeout: Some("300ms".into()),
            ..Default::default()
        };
        assert_eq!(s.options().unwrap().timeout, Duration::from_millis(300));
        let s = FetchSettings {
            backoff: Some("soon".into()),
            ..Default::default()
        };
        assert_eq!(s.options().unwrap_err().0, "fetch.backoff");
    }

    #[test]
    fn only_http_urls_are_fetched() {
        let mut f = Fetcher::new(FetchOptions::default());
        for url in ["file:///etc/passwd", "javascript:alert(1)", "not a url"] {
            assert!(matches!(
                f.get(url, &Validators::default()),
                Err(FetchError::BadUrl { .. })
            ));
        }
        assert_eq!(f.stats.requests, 0);
    }
}
