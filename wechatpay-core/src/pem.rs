//! Extracting the first PEM block of a file, with errors that say what went wrong.

use crate::error::KeyError;

/// A decoded PEM block.
pub(crate) struct Block {
    pub(crate) label: String,
    pub(crate) der: Vec<u8>,
}

/// Decodes the first PEM block in `input`; text around it (such as OpenSSL's "Bag Attributes") is
/// ignored. `what` names the input in errors.
pub(crate) fn decode_first(input: &str, what: &'static str) -> Result<Block, KeyError> {
    if input.trim().is_empty() {
        return Err(KeyError::Empty { what });
    }
    let block = first_block(input).ok_or(KeyError::NotPem { what })?;
    if block.contains("ENCRYPTED") {
        // `ENCRYPTED PRIVATE KEY` (PKCS#8) or a legacy `Proc-Type: 4,ENCRYPTED` header.
        return Err(KeyError::EncryptedPem { what });
    }
    let (label, der) =
        pem_rfc7468::decode_vec(block.as_bytes()).map_err(|_| KeyError::NotPem { what })?;
    Ok(Block { label: label.to_owned(), der })
}

/// The text from the first `-----BEGIN X-----` to its `-----END X-----`, inclusive.
fn first_block(input: &str) -> Option<&str> {
    let start = input.find("-----BEGIN ")?;
    let rest = &input[start..];
    let label_end = rest["-----BEGIN ".len()..].find("-----")? + "-----BEGIN ".len();
    let label = &rest["-----BEGIN ".len()..label_end];
    let end_marker = format!("-----END {label}-----");
    let end = rest.find(&end_marker)? + end_marker.len();
    Some(&rest[..end])
}
