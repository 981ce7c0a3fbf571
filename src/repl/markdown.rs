//! Markdown on the terminal while it streams. Text is shown as it arrives;
//! when a line is complete it is redrawn styled: headings, emphasis, inline
//! code, links, lists, block quotes, rules, tables (aligned once the table
//! ends) and fenced code with syntax highlighting. Without styling (a pipe,
//! colour off) the text passes through untouched.

use std::io::{self, Write};
use std::sync::OnceLock;

use syntect::easy::HighlightLines;
use syntect::highlighting::{Theme, ThemeSet};
use syntect::parsing::SyntaxSet;
use syntect::util::as_24_bit_terminal_escaped;
use unicode_width::UnicodeWidthStr;

const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const ITALIC: &str = "\x1b[3m";
const UNDERLINE: &str = "\x1b[4m";
const CODE: &str = "\x1b[36m";
const HEADING: &str = "\x1b[1;35m";
const RESET: &str = "\x1b[0m";

/// The background code is coloured for: the line chat assumes a dark one;
/// the workspace follows `tui.theme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Background {
    Dark,
    Light,
}

struct Highlighting {
    syntaxes: SyntaxSet,
    dark: Theme,
    light: Theme,
}

fn highlighting() -> &'static Highlighting {
    static ASSETS: OnceLock<Highlighting> = OnceLock::new();
    ASSETS.get_or_init(|| {
        let themes = ThemeSet::load_defaults();
        let theme = |name: &str| themes.themes.get(name).cloned().unwrap_or_default();
        Highlighting {
            syntaxes: SyntaxSet::load_defaults_newlines(),
            dark: theme("base16-ocean.dark"),
            light: theme("base16-ocean.light"),
        }
    })
}

/// The syntaxes code is highlighted with.
pub fn syntaxes() -> &'static SyntaxSet {
    &highlighting().syntaxes
}

/// A highlighter for a fence's language (plain text when it is not known),
/// in colours for `background`.
pub fn highlighter(language: &str, background: Background) -> HighlightLines<'static> {
    let assets = highlighting();
    let syntax = assets
        .syntaxes
        .find_syntax_by_token(language)
        .unwrap_or_else(|| assets.syntaxes.find_syntax_plain_text());
    let theme = match background {
        Background::Dark => &assets.dark,
        Background::Light => &assets.light,
    };
    HighlightLines::new(syntax, theme)
}

pub struct MarkdownStream<W: Write> {
    out: W,
    styled: bool,
    width: usize,
    line: String,
    /// Display columns of the unfinished line already shown raw.
    shown: usize,
    code: Option<HighlightLines<'static>>,
    /// Table rows shown raw until the table ends, with the rows they took.
    table: Vec<String>,
    table_rows: usize,
}

impl<W: Write> MarkdownStream<W> {
    pub fn new(out: W, styled: bool, width: usize) -> Self {
        Self {
            out,
            styled,
            width: width.max(20),
            line: String::new(),
            shown: 0,
            code: None,
            table: Vec::new(),
            table_rows: 0,
        }
    }

    pub fn push(&mut self, text: &str) -> io::Result<()> {
        if !self.styled {
            self.out.write_all(text.as_bytes())?;
            return self.out.flush();
        }
        for piece in text.split_inclusive('\n') {
            let (body, complete) = match piece.strip_suffix('\n') {
                Some(body) => (body, true),
                None => (piece, false),
            };
            self.line.push_str(body);
            self.out.write_all(body.as_bytes())?;
            self.shown += body.width();
            if complete {
                self.complete_line()?;
            }
        }
        self.out.flush()
    }

    /// Ends the answer: the last line and any pending table are styled.
    pub fn finish(&mut self) -> io::Result<()> {
        if self.styled && !self.line.is_empty() {
            self.complete_line()?;
        }
        if self.styled && !self.table.is_empty() {
            self.flush_table()?;
        }
        self.out.flush()
    }

    /// Rows the terminal used for `columns` of text.
    fn rows(&self, columns: usize) -> usize {
        columns.max(1).div_ceil(self.width)
    }

    /// Moves the cursor back over `rows` rows and clears from there.
    fn erase(&mut self, rows: usize) -> io::Result<()> {
        self.out.write_all(b"\r")?;
        if rows > 1 {
            write!(self.out, "\x1b[{}A", rows - 1)?;
        }
        self.out.write_all(b"\x1b[J")
    }

    fn complete_line(&mut self) -> io::Result<()> {
        let line = std::mem::take(&mut self.line);
        let shown = std::mem::take(&mut self.shown);
        let is_table = self.code.is_none() && line.trim_start().starts_with('|');
        if is_table {
            // Stays raw until the table ends and the columns are known.
            self.out.write_all(b"\n")?;
            self.table_rows += self.rows(shown);
            self.table.push(line);
            return Ok(());
        }
        if !self.table.is_empty() {
            let rows = self.rows(shown) + self.table_rows;
            self.erase(rows)?;
            self.flush_table()?;
        } else {
            self.erase(self.rows(shown))?;
        }
        let styled = self.style_line(&line);
        self.out.write_all(styled.as_bytes())?;
        self.out.write_all(b"\n")
    }

    fn flush_table(&mut self) -> io::Result<()> {
        let rows = std::mem::take(&mut self.table);
        self.table_rows = 0;
        self.out.write_all(table(&rows).as_bytes())
    }

    fn style_line(&mut self, line: &str) -> String {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") {
            self.code = match self.code.take() {
                Some(_) => None,
                None => Some(highlighter(
                    trimmed.trim_start_matches('`').trim(),
                    Background::Dark,
                )),
            };
            return format!("{DIM}{line}{RESET}");
        }
        if let Some(highlighter) = self.code.as_mut() {
            return match highlighter.highlight_line(&format!("{line}\n"), syntaxes()) {
                Ok(ranges) => {
                    let text = as_24_bit_terminal_escaped(&ranges, false);
                    format!("{}{RESET}", text.trim_end_matches('\n'))
                }
                Err(_) => line.to_string(),
            };
        }
        block(line)
    }
}

/// A line outside code: block-level markers, then inline styles.
fn block(line: &str) -> String {
    let trimmed = line.trim_start();
    let indent = &line[..line.len() - trimmed.len()];
    let hashes = trimmed.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with(' ') {
        let underline = if hashes == 1 { UNDERLINE } else { "" };
        return format!("{HEADING}{underline}{}{RESET}", trimmed[hashes..].trim());
    }
    if let Some(rest) = trimmed.strip_prefix('>') {
        return format!("{indent}{DIM}│{RESET} {}", inline(rest.trim_start()));
    }
    if matches!(trimmed, "---" | "***" | "___") {
        return format!("{DIM}{}{RESET}", "─".repeat(40));
    }
    for bullet in ["- ", "* ", "+ "] {
        if let Some(rest) = trimmed.strip_prefix(bullet) {
            return format!("{indent}• {}", inline(rest));
        }
    }
    format!("{indent}{}", inline(trimmed))
}

/// `**bold**`, `*italic*`, `_italic_`, `` `code` `` and `[text](url)`.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let styled = match c {
            '`' => span(rest, "`", CODE),
            '*' if rest.starts_with("**") => span(rest, "**", BOLD),
            '_' if rest.starts_with("__") => span(rest, "__", BOLD),
            '*' => span(rest, "*", ITALIC),
            '_' if out.chars().last().is_none_or(|p| !p.is_alphanumeric()) => {
                span(rest, "_", ITALIC)
            }
            '[' => link(rest),
            _ => None,
        };
        match styled {
            Some((rendered, used)) => {
                out.push_str(&rendered);
                rest = &rest[used..];
            }
            None => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

/// `mark…mark` at the start of `text`: the styled span and bytes used.
fn span(text: &str, mark: &str, style: &str) -> Option<(String, usize)> {
    let body = &text[mark.len()..];
    let end = body.find(mark)?;
    let inner = &body[..end];
    if inner.is_empty() || inner.starts_with(' ') || inner.ends_with(' ') {
        return None;
    }
    let inner = if style == CODE {
        inner.to_string()
    } else {
        inline(inner)
    };
    Some((format!("{style}{inner}{RESET}"), mark.len() * 2 + end))
}

fn link(text: &str) -> Option<(String, usize)> {
    let close = text.find("](")?;
    let end = text[close..].find(')')? + close;
    let label = &text[1..close];
    let url = &text[close + 2..end];
    Some((
        format!("{UNDERLINE}{}{RESET} {DIM}({url}){RESET}", inline(label)),
        end + 1,
    ))
}

/// Table rows with aligned columns; the `---` separator becomes a rule.
fn table(rows: &[String]) -> String {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            row.trim()
                .trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect();
    let is_rule = |row: &[String]| {
        row.iter()
            .all(|c| !c.is_empty() && c.chars().all(|ch| "-: ".contains(ch)))
    };
    let columns = cells.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0; columns];
    for row in cells.iter().filter(|r| !is_rule(r)) {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(cell.width());
        }
    }
    let mut out = String::new();
    for (n, row) in cells.iter().enumerate() {
        if is_rule(row) {
            let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
            out.push_str(&format!("{DIM}{}{RESET}\n", rule.join("─┼─")));
            continue;
        }
        let padded: Vec<String> = (0..columns)
            .map(|i| {
                let cell = row.get(i).map_or("", String::as_str);
                let pad = widths[i].saturating_sub(cell.width());
                format!("{}{}", inline(cell), " ".repeat(pad))
            })
            .collect();
        let line = padded.join(&format!(" {DIM}│{RESET} "));
        if n == 0 {
            out.push_str(&format!("{BOLD}{line}{RESET}\n"));
        } else {
            out.push_str(&format!("{line}\n"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(chunks: &[&str], styled: bool) -> String {
        let mut stream = MarkdownStream::new(Vec::new(), styled, 80);
        for chunk in chunks {
            stream.push(chunk).unwrap();
        }
        stream.finish().unwrap();
        String::from_utf8(stream.out).unwrap()
    }

    #[test]
    fn unstyled_output_is_the_text_itself() {
        let text = "# Title\n**bold** and `code`\n";
        assert_eq!(
            render(&["# Ti", "tle\n**bold** and", " `code`\n"], false),
            text
        );
    }

    #[test]
    fn complete_lines_are_redrawn_styled() {
        let out = render(&["# Ti", "tle\n", "some **bold** text"], true);
        assert!(
            out.contains(&format!("\r\x1b[J{HEADING}{UNDERLINE}Title{RESET}\n")),
            "{out:?}"
        );
        assert!(
            out.contains(&format!("some {BOLD}bold{RESET} text")),
            "{out:?}"
        );
    }

    #[test]
    fn inline_styles() {
        assert_eq!(inline("a `x*y` b"), format!("a {CODE}x*y{RESET} b"));
        assert_eq!(inline("snake_case_name"), "snake_case_name");
        assert_eq!(inline("2 * 3 * 4"), "2 * 3 * 4");
        assert!(inline("see [docs](http://x)").contains("(http://x)"));
        assert_eq!(block("- item"), "• item");
    }

    #[test]
    fn code_blocks_are_highlighted() {
        let out = render(&["```rust\nfn main() {}\n```\n"], true);
        assert!(
            out.contains("\x1b[38;2;"),
            "24-bit colour inside the block: {out:?}"
        );
        assert!(out.contains("main"));
    }

    #[test]
    fn tables_are_aligned_when_they_end() {
        let out = render(
            &[
                "| a | long header |\n|---|---|\n| wide cell | b |\n",
                "after\n",
            ],
            true,
        );
        let plain: String = strip(&out);
        assert!(plain.contains("a         │ long header"), "{plain}");
        assert!(plain.contains("wide cell │ b"), "{plain}");
    }

    fn strip(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                for d in chars.by_ref() {
                    if d.is_ascii_alphabetic() {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }
}
