//! The client's configuration: the `WECHATPAY_*` variables `Client::from_env` reads, each
//! overridable by a flag.

use std::path::{Path, PathBuf};

use clap::Args;
use wechatpay_apiv3::{Client, ClientBuilder};

use crate::exit::Failure;

/// The `WECHATPAY_*` settings; a flag wins over its variable. Values are never shown in `--help`
/// (a proxy URL may hold a password).
#[derive(Args, Debug)]
pub struct Config {
    /// Merchant ID (商户号)
    #[arg(long, env = "WECHATPAY_MCHID", hide_env_values = true, value_name = "MCHID")]
    pub mchid: Option<String>,
    /// Serial of the merchant API certificate (商户API证书序列号)
    #[arg(long, env = "WECHATPAY_MCH_SERIAL", hide_env_values = true, value_name = "SERIAL")]
    pub mch_serial: Option<String>,
    /// The merchant API private key file (apiclient_key.pem)
    #[arg(long, env = "WECHATPAY_MCH_KEY_PATH", hide_env_values = true, value_name = "FILE")]
    pub mch_key: Option<PathBuf>,
    /// The WeChat Pay public key ID (PUB_KEY_ID_…)
    #[arg(long, env = "WECHATPAY_PUBLIC_KEY_ID", hide_env_values = true, value_name = "ID")]
    pub public_key_id: Option<String>,
    /// The WeChat Pay public key file (pub_key.pem)
    #[arg(long, env = "WECHATPAY_PUBLIC_KEY_PATH", hide_env_values = true, value_name = "FILE")]
    pub public_key: Option<PathBuf>,
    /// Where requests go [default: https://api.mch.weixin.qq.com]
    #[arg(long, env = "WECHATPAY_BASE_URL", hide_env_values = true, value_name = "URL")]
    pub base_url: Option<String>,
    /// An explicit egress proxy (http://[user:password@]host:port); environment proxies are ignored
    #[arg(long, env = "WECHATPAY_PROXY", hide_env_values = true, value_name = "URL")]
    pub proxy: Option<String>,
    /// The APIv3 key file (32 characters): decrypts notifications and downloaded certificates
    #[arg(long, env = "WECHATPAY_APIV3_KEY_PATH", hide_env_values = true, value_name = "FILE")]
    pub apiv3_key: Option<PathBuf>,
}

/// Each setting's variable and flag; the first five are the ones a client cannot do without
/// (the first three when an APIv3 key is set).
const FLAGS: [(&str, &str); 8] = [
    ("WECHATPAY_MCHID", "--mchid"),
    ("WECHATPAY_MCH_SERIAL", "--mch-serial"),
    ("WECHATPAY_MCH_KEY_PATH", "--mch-key"),
    ("WECHATPAY_PUBLIC_KEY_ID", "--public-key-id"),
    ("WECHATPAY_PUBLIC_KEY_PATH", "--public-key"),
    ("WECHATPAY_BASE_URL", "--base-url"),
    ("WECHATPAY_PROXY", "--proxy"),
    ("WECHATPAY_APIV3_KEY_PATH", "--apiv3-key"),
];

impl Config {
    /// The value of the variable `name`, from its flag or the environment.
    pub fn var(&self, name: &str) -> Option<String> {
        let path = |path: &Option<PathBuf>| path.as_deref().map(|p| p.display().to_string());
        match name {
            "WECHATPAY_MCHID" => self.mchid.clone(),
            "WECHATPAY_MCH_SERIAL" => self.mch_serial.clone(),
            "WECHATPAY_MCH_KEY_PATH" => path(&self.mch_key),
            "WECHATPAY_PUBLIC_KEY_ID" => self.public_key_id.clone(),
            "WECHATPAY_PUBLIC_KEY_PATH" => path(&self.public_key),
            "WECHATPAY_BASE_URL" => self.base_url.clone(),
            "WECHATPAY_PROXY" => self.proxy.clone(),
            "WECHATPAY_APIV3_KEY_PATH" => path(&self.apiv3_key),
            _ => None,
        }
    }

    /// The first setting a client needs that is missing, as a one-line fix. With an APIv3 key,
    /// the WeChat Pay public key may be left out (certificates can be downloaded instead).
    pub fn missing(&self) -> Option<String> {
        let needed = if self.var("WECHATPAY_APIV3_KEY_PATH").is_some() { 3 } else { 5 };
        FLAGS[..needed]
            .iter()
            .find_map(|(name, _)| self.require(name).err().map(|failure| failure.message))
    }

    /// The value of the variable `name`, or a usage failure saying how to set it.
    pub fn require(&self, name: &str) -> Result<String, Failure> {
        self.var(name).ok_or_else(|| {
            let flag = FLAGS.iter().find(|(var, _)| *var == name).map_or("", |(_, flag)| *flag);
            Failure::usage(format!(
                "{name} is not set: export it or pass {flag} (see `wechatpay doctor`)"
            ))
        })
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> String {
        self.base_url.clone().unwrap_or_else(|| wechatpay_apiv3::DEFAULT_BASE_URL.to_owned())
    }

    /// A client, the way `Client::from_env` builds one.
    pub fn client(&self) -> Result<Client, Failure> {
        if let Some(missing) = self.missing() {
            return Err(Failure::usage(missing));
        }
        Ok(ClientBuilder::from_vars(|name| self.var(name))?.build()?)
    }
}

/// The text of a small file (a key, a request), zeroed on drop; `what` names it in errors, which
/// give the kind of failure but never the content.
pub fn read_secret(
    what: &str,
    path: &Path,
    max_bytes: u64,
) -> Result<zeroize::Zeroizing<String>, String> {
    use std::io::Read as _;
    let cannot =
        |why: &dyn std::fmt::Display| format!("cannot read {what} {}: {why}", path.display());
    let mut file = std::fs::File::open(path).map_err(|error| cannot(&error.kind()))?;
    let len = file.metadata().map_err(|error| cannot(&error.kind()))?.len();
    if len > max_bytes {
        return Err(cannot(&format_args!("{len} bytes is more than the {max_bytes} accepted")));
    }
    let capacity = usize::try_from(len).unwrap_or(0).saturating_add(1);
    let mut text = zeroize::Zeroizing::new(String::with_capacity(capacity));
    (&mut file).take(max_bytes).read_to_string(&mut text).map_err(|error| cannot(&error.kind()))?;
    Ok(text)
}
