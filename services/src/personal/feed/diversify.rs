//! Choosing a row from ranked candidates the way a stylist would: close to the shopper's
//! taste, not twelve variations of one piece (maximal marginal relevance), and at most
//! [`MAX_PER_DESIGNER`] pieces by one designer.

use crate::embedder::cosine;

/// Most pieces by one designer in a row.
pub const MAX_PER_DESIGNER: usize = 2;
/// Weight of closeness to the taste against difference from the pieces already chosen.
pub const RELEVANCE: f32 = 0.7;

/// A candidate for a row: its designer and embedding.
pub trait Candidate {
    fn designer(&self) -> Option<&str>;
    fn vector(&self) -> &[f32];
}

/// Up to `size` candidates, chosen one at a time by maximal marginal relevance against
/// `taste`, skipping any whose designer already has [`MAX_PER_DESIGNER`] in the row. The
/// result is in the order chosen (most relevant first).
pub fn diversify<C: Candidate>(taste: &[f32], candidates: Vec<C>, size: usize) -> Vec<C> {
    let relevance: Vec<f32> = candidates
        .iter()
        .map(|c| cosine(taste, c.vector()))
        .collect();
    // Each candidate's closeness to the nearest piece chosen so far (0 while none is),
    // brought up to date once per choice rather than recomputed for every candidate at
    // every step: n·size similarities instead of n·size².
    let mut redundancy = vec![0.0f32; candidates.len()];
    let mut left: Vec<Option<C>> = candidates.into_iter().map(Some).collect();
    let mut chosen: Vec<C> = Vec::with_capacity(size);
    while chosen.len() < size {
        let mut best: Option<(usize, f32)> = None;
        for (index, candidate) in left.iter().enumerate() {
            let Some(candidate) = candidate else { continue };
            let designer = candidate.designer();
            let same_designer = chosen
                .iter()
                .filter(|c| designer.is_some() && c.designer() == designer)
                .count();
            if same_designer >= MAX_PER_DESIGNER {
                continue;
            }
            let score = RELEVANCE * relevance[index] - (1.0 - RELEVANCE) * redundancy[index];
            if best.is_none_or(|(_, top)| score > top) {
                best = Some((index, score));
            }
        }
        let Some((index, _)) = best else { break };
        let Some(picked) = left[index].take() else {
            break;
        };
        for (closeness, candidate) in redundancy.iter_mut().zip(&left) {
            if let Some(candidate) = candidate {
                *closeness = closeness.max(cosine(candidate.vector(), picked.vector()));
            }
        }
        chosen.push(picked);
    }
    chosen
}

/// Up to `size` candidates in their order, at most [`MAX_PER_DESIGNER`] per designer (for
/// rows without a taste: bestsellers and editorial picks).
pub fn cap_designers<C: Candidate>(candidates: Vec<C>, size: usize) -> Vec<C> {
    let mut chosen: Vec<C> = Vec::with_capacity(size);
    for candidate in candidates {
        if chosen.len() == size {
            break;
        }
        let designer = candidate.designer();
        let same = chosen
            .iter()
            .filter(|c| designer.is_some() && c.designer() == designer)
            .count();
        if same < MAX_PER_DESIGNER {
            chosen.push(candidate);
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Debug, PartialEq)]
    struct Piece(&'static str, Vec<f32>);

    impl Candidate for Piece {
        fn designer(&self) -> Option<&str> {
            Some(self.0)
        }
        fn vector(&self) -> &[f32] {
            &self.1
        }
    }

    #[test]
    fn no_designer_gets_more_than_two_pieces_in_a_row() {
        let taste = vec![1.0, 0.0];
        let pieces: Vec<Piece> = (0..6)
            .map(|i| Piece("aurelle", vec![1.0, i as f32 * 0.01]))
            .chain([
                Piece("ferro", vec![0.6, 0.8]),
                Piece("halden", vec![0.5, 0.9]),
            ])
            .collect();
        let row = diversify(&taste, pieces, 4);
        let aurelle = row.iter().filter(|p| p.0 == "aurelle").count();
        assert_eq!(aurelle, MAX_PER_DESIGNER);
        assert_eq!(row.len(), 4);
        assert_eq!(row[0].0, "aurelle", "the closest piece leads");
    }

    #[test]
    fn a_near_duplicate_gives_way_to_a_different_piece() {
        let taste = vec![1.0, 0.0, 0.0];
        let first = Piece("a", vec![0.95, 0.30, 0.05]);
        let twin = Piece("b", vec![0.95, 0.31, 0.0]);
        let other = Piece("c", vec![0.9, -0.3, 0.3]);
        // By closeness alone the twin comes second; by marginal relevance it gives way.
        assert!(cosine(&taste, &twin.1) > cosine(&taste, &other.1));
        let row = diversify(&taste, vec![twin.clone(), first.clone(), other.clone()], 2);
        assert_eq!(row, vec![first, other]);
    }

    #[test]
    fn capping_keeps_the_order_and_the_limit() {
        let pieces = vec![
            Piece("a", vec![]),
            Piece("a", vec![]),
            Piece("a", vec![]),
            Piece("b", vec![]),
        ];
        let row = cap_designers(pieces, 3);
        assert_eq!(
            row.iter().map(|p| p.0).collect::<Vec<_>>(),
            vec!["a", "a", "b"]
        );
    }
}
