//! The runtime of the `wechatpay` crate: WeChat Pay APIv3's keys and certificates, request
//! signing, response and notification verification, sensitive-field encryption and AES-GCM.
//!
//! Every cryptographic primitive goes through one internal backend trait with two
//! implementations chosen by cargo features: `aws-lc-rs` (default) and `rsa` (pure Rust).

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod aead;
#[doc(hidden)]
pub mod backend;
#[cfg(feature = "blocking")]
pub mod blocking;
mod cert;
mod cipher;
mod client;
mod clock;
mod error;
mod keys;
mod pem;
pub mod request;
mod response;
mod sign;
mod verify;

pub use aead::ApiV3Key;
pub use cert::PlatformCertificate;
pub use cipher::FieldEncryptor;
pub use client::{Client, ClientBuilder, DEFAULT_BASE_URL, RetryPolicy};
pub use clock::{Clock, NONCE_LEN, NonceSource, OsNonce, SystemClock};
pub use error::{
    ApiErrorDetail, CryptoError, Error, ErrorData, KeyError, TransportKind, VerifyError,
};
pub use keys::{MerchantPrivateKey, MerchantSerial, PublicKeyId, RsaPublicKey, WechatPayPublicKey};
pub use request::{Method, PreparedRequest, Validate, WechatRequest};
pub use response::ApiResponse;
pub use sign::{Authorization, SCHEME, Signer, signing_message};
pub use verify::{
    DEFAULT_MAX_SKEW, PROBE_PREFIX, SignatureHeaders, WechatPayKeys, headers, response_message,
};
