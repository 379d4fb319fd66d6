//! Code generation. Reads only the checked model; every runtime item is named by absolute path
//! through the crate path, and everything is wrapped in `const _: () = { ... };`.

use proc_macro2::{Group, Ident, Span, TokenStream, TokenTree};
use quote::{ToTokens, quote, quote_spanned};

use crate::ast::{Container, Field, Kind};

/// The impls for a checked container.
pub fn emit(cont: &Container) -> TokenStream {
    let krate = cont.krate();
    let validate = validate_impl(cont, &krate);
    let encrypt = encrypt_impl(cont, &krate);
    let request = (cont.kind == Kind::Request).then(|| request_impl(cont, &krate));
    let debug = cont.attrs.debug.is_some().then(|| debug_impl(cont));
    let probes = cont.fields.iter().map(|field| record_probe(cont, field, &krate));
    quote! {
        #[doc(hidden)]
        #[allow(non_upper_case_globals, unused_qualifications)]
        const _: () = {
            #validate
            #encrypt
            #request
            #debug
            #(#probes)*
        };
    }
}

/// `impl Debug` that shows every field but the `encrypt` ones, so that logging a request never
/// prints the personal data it carries.
fn debug_impl(cont: &Container) -> TokenStream {
    let ident = cont.ident;
    let name = ident.to_string();
    let fields = cont.fields.iter().map(|field| {
        let rust_name = field.ident.to_string();
        let member = field.ident;
        if field.attrs.encrypt.is_some() {
            quote!(.field(#rust_name, &::core::format_args!("<redacted>")))
        } else {
            quote!(.field(#rust_name, &self.#member))
        }
    });
    quote! {
        #[automatically_derived]
        impl ::core::fmt::Debug for #ident {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.debug_struct(#name) #(#fields)* .finish()
            }
        }
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
    let checks = cont.fields.iter().map(|field| field_checks(field, krate));
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
fn field_checks(field: &Field, krate: &TokenStream) -> TokenStream {
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
    let (min, max) = match (&attrs.len, &attrs.min_len, &attrs.max_len) {
        (Some(len), _, _) => (Some(len.value), Some(len.value)),
        (None, min, max) => (min.as_ref().map(|v| v.value), max.as_ref().map(|v| v.value)),
    };
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
    let mut uses_probe = !nested.is_empty();
    let inits: Vec<TokenStream> = cont
        .fields
        .iter()
        .map(|field| {
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
            } else if is_plain(ty.to_token_stream()) {
                quote_spanned!(span=> ::core::clone::Clone::clone(#value))
            } else {
                // A record without `nested` is refused by its probe; going through the probe here
                // too keeps that the only error (no "`Clone` is not implemented" besides it).
                uses_probe = true;
                quote_spanned!(span=> #private::RecordProbe::<#ty>::copy_field(#value, #encryptor)?)
            };
            quote!(#member: #init)
        })
        .collect();
    let probes = uses_probe.then(|| {
        quote! {
            #[allow(unused_imports)]
            use #private::NotARecord as _;
        }
    });
    quote! {
        #[automatically_derived]
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
    let method = Ident::new(endpoint.value.method.variant(), Span::call_site());
    let template = &endpoint.value.template;
    let query = cont.fields.iter().filter(|f| f.attrs.query.is_some()).map(|f| &f.name);
    quote! {
        #[automatically_derived]
        impl #krate::request::WechatRequest for #ident {
            type Response = #response;
            const METHOD: #krate::request::Method = #krate::request::Method::#method;
            const PATH: &'static ::core::primitive::str = #template;
            const QUERY: &'static [&'static ::core::primitive::str] = &[#(#query),*];
        }
    }
}

/// The compile-time check of one field's type: a `nested` field must hold records, and any
/// other field must not (forgetting `nested` would silently skip their rules and encryption).
fn record_probe(cont: &Container, field: &Field, krate: &TokenStream) -> TokenStream {
    let ty = replace_self(field.ty.to_token_stream(), cont.ident);
    let private = quote!(#krate::request::__private);
    let span = field.span();
    if field.attrs.nested.is_some() {
        return quote_spanned!(span=> const _: () = #private::require_record::<#ty>(););
    }
    if field.attrs.encrypt.is_some() || is_plain(field.ty.to_token_stream()) {
        // `encrypt` already demands a text type, and plain std types are visibly not records.
        return TokenStream::new();
    }
    let message = format!(
        "field `{}` holds WeChat Pay records: mark it #[wechat(nested)] so that their rules and encrypted fields apply",
        field.ident
    );
    quote_spanned! {span=>
        const _: () = {
            #[allow(unused_imports)]
            use #private::NotARecord as _;
            ::core::assert!(!#private::RecordProbe::<#ty>::IS_RECORD, #message);
        };
    }
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
