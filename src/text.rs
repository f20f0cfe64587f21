//! Shared text analysis for the statistical stages (clustering, ranking):
//! a string → its content terms (lower-cased, stop words dropped, stemmed).
//!
//! Extraction does not use this: its rules read the words as written.

use std::cell::RefCell;
use std::sync::LazyLock;

use foldhash::{HashMap, HashMapExt, HashSet};
use rust_stemmers::{Algorithm, Stemmer};

static STOP_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../rules/stopwords.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Most words a cache of stems holds before it starts again (a few MB).
const STEM_CACHE: usize = 50_000;

/// Lower-case word → (stem, is a stop word).
type StemCache = HashMap<Box<str>, (Box<str>, bool)>;

thread_local! {
    /// News text repeats its words, and a lookup costs a tenth of Porter2:
    /// stemming was a third of `digest summarize`.
    static STEMS: RefCell<StemCache> = RefCell::new(HashMap::new());
}

/// True for a stop word (lower case).
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(word)
}

/// The words of `text`: runs of letters and digits (inner apostrophes and
/// hyphens kept), as written.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
}

/// Content terms of `text`: lower-cased, stop words and one-letter words
/// dropped, possessives cut, Porter2-stemmed.
pub fn terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |_, stem, stop| {
        if !stop {
            out.push(stem.to_string());
        }
    });
    out
}

/// The Porter2 stem of a lower-case word.
pub fn stem(word: &str) -> String {
    STEMMER.stem(word).into_owned()
}

/// Calls `f(word, stem, is_stop)` for every word of `text`: the word
/// lower-cased with its possessive cut, its Porter2 stem, and whether it is
/// a stop word or a one-letter word (which [`terms`] leaves out). One pass,
/// no allocation per word beyond the stemmer's.
pub fn for_each_word(text: &str, mut f: impl FnMut(&str, &str, bool)) {
    let mut lower = String::new();
    let mut stem = String::new();
    for w in words(text) {
        lower.clear();
        if w.is_ascii() {
            lower.push_str(w);
            lower.make_ascii_lowercase();
        } else {
            lower.extend(w.chars().flat_map(char::to_lowercase));
        }
        let w = lower
            .strip_suffix("'s")
            .or_else(|| lower.strip_suffix("’s"))
            .unwrap_or(&lower);
        // Copied out of the cache, so `f` may itself read words.
        let stop = STEMS.with_borrow_mut(|cache| {
            let (s, stop) = match cache.get(w) {
                Some(hit) => hit,
                None => {
                    if cache.len() >= STEM_CACHE {
                        cache.clear();
                    }
                    let stop = w.chars().nth(1).is_none() || is_stop_word(w);
                    let entry = (STEMMER.stem(w).into(), stop);
                    cache.entry(w.into()).or_insert(entry)
                }
            };
            stem.clear();
            stem.push_str(s);
            *stop
        });
        f(w, &stem, stop);
    }
}

/// "minister" → "Minister": the first letter in upper case, the rest as written.
pub fn capitalize_first(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The 1-based line number of byte `offset` in `text`, for error messages.
pub fn line_at(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_stemmed_content_words() {
        assert_eq!(
            terms("The gangs were smuggling people"),
            ["gang", "smuggl", "peopl"]
        );
        assert_eq!(terms("Britain's border"), ["britain", "border"]);
    }
}
