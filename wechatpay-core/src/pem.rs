//! Extracting the first PEM block of a file, with errors that say what went wrong.

use zeroize::Zeroizing;

use crate::error::KeyError;

/// A decoded PEM block. The DER may be a private key: it is zeroed when dropped.
pub(crate) struct Block {
    pub(crate) label: String,
    pub(crate) der: Zeroizing<Vec<u8>>,
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
    let mut decoder =
        pem_rfc7468::Decoder::new(block.as_bytes()).map_err(|_| KeyError::NotPem { what })?;
    let label = decoder.type_label().to_owned();
    // Decoded in place into a buffer reserved at its final size (no reallocation leaves a copy
    // behind), zeroed on drop, including when decoding fails halfway.
    let mut der = Zeroizing::new(Vec::new());
    decoder.decode_to_end(&mut der).map_err(|_| KeyError::NotPem { what })?;
    Ok(Block { label, der })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_decoded_der_is_zeroed_on_drop() {
        let pem = "-----BEGIN PRIVATE KEY-----\nAAEC\n-----END PRIVATE KEY-----\n";
        let block = decode_first(pem, "test").unwrap();
        let der: &Zeroizing<Vec<u8>> = &block.der;
        assert_eq!((block.label.as_str(), der.as_slice()), ("PRIVATE KEY", &[0, 1, 2][..]));
    }
}
