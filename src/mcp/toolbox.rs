//! The MCP servers of one conversation: started together when tools are
//! first needed, their tools offered under names the model can use, each
//! call routed to its server, trust and on/off for the session, and every
//! server stopped when the conversation ends. A server that fails is
//! reported once and its tools are no longer offered; the rest go on.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use serde_json::Value as Json;

use super::client::{Connection, ToolOutput};
use super::config::{ServerConfig, Trust};
use crate::engine::{Tool, ToolChoice, ToolUse};

pub struct Toolbox {
    runtime: tokio::runtime::Runtime,
    servers: Vec<Server>,
}

struct Server {
    config: ServerConfig,
    /// Offered in this conversation (`/tools off NAME` takes it away).
    enabled: bool,
    trust: Trust,
    state: State,
}

enum State {
    /// Not started yet.
    Idle,
    Ready(Box<Connection>),
    /// Failed to start, or stopped answering; reported once.
    Failed,
}

/// A tool as the model sees it, and where its calls go.
#[derive(Debug, Clone, PartialEq)]
pub struct Offered {
    /// The name the model calls: the tool's own, or `server_tool` when two
    /// servers have a tool of that name.
    pub name: String,
    pub server: String,
    pub tool: String,
    pub description: Option<String>,
    pub schema: Json,
}

/// A server's state, as `/tools` shows it.
pub struct ServerLine {
    pub name: String,
    pub enabled: bool,
    /// `not started`, `ready`, `failed`.
    pub state: &'static str,
    pub trust: Trust,
    pub tools: Vec<String>,
}

impl Toolbox {
    /// The conversation's servers; none starts before [`start`](Self::start).
    pub fn new(servers: Vec<ServerConfig>) -> std::io::Result<Self> {
        Ok(Self {
            runtime: super::runtime()?,
            servers: servers
                .into_iter()
                .map(|config| Server {
                    enabled: config.enabled,
                    trust: config.trust.clone(),
                    config,
                    state: State::Idle,
                })
                .collect(),
        })
    }

    /// Whether any server is on.
    pub fn has_servers(&self) -> bool {
        self.servers.iter().any(|s| s.enabled)
    }

    /// Starts the servers that are on and not started yet, all at once.
    /// Returns a message for each that failed (once: it is not retried
    /// unless turned off and on again).
    pub fn start(&mut self) -> Vec<String> {
        let waiting: Vec<usize> = (0..self.servers.len())
            .filter(|&i| self.servers[i].enabled && matches!(self.servers[i].state, State::Idle))
            .collect();
        if waiting.is_empty() {
            return Vec::new();
        }
        let configs: Vec<ServerConfig> = waiting
            .iter()
            .map(|&i| self.servers[i].config.clone())
            .collect();
        let opened = self.runtime.block_on(futures_util::future::join_all(
            configs.iter().map(Connection::open),
        ));
        let mut failures = Vec::new();
        for (i, result) in waiting.into_iter().zip(opened) {
            self.servers[i].state = match result {
                Ok(connection) => State::Ready(Box::new(connection)),
                Err(e) => {
                    failures.push(format!("{e}; its tools are not offered"));
                    State::Failed
                }
            };
        }
        failures
    }

    /// The tools of the servers that are on and ready, each under a name
    /// no other offered tool has.
    pub fn offered(&self) -> Vec<Offered> {
        let mut all = Vec::new();
        for server in &self.servers {
            let State::Ready(connection) = &server.state else {
                continue;
            };
            if !server.enabled {
                continue;
            }
            for tool in &connection.tools {
                all.push(Offered {
                    name: model_name(&tool.name),
                    server: server.config.name.clone(),
                    tool: tool.name.to_string(),
                    description: tool.description.as_deref().map(str::to_string),
                    schema: Json::Object((*tool.input_schema).clone()),
                });
            }
        }
        let mut seen = HashSet::new();
        let repeated: HashSet<String> = all
            .iter()
            .filter(|t| !seen.insert(t.name.clone()))
            .map(|t| t.name.clone())
            .collect();
        for tool in &mut all {
            if repeated.contains(&tool.name) {
                tool.name = model_name(&format!("{}_{}", tool.server, tool.tool));
            }
        }
        all
    }

    /// What the model is offered: the tools and how it may use them.
    pub fn tool_use(offered: &[Offered], choice: ToolChoice) -> Option<ToolUse> {
        if offered.is_empty() {
            return None;
        }
        Some(ToolUse {
            tools: offered
                .iter()
                .map(|t| Tool {
                    name: t.name.clone(),
                    description: t.description.clone(),
                    parameters: object_schema(&t.schema),
                })
                .collect(),
            choice,
            // One call an answer, as llama-server's default: small models
            // asked for several tend to repeat one call over and over.
            parallel: false,
        })
    }

    /// Whether a call of `tool` runs without asking.
    pub fn trusted(&self, tool: &Offered) -> bool {
        self.server(&tool.server)
            .is_some_and(|s| s.trust.trusts(&tool.tool))
    }

    /// Trusts `tool` for the rest of the conversation (`a` at the question).
    pub fn trust_tool(&mut self, tool: &Offered) {
        if let Some(server) = self
            .servers
            .iter_mut()
            .find(|s| s.config.name == tool.server)
        {
            match &mut server.trust {
                Trust::Always => {}
                Trust::Tools(names) => names.push(tool.tool.clone()),
                Trust::Ask => server.trust = Trust::Tools(vec![tool.tool.clone()]),
            }
        }
    }

    /// Sets a server's trust for this conversation.
    pub fn set_trust(&mut self, server: &str, trust: Trust) -> Result<(), String> {
        let found = self.server_mut(server)?;
        found.trust = trust;
        Ok(())
    }

    /// Turns a server on or off for this conversation. Turning a failed
    /// server on tries it again.
    pub fn set_enabled(&mut self, server: &str, on: bool) -> Result<(), String> {
        let found = self.server_mut(server)?;
        found.enabled = on;
        if on && matches!(found.state, State::Failed) {
            found.state = State::Idle;
        }
        Ok(())
    }

    /// The servers, for `/tools`.
    pub fn lines(&self) -> Vec<ServerLine> {
        self.servers
            .iter()
            .map(|s| ServerLine {
                name: s.config.name.clone(),
                enabled: s.enabled,
                state: match s.state {
                    State::Idle => "not started",
                    State::Ready(_) => "ready",
                    State::Failed => "failed",
                },
                trust: s.trust.clone(),
                tools: match &s.state {
                    State::Ready(c) => c.tools.iter().map(|t| t.name.to_string()).collect(),
                    _ => Vec::new(),
                },
            })
            .collect()
    }

    /// Runs a call: its output (a failure the tool reports is an output
    /// too), or why it could not run. A server that stopped answering is
    /// taken out of the offer. `cancel` stops the wait.
    pub fn call(
        &mut self,
        tool: &Offered,
        arguments: &str,
        cancel: &AtomicBool,
    ) -> Result<ToolOutput, CallError> {
        let arguments = parse_arguments(arguments)?;
        let index = self
            .servers
            .iter()
            .position(|s| s.config.name == tool.server)
            .ok_or_else(|| CallError::Failed(format!("no MCP server `{}`", tool.server)))?;
        let State::Ready(connection) = &self.servers[index].state else {
            return Err(CallError::Failed(format!(
                "MCP server `{}` is not running",
                tool.server
            )));
        };
        let result = self.runtime.block_on(async {
            tokio::select! {
                result = connection.call(&tool.tool, arguments) => Some(result),
                () = cancelled(cancel) => None,
            }
        });
        match result {
            None => Err(CallError::Cancelled),
            Some(Ok(output)) => Ok(output),
            Some(Err(e)) => {
                let alive = connection.is_alive();
                if !alive {
                    self.stop(index);
                }
                Err(CallError::Failed(if alive {
                    e.to_string()
                } else {
                    format!("{e}; the server stopped, its tools are no longer offered")
                }))
            }
        }
    }

    fn stop(&mut self, index: usize) {
        let state = std::mem::replace(&mut self.servers[index].state, State::Failed);
        if let State::Ready(connection) = state {
            self.runtime.block_on(connection.close());
        }
    }

    fn server(&self, name: &str) -> Option<&Server> {
        self.servers.iter().find(|s| s.config.name == name)
    }

    fn server_mut(&mut self, name: &str) -> Result<&mut Server, String> {
        let names: Vec<String> = self.servers.iter().map(|s| s.config.name.clone()).collect();
        self.servers
            .iter_mut()
            .find(|s| s.config.name == name)
            .ok_or_else(|| match names.as_slice() {
                [] => "no MCP server is configured (`flashchat mcp add` adds one)".to_string(),
                names => format!(
                    "no MCP server is called `{name}`; there are: {}",
                    names.join(", ")
                ),
            })
    }
}

impl Drop for Toolbox {
    /// Stops every server with the conversation.
    fn drop(&mut self) {
        let connections: Vec<Connection> = self
            .servers
            .iter_mut()
            .filter_map(|s| match std::mem::replace(&mut s.state, State::Idle) {
                State::Ready(c) => Some(*c),
                _ => None,
            })
            .collect();
        if connections.is_empty() {
            return;
        }
        self.runtime.block_on(futures_util::future::join_all(
            connections.into_iter().map(Connection::close),
        ));
    }
}

/// Why a call did not run.
#[derive(Debug, Clone, PartialEq)]
pub enum CallError {
    /// The model's arguments are not a JSON object.
    Arguments(String),
    /// The server failed or timed out.
    Failed(String),
    /// Ctrl-C.
    Cancelled,
}

impl std::fmt::Display for CallError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CallError::Arguments(why) => write!(f, "the arguments are not a JSON object: {why}"),
            CallError::Failed(why) => f.write_str(why),
            CallError::Cancelled => f.write_str("stopped"),
        }
    }
}

fn parse_arguments(text: &str) -> Result<serde_json::Map<String, Json>, CallError> {
    let text = if text.trim().is_empty() { "{}" } else { text };
    match serde_json::from_str::<Json>(text) {
        Ok(Json::Object(map)) => Ok(map),
        Ok(other) => Err(CallError::Arguments(format!("got `{other}`"))),
        Err(e) => Err(CallError::Arguments(e.to_string())),
    }
}

/// Resolves once `cancel` is set.
async fn cancelled(cancel: &AtomicBool) {
    while !cancel.load(Ordering::Relaxed) {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A tool name as the API accepts it: letters, digits, `_`, `-`, `.`, at
/// most 64 characters.
fn model_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.') {
                c
            } else {
                '_'
            }
        })
        .take(64)
        .collect();
    if cleaned.is_empty() {
        "tool".into()
    } else {
        cleaned
    }
}

/// The schema as an object schema the grammar can follow; a server's
/// schema that cannot be turned into a grammar becomes "any object".
fn object_schema(schema: &Json) -> Json {
    let usable = schema.as_object().is_some_and(|o| !o.is_empty())
        && crate::engine::Constraint::JsonSchema(schema.clone())
            .to_grammar()
            .is_ok();
    if usable {
        schema.clone()
    } else {
        serde_json::json!({"type": "object"})
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_made_callable() {
        assert_eq!(model_name("list_directory"), "list_directory");
        assert_eq!(model_name("get time!"), "get_time_");
        assert_eq!(model_name(""), "tool");
        assert_eq!(model_name(&"x".repeat(80)).len(), 64);
    }

    #[test]
    fn arguments_must_be_an_object() {
        assert!(parse_arguments(r#"{"path": "/tmp"}"#).is_ok());
        assert!(parse_arguments("").unwrap().is_empty());
        assert!(matches!(
            parse_arguments("[1]"),
            Err(CallError::Arguments(_))
        ));
        assert!(matches!(
            parse_arguments("{oops"),
            Err(CallError::Arguments(_))
        ));
    }

    #[test]
    fn an_unusable_schema_becomes_any_object() {
        let good =
            serde_json::json!({"type": "object", "properties": {"path": {"type": "string"}}});
        assert_eq!(object_schema(&good), good);
        assert_eq!(
            object_schema(&serde_json::json!({})),
            serde_json::json!({"type": "object"})
        );
    }

    #[test]
    fn trust_grows_tool_by_tool() {
        let mut toolbox = Toolbox::new(vec![ServerConfig {
            name: "fs".into(),
            transport: crate::mcp::Transport::Stdio {
                command: vec!["true".into()],
                env: Default::default(),
            },
            enabled: true,
            trust: Trust::Ask,
            timeout: Duration::from_secs(1),
        }])
        .unwrap();
        let tool = Offered {
            name: "read".into(),
            server: "fs".into(),
            tool: "read".into(),
            description: None,
            schema: Json::Null,
        };
        assert!(!toolbox.trusted(&tool));
        toolbox.trust_tool(&tool);
        assert!(toolbox.trusted(&tool));
        toolbox.set_trust("fs", Trust::Ask).unwrap();
        assert!(!toolbox.trusted(&tool));
        assert!(toolbox
            .set_trust("nope", Trust::Always)
            .unwrap_err()
            .contains("there are: fs"));
    }
}
