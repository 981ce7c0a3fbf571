//! A server-sent events reader: `data:` lines joined per event, comments
//! and other fields skipped, `[DONE]` ends the stream.

use std::io::BufRead;

/// One event's data.
#[derive(Debug, PartialEq, Eq)]
pub enum SseData {
    Data(String),
    Done,
}

pub struct SseReader<R> {
    reader: R,
    line: String,
}

impl<R: BufRead> SseReader<R> {
    pub fn new(reader: R) -> Self {
        Self {
            reader,
            line: String::new(),
        }
    }

    /// The next event, `None` at the end of the body.
    pub fn next_event(&mut self) -> std::io::Result<Option<SseData>> {
        let mut data: Option<String> = None;
        loop {
            self.line.clear();
            if self.reader.read_line(&mut self.line)? == 0 {
                return Ok(data.map(SseData::Data));
            }
            let line = self.line.trim_end_matches(['\r', '\n']);
            if line.is_empty() {
                match data.take() {
                    Some(d) if d == "[DONE]" => return Ok(Some(SseData::Done)),
                    Some(d) => return Ok(Some(SseData::Data(d))),
                    None => continue,
                }
            }
            if let Some(value) = line.strip_prefix("data:") {
                let value = value.strip_prefix(' ').unwrap_or(value);
                match data.as_mut() {
                    Some(d) => {
                        d.push('\n');
                        d.push_str(value);
                    }
                    None => data = Some(value.to_string()),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_events_comments_multiline_data_and_done() {
        let body = ": keep-alive\n\ndata: {\"a\":1}\n\nevent: x\ndata: one\ndata: two\r\n\r\ndata: [DONE]\n\n";
        let mut r = SseReader::new(body.as_bytes());
        assert_eq!(
            r.next_event().unwrap(),
            Some(SseData::Data("{\"a\":1}".into()))
        );
        assert_eq!(
            r.next_event().unwrap(),
            Some(SseData::Data("one\ntwo".into()))
        );
        assert_eq!(r.next_event().unwrap(), Some(SseData::Done));
        assert_eq!(r.next_event().unwrap(), None);
    }
}
