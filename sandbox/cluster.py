"""``Cluster``: a whole miniature Kubernetes cluster in one object.

It wires the parts together the way a real cluster is wired: an API server with its store, a
virtual clock, and (as they exist) nodes with their kubelets, the scheduler and the controllers.
The parts talk to each other only through the API server, so what you observe through
``Cluster`` (``get``, ``list``, ``events``, ``logs``) is what ``kubectl`` would show you::

    from sandbox import Cluster

    with Cluster(seed=0) as cluster:
        cluster.apply('''
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            data: {color: blue}
        ''')
        cluster.get("configmap", "settings").data["color"]     # 'blue'
        cluster.advance(300)                                    # five virtual minutes, in milliseconds

Nothing happens between your calls: time moves only while you call ``advance``, ``wait_for`` or
another method that waits, so a test sees exactly the same run every time for the same seed.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

from sandbox.api import manifests
from sandbox.api.base import K8sModel
from sandbox.apiserver import APIServer, podsecurity, serviceaccount, serviceip
from sandbox.apiserver.watch import WatchEvent
from sandbox.clock import Clock
from sandbox.controllers import ControllerManager
from sandbox.errors import BadRequest, NotFound, SandboxError, StatusError
from sandbox.kubectl.apply import ApplyResult, apply_object
from sandbox.kubelet.node_info import NodeConfig
from sandbox.machine import Machine
from sandbox.network import Network, services
from sandbox.runtime.cri import ExecResult
from sandbox.scheduler import Scheduler
from sandbox.timeline import Timeline, TimelineRecorder
from sandbox.timeline.display import cluster_html

__all__ = ["Cluster", "WaitTimeout", "KubectlOutput"]


class KubectlOutput(str):
    """What a kubectl command printed (stdout, then stderr), as a string that shows as plain text.

    ``.stdout``, ``.stderr`` and ``.exit_code`` are there too; in a notebook or the REPL the value
    displays exactly as a terminal would show it.
    """

    stdout: str
    stderr: str
    exit_code: int

    def __new__(cls, stdout: str, stderr: str, exit_code: int) -> KubectlOutput:
        # kubectl prints the API server's warnings as they arrive, before the command's output;
        # errors come last
        lines = stderr.splitlines(keepends=True)
        warnings = "".join(line for line in lines if line.startswith("Warning:"))
        others = "".join(line for line in lines if not line.startswith("Warning:"))
        self = super().__new__(cls, warnings + stdout + others)
        self.stdout, self.stderr, self.exit_code = stdout, stderr, exit_code
        return self

    def __repr__(self) -> str:
        return str(self).rstrip("\n")

    @property
    def ok(self) -> bool:
        return self.exit_code == 0


class WaitTimeout(SandboxError, TimeoutError):
    """``wait_for`` ran out of (virtual) time; the message shows the object's state and events."""


def _split_ref(kind: str, name: str | None) -> tuple[str, str]:
    if name is None:
        if "/" not in kind:
            raise ValueError(f'expected "kind/name" (like "pod/nginx") or a kind and a name, got {kind!r}')
        kind, name = kind.split("/", 1)
    return kind, name


class Cluster:
    """A miniature Kubernetes cluster running in this process.

    Args:
        nodes: how many worker nodes to start (``node-1``, ``node-2``, ...); more can be added
            with :meth:`add_node`.
        seed: seeds every random choice (uids, generated names, scheduling ties), so the same seed
            gives the same run.
        clock: ``"virtual"`` (default: deterministic, instant) or ``"real"`` (wall time, for demos).
        rate: with ``clock="real"``, virtual seconds per wall second (``60`` shows a minute a second).
        watchdog: wall seconds a container may run without waiting before it is reported as a
            runaway and detached from the clock (see ``sandbox.clock``).
    """

    def __init__(
        self,
        nodes: int = 1,
        *,
        seed: int = 0,
        clock: str = "virtual",
        rate: float = 1.0,
        watchdog: float = 2.0,
    ) -> None:
        if nodes < 0:
            raise ValueError("nodes must be 0 or more")
        self.seed = seed
        self.rng = random.Random(seed)
        self.clock = Clock(clock, rate=rate, watchdog=watchdog)
        self.api = APIServer(self.clock, random.Random(self.rng.getrandbits(64)))
        #: Records every pod's status changes and events, for :meth:`timeline`.
        self.recorder = TimelineRecorder(self.api, self.clock)
        #: Pod Security admission, as kube-apiserver enables it by default.
        self.pod_security = podsecurity.install(self.api)
        #: ServiceAccount admission: every pod runs as a ServiceAccount and gets its token volume.
        self.service_accounts = serviceaccount.install(self.api, random.Random(f"{seed}/kube-api-access"))
        #: ClusterIP allocation for Services (``10.96.0.0/12``; ``10.96.0.1`` is ``kubernetes``).
        self.service_ips = serviceip.install(self.api, random.Random(f"{seed}/service-ip"))
        self.network = Network(self.clock)
        #: Cluster DNS for Services and a minimal kube-proxy (ClusterIP over TCP).
        self.services = services.install(self.network, self.api)
        self.scheduler = Scheduler(self.api, self.clock, random.Random(self.rng.getrandbits(64)))
        self.scheduler.start()
        #: kube-controller-manager: workload controllers, garbage collector, node lifecycle.
        self.controllers = ControllerManager(self.api, self.clock, random.Random(self.rng.getrandbits(64)))
        self.controllers.start()
        self._machines: dict[str, Machine] = {}
        self._closed = False
        for _ in range(nodes):
            self.add_node()
        self.clock.run_all()

    # ------------------------------------------------------------------ nodes

    def add_node(
        self,
        name: str | None = None,
        *,
        labels: dict[str, str] | None = None,
        taints: list[str] | None = None,
        cpu: str = "4",
        memory: str = "8Gi",
        max_pods: int = 110,
        os: str = "linux",
        arch: str = "amd64",
    ) -> Machine:
        """Join a new node (``node-N`` by default) with its kubelet; returns its :class:`Machine`.

        ``taints`` are kubectl-style (``"gpu=true:NoSchedule"``), registered with the node as
        ``--register-with-taints`` does.
        """
        name = name or f"node-{len(self._machines) + 1}"
        if name in self._machines:
            raise ValueError(f"a node named {name!r} already exists")
        config = NodeConfig(cpu=cpu, memory=memory, max_pods=max_pods, labels=dict(labels or {}),
                            taints=list(taints or []), os=os, arch=arch)
        machine = Machine(self, name, config)
        self._machines[name] = machine
        machine.start()
        return machine

    def node(self, name: str) -> Machine:
        """The machine behind node ``name``: label, taint, cordon, fail or recover it."""
        try:
            return self._machines[name]
        except KeyError:
            raise NotFound.for_resource("nodes", name) from None

    @property
    def nodes(self) -> list[Machine]:
        """Every node's machine, in the order they joined."""
        return list(self._machines.values())

    def kubelet_for(self, node_name: str) -> Any:
        """The kubelet of ``node_name`` (what ``kubectl logs`` and ``exec`` reach through the API server)."""
        return self.node(node_name).kubelet

    def _pod_kubelet(self, pod: str, namespace: str) -> tuple[Any, Any]:
        obj = self.api.get("pods", pod, namespace)
        node = obj.spec.nodeName
        if not node:
            raise BadRequest(f'pod {pod} does not have a host assigned')
        machine = self._machines.get(node)
        if machine is None or machine.failed:
            ip = machine.netns.ips[0] if machine is not None else node
            raise StatusError(
                f'Get "https://{ip}:10250/containerLogs/{namespace}/{pod}": dial tcp {ip}:10250: connect: no route to host',
                code=500, reason="")
        return obj, machine.kubelet

    # ------------------------------------------------------------------ containers

    def logs(
        self,
        pod: str,
        container: str | None = None,
        *,
        namespace: str = "default",
        previous: bool = False,
        timestamps: bool = False,
        tail: int | None = None,
    ) -> str:
        """``kubectl logs``: what the container wrote (``previous=True``: its last run)."""
        pod = pod.split("/", 1)[1] if pod.startswith(("pod/", "pods/")) else pod
        _, kubelet = self._pod_kubelet(pod, namespace)
        return kubelet.logs(namespace, pod, container, previous=previous, timestamps=timestamps, tail=tail)

    def exec(
        self,
        pod: str,
        command: list[str] | str,
        container: str | None = None,
        *,
        namespace: str = "default",
        timeout: float = 60,
        stdin: str | None = None,
    ) -> ExecResult:
        """``kubectl exec``: run a command in a running container, letting virtual time pass while
        it runs. Returns ``ExecResult(exit_code, stdout, stderr)``; a string runs with ``sh -c``."""
        pod = pod.split("/", 1)[1] if pod.startswith(("pod/", "pods/")) else pod
        argv = ["sh", "-c", command] if isinstance(command, str) else list(command)
        _, kubelet = self._pod_kubelet(pod, namespace)
        box: list[ExecResult] = []
        kubelet.exec(namespace, pod, container, argv, box.append, timeout=timeout, stdin=stdin)
        if not self.clock.run_until(lambda: bool(box), timeout + 1):
            raise WaitTimeout(f"exec {argv!r} in pod {pod} did not finish within {timeout:g}s of virtual time")
        return box[0]

    # ------------------------------------------------------------------ objects

    def apply(self, source: Any, namespace: str | None = None) -> list[Any]:
        """``kubectl apply -f``: create each object, or update it from the last applied manifest.

        ``source`` is a path (file or folder), YAML or JSON text (several documents allowed), a
        dict, a model, or a list of these. Returns the objects as stored.
        """
        return [r.object for r in self.apply_results(source, namespace)]

    def apply_results(self, source: Any, namespace: str | None = None) -> list[ApplyResult]:
        """Like :meth:`apply`, with kubectl's verdict per object (``pod/nginx created``)."""
        return [apply_object(self.api, d, namespace) for d in manifests.load_dicts(source)]

    def create(self, source: Any, namespace: str | None = None) -> list[Any]:
        """``kubectl create -f``: create each object; ``AlreadyExists`` if one is there."""
        return [self.api.create(d, namespace=namespace) for d in manifests.load_dicts(source)]

    def get(self, kind: str, name: str | None = None, namespace: str = "default") -> Any:
        """One object as a model: ``get("pod", "nginx")`` or ``get("pod/nginx")``."""
        kind, name = _split_ref(kind, name)
        return self.api.get(kind, name, namespace)

    def list(
        self,
        kind: str,
        namespace: str | None = "default",
        selector: str | dict[str, str] | None = None,
        field_selector: str | None = None,
    ) -> list[Any]:
        """Objects of a kind: in ``namespace`` (``None`` for all), filtered like ``-l`` and ``--field-selector``."""
        if isinstance(selector, dict):
            selector = ",".join(f"{k}={v}" for k, v in selector.items())
        return list(self.api.list(kind, namespace, label_selector=selector, field_selector=field_selector))

    def update(self, obj: K8sModel | dict[str, Any]) -> Any:
        """``kubectl replace``: write a changed object back (``Conflict`` if it changed meanwhile)."""
        return self.api.update(obj)

    def patch(
        self,
        kind: str,
        name: str,
        patch: dict[str, Any] | list[Any],
        patch_type: str = "strategic",
        namespace: str = "default",
    ) -> Any:
        """``kubectl patch``: ``strategic`` (default), ``merge`` or ``json``."""
        return self.api.patch(kind, name, patch, patch_type=patch_type, namespace=namespace)

    def delete(
        self,
        kind: str,
        name: str | None = None,
        namespace: str = "default",
        *,
        grace_period: int | None = None,
        cascade: str = "background",
        wait: bool = False,
        timeout: float = 300,
    ) -> Any:
        """``kubectl delete``. With ``wait=True`` time runs until the object is gone (as kubectl
        waits by default), up to ``timeout`` virtual seconds."""
        kind, name = _split_ref(kind, name)
        policy = {"background": "Background", "foreground": "Foreground", "orphan": "Orphan"}.get(cascade)
        if policy is None:
            raise ValueError('cascade must be "background", "foreground" or "orphan"')
        result = self.api.delete(kind, name, namespace, grace_period_seconds=grace_period, propagation_policy=policy)
        if wait:
            self.wait_for(f"{kind}/{name}", "delete", namespace=namespace, timeout=timeout)
        return result

    def events(self, kind: str | None = None, name: str | None = None, namespace: str | None = "default") -> list[Any]:
        """Events, oldest first; for one object with ``events("pod", "nginx")`` or ``events("pod/nginx")``."""
        selector = None
        if kind is not None:
            kind, name = _split_ref(kind, name)
            info = self.api.registry.resolve(kind)
            selector = f"involvedObject.kind={info.kind},involvedObject.name={name}"
        evs = list(self.api.list("events", namespace, field_selector=selector))
        return sorted(evs, key=lambda e: (e.lastTimestamp or e.firstTimestamp or datetime.min, e.metadata.resourceVersion and int(e.metadata.resourceVersion)))

    def watch(
        self,
        kind: str,
        namespace: str | None = "default",
        selector: str | None = None,
        field_selector: str | None = None,
        timeout: float = 60,
        resource_version: str | None = None,
    ) -> Iterator[WatchEvent]:
        """``kubectl get -w``: yield watch events as virtual time runs, for ``timeout`` virtual seconds."""
        w = self.api.watch(kind, namespace, label_selector=selector, field_selector=field_selector, resource_version=resource_version)
        deadline = self.clock.now() + timeout
        try:
            while True:
                yield from w.drain()
                remaining = deadline - self.clock.now()
                if remaining <= 0:
                    return
                self.clock.run_until(lambda: w.pending() > 0, remaining)
        finally:
            w.stop()

    def kubectl(self, command: str | list[str]) -> KubectlOutput:
        """Run a kubectl command line against this cluster and return what kubectl prints::

            print(cluster.kubectl("get pods -o wide"))
            cluster.kubectl("describe pod nginx")

        Commands that wait (``wait``, ``delete``, ``logs -f``, ``get -w``) let virtual time pass.
        """
        from sandbox.kubectl import run

        result = run(self, command)
        return KubectlOutput(result.stdout, result.stderr, result.exit_code)

    def timeline(self, ref: str, name: str | None = None, namespace: str = "default") -> Timeline:
        """A pod's life so far, lane by lane over virtual time: ``timeline("pod/nginx")``.

        Print it for text, or show it in a notebook for a picture (SVG).
        """
        kind, name = _split_ref(ref, name)
        if self.api.registry.resolve(kind).kind != "Pod":
            raise ValueError(f"timelines are kept for pods, not {kind}")
        return self.recorder.timeline(namespace, name)

    def _repr_html_(self) -> str:
        return cluster_html(self)

    # ------------------------------------------------------------------ time

    def advance(self, seconds: float) -> None:
        """Let ``seconds`` of virtual time pass: containers run, timers fire, controllers act."""
        self.clock.advance(seconds)

    def now(self) -> datetime:
        """The cluster's current time (UTC)."""
        return self.clock.datetime()

    @property
    def elapsed(self) -> float:
        """Virtual seconds since the cluster started."""
        return self.clock.elapsed()

    def wait_for(
        self,
        ref: str,
        condition: str | Callable[[Any], bool],
        timeout: float = 60,
        namespace: str = "default",
    ) -> Any:
        """Run the cluster until ``ref`` (``"pod/nginx"``) meets ``condition``; return the object.

        ``condition`` is a condition type (``"Ready"``, ``"condition=Ready"``,
        ``"condition=Ready=False"``), a phase (``"Running"``, ``"Succeeded"``, ``"phase=Failed"``),
        ``"delete"`` (the object is gone), ``"jsonpath={.status.phase}=Running"``, or a function of
        the object. Raises :class:`WaitTimeout` after ``timeout`` virtual seconds, with the object's
        state and its events in the message.
        """
        kind, name = _split_ref(ref, None)
        check = _condition(condition)
        found: list[Any] = []

        def ready() -> bool:
            try:
                obj = self.api.get(kind, name, namespace)
            except NotFound:
                found[:] = [None]
                return check(None)
            found[:] = [obj]
            return obj is not None and check(obj)

        if self.clock.run_until(ready, timeout):
            return found[0] if found else None
        raise WaitTimeout(self._timeout_message(kind, name, namespace, condition, timeout, found[0] if found else None))

    def _timeout_message(self, kind: str, name: str, namespace: str, condition: Any, timeout: float, obj: Any) -> str:
        what = condition if isinstance(condition, str) else getattr(condition, "__name__", "the condition")
        lines = [f"timed out after {timeout:g}s of virtual time waiting for {kind}/{name} to be {what}"]
        if obj is None:
            lines.append(f"{kind}/{name} does not exist")
        else:
            status = getattr(obj, "status", None)
            if status is not None:
                lines.append("status:")
                lines.extend("  " + line for line in K8sModel.to_yaml(status).rstrip().splitlines())
            evs = self.events(kind, name, namespace=namespace)
            if evs:
                lines.append("events:")
                for e in evs:
                    lines.append(f"  {e.type:<8} {e.reason:<16} {e.message}")
        return "\n".join(lines)

    # ------------------------------------------------------------------ lifecycle

    def close(self) -> list[str]:
        """Stop everything. Returns the names of container threads that could not be stopped (a
        container blocked in a real ``time.sleep``, say); normally none are left."""
        if self._closed:
            return []
        self._closed = True
        self.controllers.stop()
        self.scheduler.stop()
        self.recorder.stop()
        self.services.stop()
        for machine in self._machines.values():
            machine.close()
        return self.clock.close()

    def __enter__(self) -> Cluster:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Cluster seed={self.seed} t={self.elapsed:g}s>"


_PHASES = {"Pending", "Running", "Succeeded", "Failed", "Unknown"}


def _jsonpath_value(obj: Any, path: str) -> Any:
    cur: Any = obj.to_dict()
    for part in path.strip("{}").lstrip(".").split("."):
        if not part:
            continue
        if isinstance(cur, dict):
            cur = cur.get(part)
        else:
            return None
    return cur


def _condition(condition: str | Callable[[Any], bool]) -> Callable[[Any], bool]:
    if callable(condition):
        return lambda obj: obj is not None and bool(condition(obj))
    text = condition.strip()
    if text in ("delete", "deleted", "Deleted"):
        return lambda obj: obj is None
    if text.startswith("jsonpath="):
        expr = text[len("jsonpath="):]
        path, _, want = expr.partition("=")
        if not want:
            return lambda obj: obj is not None and _jsonpath_value(obj, path) not in (None, "", [], {})
        return lambda obj: obj is not None and str(_jsonpath_value(obj, path)) == want
    if text.startswith("phase="):
        phase = text[len("phase="):]
        return lambda obj: obj is not None and getattr(obj.status, "phase", None) == phase
    if text in _PHASES:
        return lambda obj: obj is not None and getattr(obj.status, "phase", None) == text
    if text.startswith("condition="):
        text = text[len("condition="):]
    ctype, _, want = text.partition("=")
    want = want or "True"

    def has_condition(obj: Any) -> bool:
        if obj is None:
            return False
        for c in getattr(getattr(obj, "status", None), "conditions", None) or []:
            if c.type.lower() == ctype.lower():
                return str(c.status).lower() == want.lower()
        return False

    return has_condition
