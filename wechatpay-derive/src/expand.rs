//! The pipeline: model (`ast`) → rules (`check`) → code (`emit`), with every error collected.

use proc_macro2::TokenStream;
use syn::DeriveInput;

use crate::ast::{Container, Kind};
use crate::check;
use crate::ctxt::Ctxt;
use crate::emit;

/// The impls `kind` derives for `input`, or every error found in it, combined.
pub fn derive(input: &DeriveInput, kind: Kind) -> syn::Result<TokenStream> {
    let cx = Ctxt::new();
    let cont = Container::from_ast(&cx, input, kind);
    if let Some(cont) = &cont {
        check::check(&cx, cont);
    }
    cx.check()?;
    let cont = cont.expect("a missing model is always reported");
    Ok(emit::emit(&cont))
}
