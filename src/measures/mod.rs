//! The statistics computed from counts, as plain functions of numbers: lexical
//! diversity and the Zipf and Heaps fits, dispersion, keyness, and the association
//! measures.
//! They know nothing of corpora or tables, so each is tested against published
//! or hand-worked values on its own.

pub mod association;
pub mod dispersion;
pub mod keyness;
pub mod lexical;
pub mod trend;
