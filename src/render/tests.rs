//! Renders one realistic digest, and an empty one, in every format.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::*;
use crate::digest::*;

fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn ev(article: &str, index: usize, text: &str) -> Evidence {
    Evidence {
        article: article.into(),
        index,
        text: text.into(),
    }
}

fn measure(id: &str, name: &str, kind: &str, status: &str) -> Measure {
    Measure {
        id: id.into(),
        name: name.into(),
        kind: kind.into(),
        status: status.into(),
        actors: vec![],
        place: None,
        when: None,
        hedged: false,
        provisions: vec![],
        evidence: vec![],
    }
}

fn empty_digest() -> Digest {
    let (start, end) = (at(2025, 1, 27, 12), at(2025, 2, 3, 12));
    Digest {
        title: period_title(start, end),
        period: Period { start, end },
        generated_at: at(2025, 2, 3, 12),
        articles: vec![],
        stories: vec![],
        measures: vec![],
        figures: vec![],
        quotes: vec![],
        upcoming: vec![],
        sources: vec![],
    }
}

const MIRROR_3: &str = "A new Joint Illicit Finance Taskforce will be launched on Tuesday to tackle dirty money flowing through the UK.";
const BBC_1: &str =
    "The Economic Crime Bill will create a failure-to-prevent-fraud offence for large companies.";

pub(super) fn sample() -> Digest {
    let mut d = empty_digest();
    d.articles = vec![
        ArticleRef {
            id: "mirror-1".into(),
            path: None,
            url: Some(
                "https://www.mirror.co.uk/news/politics/illicit-finance-taskforce-launched".into(),
            ),
            title: Some("A new Joint Illicit Finance Taskforce *to* [tackle] dirty money".into()),
            outlet: Some("The Mirror".into()),
            published: Some("2025-02-03T09:30:00+00:00".into()),
            note: None,
        },
        ArticleRef {
            id: "bbc-7".into(),
            path: Some("news/bbc-7.txt".into()),
            url: None,
            title: Some("Ministers <script>alert(1)</script> & the fraud bill".into()),
            outlet: Some("BBC News".into()),
            published: Some("2025-01-30".into()),
            note: Some("date taken from the file name".into()),
        },
    ];
    let mut bill = measure("m1", "Economic Crime Bill", "legislation", "proposed");
    bill.actors = vec!["Home Office".into(), "HM Treasury".into()];
    bill.place = Some("Westminster".into());
    bill.evidence = vec![ev("bbc-7", 0, BBC_1)];
    let mut offence = measure(
        "m1.1",
        "Failure to prevent fraud offence",
        "provision",
        "proposed",
    );
    offence.evidence = vec![ev("bbc-7", 1, "Firms with over 250 staff will be liable.")];
    let mut register = measure(
        "m1.2",
        "Register of beneficial owners",
        "provision",
        "planned",
    );
    register.hedged = true;
    register.evidence = vec![ev("bbc-7", 4, "A register could follow.")];
    bill.provisions = vec![offence, register];

    let mut taskforce = measure(
        "m2",
        "Joint Illicit Finance Taskforce",
        "taskforce",
        "announced",
    );
    taskforce.actors = vec!["National Crime Agency".into()];
    taskforce.when = Some(When {
        text: "on Tuesday".into(),
        date: Some(day(2025, 2, 4)),
        end: None,
    });
    taskforce.evidence = vec![ev("mirror-1", 2, MIRROR_3)];

    let mut summit = measure("m3", "Anti-corruption summit", "summit", "scheduled");
    summit.place = Some("London".into());
    summit.when = Some(When {
        text: "between March 31 and April 1".into(),
        date: Some(day(2025, 3, 31)),
        end: Some(day(2025, 4, 1)),
    });
    summit.evidence = vec![ev(
        "mirror-1",
        5,
        "Leaders meet in London between March 31 and April 1.",
    )];
    d.measures = vec![bill, taskforce, summit];

    d.stories = vec![Story {
        id: "s1".into(),
        title: "UK steps up the fight against dirty money".into(),
        articles: vec!["mirror-1".into(), "bbc-7".into()],
        key_sentences: vec![
            ev("mirror-1", 2, MIRROR_3).into(),
            ev("bbc-7", 0, BBC_1).into(),
        ],
    }];
    d.figures = vec![Figure {
        value: "£100 billion".into(),
        what: "laundered through the UK each year".into(),
        evidence: vec![ev(
            "mirror-1",
            3,
            "An estimated £100 billion is laundered through the UK each year.",
        )],
    }];
    d.quotes = vec![Quote {
        speaker: "Dan Jarvis".into(),
        text: "We will not tolerate dirty money.".into(),
        evidence: vec![ev(
            "mirror-1",
            6,
            "\"We will not tolerate dirty money,\" said Dan Jarvis.",
        )],
    }];
    d.upcoming = vec![Upcoming {
        name: "Anti-corruption summit".into(),
        date: day(2025, 3, 31),
        end: Some(day(2025, 4, 1)),
        place: Some("London".into()),
        measure: Some("m3".into()),
    }];
    d
}

fn all_formats(d: &Digest) -> Vec<(Format, String)> {
    [Format::Markdown, Format::Html, Format::Text, Format::Json]
        .into_iter()
        .map(|f| (f, render(d, f).unwrap()))
        .collect()
}

/// The `[n §s]` markers in `out`, as (n, s).
fn markers(out: &str) -> Vec<(usize, usize)> {
    let re = regex::Regex::new(r"\[(\d+) §(\d+)\]").unwrap();
    re.captures_iter(out)
        .map(|c| (c[1].parse().unwrap(), c[2].parse().unwrap()))
        .collect()
}

fn position(out: &str, needle: &str) -> usize {
    out.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in:\n{out}"))
}

#[test]
fn period_titles_read_the_end_as_exclusive() {
    assert_eq!(
        period_title(at(2025, 1, 27, 12), at(2025, 2, 3, 12)),
        "Week of 27 January – 3 February 2025"
    );
    assert_eq!(
        period_title(at(2025, 1, 27, 0), at(2025, 2, 3, 0)),
        "Week of 27 January – 2 February 2025"
    );
    assert_eq!(
        period_title(at(2025, 1, 27, 0), at(2025, 3, 4, 0)),
        "27 January – 3 March 2025"
    );
    assert_eq!(
        period_title(at(2024, 12, 29, 0), at(2025, 1, 5, 0)),
        "Week of 29 December 2024 – 4 January 2025"
    );
    assert_eq!(
        period_title(at(2024, 12, 20, 0), at(2025, 1, 5, 0)),
        "20 December 2024 – 4 January 2025"
    );
    assert_eq!(
        period_title(at(2025, 2, 3, 0), at(2025, 2, 4, 0)),
        "3 February 2025"
    );
    assert_eq!(
        period_title(at(2025, 2, 3, 0), at(2025, 2, 5, 6)),
        "3–5 February 2025"
    );
}

#[test]
fn date_ranges_name_shared_months_and_years_once() {
    assert_eq!(format_date(day(2025, 2, 4)), "4 February 2025");
    assert_eq!(
        format_date_range(day(2025, 3, 31), Some(day(2025, 4, 1))),
        "31 March – 1 April 2025"
    );
    assert_eq!(
        format_date_range(day(2025, 3, 3), Some(day(2025, 3, 5))),
        "3–5 March 2025"
    );
    assert_eq!(
        format_date_range(day(2025, 3, 3), Some(day(2025, 3, 3))),
        "3 March 2025"
    );
    assert_eq!(format_date_range(day(2025, 3, 3), None), "3 March 2025");
}

#[test]
fn every_format_is_dated() {
    for (format, out) in all_formats(&sample()) {
        if format == Format::Json {
            continue;
        }
        for needle in [
            "Week of 27 January – 3 February 2025",
            "27 January 2025, 12:00 UTC",
            "3 February 2025, 12:00 UTC",
            "Generated",
        ] {
            assert!(out.contains(needle), "{format:?} lacks {needle:?}");
        }
    }
}

#[test]
fn measures_come_first_with_when_and_provisions() {
    for (format, out) in all_formats(&sample()) {
        if format == Format::Json {
            continue;
        }
        let bill = position(&out, "Economic Crime Bill");
        let offence = position(&out, "Failure to prevent fraud offence");
        let register = position(&out, "Register of beneficial owners");
        let story = position(&out, "UK steps up the fight against dirty money");
        assert!(bill < offence && offence < register, "{format:?}");
        assert!(register < story, "{format:?}: measures before stories");
        // Plain text wraps lines: look for phrases in the text unwrapped.
        let out = view::clean(&out);
        assert!(out.contains("4 February 2025 (“on Tuesday”)"), "{format:?}");
        assert!(out.contains("31 March – 1 April 2025"), "{format:?}");
        assert!(out.contains("Legislation"), "{format:?}: type in words");
        assert!(out.contains("Home Office, HM Treasury"), "{format:?}");
        assert!(
            out.contains("reported as possible, not confirmed"),
            "{format:?}: hedged"
        );
        let story = position(&out, "UK steps up the fight against dirty money");
        let figures = position(&out, "£100 billion");
        let quotes = position(&out, "Dan Jarvis");
        let upcoming = out.rfind("31 March – 1 April 2025").unwrap();
        let sources = out.rfind("Markers such as").unwrap();
        assert!(story < figures && figures < quotes && quotes < upcoming && upcoming < sources);
    }
}

#[test]
fn markers_resolve_to_listed_sources() {
    let d = sample();
    for (format, out) in all_formats(&d) {
        if format == Format::Json {
            continue;
        }
        let found = markers(&out);
        // Every evidence item is shown: 3 measures, 2 provisions, 2 key
        // sentences, a figure and a quote (and the legend's example).
        assert!(found.len() >= 9, "{format:?}: {found:?}");
        for (n, s) in found {
            assert!(
                (1..=d.articles.len()).contains(&n),
                "{format:?}: [{n} §{s}]"
            );
            assert!(s >= 1);
        }
        assert!(out.contains("[1 §3]"), "mirror-1 sentence index 2 is §3");
        assert!(out.contains("[2 §5]"), "bbc-7 sentence index 4 is §5");
        let list = &out[out.rfind("Markers such as").unwrap()..];
        for n in 1..=d.articles.len() {
            assert!(
                list.contains(&format!("[{n}]")),
                "{format:?}: no source [{n}]"
            );
        }
        assert!(
            list.contains(
                "https://www.mirror.co.uk/news/politics/illicit-finance-taskforce-launched"
            )
        );
        assert!(list.contains("3 February 2025"), "publication date");
    }
}

#[test]
fn html_markers_link_to_urls_or_to_the_source_list() {
    let d = sample();
    let out = render(&d, Format::Html).unwrap();
    let page = scraper::Html::parse_document(&out);
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    let ids: Vec<&str> = page
        .select(&sel("ol.sources > li"))
        .map(|li| li.value().id().unwrap())
        .collect();
    assert_eq!(ids, ["src-1", "src-2"]);
    let mut seen = 0;
    for a in page.select(&sel("a.ev")) {
        seen += 1;
        let href = a.value().attr("href").unwrap();
        let label = a.text().collect::<String>();
        let n: usize = label[1..label.find(' ').unwrap()].parse().unwrap();
        match d.articles[n - 1].url.as_deref() {
            Some(url) => assert_eq!(href, url),
            None => assert_eq!(href, format!("#src-{n}")),
        }
        assert!(
            !a.value().attr("title").unwrap().is_empty(),
            "sentence in title"
        );
    }
    assert_eq!(seen, 9);
    let offence = page
        .select(&sel(
            "article#measure-1 ul.provisions > li#measure-1-1 a.ev",
        ))
        .next()
        .expect("provision nested in its measure, with its evidence");
    assert_eq!(
        offence.value().attr("title"),
        Some("Firms with over 250 staff will be liable.")
    );
    assert!(
        page.select(&sel(r##"#upcoming a[href="#measure-3"]"##))
            .next()
            .is_some(),
        "upcoming links to its measure"
    );
}

#[test]
fn html_is_a_standalone_escaped_page() {
    let out = render(&sample(), Format::Html).unwrap();
    assert!(out.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    for needle in [
        "<meta charset=\"utf-8\">",
        "<meta name=\"viewport\"",
        "@media print",
        "prefers-color-scheme: dark",
    ] {
        assert!(out.contains(needle), "{needle}");
    }
    assert!(!out.contains("<script"), "article title must be escaped");
    assert!(
        out.contains("Ministers &#60;script&#62;alert(1)&#60;/script&#62; &#38; the fraud bill")
    );
    for external in ["<link", "<script", "<img", "@import", "url("] {
        assert!(!out.contains(external), "external resource {external}");
    }
}

#[test]
fn html_never_links_other_schemes() {
    let mut d = sample();
    d.articles[0].url = Some("javascript:alert(1)".into());
    let out = render(&d, Format::Html).unwrap();
    assert!(!out.contains("href=\"javascript:"));
    assert!(out.contains("javascript:alert(1)"), "still shown as text");
    assert!(
        out.contains("href=\"#src-1\""),
        "markers fall back to the list"
    );
}

/// The text of each paragraph, heading and list item of a CommonMark
/// document, with the list depth it sits at. Fails on raw HTML.
fn markdown_texts(md: &str) -> Vec<(usize, String)> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut depth = 0;
    let mut out = Vec::new();
    let mut current = String::new();
    let mut flush = |depth, current: &mut String| {
        if !current.is_empty() {
            out.push((depth, std::mem::take(current)));
        }
    };
    for event in Parser::new(md) {
        match event {
            Event::Start(Tag::List(_)) => {
                flush(depth, &mut current);
                depth += 1;
            }
            Event::End(TagEnd::List(_)) => depth -= 1,
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => {
                flush(depth, &mut current)
            }
            Event::Text(t) | Event::Code(t) => current.push_str(&t),
            Event::SoftBreak | Event::HardBreak => current.push('\n'),
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML in Markdown: {h}"),
            _ => {}
        }
    }
    out
}

#[test]
fn markdown_parses_with_article_text_kept_literal() {
    use pulldown_cmark::{Event, Parser, Tag};
    let md = render(&sample(), Format::Markdown).unwrap();
    // Markup comes only from the template: the titles' `*` and `[` stay text.
    let emphasis = Parser::new(&md)
        .filter(|e| matches!(e, Event::Start(Tag::Emphasis)))
        .count();
    assert_eq!(emphasis, 0, "{md}");
    let texts = markdown_texts(&md);
    let all: String = texts.iter().map(|(_, t)| t.as_str()).collect();
    assert!(all.contains("A new Joint Illicit Finance Taskforce *to* [tackle] dirty money"));
    assert!(all.contains("Ministers <script>alert(1)</script> & the fraud bill"));
    assert!(all.contains("[1 §3]"), "markers are text, not links");
    let links: Vec<String> = Parser::new(&md)
        .filter_map(|e| match e {
            Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.to_string()),
            _ => None,
        })
        .collect();
    let mirror = "https://www.mirror.co.uk/news/politics/illicit-finance-taskforce-launched";
    assert_eq!(links, [mirror, mirror], "story source and source list");
    // Provisions nest under their measure, their evidence one list deeper.
    let evidence = texts
        .iter()
        .find(|(_, t)| t.contains("Firms with over 250 staff"))
        .unwrap();
    assert_eq!(evidence.0, 2, "{texts:?}");
    let sources: Vec<&str> = texts
        .iter()
        .find(|(_, t)| t.starts_with("[1] The Mirror"))
        .unwrap()
        .1
        .lines()
        .collect();
    assert_eq!(sources.len(), 2, "one source a line: {sources:?}");
}

#[test]
fn markdown_escaper_keeps_text_text() {
    use askama::filters::Escaper;
    let esc = |s: &str| {
        let mut out = String::new();
        markdown::Markdown.write_escaped_str(&mut out, s).unwrap();
        out
    };
    assert_eq!(
        esc("*bold* _it_ `code` [x](y) <b> #1 ~x~ a\\b"),
        r"\*bold\* \_it\_ \`code\` \[x\](y) \<b\> \#1 \~x\~ a\\b"
    );
    assert_eq!(esc("1. Not a list"), r"1\. Not a list");
    assert_eq!(esc("2025) and"), r"2025\) and");
    assert_eq!(esc("3.5% up"), "3.5% up");
    assert_eq!(esc("- dash"), r"\- dash");
    assert_eq!(esc("+44"), r"\+44");
    assert_eq!(esc("a - b + c"), "a - b + c");
    assert_eq!(esc("AT&T &amp; &#38; M&S;"), r"AT&T \&amp; \&\#38; M\&S;");
    for nasty in [
        "1. x",
        "- x",
        "# x",
        "> x",
        "=== ",
        "***",
        "<div>",
        "[a]: http://x",
    ] {
        let md = format!("- {}\n", esc(nasty));
        let texts = markdown_texts(&md);
        assert_eq!(
            texts,
            [(1, nasty.trim_end().to_owned())],
            "{nasty:?} → {md:?}"
        );
    }
}

#[test]
fn text_is_wrapped_at_78_columns() {
    let mut d = sample();
    d.stories[0].title =
        "A story title long enough that it has to be wrapped onto a second line or even a third"
            .into();
    let out = render(&d, Format::Text).unwrap();
    for line in out.lines() {
        assert!(textwrap::core::display_width(line) <= 78, "{line:?}");
    }
    assert!(out.contains("\n* A story title long enough that it has to be wrapped onto a second line or\n  even a third\n"), "{out}");
    // Measures first; sources last, with their URLs.
    assert!(position(&out, "Measures\n--------") < position(&out, "Stories\n-------"));
    let sources = position(&out, "Sources\n-------");
    assert!(out[sources..].contains("\n    https://www.mirror.co.uk/"));
}

#[test]
fn text_keeps_long_urls_whole() {
    let mut d = sample();
    let url = format!("https://example.org/{}", "very-long-path/".repeat(6));
    d.articles[0].url = Some(url.clone());
    let out = render(&d, Format::Text).unwrap();
    assert!(out.contains(&format!("\n    {url}\n")));
    for line in out.lines().filter(|l| !l.contains(&url)) {
        assert!(textwrap::core::display_width(line) <= 78, "{line:?}");
    }
}

#[test]
fn fill_hangs_wrapped_lines_under_their_bullet() {
    let long = "word ".repeat(30);
    for (prefix, indent) in [
        ("  - ", "    "),
        ("[12] ", "     "),
        ("* ", "  "),
        ("   ", "   "),
    ] {
        let out = text::fill(&format!("{prefix}{long}"), 40);
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines.len() > 1);
        assert!(lines[0].starts_with(prefix));
        for l in &lines[1..] {
            assert!(
                l.starts_with(indent) && !l[indent.len()..].starts_with(' '),
                "{l:?}"
            );
        }
    }
}

#[test]
fn empty_digest_says_so_in_every_format() {
    let d = empty_digest();
    for (format, out) in all_formats(&d) {
        if format == Format::Json {
            let back: Digest = serde_json::from_str(&out).unwrap();
            assert!(back.articles.is_empty());
            continue;
        }
        assert!(
            out.contains("Week of 27 January – 3 February 2025"),
            "{format:?}"
        );
        assert!(
            out.contains("No articles fell in this period."),
            "{format:?}"
        );
        for heading in [
            "Measures",
            "Stories",
            "Key figures",
            "Quotes",
            "Upcoming",
            "Sources",
        ] {
            assert!(!out.contains(heading), "{format:?} shows empty {heading}");
        }
        assert!(out.ends_with('\n') && !out.ends_with("\n\n"), "{format:?}");
    }
}

#[test]
fn a_digest_with_articles_but_nothing_found_lists_only_sources() {
    let mut d = sample();
    d.measures.clear();
    d.stories.clear();
    d.figures.clear();
    d.quotes.clear();
    d.upcoming.clear();
    for (format, out) in all_formats(&d) {
        if format == Format::Json {
            continue;
        }
        assert!(!out.contains("No articles fell"), "{format:?}");
        assert!(
            !out.contains("Measures") && !out.contains("Stories"),
            "{format:?}"
        );
        assert!(
            out.contains("[2]") && out.contains("BBC News"),
            "{format:?}"
        );
    }
}

#[test]
fn evidence_from_an_unknown_article_names_it_and_links_nowhere() {
    let mut d = sample();
    d.quotes[0].evidence = vec![ev("gone-9", 0, "Gone.")];
    let html = render(&d, Format::Html).unwrap();
    assert!(html.contains(r#"<span class="ev" title="Gone.">[gone-9 §1]</span>"#));
    let text = render(&d, Format::Text).unwrap();
    assert!(text.contains("[gone-9 §1]"));
}

#[test]
fn json_is_the_model() {
    let d = sample();
    let out = render(&d, Format::Json).unwrap();
    assert!(out.ends_with("}\n"));
    let back: Digest = serde_json::from_str(&out).unwrap();
    assert_eq!(back.measures[0].provisions.len(), 2);
    assert_eq!(back.articles[1].title, d.articles[1].title);
}
