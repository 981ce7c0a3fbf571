//! The layering holds: commands are not used as a library, the layers
//! below them do not take the commands' `Context`, and no two
//! modules (top-level folders and files, and the files of `bench/`) import
//! each other, directly or round a loop. Read from the sources, so a
//! change that breaks it fails here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// A file's code without its unit tests, which may reach anywhere.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// `crate::name` (lower-case names: modules) mentioned in `text`.
fn crate_modules(text: &str) -> BTreeSet<String> {
    text.match_indices("crate::")
        .filter_map(|(at, _)| {
            let name: String = text[at + 7..]
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            (!name.is_empty()).then_some(name)
        })
        .collect()
}

fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            return Some(path[at..].to_vec());
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn commands_are_not_a_library_and_modules_import_no_loops() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut top: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut bench: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap();
        let parts: Vec<String> = relative
            .iter()
            .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
            .collect();
        let module = parts[0].clone();
        let text = code(file);
        let uses = crate_modules(&text);
        if module != "commands" && module != "lib" {
            assert!(
                !uses.contains("commands"),
                "{} uses crate::commands: move that logic into a library module",
                relative.display()
            );
        }
        if ["backend", "setup", "repl"].contains(&module.as_str()) {
            assert!(
                !uses.contains("context") && !text.contains("crate::Context"),
                "{} takes the commands' Context: pass the settings, paths and printer it needs",
                relative.display()
            );
        }
        if module == "lib" || module == "main" {
            continue;
        }
        let edges = top.entry(module.clone()).or_default();
        edges.extend(uses.into_iter().filter(|m| *m != module));
        if module == "bench" && parts.len() > 1 {
            let siblings = text
                .match_indices("super::")
                .map(|(at, _)| {
                    text[at + 7..]
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                        .collect::<String>()
                })
                .filter(|name| !name.is_empty() && *name != parts[1]);
            bench.entry(parts[1].clone()).or_default().extend(siblings);
        }
    }
    assert_eq!(find_cycle(&top), None, "modules that import each other");
    assert_eq!(
        find_cycle(&bench),
        None,
        "bench/ files that import each other"
    );
}
