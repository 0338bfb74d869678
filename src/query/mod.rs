//! Queries over the index. Each returns data; [`crate::report`] renders it.

pub mod dates;
pub mod excerpt;
pub mod filters;
pub mod gaps;
pub mod parse;
pub mod proposals;
pub mod rank;
pub mod search;
pub mod snippet;
pub mod themes;
pub mod trend;
pub mod undated;
