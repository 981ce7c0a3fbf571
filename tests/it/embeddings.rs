//! Embeddings: `flashchat embed` in-process and `/v1/embeddings` through
//! the official `openai` client, both checked against llama.cpp's own
//! `llama-embedding` on the same model and pooling.

use std::path::Path;
use std::process::Command;

use serde_json::{json, Value};

use crate::common::{
    heavy, instruct_model, llama_tools, stderr_of, stdout_of, test_model, Sandbox,
};
use crate::serve::{python_with, run_python_with, Server};

const TEXTS: [&str; 3] = [
    "hello world",
    "The quick brown fox jumps over the lazy dog.",
    "Embeddings map text to vectors.",
];

/// llama-embedding's vectors for `TEXTS` (mean pooling, L2-normalised).
fn llama_embedding(tools: &Path, model: &Path) -> Vec<Vec<f64>> {
    let output = Command::new(tools.join("llama-embedding"))
        .arg("-m")
        .arg(model)
        .args([
            "-p",
            &TEXTS.join("\n"),
            "--pooling",
            "mean",
            "--embd-normalize",
            "2",
        ])
        .args([
            "--embd-output-format",
            "json",
            "-c",
            "1024",
            "-t",
            "2",
            "--no-warmup",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let text = stdout_of(&output);
    let start = text.find('{').expect("JSON on stdout");
    let body: Value = serde_json::from_str(&text[start..]).expect("llama-embedding's JSON");
    vectors(&body["data"])
}

fn vectors(data: &Value) -> Vec<Vec<f64>> {
    data.as_array()
        .expect("a data list")
        .iter()
        .map(|item| {
            item["embedding"]
                .as_array()
                .expect("a vector")
                .iter()
                .map(|x| x.as_f64().expect("a number"))
                .collect()
        })
        .collect()
}

fn max_difference(a: &[Vec<f64>], b: &[Vec<f64>]) -> f64 {
    assert_eq!(a.len(), b.len());
    a.iter()
        .zip(b)
        .flat_map(|(x, y)| {
            assert_eq!(x.len(), y.len());
            x.iter().zip(y).map(|(p, q)| (p - q).abs())
        })
        .fold(0.0, f64::max)
}

/// `flashchat embed --json` in-process on `model`.
fn flashchat_embed(model: &Path) -> Vec<Vec<f64>> {
    let sandbox = Sandbox::new();
    let output = sandbox
        .cmd()
        .arg("--model")
        .arg(model)
        .args(["embed", "--json"])
        .args(TEXTS)
        .env("FLASHCHAT_CONTEXT_SIZE", "1024")
        .env("FLASHCHAT_USE_SERVER", "never")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let body: Value = serde_json::from_str(&stdout_of(&output)).expect("embed's JSON");
    assert_eq!(
        body["usage"]["prompt_tokens"].as_u64().map(|n| n > 10),
        Some(true),
        "{body}"
    );
    vectors(&body["data"])
}

#[test]
fn embeddings_match_llama_embedding_on_both_models() {
    let _guard = heavy();
    let (Some(tools), Some(gemma), Some(smollm)) = (llama_tools(), test_model(), instruct_model())
    else {
        return;
    };
    for model in [&gemma, &smollm] {
        let ours = flashchat_embed(model);
        let theirs = llama_embedding(&tools, model);
        let difference = max_difference(&ours, &theirs);
        eprintln!("{}: largest difference {difference:.2e}", model.display());
        assert!(difference < 1e-4, "{}: {difference}", model.display());
        for vector in &ours {
            let norm: f64 = vector.iter().map(|x| x * x).sum::<f64>().sqrt();
            assert!((norm - 1.0).abs() < 1e-4, "norm {norm}");
        }
    }
}

/// The official client asks for base64 by default and decodes it; floats
/// are asked for too. Both equal `flashchat embed`'s vectors.
const EMBEDDINGS_SCRIPT: &str = r#"
import json, sys
import openai
from openai import OpenAI

client = OpenAI(base_url=sys.argv[1], api_key="unused", max_retries=0)
texts = json.loads(sys.argv[2])
expected = json.loads(sys.argv[3])
model = "SmolLM2-135M-Instruct.Q4_1"
import base64, struct
def floats(embedding):
    if isinstance(embedding, str):
        raw = base64.b64decode(embedding)
        return list(struct.unpack(f"<{len(raw) // 4}f", raw))
    return embedding
# The client asks for base64 and decodes it when no format is given.
for fmt in (openai.NOT_GIVEN, "float", "base64"):
    answer = client.embeddings.create(model=model, input=texts, encoding_format=fmt)
    assert [d.index for d in answer.data] == list(range(len(texts))), answer.data
    got = [floats(d.embedding) for d in answer.data]
    worst = max(abs(a - b) for x, y in zip(got, expected) for a, b in zip(x, y))
    assert worst < 1e-5, (fmt, worst)
    assert answer.usage.prompt_tokens > 10, answer.usage
one = client.embeddings.create(model=model, input=texts[0])
assert len(one.data) == 1 and len(one.data[0].embedding) == len(expected[0])
try:
    client.embeddings.create(model=model, input=texts, dimensions=7)
    raise SystemExit("dimensions were accepted")
except openai.BadRequestError as e:
    assert e.body["param"] == "dimensions", e.body
print("embeddings ok")
"#;

#[test]
fn the_openai_client_gets_the_same_embeddings_from_the_server() {
    let _guard = heavy();
    let (Some(python), Some(model)) = (python_with("openai"), instruct_model()) else {
        return;
    };
    let expected = flashchat_embed(&model);
    let Some(server) = Server::start_instruct(&[]) else {
        return;
    };
    let texts = json!(TEXTS).to_string();
    let expected = json!(expected).to_string();
    run_python_with(&python, EMBEDDINGS_SCRIPT, &server, &[&texts, &expected]);
    let (status, reply) = server.post_json("/v1/embeddings", json!({"input": [[1, 2, 3]]}));
    assert_eq!(status, 200, "{reply}");
    for bad in [
        json!({"input": ""}),
        json!({"input": []}),
        json!({"input": [1.5]}),
        json!({"input": "x", "encoding_format": "hex"}),
        json!({"input": [[99999999]]}),
        json!({"input": "x", "pooling": "max"}),
    ] {
        let (status, reply) = server.post_json("/v1/embeddings", bad.clone());
        assert_eq!(status, 400, "{bad} -> {reply}");
        assert!(reply["error"]["param"].is_string(), "{reply}");
    }
}
