//! `#[serde(rename_all = "...")]`: the serialized names of fields, exactly as serde computes them.

/// One of serde's case conventions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenameRule {
    /// `lowercase`
    Lower,
    /// `UPPERCASE`
    Upper,
    /// `PascalCase`
    Pascal,
    /// `camelCase`
    Camel,
    /// `snake_case`
    Snake,
    /// `SCREAMING_SNAKE_CASE`
    ScreamingSnake,
    /// `kebab-case`
    Kebab,
    /// `SCREAMING-KEBAB-CASE`
    ScreamingKebab,
}

/// Every convention by the name serde accepts.
const RULES: &[(&str, RenameRule)] = &[
    ("lowercase", RenameRule::Lower),
    ("UPPERCASE", RenameRule::Upper),
    ("PascalCase", RenameRule::Pascal),
    ("camelCase", RenameRule::Camel),
    ("snake_case", RenameRule::Snake),
    ("SCREAMING_SNAKE_CASE", RenameRule::ScreamingSnake),
    ("kebab-case", RenameRule::Kebab),
    ("SCREAMING-KEBAB-CASE", RenameRule::ScreamingKebab),
];

impl RenameRule {
    /// The rule serde knows by `name`, or a message listing the known ones.
    pub fn from_name(name: &str) -> Result<Self, String> {
        RULES.iter().find(|(known, _)| *known == name).map(|(_, rule)| *rule).ok_or_else(|| {
            let known: Vec<String> =
                RULES.iter().map(|(known, _)| format!("\"{known}\"")).collect();
            format!("unknown serde rename rule `{name}`; expected one of {}", known.join(", "))
        })
    }

    /// The serialized name of the (snake_case) Rust field `field`, as serde's `apply_to_field`.
    pub fn apply_to_field(self, field: &str) -> String {
        match self {
            RenameRule::Lower | RenameRule::Snake => field.to_owned(),
            RenameRule::Upper | RenameRule::ScreamingSnake => field.to_ascii_uppercase(),
            RenameRule::Pascal => {
                let mut pascal = String::new();
                let mut capitalize = true;
                for ch in field.chars() {
                    if ch == '_' {
                        capitalize = true;
                    } else if capitalize {
                        pascal.push(ch.to_ascii_uppercase());
                        capitalize = false;
                    } else {
                        pascal.push(ch);
                    }
                }
                pascal
            }
            RenameRule::Camel => {
                let pascal = RenameRule::Pascal.apply_to_field(field);
                let mut chars = pascal.chars();
                match chars.next() {
                    Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
                    None => pascal,
                }
            }
            RenameRule::Kebab => field.replace('_', "-"),
            RenameRule::ScreamingKebab => field.to_ascii_uppercase().replace('_', "-"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RenameRule::*;
    use super::*;

    #[test]
    fn matches_serde_for_every_rule() {
        let cases = [
            (
                "out_trade_no",
                [
                    "out_trade_no",
                    "OUT_TRADE_NO",
                    "OutTradeNo",
                    "outTradeNo",
                    "out_trade_no",
                    "OUT_TRADE_NO",
                    "out-trade-no",
                    "OUT-TRADE-NO",
                ],
            ),
            ("mchid", ["mchid", "MCHID", "Mchid", "mchid", "mchid", "MCHID", "mchid", "MCHID"]),
        ];
        let rules = [Lower, Upper, Pascal, Camel, Snake, ScreamingSnake, Kebab, ScreamingKebab];
        for (field, expected) in cases {
            for (rule, expected) in rules.iter().zip(expected) {
                assert_eq!(rule.apply_to_field(field), expected, "{rule:?} of {field}");
            }
        }
    }

    #[test]
    fn unknown_rule_lists_the_known_ones() {
        let message = RenameRule::from_name("camelcase").unwrap_err();
        assert!(message.contains("\"camelCase\""), "{message}");
    }
}
