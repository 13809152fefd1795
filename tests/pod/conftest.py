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


def out(cluster, pod: str, cmd: str, container: str | None = None) -> str:
    """stdout+stderr of ``sh -c cmd`` in the pod's container."""
    r = cluster.exec(pod, cmd, container=container)
    return r.stdout + r.stderr


def events(cluster, name: str, reason: str) -> list[str]:
    return [e.message for e in cluster.events("pod", name) if e.reason == reason]
