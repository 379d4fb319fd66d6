//! The request layer `#[derive(WechatRequest)]` targets: validation, the encryption step, the
//! preparation of the exact bytes to send (method, request target, body, headers), and what the
//! derives know about each field (`Describe`).

mod body;
mod describe;
mod encrypt;
mod ids;
mod prepare;
mod url;
mod validate;

pub use describe::{Describe, FieldInfo, Place, field_paths};
pub use encrypt::{EncryptFields, EncryptValue, RedactValue};
pub use prepare::{Prepared, PreparedRequest, WechatRequest};
pub use url::encode_component;
pub use validate::{Checker, Matches, Present, Text, Validate};

pub use crate::protocol::{Method, USER_AGENT};
pub use crate::violations::{Rule, Violation, Violations};

#[doc(hidden)]
pub mod __private;
/// The derive's field checks, also reachable outside `__private` so that rustc's errors name them
/// briefly (`PlainField<true>`): it prints the full path of a trait found only in a hidden module.
#[doc(hidden)]
pub use __private::{CopyField, PlainField, PlainFieldContents};
