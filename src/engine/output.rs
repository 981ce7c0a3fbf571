//! The one place that reads a model's output as it streams and says what
//! each piece is: answer text or reasoning (`<think>…</think>`), with tool
//! calls to follow. The server, `prompt` and the chat show the pieces each
//! their own way, but none of them parses the text itself.

use super::text::{ReasoningSplitter, Segment};

/// Parses one answer's output; also keeps the answer and the reasoning.
#[derive(Debug, Default)]
pub struct OutputParser {
    /// `None` when reasoning stays inline, as the model wrote it.
    splitter: Option<ReasoningSplitter>,
    answer: String,
    reasoning: String,
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

    /// The parts of the next piece of text that are complete.
    pub fn push(&mut self, text: &str) -> Vec<Segment> {
        let parts = match self.splitter.as_mut() {
            Some(splitter) => splitter.push(text),
            None if text.is_empty() => Vec::new(),
            None => vec![Segment::Content(text.to_string())],
        };
        self.keep(parts)
    }

    /// What was held back waiting for more text, at the end of the output.
    pub fn finish(&mut self) -> Vec<Segment> {
        let parts = self
            .splitter
            .as_mut()
            .map(ReasoningSplitter::finish)
            .unwrap_or_default();
        self.keep(parts)
    }

    /// The answer so far, without the reasoning.
    pub fn answer(&self) -> &str {
        &self.answer
    }

    /// A whole output at once: the answer and, if there was any, the reasoning.
    pub fn parse(mut self, text: &str) -> (String, Option<String>) {
        self.push(text);
        self.finish();
        let reasoning = (!self.reasoning.is_empty()).then_some(self.reasoning);
        (self.answer, reasoning)
    }

    fn keep(&mut self, parts: Vec<Segment>) -> Vec<Segment> {
        for part in &parts {
            match part {
                Segment::Content(t) => self.answer.push_str(t),
                Segment::Reasoning(t) => self.reasoning.push_str(t),
            }
        }
        parts
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
        let (answer, reasoning) = OutputParser::for_settings(true).parse("<think>x</think>y");
        assert_eq!((answer.as_str(), reasoning), ("<think>x</think>y", None));
        let (answer, reasoning) = OutputParser::for_settings(false).parse("<think>x</think>y");
        assert_eq!((answer.as_str(), reasoning.as_deref()), ("y", Some("x")));
    }
}
