//! A request serialized as JSON without the `null` members of its objects, at any depth: an
//! absent optional field is not sent. Written in one pass straight to bytes, for the requests
//! whose members all go into the body (no path placeholder, no query); the others go through a
//! `serde_json::Value` first, to move members into the URL.
//!
//! How: serde_json writes every token through its `Formatter`, so a formatter that remembers where
//! each object member began can take the member back when its value turns out to be `null`. The
//! formatter and the writer share one buffer for that.

use std::cell::RefCell;
use std::io;
use std::rc::Rc;

use serde::{Serialize, Serializer};
use serde_json::ser::{CompactFormatter, Formatter};

use crate::error::Error;
use crate::sensitive::PLAINTEXT_REFUSED;

/// `value` as the bytes of a JSON body without `null` members; an error unless it is an object.
pub(super) fn json_object(value: &impl Serialize) -> Result<Vec<u8>, Error> {
    let buffer = Buffer::default();
    let formatter = SkipNulls { buffer: buffer.clone(), ..SkipNulls::default() };
    let mut serializer = serde_json::Serializer::with_formatter(buffer.clone(), formatter);
    tracked(value, &mut serializer)?;
    drop(serializer);
    let body = buffer.0.take();
    if body.first() == Some(&b'{') {
        Ok(body)
    } else {
        Err(Error::Serialize("a request must serialize as a JSON object".into()))
    }
}

/// Serializes with the path of any failure, so that personal data the encryption step did not
/// reach is reported by its field (never its value).
pub(super) fn tracked<S>(value: &impl Serialize, serializer: S) -> Result<S::Ok, Error>
where
    S: Serializer<Error = serde_json::Error>,
{
    serde_path_to_error::serialize(value, serializer).map_err(|error| {
        if error.inner().to_string() == PLAINTEXT_REFUSED {
            Error::Plaintext { field: error.path().to_string() }
        } else {
            Error::from(error.into_inner())
        }
    })
}

/// The bytes written so far, shared by the writer and the formatter.
#[derive(Clone, Default)]
struct Buffer(Rc<RefCell<Vec<u8>>>);

impl io::Write for Buffer {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Compact JSON in which an object member whose value is `null` is taken back, with its comma.
#[derive(Default)]
struct SkipNulls {
    buffer: Buffer,
    /// One entry per open object: where its current member began, whether one was kept.
    objects: Vec<Members>,
    /// The buffer's length right after a member's `:`: a `null` written there is the value.
    value_at: Option<usize>,
    /// Whether the member being ended was taken back.
    taken_back: bool,
}

#[derive(Default)]
struct Members {
    current_start: usize,
    kept: bool,
}

impl SkipNulls {
    fn len(&self) -> usize {
        self.buffer.0.borrow().len()
    }
}

impl Formatter for SkipNulls {
    fn write_null<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        match (self.value_at.take(), self.objects.last()) {
            (Some(at), Some(members)) if at == self.len() => {
                self.buffer.0.borrow_mut().truncate(members.current_start);
                self.taken_back = true;
                Ok(())
            }
            _ => CompactFormatter.write_null(writer),
        }
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.objects.push(Members::default());
        CompactFormatter.begin_object(writer)
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.objects.pop();
        CompactFormatter.end_object(writer)
    }

    /// serde_json's `first` counts members taken back too, so the comma follows what was kept.
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        _first: bool,
    ) -> io::Result<()> {
        let start = self.len();
        let Some(members) = self.objects.last_mut() else {
            return Err(io::Error::other("an object member outside an object"));
        };
        members.current_start = start;
        if members.kept { writer.write_all(b",") } else { Ok(()) }
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        CompactFormatter.begin_object_value(writer)?;
        self.value_at = Some(self.len());
        Ok(())
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        if std::mem::take(&mut self.taken_back) {
            return Ok(());
        }
        if let Some(members) = self.objects.last_mut() {
            members.kept = true;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::prepare::drop_nulls;
    use super::*;
    use proptest::prelude::*;
    use serde_json::{Value, json};

    fn written(value: &Value) -> String {
        String::from_utf8(json_object(value).unwrap()).unwrap()
    }

    #[test]
    fn null_members_go_with_their_commas_and_other_nulls_stay() {
        let value =
            json!({"a": null, "b": 1, "c": null, "d": [null, {"e": null}], "f": {"g": null}});
        assert_eq!(written(&value), r#"{"b":1,"d":[null,{}],"f":{}}"#);
        assert_eq!(written(&json!({"only": null})), "{}");
        assert_eq!(written(&json!({"s": "null", "t": ":null"})), r#"{"s":"null","t":":null"}"#);
    }

    #[test]
    fn derived_types_keep_their_order_and_lose_every_null_member() {
        #[derive(Serialize)]
        struct Inner {
            kept: u8,
            gone: Option<u8>,
        }
        #[derive(Serialize)]
        enum Kind {
            Unit,
            Newtype(Option<u8>),
            Struct { a: Option<u8>, b: u8 },
        }
        #[derive(Serialize)]
        struct Outer {
            first: Option<u8>,
            #[serde(flatten)]
            inner: Inner,
            twice: Option<Option<u8>>,
            not_a_number: f64,
            kinds: Vec<Kind>,
            by_number: std::collections::BTreeMap<u32, Option<u8>>,
            last: Option<u8>,
        }
        let outer = Outer {
            first: None,
            inner: Inner { kept: 1, gone: None },
            twice: Some(None),
            not_a_number: f64::NAN,
            kinds: vec![Kind::Unit, Kind::Newtype(None), Kind::Struct { a: None, b: 2 }],
            by_number: [(1, None), (2, Some(3))].into(),
            last: None,
        };
        let body = json_object(&outer).unwrap();
        let expected = r#"{"kept":1,"kinds":["Unit",{},{"Struct":{"b":2}}],"by_number":{"2":3}}"#;
        assert_eq!(String::from_utf8(body.clone()).unwrap(), expected);
        let mut value = serde_json::to_value(&outer).unwrap();
        drop_nulls(&mut value);
        assert_eq!(serde_json::from_slice::<Value>(&body).unwrap(), value, "as the Value route");
    }

    #[test]
    fn only_objects_are_bodies() {
        for value in [json!([1]), json!("text"), json!(null), json!(3)] {
            assert!(matches!(json_object(&value), Err(Error::Serialize(_))), "{value}");
        }
    }

    fn json_values() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            "\\PC{0,6}".prop_map(Value::from),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::btree_map("[a-z:,\"]{1,4}", inner, 0..6)
                    .prop_map(|members| Value::Object(members.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 2048, failure_persistence: None, ..ProptestConfig::default()
        })]

        /// 2048 cases: the one-pass body reads back as the `Value` route's body, for any nesting
        /// of objects, arrays, `null`s and texts that look like JSON.
        #[test]
        fn the_one_pass_body_equals_the_value_route_2048_cases(
            members in prop::collection::btree_map("[a-z]{1,3}", json_values(), 0..8),
        ) {
            let value = Value::Object(members.into_iter().collect());
            let body: Value = serde_json::from_slice(&json_object(&value).unwrap()).unwrap();
            let mut expected = value.clone();
            drop_nulls(&mut expected);
            prop_assert_eq!(body, expected);
        }
    }
}
