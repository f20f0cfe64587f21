//! `digest build` end to end on the samples: the foundation issue's contract.

use crate::Test;

fn seeds_week() -> Test {
    Test::new().with_samples().seeds_week()
}

#[test]
fn samples_make_one_story_with_both_articles() {
    let run = seeds_week().args(&["--format", "json"]).run();
    run.code(0);
    let d = run.json();
    assert_eq!(d["title"], "Week of 27 January – 3 February 2025");
    assert_eq!(d["period"]["start"], "2025-01-27T12:00:00Z");
    assert_eq!(d["articles"].as_array().unwrap().len(), 2);
    let stories = d["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 1, "{stories:#?}");
    assert_eq!(stories[0]["articles"].as_array().unwrap().len(), 2);
    assert!(!stories[0]["key_sentences"].as_array().unwrap().is_empty());
}

#[test]
fn every_format_renders_the_dated_digest() {
    for (format, needle) in [
        ("markdown", "# Week of 27 January – 3 February 2025"),
        ("html", "<!DOCTYPE html>"),
        ("text", "WEEK OF 27 JANUARY"),
    ] {
        let run = seeds_week().args(&["--format", format]).run();
        run.code(0);
        assert!(
            run.stdout.to_uppercase().contains(&needle.to_uppercase()),
            "{format}: no {needle:?} in\n{}",
            run.stdout
        );
        assert!(run.stdout.contains("Border Security Summit"), "{format}");
    }
}

#[test]
fn out_writes_a_file_and_nothing_on_stdout() {
    let t = seeds_week().args(&["--format", "markdown", "--out", "week.md"]);
    let run = t.run();
    run.code(0);
    assert!(run.stdout.is_empty());
    let md = std::fs::read_to_string(t.path("week.md")).unwrap();
    assert!(md.contains("Joint Illicit Finance Taskforce"));
}

#[test]
fn an_empty_window_says_why_and_still_renders_a_dated_digest() {
    let run = Test::new()
        .with_samples()
        .args(&[
            "build",
            "--input",
            "samples",
            "--now",
            "2026-11-23T09:00:00Z",
            "--since",
            "7d",
            "--format",
            "json",
        ])
        .run();
    run.code(0);
    assert!(run.stderr.contains("2 read"), "{}", run.stderr);
    assert!(
        run.stderr.contains("2025-02-03"),
        "names the newest date: {}",
        run.stderr
    );
    assert!(run.stderr.contains("--since"), "{}", run.stderr);
    let d = run.json();
    assert!(d["articles"].as_array().unwrap().is_empty());
    let title = d["title"].as_str().unwrap();
    assert!(
        title.contains("16") && title.contains("November 2026"),
        "{title}"
    );
}

#[test]
fn undated_articles_enter_only_when_asked() {
    let t = Test::new()
        .write(
            "a/undated.txt",
            "The Home Office announced a new Border Security Command on Monday.\n",
        )
        .args(&[
            "build",
            "-i",
            "a",
            "--now",
            "2025-02-03T12:00:00Z",
            "--format",
            "json",
        ]);
    assert!(t.run().json()["articles"].as_array().unwrap().is_empty());
    let run = t.args(&["--include-undated"]).run();
    run.code(0);
    assert_eq!(run.json()["articles"].as_array().unwrap().len(), 1);
}

#[test]
fn the_config_file_names_inputs_so_cron_needs_only_since() {
    let t = Test::new()
        .with_samples()
        .write("digest.toml", "inputs = [\"samples\"]\nformat = \"json\"\n")
        .args(&["build", "--since", "7d", "--now", "2025-02-03T12:00:00Z"]);
    let run = t.run();
    run.code(0);
    assert_eq!(run.json()["articles"].as_array().unwrap().len(), 2);
}

#[test]
fn without_inputs_or_config_the_error_says_how_to_give_them() {
    let run = Test::new().args(&["build", "--since", "7d"]).run();
    run.code(1);
    assert!(
        run.stderr.contains("--input") && run.stderr.contains("digest.toml"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_bad_config_names_its_line() {
    let run = Test::new()
        .write("digest.toml", "inputs = [\"x\"]\nsinse = \"7d\"\n")
        .args(&["build"])
        .run();
    run.code(1);
    assert!(run.stderr.contains("digest.toml:2"), "{}", run.stderr);
}

#[test]
fn help_documents_flags_with_examples_and_exit_codes() {
    let run = Test::new().args(&["build", "--help"]).run();
    run.code(0);
    for flag in [
        "--since",
        "--until",
        "--now",
        "--input",
        "--format",
        "--out",
        "--config",
        "--include-undated",
    ] {
        assert!(run.stdout.contains(flag), "{flag} missing from --help");
    }
    assert!(run.stdout.contains("Exit codes"));
    assert!(run.stdout.contains("Example: --since 7d"));
}

#[test]
fn jsonl_ids_are_kept() {
    let line = r#"{"id": "gov-42", "url": "https://example.org/a", "title": "T", "outlet": "GOV.UK", "published": "2025-02-01", "text": "The Government will introduce a new Border Security Bill. It will give Border Force new powers to seize phones."}"#;
    let run = Test::new()
        .write("feed.jsonl", format!("{line}\n"))
        .args(&[
            "build",
            "-i",
            "feed.jsonl",
            "--now",
            "2025-02-03T12:00:00Z",
            "-f",
            "json",
        ])
        .run();
    run.code(0);
    let d = run.json();
    assert_eq!(d["articles"][0]["id"], "gov-42");
    assert_eq!(d["stories"][0]["articles"][0], "gov-42");
}

#[test]
fn html_pages_are_read_for_their_article_text() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html");
    let run = Test::new()
        .args(&[
            "build",
            "-i",
            fixtures.to_str().unwrap(),
            "--since",
            "2020-01-01",
            "--now",
            "2030-01-01T00:00:00Z",
            "-f",
            "json",
        ])
        .run();
    run.code(0);
    let d = run.json();
    let articles = d["articles"].as_array().unwrap();
    assert!(articles.len() >= 4, "{articles:#?}");
    assert!(
        articles
            .iter()
            .all(|a| a["title"].is_string() && a["published"].is_string()),
        "{articles:#?}"
    );
    let all = run.stdout.to_lowercase();
    for clutter in ["accept cookies", "read more:", "most read"] {
        assert!(!all.contains(clutter), "{clutter} leaked into the digest");
    }
}
