"""Defects in ``sandbox/`` that the reliability suite found and that are not fixed yet.

Each entry names the exception a malformed call raises instead of a ``StatusError``. The property
tests skip over an exception that matches an entry (so the rest of the suite stays green), and
each entry gets a reproduction in ``test_bad_input.REPRODUCTIONS`` (the regression test that
must pass once it is fixed, when the entry here is removed).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Defect:
    id: str
    where: str
    what: str
    matches: Callable[[BaseException], bool]


def _raised_in(exc: BaseException, *files: str) -> bool:
    frames = traceback.extract_tb(exc.__traceback__)
    return bool(frames) and any(frames[-1].filename.endswith(f) for f in files)


def _type_name(exc: BaseException) -> str:
    return type(exc).__name__


#: Open defects (none at the moment: the ones found so far are fixed, and kept as regression tests in
#: ``test_bad_input.test_calls_that_once_crashed_are_refused_with_a_status_error``).
DEFECTS: list[Defect] = []


def known_defect(exc: BaseException) -> Defect | None:
    """The known defect ``exc`` is an instance of, or ``None``."""
    for d in DEFECTS:
        if d.matches(exc):
            return d
    return None
