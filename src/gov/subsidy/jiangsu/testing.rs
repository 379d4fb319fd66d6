//! What the Jiangsu unit tests share beyond the family's helpers (re-exported here): sample
//! values and checks of the encrypted wire form.

use serde_json::Value;

use super::RegionCode;
use crate::Sensitive;
pub use crate::gov::subsidy::testing::{sealed, violations};
use crate::time::Rfc3339;

pub const NAME: &str = "张三";
pub const ID_CARD: &str = "11010519491231002X";
pub const PHONE: &str = "13800138000";
pub const ADDRESS: &str = "南京市玄武区中山路1号";
pub const USCC: &str = "91350100M000100Y43";

pub fn name() -> Sensitive {
    NAME.into()
}

pub fn id_card() -> Sensitive {
    ID_CARD.into()
}

pub fn phone() -> Sensitive {
    PHONE.into()
}

pub fn nanjing() -> RegionCode {
    RegionCode::new(320100).unwrap()
}

pub fn time() -> Rfc3339 {
    "2025-01-14T19:55:06+08:00".parse().unwrap()
}

/// Asserts that `field` went out encrypted: base64 text that is not `plaintext`.
pub fn assert_encrypted(json: &Value, field: &str, plaintext: &str) {
    let sent = json[field].as_str().unwrap_or_else(|| panic!("{field} is sent: {json}"));
    assert_ne!(sent, plaintext, "{field}");
    assert!(sent.len() > 300 && sent.ends_with('='), "{field} is RSA-2048 base64: {sent}");
}

/// Asserts that `Debug` shows none of the personal data.
pub fn assert_debug_hides<T: std::fmt::Debug>(request: &T, secrets: &[&str]) {
    let shown = format!("{request:?}");
    for secret in secrets {
        assert!(!shown.contains(secret), "{secret} shown: {shown}");
    }
    assert!(shown.contains("<redacted>"), "{shown}");
}
