//! Ranking: candidate sentences (of one article or of a whole story) →
//! the key sentences, best first, no two saying the same thing.
//!
//! A sentence's score mixes graph centrality (PageRank over TF-IDF cosine
//! similarity of stemmed terms, as TextRank/LexRank do), its position in its
//! article, and policy cues the caller measured with the extraction rules
//! (a measure, a date, a figure). Selection is maximal marginal relevance:
//! a sentence too similar to one already chosen is dropped, and when it comes
//! from another article it is recorded as a second source of the chosen one.

use std::collections::HashMap;

use serde::Deserialize;

use crate::text::terms;

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RankOptions {
    /// Weight of graph centrality (normalised to 0..1).
    pub centrality: f64,
    /// Weight of position: 1 for an article's first sentence, decaying.
    pub position: f64,
    /// Weight of policy cues (0..1, measured by the caller).
    pub cues: f64,
    /// PageRank damping factor.
    pub damping: f64,
    /// Sentences with fewer words are mostly captions or fragments.
    pub min_words: usize,
    /// Cosine similarity at or above which two sentences say the same thing.
    pub redundancy: f64,
    /// How much similarity to the sentences already chosen costs (MMR).
    pub diversity: f64,
}

impl Default for RankOptions {
    fn default() -> Self {
        RankOptions {
            centrality: 1.0,
            position: 0.6,
            cues: 0.8,
            damping: 0.85,
            min_words: 6,
            redundancy: 0.5,
            diversity: 0.5,
        }
    }
}

/// A sentence offered for ranking.
#[derive(Debug, Clone)]
pub struct Candidate<'a> {
    /// Which article (the caller's numbering).
    pub doc: usize,
    /// 0-based position in its article.
    pub index: usize,
    pub text: &'a str,
    /// Policy-cue strength, 0..1.
    pub cue: f64,
}

/// A chosen sentence: the candidate's position in the input slice, its
/// score, and the candidates from other articles that say the same thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub candidate: usize,
    pub score: f64,
    pub also: Vec<usize>,
}

/// Chooses up to `k` key sentences, best first.
pub fn rank(cands: &[Candidate], k: usize, opts: &RankOptions) -> Vec<Ranked> {
    if cands.is_empty() || k == 0 {
        return Vec::new();
    }
    let vectors = tfidf(cands);
    let n = cands.len();
    let mut sim = vec![0.0; n * n];
    for i in 0..n {
        for j in i + 1..n {
            let s = cosine(&vectors[i], &vectors[j]);
            sim[i * n + j] = s;
            sim[j * n + i] = s;
        }
    }
    let centrality = pagerank(&sim, n, opts.damping);
    let max_c = centrality
        .iter()
        .cloned()
        .fold(f64::MIN, f64::max)
        .max(f64::EPSILON);
    let scores: Vec<f64> = cands
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let words = c.text.split_whitespace().count();
            let mut s = opts.centrality * centrality[i] / max_c
                + opts.position / (1.0 + c.index as f64).sqrt()
                + opts.cues * c.cue;
            if words < opts.min_words {
                s *= 0.3;
            }
            if !c
                .text
                .trim_end_matches(['"', '”', '’', '\'', ')'])
                .ends_with(['.', '!', '?'])
            {
                s *= 0.6; // a headline, caption or fragment
            }
            s
        })
        .collect();

    let mut chosen: Vec<Ranked> = Vec::new();
    let mut used = vec![false; n];
    while chosen.len() < k {
        let mut best: Option<(usize, f64)> = None;
        for i in 0..n {
            if used[i] {
                continue;
            }
            let overlap = chosen
                .iter()
                .map(|r| sim[i * n + r.candidate])
                .fold(0.0, f64::max);
            let mmr = scores[i] - opts.diversity * overlap;
            if best.is_none_or(|(_, b)| mmr > b) {
                best = Some((i, mmr));
            }
        }
        let Some((i, _)) = best else { break };
        used[i] = true;
        match chosen
            .iter_mut()
            .find(|r| sim[i * n + r.candidate] >= opts.redundancy)
        {
            Some(r) => {
                if cands[i].doc != cands[r.candidate].doc
                    && !r.also.iter().any(|&a| cands[a].doc == cands[i].doc)
                {
                    r.also.push(i);
                }
            }
            None => chosen.push(Ranked {
                candidate: i,
                score: scores[i],
                also: Vec::new(),
            }),
        }
    }
    chosen
}

type Vector = Vec<(u32, f64)>;

fn tfidf(cands: &[Candidate]) -> Vec<Vector> {
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut df: HashMap<u32, f64> = HashMap::new();
    let counted: Vec<HashMap<u32, f64>> = cands
        .iter()
        .map(|c| {
            let mut tf: HashMap<u32, f64> = HashMap::new();
            for t in terms(c.text) {
                let next = ids.len() as u32;
                *tf.entry(*ids.entry(t).or_insert(next)).or_default() += 1.0;
            }
            for id in tf.keys() {
                *df.entry(*id).or_default() += 1.0;
            }
            tf
        })
        .collect();
    let n = cands.len() as f64;
    counted
        .into_iter()
        .map(|tf| {
            let mut v: Vector = tf
                .into_iter()
                .map(|(id, c)| (id, c * (1.0 + n / df[&id]).ln()))
                .collect();
            let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|(_, w)| *w /= norm);
            }
            v.sort_unstable_by_key(|(id, _)| *id);
            v
        })
        .collect()
}

fn cosine(a: &Vector, b: &Vector) -> f64 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// Weighted PageRank over the similarity matrix (power iteration).
fn pagerank(sim: &[f64], n: usize, damping: f64) -> Vec<f64> {
    let out_weight: Vec<f64> = (0..n)
        .map(|i| sim[i * n..(i + 1) * n].iter().sum())
        .collect();
    let mut pr = vec![1.0 / n as f64; n];
    for _ in 0..50 {
        let mut next = vec![(1.0 - damping) / n as f64; n];
        for j in 0..n {
            if out_weight[j] == 0.0 {
                continue;
            }
            let share = damping * pr[j] / out_weight[j];
            for (i, v) in next.iter_mut().enumerate() {
                *v += share * sim[j * n + i];
            }
        }
        let delta: f64 = next.iter().zip(&pr).map(|(a, b)| (a - b).abs()).sum();
        pr = next;
        if delta < 1e-6 {
            break;
        }
    }
    pr
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(doc: usize, index: usize, text: &str) -> Candidate<'_> {
        Candidate {
            doc,
            index,
            text,
            cue: 0.0,
        }
    }

    #[test]
    fn a_syndicated_sentence_is_chosen_once_citing_both() {
        let s = "The government will introduce a new border security bill next week.";
        let cands = vec![
            cand(0, 0, s),
            cand(
                0,
                1,
                "Critics said the plan for asylum would not work at all.",
            ),
            cand(1, 0, s),
            cand(
                1,
                1,
                "The weather in London was fine and sunny for the visit.",
            ),
        ];
        let ranked = rank(&cands, 3, &RankOptions::default());
        let first = ranked
            .iter()
            .find(|r| r.candidate == 0 || r.candidate == 2)
            .unwrap();
        assert_eq!(first.also.len(), 1);
        assert_eq!(
            ranked
                .iter()
                .filter(|r| cands[r.candidate].text == s)
                .count(),
            1
        );
    }

    #[test]
    fn empty_and_zero() {
        assert!(rank(&[], 3, &RankOptions::default()).is_empty());
        assert!(
            rank(
                &[cand(0, 0, "One sentence here for the test.")],
                0,
                &RankOptions::default()
            )
            .is_empty()
        );
    }
}
