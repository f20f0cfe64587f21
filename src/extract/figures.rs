//! Key figures: a number with what it counts ("38,816 people crossed the
//! Channel", "up to 14 years", "£75m", "over 40 countries", "3.5%").
//! Numbers inside time phrases, years, list numbers and small bare counts
//! are left out: they are not figures a reader looks for.

use std::sync::LazyLock;

use regex::Regex;

use super::{Sent, Story};
use crate::digest::Figure;

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<modifier>\b(?:[Uu]p\ to|[Mm]ore\ than|[Oo]ver|[Uu]nder|[Aa]lmost|[Nn]early|[Aa]round|[Aa]bout|[Aa]t\ least|[Ss]ome|[Aa]n\ estimated|[Aa]pproximately|[Ff]ewer\ than|[Ll]ess\ than|[Aa]\ record)\s+)?
        (?P<number>[£$€]?\d[\d,]*(?:\.\d+)?)
        (?P<unit>(?:\s?(?:%|per\ cent|percent)|(?:m|bn|k)\b|\s(?:million|billion|trillion)\b))?
        (?P<duration>\s(?:years?|months?|weeks?|days?|hours?)\b)?",
    )
    .expect("figure pattern is valid")
});

/// Words that stop the description of what a number counts.
const STOP: &[&str] = &[
    "with", "and", "but", "while", "whilst", "as", "who", "which", "that", "after", "before",
];

pub fn extract(story: &Story) -> Vec<Figure> {
    let mut out: Vec<(String, Figure)> = Vec::new();
    for (doc, sents) in story.sents.iter().enumerate() {
        for s in sents {
            for (key, value, what) in in_sentence(s) {
                let ev = story.evidence(doc, s.index);
                match out.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, f)) => {
                        if !f.evidence.contains(&ev) {
                            f.evidence.push(ev);
                        }
                    }
                    None => out.push((
                        key,
                        Figure {
                            value,
                            what,
                            evidence: vec![ev],
                        },
                    )),
                }
            }
        }
    }
    out.into_iter().map(|(_, f)| f).collect()
}

/// Figures in one sentence: (dedupe key, value as written, what it counts).
pub fn in_sentence(s: &Sent) -> Vec<(String, String, String)> {
    let text = s.text;
    let mut out = Vec::new();
    for c in NUMBER.captures_iter(text) {
        let whole = c.get(0).expect("group 0");
        let number = c.name("number").expect("number").as_str();
        let unit = c.name("unit").map(|m| m.as_str().trim());
        let duration = c.name("duration").map(|m| m.as_str().trim());
        let digits: String = number
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let money = number.starts_with(['£', '$', '€']);
        // Inside a date or time phrase ("31 March", "in 2024").
        if s.times
            .iter()
            .any(|t| t.start <= whole.start() && whole.end() <= t.end + 1 && duration.is_none())
        {
            continue;
        }
        let before = &text[..whole.start()];
        let prev_char = before.chars().next_back();
        if prev_char.is_some_and(|c| c.is_alphanumeric() || c == '.' || c == '-' || c == '/') {
            continue; // "G7", "No.10", "2005/06", part of a word
        }
        let prev_word = before.split_whitespace().next_back().unwrap_or("");
        if matches!(
            prev_word,
            "No" | "No."
                | "Article"
                | "article"
                | "section"
                | "Section"
                | "clause"
                | "page"
                | "Clause"
        ) {
            continue;
        }
        let value_num: f64 = digits.parse().unwrap_or(0.0);
        let is_year = !number.contains(',')
            && (1900.0..=2100.0).contains(&value_num)
            && unit.is_none()
            && !money;
        if is_year && duration.is_none() {
            continue;
        }
        let has_unit = unit.is_some() || duration.is_some() || money;
        if !has_unit && value_num < 10.0 {
            continue;
        }
        let after = &text[whole.end()..];
        if after.starts_with([':', '/']) || after.starts_with(" per ") && !has_unit {
            // A time or a ratio; skip.
            if after.starts_with(':') {
                continue;
            }
        }
        let value = whole.as_str().trim().to_string();
        let what =
            if duration.is_some() || unit.is_some_and(|u| u.contains('%') || u.contains("cent")) {
                left_context(before, 7)
            } else {
                right_context(after, 8)
            };
        if what.is_empty() {
            continue;
        }
        let key = format!(
            "{}{}|{}",
            if money {
                &number[..number.chars().next().map_or(0, char::len_utf8)]
            } else {
                ""
            },
            digits,
            unit.or(duration).unwrap_or("").trim_end_matches('s')
        );
        out.push((key, value, what));
    }
    out
}

fn right_context(after: &str, max: usize) -> String {
    let mut words = Vec::new();
    for w in after.split_whitespace() {
        let clean = w.trim_end_matches([',', '.', ';', ':', ')', '"', '”', '’']);
        if words.len() >= max || STOP.contains(&clean) {
            break;
        }
        words.push(clean);
        if clean.len() != w.len() {
            break;
        }
    }
    words.join(" ")
}

fn left_context(before: &str, max: usize) -> String {
    let clause = before
        .rsplit([',', ';', ':', '(', '“', '"'])
        .next()
        .unwrap_or(before);
    let words: Vec<&str> = clause.split_whitespace().collect();
    let mut tail: Vec<&str> = words[words.len().saturating_sub(max)..].to_vec();
    while tail.first().is_some_and(|w| STOP.contains(w)) {
        tail.remove(0);
    }
    // The modifier ("up to") belongs to the value, not the description.
    tail.join(" ")
}
