//! What a standalone sandbox tells the shell that starts it: ready-to-paste `export WECHATPAY_…`
//! lines and a banner. Shared by `wechatpay-apiv3-mock`'s binary and `wechatpay sandbox`, so both print
//! the same. A private key is never printed, even a test one: clients read the shipped file.

use std::fmt::Write as _;

use crate::{ENDPOINTS, Sandbox, demo};

impl Sandbox {
    /// The `WECHATPAY_*` variables that point `Client::from_env` at this sandbox: base URL,
    /// mchid, merchant serial, the paths of the shipped demo key files, the public key ID, and the
    /// APIv3 key file (`wechatpay notify decrypt` reads it).
    pub fn env_vars(&self) -> [(&'static str, String); 7] {
        [
            ("WECHATPAY_BASE_URL", self.base_url()),
            ("WECHATPAY_MCHID", demo::MCHID.to_owned()),
            ("WECHATPAY_MCH_SERIAL", demo::MERCHANT_SERIAL.to_owned()),
            ("WECHATPAY_MCH_KEY_PATH", demo::MERCHANT_KEY_PATH.to_owned()),
            ("WECHATPAY_PUBLIC_KEY_ID", self.public_key_id().to_owned()),
            ("WECHATPAY_PUBLIC_KEY_PATH", demo::PUBLIC_KEY_PATH.to_owned()),
            ("WECHATPAY_APIV3_KEY_PATH", demo::APIV3_KEY_PATH.to_owned()),
        ]
    }

    /// [`Sandbox::env_vars`] as `export NAME=value` lines, values quoted for a POSIX shell.
    pub fn export_lines(&self) -> String {
        self.env_vars()
            .iter()
            .map(|(name, value)| format!("export {name}={}\n", shell_quote(value)))
            .collect()
    }

    /// The text a standalone sandbox prints on start: a warning that the keys are for tests, the
    /// export lines, the endpoints, and the WeChat Pay public key.
    pub fn banner(&self) -> String {
        let mut text = String::new();
        let _ =
            writeln!(text, "WeChat Pay sandbox (test keys only: never use them for anything real)");
        let _ = writeln!(text);
        let _ = writeln!(
            text,
            "# paste into a shell to point the SDK (Client::from_env) at this sandbox:"
        );
        text.push_str(&self.export_lines());
        let _ = writeln!(text);
        let _ = writeln!(text, "endpoints ({}, every region whitelisted):", ENDPOINTS.len());
        for endpoint in ENDPOINTS {
            let (method, path, title) = (endpoint.method, endpoint.path, endpoint.title);
            let _ = writeln!(text, "  {method:4} {path}  {title} ({})", endpoint.region.name());
        }
        let _ = writeln!(text);
        let _ = writeln!(text, "WeChat Pay public key (pub_key.pem, {}):", self.public_key_id());
        text.push_str(self.public_key_pem());
        text
    }
}

/// The shipped key files the export lines name that are missing (the binary was moved from its
/// source tree), for a warning.
pub fn missing_key_files() -> Vec<&'static str> {
    [demo::MERCHANT_KEY_PATH, demo::PUBLIC_KEY_PATH, demo::APIV3_KEY_PATH]
        .into_iter()
        .filter(|path| !std::path::Path::new(path).is_file())
        .collect()
}

/// `value` as one shell word: as is if it holds only safe characters, else single-quoted.
fn shell_quote(value: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "/._-+:=@,%".contains(c);
    if !value.is_empty() && value.chars().all(safe) {
        value.to_owned()
    } else {
        format!("'{}'", value.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::shell_quote;
    use crate::demo;

    #[test]
    fn the_shipped_files_hold_the_demo_keys() {
        let read = |path| std::fs::read_to_string(path).expect("shipped");
        assert_eq!(read(demo::APIV3_KEY_PATH), format!("{}\n", demo::APIV3_KEY));
        assert_eq!(read(demo::MERCHANT_KEY_PATH), demo::MERCHANT_KEY_PEM);
        assert_eq!(read(demo::PUBLIC_KEY_PATH), demo::PUBLIC_KEY_PEM);
    }

    #[test]
    fn shell_words_are_quoted_only_when_needed() {
        assert_eq!(shell_quote("http://127.0.0.1:8080"), "http://127.0.0.1:8080");
        assert_eq!(shell_quote("/a b/key.pem"), "'/a b/key.pem'");
        assert_eq!(shell_quote("it's"), "'it'\\''s'");
        assert_eq!(shell_quote(""), "''");
    }
}
