//! Rules that involve several attributes, the kind of derive, or the path template. Reads the
//! model, reports to the collector, changes nothing.

use std::collections::BTreeSet;
use std::ops::Range;

use syn::Ident;
use syn::ext::IdentExt as _;

use crate::ast::{Container, Field, Kind};
use crate::attr::{self, Endpoint, HttpMethod, Loc, Spanned};
use crate::ctxt::Ctxt;

/// Runs every rule on `cont`, reporting each violation to `cx`.
pub fn check(cx: &Ctxt, cont: &Container) {
    check_kind(cx, cont);
    for field in &cont.fields {
        check_field(cx, cont.kind, field);
        check_redact(cx, field);
        check_formats(cx, field);
        check_conditions(cx, cont, field);
    }
    if let Some(endpoint) = &cont.attrs.endpoint
        && cont.kind == Kind::Request
    {
        check_endpoint(cx, cont, endpoint);
    }
}

/// What the struct must and must not declare for its kind.
fn check_kind(cx: &Ctxt, cont: &Container) {
    let attrs = &cont.attrs;
    match cont.kind {
        Kind::Request => {
            if attrs.endpoint.is_none() {
                cx.error(
                    cont.ident.span(),
                    "missing the method and path: add `#[wechat(post = \"/v3/...\")]` (or `get`, `put`, `patch`, `delete`) to the struct",
                );
            }
            if attrs.response.is_none() {
                cx.error(
                    cont.ident.span(),
                    "missing the response type: add `#[wechat(response = Type)]`, the type the answer decodes into",
                );
            }
        }
        Kind::Record => {
            if let Some(idempotent) = &attrs.idempotent {
                cx.syn_error(idempotent.loc.error(
                    "`idempotent` belongs to a #[derive(WechatRequest)]; a record is not sent on its own",
                ));
            }
            if let Some(lookup) = &attrs.lookup {
                cx.syn_error(lookup.loc.error(
                    "`lookup` belongs to a #[derive(WechatRequest)]; a record is not sent on its own",
                ));
            }
            if let Some(endpoint) = &attrs.endpoint {
                cx.syn_error(endpoint.loc.error(format_args!(
                    "`{}` declares an endpoint, but a #[derive(WechatRecord)] is a nested record: derive `WechatRequest` for an endpoint",
                    endpoint.value.method.upper().to_lowercase()
                )));
            }
            if let Some(response) = &attrs.response {
                cx.syn_error(response.loc.error(
                    "`response` belongs to a #[derive(WechatRequest)]; a #[derive(WechatRecord)] has no response",
                ));
            }
        }
    }
}

/// Attributes of one field that do not combine, values out of range, serde settings that would
/// lose a path or query value.
fn check_field(cx: &Ctxt, kind: Kind, field: &Field) {
    let attrs = &field.attrs;
    if kind == Kind::Record {
        for (flag, name) in [(&attrs.path, "path"), (&attrs.query, "query")] {
            if let Some(flag) = flag {
                cx.syn_error(flag.loc.error(format_args!(
                    "`{name}` applies to fields of a #[derive(WechatRequest)]; a record is serialized into the body"
                )));
            }
        }
    }
    if let (Some(_), Some(query)) = (&attrs.path, &attrs.query) {
        cx.syn_error(query.loc.error("a field is either `path` or `query`, not both"));
    }
    if let (Some(_), Some(encrypt)) = (&attrs.path, &attrs.encrypt) {
        cx.syn_error(encrypt.loc.error(
            "`encrypt` cannot be used on a `path` field: WeChat Pay takes encrypted values in the body or the query, never in the URL path",
        ));
    }
    if let Some(nested) = &attrs.nested {
        if attrs.encrypt.is_some() {
            cx.syn_error(nested.loc.error(
                "`nested` and `encrypt` do not combine: mark the sensitive fields inside the record with `encrypt`",
            ));
        }
        if attrs.path.is_some() || attrs.query.is_some() {
            cx.syn_error(nested.loc.error(
                "a `nested` record goes in the body; it cannot be a `path` or `query` value",
            ));
        }
    }
    if let Some(len) = &attrs.len {
        for (bound, name) in [(&attrs.min_len, "min_len"), (&attrs.max_len, "max_len")] {
            if let Some(bound) = bound {
                cx.syn_error(bound.loc.error(format_args!(
                    "`len = {}` already fixes the length: remove `{name}`",
                    len.value
                )));
            }
        }
    }
    for (limit, name) in [(&attrs.len, "len"), (&attrs.max_len, "max_len")] {
        if let Some(limit) = limit.as_ref().filter(|limit| limit.value == 0) {
            cx.syn_error(limit.loc.error(format_args!(
                "`{name} = 0` would refuse every text (empty text counts as absent; use `required` to demand a value)"
            )));
        }
    }
    if let (Some(min), Some(max)) = (&attrs.min_len, &attrs.max_len)
        && min.value > max.value
    {
        cx.syn_error(max.loc.error(format_args!(
            "`min_len = {}` is greater than `max_len = {}`: no text can satisfy both",
            min.value, max.value
        )));
    }
    if let Some(digits) = &attrs.digits {
        if digits.value.is_empty() {
            cx.syn_error(
                digits.loc.error("`digits = []` allows no length: give at least one digit count"),
            );
        } else if digits.value.contains(&0) {
            cx.syn_error(digits.loc.error("`digits = 0`: a digit count must be at least 1"));
        }
    }
    if let Some(one_of) = &attrs.one_of
        && one_of.value.is_empty()
    {
        cx.syn_error(one_of.loc.error("`one_of = []` allows no value: list at least one"));
    }
    check_serde(cx, field);
}

/// `redact` and `encrypt` are two kinds of personal data: a field is one or the other.
fn check_redact(cx: &Ctxt, field: &Field) {
    if let (Some(redact), Some(_)) = (&field.attrs.redact, &field.attrs.encrypt) {
        cx.syn_error(redact.loc.error(
            "`redact` is redundant on an `encrypt` field: a `Sensitive` value is sent encrypted and never printed",
        ));
    }
}

/// `uscc` and `resident_id` fix the whole format (18 characters and a check character): another
/// text rule beside them would be redundant or contradict them. `resident_id_if` takes the other
/// rules, which apply to the other kinds of document.
fn check_formats(cx: &Ctxt, field: &Field) {
    let attrs = &field.attrs;
    if let (Some(_), Some(resident_id)) = (&attrs.uscc, &attrs.resident_id) {
        cx.syn_error(
            resident_id
                .loc
                .error("a field has one format: `uscc` and `resident_id` exclude each other"),
        );
    }
    if let (Some(_), Some(resident_id_if)) = (&attrs.uscc, &attrs.resident_id_if) {
        cx.syn_error(
            resident_id_if
                .loc
                .error("a field has one format: `uscc` and `resident_id_if` exclude each other"),
        );
    }
    let format = match (&attrs.uscc, &attrs.resident_id) {
        (Some(_), _) => "uscc",
        (None, Some(_)) => "resident_id",
        (None, None) => return,
    };
    let text_rules: [(Option<Loc>, &str); 5] = [
        (attrs.len.as_ref().map(|rule| rule.loc), "len"),
        (attrs.min_len.as_ref().map(|rule| rule.loc), "min_len"),
        (attrs.max_len.as_ref().map(|rule| rule.loc), "max_len"),
        (attrs.digits.as_ref().map(|rule| rule.loc), "digits"),
        (attrs.one_of.as_ref().map(|rule| rule.loc), "one_of"),
    ];
    for (loc, name) in text_rules {
        if let Some(loc) = loc {
            cx.syn_error(loc.error(format_args!(
                "`{format}` already fixes the format (18 characters with a check character): remove `{name}`"
            )));
        }
    }
}

/// A condition names another field of the struct, and does not combine with the unconditional
/// form of its rule.
fn check_conditions(cx: &Ctxt, cont: &Container, field: &Field) {
    let attrs = &field.attrs;
    for (condition, name) in
        [(&attrs.required_if, "required_if"), (&attrs.resident_id_if, "resident_id_if")]
    {
        if let Some(condition) = condition {
            check_sibling(cx, cont, field, &condition.value.field, name);
        }
    }
    if let Some(required_if) = &attrs.required_if {
        if attrs.required.is_some() {
            cx.syn_error(required_if.loc.error(
                "`required` already demands a value in every case: keep `required` or `required_if`, not both",
            ));
        }
        if attrs.path.is_some() {
            cx.syn_error(
                required_if.loc.error("a `path` field is always required: remove `required_if`"),
            );
        }
    }
    if let (Some(_), Some(resident_id_if)) = (&attrs.resident_id, &attrs.resident_id_if) {
        cx.syn_error(resident_id_if.loc.error(
            "`resident_id` already applies in every case: keep `resident_id` or `resident_id_if`, not both",
        ));
    }
}

/// The field a condition of `field` reads: another field of the same struct.
fn check_sibling(cx: &Ctxt, cont: &Container, field: &Field, sibling: &Ident, attribute: &str) {
    let wanted = sibling.unraw().to_string();
    let own = field.ident.unraw().to_string();
    if wanted == own {
        cx.error(
            sibling.span(),
            format_args!(
                "`{attribute}` names the field itself: name the field whose value decides, e.g. `{attribute}(id_type = IdType::IdCard)`"
            ),
        );
        return;
    }
    let names: Vec<String> = cont.fields.iter().map(|f| f.ident.unraw().to_string()).collect();
    if names.contains(&wanted) {
        return;
    }
    let others = names.iter().map(String::as_str).filter(|name| *name != own);
    let hint = match attr::closest(&wanted, others) {
        Some(name) => format!("; did you mean `{name}`?"),
        None => ": a condition names a field of the same struct, by its Rust name".to_owned(),
    };
    cx.error(sibling.span(), format_args!("`{}` has no field `{wanted}`{hint}", cont.ident));
}

/// `#[serde(skip...)]` and `flatten` would drop a path or query value from the serialized
/// request, where the runtime looks for it.
fn check_serde(cx: &Ctxt, field: &Field) {
    let attrs = &field.attrs;
    for omission in &field.serde.omissions {
        let what = omission.to_string();
        if attrs.path.is_some() {
            cx.error(
                omission.span(),
                format_args!(
                    "`#[serde({what})]` cannot be used on a `path` field: the `{{{}}}` placeholder takes its value from the serialized field",
                    field.name
                ),
            );
        } else if attrs.query.is_some() && what != "skip_serializing_if" {
            cx.error(
                omission.span(),
                format_args!(
                    "`#[serde({what})]` cannot be used on a `query` field: the query takes its value from the serialized field"
                ),
            );
        }
    }
}

/// `idempotent` on a GET says nothing; `lookup` names a method and a path.
fn check_exactly_once(cx: &Ctxt, cont: &Container, method: HttpMethod) {
    if let Some(idempotent) = &cont.attrs.idempotent
        && method == HttpMethod::Get
    {
        cx.syn_error(
            idempotent.loc.error("a `get` request is always idempotent: remove `idempotent`"),
        );
    }
    if let Some(lookup) = &cont.attrs.lookup {
        let text = lookup.value.value();
        let well_formed = text.split_once(' ').is_some_and(|(method, path)| {
            matches!(method, "GET" | "POST") && path.starts_with("/v3/") && !path.contains(' ')
        });
        if !well_formed {
            cx.error(
                lookup.value.span(),
                "`lookup` names the query endpoint as \"METHOD /v3/...\", e.g. \"POST /v3/gov/subsidy/zhejiang/qualifications/query\"",
            );
        }
    }
}

/// The path template's syntax, its placeholders against the `path` fields, and the body rule.
fn check_endpoint(cx: &Ctxt, cont: &Container, endpoint: &Spanned<Endpoint>) {
    let Endpoint { method, template } = &endpoint.value;
    check_exactly_once(cx, cont, *method);
    // Every error below is reported at the whole string literal, its message saying where in
    // the path: a span inside a literal needs `proc_macro::Literal::subspan`, still unstable
    // (`proc_macro_span`, rust-lang/rust#54725), so proc-macro2's `Literal::subspan` returns
    // `None` on a stable compiler, and the position in the message is the precise pointer.
    let text = template.value();
    let placeholders = match parse_template(&text) {
        Ok(placeholders) => placeholders,
        Err(message) => {
            cx.error(template.span(), message);
            return;
        }
    };
    let mut seen = BTreeSet::new();
    for Placeholder { name, at } in &placeholders {
        let at = position(&text, at.clone());
        if !seen.insert(name.as_str()) {
            cx.error(
                template.span(),
                format_args!(
                    "the placeholder `{{{name}}}` appears twice in the path: again at {at}"
                ),
            );
            continue;
        }
        let owner = cont.fields.iter().find(|field| &field.name == name);
        match owner {
            Some(field) if field.attrs.path.is_some() => {}
            Some(field) => cx.error(
                template.span(),
                format_args!(
                    "the placeholder `{{{name}}}` ({at} of the path) needs its field marked as a path value: add `#[wechat(path)]` to `{}`",
                    field.ident
                ),
            ),
            None => cx.error(
                template.span(),
                format_args!(
                    "the placeholder `{{{name}}}` ({at} of the path) has no field: add a field serialized as `{name}` marked `#[wechat(path)]`"
                ),
            ),
        }
    }
    for field in &cont.fields {
        if let Some(path) = &field.attrs.path
            && !placeholders.iter().any(|placeholder| placeholder.name == field.name)
        {
            cx.syn_error(path.loc.error(format_args!(
                "`{}` is a path field but the path \"{}\" has no `{{{}}}` placeholder",
                field.ident,
                template.value(),
                field.name
            )));
        }
    }
    if !method.has_body() {
        for field in cont.fields.iter().filter(|field| field.in_body()) {
            let skipped = field
                .serde
                .omissions
                .iter()
                .any(|ident| ident == "skip" || ident == "skip_serializing");
            if !skipped {
                cx.error(
                    field.span(),
                    format_args!(
                        "a `{}` request has no body: mark `{}` as `#[wechat(query)]` or `#[wechat(path)]`",
                        method.upper(),
                        field.ident
                    ),
                );
            }
        }
    }
}

/// A `{name}` in the path template and the bytes it spans there.
struct Placeholder {
    name: String,
    at: Range<usize>,
}

/// The placeholders of the path template `text`, or what is wrong with it and where.
fn parse_template(text: &str) -> Result<Vec<Placeholder>, String> {
    if !text.starts_with('/') {
        return Err(format!("the path must start with `/`: \"{text}\""));
    }
    if let Some((index, bad)) = text.char_indices().find(|&(_, c)| matches!(c, '?' | '#')) {
        let at = position(text, index..index + 1);
        return Err(format!(
            "the path cannot contain `{bad}` ({at} of the path): query parameters come from fields marked `#[wechat(query)]`"
        ));
    }
    if let Some((index, bad)) = text.char_indices().find(|&(_, c)| !is_path_char(c)) {
        let at = position(text, index..index + bad.len_utf8());
        return Err(format!(
            "the path cannot contain {bad:?} ({at} of the path): URL parsers rewrite it, so the path sent would differ from the path signed (allowed: ASCII letters, digits, `-._~!$&'()*+,;=:@/` and `{{placeholders}}`)"
        ));
    }
    let mut start = 0;
    for segment in text.split('/') {
        if segment == "." || segment == ".." {
            let at = position(text, start..start + segment.len());
            return Err(format!(
                "the path cannot contain a `{segment}` segment ({at} of the path): URL parsers resolve it, so the path sent would differ from the path signed"
            ));
        }
        start += segment.len() + 1;
    }
    let mut placeholders = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find(['{', '}']) {
        let open = from + found;
        if text[open..].starts_with('}') {
            let at = position(text, open..open + 1);
            return Err(format!("unbalanced `}}` at {at} of the path \"{text}\""));
        }
        let after = &text[open + 1..];
        let Some(close) = after.find(['{', '}']).filter(|&i| after[i..].starts_with('}')) else {
            let at = position(text, open..open + 1);
            return Err(format!(
                "unbalanced `{{` at {at} of the path \"{text}\": every `{{` needs a `}}`"
            ));
        };
        let name = &after[..close];
        let end = open + 1 + close + 1;
        let at = open..end;
        if name.is_empty() {
            let at = position(text, at);
            return Err(format!(
                "empty placeholder `{{}}` ({at} of the path): name it after a path field"
            ));
        }
        if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            let at = position(text, at);
            return Err(format!(
                "the placeholder `{{{name}}}` ({at} of the path) may contain only ASCII letters, digits and `_`"
            ));
        }
        placeholders.push(Placeholder { name: name.to_owned(), at });
        from = end;
    }
    Ok(placeholders)
}

/// Where `bytes` stand in the path template `text`, for a message: "characters 11–19", counted
/// in characters from 1, as a reader counts them in the string literal.
fn position(text: &str, bytes: Range<usize>) -> String {
    let first = text[..bytes.start].chars().count() + 1;
    let last = first + text[bytes].chars().count() - 1;
    if first == last {
        format!("character {first}")
    } else {
        format!("characters {first}–{last}")
    }
}

/// RFC 3986's path characters that no URL parser rewrites, and the placeholder braces.
fn is_path_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@/{}".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(text: &str) -> Result<Vec<String>, String> {
        parse_template(text).map(|found| found.into_iter().map(|p| p.name).collect())
    }

    #[test]
    fn finds_placeholders_in_order() {
        assert_eq!(
            placeholders("/v3/a/{sub_mchid}/b/{out_trade_no}").unwrap(),
            ["sub_mchid", "out_trade_no"]
        );
        assert_eq!(placeholders("/v3/plain").unwrap(), Vec::<String>::new());
    }

    #[test]
    fn says_where_in_the_path() {
        let at = |text: &str| parse_template(text).err().unwrap();
        assert!(at("/v3/订单").contains("(character 5 of the path)"));
        assert!(at("/v3/ab/{a-b}").contains("(characters 8–12 of the path)"));
        assert!(at("/v3/a/../b").contains("characters 7–8 of the path"));
        assert!(at("/v3/a}").contains("at character 6 of the path"));
        let found = parse_template("/v3/{a}/{bc}").unwrap();
        assert_eq!(position("/v3/{a}/{bc}", found[1].at.clone()), "characters 9–12");
    }

    #[test]
    fn refuses_malformed_templates() {
        for bad in [
            "v3/a",
            "/v3/a?b=1",
            "/v3/{a",
            "/v3/a}",
            "/v3/{}",
            "/v3/{a-b}",
            "/v3/{a{b}}",
            "/v3/a b",
            "/v3/a\\b",
            "/v3/\"a\"",
            "/v3/<a>",
            "/v3/订单",
            "/v3/a%20b",
            "/v3/./a",
            "/v3/../a",
            "/v3/a/..",
        ] {
            assert!(placeholders(bad).is_err(), "{bad}");
        }
    }
}
