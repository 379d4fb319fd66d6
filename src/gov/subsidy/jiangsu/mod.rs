//! `/v3/gov/subsidy/…` without a province prefix: Jiangsu's (江苏) trade-in subsidy family, 15
//! endpoints (official page: pay.weixin.qq.com/doc/v3/partner/4013989543).
