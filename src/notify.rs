//! Notifications (回调通知): the receiving side from [`wechatpay_apiv3_core::notify`] (verify, decrypt,
//! deduplicate, answer) and the resources WeChat Pay sends.
//!
//! | `event_type` | resource |
//! | --- | --- |
//! | `TRANSACTION.SUCCESS` | [`Transaction`] (with the subsidy amounts in [`PromotionDetail`]) |
//! | `REFUND.SUCCESS`, `REFUND.ABNORMAL`, `REFUND.CLOSED` | [`Refund`] |
//! | the gov/subsidy family's `notify_url` (`audit/cup` upload and update) | [`UntypedResource`] |
//!
//! Fields marked *required* are required by the published pages and decoding fails without
//! them; the others are `Option`. Unknown fields are ignored, so new ones do not break decoding.
//! Personal data (the payer's `openid`, the account a refund went to) is [`Redacted`]: sent and
//! stored as is, never shown by `Debug`.

use std::fmt;

use serde::{Deserialize, Serialize};

pub use wechatpay_apiv3_core::notify::*;

use crate::Redacted;
use crate::money::Fen;

/// `event_type` of a successful payment.
pub const TRANSACTION_SUCCESS: &str = "TRANSACTION.SUCCESS";
/// `event_type` of a refund that reached the payer.
pub const REFUND_SUCCESS: &str = "REFUND.SUCCESS";
/// `event_type` of a refund that failed (the payer's account is frozen or closed, say).
pub const REFUND_ABNORMAL: &str = "REFUND.ABNORMAL";
/// `event_type` of a refund that was closed.
pub const REFUND_CLOSED: &str = "REFUND.CLOSED";

/// The resource of `TRANSACTION.SUCCESS` (支付成功通知), direct-merchant form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transaction {
    /// The app ID the payment was made under. Required.
    pub appid: String,
    /// The merchant ID. Required.
    pub mchid: String,
    /// The merchant's order number. Required.
    pub out_trade_no: String,
    /// WeChat Pay's order number. Required.
    pub transaction_id: String,
    /// `JSAPI`, `NATIVE`, `APP`, `MICROPAY`, `MWEB`, `FACEPAY`. Required.
    pub trade_type: String,
    /// `SUCCESS` in this notification. Required.
    pub trade_state: String,
    /// The state in words (`支付成功`). Required.
    pub trade_state_desc: String,
    /// The payer's bank (`CMC`, `OTHERS`). Required.
    pub bank_type: String,
    /// The merchant's own data given when ordering, returned as is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attach: Option<String>,
    /// When the payment succeeded (RFC 3339). Required.
    pub success_time: String,
    /// Who paid. Required.
    pub payer: Payer,
    /// The amounts. Required.
    pub amount: TransactionAmount,
    /// Where it was paid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scene_info: Option<SceneInfo>,
    /// The discounts applied, one per coupon: this is where a subsidy shows (the official FAQ
    /// identifies subsidy amounts here, by `stock_id` and the `*_contribute` shares).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub promotion_detail: Vec<PromotionDetail>,
}

/// The payer of a [`Transaction`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payer {
    /// The payer's ID under the app: identifies a person, so `Debug` hides it. Required.
    pub openid: Redacted<String>,
}

/// The amounts of a [`Transaction`], in fen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransactionAmount {
    /// The order total. Required.
    pub total: Fen,
    /// What the payer paid (the total less the discounts). Required.
    pub payer_total: Fen,
    /// The order currency (`CNY`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// The payer's currency (`CNY`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payer_currency: Option<String>,
}

/// Where a [`Transaction`] was paid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SceneInfo {
    /// The merchant's device number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_id: Option<String>,
}

/// One discount (coupon) applied to a [`Transaction`]. A government subsidy is a coupon whose
/// `stock_id` is the subsidy batch; who paid for it is split into the three `*_contribute`
/// amounts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromotionDetail {
    /// The coupon ID. Required.
    pub coupon_id: String,
    /// The discount's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `GLOBAL` (whole order) or `SINGLE` (some goods).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// `CASH` (funded in advance) or `NOCASH` (not funded in advance).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The coupon's amount used on this order. Required.
    pub amount: Fen,
    /// The batch (activity) the coupon belongs to: the subsidy batch for a subsidy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stock_id: Option<String>,
    /// WeChat Pay's share of `amount`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wechatpay_contribute: Option<Fen>,
    /// The merchant's share of `amount`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_contribute: Option<Fen>,
    /// Others' share of `amount` (a government, for a subsidy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_contribute: Option<Fen>,
    /// The currency (`CNY`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// The goods the discount applied to (for a `SINGLE` discount).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goods_detail: Vec<PromotionGoods>,
}

/// One line of goods a [`PromotionDetail`] applied to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromotionGoods {
    /// The merchant's goods code. Required.
    pub goods_id: String,
    /// How many. Required.
    pub quantity: u64,
    /// The unit price. Required.
    pub unit_price: Fen,
    /// The discount on this line. Required.
    pub discount_amount: Fen,
    /// The merchant's remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goods_remark: Option<String>,
}

/// The resource of `REFUND.SUCCESS`, `REFUND.ABNORMAL` and `REFUND.CLOSED` (退款结果通知).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refund {
    /// The merchant ID. Required.
    pub mchid: String,
    /// The merchant's order number. Required.
    pub out_trade_no: String,
    /// WeChat Pay's order number. Required.
    pub transaction_id: String,
    /// The merchant's refund number. Required.
    pub out_refund_no: String,
    /// WeChat Pay's refund number. Required.
    pub refund_id: String,
    /// `SUCCESS`, `CLOSED` or `ABNORMAL`. Required.
    pub refund_status: String,
    /// When the refund succeeded (RFC 3339); only on `REFUND.SUCCESS`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success_time: Option<String>,
    /// Where the money went (`招商银行信用卡0403`, `支付用户零钱`): names a person's account, so
    /// `Debug` hides it. Required.
    pub user_received_account: Redacted<String>,
    /// The amounts. Required.
    pub amount: RefundAmount,
}

/// The amounts of a [`Refund`], in fen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefundAmount {
    /// The order total. Required.
    pub total: Fen,
    /// The refund. Required.
    pub refund: Fen,
    /// What the payer paid. Required.
    pub payer_total: Fen,
    /// What goes back to the payer. Required.
    pub payer_refund: Fen,
}

/// A resource read as JSON, for notifications whose payload is not published: the gov/subsidy
/// family's `notify_url` (given to `audit/cup` upload and update) is one; its fields are yours to
/// read from `.0`. It may hold personal data, so `Debug` shows only its top-level field names.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UntypedResource(pub serde_json::Value);

impl fmt::Debug for UntypedResource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            serde_json::Value::Object(map) => {
                f.debug_set().entries(map.keys()).finish()?;
                f.write_str(" (values not shown)")
            }
            _ => f.write_str("<not an object, not shown>"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPENID: &str = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";

    fn transaction_json() -> serde_json::Value {
        serde_json::json!({
            "appid": "wxd678efh567hg6787", "mchid": "1230000109",
            "out_trade_no": "1217752501201407033233368018",
            "transaction_id": "1217752501201407033233368018", "trade_type": "JSAPI",
            "trade_state": "SUCCESS", "trade_state_desc": "支付成功", "bank_type": "CMC",
            "attach": "自定义数据", "success_time": "2018-06-08T10:34:56+08:00",
            "payer": { "openid": OPENID },
            "amount": { "total": 100, "payer_total": 80, "currency": "CNY", "payer_currency": "CNY" },
            "scene_info": { "device_id": "013467007045764" },
            "promotion_detail": [{
                "coupon_id": "109519", "name": "以旧换新补贴", "scope": "SINGLE", "type": "CASH",
                "amount": 20, "stock_id": "931386", "wechatpay_contribute": 0,
                "merchant_contribute": 0, "other_contribute": 20, "currency": "CNY",
                "goods_detail": [{ "goods_id": "M1006", "quantity": 1, "unit_price": 100,
                                   "discount_amount": 20, "goods_remark": "商品备注信息" }]
            }]
        })
    }

    #[test]
    fn a_payment_decodes_with_its_subsidy_and_hides_the_payer() {
        let paid: Transaction = serde_json::from_value(transaction_json()).unwrap();
        let subsidy = &paid.promotion_detail[0];
        assert_eq!(
            (subsidy.kind.as_deref(), subsidy.other_contribute),
            (Some("CASH"), Some(Fen(20)))
        );
        assert_eq!(subsidy.goods_detail[0].discount_amount, Fen(20));
        assert_eq!(paid.amount.payer_total, Fen(80));
        assert_eq!(paid.payer.openid.as_str(), OPENID);
        assert!(!format!("{paid:?}").contains(OPENID));
        assert_eq!(serde_json::to_value(&paid).unwrap(), transaction_json(), "round trip");
    }

    #[test]
    fn a_payment_without_a_required_field_does_not_decode() {
        let mut json = transaction_json();
        json.as_object_mut().unwrap().remove("transaction_id");
        assert!(serde_json::from_value::<Transaction>(json).is_err());
    }

    #[test]
    fn a_refund_decodes_and_hides_the_account() {
        let refund: Refund = serde_json::from_value(serde_json::json!({
            "mchid": "1900000100", "transaction_id": "1008450740201411110005820873",
            "out_trade_no": "20150806125346", "refund_id": "50200207182018070300011301001",
            "out_refund_no": "7752501201407033233368018", "refund_status": "SUCCESS",
            "success_time": "2018-06-08T10:34:56+08:00",
            "user_received_account": "招商银行信用卡0403",
            "amount": { "total": 999, "refund": 999, "payer_total": 999, "payer_refund": 999 }
        }))
        .unwrap();
        assert_eq!(refund.amount.payer_refund, Fen(999));
        assert!(!format!("{refund:?}").contains("0403"));
    }

    #[test]
    fn an_untyped_resource_shows_only_its_field_names() {
        let untyped =
            UntypedResource(serde_json::json!({ "id_card_number": "110101199003074477" }));
        assert_eq!(format!("{untyped:?}"), r#"{"id_card_number"} (values not shown)"#);
        assert!(!format!("{:?}", UntypedResource("secret".into())).contains("secret"));
    }
}
