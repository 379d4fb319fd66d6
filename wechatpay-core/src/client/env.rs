//! Configuration from `WECHATPAY_*` environment variables.

use super::builder::ClientBuilder;
use crate::error::Error;

/// A builder from the variables `lookup` finds (the environment, or a map in tests).
pub(super) fn builder_from(
    lookup: impl Fn(&str) -> Option<String>,
) -> Result<ClientBuilder, Error> {
    let var = |name: &str| {
        lookup(name)
            .ok_or_else(|| Error::Setup(format!("the environment variable {name} is not set")))
    };
    let file = |name: &str| {
        let path = var(name)?;
        std::fs::read_to_string(&path)
            .map_err(|error| Error::Setup(format!("cannot read {name}={path}: {}", error.kind())))
    };
    let mut builder = ClientBuilder::default()
        .mchid(&var("WECHATPAY_MCHID")?)
        .merchant_key_pem(&file("WECHATPAY_MCH_KEY_PATH")?, &var("WECHATPAY_MCH_SERIAL")?)?
        .wechatpay_public_key_pem(
            &var("WECHATPAY_PUBLIC_KEY_ID")?,
            &file("WECHATPAY_PUBLIC_KEY_PATH")?,
        )?;
    if let Some(base_url) = lookup("WECHATPAY_BASE_URL") {
        builder = builder.base_url(&base_url);
    }
    Ok(builder)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn message(vars: &[(&str, &str)]) -> String {
        let vars: HashMap<String, String> =
            vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        match builder_from(|name| vars.get(name).cloned()) {
            Ok(_) => String::from("ok"),
            Err(error) => error.to_string(),
        }
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
}
