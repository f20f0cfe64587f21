//! Scoring extraction (measures, provisions, dates, figures, quotes)
//! against a gold file. STUB: being written.
