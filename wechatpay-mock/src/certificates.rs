//! Platform certificates: what `GET /v3/certificates` lists for each merchant (each certificate
//! AES-256-GCM encrypted under the merchant's APIv3 key), and which certificate signs the
//! merchant's answers. Scripted per merchant, so that tests can rotate certificates.

use std::sync::Arc;
use std::time::Duration;

use axum::body::to_bytes;
use axum::extract::{Request, State};
use axum::response::Response;
use http::StatusCode;
use http::header::AUTHORIZATION;
use serde_json::json;
use wechatpay_apiv3_core::{ApiV3Key, KeyError, MerchantPrivateKey, PlatformCertificate};

use crate::Error;
use crate::auth;
use crate::faults::{Delivery, Signing};
use crate::protocol::beijing_time;
use crate::received::Received;
use crate::respond::{self, Answer};
use crate::state::Shared;

/// The path served.
pub(crate) const PATH: &str = "/v3/certificates";

/// What WeChat Pay puts in `associated_data` of a listed certificate.
const ASSOCIATED_DATA: &str = "certificate";

/// A platform certificate the sandbox can list and sign with: its serial, PEM and private key.
#[derive(Clone)]
pub struct MockCertificate {
    serial: String,
    pem: String,
    key: Arc<MerchantPrivateKey>,
    not_before: i64,
    not_after: i64,
}

impl MockCertificate {
    /// A certificate and its private key. `serial` is sent as is (upper-case hex, as
    /// `openssl x509 -noout -serial` prints it): the sandbox does not derive it, so a client that
    /// reads serials wrongly is caught. The private key must be the certificate's.
    pub fn new(serial: &str, certificate_pem: &str, private_key_pem: &str) -> Result<Self, Error> {
        if serial.is_empty() || !serial.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(Error::Key(KeyError::Malformed {
                what: "sandbox platform certificate",
                reason: "the serial must be hex digits",
            }));
        }
        let certificate = PlatformCertificate::from_pem(certificate_pem)?;
        let key = MerchantPrivateKey::from_pem(private_key_pem)?;
        if !crate::key_pair_matches(&key, certificate.key()) {
            return Err(Error::Key(KeyError::Malformed {
                what: "sandbox platform certificate",
                reason: "the private key is not the certificate's",
            }));
        }
        let unix = |time: std::time::SystemTime| {
            time.duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |since| i64::try_from(since.as_secs()).unwrap_or(i64::MAX))
        };
        Ok(Self {
            serial: serial.to_owned(),
            pem: certificate_pem.to_owned(),
            key: Arc::new(key),
            not_before: unix(certificate.not_before()),
            not_after: unix(certificate.not_after()),
        })
    }

    /// The serial the sandbox lists and signs under.
    pub fn serial(&self) -> &str {
        &self.serial
    }

    /// The certificate PEM.
    pub fn pem(&self) -> &str {
        &self.pem
    }

    pub(crate) fn key(&self) -> &MerchantPrivateKey {
        &self.key
    }
}

impl std::fmt::Debug for MockCertificate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MockCertificate").field("serial", &self.serial).finish_non_exhaustive()
    }
}

/// What the sandbox tells one merchant about platform certificates
/// ([`Sandbox::set_platform_certificates`](crate::Sandbox::set_platform_certificates)).
#[derive(Clone, Debug, Default)]
pub struct PlatformCertificates {
    /// What `GET /v3/certificates` lists, in this order. Empty: `404 RESOURCE_NOT_EXISTS`
    /// (a merchant in public-key mode has no platform certificate).
    pub listed: Vec<MockCertificate>,
    /// The certificate that signs the merchant's answers (its serial in `Wechatpay-Serial`);
    /// `None`: the sandbox's WeChat Pay public key.
    pub signer: Option<MockCertificate>,
    /// Signs the certificate list itself instead of `signer`: a signer the client does not
    /// trust, say.
    pub list_signer: Option<MockCertificate>,
    /// The list is answered after this wait (a slow download, to show it blocks nothing).
    pub list_delay: Option<Duration>,
}

impl PlatformCertificates {
    /// The certificates listed, answers still signed with the public key.
    pub fn listing(listed: &[MockCertificate]) -> Self {
        Self { listed: listed.to_vec(), ..Self::default() }
    }

    /// One certificate, listed and signing the answers.
    pub fn only(certificate: &MockCertificate) -> Self {
        Self::signed_by(std::slice::from_ref(certificate), certificate)
    }

    /// The certificates listed, answers signed by `signer`.
    pub fn signed_by(listed: &[MockCertificate], signer: &MockCertificate) -> Self {
        Self { listed: listed.to_vec(), signer: Some(signer.clone()), ..Self::default() }
    }
}

/// One merchant's certificate state in a running sandbox.
#[derive(Default)]
pub(crate) struct MerchantCertificates {
    pub(crate) apiv3_key: Option<Arc<ApiV3Key>>,
    pub(crate) scenario: PlatformCertificates,
}

/// `GET /v3/certificates`: authenticated like every request, answered with the merchant's list,
/// signed by its list signer. Faults queued with `inject` are left for the table's endpoints.
pub(crate) async fn handle(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let request_id = respond::request_id(&shared);
    let (parts, body) = request.into_parts();
    let body = to_bytes(body, 1024).await.unwrap_or_default();
    let target = parts.uri.path_and_query().map_or(PATH, |target| target.as_str()).to_owned();
    let headers = parts
        .headers
        .iter()
        .map(|(name, value)| {
            (name.as_str().to_owned(), String::from_utf8_lossy(value.as_bytes()).into_owned())
        })
        .collect();
    let method = parts.method.as_str().to_owned();
    let authorization = parts.headers.get(AUTHORIZATION).and_then(|value| value.to_str().ok());
    let mut record = Received::new(
        request_id.clone(),
        method.clone(),
        target.clone(),
        headers,
        body.to_vec(),
        None,
    );
    record.mchid = authorization.and_then(|header| Some(auth::parse(header).ok()?.mchid));
    shared.log().push(record);
    let (answer, signer) = match auth::verify(&shared, &method, &target, &body, authorization) {
        Err(message) => (Answer::sign_error(&message), None),
        Ok(_) if method != "GET" => (Answer::not_found(), None),
        Ok(params) => {
            let delay =
                shared.certificates().get(&params.mchid).and_then(|m| m.scenario.list_delay);
            if let Some(delay) = delay {
                tokio::time::sleep(delay).await;
            }
            listing(&shared, &params.mchid)
        }
    };
    let status = answer.status;
    let (response, sent) = respond::finish(
        &shared,
        answer,
        Signing::Correct,
        Delivery::Normal,
        &request_id,
        signer.as_ref(),
    );
    if let Some(record) = shared.log().get_mut(&request_id) {
        record.status = Some(status.as_u16());
        record.response_body = sent;
    }
    response
}

/// The merchant's list (or `404 RESOURCE_NOT_EXISTS`) and the certificate to sign it with.
fn listing(shared: &Shared, mchid: &str) -> (Answer, Option<MockCertificate>) {
    let (apiv3_key, scenario) = {
        let merchants = shared.certificates();
        let Some(merchant) = merchants.get(mchid) else { return (no_certificates(), None) };
        (merchant.apiv3_key.clone(), merchant.scenario.clone())
    };
    let signer = scenario.list_signer.or(scenario.signer);
    let Some(apiv3_key) = apiv3_key.filter(|_| !scenario.listed.is_empty()) else {
        return (no_certificates(), signer);
    };
    let mut data = Vec::new();
    for certificate in &scenario.listed {
        let nonce = respond::fresh_nonce()[..12].to_owned();
        let Ok(ciphertext) = apiv3_key.encrypt(&nonce, ASSOCIATED_DATA, certificate.pem.as_bytes())
        else {
            let failure = "the sandbox failed to encrypt a certificate";
            return (
                Answer::error(StatusCode::INTERNAL_SERVER_ERROR, "SYSTEM_ERROR", failure),
                None,
            );
        };
        data.push(json!({
            "serial_no": certificate.serial,
            "effective_time": beijing_time(certificate.not_before),
            "expire_time": beijing_time(certificate.not_after),
            "encrypt_certificate": {
                "algorithm": "AEAD_AES_256_GCM",
                "nonce": nonce,
                "associated_data": ASSOCIATED_DATA,
                "ciphertext": ciphertext,
            },
        }));
    }
    (Answer::json(StatusCode::OK, json!({ "data": data }).to_string()), signer)
}

fn no_certificates() -> Answer {
    Answer::error(StatusCode::NOT_FOUND, "RESOURCE_NOT_EXISTS", "无可用的平台证书")
}
