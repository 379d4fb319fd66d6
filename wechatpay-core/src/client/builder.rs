//! Configuring a [`Client`].

use std::sync::Arc;
use std::time::Duration;

use super::{Client, DEFAULT_BASE_URL, Inner, RetryPolicy, certificates};
use crate::aead::ApiV3Key;
use crate::cert::PlatformCertificate;
use crate::clock::Clock;
use crate::error::Error;
use crate::key_store::WechatPayKeys;
use crate::keys::{MerchantPrivateKey, MerchantSerial, WechatPayPublicKey};
use crate::sign::Signer;

/// Builds a [`Client`]. Keys are checked as they are given; [`ClientBuilder::build`] checks that
/// the merchant is complete and the base URL is usable.
///
/// # Proxies
///
/// Requests carry the `Authorization` signature and personal data, so they go only where the
/// configuration says. The proxy environment variables (`HTTPS_PROXY`, `HTTP_PROXY`,
/// `ALL_PROXY`, `NO_PROXY` and their lower-case forms) and system proxy settings are **ignored**.
/// A proxy is used only when given explicitly, with [`ClientBuilder::proxy`] or
/// `WECHATPAY_PROXY` (read by [`Client::from_env`] and [`ClientBuilder::from_env`]); even then,
/// a loopback base URL (a local sandbox) is reached directly, never through the proxy.
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
    proxy: Option<reqwest::Url>,
    apiv3_key: Option<ApiV3Key>,
    refresh_every: Option<Duration>,
}

/// Hosts never reached through a proxy: a loopback base URL is a local sandbox.
const NEVER_PROXIED: &str = "localhost,127.0.0.0/8,::1";

/// Installs one clock in both the signer and the key store.
type ClockSetter = Arc<dyn Fn(Signer, WechatPayKeys) -> (Signer, WechatPayKeys) + Send + Sync>;

impl std::fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("mchid", &self.mchid)
            .field("keys", &self.keys)
            .field("base_url", &without_user_info(&self.base_url))
            .field("proxy", &self.proxy.as_ref().map(|proxy| without_user_info(proxy.as_str())))
            .field("apiv3_key", &self.apiv3_key)
            .field("refresh_every", &self.refresh_every)
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
            proxy: None,
            apiv3_key: None,
            refresh_every: None,
        }
    }
}

impl ClientBuilder {
    /// The builder [`Client::from_env`] builds, from the `WECHATPAY_*` variables it lists and the
    /// optional `WECHATPAY_PROXY` (see [`ClientBuilder::proxy`]), so that other settings can be
    /// added before [`ClientBuilder::build`]. The error names the first variable missing.
    pub fn from_env() -> Result<Self, Error> {
        Self::from_vars(|name| std::env::var(name).ok())
    }

    /// [`ClientBuilder::from_env`] reading the variables through `lookup`: for programs that let
    /// flags or a file override the environment (the command line does).
    pub fn from_vars(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, Error> {
        super::env::builder_from(lookup)
    }

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

    /// The merchant's APIv3 key, which decrypts the platform certificates WeChat Pay lists
    /// (see [`Client::download_certificates`]). Never printed.
    pub fn apiv3_key(mut self, key: ApiV3Key) -> Self {
        self.apiv3_key = Some(key);
        self
    }

    /// Refreshes the platform certificates in the background every `interval`
    /// ([`DEFAULT_REFRESH_INTERVAL`](crate::DEFAULT_REFRESH_INTERVAL) is hourly), first one
    /// interval after building, with [`Client::refresh_certificates`]: a refused or failed
    /// download is logged and tried again at the next interval, and the certificates in use are
    /// kept. Sends never wait for it. The task stops when the last clone of the client is
    /// dropped. Needs an APIv3 key and a Tokio runtime when building (a
    /// [`blocking`](crate::blocking) client's runtime runs it only during calls).
    pub fn refresh_certificates_every(mut self, interval: Duration) -> Self {
        self.refresh_every = Some(interval);
        self
    }

    /// Where requests go (default `https://api.mch.weixin.qq.com`): scheme, host, optional port;
    /// checked by [`ClientBuilder::build`]. A trailing `/` is dropped; a path prefix
    /// (`https://host/prefix`) and user-info (`https://user:password@host`) are refused.
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

    /// Sends requests through an HTTP proxy, `http://host:port` or `https://host:port`
    /// (`user:password@` before the host is sent as proxy authentication and never printed). The
    /// proxy sees only the host and port: requests reach WeChat Pay through a `CONNECT` tunnel,
    /// encrypted end to end. A loopback base URL (a local sandbox) is never proxied. Without this
    /// call no proxy is used, whatever the proxy environment variables say.
    pub fn proxy(mut self, proxy_url: &str) -> Result<Self, Error> {
        self.proxy = Some(check_proxy_url(proxy_url)?);
        Ok(self)
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
        let refresh = self.refresh_every.map(|every| self.check_refresh(every)).transpose()?;
        let mchid = self.mchid.ok_or_else(|| Error::Setup("the mchid is not set".into()))?;
        let (key, serial) = self
            .merchant
            .ok_or_else(|| Error::Setup("the merchant private key is not set".into()))?;
        let base_url = check_base_url(&self.base_url)?;
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
        // another path. No proxy from the environment: `no_proxy()` drops reqwest's automatic
        // system proxy, so the signature and the body go only where this configuration says.
        let mut http = reqwest::Client::builder()
            .no_proxy()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(self.connect_timeout)
            .timeout(self.timeout);
        if let Some(proxy) = &self.proxy
            && !is_loopback(&base_url)
        {
            let proxy = reqwest::Proxy::all(proxy.as_str())
                .map_err(|_| Error::Setup("the proxy URL is not usable".into()))?
                .no_proxy(reqwest::NoProxy::from_string(NEVER_PROXIED));
            http = http.proxy(proxy);
        }
        let http =
            http.build().map_err(|error| Error::Setup(format!("the HTTP client: {error}")))?;
        let inner = Arc::new_cyclic(|client| Inner {
            http,
            base_url: self.base_url,
            signer,
            keys: std::sync::RwLock::new(Arc::new(keys.clone())),
            configured: keys,
            apiv3_key: self.apiv3_key,
            refresher: refresh
                .map(|(runtime, every)| certificates::Refresher::start(&runtime, client, every)),
            retry: self.retry,
            user_agent,
            max_response_bytes: self.max_response_bytes,
            connect_timeout: self.connect_timeout,
            timeout: self.timeout,
        });
        Ok(Client { inner })
    }
}

impl ClientBuilder {
    /// What a background refresh needs: an APIv3 key, a non-zero interval and a Tokio runtime.
    fn check_refresh(&self, every: Duration) -> Result<(tokio::runtime::Handle, Duration), Error> {
        if self.apiv3_key.is_none() {
            return Err(crate::certificates::CertificateError::NoApiV3Key.into());
        }
        if every.is_zero() {
            return Err(Error::Setup("the certificate refresh interval must not be zero".into()));
        }
        let runtime = tokio::runtime::Handle::try_current().map_err(|_| {
            Error::Setup("refreshing certificates needs a Tokio runtime when building".into())
        })?;
        Ok((runtime, every))
    }
}

/// An `https://` URL, or `http://` to a loopback host (a local sandbox): personal data never
/// travels in clear text over a network. Neither a path, which would make the path signed differ
/// from the one sent, nor user-info, which would travel and be logged, is accepted.
fn check_base_url(base_url: &str) -> Result<reqwest::Url, Error> {
    let invalid =
        |why: &str| Error::Setup(format!("the base URL {:?} {why}", without_user_info(base_url)));
    let url = reqwest::Url::parse(base_url)
        .map_err(|_| invalid("is not a URL: expected https://host[:port]"))?;
    if has_user_info(base_url, &url) {
        return Err(invalid(
            "must not contain user-info (user:password@): requests are authenticated by their signature",
        ));
    }
    if url.query().is_some() || url.fragment().is_some() || url.cannot_be_a_base() {
        return Err(invalid("must be scheme://host[:port]"));
    }
    let after_scheme = base_url.split_once("://").map_or(base_url, |(_, rest)| rest);
    if url.path() != "/" || after_scheme.contains(['/', '\\']) {
        return Err(invalid(
            "must not have a path: requests are signed over the path from /v3/…, and a prefix \
             would make the signed path differ from the one sent (give scheme://host[:port])",
        ));
    }
    match url.scheme() {
        "https" => Ok(url),
        "http" if is_loopback(&url) => Ok(url),
        "http" => Err(invalid("must use https:// (http:// only for a loopback sandbox)")),
        _ => Err(invalid("must start with https://")),
    }
}

/// An `http://` or `https://` proxy URL: scheme, host, optional port and user-info.
fn check_proxy_url(proxy_url: &str) -> Result<reqwest::Url, Error> {
    let invalid =
        |why: &str| Error::Setup(format!("the proxy URL {:?} {why}", without_user_info(proxy_url)));
    let url = reqwest::Url::parse(proxy_url)
        .map_err(|_| invalid("is not a URL: expected http://host:port or https://host:port"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(invalid("must start with http:// or https://"));
    }
    if url.path() != "/" || url.query().is_some() || url.fragment().is_some() {
        return Err(invalid("must be scheme://[user:password@]host[:port], without a path"));
    }
    // reqwest silently ignores a proxy whose URL `http::Uri` cannot read: refuse it here rather
    // than connect directly.
    if url.as_str().parse::<http::Uri>().is_err() {
        return Err(invalid("is not usable as a proxy URI"));
    }
    Ok(url)
}

/// Whether `url` names a loopback host: `localhost`, `127.0.0.0/8` or `::1`.
fn is_loopback(url: &reqwest::Url) -> bool {
    url.host_str().is_some_and(|host| {
        host.eq_ignore_ascii_case("localhost")
            || host
                .trim_start_matches('[')
                .trim_end_matches(']')
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback())
    })
}

/// Whether the URL carries user-info: in its parse, or an `@` in its text at all (fail-safe).
fn has_user_info(text: &str, url: &reqwest::Url) -> bool {
    !url.username().is_empty() || url.password().is_some() || text.contains('@')
}

/// `text` fit to print: anything between `scheme://` and the last `@` (user-info, perhaps a
/// password, perhaps one with a `/` in it) is replaced by `***`.
pub(super) fn without_user_info(text: &str) -> String {
    let Some(at) = text.rfind('@') else { return text.to_owned() };
    let start = text[..at].find("://").map_or(0, |scheme_end| scheme_end + 3);
    format!("{}***{}", &text[..start], &text[at..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_anywhere_and_http_only_to_loopback() {
        for good in [
            "https://api.mch.weixin.qq.com",
            "https://api2.wechatpay.cn:8443",
            "http://127.0.0.1:8080",
            "http://127.1.2.3:8080",
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

    fn setup_message(result: Result<impl std::fmt::Debug, Error>) -> String {
        match result {
            Err(Error::Setup(message)) => message,
            other => panic!("expected a setup error, got {other:?}"),
        }
    }

    #[test]
    fn a_path_prefix_is_refused_and_a_trailing_slash_is_fine() {
        for prefixed in [
            "https://api2.wechatpay.cn/prefix",
            "https://host/prefix/",
            "https://host/.",
            "https://host/%2e",
            "https://host\\prefix",
            "http://127.0.0.1:1/v3",
        ] {
            let builder = ClientBuilder::default().base_url(prefixed);
            let message = setup_message(check_base_url(&builder.base_url));
            assert!(message.contains("must not have a path"), "{prefixed}: {message}");
        }
        let builder = ClientBuilder::default().base_url("https://host/");
        assert_eq!(builder.base_url, "https://host");
        assert!(check_base_url(&builder.base_url).is_ok());
    }

    #[test]
    fn user_info_is_refused_and_never_printed() {
        for url in [
            "https://merchant:s3cr3t@api.mch.weixin.qq.com",
            "https://s3cr3t@api.mch.weixin.qq.com",
            "https://:s3cr3t@api.mch.weixin.qq.com",
            "https://merchant:s3/cr3t@host",
            "https://merchant:s3cr3t@ho st",
            "merchant:s3cr3t@host",
        ] {
            let builder = ClientBuilder::default().base_url(url);
            let debug = format!("{builder:?}");
            let message = setup_message(check_base_url(url));
            for shown in [&debug, &message] {
                assert!(!shown.contains("s3"), "{url}: {shown}");
                assert!(!shown.contains("merchant"), "{url}: {shown}");
            }
        }
        let message = setup_message(check_base_url("https://merchant:s3cr3t@host"));
        assert!(message.contains("\"https://***@host\" must not contain user-info"), "{message}");
    }

    #[test]
    fn proxy_urls_are_checked_at_once_and_their_user_info_never_printed() {
        for good in ["http://proxy:3128", "https://proxy.corp", "http://u:p%40ss@10.0.0.1:8080/"] {
            assert!(check_proxy_url(good).is_ok(), "{good}");
        }
        for bad in [
            "proxy:3128",
            "socks5://proxy:1080",
            "ftp://proxy",
            "http://proxy:3128/path",
            "http://proxy:3128?q",
            "http://",
            "",
        ] {
            assert!(ClientBuilder::default().proxy(bad).is_err(), "{bad}");
        }
        for secret in ["http://user:s3cr3t@proxy:3128/path", "socks5://user:s3cr3t@proxy"] {
            let message = setup_message(ClientBuilder::default().proxy(secret));
            assert!(!message.contains("s3cr3t") && !message.contains("user:s"), "{message}");
        }
        let builder = ClientBuilder::default().proxy("http://user:s3cr3t@proxy:3128").unwrap();
        let debug = format!("{builder:?}");
        assert!(debug.contains("http://***@proxy:3128/"), "{debug}");
        assert!(!debug.contains("s3cr3t") && !debug.contains("user:s"), "{debug}");
    }

    #[test]
    fn without_user_info_hides_everything_before_the_last_at() {
        assert_eq!(without_user_info("https://host:1"), "https://host:1");
        assert_eq!(without_user_info("https://a:b@host"), "https://***@host");
        assert_eq!(without_user_info("https://a:b/c@d@host"), "https://***@host");
        assert_eq!(without_user_info("a:b@host"), "***@host");
        assert_eq!(without_user_info("a:b@x://host"), "***@x://host");
    }

    #[test]
    fn defaults_are_the_ones_documented() {
        let builder = ClientBuilder::default();
        assert_eq!(builder.base_url, "https://api.mch.weixin.qq.com");
        assert_eq!(builder.connect_timeout, Duration::from_secs(10));
        assert_eq!(builder.timeout, Duration::from_secs(30));
        assert_eq!(
            builder.retry,
            RetryPolicy {
                max_retries: 2,
                base_delay: Duration::from_millis(200),
                max_delay: Duration::from_secs(2),
            }
        );
        assert_eq!(builder.max_response_bytes, 16 * 1024 * 1024);
        assert!(builder.proxy.is_none(), "no proxy unless configured");
        assert!(builder.user_agent.is_none() && builder.clock.is_none());
        assert!(builder.mchid.is_none() && builder.merchant.is_none() && builder.keys.is_empty());
        let max_skew = format!("{:?}", builder.keys);
        assert!(max_skew.contains("max_skew: 300"), "{max_skew}");
    }
}
