"""The ordered exercise metadata: ``exercises/exercises.yaml``, validated on load.

The file is a YAML mapping with one key, ``exercises``, holding a list in learning order::

    exercises:
      - id: 01-first-pod
        title: Your first Pod
        lesson: 01-what-is-a-pod
        difficulty: 1
        minutes: 10
        prerequisites: []
        kind: write-manifest
        files: [pod.yaml]
        hints:
          - A nudge ...
          - The concept ...
          - Nearly the answer ...

Every problem is reported as one :class:`MetadataError` whose lines each name the exercise and the
field, so a broken file is fixed in one pass.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "KINDS",
    "Exercise",
    "MetadataError",
    "UnknownExercise",
    "Catalog",
    "find_root",
    "load_catalog",
    "parse_catalog",
]

#: What the learner does in an exercise.
KINDS = ("write-manifest", "fix-manifest", "python-image", "predict")
#: Hint tiers, in the order ``podlab hint`` reveals them.
HINT_TIERS = ("nudge", "concept", "near-solution")

_ID = re.compile(r"^(\d{2})-[a-z0-9]+(-[a-z0-9]+)*$")
_SLUG = re.compile(r"^\d{2}-[a-z0-9]+(-[a-z0-9]+)*$")
_REQUIRED = ("id", "title", "lesson", "difficulty", "minutes", "prerequisites", "kind", "files", "hints")
_ALLOWED = set(_REQUIRED)
METADATA = Path("exercises") / "exercises.yaml"


class MetadataError(Exception):
    """``exercises/exercises.yaml`` is malformed; the message lists every problem found."""


class UnknownExercise(Exception):
    """A learner named an exercise that does not exist (``podlab check 99``)."""


@dataclass(frozen=True)
class Exercise:
    """One exercise, as ``exercises.yaml`` describes it."""

    id: str
    title: str
    lesson: str
    difficulty: int
    minutes: int
    prerequisites: tuple[str, ...]
    kind: str
    files: tuple[str, ...]
    hints: tuple[str, ...]

    @property
    def number(self) -> int:
        """The exercise's number, from its id: ``01-first-pod`` is 1."""
        return int(self.id[:2])

    @property
    def folder(self) -> Path:
        """The folder relative to the repository root: ``exercises/01-first-pod``."""
        return Path("exercises") / self.id


@dataclass
class Catalog:
    """All exercises in order, with lookups by number or id."""

    exercises: list[Exercise] = field(default_factory=list)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.exercises)

    def __len__(self) -> int:
        return len(self.exercises)

    def resolve(self, ref: str | int) -> Exercise:
        """``3``, ``"3"``, ``"03"`` or ``"03-labels-and-selectors"`` to the exercise.

        Raises :class:`UnknownExercise` with a one-sentence message otherwise.
        """
        text = str(ref).strip().rstrip("/")
        text = text.split("/")[-1]  # accept exercises/01-first-pod
        for ex in self.exercises:
            if text == ex.id:
                return ex
        if text.isdigit():
            n = int(text)
            for ex in self.exercises:
                if ex.number == n:
                    return ex
        last = self.exercises[-1].number if self.exercises else 0
        raise UnknownExercise(
            f"There is no exercise {ref!r}: use a number from 1 to {last} or an id like "
            f"{self.exercises[0].id if self.exercises else '01-first-pod'} (see `podlab list`)."
        )

    def index(self, ex: Exercise) -> int:
        return self.exercises.index(ex)


def find_root(start: Path | None = None) -> Path:
    """The repository root: ``$PODLAB_ROOT``, else the nearest folder upwards from ``start``
    (default: the working directory) holding ``exercises/exercises.yaml``, else the folder this
    package was installed from (an editable install lives in the repository)."""
    env = os.environ.get("PODLAB_ROOT")
    if env:
        return Path(env).resolve()
    here = (start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        if (d / METADATA).is_file():
            return d
    pkg_root = Path(__file__).resolve().parent.parent
    if (pkg_root / METADATA).is_file():
        return pkg_root
    raise MetadataError(
        "Could not find exercises/exercises.yaml: run podlab inside the podlab repository."
    )


def load_catalog(root: Path) -> Catalog:
    """Read and validate ``root/exercises/exercises.yaml``."""
    path = root / METADATA
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MetadataError(f"{METADATA} is missing.") from None
    return parse_catalog(text, root=root)


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def parse_catalog(text: str, root: Path | None = None) -> Catalog:
    """Validate metadata text; with ``root``, also check that folders and files exist."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark is not None else ""
        problem = getattr(e, "problem", None) or str(e)
        raise MetadataError(f"{METADATA}{where}: {problem}") from None
    if not isinstance(data, dict) or not isinstance(data.get("exercises"), list):
        raise MetadataError(f"{METADATA} must be a mapping with a list under `exercises:`.")
    problems: list[str] = []
    out: list[Exercise] = []
    seen: dict[str, int] = {}
    last_number = 0
    for i, raw in enumerate(data["exercises"]):
        label = f"exercise #{i + 1}"
        if not isinstance(raw, dict):
            problems.append(f"{label}: must be a mapping of fields, got {type(raw).__name__}")
            continue
        ex_id = raw.get("id")
        if isinstance(ex_id, str) and _ID.match(ex_id):
            label = ex_id
        bad: list[str] = []
        for key in _REQUIRED:
            if key not in raw:
                bad.append(f"`{key}` is missing")
        for key in raw:
            if key not in _ALLOWED:
                bad.append(f"unknown field `{key}` (allowed: {', '.join(_REQUIRED)})")
        if "id" in raw:
            if not isinstance(ex_id, str) or not _ID.match(ex_id):
                bad.append(f"`id` must look like `01-first-pod` (two digits, a dash, lowercase words), got {ex_id!r}")
            else:
                if ex_id in seen:
                    bad.append(f"`id` is used twice (also exercise #{seen[ex_id] + 1})")
                seen.setdefault(ex_id, i)
                n = int(ex_id[:2])
                if n <= last_number:
                    bad.append(f"numbers must increase in file order: {n:02d} comes after {last_number:02d}")
                last_number = max(last_number, n)
        if "title" in raw and (not isinstance(raw["title"], str) or not raw["title"].strip()):
            bad.append("`title` must be a non-empty string")
        if "lesson" in raw and (not isinstance(raw["lesson"], str) or not _SLUG.match(raw["lesson"])):
            bad.append(f"`lesson` must be a lesson slug like `01-what-is-a-pod`, got {raw['lesson']!r}")
        if "difficulty" in raw and not (_is_int(raw["difficulty"]) and 1 <= raw["difficulty"] <= 5):
            bad.append(f"`difficulty` must be a whole number from 1 to 5, got {raw['difficulty']!r}")
        if "minutes" in raw and not (_is_int(raw["minutes"]) and raw["minutes"] > 0):
            bad.append(f"`minutes` must be a positive whole number, got {raw['minutes']!r}")
        if "kind" in raw and raw["kind"] not in KINDS:
            bad.append(f"`kind` must be one of {', '.join(KINDS)}, got {raw['kind']!r}")
        prereqs = raw.get("prerequisites", [])
        if "prerequisites" in raw:
            if not isinstance(prereqs, list) or not all(isinstance(p, str) for p in prereqs):
                bad.append("`prerequisites` must be a list of exercise ids")
                prereqs = []
            else:
                for p in prereqs:
                    if p not in seen or seen[p] >= i:
                        bad.append(f"prerequisite {p!r} is not an exercise listed before this one")
        files = raw.get("files", [])
        if "files" in raw:
            if not isinstance(files, list) or not files or not all(isinstance(f, str) and f for f in files):
                bad.append("`files` must be a non-empty list of file names the learner edits")
                files = []
            else:
                for f in files:
                    if f.startswith("/") or ".." in Path(f).parts:
                        bad.append(f"file {f!r} must be a path inside the exercise folder")
                    elif root is not None and isinstance(ex_id, str) and not (root / "exercises" / ex_id / f).is_file():
                        bad.append(f"file {f!r} does not exist in exercises/{ex_id}/")
        hints = raw.get("hints", [])
        if "hints" in raw:
            if isinstance(hints, dict):
                missing = [t for t in HINT_TIERS if t not in hints]
                extra = [t for t in hints if t not in HINT_TIERS]
                if missing or extra:
                    bad.append(f"`hints` must have the tiers {', '.join(HINT_TIERS)}")
                hints = [hints.get(t, "") for t in HINT_TIERS]
            if not isinstance(hints, list) or len(hints) != len(HINT_TIERS) or not all(
                isinstance(h, str) and h.strip() for h in hints
            ):
                bad.append(f"`hints` must hold three non-empty texts: {', '.join(HINT_TIERS)}")
                hints = []
        if root is not None and isinstance(ex_id, str) and _ID.match(ex_id) and not (root / "exercises" / ex_id).is_dir():
            bad.append(f"folder exercises/{ex_id}/ does not exist")
        problems.extend(f"{label}: {b}" for b in bad)
        if not bad:
            out.append(
                Exercise(
                    id=ex_id,
                    title=raw["title"].strip(),
                    lesson=raw["lesson"],
                    difficulty=raw["difficulty"],
                    minutes=raw["minutes"],
                    prerequisites=tuple(prereqs),
                    kind=raw["kind"],
                    files=tuple(files),
                    hints=tuple(h.strip() for h in hints),
                )
            )
    if problems:
        raise MetadataError(f"{METADATA} has {len(problems)} problem(s):\n  " + "\n  ".join(problems))
    if not out:
        raise MetadataError(f"{METADATA} lists no exercises.")
    return Catalog(out)
