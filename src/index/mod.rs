//! The tantivy index: schema ([`schema`]), building and updating it ([`writer`]), and
//! opening it for queries ([`reader`]).

pub mod corpus_record;
pub mod passages;
pub mod reader;
pub mod schema;
pub mod writer;
