//! Drawing the workspace: on a wide terminal sessions and models on the
//! left, the chat in the middle, metrics and the log on the right; on a
//! narrow one a row of tabs and the focused pane. A status line at the
//! bottom, overlays on top.

use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Clear, Gauge, List, ListItem, ListState, Paragraph, Sparkline, Tabs,
};
use ratatui::Frame;

use super::app::{palette_rows, App, Overlay, Pane, PANES};
use super::markdown;
use super::watch::Watched;
use crate::human::human_bytes;
use crate::keymap::{Action, BINDINGS};

/// Narrower than this, or lower, one pane is shown at a time.
const WIDE: u16 = 100;
const TALL: u16 = 24;

/// What the panes show beside the app's own state.
pub struct Context<'a> {
    pub watched: &'a Watched,
    pub log_title: &'a str,
    pub pull: Option<super::lists::PullState>,
}

pub fn draw(frame: &mut Frame, app: &mut App, cx: &Context) {
    let area = frame.area();
    let [body, status] = split_v(area, [Constraint::Min(3), Constraint::Length(1)]);
    app.areas.clear();
    if area.width >= WIDE && area.height >= TALL {
        wide(frame, app, cx, body);
    } else {
        narrow(frame, app, cx, body);
    }
    status_line(frame, app, status);
    if app.overlay.is_some() {
        overlay(frame, app, area);
    }
}

fn split_v<const N: usize>(area: Rect, constraints: [Constraint; N]) -> [Rect; N] {
    Layout::default()
        .direction(Direction::Vertical)
        .constraints(constraints)
        .areas(area)
}

fn split_h<const N: usize>(area: Rect, constraints: [Constraint; N]) -> [Rect; N] {
    Layout::default()
        .direction(Direction::Horizontal)
        .constraints(constraints)
        .areas(area)
}

fn wide(frame: &mut Frame, app: &mut App, cx: &Context, area: Rect) {
    let [left, middle, right] = split_h(
        area,
        [
            Constraint::Percentage(24),
            Constraint::Percentage(50),
            Constraint::Percentage(26),
        ],
    );
    let [sessions, models] = split_v(
        left,
        [Constraint::Percentage(55), Constraint::Percentage(45)],
    );
    let [metrics, log] = split_v(right, [Constraint::Length(17), Constraint::Min(3)]);
    pane(frame, app, cx, Pane::Sessions, sessions);
    pane(frame, app, cx, Pane::Models, models);
    pane(frame, app, cx, Pane::Chat, middle);
    pane(frame, app, cx, Pane::Metrics, metrics);
    pane(frame, app, cx, Pane::Log, log);
}

fn narrow(frame: &mut Frame, app: &mut App, cx: &Context, area: Rect) {
    let [tabs, body] = split_v(area, [Constraint::Length(1), Constraint::Min(2)]);
    let titles: Vec<Line> = PANES
        .iter()
        .enumerate()
        .map(|(i, p)| Line::from(format!("{} {}", i + 1, p.title())))
        .collect();
    let selected = PANES.iter().position(|p| *p == app.focus).unwrap_or(0);
    frame.render_widget(
        Tabs::new(titles)
            .select(selected)
            .style(app.theme.dim)
            .highlight_style(app.theme.focused.add_modifier(Modifier::REVERSED))
            .divider("│"),
        tabs,
    );
    pane(frame, app, cx, app.focus, body);
}

fn block<'a>(app: &App, pane: Pane, title: String) -> Block<'a> {
    let focused = app.focus == pane;
    Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(
            format!(" {title} "),
            if focused {
                app.theme.focused
            } else {
                app.theme.text
            },
        ))
        .border_style(if focused {
            app.theme.focused
        } else {
            app.theme.border
        })
}

fn pane(frame: &mut Frame, app: &mut App, cx: &Context, pane: Pane, area: Rect) {
    app.areas.push((pane, area));
    match pane {
        Pane::Chat => chat(frame, app, area),
        Pane::Sessions => sessions(frame, app, area),
        Pane::Models => models(frame, app, cx, area),
        Pane::Metrics => metrics(frame, app, cx, area),
        Pane::Log => log(frame, app, cx, area),
    }
}

fn chat(frame: &mut Frame, app: &mut App, area: Rect) {
    let title = match (&app.busy, app.browsing) {
        (Some(start), _) => format!(
            "Chat · {} · answering {} {:.1} s",
            app.model,
            spinner(start.elapsed().as_millis()),
            start.elapsed().as_secs_f64()
        ),
        (None, true) => format!("Chat · {} · j/k scroll · o folds · i types", app.model),
        (None, false) => format!("Chat · {}", app.model),
    };
    let outer = block(app, Pane::Chat, title);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let input_rows = (app.input.text.lines().count().max(1) as u16 + 2)
        .min(inner.height / 2)
        .max(3);
    let [log, input] = split_v(inner, [Constraint::Min(1), Constraint::Length(input_rows)]);
    app.chat_rows = log.height as usize;
    app.transcript_area = log;
    let lines = app
        .transcript
        .visible(log.width as usize, log.height as usize, &app.theme);
    if lines.is_empty() {
        let hint = "Ask anything: type and press Enter (alt-enter for a new line).";
        frame.render_widget(Paragraph::new(Line::styled(hint, app.theme.dim)), log);
    } else {
        frame.render_widget(Paragraph::new(lines), log);
    }
    if app.transcript.scroll > 0 {
        let more = format!(" ↓ {} more lines (G or End) ", app.transcript.scroll);
        let width = (more.chars().count() as u16).min(log.width);
        let corner = Rect::new(log.right() - width, log.bottom() - 1, width, 1);
        frame.render_widget(
            Paragraph::new(Span::styled(more, app.theme.focused)),
            corner,
        );
    }
    let typing = app.focus == Pane::Chat && !app.browsing && app.overlay.is_none();
    let input_block = Block::default()
        .borders(Borders::TOP)
        .border_style(app.theme.border)
        .title(Span::styled(" › ", app.theme.dim));
    let text_area = input_block.inner(input);
    frame.render_widget(input_block, input);
    let wrapped: Vec<Line> = app
        .input
        .text
        .split('\n')
        .flat_map(|l| {
            markdown::wrap(
                vec![Span::raw(l.to_string())],
                text_area.width.max(8) as usize,
                0,
            )
        })
        .collect();
    let skip = wrapped.len().saturating_sub(text_area.height as usize);
    frame.render_widget(Paragraph::new(wrapped[skip..].to_vec()), text_area);
    if typing {
        let (x, y) = cursor_at(
            &app.input.text,
            app.input.cursor,
            text_area.width.max(8) as usize,
        );
        let y = y.saturating_sub(skip);
        frame.set_cursor_position((
            text_area.x + (x as u16).min(text_area.width.saturating_sub(1)),
            text_area.y + (y as u16).min(text_area.height.saturating_sub(1)),
        ));
    }
}

/// Column and row of the cursor in the wrapped input (approximate for
/// wrapped lines: they break at the width).
fn cursor_at(text: &str, cursor: usize, width: usize) -> (usize, usize) {
    let before: String = text.chars().take(cursor).collect();
    let mut row = 0;
    let mut column = 0;
    for (i, line) in before.split('\n').enumerate() {
        if i > 0 {
            row += 1;
        }
        let w = markdown::display_width(line);
        row += w / width;
        column = w % width;
    }
    (column, row)
}

fn spinner(millis: u128) -> char {
    const FRAMES: [char; 8] = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧'];
    FRAMES[(millis / 100 % 8) as usize]
}

#[allow(clippy::too_many_arguments)] // one list's parts, drawn together
fn list_pane(
    frame: &mut Frame,
    app: &App,
    pane: Pane,
    area: Rect,
    title: String,
    rows: Vec<(String, String)>,
    selected: usize,
    filter: (&str, bool),
) {
    let outer = block(app, pane, title);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let [filter_row, list] = split_v(inner, [Constraint::Length(1), Constraint::Min(1)]);
    let (text, typing) = filter;
    let shown = if typing {
        Line::from(vec![
            Span::styled("/", app.theme.focused),
            Span::raw(text.to_string()),
            Span::styled("▏", app.theme.focused),
        ])
    } else if text.is_empty() {
        Line::styled("/ to search", app.theme.dim)
    } else {
        Line::from(vec![
            Span::styled("/", app.theme.dim),
            Span::raw(text.to_string()),
            Span::styled("  (esc clears)", app.theme.dim),
        ])
    };
    frame.render_widget(Paragraph::new(shown), filter_row);
    let width = list.width as usize;
    let items: Vec<ListItem> = rows
        .into_iter()
        .map(|(name, detail)| {
            ListItem::new(vec![
                Line::from(Span::styled(
                    clip(&name, width),
                    app.theme.text.add_modifier(Modifier::BOLD),
                )),
                Line::from(Span::styled(clip(&detail, width), app.theme.dim)),
            ])
        })
        .collect();
    let empty = items.is_empty();
    let mut state = ListState::default().with_selected((!empty).then_some(selected));
    frame.render_stateful_widget(
        List::new(items).highlight_style(app.theme.selected),
        list,
        &mut state,
    );
}

fn clip(text: &str, width: usize) -> String {
    if markdown::display_width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if markdown::display_width(&out) + 2 > width {
            break;
        }
        out.push(c);
    }
    out + "…"
}

fn sessions(frame: &mut Frame, app: &App, area: Rect) {
    let s = &app.sessions;
    let rows = s
        .rows
        .iter()
        .map(|r| {
            let open = if Some(&r.id) == app.session.as_ref() {
                "● "
            } else {
                ""
            };
            (format!("{open}{}", r.title), r.detail.clone())
        })
        .collect();
    let title = format!("Sessions ({})", s.rows.len());
    list_pane(
        frame,
        app,
        Pane::Sessions,
        area,
        title,
        rows,
        s.selected,
        (&s.filter, s.filtering),
    );
}

fn models(frame: &mut Frame, app: &App, cx: &Context, area: Rect) {
    let loaded: Vec<&str> = cx
        .watched
        .health
        .as_ref()
        .map(|h| h.models.iter().map(|m| m.name.as_str()).collect())
        .unwrap_or_default();
    let m = &app.models;
    let rows = m
        .rows
        .iter()
        .map(|r| {
            let served = crate::models::served_name(&r.path);
            let state = if served == app.model || r.name == app.model {
                "● "
            } else if loaded.contains(&served.as_str()) {
                "○ "
            } else {
                ""
            };
            (format!("{state}{}", r.name), r.detail.clone())
        })
        .collect();
    let title = "Models (● answering, ○ loaded)".to_string();
    match &cx.pull {
        Some(pull) => {
            let [list, bar] = split_v(area, [Constraint::Min(4), Constraint::Length(3)]);
            list_pane(
                frame,
                app,
                Pane::Models,
                list,
                title,
                rows,
                m.selected,
                (&m.filter, m.filtering),
            );
            let (ratio, label) = match &pull.finished {
                Some(said) => (1.0, said.clone()),
                None if pull.total > 0 => (
                    (pull.done as f64 / pull.total as f64).min(1.0),
                    format!(
                        "{} {} / {}",
                        pull.file,
                        human_bytes(pull.done),
                        human_bytes(pull.total)
                    ),
                ),
                None => (0.0, format!("{}: asking Hugging Face…", pull.what)),
            };
            frame.render_widget(
                Gauge::default()
                    .block(Block::default().borders(Borders::ALL).title(" Pull "))
                    .gauge_style(Style::default().fg(app.theme.accent))
                    .ratio(ratio)
                    .label(clip(&label, bar.width.saturating_sub(2) as usize)),
                bar,
            );
        }
        None => list_pane(
            frame,
            app,
            Pane::Models,
            area,
            title,
            rows,
            m.selected,
            (&m.filter, m.filtering),
        ),
    }
}

fn metrics(frame: &mut Frame, app: &App, cx: &Context, area: Rect) {
    let outer = block(app, Pane::Metrics, "Metrics".into());
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let [rate_label, rate, ttft_label, ttft, context_label, context, rest] = split_v(
        inner,
        [
            Constraint::Length(1),
            Constraint::Length(2),
            Constraint::Length(1),
            Constraint::Length(2),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(0),
        ],
    );
    let recent: Vec<_> = app
        .answers
        .iter()
        .rev()
        .take(inner.width as usize)
        .rev()
        .collect();
    let rates: Vec<u64> = recent
        .iter()
        .map(|f| f.tokens_per_second.unwrap_or(0.0).round() as u64)
        .collect();
    let ttfts: Vec<u64> = recent
        .iter()
        .map(|f| f.ttft_ms.unwrap_or(0.0).round() as u64)
        .collect();
    let last = |v: &[u64], unit: &str| {
        v.last()
            .map_or("no answer yet".into(), |x| format!("{x} {unit} (last)"))
    };
    let label = |text: String| Paragraph::new(Line::styled(text, app.theme.dim));
    frame.render_widget(
        label(format!("tok/s · {}", last(&rates, "tok/s"))),
        rate_label,
    );
    frame.render_widget(
        Sparkline::default()
            .data(&rates)
            .style(Style::default().fg(app.theme.accent)),
        rate,
    );
    frame.render_widget(label(format!("TTFT · {}", last(&ttfts, "ms"))), ttft_label);
    frame.render_widget(
        Sparkline::default()
            .data(&ttfts)
            .style(Style::default().fg(app.theme.accent)),
        ttft,
    );
    let (ratio, text) = match app.context {
        Some((used, size)) if size > 0 => (
            (used as f64 / size as f64).min(1.0),
            format!("{used} / {size} tokens"),
        ),
        Some((used, _)) => (0.0, format!("{used} tokens")),
        None => (0.0, "no answer yet".into()),
    };
    frame.render_widget(label("context".into()), context_label);
    frame.render_widget(
        Gauge::default()
            .gauge_style(Style::default().fg(app.theme.accent))
            .ratio(ratio)
            .label(text),
        context,
    );
    let mut lines = Vec::new();
    match &cx.watched.health {
        Some(h) => {
            lines.push(format!(
                "slots {}/{} busy · queue {}",
                h.slots_busy, h.slots, h.queued
            ));
            lines.push(format!("{} requests served", h.requests_served));
            if let Some(bytes) = h.memory_bytes {
                lines.push(format!("server memory {}", human_bytes(bytes)));
            }
        }
        None if app.source.starts_with("http") => {
            lines.push("server: not answering /health".into())
        }
        None => lines.push("answering in this process".into()),
    }
    if let Some(bytes) = cx.watched.own_memory {
        lines.push(format!("this process {}", human_bytes(bytes)));
    }
    let (fps, slowest) = app.frames.per_second();
    lines.push(format!(
        "render {fps} fps · slowest {:.1} ms",
        slowest.as_secs_f64() * 1000.0
    ));
    let text: Vec<Line> = lines.into_iter().map(Line::from).collect();
    frame.render_widget(Paragraph::new(text), rest);
}

fn log(frame: &mut Frame, app: &mut App, cx: &Context, area: Rect) {
    let outer = block(app, Pane::Log, cx.log_title.to_string());
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let rows = inner.height as usize;
    let width = inner.width as usize;
    let all = &cx.watched.log;
    app.log_scroll = app.log_scroll.min(all.len().saturating_sub(rows));
    let end = all.len() - app.log_scroll;
    let mut lines: Vec<Line> = Vec::new();
    for line in all.range(..end).rev() {
        let wrapped = markdown::wrap(
            vec![Span::styled(line.clone(), log_style(app, line))],
            width.max(8),
            2,
        );
        for l in wrapped.into_iter().rev() {
            lines.push(l);
        }
        if lines.len() >= rows {
            break;
        }
    }
    lines.truncate(rows);
    lines.reverse();
    if lines.is_empty() {
        lines.push(Line::styled("(nothing logged yet)", app.theme.dim));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn log_style(app: &App, line: &str) -> Style {
    if line.contains("ERROR") || line.contains("WARN") {
        app.theme.error
    } else if line.contains("request") || line.contains("POST") || line.contains("GET") {
        app.theme.text
    } else {
        app.theme.dim
    }
}

fn status_line(frame: &mut Frame, app: &App, area: Rect) {
    let session = app.session.as_deref().unwrap_or("new session");
    let keys = format!(
        "{} palette · {} panes · {} keys · {} quit",
        app.keymap.label(Action::Palette),
        app.keymap.label(Action::NextPane),
        app.keymap.label(Action::Help),
        app.keymap.label(Action::Quit)
    );
    let mut spans = vec![
        Span::styled(format!(" {} ", app.model), app.theme.assistant),
        Span::styled(format!(" {} · {session} ", app.source), app.theme.dim),
    ];
    if !app.status.is_empty() {
        let style = if app.status.starts_with("error") {
            app.theme.error
        } else {
            app.theme.text
        };
        spans.push(Span::styled(format!("· {} ", app.status), style));
    }
    let used: usize = spans
        .iter()
        .map(|s| markdown::display_width(&s.content))
        .sum();
    let room = (area.width as usize).saturating_sub(used);
    if room > keys.chars().count() + 1 {
        spans.push(Span::raw(" ".repeat(room - keys.chars().count())));
        spans.push(Span::styled(keys, app.theme.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

fn overlay(frame: &mut Frame, app: &App, area: Rect) {
    let Some(overlay) = &app.overlay else {
        return;
    };
    let boxed = |title: &str| {
        Block::default()
            .borders(Borders::ALL)
            .border_style(app.theme.focused)
            .title(format!(" {title} "))
    };
    match overlay {
        Overlay::Palette { filter, selected } => {
            let rect = centered(area, 72, 22);
            frame.render_widget(Clear, rect);
            let outer = boxed("Command palette");
            let inner = outer.inner(rect);
            frame.render_widget(outer, rect);
            let [typed, list] = split_v(inner, [Constraint::Length(1), Constraint::Min(1)]);
            frame.render_widget(Paragraph::new(format!("› {filter}▏")), typed);
            let items: Vec<ListItem> = palette_rows(filter)
                .into_iter()
                .map(|b| {
                    ListItem::new(Line::from(vec![
                        Span::styled(
                            format!("{:<14}", b.name),
                            app.theme.text.add_modifier(Modifier::BOLD),
                        ),
                        Span::styled(
                            format!("{:<10}", app.keymap.label(b.action)),
                            app.theme.code,
                        ),
                        Span::styled(b.help, app.theme.dim),
                    ]))
                })
                .collect();
            let mut state = ListState::default().with_selected(Some(*selected));
            frame.render_stateful_widget(
                List::new(items).highlight_style(app.theme.selected),
                list,
                &mut state,
            );
        }
        Overlay::Help => {
            let rect = centered(area, 86, 34);
            frame.render_widget(Clear, rect);
            let mut lines: Vec<Line> = BINDINGS
                .iter()
                .map(|b| {
                    Line::from(vec![
                        Span::styled(
                            format!("{:>10}  ", app.keymap.label(b.action)),
                            app.theme.code,
                        ),
                        Span::raw(b.help),
                    ])
                })
                .collect();
            lines.push(Line::default());
            for (keys, what) in [
                ("enter", "send (chat), open (sessions), use (models)"),
                ("alt-enter", "a new line in the message"),
                (
                    "esc / i",
                    "from the chat's input to its transcript and back",
                ),
                (
                    "j k g G",
                    "move in lists and the transcript; ctrl-d/u half a page",
                ),
                (
                    "o",
                    "open or fold the lowest reasoning or tool result in view",
                ),
                ("/", "search sessions (every message) or filter models"),
                ("r  d  p", "rename, delete a session; pull a model"),
                ("?  q", "this keymap; quit (outside a text field)"),
                (
                    "mouse",
                    "wheel scrolls the pane under it; a click focuses it or opens a fold",
                ),
            ] {
                lines.push(Line::from(vec![
                    Span::styled(format!("{keys:>10}  "), app.theme.code),
                    Span::raw(what),
                ]));
            }
            lines.push(Line::styled(
                "  [tui.keys] in the config rebinds them; any key closes this.",
                app.theme.dim,
            ));
            frame.render_widget(Paragraph::new(lines).block(boxed("Keys")), rect);
        }
        Overlay::Approve(question) => {
            let rect = centered(area, 80, 14);
            frame.render_widget(Clear, rect);
            let mut lines: Vec<Line> = question
                .lines()
                .map(|l| Line::from(l.to_string()))
                .collect();
            lines.push(Line::default());
            lines.push(Line::styled(
                "Run it? [y]es, [n]o, [a]lways for this tool (ctrl-c stops the turn)",
                app.theme.focused,
            ));
            frame.render_widget(Paragraph::new(lines).block(boxed("A tool call")), rect);
        }
        Overlay::Confirm { question, .. } => {
            let rect = centered(area, 70, 5);
            frame.render_widget(Clear, rect);
            frame.render_widget(
                Paragraph::new(question.as_str()).block(boxed("Sure?")),
                rect,
            );
        }
        Overlay::Ask { title, input, .. } => {
            let rect = centered(area, 70, 3);
            frame.render_widget(Clear, rect);
            frame.render_widget(
                Paragraph::new(format!("{}▏", input.text)).block(boxed(title)),
                rect,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::sync::atomic::AtomicBool;
    use std::sync::Arc;

    use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    use ratatui::backend::TestBackend;
    use ratatui::Terminal;

    use super::*;
    use crate::keymap::Keymap;
    use crate::sessions::SessionStore;
    use crate::tui::app::Parts;
    use crate::tui::lists::ModelList;
    use crate::tui::theme::Theme;
    use crate::tui::transcript::{Entry, Kind};

    fn app(store: SessionStore) -> App {
        App::new(Parts {
            keymap: Keymap::new(&BTreeMap::new()),
            theme: Theme::named("dark"),
            store,
            models: ModelList::default(),
            model: "m".into(),
            source: "in this process".into(),
            interrupt: Arc::new(AtomicBool::new(false)),
            commands: std::sync::mpsc::channel().0,
            approvals: std::sync::mpsc::channel().0,
        })
    }

    fn drawn(terminal: &mut Terminal<TestBackend>, app: &mut App) -> Vec<String> {
        let watched = Watched::default();
        let cx = Context {
            watched: &watched,
            log_title: "Log",
            pull: None,
        };
        terminal.draw(|frame| draw(frame, app, &cx)).unwrap();
        let buffer = terminal.backend().buffer();
        (0..buffer.area.height)
            .map(|y| {
                (0..buffer.area.width)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect()
            })
            .collect()
    }

    fn at(kind: MouseEventKind, column: u16, row: u16) -> MouseEvent {
        MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }
    }

    #[test]
    fn the_mouse_focuses_scrolls_and_opens_a_fold_where_it_points() {
        let dir = tempfile::tempdir().unwrap();
        let store = SessionStore::new(dir.path());
        for _ in 0..3 {
            store.create("m", None, serde_json::Value::Null).unwrap();
        }
        let mut app = app(store);
        let mut answer = Entry::new(Kind::Assistant, "Paris.");
        answer.reasoning = "France's capital".into();
        app.transcript
            .push(Entry::new(Kind::User, "Capital of France?"));
        app.transcript.push(answer);
        let mut terminal = Terminal::new(TestBackend::new(160, 50)).unwrap();
        let screen = drawn(&mut terminal, &mut app);
        assert!(!screen.iter().any(|l| l.contains("France's capital")));

        // A click in the sessions pane focuses it; the wheel moves its
        // selection, down and back up.
        let (_, sessions) = app
            .areas
            .iter()
            .find(|(p, _)| *p == Pane::Sessions)
            .copied()
            .unwrap();
        let (x, y) = (sessions.x + 2, sessions.y + 2);
        app.mouse(at(MouseEventKind::Down(MouseButton::Left), x, y));
        assert_eq!(app.focus, Pane::Sessions);
        app.mouse(at(MouseEventKind::ScrollDown, x, y));
        assert_eq!(app.sessions.selected, 2);
        app.mouse(at(MouseEventKind::ScrollUp, x, y));
        assert_eq!(app.sessions.selected, 0);

        // A click on the folded reasoning opens it, and focuses the chat.
        let row = screen
            .iter()
            .position(|l| l.contains("▸ reasoning"))
            .unwrap() as u16;
        let column = app.transcript_area.x + 1;
        app.mouse(at(MouseEventKind::Down(MouseButton::Left), column, row));
        assert_eq!(app.focus, Pane::Chat);
        let screen = drawn(&mut terminal, &mut app);
        assert!(
            screen.iter().any(|l| l.contains("France's capital")),
            "{}",
            screen.join("\n")
        );
    }
}
