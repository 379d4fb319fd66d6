//! `cargo run -p wechatpay-mock [-- --port N] [--quiet]`: runs the sandbox until Ctrl-C, after
//! printing ready-to-paste `export WECHATPAY_…=` lines (base URL, mchid, merchant serial, the
//! paths of the shipped demo merchant key and public key files, the public key ID) and the WeChat
//! Pay public key. A private key is never printed.

use std::process::ExitCode;

use wechatpay_mock::{ENDPOINTS, Sandbox, demo};

const USAGE: &str = "usage: wechatpay-mock [--port N] [--quiet]\n\
    Runs the offline WeChat Pay sandbox on 127.0.0.1 until Ctrl-C.\n\
    --port N   listen on port N (default: an ephemeral port)\n\
    --quiet    do not log requests (method, path and status) on stderr";

/// The demo merchant's private key file, as shipped (absolute path).
const MERCHANT_KEY_PATH: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/keys/merchant_private_key.pem");

/// The sandbox's WeChat Pay public key file, as shipped (absolute path).
const PUBLIC_KEY_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/keys/platform_public_key.pem");

/// `value` as one shell word: as is if it holds only safe characters, else single-quoted.
fn shell_quote(value: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "/._-+:=@,%".contains(c);
    if !value.is_empty() && value.chars().all(safe) {
        value.to_owned()
    } else {
        format!("'{}'", value.replace('\'', "'\\''"))
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let mut port = 0u16;
    let mut quiet = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--port" => match args.next().and_then(|value| value.parse().ok()) {
                Some(value) => port = value,
                None => {
                    eprintln!("--port needs a number from 0 to 65535\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "--quiet" => quiet = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("unknown argument `{other}`\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }

    let sandbox = match Sandbox::builder().port(port).log_requests(!quiet).start().await {
        Ok(sandbox) => sandbox,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };

    println!("WeChat Pay sandbox (test keys only: never use them for anything real)");
    println!();
    println!("# paste into a shell to point the SDK (Client::from_env) at this sandbox:");
    // A private key is never printed, even a test one: the client reads the shipped file.
    for (name, value) in [
        ("WECHATPAY_BASE_URL", sandbox.base_url()),
        ("WECHATPAY_MCHID", demo::MCHID.to_owned()),
        ("WECHATPAY_MCH_SERIAL", demo::MERCHANT_SERIAL.to_owned()),
        ("WECHATPAY_MCH_KEY_PATH", MERCHANT_KEY_PATH.to_owned()),
        ("WECHATPAY_PUBLIC_KEY_ID", sandbox.public_key_id().to_owned()),
        ("WECHATPAY_PUBLIC_KEY_PATH", PUBLIC_KEY_PATH.to_owned()),
    ] {
        println!("export {name}={}", shell_quote(&value));
    }
    for path in [MERCHANT_KEY_PATH, PUBLIC_KEY_PATH] {
        if !std::path::Path::new(path).is_file() {
            eprintln!("warning: {path} is missing (the binary was moved from its source tree)");
        }
    }
    println!();
    println!("endpoints ({}, every region whitelisted):", ENDPOINTS.len());
    for endpoint in ENDPOINTS {
        let (method, path, title) = (endpoint.method, endpoint.path, endpoint.title);
        println!("  {method:4} {path}  {title} ({})", endpoint.region.name());
    }
    println!();
    println!("WeChat Pay public key (pub_key.pem, {}):", sandbox.public_key_id());
    print!("{}", sandbox.public_key_pem());
    println!();
    println!("Press Ctrl-C to stop.");

    match tokio::signal::ctrl_c().await {
        Ok(()) => {
            drop(sandbox);
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("cannot listen for Ctrl-C: {error}");
            ExitCode::FAILURE
        }
    }
}
