//! Queries over the index. Each returns data; [`crate::report`] renders it.

pub mod dates;
pub mod filters;
pub mod gaps;
pub mod parse;
pub mod proposals;
pub mod rank;
pub mod snippet;
pub mod trend;
pub mod search;
pub mod themes;
