//! Text layout for charts: bidi runs in visual order, each shaped with rustybuzz,
//! rasterized with ab_glyph, in the embedded Vazirmatn font.
//!
//! plotters maps one character to one glyph, left to right, which leaves Arabic and
//! Persian as isolated letters in reverse order. Here a label that holds Arabic-script
//! letters gets a right-to-left paragraph direction; the Unicode bidi algorithm splits
//! it into runs (numbers and Latin stay left-to-right inside it), and HarfBuzz's
//! shaping (rustybuzz) picks the joining forms, the lam-alef ligature and the mark
//! positions.

use std::sync::OnceLock;

use ab_glyph::{Font as _, FontRef, PxScale};
use unicode_bidi::{BidiInfo, Level};

/// Vazirmatn Regular (SIL Open Font License 1.1; see `assets/fonts/OFL.txt`).
pub const REGULAR_TTF: &[u8] = include_bytes!("../../../assets/fonts/Vazirmatn-Regular.ttf");
/// Vazirmatn Bold.
pub const BOLD_TTF: &[u8] = include_bytes!("../../../assets/fonts/Vazirmatn-Bold.ttf");

/// One face, parsed for shaping and for rasterizing.
pub struct Font {
    shaper: rustybuzz::Face<'static>,
    raster: FontRef<'static>,
}

impl Font {
    fn parse(data: &'static [u8]) -> Option<Font> {
        Some(Font {
            shaper: rustybuzz::Face::from_slice(data, 0)?,
            raster: FontRef::try_from_slice(data).ok()?,
        })
    }

    /// Pixels per font unit at `size`, where `size` is the em in pixels, as a CSS
    /// `font-size` is: text of 13 px here is as large as 13 px text on a web page.
    /// (plotters' own backends read the size as ascender to descender, which in
    /// Vazirmatn is 1.56 em, so their "14 px" is 9 px text.)
    fn scale(&self, size: f32) -> f32 {
        size / self.raster.units_per_em().unwrap_or(1000.0)
    }

    #[cfg(test)]
    /// The glyph id the font maps `c` to, without shaping.
    pub fn glyph_of(&self, c: char) -> u16 {
        self.raster.glyph_id(c).0
    }
}

/// The embedded fonts, parsed once.
pub struct Fonts {
    /// Regular weight.
    pub regular: Font,
    /// Bold weight.
    pub bold: Font,
}

/// The embedded fonts. `None` only if the embedded files were corrupt.
pub fn fonts() -> Option<&'static Fonts> {
    static FONTS: OnceLock<Option<Fonts>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            Some(Fonts {
                regular: Font::parse(REGULAR_TTF)?,
                bold: Font::parse(BOLD_TTF)?,
            })
        })
        .as_ref()
}

/// A glyph placed on a line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedGlyph {
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
    /// Height in pixels, from descender to ascender (1.56 times the font size in
    /// Vazirmatn).
    pub height: f32,
    /// Distance from the top of the line to the baseline, in pixels.
    pub ascent: f32,
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
/// [`MAX_LABEL_CHARS`]).
pub fn layout(font: &Font, text: &str, size: f32) -> Line {
    let text = &*shortened(text, MAX_LABEL_CHARS);
    let scale = font.scale(size);
    let ascent = font.raster.ascent_unscaled() * scale;
    let height = (font.raster.ascent_unscaled() - font.raster.descent_unscaled()) * scale;
    let mut glyphs = Vec::new();
    let mut pen = 0.0f32;
    let base = if is_rtl(text) {
        Level::rtl()
    } else {
        Level::ltr()
    };
    let bidi = BidiInfo::new(text, Some(base));
    for paragraph in &bidi.paragraphs {
        let (levels, runs) = bidi.visual_runs(paragraph, paragraph.range.clone());
        for run in runs {
            let piece = &text[run.clone()];
            // Line breaks have no glyph here: a label is one line.
            let piece_trimmed = piece.trim_end_matches(['\n', '\r']);
            if piece_trimmed.is_empty() {
                continue;
            }
            let mut buffer = rustybuzz::UnicodeBuffer::new();
            buffer.push_str(piece_trimmed);
            buffer.guess_segment_properties();
            buffer.set_direction(if levels[run.start].is_rtl() {
                rustybuzz::Direction::RightToLeft
            } else {
                rustybuzz::Direction::LeftToRight
            });
            let shaped = rustybuzz::shape(&font.shaper, &[], buffer);
            for (info, position) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
                glyphs.push(PlacedGlyph {
                    id: info.glyph_id as u16,
                    x: pen + position.x_offset as f32 * scale,
                    y: position.y_offset as f32 * scale,
                    cluster: run.start + info.cluster as usize,
                });
                pen += position.x_advance as f32 * scale;
            }
        }
    }
    Line {
        glyphs,
        width: pen,
        height,
        ascent,
    }
}

/// Rasterizes a laid-out line with its top-left corner at (0, 0): calls `plot`
/// with each covered pixel and its coverage (0 to 1).
pub fn rasterize(font: &Font, line: &Line, mut plot: impl FnMut(i32, i32, f32)) {
    let scale = PxScale::from(line.height);
    for g in &line.glyphs {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The size is the em, as in CSS: a capital H of 100 px text is about 70 px tall,
    /// as in most sans-serif faces (not 45 px, as with the size read as ascender to
    /// descender).
    #[test]
    fn the_size_is_the_em() {
        let line = layout(regular(), "H", 100.0);
        let (mut top, mut bottom) = (i32::MAX, i32::MIN);
        rasterize(regular(), &line, |_, y, coverage| {
            if coverage > 0.5 {
                top = top.min(y);
                bottom = bottom.max(y);
            }
        });
        let cap_height = bottom - top + 1;
        assert!((65..=80).contains(&cap_height), "{cap_height}");
        assert!((line.height - 156.25).abs() < 0.01, "{}", line.height);
    }

    fn regular() -> &'static Font {
        &fonts().expect("the embedded fonts parse").regular
    }

    #[test]
    fn lam_alef_is_one_ligature_glyph() {
        let line = layout(regular(), "لا", 20.0);
        assert_eq!(line.glyphs.len(), 1, "{line:?}");
        assert_ne!(line.glyphs[0].id, regular().glyph_of('ل'));
        assert_ne!(line.glyphs[0].id, regular().glyph_of('ا'));
    }

    #[test]
    fn arabic_is_right_to_left_with_joining_forms() {
        let font = regular();
        let line = layout(font, "الصين", 20.0);
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
        let line = layout(regular(), text, 20.0);
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
        let font = regular();
        // In میشود the yeh joins on both sides (medial); in می‌شود it ends its part (final).
        let joined = layout(font, "میشود", 20.0);
        let split = layout(font, "می\u{200C}شود", 20.0);
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
        let font = regular();
        let alone = layout(font, "ب", 20.0);
        let marked = layout(font, "بَ", 20.0);
        assert_eq!(marked.glyphs.len(), 2);
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
        let font = regular();
        let line = layout(font, "سلام Salam", 24.0);
        let mut covered = 0;
        rasterize(font, &line, |x, y, c| {
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
