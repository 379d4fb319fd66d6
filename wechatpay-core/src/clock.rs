//! Time and randomness as injectable sources, so that tests can pin them.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::error::CryptoError;

/// A source of the current Unix time in seconds.
pub trait Clock: Send + Sync {
    /// Seconds since the Unix epoch.
    fn now(&self) -> i64;
}

/// The system clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> i64 {
        let since_epoch = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
        i64::try_from(since_epoch.as_secs()).unwrap_or(i64::MAX)
    }
}

impl<F: Fn() -> i64 + Send + Sync> Clock for F {
    fn now(&self) -> i64 {
        self()
    }
}

/// A source of request nonces.
pub trait NonceSource: Send + Sync {
    /// A fresh nonce for one signature.
    fn nonce(&self) -> Result<String, CryptoError>;
}

/// 32 characters from `[0-9A-Za-z]` drawn from the operating system's CSPRNG.
#[derive(Debug, Clone, Copy, Default)]
pub struct OsNonce;

/// Length of the nonces [`OsNonce`] draws.
pub const NONCE_LEN: usize = 32;

impl NonceSource for OsNonce {
    fn nonce(&self) -> Result<String, CryptoError> {
        const ALPHABET: &[u8; 62] =
            b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        // Rejection sampling: bytes >= 248 would favour the first 8 characters.
        const LIMIT: u8 = 248;
        let mut nonce = String::with_capacity(NONCE_LEN);
        let mut buf = [0u8; 64];
        while nonce.len() < NONCE_LEN {
            getrandom::fill(&mut buf)
                .map_err(|_| CryptoError::Backend { operation: "draw randomness" })?;
            for &byte in buf.iter().filter(|&&b| b < LIMIT).take(NONCE_LEN - nonce.len()) {
                nonce.push(ALPHABET[usize::from(byte % 62)] as char);
            }
        }
        Ok(nonce)
    }
}
