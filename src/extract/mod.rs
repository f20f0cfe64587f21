//! Extraction: sentences → measures, dates, figures, quotes.
pub mod dates;
