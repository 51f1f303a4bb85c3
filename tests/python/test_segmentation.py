"""Words of the scripts written without spaces, against independent segmenters:
jieba for Chinese, fugashi with unidic-lite (MeCab and UniDic) for Japanese and
PyThaiNLP's default for Thai. The measure is the F1 of word boundaries: the set of
character offsets where a word starts or ends, punctuation left out on both sides.
The sentences are our own: Wikipedia-like text written for this test, and the Thai
lines of the UDHR fixture."""

import pathlib
import unicodedata

import pytest

import corpstat

CHINESE = """北京是中华人民共和国的首都，也是全国的政治和文化中心。
这座城市有三千多年的历史，保存了大量的古代建筑。
每年都有很多外国游客来这里参观故宫和长城。
我们学校的图书馆里有很多关于历史和地理的书。
昨天下午我和朋友一起去公园散步，天气非常好。
经济发展需要稳定的社会环境和良好的教育制度。
科学家们正在研究如何减少空气污染对健康的影响。
这家公司去年推出了一款新的手机，销售情况很好。
他每天早上六点起床，然后跑步半个小时。
中文是世界上使用人数最多的语言之一。
人人生而自由，在尊严和权利上一律平等。
政府计划在明年建设更多的学校和医院。""".split("\n")

JAPANESE = """東京は日本の首都であり、世界有数の大都市です。
私は毎朝七時に起きて、駅まで歩いて行きます。
この本はとても面白いので、友達にも勧めました。
昨日は雨が降っていたので、家で映画を見ました。
日本語を勉強するのは難しいですが、楽しいです。
京都には古いお寺や神社がたくさんあります。
新しい技術の開発には多くの時間と費用がかかります。
彼女は大学で経済学を専攻しています。
すべての人間は、生まれながらにして自由である。
来週の会議では、新しい計画について話し合う予定です。
富士山は日本で一番高い山として知られています。
子供たちは公園で元気に遊んでいました。""".split("\n")

THAI_OWN = """ประเทศไทยเป็นประเทศที่มีวัฒนธรรมที่หลากหลาย
กรุงเทพมหานครเป็นเมืองหลวงของประเทศไทย
นักเรียนทุกคนต้องไปโรงเรียนในวันจันทร์
ฉันชอบกินอาหารไทยมากที่สุด
รัฐบาลประกาศนโยบายใหม่เพื่อพัฒนาเศรษฐกิจ""".split("\n")


def thai_lines() -> list:
    fixture = pathlib.Path(__file__).parents[1] / "fixtures" / "udhr-opening.tsv"
    lines = []
    for line in fixture.read_text(encoding="utf-8").splitlines():
        code, _, text = line.partition("\t")
        if code == "tha":
            lines.extend(part for part in text.split() if part)
    return lines + THAI_OWN


def is_word(token: str) -> bool:
    return any(unicodedata.category(c)[0] in "LMN" for c in token)


def boundaries(text: str, words: list) -> set:
    """The offsets in `text` where each word of `words` (in order) starts and ends."""
    found, at = set(), 0
    for word in words:
        if not is_word(word):
            at = text.find(word, at) + len(word) if text.find(word, at) >= 0 else at
            continue
        start = text.find(word, at)
        assert start >= 0, (word, text)
        found |= {start, start + len(word)}
        at = start + len(word)
    return found


def f1(lines: list, reference) -> float:
    hits = ours_total = theirs_total = 0
    for line in lines:
        ours = boundaries(line, corpstat.tokens(line))
        theirs = boundaries(line, reference(line))
        hits += len(ours & theirs)
        ours_total += len(ours)
        theirs_total += len(theirs)
    precision, recall = hits / ours_total, hits / theirs_total
    return 2 * precision * recall / (precision + recall)


def test_known_answers():
    assert corpstat.tokens("我们今天去北京大学学习中文。") == ["我们", "今天", "去", "北京", "大学", "学习", "中文"]
    assert corpstat.tokens("我们去北京", rules="characters") == ["我", "们", "去", "北", "京"]
    with pytest.raises(ValueError, match="rules="):
        corpstat.tokens("x", rules="bogus")


def test_chinese_against_jieba(tmp_path, record_property):
    import jieba

    jieba.dt.tmp_dir = str(tmp_path)
    jieba.setLogLevel(60)
    score = f1(CHINESE, lambda line: list(jieba.cut(line)))
    record_property("f1", score)
    print(f"Chinese word-boundary F1 against jieba: {score:.3f}")
    assert score >= 0.85


def test_japanese_against_mecab_unidic(record_property):
    import fugashi

    tagger = fugashi.Tagger()
    score = f1(JAPANESE, lambda line: [w.surface for w in tagger(line)])
    record_property("f1", score)
    print(f"Japanese word-boundary F1 against fugashi + unidic-lite: {score:.3f}")
    assert score >= 0.85


def test_thai_against_pythainlp(record_property):
    from pythainlp.tokenize import word_tokenize

    lines = thai_lines()
    assert len(lines) >= 10
    score = f1(lines, word_tokenize)
    record_property("f1", score)
    print(f"Thai word-boundary F1 against PyThaiNLP: {score:.3f}")
    assert score >= 0.85
