//! The store under stress (issue 6): a fetch killed with SIGKILL half-way
//! leaves a sound store that the next run completes, and a second run
//! waits for the lock, then fails saying who holds it.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use digest::store::Store;

use crate::Test;
use crate::feeds::{fast_test, run, site};
use crate::server::{Route, Server};

const NOW: &str = "2025-02-03T12:00:00Z";

/// A feed of `n` items whose pages each take `delay` to answer.
fn slow_site(n: usize, delay: Duration) -> Server {
    let server = Server::start();
    let page = std::fs::read_to_string(site().join("news/taskforce.html")).unwrap();
    let mut items = String::new();
    for i in 0..n {
        items.push_str(&format!(
            "<item><title>Story {i}</title><link>news/{i}.html</link><guid>{i}</guid>\
             <pubDate>Sat, 01 Feb 2025 10:00:00 +0000</pubDate></item>\n"
        ));
        // Each page its own article: another canonical link and paragraph.
        let body = page
            .replace(
                "href=\"news/taskforce.html\"",
                &format!("href=\"news/{i}.html\""),
            )
            .replace(
                "<p>Officials expect",
                &format!("<p>This is report number {i} of the series on the taskforce.</p>\n<p>Officials expect"),
            );
        server.route(
            &format!("/news/{i}.html"),
            Route::ok("text/html", body)
                .versioned(&format!("p{i}"))
                .delayed(delay),
        );
    }
    let feed = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Slow news</title>\n{items}</channel></rss>"
    );
    server.route(
        "/feed.xml",
        Route::ok("application/rss+xml", feed).versioned("slow-v1"),
    );
    server
}

#[test]
fn a_fetch_killed_half_way_leaves_a_sound_store_and_the_next_run_completes() {
    let server = slow_site(8, Duration::from_millis(400));
    let t = fast_test("");
    let feed = server.url("/feed.xml");
    let mut child = Command::new(env!("CARGO_BIN_EXE_digest"))
        .args(["fetch", "-i", &feed, "--store", "s.sqlite", "--now", NOW])
        .current_dir(t.dir.path())
        .env("XDG_CONFIG_HOME", t.path(".no-user-config"))
        .env("XDG_DATA_HOME", t.path("data-home"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn digest fetch");
    // Kill it while it is in the middle of the pages: after three have been
    // asked for (so two are stored and one is in flight).
    let deadline = Instant::now() + Duration::from_secs(30);
    while server.requests_to("/news/").len() < 3 {
        assert!(Instant::now() < deadline, "digest fetch never got going");
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().expect("SIGKILL");
    child.wait().unwrap();

    let stored_before = {
        let store = Store::open(&t.path("s.sqlite")).expect("reopens after kill -9");
        store.integrity_check().expect("integrity_check says ok");
        store.article_count().unwrap()
    };
    assert!(
        (1..8).contains(&stored_before),
        "killed half-way: {stored_before} of 8 stored"
    );

    // The rerun takes over the dead run's lock, gets a 304 for the feed and
    // fetches only the pages it lacks.
    server.forget_requests();
    let r = run(
        &t,
        &["fetch", "-i", &feed, "--store", "s.sqlite", "--now", NOW],
    );
    r.code(0);
    assert!(
        r.stderr.contains("taking over the run lock"),
        "{}",
        r.stderr
    );
    assert_eq!(server.requests_to("/feed.xml")[0].status, 304);
    assert_eq!(server.requests_to("/news/").len(), 8 - stored_before);
    let store = Store::open(&t.path("s.sqlite")).unwrap();
    store.integrity_check().unwrap();
    assert_eq!(store.article_count().unwrap(), 8);
}

#[test]
fn a_second_run_waits_for_the_lock_then_says_who_holds_it() {
    let t = fast_test("").with_samples();
    let store = Store::open(&t.path("s.sqlite")).unwrap();
    let lock = store.lock_for("build", Duration::from_millis(10)).unwrap();
    let started = Instant::now();
    let r = run(
        &t,
        &[
            "build", "-i", "samples", "--store", "s.sqlite", "--now", NOW,
        ],
    );
    r.code(1);
    assert!(
        started.elapsed() >= Duration::from_millis(200),
        "waits lock_wait first"
    );
    assert!(
        r.stderr.contains("another digest run holds the store")
            && r.stderr
                .contains(&format!("process {}", std::process::id())),
        "{}",
        r.stderr
    );
    drop(lock);
    run(
        &t,
        &[
            "build", "-i", "samples", "--store", "s.sqlite", "--now", NOW,
        ],
    )
    .code(0);
}

#[test]
fn a_store_opens_at_the_latest_schema_in_wal_mode() {
    let t = Test::new();
    let store = Store::open(&t.path("deep/er/s.sqlite")).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        digest::store::MIGRATIONS.len() as i64
    );
    drop(store);
    // WAL is a property of the file: any connection sees it.
    let conn = rusqlite::Connection::open(t.path("deep/er/s.sqlite")).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}
