//! Request verification as WeChat Pay does it: the `Authorization` header, the merchant and
//! certificate it names, the timestamp window, the RSA-SHA256 signature over
//! `METHOD\nURI\nTIMESTAMP\nNONCE\nBODY\n`, and nonce replay.
//!
//! Error messages say what is wrong, never echo a signature or a body.

use std::collections::HashMap;
use std::sync::Arc;

use base64::prelude::*;
use wechatpay_apiv3_core::RsaPublicKey;

use crate::protocol::{SCHEME, request_message};
use crate::state::Shared;

/// The five parameters of an `Authorization` header, as sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AuthParams {
    pub(crate) mchid: String,
    pub(crate) nonce: String,
    pub(crate) signature: String,
    pub(crate) timestamp: String,
    pub(crate) serial: String,
}

const PARAMS: [&str; 5] = ["mchid", "nonce_str", "signature", "timestamp", "serial_no"];

/// Parses `WECHATPAY2-SHA256-RSA2048 k="v",k="v",…`: the scheme, one space, then the five
/// parameters in any order, each exactly once, comma-separated without spaces.
pub(crate) fn parse(header: &str) -> Result<AuthParams, String> {
    let Some(params) = header.strip_prefix(SCHEME).and_then(|rest| rest.strip_prefix(' ')) else {
        return Err(format!(
            "the Authorization header must start with `{SCHEME} ` (the scheme and one space)"
        ));
    };
    let mut values: [Option<&str>; 5] = [None; 5];
    for part in params.split(',') {
        let Some((key, quoted)) = part.split_once('=') else {
            return Err(malformed());
        };
        let value = quoted
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .filter(|v| !v.contains('"'))
            .ok_or_else(malformed)?;
        let Some(index) = PARAMS.iter().position(|known| *known == key) else {
            return Err(if is_param_name(key) {
                format!("unknown Authorization parameter `{key}`")
            } else {
                malformed()
            });
        };
        if values[index].replace(value).is_some() {
            return Err(format!("the Authorization parameter `{key}` appears more than once"));
        }
    }
    let take = |index: usize| {
        values[index].filter(|value| !value.is_empty()).map(str::to_owned).ok_or_else(|| {
            format!("the Authorization parameter `{}` is missing or empty", PARAMS[index])
        })
    };
    Ok(AuthParams {
        mchid: take(0)?,
        nonce: take(1)?,
        signature: take(2)?,
        timestamp: take(3)?,
        serial: take(4)?,
    })
}

fn malformed() -> String {
    "the Authorization parameters must be comma-separated key=\"value\" pairs without spaces"
        .to_owned()
}

fn is_param_name(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 32
        && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Verifies a request: on success the parsed parameters (the nonce is now used up), otherwise
/// the `SIGN_ERROR` message.
pub(crate) fn verify(
    shared: &Shared,
    method: &str,
    target: &str,
    body: &[u8],
    header: Option<&str>,
) -> Result<AuthParams, String> {
    let header = header.ok_or("the Authorization header is missing (or not visible ASCII)")?;
    let params = parse(header)?;
    let key = merchant_key(shared, &params)?;
    if params.timestamp.len() > 18 || !params.timestamp.bytes().all(|b| b.is_ascii_digit()) {
        return Err("the Authorization timestamp must be decimal Unix seconds".into());
    }
    let timestamp: i64 =
        params.timestamp.parse().map_err(|_| "the Authorization timestamp is out of range")?;
    let now = shared.clock.now();
    let skew = now.abs_diff(timestamp);
    if skew >= shared.max_skew {
        return Err(format!(
            "the Authorization timestamp is {skew} s away from the server clock (it must be less than {} s)",
            shared.max_skew
        ));
    }
    if !params.nonce.bytes().all(|b| b.is_ascii_graphic()) {
        return Err("the Authorization nonce_str must be visible ASCII".into());
    }
    let signature = BASE64_STANDARD
        .decode(&params.signature)
        .map_err(|_| "the Authorization signature is not standard base64")?;
    let message = request_message(method, target, &params.timestamp, &params.nonce, body);
    if !key.verify(&message, &signature) {
        return Err(
            "the signature does not verify: wrong key, or the signed METHOD, URI, TIMESTAMP, \
                    NONCE or BODY differ from the bytes sent"
                .into(),
        );
    }
    let fresh = shared
        .replays
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .check_and_insert(&params.mchid, &params.nonce, timestamp, now, shared.max_skew);
    if !fresh {
        return Err(
            "this nonce_str was already used by this merchant within the timestamp window \
                    (a replayed request)"
                .into(),
        );
    }
    Ok(params)
}

/// The public key of the certificate the request names.
fn merchant_key(shared: &Shared, params: &AuthParams) -> Result<Arc<RsaPublicKey>, String> {
    let merchants = shared.merchants.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let certificates = merchants
        .get(&params.mchid)
        .ok_or("the Authorization mchid is not a merchant registered in the sandbox")?;
    certificates.get(&params.serial.to_ascii_uppercase()).cloned().ok_or_else(|| {
        "the Authorization serial_no names no certificate registered for this mchid \
         (use the merchant API certificate's serial, upper-case hex)"
            .into()
    })
}

/// Nonces seen per merchant, forgotten once their timestamps leave the window.
#[derive(Debug, Default)]
pub(crate) struct Replays {
    seen: HashMap<(String, String), i64>,
}

impl Replays {
    /// Records `(mchid, nonce)`; `false` if it was already seen within the window.
    fn check_and_insert(
        &mut self,
        mchid: &str,
        nonce: &str,
        timestamp: i64,
        now: i64,
        window: u64,
    ) -> bool {
        // A nonce can only be replayed while its timestamp is within the window of `now`.
        self.seen.retain(|_, seen| now.abs_diff(*seen) < window);
        let key = (mchid.to_owned(), nonce.to_owned());
        if self.seen.contains_key(&key) {
            return false;
        }
        self.seen.insert(key, timestamp);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_in_any_order() {
        let header = format!(
            "{SCHEME} serial_no=\"AB\",timestamp=\"1\",signature=\"c2ln\",nonce_str=\"n\",mchid=\"1\""
        );
        let params = parse(&header).unwrap();
        assert_eq!(params.mchid, "1");
        assert_eq!(params.nonce, "n");
        assert_eq!(params.serial, "AB");
    }

    #[test]
    fn rejects_malformed_headers() {
        let ok = "mchid=\"1\",nonce_str=\"n\",signature=\"s\",timestamp=\"1\",serial_no=\"A\"";
        assert!(parse(&format!("{SCHEME} {ok}")).is_ok());
        for bad in [
            format!("{SCHEME}{ok}"),
            format!("{SCHEME}  {ok}"),
            format!("Bearer {ok}"),
            format!("{SCHEME} {ok},mchid=\"1\""),
            format!("{SCHEME} {ok},extra=\"1\""),
            format!("{SCHEME} {}", ok.replace(",nonce", ", nonce")),
            format!("{SCHEME} {}", ok.replace("mchid=\"1\",", "")),
            format!("{SCHEME} {}", ok.replace("\"1\"", "1")),
            format!("{SCHEME} {}", ok.replace("nonce_str=\"n\"", "nonce_str=\"\"")),
            format!("{SCHEME} {ok},"),
        ] {
            assert!(parse(&bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn replays_are_forgotten_outside_the_window() {
        let mut replays = Replays::default();
        assert!(replays.check_and_insert("1", "n", 1000, 1000, 300));
        assert!(!replays.check_and_insert("1", "n", 1000, 1100, 300));
        assert!(replays.check_and_insert("2", "n", 1000, 1100, 300));
        assert!(replays.check_and_insert("1", "n", 1000, 1300, 300));
    }

    #[test]
    fn the_replay_store_is_bounded_by_the_window() {
        let mut replays = Replays::default();
        for i in 0..1000 {
            assert!(replays.check_and_insert("1", &format!("n{i}"), 1000, 1000, 300));
        }
        assert_eq!(replays.seen.len(), 1000);
        // Once the window has passed, every old nonce is forgotten on the next request.
        assert!(replays.check_and_insert("1", "fresh", 1300, 1300, 300));
        assert_eq!(replays.seen.len(), 1);
    }
}
