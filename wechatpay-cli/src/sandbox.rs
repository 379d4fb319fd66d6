//! `wechatpay sandbox [--port N]`: the offline sandbox of `wechatpay-apiv3-mock`, until Ctrl-C.

use clap::Args;
use wechatpay_apiv3_mock::{KeyFiles, Sandbox};

use crate::exit::Failure;

/// `wechatpay sandbox`'s arguments.
#[derive(Args, Debug)]
pub struct SandboxArgs {
    /// Listen on this port of 127.0.0.1 (0: any free port)
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// Do not log requests (method, path, status) on stderr
    #[arg(long)]
    pub quiet: bool,
}

/// Starts the sandbox, prints its banner (the `export` lines first), and serves until Ctrl-C. The
/// export lines name the shipped key files, or copies in the cache directory when this binary was
/// installed and its source tree is gone.
pub async fn run(args: SandboxArgs) -> Result<(), Failure> {
    let keys = KeyFiles::shipped_or_cached().map_err(|error| Failure::usage(error.to_string()))?;
    let sandbox = Sandbox::builder()
        .port(args.port)
        .log_requests(!args.quiet)
        .start()
        .await
        .map_err(|error| Failure::usage(format!("the sandbox did not start: {error}")))?;
    print!("{}", sandbox.banner(&keys));
    println!();
    println!("Press Ctrl-C to stop.");
    tokio::signal::ctrl_c()
        .await
        .map_err(|error| Failure::usage(format!("cannot listen for Ctrl-C: {error}")))
}
