//! `flashchat tui`: the full-screen workspace. The conversation runs on a
//! thread of its own (the same `Conversation` the line chat drives, so the
//! same session files), a watcher follows the server's health and log, a
//! reader takes the terminal's events, and this thread answers keys and
//! draws — at most every 25 ms while an answer streams, at once after a
//! key, and only when something changed otherwise.

mod app;
mod input;
mod lists;
mod markdown;
mod screen;
mod theme;
mod transcript;
mod view;
mod watch;
mod worker;

use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, TryRecvError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyEventKind};

use crate::conversation::Conversation;
use crate::errors::Hinted;
use crate::paths::{Env, Paths};
use crate::sessions::Session;
use crate::settings::Resolved;
use app::{App, Parts};
use lists::{ModelList, PullReporter, PullState};

/// The shortest time between two frames while something moves.
const FRAME: Duration = Duration::from_millis(25);

/// Everything the workspace starts from.
pub struct Workspace<'a> {
    pub conversation: Conversation,
    pub resolved: &'a Resolved,
    pub env: &'a Env,
    pub paths: &'a Paths,
    /// A session to open first.
    pub resume: Option<Session>,
    /// The log the log pane follows.
    pub log: Option<PathBuf>,
    /// Where answers come from, for the status line.
    pub source: String,
}

/// Runs the workspace until it is quit; the terminal is given back on
/// every way out.
pub fn run(workspace: Workspace) -> anyhow::Result<()> {
    let Workspace {
        conversation,
        resolved,
        env,
        paths,
        resume,
        log,
        source,
    } = workspace;
    let settings = &resolved.settings;
    let server = conversation
        .backend()
        .server_client()
        .map(|c| c.base().to_string());
    let catalog = crate::models::on_disk(paths, env, &settings.models_dirs)?;
    let (commands, command_rx) = mpsc::channel();
    let (update_tx, updates) = mpsc::channel();
    let (approvals, approval_rx) = mpsc::channel();
    let mut app = App::new(Parts {
        keymap: crate::keymap::Keymap::new(&settings.tui.keys),
        theme: theme::Theme::named(&settings.tui.theme),
        store: crate::sessions::SessionStore::new(&paths.sessions_dir),
        models: ModelList::new(&catalog),
        model: conversation.backend().model_name().to_string(),
        source,
        interrupt: conversation.interrupt(),
        commands,
        approvals,
    });
    let interrupt = conversation.interrupt();
    let stop_watching = Arc::new(AtomicBool::new(false));
    let (watched, watcher) = watch::start(server, log.clone(), Arc::clone(&stop_watching));
    let panicked = Arc::new(Mutex::new(None::<String>));
    let outcome = std::thread::scope(|scope| {
        let worker = scope.spawn(move || {
            worker::run(
                conversation,
                settings,
                env,
                paths,
                command_rx,
                update_tx,
                approval_rx,
            )
        });
        if let Some(session) = &resume {
            app.open_session(&session.header.id);
        }
        let screen = screen::Screen::take(
            &paths.engine_log().with_file_name("tui.log"),
            settings.tui.mouse,
            Arc::clone(&panicked),
        );
        let outcome = match screen {
            Ok(mut screen) => {
                let looped = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    let sources = Sources {
                        env,
                        paths,
                        models_dirs: &settings.models_dirs,
                        log: log.as_ref(),
                    };
                    event_loop(&mut screen, &mut app, &updates, &watched, &sources)
                }));
                drop(screen);
                looped.unwrap_or_else(|_| Ok(Exit::Panicked))
            }
            Err(e) => Err(e),
        };
        // An answer still streaming stops (and is saved); the worker ends
        // when the app, which holds its channels, is gone.
        interrupt.store(true, Ordering::Relaxed);
        drop(app);
        let joined = worker.join();
        stop_watching.store(true, Ordering::Relaxed);
        let _ = watcher.join();
        match (outcome, joined) {
            (Ok(exit), Ok(())) => Ok(exit),
            (Ok(_), Err(_)) => Ok(Exit::Panicked),
            (Err(e), _) => Err(e),
        }
    });
    match outcome? {
        Exit::Quit => Ok(()),
        Exit::Signal(signal) => Err(crate::errors::Signalled(signal).into()),
        Exit::Panicked => {
            let message = panicked
                .lock()
                .ok()
                .and_then(|m| m.clone())
                .unwrap_or_else(|| "the conversation's thread stopped".into());
            Err(Hinted::new(
                format!("flashchat tui failed: {message}"),
                "this is a bug: please report it with what led to it; the session files are intact",
            )
            .into())
        }
    }
}

enum Exit {
    Quit,
    /// SIGTERM or SIGHUP.
    Signal(i32),
    Panicked,
}

/// Where the loop finds models, pulls and the log.
struct Sources<'a> {
    env: &'a Env,
    paths: &'a Paths,
    models_dirs: &'a [String],
    log: Option<&'a PathBuf>,
}

fn event_loop(
    screen: &mut screen::Screen,
    app: &mut App,
    updates: &mpsc::Receiver<worker::Update>,
    watched: &Mutex<watch::Watched>,
    sources: &Sources,
) -> anyhow::Result<Exit> {
    let Sources {
        env,
        paths,
        models_dirs,
        log,
    } = *sources;
    let log_title = App::log_title(log);
    let mut frame_log = frame_log(env);
    let panic_test = env.get(crate::env_vars::FLASHCHAT_TEST_TUI_PANIC).is_some();
    let started = Instant::now();
    let mut last_draw = started - FRAME;
    let mut dirty = true;
    let mut pulled = false;
    let input = input::Reader::start();
    loop {
        if let Some(signal) = crate::interrupt::terminated() {
            return Ok(Exit::Signal(signal));
        }
        if app.quit {
            return Ok(Exit::Quit);
        }
        loop {
            match updates.try_recv() {
                Ok(update) => {
                    app.update(update);
                    dirty = true;
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => return Ok(Exit::Panicked),
            }
        }
        if let Some(what) = app.models.pull_requested.take() {
            start_pull(app, what, env, paths);
            pulled = false;
        }
        let pull = app.pull().and_then(|p| p.lock().ok().map(|s| s.clone()));
        if let Some(done) = pull.as_ref().and_then(|p| p.finished.as_ref()) {
            if !pulled {
                pulled = true;
                if let Ok(catalog) = crate::models::on_disk(paths, env, models_dirs) {
                    app.models.load(&catalog);
                }
                app.update(worker::Update::Notice(done.clone()));
            }
        }
        let moving = app.busy.is_some() || pull.as_ref().is_some_and(|p| p.finished.is_none());
        let mut watched = watched
            .lock()
            .map_err(|_| anyhow::anyhow!("the watcher failed"))?;
        dirty |= std::mem::take(&mut watched.changed);
        if (dirty || moving) && last_draw.elapsed() >= FRAME {
            let start = Instant::now();
            let cx = view::Context {
                watched: &watched,
                log_title: &log_title,
                pull: pull.clone(),
            };
            screen.terminal.draw(|frame| view::draw(frame, app, &cx))?;
            let took = start.elapsed();
            app.frames.record(start, took);
            if let Some(file) = frame_log.as_mut() {
                let _ = writeln!(
                    file,
                    "{:.1} {:.3} {}",
                    start.duration_since(started).as_secs_f64() * 1000.0,
                    took.as_secs_f64() * 1000.0,
                    u8::from(app.busy.is_some())
                );
            }
            last_draw = start;
            dirty = false;
            if panic_test {
                panic!("{} is set", crate::env_vars::FLASHCHAT_TEST_TUI_PANIC);
            }
        }
        drop(watched);
        let wait = if dirty || moving {
            FRAME.saturating_sub(last_draw.elapsed())
        } else {
            Duration::from_millis(50)
        };
        match input.next(wait) {
            input::Input::Nothing => {}
            input::Input::HungUp => return Ok(Exit::Signal(libc::SIGHUP)),
            input::Input::Failed(why) => anyhow::bail!("the terminal could not be read: {why}"),
            input::Input::Event(first) => {
                // Every event waiting is taken before the next frame.
                let mut next = Some(first);
                while let Some(event) = next {
                    match event {
                        Event::Key(key) if key.kind != KeyEventKind::Release => app.key(key),
                        Event::Mouse(mouse) => app.mouse(mouse),
                        Event::Paste(text) => text.chars().for_each(|c| app.input.insert(c)),
                        _ => {}
                    }
                    next = input.ready();
                }
                // A key is answered at once, not at the next frame.
                last_draw = Instant::now() - FRAME;
                dirty = true;
            }
        }
    }
}

/// `FLASHCHAT_TUI_FRAME_LOG`: one line per frame (ms since start, ms
/// drawing, whether an answer was streaming), for the benchmark.
fn frame_log(env: &Env) -> Option<std::fs::File> {
    let path = env.get(crate::env_vars::FLASHCHAT_TUI_FRAME_LOG)?;
    std::fs::File::create(path).ok()
}

/// Pulls `what` on a thread of its own; the models pane shows how it goes.
fn start_pull(app: &mut App, what: String, env: &Env, paths: &Paths) {
    let state = Arc::new(Mutex::new(PullState {
        what: what.clone(),
        ..PullState::default()
    }));
    app.models.pull = Some(Arc::clone(&state));
    let (env, paths) = (env.clone(), paths.clone());
    std::thread::spawn(move || {
        let reporter = PullReporter(Arc::clone(&state));
        let pulled = crate::models::spec::ModelSpec::parse(&what, &env)
            .map_err(anyhow::Error::from)
            .and_then(|spec| crate::models::pull(&env, &paths, &spec, &reporter));
        let said = match pulled {
            Ok(path) => format!(
                "Pulled {}: Enter on it in the models pane answers with it.",
                crate::models::served_name(&path)
            ),
            Err(e) => format!("error: {}", crate::conversation::one_line(&e)),
        };
        if let Ok(mut s) = state.lock() {
            s.finished = Some(said);
        }
    });
}
