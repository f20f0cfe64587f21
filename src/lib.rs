//! digest: a policy-monitoring summarizer and digest generator.
//!
//! The pipeline, one module per stage, data flowing one way:
//! [`ingest`] (files → [`article::Article`]) → [`segment`] (body → sentences)
//! → [`cluster`] (articles → stories) → [`rank`] (key sentences) and
//! [`extract`] (measures, dates, figures, quotes) → [`digest`] (the model)
//! → [`render`] (markdown, html, text, json, email) → [`send`] (SMTP,
//! sendmail or a folder, with the sent-state kept in the [`store`]).
//! [`pipeline`] wires the stages; [`cli`] and [`config`] are the edge.

pub mod article;
pub mod cli;
pub mod cluster;
pub mod config;
pub mod digest;
pub mod document;
pub mod eval;
pub mod extract;
pub mod fetch;
pub mod ingest;
pub mod pipeline;
pub mod rank;
pub mod render;
pub mod segment;
pub mod send;
pub mod source;
pub mod store;
pub mod text;
