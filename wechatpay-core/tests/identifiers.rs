//! Merchant certificate serials, WeChat Pay public key IDs and merchant IDs: what is accepted, and
//! the copy-paste mistakes refused at configuration time.

mod support;

use wechatpay_apiv3_core::{KeyError, MerchantPrivateKey, MerchantSerial, PublicKeyId, Signer};

fn serial(text: &str) -> Result<MerchantSerial, KeyError> {
    text.parse()
}

#[test]
fn merchant_serials_as_openssl_prints_them_are_accepted() {
    for text in [
        "3775B6A45ACD588826D15E583A95F5DD",
        "D7CE59D1F522D701",
        "0",
        "01",
        "0123456789ABCDEF0123456789ABCDEF01234567", // 40 hex digits = 20 bytes
    ] {
        assert_eq!(serial(text).unwrap().as_str(), text);
        assert_eq!(serial(text).unwrap().to_string(), text);
    }
}

#[test]
fn a_lower_case_serial_is_upper_cased() {
    let parsed = serial("3775b6a45acd588826d15e583a95f5dd").unwrap();
    assert_eq!(parsed.as_str(), "3775B6A45ACD588826D15E583A95F5DD");
    assert_eq!(parsed, serial("3775B6A45ACD588826D15E583A95F5DD").unwrap());
    assert_eq!(serial("d7Ce59d1F522d701").unwrap().as_str(), "D7CE59D1F522D701");
}

#[test]
fn malformed_serials_are_refused() {
    let cases = [
        "",
        "3775B6A45ACD588826D15E583A95F5DD\n",
        "3775B6A45ACD588826D15E583A95F5DD\r\n",
        " 3775B6A45ACD588826D15E583A95F5DD",
        "3775B6A4 5ACD588826D15E583A95F5DD",
        "\t3775B6A45ACD588826D15E583A95F5DD",
        "37:75:B6:A4:5A:CD:58:88:26:D1:5E:58:3A:95:F5:DD",
        "serial=3775B6A45ACD588826D15E583A95F5DD",
        "0x3775B6A45ACD588826D15E583A95F5DD",
        "3775B6A45ACD588826D15E583A95F5DG",
        "-05",
        "３７７５",                                  // full-width digits
        "0123456789ABCDEF0123456789ABCDEF012345678", // 41 hex digits
        "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF",
    ];
    for text in cases {
        assert!(
            matches!(serial(text), Err(KeyError::InvalidSerial { .. })),
            "{text:?} was accepted: {:?}",
            serial(text)
        );
    }
    // The reasons say what is wrong.
    let reason = |text| match serial(text) {
        Err(KeyError::InvalidSerial { reason }) => reason,
        other => panic!("{other:?}"),
    };
    assert!(reason("").contains("empty"));
    assert!(reason("ABC\n").contains("whitespace"));
    assert!(reason("AB:CD").contains("colon"));
    assert!(reason("XYZ").contains("hex"));
    assert!(reason(&"A".repeat(41)).contains("40"));
}

#[test]
fn public_key_ids() {
    let id: PublicKeyId = "PUB_KEY_ID_0114232134912410000000000000".parse().unwrap();
    assert_eq!(id.as_str(), "PUB_KEY_ID_0114232134912410000000000000");
    assert_eq!(id.to_string(), "PUB_KEY_ID_0114232134912410000000000000");
    assert!("PUB_KEY_ID_abc_DEF_123".parse::<PublicKeyId>().is_ok());

    for text in [
        "",
        "PUB_KEY_ID_",
        "0114232134912410000000000000",
        "pub_key_id_0114232134912410000000000000",
        "PUB_KEY_0114232134912410000000000000",
        "PUB_KEY_ID_0114232134912410000000000000\n",
        "PUB_KEY_ID_0114232134912410000000000000\r\n",
        " PUB_KEY_ID_0114232134912410000000000000",
        "PUB_KEY_ID_01142321 34912410000000000000",
        "PUB_KEY_ID_0114232134912410000000000000-",
        "PUB_KEY_ID_０１",
    ] {
        assert!(
            matches!(text.parse::<PublicKeyId>(), Err(KeyError::InvalidPublicKeyId { .. })),
            "{text:?} was accepted"
        );
    }
}

#[test]
fn wechatpay_public_key_checks_its_id() {
    let pem = &support::rsa_2048().public_pem;
    let key = wechatpay_apiv3_core::WechatPayPublicKey::from_pem(
        "PUB_KEY_ID_0114232134912410000000000000",
        pem,
    )
    .unwrap();
    assert_eq!(key.id().as_str(), "PUB_KEY_ID_0114232134912410000000000000");
    assert_eq!(key.key().bits(), 2048);
    assert!(matches!(
        wechatpay_apiv3_core::WechatPayPublicKey::from_pem("PUB_KEY_ID_01\n", pem),
        Err(KeyError::InvalidPublicKeyId { .. })
    ));
}

#[test]
fn merchant_ids_must_be_digits() {
    let key = || MerchantPrivateKey::from_pem(support::GO_KEY_PEM).unwrap();
    let serial = || serial("D7CE59D1F522D701").unwrap();
    let signer = Signer::new("1900000001", serial(), key()).unwrap();
    assert_eq!(signer.mchid(), "1900000001");
    for mchid in ["", "1900000001\n", " 1900000001", "19000000a1", "１９００"] {
        assert!(
            matches!(Signer::new(mchid, serial(), key()), Err(KeyError::InvalidMchid { .. })),
            "{mchid:?} was accepted"
        );
    }
}
