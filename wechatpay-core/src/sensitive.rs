//! Personal data as types: [`Sensitive`] is sent only encrypted, [`Redacted`] is sent as is; neither
//! ever prints.

use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use zeroize::Zeroizing;

use crate::cipher::FieldEncryptor;
use crate::error::CryptoError;

/// What serializing a plaintext [`Sensitive`] says. It names the rule, never the value.
pub(crate) const PLAINTEXT_REFUSED: &str = "personal data (a `wechatpay_apiv3::Sensitive` value) is serialized only encrypted, by the SDK's encryption step; read the plaintext on purpose with `Sensitive::expose`";

/// Personal data WeChat Pay wants encrypted (an ID number, a name, a phone number): the type of
/// every `#[wechat(encrypt)]` field.
///
/// Plaintext cannot leave by any route:
/// - `Serialize` refuses a plaintext value with an error (never its text). Only the SDK's
///   encryption step, which `send` and `prepare` run on the records they reach through `nested`
///   fields, makes a copy that serializes, and what it serializes is the base64 ciphertext. So a
///   `Sensitive` inside a wrapper type of your own, behind a tuple or turned into a
///   `serde_json::Value` is refused, not sent in plaintext.
/// - `Debug` prints `<redacted>`, whatever derives it; there is no `Display`.
/// - The plaintext is zeroized when the value is dropped.
///
/// [`Sensitive::expose`] reads the plaintext on purpose (to store it, say). Deserializing reads
/// plaintext text, so that records can be loaded from your own files.
#[derive(Clone, PartialEq, Eq)]
pub struct Sensitive(State);

#[derive(Clone, PartialEq, Eq)]
enum State {
    /// What the caller gave: never serialized.
    Plain(Zeroizing<String>),
    /// The base64 RSA-OAEP ciphertext, made by the encryption step (empty for empty text).
    Sealed(String),
}

impl Sensitive {
    /// Wraps personal data.
    pub fn new(plaintext: impl Into<String>) -> Self {
        Sensitive(State::Plain(Zeroizing::new(plaintext.into())))
    }

    /// The plaintext, read on purpose. (On the encrypted copy the SDK builds to send, this is the
    /// base64 ciphertext; that copy never reaches your code through `send`.)
    pub fn expose(&self) -> &str {
        match &self.0 {
            State::Plain(text) => text,
            State::Sealed(ciphertext) => ciphertext,
        }
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.expose().is_empty()
    }

    /// The copy to send: RSA-OAEP under `encryptor`, base64. An empty text stays empty (nothing to
    /// hide; `required` refuses it where a value is needed).
    pub(crate) fn seal(&self, encryptor: &FieldEncryptor) -> Result<Self, CryptoError> {
        let ciphertext = match &self.0 {
            State::Plain(text) if text.is_empty() => String::new(),
            State::Plain(text) => encryptor.encrypt(text)?,
            State::Sealed(ciphertext) => ciphertext.clone(),
        };
        Ok(Sensitive(State::Sealed(ciphertext)))
    }
}

impl From<String> for Sensitive {
    fn from(plaintext: String) -> Self {
        Self::new(plaintext)
    }
}

impl From<&str> for Sensitive {
    fn from(plaintext: &str) -> Self {
        Self::new(plaintext)
    }
}

impl fmt::Debug for Sensitive {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl Serialize for Sensitive {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            State::Sealed(ciphertext) => serializer.serialize_str(ciphertext),
            State::Plain(_) => Err(serde::ser::Error::custom(PLAINTEXT_REFUSED)),
        }
    }
}

impl<'de> Deserialize<'de> for Sensitive {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self::new)
    }
}

/// Personal data the API takes in plaintext (a delivery address): the type of a
/// `#[wechat(redact)]` field. Serialized as the value inside; `Debug` prints `<redacted>`,
/// whatever derives it. Read the value through `Deref` or `.0`.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Redacted<T>(pub T);

impl<T> Deref for Redacted<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> From<T> for Redacted<T> {
    fn from(value: T) -> Self {
        Redacted(value)
    }
}

impl From<&str> for Redacted<String> {
    fn from(value: &str) -> Self {
        Redacted(value.to_owned())
    }
}

impl<T> fmt::Debug for Redacted<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}
