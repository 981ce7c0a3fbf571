//! API errors in OpenAI's shape, `{"error": {"message", "type", "code"}}`,
//! each with the HTTP status that fits it.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub kind: &'static str,
    pub code: &'static str,
    pub message: String,
    pub param: Option<&'static str>,
    /// Extra fields in the error object (sizes for context errors).
    pub details: Option<serde_json::Value>,
}

impl ApiError {
    pub fn invalid(param: &'static str, message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            kind: "invalid_request_error",
            code: "invalid_value",
            message: message.into(),
            param: Some(param),
            details: None,
        }
    }

    pub fn bad_body(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            kind: "invalid_request_error",
            code: "invalid_body",
            message: message.into(),
            param: None,
            details: None,
        }
    }

    pub fn too_large(limit: usize) -> Self {
        Self {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            kind: "invalid_request_error",
            code: "body_too_large",
            message: format!("the request body is larger than {limit} bytes"),
            param: None,
            details: None,
        }
    }

    pub fn context_exceeded(prompt_tokens: usize, context_size: u32) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            kind: "exceed_context_size_error",
            code: "exceed_context_size_error",
            message: format!(
                "the prompt is {prompt_tokens} tokens but the context window holds {context_size}"
            ),
            param: Some("messages"),
            details: Some(serde_json::json!({
                "n_prompt_tokens": prompt_tokens,
                "n_ctx": context_size,
            })),
        }
    }

    pub fn unauthorized() -> Self {
        Self {
            status: StatusCode::UNAUTHORIZED,
            kind: "authentication_error",
            code: "invalid_api_key",
            message: "missing or wrong API key: send it as `Authorization: Bearer <key>`".into(),
            param: None,
            details: None,
        }
    }

    pub fn forbidden(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::FORBIDDEN,
            kind: "invalid_request_error",
            code,
            message: message.into(),
            param: None,
            details: None,
        }
    }

    pub fn unsupported_media_type() -> Self {
        Self {
            status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
            kind: "invalid_request_error",
            code: "unsupported_media_type",
            message: "send the body as JSON with `Content-Type: application/json`".into(),
            param: None,
            details: None,
        }
    }

    pub fn shutting_down() -> Self {
        Self {
            status: StatusCode::SERVICE_UNAVAILABLE,
            kind: "server_busy",
            code: "shutting_down",
            message: "the server is shutting down; retry once it is back".into(),
            param: None,
            details: None,
        }
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::NOT_FOUND,
            kind: "not_found_error",
            code: "not_found",
            message: message.into(),
            param: None,
            details: None,
        }
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::CONFLICT,
            kind: "invalid_request_error",
            code: "conflict",
            message: message.into(),
            param: None,
            details: None,
        }
    }

    pub fn busy(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::SERVICE_UNAVAILABLE,
            kind: "server_busy",
            code: "queue_full",
            message: message.into(),
            param: None,
            details: None,
        }
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            kind: "server_error",
            code: "internal_error",
            message: message.into(),
            param: None,
            details: None,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut error = serde_json::json!({
            "message": self.message,
            "type": self.kind,
            "code": self.code,
            "param": self.param,
        });
        if let (Some(fields), Some(serde_json::Value::Object(extra))) =
            (error.as_object_mut(), self.details)
        {
            fields.extend(extra);
        }
        let body = serde_json::json!({ "error": error });
        let mut response = (self.status, Json(body)).into_response();
        if self.status == StatusCode::SERVICE_UNAVAILABLE {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        response
    }
}
