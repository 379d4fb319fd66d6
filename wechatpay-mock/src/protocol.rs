//! The sandbox's own reading of the APIv3 wire protocol: header names, the `Authorization`
//! scheme and the two signed messages. Written from the published protocol, not taken from the
//! SDK, so that a client bug in these is caught here rather than mirrored.
//!
//! `wechatpay_apiv3_core` is used only for the RSA primitives (sign, verify, OAEP decrypt) and for
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

/// Unix seconds as WeChat Pay writes times (certificates' validity, notifications'
/// `create_time`): RFC 3339 in China Standard Time, `2024-01-01T08:00:00+08:00`.
pub(crate) fn beijing_time(unix: i64) -> String {
    let local = unix + 8 * 3600;
    let (days, secs) = (local.div_euclid(86_400), local.rem_euclid(86_400));
    let (year, month, day) = civil_from_days(days);
    let (hour, minute, second) = (secs / 3600, secs / 60 % 60, secs % 60);
    format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}+08:00")
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
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

    #[test]
    fn times_are_written_in_beijing_time() {
        assert_eq!(beijing_time(0), "1970-01-01T08:00:00+08:00");
        assert_eq!(beijing_time(951_782_400), "2000-02-29T08:00:00+08:00");
        assert_eq!(beijing_time(1_624_523_846), "2021-06-24T16:37:26+08:00");
        assert_eq!(beijing_time(1_704_067_200), "2024-01-01T08:00:00+08:00");
        assert_eq!(beijing_time(1_709_164_800 + 3_599), "2024-02-29T08:59:59+08:00");
        assert_eq!(beijing_time(2_082_758_399), "2036-01-01T07:59:59+08:00");
    }
}
