//! Validation: every violation of every rule, each with the serialized path of its field.

use super::ids;
use crate::sensitive::{Redacted, Sensitive};
use crate::violations::{Rule, Violation, Violations};

/// Collects violations under a field path. Generated `validate_into` code and hand-written
/// struct-level rules report through it.
#[derive(Debug)]
pub struct Checker<'a> {
    path: String,
    out: &'a mut Vec<Violation>,
}

impl<'a> Checker<'a> {
    /// A checker at the root of a request.
    pub fn root(out: &'a mut Vec<Violation>) -> Self {
        Self { path: String::new(), out }
    }

    /// A checker for the field `name` below this one.
    pub fn field(&mut self, name: &str) -> Checker<'_> {
        Checker { path: self.join(name), out: self.out }
    }

    /// A checker for item `index` of the sequence this checker stands at.
    pub fn index(&mut self, index: usize) -> Checker<'_> {
        Checker { path: format!("{}[{index}]", self.path), out: self.out }
    }

    /// Records that the field `name` below this one broke `rule`.
    pub fn report(&mut self, name: &str, rule: Rule) {
        let path = self.join(name);
        self.out.push(Violation { path, rule });
    }

    /// `name` must be present and non-empty.
    pub fn required<T: Present + ?Sized>(&mut self, name: &str, value: &T) {
        if !value.is_present() {
            self.report(name, Rule::Required);
        }
    }

    /// A present text `name` must have `min..=max` characters (empty text counts as absent).
    pub fn length<T: Text + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
        min: Option<usize>,
        max: Option<usize>,
    ) {
        if let Some(text) = value.text().filter(|t| !t.is_empty()) {
            let len = text.chars().count();
            if min.is_some_and(|min| len < min) || max.is_some_and(|max| len > max) {
                self.report(name, Rule::Length { min, max });
            }
        }
    }

    /// A present text `name` must be ASCII digits, as many as one of `counts`.
    pub fn digits<T: Text + ?Sized>(&mut self, name: &str, value: &T, counts: &'static [usize]) {
        if let Some(text) = value.text().filter(|t| !t.is_empty())
            && (!text.bytes().all(|b| b.is_ascii_digit()) || !counts.contains(&text.len()))
        {
            self.report(name, Rule::Digits { counts });
        }
    }

    /// A present text `name` must equal one of `allowed`.
    pub fn one_of<T: Text + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
        allowed: &'static [&'static str],
    ) {
        if let Some(text) = value.text().filter(|t| !t.is_empty())
            && !allowed.contains(&text)
        {
            self.report(name, Rule::OneOf { allowed });
        }
    }

    /// `name` must be present and non-empty; called while its condition holds (the sibling
    /// `field` is `expected`, as `#[wechat(required_if(field = expected))]` declares).
    pub fn required_if<T: Present + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
        field: &'static str,
        expected: &'static str,
    ) {
        if !value.is_present() {
            self.report(name, Rule::RequiredIf { field, value: expected });
        }
    }

    /// A present text `name` must be a unified social credit code with a valid check character.
    pub fn uscc<T: Text + ?Sized>(&mut self, name: &str, value: &T) {
        if let Some(text) = value.text().filter(|t| !t.is_empty())
            && !ids::is_uscc(text)
        {
            self.report(name, Rule::Uscc);
        }
    }

    /// A present text `name` must be a resident ID number with a valid check digit.
    pub fn resident_id<T: Text + ?Sized>(&mut self, name: &str, value: &T) {
        if let Some(text) = value.text().filter(|t| !t.is_empty())
            && !ids::is_resident_id(text)
        {
            self.report(name, Rule::ResidentId);
        }
    }

    fn join(&self, name: &str) -> String {
        if self.path.is_empty() { name.to_owned() } else { format!("{}.{name}", self.path) }
    }
}

/// A request or record that checks its own fields.
pub trait Validate {
    /// Reports every violation below `checker`'s path.
    fn validate_into(&self, checker: &mut Checker<'_>);

    /// Every violation, or `Ok` if there is none.
    fn validate(&self) -> Result<(), Violations> {
        let mut out = Vec::new();
        self.validate_into(&mut Checker::root(&mut out));
        if out.is_empty() { Ok(()) } else { Err(Violations(out)) }
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn validate_into(&self, checker: &mut Checker<'_>) {
        for (index, item) in self.iter().enumerate() {
            item.validate_into(&mut checker.index(index));
        }
    }
}

impl<T: Validate> Validate for Option<T> {
    fn validate_into(&self, checker: &mut Checker<'_>) {
        if let Some(value) = self {
            value.validate_into(checker);
        }
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn validate_into(&self, checker: &mut Checker<'_>) {
        (**self).validate_into(checker);
    }
}

/// Values `required` can check: absent means `None`, an empty string or an empty list.
///
/// Its impls are `#[diagnostic::do_not_recommend]`, here and in the facade: the message names
/// what the rules take, where rustc would list every impl, a list that grows with the crate; and
/// `Option<u32>` is then reported as such rather than as `u32`. The same holds for [`Text`].
#[diagnostic::on_unimplemented(
    message = "`required` and `required_if` cannot check `{Self}`",
    label = "they check text (String, Sensitive, Redacted<String>), a Vec<_>, or an Option<_> of these",
    note = "a number, a flag or an enum is never absent: remove the attribute; for an `Option` of a type of your own, implement `wechatpay_apiv3::request::Present` for that type"
)]
pub trait Present {
    /// Whether the value counts as given.
    fn is_present(&self) -> bool;
}

#[diagnostic::do_not_recommend]
impl Present for String {
    fn is_present(&self) -> bool {
        !self.is_empty()
    }
}

#[diagnostic::do_not_recommend]
impl Present for str {
    fn is_present(&self) -> bool {
        !self.is_empty()
    }
}

#[diagnostic::do_not_recommend]
impl<T: Present> Present for Option<T> {
    fn is_present(&self) -> bool {
        self.as_ref().is_some_and(Present::is_present)
    }
}

#[diagnostic::do_not_recommend]
impl Present for Sensitive {
    fn is_present(&self) -> bool {
        !self.is_empty()
    }
}

#[diagnostic::do_not_recommend]
impl<T: Present> Present for Redacted<T> {
    fn is_present(&self) -> bool {
        self.0.is_present()
    }
}

#[diagnostic::do_not_recommend]
impl<T> Present for Vec<T> {
    fn is_present(&self) -> bool {
        !self.is_empty()
    }
}

/// Values that text rules (`len`, `digits`, `one_of`, `uscc`, `resident_id`, …) can check.
#[diagnostic::on_unimplemented(
    message = "text rules (`len`, `min_len`, `max_len`, `digits`, `one_of`, `uscc`, `resident_id`) cannot check `{Self}`",
    label = "this field is not text",
    note = "text rules apply to String, Sensitive, Redacted<String> and their Option fields; a typed field already restricts its values"
)]
pub trait Text {
    /// The text, if present.
    fn text(&self) -> Option<&str>;
}

#[diagnostic::do_not_recommend]
impl Text for String {
    fn text(&self) -> Option<&str> {
        Some(self)
    }
}

#[diagnostic::do_not_recommend]
impl Text for Sensitive {
    fn text(&self) -> Option<&str> {
        Some(self.expose())
    }
}

#[diagnostic::do_not_recommend]
impl<T: Text> Text for Redacted<T> {
    fn text(&self) -> Option<&str> {
        self.0.text()
    }
}

#[diagnostic::do_not_recommend]
impl Text for str {
    fn text(&self) -> Option<&str> {
        Some(self)
    }
}

#[diagnostic::do_not_recommend]
impl<T: Text> Text for Option<T> {
    fn text(&self) -> Option<&str> {
        self.as_ref().and_then(Text::text)
    }
}

/// The test behind `required_if(field = VALUE)` and `resident_id_if(field = VALUE)`, implemented
/// by the value's type: whether the sibling field is `VALUE`. An `Option` sibling is `VALUE` only
/// when it is `Some(VALUE)`. The value is `self`, so that a value of the wrong type is reported
/// at the value. Public (rather than with the derive's private items) so that the error names it
/// as `Matches`, not by an internal path.
#[diagnostic::on_unimplemented(
    message = "a condition cannot compare `{Self}` with the field's `{F}`",
    label = "not a value of the field's type",
    note = "the value after `=` must have the named field's type (for an `Option<T>` field, `T`), and that type must implement `PartialEq`"
)]
pub trait Matches<F: ?Sized> {
    /// Whether `field` is `self`.
    fn matches(&self, field: &F) -> bool;
}

impl<T: PartialEq> Matches<T> for T {
    fn matches(&self, field: &T) -> bool {
        field == self
    }
}

impl<T: PartialEq> Matches<Option<T>> for T {
    fn matches(&self, field: &Option<T>) -> bool {
        field.as_ref() == Some(self)
    }
}

/// A text field compared with a literal: `required_if(kind = "IDCARD")`.
#[diagnostic::do_not_recommend]
impl Matches<String> for &str {
    fn matches(&self, field: &String) -> bool {
        field == self
    }
}

/// An optional text field compared with a literal.
#[diagnostic::do_not_recommend]
impl Matches<Option<String>> for &str {
    fn matches(&self, field: &Option<String>) -> bool {
        field.as_deref() == Some(*self)
    }
}
