//! `/v3/gov/subsidy/zhejiang/…`: Zhejiang's trade-in subsidy redemptions.
//!
//! Field rules come from the official page (pay.weixin.qq.com/doc/v3/partner/4013989530) and its
//! clarifications: money in yuan strings, `operation_time` in Unix milliseconds, `status` `0`
//! redeemed / `1` returned, `is_ai_product` `0` = **yes**.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::money::Yuan;
use crate::request::{Checker, Rule};
use crate::time::UnixMillis;
use crate::{ApiResponse, Error, WechatRecord, WechatRequest};

/// `POST /v3/gov/subsidy/zhejiang/qualifications/sync` (核销资格): reports redeemed or returned
/// subsidy qualifications. `cert_no`, `name` and `tel` are encrypted before sending.
#[derive(Debug, Clone, PartialEq, Serialize, WechatRequest)]
#[wechat(post = "/v3/gov/subsidy/zhejiang/qualifications/sync", response = SyncReply)]
pub struct QualificationsSync {
    /// Request serial number (请求流水号).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub req_ssn: Option<String>,
    /// The qualifications (资格集合).
    #[wechat(required, nested)]
    pub data: Vec<Qualification>,
}

/// One redeemed or returned qualification.
#[derive(Debug, Clone, PartialEq, Serialize, WechatRecord)]
#[wechat(validate_with = Qualification::check_conditions)]
pub struct Qualification {
    /// Category voucher code (品类凭证码).
    #[wechat(required)]
    pub auth_code: String,
    /// Category code (品类编码); codes starting with `A` are appliances and need a `grade`.
    #[wechat(required)]
    pub cate_code: String,
    /// ID card number (证件号码): upper-case, no spaces. Encrypted.
    #[wechat(required, encrypt)]
    pub cert_no: String,
    /// Energy grade (能耗等级), required for appliances.
    pub grade: Option<Grade>,
    /// Buyer's name (姓名). Encrypted.
    #[wechat(required, encrypt)]
    pub name: String,
    /// When the sale completed or the goods came back (交易完成或商品退回时间戳).
    pub operation_time: UnixMillis,
    /// Bank name (银行机构名称).
    pub bank_name: Option<String>,
    /// Bank subsidy (银行补贴金额).
    pub bank_subsidy: Option<Yuan>,
    /// Platform subsidy (交易平台补贴金额).
    pub plat_subsidy: Option<Yuan>,
    /// Sale amount (销售金额).
    pub sales: Yuan,
    /// Redeemed or returned (品类状态).
    pub status: Status,
    /// Government subsidy (政府补贴金额).
    pub subsidy: Yuan,
    /// Buyer's phone number (手机号). Encrypted.
    #[wechat(required, encrypt)]
    pub tel: String,
    /// District code (区县编码), 6 digits.
    #[wechat(required, digits = 6)]
    pub add_code: String,
    /// Delivery address (收货地址).
    #[wechat(required)]
    pub address: String,
    /// Online or offline sale (销售方式).
    pub sale_models: SaleMode,
    /// Serial number of the product (S/N码).
    #[wechat(required)]
    pub sn_code: String,
    /// Unified social credit code of the seller (统一社会信用代码), 18 characters.
    #[wechat(required, len = 18)]
    pub uniscid: String,
    /// Seller's name (销售企业名称).
    #[wechat(required, max_len = 100)]
    pub corp_name: String,
    /// Product barcode (商品条码), 13 or 14 digits.
    #[wechat(required, digits = [13, 14])]
    pub barcode: String,
    /// Product name (商品名称).
    #[wechat(required)]
    pub item_name: String,
    /// Model (规格型号).
    #[wechat(required)]
    pub spec_model: String,
    /// Brand (家电品牌).
    #[wechat(required)]
    pub brand: String,
    /// Logistics number (物流单号).
    #[wechat(max_len = 100)]
    pub logistics_no: Option<String>,
    /// When the buyer signed for the delivery (签收时间).
    pub delivery_time: Option<UnixMillis>,
    /// Invoice number (发票号).
    #[wechat(max_len = 100)]
    pub invoice_no: Option<String>,
    /// Whether the product is an AI product (是否属于 AI 产品).
    pub is_ai_product: AiProduct,
    /// Computer type (类型: 台式, 笔记本), for computers.
    pub pc_type: Option<String>,
    /// Merchant order number (商户订单号).
    #[wechat(required, max_len = 50)]
    pub order_no: String,
    /// The original order of a return (原始订单号), required when `status` is `Returned`.
    pub origin_order_no: Option<String>,
    /// Region code of the campaign (活动地区编码), 6 digits.
    #[wechat(required, digits = 6)]
    pub activity_add_code: String,
    /// IMEI1, for communication devices.
    pub imei1: Option<String>,
    /// IMEI2.
    pub imei2: Option<String>,
    /// 3C SN lock/unlock order number (3C SN 锁定解锁订单号).
    pub ccc_sn_order_no: Option<String>,
}

impl Qualification {
    /// The rules that involve several fields.
    fn check_conditions(&self, checker: &mut Checker<'_>) {
        if self.cate_code.starts_with('A') && self.grade.is_none() {
            checker.report(
                "grade",
                Rule::Custom(Cow::Borrowed("required when cate_code starts with `A`")),
            );
        }
        if self.status == Status::Returned
            && self.origin_order_no.as_deref().unwrap_or("").is_empty()
        {
            checker.report(
                "origin_order_no",
                Rule::Custom(Cow::Borrowed("required when status is returned")),
            );
        }
        if self.cert_no.chars().any(|c| c.is_whitespace() || c.is_lowercase()) {
            checker.report(
                "cert_no",
                Rule::Custom(Cow::Borrowed("must be upper-case with no spaces")),
            );
        }
    }
}

/// Energy grade (能耗等级).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Grade {
    /// `一级`
    #[serde(rename = "一级")]
    First,
    /// `二级`
    #[serde(rename = "二级")]
    Second,
}

/// State of the qualification (品类状态).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    /// `0`: redeemed (已核销).
    #[serde(rename = "0")]
    Redeemed,
    /// `1`: returned (已退回); needs `origin_order_no`.
    #[serde(rename = "1")]
    Returned,
}

/// Sales channel (销售方式).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SaleMode {
    /// `0`: online (线上).
    #[serde(rename = "0")]
    Online,
    /// `1`: offline (线下).
    #[serde(rename = "1")]
    Offline,
}

/// Whether the product is an AI product. Careful: on the wire `0` means **yes**.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AiProduct {
    /// `0`: an AI product (是).
    #[serde(rename = "0")]
    Yes,
    /// `1`: not an AI product (否).
    #[serde(rename = "1")]
    No,
}

/// The answer: `resp_code` `000000` is success; any other code is turned into
/// [`Error::Business`], never returned as a success.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct SyncReply {
    /// `000000` on success.
    pub resp_code: String,
    /// The description (`成功`).
    pub resp_desc: String,
    /// What was wrong with which records.
    #[serde(default)]
    pub error_data: Vec<String>,
}

/// The success code of the Zhejiang family.
pub const SUCCESS: &str = "000000";

impl ApiResponse for SyncReply {
    fn into_result(self, request_id: Option<String>) -> Result<Self, Error> {
        if self.resp_code == SUCCESS {
            Ok(self)
        } else {
            Err(Error::Business {
                resp_code: self.resp_code,
                resp_desc: self.resp_desc,
                error_data: self.error_data,
                request_id,
            })
        }
    }
}
