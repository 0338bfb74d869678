//! Extraction: who spoke, who proposed what, what was agreed, which events were named.
//!
//! Each rule lives in one module: [`names`] and [`speakers`] decide who a clause belongs
//! to; [`proposals`], [`decisions`] and [`events`] read those clauses; [`dates`] reads
//! every date.

pub mod acronyms;
pub mod dates;
pub mod decisions;
pub mod events;
pub mod names;
pub mod phrases;
pub mod proposals;
pub mod request;
pub mod speakers;
pub mod synonyms;
pub mod themes;
