//! Jiangsu (江苏): the 15 pages without a province in the path. Most answer
//! `{"code","message",…}`; `qualification`, `qualifications/query`,
//! `qualifications/passthrough/query` and `sncode/query` answer data only. Money is a `number`
//! in fen, times RFC 3339 strings, `appliance_id` and `qualification_region_code` numbers.

use super::{
    APPLIANCE_IDS, Echo, Endpoint, FieldType, IDENTITY_DOCUMENT_TYPES, Location, Region, Reply,
};

/// `product_type` (产品类型).
const PRODUCT_TYPES: &[&str] = &["COMMON_PRODUCT", "AI_PRODUCT"];

/// `energy_grade` (能效等级).
const ENERGY_GRADES: &[&str] = &["FIRST_LEVEL", "SECOND_LEVEL", "ENERGY_GRADE_UNKNOWN"];

/// `cate_state` (品类状态).
const CATE_STATES: &[&str] = &["CATE_STATE_REDEEM", "CATE_STATE_REFUND"];

/// `sale_model` (销售方式).
const SALE_MODELS: &[&str] = &["SALE_MODEL_ONLINE", "SALE_MODEL_OFFLINE"];

/// `pc_type` (电脑类型).
const PC_TYPES: &[&str] = &["DESKTOP", "LAPTOP", "COMPUTER_TYPE_UNKNOWN"];

/// `GET /v3/gov/subsidy/qualification` (查询补贴资格, 江苏 Jiangsu).
///
/// Encrypted values in the query string; `appliance_id` and `qualification_region_code` are
/// numbers on the page. The personal fields are optional (the page marks only `appliance_id` and
/// `qualification_region_code`). Answers `{"state":"UNCLAIMED"}`, a data-only answer.
pub const GOV_SUBSIDY_QUALIFICATION: Endpoint = Endpoint {
    method: "GET",
    path: "/v3/gov/subsidy/qualification",
    title: "查询补贴资格",
    region: Region::Jiangsu,
    location: Location::Query,
    required: &["appliance_id", "qualification_region_code"],
    sensitive: &["real_name", "id_card_number", "phone_number"],
    types: &[
        ("real_name", FieldType::String),
        ("id_card_number", FieldType::String),
        ("phone_number", FieldType::String),
        ("appliance_id", FieldType::Number),
        ("openid", FieldType::String),
        ("appid", FieldType::String),
        ("qualification_region_code", FieldType::Number),
        ("identity_document_type", FieldType::String),
    ],
    values: &[("appliance_id", APPLIANCE_IDS), ("identity_document_type", IDENTITY_DOCUMENT_TYPES)],
    reply: Reply::DataOnly,
    success_body: r#"{"state":"UNCLAIMED"}"#,
    echo: &[],
};

/// `POST /v3/gov/subsidy/qualifications/query` (批量查询用户资格, 江苏 Jiangsu).
///
/// Answers two categories, one unclaimed and one claimed but not redeemed (the description's
/// example `unclaimed_reason` is `NOT_SELLABLE_REASON_NOT_FOUND`, outside its own enum: the answer
/// uses `REASON_UNCLAIMED`).
pub const JIANGSU_QUALIFICATIONS_QUERY: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/qualifications/query",
    title: "批量查询用户资格",
    region: Region::Jiangsu,
    location: Location::Body,
    required: &[
        "real_name",
        "id_card_number",
        "phone_number",
        "qualification_region_code",
        "identity_document_type",
    ],
    sensitive: &["real_name", "id_card_number", "phone_number"],
    types: &[
        ("real_name", FieldType::String),
        ("id_card_number", FieldType::String),
        ("phone_number", FieldType::String),
        ("qualification_region_code", FieldType::Number),
        ("identity_document_type", FieldType::String),
    ],
    values: &[("identity_document_type", IDENTITY_DOCUMENT_TYPES)],
    reply: Reply::DataOnly,
    success_body: r#"{
        "qualification_list": [
            {
                "appliance_id": 1,
                "state": "UNCLAIMED",
                "unclaimed_reason": "REASON_UNCLAIMED"
            },
            {
                "appliance_id": 4,
                "state": "UNREDEEMED",
                "claimed_platform_name": "微信支付",
                "claimed_region_name": "江苏"
            }
        ]
    }"#,
    echo: &[],
};

/// `POST /v3/gov/subsidy/qualifications/sync` (同步资格核销信息, 江苏 Jiangsu).
///
/// The personal fields are optional here but encrypted when sent. Money in fen (`number`), times
/// RFC 3339 strings.
pub const JIANGSU_QUALIFICATIONS_SYNC: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/qualifications/sync",
    title: "同步资格核销信息",
    region: Region::Jiangsu,
    location: Location::Body,
    required: &[
        "out_trade_no",
        "receive_region_code",
        "brand",
        "address",
        "qualification_region_code",
        "sn_code",
        "seller_name",
        "license_number",
        "barcode",
        "item_name",
        "spec_model",
        "invoice_num",
        "product_type",
        "order_amount",
        "discount_amount",
        "mch_order_id",
        "invoice_time",
        "purchaser_name",
        "sale_model",
        "identity_document_type",
        "invoice_address_code",
        "tax_authority_code",
        "transaction_time",
        "cate_state",
        "mch_name",
    ],
    sensitive: &["real_name", "id_card_number", "phone_number"],
    types: &[
        ("real_name", FieldType::String),
        ("id_card_number", FieldType::String),
        ("phone_number", FieldType::String),
        ("appliance_id", FieldType::Number),
        ("out_trade_no", FieldType::String),
        ("sub_mch_id", FieldType::String),
        ("energy_grade", FieldType::String),
        ("receive_region_code", FieldType::String),
        ("brand", FieldType::String),
        ("address", FieldType::String),
        ("qualification_region_code", FieldType::Number),
        ("sn_code", FieldType::String),
        ("seller_name", FieldType::String),
        ("license_number", FieldType::String),
        ("barcode", FieldType::String),
        ("item_name", FieldType::String),
        ("spec_model", FieldType::String),
        ("logistics_num", FieldType::String),
        ("delivery_time", FieldType::String),
        ("invoice_num", FieldType::String),
        ("product_type", FieldType::String),
        ("pc_type", FieldType::String),
        ("order_amount", FieldType::Number),
        ("discount_amount", FieldType::Number),
        ("imei1", FieldType::String),
        ("imei2", FieldType::String),
        ("mch_order_id", FieldType::String),
        ("refund_id", FieldType::String),
        ("invoice_time", FieldType::String),
        ("purchaser_name", FieldType::String),
        ("sale_model", FieldType::String),
        ("identity_document_type", FieldType::String),
        ("invoice_address_code", FieldType::String),
        ("invoice_code", FieldType::String),
        ("tax_authority_code", FieldType::String),
        ("transaction_time", FieldType::String),
        ("cate_state", FieldType::String),
        ("mch_name", FieldType::String),
    ],
    values: &[
        ("appliance_id", APPLIANCE_IDS),
        ("energy_grade", ENERGY_GRADES),
        ("product_type", PRODUCT_TYPES),
        ("pc_type", PC_TYPES),
        ("sale_model", SALE_MODELS),
        ("identity_document_type", IDENTITY_DOCUMENT_TYPES),
        ("cate_state", CATE_STATES),
    ],
    reply: Reply::Jiangsu,
    success_body: r#"{"code":"000000","message":"成功"}"#,
    echo: &[],
};

/// `POST /v3/gov/subsidy/n-qualifications/sync` (N品类同步资格核销信息, 江苏 Jiangsu).
///
/// The personal fields are required here. `spec_model`, in the description's `required` list but
/// defined nowhere, is not required (see the module).
pub const JIANGSU_N_QUALIFICATIONS_SYNC: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/n-qualifications/sync",
    title: "N品类同步资格核销信息",
    region: Region::Jiangsu,
    location: Location::Body,
    required: &[
        "real_name",
        "id_card_number",
        "phone_number",
        "out_trade_no",
        "receive_region_code",
        "brand",
        "address",
        "qualification_region_code",
        "seller_name",
        "license_number",
        "invoice_num",
        "product_type",
        "order_amount",
        "discount_amount",
        "mch_order_id",
        "invoice_time",
        "purchaser_name",
        "sale_model",
        "identity_document_type",
        "invoice_address_code",
        "tax_authority_code",
        "transaction_time",
        "cate_state",
        "cate_code",
    ],
    sensitive: &["real_name", "id_card_number", "phone_number"],
    types: &[
        ("real_name", FieldType::String),
        ("id_card_number", FieldType::String),
        ("phone_number", FieldType::String),
        ("appliance_id", FieldType::Number),
        ("out_trade_no", FieldType::String),
        ("sub_mchid", FieldType::String),
        ("energy_grade", FieldType::String),
        ("receive_region_code", FieldType::String),
        ("brand", FieldType::String),
        ("address", FieldType::String),
        ("qualification_region_code", FieldType::Number),
        ("seller_name", FieldType::String),
        ("license_number", FieldType::String),
        ("logistics_num", FieldType::String),
        ("delivery_time", FieldType::String),
        ("invoice_num", FieldType::String),
        ("product_type", FieldType::String),
        ("pc_type", FieldType::String),
        ("order_amount", FieldType::Number),
        ("discount_amount", FieldType::Number),
        ("mch_order_id", FieldType::String),
        ("invoice_time", FieldType::String),
        ("purchaser_name", FieldType::String),
        ("sale_model", FieldType::String),
        ("identity_document_type", FieldType::String),
        ("invoice_address_code", FieldType::String),
        ("tax_authority_code", FieldType::String),
        ("transaction_time", FieldType::String),
        ("cate_state", FieldType::String),
        ("longitude", FieldType::String),
        ("latitude", FieldType::String),
        ("cate_code", FieldType::String),
        ("coupon_code", FieldType::String),
        ("invoice_code", FieldType::String),
        ("refund_id", FieldType::String),
    ],
    values: &[
        ("appliance_id", APPLIANCE_IDS),
        ("energy_grade", ENERGY_GRADES),
        ("product_type", PRODUCT_TYPES),
        ("pc_type", PC_TYPES),
        ("sale_model", SALE_MODELS),
        ("identity_document_type", IDENTITY_DOCUMENT_TYPES),
        ("cate_state", CATE_STATES),
    ],
    reply: Reply::Jiangsu,
    success_body: r#"{"code":"000000","message":"成功"}"#,
    echo: &[],
};

/// `POST /v3/gov/subsidy/qualifications/passthrough/query` (批量查询用户资格(透传模式), 江苏 Jiangsu).
///
/// Like `qualifications/query`, with `claim_mode`.
pub const JIANGSU_PASSTHROUGH_QUERY: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/qualifications/passthrough/query",
    title: "批量查询用户资格(透传模式)",
    region: Region::Jiangsu,
    location: Location::Body,
    required: &[
        "real_name",
        "id_card_number",
        "phone_number",
        "qualification_region_code",
        "identity_document_type",
    ],
    sensitive: &["real_name", "id_card_number", "phone_number"],
    types: &[
        ("real_name", FieldType::String),
        ("id_card_number", FieldType::String),
        ("phone_number", FieldType::String),
        ("qualification_region_code", FieldType::Number),
        ("identity_document_type", FieldType::String),
    ],
    values: &[("identity_document_type", IDENTITY_DOCUMENT_TYPES)],
    reply: Reply::DataOnly,
    success_body: r#"{
        "qualification_list": [
            {
                "appliance_id": 1,
                "state": "UNCLAIMED",
                "unclaimed_reason": "REASON_UNCLAIMED"
            },
            {
                "appliance_id": 4,
                "state": "UNREDEEMED",
                "claim_mode": "CLAIM_MODE_INTERFACE_PASS_THROUGH",
                "claimed_platform_name": "微信支付",
                "claimed_region_name": "江苏"
            }
        ]
    }"#,
    echo: &[],
};

/// `POST /v3/gov/subsidy/qualifications/passthrough/claim` (领取资格(透传模式), 江苏 Jiangsu).
///
/// `appliance_id` is optional here (it is required to cancel).
pub const JIANGSU_PASSTHROUGH_CLAIM: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/qualifications/passthrough/claim",
    title: "领取资格(透传模式)",
    region: Region::Jiangsu,
    location: Location::Body,
    required: &[
        "real_name",
        "id_card_number",
        "phone_number",
        "qualification_region_code",
        "identity_document_type",
        "longitude",
        "latitude",
    ],
    sensitive: &["real_name", "id_card_number", "phone_number"],
    types: &[
        ("real_name", FieldType::String),
        ("id_card_number", FieldType::String),
        ("phone_number", FieldType::String),
        ("appliance_id", FieldType::Number),
        ("qualification_region_code", FieldType::Number),
        ("identity_document_type", FieldType::String),
        ("longitude", FieldType::String),
        ("latitude", FieldType::String),
    ],
    values: &[("appliance_id", APPLIANCE_IDS), ("identity_document_type", IDENTITY_DOCUMENT_TYPES)],
    reply: Reply::Jiangsu,
    success_body: r#"{"code":"000000","message":"成功"}"#,
    echo: &[],
};

/// `POST /v3/gov/subsidy/qualifications/passthrough/cancel` (取消资格(透传模式), 江苏 Jiangsu).
///
/// `longitude`/`latitude`, in the description's `required` list but defined only on `claim`, are
/// not required (see the module).
pub const JIANGSU_PASSTHROUGH_CANCEL: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/qualifications/passthrough/cancel",
    title: "取消资格(透传模式)",
    region: Region::Jiangsu,
    location: Location::Body,
    required: &[
        "real_name",
        "id_card_number",
        "phone_number",
        "appliance_id",
        "qualification_region_code",
        "identity_document_type",
    ],
    sensitive: &["real_name", "id_card_number", "phone_number"],
    types: &[
        ("real_name", FieldType::String),
        ("id_card_number", FieldType::String),
        ("phone_number", FieldType::String),
        ("appliance_id", FieldType::Number),
        ("qualification_region_code", FieldType::Number),
        ("out_request_no", FieldType::String),
        ("identity_document_type", FieldType::String),
    ],
    values: &[("appliance_id", APPLIANCE_IDS), ("identity_document_type", IDENTITY_DOCUMENT_TYPES)],
    reply: Reply::Jiangsu,
    success_body: r#"{"code":"000000","message":"成功"}"#,
    echo: &[],
};

/// `POST /v3/gov/subsidy/sncode/query` (查询sn码状态, 江苏 Jiangsu).
///
/// A data-only answer with one `goods_sn_list` item per requested `sn_code_list` entry, each
/// `SNCODE_STATE_SELLABLE` (`not_sellable_reason` only accompanies `SNCODE_STATE_NOT_SELLABLE`:
/// script it with [`Outcome::Body`](crate::Outcome::Body)).
pub const JIANGSU_SNCODE_QUERY: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/sncode/query",
    title: "查询sn码状态",
    region: Region::Jiangsu,
    location: Location::Body,
    required: &["sn_code_list", "qualification_region_code"],
    sensitive: &[],
    types: &[
        ("sn_code_list", FieldType::Array),
        ("sn_code_list[]", FieldType::String),
        ("qualification_region_code", FieldType::Number),
    ],
    values: &[],
    reply: Reply::DataOnly,
    success_body: r#"{
        "goods_sn_list": [
            {"sn_code": "SN20250101000001", "state": "SNCODE_STATE_SELLABLE"}
        ]
    }"#,
    echo: &[Echo::Each { from: "sn_code_list", list: "goods_sn_list", key: "sn_code" }],
};

/// `POST /v3/gov/subsidy/sncode/lock` (sn码锁定, 江苏 Jiangsu).
pub const JIANGSU_SNCODE_LOCK: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/sncode/lock",
    title: "sn码锁定",
    region: Region::Jiangsu,
    location: Location::Body,
    required: &[
        "appliance_id",
        "out_trade_no",
        "brand",
        "qualification_region_code",
        "sn_code",
        "manufacturer_info",
        "barcode",
        "spec_model",
        "product_type",
    ],
    sensitive: &[],
    types: &[
        ("appliance_id", FieldType::Number),
        ("out_trade_no", FieldType::String),
        ("brand", FieldType::String),
        ("qualification_region_code", FieldType::Number),
        ("sn_code", FieldType::String),
        ("manufacturer_info", FieldType::String),
        ("barcode", FieldType::String),
        ("spec_model", FieldType::String),
        ("product_type", FieldType::String),
        ("sale_time", FieldType::String),
        ("imei1", FieldType::String),
        ("imei2", FieldType::String),
    ],
    values: &[("appliance_id", APPLIANCE_IDS), ("product_type", PRODUCT_TYPES)],
    reply: Reply::Jiangsu,
    success_body: r#"{"code":"000000","message":"成功"}"#,
    echo: &[],
};

/// `POST /v3/gov/subsidy/sncode/unlock` (sn码解锁, 江苏 Jiangsu).
pub const JIANGSU_SNCODE_UNLOCK: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/sncode/unlock",
    title: "sn码解锁",
    region: Region::Jiangsu,
    location: Location::Body,
    required: &[
        "appliance_id",
        "out_trade_no",
        "qualification_region_code",
        "sn_code",
        "barcode",
        "product_type",
    ],
    sensitive: &[],
    types: &[
        ("appliance_id", FieldType::Number),
        ("out_trade_no", FieldType::String),
        ("qualification_region_code", FieldType::Number),
        ("sn_code", FieldType::String),
        ("barcode", FieldType::String),
        ("product_type", FieldType::String),
    ],
    values: &[("appliance_id", APPLIANCE_IDS), ("product_type", PRODUCT_TYPES)],
    reply: Reply::Jiangsu,
    success_body: r#"{"code":"000000","message":"成功"}"#,
    echo: &[],
};

/// `POST /v3/gov/subsidy/transactions/sync` (交易信息回传, 江苏 Jiangsu).
///
/// The personal fields are optional but encrypted when sent.
pub const JIANGSU_TRANSACTIONS_SYNC: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/transactions/sync",
    title: "交易信息回传",
    region: Region::Jiangsu,
    location: Location::Body,
    required: &[
        "out_trade_no",
        "receive_region_code",
        "brand",
        "qualification_region_code",
        "seller_name",
        "license_number",
        "order_amount",
        "discount_amount",
        "transaction_time",
        "mch_order_id",
        "mch_name",
        "cate_state",
        "identity_document_type",
    ],
    sensitive: &["real_name", "id_card_number", "phone_number"],
    types: &[
        ("real_name", FieldType::String),
        ("id_card_number", FieldType::String),
        ("phone_number", FieldType::String),
        ("appliance_id", FieldType::Number),
        ("out_trade_no", FieldType::String),
        ("energy_grade", FieldType::String),
        ("receive_region_code", FieldType::String),
        ("brand", FieldType::String),
        ("address", FieldType::String),
        ("qualification_region_code", FieldType::Number),
        ("seller_name", FieldType::String),
        ("license_number", FieldType::String),
        ("order_amount", FieldType::Number),
        ("discount_amount", FieldType::Number),
        ("transaction_time", FieldType::String),
        ("mch_order_id", FieldType::String),
        ("refund_id", FieldType::String),
        ("mch_name", FieldType::String),
        ("sale_model", FieldType::String),
        ("cate_state", FieldType::String),
        ("identity_document_type", FieldType::String),
        ("sub_mchid", FieldType::String),
    ],
    values: &[
        ("appliance_id", APPLIANCE_IDS),
        ("energy_grade", ENERGY_GRADES),
        ("sale_model", SALE_MODELS),
        ("cate_state", CATE_STATES),
        ("identity_document_type", IDENTITY_DOCUMENT_TYPES),
    ],
    reply: Reply::Jiangsu,
    success_body: r#"{"code":"000000","message":"成功"}"#,
    echo: &[],
};

/// `POST /v3/gov/subsidy/transactions/query` (交易信息查询, 江苏 Jiangsu).
///
/// One `shop_order_list` item per requested order that a report the sandbox applied named
/// (`transactions/sync`, `qualifications/sync`, `n-qualifications/sync`), in the `cate_state`
/// reported last; orders never reported are left out (the page does not say how an unknown
/// order is answered; leaving it out is what lets a client tell that a report did not arrive).
pub const JIANGSU_TRANSACTIONS_QUERY: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/transactions/query",
    title: "交易信息查询",
    region: Region::Jiangsu,
    location: Location::Body,
    required: &["qualification_region_code", "order_number_list"],
    sensitive: &[],
    types: &[
        ("qualification_region_code", FieldType::Number),
        ("order_number_list", FieldType::Array),
        ("order_number_list[]", FieldType::String),
    ],
    values: &[],
    reply: Reply::Jiangsu,
    success_body: r#"{
        "code": "000000",
        "message": "成功",
        "shop_order_list": [
            {
                "shop_order_number": "ORDER20250101000001",
                "collect_state": "COLLECT_STATE_COLLECTED",
                "cate_state": "CATE_STATE_REDEEM"
            }
        ]
    }"#,
    echo: &[Echo::Orders {
        from: "order_number_list",
        list: "shop_order_list",
        key: "shop_order_number",
        state: "cate_state",
    }],
};

/// `POST /v3/gov/subsidy/transactions/summary/query-day` (查询单日交易汇总, 江苏 Jiangsu).
///
/// The totals are `number`s (fen). `total_subsidy_count` is described as 补贴总金额, an amount
/// despite its name; the answer gives it an amount.
pub const JIANGSU_TRANSACTIONS_SUMMARY_QUERY_DAY: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/transactions/summary/query-day",
    title: "查询单日交易汇总",
    region: Region::Jiangsu,
    location: Location::Body,
    required: &["qualification_region_code", "query_date", "query_type"],
    sensitive: &[],
    types: &[
        ("qualification_region_code", FieldType::Number),
        ("query_date", FieldType::String),
        ("query_type", FieldType::String),
        ("appliance_id", FieldType::Number),
        ("cate_state", FieldType::String),
    ],
    values: &[
        (
            "query_type",
            &[
                "ORDER_TYPE_TRANSACTION",
                "ORDER_TYPE_APPLIANCE_REDEEM",
                "ORDER_TYPE_3C_REDEEM",
                "ORDER_TYPE_N_QUALIFICATION_REDEEM",
            ],
        ),
        ("appliance_id", APPLIANCE_IDS),
        ("cate_state", CATE_STATES),
    ],
    reply: Reply::Jiangsu,
    success_body: r#"{
        "code": "000000",
        "message": "成功",
        "total_trade_count": 12,
        "total_trade_amount": 4798800,
        "total_subsidy_count": 719820
    }"#,
    echo: &[],
};

/// `POST /v3/gov/subsidy/companies/query` (企业信息查询, 江苏 Jiangsu).
pub const JIANGSU_COMPANIES_QUERY: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/companies/query",
    title: "企业信息查询",
    region: Region::Jiangsu,
    location: Location::Body,
    required: &["qualification_region_code", "license_number"],
    sensitive: &[],
    types: &[
        ("qualification_region_code", FieldType::Number),
        ("license_number", FieldType::String),
    ],
    values: &[],
    reply: Reply::Jiangsu,
    success_body: r#"{
        "code": "000000",
        "message": "成功",
        "company_name": "南京测试电器有限公司",
        "collect_state": "COLLECT_STATE_COLLECTED"
    }"#,
    echo: &[],
};

/// `POST /v3/gov/subsidy/goods/upload` (商品信息上传, 江苏 Jiangsu).
///
/// The page warns that uploading the same product twice fails (获取中央平台数据异常_数据重复):
/// script that with [`Outcome::Business`](crate::Outcome::Business).
pub const JIANGSU_GOODS_UPLOAD: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/goods/upload",
    title: "商品信息上传",
    region: Region::Jiangsu,
    location: Location::Body,
    required: &[
        "appliance_id",
        "product_name",
        "brand",
        "qualification_region_code",
        "seller_name",
        "license_number",
        "base_price",
        "average_trading_price",
        "product_type",
        "bar_code",
    ],
    sensitive: &[],
    types: &[
        ("appliance_id", FieldType::Number),
        ("product_name", FieldType::String),
        ("energy_grade", FieldType::String),
        ("brand", FieldType::String),
        ("qualification_region_code", FieldType::Number),
        ("seller_name", FieldType::String),
        ("license_number", FieldType::String),
        ("base_price", FieldType::Number),
        ("average_trading_price", FieldType::Number),
        ("product_type", FieldType::String),
        ("product_model", FieldType::String),
        ("bar_code", FieldType::String),
    ],
    values: &[
        ("appliance_id", APPLIANCE_IDS),
        ("energy_grade", ENERGY_GRADES),
        ("product_type", PRODUCT_TYPES),
    ],
    reply: Reply::Jiangsu,
    success_body: r#"{"code":"000000","message":"成功"}"#,
    echo: &[],
};
