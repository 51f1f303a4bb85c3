//! Every script the fonts are there for, drawn: the opening of each language of the
//! UDHR fixture (`tests/fixtures/udhr-opening.tsv`) and words of each script that it
//! lacks, laid out as chart labels, with no character left to a placeholder and no
//! glyph without ink; shaping that each script needs, checked on known cases.

use std::collections::BTreeSet;

use super::fonts::{covered_scripts, FONT_FILES};
use super::text::{fonts, layout, rasterize, Font, Line};
use crate::script::{char_script, Script};

/// Words of the scripts the UDHR fixture has no language in (most the opening of the
/// UDHR's first article in a language of that script).
const OTHER_SCRIPTS: &[(&str, &str)] = &[
    ("amh", "የሰው ልጅ ሁሉ ሲወለድ ነጻና በክብርና በመብትም እኩልነት ያለው ነው።"),
    ("bod", "སྐྱེ་བོ་ཡོངས་ཀྱི་རང་དབང་"),
    ("cmn", "人人生而自由，在尊严和权利上一律平等。"),
    ("cmn-Hant", "人人生而自由，在尊嚴和權利上一律平等。"),
    ("div", "ހުރިހާ އިންސާނުންވެސް ދުނިޔެއަށް އުފަންވަނީ"),
    ("ell", "Όλοι οι άνθρωποι γεννιούνται ελεύθεροι και ίσοι"),
    ("guj", "પ્રતિષ્ઠા અને અધિકારોની દૃષ્ટિએ સર્વ માનવો"),
    (
        "jpn",
        "すべての人間は、生まれながらにして自由であり、カタカナ",
    ),
    ("kan", "ಎಲ್ಲಾ ಮಾನವರೂ ಸ್ವತಂತ್ರರಾಗಿಯೇ ಜನಿಸಿದ್ದಾರೆ."),
    ("khm", "មនុស្សទាំងអស់ កើតមកមានសេរីភាព"),
    ("lao", "ມະນຸດທັງຫລາຍເກີດມາມີສິດເສລີພາບ"),
    ("mal", "മനുഷ്യരെല്ലാവരും തുല്യാവകാശങ്ങളോടും അന്തസ്സോടും"),
    ("mya", "လူတိုင်းသည် တူညီ လွတ်လပ်သော ဂုဏ်သိက္ခာ"),
    ("ory", "ସବୁ ମଣିଷ ଜନ୍ମକାଳରୁ ସ୍ୱାଧୀନ"),
    ("pan", "ਸਾਰਾ ਮਨੁੱਖੀ ਪਰਿਵਾਰ ਆਪਣੀ ਮਹਿਮਾ, ਸ਼ਾਨ ਅਤੇ ਹੱਕਾਂ"),
    ("sin", "සියලු මනුෂ්\u{200D}යයෝ නිදහස්ව උපත ලබා ඇත."),
    ("syr", "ܟܠ ܒܪܢܫܐ ܒܪܝܠܗ ܚܐܪܐ"),
];

/// The fixture's first line of each language, cut to its first 60 characters (about
/// what a chart label holds), then [`OTHER_SCRIPTS`].
fn labels() -> Vec<(String, String)> {
    let fixture = include_str!("../../../tests/fixtures/udhr-opening.tsv");
    let mut labels: Vec<(String, String)> = Vec::new();
    for line in fixture.lines() {
        let Some((language, text)) = line.split_once('\t') else {
            continue;
        };
        if labels.iter().all(|(l, _)| l != language) {
            labels.push((language.to_string(), text.chars().take(60).collect()));
        }
    }
    labels.extend(
        OTHER_SCRIPTS
            .iter()
            .map(|&(l, t)| (l.to_string(), t.to_string())),
    );
    labels
}

fn chain(bold: bool) -> Vec<&'static Font> {
    fonts().expect("the embedded fonts parse").chain(bold)
}

/// The inked pixels of each glyph of `line`, drawn alone.
fn ink_per_glyph(line: &Line) -> Vec<usize> {
    let all = fonts().expect("the embedded fonts parse");
    line.glyphs
        .iter()
        .map(|glyph| {
            let alone = Line {
                glyphs: vec![*glyph],
                boxes: Vec::new(),
                ..line.clone()
            };
            let mut inked = 0;
            rasterize(all, &alone, |_, _, coverage| {
                if coverage > 0.25 {
                    inked += 1;
                }
            });
            inked
        })
        .collect()
}

#[test]
fn every_language_is_drawn_without_placeholders_or_blank_glyphs() {
    let claimed = covered_scripts();
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let mut failures = Vec::new();
    for bold in [false, true] {
        for (language, label) in labels() {
            let line = layout(&chain(bold), &label, 14.0);
            if !line.missing.is_empty() {
                failures.push(format!("{language}: placeholders for {:?}", line.missing));
            }
            let ink = ink_per_glyph(&line);
            // Each character of a claimed script has a glyph with ink in its cluster.
            for (at, c) in label.char_indices() {
                let script = char_script(c);
                if !c.is_alphabetic() || !claimed.contains(&script) {
                    continue;
                }
                seen.insert(script.name());
                // The glyphs of the cluster that holds `at`: those whose cluster starts
                // at or before it, and no later one does.
                let start = line
                    .glyphs
                    .iter()
                    .map(|g| g.cluster)
                    .filter(|&cl| cl <= at)
                    .max();
                let inked = line
                    .glyphs
                    .iter()
                    .zip(&ink)
                    .any(|(g, &ink)| Some(g.cluster) == start && ink > 0);
                if !inked {
                    failures.push(format!("{language}: {c:?} (U+{:04X}) has no ink", c as u32));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    let unseen: Vec<&str> = claimed
        .iter()
        .map(|s| s.name())
        .filter(|name| !seen.contains(name))
        .collect();
    assert!(unseen.is_empty(), "no label tried {unseen:?}");
}

#[test]
fn a_character_no_font_has_is_a_boxed_code_point() {
    // Cherokee and an emoji: no embedded font has them.
    let line = layout(&chain(false), "ᏣᎳᎩ 😀 word", 14.0);
    let expected: BTreeSet<char> = "ᏣᎳᎩ😀".chars().collect();
    assert_eq!(line.missing, expected);
    assert_eq!(line.boxes.len(), 4);
    // Each box holds its code point: "U+13E3" is six glyphs of Vazirmatn.
    let vazirmatn = chain(false)[0].index;
    let boxed = line.glyphs.iter().filter(|g| g.font == vazirmatn).count();
    assert!(boxed >= 4 * 6 + 4, "{boxed}");
    // The box is drawn: ink above and below the digits.
    let mut rows = BTreeSet::new();
    rasterize(fonts().expect("fonts"), &line, |_, y, c| {
        if c >= 1.0 {
            rows.insert(y);
        }
    });
    assert!(rows.len() > 10, "{rows:?}");
}

#[test]
fn devanagari_conjuncts_and_thai_marks_are_shaped() {
    let regular = chain(false);
    // क्ष (ka, virama, ssa) is one conjunct glyph, none of its letters' own.
    let line = layout(&regular, "क्ष", 20.0);
    let devanagari = regular
        .iter()
        .find(|f| FONT_FILES[f.index].scripts.contains(&Script::Devanagari))
        .expect("a Devanagari font");
    assert!(line.glyphs.iter().all(|g| g.font == devanagari.index));
    assert!(line.glyphs.len() < 3, "{line:?}");
    assert!(line
        .glyphs
        .iter()
        .all(|g| g.id != devanagari.glyph_of('क') && g.id != devanagari.glyph_of('ष')));
    // The Thai tone mark of น้ำ takes no width of its own.
    let with_mark = layout(&regular, "น้ำ", 20.0);
    let without = layout(&regular, "นำ", 20.0);
    assert!((with_mark.width - without.width).abs() < 0.01);
    assert_eq!(with_mark.glyphs.len(), without.glyphs.len() + 1);
}

#[test]
fn spaces_and_punctuation_stay_in_their_words_font() {
    let regular = chain(false);
    let line = layout(&regular, "मानव अधिकार, १९४८", 20.0);
    let fonts_used: BTreeSet<usize> = line.glyphs.iter().map(|g| g.font).collect();
    assert_eq!(fonts_used.len(), 1, "{line:?}");
    // Latin and Arabic stay in Vazirmatn, Greek goes to Noto Sans.
    let vazirmatn = regular[0].index;
    let latin = layout(&regular, "human rights حقوق بشر", 20.0);
    assert!(latin.glyphs.iter().all(|g| g.font == vazirmatn));
    let greek = layout(&regular, "«Ελλάδα»", 20.0);
    assert!(
        greek.glyphs.iter().all(|g| g.font != vazirmatn),
        "{greek:?}"
    );
}

#[test]
fn han_takes_japanese_forms_beside_kana() {
    let regular = chain(false);
    // 直 is drawn differently in Japan and China: shaped with kana it takes the
    // Japanese form (the font's `locl` feature), alone the Chinese one.
    let chinese = layout(&regular, "直", 20.0);
    let japanese = layout(&regular, "直す", 20.0);
    assert_ne!(chinese.glyphs[0].id, japanese.glyphs[0].id);
    assert_eq!(chinese.glyphs[0].font, japanese.glyphs[0].font);
}
