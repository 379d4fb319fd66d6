//! `audit/cup/upload`: send a sale's audit data.

use super::values::audit_data;
use crate::gov::subsidy::reply::CupReply;

audit_data! {
    /// 上传审核数据 (upload audit data)
    ///
    /// `POST /v3/gov/subsidy/audit/cup/upload`, region 上海/福建/重庆 Shanghai, Fujian, Chongqing.
    /// Official page: <https://pay.weixin.qq.com/doc/v3/partner/4013989535>.
    ///
    /// Encrypted: none (`invoice_info.nm` and `track_info.usr_addr` are personal data the page
    /// does not encrypt: sent as is, never printed).
    ///
    /// **Not idempotent**: the page does not say that uploading twice is safe, so an upload that
    /// may have been applied ends in `Error::OutcomeUnknown`, which points at
    /// `POST /v3/gov/subsidy/audit/cup/query` (查询审核结果): it finds the record by `org_no`,
    /// `mchnt_order_id` and `upload_time`.
    #[wechat(
        post = "/v3/gov/subsidy/audit/cup/upload",
        response = CupReply,
        lookup = "POST /v3/gov/subsidy/audit/cup/query"
    )]
    Upload
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::gov::subsidy::audit_cup::{InvoiceInfo, TrackInfo};
    use crate::gov::subsidy::testing::{sealed, violations};
    use crate::money::FenText;

    pub(in crate::gov::subsidy::audit_cup) const JSON: &str = r#"{
        "org_no":"310000","sub_mchnt_cd":"SHOP01","sub_mchnt_nm":"示例旗舰店",
        "online_no":"ON1","mchnt_order_id":"M1","upload_time":"20250101120000",
        "notify_url":"https://example.com/audit","prod_id":"A01","brand_nm":"示例",
        "prod_model":"KFR-35GW","plat_form":"示例商城","payer_tp":"01","sales_at":"399900",
        "actual_at":"339900","trans_tm":"20250101115959","mchnt_cd":"M0001","discount_at":"60000",
        "sn_code":"SN1","invoice_info":{"nm":"张三","tax":"399900"},
        "track_info":{"usr_addr":"上海市浦东新区世纪大道 1 号"}}"#;

    fn upload() -> Upload {
        serde_json::from_str(JSON).unwrap()
    }

    #[test]
    fn the_wire_values_are_the_published_ones() {
        let json = sealed(&upload());
        assert_eq!(json["sales_at"], "399900");
        assert_eq!(json["discount_at"], "60000");
        assert_eq!(json["invoice_info"]["nm"], "张三");
        assert_eq!(json["invoice_info"]["tax"], "399900");
        assert_eq!(json["track_info"]["usr_addr"], "上海市浦东新区世纪大道 1 号");
    }

    #[test]
    fn every_rule_is_reported_with_its_path() {
        assert_eq!(violations(&upload()), Vec::<String>::new());
        let bad = Upload {
            org_no: String::new(),
            notify_url: String::new(),
            bar_code: Some("690".into()),
            sn_code: String::new(),
            ..upload()
        };
        assert_eq!(
            violations(&bad),
            [
                "org_no: required",
                "notify_url: required",
                "bar_code: must be 13 or 14 digits",
                "sn_code: required"
            ]
        );
    }

    #[test]
    fn debug_hides_the_personal_data() {
        let shown = format!("{:?}", upload());
        for secret in ["张三", "世纪大道"] {
            assert!(!shown.contains(secret), "{shown}");
        }
        assert!(shown.contains("nm: Some(<redacted>)") && shown.contains("SHOP01"), "{shown}");
    }

    #[test]
    fn plaintext_json_deserializes_and_unknown_fields_are_named() {
        let request = upload();
        assert_eq!(request.sales_at, FenText(399_900));
        assert_eq!(
            request.track_info.usr_addr.as_deref().map(String::as_str),
            Some("上海市浦东新区世纪大道 1 号")
        );
        assert_eq!(
            request.invoice_info,
            InvoiceInfo {
                nm: Some("张三".into()),
                tax: Some(FenText(399_900)),
                ..InvoiceInfo::default()
            }
        );
        assert_ne!(request.track_info, TrackInfo::default());
        let unknown = JSON.replace(r#""tax":"399900""#, r#""tax":"399900","buyer_tel":"1""#);
        let error = serde_json::from_str::<Upload>(&unknown).unwrap_err();
        assert!(error.to_string().contains("unknown field `buyer_tel`"), "{error}");
        let yuan = JSON.replace(r#""sales_at":"399900""#, r#""sales_at":"3999.00""#);
        assert!(serde_json::from_str::<Upload>(&yuan).is_err(), "amounts are fen digits");
        let mut missing: serde_json::Value = serde_json::from_str(JSON).unwrap();
        missing.as_object_mut().unwrap().remove("track_info");
        let error = serde_json::from_value::<Upload>(missing).unwrap_err();
        assert!(error.to_string().contains("missing field `track_info`"), "{error}");
    }
}
