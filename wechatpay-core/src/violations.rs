//! What validation reports: every broken rule with the serialized path of its field.

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
    /// Not an 18-character unified social credit code (统一社会信用代码) whose check character
    /// matches GB 32100-2015.
    Uscc,
    /// Not an 18-character mainland resident ID number (居民身份证号码) whose check digit matches
    /// GB 11643-1999.
    ResidentId,
    /// Absent or empty while the sibling `field` is `value`.
    RequiredIf {
        /// The serialized name of the field the condition reads.
        field: &'static str,
        /// The value that makes this field required, as written in the attribute.
        value: &'static str,
    },
    /// `then` applies while the sibling `field` is `value`. Only in metadata
    /// ([`FieldInfo::rules`](crate::request::FieldInfo::rules)): a violation names `then` itself.
    When {
        /// The serialized name of the field the condition reads.
        field: &'static str,
        /// The value that makes `then` apply, as written in the attribute.
        value: &'static str,
        /// The rule that applies.
        then: &'static Rule,
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
            Rule::Uscc => f.write_str(
                "must be an 18-character unified social credit code with a valid check character (GB 32100)",
            ),
            Rule::ResidentId => f.write_str(
                "must be an 18-character resident ID number with a valid check digit (GB 11643)",
            ),
            Rule::RequiredIf { field, value } => write!(f, "required when {field} is {value}"),
            Rule::When { field, value, then } => write!(f, "{then} when {field} is {value}"),
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
