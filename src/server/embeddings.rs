//! `POST /v1/embeddings`: strings or token ids in, one normalised vector
//! each out (floats or base64), computed by the engine's embedding task.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::Engine as _;
use serde_json::Value;

use super::error::ApiError;
use super::routes::{api_error, parse_or_forward};
use super::AppState;
use crate::engine::EmbedInput;
use crate::wire::openai::{EmbeddingData, EmbeddingList, EmbeddingRequest, EmbeddingUsage};

/// The most inputs one request may hold (OpenAI's limit).
pub const MAX_INPUTS: usize = 2048;

pub async fn embeddings(
    State(state): State<Arc<AppState>>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let body: EmbeddingRequest = match parse_or_forward(&state, "/embeddings", body).await? {
        Ok(body) => body,
        Err(forwarded) => return Ok(forwarded),
    };
    if let Some(field) = body.other.keys().find(|k| k.as_str() != "user") {
        return Err(ApiError::unsupported_field(
            field,
            format!("unknown field `{field}`; embeddings read input, model, encoding_format and dimensions"),
        ));
    }
    let base64 = match body.encoding_format.as_deref() {
        None | Some("float") => false,
        Some("base64") => true,
        Some(other) => {
            return Err(ApiError::invalid(
                "encoding_format",
                format!("encoding_format is float or base64, not `{other}`"),
            ))
        }
    };
    let inputs = read_inputs(body.input)?;
    let keep_alive = super::request::keep_alive(body.keep_alive)?;
    let serving = state
        .models
        .engine_for(body.model.as_deref(), keep_alive)
        .await?;
    let model = serving.name.clone();
    let answer = serving.engine.embed(inputs).map_err(api_error)?;
    let embedded = answer
        .await
        .map_err(|_| api_error(crate::engine::EngineError::WorkerGone))?
        .map_err(api_error)?;
    let size = embedded.vectors.first().map_or(0, Vec::len);
    if let Some(wanted) = body.dimensions {
        if wanted != size as i64 {
            return Err(ApiError::invalid(
                "dimensions",
                format!("this model's embeddings have {size} dimensions and cannot be shortened; send dimensions {size} or leave it out"),
            ));
        }
    }
    let data = embedded
        .vectors
        .into_iter()
        .enumerate()
        .map(|(index, vector)| EmbeddingData {
            object: "embedding",
            index,
            embedding: if base64 {
                Value::String(encode_base64(&vector))
            } else {
                Value::from(vector)
            },
        })
        .collect();
    Ok(Json(EmbeddingList {
        object: "list",
        data,
        model,
        usage: EmbeddingUsage {
            prompt_tokens: embedded.tokens,
            total_tokens: embedded.tokens,
        },
    })
    .into_response())
}

/// `input` as a list of inputs: a string, strings, token ids, or lists of
/// token ids; none may be empty.
fn read_inputs(input: Value) -> Result<Vec<EmbedInput>, ApiError> {
    let invalid = |message: String| ApiError::invalid("input", message);
    let items = match input {
        Value::String(text) => vec![Value::String(text)],
        Value::Array(items) if items.iter().all(Value::is_number) && !items.is_empty() => {
            vec![Value::Array(items)]
        }
        Value::Array(items) => items,
        other => {
            return Err(invalid(format!(
                "input is a string, a list of strings, or token ids, not {other}"
            )))
        }
    };
    if items.is_empty() {
        return Err(invalid("input must not be empty".into()));
    }
    if items.len() > MAX_INPUTS {
        return Err(invalid(format!(
            "input holds {} items; at most {MAX_INPUTS} per request",
            items.len()
        )));
    }
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| match item {
            Value::String(text) if !text.is_empty() => Ok(EmbedInput::Text(text)),
            Value::String(_) => Err(invalid(format!("input[{i}] is empty"))),
            Value::Array(ids) if !ids.is_empty() => ids
                .iter()
                .map(|id| id.as_i64().and_then(|id| i32::try_from(id).ok()))
                .collect::<Option<Vec<i32>>>()
                .map(EmbedInput::Tokens)
                .ok_or_else(|| invalid(format!("input[{i}] holds something other than token ids"))),
            other => Err(invalid(format!(
                "input[{i}] is a string or a list of token ids, not {other}"
            ))),
        })
        .collect()
}

/// The vector's little-endian `f32` bytes in base64, as OpenAI sends them.
fn encode_base64(vector: &[f32]) -> String {
    let bytes: Vec<u8> = vector.iter().flat_map(|x| x.to_le_bytes()).collect();
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn inputs_come_in_four_shapes() {
        assert!(matches!(&read_inputs(json!("a")).unwrap()[..], [EmbedInput::Text(t)] if t == "a"));
        assert_eq!(read_inputs(json!(["a", "b"])).unwrap().len(), 2);
        assert!(
            matches!(&read_inputs(json!([1, 2])).unwrap()[..], [EmbedInput::Tokens(t)] if t == &[1, 2])
        );
        assert_eq!(read_inputs(json!([[1], [2, 3]])).unwrap().len(), 2);
        for bad in [
            json!(""),
            json!([]),
            json!([""]),
            json!([[]]),
            json!(7),
            json!([1.5]),
            json!([{"a": 1}]),
            json!([[1, "x"]]),
        ] {
            let error = read_inputs(bad.clone()).expect_err(&bad.to_string());
            assert_eq!(error.param.as_deref(), Some("input"), "{bad}");
        }
    }

    #[test]
    fn base64_is_little_endian_floats() {
        assert_eq!(encode_base64(&[1.0]), "AACAPw==");
    }
}
