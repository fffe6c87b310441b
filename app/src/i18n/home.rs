//! The home page: hero, the atelier showcase and the house's promise.

/// One atelier tab's words (its id and link live with the component).
pub struct AtelierText {
    pub label: &'static str,
    pub headline: &'static str,
    pub story: &'static str,
}

pub struct HomeText {
    pub title: &'static str,
    pub description: &'static str,
    pub eyebrow: &'static str,
    pub hero_title: &'static str,
    pub hero_lede: &'static str,
    pub explore: &'static str,
    pub book_live: &'static str,
    pub promise_title: &'static str,
    pub promise: [(&'static str, &'static str); 3],
    pub showcase_eyebrow: &'static str,
    pub showcase_title: &'static str,
    pub showcase_tabs: &'static str,
    /// Women, men, home: in the order of `components::atelier_showcase::ATELIERS`.
    pub ateliers: [AtelierText; 3],
    pub discover: fn(&str) -> String,
}

pub const EN: HomeText = HomeText {
    title: "Quiet luxury, intelligently curated",
    description: "LuxeVerse brings together rare pieces from independent ateliers, curated for you with care.",
    eyebrow: "Autumn · Winter 2026",
    hero_title: "Quiet luxury, intelligently curated",
    hero_lede: "Rare pieces from independent ateliers, chosen for the way you live and delivered with discretion.",
    explore: "Explore the collection",
    book_live: "Book a live appointment",
    promise_title: "Our promise",
    promise: [
        (
            "Authenticated",
            "Every piece traced to its atelier, with provenance you can read.",
        ),
        (
            "Considered",
            "Materials and makers chosen for how long they last, not how fast they sell.",
        ),
        (
            "Personal",
            "An edit that learns your style, and a stylist when you want one.",
        ),
    ],
    showcase_eyebrow: "The edit",
    showcase_title: "Choose your atelier",
    showcase_tabs: "Ateliers",
    ateliers: [
        AtelierText {
            label: "Women",
            headline: "Silk that remembers the hand that wove it",
            story: "Bias-cut dresses from Como, cashmere knit in the Scottish Borders, and tailoring that moves the way you do.",
        },
        AtelierText {
            label: "Men",
            headline: "Tailoring with nothing left to prove",
            story: "Unstructured jackets from Naples, selvedge denim from Okayama and shoes made last by last in Northampton.",
        },
        AtelierText {
            label: "Home",
            headline: "Objects for rooms that breathe",
            story: "Hand-thrown stoneware, linen from Flanders and mouth-blown glass, each piece signed by its maker.",
        },
    ],
    discover: |label| format!("Discover {label}"),
};

pub const FR: HomeText = HomeText {
    title: "Le luxe discret, choisi avec intelligence",
    description: "LuxeVerse réunit des pièces rares d’ateliers indépendants, choisies pour vous avec soin.",
    eyebrow: "Automne · Hiver 2026",
    hero_title: "Le luxe discret, choisi avec intelligence",
    hero_lede: "Des pièces rares d’ateliers indépendants, choisies pour votre façon de vivre et livrées avec discrétion.",
    explore: "Découvrir la collection",
    book_live: "Réserver un rendez-vous en direct",
    promise_title: "Notre promesse",
    promise: [
        (
            "Authentifié",
            "Chaque pièce est reliée à son atelier, avec une provenance lisible.",
        ),
        (
            "Réfléchi",
            "Des matières et des artisans choisis pour leur durée, non pour la vitesse de vente.",
        ),
        (
            "Personnel",
            "Une sélection qui apprend votre style, et un styliste quand vous le souhaitez.",
        ),
    ],
    showcase_eyebrow: "La sélection",
    showcase_title: "Choisissez votre atelier",
    showcase_tabs: "Ateliers",
    ateliers: [
        AtelierText {
            label: "Femme",
            headline: "Une soie qui se souvient de la main qui l’a tissée",
            story: "Robes coupées en biais à Côme, cachemire tricoté dans les Scottish Borders, et un tailleur qui bouge avec vous.",
        },
        AtelierText {
            label: "Homme",
            headline: "Un tailleur qui n’a plus rien à prouver",
            story: "Vestes déstructurées de Naples, denim selvedge d’Okayama et souliers montés forme par forme à Northampton.",
        },
        AtelierText {
            label: "Maison",
            headline: "Des objets pour des pièces qui respirent",
            story: "Grès tourné à la main, lin des Flandres et verre soufflé à la bouche, chaque pièce signée par son artisan.",
        },
    ],
    discover: |label| format!("Découvrir l’univers {label}"),
};

pub const IT: HomeText = HomeText {
    title: "Lusso discreto, scelto con intelligenza",
    description: "LuxeVerse riunisce pezzi rari di atelier indipendenti, selezionati per te con cura.",
    eyebrow: "Autunno · Inverno 2026",
    hero_title: "Lusso discreto, scelto con intelligenza",
    hero_lede: "Pezzi rari di atelier indipendenti, scelti per il tuo modo di vivere e consegnati con discrezione.",
    explore: "Esplora la collezione",
    book_live: "Prenota un appuntamento dal vivo",
    promise_title: "La nostra promessa",
    promise: [
        (
            "Autenticato",
            "Ogni pezzo ricondotto al suo atelier, con una provenienza leggibile.",
        ),
        (
            "Ponderato",
            "Materiali e artigiani scelti per quanto durano, non per quanto in fretta si vendono.",
        ),
        (
            "Personale",
            "Una selezione che impara il tuo stile, e uno stylist quando lo desideri.",
        ),
    ],
    showcase_eyebrow: "La selezione",
    showcase_title: "Scegli il tuo atelier",
    showcase_tabs: "Atelier",
    ateliers: [
        AtelierText {
            label: "Donna",
            headline: "Una seta che ricorda la mano che l’ha tessuta",
            story: "Abiti tagliati in sbieco a Como, cashmere lavorato negli Scottish Borders e sartoria che si muove con te.",
        },
        AtelierText {
            label: "Uomo",
            headline: "Sartoria che non deve più dimostrare nulla",
            story: "Giacche destrutturate da Napoli, denim selvedge da Okayama e scarpe montate forma dopo forma a Northampton.",
        },
        AtelierText {
            label: "Casa",
            headline: "Oggetti per stanze che respirano",
            story: "Gres tornito a mano, lino delle Fiandre e vetro soffiato a bocca, ogni pezzo firmato dal suo artigiano.",
        },
    ],
    discover: |label| format!("Scopri {label}"),
};
