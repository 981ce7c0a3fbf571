//! `flashchat batch`: every record of a JSONL or CSV file answered through
//! a server's slots (the running one, `server.url`, or one started for the
//! run), results written in input order; a rerun goes on from the output.

use std::path::Path;

use serde_json::Value;

use crate::batch::input::{self, Defaults, Filling, Record};
use crate::batch::output::{self, Existing, Format, Sink};
use crate::batch::{self, Plan, Summary};
use crate::cli::BatchArgs;
use crate::errors::{Hinted, Interrupted};
use crate::settings::Resolved;
use crate::templates;
use crate::Context;

pub fn run(ctx: &Context, args: &BatchArgs) -> anyhow::Result<()> {
    let template = match &args.template {
        Some(name) => Some(templates::load(&ctx.paths.templates_dir, name)?),
        None => None,
    };
    let resolved = match &template {
        Some(template) => template.layered_on(&ctx.resolved)?,
        None => ctx.resolved.clone(),
    };
    let constraint = match (&args.schema, &template) {
        (Some(schema), _) => Some(super::prompt::schema_flag(schema)?),
        (None, Some(template)) => template
            .schema
            .clone()
            .map(crate::engine::Constraint::JsonSchema),
        (None, None) => None,
    };
    let mut defaults = Defaults {
        system: resolved.settings.system_prompt.clone(),
        fields: super::request_fields(&resolved.settings, constraint.as_ref()),
    };
    let filling = template.as_ref().map(|template| Filling {
        template,
        shared: super::prompt::var_pairs(&args.vars),
    });
    let records = input::read(&args.input, filling.as_ref(), &defaults)?;
    let output = args.output.as_deref();
    let format = output.map_or(Format::Jsonl, Format::for_path);
    let existing = match output {
        Some(path) => {
            refuse_input_as_output(&args.input, path)?;
            output::read_existing(path, format)?
        }
        None => Existing::default(),
    };
    let unfinished_tail = existing.unfinished_tail;
    let input_ids: Vec<String> = records.iter().map(|r| r.id.clone()).collect();
    let plan = Plan::new(records, existing);

    if args.dry_run {
        return dry_run(ctx, args, &plan, &resolved);
    }
    if let Some(path) = output {
        tidy(ctx, path, format, &plan, unfinished_tail)?;
    }
    if plan.todo.is_empty() {
        ctx.printer.status(&format!(
            "All {} requests are answered in {}; nothing to do.",
            input_ids.len(),
            output.map_or("the output".into(), |p| p.display().to_string())
        ));
        return put_in_order(output, format, &input_ids);
    }

    let server = super::ServerLease::connect(ctx, &resolved)?;
    if let Some(model) = &server.model_field {
        defaults.fields.insert("model".into(), model.clone().into());
    }
    let todo = with_model(plan.todo, &defaults);
    let parallel = args
        .parallel
        .map(|n| n as usize)
        .or(server.slots)
        .unwrap_or(resolved.settings.server.parallel as usize)
        .max(1);
    ctx.printer.status(&format!(
        "Answering {} requests{} through {}, {parallel} at a time.",
        todo.len(),
        match input_ids.len() - todo.len() {
            0 => String::new(),
            done => format!(" ({done} answered before)"),
        },
        server.client.base()
    ));
    let mut sink = match output {
        Some(path) => Sink::append_to(path, format)?,
        None => Sink::stdout(),
    };
    let cancel = crate::interrupt::cleared_flag();
    let progress = crate::reporters::Batch::new(&ctx.printer, todo.len());
    let result = batch::run(
        &server.client,
        &todo,
        parallel,
        &cancel,
        &progress,
        |record, outcome| sink.write(&record.id, outcome),
    );
    progress.finish();
    drop(sink);
    server.stop_if_started(ctx);
    let summary = result?;
    put_in_order(output, format, &input_ids)?;
    report(ctx, &summary, output, todo.len())
}

fn with_model(todo: Vec<Record>, defaults: &Defaults) -> Vec<Record> {
    let Some(model) = defaults.fields.get("model") else {
        return todo;
    };
    todo.into_iter()
        .map(|mut record| {
            record.body.entry("model").or_insert_with(|| model.clone());
            record
        })
        .collect()
}

fn refuse_input_as_output(input: &Path, output: &Path) -> anyhow::Result<()> {
    let same = match (input.canonicalize(), output.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same {
        return Err(Hinted::new(
            format!(
                "{} is the input; it cannot be the output too",
                input.display()
            ),
            "name another file with -o",
        )
        .into());
    }
    Ok(())
}

/// Takes failed lines (asked again now) and an unfinished last line out
/// of the output before appending to it.
fn tidy(
    ctx: &Context,
    path: &Path,
    format: Format,
    plan: &Plan,
    unfinished_tail: bool,
) -> anyhow::Result<()> {
    if plan.retried > 0 || unfinished_tail {
        output::rewrite(path, format, &plan.kept)?;
    }
    if !plan.kept.is_empty() {
        ctx.printer.status(&format!(
            "{} holds {} answers; going on from there{}.",
            path.display(),
            plan.kept.len(),
            match plan.retried {
                0 => String::new(),
                n => format!(" and asking the {n} that failed again"),
            }
        ));
    }
    if plan.strangers > 0 {
        ctx.printer.warn(&format!(
            "{} holds {} ids the input does not have; they are kept, at the end",
            path.display(),
            plan.strangers
        ));
    }
    Ok(())
}

/// Lines written by several runs (failed ones asked again) are put back
/// in the input's order.
fn put_in_order(output: Option<&Path>, format: Format, input_ids: &[String]) -> anyhow::Result<()> {
    let Some(path) = output else {
        return Ok(());
    };
    let existing = output::read_existing(path, format)?;
    let ids: Vec<&str> = input_ids.iter().map(String::as_str).collect();
    if let Some(sorted) = batch::in_input_order(&existing.entries, &ids) {
        output::rewrite(path, format, &sorted)?;
    }
    Ok(())
}

fn dry_run(
    ctx: &Context,
    args: &BatchArgs,
    plan: &Plan,
    resolved: &Resolved,
) -> anyhow::Result<()> {
    let done = plan.kept.len();
    let Some(first) = plan.todo.first() else {
        ctx.printer
            .status("Every request is answered in the output; nothing would be sent.");
        return Ok(());
    };
    let mut body = first.body.clone();
    // As a run names it: the server's name for a model on disk.
    if let Some(model) = super::model_field(ctx, resolved)? {
        body.entry("model").or_insert_with(|| model.into());
    }
    let target = match &resolved.settings.server.url {
        Some(url) => url.clone(),
        None => "flashchat's server".into(),
    };
    ctx.printer.status(&format!(
        "{} requests read from {}{}; {} would go to {target}. The first (id {}, line {}):",
        plan.todo.len() + done,
        args.input.display(),
        match done {
            0 => String::new(),
            n => format!(", {n} answered already"),
        },
        plan.todo.len(),
        first.id,
        first.line,
    ));
    println!("POST /v1/chat/completions");
    println!("{}", serde_json::to_string_pretty(&Value::Object(body))?);
    Ok(())
}

fn report(
    ctx: &Context,
    summary: &Summary,
    output: Option<&Path>,
    todo: usize,
) -> anyhow::Result<()> {
    let place = output.map_or("stdout".into(), |p| p.display().to_string());
    let seconds = summary.elapsed.as_secs_f64();
    ctx.printer.status(&format!(
        "Wrote {} results to {place} in {:.1} s: {:.2} requests/s, {:.1} tokens/s generated ({} prompt + {} generated tokens){}.",
        summary.written,
        seconds,
        summary.written as f64 / seconds.max(1e-9),
        summary.tokens_per_second(),
        summary.prompt_tokens,
        summary.completion_tokens,
        match summary.failed {
            0 => String::new(),
            n => format!("; {n} failed"),
        }
    ));
    if summary.interrupted {
        ctx.printer.status(&format!(
            "Stopped with {} of {todo} written; run the same command again to go on.",
            summary.written
        ));
        return Err(Interrupted.into());
    }
    if summary.failed > 0 {
        return Err(Hinted::new(
            format!(
                "{} of {} requests failed; the first: {}",
                summary.failed,
                summary.written,
                summary.first_failure.clone().unwrap_or_default()
            ),
            format!("each failed line in {place} holds its error; run the same command again to ask them again"),
        )
        .into());
    }
    Ok(())
}
