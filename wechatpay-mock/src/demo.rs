//! The throwaway keys and identifiers the sandbox ships with, and ready-made client pieces.
//!
//! Every key here was generated with `openssl genpkey -algorithm RSA -pkeyopt
//! rsa_keygen_bits:2048` for this sandbox only (see `keys/README.md`). The private keys are
//! public: **never use them for anything real.**
//!
//! [`Sandbox::start`](crate::Sandbox::start) uses the platform key pair below and registers the
//! demo merchant ([`MCHID`], [`MERCHANT_SERIAL`], [`MERCHANT_PUBLIC_KEY_PEM`]), so a client built
//! from [`signer`] and [`wechatpay_keys`] talks to it out of the box.

use wechatpay_core::{
    ApiV3Key, MerchantPrivateKey, MerchantSerial, Signer, WechatPayKeys, WechatPayPublicKey,
};

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

/// The demo merchant's APIv3 key (32 ASCII characters): the sandbox encrypts the resources of
/// the notifications it delivers with it. Test-only.
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
