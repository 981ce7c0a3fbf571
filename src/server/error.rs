//! API errors in OpenAI's shape, `{"error": {"message", "type", "code",
//! "param"}}`. Each [`ErrorKind`] fixes its HTTP status, type and code, so
//! the three can never disagree.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;

use crate::engine::CONTEXT_OVERFLOW_CODE;
use crate::wire::openai::{ErrorBody, ErrorDetail};

/// What went wrong, from the client's point of view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// A field has a value the server cannot use.
    InvalidValue,
    /// A field the server does not honour (yet), or does not know.
    UnsupportedField,
    /// The body is not a request of this endpoint.
    BadBody,
    TooLarge,
    /// The prompt does not fit the context window.
    ContextExceeded,
    Unauthorized,
    /// The `Host` header names something other than this server.
    ForbiddenHost,
    /// A web page from an origin not in `server.cors_origins`.
    ForbiddenOrigin,
    /// A POST body not sent as JSON.
    UnsupportedMediaType,
    NotFound,
    /// Another operation (a model switch) is under way.
    Conflict,
    /// The request took too long to arrive or to start.
    Timeout,
    /// Every slot and queue place is taken, or the model is loading.
    Busy,
    ShuttingDown,
    /// A remote server (`server.upstreams`) could not be reached.
    BadGateway,
    Internal,
}

impl ErrorKind {
    pub fn status(self) -> StatusCode {
        match self {
            Self::InvalidValue | Self::UnsupportedField | Self::BadBody | Self::ContextExceeded => {
                StatusCode::BAD_REQUEST
            }
            Self::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Unauthorized => StatusCode::UNAUTHORIZED,
            Self::ForbiddenHost | Self::ForbiddenOrigin => StatusCode::FORBIDDEN,
            Self::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Conflict => StatusCode::CONFLICT,
            Self::Timeout => StatusCode::REQUEST_TIMEOUT,
            Self::Busy | Self::ShuttingDown => StatusCode::SERVICE_UNAVAILABLE,
            Self::BadGateway => StatusCode::BAD_GATEWAY,
            Self::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// OpenAI's `type`.
    pub fn type_name(self) -> &'static str {
        match self {
            Self::ContextExceeded => CONTEXT_OVERFLOW_CODE,
            Self::Unauthorized => "authentication_error",
            Self::NotFound => "not_found_error",
            Self::Busy | Self::ShuttingDown => "server_busy",
            Self::BadGateway => "upstream_error",
            Self::Internal => "server_error",
            _ => "invalid_request_error",
        }
    }

    /// The machine-readable `code`.
    pub fn code(self) -> &'static str {
        match self {
            Self::InvalidValue => "invalid_value",
            Self::UnsupportedField => "unsupported_field",
            Self::BadBody => "invalid_body",
            Self::TooLarge => "body_too_large",
            Self::ContextExceeded => CONTEXT_OVERFLOW_CODE,
            Self::Unauthorized => "invalid_api_key",
            Self::ForbiddenHost => "forbidden_host",
            Self::ForbiddenOrigin => "forbidden_origin",
            Self::UnsupportedMediaType => "unsupported_media_type",
            Self::NotFound => "not_found",
            Self::Conflict => "conflict",
            Self::Timeout => "timeout",
            Self::Busy => "queue_full",
            Self::ShuttingDown => "shutting_down",
            Self::BadGateway => "upstream_unreachable",
            Self::Internal => "internal_error",
        }
    }
}

#[derive(Debug)]
pub struct ApiError {
    pub kind: ErrorKind,
    pub message: String,
    pub param: Option<std::borrow::Cow<'static, str>>,
    /// Extra fields in the error object (sizes for context errors).
    pub details: Option<Box<serde_json::Map<String, serde_json::Value>>>,
}

impl ApiError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            param: None,
            details: None,
        }
    }

    pub fn invalid(param: &'static str, message: impl Into<String>) -> Self {
        Self {
            param: Some(param.into()),
            ..Self::new(ErrorKind::InvalidValue, message)
        }
    }

    /// A field the server does not honour, named as the error's `param`.
    pub fn unsupported_field(field: &str, message: impl Into<String>) -> Self {
        Self {
            param: Some(field.to_string().into()),
            ..Self::new(ErrorKind::UnsupportedField, message)
        }
    }

    pub fn bad_body(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::BadBody, message)
    }

    pub fn too_large(limit: usize) -> Self {
        Self::new(
            ErrorKind::TooLarge,
            format!("the request body is larger than {limit} bytes"),
        )
    }

    pub fn context_exceeded(prompt_tokens: usize, context_size: u32) -> Self {
        Self {
            param: Some("messages".into()),
            details: Some(Box::new(serde_json::Map::from_iter([
                ("n_prompt_tokens".to_string(), prompt_tokens.into()),
                ("n_ctx".to_string(), context_size.into()),
            ]))),
            ..Self::new(
                ErrorKind::ContextExceeded,
                format!(
                    "the prompt is {prompt_tokens} tokens but the context window holds {context_size}"
                ),
            )
        }
    }

    pub fn unauthorized() -> Self {
        Self::new(
            ErrorKind::Unauthorized,
            "missing or wrong API key: send it as `Authorization: Bearer <key>` (or `x-api-key: <key>`)",
        )
    }

    pub fn unsupported_media_type() -> Self {
        Self::new(
            ErrorKind::UnsupportedMediaType,
            "send the body as JSON with `Content-Type: application/json`",
        )
    }

    pub fn shutting_down() -> Self {
        Self::new(
            ErrorKind::ShuttingDown,
            "the server is shutting down; retry once it is back",
        )
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::NotFound, message)
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Conflict, message)
    }

    pub fn busy(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Busy, message)
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Internal, message)
    }
}

impl ApiError {
    /// The error as OpenAI's body shape (also sent inside a stream that
    /// fails after it started).
    pub fn body(self) -> ErrorBody {
        let details = self.details.map(|d| *d).unwrap_or_default();
        ErrorBody {
            error: ErrorDetail {
                message: self.message,
                kind: Some(self.kind.type_name().into()),
                code: Some(self.kind.code().into()),
                param: self.param.map(String::from),
                details,
            },
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.kind.status();
        let body = self.body();
        let mut response = (status, Json(body)).into_response();
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_server_side_kinds_are_5xx_and_every_503_says_when_to_retry() {
        let kinds = [
            ErrorKind::InvalidValue,
            ErrorKind::BadBody,
            ErrorKind::TooLarge,
            ErrorKind::ContextExceeded,
            ErrorKind::Unauthorized,
            ErrorKind::ForbiddenHost,
            ErrorKind::ForbiddenOrigin,
            ErrorKind::UnsupportedMediaType,
            ErrorKind::NotFound,
            ErrorKind::Conflict,
            ErrorKind::Timeout,
            ErrorKind::Busy,
            ErrorKind::ShuttingDown,
            ErrorKind::BadGateway,
            ErrorKind::Internal,
        ];
        for kind in kinds {
            let server_side = matches!(
                kind,
                ErrorKind::Busy
                    | ErrorKind::ShuttingDown
                    | ErrorKind::BadGateway
                    | ErrorKind::Internal
            );
            assert_eq!(kind.status().is_server_error(), server_side, "{kind:?}");
            let response = ApiError::new(kind, "x").into_response();
            assert_eq!(
                response.headers().contains_key(header::RETRY_AFTER),
                response.status() == StatusCode::SERVICE_UNAVAILABLE
            );
        }
    }
}
