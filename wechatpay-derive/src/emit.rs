//! Code generation. Reads only the checked model; every runtime item is named by absolute path
//! through the crate path, and everything is wrapped in `const _: () = { ... };`.
//!
//! Every impl is `#[diagnostic::do_not_recommend]`: otherwise rustc lists the user's records (and
//! the facade's endpoints) under "the following other types implement trait …" in errors about
//! other types, a list that changes with every record added.

use proc_macro2::{Delimiter, Group, Ident, Span, TokenStream, TokenTree};
use quote::{ToTokens, quote, quote_spanned};
use syn::ext::IdentExt as _;
use syn::{GenericArgument, PathArguments, Type};

use crate::ast::{Container, Field, Kind};
use crate::attr::{Condition, HttpMethod};

/// The impls for a checked container.
pub fn emit(cont: &Container) -> TokenStream {
    let krate = cont.krate();
    let validate = validate_impl(cont, &krate);
    let encrypt = encrypt_impl(cont, &krate);
    let describe = describe_impl(cont, &krate);
    let request = (cont.kind == Kind::Request).then(|| request_impl(cont, &krate));
    let probes = cont
        .fields
        .iter()
        .enumerate()
        .map(|(index, field)| record_probe(cont, index, field, &krate));
    let ident = cont.ident;
    quote! {
        #[doc(hidden)]
        #[allow(non_upper_case_globals, unused_qualifications)]
        const _: () = {
            #validate
            #encrypt
            #describe
            #[automatically_derived]
            #[diagnostic::do_not_recommend]
            impl #krate::request::__private::HoldsRecords for #ident {}
            #request
            #(#probes)*
        };
    }
}

/// `impl Validate`: each field's rules with its serialized name, then the struct-level hook.
fn validate_impl(cont: &Container, krate: &TokenStream) -> TokenStream {
    let ident = cont.ident;
    let checker = checker_ident();
    let needs_probes =
        cont.fields.iter().any(|f| f.attrs.nested.is_some() || f.attrs.path.is_some());
    let probes = needs_probes.then(|| {
        quote! {
            #[allow(unused_imports)]
            use #krate::request::__private::{NeverAbsent as _, NotARecord as _};
        }
    });
    let checks = cont.fields.iter().map(|field| field_checks(cont, field, krate));
    let hook = cont.attrs.validate_with.as_ref().map(|hook| {
        // Through a typed fn pointer, so that a wrong signature is reported as such.
        let path = &hook.value;
        let krate = respan(krate.clone(), hook.loc.start);
        let rule = Ident::new("__rule", Span::mixed_site());
        quote_spanned! {hook.loc.start=>
            let #rule: fn(&Self, &mut #krate::request::Checker<'_>) = #path;
            #rule(self, #checker);
        }
    });
    quote! {
        #[automatically_derived]
        #[diagnostic::do_not_recommend]
        impl #krate::request::Validate for #ident {
            fn validate_into(&self, #checker: &mut #krate::request::Checker<'_>) {
                #probes
                #(#checks)*
                #hook
            }
        }
    }
}

/// The checks of one field, each spanned at the field so that a rule the type cannot take is
/// reported there with the trait's `on_unimplemented` message.
fn field_checks(cont: &Container, field: &Field, krate: &TokenStream) -> TokenStream {
    let attrs = &field.attrs;
    let name = &field.name;
    let ty = &field.ty;
    let value = field_ref(field);
    let checker = checker_ident();
    let span = field.span();
    let krate = &respan(krate.clone(), span);
    let checker_ty = quote_spanned!(span=> #krate::request::Checker);
    let mut out = TokenStream::new();
    if attrs.required.is_some() {
        out.extend(quote_spanned!(span=> #checker_ty::required(#checker, #name, #value);));
    } else if attrs.path.is_some() {
        out.extend(quote_spanned!(span=>
            #krate::request::__private::PresenceProbe::<#ty>::required(#checker, #name, #value);
        ));
    }
    if let Some(required_if) = &attrs.required_if {
        let condition = &required_if.value;
        let test = condition_test(cont, condition, krate);
        let (sibling, expected) = (&sibling(cont, condition).name, value_text(&condition.value));
        out.extend(quote_spanned!(span=>
            if #test {
                #checker_ty::required_if(#checker, #name, #value, #sibling, #expected);
            }
        ));
    }
    let (min, max) = length_bounds(field);
    if min.is_some() || max.is_some() {
        let bound = |bound: Option<usize>| match bound {
            Some(n) => quote!(::core::option::Option::Some(#n)),
            None => quote!(::core::option::Option::None),
        };
        let (min, max) = (bound(min), bound(max));
        out.extend(
            quote_spanned!(span=> #checker_ty::length(#checker, #name, #value, #min, #max);),
        );
    }
    if let Some(digits) = &attrs.digits {
        let counts = &digits.value;
        out.extend(
            quote_spanned!(span=> #checker_ty::digits(#checker, #name, #value, &[#(#counts),*]);),
        );
    }
    if let Some(one_of) = &attrs.one_of {
        let allowed = &one_of.value;
        out.extend(
            quote_spanned!(span=> #checker_ty::one_of(#checker, #name, #value, &[#(#allowed),*]);),
        );
    }
    if attrs.uscc.is_some() {
        out.extend(quote_spanned!(span=> #checker_ty::uscc(#checker, #name, #value);));
    }
    if attrs.resident_id.is_some() {
        out.extend(quote_spanned!(span=> #checker_ty::resident_id(#checker, #name, #value);));
    }
    if let Some(resident_id_if) = &attrs.resident_id_if {
        let test = condition_test(cont, &resident_id_if.value, krate);
        out.extend(quote_spanned!(span=>
            if #test {
                #checker_ty::resident_id(#checker, #name, #value);
            }
        ));
    }
    if attrs.nested.is_some() {
        out.extend(quote_spanned!(span=>
            #krate::request::__private::RecordProbe::<#ty>::validate_into(
                #value,
                &mut #checker_ty::field(#checker, #name),
            );
        ));
    }
    out
}

/// The field a condition reads (`check.rs` has made sure it exists).
fn sibling<'c, 'a>(cont: &'c Container<'a>, condition: &Condition) -> &'c Field<'a> {
    cont.fields
        .iter()
        .find(|field| field.ident.unraw() == condition.field.unraw())
        .expect("check.rs refuses a condition on a missing field")
}

/// Whether the sibling equals the condition's value. The value comes first, so that a value of
/// the wrong type is reported at the value.
fn condition_test(cont: &Container, condition: &Condition, krate: &TokenStream) -> TokenStream {
    let span = condition.field.span();
    let start = condition.value.clone().into_iter().next().map_or(span, |token| token.span());
    let mut member = sibling(cont, condition).ident.clone();
    member.set_span(span);
    let krate = respan(krate.clone(), span);
    // An invisible group keeps an expression such as `a | b` in one piece after the `&`.
    let value = Group::new(Delimiter::None, condition.value.clone());
    let value = quote_spanned!(start=> &#value);
    quote_spanned!(span=> #krate::request::Matches::matches(#value, &self.#member))
}

/// A condition's value as written, for messages and metadata: `IdType::IdCard`.
fn value_text(value: &TokenStream) -> String {
    value.to_string().replace(" :: ", "::").replace(":: ", "::")
}

/// `impl Describe`: every serialized field's metadata, in declaration order.
fn describe_impl(cont: &Container, krate: &TokenStream) -> TokenStream {
    let ident = cont.ident;
    let fields = cont.fields.iter().filter(|field| !is_skipped(field)).map(|field| {
        let name = &field.name;
        let place = match (&field.attrs.path, &field.attrs.query) {
            (Some(_), _) => quote!(Path),
            (None, Some(_)) => quote!(Query),
            (None, None) => quote!(Body),
        };
        let required = always_sent(field);
        let encrypted = field.attrs.encrypt.is_some();
        let redacted = field.attrs.redact.is_some();
        let list = is_list(field.ty);
        let rules = rules_meta(cont, field, krate);
        let doc = &field.doc;
        let nested = match &field.attrs.nested {
            // Its own fields again: the constant would refer to itself, and the paths never end.
            Some(_) if mentions(field.ty.to_token_stream(), cont.ident) => {
                quote!(::core::option::Option::None)
            }
            Some(_) => {
                let ty = &field.ty;
                let private = quote!(#krate::request::__private);
                quote!(::core::option::Option::Some({
                    #[allow(unused_imports)]
                    use #private::NotARecord as _;
                    #private::RecordProbe::<#ty>::FIELDS
                }))
            }
            None => quote!(::core::option::Option::None),
        };
        quote! {
            #krate::request::FieldInfo {
                name: #name,
                place: #krate::request::Place::#place,
                required: #required,
                encrypted: #encrypted,
                redacted: #redacted,
                list: #list,
                rules: &[#(#rules),*],
                doc: #doc,
                nested: #nested,
            }
        }
    });
    quote! {
        #[automatically_derived]
        #[diagnostic::do_not_recommend]
        impl #krate::request::Describe for #ident {
            const FIELDS: &'static [#krate::request::FieldInfo] = &[#(#fields),*];
        }
    }
}

/// The field's rules other than `required`, as `Rule` values, in the order they are checked.
fn rules_meta(cont: &Container, field: &Field, krate: &TokenStream) -> Vec<TokenStream> {
    let attrs = &field.attrs;
    let rule = quote!(#krate::request::Rule);
    let when = |condition: &Condition, then: TokenStream| {
        let sibling = &sibling(cont, condition).name;
        let value = value_text(&condition.value);
        quote!(#rule::When { field: #sibling, value: #value, then: &#then })
    };
    let bound = |bound: Option<usize>| match bound {
        Some(n) => quote!(::core::option::Option::Some(#n)),
        None => quote!(::core::option::Option::None),
    };
    let mut out = Vec::new();
    if let Some(required_if) = &attrs.required_if {
        let sibling = &sibling(cont, &required_if.value).name;
        let value = value_text(&required_if.value.value);
        out.push(quote!(#rule::RequiredIf { field: #sibling, value: #value }));
    }
    let (min, max) = length_bounds(field);
    if min.is_some() || max.is_some() {
        let (min, max) = (bound(min), bound(max));
        out.push(quote!(#rule::Length { min: #min, max: #max }));
    }
    if let Some(digits) = &attrs.digits {
        let counts = &digits.value;
        out.push(quote!(#rule::Digits { counts: &[#(#counts),*] }));
    }
    if let Some(one_of) = &attrs.one_of {
        let allowed = &one_of.value;
        out.push(quote!(#rule::OneOf { allowed: &[#(#allowed),*] }));
    }
    if attrs.uscc.is_some() {
        out.push(quote!(#rule::Uscc));
    }
    if attrs.resident_id.is_some() {
        out.push(quote!(#rule::ResidentId));
    }
    if let Some(resident_id_if) = &attrs.resident_id_if {
        out.push(when(&resident_id_if.value, quote!(#rule::ResidentId)));
    }
    out
}

/// Whether `tokens` name the struct `ident`, as `Self` or by name.
fn mentions(tokens: TokenStream, ident: &Ident) -> bool {
    tokens.into_iter().any(|token| match token {
        TokenTree::Ident(found) => found == "Self" || found == *ident,
        TokenTree::Group(group) => mentions(group.stream(), ident),
        TokenTree::Punct(_) | TokenTree::Literal(_) => false,
    })
}

/// `len`, or `min_len` and `max_len`.
fn length_bounds(field: &Field) -> (Option<usize>, Option<usize>) {
    let attrs = &field.attrs;
    match (&attrs.len, &attrs.min_len, &attrs.max_len) {
        (Some(len), _, _) => (Some(len.value), Some(len.value)),
        (None, min, max) => (min.as_ref().map(|v| v.value), max.as_ref().map(|v| v.value)),
    }
}

/// Whether serde never serializes the field (`skip`, `skip_serializing`): it is not described.
fn is_skipped(field: &Field) -> bool {
    field.serde.omissions.iter().any(|ident| ident == "skip" || ident == "skip_serializing")
}

/// Whether the field is always sent: marked `required` or `path`, or of a type that cannot be
/// absent and that serde does not leave out.
fn always_sent(field: &Field) -> bool {
    let attrs = &field.attrs;
    attrs.required.is_some()
        || attrs.path.is_some()
        || (attrs.required_if.is_none()
            && field.serde.omissions.is_empty()
            && generic_of(field.ty, "Option").is_none())
}

/// Whether the field is a sequence: `Vec<…>` or `Option<Vec<…>>`.
fn is_list(ty: &Type) -> bool {
    let inner = generic_of(ty, "Option").unwrap_or(ty);
    generic_of(inner, "Vec").is_some()
}

/// `T` when `ty` is written `Name<T>` (with any path before `Name`).
fn generic_of<'a>(ty: &'a Type, name: &str) -> Option<&'a Type> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last().filter(|segment| segment.ident == name)?;
    let PathArguments::AngleBracketed(arguments) = &last.arguments else { return None };
    match arguments.args.first()? {
        GenericArgument::Type(inner) if path.qself.is_none() => Some(inner),
        _ => None,
    }
}

/// `impl EncryptFields`: a new value built field by field.
fn encrypt_impl(cont: &Container, krate: &TokenStream) -> TokenStream {
    let ident = cont.ident;
    let encryptor = Ident::new("__encryptor", Span::mixed_site());
    let private = quote!(#krate::request::__private);
    let nested: Vec<&Field> = cont.fields.iter().filter(|f| f.attrs.nested.is_some()).collect();
    let has_encrypted = if cont.fields.iter().any(|f| f.attrs.encrypt.is_some()) {
        quote!(true)
    } else if nested.is_empty() {
        quote!(false)
    } else {
        let terms = nested.iter().map(|field| {
            let ty = &field.ty;
            quote_spanned!(field.span()=> #private::RecordProbe::<#ty>::HAS_ENCRYPTED_FIELDS)
        });
        quote!({
            #[allow(unused_imports)]
            use #private::NotARecord as _;
            #(#terms)||*
        })
    };
    let inits: Vec<TokenStream> = cont
        .fields
        .iter()
        .enumerate()
        .map(|(index, field)| {
            let member = field.ident;
            let ty = &field.ty;
            let value = field_ref(field);
            let span = field.span();
            let krate = respan(krate.clone(), span);
            let private = quote_spanned!(span=> #krate::request::__private);
            let init = if field.attrs.encrypt.is_some() {
                quote_spanned!(span=> #krate::request::EncryptValue::encrypt_value(#value, #encryptor)?)
            } else if field.attrs.nested.is_some() {
                quote_spanned!(span=> #private::RecordProbe::<#ty>::encrypt_fields(#value, #encryptor)?)
            } else if is_probed(field) {
                // Chosen by the probe its checks read: a field holding records is refused there,
                // and is not also asked for `Clone` here. A missing `Clone` is reported at the
                // field's type.
                let holds = holds_records_ident(index, span);
                quote_spanned!(span=> <#ty as #private::CopyField<{ #holds }>>::wechat_copy_field(#value)?)
            } else {
                quote_spanned!(span=> ::core::clone::Clone::clone(#value))
            };
            quote!(#member: #init)
        })
        .collect();
    let probes = (!nested.is_empty()).then(|| {
        quote! {
            #[allow(unused_imports)]
            use #private::NotARecord as _;
        }
    });
    quote! {
        #[automatically_derived]
        #[diagnostic::do_not_recommend]
        impl #krate::request::EncryptFields for #ident {
            const HAS_ENCRYPTED_FIELDS: ::core::primitive::bool = #has_encrypted;

            fn encrypt_fields(
                &self,
                #encryptor: &#private::FieldEncryptor,
            ) -> ::core::result::Result<Self, #private::CryptoError> {
                #probes
                ::core::result::Result::Ok(Self { #(#inits,)* })
            }
        }
    }
}

/// `impl WechatRequest`: the response type, method, path template and query names.
fn request_impl(cont: &Container, krate: &TokenStream) -> TokenStream {
    let ident = cont.ident;
    let attrs = &cont.attrs;
    let (Some(endpoint), Some(response)) = (&attrs.endpoint, &attrs.response) else {
        unreachable!("check.rs requires the endpoint and the response of a request");
    };
    let response = &response.value;
    let http_method = endpoint.value.method;
    let method = Ident::new(http_method.variant(), Span::call_site());
    let idempotent = http_method == HttpMethod::Get || attrs.idempotent.is_some();
    let lookup = match &attrs.lookup {
        Some(lookup) => {
            let lookup = &lookup.value;
            quote!(::core::option::Option::Some(#lookup))
        }
        None => quote!(::core::option::Option::None),
    };
    let template = &endpoint.value.template;
    let query = cont.fields.iter().filter(|f| f.attrs.query.is_some()).map(|f| &f.name);
    let title = &cont.title;
    quote! {
        #[automatically_derived]
        #[diagnostic::do_not_recommend]
        impl #krate::request::WechatRequest for #ident {
            type Response = #response;
            const DOC: &'static ::core::primitive::str = #title;
            const METHOD: #krate::request::Method = #krate::request::Method::#method;
            const PATH: &'static ::core::primitive::str = #template;
            const QUERY: &'static [&'static ::core::primitive::str] = &[#(#query),*];
            const IDEMPOTENT: ::core::primitive::bool = #idempotent;
            const LOOKUP: ::core::option::Option<&'static ::core::primitive::str> = #lookup;
        }
    }
}

/// The compile-time check of one field's type: a `nested` field must hold records, and any
/// other field must not (forgetting `nested` would silently skip their rules and encryption).
///
/// Records are found by type (`HoldsRecords`, which sees through std containers and aliases of
/// them) and, for the types written inside the field's type, one by one: that finds them in
/// tuples, which no impl can cover, and in generic types of the user's own.
///
/// Each check is written so that its error names the user's types, and no `__private` path: a
/// direct use of the trait (no helper function whose internal path rustc would print as "required
/// by a bound in …"). The two checks of the probes' `bool`s are bounds on the field's type,
/// `<Type as PlainField<{ IS_RECORD }>>::…`, whose trait's message says all there is to say (a
/// `const` panic would be reported as a failed evaluation, E0080).
fn record_probe(cont: &Container, index: usize, field: &Field, krate: &TokenStream) -> TokenStream {
    let ty = replace_self(field.ty.to_token_stream(), cont.ident);
    let private = quote!(#krate::request::__private);
    let span = field.span();
    if field.attrs.nested.is_some() {
        // At the type, with `EncryptFields`' message: "`Arc<Person>` is not a WeChat Pay record".
        let krate = respan(krate.clone(), span);
        return quote_spanned!(span=>
            const _: ::core::primitive::bool =
                <#ty as #krate::request::EncryptFields>::HAS_ENCRYPTED_FIELDS;
        );
    }
    // The unsizing cast reports `RedactValue`'s message, noted "required for the cast from
    // `&String` to `&dyn RedactValue`"; `&*value` runs from the type's first token to its last,
    // so that the error underlines the type.
    let redacted = field.attrs.redact.is_some().then(|| {
        let krate = respan(krate.clone(), span);
        let mut tokens = field.ty.to_token_stream().into_iter().map(|token| token.span());
        let first = tokens.next().unwrap_or(span);
        let value = Ident::new("value", tokens.last().unwrap_or(first));
        let cast = quote_spanned!(first=> &*#value);
        quote_spanned!(span=>
            const _: fn(&#ty) -> &dyn #krate::request::RedactValue = |#value| #cast;
        )
    });
    if !is_probed(field) {
        return redacted.unwrap_or_default();
    }
    let probe = |ty: &TokenStream| {
        [
            quote!(#private::RecordProbe::<#ty>::IS_RECORD),
            quote!(#private::RecordProbe::<#ty>::HOLDS_RECORDS),
        ]
    };
    let mut held = probe(&ty).to_vec();
    let mut inner = Vec::new();
    inner_types(field.ty, &mut inner);
    let mut seen = Vec::new();
    for inner in inner {
        let tokens = inner.to_token_stream();
        let key = tokens.to_string();
        if !is_plain(tokens.clone()) && !seen.contains(&key) {
            seen.push(key);
            held.extend(probe(&replace_self(tokens, cont.ident)));
        }
    }
    // The checks are reported at the field's type (its tokens keep their spans), with the
    // message of `PlainField` or `PlainFieldContents`.
    let holds = holds_records_ident(index, span);
    let is_record = is_record_ident(index, span);
    quote_spanned! {span=>
        #redacted
        const #is_record: ::core::primitive::bool = {
            #[allow(unused_imports)]
            use #private::NotARecord as _;
            #private::RecordProbe::<#ty>::IS_RECORD
        };
        const #holds: ::core::primitive::bool = {
            #[allow(unused_imports)]
            use #private::NotARecord as _;
            #(#held)||*
        };
        const _: () = <#ty as #private::PlainField<{ #is_record }>>::WECHAT_PLAIN_FIELD;
        const _: () =
            <#ty as #private::PlainFieldContents<{ #holds && !#is_record }>>::WECHAT_PLAIN_FIELD_CONTENTS;
    }
}

/// Whether a field's type is probed for records: not `nested` (which requires them) nor `encrypt`
/// (which demands a text type), and not built only from std scalars and containers.
fn is_probed(field: &Field) -> bool {
    field.attrs.nested.is_none()
        && field.attrs.encrypt.is_none()
        && !is_plain(field.ty.to_token_stream())
}

/// The constant that tells whether field `index` holds records, for its checks and its copy.
fn holds_records_ident(index: usize, span: Span) -> Ident {
    Ident::new(&format!("__WECHAT_FIELD_{index}_HOLDS_RECORDS"), span)
}

/// The constant that tells whether field `index` is a record left without `nested`.
fn is_record_ident(index: usize, span: Span) -> Ident {
    Ident::new(&format!("__WECHAT_FIELD_{index}_IS_RECORD"), span)
}

/// The named types written inside `ty`, at every depth: in generic arguments and in array,
/// slice, reference and tuple elements. The arrays, tuples… themselves are left out: only their
/// elements can be records. Not `PhantomData`'s argument (it holds no value), nor a bare
/// upper-case name in argument position, which may be a constant (`ArrayVec<u8, CAP>`).
fn inner_types<'a>(ty: &'a Type, out: &mut Vec<&'a Type>) {
    let mut inner = |ty: &'a Type| {
        if let Type::Path(_) = ty {
            out.push(ty);
        }
        inner_types(ty, out);
    };
    match ty {
        Type::Path(path) => {
            for segment in &path.path.segments {
                let PathArguments::AngleBracketed(arguments) = &segment.arguments else { continue };
                if segment.ident == "PhantomData" {
                    continue;
                }
                for argument in &arguments.args {
                    if let GenericArgument::Type(ty) = argument
                        && !may_be_a_constant(ty)
                    {
                        inner(ty);
                    }
                }
            }
        }
        Type::Array(array) => inner(&array.elem),
        Type::Slice(slice) => inner(&slice.elem),
        Type::Reference(reference) => inner(&reference.elem),
        Type::Paren(paren) => inner(&paren.elem),
        Type::Group(group) => inner(&group.elem),
        Type::Tuple(tuple) => tuple.elems.iter().for_each(inner),
        _ => {}
    }
}

/// `CAP` in `ArrayVec<u8, CAP>` parses as a type; a name without lower-case letters is taken for
/// a constant.
fn may_be_a_constant(ty: &Type) -> bool {
    let Type::Path(path) = ty else { return false };
    path.qself.is_none()
        && path.path.segments.len() == 1
        && path.path.segments[0].arguments.is_none()
        && !path.path.segments[0].ident.to_string().chars().any(|c| c.is_lowercase())
}

/// `tokens` with every span set to `span`, so that an error in a generated call points at the field
/// as a whole rather than at the derive.
fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut token| {
            if let TokenTree::Group(group) = &token {
                let mut replaced = Group::new(group.delimiter(), respan(group.stream(), span));
                replaced.set_span(span);
                token = TokenTree::Group(replaced);
            }
            token.set_span(span);
            token
        })
        .collect()
}

/// Whether `ty` is built only from std scalars and containers (`Option<Vec<String>>`, `u64`): such
/// a type holds no record, so the probe is left out of the expansion.
fn is_plain(ty: TokenStream) -> bool {
    const PLAIN: &[&str] = &[
        "String", "str", "bool", "char", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16",
        "i32", "i64", "i128", "isize", "f32", "f64", "Option", "Vec", "Box",
    ];
    ty.into_iter().all(|token| match token {
        TokenTree::Ident(ident) => PLAIN.iter().any(|plain| ident == plain),
        TokenTree::Punct(punct) => matches!(punct.as_char(), '<' | '>' | ','),
        TokenTree::Group(_) | TokenTree::Literal(_) => false,
    })
}

/// The checker parameter of `validate_into`, invisible to user code.
fn checker_ident() -> Ident {
    Ident::new("__checker", Span::mixed_site())
}

/// `&self.field`, spanned from the field's name to the end of its type, so that a type error in a
/// generated call underlines the whole `name: Type` declaration.
fn field_ref(field: &Field) -> TokenStream {
    let start = field.span();
    let end = field.ty.to_token_stream().into_iter().last().map_or(start, |token| token.span());
    let mut member = field.ident.clone();
    member.set_span(end);
    quote_spanned!(start=> &self.#member)
}

/// `Self` in a field type names the struct; outside its impls it must be spelled out.
fn replace_self(tokens: TokenStream, ident: &Ident) -> TokenStream {
    tokens
        .into_iter()
        .map(|token| match token {
            TokenTree::Ident(found) if found == "Self" => {
                let mut ident = ident.clone();
                ident.set_span(found.span());
                TokenTree::Ident(ident)
            }
            TokenTree::Group(group) => {
                let mut replaced =
                    Group::new(group.delimiter(), replace_self(group.stream(), ident));
                replaced.set_span(group.span());
                TokenTree::Group(replaced)
            }
            other => other,
        })
        .collect()
}
