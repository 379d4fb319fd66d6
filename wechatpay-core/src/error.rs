//! Error kinds of the protocol layer. No message ever contains key material or a plaintext field.

/// A key, certificate or identifier given at configuration time was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KeyError {
    /// The input was empty or only whitespace.
    #[error("the {what} is empty")]
    Empty {
        /// What was being loaded.
        what: &'static str,
    },
    /// No `-----BEGIN …-----` block was found, or it is not valid PEM.
    #[error("the {what} is not valid PEM (expected a `-----BEGIN …-----` block)")]
    NotPem {
        /// What was being loaded.
        what: &'static str,
    },
    /// The PEM is password-protected.
    #[error(
        "the {what} is an encrypted PEM; store it decrypted (e.g. `openssl pkey -in key.pem -out plain.pem`)"
    )]
    EncryptedPem {
        /// What was being loaded.
        what: &'static str,
    },
    /// The PEM block holds something else than expected (a certificate where a key belongs, …).
    #[error("the {what} is a PEM `{found}` block, expected {expected}")]
    UnexpectedPemLabel {
        /// What was being loaded.
        what: &'static str,
        /// The label(s) accepted here.
        expected: &'static str,
        /// The label found.
        found: String,
    },
    /// The DER inside the PEM does not decode as an RSA key or an X.509 certificate.
    #[error("the {what} is malformed: {reason}")]
    Malformed {
        /// What was being loaded.
        what: &'static str,
        /// Which part failed.
        reason: &'static str,
    },
    /// The RSA modulus is shorter than 2048 bits.
    #[error("the {what} has {bits} bits; WeChat Pay uses RSA keys of at least 2048 bits")]
    TooShort {
        /// What was being loaded.
        what: &'static str,
        /// Its modulus size.
        bits: usize,
    },
    /// A merchant certificate serial that `openssl x509 -serial` would not print.
    #[error("invalid merchant certificate serial: {reason}")]
    InvalidSerial {
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A WeChat Pay public key ID not of the form `PUB_KEY_ID_…`.
    #[error("invalid WeChat Pay public key ID: {reason}")]
    InvalidPublicKeyId {
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A merchant ID (mchid) that is not all digits.
    #[error("invalid mchid: {reason}")]
    InvalidMchid {
        /// What is wrong with it.
        reason: &'static str,
    },
    /// An APIv3 key that is not 32 bytes.
    #[error("the APIv3 key must be exactly 32 ASCII characters (got {len} bytes)")]
    InvalidApiV3Key {
        /// Its length in bytes.
        len: usize,
    },
}

/// Signing, encryption or decryption failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CryptoError {
    /// No WeChat Pay public key or valid platform certificate is configured to encrypt with:
    /// nothing is encrypted, so nothing may be sent.
    #[error(
        "no WeChat Pay public key or valid platform certificate is configured to encrypt sensitive fields"
    )]
    NoEncryptionKey,
    /// A sensitive field is longer than RSA-OAEP can carry with this key.
    #[error("a sensitive field has {len} bytes; RSA-OAEP with this key carries at most {max}")]
    PlaintextTooLong {
        /// Plaintext length in bytes.
        len: usize,
        /// The limit (214 for a 2048-bit key).
        max: usize,
    },
    /// The request line to sign is not well-formed.
    #[error("cannot sign: {reason}")]
    InvalidSigningInput {
        /// What is wrong.
        reason: &'static str,
    },
    /// The backend failed to sign, encrypt or draw randomness.
    #[error("the crypto backend failed to {operation}")]
    Backend {
        /// The failed operation.
        operation: &'static str,
    },
    /// A value that should be base64 is not.
    #[error("the {what} is not valid base64")]
    Base64 {
        /// Which value.
        what: &'static str,
    },
    /// An RSA-OAEP ciphertext did not decrypt with the merchant key.
    #[error("the field ciphertext does not decrypt with the merchant private key")]
    OaepDecryption,
    /// A decrypted value is not UTF-8 text.
    #[error("the decrypted {what} is not UTF-8")]
    NotUtf8 {
        /// Which value.
        what: &'static str,
    },
    /// An AES-GCM nonce of another length than WeChat Pay's 12 bytes.
    #[error("the AES-GCM nonce has {len} bytes; APIv3 uses 12")]
    AeadNonceLength {
        /// Its length in bytes.
        len: usize,
    },
    /// The AES-GCM tag did not verify: wrong APIv3 key, wrong associated data, or tampering.
    #[error(
        "AES-GCM authentication failed (wrong APIv3 key, wrong associated data, or tampered ciphertext)"
    )]
    AeadAuthentication,
}

/// A WeChat Pay response or notification whose signature cannot be trusted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VerifyError {
    /// One of the four `Wechatpay-*` signature headers is absent.
    #[error("the `{0}` header is missing")]
    MissingHeader(&'static str),
    /// A signature header is present but not well-formed (non-ASCII, or a non-numeric timestamp).
    #[error("the `{0}` header is malformed")]
    MalformedHeader(&'static str),
    /// WeChat Pay's deliberate probe (`WECHATPAY/SIGNTEST/…`): rejected as designed.
    #[error(
        "signature probe (`WECHATPAY/SIGNTEST/…`) rejected as designed: WeChat Pay checks that merchants verify signatures"
    )]
    SignatureProbe,
    /// `Wechatpay-Timestamp` is too far from the local clock. Checked after the signature, so
    /// WeChat Pay did sign the message, at some time: it is replayed, or the clocks disagree.
    #[error(
        "the `Wechatpay-Timestamp` {timestamp} is {skew} s away from the local clock (limit {max_skew} s)"
    )]
    TimestampSkew {
        /// The timestamp received.
        timestamp: i64,
        /// `|now - timestamp|` in seconds.
        skew: u64,
        /// The configured limit (exclusive).
        max_skew: u64,
    },
    /// `Wechatpay-Serial` names no configured public key or platform certificate.
    #[error(
        "`Wechatpay-Serial` {0:?} names no configured WeChat Pay public key or platform certificate"
    )]
    UnknownSerial(String),
    /// The platform certificate named by `Wechatpay-Serial` is outside its validity window.
    #[error("the platform certificate {serial} is not valid now (expired or not yet valid)")]
    CertificateNotValid {
        /// Its serial.
        serial: String,
    },
    /// `Wechatpay-Signature` is not base64.
    #[error("`Wechatpay-Signature` is not valid base64")]
    SignatureNotBase64,
    /// The RSA signature does not match the body.
    #[error("the signature does not verify")]
    BadSignature,
}

/// Everything that can go wrong with a request. Match on the kind; no message carries personal
/// data or key material.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A key, certificate, serial, identifier or client setting was refused at configuration time.
    #[error("configuration: {0}")]
    Config(#[from] KeyError),
    /// A client setting is missing or wrong (an unset environment variable, a bad base URL, …).
    #[error("configuration: {0}")]
    Setup(String),
    /// The request broke rules; nothing was sent.
    #[error("validation: {0}")]
    Validation(crate::violations::Violations),
    /// Encryption, decryption or signing failed; nothing was sent.
    #[error("crypto: {0}")]
    Crypto(#[from] CryptoError),
    /// The request could not be serialized; nothing was sent.
    #[error("serialization: {0}")]
    Serialize(String),
    /// Personal data the encryption step did not reach: a plaintext `Sensitive` value at `field`
    /// (inside a type that is not a `WechatRecord`, say). Nothing was sent.
    #[error(
        "`{field}` is personal data in plaintext: a `Sensitive` value is sent only encrypted, and the encryption step reaches records through `nested` fields only (is it inside a type of your own?); nothing was sent"
    )]
    Plaintext {
        /// The path of the field, with serialized names (`wrapper.person.id_card`).
        field: String,
    },
    /// No answer, and nothing was applied or the request is safe to repeat: a connection that
    /// could not be established, or a failure of an idempotent request (after the retries
    /// allowed).
    #[error("transport ({kind:?}): {message}")]
    Transport {
        /// What failed.
        kind: TransportKind,
        /// A description without URL or body.
        message: String,
    },
    /// The request may have been applied: it was sent, it is not idempotent, and no verified
    /// answer says what happened (the connection broke or timed out after the request was
    /// written, or WeChat Pay answered 5xx). It is never sent again automatically: find out with
    /// the endpoint's query API (`lookup`, if the request names one) before sending it again.
    #[error(
        "outcome unknown: {method} {path} may have been applied ({cause}); it was not sent again. Check {}{}",
        lookup.unwrap_or("with the endpoint's query API"),
        request_id_suffix(request_id)
    )]
    OutcomeUnknown {
        /// The method.
        method: crate::protocol::Method,
        /// The path (without the query, which may carry ciphertexts).
        path: String,
        /// What happened: "connection reset after the request was written", "503 SYSTEM_ERROR", …
        cause: String,
        /// The endpoint that tells whether the request was applied, if the request names one.
        lookup: Option<&'static str>,
        /// The `Request-ID` of the answer, if one arrived.
        request_id: Option<String>,
    },
    /// WeChat Pay answered with an error status: a 4xx, or a 5xx to an idempotent request after
    /// the retries allowed.
    #[error("{status} {code}: {message}{}", request_id_suffix(request_id))]
    Api {
        /// The HTTP status.
        status: u16,
        /// The error code (`PARAM_ERROR`, `SIGN_ERROR`, …); empty if the body had none.
        code: String,
        /// The error message.
        message: String,
        /// Which field was at fault, if WeChat Pay said (its echoed `value` is dropped on purpose).
        detail: Option<Box<ApiErrorDetail>>,
        /// The `Request-ID` header, for WeChat Pay support.
        request_id: Option<String>,
    },
    /// A verified answer reports a business failure (e.g. `resp_code` other than `000000`).
    #[error("business failure {resp_code}: {resp_desc}{}", request_id_suffix(request_id))]
    Business {
        /// The business code.
        resp_code: String,
        /// Its description.
        resp_desc: String,
        /// The per-record error descriptions, if any.
        error_data: ErrorData,
        /// The `Request-ID` header.
        request_id: Option<String>,
    },
    /// A response or notification could not be verified; its content was discarded.
    #[error("verification: {kind}{}", request_id_suffix(request_id))]
    Verification {
        /// Why verification failed.
        kind: VerifyError,
        /// The `Request-ID` header, if any.
        request_id: Option<String>,
    },
    /// A platform certificate download was refused (see [`CertificateError`](crate::CertificateError)); the certificates
    /// in use, if any, were kept.
    #[error("platform certificates: {0}")]
    Certificates(#[from] crate::certificates::CertificateError),
    /// A verified answer does not decode as the expected type.
    #[error("decoding the response: {message}{}", request_id_suffix(request_id))]
    Decode {
        /// Where decoding failed (category, line, column; never the value).
        message: String,
        /// The `Request-ID` header.
        request_id: Option<String>,
    },
}

impl Error {
    /// An answer that does not decode, described without its text (which can quote the value
    /// at fault).
    pub fn decode(error: &serde_json::Error, request_id: Option<&str>) -> Self {
        Error::Decode { message: json_error_summary(error), request_id: request_id.map(Into::into) }
    }

    /// The error for a verified answer that reports a business failure. Server texts are
    /// bounded and stripped of control characters before they can reach a log.
    pub fn business(
        resp_code: &str,
        resp_desc: &str,
        error_data: ErrorData,
        request_id: Option<String>,
    ) -> Self {
        Error::Business {
            resp_code: server_text(resp_code),
            resp_desc: server_text(resp_desc),
            error_data,
            request_id,
        }
    }
}

/// WeChat Pay's per-record error descriptions. They may quote the data sent (an ID number, a
/// name), so `Debug` shows only how many there are; read them through `.0` or [`ErrorData::iter`].
#[derive(Clone, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(transparent)]
pub struct ErrorData(pub Vec<String>);

impl ErrorData {
    /// The descriptions.
    pub fn iter(&self) -> std::slice::Iter<'_, String> {
        self.0.iter()
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Debug for ErrorData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ErrorData({} items, not shown)", self.0.len())
    }
}

/// The longest server-written text kept in an error, in characters.
const SERVER_TEXT_MAX: usize = 256;

/// A text written by the server, made safe to log: at most 256 characters, control characters
/// (line breaks that could forge log lines) replaced by spaces, bidirectional and other invisible
/// format characters (which can make a log line read differently from what it holds) dropped.
pub fn server_text(text: &str) -> String {
    text.chars()
        .filter(|&c| !is_format_character(c))
        .take(SERVER_TEXT_MAX)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Unicode's format characters (general category Cf): bidirectional embeddings, overrides and
/// isolates, zero-width characters, the byte-order mark, tags.
fn is_format_character(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{600}'..='\u{605}'
            | '\u{61C}'
            | '\u{6DD}'
            | '\u{70F}'
            | '\u{8E2}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
    )
}

/// The kind of a transport failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportKind {
    /// The connection could not be established.
    Connect,
    /// The connect or request timeout elapsed.
    Timeout,
    /// The connection broke before a complete answer arrived.
    Interrupted,
    /// The answer was larger than the client accepts.
    TooLarge,
}

/// The `detail` of an APIv3 error body, without the echoed `value` (it may be personal data).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Deserialize)]
pub struct ApiErrorDetail {
    /// The field at fault.
    #[serde(default)]
    pub field: Option<String>,
    /// Where the field was (`body`, `query`, …).
    #[serde(default)]
    pub location: Option<String>,
    /// What is wrong with it.
    #[serde(default)]
    pub issue: Option<String>,
}

impl From<VerifyError> for Error {
    fn from(kind: VerifyError) -> Self {
        Error::Verification { kind, request_id: None }
    }
}

impl From<serde_json::Error> for Error {
    fn from(error: serde_json::Error) -> Self {
        Error::Serialize(json_error_summary(&error))
    }
}

/// A serde_json error without its text, which can quote the value at fault.
pub(crate) fn json_error_summary(error: &serde_json::Error) -> String {
    format!("{:?} error at line {} column {}", error.classify(), error.line(), error.column())
}

fn request_id_suffix(request_id: &Option<String>) -> String {
    request_id.as_ref().map(|id| format!(" (Request-ID {id})")).unwrap_or_default()
}
