//! The fonts index.html embeds: those of the charts that its text needs, so that a
//! cell reads as the chart beside it does, on every machine, with nothing fetched.

use std::fmt::Write as _;

use base64::Engine as _;

use super::chart::fonts::{Weight, FONT_FILES};

/// The embedded fonts the page's `text` needs, in [`FONT_FILES`]' order: Vazirmatn in
/// both weights, and each other font that is the first of the regular chain to have
/// some character of the text (as on the charts). Bold text in those fonts is bold
/// the browser makes: the page would be 240 KB larger for Noto Sans Bold alone, which
/// the summary's "Heaps β" would bring into every report.
pub(super) fn page_fonts(text: &str) -> Vec<usize> {
    let Some(fonts) = super::chart::text::fonts() else {
        return Vec::new();
    };
    let mut needed: Vec<bool> = FONT_FILES.iter().map(|f| f.family == "Vazirmatn").collect();
    let chain = fonts.chain(false);
    let chars: std::collections::BTreeSet<char> = text.chars().collect();
    for c in chars {
        if let Some(font) = chain.iter().find(|font| font.has(c)) {
            needed[font.index] = true;
        }
    }
    (0..FONT_FILES.len()).filter(|&i| needed[i]).collect()
}

/// The `@font-face` rules that embed `fonts` (places in [`FONT_FILES`]), each as WOFF
/// (zlib: about half the size). A face of both weights serves bold text too, as on
/// the charts (not a synthesized bold).
pub(super) fn font_faces(fonts: &[usize]) -> String {
    let base64 = base64::engine::general_purpose::STANDARD;
    let mut css = String::new();
    for &i in fonts.iter().filter(|&&i| FONT_FILES[i].in_page) {
        let file = &FONT_FILES[i];
        let weight = match file.weight {
            Weight::Regular => "400",
            Weight::Bold => "700",
            Weight::Both => "100 900",
        };
        let Some(woff) = super::woff::woff(file.data) else {
            continue;
        };
        let _ = writeln!(
            css,
            "@font-face {{ font-family: {}; font-weight: {weight}; font-display: block; \
             src: url(data:font/woff;base64,{}) format(\"woff\"); }}",
            css_family(file.family),
            base64.encode(woff)
        );
    }
    css
}

/// A family name as CSS writes it: quoted when it has a space.
fn css_family(family: &str) -> String {
    if family.contains(' ') {
        format!("\"{family}\"")
    } else {
        family.to_string()
    }
}

/// The page's `font-family` when it embeds more than Vazirmatn: every embedded
/// family, in the charts' order (the style sheet names Vazirmatn alone).
pub(super) fn font_family_rule(fonts: &[usize]) -> String {
    let mut families: Vec<String> = Vec::new();
    for &i in fonts {
        let family = css_family(FONT_FILES[i].family);
        if !families.contains(&family) {
            families.push(family);
        }
    }
    if families.len() <= 1 {
        return String::new();
    }
    format!(
        "body {{ font-family: {}, sans-serif; }}\n",
        families.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn families(fonts: &[usize]) -> Vec<&'static str> {
        fonts.iter().map(|&i| FONT_FILES[i].family).collect()
    }

    #[test]
    fn a_page_embeds_the_fonts_its_text_needs() {
        // Latin and Arabic: Vazirmatn alone, and the style sheet's family stands.
        let plain = page_fonts("corpstat report: حقوق بشر, human rights");
        assert_eq!(families(&plain), ["Vazirmatn", "Vazirmatn"]);
        assert_eq!(font_family_rule(&plain), "");
        // Greek and Devanagari add their fonts, in the regular weight.
        let mixed = page_fonts("Heaps β, मानव अधिकार");
        assert_eq!(
            families(&mixed),
            [
                "Vazirmatn",
                "Vazirmatn",
                "Noto Sans",
                "Noto Sans Devanagari"
            ]
        );
        let faces = font_faces(&mixed);
        assert_eq!(faces.matches("@font-face").count(), 4);
        assert!(faces.contains("font-family: \"Noto Sans\"; font-weight: 400;"));
        assert!(faces.contains("font-family: \"Noto Sans Devanagari\"; font-weight: 100 900;"));
        assert!(faces.contains("data:font/woff;base64,d09GR")); // "wOFF"
        assert_eq!(
            font_family_rule(&mixed),
            "body { font-family: Vazirmatn, \"Noto Sans\", \"Noto Sans Devanagari\", sans-serif; }\n"
        );
    }

    #[test]
    fn chinese_is_named_but_not_embedded() {
        let fonts = page_fonts("人人生而自由");
        assert_eq!(
            families(&fonts),
            ["Vazirmatn", "Vazirmatn", "Noto Sans CJK SC"]
        );
        assert!(!font_faces(&fonts).contains("CJK"));
        assert!(font_family_rule(&fonts).contains("\"Noto Sans CJK SC\""));
    }
}
