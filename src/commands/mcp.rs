//! `flashchat mcp`: the MCP servers the config declares — `list` starts
//! each enabled one, lists its tools and stops it; `add` and `rm` edit the
//! config file in place, keeping its comments.

use std::io::Write;
use std::path::PathBuf;

use crate::cli::{McpArgs, McpCommand};
use crate::errors::Hinted;
use crate::human::printable;
use crate::mcp::{self, config::valid_name, ServerReport};
use crate::settings::edit;
use crate::Context;

pub fn run(ctx: &Context, args: &McpArgs) -> anyhow::Result<()> {
    match &args.command {
        None | Some(McpCommand::List) => list(ctx, args.json),
        Some(McpCommand::Add {
            name,
            env,
            url,
            header,
            trust,
            timeout,
            command,
        }) => add(
            ctx,
            name,
            &Declared {
                env,
                url: url.as_deref(),
                headers: header,
                trust: trust.as_deref(),
                timeout: *timeout,
                command,
            },
        ),
        Some(McpCommand::Rm { name }) => remove(ctx, name),
    }
}

fn list(ctx: &Context, json: bool) -> anyhow::Result<()> {
    let servers = &ctx.resolved.settings.mcp_servers;
    let reports = mcp::survey(servers)?;
    let mut out = std::io::stdout().lock();
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&reports)?)?;
        return Ok(());
    }
    if reports.is_empty() {
        ctx.printer.status(
            "No MCP servers are declared; add one with: flashchat mcp add NAME -- COMMAND...",
        );
        return Ok(());
    }
    for (i, report) in reports.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        write_report(&mut out, report)?;
    }
    Ok(())
}

fn write_report(out: &mut impl Write, report: &ServerReport) -> std::io::Result<()> {
    let config = &report.config;
    let state = match (report.state, report.startup_ms) {
        ("ready", Some(ms)) => format!(
            "ready, {} tool{} (started in {ms} ms)",
            report.tools.len(),
            if report.tools.len() == 1 { "" } else { "s" }
        ),
        (state, _) => state.to_string(),
    };
    writeln!(out, "{}  {}  [{state}]", config.name, config.describe())?;
    if let Some(error) = &report.error {
        for line in error.lines() {
            writeln!(out, "  {}", printable(line))?;
        }
    }
    for tool in &report.tools {
        let description = first_sentence(&tool.description);
        let trusted = if tool.trusted { " (trusted)" } else { "" };
        writeln!(
            out,
            "  {}{trusted}  {}",
            printable(&tool.name),
            printable(&description)
        )?;
    }
    Ok(())
}

/// A description's first sentence (or its first 100 characters).
fn first_sentence(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default();
    let sentence = line.find(". ").map_or(line, |end| &line[..=end]);
    match sentence.char_indices().nth(100) {
        Some((cut, _)) => format!("{}…", &sentence[..cut]),
        None => sentence.to_string(),
    }
}

/// What `mcp add` was given.
struct Declared<'a> {
    env: &'a [String],
    url: Option<&'a str>,
    headers: &'a [String],
    trust: Option<&'a str>,
    timeout: Option<u32>,
    command: &'a [String],
}

impl Declared<'_> {
    /// The server's table as TOML text.
    fn table(&self) -> anyhow::Result<String> {
        let quote = |s: &str| toml::Value::String(s.to_string()).to_string();
        let pairs = |items: &[String], what: &str| -> anyhow::Result<String> {
            let mut entries = Vec::new();
            for item in items {
                let (key, value) = item.split_once('=').ok_or_else(|| {
                    Hinted::new(
                        format!("{what} {item:?} is not KEY=VALUE"),
                        format!("write it like --{what} NAME=value"),
                    )
                })?;
                entries.push(format!("{} = {}", quote(key.trim()), quote(value)));
            }
            Ok(format!("{{ {} }}", entries.join(", ")))
        };
        let mut lines = Vec::new();
        match (self.url, self.command) {
            (Some(url), []) => {
                lines.push(format!("url = {}", quote(url)));
                if !self.headers.is_empty() {
                    lines.push(format!("headers = {}", pairs(self.headers, "header")?));
                }
            }
            (None, [_, ..]) => {
                let parts: Vec<String> = self.command.iter().map(|p| quote(p)).collect();
                lines.push(format!("command = [{}]", parts.join(", ")));
                if !self.env.is_empty() {
                    lines.push(format!("env = {}", pairs(self.env, "env")?));
                }
            }
            _ => return Err(Hinted::new(
                "a server needs a command or a URL",
                "flashchat mcp add NAME -- COMMAND [ARGS...], or flashchat mcp add NAME --url URL",
            )
            .into()),
        }
        match self.trust {
            None => {}
            Some(t @ ("always" | "ask")) => lines.push(format!("trust = {}", quote(t))),
            Some(tools) => {
                let names: Vec<String> = tools
                    .split(',')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(quote)
                    .collect();
                lines.push(format!("trust = [{}]", names.join(", ")));
            }
        }
        if let Some(seconds) = self.timeout {
            lines.push(format!("timeout = {seconds}"));
        }
        Ok(lines.join("\n") + "\n")
    }
}

fn config_file(ctx: &Context) -> PathBuf {
    ctx.resolved
        .config_file
        .clone()
        .unwrap_or_else(|| ctx.paths.config_file.clone())
}

fn add(ctx: &Context, name: &str, declared: &Declared) -> anyhow::Result<()> {
    if !valid_name(name) {
        return Err(Hinted::new(
            format!("`{name}` cannot name a server"),
            "use letters, digits, - and _",
        )
        .into());
    }
    let replaced = ctx
        .resolved
        .settings
        .mcp_servers
        .iter()
        .any(|s| s.name == name);
    let path = config_file(ctx);
    edit::put_table(&path, &format!("mcp.servers.{name}"), &declared.table()?)?;
    ctx.printer.status(&format!(
        "{} MCP server `{name}` in {}; see its tools with: flashchat mcp list",
        if replaced { "Replaced" } else { "Added" },
        path.display()
    ));
    Ok(())
}

fn remove(ctx: &Context, name: &str) -> anyhow::Result<()> {
    let path = config_file(ctx);
    match edit::remove_table(&path, &format!("mcp.servers.{name}"))? {
        Some(_) => {
            ctx.printer.status(&format!(
                "Removed MCP server `{name}` from {}",
                path.display()
            ));
            Ok(())
        }
        None => Err(Hinted::new(
            format!("no MCP server is called `{name}` in {}", path.display()),
            "`flashchat mcp list` shows the declared servers",
        )
        .into()),
    }
}
