//! `digest summarize`: key sentences of each article as JSON Lines.

use crate::Test;

#[test]
fn prints_n_sentences_in_reading_order_with_their_index() {
    let run = Test::new()
        .with_samples()
        .args(&[
            "summarize",
            "--sentences",
            "3",
            "samples/uk-italy-taskforce-mirror.md",
        ])
        .run();
    run.code(0);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1);
    let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(v["file"], "samples/uk-italy-taskforce-mirror.md");
    let s = v["sentences"].as_array().unwrap();
    assert_eq!(s.len(), 3);
    let idx: Vec<u64> = s.iter().map(|x| x["index"].as_u64().unwrap()).collect();
    assert!(idx.windows(2).all(|w| w[0] < w[1]), "{idx:?}");
}

#[test]
fn one_line_per_article_and_bad_files_named() {
    let t = Test::new().with_samples().write("empty.txt", "").args(&[
        "summarize",
        "samples/uk-italy-taskforce-mirror.md",
        "empty.txt",
        "samples/uk-italy-taskforce-rewrite.md",
    ]);
    let run = t.run();
    run.code(2);
    assert_eq!(run.stdout.lines().count(), 2);
    assert!(run.stderr.contains("empty.txt"), "{}", run.stderr);
}
