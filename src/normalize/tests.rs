//! The normalization tests: each step on the text it exists for, and the properties the pipeline relies on (stable characters, borrowing, idempotence).

use proptest::prelude::*;

use super::*;

fn with(options: NormalizeOptions) -> Normalizer {
    Normalizer::new(&options).unwrap()
}

/// Every stable character is left alone by every surface step, alone and next
/// to any other stable character, and the letters are letters.
#[test]
fn stable_characters_are_stable() {
    let n = Normalizer::default();
    let stable: Vec<char> = (0..=0x10FFFFu32)
        .filter_map(char::from_u32)
        .filter(|&c| is_surface_stable(c) && !c.is_ascii())
        .collect();
    assert!(stable.len() > 150, "{}", stable.len());
    let mut probes: Vec<char> = stable.clone();
    probes.extend(['a', 'Z', '0', ' ', '.', '\n']);
    for &c in &stable {
        assert_eq!(
            unicode_normalization::char::canonical_combining_class(c),
            0,
            "{c:?}"
        );
        assert_eq!(is_stable_letter(c), c.is_alphabetic(), "{c:?}");
        for &d in &probes {
            for pair in [format!("{c}{d}"), format!("{d}{c}")] {
                assert_eq!(n.surface_steps(&pair, None), pair.as_str(), "{pair:?}");
            }
        }
    }
}

#[test]
fn surface_by_runs_equals_surface_over_the_whole_text() {
    let n = Normalizer::default();
    for text in [
        "كَتَبَ الْوَلَدُ می\u{200C}\u{200C}شود \u{200C}کتاب\u{200C} ها ﻻ x",
        "plain ascii only",
        "\u{200C} \u{200C}a\u{200C}b \u{0627}\u{0653} e\u{0301} \u{FE70}",
        "ب\u{200C}\u{064E}ب   \tـ\n",
    ] {
        assert_eq!(n.surface(text), n.surface_steps(text, None), "{text:?}");
    }
}

proptest::proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]
    #[test]
    fn surface_by_runs_equals_surface_over_the_whole_text_generated(
        text in proptest::collection::vec(
            proptest::prop_oneof![
                8 => proptest::sample::select(
                    "ab .\n\tبکیيىةأإآا\u{0640}٠۹،؟«\u{064B}\u{064E}\u{0651}\u{0653}\u{0654}\u{0670}\u{200C}\u{200D}\u{200F}\u{06D6}\u{FEFB}\u{FE70}\u{00A0}\u{2026}e\u{0301}"
                        .chars()
                        .collect::<Vec<char>>()
                ),
                1 => proptest::prelude::any::<char>(),
            ],
            0..48,
        ).prop_map(|chars| chars.into_iter().collect::<String>())
    ) {
        let text: String = text;
        let n = Normalizer::default();
        proptest::prop_assert_eq!(n.surface(&text), n.surface_steps(&text, None));
        // Counting what the steps remove changes nothing of the text, and counts
        // exactly the characters removed (every counted step only removes).
        let mut ledger = super::Orthography::default();
        let counted = n.surface_counted(&text, &mut ledger);
        proptest::prop_assert_eq!(&counted, &n.surface(&text));
        let removed = ledger.invisible + ledger.zwnj + ledger.tatweel + ledger.diacritics;
        let nfkc = Nfkc.apply(std::borrow::Cow::Borrowed(text.as_str()));
        proptest::prop_assert_eq!(
            removed as usize,
            nfkc.chars().count() - counted.chars().count()
        );
    }
}

#[test]
fn steps_run_in_the_documented_order() {
    let profile = [
        "nfkc",
        "invisible",
        "zwnj",
        "tatweel",
        "diacritics",
        "alef",
        "yeh-kaf",
        "digits",
        "lowercase",
    ];
    assert_eq!(Normalizer::default().step_names(), profile);
    assert_eq!(profile_steps().collect::<Vec<_>>(), profile);
    let all = with(NormalizeOptions {
        persian_zwnj_repair: true,
        teh_marbuta: true,
        stem: true,
        disabled: vec!["digits".into()],
        ..NormalizeOptions::default()
    });
    assert_eq!(
        all.step_names(),
        [
            "nfkc",
            "invisible",
            "zwnj",
            "persian-zwnj-repair",
            "tatweel",
            "diacritics",
            "alef",
            "yeh-kaf",
            "teh-marbuta",
            "lowercase",
            "stem"
        ]
    );
    assert!(!all.surface_is_local && Normalizer::default().surface_is_local);
    let nfkc_only = with(NormalizeOptions {
        form: NormalForm::Nfkc,
        case: CaseMode::Keep,
        ..NormalizeOptions::default()
    });
    assert_eq!(nfkc_only.step_names(), ["nfkc"]);
    let err = Normalizer::new(&NormalizeOptions {
        disabled: vec!["stem".into()],
        ..NormalizeOptions::default()
    })
    .err()
    .map(|e| e.to_string());
    assert_eq!(
        err.as_deref(),
        Some("unknown normalization step \"stem\" (steps: nfkc, invisible, zwnj, tatweel, diacritics, alef, yeh-kaf, digits, lowercase)")
    );
}

#[test]
fn nfkc_turns_arabic_presentation_forms_into_base_letters() {
    assert_eq!(Nfkc.apply(Cow::Borrowed("\u{FEFB}\u{FE8D}")), "لاا");
    assert_eq!(Nfkc.apply(Cow::Borrowed("ﬁle")), "file");
}

#[test]
fn invisible_characters_are_removed() {
    let n = Normalizer::default();
    assert_eq!(
        n.surface("\u{200F}سلام\u{202B}دنیا\u{202C}\u{2067}x\u{2069}\u{200D}\u{FEFF}"),
        "سلامدنیاx"
    );
}

#[test]
fn tatweel_and_diacritics_are_removed() {
    let n = Normalizer::default();
    assert_eq!(n.surface("كـــتـاب"), "كتاب");
    assert_eq!(n.surface("كَتَبَ الْوَلَدُ"), "كتب الولد");
    assert_eq!(n.surface("رَحْمَٰنِ ۖ"), "رحمن ");
}

#[test]
fn alef_variants_fold_together() {
    let n = Normalizer::default();
    for variant in ["أحمد", "إحمد", "آحمد", "ٱحمد", "احمد"] {
        assert_eq!(n.fold(variant), "احمد", "{variant}");
    }
}

#[test]
fn yeh_kaf_and_heh_fold() {
    let n = Normalizer::default();
    assert_eq!(n.fold("ایران"), n.fold("ايران"));
    assert_eq!(n.fold("على"), "علي");
    assert_eq!(n.fold("کتاب"), "كتاب");
    assert_eq!(n.fold("خانۀ"), "خانه");
}

#[test]
fn digits_unify() {
    let n = Normalizer::default();
    assert_eq!(n.fold("۱۳۹۶"), "1396");
    assert_eq!(n.fold("٢٠٢٤"), "2024");
    assert_eq!(n.fold("1396"), "1396");
}

#[test]
fn zwnj_is_kept_inside_words_only() {
    let n = Normalizer::default();
    assert_eq!(n.surface("می\u{200C}\u{200C}شود"), "می\u{200C}شود");
    assert_eq!(n.surface("\u{200C}کتاب\u{200C} ها"), "کتاب ها");
    assert_eq!(n.surface("می\u{200C}شود"), "می\u{200C}شود");
}

#[test]
fn optional_steps() {
    let n = with(NormalizeOptions {
        teh_marbuta: true,
        persian_zwnj_repair: true,
        ..NormalizeOptions::default()
    });
    assert_eq!(n.fold("مدرسة"), "مدرسه");
    assert_eq!(n.surface("می شود"), "می\u{200C}شود");
    assert_eq!(
        n.surface("کتاب ها را نمی خواند"),
        "کتاب\u{200C}ها را نمی\u{200C}خواند"
    );
    assert_eq!(n.surface("ایمیل های ویژه"), "ایمیل\u{200C}های ویژه");
    // Latin words are never joined.
    assert_eq!(n.surface("the ها"), "the ها");
    assert!(n.step_names().contains(&"teh-marbuta"));
    assert_eq!(Normalizer::default().fold("مدرسة"), "مدرسة");
}

#[test]
fn arabic_stemming_is_opt_in() {
    let n = with(NormalizeOptions {
        stem: true,
        ..NormalizeOptions::default()
    });
    assert_eq!(n.step_names().last(), Some(&"stem"));
    // Article, prefixed preposition and feminine ending come off; Latin words stay.
    assert_eq!(n.fold("الكتاب"), "كتاب");
    assert_eq!(n.fold("بالمدرسة"), n.fold("المدرسة"));
    assert_eq!(n.fold("books"), "books");
    assert_eq!(Normalizer::default().fold("الكتاب"), "الكتاب");
}

#[test]
fn steps_can_be_switched_off() {
    let n = with(NormalizeOptions {
        disabled: vec!["digits".into(), "alef".into()],
        ..NormalizeOptions::default()
    });
    assert_eq!(n.fold("۱۳۹۶ أحمد"), "۱۳۹۶ أحمد");
    assert!(!n.step_names().contains(&"digits"));
    let err = Normalizer::new(&NormalizeOptions {
        disabled: vec!["kashida".into()],
        ..NormalizeOptions::default()
    });
    assert!(err.is_err());
}

#[test]
fn lowercasing_is_full_unicode() {
    let n = Normalizer::default();
    // Final sigma becomes ς; NFKC first splits the digraph ǅ into d + ž.
    assert_eq!(n.normalize("ΟΔΟΣ Straße ǅ"), "οδος straße dž");
    let no_nfkc = with(NormalizeOptions {
        form: NormalForm::None,
        ..NormalizeOptions::default()
    });
    assert_eq!(no_nfkc.normalize("ǅ"), "ǆ");
}

#[test]
fn none_and_keep_is_the_identity() {
    let n = with(NormalizeOptions {
        form: NormalForm::None,
        case: CaseMode::Keep,
        ..NormalizeOptions::default()
    });
    assert!(n.step_names().is_empty());
    assert_eq!(n.normalize("ﬁ ΑΒΓ أحمد ۱۳۹۶"), "ﬁ ΑΒΓ أحمد ۱۳۹۶");
}

#[test]
fn unchanged_text_is_borrowed() {
    let n = Normalizer::default();
    assert!(matches!(n.surface("سلام دنیا"), Cow::Borrowed(_)));
    assert!(matches!(n.fold("hello"), Cow::Borrowed(_)));
}

/// The table of each character's key folds as the fold steps do one after the
/// other: every character below the table's end alone and beside the characters
/// the steps treat apart (Greek capital sigma, dotted capital I, a titlecase
/// digraph, an Arabic letter, ZWNJ), and every whitespace-separated word of the
/// seed corpus, under each set of fold steps that has a table.
#[test]
fn the_fold_table_folds_as_the_steps() {
    let option_sets = [
        NormalizeOptions::default(),
        NormalizeOptions {
            case: CaseMode::Keep,
            ..NormalizeOptions::default()
        },
        NormalizeOptions {
            teh_marbuta: true,
            disabled: vec!["alef".into(), "digits".into()],
            ..NormalizeOptions::default()
        },
        NormalizeOptions {
            form: NormalForm::None,
            ..NormalizeOptions::default()
        },
    ];
    let mut words: Vec<String> = Vec::new();
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for entry in std::fs::read_dir(&seeds).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
        words.extend(text.split_whitespace().map(str::to_string));
    }
    let seed_words = words.len();
    assert!(seed_words > 2_000, "{seed_words}");
    let neighbours = [
        '\u{03A3}', '\u{0130}', '\u{01C5}', '\u{0643}', '\u{200C}', 'A',
    ];
    for c in (0..0x3100u32).filter_map(char::from_u32) {
        words.push(c.to_string());
        for n in neighbours {
            words.push(format!("{c}{n}"));
            words.push(format!("{n}{c}{n}"));
        }
    }
    words.extend(
        [
            "ΟΔΟΣ",
            "ΣΟΦΟΣ ΣΟΦΟΣ",
            "İSTANBUL",
            "ǅemal",
            "مدرسة",
            "١٢٣٤",
            "ﻻ",
        ]
        .map(String::from),
    );
    for options in &option_sets {
        let normalizer = with(options.clone());
        assert!(normalizer.fold_table.is_some(), "{options:?}");
        let mut seeds_by_table = 0;
        for (i, word) in words.iter().enumerate() {
            let expected = normalizer.fold_by_steps(word);
            assert_eq!(normalizer.fold(word), expected, "{word:?} {options:?}");
            if let Some(folded) = normalizer.fold_table.as_ref().and_then(|t| t.fold(word)) {
                assert_eq!(folded, expected);
                seeds_by_table += usize::from(i < seed_words);
            }
        }
        // The table answers for every word of the seeds (Arabic, Persian, English):
        // it would be no faster otherwise.
        assert_eq!(seeds_by_table, seed_words, "{options:?}");
    }
    // A step that reads words whole leaves no table.
    let stemmed = with(NormalizeOptions {
        stem: true,
        ..NormalizeOptions::default()
    });
    assert!(stemmed.fold_table.is_none());
}
