//! How charts name and colour languages and groups: the Okabe-Ito palette in the
//! order of the corpus' languages, the legend that folds the rest into one entry,
//! and the English names of languages and groups.

use plotters::style::RGBColor;

/// The Okabe-Ito colours, which readers with any common colour-vision deficiency
/// tell apart, in the order languages get them: blue and orange, the most distinct
/// pair, for the two largest.
const OKABE_ITO: [RGBColor; 7] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(213, 94, 0),
    RGBColor(240, 228, 66),
];
/// `und`: a dark grey, which no Okabe-Ito colour is.
const UNDETERMINED: RGBColor = RGBColor(110, 110, 110);
/// Languages past the seventh: a light grey, told from `und` by its lightness.
const OTHER: RGBColor = RGBColor(200, 200, 200);

/// The colours of `codes`, languages ordered by corpus words: Okabe-Ito in order,
/// `und` dark grey (without taking a colour from the next language), light grey
/// past the seventh named language.
fn palette<'a>(codes: impl Iterator<Item = &'a str>) -> Vec<(String, RGBColor)> {
    let mut named = 0;
    codes
        .map(|code| {
            let color = if code == "und" {
                UNDETERMINED
            } else {
                named += 1;
                OKABE_ITO.get(named - 1).copied().unwrap_or(OTHER)
            };
            (code.to_string(), color)
        })
        .collect()
}

/// The legend of the languages `codes` (in their order), coloured by `colors`
/// (from [`language_colors`]): a name per colour, and the languages that share the
/// light grey of "other" as one entry, so that the legend of 150 languages is as
/// short as that of 8.
pub(super) fn language_legend<'a>(
    codes: impl Iterator<Item = &'a str>,
    colors: &[(String, RGBColor)],
) -> Vec<(String, RGBColor)> {
    let mut legend = Vec::new();
    let mut others = 0;
    for code in codes {
        let color = color_of(colors, code);
        if color == OTHER {
            others += 1;
        } else {
            legend.push((language_name(code), color));
        }
    }
    match others {
        0 => {}
        1 => legend.push(("1 other language".to_string(), OTHER)),
        n => legend.push((format!("{n} other languages"), OTHER)),
    }
    legend
}

/// The corpus' languages, most words first (ties by code), each with its colour:
/// every chart gives a language the same colour.
pub(super) fn language_colors(report: &crate::report::Report) -> Vec<(String, RGBColor)> {
    let mut order: Vec<(&String, u64)> = report
        .summary
        .languages
        .iter()
        .map(|(c, s)| (c, s.words))
        .collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    palette(order.into_iter().map(|(code, _)| code.as_str()))
}

/// The colour `colors` (from [`language_colors`]) gives `code`.
pub(super) fn color_of(colors: &[(String, RGBColor)], code: &str) -> RGBColor {
    colors
        .iter()
        .find(|(c, _)| c == code)
        .map_or(OTHER, |&(_, color)| color)
}

/// A language as charts name it: its English name ("Persian"), or the code when
/// corpstat has no name for it.
pub(super) fn language_name(code: &str) -> String {
    crate::language::english_name_of(code).map_or_else(|| code.to_string(), str::to_string)
}

/// A group as charts name it: under `--group-by lang` the language's name
/// ("Persian" for the group `fas`), "the rest" for the other groups together,
/// otherwise the group as it is.
pub(super) fn group_label(report: &crate::report::Report, group: &str) -> String {
    if group == crate::report::REST {
        return "the rest".to_string();
    }
    if report.summary.options.input.group_by == crate::input::GroupBy::Lang {
        return language_name(group);
    }
    group.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_legend_of_150_languages_names_the_coloured_ones_and_counts_the_rest() {
        // 150 languages, by words: English first, und somewhere among them.
        let mut codes: Vec<String> = vec!["eng".into(), "fas".into(), "und".into()];
        codes.extend((0..147).map(|i| format!("x{i:02}")));
        let colors = palette(codes.iter().map(String::as_str));
        let legend = language_legend(codes.iter().map(String::as_str), &colors);
        // eng, fas, und and the next 5 in colour (7 Okabe-Ito colours, und grey
        // besides, taking none of them), then one entry for the other 142.
        assert_eq!(legend.len(), 9, "{legend:?}");
        assert_eq!(legend[0], ("English".to_string(), OKABE_ITO[0]));
        assert_eq!(legend[2], ("Undetermined".to_string(), UNDETERMINED));
        assert_eq!(legend[8], ("142 other languages".to_string(), OTHER));
        // Every colour in the legend is distinct.
        let distinct: std::collections::BTreeSet<_> =
            legend.iter().map(|(_, c)| (c.0, c.1, c.2)).collect();
        assert_eq!(distinct.len(), legend.len());
    }
}
