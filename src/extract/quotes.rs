//! Quotes: direct speech with its speaker. A quote is attributed by a
//! speech verb in its sentence ("X said: “…”", "“…,” said X", "she added
//! that … “…”"), or, when its sentence opens with a quote and has no verb,
//! by the speaker of the sentence before. Short forms ("Sir Keir", "Mr
//! Starmer", "she") resolve to the full name used elsewhere in the story.
//! Scare quotes (fewer than three words, or no speaker) are not quotes.

use super::rules::Rules;
use super::{Story, entities};
use crate::digest::Quote;

/// A quoted span in a sentence (byte offsets of its text, without marks).
#[derive(Debug, Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
    closed: bool,
}

pub fn extract(story: &Story, rules: &Rules) -> Vec<Quote> {
    let names = story_names(story, rules);
    let mut out: Vec<Quote> = Vec::new();
    for (doc, sents) in story.sents.iter().enumerate() {
        let mut last_speaker: Option<String> = None;
        let mut open_quote: Option<usize> = None; // index in `out` of a quote still open
        for s in sents {
            let spans = quote_spans(s.text);
            let verb_speaker = speaker_in(s.text, &spans, rules)
                .map(|raw| resolve(&raw, &names, &last_speaker, rules));
            let ev = story.evidence(doc, s.index);
            let starts_with_quote = s.text.starts_with(['“', '"', '‘']);
            if spans.is_empty() {
                if let Some(sp) = verb_speaker.clone().flatten() {
                    last_speaker = Some(sp);
                }
                open_quote = None;
                continue;
            }
            let speaker = match verb_speaker.clone() {
                Some(Some(sp)) => Some(sp),
                Some(None) => None,
                None if starts_with_quote => last_speaker.clone(),
                None => None,
            };
            for (k, span) in spans.iter().enumerate() {
                let text = clean(&s.text[span.start..span.end]);
                // A quote left open in the sentence before goes on here.
                if k == 0
                    && starts_with_quote
                    && verb_speaker.is_none()
                    && let Some(i) = open_quote
                {
                    out[i].text.push(' ');
                    out[i].text.push_str(&text);
                    if !out[i].evidence.contains(&ev) {
                        out[i].evidence.push(ev.clone());
                    }
                    open_quote = (!span.closed).then_some(i);
                    continue;
                }
                let Some(sp) = speaker.clone() else { continue };
                if text.split_whitespace().count() < 3 {
                    continue;
                }
                out.push(Quote {
                    speaker: sp,
                    text,
                    evidence: vec![ev.clone()],
                });
                open_quote = (!span.closed).then_some(out.len() - 1);
            }
            if let Some(sp) = speaker {
                last_speaker = Some(sp);
            }
        }
    }
    merge(out)
}

/// The same words by the same speaker in several articles are one quote.
fn merge(quotes: Vec<Quote>) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    for q in quotes {
        let key = norm(&q.text);
        match out.iter_mut().find(|o| {
            o.speaker == q.speaker && {
                let k = norm(&o.text);
                let n = k.len().min(key.len()).min(60);
                n > 0 && k[..n] == key[..n]
            }
        }) {
            Some(o) => {
                for e in q.evidence {
                    if !o.evidence.contains(&e) {
                        o.evidence.push(e);
                    }
                }
            }
            None => out.push(q),
        }
    }
    out
}

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn clean(s: &str) -> String {
    let t = s.trim().trim_end_matches([',']).trim();
    t.replace("...", "…")
}

/// Quoted spans: “…”, "…" and ‘…’ (the last only when it opens after a
/// space, so apostrophes are not quotes). An unclosed quote runs to the end.
fn quote_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        match open {
            None => {
                let opens = match c {
                    '“' => true,
                    '"' => true,
                    '‘' => prev.is_none_or(|p| p.is_whitespace() || p == '('),
                    _ => false,
                };
                if opens {
                    open = Some((i + c.len_utf8(), c));
                }
            }
            Some((start, o)) => {
                let closes = match (o, c) {
                    ('“', '”') | ('"', '"') => true,
                    ('‘', '’') => text[i + c.len_utf8()..]
                        .chars()
                        .next()
                        .is_none_or(|n| !n.is_alphanumeric()),
                    _ => false,
                };
                if closes {
                    out.push(Span {
                        start,
                        end: i,
                        closed: true,
                    });
                    open = None;
                }
            }
        }
        prev = Some(c);
    }
    if let Some((start, _)) = open
        && start < text.len()
    {
        out.push(Span {
            start,
            end: text.len(),
            closed: false,
        });
    }
    out
}

/// The speaker a speech verb outside the quotes names, as written:
/// `Some(Some(name))`, `Some(None)` when a verb is there but no name could
/// be read, `None` when there is no speech verb.
fn speaker_in(text: &str, spans: &[Span], rules: &Rules) -> Option<Option<String>> {
    let inside = |i: usize| spans.iter().any(|s| i + 1 >= s.start && i <= s.end);
    let mut verbs = Vec::new();
    let mut pos = 0;
    for w in text.split_inclusive(|c: char| !c.is_alphanumeric()) {
        let word = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        if rules.speech_verbs.iter().any(|v| v == word) && !inside(pos) {
            verbs.push((pos, pos + word.len()));
        }
        pos += w.len();
    }
    if verbs.is_empty() {
        return None;
    }
    // "David Frost, director general of X, warned …": the name opens the sentence.
    for &(vs, ve) in &verbs {
        let before = &text[..vs];
        if let Some(name) = name_before(before, rules) {
            return Some(Some(name));
        }
        if let Some(name) = name_after(&text[ve..], rules) {
            return Some(Some(name));
        }
    }
    if let Some((head, _)) = text.split_once(", ")
        && let Some(name) = name_before(head, rules)
        && head.split_whitespace().count() <= 4
    {
        return Some(Some(name));
    }
    Some(None)
}

/// The name (or pronoun) right before a speech verb: "Ms Meloni said",
/// "Italian PM Giorgia Meloni said", "she added", "Theresa May, said".
fn name_before(before: &str, rules: &Rules) -> Option<String> {
    let mut t = before.trim_end();
    // Skip an adverb: "Sir Keir also said", "the PM previously said".
    let adverb = t
        .rsplit_once(' ')
        .is_some_and(|(_, last)| last.ends_with("ly") || last == "also");
    if adverb {
        t = t.rsplit_once(' ').map_or(t, |(r, _)| r).trim_end();
    }
    let t = t.trim_end_matches(',').trim_end();
    let words: Vec<&str> = t.split_whitespace().collect();
    let last = *words.last()?;
    if rules.pronouns.iter().any(|p| p == last) {
        return Some(last.to_string());
    }
    let mut run: Vec<&str> = Vec::new();
    for w in words.iter().rev() {
        let w = w.trim_matches(|c: char| c == ',' || c == '(' || c == ')');
        if entities::is_capitalized(w) && !w.ends_with(':') {
            run.push(w);
        } else {
            break;
        }
    }
    run.reverse();
    speaker_from_run(&run, rules)
}

/// Words that open a clause and are capitalised without being a name.
const OPENERS: &[&str] = &[
    "In",
    "On",
    "At",
    "Last",
    "Next",
    "This",
    "The",
    "But",
    "And",
    "After",
    "Before",
    "Speaking",
    "Meanwhile",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The speaker in a run of capitalised words before a verb: an actor
/// ("the Home Office said"), else the name from the last honorific
/// ("In September Sir Keir" → "Sir Keir"), else the words after any
/// clause opener, roles stripped.
fn speaker_from_run(run: &[&str], rules: &Rules) -> Option<String> {
    if run.is_empty() {
        return None;
    }
    let joined = run.join(" ");
    if let Some((s, e, actor)) = rules.actors.find(&joined).last()
        && e == joined.len()
        && (s == 0
            || !run.iter().any(|w| {
                rules
                    .surname_titles
                    .iter()
                    .chain(&rules.given_name_titles)
                    .any(|t| t == w)
            }))
        && rules.actors.find(&joined).count() == 1
    {
        let _ = s;
        return Some(actor.to_string());
    }
    let is_title = |w: &&str| {
        rules
            .given_name_titles
            .iter()
            .chain(&rules.surname_titles)
            .any(|t| t == *w)
    };
    let from = run
        .iter()
        .rposition(is_title)
        .or_else(|| run.iter().rposition(|w| OPENERS.contains(w)).map(|i| i + 1))
        .unwrap_or(0);
    let run = &run[from.min(run.len())..];
    if run
        .last()
        .is_some_and(|w| rules.roles.iter().any(|r| r == w))
    {
        return None; // "the Rome-born PM": a role, not a name
    }
    person_name(run, rules)
}

/// "said Mr Starmer", "said the Home Secretary, Yvette Cooper".
fn name_after(after: &str, rules: &Rules) -> Option<String> {
    let words: Vec<&str> = after.split_whitespace().take(6).collect();
    let mut run = Vec::new();
    for w in words {
        let clean = w.trim_end_matches([',', '.', ':', ';']);
        if entities::is_capitalized(clean) {
            run.push(clean);
            if clean.len() != w.len() {
                break;
            }
        } else if run.is_empty() && w == "the" {
            continue;
        } else {
            break;
        }
    }
    speaker_from_run(&run, rules)
}

/// Keeps the name part of a run of capitalised words: titles and roles in
/// front go, except an honorific that makes a short form ("Sir Keir").
fn person_name(run: &[&str], rules: &Rules) -> Option<String> {
    let is_role = |w: &str| rules.roles.iter().any(|r| r == w);
    let is_title = |w: &str| {
        rules
            .given_name_titles
            .iter()
            .chain(&rules.surname_titles)
            .any(|t| t == w)
    };
    let mut start = 0;
    while start < run.len() && is_role(run[start]) && !is_title(run[start]) {
        start += 1;
    }
    let name = &run[start..];
    if name.is_empty() || name.iter().all(|w| is_title(w)) {
        return None;
    }
    // A lone word that is a role or a sentence opener is not a name.
    if name.len() == 1
        && (is_role(name[0]) || matches!(name[0], "It" | "This" | "The" | "In" | "But" | "And"))
    {
        return None;
    }
    Some(name.join(" "))
}

/// Full names used in the story (two or three capitalised words, roles
/// stripped), to expand "Mr Starmer" and "Sir Keir".
fn story_names(story: &Story, rules: &Rules) -> Vec<String> {
    let mut names: Vec<(String, usize)> = Vec::new();
    for s in story.sents.iter().flatten() {
        let words: Vec<&str> = s.text.split_whitespace().collect();
        let mut i = 0;
        while i < words.len() {
            let mut j = i;
            let mut run = Vec::new();
            while j < words.len() {
                let w = words[j].trim_end_matches([',', '.', ':', ';', '”', '"', ')']);
                let w = w.trim_start_matches(['“', '"', '(']);
                let w = w
                    .strip_suffix("'s")
                    .or_else(|| w.strip_suffix("’s"))
                    .unwrap_or(w);
                if !entities::is_capitalized(w) || w.len() < 2 {
                    break;
                }
                run.push(w);
                let ends = words[j].len() != w.len();
                j += 1;
                if ends {
                    break;
                }
            }
            if let Some(name) = person_name(&run, rules) {
                let parts: Vec<&str> = name.split(' ').collect();
                let titled = parts.iter().any(|p| {
                    rules
                        .given_name_titles
                        .iter()
                        .chain(&rules.surname_titles)
                        .any(|t| t == p)
                });
                if (2..=3).contains(&parts.len())
                    && !titled
                    && rules.actors.find(&name).next().is_none()
                {
                    match names.iter_mut().find(|(n, _)| *n == name) {
                        Some((_, c)) => *c += 1,
                        None => names.push((name, 1)),
                    }
                }
            }
            i = j.max(i + 1);
        }
    }
    names.sort_by_key(|n| std::cmp::Reverse(n.1));
    names.into_iter().map(|(n, _)| n).collect()
}

/// A speaker as written → the full name: pronouns continue the last
/// speaker, "Sir Keir" matches a given name, "Mr Starmer" or "Starmer" a
/// surname. Unresolved forms are kept as written (without "Mr"/"Ms").
fn resolve(
    raw: &Option<String>,
    names: &[String],
    last: &Option<String>,
    rules: &Rules,
) -> Option<String> {
    let raw = raw.as_ref()?;
    if rules.pronouns.iter().any(|p| p == raw) {
        return last.clone();
    }
    let parts: Vec<&str> = raw.split(' ').collect();
    if parts.len() >= 2 && rules.given_name_titles.iter().any(|t| t == parts[0]) {
        let given = parts[1];
        if parts.len() == 2
            && let Some(full) = names.iter().find(|n| n.split(' ').next() == Some(given))
        {
            return Some(full.clone());
        }
        return Some(parts[1..].join(" "));
    }
    let rest: Vec<&str> = if rules.surname_titles.iter().any(|t| t == parts[0]) {
        parts[1..].to_vec()
    } else {
        parts
    };
    if rest.len() == 1 {
        let surname = rest[0];
        if let Some(full) = names.iter().find(|n| n.rsplit(' ').next() == Some(surname)) {
            return Some(full.clone());
        }
    }
    Some(rest.join(" ")).filter(|s| !s.is_empty())
}
