//! The command line: clap arguments → a validated config → the pipeline.
//! Prints diagnostics on stderr (stdout is the product) and picks the exit
//! code.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use serde::Serialize;

use crate::config::{BuildConfig, BuildRequest, FetchConfig, FileConfig, Live};
use crate::document::Document;
use crate::ingest::{self, IngestOptions};
use crate::pipeline;
use crate::render::{self, Format};
use crate::send::{self, EmailFlags};
use crate::source::{self, Gathered, Location, Source};
use crate::store::Store;

const EXIT_CODES: &str = "\
Exit codes:
  0  done
  1  nothing could be built (bad flags or config, output not writable)
  2  built, but some inputs were rejected or some sources failed (each is named on
     stderr with the reason; failed sources are listed in the digest too)
  3  delivery failed (--send): the message waits in the outbox (its path is
     printed) and the next run with --send delivers it first

Examples:
  digest build --input samples --now 2025-02-03T12:00:00Z --since 7d
  digest build --since 7d                      # inputs and defaults from digest.toml
  digest build -i articles/ -f html -o week.html
  digest build -i https://www.gov.uk/search/news-and-communications.atom --store week.sqlite
  digest fetch                                 # fetch the [[source]]s of digest.toml, build nothing
  digest build --offline --since 7d            # build from the store without fetching
  digest build --since 7d --send --from digest@example.org --to team@example.org \
      --smtp-url smtp://mail.example.org:587   # email it (password: DIGEST_SMTP_PASSWORD)
  digest build -i samples --format email --from d@example.org --to t@example.org -o week.eml
  digest summarize --sentences 3 article.txt";

#[derive(Debug, Parser)]
#[command(
    name = "digest",
    version,
    about = "Weekly digests of policy news: what was decided, announced or scheduled, with sources.",
    after_help = EXIT_CODES
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the digest of a period from article files, folders, feeds and pages.
    #[command(after_help = EXIT_CODES)]
    Build(Box<BuildArgs>),
    /// Fetch the sources into the store without building a digest.
    #[command(after_help = EXIT_CODES)]
    Fetch(FetchArgs),
    /// Print each article's key sentences as JSON Lines, one article a line.
    #[command(after_help = EXIT_CODES)]
    Summarize(SummarizeArgs),
    /// Score digest against annotated reference material.
    #[command(subcommand)]
    Eval(EvalCommand),
}

#[derive(Debug, Subcommand)]
enum EvalCommand {
    /// Measures, provisions, dates, figures and quotes against a gold file
    /// (seeds-gold.json or a gold.jsonl), listing every miss and false hit.
    /// Example: digest eval measures --gold ../shared/eval/bbc-politics/gold.jsonl
    Measures {
        /// Gold file(s); repeatable. Example: --gold ../shared/eval/seeds-gold.json
        #[arg(long, required = true, value_name = "FILE")]
        gold: Vec<PathBuf>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
struct BuildArgs {
    /// Start of the window: a duration back from --until/--now, or a date
    /// [default: 7d, or `since` in digest.toml]. Example: --since 7d, --since 2025-01-27
    #[arg(long, value_name = "DUR|DATE")]
    since: Option<String>,
    /// End of the window (exclusive) [default: now]. Example: --until 2025-02-03
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
    /// Fix the clock, for reproducible runs. Example: --now 2025-02-03T12:00:00Z
    #[arg(long, value_name = "DATETIME", env = "DIGEST_NOW")]
    now: Option<String>,
    /// Article file or folder (read recursively): .txt, .md, .html, .jsonl;
    /// or an http(s) URL of a feed (RSS, Atom, JSON Feed) or an article page.
    /// Repeatable; replaces the inputs and [[source]]s of digest.toml.
    /// Example: --input samples --input https://example.org/feed.xml
    #[arg(short, long = "input", value_name = "PATH|URL")]
    inputs: Vec<PathBuf>,
    /// Output format [default: markdown, or `format` in digest.toml]. Example: --format html
    #[arg(short, long, value_enum)]
    format: Option<Format>,
    /// Write the digest to this file instead of stdout. Example: --out week.md
    #[arg(short, long, value_name = "PATH")]
    out: Option<PathBuf>,
    /// Config file [default: ./digest.toml, else the user's config dir].
    /// Example: --config /etc/digest/digest.toml
    #[arg(long, value_name = "FILE", env = "DIGEST_CONFIG")]
    config: Option<PathBuf>,
    /// Let articles without a publication date into the window.
    #[arg(long)]
    include_undated: bool,
    /// The store that remembers articles, fetches and sent digests [default:
    /// `store` in digest.toml, else digest/digest.sqlite in the data directory
    /// when a source is a URL; no store for files alone].
    /// Example: --store /srv/digest/digest.sqlite
    #[arg(long, value_name = "PATH", env = "DIGEST_STORE")]
    store: Option<PathBuf>,
    /// Fetch nothing: build from the store (and the files given).
    #[arg(long)]
    offline: bool,
    #[command(flatten)]
    email: EmailArgs,
}

/// Email flags (issue 5); the same settings live in `[email]` of digest.toml.
#[derive(Debug, Args)]
#[command(next_help_heading = "Email")]
struct EmailArgs {
    /// Email the digest, unless this period's was sent already (see --force).
    /// First delivers what waits in the outbox. Keeps its sent-state in the store.
    #[arg(long)]
    send: bool,
    /// Sender. Example: --from "Policy digest <digest@example.org>"
    #[arg(long, value_name = "ADDRESS")]
    from: Option<String>,
    /// Recipient; repeatable. Example: --to team@example.org --to lead@example.org
    #[arg(long = "to", value_name = "ADDRESS")]
    to: Vec<String>,
    /// Words before the dates in the subject [default: Policy digest].
    /// Example: --subject "Border policy digest"
    #[arg(long, value_name = "TEXT")]
    subject: Option<String>,
    /// Transport: smtp://[USER@]HOST[:PORT] (STARTTLS when offered; add
    /// ?tls=required to insist), smtps://HOST[:PORT] (implicit TLS),
    /// sendmail:[PATH] or file:DIR. The password comes from
    /// DIGEST_SMTP_PASSWORD or `password_file` in [email], never from here.
    /// Example: --smtp-url smtp://digest@mail.example.org:587?tls=required
    #[arg(long, value_name = "URL")]
    smtp_url: Option<String>,
    /// Unsubscribe link for the List-Unsubscribe header (an https URL also
    /// gets one-click List-Unsubscribe-Post). Example: --unsubscribe https://example.org/u/policy
    #[arg(long, value_name = "URL")]
    unsubscribe: Option<String>,
    /// Where messages wait until the server accepts them [default: outbox/
    /// beside the store]. Example: --outbox /var/spool/digest
    #[arg(long, value_name = "DIR")]
    outbox: Option<PathBuf>,
    /// Send even if this period's digest was sent already.
    #[arg(long)]
    force: bool,
    /// Send nothing when no article fell in the period (by default a short
    /// "nothing matched" digest goes out, so silence never means a broken job).
    #[arg(long)]
    skip_empty: bool,
}

#[derive(Debug, Args)]
struct FetchArgs {
    /// Feed or page URL, or article file or folder, as for build [default:
    /// the inputs and [[source]]s of digest.toml]. Example: --input https://example.org/feed.xml
    #[arg(short, long = "input", value_name = "PATH|URL")]
    inputs: Vec<PathBuf>,
    /// The store [default: `store` in digest.toml, else the data directory's].
    /// Example: --store week.sqlite
    #[arg(long, value_name = "PATH", env = "DIGEST_STORE")]
    store: Option<PathBuf>,
    /// Config file [default: ./digest.toml, else the user's config dir].
    #[arg(long, value_name = "FILE", env = "DIGEST_CONFIG")]
    config: Option<PathBuf>,
    /// Fix the clock that stamps the fetch history. Example: --now 2025-02-03T12:00:00Z
    #[arg(long, value_name = "DATETIME", env = "DIGEST_NOW")]
    now: Option<String>,
}

#[derive(Debug, Args)]
struct SummarizeArgs {
    /// How many key sentences per article. Example: --sentences 3
    #[arg(short = 'n', long, default_value_t = 3)]
    sentences: usize,
    /// Article files (.txt, .md, .html, .jsonl). Example: article.txt
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Config file whose [rank] weights and `rules` folder to use [default:
    /// ./digest.toml, else the user's config dir]. Example: --config digest.toml
    #[arg(short, long, value_name = "FILE")]
    config: Option<PathBuf>,
}

/// Runs digest with these arguments (the first is the program name).
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    init_logging();
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let result = match cli.command {
        Command::Build(a) => build(*a),
        Command::Fetch(a) => fetch(a),
        Command::Summarize(a) => summarize(a),
        Command::Eval(EvalCommand::Measures { gold, json }) => eval_measures(&gold, json),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("digest: error: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("DIGEST_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

fn report_rejected(rejected: &[ingest::IngestError]) {
    for e in rejected {
        eprintln!("digest: skipped {e}");
    }
}

fn build(a: BuildArgs) -> anyhow::Result<ExitCode> {
    one_malloc_arena();
    let req = BuildRequest {
        inputs: a.inputs,
        since: a.since,
        until: a.until,
        now: a.now,
        format: a.format,
        out: a.out,
        config: a.config,
        include_undated: a.include_undated,
        store: a.store,
        offline: a.offline,
        email: EmailFlags {
            send: a.email.send,
            from: a.email.from,
            to: a.email.to,
            subject: a.email.subject,
            smtp_url: a.email.smtp_url,
            unsubscribe: a.email.unsubscribe,
            outbox: a.email.outbox,
            force: a.email.force,
            skip_empty: a.email.skip_empty,
        },
    };
    let cfg = BuildConfig::resolve(req, chrono::Utc::now())?;
    // Held for the whole run, sending included: one run at a time per store.
    let store = cfg.live.store.as_deref().map(Store::open).transpose()?;
    let _lock = match &store {
        Some(s) => Some(s.lock_for("build", cfg.live.lock_wait)?),
        None => None,
    };
    let mut delivery_failed = false;
    if let (Some(send), Some(store)) = (&cfg.email.send, &store) {
        match before_sending(store, send, &cfg)? {
            Before::Go { failed } => delivery_failed = failed,
            Before::Stop(code) => return Ok(code),
        }
    }
    let (articles, partial, health) = match &store {
        None => {
            let mut files = cfg.inputs.clone();
            files.extend(cfg.live.sources.iter().filter_map(|s| match &s.location {
                Location::Path(p) => Some(p.clone()),
                Location::Url(_) => None,
            }));
            let ingested = ingest::ingest(&files, &IngestOptions::default());
            report_rejected(&ingested.rejected);
            (ingested.articles, !ingested.rejected.is_empty(), Vec::new())
        }
        Some(store) => {
            // Files and fetched pages go into the store; the digest is built
            // from what the store holds for the window, so a weekly run also
            // sees what earlier runs fetched.
            let gathered = gather(store, "build", &cfg.inputs, &cfg.live, cfg.now)?;
            let mut articles = store.articles_in(cfg.period)?;
            if cfg.include_undated {
                articles.extend(store.undated_articles()?);
            }
            let health = store.health_in(cfg.period, cfg.live.flag_after)?;
            (articles, gathered.partial(), health)
        }
    };
    let mut outcome = pipeline::build(
        articles,
        cfg.period,
        cfg.now,
        cfg.include_undated,
        &cfg.options,
    );
    outcome.digest.sources = health;
    if outcome.in_window == 0 {
        let newest = outcome.newest.map_or_else(
            || "none".to_string(),
            |n| n.format("%Y-%m-%d %H:%M UTC").to_string(),
        );
        eprintln!(
            "digest: no article falls in the window {} – {} ({} read, {} undated, newest published {}); \
             a wider --since, --now set to the week you want, or --include-undated would help",
            cfg.period.start.format("%Y-%m-%d %H:%M UTC"),
            cfg.period.end.format("%Y-%m-%d %H:%M UTC"),
            outcome.read,
            outcome.undated,
            newest
        );
    }
    let email = match &cfg.email.message {
        Some(opts) => Some(render::email::compose(&outcome.digest, opts)?),
        None => None,
    };
    // Sending, the digest goes to --out only: stdout stays quiet for cron.
    if cfg.email.send.is_none() || cfg.out.is_some() {
        write_output(cfg.out.as_deref(), |w| match (&email, cfg.format) {
            (Some(e), Format::Email) => w.write_all(&e.bytes).map_err(render::RenderError::Write),
            _ => render::write(&outcome.digest, cfg.format, w),
        })?;
    }
    if let (Some(send), Some(store), Some(email)) = (&cfg.email.send, &store, &email) {
        if outcome.in_window == 0 && send.skip_empty {
            eprintln!("digest: nothing matched this period; --skip-empty: nothing sent");
        } else {
            let outbox = send::Outbox::new(&send.outbox);
            let key = send::sent_key(cfg.period);
            let report = send::deliver(store, &outbox, &send.transport, email, key, cfg.now)?;
            delivery_failed |= report.failed();
            eprintln!("digest: {report}");
        }
    }
    Ok(if delivery_failed {
        ExitCode::from(3)
    } else if partial {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// glibc gives every thread its own malloc arena, and memory freed in one
/// arena is not reused by another thread's: the article texts (read on the
/// main thread, freed by the workers as their stories finish) stayed
/// resident beside the digest the workers build. One arena lets the digest
/// reuse them: peak 129 -> 94 MiB on the generated week, two threads, no
/// slower (each thread keeps its own cache of small blocks).
fn one_malloc_arena() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a tuning parameter of glibc's allocator; it
    // is thread-safe and takes no pointers.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}

enum Before {
    /// Build and send; `failed` when an outbox message could not be delivered.
    Go {
        failed: bool,
    },
    Stop(ExitCode),
}

/// Delivers what waits in the outbox, then says whether this period still
/// needs sending: not when it went out already (unless --force), nor when
/// its message is still waiting (the server refused it again just now).
fn before_sending(
    store: &Store,
    send: &send::SendConfig,
    cfg: &BuildConfig,
) -> anyhow::Result<Before> {
    let outbox = send::Outbox::new(&send.outbox);
    let mut failed = false;
    for report in send::flush(store, &outbox, &send.transport, cfg.now)? {
        failed |= report.failed();
        eprintln!("digest: {report}");
    }
    let key = send::sent_key(cfg.period);
    let code = |failed| ExitCode::from(if failed { 3 } else { 0 });
    if let Some(q) = send::waiting_for(&outbox, key)? {
        eprintln!(
            "digest: “{}” still waits in {}; nothing new built",
            q.meta.subject,
            q.eml.display()
        );
        return Ok(Before::Stop(code(true)));
    }
    if !send.force
        && let Some(sent) = store.digest_sent(key)?
    {
        eprintln!(
            "digest: the digest of {} was already {}; nothing sent (--force sends it again)",
            render::period_dates(key.start, key.end),
            send::describe_sent(&sent)
        );
        return Ok(Before::Stop(code(failed)));
    }
    Ok(Before::Go { failed })
}

fn fetch(a: FetchArgs) -> anyhow::Result<ExitCode> {
    let cfg = FetchConfig::resolve(
        a.inputs,
        a.store,
        a.config.as_deref(),
        a.now.as_deref(),
        chrono::Utc::now(),
    )?;
    let path = cfg.live.store.as_deref().expect("fetch always has a store");
    let store = Store::open(path)?;
    let _lock = store.lock_for("fetch", cfg.live.lock_wait)?;
    let gathered = gather(&store, "fetch", &cfg.inputs, &cfg.live, cfg.now)?;
    Ok(if gathered.partial() {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads files and live sources into the store, with a progress bar on a
/// terminal, each failure named on stderr and a one-line summary.
fn gather(
    store: &Store,
    command: &str,
    files: &[PathBuf],
    live: &Live,
    now: chrono::DateTime<chrono::Utc>,
) -> anyhow::Result<Gathered> {
    let mut sources: Vec<Source> = files
        .iter()
        .map(|p| Source::from_input(&p.to_string_lossy()))
        .collect();
    sources.extend(live.sources.iter().cloned());
    let fetching = !live.offline
        && sources
            .iter()
            .any(|s| matches!(s.location, Location::Url(_)));
    let run = store.begin_run(command, now)?;
    let mut fetcher = crate::fetch::Fetcher::new(live.fetch.clone());
    // indicatif draws only when stderr is a terminal: silent under cron.
    let progress = if fetching {
        indicatif::ProgressBar::new(0)
    } else {
        indicatif::ProgressBar::hidden()
    };
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{spinner} fetching [{pos}/{len}] {wide_msg}")
    {
        progress.set_style(style);
    }
    if fetching {
        // Keeps the spinner turning through the pauses between requests.
        progress.enable_steady_tick(std::time::Duration::from_millis(120));
    }
    let gathered = source::gather(
        &sources,
        store,
        run,
        &mut fetcher,
        &source::GatherOptions::default(),
        live.offline,
        now,
        &progress,
    );
    progress.finish_and_clear();
    let gathered = gathered?;
    store.finish_run(run, now)?;
    report_rejected(&gathered.rejected);
    for s in gathered.failed() {
        if let Some((_, message)) = &s.error {
            eprintln!("digest: source {} failed: {message}", s.source);
        }
    }
    if fetching || command == "fetch" {
        eprintln!("{}", gathered.summary(store.path()));
    }
    Ok(gathered)
}

/// Writes the digest, as `write` renders it, to `out` or stdout.
fn write_output(
    out: Option<&std::path::Path>,
    write: impl FnOnce(&mut dyn Write) -> Result<(), render::RenderError>,
) -> anyhow::Result<()> {
    use anyhow::Context;
    match out {
        Some(path) => {
            // Write beside the target, then rename: a reader never sees half a digest.
            let tmp = path.with_extension("tmp~");
            let cannot = || format!("{}: cannot write", tmp.display());
            let file = std::fs::File::create(&tmp).with_context(cannot)?;
            let mut w = std::io::BufWriter::new(file);
            let written = write(&mut w)
                .map_err(anyhow::Error::from)
                .and_then(|()| Ok(w.into_inner().map_err(|e| e.into_error())?));
            if let Err(e) = written {
                let _ = std::fs::remove_file(&tmp);
                return Err(e.context(cannot()));
            }
            std::fs::rename(&tmp, path)
                .with_context(|| format!("{}: cannot write", path.display()))?;
        }
        None => {
            let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
            write(&mut stdout).context("cannot write to stdout")?;
            stdout.flush().context("cannot write to stdout")?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct SummaryLine<'a> {
    file: String,
    id: &'a str,
    sentences: Vec<SummarySentence<'a>>,
}

#[derive(Serialize)]
struct SummarySentence<'a> {
    index: usize,
    text: &'a str,
}

fn summarize(a: SummarizeArgs) -> anyhow::Result<ExitCode> {
    let opts = FileConfig::find(a.config.as_deref())?
        .map(|(_, f)| f.pipeline_options())
        .transpose()?
        .unwrap_or_default();
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let mut rejected = 0;
    for file in &a.files {
        let ingested = ingest::ingest(std::slice::from_ref(file), &IngestOptions::default());
        report_rejected(&ingested.rejected);
        rejected += ingested.rejected.len();
        for article in ingested.articles {
            let doc = Document::new(article);
            let chosen = pipeline::summarize(&doc, a.sentences, &opts);
            let line = SummaryLine {
                file: file.display().to_string(),
                id: &doc.article.id,
                sentences: chosen
                    .iter()
                    .map(|&i| SummarySentence {
                        index: i,
                        text: doc.sentence(i),
                    })
                    .collect(),
            };
            serde_json::to_writer(&mut stdout, &line)?;
            stdout.write_all(b"\n")?;
        }
    }
    stdout.flush()?;
    Ok(if rejected == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}

fn eval_measures(gold: &[PathBuf], json: bool) -> anyhow::Result<ExitCode> {
    for path in gold {
        let report = crate::eval::measures::evaluate(path)?;
        if json {
            println!("{}", serde_json::to_string_pretty(&report)?);
        } else {
            print!("{}", report.to_text());
        }
    }
    Ok(ExitCode::SUCCESS)
}
