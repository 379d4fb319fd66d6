//! `cargo run -p wechatpay-mock [-- --port N] [--quiet]`: runs the sandbox until Ctrl-C, after
//! printing its base URL, the IDs a client needs, the WeChat Pay public key and where the demo
//! merchant key is.

use std::process::ExitCode;

use wechatpay_mock::{ENDPOINTS, Sandbox, demo};

const USAGE: &str = "usage: wechatpay-mock [--port N] [--quiet]\n\
    Runs the offline WeChat Pay sandbox on 127.0.0.1 until Ctrl-C.\n\
    --port N   listen on port N (default: an ephemeral port)\n\
    --quiet    do not log requests (method, path and status) on stderr";

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
    println!("base URL:           {}", sandbox.base_url());
    println!("mchid:              {}", demo::MCHID);
    println!("merchant serial_no: {}", demo::MERCHANT_SERIAL);
    println!("public key ID:      {}", sandbox.public_key_id());
    println!();
    println!("endpoints:");
    for endpoint in ENDPOINTS {
        println!("  {} {}", endpoint.method, endpoint.path);
    }
    println!();
    // A private key is never printed, even a test one: point at the file instead.
    println!(
        "merchant private key: {}/keys/merchant_private_key.pem (or wechatpay_mock::demo::MERCHANT_KEY_PEM)",
        env!("CARGO_MANIFEST_DIR")
    );
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
