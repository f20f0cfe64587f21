//! Key figures: a number with what it counts ("38,816 people crossed the
//! Channel", "up to 14 years", "£75m", "over 40 countries", "3.5%").
//! Numbers inside time phrases, years, list numbers and small bare counts
//! are left out: they are not figures a reader looks for.

use std::sync::LazyLock;

use regex::Regex;

use super::{Sent, Story};
use crate::digest::Figure;

/// A number with a time after it that says "ago": "30 or 40 years ago".
static AGO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\S+(?:\s+(?:or|to|and)\s+\S+)?\s+(?:years?|months?|weeks?|days?|decades?)\s+ago\b",
    )
    .expect("valid")
});
/// The first number of a range: "between 15,000 and 20,000".
static BETWEEN_FIRST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\S+\s+and\s+[£$€]?\d").expect("valid"));
/// What comes before the second number of a range.
static BETWEEN_SECOND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bbetween\s+[£$€]?\d[\d,.]*\s*(?:%|m|bn)?\s+and\s+$").expect("valid")
});

/// `rules/figures.toml`, with the number pattern built from it.
struct FigureRules {
    number: Regex,
    /// A length or measure joined to its number: "30-month", "five-year",
    /// "1,340-kilometer".
    compound: Regex,
    currencies: Vec<String>,
    money_units: Vec<String>,
    word_compounds: Vec<String>,
    stop: Vec<String>,
    labels: Vec<String>,
    currency_codes: Vec<String>,
    compared: Vec<String>,
    past: Vec<String>,
    tallies: Vec<String>,
    age_limits: Vec<String>,
    period_ends: Vec<String>,
    length_leads: Vec<String>,
    clock_words: Vec<String>,
    number_words: std::collections::BTreeMap<String, u32>,
    unit_names: std::collections::BTreeMap<String, String>,
}

#[derive(serde::Deserialize)]
struct FiguresFile {
    modifiers: Vec<String>,
    currencies: Vec<String>,
    money_units: Vec<String>,
    ambiguous_after_scale: Vec<String>,
    measure_units: Vec<String>,
    durations: Vec<String>,
    open_ended: Vec<String>,
    word_compounds: Vec<String>,
    number_words: std::collections::BTreeMap<String, u32>,
    unit_names: std::collections::BTreeMap<String, String>,
    stop: Vec<String>,
    labels: Vec<String>,
    currency_codes: Vec<String>,
    compared: Vec<String>,
    past: Vec<String>,
    tallies: Vec<String>,
    age_limits: Vec<String>,
    period_ends: Vec<String>,
    length_leads: Vec<String>,
    clock_words: Vec<String>,
}

static RULES: LazyLock<FigureRules> = LazyLock::new(|| {
    let f: FiguresFile = toml::from_str(include_str!("../../rules/figures.toml"))
        .expect("rules/figures.toml is valid");
    let alt = |words: &[String]| {
        words
            .iter()
            .map(|w| regex::escape(w).replace(' ', r"\ "))
            .collect::<Vec<_>>()
            .join("|")
    };
    let pattern = format!(
        r"(?x)
        (?P<modifier>\b(?i:{modifiers})\s+)?
        (?P<number>(?:{currencies}|\b(?-i:{codes}))?(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?
          |\b(?i:{words}))
        (?P<unit>(?:\s?(?:%|per\ cent|percent)|(?:m|bn|k|p)\b|\s?(?:million|billion|trillion)(?:\s(?:{scaled_money}))?\b|fold\b
          |\s(?:{money})\b|\s(?:{measures})s?\b))?
        (?P<duration>(?:\s(?:{open_ended}))?\s(?:{durations})s?\b)?",
        modifiers = alt(&f.modifiers),
        currencies = alt(&f.currencies),
        codes = alt(&f.currency_codes),
        words = alt(&f.number_words.keys().cloned().collect::<Vec<_>>()),
        money = alt(&f.money_units),
        scaled_money = alt(&f
            .money_units
            .iter()
            .filter(|m| !f.ambiguous_after_scale.contains(m))
            .cloned()
            .collect::<Vec<_>>()),
        measures = alt(&f.measure_units),
        durations = alt(&f.durations),
        open_ended = alt(&f.open_ended),
    );
    let compound = format!(r"^-(?:{}|{})s?\b", alt(&f.durations), alt(&f.measure_units));
    FigureRules {
        number: Regex::new(&crate::extract::rules::ascii_boundaries(&pattern))
            .expect("figure pattern is valid"),
        compound: Regex::new(&crate::extract::rules::ascii_boundaries(&compound))
            .expect("compound pattern is valid"),
        currencies: f.currencies,
        money_units: f.money_units,
        word_compounds: f.word_compounds,
        stop: f.stop,
        labels: f.labels,
        currency_codes: f.currency_codes,
        compared: f.compared,
        past: f.past,
        tallies: f.tallies,
        age_limits: f.age_limits,
        period_ends: f.period_ends,
        length_leads: f.length_leads,
        clock_words: f.clock_words,
        number_words: f.number_words,
        unit_names: f.unit_names,
    }
});

fn is_stop(word: &str) -> bool {
    RULES.stop.iter().any(|s| s == word)
}

pub fn extract(story: &Story) -> Vec<Figure> {
    let mut out: Vec<(String, Figure)> = Vec::new();
    for (doc, sents) in story.sents.iter().enumerate() {
        for s in sents {
            for (key, value, what) in in_sentence(s) {
                let ev = story.evidence(doc, s.index);
                match out.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, f)) => {
                        if !f.evidence.contains(&ev) {
                            f.evidence.push(ev);
                        }
                    }
                    None => out.push((
                        key,
                        Figure {
                            value,
                            what,
                            evidence: vec![ev],
                        },
                    )),
                }
            }
        }
    }
    out.into_iter().map(|(_, f)| f).collect()
}

/// Figures in one sentence: (dedupe key, value as written, what it counts).
pub fn in_sentence(s: &Sent) -> Vec<(String, String, String)> {
    let text = s.text;
    let mut out = Vec::new();
    for c in RULES.number.captures_iter(text) {
        let whole = c.get(0).expect("group 0");
        let number = c.name("number").expect("number").as_str();
        let unit = c.name("unit").map(|m| m.as_str().trim());
        let duration = c.name("duration").map(|m| m.as_str().trim());
        // A sign ("£75m") or a code written against the number ("PHP105
        // billion").
        // The longest that fits: "NZD50" is New Zealand dollars, not "N".
        let currency = RULES
            .currencies
            .iter()
            .chain(&RULES.currency_codes)
            .filter(|c| number.starts_with(c.as_str()))
            .max_by_key(|c| c.len())
            .map_or("", String::as_str);
        // A one-letter currency ("N70,000" naira) only with thousands or a
        // scale after it: "N95 masks" is a name.
        if currency.len() == 1
            && currency.starts_with(char::is_alphabetic)
            && !number.contains(',')
            && unit.is_none()
        {
            continue;
        }
        let word_number = currency.is_empty() && number.starts_with(char::is_alphabetic);
        let before = &text[..whole.start()];
        let after = &text[whole.end()..];
        // "a 30-month limit": a length written as one word is a figure.
        let compound = RULES
            .compound
            .find(after)
            .filter(|m| !after[m.end()..].starts_with("-old"))
            .map_or(0, |m| m.end());
        // "two leaders" is no figure; "nine months", "a five-year plan",
        // "sixfold", "seven million", "four grams" and "eight new casinos"
        // are. A share in words ("nine per cent") is mostly a poll's, and a
        // length in days joined to it ("a two-day summit") a meeting's.
        let share = unit.is_some_and(|u| u.contains('%') || u.contains("cent"));
        let policy_length = RULES
            .word_compounds
            .iter()
            .any(|w| after[..compound].contains(w.as_str()));
        if word_number
            && duration.is_none()
            && (unit.is_none() || share)
            && !policy_length
            && (number.eq_ignore_ascii_case("one") || !after.trim_start().starts_with("new "))
        {
            continue;
        }

        let digits: String = if word_number {
            let word = number.to_lowercase();
            RULES.number_words.get(&word).map_or(word, u32::to_string)
        } else {
            number
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '.')
                .collect()
        };
        let money = !currency.is_empty()
            // "350,000 kronor", "71 trillion rupiah"
            || unit
                .and_then(|u| u.split_whitespace().last())
                .is_some_and(|u| RULES.money_units.iter().any(|m| m == u));
        // Inside a date or time phrase ("31 March", "in 2024").
        if s.times
            .iter()
            .any(|t| t.start <= whole.start() && whole.end() <= t.end + 1)
        {
            continue;
        }
        // An ordinal: "the 21st century", "60th Street"; but "the 13th
        // time the power has been used" counts.
        let ordinal = ["st", "nd", "rd", "th"].iter().find_map(|o| {
            after
                .strip_prefix(o)
                .filter(|rest| !rest.starts_with(char::is_alphanumeric))
        });
        if !word_number && ordinal.is_some_and(|rest| !rest.starts_with(" time")) {
            continue;
        }
        let prev_char = before.chars().next_back();
        if prev_char
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '/' | '#' | '&'))
        {
            continue; // "G7", "No.10", "2005/06", part of a word, "&#233;"
        }
        // Said before the modifier ("down from more than 300"), in lower case.
        let lead = before.trim_end().to_lowercase();
        let ends_with = |phrases: &[String]| {
            phrases.iter().any(|p| {
                lead.strip_suffix(p.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.ends_with([' ', '(', ',']))
            })
        };
        if ends_with(&RULES.compared) || (duration.is_some() && ends_with(&RULES.past)) {
            continue;
        }
        // "30 or 40 years ago", "two years ago": a time, not a figure.
        if AGO.is_match(&text[whole.start()..]) {
            continue;
        }
        // "between 15,000 and 20,000 couples": one figure, the range, read
        // at its second number.
        if BETWEEN_FIRST.is_match(&text[whole.start()..]) && lead.ends_with("between") {
            continue;
        }
        let range_start = BETWEEN_SECOND
            .find(before)
            .map(|m| m.start())
            .filter(|_| c.name("modifier").is_none());
        let prev_word = before.split_whitespace().next_back().unwrap_or("");
        // A run of capitals before a number names a thing too: "AB 2095"
        // (a bill), "MEPC 83" (a session), "FTSE 100"; not a currency code
        // ("EUR 18 billion") nor a sum after a name ("cost the UK up to £8bn").
        let label = prev_word
            .trim_start_matches(['(', '[', '“', '"'])
            .trim_end_matches([')', ']']);
        let acronym = c.name("modifier").is_none()
            && currency.is_empty()
            && (2..=6).contains(&label.len())
            && label.chars().all(|c| c.is_ascii_uppercase())
            && !RULES.currency_codes.iter().any(|c| c == label);
        if acronym || RULES.labels.iter().any(|l| l == prev_word) {
            continue;
        }
        let value_num: f64 = digits.parse().unwrap_or(0.0);
        let year_word = matches!(
            prev_word,
            "in" | "In" | "since" | "Since" | "from" | "until" | "before" | "after"
        );
        let is_year = !number.contains(',')
            && unit.is_none()
            && !money
            && ((1600.0..=2100.0).contains(&value_num)
                || (year_word && (1000.0..=2100.0).contains(&value_num)));
        if is_year && duration.is_none() {
            continue;
        }
        // "increased to nine months", "within seven days": a length in words
        // is a figure after a word that sets it (`length_leads`); "two days
        // of talks" is narrative.
        if word_number && duration.is_some() && !RULES.length_leads.iter().any(|w| w == prev_word) {
            continue;
        }
        // The other side of a vote ("by 34 votes to 19") and the period of a
        // statistic ("in the 12 months to June").
        let period = duration.is_some()
            && RULES.period_ends.iter().any(|w| {
                after
                    .trim_start()
                    .strip_prefix(w.as_str())
                    .and_then(|rest| rest.strip_prefix(' '))
                    .and_then(|rest| rest.split(|c: char| !c.is_alphabetic()).next())
                    .is_some_and(super::dates::is_month)
            });
        if ends_with(&RULES.tallies) || period {
            continue;
        }
        // An age: "became an MP at 27", "by the age of 40".
        if unit.is_none()
            && duration.is_none()
            && !money
            && (prev_word == "at"
                || ((before.trim_end().ends_with(" age of") || before.trim_end() == "age of")
                    && !ends_with(&RULES.age_limits)))
        {
            continue;
        }
        // "from 785 to 708", "from 20 euros to 35 euros": the figure is
        // where it went; "by 62 to 70 per cent", "by 229 to 206": the range or the
        // tally is read at its end. Not "£13 million to 12 food charities":
        // a sum given to a count; nor "rose by 45 percent to 739 cases": a
        // change as a share, then the level it reached.
        let rest = text[whole.end()..].trim_start();
        let share_of_change = unit.is_some() && prev_word == "by";
        if let Some(next) = rest.strip_prefix("to ").map(str::trim_start)
            && !share_of_change
            && (RULES
                .currencies
                .iter()
                .filter_map(|c| next.strip_prefix(c.as_str()))
                .any(|sum| sum.starts_with(|c: char| c.is_ascii_digit()))
                || (next.starts_with(|c: char| c.is_ascii_digit())
                    && (!money || lead.ends_with("from"))))
        {
            continue;
        }
        let has_unit = unit.is_some() || duration.is_some() || money || word_number;
        if !has_unit && value_num < 10.0 {
            continue;
        }
        // An age ("Mr Smith, 43, said").
        if !has_unit
            && before.trim_end().ends_with(',')
            && after.starts_with(',')
            && value_num < 120.0
        {
            continue;
        }
        let next = after.trim_start();
        let clock_word = |t: &String| {
            next.strip_prefix(t.as_str())
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
        };
        // A clock time ("1230 GMT", "at 11 am", "10:30": an hour of one or
        // two digits before the colon, not a score "310:200"), part of a
        // compound ("a 25-state EU").
        let minutes = value_num < 60.0
            && before.strip_suffix(':').is_some_and(|b| {
                let hour = b.len() - b.trim_end_matches(|c: char| c.is_ascii_digit()).len();
                (1..=2).contains(&hour)
            });
        if (after.starts_with('-') && !money && compound == 0)
            || after.starts_with(':')
            || minutes
            || RULES.clock_words.iter().any(clock_word)
        {
            continue;
        }
        let compound = if ordinal.is_some() && !word_number {
            2
        } else {
            compound
        };
        let value = text[range_start.unwrap_or(whole.start())..whole.end() + compound]
            .trim()
            .to_string();
        let after = &after[compound..];
        let before = &text[..range_start.unwrap_or(whole.start())];
        // What a count counts follows it ("38,816 people crossed"); what a
        // sum, share or length measures comes before it ("jailed for up to
        // 14 years", "to rise by £1,400").
        let left_first = duration.is_some() || money || share;
        let (first, second) = if left_first {
            (left_context(before, 7), right_context(after, 8))
        } else {
            (right_context(after, 8), left_context(before, 7))
        };
        // A number with nothing around it to say what it counts is mostly
        // the sum before it converted ("5,000 euros ($5,607)"): no figure.
        // In brackets after words, it is what they say: "downloading
        // smuggling information (up to 5 years)", "High earners (over
        // $180,000)".
        let mut what = if first.is_empty() { second } else { first };
        if what.is_empty()
            && let Some(outer) = bracketed_after_words(before)
        {
            what = left_context(outer, 7);
        }
        if what.is_empty() {
            continue;
        }
        let key = format!(
            "{currency}{digits}|{}",
            unit_key(unit.or(duration).unwrap_or(""))
        );
        out.push((key, value, what));
    }
    out
}

/// A unit as one name, so "100 GW" and "100 gigawatts", "£75m" and "£75
/// million" are one figure (`unit_names` in rules/figures.toml).
fn unit_key(unit: &str) -> String {
    if let Some(name) = RULES.unit_names.get(unit.trim()) {
        return name.clone();
    }
    unit.split_whitespace()
        .map(|word| {
            // A plural's "s" goes, not the "s" of a short unit ("ms").
            let one = word
                .strip_suffix('s')
                .filter(|w| w.len() > 2)
                .unwrap_or(word);
            RULES
                .unit_names
                .get(word)
                .or_else(|| RULES.unit_names.get(one))
                .map_or(one, String::as_str)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text before the bracket that `before` ends in (after a modifier
/// such as "up to"), when words, not a figure, come before the bracket.
fn bracketed_after_words(before: &str) -> Option<&str> {
    let open = before.rfind('(')?;
    let inside = &before[open + 1..];
    if inside.contains(')') || inside.split_whitespace().count() > 3 {
        return None;
    }
    let outer = before[..open].trim_end();
    let last = outer.split_whitespace().next_back()?;
    last.chars()
        .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
        .then_some(outer)
}

fn right_context(after: &str, max: usize) -> String {
    let mut words = Vec::new();
    for w in after.split_whitespace() {
        let clean = w.trim_end_matches([',', '.', ';', ':', ')', '"', '”', '’']);
        if words.len() >= max || is_stop(clean) {
            break;
        }
        words.push(clean);
        if clean.len() != w.len() {
            break;
        }
    }
    words.join(" ")
}

fn left_context(before: &str, max: usize) -> String {
    let clause = before
        .rsplit([',', ';', ':', '(', '“', '"'])
        .next()
        .unwrap_or(before);
    let words: Vec<&str> = clause.split_whitespace().collect();
    let mut tail: Vec<&str> = words[words.len().saturating_sub(max)..].to_vec();
    while tail.first().is_some_and(|w| is_stop(w)) {
        tail.remove(0);
    }
    // The modifier ("up to") belongs to the value, not the description.
    tail.join(" ")
}

#[cfg(test)]
mod tests {
    use crate::extract::{Story, testing::docs};

    fn values(body: &str) -> Vec<String> {
        let d = docs(&[body], Some("2025-02-03"));
        let story = Story::new(d.iter().collect());
        super::extract(&story)
            .into_iter()
            .map(|f| f.value)
            .collect()
    }

    #[test]
    fn a_scaled_sum_keeps_its_currency_word() {
        assert_eq!(
            values("The plan will cost 71 trillion rupiah this year."),
            ["71 trillion rupiah"]
        );
        assert_eq!(
            values("The state will spend 5 million euros on new patrol boats."),
            ["5 million euros"]
        );
        // Not money after all: a zone, a weight.
        assert_eq!(
            values("Some 20 million euro zone households will pay more."),
            ["Some 20 million"]
        );
        assert_eq!(
            values("Police seized 2 million pounds of cocaine at the port."),
            ["2 million"]
        );
    }

    #[test]
    fn rupees_and_ringgit_are_sums() {
        assert_eq!(
            values("Consumers will pay a flat rate of Rs. 26.7 per unit."),
            ["Rs. 26.7"]
        );
        assert_eq!(
            values("The ministry will spend RM57.44 million on new clinics."),
            ["RM57.44 million"]
        );
    }

    #[test]
    fn counts_sums_shares_and_lengths() {
        assert_eq!(
            values("In 2024, 38,816 people crossed the Channel."),
            ["38,816"]
        );
        assert_eq!(
            values("Smugglers could be jailed for up to 14 years."),
            ["up to 14 years"]
        );
        assert_eq!(
            values("Maternity pay is to rise by £1,400 as part of new proposals."),
            ["£1,400"]
        );
        assert_eq!(
            values("Paid leave would be increased to nine months, and 3.5% more."),
            ["nine months", "3.5%"]
        );
    }

    #[test]
    fn ages_years_times_and_narrative_are_not_figures() {
        assert!(values("Mr Smith, 43, said he became an MP at 27.").is_empty());
        assert!(values("It was confirmed in 1701, read at 1230 GMT in a 25-state EU.").is_empty());
        assert!(
            values("At 2:40 a.m. local time, and again at 11 am, the gavel went down.").is_empty()
        );
        assert!(values("Two days of talks begin on Monday.").is_empty());
        assert!(values("It is the 19th century's law, read on 5th Avenue.").is_empty());
        // Names with a number: a bill, a session, an index.
        assert!(values("He vetoed AB 2095 at the session (MEPC 83) of FTSE 100 firms.").is_empty());
        assert_eq!(
            values("It cost the UK up to £8bn and ISK 50 million."),
            ["up to £8bn", "50 million"]
        );
        assert_eq!(
            values("It is only the 11th time the power was used."),
            ["11th"]
        );
        assert_eq!(
            values("Councils will have four months to respond, for another two years."),
            ["four months", "two years"]
        );
        assert_eq!(
            values("Waiting lists fell from 785 to 708 patients."),
            ["708"]
        );
        assert_eq!(values("The grant rose from £5m to £7m."), ["£7m"]);
        assert_eq!(
            values("The fee rose from 20 euros to 35 euros."),
            ["35 euros"]
        );
        assert_eq!(
            values("It pledged £13 million to 12 food charities."),
            ["£13 million", "12"]
        );
    }

    #[test]
    fn a_range_is_one_figure_and_old_values_past_cases_and_times_ago_are_none() {
        assert_eq!(
            values("Between 15,000 and 20,000 families apply each year."),
            ["Between 15,000 and 20,000"]
        );
        assert_eq!(
            values("Arrivals fell to 6,630, down from 7,613 a year earlier."),
            ["6,630"]
        );
        assert!(values("The rules were written 30 or 40 years ago.").is_empty());
        assert!(values("Two smugglers were jailed for a total of 35 years.").is_empty());
        assert_eq!(
            values("Smugglers could be jailed for up to 14 years."),
            ["up to 14 years"]
        );
        assert!(values("She met her fianc&#233;e in Calais.").is_empty());
        assert_eq!(values("A £33million fund opens."), ["£33million"]);
        assert_eq!(
            values("More than seven million people will gain."),
            ["More than seven million"]
        );
        assert_eq!(values("It allows eight new casinos."), ["eight"]);
        assert_eq!(values("The ban applies under the age of 16."), ["16"]);
        assert_eq!(
            values("It sets a 30-month limit on detention."),
            ["30-month"]
        );
        assert_eq!(values("The bill passed by 34 votes to 19."), ["34"]);
        assert!(values("Arrivals rose in the 12 months to June.").is_empty());
        assert!(values("He spoke outside Number 10 on Friday.").is_empty());
    }

    #[test]
    fn a_change_as_a_share_and_open_ended_lengths_are_figures() {
        assert_eq!(
            values("Applications rose by 12 percent to 5,400 claims."),
            ["12 percent", "5,400"]
        );
        assert_eq!(values("Turnout rose by 5 to 40 per cent."), ["40 per cent"]);
        assert_eq!(
            values("Offenders face a sentence of two or more years."),
            ["two or more years"]
        );
    }

    #[test]
    fn sums_in_any_currency_measures_and_policy_lengths() {
        let cases: &[(&str, &[&str])] = &[
            (
                "The subsidy will be 4 yen per kilowatt-hour of electricity.",
                &["4 yen"],
            ),
            (
                "Students brought more than Aus$42 billion to universities.",
                &["more than Aus$42 billion"],
            ),
            (
                "About PHP105 billion in revenue is expected in the next five years.",
                &["About PHP105 billion"],
            ),
            (
                "The country pledged NZD50 million to the fund.",
                &["NZD50 million"],
            ),
            (
                "Republic Act (RA) 12023 imposes a 12 percent VAT on foreign providers.",
                &["12 percent"],
            ),
            (
                "Returning migrants get 350,000 kronor each.",
                &["350,000 kronor"],
            ),
            (
                "The minimum wage is N70,000 and the pension N30,000; nurses get N95 masks.",
                &["N70,000", "N30,000"],
            ),
            (
                "The UK gave £13 million to Nigeria and £10m to Shropshire Council.",
                &["£13 million", "£10m"],
            ),
            (
                "Drinks with four grams of sugar per 100 millilitres will pay.",
                &["four grams"],
            ),
            (
                "It is building a fence along the 1,340-kilometer border.",
                &["1,340-kilometer"],
            ),
            (
                "It agreed a five-year plan after a two-day summit.",
                &["five-year"],
            ),
            ("Support for the party fell to nine per cent.", &[]),
            // A conversion in brackets is a figure too (annotators list
            // both); a bare number after a figure is not.
            (
                "It costs 5,000 euros ($5,607) a head.",
                &["5,000 euros", "$5,607"],
            ),
            (
                "Downloading smuggling information (up to 5 years) and high earners (over \
                 $180,000) are covered.",
                &["up to 5 years", "over $180,000"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(values(text), *want, "{text}");
        }
    }

    /// The figures of one story made of `bodies`, one article each.
    fn story_figures(bodies: &[&str]) -> Vec<super::Figure> {
        let d = docs(bodies, Some("2025-02-03"));
        super::extract(&Story::new(d.iter().collect()))
    }

    #[test]
    fn the_same_figure_in_two_articles_is_one_with_both_sources() {
        let f = story_figures(&[
            "An estimated 78 people died.",
            "Some 78 people died last year.",
        ]);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].evidence.len(), 2);
        // Written short in one, spelled out in the other.
        let f = story_figures(&[
            "The target is 100 GW of nuclear capacity. Ministers pledged £75m for the scheme.",
            "India wants 100 gigawatts of nuclear power. The scheme gets £75 million in funding.",
        ]);
        assert_eq!(f.len(), 2, "{f:#?}");
        // New Zealand dollars are no naira: the longest currency that fits.
        let f = story_figures(&[
            "New Zealand pledged NZD50 million to the fund.",
            "Nigeria pledged N50 million to the fund.",
        ]);
        assert_eq!(f.len(), 2, "{f:#?}");
    }
}
