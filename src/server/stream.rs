//! Streamed responses as server-sent events: one engine stream per answer,
//! split into pieces (answer text, reasoning, tool calls, the finish and
//! usage), each put in its API's shape by a [`Shape`] (OpenAI's chunks here,
//! Anthropic's and the Responses API's events in their own modules), with an
//! orderly end when the server stops.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use futures_util::stream::{self, Stream};

use super::error::ApiError;
use super::request::Delivery;
use super::{AppState, Phase};
use crate::engine::output::OutputParser;
use crate::engine::text::Segment;
use crate::engine::{Completion, Event, EventStream, FinishReason, TokenLogprob, ToolCall};
use crate::wire::openai::*;

/// What every chunk of one response shares.
#[derive(Clone)]
pub(super) struct Reply {
    pub id: String,
    pub object: &'static str,
    pub created: u64,
    pub model: String,
    delivery: Delivery,
}

impl Reply {
    pub(super) fn new(
        state: &AppState,
        object: &'static str,
        delivery: Delivery,
        model: String,
    ) -> Self {
        let created = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let prefix = if object == "chat.completion" {
            "chatcmpl"
        } else {
            "cmpl"
        };
        Self {
            id: format!("{prefix}-{}", state.next_id()),
            object,
            created,
            model,
            delivery,
        }
    }
}

/// A request's answers, begun: ready to be streamed or read to their end.
pub(super) struct Answers {
    /// Each answer's first event and the rest of its stream.
    pub streams: Vec<(Event, EventStream)>,
    /// A parser for an answer's output (reasoning and tool calls split off).
    pub output: Arc<dyn Fn() -> OutputParser + Send + Sync>,
    /// Every answer must be a tool call.
    pub required_call: bool,
    /// How many answers each prompt has (OpenAI's `n`).
    pub choices: usize,
    /// The prompt's tokens.
    pub prompt_tokens: usize,
}

/// One piece of a streamed response, before it is put in its wire shape.
pub(super) enum Piece<'a> {
    Start,
    Text(&'a str),
    Reasoning(&'a str),
    Finish(FinishReason),
    Usage(&'a Completion),
    /// A token's log-probability, and where its text starts in the answer.
    Logprob(&'a TokenLogprob, usize),
    /// The `index`th call of an answer begins: its id and name.
    ToolCallStart(u32, &'a ToolCall),
    /// A fragment of the `index`th call's arguments.
    ToolCallArguments(u32, &'a str),
}

/// How much of a call's arguments one chunk carries.
const ARGUMENT_FRAGMENT: usize = 32;

/// A chat chunk's event text (`None`: nothing to send for this piece).
pub(super) fn chat_chunks(reply: &Reply, index: u32, piece: Piece) -> Option<String> {
    let timings = match &piece {
        Piece::Usage(done) => Some(done.timings),
        _ => None,
    };
    let logprobs = match &piece {
        Piece::Logprob(report, _) => Some(ChoiceLogprobs {
            content: vec![LogprobEntry::from(*report)],
        }),
        _ => None,
    };
    let (delta, finish_reason, usage) = match piece {
        Piece::Start => (
            Some(Delta {
                role: Some("assistant"),
                content: Some("".into()),
                ..Delta::default()
            }),
            None,
            None,
        ),
        Piece::ToolCallStart(at, call) => (
            Some(Delta {
                tool_calls: Some(vec![ToolCallDelta {
                    index: at,
                    id: Some(call.id.clone()),
                    kind: Some("function".into()),
                    function: FunctionDelta {
                        name: Some(call.name.clone()),
                        arguments: Some(String::new()),
                    },
                }]),
                ..Delta::default()
            }),
            None,
            None,
        ),
        Piece::ToolCallArguments(at, fragment) => (
            Some(Delta {
                tool_calls: Some(vec![ToolCallDelta {
                    index: at,
                    function: FunctionDelta {
                        name: None,
                        arguments: Some(fragment.to_string()),
                    },
                    ..ToolCallDelta::default()
                }]),
                ..Delta::default()
            }),
            None,
            None,
        ),
        Piece::Text(t) => (
            Some(Delta {
                content: Some(t.into()),
                ..Delta::default()
            }),
            None,
            None,
        ),
        Piece::Reasoning(t) => (
            Some(Delta {
                reasoning_content: Some(t.into()),
                ..Delta::default()
            }),
            None,
            None,
        ),
        Piece::Finish(reason) => (Some(Delta::default()), Some(reason), None),
        Piece::Usage(done) => (None, None, Some(done.usage)),
        Piece::Logprob(..) => (Some(Delta::default()), None, None),
    };
    let choices = delta
        .map(|delta| {
            vec![ChunkChoice {
                index,
                delta,
                logprobs,
                finish_reason,
            }]
        })
        .unwrap_or_default();
    serde_json::to_string(&ChatChunk {
        id: reply.id.as_str().into(),
        object: "chat.completion.chunk",
        created: reply.created,
        model: reply.model.as_str().into(),
        choices,
        usage,
        timings,
    })
    .ok()
}

/// A text completion chunk's event text (`None`: nothing to send).
pub(super) fn text_chunks(reply: &Reply, index: u32, piece: Piece) -> Option<String> {
    let mut logprobs = None;
    let (choice, usage) = match piece {
        Piece::Start | Piece::ToolCallStart(..) | Piece::ToolCallArguments(..) => return None,
        Piece::Logprob(report, offset) => {
            let mut one = TextLogprobs::default();
            one.push(report, offset);
            logprobs = Some(one);
            (Some(("", None)), None)
        }
        Piece::Text(t) | Piece::Reasoning(t) => (Some((t, None)), None),
        Piece::Finish(reason) => (Some(("", Some(reason))), None),
        Piece::Usage(done) => (None, Some(done.usage)),
    };
    let choices = choice
        .map(|(text, finish_reason)| {
            vec![TextChoice {
                index,
                text: text.into(),
                logprobs,
                finish_reason,
            }]
        })
        .unwrap_or_default();
    serde_json::to_string(&TextCompletion {
        id: reply.id.as_str().into(),
        object: "text_completion",
        created: reply.created,
        model: reply.model.as_str().into(),
        choices,
        usage,
    })
    .ok()
}

/// The events a stream sends next.
pub(super) type Events = VecDeque<SseEvent>;

/// Puts the pieces of a stream in one API's shape.
pub(super) trait Shape: Send + 'static {
    /// The events for one piece of the `index`th answer.
    fn piece(&mut self, index: u32, piece: Piece, out: &mut Events);
    /// The last events, once every answer has finished or the server stops.
    fn end(&mut self, out: &mut Events);
    /// The stream failed after it began: the error as its last event.
    fn fail(&mut self, error: ApiError, out: &mut Events);
}

/// OpenAI's chunks (`chat.completion.chunk` or `text_completion`), then
/// `[DONE]`; an error is sent as an error body.
pub(super) struct OpenAiChunks {
    reply: Reply,
    chunk: fn(&Reply, u32, Piece) -> Option<String>,
}

impl OpenAiChunks {
    pub(super) fn chat(reply: Reply) -> Self {
        Self {
            reply,
            chunk: chat_chunks,
        }
    }

    pub(super) fn text(reply: Reply) -> Self {
        Self {
            reply,
            chunk: text_chunks,
        }
    }
}

impl Shape for OpenAiChunks {
    fn piece(&mut self, index: u32, piece: Piece, out: &mut Events) {
        if matches!(piece, Piece::Usage(_)) && !self.reply.delivery.include_usage {
            return;
        }
        if let Some(data) = (self.chunk)(&self.reply, index, piece) {
            out.push_back(SseEvent::default().data(data));
        }
    }

    fn end(&mut self, out: &mut Events) {
        out.push_back(SseEvent::default().data("[DONE]"));
    }

    fn fail(&mut self, error: ApiError, out: &mut Events) {
        let body = serde_json::to_string(&error.body()).unwrap_or_default();
        out.push_back(SseEvent::default().data(body));
    }
}

struct StreamState {
    app: Arc<AppState>,
    /// Each answer must be a tool call: one without is an error.
    required_call: bool,
    /// How many answers each prompt has.
    choices: usize,
    shape: Box<dyn Shape>,
    /// One per answer (OpenAI's `n`), in choice order.
    lanes: Vec<Lane>,
    /// What the finished answers used: the prompt once, every answer's tokens.
    usage: Option<Completion>,
    out: VecDeque<SseEvent>,
    started: bool,
    ended: bool,
}

/// One answer's stream.
struct Lane {
    first: Option<Event>,
    events: EventStream,
    output: OutputParser,
    finished: bool,
    /// Calls streamed so far.
    calls: u32,
    /// Characters of the tokens whose log-probabilities were sent.
    logprob_offset: usize,
}

impl StreamState {
    fn push(&mut self, index: usize, piece: Piece) {
        self.shape.piece(index as u32, piece, &mut self.out);
    }

    /// The next event of any unfinished answer, or, when the server is
    /// stopping, the end of this stream (dropping the engine's streams
    /// stops the generations).
    async fn next_event(&mut self) -> Option<(usize, Option<Event>)> {
        let mut phase = self.app.phase.clone();
        if *phase.borrow_and_update() != Phase::Serving {
            self.shutdown();
            return None;
        }
        if let Some(at) = self.lanes.iter().position(|l| l.first.is_some()) {
            return Some((at, self.lanes[at].first.take()));
        }
        if self.lanes.iter().all(|l| l.finished) {
            self.ended = true;
            return None;
        }
        let waiting = self
            .lanes
            .iter_mut()
            .enumerate()
            .filter(|(_, lane)| !lane.finished)
            .map(|(at, lane)| Box::pin(async move { (at, lane.events.recv().await) }));
        let next = futures_util::future::select_all(waiting);
        let event = tokio::select! {
            ((at, event), _, _) = next => Some((at, event)),
            _ = phase.changed() => None,
        };
        if event.is_none() {
            self.shutdown();
        }
        event
    }

    fn shutdown(&mut self) {
        for at in 0..self.lanes.len() {
            if !self.lanes[at].finished {
                self.push(at, Piece::Finish(FinishReason::Stop));
            }
        }
        self.shape.end(&mut self.out);
        self.ended = true;
    }

    fn on_text(&mut self, at: usize, segments: Vec<Segment>) {
        for segment in segments {
            match segment {
                Segment::Content(t) => self.push(at, Piece::Text(&t)),
                Segment::Reasoning(t) => self.push(at, Piece::Reasoning(&t)),
                Segment::ToolCalls(calls) => {
                    for call in &calls {
                        let index = self.lanes[at].calls;
                        self.lanes[at].calls += 1;
                        self.push(at, Piece::ToolCallStart(index, call));
                        for fragment in fragments(&call.arguments, ARGUMENT_FRAGMENT) {
                            self.push(at, Piece::ToolCallArguments(index, fragment));
                        }
                    }
                }
            }
        }
    }

    fn on_event(&mut self, at: usize, event: Option<Event>) {
        match event {
            Some(Event::Text(text)) => {
                let segments = self.lanes[at].output.push(&text);
                self.on_text(at, segments);
            }
            Some(Event::Logprob(report)) => {
                let offset = self.lanes[at].logprob_offset;
                self.lanes[at].logprob_offset += report.token.text.chars().count();
                self.push(at, Piece::Logprob(&report, offset));
            }
            Some(Event::Done(done)) => {
                let rest = self.lanes[at].output.finish();
                self.on_text(at, rest);
                self.app.metrics.completion(&done);
                let lane = &self.lanes[at];
                if self.required_call && lane.calls == 0 {
                    let error = super::routes::missing_call(lane.output.tool_error());
                    self.shape.fail(error, &mut self.out);
                    self.ended = true;
                    return;
                }
                let finish = if lane.calls > 0 {
                    FinishReason::ToolCalls
                } else {
                    done.finish_reason
                };
                self.push(at, Piece::Finish(finish));
                self.lanes[at].finished = true;
                let usage = self.usage.get_or_insert_with(|| Completion {
                    usage: crate::engine::Usage::default(),
                    ..done.clone()
                });
                // Each prompt counts once, however many answers it has.
                if at.is_multiple_of(self.choices.max(1)) {
                    usage.usage.prompt_tokens += done.usage.prompt_tokens;
                }
                usage.usage.completion_tokens += done.usage.completion_tokens;
                usage.usage.total_tokens =
                    usage.usage.prompt_tokens + usage.usage.completion_tokens;
                if self.lanes.iter().all(|l| l.finished) {
                    if let Some(usage) = self.usage.take() {
                        self.push(at, Piece::Usage(&usage));
                    }
                    self.shape.end(&mut self.out);
                    self.ended = true;
                }
            }
            Some(Event::Failed(e)) => {
                self.shape.fail(super::routes::api_error(e), &mut self.out);
                self.ended = true;
            }
            None => self.ended = true,
        }
    }
}

/// `text` in pieces of about `size` bytes, cut at character boundaries.
fn fragments(text: &str, size: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let mut cut = size.min(rest.len());
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        out.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    if out.is_empty() {
        out.push("");
    }
    out
}

/// Streams the generation as server-sent events in `shape`. Dropping the
/// response (the client went away) drops the event stream, which frees the
/// slot.
pub(super) fn sse(
    app: &Arc<AppState>,
    answers: Answers,
    shape: impl Shape,
) -> Sse<impl Stream<Item = Result<SseEvent, Infallible>>> {
    let Answers {
        streams,
        output,
        required_call,
        choices,
        ..
    } = answers;
    let lanes = streams
        .into_iter()
        .map(|(first, events)| Lane {
            first: Some(first),
            events,
            output: output(),
            finished: false,
            calls: 0,
            logprob_offset: 0,
        })
        .collect();
    let state = StreamState {
        app: Arc::clone(app),
        required_call,
        choices,
        shape: Box::new(shape),
        lanes,
        usage: None,
        out: VecDeque::new(),
        started: false,
        ended: false,
    };
    let stream = stream::unfold(state, |mut s| async move {
        loop {
            if let Some(event) = s.out.pop_front() {
                return Some((Ok(event), s));
            }
            if s.ended {
                return None;
            }
            if !s.started {
                s.started = true;
                for at in 0..s.lanes.len() {
                    s.push(at, Piece::Start);
                }
                continue;
            }
            if let Some((at, event)) = s.next_event().await {
                s.on_event(at, event);
            }
        }
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Timings, Usage};

    fn reply() -> Reply {
        Reply {
            id: "chatcmpl-1".into(),
            object: "chat.completion",
            created: 7,
            model: "m".into(),
            delivery: Delivery {
                stream: true,
                include_usage: true,
                choices: 1,
            },
        }
    }

    fn json(text: Option<String>) -> serde_json::Value {
        serde_json::from_str(&text.expect("a chunk")).unwrap()
    }

    #[test]
    fn chat_chunks_have_openai_shapes() {
        let r = reply();
        let start = json(chat_chunks(&r, 0, Piece::Start));
        assert_eq!(start["object"], "chat.completion.chunk");
        assert_eq!(start["choices"][0]["delta"]["role"], "assistant");
        assert_eq!(start["choices"][0]["delta"]["content"], "");
        let text = json(chat_chunks(&r, 0, Piece::Text("Hi \"there\"")));
        assert_eq!(text["choices"][0]["delta"]["content"], "Hi \"there\"");
        assert!(text["choices"][0]["delta"].get("role").is_none());
        assert!(text["choices"][0]["finish_reason"].is_null());
        let thinking = json(chat_chunks(&r, 0, Piece::Reasoning("hmm")));
        assert_eq!(thinking["choices"][0]["delta"]["reasoning_content"], "hmm");
        let finish = json(chat_chunks(&r, 0, Piece::Finish(FinishReason::Length)));
        assert_eq!(finish["choices"][0]["finish_reason"], "length");
        let done = Completion {
            finish_reason: FinishReason::Stop,
            stop_string: None,
            usage: Usage {
                prompt_tokens: 3,
                completion_tokens: 2,
                total_tokens: 5,
            },
            timings: Timings::default(),
        };
        let usage = json(chat_chunks(&r, 0, Piece::Usage(&done)));
        assert_eq!(usage["choices"], serde_json::json!([]));
        assert_eq!(usage["usage"]["total_tokens"], 5);
        assert!(usage["timings"].is_object());
    }

    #[test]
    fn text_chunks_carry_text_and_skip_the_start() {
        let r = reply();
        assert_eq!(text_chunks(&r, 0, Piece::Start), None);
        let text = json(text_chunks(&r, 0, Piece::Text("abc")));
        assert_eq!(text["object"], "text_completion");
        assert_eq!(text["choices"][0]["text"], "abc");
        let finish = json(text_chunks(&r, 0, Piece::Finish(FinishReason::Stop)));
        assert_eq!(finish["choices"][0]["text"], "");
        assert_eq!(finish["choices"][0]["finish_reason"], "stop");
    }
}
