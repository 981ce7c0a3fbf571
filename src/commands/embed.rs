//! `flashchat embed`: texts (arguments, or stdin lines) to vectors on
//! stdout, from a running server or the model loaded here.

use std::io::{BufRead, IsTerminal, Write};

use crate::backend::Backend;
use crate::cli::EmbedArgs;
use crate::errors::Hinted;
use crate::Context;

pub fn run(ctx: &Context, args: &EmbedArgs) -> anyhow::Result<()> {
    let texts = texts(args)?;
    let backend = Backend::open(&ctx.resolved, &ctx.env, &ctx.paths, &ctx.printer)?;
    let embedded = backend.embed(texts.clone())?;
    let mut out = std::io::stdout().lock();
    if args.json {
        let data: Vec<_> = texts
            .iter()
            .zip(&embedded.vectors)
            .enumerate()
            .map(|(index, (text, vector))| {
                serde_json::json!({"index": index, "text": text, "embedding": vector})
            })
            .collect();
        let body = serde_json::json!({
            "model": backend.model_name(),
            "dimensions": embedded.vectors.first().map_or(0, Vec::len),
            "data": data,
            "usage": {"prompt_tokens": embedded.tokens},
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&body)?)?;
    } else {
        for vector in &embedded.vectors {
            let line: Vec<String> = vector.iter().map(f32::to_string).collect();
            writeln!(out, "{}", line.join(" "))?;
        }
    }
    out.flush()?;
    Ok(())
}

/// The arguments, or else stdin's non-empty lines.
fn texts(args: &EmbedArgs) -> anyhow::Result<Vec<String>> {
    if !args.text.is_empty() {
        if let Some(at) = args.text.iter().position(|t| t.is_empty()) {
            return Err(Hinted::new(
                format!("text {} is empty", at + 1),
                "give each text to embed as an argument, or one per line on stdin",
            )
            .into());
        }
        return Ok(args.text.clone());
    }
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return Err(Hinted::new(
            "nothing to embed",
            "give texts as arguments (flashchat embed \"some text\") or pipe one per line",
        )
        .into());
    }
    let mut texts = Vec::new();
    for line in stdin.lock().lines() {
        let line = line?;
        if !line.trim().is_empty() {
            texts.push(line);
        }
    }
    if texts.is_empty() {
        return Err(Hinted::new("stdin held no text to embed", "pipe one text per line").into());
    }
    Ok(texts)
}
