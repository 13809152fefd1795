"""Many real (unmanaged) threads writing the same objects at once.

Every accepted write is visible (in the final store and as exactly one watch event), every
lost race is a 409 ``Conflict`` (or ``AlreadyExists``/``NotFound`` for create/delete races),
watch streams miss nothing and are in order, and resourceVersions strictly increase. Loops are
bounded and nothing sleeps: threads start together at a barrier and run a fixed, seeded list of
operations each.
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass
from typing import Any

import pytest

from sandbox.apiserver import APIServer
from sandbox.clock import Clock
from sandbox.errors import AlreadyExists, Conflict, NotFound, StatusError

THREADS = 12
OPS_PER_THREAD = 120
NAMES = [f"shared-{i}" for i in range(4)]
OPTIMISTIC = "the object has been modified; please apply your changes to the latest version and try again"


@dataclass
class Write:
    verb: str
    name: str
    rv: int
    obj: dict[str, Any]


def _cm(name: str, value: str) -> dict[str, Any]:
    return {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": name, "labels": {"team": "a"}},
            "data": {"v": value}}


def _run_storm(api: APIServer, seed: int) -> tuple[list[Write], list[tuple[str, StatusError]]]:
    """Every thread runs OPS_PER_THREAD random verbs on the shared names; returns what happened."""
    accepted: list[Write] = []
    refused: list[tuple[str, StatusError]] = []
    unexpected: list[BaseException] = []
    lock = threading.Lock()
    barrier = threading.Barrier(THREADS)

    def worker(t: int) -> None:
        rng = random.Random(seed * 1000 + t)
        barrier.wait()
        for i in range(OPS_PER_THREAD):
            name = rng.choice(NAMES)
            verb = rng.choice(["create", "update", "update-stale", "patch", "patch-rv", "delete", "get"])
            value = f"t{t}-{i}"  # unique: no write is ever a no-op
            try:
                if verb == "create":
                    out = api.create(_cm(name, value))
                elif verb == "update":
                    cur = api.get("configmaps", name)
                    cur.data = {"v": value}
                    out = api.update(cur)
                elif verb == "update-stale":
                    cur = api.get("configmaps", name)
                    moved = api.patch("configmaps", name, {"metadata": {"annotations": {"by": value}}},
                                      patch_type="merge")
                    with lock:
                        accepted.append(Write("patch", name, int(moved.metadata.resourceVersion), moved.to_dict()))
                    cur.data = {"v": value}
                    out = api.update(cur)  # the object moved on since the get: always a conflict
                elif verb == "patch":
                    out = api.patch("configmaps", name, {"data": {"v": value}}, patch_type="merge")
                elif verb == "patch-rv":
                    cur = api.get("configmaps", name)
                    out = api.patch("configmaps", name, {"metadata": {"resourceVersion": cur.metadata.resourceVersion},
                                                         "data": {"v": value}}, patch_type="merge")
                elif verb == "delete":
                    out = api.delete("configmaps", name)
                else:
                    api.get("configmaps", name)
                    continue
            except (Conflict, AlreadyExists, NotFound) as e:
                with lock:
                    refused.append((verb, e))
                continue
            except BaseException as e:  # noqa: BLE001 - reported below
                with lock:
                    unexpected.append(e)
                return
            with lock:
                accepted.append(Write(verb, name, int(out.metadata.resourceVersion), out.to_dict()))

    threads = [threading.Thread(target=worker, args=(t,), name=f"storm-{t}") for t in range(THREADS)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert unexpected == []
    return accepted, refused


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_concurrent_writers_every_write_visible_every_race_a_409(seed: int) -> None:
    clock = Clock()
    api = APIServer(clock, random.Random(seed))
    start_rv = int(api.resource_version)
    plain = api.watch("configmaps", "default", resource_version=api.resource_version)
    labelled = api.watch("configmaps", "default", label_selector="team=a", resource_version=api.resource_version)
    via_clock: list[Any] = []
    api.watch("configmaps", "default", resource_version=api.resource_version, handler=via_clock.append)

    accepted, refused = _run_storm(api, seed)

    writes = accepted
    events = plain.drain()
    rvs = [int(e.resource_version) for e in events]
    # in order, no duplicates, all after the watch started, and the counter ends at the last one
    assert rvs == sorted(set(rvs))
    assert rvs[0] > start_rv
    assert int(api.resource_version) == rvs[-1]
    # every accepted write is exactly one event with the resourceVersion the caller got back
    by_rv = {int(e.resource_version): e for e in events}
    for w in writes:
        ev = by_rv[w.rv]
        assert ev.object.metadata.name == w.name
        assert ev.type == {"create": "ADDED", "delete": "DELETED"}.get(w.verb, "MODIFIED")
        if w.verb != "delete":
            assert ev.raw() == w.obj
    # and there is no event without an accepted write
    assert len(events) == len(writes)
    # the other watches saw the same stream (the label matches every object)
    assert [int(e.resource_version) for e in labelled.drain()] == rvs
    clock.run_all()
    assert [int(e.resource_version) for e in via_clock] == rvs
    # every refusal has Kubernetes' words
    for verb, err in refused:
        if isinstance(err, Conflict):
            assert verb in ("update", "update-stale", "patch-rv")
            assert err.code == 409 and err.reason == "Conflict"
            assert err.message.startswith('Operation cannot be fulfilled on configmaps "shared-')
            assert err.message.endswith(OPTIMISTIC)
        elif isinstance(err, AlreadyExists):
            assert verb == "create" and err.code == 409 and err.message.endswith('" already exists')
        else:
            assert err.code == 404 and err.message.endswith('" not found')
    assert any(isinstance(e, Conflict) for _, e in refused), "the storm produced no conflict at all"
    # the final store is what the last event of each name says
    for name in NAMES:
        last = [e for e in events if e.object.metadata.name == name]
        if not last or last[-1].type == "DELETED":
            with pytest.raises(NotFound):
                api.get("configmaps", name)
        else:
            assert api.get_dict("configmaps", name) == last[-1].raw()


def test_a_stale_update_after_a_concurrent_write_is_always_a_conflict() -> None:
    api = APIServer(Clock(), random.Random(0))
    api.create(_cm("one", "0"))
    barrier = threading.Barrier(THREADS)
    outcomes: list[str] = []
    lock = threading.Lock()

    def worker(t: int) -> None:
        barrier.wait()
        for i in range(40):
            stale = api.get("configmaps", "one")
            try:
                stale.data = {"v": f"{t}-{i}"}
                api.update(stale)
                result = "ok"
            except Conflict as e:
                assert e.message == f'Operation cannot be fulfilled on configmaps "one": {OPTIMISTIC}'
                result = "conflict"
            with lock:
                outcomes.append(result)

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(THREADS)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(outcomes) == THREADS * 40
    # each successful update moved the resourceVersion by exactly one (nothing else wrote)
    oks = outcomes.count("ok")
    created_rv = int(api.list("configmaps", "default").items[0].metadata.resourceVersion)
    assert created_rv == int(api.resource_version)
    events = api.watch("configmaps", "default", resource_version="1").drain()
    assert [e.type for e in events] == ["ADDED"] + ["MODIFIED"] * oks


def test_resuming_a_watch_mid_storm_gives_the_same_suffix() -> None:
    api = APIServer(Clock(), random.Random(3))
    full = api.watch("configmaps", "default", resource_version=api.resource_version)
    mid: list[Any] = []
    resumed_from: list[int] = []
    stop = threading.Event()

    def resumer() -> None:
        # resume a watch from whatever resourceVersion is current, while the storm runs
        if not barrier_hit.wait(30):  # bounded: the storm makes far more than 5 creates
            return
        rv = api.resource_version
        resumed_from.append(int(rv))
        mid.append(api.watch("configmaps", "default", resource_version=rv))
        stop.set()

    barrier_hit = threading.Event()
    original_create = api.create
    calls = {"n": 0}

    def counting_create(*a: Any, **kw: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 5:
            barrier_hit.set()
        return original_create(*a, **kw)

    api.create = counting_create  # type: ignore[method-assign]
    th = threading.Thread(target=resumer)
    th.start()
    accepted, _ = _run_storm(api, 7)
    th.join()
    assert stop.is_set()
    everything = full.drain()
    suffix = [e for e in everything if int(e.resource_version) > resumed_from[0]]
    got = mid[0].drain()
    assert [(e.type, e.resource_version) for e in got] == [(e.type, e.resource_version) for e in suffix]
    assert accepted
