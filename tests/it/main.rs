//! End-to-end tests: the real `flashchat` binary in a temporary home, and
//! the real Gemma 3 270M model where a model is needed.

mod agent;
mod architecture;
mod batch;
mod benchmark;
mod chat;
mod cli;
mod common;
mod compare;
mod config;
mod dialects;
mod embeddings;
mod engine;
mod generated;
mod hub;
mod kv_cache;
mod mcp;
mod models;
mod prompt;
mod prompt_templates;
mod router;
mod serve;
mod sessions;
mod status;
mod synthetic;
mod templates;
mod terminal;
mod tools;
mod tui;
