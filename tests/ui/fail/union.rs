use wechatpay_apiv3::WechatRecord;

#[derive(WechatRecord)]
pub union Bits {
    pub int: u32,
    pub float: f32,
}

fn main() {}
