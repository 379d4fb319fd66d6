//! Business outcomes: what the backend decides about a request that passed authentication and the
//! table's checks, told in the endpoint's [`Reply`] family.

use http::StatusCode;
use serde::Serialize;
use serde_json::Value;

use crate::endpoints::{Echo, Endpoint, Region, Reply};
use crate::orders::Orders;
use crate::respond::Answer;

/// What the backend answers the next request to one endpoint, queued with
/// [`Sandbox::script`](crate::Sandbox::script).
///
/// An outcome is consumed only by a request that passes authentication and every check of the
/// table, is processed (not turned away by a `4xx` or rate-limit [`Fault`](crate::Fault)) and is
/// from a region the sandbox whitelists; a refused request leaves it queued. Unscripted requests
/// get [`Success`](Outcome::Success). Every answer is signed like any other.
///
/// Whether the request counts as applied ([`Received::accepted`](crate::Received::accepted)):
/// yes for [`Success`](Outcome::Success) and [`Body`](Outcome::Body) (a `200` the backend
/// produced), no for [`Business`](Outcome::Business) and [`NotAuthorized`](Outcome::NotAuthorized)
/// (refusals).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Outcome {
    /// The endpoint's success body ([`Endpoint::success_body`], with its
    /// [`echo`](Endpoint::echo) of the request).
    Success,
    /// A business failure, in the endpoint's [`Reply`] family, as a `200`:
    ///
    /// - [`Reply::Zhejiang`] — `{"resp_code":code,"resp_desc":message,"error_data":[…]}`
    ///   (`error_data` only when not empty);
    /// - [`Reply::Jiangsu`] — `{"code":code,"message":message}`;
    /// - [`Reply::ShanghaiFujianChongqing`] —
    ///   `{"code":code,"msg":message,"sub_code":…,"sub_msg":…}` (`sub_code`/`sub_msg` when set);
    /// - [`Reply::DataOnly`], whose `200` carries no code: WeChat Pay's standard error answer,
    ///   `400 {"code":code,"message":message}`.
    ///
    /// Members a family has no place for (`error_data` outside Zhejiang, `sub_code` outside
    /// Shanghai/Fujian/Chongqing) are left out. Not applied.
    Business {
        /// `resp_code` or `code`; `000000` would be a success.
        code: String,
        /// `resp_desc`, `message` or `msg`.
        message: String,
        /// Zhejiang's `error_data`: one description per rejected item.
        error_data: Vec<String>,
        /// Shanghai/Fujian/Chongqing's `sub_code` (详细应答码).
        sub_code: Option<String>,
        /// Shanghai/Fujian/Chongqing's `sub_msg`.
        sub_msg: Option<String>,
    },
    /// A `200` with this body instead of the success body, e.g. a `qualification` answer
    /// `{"state":"REDEEMED"}`. Applied.
    Body(Value),
    /// The merchant is not whitelisted for the endpoint's region: `403
    /// {"code":"NOT_AUTH","message":…}`. Not applied. Also what every request to a region left
    /// out of [`SandboxBuilder::regions`](crate::SandboxBuilder::regions) gets.
    NotAuthorized,
    /// Per-record business errors for a batch request (`data[]`, e.g. Zhejiang's
    /// `qualifications/sync`): the items `records` select are listed in `error_data`, one entry
    /// `"data[<index>]: <reason>"` per rejected item, in `data[]` order (an item selected by
    /// several rules takes the first one's reason):
    ///
    /// `200 {"resp_code":code,"resp_desc":message,"error_data":["data[1]: 订单号重复", …]}`.
    ///
    /// WeChat Pay publishes no partial-success code, so this is the fail-safe reading: the
    /// answer is a business failure and the **whole request is not applied**, the items not
    /// listed included; a reporter must resend them (without the rejected ones). If no item is
    /// selected, the request gets the success body and is applied. Outside the Zhejiang family,
    /// rendered like [`Business`](Outcome::Business) (no `error_data`). Items are matched on the
    /// request with its sensitive fields redacted: select by index or a non-sensitive field
    /// (`order_no`, `sn_code`, …).
    RejectRecords {
        /// `resp_code` (or `code`).
        code: String,
        /// `resp_desc` (or `message`, `msg`).
        message: String,
        /// Which items are rejected, and why.
        records: Vec<(Record, String)>,
    },
}

/// Selects items of a batch request's `data[]` for [`Outcome::RejectRecords`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Record {
    /// The item at this index of `data[]`, from 0.
    Index(usize),
    /// Every item whose member `field` is `value` (a string, or a number written as `value`).
    Field {
        /// The member of the item, e.g. `order_no`.
        field: String,
        /// Its value.
        value: String,
    },
}

impl Record {
    /// [`Record::Index`].
    pub fn index(index: usize) -> Self {
        Record::Index(index)
    }

    /// [`Record::Field`]: items whose `field` is `value`.
    pub fn field(field: impl Into<String>, value: impl Into<String>) -> Self {
        Record::Field { field: field.into(), value: value.into() }
    }

    fn selects(&self, index: usize, item: &Value) -> bool {
        match self {
            Record::Index(wanted) => *wanted == index,
            Record::Field { field, value } => match &item[field.as_str()] {
                Value::String(text) => text == value,
                Value::Number(number) => number.to_string() == *value,
                _ => false,
            },
        }
    }
}

impl Outcome {
    /// A [`Business`](Outcome::Business) failure without `sub_code`.
    pub fn business(
        code: impl Into<String>,
        message: impl Into<String>,
        error_data: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        Outcome::Business {
            code: code.into(),
            message: message.into(),
            error_data: error_data.into_iter().map(Into::into).collect(),
            sub_code: None,
            sub_msg: None,
        }
    }

    /// A [`RejectRecords`](Outcome::RejectRecords) outcome: `records` are `(which, reason)`.
    pub fn reject_records(
        code: impl Into<String>,
        message: impl Into<String>,
        records: impl IntoIterator<Item = (Record, impl Into<String>)>,
    ) -> Self {
        Outcome::RejectRecords {
            code: code.into(),
            message: message.into(),
            records: records.into_iter().map(|(record, reason)| (record, reason.into())).collect(),
        }
    }

    /// A [`Business`](Outcome::Business) failure with a `sub_code` and `sub_msg` (the
    /// Shanghai/Fujian/Chongqing family's detail).
    pub fn business_with_sub_code(
        code: impl Into<String>,
        message: impl Into<String>,
        sub_code: impl Into<String>,
        sub_msg: impl Into<String>,
    ) -> Self {
        Outcome::Business {
            code: code.into(),
            message: message.into(),
            error_data: Vec::new(),
            sub_code: Some(sub_code.into()),
            sub_msg: Some(sub_msg.into()),
        }
    }

    /// The answer to a request to `endpoint` with these (redacted) parameters, and whether the
    /// request is applied.
    pub(crate) fn answer(
        &self,
        endpoint: &Endpoint,
        request: &Value,
        orders: &Orders,
    ) -> (Answer, bool) {
        match self {
            Outcome::Success => {
                (Answer::json(StatusCode::OK, success_body(endpoint, request, orders)), true)
            }
            Outcome::Business { code, message, error_data, sub_code, sub_msg } => {
                let failure = Failure {
                    code,
                    message,
                    error_data,
                    sub_code: sub_code.as_deref(),
                    sub_msg: sub_msg.as_deref(),
                };
                (failure.answer(endpoint.reply), false)
            }
            Outcome::Body(body) => (Answer::json(StatusCode::OK, body.to_string()), true),
            Outcome::NotAuthorized => (not_authorized(endpoint.region), false),
            Outcome::RejectRecords { code, message, records } => {
                let error_data = rejected(records, request);
                if error_data.is_empty() {
                    return Outcome::Success.answer(endpoint, request, orders);
                }
                let failure = Failure {
                    code,
                    message,
                    error_data: &error_data,
                    sub_code: None,
                    sub_msg: None,
                };
                (failure.answer(endpoint.reply), false)
            }
        }
    }
}

/// The fields of a business failure, borrowed for rendering.
struct Failure<'a> {
    code: &'a str,
    message: &'a str,
    error_data: &'a [String],
    sub_code: Option<&'a str>,
    sub_msg: Option<&'a str>,
}

impl Failure<'_> {
    fn answer(&self, reply: Reply) -> Answer {
        #[derive(Serialize)]
        struct Zhejiang<'a> {
            resp_code: &'a str,
            resp_desc: &'a str,
            #[serde(skip_serializing_if = "<[String]>::is_empty")]
            error_data: &'a [String],
        }
        #[derive(Serialize)]
        struct Jiangsu<'a> {
            code: &'a str,
            message: &'a str,
        }
        #[derive(Serialize)]
        struct Cup<'a> {
            code: &'a str,
            msg: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            sub_code: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            sub_msg: Option<&'a str>,
        }
        let (code, message) = (self.code, self.message);
        let body = match reply {
            Reply::Zhejiang => serde_json::to_vec(&Zhejiang {
                resp_code: code,
                resp_desc: message,
                error_data: self.error_data,
            }),
            Reply::Jiangsu => serde_json::to_vec(&Jiangsu { code, message }),
            Reply::ShanghaiFujianChongqing => serde_json::to_vec(&Cup {
                code,
                msg: message,
                sub_code: self.sub_code,
                sub_msg: self.sub_msg,
            }),
            Reply::DataOnly => return Answer::error(StatusCode::BAD_REQUEST, code, message),
        };
        Answer::json(StatusCode::OK, body.expect("a business body always serializes"))
    }
}

/// `"data[<index>]: <reason>"` for each item of the request's `data[]` that `records` select.
fn rejected(records: &[(Record, String)], request: &Value) -> Vec<String> {
    let items = request["data"].as_array().map(Vec::as_slice).unwrap_or_default();
    items
        .iter()
        .enumerate()
        .filter_map(|(index, item)| {
            let (_, reason) = records.iter().find(|(record, _)| record.selects(index, item))?;
            Some(format!("data[{index}]: {reason}"))
        })
        .collect()
}

/// `403 NOT_AUTH`: the merchant may not call this region's endpoints.
pub(crate) fn not_authorized(region: Region) -> Answer {
    let message = format!(
        "商户无{}国补接口权限 (the merchant is not whitelisted for this region)",
        region.name()
    );
    Answer::error(StatusCode::FORBIDDEN, "NOT_AUTH", &message)
}

/// The success body, with what it [`echo`](Endpoint::echo)es of the request. Without echoes it
/// is the table's text, byte for byte.
fn success_body(endpoint: &Endpoint, request: &Value, orders: &Orders) -> Vec<u8> {
    let template = endpoint.success_body.as_bytes();
    if endpoint.echo.is_empty() {
        return template.to_vec();
    }
    let Ok(mut body) = serde_json::from_slice::<Value>(template) else {
        return template.to_vec();
    };
    for echo in endpoint.echo {
        apply(echo, request, &mut body, orders);
    }
    body.to_string().into_bytes()
}

fn apply(echo: &Echo, request: &Value, body: &mut Value, orders: &Orders) {
    match *echo {
        Echo::Each { from, list, key } => {
            echo_list(request, body, from, list, |name, item| {
                item[key] = Value::String(name.to_owned());
                true
            });
        }
        Echo::Orders { from, list, key, state } => {
            echo_list(request, body, from, list, |order, item| {
                let Some(reported) = orders.state(order) else { return false };
                item[key] = Value::String(order.to_owned());
                item[state] = Value::String(reported);
                true
            });
        }
        Echo::Field(name) => {
            if let Some(value) = request[name].as_str() {
                body[name] = Value::String(value.to_owned());
            }
        }
    }
}

/// Replaces the answer's array `list` with one copy of its first item per string of the request's
/// array `from`, as `fill` sets it (or leaves it out, returning `false`).
fn echo_list(
    request: &Value,
    body: &mut Value,
    from: &str,
    list: &str,
    mut fill: impl FnMut(&str, &mut Value) -> bool,
) {
    let (Some(wanted), Some(template)) = (request[from].as_array(), body[list].get(0)) else {
        return;
    };
    let items = wanted
        .iter()
        .filter_map(Value::as_str)
        .filter_map(|name| {
            let mut item = template.clone();
            fill(name, &mut item).then_some(item)
        })
        .collect();
    body[list] = Value::Array(items);
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::endpoints::{ENDPOINTS, JIANGSU_SNCODE_QUERY};

    #[test]
    fn echoes_each_requested_item_and_copies_fields() {
        let request = json!({"sn_code_list": ["A", "B"], "qualification_region_code": 320100});
        let (answer, applied) =
            Outcome::Success.answer(&JIANGSU_SNCODE_QUERY, &request, &Orders::default());
        let body: Value = serde_json::from_slice(&answer.body).unwrap();
        let names: Vec<&str> = body["goods_sn_list"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["sn_code"].as_str().unwrap())
            .collect();
        assert_eq!((names, applied), (vec!["A", "B"], true));

        let mut field = json!({"sn": "old"});
        apply(&Echo::Field("sn"), &json!({"sn": "new"}), &mut field, &Orders::default());
        assert_eq!(field, json!({"sn": "new"}));
        apply(&Echo::Field("sn"), &json!({}), &mut field, &Orders::default());
        assert_eq!(field, json!({"sn": "new"}), "an absent member leaves the template");
    }

    #[test]
    fn rejected_records_are_listed_in_data_order() {
        let request =
            json!({"data": [{"order_no": "A"}, {"order_no": "B", "n": 7}, {"order_no": "C"}]});
        let records = [
            (Record::field("order_no", "C"), "重复".to_owned()),
            (Record::index(0), "无效".to_owned()),
            (Record::field("n", "7"), "数字".to_owned()),
            (Record::index(2), "never: C took the first rule".to_owned()),
        ];
        assert_eq!(
            rejected(&records, &request),
            ["data[0]: 无效", "data[1]: 数字", "data[2]: 重复"]
        );
        assert!(rejected(&records, &json!({})).is_empty());
    }

    #[test]
    fn refusals_are_not_applied() {
        for endpoint in ENDPOINTS {
            for (outcome, applies) in [
                (Outcome::Success, true),
                (Outcome::Body(json!({})), true),
                (Outcome::business("100001", "失败", ["x"]), false),
                (Outcome::NotAuthorized, false),
                (Outcome::reject_records("1", "x", [(Record::index(0), "bad")]), true),
            ] {
                assert_eq!(
                    outcome.answer(endpoint, &json!({}), &Orders::default()).1,
                    applies,
                    "{outcome:?}"
                );
            }
        }
    }
}
