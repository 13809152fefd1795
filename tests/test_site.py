"""The website: it builds with ``mkdocs build --strict`` and works in a real browser, offline.

The site is built once per test session (one build shared by every pytest-xdist worker, behind a
file lock), into a temporary folder. The browser test serves it on 127.0.0.1 and drives Debian's
Chromium through playwright (``/usr/bin/chromium``; ``playwright install`` is never used): every
page loads with no console error, every link inside the site and every image resolves, no request
leaves 127.0.0.1, search finds a term, and the theme toggle switches light and dark. Screenshots
of the home page and a lesson, in both themes, go to ``build/site-screenshots/`` (git-ignored;
``PODLAB_SCREENSHOTS`` overrides). ``PODLAB_SITE=<dir>`` tests an already built site instead.
"""

from __future__ import annotations

import fcntl
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                  # no host name but 127.0.0.1 resolves: a request for another host cannot leave
                  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
SCREENSHOTS = Path(os.environ.get("PODLAB_SCREENSHOTS", ROOT / "build" / "site-screenshots"))


def _lessons() -> list[Path]:
    """The lessons as they were when the site was built (see :func:`site`)."""
    if _SNAPSHOT:
        return [ROOT / "lessons" / n for n in _SNAPSHOT["lessons"]]
    lessons = ROOT / "lessons"
    if not lessons.is_dir():
        return []
    return sorted(p for p in lessons.iterdir()
                  if p.suffix in (".md", ".py", ".ipynb") and not p.name.startswith(("_", ".")))


def _exercises_yaml() -> str:
    f = ROOT / "exercises" / "exercises.yaml"
    return f.read_text() if f.is_file() else ""


def _exercises() -> list[dict]:
    text = _SNAPSHOT["exercises"] if _SNAPSHOT else _exercises_yaml()
    return list((yaml.safe_load(text) or {}).get("exercises") or [])


#: The lesson names and exercises.yaml read just before the build, so that a lesson or exercise
#: added while the site builds does not make its pages look missing.
_SNAPSHOT: dict = {}


# ------------------------------------------------------------------------------------ build


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site (once per session, shared between xdist workers)."""
    prebuilt = os.environ.get("PODLAB_SITE")
    if prebuilt:
        return Path(prebuilt)
    pytest.importorskip("mkdocs", reason="the docs tools are not installed: pip install -e '.[dev]'")
    # one folder per session: under xdist the workers' base temps share a parent
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    out = shared / "podlab-site"
    result_file = shared / "podlab-site.json"
    with open(shared / "podlab-site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not result_file.exists():
            snapshot = {"lessons": [p.name for p in _lessons()], "exercises": _exercises_yaml()}
            env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
            started = time.perf_counter()
            proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(out)],
                                  cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
            result_file.write_text(json.dumps({"code": proc.returncode, "log": proc.stdout + proc.stderr,
                                               "seconds": time.perf_counter() - started, **snapshot}))
        result = json.loads(result_file.read_text())
    _SNAPSHOT.update(lessons=result["lessons"], exercises=result["exercises"])
    if result["code"] != 0:
        log = "\n".join(line for line in result["log"].splitlines()
                        if not line.startswith("INFO") and "Kernel is running over TCP" not in line)
        pytest.fail(f"mkdocs build --strict failed:\n{log[-6000:]}", pytrace=False)
    print(f"site built in {result['seconds']:.1f} s")
    return out


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html" and "assets" not in p.parts)


def _url_path(site: Path, page: Path) -> str:
    rel = page.relative_to(site).as_posix()
    return "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


# ------------------------------------------------------------------- the build's own pages


def test_every_section_of_the_site_is_built(site: Path) -> None:
    for path in ["index.html", "getting-started/index.html", "lessons/index.html", "exercises/index.html",
                 "instructors/index.html", "reference/index.html", "reference/sandbox/index.html",
                 "reference/images/index.html", "reference/kubectl/index.html", "reference/podlab/index.html",
                 "fidelity/index.html", "benchmarks/index.html", "architecture/index.html"]:
        assert (site / path).is_file(), f"{path} was not built"


def test_every_lesson_is_a_page_with_its_downloads(site: Path) -> None:
    index = (site / "lessons" / "index.html").read_text()
    for lesson in _lessons():
        page = site / "lessons" / lesson.stem / "index.html"
        assert page.is_file(), f"lesson {lesson.name} has no page"
        html = page.read_text()
        assert f'href="{lesson.stem}.ipynb"' in html and f'href="{lesson.name}"' in html
        assert (page.parent / f"{lesson.stem}.ipynb").is_file() and (page.parent / lesson.name).is_file()
        assert f'href="{lesson.stem}/"' in index, f"lessons/index does not list {lesson.name}"
        assert 'class="jp-OutputArea' in html or "jp-Cell" in html, f"{lesson.name} was not rendered as a notebook"


def test_the_exercise_catalogue_lists_every_exercise(site: Path) -> None:
    html = (site / "exercises" / "index.html").read_text()
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)[1:]
    exercises = _exercises()
    assert len(rows) == max(len(exercises), 1)
    for row, ex in zip(rows, exercises, strict=True):
        cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        assert cells[0] == ex["id"].split("-", 1)[0]
        assert cells[1] == ex["title"].replace("&", "&amp;")
        assert cells[2] == "★" * ex["difficulty"] + "☆" * (5 - ex["difficulty"])
        assert cells[3] == str(ex["minutes"])
        assert cells[5] in (ex["lesson"].split("-", 1)[0], f"{ex['lesson']} (not yet written)")
        assert cells[6] == ex["kind"]
        assert f'href="../{ex["id"]}/"' in row or f'href="{ex["id"]}/"' in row
        assert (site / "exercises" / ex["id"] / "index.html").is_file()


def test_the_api_reference_is_generated_from_the_code(site: Path) -> None:
    from sandbox import Cluster

    html = (site / "reference" / "sandbox" / "index.html").read_text()
    for name, member in vars(Cluster).items():
        if not name.startswith("_") and callable(member):
            assert f"<code>{name}(" in html, f"Cluster.{name} is missing from the API reference"
    assert "Args" in html and "<code>seed</code>" in html


def test_the_image_reference_lists_every_applet(site: Path) -> None:
    import sandbox  # noqa: F401  (registers every applet)
    from sandbox.images.busybox.applets import APPLETS
    from sandbox.images.busybox.builtins import BUILTINS

    html = (site / "reference" / "images" / "index.html").read_text()
    for name in [*APPLETS, *BUILTINS]:
        assert f"<code>{name}</code>" in html.replace("&amp;", "&"), f"{name} is missing from the images page"
    assert "<code>docker.io/library/nginx</code>" in html


def test_the_kubectl_reference_lists_the_supported_commands(site: Path) -> None:
    from sandbox.kubectl.cli import COMMANDS

    html = (site / "reference" / "kubectl" / "index.html").read_text()
    supported = [n for n, (handler, _) in COMMANDS.items() if handler is not None]
    for name in supported:
        assert f"<code>kubectl {name}</code>" in html
    assert "pods" in html and "po" in html  # the api-resources table


def test_the_home_page_shows_a_timeline_drawn_from_a_real_run(site: Path) -> None:
    html = (site / "index.html").read_text()
    assert "<!-- podlab:timeline -->" not in html
    svg = re.search(r'<figure class="podlab-figure">\s*(<svg.*?</svg>)\s*</figure>', html, re.S)
    assert svg, "the home page has no timeline picture"
    assert 'data-lane="main:app"' in svg.group(1) and "CrashLoopBackOff" in svg.group(1)


def test_no_page_loads_anything_from_another_host(site: Path) -> None:
    """Scripts, styles, images and fonts come from the site itself (links to read are fine)."""
    fetched = re.compile(r'<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc="(https?:)?//'
                         r'|<link\b[^>]*\bhref="(https?:)?//|@import\s+url\(["\']?https?:|import\(["\']https?:')
    for page in _pages(site):
        m = fetched.search(page.read_text())
        assert m is None, f"{page.relative_to(site)} fetches from another host: {m.group(0)}"


# ------------------------------------------------------------------------------ the browser


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def _ids(html: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', html))


@pytest.mark.browser
def test_every_page_works_in_a_real_browser(site: Path, server: str) -> None:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (/usr/bin/chromium): `apt-get install chromium` "
                    "(./run-tests does it when run as root)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    problems: list[str] = []
    left_host: list[str] = []
    origin = urlsplit(server)

    def watch(request):  # type: ignore[no-untyped-def]
        # a listener, not a route: routing every request through Python triples the test's time
        parts = urlsplit(request.url)
        if parts.scheme not in ("data", "blob", "about") and not (
                parts.hostname == "127.0.0.1" and parts.port == origin.port):
            left_host.append(request.url)

    pages = _pages(site)
    ids = {_url_path(site, p): _ids(p.read_text()) for p in pages}
    checked: set[str] = set()
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
            page = context.new_page()
            page.on("request", watch)
            current = {"url": ""}
            page.on("console", lambda m: m.type == "error" and problems.append(f"{current['url']}: console: {m.text}"))
            page.on("pageerror", lambda e: problems.append(f"{current['url']}: script error: {e}"))
            page.on("response", lambda r: r.status >= 400 and problems.append(f"{current['url']}: {r.status} {r.url}"))
            # (ERR_ABORTED: a request the browser dropped because the test moved to the next page)
            page.on("requestfailed", lambda r: urlsplit(r.url).hostname == "127.0.0.1"
                    and "ERR_ABORTED" not in (r.failure or "")
                    and problems.append(f"{current['url']}: failed {r.url}: {r.failure}"))
            for p in pages:
                path = _url_path(site, p)
                current["url"] = path
                page.goto(server + path, wait_until="load")
                # every link inside the site resolves to a page (and its #fragment to an element)
                for href in page.eval_on_selector_all("a[href]", "els => [...new Set(els.map(e => e.href))]"):
                    if href in checked:
                        continue
                    checked.add(href)
                    url, frag = urldefrag(href)
                    parts = urlsplit(url)
                    if parts.scheme not in ("http", "https") or parts.hostname != "127.0.0.1":
                        continue
                    target = unquote(parts.path)
                    file = site / target.lstrip("/")
                    if file.is_dir():
                        file = file / "index.html"
                    if not file.is_file():
                        problems.append(f"{path}: broken link {target}")
                    elif frag and target in ids and frag not in ids[target]:
                        problems.append(f"{path}: link {target}#{frag}: no such anchor")
                # every image loaded; every inline picture of ours has a size
                broken = page.eval_on_selector_all(
                    "img", "els => els.filter(e => !(e.complete && e.naturalWidth > 0)).map(e => e.src)")
                problems += [f"{path}: image did not load: {src}" for src in broken]
                empty = page.eval_on_selector_all(
                    ".md-content svg", "els => els.filter(e => e.getBoundingClientRect().width === 0"
                    " && e.closest('details:not([open]), [hidden]') === null && e.checkVisibility()).length")
                if empty:
                    problems.append(f"{path}: {empty} inline SVG(s) drawn with no width")

            # search: typing a word only the instructor's guide uses finds it
            current["url"] = "/ (search)"
            page.goto(server + "/", wait_until="load")
            page.locator("label.md-search__icon, .md-search__input").first.click()
            page.locator("input.md-search__input").press_sequentially("projector", delay=20)
            hits = page.locator(".md-search-result__item a")
            hits.first.wait_for(timeout=10_000)
            hrefs = hits.evaluate_all("els => els.map(e => e.getAttribute('href'))")
            assert any("instructors/" in h for h in hrefs), f"search for 'projector' found {hrefs}"

            # the theme toggle switches between the two palettes
            page.goto(server + "/", wait_until="load")
            before = page.get_attribute("body", "data-md-color-scheme")
            page.locator("form[data-md-component=palette] label:visible").first.click()
            after = page.get_attribute("body", "data-md-color-scheme")
            assert {before, after} == {"default", "slate"}, (before, after)
            context.close()

            # screenshots of the home page and a lesson, in both themes
            if SCREENSHOTS.exists():
                shutil.rmtree(SCREENSHOTS)
            SCREENSHOTS.mkdir(parents=True)
            lessons = _lessons()
            shots = [("home", "/")] + ([("lesson", f"/lessons/{lessons[0].stem}/")] if lessons else [])
            for scheme in ("light", "dark"):
                ctx = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
                shot = ctx.new_page()
                shot.on("request", watch)
                for name, path in shots:
                    shot.goto(server + path, wait_until="load")
                    expected = "slate" if scheme == "dark" else "default"
                    assert shot.get_attribute("body", "data-md-color-scheme") == expected
                    shot.screenshot(path=str(SCREENSHOTS / f"{name}-{scheme}.png"), full_page=name == "home")
                ctx.close()
        finally:
            browser.close()
    assert not left_host, "requests left 127.0.0.1:\n" + "\n".join(sorted(set(left_host)))
    assert not problems, "\n".join(problems)
