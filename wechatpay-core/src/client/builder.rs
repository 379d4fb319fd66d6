//! Configuring a [`Client`].

use std::sync::Arc;
use std::time::Duration;

use super::{Client, DEFAULT_BASE_URL, Inner, RetryPolicy};
use crate::cert::PlatformCertificate;
use crate::clock::Clock;
use crate::error::Error;
use crate::key_store::WechatPayKeys;
use crate::keys::{MerchantPrivateKey, MerchantSerial, WechatPayPublicKey};
use crate::sign::Signer;

/// Builds a [`Client`]. Keys are checked as they are given; [`ClientBuilder::build`] checks that
/// the merchant is complete and the base URL is usable.
pub struct ClientBuilder {
    mchid: Option<String>,
    merchant: Option<(MerchantPrivateKey, MerchantSerial)>,
    keys: WechatPayKeys,
    base_url: String,
    connect_timeout: Duration,
    timeout: Duration,
    retry: RetryPolicy,
    user_agent: Option<String>,
    clock: Option<ClockSetter>,
    max_response_bytes: usize,
}

/// Installs one clock in both the signer and the key store.
type ClockSetter = Arc<dyn Fn(Signer, WechatPayKeys) -> (Signer, WechatPayKeys) + Send + Sync>;

impl std::fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("mchid", &self.mchid)
            .field("keys", &self.keys)
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

impl Default for ClientBuilder {
    fn default() -> Self {
        Self {
            mchid: None,
            merchant: None,
            keys: WechatPayKeys::new(),
            base_url: DEFAULT_BASE_URL.to_owned(),
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            retry: RetryPolicy::default(),
            user_agent: None,
            clock: None,
            max_response_bytes: 16 * 1024 * 1024,
        }
    }
}

impl ClientBuilder {
    /// The merchant ID (`mchid`).
    pub fn mchid(mut self, mchid: &str) -> Self {
        self.mchid = Some(mchid.to_owned());
        self
    }

    /// The merchant API private key (`apiclient_key.pem`) and its certificate serial.
    pub fn merchant_key_pem(self, pem: &str, serial: &str) -> Result<Self, Error> {
        Ok(self.merchant_key(MerchantPrivateKey::from_pem(pem)?, serial.parse()?))
    }

    /// The merchant API private key and its certificate serial, already loaded.
    pub fn merchant_key(mut self, key: MerchantPrivateKey, serial: MerchantSerial) -> Self {
        self.merchant = Some((key, serial));
        self
    }

    /// A WeChat Pay public key (`pub_key.pem`) and its `PUB_KEY_ID_…`.
    pub fn wechatpay_public_key_pem(self, id: &str, pem: &str) -> Result<Self, Error> {
        Ok(self.wechatpay_public_key(WechatPayPublicKey::from_pem(id, pem)?))
    }

    /// A WeChat Pay public key, already loaded. Several may be configured (migrations).
    pub fn wechatpay_public_key(mut self, key: WechatPayPublicKey) -> Self {
        self.keys = self.keys.with_public_key(key);
        self
    }

    /// A platform certificate PEM (the mode before public keys; both may be configured).
    pub fn platform_certificate_pem(self, pem: &str) -> Result<Self, Error> {
        Ok(self.platform_certificate(PlatformCertificate::from_pem(pem)?))
    }

    /// A platform certificate, already loaded.
    pub fn platform_certificate(mut self, certificate: PlatformCertificate) -> Self {
        self.keys = self.keys.with_certificate(certificate);
        self
    }

    /// Where requests go (default `https://api.mch.weixin.qq.com`): scheme, host, optional port.
    pub fn base_url(mut self, base_url: &str) -> Self {
        self.base_url = base_url.trim_end_matches('/').to_owned();
        self
    }

    /// The limit on establishing a connection (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// The limit on a whole attempt, answer included (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// When to retry (default: 2 retries, 200 ms doubling up to 2 s).
    pub fn retry_policy(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// Replaces the default `User-Agent` (`wechatpay-rust/<version>`).
    pub fn user_agent(mut self, user_agent: &str) -> Self {
        self.user_agent = Some(user_agent.to_owned());
        self
    }

    /// The largest answer accepted (default 16 MiB); a longer one is `TransportKind::TooLarge`.
    pub fn max_response_bytes(mut self, max: usize) -> Self {
        self.max_response_bytes = max;
        self
    }

    /// The limit on `|now - Wechatpay-Timestamp|` of answers (default 300 s, exclusive).
    pub fn max_skew(mut self, max_skew: Duration) -> Self {
        self.keys = self.keys.with_max_skew(max_skew);
        self
    }

    /// The clock used to sign requests and check answers' timestamps (tests pin it).
    pub fn clock(mut self, clock: impl Clock + Clone + 'static) -> Self {
        self.clock = Some(Arc::new(move |signer: Signer, keys: WechatPayKeys| {
            (signer.with_clock(clock.clone()), keys.with_clock(clock.clone()))
        }));
        self
    }

    /// Builds the client; the error names what is missing or wrong.
    pub fn build(self) -> Result<Client, Error> {
        let mchid = self.mchid.ok_or_else(|| Error::Setup("the mchid is not set".into()))?;
        let (key, serial) = self
            .merchant
            .ok_or_else(|| Error::Setup("the merchant private key is not set".into()))?;
        check_base_url(&self.base_url)?;
        let user_agent = self
            .user_agent
            .map(|ua| http::HeaderValue::from_str(&ua))
            .transpose()
            .map_err(|_| Error::Setup("the user agent is not visible ASCII".into()))?;
        let mut signer = Signer::new(&mchid, serial, key)?;
        let mut keys = self.keys;
        if let Some(apply_clock) = self.clock {
            (signer, keys) = apply_clock(signer, keys);
        }
        // No redirects: a redirect would re-send the body elsewhere under a signature for
        // another path.
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(self.connect_timeout)
            .timeout(self.timeout)
            .build()
            .map_err(|error| Error::Setup(format!("the HTTP client: {error}")))?;
        let inner = Inner {
            http,
            base_url: self.base_url,
            signer,
            keys,
            retry: self.retry,
            user_agent,
            max_response_bytes: self.max_response_bytes,
            connect_timeout: self.connect_timeout,
            timeout: self.timeout,
        };
        Ok(Client { inner: Arc::new(inner) })
    }
}

/// An `https://` URL, or `http://` to a loopback host (a local sandbox): personal data never
/// travels in clear text over a network.
fn check_base_url(base_url: &str) -> Result<(), Error> {
    let invalid = |why: &str| Error::Setup(format!("the base URL {base_url:?} {why}"));
    let url = reqwest::Url::parse(base_url)
        .map_err(|_| invalid("is not a URL: expected https://host[:port][/prefix]"))?;
    if url.query().is_some() || url.fragment().is_some() || url.cannot_be_a_base() {
        return Err(invalid("must be scheme://host[:port][/prefix]"));
    }
    let loopback = url.host_str().is_some_and(|host| {
        host == "localhost"
            || host
                .trim_start_matches('[')
                .trim_end_matches(']')
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback())
    });
    match url.scheme() {
        "https" => Ok(()),
        "http" if loopback => Ok(()),
        "http" => Err(invalid("must use https:// (http:// only for a loopback sandbox)")),
        _ => Err(invalid("must start with https://")),
    }
}

#[cfg(test)]
mod tests {
    use super::check_base_url;

    #[test]
    fn https_anywhere_and_http_only_to_loopback() {
        for good in [
            "https://api.mch.weixin.qq.com",
            "https://api2.wechatpay.cn/prefix",
            "http://127.0.0.1:8080",
            "http://localhost:1",
            "http://[::1]:9",
        ] {
            assert!(check_base_url(good).is_ok(), "{good}");
        }
        for bad in [
            "http://api.mch.weixin.qq.com",
            "http://10.0.0.1",
            "ftp://127.0.0.1",
            "api.mch.weixin.qq.com",
            "https://host/?q=1",
            "https://host/#f",
            "",
        ] {
            assert!(check_base_url(bad).is_err(), "{bad}");
        }
    }
}
