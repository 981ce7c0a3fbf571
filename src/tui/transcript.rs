//! What the chat pane shows: each message with its role badge, its figures
//! (tokens, TTFT, tok/s), its reasoning and tool calls folded or shown (all
//! at once, or one message by a click or `o`), the answer streaming in as
//! Markdown. Each message's lines are laid out once per width and kept, so
//! a long session scrolls by slicing, not by laying out a thousand messages
//! a frame; messages out of view are only measured (code not highlighted),
//! so opening a long session or resizing lays out what is shown.

use ratatui::text::{Line, Span};

use super::markdown::{self, Code};
use super::theme::Theme;
use crate::engine::Completion;
use crate::role::Role;
use crate::sessions::record::StoredMessage;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    User,
    Assistant,
    /// A tool's result.
    Tool,
    /// Something the workspace says (a model switched, a failure).
    Notice,
}

/// An answer's figures.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Figures {
    pub prompt_tokens: Option<u32>,
    pub completion_tokens: Option<u32>,
    pub ttft_ms: Option<f64>,
    pub tokens_per_second: Option<f64>,
}

impl Figures {
    pub fn of(done: &Completion) -> Self {
        Figures {
            prompt_tokens: Some(done.usage.prompt_tokens),
            completion_tokens: Some(done.usage.completion_tokens),
            ttft_ms: Some(done.timings.ttft_ms),
            tokens_per_second: Some(done.timings.generation_tokens_per_second),
        }
    }

    fn line(&self) -> String {
        let mut parts = Vec::new();
        if let Some(n) = self.prompt_tokens {
            parts.push(format!("{n} in"));
        }
        if let Some(n) = self.completion_tokens {
            parts.push(format!("{n} tokens"));
        }
        if let Some(ms) = self.ttft_ms {
            parts.push(format!("TTFT {ms:.0} ms"));
        }
        if let Some(rate) = self.tokens_per_second {
            parts.push(format!("{rate:.1} tok/s"));
        }
        parts.join(" · ")
    }
}

pub struct Entry {
    pub kind: Kind,
    /// A tool result's call (`server › tool`).
    pub title: String,
    pub text: String,
    pub reasoning: String,
    /// Tool calls the answer made, as `name(arguments)`.
    pub calls: Vec<String>,
    pub figures: Option<Figures>,
    /// This message's folds opened, whatever the transcript's toggle.
    pub open: bool,
    /// Laid-out lines, for (width, details shown).
    laid_out: Option<(usize, bool, Vec<Line<'static>>)>,
    /// Lines it takes, for (width, details shown), measured without
    /// highlighting while it was out of view.
    measured: Option<(usize, bool, usize)>,
}

impl Entry {
    pub fn new(kind: Kind, text: impl Into<String>) -> Self {
        Entry {
            kind,
            title: String::new(),
            text: text.into(),
            reasoning: String::new(),
            calls: Vec::new(),
            figures: None,
            open: false,
            laid_out: None,
            measured: None,
        }
    }

    /// Whether the entry has something folded away when details are hidden.
    fn foldable(&self) -> bool {
        !self.reasoning.trim().is_empty() || self.kind == Kind::Tool
    }

    /// A message as the session file keeps it.
    pub fn stored(message: &StoredMessage) -> Self {
        let kind = match message.role {
            Role::User => Kind::User,
            Role::Assistant => Kind::Assistant,
            Role::Tool => Kind::Tool,
            Role::System => Kind::Notice,
        };
        let mut entry = Entry::new(kind, message.content.clone());
        entry.reasoning = message.reasoning.clone().unwrap_or_default();
        entry.calls = message
            .tool_calls
            .iter()
            .map(|c| format!("{}({})", c.name, c.arguments))
            .collect();
        let figures = Figures {
            prompt_tokens: message.prompt_tokens,
            completion_tokens: message.completion_tokens,
            ttft_ms: message.ttft_ms,
            tokens_per_second: message.tokens_per_second,
        };
        entry.figures = (figures != Figures::default()).then_some(figures);
        entry
    }

    /// The entry has changed: lay it out again.
    pub fn touch(&mut self) {
        self.laid_out = None;
        self.measured = None;
    }

    fn lines(&mut self, width: usize, details: bool, theme: &Theme) -> &[Line<'static>] {
        let details = details || self.open;
        let fresh = matches!(&self.laid_out, Some((w, d, _)) if *w == width && *d == details);
        if !fresh {
            let lines = self.lay_out(width, details, theme, Code::Highlighted);
            self.laid_out = Some((width, details, lines));
        }
        self.laid_out.as_ref().map_or(&[], |(_, _, lines)| lines)
    }

    /// How many lines [`Entry::lines`] gives, without highlighting code
    /// when they are not laid out yet (a long session opened, a resize).
    fn height(&mut self, width: usize, details: bool, theme: &Theme) -> usize {
        let details = details || self.open;
        let fits = |w: usize, d: bool| w == width && d == details;
        if let Some((w, d, lines)) = &self.laid_out {
            if fits(*w, *d) {
                return lines.len();
            }
        }
        match self.measured {
            Some((w, d, height)) if fits(w, d) => height,
            _ => {
                let height = self.lay_out(width, details, theme, Code::Plain).len();
                self.measured = Some((width, details, height));
                height
            }
        }
    }

    fn lay_out(
        &self,
        width: usize,
        details: bool,
        theme: &Theme,
        code: Code,
    ) -> Vec<Line<'static>> {
        let (badge, style) = match self.kind {
            Kind::User => (" you ", theme.user),
            Kind::Assistant => (" model ", theme.assistant),
            Kind::Tool => (" tool ", theme.tool),
            Kind::Notice => ("", theme.dim),
        };
        let mut lines = Vec::new();
        let mut head = vec![Span::styled(badge, style)];
        if !self.title.is_empty() {
            head.push(Span::styled(format!(" {}", self.title), theme.code));
        }
        if let Some(figures) = &self.figures {
            head.push(Span::styled(format!(" {}", figures.line()), theme.dim));
        }
        if self.kind != Kind::Notice {
            lines.push(Line::from(head));
        }
        let fold = |what: &str, count: usize| {
            Line::styled(
                format!("▸ {what} ({count} lines; a click or o shows)"),
                theme.dim,
            )
        };
        if !self.reasoning.trim().is_empty() {
            if details {
                lines.push(Line::styled("▾ reasoning", theme.dim));
                for line in markdown::render(self.reasoning.trim(), width, theme, code) {
                    lines.push(line.patch_style(theme.dim));
                }
            } else {
                lines.push(fold("reasoning", self.reasoning.trim().lines().count()));
            }
        }
        match self.kind {
            Kind::Tool if !details => lines.push(fold("result", self.text.lines().count())),
            Kind::Notice => lines.extend(markdown::wrap(
                vec![Span::styled(self.text.clone(), theme.dim)],
                width,
                0,
            )),
            _ => lines.extend(markdown::render(self.text.trim_end(), width, theme, code)),
        }
        for call in &self.calls {
            let shown = if details || markdown::display_width(call) <= width {
                call.clone()
            } else {
                call.chars()
                    .take(width.saturating_sub(3))
                    .collect::<String>()
                    + "…"
            };
            lines.extend(markdown::wrap(
                vec![Span::styled(format!("⚙ {shown}"), theme.code)],
                width,
                2,
            ));
        }
        lines.push(Line::default());
        lines
    }
}

/// The messages shown, and where the view is.
#[derive(Default)]
pub struct Transcript {
    pub entries: Vec<Entry>,
    /// Reasoning and tool results shown rather than folded.
    pub details: bool,
    /// Lines scrolled up from the bottom (0: following the end).
    pub scroll: usize,
    /// Lines in all, at the last layout.
    pub height: usize,
    /// The entry each row in view belongs to, at the last layout.
    rows: Vec<usize>,
}

impl Transcript {
    pub fn clear(&mut self) {
        self.entries.clear();
        self.scroll = 0;
    }

    pub fn push(&mut self, entry: Entry) {
        self.entries.push(entry);
    }

    /// The entry being streamed into, made if the last is not an answer.
    pub fn streaming(&mut self) -> &mut Entry {
        if self.entries.last().map(|e| e.kind) != Some(Kind::Assistant) {
            self.entries.push(Entry::new(Kind::Assistant, ""));
        }
        let last = self.entries.len() - 1;
        &mut self.entries[last]
    }

    pub fn scroll_by(&mut self, lines: isize, viewport: usize) {
        let top = self.height.saturating_sub(viewport);
        let scroll = self.scroll as isize + lines;
        self.scroll = scroll.clamp(0, top as isize) as usize;
    }

    pub fn scroll_to_top(&mut self, viewport: usize) {
        self.scroll = self.height.saturating_sub(viewport);
    }

    /// Opens or folds the message at `row` of the view (a click); false
    /// when nothing there folds.
    pub fn toggle_at(&mut self, row: usize) -> bool {
        let Some(&index) = self.rows.get(row) else {
            return false;
        };
        self.toggle(index)
    }

    /// Opens or folds the lowest message in view that folds (`o`).
    pub fn toggle_lowest(&mut self) -> bool {
        let lowest = self
            .rows
            .iter()
            .rev()
            .copied()
            .find(|&index| self.entries[index].foldable());
        lowest.is_some_and(|index| self.toggle(index))
    }

    fn toggle(&mut self, index: usize) -> bool {
        let entry = &mut self.entries[index];
        if !entry.foldable() {
            return false;
        }
        entry.open = !entry.open;
        true
    }

    /// The `rows` lines in view at `width`: the last ones, less `scroll`.
    pub fn visible(&mut self, width: usize, rows: usize, theme: &Theme) -> Vec<Line<'static>> {
        let details = self.details;
        let mut height = 0;
        for entry in &mut self.entries {
            height += entry.height(width, details, theme);
        }
        self.height = height;
        self.scroll = self.scroll.min(height.saturating_sub(rows));
        // Walk back from the end to the lines in view.
        let end = height - self.scroll;
        let start = end.saturating_sub(rows);
        let mut shown = Vec::with_capacity(rows);
        self.rows.clear();
        let mut at = height;
        for (index, entry) in self.entries.iter_mut().enumerate().rev() {
            let first = at - entry.height(width, details, theme);
            if first < end && at > start {
                let lines = entry.lines(width, details, theme);
                let from = start.saturating_sub(first);
                let to = (end - first).min(lines.len());
                shown.splice(0..0, lines[from..to].iter().cloned());
                self.rows
                    .splice(0..0, std::iter::repeat_n(index, to - from));
            }
            at = first;
            if at <= start {
                break;
            }
        }
        shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    fn numbered(n: usize) -> Transcript {
        let mut t = Transcript::default();
        for i in 0..n {
            t.push(Entry::new(Kind::User, format!("question {i}")));
        }
        t
    }

    #[test]
    fn the_view_follows_the_end_and_scrolls_back() {
        let theme = Theme::named("dark");
        let mut t = numbered(1000);
        let shown = plain(&t.visible(40, 6, &theme));
        assert_eq!(shown.len(), 6);
        assert!(shown.iter().any(|l| l == "question 999"), "{shown:?}");
        t.scroll_by(3 * 10, 6);
        let shown = plain(&t.visible(40, 6, &theme));
        assert!(shown.iter().any(|l| l == "question 989"), "{shown:?}");
        t.scroll_to_top(6);
        let shown = plain(&t.visible(40, 6, &theme));
        assert_eq!(shown[1], "question 0");
    }

    #[test]
    fn only_messages_in_view_are_laid_out_and_the_measure_matches() {
        let theme = Theme::named("dark");
        let mut t = Transcript::default();
        for i in 0..200 {
            let code = format!("Answer {i}:\n```rust\nfn f() {{ let long_name = {i}; }}\n```\n- a bullet that wraps round the width");
            t.push(Entry::new(Kind::Assistant, code));
        }
        let laid_out = |t: &Transcript| -> Vec<usize> {
            (0..t.entries.len())
                .filter(|&i| t.entries[i].laid_out.is_some())
                .collect()
        };
        t.visible(24, 10, &theme);
        assert_eq!(laid_out(&t), vec![198, 199], "the two in view");
        // The measured heights add up to the real ones: laid out in full,
        // every message comes to the same total.
        let measured = t.height;
        t.scroll_to_top(10);
        let top = plain(&t.visible(24, 10, &theme));
        assert_eq!(top[1], "Answer 0:");
        assert_eq!(laid_out(&t), vec![0, 1, 198, 199]);
        for entry in &mut t.entries {
            entry.measured = None;
            entry.lines(24, false, &theme);
        }
        t.visible(24, 10, &theme);
        assert_eq!(t.height, measured);
    }

    #[test]
    fn reasoning_folds_until_details_are_asked_for() {
        let theme = Theme::named("dark");
        let mut t = Transcript::default();
        let mut answer = Entry::new(Kind::Assistant, "Paris.");
        answer.reasoning = "The capital\nof France".into();
        answer.figures = Some(Figures {
            completion_tokens: Some(3),
            tokens_per_second: Some(42.0),
            ..Figures::default()
        });
        t.push(answer);
        let folded = plain(&t.visible(60, 10, &theme)).join("\n");
        assert!(folded.contains("▸ reasoning (2 lines"), "{folded}");
        assert!(folded.contains("3 tokens · 42.0 tok/s"), "{folded}");
        t.details = true;
        let open = plain(&t.visible(60, 10, &theme)).join("\n");
        assert!(open.contains("of France"), "{open}");
    }

    #[test]
    fn one_message_opens_by_its_row_or_as_the_lowest_in_view() {
        let theme = Theme::named("dark");
        let mut t = Transcript::default();
        for answer in ["Rome.", "Paris."] {
            let mut entry = Entry::new(Kind::Assistant, answer);
            entry.reasoning = format!("thinking about {answer}");
            t.push(entry);
            t.push(Entry::new(Kind::User, "and then?"));
        }
        let shown = plain(&t.visible(60, 20, &theme));
        let folded = |shown: &[String]| shown.iter().filter(|l| l.starts_with("▸")).count();
        assert_eq!(folded(&shown), 2, "{shown:?}");
        // `o`: the lower answer (Paris) opens; the upper stays folded.
        assert!(t.toggle_lowest());
        let shown = plain(&t.visible(60, 20, &theme));
        assert_eq!(folded(&shown), 1, "{shown:?}");
        assert!(
            shown.iter().any(|l| l == "thinking about Paris."),
            "{shown:?}"
        );
        // A click on the upper one's fold opens it; a click on a question
        // does nothing.
        let rome = shown.iter().position(|l| l.starts_with("▸")).unwrap();
        assert!(t.toggle_at(rome));
        let question = shown.iter().position(|l| l == "and then?").unwrap();
        assert!(!t.toggle_at(question));
        let shown = plain(&t.visible(60, 20, &theme));
        assert_eq!(folded(&shown), 0, "{shown:?}");
        assert!(
            shown.iter().any(|l| l == "thinking about Rome."),
            "{shown:?}"
        );
        // A click past the end is nothing.
        assert!(!t.toggle_at(99));
    }
}
