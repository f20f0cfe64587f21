//! Quotes: direct speech with its speaker. A quote is attributed by a
//! speech verb in its sentence ("X said: “…”", "“…,” said X", "she added
//! that … “…”"), or, when its sentence opens with a quote and has no verb,
//! by the speaker of the sentence before. Short forms ("Sir Keir", "Mr
//! Starmer", "she") resolve to the full name used elsewhere in the story.
//! Scare quotes (fewer than three words, or no speaker) are not quotes.

use aho_corasick::AhoCorasick;
use std::collections::HashSet;

use super::rules::Rules;
use super::{Story, entities};
use crate::digest::Quote;
use crate::text::capitalize_first;

/// A quoted span in a sentence (byte offsets of its text, without marks).
#[derive(Debug, Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
    closed: bool,
    /// The mark that opened it, so a quote running on closes in kind.
    mark: char,
}

/// Marks that open a quote.
const OPENING: [char; 4] = ['“', '"', '‘', '\''];

pub fn extract(story: &Story, rules: &Rules) -> Vec<Quote> {
    let names = story_names(story, rules);
    let people = People::new(&names);
    let roles = story_roles(story, &names, &people, rules);
    let acronyms = story_acronyms(story, rules);
    let mut out: Vec<Quote> = Vec::new();
    // A copy of a text read before (syndication) says what it said: its
    // quotes are the original's, citing the copy. Where each article's
    // quotes lie in `out`:
    let mut said: Vec<std::ops::Range<usize>> = Vec::with_capacity(story.sents.len());
    for (doc, sents) in story.sents.iter().enumerate() {
        let original = story.original(doc);
        if original != doc {
            let copies: Vec<Quote> = out[said[original].clone()]
                .iter()
                .map(|q| Quote {
                    speaker: q.speaker.clone(),
                    text: q.text.clone(),
                    evidence: q
                        .evidence
                        .iter()
                        .map(|e| story.evidence(doc, e.index))
                        .collect(),
                })
                .collect();
            said.push(out.len()..out.len() + copies.len());
            out.extend(copies);
            continue;
        }
        let from = out.len();
        // The people named so far, the latest last.
        let mut recent: Vec<String> = Vec::new();
        let mut last_speaker: Option<String> = None;
        // The person the text was last about: the first name in the latest
        // sentence naming one. "He added:" and a quote paragraph with no
        // verb belong to them.
        let mut last_person: Option<String> = None;
        // The person last named anywhere, for a pronoun when no sentence
        // was about anyone yet ("…, Prime Minister X has announced." then
        // "He told the media: …").
        let mut last_named: Option<String> = None;
        // A quote still open at the end of the sentence before (index in `out`).
        let mut open_quote: Option<(usize, char)> = None;
        // Quotes (indices in `out`) whose speaker no verb named: the one
        // the text was about, or none yet (""). A verb that closes the
        // same quote later names who said all of it: "“… . …,” said X."
        let mut guessed: HashSet<usize> = HashSet::new();
        for (n, s) in sents.iter().enumerate() {
            let inside = open_quote.is_some();
            let spans = quote_spans(s.text, open_quote.map(|(_, m)| m));
            let open_idx = open_quote.map(|(i, _)| i);
            let context = last_person
                .clone()
                .or_else(|| last_speaker.clone())
                .or_else(|| last_named.clone());
            let verb_speaker = speaker_in(s.text, &spans, rules).map(|raw| match raw {
                // "the PM", "the statement": who that is in this story.
                Some(r) if r.starts_with("the ") => {
                    let what = &r["the ".len()..];
                    if !what.starts_with(char::is_lowercase) {
                        role_holder(&role_name(what, rules), &roles, &recent, rules)
                    } else if what
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| is_role_word_any_case(rules, w))
                    {
                        // "the minister stressed": a person the story named
                        // in that role, else nobody (not just anyone); "the
                        // spokesman added": the unnamed one who spoke last.
                        named_role_holder(&role_name(what, rules), &roles, &recent, rules).or_else(
                            || {
                                // The role alone: "the party's spokesman" is another.
                                let alone = [format!("the {what}"), format!("The {what}")]
                                    .iter()
                                    .any(|t| s.text.contains(t.as_str()));
                                last_speaker.clone().filter(|sp| {
                                    alone
                                        && is_unnamed_speaker(rules, what)
                                        && sp.rsplit(' ').next() == Some(what)
                                })
                            },
                        )
                    } else {
                        source_named(what, &sents[..n])
                    }
                }
                raw => resolve(&raw, &names, &context, rules)
                    .map(|sp| acronyms.get(&sp).cloned().unwrap_or(sp)),
            });
            let ev = story.evidence(doc, s.index);
            let starts_with_quote = inside || s.text.starts_with(OPENING);
            let mut outside = outside_quotes(s.text, &spans);
            let dl = crate::ingest::dateline_len(&outside);
            outside.replace_range(..dl, &" ".repeat(dl));
            let named = people.mentions(&outside);
            // "Marco Rubio issued a statement expressing alarm: “We condemn
            // …”": speech after a colon is the subject's.
            let after_colon = spans.first().is_some_and(|sp| {
                s.text[..sp.start]
                    .trim_end_matches(OPENING)
                    .trim_end()
                    .ends_with(':')
            });
            let speaker = match verb_speaker.clone() {
                Some(Some(sp)) => Some(sp),
                Some(None) => None,
                None if starts_with_quote => open_idx
                    .map(|i| out[i].speaker.clone())
                    .filter(|sp| !sp.is_empty())
                    .or(context.clone()),
                None if after_colon => {
                    first_person(&outside, &named, &names, rules).map(|p| names[p].clone())
                }
                None => None,
            };
            let mut still_open = None;
            for (k, span) in spans.iter().enumerate() {
                let text = clean(&s.text[span.start..span.end]);
                // A quote left open in the sentence before goes on here.
                if k == 0
                    && span.start <= first_mark_end(s.text)
                    && let Some(i) = open_idx
                    && speaker
                        .as_ref()
                        .is_none_or(|sp| *sp == out[i].speaker || guessed.contains(&i))
                {
                    if let Some(Some(sp)) = &verb_speaker
                        && guessed.remove(&i)
                    {
                        out[i].speaker = sp.clone();
                    }
                    out[i].text.push(' ');
                    out[i].text.push_str(&text);
                    if !out[i].evidence.contains(&ev) {
                        out[i].evidence.push(ev.clone());
                    }
                    still_open = (!span.closed).then_some((i, span.mark));
                    continue;
                }
                // A quote that runs on into the next sentence may be
                // attributed there.
                let Some(sp) = speaker.clone().or_else(|| (!span.closed).then(String::new)) else {
                    continue;
                };
                // A quote that opens the sentence and runs on past it is
                // speech however short its first sentence ("“Will it be
                // perfect? No. But …,” he said."): a phrase picked out is
                // closed where it stands.
                let runs_on = !span.closed
                    && span.start <= first_mark_end(s.text)
                    && text.split_whitespace().count() >= 2;
                if !runs_on && !is_speech(&text, &s.text[..span.start], rules) {
                    continue;
                }
                if !matches!(verb_speaker, Some(Some(_))) {
                    guessed.insert(out.len());
                }
                out.push(Quote {
                    speaker: sp,
                    text,
                    evidence: vec![ev.clone()],
                });
                still_open = (!span.closed).then_some((out.len() - 1, span.mark));
            }
            open_quote = still_open;
            for &(_, p) in &named {
                recent.retain(|r| *r != names[p]);
                recent.push(names[p].clone());
            }
            // The person named last in the sentence, wherever.
            if let Some(&(_, p)) = named.last() {
                last_named = Some(names[p].clone());
            }
            // With no name as its subject, a sentence is about the person
            // its speech verb names: "“…,” said X, a Green MEP. “…”" goes on
            // with X. Not an organisation: "But the Conservatives say …"
            // leaves the text about the minister it was about; a body's
            // unnamed spokesman is a person.
            if let Some(p) = first_person(&outside, &named, &names, rules) {
                last_person = Some(names[p].clone());
            } else if let Some(Some(sp)) = &verb_speaker
                && (names.contains(sp)
                    || sp
                        .rsplit(' ')
                        .next()
                        .is_some_and(|r| is_unnamed_speaker(rules, r)))
            {
                last_person = Some(sp.clone());
            }
            if let Some(sp) = speaker.or(verb_speaker.flatten()) {
                last_speaker = Some(sp);
            }
        }
        // Speech no sentence attributed is no one's quote.
        let said_here = out.split_off(from);
        out.extend(said_here.into_iter().filter(|q| !q.speaker.is_empty()));
        said.push(from..out.len());
    }
    merge(out)
}

/// Whether quoted words are speech rather than a scare quote or a phrase
/// picked out ("firm but fair", "memorandums of understanding"): five words
/// or more, or a short clause the sentence introduces as one ("they need
/// to “follow the money”", "said that “…”").
fn is_speech(quoted: &str, before: &str, rules: &Rules) -> bool {
    let words = quoted.split_whitespace().count();
    let lead = before.trim_end().trim_end_matches(OPENING).trim_end();
    let purpose = rules
        .purpose_frames
        .iter()
        .any(|f| ends_with_phrase(lead, f));
    let to = lead.ends_with(" to") && !purpose;
    let last_word = lead.rsplit(char::is_whitespace).next().unwrap_or(lead);
    if rules.quote_determiners.iter().any(|d| d == last_word) {
        return false;
    }
    // A title is capitalised: "a poll campaign “which is upbeat …”" is speech.
    let framed = lead.trim_end_matches(',').to_lowercase();
    let capitalised = quoted
        .trim_start_matches(OPENING)
        .starts_with(char::is_uppercase);
    if capitalised
        && rules
            .title_frames
            .iter()
            .any(|f| framed == *f || ends_with_phrase(&framed, f))
    {
        return false;
    }
    // Speech in lower case carries on a sentence that introduced it ("he
    // said “people will be amazed”", "telling the BBC “there is …”"); after
    // any other words it is a fragment of the narration: "the reforms were
    // “designed to essentially say …”", "a responsibility to “unite our
    // country”".
    let lower = quoted
        .trim_start_matches(OPENING)
        .starts_with(char::is_lowercase);
    if lower && !introduces_speech(lead, rules) {
        return false;
    }
    if words >= 3 && (to || lead.ends_with(" that") || lead.ends_with(':')) {
        return true;
    }
    // A phrase picked out mid-sentence starts in lower case and has no verb
    // that would make it a clause (rules/speech.toml `clause_words`).
    let phrase = quoted
        .trim_start_matches(OPENING)
        .starts_with(|c: char| c.is_lowercase())
        && !quoted
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .any(|w| rules.clause_words.iter().any(|c| c == &w.replace('’', "'")));
    words >= 5 && !phrase
}

/// Whether the words before a quote introduce speech: they end with a
/// colon, a comma or one of `speech_introducers`, or a speech verb stands
/// among their last `speech_verb_window` words (rules/speech.toml).
fn introduces_speech(lead: &str, rules: &Rules) -> bool {
    if lead.ends_with([':', ',']) {
        return true;
    }
    let mut words = lead.split_whitespace().rev().take(rules.speech_verb_window);
    let last = words.next().unwrap_or("");
    rules.speech_introducers.iter().any(|w| w == last)
        || std::iter::once(last).chain(words).any(|w| {
            rules
                .speech_words
                .contains(w.trim_matches(|c: char| !c.is_alphanumeric()))
        })
}

/// Whether `text` ends with the words of `phrase`, after a space: "the
/// move is designed to" ends with "designed to", "redesigned to" does not.
fn ends_with_phrase(text: &str, phrase: &str) -> bool {
    text.strip_suffix(phrase)
        .is_some_and(|before| before.ends_with(' '))
}

/// Where the text proper starts: after an opening quote mark, if any.
fn first_mark_end(text: &str) -> usize {
    text.chars()
        .next()
        .filter(|c| OPENING.contains(c))
        .map_or(0, char::len_utf8)
}

/// The sentence with its quoted spans blanked.
fn outside_quotes(text: &str, spans: &[Span]) -> String {
    let mut out = text.to_string();
    for sp in spans.iter().rev() {
        out.replace_range(sp.start..sp.end, &" ".repeat(sp.end - sp.start));
    }
    out
}

/// How many bytes of `text` are a determiner and up to two lower-case
/// words before a capitalised one ("an angry Diaz"); else 0. A word that
/// links two nouns ends it: in "The wife of Sanchez" the subject is the
/// wife (`subject_determiners`, `subject_links` in rules/speech.toml).
fn described_subject(text: &str, rules: &Rules) -> usize {
    let one_of =
        |list: &[String], w: &str| list.iter().any(|d| d.eq_ignore_ascii_case(w.trim_end()));
    let mut words = text.split_inclusive(char::is_whitespace);
    let Some(first) = words.next() else {
        return 0;
    };
    if !one_of(&rules.subject_determiners, first) {
        return 0;
    }
    let mut at = first.len();
    for (n, w) in words.enumerate().take(3) {
        let c = w.chars().next();
        if c.is_some_and(char::is_uppercase) {
            return if n == 0 { 0 } else { at };
        }
        if !c.is_some_and(char::is_lowercase) || one_of(&rules.subject_links, w) {
            return 0;
        }
        at += w.len();
    }
    0
}

/// The person a sentence is about: the last name met before its first
/// lower-case word that is not part of a role ("Fostering Network executive
/// director Robert Tapsfield criticised …" → Robert Tapsfield; "Ms Meloni
/// said" → Giorgia Meloni), else the first name it mentions. `named` is
/// what [`People::mentions`] found in `text`; returns an index into it.
fn first_person(
    text: &str,
    named: &[(usize, usize)],
    names: &[String],
    rules: &Rules,
) -> Option<usize> {
    if named.is_empty() {
        return None;
    }
    // A clause before the subject: "Speaking in Leeds, Ms Reeves said".
    let from = match text.split_once(", ") {
        Some((head, _))
            if head
                .split_whitespace()
                .next()
                .is_some_and(|w| rules.openers.iter().any(|o| o == w)) =>
        {
            head.len() + 2
        }
        _ => 0,
    };
    // "an angry Diaz accused …", "the embattled Sanchez": a determiner and
    // an adjective or two open the subject.
    let from = from + described_subject(&text[from..], rules);
    // Where the subject ends: the first lower-case word that is no role.
    let mut stop = text.len();
    let mut pos = from;
    for w in text[from..].split_inclusive(char::is_whitespace) {
        let word = w.trim().trim_matches(|c: char| !c.is_alphanumeric());
        let lower = word.chars().next().is_some_and(char::is_lowercase);
        if lower
            && !rules.role_words.iter().any(|r| r == word)
            && !matches!(word, "of" | "for" | "and" | "s")
        {
            stop = pos;
            break;
        }
        pos += w.len();
    }
    let subject = named
        .iter()
        .rev()
        .find(|(at, _)| (from..stop).contains(at))
        .map(|&(_, n)| n);
    // An office read as a name ("Special Adviser") gives way to the person
    // named after it.
    match subject {
        Some(n) if !is_office(&names[n], rules) => Some(n),
        _ => appositive_subject(text, named).or(subject),
    }
}

/// A word of a role or office ("Minister", "PM", "President"), or an
/// alias of one.
fn is_role_word(rules: &Rules, word: &str) -> bool {
    rules.roles.iter().any(|r| r == word) || rules.role_aliases.contains_key(word)
}

/// A role word as running text may write it: "minister" is "Minister".
fn is_role_word_any_case(rules: &Rules, word: &str) -> bool {
    is_role_word(rules, &capitalize_first(word))
}

/// "Special Adviser", "Cabinet Secretary": a run of capitals read as a
/// name that is an office, its last word both a role and a role word (so
/// "Jeremy Hunt" and "Damian Green" stay names).
fn is_office(name: &str, rules: &Rules) -> bool {
    name.rsplit(' ').next().is_some_and(|last| {
        rules.roles.iter().any(|r| r == last)
            && rules
                .role_words
                .iter()
                .any(|r| r.eq_ignore_ascii_case(last))
    })
}

/// A subject named after its office, between commas: "Special Adviser to
/// the President on Senate matters, Senator Basheer Lado, made this
/// assertion": the first name alone in a clause of capitalised words, with
/// a lower-case word (its verb) after the comma that closes it.
fn appositive_subject(text: &str, named: &[(usize, usize)]) -> Option<usize> {
    named.iter().find_map(|&(at, n)| {
        let start = text[..at].rfind(", ")? + 2;
        let (clause, after) = text[start..].split_once(',')?;
        let capitalised = clause
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase));
        let verb_after = after
            .split_whitespace()
            .next()
            .is_some_and(|w| w.starts_with(char::is_lowercase));
        (capitalised && verb_after && start + clause.len() > at).then_some(n)
    })
}

/// The story's people, found in a sentence in one pass: by full name or
/// by surname ("Mr Starmer", "Starmer unveiled"). One automaton per story
/// instead of a substring search per name and sentence, which was a fifth
/// of a build's time.
struct People {
    finder: Option<AhoCorasick>,
    /// For each pattern: the names it stands for, and whether it is their
    /// surname (which must be a whole word) rather than the full name.
    stands_for: Vec<Vec<(usize, bool)>>,
}

impl People {
    fn new(names: &[String]) -> People {
        let mut patterns: Vec<&str> = Vec::new();
        let mut stands_for: Vec<Vec<(usize, bool)>> = Vec::new();
        for (i, n) in names.iter().enumerate() {
            let surname = n.rsplit(' ').next().unwrap_or(n);
            // "the JCWI": an acronym is an organisation, not a surname.
            let bare = surname.chars().any(char::is_lowercase);
            for (pattern, who) in [(n.as_str(), (i, false)), (surname, (i, true))] {
                if who.1 && !bare {
                    continue;
                }
                match patterns.iter().position(|p| *p == pattern) {
                    Some(k) => stands_for[k].push(who),
                    None => {
                        patterns.push(pattern);
                        stands_for.push(vec![who]);
                    }
                }
            }
        }
        let finder = (!patterns.is_empty())
            .then(|| AhoCorasick::new(&patterns).ok())
            .flatten();
        People { finder, stands_for }
    }

    /// Where the people are named in `text`: (byte offset, index into the
    /// story's names), by offset, then name.
    fn mentions(&self, text: &str) -> Vec<(usize, usize)> {
        let Some(finder) = &self.finder else {
            return Vec::new();
        };
        let word_at = |m: &aho_corasick::Match| {
            text[..m.start()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
                && text[m.end()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        };
        let mut out: Vec<(usize, usize)> = Vec::new();
        for m in finder.find_overlapping_iter(text) {
            for &(name, surname) in &self.stands_for[m.pattern().as_usize()] {
                if !surname || word_at(&m) {
                    out.push((m.start(), name));
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Where the people are named in full in `text`: (byte offset, index
    /// into the story's names), by name, then offset.
    fn full_names(&self, text: &str) -> Vec<(usize, usize)> {
        let Some(finder) = &self.finder else {
            return Vec::new();
        };
        let mut out: Vec<(usize, usize)> = finder
            .find_overlapping_iter(text)
            .flat_map(|m| {
                self.stands_for[m.pattern().as_usize()]
                    .iter()
                    .filter(|(_, surname)| !surname)
                    .map(move |&(name, _)| (name, m.start()))
            })
            .collect();
        out.sort_unstable();
        out.into_iter().map(|(name, at)| (at, name)).collect()
    }
}

/// The same words by the same speaker in several articles are one quote.
fn merge(quotes: Vec<Quote>) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    for q in quotes {
        let key = norm(&q.text);
        match out.iter_mut().find(|o| {
            o.speaker == q.speaker && {
                let k = norm(&o.text);
                // Bytes, not str slices: 60 bytes may end inside "ł".
                let n = k.len().min(key.len()).min(60);
                n > 0 && k.as_bytes()[..n] == key.as_bytes()[..n]
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

/// Quoted spans: “…”, "…", ‘…’ and '…' (single marks only where they
/// cannot be apostrophes, see [`single_opens`] and [`single_closes`]). An
/// unclosed quote runs to the end, but for a straight ' opened mid-sentence,
/// which is dropped ("in the '90s"). `inside`: the mark of a quote opened
/// in a sentence before, still open (a quote mark opening the sentence then
/// reopens it, BBC style).
fn quote_spans(text: &str, inside: Option<char>) -> Vec<Span> {
    let mut out = Vec::new();
    let first = first_mark_end(text);
    let mut open: Option<(usize, char)> = inside.map(|m| (first, m));
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        if inside.is_some() && i == 0 && first > 0 {
            prev = Some(c);
            continue;
        }
        match open {
            None => {
                let opens = match c {
                    '“' | '"' => true,
                    '‘' => prev.is_none_or(|p| p.is_whitespace() || p == '('),
                    '\'' => single_opens(text, i),
                    _ => false,
                };
                if opens {
                    open = Some((i + c.len_utf8(), c));
                }
            }
            Some((start, o)) => {
                let closes = match (o, c) {
                    ('“', '”') | ('"', '"') | ('“', '"') => true,
                    ('‘' | '\'', '’' | '\'') => single_closes(text, i),
                    _ => false,
                };
                if closes {
                    out.push(Span {
                        start,
                        end: i,
                        closed: true,
                        mark: o,
                    });
                    open = None;
                }
            }
        }
        prev = Some(c);
    }
    if let Some((start, mark)) = open
        && start < text.len()
        && (mark != '\''
            || start == first
            || inside.is_some()
            || text[..start - 1].trim_end().ends_with(':'))
    {
        out.push(Span {
            start,
            end: text.len(),
            closed: false,
            mark,
        });
    }
    out
}

/// A straight ' opens a quote at the start of a sentence or after a space
/// or bracket, before a letter or digit: not in "don't", "Britain's".
fn single_opens(text: &str, i: usize) -> bool {
    let prev = text[..i].chars().next_back();
    let next = text[i + 1..].chars().next();
    prev.is_none_or(|p| p.is_whitespace() || p == '(')
        && next.is_some_and(|n| n.is_alphanumeric() || n == '…')
}

/// A single closing mark (’ or ') at `i` ends a quote unless it is an
/// apostrophe: a letter follows ("don’t"), or it follows an s and a word
/// goes on after it ("the Starmers’ plan").
fn single_closes(text: &str, i: usize) -> bool {
    let c_len = text[i..].chars().next().map_or(1, char::len_utf8);
    let prev = text[..i].chars().next_back();
    let next = text[i + c_len..].chars().next();
    if next.is_some_and(char::is_alphanumeric) {
        return false;
    }
    let plural_possessive = prev == Some('s')
        && next.is_some_and(char::is_whitespace)
        && text[i + c_len..]
            .trim_start()
            .starts_with(|c: char| c.is_alphanumeric() && !c.is_uppercase());
    !plural_possessive
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
        if rules.speech_words.contains(word) && !inside(pos) {
            verbs.push((pos, pos + word.len()));
        }
        pos += w.len();
    }
    // Verbs of more than one word ("went on") and sources ("according to").
    for v in rules
        .speech_verbs
        .iter()
        .filter(|v| v.contains(' '))
        .chain(&rules.source_phrases)
    {
        for (at, _) in text.match_indices(v.as_str()) {
            let end = at + v.len();
            let bounded = text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
                && text[end..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
            if bounded && !inside(at) {
                verbs.push((at, end));
            }
        }
    }
    if verbs.is_empty() {
        return None;
    }
    verbs.sort_unstable();
    // "David Frost, director general of X, warned …": the name opens the sentence.
    for &(vs, ve) in &verbs {
        if rules.source_phrases.iter().any(|v| *v == text[vs..ve]) {
            // Only right after the quote: "“…,” according to the statement".
            // Further on it sources the report ("will attempt to “follow
            // the money” as …, according to The Mirror").
            let right_after = spans.iter().any(|sp| {
                sp.closed
                    && sp.end <= vs
                    && text[sp.end..vs]
                        .chars()
                        .all(|c| matches!(c, '”' | '"' | '’' | '\'' | ',') || c.is_whitespace())
            });
            if right_after && let Some(name) = source_after(&text[ve..], rules) {
                return Some(Some(name));
            }
            continue;
        }
        let before = &text[..vs];
        // "X defended the decision, stating: “…”": a participle's speaker
        // is the subject that opens the sentence, read as a name after a
        // verb is, not the last name before it ("in an interview with The
        // Guardian, saying").
        if text[vs..ve].ends_with("ing")
            && before.trim_end().ends_with(',')
            && let Some(name) = name_after(text, rules)
        {
            return Some(Some(name));
        }
        if let Some(name) = name_before(before, rules) {
            return Some(Some(name));
        }
        if rules.inverted_verbs.iter().any(|v| *v == text[vs..ve])
            && let Some(name) = name_after(&text[ve..], rules)
        {
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
/// "Italian PM Giorgia Meloni said", "she added", "Theresa May, said",
/// and past an apposition: "David Frost, director general of the British
/// Chambers of Commerce, warned" → David Frost.
fn name_before(before: &str, rules: &Rules) -> Option<String> {
    // The clause the verb belongs to: after the last quote mark or colon.
    let clause = before
        .rsplit(['“', '”', '"', ':', ';'])
        .next()
        .unwrap_or(before);
    let mut t = clause.trim_end();
    // Skip adverbs and auxiliaries: "also said", "has also said", "will
    // say", and a passive before "as saying": "was quoted by her office as".
    loop {
        if let Some(rest) = t.strip_suffix(" as")
            && let Some(at) = rules
                .quoted_as
                .iter()
                .filter_map(|q| rest.rfind(&format!(" {q}")))
                .max()
        {
            t = rest[..at].trim_end();
            continue;
        }
        match t.rsplit_once(' ') {
            Some((rest, last))
                if last.ends_with("ly") || rules.auxiliaries.iter().any(|a| a == last) =>
            {
                t = rest.trim_end();
            }
            _ => break,
        }
    }
    // Asides in brackets are no part of a name and may hold commas: "Friedrich
    // Merz (CDU) said", "Christine Schneider (EPP, DE) said".
    let t = without_asides(t);
    let segments: Vec<&str> = t
        .split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .collect();
    for (k, seg) in segments.iter().enumerate().rev() {
        let words: Vec<&str> = seg.split_whitespace().collect();
        let Some(&last) = words.last() else { continue };
        if k + 1 == segments.len() && rules.pronouns.iter().any(|p| p == last) {
            return Some(last.to_string());
        }
        if k + 1 == segments.len()
            && let Some(speaker) = unnamed_speaker(&words, rules)
        {
            return Some(speaker);
        }
        // "…,” the minister stressed", "the Chilean president said": whoever
        // holds the role (a word between them qualifies it). After a name it
        // is the name's apposition: "Tony Hunter, the organisation's
        // president, said".
        let after_name = k > 0
            && segments[k - 1]
                .split_whitespace()
                .last()
                .is_some_and(entities::is_capitalized);
        let role_len = words
            .iter()
            .rev()
            .take_while(|w| w.starts_with(char::is_lowercase) && is_role_word_any_case(rules, w))
            .count();
        let before_role = &words[..words.len() - role_len];
        if k + 1 == segments.len()
            && !after_name
            && role_len > 0
            && before_role[before_role.len().saturating_sub(2)..].contains(&"the")
        {
            return Some(format!("the {}", words[words.len() - role_len..].join(" ")));
        }
        let mut run: Vec<&str> = Vec::new();
        for (i, w) in words.iter().enumerate().rev() {
            let w = w.trim_matches(|c: char| c == '(' || c == ')');
            // "Ursula von der Leyen": particles after a given name (after
            // "Mr" the surname alone is found, as before).
            let inside = !run.is_empty()
                && is_particle(rules, w)
                && words[..i]
                    .iter()
                    .rev()
                    .find(|w| !is_particle(rules, w))
                    .is_some_and(|g| {
                        entities::is_capitalized(g) && !rules.surname_titles.iter().any(|t| t == g)
                    });
            if entities::is_capitalized(w) || inside {
                run.push(w);
            } else {
                break;
            }
        }
        run.reverse();
        // A body named as the subject ("in a press release the Ministry of
        // Interior also said") speaks for itself; one after a role ("head
        // of the Department of Health") is the apposition of a person.
        if let Some(body) = body_before(&words, run.len(), rules) {
            return Some(body);
        }
        let word_before_run = words.len().checked_sub(run.len() + 1).map(|i| words[i]);
        // "…,” the President said.": whoever holds the role.
        let joined = run.join(" ");
        if word_before_run == Some("the")
            && !run.is_empty()
            && run.iter().all(|w| is_role_word(rules, w))
            && is_office(&joined, rules)
            && rules.actors.find(&joined).next().is_none()
        {
            return Some(format!("the {joined}"));
        }
        // An apposition ("director general of X", "Labour MP for West Ham"):
        // the name is in the segment before it.
        // So is a role of an organisation ("Ofcom's Chief Executive"): a
        // possessive, or a role as its last word.
        let is_role = |w: &&str| rules.roles.iter().any(|r| r == w);
        // A name behind its role is no apposition: "Parliament's
        // rapporteur Christine Schneider"; a role is ("Nadine Dorries,
        // former Culture Secretary, said").
        let behind_role = run.len() >= 2
            && !run.last().is_some_and(is_role)
            && word_before_run
                .is_some_and(|w| w != "the" && rules.role_words.iter().any(|r| r == w));
        let apposition = !behind_role
            && (words
                .iter()
                .any(|w| w.chars().next().is_some_and(char::is_lowercase) && !run.contains(w))
                || words
                    .first()
                    .is_some_and(|w| is_role(w) && run.len() < words.len())
                || words.iter().any(|w| w.ends_with("'s") || w.ends_with("’s"))
                || words.last().is_some_and(is_role));
        if apposition && k > 0 {
            continue;
        }
        return speaker_from_run(&run, rules);
    }
    None
}

/// "a Home Office spokesman" ending `words`: the role of a body, unnamed,
/// speaks as "Home Office spokesman". Only after "a" or "an": "the
/// spokesman" is someone the story named (see `role_holder`).
///
/// The body is a name ("Home Office", "Department for Transport") or one
/// word in lower case ("a government spokesman"): "In a statement the
/// spokesman said" names no body.
fn unnamed_speaker(words: &[&str], rules: &Rules) -> Option<String> {
    let (&role, rest) = words.split_last()?;
    if !is_unnamed_speaker(rules, role) {
        return None;
    }
    let det = rest
        .iter()
        .rposition(|w| matches!(*w, "a" | "an" | "A" | "An"))?;
    let body = &rest[det + 1..];
    let named = body.first().is_some_and(|w| entities::is_capitalized(w))
        && body
            .iter()
            .all(|w| entities::is_capitalized(w) || matches!(*w, "of" | "for" | "and"));
    let one_word = body.len() == 1 && body[0].chars().all(char::is_lowercase);
    (body.len() <= 4 && (named || one_word))
        .then(|| capitalize_first(&format!("{} {role}", body.join(" "))))
}

/// Whether `word` is a role that speaks for a body unnamed ("spokesman").
fn is_unnamed_speaker(rules: &Rules, word: &str) -> bool {
    rules.unnamed_speakers.iter().any(|r| r == word)
}

/// "the Ministry of Interior" ending `words`, whose last `run` words are
/// capitalised: a body's own word ("Ministry", "Department"), "of" or
/// "for", the run; after "the", and not the complement of a role ("head
/// of the Department of Health").
fn body_before(words: &[&str], run: usize, rules: &Rules) -> Option<String> {
    let first = words.len().checked_sub(run)?;
    let joint = first.checked_sub(1)?;
    if run == 0 || !matches!(words[joint], "of" | "for") {
        return None;
    }
    let mut start = joint;
    while start > 0 && entities::is_capitalized(words[start - 1]) {
        start -= 1;
    }
    let own_word = start < joint && rules.not_names.iter().any(|n| n == words[joint - 1]);
    let the = start.checked_sub(1).is_some_and(|i| words[i] == "the");
    let complement = start
        .checked_sub(2)
        .is_some_and(|i| matches!(words[i], "of" | "for" | "at" | "to" | "with" | "from"));
    (own_word && the && !complement).then(|| words[start..].join(" "))
}

/// `text` without its short bracketed asides (at most 40 bytes each).
fn without_asides(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        match rest[open..].find(')') {
            Some(len) if len < 40 => {
                out.push_str(&rest[..open]);
                rest = &rest[open + len + 1..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

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
        .or_else(|| {
            run.iter()
                .rposition(|w| rules.openers.iter().any(|o| o == *w))
                .map(|i| i + 1)
        })
        .unwrap_or(0);
    let definite = from > 0 && run[from - 1] == "The";
    let run = &run[from.min(run.len())..];
    let is_role = |w: &&str| is_role_word(rules, w);
    // "The PM will say": whoever holds the role (see `role_holder`).
    if definite && !run.is_empty() && run.iter().all(is_role) {
        return Some(format!("the {}", run.join(" ")));
    }
    if run.last().is_some_and(is_role) {
        return None; // "the Rome-born PM": a role, not a name
    }
    person_name(run, rules)
}

/// The source after "according to": a name or actor, else a thing in
/// lower case as "the statement", for [`source_named`] to look up.
fn source_after(after: &str, rules: &Rules) -> Option<String> {
    if let Some(name) = name_after(after, rules) {
        return Some(name);
    }
    let mut words = after.split_whitespace();
    let first = words.next()?;
    let noun = if first == "the" { words.next()? } else { first };
    let noun = noun.trim_end_matches(|c: char| !c.is_alphanumeric());
    (first == "the" && noun.chars().all(char::is_lowercase) && !noun.is_empty())
        .then(|| format!("the {noun}"))
}

/// "the statement" → who made it, as the story introduced it earlier: "a
/// statement by the Council of the EU" → "Council of the EU statement".
fn source_named(noun: &str, earlier: &[super::Sent]) -> Option<String> {
    earlier.iter().rev().find_map(|s| {
        ["by", "from"].iter().find_map(|p| {
            let key = format!("{noun} {p} ");
            let at = s.text.find(&key)? + key.len();
            let rest = s.text[at..].strip_prefix("the ").unwrap_or(&s.text[at..]);
            let mut name: Vec<&str> = Vec::new();
            for w in rest.split_whitespace() {
                let clean = w.trim_end_matches(|c: char| !c.is_alphanumeric());
                if entities::is_capitalized(clean) || matches!(clean, "of" | "the" | "for" | "and")
                {
                    name.push(clean);
                    if clean.len() != w.len() {
                        break;
                    }
                } else {
                    break;
                }
            }
            while name.last().is_some_and(|w| !entities::is_capitalized(w)) {
                name.pop();
            }
            (!name.is_empty()).then(|| format!("{} {noun}", name.join(" ")))
        })
    })
}

/// "said Mr Starmer", "said the Home Secretary, Yvette Cooper", "said
/// director Kate Allen".
fn name_after(after: &str, rules: &Rules) -> Option<String> {
    // "announced the British government on Thursday"
    let bare = after.trim_start();
    let bare = bare.strip_prefix("the ").unwrap_or(bare);
    if let Some((0, end, actor)) = rules.actors.find(bare).next()
        && !bare[end..]
            .split_whitespace()
            .next()
            .is_some_and(entities::is_capitalized)
    {
        return Some(actor.to_string());
    }
    let words: Vec<&str> = after.split_whitespace().take(8).collect();
    let mut run = Vec::new();
    let mut skipped = 0;
    let is_role = |w: &&str| rules.roles.iter().any(|r| r == w);
    for w in words {
        let clean = w.trim_end_matches([',', '.', ':', ';']);
        if entities::is_capitalized(clean) || (!run.is_empty() && is_particle(rules, clean)) {
            run.push(clean);
            if clean.len() != w.len() {
                break;
            }
        } else if skipped < 4 && rules.role_words.iter().any(|r| r == clean) {
            // "the", "director", "home affairs spokesman"; after an
            // organisation, its role ("Universities Australia chair David
            // Lloyd"): the name is still to come.
            run.clear();
            skipped += 1;
        } else if matches!(clean, "and" | "of" | "for")
            && !run.is_empty()
            && run.iter().all(is_role)
        {
            // "Vice Chancellor and Finance Minister Lars Klingbeil",
            // "Minister of the Interior Mari Rantanen"
            run.clear();
        } else {
            break;
        }
    }
    while run.last().is_some_and(|w| is_particle(rules, w)) {
        run.pop();
    }
    speaker_from_run(&run, rules)
}

/// "von", "der", "da": a lower-case word that may stand inside a name.
fn is_particle(rules: &Rules, word: &str) -> bool {
    rules.name_particles.iter().any(|p| p == word)
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
    // Letters after a name: "Guy Mansfield QC".
    let mut end = run.len();
    while end > start && rules.postnominals.iter().any(|p| p == run[end - 1]) {
        end -= 1;
    }
    let mut name = &run[start..end];
    // A role inside the run ends a portfolio the role words do not know:
    // "Climate Change Minister Chris Bowen", "Labour MP Diane Abbott".
    if let Some(k) = name.iter().rposition(|w| is_role(w) && !is_title(w))
        && k + 1 < name.len()
    {
        name = &name[k + 1..];
    }
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
        let words: Vec<&str> = s.text[crate::ingest::dateline_len(s.text)..]
            .split_whitespace()
            .collect();
        let mut i = 0;
        while i < words.len() {
            let mut j = i;
            let mut run = Vec::new();
            while j < words.len() {
                // "Friedrich Merz (CDU)": the party is no part of the name.
                if !run.is_empty() && words[j].starts_with('(') {
                    break;
                }
                let w = words[j].trim_end_matches([',', '.', ':', ';', '”', '"', ')', '’', '\'']);
                let w = w.trim_start_matches(['“', '"', '(']);
                let w = w
                    .strip_suffix("'s")
                    .or_else(|| w.strip_suffix("’s"))
                    .unwrap_or(w);
                // "Ursula von der Leyen": particles between capitalised words.
                let particle = !run.is_empty()
                    && is_particle(rules, w)
                    && words[j + 1..]
                        .iter()
                        .find(|n| !is_particle(rules, n))
                        .is_some_and(|n| entities::is_capitalized(n));
                if !particle && (!entities::is_capitalized(w) || w.len() < 2) {
                    break;
                }
                run.push(w);
                let ends = words[j].len() != w.len();
                j += 1;
                if ends {
                    break;
                }
            }
            // "In England", "On Wednesday": a clause opener is no part of a name.
            while run
                .first()
                .is_some_and(|w| rules.openers.iter().any(|o| o == *w))
            {
                run.remove(0);
            }
            // "Berlin", "New York": a place is no one's name; "Scotland
            // Secretary Ian Murray" is Ian Murray.
            let place = |name: &String| rules.places.find(name).next().is_some();
            if let Some(name) = person_name(&run, rules).filter(|n| !place(n)) {
                let mut parts: Vec<&str> = name.split(' ').collect();
                // "Lord Falconer" is how a peer is named; "Mr Straw" is a short form.
                let peer = parts.len() == 2 && rules.peer_titles.iter().any(|t| t == parts[0]);
                // "Sir Keir Starmer", "Dr John Reid": a full name behind its
                // title, which some stories never write without it.
                // "Datuk Seri Saifuddin Nasution Ismail": every title.
                while !peer && parts.len() >= 3 && is_title(rules, parts[0]) {
                    parts.remove(0);
                }
                let name = parts.join(" ");
                let titled = !peer && parts.iter().any(|p| is_title(rules, p));
                // "Organised Immigration Crime", "Border Security Command": a
                // role word inside a run makes it a thing, not a person.
                let organisation = parts.iter().any(|p| rules.not_names.iter().any(|n| n == p));
                let core = parts.iter().filter(|p| !is_particle(rules, p)).count();
                if (2..=3).contains(&core)
                    && !titled
                    && !organisation
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

/// The short forms the story spells out: "the Asylum Seekers Resource
/// Centre (ASRC)" → ("ASRC", "Asylum Seekers Resource Centre"), so "the
/// ASRC said" names the centre. The capitals must be the initials of the
/// name's last capitalised words.
fn story_acronyms(story: &Story, rules: &Rules) -> std::collections::HashMap<String, String> {
    let mut out = std::collections::HashMap::new();
    for s in story.sents.iter().flatten() {
        for (open, _) in s.text.match_indices('(') {
            let Some(len) = s.text[open + 1..].find(')') else {
                continue;
            };
            let short = &s.text[open + 1..open + 1 + len];
            if !(2..=8).contains(&short.len()) || !short.chars().all(|c| c.is_ascii_uppercase()) {
                continue;
            }
            // Walk back over the words before the bracket, one capitalised
            // word per letter; a name's linking words (`[names] connectors`:
            // "of", "for") may sit between them.
            let words: Vec<&str> = s.text[..open].split_whitespace().collect();
            let mut letters = short.chars().rev().peekable();
            let mut first = words.len();
            for (i, w) in words.iter().enumerate().rev() {
                let Some(&letter) = letters.peek() else { break };
                if w.starts_with(letter) && entities::is_capitalized(w) {
                    letters.next();
                    first = i;
                } else if !rules.connectors.iter().any(|c| c == w) {
                    break;
                }
            }
            if letters.peek().is_none() {
                out.insert(short.to_string(), words[first..].join(" "));
            }
        }
    }
    out
}

/// The role each person of the story is introduced with, in lower case
/// with short forms written out: "Health Secretary Tom Baird" → ("Tom
/// Baird", "health secretary"), "Italian PM Giorgia Meloni" → ("Giorgia
/// Meloni", "italian prime minister").
fn story_roles(
    story: &Story,
    names: &[String],
    people: &People,
    rules: &Rules,
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for s in story.sents.iter().flatten() {
        for (at, n) in people.full_names(s.text) {
            let n = &names[n];
            {
                let mut role: Vec<&str> = Vec::new();
                for w in s.text[..at].split_whitespace().rev() {
                    if is_title(rules, w) && role.is_empty() {
                        continue; // "Prime Minister Sir Keir Starmer"
                    }
                    let lower = w.to_lowercase();
                    let word = rules.roles.iter().any(|r| r == w)
                        || rules.role_aliases.contains_key(w)
                        || (lower == w && w != "the" && rules.role_words.contains(&lower));
                    if !word {
                        break;
                    }
                    role.push(w);
                }
                if !role.is_empty() {
                    role.reverse();
                    let role = role_name(&role.join(" "), rules);
                    if !out.iter().any(|(p, r)| p == n && *r == role) {
                        out.push((n.clone(), role));
                    }
                }
            }
        }
    }
    out
}

/// A role in lower case, short forms written out: "PM" → "prime minister".
fn role_name(role: &str, rules: &Rules) -> String {
    role.split(' ')
        .map(|w| rules.role_aliases.get(w).map_or(w, String::as_str))
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Who "the PM" is: the latest person named who holds the role, else
/// anyone in the story who does, else the latest person named whose role
/// the story does not give (a Prime Minister is often named bare).
fn role_holder(
    role: &str,
    roles: &[(String, String)],
    recent: &[String],
    rules: &Rules,
) -> Option<String> {
    named_role_holder(role, roles, recent, rules).or_else(|| {
        recent
            .iter()
            .rev()
            .find(|n| !roles.iter().any(|(p, _)| p == *n))
            .cloned()
    })
}

/// The latest person named who holds `role`, else anyone in the story who
/// does.
fn named_role_holder(
    role: &str,
    roles: &[(String, String)],
    recent: &[String],
    rules: &Rules,
) -> Option<String> {
    let holds = |n: &String| {
        roles
            .iter()
            .any(|(p, r)| p == n && is_role_of(r, role, rules))
    };
    recent
        .iter()
        .rev()
        .find(|n| holds(n))
        .or_else(|| {
            roles
                .iter()
                .find(|(_, r)| is_role_of(r, role, rules))
                .map(|(p, _)| p)
        })
        .cloned()
}

/// Whether a person's `full` role ("chilean president") is `role`
/// ("president"), not another office ("deputy prime minister" is no
/// "prime minister").
fn is_role_of(full: &str, role: &str, rules: &Rules) -> bool {
    full.strip_suffix(role).is_some_and(|before| {
        before.is_empty()
            || before.strip_suffix(' ').is_some_and(|b| {
                !b.rsplit(' ')
                    .next()
                    .is_some_and(|q| rules.role_qualifiers.iter().any(|x| x == q))
            })
    })
}

/// An honorific: "Sir", "Ms".
fn is_title(rules: &Rules, word: &str) -> bool {
    rules
        .given_name_titles
        .iter()
        .chain(&rules.surname_titles)
        .any(|t| t == word)
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
    let given_title = |w: &&str| rules.given_name_titles.iter().any(|t| t == w);
    let titles = parts.iter().take_while(|w| given_title(w)).count();
    if titles > 0 && titles < parts.len() {
        let given = parts[titles];
        if parts.len() == titles + 1
            && let Some(full) = names.iter().find(|n| n.split(' ').next() == Some(given))
        {
            return Some(full.clone());
        }
        return Some(parts[titles..].join(" "));
    }
    let rest: Vec<&str> = if rules.surname_titles.iter().any(|t| t == parts[0]) {
        parts[1..].to_vec()
    } else {
        parts
    };
    let titled = rest.len() < raw.split(' ').count();
    // The one name of the story that begins with these words: "Phumtham"
    // (a given name, as Thai and Malay names are short-formed) or
    // "Saifuddin Nasution" for Saifuddin Nasution Ismail.
    let only_name_starting = || {
        let mut longer = names.iter().filter(|n| {
            let words: Vec<&str> = n.split(' ').collect();
            words.len() > rest.len() && words[..rest.len()] == rest[..] && !is_office(n, rules)
        });
        longer.next().filter(|_| longer.next().is_none())
    };
    if rest.len() == 1 {
        let surname = rest[0];
        if let Some(full) = names.iter().find(|n| n.rsplit(' ').next() == Some(surname)) {
            return Some(full.clone());
        }
        if !titled && let Some(full) = only_name_starting() {
            return Some(full.clone());
        }
    } else if !rest.is_empty()
        && let Some(full) = only_name_starting()
    {
        return Some(full.clone());
    }
    Some(rest.join(" ")).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use crate::extract::{Story, rules::Rules, testing::docs};

    fn quotes(body: &str) -> Vec<(String, String)> {
        let d = docs(&[body], None);
        let story = Story::new(d.iter().collect());
        super::extract(&story, Rules::builtin())
            .into_iter()
            .map(|q| (q.speaker, q.text))
            .collect()
    }

    #[test]
    fn a_bodys_unnamed_spokesman_speaks_and_goes_on_speaking() {
        let q = quotes(
            "Talks were held with Prime Minister Najib Mikati in Beirut.\n\
             \"No one wants the refugees to be able to come home more than us,\" a commission \
             spokesman said. \"What is important for us is that these people can return.\"\n\
             A Home Office spokesman said: \"We keep all guidance under constant review.\"\n\
             \"He did once attend a meeting of the group,\" the spokesman added.",
        );
        let speakers: Vec<&str> = q.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            speakers,
            [
                "Commission spokesman",
                "Commission spokesman",
                "Home Office spokesman",
                "Home Office spokesman"
            ],
            "{q:#?}"
        );
        // No body named; another's spokesman.
        let q = quotes(
            "In a statement the spokesman said: \"We keep all guidance under review.\"\n\
             A Home Office spokesman said: \"We keep all guidance under constant review.\"\n\
             \"We will vote against it,\" the party's spokesman added.",
        );
        assert!(
            q.iter()
                .all(|(s, _)| !s.starts_with("Statement") && !s.contains("party")),
            "{q:#?}"
        );
        assert_eq!(
            q.iter()
                .filter(|(s, _)| s == "Home Office spokesman")
                .count(),
            1,
            "{q:#?}"
        );
    }

    #[test]
    fn verbs_of_emphasis_attribute_speech_in_either_order() {
        let q = quotes(
            "Prime Minister Anna Berg opened the debate. The interior minister, Lars Holm, \
             spoke next. “This sends a clear message to the smugglers,” Berg further \
             underlined. “We will not back down,” observed Ms Berg. “It was a long night,” \
             a tired Mr Holm confided.",
        );
        let speakers: Vec<&str> = q.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(speakers, ["Anna Berg", "Anna Berg", "Lars Holm"], "{q:?}");
    }

    #[test]
    fn a_copy_of_a_text_cites_its_quotes_in_every_copy() {
        let printed = "Yvette Cooper said: “We will go after the gangs wherever they operate.”";
        let other =
            "Officials met in Calais. Chris Philp said: “The plan will not stop a single boat.”";
        let d = docs(&[printed, other, printed], None);
        let story = Story::new(d.iter().collect());
        let q = super::extract(&story, Rules::builtin());
        let cited: Vec<(&str, Vec<(&str, usize)>)> = q
            .iter()
            .map(|q| {
                let ev = q.evidence.iter().map(|e| (&*e.article, e.index));
                (q.speaker.as_str(), ev.collect())
            })
            .collect();
        assert_eq!(
            cited,
            [
                ("Yvette Cooper", vec![("a0", 0), ("a2", 0)]),
                ("Chris Philp", vec![("a1", 1)]),
            ]
        );
    }

    #[test]
    fn quotes_in_any_script_merge_without_panicking() {
        let q = |text: &str| super::Quote {
            speaker: "Donald Tusk".to_string(),
            text: text.to_string(),
            evidence: Vec::new(),
        };
        // 59 ASCII bytes, then "ł": byte 60 falls inside it.
        let long = format!("{}łódź", "a".repeat(59));
        let short = format!("{}ź", "a".repeat(59));
        let merged = super::merge(vec![
            q(&long),
            q(&short),
            q("Zupełnie inna wypowiedź premiera"),
        ]);
        // The first two share their opening: one quote, as in any script.
        assert_eq!(merged.len(), 2);
    }

    #[test]
    fn places_are_no_speakers_and_portfolios_end_at_the_role() {
        let q = quotes(
            "In the works for a year, and subject to debate, Prime Minister Anthony Albanese \
             unveiled the target ahead of his trip to New York.\n\n\
             “This is a responsible target supported by science,” he told reporters.\n\n\
             Climate Change Minister Chris Bowen said the target was achievable.\n\n\
             “The global shift to clean energy is the biggest transformation,” he said.",
        );
        let speakers: Vec<&str> = q.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(speakers, ["Anthony Albanese", "Chris Bowen"], "{q:?}");
    }

    #[test]
    fn short_forms_resolve_to_the_full_name() {
        let q = quotes(
            "Prime Minister Keir Starmer met Italian PM Giorgia Meloni.\n\
             In September, Sir Keir said: “We are deepening our cooperation here… to share intelligence.”\n\
             Ms Meloni said at the time: “We agree with the Prime Minister on the first thing to do.” \
             She added that they need to “follow the money”.",
        );
        let speakers: Vec<&str> = q.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            speakers,
            ["Keir Starmer", "Giorgia Meloni", "Giorgia Meloni"],
            "{q:?}"
        );
    }

    #[test]
    fn a_name_keeps_its_particles_and_sheds_its_letters() {
        let q = quotes(
            "\"Europe will defend its borders together,\" said Rafael van der Berg, the \
             commissioner.\n\
             Mr van der Berg added: \"We have a plan and we will carry it out.\"\n\
             \"This tax will hurt every family in the valleys,\" said Sian Gwenllian MS.\n\
             European Commission President, Ursula von der Leyen said: \"We are heading to Samarkand.\"",
        );
        let speakers: Vec<&str> = q.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            speakers,
            [
                "Rafael van der Berg",
                "Rafael van der Berg",
                "Sian Gwenllian",
                "Ursula von der Leyen"
            ],
            "{q:?}"
        );
    }

    #[test]
    fn a_short_form_the_story_spells_out_names_the_speaker() {
        let q = quotes(
            "The Asylum Seekers Resource Centre (ASRC) opposed the bill.\n\
             \"This bill is the next step,\" the ASRC said.",
        );
        assert_eq!(q[0].0, "Asylum Seekers Resource Centre", "{q:?}");
        // Capitals that are not the initials stay as written.
        let q =
            quotes("The centre (ASRC) opposed it.\n\"This bill is the next step,\" the ASRC said.");
        assert_eq!(q[0].0, "ASRC", "{q:?}");
    }

    #[test]
    fn the_name_before_an_apposition_speaks() {
        let q = quotes(
            "David Frost, director general of the British Chambers of Commerce, warned: \
             \"Many small firms could be crippled by the move.\"",
        );
        assert_eq!(q[0].0, "David Frost");
        let q = quotes(
            "\"We believe there should be an investigation into this,\" said director Kate Allen.",
        );
        assert_eq!(q[0].0, "Kate Allen");
        // A role of an organisation is the apposition, not the name.
        let q = quotes(
            "Sarah Jones, the Environment Agency's Chief Executive, commented: \
             \u{201c}Every river in England will be tested by the end of the year.\u{201d}",
        );
        assert_eq!(q[0].0, "Sarah Jones", "{q:?}");
        let q = quotes(
            "Minister for Housing Tom Byrne said: \"We will build more homes than ever before.\"",
        );
        assert_eq!(q[0].0, "Tom Byrne", "{q:?}");
    }

    #[test]
    fn roles_organisations_parties_and_outlets_around_a_name_are_not_the_speaker() {
        let cases = [
            (
                "Transport Secretary Jane Doe defended the plan in an interview with The Times, \
                 saying: \"We will not back down on this.\"",
                "Jane Doe",
            ),
            (
                "\"We have to act on housing now,\" said Deputy Leader and Housing Minister Anna Berg.",
                "Anna Berg",
            ),
            (
                "\"This is a heavy blow for the trade,\" said Hospitality Forum chair Mary Quinn.",
                "Mary Quinn",
            ),
            (
                "Chancellor Olaf Becker (SPD) said: \"Things are moving fast in Berlin now.\"",
                "Olaf Becker",
            ),
        ];
        for (body, speaker) in cases {
            let q = quotes(body);
            assert_eq!(q.len(), 1, "{body}: {q:?}");
            assert_eq!(q[0].0, speaker, "{body}");
        }
    }

    #[test]
    fn the_listener_after_told_is_not_the_speaker() {
        let q = quotes(
            "Lord Falconer spoke on Tuesday.\n\
             \"You are never going to get rid of the trauma of giving evidence,\" he told BBC Radio 4.",
        );
        assert_eq!(q[0].0, "Lord Falconer", "{q:?}");
    }

    #[test]
    fn scare_quotes_are_not_speech() {
        assert!(quotes("Mr Howard said the system was \"unfair and inhumane\".").is_empty());
        assert!(
            quotes("The Mirror said police will launch a \"follow the money\" approach.")
                .is_empty()
        );
    }

    #[test]
    fn a_title_in_quotes_is_not_speech() {
        assert!(
            quotes(
                "Governor Ann Lee signed an executive order, ‘Protecting Our Rivers From Sewage Discharge’, on Friday, saying the rivers had been neglected for years."
            )
            .is_empty()
        );
        assert!(
            quotes("The charity began a campaign called “Every Child Fed By Christmas Day”.")
                .is_empty()
        );
        let q = quotes(
            "Mr Reid promised a campaign \"which is upbeat, confident and above all hopeful\".",
        );
        assert_eq!(q.len(), 1, "{q:?}");
    }

    #[test]
    fn a_phrase_picked_out_is_not_speech_but_a_clause_in_lower_case_is() {
        assert!(
            quotes("Mr Davis called it \"little more than a taxpayer-funded PR exercise\".")
                .is_empty()
        );
        assert!(
            quotes("Ms Reed said the bill would deliver a \"real change in how we run our water companies\".")
                .is_empty()
        );
        let q = quotes("Mr Banks said \"people in a few years time will be amazed\" by it.");
        assert_eq!(q.len(), 1, "{q:?}");
        // In lower case after narration, not after words that introduce
        // speech, it is a fragment of the narration.
        let q = quotes(
            "Shabana Mahmood warned that “illegal migration is tearing our country apart,” \
             adding that it was the government’s responsibility to “unite our country”.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        let q = quotes(
            "Keir Starmer said that for every migrant returned, a different individual would be \
             allowed “to come here via a safe route: controlled and legal”.",
        );
        assert!(q.is_empty(), "{q:?}");
        let q =
            quotes("Giorgia Meloni spoke in Rome. She added that they need to “follow the money”.");
        assert_eq!(q.len(), 1, "{q:?}");
    }

    #[test]
    fn a_quote_runs_on_across_sentences() {
        let q = quotes(
            "Ms Hewitt said: \"We have made a firm commitment. We will extend the pay to nine months.\"",
        );
        assert_eq!(q.len(), 1);
        assert!(q[0].1.ends_with("nine months."), "{q:?}");
    }

    #[test]
    fn a_titled_full_name_gives_the_short_form_its_name() {
        // The full name is only ever written with its title.
        let q = quotes(
            "The ferry plan is over, Dame Priya Lakhani said on Monday.\n\
             Later, Dame Priya told reporters in Leeds: “The ferry plan never had a chance of working at all.”",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "Priya Lakhani");
    }

    #[test]
    fn speech_after_a_named_speaker_continues_with_them() {
        let q = quotes(
            "Transport minister Lena Vogel said on Monday that the toll would rise.\n\
             “The toll pays for the roads we all use every day,” said Jonas Weber, a Green MP. \
             “They are pretending that roads cost nothing at all to keep open.”",
        );
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].0, "Jonas Weber", "{q:?}");
    }

    #[test]
    fn a_pronoun_takes_the_last_named_person_of_the_story() {
        let q = quotes(
            "Ferries will be checked ‘within days’, Chancellor Rita Gomez has announced.\n\
             Speaking in Cardiff, Gomez set out the checks with the mayor, Alun Pryce.\n\
             She told the press: “There is no quick fix here, but we will get on with it.”",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "Rita Gomez");
    }

    #[test]
    fn a_subject_described_by_an_adjective_is_who_the_text_is_about() {
        let q = quotes(
            "Finance Minister Tomas Berg cut the port levy on Monday.\n\
             The plan was drawn up by transport minister Ana Ruiz, with the unions.\n\
             In the chamber, an angry Ruiz accused the opposition of wrecking it.\n\
             “They will have to explain this to every dock worker in the country,” she said.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "Ana Ruiz", "{q:?}");
    }

    #[test]
    fn a_name_behind_its_role_or_before_its_affiliation_is_the_speaker() {
        let q = quotes(
            "After the vote, the committee's rapporteur Lena Holm (Renew, SE) said: \
             “We have closed the loophole for good.”",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "Lena Holm", "{q:?}");
        let q = quotes(
            "The ferry law was signed by President Omar Diallo on Monday.\n\
             Speaking later, Portline CEO Ruth Abiodun said few firms were ready.\n\
             “The rules are still being finalised and the systems are not simple,” she said.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "Ruth Abiodun", "{q:?}");
        // A role after the name is an apposition, whatever comes before it.
        let q = quotes(
            "Maria Lund, former Conservative Health Secretary, said: \
             “We have lost touch with the people who elected us.”",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "Maria Lund", "{q:?}");
    }

    #[test]
    fn short_asides_in_brackets_are_dropped_and_long_or_open_ones_kept() {
        use super::without_asides;
        assert_eq!(
            without_asides("Lena Holm (Renew, SE) said"),
            "Lena Holm  said"
        );
        assert_eq!(
            without_asides("Merz (CDU), the leader (pictured)"),
            "Merz , the leader "
        );
        let long = "Holm (who has led the committee since the last election in 2019) said";
        assert_eq!(without_asides(long), long);
        assert_eq!(without_asides("Holm (Renew said"), "Holm (Renew said");
    }

    #[test]
    fn speakers_behind_offices_colons_and_given_names() {
        let one = |body: &str| {
            let q = quotes(body);
            assert_eq!(q.len(), 1, "{body}: {q:?}");
            q[0].0.clone()
        };
        // A quote that opens with a short question and runs on.
        assert_eq!(
            one(
                "Dan Tehan announced in Parliament that the bill had passed.\n\
                 “Will it be perfect? No. But it will make a huge difference,” he said."
            ),
            "Dan Tehan"
        );
        // The office after "the": whoever holds it.
        assert_eq!(
            one("President William Ruto will not sign the Finance Bill.\n\
                 “I direct that spending in the Presidency be cut,” the President said."),
            "William Ruto"
        );
        // A passer-by named with what they do.
        assert_eq!(
            one(
                "“The army would bring more structure to their lives,” said student Luka \
                 Budiselic, 23."
            ),
            "Luka Budiselic"
        );
        // A long office before the name.
        assert_eq!(
            one(
                "“The Pact will make the asylum process faster and fairer,” says Minister of \
                 the Interior Mari Rantanen."
            ),
            "Mari Rantanen"
        );
        // Speech after a colon is the subject's.
        assert_eq!(
            one(
                "Secretary of State Marco Rubio issued a statement expressing alarm: “We \
                 condemn this forced return in the strongest possible terms.”"
            ),
            "Marco Rubio"
        );
        // The person named after an office, between commas, is the subject.
        assert_eq!(
            one(
                "Special Adviser to the President on Senate matters, Senator Basheer Lado, made \
                 this assertion shortly after President Bola Tinubu signed the bill.\n\
                 He said: “The signing of the bill into law is a promise kept.”"
            ),
            "Basheer Lado"
        );
        // A given name alone, and a name with its Malay honorifics.
        assert_eq!(
            one(
                "Defence Minister Phumtham Wechayachai defended the deportation.\n\
                 “We had no choice and acted within the law,” Phumtham stated."
            ),
            "Phumtham Wechayachai"
        );
        assert_eq!(
            one(
                "Home Minister Datuk Seri Saifuddin Nasution Ismail said the freeze goes on.\n\
                 “The government will study and reconsider the ruling,” Saifuddin Nasution said."
            ),
            "Saifuddin Nasution Ismail"
        );
    }

    #[test]
    fn a_body_named_with_of_speaks_and_a_connective_does_not() {
        let q = quotes(
            "Moreover, in a press release on 14 April the Ministry of Interior also said that \
             “the examination of all such asylum applications is suspended.”",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "Ministry of Interior");
        // A body after a role belongs to the person before it.
        let q = quotes(
            "John Smith, head of the Department of Health, said: \
             “We will open four new hospitals next year.”",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "John Smith");
        // "However" opens the clause; it is nobody's name.
        let q = quotes("“However, most of the money is new,” a council spokesman said.");
        assert!(q.iter().all(|(s, _)| s != "However"), "{q:?}");
    }

    #[test]
    fn a_dateline_is_not_a_speaker() {
        let q = quotes(
            "TROMSO, Nordland Coast - A fisheries deal was signed on Friday by two ministers.\n\
             “The deal protects the cod stocks for another ten years.”",
        );
        assert!(q.iter().all(|(s, _)| !s.contains("Nordland")), "{q:?}");
    }

    #[test]
    fn future_and_reported_attributions_name_the_speaker() {
        let q = quotes(
            "Olaf Brandt will open the summit in Hamburg on Friday.\n\
             He will say: “Nobody can stop the smugglers on their own, and nobody should try.”",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "Olaf Brandt");
        let q = quotes(
            "“We have chosen to pause new claims for a short time only,” Brandt was quoted by his ministry as saying.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "Brandt");
        let q = quotes(
            "“A new treaty on river pollution has been agreed by the two governments,” announced the British government on Monday.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "UK Government");
    }

    #[test]
    fn a_role_subject_is_the_person_who_holds_it() {
        let q = quotes(
            "Anna Lindqvist will welcome ministers from 30 countries today.\n\
             Health Secretary Tom Baird will announce new money at the event.\n\
             The PM will say: “We cannot win this fight unless every country pulls in the same direction.”",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "Anna Lindqvist");
    }

    #[test]
    fn a_role_in_lower_case_after_speech_is_the_person_named_in_it() {
        let q = quotes(
            "Finance Minister Nirmala Sitharaman presented the budget.\n\
             “The new structure will substantially reduce the taxes of the middle class,” the minister stressed.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "Nirmala Sitharaman");
        let q = quotes(
            "The law must be promulgated by Chilean President Gabriel Boric.\n\
             “The funds exerted a lot of pressure to prevent this reform,” the Chilean president said.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "Gabriel Boric");
        // Nobody named in the role: no speaker, not just anyone.
        let q = quotes(
            "Anna Lindqvist met the union.\n\
             “We will not accept any cut to the pay of our members,” the spokesman said.",
        );
        assert!(q.iter().all(|(s, _)| s != "Anna Lindqvist"), "{q:?}");
        // A deputy is another office.
        let q = quotes(
            "Deputy Prime Minister John Prescott hosted the dinner with Tony Blair.\n\
             At the dinner the prime minister said: “Help me to get through the year and I will then stand down.”",
        );
        assert!(q.iter().all(|(s, _)| s != "John Prescott"), "{q:?}");
        // After a name, the role is its apposition.
        let q = quotes(
            "Tony Hunter, the organisation's president, said: “There are many devils and lots of details here.”",
        );
        assert_eq!(q[0].0, "Tony Hunter", "{q:?}");
    }
    #[test]
    fn a_source_after_according_to_speaks() {
        let q = quotes(
            "A statement by the Council of Europe welcomed the vote.\n\
             “The new rules will make the whole system faster and fairer for everyone,” according to the statement.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "Council of Europe statement");
    }

    #[test]
    fn a_purpose_after_designed_to_is_not_speech() {
        let q = quotes(
            "Interior minister Lena Vogel said the rule is designed to \
             “further limit smuggling across the eastern border and protect the ports”.",
        );
        assert!(q.is_empty(), "{q:?}");
        // The rule it narrows: a clause a speaker introduces with "to".
        let q =
            quotes("Ms Vogel said: “It works.” She added that they need to “follow the money”.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, "follow the money");
    }

    #[test]
    fn single_quote_marks_delimit_speech_but_not_apostrophes() {
        let q = quotes(
            "Defence Secretary Mark Ellison visited the base on Tuesday.\n\
             He told the crowd: 'We won't let Britain's sailors down, and we will pay for new ships.\n\
             'The Joneses' story is why we are doing this.'\n\
             'Every sailor deserves a decent home when they come back to port,' he added.",
        );
        let texts: Vec<&str> = q.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(q.len(), 2, "{q:?}");
        assert!(
            texts[0].starts_with("We won't let Britain's sailors down"),
            "{q:?}"
        );
        assert!(texts[0].ends_with("why we are doing this."), "{q:?}");
        assert!(q.iter().all(|(s, _)| s == "Mark Ellison"), "{q:?}");
        let q = quotes(
            "Mr Ellison said the cuts would be ‘in vain’ and the Smiths’ farm would close.\n\
             Ms Hart said: ‘We are not going to close a single farm this year.’",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, "We are not going to close a single farm this year.");
    }

    #[test]
    fn a_quote_over_two_sentences_is_said_by_whoever_the_verb_after_it_names() {
        let q = quotes(
            "“The old system is failing, with decisions taking far too long,” said Minister Jim O’Callaghan.\n\n\
             “The courts are not working. The pact offers us a chance to reset the system,” said Minister Ann Smith.",
        );
        assert_eq!(q.len(), 2, "{q:#?}");
        assert_eq!(q[0].0, "Jim O’Callaghan");
        assert_eq!(q[1].0, "Ann Smith", "{q:#?}");
        assert!(
            q[1].1.starts_with("The courts are not working. The pact"),
            "{q:#?}"
        );
        // With no one named before it.
        let q = quotes(
            "“The current system is not working effectively. The pact offers us an opportunity to reset it,” said Minister Jim O’Callaghan.",
        );
        assert_eq!(q.len(), 1, "{q:#?}");
        assert_eq!(q[0].0, "Jim O’Callaghan");
        assert!(q[0].1.starts_with("The current system"), "{q:#?}");
    }
}
