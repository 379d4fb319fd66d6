//! Measures RSA-2048 speed of each compiled-in crypto backend against OpenSSL, in one run:
//! `cargo run --release -p wechatpay-apiv3-core --all-features --example backend_speed`.
//! The README's choice of default backend comes from this.

use std::process::Command;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::temp_dir().join(format!("wechatpay-speed-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let pem = dir.join("key.pem");
    let key = dir.join("key.der");
    let public = dir.join("pub.der");
    openssl(
        &["genpkey", "-quiet", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out"],
        &[&pem],
    )?;
    openssl(
        &["pkcs8", "-topk8", "-nocrypt", "-outform", "DER", "-in"],
        &[&pem, "-out".as_ref(), &key],
    )?;
    openssl(&["pkey", "-pubout", "-outform", "DER", "-in"], &[&pem, "-out".as_ref(), &public])?;
    let rows = wechatpay_apiv3_core::backend::speed::measure(
        &std::fs::read(&key)?,
        &std::fs::read(&public)?,
        200,
    )?;
    std::fs::remove_dir_all(&dir)?;

    let openssl_sign = openssl_sign_seconds()?;
    println!("OpenSSL (openssl speed rsa2048): sign {:.3} ms", openssl_sign * 1e3);
    for (backend, operation, mean) in rows {
        let ms = mean.as_secs_f64() * 1e3;
        let ratio = if operation.starts_with("sign") {
            format!("  ({:.2}x OpenSSL)", mean.as_secs_f64() / openssl_sign)
        } else {
            String::new()
        };
        println!("{backend:>10}  {operation:<28} {ms:8.3} ms{ratio}");
    }
    Ok(())
}

fn openssl(args: &[&str], paths: &[&std::path::Path]) -> Result<(), Box<dyn std::error::Error>> {
    let status = Command::new("openssl").args(args).args(paths).status()?;
    if status.success() { Ok(()) } else { Err(format!("openssl {args:?} failed").into()) }
}

/// Seconds per RSA-2048 signature as `openssl speed` measures it in this run.
fn openssl_sign_seconds() -> Result<f64, Box<dyn std::error::Error>> {
    let output = Command::new("openssl").args(["speed", "-seconds", "2", "rsa2048"]).output()?;
    let text = String::from_utf8_lossy(&output.stdout);
    let line = text
        .lines()
        .find(|line| line.starts_with("rsa 2048 bits"))
        .ok_or("no rsa2048 line in `openssl speed` output")?;
    let seconds = line.split_whitespace().nth(3).ok_or("unexpected `openssl speed` format")?;
    Ok(seconds.trim_end_matches('s').parse()?)
}
