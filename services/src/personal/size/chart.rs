//! Size charts: for one designer's category, the body each size is cut for.
//!
//! The store's sizing systems ([`System`]) name sizes as the variants do ("M", "48",
//! "6"). A chart gives, per size, the centre of the body measurements it fits (in cm:
//! chest, waist, hips; a ring's inner circumference as `finger`), and the designer's own
//! names for its sizes when they differ ("38"). The designers' charts live in the
//! `size_charts` row of `system_settings` (written by the demo seeder):
//!
//! ```json
//! {"version": 1, "unit": "cm", "charts": [
//!   {"brand": "maison-aurelle", "category": "women-dresses", "system": "apparel",
//!    "sizes": ["XS", "S", "M", "L", "XL"], "labels": ["36", "38", "40", "42", "44"],
//!    "measures": {"chest": [79, 85, 91, 97, 103], "waist": [63, 69, 75, 81, 87]}}
//! ]}
//! ```
//!
//! A piece without a chart of its own is read against its designer's other chart in the
//! same system, else the store's [`standard`] chart. Every estimate passes through a body:
//! a size in one chart is the body at its centre, and a body is a fractional position in
//! another chart ([`Chart::index_of`]), so "38 at Maison Aurelle" becomes a size at
//! Atelier Sorrentino.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The `system_settings` key of the designers' charts.
pub const SIZE_CHARTS_KEY: &str = "size_charts";

/// Body measurements by name, in cm.
pub type Body = BTreeMap<String, f32>;

/// The store's sizing systems (one-size pieces have none).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum System {
    Apparel,
    Tailoring,
    Rings,
}

impl System {
    pub const ALL: [System; 3] = [System::Apparel, System::Tailoring, System::Rings];

    /// The sizes, smallest first, as the variants name them.
    pub fn sizes(self) -> &'static [&'static str] {
        match self {
            System::Apparel => &["XS", "S", "M", "L", "XL"],
            System::Tailoring => &["46", "48", "50", "52", "54"],
            System::Rings => &["5", "6", "7", "8"],
        }
    }

    /// The key of `style_profiles.typical_sizes` for this system.
    pub fn code(self) -> &'static str {
        match self {
            System::Apparel => "apparel",
            System::Tailoring => "tailoring",
            System::Rings => "rings",
        }
    }

    /// The system all of a piece's sizes belong to, if one does.
    pub fn of_sizes<'a>(sizes: impl IntoIterator<Item = &'a str>) -> Option<System> {
        let sizes: Vec<&str> = sizes.into_iter().map(str::trim).collect();
        if sizes.is_empty() {
            return None;
        }
        System::ALL
            .into_iter()
            .find(|system| sizes.iter().all(|size| system.sizes().contains(size)))
    }
}

/// The store's own chart for a system: what its sizes fit on an average cut.
pub fn standard(system: System) -> Chart {
    let measures: &[(&str, &[f32])] = match system {
        System::Apparel => &[
            ("chest", &[82.0, 88.0, 94.0, 100.0, 106.0]),
            ("waist", &[66.0, 72.0, 78.0, 84.0, 90.0]),
            ("hips", &[90.0, 96.0, 102.0, 108.0, 114.0]),
        ],
        System::Tailoring => &[
            ("chest", &[92.0, 96.0, 100.0, 104.0, 108.0]),
            ("waist", &[80.0, 84.0, 88.0, 92.0, 96.0]),
        ],
        System::Rings => &[("finger", &[4.93, 5.19, 5.44, 5.70])],
    };
    Chart {
        brand: None,
        category: None,
        system,
        sizes: system.sizes().iter().map(|s| s.to_string()).collect(),
        labels: Vec::new(),
        measures: measures
            .iter()
            .map(|(name, centres)| (name.to_string(), centres.to_vec()))
            .collect(),
    }
}

/// One chart: a designer's category, or the store's standard for a system.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Chart {
    #[serde(default)]
    pub brand: Option<String>,
    #[serde(default)]
    pub category: Option<String>,
    pub system: System,
    /// The store's names, smallest first.
    pub sizes: Vec<String>,
    /// The designer's names, in the same order (empty when they are the store's).
    #[serde(default)]
    pub labels: Vec<String>,
    /// Per measurement, the centre each size fits, increasing.
    pub measures: BTreeMap<String, Vec<f32>>,
}

impl Chart {
    /// Whether every measurement has a centre per size, increasing.
    fn is_whole(&self) -> bool {
        !self.sizes.is_empty()
            && (self.labels.is_empty() || self.labels.len() == self.sizes.len())
            && !self.measures.is_empty()
            && self.measures.values().all(|centres| {
                centres.len() == self.sizes.len()
                    && (centres.len() < 2 || centres.windows(2).all(|pair| pair[1] > pair[0]))
            })
    }

    /// Where `size` is, by the store's name or the designer's (case and spaces ignored).
    pub fn position(&self, size: &str) -> Option<usize> {
        let wanted = size.trim();
        let found = |names: &[String]| {
            names
                .iter()
                .position(|name| name.eq_ignore_ascii_case(wanted))
        };
        found(&self.sizes).or_else(|| found(&self.labels))
    }

    /// The designer's name for the size at `index`, when it differs from the store's.
    pub fn label(&self, index: usize) -> Option<String> {
        self.labels
            .get(index)
            .filter(|label| Some(*label) != self.sizes.get(index))
            .cloned()
    }

    /// The body the size at fractional position `index` is cut for (beyond either end,
    /// the step of the nearest two sizes continues).
    pub fn body_at(&self, index: f32) -> Body {
        self.measures
            .iter()
            .map(|(name, centres)| (name.clone(), value_at(centres, index)))
            .collect()
    }

    /// Where `body` falls in this chart, as a fractional size position, and which
    /// measurement decided it: the one that needs the largest size (a piece has to close
    /// over the widest part). `None` when they share no measurement.
    pub fn index_of(&self, body: &Body) -> Option<(f32, String)> {
        self.measures
            .iter()
            .filter_map(|(name, centres)| {
                let value = body.get(name)?;
                Some((index_in(centres, *value)?, name.clone()))
            })
            .max_by(|a, b| a.0.total_cmp(&b.0))
    }
}

/// The piecewise-linear value at fractional `index`.
fn value_at(centres: &[f32], index: f32) -> f32 {
    match centres {
        [] => 0.0,
        [only] => *only,
        _ => {
            let last = centres.len() - 1;
            let low = (index.floor().max(0.0) as usize).min(last - 1);
            let step = centres[low + 1] - centres[low];
            centres[low] + (index - low as f32) * step
        }
    }
}

/// The fractional position of `value` among increasing `centres`.
fn index_in(centres: &[f32], value: f32) -> Option<f32> {
    if centres.len() < 2 || !value.is_finite() {
        return None;
    }
    let last = centres.len() - 1;
    let low = centres
        .windows(2)
        .position(|pair| value < pair[1])
        .unwrap_or(last - 1);
    let step = centres[low + 1] - centres[low];
    Some(low as f32 + (value - centres[low]) / step)
}

/// The designers' charts, as the `size_charts` setting holds them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Charts {
    pub charts: Vec<Chart>,
}

impl Charts {
    /// The charts of a `size_charts` value; malformed charts are left out.
    pub fn parse(value: &serde_json::Value) -> Charts {
        let charts = value
            .get("charts")
            .and_then(serde_json::Value::as_array)
            .map(|charts| {
                charts
                    .iter()
                    .filter_map(|chart| serde_json::from_value::<Chart>(chart.clone()).ok())
                    .filter(Chart::is_whole)
                    .collect()
            })
            .unwrap_or_default();
        Charts { charts }
    }

    /// The value to store under [`SIZE_CHARTS_KEY`].
    pub fn to_value(&self) -> serde_json::Value {
        serde_json::json!({"version": 1, "unit": "cm", "charts": self.charts})
    }

    /// The chart a piece is cut to: its designer's for its category, else the designer's
    /// other chart in the same system, else the store's standard.
    pub fn for_piece(&self, brand: Option<&str>, category: &str, system: System) -> Chart {
        let of_brand = |chart: &&Chart| {
            chart.system == system && brand.is_some() && chart.brand.as_deref() == brand
        };
        self.charts
            .iter()
            .filter(of_brand)
            .find(|chart| chart.category.as_deref() == Some(category))
            .or_else(|| self.charts.iter().find(of_brand))
            .cloned()
            .unwrap_or_else(|| standard(system))
    }

    /// The chart and position of "I wear `size` in `brand`": the designer's chart with
    /// that size, in the piece's category first, then in its system; a store size in the
    /// standard chart when the designer has none.
    pub fn anchor(
        &self,
        brand: &str,
        size: &str,
        category: &str,
        system: System,
    ) -> Option<(Chart, usize)> {
        let mut candidates: Vec<&Chart> = self
            .charts
            .iter()
            .filter(|chart| chart.brand.as_deref() == Some(brand))
            .filter(|chart| chart.position(size).is_some())
            .collect();
        candidates.sort_by_key(|chart| {
            (
                chart.category.as_deref() != Some(category),
                chart.system != system,
            )
        });
        if let Some(chart) = candidates.first() {
            return Some(((*chart).clone(), chart.position(size)?));
        }
        let mut systems = vec![system];
        systems.extend(System::ALL.into_iter().filter(|other| *other != system));
        systems.into_iter().find_map(|system| {
            let chart = standard(system);
            let index = chart.position(size)?;
            Some((chart, index))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn aurelle() -> Chart {
        let mut chart = standard(System::Apparel);
        chart.brand = Some("maison-aurelle".into());
        chart.category = Some("women-dresses".into());
        chart.labels = ["36", "38", "40", "42", "44"].map(String::from).to_vec();
        for centres in chart.measures.values_mut() {
            centres.iter_mut().for_each(|c| *c -= 3.0);
        }
        chart
    }

    #[test]
    fn a_piece_knows_its_system_from_its_sizes() {
        assert_eq!(System::of_sizes(["S", "M", "L"]), Some(System::Apparel));
        assert_eq!(System::of_sizes(["48", "50"]), Some(System::Tailoring));
        assert_eq!(System::of_sizes(["6"]), Some(System::Rings));
        assert_eq!(System::of_sizes(["One size"]), None);
        assert_eq!(System::of_sizes(["M", "48"]), None);
        assert_eq!(System::of_sizes([]), None);
    }

    #[test]
    fn a_body_and_a_size_map_into_each_other() {
        let chart = standard(System::Apparel);
        let medium = chart.body_at(2.0);
        assert_eq!(medium["chest"], 94.0);
        assert_eq!(chart.index_of(&medium).map(|found| found.0), Some(2.0));
        // The widest measurement decides, and beyond the chart the steps continue.
        let body = Body::from([("chest".into(), 91.0), ("hips".into(), 111.0)]);
        assert_eq!(chart.index_of(&body), Some((3.5, "hips".into())));
        assert_eq!(chart.body_at(5.0)["chest"], 112.0);
        assert_eq!(
            chart
                .index_of(&Body::from([("chest".into(), 79.0)]))
                .unwrap()
                .0,
            -0.5
        );
        assert_eq!(chart.index_of(&Body::from([("finger".into(), 5.0)])), None);
    }

    #[test]
    fn a_designer_anchor_maps_through_the_charts() {
        let charts = Charts {
            charts: vec![aurelle()],
        };
        // "38 at Maison Aurelle" is its S, cut 3 cm small.
        let (chart, index) = charts
            .anchor("maison-aurelle", "38", "men-suits", System::Tailoring)
            .unwrap();
        assert_eq!(
            (chart.label(index), chart.sizes[index].as_str()),
            (Some("38".into()), "S")
        );
        let standard_position = standard(System::Apparel)
            .index_of(&chart.body_at(index as f32))
            .unwrap()
            .0;
        assert_eq!(standard_position, 0.5);
        // A designer without charts: a store size reads in the standard chart.
        let (chart, index) = charts
            .anchor("halden-horology", "M", "women-dresses", System::Apparel)
            .unwrap();
        assert_eq!((chart.brand, index), (None, 2));
        assert!(
            charts
                .anchor("halden-horology", "38", "x", System::Apparel)
                .is_none()
        );
    }

    #[test]
    fn a_piece_reads_its_own_chart_then_its_designers_then_the_standard() {
        let charts = Charts {
            charts: vec![aurelle()],
        };
        let own = charts.for_piece(Some("maison-aurelle"), "women-dresses", System::Apparel);
        assert_eq!(own.category.as_deref(), Some("women-dresses"));
        let sibling = charts.for_piece(Some("maison-aurelle"), "women-tailoring", System::Apparel);
        assert_eq!(sibling.category.as_deref(), Some("women-dresses"));
        let other = charts.for_piece(Some("nordlys-studio"), "women-dresses", System::Apparel);
        assert_eq!(other, standard(System::Apparel));
    }

    #[test]
    fn stored_charts_round_trip_and_broken_ones_are_left_out() {
        let mut broken = aurelle();
        broken
            .measures
            .insert("waist".into(), vec![70.0, 60.0, 80.0, 90.0, 95.0]);
        let value = Charts {
            charts: vec![aurelle(), broken],
        }
        .to_value();
        assert_eq!(Charts::parse(&value).charts, vec![aurelle()]);
        assert!(
            Charts::parse(&serde_json::json!({"charts": 3}))
                .charts
                .is_empty()
        );
    }
}
