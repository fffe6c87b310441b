pub mod atelier_showcase;
pub mod brand_mark;
pub mod form;
pub mod layout;
pub mod theme_toggle;
