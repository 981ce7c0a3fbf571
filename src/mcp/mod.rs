//! Model Context Protocol client: the servers the config declares, started
//! or reached when first needed, their tools listed and called, on a
//! runtime of their own so the line-based commands stay synchronous.

pub mod client;
pub mod config;
pub mod toolbox;

use std::time::Duration;

pub use client::{Connection, McpError, ToolOutput};
pub use config::{ServerConfig, Transport, Trust};
pub use toolbox::{CallError, Offered, Toolbox};

/// A runtime for MCP connections (their child processes and HTTP clients
/// live on it).
pub fn runtime() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .thread_name("mcp")
        .enable_all()
        .build()
}

/// The servers a command uses: the enabled ones, or those `names` names
/// (enabled or not), each checked to exist.
pub fn chosen(
    servers: &[ServerConfig],
    names: &[String],
) -> Result<Vec<ServerConfig>, crate::errors::Hinted> {
    if names.is_empty() {
        return Ok(servers.iter().filter(|s| s.enabled).cloned().collect());
    }
    names
        .iter()
        .map(|name| {
            let found = servers.iter().find(|s| &s.name == name);
            found
                .map(|s| ServerConfig {
                    enabled: true,
                    ..s.clone()
                })
                .ok_or_else(|| {
                    let known: Vec<&str> = servers.iter().map(|s| s.name.as_str()).collect();
                    crate::errors::Hinted::new(
                        format!("--mcp {name}: no MCP server is called `{name}`"),
                        if known.is_empty() {
                            "none is configured; `flashchat mcp add NAME -- COMMAND...` adds one"
                                .to_string()
                        } else {
                            format!("the configured servers: {}", known.join(", "))
                        },
                    )
                })
        })
        .collect()
}

/// A tool as `mcp list` shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ToolSummary {
    pub name: String,
    pub description: String,
    pub input_schema: serde_json::Value,
    /// Runs without a confirmation (the server's `trust`).
    pub trusted: bool,
}

/// One server's state as `mcp list` shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ServerReport {
    #[serde(flatten)]
    pub config: ServerConfig,
    /// `ready`, `disabled` or `failed`.
    pub state: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    pub tools: Vec<ToolSummary>,
    /// How long starting it and listing its tools took.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub startup_ms: Option<u64>,
}

/// Starts every enabled server at once, lists its tools and stops it.
pub fn survey(servers: &[ServerConfig]) -> std::io::Result<Vec<ServerReport>> {
    let runtime = runtime()?;
    let reports = runtime.block_on(async {
        let surveys = servers.iter().map(|config| async move {
            if !config.enabled {
                return ServerReport {
                    config: config.clone(),
                    state: "disabled",
                    error: None,
                    tools: Vec::new(),
                    startup_ms: None,
                };
            }
            let started = std::time::Instant::now();
            match Connection::open(config).await {
                Ok(connection) => {
                    let report = ServerReport {
                        config: config.clone(),
                        state: "ready",
                        error: None,
                        tools: summaries(&connection),
                        startup_ms: Some(started.elapsed().as_millis() as u64),
                    };
                    connection.close().await;
                    report
                }
                Err(e) => ServerReport {
                    config: config.clone(),
                    state: "failed",
                    error: Some(e.to_string()),
                    tools: Vec::new(),
                    startup_ms: None,
                },
            }
        });
        futures_util::future::join_all(surveys).await
    });
    // Child processes are killed by tasks on the runtime: give them a moment.
    runtime.shutdown_timeout(Duration::from_secs(2));
    Ok(reports)
}

fn summaries(connection: &Connection) -> Vec<ToolSummary> {
    connection
        .tools
        .iter()
        .map(|tool| ToolSummary {
            name: tool.name.to_string(),
            description: tool.description.as_deref().unwrap_or_default().to_string(),
            input_schema: serde_json::Value::Object((*tool.input_schema).clone()),
            trusted: connection.config.trust.trusts(&tool.name),
        })
        .collect()
}
