"""The three proofs for every exercise, plus the metadata and the pristine copy.

1. Its tests fail as shipped (a solved exercise must never ship).
2. Its solution (``solutions/<id>/``) passes.
3. Each plausible wrong answer (``solutions/<id>/wrong/<case>/``) fails, and the learner's failure
   output contains every line of the case's ``expect.txt``: the tests discriminate, and say why.

Exercises run in-process (``podlab.proofs.run_in_process``): the sandbox is imported once and each
run costs only the exercise's own work.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from podlab import pristine
from podlab.exercises import load_catalog
from podlab.proofs import build, python_internals, run_in_process, wrong_cases
from podlab.runner import CheckResult
from podlab.state import STATE_FILE

ROOT = Path(__file__).resolve().parent.parent
CATALOG = load_catalog(ROOT)
EXERCISES = list(CATALOG)
WRONG = [(ex, case) for ex in EXERCISES for case in wrong_cases(ROOT, ex)]


def _report(result: CheckResult) -> str:
    parts = [f"[{t.outcome}] {t.name}\n{t.message}" for t in result.tests]
    parts += [f"[error]\n{e}" for e in result.errors]
    return "\n\n".join(parts)


@pytest.mark.parametrize("ex", EXERCISES, ids=[e.id for e in EXERCISES])
def test_fails_as_shipped(ex, tmp_path):
    result = run_in_process(build(ROOT, ex, tmp_path))
    assert not result.errors, f"{ex.id}: the shipped exercise does not even collect:\n{_report(result)}"
    assert result.tests, f"{ex.id}: no tests ran"
    assert not result.ok, f"{ex.id} passes as shipped: the learner would have nothing to do"
    for t in result.failed:
        internals = python_internals(t.message)
        assert internals is None, (
            f"{ex.id}: a failure shows Python internals ({internals!r}) instead of a learner's message:\n{t.message}"
        )


@pytest.mark.parametrize("ex", EXERCISES, ids=[e.id for e in EXERCISES])
def test_solution_passes(ex, tmp_path):
    solution = ROOT / "solutions" / ex.id
    assert solution.is_dir(), f"{ex.id} has no solutions/{ex.id}/"
    for f in ex.files:
        assert (solution / f).is_file(), f"solutions/{ex.id}/ has no {f}"
    result = run_in_process(build(ROOT, ex, tmp_path, overlays=(solution,)))
    assert result.ok, f"{ex.id}: the solution fails:\n{_report(result)}"
    assert all(t.outcome == "passed" for t in result.tests)


@pytest.mark.parametrize("ex,case", WRONG, ids=[f"{ex.id}/{case.name}" for ex, case in WRONG])
def test_wrong_answer_fails_with_its_message(ex, case, tmp_path):
    expect_file = case / "expect.txt"
    assert expect_file.is_file(), f"{ex.id}/wrong/{case.name} has no expect.txt"
    wanted = [line.strip() for line in expect_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert wanted, f"{ex.id}/wrong/{case.name}/expect.txt is empty"
    result = run_in_process(build(ROOT, ex, tmp_path, overlays=(ROOT / "solutions" / ex.id, case)))
    assert not result.ok, f"{ex.id}: the wrong answer {case.name!r} passes"
    text = "\n".join(t.message for t in result.failed) + "\n".join(result.errors)
    missing = [w for w in wanted if w not in text]
    assert not missing, f"{ex.id}/wrong/{case.name}: the failure does not say {missing}; it says:\n{text}"
    for t in result.failed:
        internals = python_internals(t.message)
        assert internals is None, f"{ex.id}/wrong/{case.name} shows Python internals ({internals!r}):\n{t.message}"


def test_every_exercise_has_wrong_answers():
    lacking = [ex.id for ex in EXERCISES if len(wrong_cases(ROOT, ex)) < 2]
    assert not lacking, f"these exercises ship fewer than two wrong answers: {lacking}"


def test_every_exercise_folder_has_readme_task_and_tests():
    for ex in EXERCISES:
        folder = ROOT / "exercises" / ex.id
        readme = (folder / "README.md").read_text(encoding="utf-8")
        assert f"podlab check {ex.number}" in readme, f"{ex.id}/README.md does not say how to check"
        assert list(folder.glob("test_*.py")), f"{ex.id} has no test_*.py"
        shipped = pristine.read()
        for f in ex.files:
            assert b"TODO" in shipped[f"{ex.id}/{f}"], f"{ex.id}/{f} has no TODO telling the learner what to do"


def test_folders_and_metadata_agree():
    on_disk = sorted(p.name for p in (ROOT / "exercises").iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
    assert on_disk == [ex.id for ex in EXERCISES], "every folder in exercises/ must be listed in exercises.yaml"
    solved = sorted(p.name for p in (ROOT / "solutions").iterdir() if p.is_dir())
    assert solved == [ex.id for ex in EXERCISES], "solutions/ must have one folder per exercise"


def _learner_files() -> set[str]:
    return {f"{ex.id}/{f}" for ex in EXERCISES for f in ex.files}


def test_pristine_copy_matches_exercises():
    """Tests, READMEs and shared files must equal the pristine copy: else re-run `podlab dev freeze`."""
    learner = _learner_files()
    diffs = [d for d in pristine.differences(ROOT / "exercises") if d.split(":")[0] not in learner]
    assert not diffs, "exercises/ changed without `podlab dev freeze`:\n  " + "\n  ".join(diffs)


@pytest.mark.skipif(
    (ROOT / STATE_FILE).exists(),
    reason=f"{STATE_FILE} exists: this checkout is used to learn, and the exercise files are the learner's",
)
def test_pristine_learner_files_match_exercises():
    """The files learners edit, as committed, equal the pristine copy (unless someone is learning here)."""
    learner = _learner_files()
    diffs = [d for d in pristine.differences(ROOT / "exercises") if d.split(":")[0] in learner]
    assert not diffs, "exercises/ changed without `podlab dev freeze`:\n  " + "\n  ".join(diffs)


def test_every_exercise_belongs_to_a_lesson_that_links_it():
    """Each exercise's lesson exists, and its Practice section links the exercise; every exercise
    link in a lesson leads to an exercise that exists (renumbering cannot leave one behind)."""
    import re

    lessons = ROOT / "lessons"
    ids = {ex.id for ex in EXERCISES}
    for ex in EXERCISES:
        lesson = lessons / f"{ex.lesson}.md"
        assert lesson.is_file(), f"{ex.id}: its lesson {ex.lesson} has no lessons/{ex.lesson}.md"
        link = f"[{ex.id[:2]} · {ex.title}](../exercises/{ex.id}/README.md)"
        assert link in lesson.read_text(encoding="utf-8"), f"lessons/{lesson.name} does not link {link}"
    for lesson in sorted(lessons.glob("*.md")):
        for target in re.findall(r"\.\./exercises/([^/)]+)/", lesson.read_text(encoding="utf-8")):
            assert target in ids, f"lessons/{lesson.name} links ../exercises/{target}/, which does not exist"
