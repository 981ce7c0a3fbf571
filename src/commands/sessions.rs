//! `flashchat sessions`: list, show, search, export, rename and delete saved chats.

use std::io::Write;

use anyhow::Context as _;

use crate::cli::{ExportFormat, SessionsArgs, SessionsCommand};
use crate::errors::Hinted;
use crate::sessions::export::shorten;
use crate::sessions::record::Record;
use crate::sessions::{export, now, SessionStore};
use crate::Context;

pub fn run(ctx: &Context, args: &SessionsArgs) -> anyhow::Result<()> {
    let store = SessionStore::new(&ctx.paths.sessions_dir);
    let mut out = std::io::stdout().lock();
    match &args.command {
        None | Some(SessionsCommand::List) => list(&store, args.json, &mut out)?,
        Some(SessionsCommand::Show { id }) => {
            let session = store.load(&resolve(&store, id)?)?;
            if args.json {
                serde_json::to_writer_pretty(&mut out, &export::json(&session))?;
                writeln!(out)?;
            } else {
                out.write_all(export::markdown(&session).as_bytes())?;
            }
            if session.skipped_lines > 0 {
                ctx.printer.warn(&format!(
                    "{} unreadable line(s) skipped (a turn cut short by a crash)",
                    session.skipped_lines
                ));
            }
        }
        Some(SessionsCommand::Search { text }) => {
            let hits = store.search(text);
            if args.json {
                serde_json::to_writer_pretty(&mut out, &hits)?;
                writeln!(out)?;
            } else if hits.is_empty() {
                ctx.printer
                    .status(&format!("No message contains “{text}”."));
            } else {
                for hit in hits {
                    writeln!(
                        out,
                        "{}  {}  #{} {}: {}",
                        hit.id,
                        shorten(&hit.title, 30),
                        hit.message,
                        hit.role,
                        hit.snippet
                    )?;
                }
            }
        }
        Some(SessionsCommand::Export { id, format, output }) => {
            let id = resolve(&store, id)?;
            let bytes = match format {
                ExportFormat::Md => export::markdown(&store.load(&id)?).into_bytes(),
                ExportFormat::Jsonl => store.raw(&id)?,
                ExportFormat::Json => {
                    let mut text = serde_json::to_vec_pretty(&export::json(&store.load(&id)?))?;
                    text.push(b'\n');
                    text
                }
            };
            match output {
                Some(path) => {
                    std::fs::write(path, bytes)
                        .with_context(|| format!("cannot write {}", path.display()))?;
                    ctx.printer
                        .status(&format!("Exported {id} to {}.", path.display()));
                }
                None => out.write_all(&bytes)?,
            }
        }
        Some(SessionsCommand::Rename { id, title }) => {
            let id = resolve(&store, id)?;
            let title = title.trim().to_string();
            if title.is_empty() {
                return Err(Hinted::new("the new title is empty", "give a title in quotes").into());
            }
            store.append(
                &id,
                &Record::Title {
                    title: title.clone(),
                    at: now(),
                },
            )?;
            ctx.printer.status(&format!("Renamed {id} to “{title}”."));
        }
        Some(SessionsCommand::Delete { ids, yes }) => {
            let ids = ids
                .iter()
                .map(|key| resolve(&store, key))
                .collect::<anyhow::Result<Vec<_>>>()?;
            if !yes && !confirm(&ids)? {
                ctx.printer.status("Nothing deleted.");
                return Ok(());
            }
            for id in &ids {
                store.delete(id)?;
            }
            ctx.printer
                .status(&format!("Deleted {} session(s).", ids.len()));
        }
    }
    out.flush()?;
    Ok(())
}

fn resolve(store: &SessionStore, key: &str) -> anyhow::Result<String> {
    store.resolve(key).map_err(|e| {
        Hinted::new(
            e.to_string(),
            "`flashchat sessions` lists them; use an id, its start, a number or `last`",
        )
        .into()
    })
}

fn confirm(ids: &[String]) -> anyhow::Result<bool> {
    crate::ask::confirm(
        &format!("Delete {} session(s): {}?", ids.len(), ids.join(", ")),
        &format!(
            "refusing to delete {} session(s) without confirmation",
            ids.len()
        ),
        "--yes",
    )
}

fn list(store: &SessionStore, json: bool, out: &mut impl Write) -> anyhow::Result<()> {
    let sessions = store.list();
    if json {
        let rows: Vec<serde_json::Value> = sessions
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mut row = serde_json::to_value(s).unwrap_or_default();
                row["number"] = (i + 1).into();
                row
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    if sessions.is_empty() {
        writeln!(out, "No saved sessions yet; `flashchat chat` starts one.")?;
        return Ok(());
    }
    out.write_all(export::table(&sessions, now()).as_bytes())?;
    Ok(())
}
