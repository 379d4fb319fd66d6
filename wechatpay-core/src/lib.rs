//! The runtime of the `wechatpay-apiv3` crate: WeChat Pay APIv3's keys and certificates, request
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
mod certificates;
mod cipher;
mod client;
mod clock;
mod error;
mod key_store;
mod keys;
pub mod notify;
mod pem;
mod protocol;
pub mod request;
mod response;
mod sensitive;
mod sign;
mod verify;
mod violations;

pub use aead::ApiV3Key;
pub use cert::PlatformCertificate;
pub use certificates::{
    CERTIFICATES_PATH, CertificateError, DEFAULT_REFRESH_INTERVAL, decrypt_certificates,
};
pub use cipher::FieldEncryptor;
pub use client::{Client, ClientBuilder, DEFAULT_BASE_URL, RetryPolicy};
pub use clock::{Clock, NONCE_LEN, NonceSource, OsNonce, SystemClock};
pub use error::{
    ApiErrorDetail, CryptoError, Error, ErrorData, KeyError, TransportKind, VerifyError,
    server_text,
};
pub use key_store::{DEFAULT_MAX_SKEW, WechatPayKeys};
pub use keys::{MerchantPrivateKey, MerchantSerial, PublicKeyId, RsaPublicKey, WechatPayPublicKey};
pub use protocol::{
    Method, PROBE_PREFIX, SCHEME, USER_AGENT, headers, response_message, signing_message,
};
pub use request::{Prepared, PreparedRequest, Validate, WechatRequest};
pub use response::ApiResponse;
pub use sensitive::{Redacted, Sensitive};
pub use sign::{Authorization, Signer};
pub use verify::SignatureHeaders;
