//! Parsing `#[wechat(...)]` into typed attributes, and the few `#[serde(...)]` settings that
//! decide serialized names. Syntax only: rules between attributes live in `check.rs`.

use std::fmt::Display;

use proc_macro2::{Ident, Span, TokenStream, TokenTree};
use quote::ToTokens as _;
use syn::ext::IdentExt as _;
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::punctuated::Punctuated;
use syn::{Attribute, LitInt, LitStr, Token};

use crate::case::RenameRule;
use crate::ctxt::Ctxt;

/// The namespace attribute. One namespace, because a bare `#[path]` helper is ambiguous with the
/// built-in `#[path]` attribute (E0659) and helpers shadowing built-ins are being phased out.
pub const WECHAT: &str = "wechat";
/// serde's attribute, read for `rename`, `rename_all`, `skip*` and `flatten`.
pub const SERDE: &str = "serde";

/// Attribute names accepted on the struct.
pub const CONTAINER_NAMES: &[&str] = &[
    "get",
    "post",
    "put",
    "patch",
    "delete",
    "response",
    "validate_with",
    "crate",
    "idempotent",
    "lookup",
];
/// Attribute names accepted on a field.
pub const FIELD_NAMES: &[&str] = &[
    "path",
    "query",
    "encrypt",
    "redact",
    "required",
    "required_if",
    "nested",
    "len",
    "min_len",
    "max_len",
    "digits",
    "one_of",
    "uscc",
    "resident_id",
    "resident_id_if",
];

/// Where an attribute was written: from its name to the end of its value.
#[derive(Debug, Clone, Copy)]
pub struct Loc {
    /// The span of the attribute's name.
    pub start: Span,
    /// The span of the last token of its value (the name again for a flag).
    pub end: Span,
}

impl Loc {
    /// A location covering one token.
    pub fn at(span: Span) -> Self {
        Self { start: span, end: span }
    }

    /// An error covering the whole attribute.
    pub fn error(self, message: impl Display) -> syn::Error {
        let tokens: TokenStream = [Ident::new("start", self.start), Ident::new("end", self.end)]
            .into_iter()
            .map(TokenTree::Ident)
            .collect();
        syn::Error::new_spanned(tokens, message)
    }
}

/// A parsed attribute value and where it was written.
#[derive(Clone)]
pub struct Spanned<T> {
    /// The attribute's location.
    pub loc: Loc,
    /// Its value.
    pub value: T,
}

/// A flag such as `required`: present or not.
pub type Flag = Option<Spanned<()>>;

/// An APIv3 HTTP method, as written in `#[wechat(post = "...")]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HttpMethod {
    /// `get`
    Get,
    /// `post`
    Post,
    /// `put`
    Put,
    /// `patch`
    Patch,
    /// `delete`
    Delete,
}

impl HttpMethod {
    fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "get" => HttpMethod::Get,
            "post" => HttpMethod::Post,
            "put" => HttpMethod::Put,
            "patch" => HttpMethod::Patch,
            "delete" => HttpMethod::Delete,
            _ => return None,
        })
    }

    /// The method as sent: `GET`.
    pub fn upper(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Post => "POST",
            HttpMethod::Put => "PUT",
            HttpMethod::Patch => "PATCH",
            HttpMethod::Delete => "DELETE",
        }
    }

    /// The variant of `request::Method`.
    pub fn variant(self) -> &'static str {
        match self {
            HttpMethod::Get => "Get",
            HttpMethod::Post => "Post",
            HttpMethod::Put => "Put",
            HttpMethod::Patch => "Patch",
            HttpMethod::Delete => "Delete",
        }
    }

    /// Whether requests with this method carry a JSON body.
    pub fn has_body(self) -> bool {
        matches!(self, HttpMethod::Post | HttpMethod::Put | HttpMethod::Patch)
    }
}

/// `post = "/v3/..."`: the method and the path template.
#[derive(Clone)]
pub struct Endpoint {
    /// The method.
    pub method: HttpMethod,
    /// The path template with `{placeholders}`.
    pub template: LitStr,
}

/// Everything `#[wechat(...)]` and `#[serde(...)]` say about the struct.
#[derive(Default)]
pub struct ContainerAttrs {
    /// `post = "/v3/..."` (or another method).
    pub endpoint: Option<Spanned<Endpoint>>,
    /// `response = Type`.
    pub response: Option<Spanned<syn::Type>>,
    /// `validate_with = path::to::fn`.
    pub validate_with: Option<Spanned<syn::Path>>,
    /// `crate = "path"`.
    pub krate: Option<Spanned<syn::Path>>,
    /// `idempotent`: repeating the request with the same parameters is safe (its page says so).
    pub idempotent: Flag,
    /// `lookup = "POST /v3/…"`: the endpoint that tells whether a request was applied.
    pub lookup: Option<Spanned<LitStr>>,
    /// `#[serde(rename_all = "...")]` (the serialize side).
    pub rename_all: Option<RenameRule>,
}

/// `(field = VALUE)` after `required_if` or `resident_id_if`: the rule applies while the sibling
/// `field` equals `VALUE`.
pub struct Condition {
    /// The sibling's Rust name.
    pub field: Ident,
    /// The value, as written (typically an enum variant).
    pub value: TokenStream,
}

/// Everything `#[wechat(...)]` says about a field.
#[derive(Default)]
pub struct FieldAttrs {
    /// `path`: fills the `{placeholder}` named after the field.
    pub path: Flag,
    /// `query`: appended to the request target.
    pub query: Flag,
    /// `encrypt`: a `Sensitive` field, RSA-OAEP before sending.
    pub encrypt: Flag,
    /// `redact`: a `Redacted` field, sent as is and never printed.
    pub redact: Flag,
    /// `required`: present and non-empty.
    pub required: Flag,
    /// `required_if(field = VALUE)`: present and non-empty while the sibling is `VALUE`.
    pub required_if: Option<Spanned<Condition>>,
    /// `nested`: a record (or Vec/Option/Box of one), validated and encrypted recursively.
    pub nested: Flag,
    /// `len = N`: exactly N characters.
    pub len: Option<Spanned<usize>>,
    /// `min_len = N`.
    pub min_len: Option<Spanned<usize>>,
    /// `max_len = N`.
    pub max_len: Option<Spanned<usize>>,
    /// `digits = N` or `digits = [N, M]`.
    pub digits: Option<Spanned<Vec<usize>>>,
    /// `one_of = ["a", "b"]`.
    pub one_of: Option<Spanned<Vec<String>>>,
    /// `uscc`: a unified social credit code with a valid check character.
    pub uscc: Flag,
    /// `resident_id`: a resident ID number with a valid check digit.
    pub resident_id: Flag,
    /// `resident_id_if(field = VALUE)`: `resident_id` while the sibling is `VALUE`.
    pub resident_id_if: Option<Spanned<Condition>>,
}

/// What `#[serde(...)]` says about a field.
#[derive(Default)]
pub struct SerdeField {
    /// `rename = "..."` or `rename(serialize = "...")`.
    pub rename: Option<String>,
    /// `skip`, `skip_serializing`, `skip_serializing_if` and `flatten`, as written.
    pub omissions: Vec<Ident>,
}

/// Parses the struct's attributes. Errors go to `cx`; parsing goes on after each one.
pub fn container_attrs(cx: &Ctxt, attrs: &[Attribute]) -> ContainerAttrs {
    let mut out = ContainerAttrs::default();
    for attr in attrs {
        if attr.path().is_ident(WECHAT) {
            let result = attr.parse_nested_meta(|meta| {
                let Some(name) = attribute_name(cx, &meta)? else { return Ok(()) };
                let key = name.to_string();
                let start = name.span();
                if let Some(method) = HttpMethod::from_name(&key) {
                    let template: LitStr = meta.value()?.parse()?;
                    let loc = Loc { start, end: template.span() };
                    match &out.endpoint {
                        Some(first) => cx.syn_error(loc.error(format_args!(
                            "a request has exactly one method: `{}` is already set",
                            first.value.method.upper().to_lowercase()
                        ))),
                        None => {
                            out.endpoint =
                                Some(Spanned { loc, value: Endpoint { method, template } })
                        }
                    }
                    return Ok(());
                }
                match key.as_str() {
                    "response" => {
                        let ty: syn::Type = meta.value()?.parse()?;
                        let loc = Loc { start, end: last_span(&ty).unwrap_or(start) };
                        set_once(cx, &mut out.response, &key, Spanned { loc, value: ty });
                    }
                    "validate_with" => {
                        let path = parse_path(&meta)?;
                        let loc = Loc { start, end: last_span(&path).unwrap_or(start) };
                        set_once(cx, &mut out.validate_with, &key, Spanned { loc, value: path });
                    }
                    "crate" => {
                        let path = parse_path(&meta)?;
                        let loc = Loc { start, end: last_span(&path).unwrap_or(start) };
                        set_once(cx, &mut out.krate, &key, Spanned { loc, value: path });
                    }
                    "idempotent" => set_flag(cx, &meta, &name, &mut out.idempotent)?,
                    "lookup" => {
                        let lit: LitStr = meta.value()?.parse()?;
                        let loc = Loc { start, end: lit.span() };
                        set_once(cx, &mut out.lookup, &key, Spanned { loc, value: lit });
                    }
                    "debug" => {
                        cx.error(
                            start,
                            "`debug` is not needed: `Sensitive` and `Redacted` fields print as `<redacted>` in any `Debug`, so use `#[derive(Debug)]`",
                        );
                        skip_value(meta.input)?;
                    }
                    _ => reject(cx, &meta, &name, Place::Struct)?,
                }
                Ok(())
            });
            if let Err(error) = result {
                cx.syn_error(error);
            }
        } else if attr.path().is_ident(SERDE) {
            // Only the serialize side of `rename_all` matters; everything else is serde's business.
            let _ = attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("rename_all") {
                    // serde itself reports an unknown rule; reporting it again would only repeat it.
                    if let Some(rule) = serialize_name(&meta)? {
                        out.rename_all = RenameRule::from_name(&rule.value()).ok();
                    }
                    Ok(())
                } else {
                    skip_value(meta.input)
                }
            });
        }
    }
    out
}

/// Parses a field's attributes. Errors go to `cx`; parsing goes on after each one.
pub fn field_attrs(cx: &Ctxt, attrs: &[Attribute]) -> (FieldAttrs, SerdeField) {
    let mut out = FieldAttrs::default();
    let mut serde = SerdeField::default();
    for attr in attrs {
        if attr.path().is_ident(WECHAT) {
            let result = attr.parse_nested_meta(|meta| {
                let Some(name) = attribute_name(cx, &meta)? else { return Ok(()) };
                let key = name.to_string();
                let start = name.span();
                let flag = |slot: &mut Flag| set_flag(cx, &meta, &name, slot);
                match key.as_str() {
                    "path" => flag(&mut out.path)?,
                    "query" => flag(&mut out.query)?,
                    "encrypt" => flag(&mut out.encrypt)?,
                    "redact" => flag(&mut out.redact)?,
                    "required" => flag(&mut out.required)?,
                    "nested" => flag(&mut out.nested)?,
                    "uscc" => flag(&mut out.uscc)?,
                    "resident_id" => flag(&mut out.resident_id)?,
                    "required_if" | "resident_id_if" => {
                        let value = parse_condition(&meta, &name)?;
                        let slot = match key.as_str() {
                            "required_if" => &mut out.required_if,
                            _ => &mut out.resident_id_if,
                        };
                        set_once(cx, slot, &key, value);
                    }
                    "len" | "min_len" | "max_len" => {
                        let lit: LitInt = meta.value()?.parse()?;
                        let value = Spanned {
                            loc: Loc { start, end: lit.span() },
                            value: lit.base10_parse()?,
                        };
                        let slot = match key.as_str() {
                            "len" => &mut out.len,
                            "min_len" => &mut out.min_len,
                            _ => &mut out.max_len,
                        };
                        set_once(cx, slot, &key, value);
                    }
                    "digits" => {
                        let (counts, end) =
                            parse_list(meta.value()?, |lit: LitInt| lit.base10_parse())?;
                        set_once(
                            cx,
                            &mut out.digits,
                            &key,
                            Spanned { loc: Loc { start, end }, value: counts },
                        );
                    }
                    "one_of" => {
                        let input = meta.value()?;
                        if !input.peek(syn::token::Bracket) {
                            return Err(input
                                .error("expected a list of strings: `one_of = [\"A\", \"B\"]`"));
                        }
                        let (allowed, end) = parse_list(input, |lit: LitStr| Ok(lit.value()))?;
                        set_once(
                            cx,
                            &mut out.one_of,
                            &key,
                            Spanned { loc: Loc { start, end }, value: allowed },
                        );
                    }
                    _ => reject(cx, &meta, &name, Place::Field)?,
                }
                Ok(())
            });
            if let Err(error) = result {
                cx.syn_error(error);
            }
        } else if attr.path().is_ident(SERDE) {
            let _ = attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("rename") {
                    if let Some(name) = serialize_name(&meta)? {
                        serde.rename = Some(name.value());
                    }
                    return Ok(());
                }
                if let Some(ident) = meta.path.get_ident()
                    && matches!(
                        ident.to_string().as_str(),
                        "skip" | "skip_serializing" | "skip_serializing_if" | "flatten"
                    )
                {
                    serde.omissions.push(ident.clone());
                }
                skip_value(meta.input)
            });
        }
    }
    (out, serde)
}

/// The attribute's single-identifier name, or `None` after reporting a path like `a::b`.
fn attribute_name(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Option<Ident>> {
    match meta.path.get_ident() {
        Some(ident) => Ok(Some(ident.clone())),
        None => {
            cx.error_spanned_by(&meta.path, "expected an attribute name, not a path");
            skip_value(meta.input)?;
            Ok(None)
        }
    }
}

/// Stores `value` unless the attribute was already given.
/// Records a flag such as `required`. A value after it is an error; the flag still counts, so
/// that the fallback (and the other checks) see what was meant and report nothing more.
fn set_flag(cx: &Ctxt, meta: &ParseNestedMeta, name: &Ident, slot: &mut Flag) -> syn::Result<()> {
    let key = name.to_string();
    set_once(cx, slot, &key, Spanned { loc: Loc::at(name.span()), value: () });
    if meta.input.is_empty() || meta.input.peek(Token![,]) {
        return Ok(());
    }
    cx.error(name.span(), format_args!("`{key}` takes no value: write `#[wechat({key})]`"));
    skip_value(meta.input)
}

fn set_once<T>(cx: &Ctxt, slot: &mut Option<Spanned<T>>, key: &str, value: Spanned<T>) {
    if slot.is_some() {
        cx.syn_error(
            value.loc.error(format_args!("duplicate `{key}`: it is already set on this item")),
        );
    } else {
        *slot = Some(value);
    }
}

/// `unknown attribute `x``, with a suggestion when a known name is close.
/// Where a `#[wechat(...)]` attribute was written.
#[derive(Clone, Copy)]
enum Place {
    Struct,
    Field,
}

/// Reports an attribute that does not belong where it was written (misplaced, or unknown with a
/// "did you mean") and skips its value, so that parsing goes on.
fn reject(cx: &Ctxt, meta: &ParseNestedMeta, name: &Ident, place: Place) -> syn::Result<()> {
    let key = name.to_string();
    let (here, elsewhere, hint) = match place {
        Place::Struct => (
            CONTAINER_NAMES,
            FIELD_NAMES,
            "is a field attribute: put it on a field, not on the struct",
        ),
        Place::Field => (
            FIELD_NAMES,
            CONTAINER_NAMES,
            "is a struct attribute: put it in the `#[wechat(...)]` above the struct",
        ),
    };
    let message = if elsewhere.contains(&key.as_str()) {
        format!("`{key}` {hint}")
    } else {
        unknown(&key, here)
    };
    cx.error(name.span(), message);
    skip_value(meta.input)
}

fn unknown(key: &str, known: &[&str]) -> String {
    match closest(key, known.iter().copied()) {
        Some(candidate) => format!("unknown attribute `{key}`; did you mean `{candidate}`?"),
        None => {
            let list: Vec<String> = known.iter().map(|name| format!("`{name}`")).collect();
            format!("unknown attribute `{key}`; expected one of {}", list.join(", "))
        }
    }
}

/// The candidate a misspelt `key` most likely meant, if any is close enough to suggest.
pub fn closest<'a>(key: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = key.to_ascii_lowercase();
    candidates
        .into_iter()
        .map(|candidate| (edit_distance(&lower, candidate), candidate))
        .min_by_key(|(distance, _)| *distance)
        .filter(|&(distance, _)| distance <= 2.max(key.len() / 3) && distance < key.len())
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance, counting an adjacent transposition as one edit.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best =
                (rows[i - 1][j] + 1).min(rows[i][j - 1] + 1).min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

/// `(field = VALUE)`: the sibling's name, then any tokens up to the closing parenthesis.
fn parse_condition(meta: &ParseNestedMeta, name: &Ident) -> syn::Result<Spanned<Condition>> {
    let usage = format!(
        "expected a condition: `{name}(field = VALUE)`, e.g. `{name}(id_type = IdType::IdCard)`"
    );
    if !meta.input.peek(syn::token::Paren) {
        return Err(syn::Error::new(name.span(), usage));
    }
    let content;
    let parens = syn::parenthesized!(content in meta.input);
    let field =
        content.call(Ident::parse_any).map_err(|error| syn::Error::new(error.span(), &usage))?;
    content.parse::<Token![=]>().map_err(|error| syn::Error::new(error.span(), &usage))?;
    let value: TokenStream = content.parse()?;
    if value.is_empty() {
        return Err(syn::Error::new(parens.span.close(), usage));
    }
    let loc = Loc { start: name.span(), end: parens.span.close() };
    Ok(Spanned { loc, value: Condition { field, value } })
}

/// The lines of the doc comment in `attrs` (`///` and `#[doc = "..."]`), trimmed.
pub fn doc_lines(attrs: &[Attribute]) -> Vec<String> {
    attrs
        .iter()
        .filter(|attr| attr.path().is_ident("doc"))
        .filter_map(|attr| {
            let value = &attr.meta.require_name_value().ok()?.value;
            syn::parse2::<LitStr>(value.to_token_stream()).ok()
        })
        // `split`, not `lines`: an empty `///` line is `""`, which has no lines but ends a paragraph.
        .flat_map(|lit| {
            lit.value().split('\n').map(|line| line.trim().to_owned()).collect::<Vec<_>>()
        })
        .collect()
}

/// `= path` or `= "path"`.
fn parse_path(meta: &ParseNestedMeta) -> syn::Result<syn::Path> {
    let input = meta.value()?;
    if input.peek(LitStr) {
        let lit: LitStr = input.parse()?;
        let mut path: syn::Path = lit.parse()?;
        for segment in &mut path.segments {
            segment.ident.set_span(lit.span());
        }
        Ok(path)
    } else {
        input.parse()
    }
}

/// `= item` or `= [item, item]`, and the span of its last token.
fn parse_list<T, L: syn::parse::Parse>(
    input: ParseStream,
    convert: impl Fn(L) -> syn::Result<T>,
) -> syn::Result<(Vec<T>, Span)> {
    if input.peek(syn::token::Bracket) {
        let content;
        let brackets = syn::bracketed!(content in input);
        let items = Punctuated::<L, Token![,]>::parse_terminated(&content)?;
        let values = items.into_iter().map(convert).collect::<syn::Result<_>>()?;
        Ok((values, brackets.span.close()))
    } else {
        let end = input.span();
        Ok((vec![convert(input.parse()?)?], end))
    }
}

/// serde's `name = "x"` or `name(serialize = "x", deserialize = "y")`: the serialize side.
fn serialize_name(meta: &ParseNestedMeta) -> syn::Result<Option<LitStr>> {
    if meta.input.peek(Token![=]) {
        return Ok(Some(meta.value()?.parse()?));
    }
    let mut found = None;
    meta.parse_nested_meta(|inner| {
        if inner.path.is_ident("serialize") {
            found = Some(inner.value()?.parse()?);
            Ok(())
        } else {
            skip_value(inner.input)
        }
    })?;
    Ok(found)
}

/// Skips the value of an attribute we do not interpret, up to the next `,`.
fn skip_value(input: ParseStream) -> syn::Result<()> {
    while !input.is_empty() && !input.peek(Token![,]) {
        input.parse::<TokenTree>()?;
    }
    Ok(())
}

/// The span of the last token of `tokens`.
fn last_span(tokens: &impl quote::ToTokens) -> Option<Span> {
    tokens.to_token_stream().into_iter().last().map(|token| token.span())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_transpositions_once() {
        assert_eq!(edit_distance("encrpyt", "encrypt"), 1);
        assert_eq!(edit_distance("requird", "required"), 1);
        assert_eq!(edit_distance("path", "path"), 0);
    }

    #[test]
    fn suggests_only_close_names() {
        assert_eq!(
            unknown("encrpyt", FIELD_NAMES),
            "unknown attribute `encrpyt`; did you mean `encrypt`?"
        );
        assert_eq!(
            unknown("minlen", FIELD_NAMES),
            "unknown attribute `minlen`; did you mean `min_len`?"
        );
        assert!(
            unknown("sensitive", FIELD_NAMES)
                .starts_with("unknown attribute `sensitive`; expected one of")
        );
    }
}
