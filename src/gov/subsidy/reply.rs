//! The answers of the gov/subsidy family. Each family reports failures inside a `200` in its own
//! shape; each shape here carries its business check, so that no answer is a success unless its
//! code says so. A missing code is a decoding error, never a success.
//!
//! | shape | family | success |
//! | --- | --- | --- |
//! | [`ZhejiangReply`] | Zhejiang: `resp_code`, `resp_desc`, `error_data` | `resp_code` is [`SUCCESS`] |
//! | [`JiangsuReply`] | Jiangsu: `code`, `message` | `code` is [`SUCCESS`] |
//! | [`CupReply`] | Shanghai/Fujian/Chongqing: `code`, `msg`, `sub_code`, `sub_msg` | `code` is [`SUCCESS`] and `sub_code`, if any, too |
//! | the data itself | Jiangsu's queries that answer only data (`{"state":…}`) | its required members decode, and no family code other than [`SUCCESS`] comes with them ([`check_data_only`]) |
//!
//! The code is read before the rest of the answer is decoded, so that a failure answer, which
//! carries only the codes, is reported as [`Error::Business`] with its code rather than as an
//! answer that lacks a success's members.
//!
//! The endpoint-specific members of an answer are the reply's `data` (`T`, flattened into the
//! same JSON object); [`NoData`] where there are none.
//!
//! Only the Zhejiang clarifications publish `000000` as the success code; the Jiangsu and
//! Shanghai/Fujian/Chongqing pages publish no value, and their examples show `000000`. The SDK
//! takes `000000` as the only success code of every family: an answer with any other code, or
//! none, is never reported as a success.

use std::fmt;

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::{ApiResponse, Error, ErrorData, server_text};

/// The success code of every gov/subsidy family.
pub const SUCCESS: &str = "000000";

/// The answer of an endpoint with no members beyond its family's codes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub struct NoData {}

/// A Zhejiang answer: `resp_code` [`SUCCESS`] is success; any other code becomes
/// [`Error::Business`].
#[derive(Clone, PartialEq, Eq, Deserialize)]
pub struct ZhejiangReply<T = NoData> {
    /// `000000` on success.
    pub resp_code: String,
    /// The description (`成功`).
    pub resp_desc: String,
    /// What was wrong with which records (`Debug` shows only how many: they may quote personal
    /// data).
    #[serde(default)]
    pub error_data: ErrorData,
    /// The endpoint's own members.
    #[serde(flatten)]
    pub data: T,
}

#[diagnostic::do_not_recommend]
impl<T: DeserializeOwned> ApiResponse for ZhejiangReply<T> {
    fn check_business(body: &[u8], request_id: Option<&str>) -> Result<(), Error> {
        #[derive(Deserialize)]
        struct Status {
            resp_code: String,
            #[serde(default)]
            resp_desc: String,
            #[serde(default)]
            error_data: ErrorData,
        }
        let status: Status = status(body, request_id)?;
        if status.resp_code == SUCCESS {
            return Ok(());
        }
        let request_id = request_id.map(Into::into);
        Err(Error::business(&status.resp_code, &status.resp_desc, status.error_data, request_id))
    }
}

/// A Jiangsu answer: `code` [`SUCCESS`] is success; any other code becomes [`Error::Business`].
#[derive(Clone, PartialEq, Eq, Deserialize)]
pub struct JiangsuReply<T = NoData> {
    /// `000000` on success.
    pub code: String,
    /// The description.
    pub message: String,
    /// The endpoint's own members.
    #[serde(flatten)]
    pub data: T,
}

#[diagnostic::do_not_recommend]
impl<T: DeserializeOwned> ApiResponse for JiangsuReply<T> {
    fn check_business(body: &[u8], request_id: Option<&str>) -> Result<(), Error> {
        #[derive(Deserialize)]
        struct Status {
            code: String,
            #[serde(default)]
            message: String,
        }
        let status: Status = status(body, request_id)?;
        if status.code == SUCCESS {
            return Ok(());
        }
        let request_id = request_id.map(Into::into);
        Err(Error::business(&status.code, &status.message, ErrorData::default(), request_id))
    }
}

/// A Shanghai/Fujian/Chongqing answer: success needs `code` [`SUCCESS`] and a `sub_code` that is
/// absent, empty or [`SUCCESS`] too (the pages do not say what a detailed code means on a
/// success, so any other one is taken as a failure). The failure's code is the `sub_code` when it
/// is the one that failed, and its description `sub_msg` when there is one.
#[derive(Clone, PartialEq, Eq, Deserialize)]
pub struct CupReply<T = NoData> {
    /// `000000` on success.
    pub code: String,
    /// The description (not always sent: the query's page does not require it).
    #[serde(default)]
    pub msg: String,
    /// The detailed code.
    pub sub_code: Option<String>,
    /// The detailed description.
    pub sub_msg: Option<String>,
    /// The endpoint's own members.
    #[serde(flatten)]
    pub data: T,
}

#[diagnostic::do_not_recommend]
impl<T: DeserializeOwned> ApiResponse for CupReply<T> {
    fn check_business(body: &[u8], request_id: Option<&str>) -> Result<(), Error> {
        #[derive(Deserialize)]
        struct Status {
            code: String,
            #[serde(default)]
            msg: String,
            sub_code: Option<String>,
            sub_msg: Option<String>,
        }
        let status: Status = status(body, request_id)?;
        let sub_code = status.sub_code.as_deref().filter(|code| !code.is_empty());
        let code = match sub_code {
            _ if status.code != SUCCESS => &status.code,
            Some(sub_code) if sub_code != SUCCESS => sub_code,
            _ => return Ok(()),
        };
        let message = status.sub_msg.as_deref().filter(|m| !m.is_empty()).unwrap_or(&status.msg);
        let request_id = request_id.map(Into::into);
        Err(Error::business(code, message, ErrorData::default(), request_id))
    }
}

/// The business check of the answers that are only data (Jiangsu's queries whose pages publish
/// no code): a `code` or a `resp_code` member other than [`SUCCESS`] makes the answer a failure
/// whatever data comes with it; without either, the answer succeeds if its data decodes. A code
/// the pages never published (`0`, `"200"`) is a failure too: an answer is a success only when
/// nothing in it says otherwise.
pub fn check_data_only(body: &[u8], request_id: Option<&str>) -> Result<(), Error> {
    let Ok(members) = serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(body)
    else {
        return Ok(()); // Not an object: decoding the data refuses it.
    };
    for (code, text) in [("code", "message"), ("resp_code", "resp_desc")] {
        let Some(code) = members.get(code).map(text_of) else { continue };
        if code != SUCCESS {
            let text = members.get(text).map(text_of).unwrap_or_default();
            let request_id = request_id.map(Into::into);
            return Err(Error::business(&code, &text, ErrorData::default(), request_id));
        }
    }
    Ok(())
}

/// A member as text, whatever JSON type the server gave it (codes are strings on every page).
fn text_of(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// The family's codes alone; an answer without them does not decode.
fn status<S: DeserializeOwned>(body: &[u8], request_id: Option<&str>) -> Result<S, Error> {
    serde_json::from_slice(body).map_err(|error| Error::decode(&error, request_id))
}

impl<T: fmt::Debug> fmt::Debug for ZhejiangReply<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ZhejiangReply")
            .field("resp_code", &server_text(&self.resp_code))
            .field("resp_desc", &server_text(&self.resp_desc))
            .field("error_data", &self.error_data)
            .field("data", &self.data)
            .finish()
    }
}

impl<T: fmt::Debug> fmt::Debug for JiangsuReply<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JiangsuReply")
            .field("code", &server_text(&self.code))
            .field("message", &server_text(&self.message))
            .field("data", &self.data)
            .finish()
    }
}

impl<T: fmt::Debug> fmt::Debug for CupReply<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let bounded = |text: &Option<String>| text.as_deref().map(server_text);
        f.debug_struct("CupReply")
            .field("code", &server_text(&self.code))
            .field("msg", &server_text(&self.msg))
            .field("sub_code", &bounded(&self.sub_code))
            .field("sub_msg", &bounded(&self.sub_msg))
            .field("data", &self.data)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode<T: ApiResponse>(json: &str) -> Result<T, Error> {
        T::check_business(json.as_bytes(), Some("RID"))?;
        serde_json::from_str(json).map_err(|error| Error::decode(&error, Some("RID")))
    }

    fn business_code(error: Error) -> String {
        match error {
            Error::Business { resp_code, .. } => resp_code,
            other => panic!("not a business error: {other:?}"),
        }
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct AuthCode {
        auth_code: String,
    }

    #[test]
    fn zhejiang_success_only_on_000000() {
        let ok: ZhejiangReply<AuthCode> =
            decode(r#"{"resp_code":"000000","resp_desc":"成功","auth_code":"A1"}"#).unwrap();
        assert_eq!(ok.data.auth_code, "A1");
        let failed = decode::<ZhejiangReply>(
            r#"{"resp_code":"100001","resp_desc":"x","error_data":["data[0]: bad"]}"#,
        );
        assert_eq!(business_code(failed.unwrap_err()), "100001");
        let no_code = decode::<ZhejiangReply>(r#"{"resp_desc":"成功"}"#).unwrap_err();
        assert!(matches!(no_code, Error::Decode { .. }), "{no_code:?}");
        let failure_without_data =
            decode::<ZhejiangReply<AuthCode>>(r#"{"resp_code":"100002","resp_desc":"无资格"}"#);
        assert_eq!(business_code(failure_without_data.unwrap_err()), "100002");
    }

    #[test]
    fn jiangsu_success_only_on_000000() {
        assert!(decode::<JiangsuReply>(r#"{"code":"000000","message":"成功"}"#).is_ok());
        let failed = decode::<JiangsuReply>(r#"{"code":"SUCCESS","message":"?"}"#);
        assert_eq!(business_code(failed.unwrap_err()), "SUCCESS");
        assert!(matches!(
            decode::<JiangsuReply>(r#"{"message":"成功"}"#),
            Err(Error::Decode { .. })
        ));
    }

    #[test]
    fn cup_needs_both_codes() {
        let ok = r#"{"code":"000000","msg":"成功"}"#;
        assert!(decode::<CupReply>(ok).is_ok());
        let ok = r#"{"code":"000000","msg":"成功","sub_code":"000000","sub_msg":""}"#;
        assert!(decode::<CupReply>(ok).is_ok());
        assert!(decode::<CupReply>(r#"{"code":"000000"}"#).is_ok());
        let sub = r#"{"code":"000000","msg":"成功","sub_code":"E12","sub_msg":"重复"}"#;
        let error = decode::<CupReply>(sub).unwrap_err();
        assert!(matches!(&error, Error::Business { resp_desc, .. } if resp_desc == "重复"));
        assert_eq!(business_code(error), "E12");
        let top = r#"{"code":"999999","msg":"失败","sub_code":"000000"}"#;
        assert_eq!(business_code(decode::<CupReply>(top).unwrap_err()), "999999");
    }

    #[test]
    fn data_only_answers_fail_on_any_code_but_success() {
        let check = |json: &str| check_data_only(json.as_bytes(), Some("RID"));
        assert!(check(r#"{"state":"UNCLAIMED"}"#).is_ok());
        assert!(check(r#"{"state":"UNCLAIMED","code":"000000","message":"成功"}"#).is_ok());
        let error = check(r#"{"state":"UNCLAIMED","code":"SYSTEM_ERROR","message":"稍后"}"#);
        assert_eq!(business_code(error.unwrap_err()), "SYSTEM_ERROR");
        assert_eq!(business_code(check(r#"{"resp_code":"100001"}"#).unwrap_err()), "100001");
        assert_eq!(business_code(check(r#"{"code":0}"#).unwrap_err()), "0");
        assert!(check("not json").is_ok(), "left to the data's decoding, which fails");
        let with_null_text = r#"{"state":"UNCLAIMED","code":"SYSTEM_ERROR","message":null}"#;
        assert_eq!(business_code(check(with_null_text).unwrap_err()), "SYSTEM_ERROR");
        let second_code = r#"{"code":"000000","resp_code":"100001"}"#;
        assert_eq!(business_code(check(second_code).unwrap_err()), "100001");
    }

    #[test]
    fn jiangsu_and_cup_debug_bound_server_texts() {
        let long = format!("\u{202e}{}", "长".repeat(1000));
        let jiangsu: JiangsuReply =
            serde_json::from_str(&format!(r#"{{"code":"1","message":"{long}"}}"#)).unwrap();
        let cup: CupReply = serde_json::from_str(&format!(
            r#"{{"code":"1","msg":"{long}","sub_code":"2","sub_msg":"{long}"}}"#
        ))
        .unwrap();
        for shown in [format!("{jiangsu:?}"), format!("{cup:?}")] {
            assert!(!shown.contains('\u{202E}'), "{shown}");
            let texts = shown.matches('长').count();
            assert!(texts > 0 && texts % 256 == 0 && texts <= 512, "{texts} in {shown}");
        }
    }

    #[test]
    fn debug_bounds_server_texts_and_counts_error_data() {
        let reply: ZhejiangReply = serde_json::from_str(&format!(
            r#"{{"resp_code":"1","resp_desc":"\u202e{}","error_data":["13800138000"]}}"#,
            "长".repeat(1000)
        ))
        .unwrap();
        let shown = format!("{reply:?}");
        assert!(!shown.contains('\u{202E}') && !shown.contains("13800138000"), "{shown}");
        assert_eq!(shown.matches('长').count(), 256);
    }
}
