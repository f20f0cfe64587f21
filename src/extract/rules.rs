//! The extraction rules: data files under `rules/` (measure types, provision
//! patterns, status cues, hedges, actors, countries and places, speech verbs
//! and titles) parsed and compiled once.
//!
//! The files are built into the binary; a bad file is reported with its
//! name and, where known, the line, never a panic.
//!
//! The shipped patterns are compiled the first time they are used:
//! `digest summarize` reads a handful of the ~150, and compiling all of them
//! was most of its start-up (a test compiles them all). Rules from files
//! ([`Rules::load_dir`], [`Rules::from_sources`]) are compiled whole when
//! they load, so anything wrong with them is reported then.

use std::collections::{HashMap, HashSet};
use std::sync::{LazyLock, OnceLock};

use regex::{Regex, RegexBuilder};
use serde::Deserialize;

#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct RuleError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// One kind of measure and the words that reveal it.
#[derive(Debug, Clone, Deserialize)]
pub struct MeasureType {
    pub name: String,
    pub heads: Vec<String>,
    #[serde(default)]
    pub generic: Vec<String>,
    #[serde(default)]
    pub needs_new: bool,
    #[serde(default)]
    pub priority: i32,
    /// Names made of a number, matched as written (case matters): "AB
    /// 2095", "H.R. 5376", "Bill C-12".
    #[serde(default)]
    pub numbered: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Country {
    pub name: String,
    pub aliases: Vec<String>,
    pub capital: String,
}

/// A dictionary of case-sensitive whole-word phrases → a canonical name,
/// matched in one pass (longest alternative first).
#[derive(Debug)]
pub struct Dictionary {
    /// The alternation, compiled on first use (it holds every alias).
    pattern: String,
    regex: OnceLock<Regex>,
    names: HashMap<String, String>,
}

impl Dictionary {
    fn new(entries: impl IntoIterator<Item = (String, String)>) -> Dictionary {
        let names: HashMap<String, String> = entries.into_iter().collect();
        let mut keys: Vec<&String> = names.keys().collect();
        keys.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        let alternation = keys
            .iter()
            .map(|k| regex::escape(k))
            .collect::<Vec<_>>()
            .join("|");
        Dictionary {
            pattern: format!(r"(?-u:\b)(?:{alternation})"),
            regex: OnceLock::new(),
            names,
        }
    }

    fn regex(&self) -> &Regex {
        self.regex.get_or_init(|| {
            Regex::new(&self.pattern).expect("escaped alternation is a valid regex")
        })
    }

    /// Compiles the alternation now; it can only fail by outgrowing the
    /// regex crate's size limit (a very long list).
    fn compile(&self, file: &str) -> Result<(), RuleError> {
        if self.regex.get().is_none() {
            let r = Regex::new(&self.pattern).map_err(|e| RuleError {
                file: file.to_string(),
                line: 1,
                message: format!("too many names for one pattern: {e}"),
            })?;
            let _ = self.regex.set(r);
        }
        Ok(())
    }

    /// Every whole-word match: (byte start, byte end, canonical name).
    pub fn find<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (usize, usize, &'a str)> + 'a {
        self.regex().find_iter(text).filter_map(move |m| {
            let after = text[m.end()..].chars().next();
            if after.is_some_and(|c| c.is_alphanumeric()) {
                return None;
            }
            self.names
                .get(m.as_str())
                .map(|n| (m.start(), m.end(), n.as_str()))
        })
    }
}

/// A rule's case-insensitive regex, compiled the first time it is used;
/// it dereferences to [`Regex`], so `pattern.is_match(text)` reads as before.
///
/// Rules read from files are compiled when they load ([`Rules::compile_all`]);
/// the shipped ones by a test, so the panic on first use cannot happen.
pub struct Pattern {
    source: String,
    file: String,
    line: usize,
    regex: OnceLock<Regex>,
}

impl Pattern {
    fn build(&self) -> Result<Regex, RuleError> {
        RegexBuilder::new(&self.source)
            .case_insensitive(true)
            .build()
            .map_err(|e| RuleError {
                file: self.file.clone(),
                line: self.line,
                message: format!("bad pattern: {e}"),
            })
    }

    /// Compiles the pattern now (if it is not yet), reporting a failure.
    pub fn compile(&self) -> Result<&Regex, RuleError> {
        if let Some(r) = self.regex.get() {
            return Ok(r);
        }
        let r = self.build()?;
        Ok(self.regex.get_or_init(|| r))
    }
}

impl std::ops::Deref for Pattern {
    type Target = Regex;

    fn deref(&self) -> &Regex {
        self.regex
            .get_or_init(|| self.build().unwrap_or_else(|e| panic!("{e}")))
    }
}

impl std::fmt::Debug for Pattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Pattern").field(&self.source).finish()
    }
}

/// The compiled `[actions]` rules: when a sentence states a measure that
/// has no name.
#[derive(Debug)]
pub struct Actions {
    pub predicates: Vec<Pattern>,
    /// Policy instruments, as one whole-word, case-insensitive pattern.
    pub objects: Pattern,
    /// What makes an action new rather than more about a measure just named.
    pub novelty: Pattern,
    pub exclude: Vec<Pattern>,
    /// Verbs of judgement or report ("warned", "claimed"): the sentence is
    /// opinion when one comes before the action it frames.
    pub judging: Pattern,
    /// Direct speech that announces a plan in the first person.
    pub announcing: Pattern,
    /// Speakers whose "we will" is a campaign's, not a government's.
    pub voices: Pattern,
    /// Who may act without an instrument word (besides the actors file).
    pub authorities: Pattern,
    /// Words of public affairs: a story with none of them (and no actor of
    /// the actors file, no named measure) keeps only named measures, when
    /// it has at least `public_min_sentences` sentences.
    pub public: Pattern,
    pub public_min_sentences: usize,
    /// Aims rather than acts ("pledged to target smuggling gangs").
    pub goals: Pattern,
    /// What happens to a bill itself, not what it does ("was published").
    pub passage: Pattern,
    /// Words skipped between a law and its verb of passage ("was formally").
    pub passage_auxiliaries: Vec<String>,
    /// Words after a generic mention that name another party to it
    /// ("the new agreement with Peru").
    pub partner_words: Vec<String>,
    /// Where a sentence may part into coordinated actions, longest first
    /// at one place ("; and " before "; ").
    pub separators: Vec<String>,
    /// An authority's report of the act, between the authority and the
    /// act's subject ("Jim Smith said that", "said on Monday"): the act is
    /// still the authority's.
    pub reporting: Pattern,
    pub types: Vec<(String, Pattern)>,
    /// Phrases blanked before instruments are looked for ("law enforcers").
    pub ignore: Vec<String>,
    /// Predicates that need no instrument ("will be created").
    pub strong: Vec<Pattern>,
    /// For each of `strong`, whether it names an `act` group where the
    /// action starts (found once, when the rules load).
    pub strong_act: Vec<bool>,
    /// The most words a quoted term may have and still be read as the
    /// text's own words (a “world-first security agreement”).
    pub quoted_term_max_words: usize,
    /// Words that make a short quoted span speech, not a term: the
    /// speaker's own person (the mayor said “we must ban cars”).
    pub quoted_speech_words: HashSet<String>,
    /// The types of unnamed measure made by an action that hold clauses
    /// (a law), as indices of `Rules::types`.
    pub clause_holders: Vec<usize>,
    /// A sentence that opens a list of measures ("Other plans include:"),
    /// and an item of such a list.
    pub list_intro: Pattern,
    pub list_item: Pattern,
    /// An item of a list without a bullet, after an introducing sentence:
    /// "Creating criminal offences …", "Placing the Command on a statutory
    /// footing".
    pub unmarked_item: Pattern,
    /// Where a coordinated clause opens a new action.
    pub clause_start: Pattern,
    /// A clause that only describes the action before it ("…, monitored
    /// by probation officers"): it opens none, whatever its verb.
    pub participle: Pattern,
    /// The last items of a list that are together the subject of one verb
    /// ("…, higher education and vocational training will be limited").
    pub shared_subject: Pattern,
    /// A sentence that refers back to the measures just before it.
    pub anaphora: Pattern,
    /// A sentence whose subject is a measure met before ("The deal is
    /// thought to…", "Mr Straw said the move would…"); group 1 is its noun.
    pub reference: Pattern,
    /// What makes such a sentence state something new all the same.
    pub fresh: Pattern,
    /// The end of the text before an action inside a relative clause
    /// ("Yvette Cooper, who has been …"): background, not the act.
    pub relative: Pattern,
    /// The words before a law's mention that make the rest of the sentence
    /// what the law does ("Under the new law, the government will …").
    pub holder_frame: Pattern,
    /// An opening phrase with no verb of its own ("Under the proposed
    /// changes, individuals would …"): no act, however its words read.
    pub frame: Pattern,
    /// A sentence listing what a plan includes, and the start of one item.
    pub inclusion: Pattern,
    pub item: Pattern,
    /// A list of acts after "including" ("new offences, including
    /// supplying boat parts, downloading smuggling guides and …"), and an
    /// item of it after that point.
    pub gerund_list: Pattern,
    pub gerund_item: Pattern,
    /// Words in -ing that open no listed act ("…, according to officials").
    pub not_gerunds: HashSet<String>,
}

/// The verb stems of `[actions] verbs` as one alternation, longest first,
/// each taking any ending ("introduc" → introduce, introduced, introducing).
fn verb_alternation(stems: &[String]) -> String {
    let mut sorted: Vec<&String> = stems.iter().collect();
    sorted.sort_by_key(|v| std::cmp::Reverse(v.len()));
    // `[a-z]*`, not `\w*`: the Unicode class makes the alternation too large.
    sorted
        .iter()
        .map(|v| format!(r"{}[a-z]*", regex::escape(v).replace(' ', r"\s+")))
        .collect::<Vec<_>>()
        .join("|")
}

/// `\b` → `(?-u:\b)`, leaving an escaped backslash (`\\b`) alone.
pub fn ascii_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('b') => out.push_str("(?-u:\\b)"),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// One case-insensitive regex matching any of `words` as a whole word
/// (symbols such as "£" or "%" match anywhere).
fn word_set(source: (&str, &str), words: &[String]) -> Result<Pattern, RuleError> {
    let mut sorted: Vec<&String> = words.iter().collect();
    sorted.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let alts: Vec<String> = sorted
        .iter()
        .map(|w| {
            let e = regex::escape(w).replace(' ', r"\s+");
            if w.chars().all(|c| c.is_alphanumeric() || c == ' ') {
                format!(r"\b{e}\b")
            } else {
                e
            }
        })
        .collect();
    compile(source, &alts.join("|"))
}

#[derive(Debug)]
pub struct Rules {
    pub types: Vec<MeasureType>,
    pub determiners: Vec<String>,
    /// Words after a head that go on with its name: "Law on Alcohol Control",
    /// and the words that may join name words after them ("and", "of").
    pub name_links: Vec<String>,
    pub link_joins: Vec<String>,
    /// The words that open a generic mention ("the new law", "a bill").
    pub generic_determiners: Vec<String>,
    /// Generic nouns that mention a measure only when the text makes it
    /// ("adopted a law that …", not "break the law").
    pub only_created: Vec<String>,
    pub connectors: Vec<String>,
    pub creation: Vec<String>,
    /// Words right before a generic law that make it: "has submitted a
    /// bill", "adopted a law" (a club that "submitted a squad" made none).
    pub making: Vec<String>,
    /// Names that look like measures and are not ("Conservative Party
    /// Conference"), and what before a name makes it a citation of a law
    /// in force rather than news of it ("incompatible with the … Act").
    pub not_measures: Pattern,
    pub citing: Pattern,
    pub provision_window: usize,
    /// The types (indices) a provision hangs under: a law, and for a
    /// provision type whose pattern names its own, those (what a pact
    /// obliges, as well as a law).
    default_parents: Vec<usize>,
    parents_by_kind: HashMap<String, Vec<usize>>,
    /// Provision types that are nothing without a parent ("must be shown").
    pub needs_parent: HashSet<String>,
    pub provision_patterns: Vec<(String, Pattern)>,
    /// Each type's `numbered` names, by type index.
    pub numbered: Vec<(usize, Pattern)>,
    pub frames_leading: Vec<Pattern>,
    pub frames_inner: Vec<Pattern>,
    pub cut: Vec<String>,
    pub max_words: usize,
    pub status: Vec<(String, Pattern)>,
    pub event_types: Vec<String>,
    pub hedge: Pattern,
    /// Time phrases that date the telling, not the measure.
    pub telling: Vec<Telling>,
    /// Words opening a time phrase that says from when a plan applies,
    /// past or not ("from January 1, 2025").
    pub applies_from: Vec<String>,
    /// Adverbs dropped after a hedge when naming a provision ("could even …").
    pub hedge_adverbs: Vec<String>,
    /// Action sentences: predicates, objects/actors, exclusions, types.
    pub actions: Actions,
    /// A generic mention: determiner, up to three lower-case modifiers, a
    /// generic noun. Group 1: the determiner; 2: the modifiers; 3: the noun.
    pub generic: Pattern,
    /// Generic noun (lower case) → type index.
    pub generic_types: HashMap<String, usize>,
    pub actors: Dictionary,
    pub places: Dictionary,
    /// Demonym → capital ("Italian" → "Rome"), for "the Italian capital".
    pub capitals: HashMap<String, String>,
    pub country_names: Vec<String>,
    pub speech_verbs: Vec<String>,
    /// The one-word speech verbs, for a lookup per word of every sentence.
    pub speech_words: HashSet<String>,
    /// Speech verbs that may come before their speaker ("said Mr Oaten").
    pub inverted_verbs: Vec<String>,
    /// Lower-case words of a role between verb and name ("said director X").
    pub role_words: Vec<String>,
    /// Roles that speak for a body unnamed ("a Home Office spokesman").
    pub unnamed_speakers: Vec<String>,
    /// Words that make a capitalised run an outlet or organisation, not a person.
    pub not_names: Vec<String>,
    /// Capitalised words that open a clause without being part of a name.
    pub openers: Vec<String>,
    pub given_name_titles: Vec<String>,
    pub surname_titles: Vec<String>,
    /// Titles a peer is named by ("Lord Falconer").
    pub peer_titles: Vec<String>,
    /// Letters after a name ("QC", "MP").
    pub postnominals: Vec<String>,
    /// Lower-case words inside a name ("Ursula von der Leyen").
    pub name_particles: Vec<String>,
    pub roles: Vec<String>,
    pub pronouns: Vec<String>,
    /// Words that make a quote starting in lower case a clause, not a phrase.
    pub clause_words: Vec<String>,
    /// Words that, ending the text before a quote in lower case, introduce
    /// it as speech ("that", "whereby").
    pub speech_introducers: Vec<String>,
    /// How many words before such a quote a speech verb may stand.
    pub speech_verb_window: usize,
    /// Determiners that may open a described subject ("an angry Diaz"),
    /// and words that end one ("The wife of Sanchez" is about the wife).
    pub subject_determiners: Vec<String>,
    pub subject_links: Vec<String>,
    /// Auxiliaries and adverbs between a speaker and the verb ("will say").
    pub auxiliaries: Vec<String>,
    /// Passives between a speaker and "as saying" ("was quoted by … as").
    pub quoted_as: Vec<String>,
    /// Phrases that name the source after them ("according to").
    pub source_phrases: Vec<String>,
    /// Short forms of roles ("PM" → "Prime Minister").
    pub role_aliases: HashMap<String, String>,
    /// Words that make a role another office ("deputy", "shadow").
    pub role_qualifiers: Vec<String>,
    /// Words before "to" that make what follows a purpose, not speech.
    pub purpose_frames: Vec<String>,
    /// Words after which quoted words name a thing (`speech.toml`).
    pub quote_determiners: Vec<String>,
    /// Words after which quoted words are a title ("a proclamation,
    /// ‘Restriction on entry …’", "a campaign called “…”").
    pub title_frames: Vec<String>,
    /// The files the actor and place dictionaries come from, for errors.
    sources: (String, String),
}

const MEASURES: (&str, &str) = (
    "rules/measures.toml",
    include_str!("../../rules/measures.toml"),
);
const ACTORS: (&str, &str) = ("rules/actors.toml", include_str!("../../rules/actors.toml"));
const COUNTRIES: (&str, &str) = (
    "rules/countries.toml",
    include_str!("../../rules/countries.toml"),
);
const SPEECH: (&str, &str) = ("rules/speech.toml", include_str!("../../rules/speech.toml"));

static BUILTIN: LazyLock<Rules> = LazyLock::new(|| {
    // Patterns unchecked: `every_shipped_pattern_compiles` checks them.
    Rules::parse_sources(MEASURES, ACTORS, COUNTRIES, SPEECH)
        .unwrap_or_else(|e| panic!("built-in rules are invalid: {e}"))
});

#[derive(Deserialize)]
struct MeasuresFile {
    #[serde(rename = "type")]
    types: Vec<MeasureType>,
    names: NamesSection,
    provisions: ProvisionsSection,
    status: Vec<NamedRegex>,
    events: EventsSection,
    hedges: HedgesSection,
    actions: ActionsSection,
    #[serde(default)]
    when: WhenSection,
}

#[derive(Deserialize, Default)]
struct WhenSection {
    #[serde(default)]
    telling: Vec<TellingRule>,
    #[serde(default)]
    applies_from: Vec<String>,
}

#[derive(Deserialize)]
struct TellingRule {
    before: String,
    after: String,
    phrase: Option<String>,
    #[serde(default)]
    plan: bool,
    #[serde(default)]
    alone: bool,
}

/// A time phrase that dates the telling, not the measure (`[[when.telling]]`
/// of measures.toml).
#[derive(Debug)]
pub struct Telling {
    /// Matches the sentence's text before the phrase.
    pub before: Pattern,
    /// Matches the text after it.
    pub after: Pattern,
    /// Matches the phrase itself, when the rule says what it must be.
    pub phrase: Option<Pattern>,
    /// What is told is still to come.
    pub plan: bool,
    /// The phrase dates the telling even as the sentence's only one: it
    /// is dropped, not kept for want of another.
    pub alone: bool,
}

#[derive(Deserialize)]
struct ActionsSection {
    verbs: Vec<String>,
    predicates: Vec<String>,
    strong: Vec<String>,
    list_intro: String,
    list_item: String,
    unmarked_item: String,
    clause_start: String,
    participle: String,
    shared_subject: String,
    anaphora: String,
    reference: String,
    fresh: String,
    relative: String,
    holder_frame: String,
    frame: String,
    inclusion: String,
    item: String,
    gerund_list: String,
    gerund_item: String,
    #[serde(default)]
    not_gerunds: Vec<String>,
    ignore: Vec<String>,
    objects: Vec<String>,
    novelty: String,
    exclude: Vec<String>,
    judging: String,
    announcing: String,
    voices: String,
    authorities: String,
    /// Rule files written before it lack it: any text is then public.
    #[serde(default)]
    public: String,
    #[serde(default = "three")]
    public_min_sentences: usize,
    #[serde(default = "four")]
    quoted_term_max_words: usize,
    #[serde(default = "legislation")]
    clause_holders: Vec<String>,
    #[serde(default)]
    quoted_speech_words: Vec<String>,
    goals: String,
    passage: String,
    #[serde(default)]
    passage_auxiliaries: Vec<String>,
    #[serde(default)]
    partner_words: Vec<String>,
    #[serde(default = "separators")]
    separators: Vec<String>,
    reporting: String,
    #[serde(rename = "type")]
    types: Vec<ActionType>,
}

#[derive(Deserialize)]
struct ActionType {
    name: String,
    words: Vec<String>,
}

#[derive(Deserialize)]
struct NamesSection {
    determiners: Vec<String>,
    #[serde(default = "generic_determiners")]
    generic_determiners: Vec<String>,
    #[serde(default = "link_joins")]
    link_joins: Vec<String>,
    #[serde(default)]
    only_created: Vec<String>,
    connectors: Vec<String>,
    #[serde(default)]
    links: Vec<String>,
    creation: Vec<String>,
    #[serde(default)]
    making: Vec<String>,
    not_measures: String,
    citing: String,
}

fn legislation() -> Vec<String> {
    vec!["legislation".to_string()]
}

fn generic_determiners() -> Vec<String> {
    [
        "the", "this", "that", "a", "an", "its", "their", "our", "his", "her",
    ]
    .map(String::from)
    .to_vec()
}

fn link_joins() -> Vec<String> {
    ["and", "of", "the"].map(String::from).to_vec()
}

fn separators() -> Vec<String> {
    [
        "; and ",
        "; ",
        ", as well as ",
        " as well as ",
        ", and ",
        ", or ",
        ", ",
        " and ",
    ]
    .map(String::from)
    .to_vec()
}

fn three() -> usize {
    3
}

fn four() -> usize {
    4
}

#[derive(Deserialize)]
struct ProvisionsSection {
    window: usize,
    #[serde(default = "legislation")]
    parents: Vec<String>,
    pattern: Vec<ProvisionPattern>,
    frames: FramesSection,
}

#[derive(Deserialize)]
struct ProvisionPattern {
    #[serde(rename = "type")]
    kind: String,
    regex: String,
    /// In place of `[provisions] parents` for this pattern's type.
    parents: Option<Vec<String>>,
    /// Nothing without a parent: no measure of its own.
    #[serde(default)]
    needs_parent: bool,
}

#[derive(Deserialize)]
struct FramesSection {
    leading: Vec<String>,
    inner: Vec<String>,
    cut: Vec<String>,
    max_words: usize,
}

#[derive(Deserialize)]
struct NamedRegex {
    name: String,
    regex: String,
}

#[derive(Deserialize)]
struct EventsSection {
    types: Vec<String>,
}

#[derive(Deserialize)]
struct HedgesSection {
    regex: String,
    adverbs: Vec<String>,
}

#[derive(Deserialize)]
struct ActorsFile {
    actor: Vec<ActorEntry>,
}

#[derive(Deserialize)]
struct ActorEntry {
    name: String,
    aliases: Vec<String>,
}

#[derive(Deserialize)]
struct CountriesFile {
    places: Vec<String>,
    country: Vec<CountryEntry>,
}

#[derive(Deserialize)]
struct CountryEntry {
    name: String,
    aliases: Vec<String>,
    capital: String,
}

#[derive(Deserialize)]
struct SpeechFile {
    verbs: Vec<String>,
    inverted_verbs: Vec<String>,
    role_words: Vec<String>,
    #[serde(default)]
    unnamed_speakers: Vec<String>,
    not_names: Vec<String>,
    openers: Vec<String>,
    given_name_titles: Vec<String>,
    surname_titles: Vec<String>,
    peer_titles: Vec<String>,
    postnominals: Vec<String>,
    name_particles: Vec<String>,
    roles: Vec<String>,
    pronouns: Vec<String>,
    clause_words: Vec<String>,
    speech_introducers: Vec<String>,
    speech_verb_window: usize,
    subject_determiners: Vec<String>,
    subject_links: Vec<String>,
    auxiliaries: Vec<String>,
    quoted_as: Vec<String>,
    source_phrases: Vec<String>,
    role_aliases: HashMap<String, String>,
    #[serde(default)]
    role_qualifiers: Vec<String>,
    purpose_frames: Vec<String>,
    determiners: Vec<String>,
    #[serde(default)]
    title_frames: Vec<String>,
}

fn parse_toml<T: serde::de::DeserializeOwned>((file, text): (&str, &str)) -> Result<T, RuleError> {
    toml::from_str(text).map_err(|e| RuleError {
        file: file.to_string(),
        line: e.span().map_or(1, |s| crate::text::line_at(text, s.start)),
        message: e.message().to_string(),
    })
}

/// Every name in the list `key` is a measure type of the file, or the
/// error names the list's line: a misspelt type would silently match
/// nothing.
fn known_types(
    (file, text): (&str, &str),
    key: &str,
    names: &[String],
    types: &[MeasureType],
) -> Result<(), RuleError> {
    let Some(unknown) = names.iter().find(|n| !types.iter().any(|t| &t.name == *n)) else {
        return Ok(());
    };
    let quoted = format!("\"{unknown}\"");
    let line = text
        .lines()
        .position(|l| l.contains(&quoted))
        .map_or(1, |i| i + 1);
    Err(RuleError {
        file: file.to_string(),
        line,
        message: format!("`{key}` names `{unknown}`, which is no [[type]] of this file"),
    })
}

/// A case-insensitive pattern, compiled on first use; where it comes from
/// (file and line) is kept for the error.
///
/// Word boundaries are ASCII ones: a Unicode `\b` makes the fast engines
/// give up on any sentence with a curly quote or a pound sign, which is most
/// news text, and the slow one costs a third of a build.
fn compile((file, text): (&str, &str), pattern: &str) -> Result<Pattern, RuleError> {
    let line = text
        .find(pattern.lines().next().unwrap_or(pattern))
        .map_or(1, |at| crate::text::line_at(text, at));
    Ok(Pattern {
        source: ascii_boundaries(pattern),
        file: file.to_string(),
        line,
        regex: OnceLock::new(),
    })
}

impl Rules {
    /// The rules shipped with digest.
    pub fn builtin() -> &'static Rules {
        &BUILTIN
    }

    /// The rules with any of `measures.toml`, `actors.toml`,
    /// `countries.toml`, `speech.toml` found in `dir` in place of the
    /// shipped ones (a file missing there keeps the shipped one). This is how
    /// a policy team adds a measure type or an agency without a rebuild:
    /// copy the file from `rules/`, edit it, point `rules = "dir"` in
    /// digest.toml at the folder.
    pub fn load_dir(dir: &std::path::Path) -> Result<Rules, RuleError> {
        let read = |(name, builtin): (&str, &'static str)| -> Result<(String, String), RuleError> {
            let file = name.rsplit('/').next().unwrap_or(name);
            let path = dir.join(file);
            if !path.exists() {
                return Ok((name.to_string(), builtin.to_string()));
            }
            std::fs::read_to_string(&path)
                .map(|text| (path.display().to_string(), text))
                .map_err(|e| RuleError {
                    file: path.display().to_string(),
                    line: 1,
                    message: format!("cannot read: {e}"),
                })
        };
        let (m, a, c, s) = (
            read(MEASURES)?,
            read(ACTORS)?,
            read(COUNTRIES)?,
            read(SPEECH)?,
        );
        Rules::from_sources((&m.0, &m.1), (&a.0, &a.1), (&c.0, &c.1), (&s.0, &s.1))
    }

    /// Parses rule files given as (name, text) pairs and compiles every
    /// pattern, naming the file and line of anything wrong.
    pub fn from_sources(
        measures: (&str, &str),
        actors: (&str, &str),
        countries: (&str, &str),
        speech: (&str, &str),
    ) -> Result<Rules, RuleError> {
        let rules = Rules::parse_sources(measures, actors, countries, speech)?;
        rules.compile_all()?;
        Ok(rules)
    }

    /// Parses rule files given as (name, text) pairs; patterns are compiled
    /// on first use (or by [`Rules::compile_all`]).
    fn parse_sources(
        measures: (&str, &str),
        actors: (&str, &str),
        countries: (&str, &str),
        speech: (&str, &str),
    ) -> Result<Rules, RuleError> {
        let m: MeasuresFile = parse_toml(measures)?;
        let a: ActorsFile = parse_toml(actors)?;
        let c: CountriesFile = parse_toml(countries)?;
        let s: SpeechFile = parse_toml(speech)?;

        let pattern_parents = m
            .provisions
            .pattern
            .iter()
            .filter_map(|p| p.parents.as_ref());
        for (key, names) in [
            ("parents", &m.provisions.parents),
            ("types", &m.events.types),
            ("clause_holders", &m.actions.clause_holders),
        ]
        .into_iter()
        .chain(pattern_parents.map(|p| ("parents", p)))
        {
            known_types(measures, key, names, &m.types)?;
        }
        let indices = |names: &[String]| -> Vec<usize> {
            names
                .iter()
                .filter_map(|n| m.types.iter().position(|t| &t.name == n))
                .collect()
        };
        let default_parents = indices(&m.provisions.parents);
        let parents_by_kind = m
            .provisions
            .pattern
            .iter()
            .filter_map(|p| Some((p.kind.clone(), indices(p.parents.as_ref()?))))
            .collect();
        let needs_parent = m
            .provisions
            .pattern
            .iter()
            .filter(|p| p.needs_parent)
            .map(|p| p.kind.clone())
            .collect();
        let numbered = m
            .types
            .iter()
            .enumerate()
            .filter_map(|(i, t)| t.numbered.as_ref().map(|n| (i, n)))
            .map(|(i, n)| Ok((i, compile(measures, &format!("(?-i:{n})"))?)))
            .collect::<Result<Vec<_>, RuleError>>()?;
        let provision_patterns = m
            .provisions
            .pattern
            .iter()
            .map(|p| Ok((p.kind.clone(), compile(measures, &p.regex)?)))
            .collect::<Result<Vec<_>, RuleError>>()?;
        let frames_leading = m
            .provisions
            .frames
            .leading
            .iter()
            .map(|r| compile(measures, r))
            .collect::<Result<_, _>>()?;
        let frames_inner = m
            .provisions
            .frames
            .inner
            .iter()
            .map(|r| compile(measures, r))
            .collect::<Result<_, _>>()?;
        let status = m
            .status
            .iter()
            .map(|s| Ok((s.name.clone(), compile(measures, &s.regex)?)))
            .collect::<Result<Vec<_>, RuleError>>()?;
        let hedge = compile(measures, &m.hedges.regex)?;
        let telling = m
            .when
            .telling
            .iter()
            .map(|c| {
                Ok(Telling {
                    before: compile(measures, &c.before)?,
                    after: compile(measures, &c.after)?,
                    phrase: c
                        .phrase
                        .as_deref()
                        .map(|p| compile(measures, p))
                        .transpose()?,
                    plan: c.plan,
                    alone: c.alone,
                })
            })
            .collect::<Result<Vec<_>, RuleError>>()?;
        // A list of patterns, any of which may name the verbs of doing as VERBS.
        let verbs = verb_alternation(&m.actions.verbs);
        let patterns = |list: &[String]| {
            list.iter()
                .map(|r| compile(measures, &r.replace("VERBS", &verbs)))
                .collect::<Result<Vec<_>, _>>()
        };
        let actions = Actions {
            predicates: patterns(&m.actions.predicates)?,
            ignore: m.actions.ignore.clone(),
            strong: patterns(&m.actions.strong)?,
            strong_act: m
                .actions
                .strong
                .iter()
                .map(|p| p.contains("(?P<act>") || p.contains("(?<act>"))
                .collect(),
            quoted_term_max_words: m.actions.quoted_term_max_words,
            quoted_speech_words: m.actions.quoted_speech_words.iter().cloned().collect(),
            clause_holders: indices(&m.actions.clause_holders),
            list_intro: compile(measures, &m.actions.list_intro)?,
            anaphora: compile(measures, &m.actions.anaphora)?,
            reference: compile(measures, &m.actions.reference)?,
            fresh: compile(measures, &m.actions.fresh)?,
            relative: compile(measures, &m.actions.relative)?,
            holder_frame: compile(measures, &m.actions.holder_frame)?,
            frame: compile(measures, &m.actions.frame)?,
            inclusion: compile(measures, &m.actions.inclusion)?,
            item: compile(measures, &m.actions.item)?,
            gerund_list: compile(measures, &m.actions.gerund_list)?,
            gerund_item: compile(measures, &m.actions.gerund_item)?,
            not_gerunds: m
                .actions
                .not_gerunds
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            clause_start: compile(measures, &m.actions.clause_start.replace("VERBS", &verbs))?,
            list_item: compile(measures, &m.actions.list_item)?,
            unmarked_item: compile(measures, &m.actions.unmarked_item)?,
            participle: compile(measures, &m.actions.participle)?,
            shared_subject: compile(measures, &m.actions.shared_subject)?,
            objects: word_set(measures, &m.actions.objects)?,
            novelty: compile(measures, &m.actions.novelty)?,
            exclude: patterns(&m.actions.exclude)?,
            judging: compile(measures, &m.actions.judging)?,
            announcing: compile(measures, &m.actions.announcing)?,
            voices: compile(measures, &m.actions.voices)?,
            authorities: compile(measures, &m.actions.authorities)?,
            public: compile(measures, &m.actions.public)?,
            public_min_sentences: m.actions.public_min_sentences,
            goals: compile(measures, &m.actions.goals)?,
            passage: compile(measures, &m.actions.passage)?,
            passage_auxiliaries: m.actions.passage_auxiliaries.clone(),
            partner_words: m.actions.partner_words.clone(),
            separators: m.actions.separators.clone(),
            reporting: compile(measures, &m.actions.reporting)?,
            types: m
                .actions
                .types
                .iter()
                .map(|t| Ok((t.name.clone(), word_set(measures, &t.words)?)))
                .collect::<Result<Vec<_>, RuleError>>()?,
        };

        let mut generic_types = HashMap::new();
        for (i, t) in m.types.iter().enumerate() {
            for g in &t.generic {
                generic_types.insert(g.to_lowercase(), i);
            }
        }
        let mut nouns: Vec<&String> = generic_types.keys().collect();
        nouns.sort_by_key(|n| std::cmp::Reverse(n.len()));
        let nouns = nouns
            .iter()
            .map(|n| regex::escape(n).replace(' ', r"\s+"))
            .collect::<Vec<_>>()
            .join("|");
        let generic = compile(
            measures,
            &format!(
                r"\b({})\s+((?:[a-z][a-z'-]*\s+){{0,3}}?)({nouns})\b",
                m.names.generic_determiners.join("|")
            ),
        )?;

        let actors_dict = Dictionary::new(
            a.actor
                .iter()
                .flat_map(|e| e.aliases.iter().map(|al| (al.clone(), e.name.clone())))
                .chain(
                    c.country
                        .iter()
                        .flat_map(|e| e.aliases.iter().map(|al| (al.clone(), e.name.clone()))),
                ),
        );
        let places_dict = Dictionary::new(
            c.places
                .iter()
                .map(|p| (p.clone(), p.clone()))
                .chain(
                    c.country
                        .iter()
                        .map(|e| (e.capital.clone(), e.capital.clone())),
                )
                .chain(c.country.iter().map(|e| (e.name.clone(), e.name.clone()))),
        );
        let mut capitals = HashMap::new();
        let country_list: Vec<Country> = c
            .country
            .into_iter()
            .map(|e| Country {
                name: e.name,
                aliases: e.aliases,
                capital: e.capital,
            })
            .collect();
        for country in &country_list {
            for alias in &country.aliases {
                capitals.insert(alias.clone(), country.capital.clone());
            }
        }

        Ok(Rules {
            types: m.types,
            determiners: m.names.determiners,
            connectors: m.names.connectors,
            name_links: m.names.links,
            link_joins: m.names.link_joins.clone(),
            generic_determiners: m.names.generic_determiners.clone(),
            only_created: m.names.only_created,
            creation: m.names.creation,
            making: m.names.making,
            not_measures: compile(measures, &m.names.not_measures)?,
            citing: compile(measures, &m.names.citing)?,
            provision_window: m.provisions.window,
            default_parents,
            parents_by_kind,
            needs_parent,
            provision_patterns,
            numbered,
            frames_leading,
            frames_inner,
            cut: m.provisions.frames.cut,
            max_words: m.provisions.frames.max_words,
            status,
            event_types: m.events.types,
            hedge,
            telling,
            applies_from: m.when.applies_from.clone(),
            hedge_adverbs: m.hedges.adverbs.clone(),
            actions,
            generic,
            generic_types,
            actors: actors_dict,
            places: places_dict,
            capitals,
            country_names: country_list.iter().map(|c| c.name.clone()).collect(),
            speech_words: s
                .verbs
                .iter()
                .filter(|v| !v.contains(' '))
                .cloned()
                .collect(),
            speech_verbs: s.verbs,
            inverted_verbs: s.inverted_verbs,
            role_words: s.role_words,
            unnamed_speakers: s.unnamed_speakers,
            not_names: s.not_names,
            openers: s.openers,
            given_name_titles: s.given_name_titles,
            surname_titles: s.surname_titles,
            peer_titles: s.peer_titles,
            postnominals: s.postnominals,
            name_particles: s.name_particles,
            roles: s.roles,
            pronouns: s.pronouns,
            clause_words: s.clause_words,
            speech_introducers: s.speech_introducers,
            speech_verb_window: s.speech_verb_window,
            subject_determiners: s.subject_determiners,
            subject_links: s.subject_links,
            auxiliaries: s.auxiliaries,
            quoted_as: s.quoted_as,
            source_phrases: s.source_phrases,
            role_aliases: s.role_aliases,
            role_qualifiers: s.role_qualifiers,
            purpose_frames: s.purpose_frames,
            quote_determiners: s.determiners,
            title_frames: s.title_frames,
            sources: (actors.0.to_string(), countries.0.to_string()),
        })
    }

    /// Every pattern of the rules, compiled now: what loading a user's rules
    /// folder does, so a pattern too large to compile is reported at once,
    /// not when a sentence first needs it.
    pub fn compile_all(&self) -> Result<(), RuleError> {
        let a = &self.actions;
        let patterns = self
            .provision_patterns
            .iter()
            .chain(&self.status)
            .chain(&a.types)
            .map(|(_, p)| p)
            .chain(self.numbered.iter().map(|(_, p)| p))
            .chain(&self.frames_leading)
            .chain(&self.frames_inner)
            .chain(
                self.telling
                    .iter()
                    .flat_map(|t| [Some(&t.before), Some(&t.after), t.phrase.as_ref()])
                    .flatten(),
            )
            .chain(&a.predicates)
            .chain(&a.exclude)
            .chain(&a.strong)
            .chain([
                &self.hedge,
                &self.generic,
                &self.not_measures,
                &self.citing,
                &a.objects,
                &a.novelty,
                &a.list_intro,
                &a.list_item,
                &a.unmarked_item,
                &a.clause_start,
                &a.participle,
                &a.shared_subject,
                &a.anaphora,
                &a.reference,
                &a.fresh,
                &a.relative,
                &a.holder_frame,
                &a.frame,
                &a.inclusion,
                &a.item,
                &a.gerund_list,
                &a.gerund_item,
                &a.judging,
                &a.announcing,
                &a.voices,
                &a.authorities,
                &a.public,
                &a.goals,
                &a.passage,
                &a.reporting,
            ]);
        for p in patterns {
            p.compile()?;
        }
        self.actors.compile(&self.sources.0)?;
        self.places.compile(&self.sources.1)
    }

    pub fn is_country(&self, name: &str) -> bool {
        self.country_names.iter().any(|c| c == name)
    }

    /// The types (indices into `types`) a provision of type `kind` hangs
    /// under.
    pub fn provision_parents(&self, kind: &str) -> &[usize] {
        self.parents_by_kind
            .get(kind)
            .unwrap_or(&self.default_parents)
    }

    pub fn type_index(&self, name: &str) -> Option<usize> {
        self.types.iter().position(|t| t.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_load() {
        let r = Rules::builtin();
        assert!(r.type_index("legislation").is_some());
        let found: Vec<_> = r
            .actors
            .find("UK and Italian police, not UKIP")
            .map(|m| m.2)
            .collect();
        assert_eq!(found, ["United Kingdom", "Italian police"]);
    }

    #[test]
    fn every_shipped_pattern_compiles() {
        // The shipped rules compile lazily; this is where a pattern that
        // parses but cannot compile would show.
        Rules::builtin().compile_all().unwrap();
    }

    #[test]
    fn a_rules_folder_overrides_one_file_and_keeps_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let extra = "\n[[actor]]\nname = \"Sanctions Unit\"\naliases = [\"OFSI\"]\n";
        std::fs::write(
            dir.path().join("actors.toml"),
            format!("{}{extra}", ACTORS.1),
        )
        .unwrap();
        let r = Rules::load_dir(dir.path()).unwrap();
        assert_eq!(
            r.actors.find("OFSI said").next().map(|m| m.2),
            Some("Sanctions Unit")
        );
        assert!(r.type_index("legislation").is_some());
        std::fs::write(dir.path().join("measures.toml"), "[[type]]\nname = 3\n").unwrap();
        let e = Rules::load_dir(dir.path()).unwrap_err();
        assert!(e.file.ends_with("measures.toml") && e.line == 2, "{e}");
    }

    #[test]
    fn a_bad_rule_names_its_file_and_line() {
        let bad = MEASURES.1.replacen("window = 6", "window = \"six\"", 1);
        let e = Rules::from_sources(("m.toml", &bad), ACTORS, COUNTRIES, SPEECH).unwrap_err();
        assert_eq!(e.file, "m.toml");
        assert!(e.line > 1, "{e}");
        let bad = MEASURES
            .1
            .replacen(r"\bnew (?:criminal", r"\bnew (?:criminal(", 1);
        let e = Rules::from_sources(("m.toml", &bad), ACTORS, COUNTRIES, SPEECH).unwrap_err();
        assert!(e.message.contains("bad pattern"), "{e}");
        let bad = MEASURES.1.replacen(
            r#"parents = ["legislation", "agreement"]"#,
            r#"parents = ["legislation", "agreemnt"]"#,
            1,
        );
        let e = Rules::from_sources(("m.toml", &bad), ACTORS, COUNTRIES, SPEECH).unwrap_err();
        let line = bad.lines().position(|l| l.contains("agreemnt")).unwrap() + 1;
        assert_eq!(
            (e.line, e.message.contains("agreemnt")),
            (line, true),
            "{e}"
        );
        // A file copied before this round's keys existed still loads.
        let old: String = MEASURES
            .1
            .lines()
            .filter(|l| {
                ![
                    "links =",
                    "link_joins =",
                    "making =",
                    "public =",
                    "public_min_sentences =",
                    "quoted_term_max_words =",
                    "quoted_speech_words =",
                    "clause_holders =",
                    "parents =",
                    "only_created =",
                    "generic_determiners =",
                    "separators =",
                    "needs_parent =",
                ]
                .iter()
                .any(|k| l.starts_with(k))
            })
            .map(|l| format!("{l}\n"))
            .collect();
        Rules::from_sources(("m.toml", &old), ACTORS, COUNTRIES, SPEECH)
            .and_then(|r| r.compile_all().map(|_| ()))
            .unwrap();
        assert_eq!(
            (e.line, e.message.contains("agreemnt")),
            (line, true),
            "{e}"
        );
    }
}
