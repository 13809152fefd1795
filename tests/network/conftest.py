"""Fixtures for the pod network tests: a virtual clock and a two-node network."""

from __future__ import annotations

import pytest

import sandbox.api  # noqa: F401  - works around a circular import sandbox.errors <-> sandbox.api (reported)
from sandbox.clock import Clock
from sandbox.network import Network


@pytest.fixture
def clock():
    c = Clock(watchdog=1.0)
    yield c
    assert c.close() == []


@pytest.fixture
def net(clock):
    n = Network(clock)
    n.add_node("node-1")
    n.add_node("node-2")
    return n


@pytest.fixture
def pod(net):
    """``pod(name, node="node-1")``: a pod sandbox's namespace with hostname = name."""

    def make(name: str, node: str = "node-1", **kw):
        return net.create_pod_namespace(f"default/{name}", node, hostname=name, **kw)

    return make
