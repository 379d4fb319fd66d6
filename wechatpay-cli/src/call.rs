//! `wechatpay call METHOD PATH [--data FILE|-]`: one typed endpoint sent from JSON.

use std::io::{IsTerminal as _, Read as _};
use std::path::PathBuf;

use clap::Args;
use wechatpay_apiv3::gov::subsidy::{CallError, call_json};
use zeroize::Zeroizing;

use crate::config::{Config, read_secret};
use crate::endpoints;
use crate::exit::{Exit, Failure};

/// The largest request read: a batch report is a few hundred KiB.
const MAX_REQUEST_BYTES: u64 = 16 * 1024 * 1024;

/// `wechatpay call`'s arguments.
#[derive(Args, Debug)]
pub struct CallArgs {
    /// The HTTP method (any case), as `wechatpay endpoints` lists it
    pub method: String,
    /// The path, with or without /v3/gov/subsidy
    pub path: String,
    /// The request as JSON, plaintext personal data included: a file, or - for stdin (the
    /// default when stdin is not a terminal)
    #[arg(long, short, value_name = "FILE|-")]
    pub data: Option<PathBuf>,
    #[command(flatten)]
    pub config: Config,
}

/// Sends the request and prints the verified answer's JSON on stdout.
pub async fn run(args: CallArgs) -> Result<(), Failure> {
    let endpoint = endpoints::find(&args.path)?;
    if !endpoint.method.as_str().eq_ignore_ascii_case(&args.method) {
        return Err(Failure::usage(format!(
            "{} is a {} endpoint, not {}",
            endpoint.path,
            endpoint.method.as_str(),
            args.method.to_uppercase()
        )));
    }
    let json = read_request(args.data.as_ref())?;
    let client = args.config.client()?;
    let answer = call_json(&client, endpoint.method.as_str(), endpoint.path, &json).await.map_err(
        |error| match error {
            CallError::Send(error) => Failure::from(error),
            CallError::Json { .. } => Failure::new(Exit::Invalid, error.to_string()),
            other => Failure::usage(other.to_string()),
        },
    )?;
    let text = serde_json::to_string_pretty(&answer)
        .map_err(|error| Failure::new(Exit::Untrusted, format!("the answer: {error}")))?;
    println!("{text}");
    Ok(())
}

/// The request's text: from `--data FILE`, or stdin for `--data -` or no `--data` when stdin is
/// not a terminal.
fn read_request(data: Option<&PathBuf>) -> Result<Zeroizing<String>, Failure> {
    match data {
        Some(path) if path.as_os_str() != "-" => {
            read_secret("--data", path, MAX_REQUEST_BYTES).map_err(Failure::usage)
        }
        None if std::io::stdin().is_terminal() => Err(Failure::usage(
            "no request: give its JSON with --data FILE, or pipe it in (--data -)",
        )),
        _ => {
            let mut text = Zeroizing::new(String::new());
            std::io::stdin()
                .take(MAX_REQUEST_BYTES)
                .read_to_string(&mut text)
                .map_err(|error| Failure::usage(format!("cannot read stdin: {}", error.kind())))?;
            Ok(text)
        }
    }
}
