//! Enums that travel as short codes in forms, URLs and stored JSON.

/// An enum with a fixed list of variants, each with its code: `ALL`, `code()` and
/// `parse()` (trimmed, exact). Unknown codes parse to `None`, so the caller decides
/// which refusal that is.
#[macro_export]
macro_rules! coded_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident => $code:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The code in forms, URLs and stored JSON.
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }

            pub fn parse(code: &str) -> Option<$name> {
                let code = code.trim();
                Self::ALL.iter().copied().find(|value| value.code() == code)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    coded_enum! {
        /// A test enum.
        pub enum Tone {
            Warm => "warm",
            Cool => "cool",
        }
    }

    #[test]
    fn codes_round_trip_and_unknown_codes_are_none() {
        for tone in Tone::ALL {
            assert_eq!(Tone::parse(tone.code()), Some(*tone));
        }
        assert_eq!(Tone::parse(" cool "), Some(Tone::Cool));
        assert_eq!(Tone::parse("Cool"), None);
        assert_eq!(Tone::parse(""), None);
    }
}
