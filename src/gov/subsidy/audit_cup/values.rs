//! The records and the shared body of the Shanghai/Fujian/Chongqing audit data.

use serde::{Deserialize, Serialize};

use crate::money::FenText;
use crate::{Redacted, WechatRecord};

/// The invoice of an audited sale (发票信息). Every member is optional on the page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, WechatRecord)]
#[serde(deny_unknown_fields)]
pub struct InvoiceInfo {
    /// Invoice code (发票代码).
    pub invoice_cd: Option<String>,
    /// Invoice number (发票号码).
    pub invoice_no: Option<String>,
    /// Date of issue (开票日期); no format published, sent as given.
    pub invoice_dt: Option<String>,
    /// Link to the invoice (发票链接).
    pub invoice_link: Option<String>,
    /// Kind of invoice (发票类型); no values published.
    pub invoice_tp: Option<String>,
    /// Check code (发票校验码).
    pub invoice_ck_cd: Option<String>,
    /// The buyer's name on the invoice (发票上购买人姓名). Sent as is (the page does not encrypt
    /// it), but personal data: never printed.
    #[wechat(redact)]
    pub nm: Option<Redacted<String>>,
    /// Total including tax (税价合计); no unit published, sent as fen.
    pub tax: Option<FenText>,
    /// Tax (发票税额); no unit published, sent as fen.
    pub invoice_tax_amt: Option<FenText>,
    /// Seller's name (销售企业名称).
    pub sales_ent_nm: Option<String>,
    /// Seller's taxpayer ID (销售方纳税人识别号).
    pub tax_payer: Option<String>,
    /// Quantity (数量).
    pub num: Option<String>,
    /// Goods or service, with the model (货物或应税劳务服务名称).
    pub service_nm: Option<String>,
}

/// The delivery of an audited sale (物流信息). Every member is optional on the page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, WechatRecord)]
#[serde(deny_unknown_fields)]
pub struct TrackInfo {
    /// Tracking number (物流单号).
    pub tracking_no: Option<String>,
    /// Carrier (物流公司).
    pub tracking_company: Option<String>,
    /// Delivery province (收货省).
    pub usr_prov: Option<String>,
    /// Delivery city (收货市).
    pub usr_city: Option<String>,
    /// Delivery district (收货区县).
    pub usr_area: Option<String>,
    /// Delivery address (收货地址). Sent as is (the page does not encrypt it), but personal data:
    /// never printed.
    #[wechat(redact)]
    pub usr_addr: Option<Redacted<String>>,
    /// Kind of delivery (物流类型); no values published.
    pub tracking_type: Option<String>,
    /// How the goods were collected (提货方式); no values published.
    pub delivery_method: Option<String>,
    /// Where the goods were shipped from (发货地址).
    pub shipping_addr: Option<String>,
    /// When the buyer signed for them (签收时间); no format published, sent as given.
    pub delivery_time: Option<String>,
}

/// Declares a request with the body that [`Upload`](super::Upload) and
/// [`Update`](super::Update) share (their pages list the same members): the attributes given
/// (doc, `#[wechat(...)]`) and then the struct.
macro_rules! audit_data {
    ($(#[$attr:meta])* $name:ident) => {
        #[derive(
            Debug,
            Clone,
            PartialEq,
            ::serde::Serialize,
            ::serde::Deserialize,
            $crate::WechatRequest,
        )]
        $(#[$attr])*
        #[serde(deny_unknown_fields)]
        pub struct $name {
            /// Branch institution code (分公司机构代码).
            #[wechat(required)]
            pub org_no: String,
            /// Shop code (店铺编码).
            #[wechat(required)]
            pub sub_mchnt_cd: String,
            /// Shop name (店铺名称).
            #[wechat(required)]
            pub sub_mchnt_nm: String,
            /// Store name (门店名称).
            pub store_nm: Option<String>,
            /// The online platform's order number (线上平台订单号).
            #[wechat(required)]
            pub online_no: String,
            /// Merchant order number (商户订单号).
            #[wechat(required)]
            pub mchnt_order_id: String,
            /// When the audit record was uploaded (审核记录上传时间); no format published, sent
            /// as given. With `org_no` and `mchnt_order_id` it names the record later.
            #[wechat(required)]
            pub upload_time: String,
            /// Where WeChat Pay posts the audit result (审核结果通知地址); no payload is
            /// published.
            #[wechat(required)]
            pub notify_url: String,
            /// Category (品类).
            #[wechat(required)]
            pub prod_id: String,
            /// Energy grade (能效).
            pub eng_grade: Option<String>,
            /// Brand (品牌).
            #[wechat(required)]
            pub brand_nm: String,
            /// Model (型号).
            #[wechat(required)]
            pub prod_model: String,
            /// Online or offline (销售方式); no values published.
            pub sales_chnl: Option<String>,
            /// The e-commerce platform (电商平台方).
            #[wechat(required)]
            pub plat_form: String,
            /// Kind of payment (支付方式类型); no values published.
            #[wechat(required)]
            pub payer_tp: String,
            /// Trade-in order number (收旧订单号).
            pub trade_in_order_id: Option<String>,
            /// Trade-in price (收旧价格); no unit published, sent as fen.
            pub trade_in_at: Option<$crate::money::FenText>,
            /// Whether the trade-in price counts (收旧价格是否统计); no values published.
            pub is_trade_in: Option<String>,
            /// Order amount (订单金额); no unit published, sent as fen.
            pub sales_at: $crate::money::FenText,
            /// Amount paid (实付金额); no unit published, sent as fen.
            pub actual_at: $crate::money::FenText,
            /// Transaction time (交易时间); no format published, sent as given.
            #[wechat(required)]
            pub trans_tm: String,
            /// Merchant code (商户编码).
            #[wechat(required)]
            pub mchnt_cd: String,
            /// The merchant's own discount (商家优惠金额); no unit published, sent as fen.
            pub mer_sub_at: Option<$crate::money::FenText>,
            /// The national subsidy (国补优惠金额); no unit published, sent as fen.
            pub discount_at: $crate::money::FenText,
            /// Other image 1 (其他图片1).
            pub image01: Option<String>,
            /// Other image 2 (其他图片2).
            pub image02: Option<String>,
            /// Other image 3 (其他图片3).
            pub image03: Option<String>,
            /// Other image 4 (其他图片4).
            pub image04: Option<String>,
            /// Other image 5 (其他图片5).
            pub image05: Option<String>,
            /// Other image 6 (其他图片6).
            pub image06: Option<String>,
            /// Other image 7 (其他图片7).
            pub image07: Option<String>,
            /// Other image 8 (其他图片8).
            pub image08: Option<String>,
            /// Other image 9 (其他图片9).
            pub image09: Option<String>,
            /// Other image 10 (其他图片10).
            pub image10: Option<String>,
            /// Photo of the trade-in commitment letter (收旧承诺函照片).
            pub commitment_letter_photo: Option<String>,
            /// Its format (收旧承诺函照片格式).
            pub commitment_letter_photo_format: Option<String>,
            /// Photo of the traded-in device (收旧设备外观照片).
            pub device_photo: Option<String>,
            /// Its format (收旧设备外观照片格式).
            pub device_photo_format: Option<String>,
            /// Activation photo showing the packaging and the S/N (包含完整外包装及sn码的激活照片).
            pub pack_and_active_photo: Option<String>,
            /// Product barcode (商品条码), 13 or 14 digits.
            #[wechat(digits = [13, 14])]
            pub bar_code: Option<String>,
            /// S/N code (SN码).
            #[wechat(required)]
            pub sn_code: String,
            /// IMEI1.
            pub imei1: Option<String>,
            /// IMEI2.
            pub imei2: Option<String>,
            /// Registered model of the energy or water label (能效或水效网备案登记型号).
            pub register_model: Option<String>,
            /// Energy or water label registration number (能效或水效备案号).
            pub record_number: Option<String>,
            /// The national standard of the grade (能效或水效执行的国家标准名称).
            pub eng_grade_standard: Option<String>,
            /// The invoice (发票信息).
            #[wechat(nested)]
            pub invoice_info: $crate::gov::subsidy::audit_cup::InvoiceInfo,
            /// The delivery (物流信息).
            #[wechat(nested)]
            pub track_info: $crate::gov::subsidy::audit_cup::TrackInfo,
        }
    };
}

pub(super) use audit_data;
