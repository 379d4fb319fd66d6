//! `GET qualification`: one category's qualification state for a person.

use serde::{Deserialize, Serialize};

use super::{ApplianceId, IdentityDocumentType, QualificationState, RegionCode};
use crate::gov::subsidy::reply::check_data_only;
use crate::{ApiResponse, Error, Sensitive, WechatRequest};

/// 查询补贴资格 (look up a person's qualification for one category)
///
/// `GET /v3/gov/subsidy/qualification`, region 江苏 Jiangsu. Official page:
/// <https://pay.weixin.qq.com/doc/v3/partner/4013989543>.
///
/// Encrypted: `real_name`, `id_card_number`, `phone_number` (query parameters: the base64
/// ciphertext is percent-encoded, and the URL is signed exactly as sent).
///
/// **Idempotent**: a `GET` changes nothing, so repeating it is safe.
///
/// The page marks none of the identifying fields required (a person may be identified by the
/// real-name triple or by `openid` with `appid`), so none is demanded here. It does not ask the
/// provincial platform; see [`QualificationsQuery`](super::QualificationsQuery) for that.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(get = "/v3/gov/subsidy/qualification", response = QualificationStatus)]
pub struct Qualification {
    /// The person's name (自然人姓名). Encrypted.
    #[wechat(query, encrypt)]
    pub real_name: Option<Sensitive>,
    /// The person's document number (自然人证件号). Encrypted; checked as a
    /// mainland resident ID (GB 11643 check digit) when `identity_document_type` is `IdCard`.
    #[wechat(query, encrypt, resident_id_if(identity_document_type = IdentityDocumentType::IdCard))]
    pub id_card_number: Option<Sensitive>,
    /// The person's mobile number (手机号). Encrypted.
    #[wechat(query, encrypt)]
    pub phone_number: Option<Sensitive>,
    /// The category (消费品类ID).
    #[wechat(query)]
    pub appliance_id: ApplianceId,
    /// The person's OpenID (OPENID).
    #[wechat(query)]
    pub openid: Option<String>,
    /// The AppID the OpenID belongs to (APPID).
    #[wechat(query)]
    pub appid: Option<String>,
    /// Region code of the qualification used (使用的资格的地区编码).
    #[wechat(query)]
    pub qualification_region_code: RegionCode,
    /// The type of `id_card_number` (证件类型).
    #[wechat(query)]
    pub identity_document_type: Option<IdentityDocumentType>,
}

/// The answer of [`Qualification`]: the state alone (the page lists no `code`). A body without
/// `state` is a decoding error, never a success.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct QualificationStatus {
    /// The qualification's state (资格的状态).
    pub state: QualificationState,
}

#[diagnostic::do_not_recommend]
impl ApiResponse for QualificationStatus {
    fn check_business(body: &[u8], request_id: Option<&str>) -> Result<(), Error> {
        check_data_only(body, request_id)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::WechatPayKeys;
    use crate::request::{Rule, encode_component};

    fn request() -> Qualification {
        Qualification {
            real_name: Some(name()),
            id_card_number: Some(id_card()),
            phone_number: None,
            appliance_id: ApplianceId::Tv,
            openid: None,
            appid: Some("wx5cb0427850cd8c49".into()),
            qualification_region_code: nanjing(),
            identity_document_type: Some(IdentityDocumentType::IdCard),
        }
    }

    #[test]
    fn the_query_carries_numbers_enums_and_percent_encoded_ciphertext() {
        let keys = WechatPayKeys::new()
            .with_public_key(wechatpay_apiv3_mock::demo::wechatpay_public_key());
        let prepared = request().prepare(&keys).unwrap();
        assert!(prepared.body.is_empty() && prepared.idempotent);
        let query = prepared.target.strip_prefix("/v3/gov/subsidy/qualification?").unwrap();
        let pairs: Vec<(&str, &str)> =
            query.split('&').map(|pair| pair.split_once('=').unwrap()).collect();
        let names: Vec<&str> = pairs.iter().map(|(name, _)| *name).collect();
        assert_eq!(
            names,
            [
                "real_name",
                "id_card_number",
                "appliance_id",
                "appid",
                "qualification_region_code",
                "identity_document_type"
            ]
        );
        assert_eq!(
            &pairs[2..],
            [
                ("appliance_id", "1"),
                ("appid", "wx5cb0427850cd8c49"),
                ("qualification_region_code", "320100"),
                ("identity_document_type", "ID_DOC_TYPE_ID_CARD"),
            ]
        );
        for (_, value) in &pairs[..2] {
            assert!(value.len() > 300 && value.contains('%'), "{value}");
            assert_eq!(encode_component(&percent_decode(value)), *value, "encoded exactly once");
        }
    }

    fn percent_decode(text: &str) -> String {
        let mut out = Vec::new();
        let mut bytes = text.bytes();
        while let Some(byte) = bytes.next() {
            if byte == b'%' {
                let hex: String = bytes.by_ref().take(2).map(char::from).collect();
                out.push(u8::from_str_radix(&hex, 16).unwrap());
            } else {
                out.push(byte);
            }
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn an_id_card_number_is_checked_only_for_id_cards() {
        let mut request = request();
        request.id_card_number = Some("110105194912310021".into());
        assert_eq!(violations(&request), [format!("id_card_number: {}", Rule::ResidentId)]);
        request.identity_document_type = None;
        assert_eq!(violations(&request), Vec::<String>::new());
    }

    #[test]
    fn debug_hides_the_personal_data() {
        assert_debug_hides(&request(), &[NAME, ID_CARD]);
    }

    #[test]
    fn the_answer_is_the_state() {
        let answer: QualificationStatus = serde_json::from_str(r#"{"state":"REDEEMED"}"#).unwrap();
        assert_eq!(answer.state, QualificationState::Redeemed);
        assert!(serde_json::from_str::<QualificationStatus>(r#"{"state":"LOST"}"#).is_err());
    }
}
