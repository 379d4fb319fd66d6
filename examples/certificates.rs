//! Downloads WeChat Pay's platform certificates (`GET /v3/certificates`) and prints each one's
//! serial and validity.
//!
//! `cargo run --example certificates` starts the offline sandbox in-process and downloads from it:
//! the list's signature verified with the sandbox's public key, each certificate decrypted with the
//! demo APIv3 key. With the `WECHATPAY_*` variables set (see `Client::from_env`; the APIv3 key file
//! in `WECHATPAY_APIV3_KEY_PATH`), it downloads from `WECHATPAY_BASE_URL` (production by default:
//! a read-only request) instead and starts no sandbox.

use std::time::SystemTime;

use wechatpay_apiv3::time::Rfc3339;
use wechatpay_apiv3::{Client, PlatformCertificate};
use wechatpay_apiv3_mock::{Sandbox, demo};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    if std::env::var_os("WECHATPAY_MCHID").is_some() {
        let client = Client::from_env()?;
        println!("downloading from {}", client.base_url());
        return print_certificates(&client).await;
    }

    let sandbox = Sandbox::start().await?;
    println!("sandbox listening on {}", sandbox.base_url());
    let client = Client::builder()
        .mchid(demo::MCHID)
        .merchant_key_pem(demo::MERCHANT_KEY_PEM, demo::MERCHANT_SERIAL)?
        .wechatpay_public_key_pem(sandbox.public_key_id(), sandbox.public_key_pem())?
        .apiv3_key(demo::api_v3_key())
        .base_url(&sandbox.base_url())
        .build()?;
    print_certificates(&client).await
}

/// Downloads the verified, decrypted certificates and prints one line each. A real program would
/// save them with `PlatformCertificate::to_pem`, or put them in use with `refresh_certificates`.
async fn print_certificates(client: &Client) -> Result<(), Box<dyn std::error::Error>> {
    let certificates: Vec<PlatformCertificate> = client.download_certificates().await?;
    println!("{} platform certificate(s), verified and decrypted:", certificates.len());
    for certificate in &certificates {
        println!(
            "  serial {}  valid {} .. {}",
            certificate.serial(),
            beijing(certificate.not_before())?,
            beijing(certificate.not_after())?,
        );
    }
    Ok(())
}

/// `time` in China Standard Time, as WeChat Pay writes times.
fn beijing(time: SystemTime) -> Result<Rfc3339, Box<dyn std::error::Error>> {
    Ok(Rfc3339::beijing(time)?)
}
