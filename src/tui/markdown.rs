//! Markdown as ratatui lines of a given width: headings, lists, quotes,
//! inline code, bold and italic, and fenced code highlighted as the line
//! chat highlights it (syntect). Words wrap at the width; code lines are
//! cut, not reflowed.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use syntect::easy::HighlightLines;
use unicode_width::UnicodeWidthChar;

use super::theme::Theme;
use crate::repl::markdown::{highlighter, syntaxes};

/// How fenced code is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    Highlighted,
    /// In one colour: the same lines as highlighted, far cheaper, so
    /// messages out of view are measured this way.
    Plain,
}

/// `text` as lines no wider than `width`.
pub fn render(text: &str, width: usize, theme: &Theme, code: Code) -> Vec<Line<'static>> {
    let width = width.max(8);
    let mut out = Vec::new();
    // Inside a fence: its highlighter (none when drawn plain).
    let mut fence: Option<Option<HighlightLines<'static>>> = None;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") {
            fence = match fence {
                Some(_) => None,
                None => Some((code == Code::Highlighted).then(|| {
                    highlighter(trimmed.trim_start_matches('`').trim(), theme.background)
                })),
            };
            out.push(Line::styled(line.to_string(), theme.dim));
            continue;
        }
        if let Some(highlight) = fence.as_mut() {
            let spans = match highlight {
                Some(highlight) => code_spans(highlight, line, theme),
                None => vec![Span::styled(line.to_string(), theme.code)],
            };
            out.extend(cut(spans, width));
            continue;
        }
        let (lead, body, style) = block(line, theme);
        let mut spans = vec![Span::styled(lead.clone(), theme.dim)];
        spans.extend(inline(body, style, theme));
        out.extend(wrap(spans, width, lead.chars().count()));
    }
    if out.is_empty() {
        out.push(Line::default());
    }
    out
}

/// A block's lead (bullet, quote bar), its text and the text's style.
fn block<'t>(line: &'t str, theme: &Theme) -> (String, &'t str, Style) {
    let trimmed = line.trim_start();
    let indent = line.len() - trimmed.len();
    if let Some(rest) = trimmed.strip_prefix('#') {
        let body = rest.trim_start_matches('#').trim_start();
        return (String::new(), body, theme.heading);
    }
    for bullet in ["- ", "* ", "+ "] {
        if let Some(body) = trimmed.strip_prefix(bullet) {
            return (format!("{}• ", " ".repeat(indent)), body, theme.text);
        }
    }
    if let Some(body) = trimmed.strip_prefix("> ") {
        return ("│ ".to_string(), body, theme.dim);
    }
    (String::new(), line, theme.text)
}

/// `code`, **bold** and *italic* spans.
fn inline(text: &str, base: Style, theme: &Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while !rest.is_empty() {
        let marked = [
            ("`", theme.code),
            ("**", base.add_modifier(Modifier::BOLD)),
            ("*", base.add_modifier(Modifier::ITALIC)),
        ]
        .into_iter()
        .find_map(|(mark, style)| {
            let inner = rest.strip_prefix(mark)?;
            let end = inner.find(mark).filter(|&e| e > 0)?;
            Some((inner[..end].to_string(), style, mark.len() * 2 + end))
        });
        match marked {
            Some((inner, style, taken)) => {
                if !plain.is_empty() {
                    spans.push(Span::styled(std::mem::take(&mut plain), base));
                }
                spans.push(Span::styled(inner, style));
                rest = &rest[taken..];
            }
            None => {
                let c = rest.chars().next().unwrap_or(' ');
                plain.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    if !plain.is_empty() {
        spans.push(Span::styled(plain, base));
    }
    spans
}

fn code_spans(highlight: &mut HighlightLines, line: &str, theme: &Theme) -> Vec<Span<'static>> {
    let with_newline = format!("{line}\n");
    match highlight.highlight_line(&with_newline, syntaxes()) {
        Ok(ranges) => ranges
            .into_iter()
            .map(|(style, text)| {
                let c = style.foreground;
                Span::styled(
                    text.trim_end_matches('\n').to_string(),
                    Style::default().fg(Color::Rgb(c.r, c.g, c.b)),
                )
            })
            .collect(),
        Err(_) => vec![Span::styled(line.to_string(), theme.code)],
    }
}

/// Lines of at most `width` columns, broken between words where a word
/// fits; continuation lines are indented by `hang` columns.
pub fn wrap(spans: Vec<Span<'static>>, width: usize, hang: usize) -> Vec<Line<'static>> {
    let hang = if hang * 2 >= width { 0 } else { hang };
    let mut lines = Vec::new();
    let mut current: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for (word, style) in words(&spans) {
        let w = display_width(&word);
        let visible = w - trailing_spaces(&word);
        if used + visible > width && used > hang {
            lines.push(Line::from(std::mem::take(&mut current)));
            current.push(Span::raw(" ".repeat(hang)));
            used = hang;
        }
        if visible > width.saturating_sub(used) {
            // A word longer than a line is cut.
            let mut piece = String::new();
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if used + cw > width {
                    current.push(Span::styled(std::mem::take(&mut piece), style));
                    lines.push(Line::from(std::mem::take(&mut current)));
                    current.push(Span::raw(" ".repeat(hang)));
                    used = hang;
                }
                piece.push(c);
                used += cw;
            }
            current.push(Span::styled(piece, style));
        } else {
            used += w;
            current.push(Span::styled(word, style));
        }
    }
    lines.push(Line::from(current));
    lines
}

/// Code lines cut at the width rather than reflowed.
fn cut(spans: Vec<Span<'static>>, width: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut current = Vec::new();
    let mut used = 0;
    for span in spans {
        let mut piece = String::new();
        for c in span.content.chars() {
            let cw = c.width().unwrap_or(0);
            if used + cw > width {
                current.push(Span::styled(std::mem::take(&mut piece), span.style));
                lines.push(Line::from(std::mem::take(&mut current)));
                used = 0;
            }
            piece.push(c);
            used += cw;
        }
        current.push(Span::styled(piece, span.style));
    }
    lines.push(Line::from(current));
    lines
}

/// Each word with the spaces after it, and its style.
fn words(spans: &[Span<'static>]) -> Vec<(String, Style)> {
    let mut out = Vec::new();
    for span in spans {
        let mut word = String::new();
        for c in span.content.chars() {
            if c != ' ' && word.ends_with(' ') {
                out.push((std::mem::take(&mut word), span.style));
            }
            word.push(c);
        }
        if !word.is_empty() {
            out.push((word, span.style));
        }
    }
    out
}

fn trailing_spaces(word: &str) -> usize {
    word.len() - word.trim_end_matches(' ').len()
}

pub fn display_width(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn words_wrap_within_the_width() {
        let theme = Theme::named("dark");
        let lines = render(
            "the quick brown fox jumps over the lazy dog",
            16,
            &theme,
            Code::Highlighted,
        );
        let shown = text(&lines);
        assert!(
            shown.iter().all(|l| display_width(l.trim_end()) <= 16),
            "{shown:?}"
        );
        assert_eq!(shown.join("").split_whitespace().count(), 9);
    }

    #[test]
    fn bullets_hang_and_inline_marks_are_styled() {
        let theme = Theme::named("dark");
        let lines = render(
            "- a **bold** and `code` item that wraps round",
            20,
            &theme,
            Code::Highlighted,
        );
        let shown = text(&lines);
        assert!(shown[0].starts_with("• a bold and"), "{shown:?}");
        assert!(shown[1].starts_with("  "), "{shown:?}");
        let bold = lines[0].spans.iter().find(|s| s.content == "bold").unwrap();
        assert!(bold.style.add_modifier.contains(Modifier::BOLD));
    }

    #[test]
    fn code_is_highlighted_and_cut_not_reflowed() {
        let theme = Theme::named("dark");
        let source =
            "Some code:\n```rust\nfn main() { let x = 1; }\n// 日本語のコメントです\n```\nDone.";
        let lines = render(source, 12, &theme, Code::Highlighted);
        let shown = text(&lines);
        assert_eq!(shown[1], "```rust");
        assert_eq!(shown[2], "fn main() { ");
        assert!(lines[2]
            .spans
            .iter()
            .any(|s| matches!(s.style.fg, Some(Color::Rgb(..)))));
        // Drawn plain, the same lines in one colour: what measures a
        // message out of view.
        let plain = render(source, 12, &theme, Code::Plain);
        assert_eq!(text(&plain), shown);
        assert!(plain[2].spans.iter().all(|s| s.style == theme.code));
    }

    #[test]
    fn code_is_coloured_for_the_theme_background() {
        // The brightness of a plain name in a code block.
        let brightness = |theme: &str| {
            let theme = Theme::named(theme);
            let lines = render(
                "```rust\nlet total = 1;\n```",
                40,
                &theme,
                Code::Highlighted,
            );
            let span = lines[1].spans.iter().find(|s| s.content.contains("total"));
            match span.and_then(|s| s.style.fg) {
                Some(Color::Rgb(r, g, b)) => {
                    (u32::from(r) * 299 + u32::from(g) * 587 + u32::from(b) * 114) / 1000
                }
                other => panic!("{other:?}: {lines:?}"),
            }
        };
        assert!(brightness("dark") > 160, "light text on a dark background");
        assert!(brightness("light") < 110, "dark text on a light background");
    }

    #[test]
    fn long_words_and_wide_characters_are_cut() {
        let lines = wrap(vec![Span::raw("日本語のテキスト")], 6, 0);
        assert!(text(&lines).iter().all(|l| display_width(l) <= 6));
    }
}
