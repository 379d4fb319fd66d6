//! Shared by the end-to-end tests: a valid request with known plaintext, and clients for a sandbox.

#![allow(dead_code, reason = "each test binary uses a different part")]

use std::process::Command;
use std::time::{Duration, UNIX_EPOCH};

use wechatpay_apiv3::gov::subsidy::zhejiang::{
    AiProduct, Grade, Qualification, QualificationsSync, SaleMode, Status,
};
use wechatpay_apiv3::money::Yuan;
use wechatpay_apiv3::time::UnixMillis;
use wechatpay_apiv3::{Client, ClientBuilder, RetryPolicy, Sensitive};
use wechatpay_apiv3_mock::{Sandbox, demo};

/// The plaintext personal data the tests send; no output may ever contain them.
pub const CERT_NO: &str = "330102199001011234";
pub const NAME: &str = "王小明";
pub const TEL: &str = "13912345678";
pub const SECRETS: [&str; 3] = [CERT_NO, NAME, TEL];

/// Asserts that `text` contains none of the plaintext personal data.
pub fn assert_no_plaintext(text: &str) {
    for secret in SECRETS {
        assert!(!text.contains(secret), "plaintext personal data leaked into: {text}");
    }
}

/// A valid record; `index` varies the order number.
pub fn qualification(index: usize) -> Qualification {
    Qualification {
        auth_code: "0be5f8c9071ad939651948480316da8a2d610833bb63bf67c78fdee5edd5aea1".into(),
        cate_code: "A01".into(),
        cert_no: CERT_NO.into(),
        grade: Some(Grade::Second),
        name: NAME.into(),
        operation_time: UnixMillis::from_system_time(
            UNIX_EPOCH + Duration::from_millis(1_735_689_600_123),
        )
        .expect("after 1970"),
        bank_name: None,
        bank_subsidy: None,
        plat_subsidy: None,
        sales: Yuan::from_fen(399_900),
        status: Status::Redeemed,
        subsidy: Yuan::from_fen(60_000),
        tel: TEL.into(),
        add_code: "330106".into(),
        address: "浙江省杭州市西湖区".into(),
        sale_models: SaleMode::Offline,
        sn_code: "SN0001".into(),
        uniscid: "91330106MA2B00000U".into(),
        corp_name: "杭州示例家电有限公司".into(),
        barcode: "69012345678920".into(),
        item_name: "冰箱".into(),
        spec_model: "BCD-500".into(),
        brand: "示例".into(),
        logistics_no: None,
        delivery_time: None,
        invoice_no: None,
        is_ai_product: AiProduct::Yes,
        pc_type: None,
        order_no: format!("ORDER{index:06}"),
        origin_order_no: None,
        activity_add_code: "330000".into(),
        imei1: None,
        imei2: None,
        ccc_sn_order_no: None,
    }
}

/// A valid request of `records` records.
pub fn request(records: usize) -> QualificationsSync {
    QualificationsSync {
        req_ssn: Some("REQ-1".into()),
        data: Some((0..records).map(qualification).collect()),
    }
}

/// A builder for the demo merchant against `sandbox`, without WeChat Pay keys or retries.
pub fn bare_builder(sandbox: &Sandbox) -> ClientBuilder {
    merchant_builder(&sandbox.base_url())
}

/// A builder for the demo merchant against `base_url`, without WeChat Pay keys or retries.
pub fn merchant_builder(base_url: &str) -> ClientBuilder {
    Client::builder()
        .mchid(demo::MCHID)
        .merchant_key_pem(demo::MERCHANT_KEY_PEM, demo::MERCHANT_SERIAL)
        .expect("the demo merchant key loads")
        .base_url(base_url)
        .retry_policy(RetryPolicy::none())
}

/// A complete client for `sandbox` with `retry`.
pub fn client(sandbox: &Sandbox, retry: RetryPolicy) -> Client {
    bare_builder(sandbox)
        .wechatpay_public_key_pem(sandbox.public_key_id(), sandbox.public_key_pem())
        .expect("the sandbox public key loads")
        .retry_policy(retry)
        .build()
        .expect("the client builds")
}

/// Fast retries, so that tests of retrying stay quick.
pub fn quick_retries(max_retries: u32) -> RetryPolicy {
    RetryPolicy {
        max_retries,
        base_delay: Duration::from_millis(10),
        max_delay: Duration::from_millis(20),
    }
}

/// `GET /v3/gov/subsidy/qualification` (查询补贴资格) as the tests declare it: idempotent (a GET),
/// with personal data encrypted into the query.
#[derive(Debug, Clone, serde::Serialize, wechatpay_apiv3::WechatRequest)]
#[wechat(get = "/v3/gov/subsidy/qualification", response = serde_json::Value)]
pub struct QueryQualification {
    #[wechat(query, required)]
    pub appliance_id: String,
    #[wechat(query, required)]
    pub qualification_region_code: String,
    #[wechat(query, encrypt)]
    pub real_name: Option<Sensitive>,
    #[wechat(query, encrypt)]
    pub id_card_number: Option<Sensitive>,
}

/// A valid query with the plaintext personal data.
pub fn query() -> QueryQualification {
    QueryQualification {
        appliance_id: "1".into(),
        qualification_region_code: "330100".into(),
        real_name: Some(NAME.into()),
        id_card_number: Some(CERT_NO.into()),
    }
}

/// Set in the child process [`run_child`] starts, so that the test knows it is the child.
pub const CHILD_MARKER: &str = "WECHATPAY_TEST_CHILD";

/// Whether this test runs as the child of [`run_child`].
pub fn is_child() -> bool {
    std::env::var_os(CHILD_MARKER).is_some()
}

/// Runs this binary's test `name` again in a child process, without the inherited variables
/// `clear` selects and with `vars` set, and asserts that it passes. For tests of what a process's
/// environment does, without changing the environment of this one.
pub fn run_child(name: &str, clear: impl Fn(&str) -> bool, vars: &[(&str, &str)]) {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command.args(["--exact", name, "--nocapture", "--test-threads=1"]);
    for (key, _) in std::env::vars_os() {
        if clear(&key.to_string_lossy()) {
            command.env_remove(key);
        }
    }
    command.env(CHILD_MARKER, "1").envs(vars.iter().copied());
    let output = command.output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && stdout.contains("1 passed"),
        "the child failed: {}\n{stdout}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr),
    );
}
