//! Markdown articles (`.md`): front matter, then a Markdown body read through
//! pulldown-cmark as text: one paragraph per block, markup dropped, link text
//! kept, raw HTML and images' URLs dropped.

use pulldown_cmark::{Event, Parser, TagEnd};

use super::{Draft, Problem, frontmatter};

pub fn parse(text: &str) -> Result<Draft, Problem> {
    let (mut draft, rest) = frontmatter::split(text)?;
    let mut body = String::new();
    let mut para = String::new();
    let mut first_heading: Option<String> = None;
    for event in Parser::new(rest) {
        match event {
            Event::Text(t) | Event::Code(t) => para.push_str(&t),
            Event::SoftBreak => para.push(' '),
            Event::HardBreak => para.push('\n'),
            Event::End(TagEnd::Heading(_)) => {
                if first_heading.is_none() && body.is_empty() && draft.title.is_none() {
                    first_heading = Some(para.trim().to_string());
                    para.clear();
                } else {
                    flush(&mut body, &mut para);
                }
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::CodeBlock | TagEnd::TableRow) => {
                flush(&mut body, &mut para)
            }
            _ => {}
        }
    }
    flush(&mut body, &mut para);
    if draft.title.is_none() {
        draft.title = first_heading.filter(|h| !h.is_empty());
    }
    draft.body = body;
    Ok(draft)
}

fn flush(body: &mut String, para: &mut String) {
    let folded = para.split_whitespace().collect::<Vec<_>>().join(" ");
    if !folded.is_empty() {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        body.push_str(&folded);
    }
    para.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_markdown_as_paragraphs() {
        let d = parse("---\noutlet: X\n---\n# Head\n\nOne *two*\nthree [link](http://x).\n\n- item one\n- item two\n").unwrap();
        assert_eq!(d.title.as_deref(), Some("Head"));
        assert_eq!(d.body, "One two three link.\n\nitem one\n\nitem two");
    }
}
