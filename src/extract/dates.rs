//! Time phrases in running text, resolved against a publication date.
//!
//! STUB: being written.

use chrono::NaiveDate;

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

/// Finds the time phrases of `sentence`, resolving them against `published`.
pub fn find_times(_sentence: &str, _published: Option<NaiveDate>) -> Vec<TimeExpr> {
    Vec::new()
}
