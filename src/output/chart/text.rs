//! Text layout for charts: bidi runs in visual order, each cut into runs of the first
//! embedded font that has their glyphs ([`super::fonts`]), each shaped with rustybuzz,
//! rasterized with ab_glyph.
//!
//! plotters maps one character to one glyph, left to right, in one font, which leaves
//! Arabic and Persian as isolated letters in reverse order and draws nothing for a
//! script the font lacks. Here a label that holds right-to-left letters gets a
//! right-to-left paragraph direction; the Unicode bidi algorithm splits it into runs
//! (numbers and Latin stay left-to-right inside it); each grapheme cluster takes the
//! first font that has all its characters (spaces, digits and punctuation the font of
//! the letters beside them, when it has them), and HarfBuzz's shaping (rustybuzz) of
//! each font's run picks the joining forms, ligatures, conjuncts and mark positions. A
//! character no embedded font has is drawn as its code point in a box, and counted.

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::OnceLock;

use ab_glyph::{Font as _, FontRef, PxScale};
use unicode_bidi::{BidiInfo, Level};

use super::font_runs::{cjk_language, font_runs, Choice};
use super::fonts::{FontFile, FONT_FILES};

/// One face, parsed for shaping and for rasterizing.
pub struct Font {
    /// Its place in [`FONT_FILES`].
    pub index: usize,
    shaper: rustybuzz::Face<'static>,
    raster: FontRef<'static>,
}

impl Font {
    fn parse(index: usize, file: &FontFile) -> Option<Font> {
        Some(Font {
            index,
            shaper: rustybuzz::Face::from_slice(file.data, 0)?,
            raster: FontRef::try_from_slice(file.data).ok()?,
        })
    }

    /// Pixels per font unit at `size`, where `size` is the em in pixels, as a CSS
    /// `font-size` is: text of 13 px here is as large as 13 px text on a web page.
    /// (plotters' own backends read the size as ascender to descender, which in
    /// Vazirmatn is 1.56 em, so their "14 px" is 9 px text.)
    fn scale(&self, size: f32) -> f32 {
        size / self.raster.units_per_em().unwrap_or(1000.0)
    }

    /// Ascender to descender at `size`, in pixels: ab_glyph's scale for it.
    fn height(&self, size: f32) -> f32 {
        (self.raster.ascent_unscaled() - self.raster.descent_unscaled()) * self.scale(size)
    }

    /// Whether the font has a glyph for `c`.
    pub fn has(&self, c: char) -> bool {
        self.raster.glyph_id(c).0 != 0
    }

    #[cfg(test)]
    /// The glyph id the font maps `c` to, without shaping.
    pub fn glyph_of(&self, c: char) -> u16 {
        self.raster.glyph_id(c).0
    }
}

/// The embedded fonts, parsed once, in the order of [`FONT_FILES`].
pub struct Fonts {
    faces: Vec<Font>,
}

impl Fonts {
    /// The fonts that draw regular or `bold` text, in the order they are looked up.
    pub fn chain(&self, bold: bool) -> Vec<&Font> {
        self.faces
            .iter()
            .filter(|face| FONT_FILES[face.index].weight.draws(bold))
            .collect()
    }

    /// The font of [`FONT_FILES`]`[index]`.
    fn face(&self, index: usize) -> &Font {
        &self.faces[index]
    }
}

/// The embedded fonts. `None` only if an embedded file were corrupt.
pub fn fonts() -> Option<&'static Fonts> {
    static FONTS: OnceLock<Option<Fonts>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let faces = FONT_FILES
                .iter()
                .enumerate()
                .map(|(index, file)| Font::parse(index, file))
                .collect::<Option<Vec<Font>>>()?;
            Some(Fonts { faces })
        })
        .as_ref()
}

/// A glyph placed on a line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedGlyph {
    /// The font's place in [`FONT_FILES`].
    pub font: usize,
    /// The glyph id in the font.
    pub id: u16,
    /// Pen position of the glyph's origin, in pixels from the left end of the line.
    pub x: f32,
    /// Vertical offset, in pixels, upward.
    pub y: f32,
    /// Byte offset in the text of the character (cluster) it came from.
    pub cluster: usize,
}

/// A laid-out line of text.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Glyphs from left to right.
    pub glyphs: Vec<PlacedGlyph>,
    /// Width in pixels.
    pub width: f32,
    /// Height in pixels, from descender to ascender of the first font (1.56 times
    /// the font size in Vazirmatn).
    pub height: f32,
    /// Distance from the top of the line to the baseline, in pixels.
    pub ascent: f32,
    /// The text's size (the em), in pixels.
    pub size: f32,
    /// The boxes drawn around placeholders, as left and right ends in pixels.
    pub boxes: Vec<(f32, f32)>,
    /// The characters no font had, drawn as placeholders.
    pub missing: BTreeSet<char>,
}

use crate::script::Script;

/// Whether the text holds a right-to-left letter (Arabic, Syriac, Thaana, Hebrew).
pub fn is_rtl(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(
            crate::script::char_script(c),
            Script::Arabic | Script::Hebrew | Script::Syriac | Script::Thaana
        )
    })
}

/// Labels longer than this many characters are cut, with an ellipsis: no chart has
/// room for more, and shaping a term of megabytes would take minutes.
pub const MAX_LABEL_CHARS: usize = 120;

/// `text`, cut to [`MAX_LABEL_CHARS`] characters with an ellipsis when longer.
pub fn shortened(text: &str, max_chars: usize) -> std::borrow::Cow<'_, str> {
    let mut chars = text.char_indices();
    // Cut before the last character that fits, when another follows it.
    match chars.nth(max_chars.saturating_sub(1)) {
        Some((end, _)) if chars.next().is_some() => {
            std::borrow::Cow::Owned(format!("{}…", &text[..end]))
        }
        _ => std::borrow::Cow::Borrowed(text),
    }
}

/// Lays out `text` as one line of text `size` pixels large (the em, as in CSS; cut to
/// [`MAX_LABEL_CHARS`]) in the fonts of `chain`; the line's height and baseline are
/// those of its first font.
pub fn layout(chain: &[&Font], text: &str, size: f32) -> Line {
    let text = &*shortened(text, MAX_LABEL_CHARS);
    let mut line = Line {
        glyphs: Vec::new(),
        width: 0.0,
        height: 0.0,
        ascent: 0.0,
        size,
        boxes: Vec::new(),
        missing: BTreeSet::new(),
    };
    let Some(first) = chain.first() else {
        return line;
    };
    line.ascent = first.raster.ascent_unscaled() * first.scale(size);
    line.height = first.height(size);
    let runs = font_runs(chain.len(), |font, c| chain[font].has(c), text);
    let base = if is_rtl(text) {
        Level::rtl()
    } else {
        Level::ltr()
    };
    let bidi = BidiInfo::new(text, Some(base));
    for paragraph in &bidi.paragraphs {
        let (levels, bidi_runs) = bidi.visual_runs(paragraph, paragraph.range.clone());
        for run in bidi_runs {
            // Line breaks have no glyph here: a label is one line.
            let trimmed = text[run.clone()].trim_end_matches(['\n', '\r']);
            if trimmed.is_empty() {
                continue;
            }
            let run = run.start..run.start + trimmed.len();
            let rtl = levels[run.start].is_rtl();
            let mut pieces: Vec<(Range<usize>, Choice)> = runs
                .iter()
                .filter(|(range, _)| range.start < run.end && range.end > run.start)
                .map(|(range, choice)| {
                    (range.start.max(run.start)..range.end.min(run.end), *choice)
                })
                .collect();
            if rtl {
                pieces.reverse();
            }
            for (piece, choice) in pieces {
                match choice {
                    Some(f) => shape_into(&mut line, chain[f], first, text, piece, rtl),
                    None => {
                        let mut chars: Vec<char> = text[piece.clone()].chars().collect();
                        if rtl {
                            chars.reverse();
                        }
                        for c in chars {
                            placeholder_into(&mut line, first, c, piece.start);
                        }
                    }
                }
            }
        }
    }
    line
}

/// Shapes `text[piece]` in `font` and places its glyphs at the end of `line`; a
/// character the font turns out not to have (a mark that no font has, after a letter
/// that one has) is drawn as a placeholder in `first`.
fn shape_into(
    line: &mut Line,
    font: &Font,
    first: &Font,
    text: &str,
    piece: Range<usize>,
    rtl: bool,
) {
    let scale = font.scale(line.size);
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(&text[piece.clone()]);
    buffer.guess_segment_properties();
    buffer.set_direction(if rtl {
        rustybuzz::Direction::RightToLeft
    } else {
        rustybuzz::Direction::LeftToRight
    });
    if FONT_FILES[font.index].scripts.contains(&Script::Han) {
        if let Some(language) = cjk_language(&text[piece.clone()]) {
            buffer.set_language(language);
        }
    }
    let shaped = rustybuzz::shape(&font.shaper, &[], buffer);
    for (info, position) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
        let cluster = piece.start + info.cluster as usize;
        if info.glyph_id == 0 {
            if let Some(c) = text[cluster..].chars().next() {
                placeholder_into(line, first, c, cluster);
            }
            continue;
        }
        line.glyphs.push(PlacedGlyph {
            font: font.index,
            id: info.glyph_id as u16,
            x: line.width + position.x_offset as f32 * scale,
            y: position.y_offset as f32 * scale,
            cluster,
        });
        line.width += position.x_advance as f32 * scale;
    }
}

/// Places the placeholder of `c`, its code point (`U+0F3A`) in `font` in a box, at
/// the end of `line`, and counts `c` as missing.
fn placeholder_into(line: &mut Line, font: &Font, c: char, cluster: usize) {
    let code = format!("U+{:04X}", c as u32);
    let pad = (line.size * 0.15).max(2.0);
    let left = line.width;
    line.width += pad;
    let scale = font.scale(line.size);
    for digit in code.chars() {
        let id = font.raster.glyph_id(digit);
        line.glyphs.push(PlacedGlyph {
            font: font.index,
            id: id.0,
            x: line.width,
            y: 0.0,
            cluster,
        });
        line.width += font.raster.h_advance_unscaled(id) * scale;
    }
    line.width += pad;
    line.boxes.push((left + 1.0, line.width - 1.0));
    line.missing.insert(c);
}

/// Rasterizes a laid-out line with its top-left corner at (0, 0): calls `plot`
/// with each covered pixel and its coverage (0 to 1).
pub fn rasterize(fonts: &Fonts, line: &Line, mut plot: impl FnMut(i32, i32, f32)) {
    for g in &line.glyphs {
        let font = fonts.face(g.font);
        let scale = PxScale::from(font.height(line.size));
        let glyph = ab_glyph::GlyphId(g.id)
            .with_scale_and_position(scale, ab_glyph::point(g.x, line.ascent - g.y));
        if let Some(outlined) = font.raster.outline_glyph(glyph) {
            let bounds = outlined.px_bounds();
            outlined.draw(|x, y, coverage| {
                plot(
                    bounds.min.x as i32 + x as i32,
                    bounds.min.y as i32 + y as i32,
                    coverage,
                );
            });
        }
    }
    // A placeholder's box: from a little above the capitals to below the baseline.
    let top = (line.ascent - line.size * 0.9).round() as i32;
    let bottom = (line.ascent + line.size * 0.25).round() as i32;
    for &(left, right) in &line.boxes {
        let (left, right) = (left.round() as i32, right.round() as i32);
        for x in left..=right {
            plot(x, top, 1.0);
            plot(x, bottom, 1.0);
        }
        for y in top + 1..bottom {
            plot(left, y, 1.0);
            plot(right, y, 1.0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The size is the em, as in CSS: a capital H of 100 px text is about 70 px tall,
    /// as in most sans-serif faces (not 45 px, as with the size read as ascender to
    /// descender).
    #[test]
    fn the_size_is_the_em() {
        let line = layout(&regular(), "H", 100.0);
        let (mut top, mut bottom) = (i32::MAX, i32::MIN);
        rasterize(all(), &line, |_, y, coverage| {
            if coverage > 0.5 {
                top = top.min(y);
                bottom = bottom.max(y);
            }
        });
        let cap_height = bottom - top + 1;
        assert!((65..=80).contains(&cap_height), "{cap_height}");
        assert!((line.height - 156.25).abs() < 0.01, "{}", line.height);
    }

    fn all() -> &'static Fonts {
        fonts().expect("the embedded fonts parse")
    }

    /// The chain of regular text.
    fn regular() -> Vec<&'static Font> {
        all().chain(false)
    }

    /// Its first font, Vazirmatn.
    fn vazirmatn() -> &'static Font {
        regular()[0]
    }

    #[test]
    fn lam_alef_is_one_ligature_glyph() {
        let line = layout(&regular(), "لا", 20.0);
        assert_eq!(line.glyphs.len(), 1, "{line:?}");
        assert_ne!(line.glyphs[0].id, vazirmatn().glyph_of('ل'));
        assert_ne!(line.glyphs[0].id, vazirmatn().glyph_of('ا'));
    }

    #[test]
    fn arabic_is_right_to_left_with_joining_forms() {
        let font = vazirmatn();
        let line = layout(&regular(), "الصين", 20.0);
        assert_eq!(line.glyphs.len(), 5);
        // Rightmost glyph: the word's first letter, alef, in its isolated form.
        let right = line.glyphs.last().unwrap();
        assert_eq!((right.cluster, right.id), (0, font.glyph_of('ا')));
        // Leftmost glyph: the last letter, noon, in its final form (not the isolated one).
        let left = line.glyphs.first().unwrap();
        assert_eq!(left.cluster, "الصي".len());
        assert_eq!(
            left.id,
            font.glyph_of('\u{FEE6}'),
            "ARABIC LETTER NOON FINAL FORM"
        );
        assert_ne!(left.id, font.glyph_of('ن'));
        // Glyphs advance from left to right.
        assert!(line.glyphs.windows(2).all(|w| w[0].x <= w[1].x));
    }

    #[test]
    fn latin_and_numbers_stay_left_to_right_inside_arabic() {
        let text = "APT31 هجوم";
        let line = layout(&regular(), text, 20.0);
        let latin: Vec<&PlacedGlyph> = line.glyphs.iter().filter(|g| g.cluster < 5).collect();
        let arabic: Vec<&PlacedGlyph> = line.glyphs.iter().filter(|g| g.cluster > 5).collect();
        assert_eq!(latin.len(), 5);
        // APT31 is on the right of هجوم ...
        let arabic_right = arabic.iter().map(|g| g.x).fold(f32::MIN, f32::max);
        assert!(latin.iter().all(|g| g.x > arabic_right), "{line:?}");
        // ... and reads A, P, T, 3, 1 from left to right.
        let order: Vec<usize> = latin.iter().map(|g| g.cluster).collect();
        assert_eq!(order, [0, 1, 2, 3, 4]);
    }

    #[test]
    fn zwnj_breaks_the_join() {
        let font = vazirmatn();
        // In میشود the yeh joins on both sides (medial); in می‌شود it ends its part (final).
        let joined = layout(&regular(), "میشود", 20.0);
        let split = layout(&regular(), "می\u{200C}شود", 20.0);
        let yeh = |line: &Line| {
            line.glyphs
                .iter()
                .find(|g| g.cluster == "م".len())
                .unwrap()
                .id
        };
        assert_ne!(yeh(&joined), yeh(&split));
        assert_eq!(
            yeh(&split),
            font.glyph_of('\u{FBFD}'),
            "FARSI YEH FINAL FORM"
        );
    }

    #[test]
    fn diacritics_sit_on_their_letters() {
        let alone = layout(&regular(), "ب", 20.0);
        let marked = layout(&regular(), "بَ", 20.0);
        assert_eq!(marked.glyphs.len(), 2);
        // Mark and letter in one font, Vazirmatn.
        assert!(marked.glyphs.iter().all(|g| g.font == vazirmatn().index));
        // The fatha takes no width of its own ...
        assert!(
            (marked.width - alone.width).abs() < 0.01,
            "{} vs {}",
            marked.width,
            alone.width
        );
        // ... and is placed within the span of its letter, not after it.
        let mark = marked
            .glyphs
            .iter()
            .find(|g| g.id != alone.glyphs[0].id)
            .unwrap();
        assert!(mark.x >= -1.0 && mark.x <= alone.width + 1.0, "{marked:?}");
    }

    #[test]
    fn rasterizing_covers_pixels_inside_the_box() {
        let line = layout(&regular(), "سلام Salam", 24.0);
        assert!(line.glyphs.iter().all(|g| g.font == vazirmatn().index));
        let mut covered = 0;
        rasterize(all(), &line, |x, y, c| {
            if c > 0.5 {
                covered += 1;
                assert!(
                    x >= -2
                        && (x as f32) <= line.width + 2.0
                        && y >= -4
                        && (y as f32) <= line.height + 8.0,
                    "({x}, {y})"
                );
            }
        });
        assert!(covered > 100);
    }
}
