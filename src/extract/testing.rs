//! Test helpers: a story made of made-up articles, for the extraction tests.

use chrono::NaiveDate;

use crate::article::{Article, Origin, Published};
use crate::document::Document;

/// One document per body, published on `date` (YYYY-MM-DD) when given.
pub fn docs(bodies: &[&str], date: Option<&str>) -> Vec<Document> {
    bodies
        .iter()
        .enumerate()
        .map(|(i, body)| {
            Document::new(Article {
                id: format!("a{i}"),
                origin: Origin::Path(format!("a{i}.txt").into()),
                title: None,
                url: None,
                outlet: None,
                published: date.map(|d| Published::parse(d).expect("test date")),
                language: None,
                note: None,
                body: body.to_string(),
            })
        })
        .collect()
}

#[allow(dead_code)]
pub fn date(s: &str) -> NaiveDate {
    s.parse().expect("test date")
}
