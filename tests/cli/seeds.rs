//! The seed articles against the careful reading in
//! ../shared/eval/seeds-gold.json: one story, the three measures and no
//! other, their dates, the Bill's provisions, the figures and the quotes.
//! The gold file is read, never copied into the code.

use serde_json::Value;

use crate::{Test, shared};

/// Builds the digest of the seeds (with the publication date the seeds'
/// README fixes) and returns it with a map from gold article letter to id.
fn digest_of_seeds(gold: &Value) -> (Value, Vec<(String, String)>) {
    let seeds = shared("seeds").expect("checked by caller");
    let mut t = Test::new();
    for (letter, a) in gold["articles"].as_object().unwrap() {
        let file = a["file"].as_str().unwrap();
        let body = std::fs::read_to_string(seeds.join(file)).unwrap();
        let published = a["published"].as_str().unwrap();
        t = t.write(
            &format!("in/{letter}.md"),
            format!("---\npublished: {published}\n---\n{body}"),
        );
    }
    let run = t
        .args(&[
            "build",
            "-i",
            "in",
            "--now",
            "2025-02-03T12:00:00Z",
            "--since",
            "7d",
            "-f",
            "json",
        ])
        .run();
    run.code(0);
    let d = run.json();
    let ids = d["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let path = a["path"].as_str().unwrap();
            let letter = path
                .rsplit('/')
                .next()
                .unwrap()
                .trim_end_matches(".md")
                .to_string();
            (letter, a["id"].as_str().unwrap().to_string())
        })
        .collect();
    (d, ids)
}

fn letter_of<'a>(ids: &'a [(String, String)], id: &str) -> &'a str {
    &ids.iter().find(|(_, i)| i == id).unwrap().0
}

fn matches_any(text: &str, patterns: &Value) -> bool {
    let t = text.to_lowercase().replace('-', " ");
    patterns
        .as_array()
        .unwrap()
        .iter()
        .any(|p| t.contains(&p.as_str().unwrap().to_lowercase().replace('-', " ")))
}

/// An item's text and evidence, flattened, to match against gold `match` strings.
fn haystack(item: &Value) -> String {
    let mut s = item["name"].as_str().unwrap_or_default().to_string();
    for e in item["evidence"].as_array().into_iter().flatten() {
        s.push(' ');
        s.push_str(e["text"].as_str().unwrap());
    }
    s
}

#[test]
fn seeds_meet_the_gold_reading() {
    let Some(path) = shared("eval/seeds-gold.json") else {
        return;
    };
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let (d, ids) = digest_of_seeds(&gold);

    // Same story.
    let stories = d["stories"].as_array().unwrap();
    assert_eq!(
        stories.len(),
        gold["same_story"].as_array().unwrap().len(),
        "stories: {stories:#?}"
    );

    // Measures: each gold measure found by name, and no other measure.
    let measures = d["measures"].as_array().unwrap();
    for g in gold["measures"].as_array().unwrap() {
        let m = measures
            .iter()
            .find(|m| matches_any(m["name"].as_str().unwrap(), &g["match"]))
            .unwrap_or_else(|| panic!("measure {} not found in {measures:#?}", g["id"]));
        assert_eq!(m["type"], g["type"], "{}", g["id"]);
        // Dates: the exact date, or any date inside the gold window.
        let when = &m["when"];
        if let Some(date) = g["when"]["date"].as_str() {
            assert_eq!(when["date"], date, "{} when: {when}", g["id"]);
        }
        if let Some(end) = g["when"]["end"].as_str() {
            assert_eq!(when["end"], end, "{} end: {when}", g["id"]);
        }
        if let Some(window) = g["when"]["window"].as_array() {
            let date = when["date"]
                .as_str()
                .unwrap_or_else(|| panic!("{}: no date", g["id"]));
            assert!(
                window[0].as_str().unwrap() <= date && date <= window[1].as_str().unwrap(),
                "{}: {date}",
                g["id"]
            );
        }
        if let Some(place) = g["where"].as_str() {
            assert_eq!(m["where"], place, "{}", g["id"]);
        }
        // Evidence: at least one gold sentence among ours.
        let ours: Vec<(String, u64)> = m["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    letter_of(&ids, e["article"].as_str().unwrap()).to_string(),
                    e["index"].as_u64().unwrap(),
                )
            })
            .collect();
        let gold_ev: Vec<(String, u64)> = g["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e[0].as_str().unwrap().to_string(), e[1].as_u64().unwrap()))
            .collect();
        assert!(
            gold_ev.iter().any(|e| ours.contains(e)),
            "{}: evidence {ours:?} vs gold {gold_ev:?}",
            g["id"]
        );

        // Provisions: every required one found under this measure.
        let provisions = m["provisions"].as_array().unwrap();
        for gp in g["provisions"].as_array().into_iter().flatten() {
            if gp["optional"].as_bool() == Some(true) {
                continue;
            }
            assert!(
                provisions
                    .iter()
                    .any(|p| p["type"] == gp["type"] && matches_any(&haystack(p), &gp["match"])),
                "provision {} not found in {provisions:#?}",
                gp["id"]
            );
        }
    }
    assert_eq!(
        measures.len(),
        gold["measures"].as_array().unwrap().len(),
        "a false measure: {measures:#?}"
    );

    // Upcoming: the summit, with its range.
    let upcoming = d["upcoming"].as_array().unwrap();
    assert!(
        upcoming
            .iter()
            .any(|u| u["date"] == "2025-03-31" && u["end"] == "2025-04-01"),
        "{upcoming:#?}"
    );

    // Figures: each gold value, with a gold evidence sentence.
    let figures = d["figures"].as_array().unwrap();
    for g in gold["figures"].as_array().unwrap() {
        let value = g["value"].as_str().unwrap();
        assert!(
            figures
                .iter()
                .any(|f| f["value"].as_str().unwrap().contains(value)),
            "figure {value} not found in {figures:#?}"
        );
    }

    // Quotes: each required one, with its speaker.
    let quotes = d["quotes"].as_array().unwrap();
    for g in gold["quotes"].as_array().unwrap() {
        if g["optional"].as_bool() == Some(true) {
            continue;
        }
        let starts = g["starts"].as_str().unwrap().to_lowercase();
        assert!(
            quotes.iter().any(|q| q["speaker"] == g["speaker"]
                && q["text"]
                    .as_str()
                    .unwrap()
                    .to_lowercase()
                    .starts_with(&starts)),
            "quote {starts:?} by {} not found in {quotes:#?}",
            g["speaker"]
        );
    }
}
