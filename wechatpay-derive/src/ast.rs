//! The model the derive works on: a container and its fields with typed attributes. Built from
//! syn's `DeriveInput`; structural mistakes (enum, tuple struct, generics) are reported here.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use syn::ext::IdentExt as _;
use syn::{Data, DeriveInput, Fields, Ident, Type};

use crate::attr::{self, ContainerAttrs, FieldAttrs, SerdeField};
use crate::ctxt::Ctxt;

/// Which derive is running.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `#[derive(WechatRequest)]`: an endpoint with a method, a path and a response.
    Request,
    /// `#[derive(WechatRecord)]`: a record nested in requests.
    Record,
}

impl Kind {
    /// The derive's name, for messages.
    pub fn derive_name(self) -> &'static str {
        match self {
            Kind::Request => "WechatRequest",
            Kind::Record => "WechatRecord",
        }
    }
}

/// A struct with named fields, as the derive sees it.
pub struct Container<'a> {
    /// The struct's name.
    pub ident: &'a Ident,
    /// Which derive.
    pub kind: Kind,
    /// The struct-level attributes.
    pub attrs: ContainerAttrs,
    /// The fields, in declaration order.
    pub fields: Vec<Field<'a>>,
    /// The title: the first line of the doc comment (`""` if none).
    pub title: String,
}

/// One named field.
pub struct Field<'a> {
    /// The Rust name.
    pub ident: &'a Ident,
    /// The type.
    pub ty: &'a Type,
    /// The serialized name (after `rename` / `rename_all`): the name in violations, in
    /// `{placeholders}` and in the query.
    pub name: String,
    /// The `#[wechat(...)]` attributes.
    pub attrs: FieldAttrs,
    /// The `#[serde(...)]` settings that matter here.
    pub serde: SerdeField,
    /// The first paragraph of the doc comment, its lines joined (`""` if none).
    pub doc: String,
}

impl<'a> Container<'a> {
    /// The model of `input`, or `None` when it is not a struct with named fields (reported).
    pub fn from_ast(cx: &Ctxt, input: &'a DeriveInput, kind: Kind) -> Option<Self> {
        let attrs = attr::container_attrs(cx, &input.attrs);
        let derive = kind.derive_name();
        let params = &input.generics.params;
        if !params.is_empty() || input.generics.where_clause.is_some() {
            let message = format!(
                "#[derive({derive})] does not support generic parameters: declare a concrete struct per request"
            );
            match (params.is_empty(), &input.generics.where_clause) {
                (true, Some(clause)) => cx.error_spanned_by(clause, message),
                _ => cx.error_spanned_by(&input.generics, message),
            }
        }
        let fields = match &input.data {
            Data::Struct(data) => match &data.fields {
                Fields::Named(named) => &named.named,
                Fields::Unnamed(_) | Fields::Unit => {
                    cx.error(
                        input.ident.span(),
                        format_args!(
                            "#[derive({derive})] needs a struct with named fields: the field names are the JSON keys"
                        ),
                    );
                    return None;
                }
            },
            Data::Enum(data) => {
                cx.error(
                    data.enum_token.span,
                    format_args!(
                        "#[derive({derive})] supports structs with named fields, not enums"
                    ),
                );
                return None;
            }
            Data::Union(data) => {
                cx.error(
                    data.union_token.span,
                    format_args!(
                        "#[derive({derive})] supports structs with named fields, not unions"
                    ),
                );
                return None;
            }
        };
        let fields = fields
            .iter()
            .map(|field| {
                let ident = field.ident.as_ref().expect("named fields have names");
                let (field_attrs, serde) = attr::field_attrs(cx, &field.attrs);
                let rust_name = ident.unraw().to_string();
                let name = match (&serde.rename, attrs.rename_all) {
                    (Some(rename), _) => rename.clone(),
                    (None, Some(rule)) => rule.apply_to_field(&rust_name),
                    (None, None) => rust_name,
                };
                let doc = first_paragraph(&attr::doc_lines(&field.attrs));
                Field { ident, ty: &field.ty, name, attrs: field_attrs, serde, doc }
            })
            .collect();
        let title = attr::doc_lines(&input.attrs).into_iter().find(|line| !line.is_empty());
        Some(Self { ident: &input.ident, kind, attrs, fields, title: title.unwrap_or_default() })
    }

    /// The path to the `wechatpay_apiv3` crate: `crate = "..."`, or `::wechatpay_apiv3`.
    pub fn krate(&self) -> TokenStream {
        match &self.attrs.krate {
            Some(path) => path.value.to_token_stream(),
            None => quote!(::wechatpay_apiv3),
        }
    }
}

/// The first run of non-empty lines, joined by spaces.
fn first_paragraph(lines: &[String]) -> String {
    let paragraph =
        lines.iter().skip_while(|line| line.is_empty()).take_while(|line| !line.is_empty());
    paragraph.map(String::as_str).collect::<Vec<_>>().join(" ")
}

impl Field<'_> {
    /// Where errors about the field as a whole point: its name.
    pub fn span(&self) -> Span {
        self.ident.span()
    }

    /// Whether the field goes into the JSON body (neither `path` nor `query`).
    pub fn in_body(&self) -> bool {
        self.attrs.path.is_none() && self.attrs.query.is_none()
    }
}
