//! HTML pages → article draft: metadata and the main text, not the menus.
//!
//! In: one news page as HTML text. Out: a [`Draft`] whose title, canonical URL,
//! publication date, outlet and language come from the page's metadata (Open
//! Graph, JSON-LD, `<meta>`, `<link rel="canonical">`, `<time>`), and whose body
//! is the article's own text: one paragraph per block (paragraph, subheading,
//! list item), separated by a blank line, whitespace folded, entities decoded.
//!
//! The text is found the way readability does it: drop page furniture (tags,
//! roles and class/id words listed in `rules/html-clutter.toml`), take the
//! element marked `itemprop="articleBody"` when there is one, else let every
//! paragraph inside the page's `<article>` (or `<main>`, or `<body>`) vote for
//! its parent and grandparent, penalise containers made of links, and keep the
//! winner plus those of its siblings that score nearly as well.
//!
//! Work is bounded whatever the input: the page is cut at 16 MiB and the
//! parser's work is metered, so deeply nested junk is refused, not parsed
//! for minutes. Nothing here panics on any `&str`.
//!
//! Deliberately not done: fetching, running scripts (a page that builds its
//! text in JavaScript has no text unless its JSON-LD carries `articleBody`,
//! and is otherwise refused), guessing a date that the page does not state in
//! a machine-readable form, keeping images, links, captions or the standfirst.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::sync::LazyLock;

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::node::Element;
use scraper::{Html, HtmlTreeSink, Node};
use serde::Deserialize;
use serde_json::{Map, Value};

use super::Draft;
use crate::article::Published;

/// Tuning knobs of the extractor; `Default` holds the values the tests use.
#[derive(Debug, Clone)]
pub struct HtmlOptions {
    /// Pages longer than this are cut (at a character boundary) before parsing.
    /// Real article pages are under 2 MB; the rest of a 20 MB page is inlined
    /// script data, so the cut bounds time and memory without losing text.
    pub max_input_bytes: usize,
    /// Work allowed to the HTML parser, counted as the times it looks at an
    /// element on its stack of open elements. html5ever rescans that stack
    /// for most start tags, so a page nested 50,000 deep (200,000 unclosed
    /// `<div>`s, or `<u><s>x</u>` repeated, which the parser itself nests)
    /// would take minutes. Real pages, even a 20 MB one, stay under a few
    /// 10^7; past the budget the page is refused.
    pub max_parse_work: u64,
    /// A paragraph with fewer non-space characters than this does not vote
    /// for its container (readability's 25).
    pub min_paragraph_chars: usize,
    /// An `<article>` or `<main>` is only trusted as the article's scope when
    /// its paragraphs hold at least this many non-space characters...
    pub min_scope_chars: usize,
    /// ...and at least this share of the whole page's paragraph text (so a
    /// teaser card marked up as `<article>` does not win).
    pub min_scope_share: f64,
    /// A sibling of the best container joins the text when its score reaches
    /// this share of the best score (readability's 0.2).
    pub sibling_score_share: f64,
    /// A block more than this share link text is a list of links, not prose.
    pub max_link_density: f64,
    /// When the strict pass finds less text than this (non-space characters),
    /// a lenient pass retries, exempting wrappers that hold most of the page's
    /// paragraphs from class/id clutter words ("page has-sidebar" and the like).
    pub min_body_chars: usize,
}

impl Default for HtmlOptions {
    fn default() -> Self {
        HtmlOptions {
            max_input_bytes: 16 << 20,
            max_parse_work: 200_000_000,
            min_paragraph_chars: 25,
            min_scope_chars: 120,
            min_scope_share: 0.3,
            sibling_score_share: 0.2,
            max_link_density: 0.8,
            min_body_chars: 200,
        }
    }
}

/// Parses one HTML page with the default options.
pub fn parse(html: &str) -> Result<Draft, String> {
    parse_with(html, &HtmlOptions::default())
}

/// Parses one HTML page.
pub fn parse_with(html: &str, opts: &HtmlOptions) -> Result<Draft, String> {
    let rules = RULES.as_ref().map_err(Clone::clone)?;
    let html = truncate(html, opts.max_input_bytes);
    let doc = parse_metered(html, opts.max_parse_work)?;
    let page = Page::new(&doc, rules);

    let strict = page.extract(rules, opts, false);
    let (body, scope) = if strict.chars >= opts.min_body_chars {
        (strict.paragraphs, strict.scope)
    } else {
        let lenient = page.extract(rules, opts, true);
        if lenient.chars > strict.chars {
            (lenient.paragraphs, lenient.scope)
        } else {
            (strict.paragraphs, strict.scope)
        }
    };
    let mut meta = page.metadata(scope);
    // Pages that build their text in JavaScript often ship it in JSON-LD.
    let found = non_space_all(&body);
    let body = match meta.ld_body.take() {
        Some((ld, ld_chars)) if found < opts.min_body_chars && ld_chars > found => ld,
        _ => body,
    };
    if body.is_empty() {
        return Err("no article text found in the page".into());
    }

    Ok(Draft {
        title: meta.title,
        url: meta.url,
        outlet: meta.outlet,
        published: meta.published,
        language: meta.language,
        body: body.join("\n\n"),
        ..Draft::default()
    })
}

// ---------------------------------------------------------------------------
// Rules: rules/html-clutter.toml, parsed once.

static RULES: LazyLock<Result<Rules, String>> =
    LazyLock::new(|| Rules::parse(include_str!("../../rules/html-clutter.toml")));

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    elements: ElementsRules,
    words: WordsRules,
    lines: LinesRules,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ElementsRules {
    tags: Vec<String>,
    roles: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordsRules {
    attributes: Vec<String>,
    prefix: Vec<String>,
    whole: Vec<String>,
    keep: Vec<String>,
    content: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LinesRules {
    exact: Vec<String>,
    prefixes: Vec<String>,
}

struct Rules {
    tags: HashSet<String>,
    roles: HashSet<String>,
    attributes: Vec<String>,
    clutter: Vec<Word>,
    keep: Vec<Word>,
    content: Vec<Word>,
    exact_lines: HashSet<String>,
    line_prefixes: Vec<String>,
}

/// A class/id word cut into segments; see the rules file for the matching.
struct Word {
    segments: Vec<String>,
    prefix: bool,
}

impl Word {
    fn new(word: &str, prefix: bool, what: &str) -> Result<Word, String> {
        let segments: Vec<String> = word
            .split('-')
            .map(str::to_lowercase)
            .filter(|s| !s.is_empty())
            .collect();
        if segments.is_empty()
            || segments
                .iter()
                .any(|s| !s.chars().all(char::is_alphanumeric))
        {
            return Err(format!(
                "rules/html-clutter.toml: [words] {what}: `{word}` is not a word (letters and digits, parts joined by '-')"
            ));
        }
        Ok(Word { segments, prefix })
    }

    fn matches(&self, token: &[String]) -> bool {
        let k = self.segments.len();
        if token.len() < k {
            return false;
        }
        let (head, last) = self.segments.split_at(k - 1);
        token.windows(k).any(|w| {
            w[..k - 1] == *head
                && if self.prefix {
                    w[k - 1].starts_with(&last[0])
                } else {
                    w[k - 1] == last[0]
                }
        })
    }
}

impl Rules {
    fn parse(text: &str) -> Result<Rules, String> {
        let file: RulesFile =
            toml::from_str(text).map_err(|e| format!("rules/html-clutter.toml: {e}"))?;
        let lower = |v: Vec<String>| -> HashSet<String> {
            v.into_iter().map(|s| s.trim().to_lowercase()).collect()
        };
        let words = |v: &[String], prefix: bool, what: &str| -> Result<Vec<Word>, String> {
            v.iter().map(|w| Word::new(w, prefix, what)).collect()
        };
        let mut clutter = words(&file.words.prefix, true, "prefix")?;
        clutter.extend(words(&file.words.whole, false, "whole")?);
        Ok(Rules {
            tags: lower(file.elements.tags),
            roles: lower(file.elements.roles),
            attributes: file
                .words
                .attributes
                .into_iter()
                .map(|s| s.to_lowercase())
                .collect(),
            clutter,
            keep: words(&file.words.keep, false, "keep")?,
            content: words(&file.words.content, false, "content")?,
            exact_lines: lower(file.lines.exact),
            line_prefixes: file
                .lines
                .prefixes
                .into_iter()
                .map(|s| s.to_lowercase())
                .collect(),
        })
    }

    /// Whether a paragraph is boilerplate ("Advertisement", "READ MORE: ...").
    fn is_boilerplate(&self, paragraph: &str) -> bool {
        // Typographic apostrophes too: "Don’t miss".
        let lower = paragraph.to_lowercase().replace('\u{2019}', "'");
        let bare = lower.trim_end_matches([':', ' ', '.']);
        self.exact_lines.contains(bare) || self.line_prefixes.iter().any(|p| lower.starts_with(p))
    }
}

/// Cuts a class or id token into lower-case segments at punctuation and
/// camelCase humps: "mostReadList" → most, read, list.
fn segments(token: &str, out: &mut Vec<String>) {
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in token.chars() {
        if c.is_alphanumeric() {
            if c.is_uppercase() && prev_lower && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_lower = !c.is_uppercase();
            cur.extend(c.to_lowercase());
        } else {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
}

// ---------------------------------------------------------------------------
// Guards that bound the work.

/// The longest prefix of `s` of at most `max` bytes that ends on a character.
fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Bytes handed to the parser at a time; the work budget is checked between
/// pieces, so this bounds how far past the budget the parser can run.
const PARSE_CHUNK: usize = 4096;

/// Parses a document as `Html::parse_document` does, feeding the parser in
/// pieces and refusing the page once the parser has done `max_work` units.
fn parse_metered(html: &str, max_work: u64) -> Result<Html, String> {
    let work = Rc::new(Cell::new(0u64));
    let sink = MeteredSink {
        inner: HtmlTreeSink::new(Html::new_document()),
        work: Rc::clone(&work),
    };
    let mut parser = html5ever::parse_document(sink, Default::default());
    let mut rest = html;
    while !rest.is_empty() {
        let mut cut = rest.len().min(PARSE_CHUNK);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (piece, tail) = rest.split_at(cut);
        parser.process(StrTendril::from_slice(piece));
        if work.get() > max_work {
            return Err(format!(
                "the page nests its tags too deeply to parse in bounded time \
                 (over {max_work} steps after {} of {} bytes); not parsed",
                html.len() - tail.len(),
                html.len()
            ));
        }
        rest = tail;
    }
    Ok(parser.finish())
}

/// scraper's tree sink, counting each time the parser inspects an element
/// (the unit of its scans of the open-element stack) and dropping the parse
/// errors that scraper would keep (a junk page has one per byte).
struct MeteredSink {
    inner: HtmlTreeSink,
    work: Rc<Cell<u64>>,
}

impl MeteredSink {
    fn tick(&self) {
        self.work.set(self.work.get() + 1);
    }
}

impl TreeSink for MeteredSink {
    type Handle = <HtmlTreeSink as TreeSink>::Handle;
    type Output = Html;
    type ElemName<'a>
        = <HtmlTreeSink as TreeSink>::ElemName<'a>
    where
        Self: 'a;

    fn finish(self) -> Html {
        self.inner.finish()
    }
    fn parse_error(&self, _msg: Cow<'static, str>) {}
    fn get_document(&self) -> Self::Handle {
        self.inner.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a Self::Handle) -> Self::ElemName<'a> {
        self.tick();
        self.inner.elem_name(target)
    }
    fn same_node(&self, x: &Self::Handle, y: &Self::Handle) -> bool {
        self.tick();
        self.inner.same_node(x, y)
    }
    fn create_element(
        &self,
        name: QualName,
        attrs: Vec<Attribute>,
        flags: ElementFlags,
    ) -> Self::Handle {
        self.tick();
        self.inner.create_element(name, attrs, flags)
    }
    fn create_comment(&self, text: StrTendril) -> Self::Handle {
        self.inner.create_comment(text)
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> Self::Handle {
        self.inner.create_pi(target, data)
    }
    fn append(&self, parent: &Self::Handle, child: NodeOrText<Self::Handle>) {
        self.tick();
        self.inner.append(parent, child)
    }
    fn append_based_on_parent_node(
        &self,
        element: &Self::Handle,
        prev_element: &Self::Handle,
        child: NodeOrText<Self::Handle>,
    ) {
        self.tick();
        self.inner
            .append_based_on_parent_node(element, prev_element, child)
    }
    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id)
    }
    fn mark_script_already_started(&self, node: &Self::Handle) {
        self.inner.mark_script_already_started(node)
    }
    fn get_template_contents(&self, target: &Self::Handle) -> Self::Handle {
        self.inner.get_template_contents(target)
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode)
    }
    fn append_before_sibling(&self, sibling: &Self::Handle, new_node: NodeOrText<Self::Handle>) {
        self.tick();
        self.inner.append_before_sibling(sibling, new_node)
    }
    fn add_attrs_if_missing(&self, target: &Self::Handle, attrs: Vec<Attribute>) {
        self.tick();
        self.inner.add_attrs_if_missing(target, attrs)
    }
    fn remove_from_parent(&self, target: &Self::Handle) {
        self.tick();
        self.inner.remove_from_parent(target)
    }
    fn reparent_children(&self, node: &Self::Handle, new_parent: &Self::Handle) {
        self.tick();
        self.inner.reparent_children(node, new_parent)
    }
}

// ---------------------------------------------------------------------------
// The page as flat arrays in document order: node `i`'s descendants are
// `i + 1 .. end[i]`, which makes every walk below iterative and linear.

const NONE: usize = usize::MAX;

/// Block-level elements: their start and end break the text into paragraphs.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

/// Soft clutter (class/id words, `<form>`) may be lifted by the lenient
/// pass; hard clutter (other tags, roles, `hidden`) never is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Clutter {
    No,
    Soft,
    Hard,
}

struct Page<'a> {
    node: Vec<&'a Node>,
    parent: Vec<usize>,
    end: Vec<usize>,
    /// Local name of an element, "" for other nodes.
    tag: Vec<&'a str>,
    clutter: Vec<Clutter>,
    /// Readability's class weight: content words in class or id.
    weight: Vec<f64>,
    /// Whether an element has a block-level element among its children.
    block_child: Vec<bool>,
    /// Paragraph text (non-space chars) below each node, clutter included.
    raw_ptext: Vec<usize>,
}

/// Text measures of one node's subtree, clutter inside it left out.
#[derive(Clone, Copy, Default)]
struct Stats {
    /// Non-space characters.
    text: usize,
    /// Non-space characters inside links.
    link: usize,
    /// Non-space characters inside `<p>` and `<pre>`.
    ptext: usize,
    /// Non-space characters inside headings.
    heading: usize,
    commas: usize,
}

impl Stats {
    fn link_density(&self) -> f64 {
        if self.text == 0 {
            0.0
        } else {
            self.link as f64 / self.text as f64
        }
    }
}

/// One pass's result.
struct Extraction {
    paragraphs: Vec<String>,
    chars: usize,
    /// Where the text was looked for (`<article>`, `<main>`, articleBody...).
    scope: usize,
}

impl<'a> Page<'a> {
    fn new(doc: &'a Html, rules: &Rules) -> Page<'a> {
        let mut page = Page {
            node: Vec::new(),
            parent: Vec::new(),
            end: Vec::new(),
            tag: Vec::new(),
            clutter: Vec::new(),
            weight: Vec::new(),
            block_child: Vec::new(),
            raw_ptext: Vec::new(),
        };
        let mut segs = Vec::new();
        let mut stack = vec![(doc.tree.root(), NONE)];
        while let Some((node, parent)) = stack.pop() {
            let idx = page.node.len();
            let value = node.value();
            let (tag, clutter, weight) = match value {
                Node::Element(el) => {
                    let (clutter, weight) = classify(el, rules, &mut segs);
                    (el.name(), clutter, weight)
                }
                _ => ("", Clutter::No, 0.0),
            };
            if parent != NONE && BLOCKS.contains(&tag) {
                page.block_child[parent] = true;
            }
            page.node.push(value);
            page.parent.push(parent);
            page.end.push(idx + 1);
            page.tag.push(tag);
            page.clutter.push(clutter);
            page.weight.push(weight);
            page.block_child.push(false);
            page.raw_ptext.push(0);
            for child in node.children().rev() {
                stack.push((child, idx));
            }
        }
        for i in (0..page.node.len()).rev() {
            if let Node::Text(t) = page.node[i]
                && page.in_paragraph(i)
            {
                page.raw_ptext[i] = non_space(t);
            }
            let p = page.parent[i];
            if p != NONE {
                page.end[p] = page.end[p].max(page.end[i]);
                page.raw_ptext[p] += page.raw_ptext[i];
            }
        }
        page
    }

    fn len(&self) -> usize {
        self.node.len()
    }

    /// Whether a text node sits inside a `<p>` or `<pre>` (looking up to 8 levels).
    fn in_paragraph(&self, mut i: usize) -> bool {
        for _ in 0..8 {
            i = self.parent[i];
            if i == NONE {
                return false;
            }
            if matches!(self.tag[i], "p" | "pre") {
                return true;
            }
        }
        false
    }

    fn element(&self, i: usize) -> Option<&'a Element> {
        match self.node[i] {
            Node::Element(el) => Some(el),
            _ => None,
        }
    }

    fn attr(&self, i: usize, name: &str) -> Option<&'a str> {
        self.element(i)?.attr(name)
    }

    /// The `<body>` element, else the document.
    fn body(&self) -> usize {
        (0..self.len())
            .find(|&i| self.tag[i] == "body")
            .unwrap_or(0)
    }

    /// Which nodes count as clutter in this pass. The lenient pass lifts soft
    /// clutter from elements that hold most of the page's paragraph text.
    fn clutter_mask(&self, opts: &HtmlOptions, lenient: bool) -> Vec<bool> {
        let total = self.raw_ptext.first().copied().unwrap_or(0);
        (0..self.len())
            .map(|i| match self.clutter[i] {
                Clutter::No => false,
                Clutter::Hard => true,
                Clutter::Soft => {
                    !(lenient
                        && self.raw_ptext[i] >= opts.min_scope_chars
                        && self.raw_ptext[i] * 2 >= total)
                }
            })
            .collect()
    }

    /// Per-node text measures, bottom-up, leaving out clutter below each node.
    fn stats(&self, clutter: &[bool]) -> Vec<Stats> {
        let mut stats = vec![Stats::default(); self.len()];
        for i in (0..self.len()).rev() {
            if let Node::Text(t) = self.node[i] {
                stats[i].text = non_space(t);
                stats[i].commas = t.chars().filter(|c| matches!(c, ',' | '，')).count();
            }
            let s = &mut stats[i];
            match self.tag[i] {
                "a" => s.link = s.text,
                "p" | "pre" => s.ptext = s.text,
                t if HEADINGS.contains(&t) => s.heading = s.text,
                _ => {}
            }
            let p = self.parent[i];
            if p != NONE && !clutter[i] {
                let s = stats[i];
                let ps = &mut stats[p];
                ps.text += s.text;
                ps.link += s.link;
                ps.ptext += s.ptext;
                ps.heading += s.heading;
                ps.commas += s.commas;
            }
        }
        stats
    }

    fn extract(&self, rules: &Rules, opts: &HtmlOptions, lenient: bool) -> Extraction {
        let clutter = self.clutter_mask(opts, lenient);
        let stats = self.stats(&clutter);
        let (scope, whole) = self.scope(&clutter, &stats, opts);
        let roots = if whole {
            vec![scope]
        } else {
            self.best_containers(scope, &clutter, &stats, rules, opts)
        };
        let mut out = Paragraphs::new(rules, opts);
        for root in roots {
            self.collect_text(root, &clutter, &mut out);
        }
        Extraction {
            chars: out.chars,
            paragraphs: out.list,
            scope,
        }
    }

    /// Where the article is: the `itemprop="articleBody"` element (taken
    /// whole: `true`), else the `<article>`, else the `<main>`, holding most
    /// paragraph text, else `<body>`.
    fn scope(&self, clutter: &[bool], stats: &[Stats], opts: &HtmlOptions) -> (usize, bool) {
        let under_clutter = self.under_clutter(clutter);
        let hard: Vec<bool> = self.clutter.iter().map(|c| *c == Clutter::Hard).collect();
        let under_hard = self.under_clutter(&hard);
        let body_ptext = stats[self.body()].ptext;
        let best = |pick: &dyn Fn(usize) -> bool, under: &[bool]| {
            (0..self.len())
                .filter(|&i| pick(i) && !under[i])
                .max_by_key(|&i| (stats[i].ptext, std::cmp::Reverse(i)))
        };
        // The explicit marker outranks class words on its ancestors: opinion
        // pieces sit in an <article class="content--type-comment">.
        let article_body = best(
            &|i| {
                self.tag[i] != "meta"
                    && self.attr(i, "itemprop").is_some_and(|v| {
                        v.split_whitespace()
                            .any(|t| t.eq_ignore_ascii_case("articleBody"))
                    })
            },
            &under_hard,
        );
        if let Some(i) = article_body.filter(|&i| stats[i].text > 0) {
            return (i, true);
        }
        let trusted = |i: &usize| {
            let p = stats[*i].ptext;
            p >= opts.min_scope_chars && p as f64 >= opts.min_scope_share * body_ptext as f64
        };
        if let Some(i) = best(&|i| self.tag[i] == "article", &under_clutter).filter(trusted) {
            return (i, false);
        }
        let is_main = |i: usize| {
            self.tag[i] == "main"
                || self
                    .attr(i, "role")
                    .is_some_and(|r| r.trim().eq_ignore_ascii_case("main"))
        };
        if let Some(i) = best(&is_main, &under_clutter).filter(trusted) {
            return (i, false);
        }
        (self.body(), false)
    }

    /// For each node: whether a proper ancestor is clutter.
    fn under_clutter(&self, clutter: &[bool]) -> Vec<bool> {
        let mut under = vec![false; self.len()];
        for i in 0..self.len() {
            let p = self.parent[i];
            if p != NONE {
                under[i] = under[p] || clutter[p];
            }
        }
        under
    }

    /// Readability's scoring inside `scope`: each paragraph adds to its
    /// ancestors (full score to the parent, half to the grandparent, then a
    /// sixth, ninth, twelfth); the container with the best score, discounted
    /// by its link density, wins, and its siblings join when they score
    /// nearly as well or are plain paragraphs or subheadings.
    fn best_containers(
        &self,
        scope: usize,
        clutter: &[bool],
        stats: &[Stats],
        rules: &Rules,
        opts: &HtmlOptions,
    ) -> Vec<usize> {
        const DIVIDERS: [f64; 5] = [1.0, 2.0, 6.0, 9.0, 12.0];
        let mut score: Vec<Option<f64>> = vec![None; self.len()];
        let mut i = scope + 1;
        while i < self.end[scope] {
            if clutter[i] {
                i = self.end[i];
                continue;
            }
            let tag = self.tag[i];
            let votes = matches!(tag, "p" | "pre" | "td")
                || (matches!(tag, "div" | "section" | "article") && !self.block_child[i]);
            let s = &stats[i];
            if votes && s.text >= opts.min_paragraph_chars {
                let points = 1.0 + s.commas as f64 + (s.text as f64 / 100.0).min(3.0);
                let mut a = self.parent[i];
                for div in DIVIDERS {
                    if a == NONE || a < scope {
                        break;
                    }
                    let base = *score[a].get_or_insert_with(|| self.initial_score(a));
                    score[a] = Some(base + points / div);
                    if a == scope {
                        break;
                    }
                    a = self.parent[a];
                }
            }
            i += 1;
        }
        let final_score = |i: usize| score[i].map(|s| s * (1.0 - stats[i].link_density()));
        let top = (scope..self.end[scope])
            .filter_map(|i| final_score(i).map(|s| (i, s)))
            .fold(None, |best: Option<(usize, f64)>, (i, s)| match best {
                Some((_, b)) if b >= s => best,
                _ => Some((i, s)),
            });
        let Some((top, top_score)) = top else {
            return vec![scope];
        };
        if top == scope {
            return vec![scope];
        }
        let threshold = (top_score * opts.sibling_score_share).max(10.0);
        let parent = self.parent[top];
        let mut roots = Vec::new();
        let mut c = parent + 1;
        while c < self.end[parent] {
            let next = self.end[c];
            if c == top {
                roots.push(c);
            } else if !clutter[c] && self.element(c).is_some() {
                let s = &stats[c];
                let ld = s.link_density();
                let joins = final_score(c).is_some_and(|f| f >= threshold)
                    || (self.tag[c] == "p"
                        && ((s.text > 80 && ld < 0.25)
                            || (s.text > 0
                                && s.link == 0
                                && self.ends_sentence(c, clutter, rules))))
                    || (s.heading > 0 && s.heading * 2 >= s.text && ld < 0.5);
                if joins {
                    roots.push(c);
                }
            }
            c = next;
        }
        roots
    }

    fn initial_score(&self, i: usize) -> f64 {
        let tag_weight = match self.tag[i] {
            "div" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        tag_weight + self.weight[i]
    }

    /// Whether a short paragraph reads as a sentence (readability keeps those).
    fn ends_sentence(&self, i: usize, clutter: &[bool], rules: &Rules) -> bool {
        let mut p = Paragraphs::new(rules, &HtmlOptions::default());
        self.collect_text(i, clutter, &mut p);
        p.list
            .last()
            .is_some_and(|t| t.ends_with(['.', '!', '?', '"', '\u{201d}']))
    }

    /// Walks `root`'s subtree in document order, skipping clutter, and turns
    /// its text into paragraphs. `root` itself is never skipped: the scope
    /// may carry a clutter word ("content--type-comment" on an opinion piece).
    fn collect_text(&self, root: usize, clutter: &[bool], out: &mut Paragraphs) {
        // Open elements whose end matters: (end index, is block, is link).
        let mut open: Vec<(usize, bool, bool)> = Vec::new();
        let mut links = 0usize;
        let mut i = root;
        while i < self.end[root] {
            while let Some(&(end, block, link)) = open.last() {
                if end > i {
                    break;
                }
                open.pop();
                if block {
                    out.flush();
                }
                if link {
                    links -= 1;
                }
            }
            match self.node[i] {
                Node::Text(t) => out.push_text(t, links > 0),
                Node::Element(_) => {
                    let tag = self.tag[i];
                    // The headline is the title, not a paragraph of the body.
                    if tag == "h1" || (i != root && clutter[i]) {
                        i = self.end[i];
                        continue;
                    }
                    if tag == "br" {
                        out.push_break();
                    } else if matches!(tag, "td" | "th") {
                        out.push_text(" ", false);
                    }
                    let block = BLOCKS.contains(&tag);
                    let link = tag == "a";
                    if block {
                        out.flush();
                    }
                    if link {
                        links += 1;
                    }
                    if block || link {
                        open.push((self.end[i], block, link));
                    }
                }
                _ => {}
            }
            i += 1;
        }
        out.flush();
    }
}

/// Classifies one element as clutter or not, and weighs its class and id.
fn classify(el: &Element, rules: &Rules, segs: &mut Vec<String>) -> (Clutter, f64) {
    let tag = el.name();
    if matches!(tag, "html" | "body") {
        return (Clutter::No, 0.0);
    }
    let hard = (rules.tags.contains(tag) && tag != "form")
        || el.attr("hidden").is_some()
        || el
            .attr("aria-hidden")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        || el.attr("role").is_some_and(|r| {
            r.split_whitespace()
                .any(|r| rules.roles.contains(&r.to_lowercase()))
        });
    if hard {
        return (Clutter::Hard, 0.0);
    }
    let mut keep = false;
    let mut soft = tag == "form" && rules.tags.contains("form");
    let mut weight = 0.0;
    for attr in &rules.attributes {
        let Some(value) = el.attr(attr) else { continue };
        let names_content = matches!(attr.as_str(), "class" | "id");
        for token in value.split_whitespace().take(32) {
            segs.clear();
            segments(token, segs);
            if rules.keep.iter().any(|w| w.matches(segs)) {
                keep = true;
            } else if !soft && rules.clutter.iter().any(|w| w.matches(segs)) {
                soft = true;
            }
            if names_content && weight == 0.0 && rules.content.iter().any(|w| w.matches(segs)) {
                weight = 25.0;
            }
        }
    }
    let clutter = if soft && !keep {
        Clutter::Soft
    } else {
        Clutter::No
    };
    (clutter, weight)
}

fn non_space_all(paragraphs: &[String]) -> usize {
    paragraphs.iter().map(|p| non_space(p)).sum()
}

fn non_space(s: &str) -> usize {
    s.chars()
        .filter(|c| !c.is_whitespace() && !is_invisible(*c))
        .count()
}

/// Characters that take no room: zero-width spaces and joiners, soft hyphens, BOMs.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
    )
}

/// Whitespace folded to single spaces, invisible characters removed.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().filter(|c| !is_invisible(*c)));
    }
    out
}

/// Accumulates text into paragraphs: `<br><br>` and block edges break,
/// boilerplate and link lists are dropped.
struct Paragraphs<'r> {
    rules: &'r Rules,
    max_link_density: f64,
    list: Vec<String>,
    chars: usize,
    buf: String,
    buf_chars: usize,
    buf_link: usize,
}

impl<'r> Paragraphs<'r> {
    fn new(rules: &'r Rules, opts: &HtmlOptions) -> Self {
        Paragraphs {
            rules,
            max_link_density: opts.max_link_density,
            list: Vec::new(),
            chars: 0,
            buf: String::new(),
            buf_chars: 0,
            buf_link: 0,
        }
    }

    fn push_text(&mut self, s: &str, in_link: bool) {
        for c in s.chars() {
            if is_invisible(c) {
                continue;
            }
            if c.is_whitespace() {
                self.buf.push(' ');
            } else {
                self.buf.push(c);
                self.buf_chars += 1;
                if in_link {
                    self.buf_link += 1;
                }
            }
        }
    }

    /// A `<br>`: one is a space, two in a row end a paragraph.
    fn push_break(&mut self) {
        self.buf.push('\n');
    }

    fn flush(&mut self) {
        if self.buf_chars == 0 {
            self.buf.clear();
            return;
        }
        let links = self.buf_link > 0
            && self.buf_link as f64 > self.max_link_density * self.buf_chars as f64;
        let buf = std::mem::take(&mut self.buf);
        self.buf_chars = 0;
        self.buf_link = 0;
        if links {
            return;
        }
        let mut para = String::new();
        for line in buf.split('\n').chain(std::iter::once("")) {
            if line.trim().is_empty() {
                self.push_paragraph(fold(&para));
                para.clear();
            } else {
                para.push(' ');
                para.push_str(line);
            }
        }
    }

    fn push_paragraph(&mut self, p: String) {
        if p.is_empty() || self.rules.is_boilerplate(&p) || self.list.last() == Some(&p) {
            return;
        }
        self.chars += non_space(&p);
        self.list.push(p);
    }
}

// ---------------------------------------------------------------------------
// Metadata.

struct Metadata {
    title: Option<String>,
    url: Option<String>,
    published: Option<Published>,
    outlet: Option<String>,
    language: Option<String>,
    /// JSON-LD `articleBody` as paragraphs, with its non-space length.
    ld_body: Option<(Vec<String>, usize)>,
}

/// JSON-LD article types whose fields describe the page's article.
const ARTICLE_TYPES: &[&str] = &[
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "askpublicnewsarticle",
    "blogposting",
    "liveblogposting",
    "report",
    "techarticle",
    "scholarlyarticle",
];

/// `<meta name>`s that carry a publication date, most specific first.
const DATE_METAS: &[&str] = &[
    "govuk:first-published-at",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "original-publish-date",
];

impl Page<'_> {
    fn metadata(&self, scope: usize) -> Metadata {
        let mut meta: HashMap<String, &str> = HashMap::new();
        let mut canonical = None;
        let mut title_tag = None;
        let mut ld_scripts = Vec::new();
        for i in 0..self.len() {
            let Some(el) = self.element(i) else { continue };
            match self.tag[i] {
                "meta" => {
                    let key = el
                        .attr("property")
                        .or_else(|| el.attr("name"))
                        .or_else(|| el.attr("http-equiv"));
                    if let (Some(k), Some(v)) = (key, el.attr("content"))
                        && !v.trim().is_empty()
                    {
                        meta.entry(k.trim().to_lowercase()).or_insert(v.trim());
                    }
                }
                "link" if canonical.is_none() => {
                    let rel = el.attr("rel").unwrap_or("");
                    if rel
                        .split_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                    {
                        canonical = el.attr("href");
                    }
                }
                "title"
                    if title_tag.is_none() && &*el.name.ns == "http://www.w3.org/1999/xhtml" =>
                {
                    title_tag = Some(fold(&self.text_of(i)));
                }
                "script" => {
                    let ty = el.attr("type").unwrap_or("").trim();
                    if ty.eq_ignore_ascii_case("application/ld+json") {
                        ld_scripts.push(self.text_of(i));
                    }
                }
                _ => {}
            }
        }
        let ld = LinkedData::read(&ld_scripts);
        let get = |k: &str| meta.get(k).map(|v| fold(v)).filter(|v| !v.is_empty());

        let outlet = get("og:site_name").or_else(|| ld.publisher.clone());
        let region = self.article_region(scope);

        let mut names: Vec<String> = [get("og:site_name"), ld.publisher.clone(), get("author")]
            .into_iter()
            .flatten()
            .chain(ld.site_names.iter().cloned())
            .chain(ld.authors.iter().cloned())
            .collect();
        names.retain(|n| !n.is_empty());
        let title = get("og:title")
            .or_else(|| ld.headline.clone())
            .or_else(|| region.and_then(|r| self.first_h1(r)))
            .or(title_tag.filter(|t| !t.is_empty()))
            .map(|t| strip_site_suffix(t, &names));

        let base = get("og:url").or_else(|| ld.url.clone());
        let url = [
            canonical.map(str::to_string),
            get("og:url"),
            ld.url,
            ld.main_entity,
        ]
        .into_iter()
        .flatten()
        .find_map(|u| absolute_url(&u, base.as_deref()));

        let published = ["article:published_time", "og:article:published_time"]
            .iter()
            .filter_map(|k| meta.get(*k))
            .find_map(|d| parse_date(d))
            .or_else(|| ld.published.as_deref().and_then(parse_date))
            .or_else(|| {
                DATE_METAS
                    .iter()
                    .filter_map(|k| meta.get(*k))
                    .find_map(|d| parse_date(d))
            })
            .or_else(|| region.and_then(|r| self.time_in(r)));

        let language = self
            .element(self.root_html())
            .and_then(|el| el.attr("lang"))
            .and_then(primary_subtag)
            .or_else(|| meta.get("og:locale").and_then(|l| primary_subtag(l)))
            .or_else(|| ld.language.as_deref().and_then(primary_subtag))
            .or_else(|| {
                meta.get("content-language")
                    .and_then(|l| primary_subtag(l.split(',').next().unwrap_or("")))
            });

        let ld_body = ld.body.map(|b| {
            let paragraphs: Vec<String> = b.lines().map(fold).filter(|p| !p.is_empty()).collect();
            let chars = non_space_all(&paragraphs);
            (paragraphs, chars)
        });
        Metadata {
            title,
            url,
            published,
            outlet,
            language,
            ld_body,
        }
    }

    fn root_html(&self) -> usize {
        (0..self.len())
            .find(|&i| self.parent[i] == 0 && self.tag[i] == "html")
            .unwrap_or(0)
    }

    /// All text below node `i`, as it stands (clutter included).
    fn text_of(&self, i: usize) -> String {
        let mut s = String::new();
        for j in i..self.end[i] {
            if let Node::Text(t) = self.node[j] {
                s.push_str(t);
            }
        }
        s
    }

    /// The `<article>` or `<main>` the text was found in (the scope itself or
    /// its nearest such ancestor); `None` when the text came from `<body>`.
    fn article_region(&self, scope: usize) -> Option<usize> {
        let mut i = scope;
        while i != NONE {
            if matches!(self.tag[i], "article" | "main")
                || self
                    .attr(i, "role")
                    .is_some_and(|r| r.trim().eq_ignore_ascii_case("main"))
            {
                return Some(i);
            }
            i = self.parent[i];
        }
        None
    }

    fn first_h1(&self, region: usize) -> Option<String> {
        (region..self.end[region])
            .filter(|&i| self.tag[i] == "h1")
            .map(|i| fold(&self.text_of(i)))
            .find(|t| !t.is_empty())
    }

    /// The article's date from its markup: an `itemprop="datePublished"`
    /// element, else a `<time pubdate>`, else its first parseable `<time datetime>`.
    fn time_in(&self, region: usize) -> Option<Published> {
        let range = region..self.end[region];
        let date_attr = |i: usize| self.attr(i, "datetime").or_else(|| self.attr(i, "content"));
        let itemprop = range.clone().find_map(|i| {
            let marked = self.attr(i, "itemprop").is_some_and(|v| {
                v.split_whitespace()
                    .any(|t| t.eq_ignore_ascii_case("datePublished"))
            });
            if marked {
                date_attr(i).and_then(parse_date)
            } else {
                None
            }
        });
        itemprop
            .or_else(|| {
                range
                    .clone()
                    .filter(|&i| self.tag[i] == "time" && self.attr(i, "pubdate").is_some())
                    .find_map(|i| date_attr(i).and_then(parse_date))
            })
            .or_else(|| {
                range
                    .filter(|&i| self.tag[i] == "time")
                    .find_map(|i| self.attr(i, "datetime").and_then(parse_date))
            })
    }
}

/// Removes trailing " | Site Name", " - Site Name" (and the author's name,
/// which opinion pages add) while what follows the separator is a known name.
fn strip_site_suffix(title: String, names: &[String]) -> String {
    const SEPARATORS: [&str; 6] = [" | ", " - ", " \u{2013} ", " \u{2014} ", " :: ", " \u{b7} "];
    let mut t = title;
    'strip: loop {
        for sep in SEPARATORS {
            if let Some(pos) = t.rfind(sep) {
                let tail = t[pos + sep.len()..].trim();
                if pos > 0
                    && names
                        .iter()
                        .any(|n| n.to_lowercase() == tail.to_lowercase())
                {
                    t.truncate(pos);
                    let kept = t.trim_end().len();
                    t.truncate(kept);
                    continue 'strip;
                }
            }
        }
        break t;
    }
}

/// An absolute http(s) URL from `href`, resolving `/path` and `//host/path`
/// against `base` when there is one.
fn absolute_url(href: &str, base: Option<&str>) -> Option<String> {
    let href = href.trim();
    if http_scheme_len(href).is_some_and(|n| href.len() > n) {
        return Some(href.to_string());
    }
    let base = base?.trim();
    let scheme_len = http_scheme_len(base)?;
    if let Some(rest) = href.strip_prefix("//") {
        return (!rest.is_empty()).then(|| format!("{}{rest}", &base[..scheme_len]));
    }
    if href.starts_with('/') {
        let origin_end = base[scheme_len..]
            .find('/')
            .map_or(base.len(), |p| p + scheme_len);
        return Some(format!("{}{href}", &base[..origin_end]));
    }
    None
}

/// The length of a leading `http://` or `https://`, any case.
fn http_scheme_len(url: &str) -> Option<usize> {
    ["https://", "http://"].iter().find_map(|scheme| {
        let head = url.get(..scheme.len())?;
        head.eq_ignore_ascii_case(scheme).then_some(scheme.len())
    })
}

/// A date as the page states it, or `None`: never a guess. Accepts what
/// [`Published::parse`] does, plus offsets without a colon (`+0000`), which
/// several CMSs emit.
fn parse_date(s: &str) -> Option<Published> {
    let s = s.trim();
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    if let Ok(p) = Published::parse(s) {
        return Some(p);
    }
    let b = s.as_bytes();
    let n = b.len();
    let colonless = n > 16
        && matches!(b[n - 5], b'+' | b'-')
        && b[n - 4..].iter().all(u8::is_ascii_digit)
        && b[n - 6].is_ascii_digit();
    if colonless {
        let fixed = format!("{}:{}", &s[..n - 2], &s[n - 2..]);
        return Published::parse(&fixed).ok();
    }
    None
}

/// "en-GB" → "en", "en_GB" → "en"; `None` unless it looks like a language.
fn primary_subtag(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?;
    let primary = primary.to_ascii_lowercase();
    // "und" is BCP 47 for "undetermined": no language at all.
    ((2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && primary != "und")
        .then_some(primary)
}

/// What the page's JSON-LD says about its article.
#[derive(Default)]
struct LinkedData {
    headline: Option<String>,
    published: Option<String>,
    url: Option<String>,
    main_entity: Option<String>,
    publisher: Option<String>,
    language: Option<String>,
    authors: Vec<String>,
    site_names: Vec<String>,
    /// `articleBody`: plain text, line breaks kept.
    body: Option<String>,
}

impl LinkedData {
    /// Reads every `<script type="application/ld+json">`: objects, arrays,
    /// `@graph`s and nested objects alike, bounded in depth and count.
    fn read(scripts: &[String]) -> LinkedData {
        let values: Vec<Value> = scripts.iter().filter_map(|s| parse_json(s)).collect();
        let mut objects: Vec<&Map<String, Value>> = Vec::new();
        let mut stack: Vec<(&Value, usize)> = values.iter().rev().map(|v| (v, 0)).collect();
        while let Some((v, depth)) = stack.pop() {
            if objects.len() >= 10_000 || depth > 16 {
                continue;
            }
            match v {
                Value::Array(a) => stack.extend(a.iter().rev().map(|v| (v, depth + 1))),
                Value::Object(m) => {
                    objects.push(m);
                    stack.extend(m.values().rev().map(|v| (v, depth + 1)));
                }
                _ => {}
            }
        }
        let by_id: HashMap<&str, &Map<String, Value>> = objects
            .iter()
            .filter(|m| m.len() > 1)
            .filter_map(|m| Some((m.get("@id")?.as_str()?, *m)))
            .collect();
        // A reference such as `"publisher": {"@id": "#org"}` points at a node
        // of the graph that holds the fields.
        fn resolve<'v>(
            v: &'v Value,
            by_id: &HashMap<&str, &'v Map<String, Value>>,
        ) -> Option<&'v Map<String, Value>> {
            let m = match v {
                Value::Array(a) => a.first()?.as_object()?,
                Value::Object(m) => m,
                _ => return None,
            };
            match m.get("@id").and_then(Value::as_str) {
                Some(id) if !m.contains_key("name") => by_id.get(id).copied(),
                _ => Some(m),
            }
        }
        let has_type = |m: &Map<String, Value>, types: &[&str]| {
            let matches = |t: &Value| {
                t.as_str().is_some_and(|t| {
                    let t = t.rsplit(['/', ':']).next().unwrap_or(t).to_lowercase();
                    types.contains(&t.as_str())
                })
            };
            match m.get("@type") {
                Some(Value::Array(a)) => a.iter().any(matches),
                Some(t) => matches(t),
                None => false,
            }
        };
        let mut ld = LinkedData {
            site_names: objects
                .iter()
                .filter(|m| has_type(m, &["website"]))
                .filter_map(|m| ld_text(m.get("name")?))
                .collect(),
            ..LinkedData::default()
        };
        let article = objects
            .iter()
            .find(|m| has_type(m, ARTICLE_TYPES))
            .or_else(|| objects.iter().find(|m| m.contains_key("headline")));
        let Some(article) = article else {
            return ld;
        };
        ld.headline = ["headline", "name"]
            .iter()
            .find_map(|k| ld_text(article.get(*k)?));
        ld.published = article.get("datePublished").and_then(ld_text);
        ld.body = article
            .get("articleBody")
            .and_then(Value::as_str)
            .map(|b| b.replace("\r\n", "\n"))
            .filter(|b| !b.trim().is_empty());
        ld.url = article.get("url").and_then(ld_text);
        ld.main_entity = article.get("mainEntityOfPage").and_then(|v| match v {
            Value::Object(m) => ["@id", "url"].iter().find_map(|k| ld_text(m.get(*k)?)),
            v => ld_text(v),
        });
        ld.publisher = article
            .get("publisher")
            .and_then(|p| resolve(p, &by_id))
            .and_then(|p| ld_text(p.get("name")?));
        ld.language = article.get("inLanguage").and_then(|v| match v {
            Value::Object(m) => ["alternateName", "name"]
                .iter()
                .find_map(|k| ld_text(m.get(*k)?)),
            v => ld_text(v),
        });
        let authors: Vec<&Value> = match article.get("author") {
            Some(Value::Array(a)) => a.iter().collect(),
            Some(v) => vec![v],
            None => Vec::new(),
        };
        ld.authors = authors
            .into_iter()
            .take(16)
            .filter_map(|a| match a {
                Value::String(_) => ld_text(a),
                v => ld_text(resolve(v, &by_id)?.get("name")?),
            })
            .collect();
        ld
    }
}

/// JSON-LD as pages ship it: sometimes wrapped in a comment or CDATA, and
/// often with raw line breaks inside strings, which strict JSON forbids.
fn parse_json(s: &str) -> Option<Value> {
    let s = s.trim();
    if let Ok(v) = serde_json::from_str(s) {
        return Some(v);
    }
    let s = s
        .trim_start_matches("<!--")
        .trim_end_matches("-->")
        .trim()
        .trim_start_matches("//<![CDATA[")
        .trim_start_matches("<![CDATA[")
        .trim_end_matches("//]]>")
        .trim_end_matches("]]>")
        .trim()
        .trim_end_matches(';');
    let cleaned: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    serde_json::from_str(&cleaned).ok()
}

/// A JSON-LD string (or the first of an array) as plain text: entities
/// decoded, tags dropped, whitespace folded.
fn ld_text(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.as_str(),
        Value::Array(a) => return a.iter().find_map(ld_text),
        _ => return None,
    };
    let text = if (s.contains('&') || s.contains('<')) && s.len() <= 4096 {
        let frag = Html::parse_fragment(s);
        fold(&frag.root_element().text().collect::<String>())
    } else {
        fold(s)
    };
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> String {
        let path = format!("{}/tests/fixtures/html/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn paragraphs(d: &Draft) -> Vec<&str> {
        d.body.split("\n\n").collect()
    }

    /// Strings that are page furniture in one fixture or another.
    const CLUTTER: &[&str] = &[
        "Share this",
        "Share on",
        "Accept cookies",
        "Accept additional cookies",
        "cookies",
        "READ MORE",
        "Most read",
        "Most Read",
        "Most viewed",
        "Advertisement",
        "Image:",
        "Photograph:",
        "Sign up",
        "Subscribe",
        "newsletter",
        "Related",
        "Comments",
        "Skip to",
        "Don't miss",
        "Menu",
        "Is this page useful",
        "Crown copyright",
        "Leave a Reply",
        "Recent Posts",
    ];

    fn assert_clean(d: &Draft, captions: &[&str]) {
        for c in CLUTTER.iter().chain(captions) {
            assert!(
                !d.body.contains(c),
                "clutter {c:?} leaked into the body:\n{}",
                d.body
            );
        }
    }

    fn date(d: &Draft) -> String {
        d.published.expect("a date").to_iso()
    }

    #[test]
    fn rules_file_loads() {
        let rules = RULES.as_ref().expect("rules/html-clutter.toml loads");
        assert!(rules.tags.contains("nav"));
        assert!(rules.is_boilerplate("READ MORE: Something else"));
        assert!(rules.is_boilerplate("Advertisement"));
        assert!(rules.is_boilerplate("Don\u{2019}t miss:"));
        assert!(!rules.is_boilerplate("Readers were told to queue."));
    }

    #[test]
    fn class_words_match_segments_not_substrings() {
        let rules = RULES.as_ref().unwrap();
        let hit = |token: &str| {
            let mut s = Vec::new();
            segments(token, &mut s);
            rules.clutter.iter().any(|w| w.matches(&s))
        };
        assert!(hit("mostReadList"));
        assert!(hit("gem-c-share-links"));
        assert!(hit("sharedaddy"));
        assert!(hit("jp-relatedposts"));
        assert!(hit("ssrcss-ad-slot"));
        assert!(hit("cookie-banner"));
        assert!(!hit("home-address"), "`ad` must not match inside `address`");
        assert!(!hit("bg-navy-900"), "`nav` must not match `navy`");
        assert!(!hit("canvas"));
        assert!(!hit("article-body"));
        assert!(!hit("overflow-hidden"));
    }

    #[test]
    fn tabloid_page_with_graph() {
        let d = parse(&fixture("tabloid_graph.html")).unwrap();
        assert_eq!(
            d.title.as_deref(),
            Some(
                "Brits heading to Europe face new \u{20ac}20 travel permit as EU confirms start date"
            ),
            "headline from JSON-LD, entity decoded"
        );
        assert_eq!(
            d.url.as_deref(),
            Some("https://www.dailyclarion.example/news/uk-news/brits-europe-travel-permit-31514")
        );
        assert_eq!(date(&d), "2025-03-11T07:15:00+00:00");
        assert_eq!(
            d.outlet.as_deref(),
            Some("The Daily Clarion"),
            "publisher resolved through its @id"
        );
        assert_eq!(d.language.as_deref(), Some("en"));
        assert_eq!(
            paragraphs(&d),
            [
                "British holidaymakers will have to pay for a new travel permit before visiting most of Europe, Brussels has confirmed.",
                "The European Travel Information and Authorisation System, known as ETIAS, will apply to visitors from outside the EU who do not need a visa \u{2013} including tourists from the UK.",
                "Travellers will have to fill in an online form, pay a \u{20ac}20 fee and wait for approval before they set off. Most applications are expected to be processed within minutes, but officials warned that some could take up to four weeks.",
                "A permit will last for three years, or until the passport it is linked to runs out, whichever comes first.",
                "Who will need a permit?",
                "Anyone aged between 18 and 70 travelling on a British passport will need one. Younger and older travellers will still have to be registered, but will not pay the fee.",
                "The permit will be checked before boarding in:",
                "the 29 countries of the Schengen area, including France, Spain and Greece",
                "Cyprus, which is not yet a full Schengen member",
                "A European Commission spokesperson said: \u{201c}The system is designed to strengthen security checks without making travel harder for the vast majority of visitors.\u{201d}",
                "The permit is separate from the Entry/Exit System, which will replace passport stamps with fingerprint and photo checks at the border.",
                "Travel industry bosses have urged the Government to make sure families are ready. One said queues at Dover \"could stretch for miles\" if the rollout is rushed.",
            ]
        );
        assert_clean(
            &d,
            &[
                "Queues at the Port",
                "e-gate",
                "Sam Holloway",
                "Cheapest ferry",
                "nobody voted",
            ],
        );
    }

    #[test]
    fn broadcaster_page_with_blocks_and_time() {
        let d = parse(&fixture("broadcaster_blocks.html")).unwrap();
        assert_eq!(
            d.title.as_deref(),
            Some("Dover warns of summer queues as EU border checks begin")
        );
        assert_eq!(
            d.url.as_deref(),
            Some("https://www.albionnews.example/news/articles/c9x2kq7vz1po")
        );
        assert_eq!(
            date(&d),
            "2025-04-09T05:12:44+00:00",
            "from the byline's <time datetime>"
        );
        assert_eq!(d.outlet.as_deref(), Some("Albion News"));
        assert_eq!(d.language.as_deref(), Some("en"));
        assert_eq!(
            paragraphs(&d),
            [
                "Port bosses in Dover have warned that new European border checks could add hours to journeys during the summer holidays.",
                "The EU's Entry/Exit System (EES) requires travellers from outside the bloc to register their fingerprints and a photograph the first time they cross its external border.",
                "Because French border officers carry out their checks in Dover before passengers board, the registrations will take place on British soil, in a port hemmed in by cliffs and the sea.",
                "\"We have built extra kiosks and a new coach processing area, but the space we have is finite,\" the port's head of operations, Martin Keane, said.",
                "Tablets for coach passengers",
                "Coach operators say their passengers will be asked to register on handheld tablets before they reach the booths, a process that could take more than a minute per person.",
                "The Department for Transport said it had given the port \u{a3}10.5m towards the new infrastructure and was working closely with French authorities to keep traffic moving.",
                "Local MPs have called for an emergency plan for the M20, where lorries could again be held in long queues known as Operation Brock.",
            ]
        );
        assert_clean(
            &d,
            &[
                "Lorries queued",
                "Image caption",
                "Watch:",
                "Priya Natarajan",
                "More on this story",
                "Eurostar passengers",
                "Heavy rain",
            ],
        );
    }

    #[test]
    fn govuk_press_release() {
        let d = parse(&fixture("govuk_press_release.html")).unwrap();
        assert_eq!(
            d.title.as_deref(),
            Some("New border security command gets powers to seize smugglers' phones")
        );
        assert_eq!(
            d.url.as_deref(),
            Some(
                "https://www.gov.uk/government/news/new-border-security-command-gets-powers-to-seize-smugglers-phones"
            )
        );
        assert_eq!(
            date(&d),
            "2025-05-20T09:30:00+01:00",
            "from govuk:first-published-at"
        );
        assert_eq!(d.outlet.as_deref(), Some("GOV.UK"));
        assert_eq!(d.language.as_deref(), Some("en"));
        assert_eq!(
            paragraphs(&d),
            [
                "Officers will be able to seize and search the mobile phones of suspected people smugglers before they are arrested, under new powers that come into force today.",
                "The powers, introduced by the Border Security, Asylum and Immigration Act, are intended to help the Border Security Command disrupt the criminal gangs that organise small boat crossings.",
                "Officers will also be able to collect data about the routes and payment methods used by smuggling networks, and share it with partners in France, Belgium and the Netherlands.",
                "New offences",
                "The Act creates new criminal offences, including:",
                "supplying or handling parts for small boats, such as engines and fuel, for use in the Channel",
                "collecting information for use in an immigration crime",
                "endangering another person during a sea crossing",
                "The Border Security Commander said:",
                "These powers let our officers get to the evidence faster. The gangs run their business through their phones, and now we can follow the trail much earlier.",
                "International cooperation",
                "The government has agreed joint intelligence arrangements with 14 European countries and will second officers to Europol\u{2019}s migrant smuggling centre in The Hague.",
                "Further information about the measures is available in the Border Security, Asylum and Immigration Act factsheet.",
                "Notes to editors",
                "The new powers apply across the United Kingdom.",
                "Guidance for officers will be published on GOV.UK later this year.",
            ]
        );
        assert_clean(
            &d,
            &[
                "Press release",
                "From:",
                "Published 20 May",
                "Border Force cutter",
                "Explore the topic",
                "Entering and staying",
            ],
        );
    }

    #[test]
    fn broadsheet_page_with_article_body() {
        let d = parse(&fixture("broadsheet_articlebody.html")).unwrap();
        assert_eq!(
            d.title.as_deref(),
            Some("The UK-EU youth mobility deal is a start, but the border questions remain"),
            "the author's name after ` | ` is stripped too"
        );
        assert_eq!(
            d.url.as_deref(),
            Some(
                "https://www.sentinel.example/commentisfree/2025/jun/02/uk-eu-youth-mobility-border-questions"
            )
        );
        assert_eq!(date(&d), "2025-06-02T14:05:33+00:00");
        assert_eq!(d.outlet.as_deref(), Some("The Sentinel"));
        assert_eq!(d.language.as_deref(), Some("en"));
        assert_eq!(
            paragraphs(&d),
            [
                "When ministers and the European Commission finally agreed the outline of a youth mobility scheme last week, both sides were careful to call it a modest step. They were right.",
                "The scheme will let a capped number of people aged 18 to 30 live and work on the other side of the Channel for up to two years. It is popular, it is reciprocal, and it is a long way from free movement.",
                "But it leaves the harder questions about the border untouched. Lorry drivers will still queue at Dover for document checks, and from the autumn British visitors will give their fingerprints to the EU's new Entry/Exit System.",
                "A veterinary agreement would do more",
                "A sanitary and phytosanitary agreement, which would remove most checks on food and plants, would do more for trade at the border than any number of new visas. Negotiators expect talks on it to take at least a year.",
                "None of this will be settled by one summit. The honest answer is that Britain has not yet decided what it wants its frontier with Europe to look like, and until it does, each deal will feel like a start.",
                "Sian Pryce is a writer on European affairs",
            ]
        );
        assert_clean(
            &d,
            &[
                "St Pancras",
                "UK-EU summit: what was agreed",
                "This Week in Europe",
                "Privacy Notice",
                "Support us",
                "Explore more",
                "Good piece",
            ],
        );
        // The pull quote repeats a sentence of the text: it must appear once.
        assert_eq!(d.body.matches("It is popular, it is reciprocal").count(), 1);
    }

    #[test]
    fn blog_without_semantic_markup() {
        let d = parse(&fixture("blog_divsoup.html")).unwrap();
        assert_eq!(
            d.title.as_deref(),
            Some("What the Windsor Framework review means for goods crossing the Irish Sea"),
            "from <title>, site name stripped; not the logo's <h1>"
        );
        assert_eq!(
            d.url.as_deref(),
            Some("https://borderwatch.example/2025/06/windsor-framework-review/")
        );
        assert_eq!(d.published, None, "\"Tuesday 3rd June\" is not guessed");
        assert_eq!(d.outlet.as_deref(), Some("Border Watch"));
        assert_eq!(d.language.as_deref(), Some("en"), "from og:locale en_GB");
        assert_eq!(
            paragraphs(&d),
            [
                "The first formal review of the Windsor Framework is due to report this autumn, and the businesses that move goods between Great Britain and Northern Ireland have a long list of complaints.",
                "Most of them concern the \u{201c}green lane\u{201d}, the simplified route for goods that are meant to stay in Northern Ireland. Traders say the paperwork has shrunk, but not by as much as they were promised.",
                "A haulier based in Larne told us that a mixed load of groceries still needs more than forty separate declarations.",
                "Another said the scheme works well for large supermarkets, which have dedicated customs teams, and badly for everyone else.",
                "The review will also look at the \u{201c}Stormont brake\u{201d}, which allows members of the Assembly to object to new EU rules applying in Northern Ireland. It has never been used, and both sides disagree about what would happen if it were.",
                "Our view is simple: the review should publish the data on checks, rejections and delays for each port, so that the argument can be about evidence rather than anecdote.",
            ]
        );
        assert_clean(
            &d,
            &[
                "Posted by",
                "Tags:",
                "bakery",
                "Is the green lane working",
                "Archives",
            ],
        );
    }

    #[test]
    fn metadata_fallbacks() {
        let html = r#"<html lang="fr-FR"><head>
            <title>Contrôles aux frontières renforcés – Le Quotidien</title>
            <meta property="og:site_name" content="Le Quotidien">
            <meta property="og:url" content="https://lequotidien.example/a/1">
            <link rel="canonical" href="/politique/controles-frontieres">
            <meta property="article:published_time" content="mardi">
            <meta name="dc.date" content="2025-02-03T10:00:00+0100">
            </head><body><main><h1>Contrôles   aux frontières
            renforcés</h1><p>Le gouvernement a annoncé des contrôles renforcés aux frontières avec la Belgique et l'Allemagne, pour six mois.</p></main></body></html>"#;
        let d = parse(html).unwrap();
        assert_eq!(
            d.title.as_deref(),
            Some("Contrôles aux frontières renforcés")
        );
        assert_eq!(
            d.url.as_deref(),
            Some("https://lequotidien.example/politique/controles-frontieres")
        );
        assert_eq!(
            date(&d),
            "2025-02-03T10:00:00+01:00",
            "the unparseable og date is skipped, `+0100` read"
        );
        assert_eq!(d.language.as_deref(), Some("fr"));
        assert!(d.body.starts_with("Le gouvernement a annoncé"));
    }

    #[test]
    fn json_ld_shapes() {
        // An article nested in a WebPage, its type a URL in an array, a raw
        // line break inside a string (invalid JSON that pages ship anyway).
        let nested = r#"{"@context":"https://schema.org","@type":"WebPage",
            "mainEntity":{"@type":["http://schema.org/ReportageNewsArticle"],
              "headline":"Ferry checks
 resume at Holyhead","datePublished":"2025-01-15",
              "publisher":[{"@type":"Organization","name":"Wales Wire"}],
              "inLanguage":"cy-GB"}}"#;
        let ld = LinkedData::read(&[nested.to_string()]);
        assert_eq!(
            ld.headline.as_deref(),
            Some("Ferry checks resume at Holyhead")
        );
        assert_eq!(ld.published.as_deref(), Some("2025-01-15"));
        assert_eq!(ld.publisher.as_deref(), Some("Wales Wire"));
        assert_eq!(ld.language.as_deref(), Some("cy-GB"));

        // A blog post in a @graph, after a WebSite, with its url.
        let graph = r#"{"@graph":[{"@type":"WebSite","name":"Port Notes"},
            {"@type":"BlogPosting","headline":"Q&amp;A: customs at Larne",
             "url":"https://portnotes.example/qa","datePublished":["2025-01-16T08:00:00Z"],
             "author":{"@type":"Person","name":"Ann Lee"}}]}"#;
        let ld = LinkedData::read(&["garbage{".to_string(), graph.to_string()]);
        assert_eq!(ld.headline.as_deref(), Some("Q&A: customs at Larne"));
        assert_eq!(ld.url.as_deref(), Some("https://portnotes.example/qa"));
        assert_eq!(ld.published.as_deref(), Some("2025-01-16T08:00:00Z"));
        assert_eq!(ld.site_names, ["Port Notes"]);
        assert_eq!(ld.authors, ["Ann Lee"]);
    }

    #[test]
    fn metered_parse_matches_scraper() {
        for name in ["tabloid_graph.html", "govuk_press_release.html"] {
            let html = fixture(name);
            let ours = parse_metered(&html, u64::MAX).unwrap();
            assert_eq!(ours.html(), Html::parse_document(&html).html(), "{name}");
        }
        // A multi-byte character across a piece boundary.
        let html = format!("<p>{}\u{20ac}</p>", "x".repeat(PARSE_CHUNK - 4));
        assert!(
            parse_metered(&html, u64::MAX)
                .unwrap()
                .html()
                .contains('\u{20ac}')
        );
    }

    #[test]
    fn title_tag_suffix_only_stripped_when_it_is_the_site() {
        let names = vec!["Border Watch".to_string()];
        assert_eq!(
            strip_site_suffix("Checks at Holyhead - Border Watch".into(), &names),
            "Checks at Holyhead"
        );
        assert_eq!(
            strip_site_suffix("Holyhead - a port in limbo".into(), &names),
            "Holyhead - a port in limbo"
        );
        assert_eq!(
            strip_site_suffix("Border Watch".into(), &names),
            "Border Watch"
        );
    }

    #[test]
    fn dates_are_read_not_guessed() {
        assert!(parse_date("2025-02-03T09:30:00+0000").is_some());
        assert!(parse_date("2025-02-30T09:30:00Z").is_none());
        assert!(parse_date("3 February 2025").is_none());
        assert!(parse_date("yesterday").is_none());
    }

    #[test]
    fn pages_without_text_are_refused() {
        for html in [
            "",
            "   ",
            "<html><head><title>x</title></head><body></body></html>",
            "<nav><a href=/>Home</a></nav><footer>© 2025</footer>",
            "<script>document.write('<p>text</p>')</script>",
        ] {
            let err = parse(html).unwrap_err();
            assert!(err.contains("no article text"), "{html:?}: {err}");
        }
    }

    #[test]
    fn deep_nesting_is_refused_quickly() {
        // Nesting that html5ever builds itself: each `</u>` leaves the `<s>`
        // to be reopened, so the tree gets one level deeper per repetition.
        for html in ["<div>".repeat(200_000), "<u><s>x</u>".repeat(100_000)] {
            let opts = HtmlOptions {
                max_parse_work: 5_000_000,
                ..HtmlOptions::default()
            };
            let started = std::time::Instant::now();
            let err = parse_with(&html, &opts).unwrap_err();
            assert!(err.contains("too deeply"), "{err}");
            assert!(started.elapsed().as_secs() < 10);
        }
        // Unclosed paragraphs and list items are closed by the parser, not nested.
        let para =
            "<p>The committee heard evidence on border checks at Dover and Holyhead.".repeat(5_000);
        assert!(parse(&para).is_ok());
        let items = format!(
            "<ul>{}</ul>",
            "<li>Holyhead, Fishguard and Pembroke Dock".repeat(5_000)
        );
        assert!(parse(&items).is_ok());
    }

    #[test]
    fn huge_page_is_cut_not_choked_on() {
        let mut html = String::from("<html><body><article>");
        let mut n = 0;
        while html.len() < 20 << 20 {
            n += 1;
            html.push_str(&format!(
                "<p>Ministers said checks at Dover would be phased in over {n} days.</p>\n"
            ));
        }
        html.push_str("</article></body></html>");
        let d = parse(&html).unwrap();
        assert!(d.body.len() <= 16 << 20);
        assert!(d.body.starts_with("Ministers said"));
    }

    #[test]
    fn junk_does_not_panic() {
        for html in [
            "\u{0}\u{1}\u{fffd}<<<>>>&&&;;",
            "<p",
            "<<p>>Some text that is long enough to be a paragraph, with commas, too.",
            "<html><body><p>Unclosed <b>bold <i>italic <a href='x'>link",
            "<table><tr><td><p>Text in a cell that is long enough to count as a paragraph.",
            "<svg><p>Text inside svg that is long enough to count as a paragraph.</p></svg>",
            "<script type=\"application/ld+json\">{\"@graph\": [[[[{\"headline\": 1}]]]]}</script><p>x</p>",
            "<!-- unterminated comment <p>text",
            "<meta property=og:url content=//x><link rel=canonical href=/a><p>Body text.</p>",
        ] {
            let _ = parse(html);
        }
    }

    proptest::proptest! {
        #[test]
        fn any_string_parses_or_errs(s in "\\PC*") {
            let _ = parse(&s);
        }

        #[test]
        fn any_tag_soup_parses_or_errs(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::string::string_regex("<(p|div|a|li|ul|article|main|br|h2|script|nav|span)( class=\"(share|body|x)\")?>").unwrap(),
                    proptest::string::string_regex("</(p|div|a|li|ul|article|main|h2|script|nav|span)>").unwrap(),
                    proptest::string::string_regex("[A-Za-z ,.&;#<]{0,40}").unwrap(),
                ],
                0..60,
            )
        ) {
            let html = parts.concat();
            if let Ok(d) = parse(&html) {
                proptest::prop_assert!(!d.body.is_empty());
                proptest::prop_assert!(!d.body.contains("\n\n\n"));
            }
        }
    }
}
