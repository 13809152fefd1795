"""Shared by every exercise's tests: tells podlab.kata which exercise runs, closes its clusters,
and keeps failures short (a learner sees the message, not pytest's internals)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from podlab import kata


@pytest.fixture(autouse=True)
def _podlab_exercise(request: pytest.FixtureRequest) -> Iterator[None]:
    kata.begin_test(request.path)
    yield
    kata.end_test()
