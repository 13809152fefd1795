"""``exercises/exercises.yaml``: validation with messages that say what to fix, and lookups by N."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from podlab.exercises import KINDS, MetadataError, UnknownExercise, load_catalog, parse_catalog

ROOT = Path(__file__).resolve().parent.parent

GOOD = {
    "id": "01-first-pod",
    "title": "Your first Pod",
    "lesson": "01-what-is-a-pod",
    "difficulty": 1,
    "minutes": 10,
    "prerequisites": [],
    "kind": "write-manifest",
    "files": ["pod.yaml"],
    "hints": {"nudge": "a", "concept": "b", "near-solution": "c"},
}
SECOND = dict(GOOD, id="02-next", prerequisites=["01-first-pod"])


def text(*entries: dict) -> str:
    return yaml.safe_dump({"exercises": list(entries)}, sort_keys=False)


def problems(*entries: dict) -> str:
    with pytest.raises(MetadataError) as err:
        parse_catalog(text(*entries))
    return str(err.value)


def without(entry: dict, key: str) -> dict:
    return {k: v for k, v in entry.items() if k != key}


@pytest.mark.parametrize(
    "entries,message",
    [
        ((without(GOOD, "minutes"),), "01-first-pod: `minutes` is missing"),
        ((dict(GOOD, difficulty=6),), "01-first-pod: `difficulty` must be a whole number from 1 to 5, got 6"),
        ((dict(GOOD, difficulty=True),), "`difficulty` must be a whole number from 1 to 5, got True"),
        ((dict(GOOD, minutes=0),), "01-first-pod: `minutes` must be a positive whole number, got 0"),
        ((dict(GOOD, kind="quiz"),), "01-first-pod: `kind` must be one of " + ", ".join(KINDS) + ", got 'quiz'"),
        ((dict(GOOD, id="1-first-pod"),), "exercise #1: `id` must look like `01-first-pod` (two digits, a dash, lowercase words), got '1-first-pod'"),
        ((dict(GOOD, id="01-First_Pod"),), "got '01-First_Pod'"),
        ((GOOD, GOOD), "01-first-pod: `id` is used twice (also exercise #1)"),
        ((SECOND, GOOD), "01-first-pod: numbers must increase in file order: 01 comes after 02"),
        ((dict(GOOD, prerequisites=["02-next"]), SECOND), "01-first-pod: prerequisite '02-next' is not an exercise listed before this one"),
        ((dict(GOOD, lesson="pods"),), "01-first-pod: `lesson` must be a lesson slug like `01-what-is-a-pod`, got 'pods'"),
        ((dict(GOOD, files=[]),), "01-first-pod: `files` must be a non-empty list of file names the learner edits"),
        ((dict(GOOD, files=["../secret"]),), "01-first-pod: file '../secret' must be a path inside the exercise folder"),
        ((dict(GOOD, hints=["only", "two"]),), "01-first-pod: `hints` must hold three non-empty texts: nudge, concept, near-solution"),
        ((dict(GOOD, hints={"nudge": "a", "concept": "b"}),), "01-first-pod: `hints` must have the tiers nudge, concept, near-solution"),
        ((dict(GOOD, hints={"nudge": "a", "concept": " ", "near-solution": "c"}),), "`hints` must hold three non-empty texts"),
        ((dict(GOOD, folder="x"),), "01-first-pod: unknown field `folder` (allowed: id, title, lesson, difficulty, minutes, prerequisites, kind, files, hints)"),
        (("just a string",), "exercise #1: must be a mapping of fields, got str"),
    ],
)
def test_invalid_metadata_names_the_exercise_and_the_field(entries, message):
    assert message in problems(*entries)


def test_every_problem_is_listed_at_once():
    msg = problems(dict(without(GOOD, "title"), difficulty=0), dict(SECOND, kind="x"))
    assert msg.startswith("exercises/exercises.yaml has 3 problem(s):\n  01-first-pod: `title` is missing\n")
    assert "01-first-pod: `difficulty` must be" in msg
    assert "02-next: `kind` must be one of" in msg


@pytest.mark.parametrize(
    "source,message",
    [
        ("exercises: [\n", "exercises/exercises.yaml, line 2:"),
        ("- id: 01-x\n", "exercises/exercises.yaml must be a mapping with a list under `exercises:`."),
        ("exercises: []\n", "exercises/exercises.yaml lists no exercises."),
    ],
)
def test_unreadable_metadata(source, message):
    with pytest.raises(MetadataError) as err:
        parse_catalog(source)
    assert str(err.value).startswith(message)


def test_with_a_root_folders_and_files_must_exist(tmp_path):
    (tmp_path / "exercises" / "01-first-pod").mkdir(parents=True)
    with pytest.raises(MetadataError) as err:
        parse_catalog(text(GOOD, SECOND), root=tmp_path)
    msg = str(err.value)
    assert "01-first-pod: file 'pod.yaml' does not exist in exercises/01-first-pod/" in msg
    assert "02-next: folder exercises/02-next/ does not exist" in msg


def test_the_shipped_catalog():
    catalog = load_catalog(ROOT)
    first = catalog.exercises[0]
    assert first.id == "01-first-pod" and first.number == 1
    assert first.folder == Path("exercises/01-first-pod")
    assert len(first.hints) == 3
    numbers = [e.number for e in catalog]
    assert numbers == sorted(set(numbers))
    assert {e.kind for e in catalog} <= set(KINDS)


@pytest.mark.parametrize("ref", [2, "2", "02", "02-next", "exercises/02-next"])
def test_resolve(ref):
    assert parse_catalog(text(GOOD, SECOND)).resolve(ref).id == "02-next"


def test_resolve_unknown():
    with pytest.raises(UnknownExercise) as err:
        parse_catalog(text(GOOD, SECOND)).resolve("7")
    assert str(err.value) == "There is no exercise '7': use a number from 1 to 2 or an id like 01-first-pod (see `podlab list`)."
