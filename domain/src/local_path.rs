//! `LocalPath`: a place on this site to send the browser to, such as the `next` a sign-in
//! form carries. Only a path on the store's own origin parses, so a redirect built from
//! one can never leave the site, and every value is a valid `Location` header.

use std::fmt;

/// A same-origin path (with its query and fragment), safe for a `Location` header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalPath(String);

impl LocalPath {
    /// Parses `raw` as a path on this site, as a browser would resolve it; `None` for
    /// anything that could name another origin or that a browser would rewrite first:
    ///
    /// - not starting with one `/` (absolute URLs, `//host`, relative paths);
    /// - any backslash (browsers read `/\host` as `//host`);
    /// - any control character or whitespace (browsers strip tabs and newlines, so
    ///   `/\t/host` becomes `//host`; a newline would also split the header).
    ///
    /// Letters beyond ASCII are percent-encoded, as a browser sends them.
    pub fn parse(raw: &str) -> Option<LocalPath> {
        let mut chars = raw.chars();
        if chars.next() != Some('/') || chars.next() == Some('/') {
            return None;
        }
        if raw
            .chars()
            .any(|c| c == '\\' || c.is_control() || c.is_whitespace())
        {
            return None;
        }
        let mut path = String::with_capacity(raw.len());
        for c in raw.chars() {
            if c.is_ascii() {
                path.push(c);
            } else {
                let mut bytes = [0; 4];
                for byte in c.encode_utf8(&mut bytes).bytes() {
                    path.push_str(&format!("%{byte:02X}"));
                }
            }
        }
        Some(LocalPath(path))
    }

    /// `raw` if it is a local path, else `fallback` (which must be one).
    pub fn or(raw: Option<&str>, fallback: &'static str) -> LocalPath {
        raw.and_then(LocalPath::parse)
            .unwrap_or_else(|| LocalPath(fallback.to_string()))
    }

    /// `path` percent-encoded to travel as a query value (`?next=...`).
    pub fn query_value(path: &str) -> String {
        let mut encoded = String::with_capacity(path.len());
        for byte in path.bytes() {
            if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
                encoded.push(char::from(byte));
            } else {
                encoded.push_str(&format!("%{byte:02X}"));
            }
        }
        encoded
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for LocalPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::LocalPath;

    fn parses(raw: &str) -> Option<String> {
        LocalPath::parse(raw).map(|path| path.to_string())
    }

    #[test]
    fn paths_on_this_site_are_kept_with_their_query() {
        assert_eq!(
            parses("/account/orders").as_deref(),
            Some("/account/orders")
        );
        assert_eq!(
            parses("/search?q=silk#top").as_deref(),
            Some("/search?q=silk#top")
        );
        assert_eq!(parses("/").as_deref(), Some("/"));
        assert_eq!(parses("/été").as_deref(), Some("/%C3%A9t%C3%A9"));
    }

    #[test]
    fn anything_a_browser_could_send_elsewhere_is_refused() {
        for raw in [
            "",
            "account",
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r\nLocation: https://evil.example",
            "/ /evil.example",
            "/\u{a0}/evil.example",
            "/\u{2028}",
            "/\0",
            " /account",
            "javascript:alert(1)",
        ] {
            assert_eq!(parses(raw), None, "{raw:?}");
        }
    }

    #[test]
    fn a_path_travels_as_one_query_value() {
        assert_eq!(
            LocalPath::query_value("/search?q=silk&page=2#top"),
            "/search%3Fq%3Dsilk%26page%3D2%23top"
        );
    }

    #[test]
    fn a_refused_path_falls_back() {
        assert_eq!(
            LocalPath::or(Some("//evil.example"), "/account").as_str(),
            "/account"
        );
        assert_eq!(LocalPath::or(None, "/account").as_str(), "/account");
        assert_eq!(LocalPath::or(Some("/bag"), "/account").as_str(), "/bag");
    }
}
