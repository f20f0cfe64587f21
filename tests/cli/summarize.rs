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

#[test]
fn the_config_sets_the_weights_and_a_bad_one_is_named() {
    // Position alone: the first three sentences, whatever they say.
    let lead = "[rank]\ncentrality = 0.0\ncues = 0.0\nwords = 0.0\nposition = 1.0\n";
    let run = Test::new()
        .with_samples()
        .write("lead.toml", lead)
        .args(&[
            "summarize",
            "--config",
            "lead.toml",
            "samples/uk-italy-taskforce-mirror.md",
        ])
        .run();
    run.code(0);
    let v: serde_json::Value = serde_json::from_str(run.stdout.trim()).unwrap();
    let idx: Vec<u64> = v["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["index"].as_u64().unwrap())
        .collect();
    assert_eq!(idx, [0, 1, 2]);

    let run = Test::new()
        .with_samples()
        .write("bad.toml", "[rank]\nweight = 1\n")
        .args(&[
            "summarize",
            "-c",
            "bad.toml",
            "samples/uk-italy-taskforce-mirror.md",
        ])
        .run();
    run.code(1);
    assert!(run.stderr.contains("bad.toml"), "{}", run.stderr);
}
