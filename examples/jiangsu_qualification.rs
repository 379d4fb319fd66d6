//! Jiangsu's qualification flow, offline against the embedded sandbox: check a buyer's
//! qualification → claim it (pass-through mode) → report the redemption (核销) once the sale is
//! done.
//!
//! `cargo run --example jiangsu_qualification`. The buyer's name, ID number and phone travel
//! encrypted (in the query string for the check); the sale's record is read from the JSON a
//! platform would hold, as the command line does.

use wechatpay_apiv3::gov::subsidy::jiangsu::{
    ApplianceId, IdentityDocumentType, Qualification, QualificationsPassthroughClaim,
    QualificationsSync, RegionCode,
};
use wechatpay_apiv3::{Client, WechatRequest};
use wechatpay_apiv3_mock::{Sandbox, demo};

const NAME: &str = "张三";
const ID_CARD: &str = "11010519491231002X";
const PHONE: &str = "13800138000";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = Sandbox::start().await?;
    println!("sandbox listening on {}", sandbox.base_url());
    let client = Client::builder()
        .mchid(demo::MCHID)
        .merchant_key_pem(demo::MERCHANT_KEY_PEM, demo::MERCHANT_SERIAL)?
        .wechatpay_public_key_pem(sandbox.public_key_id(), sandbox.public_key_pem())?
        .base_url(&sandbox.base_url())
        .build()?;
    let nanjing = RegionCode::new(320100)?;

    let status = Qualification {
        real_name: Some(NAME.into()),
        id_card_number: Some(ID_CARD.into()),
        phone_number: Some(PHONE.into()),
        appliance_id: ApplianceId::Computer,
        openid: None,
        appid: None,
        qualification_region_code: nanjing,
        identity_document_type: Some(IdentityDocumentType::IdCard),
    }
    .send(&client)
    .await?;
    println!("1. the buyer's computer qualification is {:?}", status.state);

    let claimed = QualificationsPassthroughClaim {
        real_name: NAME.into(),
        id_card_number: ID_CARD.into(),
        phone_number: PHONE.into(),
        appliance_id: Some(ApplianceId::Computer),
        qualification_region_code: nanjing,
        identity_document_type: IdentityDocumentType::IdCard,
        longitude: "118.796877".to_owned().into(),
        latitude: "32.060255".to_owned().into(),
    }
    .send(&client)
    .await?;
    println!("2. claimed (code {})", claimed.code);

    let redemption: QualificationsSync = serde_json::from_value(serde_json::json!({
        "real_name": NAME,
        "id_card_number": ID_CARD,
        "phone_number": PHONE,
        "appliance_id": 5,
        "out_trade_no": "vmall_250120131959_993_4494",
        "receive_region_code": "320102",
        "brand": "联想",
        "address": "南京市玄武区中山路1号",
        "qualification_region_code": 320100,
        "sn_code": "PF3ABCDE",
        "seller_name": "联想（北京）信息技术有限公司",
        "license_number": "91350100M000100Y43",
        "barcode": "6901010101098",
        "item_name": "联想YOGA AIR 15",
        "spec_model": "YOGA Air 15s ILL9",
        "invoice_num": "031001900204",
        "product_type": "COMMON_PRODUCT",
        "pc_type": "LAPTOP",
        "order_amount": 699900,
        "discount_amount": 100000,
        "mch_order_id": "202501141955060001",
        "invoice_time": "2025-01-14T19:55:06+08:00",
        "purchaser_name": NAME,
        "sale_model": "SALE_MODEL_ONLINE",
        "identity_document_type": "ID_DOC_TYPE_ID_CARD",
        "invoice_address_code": "320100",
        "tax_authority_code": "13201000000",
        "transaction_time": "2025-01-14T19:55:06+08:00",
        "cate_state": "CATE_STATE_REDEEM",
        "mch_name": "江苏京东信息技术有限公司"
    }))?;
    let reported = redemption.send(&client).await?;
    println!("3. redemption reported (code {})", reported.code);
    println!("the sandbox applied {} requests", sandbox.accepted_count());
    Ok(())
}
