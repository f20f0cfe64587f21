//! Same-story grouping on real articles: the two seed articles (one a
//! rewrite of the other) are one story; unrelated BBC politics articles
//! published the same week stay apart.

use crate::{Test, shared};

/// A BBC article (headline, blank line, body) as a dated Markdown article.
fn bbc(n: &str) -> Option<String> {
    let text =
        std::fs::read_to_string(shared(&format!("eval/bbc-politics/articles/{n}.txt"))?).ok()?;
    let (title, body) = text.split_once("\n\n")?;
    Some(format!(
        "---\ntitle: \"{}\"\noutlet: BBC\npublished: 2025-02-01\n---\n{body}",
        title.replace('"', "'")
    ))
}

#[test]
fn seeds_group_and_unrelated_articles_stay_apart() {
    // Maternity pay, Gibraltar talks, tsunami debt relief, ID cards, hunting
    // ban: five other stories, some sharing words with the seeds (police,
    // EU, government, powers, bill).
    let others = ["001", "015", "017", "049", "134"];
    let mut t = Test::new().with_samples();
    for n in others {
        let Some(article) = bbc(n) else { return };
        t = t.write(&format!("samples/bbc-{n}.md"), article);
    }
    let run = t
        .args(&[
            "build",
            "-i",
            "samples",
            "--now",
            "2025-02-03T12:00:00Z",
            "-f",
            "json",
        ])
        .run();
    run.code(0);
    let d = run.json();
    let stories = d["stories"].as_array().unwrap();
    assert_eq!(stories.len(), others.len() + 1, "{stories:#?}");
    let sizes: Vec<usize> = stories
        .iter()
        .map(|s| s["articles"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes.iter().filter(|&&n| n == 2).count(), 1, "{sizes:?}");
}
