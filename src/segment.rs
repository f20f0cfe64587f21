//! Sentence segmentation: article body → sentence spans.
//!
//! In: an article body as ingest leaves it, plain text with one paragraph per
//! line (blank lines between them are optional). Out: [`Sentence`]s in
//! reading order, each a byte range of the body and the 0-based index of its
//! paragraph (a non-empty line). Spans are trimmed, non-empty, strictly
//! increasing and non-overlapping, and only whitespace lies between them, so
//! no character is ever lost, duplicated or reordered.
//!
//! A newline always ends a sentence (headlines, captions and list items carry
//! no full stop). Inside a line, `.`, `?`, `!`, `…` and `...` end a sentence,
//! together with any closing quotes or brackets right after them, when
//! whitespace and a word that does not start in lower case follow. A full
//! stop after an abbreviation is decided by the rules in
//! `rules/abbreviations.txt`, loaded once: titles ("Mr.", "Prof.") never end
//! a sentence, "No." only before a number, "U.S."/"a.m." only before a
//! typical sentence opener ("The", "He", a quote), "etc." before any
//! capitalised word.
//!
//! It deliberately does not: split at `;`, `:` or dashes; change the text
//! (quotes, whitespace, encoding are left as they are); know who is speaking
//! when a quotation runs over several sentences (that is `extract`'s job);
//! handle languages other than English, or markup (ingest strips it).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::text::capitalize_first;

/// One sentence: a byte range of the body, and the paragraph it sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
}

impl Sentence {
    /// The sentence's text. `body` must be the string it was segmented from.
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        &body[self.start..self.end]
    }
}

/// The text of `sentence` in `body` (the string it was segmented from).
pub fn text<'a>(body: &'a str, sentence: &Sentence) -> &'a str {
    sentence.text(body)
}

/// Splits `body` into sentences, in reading order, with the bundled rules.
pub fn segment(body: &str) -> Vec<Sentence> {
    Segmenter::bundled().segment(body)
}

/// The bundled rules, parsed on first use. The file ships inside the binary
/// and a unit test parses it, so a failure here is a build defect.
static BUNDLED: LazyLock<Segmenter> = LazyLock::new(|| {
    Segmenter::from_rules(include_str!("../rules/abbreviations.txt"))
        .unwrap_or_else(|e| panic!("rules/abbreviations.txt: {e}"))
});

/// How a full stop after an abbreviation behaves (see `rules/abbreviations.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Never ends a sentence: "Mr.", "Prof.", "e.g.".
    Prefix,
    /// Mid-sentence only before a number: "No. 10".
    Number,
    /// Ends a sentence only before a typical opener: "U.S.", "a.m.".
    Ambiguous,
    /// Ends a sentence before any capitalised word: "etc.".
    Final,
}

/// A section of the rules file.
#[derive(Debug, Clone, Copy)]
enum Section {
    Abbreviations(Class),
    Openers,
}

/// An error in a rules file, with its 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RulesError {
    #[error("line {line}: {entry:?} comes before any [section] header")]
    NoSection { line: usize, entry: String },
    #[error(
        "line {line}: unknown section [{name}]; expected prefix, number, ambiguous, final or openers"
    )]
    UnknownSection { line: usize, name: String },
    #[error("line {line}: {entry:?} {reason}")]
    Invalid {
        line: usize,
        entry: String,
        reason: &'static str,
    },
    #[error("line {line}: {entry:?} is already listed on line {first}")]
    Duplicate {
        line: usize,
        entry: String,
        first: usize,
    },
}

/// A sentence segmenter built from abbreviation rules.
///
/// [`segment`] uses the bundled `rules/abbreviations.txt`; build your own
/// with [`Segmenter::from_rules`] to try a different list.
#[derive(Debug, Clone, Default)]
pub struct Segmenter {
    /// Abbreviation without its final dot → how a full stop after it behaves.
    abbreviations: HashMap<String, Class>,
    /// Words that typically open a sentence.
    openers: HashSet<String>,
}

/// Words longer than this (bytes) are never looked up as abbreviations or
/// openers; the cap keeps the look-behind and look-ahead bounded, so a body
/// is segmented in linear time whatever it holds.
const MAX_WORD: usize = 32;

impl Segmenter {
    /// The segmenter for the bundled `rules/abbreviations.txt`.
    pub fn bundled() -> &'static Segmenter {
        &BUNDLED
    }

    /// Parses a rules file: `[section]` headers, one entry per line, `#`
    /// comments. The file's own header documents the sections.
    pub fn from_rules(rules: &str) -> Result<Segmenter, RulesError> {
        let mut section = None;
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut seg = Segmenter::default();
        for (n, raw) in rules.lines().enumerate() {
            let line = n + 1;
            let text = raw.split('#').next().unwrap_or("").trim();
            if text.is_empty() {
                continue;
            }
            if let Some(name) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
                section = Some(match name.trim() {
                    "prefix" => Section::Abbreviations(Class::Prefix),
                    "number" => Section::Abbreviations(Class::Number),
                    "ambiguous" => Section::Abbreviations(Class::Ambiguous),
                    "final" => Section::Abbreviations(Class::Final),
                    "openers" => Section::Openers,
                    other => {
                        return Err(RulesError::UnknownSection {
                            line,
                            name: other.to_string(),
                        });
                    }
                });
                continue;
            }
            let invalid = |reason| RulesError::Invalid {
                line,
                entry: text.to_string(),
                reason,
            };
            if text.contains(char::is_whitespace) {
                return Err(invalid("holds whitespace; write one entry per line"));
            }
            let Some(section) = section else {
                return Err(RulesError::NoSection {
                    line,
                    entry: text.to_string(),
                });
            };
            let entry = text.strip_suffix('.').unwrap_or(text);
            if entry.is_empty() || entry.len() > MAX_WORD {
                return Err(invalid("must be 1 to 32 bytes long"));
            }
            let key = match section {
                Section::Abbreviations(_) => format!("abbreviation {entry}"),
                Section::Openers => format!("opener {entry}"),
            };
            if let Some(&first) = seen.get(&key) {
                return Err(RulesError::Duplicate {
                    line,
                    entry: text.to_string(),
                    first,
                });
            }
            seen.insert(key, line);
            match section {
                Section::Abbreviations(class) => {
                    seg.abbreviations.insert(entry.to_string(), class);
                }
                Section::Openers => {
                    if !entry.chars().all(char::is_alphabetic) {
                        return Err(invalid("is not a word (openers are letters only)"));
                    }
                    seg.openers.insert(entry.to_string());
                }
            }
        }
        // "e.g." also matches "E.g." opening a sentence. Single letters are
        // left alone: "p" (page) must not capture the initial "P.".
        let variants: Vec<(String, Class)> = seg
            .abbreviations
            .iter()
            .filter(|(a, _)| a.chars().count() > 1 && a.starts_with(char::is_lowercase))
            .map(|(a, &c)| (capitalize_first(a), c))
            .collect();
        for (a, c) in variants {
            seg.abbreviations.entry(a).or_insert(c);
        }
        Ok(seg)
    }

    /// Splits `body` into sentences, in reading order.
    pub fn segment(&self, body: &str) -> Vec<Sentence> {
        let mut out = Vec::new();
        let mut paragraph = 0;
        let mut offset = 0;
        for line in body.split('\n') {
            let before = out.len();
            self.segment_line(line, offset, paragraph, &mut out);
            if out.len() > before {
                paragraph += 1;
            }
            offset += line.len() + 1;
        }
        // Kept for the whole run, one per article: no spare capacity.
        out.shrink_to_fit();
        out
    }

    /// Appends the sentences of one line (no `\n` inside) to `out`;
    /// `offset` is the line's position in the body.
    fn segment_line(&self, line: &str, offset: usize, paragraph: usize, out: &mut Vec<Sentence>) {
        let mut start: Option<usize> = None;
        let mut i = 0;
        while let Some(c) = line[i..].chars().next() {
            let s = match start {
                Some(s) => s,
                None if c.is_whitespace() => {
                    i += c.len_utf8();
                    continue;
                }
                None => *start.insert(i),
            };
            if !is_terminator(c) {
                i += c.len_utf8();
                continue;
            }
            let mut end = i + line[i..]
                .find(|c: char| !is_terminator(c) && !is_closer(c))
                .unwrap_or(line.len() - i);
            end += stray_closing_quote(&line[end..]);
            if self.ends_sentence(line, s, i, end) {
                out.push(Sentence {
                    start: offset + s,
                    end: offset + end,
                    paragraph,
                });
                start = None;
            }
            i = end;
        }
        if let Some(s) = start {
            // `s` is the first non-whitespace character, so the span is non-empty.
            out.push(Sentence {
                start: offset + s,
                end: offset + line.trim_end().len(),
                paragraph,
            });
        }
    }

    /// Whether the terminator run `line[t..end]` (`.`, `?`, `!`, `…` and the
    /// closing quotes and brackets after them) ends the sentence that
    /// started at `s`.
    fn ends_sentence(&self, line: &str, s: usize, t: usize, end: usize) -> bool {
        let rest = &line[end..];
        let Some(after) = rest.chars().next() else {
            return true; // the line ends here anyway
        };
        let next = rest.trim_start();
        let word = next.trim_start_matches(is_opener);
        let quoted = word.len() < next.len();
        let Some(first) = word.chars().next() else {
            return false; // only stray quotes or brackets left: keep them
        };
        let run = &line[t..end];
        if !after.is_whitespace() {
            return self.glued(line, s, t, run, word);
        }
        if !starts_sentence(first) {
            // "… much more.” she said", "here… to share": the sentence goes on.
            return false;
        }
        if run.contains(['?', '!', '…']) || run.starts_with("..") {
            return true;
        }
        let Some(before) = word_before(line, s, t) else {
            return true; // a long word is no abbreviation
        };
        // "MOSCOW, March 21. /TASS/. The Duma …": a wire credit in slashes
        // ends a dateline, which belongs to the story's first sentence.
        if before.ends_with('/') && line[..t - before.len()].ends_with('/') {
            return false;
        }
        // "1. The first point": an enumerator opening the line or sentence.
        if before.len() <= 2
            && before.bytes().all(|b| b.is_ascii_digit())
            && line[s..t].trim_start_matches(is_opener) == before
        {
            return false;
        }
        match self.class(before) {
            None => true,
            Some(Class::Prefix) => false,
            Some(Class::Number) => !first.is_numeric(),
            // A quote closing right after the full stop ("Cell Block H." Labour)
            // or opening right before the next word ("the U.S. "We) marks
            // the end of a sentence as surely as an opener does.
            Some(Class::Ambiguous) => {
                run.len() > 1 && run[1..].contains(is_closing_quote)
                    || (quoted && !first.is_numeric())
                    || self.is_opener(word)
            }
            Some(Class::Final) => true,
        }
    }

    /// A full stop with no space after it ends a sentence only in the
    /// unmistakable "said.The" and "example).This" (pasted or scraped text),
    /// never in "3.5", "U.S.", "e.g.,", "bbc.co.uk" or "Mr.Smith".
    fn glued(&self, line: &str, s: usize, t: usize, run: &str, word: &str) -> bool {
        if run != "." && !(run.starts_with('.') && run[1..].chars().all(is_closer)) {
            return false;
        }
        let prev_ok = line[s..t]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_lowercase() || is_closer(c));
        if !prev_ok {
            return false;
        }
        let Some(before) = word_before(line, s, t) else {
            return false;
        };
        if before.contains('.') || self.class(before).is_some() {
            return false;
        }
        // The next word: a capital, then a lower-case letter, and no dot
        // inside it (which would make it a host name such as "www.Gov.uk").
        let mut chars = word.chars();
        let capital_then_lower = chars.next().is_some_and(char::is_uppercase)
            && chars.next().is_some_and(char::is_lowercase);
        let token_end = word
            .char_indices()
            .take_while(|&(k, _)| k < MAX_WORD)
            .find(|&(_, c)| c.is_whitespace())
            .map_or(word.len().min(MAX_WORD), |(k, _)| k);
        let token = &word[..floor_char_boundary(word, token_end)];
        capital_then_lower && !token.trim_end_matches(['.', '?', '!']).contains('.')
    }

    /// How a full stop after `word` behaves, if `word` is an abbreviation.
    fn class(&self, word: &str) -> Option<Class> {
        if let Some(&c) = self.abbreviations.get(word) {
            return Some(c);
        }
        // Initials ("J. K. Rowling", "George W. Bush") and dotted letter
        // runs ("U.N.", "N.A.T.O.") that the list does not name.
        let mut letters = word.split('.');
        let initials = letters.all(|p| {
            let mut cs = p.chars();
            cs.next().is_some_and(char::is_alphabetic) && cs.next().is_none()
        });
        let single_capital = word.chars().count() == 1 && word.starts_with(char::is_uppercase);
        (initials && (word.contains('.') || single_capital)).then_some(Class::Ambiguous)
    }

    /// Whether `word` (the text after the opening quotes) starts with a
    /// typical sentence opener such as "The" or "He"; an initial is none
    /// ("J. A. Smith", "J. I. Packer").
    fn is_opener(&self, word: &str) -> bool {
        // Linear overall: an alphabetic run holds no terminator, so no other
        // look-ahead scans it.
        let end = word
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(word.len());
        !word[end..].starts_with('.') && self.openers.contains(&word[..end])
    }
}

/// The word that ends at the terminator at `t`, without leading punctuation
/// ("(U.K" for "(U.K."), or `None` when it is longer than [`MAX_WORD`].
fn word_before(line: &str, s: usize, t: usize) -> Option<&str> {
    let from = floor_char_boundary(line, t.saturating_sub(MAX_WORD + 4).max(s));
    let window = &line[from..t];
    let word = match window
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
    {
        Some((k, c)) => &window[k + c.len_utf8()..],
        None if from == s => window,
        None => return None,
    };
    Some(word.trim_start_matches(|c: char| !c.is_alphanumeric()))
}

/// The length of whitespace and a lone quote mark at the start of `rest`
/// ("… of the community. " A spokesman"), else 0. Such a mark, cut off from
/// both neighbours, closes the sentence before it: BBC copy has it both
/// mid-line and at the end of a paragraph.
fn stray_closing_quote(rest: &str) -> usize {
    let mark = rest.trim_start();
    let mut chars = mark.chars();
    match (chars.next(), chars.next()) {
        (Some(q), after)
            if mark.len() < rest.len()
                && is_closing_quote(q)
                && after.is_none_or(char::is_whitespace) =>
        {
            rest.len() - mark.len() + q.len_utf8()
        }
        _ => 0,
    }
}

fn is_closing_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»')
}

/// The largest char boundary of `s` at or below `i`.
fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '…')
}

/// Closing quotes and brackets that belong to the sentence they follow.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '»' | '›')
}

/// Opening quotes and brackets that may precede a sentence's first word.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '(' | '[' | '{' | '«' | '‹' | '„' | '‚'
    )
}

/// Whether a word starting with `c` can open a sentence: a capital (or a
/// letter without case), a digit, a currency sign or a bullet. Lower case
/// is ruled out: inside a line it continues the sentence.
fn starts_sentence(c: char) -> bool {
    (c.is_alphabetic() && !c.is_lowercase())
        || c.is_numeric()
        || matches!(c, '£' | '$' | '€' | '¥' | '₹' | '•')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn texts(body: &str) -> Vec<&str> {
        segment(body).iter().map(|s| s.text(body)).collect()
    }

    #[test]
    fn bundled_rules_parse() {
        let seg = Segmenter::from_rules(include_str!("../rules/abbreviations.txt")).unwrap();
        assert_eq!(seg.class("Mr"), Some(Class::Prefix));
        assert_eq!(seg.class("E.g"), Some(Class::Prefix));
        assert_eq!(seg.class("No"), Some(Class::Number));
        assert_eq!(seg.class("etc"), Some(Class::Final));
        assert_eq!(seg.class("P"), Some(Class::Ambiguous));
        assert!(seg.is_opener("The"));
    }

    #[test]
    fn rules_errors_say_where() {
        let err = Segmenter::from_rules("# c\n[prefix]\nMr\n\nMr.\n").unwrap_err();
        assert_eq!(
            err,
            RulesError::Duplicate {
                line: 5,
                entry: "Mr.".into(),
                first: 3
            }
        );
        assert!(matches!(
            Segmenter::from_rules("Mr\n"),
            Err(RulesError::NoSection { line: 1, .. })
        ));
        assert!(matches!(
            Segmenter::from_rules("[titles]\n"),
            Err(RulesError::UnknownSection { line: 1, .. })
        ));
        assert!(matches!(
            Segmenter::from_rules("[ambiguous]\net al.\n"),
            Err(RulesError::Invalid { line: 2, .. })
        ));
    }

    #[test]
    fn newline_ends_sentence_and_counts_paragraphs() {
        let body = "Headline without a stop\n\nFirst para. Second sentence.\n  \nA caption\nlower case line";
        let got = segment(body);
        let t: Vec<_> = got.iter().map(|s| (s.text(body), s.paragraph)).collect();
        assert_eq!(
            t,
            [
                ("Headline without a stop", 0),
                ("First para.", 1),
                ("Second sentence.", 1),
                ("A caption", 2),
                ("lower case line", 3),
            ]
        );
    }

    #[test]
    fn crlf_and_surrounding_whitespace_are_trimmed() {
        assert_eq!(
            texts("  One. Two.\r\n\r\nThree \r\n"),
            ["One.", "Two.", "Three"]
        );
        assert!(segment("").is_empty());
        assert!(segment(" \n\t\n").is_empty());
    }

    #[test]
    fn titles_never_end_a_sentence() {
        assert_eq!(
            texts("Mr. Smith met Mrs. Jones and Dr. Patel. Ms. Lee and Prof. Adams came."),
            [
                "Mr. Smith met Mrs. Jones and Dr. Patel.",
                "Ms. Lee and Prof. Adams came."
            ]
        );
        assert_eq!(
            texts(
                "Gen. Lee, Lt. Col. Kerr, Rev. Green, Gov. Hale, Sen. Ray and Rep. Fox spoke. Sir Keir and Mr Brown agreed."
            ),
            [
                "Gen. Lee, Lt. Col. Kerr, Rev. Green, Gov. Hale, Sen. Ray and Rep. Fox spoke.",
                "Sir Keir and Mr Brown agreed."
            ]
        );
    }

    #[test]
    fn street_and_number_ten() {
        assert_eq!(
            texts("He lives on St. Helen's Road. No. 10 said so. The answer was No. It stands."),
            [
                "He lives on St. Helen's Road.",
                "No. 10 said so.",
                "The answer was No.",
                "It stands."
            ]
        );
    }

    #[test]
    fn rupees_before_a_number() {
        assert_eq!(
            texts("Costs fall by Rs. 5.72 to Rs. 15 per unit. It applies now."),
            [
                "Costs fall by Rs. 5.72 to Rs. 15 per unit.",
                "It applies now."
            ]
        );
    }

    #[test]
    fn a_dateline_credited_in_slashes_opens_the_first_sentence() {
        assert_eq!(
            texts("MOSCOW, March 21. /TASS/. The Duma passed the bill. It was late."),
            [
                "MOSCOW, March 21. /TASS/. The Duma passed the bill.",
                "It was late."
            ]
        );
        // A slash inside a word is no credit.
        assert_eq!(texts("Tick and/or. Then go."), ["Tick and/or.", "Then go."]);
    }

    #[test]
    fn dotted_acronyms_continue_unless_a_sentence_opens() {
        assert_eq!(
            texts(
                "The U.K. Government and the E.U. Commission met U.S. officials. He moved to the U.S. The move was quick."
            ),
            [
                "The U.K. Government and the E.U. Commission met U.S. officials.",
                "He moved to the U.S.",
                "The move was quick."
            ]
        );
        assert_eq!(
            texts("The U.N. Security Council met. Talks ended at 5 p.m. Officials left."),
            [
                "The U.N. Security Council met.",
                "Talks ended at 5 p.m. Officials left."
            ]
        );
        assert_eq!(
            texts("It starts at 9 a.m. The doors open at 8 a.m. on Monday."),
            ["It starts at 9 a.m.", "The doors open at 8 a.m. on Monday."]
        );
    }

    #[test]
    fn eg_ie_vs_and_company_suffixes() {
        assert_eq!(
            texts(
                "Some measures, e.g. Fines, i.e. Penalties, apply. Smith vs. Jones Inc. Chairman Bob Lee spoke. Acme Ltd. and Smith & Co. Durham were fined."
            ),
            [
                "Some measures, e.g. Fines, i.e. Penalties, apply.",
                "Smith vs. Jones Inc. Chairman Bob Lee spoke.",
                "Acme Ltd. and Smith & Co. Durham were fined."
            ]
        );
    }

    #[test]
    fn months_before_a_day_or_a_word() {
        assert_eq!(
            texts(
                "The vote is on Jan. 5 and the count on Feb. 6. Sept. 11 changed it. It ends in Dec. The next starts in Oct."
            ),
            [
                "The vote is on Jan. 5 and the count on Feb. 6.",
                "Sept. 11 changed it.",
                "It ends in Dec.",
                "The next starts in Oct."
            ]
        );
    }

    #[test]
    fn etc_ends_a_sentence_before_a_capital() {
        assert_eq!(
            texts("Taxes, duties etc. are due. They cover fuel, tobacco etc. The rest is free."),
            [
                "Taxes, duties etc. are due.",
                "They cover fuel, tobacco etc.",
                "The rest is free."
            ]
        );
    }

    #[test]
    fn initials_stay_inside() {
        assert_eq!(
            texts(
                "J. K. Rowling met George W. Bush. They talked with J. A. Smith. The plan was Plan B. It failed."
            ),
            [
                "J. K. Rowling met George W. Bush.",
                "They talked with J. A. Smith.",
                "The plan was Plan B.",
                "It failed."
            ]
        );
    }

    #[test]
    fn decimals_money_and_versions() {
        assert_eq!(
            texts(
                "It cost £1.4bn, up 3.5% on $2.5m and 1.5 million. Version 2.0.1 shipped. 38 people came."
            ),
            [
                "It cost £1.4bn, up 3.5% on $2.5m and 1.5 million.",
                "Version 2.0.1 shipped.",
                "38 people came."
            ]
        );
    }

    #[test]
    fn sentence_ending_inside_quotes_ends_after_the_quote() {
        assert_eq!(
            texts(
                "She said: “We agree, much more.” She added that they need to “follow the money”."
            ),
            [
                "She said: “We agree, much more.”",
                "She added that they need to “follow the money”."
            ]
        );
        assert_eq!(
            texts("He said: \"It is over.\" The crowd left. 'Go.' He went."),
            [
                "He said: \"It is over.\"",
                "The crowd left.",
                "'Go.'",
                "He went."
            ]
        );
        assert_eq!(
            texts("“It is over,” he said. ‘Fine.’ ‘Go on.’"),
            ["“It is over,” he said.", "‘Fine.’", "‘Go on.’"]
        );
    }

    #[test]
    fn a_lone_quote_mark_closes_the_sentence_before_it() {
        assert_eq!(
            texts("It is the beginning of peace. \" A spokesman said no. \"\nNext."),
            [
                "It is the beginning of peace. \"",
                "A spokesman said no. \"",
                "Next."
            ]
        );
    }

    #[test]
    fn an_initial_before_a_closing_quote_ends_the_sentence() {
        assert_eq!(
            texts("It was like \"Cell Block H.\" Labour denied it."),
            ["It was like \"Cell Block H.\"", "Labour denied it."]
        );
    }

    #[test]
    fn quote_followed_by_lower_case_continues() {
        assert_eq!(
            texts("“It is over.” she said. “Why?” he asked. “Stop!” they shouted."),
            [
                "“It is over.” she said.",
                "“Why?” he asked.",
                "“Stop!” they shouted."
            ]
        );
    }

    #[test]
    fn a_quote_that_opens_the_next_sentence() {
        // BBC style: a quotation carried over two sentences reopens its mark.
        assert_eq!(
            texts("He said: \"We doubled it. \"We will extend it.\" Then he left."),
            [
                "He said: \"We doubled it.",
                "\"We will extend it.\"",
                "Then he left."
            ]
        );
    }

    #[test]
    fn ellipses_before_lower_case_do_not_split() {
        assert_eq!(
            texts(
                "He said: “We are deepening our cooperation here… to share intelligence.” It worked."
            ),
            [
                "He said: “We are deepening our cooperation here… to share intelligence.”",
                "It worked."
            ]
        );
        assert_eq!(
            texts("\"We are pleased here... to share it.\" Then... Nothing."),
            [
                "\"We are pleased here... to share it.\"",
                "Then...",
                "Nothing."
            ]
        );
    }

    #[test]
    fn question_and_exclamation_marks_end_sentences() {
        assert_eq!(
            texts("Is it legal? Nobody knows! 10 people asked?! Fine."),
            [
                "Is it legal?",
                "Nobody knows!",
                "10 people asked?!",
                "Fine."
            ]
        );
    }

    #[test]
    fn parentheses_stay_inside() {
        assert_eq!(
            texts(
                "The National Crime Agency (NCA) will lead. It said so (see above.) Then it left (quietly). Next."
            ),
            [
                "The National Crime Agency (NCA) will lead.",
                "It said so (see above.)",
                "Then it left (quietly).",
                "Next."
            ]
        );
    }

    #[test]
    fn sentences_may_start_with_a_digit_a_quote_or_lower_case_after_a_newline() {
        assert_eq!(
            texts(
                "It rose. 38,816 people crossed.\n“We agree,” she said. \"Yes.\"\niPhone sales fell."
            ),
            [
                "It rose.",
                "38,816 people crossed.",
                "“We agree,” she said.",
                "\"Yes.\"",
                "iPhone sales fell."
            ]
        );
    }

    #[test]
    fn enumerators_open_a_sentence() {
        assert_eq!(
            texts("1. The first point.\n2. The second."),
            ["1. The first point.", "2. The second."]
        );
    }

    #[test]
    fn missing_space_after_a_full_stop() {
        assert_eq!(
            texts(
                "Rights apply (for example).This country signs. It was said.The end. Visit bbc.co.uk or www.Gov.uk now. Mr.Smith came."
            ),
            [
                "Rights apply (for example).",
                "This country signs.",
                "It was said.",
                "The end.",
                "Visit bbc.co.uk or www.Gov.uk now.",
                "Mr.Smith came."
            ]
        );
    }

    /// Segments a seed article (read at run time: the seeds live outside
    /// the crate) and checks the count and the sentence starts that
    /// `shared/eval/seeds-gold.json` cites by number. Returns the sentences,
    /// or `None` when the seed is absent.
    fn check_seed(file: &str, count: usize, starts: &[(usize, &str)]) -> Option<Vec<String>> {
        let path = format!("{}/../shared/seeds/{file}", env!("CARGO_MANIFEST_DIR"));
        let Ok(body) = std::fs::read_to_string(&path) else {
            eprintln!("skipping: {path} is absent");
            return None;
        };
        let got: Vec<String> = texts(&body).into_iter().map(String::from).collect();
        assert_eq!(got.len(), count, "{file}: {got:#?}");
        for &(n, start) in starts {
            assert!(
                got[n].starts_with(start),
                "{file} sentence {n} is {:?}",
                got[n]
            );
        }
        Some(got)
    }

    #[test]
    fn seed_000_matches_the_gold_numbering() {
        let Some(got) = check_seed(
            "000_c9d8943f7b2c1337.txt",
            13,
            &[
                (0, "Italian and British police are reportedly set"),
                (1, "The new taskforce is due to be announced"),
                (5, "Last week the Home Office announced"),
                (8, "In September, Sir Keir said"),
                (9, "Ms Meloni said at the time: “We agree"),
                (10, "She added that they need to “follow the money”."),
                (12, "Next month representatives from over 40 countries"),
            ],
        ) else {
            return;
        };
        assert!(got[8].contains("here… to share intelligence"));
        assert!(got[9].ends_with("much more.”"));
    }

    #[test]
    fn seed_001_matches_the_gold_numbering() {
        let Some(got) = check_seed(
            "001_40f89372e67eebb2.txt",
            23,
            &[
                (0, "A new Joint Illicit Finance Taskforce will see"),
                (2, "A new taskforce made up of crime agencies"),
                (6, "Figures from the National Crime Agency (NCA)"),
                (11, "In September Mr Starmer said"),
                (12, "Ms Meloni said at the time: \"We agree"),
                (13, "She added that they need to \"follow the money\"."),
                (14, "It comes after the Government last week unveiled"),
                (15, "This will allow phones and laptops"),
                (16, "There will also be measures to arrest"),
                (22, "Representatives from over 40 countries"),
            ],
        ) else {
            return;
        };
        assert!(got[11].contains("here... to share intelligence"));
    }

    /// The share of the BBC reference summaries' characters covered by our
    /// sentences that occur verbatim in them. The references are article
    /// sentences glued together, so a sentence we merge with its neighbour
    /// (a missed boundary) stops matching and loses its characters; a
    /// sentence we split wrongly still matches in pieces but is caught by
    /// the second figure: adjacent sentences of ours found next to each
    /// other in a reference with the article's own space between them,
    /// which the references never do for two separate sentences.
    ///
    /// `cargo test --lib segment::tests::bbc_coverage -- --ignored --nocapture`
    #[test]
    #[ignore = "reads the BBC evaluation set; prints a figure"]
    fn bbc_coverage() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/bbc-politics/");
        let (mut covered, mut total) = (0usize, 0usize);
        let mut worst = Vec::new();
        let mut joined = Vec::new();
        for n in 1..=300 {
            let (Ok(article), Ok(summary)) = (
                std::fs::read_to_string(format!("{dir}articles/{n:03}.txt")),
                std::fs::read_to_string(format!("{dir}summaries/{n:03}.txt")),
            ) else {
                eprintln!("skipping: {dir} is absent or incomplete");
                return;
            };
            let body = article.split_once("\n\n").map_or("", |(_, b)| b);
            let summary = summary.trim();
            let spans = segment(body);
            let mut mark = vec![false; summary.len()];
            for (k, s) in spans.iter().enumerate() {
                let t = s.text(body);
                if let Some(at) = summary.find(t) {
                    mark[at..at + t.len()].iter_mut().for_each(|m| *m = true);
                    if let Some(next) = spans.get(k + 1) {
                        let pair = &body[s.start..next.end];
                        if next.paragraph == s.paragraph && summary.contains(pair) {
                            joined.push(format!("{n:03}: {pair}"));
                        }
                    }
                }
            }
            let chars = |on: bool| {
                summary
                    .char_indices()
                    .filter(|&(i, c)| !c.is_whitespace() && mark[i] == on)
                    .count()
            };
            let (c, missed) = (chars(true), chars(false));
            covered += c;
            total += c + missed;
            worst.push((c as f64 / (c + missed).max(1) as f64, n));
        }
        worst.sort_by(|a, b| a.0.total_cmp(&b.0));
        let share = covered as f64 / total as f64;
        println!(
            "BBC coverage: {:.2}% of {total} summary characters",
            100.0 * share
        );
        println!("worst: {:?}", &worst[..10]);
        println!("pairs found joined in a reference ({}):", joined.len());
        for j in &joined {
            println!("  {j}");
        }
        assert!(share > 0.99, "coverage fell to {share:.4}");
    }

    /// Checks the span invariants: trimmed, non-empty, increasing,
    /// whitespace between, no newline inside, paragraphs counted per line.
    fn check_invariants(body: &str, spans: &[Sentence]) -> Result<(), TestCaseError> {
        let mut prev_end = 0;
        let mut prev: Option<&Sentence> = None;
        for s in spans {
            prop_assert!(s.start < s.end && s.end <= body.len());
            prop_assert!(body.is_char_boundary(s.start) && body.is_char_boundary(s.end));
            let t = s.text(body);
            prop_assert_eq!(t, t.trim());
            prop_assert!(!t.contains('\n'));
            prop_assert!(prev_end <= s.start);
            let gap = &body[prev_end..s.start];
            prop_assert!(gap.chars().all(char::is_whitespace), "gap {:?}", gap);
            let expected = match prev {
                None => 0,
                Some(p) if gap.contains('\n') => p.paragraph + 1,
                Some(p) => p.paragraph,
            };
            prop_assert_eq!(s.paragraph, expected);
            prev_end = s.end;
            prev = Some(s);
        }
        prop_assert!(body[prev_end..].chars().all(char::is_whitespace));
        let non_empty_lines = body.split('\n').filter(|l| !l.trim().is_empty()).count();
        prop_assert_eq!(spans.last().map_or(0, |s| s.paragraph + 1), non_empty_lines);
        Ok(())
    }

    /// Text built from the pieces that exercise every rule.
    fn newsy() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "Mr.", "U.K.", "U.S.", "No.", "10", "etc.", "e.g.", "J.", "The", "he", "said", ".",
            "...", "…", "?", "!", "\"", "'", "“", "”", "‘", "’", "(", ")", "3.5", "£1.4bn", " ",
            "  ", "\n", "\n\n", "\r\n", "\u{a0}", "é", "漢", "🙂", "a.", ".The", "x)",
        ]);
        prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn spans_cover_the_body_exactly(body in any::<String>()) {
            check_invariants(&body, &segment(&body))?;
        }

        #[test]
        fn spans_cover_newsy_text_exactly(body in newsy()) {
            check_invariants(&body, &segment(&body))?;
        }

        #[test]
        fn spans_cover_punctuation_soup_exactly(
            body in "[a-zA-Z0-9 .?!…\"'“”‘’()\\[\\]\n\r\t\u{a0}\u{2028}£é漢-]{0,120}"
        ) {
            check_invariants(&body, &segment(&body))?;
        }
    }
}
