//! Zhejiang (浙江): the 14 `zhejiang/*` pages, whose answers are `{"resp_code","resp_desc",…}`
//! (sync adds `error_data`). Money, times and codes are strings unless a page says `number`.

use super::{Echo, Endpoint, FieldType, Location, Region, Reply};

/// `0`/`1` codes: `status` (0 redeemed, 1 returned), `sale_models` (0 online, 1 offline),
/// `is_ai_product` (0 yes, 1 no).
const ZERO_ONE: &[&str] = &["0", "1"];

/// `grade` (能耗等级).
const GRADES: &[&str] = &["一级", "二级"];

/// `cert_type` (证件类型).
const CERT_TYPES: &[&str] = &["1", "2", "3", "4", "5"];

/// `POST /v3/gov/subsidy/zhejiang/qualifications/sync` (核销资格, 浙江 Zhejiang).
///
/// Every `data[]` field is a string on the page (money, times and codes included). Neither
/// `req_ssn` nor `data` is marked required (unlike every other Zhejiang page, which requires
/// `req_ssn`); the table follows the page. `is_ai_product` (`0` yes, `1` no) and `status`/`sale_models`
/// (`0`/`1`) only take the values their descriptions list. Answers `error_data: []`.
pub const ZHEJIANG_QUALIFICATIONS_SYNC: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/zhejiang/qualifications/sync",
    title: "核销资格",
    region: Region::Zhejiang,
    location: Location::Body,
    required: &[
        "data[].auth_code",
        "data[].cate_code",
        "data[].cert_no",
        "data[].name",
        "data[].operation_time",
        "data[].sales",
        "data[].status",
        "data[].subsidy",
        "data[].tel",
        "data[].add_code",
        "data[].address",
        "data[].sale_models",
        "data[].sn_code",
        "data[].uniscid",
        "data[].corp_name",
        "data[].barcode",
        "data[].item_name",
        "data[].spec_model",
        "data[].brand",
        "data[].is_ai_product",
        "data[].order_no",
        "data[].activity_add_code",
    ],
    sensitive: &["data[].cert_no", "data[].name", "data[].tel"],
    types: &[
        ("req_ssn", FieldType::String),
        ("data", FieldType::Array),
        ("data[]", FieldType::Object),
        ("data[].auth_code", FieldType::String),
        ("data[].cate_code", FieldType::String),
        ("data[].cert_no", FieldType::String),
        ("data[].grade", FieldType::String),
        ("data[].name", FieldType::String),
        ("data[].operation_time", FieldType::String),
        ("data[].bank_name", FieldType::String),
        ("data[].bank_subsidy", FieldType::String),
        ("data[].plat_subsidy", FieldType::String),
        ("data[].sales", FieldType::String),
        ("data[].status", FieldType::String),
        ("data[].subsidy", FieldType::String),
        ("data[].tel", FieldType::String),
        ("data[].add_code", FieldType::String),
        ("data[].address", FieldType::String),
        ("data[].sale_models", FieldType::String),
        ("data[].sn_code", FieldType::String),
        ("data[].uniscid", FieldType::String),
        ("data[].corp_name", FieldType::String),
        ("data[].barcode", FieldType::String),
        ("data[].item_name", FieldType::String),
        ("data[].spec_model", FieldType::String),
        ("data[].brand", FieldType::String),
        ("data[].logistics_no", FieldType::String),
        ("data[].delivery_time", FieldType::String),
        ("data[].invoice_no", FieldType::String),
        ("data[].is_ai_product", FieldType::String),
        ("data[].pc_type", FieldType::String),
        ("data[].order_no", FieldType::String),
        ("data[].origin_order_no", FieldType::String),
        ("data[].activity_add_code", FieldType::String),
        ("data[].imei1", FieldType::String),
        ("data[].imei2", FieldType::String),
        ("data[].ccc_sn_order_no", FieldType::String),
    ],
    values: &[
        ("data[].grade", GRADES),
        ("data[].status", ZERO_ONE),
        ("data[].sale_models", ZERO_ONE),
        ("data[].is_ai_product", ZERO_ONE),
    ],
    reply: Reply::Zhejiang,
    success_body: r#"{"resp_code":"000000","resp_desc":"成功","error_data":[]}"#,
    echo: &[],
};

/// `POST /v3/gov/subsidy/zhejiang/qualifications/query` (查询补贴资格, 浙江 Zhejiang).
///
/// Answers one `data[]` item (`status_code` `00`, not yet claimed). The description's
/// `required: [cate_code, state]` names a `state` no item defines (the members are `status` and
/// `status_code`); the answer carries the defined ones.
pub const ZHEJIANG_QUALIFICATIONS_QUERY: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/zhejiang/qualifications/query",
    title: "查询补贴资格",
    region: Region::Zhejiang,
    location: Location::Body,
    required: &["cert_no", "req_ssn"],
    sensitive: &["cert_no"],
    types: &[
        ("cert_no", FieldType::String),
        ("cate_code", FieldType::String),
        ("req_ssn", FieldType::String),
    ],
    values: &[],
    reply: Reply::Zhejiang,
    success_body: r#"{
        "resp_code": "000000",
        "resp_desc": "操作成功",
        "data": [
            {"cate_code": "A01", "status": "尚未领取资格", "status_code": "00"}
        ]
    }"#,
    echo: &[],
};

/// `POST /v3/gov/subsidy/zhejiang/qualifications/claim` (领取资格, 浙江 Zhejiang).
pub const ZHEJIANG_QUALIFICATIONS_CLAIM: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/zhejiang/qualifications/claim",
    title: "领取资格",
    region: Region::Zhejiang,
    location: Location::Body,
    required: &["cate_code", "cert_no", "name", "tel", "req_ssn"],
    sensitive: &["cert_no", "name", "tel"],
    types: &[
        ("cate_code", FieldType::String),
        ("cert_no", FieldType::String),
        ("name", FieldType::String),
        ("tel", FieldType::String),
        ("cert_type", FieldType::String),
        ("req_ssn", FieldType::String),
    ],
    values: &[("cert_type", CERT_TYPES)],
    reply: Reply::Zhejiang,
    success_body: r#"{"resp_code":"000000","resp_desc":"成功"}"#,
    echo: &[],
};

/// `POST /v3/gov/subsidy/zhejiang/qualifications/alter` (变更资格, 浙江 Zhejiang).
///
/// Answers the new `auth_code`.
pub const ZHEJIANG_QUALIFICATIONS_ALTER: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/zhejiang/qualifications/alter",
    title: "变更资格",
    region: Region::Zhejiang,
    location: Location::Body,
    required: &["cate_code", "cert_no", "name", "tel", "req_ssn"],
    sensitive: &["cert_no", "name", "tel"],
    types: &[
        ("cate_code", FieldType::String),
        ("cert_no", FieldType::String),
        ("name", FieldType::String),
        ("tel", FieldType::String),
        ("req_ssn", FieldType::String),
    ],
    values: &[],
    reply: Reply::Zhejiang,
    success_body: r#"{
        "resp_code": "000000",
        "resp_desc": "成功",
        "auth_code": "0be5f8c9071ad939651948480316da8a2d610833bb63bf67c78fdee5edd5aea1"
    }"#,
    echo: &[],
};

/// `POST /v3/gov/subsidy/zhejiang/n-qualifications/confirm` (n品类核销, 浙江 Zhejiang).
///
/// Unlike `qualifications/sync`, `data[].address` is encrypted too, and `req_ssn` is required
/// while `data` is not. `grade` (`一级`/`二级`), `status` and `sale_models` (`0`/`1`) only take the
/// values their descriptions list.
pub const ZHEJIANG_N_QUALIFICATIONS_CONFIRM: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/zhejiang/n-qualifications/confirm",
    title: "n品类核销",
    region: Region::Zhejiang,
    location: Location::Body,
    required: &[
        "data[].cate_code",
        "data[].cert_no",
        "data[].name",
        "data[].operation_time",
        "data[].sales",
        "data[].status",
        "data[].subsidy",
        "data[].tel",
        "data[].add_code",
        "data[].address",
        "data[].sale_models",
        "data[].brand",
        "data[].activity_add_code",
        "data[].uniscid",
        "data[].corp_name",
        "data[].serial_num",
        "req_ssn",
    ],
    sensitive: &["data[].cert_no", "data[].name", "data[].tel", "data[].address"],
    types: &[
        ("data", FieldType::Array),
        ("data[]", FieldType::Object),
        ("data[].cate_code", FieldType::String),
        ("data[].cert_no", FieldType::String),
        ("data[].grade", FieldType::String),
        ("data[].name", FieldType::String),
        ("data[].operation_time", FieldType::String),
        ("data[].bank_name", FieldType::String),
        ("data[].bank_subsidy", FieldType::String),
        ("data[].plat_subsidy", FieldType::String),
        ("data[].sales", FieldType::String),
        ("data[].status", FieldType::String),
        ("data[].subsidy", FieldType::String),
        ("data[].tel", FieldType::String),
        ("data[].add_code", FieldType::String),
        ("data[].address", FieldType::String),
        ("data[].sale_models", FieldType::String),
        ("data[].brand", FieldType::String),
        ("data[].activity_add_code", FieldType::String),
        ("data[].uniscid", FieldType::String),
        ("data[].corp_name", FieldType::String),
        ("data[].serial_num", FieldType::String),
        ("req_ssn", FieldType::String),
        ("req_time", FieldType::String),
    ],
    values: &[
        ("data[].grade", GRADES),
        ("data[].status", ZERO_ONE),
        ("data[].sale_models", ZERO_ONE),
    ],
    reply: Reply::Zhejiang,
    success_body: r#"{"resp_code":"000000","resp_desc":"成功"}"#,
    echo: &[],
};

/// `POST /v3/gov/subsidy/zhejiang/authcode/issue` (申请品类凭证码, 浙江 Zhejiang).
///
/// Answers the issued `auth_code`.
pub const ZHEJIANG_AUTHCODE_ISSUE: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/zhejiang/authcode/issue",
    title: "申请品类凭证码",
    region: Region::Zhejiang,
    location: Location::Body,
    required: &["category_id", "name", "mobile", "add_code", "cert_type", "cert_no", "req_ssn"],
    sensitive: &["name", "mobile", "cert_no"],
    types: &[
        ("category_id", FieldType::String),
        ("openid", FieldType::String),
        ("name", FieldType::String),
        ("mobile", FieldType::String),
        ("add_code", FieldType::String),
        ("custom_info", FieldType::String),
        ("cert_type", FieldType::String),
        ("cert_no", FieldType::String),
        ("req_ssn", FieldType::String),
    ],
    values: &[("cert_type", CERT_TYPES)],
    reply: Reply::Zhejiang,
    success_body: r#"{
        "resp_code": "000000",
        "resp_desc": "成功",
        "auth_code": "0be5f8c9071ad939651948480316da8a2d610833bb63bf67c78fdee5edd5aea1"
    }"#,
    echo: &[],
};

/// `POST /v3/gov/subsidy/zhejiang/authcode/try` (预核销品类凭证码, 浙江 Zhejiang).
///
/// The page declares `discount_mode` a `number` but lists the values `DIS_FLAG`, `DIS_CALC`,
/// `DIS_SMKT`, which only a string can carry: the answer sends the string `"DIS_FLAG"`, so a
/// client that decodes a number fails here rather than in production. The amounts are `number`s
/// in yuan with decimals (no unit is published; a client that decodes integers fails here too).
pub const ZHEJIANG_AUTHCODE_TRY: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/zhejiang/authcode/try",
    title: "预核销品类凭证码",
    region: Region::Zhejiang,
    location: Location::Body,
    required: &["sp_serial_no", "mchnt_no", "term_no", "auth_code", "category", "county_code"],
    sensitive: &[],
    types: &[
        ("sp_serial_no", FieldType::String),
        ("mchnt_no", FieldType::String),
        ("term_no", FieldType::String),
        ("auth_code", FieldType::String),
        ("category", FieldType::String),
        ("county_code", FieldType::String),
    ],
    values: &[],
    reply: Reply::Zhejiang,
    success_body: r#"{
        "resp_code": "000000",
        "resp_desc": "成功",
        "cred_frozen_no": "CF20250101000000000001",
        "event_id": "EVT330000202501",
        "event_title": "浙江省家电以旧换新补贴活动",
        "discount_mode": "DIS_FLAG",
        "amount": 3999.00,
        "discount_amt": 599.85,
        "pay_amt": 3399.15,
        "channel_dis_flag": "0",
        "channel_evt_no": "",
        "category_id": "A01"
    }"#,
    echo: &[],
};

/// `POST /v3/gov/subsidy/zhejiang/authcode/cancel` (品类凭证码预核销撤销, 浙江 Zhejiang).
pub const ZHEJIANG_AUTHCODE_CANCEL: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/zhejiang/authcode/cancel",
    title: "品类凭证码预核销撤销",
    region: Region::Zhejiang,
    location: Location::Body,
    required: &[
        "sp_serial_no",
        "cred_frozen_no",
        "trans_date",
        "trans_time",
        "auth_code",
        "req_ssn",
    ],
    sensitive: &[],
    types: &[
        ("sp_serial_no", FieldType::String),
        ("cred_frozen_no", FieldType::String),
        ("trans_date", FieldType::String),
        ("trans_time", FieldType::String),
        ("auth_code", FieldType::String),
        ("req_ssn", FieldType::String),
    ],
    values: &[],
    reply: Reply::Zhejiang,
    success_body: r#"{"resp_code":"000000","resp_desc":"成功"}"#,
    echo: &[],
};

/// `POST /v3/gov/subsidy/zhejiang/authcode/commit` (品类凭证码上报确认, 浙江 Zhejiang).
///
/// `subsidy_amt` and `amount` are `number`s on the page while `bank_subsidy` and `plat_subsidy` are
/// strings in yuan: the table follows the page field by field.
pub const ZHEJIANG_AUTHCODE_COMMIT: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/zhejiang/authcode/commit",
    title: "品类凭证码上报确认",
    region: Region::Zhejiang,
    location: Location::Body,
    required: &[
        "sp_serial_no",
        "cred_frozen_no",
        "trans_date",
        "trans_time",
        "auth_code",
        "req_ssn",
    ],
    sensitive: &[],
    types: &[
        ("sp_serial_no", FieldType::String),
        ("cred_frozen_no", FieldType::String),
        ("trans_date", FieldType::String),
        ("trans_time", FieldType::String),
        ("acq_org_order_no", FieldType::String),
        ("order_no", FieldType::String),
        ("subsidy_amt", FieldType::Number),
        ("add_code", FieldType::String),
        ("address", FieldType::String),
        ("sale_models", FieldType::String),
        ("corp_name", FieldType::String),
        ("brand", FieldType::String),
        ("uniscid", FieldType::String),
        ("barcode", FieldType::String),
        ("auth_code", FieldType::String),
        ("req_ssn", FieldType::String),
        ("bank_name", FieldType::String),
        ("bank_subsidy", FieldType::String),
        ("plat_subsidy", FieldType::String),
        ("county_code", FieldType::String),
        ("amount", FieldType::Number),
    ],
    values: &[("sale_models", ZERO_ONE)],
    reply: Reply::Zhejiang,
    success_body: r#"{"resp_code":"000000","resp_desc":"成功"}"#,
    echo: &[],
};

/// `POST /v3/gov/subsidy/zhejiang/authcode/refund` (品类凭证码上报撤销, 浙江 Zhejiang).
pub const ZHEJIANG_AUTHCODE_REFUND: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/zhejiang/authcode/refund",
    title: "品类凭证码上报撤销",
    region: Region::Zhejiang,
    location: Location::Body,
    required: &[
        "sp_serial_no",
        "cred_frozen_no",
        "trans_date",
        "trans_time",
        "auth_code",
        "req_ssn",
    ],
    sensitive: &[],
    types: &[
        ("sp_serial_no", FieldType::String),
        ("cred_frozen_no", FieldType::String),
        ("trans_date", FieldType::String),
        ("trans_time", FieldType::String),
        ("order_no", FieldType::String),
        ("subsidy_amt", FieldType::Number),
        ("add_code", FieldType::String),
        ("address", FieldType::String),
        ("sale_models", FieldType::String),
        ("uniscid", FieldType::String),
        ("barcode", FieldType::String),
        ("auth_code", FieldType::String),
        ("req_ssn", FieldType::String),
        ("bank_name", FieldType::String),
        ("bank_subsidy", FieldType::String),
        ("plat_subsidy", FieldType::String),
        ("corp_name", FieldType::String),
        ("brand", FieldType::String),
    ],
    values: &[("sale_models", ZERO_ONE)],
    reply: Reply::Zhejiang,
    success_body: r#"{"resp_code":"000000","resp_desc":"成功"}"#,
    echo: &[],
};

/// `POST /v3/gov/subsidy/zhejiang/goods/query` (商品信息查询, 浙江 Zhejiang).
///
/// Only `req_ssn` is required (the description's `required` list also names `category_id`, `name`,
/// `mobile`, `add_code`, `cert_no`, `cert_type`, copied from `authcode/issue`: ignored, see the
/// module). Answers one product, echoing `goods_bar_code` and `province`.
pub const ZHEJIANG_GOODS_QUERY: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/zhejiang/goods/query",
    title: "商品信息查询",
    region: Region::Zhejiang,
    location: Location::Body,
    required: &["req_ssn"],
    sensitive: &[],
    types: &[
        ("goods_bar_code", FieldType::String),
        ("province", FieldType::String),
        ("req_ssn", FieldType::String),
        ("req_time", FieldType::String),
    ],
    values: &[],
    reply: Reply::Zhejiang,
    success_body: r#"{
        "resp_code": "000000",
        "resp_desc": "成功",
        "goods_bar_code": "6901234567892",
        "seq_id": "1",
        "province": "330000",
        "code_type": "001",
        "goods_type": "A01",
        "goods_name": "变频空调",
        "logo_name": "测试牌",
        "goods_model": "KFR-35GW",
        "basis_price": "3999.00",
        "manufact_cert_code": "91330106MA2XXXXX0X",
        "manufact_price": "4299.00",
        "energy_effciency": "1",
        "energy_reg_code": "CEL2025000001",
        "energy_reg_model": "KFR-35GW",
        "reg_3c_code": "2025010701000001",
        "water_effciency": "",
        "expire_date": "20271231",
        "description": "一级能效变频空调",
        "gpc": "10000000",
        "net_content": "1",
        "unit_code": "H87",
        "origin": "156",
        "city": "330100",
        "county": "330106",
        "data_state": "1",
        "remark": "",
        "upload_state": "1",
        "expire_time": "20271231235959",
        "is_ai_product": "1",
        "device_type": "",
        "manufact_code": "69012345",
        "manufact_login_date": "20200101",
        "manufact_logout_date": "",
        "manufact_logout_flag": "0",
        "manufact_register_addr": "浙江省杭州市西湖区",
        "manufact_valid_date": "20301231",
        "manufact_firm_name": "杭州测试电器有限公司",
        "price_unit": "元",
        "sale_date": "20250101",
        "pc_type": "",
        "msg_src_platform": "WECHATPAY"
    }"#,
    echo: &[Echo::Field("goods_bar_code"), Echo::Field("province")],
};

/// `POST /v3/gov/subsidy/zhejiang/sncode/query` (sn码销售状态查询, 浙江 Zhejiang).
///
/// Answers `sell_state` `U0022`, echoing `sn` and `province`. The request member is `sales_models`
/// here and `sale_models` on `sncode/lock`, as the pages spell them.
pub const ZHEJIANG_SNCODE_QUERY: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/zhejiang/sncode/query",
    title: "sn码销售状态查询",
    region: Region::Zhejiang,
    location: Location::Body,
    required: &["sn", "province", "goods_type", "goods_bar_code", "req_ssn", "req_time"],
    sensitive: &[],
    types: &[
        ("sn", FieldType::String),
        ("province", FieldType::String),
        ("manufact_cert_code", FieldType::String),
        ("goods_type", FieldType::String),
        ("goods_bar_code", FieldType::String),
        ("imei1", FieldType::String),
        ("imei2", FieldType::String),
        ("sales_models", FieldType::String),
        ("req_ssn", FieldType::String),
        ("req_time", FieldType::String),
    ],
    values: &[],
    reply: Reply::Zhejiang,
    success_body: r#"{
        "resp_code": "000000",
        "resp_desc": "成功",
        "sn": "SN20250101000001",
        "province": "330000",
        "sell_state": "U0022"
    }"#,
    echo: &[Echo::Field("sn"), Echo::Field("province")],
};

/// `POST /v3/gov/subsidy/zhejiang/sncode/lock` (sn码锁定, 浙江 Zhejiang).
///
/// Answers `imei1`/`imei2`, echoed when sent.
pub const ZHEJIANG_SNCODE_LOCK: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/zhejiang/sncode/lock",
    title: "sn码锁定",
    region: Region::Zhejiang,
    location: Location::Body,
    required: &[
        "create_user",
        "province",
        "sn",
        "goods_bar_code",
        "goods_type",
        "goods_name",
        "trans_orderid",
        "order_price",
        "sell_orderid",
        "req_ssn",
        "req_time",
    ],
    sensitive: &[],
    types: &[
        ("create_user", FieldType::String),
        ("province", FieldType::String),
        ("manufact_cert_code", FieldType::String),
        ("sn", FieldType::String),
        ("goods_bar_code", FieldType::String),
        ("goods_type", FieldType::String),
        ("goods_name", FieldType::String),
        ("goods_model", FieldType::String),
        ("imei1", FieldType::String),
        ("imei2", FieldType::String),
        ("trans_orderid", FieldType::String),
        ("order_price", FieldType::String),
        ("acquire_code", FieldType::String),
        ("sell_orderid", FieldType::String),
        ("city", FieldType::String),
        ("county", FieldType::String),
        ("is_ai_product", FieldType::String),
        ("sale_time", FieldType::String),
        ("mfr_info", FieldType::String),
        ("brand", FieldType::String),
        ("sale_models", FieldType::String),
        ("req_ssn", FieldType::String),
        ("req_time", FieldType::String),
    ],
    values: &[],
    reply: Reply::Zhejiang,
    success_body: r#"{
        "resp_code": "000000",
        "resp_desc": "成功",
        "imei1": "860000000000001",
        "imei2": "860000000000002"
    }"#,
    echo: &[Echo::Field("imei1"), Echo::Field("imei2")],
};

/// `POST /v3/gov/subsidy/zhejiang/sncode/unlock` (sn码解锁, 浙江 Zhejiang).
pub const ZHEJIANG_SNCODE_UNLOCK: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/zhejiang/sncode/unlock",
    title: "sn码解锁",
    region: Region::Zhejiang,
    location: Location::Body,
    required: &[
        "req_ssn",
        "req_time",
        "create_user",
        "province",
        "sn",
        "goods_bar_code",
        "goods_type",
        "goods_name",
        "trans_orderid",
        "ori_pay_orderid",
        "order_price",
        "sell_orderid",
    ],
    sensitive: &[],
    types: &[
        ("req_ssn", FieldType::String),
        ("req_time", FieldType::String),
        ("create_user", FieldType::String),
        ("province", FieldType::String),
        ("manufact_cert_code", FieldType::String),
        ("sn", FieldType::String),
        ("goods_bar_code", FieldType::String),
        ("goods_type", FieldType::String),
        ("goods_name", FieldType::String),
        ("goods_model", FieldType::String),
        ("imei1", FieldType::String),
        ("imei2", FieldType::String),
        ("trans_orderid", FieldType::String),
        ("ori_pay_orderid", FieldType::String),
        ("order_price", FieldType::String),
        ("acquire_code", FieldType::String),
        ("sell_orderid", FieldType::String),
        ("city", FieldType::String),
        ("county", FieldType::String),
        ("is_ai_product", FieldType::String),
        ("sale_time", FieldType::String),
        ("mfr_info", FieldType::String),
        ("brand", FieldType::String),
        ("sales_models", FieldType::String),
    ],
    values: &[],
    reply: Reply::Zhejiang,
    success_body: r#"{"resp_code":"000000","resp_desc":"成功"}"#,
    echo: &[],
};
