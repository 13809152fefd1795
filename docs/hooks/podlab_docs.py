"""mkdocs hook: the podlab pages that are generated from the code at build time.

Nothing here is hand-listed: each generated page reads the thing it documents.

* **Lessons**: every ``lessons/*.md|py|ipynb`` becomes a page (mkdocs-jupyter executes it), listed
  under "Lessons" in the nav and on a generated ``lessons/index.md``; each lesson page gets a
  download box (the jupytext source and an ``.ipynb`` written next to it).
* **Exercises**: ``exercises/index.md`` is a catalogue of ``exercises/exercises.yaml``; every
  exercise's ``README.md`` becomes ``exercises/<id>.md``.
* **Reference**: ``reference/sandbox.md`` (the public API, by :mod:`inspect`),
  ``reference/images.md`` (the image registry and the busybox applet/builtin tables),
  ``reference/kubectl.md`` (``sandbox.kubectl.cli.COMMANDS`` and the sandbox's own
  ``kubectl api-resources``), ``reference/podlab.md`` (the runner's argparse parser).
* **Architecture**: ``ARCHITECTURE.md``, with its links made site links.
* **Home**: ``<!-- podlab:timeline -->`` in ``index.md`` becomes the SVG timeline of the page's
  first Python sample, run for real; ``<!-- podlab:runner-verbs -->`` (any page) the runner's verbs.

The lesson pages' nbconvert template links MathJax and mermaid from a CDN; :func:`on_post_page`
removes those scripts (the lessons use neither) so that no page fetches anything from another host.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import importlib
import inspect
import io
import logging
import posixpath
import re
import textwrap
from pathlib import Path
from typing import Any

import yaml
from mkdocs.structure.files import File, Files

log = logging.getLogger("mkdocs.hooks.podlab_docs")

ROOT = Path(__file__).resolve().parents[2]
LESSONS = ROOT / "lessons"
EXERCISES = ROOT / "exercises"
LESSON_SUFFIXES = (".md", ".py", ".ipynb")
TIMELINE_MARK = "<!-- podlab:timeline -->"
VERBS_MARK = "<!-- podlab:runner-verbs -->"
PROJECTOR_MARK = "<!-- podlab:projector -->"

# ----------------------------------------------------------------------------------- lessons


def lesson_sources() -> list[Path]:
    """The lesson files, in file-name order (``01-...`` first); files starting ``_`` are drafts."""
    if not LESSONS.is_dir():
        return []
    return sorted(p for p in LESSONS.iterdir()
                  if p.suffix in LESSON_SUFFIXES and p.is_file() and not p.name.startswith(("_", ".")))


def lesson_title(path: Path) -> str:
    """The lesson's first ``# heading`` (as mkdocs-jupyter titles the page), else its file name."""
    import jupytext

    nb = jupytext.read(path)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].replace("`", "").strip()
    return path.stem.replace("-", " ")


def lesson_summary(path: Path) -> str:
    """The first paragraph after the lesson's title."""
    import jupytext

    nb = jupytext.read(path)
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        paras = [p.strip() for p in re.split(r"\n\s*\n", cell.source) if p.strip()]
        for p in paras:
            if not p.startswith(("#", "<", "|", "-", "*", "```", ">")):
                return " ".join(p.split())
    return ""


def lesson_page(stem: str) -> str | None:
    """``lessons/<file>`` of lesson ``stem`` (as exercises.yaml names it), if it exists."""
    for p in lesson_sources():
        if p.stem == stem:
            return f"lessons/{p.name}"
    return None


def _lessons_index() -> str:
    out = ["# Lessons", "",
           "Each lesson is a notebook, executed when this site was built: every output you see is "
           "what the sandbox printed. Read them in order; each ends with the exercises that practise it.",
           "",
           "!!! tip \"Run a lesson yourself\"",
           "    Lessons cannot run inside your browser (the sandbox's containers are Python threads, "
           "which browser Python cannot start). Download a lesson from its page (`.ipynb`), then in "
           "a checkout of podlab: `pip install -e . jupyterlab` and `jupyter lab`, and open it.",
           ""]
    sources = lesson_sources()
    if not sources:
        out.append("*No lessons are published yet.*")
    for p in sources:
        out.append(f"- [{_md_escape(lesson_title(p))}]({p.name}): {_md_escape(lesson_summary(p))}")
    return "\n".join(out) + "\n"


def site_url(repo_path: str) -> str | None:
    """The site URL (relative to the site root, directory style) of a repository file, if the
    site publishes it: a lesson, an exercise's README, a docs page, the README or ARCHITECTURE.md."""
    p = posixpath.normpath(repo_path)
    parts = p.split("/")
    if parts[0] == "lessons":
        if len(parts) == 1 or parts[1] in ("", "README.md", "index.md"):
            return "lessons/"
        stem, ext = posixpath.splitext(parts[1])
        return f"lessons/{stem}/" if ext in LESSON_SUFFIXES and len(parts) == 2 else None
    if parts[0] == "exercises":
        if len(parts) == 1 or parts[1] == "exercises.yaml":
            return "exercises/"
        if len(parts) == 2 or (len(parts) == 3 and parts[2] == "README.md"):
            return f"exercises/{parts[1]}/"
        return None
    if parts[0] == "docs" and len(parts) >= 2 and p.endswith(".md"):
        page = p[len("docs/"):-len(".md")]
        return "" if page == "index" else (page[: -len("index")] if page.endswith("/index") else page + "/")
    return {"README.md": "", "ARCHITECTURE.md": "architecture/"}.get(p)


_HREF = re.compile(r'href="([^"]*)"')


def rewrite_links(html_text: str, repo_dir: str, page_url: str) -> str:
    """Point relative links written for the repository (``../docs/fidelity.md``) at their pages."""
    depth = page_url.count("/")

    def fix(m: re.Match[str]) -> str:
        href = m.group(1)
        if not href or href.startswith(("#", "/")) or re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", href):
            return m.group(0)
        path, _, frag = href.partition("#")
        url = site_url(posixpath.join(repo_dir, path))
        if url is None:
            return m.group(0)
        return f'href="{"../" * depth}{url}{"#" + frag if frag else ""}"'

    return _HREF.sub(fix, html_text)


# --------------------------------------------------------------------------------- exercises


def load_exercises() -> list[dict[str, Any]]:
    f = EXERCISES / "exercises.yaml"
    if not f.is_file():
        return []
    data = yaml.safe_load(f.read_text()) or {}
    return list(data.get("exercises") or [])


def _exercise_number(ex_id: str) -> str:
    return ex_id.split("-", 1)[0]


def _exercises_index() -> str:
    exercises = load_exercises()
    by_id = {e["id"]: e for e in exercises}
    out = ["# Exercises", "",
           "Each exercise is a folder under `exercises/` with a README, the files you edit and the "
           "tests that say when you are done. Work on them with the `podlab` command "
           "([getting started](../getting-started.md)): `podlab check N` runs exercise N's tests, "
           "`podlab hint N` gives the next of three hints.", "",
           "| # | exercise | difficulty | minutes | do first | lesson | kind |",
           "|---|---|---|---|---|---|---|"]
    for e in exercises:
        ex_id = e["id"]
        num = _exercise_number(ex_id)
        diff = int(e.get("difficulty", 0))
        stars = f'<span title="difficulty {diff} of 5">{"★" * diff}{"☆" * (5 - diff)}</span>'
        pre = ", ".join(f"[{_exercise_number(p)}]({p}.md)" if p in by_id else f"`{p}`"
                        for p in e.get("prerequisites") or []) or "none"
        lesson = e.get("lesson") or ""
        page = lesson_page(lesson) if lesson else None
        if page:
            title = lesson_title(ROOT / page).replace('"', "'")
            lesson_cell = f'[{lesson.split("-", 1)[0]}](../{page} "{title}")'
        else:
            lesson_cell = f"`{lesson}` (not yet written)" if lesson else ""
        out.append(f"| {num} | [{_md_escape(e.get('title', ex_id))}]({ex_id}.md) | {stars} | "
                   f"{e.get('minutes', '')} | {pre} | {lesson_cell} | {e.get('kind', '')} |")
    if not exercises:
        out.append("| | *no exercises yet* | | | | | |")
    total = sum(int(e.get("minutes", 0)) for e in exercises)
    out += ["", f"{len(exercises)} exercises, about {total} minutes in all for a newcomer.", ""]
    return "\n".join(out)


_LINK = re.compile(r"(!?)\[([^\]]*)\]\(([^)\s]+)\)")


def _exercise_page(e: dict[str, Any]) -> str:
    folder = EXERCISES / e["id"]
    readme = folder / "README.md"
    text = readme.read_text() if readme.is_file() else f"# {e.get('title', e['id'])}\n"

    def fix(m: re.Match[str]) -> str:
        bang, label, target = m.groups()
        if re.match(r"[a-z]+:", target) or target.startswith("#"):
            return m.group(0)
        path, _, frag = target.partition("#")
        url = site_url(posixpath.join("exercises", e["id"], path))
        if url is not None and not bang:  # a page of the site (exercises/<id>.md is at exercises/<id>/)
            return f"[{label}](../../{url}{'#' + frag if frag else ''})"
        # a file of the exercise folder: not on the site; say where it is instead
        return f"{label} (`exercises/{e['id']}/{target}`)" if not bang else f"`{target}`"

    text = _LINK.sub(fix, text)
    files = ", ".join(f"`{f}`" for f in e.get("files") or [])
    lesson = e.get("lesson") or ""
    page = lesson_page(lesson) if lesson else None
    foot = ["", "---", "",
            f"*In your checkout:* `exercises/{e['id']}/`; you edit {files or 'the files named above'}. "
            f"Check with `podlab check {_exercise_number(e['id'])}`."]
    if page:
        foot.append(f"The lesson for it: [{_md_escape(lesson_title(ROOT / page))}](../{page}).")
    return text.rstrip() + "\n" + "\n".join(foot) + "\n"


# -------------------------------------------------------------------------- API reference


#: (module, names or None for the module's ``__all__``, intro). Modules that do not exist yet
#: are left out of the page.
API_SECTIONS: list[tuple[str, list[str] | None, str]] = [
    ("sandbox", ["Cluster", "WaitTimeout"], "Where to start: `from sandbox import Cluster`."),
    ("sandbox.machine", ["Machine"], "A node: what `cluster.node(\"node-1\")` returns."),
    ("sandbox.images", ["image", "Image"], "Your own images: a Python function is a container's program."),
    ("sandbox.runtime.world", ["World"], "The `c` an `@image` function receives: the container's world."),
    ("sandbox.kubectl", ["run", "KubectlResult", "Shell"], "kubectl, with kubectl's own output."),
    ("sandbox.timeline", ["TimelineRecorder", "Timeline"], "What happened to a pod, on the virtual clock."),
    ("sandbox.clock", ["Clock"], "The virtual clock (`cluster.clock`)."),
    ("sandbox.errors", None, "Every refusal is a `StatusError` carrying Kubernetes' `metav1.Status`."),
]

_ROLE = re.compile(r":(?:class|meth|func|mod|attr|data|exc|obj):`~?([^`]+)`")


def _doc_to_md(doc: str | None) -> str:
    """A docstring (reST-ish, Google sections) as Markdown."""
    if not doc:
        return ""
    text = inspect.cleandoc(doc)
    text = _ROLE.sub(lambda m: f"`{m.group(1).split('.')[-1] if '~' in m.group(0) else m.group(1)}`", text)
    text = text.replace("``", "`")
    lines = text.splitlines()
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped in ("Args:", "Arguments:", "Returns:", "Raises:", "Yields:", "Attributes:", "Example:", "Examples:"):
            out += ["", f"**{stripped[:-1]}**", ""]
            i += 1
            entries: list[str] = []
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith((" ", "\t"))):
                sub = lines[i]
                if not sub.strip():
                    i += 1
                    if i < len(lines) and not lines[i].startswith((" ", "\t")):
                        break
                    continue
                indent = len(sub) - len(sub.lstrip())
                if entries and indent > 4:
                    entries[-1] += " " + sub.strip()
                else:
                    m = re.match(r"\s*([\w*]+(?: \([^)]*\))?):\s*(.*)", sub)
                    entries.append(f"`{m.group(1)}`: {m.group(2)}" if m else sub.strip())
                i += 1
            out += [f"- {e}" for e in entries] + [""]
            continue
        if stripped.endswith("::"):
            head = line.rstrip()[:-2].rstrip() if stripped != "::" else ""
            out.append(head + ":" if head else "")
            i += 1
            block: list[str] = []
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith((" ", "\t"))):
                block.append(lines[i])
                i += 1
            body = textwrap.dedent("\n".join(block)).strip("\n")
            out += ["", "```text", body, "```", ""]
            continue
        out.append(line)
        i += 1
    md = "\n".join(out)
    # outside code, < and > are text, not HTML
    parts = re.split(r"(```.*?```|`[^`\n]*`)", md, flags=re.S)
    return "".join(p if p.startswith("`") else p.replace("<", "&lt;") for p in parts).strip()


def _annotation(a: Any) -> str:
    if a is inspect.Parameter.empty:
        return ""
    return a if isinstance(a, str) else inspect.formatannotation(a)


def _signature(obj: Any, *, drop_self: bool = False) -> str:
    try:
        sig = inspect.signature(obj)
    except (TypeError, ValueError):
        return "(...)"
    parts: list[str] = []
    seen_kwonly = False
    params = list(sig.parameters.values())
    if drop_self and params and params[0].name in ("self", "cls"):
        params = params[1:]
    for p in params:
        if p.kind is p.KEYWORD_ONLY and not seen_kwonly:
            parts.append("*")
            seen_kwonly = True
        name = {p.VAR_POSITIONAL: "*", p.VAR_KEYWORD: "**"}.get(p.kind, "") + p.name
        if p.kind is p.VAR_POSITIONAL:
            seen_kwonly = True
        ann = _annotation(p.annotation)
        s = f"{name}: {ann}" if ann else name
        if p.default is not p.empty:
            s += f" = {p.default!r}" if ann else f"={p.default!r}"
        parts.append(s)
    ret = _annotation(sig.return_annotation)
    return "(" + ", ".join(parts) + ")" + (f" -> {ret}" if ret and ret != "None" else "")


def _members(cls: type) -> list[tuple[str, Any]]:
    """Public methods and properties defined by ``cls`` itself (not inherited), in source order."""
    out = []
    for name, value in vars(cls).items():
        if name.startswith("_"):
            continue
        if isinstance(value, (staticmethod, classmethod)):
            value = value.__func__
        if inspect.isfunction(value) or isinstance(value, property):
            out.append((name, value))
    return out


def _document(qualname: str, obj: Any) -> list[str]:
    out: list[str] = []
    if inspect.isclass(obj):
        bases = [b.__name__ for b in obj.__bases__ if b is not object]
        kind = "exception" if issubclass(obj, BaseException) else "class"
        sig = "" if issubclass(obj, BaseException) else _signature(obj)
        out += [f"### `{obj.__name__}` {{ #{qualname.replace('.', '-').lower()} }}", "",
                f"```text\n{kind} {qualname}{sig}" + (f"\n  bases: {', '.join(bases)}" if bases else "") + "\n```", "",
                _doc_to_md(obj.__doc__), ""]
        for name, member in _members(obj):
            if isinstance(member, property):
                head = f"`{name}` *(property)*"
                doc = member.__doc__
            else:
                head = f"`{name}{_signature(member, drop_self=True)}`"
                doc = member.__doc__
            body = _doc_to_md(doc) or "*(no docstring)*"
            out += [f"- {head}  ", textwrap.indent(body, "    ").lstrip(), ""]
    elif callable(obj):
        out += [f"### `{qualname.rsplit('.', 1)[-1]}` {{ #{qualname.replace('.', '-').lower()} }}", "",
                f"```text\n{qualname}{_signature(obj)}\n```", "", _doc_to_md(obj.__doc__), ""]
    return out


def _api_page() -> str:
    out = ["# The sandbox API", "",
           "Generated from the code's docstrings when this site was built. Attribute names of "
           "Kubernetes objects are Kubernetes' own JSON names (`pod.status.podIP`); see "
           "[Architecture](../architecture.md) for the models.", ""]
    for module_name, names, intro in API_SECTIONS:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            log.info("podlab_docs: %s does not exist yet; left out of the API page", module_name)
            continue
        wanted = names if names is not None else list(getattr(module, "__all__", []))
        objs = []
        for n in wanted:
            try:
                objs.append((n, getattr(module, n)))
            except (AttributeError, ImportError):  # not built yet
                continue
        if not objs:
            continue
        out += [f"## `{module_name}`", "", intro, ""]
        first_line = _doc_to_md(module.__doc__).split("\n\n")[0]
        if first_line and module_name != "sandbox":
            out += [first_line, ""]
        for n, obj in objs:
            if inspect.isclass(obj) or callable(obj):
                out += _document(f"{module_name}.{n}", obj)
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------- images and applets


def _first_line(doc: str | None) -> str:
    if not doc:
        return ""
    return _doc_to_md(inspect.cleandoc(doc).split("\n\n")[0]).replace("\n", " ")


def _images_page() -> str:
    import sandbox  # noqa: F401  (every module registers its applets on import)
    from sandbox.images.builtin import MODULES
    from sandbox.images.registry import PULL_BASE_SECONDS, PULL_BYTES_PER_SECOND, Registry

    registry = Registry(builtins=True)
    registry.resolve("busybox")  # loads the built-ins into this private registry
    families: dict[str, list[tuple[str, str]]] = {}
    for repo, fams in getattr(registry, "_families", {}).items():
        for fam in fams:
            module = getattr(fam.factory, "__module__", "")
            families.setdefault(module.rsplit(".", 1)[-1], []).append((repo, fam.tag_pattern.pattern))
    out = ["# Built-in images and their shell", "",
           "Every image a Pod can name in the sandbox, generated from the image registry when this "
           "site was built. An image not listed fails to pull the way containerd fails "
           "(`ErrImagePull`, then `ImagePullBackOff`). Pulls take "
           f"{PULL_BASE_SECONDS:g} s plus the image's size at {PULL_BYTES_PER_SECOND / 1e6:g} MB/s "
           "of virtual time. You can add your own with `@image` ([API](sandbox.md#sandbox-images-image)).", ""]
    for name in MODULES:
        try:
            module = importlib.import_module(f"sandbox.images.builtin.{name}")
        except ImportError:
            continue
        out += [f"## {name}", "", _doc_to_md(module.__doc__), "", "| repositories | tags (a regular expression) |",
                "|---|---|"]
        by_pattern: dict[str, list[str]] = {}
        for repo, pattern in families.get(name, []):
            by_pattern.setdefault(pattern, []).append(repo)
        for pattern, repos in by_pattern.items():
            out.append(f"| {'<br>'.join(f'`{r}`' for r in repos)} | `{pattern.replace('|', chr(92) + '|')}` |")
        out.append("")
    from sandbox.images.busybox.applets import APPLETS
    from sandbox.images.busybox.builtins import BUILTINS

    out += ["## The shell's commands", "",
            "Images with a shell (busybox, and the busybox tools installed in nginx, agnhost and "
            "stress) run `sh -c` with a POSIX shell. These are the commands it knows, from the "
            "applet and builtin tables; anything else is `sh: NAME: not found` (exit 127).", "",
            "### Shell builtins", "", _name_table(BUILTINS), "", "### Applets (`/bin/NAME`)", "",
            _name_table(APPLETS), ""]
    return "\n".join(out)


def _name_table(table: dict[str, Any]) -> str:
    by_fn: dict[Any, list[str]] = {}
    for name, fn in table.items():
        by_fn.setdefault(fn, []).append(name)
    rows = ["| command | what it does |", "|---|---|"]
    for fn, names in sorted(by_fn.items(), key=lambda kv: sorted(kv[1])[0]):
        what = _first_line(fn.__doc__).replace("|", "\\|") or ""
        rows.append(f"| {', '.join(f'`{n}`' for n in sorted(names))} | {what} |")
    return "\n".join(rows)


# ------------------------------------------------------------------------------- kubectl


def _kubectl_page() -> str:
    out = ["# kubectl in the sandbox", ""]
    try:
        from sandbox.kubectl import cli
    except ImportError:
        return "\n".join(out + ["*The sandbox's kubectl is not built yet.*", ""])
    import sandbox.kubectl as kubectl_pkg
    from sandbox.kubectl.flags import GLOBAL_FLAGS

    out += [_doc_to_md(kubectl_pkg.__doc__), "",
            "Generated from the sandbox's command table when this site was built. Commands are "
            "listed in kubectl's order; the others are kubectl's too, and the sandbox answers them "
            "with a message saying they are not available here.", "",
            "## Supported commands", "", "| command | flags |", "|---|---|"]
    missing = []
    for name, (handler, flags) in cli.COMMANDS.items():
        if handler is None:
            missing.append(name)
            continue
        out.append(f"| `kubectl {name}` | {_flags(flags)} |")
    out += ["", "## Not available in the sandbox", "", ", ".join(f"`{m}`" for m in missing) or "none", "",
            "## Flags every command takes", "", _flags(list(GLOBAL_FLAGS)), "",
            "Most of these (`--kubeconfig`, `--context`, `--server`, ...) are accepted and ignored: "
            "there is one cluster.", ""]
    try:
        from sandbox import Cluster

        with Cluster(nodes=1, seed=0) as cluster:
            res = cli.run(cluster, "api-resources")
        out += ["## Resources (`kubectl api-resources`)", "",
                "What the sandbox's API server serves, as its `kubectl api-resources` prints it:", "",
                "```text", res.stdout.rstrip(), "```", ""]
    except Exception as e:  # noqa: BLE001 - the command table is still worth publishing
        log.warning("podlab_docs: kubectl api-resources failed: %s", e)
    return "\n".join(out)


def _flags(flags: list[Any]) -> str:
    parts = []
    for f in flags:
        s = f"`--{f.name}`"
        if f.short and f.short != f.name:
            s = f"`-{f.short}`, " + s
        if f.kind != "bool":
            s += f" *{f.kind}*"
        parts.append(s)
    return "; ".join(parts) or "none"


# ----------------------------------------------------------------------- the podlab runner


def runner_verbs() -> list[tuple[str, str]]:
    """``(usage, help)`` of every ``podlab`` command, from the runner's own argparse parser."""
    from podlab.cli import build_parser

    parser = build_parser()
    rows = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help or "" for a in action._choices_actions}
            for name, sub in action.choices.items():
                usage = sub.format_usage().replace("usage: ", "").strip()
                usage = " ".join(usage.split())
                rows.append((usage, helps.get(name, "")))
    return rows


def _verbs_table() -> str:
    rows = ["| command | what it does |", "|---|---|"]
    for usage, help_ in runner_verbs():
        rows.append(f"| `{usage}` | {_md_escape(help_)} |")
    return "\n".join(rows)


def _projector() -> str:
    """How to drive a cluster live: ``podlab shell`` when the runner has it, else Python."""
    verbs = {usage.split()[1] for usage, _ in runner_verbs() if len(usage.split()) > 1}
    if "shell" in verbs:
        return ("`podlab shell` opens a prompt on a fresh sandbox cluster where you type `kubectl` "
                "commands as on a real one (`kubectl apply -f pod.yaml`, `kubectl get pods -w`, "
                "`kubectl describe pod web`) and move virtual time on with `advance 30s`; `exit` "
                "leaves. Nothing waits in wall time, so a back-off of five minutes is one `advance` "
                "away: demonstrate a crash loop, then `advance` and `get pods` again.")
    return ("Drive a cluster live from a Python prompt (`python` in the podlab checkout):\n\n"
            "```text\n>>> from sandbox import Cluster\n>>> from sandbox.kubectl import run\n"
            ">>> cluster = Cluster(seed=0)\n>>> print(run(cluster, \"apply -f pod.yaml\"))\n"
            ">>> cluster.advance(30)          # thirty virtual seconds, at once\n"
            ">>> print(run(cluster, \"get pods\"))\n```\n\n"
            "`run` prints exactly what kubectl would; `cluster.advance(seconds)` moves virtual time "
            "on, so a back-off of five minutes is one call away.")


def _podlab_page() -> str:
    from podlab import cli

    return "\n".join([
        "# The `podlab` command", "", _doc_to_md(cli.__doc__), "",
        "Generated from the runner's command-line parser when this site was built.", "",
        _verbs_table(), "",
        "`N` is an exercise's number: `3`, `03` or `03-labels-and-selectors` all name the same one.", ""])


# ----------------------------------------------------------------------------- architecture


def _architecture_page() -> str:
    text = (ROOT / "ARCHITECTURE.md").read_text()
    text = text.replace("](docs/", "](")
    text = re.sub(r"\]\((README\.md|ARCHITECTURE\.md)\)", lambda m: "](index.md)" if m.group(1) == "README.md" else "](architecture.md)", text)
    return text


# --------------------------------------------------------------------------- home timeline


def _first_python_sample(markdown: str) -> str | None:
    m = re.search(r"^```python[^\n]*\n(.*?)^```", markdown, re.S | re.M)
    return m.group(1) if m else None


def _timeline_html(markdown: str) -> str:
    """Run the page's first Python sample and draw its ``timeline`` (or, without one, its events)."""
    code = _first_python_sample(markdown)
    if code is None:
        raise ValueError(f"{TIMELINE_MARK} needs a ```python sample on its page")
    ns: dict[str, Any] = {"__name__": "__podlab_docs__"}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(code, "index.md sample 1", "exec"), ns)
    tl = ns.get("timeline")
    if tl is not None and hasattr(tl, "to_svg"):
        return f'<figure class="podlab-figure">{tl.to_svg(width=860)}</figure>'
    events = ns.get("events") or []
    lines = [f"{e.reason:<10} {e.message}" for e in events]
    return "<pre class=\"podlab-figure\">" + html.escape("\n".join(lines)) + "</pre>"


# ----------------------------------------------------------------------------------- helpers


def _md_escape(s: str) -> str:
    return s.replace("|", "\\|").replace("<", "&lt;")


_GENERATED: dict[str, Any] = {
    "lessons/index.md": _lessons_index,
    "exercises/index.md": _exercises_index,
    "reference/sandbox.md": _api_page,
    "reference/images.md": _images_page,
    "reference/kubectl.md": _kubectl_page,
    "reference/podlab.md": _podlab_page,
    "architecture.md": _architecture_page,
}


# ------------------------------------------------------------------------------ mkdocs events


def on_config(config: Any) -> Any:
    """Put every lesson under "Lessons" and every exercise under "Exercises" in the nav."""
    nav = config.get("nav") or []
    for entry in nav:
        if not isinstance(entry, dict):
            continue
        for title, items in entry.items():
            if title == "Lessons" and isinstance(items, list):
                items += [{lesson_title(p): f"lessons/{p.name}"} for p in lesson_sources()]
            elif title == "Exercises" and isinstance(items, list):
                items += [{f"{_exercise_number(e['id'])} · {e.get('title', e['id'])}": f"exercises/{e['id']}.md"}
                          for e in load_exercises()]
    return config


def on_files(files: Files, config: Any) -> Files:
    """Add the lessons (before mkdocs-jupyter wraps them: this hook runs first) and generated pages."""
    for p in lesson_sources():
        files.append(File(f"lessons/{p.name}", src_dir=str(ROOT), dest_dir=config["site_dir"],
                          use_directory_urls=config["use_directory_urls"]))
    for uri, make in _GENERATED.items():
        files.append(File.generated(config, uri, content=make()))
    for e in load_exercises():
        files.append(File.generated(config, f"exercises/{e['id']}.md", content=_exercise_page(e)))
    return files


# mkdocs-jupyter converts lesson files in its own on_files: add them before it runs.
on_files = __import__("mkdocs.plugins", fromlist=["event_priority"]).event_priority(100)(on_files)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    if VERBS_MARK in markdown:
        markdown = markdown.replace(VERBS_MARK, _verbs_table())
    if PROJECTOR_MARK in markdown:
        markdown = markdown.replace(PROJECTOR_MARK, _projector())
    if TIMELINE_MARK in markdown:
        page.meta["podlab_timeline"] = _timeline_html(markdown)
    return markdown


def on_page_content(content: str, page: Any, config: Any, files: Files) -> str:
    if "podlab_timeline" in page.meta:
        content = content.replace(TIMELINE_MARK, page.meta["podlab_timeline"])
    src = page.file.src_uri
    if src.startswith("lessons/") and Path(src).suffix in LESSON_SUFFIXES and src != "lessons/index.md":
        content = rewrite_links(content, "lessons", page.url)
        fix_toc_anchors(page.toc, content)
        name = Path(src).name
        ipynb = Path(src).stem + ".ipynb"
        links = [f'<a href="{ipynb}" download>{ipynb}</a>']
        if name != ipynb:
            links.append(f'<a href="{name}" download>{name}</a> (jupytext source)')
        box = ('<div class="admonition tip podlab-download"><p class="admonition-title">Run this lesson yourself</p>'
               f"<p>Download {' or '.join(links)}. In a podlab checkout run <code>pip install -e . jupyterlab</code>, "
               "then <code>jupyter lab</code> and open it. (Lessons cannot run in the browser: the sandbox's "
               "containers are Python threads, which browser Python cannot start.)</p></div>")
        content = box + content
    return content


_HEADING = re.compile(r'<h([1-6])\b[^>]*\bid="([^"]+)"')


def fix_toc_anchors(toc: Any, content: str) -> None:
    """Point a notebook page's table of contents at its headings' real ids.

    mkdocs-jupyter builds the TOC from a Markdown rendering of the notebook, whose slugs drop the
    text of inline code (``What `spec.os` does`` gives ``what-does``), while the page's headings
    keep it (``what-specos-does``). The headings come in the same order, so match them up level by
    level.
    """
    headings = [(int(level), hid) for level, hid in _HEADING.findall(content)]
    pos = 0

    def walk(items: Any) -> None:
        nonlocal pos
        for item in items:
            for j in range(pos, len(headings)):
                if headings[j][0] == item.level:
                    item.id, pos = headings[j][1], j + 1
                    break
            walk(item.children)

    walk(toc)


_CDN_SCRIPTS = [
    re.compile(r'<script src="https://[^"]*mathjax[^"]*">\s*</script>', re.I),
    re.compile(r'<script type="module">(?:(?!</script>).)*?cdnjs\.cloudflare\.com(?:(?!</script>).)*?</script>', re.S),
]


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Drop the CDN scripts nbconvert's template adds to every notebook page (MathJax, and the
    mermaid loader); the lessons use neither, and the site fetches nothing from other hosts."""
    for pattern in _CDN_SCRIPTS:
        output = pattern.sub("", output)
    return output


def on_post_build(config: Any) -> None:
    """Write each lesson as ``.ipynb`` (without outputs) next to its page, for download."""
    import jupytext

    site = Path(config["site_dir"])
    for p in lesson_sources():
        target = site / "lessons" / p.stem / f"{p.stem}.ipynb"
        if not config["use_directory_urls"]:
            target = site / "lessons" / f"{p.stem}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        jupytext.write(jupytext.read(p), target, fmt="ipynb")
