//! `wechatpay`: the command line of the WeChat Pay APIv3 SDK. Lists and describes the typed
//! gov/subsidy endpoints, sends one from JSON (validated, encrypted, signed, verified), runs the
//! offline sandbox, diagnoses a configuration, decrypts a captured notification and downloads the
//! platform certificates. Requests are never echoed and answers are printed as WeChat Pay wrote
//! them, so no plaintext personal data reaches the terminal.

mod call;
mod certificates;
mod config;
mod doctor;
mod endpoints;
mod exit;
mod notify;
mod report;
mod sandbox;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::exit::{Failure, exit_codes};

#[derive(Parser, Debug)]
#[command(
    name = "wechatpay",
    version,
    about = "WeChat Pay APIv3 from the command line: the gov/subsidy endpoints, the offline sandbox, a configuration doctor",
    after_help = concat!(
        "Configuration: the WECHATPAY_* variables Client::from_env reads (WECHATPAY_MCHID, WECHATPAY_MCH_SERIAL,\n",
        "WECHATPAY_MCH_KEY_PATH, WECHATPAY_PUBLIC_KEY_ID, WECHATPAY_PUBLIC_KEY_PATH, WECHATPAY_BASE_URL, WECHATPAY_PROXY)\n",
        "and WECHATPAY_APIV3_KEY_PATH; each has a flag that overrides it (see `wechatpay call --help`).\n\n",
        "Example:\n",
        "  wechatpay sandbox                  # in one shell; paste its export lines into another\n",
        "  wechatpay doctor\n",
        "  wechatpay call POST /zhejiang/qualifications/query --data query.json\n",
        "  wechatpay notify decrypt --headers headers.txt --body body.json\n\n",
        exit_codes!(),
    )
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// List the typed endpoints, or describe one with its fields and rules
    #[command(after_help = concat!(
        "Examples:\n",
        "  wechatpay endpoints                                   # method, path, region, title, encrypted fields\n",
        "  wechatpay endpoints /zhejiang/qualifications/sync     # its fields: required, encrypted, rules, docs\n\n",
        "Exit codes: 0 success, 2 unknown path (the nearest known ones are suggested)",
    ))]
    Endpoints {
        /// An endpoint's path, with or without /v3/gov/subsidy
        path: Option<String>,
    },
    /// Send one request from JSON and print the verified answer's JSON
    #[command(after_help = concat!(
        "The JSON is the request as your platform keeps it, plaintext personal data included: it is\n",
        "validated, its personal fields encrypted, signed and sent to WECHATPAY_BASE_URL (production by\n",
        "default); the answer is printed only if its signature verifies. The request is never echoed.\n\n",
        "Example:\n",
        "  wechatpay call POST /zhejiang/qualifications/query --data query.json\n",
        "  cat sync.json | wechatpay call post /v3/gov/subsidy/zhejiang/qualifications/sync\n\n",
        exit_codes!(),
    ))]
    Call(call::CallArgs),
    /// Send a file of records to a batch endpoint at its rate limit, exactly once, resumable
    #[command(after_help = concat!(
        "The endpoints: /zhejiang/qualifications/sync and /zhejiang/n-qualifications/confirm (batches\n",
        "of --batch records), /qualifications/sync, /n-qualifications/sync and /transactions/sync\n",
        "(Jiangsu: one record per request). Records are read one at a time from FILE.jsonl or FILE.csv\n",
        "(columns named as the fields are serialized), validated, encrypted, sent at --rate with at most\n",
        "--concurrency in flight. Every record's state goes into the journal (no personal data), so an\n",
        "interrupted run (Ctrl-C, a crash) resumes when the same command is run again: records in flight\n",
        "are looked up (Jiangsu: transactions/query) or left unknown, never sent twice. A changed input\n",
        "is refused. Failed and unknown records go to FILE.failed.jsonl with their reasons.\n\n",
        "Examples:\n",
        "  wechatpay report /zhejiang/qualifications/sync --input 2026-12-03.jsonl --dry-run\n",
        "  wechatpay report /zhejiang/qualifications/sync --input 2026-12-03.jsonl --batch 50\n",
        "  wechatpay report /transactions/sync --input orders.csv --rate 80\n\n",
        "Exit codes: 0 every record done; 1 some failed (refused); 2 usage or configuration (a changed\n",
        "input, a journal of another run); 3 --dry-run found problems; 5 stopped with records pending\n",
        "(rerun to resume); 6 some records' outcome is unknown (check them before reporting again)",
    ))]
    Report(report::ReportArgs),
    /// Run the offline sandbox on 127.0.0.1 and print the `export WECHATPAY_…` lines for it
    #[command(after_help = concat!(
        "Its keys are throwaway test keys: never use them for anything real. Stops on Ctrl-C.\n\n",
        "Example:\n",
        "  wechatpay sandbox --port 8080      # then paste the export lines into another shell\n\n",
        "Exit codes: 0 stopped by Ctrl-C, 2 the port is taken or the sandbox did not start",
    ))]
    Sandbox(sandbox::SandboxArgs),
    /// Check the configuration and explain each problem with its fix
    #[command(after_help = concat!(
        "Checks offline: the mchid; the merchant key parses and is at least 2048 bits; the serial is\n",
        "well-formed and, with --cert, the certificate's, with the key belonging to it; the public key ID\n",
        "and file; the APIv3 key file if set; the client settings (base URL, proxy).\n",
        "Checks online (one harmless signed request, an empty query that is refused as invalid):\n",
        "connectivity, clock skew against the server's Date, whether WeChat Pay accepts the signature\n",
        "(a 401 SIGN_ERROR means key, serial and mchid do not match what is registered), and whether the\n",
        "answer verifies with the configured public key. Only the server knows which key is registered,\n",
        "so that check is impossible offline.\n\n",
        "Example:\n",
        "  wechatpay doctor --cert apiclient_cert.pem\n\n",
        "Exit codes: 0 every check passed, 7 a check failed (each FAIL line says why and how to fix it)",
    ))]
    Doctor(doctor::DoctorArgs),
    /// Notifications (回调通知): verify and decrypt a captured one
    #[command(subcommand, after_help = concat!(
        "Example:\n",
        "  wechatpay notify decrypt --headers headers.txt --body body.json\n\n",
        "Exit codes: see `wechatpay notify decrypt --help`",
    ))]
    Notify(notify::NotifyCommand),
    /// Platform certificates (平台证书): download them
    #[command(subcommand, after_help = concat!(
        "Example:\n",
        "  wechatpay certificates download --out certs/\n\n",
        "Exit codes: see `wechatpay certificates download --help`",
    ))]
    Certificates(certificates::CertificatesCommand),
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    exit::report(run(cli.command).await)
}

async fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Endpoints { path: None } => {
            print!("{}", endpoints::list());
            Ok(())
        }
        Command::Endpoints { path: Some(path) } => {
            print!("{}", endpoints::describe(endpoints::find(&path)?));
            Ok(())
        }
        Command::Call(args) => call::run(args).await,
        Command::Report(args) => report::run(args).await,
        Command::Sandbox(args) => sandbox::run(args).await,
        Command::Doctor(args) => doctor::run(args).await,
        Command::Notify(command) => notify::run(command),
        Command::Certificates(command) => certificates::run(command).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_well_formed() {
        use clap::CommandFactory as _;
        Cli::command().debug_assert();
    }
}
