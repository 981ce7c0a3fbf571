//! Turning token bytes into text that is safe to show: complete UTF-8 only,
//! never a piece of a stop string, and reasoning (`<think>…</think>`) kept
//! apart from the answer.

/// Buffers token bytes and releases only complete UTF-8 characters, so a
/// character split across tokens is never printed broken. Bytes that can
/// never become valid UTF-8 become U+FFFD.
#[derive(Debug, Default)]
pub struct Utf8Stream {
    pending: Vec<u8>,
}

impl Utf8Stream {
    pub fn push(&mut self, bytes: &[u8]) -> String {
        self.pending.extend_from_slice(bytes);
        let mut out = String::new();
        loop {
            match std::str::from_utf8(&self.pending) {
                Ok(text) => {
                    out.push_str(text);
                    self.pending.clear();
                    return out;
                }
                Err(e) => {
                    let valid = e.valid_up_to();
                    // Safe: from_utf8 just said these bytes are valid.
                    out.push_str(std::str::from_utf8(&self.pending[..valid]).unwrap_or_default());
                    match e.error_len() {
                        // An incomplete character at the end: wait for more bytes.
                        None => {
                            self.pending.drain(..valid);
                            return out;
                        }
                        Some(bad) => {
                            out.push(char::REPLACEMENT_CHARACTER);
                            self.pending.drain(..valid + bad);
                        }
                    }
                }
            }
        }
    }

    /// Whatever is left at the end of generation.
    pub fn finish(&mut self) -> String {
        let rest = String::from_utf8_lossy(&self.pending).into_owned();
        self.pending.clear();
        rest
    }
}

/// Watches the generated text for stop strings. Text that might be the start
/// of a stop string is held back until it is known not to be one.
#[derive(Debug)]
pub struct StopMatcher {
    stops: Vec<String>,
    held: String,
}

/// What to do after a piece of text.
#[derive(Debug, PartialEq, Eq)]
pub struct StopCheck {
    /// Text that can be shown now.
    pub emit: String,
    /// The stop string found: generation ends and the rest is dropped.
    pub stopped: Option<String>,
}

impl StopMatcher {
    pub fn new(stops: &[String]) -> Self {
        Self {
            stops: stops.iter().filter(|s| !s.is_empty()).cloned().collect(),
            held: String::new(),
        }
    }

    pub fn push(&mut self, text: &str) -> StopCheck {
        if self.stops.is_empty() {
            return StopCheck {
                emit: text.to_string(),
                stopped: None,
            };
        }
        self.held.push_str(text);
        let first_stop = self
            .stops
            .iter()
            .filter_map(|s| self.held.find(s.as_str()).map(|at| (at, s)))
            .min_by_key(|(at, _)| *at);
        if let Some((at, stop)) = first_stop {
            let emit = self.held[..at].to_string();
            let stopped = Some(stop.clone());
            self.held.clear();
            return StopCheck { emit, stopped };
        }
        let keep = self.partial_suffix_len();
        let emit = self.held[..self.held.len() - keep].to_string();
        self.held.drain(..self.held.len() - keep);
        StopCheck {
            emit,
            stopped: None,
        }
    }

    /// Text held back when generation ends for another reason.
    pub fn finish(&mut self) -> String {
        std::mem::take(&mut self.held)
    }

    /// Length of the longest suffix of `held` that begins some stop string.
    fn partial_suffix_len(&self) -> usize {
        let held = &self.held;
        held.char_indices()
            .map(|(i, _)| i)
            .find(|&i| {
                let suffix = &held[i..];
                self.stops.iter().any(|s| s.starts_with(suffix))
            })
            .map_or(0, |i| held.len() - i)
    }
}

/// A piece of streamed output: the answer, a reasoning model's thinking,
/// or the tools it calls (once the output is complete).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Content(String),
    Reasoning(String),
    ToolCalls(Vec<super::ToolCall>),
}

/// Splits streamed text at `<think>` and `</think>`, which may arrive cut
/// across pieces; the tags themselves are dropped.
#[derive(Debug, Default)]
pub struct ReasoningSplitter {
    in_reasoning: bool,
    held: String,
}

/// The tags around reasoning in a model's output.
pub const THINK_OPEN: &str = "<think>";
pub const THINK_CLOSE: &str = "</think>";

impl ReasoningSplitter {
    pub fn push(&mut self, text: &str) -> Vec<Segment> {
        self.held.push_str(text);
        let mut out = Vec::new();
        loop {
            let tag = if self.in_reasoning {
                THINK_CLOSE
            } else {
                THINK_OPEN
            };
            if let Some(at) = self.held.find(tag) {
                let before: String = self.held.drain(..at).collect();
                self.held.drain(..tag.len());
                self.emit(before, &mut out);
                self.in_reasoning = !self.in_reasoning;
                continue;
            }
            let keep = (1..tag.len())
                .rev()
                .find(|&n| self.held.ends_with(&tag[..n]))
                .unwrap_or(0);
            let ready: String = self.held.drain(..self.held.len() - keep).collect();
            self.emit(ready, &mut out);
            return out;
        }
    }

    pub fn finish(&mut self) -> Vec<Segment> {
        let mut out = Vec::new();
        let rest = std::mem::take(&mut self.held);
        self.emit(rest, &mut out);
        out
    }

    fn emit(&self, text: String, out: &mut Vec<Segment>) {
        if text.is_empty() {
            return;
        }
        out.push(if self.in_reasoning {
            Segment::Reasoning(text)
        } else {
            Segment::Content(text)
        });
    }
}

/// Whether a token's text is a media placeholder (`<start_of_image>`,
/// `[multimodal]`, `<audio_soft_token>`): a marker where an image or a
/// sound goes in a multimodal prompt. llama.cpp renders such user-defined
/// tokens as text, but in a text answer they are noise, so they are never
/// shown. Markers that carry meaning in text (`<think>`, `<tool_call>`)
/// are not media placeholders and stay.
pub fn is_media_marker(text: &str) -> bool {
    let inner = text
        .strip_prefix('<')
        .and_then(|t| t.strip_suffix('>'))
        .or_else(|| text.strip_prefix('[').and_then(|t| t.strip_suffix(']')));
    let Some(inner) = inner.map(|t| t.trim_matches('|')) else {
        return false;
    };
    let lower = inner.to_ascii_lowercase();
    !inner.is_empty()
        && !inner.contains(char::is_whitespace)
        && ["image", "audio", "video", "vision", "multimodal"]
            .iter()
            .any(|media| lower.contains(media))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_multibyte_characters_wait_for_their_last_byte() {
        let mut s = Utf8Stream::default();
        let snowman = "☃".as_bytes();
        assert_eq!(s.push(&[b'a', snowman[0]]), "a");
        assert_eq!(s.push(&snowman[1..2]), "");
        assert_eq!(s.push(&snowman[2..]), "☃");
        assert_eq!(s.finish(), "");
    }

    #[test]
    fn invalid_bytes_become_replacement_characters() {
        let mut s = Utf8Stream::default();
        assert_eq!(s.push(&[b'x', 0xff, b'y']), "x\u{fffd}y");
        assert_eq!(s.push(&[0xe2, 0x98]), "");
        assert_eq!(s.finish(), "\u{fffd}");
    }

    #[test]
    fn stop_strings_across_pieces_are_never_leaked() {
        let mut m = StopMatcher::new(&["</end>".to_string()]);
        assert_eq!(m.push("hello <").emit, "hello ");
        assert_eq!(m.push("/e").emit, "");
        let last = m.push("nd> trailing");
        assert_eq!(
            last,
            StopCheck {
                emit: String::new(),
                stopped: Some("</end>".into())
            }
        );
    }

    #[test]
    fn false_starts_are_released() {
        let mut m = StopMatcher::new(&["STOP".to_string()]);
        assert_eq!(m.push("ST").emit, "");
        assert_eq!(m.push("ART").emit, "START");
        assert_eq!(m.push("S").emit, "");
        assert_eq!(m.finish(), "S");
    }

    #[test]
    fn earliest_of_several_stops_wins() {
        let mut m = StopMatcher::new(&["bb".to_string(), "a".to_string()]);
        let check = m.push("xxbbya");
        assert_eq!(check.emit, "xx");
        assert!(check.stopped.is_some());
    }

    #[test]
    fn reasoning_is_split_from_content_across_pieces() {
        let mut r = ReasoningSplitter::default();
        let mut all = Vec::new();
        for piece in ["<th", "ink>let me", " see</thi", "nk>The answer", " is 4."] {
            all.extend(r.push(piece));
        }
        all.extend(r.finish());
        assert_eq!(
            all,
            vec![
                Segment::Reasoning("let me".into()),
                Segment::Reasoning(" see".into()),
                Segment::Content("The answer".into()),
                Segment::Content(" is 4.".into()),
            ]
        );
    }

    #[test]
    fn a_lone_angle_bracket_is_released_at_the_end() {
        let mut r = ReasoningSplitter::default();
        assert_eq!(r.push("a <"), vec![Segment::Content("a ".into())]);
        assert_eq!(r.push("b"), vec![Segment::Content("<b".into())]);
        assert_eq!(r.push("<"), vec![]);
        assert_eq!(r.finish(), vec![Segment::Content("<".into())]);
    }

    #[test]
    fn media_placeholders_are_markers_and_text_is_not() {
        for marker in [
            "<start_of_image>",
            "<end_of_image>",
            "[multimodal]",
            "<image_soft_token>",
            "<audio_soft_token>",
            "<|vision_start|>",
            "<|video_pad|>",
        ] {
            assert!(is_media_marker(marker), "{marker}");
        }
        for text in [
            "<think>",
            "</think>",
            "<tool_call>",
            "<start_of_turn>",
            "image",
            "<an image>",
            "<>",
            "[]",
            " <image>",
        ] {
            assert!(!is_media_marker(text), "{text}");
        }
    }
}
