//! Scoring extraction against a gold file: measures and provisions
//! (precision, recall), dates, figures and quotes, with every miss and
//! false hit listed.
//!
//! Two gold formats are read (see the READMEs beside them):
//! - `seeds-gold.json`: articles by letter with a publication date, the
//!   same-story groups, measures with `match` names, provisions, dates,
//!   evidence as [article, sentence] pairs, figures, quotes with `starts`;
//! - `gold.jsonl` (BBC politics): one article a line, measures with a
//!   verbatim `evidence` substring, `background` context items, `when`
//!   phrases, figures with verbatim `value`, quotes with `start` (first
//!   eight words). Article dates are unknown.
//!
//! A predicted item matches a gold measure when one of its names contains a
//! gold `match` name, or one of its evidence sentences contains the gold
//! evidence (white space and quote marks folded), or it cites a gold
//! evidence sentence. Background and optional gold items are neither
//! required nor counted against precision.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::article::Published;
use crate::digest::{Figure, Measure, Quote};
use crate::document::Document;
use crate::extract::{self, rules::Rules};

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: {message}")]
    Gold { path: String, message: String },
    #[error("{path}: cannot read an article of the gold set: {message}")]
    Article { path: String, message: String },
}

/// One gold measure (or provision).
#[derive(Debug, Clone, Default)]
struct GoldMeasure {
    name: String,
    kind: String,
    names: Vec<String>,
    evidence_text: Vec<String>,
    evidence_sents: Vec<(usize, usize)>,
    when_phrase: Option<String>,
    when_iso: Option<String>,
    when_date: Option<(NaiveDate, NaiveDate)>,
    required: bool,
    provisions: Vec<GoldMeasure>,
}

#[derive(Debug, Clone)]
struct GoldFigure {
    value: String,
    article: usize,
}

#[derive(Debug, Clone)]
struct GoldQuote {
    speaker: String,
    start: String,
    required: bool,
}

/// A unit of evaluation: the articles of one story and what they hold.
#[derive(Debug)]
struct GoldStory {
    id: String,
    files: Vec<PathBuf>,
    published: Vec<Option<NaiveDate>>,
    measures: Vec<GoldMeasure>,
    figures: Vec<GoldFigure>,
    quotes: Vec<GoldQuote>,
}

/// Counts for one kind of item.
#[derive(Debug, Default, Clone, Copy, Serialize, Deserialize)]
pub struct Score {
    pub gold: usize,
    pub found: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl Score {
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// The evaluation of one gold file.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Report {
    pub gold: String,
    pub stories: usize,
    /// Top-level measures: recall over required gold measures, precision
    /// over predicted top-level measures.
    pub measures: Score,
    /// Provisions: recall over required gold provisions (seeds), or over
    /// gold measures matched by a provision (BBC), precision over predicted
    /// provisions.
    pub provisions: Score,
    /// Time phrases of matched measures: found = phrase right (and date
    /// right where gold gives one), over gold measures with a phrase.
    pub dates: Score,
    pub figures: Score,
    pub quotes: Score,
    /// Every miss and false hit, one line each.
    pub details: Vec<String>,
}

impl Report {
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "gold: {} ({} stories)", self.gold, self.stories);
        let row = |s: &mut String, name: &str, sc: &Score| {
            // The BBC gold lists provisions among its measures: no recall
            // of their own, only how many gold measures a provision took.
            let recall = if sc.gold == 0 {
                format!("{:>5} ({} taken)", "–", sc.found)
            } else {
                format!("{:>5.3} ({}/{})", sc.recall(), sc.found, sc.gold)
            };
            let _ = writeln!(
                s,
                "  {name:<11} recall {recall}   precision {:>5.3} ({}/{})",
                sc.precision(),
                sc.correct,
                sc.predicted
            );
        };
        row(&mut s, "measures", &self.measures);
        row(&mut s, "provisions", &self.provisions);
        let _ = writeln!(
            s,
            "  {:<11} right  {:>5.3} ({}/{})",
            "dates",
            self.dates.recall(),
            self.dates.found,
            self.dates.gold
        );
        row(&mut s, "figures", &self.figures);
        row(&mut s, "quotes", &self.quotes);
        for d in &self.details {
            let _ = writeln!(s, "  - {d}");
        }
        s
    }
}

/// Loads a gold file (either format), runs extraction on its articles and
/// scores it.
pub fn evaluate(gold_path: &Path) -> Result<Report, EvalError> {
    let stories = load(gold_path)?;
    let rules = Rules::builtin();
    let mut report = Report {
        gold: gold_path.display().to_string(),
        stories: stories.len(),
        ..Report::default()
    };
    for story in &stories {
        let docs = read_docs(story)?;
        let refs: Vec<&Document> = docs.iter().collect();
        let ex = extract::extract(&extract::Story::new(refs), rules);
        score_measures(story, &docs, &ex.measures, &mut report);
        score_figures(story, &ex.figures, &mut report);
        score_quotes(story, &ex.quotes, &mut report);
    }
    Ok(report)
}

/// The story's articles, read as `digest build` reads them (through
/// ingest), with the publication date the gold file gives, if any.
fn read_docs(story: &GoldStory) -> Result<Vec<Document>, EvalError> {
    story
        .files
        .iter()
        .zip(&story.published)
        .map(|(file, published)| {
            let mut doc = super::ranking::load_document(file).map_err(|e| EvalError::Article {
                path: e.path,
                message: e.message,
            })?;
            if let Some(d) = published {
                doc.article.published = Published::parse(&d.to_string()).ok();
            }
            Ok(doc)
        })
        .collect()
}

fn load(path: &Path) -> Result<Vec<GoldStory>, EvalError> {
    let err = |message: String| EvalError::Gold {
        path: path.display().to_string(),
        message,
    };
    let text = std::fs::read_to_string(path).map_err(|e| err(format!("cannot read: {e}")))?;
    let dir = path.parent().unwrap_or(Path::new("."));
    if path.extension().is_some_and(|e| e == "jsonl") {
        let mut out = Vec::new();
        for (i, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let v: Value =
                serde_json::from_str(line).map_err(|e| err(format!("line {}: {e}", i + 1)))?;
            out.push(bbc_story(&v, dir).map_err(|m| err(format!("line {}: {m}", i + 1)))?);
        }
        Ok(out)
    } else {
        let v: Value = serde_json::from_str(&text).map_err(|e| err(e.to_string()))?;
        seeds_stories(&v, dir).map_err(err)
    }
}

fn s(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().map(s).collect())
        .unwrap_or_default()
}

fn bbc_story(v: &Value, dir: &Path) -> Result<GoldStory, String> {
    let file = dir.join(v["file"].as_str().ok_or("no `file`")?);
    let measures = v["measures"]
        .as_array()
        .ok_or("no `measures`")?
        .iter()
        .map(|m| GoldMeasure {
            name: s(&m["name"]),
            kind: s(&m["type"]),
            evidence_text: vec![s(&m["evidence"])],
            when_phrase: m["when"]["phrase"].as_str().map(str::to_string),
            when_iso: m["when"]["iso"].as_str().map(str::to_string),
            required: !m["background"].as_bool().unwrap_or(false),
            ..GoldMeasure::default()
        })
        .collect();
    Ok(GoldStory {
        id: s(&v["id"]),
        files: vec![file],
        published: vec![v["published"].as_str().and_then(|d| d.parse().ok())],
        measures,
        figures: v["figures"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|f| GoldFigure {
                value: s(&f["value"]),
                article: 0,
            })
            .collect(),
        quotes: v["quotes"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|q| GoldQuote {
                speaker: s(&q["speaker"]),
                start: s(&q["start"]),
                required: true,
            })
            .collect(),
    })
}

fn seeds_stories(v: &Value, dir: &Path) -> Result<Vec<GoldStory>, String> {
    let articles = v["articles"].as_object().ok_or("no `articles`")?;
    let groups: Vec<Vec<String>> = v["same_story"]
        .as_array()
        .ok_or("no `same_story`")?
        .iter()
        .map(strings)
        .collect();
    let mut out = Vec::new();
    for group in groups {
        let pos = |letter: &str| group.iter().position(|g| g == letter);
        let ev = |e: &Value| -> Option<(usize, usize)> {
            Some((pos(e[0].as_str()?)?, e[1].as_u64()? as usize))
        };
        let measure = |m: &Value| GoldMeasure {
            name: s(&m["name"]),
            kind: s(&m["type"]),
            names: strings(&m["match"]),
            evidence_sents: m["evidence"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(ev)
                .collect(),
            when_phrase: m["when"]["text"].as_str().map(str::to_string),
            when_date: gold_window(&m["when"]),
            required: !m["optional"].as_bool().unwrap_or(false),
            ..GoldMeasure::default()
        };
        let mut files = Vec::new();
        let mut published = Vec::new();
        for letter in &group {
            let a = &articles[letter.as_str()];
            let name = a["file"].as_str().ok_or("article without `file`")?;
            let candidates = [dir.join(name), dir.join("../seeds").join(name)];
            let file = candidates
                .iter()
                .find(|p| p.exists())
                .cloned()
                .unwrap_or_else(|| candidates[0].clone());
            files.push(file);
            published.push(a["published"].as_str().and_then(|d| d.parse().ok()));
        }
        let measures = v["measures"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|m| {
                let mut g = measure(m);
                g.provisions = m["provisions"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(measure)
                    .collect();
                g
            })
            .collect();
        let figures = v["figures"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|f| GoldFigure {
                value: s(&f["value"]),
                article: f["evidence"].get(0).and_then(ev).map_or(0, |e| e.0),
            })
            .collect();
        let quotes = v["quotes"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|q| GoldQuote {
                speaker: s(&q["speaker"]),
                start: s(&q["starts"]),
                required: !q["optional"].as_bool().unwrap_or(false),
            })
            .collect();
        out.push(GoldStory {
            id: group.join("+"),
            files,
            published,
            measures,
            figures,
            quotes,
        });
    }
    Ok(out)
}

/// The dates a gold `when` accepts: its date (and end), or its window.
fn gold_window(when: &Value) -> Option<(NaiveDate, NaiveDate)> {
    let d = |v: &Value| v.as_str().and_then(|s| s.parse::<NaiveDate>().ok());
    if let Some(w) = when["window"].as_array() {
        return Some((d(w.first()?)?, d(w.get(1)?)?));
    }
    let start = d(&when["date"])?;
    Some((start, d(&when["end"]).unwrap_or(start)))
}

/// Lower case, quotes and dashes unified, white space folded.
fn fold(text: &str) -> String {
    let mapped: String = text
        .chars()
        .map(|c| match c {
            '“' | '”' | '‘' | '’' | '\'' | '"' => ' ',
            '–' | '—' | '-' => ' ',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn doc_of(docs: &[Document], article: &str) -> usize {
    docs.iter()
        .position(|d| d.article.id == article)
        .unwrap_or(0)
}

fn item_matches(m: &Measure, g: &GoldMeasure, docs: &[Document]) -> bool {
    if !g.names.is_empty() {
        // Seeds: the gold names the measure; match on our name.
        let name = fold(&m.name);
        return g.names.iter().any(|n| name.contains(&fold(n)));
    }
    m.evidence.iter().any(|e| {
        let t = fold(&e.text);
        g.evidence_text
            .iter()
            .any(|ge| !ge.is_empty() && t.contains(&fold(ge)))
            || g.evidence_sents
                .contains(&(doc_of(docs, &e.article), e.index))
    })
}

fn score_measures(story: &GoldStory, docs: &[Document], predicted: &[Measure], r: &mut Report) {
    let seeds_style = story.measures.iter().any(|g| !g.names.is_empty());
    // What we predicted, one item each: measures, and (against the BBC
    // gold, which lists provisions as measures of their own) provisions.
    let items: Vec<(&Measure, bool)> = predicted
        .iter()
        .flat_map(|m| {
            let provisions = m.provisions.iter().filter(|_| !seeds_style);
            std::iter::once((m, false)).chain(provisions.map(|p| (p, true)))
        })
        .collect();
    let edges: Vec<Vec<usize>> = items
        .iter()
        .map(|(m, _)| {
            (0..story.measures.len())
                .filter(|&g| item_matches(m, &story.measures[g], docs))
                .collect()
        })
        .collect();
    // Each item stands for at most one gold measure and each gold measure
    // for at most one item; a measure whose evidence touches several gold
    // measures must not hide a second item that states one of them, so
    // the pairs are a maximum matching, required gold measures first.
    let required: Vec<Vec<usize>> = edges
        .iter()
        .map(|e| {
            e.iter()
                .copied()
                .filter(|&g| story.measures[g].required)
                .collect()
        })
        .collect();
    // Two gold measures stated by one sentence, and two items citing it:
    // each gold measure goes to the item whose name says it, where one does
    // ("… Parliament could decide in 2011 or 2012" to the item so named,
    // not to the one about the first cards in 2008). Such pairs are tried
    // first; augmenting paths keep the matching maximum.
    let named: Vec<Vec<usize>> = required
        .iter()
        .zip(&items)
        .map(|(e, (m, _))| {
            e.iter()
                .copied()
                .filter(|&g| names_evidence(&m.name, &story.measures[g]))
                .chain(e.iter().copied())
                .collect()
        })
        .collect();
    let mut owner = max_matching(&named, story.measures.len());
    let rest: Vec<Vec<usize>> = edges
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let free = !owner.contains(&Some(i));
            e.iter()
                .copied()
                .filter(|&g| free && owner[g].is_none())
                .collect()
        })
        .collect();
    for (g, item) in max_matching(&rest, story.measures.len())
        .into_iter()
        .enumerate()
    {
        if item.is_some() {
            owner[g] = item;
        }
    }

    for (i, &(m, is_provision)) in items.iter().enumerate() {
        r.measures.predicted += 1;
        if is_provision {
            r.provisions.predicted += 1;
        }
        let matched = owner.iter().position(|&o| o == Some(i));
        if let Some(g) = matched.map(|g| &story.measures[g]) {
            if g.required {
                r.measures.found += 1;
                if is_provision {
                    r.provisions.found += 1;
                }
                score_date(story, m, g, r);
            }
            if seeds_style {
                score_seed_provisions(story, docs, m, g, r);
            }
        }
        if edges[i].is_empty() {
            let what = if is_provision { "provision" } else { "measure" };
            r.details.push(format!(
                "{}: false {what} \"{}\" [{}]",
                story.id, m.name, m.kind
            ));
            continue;
        }
        r.measures.correct += 1;
        if is_provision {
            r.provisions.correct += 1;
        }
        if matched.is_none() {
            // Right, but said twice: correct for precision, listed.
            r.details
                .push(format!("{}: duplicate measure \"{}\"", story.id, m.name));
        }
    }
    for (g, item) in story.measures.iter().zip(&owner) {
        if g.required {
            r.measures.gold += 1;
            if item.is_none() {
                // Say whether we had the sentence, inside another item.
                let inside = items
                    .iter()
                    .find(|(m, _)| item_matches(m, g, docs))
                    .map(|(m, _)| format!("; inside \"{}\"", m.name))
                    .unwrap_or_default();
                r.details.push(format!(
                    "{}: missed {} \"{}\" ({}){inside}",
                    story.id,
                    g.kind,
                    g.name,
                    evidence_hint(g)
                ));
            }
        }
    }
}

/// Whether a predicted name holds most words of the gold evidence.
fn names_evidence(name: &str, g: &GoldMeasure) -> bool {
    let name = fold(name);
    let words: HashSet<&str> = name.split_whitespace().collect();
    g.evidence_text.iter().any(|e| {
        let e = fold(e);
        let gold: Vec<&str> = e.split_whitespace().collect();
        let shared = gold.iter().filter(|w| words.contains(*w)).count();
        !gold.is_empty() && shared * 5 >= gold.len() * 3
    })
}

/// A maximum bipartite matching (Kuhn's augmenting paths): `edges[i]` are
/// the right-hand nodes left node `i` may take; the answer gives each of
/// the `right` nodes its left node, if any.
fn max_matching(edges: &[Vec<usize>], right: usize) -> Vec<Option<usize>> {
    fn augment(
        i: usize,
        edges: &[Vec<usize>],
        seen: &mut [bool],
        owner: &mut [Option<usize>],
    ) -> bool {
        for &g in &edges[i] {
            if !std::mem::replace(&mut seen[g], true)
                && owner[g].is_none_or(|j| augment(j, edges, seen, owner))
            {
                owner[g] = Some(i);
                return true;
            }
        }
        false
    }
    let mut owner = vec![None; right];
    for i in 0..edges.len() {
        augment(i, edges, &mut vec![false; right], &mut owner);
    }
    owner
}

fn evidence_hint(g: &GoldMeasure) -> String {
    g.evidence_text
        .first()
        .cloned()
        .unwrap_or_else(|| format!("{:?}", g.evidence_sents))
}

fn score_seed_provisions(
    story: &GoldStory,
    docs: &[Document],
    m: &Measure,
    g: &GoldMeasure,
    r: &mut Report,
) {
    let mut used: HashSet<usize> = HashSet::new();
    for p in &m.provisions {
        r.provisions.predicted += 1;
        let hit = g.provisions.iter().enumerate().find(|(i, gp)| {
            !used.contains(i) && gp.kind == p.kind && {
                let hay = fold(&format!(
                    "{} {}",
                    p.name,
                    p.evidence
                        .iter()
                        .map(|e| &*e.text)
                        .collect::<Vec<_>>()
                        .join(" ")
                ));
                gp.names.iter().any(|n| hay.contains(&fold(n)))
                    || p.evidence.iter().any(|e| {
                        gp.evidence_sents
                            .contains(&(doc_of(docs, &e.article), e.index))
                    }) && gp.names.is_empty()
            }
        });
        match hit {
            Some((i, _)) => {
                used.insert(i);
                r.provisions.correct += 1;
            }
            None => r.details.push(format!(
                "{}: false provision \"{}\" [{}]",
                story.id, p.name, p.kind
            )),
        }
    }
    for (i, gp) in g.provisions.iter().enumerate() {
        if gp.required {
            r.provisions.gold += 1;
            if used.contains(&i) {
                r.provisions.found += 1;
            } else {
                r.details.push(format!(
                    "{}: missed provision {} \"{}\"",
                    story.id, gp.kind, gp.name
                ));
            }
        }
    }
}

fn score_date(story: &GoldStory, m: &Measure, g: &GoldMeasure, r: &mut Report) {
    let Some(phrase) = &g.when_phrase else { return };
    r.dates.gold += 1;
    let ours = m.when.as_ref();
    let phrase_ok = ours.is_some_and(|w| {
        let (a, b) = (fold(&w.text), fold(phrase));
        a.contains(&b) || b.contains(&a)
    });
    let date_ok = match (&g.when_date, &g.when_iso) {
        (Some((lo, hi)), _) => {
            ours.and_then(|w| w.date)
                .is_some_and(|d| *lo <= d && d <= *hi)
                && ours
                    .and_then(|w| w.end)
                    .is_none_or(|e| e <= *hi || g.when_date.is_some_and(|(_, h)| e <= h))
        }
        (None, Some(iso)) => {
            let first = iso.split('/').next().unwrap_or(iso);
            ours.and_then(|w| w.date)
                .is_some_and(|d| d.to_string().starts_with(first))
        }
        (None, None) => true,
    };
    if phrase_ok && date_ok {
        r.dates.found += 1;
    } else {
        r.details.push(format!(
            "{}: date of \"{}\": gold \"{}\"{}, ours {}",
            story.id,
            g.name,
            phrase,
            g.when_iso
                .as_ref()
                .map(|i| format!(" ({i})"))
                .unwrap_or_default(),
            ours.map_or("none".into(), |w| format!(
                "\"{}\" {:?}–{:?}",
                w.text, w.date, w.end
            ))
        ));
    }
}

/// The numbers a figure's value states, as plain digits: "£1,400" → 1400,
/// "N70,000" → 70000, "between 15,000 and 20,000" → 15000 and 20000,
/// "Fifty" → 50.
fn numbers(value: &str) -> Vec<String> {
    const WORDS: [(&str, &str); 20] = [
        ("one", "1"),
        ("two", "2"),
        ("three", "3"),
        ("four", "4"),
        ("five", "5"),
        ("six", "6"),
        ("seven", "7"),
        ("eight", "8"),
        ("nine", "9"),
        ("ten", "10"),
        ("eleven", "11"),
        ("twelve", "12"),
        ("fifteen", "15"),
        ("twenty", "20"),
        ("thirty", "30"),
        ("forty", "40"),
        ("fifty", "50"),
        ("sixty", "60"),
        ("hundred", "100"),
        ("thousand", "1000"),
    ];
    value
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == ','))
        .filter_map(|w| {
            let w = w.trim_matches(['.', ',']);
            let lower = w.to_lowercase();
            let lower = lower.strip_suffix("fold").unwrap_or(&lower);
            if let Some((_, n)) = WORDS.iter().find(|(word, _)| *word == lower) {
                return Some(n.to_string());
            }
            let digits: String = w.chars().filter(|c| *c != ',').collect();
            // "N70,000" (naira), "15bn": a sign or scale written onto it.
            let number = digits.trim_matches(|c: char| c.is_ascii_alphabetic());
            (!number.is_empty() && number.parse::<f64>().is_ok()).then(|| number.to_string())
        })
        .collect()
}

/// A predicted figure states a gold one when every number of the one is a
/// number of the other ("more than 400" and "400"; "between 10 and 25%"
/// and "25%"), whole numbers only: "50" does not match "25,000". Pairs are
/// a maximum matching, so a loose prediction cannot take a gold figure
/// another prediction states exactly.
fn score_figures(story: &GoldStory, predicted: &[Figure], r: &mut Report) {
    let ours: Vec<Vec<String>> = predicted.iter().map(|f| numbers(&f.value)).collect();
    let edges: Vec<Vec<usize>> = ours
        .iter()
        .map(|p| {
            story
                .figures
                .iter()
                .enumerate()
                .filter(|(_, g)| {
                    let g = numbers(&g.value);
                    !g.is_empty()
                        && !p.is_empty()
                        && (g.iter().all(|n| p.contains(n)) || p.iter().all(|n| g.contains(n)))
                })
                .map(|(i, _)| i)
                .collect()
        })
        .collect();
    let owner = max_matching(&edges, story.figures.len());
    for (g, item) in story.figures.iter().zip(&owner) {
        r.figures.gold += 1;
        if item.is_some() {
            r.figures.found += 1;
        } else {
            r.details.push(format!(
                "{}: missed figure {} (article {})",
                story.id, g.value, g.article
            ));
        }
    }
    for (i, f) in predicted.iter().enumerate() {
        r.figures.predicted += 1;
        if owner.contains(&Some(i)) {
            r.figures.correct += 1;
        } else {
            r.details.push(format!(
                "{}: extra figure {} — {}",
                story.id, f.value, f.what
            ));
        }
    }
}

fn words(s: &str) -> String {
    fold(s)
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ')
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a quote's words hold a gold quote's first eight words (`start`,
/// both folded by [`words`]). A quote shorter than that ("I am keeping to
/// the rules," she said) has narration in its gold `start`: the whole
/// quote, five words or more, opening the start matches when a speech
/// verb follows it there (a long quote cut short does not).
fn quote_matches(start: &str, quote: &str) -> bool {
    const SPEECH: [&str; 8] = [
        "said",
        "says",
        "added",
        "told",
        "stated",
        "explained",
        "noted",
        "insisted",
    ];
    quote.contains(start)
        || (quote.split(' ').count() >= 5
            && start.strip_prefix(quote).is_some_and(|rest| {
                rest.starts_with(' ') && rest.split(' ').take(4).any(|w| SPEECH.contains(&w))
            }))
}

fn same_speaker(a: &str, b: &str) -> bool {
    let last = |s: &str| s.split_whitespace().last().unwrap_or("").to_lowercase();
    a.eq_ignore_ascii_case(b) || last(a) == last(b)
}

fn score_quotes(story: &GoldStory, predicted: &[Quote], r: &mut Report) {
    let mut used = HashSet::new();
    for g in &story.quotes {
        let start = words(&g.start);
        let hit = predicted
            .iter()
            .enumerate()
            .find(|(i, q)| !used.contains(i) && quote_matches(&start, &words(&q.text)));
        if g.required {
            r.quotes.gold += 1;
        }
        match hit {
            Some((i, q)) => {
                used.insert(i);
                if same_speaker(&q.speaker, &g.speaker) {
                    if g.required {
                        r.quotes.found += 1;
                    }
                } else {
                    r.details.push(format!(
                        "{}: quote \"{}\" by {}, ours says {}",
                        story.id, g.start, g.speaker, q.speaker
                    ));
                }
            }
            None if g.required => r.details.push(format!(
                "{}: missed quote by {}: \"{}\"",
                story.id, g.speaker, g.start
            )),
            None => {}
        }
    }
    for (i, q) in predicted.iter().enumerate() {
        r.quotes.predicted += 1;
        if used.contains(&i) {
            r.quotes.correct += 1;
        } else {
            let head: String = q
                .text
                .split_whitespace()
                .take(8)
                .collect::<Vec<_>>()
                .join(" ");
            r.details.push(format!(
                "{}: extra quote by {}: \"{}\"",
                story.id, q.speaker, head
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{numbers, quote_matches, words};

    #[test]
    fn a_figure_is_its_whole_numbers() {
        assert_eq!(numbers("£1,400"), ["1400"]);
        assert_eq!(numbers("between 15,000 and 20,000"), ["15000", "20000"]);
        assert_eq!(numbers("Fifty"), ["50"]);
        assert_eq!(numbers("sixfold"), ["6"]);
        assert_eq!(numbers("about £8.1bn"), ["8.1"]);
        assert_eq!(numbers("9.8%"), ["9.8"]);
        assert_eq!(numbers("N70,000"), ["70000"]);
        // "50" is no part of "25,000".
        assert!(!numbers("25,000").contains(&"50".to_string()));
    }

    #[test]
    fn a_short_quote_matches_a_start_that_runs_into_narration() {
        let start = words("I am keeping to the rules, she said.");
        assert!(quote_matches(&start, &words("I am keeping to the rules")));
        // Not the quote's opening, or too short to be told from a scrap.
        assert!(!quote_matches(&start, &words("keeping to the rules")));
        assert!(!quote_matches(&start, &words("I am keeping")));
        // A long quote cut short is no match.
        let cut = words("We will go after the gangs wherever they");
        assert!(!quote_matches(&cut, &words("We will go after the")));
        let long = words("We will go after the gangs wherever they are.");
        assert!(quote_matches(
            &words("We will go after the gangs wherever they"),
            &long
        ));
    }
}
