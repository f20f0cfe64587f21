//! Time phrases in running text, resolved against a publication date.
//!
//! In: one sentence of English news text and, when known, the date its
//! article was published. Out: the time phrases in it ([`TimeExpr`]), each
//! with its byte span, its words as written (a leading preposition included:
//! "on Tuesday", "by 2007", "within 14 days") and the first and last day it
//! denotes.
//!
//! Relative phrases ("on Tuesday", "next month", "in September", "16 March")
//! are resolved against the publication date, reading the tense of the
//! clause around them: "will meet on Tuesday" is the coming Tuesday, "said on
//! Tuesday" the last one. Without a publication date they come back with no
//! date; absolute ones ("31 March 2025", "in 2024") still resolve. This
//! module never guesses a date it was not given the means to compute.
//!
//! Phrases that are about time but name no date ("in the coming weeks",
//! "soon", "after the election", "by the end of the next Parliament", an
//! ambiguous "03/04/2025") are returned with `date: None`, so a reader still
//! sees when something is meant to happen. Phrases anchored on an event
//! ("prior to the ban coming into force", "the day after the vote") are not
//! found at all, nor are years before 1900 ("in 1701").
//!
//! It does not split text into sentences, know about times of day or time
//! zones, or decide which date a measure takes effect on. The vocabulary
//! (month names, cue words, the words that show "May" is a surname) lives in
//! `rules/dates.toml`; the grammar that strings it together is here.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use chrono::{Datelike, Days, Months, NaiveDate, TimeDelta, Weekday};
use regex::{Captures, Regex};
use serde::Deserialize;

/// A time phrase found in a sentence: its byte span in that sentence, the
/// words as written, and the dates it resolves to (none when it cannot be
/// resolved: never a guess).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpr {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub date: Option<NaiveDate>,
    /// Last day, for ranges ("between March 31 and April 1", "last week", "next month").
    pub end_date: Option<NaiveDate>,
}

/// Whether `word` is a month's full name as `rules/dates.toml` spells it
/// ("June"), for other rules that must know a month when they see one.
pub fn is_month(word: &str) -> bool {
    GRAMMAR.rules.full_months.iter().any(|m| m == word)
}

/// Whether `word` names a month or a day of the week as written ("June",
/// "Friday"): "the Agreement on Friday" names no agreement "on Friday".
pub fn is_time_word(word: &str) -> bool {
    GRAMMAR.rules.months.contains_key(word) || GRAMMAR.rules.weekdays.contains_key(word)
}

/// Finds the time phrases of `sentence`, resolving them against `published`.
///
/// Overlapping candidates are settled in favour of the longest ("by the end
/// of March" over "March"). The result is in text order.
pub fn find_times(sentence: &str, published: Option<NaiveDate>) -> Vec<TimeExpr> {
    scan_times(sentence).resolve(published)
}

/// The time phrases of one sentence before they are resolved: what the text
/// alone says, each with its words. Copies of a text published on different
/// days scan once and resolve once per day.
#[derive(Debug, Clone, Default)]
pub struct Phrases(Vec<(Found, Tense, Box<str>)>);

/// Finds the time phrases of `sentence` (see [`find_times`]).
pub fn scan_times(sentence: &str) -> Phrases {
    let grammar = &*GRAMMAR;
    // Many sentences hold no month, weekday, digit or time word: one DFA pass
    // rules them out before the capture patterns run.
    if !grammar.trigger.is_match(sentence) {
        return Phrases::default();
    }
    let mut found = Vec::new();
    for (kind, regex) in &grammar.patterns {
        for caps in regex.captures_iter(sentence) {
            if let Some(candidate) = grammar.candidate(*kind, &caps, sentence) {
                found.push(candidate);
            }
        }
    }
    let mut cues: Option<Vec<Cue>> = None;
    let phrases = longest_first(found)
        .into_iter()
        .map(|f| {
            let tense = if f.meaning.needs_tense() {
                let cues = cues.get_or_insert_with(|| grammar.cues(sentence));
                grammar.tense_at(sentence, f.start, f.end, cues)
            } else {
                Tense::Unknown
            };
            let text = sentence[f.start..f.end].into();
            (f, tense, text)
        })
        .collect();
    Phrases(phrases)
}

impl Phrases {
    /// The phrases resolved against `published`.
    pub fn resolve(&self, published: Option<NaiveDate>) -> Vec<TimeExpr> {
        let year_start = GRAMMAR.rules.financial_year_start;
        self.0
            .iter()
            .map(|(f, tense, text)| {
                let tense = if published.is_some() {
                    *tense
                } else {
                    Tense::Unknown
                };
                let span =
                    resolve(&f.meaning, published, tense, year_start).and_then(|s| f.part.apply(s));
                TimeExpr {
                    start: f.start,
                    end: f.end,
                    text: text.to_string(),
                    date: span.map(|s| s.first),
                    end_date: span.and_then(|s| (s.last != s.first).then_some(s.last)),
                }
            })
            .collect()
    }
}

// ---------------------------------------------------------------------------
// The vocabulary: rules/dates.toml, parsed and checked once.

const RULES_TOML: &str = include_str!("../../rules/dates.toml");

static GRAMMAR: LazyLock<Grammar> =
    LazyLock::new(|| Grammar::new(RULES_TOML).unwrap_or_else(|e| panic!("{e}")));

#[derive(Debug, thiserror::Error)]
enum RulesError {
    #[error("rules/dates.toml: {0}")]
    Parse(#[from] toml::de::Error),
    #[error("rules/dates.toml: [{table}] {key:?}: {reason}")]
    Invalid {
        table: &'static str,
        key: String,
        reason: String,
    },
    #[error("rules/dates.toml: a pattern built from it does not compile: {0}")]
    Pattern(#[from] regex::Error),
}

fn invalid(table: &'static str, key: &str, reason: impl Into<String>) -> RulesError {
    RulesError::Invalid {
        table,
        key: key.to_string(),
        reason: reason.into(),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    financial_year_start_month: u32,
    months: HashMap<String, u32>,
    month_abbreviations: HashMap<String, u32>,
    weekdays: HashMap<String, u32>,
    relative_days: HashMap<String, i64>,
    modifiers: HashMap<String, Relative>,
    periods: HashMap<String, PeriodUnit>,
    parts: PartsFile,
    windows: WindowsFile,
    ranges: RangesFile,
    numbers: HashMap<String, u32>,
    units: HashMap<String, Unit>,
    seasons: HashMap<String, [u32; 2]>,
    holidays: HashMap<String, String>,
    events: HashMap<String, String>,
    context: ContextFile,
    block: BlockFile,
    tense: TenseFile,
    vague: VagueFile,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PartsFile {
    of: HashMap<String, Part>,
    before: HashMap<String, Part>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WindowsFile {
    ahead: Vec<String>,
    back: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RangesFile {
    openers: Vec<String>,
    joiners: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ContextFile {
    prepositions: Vec<String>,
    times_of_day: Vec<String>,
    quantity_prepositions: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BlockFile {
    before_month: Vec<String>,
    after_month: Vec<String>,
    before_weekday: Vec<String>,
    after_weekday: Vec<String>,
    before_relative_day: Vec<String>,
    before_season: Vec<String>,
    after_season: Vec<String>,
    clock: Vec<String>,
    after_holiday: Vec<String>,
    count_nouns: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TenseFile {
    clause_breaks: Vec<String>,
    future: Vec<String>,
    past: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VagueFile {
    phrases: Vec<String>,
    counts: Vec<String>,
    not_before: Vec<String>,
}

/// A unit of "two weeks ago", "within four years".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Unit {
    Day,
    Week,
    Fortnight,
    Month,
    Year,
    Decade,
}

/// "last", "this" or "next" week, Tuesday, March.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Relative {
    Last,
    This,
    Next,
}

impl Relative {
    fn offset(self) -> i32 {
        match self {
            Relative::Last => -1,
            Relative::This => 0,
            Relative::Next => 1,
        }
    }
}

/// The calendar period of "last week", "this financial year".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum PeriodUnit {
    Week,
    Weekend,
    Month,
    Year,
    Decade,
    FinancialYear,
}

/// Words compared in any case, stored in lower case.
#[derive(Debug, Default)]
struct WordSet(HashSet<String>);

impl WordSet {
    fn new(words: &[String]) -> WordSet {
        WordSet(words.iter().map(|w| normalize(w)).collect())
    }

    fn contains(&self, word: &str) -> bool {
        !word.is_empty() && self.0.contains(&normalize(word))
    }
}

/// The checked vocabulary. Maps compared in any case are keyed by
/// [`normalize`]d words.
#[derive(Debug)]
struct Rules {
    financial_year_start: u32,
    /// Full names and abbreviations, as written (case matters).
    months: HashMap<String, u32>,
    full_months: Vec<String>,
    abbreviations: Vec<String>,
    weekdays: HashMap<String, Weekday>,
    relative_days: HashMap<String, i64>,
    modifiers: HashMap<String, Relative>,
    periods: HashMap<String, PeriodUnit>,
    /// "end", "early", "mid": the words of both [parts] lists.
    parts: HashMap<String, Part>,
    parts_of: Vec<String>,
    parts_before: Vec<String>,
    windows_back: WordSet,
    windows: Vec<String>,
    range_openers: Vec<String>,
    range_joiners: Vec<String>,
    numbers: HashMap<String, u32>,
    vague_counts: WordSet,
    units: HashMap<String, Unit>,
    seasons: HashMap<String, (u32, u32)>,
    holidays: HashMap<String, Cycle>,
    holiday_names: Vec<String>,
    /// (month, day) → the one date meant.
    events: HashMap<(u32, u32), NaiveDate>,
    prepositions: Vec<String>,
    times_of_day: Vec<String>,
    quantity_prepositions: WordSet,
    before_month: WordSet,
    after_month: WordSet,
    before_weekday: WordSet,
    after_weekday: WordSet,
    before_relative_day: WordSet,
    before_season: WordSet,
    after_season: WordSet,
    clock: WordSet,
    after_holiday: WordSet,
    count_nouns: WordSet,
    clause_breaks: Vec<String>,
    future: Vec<String>,
    past: Vec<String>,
    vague: Vec<String>,
    vague_not_before: WordSet,
}

impl Rules {
    fn parse(text: &str) -> Result<Rules, RulesError> {
        let file: RulesFile = toml::from_str(text)?;
        let mut months = HashMap::new();
        for (table, names) in [
            ("months", &file.months),
            ("month_abbreviations", &file.month_abbreviations),
        ] {
            for (name, n) in names {
                if !(1..=12).contains(n) {
                    return Err(invalid(table, name, format!("{n} is not a month (1-12)")));
                }
                months.insert(name.clone(), *n);
            }
        }
        let mut weekdays = HashMap::new();
        for (name, n) in &file.weekdays {
            let day = match n {
                1 => Weekday::Mon,
                2 => Weekday::Tue,
                3 => Weekday::Wed,
                4 => Weekday::Thu,
                5 => Weekday::Fri,
                6 => Weekday::Sat,
                7 => Weekday::Sun,
                _ => {
                    return Err(invalid(
                        "weekdays",
                        name,
                        format!("{n} is not 1 (Monday) to 7"),
                    ));
                }
            };
            weekdays.insert(name.clone(), day);
        }
        let mut seasons = HashMap::new();
        for (name, [first, last]) in &file.seasons {
            if !(1..=12).contains(first) || !(1..=12).contains(last) {
                return Err(invalid("seasons", name, "months must be 1-12"));
            }
            seasons.insert(normalize(name), (*first, *last));
        }
        let mut holidays = HashMap::new();
        for (name, rule) in &file.holidays {
            let cycle = parse_holiday(rule).ok_or_else(|| {
                invalid(
                    "holidays",
                    name,
                    format!("{rule:?} is not \"MM-DD\" or \"easter+N\""),
                )
            })?;
            holidays.insert(normalize(name), cycle);
        }
        if !(1..=12).contains(&file.financial_year_start_month) {
            return Err(invalid("", "financial_year_start_month", "must be 1-12"));
        }
        for (table, list) in [
            ("context", &file.context.prepositions),
            ("windows", &file.windows.ahead),
            ("windows", &file.windows.back),
            ("tense", &file.tense.future),
            ("tense", &file.tense.past),
            ("vague", &file.vague.phrases),
        ] {
            if let Some(empty) = list.iter().find(|p| p.trim().is_empty()) {
                return Err(invalid(table, empty, "empty phrase"));
            }
        }
        let mut rules = Rules {
            financial_year_start: file.financial_year_start_month,
            months,
            full_months: file.months.keys().cloned().collect(),
            abbreviations: file.month_abbreviations.keys().cloned().collect(),
            weekdays,
            relative_days: lower_keys(&file.relative_days),
            modifiers: lower_keys(&file.modifiers),
            periods: lower_keys(&file.periods),
            parts: lower_keys(&file.parts.of)
                .into_iter()
                .chain(lower_keys(&file.parts.before))
                .collect(),
            parts_of: file.parts.of.keys().cloned().collect(),
            parts_before: file.parts.before.keys().cloned().collect(),
            windows_back: WordSet::new(&file.windows.back),
            windows: [file.windows.ahead, file.windows.back].concat(),
            range_openers: file.ranges.openers,
            range_joiners: file.ranges.joiners,
            numbers: lower_keys(&file.numbers),
            vague_counts: WordSet::new(&file.vague.counts),
            units: lower_keys(&file.units),
            seasons,
            holidays,
            holiday_names: file.holidays.keys().cloned().collect(),
            events: HashMap::new(),
            prepositions: file.context.prepositions,
            times_of_day: file.context.times_of_day,
            quantity_prepositions: WordSet::new(&file.context.quantity_prepositions),
            before_month: WordSet::new(&file.block.before_month),
            after_month: WordSet::new(&file.block.after_month),
            before_weekday: WordSet::new(&file.block.before_weekday),
            after_weekday: WordSet::new(&file.block.after_weekday),
            before_relative_day: WordSet::new(&file.block.before_relative_day),
            before_season: WordSet::new(&file.block.before_season),
            after_season: WordSet::new(&file.block.after_season),
            clock: WordSet::new(&file.block.clock),
            after_holiday: WordSet::new(&file.block.after_holiday),
            count_nouns: WordSet::new(&file.block.count_nouns),
            clause_breaks: file.tense.clause_breaks,
            future: file.tense.future,
            past: file.tense.past,
            vague: file.vague.phrases,
            vague_not_before: WordSet::new(&file.vague.not_before),
        };
        // Event keys are written as dates ("11 September"): read them with
        // the same month names as the text.
        for (key, date) in &file.events {
            let side = rules.side(key);
            let (Some(month), Some(day), None) = (side.month, side.day, side.year) else {
                return Err(invalid(
                    "events",
                    key,
                    "expected a day and a month, no year",
                ));
            };
            let date = NaiveDate::parse_from_str(date, "%Y-%m-%d")
                .map_err(|e| invalid("events", key, format!("{date:?}: {e}")))?;
            rules.events.insert((month, day), date);
        }
        Ok(rules)
    }

    /// Day, month, year and weekday named in a bit of text ("Tuesday 4
    /// February", "March 31st, 2025", "2005").
    fn side(&self, text: &str) -> Side {
        let mut side = Side::default();
        for token in TOKEN.find_iter(text) {
            let t = token.as_str();
            if t.as_bytes()[0].is_ascii_digit() {
                let Ok(n) = t.parse::<u32>() else { continue };
                if t.len() == 4 {
                    side.year = i32::try_from(n).ok();
                } else if (1..=31).contains(&n) {
                    side.day = Some(n);
                }
            } else if let Some(m) = self.months.get(t) {
                side.month = Some(*m);
            } else if let Some(w) = self.weekdays.get(t) {
                side.weekday = Some(*w);
            }
        }
        side
    }

    /// "the very end of" → [`Part::End`], "mid" → [`Part::Mid`].
    fn part(&self, words: Option<&str>) -> Part {
        let Some(words) = words else {
            return Part::Whole;
        };
        let words: Vec<String> = words
            .split(|c: char| c.is_whitespace() || c == '-')
            .map(normalize)
            .filter(|w| !matches!(w.as_str(), "" | "the" | "very" | "of"))
            .collect();
        // "second half" as a whole, else its first word ("end", "mid").
        self.parts
            .get(&words.join(" "))
            .or_else(|| words.first().and_then(|w| self.parts.get(w)))
            .copied()
            .unwrap_or(Part::Whole)
    }

    /// "two" → 2, "14" → 14; vague counts ("few", "several") → None.
    fn count(&self, word: &str) -> Option<u32> {
        if let Ok(n) = word.parse::<u32>() {
            return (n > 0).then_some(n);
        }
        self.numbers.get(&normalize(word)).copied()
    }
}

static TOKEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9]+|\p{L}+").expect("token pattern compiles"));

fn lower_keys<V: Copy>(map: &HashMap<String, V>) -> HashMap<String, V> {
    map.iter().map(|(k, v)| (normalize(k), *v)).collect()
}

/// Lower case, one space between words, straight apostrophes.
fn normalize(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace('’', "'")
}

fn parse_holiday(rule: &str) -> Option<Cycle> {
    if let Some(offset) = rule.strip_prefix("easter") {
        let days = if offset.is_empty() {
            0
        } else {
            offset.parse::<i64>().ok()?
        };
        return Some(Cycle::Easter(days));
    }
    let (m, d) = rule.split_once('-')?;
    let (month, day) = (m.parse().ok()?, d.parse().ok()?);
    // 2000 is a leap year, so 29 February passes.
    NaiveDate::from_ymd_opt(2000, month, day)?;
    Some(Cycle::Day { month, day })
}

// ---------------------------------------------------------------------------
// The grammar: patterns built from the vocabulary, compiled once.

/// What a pattern recognises; each kind has its own regex and reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    RangePair,
    RangeDash,
    YearRange,
    Date,
    Iso,
    Numeric,
    MonthYear,
    Month,
    Year,
    Decade,
    Weekday,
    RelativeDay,
    Period,
    Window,
    Ago,
    InTime,
    Season,
    Holiday,
    Vague,
}

struct Grammar {
    rules: Rules,
    trigger: Regex,
    patterns: Vec<(Kind, Regex)>,
    future_cues: Regex,
    past_cues: Regex,
    clause_break: Regex,
}

/// ASCII word boundary: Unicode `\b` makes the fast DFA give up on the first
/// curly quote, and news text is full of them.
const B: &str = r"(?-u:\b)";
const DAY: &str = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?-u:\b)";
const YEAR: &str = r"(?:19[0-9][0-9]|20[0-9][0-9]|2100)(?-u:\b)";

/// An alternation of phrases, longest first so that "later on" wins over
/// "later"; spaces match any white space, apostrophes either kind.
fn alternation<S: AsRef<str>>(phrases: &[S]) -> String {
    let mut sorted: Vec<&str> = phrases.iter().map(|p| p.as_ref()).collect();
    sorted.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    sorted.dedup();
    let parts: Vec<String> = sorted.iter().map(|p| phrase_pattern(p)).collect();
    format!("(?:{})", parts.join("|"))
}

/// Case-insensitive alternation of words, closed by a word boundary.
fn words<S: AsRef<str>>(phrases: &[S]) -> String {
    format!("(?i:{}){B}", alternation(phrases))
}

fn names<V>(map: &HashMap<String, V>) -> Vec<&String> {
    map.keys().collect()
}

fn phrase_pattern(phrase: &str) -> String {
    phrase
        .split_whitespace()
        .map(|word| {
            if word == "*" {
                r"[\p{L}'’-]+".to_string()
            } else {
                regex::escape(word).replace(['\'', '’'], "['’]")
            }
        })
        .collect::<Vec<_>>()
        .join(r"\s+")
}

impl Grammar {
    fn new(text: &str) -> Result<Grammar, RulesError> {
        let rules = Rules::parse(text)?;
        let r = &rules;
        let month_full = format!("{}{B}", alternation(&r.full_months));
        // Only abbreviations take a full stop: "Sept. 12", but "on 12 September."
        let month_any = format!(r"(?:{month_full}|{}{B}\.?)", alternation(&r.abbreviations));
        let weekday = format!("{}{B}", alternation(&names(&r.weekdays)));
        let prep = format!(r"(?:(?P<prep>{})\s+)?", words(&r.prepositions));
        let modifier = words(&names(&r.modifiers));
        // "the end of", "early", "mid-": which part of the period that follows.
        let part = format!(
            r"(?:(?P<part>(?i:(?:the\s+)?(?:very\s+)?(?:{}\s+of|{})){B})(?:\s+|-))?",
            alternation(&r.parts_of),
            alternation(&r.parts_before)
        );
        let period = words(&names(&r.periods));
        let time_of_day = format!(r"(?:\s+{})?", words(&r.times_of_day));
        let number_words: Vec<&String> = r.numbers.keys().chain(r.vague_counts.0.iter()).collect();
        let number = format!(r"(?:[0-9]{{1,3}}|{})", words(&number_words));
        let unit = words(&names(&r.units));
        let relative = words(&names(&r.relative_days));
        let season = words(&names(&r.seasons));
        let holiday = format!("{}{B}", alternation(&r.holiday_names));
        let window = words(&r.windows);
        let (openers, joiners) = (words(&r.range_openers), alternation(&r.range_joiners));
        // Only "the …" phrases take a preposition: "by the end of the next
        // Parliament", but not "for" + "immediately".
        let (with_the, bare): (Vec<&String>, Vec<&String>) = r
            .vague
            .iter()
            .partition(|p| normalize(p).starts_with("the "));
        let vague = format!("(?:{prep}(?P<vague>{})|{})", words(&with_the), words(&bare));

        let day_month = format!(r"{DAY}(?:\s+of)?\s+{month_any}");
        let month_day = format!(r"{month_any}\s+(?:the\s+)?{DAY}");
        let dated = format!(
            r"(?:{weekday},?\s+)?(?:(?i:the)\s+)?(?:{day_month}|{month_day})(?:,?\s+{YEAR})?"
        );
        let side = format!(r"(?:{dated}|{month_any},?\s+{YEAR}|{month_full}|{YEAR}|{DAY})");
        // "April 7–11, 2025": the year after a bare day closes the range.
        let dash_side = format!(r"(?:(?:{day_month}|{month_day}|{DAY})(?:,?\s+{YEAR})?)");
        let the_or_modifier = format!(r"(?P<mod>{modifier}|(?i:the){B})\s+");

        let sources: Vec<(Kind, String)> = vec![
            (
                Kind::RangePair,
                format!(r"{B}(?P<prep>{openers})\s+(?P<a>{side})\s+(?i:{joiners})\s+(?P<b>{side})"),
            ),
            (
                Kind::RangeDash,
                format!(r"{B}{prep}(?P<a>{dash_side})\s*[-–—]\s*(?P<b>{dash_side})"),
            ),
            (
                Kind::YearRange,
                format!(
                    r"{B}{prep}(?P<y1>19[0-9][0-9]|20[0-9][0-9])\s*(?P<sep>[-–—/])\s*(?P<y2>[0-9]{{4}}|[0-9]{{2}}){B}"
                ),
            ),
            (
                Kind::Date,
                format!(r"{B}{prep}(?:(?P<mod>{modifier})\s+)?(?P<body>{dated})"),
            ),
            (
                Kind::Iso,
                format!(
                    r"{B}{prep}(?P<body>(?:19|20)[0-9][0-9]-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])){B}"
                ),
            ),
            (
                Kind::Numeric,
                format!(
                    r"{B}{prep}(?P<body>(?:0?[1-9]|[12][0-9]|3[01])/(?:0?[1-9]|[12][0-9]|3[01])/(?:19|20)[0-9][0-9]){B}"
                ),
            ),
            (
                Kind::MonthYear,
                format!(r"{B}{prep}{part}(?P<body>{month_any},?\s+{YEAR})"),
            ),
            (
                Kind::Month,
                format!(
                    r"{B}{prep}{part}(?:(?P<mod>{modifier})\s+)?(?P<month>{month_full})(?:\s+(?:(?i:of)\s+)?(?P<rel>{modifier})\s+(?i:year){B})?"
                ),
            ),
            (
                Kind::Year,
                format!(
                    r"{B}{prep}{part}(?:(?i:the\s+year)\s+)?(?P<y1>{YEAR})(?:\s+(?i:or|and)\s+(?P<y2>{YEAR}))?"
                ),
            ),
            (
                Kind::Decade,
                format!(r"{B}{prep}{part}(?:(?i:the)\s+)?(?P<decade>(?:1[89]|20)[0-9]0)['’]?s{B}"),
            ),
            (
                Kind::Weekday,
                format!(r"{B}{prep}(?:(?P<mod>{modifier})\s+)?(?P<weekday>{weekday}){time_of_day}"),
            ),
            (
                Kind::RelativeDay,
                format!(r"{B}{prep}(?P<word>{relative}){time_of_day}"),
            ),
            (
                Kind::Period,
                format!(r"{B}{prep}{part}{the_or_modifier}(?P<unit>{period})"),
            ),
            (
                Kind::Window,
                format!(r"{B}(?P<lead>{window})\s+(?:(?P<n>{number})\s+)?(?P<unit>{unit})"),
            ),
            (
                Kind::Ago,
                format!(r"{B}(?:(?P<n>{number})\s+)?(?P<unit>{unit})\s+(?i:ago){B}"),
            ),
            (
                Kind::InTime,
                format!(
                    r"{B}(?i:in)\s+(?P<n>{number})\s+(?P<unit>{unit})(?:['’]s?)?\s+(?i:time){B}"
                ),
            ),
            (
                Kind::Season,
                format!(
                    r"{B}{prep}{part}(?:{the_or_modifier})?(?P<season>{season})(?:\s+(?:(?i:of)\s+)?(?P<y>{YEAR}))?"
                ),
            ),
            (
                Kind::Holiday,
                format!(
                    r"{B}{prep}(?:(?P<mod>{modifier})\s+)?(?:(?i:the)\s+)?(?P<holiday>{holiday})(?:\s+(?P<y>{YEAR}))?"
                ),
            ),
            (Kind::Vague, format!(r"{B}{vague}")),
        ];
        let mut patterns = Vec::with_capacity(sources.len());
        for (kind, source) in sources {
            patterns.push((kind, Regex::new(&source)?));
        }

        let mut keywords: Vec<String> = Vec::new();
        keywords.extend(r.relative_days.keys().cloned());
        keywords.extend(r.periods.keys().cloned());
        keywords.extend(r.units.keys().cloned());
        keywords.extend(r.seasons.keys().cloned());
        keywords.extend(r.holiday_names.iter().cloned());
        keywords.extend(r.vague.iter().cloned());
        let trigger = Regex::new(&format!(
            r"[0-9]|{B}(?:{month_any}|{weekday}|{})",
            words(&keywords)
        ))?;
        let cue = |phrases: &[String]| Regex::new(&format!("{B}{}", words(phrases)));
        let future_cues = cue(&r.future)?;
        let past_cues = cue(&r.past)?;
        let clause_break = Regex::new(&format!(
            r#"[,;:()\[\]"“”]|\s[-–—]\s|{B}{}"#,
            words(&r.clause_breaks)
        ))?;
        Ok(Grammar {
            rules,
            trigger,
            patterns,
            future_cues,
            past_cues,
            clause_break,
        })
    }

    /// Reads one match into a candidate, or rejects it (a surname, a
    /// newspaper title, a count of votes).
    fn candidate(&self, kind: Kind, caps: &Captures, s: &str) -> Option<Found> {
        let whole = caps.get(0)?;
        let modifier = caps.name("mod").map(|m| normalize(m.as_str()));
        let m = Match {
            s,
            caps,
            start: whole.start(),
            end: whole.end(),
            prep: caps.name("prep").map(|p| p.as_str()),
            part: self.rules.part(caps.name("part").map(|p| p.as_str())),
            relative: modifier
                .as_ref()
                .and_then(|w| self.rules.modifiers.get(w).copied()),
            the: modifier.as_deref() == Some("the"),
        };
        // "at 2005 GMT" is a time of day.
        let ends_in_number = s[..m.end].ends_with(|c: char| c.is_ascii_digit());
        if !numbers_stand_alone(s, m.start, m.end)
            || (ends_in_number && self.rules.clock.contains(m.word_after()))
        {
            return None;
        }
        let meaning = match kind {
            Kind::RangePair | Kind::RangeDash => {
                let (a, b) = (self.rules.side(m.text("a")), self.rules.side(m.text("b")));
                Meaning::range(a, b)
            }
            Kind::YearRange => self.year_range(&m),
            Kind::Date => self.date(&m),
            Kind::Iso => NaiveDate::parse_from_str(m.text("body"), "%Y-%m-%d")
                .ok()
                .map(|d| Meaning::Fixed(Span::day(d))),
            Kind::Numeric => numeric_date(m.text("body")),
            Kind::MonthYear => {
                let side = self.rules.side(m.text("body"));
                Span::month(side.year?, side.month?).map(Meaning::Fixed)
            }
            Kind::Month => self.month(&m),
            Kind::Year => self.year(&m),
            Kind::Decade => {
                let decade: i32 = m.text("decade").parse().ok()?;
                Span::years(decade, decade + 9).map(Meaning::Fixed)
            }
            Kind::Weekday => self.weekday(&m),
            Kind::RelativeDay => self.relative_day(&m),
            Kind::Period => self.period(&m),
            Kind::Window | Kind::Ago | Kind::InTime => self.counted(kind, &m),
            Kind::Season => self.season(&m),
            Kind::Holiday => self.holiday(&m),
            // "as soon as the bill passes", "immediately after the vote".
            Kind::Vague => {
                (!self.rules.vague_not_before.contains(m.word_after())).then_some(Meaning::Vague)
            }
        }?;
        Some(Found {
            start: m.start,
            end: m.end,
            meaning,
            part: m.part,
        })
    }

    /// "2005/06" and "2005-06" are financial years; "1997-2001" is years.
    fn year_range(&self, m: &Match) -> Option<Meaning> {
        let y1: i32 = m.text("y1").parse().ok()?;
        let raw = m.text("y2");
        let mut y2: i32 = raw.parse().ok()?;
        if raw.len() == 2 {
            y2 += y1 - y1 % 100;
            if y2 < y1 {
                y2 += 100;
            }
        }
        if y2 <= y1 || y2 - y1 > 50 || !(1900..=2100).contains(&y2) {
            return None;
        }
        if y2 == y1 + 1 && (m.text("sep") == "/" || raw.len() == 2) {
            financial_year(y1, self.rules.financial_year_start).map(Meaning::Fixed)
        } else {
            Span::years(y1, y2).map(Meaning::Fixed)
        }
    }

    /// "12 September", "on Tuesday 4 February", "March 31st, 2025".
    fn date(&self, m: &Match) -> Option<Meaning> {
        let side = self.rules.side(m.text("body"));
        let (month, day) = (side.month?, side.day?);
        NaiveDate::from_ymd_opt(side.year.unwrap_or(2000), month, day)?;
        let ends_in_day =
            side.year.is_none() && m.s[..m.end].ends_with(|c: char| c.is_ascii_digit());
        if ends_in_day && self.rules.count_nouns.contains(m.word_after()) {
            return None; // "In January 25 people were convicted"
        }
        if let Some(y) = side.year {
            let date = NaiveDate::from_ymd_opt(y, month, day)?;
            return Some(Meaning::Fixed(Span::day(date)));
        }
        if let Some(date) = self.rules.events.get(&(month, day)) {
            return Some(Meaning::Fixed(Span::day(*date)));
        }
        // "last October 23": the latest before publication.
        Some(Meaning::Yearly {
            cycle: Cycle::Day { month, day },
            pick: m.relative.map_or(Pick::Nearest, Pick::Relative),
            weekday: side.weekday,
        })
    }

    /// A month name alone needs a time context ("in May", "last July",
    /// "mid-March", "July's summit"), so "a May election" and "Theresa May"
    /// are left alone.
    fn month(&self, m: &Match) -> Option<Meaning> {
        let r = &self.rules;
        let name = m.caps.name("month")?;
        let rel_year = m
            .caps
            .name("rel")
            .and_then(|w| r.modifiers.get(&normalize(w.as_str())));
        let in_context = m.prep.is_some()
            || m.relative.is_some()
            || m.part != Part::Whole
            || rel_year.is_some()
            || possessive_after(m.s, name.end());
        if !in_context
            || r.before_month.contains(word_before(m.s, name.start()))
            || r.after_month.contains(m.word_after())
        {
            return None;
        }
        let pick = match (rel_year, m.relative) {
            (Some(year), _) => Pick::InYear(year.offset()),
            (None, Some(relative)) => Pick::Relative(relative),
            (None, None) => Pick::Nearest,
        };
        Some(Meaning::Yearly {
            cycle: Cycle::Month(*r.months.get(name.as_str())?),
            pick,
            weekday: None,
        })
    }

    /// A bare year needs a preposition or a part: "in 2024", "by 2007",
    /// "mid-2005"; "won by 2000 votes" is a count.
    fn year(&self, m: &Match) -> Option<Meaning> {
        let r = &self.rules;
        if m.prep.is_none() && m.part == Part::Whole {
            return None;
        }
        let quantity = m.prep.is_some_and(|p| r.quantity_prepositions.contains(p));
        if quantity && r.count_nouns.contains(m.word_after()) {
            return None;
        }
        let y1: i32 = m.text("y1").parse().ok()?;
        let y2: i32 = m
            .caps
            .name("y2")
            .map_or(Some(y1), |y| y.as_str().parse().ok())?;
        Span::years(y1, y2).map(Meaning::Fixed)
    }

    /// "on Tuesday", "next Monday", "Tuesday night"; not "the Sunday Times",
    /// "GMTV's Sunday programme", "every Tuesday".
    fn weekday(&self, m: &Match) -> Option<Meaning> {
        let r = &self.rules;
        let name = m.caps.name("weekday")?;
        let before = word_before(m.s, name.start());
        let modifies_noun = m.prep.is_none()
            && m.relative.is_none()
            && (r.before_weekday.contains(before) || is_possessive(before));
        if modifies_noun || r.after_weekday.contains(noun_after(m.s, m.end)) {
            return None;
        }
        Some(Meaning::Weekday {
            day: *r.weekdays.get(name.as_str())?,
            relative: m.relative,
        })
    }

    /// "yesterday", "today", "tomorrow night"; not "Radio 4's Today
    /// programme" or "USA Today".
    fn relative_day(&self, m: &Match) -> Option<Meaning> {
        let r = &self.rules;
        let word = m.caps.name("word")?;
        let before = word_before(m.s, word.start());
        if m.prep.is_none()
            && (is_possessive(before)
                || r.before_relative_day.contains(before)
                || before.eq_ignore_ascii_case("the"))
        {
            return None;
        }
        // "Mr Balls told Today": a capital mid-sentence is the programme.
        let title = word.as_str().starts_with(char::is_uppercase) && !before.is_empty();
        if title || r.after_weekday.contains(noun_after(m.s, m.end)) {
            return None;
        }
        Some(Meaning::RelativeDay(
            *r.relative_days.get(&normalize(word.as_str()))?,
        ))
    }

    /// "last week", "earlier this month", "the end of the year", "at the
    /// weekend".
    fn period(&self, m: &Match) -> Option<Meaning> {
        let unit = *self.rules.periods.get(&normalize(m.text("unit")))?;
        let has_part = m.part != Part::Whole;
        if m.word_after().eq_ignore_ascii_case("of") && !has_part {
            return None; // "the last week of March"
        }
        if m.the {
            // "the year" is a period only as "the end of the year"; "the
            // weekend" needs a preposition ("at the weekend").
            let weekend = unit == PeriodUnit::Weekend && m.prep.is_some();
            if !has_part && !weekend {
                return None;
            }
        } else if !has_part
            && m.prep.is_none()
            && word_before(m.s, m.start).eq_ignore_ascii_case("the")
        {
            return None; // "the next year": the year after some other event
        }
        if unit == PeriodUnit::Weekend {
            return Some(Meaning::Weekend {
                relative: m.relative,
            });
        }
        let offset = m.relative.map_or(0, Relative::offset);
        let prep = m.prep.map(str::to_lowercase).unwrap_or_default();
        let portion = match prep {
            _ if offset != 0 => Portion::Whole,
            p if p.starts_with("earlier") => Portion::SoFar,
            p if p.starts_with("later") => Portion::Rest,
            _ => Portion::Whole,
        };
        Some(Meaning::Period {
            unit,
            offset,
            portion,
        })
    }

    /// "two weeks ago", "within 14 days", "in two weeks' time"; "within
    /// weeks" and "in the next few days" name no date.
    fn counted(&self, kind: Kind, m: &Match) -> Option<Meaning> {
        let unit_word = normalize(m.text("unit"));
        let unit = *self.rules.units.get(&unit_word)?;
        let count = match m.caps.name("n") {
            Some(n) => self.rules.count(n.as_str()),
            // "within a year" is one; "within weeks" is no number at all.
            None if !unit_word.ends_with('s') => Some(1),
            None => None,
        };
        let direction = match kind {
            Kind::Ago => Shift::Ago,
            Kind::InTime => Shift::After,
            _ if self.rules.windows_back.contains(m.text("lead")) => Shift::Back,
            _ => Shift::Ahead,
        };
        Some(match count {
            Some(n) => Meaning::Shift { n, unit, direction },
            None => Meaning::Vague,
        })
    }

    /// "in the spring", "last summer", "by the spring of 2006"; not "the
    /// spring conference".
    fn season(&self, m: &Match) -> Option<Meaning> {
        let r = &self.rules;
        let name = m.caps.name("season")?;
        let year: Option<i32> = m.caps.name("y").and_then(|y| y.as_str().parse().ok());
        if !(m.prep.is_some() || m.part != Part::Whole || m.relative.is_some() || year.is_some())
            || r.before_season.contains(word_before(m.s, name.start()))
            || r.after_season.contains(m.word_after())
        {
            return None;
        }
        let (first, last) = *r.seasons.get(&normalize(name.as_str()))?;
        self.yearly(Cycle::Season { first, last }, year, m.relative)
    }

    /// "before Christmas", "by Easter", "at Christmas 2004".
    fn holiday(&self, m: &Match) -> Option<Meaning> {
        let r = &self.rules;
        let cycle = *r.holidays.get(&normalize(m.text("holiday")))?;
        let year: Option<i32> = m.caps.name("y").and_then(|y| y.as_str().parse().ok());
        if !(m.prep.is_some() || m.relative.is_some() || year.is_some())
            || possessive_after(m.s, m.end) // "the New Year's list"
            || r.after_holiday.contains(m.word_after())
        {
            return None;
        }
        self.yearly(cycle, year, m.relative)
    }

    fn yearly(
        &self,
        cycle: Cycle,
        year: Option<i32>,
        relative: Option<Relative>,
    ) -> Option<Meaning> {
        Some(match year {
            Some(y) => Meaning::Fixed(cycle.in_year(y)?),
            None => Meaning::Yearly {
                cycle,
                pick: relative.map_or(Pick::Nearest, Pick::Relative),
                weekday: None,
            },
        })
    }

    /// Tense cues of a sentence; where a future cue and a past one overlap
    /// ("to be announced") the future one wins.
    fn cues(&self, sentence: &str) -> Vec<Cue> {
        // Future cues may overlap ("is due to" and "to be announced"), so
        // the search restarts one character after each match's start.
        let mut cues: Vec<Cue> = Vec::new();
        let mut at = 0;
        while let Some(m) = self.future_cues.find_at(sentence, at) {
            cues.push(Cue {
                start: m.start(),
                end: m.end(),
                tense: Tense::Future,
            });
            at = m.start()
                + sentence[m.start()..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8);
        }
        let future_count = cues.len();
        for m in self.past_cues.find_iter(sentence) {
            let overlaps = cues[..future_count]
                .iter()
                .any(|c| c.start < m.end() && m.start() < c.end);
            if !overlaps {
                cues.push(Cue {
                    start: m.start(),
                    end: m.end(),
                    tense: Tense::Past,
                });
            }
        }
        cues
    }

    /// The tense of the nearest cue to a phrase, looked for first in its
    /// clause ("He said on Tuesday | that it will…" reads "said"), then in
    /// the whole sentence ("On Tuesday, | the minister said").
    fn tense_at(&self, sentence: &str, start: usize, end: usize, cues: &[Cue]) -> Tense {
        let (mut clause_start, mut clause_end) = (0, sentence.len());
        for m in self.clause_break.find_iter(sentence) {
            if m.end() <= start {
                clause_start = m.end();
            } else if m.start() >= end {
                clause_end = m.start();
                break;
            }
        }
        let nearest = |within: &dyn Fn(&Cue) -> bool| {
            cues.iter()
                .filter(|c| within(c))
                .min_by_key(|c| {
                    if c.end <= start {
                        (start - c.end, 0)
                    } else if c.start >= end {
                        (c.start - end, 1)
                    } else {
                        (0, 0)
                    }
                })
                .map(|c| c.tense)
        };
        nearest(&|c| c.start >= clause_start && c.end <= clause_end)
            .or_else(|| nearest(&|_| true))
            .unwrap_or(Tense::Unknown)
    }
}

/// One pattern match and the words around it.
struct Match<'a> {
    s: &'a str,
    caps: &'a Captures<'a>,
    start: usize,
    end: usize,
    prep: Option<&'a str>,
    part: Part,
    /// "last", "this", "next" before the head word.
    relative: Option<Relative>,
    /// "the" in the modifier's place: "at the weekend", "in the spring".
    the: bool,
}

impl Match<'_> {
    fn text(&self, group: &str) -> &str {
        self.caps.name(group).map_or("", |m| m.as_str())
    }

    fn word_after(&self) -> &str {
        word_after(self.s, self.end)
    }
}

/// A number in the phrase must not be part of a larger figure: "£2024",
/// "2,024 people", "2024%", "1.2005".
fn numbers_stand_alone(s: &str, start: usize, end: usize) -> bool {
    let before: Vec<char> = s[..start].chars().rev().take(2).collect();
    let after: Vec<char> = s[end..].chars().take(2).collect();
    let starts_with_digit = s[start..].starts_with(|c: char| c.is_ascii_digit());
    let ends_with_digit = s[..end].ends_with(|c: char| c.is_ascii_digit());
    if starts_with_digit {
        match before.as_slice() {
            [c, ..] if matches!(c, '£' | '$' | '€' | '#') || c.is_ascii_digit() => return false,
            [c, d, ..] if matches!(c, ',' | '.' | '/' | '-') && d.is_ascii_digit() => return false,
            _ => {}
        }
    }
    if ends_with_digit {
        match after.as_slice() {
            [c, ..] if *c == '%' || c.is_ascii_digit() => return false,
            [c, d, ..] if matches!(c, ',' | '.' | '/' | '-' | ':') && d.is_ascii_digit() => {
                return false;
            }
            _ => {}
        }
    }
    true
}

/// "31/03/2025" is day first (UK); "03/31/2025" can only be month first;
/// "03/04/2025" could be either, so it is returned without a date.
fn numeric_date(body: &str) -> Option<Meaning> {
    let mut parts = body.split('/').map(|p| p.parse::<u32>().ok());
    let (a, b, y) = (parts.next()??, parts.next()??, parts.next()?? as i32);
    let (day, month) = match (a, b) {
        _ if a == b || (a > 12 && b <= 12) => (a, b),
        _ if b > 12 && a <= 12 => (b, a),
        _ => return Some(Meaning::Vague),
    };
    Some(Meaning::Fixed(Span::day(NaiveDate::from_ymd_opt(
        y, month, day,
    )?)))
}

/// The word (letters, digits, apostrophes) ending just before `pos`, after
/// any white space.
fn word_before(s: &str, pos: usize) -> &str {
    let head = s[..pos].trim_end();
    let begin = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || matches!(c, '\'' | '’'))
        .last()
        .map_or(head.len(), |(i, _)| i);
    &head[begin..]
}

/// The word (letters and digits) starting just after `pos`, after any white
/// space; empty at punctuation.
fn word_after(s: &str, pos: usize) -> &str {
    let tail = s[pos..].trim_start();
    let len = tail
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(tail.len(), |(i, _)| i);
    &tail[..len]
}

/// "GMTV's", "News'": the next word is owned, so a weekday after it names a
/// programme. "it's Tuesday" is not a possessive.
fn is_possessive(word: &str) -> bool {
    let word = word.replace('’', "'");
    let contraction = matches!(
        word.to_lowercase().as_str(),
        "it's" | "that's" | "there's" | "what's" | "he's" | "she's" | "who's" | "here's"
    );
    !contraction && (word.ends_with("'s") || (word.len() > 2 && word.ends_with("s'")))
}

fn possessive_after(s: &str, pos: usize) -> bool {
    s[pos..].starts_with("'s") || s[pos..].starts_with("’s")
}

/// The noun a word at `pos` may modify, past a possessive: "Sunday Times",
/// "Sunday's programme".
fn noun_after(s: &str, pos: usize) -> &str {
    let pos = if possessive_after(s, pos) {
        pos + s[pos..]
            .char_indices()
            .nth(2)
            .map_or(s.len() - pos, |(i, _)| i)
    } else {
        pos
    };
    word_after(s, pos)
}

// ---------------------------------------------------------------------------
// Meanings and their resolution.

/// A candidate phrase before resolution.
#[derive(Debug, Clone)]
struct Found {
    start: usize,
    end: usize,
    meaning: Meaning,
    part: Part,
}

/// Keeps the longest of overlapping candidates (the earliest on a tie), in
/// text order.
fn longest_first(mut found: Vec<Found>) -> Vec<Found> {
    found.sort_by_key(|f| (std::cmp::Reverse(f.end - f.start), f.start));
    let mut chosen: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        if chosen.iter().all(|c| f.end <= c.start || c.end <= f.start) {
            chosen.push(f);
        }
    }
    chosen.sort_by_key(|f| f.start);
    chosen
}

/// What a phrase denotes, before the publication date is known.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Meaning {
    /// About time, but no date: "in the coming weeks", "after the election".
    Vague,
    /// Needs no publication date: "31 March 2025", "in 2024", "the 1990s".
    Fixed(Span),
    /// Recurs every year; the year comes from the publication date:
    /// "16 March", "in September", "last July", "before Christmas".
    Yearly {
        cycle: Cycle,
        pick: Pick,
        weekday: Option<Weekday>,
    },
    /// "on Tuesday", "next Monday".
    Weekday {
        day: Weekday,
        relative: Option<Relative>,
    },
    /// "at the weekend", "this weekend".
    Weekend { relative: Option<Relative> },
    /// "yesterday" (-1), "today" (0), "tomorrow" (1).
    RelativeDay(i64),
    /// "last week", "next month", "earlier this year".
    Period {
        unit: PeriodUnit,
        offset: i32,
        portion: Portion,
    },
    /// "two weeks ago", "within 14 days", "in two weeks' time".
    Shift {
        n: u32,
        unit: Unit,
        direction: Shift,
    },
    /// "between March 31 and April 1", "3-5 March", "from 1998 to 2004".
    Range(Side, Side),
}

impl Meaning {
    /// Checks and completes the two ends of a range: a bare day takes the
    /// other end's month ("3-5 March", "March 3-5").
    fn range(mut a: Side, mut b: Side) -> Option<Meaning> {
        if a.month.is_none() && b.month.is_none() {
            // Only years make a range without months: "between 2005 and 2008".
            let years_only =
                a.day.is_none() && b.day.is_none() && a.year.is_some() && b.year.is_some();
            return if years_only {
                Some(Meaning::Fixed(Span::years(a.year?, b.year?)?))
            } else {
                None
            };
        }
        if a.day.is_some() && a.month.is_none() {
            a.month = b.month;
        }
        if b.day.is_some() && b.month.is_none() {
            b.month = a.month;
        }
        for side in [&a, &b] {
            if side.month.is_none() && side.year.is_none() {
                return None;
            }
            if let (Some(m), Some(d)) = (side.month, side.day) {
                NaiveDate::from_ymd_opt(side.year.unwrap_or(2000), m, d)?;
            }
        }
        Some(Meaning::Range(a, b))
    }

    fn needs_tense(&self) -> bool {
        match self {
            Meaning::Yearly { pick, .. } => *pick == Pick::Nearest,
            Meaning::Weekday { relative, .. } | Meaning::Weekend { relative } => relative.is_none(),
            Meaning::Range(a, b) => a.year.is_none() && b.year.is_none(),
            _ => false,
        }
    }
}

/// Which year's occurrence of a yearly day or period is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pick {
    /// The nearest to publication, forward for a future clause, back for a
    /// past one ("in September").
    Nearest,
    /// "last July": the latest one over before publication; "next May": the
    /// first to start after it; "this March": the one under way or of the
    /// publication year.
    Relative(Relative),
    /// "March next year": the one in the publication year plus this.
    InYear(i32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
    Unknown,
}

#[derive(Debug, Clone, Copy)]
struct Cue {
    start: usize,
    end: usize,
    tense: Tense,
}

/// "earlier this month" is the month so far, "later this year" the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Portion {
    Whole,
    SoFar,
    Rest,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shift {
    /// "two weeks ago": that day.
    Ago,
    /// "in two weeks' time": that day.
    After,
    /// "within 14 days", "in the next two weeks": publication to then.
    Ahead,
    /// "over the past five years": then to publication.
    Back,
}

/// A part of a period: "early March", "the end of 2006".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Part {
    Whole,
    Early,
    Mid,
    Late,
    /// "the start of next year": its first day.
    Start,
    /// "by the end of March": its last day.
    End,
    /// "the first half of next year", "the second half of 2025".
    FirstHalf,
    SecondHalf,
    /// "the first quarter of 2026" … "the fourth quarter".
    FirstQuarter,
    SecondQuarter,
    ThirdQuarter,
    FourthQuarter,
}

impl Part {
    /// Early, mid and late are thirds: of the months for a span of whole
    /// months ("early 2006" = January-April), of the years for a decade ("the
    /// early 1990s" = 1990-1992), of the days otherwise ("early March" = 1-10).
    fn apply(self, span: Span) -> Option<Span> {
        let third = match self {
            Part::Whole => return Some(span),
            Part::Start => return Some(Span::day(span.first)),
            Part::End => return Some(Span::day(span.last)),
            Part::FirstHalf => return share(span, 0, 2),
            Part::SecondHalf => return share(span, 1, 2),
            Part::FirstQuarter => return share(span, 0, 4),
            Part::SecondQuarter => return share(span, 1, 4),
            Part::ThirdQuarter => return share(span, 2, 4),
            Part::FourthQuarter => return share(span, 3, 4),
            Part::Early => 0,
            Part::Mid => 1,
            Part::Late => 2,
        };
        let whole_years =
            span.first.ordinal() == 1 && span.last.month() == 12 && span.last.day() == 31;
        let years = span.last.year() - span.first.year() + 1;
        if whole_years && years >= 3 {
            let (a, b) = thirds(years as u32, third);
            return Span::years(span.first.year() + a as i32, span.first.year() + b as i32);
        }
        let whole_months =
            span.first.day() == 1 && span.last == month_end(span.last.year(), span.last.month())?;
        let months = months_between(span.first, span.last) + 1;
        if whole_months && months >= 3 {
            let (a, b) = thirds(months, third);
            let first = span.first.checked_add_months(Months::new(a))?;
            let last = span
                .first
                .checked_add_months(Months::new(b + 1))?
                .pred_opt()?;
            return Some(Span { first, last });
        }
        let days = (span.last - span.first).num_days() as u32 + 1;
        let (a, b) = thirds(days, third);
        Some(Span {
            first: span.first + Days::new(a.into()),
            last: span.first + Days::new(b.into()),
        })
    }
}

/// Share `which` (0-based) of `n` equal shares of a span: of its months
/// when they divide evenly ("the second half of 2025" = July-December),
/// else of its days.
fn share(span: Span, which: u32, n: u32) -> Option<Span> {
    let whole_months =
        span.first.day() == 1 && span.last == month_end(span.last.year(), span.last.month())?;
    let months = months_between(span.first, span.last) + 1;
    if whole_months && months.is_multiple_of(n) {
        let each = months / n;
        let first = span.first.checked_add_months(Months::new(which * each))?;
        let last = span
            .first
            .checked_add_months(Months::new((which + 1) * each))?
            .pred_opt()?;
        return Some(Span { first, last });
    }
    let days = (span.last - span.first).num_days() as u32 + 1;
    let each = (days / n).max(1);
    let first = (which * each).min(days - 1);
    let last = if which + 1 == n {
        days - 1
    } else {
        ((which + 1) * each).min(days) - 1
    };
    Some(Span {
        first: span.first + Days::new(first.into()),
        last: span.first + Days::new(last.max(first).into()),
    })
}

/// The first and last index (0-based) of third `which` of `n` items: the
/// last third takes the remainder, so March splits 1-10, 11-20, 21-31.
fn thirds(n: u32, which: u32) -> (u32, u32) {
    let third = (n / 3).max(1);
    match which {
        0 => (0, third - 1),
        1 => (third.min(n - 1), (2 * third - 1).min(n - 1)),
        _ => ((2 * third).min(n - 1), n - 1),
    }
}

fn months_between(a: NaiveDate, b: NaiveDate) -> u32 {
    ((b.year() - a.year()) * 12 + b.month() as i32 - a.month() as i32).max(0) as u32
}

/// Day, month, year and weekday as written in one end of a range or date.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Side {
    day: Option<u32>,
    month: Option<u32>,
    year: Option<i32>,
    weekday: Option<Weekday>,
}

impl Side {
    /// The day, month or year this side names, once it has a year.
    fn span(&self, year: i32) -> Option<Span> {
        match (self.month, self.day) {
            (Some(m), Some(d)) => Some(Span::day(NaiveDate::from_ymd_opt(year, m, d)?)),
            (Some(m), None) => Span::month(year, m),
            _ => Span::year(year),
        }
    }

    fn cycle(&self) -> Option<Cycle> {
        match (self.month, self.day) {
            (Some(month), Some(day)) => Some(Cycle::Day { month, day }),
            (Some(month), None) => Some(Cycle::Month(month)),
            _ => None,
        }
    }
}

/// Something that comes round once a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cycle {
    Day {
        month: u32,
        day: u32,
    },
    Month(u32),
    /// First and last month; a season whose last month comes before its
    /// first (winter) ends in the next year.
    Season {
        first: u32,
        last: u32,
    },
    /// Days after Easter Sunday (negative: before).
    Easter(i64),
}

impl Cycle {
    fn in_year(&self, year: i32) -> Option<Span> {
        match *self {
            Cycle::Day { month, day } => {
                Some(Span::day(NaiveDate::from_ymd_opt(year, month, day)?))
            }
            Cycle::Month(m) => Span::month(year, m),
            Cycle::Season { first, last } => {
                let end_year = if last < first { year + 1 } else { year };
                Some(Span {
                    first: NaiveDate::from_ymd_opt(year, first, 1)?,
                    last: month_end(end_year, last)?,
                })
            }
            Cycle::Easter(offset) => {
                let easter = easter_sunday(year)?;
                Some(Span::day(
                    easter.checked_add_signed(TimeDelta::days(offset))?,
                ))
            }
        }
    }

    fn is_day(&self) -> bool {
        matches!(self, Cycle::Day { .. } | Cycle::Easter(_))
    }
}

/// An inclusive run of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    first: NaiveDate,
    last: NaiveDate,
}

impl Span {
    fn day(d: NaiveDate) -> Span {
        Span { first: d, last: d }
    }

    fn month(year: i32, month: u32) -> Option<Span> {
        Some(Span {
            first: NaiveDate::from_ymd_opt(year, month, 1)?,
            last: month_end(year, month)?,
        })
    }

    fn year(year: i32) -> Option<Span> {
        Span::years(year, year)
    }

    fn years(first: i32, last: i32) -> Option<Span> {
        if last < first {
            return None;
        }
        Some(Span {
            first: NaiveDate::from_ymd_opt(first, 1, 1)?,
            last: NaiveDate::from_ymd_opt(last, 12, 31)?,
        })
    }

    fn contains(&self, d: NaiveDate) -> bool {
        self.first <= d && d <= self.last
    }

    /// Days from `d` to the nearest day of the span (0 inside it).
    fn distance(&self, d: NaiveDate) -> i64 {
        if d < self.first {
            (self.first - d).num_days()
        } else if d > self.last {
            (d - self.last).num_days()
        } else {
            0
        }
    }
}

fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)?
        .checked_add_months(Months::new(1))?
        .pred_opt()
}

fn financial_year(start_year: i32, start_month: u32) -> Option<Span> {
    let first = NaiveDate::from_ymd_opt(start_year, start_month, 1)?;
    Some(Span {
        first,
        last: first.checked_add_months(Months::new(12))?.pred_opt()?,
    })
}

/// Easter Sunday (Gregorian), by the anonymous algorithm of 1876.
fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let (a, b, c) = (year % 19, year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// A day or two either side of publication still counts as "now": a
/// future-tense "on 1 February" in an article of 3 February is this year's,
/// not next year's.
const SLACK_DAYS: u64 = 7;

/// The days a phrase denotes; relative ones need the publication date.
fn resolve(
    meaning: &Meaning,
    published: Option<NaiveDate>,
    tense: Tense,
    financial_year_start: u32,
) -> Option<Span> {
    let published = match meaning {
        Meaning::Fixed(span) => return Some(*span),
        _ => published?,
    };
    match *meaning {
        Meaning::Vague | Meaning::Fixed(_) => None,
        Meaning::Yearly {
            cycle,
            pick,
            weekday,
        } => pick_yearly(cycle, pick, weekday, published, tense),
        Meaning::Weekday { day, relative } => {
            Some(Span::day(pick_weekday(day, relative, published, tense)?))
        }
        Meaning::Weekend { relative } => {
            let saturday = pick_weekend(relative, published, tense)?;
            Some(Span {
                first: saturday,
                last: saturday.succ_opt()?,
            })
        }
        Meaning::RelativeDay(days) => Some(Span::day(
            published.checked_add_signed(TimeDelta::days(days))?,
        )),
        Meaning::Period {
            unit,
            offset,
            portion,
        } => {
            let span = period_span(unit, offset, published, financial_year_start)?;
            match portion {
                Portion::Whole => Some(span),
                Portion::SoFar => Some(Span {
                    first: span.first,
                    last: published.min(span.last),
                }),
                Portion::Rest => Some(Span {
                    first: published.max(span.first),
                    last: span.last,
                }),
            }
        }
        Meaning::Shift { n, unit, direction } => {
            let back = |d: NaiveDate| shift(d, n, unit, false);
            let ahead = |d: NaiveDate| shift(d, n, unit, true);
            match direction {
                Shift::Ago => Some(Span::day(back(published)?)),
                Shift::After => Some(Span::day(ahead(published)?)),
                Shift::Ahead => Some(Span {
                    first: published,
                    last: ahead(published)?,
                }),
                Shift::Back => Some(Span {
                    first: back(published)?,
                    last: published,
                }),
            }
        }
        Meaning::Range(a, b) => resolve_range(a, b, published, tense),
    }
}

fn shift(d: NaiveDate, n: u32, unit: Unit, forward: bool) -> Option<NaiveDate> {
    let days = |k: u64| {
        if forward {
            d.checked_add_days(Days::new(k))
        } else {
            d.checked_sub_days(Days::new(k))
        }
    };
    let months = |k: u32| {
        if forward {
            d.checked_add_months(Months::new(k))
        } else {
            d.checked_sub_months(Months::new(k))
        }
    };
    match unit {
        Unit::Day => days(n.into()),
        Unit::Week => days(7 * u64::from(n)),
        Unit::Fortnight => days(14 * u64::from(n)),
        Unit::Month => months(n),
        Unit::Year => months(12 * n),
        Unit::Decade => months(120 * n),
    }
}

/// Chooses which year's occurrence of `cycle` is meant.
fn pick_yearly(
    cycle: Cycle,
    pick: Pick,
    weekday: Option<Weekday>,
    published: NaiveDate,
    tense: Tense,
) -> Option<Span> {
    let year = published.year();
    let relative = match pick {
        Pick::InYear(offset) => return cycle.in_year(year + offset),
        Pick::Relative(relative) => Some(relative),
        Pick::Nearest => None,
    };
    let candidates: Vec<Span> = (year - 1..=year + 2)
        .filter_map(|y| cycle.in_year(y))
        .collect();
    let slack = Days::new(if cycle.is_day() { SLACK_DAYS } else { 0 });
    let nearest = || {
        candidates
            .iter()
            .min_by_key(|s| s.distance(published))
            .copied()
    };
    let chosen = match relative {
        Some(Relative::Last) => candidates
            .iter()
            .rev()
            .find(|s| s.last < published)
            .copied(),
        Some(Relative::Next) => candidates.iter().find(|s| s.first > published).copied(),
        Some(Relative::This) => candidates
            .iter()
            .find(|s| s.contains(published))
            .or_else(|| candidates.iter().find(|s| s.first.year() == year))
            .copied(),
        None => match tense {
            Tense::Future => candidates
                .iter()
                .find(|s| s.last + slack >= published)
                .copied(),
            Tense::Past => candidates
                .iter()
                .rev()
                .find(|s| s.first - slack <= published)
                .copied(),
            Tense::Unknown => nearest(),
        },
    }?;
    // "Tuesday 4 February" with no year: trust the weekday over the tense.
    match weekday {
        Some(w) if chosen.first.weekday() != w => Some(
            candidates
                .iter()
                .filter(|s| s.first.weekday() == w)
                .min_by_key(|s| s.distance(chosen.first))
                .copied()
                .unwrap_or(chosen),
        ),
        _ => Some(chosen),
    }
}

/// The weekday meant by "on Tuesday" (within six days, forward in a future
/// clause, back otherwise; the publication day itself counts), "last
/// Tuesday", "next Tuesday", "this Tuesday".
fn pick_weekday(
    day: Weekday,
    relative: Option<Relative>,
    published: NaiveDate,
    tense: Tense,
) -> Option<NaiveDate> {
    let ahead = u64::from(
        (day.num_days_from_monday() + 7 - published.weekday().num_days_from_monday()) % 7,
    );
    let back = (7 - ahead) % 7;
    match relative {
        None if tense == Tense::Future => published.checked_add_days(Days::new(ahead)),
        None => published.checked_sub_days(Days::new(back)),
        Some(Relative::Last) => {
            published.checked_sub_days(Days::new(if back == 0 { 7 } else { back }))
        }
        Some(Relative::Next) => {
            published.checked_add_days(Days::new(if ahead == 0 { 7 } else { ahead }))
        }
        Some(Relative::This) => {
            monday_of(published).checked_add_days(Days::new(day.num_days_from_monday().into()))
        }
    }
}

/// The Saturday of the weekend meant.
fn pick_weekend(
    relative: Option<Relative>,
    published: NaiveDate,
    tense: Tense,
) -> Option<NaiveDate> {
    let this_saturday = monday_of(published).checked_add_days(Days::new(5))?;
    let week_before = |d: NaiveDate| d.checked_sub_days(Days::new(7));
    match relative {
        Some(Relative::This) => Some(this_saturday),
        Some(Relative::Last) => week_before(this_saturday),
        Some(Relative::Next) if published >= this_saturday => {
            this_saturday.checked_add_days(Days::new(7))
        }
        Some(Relative::Next) => Some(this_saturday),
        // "at the weekend": the one just gone, or the coming one in a future clause.
        None if tense == Tense::Future || published >= this_saturday => Some(this_saturday),
        None => week_before(this_saturday),
    }
}

fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Days::new(d.weekday().num_days_from_monday().into())
}

/// "last week" is the Monday-Sunday week before the publication week;
/// "next month" the whole calendar month after it.
fn period_span(unit: PeriodUnit, offset: i32, published: NaiveDate, fy_start: u32) -> Option<Span> {
    match unit {
        PeriodUnit::Week => {
            let monday =
                monday_of(published).checked_add_signed(TimeDelta::weeks(offset.into()))?;
            Some(Span {
                first: monday,
                last: monday.checked_add_days(Days::new(6))?,
            })
        }
        PeriodUnit::Month => {
            let first = NaiveDate::from_ymd_opt(published.year(), published.month(), 1)?;
            let first = if offset >= 0 {
                first.checked_add_months(Months::new(offset as u32))?
            } else {
                first.checked_sub_months(Months::new(offset.unsigned_abs()))?
            };
            Span::month(first.year(), first.month())
        }
        PeriodUnit::Year => Span::year(published.year() + offset),
        // Read as Meaning::Weekend, which knows which weekend is meant.
        PeriodUnit::Weekend => None,
        PeriodUnit::Decade => {
            let start = published.year() - published.year().rem_euclid(10) + 10 * offset;
            Span::years(start, start + 9)
        }
        PeriodUnit::FinancialYear => {
            let start = if published.month() >= fy_start {
                published.year()
            } else {
                published.year() - 1
            };
            financial_year(start + offset, fy_start)
        }
    }
}

/// "between March 31 and April 1": a year written on one end serves the
/// other; with none, the start's year follows the tense and the end's year
/// follows the start ("December 30 - January 2" crosses into the next year).
fn resolve_range(mut a: Side, mut b: Side, published: NaiveDate, tense: Tense) -> Option<Span> {
    match (a.year, b.year) {
        (Some(_), Some(_)) => {}
        (None, Some(y)) => {
            a.year = Some(y);
            if a.span(y)?.first > b.span(y)?.first {
                a.year = Some(y - 1);
            }
        }
        (start_year, None) => {
            let y = match start_year {
                Some(y) => y,
                None => pick_yearly(a.cycle()?, Pick::Nearest, a.weekday, published, tense)?
                    .first
                    .year(),
            };
            a.year = Some(y);
            b.year = Some(y);
            if b.span(y)?.last < a.span(y)?.first {
                b.year = Some(y + 1);
            }
        }
    }
    let (first, last) = (a.span(a.year?)?.first, b.span(b.year?)?.last);
    (first <= last).then_some(Span { first, last })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The seeds' publication date, a Monday.
    const PUBLISHED: (i32, u32, u32) = (2025, 2, 3);

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn published() -> Option<NaiveDate> {
        Some(d(PUBLISHED.0, PUBLISHED.1, PUBLISHED.2))
    }

    /// The one phrase found in `sentence` whose text is `phrase`.
    fn find_on(sentence: &str, phrase: &str, on: Option<NaiveDate>) -> TimeExpr {
        let found = find_times(sentence, on);
        found
            .iter()
            .find(|t| t.text == phrase)
            .cloned()
            .unwrap_or_else(|| panic!("{phrase:?} not found in {sentence:?}; found {found:#?}"))
    }

    fn find(sentence: &str, phrase: &str) -> TimeExpr {
        find_on(sentence, phrase, published())
    }

    #[track_caller]
    fn day(sentence: &str, phrase: &str, expected: NaiveDate) {
        let t = find(sentence, phrase);
        assert_eq!(
            (t.date, t.end_date),
            (Some(expected), None),
            "{phrase:?} in {sentence:?}"
        );
    }

    #[track_caller]
    fn span(sentence: &str, phrase: &str, first: NaiveDate, last: NaiveDate) {
        let t = find(sentence, phrase);
        assert_eq!(
            (t.date, t.end_date),
            (Some(first), Some(last)),
            "{phrase:?} in {sentence:?}"
        );
    }

    #[track_caller]
    fn unresolved(sentence: &str, phrase: &str) {
        let t = find(sentence, phrase);
        assert_eq!(
            (t.date, t.end_date),
            (None, None),
            "{phrase:?} in {sentence:?}"
        );
    }

    #[track_caller]
    fn nothing(sentence: &str) {
        let found = find_times(sentence, published());
        assert!(found.is_empty(), "{sentence:?}: {found:#?}");
    }

    #[test]
    fn dates_rules_load() {
        let grammar = Grammar::new(RULES_TOML).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(grammar.rules.months["Sept"], 9);
        assert_eq!(grammar.rules.events[&(9, 11)], d(2001, 9, 11));
    }

    #[test]
    fn dates_bad_rules_say_where() {
        let broken = RULES_TOML.replace("December = 12", "December = 13");
        let err = Grammar::new(&broken)
            .err()
            .expect("month 13 is rejected")
            .to_string();
        assert!(
            err.contains("rules/dates.toml") && err.contains("December"),
            "{err}"
        );
        let err = Grammar::new("months = 3")
            .err()
            .expect("not a table")
            .to_string();
        assert!(err.contains("line 1"), "{err}");
    }

    #[test]
    fn dates_span_and_text() {
        let s = "The new taskforce is due to be announced in Rome on Tuesday and will attempt it.";
        let t = find(s, "on Tuesday");
        assert_eq!(&s[t.start..t.end], "on Tuesday");
        assert_eq!(find_times(s, published()).len(), 1);
    }

    #[test]
    fn dates_weekdays_follow_tense() {
        let s = "The new taskforce is due to be announced in Rome on Tuesday";
        day(s, "on Tuesday", d(2025, 2, 4));
        day(
            "The minister said on Tuesday that the bill was dead.",
            "on Tuesday",
            d(2025, 1, 28),
        );
        day(
            "He said on Tuesday the bill will be published next month.",
            "on Tuesday",
            d(2025, 1, 28),
        );
        day(
            "Talks will take place on Friday, he said.",
            "on Friday",
            d(2025, 2, 7),
        );
        day(
            "On Friday, the minister said the plan was sound.",
            "On Friday",
            d(2025, 1, 31),
        );
        day(
            "Mr Smith will speak later on Friday.",
            "later on Friday",
            d(2025, 2, 7),
        );
        day(
            "The vote came on Tuesday night.",
            "on Tuesday night",
            d(2025, 1, 28),
        );
        day(
            "MPs are set to vote on Wednesday's motion.",
            "on Wednesday",
            d(2025, 2, 5),
        );
        // Published on a Tuesday, a past "on Tuesday" is that very day.
        let tuesday = Some(d(2025, 2, 4));
        let t = find_on(
            "The minister said on Tuesday that it was over.",
            "on Tuesday",
            tuesday,
        );
        assert_eq!(t.date, tuesday);
        // No tense at all: back, as in most reporting.
        day("Tuesday's meeting in Rome.", "Tuesday", d(2025, 1, 28));
    }

    #[test]
    fn dates_weekday_modifiers() {
        day(
            "The bill will be debated next Monday.",
            "next Monday",
            d(2025, 2, 10),
        );
        day(
            "The bill was debated last Friday.",
            "last Friday",
            d(2025, 1, 31),
        );
        day("It happens this Thursday.", "this Thursday", d(2025, 2, 6));
        // An explicit date settles the weekday.
        day(
            "Talks begin on Tuesday 4 February in Rome.",
            "on Tuesday 4 February",
            d(2025, 2, 4),
        );
        day(
            "Talks begin on Tuesday, February 4 in Rome.",
            "on Tuesday, February 4",
            d(2025, 2, 4),
        );
    }

    #[test]
    fn dates_weekday_modifiers_of_nouns_are_skipped() {
        nothing("He told the Sunday Times that he would stand.");
        nothing("He told GMTV's Sunday programme that he would stand.");
        nothing("Sky News' Sunday with Adam Boulton");
        nothing("He told BBC Radio 4's Today programme he would stand.");
        nothing("He told the Today programme he would stand.");
        nothing("the Good Friday Agreement was signed.");
        nothing("Shops open on a Sunday in some towns.");
        nothing("It was the Second World War.");
    }

    #[test]
    fn dates_relative_days() {
        day("Ministers met yesterday.", "yesterday", d(2025, 2, 2));
        day("Ministers meet today.", "today", d(2025, 2, 3));
        day(
            "Ministers will meet tomorrow night.",
            "tomorrow night",
            d(2025, 2, 4),
        );
        day(
            "A vote is expected later today.",
            "later today",
            d(2025, 2, 3),
        );
        day(
            "The report, published with today's announcement,",
            "today",
            d(2025, 2, 3),
        );
    }

    #[test]
    fn dates_relative_periods() {
        span(
            "Ministers met this week.",
            "this week",
            d(2025, 2, 3),
            d(2025, 2, 9),
        );
        span(
            "Last week the Home Office announced it.",
            "Last week",
            d(2025, 1, 27),
            d(2025, 2, 2),
        );
        span(
            "It comes after the Government last week unveiled it.",
            "last week",
            d(2025, 1, 27),
            d(2025, 2, 2),
        );
        span(
            "The summit is next week.",
            "next week",
            d(2025, 2, 10),
            d(2025, 2, 16),
        );
        span(
            "Last month Italian PM Giorgia Meloni said",
            "Last month",
            d(2025, 1, 1),
            d(2025, 1, 31),
        );
        span(
            "Next month representatives will meet.",
            "Next month",
            d(2025, 3, 1),
            d(2025, 3, 31),
        );
        span(
            "It closes this month.",
            "this month",
            d(2025, 2, 1),
            d(2025, 2, 28),
        );
        span(
            "78 people died trying last year.",
            "last year",
            d(2024, 1, 1),
            d(2024, 12, 31),
        );
        span(
            "It opens next year.",
            "next year",
            d(2026, 1, 1),
            d(2026, 12, 31),
        );
        span(
            "It was agreed earlier this month.",
            "earlier this month",
            d(2025, 2, 1),
            d(2025, 2, 3),
        );
        span(
            "It was agreed earlier this year.",
            "earlier this year",
            d(2025, 1, 1),
            d(2025, 2, 3),
        );
        span(
            "It will be agreed later this year.",
            "later this year",
            d(2025, 2, 3),
            d(2025, 12, 31),
        );
        span(
            "Spending this financial year rose.",
            "this financial year",
            d(2024, 4, 1),
            d(2025, 3, 31),
        );
        span(
            "He rested at the weekend.",
            "at the weekend",
            d(2025, 2, 1),
            d(2025, 2, 2),
        );
        span(
            "He will rest at the weekend.",
            "at the weekend",
            d(2025, 2, 8),
            d(2025, 2, 9),
        );
        day(
            "It must be done by the end of the year.",
            "by the end of the year",
            d(2025, 12, 31),
        );
        nothing("It was the last week of his life.");
    }

    #[test]
    fn dates_counted_periods() {
        unresolved(
            "Details will follow in the coming weeks.",
            "in the coming weeks",
        );
        unresolved(
            "Details will follow in the next few weeks.",
            "in the next few weeks",
        );
        unresolved("Details will follow within weeks.", "within weeks");
        day(
            "The law passed three days ago.",
            "three days ago",
            d(2025, 1, 31),
        );
        day(
            "The law passed two weeks ago.",
            "two weeks ago",
            d(2025, 1, 20),
        );
        day("A year ago the law passed.", "A year ago", d(2024, 2, 3));
        day(
            "The law passed six months ago.",
            "six months ago",
            d(2024, 8, 3),
        );
        span(
            "Appeals must be made within 14 days.",
            "within 14 days",
            d(2025, 2, 3),
            d(2025, 2, 17),
        );
        span(
            "It will be ready in the next two weeks.",
            "in the next two weeks",
            d(2025, 2, 3),
            d(2025, 2, 17),
        );
        span(
            "Within two years the scheme will end.",
            "Within two years",
            d(2025, 2, 3),
            d(2027, 2, 3),
        );
        span(
            "Crime fell over the past five years.",
            "over the past five years",
            d(2020, 2, 3),
            d(2025, 2, 3),
        );
        day(
            "The results come in two weeks' time.",
            "in two weeks' time",
            d(2025, 2, 17),
        );
        day(
            "The results come in a year's time.",
            "in a year's time",
            d(2026, 2, 3),
        );
    }

    #[test]
    fn dates_months_follow_tense() {
        let past = "In September, Sir Keir said at a joint press conference: \"I am pleased.\"";
        span(past, "In September", d(2024, 9, 1), d(2024, 9, 30));
        span(
            "The summit will be held in September.",
            "in September",
            d(2025, 9, 1),
            d(2025, 9, 30),
        );
        span(
            "The summit will be held in January.",
            "in January",
            d(2026, 1, 1),
            d(2026, 1, 31),
        );
        span(
            "Turnout fell in February.",
            "in February",
            d(2025, 2, 1),
            d(2025, 2, 28),
        );
        span(
            "Ukip did well last July.",
            "last July",
            d(2024, 7, 1),
            d(2024, 7, 31),
        );
        span(
            "The election is tipped for next May.",
            "for next May",
            d(2025, 5, 1),
            d(2025, 5, 31),
        );
        span(
            "Yet in January of this year he spoke.",
            "in January of this year",
            d(2025, 1, 1),
            d(2025, 1, 31),
        );
        span(
            "It applies from January next year.",
            "from January next year",
            d(2026, 1, 1),
            d(2026, 1, 31),
        );
        span(
            "Sales rose in December of last year.",
            "in December of last year",
            d(2024, 12, 1),
            d(2024, 12, 31),
        );
    }

    #[test]
    fn dates_days_of_months() {
        // "last" with a day: the latest before publication, this year's.
        let t = find_on(
            "The president signed it last October 23.",
            "last October 23",
            Some(d(2025, 10, 29)),
        );
        assert_eq!(t.date, Some(d(2025, 10, 23)));
        day(
            "The talks will resume on September 12.",
            "on September 12",
            d(2025, 9, 12),
        );
        day(
            "The talks resumed on 12 September.",
            "on 12 September",
            d(2024, 9, 12),
        );
        day(
            "The talks resumed on 12 September 2024.",
            "on 12 September 2024",
            d(2024, 9, 12),
        );
        day(
            "Signed on March 12, 2003 in Paris.",
            "on March 12, 2003",
            d(2003, 3, 12),
        );
        day(
            "Brown named 16 March for the Budget, which will be delivered then.",
            "16 March",
            d(2025, 3, 16),
        );
        day(
            "The cut took effect on 1 January.",
            "on 1 January",
            d(2025, 1, 1),
        );
        day(
            "The cut will take effect on 1 January.",
            "on 1 January",
            d(2026, 1, 1),
        );
        day(
            "It was agreed on the 5th of May 2005.",
            "on the 5th of May 2005",
            d(2005, 5, 5),
        );
        day(
            "Security has tightened since 11 September.",
            "since 11 September",
            d(2001, 9, 11),
        );
        span(
            "It opens in March 2025.",
            "in March 2025",
            d(2025, 3, 1),
            d(2025, 3, 31),
        );
        span(
            "It opens in Sept 2025.",
            "in Sept 2025",
            d(2025, 9, 1),
            d(2025, 9, 30),
        );
        span(
            "They want a cut for March 2006.",
            "for March 2006",
            d(2006, 3, 1),
            d(2006, 3, 31),
        );
    }

    #[test]
    fn dates_parts_of_months_and_years() {
        span(
            "It follows in the second half of this year.",
            "in the second half of this year",
            d(2025, 7, 1),
            d(2025, 12, 31),
        );
        span(
            "Talks resume in the first quarter of 2026.",
            "in the first quarter of 2026",
            d(2026, 1, 1),
            d(2026, 3, 31),
        );
        span(
            "It opens in the final quarter of next year.",
            "in the final quarter of next year",
            d(2026, 10, 1),
            d(2026, 12, 31),
        );
        span(
            "Prices peaked in the first half of March.",
            "in the first half of March",
            d(2025, 3, 1),
            d(2025, 3, 15),
        );
        day(
            "It must be repaid by the end of March.",
            "by the end of March",
            d(2025, 3, 31),
        );
        day(
            "It must be repaid before the end of 2006.",
            "before the end of 2006",
            d(2006, 12, 31),
        );
        day(
            "It starts at the start of next year.",
            "at the start of next year",
            d(2026, 1, 1),
        );
        span(
            "It will open in early March.",
            "in early March",
            d(2025, 3, 1),
            d(2025, 3, 10),
        );
        span(
            "It will open in mid-March.",
            "in mid-March",
            d(2025, 3, 11),
            d(2025, 3, 20),
        );
        span(
            "It will open in late March.",
            "in late March",
            d(2025, 3, 21),
            d(2025, 3, 31),
        );
        span(
            "It will open in early 2006.",
            "in early 2006",
            d(2006, 1, 1),
            d(2006, 4, 30),
        );
        span(
            "It opened in mid-2005.",
            "in mid-2005",
            d(2005, 5, 1),
            d(2005, 8, 31),
        );
        span(
            "It began in the 1990s.",
            "in the 1990s",
            d(1990, 1, 1),
            d(1999, 12, 31),
        );
        span(
            "It began in the early 1990s.",
            "in the early 1990s",
            d(1990, 1, 1),
            d(1992, 12, 31),
        );
    }

    #[test]
    fn dates_ranges() {
        // The year after the second day closes the range.
        span(
            "The session was held from April 7–11, 2024 in London.",
            "from April 7–11, 2024",
            d(2024, 4, 7),
            d(2024, 4, 11),
        );
        let s = "Representatives from over 40 countries are set to attend a Border Security Summit in London between March 31 and April 1.";
        span(
            s,
            "between March 31 and April 1",
            d(2025, 3, 31),
            d(2025, 4, 1),
        );
        span(
            "It runs from 31 March to 1 April.",
            "from 31 March to 1 April",
            d(2025, 3, 31),
            d(2025, 4, 1),
        );
        span(
            "It runs 31 March – 1 April.",
            "31 March – 1 April",
            d(2025, 3, 31),
            d(2025, 4, 1),
        );
        span(
            "It runs March 31-April 1.",
            "March 31-April 1",
            d(2025, 3, 31),
            d(2025, 4, 1),
        );
        span(
            "It runs on 3-5 March.",
            "on 3-5 March",
            d(2025, 3, 3),
            d(2025, 3, 5),
        );
        span(
            "It runs March 3-5.",
            "March 3-5",
            d(2025, 3, 3),
            d(2025, 3, 5),
        );
        span(
            "It ran from 30 December to 2 January.",
            "from 30 December to 2 January",
            d(2024, 12, 30),
            d(2025, 1, 2),
        );
        span(
            "It runs between 3 and 5 March 2026.",
            "between 3 and 5 March 2026",
            d(2026, 3, 3),
            d(2026, 3, 5),
        );
        span(
            "Rates rise between 2005 and 2008.",
            "between 2005 and 2008",
            d(2005, 1, 1),
            d(2008, 12, 31),
        );
        span(
            "He served from 1997 to 2001.",
            "from 1997 to 2001",
            d(1997, 1, 1),
            d(2001, 12, 31),
        );
        span(
            "He served 1997-2001.",
            "1997-2001",
            d(1997, 1, 1),
            d(2001, 12, 31),
        );
        span(
            "Talks run between March and May.",
            "between March and May",
            d(2025, 3, 1),
            d(2025, 5, 31),
        );
        // Published in June, a future range in March is next year's.
        let june = Some(d(2025, 6, 10));
        let t = find_on(
            "The summit will be held between March 31 and April 1.",
            "between March 31 and April 1",
            june,
        );
        assert_eq!(
            (t.date, t.end_date),
            (Some(d(2026, 3, 31)), Some(d(2026, 4, 1)))
        );
        nothing("Support rose to between 10 and 20 per cent.");
    }

    #[test]
    fn dates_years() {
        span(
            "In 2024, 38,816 people crossed the Channel.",
            "In 2024",
            d(2024, 1, 1),
            d(2024, 12, 31),
        );
        span(
            "Pay will rise by 2007.",
            "by 2007",
            d(2007, 1, 1),
            d(2007, 12, 31),
        );
        span(
            "It will be ready in 2011 or 2012.",
            "in 2011 or 2012",
            d(2011, 1, 1),
            d(2012, 12, 31),
        );
        span(
            "Spending in 2005/06 rose.",
            "in 2005/06",
            d(2005, 4, 1),
            d(2006, 3, 31),
        );
        span(
            "Spending in 2005-06 rose.",
            "in 2005-06",
            d(2005, 4, 1),
            d(2006, 3, 31),
        );
        span(
            "Rates will rise 2005-08.",
            "2005-08",
            d(2005, 1, 1),
            d(2008, 12, 31),
        );
        span(
            "Targets for 2010 were set.",
            "for 2010",
            d(2010, 1, 1),
            d(2010, 12, 31),
        );
        let found = find_times(
            "In 2024, 38,816 people crossed, and 2,024 people died.",
            published(),
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        nothing("The fund holds £2024 in reserve and 2,024 people joined.");
        nothing("He won by 2000 votes.");
        nothing("It cost 2024 euros.");
        nothing("The year 2024 was hot and 2024 was long.");
    }

    #[test]
    fn dates_iso_and_numeric() {
        day(
            "Filed on 2025-03-31 at noon.",
            "on 2025-03-31",
            d(2025, 3, 31),
        );
        day(
            "Filed on 31/03/2025 at noon.",
            "on 31/03/2025",
            d(2025, 3, 31),
        );
        day(
            "Filed on 03/31/2025 in Ohio.",
            "on 03/31/2025",
            d(2025, 3, 31),
        );
        unresolved("Filed on 03/04/2025 at noon.", "on 03/04/2025");
    }

    #[test]
    fn dates_seasons_and_holidays() {
        span(
            "It will be ready by the spring of 2006.",
            "by the spring of 2006",
            d(2006, 3, 1),
            d(2006, 5, 31),
        );
        span(
            "It will be ready in the spring.",
            "in the spring",
            d(2025, 3, 1),
            d(2025, 5, 31),
        );
        span(
            "Ukip surged last summer.",
            "last summer",
            d(2024, 6, 1),
            d(2024, 8, 31),
        );
        span(
            "It was cold this winter.",
            "this winter",
            d(2024, 12, 1),
            d(2025, 2, 28),
        );
        day(
            "It was agreed before Christmas.",
            "before Christmas",
            d(2024, 12, 25),
        );
        day("It will be agreed by Easter.", "by Easter", d(2025, 4, 20));
        day(
            "It closed on Christmas Day 2004.",
            "on Christmas Day 2004",
            d(2004, 12, 25),
        );
        span(
            "The hunt is this weekend.",
            "this weekend",
            d(2025, 2, 8),
            d(2025, 2, 9),
        );
        span(
            "Plans for the coming decade.",
            "for the coming decade",
            d(2025, 2, 3),
            d(2035, 2, 3),
        );
        nothing("The party's spring conference opened.");
        nothing("He sent Christmas cards.");
        nothing("The Autumn Statement was read.");
    }

    #[test]
    fn dates_vague_phrases_have_no_date() {
        unresolved(
            "A decision is expected in the near future.",
            "in the near future",
        );
        unresolved(
            "The ban will apply after the election.",
            "after the election",
        );
        unresolved(
            "The aim is 12 months by the end of the next Parliament.",
            "by the end of the next Parliament",
        );
        unresolved("The ban applies immediately.", "immediately");
        unresolved(
            "The freeze on applications will continue until a date to be announced later.",
            "until a date to be announced later",
        );
        unresolved(
            "The border stays shut until further notice.",
            "until further notice",
        );
        unresolved(
            "Rents will be capped before the end of parliament.",
            "before the end of parliament",
        );
        unresolved(
            "The scheme opens in the coming weeks.",
            "in the coming weeks",
        );
        // A day counted from the story's events, not from publication.
        unresolved(
            "The following day, the minister resigned.",
            "The following day",
        );
        nothing("He left as soon as the vote was over.");
    }

    #[test]
    fn dates_without_publication_date_never_guess() {
        for (s, phrase) in [
            ("He said on Tuesday it was over.", "on Tuesday"),
            ("Next month representatives will meet.", "Next month"),
            ("In September, Sir Keir said it.", "In September"),
            ("The talks resumed on 12 September.", "on 12 September"),
            (
                "It ran between March 31 and April 1.",
                "between March 31 and April 1",
            ),
        ] {
            let t = find_on(s, phrase, None);
            assert_eq!(t.date, None, "{phrase}");
        }
        let t = find_on("It ended on 31 March 2025.", "on 31 March 2025", None);
        assert_eq!(t.date, Some(d(2025, 3, 31)));
        let t = find_on("In 2024, it rose.", "In 2024", None);
        assert_eq!(
            (t.date, t.end_date),
            (Some(d(2024, 1, 1)), Some(d(2024, 12, 31)))
        );
    }

    #[test]
    fn dates_words_that_are_not_dates() {
        nothing("Theresa May said the plan was flawed.");
        nothing("Mrs May said the plan was flawed.");
        nothing("They will march on Downing Street and it may rain.");
        nothing("Labour wants a May election.");
        nothing("June Sarpong presented the show.");
        nothing("He finished 3rd and the score was 3-1.");
        nothing("He came 21st in the race.");
        nothing("Jan Smith and Dec Murphy met.");
        // Found reading the BBC set.
        nothing("\"It is wrong,\" Mr Balls told Today.");
        nothing("Mr Blair told Sunday's programme he was sorry.");
        nothing("The photo appears in Thursday's Sun newspaper.");
        nothing("It is shown on BBC2 at 2005 GMT.");
        nothing("The government gives £200 for winter fuel.");
        nothing("He earns an honour in the New Year's list.");
        let found = find_times(
            "She praised them for immediately flying in water.",
            published(),
        );
        assert_eq!(found[0].text, "immediately", "not \"for immediately\"");
        let found = find_times("In January 25 people were convicted.", published());
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].text, "In January");
        let found = find_times("Taxes rose soon after the election.", published());
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].text, "after the election");
    }

    /// The sentences of /work/shared/seeds, published 2025-02-03.
    #[test]
    fn dates_seeds() {
        let cases = [
            (
                "The new taskforce is due to be announced in Rome on Tuesday and will attempt to “follow the money” as they seek to smother the operations of organised criminals.",
                "on Tuesday",
                d(2025, 2, 4),
                None,
            ),
            (
                "A new taskforce made up of crime agencies and Government officials will launch a \"follow the money\" approach at a crunch meeting in Rome on Tuesday.",
                "on Tuesday",
                d(2025, 2, 4),
                None,
            ),
            (
                "Last week the Home Office announced tough new measures that would see the UK Border Force given counter-terrorism-style powers.",
                "Last week",
                d(2025, 1, 27),
                Some(d(2025, 2, 2)),
            ),
            (
                "It comes after the Government last week unveiled its Border Security, Asylum and Immigration Bill, which will allow counter terror-style powers to target smugglers.",
                "last week",
                d(2025, 1, 27),
                Some(d(2025, 2, 2)),
            ),
            (
                "Next month representatives from over 40 countries will meet at a Border Security Summit in London where they will discuss a wide range of issues.",
                "Next month",
                d(2025, 3, 1),
                Some(d(2025, 3, 31)),
            ),
            (
                "Representatives from over 40 countries are set to attend a Border Security Summit in London between March 31 and April 1.",
                "between March 31 and April 1",
                d(2025, 3, 31),
                Some(d(2025, 4, 1)),
            ),
            (
                "In September, Sir Keir said at a joint press conference in the Italian capital: “I am pleased that we are deepening our cooperation here… to share intelligence.”",
                "In September",
                d(2024, 9, 1),
                Some(d(2024, 9, 30)),
            ),
            (
                "In September Mr Starmer said at a joint press conference in the Italian capital: \"I am pleased that we are deepening our cooperation here.\"",
                "In September",
                d(2024, 9, 1),
                Some(d(2024, 9, 30)),
            ),
            (
                "In 2024, 38,816 people crossed the Channel with an estimated 78 people dying whilst making the perilous crossing.",
                "In 2024",
                d(2024, 1, 1),
                Some(d(2024, 12, 31)),
            ),
            (
                "An estimated 78 people, including children, died trying to reach the UK last year.",
                "last year",
                d(2024, 1, 1),
                Some(d(2024, 12, 31)),
            ),
            (
                "Last month Italian PM Giorgia Meloni said she is \"in tune on many issues\" with Keir Starmer.",
                "Last month",
                d(2025, 1, 1),
                Some(d(2025, 1, 31)),
            ),
        ];
        for (sentence, phrase, first, last) in cases {
            let found = find_times(sentence, published());
            assert_eq!(found.len(), 1, "{sentence}: {found:#?}");
            let t = find(sentence, phrase);
            assert_eq!(
                (t.date, t.end_date),
                (Some(first), last),
                "{phrase:?} in {sentence:?}"
            );
        }
    }

    /// The seed files themselves, split crudely into sentences: every
    /// phrase found, to compare with `dates_seeds` above.
    #[test]
    #[ignore = "reads the shared seed articles"]
    fn dates_seed_files() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
        let mut paths: Vec<_> = std::fs::read_dir(&root)
            .expect("seeds")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).expect("seed");
            for t in find_in_article(&text, published()) {
                println!(
                    "{}\t{:?}\t{:?}..{:?}",
                    path.display(),
                    t.text,
                    t.date,
                    t.end_date
                );
            }
        }
    }

    #[test]
    fn dates_easter() {
        assert_eq!(easter_sunday(2025), Some(d(2025, 4, 20)));
        assert_eq!(easter_sunday(2005), Some(d(2005, 3, 27)));
        assert_eq!(easter_sunday(2024), Some(d(2024, 3, 31)));
    }

    proptest::proptest! {
        /// Any text: no panic, and every span is the text it claims.
        #[test]
        fn dates_any_text_is_safe(s in "\\PC{0,80}", words in "(on|in|by|May|March|Tuesday|2005|12|/|-|–|’s| |last|week|the end of)*") {
            for text in [s.as_str(), words.as_str()] {
                for t in find_times(text, published()) {
                    proptest::prop_assert_eq!(&text[t.start..t.end], t.text.as_str());
                    if let (Some(a), Some(b)) = (t.date, t.end_date) {
                        proptest::prop_assert!(a < b);
                    }
                }
            }
        }
    }

    /// Recall on the time phrases of the BBC gold set (`when.phrase`), and a
    /// print-out of what is found in all 300 articles, to read for false
    /// hits. Run with `cargo test --lib dates_bbc -- --ignored --nocapture`.
    #[test]
    #[ignore = "reads the shared evaluation set"]
    fn dates_bbc_gold_recall() {
        let root =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/bbc-politics");
        let gold = std::fs::read_to_string(root.join("gold.jsonl")).expect("gold.jsonl");
        let (mut total, mut hits) = (0, 0);
        let mut misses = Vec::new();
        for line in gold.lines().filter(|l| !l.trim().is_empty()) {
            let record: serde_json::Value = serde_json::from_str(line).expect("a JSON record");
            let file = record["file"].as_str().expect("file");
            let article = std::fs::read_to_string(root.join(file)).expect("article");
            let found = find_in_article(&article, published());
            for measure in record["measures"].as_array().expect("measures") {
                let Some(phrase) = measure["when"]["phrase"].as_str() else {
                    continue;
                };
                total += 1;
                let overlaps = article
                    .match_indices(phrase)
                    .any(|(at, p)| found.iter().any(|t| t.start < at + p.len() && at < t.end));
                if overlaps {
                    hits += 1;
                } else {
                    misses.push(format!(
                        "{} {phrase:?}",
                        record["id"].as_str().unwrap_or("?")
                    ));
                }
            }
        }
        let recall = hits as f64 / total as f64;
        println!("gold time phrases: {hits}/{total} found, recall {recall:.3}");
        for miss in &misses {
            println!("  missed {miss}");
        }

        let mut articles: Vec<_> = std::fs::read_dir(root.join("articles"))
            .expect("articles")
            .map(|e| e.expect("entry").path())
            .collect();
        articles.sort();
        let texts: Vec<String> = articles
            .iter()
            .map(|p| std::fs::read_to_string(p).expect("article"))
            .collect();
        let started = std::time::Instant::now();
        let mut count = 0;
        for _ in 0..10 {
            for text in &texts {
                count += find_in_article(text, published()).len();
            }
        }
        println!(
            "{} articles x10: {count} phrases in {:?}",
            texts.len(),
            started.elapsed()
        );
        for (path, text) in articles.iter().zip(&texts) {
            for t in find_in_article(text, published()) {
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
                let from = text[..t.start]
                    .char_indices()
                    .rev()
                    .nth(30)
                    .map_or(0, |(i, _)| i);
                let to = text[t.end..]
                    .char_indices()
                    .nth(30)
                    .map_or(text.len(), |(i, _)| t.end + i);
                let context = text[from..to].replace('\n', " ");
                println!(
                    "{name}\t{:?}\t{:?}..{:?}\t{context}",
                    t.text, t.date, t.end_date
                );
            }
        }
        assert!(recall >= 0.9, "recall {recall:.3} below 0.9");
    }

    /// Crude sentences: split after ". " and at line ends; spans are
    /// shifted back to article offsets.
    fn find_in_article(article: &str, on: Option<NaiveDate>) -> Vec<TimeExpr> {
        let mut out = Vec::new();
        let mut offset = 0;
        for piece in article.split_inclusive(['\n']) {
            let mut at = 0;
            for sentence in piece.split_inclusive(". ") {
                for mut t in find_times(sentence, on) {
                    t.start += offset + at;
                    t.end += offset + at;
                    out.push(t);
                }
                at += sentence.len();
            }
            offset += piece.len();
        }
        out
    }
}
