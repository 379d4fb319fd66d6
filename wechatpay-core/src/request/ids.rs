//! The check characters of the national identifiers that requests carry, so that a mistyped code
//! is refused before it is sent (and before the other side refuses it with a vaguer message).

/// GB 32100-2015's 31 symbols, in value order: digits and upper-case letters without I, O, Z, S, V.
const USCC_CHARSET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
/// GB 32100-2015's weights of positions 1 to 17 (3^(i-1) mod 31).
const USCC_WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/// GB 11643-1999's weights of digits 1 to 17 (2^(18-i) mod 11).
const RESIDENT_ID_WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// GB 11643-1999's check character for each weighted sum mod 11.
const RESIDENT_ID_CHECKS: &[u8; 11] = b"10X98765432";

/// Whether `text` is a unified social credit code (统一社会信用代码): 18 symbols of the GB 32100
/// charset whose last is the check character of the first 17.
pub fn is_uscc(text: &str) -> bool {
    let Some((body, check)) = split_check(text) else { return false };
    let values: Option<Vec<u32>> = body.iter().map(|&symbol| uscc_value(symbol)).collect();
    let Some(values) = values else { return false };
    let sum: u32 = values.iter().zip(USCC_WEIGHTS).map(|(value, weight)| value * weight).sum();
    let expected = (31 - sum % 31) % 31;
    uscc_value(check) == Some(expected)
}

/// Whether `text` is a mainland resident ID number (居民身份证号码): 17 digits and the GB 11643
/// check character (a digit or upper-case `X`).
pub fn is_resident_id(text: &str) -> bool {
    let Some((body, check)) = split_check(text) else { return false };
    if !body.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 = body
        .iter()
        .zip(RESIDENT_ID_WEIGHTS)
        .map(|(digit, weight)| u32::from(digit - b'0') * weight)
        .sum();
    RESIDENT_ID_CHECKS[(sum % 11) as usize] == check
}

/// The first 17 bytes and the 18th, when `text` is 18 ASCII characters.
fn split_check(text: &str) -> Option<(&[u8; 17], u8)> {
    let bytes: &[u8; 18] = text.as_bytes().try_into().ok()?;
    let (body, check) = bytes.split_first_chunk::<17>()?;
    Some((body, check[0]))
}

fn uscc_value(symbol: u8) -> Option<u32> {
    USCC_CHARSET.iter().position(|&c| c == symbol).map(|index| index as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Published codes: Beijing's and Fujian's registers, and two large companies'.
    const USCC_VALID: &[&str] =
        &["91110108397173806M", "91350100M000100Y43", "91110000802100433B", "91440300708461136T"];
    /// GB 11643-1999's own example, and one whose sum leaves 0 (check `1`).
    const RESIDENT_ID_VALID: &[&str] = &["11010519491231002X", "110105194912310011"];

    /// Every code with one character replaced by each other ASCII letter or digit.
    fn one_character_off(code: &str) -> impl Iterator<Item = String> + '_ {
        (0..code.len()).flat_map(move |at| {
            (b'0'..=b'z').filter(u8::is_ascii_alphanumeric).filter_map(move |replacement| {
                let mut bytes = code.as_bytes().to_vec();
                (bytes[at] != replacement).then(|| {
                    bytes[at] = replacement;
                    String::from_utf8(bytes).unwrap()
                })
            })
        })
    }

    #[test]
    fn uscc_accepts_published_codes() {
        for code in USCC_VALID {
            assert!(is_uscc(code), "{code}");
        }
    }

    #[test]
    fn uscc_refuses_every_single_character_change() {
        for code in USCC_VALID {
            for changed in one_character_off(code) {
                assert!(!is_uscc(&changed), "{changed}");
            }
        }
    }

    #[test]
    fn uscc_refuses_wrong_lengths_and_symbols_outside_the_charset() {
        for bad in ["", "91110108397173806", "91110108397173806MM", "9111010839717380６M"] {
            assert!(!is_uscc(bad), "{bad:?}");
        }
        // `I`, `O`, `Z`, `S`, `V` and lower case are outside the charset, whatever the sum.
        for symbol in ['I', 'O', 'Z', 'S', 'V', 'm'] {
            assert!(!is_uscc(&format!("91110108397173806{symbol}")), "{symbol}");
        }
    }

    #[test]
    fn resident_id_accepts_the_standards_example() {
        for id in RESIDENT_ID_VALID {
            assert!(is_resident_id(id), "{id}");
        }
    }

    #[test]
    fn resident_id_refuses_every_single_character_change() {
        for id in RESIDENT_ID_VALID {
            for changed in one_character_off(id) {
                assert!(!is_resident_id(&changed), "{changed}");
            }
        }
    }

    #[test]
    fn resident_id_refuses_lower_case_x_and_wrong_lengths() {
        for bad in ["11010519491231002x", "11010519491231002", "11010519491231002XX", ""] {
            assert!(!is_resident_id(bad), "{bad:?}");
        }
    }
}
