"""The kubelet tests' fixture: ``h``, a one-node harness (see ``kubelet_harness``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from kubelet_harness import Harness


@pytest.fixture
def h() -> Iterator[Harness]:
    harness = Harness()
    try:
        yield harness
    finally:
        harness.close()
