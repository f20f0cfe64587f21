//! An article with its sentences: the segment stage's output, which the
//! cluster, rank and extract stages read.

use chrono::NaiveDate;

use crate::article::Article;
use crate::segment::{self, Sentence};

#[derive(Debug, Clone)]
pub struct Document {
    pub article: Article,
    pub sentences: Vec<Sentence>,
}

impl Document {
    pub fn new(article: Article) -> Document {
        let sentences = segment::segment(&article.body);
        Document { article, sentences }
    }

    /// The text of sentence `i`.
    pub fn sentence(&self, i: usize) -> &str {
        let s = &self.sentences[i];
        &self.article.body[s.start..s.end]
    }

    pub fn texts(&self) -> impl Iterator<Item = &str> {
        (0..self.sentences.len()).map(|i| self.sentence(i))
    }

    /// The publication date, the anchor for relative dates.
    pub fn published_date(&self) -> Option<NaiveDate> {
        self.article.published.map(|p| p.date())
    }
}
