//! Queries over the index. Each returns data; [`crate::report`] renders it.

pub mod dates;
pub mod filters;
pub mod gaps;
pub mod proposals;
pub mod search;
pub mod snippet;
pub mod themes;
pub mod undated;
