//! `wechatpay doctor`: checks the configuration piece by piece and explains each failure in one
//! line with its fix. Mismatched keys and serials (签名错误 / 验签失败) are the most common
//! support topic, so every piece that can be checked offline is, and one harmless signed request
//! tells what only the server knows.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use base64::Engine as _;
use clap::Args;
use wechatpay_apiv3::{
    ApiV3Key, MerchantPrivateKey, MerchantSerial, PlatformCertificate, PublicKeyId, Signer,
    WechatPayKeys, WechatPayPublicKey,
};

use crate::config::{Config, read_secret};
use crate::exit::{Exit, Failure};

/// The request the online checks sign: a query with an empty body, which WeChat Pay (and the
/// sandbox) refuses as invalid after checking the signature, so it changes nothing.
const PROBE_PATH: &str = "/v3/gov/subsidy/zhejiang/goods/query";

/// WeChat Pay refuses requests whose timestamp is this far from its clock, in seconds.
const MAX_SKEW_SECONDS: i64 = 300;

/// A skew worth a warning, in seconds.
const WARN_SKEW_SECONDS: i64 = 30;

/// The largest key or certificate file read.
const MAX_KEY_FILE_BYTES: u64 = 1024 * 1024;

/// The most of an answer read.
const MAX_ANSWER_BYTES: usize = 64 * 1024;

/// `wechatpay doctor`'s arguments.
#[derive(Args, Debug)]
pub struct DoctorArgs {
    /// The merchant API certificate (apiclient_cert.pem): checks that the serial and the private
    /// key belong to it
    #[arg(long, value_name = "FILE")]
    pub cert: Option<PathBuf>,
    /// Check only what can be checked without sending anything
    #[arg(long)]
    pub offline: bool,
    #[command(flatten)]
    pub config: Config,
}

/// The checks' results, printed as they come.
#[derive(Default)]
struct Report {
    failures: usize,
}

impl Report {
    fn ok(&mut self, what: &str, detail: impl std::fmt::Display) {
        println!("ok    {what}: {detail}");
    }

    fn fail(&mut self, what: &str, why: impl std::fmt::Display, fix: impl std::fmt::Display) {
        self.failures += 1;
        println!("FAIL  {what}: {why}. Fix: {fix}");
    }

    fn note(&mut self, what: &str, text: impl std::fmt::Display) {
        println!("note  {what}: {text}");
    }
}

/// Runs every check; fails with [`Exit::Unhealthy`] if any failed.
pub async fn run(args: DoctorArgs) -> Result<(), Failure> {
    let config = &args.config;
    let mut report = Report::default();
    let mchid = check_mchid(config, &mut report);
    let key = check_merchant_key(config, &mut report);
    let serial = check_serial(config, &mut report, key.as_ref(), args.cert.as_deref());
    let public_key = check_public_key(config, &mut report);
    check_apiv3_key(config, &mut report);
    let client_builds = check_client(config, &mut report);
    if args.offline {
        report.note("online checks", "skipped (--offline): connectivity, clock skew, and whether WeChat Pay accepts the key pair and signs with the configured public key");
    } else if client_builds {
        let signer = match (mchid, serial, key) {
            (Some(mchid), Some(serial), Some(key)) => Signer::new(&mchid, serial, key).ok(),
            _ => None,
        };
        let keys = public_key.map(|key| WechatPayKeys::new().with_public_key(key));
        check_online(config, &mut report, signer.as_ref(), keys.as_ref()).await;
    }
    if !is_loopback(&config.base_url()) {
        report.note(
            "production",
            "WeChat Pay alone knows which key is registered for a serial, so whether the key pair is accepted can be checked only by its answer to a signed request (above, unless --offline), never offline",
        );
    }
    match report.failures {
        0 => Ok(()),
        n => Err(Failure::new(Exit::Unhealthy, format!("{n} check(s) failed"))),
    }
}

fn check_mchid(config: &Config, report: &mut Report) -> Option<String> {
    const WHAT: &str = "mchid";
    let Some(mchid) = config.var("WECHATPAY_MCHID") else {
        report.fail(WHAT, "not set", "export WECHATPAY_MCHID=<商户号> or pass --mchid");
        return None;
    };
    if mchid.is_empty() || !mchid.bytes().all(|b| b.is_ascii_digit()) {
        report.fail(
            WHAT,
            format!("{mchid:?} is not all digits"),
            "copy the 商户号 from the merchant platform (a number like 1900000001)",
        );
        return None;
    }
    report.ok(WHAT, &mchid);
    Some(mchid)
}

fn check_merchant_key(config: &Config, report: &mut Report) -> Option<MerchantPrivateKey> {
    const WHAT: &str = "merchant private key";
    let Some(path) = config.mch_key.as_deref() else {
        report.fail(
            WHAT,
            "not set",
            "export WECHATPAY_MCH_KEY_PATH=/path/to/apiclient_key.pem or pass --mch-key",
        );
        return None;
    };
    let pem = match read_secret("WECHATPAY_MCH_KEY_PATH", path, MAX_KEY_FILE_BYTES) {
        Ok(pem) => pem,
        Err(why) => {
            report.fail(
                WHAT,
                why,
                "point WECHATPAY_MCH_KEY_PATH at apiclient_key.pem, readable by this user",
            );
            return None;
        }
    };
    match MerchantPrivateKey::from_pem(&pem) {
        Ok(key) => {
            report.ok(WHAT, format!("{} parses, RSA {} bits", path.display(), key.bits()));
            Some(key)
        }
        Err(error) => {
            report.fail(WHAT, error, "use apiclient_key.pem as downloaded with the merchant API certificate (RSA, at least 2048 bits, not encrypted)");
            None
        }
    }
}

fn check_serial(
    config: &Config,
    report: &mut Report,
    key: Option<&MerchantPrivateKey>,
    cert: Option<&Path>,
) -> Option<MerchantSerial> {
    const WHAT: &str = "merchant serial";
    let fix = "copy it with `openssl x509 -in apiclient_cert.pem -noout -serial` (the hex digits after serial=)";
    let Some(text) = config.var("WECHATPAY_MCH_SERIAL") else {
        report.fail(
            WHAT,
            "not set",
            format!("export WECHATPAY_MCH_SERIAL or pass --mch-serial; {fix}"),
        );
        return None;
    };
    let serial: MerchantSerial = match text.parse() {
        Ok(serial) => serial,
        Err(error) => {
            report.fail(WHAT, error, fix);
            return None;
        }
    };
    report.ok(WHAT, format!("{serial} is well-formed"));
    match cert {
        Some(cert) => check_certificate(report, &serial, key, cert),
        None => report.note(
            "merchant certificate",
            "not given: pass --cert apiclient_cert.pem to check offline that the serial and the private key belong to it",
        ),
    }
    Some(serial)
}

/// Whether the certificate has the configured serial and holds the private key's public half.
fn check_certificate(
    report: &mut Report,
    serial: &MerchantSerial,
    key: Option<&MerchantPrivateKey>,
    path: &Path,
) {
    const WHAT: &str = "merchant certificate";
    let certificate = match read_secret("--cert", path, MAX_KEY_FILE_BYTES)
        .and_then(|pem| PlatformCertificate::from_pem(&pem).map_err(|error| error.to_string()))
    {
        Ok(certificate) => certificate,
        Err(why) => {
            report.fail(WHAT, why, "pass the apiclient_cert.pem downloaded with the private key");
            return;
        }
    };
    if !certificate.serial().eq_ignore_ascii_case(serial.as_str()) {
        report.fail(
            WHAT,
            format!("its serial is {}, WECHATPAY_MCH_SERIAL is {serial}", certificate.serial()),
            format!("export WECHATPAY_MCH_SERIAL={}", certificate.serial()),
        );
    } else {
        report.ok(WHAT, format!("{} has the serial {serial}", path.display()));
    }
    let Some(key) = key else { return };
    let message = b"wechatpay doctor: does this key belong to this certificate?";
    let signature = key
        .sign_base64(message)
        .ok()
        .and_then(|signature| base64::engine::general_purpose::STANDARD.decode(signature).ok());
    if signature.is_some_and(|signature| certificate.key().verify(message, &signature)) {
        report.ok("key pair", "the private key belongs to the certificate");
    } else {
        report.fail(
            "key pair",
            "the private key does not belong to the certificate (WeChat Pay would answer 401 SIGN_ERROR, 签名错误)",
            "use the apiclient_key.pem issued together with this apiclient_cert.pem",
        );
    }
}

fn check_public_key(config: &Config, report: &mut Report) -> Option<WechatPayPublicKey> {
    let fix_id = "copy the ID shown next to the WeChat Pay public key in the merchant platform (API安全 → 微信支付公钥)";
    let Some(id) = config.var("WECHATPAY_PUBLIC_KEY_ID") else {
        report.fail(
            "public key ID",
            "not set",
            format!("export WECHATPAY_PUBLIC_KEY_ID or pass --public-key-id; {fix_id}"),
        );
        return None;
    };
    if let Err(error) = id.parse::<PublicKeyId>() {
        report.fail("public key ID", error, fix_id);
        return None;
    }
    report.ok("public key ID", format!("{id} is well-formed"));
    const WHAT: &str = "WeChat Pay public key";
    let fix = "download pub_key.pem again from the merchant platform (API安全 → 微信支付公钥)";
    let Some(path) = config.public_key.as_deref() else {
        report.fail(
            WHAT,
            "not set",
            format!(
                "export WECHATPAY_PUBLIC_KEY_PATH=/path/to/pub_key.pem or pass --public-key; {fix}"
            ),
        );
        return None;
    };
    let key = read_secret("WECHATPAY_PUBLIC_KEY_PATH", path, MAX_KEY_FILE_BYTES)
        .and_then(|pem| WechatPayPublicKey::from_pem(&id, &pem).map_err(|error| error.to_string()));
    match key {
        Ok(key) => {
            report.ok(WHAT, format!("{} parses, RSA {} bits", path.display(), key.key().bits()));
            Some(key)
        }
        Err(why) => {
            report.fail(WHAT, why, fix);
            None
        }
    }
}

fn check_apiv3_key(config: &Config, report: &mut Report) {
    const WHAT: &str = "APIv3 key";
    let Some(path) = config.apiv3_key.as_deref() else {
        report.note(WHAT, "WECHATPAY_APIV3_KEY_PATH not set (needed only to decrypt notifications and downloaded certificates)");
        return;
    };
    let fix = "put the 32-character APIv3 key set in the merchant platform (API安全 → APIv3密钥) alone in the file";
    let key = read_secret("WECHATPAY_APIV3_KEY_PATH", path, 1024).and_then(|text| {
        ApiV3Key::new(text.trim_end_matches(['\r', '\n'])).map_err(|error| error.to_string())
    });
    match key {
        Ok(_) => report.ok(WHAT, format!("{} holds 32 ASCII characters", path.display())),
        Err(why) => report.fail(WHAT, why, fix),
    }
}

/// Whether a client can be built from settings that each passed their check: what is left to
/// fail is the base URL or the proxy. With a failure above, it is not tried (it would repeat it)
/// and the network is still checked.
fn check_client(config: &Config, report: &mut Report) -> bool {
    if report.failures > 0 {
        return true;
    }
    match config.client() {
        Ok(_) => {
            report.ok("client", format!("builds; requests go to {}", config.base_url()));
            true
        }
        Err(failure) => {
            report.fail("client", failure.message, "set WECHATPAY_BASE_URL to https://host[:port] (http:// only to loopback) and WECHATPAY_PROXY to http://host:port");
            false
        }
    }
}

/// One signed request to the base URL: connectivity, clock skew, whether the signature is
/// accepted, whether the answer verifies with the configured public key.
async fn check_online(
    config: &Config,
    report: &mut Report,
    signer: Option<&Signer>,
    keys: Option<&WechatPayKeys>,
) {
    let base_url = config.base_url();
    let answer = match probe(config, &base_url, signer).await {
        Ok(answer) => answer,
        Err(why) => {
            report.fail(
                "connectivity",
                why,
                "check WECHATPAY_BASE_URL, the network and firewall, or set WECHATPAY_PROXY",
            );
            return;
        }
    };
    let code = error_code(&answer.body);
    report.ok("connectivity", format!("{base_url} answered HTTP {} {code}", answer.status));
    check_skew(report, &answer.headers);
    match signer {
        None => report.note("signature", "not checked: the merchant settings above are not complete"),
        Some(_) if answer.status == 401 => report.fail(
            "signature",
            format!("WeChat Pay refused the request's signature (401 {code}, 签名错误): the private key is not the one registered for this mchid and serial"),
            "use the apiclient_key.pem whose certificate has the serial WECHATPAY_MCH_SERIAL, and check the mchid (doctor --cert apiclient_cert.pem checks the pair offline)",
        ),
        Some(_) => report.ok("signature", format!("accepted (a deliberately empty query to {PROBE_PATH} is refused only as invalid: HTTP {} {code})", answer.status)),
    }
    check_answer_signature(config, report, keys, &answer);
}

/// An answer, read up to [`MAX_ANSWER_BYTES`].
struct ProbeAnswer {
    status: u16,
    headers: http::HeaderMap,
    body: Vec<u8>,
}

async fn probe(
    config: &Config,
    base_url: &str,
    signer: Option<&Signer>,
) -> Result<ProbeAnswer, String> {
    let body = b"{}";
    let mut http = reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(15));
    if let Some(proxy) = config.proxy.as_deref().filter(|_| !is_loopback(base_url)) {
        http = http.proxy(
            reqwest::Proxy::all(proxy).map_err(|_| "the proxy URL is not usable".to_owned())?,
        );
    }
    let http = http.build().map_err(|error| format!("the HTTP client: {error}"))?;
    let mut request = http
        .post(format!("{base_url}{PROBE_PATH}"))
        .header(http::header::CONTENT_TYPE, "application/json")
        .header(http::header::ACCEPT, "application/json")
        .header(http::header::USER_AGENT, wechatpay_apiv3::request::USER_AGENT);
    if let Some(id) = config.var("WECHATPAY_PUBLIC_KEY_ID") {
        request = request.header("Wechatpay-Serial", id);
    }
    if let Some(signer) = signer {
        let authorization =
            signer.authorize("POST", PROBE_PATH, body).map_err(|error| error.to_string())?;
        request = request.header(http::header::AUTHORIZATION, authorization.header);
    }
    let mut response =
        request.body(body.to_vec()).send().await.map_err(|error| describe(&error))?;
    let status = response.status().as_u16();
    let headers = std::mem::take(response.headers_mut());
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|error| describe(&error))? {
        body.extend_from_slice(&chunk);
        if body.len() > MAX_ANSWER_BYTES {
            return Err(format!(
                "the answer is larger than {MAX_ANSWER_BYTES} bytes: is {base_url} WeChat Pay?"
            ));
        }
    }
    Ok(ProbeAnswer { status, headers, body })
}

/// A reqwest error as what happened, without the URL's user-info: its innermost cause.
fn describe(error: &reqwest::Error) -> String {
    let mut cause: &dyn std::error::Error = error;
    while let Some(source) = cause.source() {
        cause = source;
    }
    let what = if error.is_timeout() {
        "timed out"
    } else if error.is_connect() {
        "could not connect"
    } else {
        "the exchange failed"
    };
    format!("{what}: {}", wechatpay_apiv3::server_text(&cause.to_string()))
}

/// The APIv3 error `code` of an answer, if it has one.
fn error_code(body: &[u8]) -> String {
    serde_json::from_slice::<serde_json::Value>(body)
        .ok()
        .and_then(|value| value.get("code")?.as_str().map(wechatpay_apiv3::server_text))
        .unwrap_or_default()
}

/// The local clock against the server's `Date`.
fn check_skew(report: &mut Report, headers: &http::HeaderMap) {
    const WHAT: &str = "clock";
    let date = headers.get(http::header::DATE).and_then(|value| value.to_str().ok());
    let Some(server) = date.and_then(|date| httpdate::parse_http_date(date).ok()) else {
        report.note(WHAT, "not checked: the answer has no Date header");
        return;
    };
    let seconds = |time: SystemTime| {
        time.duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
    };
    let skew = seconds(SystemTime::now()) - seconds(server);
    let fix = "synchronise the clock (NTP: `timedatectl set-ntp true`, chrony)";
    if skew.abs() >= MAX_SKEW_SECONDS {
        report.fail(WHAT, format!("{skew:+} s from the server's: WeChat Pay refuses requests more than {MAX_SKEW_SECONDS} s off, and the SDK refuses such answers"), fix);
    } else if skew.abs() >= WARN_SKEW_SECONDS {
        report.note(WHAT, format!("{skew:+} s from the server's: within the {MAX_SKEW_SECONDS} s WeChat Pay allows, but drifting; {fix}"));
    } else {
        report.ok(WHAT, format!("{skew:+} s from the server's (±1 s)"));
    }
}

/// Whether the answer is signed under the configured public key ID and verifies with its key.
fn check_answer_signature(
    config: &Config,
    report: &mut Report,
    keys: Option<&WechatPayKeys>,
    answer: &ProbeAnswer,
) {
    const WHAT: &str = "answer signature";
    let header = |name: &str| answer.headers.get(name).and_then(|value| value.to_str().ok());
    let (Some(serial), Some(_)) = (header("Wechatpay-Serial"), header("Wechatpay-Signature"))
    else {
        report.note(WHAT, format!("the HTTP {} answer is not signed (WeChat Pay leaves some errors unsigned), so the public key is checked only on the first signed answer (`wechatpay call` a query)", answer.status));
        return;
    };
    let serial = wechatpay_apiv3::server_text(serial);
    let (Some(keys), Some(id)) = (keys, config.var("WECHATPAY_PUBLIC_KEY_ID")) else {
        report.note(
            WHAT,
            format!(
                "signed under {serial}; not checked: the public key settings above are not complete"
            ),
        );
        return;
    };
    if serial != id {
        let fix = if serial.starts_with("PUB_KEY_ID_") {
            format!("export WECHATPAY_PUBLIC_KEY_ID={serial} and download its pub_key.pem")
        } else {
            "this merchant's answers are signed with a platform certificate: configure it (ClientBuilder::platform_certificate_pem) or switch to a WeChat Pay public key in the merchant platform".to_owned()
        };
        report.fail(
            WHAT,
            format!("answers are signed under {serial}, WECHATPAY_PUBLIC_KEY_ID is {id}"),
            fix,
        );
        return;
    }
    match keys.verify(&answer.headers, &answer.body) {
        Ok(()) => report.ok(WHAT, format!("the answer verifies with the public key {id}")),
        Err(kind) => report.fail(
            WHAT,
            format!("the answer signed under {id} does not verify with WECHATPAY_PUBLIC_KEY_PATH ({kind}, 验签失败)"),
            "download the pub_key.pem of this ID again from the merchant platform (API安全 → 微信支付公钥)",
        ),
    }
}

/// Whether `base_url` points at this machine (a sandbox).
fn is_loopback(base_url: &str) -> bool {
    reqwest::Url::parse(base_url)
        .ok()
        .and_then(|url| url.host_str().map(str::to_owned))
        .is_some_and(|host| {
            host == "localhost"
                || host
                    .trim_matches(['[', ']'])
                    .parse::<std::net::IpAddr>()
                    .is_ok_and(|ip| ip.is_loopback())
        })
}
