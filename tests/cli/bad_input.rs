//! Bad inputs beside good ones: each is named on stderr with its reason,
//! the digest of the rest is built, the exit code is 2, nothing panics, and
//! memory stays bounded even with a 100 MB file.

use crate::Test;

#[test]
fn each_bad_file_is_named_and_the_rest_is_built() {
    let mut invalid_utf8 = b"---\ntitle: Latin-1\n---\nCaf".to_vec();
    invalid_utf8.extend([0xe9, b' ', b'o', b'k', b'.']);
    let t = Test::new()
        .with_samples()
        .write("samples/bad/empty.txt", "")
        .write("samples/bad/binary.txt", [0x7f, b'E', b'L', b'F', 0, 0, 1, 2, 3])
        .write("samples/bad/latin1.md", invalid_utf8)
        .write("samples/bad/broken-front-matter.md", "---\ntitle: [unclosed\npublished: 2025-02-01\n---\nText.\n")
        .write("samples/bad/unclosed-front-matter.md", "---\ntitle: never closed\n\nText.\n")
        .write("samples/bad/impossible-date.md", "---\ntitle: x\npublished: 2025-02-30\n---\nText here.\n")
        .write("samples/bad/bad-line.jsonl", "{\"text\": \"A fine article about a Bill.\", \"published\": \"2025-02-01\"}\nnot json\n");
    // 100 MB, sparse: costs no disk, but digest must not read it whole.
    let huge = std::fs::File::create(t.path("samples/bad/huge.txt")).unwrap();
    huge.set_len(100 * 1024 * 1024).unwrap();
    std::os::unix::fs::symlink(
        "/nonexistent/article.txt",
        t.path("samples/bad/unreadable.txt"),
    )
    .unwrap();

    let t = t.seeds_week().args(&["--format", "json"]);
    // Under 512 MiB of address space: reading the 100 MB file whole (and
    // copying it) would not fit.
    let run = t.run_limited(Some(512 * 1024));
    run.code(2);
    for (file, reason) in [
        ("empty.txt", "empty"),
        ("binary.txt", "binary"),
        ("latin1.md", "not UTF-8"),
        ("broken-front-matter.md", "front matter"),
        ("unclosed-front-matter.md", "never closed"),
        ("impossible-date.md:3", "2025-02-30"),
        ("bad-line.jsonl:2", "not an article"),
        ("huge.txt", "over the limit"),
        ("unreadable.txt", "cannot read"),
    ] {
        let line = run
            .stderr
            .lines()
            .find(|l| l.contains(file))
            .unwrap_or_else(|| panic!("{file} not named:\n{}", run.stderr));
        assert!(line.contains(reason), "{file}: {line}");
    }
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let d = run.json();
    // The two samples and the good JSON line.
    assert_eq!(d["articles"].as_array().unwrap().len(), 3);
    assert!(
        d["measures"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["name"] == "Border Security Summit")
    );
}

#[test]
fn an_input_that_does_not_exist_is_named() {
    let run = Test::new()
        .with_samples()
        .args(&[
            "build",
            "-i",
            "samples",
            "-i",
            "missing-folder",
            "--now",
            "2025-02-03T12:00:00Z",
            "-f",
            "json",
        ])
        .run();
    run.code(2);
    assert!(
        run.stderr.contains("missing-folder: cannot read"),
        "{}",
        run.stderr
    );
    assert_eq!(run.json()["articles"].as_array().unwrap().len(), 2);
}

#[test]
fn an_explicit_file_of_an_unknown_kind_is_named() {
    let run = Test::new()
        .write("notes.pdf", "%PDF-1.4")
        .args(&["build", "-i", "notes.pdf", "--now", "2025-02-03T12:00:00Z"])
        .run();
    run.code(2);
    assert!(
        run.stderr.contains("notes.pdf: not a file type"),
        "{}",
        run.stderr
    );
}
