"""Many real threads at once: conflicts are 409s, resourceVersions increase, no event is lost."""

from __future__ import annotations

import threading

from sandbox.apiserver import APIServer
from sandbox.errors import AlreadyExists, Conflict

from .conftest import configmap

THREADS = 8
ROUNDS = 40
KEYS = 3


def test_concurrent_read_modify_write(server: APIServer) -> None:
    for k in range(KEYS):
        server.create(configmap(f"counter-{k}", data={"n": "0"}))
    w = server.watch("configmaps", namespace="default", resource_version=server.resource_version)
    successes: list[tuple[str, int]] = []
    conflicts: list[Conflict] = []
    others: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(THREADS)

    def worker(t: int) -> None:
        start.wait()
        try:
            for i in range(ROUNDS):
                name = f"counter-{(t + i) % KEYS}"
                while True:
                    cm = server.get("configmaps", name)
                    cm.data = {"n": str(int(cm.data["n"]) + 1)}
                    try:
                        out = server.update(cm)
                    except Conflict as e:
                        with lock:
                            conflicts.append(e)
                        continue
                    with lock:
                        successes.append((name, int(out.metadata.resourceVersion)))
                    break
        except BaseException as e:
            others.append(e)

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(THREADS)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert others == []
    assert len(successes) == THREADS * ROUNDS
    assert all(c.code == 409 and "the object has been modified" in str(c) for c in conflicts)
    # every increment landed exactly once
    total = sum(int(server.get("configmaps", f"counter-{k}").data["n"]) for k in range(KEYS))
    assert total == THREADS * ROUNDS
    # every write is one event, in strictly increasing resourceVersion order
    events = w.drain()
    rvs = [int(e.resource_version) for e in events]
    assert rvs == sorted(rvs) and len(set(rvs)) == len(rvs)
    assert sorted(rvs) == sorted(rv for _, rv in successes)
    assert {e.type for e in events} == {"MODIFIED"}


def test_concurrent_creates_of_one_name(server: APIServer) -> None:
    results: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(THREADS)

    def worker() -> None:
        start.wait()
        try:
            server.create(configmap("same"))
            outcome = "created"
        except AlreadyExists as e:
            outcome = str(e)
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert results.count("created") == 1
    assert results.count('configmaps "same" already exists') == THREADS - 1


def test_concurrent_writers_and_handler_watch(server: APIServer, clock) -> None:
    seen: list[int] = []
    server.watch("configmaps", handler=lambda ev: seen.append(int(ev.resource_version)))

    def worker(t: int) -> None:
        for i in range(25):
            server.create(configmap(f"t{t}-{i}"))

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(THREADS)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    clock.run()
    assert len(seen) == THREADS * 25
    assert seen == sorted(seen)
