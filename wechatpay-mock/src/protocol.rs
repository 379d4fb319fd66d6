//! The sandbox's own reading of the APIv3 wire protocol: header names, the `Authorization`
//! scheme and the two signed messages. Written from the published protocol, not taken from the
//! SDK, so that a client bug in these is caught here rather than mirrored.
//!
//! `wechatpay_core` is used only for the RSA primitives (sign, verify, OAEP decrypt) and for
//! loading keys.

/// The `Authorization` scheme.
pub(crate) const SCHEME: &str = "WECHATPAY2-SHA256-RSA2048";

/// The timestamp of a signed answer (Unix seconds).
pub(crate) const TIMESTAMP: &str = "Wechatpay-Timestamp";
/// The nonce of a signed answer.
pub(crate) const NONCE: &str = "Wechatpay-Nonce";
/// The base64 signature of an answer.
pub(crate) const SIGNATURE: &str = "Wechatpay-Signature";
/// On an answer: the key that signed it. On a request: the key its sensitive fields are
/// encrypted to.
pub(crate) const SERIAL: &str = "Wechatpay-Serial";
/// On a notification: the signature scheme.
pub(crate) const SIGNATURE_TYPE: &str = "Wechatpay-Signature-Type";
/// The identifier of one call.
pub(crate) const REQUEST_ID: &str = "Request-ID";

/// What a deliberate signature probe's `Wechatpay-Signature` starts with.
pub(crate) const PROBE_PREFIX: &str = "WECHATPAY/SIGNTEST/";

/// The timestamp window of the official SDKs: `|now − timestamp| ≥ 300 s` is refused.
pub(crate) const DEFAULT_MAX_SKEW_SECS: u64 = 300;

/// The request signing message: `METHOD\nURI\nTIMESTAMP\nNONCE\nBODY\n`, the URI and body
/// exactly as sent.
pub(crate) fn request_message(
    method: &str,
    uri: &str,
    timestamp: &str,
    nonce: &str,
    body: &[u8],
) -> Vec<u8> {
    let mut message = Vec::with_capacity(method.len() + uri.len() + 64 + body.len());
    for line in [method, uri, timestamp, nonce] {
        message.extend_from_slice(line.as_bytes());
        message.push(b'\n');
    }
    message.extend_from_slice(body);
    message.push(b'\n');
    message
}

/// The answer (and notification) signing message: `TIMESTAMP\nNONCE\nBODY\n`.
pub(crate) fn answer_message(timestamp: &str, nonce: &str, body: &[u8]) -> Vec<u8> {
    let mut message = Vec::with_capacity(timestamp.len() + nonce.len() + 3 + body.len());
    for line in [timestamp, nonce] {
        message.extend_from_slice(line.as_bytes());
        message.push(b'\n');
    }
    message.extend_from_slice(body);
    message.push(b'\n');
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_end_every_line_with_a_newline() {
        assert_eq!(
            request_message("GET", "/v3/x?a=%2B", "1", "n", b""),
            b"GET\n/v3/x?a=%2B\n1\nn\n\n".to_vec()
        );
        assert_eq!(
            request_message("POST", "/v3/x", "1", "n", "{\"a\":\"中\"}".as_bytes()),
            "POST\n/v3/x\n1\nn\n{\"a\":\"中\"}\n".as_bytes().to_vec()
        );
        assert_eq!(answer_message("1", "n", b"{}"), b"1\nn\n{}\n".to_vec());
        assert_eq!(answer_message("1", "n", b""), b"1\nn\n\n".to_vec());
    }
}
