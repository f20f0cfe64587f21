//! Sending: a composed [`Email`] → SMTP, sendmail or a folder, and the
//! bookkeeping that makes a weekly cron job safe to run and to rerun.
//!
//! In: the email, the [`Store`] (which remembers what went out), the
//! [`SendConfig`]. Out: a [`Report`] per message: sent, already sent, or
//! failed and waiting in the outbox. It builds and renders nothing.
//!
//! # Nothing lost, nothing twice
//!
//! - Before a message is handed to the transport it is written to the
//!   **outbox** (`<name>.eml` and its `<name>.json` envelope, each written
//!   beside and renamed into place), so a refused message, a server that is
//!   down or a run killed mid-send leaves it there, and the path is printed.
//! - The store marks a period sent only once the transport accepted the
//!   message (the SMTP server answered 250, sendmail exited 0, the file was
//!   written); then the outbox copy is removed.
//! - Every sending run first delivers what waits in the outbox, oldest first.
//! - A period already marked sent is not sent again unless `--force`.
//!
//! A crash between "accepted" and "marked" can deliver a message twice;
//! never zero times.
//!
//! # Which period
//!
//! A period is identified by the calendar days its subject names
//! ([`sent_key`]): a cron job at 07:00 and a rerun at 07:05 with `--since
//! 7d` cover the same days, so the rerun sends nothing.
//!
//! # Settings
//!
//! [`EmailSettings`] is the `[email]` table of digest.toml, [`EmailFlags`]
//! the command line's; [`EmailConfig::resolve`] merges them (flags win) into
//! checked values. The SMTP password comes from `DIGEST_SMTP_PASSWORD` or
//! the file named by `password_file`, never from a flag or the URL, and is
//! never printed ([`Secret`]).

use std::fmt;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Duration as Days, NaiveTime, SecondsFormat, TimeZone, Utc};
use lettre::Transport as _;
use lettre::address::{Address, Envelope};
use serde::{Deserialize, Serialize};

use crate::config::ConfigError;
use crate::digest::Period;
use crate::render::Format;
use crate::render::email::{self, DEFAULT_SUBJECT, Email, MessageOptions};
use crate::store::{Store, StoreError};

/// The environment variable holding the SMTP password.
pub const PASSWORD_ENV: &str = "DIGEST_SMTP_PASSWORD";

/// How long an SMTP conversation may stall before delivery counts as failed.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// `[email]` in digest.toml, as written. Relative paths are relative to the file.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EmailSettings {
    pub from: Option<String>,
    pub to: Vec<String>,
    /// Words before the dates in the subject.
    pub subject: Option<String>,
    pub list_id: Option<String>,
    /// `smtp://[user@]host[:port][?tls=required]`, `smtps://…`,
    /// `sendmail:[PATH]` or `file:DIR`.
    pub smtp_url: Option<String>,
    pub password_file: Option<PathBuf>,
    /// Extra root certificate(s), PEM, for a server whose certificate is
    /// signed by a private CA (or self-signed). Added to the usual roots.
    pub ca_file: Option<PathBuf>,
    pub unsubscribe: Option<String>,
    pub outbox: Option<PathBuf>,
    pub skip_empty: Option<bool>,
    /// SMTP timeout, e.g. "60s".
    pub timeout: Option<String>,
}

impl EmailSettings {
    /// Makes the file's relative paths relative to the folder it is in.
    pub fn relative_to(&mut self, base: &Path) {
        for p in [&mut self.password_file, &mut self.ca_file, &mut self.outbox]
            .into_iter()
            .flatten()
        {
            if p.is_relative() {
                *p = base.join(&*p);
            }
        }
        if let Some(url) = &mut self.smtp_url
            && let Some(dir) = url.strip_prefix("file:").map(str::to_owned)
        {
            let dir = dir.strip_prefix("//").unwrap_or(&dir);
            if Path::new(dir).is_relative() {
                *url = format!("file:{}", base.join(dir).display());
            }
        }
    }
}

/// The email flags of `digest build`.
#[derive(Debug, Default, Clone)]
pub struct EmailFlags {
    pub send: bool,
    pub from: Option<String>,
    pub to: Vec<String>,
    pub subject: Option<String>,
    pub smtp_url: Option<String>,
    pub unsubscribe: Option<String>,
    pub outbox: Option<PathBuf>,
    pub force: bool,
    pub skip_empty: bool,
}

/// The email settings, resolved and checked.
#[derive(Debug, Clone, Default)]
pub struct EmailConfig {
    /// Present when a message is to be built (`--send` or `--format email`).
    pub message: Option<MessageOptions>,
    /// Present with `--send`.
    pub send: Option<SendConfig>,
}

#[derive(Debug, Clone)]
pub struct SendConfig {
    pub transport: Transport,
    pub outbox: PathBuf,
    /// Send even if the period was sent already.
    pub force: bool,
    /// Send nothing when no article fell in the period.
    pub skip_empty: bool,
}

/// A password: never shown by `Debug` or `Display`.
#[derive(Clone)]
pub struct Secret(String);

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// Where messages go.
#[derive(Debug, Clone)]
pub enum Transport {
    Smtp(Smtp),
    /// The local `sendmail` (or the command given), reading the message on stdin.
    Sendmail(Option<PathBuf>),
    /// Each message as `<uuid>.eml` in a folder (for a pickup directory, or tests).
    File(PathBuf),
}

#[derive(Debug, Clone)]
pub struct Smtp {
    pub host: String,
    pub port: u16,
    pub tls: Tls,
    pub user: Option<String>,
    pub password: Option<Secret>,
    /// Extra trusted roots: the file and its PEM.
    pub ca: Option<(PathBuf, Vec<u8>)>,
    pub timeout: Duration,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tls {
    /// `smtp://`: STARTTLS when the server offers it.
    Opportunistic,
    /// `smtp://…?tls=required`, or any `smtp://` with a password: STARTTLS or fail.
    Required,
    /// `smtps://`: TLS from the first byte.
    Implicit,
}

impl fmt::Display for Transport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Transport::Smtp(s) => {
                let scheme = if s.tls == Tls::Implicit {
                    "smtps"
                } else {
                    "smtp"
                };
                let user = s
                    .user
                    .as_deref()
                    .map(|u| format!("{u}@"))
                    .unwrap_or_default();
                write!(f, "{scheme}://{user}{}:{}", s.host, s.port)?;
                match s.tls {
                    Tls::Opportunistic => f.write_str(" (STARTTLS when offered)"),
                    Tls::Required => f.write_str(" (STARTTLS required)"),
                    Tls::Implicit => Ok(()),
                }
            }
            Transport::Sendmail(None) => f.write_str("sendmail"),
            Transport::Sendmail(Some(p)) => write!(f, "sendmail ({})", p.display()),
            Transport::File(dir) => write!(f, "the folder {}", dir.display()),
        }
    }
}

fn missing(flag: &'static str, message: impl Into<String>) -> ConfigError {
    ConfigError::Missing {
        flag,
        message: message.into(),
    }
}

fn bad(flag: &'static str, value: &str, message: impl Into<String>) -> ConfigError {
    ConfigError::Value {
        flag,
        value: value.escape_debug().to_string(),
        message: message.into(),
    }
}

impl EmailConfig {
    /// Merges flags and `[email]` (flags win). `store` is the store the run
    /// uses (the outbox defaults to `outbox/` beside it); `env` reads the
    /// environment (injected for tests).
    pub fn resolve(
        flags: EmailFlags,
        file: Option<EmailSettings>,
        format: Format,
        now: DateTime<Utc>,
        store: Option<&Path>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<EmailConfig, ConfigError> {
        let file = file.unwrap_or_default();
        if !flags.send && format != Format::Email {
            return Ok(EmailConfig::default());
        }
        let why = if flags.send {
            "--send"
        } else {
            "--format email"
        };
        let from = flags.from.or(file.from).ok_or_else(|| {
            missing(
                "--from",
                format!(
                    "{why} needs a sender: --from ADDRESS, or `from` in [email] of digest.toml"
                ),
            )
        })?;
        let from = email::parse_mailbox("--from", &from).map_err(|e| mail_error("--from", e))?;
        let to = if flags.to.is_empty() {
            file.to
        } else {
            flags.to
        };
        if to.is_empty() {
            return Err(missing(
                "--to",
                format!(
                    "{why} needs recipients: --to ADDRESS (repeatable), or `to = [...]` in [email]"
                ),
            ));
        }
        let to = to
            .iter()
            .map(|t| email::parse_mailbox("--to", t).map_err(|e| mail_error("--to", e)))
            .collect::<Result<Vec<_>, _>>()?;
        let subject = flags
            .subject
            .or(file.subject)
            .unwrap_or_else(|| DEFAULT_SUBJECT.to_string());
        email::check_header_text("--subject", &subject).map_err(|e| mail_error("--subject", e))?;
        if let Some(id) = &file.list_id {
            email::check_header_text("list_id", id).map_err(|e| mail_error("list_id", e))?;
        }
        let unsubscribe = flags.unsubscribe.or(file.unsubscribe);
        if let Some(u) = &unsubscribe {
            email::check_header_text("--unsubscribe", u)
                .map_err(|e| mail_error("--unsubscribe", e))?;
            let lower = u.to_ascii_lowercase();
            if !(lower.starts_with("https://")
                || lower.starts_with("http://")
                || lower.starts_with("mailto:"))
                || u.contains(['<', '>', ' '])
            {
                return Err(bad(
                    "--unsubscribe",
                    u,
                    "expected an https:// (one-click, RFC 8058) or mailto: URL, without spaces or <>",
                ));
            }
        }
        let message = MessageOptions {
            from,
            to,
            subject,
            list_id: file.list_id,
            unsubscribe,
            date: now,
        };
        let send = if flags.send {
            let url = flags.smtp_url.or(file.smtp_url).ok_or_else(|| {
                missing(
                    "--smtp-url",
                    "--send needs a transport: --smtp-url smtp://HOST:587 (or smtps://, sendmail:, file:DIR), \
                     or `smtp_url` in [email]",
                )
            })?;
            let timeout = match &file.timeout {
                Some(t) => humantime::parse_duration(t.trim())
                    .map_err(|e| bad("email.timeout", t, e.to_string()))?,
                None => DEFAULT_TIMEOUT,
            };
            let transport = Transport::parse(
                &url,
                file.password_file.as_deref(),
                file.ca_file.as_deref(),
                timeout,
                &env,
            )?;
            let outbox = match flags.outbox.or(file.outbox) {
                Some(dir) => dir,
                None => store
                    .and_then(Path::parent)
                    .map(|d| d.join("outbox"))
                    .ok_or_else(|| {
                        missing("--outbox", "name the folder where unsent messages wait")
                    })?,
            };
            Some(SendConfig {
                transport,
                outbox,
                force: flags.force,
                skip_empty: flags.skip_empty || file.skip_empty.unwrap_or(false),
            })
        } else {
            None
        };
        Ok(EmailConfig {
            message: Some(message),
            send,
        })
    }
}

fn mail_error(flag: &'static str, e: email::EmailError) -> ConfigError {
    match e {
        email::EmailError::Header { value, why, .. } => ConfigError::Value {
            flag,
            value,
            message: why,
        },
        other => missing(flag, other.to_string()),
    }
}

impl Transport {
    /// `smtp://[user@]host[:port][?tls=required|opportunistic]` (port 587),
    /// `smtps://[user@]host[:port]` (port 465), `sendmail:` or
    /// `sendmail:/path/to/sendmail`, `file:DIR`.
    pub fn parse(
        url: &str,
        password_file: Option<&Path>,
        ca_file: Option<&Path>,
        timeout: Duration,
        env: &impl Fn(&str) -> Option<String>,
    ) -> Result<Transport, ConfigError> {
        let flag = "--smtp-url";
        let url = url.trim();
        if let Some(rest) = url.strip_prefix("sendmail:") {
            let path = rest.trim_start_matches("//");
            return Ok(Transport::Sendmail(
                (!path.is_empty()).then(|| PathBuf::from(path)),
            ));
        }
        if let Some(rest) = url.strip_prefix("file:") {
            let dir = rest.strip_prefix("//").unwrap_or(rest);
            if dir.is_empty() {
                return Err(bad(flag, url, "name the folder: file:/var/spool/digest"));
            }
            return Ok(Transport::File(PathBuf::from(dir)));
        }
        let parsed = url::Url::parse(url).map_err(|e| {
            bad(
                flag,
                url,
                format!("{e}; expected smtp://HOST:PORT, smtps://HOST, sendmail: or file:DIR"),
            )
        })?;
        if parsed.password().is_some() {
            // The command line shows in `ps` and shell history.
            return Err(bad(
                flag,
                &redact(&parsed),
                format!(
                    "put the password in {PASSWORD_ENV} or in a file named by `password_file` in [email], not in the URL"
                ),
            ));
        }
        let host = parsed
            .host_str()
            .filter(|h| !h.is_empty())
            .ok_or_else(|| bad(flag, url, "no host"))?
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_string();
        let query: Vec<(String, String)> = parsed.query_pairs().into_owned().collect();
        if let Some((k, _)) = query.iter().find(|(k, _)| k != "tls") {
            return Err(bad(
                flag,
                url,
                format!("unknown parameter `{k}`; only `tls` is known"),
            ));
        }
        let tls_param = query
            .iter()
            .find(|(k, _)| k == "tls")
            .map(|(_, v)| v.as_str());
        let (mut tls, default_port) = match (parsed.scheme(), tls_param) {
            ("smtp", None | Some("opportunistic")) => (Tls::Opportunistic, 587),
            ("smtp", Some("required")) => (Tls::Required, 587),
            ("smtps", None) => (Tls::Implicit, 465),
            ("smtp" | "smtps", Some(other)) => {
                return Err(bad(
                    flag,
                    url,
                    format!(
                        "tls={other}: expected tls=required or tls=opportunistic (smtp:// only)"
                    ),
                ));
            }
            (scheme, _) => {
                return Err(bad(
                    flag,
                    url,
                    format!("unknown scheme `{scheme}`: expected smtp, smtps, sendmail or file"),
                ));
            }
        };
        let user = (!parsed.username().is_empty()).then(|| percent_decode(parsed.username()));
        let password = match env(PASSWORD_ENV).filter(|p| !p.is_empty()) {
            Some(p) => Some(Secret(p)),
            None => match password_file {
                Some(path) => {
                    let text =
                        std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
                            path: path.display().to_string(),
                            source,
                        })?;
                    Some(Secret(text.trim_end_matches(['\r', '\n']).to_string()))
                }
                None => None,
            },
        };
        match (&user, &password) {
            (Some(u), None) => {
                return Err(bad(
                    flag,
                    url,
                    format!(
                        "user `{u}` needs a password: set {PASSWORD_ENV} or `password_file` in [email]"
                    ),
                ));
            }
            (None, Some(_)) => {
                return Err(bad(
                    flag,
                    url,
                    format!(
                        "a password is set ({PASSWORD_ENV} or password_file) but the URL names no user: smtp://USER@{host}"
                    ),
                ));
            }
            // Never send a password in clear: a server that does not offer
            // STARTTLS fails instead.
            (Some(_), Some(_)) if tls == Tls::Opportunistic => tls = Tls::Required,
            _ => {}
        }
        let ca = match ca_file {
            Some(path) => {
                let pem = std::fs::read(path).map_err(|source| ConfigError::Read {
                    path: path.display().to_string(),
                    source,
                })?;
                lettre::transport::smtp::client::Certificate::from_pem(&pem).map_err(|e| {
                    bad(
                        "ca_file",
                        &path.display().to_string(),
                        format!("not a PEM certificate: {e}"),
                    )
                })?;
                Some((path.to_path_buf(), pem))
            }
            None => None,
        };
        Ok(Transport::Smtp(Smtp {
            host,
            port: parsed.port().unwrap_or(default_port),
            tls,
            user,
            password,
            ca,
            timeout,
        }))
    }

    /// Hands one message to the transport; `Ok` once it was accepted.
    pub fn send(&self, envelope: &Envelope, bytes: &[u8]) -> Result<(), String> {
        match self {
            Transport::Smtp(s) => s.send(envelope, bytes),
            Transport::Sendmail(cmd) => {
                let t = match cmd {
                    Some(c) => lettre::SendmailTransport::new_with_command(c.as_os_str()),
                    None => lettre::SendmailTransport::new(),
                };
                t.send_raw(envelope, bytes).map_err(|e| e.to_string())
            }
            Transport::File(dir) => {
                std::fs::create_dir_all(dir)
                    .map_err(|e| format!("{}: cannot create: {e}", dir.display()))?;
                lettre::FileTransport::new(dir)
                    .send_raw(envelope, bytes)
                    .map(drop)
                    .map_err(|e| format!("{}: {e}", dir.display()))
            }
        }
    }
}

impl Smtp {
    fn send(&self, envelope: &Envelope, bytes: &[u8]) -> Result<(), String> {
        use lettre::transport::smtp::authentication::Credentials;
        use lettre::transport::smtp::client::{Certificate, Tls as LTls, TlsParameters};
        let mut params = TlsParameters::builder(self.host.clone());
        if let Some((path, pem)) = &self.ca {
            let cert = Certificate::from_pem(pem)
                .map_err(|e| format!("{}: not a PEM certificate: {e}", path.display()))?;
            params = params.add_root_certificate(cert);
        }
        let params = params
            .build_rustls()
            .map_err(|e| format!("TLS setup: {e}"))?;
        let tls = match self.tls {
            Tls::Opportunistic => LTls::Opportunistic(params),
            Tls::Required => LTls::Required(params),
            Tls::Implicit => LTls::Wrapper(params),
        };
        let mut builder = lettre::SmtpTransport::builder_dangerous(self.host.as_str())
            .port(self.port)
            .tls(tls)
            .timeout(Some(self.timeout));
        if let (Some(user), Some(Secret(password))) = (&self.user, &self.password) {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        builder
            .build()
            .send_raw(envelope, bytes)
            .map(drop)
            .map_err(|e| describe_smtp_error(&e))
    }
}

/// lettre's error with its causes (the OS error, the certificate problem).
fn describe_smtp_error(e: &lettre::transport::smtp::Error) -> String {
    let mut out = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        let s_text = s.to_string();
        if !out.contains(&s_text) {
            out.push_str(": ");
            out.push_str(&s_text);
        }
        source = s.source();
    }
    out
}

fn percent_decode(s: &str) -> String {
    url::form_urlencoded::parse(format!("u={s}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_else(|| s.to_string())
}

fn redact(url: &url::Url) -> String {
    let mut u = url.clone();
    let _ = u.set_password(Some("***"));
    u.to_string()
}

// -- the sent-state ---------------------------------------------------------

/// The key under which the store remembers a period's digest: the whole
/// UTC days from the period's first to its last (the dates its subject
/// names), `[first 00:00, day after last 00:00)`.
pub fn sent_key(period: Period) -> Period {
    let first = period.start.date_naive();
    let last = (period.end - Days::nanoseconds(1)).date_naive().max(first);
    let midnight = |d: chrono::NaiveDate| Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN));
    Period {
        start: midnight(first),
        end: midnight(last) + Days::days(1),
    }
}

// -- the outbox ---------------------------------------------------------------

/// A folder of messages that were not accepted yet.
#[derive(Debug, Clone)]
pub struct Outbox {
    dir: PathBuf,
}

/// What the outbox keeps beside each `.eml`: what is needed to send it and
/// mark it sent.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct QueuedMeta {
    pub period_start: DateTime<Utc>,
    pub period_end: DateTime<Utc>,
    pub message_id: String,
    pub subject: String,
    pub from: String,
    pub to: Vec<String>,
    pub queued_at: DateTime<Utc>,
}

/// A message waiting in the outbox.
#[derive(Debug, Clone)]
pub struct Queued {
    pub eml: PathBuf,
    json: PathBuf,
    pub meta: QueuedMeta,
}

impl Queued {
    pub fn period(&self) -> Period {
        Period {
            start: self.meta.period_start,
            end: self.meta.period_end,
        }
    }

    fn envelope(&self) -> Result<Envelope, String> {
        let addr = |s: &str| {
            s.parse::<Address>()
                .map_err(|e| format!("{}: bad address `{s}`: {e}", self.json.display()))
        };
        let to = self
            .meta
            .to
            .iter()
            .map(|t| addr(t))
            .collect::<Result<Vec<_>, _>>()?;
        Envelope::new(Some(addr(&self.meta.from)?), to).map_err(|e| e.to_string())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SendError {
    #[error("{path}: {what}: {source}")]
    Io {
        path: String,
        what: &'static str,
        source: std::io::Error,
    },
    #[error("{path}: unreadable outbox entry: {message}")]
    BadEntry { path: String, message: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn io(path: &Path, what: &'static str) -> impl FnOnce(std::io::Error) -> SendError {
    let path = path.display().to_string();
    move |source| SendError::Io { path, what, source }
}

/// Writes `bytes` to `path` durably: beside it, synced, then renamed.
fn write_durably(path: &Path, bytes: &[u8]) -> Result<(), SendError> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp~");
    let tmp = PathBuf::from(tmp);
    let mut f = std::fs::File::create(&tmp).map_err(io(&tmp, "cannot write"))?;
    f.write_all(bytes).map_err(io(&tmp, "cannot write"))?;
    f.sync_all().map_err(io(&tmp, "cannot write"))?;
    std::fs::rename(&tmp, path).map_err(io(path, "cannot write"))
}

impl Outbox {
    pub fn new(dir: impl Into<PathBuf>) -> Outbox {
        Outbox { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Keeps a message until it is accepted; returns its `.eml` path.
    pub fn put(&self, email: &Email, key: Period, now: DateTime<Utc>) -> Result<Queued, SendError> {
        std::fs::create_dir_all(&self.dir).map_err(io(&self.dir, "cannot create the outbox"))?;
        // Sortable by time, unique per message.
        let id: String = email
            .message_id
            .trim_matches(['<', '>'])
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let stem = format!("{}-{id}", now.format("%Y%m%dT%H%M%SZ"));
        let eml = self.dir.join(format!("{stem}.eml"));
        let json = self.dir.join(format!("{stem}.json"));
        let meta = QueuedMeta {
            period_start: key.start,
            period_end: key.end,
            message_id: email.message_id.clone(),
            subject: email.subject.clone(),
            from: email
                .envelope
                .from()
                .map(|a| a.to_string())
                .unwrap_or_default(),
            to: email.envelope.to().iter().map(|a| a.to_string()).collect(),
            queued_at: now,
        };
        // The message first, then the entry that makes it count.
        write_durably(&eml, &email.bytes)?;
        let text = serde_json::to_vec_pretty(&meta).expect("serializable");
        write_durably(&json, &text)?;
        Ok(Queued { eml, json, meta })
    }

    /// The messages waiting, oldest first. A `.json` without its `.eml` (or
    /// the reverse) is a half-written entry and is ignored.
    pub fn waiting(&self) -> Result<Vec<Queued>, SendError> {
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io(&self.dir, "cannot read the outbox")(e)),
        };
        let mut out = Vec::new();
        for entry in entries {
            let json = entry
                .map_err(io(&self.dir, "cannot read the outbox"))?
                .path();
            if json.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let eml = json.with_extension("eml");
            if !eml.is_file() {
                continue;
            }
            let text = std::fs::read(&json).map_err(io(&json, "cannot read"))?;
            let meta: QueuedMeta =
                serde_json::from_slice(&text).map_err(|e| SendError::BadEntry {
                    path: json.display().to_string(),
                    message: e.to_string(),
                })?;
            out.push(Queued { eml, json, meta });
        }
        out.sort_by(|a, b| {
            a.meta
                .queued_at
                .cmp(&b.meta.queued_at)
                .then(a.eml.cmp(&b.eml))
        });
        Ok(out)
    }

    fn remove(&self, q: &Queued) -> Result<(), SendError> {
        // The entry first: a message without its entry is ignored.
        for p in [&q.json, &q.eml] {
            match std::fs::remove_file(p) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(io(p, "cannot remove from the outbox")(e)),
            }
        }
        Ok(())
    }
}

// -- delivering ---------------------------------------------------------------

/// What became of one message.
#[derive(Debug)]
pub enum Report {
    /// Accepted, marked sent, gone from the outbox.
    Sent {
        subject: String,
        message_id: String,
        to: Vec<String>,
        bytes: usize,
        /// It had waited in the outbox since then.
        waited_since: Option<DateTime<Utc>>,
        /// The transport, in words.
        via: String,
    },
    /// Not accepted: it waits in the outbox (`eml`), or could not even be
    /// kept there (`eml` is `None`, `kept_error` says why).
    Failed {
        subject: String,
        error: String,
        eml: Option<PathBuf>,
        kept_error: Option<String>,
        via: String,
    },
    /// An outbox message whose period went out meanwhile (`--force` or
    /// another message): removed unsent.
    Superseded {
        subject: String,
        sent_at: DateTime<Utc>,
    },
}

impl Report {
    pub fn failed(&self) -> bool {
        matches!(self, Report::Failed { .. })
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Report::Sent {
                subject,
                message_id,
                to,
                bytes,
                waited_since,
                via,
            } => {
                write!(
                    f,
                    "sent “{subject}” to {} via {via} ({message_id}, {})",
                    to.join(", "),
                    kb(*bytes)
                )?;
                if let Some(t) = waited_since {
                    write!(
                        f,
                        "; it had waited in the outbox since {}",
                        t.format("%Y-%m-%d %H:%M UTC")
                    )?;
                }
                Ok(())
            }
            Report::Failed {
                subject,
                error,
                eml: Some(eml),
                via,
                ..
            } => write!(
                f,
                "delivery of “{subject}” via {via} failed: {error}\n  the message waits in {}; the next run with --send delivers it first",
                eml.display()
            ),
            Report::Failed {
                subject,
                error,
                eml: None,
                kept_error,
                via,
            } => write!(
                f,
                "delivery of “{subject}” via {via} failed: {error}; and it could not be kept in the outbox: {}",
                kept_error.as_deref().unwrap_or("unknown error")
            ),
            Report::Superseded { subject, sent_at } => write!(
                f,
                "removed “{subject}” from the outbox unsent: its period was sent on {}",
                sent_at.format("%Y-%m-%d %H:%M UTC")
            ),
        }
    }
}

/// "24.1 KB".
pub fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

/// Delivers what waits in the outbox, oldest first. A message whose period
/// was marked sent meanwhile is dropped (or, when it is the very message
/// the store names, was delivered by a run that died before cleaning up).
pub fn flush(
    store: &Store,
    outbox: &Outbox,
    transport: &Transport,
    now: DateTime<Utc>,
) -> Result<Vec<Report>, SendError> {
    let mut reports = Vec::new();
    for q in outbox.waiting()? {
        if let Some(sent) = store.digest_sent(q.period())? {
            outbox.remove(&q)?;
            if sent.message_id != q.meta.message_id {
                reports.push(Report::Superseded {
                    subject: q.meta.subject.clone(),
                    sent_at: sent.sent_at,
                });
            }
            continue;
        }
        let bytes = std::fs::read(&q.eml).map_err(io(&q.eml, "cannot read"))?;
        let result = q.envelope().and_then(|env| transport.send(&env, &bytes));
        match result {
            Ok(()) => {
                store.mark_digest_sent(q.period(), &q.meta.message_id, &q.meta.to, now)?;
                outbox.remove(&q)?;
                reports.push(Report::Sent {
                    subject: q.meta.subject.clone(),
                    message_id: q.meta.message_id.clone(),
                    to: q.meta.to.clone(),
                    bytes: bytes.len(),
                    waited_since: Some(q.meta.queued_at),
                    via: transport.to_string(),
                });
            }
            Err(error) => reports.push(Report::Failed {
                subject: q.meta.subject.clone(),
                error,
                eml: Some(q.eml.clone()),
                kept_error: None,
                via: transport.to_string(),
            }),
        }
    }
    Ok(reports)
}

/// The message of `key` that waits in the outbox, if any.
pub fn waiting_for(outbox: &Outbox, key: Period) -> Result<Option<Queued>, SendError> {
    Ok(outbox
        .waiting()?
        .into_iter()
        .find(|q| q.meta.period_start == key.start && q.meta.period_end == key.end))
}

/// Keeps the message in the outbox, hands it to the transport, and once it
/// was accepted marks `key` sent and clears the outbox copy.
pub fn deliver(
    store: &Store,
    outbox: &Outbox,
    transport: &Transport,
    email: &Email,
    key: Period,
    now: DateTime<Utc>,
) -> Result<Report, SendError> {
    let (queued, kept_error) = match outbox.put(email, key, now) {
        Ok(q) => (Some(q), None),
        // Still try to send: a full disk should not also cost the email.
        Err(e) => (None, Some(e.to_string())),
    };
    let to: Vec<String> = email.envelope.to().iter().map(|a| a.to_string()).collect();
    match transport.send(&email.envelope, &email.bytes) {
        Ok(()) => {
            store.mark_digest_sent(key, &email.message_id, &to, now)?;
            if let Some(q) = &queued {
                outbox.remove(q)?;
            }
            Ok(Report::Sent {
                subject: email.subject.clone(),
                message_id: email.message_id.clone(),
                to,
                bytes: email.bytes.len(),
                waited_since: None,
                via: transport.to_string(),
            })
        }
        Err(error) => Ok(Report::Failed {
            subject: email.subject.clone(),
            error,
            eml: queued.map(|q| q.eml),
            kept_error,
            via: transport.to_string(),
        }),
    }
}

/// "sent on 2025-02-03 12:00 UTC to a@x, b@y (<id>)".
pub fn describe_sent(r: &crate::store::SentRecord) -> String {
    format!(
        "sent on {} to {} ({})",
        r.sent_at.to_rfc3339_opts(SecondsFormat::Secs, true),
        r.recipients.join(", "),
        r.message_id
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        crate::config::parse_instant(s).unwrap()
    }

    fn no_env(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn a_period_is_known_by_the_days_its_subject_names() {
        let a = Period {
            start: at("2025-01-27T07:00:00Z"),
            end: at("2025-02-03T07:00:00Z"),
        };
        let b = Period {
            start: at("2025-01-27T07:05:12Z"),
            end: at("2025-02-03T07:05:12Z"),
        };
        assert_eq!(sent_key(a).start, sent_key(b).start);
        assert_eq!(sent_key(a).end, sent_key(b).end);
        assert_eq!(sent_key(a).end, at("2025-02-04"));
        // A period ending at midnight ends the day before.
        let c = Period {
            start: at("2025-01-27"),
            end: at("2025-02-03"),
        };
        assert_eq!(sent_key(c).end, at("2025-02-03"));
    }

    #[test]
    fn transport_urls() {
        let t = |u: &str| Transport::parse(u, None, None, DEFAULT_TIMEOUT, &no_env);
        let Transport::Smtp(s) = t("smtp://mail.example.org").unwrap() else {
            panic!()
        };
        assert_eq!((s.port, s.tls), (587, Tls::Opportunistic));
        let Transport::Smtp(s) = t("smtp://mail.example.org:2525?tls=required").unwrap() else {
            panic!()
        };
        assert_eq!((s.port, s.tls), (2525, Tls::Required));
        let Transport::Smtp(s) = t("smtps://mail.example.org").unwrap() else {
            panic!()
        };
        assert_eq!((s.port, s.tls), (465, Tls::Implicit));
        assert!(matches!(t("sendmail:").unwrap(), Transport::Sendmail(None)));
        assert!(matches!(
            t("sendmail:/usr/sbin/sendmail").unwrap(),
            Transport::Sendmail(Some(_))
        ));
        assert!(matches!(t("file:/tmp/mail").unwrap(), Transport::File(_)));
        assert!(t("http://mail.example.org").is_err());
        assert!(t("smtp://mail.example.org?tls=none").is_err());
    }

    #[test]
    fn a_password_never_comes_from_the_url_and_is_never_shown() {
        let e = Transport::parse(
            "smtp://me:hunter2@mail.example.org",
            None,
            None,
            DEFAULT_TIMEOUT,
            &no_env,
        )
        .unwrap_err()
        .to_string();
        assert!(!e.contains("hunter2"), "{e}");
        assert!(e.contains(PASSWORD_ENV), "{e}");
        let env = |k: &str| (k == PASSWORD_ENV).then(|| "hunter2".to_string());
        let t = Transport::parse(
            "smtp://me@mail.example.org",
            None,
            None,
            DEFAULT_TIMEOUT,
            &env,
        )
        .unwrap();
        assert!(!format!("{t:?} {t}").contains("hunter2"));
        // With a password, STARTTLS is required: never a password in clear.
        let Transport::Smtp(s) = t else { panic!() };
        assert_eq!(s.tls, Tls::Required);
        // A user needs a password, a password a user.
        assert!(
            Transport::parse(
                "smtp://me@mail.example.org",
                None,
                None,
                DEFAULT_TIMEOUT,
                &no_env
            )
            .is_err()
        );
        assert!(
            Transport::parse("smtp://mail.example.org", None, None, DEFAULT_TIMEOUT, &env).is_err()
        );
    }

    #[test]
    fn a_password_file_is_read_without_its_newline() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("pw");
        std::fs::write(&p, "s3cret\n").unwrap();
        let t = Transport::parse(
            "smtp://me@mail.example.org",
            Some(&p),
            None,
            DEFAULT_TIMEOUT,
            &no_env,
        )
        .unwrap();
        let Transport::Smtp(s) = t else { panic!() };
        assert_eq!(s.password.map(|Secret(p)| p).as_deref(), Some("s3cret"));
    }

    #[test]
    fn line_breaks_in_flags_are_refused() {
        let flags = |to: &str, subject: &str| EmailFlags {
            send: true,
            from: Some("digest@example.org".into()),
            to: vec![to.into()],
            subject: Some(subject.into()),
            smtp_url: Some("file:/tmp/x".into()),
            outbox: Some("/tmp/outbox".into()),
            ..EmailFlags::default()
        };
        let r = |f| EmailConfig::resolve(f, None, Format::Markdown, at("2025-02-03"), None, no_env);
        let e = r(flags("a@example.org\r\nBcc: b@example.net", "Digest"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("line break"), "{e}");
        let e = r(flags("a@example.org", "Digest\nBcc: b@example.net"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("--subject") && e.contains("line break"), "{e}");
        assert!(r(flags("a@example.org", "Digest")).is_ok());
    }

    #[test]
    fn an_outbox_message_whose_period_went_out_meanwhile_is_dropped_not_sent() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.sqlite")).unwrap();
        let outbox = Outbox::new(dir.path().join("outbox"));
        let sent = Transport::File(dir.path().join("sent"));
        let key = Period {
            start: at("2025-01-27"),
            end: at("2025-02-04"),
        };
        let email = |id: &str| Email {
            message_id: id.into(),
            subject: "S".into(),
            envelope: Envelope::new(
                Some("d@example.org".parse().unwrap()),
                vec!["t@example.org".parse().unwrap()],
            )
            .unwrap(),
            bytes: b"Subject: S\r\n\r\nhi\r\n".to_vec(),
            html_bytes: 0,
            compact: false,
            events: 0,
        };
        // Another message of the period was sent (--force): this one goes unsent.
        outbox
            .put(&email("<old@example.org>"), key, at("2025-02-03"))
            .unwrap();
        store
            .mark_digest_sent(key, "<new@example.org>", &[], at("2025-02-03"))
            .unwrap();
        let reports = flush(&store, &outbox, &sent, at("2025-02-03T09:00:00Z")).unwrap();
        assert!(
            matches!(reports.as_slice(), [Report::Superseded { .. }]),
            "{reports:?}"
        );
        assert!(outbox.waiting().unwrap().is_empty());
        assert!(!dir.path().join("sent").exists(), "nothing sent");
        // The very message the store names: a run died after the server
        // accepted it and before cleaning up. Removed silently.
        outbox
            .put(&email("<new@example.org>"), key, at("2025-02-03"))
            .unwrap();
        assert!(
            flush(&store, &outbox, &sent, at("2025-02-03"))
                .unwrap()
                .is_empty()
        );
        assert!(outbox.waiting().unwrap().is_empty());
    }

    #[test]
    fn the_outbox_keeps_a_message_and_its_envelope() {
        let dir = tempfile::tempdir().unwrap();
        let outbox = Outbox::new(dir.path().join("outbox"));
        assert!(outbox.waiting().unwrap().is_empty());
        let from: Address = "d@example.org".parse().unwrap();
        let to: Address = "t@example.org".parse().unwrap();
        let email = Email {
            message_id: "<1@example.org>".into(),
            subject: "S".into(),
            envelope: Envelope::new(Some(from), vec![to]).unwrap(),
            bytes: b"Subject: S\r\n\r\nhi\r\n".to_vec(),
            html_bytes: 0,
            compact: false,
            events: 0,
        };
        let key = Period {
            start: at("2025-01-27"),
            end: at("2025-02-04"),
        };
        let q = outbox.put(&email, key, at("2025-02-03T12:00:00Z")).unwrap();
        let waiting = outbox.waiting().unwrap();
        assert_eq!(waiting.len(), 1);
        assert_eq!(std::fs::read(&waiting[0].eml).unwrap(), email.bytes);
        assert_eq!(waiting[0].envelope().unwrap(), email.envelope);
        assert!(waiting_for(&outbox, key).unwrap().is_some());
        outbox.remove(&q).unwrap();
        assert!(outbox.waiting().unwrap().is_empty());
    }
}
