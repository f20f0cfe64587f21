//! Actors, places and people named in a sentence, by the dictionaries of
//! [`super::rules`] and the shape of names (capitalised words).

use super::rules::Rules;

/// Actors named in `text`, canonical names, first mention first, no repeats.
pub fn actors(text: &str, rules: &Rules) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (_, _, name) in rules.actors.find(text) {
        if !out.iter().any(|o| o == name) {
            out.push(name.to_string());
        }
    }
    out
}

/// The place a sentence puts something: "in Rome", "at Chevening", "in the
/// Italian capital" (→ Rome). Returns the byte offset of the phrase too, so
/// the caller can prefer the place nearest a mention.
pub fn places(text: &str, rules: &Rules) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (start, _, name) in rules.places.find(text) {
        if preceded_by_locative(&text[..start]) {
            out.push((start, name.to_string()));
        }
    }
    // "the Italian capital", "the French capital"
    let mut rest = text;
    let mut base = 0;
    while let Some(i) = rest.find(" capital") {
        let before = &rest[..i];
        if let Some(word) = before.rsplit(' ').next()
            && let Some(capital) = rules.capitals.get(word)
            && before[..before.len() - word.len()]
                .trim_end()
                .ends_with("the")
        {
            out.push((base + i - word.len(), capital.clone()));
        }
        base += i + 1;
        rest = &rest[i + 1..];
    }
    out.sort_by_key(|p| p.0);
    out
}

fn preceded_by_locative(before: &str) -> bool {
    let t = before.trim_end();
    let t = t.strip_suffix(" the").unwrap_or(t);
    ["in", "at", "In", "At", "to", "from"].iter().any(|w| {
        t.ends_with(w)
            && t[..t.len() - w.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// A word that starts with an upper-case letter or a digit after an upper-case letter ("G7").
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_places_and_capitals() {
        let r = Rules::builtin();
        let p = places("They will meet in the Italian capital, then in London.", r);
        assert_eq!(
            p.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(),
            ["Rome", "London"]
        );
        assert!(places("London said no.", r).is_empty());
    }
}
