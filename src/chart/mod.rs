//! Charts: PNG images of the report, drawn with plotters through [`backend::ShapedBackend`],
//! whose text is shaped and bidi-ordered (see [`text`]).

pub mod backend;
pub mod draw;
pub mod text;

pub use draw::{render_charts, render_keyness, Chart, ChartError, ChartSpec, CHARTS};
