//! Validation: every violation of every rule, each with the serialized path of its field.

use std::borrow::Cow;
use std::fmt;

/// A rule a field broke. Messages describe the rule, never the value (it may be personal data).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rule {
    /// The field is absent or empty.
    Required,
    /// The length in characters is outside `min..=max`.
    Length {
        /// Smallest allowed length, if any.
        min: Option<usize>,
        /// Largest allowed length, if any.
        max: Option<usize>,
    },
    /// Not ASCII digits, or not one of the allowed counts of them.
    Digits {
        /// The allowed digit counts.
        counts: &'static [usize],
    },
    /// Not one of the allowed literals.
    OneOf {
        /// The allowed values.
        allowed: &'static [&'static str],
    },
    /// A rule written by hand (a struct-level check such as a conditional requirement).
    Custom(Cow<'static, str>),
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::Required => f.write_str("required"),
            Rule::Length { min: Some(min), max: Some(max) } if min == max => {
                write!(f, "must be exactly {min} characters")
            }
            Rule::Length { min: Some(min), max: Some(max) } => {
                write!(f, "must be {min} to {max} characters")
            }
            Rule::Length { min: Some(min), max: None } => {
                write!(f, "must be at least {min} characters")
            }
            Rule::Length { min: None, max: Some(max) } => {
                write!(f, "must be at most {max} characters")
            }
            Rule::Length { min: None, max: None } => f.write_str("has an invalid length"),
            Rule::Digits { counts } => {
                let counts: Vec<String> = counts.iter().map(ToString::to_string).collect();
                write!(f, "must be {} digits", counts.join(" or "))
            }
            Rule::OneOf { allowed } => {
                let allowed: Vec<String> = allowed.iter().map(|v| format!("`{v}`")).collect();
                write!(f, "must be one of {}", allowed.join(", "))
            }
            Rule::Custom(message) => f.write_str(message),
        }
    }
}

/// One broken rule at one field path, such as `data[2].tel: required`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The field path with serialized names: `data[2].tel`.
    pub path: String,
    /// The rule broken.
    pub rule: Rule,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.rule)
    }
}

/// Every violation found in a request (never empty when returned as an error).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violations(pub Vec<Violation>);

impl Violations {
    /// The violations, in field order.
    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.0.iter()
    }

    /// Whether `path` broke `rule`.
    pub fn contains(&self, path: &str, rule: &Rule) -> bool {
        self.0.iter().any(|v| v.path == path && &v.rule == rule)
    }
}

impl fmt::Display for Violations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        write!(f, "{} invalid field(s): {}", self.0.len(), list.join("; "))
    }
}

impl std::error::Error for Violations {}

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
#[diagnostic::on_unimplemented(
    message = "`required` cannot check `{Self}`: it is never absent",
    label = "`required` applies to String, Option<_> and Vec<_> fields",
    note = "remove `required`, or make the field an `Option<{Self}>`"
)]
pub trait Present {
    /// Whether the value counts as given.
    fn is_present(&self) -> bool;
}

impl Present for String {
    fn is_present(&self) -> bool {
        !self.is_empty()
    }
}

impl Present for str {
    fn is_present(&self) -> bool {
        !self.is_empty()
    }
}

impl<T: Present> Present for Option<T> {
    fn is_present(&self) -> bool {
        self.as_ref().is_some_and(Present::is_present)
    }
}

impl<T> Present for Vec<T> {
    fn is_present(&self) -> bool {
        !self.is_empty()
    }
}

/// Values that text rules (`len`, `digits`, `one_of`) can check.
#[diagnostic::on_unimplemented(
    message = "text rules (`len`, `min_len`, `max_len`, `digits`, `one_of`) cannot check `{Self}`",
    label = "this field is not text",
    note = "text rules apply to String and Option<String> fields; a typed field already restricts its values"
)]
pub trait Text {
    /// The text, if present.
    fn text(&self) -> Option<&str>;
}

impl Text for String {
    fn text(&self) -> Option<&str> {
        Some(self)
    }
}

impl Text for str {
    fn text(&self) -> Option<&str> {
        Some(self)
    }
}

impl<T: Text> Text for Option<T> {
    fn text(&self) -> Option<&str> {
        self.as_ref().and_then(Text::text)
    }
}
