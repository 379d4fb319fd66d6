//! Zhejiang's category voucher (品类凭证码) flow, offline against the embedded sandbox:
//! issue a voucher for a buyer → try (pre-redeem) it at the till → commit the sale.
//!
//! `cargo run --example zhejiang_authcode`. Each step's answer is verified and business-checked
//! before the next step uses it; the buyer's name, phone and ID number travel encrypted.

use wechatpay_apiv3::gov::subsidy::zhejiang::{
    AuthcodeCommit, AuthcodeIssue, AuthcodeTry, CertType, SaleMode,
};
use wechatpay_apiv3::money::{Fen, Yuan};
use wechatpay_apiv3::{Client, WechatRequest};
use wechatpay_apiv3_mock::{Sandbox, demo};

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

    let issued = AuthcodeIssue {
        category_id: "A01".into(),
        openid: None,
        name: "张三".into(),
        mobile: "13800138000".into(),
        add_code: "330106".into(),
        custom_info: None,
        cert_type: CertType::Type1,
        cert_no: "11010519491231002X".into(),
        req_ssn: "ZJ-ISSUE-0001".into(),
    }
    .send(&client)
    .await?;
    let auth_code = issued.data.auth_code.ok_or("the answer carries no auth_code")?;
    println!("1. issued a voucher (resp_code {})", issued.resp_code);

    let tried = AuthcodeTry {
        sp_serial_no: "SP-TRY-0001".into(),
        mchnt_no: "330106000000001".into(),
        term_no: "T0000001".into(),
        auth_code: auth_code.clone(),
        category: "A01".into(),
        county_code: "330106".into(),
    }
    .send(&client)
    .await?;
    let frozen = tried.data;
    println!(
        "2. pre-redeemed: frozen as {} under event {} ({:?})",
        frozen.cred_frozen_no, frozen.event_id, frozen.discount_mode
    );

    let committed = AuthcodeCommit {
        sp_serial_no: "SP-COMMIT-0001".into(),
        cred_frozen_no: frozen.cred_frozen_no,
        trans_date: "20250101".into(),
        trans_time: "120000".into(),
        acq_org_order_no: None,
        order_no: Some("ORDER20250101000001".into()),
        subsidy_amt: Some(Fen(60_000)),
        add_code: Some("330106".into()),
        address: Some("浙江省杭州市西湖区文三路 1 号".to_owned().into()),
        sale_models: Some(SaleMode::Offline),
        corp_name: Some("杭州示例家电有限公司".into()),
        brand: Some("示例".into()),
        uniscid: Some("91350100M000100Y43".into()),
        barcode: Some("6901234567892".into()),
        auth_code,
        req_ssn: "ZJ-COMMIT-0001".into(),
        bank_name: None,
        bank_subsidy: None,
        plat_subsidy: Some(Yuan::from_fen(10_000)),
        county_code: Some("330106".into()),
        amount: Some(Fen(399_900)),
    }
    .send(&client)
    .await?;
    println!("3. committed the sale (resp_code {})", committed.resp_code);
    println!("the sandbox applied {} requests", sandbox.accepted_count());
    Ok(())
}
