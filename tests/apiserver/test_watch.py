"""Watch: ordering, filtering (with selector transitions), resumption, Gone, handlers."""

from __future__ import annotations

import pytest

from sandbox.apiserver import APIServer, WatchEvent
from sandbox.errors import Gone

from .conftest import FakeClock, configmap, pod


def _seen(events: list[WatchEvent]) -> list[tuple[str, str]]:
    return [(e.type, e.object.metadata.name) for e in events]


def test_watch_starts_with_existing_objects_then_changes(server: APIServer) -> None:
    server.create(pod("a"))
    w = server.watch("pods")
    server.create(pod("b"))
    server.patch("pods", "b", {"metadata": {"labels": {"x": "y"}}})
    server.delete("pods", "a")
    events = w.drain()
    assert _seen(events) == [("ADDED", "a"), ("ADDED", "b"), ("MODIFIED", "b"), ("DELETED", "a")]
    rvs = [int(e.object.metadata.resourceVersion) for e in events[1:]]
    assert rvs == sorted(rvs)
    assert events[2].object.metadata.labels == {"x": "y"}
    assert w.get(timeout=0) is None


def test_watch_filters_by_kind_and_namespace(server: APIServer) -> None:
    w = server.watch("pods", namespace="kube-system")
    server.create(pod("a"))
    server.create(pod("b", namespace="kube-system"))
    server.create(configmap("c", namespace="kube-system"))
    assert _seen(w.drain()) == [("ADDED", "b")]


def test_selector_transitions(server: APIServer) -> None:
    server.create(pod("a", labels={"app": "web"}))
    w = server.watch("pods", label_selector="app=web")
    server.create(pod("b", labels={"app": "db"}))
    server.patch("pods", "b", {"metadata": {"labels": {"app": "web"}}})  # starts matching
    server.patch("pods", "a", {"metadata": {"labels": {"app": "db"}}})  # stops matching
    server.patch("pods", "a", {"metadata": {"labels": {"other": "x"}}})  # still not matching
    server.delete("pods", "b")
    assert _seen(w.drain()) == [("ADDED", "a"), ("ADDED", "b"), ("DELETED", "a"), ("DELETED", "b")]


def test_field_selector_watch_like_the_kubelet(server: APIServer) -> None:
    w = server.watch("pods", field_selector="spec.nodeName=node-1")
    server.create(pod("a"))
    server.bind("a", "default", "node-1")
    server.create(pod("b"))
    server.bind("b", "default", "node-2")
    assert _seen(w.drain()) == [("ADDED", "a")]


def test_resume_from_resource_version(server: APIServer) -> None:
    server.create(pod("a"))
    rv = server.list("pods").resourceVersion
    server.create(pod("b"))
    server.patch("pods", "a", {"metadata": {"labels": {"x": "y"}}})
    w = server.watch("pods", resource_version=rv)
    assert _seen(w.drain()) == [("ADDED", "b"), ("MODIFIED", "a")]
    server.delete("pods", "b")
    assert _seen(w.drain()) == [("DELETED", "b")]


def test_resume_replays_deletions_with_the_final_object(server: APIServer) -> None:
    server.create(pod("a"))
    rv = server.resource_version
    server.delete("pods", "a")
    ev = server.watch("pods", resource_version=rv).drain()
    assert _seen(ev) == [("DELETED", "a")]
    assert int(ev[0].object.metadata.resourceVersion) > int(rv)


def test_too_old_resource_version_is_gone(server: APIServer) -> None:
    server.history_size = 5
    for i in range(10):
        server.create(configmap(f"c{i}"))
    with pytest.raises(Gone) as e:
        server.watch("configmaps", resource_version="3")
    floor = int(server.resource_version) - 5
    assert str(e.value) == f"too old resource version: 3 ({floor})"
    assert e.value.code == 410 and e.value.reason == "Expired"
    ok = server.watch("configmaps", resource_version=str(floor))
    assert len(ok.drain()) == 5


def test_handler_is_called_through_the_clock_in_order(server: APIServer, clock: FakeClock) -> None:
    got: list[tuple[str, str]] = []
    server.watch("pods", handler=lambda ev: got.append((ev.type, ev.object.metadata.name)))
    server.create(pod("a"))
    server.create(pod("b"))
    assert got == []  # not re-entrant: nothing runs inside the write
    clock.run()
    assert got == [("ADDED", "a"), ("ADDED", "b")]


def test_handler_may_write_back(server: APIServer, clock: FakeClock) -> None:
    def on_pod(ev: WatchEvent) -> None:
        if ev.type == "ADDED" and not ev.object.metadata.labels:
            server.patch("pods", ev.object.metadata.name, {"metadata": {"labels": {"seen": "yes"}}})

    w = server.watch("pods")
    server.watch("pods", handler=on_pod)
    server.create(pod("a"))
    clock.run()
    assert server.get("pods", "a").metadata.labels == {"seen": "yes"}
    assert _seen(w.drain()) == [("ADDED", "a"), ("MODIFIED", "a")]


def test_stop(server: APIServer) -> None:
    w = server.watch("pods")
    w.stop()
    server.create(pod("a"))
    assert w.drain() == [] and w.stopped


def test_events_are_independent_copies(server: APIServer) -> None:
    w1 = server.watch("pods")
    w2 = server.watch("pods")
    server.create(pod("a", labels={"k": "v"}))
    e1, e2 = w1.get(), w2.get()
    e1.object.metadata.labels["k"] = "changed"
    assert e2.object.metadata.labels == {"k": "v"}
    assert server.get("pods", "a").metadata.labels == {"k": "v"}


def test_iteration_and_context_manager(server: APIServer) -> None:
    with server.watch("configmaps", namespace="default") as w:
        server.create(configmap("x"))
        assert [e.type for e in w] == ["ADDED"]
    assert w.stopped
