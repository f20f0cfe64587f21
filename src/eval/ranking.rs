//! Ranking evaluation: reference material → the articles, their reference
//! summaries and their gold policy evidence, ready to score any sentence
//! picker (digest's ranking, lead-k, the Python peers) by ROUGE and by
//! policy coverage.
//!
//! Two sets, both read from `../shared/eval` (see the READMEs there):
//! - BBC politics (`bbc-politics/articles/NNN.txt`, `summaries/NNN.txt`):
//!   the body is the text after the headline's blank line, as ingest reads
//!   a `.txt`. A reference is article sentences glued together, often with
//!   no space between them, so its length in sentences is counted by
//!   finding the article's own sentences in it; the same matches split it
//!   into lines for ROUGE-Lsum.
//! - Gold policy evidence: `seeds-gold.json` (evidence as [article,
//!   sentence] pairs of measures and provisions, optional items left out)
//!   and `bbc-politics/gold.jsonl` (evidence a verbatim substring of the
//!   article, `background: true` items left out). Each measure or
//!   provision stated in an article is one item there; coverage is the
//!   share of items one of whose evidence sentences the picker chose among
//!   its article's top 3. (Counting distinct evidence sentences instead
//!   gives lower figures: the best 3 sentences then reach 0.65, not 0.69,
//!   as several measures often share a sentence.)
//!
//! It scores and loads; it does not rank (that is [`crate::rank`]).

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::document::Document;
use crate::ingest::{self, IngestOptions};

/// A problem with the reference material, naming the file.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct LoadError {
    pub path: String,
    pub message: String,
}

fn err(path: &Path, message: impl Into<String>) -> LoadError {
    LoadError {
        path: path.display().to_string(),
        message: message.into(),
    }
}

/// Reads one article file as `digest summarize` would.
pub fn load_document(path: &Path) -> Result<Document, LoadError> {
    let mut got = ingest::ingest(&[path.to_path_buf()], &IngestOptions::default());
    if let Some(e) = got.rejected.pop() {
        return Err(err(path, e.to_string()));
    }
    match got.articles.pop() {
        Some(a) => Ok(Document::new(a)),
        None => Err(err(path, "no article in the file")),
    }
}

/// A BBC article with its reference summary.
#[derive(Debug)]
pub struct Summarized {
    /// "001".
    pub name: String,
    pub doc: Document,
    /// Reference length in sentences (at least 1).
    pub sentences: usize,
    /// The reference, one sentence a line, for ROUGE-Lsum.
    pub reference: String,
}

/// Loads BBC articles `range` (numbered from 1) from `dir`
/// (`../shared/eval/bbc-politics`).
pub fn load_bbc(
    dir: &Path,
    range: std::ops::RangeInclusive<usize>,
) -> Result<Vec<Summarized>, LoadError> {
    let mut out = Vec::new();
    for n in range {
        let name = format!("{n:03}");
        let doc = load_document(&dir.join(format!("articles/{name}.txt")))?;
        let ref_path = dir.join(format!("summaries/{name}.txt"));
        let reference =
            std::fs::read_to_string(&ref_path).map_err(|e| err(&ref_path, e.to_string()))?;
        let (sentences, lines) = split_reference(&doc, &reference);
        out.push(Summarized {
            name,
            doc,
            sentences,
            reference: lines.join("\n"),
        });
    }
    Ok(out)
}

/// White space folded to single spaces and curly quotes made straight, so a
/// sentence is found in text that was re-spaced or re-quoted.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().map(|c| match c {
            '‘' | '’' => '\'',
            '“' | '”' => '"',
            c => c,
        }));
    }
    out
}

/// How many of the article's sentences the reference holds, and the
/// reference split into sentences (in its own order; text between matches
/// becomes lines of its own).
pub fn split_reference(doc: &Document, reference: &str) -> (usize, Vec<String>) {
    let text = fold(reference);
    let mut sents: Vec<String> = doc.texts().map(fold).filter(|s| s.len() > 1).collect();
    // Longest first, so a short sentence that also occurs inside a longer
    // one cannot claim the longer one's place.
    sents.sort_by_key(|s| std::cmp::Reverse(s.len()));
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for s in &sents {
        let mut from = 0;
        while let Some(p) = text[from..].find(s.as_str()) {
            let (a, b) = (from + p, from + p + s.len());
            if taken.iter().all(|&(x, y)| b <= x || a >= y) {
                taken.push((a, b));
                break;
            }
            from = a + s.chars().next().map_or(1, char::len_utf8);
        }
    }
    taken.sort_unstable();
    let mut lines = Vec::new();
    let mut at = 0;
    for &(a, b) in &taken {
        let gap = text[at..a].trim();
        if !gap.is_empty() {
            lines.push(gap.to_string());
        }
        lines.push(text[a..b].to_string());
        at = b;
    }
    let tail = text[at..].trim();
    if !tail.is_empty() {
        lines.push(tail.to_string());
    }
    (taken.len().max(1), lines)
}

/// An article with its gold policy-evidence sentences.
#[derive(Debug)]
pub struct GoldArticle {
    /// "seed-A", "bbc-001".
    pub name: String,
    pub doc: Document,
    /// Each measure or provision stated in this article: the sentences
    /// that state it.
    pub items: Vec<BTreeSet<usize>>,
    /// Gold evidence that could not be placed in a sentence.
    pub unplaced: Vec<String>,
}

/// Loads the seeds' and the BBC gold evidence from `eval_dir`
/// (`../shared/eval`); the seed articles are in `seeds_dir`.
pub fn load_gold(eval_dir: &Path, seeds_dir: &Path) -> Result<Vec<GoldArticle>, LoadError> {
    let mut out = load_seed_gold(&eval_dir.join("seeds-gold.json"), seeds_dir)?;
    out.extend(load_bbc_gold(&eval_dir.join("bbc-politics"))?);
    Ok(out)
}

fn load_seed_gold(path: &Path, seeds_dir: &Path) -> Result<Vec<GoldArticle>, LoadError> {
    let text = std::fs::read_to_string(path).map_err(|e| err(path, e.to_string()))?;
    let gold: Value = serde_json::from_str(&text).map_err(|e| err(path, e.to_string()))?;
    let articles = gold["articles"]
        .as_object()
        .ok_or_else(|| err(path, "no `articles` object"))?;
    let mut items: HashMap<String, Vec<BTreeSet<usize>>> = HashMap::new();
    let mut add = |m: &Value| {
        if m["optional"].as_bool() == Some(true) {
            return;
        }
        let mut by_article: HashMap<&str, BTreeSet<usize>> = HashMap::new();
        for pair in m["evidence"].as_array().into_iter().flatten() {
            if let (Some(a), Some(i)) = (pair[0].as_str(), pair[1].as_u64()) {
                by_article.entry(a).or_default().insert(i as usize);
            }
        }
        for (a, sents) in by_article {
            items.entry(a.to_string()).or_default().push(sents);
        }
    };
    for m in gold["measures"].as_array().into_iter().flatten() {
        add(m);
        for p in m["provisions"].as_array().into_iter().flatten() {
            add(p);
        }
    }
    let mut out = Vec::new();
    for (letter, a) in articles {
        let file = a["file"]
            .as_str()
            .ok_or_else(|| err(path, format!("article {letter} has no `file`")))?;
        out.push(GoldArticle {
            name: format!("seed-{letter}"),
            doc: load_document(&seeds_dir.join(file))?,
            items: items.remove(letter).unwrap_or_default(),
            unplaced: Vec::new(),
        });
    }
    Ok(out)
}

fn load_bbc_gold(dir: &Path) -> Result<Vec<GoldArticle>, LoadError> {
    let path = dir.join("gold.jsonl");
    let text = std::fs::read_to_string(&path).map_err(|e| err(&path, e.to_string()))?;
    let mut out = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let rec: Value =
            serde_json::from_str(line).map_err(|e| err(&path, format!("line {}: {e}", n + 1)))?;
        let file = rec["file"]
            .as_str()
            .ok_or_else(|| err(&path, format!("line {}: no `file`", n + 1)))?;
        let doc = load_document(&dir.join(file))?;
        let sents: Vec<String> = doc.texts().map(fold).collect();
        let mut items = Vec::new();
        let mut unplaced = Vec::new();
        for m in rec["measures"].as_array().into_iter().flatten() {
            if m["background"].as_bool() == Some(true) {
                continue;
            }
            let Some(e) = m["evidence"].as_str() else {
                continue;
            };
            let e = fold(e);
            match sents.iter().position(|s| s.contains(&e)) {
                Some(i) => items.push(BTreeSet::from([i])),
                None => unplaced.push(e),
            }
        }
        out.push(GoldArticle {
            name: rec["id"].as_str().unwrap_or(file).to_string(),
            doc,
            items,
            unplaced,
        });
    }
    Ok(out)
}

/// Coverage of the gold evidence by the sentences `picks` chose in each
/// article (same order as `gold`): (items covered, items in all).
pub fn coverage(gold: &[GoldArticle], picks: &[Vec<usize>]) -> (usize, usize) {
    let mut hit = 0;
    let mut all = 0;
    for (g, p) in gold.iter().zip(picks) {
        all += g.items.len();
        hit += covered(g, p);
    }
    (hit, all)
}

fn covered(g: &GoldArticle, picks: &[usize]) -> usize {
    g.items
        .iter()
        .filter(|item| item.iter().any(|i| picks.contains(i)))
        .count()
}

/// The best coverage any picker of 3 sentences per article can reach
/// (every triple of evidence sentences tried).
pub fn oracle_coverage(gold: &[GoldArticle]) -> (usize, usize) {
    let mut hit = 0;
    let mut all = 0;
    for g in gold {
        all += g.items.len();
        let sents: Vec<usize> = g
            .items
            .iter()
            .flatten()
            .copied()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let n = sents.len();
        let mut best = covered(g, &sents);
        if n > 3 {
            best = 0;
            for a in 0..n {
                for b in a + 1..n {
                    for c in b + 1..n {
                        best = best.max(covered(g, &[sents[a], sents[b], sents[c]]));
                    }
                }
            }
        }
        hit += best;
    }
    (hit, all)
}

/// `../shared/eval` and `../shared/seeds` beside the crate, if present.
pub fn shared_dirs() -> Option<(PathBuf, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let (eval, seeds) = (root.join("eval"), root.join("seeds"));
    (eval.is_dir() && seeds.is_dir()).then_some((eval, seeds))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Origin};

    fn doc(body: &str) -> Document {
        Document::new(Article {
            id: "t".into(),
            origin: Origin::Path("t.txt".into()),
            title: None,
            url: None,
            outlet: None,
            published: None,
            language: None,
            note: None,
            body: body.into(),
        })
    }

    #[test]
    fn a_glued_reference_is_split_at_the_articles_sentences() {
        let d = doc("First one here.\n\nThe second one.\nA third, said Mr. Smith.");
        let (n, lines) = split_reference(&d, "A third, said Mr. Smith.First one here.");
        assert_eq!(n, 2);
        assert_eq!(lines, ["A third, said Mr. Smith.", "First one here."]);
    }

    #[test]
    fn coverage_counts_evidence_sentences_in_the_picks() {
        let g = vec![GoldArticle {
            name: "x".into(),
            doc: doc("A. B. C. D. E."),
            items: vec![
                BTreeSet::from([0]),
                BTreeSet::from([3, 1]),
                BTreeSet::from([3]),
                BTreeSet::from([4]),
                BTreeSet::from([2]),
            ],
            unplaced: vec![],
        }];
        // Item 2 is covered by either of its sentences.
        assert_eq!(coverage(&g, &[vec![0, 1, 2]]), (3, 5));
        // 3 covers two items, then 0 and 4 (or 2): 4 of 5.
        assert_eq!(oracle_coverage(&g), (4, 5));
    }

    #[test]
    fn every_gold_item_is_placed() {
        let Some((eval, seeds)) = shared_dirs() else {
            return;
        };
        let gold = load_gold(&eval, &seeds).unwrap();
        assert_eq!(gold.len(), 42);
        for g in &gold {
            assert!(g.unplaced.is_empty(), "{}: {:?}", g.name, g.unplaced);
        }
    }
}
