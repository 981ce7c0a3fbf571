//! One connection to an MCP server through the official SDK (rmcp): a child
//! process on stdio or a streamable HTTP endpoint, its tools, and calls.
//! Every step is bounded by the server's timeout; a server that fails says
//! why, with the tail of what it wrote to stderr.

use std::collections::VecDeque;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rmcp::model::{CallToolRequestParams, ContentBlock, ResourceContents, Tool};
use rmcp::service::RunningService;
use rmcp::transport::streamable_http_client::StreamableHttpClientTransportConfig;
use rmcp::transport::{StreamableHttpClientTransport, TokioChildProcess};
use rmcp::{RoleClient, ServiceExt};
use tokio::io::AsyncBufReadExt;

use super::config::{expand, ServerConfig, Transport, PASSED_THROUGH};

/// Lines of a server's stderr kept for its error messages.
const STDERR_LINES: usize = 20;

#[derive(Debug, thiserror::Error)]
pub enum McpError {
    #[error("MCP server `{server}` could not be started ({command}): {reason}")]
    Spawn {
        server: String,
        command: String,
        reason: String,
    },
    #[error("MCP server `{server}` failed during {what}: {reason}{}", stderr_note(.stderr))]
    Failed {
        server: String,
        what: String,
        reason: String,
        stderr: Vec<String>,
    },
    #[error("MCP server `{server}` did not answer {what} within {seconds} s{}", stderr_note(.stderr))]
    Timeout {
        server: String,
        what: String,
        seconds: u64,
        stderr: Vec<String>,
    },
    #[error("MCP server `{server}`: {reason}")]
    Config { server: String, reason: String },
}

fn stderr_note(lines: &[String]) -> String {
    match lines {
        [] => String::new(),
        lines => format!("; its stderr ended with:\n  {}", lines.join("\n  ")),
    }
}

/// The last lines a server wrote to stderr.
#[derive(Clone, Default)]
struct StderrTail(Arc<Mutex<VecDeque<String>>>);

impl StderrTail {
    fn push(&self, line: String) {
        let mut lines = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if lines.len() == STDERR_LINES {
            lines.pop_front();
        }
        lines.push_back(line);
    }

    fn lines(&self) -> Vec<String> {
        let lines = self.0.lock().unwrap_or_else(|e| e.into_inner());
        lines.iter().cloned().collect()
    }
}

/// What a tool call returned, as text for people and the model.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ToolOutput {
    pub text: String,
    /// The tool reported a failure (its text says which).
    pub is_error: bool,
}

/// A running server, initialised, with its tools listed.
pub struct Connection {
    pub config: ServerConfig,
    pub tools: Vec<Tool>,
    service: RunningService<RoleClient, ()>,
    stderr: StderrTail,
}

impl Connection {
    /// Starts or reaches the server, initialises the session and lists its
    /// tools.
    pub async fn open(config: &ServerConfig) -> Result<Self, McpError> {
        let stderr = StderrTail::default();
        let service = match &config.transport {
            Transport::Stdio { command, env } => {
                let process = spawn(config, command, env, &stderr)?;
                bounded(config, "the start-up handshake", &stderr, ().serve(process)).await?
            }
            Transport::Http { url, headers } => {
                let transport = http_transport(config, url, headers)?;
                bounded(
                    config,
                    "the start-up handshake",
                    &stderr,
                    ().serve(transport),
                )
                .await?
            }
        };
        let mut connection = Self {
            config: config.clone(),
            tools: Vec::new(),
            service,
            stderr,
        };
        connection.tools = connection
            .bound("tools/list", connection.service.list_all_tools())
            .await?;
        Ok(connection)
    }

    /// Calls one tool with JSON object arguments.
    pub async fn call(
        &self,
        tool: &str,
        arguments: serde_json::Map<String, serde_json::Value>,
    ) -> Result<ToolOutput, McpError> {
        let mut params = CallToolRequestParams::new(tool.to_string());
        params.arguments = Some(arguments);
        let result = self
            .bound(
                &format!("the call of {tool}"),
                self.service.call_tool(params),
            )
            .await?;
        let mut parts = Vec::new();
        for block in &result.content {
            parts.push(match block {
                ContentBlock::Text(t) => t.text.clone(),
                ContentBlock::Image(i) => format!("[an image, {}]", i.mime_type),
                ContentBlock::Audio(a) => format!("[audio, {}]", a.mime_type),
                ContentBlock::Resource(r) => match &r.resource {
                    ResourceContents::TextResourceContents { uri, text, .. } => {
                        format!("{uri}:\n{text}")
                    }
                    ResourceContents::BlobResourceContents { uri, .. } => {
                        format!("[binary contents of {uri}]")
                    }
                    other => serde_json::to_string(other).unwrap_or_default(),
                },
                ContentBlock::ResourceLink(link) => format!("[resource {}]", link.uri),
                other => serde_json::to_string(other).unwrap_or_default(),
            });
        }
        if parts.is_empty() {
            if let Some(structured) = &result.structured_content {
                parts.push(structured.to_string());
            }
        }
        Ok(ToolOutput {
            text: parts.join("\n"),
            is_error: result.is_error.unwrap_or(false),
        })
    }

    /// Whether the server is still there to answer (a child process that
    /// exited, or a closed transport, is not).
    pub fn is_alive(&self) -> bool {
        !self.service.is_closed()
    }

    /// Ends the session; a child process is stopped.
    pub async fn close(self) {
        let _ = tokio::time::timeout(Duration::from_secs(5), self.service.cancel()).await;
    }

    async fn bound<T>(
        &self,
        what: &str,
        step: impl std::future::Future<Output = Result<T, rmcp::ServiceError>>,
    ) -> Result<T, McpError> {
        bounded(&self.config, what, &self.stderr, step).await
    }
}

/// `step` within the server's timeout, its failure as an [`McpError`].
async fn bounded<T, E: std::fmt::Display>(
    config: &ServerConfig,
    what: &str,
    stderr: &StderrTail,
    step: impl std::future::Future<Output = Result<T, E>>,
) -> Result<T, McpError> {
    match tokio::time::timeout(config.timeout, step).await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(e)) => {
            // Give the reader a moment to collect a dying server's last words.
            tokio::time::sleep(Duration::from_millis(100)).await;
            Err(McpError::Failed {
                server: config.name.clone(),
                what: what.to_string(),
                reason: e.to_string(),
                stderr: stderr.lines(),
            })
        }
        Err(_) => Err(McpError::Timeout {
            server: config.name.clone(),
            what: what.to_string(),
            seconds: config.timeout.as_secs(),
            stderr: stderr.lines(),
        }),
    }
}

/// The server's process, with only the declared environment (and
/// [`PASSED_THROUGH`]'s basics) and its stderr collected.
fn spawn(
    config: &ServerConfig,
    command: &[String],
    env: &std::collections::BTreeMap<String, String>,
    tail: &StderrTail,
) -> Result<TokioChildProcess, McpError> {
    let spawn_error = |reason: String| McpError::Spawn {
        server: config.name.clone(),
        command: command.join(" "),
        reason,
    };
    let (program, args) = command
        .split_first()
        .ok_or_else(|| spawn_error("the command is empty".into()))?;
    let mut cmd = tokio::process::Command::new(program);
    cmd.args(args).env_clear();
    // A process group of its own: Ctrl-C on the terminal, which stops the
    // chat's answer or call, must not reach (and end) the server too.
    #[cfg(unix)]
    cmd.process_group(0);
    for name in PASSED_THROUGH {
        if let Some(value) = std::env::var_os(name) {
            cmd.env(name, value);
        }
    }
    cmd.envs(env);
    let (process, stderr) = TokioChildProcess::builder(cmd)
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| spawn_error(e.to_string()))?;
    if let Some(stderr) = stderr {
        let tail = tail.clone();
        tokio::spawn(async move {
            let mut lines = tokio::io::BufReader::new(stderr).lines();
            while let Ok(Some(line)) = lines.next_line().await {
                tail.push(crate::human::printable(&line));
            }
        });
    }
    Ok(process)
}

fn http_transport(
    config: &ServerConfig,
    url: &str,
    headers: &std::collections::BTreeMap<String, String>,
) -> Result<StreamableHttpClientTransport<reqwest::Client>, McpError> {
    let config_error = |reason: String| McpError::Config {
        server: config.name.clone(),
        reason,
    };
    install_tls_provider();
    let mut custom = std::collections::HashMap::new();
    for (name, value) in headers {
        let value = expand(value, |v| std::env::var(v).ok())
            .map_err(|e| config_error(format!("header {name}: {e}")))?;
        let name = http::HeaderName::try_from(name.as_str())
            .map_err(|e| config_error(format!("header {name}: {e}")))?;
        let value = http::HeaderValue::try_from(value)
            .map_err(|e| config_error(format!("header {name}: {e}")))?;
        custom.insert(name, value);
    }
    let transport_config =
        StreamableHttpClientTransportConfig::with_uri(url).custom_headers(custom);
    Ok(StreamableHttpClientTransport::from_config(transport_config))
}

/// rustls with ring (as ureq's) for https servers, once per process.
fn install_tls_provider() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}
