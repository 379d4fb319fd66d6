//! Configuration from `WECHATPAY_*` environment variables.

use std::io::Read as _;

use zeroize::Zeroizing;

use super::builder::ClientBuilder;
use crate::aead::ApiV3Key;
use crate::error::Error;

/// The largest key file read: PEM keys are a few KiB; anything this long is the wrong file.
const MAX_KEY_FILE_BYTES: u64 = 1024 * 1024;

/// A builder from the variables `lookup` finds (the environment, or a map in tests).
pub(super) fn builder_from(
    lookup: impl Fn(&str) -> Option<String>,
) -> Result<ClientBuilder, Error> {
    let var = |name: &str| {
        lookup(name)
            .ok_or_else(|| Error::Setup(format!("the environment variable {name} is not set")))
    };
    let file = |name: &str| read_key_file(name, &var(name)?);
    let mut builder = ClientBuilder::default()
        .mchid(&var("WECHATPAY_MCHID")?)
        .merchant_key_pem(&file("WECHATPAY_MCH_KEY_PATH")?, &var("WECHATPAY_MCH_SERIAL")?)?;
    let apiv3_key = lookup("WECHATPAY_APIV3_KEY_PATH").is_some();
    if apiv3_key {
        let text = file("WECHATPAY_APIV3_KEY_PATH")?;
        builder = builder.apiv3_key(
            ApiV3Key::new(text.trim())
                .map_err(|error| Error::Setup(format!("WECHATPAY_APIV3_KEY_PATH: {error}")))?,
        );
    }
    // A merchant with an APIv3 key may rely on downloaded platform certificates alone.
    let public_key = ["WECHATPAY_PUBLIC_KEY_ID", "WECHATPAY_PUBLIC_KEY_PATH"]
        .iter()
        .any(|name| lookup(name).is_some());
    if public_key || !apiv3_key {
        builder = builder.wechatpay_public_key_pem(
            &var("WECHATPAY_PUBLIC_KEY_ID")?,
            &file("WECHATPAY_PUBLIC_KEY_PATH")?,
        )?;
    }
    if let Some(base_url) = lookup("WECHATPAY_BASE_URL") {
        builder = builder.base_url(&base_url);
    }
    if let Some(proxy) = lookup("WECHATPAY_PROXY") {
        builder = builder.proxy(&proxy).map_err(|error| match error {
            Error::Setup(message) => Error::Setup(format!("WECHATPAY_PROXY: {message}")),
            other => other,
        })?;
    }
    Ok(builder)
}

/// The text of the key file at `path` (named by the variable `name` in errors), zeroed on drop:
/// read into a buffer reserved at the file's size, so that no reallocation leaves a copy of a
/// private key behind.
fn read_key_file(name: &str, path: &str) -> Result<Zeroizing<String>, Error> {
    let cannot_read =
        |why: &dyn std::fmt::Display| Error::Setup(format!("cannot read {name}={path}: {why}"));
    let mut file = std::fs::File::open(path).map_err(|error| cannot_read(&error.kind()))?;
    let len = file.metadata().map_err(|error| cannot_read(&error.kind()))?.len();
    if len > MAX_KEY_FILE_BYTES {
        return Err(cannot_read(&format_args!("{len} bytes is too long for a PEM key file")));
    }
    // One spare byte, so that reading to the end needs no growth.
    let capacity = usize::try_from(len).unwrap_or(0).saturating_add(1);
    let mut text = Zeroizing::new(String::with_capacity(capacity));
    (&mut file)
        .take(MAX_KEY_FILE_BYTES)
        .read_to_string(&mut text)
        .map_err(|error| cannot_read(&error.kind()))?;
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

    fn builder(vars: &[(&str, &str)]) -> Result<ClientBuilder, Error> {
        let vars: HashMap<String, String> =
            vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        builder_from(|name| vars.get(name).cloned())
    }

    fn message(vars: &[(&str, &str)]) -> String {
        match builder(vars) {
            Ok(_) => String::from("ok"),
            Err(error) => error.to_string(),
        }
    }

    /// A complete configuration (the mock's demo merchant) and `extra`.
    fn complete(extra: &[(&'static str, &'static str)]) -> Vec<(&'static str, String)> {
        let mut vars = vec![
            ("WECHATPAY_MCHID", "1900000001".to_owned()),
            ("WECHATPAY_MCH_SERIAL", "683C2B5F33299E4EE67E24FD7FF6E97B00E40642".to_owned()),
            ("WECHATPAY_MCH_KEY_PATH", format!("{FIXTURES}/sandbox-merchant-key.pem")),
            ("WECHATPAY_PUBLIC_KEY_ID", "PUB_KEY_ID_0119000000012025000000000001".to_owned()),
            ("WECHATPAY_PUBLIC_KEY_PATH", format!("{FIXTURES}/sandbox-platform-public-key.pem")),
        ];
        vars.extend(extra.iter().map(|(name, value)| (*name, (*value).to_owned())));
        vars
    }

    fn from(vars: &[(&'static str, String)]) -> Result<ClientBuilder, Error> {
        let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
        builder(&vars)
    }

    #[test]
    fn names_the_first_missing_variable() {
        assert!(message(&[]).contains("WECHATPAY_MCHID"));
        assert!(message(&[("WECHATPAY_MCHID", "1900000001")]).contains("WECHATPAY_MCH_KEY_PATH"));
        let missing_file = message(&[
            ("WECHATPAY_MCHID", "1900000001"),
            ("WECHATPAY_MCH_KEY_PATH", "/nonexistent/apiclient_key.pem"),
        ]);
        assert!(missing_file.contains("cannot read WECHATPAY_MCH_KEY_PATH"), "{missing_file}");
    }

    #[test]
    fn a_complete_configuration_builds_without_a_proxy() {
        let builder = from(&complete(&[])).unwrap();
        assert!(format!("{builder:?}").contains("proxy: None"), "{builder:?}");
        assert!(builder.build().is_ok());
    }

    #[test]
    fn wechatpay_proxy_sets_the_proxy_and_its_mistakes_name_the_variable() {
        let builder = from(&complete(&[("WECHATPAY_PROXY", "http://user:s3cr3t@proxy:3128")]));
        let debug = format!("{:?}", builder.unwrap());
        assert!(debug.contains(r#"proxy: Some("http://***@proxy:3128/")"#), "{debug}");
        assert!(!debug.contains("s3cr3t"), "{debug}");

        let error = from(&complete(&[("WECHATPAY_PROXY", "socks5://user:s3cr3t@proxy")]))
            .unwrap_err()
            .to_string();
        assert!(error.contains("WECHATPAY_PROXY: the proxy URL"), "{error}");
        assert!(!error.contains("s3cr3t"), "{error}");
    }

    #[test]
    fn the_apiv3_key_file_is_read_trimmed_and_makes_the_public_key_optional() {
        let dir = tempfile::tempdir().unwrap();
        let key = dir.path().join("apiv3.key");
        std::fs::write(&key, "0123456789abcdef0123456789abcdef\n").unwrap();
        let key = key.to_str().unwrap().to_owned();
        let mut vars = complete(&[]);
        vars.retain(|(name, _)| !name.starts_with("WECHATPAY_PUBLIC_KEY"));
        assert!(from(&vars).unwrap_err().to_string().contains("WECHATPAY_PUBLIC_KEY_ID"));
        vars.push(("WECHATPAY_APIV3_KEY_PATH", key.clone()));
        let debug = format!("{:?}", from(&vars).unwrap());
        assert!(debug.contains("apiv3_key: Some(ApiV3Key(..))"), "{debug}");
        assert!(!debug.contains("0123456789abcdef"), "{debug}");
        vars.push(("WECHATPAY_PUBLIC_KEY_ID", "PUB_KEY_ID_0119000000012025000000000001".into()));
        let half = from(&vars).unwrap_err().to_string();
        assert!(half.contains("WECHATPAY_PUBLIC_KEY_PATH"), "both or neither: {half}");

        std::fs::write(&key, "short-secret\n").unwrap();
        let short = from(&complete(&[("WECHATPAY_APIV3_KEY_PATH", "")]));
        assert!(short.unwrap_err().to_string().contains("cannot read WECHATPAY_APIV3_KEY_PATH"));
        let mut vars = complete(&[]);
        vars.push(("WECHATPAY_APIV3_KEY_PATH", key));
        let error = from(&vars).unwrap_err().to_string();
        assert!(
            error.contains("WECHATPAY_APIV3_KEY_PATH: the APIv3 key must be exactly 32"),
            "{error}"
        );
        assert!(!error.contains("short-secret"), "{error}");
    }

    #[test]
    fn key_files_are_read_into_zeroizing_strings_and_bounded() {
        let path = format!("{FIXTURES}/sandbox-merchant-key.pem");
        let pem: Zeroizing<String> = read_key_file("WECHATPAY_MCH_KEY_PATH", &path).unwrap();
        assert!(pem.starts_with("-----BEGIN "));
        assert!(pem.capacity() <= pem.len() + 1, "read without growing");

        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.pem");
        std::fs::write(&big, vec![b'A'; 1024 * 1024 + 1]).unwrap();
        let error = read_key_file("WECHATPAY_MCH_KEY_PATH", big.to_str().unwrap()).unwrap_err();
        assert!(error.to_string().contains("too long for a PEM key file"), "{error}");
    }
}
