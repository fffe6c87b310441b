//! The taste vector: one unit vector in the products' embedding space that says what a
//! shopper likes, so "For you" is a nearest-neighbour query.
//!
//! From the quiz ([`quiz_taste`]): the mean of the liked pieces, minus half the mean of the
//! disliked ones, plus half the embedding of the answers' text, normalised. From behaviour
//! ([`nudge`]): each view, heart and purchase pulls the quiz taste towards that piece, by
//! a weight that halves every [`HALF_LIFE_DAYS`], so what a shopper did last week counts
//! more than what they did last season.

/// Weight of the disliked pieces' mean against the liked pieces' mean.
pub const DISLIKE_WEIGHT: f32 = 0.5;
/// Weight of the answers' text (personas, colours, designers) against the liked pieces.
pub const ANSWERS_WEIGHT: f32 = 0.5;
/// A behaviour signal's weight halves every this many days.
pub const HALF_LIFE_DAYS: f32 = 14.0;
/// Sum of behaviour weights at which behaviour counts as much as the quiz.
pub const BEHAVIOUR_BALANCE: f32 = 3.0;

/// What a shopper did with a piece, strongest last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Behaviour {
    Viewed,
    Wishlisted,
    Bought,
}

impl Behaviour {
    /// How much one such act says about taste, before it ages.
    pub fn weight(self) -> f32 {
        match self {
            Behaviour::Viewed => 0.3,
            Behaviour::Wishlisted => 0.7,
            Behaviour::Bought => 1.0,
        }
    }
}

/// One act of a shopper on a piece: the piece's embedding, what was done, how long ago.
#[derive(Clone, Debug)]
pub struct Signal {
    pub vector: Vec<f32>,
    pub behaviour: Behaviour,
    pub age_days: f32,
}

impl Signal {
    /// The act's weight today: its behaviour's weight, halved every [`HALF_LIFE_DAYS`].
    pub fn weight(&self) -> f32 {
        self.behaviour.weight() * 0.5f32.powf(self.age_days.max(0.0) / HALF_LIFE_DAYS)
    }
}

/// The taste a quiz gives, or `None` when it says nothing (no likes and no answers).
pub fn quiz_taste(
    liked: &[Vec<f32>],
    disliked: &[Vec<f32>],
    answers: Option<&[f32]>,
) -> Option<Vec<f32>> {
    let dimensions = liked
        .first()
        .or(disliked.first())
        .map(Vec::len)
        .or(answers.map(<[f32]>::len))?;
    let mut taste = vec![0.0f32; dimensions];
    add_mean(&mut taste, liked, 1.0);
    add_mean(&mut taste, disliked, -DISLIKE_WEIGHT);
    if let Some(answers) = answers {
        add(&mut taste, answers, ANSWERS_WEIGHT);
    }
    normalised(taste)
}

/// The quiz taste moved by behaviour: the weighted mean of the acts' pieces, blended with
/// the quiz taste in proportion to how much the shopper has done (up to an even blend at
/// [`BEHAVIOUR_BALANCE`] and beyond). Without a quiz taste, behaviour alone.
pub fn nudge(quiz: Option<&[f32]>, signals: &[Signal]) -> Option<Vec<f32>> {
    let total: f32 = signals.iter().map(Signal::weight).sum();
    let dimensions = quiz
        .map(<[f32]>::len)
        .or(signals.first().map(|signal| signal.vector.len()))?;
    let mut behaviour = vec![0.0f32; dimensions];
    for signal in signals {
        add(&mut behaviour, &signal.vector, signal.weight());
    }
    let behaviour = normalised(behaviour);
    match (quiz, behaviour) {
        (Some(quiz), Some(behaviour)) => {
            let share = (total / BEHAVIOUR_BALANCE).min(1.0) * 0.5;
            let mut blended = vec![0.0f32; dimensions];
            add(&mut blended, quiz, 1.0 - share);
            add(&mut blended, &behaviour, share);
            normalised(blended)
        }
        (Some(quiz), None) => normalised(quiz.to_vec()),
        (None, behaviour) => behaviour,
    }
}

/// `vector` scaled to unit length, or `None` when it is (numerically) zero.
pub fn normalised(mut vector: Vec<f32>) -> Option<Vec<f32>> {
    let norm = vector.iter().map(|x| x * x).sum::<f32>().sqrt();
    if !norm.is_finite() || norm < 1e-6 {
        return None;
    }
    vector.iter_mut().for_each(|x| *x /= norm);
    Some(vector)
}

fn add(into: &mut [f32], vector: &[f32], weight: f32) {
    for (sum, x) in into.iter_mut().zip(vector) {
        *sum += weight * x;
    }
}

fn add_mean(into: &mut [f32], vectors: &[Vec<f32>], weight: f32) {
    if vectors.is_empty() {
        return;
    }
    let share = weight / vectors.len() as f32;
    for vector in vectors {
        add(into, vector, share);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedder::cosine;

    fn unit(values: &[f32]) -> Vec<f32> {
        normalised(values.to_vec()).unwrap()
    }

    #[test]
    fn the_quiz_taste_is_towards_liked_and_away_from_disliked_pieces() {
        let silk = unit(&[1.0, 0.2, 0.0, 0.0]);
        let cashmere = unit(&[0.8, 0.4, 0.1, 0.0]);
        let leather = unit(&[0.0, 0.1, 1.0, 0.3]);
        let answers = unit(&[0.5, 0.5, 0.0, 0.5]);

        let neutral = quiz_taste(&[], &[], Some(&answers)).unwrap();
        let taste = quiz_taste(
            &[silk.clone(), cashmere],
            std::slice::from_ref(&leather),
            Some(&answers),
        )
        .unwrap();

        assert!(cosine(&taste, &silk) > cosine(&neutral, &silk));
        assert!(cosine(&taste, &leather) < cosine(&neutral, &leather));
        assert!(cosine(&taste, &leather) < cosine(&taste, &silk));
        let norm: f32 = taste.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-5, "{norm}");
    }

    #[test]
    fn a_quiz_that_says_nothing_gives_no_taste() {
        assert_eq!(quiz_taste(&[], &[], None), None);
        // Liking and disliking the same piece cancels only partly: dislikes weigh half.
        let piece = unit(&[0.0, 1.0]);
        assert!(
            cosine(
                &quiz_taste(
                    std::slice::from_ref(&piece),
                    std::slice::from_ref(&piece),
                    None
                )
                .unwrap(),
                &piece
            ) > 0.99
        );
    }

    #[test]
    fn behaviour_moves_the_taste_and_recent_acts_move_it_more() {
        let quiz = unit(&[1.0, 0.0, 0.0]);
        let watch = unit(&[0.0, 1.0, 0.0]);
        let bought = |age_days| Signal {
            vector: watch.clone(),
            behaviour: Behaviour::Bought,
            age_days,
        };

        let recent = nudge(Some(&quiz), &[bought(1.0)]).unwrap();
        let old = nudge(Some(&quiz), &[bought(60.0)]).unwrap();
        assert!(cosine(&recent, &watch) > cosine(&old, &watch));
        assert!(cosine(&old, &watch) > 0.0);
        // Behaviour never drowns the quiz out entirely.
        let many: Vec<Signal> = (0..50).map(|_| bought(0.0)).collect();
        assert!(cosine(&nudge(Some(&quiz), &many).unwrap(), &quiz) > 0.5);
        // Without a quiz, behaviour is the taste; with nothing, there is none.
        assert!(cosine(&nudge(None, &[bought(3.0)]).unwrap(), &watch) > 0.999);
        assert_eq!(nudge(None, &[]), None);
    }

    #[test]
    fn a_purchase_weighs_more_than_a_view_of_the_same_age() {
        let view = Signal {
            vector: vec![1.0],
            behaviour: Behaviour::Viewed,
            age_days: 2.0,
        };
        let heart = Signal {
            behaviour: Behaviour::Wishlisted,
            ..view.clone()
        };
        let purchase = Signal {
            behaviour: Behaviour::Bought,
            ..view.clone()
        };
        assert!(view.weight() < heart.weight() && heart.weight() < purchase.weight());
        let fortnight = Signal {
            age_days: HALF_LIFE_DAYS,
            ..purchase.clone()
        };
        assert!((fortnight.weight() - 0.5).abs() < 1e-6);
    }
}
