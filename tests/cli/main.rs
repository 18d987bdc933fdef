//! Integration tests: the real binary on a temporary database, one module
//! per command.

mod util;

mod clerk_words;
mod demo;
mod directive;
mod documents;
mod done;
mod encrypted;
mod errors;
mod extract;
mod files;
mod help;
mod history;
mod hostile_import;
mod hostile_text;
mod join;
mod json;
mod office;
mod order;
mod overdue;
mod people;
mod postgres;
mod postgres_copy;
mod postgres_server;
mod ratings;
mod readme;
mod renew;
mod reports;
mod results;
mod robust;
mod secrecy;
mod sheets;
mod text;
mod tree_in_time;
mod undo;
mod unit;
mod words;
mod xlsx;
