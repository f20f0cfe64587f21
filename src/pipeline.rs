//! The pipeline: the articles of a period → the [`Digest`].
//!
//! Filters articles to the window, segments them, groups them into
//! stories, extracts measures, figures and quotes per story, ranks key
//! sentences (with the extraction rules as policy cues), and assembles the
//! model every renderer reads. It reads no files and sends nothing.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use rayon::prelude::*;

use crate::article::Article;
use crate::cluster::{ClusterOptions, cluster};
use crate::digest::{ArticleRef, Digest, KeySentence, Measure, Period, Story, Upcoming};
use crate::document::Document;
use crate::extract::{self, rules::Rules};
use crate::rank::{Candidate, Cue, RankOptions, rank};
use crate::render::period_title;

/// The tuning of every stage.
#[derive(Debug, Clone)]
pub struct Options {
    pub cluster: ClusterOptions,
    pub rank: RankOptions,
    /// Key sentences shown per story.
    pub key_sentences: usize,
    /// Extraction rules from `rules = "dir"` in digest.toml; the shipped
    /// rules when `None`.
    pub rules: Option<std::sync::Arc<Rules>>,
}

impl Options {
    /// The extraction rules in force.
    pub fn rules(&self) -> &Rules {
        self.rules.as_deref().unwrap_or_else(|| Rules::builtin())
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            cluster: ClusterOptions::default(),
            rank: RankOptions::default(),
            key_sentences: 5,
            rules: None,
        }
    }
}

/// The digest, and what the caller should tell the user about the window.
#[derive(Debug)]
pub struct Outcome {
    pub digest: Digest,
    /// Articles read in all, in the window, and without a date.
    pub read: usize,
    pub in_window: usize,
    pub undated: usize,
    /// The newest publication instant among all articles read.
    pub newest: Option<DateTime<Utc>>,
}

/// Builds the digest of `period` from `articles`. Undated articles enter
/// only with `include_undated`.
pub fn build(
    articles: Vec<Article>,
    period: Period,
    now: DateTime<Utc>,
    include_undated: bool,
    opts: &Options,
) -> Outcome {
    let read = articles.len();
    let undated = articles.iter().filter(|a| a.published.is_none()).count();
    let newest = articles
        .iter()
        .filter_map(|a| a.published.map(|p| p.utc()))
        .max();
    let mut selected: Vec<Article> = articles
        .into_iter()
        .filter(|a| match a.published {
            Some(p) => period.start <= p.utc() && p.utc() < period.end,
            None => include_undated,
        })
        .collect();
    selected.sort_by(|a, b| {
        a.published
            .map(|p| p.utc())
            .cmp(&b.published.map(|p| p.utc()))
            .then(a.id.cmp(&b.id))
    });
    let docs: Vec<Document> = selected.into_iter().map(Document::new).collect();
    let in_window = docs.len();
    let digest = assemble(docs, period, now, opts);
    Outcome {
        digest,
        read,
        in_window,
        undated,
        newest,
    }
}

fn assemble(docs: Vec<Document>, period: Period, now: DateTime<Utc>, opts: &Options) -> Digest {
    let rules = opts.rules();
    let groups = cluster(&docs, &opts.cluster);
    let articles: Vec<ArticleRef> = docs.iter().map(article_ref).collect();
    // Each story takes its articles, and frees their texts once it is
    // extracted and ranked: the digest grows as the articles go, rather
    // than on top of all of them (a week's digest quotes so much evidence
    // that it outweighs the articles).
    let mut slots: Vec<Option<Document>> = docs.into_iter().map(Some).collect();
    let grouped: Vec<Vec<Document>> = groups
        .iter()
        .map(|g| {
            g.iter()
                .map(|&d| slots[d].take().expect("a document is in one group"))
                .collect()
        })
        .collect();
    drop(slots);
    let mut stories = Vec::new();
    let mut measures: Vec<(usize, Measure)> = Vec::new();
    let mut figures = Vec::new();
    let mut quotes = Vec::new();
    // Stories are independent: extract and rank them on every core, then
    // gather in story order so the digest does not depend on the threads.
    let per_story: Vec<(Story, extract::Extraction, usize)> = grouped
        .into_par_iter()
        .map(|group| {
            let story = extract::Story::new(group.iter().collect());
            let found = extract::extract(&story, rules);
            let key_sentences = key_sentences(&story, &found.measures, opts);
            let title = story_title(&story, &key_sentences);
            let mut members: Vec<&Document> = group.iter().collect();
            // Most informative first: the longest article leads.
            members.sort_by_key(|d| std::cmp::Reverse(d.sentences.len()));
            let story = Story {
                id: format!("story-{}", group[0].article.id),
                title,
                articles: members.iter().map(|d| d.article.id.clone()).collect(),
                key_sentences,
            };
            (story, found, group.len())
        })
        .collect();
    for (story, found, size) in per_story {
        stories.push(story);
        measures.extend(found.measures.into_iter().map(|m| (size, m)));
        figures.extend(found.figures);
        quotes.extend(found.quotes);
    }

    // Measures told by more articles, with more evidence, lead.
    let weight = |m: &Measure| {
        let articles: HashSet<&str> = m
            .evidence
            .iter()
            .chain(m.provisions.iter().flat_map(|p| &p.evidence))
            .map(|e| &*e.article)
            .collect();
        (articles.len(), m.evidence.len() + m.provisions.len())
    };
    measures.sort_by_key(|m| std::cmp::Reverse(weight(&m.1)));
    let mut ids = HashSet::new();
    let mut measures: Vec<Measure> = measures.into_iter().map(|(_, m)| m).collect();
    for m in &mut measures {
        m.id = unique_id(&slug(&m.name), &mut ids);
        for (i, p) in m.provisions.iter_mut().enumerate() {
            p.id = format!("{}.{}", m.id, i + 1);
        }
    }
    let end_date = (period.end - chrono::Duration::nanoseconds(1)).date_naive();
    let upcoming = measures
        .iter()
        .filter_map(|m| {
            let w = m.when.as_ref()?;
            let date = w.date?;
            (date > end_date || (date == end_date && w.end.is_some_and(|e| e > end_date))).then(
                || Upcoming {
                    name: m.name.clone(),
                    date,
                    end: w.end,
                    place: m.place.clone(),
                    measure: Some(m.id.clone()),
                },
            )
        })
        .collect::<Vec<_>>();
    let mut upcoming = upcoming;
    upcoming.sort_by_key(|u| u.date);

    Digest {
        title: period_title(period.start, period.end),
        period,
        generated_at: now,
        articles,
        stories,
        measures,
        figures,
        quotes,
        upcoming,
        sources: Vec::new(),
    }
}

/// Every sentence of a story offered for ranking, with its policy cue.
/// Syndicated copies share their cues: the rules run once per text.
pub fn candidates<'a>(
    story: &'a extract::Story,
    measures: &[crate::digest::Measure],
) -> Vec<Candidate<'a>> {
    let mut cands = Vec::new();
    let mut cues_of: HashMap<usize, Vec<Cue>> = HashMap::new();
    for (d, sents) in story.sents.iter().enumerate() {
        let original = story.original(d);
        let cues = cues_of
            .entry(original)
            .or_insert_with(|| extract::cues(story, original, measures));
        for (s, cue) in sents.iter().zip(cues.iter()) {
            cands.push(Candidate {
                doc: d,
                index: s.index,
                text: s.text,
                cue: cue.clone(),
            });
        }
    }
    cands
}

/// The key sentences of a story, in rank order; a sentence several
/// articles carry is listed once, citing the others in `also`.
fn key_sentences(
    story: &extract::Story,
    measures: &[crate::digest::Measure],
    opts: &Options,
) -> Vec<KeySentence> {
    let cands = candidates(story, measures);
    let at = |c: usize| story.evidence(cands[c].doc, cands[c].index);
    rank(&cands, opts.key_sentences, &opts.rank)
        .into_iter()
        .map(|r| KeySentence {
            evidence: at(r.candidate),
            also: r.also.iter().map(|&c| at(c)).collect(),
        })
        .collect()
}

/// The `k` key sentences of one article on its own, in reading order
/// (what `digest summarize` prints): the same ranking `build` uses for a
/// story, over one article, with `opts`' ranking weights and rules.
pub fn summarize(doc: &Document, k: usize, opts: &Options) -> Vec<usize> {
    let story = extract::Story::new(vec![doc]);
    let measures = extract::measures::extract(&story, opts.rules());
    let cands = candidates(&story, &measures);
    let mut chosen: Vec<usize> = rank(&cands, k, &opts.rank)
        .into_iter()
        .map(|r| cands[r.candidate].index)
        .collect();
    chosen.sort_unstable();
    chosen
}

/// A story's title: its first article's title that exists, else its best sentence.
fn story_title(story: &extract::Story, key: &[KeySentence]) -> String {
    story
        .docs
        .iter()
        .filter_map(|d| d.article.title.clone())
        .max_by_key(|t| t.len())
        .or_else(|| key.first().map(|k| shorten(&k.evidence.text, 12)))
        .unwrap_or_else(|| "Untitled story".into())
}

fn shorten(text: &str, words: usize) -> String {
    let w: Vec<&str> = text.split_whitespace().collect();
    if w.len() <= words {
        w.join(" ")
    } else {
        format!("{}…", w[..words].join(" "))
    }
}

fn article_ref(d: &Document) -> ArticleRef {
    let a = &d.article;
    ArticleRef {
        id: a.id.clone(),
        path: match &a.origin {
            crate::article::Origin::Path(p) => Some(p.display().to_string()),
            crate::article::Origin::Url(_) => None,
        },
        url: a.url.clone().or_else(|| match &a.origin {
            crate::article::Origin::Url(u) => Some(u.clone()),
            crate::article::Origin::Path(_) => None,
        }),
        title: a.title.clone(),
        outlet: a.outlet.clone(),
        published: a.published.map(|p| p.to_iso()),
        note: a.note.clone(),
    }
}

fn slug(name: &str) -> String {
    let mut s = String::new();
    for w in name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
    {
        if !s.is_empty() {
            s.push('-');
        }
        s.extend(w.chars().flat_map(char::to_lowercase));
    }
    if s.is_empty() { "measure".into() } else { s }
}

fn unique_id(base: &str, taken: &mut HashSet<String>) -> String {
    let mut id = base.to_string();
    let mut n = 2;
    while !taken.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}
