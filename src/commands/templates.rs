//! `flashchat templates`: list, show, write and edit the prompt templates
//! `prompt -t NAME` fills.

use std::io::{IsTerminal, Write};

use crate::cli::{TemplatesArgs, TemplatesCommand};
use crate::errors::Hinted;
use crate::templates::{self, Template};
use crate::Context;

pub fn run(ctx: &Context, args: &TemplatesArgs) -> anyhow::Result<()> {
    let dir = &ctx.paths.templates_dir;
    match &args.command {
        None | Some(TemplatesCommand::List) => list(ctx, args.json),
        Some(TemplatesCommand::Show { name }) => {
            let template = templates::load(dir, name)?;
            if args.json {
                print_json(&describe(&template))
            } else {
                let text = std::fs::read_to_string(templates::path(dir, name))?;
                print!("{text}");
                Ok(())
            }
        }
        Some(TemplatesCommand::New {
            name,
            from_last,
            force,
        }) => new(ctx, name, *from_last, *force),
        Some(TemplatesCommand::Edit { name }) => {
            // A file that does not read yet is what `edit` is for; one
            // that is not there is a mistake.
            if !templates::path(dir, name).is_file() {
                templates::load(dir, name)?;
            }
            edit(ctx, name)
        }
    }
}

fn list(ctx: &Context, json: bool) -> anyhow::Result<()> {
    let all = templates::list(&ctx.paths.templates_dir);
    if json {
        return print_json(&serde_json::Value::Array(
            all.iter().map(describe).collect(),
        ));
    }
    if all.is_empty() {
        ctx.printer.status(&format!(
            "No templates yet in {}; `flashchat templates new NAME` writes one.",
            ctx.paths.templates_dir.display()
        ));
        return Ok(());
    }
    let mut out = std::io::stdout().lock();
    for template in &all {
        let variables = template.variables().unwrap_or_default();
        let variables: Vec<String> = variables.into_iter().collect();
        writeln!(
            out,
            "{:<16} {:<40} {}",
            template.name,
            template.description,
            variables.join(", ")
        )?;
    }
    Ok(())
}

fn describe(template: &Template) -> serde_json::Value {
    let settings: serde_json::Map<String, serde_json::Value> = template
        .settings
        .iter()
        .map(|(key, value)| {
            (
                key.to_string(),
                serde_json::to_value(value).unwrap_or_default(),
            )
        })
        .collect();
    serde_json::json!({
        "name": template.name,
        "description": template.description,
        "variables": template.variables().unwrap_or_default(),
        "defaults": template.defaults,
        "settings": settings,
        "schema": template.schema,
        "prompt": template.body,
    })
}

/// Writes a starter (or the last prompt) and opens it for editing.
fn new(ctx: &Context, name: &str, from_last: bool, force: bool) -> anyhow::Result<()> {
    if !templates::valid_name(name) {
        return Err(Hinted::new(
            format!("`{name}` cannot name a template"),
            "use letters, digits, - and _ (at most 64)",
        )
        .into());
    }
    let path = templates::path(&ctx.paths.templates_dir, name);
    if path.exists() && !force {
        return Err(Hinted::new(
            format!("template `{name}` exists ({})", path.display()),
            format!("`flashchat templates edit {name}` changes it; --force replaces it"),
        )
        .into());
    }
    let last = if from_last {
        let text = std::fs::read_to_string(&ctx.paths.last_prompt_file).map_err(|_| {
            Hinted::new(
                "there is no last prompt yet",
                "`flashchat prompt \"...\"` answers one; then `templates new NAME --from-last`",
            )
        })?;
        Some(text)
    } else {
        None
    };
    std::fs::create_dir_all(&ctx.paths.templates_dir)?;
    crate::fsutil::write_atomically(&path, templates::starter(last.as_deref()).as_bytes())?;
    ctx.printer
        .status(&format!("Wrote template `{name}` in {}.", path.display()));
    if std::io::stdin().is_terminal() {
        edit(ctx, name)?;
    }
    Ok(())
}

/// Opens the template in the editor, then checks it.
fn edit(ctx: &Context, name: &str) -> anyhow::Result<()> {
    let path = templates::path(&ctx.paths.templates_dir, name);
    if !crate::editor::open(&path)? {
        return Err(Hinted::new(
            "no editor is set",
            format!(
                "set $VISUAL or $EDITOR, or edit {} yourself",
                path.display()
            ),
        )
        .into());
    }
    match templates::load(&ctx.paths.templates_dir, name) {
        Ok(template) => {
            let variables: Vec<String> = template
                .variables()
                .unwrap_or_default()
                .into_iter()
                .collect();
            ctx.printer.status(&format!(
                "Template `{name}` reads well; its variables: {}.",
                if variables.is_empty() {
                    "none".to_string()
                } else {
                    variables.join(", ")
                }
            ));
            Ok(())
        }
        Err(e) => Err(e.into()),
    }
}

fn print_json(value: &serde_json::Value) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    Ok(())
}
