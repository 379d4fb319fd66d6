//! Exit codes and the one-line failure a command ends with. The codes are stable: scripts branch
//! on them, so they are documented in `--help`, the README and tested.

use std::process::ExitCode;

use wechatpay_apiv3::{CertificateError, Error};

/// What a command's exit status means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// A verified success (`doctor`: every check passed).
    Success = 0,
    /// WeChat Pay answered and refused: a verified business failure or an error status.
    Refused = 1,
    /// Bad arguments or configuration: nothing was sent.
    Usage = 2,
    /// The request does not fit its endpoint (JSON, rules): nothing was sent.
    Invalid = 3,
    /// An answer or notification whose signature did not verify, or that does not decode.
    Untrusted = 4,
    /// No answer, and nothing was applied (or the request is safe to repeat).
    Transport = 5,
    /// No verified answer to a request that may have been applied.
    OutcomeUnknown = 6,
    /// `doctor` found a problem.
    Unhealthy = 7,
}

/// The exit codes' text, as a literal for `concat!` in the help attributes.
macro_rules! exit_codes {
    () => {
        "Exit codes:
  0  success: a verified answer with a business success (doctor: every check passed)
  1  WeChat Pay refused: a verified business failure, or an error status (4xx, 5xx)
  2  usage or configuration error (arguments, unknown endpoint, WECHATPAY_* settings, key files); nothing sent
  3  invalid request: JSON that does not fit the endpoint's type, or broken rules; nothing sent
  4  untrusted: an answer or notification whose signature did not verify, or that does not decode
  5  transport failure: no answer, and nothing was applied (or the request is safe to repeat)
  6  outcome unknown: a report that may have been applied; look it up before sending it again
  7  doctor found a problem"
    };
}
pub(crate) use exit_codes;

/// How a command failed: the exit code and one line for stderr.
#[derive(Debug)]
pub struct Failure {
    /// The exit code.
    pub exit: Exit,
    /// What went wrong, on one line, without personal data.
    pub message: String,
}

impl Failure {
    /// A failure with this code and message.
    pub fn new(exit: Exit, message: impl Into<String>) -> Self {
        Self { exit, message: message.into() }
    }

    /// A usage or configuration failure.
    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(Exit::Usage, message)
    }
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        let exit = match &error {
            Error::Api { .. } | Error::Business { .. } => Exit::Refused,
            Error::Validation(_)
            | Error::Crypto(_)
            | Error::Serialize(_)
            | Error::Plaintext { .. } => Exit::Invalid,
            Error::Verification { .. } | Error::Decode { .. } => Exit::Untrusted,
            Error::Certificates(CertificateError::NoApiV3Key | CertificateError::NoTrustedKey) => {
                Exit::Usage
            }
            Error::Certificates(_) => Exit::Untrusted,
            Error::Transport { .. } => Exit::Transport,
            Error::OutcomeUnknown { .. } => Exit::OutcomeUnknown,
            _ => Exit::Usage,
        };
        let mut message = error.to_string();
        if let Error::Business { error_data, .. } = &error
            && !error_data.is_empty()
        {
            let count = error_data.len();
            message.push_str(&format!(
                " ({count} per-record error(s) not shown: they may quote personal data)"
            ));
        }
        Self::new(exit, message)
    }
}

/// Prints the failure on stderr and returns its exit code.
pub fn report(result: Result<(), Failure>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::from(Exit::Success as u8),
        Err(failure) => {
            eprintln!("error: {}", one_line(&failure.message));
            ExitCode::from(failure.exit as u8)
        }
    }
}

/// `text` with line breaks and other control characters replaced, so that it stays one line.
fn one_line(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}
