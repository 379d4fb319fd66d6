//! Verification of signed responses and notifications against the key store.

use base64::prelude::*;
use http::HeaderMap;

use crate::error::VerifyError;
use crate::key_store::WechatPayKeys;
use crate::protocol::{PROBE_PREFIX, headers, response_message};

/// The four signature headers of a response or notification.
#[derive(Debug, Clone, Copy)]
pub struct SignatureHeaders<'a> {
    /// `Wechatpay-Timestamp`
    pub timestamp: &'a str,
    /// `Wechatpay-Nonce`
    pub nonce: &'a str,
    /// `Wechatpay-Signature`
    pub signature: &'a str,
    /// `Wechatpay-Serial`
    pub serial: &'a str,
}

impl<'a> SignatureHeaders<'a> {
    /// Reads the four headers; the first one missing or not visible ASCII is the error.
    pub fn from_header_map(map: &'a HeaderMap) -> Result<Self, VerifyError> {
        let get = |name: &'static str| {
            let value = map.get(name).ok_or(VerifyError::MissingHeader(name))?;
            value.to_str().map_err(|_| VerifyError::MalformedHeader(name))
        };
        Ok(Self {
            timestamp: get(headers::TIMESTAMP)?,
            nonce: get(headers::NONCE)?,
            signature: get(headers::SIGNATURE)?,
            serial: get(headers::SERIAL)?,
        })
    }
}

impl WechatPayKeys {
    /// Verifies a response or notification from its headers and exact body bytes.
    pub fn verify(&self, headers: &HeaderMap, body: &[u8]) -> Result<(), VerifyError> {
        self.verify_parts(SignatureHeaders::from_header_map(headers)?, body)
    }

    /// Verifies from already-extracted headers, refusing at the first failure: the
    /// `WECHATPAY/SIGNTEST/` probe, a malformed timestamp, the key by serial, base64, the
    /// signature over `TIMESTAMP\nNONCE\nBODY\n`, and only then the clock-skew window.
    ///
    /// The probe comes first because its signature can never verify: naming it is what tells
    /// it apart from a forgery. The window comes last, so that a forged and stale message is
    /// refused as forged ([`VerifyError::BadSignature`]), and a skew error means that WeChat Pay
    /// did sign it, at some time: a replay of an old message, or clocks that disagree.
    pub fn verify_parts(
        &self,
        headers: SignatureHeaders<'_>,
        body: &[u8],
    ) -> Result<(), VerifyError> {
        if headers.signature.starts_with(PROBE_PREFIX) {
            return Err(VerifyError::SignatureProbe);
        }
        let timestamp = parse_timestamp(headers.timestamp)?;
        let now = self.clock.now();
        let key = self.verifying_key(headers.serial, now)?;
        let signature = BASE64_STANDARD
            .decode(headers.signature)
            .map_err(|_| VerifyError::SignatureNotBase64)?;
        let message = response_message(headers.timestamp, headers.nonce, body);
        if !key.verify(&message, &signature) {
            return Err(VerifyError::BadSignature);
        }
        let skew = now.abs_diff(timestamp);
        if skew >= self.max_skew {
            return Err(VerifyError::TimestampSkew { timestamp, skew, max_skew: self.max_skew });
        }
        Ok(())
    }
}

fn parse_timestamp(value: &str) -> Result<i64, VerifyError> {
    let malformed = VerifyError::MalformedHeader(headers::TIMESTAMP);
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(malformed);
    }
    value.parse().map_err(|_| malformed)
}
