//! The query behind `results` on PostgreSQL (see `sqlite/results.rs`);
//! `Reports::for_each_result` runs it.
