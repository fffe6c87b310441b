//! Text a shopper types: trimmed, bounded, and free of control characters (line breaks
//! are kept where a field is written in paragraphs).

use domain::Refusal;

/// One line of at most `max` characters; `None` when blank.
pub fn line(input: &str, max: usize) -> Result<Option<String>, Refusal> {
    checked(input.trim(), max, |c| c.is_control())
}

/// Paragraphs of at most `max` characters: line breaks kept (`\r\n` becomes `\n`), tabs
/// and other control characters refused; `None` when blank.
pub fn paragraphs(input: &str, max: usize) -> Result<Option<String>, Refusal> {
    let normalised = input.replace("\r\n", "\n");
    checked(normalised.trim(), max, |c| c.is_control() && c != '\n')
}

fn checked(
    value: &str,
    max: usize,
    refused: impl Fn(char) -> bool,
) -> Result<Option<String>, Refusal> {
    if value.is_empty() {
        return Ok(None);
    }
    if value.chars().count() > max {
        return Err(Refusal::TooLong { max: max as u32 });
    }
    if value.chars().any(refused) {
        return Err(Refusal::TextCharacters);
    }
    Ok(Some(value.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_trimmed_bounded_and_single() {
        assert_eq!(line("  Silk  ", 10), Ok(Some("Silk".into())));
        assert_eq!(line("   ", 10), Ok(None));
        assert_eq!(line("ééééé", 4), Err(Refusal::TooLong { max: 4 }));
        assert_eq!(line("a\nb", 10), Err(Refusal::TextCharacters));
    }

    #[test]
    fn paragraphs_keep_their_breaks_but_no_other_control_characters() {
        assert_eq!(
            paragraphs("First.\r\n\r\nSecond. ", 100),
            Ok(Some("First.\n\nSecond.".into()))
        );
        assert_eq!(paragraphs("a\tb", 100), Err(Refusal::TextCharacters));
        assert_eq!(paragraphs("a\u{0}b", 100), Err(Refusal::TextCharacters));
        assert_eq!(paragraphs("\n \n", 100), Ok(None));
    }
}
