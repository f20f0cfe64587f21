//! Extraction: the sentences of a story → policy measures (with provisions,
//! actors, place, status and resolved dates), key figures and quotes, each
//! carrying its evidence (which sentence of which article).
//!
//! Rules are data (see [`rules`]); this module only walks sentences. It does
//! not rank or group: the story it is given is already grouped.

pub mod dates;
pub mod entities;
pub mod figures;
pub mod measures;
pub mod quotes;
pub mod rules;
#[cfg(test)]
mod testing;

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::digest::{Evidence, Figure, Measure, Quote};
use crate::document::Document;
use crate::rank::Cue;
use dates::TimeExpr;
use rules::Rules;

/// One sentence as extraction sees it: its text, its article's publication
/// date and the time phrases found in it.
#[derive(Debug)]
pub struct Sent<'a> {
    pub doc: usize,
    pub index: usize,
    pub text: &'a str,
    pub published: Option<NaiveDate>,
    pub times: Vec<TimeExpr>,
    /// The sentence opens inside direct speech that an earlier sentence of
    /// its paragraph began: `“… protections. This agreement will allow …`.
    pub quoted: bool,
    /// The text as evidence cites it, one allocation for all copies.
    shared: Arc<str>,
}

/// The articles of one story, sentence by sentence.
#[derive(Debug)]
pub struct Story<'a> {
    pub docs: Vec<&'a Document>,
    pub sents: Vec<Vec<Sent<'a>>>,
    /// Each article's id, as its evidence cites it.
    ids: Vec<Arc<str>>,
    /// For each article, the first of the story with the same text (itself
    /// unless it is a copy).
    originals: Vec<usize>,
    /// Whether the story tells of public affairs, found on first asking.
    public: std::cell::OnceCell<bool>,
}

impl<'a> Story<'a> {
    pub fn new(docs: Vec<&'a Document>) -> Story<'a> {
        // Copies of one text (syndication, a page met under several URLs)
        // read alike: find their time phrases and open speech once, and
        // resolve the phrases against each copy's publication date.
        let mut read: HashMap<&str, (usize, Vec<Reading>)> = HashMap::new();
        let mut sents: Vec<Vec<Sent<'a>>> = Vec::with_capacity(docs.len());
        let mut originals = Vec::with_capacity(docs.len());
        for (d, doc) in docs.iter().enumerate() {
            let published = doc.published_date();
            let (original, reading) = read
                .entry(doc.article.body.as_str())
                .or_insert_with(|| (d, reading(doc)));
            originals.push(*original);
            let these = doc
                .texts()
                .zip(reading.iter())
                .enumerate()
                .map(|(index, (text, r))| Sent {
                    doc: d,
                    index,
                    text,
                    published,
                    times: r.phrases.resolve(published),
                    quoted: r.quoted,
                    shared: r.text.clone(),
                })
                .collect();
            sents.push(these);
        }
        let ids = docs.iter().map(|d| d.article.id.as_str().into()).collect();
        Story {
            docs,
            sents,
            ids,
            originals,
            public: std::cell::OnceCell::new(),
        }
    }

    /// Whether the story tells of public affairs
    /// ([`measures::public_affairs`]), found once: measures and the
    /// figures and quotes beside them both ask. A story is read with one
    /// set of rules.
    pub fn public_affairs(&self, rules: &Rules) -> bool {
        *self
            .public
            .get_or_init(|| measures::public_affairs(self, rules))
    }

    /// The first article of the story with the same text as article `doc`:
    /// a copy (syndication, one page under several URLs) reads as it does.
    pub fn original(&self, doc: usize) -> usize {
        self.originals[doc]
    }

    pub fn evidence(&self, doc: usize, index: usize) -> Evidence {
        Evidence {
            article: self.ids[doc].clone(),
            index,
            text: self.sents[doc][index].shared.clone(),
        }
    }
}

/// What a document's text alone says of one sentence.
struct Reading {
    phrases: dates::Phrases,
    /// It opens inside direct speech an earlier sentence of its paragraph
    /// began.
    quoted: bool,
    text: Arc<str>,
}

fn reading(doc: &Document) -> Vec<Reading> {
    let mut open = false;
    doc.texts()
        .enumerate()
        .map(|(index, text)| {
            let para = doc.sentences[index].paragraph;
            if index == 0 || doc.sentences[index - 1].paragraph != para {
                open = false;
            }
            let quoted = open;
            open = quote_open_after(text, open);
            Reading {
                phrases: dates::scan_times(text),
                quoted,
                text: text.into(),
            }
        })
        .collect()
}

/// Each character of `text` with its byte offset and whether direct speech
/// was open before it, starting `open` or not.
pub(crate) fn quote_state(
    text: &str,
    open: bool,
) -> impl Iterator<Item = (usize, char, bool)> + '_ {
    let mut prev = None;
    let mut chars = text.char_indices().peekable();
    let mut inside = open;
    std::iter::from_fn(move || {
        let (i, c) = chars.next()?;
        let next = chars.peek().map(|&(_, n)| n);
        let was = inside;
        inside = quote_step(was, prev, c, next);
        prev = Some(c);
        Some((i, c, was))
    })
}

/// Whether direct speech is still open after `text`, given whether it was
/// open before it.
pub(crate) fn quote_open_after(text: &str, open: bool) -> bool {
    quote_state(text, open).last().map_or(open, |(i, c, was)| {
        let prev = text[..i].chars().next_back();
        quote_step(was, prev, c, None)
    })
}

/// Whether direct speech is open after `c`. Curly marks say so. A straight
/// mark opens at the start of a word and closes at the end of one, as a
/// reader sees it: a paragraph that reopens a speech (`… Europe. "On the
/// contrary`) opens again, it does not close. Only a mark between two
/// spaces or two letters toggles.
fn quote_step(open: bool, prev: Option<char>, c: char, next: Option<char>) -> bool {
    let space = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || "([{—–-".contains(c));
    match c {
        '“' => true,
        '”' => false,
        '"' => match (space(prev), space(next)) {
            (true, false) => true,
            (false, true) => false,
            _ => !open,
        },
        _ => open,
    }
}

/// What one story yields.
#[derive(Debug, Default)]
pub struct Extraction {
    pub measures: Vec<Measure>,
    pub figures: Vec<Figure>,
    pub quotes: Vec<Quote>,
}

pub fn extract(story: &Story, rules: &Rules) -> Extraction {
    let measures = measures::extract(story, rules);
    // A story of no public affairs (a film award, a football match) gives
    // the digest no figures and no quotes: its numbers and voices are
    // not policy.
    if measures.is_empty() && !story.public_affairs(rules) {
        return Extraction {
            measures,
            figures: Vec::new(),
            quotes: Vec::new(),
        };
    }
    Extraction {
        measures,
        figures: figures::extract(story),
        quotes: quotes::extract(story, rules),
    }
}

/// The ranking cues of each sentence of article `doc` of the story: the
/// measures and provisions it states (where `measures` cite it first in
/// this article, numbered in the order `measures` lists them and their
/// provisions), whether it holds a resolved date, whether it holds a
/// figure. Later mentions of a measure are context, not its statement.
pub fn cues(story: &Story, doc: usize, measures: &[crate::digest::Measure]) -> Vec<Cue> {
    let id = &story.docs[doc].article.id;
    let mut states: HashMap<usize, Vec<u32>> = HashMap::new();
    let all = measures
        .iter()
        .flat_map(|m| std::iter::once(m).chain(&m.provisions));
    for (n, m) in all.enumerate() {
        if let Some(e) = m.evidence.iter().find(|e| *e.article == **id) {
            states.entry(e.index).or_default().push(n as u32);
        }
    }
    story.sents[doc]
        .iter()
        .map(|s| Cue {
            states: states.remove(&s.index).unwrap_or_default(),
            date: s.times.iter().any(|t| t.date.is_some()),
            figure: !figures::in_sentence(s).is_empty(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{Story, testing::docs};

    #[test]
    fn copies_published_on_different_days_resolve_their_own_dates() {
        let body = "The minister will visit Calais on Tuesday.";
        let mut d = docs(&[body], Some("2025-01-30"));
        let mut later = docs(&[body], Some("2025-02-06"));
        later[0].article.id = "a1".to_string();
        d.append(&mut later);
        let story = Story::new(d.iter().collect());
        let dates: Vec<String> = story
            .sents
            .iter()
            .map(|s| s[0].times[0].date.expect("resolved").to_string())
            .collect();
        assert_eq!(dates, ["2025-02-04", "2025-02-11"]);
    }

    #[test]
    fn a_story_of_no_public_affairs_gives_no_figures_or_quotes() {
        let rules = crate::extract::rules::Rules::builtin();
        let extracted = |body: &str| {
            let d = docs(&[body], Some("2025-03-02"));
            super::extract(&Story::new(d.iter().collect()), rules)
        };
        let match_report = "Rovers beat United 3-1 in front of 41,000 fans on Saturday.\n\
             The striker scored twice in the last 20 minutes.\n\
             \"It was the best night of my career,\" said striker Tom Hale.\n\
             The win lifts Rovers to third, four points behind the leaders.";
        let e = extracted(match_report);
        assert!(e.figures.is_empty() && e.quotes.is_empty(), "{e:#?}");
        let policy = "The government will spend £40m on new border patrols, ministers said.\n\
             The money will pay for 300 extra officers on the coast.\n\
             \"This is the biggest investment in a decade,\" said Home Secretary Jane Hale.\n\
             The first officers will start work in May.";
        let e = extracted(policy);
        assert!(!e.figures.is_empty() && !e.quotes.is_empty(), "{e:#?}");
    }
}
