//! The store: one SQLite file that remembers what digest has seen and sent.
//!
//! In: articles (from files or fetched pages), HTTP validators, source
//! outcomes, sent digests. Out: the articles of a period, the cache entry of
//! a URL, the health of each source, whether a period's digest went out. It
//! does not fetch, parse or render anything.
//!
//! # Using it
//!
//! ```no_run
//! use std::time::Duration;
//! use digest::store::Store;
//! # fn main() -> Result<(), digest::store::StoreError> {
//! # let period = digest::digest::Period { start: chrono::Utc::now(), end: chrono::Utc::now() };
//! let store = Store::open(&Store::default_path().unwrap())?;
//! // One run at a time: a second waits up to 10 s, then fails saying who holds it.
//! let _lock = store.lock(Duration::from_secs(10))?;
//! let articles = store.articles_in(period)?;
//! if store.digest_sent(period)?.is_none() {
//!     // ... send it, then:
//!     store.mark_digest_sent(period, "<id@host>", &["team@example.org".into()], chrono::Utc::now())?;
//! }
//! # Ok(()) }
//! ```
//!
//! | call | what it does |
//! |---|---|
//! | [`Store::open`] | opens or creates the file (and its folder), migrates it, WAL mode |
//! | [`Store::lock`] | the run lock: an RAII [`RunLock`]; a lock left by a killed process is taken over |
//! | [`Store::put_article`] | stores an article once: same id or a known URL → the same row, replaced when its content changed |
//! | [`Store::articles_in`] / [`Store::undated_articles`] | what a digest is built from |
//! | [`Store::cached`] / [`Store::remember_fetch`] | ETag / Last-Modified (and a feed's body) per URL |
//! | [`Store::begin_run`] / [`Store::record_source`] / [`Store::health_in`] | source health history |
//! | [`Store::digest_sent`] / [`Store::mark_digest_sent`] | the "digests sent" state |
//! | [`Store::integrity_check`] | SQLite's own check, for tests and `kill -9` recovery |
//!
//! # Durability
//!
//! WAL journal, `synchronous = NORMAL`: every committed transaction survives
//! a killed process (`kill -9`); only a power cut may lose the last few.
//! Each article is written in its own transaction, and a page's validators
//! only after its article, so a run killed half-way leaves a consistent
//! store and the next run fetches what is missing.
//!
//! # Schema and migrations
//!
//! `PRAGMA user_version` holds the schema version; [`MIGRATIONS`] are applied
//! in order, each in a transaction, and a store from a newer digest is
//! refused rather than guessed at. Times are stored as RFC 3339 UTC text with
//! milliseconds (sortable as text); publication instants also as Unix seconds
//! for window queries.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest as _, Sha256};

use crate::article::{Article, Origin, Published};
use crate::digest::{Period, SourceStatus};

/// The file name under the data directory.
pub const FILE_NAME: &str = "digest.sqlite";

/// Schema migrations: `MIGRATIONS[i]` takes `user_version` i to i + 1.
/// Append only; never edit a released step.
pub const MIGRATIONS: &[&str] = &[
    // 1: articles, their URLs, the fetch cache, runs, source health, sent digests, the run lock.
    "
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        url TEXT,
        origin TEXT NOT NULL,
        origin_kind TEXT NOT NULL CHECK (origin_kind IN ('path', 'url')),
        title TEXT,
        outlet TEXT,
        published TEXT,
        published_utc INTEGER,
        date_only INTEGER NOT NULL DEFAULT 0,
        language TEXT,
        note TEXT,
        body TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        source TEXT,
        topic TEXT,
        first_seen TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        versions INTEGER NOT NULL DEFAULT 1
    );
    CREATE INDEX articles_by_published ON articles (published_utc);
    CREATE TABLE article_urls (
        url TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE
    );
    CREATE INDEX article_urls_by_article ON article_urls (article_id);
    CREATE TABLE fetch_cache (
        url TEXT PRIMARY KEY,
        final_url TEXT,
        etag TEXT,
        last_modified TEXT,
        fetched_at TEXT NOT NULL,
        body BLOB
    );
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        command TEXT NOT NULL,
        pid INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT
    );
    CREATE TABLE source_runs (
        run_id INTEGER NOT NULL REFERENCES runs (id),
        source TEXT NOT NULL,
        url TEXT NOT NULL,
        at TEXT NOT NULL,
        ok INTEGER NOT NULL,
        error_kind TEXT,
        error TEXT,
        items INTEGER NOT NULL DEFAULT 0,
        new INTEGER NOT NULL DEFAULT 0,
        updated INTEGER NOT NULL DEFAULT 0,
        requests INTEGER NOT NULL DEFAULT 0,
        not_modified INTEGER NOT NULL DEFAULT 0,
        bytes INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (run_id, source)
    );
    CREATE INDEX source_runs_by_source ON source_runs (source, run_id);
    CREATE TABLE digests_sent (
        period_start TEXT NOT NULL,
        period_end TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        message_id TEXT NOT NULL,
        recipients TEXT NOT NULL,
        PRIMARY KEY (period_start, period_end)
    );
    CREATE TABLE run_lock (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        pid INTEGER NOT NULL,
        command TEXT NOT NULL,
        since TEXT NOT NULL
    );
    ",
];

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: cannot open the store: {source}")]
    Open {
        path: String,
        source: rusqlite::Error,
    },
    #[error("{path}: cannot create the store's folder: {source}")]
    Folder {
        path: String,
        source: std::io::Error,
    },
    #[error(
        "{path}: the store has schema version {found}, newer than this digest knows ({known}); \
         use a newer digest or another --store"
    )]
    TooNew {
        path: String,
        found: i64,
        known: usize,
    },
    #[error("{path}: migrating the store to schema version {version}: {source}")]
    Migrate {
        path: String,
        version: usize,
        source: rusqlite::Error,
    },
    #[error(
        "{path}: another digest run holds the store ({holder}); waited {waited:?}. \
         Try again when it has finished"
    )]
    Locked {
        path: String,
        holder: String,
        waited: Duration,
    },
    #[error("{path}: {what}: {source}")]
    Sql {
        path: String,
        what: &'static str,
        source: rusqlite::Error,
    },
    #[error("{path}: the store is damaged: {report}")]
    Corrupt { path: String, report: String },
}

/// How a [`Store::put_article`] went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Put {
    New,
    /// Known, and its content changed: the stored version was replaced.
    Updated,
    Unchanged,
}

/// Where and when an article was met, for [`Store::put_article`].
#[derive(Debug, Clone, Default)]
pub struct Seen<'a> {
    /// The configured source's name.
    pub source: Option<&'a str>,
    pub topic: Option<&'a str>,
    /// Every URL the article is known under, in canonical form (see
    /// [`crate::source::canonical_url`]): a later article under any of them
    /// is the same article.
    pub urls: &'a [String],
    pub at: Option<DateTime<Utc>>,
}

/// HTTP validators and, for feeds, the body they validate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CacheEntry {
    pub final_url: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// Kept for feeds only, so a 304 can still be read item by item.
    pub body: Option<Vec<u8>>,
}

/// A digest that went out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentRecord {
    pub period: (DateTime<Utc>, DateTime<Utc>),
    pub sent_at: DateTime<Utc>,
    pub message_id: String,
    pub recipients: Vec<String>,
}

/// One source's outcome in one run, for [`Store::record_source`].
#[derive(Debug, Clone, Default)]
pub struct SourceRun {
    pub source: String,
    pub url: String,
    /// `None` when it went well; else a short kind ("http 500", "timeout",
    /// "malformed feed") and the full message.
    pub error: Option<(String, String)>,
    pub items: usize,
    pub new: usize,
    pub updated: usize,
    pub requests: usize,
    pub not_modified: usize,
    pub bytes: u64,
}

/// A run's row id in the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunId(pub i64);

/// The SQLite store. Every method takes `&self`: the connection is used by one
/// thread, and writes go through short transactions.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// The run lock: held while alive, released on drop (or by the OS when the
/// process dies: it is an SQLite lock on `<store>.lock`, which the kernel
/// drops with the process, so a `kill -9` never leaves it stuck).
#[derive(Debug)]
pub struct RunLock<'s> {
    store: &'s Store,
    _conn: Connection,
}

impl Drop for RunLock<'_> {
    fn drop(&mut self) {
        let pid = std::process::id();
        if let Err(e) = self
            .store
            .conn
            .execute("DELETE FROM run_lock WHERE pid = ?1", [pid])
        {
            tracing::warn!("{}: cannot clear the run lock: {e}", self.store.name());
        }
    }
}

fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

fn parse_ts(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// The fingerprint that says whether an article changed: SHA-256 over the
/// fields a reader sees, whitespace in the body folded.
fn content_hash(a: &Article) -> String {
    let mut h = Sha256::new();
    for field in [&a.title, &a.outlet, &a.language, &a.url] {
        h.update(field.as_deref().unwrap_or("").as_bytes());
        h.update(b"\0");
    }
    h.update(
        a.published
            .map(|p| p.to_iso())
            .unwrap_or_default()
            .as_bytes(),
    );
    h.update(b"\0");
    for w in a.body.split_whitespace() {
        h.update(w.as_bytes());
        h.update(b" ");
    }
    h.finalize()
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Store {
    /// `dirs::data_dir()/digest/digest.sqlite` (`~/.local/share/digest/…` on
    /// Linux); `None` where the platform has no data directory.
    pub fn default_path() -> Option<PathBuf> {
        dirs::data_dir().map(|d| d.join("digest").join(FILE_NAME))
    }

    /// Opens the store at `path`, creating it and its folder if needed, and
    /// brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let name = path.display().to_string();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Folder {
                path: dir.display().to_string(),
                source,
            })?;
        }
        let open = |source| StoreError::Open {
            path: name.clone(),
            source,
        };
        let conn = Connection::open(path).map_err(open)?;
        // A writer holds the database only for one short transaction, so a
        // few seconds of patience cover any concurrent `digest` process.
        conn.busy_timeout(Duration::from_secs(10)).map_err(open)?;
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(open)?;
        if !mode.eq_ignore_ascii_case("wal") {
            tracing::warn!("{name}: journal mode is {mode}, not WAL");
        }
        conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
            .map_err(open)?;
        let store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store.migrate()?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn name(&self) -> String {
        self.path.display().to_string()
    }

    fn sql(&self, what: &'static str) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        move |source| StoreError::Sql {
            path: self.name(),
            what,
            source,
        }
    }

    fn migrate(&self) -> Result<(), StoreError> {
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(self.sql("reading the schema version"))?;
        if version > MIGRATIONS.len() as i64 {
            return Err(StoreError::TooNew {
                path: self.name(),
                found: version,
                known: MIGRATIONS.len(),
            });
        }
        for (i, step) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            let err = |source| StoreError::Migrate {
                path: self.name(),
                version: i + 1,
                source,
            };
            let tx = self.conn.unchecked_transaction().map_err(err)?;
            tx.execute_batch(step).map_err(err)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)
                .map_err(err)?;
            tx.commit().map_err(err)?;
        }
        Ok(())
    }

    /// The schema version the store is at.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(self.sql("reading the schema version"))
    }

    /// SQLite's `integrity_check`: `Ok` when it says "ok".
    pub fn integrity_check(&self) -> Result<(), StoreError> {
        let mut stmt = self
            .conn
            .prepare("PRAGMA integrity_check")
            .map_err(self.sql("checking integrity"))?;
        let lines: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(self.sql("checking integrity"))?;
        if lines == ["ok"] {
            Ok(())
        } else {
            Err(StoreError::Corrupt {
                path: self.name(),
                report: lines.join("; "),
            })
        }
    }

    // -- the run lock ------------------------------------------------------

    /// Takes the run lock, waiting up to `wait` for another run to finish.
    /// A lock whose holder died (even by `kill -9`) is free: the holder's
    /// record is taken over with a warning.
    pub fn lock(&self, wait: Duration) -> Result<RunLock<'_>, StoreError> {
        self.lock_for("digest", wait)
    }

    /// [`Store::lock`], naming the command in the holder's record (shown to a
    /// run that has to wait).
    pub fn lock_for(&self, command: &str, wait: Duration) -> Result<RunLock<'_>, StoreError> {
        let mut lock_path = self.path.clone().into_os_string();
        lock_path.push(".lock");
        let lock_path = PathBuf::from(lock_path);
        let open = |source| StoreError::Open {
            path: lock_path.display().to_string(),
            source,
        };
        let conn = Connection::open(&lock_path).map_err(open)?;
        conn.busy_timeout(wait).map_err(open)?;
        match conn.execute_batch("BEGIN EXCLUSIVE") {
            Ok(()) => {}
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseBusy
                    || e.code == rusqlite::ErrorCode::DatabaseLocked =>
            {
                return Err(StoreError::Locked {
                    path: self.name(),
                    holder: self
                        .lock_holder()
                        .unwrap_or_else(|| "unknown process".into()),
                    waited: wait,
                });
            }
            Err(e) => return Err(open(e)),
        }
        // We hold the OS lock, so whoever the record names is gone.
        if let Some(stale) = self.lock_holder() {
            tracing::warn!(
                "{}: taking over the run lock left by {stale}, which did not finish",
                self.name()
            );
        }
        self.conn
            .execute(
                "INSERT OR REPLACE INTO run_lock (id, pid, command, since) VALUES (1, ?1, ?2, ?3)",
                params![std::process::id(), command, ts(Utc::now())],
            )
            .map_err(self.sql("recording the run lock"))?;
        Ok(RunLock {
            store: self,
            _conn: conn,
        })
    }

    fn lock_holder(&self) -> Option<String> {
        self.conn
            .query_row("SELECT pid, command, since FROM run_lock", [], |r| {
                Ok(format!(
                    "`{}` process {} since {}",
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(2)?
                ))
            })
            .optional()
            .ok()
            .flatten()
    }

    // -- articles ----------------------------------------------------------

    /// Stores an article once. It is the same article as a stored one when
    /// it has the same id or any of `seen.urls`; then the stored row keeps its
    /// id and is replaced when the content changed. Its URLs are remembered.
    /// Returns what happened and the id it is stored under.
    pub fn put_article(&self, a: &Article, seen: &Seen) -> Result<(Put, String), StoreError> {
        let err = self.sql("storing an article");
        let now = ts(seen.at.unwrap_or_else(Utc::now));
        let tx = self.conn.unchecked_transaction().map_err(&err)?;
        let mut existing: Option<(String, String)> = tx
            .query_row(
                "SELECT id, content_hash FROM articles WHERE id = ?1",
                [&a.id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(&err)?;
        for url in seen.urls {
            if existing.is_some() {
                break;
            }
            existing = tx
                .query_row(
                    "SELECT a.id, a.content_hash FROM article_urls u JOIN articles a ON a.id = u.article_id
                     WHERE u.url = ?1",
                    [url],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()
                .map_err(&err)?;
        }
        let hash = content_hash(a);
        let (origin, origin_kind) = match &a.origin {
            Origin::Path(p) => (p.display().to_string(), "path"),
            Origin::Url(u) => (u.clone(), "url"),
        };
        let published = a.published.map(|p| p.to_iso());
        let published_utc = a.published.map(|p| p.utc().timestamp());
        let date_only = a.published.is_some_and(|p| p.date_only);
        let (put, id) = match existing {
            None => {
                tx.execute(
                    "INSERT INTO articles (id, url, origin, origin_kind, title, outlet, published,
                        published_utc, date_only, language, note, body, content_hash, source, topic,
                        first_seen, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16)",
                    params![
                        a.id, a.url, origin, origin_kind, a.title, a.outlet, published,
                        published_utc, date_only, a.language, a.note, a.body, hash, seen.source,
                        seen.topic, now
                    ],
                )
                .map_err(&err)?;
                (Put::New, a.id.clone())
            }
            Some((id, old)) if old == hash => (Put::Unchanged, id),
            Some((id, _)) => {
                tx.execute(
                    "UPDATE articles SET url = ?2, origin = ?3, origin_kind = ?4, title = ?5,
                        outlet = ?6, published = ?7, published_utc = ?8, date_only = ?9,
                        language = ?10, note = ?11, body = ?12, content_hash = ?13,
                        source = coalesce(?14, source), topic = coalesce(?15, topic),
                        updated_at = ?16, versions = versions + 1
                     WHERE id = ?1",
                    params![
                        id,
                        a.url,
                        origin,
                        origin_kind,
                        a.title,
                        a.outlet,
                        published,
                        published_utc,
                        date_only,
                        a.language,
                        a.note,
                        a.body,
                        hash,
                        seen.source,
                        seen.topic,
                        now
                    ],
                )
                .map_err(&err)?;
                (Put::Updated, id)
            }
        };
        for url in seen.urls {
            tx.execute(
                "INSERT INTO article_urls (url, article_id) VALUES (?1, ?2)
                 ON CONFLICT (url) DO UPDATE SET article_id = excluded.article_id",
                params![url, id],
            )
            .map_err(&err)?;
        }
        tx.commit().map_err(&err)?;
        Ok((put, id))
    }

    /// The id of the article known under this canonical URL.
    pub fn article_for_url(&self, url: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .prepare_cached("SELECT article_id FROM article_urls WHERE url = ?1")
            .and_then(|mut s| s.query_row([url], |r| r.get(0)).optional())
            .map_err(self.sql("looking up a URL"))
    }

    /// How many articles the store holds.
    pub fn article_count(&self) -> Result<usize, StoreError> {
        self.conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))
            .map(|n| n as usize)
            .map_err(self.sql("counting articles"))
    }

    /// How many times the article was stored with new content (1 = never updated).
    pub fn article_versions(&self, id: &str) -> Result<Option<u32>, StoreError> {
        self.conn
            .query_row("SELECT versions FROM articles WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(self.sql("reading an article"))
    }

    /// The articles published in `[period.start, period.end)`, oldest first.
    pub fn articles_in(&self, period: Period) -> Result<Vec<Article>, StoreError> {
        self.articles_where(
            "published_utc >= ?1 AND published_utc < ?2",
            params![period.start.timestamp(), period.end.timestamp()],
        )
    }

    /// The articles that have no publication date.
    pub fn undated_articles(&self) -> Result<Vec<Article>, StoreError> {
        self.articles_where("published_utc IS NULL", params![])
    }

    /// Every stored article.
    pub fn all_articles(&self) -> Result<Vec<Article>, StoreError> {
        self.articles_where("1", params![])
    }

    fn articles_where(
        &self,
        cond: &str,
        args: &[&dyn rusqlite::ToSql],
    ) -> Result<Vec<Article>, StoreError> {
        let err = self.sql("reading articles");
        let sql = format!(
            "SELECT id, url, origin, origin_kind, title, outlet, published, date_only, language,
                note, body FROM articles WHERE {cond} ORDER BY published_utc, id"
        );
        let mut stmt = self.conn.prepare(&sql).map_err(&err)?;
        let rows = stmt
            .query_map(args, |r| {
                let origin: String = r.get(2)?;
                let kind: String = r.get(3)?;
                let published: Option<String> = r.get(6)?;
                let date_only: bool = r.get(7)?;
                Ok(Article {
                    id: r.get(0)?,
                    url: r.get(1)?,
                    origin: if kind == "path" {
                        Origin::Path(origin.into())
                    } else {
                        Origin::Url(origin)
                    },
                    title: r.get(4)?,
                    outlet: r.get(5)?,
                    published: published.and_then(|p| {
                        Published::parse(&p).ok().map(|mut p| {
                            p.date_only = date_only;
                            p
                        })
                    }),
                    language: r.get(8)?,
                    note: r.get(9)?,
                    body: r.get(10)?,
                })
            })
            .map_err(&err)?;
        rows.collect::<Result<_, _>>().map_err(err)
    }

    // -- the fetch cache ---------------------------------------------------

    /// What the last fetch of `url` left: its validators and, for a feed, its body.
    pub fn cached(&self, url: &str) -> Result<Option<CacheEntry>, StoreError> {
        self.conn
            .prepare_cached(
                "SELECT final_url, etag, last_modified, body FROM fetch_cache WHERE url = ?1",
            )
            .and_then(|mut s| {
                s.query_row([url], |r| {
                    Ok(CacheEntry {
                        final_url: r.get(0)?,
                        etag: r.get(1)?,
                        last_modified: r.get(2)?,
                        body: r.get(3)?,
                    })
                })
                .optional()
            })
            .map_err(self.sql("reading the fetch cache"))
    }

    /// Remembers a fetch of `url` (replacing the previous entry).
    pub fn remember_fetch(
        &self,
        url: &str,
        entry: &CacheEntry,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT OR REPLACE INTO fetch_cache (url, final_url, etag, last_modified, fetched_at, body)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![url, entry.final_url, entry.etag, entry.last_modified, ts(at), entry.body],
            )
            .map(drop)
            .map_err(self.sql("writing the fetch cache"))
    }

    // -- runs and source health --------------------------------------------

    /// Starts a run in the history (`command`: "build", "fetch", "send").
    pub fn begin_run(&self, command: &str, at: DateTime<Utc>) -> Result<RunId, StoreError> {
        self.conn
            .execute(
                "INSERT INTO runs (command, pid, started_at) VALUES (?1, ?2, ?3)",
                params![command, std::process::id(), ts(at)],
            )
            .map_err(self.sql("recording a run"))?;
        Ok(RunId(self.conn.last_insert_rowid()))
    }

    pub fn finish_run(&self, run: RunId, at: DateTime<Utc>) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE runs SET finished_at = ?2 WHERE id = ?1",
                params![run.0, ts(at)],
            )
            .map(drop)
            .map_err(self.sql("recording a run"))
    }

    /// Records how a source did in a run.
    pub fn record_source(
        &self,
        run: RunId,
        r: &SourceRun,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let (kind, message) = match &r.error {
            Some((k, m)) => (Some(k.as_str()), Some(m.as_str())),
            None => (None, None),
        };
        self.conn
            .execute(
                "INSERT OR REPLACE INTO source_runs (run_id, source, url, at, ok, error_kind, error,
                    items, new, updated, requests, not_modified, bytes)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                params![
                    run.0,
                    r.source,
                    r.url,
                    ts(at),
                    r.error.is_none(),
                    kind,
                    message,
                    r.items as i64,
                    r.new as i64,
                    r.updated as i64,
                    r.requests as i64,
                    r.not_modified as i64,
                    r.bytes as i64
                ],
            )
            .map(drop)
            .map_err(self.sql("recording source health"))
    }

    /// The sources that failed during `[period.start, period.end]` (the end
    /// included: a run at the period's end reports on it), with their last
    /// error, how many runs in a row they have failed up to their latest run,
    /// and `flagged` when that is `flag_after` or more. Sorted by name.
    pub fn health_in(
        &self,
        period: Period,
        flag_after: usize,
    ) -> Result<Vec<SourceStatus>, StoreError> {
        let err = self.sql("reading source health");
        let mut stmt = self
            .conn
            .prepare(
                "SELECT source, url, count(*), max(at) FROM source_runs
                 WHERE ok = 0 AND at >= ?1 AND at <= ?2 GROUP BY source ORDER BY source",
            )
            .map_err(&err)?;
        let failed: Vec<(String, String, i64, String)> = stmt
            .query_map(params![ts(period.start), ts(period.end)], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .and_then(|rows| rows.collect())
            .map_err(&err)?;
        let mut out = Vec::new();
        for (name, url, failures, last_at) in failed {
            let (kind, message): (String, String) = self
                .conn
                .query_row(
                    "SELECT error_kind, error FROM source_runs
                     WHERE source = ?1 AND ok = 0 AND at = ?2 ORDER BY run_id DESC LIMIT 1",
                    params![name, last_at],
                    |r| {
                        Ok((
                            r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                            r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                        ))
                    },
                )
                .map_err(&err)?;
            let mut recent = self
                .conn
                .prepare_cached(
                    "SELECT ok FROM source_runs WHERE source = ?1 AND at <= ?2 ORDER BY run_id DESC",
                )
                .map_err(&err)?;
            let oks: Vec<bool> = recent
                .query_map(params![name, ts(period.end)], |r| r.get(0))
                .and_then(|rows| rows.collect())
                .map_err(&err)?;
            let consecutive = oks.iter().take_while(|ok| !**ok).count();
            out.push(SourceStatus {
                name,
                url,
                failures: failures as usize,
                error_kind: kind,
                error: message,
                last_failed_at: parse_ts(&last_at).unwrap_or(period.end),
                consecutive_failures: consecutive,
                flagged: consecutive >= flag_after.max(1),
                recovered: oks.first().copied().unwrap_or(false),
            });
        }
        Ok(out)
    }

    // -- digests sent ------------------------------------------------------

    /// The record of the digest of exactly this period, if it was sent.
    pub fn digest_sent(&self, period: Period) -> Result<Option<SentRecord>, StoreError> {
        self.conn
            .query_row(
                "SELECT sent_at, message_id, recipients FROM digests_sent
                 WHERE period_start = ?1 AND period_end = ?2",
                params![ts(period.start), ts(period.end)],
                |r| {
                    let sent_at: String = r.get(0)?;
                    let recipients: String = r.get(2)?;
                    Ok(SentRecord {
                        period: (period.start, period.end),
                        sent_at: parse_ts(&sent_at).unwrap_or(period.end),
                        message_id: r.get(1)?,
                        recipients: serde_json::from_str(&recipients).unwrap_or_default(),
                    })
                },
            )
            .optional()
            .map_err(self.sql("reading the digests sent"))
    }

    /// Records that the digest of `period` went out (replacing an earlier record).
    pub fn mark_digest_sent(
        &self,
        period: Period,
        message_id: &str,
        recipients: &[String],
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let recipients = serde_json::to_string(recipients).unwrap_or_else(|_| "[]".into());
        self.conn
            .execute(
                "INSERT OR REPLACE INTO digests_sent (period_start, period_end, sent_at, message_id, recipients)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![ts(period.start), ts(period.end), ts(at), message_id, recipients],
            )
            .map(drop)
            .map_err(self.sql("recording a sent digest"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        crate::config::parse_instant(s).unwrap()
    }

    fn article(id: &str, url: &str, body: &str, published: &str) -> Article {
        Article {
            id: id.into(),
            origin: Origin::Url(url.into()),
            title: Some("T".into()),
            url: Some(url.into()),
            outlet: None,
            published: Some(Published::parse(published).unwrap()),
            language: None,
            note: None,
            body: body.into(),
        }
    }

    fn open() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("sub/digest.sqlite")).unwrap();
        (dir, store)
    }

    #[test]
    fn migrates_to_the_latest_schema_and_refuses_a_newer_one() {
        let (dir, store) = open();
        assert_eq!(store.schema_version().unwrap(), MIGRATIONS.len() as i64);
        store.conn.pragma_update(None, "user_version", 99).unwrap();
        drop(store);
        let e = Store::open(&dir.path().join("sub/digest.sqlite")).unwrap_err();
        assert!(e.to_string().contains("schema version 99"), "{e}");
    }

    #[test]
    fn an_article_under_a_known_url_is_stored_once_and_updated() {
        let (_dir, store) = open();
        let urls = ["https://x.org/a".to_string()];
        let seen = Seen {
            urls: &urls,
            ..Seen::default()
        };
        let a = article("a1", "https://x.org/a", "One. Two.", "2025-02-01");
        assert_eq!(store.put_article(&a, &seen).unwrap().0, Put::New);
        assert_eq!(store.put_article(&a, &seen).unwrap().0, Put::Unchanged);
        // Another id, same URL, new text: the stored one is replaced, id kept.
        let b = article("b2", "https://x.org/a", "One. Two. Three.", "2025-02-01");
        assert_eq!(
            store.put_article(&b, &seen).unwrap(),
            (Put::Updated, "a1".into())
        );
        assert_eq!(store.article_count().unwrap(), 1);
        assert_eq!(store.article_versions("a1").unwrap(), Some(2));
        let period = Period {
            start: at("2025-01-27"),
            end: at("2025-02-03"),
        };
        let got = store.articles_in(period).unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].body, "One. Two. Three.");
        assert!(got[0].published.unwrap().date_only);
    }

    #[test]
    fn a_second_lock_waits_then_fails_and_a_dropped_lock_is_free() {
        let (_dir, store) = open();
        let other = Store::open(store.path()).unwrap();
        let held = store.lock_for("build", Duration::from_millis(10)).unwrap();
        let e = other.lock(Duration::from_millis(50)).unwrap_err();
        assert!(matches!(e, StoreError::Locked { .. }), "{e}");
        assert!(e.to_string().contains("`build` process"), "{e}");
        drop(held);
        other.lock(Duration::from_millis(50)).unwrap();
    }

    #[test]
    fn health_counts_failures_in_a_row_and_flags() {
        let (_dir, store) = open();
        let period = Period {
            start: at("2025-01-27"),
            end: at("2025-02-03"),
        };
        let fail = SourceRun {
            source: "s".into(),
            url: "http://s/feed".into(),
            error: Some(("http 500".into(), "HTTP 500".into())),
            ..SourceRun::default()
        };
        for day in ["2025-01-28", "2025-01-29", "2025-01-30"] {
            let run = store.begin_run("fetch", at(day)).unwrap();
            store.record_source(run, &fail, at(day)).unwrap();
        }
        let h = store.health_in(period, 3).unwrap();
        assert_eq!(h.len(), 1);
        assert_eq!((h[0].failures, h[0].consecutive_failures), (3, 3));
        assert!(h[0].flagged && !h[0].recovered);
        let run = store.begin_run("fetch", at("2025-01-31")).unwrap();
        let ok = SourceRun {
            error: None,
            ..fail.clone()
        };
        store.record_source(run, &ok, at("2025-01-31")).unwrap();
        let h = store.health_in(period, 3).unwrap();
        assert!(h[0].recovered && !h[0].flagged);
    }

    #[test]
    fn digests_sent_are_remembered_per_period() {
        let (_dir, store) = open();
        let period = Period {
            start: at("2025-01-27"),
            end: at("2025-02-03"),
        };
        assert!(store.digest_sent(period).unwrap().is_none());
        store
            .mark_digest_sent(period, "<m@x>", &["a@x".into()], at("2025-02-03"))
            .unwrap();
        let r = store.digest_sent(period).unwrap().unwrap();
        assert_eq!(r.message_id, "<m@x>");
        assert_eq!(r.recipients, ["a@x"]);
    }
}
