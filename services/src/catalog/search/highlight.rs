//! Where the query matched: text split into matched and unmatched [`Segment`]s
//! ([`highlight`]), and a short description excerpt around the first match ([`snippet`]).
//! Accents are folded, so "etoile" marks "Étoile".

/// A run of text, matched by the query or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub matched: bool,
}

/// Lowercase with the common Latin accents removed, for matching "Étoile" with "etoile".
fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|ch| match ch {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            other => other,
        })
        .collect()
}

/// Whether a word of the text counts as a match for one of the (folded) terms: it starts
/// with the term ("cashmere" for "cash"), or the term starts with it and it has at least
/// three letters ("dress" for "dresses").
fn word_matches(word: &str, terms: &[String]) -> bool {
    let word = fold(word);
    terms.iter().any(|term| {
        word.starts_with(term.as_str()) || (word.chars().count() >= 3 && term.starts_with(&word))
    })
}

/// Splits `text` into runs matched by `terms` or not; adjacent runs of the same kind are
/// merged, and the runs' texts concatenate back to `text`.
pub fn highlight(text: &str, terms: &[String]) -> Vec<Segment> {
    let terms: Vec<String> = terms
        .iter()
        .map(|term| fold(term))
        .filter(|term| !term.is_empty())
        .collect();
    let mut segments: Vec<Segment> = Vec::new();
    let mut push = |piece: &str, matched: bool| {
        if piece.is_empty() {
            return;
        }
        match segments.last_mut() {
            Some(last) if last.matched == matched => last.text.push_str(piece),
            _ => segments.push(Segment {
                text: piece.to_string(),
                matched,
            }),
        }
    };
    let mut start = 0;
    let mut in_word = false;
    for (index, ch) in text.char_indices() {
        let alnum = ch.is_alphanumeric();
        if alnum && !in_word {
            push(&text[start..index], false);
            start = index;
            in_word = true;
        } else if !alnum && in_word {
            let word = &text[start..index];
            push(word, word_matches(word, &terms));
            start = index;
            in_word = false;
        }
    }
    let rest = &text[start..];
    push(rest, in_word && word_matches(rest, &terms));
    segments
}

/// Characters of description shown around the first match.
const SNIPPET_CHARS: usize = 160;

/// An excerpt of `text` of about [`SNIPPET_CHARS`] characters around its first matched
/// word, cut at word boundaries with "…" where cut; `None` when nothing in it matches.
pub fn snippet(text: &str, terms: &[String]) -> Option<Vec<Segment>> {
    let segments = highlight(text, terms);
    let first = segments.iter().position(|segment| segment.matched)?;
    let before: usize = segments[..first]
        .iter()
        .map(|segment| segment.text.chars().count())
        .sum();
    let chars: Vec<char> = text.chars().collect();
    // Start a little before the match, at a word boundary.
    let mut from = before.saturating_sub(SNIPPET_CHARS / 4);
    while from > 0 && from < before && !chars[from - 1].is_whitespace() {
        from += 1;
    }
    let mut to = (from + SNIPPET_CHARS).min(chars.len());
    while to < chars.len() && to > before && !chars[to].is_whitespace() {
        to -= 1;
    }
    let excerpt: String = chars[from..to].iter().collect();
    let mut segments = highlight(excerpt.trim(), terms);
    if from > 0 {
        segments.insert(
            0,
            Segment {
                text: "…".into(),
                matched: false,
            },
        );
    }
    if to < chars.len() {
        segments.push(Segment {
            text: "…".into(),
            matched: false,
        });
    }
    Some(merge(segments))
}

fn merge(segments: Vec<Segment>) -> Vec<Segment> {
    let mut merged: Vec<Segment> = Vec::with_capacity(segments.len());
    for segment in segments {
        match merged.last_mut() {
            Some(last) if last.matched == segment.matched => last.text.push_str(&segment.text),
            _ => merged.push(segment),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(segments: &[Segment]) -> String {
        segments
            .iter()
            .map(|segment| {
                if segment.matched {
                    format!("[{}]", segment.text)
                } else {
                    segment.text.clone()
                }
            })
            .collect()
    }

    fn owned(terms: &[&str]) -> Vec<String> {
        terms.iter().map(|term| term.to_string()).collect()
    }

    #[test]
    fn highlights_matched_words_and_keeps_the_text() {
        let text = "Cashmere Wrap Coat, cashmere-blend";
        let segments = highlight(text, &owned(&["cashmer", "coat"]));
        assert_eq!(
            marked(&segments),
            "[Cashmere] Wrap [Coat], [cashmere]-blend"
        );
        assert_eq!(
            segments.iter().map(|s| s.text.as_str()).collect::<String>(),
            text
        );
        // Plural query, singular word; accents folded; nothing matched.
        assert_eq!(
            marked(&highlight("Ivory Dress", &owned(&["dresses"]))),
            "Ivory [Dress]"
        );
        assert_eq!(
            marked(&highlight("Maison Étoile", &owned(&["etoile"]))),
            "Maison [Étoile]"
        );
        assert_eq!(
            highlight("Silk scarf", &owned(&["wool"])),
            vec![Segment {
                text: "Silk scarf".into(),
                matched: false
            }]
        );
        assert!(highlight("", &owned(&["x"])).is_empty());
        // Markup in the text stays text: segments are data, escaped when rendered.
        assert_eq!(
            marked(&highlight("<b>silk</b>", &owned(&["silk"]))),
            "<b>[silk]</b>"
        );
    }

    #[test]
    fn snippets_centre_on_the_first_match() {
        let description = format!(
            "{} The chronograph movement is hand finished. {}",
            "Lorem ipsum dolor sit amet. ".repeat(6),
            "Consectetur adipiscing elit. ".repeat(6)
        );
        let segments = snippet(&description, &owned(&["chronograph"])).unwrap();
        let text = marked(&segments);
        assert!(text.starts_with('…') && text.ends_with('…'), "{text}");
        assert!(text.contains("The [chronograph] movement"), "{text}");
        assert!(text.chars().count() <= SNIPPET_CHARS + 4, "{text}");
        assert!(snippet(&description, &owned(&["cashmere"])).is_none());
        let short = snippet("Pure cashmere.", &owned(&["cashmere"])).unwrap();
        assert_eq!(marked(&short), "Pure [cashmere].");
    }
}
