//! `transactions/…`: report a paid transaction, query orders, and a day's summary.

use serde::{Deserialize, Serialize};

use super::{
    ApplianceId, CateState, CollectState, EnergyGrade, IdentityDocumentType, OrderType, RegionCode,
    SaleModel, check_texts,
};
use crate::gov::subsidy::reply::JiangsuReply;
use crate::money::Fen;
use crate::request::Checker;
use crate::time::{Date, Rfc3339};
use crate::{Redacted, Sensitive, WechatRequest};

/// 交易信息回传 (report a paid transaction)
///
/// `POST /v3/gov/subsidy/transactions/sync`, region 江苏 Jiangsu. Official page:
/// <https://pay.weixin.qq.com/doc/v3/partner/4013989543>.
///
/// Encrypted: `real_name`, `id_card_number`, `phone_number`.
///
/// **Not idempotent**: the page does not say that repeating a report is safe, so a report that
/// may have been applied is never sent again automatically; it ends in
/// [`Error::OutcomeUnknown`](crate::Error::OutcomeUnknown), which points at
/// `POST /v3/gov/subsidy/transactions/query` (交易信息查询) for the order (the page's 商户订单号,
/// read as `out_trade_no`).
///
/// Sent in real time once the payment succeeded, separately from the redemption report
/// ([`QualificationsSync`](super::QualificationsSync), which has more fields).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(
    post = "/v3/gov/subsidy/transactions/sync",
    response = JiangsuReply,
    lookup = "POST /v3/gov/subsidy/transactions/query"
)]
pub struct TransactionsSync {
    /// The buyer's name (自然人姓名). Encrypted.
    #[wechat(encrypt)]
    pub real_name: Option<Sensitive>,
    /// The buyer's document number (自然人证件号). Encrypted; checked as a
    /// mainland resident ID (GB 11643 check digit) when `identity_document_type` is `IdCard`.
    #[wechat(encrypt, resident_id_if(identity_document_type = IdentityDocumentType::IdCard))]
    pub id_card_number: Option<Sensitive>,
    /// The buyer's mobile number (手机号). Encrypted.
    #[wechat(encrypt)]
    pub phone_number: Option<Sensitive>,
    /// The category (消费品类ID).
    pub appliance_id: Option<ApplianceId>,
    /// The merchant's payment order number (商户支付订单号).
    #[wechat(required)]
    pub out_trade_no: String,
    /// Energy-efficiency grade (能效等级).
    pub energy_grade: Option<EnergyGrade>,
    /// Region code of the delivery (收货地区编码), 6 digits.
    #[wechat(required, digits = 6)]
    pub receive_region_code: String,
    /// Brand (家电品牌).
    #[wechat(required)]
    pub brand: String,
    /// Delivery address (收货地址). Sent as is (the page does not encrypt it), but personal
    /// data: `Debug` prints `<redacted>`.
    #[wechat(redact)]
    pub address: Option<Redacted<String>>,
    /// Region code of the qualification used (使用的资格的地区编码).
    pub qualification_region_code: RegionCode,
    /// The seller's name (销售企业名称).
    #[wechat(required)]
    pub seller_name: String,
    /// The seller's unified social credit code (统一社会信用代码): 18 characters,
    /// the last its GB 32100 check character.
    #[wechat(required, uscc)]
    pub license_number: String,
    /// Order amount (订单金额). The page gives no unit: read as fen, like `discount_amount`.
    pub order_amount: Fen,
    /// Discount (优惠金额), in fen: only the national-subsidy discount, no other.
    pub discount_amount: Fen,
    /// When the sale completed or the goods came back (交易完成或商品退回时间).
    pub transaction_time: Rfc3339,
    /// The online platform's order number (线上平台订单编号).
    #[wechat(required)]
    pub mch_order_id: String,
    /// The online platform's refund number (线上平台退款交易编号).
    pub refund_id: Option<String>,
    /// The selling and invoicing merchant (销售主体，开票主体，商户名称).
    #[wechat(required)]
    pub mch_name: String,
    /// Sales channel (销售方式).
    pub sale_model: Option<SaleModel>,
    /// Redeemed or returned (品类状态).
    pub cate_state: CateState,
    /// The type of `id_card_number` (证件类型).
    pub identity_document_type: IdentityDocumentType,
    /// Sub-merchant ID (子商户号).
    pub sub_mchid: Option<String>,
}

/// 交易信息查询 (query orders' collection states)
///
/// `POST /v3/gov/subsidy/transactions/query`, region 江苏 Jiangsu. Official page:
/// <https://pay.weixin.qq.com/doc/v3/partner/4013989543>.
///
/// Encrypted: none.
///
/// **Idempotent**: a query changes nothing, so repeating it is safe.
///
/// No item of `order_number_list` may be empty; the page gives no limit on their number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(
    post = "/v3/gov/subsidy/transactions/query",
    response = JiangsuReply<ShopOrders>,
    idempotent,
    validate_with = TransactionsQuery::check_list
)]
pub struct TransactionsQuery {
    /// Region code of the qualification used (使用的资格的地区编码).
    pub qualification_region_code: RegionCode,
    /// The merchant's order numbers (商户订单号数组).
    #[wechat(required)]
    pub order_number_list: Vec<String>,
}

impl TransactionsQuery {
    fn check_list(&self, checker: &mut Checker<'_>) {
        check_texts(checker, "order_number_list", &self.order_number_list, None);
    }
}

/// The members of [`TransactionsQuery`]'s answer.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ShopOrders {
    /// One entry per order (订单状态数组).
    pub shop_order_list: Vec<ShopOrder>,
}

/// One order in [`ShopOrders`]; the page marks none of its members required.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ShopOrder {
    /// The order number (单号).
    pub shop_order_number: Option<String>,
    /// Its collection state (归集状态).
    pub collect_state: Option<CollectState>,
    /// Redeemed or returned (品类状态).
    pub cate_state: Option<CateState>,
}

/// 查询单日交易汇总 (a day's transaction summary)
///
/// `POST /v3/gov/subsidy/transactions/summary/query-day`, region 江苏 Jiangsu. Official page:
/// <https://pay.weixin.qq.com/doc/v3/partner/4013989543>.
///
/// Encrypted: none.
///
/// **Idempotent**: a query changes nothing, so repeating it is safe.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(
    post = "/v3/gov/subsidy/transactions/summary/query-day",
    response = JiangsuReply<DaySummary>,
    idempotent
)]
pub struct TransactionsSummaryQueryDay {
    /// Region code of the qualification used (使用的资格的地区编码).
    pub qualification_region_code: RegionCode,
    /// The day (查询的日期), `YYYY-MM-DD` as in the OpenAPI example (the page gives no format).
    pub query_date: Date,
    /// Which orders to count (查询的订单类别).
    pub query_type: OrderType,
    /// Only this category (消费品类ID).
    pub appliance_id: Option<ApplianceId>,
    /// Only redemptions or only returns (品类状态).
    pub cate_state: Option<CateState>,
}

/// The members of [`TransactionsSummaryQueryDay`]'s answer.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct DaySummary {
    /// Number of transactions (交易总笔数).
    pub total_trade_count: u64,
    /// Total amount (交易总金额). The page gives no unit: read as fen.
    pub total_trade_amount: Fen,
    /// Total subsidy (补贴总金额). Named a count, but the page describes an amount: read as fen.
    pub total_subsidy_count: Fen,
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    fn sync() -> TransactionsSync {
        TransactionsSync {
            real_name: Some(name()),
            id_card_number: Some(id_card()),
            phone_number: None,
            appliance_id: Some(ApplianceId::Refrigerator),
            out_trade_no: "vmall_250120131959_993_4494".into(),
            energy_grade: Some(EnergyGrade::Second),
            receive_region_code: "320102".into(),
            brand: "海尔".into(),
            address: Some(ADDRESS.into()),
            qualification_region_code: nanjing(),
            seller_name: "海尔智家股份有限公司".into(),
            license_number: USCC.into(),
            order_amount: Fen(359_900),
            discount_amount: Fen(50_000),
            transaction_time: time(),
            mch_order_id: "123456789".into(),
            refund_id: None,
            mch_name: "江苏京东信息技术有限公司".into(),
            sale_model: Some(SaleModel::Online),
            cate_state: CateState::Redeem,
            identity_document_type: IdentityDocumentType::TravelPermitHkMc,
            sub_mchid: None,
        }
    }

    #[test]
    fn sync_wire_values_and_rules() {
        let json = sealed(&sync());
        assert_encrypted(&json, "real_name", NAME);
        assert_encrypted(&json, "id_card_number", ID_CARD);
        assert_eq!(json["appliance_id"], 2);
        assert_eq!(json["discount_amount"], 50_000);
        assert_eq!(json["energy_grade"], "SECOND_LEVEL");
        assert_eq!(json["identity_document_type"], "ID_DOC_TYPE_MAINLAND_TRAVEL_PERMIT_FOR_HK_MC");
        assert_eq!(json["address"], ADDRESS);
        let mut bad = sync();
        bad.receive_region_code = "南京".into();
        bad.seller_name.clear();
        bad.mch_order_id.clear();
        assert_eq!(
            violations(&bad),
            [
                "receive_region_code: must be 6 digits",
                "seller_name: required",
                "mch_order_id: required"
            ]
        );
        assert_debug_hides(&sync(), &[NAME, ID_CARD, ADDRESS]);
    }

    #[test]
    fn query_rules_and_answer() {
        let mut query = TransactionsQuery {
            qualification_region_code: nanjing(),
            order_number_list: vec!["A".into(), String::new()],
        };
        assert_eq!(violations(&query), ["order_number_list[1]: required"]);
        query.order_number_list.clear();
        assert_eq!(violations(&query), ["order_number_list: required"]);
        let reply: JiangsuReply<ShopOrders> = serde_json::from_str(
            r#"{"code":"000000","message":"成功","shop_order_list":[{"shop_order_number":"A",
                "collect_state":"COLLECT_STATE_COLLECTION_FAILED","cate_state":"CATE_STATE_REFUND"}]}"#,
        )
        .unwrap();
        let order = &reply.data.shop_order_list[0];
        assert_eq!(order.collect_state, Some(CollectState::CollectionFailed));
        assert_eq!(order.cate_state, Some(CateState::Refund));
    }

    #[test]
    fn the_summary_query_sends_a_date() {
        let query = TransactionsSummaryQueryDay {
            qualification_region_code: nanjing(),
            query_date: Date::new(2025, 1, 14).unwrap(),
            query_type: OrderType::NQualificationRedeem,
            appliance_id: None,
            cate_state: Some(CateState::Redeem),
        };
        let json = sealed(&query);
        assert_eq!(json["query_date"], "2025-01-14");
        assert_eq!(json["query_type"], "ORDER_TYPE_N_QUALIFICATION_REDEEM");
        let refused = serde_json::from_str::<TransactionsSummaryQueryDay>(
            r#"{"qualification_region_code":320100,"query_date":"2025-02-30","query_type":"ORDER_TYPE_TRANSACTION"}"#,
        );
        assert!(refused.is_err());
    }
}
