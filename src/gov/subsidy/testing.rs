//! What the gov/subsidy tests share: violations as text, and the encrypted copy as JSON.

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::request::{EncryptFields, Validate};

/// Every violation of `request`, as `path: rule`.
pub fn violations(request: &impl Validate) -> Vec<String> {
    match request.validate() {
        Ok(()) => Vec::new(),
        Err(violations) => violations.iter().map(ToString::to_string).collect(),
    }
}

/// The JSON of the copy the SDK sends, encrypted under the sandbox's demo key.
pub fn sealed<T: EncryptFields + Serialize>(request: &T) -> serde_json::Value {
    let keys = crate::WechatPayKeys::new()
        .with_public_key(wechatpay_apiv3_mock::demo::wechatpay_public_key());
    let copy = request.encrypt_fields(&keys.encryptor().unwrap()).unwrap();
    serde_json::to_value(copy).unwrap()
}

/// Panics unless `json` (the fixture `name`) reads as a `T` that passes validation, and the same
/// JSON with one more member is refused, naming it.
pub fn valid_fixture<T: DeserializeOwned + Validate>(name: &str, json: &str) {
    let request: T = serde_json::from_str(json).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(violations(&request), Vec::<String>::new(), "{name}");
    let mut value: serde_json::Value = serde_json::from_str(json).unwrap();
    value["unexpected_member"] = 1.into();
    let refused = serde_json::from_value::<T>(value).err().map(|e| e.to_string());
    assert!(
        refused.as_deref().is_some_and(|e| e.contains("unknown field `unexpected_member`")),
        "{name}: {refused:?}"
    );
}

/// Checks that `tests/fixtures/requests/<file>` is a valid `Type`.
macro_rules! assert_fixture {
    ($type:ty, $file:literal) => {
        $crate::gov::subsidy::testing::valid_fixture::<$type>(
            $file,
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/requests/", $file)),
        )
    };
}

pub(crate) use assert_fixture;
