//! Shanghai, Fujian and Chongqing (上海/福建/重庆): the five `audit/cup/*` pages, whose answers are
//! `{"code","msg","sub_code"?,"sub_msg"?}`. Every request field is a string, money and times
//! included; nothing is encrypted. Success bodies leave `sub_code`/`sub_msg` out: the pages mark
//! them optional and give no success values, so a client must not depend on them.

use super::{Echo, Endpoint, FieldType, Location, Region, Reply};

/// The required fields of an audit record (`upload` and `update`).
const RECORD_REQUIRED: &[&str] = &[
    "org_no",
    "sub_mchnt_cd",
    "sub_mchnt_nm",
    "online_no",
    "mchnt_order_id",
    "upload_time",
    "notify_url",
    "prod_id",
    "brand_nm",
    "prod_model",
    "plat_form",
    "payer_tp",
    "sales_at",
    "actual_at",
    "trans_tm",
    "mchnt_cd",
    "discount_at",
    "sn_code",
    "invoice_info",
    "track_info",
];

/// The types of an audit record's fields (`upload` and `update`).
const RECORD_TYPES: &[(&str, FieldType)] = &[
    ("org_no", FieldType::String),
    ("sub_mchnt_cd", FieldType::String),
    ("sub_mchnt_nm", FieldType::String),
    ("store_nm", FieldType::String),
    ("online_no", FieldType::String),
    ("mchnt_order_id", FieldType::String),
    ("upload_time", FieldType::String),
    ("notify_url", FieldType::String),
    ("prod_id", FieldType::String),
    ("eng_grade", FieldType::String),
    ("brand_nm", FieldType::String),
    ("prod_model", FieldType::String),
    ("sales_chnl", FieldType::String),
    ("plat_form", FieldType::String),
    ("payer_tp", FieldType::String),
    ("trade_in_order_id", FieldType::String),
    ("trade_in_at", FieldType::String),
    ("is_trade_in", FieldType::String),
    ("sales_at", FieldType::String),
    ("actual_at", FieldType::String),
    ("trans_tm", FieldType::String),
    ("mchnt_cd", FieldType::String),
    ("mer_sub_at", FieldType::String),
    ("discount_at", FieldType::String),
    ("image01", FieldType::String),
    ("image02", FieldType::String),
    ("image03", FieldType::String),
    ("image04", FieldType::String),
    ("image05", FieldType::String),
    ("image06", FieldType::String),
    ("image07", FieldType::String),
    ("image08", FieldType::String),
    ("image09", FieldType::String),
    ("image10", FieldType::String),
    ("commitment_letter_photo", FieldType::String),
    ("commitment_letter_photo_format", FieldType::String),
    ("device_photo", FieldType::String),
    ("device_photo_format", FieldType::String),
    ("pack_and_active_photo", FieldType::String),
    ("bar_code", FieldType::String),
    ("sn_code", FieldType::String),
    ("imei1", FieldType::String),
    ("imei2", FieldType::String),
    ("register_model", FieldType::String),
    ("record_number", FieldType::String),
    ("eng_grade_standard", FieldType::String),
    ("invoice_info", FieldType::Object),
    ("invoice_info.invoice_cd", FieldType::String),
    ("invoice_info.invoice_no", FieldType::String),
    ("invoice_info.invoice_dt", FieldType::String),
    ("invoice_info.invoice_link", FieldType::String),
    ("invoice_info.invoice_tp", FieldType::String),
    ("invoice_info.invoice_ck_cd", FieldType::String),
    ("invoice_info.nm", FieldType::String),
    ("invoice_info.tax", FieldType::String),
    ("invoice_info.invoice_tax_amt", FieldType::String),
    ("invoice_info.sales_ent_nm", FieldType::String),
    ("invoice_info.tax_payer", FieldType::String),
    ("invoice_info.num", FieldType::String),
    ("invoice_info.service_nm", FieldType::String),
    ("track_info", FieldType::Object),
    ("track_info.tracking_no", FieldType::String),
    ("track_info.tracking_company", FieldType::String),
    ("track_info.usr_prov", FieldType::String),
    ("track_info.usr_city", FieldType::String),
    ("track_info.usr_area", FieldType::String),
    ("track_info.usr_addr", FieldType::String),
    ("track_info.tracking_type", FieldType::String),
    ("track_info.delivery_method", FieldType::String),
    ("track_info.shipping_addr", FieldType::String),
    ("track_info.delivery_time", FieldType::String),
];

/// `POST /v3/gov/subsidy/audit/cup/upload` (上传审核数据, 上海/福建/重庆).
///
/// `invoice_info` and `track_info` are required objects whose members are all optional.
pub const AUDIT_CUP_UPLOAD: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/audit/cup/upload",
    title: "上传审核数据",
    region: Region::ShanghaiFujianChongqing,
    location: Location::Body,
    required: RECORD_REQUIRED,
    sensitive: &[],
    types: RECORD_TYPES,
    values: &[],
    reply: Reply::ShanghaiFujianChongqing,
    success_body: r#"{"code":"000000","msg":"成功"}"#,
    echo: &[],
};

/// `POST /v3/gov/subsidy/audit/cup/update` (更新审核数据, 上海/福建/重庆).
///
/// The same fields as `upload`.
pub const AUDIT_CUP_UPDATE: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/audit/cup/update",
    title: "更新审核数据",
    region: Region::ShanghaiFujianChongqing,
    location: Location::Body,
    required: RECORD_REQUIRED,
    sensitive: &[],
    types: RECORD_TYPES,
    values: &[],
    reply: Reply::ShanghaiFujianChongqing,
    success_body: r#"{"code":"000000","msg":"成功"}"#,
    echo: &[],
};

/// `POST /v3/gov/subsidy/audit/cup/query` (查询审核结果, 上海/福建/重庆).
///
/// The page marks only `code` required in the answer (the description requires `code` and a
/// `message` it never defines: the family's member is `msg`, which the answer carries). Answers
/// a passed audit, echoing `org_no` and `mchnt_order_id`.
pub const AUDIT_CUP_QUERY: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/audit/cup/query",
    title: "查询审核结果",
    region: Region::ShanghaiFujianChongqing,
    location: Location::Body,
    required: &["org_no", "mchnt_order_id", "upload_time"],
    sensitive: &[],
    types: &[
        ("org_no", FieldType::String),
        ("mchnt_order_id", FieldType::String),
        ("upload_time", FieldType::String),
    ],
    values: &[],
    reply: Reply::ShanghaiFujianChongqing,
    success_body: r#"{
        "code": "000000",
        "msg": "成功",
        "mchnt_order_id": "ORDER20250101000001",
        "verify_status": "01",
        "verify_status_desc": "核验通过",
        "audit_status": "01",
        "audit_status_desc": "审核通过",
        "trade_status": "01",
        "refund_at": "0.00",
        "refund_dt": "",
        "org_no": "310000001"
    }"#,
    echo: &[Echo::Field("org_no"), Echo::Field("mchnt_order_id")],
};

/// `POST /v3/gov/subsidy/audit/cup/invalid` (作废审核数据, 上海/福建/重庆).
///
/// The page's title and description say 查询审核结果, copied from `audit/cup/query`: the path, the
/// bare `code`/`msg` answer (no audit fields) and the page's place among `upload`/`update` make it
/// the invalidation of an uploaded audit record. Read as a change of state, the safe reading: an
/// accepted request counts as applied, like any write.
pub const AUDIT_CUP_INVALID: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/audit/cup/invalid",
    title: "作废审核数据",
    region: Region::ShanghaiFujianChongqing,
    location: Location::Body,
    required: &["org_no", "mchnt_order_id", "upload_time"],
    sensitive: &[],
    types: &[
        ("org_no", FieldType::String),
        ("mchnt_order_id", FieldType::String),
        ("upload_time", FieldType::String),
    ],
    values: &[],
    reply: Reply::ShanghaiFujianChongqing,
    success_body: r#"{"code":"000000","msg":"成功"}"#,
    echo: &[],
};

/// `POST /v3/gov/subsidy/audit/cup/refund/sync` (同步非银联支付交易退款信息, 上海/福建/重庆).
///
/// `refund_at` (amount) and `refund_dt` (date) are strings.
pub const AUDIT_CUP_REFUND_SYNC: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/audit/cup/refund/sync",
    title: "同步非银联支付交易退款信息",
    region: Region::ShanghaiFujianChongqing,
    location: Location::Body,
    required: &["org_no", "mchnt_order_id", "upload_time", "refund_at", "refund_dt"],
    sensitive: &[],
    types: &[
        ("org_no", FieldType::String),
        ("mchnt_order_id", FieldType::String),
        ("upload_time", FieldType::String),
        ("refund_at", FieldType::String),
        ("refund_dt", FieldType::String),
    ],
    values: &[],
    reply: Reply::ShanghaiFujianChongqing,
    success_body: r#"{"code":"000000","msg":"成功"}"#,
    echo: &[],
};
