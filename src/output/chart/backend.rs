//! A plotters backend that draws text correctly: [`ShapedBackend`] wraps a bitmap
//! backend and replaces only `draw_text` and `estimate_text_size`, keeping
//! plotters' anchor and rotation semantics, so chart code stays ordinary plotters code.

use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontStyle,
};

use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};

use std::cell::RefCell;

use super::text::{fonts, layout, rasterize, Font};
use super::MissingGlyphs;

/// A bitmap backend with shaped, bidi-ordered text in the embedded fonts.
pub struct ShapedBackend<'a> {
    inner: BitMapBackend<'a>,
    missing: &'a RefCell<MissingGlyphs>,
}

impl<'a> ShapedBackend<'a> {
    /// Draws into an RGB buffer of `size` (3 bytes per pixel); the labels drawn with
    /// placeholders are counted in `missing`.
    pub fn with_buffer(
        buffer: &'a mut [u8],
        size: (u32, u32),
        missing: &'a RefCell<MissingGlyphs>,
    ) -> Self {
        ShapedBackend {
            inner: BitMapBackend::with_buffer(buffer, size),
            missing,
        }
    }
}

type Error<'a> = DrawingErrorKind<<BitMapBackend<'a> as DrawingBackend>::ErrorType>;

/// The smallest text a chart may draw, in pixels of font size (the em, as a CSS
/// `font-size`): a chart pasted into a report at 100% stays readable. The backend
/// refuses smaller text, so a chart that would draw it fails in every test that
/// renders it.
pub const MIN_TEXT_PX: f64 = 13.0;

/// The error of text drawn below [`MIN_TEXT_PX`].
#[derive(Debug)]
struct TextTooSmall {
    size: f64,
    text: String,
}

impl std::fmt::Display for TextTooSmall {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "text {:?} drawn at {} px, below the {MIN_TEXT_PX} px minimum",
            self.text, self.size
        )
    }
}

impl std::error::Error for TextTooSmall {}

/// The fonts of the style's weight, in the order they are looked up.
fn fonts_for<S: BackendTextStyle>(style: &S) -> Vec<&'static Font> {
    fonts()
        .map(|fonts| fonts.chain(matches!(style.style(), FontStyle::Bold)))
        .unwrap_or_default()
}

impl<'a> DrawingBackend for ShapedBackend<'a> {
    type ErrorType = <BitMapBackend<'a> as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), Error<'a>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), Error<'a>> {
        self.inner.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), Error<'a>> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), Error<'a>> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), Error<'a>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), Error<'a>> {
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), Error<'a>> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), Error<'a>> {
        self.inner.fill_polygon(vert, style)
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), Error<'a>> {
        self.inner.blit_bitmap(pos, size, src)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), Error<'a>> {
        let line = layout(&fonts_for(style), text, style.size() as f32);
        Ok((line.width.ceil() as u32, line.height.ceil() as u32))
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), Error<'a>> {
        let color = style.color();
        let Some(fonts) = fonts() else {
            return Ok(());
        };
        if color.alpha == 0.0 {
            return Ok(());
        }
        if style.size() < MIN_TEXT_PX && !text.trim().is_empty() {
            return Err(DrawingErrorKind::FontError(Box::new(TextTooSmall {
                size: style.size(),
                text: text.to_string(),
            })));
        }
        let line = layout(&fonts_for(style), text, style.size() as f32);
        if !line.missing.is_empty() {
            let mut missing = self.missing.borrow_mut();
            missing.labels += 1;
            missing.chars.extend(line.missing.iter().copied());
        }
        let (width, height) = (line.width.ceil() as i32, line.height.ceil() as i32);
        let anchor = style.anchor();
        let dx = match anchor.h_pos {
            HPos::Left => 0,
            HPos::Right => -width,
            HPos::Center => -width / 2,
        };
        let dy = match anchor.v_pos {
            VPos::Top => 0,
            VPos::Center => -height / 2,
            VPos::Bottom => -height,
        };
        let transform = style.transform();
        let (w, h) = self.get_size();
        let mut pixels = Vec::new();
        rasterize(fonts, &line, |x, y, coverage| {
            let (x, y) = transform.transform(x + dx, y + dy);
            let (x, y) = (pos.0 + x, pos.1 + y);
            if x >= 0 && y >= 0 && x < w as i32 && y < h as i32 && coverage > 0.0 {
                pixels.push(((x, y), coverage.min(1.0) as f64));
            }
        });
        for (point, coverage) in pixels {
            self.inner.draw_pixel(
                point,
                BackendColor {
                    alpha: color.alpha * coverage,
                    rgb: color.rgb,
                },
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::style::text_anchor::{HPos, Pos, VPos};

    /// Renders `text` anchored at its right end and returns the inked pixels.
    fn ink(text: &str) -> Vec<(u32, u32)> {
        let (w, h) = (300u32, 90u32);
        let mut buffer = vec![255u8; (w * h * 3) as usize];
        let missing = RefCell::new(MissingGlyphs::default());
        {
            let root =
                ShapedBackend::with_buffer(&mut buffer, (w, h), &missing).into_drawing_area();
            let style = ("sans-serif", 40)
                .into_font()
                .color(&BLACK)
                .pos(Pos::new(HPos::Right, VPos::Top));
            root.draw_text(text, &style, (280, 10)).unwrap();
            root.present().unwrap();
        }
        let mut pixels = Vec::new();
        for y in 0..h {
            for x in 0..w {
                if buffer[((y * w + x) * 3) as usize] < 128 {
                    pixels.push((x, y));
                }
            }
        }
        pixels
    }

    #[test]
    fn the_first_letter_of_arabic_is_drawn_at_the_right_end() {
        let word = ink("الصين");
        let alef = ink("ا");
        assert!(!alef.is_empty() && word.len() > 3 * alef.len());
        // Right-aligned at the same point, the word's rightmost glyph is its alef:
        // every pixel of alef alone is inked in the word too (give or take the one
        // pixel by which the two widths round differently).
        let word_set: std::collections::HashSet<_> = word.iter().collect();
        let missing = [-1i64, 0, 1]
            .iter()
            .map(|&dx| {
                alef.iter()
                    .filter(|&&(x, y)| !word_set.contains(&(((x as i64) + dx) as u32, y)))
                    .count()
            })
            .min()
            .unwrap_or(usize::MAX);
        assert!(
            missing * 20 < alef.len(),
            "{missing} of {} alef pixels not in the word",
            alef.len()
        );
        // Drawn left to right (the wrong way), the word would end in noon, not alef.
        let reversed = ink("نيصلا");
        let reversed_set: std::collections::HashSet<_> = reversed.iter().collect();
        let overlap = alef.iter().filter(|p| reversed_set.contains(p)).count();
        assert!(overlap < alef.len(), "the reversed string ends differently");
    }

    #[test]
    fn text_below_the_minimum_size_is_refused() {
        let (w, h) = (200u32, 50u32);
        let mut buffer = vec![255u8; (w * h * 3) as usize];
        let missing = RefCell::new(MissingGlyphs::default());
        let root = ShapedBackend::with_buffer(&mut buffer, (w, h), &missing).into_drawing_area();
        let small = ("sans-serif", 12).into_font().color(&BLACK);
        let error = root.draw_text("12", &small, (10, 10)).unwrap_err();
        assert!(
            error.to_string().contains("below the 13 px minimum"),
            "{error}"
        );
        let readable = ("sans-serif", 13).into_font().color(&BLACK);
        root.draw_text("13", &readable, (10, 10)).unwrap();
        // Nothing to read, nothing refused (plotters draws empty labels).
        root.draw_text(" ", &small, (10, 10)).unwrap();
    }

    #[test]
    fn text_size_follows_the_shaped_width() {
        let (w, h) = (200u32, 50u32);
        let mut buffer = vec![255u8; (w * h * 3) as usize];
        let missing = RefCell::new(MissingGlyphs::default());
        let backend = ShapedBackend::with_buffer(&mut buffer, (w, h), &missing);
        let style = ("sans-serif", 20).into_font().color(&BLACK);
        let width = |text: &str| backend.estimate_text_size(text, &style).unwrap().0;
        // Unshaped, each letter takes its isolated form and the word is as wide as
        // its letters alone. Shaped, lam and alef make one ligature, and beh joined
        // on both sides drops the tail of its isolated form.
        let (lam_alef, lam, alef) = (width("لا"), width("ل"), width("ا"));
        assert!(
            lam_alef > 0 && lam_alef < lam + alef,
            "{lam_alef} against {lam} + {alef}"
        );
        let (three, one) = (width("ببب"), width("ب"));
        assert!(three > 0 && three < 3 * one, "{three} against 3 × {one}");
    }
}
