"""A cluster with ServiceAccounts, Services and cluster DNS wired in, as the lead wires them into
``Cluster`` (see ``sandbox/apiserver/serviceaccount.py``, ``serviceip.py``,
``sandbox/network/services.py`` and the three controllers)."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from sandbox import Cluster
from sandbox.apiserver import serviceaccount, serviceip
from sandbox.controllers import ControllerManager
from sandbox.network import services

SERVICE_CONTROLLERS = ("serviceaccount", "root-ca-certificate-publisher", "endpoints")


def wire(c: Cluster) -> Cluster:
    """Install what the lead adds to ``Cluster.__init__`` (idempotent: a Cluster that already has
    them keeps its own)."""
    serviceaccount.install(c.api, random.Random(f"{c.seed}/kube-api-access"))
    serviceip.install(c.api, random.Random(f"{c.seed}/service-ip"))
    services.install(c.network, c.api)
    if not all(n in c.controllers.controllers for n in SERVICE_CONTROLLERS):
        extra = ControllerManager(c.api, c.clock, controllers=SERVICE_CONTROLLERS)
        extra.start()
        c._service_controllers = extra  # type: ignore[attr-defined]
    c.clock.run_all()
    return c


def unwire(c: Cluster) -> None:
    extra = getattr(c, "_service_controllers", None)
    if extra is not None:
        extra.stop()


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    with Cluster(nodes=1, seed=0) as c:
        wire(c)
        yield c
        unwire(c)


@pytest.fixture
def cluster2() -> Iterator[Cluster]:
    with Cluster(nodes=2, seed=0) as c:
        wire(c)
        yield c
        unwire(c)


@pytest.fixture
def make_cluster():
    """``make_cluster(seed=...)``: another wired cluster, as a context manager."""
    import contextlib

    @contextlib.contextmanager
    def make(nodes: int = 1, seed: int = 0) -> Iterator[Cluster]:
        with Cluster(nodes=nodes, seed=seed) as c:
            wire(c)
            yield c
            unwire(c)

    return make
