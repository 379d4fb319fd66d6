//! `/v3/gov/subsidy/audit/cup/…`: the audit data of Shanghai, Fujian and Chongqing (上海/福建/重庆),
//! 5 endpoints (official page: pay.weixin.qq.com/doc/v3/partner/4013989535).
