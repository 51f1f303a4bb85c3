#!/usr/bin/env bash
# Remakes the Noto fonts of assets/fonts/ (the charts' fallback chain, src/output/chart/fonts.rs)
# from Debian 12's packages, with fontTools' subsetter:
#   - each script's Noto Sans face whole (every character and layout feature), hinting dropped
#     (the charts are rasterized by ab_glyph, which ignores hinting);
#   - Noto Sans CJK SC, regular, cut to the characters of GB 2312, JIS X 0208, KS X 1001
#     (its 2,350 Hangul syllables and 4,888 hanja) and Big5's level 1 (5,401 frequent
#     traditional characters): 14,431 characters, with the `locl` forms of Japanese, Korean
#     and traditional Chinese kept for runs shaped in those languages.
# Usage: scripts/make-fonts.sh [OUT]   (OUT defaults to assets/fonts; needs apt-get and python3)
set -euo pipefail
out=$(realpath "${1:-assets/fonts}")
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download -q 'fonts-noto-core=20201225-1' 'fonts-noto-cjk=1:20220127+repack1-1' >/dev/null
for deb in *.deb; do dpkg-deb -x "$deb" x; done
python3 -m venv venv
venv/bin/pip install -q 'fonttools==4.69.1'
noto=x/usr/share/fonts/truetype/noto
for face in NotoSans-Regular NotoSans-Bold NotoSansArmenian-Regular NotoSansBengali-Regular \
    NotoSansDevanagari-Regular NotoSansEthiopic-Regular NotoSansGeorgian-Regular \
    NotoSansGujarati-Regular NotoSansGurmukhi-Regular NotoSansHebrew-Regular \
    NotoSansKannada-Regular NotoSansKhmer-Regular NotoSansLao-Regular NotoSansMalayalam-Regular \
    NotoSansMyanmar-Regular NotoSansOriya-Regular NotoSansSinhala-Regular NotoSansSyriac-Regular \
    NotoSansTamil-Regular NotoSansTelugu-Regular NotoSansThaana-Regular NotoSansThai-Regular \
    NotoSerifTibetan-Regular; do
  venv/bin/pyftsubset "$noto/$face.ttf" --unicodes='*' --layout-features='*' --no-hinting \
    --glyph-names --notdef-outline --name-IDs='*' --output-file="$out/$face.ttf"
done
venv/bin/python - <<'PY' > cjk.txt
def two_bytes(encoding, keep):
    found = set()
    for cp in range(0x80, 0x10000):
        try:
            encoded = chr(cp).encode(encoding)
        except (UnicodeEncodeError, ValueError):
            continue
        if len(encoded) == 2 and keep(encoded):
            found.add(cp)
    return found
chars = (two_bytes("gb2312", lambda b: True)
         | two_bytes("euc_jp", lambda b: b[0] >= 0xA1)          # JIS X 0208 (not 0212, not kana of 0201)
         | two_bytes("euc_kr", lambda b: True)                   # KS X 1001
         | two_bytes("big5", lambda b: (b[0], b[1]) < (0xC6, 0xA1)))  # Big5 up to level 1's end
print(",".join("%04X" % c for c in sorted(chars)))
PY
venv/bin/pyftsubset x/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc --font-number=2 \
  --unicodes-file=cjk.txt --layout-features='kern,locl,ccmp' --no-hinting --notdef-outline \
  --name-IDs='*' --output-file="$out/NotoSansCJKsc-Regular-subset.otf"
ls -l "$out"
