//! Evaluation against reference material: how well digest's stages do on
//! annotated articles. Each submodule scores one stage; the `digest eval`
//! command and the benchmarks print their reports.

pub mod measures;
pub mod ranking;
pub mod rouge;
