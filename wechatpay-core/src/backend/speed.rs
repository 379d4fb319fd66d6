//! Timing of each compiled-in backend, for the `backend_speed` example (not a public API).

use std::time::{Duration, Instant};

use super::{Backend, Failed};

/// Mean time of one operation per backend: `(backend, operation, mean)`.
pub fn measure(
    pkcs8: &[u8],
    spki: &[u8],
    iterations: u32,
) -> Result<Vec<(&'static str, &'static str, Duration)>, String> {
    let mut rows = Vec::new();
    #[cfg(feature = "aws-lc-rs")]
    rows.extend(
        measure_one::<super::aws_lc::AwsLc>("aws-lc-rs", pkcs8, spki, iterations)
            .map_err(|_| "aws-lc-rs failed")?,
    );
    #[cfg(feature = "rsa")]
    rows.extend(
        measure_one::<super::rust_crypto::RustCrypto>("rsa", pkcs8, spki, iterations)
            .map_err(|_| "rsa failed")?,
    );
    Ok(rows)
}

fn measure_one<B: Backend>(
    name: &'static str,
    pkcs8: &[u8],
    spki: &[u8],
    iterations: u32,
) -> Result<Vec<(&'static str, &'static str, Duration)>, Failed> {
    let private = B::private_key_from_pkcs8(pkcs8)?;
    let public = B::public_key_from_spki(spki)?;
    let message = b"POST\n/v3/gov/subsidy/zhejiang/qualifications/sync\n1700000000\nNONCE\n{}\n";
    let signature = B::sign_sha256(&private, message)?;
    let ciphertext = B::oaep_encrypt(&public, b"330102199001011234")?;
    let time = |op: &mut dyn FnMut() -> Result<(), Failed>| -> Result<Duration, Failed> {
        op()?;
        let start = Instant::now();
        for _ in 0..iterations {
            op()?;
        }
        Ok(start.elapsed() / iterations)
    };
    Ok(vec![
        (
            name,
            "sign (PKCS#1 v1.5 SHA-256)",
            time(&mut || B::sign_sha256(&private, message).map(drop))?,
        ),
        (
            name,
            "verify",
            time(&mut || {
                B::verify_sha256(&public, message, &signature).then_some(()).ok_or(Failed)
            })?,
        ),
        (
            name,
            "OAEP encrypt",
            time(&mut || B::oaep_encrypt(&public, b"330102199001011234").map(drop))?,
        ),
        (name, "OAEP decrypt", time(&mut || B::oaep_decrypt(&private, &ciphertext).map(drop))?),
    ])
}
