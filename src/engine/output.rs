//! The one place that reads a model's output as it streams and says what
//! each piece is: answer text, reasoning (`<think>…</think>`), or tool
//! calls in the model's own syntax. The server, `prompt` and the chat show
//! the pieces each their own way, but none of them parses the text itself.

use super::text::{ReasoningSplitter, Segment};
use super::tools::{ToolFormat, ToolSplitter, ToolText};
use super::ToolCall;

/// Parses one answer's output; also keeps the answer and the reasoning.
#[derive(Debug, Default)]
pub struct OutputParser {
    /// `None` when reasoning stays inline, as the model wrote it.
    splitter: Option<ReasoningSplitter>,
    /// `None` when the request offered no tools to call.
    tools: Option<ToolSplitter>,
    answer: String,
    reasoning: String,
    calls: Vec<ToolCall>,
    /// Why a tool section of the output could not be read.
    tool_error: Option<String>,
}

/// A whole output, parsed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parsed {
    pub answer: String,
    pub reasoning: Option<String>,
    pub tool_calls: Vec<ToolCall>,
    /// Set when the output opened a tool call that could not be read (the
    /// text is then kept in the answer).
    pub tool_error: Option<String>,
}

impl OutputParser {
    /// Splits reasoning from the answer.
    pub fn new() -> Self {
        Self {
            splitter: Some(ReasoningSplitter::default()),
            ..Self::default()
        }
    }

    /// Reasoning split off unless `show_thinking`, which keeps the text
    /// whole, tags and all, as the answer.
    pub fn for_settings(show_thinking: bool) -> Self {
        if show_thinking {
            Self::default()
        } else {
            Self::new()
        }
    }

    /// Also reads tool calls written in `format`.
    pub fn with_tools(mut self, format: ToolFormat) -> Self {
        self.tools = Some(ToolSplitter::new(format));
        self
    }

    /// Takes in calls a server already read out of the output.
    pub fn push_calls(&mut self, calls: Vec<ToolCall>) -> Vec<Segment> {
        if calls.is_empty() {
            return Vec::new();
        }
        self.keep(vec![Segment::ToolCalls(calls)])
    }

    /// The parts of the next piece of text that are complete.
    pub fn push(&mut self, text: &str) -> Vec<Segment> {
        let parts = match self.splitter.as_mut() {
            Some(splitter) => splitter.push(text),
            None if text.is_empty() => Vec::new(),
            None => vec![Segment::Content(text.to_string())],
        };
        let parts = self.split_tools(parts);
        self.keep(parts)
    }

    /// What was held back waiting for more text, at the end of the output;
    /// tool calls come last.
    pub fn finish(&mut self) -> Vec<Segment> {
        let parts = self
            .splitter
            .as_mut()
            .map(ReasoningSplitter::finish)
            .unwrap_or_default();
        let mut parts = self.split_tools(parts);
        if let Some(tools) = self.tools.as_mut() {
            let (rest, error) = tools.finish();
            parts.extend(rest.into_iter().map(segment));
            self.tool_error = error;
        }
        self.keep(parts)
    }

    /// The answer so far, without the reasoning.
    pub fn answer(&self) -> &str {
        &self.answer
    }

    /// Why a tool call in the output could not be read, once finished.
    pub fn tool_error(&self) -> Option<&str> {
        self.tool_error.as_deref()
    }

    /// A whole output at once.
    pub fn parse(self, text: &str) -> Parsed {
        self.read_whole(text, Vec::new())
    }

    /// A whole streamed output at once, with the calls a server read out
    /// of it.
    pub fn read_whole(mut self, text: &str, calls: Vec<ToolCall>) -> Parsed {
        self.push(text);
        self.finish();
        self.push_calls(calls);
        self.into_parsed()
    }

    /// Everything read, once [`finish`](Self::finish) has been called.
    pub fn into_parsed(self) -> Parsed {
        Parsed {
            reasoning: (!self.reasoning.is_empty()).then_some(self.reasoning),
            answer: self.answer,
            tool_calls: self.calls,
            tool_error: self.tool_error,
        }
    }

    fn split_tools(&mut self, parts: Vec<Segment>) -> Vec<Segment> {
        let Some(tools) = self.tools.as_mut() else {
            return parts;
        };
        let mut out = Vec::with_capacity(parts.len());
        for part in parts {
            match part {
                Segment::Content(text) => out.extend(tools.push(&text).into_iter().map(segment)),
                other => out.push(other),
            }
        }
        out
    }

    fn keep(&mut self, parts: Vec<Segment>) -> Vec<Segment> {
        for part in &parts {
            match part {
                Segment::Content(t) => self.answer.push_str(t),
                Segment::Reasoning(t) => self.reasoning.push_str(t),
                Segment::ToolCalls(calls) => self.calls.extend(calls.iter().cloned()),
            }
        }
        parts
    }
}

fn segment(part: ToolText) -> Segment {
    match part {
        ToolText::Content(text) => Segment::Content(text),
        ToolText::Calls(calls) => Segment::ToolCalls(calls),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasoning_is_split_off_across_pieces() {
        let mut parser = OutputParser::new();
        let mut parts = Vec::new();
        for piece in ["<thi", "nk>plan</th", "ink>Answer", "."] {
            parts.extend(parser.push(piece));
        }
        parts.extend(parser.finish());
        assert_eq!(
            parts,
            [
                Segment::Reasoning("plan".into()),
                Segment::Content("Answer".into()),
                Segment::Content(".".into())
            ]
        );
        assert_eq!(parser.answer(), "Answer.");
    }

    #[test]
    fn shown_thinking_stays_in_the_text() {
        let parsed = OutputParser::for_settings(true).parse("<think>x</think>y");
        assert_eq!(
            (parsed.answer.as_str(), parsed.reasoning),
            ("<think>x</think>y", None)
        );
        let parsed = OutputParser::for_settings(false).parse("<think>x</think>y");
        assert_eq!(
            (parsed.answer.as_str(), parsed.reasoning.as_deref()),
            ("y", Some("x"))
        );
    }

    #[test]
    fn tool_calls_after_reasoning_are_read_and_kept_out_of_the_answer() {
        let parsed = OutputParser::new()
            .with_tools(ToolFormat::Hermes)
            .parse("<think>need weather</think>Checking.<tool_call>{\"name\": \"w\", \"arguments\": {\"c\": 1}}</tool_call>");
        assert_eq!(parsed.answer, "Checking.");
        assert_eq!(parsed.reasoning.as_deref(), Some("need weather"));
        assert_eq!(parsed.tool_calls.len(), 1);
        assert_eq!(parsed.tool_calls[0].name, "w");
        assert_eq!(parsed.tool_calls[0].arguments, r#"{"c":1}"#);
        assert_eq!(parsed.tool_error, None);
    }
}
