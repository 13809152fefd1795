"""10,000 pods: create, get, list, watch and delete stay correct at scale (and fast)."""

from __future__ import annotations

import pytest

from sandbox.apiserver import APIServer

from .conftest import pod

N = 10_000


@pytest.mark.slow
def test_ten_thousand_pods(server: APIServer) -> None:
    w = server.watch("pods")
    for i in range(N):
        server.create(pod(f"p{i:05d}", labels={"shard": str(i % 10)}))
    assert server.get("pods", "p09999").metadata.name == "p09999"
    assert len(server.list("pods", label_selector="shard=3")) == N // 10
    names = [p.metadata.name for p in server.list("pods")]
    assert names == sorted(names) and len(names) == N
    events = w.drain()
    assert len(events) == N and {e.type for e in events} == {"ADDED"}
    rvs = [int(e.resource_version) for e in events]
    assert rvs == sorted(rvs)
    for i in range(N):
        server.delete("pods", f"p{i:05d}")
    assert len(server.list("pods")) == 0
    assert [e.type for e in w.drain()] == ["DELETED"] * N
