//! `cargo run -p wechatpay-apiv3-mock [-- --port N] [--quiet]`: runs the sandbox until Ctrl-C, after
//! printing ready-to-paste `export WECHATPAY_…=` lines (base URL, mchid, merchant serial, the
//! paths of the demo key files, the public key ID) and the WeChat Pay public key. The paths are
//! the shipped files', or copies in the cache directory when the source tree is gone. A private
//! key is never printed.

use std::process::ExitCode;

use wechatpay_apiv3_mock::{KeyFiles, Sandbox};

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

    // The shipped key files, or copies when the binary outlived its source tree.
    let keys = match KeyFiles::shipped_or_cached() {
        Ok(keys) => keys,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    print!("{}", sandbox.banner(&keys));
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
