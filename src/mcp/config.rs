//! MCP servers as the config file declares them: `[mcp.servers.NAME]` with
//! `command = [...]` and `env` (a child process speaking over stdio) or
//! `url` and `headers` (streamable HTTP), `enabled`, `trust` (which tools
//! run without asking) and `timeout`.

use std::collections::BTreeMap;
use std::time::Duration;

use toml::Value;

/// How long starting a server, listing its tools or one call may take
/// unless the server says otherwise.
pub const DEFAULT_TIMEOUT_SECS: i64 = 30;

/// The variables a stdio server gets besides those its `env` declares:
/// enough to find programs and a home folder, nothing secret.
pub const PASSED_THROUGH: &[&str] = &["PATH", "HOME", "USER", "LANG", "LC_ALL", "TMPDIR"];

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "transport", rename_all = "lowercase")]
pub enum Transport {
    /// A program started by flashchat, speaking JSON-RPC on its stdio.
    Stdio {
        command: Vec<String>,
        env: BTreeMap<String, String>,
    },
    /// A server already running, reached with streamable HTTP.
    Http {
        url: String,
        /// Values may name environment variables: `"Bearer ${TOKEN}"`.
        headers: BTreeMap<String, String>,
    },
}

/// Which of a server's tools run without a confirmation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Trust {
    /// Every call asks (the default).
    Ask,
    /// No call asks.
    Always,
    /// These tools run without asking; the others ask.
    Tools(Vec<String>),
}

impl Trust {
    pub fn trusts(&self, tool: &str) -> bool {
        match self {
            Self::Ask => false,
            Self::Always => true,
            Self::Tools(names) => names.iter().any(|n| n == tool),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ServerConfig {
    pub name: String,
    #[serde(flatten)]
    pub transport: Transport,
    pub enabled: bool,
    pub trust: Trust,
    #[serde(serialize_with = "seconds")]
    pub timeout: Duration,
}

fn seconds<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u64(d.as_secs())
}

impl ServerConfig {
    /// `command …` or the URL, for people.
    pub fn describe(&self) -> String {
        match &self.transport {
            Transport::Stdio { command, .. } => command.join(" "),
            Transport::Http { url, .. } => url.clone(),
        }
    }
}

/// A server name: what `mcp add`, `/tools` and tool names use.
pub fn valid_name(name: &str) -> bool {
    crate::fsutil::is_plain_name(name)
}

/// Checks the whole `mcp.servers` table; the error names the server and field.
pub fn check(value: &Value) -> Result<(), String> {
    let Value::Table(servers) = value else {
        return Err("is a table of servers, [mcp.servers.NAME]".into());
    };
    for (name, server) in servers {
        check_server(name, server).map_err(|e| format!("server `{name}`: {e}"))?;
    }
    Ok(())
}

fn check_server(name: &str, value: &Value) -> Result<(), String> {
    if !valid_name(name) {
        return Err("a name is letters, digits, `-` and `_`".into());
    }
    let Value::Table(table) = value else {
        return Err("is a table: [mcp.servers.NAME] with command = [...] or url".into());
    };
    const FIELDS: &[&str] = &[
        "command", "env", "url", "headers", "enabled", "trust", "timeout",
    ];
    if let Some(unknown) = table.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        return Err(format!(
            "unknown field `{unknown}` (a server has {})",
            FIELDS.join(", ")
        ));
    }
    match (table.get("command"), table.get("url")) {
        (Some(Value::Array(parts)), None) => {
            if parts.is_empty()
                || !parts
                    .iter()
                    .all(|p| p.as_str().is_some_and(|s| !s.is_empty()))
            {
                return Err("`command` is the program and its arguments, like [\"uvx\", \"mcp-server-time\"]".into());
            }
            if table.contains_key("headers") {
                return Err("`headers` are for url servers; a command server has `env`".into());
            }
        }
        (None, Some(Value::String(url))) => {
            if !(url.starts_with("http://") || url.starts_with("https://")) {
                return Err("`url` is http://… or https://…".into());
            }
            if table.contains_key("env") {
                return Err("`env` is for command servers; a url server has `headers`".into());
            }
        }
        (Some(_), Some(_)) => return Err("has either `command` or `url`, not both".into()),
        _ => return Err("needs `command = [...]` (stdio) or `url = \"http…\"`".into()),
    }
    for field in ["env", "headers"] {
        match table.get(field) {
            None => {}
            Some(Value::Table(t)) if t.values().all(Value::is_str) => {}
            Some(_) => {
                return Err(format!(
                    "`{field}` is a table of strings, like {{ KEY = \"value\" }}"
                ))
            }
        }
    }
    match table.get("enabled") {
        None | Some(Value::Boolean(_)) => {}
        Some(_) => return Err("`enabled` is true or false".into()),
    }
    match table.get("trust") {
        None => {}
        Some(Value::String(s)) if s == "ask" || s == "always" => {}
        Some(Value::Array(tools)) if tools.iter().all(Value::is_str) => {}
        Some(_) => return Err("`trust` is \"ask\", \"always\" or a list of tool names".into()),
    }
    match table.get("timeout") {
        None => Ok(()),
        Some(Value::Integer(s)) if (1..=3600).contains(s) => Ok(()),
        Some(_) => Err("`timeout` is a number of seconds from 1 to 3600".into()),
    }
}

/// The servers of an already checked `mcp.servers` value, by name.
pub fn servers(value: &Value) -> Vec<ServerConfig> {
    let Some(table) = value.as_table() else {
        return Vec::new();
    };
    let strings = |v: Option<&Value>| -> BTreeMap<String, String> {
        v.and_then(Value::as_table)
            .map(|t| {
                t.iter()
                    .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
                    .collect()
            })
            .unwrap_or_default()
    };
    table
        .iter()
        .filter_map(|(name, server)| {
            let t = server.as_table()?;
            let transport = match t.get("command").and_then(Value::as_array) {
                Some(parts) => Transport::Stdio {
                    command: parts
                        .iter()
                        .filter_map(Value::as_str)
                        .map(str::to_string)
                        .collect(),
                    env: strings(t.get("env")),
                },
                None => Transport::Http {
                    url: t.get("url")?.as_str()?.to_string(),
                    headers: strings(t.get("headers")),
                },
            };
            let trust = match t.get("trust") {
                Some(Value::String(s)) if s == "always" => Trust::Always,
                Some(Value::Array(tools)) => Trust::Tools(
                    tools
                        .iter()
                        .filter_map(Value::as_str)
                        .map(str::to_string)
                        .collect(),
                ),
                _ => Trust::Ask,
            };
            let timeout = t
                .get("timeout")
                .and_then(Value::as_integer)
                .unwrap_or(DEFAULT_TIMEOUT_SECS);
            Some(ServerConfig {
                name: name.clone(),
                transport,
                enabled: t.get("enabled").and_then(Value::as_bool).unwrap_or(true),
                trust,
                timeout: Duration::from_secs(timeout.max(1) as u64),
            })
        })
        .collect()
}

/// `text` with each `${NAME}` replaced by that environment variable;
/// the error names the first one that is not set.
pub fn expand(text: &str, var: impl Fn(&str) -> Option<String>) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else {
            return Err(format!("`${{` without a closing `}}` in {text:?}"));
        };
        let name = &after[..end];
        out.push_str(&var(name).ok_or_else(|| format!("environment variable {name} is not set"))?);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Value {
        let table: toml::Table = toml::from_str(text).unwrap();
        table["mcp"]["servers"].clone()
    }

    #[test]
    fn servers_are_read_and_checked() {
        let value = parse(
            r#"
            [mcp.servers.time]
            command = ["uvx", "mcp-server-time"]
            env = { TZ = "UTC" }
            trust = ["get_current_time"]

            [mcp.servers.remote]
            url = "https://example.com/mcp"
            headers = { Authorization = "Bearer ${TOKEN}" }
            enabled = false
            trust = "always"
            timeout = 5
            "#,
        );
        assert_eq!(check(&value), Ok(()));
        let servers = servers(&value);
        assert_eq!(servers.len(), 2);
        let remote = &servers[0];
        assert_eq!(remote.name, "remote");
        assert!(!remote.enabled && remote.trust.trusts("anything"));
        assert_eq!(remote.timeout, Duration::from_secs(5));
        let time = &servers[1];
        assert!(time.enabled);
        assert!(time.trust.trusts("get_current_time") && !time.trust.trusts("convert_time"));
        assert_eq!(time.describe(), "uvx mcp-server-time");
        assert_eq!(
            time.timeout,
            Duration::from_secs(DEFAULT_TIMEOUT_SECS as u64)
        );
    }

    #[test]
    fn mistakes_name_the_server_and_the_field() {
        let cases = [
            ("[mcp.servers.x]\nenv = {}", "needs `command = [...]`"),
            ("[mcp.servers.x]\ncommand = []", "`command` is the program"),
            (
                "[mcp.servers.x]\ncommand = [\"a\"]\nurl = \"http://h\"",
                "not both",
            ),
            (
                "[mcp.servers.x]\nurl = \"ftp://h\"",
                "http://… or https://…",
            ),
            (
                "[mcp.servers.x]\nurl = \"http://h\"\nenv = {}",
                "`env` is for command servers",
            ),
            (
                "[mcp.servers.x]\ncommand = [\"a\"]\ntrust = \"sometimes\"",
                "`trust` is",
            ),
            (
                "[mcp.servers.x]\ncommand = [\"a\"]\ntimeout = 0",
                "`timeout`",
            ),
            (
                "[mcp.servers.x]\ncommand = [\"a\"]\nargs = []",
                "unknown field `args`",
            ),
            (
                "[mcp.servers.\"a b\"]\ncommand = [\"a\"]",
                "letters, digits",
            ),
        ];
        for (text, expected) in cases {
            let err = check(&parse(text)).unwrap_err();
            assert!(err.contains(expected), "{text}: {err}");
        }
    }

    #[test]
    fn header_values_take_environment_variables() {
        let var = |name: &str| (name == "TOKEN").then(|| "s3cret".to_string());
        assert_eq!(expand("Bearer ${TOKEN}", var).unwrap(), "Bearer s3cret");
        assert_eq!(expand("plain", var).unwrap(), "plain");
        assert!(expand("${MISSING}", var)
            .unwrap_err()
            .contains("MISSING is not set"));
        assert!(expand("${OPEN", var).is_err());
    }
}
