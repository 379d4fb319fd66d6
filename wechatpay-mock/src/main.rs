//! `cargo run -p wechatpay-apiv3-mock [-- --port N] [--quiet]`: runs the sandbox until Ctrl-C, after
//! printing ready-to-paste `export WECHATPAY_…=` lines (base URL, mchid, merchant serial, the
//! paths of the shipped demo merchant key and public key files, the public key ID) and the WeChat
//! Pay public key. A private key is never printed.

use std::process::ExitCode;

use wechatpay_apiv3_mock::{Sandbox, missing_key_files};

const USAGE: &str = "usage: wechatpay-apiv3-mock [--port N] [--quiet]\n\
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

    print!("{}", sandbox.banner());
    for path in missing_key_files() {
        eprintln!("warning: {path} is missing (the binary was moved from its source tree)");
    }
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
