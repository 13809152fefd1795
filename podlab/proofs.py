"""Build an exercise as shipped (optionally with a solution or a wrong answer laid over it) in a
scratch folder, and run its tests in-process: what the project's tests use to prove that every
exercise fails as shipped, every solution passes, and every wrong answer fails with its message.

The shipped learner files come from the pristine archive (the working tree may hold a learner's
answers); everything else (tests, README, ``conftest.py``) comes from ``exercises/``, so authors
see the effect of a test change at once.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import sys
from pathlib import Path

import pytest

from podlab import pristine
from podlab.exercises import Exercise
from podlab.kata import without_log_excerpts
from podlab.pytest_report import Collector
from podlab.runner import PYTEST_ARGS, CheckResult, TestOutcome

__all__ = ["build", "wrong_cases", "run_in_process", "python_internals"]

_SHARED = ("conftest.py", "pytest.ini")
#: The outer test run's plugins stay out of the inner one.
_IN_PROCESS_ARGS = ("-p", "no:xdist", "-p", "no:timeout", "-p", "no:hypothesispytest", "--assert=plain")


def build(root: Path, ex: Exercise, dest: Path, overlays: tuple[Path, ...] = ()) -> Path:
    """Lay out ``dest/exercises/<id>/`` as shipped, then copy each overlay folder's files over it
    (skipping ``wrong/`` and ``expect.txt``); returns the exercise folder."""
    exdir = root / "exercises"
    out = dest / "exercises"
    folder = out / ex.id
    folder.mkdir(parents=True)
    for name in _SHARED:
        shutil.copyfile(exdir / name, out / name)
    for name, data in pristine.collect(exdir / ex.id).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    shipped = pristine.read()
    for f in ex.files:
        (folder / f).write_bytes(shipped[f"{ex.id}/{f}"])
    for overlay in overlays:
        for p in sorted(overlay.rglob("*")):
            rel = p.relative_to(overlay)
            if p.is_file() and rel.parts[0] != "wrong" and rel.name != "expect.txt":
                (folder / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(p, folder / rel)
    return folder


def wrong_cases(root: Path, ex: Exercise) -> list[Path]:
    """The folders ``solutions/<id>/wrong/<case>/``, in name order."""
    wrong = root / "solutions" / ex.id / "wrong"
    return sorted(p for p in wrong.iterdir() if p.is_dir()) if wrong.is_dir() else []


def run_in_process(folder: Path) -> CheckResult:
    """Run the tests in ``folder`` with ``pytest.main`` in this process (fast: the sandbox is
    imported once), restoring ``sys.modules`` afterwards so the next run re-imports the tests."""
    before = set(sys.modules)
    collector = Collector()
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            code = pytest.main([str(folder), *PYTEST_ARGS, *_IN_PROCESS_ARGS], plugins=[collector])
    finally:
        scratch = str(folder.parent.parent)
        for name in set(sys.modules) - before:
            if (getattr(sys.modules[name], "__file__", None) or "").startswith(scratch):
                del sys.modules[name]
    tests = [TestOutcome(t["name"], t["outcome"], t["message"].strip()) for t in collector.tests]
    ok = int(code) == 0 and not collector.errors and any(t.outcome == "passed" for t in tests)
    return CheckResult(ok=ok, tests=tests, errors=list(collector.errors), output=out.getvalue())


#: What only the harness prints: pytest's traceback entries (``path.py:12: in test_x`` and
#: ``E   KeyError``), Python's own traceback header and frames, and installed packages' paths.
_INTERNALS = (
    re.compile(r"^Traceback \(most recent call last\)", re.M),
    re.compile(r"^\s*File \"[^\"]+\", line \d+, in ", re.M),
    re.compile(r"^\S[^\n]*\.py:\d+: in \S+", re.M),
    re.compile(r"^E {3}", re.M),
    re.compile(r"site-packages|_pytest[/\\]|[/\\]pluggy[/\\]"),
)


def python_internals(message: str) -> str | None:
    """The first line of ``message`` that shows the harness's Python internals (a traceback of
    the test code, pytest's own frames, installed packages' paths), or ``None``.

    A container's own output quoted under ``$ kubectl logs ...`` (a Python image's crash
    traceback is what a learner needs to read) is not counted: see
    :func:`podlab.kata.without_log_excerpts`."""
    text = without_log_excerpts(message)
    for pattern in _INTERNALS:
        m = pattern.search(text)
        if m:
            start = text.rfind("\n", 0, m.start()) + 1
            end = text.find("\n", m.end())
            return text[start : end if end != -1 else len(text)]
    return None
