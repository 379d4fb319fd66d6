//! Which endpoints the bulk reporter sends, and what it needs to know about each: how records
//! form a request, how a record is named, what in it is personal, and how to find out whether a
//! record in flight when a run stopped was applied.

use serde::de::DeserializeOwned;

use crate::gov::subsidy::jiangsu::{self, CateState, RegionCode};
use crate::gov::subsidy::zhejiang;
use crate::{ErrorData, Validate, WechatRequest};

/// An endpoint that reports records: one per request, or a list (`data[]`).
pub trait Report: WechatRequest + Send + Sync + Sized + 'static {
    /// One record, as the platform's file holds it (plaintext personal data, read with
    /// `deny_unknown_fields`).
    type Record: DeserializeOwned + Validate + Clone + Send + Sync + 'static;

    /// The most records one request carries: 1 for an endpoint that takes one record.
    const MAX_BATCH: usize;

    /// The request carrying `records` (between 1 and [`MAX_BATCH`](Report::MAX_BATCH));
    /// `serial` is unique per request, for the pages' request serial number (`req_ssn`).
    fn request(records: Vec<Self::Record>, serial: &str) -> Self;

    /// The record's identifier, kept in the journal and the failed-records file, and looked for
    /// in a failure's `error_data`: an order or voucher number, never personal data.
    fn key(record: &Self::Record) -> String;

    /// The record's personal data (the plaintext of its `Sensitive` and `Redacted` fields):
    /// masked in any server text the reporter keeps as a reason.
    fn personal(record: &Self::Record) -> Vec<&str>;

    /// How to find out whether this record, in flight when a run stopped, was applied.
    fn confirmation(record: &Self::Record) -> Confirmation;

    /// What a success answer still says about individual records: Zhejiang's `error_data` next
    /// to `resp_code` `000000` (the pages do not say what that means). None by default.
    fn named_in_success(_response: &Self::Response) -> ErrorData {
        ErrorData::default()
    }
}

/// How a record in flight when a run stopped is resolved on resume.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirmation {
    /// No query can tell: the record becomes [`State::Unknown`](super::State::Unknown) with this
    /// advice, for a person to check.
    Unavailable(&'static str),
    /// Jiangsu's `POST /v3/gov/subsidy/transactions/query` (交易信息查询) for the order.
    Order {
        /// The `qualification_region_code` the query needs.
        region: RegionCode,
        /// The order (`out_trade_no`).
        order: String,
        /// The state the record reports.
        state: CateState,
        /// Whether finding the order in `state` proves that *this* report arrived. Only
        /// `transactions/sync` sets the state first; after it, a `qualifications/sync` of the
        /// same order cannot be told apart, so for those the order in that state stays unknown.
        proves_arrival: bool,
    },
}

/// Zhejiang's query (查询补贴资格) answers a state code per category whose meanings are not
/// published, so it cannot prove that a redemption arrived.
const ZHEJIANG_UNAVAILABLE: &str = "Zhejiang publishes no query that tells whether a redemption \
    arrived (qualifications/query's state codes have no published meaning): check with the \
    provincial platform before reporting it again";

impl Report for zhejiang::QualificationsSync {
    type Record = zhejiang::Qualification;
    /// The page publishes no limit on `data[]`; 100 keeps a request near 1 MiB of ciphertexts.
    const MAX_BATCH: usize = 100;

    fn request(records: Vec<Self::Record>, serial: &str) -> Self {
        Self { req_ssn: Some(serial.to_owned()), data: Some(records) }
    }

    fn key(record: &Self::Record) -> String {
        record.order_no.clone()
    }

    fn personal(record: &Self::Record) -> Vec<&str> {
        vec![record.cert_no.expose(), record.name.expose(), record.tel.expose(), &record.address]
    }

    fn confirmation(_: &Self::Record) -> Confirmation {
        Confirmation::Unavailable(ZHEJIANG_UNAVAILABLE)
    }

    fn named_in_success(response: &Self::Response) -> ErrorData {
        response.error_data.clone()
    }
}

impl Report for zhejiang::NQualificationsConfirm {
    type Record = zhejiang::NQualification;
    /// As for `qualifications/sync`: no published limit.
    const MAX_BATCH: usize = 100;

    fn request(records: Vec<Self::Record>, serial: &str) -> Self {
        Self { data: Some(records), req_ssn: serial.to_owned(), req_time: None }
    }

    fn key(record: &Self::Record) -> String {
        record.serial_num.clone()
    }

    fn personal(record: &Self::Record) -> Vec<&str> {
        vec![
            record.cert_no.expose(),
            record.name.expose(),
            record.tel.expose(),
            record.address.expose(),
        ]
    }

    fn confirmation(_: &Self::Record) -> Confirmation {
        Confirmation::Unavailable(ZHEJIANG_UNAVAILABLE)
    }

    fn named_in_success(response: &Self::Response) -> ErrorData {
        response.error_data.clone()
    }
}

/// The Jiangsu reports take one record per request: the record is the request.
macro_rules! jiangsu_report {
    ($type:ty, proves_arrival: $proves:expr, personal: |$record:ident| $personal:expr) => {
        impl Report for $type {
            type Record = Self;
            const MAX_BATCH: usize = 1;

            fn request(mut records: Vec<Self>, _serial: &str) -> Self {
                records.swap_remove(0)
            }

            fn key(record: &Self) -> String {
                record.out_trade_no.clone()
            }

            fn personal($record: &Self) -> Vec<&str> {
                $personal
            }

            fn confirmation(record: &Self) -> Confirmation {
                Confirmation::Order {
                    region: record.qualification_region_code,
                    order: record.out_trade_no.clone(),
                    state: record.cate_state,
                    proves_arrival: $proves,
                }
            }
        }
    };
}

jiangsu_report!(jiangsu::TransactionsSync, proves_arrival: true, personal: |record| {
    let mut personal = optional_sensitive([&record.real_name, &record.id_card_number, &record.phone_number]);
    personal.extend(record.address.as_deref().map(String::as_str));
    personal
});
jiangsu_report!(jiangsu::QualificationsSync, proves_arrival: false, personal: |record| {
    let mut personal = optional_sensitive([&record.real_name, &record.id_card_number, &record.phone_number]);
    personal.extend([record.address.as_str(), record.purchaser_name.as_str()]);
    personal
});
jiangsu_report!(jiangsu::NQualificationsSync, proves_arrival: false, personal: |record| {
    let mut personal =
        vec![record.real_name.expose(), record.id_card_number.expose(), record.phone_number.expose()];
    personal.extend([record.address.as_str(), record.purchaser_name.as_str()]);
    personal.extend(record.longitude.as_deref().map(String::as_str));
    personal.extend(record.latitude.as_deref().map(String::as_str));
    personal
});

fn optional_sensitive<const N: usize>(fields: [&Option<crate::Sensitive>; N]) -> Vec<&str> {
    fields.into_iter().flatten().map(crate::Sensitive::expose).collect()
}
