"""Every lesson (``lessons/*.md|py|ipynb``, jupytext) runs top to bottom without an error.

One test per lesson, executed with nbclient on the venv's ``python3`` kernel in the ``lessons/``
folder (as the docs build executes them). A failing cell fails the test with the lesson's name,
the cell's number and source, and the error the learner would see, not a traceback of this file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LESSONS = ROOT / "lessons"
SUFFIXES = (".md", ".py", ".ipynb")
TIMEOUT = 120  # seconds per cell: a lesson's cells take well under a second each
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def lesson_files() -> list[Path]:
    if not LESSONS.is_dir():
        return []
    return sorted(p for p in LESSONS.iterdir()
                  if p.is_file() and p.suffix in SUFFIXES and not p.name.startswith(("_", ".")))


def test_lessons_exist_or_are_being_written() -> None:
    """The lessons folder is there; each lesson file is a notebook jupytext can read."""
    jupytext = pytest.importorskip("jupytext")
    assert LESSONS.is_dir(), "lessons/ is missing"
    for p in lesson_files():
        nb = jupytext.read(p)
        assert nb.cells, f"{p.name} has no cells"
        assert nb.metadata.get("kernelspec", {}).get("language", "python") == "python", (
            f"{p.name}: the docs build executes only notebooks with a python kernelspec")


@pytest.mark.parametrize("lesson", lesson_files(), ids=lambda p: p.name)
def test_lesson_runs(lesson: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    jupytext = pytest.importorskip("jupytext")
    nbclient = pytest.importorskip("nbclient")
    from nbclient.exceptions import CellExecutionError

    # keep the kernel's connection files out of the user's runtime dir
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    nb = jupytext.read(lesson)
    client = nbclient.NotebookClient(
        nb, timeout=TIMEOUT, allow_errors=False, kernel_name="python3",
        resources={"metadata": {"path": str(LESSONS)}},
    )
    failure = None
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            try:
                client.execute_cell(cell, index)
            except CellExecutionError as exc:
                number = sum(1 for c in nb.cells[: index + 1] if c.cell_type == "code")
                error = ANSI.sub("", f"{exc.ename}: {exc.evalue}")
                tb = ANSI.sub("", str(exc.traceback or "")).split("------------------\n\n")[-1].strip()
                failure = (f"{lesson.name}, code cell {number} failed: {error}\n\n"
                           f"--- the cell ---\n{cell.source}\n\n--- the error ---\n{tb[-3000:]}")
                break
    if failure:  # outside the except block: the report is the lesson's error, not this file's
        pytest.fail(failure, pytrace=False)
