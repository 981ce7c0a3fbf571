//! The agent loop: one turn of a conversation in which the model may call
//! MCP tools. Each call is run when trusted or approved, its result (cut to
//! a bound) goes back to the model, and the model answers again, until it
//! answers in text, the step limit is reached or the person stops it. The
//! chat and `prompt --tools` drive it through a [`Frontend`], which shows
//! what happens and asks for approval; nothing here prints.

use crate::backend::{Answer, Backend};
use crate::engine::output::OutputParser;
use crate::engine::text::Segment;
use crate::engine::{
    Completion, FinishReason, GenerateRequest, Message, PromptInput, ToolCall, ToolChoice,
};
use crate::errors::Hinted;
use crate::mcp::{CallError, Offered, ToolOutput, Toolbox};
use crate::role::Role;
use crate::settings::AgentSettings;

/// How the person answered a call's question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Approval {
    Yes,
    No,
    /// Yes, and for this tool until the conversation ends.
    Always,
    /// No, and end the turn (Ctrl-C at the question).
    Stop,
    /// No one can be asked (no terminal, `prompt` without `--yes`).
    Unasked,
}

/// What a call came to.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// It ran; the tool may still report a failure (`is_error`).
    Ran(ToolOutput),
    /// It did not run, and why.
    NotRun(String),
    /// The server failed, timed out, or the arguments were not an object.
    Failed(String),
}

/// A call as the frontend sees it.
pub struct Call<'a> {
    pub call: &'a ToolCall,
    /// The tool it names, or `None` when the model named none offered.
    pub tool: Option<&'a Offered>,
}

/// What the chat or `prompt` does as the loop goes.
pub trait Frontend {
    /// A piece of an answer as it streams.
    fn segment(&mut self, segment: Segment) -> std::io::Result<()>;
    /// An answer is complete.
    fn answered(&mut self, answer: &Answer) -> std::io::Result<()>;
    /// Whether a call that is not trusted may run.
    fn approve(&mut self, call: &Call) -> Approval;
    /// A call is done (or refused).
    fn ran(&mut self, call: &Call, outcome: &Outcome);
    /// Something to tell the person: a server that failed, the step limit.
    fn notice(&mut self, text: &str);
}

/// A message the turn added, with the answer's figures for the model's.
#[derive(Debug, Clone)]
pub struct Said {
    pub message: Message,
    pub completion: Option<Completion>,
    /// The reasoning the model split off before this answer.
    pub reasoning: Option<String>,
}

/// How a turn went.
#[derive(Debug, Default)]
pub struct TurnEnd {
    /// The messages the turn added, in order.
    pub said: Vec<Said>,
    /// The last answer's completion.
    pub last: Option<Completion>,
}

impl TurnEnd {
    /// Each answer's completion, in order: one per step of the loop.
    pub fn steps(&self) -> Vec<&Completion> {
        self.said
            .iter()
            .filter_map(|said| said.completion.as_ref())
            .collect()
    }
}

/// One conversation's loop settings and tools.
pub struct Agent<'a> {
    pub backend: &'a Backend,
    /// `None` when no tools are offered: each turn is one answer.
    pub toolbox: Option<&'a mut Toolbox>,
    pub settings: &'a AgentSettings,
    /// Most characters of a tool's result the model gets.
    pub result_limit: usize,
}

impl Agent<'_> {
    /// Answers `messages` (which end with the person's), adding to them
    /// what the model and the tools say. `parser` reads each answer
    /// (reasoning split off or kept). When the conversation outgrows the
    /// context, earlier exchanges are dropped from `messages` while one is
    /// left before the current one.
    pub fn turn(
        &mut self,
        request: &mut GenerateRequest,
        system: Option<&str>,
        messages: &mut Vec<Message>,
        parser: impl Fn() -> OutputParser,
        frontend: &mut dyn Frontend,
    ) -> anyhow::Result<TurnEnd> {
        let offered = self.offer(frontend);
        let first = first_choice(&self.settings.tool_choice, &offered)?;
        let mut end = TurnEnd::default();
        let mut step = 0;
        loop {
            step += 1;
            let last_step = step > self.settings.max_steps;
            request.tools = Toolbox::tool_use(
                &offered,
                match step {
                    _ if last_step => ToolChoice::None,
                    1 => first.clone(),
                    _ => ToolChoice::Auto,
                },
            );
            let answer = self.answer(request, system, messages, &parser, frontend)?;
            frontend.answered(&answer)?;
            let cancelled = answer.completion.finish_reason == FinishReason::Cancelled;
            let calls = answer.parsed.tool_calls.clone();
            let mut message = Message::new(Role::Assistant, answer.parsed.answer.clone());
            message.tool_calls = calls.clone();
            messages.push(message.clone());
            end.said.push(Said {
                message,
                completion: Some(answer.completion.clone()),
                reasoning: answer.parsed.reasoning.clone(),
            });
            end.last = Some(answer.completion);
            if calls.is_empty() {
                return Ok(end);
            }
            let stop = if cancelled {
                Some("Not run: the person stopped the answer.".to_string())
            } else if last_step {
                frontend.notice(&format!(
                    "Stopped after {} steps with tool calls (agent.max_steps); ask again to go on.",
                    self.settings.max_steps
                ));
                Some(format!(
                    "Not run: the step limit (agent.max_steps = {}) was reached.",
                    self.settings.max_steps
                ))
            } else {
                None
            };
            let stopped = self.run_calls(
                &calls, &offered, stop, request, messages, &mut end, frontend,
            );
            if stopped || cancelled || last_step {
                return Ok(end);
            }
        }
    }

    /// Starts the servers (reporting those that fail) and lists their tools.
    fn offer(&mut self, frontend: &mut dyn Frontend) -> Vec<Offered> {
        let Some(toolbox) = self.toolbox.as_deref_mut() else {
            return Vec::new();
        };
        for failure in toolbox.start() {
            frontend.notice(&failure);
        }
        toolbox.offered()
    }

    /// One answer to the conversation so far; the oldest exchanges go
    /// when it no longer fits the context.
    fn answer(
        &self,
        request: &mut GenerateRequest,
        system: Option<&str>,
        messages: &mut Vec<Message>,
        parser: &impl Fn() -> OutputParser,
        frontend: &mut dyn Frontend,
    ) -> anyhow::Result<Answer> {
        loop {
            let mut prompt = Vec::with_capacity(messages.len() + 1);
            if let Some(system) = system {
                prompt.push(Message::new(Role::System, system));
            }
            prompt.extend(messages.iter().cloned());
            request.prompt = PromptInput::Chat(prompt);
            let answered = self
                .backend
                .answer(request, parser(), |segment| frontend.segment(segment));
            match answered {
                Ok(answer) => return Ok(answer),
                Err(e) if is_context_overflow(&e) => match oldest_exchange(messages) {
                    Some(end) => {
                        messages.drain(..end);
                        frontend.notice(
                            "The conversation no longer fits the context: dropped the oldest turn.",
                        );
                    }
                    None => return Err(e),
                },
                Err(e) => return Err(e),
            }
        }
    }

    /// Runs (or refuses) each call and adds its result; every call gets a
    /// result, so the conversation stays well-formed. Returns whether the
    /// person stopped the turn.
    #[allow(clippy::too_many_arguments)]
    fn run_calls(
        &mut self,
        calls: &[ToolCall],
        offered: &[Offered],
        mut stop: Option<String>,
        request: &GenerateRequest,
        messages: &mut Vec<Message>,
        end: &mut TurnEnd,
        frontend: &mut dyn Frontend,
    ) -> bool {
        let mut stopped = false;
        for call in calls {
            let tool = offered.iter().find(|t| t.name == call.name);
            let shown = Call { call, tool };
            let outcome = match (&stop, tool) {
                (Some(why), _) => Outcome::NotRun(why.clone()),
                (None, None) => Outcome::Failed(format!(
                    "there is no tool named `{}`; the tools are: {}",
                    call.name,
                    names(offered)
                )),
                (None, Some(tool)) => {
                    let outcome = self.run_one(tool, &shown, request, frontend);
                    if matches!(&outcome, Outcome::NotRun(why) if why == STOPPED || why == INTERRUPTED)
                    {
                        stopped = true;
                        stop = Some(STOPPED.to_string());
                    }
                    outcome
                }
            };
            frontend.ran(&shown, &outcome);
            let mut message = Message::new(Role::Tool, for_model(&outcome, self.result_limit));
            message.tool_call_id = Some(call.id.clone());
            message.name = Some(call.name.clone());
            messages.push(message.clone());
            end.said.push(Said {
                message,
                completion: None,
                reasoning: None,
            });
        }
        stopped
    }

    fn run_one(
        &mut self,
        tool: &Offered,
        shown: &Call,
        request: &GenerateRequest,
        frontend: &mut dyn Frontend,
    ) -> Outcome {
        let Some(toolbox) = self.toolbox.as_deref_mut() else {
            return Outcome::Failed("no tools are offered".into());
        };
        if !toolbox.trusted(tool) {
            match frontend.approve(shown) {
                Approval::Yes => {}
                Approval::Always => toolbox.trust_tool(tool),
                Approval::No => return Outcome::NotRun(DECLINED.into()),
                Approval::Unasked => return Outcome::NotRun(UNASKED.into()),
                Approval::Stop => return Outcome::NotRun(STOPPED.into()),
            }
        }
        match toolbox.call(tool, &shown.call.arguments, &request.cancel) {
            Ok(output) => Outcome::Ran(output),
            Err(CallError::Cancelled) => Outcome::NotRun(INTERRUPTED.into()),
            Err(e) => Outcome::Failed(e.to_string()),
        }
    }
}

impl Call<'_> {
    /// `filesystem › list_directory`, or the unknown name the model used.
    pub fn title(&self) -> String {
        match self.tool {
            Some(tool) => format!("{} › {}", tool.server, tool.tool),
            None => format!("? › {}", self.call.name),
        }
        .chars()
        .filter(|c| !c.is_control())
        .collect()
    }

    /// The arguments laid out on lines, escape sequences stripped.
    pub fn arguments(&self) -> String {
        crate::human::printable(&crate::sessions::export::pretty_json(&self.call.arguments))
    }

    /// The arguments as JSON (a text when they are not JSON).
    pub fn arguments_json(&self) -> serde_json::Value {
        serde_json::from_str(&self.call.arguments)
            .unwrap_or_else(|_| self.call.arguments.clone().into())
    }
}

impl Outcome {
    /// The outcome as people read it: the result, or why there is none,
    /// escape sequences stripped.
    pub fn text(&self) -> String {
        crate::human::printable(&match self {
            Outcome::Ran(output) if output.is_error => format!("error: {}", output.text),
            Outcome::Ran(output) => output.text.clone(),
            Outcome::NotRun(why) => why.clone(),
            Outcome::Failed(why) => format!("failed: {why}"),
        })
    }
}

/// The first `lines` lines of `text`, each cut to `width` characters, and
/// a line saying what was left out.
pub fn shortened(text: &str, lines: usize, width: usize) -> String {
    let all: Vec<&str> = text.trim_end().lines().collect();
    let mut out: Vec<String> = all
        .iter()
        .take(lines)
        .map(|line| {
            if line.chars().count() > width {
                let cut: String = line.chars().take(width.saturating_sub(1)).collect();
                format!("{cut}…")
            } else {
                line.to_string()
            }
        })
        .collect();
    if all.len() > lines {
        out.push(format!(
            "… {} more lines ({} characters in all)",
            all.len() - lines,
            text.chars().count()
        ));
    }
    out.join("\n")
}

/// What the model is told when the person says no.
pub const DECLINED: &str = "Not run: the person declined this call.";
/// What the model is told when no one could be asked.
pub const UNASKED: &str =
    "Not run: it needs the person's confirmation, which could not be asked here.";
/// What the model is told when the person stopped the turn.
pub const STOPPED: &str = "Not run: the person stopped the turn.";
/// What the model is told when the person stopped a call as it ran.
pub const INTERRUPTED: &str =
    "Stopped by the person while it ran: whether it did anything is unknown.";

/// The tool's message for the model: the result, cut to `limit`
/// characters with a note, or why there is none.
pub fn for_model(outcome: &Outcome, limit: usize) -> String {
    match outcome {
        Outcome::Ran(output) => {
            let text = truncate(&output.text, limit);
            if output.is_error {
                format!("The tool reported an error:\n{text}")
            } else {
                text
            }
        }
        Outcome::NotRun(why) => why.clone(),
        Outcome::Failed(why) => format!("The call failed: {why}"),
    }
}

/// `text` cut to `limit` characters, with a note of how much was left out.
pub fn truncate(text: &str, limit: usize) -> String {
    let total = text.chars().count();
    if total <= limit {
        return text.to_string();
    }
    let kept: String = text.chars().take(limit).collect();
    format!("{kept}\n[truncated: the first {limit} of {total} characters]")
}

/// How many characters of a result the model gets: about a third of the
/// context (at ~3 characters a token), within sensible bounds.
pub fn result_limit(context_size: u32) -> usize {
    match context_size {
        0 => 16_000,
        n => (n as usize).clamp(2_000, 32_000),
    }
}

/// `agent.tool_choice` for the first step, checked against the tools.
fn first_choice(setting: &str, offered: &[Offered]) -> Result<ToolChoice, Hinted> {
    Ok(match setting.trim() {
        "" | "auto" => ToolChoice::Auto,
        "none" => ToolChoice::None,
        "required" => ToolChoice::Required,
        _ if offered.is_empty() => ToolChoice::Auto,
        name => match offered.iter().find(|t| t.name == name || t.tool == name) {
            Some(tool) => ToolChoice::Named(tool.name.clone()),
            None => {
                return Err(Hinted::new(
                    format!("agent.tool_choice names `{name}`, which no MCP server offers"),
                    format!("use auto, required, none or one of: {}", names(offered)),
                ))
            }
        },
    })
}

fn names(offered: &[Offered]) -> String {
    offered
        .iter()
        .map(|t| t.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Where the oldest exchange ends (the next message from the person),
/// when there is one before the current exchange.
fn oldest_exchange(messages: &[Message]) -> Option<usize> {
    let current = messages.iter().rposition(|m| m.role == Role::User)?;
    let next = messages.iter().skip(1).position(|m| m.role == Role::User)? + 1;
    (next <= current && next > 0).then_some(next)
}

/// True when the error says the prompt does not fit the context window,
/// from the engine in this process or from a server.
fn is_context_overflow(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<crate::client::ClientError>()
            .is_some_and(crate::client::ClientError::is_context_overflow)
            || e.downcast_ref::<Hinted>()
                .is_some_and(|h| h.code == Some(crate::engine::CONTEXT_OVERFLOW_CODE))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(text: &str) -> Message {
        Message::new(Role::User, text)
    }

    fn assistant(text: &str) -> Message {
        Message::new(Role::Assistant, text)
    }

    #[test]
    fn results_are_cut_with_a_note() {
        assert_eq!(truncate("short", 10), "short");
        let cut = truncate(&"é".repeat(30), 10);
        assert!(cut.starts_with(&"é".repeat(10)));
        assert!(cut.ends_with("[truncated: the first 10 of 30 characters]"));
        let failed = for_model(
            &Outcome::Ran(ToolOutput {
                text: "no such file".into(),
                is_error: true,
            }),
            100,
        );
        assert_eq!(failed, "The tool reported an error:\nno such file");
    }

    #[test]
    fn the_oldest_exchange_goes_whole_tool_results_and_all() {
        let mut tool = Message::new(Role::Tool, "result");
        tool.tool_call_id = Some("call_1".into());
        let messages = vec![
            user("a"),
            assistant(""),
            tool,
            assistant("done"),
            user("b"),
            assistant("x"),
            user("c"),
        ];
        assert_eq!(oldest_exchange(&messages), Some(4));
        // The current exchange alone is never dropped.
        assert_eq!(oldest_exchange(&[user("only")]), None);
        assert_eq!(
            oldest_exchange(&[user("a"), assistant(""), Message::new(Role::Tool, "r")]),
            None
        );
    }

    #[test]
    fn the_first_choice_is_checked_against_the_tools() {
        let offered = vec![Offered {
            name: "list_directory".into(),
            server: "fs".into(),
            tool: "list_directory".into(),
            description: None,
            schema: serde_json::json!({"type": "object"}),
        }];
        assert_eq!(first_choice("auto", &offered).unwrap(), ToolChoice::Auto);
        assert_eq!(
            first_choice("required", &offered).unwrap(),
            ToolChoice::Required
        );
        assert_eq!(
            first_choice("list_directory", &offered).unwrap(),
            ToolChoice::Named("list_directory".into())
        );
        let error = first_choice("read_file", &offered).unwrap_err();
        assert!(error.hint.contains("list_directory"), "{}", error.hint);
    }

    #[test]
    fn results_are_shortened_for_people() {
        let text = (1..=12)
            .map(|i| format!("line {i}"))
            .collect::<Vec<_>>()
            .join("\n");
        let short = shortened(&text, 3, 80);
        assert_eq!(
            short,
            "line 1\nline 2\nline 3\n… 9 more lines (86 characters in all)"
        );
        assert_eq!(shortened(&"x".repeat(10), 3, 5), "xxxx…");
    }

    #[test]
    fn result_limits_follow_the_context() {
        assert_eq!(result_limit(0), 16_000);
        assert_eq!(result_limit(512), 2_000);
        assert_eq!(result_limit(8192), 8192);
        assert_eq!(result_limit(1 << 20), 32_000);
    }
}
