//! Every language corpstat can name: its ISO 639-3 code, the label of the fastText
//! model that answers it, and its English name (with the name in its own script for
//! the Arabic-script languages corpstat is built around), for charts, the HTML page
//! and `corpstat langs`. One table: a code not in it is never emitted.

use super::Lang;

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
}

const fn name(
    label: &'static str,
    code: &str,
    english: &'static str,
    native: Option<&'static str>,
) -> LanguageName {
    LanguageName {
        code: Lang::of(code),
        label,
        english,
        native,
    }
}

/// Every language the detector can answer, in the order of the model's labels
/// (most frequent in its training data first), then `und`.
pub const LANGUAGE_NAMES: &[LanguageName] = &[
    name("en", "eng", "English", None),
    name("ru", "rus", "Russian", None),
    name("de", "deu", "German", None),
    name("fr", "fra", "French", None),
    name("it", "ita", "Italian", None),
    name("ja", "jpn", "Japanese", None),
    name("es", "spa", "Spanish", None),
    name("ceb", "ceb", "Cebuano", None),
    name("tr", "tur", "Turkish", None),
    name("pt", "por", "Portuguese", None),
    name("uk", "ukr", "Ukrainian", None),
    name("eo", "epo", "Esperanto", None),
    name("pl", "pol", "Polish", None),
    name("sv", "swe", "Swedish", None),
    name("nl", "nld", "Dutch", None),
    name("he", "heb", "Hebrew", None),
    name("zh", "zho", "Chinese", None),
    name("hu", "hun", "Hungarian", None),
    name("ar", "ara", "Arabic", Some("العربية")),
    name("ca", "cat", "Catalan", None),
    name("fi", "fin", "Finnish", None),
    name("cs", "ces", "Czech", None),
    name("fa", "fas", "Persian", Some("فارسی")),
    name("sr", "srp", "Serbian", None),
    name("el", "ell", "Greek", None),
    name("vi", "vie", "Vietnamese", None),
    name("bg", "bul", "Bulgarian", None),
    name("ko", "kor", "Korean", None),
    name("no", "nor", "Norwegian", None),
    name("mk", "mkd", "Macedonian", None),
    name("ro", "ron", "Romanian", None),
    name("id", "ind", "Indonesian", None),
    name("th", "tha", "Thai", None),
    name("hy", "hye", "Armenian", None),
    name("da", "dan", "Danish", None),
    name("ta", "tam", "Tamil", None),
    name("hi", "hin", "Hindi", None),
    name("hr", "hrv", "Croatian", None),
    name("sh", "hbs", "Serbo-Croatian", None),
    name("be", "bel", "Belarusian", None),
    name("ka", "kat", "Georgian", None),
    name("te", "tel", "Telugu", None),
    name("kk", "kaz", "Kazakh", None),
    name("war", "war", "Waray", None),
    name("lt", "lit", "Lithuanian", None),
    name("gl", "glg", "Galician", None),
    name("sk", "slk", "Slovak", None),
    name("bn", "ben", "Bengali", None),
    name("eu", "eus", "Basque", None),
    name("sl", "slv", "Slovenian", None),
    name("kn", "kan", "Kannada", None),
    name("ml", "mal", "Malayalam", None),
    name("mr", "mar", "Marathi", None),
    name("et", "est", "Estonian", None),
    name("az", "aze", "Azerbaijani", None),
    name("ms", "msa", "Malay", None),
    name("sq", "sqi", "Albanian", None),
    name("la", "lat", "Latin", None),
    name("bs", "bos", "Bosnian", None),
    name("nn", "nno", "Norwegian Nynorsk", None),
    name("ur", "urd", "Urdu", Some("اردو")),
    name("lv", "lav", "Latvian", None),
    name("my", "mya", "Burmese", None),
    name("tt", "tat", "Tatar", None),
    name("af", "afr", "Afrikaans", None),
    name("oc", "oci", "Occitan", None),
    name("nds", "nds", "Low German", None),
    name("ky", "kir", "Kyrgyz", None),
    name("ast", "ast", "Asturian", None),
    name("tl", "tgl", "Tagalog", None),
    name("is", "isl", "Icelandic", None),
    name("ia", "ina", "Interlingua", None),
    name("si", "sin", "Sinhala", None),
    name("gu", "guj", "Gujarati", None),
    name("km", "khm", "Khmer", None),
    name("br", "bre", "Breton", None),
    name("ba", "bak", "Bashkir", None),
    name("uz", "uzb", "Uzbek", None),
    name("bo", "bod", "Tibetan", None),
    name("pa", "pan", "Punjabi", None),
    name("vo", "vol", "Volapük", None),
    name("als", "gsw", "Alemannic German", None),
    name("ne", "nep", "Nepali", None),
    name("cy", "cym", "Welsh", None),
    name("jbo", "jbo", "Lojban", None),
    name("fy", "fry", "Western Frisian", None),
    name("mn", "mon", "Mongolian", None),
    name("lb", "ltz", "Luxembourgish", None),
    name("ce", "che", "Chechen", None),
    name("ug", "uig", "Uyghur", None),
    name("tg", "tgk", "Tajik", None),
    name("sco", "sco", "Scots", None),
    name("sa", "san", "Sanskrit", None),
    name("cv", "chv", "Chuvash", None),
    name("jv", "jav", "Javanese", None),
    name("min", "min", "Minangkabau", None),
    name("io", "ido", "Ido", None),
    name("or", "ori", "Odia", None),
    name("as", "asm", "Assamese", None),
    name("new", "new", "Newari", None),
    name("ga", "gle", "Irish", None),
    name("mg", "mlg", "Malagasy", None),
    name("an", "arg", "Aragonese", None),
    name("ckb", "ckb", "Central Kurdish", None),
    name("sw", "swa", "Swahili", None),
    name("bar", "bar", "Bavarian", None),
    name("lmo", "lmo", "Lombard", None),
    name("yi", "yid", "Yiddish", None),
    name("arz", "arz", "Egyptian Arabic", None),
    name("mhr", "mhr", "Eastern Mari", None),
    name("azb", "azb", "South Azerbaijani", None),
    name("sah", "sah", "Yakut", None),
    name("pnb", "pnb", "Western Panjabi", None),
    name("su", "sun", "Sundanese", None),
    name("bpy", "bpy", "Bishnupriya", None),
    name("pms", "pms", "Piedmontese", None),
    name("ilo", "ilo", "Ilocano", None),
    name("wuu", "wuu", "Wu Chinese", None),
    name("ku", "kur", "Kurdish", None),
    name("ps", "pus", "Pashto", None),
    name("ie", "ile", "Interlingue", None),
    name("xmf", "xmf", "Mingrelian", None),
    name("yue", "yue", "Cantonese", None),
    name("gom", "gom", "Goan Konkani", None),
    name("li", "lim", "Limburgish", None),
    name("mwl", "mwl", "Mirandese", None),
    name("kw", "cor", "Cornish", None),
    name("sd", "snd", "Sindhi", None),
    name("hsb", "hsb", "Upper Sorbian", None),
    name("scn", "scn", "Sicilian", None),
    name("gd", "gla", "Scottish Gaelic", None),
    name("pam", "pam", "Kapampangan", None),
    name("bh", "bih", "Bihari languages", None),
    name("mai", "mai", "Maithili", None),
    name("vec", "vec", "Venetian", None),
    name("mt", "mlt", "Maltese", None),
    name("dv", "div", "Dhivehi", None),
    name("wa", "wln", "Walloon", None),
    name("mzn", "mzn", "Mazanderani", None),
    name("am", "amh", "Amharic", None),
    name("qu", "que", "Quechua", None),
    name("eml", "egl", "Emilian-Romagnol", None),
    name("cbk", "cbk", "Chavacano", None),
    name("tk", "tuk", "Turkmen", None),
    name("rm", "roh", "Romansh", None),
    name("os", "oss", "Ossetian", None),
    name("vls", "vls", "West Flemish", None),
    name("yo", "yor", "Yoruba", None),
    name("lo", "lao", "Lao", None),
    name("lez", "lez", "Lezghian", None),
    name("so", "som", "Somali", None),
    name("myv", "myv", "Erzya", None),
    name("diq", "diq", "Dimli (Zazaki)", None),
    name("mrj", "mrj", "Western Mari", None),
    name("dsb", "dsb", "Lower Sorbian", None),
    name("frr", "frr", "Northern Frisian", None),
    name("ht", "hat", "Haitian Creole", None),
    name("gn", "grn", "Guarani", None),
    name("bxr", "bxr", "Russia Buriat", None),
    name("kv", "kom", "Komi", None),
    name("sc", "srd", "Sardinian", None),
    name("nah", "nah", "Nahuatl languages", None),
    name("krc", "krc", "Karachay-Balkar", None),
    name("bcl", "bcl", "Central Bikol", None),
    name("nap", "nap", "Neapolitan", None),
    name("gv", "glv", "Manx", None),
    name("av", "ava", "Avar", None),
    name("rue", "rue", "Rusyn", None),
    name("xal", "xal", "Kalmyk", None),
    name("pfl", "pfl", "Palatinate German", None),
    name("dty", "dty", "Dotyali", None),
    name("hif", "hif", "Fiji Hindi", None),
    name("co", "cos", "Corsican", None),
    name("lrc", "lrc", "Northern Luri", None),
    name("vep", "vep", "Veps", None),
    name("tyv", "tyv", "Tuvan", None),
    name("", "und", "Undetermined", None),
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

/// The language of a model label (`__label__` already removed).
pub(super) fn by_label(label: &str) -> Option<Lang> {
    LANGUAGE_NAMES
        .iter()
        .find(|n| n.label == label && !label.is_empty())
        .map(|n| n.code)
}
