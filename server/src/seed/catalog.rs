//! The demo catalog's source material: the house's brands, its category tree, the kinds
//! of piece each category holds, and the words the generator combines (with French and
//! Italian renderings). Everything here is fixed data; `plan.rs` turns it into rows.

pub struct BrandSpec {
    pub slug: &'static str,
    pub name: &'static str,
    pub origin: &'static str,
    pub description: &'static str,
    pub story: &'static str,
    pub sustainability_score: i32,
    pub certifications: &'static [&'static str],
    pub instagram: &'static str,
}

pub const BRANDS: [BrandSpec; 12] = [
    BrandSpec {
        slug: "maison-aurelle",
        name: "Maison Aurelle",
        origin: "Paris",
        description: "Parisian couture house known for bias-cut silk and hand-rolled edges.",
        story: "Founded in 1962 in a two-room atelier on rue Saint-Honoré, Maison Aurelle still cuts every silk piece by hand on the bias. Its printed scarves are drawn in gouache before they are engraved for the screen.",
        sustainability_score: 78,
        certifications: &["OEKO-TEX", "Traceable silk"],
        instagram: "maisonaurelle",
    },
    BrandSpec {
        slug: "atelier-sorrentino",
        name: "Atelier Sorrentino",
        origin: "Naples",
        description: "Neapolitan tailoring: soft shoulders, hand-set sleeves, no padding to hide behind.",
        story: "Three generations of the Sorrentino family have tailored in the Chiaia quarter. A jacket passes through twenty-two pairs of hands and more than forty hours of hand stitching before it leaves the workshop.",
        sustainability_score: 71,
        certifications: &["Made in Italy"],
        instagram: "ateliersorrentino",
    },
    BrandSpec {
        slug: "brae-and-loch",
        name: "Brae & Loch",
        origin: "the Scottish Borders",
        description: "Cashmere and lambswool spun, knitted and finished in the Scottish Borders.",
        story: "Brae & Loch washes its cashmere in the soft water of the River Teviot, as the mills of Hawick have for two centuries. Every garment is hand-linked and checked against the light, stitch by stitch.",
        sustainability_score: 84,
        certifications: &["Good Cashmere Standard", "Woolmark"],
        instagram: "braeandloch",
    },
    BrandSpec {
        slug: "okayama-indigo-works",
        name: "Okayama Indigo Works",
        origin: "Okayama",
        description: "Rope-dyed indigo and selvedge cloth woven on vintage shuttle looms.",
        story: "In a valley outside Kojima, Okayama Indigo Works dyes cotton in natural indigo vats up to thirty times. Its shuttle looms weave barely fifty metres a day, which is exactly the point.",
        sustainability_score: 80,
        certifications: &["Natural indigo", "Organic cotton"],
        instagram: "okayamaindigoworks",
    },
    BrandSpec {
        slug: "ferro-milano",
        name: "Ferro Milano",
        origin: "Milan",
        description: "Vegetable-tanned leather goods, saddle-stitched in Milan.",
        story: "Ferro Milano sources full-grain hides from a single Tuscan tannery that still uses chestnut and mimosa bark. Each bag is saddle-stitched with two needles, so a broken thread never unravels the seam.",
        sustainability_score: 74,
        certifications: &["Vegetable-tanned leather", "LWG Gold"],
        instagram: "ferromilano",
    },
    BrandSpec {
        slug: "nordlys-studio",
        name: "Nordlys Studio",
        origin: "Copenhagen",
        description: "Quiet Scandinavian outerwear and knitwear designed to be worn for decades.",
        story: "Nordlys Studio designs in Copenhagen and makes in small family workshops in Portugal and Lithuania. It repairs every coat it has ever sold, free of charge, for as long as the coat lasts.",
        sustainability_score: 88,
        certifications: &["Responsible Wool Standard", "B Corp"],
        instagram: "nordlysstudio",
    },
    BrandSpec {
        slug: "casa-velluto",
        name: "Casa Velluto",
        origin: "Florence",
        description: "Florentine velvet, linen and candles for the home.",
        story: "Casa Velluto began as a velvet weaver for Florentine palazzi. Today its looms also weave Tuscan linen, and its candles are poured by hand from rapeseed wax in the same courtyard.",
        sustainability_score: 76,
        certifications: &["European Flax", "Made in Italy"],
        instagram: "casavelluto",
    },
    BrandSpec {
        slug: "lumen-and-co",
        name: "Lumen & Co.",
        origin: "Murano",
        description: "Mouth-blown Murano glass from a furnace that has burned since 1881.",
        story: "Lumen & Co. works with a family of Murano glass masters who still blow every piece by mouth. Small bubbles and slight differences are the signature of the furnace, never a flaw.",
        sustainability_score: 69,
        certifications: &["Vetro Artistico Murano"],
        instagram: "lumenandco",
    },
    BrandSpec {
        slug: "terra-kiln",
        name: "Terra Kiln",
        origin: "Kyoto",
        description: "Wheel-thrown stoneware fired in a wood kiln outside Kyoto.",
        story: "Terra Kiln fires its stoneware for three days in an anagama kiln. Ash settling on the pots melts into glaze, so no two pieces ever come out of the fire alike.",
        sustainability_score: 82,
        certifications: &["Handmade"],
        instagram: "terrakiln",
    },
    BrandSpec {
        slug: "orfevre-delacroix",
        name: "Orfèvre Delacroix",
        origin: "Paris",
        description: "Fine jewellery in recycled gold and traceable stones, set by hand in the Marais.",
        story: "Orfèvre Delacroix casts only recycled 18-carat gold and sets stones whose mine of origin it can name. Each piece is stamped with the initials of the jeweller who finished it.",
        sustainability_score: 81,
        certifications: &["Responsible Jewellery Council", "Recycled gold"],
        instagram: "orfevredelacroix",
    },
    BrandSpec {
        slug: "halden-horology",
        name: "Halden Horology",
        origin: "the Vallée de Joux",
        description: "Small-series mechanical watches, assembled and regulated by hand.",
        story: "Halden Horology makes fewer than four hundred watches a year in the Vallée de Joux. Every movement is decorated, assembled and regulated in five positions by a single watchmaker.",
        sustainability_score: 66,
        certifications: &["Swiss made"],
        instagram: "haldenhorology",
    },
    BrandSpec {
        slug: "solenne-lunettes",
        name: "Solenne Lunettes",
        origin: "the Jura",
        description: "Acetate and titanium eyewear, hand-polished in the French Jura.",
        story: "Solenne Lunettes cuts its frames from blocks of plant-based acetate and tumbles them for four days in wood chips before they are polished by hand.",
        sustainability_score: 73,
        certifications: &["Bio-acetate"],
        instagram: "solennelunettes",
    },
];

/// How a category's pieces are sized.
#[derive(Clone, Copy)]
pub enum Sizing {
    Apparel,
    Tailoring,
    Rings,
    OneSize,
}

pub struct PieceKind {
    pub name: &'static str,
    pub fr: &'static str,
    pub it: &'static str,
    /// Price of the first piece of this kind, in USD.
    pub base_price: i64,
    pub tags: &'static [&'static str],
}

pub struct LeafSpec {
    pub slug: &'static str,
    pub name: &'static str,
    pub fr: &'static str,
    pub it: &'static str,
    pub brands: &'static [&'static str],
    pub sizing: Sizing,
    /// Indexes into `MATERIALS` this category uses.
    pub materials: &'static [usize],
    pub kinds: [PieceKind; 4],
}

pub struct DepartmentSpec {
    pub slug: &'static str,
    pub name: &'static str,
    pub fr: &'static str,
    pub it: &'static str,
    pub description: &'static str,
    pub leaves: &'static [LeafSpec],
}

pub struct Material {
    pub name: &'static str,
    pub fr: &'static str,
    pub it: &'static str,
    pub origin: &'static str,
    pub note: &'static str,
    pub recyclable: bool,
}

pub const MATERIALS: [Material; 16] = [
    Material {
        name: "Silk",
        fr: "soie",
        it: "seta",
        origin: "Como",
        note: "fluid, luminous silk that warms to the skin",
        recyclable: false,
    },
    Material {
        name: "Cashmere",
        fr: "cachemire",
        it: "cashmere",
        origin: "the Scottish Borders",
        note: "featherlight cashmere, combed from the undercoat",
        recyclable: true,
    },
    Material {
        name: "Merino",
        fr: "mérinos",
        it: "merino",
        origin: "Biella",
        note: "fine merino that breathes through the seasons",
        recyclable: true,
    },
    Material {
        name: "Wool Flannel",
        fr: "flanelle de laine",
        it: "flanella di lana",
        origin: "Biella",
        note: "soft, brushed wool flannel with a quiet drape",
        recyclable: true,
    },
    Material {
        name: "Linen",
        fr: "lin",
        it: "lino",
        origin: "Flanders",
        note: "washed Flemish linen that softens with every wear",
        recyclable: true,
    },
    Material {
        name: "Cotton Poplin",
        fr: "popeline de coton",
        it: "popeline di cotone",
        origin: "Lombardy",
        note: "crisp two-ply cotton poplin",
        recyclable: true,
    },
    Material {
        name: "Selvedge Denim",
        fr: "denim selvedge",
        it: "denim cimosato",
        origin: "Okayama",
        note: "rope-dyed selvedge denim woven on shuttle looms",
        recyclable: true,
    },
    Material {
        name: "Leather",
        fr: "cuir",
        it: "pelle",
        origin: "Tuscany",
        note: "vegetable-tanned full-grain leather that patinas beautifully",
        recyclable: false,
    },
    Material {
        name: "Suede",
        fr: "daim",
        it: "camoscio",
        origin: "Tuscany",
        note: "velvety suede with a soft hand",
        recyclable: false,
    },
    Material {
        name: "Velvet",
        fr: "velours",
        it: "velluto",
        origin: "Florence",
        note: "deep-piled Florentine velvet",
        recyclable: false,
    },
    Material {
        name: "Gold",
        fr: "or",
        it: "oro",
        origin: "Paris",
        note: "recycled 18-carat gold, polished by hand",
        recyclable: true,
    },
    Material {
        name: "Sterling Silver",
        fr: "argent",
        it: "argento",
        origin: "Paris",
        note: "recycled sterling silver with a soft satin finish",
        recyclable: true,
    },
    Material {
        name: "Stoneware",
        fr: "grès",
        it: "gres",
        origin: "Kyoto",
        note: "wood-fired stoneware with a natural ash glaze",
        recyclable: false,
    },
    Material {
        name: "Murano Glass",
        fr: "verre de Murano",
        it: "vetro di Murano",
        origin: "Murano",
        note: "mouth-blown Murano glass",
        recyclable: true,
    },
    Material {
        name: "Acetate",
        fr: "acétate",
        it: "acetato",
        origin: "the Jura",
        note: "plant-based acetate, tumbled and hand-polished",
        recyclable: false,
    },
    Material {
        name: "Beeswax",
        fr: "cire d'abeille",
        it: "cera d'api",
        origin: "Florence",
        note: "a blend of beeswax and rapeseed wax",
        recyclable: true,
    },
];

pub struct Colour {
    pub name: &'static str,
    pub fr: &'static str,
    pub it: &'static str,
    pub hex: &'static str,
    pub family: &'static str,
}

/// Colour names chosen to stay invariable in French and Italian.
pub const COLOURS: [Colour; 12] = [
    Colour {
        name: "Ivory",
        fr: "ivoire",
        it: "avorio",
        hex: "#efe6d6",
        family: "white",
    },
    Colour {
        name: "Camel",
        fr: "camel",
        it: "cammello",
        hex: "#b88a5a",
        family: "brown",
    },
    Colour {
        name: "Midnight",
        fr: "marine",
        it: "blu notte",
        hex: "#1f2a44",
        family: "blue",
    },
    Colour {
        name: "Bordeaux",
        fr: "bordeaux",
        it: "bordeaux",
        hex: "#6d1f2f",
        family: "red",
    },
    Colour {
        name: "Sand",
        fr: "sable",
        it: "sabbia",
        hex: "#d8c3a5",
        family: "beige",
    },
    Colour {
        name: "Charcoal",
        fr: "anthracite",
        it: "antracite",
        hex: "#3a3a3c",
        family: "grey",
    },
    Colour {
        name: "Emerald",
        fr: "émeraude",
        it: "smeraldo",
        hex: "#1e5c4a",
        family: "green",
    },
    Colour {
        name: "Ebony",
        fr: "ébène",
        it: "ebano",
        hex: "#17130f",
        family: "black",
    },
    Colour {
        name: "Cognac",
        fr: "cognac",
        it: "cognac",
        hex: "#8a4b22",
        family: "brown",
    },
    Colour {
        name: "Blush",
        fr: "poudre",
        it: "cipria",
        hex: "#e6b9b0",
        family: "pink",
    },
    Colour {
        name: "Sage",
        fr: "sauge",
        it: "salvia",
        hex: "#9aa88c",
        family: "green",
    },
    Colour {
        name: "Champagne",
        fr: "champagne",
        it: "champagne",
        hex: "#e3cfa4",
        family: "gold",
    },
];

const SILK: usize = 0;
const CASHMERE: usize = 1;
const MERINO: usize = 2;
const FLANNEL: usize = 3;
const LINEN: usize = 4;
const POPLIN: usize = 5;
const DENIM: usize = 6;
const LEATHER: usize = 7;
const SUEDE: usize = 8;
const VELVET: usize = 9;
const GOLD: usize = 10;
const SILVER: usize = 11;
const STONEWARE: usize = 12;
const GLASS: usize = 13;
const ACETATE: usize = 14;
const WAX: usize = 15;

macro_rules! kind {
    ($name:literal, $fr:literal, $it:literal, $price:literal, [$($tag:literal),*]) => {
        PieceKind { name: $name, fr: $fr, it: $it, base_price: $price, tags: &[$($tag),*] }
    };
}

pub const DEPARTMENTS: [DepartmentSpec; 5] = [
    DepartmentSpec {
        slug: "women",
        name: "Women",
        fr: "Femme",
        it: "Donna",
        description: "Silk, cashmere and tailoring from the ateliers that still make by hand.",
        leaves: &[
            LeafSpec {
                slug: "women-dresses",
                name: "Dresses",
                fr: "Robes",
                it: "Abiti",
                brands: &["maison-aurelle", "nordlys-studio"],
                sizing: Sizing::Apparel,
                materials: &[SILK, VELVET, LINEN],
                kinds: [
                    kind!(
                        "Slip Dress",
                        "robe nuisette",
                        "abito sottoveste",
                        890,
                        ["evening", "minimal"]
                    ),
                    kind!(
                        "Wrap Dress",
                        "robe portefeuille",
                        "abito a portafoglio",
                        760,
                        ["day", "classic"]
                    ),
                    kind!(
                        "Column Gown",
                        "robe colonne",
                        "abito a colonna",
                        1650,
                        ["evening", "occasion"]
                    ),
                    kind!(
                        "Shirt Dress",
                        "robe chemise",
                        "abito chemisier",
                        640,
                        ["day", "relaxed"]
                    ),
                ],
            },
            LeafSpec {
                slug: "women-knitwear",
                name: "Knitwear",
                fr: "Maille",
                it: "Maglieria",
                brands: &["brae-and-loch", "nordlys-studio"],
                sizing: Sizing::Apparel,
                materials: &[CASHMERE, MERINO],
                kinds: [
                    kind!(
                        "Crew-Neck Sweater",
                        "pull col rond",
                        "maglione girocollo",
                        520,
                        ["knit", "classic"]
                    ),
                    kind!(
                        "Cardigan",
                        "cardigan",
                        "cardigan",
                        580,
                        ["knit", "layering"]
                    ),
                    kind!(
                        "Turtleneck",
                        "col roulé",
                        "dolcevita",
                        540,
                        ["knit", "winter"]
                    ),
                    kind!(
                        "Knitted Vest",
                        "gilet en maille",
                        "gilet in maglia",
                        390,
                        ["knit", "layering"]
                    ),
                ],
            },
            LeafSpec {
                slug: "women-outerwear",
                name: "Outerwear",
                fr: "Manteaux",
                it: "Capispalla",
                brands: &["nordlys-studio", "brae-and-loch"],
                sizing: Sizing::Apparel,
                materials: &[CASHMERE, FLANNEL, SUEDE],
                kinds: [
                    kind!(
                        "Wrap Coat",
                        "manteau portefeuille",
                        "cappotto a vestaglia",
                        1890,
                        ["outerwear", "winter"]
                    ),
                    kind!(
                        "Car Coat",
                        "caban",
                        "cappotto corto",
                        1450,
                        ["outerwear", "classic"]
                    ),
                    kind!("Cape", "cape", "mantella", 1250, ["outerwear", "evening"]),
                    kind!(
                        "Trench Coat",
                        "trench",
                        "trench",
                        1580,
                        ["outerwear", "transitional"]
                    ),
                ],
            },
            LeafSpec {
                slug: "women-tailoring",
                name: "Tailoring",
                fr: "Tailleur",
                it: "Sartoria",
                brands: &["atelier-sorrentino", "maison-aurelle"],
                sizing: Sizing::Apparel,
                materials: &[FLANNEL, LINEN, VELVET],
                kinds: [
                    kind!(
                        "Single-Breasted Blazer",
                        "blazer droit",
                        "blazer monopetto",
                        1290,
                        ["tailoring", "classic"]
                    ),
                    kind!(
                        "Wide-Leg Trousers",
                        "pantalon large",
                        "pantaloni a gamba larga",
                        620,
                        ["tailoring", "relaxed"]
                    ),
                    kind!(
                        "Pleated Skirt",
                        "jupe plissée",
                        "gonna plissettata",
                        560,
                        ["tailoring", "day"]
                    ),
                    kind!(
                        "Waistcoat",
                        "gilet tailleur",
                        "gilet sartoriale",
                        480,
                        ["tailoring", "layering"]
                    ),
                ],
            },
        ],
    },
    DepartmentSpec {
        slug: "men",
        name: "Men",
        fr: "Homme",
        it: "Uomo",
        description: "Soft tailoring, honest cloth and knitwear that lasts a lifetime.",
        leaves: &[
            LeafSpec {
                slug: "men-suits",
                name: "Suits",
                fr: "Costumes",
                it: "Abiti da uomo",
                brands: &["atelier-sorrentino"],
                sizing: Sizing::Tailoring,
                materials: &[FLANNEL, LINEN, MERINO],
                kinds: [
                    kind!(
                        "Two-Piece Suit",
                        "costume deux pièces",
                        "abito due pezzi",
                        2890,
                        ["tailoring", "classic"]
                    ),
                    kind!(
                        "Double-Breasted Suit",
                        "costume croisé",
                        "abito doppiopetto",
                        3190,
                        ["tailoring", "evening"]
                    ),
                    kind!(
                        "Unstructured Jacket",
                        "veste déstructurée",
                        "giacca destrutturata",
                        1690,
                        ["tailoring", "relaxed"]
                    ),
                    kind!(
                        "Pleated Trousers",
                        "pantalon à pinces",
                        "pantaloni con pinces",
                        590,
                        ["tailoring", "day"]
                    ),
                ],
            },
            LeafSpec {
                slug: "men-shirts",
                name: "Shirts",
                fr: "Chemises",
                it: "Camicie",
                brands: &["atelier-sorrentino", "okayama-indigo-works"],
                sizing: Sizing::Apparel,
                materials: &[POPLIN, LINEN, DENIM],
                kinds: [
                    kind!(
                        "Oxford Shirt",
                        "chemise oxford",
                        "camicia oxford",
                        320,
                        ["shirting", "classic"]
                    ),
                    kind!(
                        "Camp-Collar Shirt",
                        "chemise col cubain",
                        "camicia collo a campo",
                        340,
                        ["shirting", "summer"]
                    ),
                    kind!(
                        "Overshirt",
                        "surchemise",
                        "sovracamicia",
                        460,
                        ["shirting", "layering"]
                    ),
                    kind!(
                        "Band-Collar Shirt",
                        "chemise col officier",
                        "camicia collo coreano",
                        330,
                        ["shirting", "minimal"]
                    ),
                ],
            },
            LeafSpec {
                slug: "men-knitwear",
                name: "Knitwear",
                fr: "Maille",
                it: "Maglieria",
                brands: &["brae-and-loch"],
                sizing: Sizing::Apparel,
                materials: &[CASHMERE, MERINO],
                kinds: [
                    kind!(
                        "Crew-Neck Jumper",
                        "pull ras du cou",
                        "pullover girocollo",
                        540,
                        ["knit", "classic"]
                    ),
                    kind!(
                        "Shawl-Collar Cardigan",
                        "cardigan col châle",
                        "cardigan collo a scialle",
                        690,
                        ["knit", "winter"]
                    ),
                    kind!(
                        "Polo Knit",
                        "polo en maille",
                        "polo in maglia",
                        450,
                        ["knit", "day"]
                    ),
                    kind!(
                        "Half-Zip Sweater",
                        "pull demi-zippé",
                        "maglione mezza zip",
                        560,
                        ["knit", "sport"]
                    ),
                ],
            },
            LeafSpec {
                slug: "men-outerwear",
                name: "Outerwear",
                fr: "Manteaux",
                it: "Capispalla",
                brands: &["nordlys-studio", "okayama-indigo-works"],
                sizing: Sizing::Apparel,
                materials: &[FLANNEL, DENIM, SUEDE],
                kinds: [
                    kind!(
                        "Overcoat",
                        "pardessus",
                        "cappotto",
                        1790,
                        ["outerwear", "winter"]
                    ),
                    kind!(
                        "Chore Jacket",
                        "veste de travail",
                        "giacca da lavoro",
                        690,
                        ["outerwear", "relaxed"]
                    ),
                    kind!(
                        "Bomber Jacket",
                        "blouson aviateur",
                        "bomber",
                        1190,
                        ["outerwear", "sport"]
                    ),
                    kind!(
                        "Field Jacket",
                        "veste de terrain",
                        "giacca da campo",
                        980,
                        ["outerwear", "transitional"]
                    ),
                ],
            },
        ],
    },
    DepartmentSpec {
        slug: "accessories",
        name: "Accessories",
        fr: "Accessoires",
        it: "Accessori",
        description: "Scarves, leather goods and eyewear: the pieces that finish a look.",
        leaves: &[
            LeafSpec {
                slug: "accessories-scarves",
                name: "Scarves",
                fr: "Foulards",
                it: "Foulard",
                brands: &["maison-aurelle", "brae-and-loch"],
                sizing: Sizing::OneSize,
                materials: &[SILK, CASHMERE, LINEN],
                kinds: [
                    kind!(
                        "Printed Square Scarf",
                        "carré imprimé",
                        "foulard quadrato stampato",
                        420,
                        ["scarf", "print"]
                    ),
                    kind!("Long Stole", "étole", "stola", 460, ["scarf", "layering"]),
                    kind!(
                        "Fringed Scarf",
                        "écharpe à franges",
                        "sciarpa con frange",
                        380,
                        ["scarf", "winter"]
                    ),
                    kind!(
                        "Bandana Scarf",
                        "foulard bandana",
                        "foulard bandana",
                        260,
                        ["scarf", "summer"]
                    ),
                ],
            },
            LeafSpec {
                slug: "accessories-bags",
                name: "Bags",
                fr: "Sacs",
                it: "Borse",
                brands: &["ferro-milano"],
                sizing: Sizing::OneSize,
                materials: &[LEATHER, SUEDE],
                kinds: [
                    kind!("Tote Bag", "sac cabas", "borsa tote", 1450, ["bag", "day"]),
                    kind!(
                        "Crossbody Bag",
                        "sac bandoulière",
                        "borsa a tracolla",
                        1190,
                        ["bag", "everyday"]
                    ),
                    kind!(
                        "Evening Clutch",
                        "pochette du soir",
                        "pochette da sera",
                        890,
                        ["bag", "evening"]
                    ),
                    kind!(
                        "Weekender",
                        "sac de voyage",
                        "borsone da viaggio",
                        1980,
                        ["bag", "travel"]
                    ),
                ],
            },
            LeafSpec {
                slug: "accessories-belts",
                name: "Belts",
                fr: "Ceintures",
                it: "Cinture",
                brands: &["ferro-milano"],
                sizing: Sizing::Apparel,
                materials: &[LEATHER, SUEDE],
                kinds: [
                    kind!(
                        "Classic Belt",
                        "ceinture classique",
                        "cintura classica",
                        290,
                        ["belt", "classic"]
                    ),
                    kind!(
                        "Braided Belt",
                        "ceinture tressée",
                        "cintura intrecciata",
                        320,
                        ["belt", "summer"]
                    ),
                    kind!(
                        "Reversible Belt",
                        "ceinture réversible",
                        "cintura reversibile",
                        360,
                        ["belt", "tailoring"]
                    ),
                    kind!(
                        "Wide Waist Belt",
                        "ceinture large",
                        "cintura alta",
                        340,
                        ["belt", "evening"]
                    ),
                ],
            },
            LeafSpec {
                slug: "accessories-sunglasses",
                name: "Sunglasses",
                fr: "Lunettes de soleil",
                it: "Occhiali da sole",
                brands: &["solenne-lunettes"],
                sizing: Sizing::OneSize,
                materials: &[ACETATE],
                kinds: [
                    kind!(
                        "Round Sunglasses",
                        "lunettes rondes",
                        "occhiali rotondi",
                        390,
                        ["eyewear", "summer"]
                    ),
                    kind!(
                        "Cat-Eye Sunglasses",
                        "lunettes œil-de-chat",
                        "occhiali cat-eye",
                        420,
                        ["eyewear", "evening"]
                    ),
                    kind!(
                        "Square Sunglasses",
                        "lunettes carrées",
                        "occhiali squadrati",
                        390,
                        ["eyewear", "classic"]
                    ),
                    kind!(
                        "Aviator Sunglasses",
                        "lunettes aviateur",
                        "occhiali aviator",
                        450,
                        ["eyewear", "sport"]
                    ),
                ],
            },
        ],
    },
    DepartmentSpec {
        slug: "jewellery",
        name: "Jewellery",
        fr: "Joaillerie",
        it: "Gioielleria",
        description: "Recycled gold, traceable stones and watches regulated by hand.",
        leaves: &[
            LeafSpec {
                slug: "jewellery-necklaces",
                name: "Necklaces",
                fr: "Colliers",
                it: "Collane",
                brands: &["orfevre-delacroix"],
                sizing: Sizing::OneSize,
                materials: &[GOLD, SILVER],
                kinds: [
                    kind!(
                        "Pendant Necklace",
                        "collier pendentif",
                        "collana con pendente",
                        1280,
                        ["jewellery", "everyday"]
                    ),
                    kind!(
                        "Chain Necklace",
                        "collier chaîne",
                        "collana a catena",
                        980,
                        ["jewellery", "layering"]
                    ),
                    kind!(
                        "Pearl Necklace",
                        "collier de perles",
                        "collana di perle",
                        2400,
                        ["jewellery", "occasion"]
                    ),
                    kind!(
                        "Choker",
                        "ras-de-cou",
                        "girocollo",
                        1150,
                        ["jewellery", "evening"]
                    ),
                ],
            },
            LeafSpec {
                slug: "jewellery-earrings",
                name: "Earrings",
                fr: "Boucles d'oreilles",
                it: "Orecchini",
                brands: &["orfevre-delacroix"],
                sizing: Sizing::OneSize,
                materials: &[GOLD, SILVER],
                kinds: [
                    kind!(
                        "Hoop Earrings",
                        "créoles",
                        "orecchini a cerchio",
                        890,
                        ["jewellery", "everyday"]
                    ),
                    kind!(
                        "Stud Earrings",
                        "puces d'oreilles",
                        "orecchini a lobo",
                        640,
                        ["jewellery", "minimal"]
                    ),
                    kind!(
                        "Drop Earrings",
                        "pendants d'oreilles",
                        "orecchini pendenti",
                        1190,
                        ["jewellery", "evening"]
                    ),
                    kind!(
                        "Ear Cuff",
                        "bijou d'oreille",
                        "ear cuff",
                        420,
                        ["jewellery", "modern"]
                    ),
                ],
            },
            LeafSpec {
                slug: "jewellery-rings",
                name: "Rings",
                fr: "Bagues",
                it: "Anelli",
                brands: &["orfevre-delacroix"],
                sizing: Sizing::Rings,
                materials: &[GOLD, SILVER],
                kinds: [
                    kind!(
                        "Signet Ring",
                        "chevalière",
                        "anello con sigillo",
                        1350,
                        ["jewellery", "heritage"]
                    ),
                    kind!(
                        "Band Ring",
                        "alliance",
                        "fede",
                        780,
                        ["jewellery", "minimal"]
                    ),
                    kind!(
                        "Cocktail Ring",
                        "bague cocktail",
                        "anello cocktail",
                        2100,
                        ["jewellery", "evening"]
                    ),
                    kind!(
                        "Stacking Ring",
                        "bague empilable",
                        "anello impilabile",
                        460,
                        ["jewellery", "everyday"]
                    ),
                ],
            },
            LeafSpec {
                slug: "jewellery-watches",
                name: "Watches",
                fr: "Montres",
                it: "Orologi",
                brands: &["halden-horology"],
                sizing: Sizing::OneSize,
                materials: &[GOLD, SILVER, LEATHER],
                kinds: [
                    kind!(
                        "Dress Watch",
                        "montre habillée",
                        "orologio elegante",
                        8900,
                        ["watch", "evening"]
                    ),
                    kind!(
                        "Chronograph",
                        "chronographe",
                        "cronografo",
                        12400,
                        ["watch", "sport"]
                    ),
                    kind!(
                        "Field Watch",
                        "montre de terrain",
                        "orologio da campo",
                        5600,
                        ["watch", "everyday"]
                    ),
                    kind!(
                        "Moonphase Watch",
                        "montre phases de lune",
                        "orologio fasi lunari",
                        15800,
                        ["watch", "heritage"]
                    ),
                ],
            },
        ],
    },
    DepartmentSpec {
        slug: "home",
        name: "Home",
        fr: "Maison",
        it: "Casa",
        description: "Stoneware, glass, linen and candles for rooms that breathe.",
        leaves: &[
            LeafSpec {
                slug: "home-ceramics",
                name: "Ceramics",
                fr: "Céramique",
                it: "Ceramica",
                brands: &["terra-kiln"],
                sizing: Sizing::OneSize,
                materials: &[STONEWARE],
                kinds: [
                    kind!("Vase", "vase", "vaso", 340, ["ceramics", "decor"]),
                    kind!(
                        "Serving Bowl",
                        "saladier",
                        "insalatiera",
                        220,
                        ["ceramics", "table"]
                    ),
                    kind!(
                        "Dinner Plate Set",
                        "assiettes plates",
                        "set di piatti piani",
                        280,
                        ["ceramics", "table"]
                    ),
                    kind!(
                        "Tea Cup Pair",
                        "paire de tasses à thé",
                        "coppia di tazze da tè",
                        160,
                        ["ceramics", "tea"]
                    ),
                ],
            },
            LeafSpec {
                slug: "home-textiles",
                name: "Textiles",
                fr: "Linge de maison",
                it: "Tessili",
                brands: &["casa-velluto", "brae-and-loch"],
                sizing: Sizing::OneSize,
                materials: &[LINEN, CASHMERE, VELVET],
                kinds: [
                    kind!("Throw", "plaid", "plaid", 640, ["textile", "living"]),
                    kind!("Cushion", "coussin", "cuscino", 190, ["textile", "living"]),
                    kind!(
                        "Table Linen Set",
                        "linge de table",
                        "set di tovaglie",
                        260,
                        ["textile", "table"]
                    ),
                    kind!(
                        "Bed Linen Set",
                        "parure de lit",
                        "set di lenzuola",
                        520,
                        ["textile", "bedroom"]
                    ),
                ],
            },
            LeafSpec {
                slug: "home-glassware",
                name: "Glassware",
                fr: "Verrerie",
                it: "Cristalleria",
                brands: &["lumen-and-co"],
                sizing: Sizing::OneSize,
                materials: &[GLASS],
                kinds: [
                    kind!(
                        "Wine Glass Pair",
                        "paire de verres à vin",
                        "coppia di calici",
                        240,
                        ["glass", "table"]
                    ),
                    kind!("Carafe", "carafe", "caraffa", 290, ["glass", "table"]),
                    kind!(
                        "Tumbler Set",
                        "gobelets",
                        "set di bicchieri",
                        210,
                        ["glass", "table"]
                    ),
                    kind!(
                        "Glass Vase",
                        "vase en verre",
                        "vaso in vetro",
                        380,
                        ["glass", "decor"]
                    ),
                ],
            },
            LeafSpec {
                slug: "home-candles",
                name: "Candles",
                fr: "Bougies",
                it: "Candele",
                brands: &["casa-velluto", "lumen-and-co"],
                sizing: Sizing::OneSize,
                materials: &[WAX],
                kinds: [
                    kind!(
                        "Scented Candle",
                        "bougie parfumée",
                        "candela profumata",
                        95,
                        ["candle", "fragrance"]
                    ),
                    kind!(
                        "Pillar Candle Set",
                        "bougies pilier",
                        "set di candele a colonna",
                        80,
                        ["candle", "decor"]
                    ),
                    kind!(
                        "Taper Candle Pair",
                        "paire de chandelles",
                        "coppia di candele affusolate",
                        60,
                        ["candle", "table"]
                    ),
                    kind!(
                        "Travel Candle",
                        "bougie de voyage",
                        "candela da viaggio",
                        55,
                        ["candle", "fragrance"]
                    ),
                ],
            },
        ],
    },
];

pub struct CollectionSpec {
    pub slug: &'static str,
    pub name: &'static str,
    pub fr: &'static str,
    pub it: &'static str,
    pub description: &'static str,
    /// Style tag or category slug prefix that selects the collection's pieces.
    pub picks: &'static [&'static str],
}

pub const COLLECTIONS: [CollectionSpec; 6] = [
    CollectionSpec {
        slug: "the-winter-atelier",
        name: "The Winter Atelier",
        fr: "L'Atelier d'hiver",
        it: "L'Atelier d'inverno",
        description: "Cashmere, flannel and candlelight for the longest nights of the year.",
        picks: &["winter"],
    },
    CollectionSpec {
        slug: "riviera-summer",
        name: "Riviera Summer",
        fr: "Été sur la Riviera",
        it: "Estate in Riviera",
        description: "Linen, silk and sunglasses for long lunches by the sea.",
        picks: &["summer"],
    },
    CollectionSpec {
        slug: "evening-hours",
        name: "Evening Hours",
        fr: "Heures du soir",
        it: "Ore serali",
        description: "Gowns, clutches and jewels that catch the light after dark.",
        picks: &["evening"],
    },
    CollectionSpec {
        slug: "heritage-icons",
        name: "Heritage Icons",
        fr: "Icônes patrimoniales",
        it: "Icone della tradizione",
        description: "Classics from houses that have made them the same way for generations.",
        picks: &["classic", "heritage"],
    },
    CollectionSpec {
        slug: "the-table",
        name: "The Table",
        fr: "La Table",
        it: "La Tavola",
        description: "Stoneware, glass and linen for unhurried dinners.",
        picks: &["table"],
    },
    CollectionSpec {
        slug: "conscious-luxury",
        name: "Conscious Luxury",
        fr: "Luxe responsable",
        it: "Lusso consapevole",
        description: "Pieces from our most sustainable makers, with materials you can trace.",
        picks: &["sustainable"],
    },
];
