//! `wechatpay certificates download [--out DIR]`: the platform certificates, verified and
//! decrypted.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use wechatpay_apiv3::PlatformCertificate;
use wechatpay_apiv3::time::Rfc3339;

use crate::config::Config;
use crate::exit::{Exit, Failure};

/// `wechatpay certificates …`.
#[derive(Subcommand, Debug)]
pub enum CertificatesCommand {
    /// Download the platform certificates (GET /v3/certificates): verified, decrypted with the
    /// APIv3 key, checked, and listed (or written to --out)
    #[command(after_help = concat!(
        "The answer is verified with the configured WeChat Pay public key. Without one, pass\n",
        "--trust-on-first-use to verify it with the downloaded certificates themselves: that proves\n",
        "only that the list is self-consistent, not that it came from WeChat Pay (do it once, over a\n",
        "network you trust, and pin what you get).\n\n",
        "Example:\n",
        "  wechatpay certificates download --out certs/     # writes certs/<serial>.pem\n\n",
        "Exit codes: 0 downloaded, 1 refused by WeChat Pay, 2 usage or configuration (no APIv3 key,\n",
        "no key to verify with), 4 not trustworthy (signature, decryption, serial or validity), 5 transport",
    ))]
    Download(DownloadArgs),
}

/// `wechatpay certificates download`'s arguments.
#[derive(Args, Debug)]
pub struct DownloadArgs {
    /// Write each certificate to DIR/<serial>.pem
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Without a configured public key, verify the answer with the downloaded certificates
    #[arg(long)]
    pub trust_on_first_use: bool,
    #[command(flatten)]
    pub config: Config,
}

/// Runs `wechatpay certificates …`.
pub async fn run(command: CertificatesCommand) -> Result<(), Failure> {
    let CertificatesCommand::Download(args) = command;
    let client = args.config.client()?;
    let out = args.out.as_deref();
    if args.trust_on_first_use {
        let keys = client.trust_certificates_on_first_use().await?;
        report(keys.certificates(), out)
    } else {
        let certificates = client.download_certificates().await?;
        report(certificates.iter(), out)
    }
}

/// One line per certificate: serial, validity, and the file written.
fn report<'a>(
    certificates: impl Iterator<Item = &'a PlatformCertificate>,
    out: Option<&Path>,
) -> Result<(), Failure> {
    for certificate in certificates {
        let written = match out {
            Some(dir) => format!("  {}", write(dir, certificate)?.display()),
            None => String::new(),
        };
        println!(
            "{}  valid {} .. {}{written}",
            certificate.serial(),
            beijing(certificate.not_before()),
            beijing(certificate.not_after()),
        );
    }
    Ok(())
}

/// Writes `DIR/<serial>.pem`; the serial is hex digits, so it is a safe file name.
fn write(dir: &Path, certificate: &PlatformCertificate) -> Result<PathBuf, Failure> {
    let cannot = |error: std::io::Error| {
        Failure::new(Exit::Usage, format!("cannot write to {}: {}", dir.display(), error.kind()))
    };
    std::fs::create_dir_all(dir).map_err(cannot)?;
    let path = dir.join(format!("{}.pem", certificate.serial()));
    std::fs::write(&path, certificate.to_pem()).map_err(cannot)?;
    Ok(path)
}

fn beijing(time: std::time::SystemTime) -> String {
    Rfc3339::beijing(time).map_or_else(|_| "(out of range)".to_owned(), |time| time.to_string())
}
