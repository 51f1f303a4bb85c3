//! Every language corpstat can name: its ISO 639-3 code, the label of the fastText
//! model that answers it, and its English name (with the name in its own script for
//! the Arabic-script languages corpstat is built around), for charts, the HTML page
//! and `corpstat langs`. One table: a code not in it is never emitted.

use super::Lang;
use crate::script::Script;

/// A language the detector can answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LanguageName {
    /// ISO 639-3 (or, for the few collective labels of the model, ISO 639-2) code.
    pub code: Lang,
    /// The model's label (ISO 639-1 where there is one); empty for codes the model
    /// does not answer itself (`und`).
    pub label: &'static str,
    /// The English name.
    pub english: &'static str,
    /// The name in the language's own script, where corpstat shows it.
    pub native: Option<&'static str>,
    /// The scripts it is written in, as the model learned it: the model is not
    /// asked to name it in text of another script (its answers there are guesses
    /// from shared n-grams: Finnish for the Persian word چاپ).
    pub scripts: &'static [Script],
}

const LATIN: &[Script] = &[Script::Latin];
const CYRILLIC: &[Script] = &[Script::Cyrillic];
const ARABIC: &[Script] = &[Script::Arabic];
const LATIN_CYRILLIC: &[Script] = &[Script::Latin, Script::Cyrillic];

const fn name(
    label: &'static str,
    code: &str,
    english: &'static str,
    native: Option<&'static str>,
    scripts: &'static [Script],
) -> LanguageName {
    LanguageName {
        code: Lang::of(code),
        label,
        english,
        native,
        scripts,
    }
}

/// Every language the detector can answer, in the order of the model's labels
/// (most frequent in its training data first), then `und`.
pub const LANGUAGE_NAMES: &[LanguageName] = &[
    name("en", "eng", "English", None, LATIN),
    name("ru", "rus", "Russian", None, CYRILLIC),
    name("de", "deu", "German", None, LATIN),
    name("fr", "fra", "French", None, LATIN),
    name("it", "ita", "Italian", None, LATIN),
    name(
        "ja",
        "jpn",
        "Japanese",
        None,
        &[Script::Han, Script::Hiragana, Script::Katakana],
    ),
    name("es", "spa", "Spanish", None, LATIN),
    name("ceb", "ceb", "Cebuano", None, LATIN),
    name("tr", "tur", "Turkish", None, LATIN),
    name("pt", "por", "Portuguese", None, LATIN),
    name("uk", "ukr", "Ukrainian", None, CYRILLIC),
    name("eo", "epo", "Esperanto", None, LATIN),
    name("pl", "pol", "Polish", None, LATIN),
    name("sv", "swe", "Swedish", None, LATIN),
    name("nl", "nld", "Dutch", None, LATIN),
    name("he", "heb", "Hebrew", None, &[Script::Hebrew]),
    name("zh", "zho", "Chinese", None, &[Script::Han]),
    name("hu", "hun", "Hungarian", None, LATIN),
    name("ar", "ara", "Arabic", Some("العربية"), ARABIC),
    name("ca", "cat", "Catalan", None, LATIN),
    name("fi", "fin", "Finnish", None, LATIN),
    name("cs", "ces", "Czech", None, LATIN),
    name("fa", "fas", "Persian", Some("فارسی"), ARABIC),
    name("sr", "srp", "Serbian", None, LATIN_CYRILLIC),
    name("el", "ell", "Greek", None, &[Script::Greek]),
    name("vi", "vie", "Vietnamese", None, LATIN),
    name("bg", "bul", "Bulgarian", None, CYRILLIC),
    name("ko", "kor", "Korean", None, &[Script::Hangul, Script::Han]),
    name("no", "nor", "Norwegian", None, LATIN),
    name("mk", "mkd", "Macedonian", None, CYRILLIC),
    name("ro", "ron", "Romanian", None, LATIN),
    name("id", "ind", "Indonesian", None, LATIN),
    name("th", "tha", "Thai", None, &[Script::Thai]),
    name("hy", "hye", "Armenian", None, &[Script::Armenian]),
    name("da", "dan", "Danish", None, LATIN),
    name("ta", "tam", "Tamil", None, &[Script::Tamil]),
    name("hi", "hin", "Hindi", None, &[Script::Devanagari]),
    name("hr", "hrv", "Croatian", None, LATIN),
    name("sh", "hbs", "Serbo-Croatian", None, LATIN_CYRILLIC),
    name("be", "bel", "Belarusian", None, CYRILLIC),
    name("ka", "kat", "Georgian", None, &[Script::Georgian]),
    name("te", "tel", "Telugu", None, &[Script::Telugu]),
    name("kk", "kaz", "Kazakh", None, LATIN_CYRILLIC),
    name("war", "war", "Waray", None, LATIN),
    name("lt", "lit", "Lithuanian", None, LATIN),
    name("gl", "glg", "Galician", None, LATIN),
    name("sk", "slk", "Slovak", None, LATIN),
    name("bn", "ben", "Bengali", None, &[Script::Bengali]),
    name("eu", "eus", "Basque", None, LATIN),
    name("sl", "slv", "Slovenian", None, LATIN),
    name("kn", "kan", "Kannada", None, &[Script::Kannada]),
    name("ml", "mal", "Malayalam", None, &[Script::Malayalam]),
    name("mr", "mar", "Marathi", None, &[Script::Devanagari]),
    name("et", "est", "Estonian", None, LATIN),
    name("az", "aze", "Azerbaijani", None, LATIN),
    name("ms", "msa", "Malay", None, LATIN),
    name("sq", "sqi", "Albanian", None, LATIN),
    name("la", "lat", "Latin", None, LATIN),
    name("bs", "bos", "Bosnian", None, LATIN_CYRILLIC),
    name("nn", "nno", "Norwegian Nynorsk", None, LATIN),
    name("ur", "urd", "Urdu", Some("اردو"), ARABIC),
    name("lv", "lav", "Latvian", None, LATIN),
    name("my", "mya", "Burmese", None, &[Script::Myanmar]),
    name("tt", "tat", "Tatar", None, CYRILLIC),
    name("af", "afr", "Afrikaans", None, LATIN),
    name("oc", "oci", "Occitan", None, LATIN),
    name("nds", "nds", "Low German", None, LATIN),
    name("ky", "kir", "Kyrgyz", None, CYRILLIC),
    name("ast", "ast", "Asturian", None, LATIN),
    name("tl", "tgl", "Tagalog", None, LATIN),
    name("is", "isl", "Icelandic", None, LATIN),
    name("ia", "ina", "Interlingua", None, LATIN),
    name("si", "sin", "Sinhala", None, &[Script::Sinhala]),
    name("gu", "guj", "Gujarati", None, &[Script::Gujarati]),
    name("km", "khm", "Khmer", None, &[Script::Khmer]),
    name("br", "bre", "Breton", None, LATIN),
    name("ba", "bak", "Bashkir", None, CYRILLIC),
    name("uz", "uzb", "Uzbek", None, LATIN_CYRILLIC),
    name("bo", "bod", "Tibetan", None, &[Script::Tibetan]),
    name("pa", "pan", "Punjabi", None, &[Script::Gurmukhi]),
    name("vo", "vol", "Volapük", None, LATIN),
    name("als", "gsw", "Alemannic German", None, LATIN),
    name("ne", "nep", "Nepali", None, &[Script::Devanagari]),
    name("cy", "cym", "Welsh", None, LATIN),
    name("jbo", "jbo", "Lojban", None, LATIN),
    name("fy", "fry", "Western Frisian", None, LATIN),
    name("mn", "mon", "Mongolian", None, CYRILLIC),
    name("lb", "ltz", "Luxembourgish", None, LATIN),
    name("ce", "che", "Chechen", None, CYRILLIC),
    name("ug", "uig", "Uyghur", None, ARABIC),
    name("tg", "tgk", "Tajik", None, CYRILLIC),
    name("sco", "sco", "Scots", None, LATIN),
    name("sa", "san", "Sanskrit", None, &[Script::Devanagari]),
    name("cv", "chv", "Chuvash", None, CYRILLIC),
    name("jv", "jav", "Javanese", None, LATIN),
    name("min", "min", "Minangkabau", None, LATIN),
    name("io", "ido", "Ido", None, LATIN),
    name("or", "ori", "Odia", None, &[Script::Oriya]),
    name("as", "asm", "Assamese", None, &[Script::Bengali]),
    name("new", "new", "Newari", None, &[Script::Devanagari]),
    name("ga", "gle", "Irish", None, LATIN),
    name("mg", "mlg", "Malagasy", None, LATIN),
    name("an", "arg", "Aragonese", None, LATIN),
    name("ckb", "ckb", "Central Kurdish", None, ARABIC),
    name("sw", "swa", "Swahili", None, LATIN),
    name("bar", "bar", "Bavarian", None, LATIN),
    name("lmo", "lmo", "Lombard", None, LATIN),
    name("yi", "yid", "Yiddish", None, &[Script::Hebrew]),
    name("arz", "arz", "Egyptian Arabic", None, ARABIC),
    name("mhr", "mhr", "Eastern Mari", None, CYRILLIC),
    name("azb", "azb", "South Azerbaijani", None, ARABIC),
    name("sah", "sah", "Yakut", None, CYRILLIC),
    name("pnb", "pnb", "Western Panjabi", None, ARABIC),
    name("su", "sun", "Sundanese", None, LATIN),
    name("bpy", "bpy", "Bishnupriya", None, &[Script::Bengali]),
    name("pms", "pms", "Piedmontese", None, LATIN),
    name("ilo", "ilo", "Ilocano", None, LATIN),
    name("wuu", "wuu", "Wu Chinese", None, &[Script::Han]),
    name("ku", "kur", "Kurdish", None, LATIN),
    name("ps", "pus", "Pashto", None, ARABIC),
    name("ie", "ile", "Interlingue", None, LATIN),
    name("xmf", "xmf", "Mingrelian", None, &[Script::Georgian]),
    name("yue", "yue", "Cantonese", None, &[Script::Han]),
    name(
        "gom",
        "gom",
        "Goan Konkani",
        None,
        &[Script::Devanagari, Script::Latin, Script::Kannada],
    ),
    name("li", "lim", "Limburgish", None, LATIN),
    name("mwl", "mwl", "Mirandese", None, LATIN),
    name("kw", "cor", "Cornish", None, LATIN),
    name("sd", "snd", "Sindhi", None, ARABIC),
    name("hsb", "hsb", "Upper Sorbian", None, LATIN),
    name("scn", "scn", "Sicilian", None, LATIN),
    name("gd", "gla", "Scottish Gaelic", None, LATIN),
    name("pam", "pam", "Kapampangan", None, LATIN),
    name("bh", "bih", "Bihari languages", None, &[Script::Devanagari]),
    name("mai", "mai", "Maithili", None, &[Script::Devanagari]),
    name("vec", "vec", "Venetian", None, LATIN),
    name("mt", "mlt", "Maltese", None, LATIN),
    name("dv", "div", "Dhivehi", None, &[Script::Thaana]),
    name("wa", "wln", "Walloon", None, LATIN),
    name("mzn", "mzn", "Mazanderani", None, ARABIC),
    name("am", "amh", "Amharic", None, &[Script::Ethiopic]),
    name("qu", "que", "Quechua", None, LATIN),
    name("eml", "egl", "Emilian-Romagnol", None, LATIN),
    name("cbk", "cbk", "Chavacano", None, LATIN),
    name("tk", "tuk", "Turkmen", None, LATIN),
    name("rm", "roh", "Romansh", None, LATIN),
    name("os", "oss", "Ossetian", None, CYRILLIC),
    name("vls", "vls", "West Flemish", None, LATIN),
    name("yo", "yor", "Yoruba", None, LATIN),
    name("lo", "lao", "Lao", None, &[Script::Lao]),
    name("lez", "lez", "Lezghian", None, CYRILLIC),
    name("so", "som", "Somali", None, LATIN),
    name("myv", "myv", "Erzya", None, CYRILLIC),
    name("diq", "diq", "Dimli (Zazaki)", None, LATIN),
    name("mrj", "mrj", "Western Mari", None, CYRILLIC),
    name("dsb", "dsb", "Lower Sorbian", None, LATIN),
    name("frr", "frr", "Northern Frisian", None, LATIN),
    name("ht", "hat", "Haitian Creole", None, LATIN),
    name("gn", "grn", "Guarani", None, LATIN),
    name("bxr", "bxr", "Russia Buriat", None, CYRILLIC),
    name("kv", "kom", "Komi", None, CYRILLIC),
    name("sc", "srd", "Sardinian", None, LATIN),
    name("nah", "nah", "Nahuatl languages", None, LATIN),
    name("krc", "krc", "Karachay-Balkar", None, CYRILLIC),
    name("bcl", "bcl", "Central Bikol", None, LATIN),
    name("nap", "nap", "Neapolitan", None, LATIN),
    name("gv", "glv", "Manx", None, LATIN),
    name("av", "ava", "Avar", None, CYRILLIC),
    name("rue", "rue", "Rusyn", None, CYRILLIC),
    name("xal", "xal", "Kalmyk", None, CYRILLIC),
    name("pfl", "pfl", "Palatinate German", None, LATIN),
    name("dty", "dty", "Dotyali", None, &[Script::Devanagari]),
    name("hif", "hif", "Fiji Hindi", None, LATIN),
    name("co", "cos", "Corsican", None, LATIN),
    name("lrc", "lrc", "Northern Luri", None, ARABIC),
    name("vep", "vep", "Veps", None, LATIN),
    name("tyv", "tyv", "Tuvan", None, CYRILLIC),
    name("", "und", "Undetermined", None, &[]),
];

impl Lang {
    /// Its entry in [`LANGUAGE_NAMES`], if corpstat can name it.
    pub fn names(self) -> Option<&'static LanguageName> {
        LANGUAGE_NAMES.iter().find(|n| n.code == self)
    }

    /// The English name, if corpstat can name it.
    pub fn english_name(self) -> Option<&'static str> {
        self.names().map(|n| n.english)
    }
}

/// The English name of the language a code names ("fas" → "Persian"), for pages and
/// charts; `None` for a code corpstat does not know or has no name for.
pub(crate) fn english_name_of(code: &str) -> Option<&'static str> {
    Lang::parse(code).and_then(Lang::english_name)
}

/// The entry of a model label (`__label__` already removed).
pub(super) fn by_label(label: &str) -> Option<&'static LanguageName> {
    LANGUAGE_NAMES
        .iter()
        .find(|n| n.label == label && !label.is_empty())
}

/// Whether any language the model names is written in `script` (not in the scripts
/// the detector answers `und` for, nor in digits and symbols).
pub(super) fn is_named_in(script: Script) -> bool {
    LANGUAGE_NAMES.iter().any(|n| n.scripts.contains(&script))
}

/// Languages the model tells apart poorly, answered as their macrolanguage, their
/// probabilities summed: Bosnian, Croatian and Serbian as Serbo-Croatian; Bokmål and
/// Nynorsk as Norwegian; Indonesian and Malay as Malay; Sorani and Kurmanji as
/// Kurdish; South Azerbaijani as Azerbaijani; Egyptian Arabic as Arabic; Cantonese
/// and Wu as Chinese.
const TWINS: &[(Lang, Lang)] = &[
    (Lang::of("bos"), Lang::of("hbs")),
    (Lang::of("hrv"), Lang::of("hbs")),
    (Lang::of("srp"), Lang::of("hbs")),
    (Lang::of("nno"), Lang::of("nor")),
    (Lang::of("ind"), Lang::of("msa")),
    (Lang::of("ckb"), Lang::of("kur")),
    (Lang::of("azb"), Lang::of("aze")),
    (Lang::of("arz"), Lang::of("ara")),
    (Lang::of("yue"), Lang::of("zho")),
    (Lang::of("wuu"), Lang::of("zho")),
];

/// What the model answers, twins joined.
pub(super) fn reported(language: Lang) -> Lang {
    TWINS
        .iter()
        .find(|(twin, _)| *twin == language)
        .map_or(language, |&(_, macrolanguage)| macrolanguage)
}
