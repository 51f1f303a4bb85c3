//! The fonts index.html embeds: those of the charts that its text needs, so that a
//! cell reads as the chart beside it does, on every machine, with nothing fetched.

use std::fmt::Write as _;

use base64::Engine as _;

use super::chart::fonts::{Weight, FONT_FILES};

/// The embedded fonts the page's `text` needs, in [`FONT_FILES`]' order: Vazirmatn,
/// each other font that is the first of the regular chain to have some character of
/// the text (as on the charts), and the bold face of each of their families.
pub(super) fn page_fonts(text: &str) -> Vec<usize> {
    let Some(fonts) = super::chart::text::fonts() else {
        return Vec::new();
    };
    let mut families: Vec<&str> = vec!["Vazirmatn"];
    let chain = fonts.chain(false);
    let chars: std::collections::BTreeSet<char> = text.chars().collect();
    for c in chars {
        if let Some(font) = chain.iter().find(|font| font.has(c)) {
            families.push(FONT_FILES[font.index].family);
        }
    }
    (0..FONT_FILES.len())
        .filter(|&i| families.contains(&FONT_FILES[i].family))
        .collect()
}

/// The `@font-face` rules that embed `fonts` (places in [`FONT_FILES`]), each as WOFF
/// (zlib: about half the size). A face of both weights serves bold text too, as on
/// the charts (not a synthesized bold).
pub(super) fn font_faces(fonts: &[usize]) -> String {
    let base64 = base64::engine::general_purpose::STANDARD;
    let mut css = String::new();
    for &i in fonts {
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
    format!("body {{ font-family: {}, sans-serif; }}\n", families.join(", "))
}
