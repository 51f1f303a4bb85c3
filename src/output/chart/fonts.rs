//! The embedded fonts, in the order a label's characters look them up: the first font
//! of [`FONT_FILES`] (for the label's weight) that has a character's glyph draws it.
//!
//! System fonts would draw more, but differently on every machine; these are compiled
//! in, so a chart is the same bytes everywhere. Vazirmatn comes first, so Arabic,
//! Persian and Latin labels are drawn as before; Noto Sans adds Greek and Cyrillic, one
//! Noto face each script of [`Script`] that has no other, and a cut of Noto Sans CJK
//! (see `scripts/make-fonts.sh`) Chinese, Japanese and Korean. Bold text has bold faces
//! for Latin, Arabic, Greek and Cyrillic; other scripts are drawn in their regular face
//! (a bold face each would double the 8 MB the fonts add to the binary).
//! `assets/fonts/README.md` says where each file comes from.

use crate::script::Script;

/// Which text a font draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    /// Regular text only.
    Regular,
    /// Bold text only.
    Bold,
    /// Both: a script with one face, drawn regular in bold text too.
    Both,
}

impl Weight {
    /// Whether a font of this weight draws text that is `bold` or not.
    pub fn draws(self, bold: bool) -> bool {
        match self {
            Weight::Regular => !bold,
            Weight::Bold => bold,
            Weight::Both => true,
        }
    }
}

/// One embedded font file.
pub struct FontFile {
    /// Its family's name, as index.html's `font-family` names it.
    pub family: &'static str,
    /// Which text it draws.
    pub weight: Weight,
    /// The scripts it is embedded for: the test renders words of each and fails on any
    /// character it leaves to a placeholder.
    pub scripts: &'static [Script],
    /// Whether index.html embeds it where its text needs it. Not the CJK cut: as WOFF
    /// it is 4.3 MB, which would make a page of Chinese text 7 MB; the page names its
    /// family and browsers draw such text in the system's CJK fonts.
    pub in_page: bool,
    /// The file's bytes.
    pub data: &'static [u8],
}

macro_rules! font_file {
    ($family:literal, $file:literal, $weight:ident, [$($script:ident),*]) => {
        font_file!($family, $file, $weight, [$($script),*], in_page: true)
    };
    ($family:literal, $file:literal, $weight:ident, [$($script:ident),*], in_page: $in_page:literal) => {
        FontFile {
            family: $family,
            weight: Weight::$weight,
            scripts: &[$(Script::$script),*],
            in_page: $in_page,
            data: include_bytes!(concat!("../../../assets/fonts/", $file)),
        }
    };
}

/// Every embedded font, in the order labels look them up.
pub static FONT_FILES: &[FontFile] = &[
    font_file!(
        "Vazirmatn",
        "Vazirmatn-Regular.ttf",
        Regular,
        [Arabic, Latin]
    ),
    font_file!("Vazirmatn", "Vazirmatn-Bold.ttf", Bold, [Arabic, Latin]),
    font_file!(
        "Noto Sans",
        "NotoSans-Regular.ttf",
        Regular,
        [Latin, Greek, Cyrillic]
    ),
    font_file!(
        "Noto Sans",
        "NotoSans-Bold.ttf",
        Bold,
        [Latin, Greek, Cyrillic]
    ),
    font_file!(
        "Noto Sans Armenian",
        "NotoSansArmenian-Regular.ttf",
        Both,
        [Armenian]
    ),
    font_file!(
        "Noto Sans Bengali",
        "NotoSansBengali-Regular.ttf",
        Both,
        [Bengali]
    ),
    font_file!(
        "Noto Sans Devanagari",
        "NotoSansDevanagari-Regular.ttf",
        Both,
        [Devanagari]
    ),
    font_file!(
        "Noto Sans Ethiopic",
        "NotoSansEthiopic-Regular.ttf",
        Both,
        [Ethiopic]
    ),
    font_file!(
        "Noto Sans Georgian",
        "NotoSansGeorgian-Regular.ttf",
        Both,
        [Georgian]
    ),
    font_file!(
        "Noto Sans Gujarati",
        "NotoSansGujarati-Regular.ttf",
        Both,
        [Gujarati]
    ),
    font_file!(
        "Noto Sans Gurmukhi",
        "NotoSansGurmukhi-Regular.ttf",
        Both,
        [Gurmukhi]
    ),
    font_file!(
        "Noto Sans Hebrew",
        "NotoSansHebrew-Regular.ttf",
        Both,
        [Hebrew]
    ),
    font_file!(
        "Noto Sans Kannada",
        "NotoSansKannada-Regular.ttf",
        Both,
        [Kannada]
    ),
    font_file!(
        "Noto Sans Khmer",
        "NotoSansKhmer-Regular.ttf",
        Both,
        [Khmer]
    ),
    font_file!("Noto Sans Lao", "NotoSansLao-Regular.ttf", Both, [Lao]),
    font_file!(
        "Noto Sans Malayalam",
        "NotoSansMalayalam-Regular.ttf",
        Both,
        [Malayalam]
    ),
    font_file!(
        "Noto Sans Myanmar",
        "NotoSansMyanmar-Regular.ttf",
        Both,
        [Myanmar]
    ),
    font_file!(
        "Noto Sans Oriya",
        "NotoSansOriya-Regular.ttf",
        Both,
        [Oriya]
    ),
    font_file!(
        "Noto Sans Sinhala",
        "NotoSansSinhala-Regular.ttf",
        Both,
        [Sinhala]
    ),
    font_file!(
        "Noto Sans Syriac",
        "NotoSansSyriac-Regular.ttf",
        Both,
        [Syriac]
    ),
    font_file!(
        "Noto Sans Tamil",
        "NotoSansTamil-Regular.ttf",
        Both,
        [Tamil]
    ),
    font_file!(
        "Noto Sans Telugu",
        "NotoSansTelugu-Regular.ttf",
        Both,
        [Telugu]
    ),
    font_file!(
        "Noto Sans Thaana",
        "NotoSansThaana-Regular.ttf",
        Both,
        [Thaana]
    ),
    font_file!("Noto Sans Thai", "NotoSansThai-Regular.ttf", Both, [Thai]),
    font_file!(
        "Noto Serif Tibetan",
        "NotoSerifTibetan-Regular.ttf",
        Both,
        [Tibetan]
    ),
    font_file!(
        "Noto Sans CJK SC",
        "NotoSansCJKsc-Regular-subset.otf",
        Both,
        [Han, Hiragana, Katakana, Hangul],
        in_page: false
    ),
];

/// The scripts some embedded font is there for, in [`Script::ALL`]'s order.
pub fn covered_scripts() -> Vec<Script> {
    Script::ALL
        .into_iter()
        .filter(|script| FONT_FILES.iter().any(|f| f.scripts.contains(script)))
        .collect()
}

/// The fonts' names for the report README: "Vazirmatn, then Noto Sans, ...".
pub fn chain_description() -> String {
    let mut families: Vec<&str> = Vec::new();
    for file in FONT_FILES {
        if !families.contains(&file.family) {
            families.push(file.family);
        }
    }
    families.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_script_has_a_font() {
        let missing: Vec<Script> = Script::ALL
            .into_iter()
            .filter(|s| !matches!(s, Script::Common | Script::Other))
            .filter(|s| !covered_scripts().contains(s))
            .collect();
        assert!(missing.is_empty(), "{missing:?}");
    }

    #[test]
    fn both_weights_start_with_vazirmatn() {
        for bold in [false, true] {
            let first = FONT_FILES.iter().find(|f| f.weight.draws(bold));
            assert_eq!(first.map(|f| f.family), Some("Vazirmatn"));
        }
    }
}
