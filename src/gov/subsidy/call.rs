//! Sending any typed endpoint from JSON, chosen by method and path at run time: what a command
//! line or a gateway needs, without a `match` of its own over the 34 types.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::request::WechatRequest;
use crate::{Client, Error};

/// Why [`call_json`](super::call_json) did not return a verified answer.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CallError {
    /// No typed endpoint has this method and path; nothing was sent.
    #[error("no typed gov/subsidy endpoint is {method} {path}")]
    UnknownEndpoint {
        /// The method asked for.
        method: String,
        /// The path asked for.
        path: String,
    },
    /// The JSON does not fit the endpoint's request type (a syntax error, a missing or unknown
    /// member, a wrong type); nothing was sent. The message names members, never values.
    #[error("the request JSON does not fit {type_name}: {message}")]
    Json {
        /// The request type (`zhejiang::QualificationsSync`).
        type_name: &'static str,
        /// What is wrong and where (line, column).
        message: String,
    },
    /// Sending failed: validation, transport, verification, a business failure, …
    #[error(transparent)]
    Send(#[from] Error),
}

/// `json` read as `R`, sent, and its verified answer as JSON.
pub(super) async fn typed<R>(
    client: &Client,
    type_name: &'static str,
    json: &str,
) -> Result<Value, CallError>
where
    R: WechatRequest + DeserializeOwned,
{
    let json_error = |message| CallError::Json { type_name, message };
    let mut reader = serde_json::Deserializer::from_str(json);
    let request: R = serde_path_to_error::deserialize(&mut reader)
        .map_err(|error| json_error(json_message(error.path(), error.inner())))?;
    reader.end().map_err(|error| json_error(json_message(&".", &error)))?;
    let (_, body) = client.send_with_body(&request).await?;
    Ok(answer_json(&body))
}

/// Where (the member's path, line and column) and what, as [`json_problem`] says.
fn json_message(path: &dyn std::fmt::Display, error: &serde_json::Error) -> String {
    format!("{} (line {}, column {})", json_problem(path, error), error.line(), error.column())
}

/// Where (the member's path) and what: serde's message when it names only members (`missing
/// field `name``, `unknown field `x`, expected one of …`), else its category: the others quote
/// the value at fault (`invalid type: string "张三"`), which may be personal data.
pub(crate) fn json_problem(path: &dyn std::fmt::Display, error: &serde_json::Error) -> String {
    let text = error.to_string();
    let what = if names_only_members(&text) {
        crate::server_text(text.split(" at line ").next().unwrap_or_default())
    } else {
        let what = match error.classify() {
            serde_json::error::Category::Syntax => "not valid JSON",
            serde_json::error::Category::Eof => "the JSON ends early",
            serde_json::error::Category::Data => "a value of the wrong type or out of range",
            serde_json::error::Category::Io => "the JSON could not be read",
        };
        what.to_owned()
    };
    match path.to_string() {
        root if root == "." => what,
        path => format!("{path}: {what}"),
    }
}

/// Whether a serde message names members only (`missing field `x``, `unknown field `x`, expected
/// one of …`), never a value: the only ones safe to show, since the others quote the value at
/// fault, which may be personal data.
pub(crate) fn names_only_members(message: &str) -> bool {
    message.starts_with("missing field") || message.starts_with("unknown field")
}

/// The verified answer as JSON. `error_data` (Zhejiang's per-record errors, which may quote the
/// data sent) keeps its length but not its texts.
fn answer_json(body: &[u8]) -> Value {
    let mut value = serde_json::from_slice(body).unwrap_or(Value::Null);
    if let Some(Value::Array(items)) = value.get_mut("error_data") {
        items
            .iter_mut()
            .for_each(|item| *item = Value::from("<not shown: may quote personal data>"));
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_messages_name_members_but_never_values() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Person {
            name: String,
            age: u32,
        }
        let message = |json: &str| {
            let mut reader = serde_json::Deserializer::from_str(json);
            let error =
                serde_path_to_error::deserialize::<_, Vec<Person>>(&mut reader).unwrap_err();
            json_message(error.path(), error.inner())
        };
        assert_eq!(message(r#"[{"name":"张三"}]"#), "[0]: missing field `age` (line 1, column 18)");
        let unknown = message(r#"[{"name":"x","age":1,"tel":"1"}]"#);
        assert!(unknown.starts_with("[0].tel: unknown field `tel`, expected"), "{unknown}");
        let wrong = message(r#"[{"name":"x","age":"张三"}]"#);
        assert!(wrong.starts_with("[0].age: a value of the wrong type"), "{wrong}");
        assert!(!wrong.contains("张三"), "{wrong}");
        assert!(message("[{").contains("the JSON ends early"));
    }

    #[test]
    fn answers_keep_error_data_counts_but_not_texts() {
        let body =
            r#"{"resp_code":"000000","resp_desc":"ok","error_data":["110101199003074477 无效"]}"#;
        let value = answer_json(body.as_bytes());
        assert_eq!(value["resp_code"], "000000");
        assert_eq!(value["error_data"].as_array().map(Vec::len), Some(1));
        assert!(!value.to_string().contains("110101199003074477"));
        assert_eq!(answer_json(b""), Value::Null);
    }
}
