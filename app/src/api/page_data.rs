//! How a page's data crosses from the server's render into the browser.
//!
//! A page loads its data with [`page_resource`] rather than `Resource::new`. The data is
//! the same JSON either way; the difference is the decoder. Leptos' default resource codec
//! parses with `serde_json::from_str`, while server functions parse their responses with
//! `serde_json::from_slice`: two instantiations of serde_json's deserializer for every read
//! model a page shows, once for the value rendered into the HTML and once for the same
//! value fetched after a navigation. [`JsonCodec`] parses both ways with `from_slice`, so
//! the browser bundle carries one deserializer per read model.
//!
//! A page creates its resources at its top, outside every `Suspense`, and hands them to
//! the parts that show them. On the server a `Suspense` walks its children more than once
//! (to find the resources they read), so a resource created inside one is created anew on
//! every walk: its server function ran two or three times per render, and an endless
//! re-walk is how such a render can stall (leptos-rs/leptos#4866). Resources keyed by
//! the page's own source (its slug, its query) also start together instead of one after
//! another.
use leptos::prelude::*;
use leptos::server::codee::{Decoder, Encoder};
use serde::{Serialize, de::DeserializeOwned};

/// JSON in the HTML, decoded as server-function responses are.
pub struct JsonCodec;

impl<T: Serialize> Encoder<T> for JsonCodec {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(value: &T) -> Result<String, Self::Error> {
        serde_json::to_string(value)
    }
}

impl<T: DeserializeOwned> Decoder<T> for JsonCodec {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(json: &str) -> Result<T, Self::Error> {
        serde_json::from_slice(json.as_bytes())
    }
}

/// What [`page_resource`] makes, for a page to hand to its parts.
pub type PageResource<T> = Resource<T, JsonCodec>;

/// A page's data: rendered on the server, carried in the HTML, refetched when `source`
/// changes. `Resource::new` with one bundle-wide decoder.
pub fn page_resource<S, T, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetcher: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> PageResource<T>
where
    S: Send + Sync + Clone + PartialEq + 'static,
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    Fut: Future<Output = T> + Send + 'static,
{
    Resource::new_with_options(source, fetcher, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Card {
        name: String,
        price: Option<u32>,
    }

    #[test]
    fn decodes_what_it_encodes() {
        let card = Card {
            name: "Ivory silk \"slip\" dress — été".into(),
            price: Some(840),
        };
        let json = <JsonCodec as Encoder<Card>>::encode(&card).unwrap();
        assert_eq!(<JsonCodec as Decoder<Card>>::decode(&json).unwrap(), card);
    }

    #[test]
    fn refuses_what_is_not_the_model() {
        assert!(<JsonCodec as Decoder<Card>>::decode(r#"{"name": 3}"#).is_err());
    }
}
