//! The workspace's colours, dark or light (`tui.theme`).

use ratatui::style::{Color, Modifier, Style};

use crate::repl::markdown::Background;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub text: Style,
    pub dim: Style,
    pub border: Style,
    pub focused: Style,
    pub user: Style,
    pub assistant: Style,
    pub tool: Style,
    pub heading: Style,
    pub code: Style,
    pub selected: Style,
    pub error: Style,
    pub accent: Color,
    /// What code blocks are coloured for.
    pub background: Background,
}

impl Theme {
    pub fn named(name: &str) -> Self {
        if name == "light" {
            Self::light()
        } else {
            Self::dark()
        }
    }

    fn dark() -> Self {
        Theme {
            text: Style::default(),
            dim: Style::default().fg(Color::DarkGray),
            border: Style::default().fg(Color::DarkGray),
            focused: Style::default()
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            user: Style::default()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            assistant: Style::default()
                .fg(Color::Black)
                .bg(Color::Magenta)
                .add_modifier(Modifier::BOLD),
            tool: Style::default().fg(Color::Black).bg(Color::Yellow),
            heading: Style::default()
                .fg(Color::Magenta)
                .add_modifier(Modifier::BOLD),
            code: Style::default().fg(Color::Cyan),
            selected: Style::default().bg(Color::Rgb(40, 60, 80)),
            error: Style::default().fg(Color::Red),
            accent: Color::Cyan,
            background: Background::Dark,
        }
    }

    fn light() -> Self {
        Theme {
            text: Style::default().fg(Color::Black),
            // Bright black: light grey would vanish on a light background.
            dim: Style::default().fg(Color::DarkGray),
            border: Style::default().fg(Color::DarkGray),
            focused: Style::default()
                .fg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            user: Style::default()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            assistant: Style::default()
                .fg(Color::White)
                .bg(Color::Magenta)
                .add_modifier(Modifier::BOLD),
            tool: Style::default().fg(Color::Black).bg(Color::Yellow),
            heading: Style::default()
                .fg(Color::Magenta)
                .add_modifier(Modifier::BOLD),
            code: Style::default().fg(Color::Blue),
            selected: Style::default().bg(Color::Rgb(210, 225, 245)),
            error: Style::default().fg(Color::Red),
            accent: Color::Blue,
            background: Background::Light,
        }
    }
}
