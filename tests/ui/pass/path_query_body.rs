//! Path, query and body fields mixed, on POST, GET and DELETE.

use serde::{Deserialize, Serialize};
use wechatpay_apiv3::WechatRequest;
use wechatpay_apiv3::request::{EncryptFields as _, Method, Rule, Validate, WechatRequest as _};

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay_apiv3::ApiResponse for Reply {}

#[derive(Serialize, WechatRequest)]
#[wechat(post = "/v3/pay/partner/transactions/out-trade-no/{out_trade_no}/close", response = Reply)]
pub struct CloseOrder {
    #[wechat(path, max_len = 32)]
    pub out_trade_no: String,
    #[wechat(required)]
    pub sp_mchid: String,
    #[wechat(required)]
    pub sub_mchid: String,
}

#[derive(Serialize, WechatRequest)]
#[wechat(get = "/v3/merchant/{sub_mchid}/bills/{bill_id}", response = Reply)]
pub struct QueryBill {
    #[wechat(path)]
    pub sub_mchid: String,
    /// A number in the path: never absent, so no implicit `required` check applies.
    #[wechat(path)]
    pub bill_id: u64,
    #[wechat(query, required, len = 10)]
    pub bill_date: String,
    #[wechat(query, one_of = ["GZIP"])]
    pub tar_type: Option<String>,
    #[wechat(query)]
    pub limit: Option<u32>,
    #[wechat(query, encrypt)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<wechatpay_apiv3::Sensitive>,
}

#[derive(Serialize, WechatRequest)]
#[wechat(delete = "/v3/receivers/{account}", response = Reply)]
pub struct DeleteReceiver {
    #[wechat(path)]
    pub account: Option<String>,
}

fn main() {
    assert_eq!(CloseOrder::METHOD, Method::Post);
    assert_eq!(QueryBill::PATH, "/v3/merchant/{sub_mchid}/bills/{bill_id}");
    assert_eq!(QueryBill::QUERY, ["bill_date", "tar_type", "limit", "name"]);
    assert!(QueryBill::HAS_ENCRYPTED_FIELDS);
    assert!(!CloseOrder::HAS_ENCRYPTED_FIELDS);
    assert_eq!(DeleteReceiver::METHOD, Method::Delete);

    let violations = DeleteReceiver { account: None }.validate().unwrap_err();
    assert!(violations.contains("account", &Rule::Required));
    let bill = QueryBill {
        sub_mchid: String::new(),
        bill_id: 0,
        bill_date: "2024-1-1".into(),
        tar_type: Some("ZIP".into()),
        limit: None,
        name: None,
    };
    let violations = bill.validate().unwrap_err();
    assert_eq!(violations.0.len(), 3, "{violations}");
    assert!(violations.contains("sub_mchid", &Rule::Required));
    assert!(violations.contains("bill_date", &Rule::Length { min: Some(10), max: Some(10) }));
    assert!(violations.contains("tar_type", &Rule::OneOf { allowed: &["GZIP"] }));
}
