//! The request layer `#[derive(WechatRequest)]` targets: validation, the encryption step, and the
//! preparation of the exact bytes to send (method, request target, body, headers).

mod encrypt;
mod prepare;
mod url;
mod validate;

pub use encrypt::{EncryptFields, EncryptValue, RedactValue};
pub use prepare::{PreparedRequest, WechatRequest};
pub use url::encode_component;
pub use validate::{Checker, Present, Text, Validate};

pub use crate::protocol::{Method, USER_AGENT};
pub use crate::violations::{Rule, Violation, Violations};

#[doc(hidden)]
pub mod __private;
