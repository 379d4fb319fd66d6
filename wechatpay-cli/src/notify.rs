//! `wechatpay notify decrypt --headers FILE --body FILE`: a captured notification verified with
//! the WeChat Pay public key, decrypted with the APIv3 key, and printed as JSON with its personal
//! fields masked.

use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::{Args, Subcommand};
use serde_json::{Value, json};
use wechatpay_apiv3::notify::{Notification, Notifications, NotifyError, parse_header_lines};
use wechatpay_apiv3::{ApiV3Key, WechatPayKeys, WechatPayPublicKey};

use crate::config::{Config, read_secret};
use crate::exit::{Exit, Failure};

/// The largest headers or body file read: a notification is a few KiB.
const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// What stands for a value that is not shown.
const NOT_SHOWN: &str = "<redacted>";

/// `wechatpay notify`'s subcommands.
#[derive(Subcommand, Debug)]
pub enum NotifyCommand {
    /// Verify and decrypt a captured notification and print it as JSON (personal fields masked)
    #[command(after_help = concat!(
        "Uses WECHATPAY_PUBLIC_KEY_ID and WECHATPAY_PUBLIC_KEY_PATH to verify the signature over the\n",
        "body's exact bytes, and WECHATPAY_APIV3_KEY_PATH to decrypt the resource. Nothing is printed\n",
        "unless the signature verifies. The payer's openid and a refund's account are masked; the\n",
        "resource of an unpublished event type (the gov/subsidy notify_url) shows its members only.\n\n",
        "Example:\n",
        "  wechatpay notify decrypt --headers headers.txt --body body.json\n",
        "  (headers.txt: `Wechatpay-Timestamp: 1700000000` lines, as logged; a request line and # comments are skipped)\n\n",
        "Exit codes: 0 verified and decrypted; 2 a file or setting is missing or wrong (a resource that does not\n",
        "decrypt after a valid signature means a wrong APIv3 key); 4 the notification is not genuine (signature,\n",
        "timestamp older than --max-skew, unknown serial, malformed)",
    ))]
    Decrypt(DecryptArgs),
}

/// `wechatpay notify decrypt`'s arguments.
#[derive(Args, Debug)]
pub struct DecryptArgs {
    /// The notification's headers: `Name: value` lines
    #[arg(long, value_name = "FILE")]
    pub headers: PathBuf,
    /// The notification's body, byte for byte as received
    #[arg(long, value_name = "FILE")]
    pub body: PathBuf,
    /// Accept a Wechatpay-Timestamp this many seconds from now (raise it for an older capture)
    #[arg(long, value_name = "SECONDS", default_value_t = 300)]
    pub max_skew: u64,
    #[command(flatten)]
    pub config: Config,
}

/// Runs a `notify` subcommand.
pub fn run(command: NotifyCommand) -> Result<(), Failure> {
    match command {
        NotifyCommand::Decrypt(args) => decrypt(&args),
    }
}

fn decrypt(args: &DecryptArgs) -> Result<(), Failure> {
    let notifications = notifications(&args.config, Duration::from_secs(args.max_skew))?;
    let headers_text =
        read_secret("--headers", &args.headers, MAX_FILE_BYTES).map_err(Failure::usage)?;
    let headers = parse_header_lines(&headers_text).map_err(|error| {
        Failure::usage(format!("--headers {}: {error}", args.headers.display()))
    })?;
    let body = read_bytes(&args.body)?;
    let notification = notifications.decrypt_json(&headers, &body).map_err(failure)?;
    let text = serde_json::to_string_pretty(&shown(notification))
        .map_err(|error| Failure::new(Exit::Untrusted, format!("the notification: {error}")))?;
    println!("{text}");
    Ok(())
}

/// Verification with the configured public key, decryption with the APIv3 key.
fn notifications(config: &Config, max_skew: Duration) -> Result<Notifications, Failure> {
    let id = config.require("WECHATPAY_PUBLIC_KEY_ID")?;
    let key_path = PathBuf::from(config.require("WECHATPAY_PUBLIC_KEY_PATH")?);
    let apiv3_path = PathBuf::from(config.require("WECHATPAY_APIV3_KEY_PATH")?);
    let pem = read_secret("WECHATPAY_PUBLIC_KEY_PATH", &key_path, MAX_FILE_BYTES)
        .map_err(Failure::usage)?;
    let public_key = WechatPayPublicKey::from_pem(&id, &pem)
        .map_err(|error| Failure::usage(error.to_string()))?;
    let apiv3_text =
        read_secret("WECHATPAY_APIV3_KEY_PATH", &apiv3_path, 1024).map_err(Failure::usage)?;
    let apiv3 = ApiV3Key::new(apiv3_text.trim_end_matches(['\r', '\n']))
        .map_err(|error| Failure::usage(format!("WECHATPAY_APIV3_KEY_PATH: {error}")))?;
    let keys = WechatPayKeys::new().with_public_key(public_key).with_max_skew(max_skew);
    Ok(Notifications::new(keys, apiv3))
}

/// The body's exact bytes (the signature covers them).
fn read_bytes(path: &Path) -> Result<Vec<u8>, Failure> {
    let cannot = |why: &dyn std::fmt::Display| {
        Failure::usage(format!("cannot read --body {}: {why}", path.display()))
    };
    let len = std::fs::metadata(path).map_err(|error| cannot(&error.kind()))?.len();
    if len > MAX_FILE_BYTES {
        return Err(cannot(&format_args!(
            "{len} bytes is more than the {MAX_FILE_BYTES} accepted"
        )));
    }
    std::fs::read(path).map_err(|error| cannot(&error.kind()))
}

/// A refusal as its exit code: a resource that does not decrypt after a valid signature is a
/// wrong APIv3 key here (configuration); anything else means the notification is not genuine.
fn failure(error: NotifyError) -> Failure {
    let exit = match error {
        NotifyError::Decryption(_) => Exit::Usage,
        _ => Exit::Untrusted,
    };
    let mut message = error.to_string();
    if exit == Exit::Usage {
        message
            .push_str(" (the signature verified, so WECHATPAY_APIV3_KEY_PATH holds another key)");
    }
    Failure::new(exit, message)
}

/// The notification as printed: the envelope and the resource, personal fields masked.
fn shown(notification: Notification<Value>) -> Value {
    let resource = mask(&notification.event_type, notification.resource);
    json!({
        "id": notification.id,
        "create_time": notification.create_time,
        "event_type": notification.event_type,
        "resource_type": notification.resource_type,
        "summary": notification.summary,
        "original_type": notification.original_type,
        "resource": resource,
    })
}

/// The resource with the fields `wechatpay_apiv3::notify` types as `Redacted` masked: the payer's
/// `openid` of a payment, the account a refund went to. The payload of other event types is not
/// published, so only its structure is shown.
fn mask(event_type: &str, mut resource: Value) -> Value {
    let personal: &[&str] = match event_type.split('.').next() {
        Some("TRANSACTION") => &["/payer/openid"],
        Some("REFUND") => &["/user_received_account"],
        _ => return structure(resource),
    };
    for pointer in personal {
        if let Some(value) = resource.pointer_mut(pointer) {
            *value = Value::from(NOT_SHOWN);
        }
    }
    resource
}

/// `value` with every leaf replaced: its members and lengths, not its values.
fn structure(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            Value::Object(map.into_iter().map(|(k, v)| (k, structure(v))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(structure).collect()),
        _ => Value::from(NOT_SHOWN),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personal_fields_are_masked_and_unpublished_resources_show_only_members() {
        let paid = json!({"payer": {"openid": "oUpF8u"}, "amount": {"total": 100}});
        assert_eq!(
            mask("TRANSACTION.SUCCESS", paid),
            json!({"payer": {"openid": NOT_SHOWN}, "amount": {"total": 100}})
        );
        let refund =
            json!({"user_received_account": "招商银行信用卡0403", "refund_status": "SUCCESS"});
        assert_eq!(mask("REFUND.SUCCESS", refund)["user_received_account"], NOT_SHOWN);
        let audit = json!({"id_card_number": "110101199003074477", "items": [{"n": 1}]});
        assert_eq!(
            mask("AUDIT.RESULT", audit),
            json!({"id_card_number": NOT_SHOWN, "items": [{"n": NOT_SHOWN}]})
        );
    }
}
