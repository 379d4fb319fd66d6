//! Reports one redeemed trade-in subsidy qualification to Zhejiang
//! (`POST /v3/gov/subsidy/zhejiang/qualifications/sync`).
//!
//! `cargo run --example qualifications_sync` starts the offline sandbox in-process and sends to
//! it. With the `WECHATPAY_*` variables set (see `Client::from_env`), it sends the same request to
//! `WECHATPAY_BASE_URL` instead and starts no sandbox.
//!
//! **The request holds made-up personal data.** Without `WECHATPAY_BASE_URL` a client goes to
//! production, so the example refuses to run in that mode unless `WECHATPAY_BASE_URL` names the
//! host explicitly (`https://api.mch.weixin.qq.com` if you really mean it).

use std::time::{Duration, UNIX_EPOCH};

use wechatpay_apiv3::gov::subsidy::zhejiang::{
    AiProduct, Grade, Qualification, QualificationsSync, SaleMode, Status,
};
use wechatpay_apiv3::money::Yuan;
use wechatpay_apiv3::time::UnixMillis;
use wechatpay_apiv3::{Client, WechatRequest};
use wechatpay_apiv3_mock::{Sandbox, demo};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let request = seed_request()?;
    if std::env::var_os("WECHATPAY_MCHID").is_some() {
        if std::env::var_os("WECHATPAY_BASE_URL").is_none() {
            eprintln!(
                "!!! WECHATPAY_MCHID is set but WECHATPAY_BASE_URL is not: this would send the example's\n\
                 !!! made-up personal data to PRODUCTION (https://api.mch.weixin.qq.com). Set\n\
                 !!! WECHATPAY_BASE_URL to your sandbox, or to the production URL if you mean it."
            );
            return Err("refusing to send made-up personal data to production by default".into());
        }
        let client = Client::from_env()?;
        println!("sending to {}", client.base_url());
        let reply = request.send(&client).await?;
        println!("verified reply: resp_code={} resp_desc={}", reply.resp_code, reply.resp_desc);
        return Ok(());
    }

    let sandbox = Sandbox::start().await?;
    println!("sandbox listening on {}", sandbox.base_url());
    let client = Client::builder()
        .mchid(demo::MCHID)
        .merchant_key_pem(demo::MERCHANT_KEY_PEM, demo::MERCHANT_SERIAL)?
        .wechatpay_public_key_pem(sandbox.public_key_id(), sandbox.public_key_pem())?
        .base_url(&sandbox.base_url())
        .build()?;

    let reply = request.send(&client).await?;
    println!("verified reply: resp_code={} resp_desc={}", reply.resp_code, reply.resp_desc);

    let received = sandbox.last_received().ok_or("the sandbox recorded no request")?;
    println!("Wechatpay-Serial sent: {}", received.header("Wechatpay-Serial").unwrap_or("-"));
    let record = &received.json.as_ref().ok_or("the sandbox refused the request")?["data"][0];
    for field in ["cert_no", "name", "tel"] {
        let value = record[field].as_str().unwrap_or_default();
        println!("sandbox decrypted {field}: {}", mask(value));
    }
    Ok(())
}

/// The seed page's request, with plaintext personal data: the SDK encrypts it.
fn seed_request() -> Result<QualificationsSync, Box<dyn std::error::Error>> {
    let operation_time = UNIX_EPOCH + Duration::from_millis(1_735_689_600_000);
    Ok(QualificationsSync {
        req_ssn: Some("123".into()),
        data: Some(vec![Qualification {
            auth_code: "0be5f8c9071ad939651948480316da8a2d610833bb63bf67c78fdee5edd5aea1".into(),
            cate_code: "A01".into(),
            cert_no: "330102199001011234".into(),
            grade: Some(Grade::First),
            name: "张三".into(),
            operation_time: UnixMillis::from_system_time(operation_time)?,
            bank_name: None,
            bank_subsidy: None,
            plat_subsidy: Some("100.00".parse()?),
            sales: "3999.00".parse()?,
            status: Status::Redeemed,
            subsidy: Yuan::from_yuan(600).ok_or("overflow")?,
            tel: "13800138000".into(),
            add_code: "330106".into(),
            address: "浙江省杭州市西湖区文三路 1 号".into(),
            sale_models: SaleMode::Online,
            sn_code: "SN20250101000001".into(),
            uniscid: "91330106MA2B00000U".into(),
            corp_name: "杭州示例家电有限公司".into(),
            barcode: "6901234567892".into(),
            item_name: "变频空调".into(),
            spec_model: "KFR-35GW".into(),
            brand: "示例".into(),
            logistics_no: None,
            delivery_time: None,
            invoice_no: None,
            is_ai_product: AiProduct::No,
            pc_type: None,
            order_no: "ORDER20250101000001".into(),
            origin_order_no: None,
            activity_add_code: "330000".into(),
            imei1: None,
            imei2: None,
            ccc_sn_order_no: None,
        }]),
    })
}

/// Shows the first and last quarter of the characters (at most 4 each) and masks the rest:
/// `3301**********1234`, `13*******00`, `张*`.
fn mask(value: &str) -> String {
    let chars: Vec<char> = value.chars().collect();
    let keep = (chars.len() / 4).clamp(1, 4);
    if chars.len() <= keep {
        return "*".repeat(chars.len());
    }
    let tail = if chars.len() > 2 * keep { keep } else { 0 };
    let hidden = chars.len() - keep - tail;
    let head: String = chars[..keep].iter().collect();
    let end: String = chars[chars.len() - tail..].iter().collect();
    format!("{head}{}{end}", "*".repeat(hidden))
}
