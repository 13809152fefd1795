"""Fixtures for the "Inside a Pod" tests: a one-node and a two-node cluster on the virtual clock."""

from __future__ import annotations

import pytest

from sandbox import Cluster


@pytest.fixture
def cluster():
    with Cluster(nodes=1, seed=0) as c:
        yield c


@pytest.fixture
def cluster2():
    with Cluster(nodes=2, seed=0) as c:
        yield c
