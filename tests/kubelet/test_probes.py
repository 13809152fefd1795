"""Probes on a one-node cluster (virtual time): the official examples of Kubernetes' docs
(``configure-liveness-readiness-startup-probes``), readiness flapping, startup gating,
thresholds, timeouts, sidecars.

Times are seconds after the pod was created. The cluster's kubelet has just started, so each probe
worker first waits a seeded random part of its ``periodSeconds`` (``worker.go``: only when the
kubelet started less than a period ago); after that it probes on a fixed ticker, and a readiness
worker is also triggered each time the kubelet writes the status of a started, unready container.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from sandbox import Cluster
from sandbox.images import image
from sandbox.images.builtin import etcd, goproxy
from sandbox.images.registry import REGISTRY


def _register_probe_images() -> None:
    for mod, repo in ((goproxy, "registry.k8s.io/goproxy"), (etcd, "registry.k8s.io/etcd")):
        if not REGISTRY.knows_repository(repo):
            mod.register(REGISTRY)


_register_probe_images()


@image("example.com/flappy:1.0")
def flappy(c: Any) -> int:
    """HTTP on 8080: ``/ready`` answers 503 from 20 s to 40 s after start, 200 otherwise."""
    from sandbox.network.http import HTTPResponse, HTTPServer

    start = c.now()

    def handler(req: Any) -> Any:
        up = c.now() - start
        if 20 <= up < 40:
            return HTTPResponse(503, body="warming caches")
        return HTTPResponse(200, body="ok")

    HTTPServer(c.net, 8080, handler, keepalive_timeout=None).serve_forever()
    return 0


class Run:
    """A cluster, a pod, and what happened: probe results, status changes, events."""

    def __init__(self, cluster: Cluster, manifest: str, name: str) -> None:
        self.c = cluster
        self.name = name
        self.t0 = cluster.clock.now()
        self.notes: list[tuple[float, str, str, str]] = []
        self.kubelet = cluster.node("node-1").kubelet
        self.kubelet.prober.on_result = self._note
        cluster.apply(manifest)
        cluster.clock.run_all()
        self.snaps: list[tuple[float, Any]] = []
        #: when each worker began probing, by (container, kind): the seeded start-up jitter
        self.begin = {(k[1], k[2]): round(w.began_at - self.t0, 6)
                      for k, w in self.kubelet.prober.workers.items()}
        self.pod_started: dict[str, float] = {}

    def grid(self, container: str, kind: str, period: float, after: float, n: int) -> list[float]:
        """The first ``n`` ticks of a worker strictly after ``after`` (its fixed ticker)."""
        b = self.begin[(container, kind)]
        k = max(0, int((after - b) // period) + 1)
        while b + (k - 1) * period > after and k > 0:
            k -= 1
        ticks = []
        while len(ticks) < n:
            t = round(b + k * period, 3)
            if t > after:
                ticks.append(t)
            k += 1
        return ticks

    def _note(self, uid: str, t: float, lane: str, text: str, kind: str) -> None:
        self.notes.append((round(t - self.t0, 3), lane, kind, text))

    def watch(self, seconds: float, step: float = 0.1) -> None:
        """Advance, keeping every change of (container statuses, Ready condition)."""
        last = self.snaps[-1][1] if self.snaps else None
        for _ in range(round(seconds / step)):
            self.c.advance(step)
            s = self.state()
            if s != last:
                self.snaps.append((round(self.c.clock.now() - self.t0, 1), s))
                last = s

    def pod(self) -> Any:
        return self.c.get("pod", self.name)

    def state(self) -> tuple[Any, ...]:
        st = self.pod().status
        cs = tuple((x.name, x.ready, x.started, x.restartCount) for x in
                   list(st.initContainerStatuses or []) + list(st.containerStatuses or []))
        ready = next((c.status for c in st.conditions or [] if c.type == "Ready"), None)
        return cs, ready

    def fails(self, lane: str | None = None) -> list[float]:
        return [t for t, ln, kind, _ in self.notes if kind == "probe-fail" and (lane is None or ln == lane)]

    def events(self) -> list[tuple[str, str, int, int, int, str]]:
        """``(type, reason, count, first, last, message)`` of the pod's events (seconds)."""
        out = []
        for e in self.c.events("pod/" + self.name):
            out.append((e.type, e.reason, e.count, int(e.firstTimestamp.timestamp() - self.t0),
                        int(e.lastTimestamp.timestamp() - self.t0), e.message))
        return out

    def event(self, reason: str) -> tuple[str, str, int, int, int, str]:
        return next(e for e in self.events() if e[1] == reason)


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    with Cluster(nodes=1, seed=0) as c:
        yield c


EXEC_LIVENESS = """
apiVersion: v1
kind: Pod
metadata: {name: liveness-exec, labels: {test: liveness}}
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox:1.27.2
    args: [/bin/sh, -c, "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"]
    livenessProbe:
      exec: {command: [cat, /tmp/healthy]}
      initialDelaySeconds: 5
      periodSeconds: 5
"""


def test_exec_liveness_example(cluster: Cluster) -> None:
    r = Run(cluster, EXEC_LIVENESS, "liveness-exec")
    r.watch(80)
    # the busybox pull takes 1.043 s; /tmp/healthy is gone 30 s after the start (31.043 s); the
    # worker probes on its ticker (every 5 s from its begin time): the 3 ticks after that fail
    fails = r.grid("liveness", "Liveness", 5, 31.043, 3)
    assert r.fails() == fails
    assert 31.043 < fails[0] <= 36.043 and fails[2] - fails[0] == 10
    unhealthy = r.event("Unhealthy")
    assert unhealthy == ("Warning", "Unhealthy", 3, int(fails[0]), int(fails[2]),
                         "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n")
    assert r.event("Killing")[2:] == (1, int(fails[2]), int(fails[2]),
                                      "Container liveness failed liveness probe, will be restarted")
    # sh as PID 1 ignores SIGTERM: SIGKILL after the pod's 30 s grace period, restarted at once
    restarted = round(fails[2] + 30, 1)
    assert [(t, s[0][0][3]) for t, s in r.snaps] == [(0.1, 0), (1.1, 0), (pytest.approx(restarted, abs=0.11), 1)]
    cs = r.pod().status.containerStatuses[0]
    term = cs.lastState.terminated
    assert (term.exitCode, term.reason) == (137, "Error")
    assert (cs.ready, cs.started, cs.restartCount) == (True, True, 1)
    assert int(term.finishedAt.timestamp() - r.t0) == int(fails[2] + 30)


HTTP_LIVENESS = """
apiVersion: v1
kind: Pod
metadata: {name: liveness-http, labels: {test: liveness}}
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/e2e-test-images/agnhost:2.40
    args: [liveness]
    livenessProbe:
      httpGet:
        path: /healthz
        port: 8080
        httpHeaders: [{name: Custom-Header, value: Awesome}]
      initialDelaySeconds: 3
      periodSeconds: 3
"""


def test_http_liveness_example(cluster: Cluster) -> None:
    r = Run(cluster, HTTP_LIVENESS, "liveness-http")
    r.watch(45)
    # agnhost starts at 2.005 s (startedAt 2 s: the kubelet keeps whole seconds); /healthz answers
    # 500 once it has been up more than 10 s. Probes begin on the first tick 3 s after startedAt.
    ticks = r.grid("liveness", "Liveness", 3, 2 + 3 - 1e-9, 8)
    expect = [(t, "probe-ok" if t - 2.005 <= 10 else "probe-fail") for t in ticks]
    third_fail = [t for t, k in expect if k == "probe-fail"][2]
    expect = [e for e in expect if e[0] <= third_fail]
    assert [(t, k) for t, _, k, _ in r.notes][:len(expect)] == expect
    fails = r.fails()[:3]
    assert r.notes[[t for t, *_ in r.notes].index(fails[0])][3] == (
        "Liveness probe failed: HTTP probe failed with statuscode: 500")
    # agnhost exits on SIGTERM (code 2 as PID 1): killed and restarted at the third failure
    restarts = [(t, s[0][0][3]) for t, s in r.snaps]
    assert restarts[:3] == [(0.1, 0), (2.1, 0), (pytest.approx(fails[2], abs=0.11), 1)]
    assert r.event("Killing")[2:] == (restarts[-1][1], int(fails[2]), int(r.fails()[-1]),
                                      "Container liveness failed liveness probe, will be restarted")
    last = r.pod().status.containerStatuses[0].lastState.terminated
    assert (last.exitCode, last.reason) == (2, "Error")


TCP_EXAMPLE = """
apiVersion: v1
kind: Pod
metadata:
  name: goproxy
  labels:
    app.kubernetes.io/name: goproxy
spec:
  containers:
  - name: goproxy
    image: registry.k8s.io/goproxy:0.1
    ports:
    - containerPort: 8080
    readinessProbe:
      tcpSocket:
        port: 8080
      initialDelaySeconds: 15
      periodSeconds: 10
    livenessProbe:
      tcpSocket:
        port: 8080
      initialDelaySeconds: 15
      periodSeconds: 10
"""


def test_tcp_readiness_and_liveness_example(cluster: Cluster) -> None:
    r = Run(cluster, TCP_EXAMPLE, "goproxy")
    r.watch(40)
    started = 1.0  # the pull of goproxy:0.1 takes 1.1 s; startedAt keeps whole seconds
    live = [t for t, _, _, txt in r.notes if txt == "Liveness probe succeeded"]
    assert live == r.grid("goproxy", "Liveness", 10, started + 15 - 1e-9, len(live)) and len(live) >= 2
    ready_probes = [t for t, _, _, txt in r.notes if txt == "Readiness probe succeeded"]
    # the readiness ticker restarts when the kubelet writes the status of the started, unready
    # container (1.1 s, or the worker's begin time if that is later): the first tick 15 s after
    # startedAt probes
    anchor = max(r.begin[("goproxy", "Readiness")], 1.099)
    k = next(k for k in range(10) if anchor + 10 * k >= started + 15)
    assert ready_probes[0] == pytest.approx(anchor + 10 * k, abs=0.002)
    # running (started) at 1.1 s, but not ready until the first readiness probe succeeds
    t_ready = ready_probes[0]
    assert r.snaps == [(0.1, ((("goproxy", False, False, 0),), "False")),
                       (1.2, ((("goproxy", False, True, 0),), "False")),
                       (pytest.approx(t_ready, abs=0.11), ((("goproxy", True, True, 0),), "True"))]
    conds = {c.type: c for c in r.pod().status.conditions}
    for t in ("Ready", "ContainersReady"):
        assert conds[t].status == "True"
        assert int(conds[t].lastTransitionTime.timestamp() - r.t0) == int(t_ready)
    assert not [e for e in r.events() if e[0] == "Warning"]


def test_tcp_probe_refused_wording(cluster: Cluster) -> None:
    r = Run(cluster, TCP_EXAMPLE.replace("port: 8080\n      initialDelaySeconds: 15\n      periodSeconds: 10\n"
                                         "    livenessProbe", "port: 8081\n      initialDelaySeconds: 15\n"
                                         "      periodSeconds: 10\n    livenessProbe"), "goproxy")
    r.watch(30)
    ip = r.pod().status.podIP
    msg = r.event("Unhealthy")[5]
    assert msg == f"Readiness probe failed: dial tcp {ip}:8081: connect: connection refused"
    assert r.pod().status.containerStatuses[0].ready is False


GRPC_EXAMPLE = """
apiVersion: v1
kind: Pod
metadata: {name: etcd-with-grpc}
spec:
  containers:
  - name: etcd
    image: registry.k8s.io/etcd:3.5.1-0
    command: [/usr/local/bin/etcd, --data-dir, /var/lib/etcd, --listen-client-urls, "http://0.0.0.0:2379",
              --advertise-client-urls, "http://127.0.0.1:2379", --log-level, debug]
    ports: [{containerPort: 2379}]
    livenessProbe:
      grpc: {port: 2379}
      initialDelaySeconds: 10
"""


def test_grpc_liveness_example(cluster: Cluster) -> None:
    r = Run(cluster, GRPC_EXAMPLE, "etcd-with-grpc")
    r.watch(40)
    started = 2.0  # the etcd pull takes 2.96 s; startedAt keeps whole seconds
    assert [(t, k) for t, _, k, _ in r.notes] == [
        (t, "probe-ok") for t in r.grid("etcd", "Liveness", 10, started + 10 - 1e-9, len(r.notes))]
    assert len(r.notes) >= 2
    assert r.pod().status.containerStatuses[0].restartCount == 0
    assert not [e for e in r.events() if e[0] == "Warning"]


@pytest.mark.parametrize(("port", "service", "message"), [
    (2380, None, 'Liveness probe failed: timeout: failed to connect service "{ip}:2380" within 1s: '
                 "context deadline exceeded"),
    (2379, "nosuch", "Liveness probe failed: error: health rpc probe failed: rpc error: code = NotFound "
                     "desc = unknown service"),
])
def test_grpc_failure_wording(cluster: Cluster, port: int, service: str | None, message: str) -> None:
    svc = f", service: {service}" if service else ""
    r = Run(cluster, GRPC_EXAMPLE.replace("grpc: {port: 2379}", f"grpc: {{port: {port}{svc}}}"), "etcd-with-grpc")
    r.watch(25)
    ip = r.pod().status.podIP
    assert r.event("Unhealthy")[5] == message.format(ip=ip)


NO_PROBES = """
apiVersion: v1
kind: Pod
metadata: {name: plain}
spec:
  containers:
  - {name: app, image: busybox:1.36, command: [sleep, "3600"]}
"""


def test_pod_without_probes_is_ready_when_running(cluster: Cluster) -> None:
    r = Run(cluster, NO_PROBES, "plain")
    r.watch(3)
    t_run, state = r.snaps[1]
    assert state == ((("app", True, True, 0),), "True")
    cs = r.pod().status.containerStatuses[0]
    assert int(cs.state.running.startedAt.timestamp()) == int(r.t0 + t_run)
    assert r.notes == [] and r.kubelet.prober.workers == {}


FLAPPY = """
apiVersion: v1
kind: Pod
metadata: {name: flappy}
spec:
  containers:
  - name: web
    image: example.com/flappy:1.0
    readinessProbe:
      httpGet: {path: /ready, port: 8080}
      periodSeconds: 5
      failureThreshold: 2
      successThreshold: 2
"""


def test_readiness_flapping_sets_ready_and_conditions(cluster: Cluster) -> None:
    r = Run(cluster, FLAPPY, "flappy")
    r.watch(60)
    # the server starts at 1.4 s and answers 503 from 21.4 s to 41.4 s: failures exactly then
    for t, _, kind, _ in r.notes:
        assert (kind == "probe-fail") == (21.4 <= t < 41.4), t
    # every probe is on the worker's 5 s ticker (restarted by manual triggers at the same instants)
    times = sorted({t for t, *_ in r.notes})
    assert all(round(b - a, 3) == 5.0 for a, b in zip(times[1:], times[2:], strict=False))
    # 2 failures in a row make the container unready, 2 successes ready again: the Ready condition
    # follows at those instants
    second_fail = sorted(r.fails())[1]
    oks_after = [t for t, _, k, _ in r.notes if k == "probe-ok" and t >= 41.4]
    first_ok = [t for t, _, k, _ in r.notes if k == "probe-ok"][1]
    flips = [(t, st[1]) for i, (t, st) in enumerate(r.snaps) if i == 0 or st[1] != r.snaps[i - 1][1][1]]
    assert flips == [
        (0.1, "False"), (pytest.approx(first_ok, abs=0.11), "True"),
        (pytest.approx(second_fail, abs=0.11), "False"), (pytest.approx(oks_after[1], abs=0.11), "True")]
    # a started, unready container gets an extra readiness probe whenever its status is written
    # (UpdatePodStatus' manual trigger): more than one failure at the instant it turned unready
    assert r.fails().count(second_fail) >= 2
    ready = {c.type: c for c in r.pod().status.conditions}["Ready"]
    assert int(ready.lastTransitionTime.timestamp() - r.t0) == int(oks_after[1])
    st = r.pod().status
    assert st.containerStatuses[0].restartCount == 0
    msgs = {e[5] for e in r.events() if e[1] == "Unhealthy"}
    assert msgs == {"Readiness probe failed: HTTP probe failed with statuscode: 503"}
    assert not [e for e in r.events() if e[1] == "Killing"]


SLOW_START = """
apiVersion: v1
kind: Pod
metadata: {name: slow}
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: [sh, -c, "sleep 20; touch /tmp/up; sleep 3600"]
    startupProbe:
      exec: {command: [cat, /tmp/up]}
      periodSeconds: 5
      failureThreshold: 10
    livenessProbe:
      exec: {command: [cat, /tmp/up]}
      periodSeconds: 5
      failureThreshold: 1
"""


def test_startup_probe_holds_liveness(cluster: Cluster) -> None:
    r = Run(cluster, SLOW_START, "slow")
    r.watch(40)
    lanes = [(t, txt.split(" ")[0], k) for t, _, k, txt in r.notes]
    first_ok = next(t for t, kind, k in lanes if kind == "Startup" and k == "probe-ok")
    assert all(kind == "Startup" for t, kind, k in lanes if t < first_ok)
    assert [k for t, kind, k in lanes if kind == "Liveness"] and all(
        k == "probe-ok" for t, kind, k in lanes if kind == "Liveness")
    assert r.pod().status.containerStatuses[0].restartCount == 0
    # /tmp/up appears 20 s after the start: startup fails on each tick before, succeeds on the next
    started = 1.1
    startup = [(t, k) for t, kind, k in lanes if kind == "Startup"]
    assert startup == [(t, "probe-ok" if t > started + 20 else "probe-fail")
                       for t in r.grid("app", "Startup", 5, started, len(startup))]
    assert startup[-1][1] == "probe-ok"
    # started (and, without a readiness probe, ready) only then
    assert [(t, st[0][0][1:]) for t, st in r.snaps] == [
        (0.1, (False, False, 0)), (pytest.approx(first_ok, abs=0.11), (True, True, 0))]


def test_startup_probe_failing_kills_and_restarts(cluster: Cluster) -> None:
    r = Run(cluster, SLOW_START.replace("failureThreshold: 10", "failureThreshold: 2"), "slow")
    r.watch(50)
    assert r.event("Killing")[5] == "Container app failed startup probe, will be restarted"
    assert r.event("Unhealthy")[5] == "Startup probe failed: cat: can't open '/tmp/up': No such file or directory\n"
    fails = r.fails()
    assert fails[:2] == r.grid("app", "Startup", 5, 1.1, 2)
    assert r.event("Killing")[3] == int(fails[1])
    # never started; sh ignores SIGTERM as PID 1: restarted after the 30 s grace period
    assert [(t, st[0][0][1:]) for t, st in r.snaps] == [
        (0.1, (False, False, 0)), (pytest.approx(fails[1] + 30, abs=0.11), (False, False, 1))]


TIMEOUT = """
apiVersion: v1
kind: Pod
metadata: {name: sleepy}
spec:
  terminationGracePeriodSeconds: 30
  containers:
  - name: app
    image: busybox:1.36
    command: [sh, -c, "while true; do sleep 1; done"]
    livenessProbe:
      exec: {command: [sh, -c, "sleep 5"]}
      timeoutSeconds: 2
      periodSeconds: 10
      failureThreshold: 2
      terminationGracePeriodSeconds: 3
"""


def test_exec_timeout_is_a_failure_and_probe_grace_period(cluster: Cluster) -> None:
    r = Run(cluster, TIMEOUT, "sleepy")
    r.watch(40)
    assert r.event("Unhealthy")[5] == 'Liveness probe failed: command "sh -c sleep 5" timed out'
    # each probe fails when its 2 s timeout expires; 2 failures kill the container, which ignores
    # SIGTERM (PID 1) and is killed after the probe's terminationGracePeriodSeconds (3 s), not 30 s
    fails = r.fails()
    probes = r.grid("app", "Liveness", 10, 1.1, 2)
    assert fails[:2] == [round(t + 2, 3) for t in probes]
    assert r.event("Killing")[2:] == (1, int(fails[1]), int(fails[1]), "Container app failed liveness probe, will be restarted")
    restart = next(t for t, st in r.snaps if st[0][0][3] == 1)
    assert restart == pytest.approx(fails[1] + 3, abs=0.11)
    assert r.pod().status.containerStatuses[0].lastState.terminated.exitCode == 137


SIDECAR = """
apiVersion: v1
kind: Pod
metadata: {name: with-sidecar}
spec:
  initContainers:
  - name: proxy
    image: busybox:1.36
    restartPolicy: Always
    command: [sh, -c, "sleep 12; touch /tmp/up; sleep 3600"]
    startupProbe:
      exec: {command: [cat, /tmp/up]}
      periodSeconds: 5
      failureThreshold: 30
  containers:
  - {name: app, image: busybox:1.36, command: [sleep, "3600"]}
"""


def test_sidecar_startup_probe_gates_the_main_container(cluster: Cluster) -> None:
    r = Run(cluster, SIDECAR, "with-sidecar")
    r.watch(25)
    ok = next(t for t, _, k, _ in r.notes if k == "probe-ok")
    app_started = next(t for t, s in r.snaps if len(s[0]) == 2 and s[0][1][2])
    assert app_started >= ok
    init = r.pod().status.initContainerStatuses[0]
    assert (init.started, init.ready) == (True, True)
    # the sidecar's startup probe fails until /tmp/up exists (12 s after its start at 1.1 s)
    assert [k for _, _, k, _ in r.notes] == ["probe-fail"] * (len(r.notes) - 1) + ["probe-ok"]
    assert ok > 13.1
    assert r.event("Unhealthy")[5] == "Startup probe failed: cat: can't open '/tmp/up': No such file or directory\n"
    before = [st for t, st in r.snaps if t < ok]
    assert all(len(st[0]) == 2 and st[0][1] == ("app", False, False, 0) and st[1] == "False" for st in before[1:])
    assert r.snaps[-1] == (pytest.approx(ok, abs=0.11), ((("proxy", True, True, 0), ("app", True, True, 0)), "True"))
