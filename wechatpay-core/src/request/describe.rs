//! What the derives know about each field, as constants: for tests that compare a request with its
//! published page (every documented field declared, required where the page says so) and for
//! describing endpoints.

use crate::violations::Rule;

/// Where a field travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A member of the JSON body.
    Body,
    /// A `{placeholder}` of the URL path.
    Path,
    /// A `?name=value` of the query.
    Query,
}

/// What the derive knows about one field.
#[derive(Debug, Clone, Copy)]
pub struct FieldInfo {
    /// The serialized name (after `#[serde(rename)]` / `rename_all`), as in violations.
    pub name: &'static str,
    /// Where the field travels.
    pub place: Place,
    /// Always sent: marked `required` or `path`, or of a type that is not `Option<…>` (and not
    /// left out by `#[serde(skip_serializing_if)]`). `false` for a `required_if` field.
    pub required: bool,
    /// Marked `encrypt`: sent as ciphertext.
    pub encrypted: bool,
    /// Marked `redact`: personal data sent as is.
    pub redacted: bool,
    /// A sequence (`Vec<…>` or `Option<Vec<…>>`): its items are at `name[]`.
    pub list: bool,
    /// The field's rules other than `required`: `Length`, `Digits`, `OneOf`, `Uscc`,
    /// `ResidentId`, `RequiredIf`, and `When` for a rule that applies under a condition.
    pub rules: &'static [Rule],
    /// The first paragraph of the field's doc comment, trimmed (`""` if none).
    pub doc: &'static str,
    /// For a `nested` field: the record's fields (`None` when its type names the record that
    /// holds it, whose paths would never end).
    pub nested: Option<&'static [FieldInfo]>,
}

/// The fields of a request or record, as its derive declares them.
pub trait Describe {
    /// Every serialized field, in declaration order.
    const FIELDS: &'static [FieldInfo];
}

impl<T: Describe> Describe for Vec<T> {
    const FIELDS: &'static [FieldInfo] = T::FIELDS;
}

impl<T: Describe> Describe for Option<T> {
    const FIELDS: &'static [FieldInfo] = T::FIELDS;
}

impl<T: Describe> Describe for Box<T> {
    const FIELDS: &'static [FieldInfo] = T::FIELDS;
}

/// Every field at every depth with its dotted path, the form the API pages use: `req_ssn`,
/// `data`, `data[].cert_no` (`[]` after a list). Parents come before their fields.
pub fn field_paths(fields: &'static [FieldInfo]) -> Vec<(String, &'static FieldInfo)> {
    let mut out = Vec::new();
    collect_paths("", fields, &mut out);
    out
}

fn collect_paths(
    prefix: &str,
    fields: &'static [FieldInfo],
    out: &mut Vec<(String, &'static FieldInfo)>,
) {
    for field in fields {
        let path = format!("{prefix}{}", field.name);
        out.push((path.clone(), field));
        if let Some(nested) = field.nested {
            let brackets = if field.list { "[]" } else { "" };
            collect_paths(&format!("{path}{brackets}."), nested, out);
        }
    }
}
