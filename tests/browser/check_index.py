#!/usr/bin/env python3
"""Opens a report's index.html in headless Chromium and checks it as a reader would.

    python3 tests/browser/check_index.py REPORT_DIR SCREENSHOT_DIR

Drives Debian's chromium through chromedriver (W3C WebDriver over HTTP, with the
standard library only). At 1400 and 390 CSS pixels wide it checks that the page
does not overflow sideways, that every chart image loads and is shown at its own
size (a narrow screen scrolls it sideways in its box), that the embedded
Vazirmatn font is loaded and used for an Arabic cell and every other embedded font loads, that clicking a column's name
sorts the rows, that the filter box hides rows, and that the top words'
concordance lines are collapsed and, opened, read in their script's direction. Prints one JSON object per
width and exits 1 if a check fails. Screenshots go to SCREENSHOT_DIR (never into
the repository).
"""

import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
# The machine's network is closed: without these, Chromium keeps trying to reach
# Google's hosts.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--force-device-scale-factor=1"]
WIDTHS = [1400, 390]


class Driver:
    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        self.session = None

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())["value"]

    def start(self, profile):
        value = self.call("POST", "/session", {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": CHROMIUM, "args": FLAGS + [f"--user-data-dir={profile}"]},
        }}})
        self.session = value["sessionId"]

    def s(self, path):
        return f"/session/{self.session}{path}"

    def script(self, source, *args):
        return self.call("POST", self.s("/execute/sync"), {"script": source, "args": list(args)})

    def element(self, css):
        value = self.call("POST", self.s("/element"), {"using": "css selector", "value": css})
        return next(iter(value.values()))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(driver, condition, seconds=20):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if driver.script(f"return Boolean({condition});"):
            return True
        time.sleep(0.1)
    return False


def check_sorting(driver, problems):
    """terms.csv's rows come by count descending; a click on "count" sorts them
    ascending (the rows shown, in the first body; the second holds the rows the
    filter box searches, sorted alike)."""
    values = ("return Array.from(document.querySelectorAll('#terms tbody:first-of-type tr'))"
              ".map(r => parseFloat(r.cells[COL].getAttribute('data-v')));")
    column = driver.script("return Array.from(document.querySelectorAll('#terms thead th'))"
                           ".findIndex(th => th.textContent.trim() === 'count');")
    before = driver.script(values.replace("COL", str(column)))
    button = driver.element(f"#terms thead th:nth-child({column + 1}) button")
    driver.call("POST", driver.s(f"/element/{button}/click"), {})
    after = driver.script(values.replace("COL", str(column)))
    sorted_ok = after == sorted(before) and after != before
    if not sorted_ok:
        problems.append(f"sorting by count: {before} became {after}")
    return sorted_ok


def check_filter(driver, problems):
    """Typing a term of the table in the filter box leaves only the rows holding it,
    found among every row the page holds: the term is the last of two letters or
    more that the page holds but does not show."""
    term = driver.script("""
        const column = Array.from(document.querySelectorAll('#terms thead th'))
          .findIndex(th => th.textContent.trim() === 'term');
        const shown = Array.from(document.querySelectorAll('#terms tbody:first-of-type tr'))
          .map(r => r.cells[column].textContent);
        return Array.from(document.querySelectorAll('#terms tbody tr'))
          .map(r => r.cells[column].textContent)
          .filter(t => /\\p{L}{2,}/u.test(t) && !shown.includes(t)).pop();""")
    box = driver.element("input.filter[data-table=terms]")
    driver.call("POST", driver.s(f"/element/{box}/value"), {"text": term})
    shown = driver.script("""
        const rows = Array.from(document.querySelectorAll('#terms tbody tr'));
        return {total: rows.length, visible: rows.filter(r => !r.hidden).map(r => r.textContent)};""")
    if not shown["visible"] or len(shown["visible"]) >= shown["total"] \
            or not all(term.lower() in v.lower() for v in shown["visible"]):
        problems.append(f"filtering by {term!r}: {len(shown['visible'])} of {shown['total']} rows visible")
    return f"{len(shown['visible'])} of {shown['total']} rows for {term!r}"


def check_concordance(driver, problems):
    """The top words' concordance lines are collapsed until a word is opened; an
    open Arabic-script word's lines run right to left, the words before the match
    drawn to its right and those after it to its left (a Latin-script word's the
    other way round), and the page still does not overflow."""
    closed = driver.script("""
        const all = Array.from(document.querySelectorAll('details'));
        return {words: all.length, open: all.filter(d => d.open).length,
                visible_rows: all.flatMap(d => Array.from(d.querySelectorAll('tr')))
                  .filter(r => r.checkVisibility()).length};""")
    if closed["words"] == 0:
        problems.append("no concordance word on the page")
        return closed
    if closed["open"] or closed["visible_rows"]:
        problems.append(f"concordance lines shown before a word is opened: {closed}")
    summary = driver.element("details summary")
    driver.call("POST", driver.s(f"/element/{summary}/click"), {})
    lines = driver.script("""
        const table = document.querySelector('details[open] table.kwic');
        const x = td => td.getBoundingClientRect();
        const arabic = /[\\u0600-\\u06FF]/.test(table.querySelector('td.match').textContent);
        return {dir: arabic ? 'rtl' : 'ltr',
                rows: Array.from(table.querySelectorAll('tr')).map(r => {
                  const [before, match, after] = ['before', 'match', 'after']
                    .map(c => x(r.querySelector('td.' + c)));
                  return {before_left: before.left, before_right: before.right,
                          match_left: match.left, match_right: match.right,
                          after_left: after.left, after_right: after.right,
                          shown: r.checkVisibility()};
                }),
                scroll_width: document.scrollingElement.scrollWidth,
                inner_width: window.innerWidth};""")
    rows = lines["rows"]
    if not rows or not all(r["shown"] for r in rows):
        problems.append(f"the opened word shows {len(rows)} lines, some not drawn")
    for r in rows:
        if lines["dir"] == "rtl":
            in_order = r["before_left"] >= r["match_right"] - 1 and r["match_left"] >= r["after_right"] - 1
        else:
            in_order = r["before_right"] <= r["match_left"] + 1 and r["match_right"] <= r["after_left"] + 1
        if not in_order:
            problems.append(f"a {lines['dir']} concordance line is out of reading order: {r}")
            break
    if lines["scroll_width"] > lines["inner_width"]:
        problems.append(f"the opened concordance overflows the page: {lines['scroll_width']}")
    return {"words": closed["words"], "opened": lines["dir"], "lines": len(rows)}


def check_width(driver, url, width, shots):
    driver.call("POST", driver.s("/window/rect"), {"width": width, "height": 1000})
    driver.call("POST", driver.s("/url"), {"url": url})
    problems = []
    if not wait_until(driver, "document.readyState === 'complete'"):
        problems.append("the page did not finish loading")
    # The viewport the page lays out in (the window's outer size includes no chrome
    # when headless, but say what was measured).
    layout = driver.script("""
        const imgs = Array.from(document.images);
        return {
          inner_width: window.innerWidth,
          scroll_width: document.scrollingElement.scrollWidth,
          images: imgs.length,
          images_loaded: imgs.filter(i => i.complete && i.naturalWidth > 0).length,
          // Charts shown smaller than drawn shrink their 13 px text with them.
          images_shrunk: imgs.filter(i => i.getBoundingClientRect().width < i.naturalWidth)
            .map(i => i.getAttribute('src') + ' at ' + Math.round(i.getBoundingClientRect().width)
                 + ' of ' + i.naturalWidth + ' px'),
        };""")
    if layout["scroll_width"] > layout["inner_width"]:
        problems.append(f"the page overflows: scrollWidth {layout['scroll_width']} > innerWidth {layout['inner_width']}")
    if layout["images"] == 0 or layout["images_loaded"] != layout["images"]:
        problems.append(f"{layout['images_loaded']} of {layout['images']} chart images loaded")
    if layout["images_shrunk"]:
        problems.append(f"charts shown smaller than drawn: {layout['images_shrunk'][:3]}")
    wait_until(driver, "document.fonts.status === 'loaded'")
    font = driver.script("""
        const arabic = Array.from(document.querySelectorAll('td[dir=auto]'))
          .find(td => /[\\u0600-\\u06FF]/.test(td.textContent));
        const faces = Array.from(document.fonts).filter(f => f.family.replace(/"/g, '') === 'Vazirmatn');
        return {
          arabic_cell: arabic ? arabic.textContent : null,
          cell_font: arabic ? getComputedStyle(arabic).fontFamily : null,
          faces: faces.map(f => f.weight + ':' + f.status),
          check: arabic ? document.fonts.check('16px Vazirmatn', arabic.textContent) : false,
        };""")
    if not font["arabic_cell"]:
        problems.append("no Arabic cell on the page")
    elif not font["cell_font"].replace('"', "").startswith("Vazirmatn"):
        problems.append(f"the Arabic cell asks for {font['cell_font']}")
    if not font["faces"] or not all(f.endswith(":loaded") for f in font["faces"]):
        problems.append(f"the embedded font is not loaded: {font['faces']}")
    if not font["check"]:
        problems.append("document.fonts.check('16px Vazirmatn') is false")
    # Every embedded face (WOFF, written by corpstat) decodes: loaded on demand, each
    # must end "loaded", not "error".
    driver.script("document.fonts.forEach(f => f.load().catch(() => null));")
    wait_until(driver, "Array.from(document.fonts).every(f => f.status === 'loaded' || f.status === 'error')")
    every_face = driver.script(
        "return Array.from(document.fonts).map(f => f.family + ' ' + f.weight + ':' + f.status);")
    if len(every_face) < 2 or not all(f.endswith(":loaded") for f in every_face):
        problems.append(f"an embedded font does not load: {every_face}")
    font["faces"] = every_face
    sorted_ok, filtered, concordance = False, None, None
    try:
        sorted_ok = check_sorting(driver, problems)
        filtered = check_filter(driver, problems)
        concordance = check_concordance(driver, problems)
    except urllib.error.HTTPError as error:
        problems.append(f"sorting, filtering or the concordance: no such element ({error})")
    shot = base64.b64decode(driver.call("GET", driver.s("/screenshot")))
    with open(os.path.join(shots, f"index-{width}.png"), "wb") as f:
        f.write(shot)
    return {"width": width, **layout, "font": font["faces"], "arabic_cell_font": font["cell_font"],
            "sorted": sorted_ok, "filter": filtered, "concordance": concordance,
            "problems": problems}


def main():
    report, shots = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    os.makedirs(shots, exist_ok=True)
    port = free_port()
    server = subprocess.Popen([CHROMEDRIVER, f"--port={port}"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    failed = False
    try:
        driver = Driver(port)
        for _ in range(100):
            try:
                driver.call("GET", "/status")
                break
            except OSError:
                time.sleep(0.1)
        with tempfile.TemporaryDirectory() as profile:
            driver.start(profile)
            try:
                url = "file://" + os.path.join(report, "index.html")
                for width in WIDTHS:
                    result = check_width(driver, url, width, shots)
                    print(json.dumps(result, ensure_ascii=False))
                    failed |= bool(result["problems"])
            finally:
                driver.call("DELETE", driver.s(""))
    finally:
        server.terminate()
        server.wait()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
