//! Sentence segmentation: article body → sentence spans.
//!
//! STUB: being written.

/// One sentence: a byte range of the body, and the paragraph it sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
}

/// Splits `body` into sentences, in reading order.
pub fn segment(body: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in body.char_indices() {
        if start.is_none() && !c.is_whitespace() {
            start = Some(i);
        }
        if c == '\n' {
            if let Some(s) = start.take() {
                out.push(Sentence {
                    start: s,
                    end: i,
                    paragraph: out.len(),
                });
            }
        }
    }
    if let Some(s) = start {
        out.push(Sentence {
            start: s,
            end: body.len(),
            paragraph: out.len(),
        });
    }
    out
}
