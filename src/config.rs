//! Configuration: `digest.toml`, `DIGEST_*` environment and command-line
//! flags, merged once into a validated [`BuildConfig`] (flags win over the
//! file). Nothing after this module sees clap types or raw strings: the
//! `--since`/`--until`/`--now` window is resolved here into UTC instants.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use serde::Deserialize;

use crate::cluster::ClusterOptions;
use crate::digest::Period;
use crate::fetch::{FetchOptions, FetchSettings};
use crate::pipeline::Options;
use crate::rank::RankOptions;
use crate::render::Format;
use crate::send::{EmailConfig, EmailFlags, EmailSettings};
use crate::source::{Location, Source, SourceEntry, is_url};
use crate::store::Store;

/// The config file name looked for in the working directory and in the
/// user's config directory (`~/.config/digest/digest.toml` on Linux).
pub const FILE_NAME: &str = "digest.toml";

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read the config file: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Parse {
        path: String,
        line: usize,
        message: String,
    },
    #[error("rules: {0}")]
    Rules(crate::extract::rules::RuleError),
    /// A setting that is needed and was given neither as a flag nor in the file.
    #[error("{flag}: {message}")]
    Missing { flag: &'static str, message: String },
    #[error("{flag} `{value}`: {message}")]
    Value {
        flag: &'static str,
        value: String,
        message: String,
    },
    #[error(
        "no inputs: give article files or folders with `--input PATH` (repeatable), \
         or list them as `inputs = [\"path\"]` in digest.toml (looked for with --config, \
         in the current directory, then in {user_dir})"
    )]
    NoInputs { user_dir: String },
}

/// `digest.toml`, as written. Relative paths are relative to the file.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FileConfig {
    /// Article files and folders.
    pub inputs: Vec<PathBuf>,
    /// Default `--since` (e.g. "7d").
    pub since: Option<String>,
    pub format: Option<Format>,
    pub out: Option<PathBuf>,
    pub include_undated: Option<bool>,
    /// How many key sentences each story shows.
    pub key_sentences: Option<usize>,
    pub cluster: Option<ClusterOptions>,
    pub rank: Option<RankOptions>,
    /// A folder of rule files (measures.toml, actors.toml, countries.toml,
    /// speech.toml) that replace the shipped ones, file by file.
    pub rules: Option<PathBuf>,
    /// The store's file (see [`Live`]).
    pub store: Option<PathBuf>,
    /// `[[source]]`: feeds, pages and folders, each with a name.
    #[serde(rename = "source")]
    pub sources: Vec<SourceEntry>,
    /// `[fetch]`: HTTP and health tuning.
    pub fetch: Option<FetchSettings>,
    /// `[email]`: sender, recipients, transport, outbox (see [`crate::send`]).
    pub email: Option<EmailSettings>,
}

impl FileConfig {
    /// Reads and checks a config file; errors name the file and line.
    pub fn load(path: &Path) -> Result<FileConfig, ConfigError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: name.clone(),
            source,
        })?;
        let mut cfg: FileConfig = toml::from_str(&text).map_err(|e| ConfigError::Parse {
            path: name.clone(),
            line: e.span().map_or(1, |s| crate::text::line_at(&text, s.start)),
            message: e.message().to_string(),
        })?;
        let base = path.parent().unwrap_or(Path::new("."));
        if let Some(email) = &mut cfg.email {
            email.relative_to(base);
        }
        for input in &mut cfg.inputs {
            if input.is_relative() && !is_url(&input.to_string_lossy()) {
                *input = base.join(&*input);
            }
        }
        if let Some(out) = &mut cfg.out
            && out.is_relative()
        {
            *out = base.join(&*out);
        }
        for p in cfg
            .store
            .iter_mut()
            .chain(cfg.rules.iter_mut())
            .chain(cfg.sources.iter_mut().flat_map(|s| &mut s.path))
        {
            if p.is_relative() {
                *p = base.join(&*p);
            }
        }
        Ok(cfg)
    }

    /// The pipeline's options (clustering, ranking, key sentences, rules):
    /// the defaults, with what the file sets.
    pub fn pipeline_options(&self) -> Result<Options, ConfigError> {
        let mut options = Options::default();
        if let Some(c) = &self.cluster {
            options.cluster = c.clone();
        }
        if let Some(r) = &self.rank {
            options.rank = r.clone();
        }
        if let Some(k) = self.key_sentences {
            options.key_sentences = k;
        }
        if let Some(dir) = &self.rules {
            let rules = crate::extract::rules::Rules::load_dir(dir).map_err(ConfigError::Rules)?;
            options.rules = Some(std::sync::Arc::new(rules));
        }
        Ok(options)
    }

    /// The config file to use: the one named, else `./digest.toml`, else the
    /// user's; `None` when there is none.
    pub fn find(named: Option<&Path>) -> Result<Option<(PathBuf, FileConfig)>, ConfigError> {
        if let Some(p) = named {
            return Ok(Some((p.to_path_buf(), FileConfig::load(p)?)));
        }
        let candidates = [Some(PathBuf::from(FILE_NAME)), user_config_path()];
        for p in candidates.into_iter().flatten() {
            if p.is_file() {
                let cfg = FileConfig::load(&p)?;
                return Ok(Some((p, cfg)));
            }
        }
        Ok(None)
    }
}

fn user_config_path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("digest").join(FILE_NAME))
}

/// What `digest build` was asked, before merging (the CLI fills it).
#[derive(Debug, Default, Clone)]
pub struct BuildRequest {
    pub inputs: Vec<PathBuf>,
    pub since: Option<String>,
    pub until: Option<String>,
    pub now: Option<String>,
    pub format: Option<Format>,
    pub out: Option<PathBuf>,
    pub config: Option<PathBuf>,
    pub include_undated: bool,
    /// `--store PATH`.
    pub store: Option<PathBuf>,
    /// `--offline`: fetch nothing, build from what the store holds.
    pub offline: bool,
    /// `--send`, `--from`, `--to`, … (issue 5).
    pub email: EmailFlags,
}

/// Everything `digest build` needs, resolved and checked.
#[derive(Debug, Clone)]
pub struct BuildConfig {
    pub inputs: Vec<PathBuf>,
    pub period: Period,
    pub now: DateTime<Utc>,
    pub format: Format,
    pub out: Option<PathBuf>,
    pub include_undated: bool,
    pub options: Options,
    /// Live sources and the store.
    pub live: Live,
    /// The message's addresses and, with `--send`, how to deliver it.
    pub email: EmailConfig,
}

/// The default window when neither flag nor file gives `since`.
pub const DEFAULT_SINCE: &str = "7d";

impl BuildConfig {
    pub fn resolve(req: BuildRequest, real_now: DateTime<Utc>) -> Result<BuildConfig, ConfigError> {
        let mut file = FileConfig::find(req.config.as_deref())?
            .map(|(_, f)| f)
            .unwrap_or_default();
        let now = match &req.now {
            Some(s) => parse_instant(s).map_err(|message| ConfigError::Value {
                flag: "--now",
                value: s.clone(),
                message,
            })?,
            None => real_now,
        };
        let end = match &req.until {
            Some(s) => parse_instant(s).map_err(|message| ConfigError::Value {
                flag: "--until",
                value: s.clone(),
                message,
            })?,
            None => now,
        };
        let since = req
            .since
            .or(file.since.take())
            .unwrap_or_else(|| DEFAULT_SINCE.to_string());
        let start = parse_since(&since, end).map_err(|message| ConfigError::Value {
            flag: "--since",
            value: since.clone(),
            message,
        })?;
        if start >= end {
            return Err(ConfigError::Value {
                flag: "--since",
                value: since,
                message: format!(
                    "the window would start at {start} but ends at {end}: since must be before until/now"
                ),
            });
        }
        let email_settings = file.email.take();
        let (inputs, mut live) = Live::resolve(&mut file, req.inputs, req.store, req.offline)?;
        // Sending needs the store's sent-state, so it always has a store.
        if req.email.send && live.store.is_none() {
            live.store = Some(Store::default_path().ok_or(ConfigError::Value {
                flag: "--store",
                value: String::new(),
                message: "this system has no data directory: name the store's file".into(),
            })?);
        }
        let format = req.format.or(file.format).unwrap_or(Format::Markdown);
        let email = EmailConfig::resolve(
            req.email,
            email_settings,
            format,
            now,
            live.store.as_deref(),
            |k| std::env::var(k).ok(),
        )?;
        let options = file.pipeline_options()?;
        Ok(BuildConfig {
            inputs,
            period: Period { start, end },
            now,
            format,
            out: req.out.or(file.out),
            include_undated: req.include_undated || file.include_undated.unwrap_or(false),
            options,
            live,
            email,
        })
    }
}

/// Everything `digest fetch` needs: a store is always in play.
#[derive(Debug, Clone)]
pub struct FetchConfig {
    pub inputs: Vec<PathBuf>,
    pub live: Live,
    pub now: DateTime<Utc>,
}

impl FetchConfig {
    pub fn resolve(
        inputs: Vec<PathBuf>,
        store: Option<PathBuf>,
        config: Option<&Path>,
        now: Option<&str>,
        real_now: DateTime<Utc>,
    ) -> Result<FetchConfig, ConfigError> {
        let mut file = FileConfig::find(config)?
            .map(|(_, f)| f)
            .unwrap_or_default();
        let now = match now {
            Some(s) => parse_instant(s).map_err(|message| ConfigError::Value {
                flag: "--now",
                value: s.to_string(),
                message,
            })?,
            None => real_now,
        };
        let (inputs, mut live) = Live::resolve(&mut file, inputs, store, false)?;
        if live.store.is_none() {
            live.store = Some(Store::default_path().ok_or(ConfigError::Value {
                flag: "--store",
                value: String::new(),
                message: "this system has no data directory: name the store's file".into(),
            })?);
        }
        Ok(FetchConfig { inputs, live, now })
    }
}

/// Live sources and the store, resolved from flags and digest.toml.
///
/// The store is in play when `--store` or `store` names one, or when a
/// source is a URL (then at [`Store::default_path`]). Without one, files are
/// read directly and nothing is written: the file-only behaviour of old.
/// `--input` replaces both `inputs` and `[[source]]` of the file.
#[derive(Debug, Clone)]
pub struct Live {
    /// URL inputs and `[[source]]` entries, in order.
    pub sources: Vec<Source>,
    pub store: Option<PathBuf>,
    pub offline: bool,
    pub fetch: FetchOptions,
    /// How long a run waits for another holding the store.
    pub lock_wait: std::time::Duration,
    /// Runs in a row a source must fail to be flagged.
    pub flag_after: usize,
}

impl Live {
    /// Splits the inputs into files and live sources; returns the files.
    pub fn resolve(
        file: &mut FileConfig,
        inputs: Vec<PathBuf>,
        store: Option<PathBuf>,
        offline: bool,
    ) -> Result<(Vec<PathBuf>, Live), ConfigError> {
        let (inputs, entries) = if inputs.is_empty() {
            (
                std::mem::take(&mut file.inputs),
                std::mem::take(&mut file.sources),
            )
        } else {
            (inputs, Vec::new())
        };
        let mut files = Vec::new();
        let mut sources = Vec::new();
        for input in inputs {
            match input.to_str().filter(|s| is_url(s)) {
                Some(url) => sources.push(Source::from_input(url)),
                None => files.push(input),
            }
        }
        for entry in entries {
            let name = entry.name.clone().unwrap_or_default();
            sources.push(entry.source().map_err(|message| ConfigError::Value {
                flag: "[[source]]",
                value: name,
                message,
            })?);
        }
        let named = store.or(file.store.take());
        if files.is_empty() && sources.is_empty() && named.is_none() {
            let user_dir = user_config_path().map_or_else(
                || "your config directory".into(),
                |p| p.display().to_string(),
            );
            return Err(ConfigError::NoInputs { user_dir });
        }
        let live_sources = sources
            .iter()
            .any(|s| matches!(s.location, Location::Url(_)));
        let store = match named {
            Some(p) => Some(p),
            None if live_sources => Some(Store::default_path().ok_or(ConfigError::Value {
                flag: "--store",
                value: String::new(),
                message: "this system has no data directory: name the store's file".into(),
            })?),
            None => None,
        };
        let settings = file.fetch.take().unwrap_or_default();
        let bad = |(flag, value, message)| ConfigError::Value {
            flag,
            value,
            message,
        };
        let fetch = settings.options().map_err(bad)?;
        let lock_wait = match &settings.lock_wait {
            Some(s) => humantime::parse_duration(s.trim())
                .map_err(|e| bad(("fetch.lock_wait", s.clone(), e.to_string())))?,
            None => std::time::Duration::from_secs(30),
        };
        Ok((
            files,
            Live {
                sources,
                store,
                offline,
                fetch,
                lock_wait,
                flag_after: settings.flag_after.unwrap_or(3),
            },
        ))
    }
}

/// An instant: RFC 3339, or a date (midnight UTC).
pub fn parse_instant(s: &str) -> Result<DateTime<Utc>, String> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&Utc));
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Ok(Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN)));
    }
    Err("expected a date (2025-01-27) or an RFC 3339 instant (2025-02-03T12:00:00Z)".into())
}

/// `--since`: a duration back from `end` ("7d", "36h", "2weeks") or an instant.
pub fn parse_since(s: &str, end: DateTime<Utc>) -> Result<DateTime<Utc>, String> {
    if let Ok(d) = humantime::parse_duration(s.trim()) {
        let d = chrono::Duration::from_std(d).map_err(|_| "duration too long".to_string())?;
        return end
            .checked_sub_signed(d)
            .ok_or_else(|| "duration too long".to_string());
    }
    parse_instant(s).map_err(|_| {
        "expected a duration (7d, 36h) or a date (2025-01-27) or an RFC 3339 instant".into()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn since_takes_durations_and_dates() {
        let end = parse_instant("2025-02-03T12:00:00Z").unwrap();
        assert_eq!(
            parse_since("7d", end).unwrap().to_rfc3339(),
            "2025-01-27T12:00:00+00:00"
        );
        assert_eq!(
            parse_since("2025-01-27", end).unwrap().to_rfc3339(),
            "2025-01-27T00:00:00+00:00"
        );
        assert!(parse_since("last tuesday", end).is_err());
    }

    #[test]
    fn flags_win_and_inputs_are_required() {
        let now = parse_instant("2025-02-03T12:00:00Z").unwrap();
        let req = BuildRequest {
            config: Some("/nonexistent/digest.toml".into()),
            ..Default::default()
        };
        assert!(matches!(
            BuildConfig::resolve(req, now),
            Err(ConfigError::Read { .. })
        ));
        let dir = tempfile::tempdir().unwrap();
        let cfg = dir.path().join("digest.toml");
        std::fs::write(
            &cfg,
            "inputs = [\"articles\"]\nsince = \"14d\"\nformat = \"html\"\n",
        )
        .unwrap();
        let req = BuildRequest {
            config: Some(cfg.clone()),
            format: Some(Format::Text),
            ..Default::default()
        };
        let c = BuildConfig::resolve(req, now).unwrap();
        assert_eq!(c.inputs, vec![dir.path().join("articles")]);
        assert_eq!(c.format, Format::Text);
        assert_eq!(c.period.start.to_rfc3339(), "2025-01-20T12:00:00+00:00");
        std::fs::write(&cfg, "inputs = [\"a\"]\nsinse = \"7d\"\n").unwrap();
        let req = BuildRequest {
            config: Some(cfg),
            ..Default::default()
        };
        assert!(matches!(
            BuildConfig::resolve(req, now),
            Err(ConfigError::Parse { line: 2, .. })
        ));
    }
}
