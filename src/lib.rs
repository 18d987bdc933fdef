//! theodoi: track how Party directives are carried out, on SQLite.
//! See ARCHITECTURE.md for the map of the modules.

pub mod app;
pub mod cli;
pub mod doc;
pub mod domain;
pub mod extract;
pub mod files;
pub mod i18n;
pub mod report;
pub mod store;
pub mod text;
