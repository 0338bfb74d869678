//! Rendering query results for people ([`human`]) and for scripts ([`json`]).

pub mod extract_human;
pub mod html;
pub mod human;
pub mod json;
