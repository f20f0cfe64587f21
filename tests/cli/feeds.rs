//! Feeds and pages over HTTP (issue 6): a local server serves the fixture
//! site (tests/fixtures/feeds/site: an RSS, an Atom and a JSON feed, article
//! pages in real-site clutter) and broken sources; digest fetches them into
//! a store and builds from it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use digest::store::Store;

use std::process::Command;

use crate::server::{Route, Server};
use crate::{Run, Test};

const NOW: &str = "2025-02-03T12:00:00Z";

/// Short timeouts, one quick retry, no pause: the tests stay fast.
const FAST: &str = r#"
[fetch]
timeout = "500ms"
retries = 1
backoff = "10ms"
host_pause = "0ms"
max_bytes = 1048576
lock_wait = "200ms"
"#;

pub fn site() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/feeds/site")
}

/// The fixture site, its RSS feed gzipped when the client accepts it.
pub fn site_server() -> Server {
    let server = Server::start();
    server.files(&site(), "/");
    let feed = std::fs::read(site().join("feed.xml")).unwrap();
    server.route(
        "/feed.xml",
        Route::ok("application/rss+xml", feed)
            .versioned("feed-v1")
            .gzipped(),
    );
    server
}

/// A test directory with the fast settings and more config.
pub fn fast_test(extra_config: &str) -> Test {
    Test::new().write("digest.toml", format!("{FAST}\n{extra_config}"))
}

/// Runs digest in the test's directory with these arguments, as
/// [`Test::run`] does, with a data directory of the test's own so that
/// nothing reaches the user's.
pub fn run(t: &Test, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_digest"))
        .args(args)
        .current_dir(t.dir.path())
        .env_remove("DIGEST_NOW")
        .env_remove("DIGEST_CONFIG")
        .env_remove("DIGEST_STORE")
        .env("XDG_CONFIG_HOME", t.path(".no-user-config"))
        .env("XDG_DATA_HOME", t.path("data-home"))
        .output()
        .expect("run digest");
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

fn stored(t: &Test) -> Vec<digest::article::Article> {
    Store::open(&t.path("s.sqlite"))
        .unwrap()
        .all_articles()
        .unwrap()
}

fn titles(d: &serde_json::Value) -> Vec<String> {
    let mut t: Vec<String> = d["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap_or("").to_string())
        .collect();
    t.sort();
    t
}

#[test]
fn a_feed_becomes_a_digest_of_its_pages_without_the_clutter() {
    let server = site_server();
    let t = fast_test("");
    let feed = server.url("/feed.xml");
    let args = [
        "build", "-i", &feed, "--store", "s.sqlite", "--now", NOW, "--since", "7d", "-f", "json",
    ];
    let run = run(&t, &args);
    run.code(0);
    let d = run.json();
    assert_eq!(
        titles(&d),
        [
            "Border Security Bill gives officers new powers to seize phones",
            "Border Security Summit to be held in London",
            "New taskforce to target people-smuggling finances",
        ]
    );
    assert!(d.get("sources").is_none(), "no source failed: {d:#}");
    let courier = d["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["outlet"] == "The Northern Courier")
        .expect("outlet from og:site_name");
    assert_eq!(courier["published"], "2025-01-28T08:15:00+00:00");
    assert_eq!(
        courier["url"],
        server.url("/news/taskforce.html"),
        "the page's URL without the feed's tracking parameters"
    );

    let articles = stored(&t);
    assert_eq!(articles.len(), 3);
    for a in &articles {
        for clutter in [
            "cookies",
            "Share on",
            "Related stories",
            "All rights reserved",
            "Most read",
            "Sign up",
            "Comments (42)",
            "Is this page useful",
            "file picture",
            "Skip to content",
            "Share this page",
        ] {
            assert!(!a.body.contains(clutter), "{clutter:?} in {}", a.body);
        }
    }
    let bill = articles
        .iter()
        .find(|a| a.title.as_deref().is_some_and(|t| t.contains("Bill")))
        .unwrap();
    assert!(
        bill.body.starts_with(
            "The Border Security Bill will give officers new powers to seize the mobile phones"
        ),
        "{}",
        bill.body
    );
    assert!(
        bill.body
            .contains("a new offence of endangering life at sea")
    );
    assert_eq!(
        bill.language.as_deref(),
        Some("en"),
        "no lang attribute: whatlang"
    );
    assert_eq!(
        bill.published.unwrap().utc().to_rfc3339(),
        "2025-01-30T17:40:00+00:00"
    );

    let feed = &server.requests_to("/feed.xml")[0];
    assert!(feed.header("accept-encoding").unwrap().contains("gzip"));
    for r in server.requests() {
        let ua = r.header("user-agent").unwrap_or("");
        assert!(ua.starts_with("digest/") && ua.contains('('), "{ua}");
    }
    assert!(
        run.stderr.contains("1 source in ") && run.stderr.contains("3 pages fetched"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_second_run_is_conditional_and_stores_nothing_twice() {
    let server = site_server();
    let t = fast_test("");
    let feed = server.url("/feed.xml");
    let args = ["fetch", "-i", &feed, "--store", "s.sqlite", "--now", NOW];
    run(&t, &args).code(0);
    assert_eq!(stored(&t).len(), 3);
    assert!(server.requests().iter().all(|r| !r.conditional()));

    // Nothing changed: one conditional request, answered 304.
    server.forget_requests();
    let second = run(&t, &args);
    second.code(0);
    let reqs = server.requests();
    assert_eq!(reqs.len(), 1, "{reqs:#?}");
    assert_eq!(reqs[0].header("if-none-match"), Some("\"feed-v1\""));
    assert_eq!(reqs[0].status, 304);
    assert!(
        second
            .stderr
            .contains("1 request (1 conditional, 1 not modified)"),
        "{}",
        second.stderr
    );
    assert_eq!(stored(&t).len(), 3);

    // The publisher changes every GUID and updates one article: the feed is
    // read again, each page asked for conditionally, and only the changed
    // one is downloaded; still three articles, the bill at its second version.
    let changed = std::fs::read_to_string(site().join("feed.xml"))
        .unwrap()
        .replace(
            "<guid isPermaLink=\"false\">",
            "<guid isPermaLink=\"false\">v2-",
        );
    server.route(
        "/feed.xml",
        Route::ok("application/rss+xml", changed).versioned("feed-v2"),
    );
    let bill = std::fs::read_to_string(site().join("news/bill.html"))
        .unwrap()
        .replace(
            "<p>The bill is expected",
            "<p>Update: the Home Office has published an impact assessment of the new powers.</p>\n<p>The bill is expected",
        );
    server.route(
        "/news/bill.html",
        Route::ok("text/html", bill).versioned("bill-v2"),
    );
    server.forget_requests();
    let third = run(&t, &args);
    third.code(0);
    let pages = server.requests_to("/news/");
    assert_eq!(pages.len(), 3, "{pages:#?}");
    assert!(pages.iter().all(|r| r.conditional()), "{pages:#?}");
    let downloaded: Vec<&str> = pages
        .iter()
        .filter(|r| r.status == 200)
        .map(|r| r.path.as_str())
        .collect();
    assert_eq!(downloaded, ["/news/bill.html"]);
    assert!(
        third.stderr.contains("0 new, 1 updated, 2 unchanged"),
        "{}",
        third.stderr
    );
    let articles = stored(&t);
    assert_eq!(articles.len(), 3);
    let bill = articles
        .iter()
        .find(|a| a.body.contains("impact assessment"))
        .expect("the updated text replaced the old");
    let store = Store::open(&t.path("s.sqlite")).unwrap();
    assert_eq!(store.article_versions(&bill.id).unwrap(), Some(2));
}

#[test]
fn rss_atom_json_and_an_amp_page_store_each_article_once() {
    let server = site_server();
    let (rss, atom, json) = (
        server.url("/feed.xml"),
        server.url("/atom.xml"),
        server.url("/feed.json"),
    );
    let amp = server.url("/amp/news/taskforce.html?utm_campaign=share");
    let args = [
        "build", "-i", &rss, "-i", &atom, "-i", &json, "-i", &amp, "--store", "s.sqlite", "--now",
        NOW, "-f", "json",
    ];
    let run = run(&fast_test(""), &args);
    run.code(0);
    let d = run.json();
    assert_eq!(
        titles(&d),
        [
            "Border Security Bill gives officers new powers to seize phones",
            "Border Security Summit to be held in London",
            "New taskforce to target people-smuggling finances",
            "Written statement: returns agreement with Albania",
        ],
        "the taskforce came three ways (RSS with tracking, Atom's AMP link, \
         the AMP page itself) and the summit two (RSS, JSON Feed with a fragment)"
    );
    // The Atom entry carries the whole statement: its page is not fetched.
    assert!(server.requests_to("/statements/").is_empty());
    // Atom's AMP link names an article the RSS feed gave: not fetched again
    // (the one AMP request is the page given as an input).
    assert_eq!(server.requests_to("/amp/").len(), 1);
    assert_eq!(server.requests_to("/news/summit.html").len(), 1);
}

#[test]
fn broken_sources_are_named_listed_in_the_digest_and_make_the_run_partial() {
    let server = site_server();
    let feed = std::fs::read(site().join("feed.xml")).unwrap();
    server
        .route("/500", Route::status(500))
        .route(
            "/slow.xml",
            Route::ok("application/rss+xml", feed).delayed(Duration::from_secs(3)),
        )
        .route("/loop", Route::redirect("/loop2"))
        .route("/loop2", Route::redirect("/loop"))
        .route(
            "/huge.html",
            Route::ok("text/html", format!("<p>{}</p>", "x".repeat(2 << 20))),
        )
        .route(
            "/broken.xml",
            Route::ok(
                "application/rss+xml",
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Broken</title><item><title>Half</chan",
            ),
        );
    let mut config = String::new();
    for (name, path) in [
        ("Border news", "/feed.xml"),
        ("Ministry", "/500"),
        ("Slow agency", "/slow.xml"),
        ("Looping site", "/loop"),
        ("Huge page", "/huge.html"),
        ("Broken feed", "/broken.xml"),
    ] {
        config.push_str(&format!(
            "[[source]]\nname = \"{name}\"\nurl = \"{}\"\n\n",
            server.url(path)
        ));
    }
    let t = fast_test(&config);
    let base = ["build", "--store", "s.sqlite", "--now", NOW];
    let json = run(&t, &[&base[..], &["-f", "json"]].concat());
    json.code(2);
    let d = json.json();
    assert_eq!(d["articles"].as_array().unwrap().len(), 3, "the good feed");
    let health: Vec<(&str, &str)> = d["sources"]
        .as_array()
        .expect("a sources section")
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap(),
                s["error_kind"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        health,
        [
            ("Broken feed", "malformed feed"),
            ("Huge page", "too large"),
            ("Looping site", "redirect loop"),
            ("Ministry", "http 500"),
            ("Slow agency", "timeout"),
        ]
    );
    for name in [
        "Ministry",
        "Slow agency",
        "Looping site",
        "Huge page",
        "Broken feed",
    ] {
        assert!(
            json.stderr.contains(&format!("source {name} failed")),
            "{name}: {}",
            json.stderr
        );
    }
    // 5xx and timeouts are retried once (retries = 1); the rest are not.
    assert_eq!(server.requests_to("/500").len(), 2);
    assert_eq!(server.requests_to("/slow.xml").len(), 2);
    assert_eq!(server.requests_to("/broken.xml").len(), 1);

    let md = run(&t, &[&base[..], &["-f", "markdown", "--offline"]].concat());
    md.code(0);
    assert!(
        md.stdout.contains("## Sources that failed"),
        "{}",
        md.stdout
    );
    assert!(md.stdout.contains("**Ministry**"), "{}", md.stdout);
    assert!(md.stdout.contains("HTTP 500"), "{}", md.stdout);
}

#[test]
fn a_source_failing_run_after_run_is_flagged_and_its_recovery_noted() {
    let server = site_server();
    server.route("/500", Route::status(500));
    let config = format!(
        "{}\nflag_after = 3\n\n[[source]]\nname = \"Ministry\"\nurl = \"{}\"\n",
        FAST.trim_end(),
        server.url("/500")
    );
    let t = Test::new().write("digest.toml", config);
    let args = [
        "build", "--store", "s.sqlite", "--now", NOW, "-f", "markdown",
    ];
    for n in 1..=3 {
        let r = run(&t, &args);
        r.code(2);
        let flagged = r.stdout.contains("failing 3 runs in a row: check it");
        assert_eq!(flagged, n == 3, "run {n}:\n{}", r.stdout);
        assert!(
            r.stdout.contains(&format!("failed in {n} run")),
            "run {n}:\n{}",
            r.stdout
        );
    }
    let feed = std::fs::read(site().join("feed.xml")).unwrap();
    server.route("/500", Route::ok("application/rss+xml", feed));
    let r = run(&t, &args);
    r.code(0);
    assert!(r.stdout.contains("working again"), "{}", r.stdout);
    assert!(r.stdout.contains("New taskforce"), "{}", r.stdout);
}

#[test]
fn offline_builds_from_the_store_without_a_request() {
    let server = site_server();
    let feed = server.url("/feed.xml");
    let t = fast_test("");
    run(
        &t,
        &["fetch", "-i", &feed, "--store", "s.sqlite", "--now", NOW],
    )
    .code(0);
    server.forget_requests();
    let args = [
        "build",
        "-i",
        &feed,
        "--offline",
        "--store",
        "s.sqlite",
        "--now",
        NOW,
        "-f",
        "json",
    ];
    let r = run(&t, &args);
    r.code(0);
    assert_eq!(r.json()["articles"].as_array().unwrap().len(), 3);
    assert!(server.requests().is_empty());
}

#[test]
fn files_alone_make_no_store_and_with_a_store_are_remembered() {
    let t = fast_test("").with_samples();
    let r = run(&t, &["build", "-i", "samples", "--now", NOW, "-f", "json"]);
    r.code(0);
    assert!(!t.path("data-home").exists(), "no store for files alone");
    // With --store the files go into it, and a later run without them
    // still builds the week from the store.
    run(
        &t,
        &[
            "build", "-i", "samples", "--store", "s.sqlite", "--now", NOW,
        ],
    )
    .code(0);
    let r = run(
        &t,
        &["build", "--store", "s.sqlite", "--now", NOW, "-f", "json"],
    );
    r.code(0);
    assert_eq!(r.json()["articles"].as_array().unwrap().len(), 2);
}

#[test]
fn help_documents_urls_fetch_store_and_offline() {
    let r = Test::new().args(&["build", "--help"]).run();
    r.code(0);
    for needle in ["--store", "--offline", "PATH|URL", "digest fetch"] {
        assert!(r.stdout.contains(needle), "{needle} missing from --help");
    }
    let r = Test::new().args(&["fetch", "--help"]).run();
    r.code(0);
    assert!(r.stdout.contains("--store"));
}
