"""Whatever a learner's container does, the cluster goes on and the pod tells the truth.

Each test runs a one-node cluster (seed 0) with a Python image (``@image``) that misbehaves, next to
a well-behaved ``ticker`` pod that prints a line every virtual second (so "other pods keep running"
is a count of log lines), and checks that closing the cluster leaves no thread behind.

The watchdog is set to 1 wall second (the default is 2) so the tests about code that never parks
stay fast; what it reports does not depend on the value. On a loaded machine a well-behaved
container can also be reported (it did not get the CPU in time), so assertions on
``clock.runaways`` look only for the container under test.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from sandbox import Cluster
from sandbox.clock import Event
from sandbox.images import image

WATCHDOG = 1.0
P = "reliability.podlab.test"


# ------------------------------------------------------------------ the learner's images


@image(f"{P}/ticker:1")
def ticker(c: Any) -> int:
    i = 0
    while True:
        c.print(f"tick {i}")
        i += 1
        if not c.sleep(1):
            return 0


@image(f"{P}/raiser:1")
def raiser(c: Any) -> None:
    c.print("starting")
    settings = {"color": "blue"}
    c.print(settings["size"])


@image(f"{P}/quitter:1")
def quitter(c: Any) -> int:
    return 0


@image(f"{P}/spinner:1")
def spinner(c: Any) -> None:
    c.print("spinning")
    while True:
        pass


@image(f"{P}/stubborn:1")
def stubborn(c: Any) -> None:
    c.on_signal("SIGTERM", "ignore")
    while True:
        c.sleep(1)


@image(f"{P}/stubborn-spinner:1")
def stubborn_spinner(c: Any) -> None:
    c.on_signal("SIGTERM", "ignore")
    while True:
        pass


@image(f"{P}/hog:1")
def hog(c: Any) -> None:
    chunks = 0
    while True:
        c.allocate("10M")  # stress's suffixes (powers of 1024)
        chunks += 1
        c.print(f"allocated {chunks * 10}Mi")
        c.sleep(1)


@image(f"{P}/sockets:1")
def sockets(c: Any) -> None:
    server = c.net.listen(8080)
    conns = []
    for _ in range(500):
        conns.append(c.net.connect("127.0.0.1", 8080))
        conns.append(server.accept())
    c.print(f"open sockets: {len(conns) + 1}")
    c.sleep(10**9)


@image(f"{P}/forever:1")
def forever(c: Any) -> None:
    c.print("sleeping for 31 years")
    c.sleep(10**9)


@image(f"{P}/event-waiter:1")
def event_waiter(c: Any) -> None:
    c.print("waiting for an event nobody sets")
    Event(c.proc.clock, "never").wait()


@image(f"{P}/real-sleeper:1")
def real_sleeper(c: Any) -> None:
    c.print("before the real sleep")
    time.sleep(1.5)  # a real, blocking sleep: the documented limit
    c.print("after the real sleep")
    c.sleep(10**9)


# ------------------------------------------------------------------ helpers


def pod(name: str, img: str, *, restart: str = "Always", grace: int | None = None,
        memory_limit: str | None = None) -> dict[str, Any]:
    container: dict[str, Any] = {"name": "app", "image": f"{P}/{img}:1"}
    if memory_limit:
        container["resources"] = {"limits": {"memory": memory_limit}}
    spec: dict[str, Any] = {"containers": [container], "restartPolicy": restart}
    if grace is not None:
        spec["terminationGracePeriodSeconds"] = grace
    return {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": name}, "spec": spec}


def status(cluster: Cluster, name: str) -> Any:
    return cluster.get("pod", name).status.containerStatuses[0]


def ticks(cluster: Cluster) -> int:
    return len(cluster.logs("ticker").splitlines())


def gone(cluster: Cluster, name: str) -> bool:
    return not [p for p in cluster.list("pods") if p.metadata.name == name]


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    """A one-node cluster with the ticker running; afterwards, not one thread more than before."""
    before = threading.active_count()
    c = Cluster(nodes=1, seed=0, watchdog=WATCHDOG)
    try:
        c.apply(pod("ticker", "ticker"))
        c.wait_for("pod/ticker", "Ready", timeout=30)
        yield c
    finally:
        c.close()
    assert threading.active_count() == before, [t.name for t in threading.enumerate()]


def still_ticking(cluster: Cluster, seconds: int = 10) -> None:
    """The well-behaved pod made progress for ``seconds`` more virtual seconds."""
    n = ticks(cluster)
    cluster.advance(seconds)
    assert ticks(cluster) == n + seconds
    assert cluster.get("pod", "ticker").status.phase == "Running"


# ------------------------------------------------------------------ the faults


def test_a_container_that_raises_exits_1_with_its_traceback_in_the_logs(cluster: Cluster) -> None:
    cluster.apply(pod("raiser", "raiser", restart="Never"))
    cluster.wait_for("pod/raiser", "Failed", timeout=30)
    term = status(cluster, "raiser").state.terminated
    assert (term.exitCode, term.reason) == (1, "Error")
    logs = cluster.logs("raiser")
    assert logs.startswith("starting\nTraceback (most recent call last):\n")
    assert '    c.print(settings["size"])\n' in logs
    assert logs.endswith("KeyError: 'size'\n")
    assert "in raiser" in logs
    still_ticking(cluster)


def test_a_container_that_exits_at_once_crash_loops_on_the_backoff_timeline(cluster: Cluster) -> None:
    cluster.apply(pod("quitter", "quitter"))
    starts: list[float] = []
    last = -1
    for ev in cluster.watch("pods", field_selector="metadata.name=quitter", timeout=700):
        st = (ev.object.status.containerStatuses or [None])[0]
        if st is not None and st.restartCount != last and (st.state.running or st.state.terminated):
            last = st.restartCount
            starts.append(cluster.elapsed)
    gaps = [round(b - a) for a, b in zip(starts, starts[1:], strict=False)]
    # kubelet's back-off: the first restart at once, then 10s doubling to the 5 minute cap
    assert gaps[:7] == [0, 10, 20, 40, 80, 160, 300]
    st = status(cluster, "quitter")
    assert st.state.waiting is not None and st.state.waiting.reason == "CrashLoopBackOff"
    assert st.state.waiting.message.startswith("back-off 5m0s restarting failed container=app pod=quitter_default(")
    assert (st.lastState.terminated.exitCode, st.lastState.terminated.reason) == (0, "Completed")
    assert cluster.get("pod", "quitter").status.phase == "Running"
    backoffs = [e for e in cluster.events("pod/quitter") if e.reason == "BackOff"]
    assert backoffs and backoffs[0].message.startswith("Back-off restarting failed container app in pod quitter_default(")
    still_ticking(cluster)


def _container_thread(name: str) -> threading.Thread:
    found = [t for t in threading.enumerate() if t.name == f"podlab:default/{name}/app"]
    assert len(found) == 1, [t.name for t in threading.enumerate()]
    return found[0]


def test_a_busy_loop_is_reported_and_the_cluster_goes_on(cluster: Cluster) -> None:
    cluster.apply(pod("spin", "spinner", grace=3))
    cluster.wait_for("pod/spin", "Ready", timeout=30)
    still_ticking(cluster)
    (runaway,) = [r for r in cluster.clock.runaways if r.task == "default/spin/app"]
    assert "while True" in runaway.stack
    assert "in spinner" in runaway.stack
    assert cluster.get("pod", "spin").status.phase == "Running"
    assert cluster.logs("spin") == "spinning\n"
    # deleting the pod kills the loop (an exception raised into the thread at the grace period)
    thread = _container_thread("spin")
    cluster.delete("pod", "spin")
    cluster.advance(3)
    thread.join(5)  # wall seconds: the kill lands at the loop's next bytecode
    assert not thread.is_alive()
    cluster.wait_for("pod/spin", "delete", timeout=30)
    still_ticking(cluster)


def _deleted_after(img: str) -> float:
    with Cluster(nodes=1, seed=0, watchdog=WATCHDOG) as c:
        c.apply(pod("spin", img, grace=3))
        c.wait_for("pod/spin", "Ready", timeout=30)
        c.advance(2)  # the watchdog detaches the loop
        c.delete("pod", "spin")
        t0 = c.elapsed
        c.wait_for("pod/spin", "delete", timeout=120)
        return c.elapsed - t0


def test_a_spinning_pod_is_deleted_exactly_at_its_grace_period() -> None:
    assert [_deleted_after("spinner") for _ in range(3)] == [3.0, 3.0, 3.0]


def test_a_container_that_ignores_sigterm_is_killed_at_the_grace_period(cluster: Cluster) -> None:
    cluster.apply(pod("stubborn", "stubborn", grace=5))
    cluster.wait_for("pod/stubborn", "Ready", timeout=30)
    w = cluster.api.watch("pods", "default", field_selector="metadata.name=stubborn",
                          resource_version=cluster.api.resource_version)
    cluster.delete("pod", "stubborn")
    t0 = cluster.elapsed
    cluster.wait_for("pod/stubborn", "delete", timeout=60)
    assert cluster.elapsed - t0 == 5.0
    terminated = [e.object.status.containerStatuses[0].state.terminated for e in w.drain()
                  if e.object.status.containerStatuses[0].state.terminated is not None]
    assert terminated and (terminated[-1].exitCode, terminated[-1].reason) == (137, "Error")
    kills = [e.message for e in cluster.events("pod/stubborn") if e.reason == "Killing"]
    assert kills == ["Stopping container app"]
    still_ticking(cluster)


def test_a_container_that_ignores_sigterm_and_spins_leaves_no_thread(cluster: Cluster) -> None:
    cluster.apply(pod("stubspin", "stubborn-spinner", grace=2))
    cluster.wait_for("pod/stubspin", "Ready", timeout=30)
    still_ticking(cluster, 3)
    assert "default/stubspin/app" in [r.task for r in cluster.clock.runaways]
    # not deleted: closing the cluster (the fixture) must end it


def test_memory_beyond_the_limit_is_oomkilled(cluster: Cluster) -> None:
    cluster.apply(pod("hog", "hog", restart="Never", memory_limit="50Mi"))
    cluster.wait_for("pod/hog", "Failed", timeout=60)
    term = status(cluster, "hog").state.terminated
    assert (term.exitCode, term.reason) == (137, "OOMKilled")
    assert cluster.logs("hog").splitlines()[-1] == "allocated 50Mi"  # 50Mi fits the limit exactly; the next 10M does not
    still_ticking(cluster)


@image(f"{P}/quantity-hog:1")
def quantity_hog(c: Any) -> None:
    c.allocate("64Mi")  # a Kubernetes quantity, as in the pod's limits


def test_allocating_a_kubernetes_quantity_is_oomkilled(cluster: Cluster) -> None:
    cluster.apply(pod("qhog", "quantity-hog", restart="Never", memory_limit="50Mi"))
    cluster.wait_for("pod/qhog", "Failed", timeout=60)
    term = status(cluster, "qhog").state.terminated
    assert (term.exitCode, term.reason) == (137, "OOMKilled")


def test_a_thousand_sockets_are_closed_with_the_pod(cluster: Cluster) -> None:
    cluster.apply(pod("sockets", "sockets"))
    cluster.wait_for("pod/sockets", "Ready", timeout=30)
    cluster.advance(1)
    assert cluster.logs("sockets") == "open sockets: 1001\n"
    namespaces = {k: ns for k, ns in cluster.network.namespaces().items() if k.startswith("default/sockets/")}
    assert [len(ns.connections()) for ns in namespaces.values()] == [1000]
    still_ticking(cluster)
    cluster.delete("pod", "sockets")
    cluster.wait_for("pod/sockets", "delete", timeout=60)
    assert not [k for k in cluster.network.namespaces() if k.startswith("default/sockets/")]
    assert all(ns.torn_down for ns in namespaces.values())
    still_ticking(cluster)


def test_a_container_sleeping_for_years_stops_at_once_on_sigterm(cluster: Cluster) -> None:
    cluster.apply(pod("forever", "forever"))
    cluster.wait_for("pod/forever", "Ready", timeout=30)
    cluster.advance(3600)
    assert cluster.get("pod", "forever").status.phase == "Running"
    assert ticks(cluster) > 3600
    cluster.delete("pod", "forever")
    t0 = cluster.elapsed
    cluster.wait_for("pod/forever", "delete", timeout=60)
    assert cluster.elapsed - t0 < 1  # SIGTERM wakes c.sleep; the function returns 0
    still_ticking(cluster)


def test_a_container_blocked_on_a_clock_event_is_killed_at_the_grace_period(cluster: Cluster) -> None:
    cluster.apply(pod("waiter", "event-waiter", grace=4))
    cluster.wait_for("pod/waiter", "Ready", timeout=30)
    still_ticking(cluster)
    assert "default/waiter/app" not in [r.task for r in cluster.clock.runaways]
    cluster.delete("pod", "waiter")
    t0 = cluster.elapsed
    cluster.wait_for("pod/waiter", "delete", timeout=60)
    assert cluster.elapsed - t0 == 4.0
    still_ticking(cluster)


def test_a_real_time_sleep_is_detached_reported_and_rejoins(cluster: Cluster) -> None:
    """The documented limit: a real ``time.sleep`` blocks the container's thread for real.

    The watchdog detaches it after ``watchdog`` wall seconds (a Runaway whose stack shows the
    sleep), the cluster goes on without it meanwhile, and at its next clock call the container
    rejoins virtual time. Closing the cluster waits (up to 5 wall seconds) for such a thread.
    """
    cluster.apply(pod("napper", "real-sleeper"))
    cluster.wait_for("pod/napper", "Ready", timeout=30)
    still_ticking(cluster, 5)
    (runaway,) = [r for r in cluster.clock.runaways if r.task == "default/napper/app"]
    assert "time.sleep(1.5)" in runaway.stack
    thread = _container_thread("napper")
    thread.join(5)  # the real sleep ends; the container is back on the clock, parked in c.sleep
    cluster.advance(1)
    assert cluster.logs("napper") == "before the real sleep\nafter the real sleep\n"
    assert cluster.get("pod", "napper").status.phase == "Running"
    still_ticking(cluster)


def test_closing_during_a_real_time_sleep_waits_for_it_and_leaves_no_thread() -> None:
    before = threading.active_count()
    c = Cluster(nodes=1, seed=0, watchdog=WATCHDOG)
    c.apply(pod("napper", "real-sleeper"))
    c.wait_for("pod/napper", "Ready", timeout=30)
    t0 = time.perf_counter()
    c.close()
    assert time.perf_counter() - t0 < 5
    assert threading.active_count() == before
