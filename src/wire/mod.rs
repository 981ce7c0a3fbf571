//! The HTTP APIs' wire formats, shared by the server (which reads requests
//! and writes answers) and the client (which writes requests and reads
//! answers, from flashchat or any other server, so reading is lenient:
//! unknown fields are ignored and odd values are dropped, not fatal).

pub mod admin;
pub mod anthropic;
pub mod openai;
pub mod responses;
