//! Query strings built from `(key, value)` pairs, as the listing and search pages link
//! to their own filtered, sorted and paged views.

/// Percent-encodes a query-string key or value, keeping RFC 3986's unreserved characters.
fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// `?key=value&...` for the non-empty pairs, or "" when there are none.
pub fn query_string(pairs: &[(String, String)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(key, value)| format!("{}={}", encode_component(key), encode_component(value)))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::query_string;

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(key, value)| (key.to_string(), value.to_string()))
            .collect()
    }

    #[test]
    fn query_strings_keep_unreserved_characters_and_drop_empty_values() {
        assert_eq!(query_string(&[]), "");
        assert_eq!(
            query_string(&pairs(&[
                ("sort", "price_asc"),
                ("brand", ""),
                ("size", "M"),
                ("color", "navy blue & gold"),
            ])),
            "?sort=price_asc&size=M&color=navy%20blue%20%26%20gold"
        );
    }
}
