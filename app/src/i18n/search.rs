//! The search page: the search box with its suggestions, results and messages.

pub struct SearchText {
    pub title: &'static str,
    /// "Search: cashmere" (the document title).
    pub page_title: fn(&str) -> String,
    pub description: &'static str,
    pub label: &'static str,
    pub placeholder: &'static str,
    pub submit: &'static str,
    pub hint: &'static str,
    pub suggestions: &'static str,
    /// Announced when suggestions appear: "3 suggestions. Use the up and down arrows...".
    pub suggestions_status: fn(usize) -> String,
    pub kind_product: &'static str,
    pub kind_brand: &'static str,
    pub kind_category: &'static str,
    pub intro: &'static str,
    pub searching: &'static str,
    /// "12 pieces for “cashmere”".
    pub results_for: fn(u64, &str) -> String,
    pub showing_results_for: &'static str,
    /// " No exact matches for “cashmer”."
    pub no_exact_matches: fn(&str) -> String,
    /// "No pieces match “qwzxv”".
    pub empty_title: fn(&str) -> String,
    /// The grid's heading, for screen readers.
    pub results_heading: &'static str,
    pub empty_hint: &'static str,
    pub browse_all: &'static str,
    pub back_to_first: &'static str,
    pub more_results: &'static str,
    pub failed: &'static str,
    pub empty_query: &'static str,
    /// "Your search is too long: please use at most 200 characters."
    pub too_long: fn(usize) -> String,
    pub no_words: &'static str,
    /// "We could not apply these filters: {detail}."
    pub bad_filter: fn(&str) -> String,
    pub bad_cursor: &'static str,
    /// The list of filters read from the query, for screen readers.
    pub chips_label: &'static str,
    /// "Remove filter: Under $500" (a chip's accessible name).
    pub remove_chip: fn(&str) -> String,
    /// "Under $500".
    pub chip_under: fn(&str) -> String,
    /// "Over $500".
    pub chip_over: fn(&str) -> String,
    /// "$200 to $500".
    pub chip_between: fn(&str, &str) -> String,
    /// "Size M".
    pub chip_size: fn(&str) -> String,
    /// A colour family by its code ("black"), as a chip shows it.
    pub chip_color: fn(&str) -> String,
    /// A department by its slug ("men"), as a chip shows it.
    pub chip_department: fn(&str) -> String,
}

pub const EN: SearchText = SearchText {
    title: "Search",
    page_title: |query| format!("Search: {query}"),
    description: "Search the LuxeVerse collection by piece, designer or category.",
    label: "Search the collection",
    placeholder: "Cashmere, chronograph, Halden…",
    submit: "Search",
    hint: "Suggestions appear as you type.",
    suggestions: "Suggestions",
    suggestions_status: |count| match count {
        1 => "1 suggestion. Use the up and down arrows to choose.".to_string(),
        count => format!("{count} suggestions. Use the up and down arrows to choose."),
    },
    kind_product: "Piece",
    kind_brand: "Designer",
    kind_category: "Category",
    intro: "Search by piece, designer, material or category, or describe what you have in mind: “a warm coat in black under $2,000”.",
    searching: "Searching…",
    results_for: |count, query| match count {
        1 => format!("1 piece for “{query}”"),
        count => format!("{count} pieces for “{query}”"),
    },
    showing_results_for: "Showing results for",
    no_exact_matches: |terms| format!(" No exact matches for “{terms}”."),
    empty_title: |query| format!("No pieces match “{query}”"),
    results_heading: "Results",
    empty_hint: "Check the spelling, try fewer or different words, or",
    browse_all: "browse all pieces",
    back_to_first: "Back to the first results",
    more_results: "More results",
    failed: "We could not search just now. Please try again.",
    empty_query: "Please type what you are looking for.",
    too_long: |max| format!("Your search is too long: please use at most {max} characters."),
    no_words: "Please search with words or numbers.",
    bad_filter: |detail| format!("We could not apply these filters: {detail}."),
    bad_cursor: "This results page is not valid; please start the search again.",
    chips_label: "Filters from your search",
    remove_chip: |label| format!("Remove filter: {label}"),
    chip_under: |price| format!("Under {price}"),
    chip_over: |price| format!("Over {price}"),
    chip_between: |low, high| format!("{low} to {high}"),
    chip_size: |size| format!("Size {size}"),
    chip_color: |family| {
        match family {
            "white" => "White",
            "black" => "Black",
            "blue" => "Blue",
            "red" => "Red",
            "brown" => "Brown",
            "beige" => "Beige",
            "grey" => "Grey",
            "green" => "Green",
            "pink" => "Pink",
            "gold" => "Gold",
            other => other,
        }
        .to_string()
    },
    chip_department: |slug| {
        match slug {
            "women" => "Women",
            "men" => "Men",
            "home" => "Home",
            other => other,
        }
        .to_string()
    },
};

pub const FR: SearchText = SearchText {
    title: "Recherche",
    page_title: |query| format!("Recherche : {query}"),
    description: "Recherchez dans la collection LuxeVerse par pièce, créateur ou catégorie.",
    label: "Rechercher dans la collection",
    placeholder: "Cachemire, chronographe, Halden…",
    submit: "Rechercher",
    hint: "Des suggestions s’affichent pendant la saisie.",
    suggestions: "Suggestions",
    suggestions_status: |count| match count {
        1 => "1 suggestion. Utilisez les flèches haut et bas pour choisir.".to_string(),
        count => format!("{count} suggestions. Utilisez les flèches haut et bas pour choisir."),
    },
    kind_product: "Pièce",
    kind_brand: "Créateur",
    kind_category: "Catégorie",
    intro: "Recherchez par pièce, créateur, matière ou catégorie, ou décrivez ce que vous avez en tête : « un manteau chaud en noir moins de 2000 $ ».",
    searching: "Recherche en cours…",
    results_for: |count, query| match count {
        0 | 1 => format!("{count} pièce pour « {query} »"),
        count => format!("{count} pièces pour « {query} »"),
    },
    showing_results_for: "Résultats pour",
    no_exact_matches: |terms| format!(" Aucun résultat exact pour « {terms} »."),
    empty_title: |query| format!("Aucune pièce ne correspond à « {query} »"),
    results_heading: "Résultats",
    empty_hint: "Vérifiez l’orthographe, essayez moins de mots ou d’autres mots, ou",
    browse_all: "parcourez toutes les pièces",
    back_to_first: "Revenir aux premiers résultats",
    more_results: "Plus de résultats",
    failed: "La recherche est momentanément impossible. Veuillez réessayer.",
    empty_query: "Veuillez saisir ce que vous recherchez.",
    too_long: |max| format!("Votre recherche est trop longue : {max} caractères au plus."),
    no_words: "Veuillez rechercher avec des mots ou des chiffres.",
    bad_filter: |detail| format!("Impossible d’appliquer ces filtres : {detail}."),
    bad_cursor: "Cette page de résultats n’est pas valide ; veuillez relancer la recherche.",
    chips_label: "Filtres tirés de votre recherche",
    remove_chip: |label| format!("Retirer le filtre : {label}"),
    chip_under: |price| format!("Moins de {price}"),
    chip_over: |price| format!("Plus de {price}"),
    chip_between: |low, high| format!("De {low} à {high}"),
    chip_size: |size| format!("Taille {size}"),
    chip_color: |family| {
        match family {
            "white" => "Blanc",
            "black" => "Noir",
            "blue" => "Bleu",
            "red" => "Rouge",
            "brown" => "Marron",
            "beige" => "Beige",
            "grey" => "Gris",
            "green" => "Vert",
            "pink" => "Rose",
            "gold" => "Doré",
            other => other,
        }
        .to_string()
    },
    chip_department: |slug| {
        match slug {
            "women" => "Femme",
            "men" => "Homme",
            "home" => "Maison",
            other => other,
        }
        .to_string()
    },
};

pub const IT: SearchText = SearchText {
    title: "Cerca",
    page_title: |query| format!("Cerca: {query}"),
    description: "Cerca nella collezione LuxeVerse per capo, designer o categoria.",
    label: "Cerca nella collezione",
    placeholder: "Cashmere, cronografo, Halden…",
    submit: "Cerca",
    hint: "I suggerimenti compaiono mentre scrivi.",
    suggestions: "Suggerimenti",
    suggestions_status: |count| match count {
        1 => "1 suggerimento. Usa le frecce su e giù per scegliere.".to_string(),
        count => format!("{count} suggerimenti. Usa le frecce su e giù per scegliere."),
    },
    kind_product: "Capo",
    kind_brand: "Designer",
    kind_category: "Categoria",
    intro: "Cerca per capo, designer, materiale o categoria, oppure descrivi ciò che hai in mente: «un cappotto caldo in nero sotto i 2000 dollari».",
    searching: "Ricerca in corso…",
    results_for: |count, query| match count {
        1 => format!("1 capo per «{query}»"),
        count => format!("{count} capi per «{query}»"),
    },
    showing_results_for: "Risultati per",
    no_exact_matches: |terms| format!(" Nessun risultato esatto per «{terms}»."),
    empty_title: |query| format!("Nessun capo corrisponde a «{query}»"),
    results_heading: "Risultati",
    empty_hint: "Controlla l’ortografia, prova con meno parole o parole diverse, oppure",
    browse_all: "sfoglia tutti i capi",
    back_to_first: "Torna ai primi risultati",
    more_results: "Altri risultati",
    failed: "Non è stato possibile cercare ora. Riprova.",
    empty_query: "Scrivi che cosa stai cercando.",
    too_long: |max| format!("La ricerca è troppo lunga: usa al massimo {max} caratteri."),
    no_words: "Cerca con parole o numeri.",
    bad_filter: |detail| format!("Non è stato possibile applicare questi filtri: {detail}."),
    bad_cursor: "Questa pagina di risultati non è valida; ricomincia la ricerca.",
    chips_label: "Filtri ricavati dalla ricerca",
    remove_chip: |label| format!("Rimuovi il filtro: {label}"),
    chip_under: |price| format!("Sotto {price}"),
    chip_over: |price| format!("Oltre {price}"),
    chip_between: |low, high| format!("Da {low} a {high}"),
    chip_size: |size| format!("Taglia {size}"),
    chip_color: |family| {
        match family {
            "white" => "Bianco",
            "black" => "Nero",
            "blue" => "Blu",
            "red" => "Rosso",
            "brown" => "Marrone",
            "beige" => "Beige",
            "grey" => "Grigio",
            "green" => "Verde",
            "pink" => "Rosa",
            "gold" => "Oro",
            other => other,
        }
        .to_string()
    },
    chip_department: |slug| {
        match slug {
            "women" => "Donna",
            "men" => "Uomo",
            "home" => "Casa",
            other => other,
        }
        .to_string()
    },
};
