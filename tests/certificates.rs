//! Platform certificates end to end against the sandbox on 127.0.0.1: download and use, first
//! contact, rotation (a new certificate, an expired one, an untrusted signer), a refresh that
//! never blocks a send, two merchants in one process, and the refresh task's end.

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};

use support::{CERT_NO, bare_builder, request};
use wechatpay_apiv3::{
    ApiV3Key, CertificateError, Client, ClientBuilder, Error, PlatformCertificate, VerifyError,
    WechatPayKeys, WechatRequest as _,
};
use wechatpay_apiv3_mock::{PlatformCertificates, Sandbox, SandboxBuilder, demo};

const SECOND_MCHID: &str = "1900000002";
const SECOND_SERIAL: &str = "1A2B3C4D5E6F708192A3B4C5D6E7F80910111213";
const SECOND_APIV3_KEY: &str = "SecondMerchantApiV3Key0123456789";
/// 2034-06-01: the current certificate (to 2034-01-01) has expired, the next (to 2036) has not.
const AFTER_CURRENT_EXPIRED: i64 = 2_032_819_200;

fn apiv3_key(key: &str) -> ApiV3Key {
    ApiV3Key::new(key).expect("a 32-character key")
}

/// The demo merchant with its APIv3 key and no WeChat Pay key.
fn builder(sandbox: &Sandbox) -> ClientBuilder {
    bare_builder(sandbox).apiv3_key(apiv3_key(demo::APIV3_KEY))
}

fn serials(keys: &WechatPayKeys) -> Vec<String> {
    let mut serials: Vec<String> = keys.certificates().map(|c| c.serial().to_owned()).collect();
    serials.sort();
    serials
}

fn downloads(sandbox: &Sandbox, mchid: &str) -> usize {
    let received = sandbox.received();
    let is_download = |r: &&wechatpay_apiv3_mock::Received| {
        r.target == "/v3/certificates" && r.mchid.as_deref() == Some(mchid)
    };
    received.iter().filter(is_download).count()
}

/// Sends a report with personal data; returns the `Wechatpay-Serial` it went with, after checking
/// that the sandbox decrypted the fields with that key.
async fn send_report(client: &Client, sandbox: &Sandbox) -> Result<String, Error> {
    request(1).send(client).await?;
    let record = sandbox
        .received()
        .into_iter()
        .rev()
        .find(|r| r.target.starts_with("/v3/gov/"))
        .expect("the report arrived");
    assert_eq!(record.json.as_ref().unwrap()["data"][0]["cert_no"], CERT_NO);
    let serial = record.headers.iter().find(|(name, _)| name == "wechatpay-serial");
    Ok(serial.expect("a Wechatpay-Serial header").1.clone())
}

async fn eventually(what: &str, condition: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !condition() {
        assert!(Instant::now() < deadline, "timed out waiting until {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn a_download_verified_with_the_public_key_decrypts_to_the_listed_pem() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = builder(&sandbox)
        .wechatpay_public_key_pem(sandbox.public_key_id(), sandbox.public_key_pem())
        .unwrap()
        .build()
        .unwrap();
    let certificates = client.download_certificates().await.unwrap();
    assert_eq!(certificates.len(), 1);
    assert_eq!(certificates[0].serial(), demo::PLATFORM_CERTIFICATE_SERIAL);
    assert_eq!(certificates[0].to_pem(), demo::PLATFORM_CERTIFICATE_PEM, "written as received");
    assert!(serials(&client.wechatpay_keys()).is_empty(), "a download alone installs nothing");

    let installed = client.refresh_certificates().await.unwrap();
    assert_eq!(serials(&installed), [demo::PLATFORM_CERTIFICATE_SERIAL]);
    assert!(Arc::ptr_eq(&installed, &client.wechatpay_keys()));
    let serial = send_report(&client, &sandbox).await.unwrap();
    assert_eq!(serial, sandbox.public_key_id(), "the public key still encrypts");
}

#[tokio::test]
async fn a_certificate_configured_out_of_band_verifies_the_download_and_encrypts() {
    let sandbox = Sandbox::start().await.unwrap();
    let current = demo::platform_certificate();
    sandbox.set_platform_certificates(demo::MCHID, PlatformCertificates::only(&current));
    let client =
        builder(&sandbox).platform_certificate_pem(demo::PLATFORM_CERTIFICATE_PEM).unwrap();
    let client = client.build().unwrap();
    client.refresh_certificates().await.unwrap();
    let serial = send_report(&client, &sandbox).await.unwrap();
    assert_eq!(serial, demo::PLATFORM_CERTIFICATE_SERIAL, "fields encrypted to the certificate");
}

#[tokio::test]
async fn first_contact_is_refused_unless_trust_on_first_use_is_asked_for() {
    let sandbox = Sandbox::start().await.unwrap();
    let current = demo::platform_certificate();
    sandbox.set_platform_certificates(demo::MCHID, PlatformCertificates::only(&current));
    let client = builder(&sandbox).build().unwrap();
    let refused = client.download_certificates().await.unwrap_err();
    assert!(matches!(refused, Error::Certificates(CertificateError::NoTrustedKey)), "{refused:?}");
    assert_eq!(downloads(&sandbox, demo::MCHID), 0, "nothing was sent");
    assert!(send_report(&client, &sandbox).await.is_err(), "no key, no sending");

    let keys = client.trust_certificates_on_first_use().await.unwrap();
    assert_eq!(serials(&keys), [demo::PLATFORM_CERTIFICATE_SERIAL]);
    let serial = send_report(&client, &sandbox).await.unwrap();
    assert_eq!(serial, demo::PLATFORM_CERTIFICATE_SERIAL);
    // Trusted now: later downloads are verified with what is in use.
    assert_eq!(client.download_certificates().await.unwrap().len(), 1);
}

#[tokio::test]
async fn trust_on_first_use_still_needs_a_list_signed_by_one_of_its_certificates() {
    let sandbox = Sandbox::start().await.unwrap();
    let current = demo::platform_certificate();
    let mut scenario = PlatformCertificates::only(&current);
    scenario.list_signer = Some(demo::untrusted_certificate());
    sandbox.set_platform_certificates(demo::MCHID, scenario);
    let client = builder(&sandbox).build().unwrap();
    let error = client.trust_certificates_on_first_use().await.unwrap_err();
    assert!(
        matches!(error, Error::Verification { kind: VerifyError::UnknownSerial(_), .. }),
        "{error:?}"
    );
    assert!(client.wechatpay_keys().is_empty());
}

#[tokio::test]
async fn a_wrong_apiv3_key_refuses_the_list_and_says_no_key() {
    let sandbox = Sandbox::start().await.unwrap();
    let wrong = "WrongApiV3Key0123456789abcdefABC";
    let client = bare_builder(&sandbox)
        .apiv3_key(apiv3_key(wrong))
        .wechatpay_public_key_pem(sandbox.public_key_id(), sandbox.public_key_pem())
        .unwrap()
        .build()
        .unwrap();
    let error = client.refresh_certificates().await.unwrap_err();
    assert!(matches!(error, Error::Certificates(CertificateError::Decrypt { .. })), "{error:?}");
    let shown = format!("{error} {error:?}");
    assert!(!shown.contains(wrong) && !shown.contains(demo::APIV3_KEY), "{shown}");
    assert!(serials(&client.wechatpay_keys()).is_empty(), "nothing installed");

    let no_key = bare_builder(&sandbox)
        .wechatpay_public_key_pem(sandbox.public_key_id(), sandbox.public_key_pem())
        .unwrap();
    let error = no_key.build().unwrap().download_certificates().await.unwrap_err();
    assert!(matches!(error, Error::Certificates(CertificateError::NoApiV3Key)), "{error:?}");
}

/// A rotation on a pinned clock shared by the sandbox and the client: a new certificate is
/// listed, then signs, then the old one expires.
#[tokio::test]
async fn rotation_new_certificate_then_the_old_one_expires() {
    let now = Arc::new(AtomicI64::new(
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs()
            as i64,
    ));
    let clock = {
        let now = now.clone();
        move || now.load(Ordering::SeqCst)
    };
    let sandbox = SandboxBuilder::new().clock(clock.clone()).start().await.unwrap();
    let (current, next) = (demo::platform_certificate(), demo::next_platform_certificate());
    sandbox.set_platform_certificates(demo::MCHID, PlatformCertificates::only(&current));
    let client = builder(&sandbox)
        .clock(clock)
        .refresh_certificates_every(Duration::from_millis(100))
        .build()
        .unwrap();
    client.trust_certificates_on_first_use().await.unwrap();
    assert_eq!(send_report(&client, &sandbox).await.unwrap(), current.serial());

    // A new certificate appears beside the old one, which still signs.
    sandbox.set_platform_certificates(
        demo::MCHID,
        PlatformCertificates::signed_by(&[current.clone(), next.clone()], &current),
    );
    eventually("the new certificate is in use", || {
        client.wechatpay_keys().certificates().count() == 2
    })
    .await;
    assert_eq!(send_report(&client, &sandbox).await.unwrap(), next.serial(), "the newest encrypts");
    // Then it signs.
    sandbox.set_platform_certificates(
        demo::MCHID,
        PlatformCertificates::signed_by(&[current.clone(), next.clone()], &next),
    );
    assert_eq!(send_report(&client, &sandbox).await.unwrap(), next.serial());

    // The old one expires while still listed: the list is refused, the set in use kept.
    now.store(AFTER_CURRENT_EXPIRED, Ordering::SeqCst);
    let error = client.refresh_certificates().await.unwrap_err();
    assert!(
        matches!(&error, Error::Certificates(CertificateError::NotValidNow { serial, .. }) if serial == current.serial()),
        "{error:?}"
    );
    assert_eq!(client.wechatpay_keys().certificates().count(), 2);
    assert_eq!(send_report(&client, &sandbox).await.unwrap(), next.serial());
    // Once no longer listed, it is dropped at the next refresh.
    sandbox.set_platform_certificates(demo::MCHID, PlatformCertificates::only(&next));
    eventually("the expired certificate is dropped", || {
        serials(&client.wechatpay_keys()) == [next.serial()]
    })
    .await;
    assert_eq!(send_report(&client, &sandbox).await.unwrap(), next.serial());
}

#[tokio::test]
async fn a_list_signed_by_an_untrusted_key_is_refused_and_sends_continue() {
    let sandbox = Sandbox::start().await.unwrap();
    let current = demo::platform_certificate();
    sandbox.set_platform_certificates(demo::MCHID, PlatformCertificates::only(&current));
    let client =
        builder(&sandbox).refresh_certificates_every(Duration::from_millis(50)).build().unwrap();
    let trusted = client.trust_certificates_on_first_use().await.unwrap();

    let untrusted = demo::untrusted_certificate();
    let mut scenario =
        PlatformCertificates::signed_by(&[current.clone(), untrusted.clone()], &current);
    scenario.list_signer = Some(untrusted);
    sandbox.set_platform_certificates(demo::MCHID, scenario);
    let before = downloads(&sandbox, demo::MCHID);
    eventually("two refreshes were refused", || downloads(&sandbox, demo::MCHID) >= before + 2)
        .await;
    assert_eq!(serials(&client.wechatpay_keys()), serials(&trusted), "the previous set is kept");
    let error = client.refresh_certificates().await.unwrap_err();
    assert!(
        matches!(error, Error::Verification { kind: VerifyError::UnknownSerial(_), .. }),
        "{error:?}"
    );
    assert_eq!(send_report(&client, &sandbox).await.unwrap(), current.serial());
}

#[tokio::test]
async fn a_slow_refresh_never_blocks_a_send() {
    let sandbox = Sandbox::start().await.unwrap();
    let current = demo::platform_certificate();
    let client = builder(&sandbox)
        .platform_certificate_pem(demo::PLATFORM_CERTIFICATE_PEM)
        .unwrap()
        .build()
        .unwrap();
    let mut scenario = PlatformCertificates::only(&current);
    scenario.list_delay = Some(Duration::from_secs(3));
    sandbox.set_platform_certificates(demo::MCHID, scenario);

    let refreshing = tokio::spawn({
        let client = client.clone();
        async move { client.refresh_certificates().await }
    });
    eventually("the download is under way", || downloads(&sandbox, demo::MCHID) == 1).await;
    let started = Instant::now();
    for _ in 0..3 {
        send_report(&client, &sandbox).await.unwrap();
    }
    assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
    assert!(!refreshing.is_finished(), "the refresh was still waiting for its answer");
    refreshing.await.unwrap().unwrap();
}

#[tokio::test]
async fn two_merchants_in_one_process_keep_their_own_certificates() {
    let sandbox = SandboxBuilder::new()
        .merchant(SECOND_MCHID, SECOND_SERIAL, demo::MERCHANT_PUBLIC_KEY_PEM)
        .merchant_apiv3_key(SECOND_MCHID, SECOND_APIV3_KEY)
        .start()
        .await
        .unwrap();
    let (current, next) = (demo::platform_certificate(), demo::next_platform_certificate());
    sandbox.set_platform_certificates(demo::MCHID, PlatformCertificates::only(&current));
    sandbox.set_platform_certificates(SECOND_MCHID, PlatformCertificates::only(&next));
    let first =
        builder(&sandbox).refresh_certificates_every(Duration::from_millis(60)).build().unwrap();
    let second = Client::builder()
        .mchid(SECOND_MCHID)
        .merchant_key_pem(demo::MERCHANT_KEY_PEM, SECOND_SERIAL)
        .unwrap()
        .base_url(&sandbox.base_url())
        .apiv3_key(apiv3_key(SECOND_APIV3_KEY))
        .refresh_certificates_every(Duration::from_millis(150))
        .build()
        .unwrap();
    first.trust_certificates_on_first_use().await.unwrap();
    second.trust_certificates_on_first_use().await.unwrap();
    assert_eq!(serials(&first.wechatpay_keys()), [current.serial()]);
    assert_eq!(serials(&second.wechatpay_keys()), [next.serial()]);
    assert_eq!(send_report(&first, &sandbox).await.unwrap(), current.serial());
    assert_eq!(send_report(&second, &sandbox).await.unwrap(), next.serial());

    // A rotation for the first merchant reaches only the first client.
    sandbox.set_platform_certificates(
        demo::MCHID,
        PlatformCertificates::signed_by(&[current.clone(), next.clone()], &current),
    );
    eventually("the first client has both", || first.wechatpay_keys().certificates().count() == 2)
        .await;
    let (before_first, before_second) =
        (downloads(&sandbox, demo::MCHID), downloads(&sandbox, SECOND_MCHID));
    eventually("both refresh on their own", || {
        downloads(&sandbox, demo::MCHID) >= before_first + 2
            && downloads(&sandbox, SECOND_MCHID) >= before_second + 2
    })
    .await;
    assert_eq!(serials(&second.wechatpay_keys()), [next.serial()]);
    assert_eq!(send_report(&second, &sandbox).await.unwrap(), next.serial());
}

#[tokio::test]
async fn the_refresh_task_stops_when_the_client_is_dropped() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = builder(&sandbox)
        .wechatpay_public_key_pem(sandbox.public_key_id(), sandbox.public_key_pem())
        .unwrap()
        .refresh_certificates_every(Duration::from_millis(30))
        .build()
        .unwrap();
    let clone = client.clone();
    eventually("two refreshes", || downloads(&sandbox, demo::MCHID) >= 2).await;
    drop(client);
    let refreshes = downloads(&sandbox, demo::MCHID);
    eventually("a clone keeps it going", || downloads(&sandbox, demo::MCHID) >= refreshes + 2)
        .await;
    drop(clone);
    tokio::time::sleep(Duration::from_millis(100)).await;
    let after_drop = downloads(&sandbox, demo::MCHID);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(downloads(&sandbox, demo::MCHID), after_drop, "no refresh after the drop");
}

#[test]
fn a_background_refresh_needs_an_apiv3_key_and_a_runtime() {
    let without_key = support::merchant_builder("http://127.0.0.1:9")
        .refresh_certificates_every(Duration::from_secs(60))
        .build()
        .unwrap_err();
    assert!(
        matches!(without_key, Error::Certificates(CertificateError::NoApiV3Key)),
        "{without_key:?}"
    );
    let without_runtime = support::merchant_builder("http://127.0.0.1:9")
        .apiv3_key(apiv3_key(demo::APIV3_KEY))
        .refresh_certificates_every(Duration::from_secs(60))
        .build()
        .unwrap_err();
    assert!(without_runtime.to_string().contains("Tokio runtime"), "{without_runtime}");
}

#[test]
fn downloaded_certificates_round_trip_through_their_pem() {
    let certificate = PlatformCertificate::from_pem(demo::NEXT_PLATFORM_CERTIFICATE_PEM).unwrap();
    assert_eq!(certificate.serial(), demo::NEXT_PLATFORM_CERTIFICATE_SERIAL);
    assert_eq!(certificate.to_pem(), demo::NEXT_PLATFORM_CERTIFICATE_PEM);
}
