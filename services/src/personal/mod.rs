//! Personalisation, all on this machine: the style quiz and the taste vector it gives
//! (`taste`), "For you" (`feed`), complete the look (`look`) and the size advisor
//! (`size`). Nothing here runs for a shopper whose `ai_consent` is off.

pub mod feed;
pub mod look;
pub mod record;
pub mod size;
pub mod style;
pub mod taste;
