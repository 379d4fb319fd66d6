//! The throwaway keys and identifiers the sandbox ships with, and ready-made client pieces.
//!
//! Every key here was generated with `openssl genpkey -algorithm RSA -pkeyopt
//! rsa_keygen_bits:2048` for this sandbox only (see `keys/README.md`). The private keys are
//! public: **never use them for anything real.**
//!
//! [`Sandbox::start`](crate::Sandbox::start) uses the platform key pair below and registers the
//! demo merchant ([`MCHID`], [`MERCHANT_SERIAL`], [`MERCHANT_PUBLIC_KEY_PEM`]), so a client built
//! from [`signer`] and [`wechatpay_keys`] talks to it out of the box.

use wechatpay_apiv3_core::{
    ApiV3Key, MerchantPrivateKey, MerchantSerial, Signer, WechatPayKeys, WechatPayPublicKey,
};

use crate::MockCertificate;

/// The demo merchant's ID.
pub const MCHID: &str = "1900000001";

/// The demo merchant's (made-up) API certificate serial: 40 upper-case hex digits.
pub const MERCHANT_SERIAL: &str = "683C2B5F33299E4EE67E24FD7FF6E97B00E40642";

/// The demo merchant's API private key (`apiclient_key.pem`), PKCS#8 PEM. Test-only.
pub const MERCHANT_KEY_PEM: &str = include_str!("../keys/merchant_private_key.pem");

/// The public half of [`MERCHANT_KEY_PEM`], as the sandbox registers it.
pub const MERCHANT_PUBLIC_KEY_PEM: &str = include_str!("../keys/merchant_public_key.pem");

/// The sandbox's WeChat Pay public key ID, sent as `Wechatpay-Serial` on every signed answer.
pub const PUBLIC_KEY_ID: &str = "PUB_KEY_ID_0119000000012025000000000001";

/// The sandbox's WeChat Pay public key (`pub_key.pem`): clients verify answers and encrypt
/// sensitive fields with it.
pub const PUBLIC_KEY_PEM: &str = include_str!("../keys/platform_public_key.pem");

/// The private half of [`PUBLIC_KEY_PEM`]: the sandbox signs answers and decrypts sensitive
/// fields with it. Test-only.
pub const PLATFORM_PRIVATE_KEY_PEM: &str = include_str!("../keys/platform_private_key.pem");

/// A key registered nowhere. The sandbox signs with it for the `WrongSignature`,
/// `UnknownSerial` and `Probe` faults; tests sign requests with it to provoke `SIGN_ERROR`.
pub const OTHER_KEY_PEM: &str = include_str!("../keys/other_private_key.pem");

/// The public half of [`OTHER_KEY_PEM`].
pub const OTHER_PUBLIC_KEY_PEM: &str = include_str!("../keys/other_public_key.pem");

/// The `Wechatpay-Serial` the `UnknownSerial` fault sends: a well-formed ID no client knows.
pub const UNKNOWN_PUBLIC_KEY_ID: &str = "PUB_KEY_ID_0119999999992025000000000009";

/// The demo merchant's APIv3 key (32 ASCII characters): the sandbox encrypts its platform
/// certificates and the resources of the notifications it delivers under it. Test-only.
pub const APIV3_KEY: &str = "wechatpayMockDemoApiV3Key0000001";

/// Another APIv3 key, for [`NotificationKind::WrongApiV3Key`](crate::NotificationKind::WrongApiV3Key).
pub const OTHER_APIV3_KEY: &str = "wechatpayMockOtherApiV3Key000002";

/// The file holding [`APIV3_KEY`] (and a line end): what `WECHATPAY_APIV3_KEY_PATH` names for a
/// standalone sandbox.
pub const APIV3_KEY_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/keys/apiv3_key.txt");

/// The demo merchant's APIv3 key, parsed.
pub fn api_v3_key() -> ApiV3Key {
    ApiV3Key::new(APIV3_KEY).expect("the shipped demo APIv3 key is valid")
}

/// The path of the file [`MERCHANT_KEY_PEM`] was read from, in the source tree the crate was
/// built from: what `WECHATPAY_MCH_KEY_PATH` names for a standalone sandbox.
pub const MERCHANT_KEY_PATH: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/keys/merchant_private_key.pem");

/// The path of the file [`PUBLIC_KEY_PEM`] was read from: what `WECHATPAY_PUBLIC_KEY_PATH` names
/// for a standalone sandbox.
pub const PUBLIC_KEY_PATH: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/keys/platform_public_key.pem");

/// The serial of [`PLATFORM_CERTIFICATE_PEM`], as `openssl x509 -noout -serial` prints it.
pub const PLATFORM_CERTIFICATE_SERIAL: &str = "3D5A1C0E7B9F2A4C6E8D0B1F3A5C7E9D1B3F5A7C";

/// A platform certificate for the sandbox's platform key ([`PLATFORM_PRIVATE_KEY_PEM`]), valid
/// 2024-01-01 to 2034-01-01 (see `keys/certificates/README.md`).
pub const PLATFORM_CERTIFICATE_PEM: &str = include_str!("../keys/certificates/current.pem");

/// The serial of [`NEXT_PLATFORM_CERTIFICATE_PEM`].
pub const NEXT_PLATFORM_CERTIFICATE_SERIAL: &str = "4E6B2D1F8C0A3B5D7F9E1C2A4B6D8F0E2C4A6B8D";

/// The certificate a rotation moves to, for [`NEXT_PLATFORM_PRIVATE_KEY_PEM`], valid 2026-01-01
/// to 2036-01-01.
pub const NEXT_PLATFORM_CERTIFICATE_PEM: &str = include_str!("../keys/certificates/next.pem");

/// The private key of [`NEXT_PLATFORM_CERTIFICATE_PEM`]. Test-only.
pub const NEXT_PLATFORM_PRIVATE_KEY_PEM: &str =
    include_str!("../keys/platform_next_private_key.pem");

/// The serial of [`UNTRUSTED_CERTIFICATE_PEM`].
pub const UNTRUSTED_CERTIFICATE_SERIAL: &str = "7F1E3D5C7B9A0F2E4D6C8B0A1F3E5D7C9B1A3F5E";

/// A certificate for [`OTHER_KEY_PEM`], valid 2024-01-01 to 2034-01-01: a signer no client
/// should trust.
pub const UNTRUSTED_CERTIFICATE_PEM: &str = include_str!("../keys/certificates/untrusted.pem");

/// [`PLATFORM_CERTIFICATE_PEM`] with its key: listed to every merchant with an APIv3 key.
pub fn platform_certificate() -> MockCertificate {
    MockCertificate::new(
        PLATFORM_CERTIFICATE_SERIAL,
        PLATFORM_CERTIFICATE_PEM,
        PLATFORM_PRIVATE_KEY_PEM,
    )
    .expect("the shipped platform certificate is valid")
}

/// [`NEXT_PLATFORM_CERTIFICATE_PEM`] with its key.
pub fn next_platform_certificate() -> MockCertificate {
    MockCertificate::new(
        NEXT_PLATFORM_CERTIFICATE_SERIAL,
        NEXT_PLATFORM_CERTIFICATE_PEM,
        NEXT_PLATFORM_PRIVATE_KEY_PEM,
    )
    .expect("the shipped next platform certificate is valid")
}

/// [`UNTRUSTED_CERTIFICATE_PEM`] with its key.
pub fn untrusted_certificate() -> MockCertificate {
    MockCertificate::new(UNTRUSTED_CERTIFICATE_SERIAL, UNTRUSTED_CERTIFICATE_PEM, OTHER_KEY_PEM)
        .expect("the shipped untrusted certificate is valid")
}

/// The demo merchant's private key, parsed.
pub fn merchant_key() -> MerchantPrivateKey {
    MerchantPrivateKey::from_pem(MERCHANT_KEY_PEM).expect("the shipped demo merchant key is valid")
}

/// A [`Signer`] for the demo merchant (system clock, random nonces).
pub fn signer() -> Signer {
    let serial: MerchantSerial =
        MERCHANT_SERIAL.parse().expect("the shipped demo merchant serial is valid");
    Signer::new(MCHID, serial, merchant_key()).expect("the shipped demo merchant ID is valid")
}

/// The sandbox's default WeChat Pay public key with its ID.
pub fn wechatpay_public_key() -> WechatPayPublicKey {
    WechatPayPublicKey::from_pem(PUBLIC_KEY_ID, PUBLIC_KEY_PEM)
        .expect("the shipped sandbox public key is valid")
}

/// A key store that knows the sandbox's default public key: verifies its answers and encrypts
/// sensitive fields to it.
pub fn wechatpay_keys() -> WechatPayKeys {
    WechatPayKeys::new().with_public_key(wechatpay_public_key())
}
