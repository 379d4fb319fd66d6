//! After an error: the error itself plus stub impls, so that the user sees the precise message and
//! not a cascade of "`WechatRequest` is not implemented" errors wherever the type is used (the
//! approach of thiserror's `fallback.rs`). The stubs are never run: the crate does not compile.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use crate::ast::Kind;
use crate::attr;
use crate::ctxt::Ctxt;

/// `error` as `compile_error!`s, followed by stub impls of the derive's traits.
pub fn expand(input: &DeriveInput, kind: Kind, error: syn::Error) -> TokenStream {
    let errors = error.into_compile_error();
    // What can still be read of the attributes; their errors are already in `error`.
    let cx = Ctxt::new();
    let attrs = attr::container_attrs(&cx, &input.attrs);
    let _ = cx.check();
    let krate = match &attrs.krate {
        Some(path) => {
            let path = &path.value;
            quote!(#path)
        }
        None => quote!(::wechatpay_apiv3),
    };
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let private = quote!(#krate::request::__private);
    // A union cannot implement `Serialize`, which `WechatRequest` requires: no stub for it.
    let is_union = matches!(input.data, syn::Data::Union(_));
    let request = (kind == Kind::Request && !is_union).then(|| {
        let response = match &attrs.response {
            Some(response) => {
                let ty = &response.value;
                quote!(#ty)
            }
            None => quote!(()),
        };
        let (method, template) = match &attrs.endpoint {
            Some(endpoint) => {
                let method = syn::Ident::new(endpoint.value.method.variant(), proc_macro2::Span::call_site());
                let template = endpoint.value.template.value();
                (quote!(#method), template)
            }
            None => (quote!(Get), String::new()),
        };
        // A generic type's `Serialize` impl has bounds of its own; state it rather than guess them
        // (and `EncryptFields`'s `Send + Sync`, as on its stub below).
        let serialize = (!input.generics.params.is_empty()).then(|| {
            let predicates = where_clause.map(|clause| &clause.predicates);
            quote!(where Self: #private::serde::Serialize + ::core::marker::Send + ::core::marker::Sync, #predicates)
        });
        let where_clause = if serialize.is_some() { None } else { where_clause };
        quote! {
            #[automatically_derived]
            impl #impl_generics #krate::request::WechatRequest for #ident #ty_generics #where_clause #serialize {
                type Response = #response;
                const DOC: &'static ::core::primitive::str = "";
                const METHOD: #krate::request::Method = #krate::request::Method::#method;
                const PATH: &'static ::core::primitive::str = #template;
                const QUERY: &'static [&'static ::core::primitive::str] = &[];
                const IDEMPOTENT: ::core::primitive::bool = false;
            }
        }
    });
    // `EncryptFields` requires `Send + Sync`, which a generic type has only for some parameters:
    // state it rather than report it on top of the error.
    let encrypt_where = if input.generics.params.is_empty() {
        quote!(#where_clause)
    } else {
        let predicates = where_clause.map(|clause| &clause.predicates);
        quote!(where Self: ::core::marker::Send + ::core::marker::Sync, #predicates)
    };
    quote! {
        #errors
        #[doc(hidden)]
        #[allow(unused_qualifications)]
        const _: () = {
            #[automatically_derived]
            impl #impl_generics #krate::request::Validate for #ident #ty_generics #where_clause {
                fn validate_into(&self, _: &mut #krate::request::Checker<'_>) {}
            }
            #[automatically_derived]
            impl #impl_generics #krate::request::EncryptFields for #ident #ty_generics #encrypt_where {
                const HAS_ENCRYPTED_FIELDS: ::core::primitive::bool = false;

                fn encrypt_fields(
                    &self,
                    _: &#private::FieldEncryptor,
                ) -> ::core::result::Result<Self, #private::CryptoError> {
                    ::core::unreachable!("the derive reported an error; this crate does not compile")
                }
            }
            #[automatically_derived]
            impl #impl_generics #krate::request::Describe for #ident #ty_generics #where_clause {
                const FIELDS: &'static [#krate::request::FieldInfo] = &[];
            }
            #[automatically_derived]
            impl #impl_generics #private::HoldsRecords for #ident #ty_generics #where_clause {}
            #request
        };
    }
}
