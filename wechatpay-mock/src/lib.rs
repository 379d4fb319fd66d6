//! An offline WeChat Pay APIv3 sandbox: a real HTTP server on `127.0.0.1` that verifies
//! requests the way WeChat Pay does, decrypts their sensitive fields, records them, answers
//! with signed responses, and misbehaves on request.
//!
//! - Requests: `Authorization` (`WECHATPAY2-SHA256-RSA2048`, RSA-SHA256 over
//!   `METHOD\nURI\nTIMESTAMP\nNONCE\nBODY\n` with the merchant's registered key), a timestamp
//!   within ±300 s of the sandbox clock, no replayed nonce: otherwise `401 SIGN_ERROR`.
//! - Endpoints ([`ENDPOINTS`]: all 34 `/v3/gov/subsidy/…` pages of Zhejiang, Jiangsu and
//!   Shanghai/Fujian/Chongqing): required fields, JSON types, enum values, `Wechatpay-Serial` and
//!   RSA-OAEP encryption of the sensitive fields are checked from the sandbox's own table:
//!   otherwise `400 PARAM_ERROR` naming the field (never its value).
//! - Answers carry `Wechatpay-Timestamp`, `Wechatpay-Nonce`, `Wechatpay-Signature`,
//!   `Wechatpay-Serial` (the sandbox's public key ID) and `Request-ID`; a valid request gets its
//!   endpoint's success body in its [`Reply`] family.
//! - `GET /v3/certificates` lists each merchant's platform certificates, encrypted under its
//!   APIv3 key ([`SandboxBuilder::merchant_apiv3_key`]; the demo merchant's is
//!   [`demo::APIV3_KEY`]); [`Sandbox::set_platform_certificates`] scripts rotations: what is
//!   listed, which certificate signs the merchant's answers, and which signs the list.
//! - [`Sandbox::received`] returns what arrived, sensitive fields decrypted;
//!   [`Sandbox::inject`] scripts a [`Fault`] for the next request, [`Sandbox::script`] a business
//!   [`Outcome`] for the next valid request to one endpoint; [`SandboxBuilder::regions`] limits
//!   the regions the merchants are whitelisted for (`403 NOT_AUTH` elsewhere).
//! - Under load: [`SandboxBuilder::rate_limit`] (a token bucket per path; `429
//!   FREQUENCY_LIMITED` with `Retry-After`, not applied), [`SandboxBuilder::published_rate_limits`]
//!   (WeChat Pay's published limits), [`SandboxBuilder::latency`] ([`Latency`]), and
//!   [`Outcome::RejectRecords`] (per-record errors in a batch answer's `error_data`).
//!
//! The keys it ships (see [`demo`]) are throwaway test keys: never use them for anything real.
//!
//! ```no_run
//! # async fn example() -> Result<(), wechatpay_apiv3_mock::Error> {
//! use wechatpay_apiv3_mock::{Fault, Outcome, Sandbox, demo};
//!
//! let sandbox = Sandbox::start().await?;
//! let signer = demo::signer(); // the demo merchant, registered in every sandbox
//! let keys = sandbox.wechatpay_keys(); // verifies answers, encrypts fields to the sandbox
//! // … point a client at `sandbox.base_url()` …
//! sandbox.inject(Fault::Status(503)); // the next request gets 503 SERVICE_UNAVAILABLE
//! sandbox.script("POST", "/v3/gov/subsidy/zhejiang/qualifications/sync", Outcome::business(
//!     "100001", "资格核销失败", ["data[0]: 凭证码无效"],
//! )); // the next valid sync gets a 200 with resp_code 100001, and is not applied
//! # drop((signer, keys));
//! # Ok(()) }
//! ```
//!
//! The server stops when the [`Sandbox`] is dropped. Run it standalone with
//! `cargo run -p wechatpay-apiv3-mock`: it prints its URL, the IDs and public key a client needs, and
//! where the demo merchant key file is (never a private key itself).

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod auth;
mod certificates;
pub mod demo;
pub mod endpoints;
mod faults;
mod json;
mod load;
mod notify;
mod orders;
mod outcome;
mod protocol;
mod received;
mod respond;
mod server;
mod shell;
mod state;

use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use wechatpay_apiv3_core::{
    ApiV3Key, Clock, KeyError, MerchantPrivateKey, MerchantSerial, PublicKeyId, RsaPublicKey,
    SystemClock, WechatPayKeys, WechatPayPublicKey,
};

pub use certificates::{MockCertificate, PlatformCertificates};
pub use endpoints::{ENDPOINTS, Echo, Endpoint, FieldType, Location, Region, Reply};
pub use faults::Fault;
pub use load::{Latency, PUBLISHED_RATE_LIMITS};
pub use notify::{Delivered, NotificationAnswer, NotificationKind};
pub use outcome::{Outcome, Record};
pub use received::Received;
pub use shell::{KeyFiles, key_cache_dir};

use state::{ReceivedLog, Shared};

/// Why a sandbox could not start or a merchant could not be registered.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// Binding the listening socket on `127.0.0.1` failed.
    Bind(io::Error),
    /// A key, serial, key ID or mchid was refused.
    Key(KeyError),
    /// A notification could not be delivered (a bad URL, no connection, no answer in time).
    Deliver(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Bind(error) => write!(f, "the sandbox could not bind 127.0.0.1: {error}"),
            Error::Key(error) => write!(f, "sandbox configuration: {error}"),
            Error::Deliver(reason) => write!(f, "notification delivery: {reason}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Bind(error) => Some(error),
            Error::Key(error) => Some(error),
            Error::Deliver(_) => None,
        }
    }
}

impl From<KeyError> for Error {
    fn from(error: KeyError) -> Self {
        Error::Key(error)
    }
}

/// A running sandbox. Dropping it stops the server and closes every connection.
pub struct Sandbox {
    shared: Arc<Shared>,
    addr: SocketAddr,
    task: JoinHandle<()>,
}

/// Configures a [`Sandbox`] before it starts.
pub struct SandboxBuilder {
    clock: Arc<dyn Clock>,
    max_skew: Duration,
    platform: (String, String, String),
    api_v3_key: String,
    demo_merchant: bool,
    merchants: Vec<(String, String, String)>,
    apiv3_keys: Vec<(String, String)>,
    endpoints: Vec<Endpoint>,
    regions: Vec<Region>,
    port: u16,
    log_requests: bool,
    max_received: usize,
    rate_limits: HashMap<String, u32>,
    default_rate_limit: Option<u32>,
    latency: Latency,
}

impl Default for SandboxBuilder {
    fn default() -> Self {
        Self {
            clock: Arc::new(SystemClock),
            max_skew: Duration::from_secs(protocol::DEFAULT_MAX_SKEW_SECS),
            platform: (
                demo::PUBLIC_KEY_ID.to_owned(),
                demo::PLATFORM_PRIVATE_KEY_PEM.to_owned(),
                demo::PUBLIC_KEY_PEM.to_owned(),
            ),
            api_v3_key: demo::APIV3_KEY.to_owned(),
            demo_merchant: true,
            merchants: Vec::new(),
            apiv3_keys: Vec::new(),
            endpoints: ENDPOINTS.to_vec(),
            regions: Region::ALL.to_vec(),
            port: 0,
            log_requests: false,
            max_received: state::DEFAULT_MAX_RECEIVED,
            rate_limits: HashMap::new(),
            default_rate_limit: None,
            latency: Latency::NONE,
        }
    }
}

impl fmt::Debug for SandboxBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SandboxBuilder")
            .field("max_skew", &self.max_skew)
            .field("public_key_id", &self.platform.0)
            .field("demo_merchant", &self.demo_merchant)
            .field("merchants", &self.merchants.iter().map(|m| (&m.0, &m.1)).collect::<Vec<_>>())
            .field("endpoints", &self.endpoints.len())
            .field("regions", &self.regions)
            .field("port", &self.port)
            .field("log_requests", &self.log_requests)
            .field("max_received", &self.max_received)
            .field("rate_limits", &self.rate_limits)
            .field("default_rate_limit", &self.default_rate_limit)
            .field("latency", &self.latency)
            .finish_non_exhaustive()
    }
}

impl SandboxBuilder {
    /// The defaults: system clock, ±300 s window, the shipped platform key pair, the demo
    /// merchant registered, every endpoint of [`ENDPOINTS`], every region whitelisted, an
    /// ephemeral port, no logging, the last 10 000 requests kept.
    pub fn new() -> Self {
        Self::default()
    }

    /// The clock requests' timestamps are checked against and answers are signed with (a
    /// closure `|| 1_700_000_000` will do).
    pub fn clock(mut self, clock: impl Clock + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// The timestamp window: a request whose timestamp is `max_skew` or more away from the
    /// sandbox clock is refused. Default 300 s.
    ///
    /// Timestamps are whole seconds, so `max_skew` is rounded **up** to whole seconds, as a
    /// client checking the same window does: `|now − timestamp| ≥ ceil(max_skew)` is refused.
    /// `299 s` of skew passes the default, `300 s` does not; a `max_skew` of 0.5 s accepts only
    /// a skew of 0 s, and zero refuses everything.
    pub fn max_skew(mut self, max_skew: Duration) -> Self {
        self.max_skew = max_skew;
        self
    }

    /// Replaces the platform key pair and its `PUB_KEY_ID_…` (checked when starting).
    pub fn platform_key(mut self, id: &str, private_key_pem: &str, public_key_pem: &str) -> Self {
        self.platform = (id.to_owned(), private_key_pem.to_owned(), public_key_pem.to_owned());
        self
    }

    /// The APIv3 key the resources of delivered notifications are encrypted with (32 ASCII
    /// characters, checked when starting). Default [`demo::APIV3_KEY`].
    pub fn api_v3_key(mut self, key: &str) -> Self {
        self.api_v3_key = key.to_owned();
        self
    }

    /// Does not register the demo merchant.
    pub fn without_demo_merchant(mut self) -> Self {
        self.demo_merchant = false;
        self
    }

    /// Registers a merchant certificate (checked when starting); see
    /// [`Sandbox::register_merchant`].
    pub fn merchant(mut self, mchid: &str, serial: &str, public_key_pem: &str) -> Self {
        self.merchants.push((mchid.to_owned(), serial.to_owned(), public_key_pem.to_owned()));
        self
    }

    /// The APIv3 key of merchant `mchid` (32 ASCII characters, checked when starting): its
    /// `GET /v3/certificates` list is encrypted under it, and lists
    /// [`demo::platform_certificate`] until [`Sandbox::set_platform_certificates`] says
    /// otherwise. The demo merchant's is [`demo::APIV3_KEY`]; a merchant without one is answered
    /// `404 RESOURCE_NOT_EXISTS`, like a merchant in public-key mode.
    pub fn merchant_apiv3_key(mut self, mchid: &str, key: &str) -> Self {
        self.apiv3_keys.push((mchid.to_owned(), key.to_owned()));
        self
    }

    /// Serves one more endpoint (or replaces the one with the same method and path).
    pub fn endpoint(mut self, endpoint: Endpoint) -> Self {
        self.endpoints
            .retain(|known| (known.method, known.path) != (endpoint.method, endpoint.path));
        self.endpoints.push(endpoint);
        self
    }

    /// The regions the merchants are whitelisted for (default: [`Region::ALL`]). WeChat Pay opens
    /// the subsidy endpoints per merchant and region; a valid request to an endpoint of another
    /// region is answered `403 {"code":"NOT_AUTH",…}` ([`Outcome::NotAuthorized`]) and not
    /// applied. Authentication and the table's checks come first, so a malformed request is
    /// still told what is wrong with it.
    pub fn regions(mut self, regions: &[Region]) -> Self {
        self.regions = regions.to_vec();
        self
    }

    /// Listens on this port of `127.0.0.1` instead of an ephemeral one (`0`).
    pub fn port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    /// Prints one line per request on stderr: method, path and status (never the query string
    /// or the body).
    pub fn log_requests(mut self, log: bool) -> Self {
        self.log_requests = log;
        self
    }

    /// How many requests [`Sandbox::received`] keeps: beyond it, the oldest is dropped first
    /// (so a long-running sandbox cannot run out of memory). Default 10 000; `0` keeps none.
    /// [`Sandbox::accepted_count`] still counts the requests no longer kept.
    pub fn max_received(mut self, max_received: usize) -> Self {
        self.max_received = max_received;
        self
    }

    /// Limits the endpoint(s) at `path` (as in the table, `/v3/gov/subsidy/…`, all methods
    /// together) to `per_second` requests per second, like WeChat Pay's gateway: a token bucket
    /// per path holding at most `per_second` tokens (the burst), refilled continuously at
    /// `per_second` per second on a monotonic clock (not the sandbox's [`clock`](Self::clock)).
    ///
    /// Every request that **passes authentication** (signature, timestamp, replay) takes a
    /// token, valid or not: the gateway counts before business processing. A request finding
    /// the bucket empty is answered `429 {"code":"FREQUENCY_LIMITED","message":…}` with a
    /// `Retry-After` header (whole seconds until a token is back, rounded up, at least 1),
    /// signed like every answer, and is **not applied** (no scripted [`Outcome`] is consumed,
    /// no [`latency`](Self::latency)); [`Received::rate_limited`] is set. A `401`, a `404` and
    /// `GET /v3/certificates` take no token. A later call for the same path replaces its limit.
    ///
    /// # Panics
    ///
    /// If `per_second` is 0, or no endpoint served so far has this path (add custom
    /// [`endpoint`](Self::endpoint)s first).
    pub fn rate_limit(mut self, path: &str, per_second: u32) -> Self {
        assert!(per_second > 0, "a rate limit of 0 per second would refuse everything");
        assert!(
            self.endpoints.iter().any(|endpoint| endpoint.path == path),
            "the sandbox serves no endpoint at {path}"
        );
        self.rate_limits.insert(path.to_owned(), per_second);
        self
    }

    /// The limit of every endpoint without its own [`rate_limit`](Self::rate_limit): each path
    /// gets its own bucket of `per_second`. Default: no limit.
    ///
    /// # Panics
    ///
    /// If `per_second` is 0.
    pub fn default_rate_limit(mut self, per_second: u32) -> Self {
        assert!(per_second > 0, "a rate limit of 0 per second would refuse everything");
        self.default_rate_limit = Some(per_second);
        self
    }

    /// The limits WeChat Pay publishes ([`PUBLISHED_RATE_LIMITS`], from its official FAQ for the
    /// gov/subsidy APIs: `qualification` 1000/s, `qualifications/sync` 100/s,
    /// `transactions/sync` 100/s, `sncode/query` 1000/s), as [`rate_limit`](Self::rate_limit)s
    /// on every served path ending in `/` + the name, in every region that has it.
    pub fn published_rate_limits(mut self) -> Self {
        for (name, per_second) in PUBLISHED_RATE_LIMITS {
            let suffix = format!("/{name}");
            for endpoint in &self.endpoints {
                if endpoint.path.ends_with(&suffix) {
                    self.rate_limits.insert(endpoint.path.to_owned(), per_second);
                }
            }
        }
        self
    }

    /// How long answers take: each request that passes every check and is processed (not
    /// refused by authentication, the table's checks, a rate limit or a `4xx`
    /// [`Fault`]) waits as `latency` says before its answer is sent, whatever its business
    /// [`Outcome`]. Like [`Fault::Delay`], the request is accepted (applied) before the wait, so a
    /// client timing out during it leaves an applied request behind. Default: none.
    pub fn latency(mut self, latency: Latency) -> Self {
        self.latency = latency;
        self
    }

    /// Binds `127.0.0.1` and starts serving on the current Tokio runtime.
    pub async fn start(self) -> Result<Sandbox, Error> {
        let (id, private_pem, public_pem) = &self.platform;
        let public_key_id: PublicKeyId = id.parse()?;
        let platform_key = MerchantPrivateKey::from_pem(private_pem)?;
        let public_key = RsaPublicKey::from_pem(public_pem)?;
        if !key_pair_matches(&platform_key, &public_key) {
            return Err(Error::Key(KeyError::Malformed {
                what: "sandbox platform key pair",
                reason: "the public key is not the private key's",
            }));
        }
        let other_key = MerchantPrivateKey::from_pem(demo::OTHER_KEY_PEM)?;
        let api_v3_key = ApiV3Key::new(&self.api_v3_key)?;

        let mut merchants = HashMap::new();
        let demo = self.demo_merchant.then_some((
            demo::MCHID.to_owned(),
            demo::MERCHANT_SERIAL.to_owned(),
            demo::MERCHANT_PUBLIC_KEY_PEM.to_owned(),
        ));
        for (mchid, serial, pem) in demo.iter().chain(&self.merchants) {
            insert_merchant(&mut merchants, mchid, serial, pem)?;
        }
        let demo_key = self.demo_merchant.then(|| (demo::MCHID.into(), demo::APIV3_KEY.into()));
        let mut certificates = HashMap::new();
        for (mchid, key) in demo_key.iter().chain(&self.apiv3_keys) {
            let merchant = certificates::MerchantCertificates {
                apiv3_key: Some(Arc::new(ApiV3Key::new(key)?)),
                scenario: PlatformCertificates::listing(&[demo::platform_certificate()]),
            };
            certificates.insert(mchid.clone(), merchant);
        }

        let listener =
            TcpListener::bind((Ipv4Addr::LOCALHOST, self.port)).await.map_err(Error::Bind)?;
        let addr = listener.local_addr().map_err(Error::Bind)?;
        let shared = Arc::new(Shared {
            platform_key,
            public_key_id: public_key_id.to_string(),
            public_key_pem: public_pem.clone(),
            other_key,
            api_v3_key,
            merchants: Mutex::new(merchants),
            certificates: Mutex::new(certificates),
            faults: Mutex::new(VecDeque::new()),
            scripts: Mutex::default(),
            received: Mutex::new(ReceivedLog::new(self.max_received)),
            replays: Mutex::default(),
            clock: self.clock,
            max_skew: self
                .max_skew
                .as_secs()
                .saturating_add(u64::from(self.max_skew.subsec_nanos() > 0)),
            endpoints: self.endpoints,
            regions: self.regions,
            log_requests: self.log_requests,
            counter: AtomicU64::new(0),
            load: load::Limits::new(self.rate_limits, self.default_rate_limit, self.latency),
            orders: orders::Orders::default(),
        });
        let router = server::router(shared.clone());
        let task = tokio::spawn(server::serve(listener, router));
        Ok(Sandbox { shared, addr, task })
    }
}

/// The sandbox's clock, lent to a key store.
struct SharedClock(Arc<dyn Clock>);

impl Clock for SharedClock {
    fn now(&self) -> i64 {
        self.0.now()
    }
}

/// Whether `public_key` is the public half of `private_key`: a probe signed and verified.
fn key_pair_matches(private_key: &MerchantPrivateKey, public_key: &RsaPublicKey) -> bool {
    use base64::prelude::*;
    let probe = b"wechatpay-apiv3-mock key pair check";
    private_key
        .sign_base64(probe)
        .ok()
        .and_then(|signature| BASE64_STANDARD.decode(signature).ok())
        .is_some_and(|signature| public_key.verify(probe, &signature))
}

fn insert_merchant(
    merchants: &mut HashMap<String, HashMap<String, Arc<RsaPublicKey>>>,
    mchid: &str,
    serial: &str,
    public_key_pem: &str,
) -> Result<(), Error> {
    if mchid.is_empty() || !mchid.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::Key(KeyError::InvalidMchid { reason: "it must be ASCII digits only" }));
    }
    let serial: MerchantSerial = serial.parse()?;
    let key = RsaPublicKey::from_pem(public_key_pem)?;
    merchants
        .entry(mchid.to_owned())
        .or_default()
        .insert(serial.as_str().to_owned(), Arc::new(key));
    Ok(())
}

impl Sandbox {
    /// Starts a sandbox with the defaults of [`SandboxBuilder::new`] on the current Tokio
    /// runtime.
    pub async fn start() -> Result<Sandbox, Error> {
        SandboxBuilder::new().start().await
    }

    /// A builder to change the clock, keys, merchants, endpoints or port.
    pub fn builder() -> SandboxBuilder {
        SandboxBuilder::new()
    }

    /// The listening address (`127.0.0.1:<port>`).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:<port>`, without a trailing slash.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// [`base_url`](Sandbox::base_url) followed by `target` (`/v3/…`).
    pub fn url(&self, target: &str) -> String {
        format!("{}{target}", self.base_url())
    }

    /// The `PUB_KEY_ID_…` of the sandbox's WeChat Pay public key.
    pub fn public_key_id(&self) -> &str {
        &self.shared.public_key_id
    }

    /// The sandbox's WeChat Pay public key as PEM (`pub_key.pem`).
    pub fn public_key_pem(&self) -> &str {
        &self.shared.public_key_pem
    }

    /// The sandbox's WeChat Pay public key with its ID.
    pub fn wechatpay_public_key(&self) -> WechatPayPublicKey {
        WechatPayPublicKey::from_pem(self.public_key_id(), self.public_key_pem())
            .expect("the sandbox's public key was checked when it started")
    }

    /// A key store that knows the sandbox's public key and shares its clock: verifies its
    /// answers and encrypts sensitive fields to it.
    pub fn wechatpay_keys(&self) -> WechatPayKeys {
        WechatPayKeys::new()
            .with_public_key(self.wechatpay_public_key())
            .with_clock(SharedClock(self.shared.clock.clone()))
    }

    /// The sandbox clock's current Unix time in seconds.
    pub fn now(&self) -> i64 {
        self.shared.clock.now()
    }

    /// Registers a merchant certificate: `mchid` (digits), the certificate `serial` (hex, as
    /// `openssl x509 -noout -serial` prints it) and its `BEGIN PUBLIC KEY` PEM. A merchant may
    /// have several certificates.
    pub fn register_merchant(
        &self,
        mchid: &str,
        serial: &str,
        public_key_pem: &str,
    ) -> Result<(), Error> {
        let mut merchants =
            self.shared.merchants.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        insert_merchant(&mut merchants, mchid, serial, public_key_pem)
    }

    /// Scripts what `mchid` is told about platform certificates from now on: what
    /// `GET /v3/certificates` lists, which certificate signs its answers (the sandbox then
    /// decrypts sensitive fields encrypted to any listed certificate too), and which signs the
    /// list. A rotation is a sequence of these: a new certificate listed beside the old one,
    /// then signing with it, then the old one no longer listed.
    pub fn set_platform_certificates(&self, mchid: &str, certificates: PlatformCertificates) {
        self.shared.certificates().entry(mchid.to_owned()).or_default().scenario = certificates;
    }

    /// Queues `fault` for the next request not yet given one.
    pub fn inject(&self, fault: Fault) {
        self.inject_n(fault, 1);
    }

    /// Queues `fault` for the next `n` requests.
    pub fn inject_n(&self, fault: Fault, n: usize) {
        self.shared.faults().extend(std::iter::repeat_n(fault, n));
    }

    /// How many injected faults are still waiting for a request.
    pub fn pending_faults(&self) -> usize {
        self.shared.faults().len()
    }

    /// Forgets the faults not yet consumed.
    pub fn clear_faults(&self) {
        self.shared.faults().clear();
    }

    /// Queues `outcome` for the next request to the endpoint `method` `path` (as in the table:
    /// `"POST"`, `"/v3/gov/subsidy/…"`) that passes authentication and the table's checks and is
    /// processed; outcomes scripted for one endpoint are consumed first in, first out, and
    /// requests to other endpoints leave them queued. See [`Outcome`] for the answers and
    /// whether each counts as applied.
    ///
    /// # Panics
    ///
    /// If the sandbox serves no such endpoint (a typo would otherwise leave the outcome queued
    /// forever and the test passing for the wrong reason).
    pub fn script(&self, method: &str, path: &str, outcome: Outcome) {
        let method = method.to_ascii_uppercase();
        let served = self.shared.endpoints.iter().any(|e| e.method == method && e.path == path);
        assert!(served, "the sandbox serves no endpoint {method} {path}");
        self.shared.scripts().entry((method, path.to_owned())).or_default().push_back(outcome);
    }

    /// Every request received so far, oldest first (at most
    /// [`SandboxBuilder::max_received`] of them, the newest). A request still being handled
    /// shows `status: None`.
    pub fn received(&self) -> Vec<Received> {
        self.shared.log().entries().cloned().collect()
    }

    /// The latest request received.
    pub fn last_received(&self) -> Option<Received> {
        self.shared.log().last().cloned()
    }

    /// How many requests the sandbox **accepted** (would have applied) since it started or
    /// since the last [`clear_received`](Sandbox::clear_received), including those no longer
    /// kept by [`received`](Sandbox::received): each request for which
    /// [`Received::accepted`] is true counts once. A client that retries must leave this at
    /// one per logical operation; see [`Received::accepted`] for what each fault does to it.
    pub fn accepted_count(&self) -> u64 {
        self.shared.log().accepted()
    }

    /// Delivers a notification to `url` (`http://host:port/path`, as a merchant's `notify_url`)
    /// as WeChat Pay would, or forged as `kind` says: `event_type` (`TRANSACTION.SUCCESS`, …)
    /// in the envelope, `resource` encrypted with the sandbox's APIv3 key
    /// ([`SandboxBuilder::api_v3_key`]), `associated_data` and `original_type` the event's first
    /// word in lower case (`transaction`). Returns the notification's `id` and what the receiver
    /// answered (WeChat Pay reads 200/204 as received, anything else as "deliver again").
    /// Each attempt has 10 s to complete.
    pub async fn deliver_notification(
        &self,
        url: &str,
        kind: NotificationKind,
        event_type: &str,
        resource: &serde_json::Value,
    ) -> Result<Delivered, Error> {
        notify::deliver(&self.shared, url, kind, event_type, resource).await
    }

    /// The rate limit in force at `path` (requests per second, see
    /// [`SandboxBuilder::rate_limit`]), if any: its own, else the default.
    pub fn rate_limit(&self, path: &str) -> Option<u32> {
        self.shared.load.limit(path)
    }

    /// Forgets the requests received so far and resets
    /// [`accepted_count`](Sandbox::accepted_count).
    pub fn clear_received(&self) {
        self.shared.log().clear();
    }
}

impl fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sandbox")
            .field("addr", &self.addr)
            .field("public_key_id", &self.shared.public_key_id)
            .finish_non_exhaustive()
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        // Aborting the accept loop drops its JoinSet, which aborts every connection task.
        self.task.abort();
    }
}
