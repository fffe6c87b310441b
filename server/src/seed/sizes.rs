//! The demo designers' size charts, for the size advisor: one chart per designer and
//! sized category of the catalogue, kept as the `size_charts` row of `system_settings`
//! (see `services::personal::size::chart` for its shape).
//!
//! Each chart is the store's standard body for the category's system, moved by the
//! designer's cut (Maison Aurelle cuts 3 cm small, so its 38 is an S; Nordlys Studio
//! cuts 2 cm roomy) and named in the designer's own sizes where it has them; a category
//! keeps the measurements that matter for it (a belt its waist, a knit its chest).

use sea_orm::{ConnectionTrait, DbErr, Statement};
use services::personal::size::chart::{Chart, Charts, SIZE_CHARTS_KEY, System, standard};

use super::catalog::{DEPARTMENTS, Sizing};

/// A designer's cut: cm added to every body measurement of the standard chart (negative:
/// the designer runs small), and its own size names per system.
struct Cut {
    brand: &'static str,
    cm: f32,
    labels: &'static [(System, [&'static str; 5])],
}

const CUTS: &[Cut] = &[
    Cut {
        brand: "maison-aurelle",
        cm: -3.0,
        labels: &[(System::Apparel, ["36", "38", "40", "42", "44"])],
    },
    Cut {
        brand: "atelier-sorrentino",
        cm: -2.0,
        labels: &[(System::Apparel, ["40", "42", "44", "46", "48"])],
    },
    Cut {
        brand: "nordlys-studio",
        cm: 2.0,
        labels: &[],
    },
    Cut {
        brand: "okayama-indigo-works",
        cm: 1.0,
        labels: &[],
    },
];

/// The measurements a category's chart keeps.
fn measures_of(category: &str) -> &'static [&'static str] {
    match category {
        "women-dresses" | "women-tailoring" => &["chest", "waist", "hips"],
        "men-suits" => &["chest", "waist"],
        "accessories-belts" => &["waist"],
        "jewellery-rings" => &["finger"],
        _ => &["chest"],
    }
}

/// Every designer's chart for every sized category it makes.
pub fn demo_charts() -> Charts {
    let mut charts = Vec::new();
    for department in DEPARTMENTS.iter() {
        for leaf in department.leaves {
            let system = match leaf.sizing {
                Sizing::Apparel => System::Apparel,
                Sizing::Tailoring => System::Tailoring,
                Sizing::Rings => System::Rings,
                Sizing::OneSize => continue,
            };
            for brand in leaf.brands {
                charts.push(chart(brand, leaf.slug, system));
            }
        }
    }
    Charts { charts }
}

fn chart(brand: &str, category: &str, system: System) -> Chart {
    let mut chart = standard(system);
    let cut = CUTS.iter().find(|cut| cut.brand == brand);
    let keep = measures_of(category);
    chart
        .measures
        .retain(|name, _| keep.contains(&name.as_str()));
    if let Some(cut) = cut {
        for centres in chart.measures.values_mut() {
            centres.iter_mut().for_each(|centre| *centre += cut.cm);
        }
        if let Some((_, labels)) = cut.labels.iter().find(|(of, _)| *of == system) {
            chart.labels = labels.iter().map(|label| label.to_string()).collect();
        }
    }
    chart.brand = Some(brand.to_string());
    chart.category = Some(category.to_string());
    chart
}

/// Writes the charts unless the row is there (so a database seeded before the advisor
/// gets them, and a second run changes nothing).
pub async fn insert_charts(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    db.execute_raw(Statement::from_sql_and_values(
        db.get_database_backend(),
        "INSERT INTO system_settings (key, value, description) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO NOTHING",
        [
            SIZE_CHARTS_KEY.into(),
            demo_charts().to_value().into(),
            "The designers' size charts the size advisor reads (server seed).".into(),
        ],
    ))
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sized_category_of_every_designer_has_a_whole_chart() {
        let charts = demo_charts();
        let stored = Charts::parse(&charts.to_value());
        assert_eq!(stored.charts.len(), charts.charts.len());
        assert!(charts.charts.len() >= 10);
        let dresses = charts.for_piece(Some("maison-aurelle"), "women-dresses", System::Apparel);
        assert_eq!(dresses.category.as_deref(), Some("women-dresses"));
        // Maison Aurelle's 38 is an S.
        assert_eq!(dresses.sizes[dresses.position("38").unwrap()], "S");
        let belts = charts.for_piece(Some("ferro-milano"), "accessories-belts", System::Apparel);
        assert_eq!(belts.measures.keys().collect::<Vec<_>>(), ["waist"]);
    }
}
