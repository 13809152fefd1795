"""What exercise tests import: load the learner's files, run a cluster, and check results with
failures written for a learner.

A test reads like the task::

    from podlab.kata import expect, expect_field, load_learner_manifest, run_cluster

    def test_the_pod_is_accepted():
        '''the API server accepts your Pod'''
        cluster = run_cluster(load_learner_manifest("pod.yaml"))
        pod = cluster.get("pod", "hello")
        expect_field(pod, "spec.containers[0].image").to_equal("nginx:1.27", because="...")

Every failure goes through :func:`fail`, which calls ``pytest.fail(..., pytrace=False)``: the learner
sees the message, never pytest's internals. A message says what was expected, what happened, for a
pod its ``kubectl describe`` and events (and its timeline once the sandbox records one), then the
hint command and the command that reproduces the run (every run with the same seed is the same).
"""

from __future__ import annotations

import contextlib
import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import pytest
import yaml

from sandbox import Cluster, WaitTimeout
from sandbox.api import manifests
from sandbox.errors import Invalid, NotFound, StatusError

try:  # kubectl's own printers, when the sandbox has them
    from sandbox.kubectl import run as _kubectl_run  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - depends on the sandbox's progress
    _kubectl_run = None

try:  # each pod's lifecycle on virtual time, when the sandbox records it
    from sandbox.timeline import TimelineRecorder
    from sandbox.timeline.text import render_text as _render_timeline
except ImportError:  # pragma: no cover - depends on the sandbox's progress
    TimelineRecorder = None  # type: ignore[assignment,misc]
    _render_timeline = None  # type: ignore[assignment]

__all__ = [
    "fail",
    "exercise_dir",
    "load_learner_manifest",
    "LearnerManifest",
    "run_cluster",
    "apply_manifests",
    "expect",
    "expect_field",
    "expect_pod",
    "expect_status",
    "expect_selection",
    "describe_pod",
    "field_value",
    "load_prediction",
    "one_of",
    "list_of",
    "without_log_excerpts",
    "PodRef",
]

_MISSING = object()

#: A pod in a failure message: ``(cluster, name)`` or ``(cluster, name, namespace)``.
PodRef = tuple[Cluster, str] | tuple[Cluster, str, str]


# ------------------------------------------------------------------------------------ context


@dataclass
class _Context:
    folder: Path | None = None
    seed: int | None = None


_ctx = _Context()
_clusters: list[Cluster] = []
_recorders: dict[int, Any] = {}


def begin_test(test_file: Path) -> None:
    """Called by ``exercises/conftest.py`` before each test: which exercise is running."""
    _ctx.folder = Path(test_file).resolve().parent
    _ctx.seed = None


def end_test() -> None:
    """Called by ``exercises/conftest.py`` after each test: close every cluster it started."""
    while _clusters:
        _clusters.pop().close()
    _recorders.clear()
    _ctx.seed = None


def exercise_dir() -> Path:
    """The folder of the exercise being tested (where the learner's files are)."""
    if _ctx.folder is not None:
        return _ctx.folder
    for frame in inspect.stack():
        name = Path(frame.filename).name
        if name.startswith("test_") and name.endswith(".py"):
            return Path(frame.filename).resolve().parent
    return Path.cwd()


def _number() -> str:
    m = re.match(r"^(\d+)-", exercise_dir().name)
    return str(int(m.group(1))) if m else exercise_dir().name


def _footer() -> str:
    n = _number()
    seed = "" if _ctx.seed is None else f" (seed {_ctx.seed}: the same run every time)"
    return f"Stuck? `podlab hint {n}` shows a hint.  Re-run: `podlab check {n}`{seed}."


# ------------------------------------------------------------------------------------ failing


def fail(message: str, *, pod: PodRef | None = None, footer: bool = True) -> NoReturn:
    """Fail the current test with ``message`` (plus the pod's state and the footer).

    ``pod`` is ``(cluster, name)`` or ``(cluster, name, namespace)``: its ``kubectl describe``,
    logs and timeline follow the message."""
    parts = [message.rstrip()]
    if pod is not None:
        parts.append(describe_pod(*pod))
    if footer:
        parts.append(_footer())
    pytest.fail("\n\n".join(parts), pytrace=False)


def _show(value: Any) -> str:
    if value is _MISSING:
        return "(not set)"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, (dict, list)):
        return yaml.safe_dump(value, default_flow_style=True, sort_keys=False).strip()
    if value is None:
        return "(not set)"
    return str(value)


def _expected_got(expected: str, got: str, because: str | None) -> str:
    lines = [f"  expected: {expected}", f"  got:      {got}"]
    if because:
        lines.append(f"  why:      {because}")
    return "\n".join(lines)


# ------------------------------------------------------------------------------------ files


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(exercise_dir().parent.parent))
    except ValueError:
        return str(path)


def _yaml_context(text: str, line: int) -> str:
    lines = text.splitlines()
    out = []
    for i in range(max(1, line - 2), min(len(lines), line + 1) + 1):
        mark = ">" if i == line else " "
        out.append(f"  {mark} {i:3d} | {lines[i - 1]}")
    return "\n".join(out)


class LearnerManifest(list):  # type: ignore[type-arg]
    """The objects of one learner file (a list of dicts) that remembers the file's name."""

    filename: str = ""


def load_learner_manifest(filename: str = "pod.yaml") -> LearnerManifest:
    """The learner's manifest file (in the exercise folder) as a list of object dicts.

    A YAML mistake fails with the file, the line and the lines around it; an empty file (or only
    comments) fails asking for a manifest.
    """
    path = exercise_dir() / filename
    if not path.is_file():
        fail(f"{_rel(path)} does not exist: create it (the README says what goes in it).")
    text = path.read_text(encoding="utf-8")
    msg = None
    try:
        docs = manifests.load_dicts(text)
    except manifests.ManifestError as e:
        line = e.line
        detail = str(e)
        m = re.search(r"yaml: line (\d+): (.*)$", detail)
        if m:
            line, detail = int(m.group(1)), m.group(2)
        msg = f"{_rel(path)}" + (f", line {line}" if line else "") + f": the YAML cannot be read: {detail}"
        if line:
            msg += "\n\n" + _yaml_context(text, line)
        msg += (
            "\n\nYAML nests by indentation (spaces, never tabs): keys of one mapping line up, and a "
            "list item starts with `- `."
        )
    if msg is not None:
        fail(msg)
    if not docs:
        fail(f"{_rel(path)} holds no manifest yet: replace the TODO with one (see README.md).")
    out = LearnerManifest(docs)
    out.filename = filename
    return out


# ------------------------------------------------------------------------------------ clusters


def _kubectl_error(e: StatusError, source: str | None) -> str:
    """The line ``kubectl apply -f SOURCE`` prints for a refused create (``AddSourceToErr``
    prefixes the API message; ``The Pod "x" is invalid`` is printed from the status details)."""
    if isinstance(e, Invalid) or not source:
        return e.kubectl()
    return f'Error from server ({e.reason or "InternalError"}): error when creating "{source}": {e.message}'


def apply_manifests(cluster: Cluster, docs: Any, source: str | None = None) -> list[Any]:
    """``kubectl apply`` ``docs`` to ``cluster``; a refusal fails with kubectl's exact words.

    ``source`` is the file name kubectl would mention; :func:`load_learner_manifest`'s result
    carries its own."""
    source = source or getattr(docs, "filename", None)
    what = source or "your manifest"
    problem = None
    try:
        return cluster.apply(list(docs) if isinstance(docs, LearnerManifest) else docs)
    except StatusError as e:
        printed = _kubectl_error(e, source)
        advice = (
            "The API server checks every field before it stores anything. Its message names the "
            "field (a path like spec.containers[0].image) and what is wrong with it."
        )
        if isinstance(e, Invalid) and "is invalid: [" in printed:
            advice += " There are several problems here: they are listed in [brackets], separated by commas."
        problem = f"The API server refused {what}. `kubectl apply -f {source or '...'}` would print:\n\n  {printed}\n\n{advice}"
    except manifests.ManifestError as e:
        problem = f"kubectl could not read {what}: {e}"
    fail(problem)


def run_cluster(docs: Any = None, nodes: int = 1, seed: int = 0) -> Cluster:
    """A fresh cluster (``nodes`` nodes, seeded) with ``docs`` applied; closed after the test."""
    cluster = Cluster(nodes=nodes, seed=seed)
    _clusters.append(cluster)
    _ctx.seed = seed
    if TimelineRecorder is not None and not callable(getattr(cluster, "timeline", None)):
        _recorders[id(cluster)] = TimelineRecorder(cluster.api, cluster.clock)
    if docs is not None:
        apply_manifests(cluster, docs)
    return cluster


# ------------------------------------------------------------------------------------ describe


def _age(cluster: Cluster, ts: Any) -> str:
    if ts is None:
        return "<unknown>"
    secs = int((cluster.now() - ts).total_seconds())
    if secs < 120:
        return f"{max(secs, 0)}s"
    if secs < 3600:
        return f"{secs // 60}m{secs % 60}s" if secs < 600 else f"{secs // 60}m"
    return f"{secs // 3600}h{(secs % 3600) // 60}m"


def _events_table(cluster: Cluster, name: str, namespace: str) -> str:
    evs = cluster.events("pod", name, namespace=namespace)
    if not evs:
        return "Events:  <none>"
    rows = [("Type", "Reason", "Age", "From", "Message"), ("----", "------", "----", "----", "-------")]
    for e in evs:
        src = getattr(getattr(e, "source", None), "component", None) or getattr(e, "reportingComponent", "") or ""
        rows.append((e.type or "", e.reason or "", _age(cluster, e.lastTimestamp or e.firstTimestamp), src, e.message or ""))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    return "Events:\n" + "\n".join(
        "  " + "  ".join(r[i].ljust(widths[i]) for i in range(4)) + "  " + r[4] for r in rows
    )


def _state_text(state: Any) -> list[str]:
    if state is None:
        return ["State:          Waiting"]
    for kind in ("running", "waiting", "terminated"):
        s = getattr(state, kind, None)
        if s is not None:
            out = [f"State:          {kind.capitalize()}"]
            for attr in ("reason", "message", "exitCode"):
                v = getattr(s, attr, None)
                if v is not None:
                    out.append(f"  {attr[0].upper() + attr[1:]}:{' ' * (14 - len(attr))}{v}")
            return out
    return ["State:          Waiting"]


def _fallback_describe(cluster: Cluster, pod: Any) -> str:
    md, spec, st = pod.metadata, pod.spec, pod.status
    labels = md.labels or {}
    lines = [
        f"Name:             {md.name}",
        f"Namespace:        {md.namespace}",
        f"Node:             {spec.nodeName or '<none>'}",
        "Labels:           " + ("\n                  ".join(f"{k}={v}" for k, v in labels.items()) or "<none>"),
        f"Status:           {(st.phase if st else None) or 'Pending'}",
    ]
    if st is not None and st.reason:
        lines.append(f"Reason:           {st.reason}")
    if st is not None and st.message:
        lines.append(f"Message:          {st.message}")
    lines.append("Containers:")
    statuses = {c.name: c for c in ((st.containerStatuses if st else None) or [])}
    for c in spec.containers:
        lines.append(f"  {c.name}:")
        lines.append(f"    Image:          {c.image}")
        if c.ports:
            lines.append("    Port:           " + ", ".join(f"{p.containerPort}/{p.protocol or 'TCP'}" for p in c.ports))
        if c.command:
            lines.append(f"    Command:        {' '.join(c.command)}")
        cs = statuses.get(c.name)
        for s in _state_text(cs.state if cs else None):
            lines.append("    " + s)
        if cs is not None:
            lines.append(f"    Ready:          {cs.ready}")
            lines.append(f"    Restart Count:  {cs.restartCount}")
    conds = (st.conditions if st else None) or []
    if conds:
        lines.append("Conditions:")
        lines.append("  Type              Status")
        lines.extend(f"  {c.type:<17} {c.status}" for c in conds)
    lines.append(_events_table(cluster, md.name, md.namespace or "default"))
    return "\n".join(lines)


def describe_pod(cluster: Cluster, name: str, namespace: str = "default") -> str:
    """``kubectl describe pod NAME`` (with events) and, when the sandbox records one, the pod's
    timeline; indented, ready to append to a failure message."""
    try:
        pod = cluster.get("pod", name, namespace=namespace)
    except NotFound:
        return f"There is no pod named {name!r} in namespace {namespace!r}."
    if _kubectl_run is not None:
        text = str(_kubectl_run(cluster, f"describe pod {name} -n {namespace}"))
    else:
        text = _fallback_describe(cluster, pod)
    out = [f"$ kubectl describe pod {name}{_ns_flag(namespace)}", *("  " + ln if ln else "" for ln in text.rstrip().splitlines())]
    out += _pending_text(cluster, pod)
    out += _logs_text(cluster, pod)
    tl = _timeline_text(cluster, name, namespace)
    if tl:
        out += ["", f"The life of pod {name} on virtual time:", *("  " + ln for ln in tl.splitlines())]
    return "\n".join(out)


def _ns_flag(namespace: str) -> str:
    return "" if namespace == "default" else f" -n {namespace}"


def _pending_text(cluster: Cluster, pod: Any) -> list[str]:
    """For a pod no node took yet: the scheduler's verdict node by node
    (``sandbox.scheduler.why_pending``), which says more than the event's one line."""
    if pod.spec.nodeName or pod.metadata.deletionTimestamp is not None:
        return []
    try:
        from sandbox.scheduler import why_pending

        text = why_pending(cluster.api, pod)
    except Exception:  # noqa: BLE001 - the explanation is a bonus in a failure message, never its cause
        return []
    return ["", "Why is it Pending? The scheduler's filters, node by node (sandbox.scheduler.why_pending):",
            *("  " + ln for ln in text.rstrip().splitlines())]


def _logs_text(cluster: Cluster, pod: Any, tail: int = 10) -> list[str]:
    """``kubectl logs`` of each container that has run (``--previous`` after a restart): what a
    crashing program said last is usually the answer."""
    logs = getattr(cluster, "logs", None)
    if not callable(logs):
        return []
    out: list[str] = []
    name, ns = pod.metadata.name, pod.metadata.namespace or "default"
    statuses = list((pod.status.initContainerStatuses if pod.status else None) or []) + list(
        (pod.status.containerStatuses if pod.status else None) or []
    )
    for cs in statuses:
        previous = bool(cs.restartCount)
        ran = previous or (cs.state is not None and (cs.state.running or cs.state.terminated) is not None)
        if not ran:
            continue
        try:
            text = logs(name, container=cs.name, namespace=ns, previous=previous, tail=tail)
        except Exception:  # noqa: BLE001 - logs are a bonus in a failure message, never its cause
            continue
        cmd = f"$ kubectl logs {name}{_ns_flag(ns)} -c {cs.name}" + (" --previous" if previous else "") + f" --tail={tail}"
        out += ["", cmd, *("  " + ln for ln in (text.rstrip().splitlines() or ["(no output)"]))]
    return out


def _timeline_text(cluster: Cluster, name: str, namespace: str) -> str:
    """The pod's timeline drawn as text, from the cluster's own recorder or the one
    :func:`run_cluster` started; empty when neither exists."""
    own = getattr(cluster, "timeline", None)
    recorder = _recorders.get(id(cluster))
    try:
        if callable(own):
            tl = own(f"pod/{name}", namespace=namespace)
        elif recorder is not None:
            tl = recorder.timeline(namespace, name)
        else:
            return ""
    except Exception:  # noqa: BLE001 - the timeline is a bonus in a failure message, never its cause
        return ""
    if _render_timeline is not None and not isinstance(tl, str):
        return _render_timeline(tl, width=100).rstrip()
    return str(tl).rstrip()


# ------------------------------------------------------------------------------------ values


_PATH_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def field_value(obj: Any, path: str) -> Any:
    """The value at a kubectl-style path (``spec.containers[0].ports[0].containerPort``) of a
    model or dict, as Kubernetes JSON; a missing field gives ``None``."""
    cur: Any = obj.to_dict() if hasattr(obj, "to_dict") else obj
    for key, index in _PATH_PART.findall(path):
        if key:
            if not isinstance(cur, dict) or key not in cur:
                return None
            cur = cur[key]
        else:
            i = int(index)
            if not isinstance(cur, list) or i >= len(cur):
                return None
            cur = cur[i]
    return cur


class Expectation:
    """``expect(value)``: compare one value, failing with expected, got and why."""

    def __init__(self, value: Any, what: str | None = None, pod: PodRef | None = None) -> None:
        self.value = value
        self.what = what
        self.pod = pod

    def _fail(self, expected: str, got: str, because: str | None) -> NoReturn:
        head = f"Not as expected: {self.what}." if self.what else "A value is not as expected."
        fail(head + "\n\n" + _expected_got(expected, got, because), pod=self.pod)

    def to_equal(self, expected: Any, because: str | None = None) -> Any:
        """Pass when the value equals ``expected``."""
        if self.value != expected:
            self._fail(_show(expected), _show(self.value), because)
        return self.value

    def to_be_one_of(self, options: list[Any], because: str | None = None) -> Any:
        if self.value not in options:
            self._fail("one of " + ", ".join(_show(o) for o in options), _show(self.value), because)
        return self.value

    def to_contain(self, item: Any, because: str | None = None) -> Any:
        """Pass when the value (a string, list or dict) contains ``item``."""
        if self.value is None or item not in self.value:
            self._fail(f"something containing {_show(item)}", _show(self.value), because)
        return self.value

    def to_include_labels(self, labels: dict[str, str], because: str | None = None) -> Any:
        """Pass when the value (a label map) has every ``key: value`` of ``labels``."""
        have = self.value or {}
        missing = {k: v for k, v in labels.items() if have.get(k) != v}
        if missing:
            self._fail(
                "labels including " + ", ".join(f"{k}: {v}" for k, v in labels.items()),
                ", ".join(f"{k}: {v}" for k, v in have.items()) or "no labels",
                because,
            )
        return self.value


def expect(value: Any, what: str | None = None, *, pod: PodRef | None = None) -> Expectation:
    """Start a check on ``value``; ``what`` names it in the message (``"the pod's image"``);
    with ``pod`` (``(cluster, name[, namespace])``) a failure also shows that pod's describe,
    logs and timeline."""
    return Expectation(value, what, pod=pod)


def expect_field(obj: Any, path: str) -> Expectation:
    """Check one field of a stored object by its kubectl path; the message names the object
    and the path: ``pod "hello": spec.containers[0].image``."""
    kind = (getattr(obj, "kind", None) or "object").lower()
    name = getattr(getattr(obj, "metadata", None), "name", None)
    what = f'{kind} "{name}": {path}' if name else path
    return Expectation(field_value(obj, path), what)


# ------------------------------------------------------------------------------------ pods


def _pod_summary(pod: Any) -> str:
    """``phase Running, sidecar shipper running, container app waiting: CrashLoopBackOff, 3
    restart(s)``: the phase and each container's state, init containers first."""
    st = pod.status
    phase = (st.phase if st else None) or "Pending"
    parts = [f"phase {phase}"]
    sidecars = {c.name for c in pod.spec.initContainers or [] if c.restartPolicy == "Always"}
    init = [("sidecar" if cs.name in sidecars else "init container", cs) for cs in (st.initContainerStatuses if st else None) or []]
    main = [("container", cs) for cs in (st.containerStatuses if st else None) or []]
    for kind, cs in init + main:
        state = cs.state
        if state is not None and state.waiting is not None:
            parts.append(f"{kind} {cs.name} waiting: {state.waiting.reason}")
        elif state is not None and state.terminated is not None:
            parts.append(f"{kind} {cs.name} terminated: {state.terminated.reason} (exit code {state.terminated.exitCode})")
        elif state is not None and state.running is not None:
            not_ready = kind != "init container" and not cs.ready
            parts.append(f"{kind} {cs.name} running{', not ready' if not_ready else ''}")
        if cs.restartCount:
            parts.append(f"{cs.restartCount} restart(s)")
    return ", ".join(parts)


def _matches_state(pod: Any, state: str) -> bool:
    st = pod.status
    if st is None:
        return False
    if st.phase == state:
        return True
    for c in st.conditions or []:
        if c.type == state and c.status == "True":
            return True
    for cs in st.containerStatuses or []:
        s = cs.state
        if s is not None and s.waiting is not None and s.waiting.reason == state:
            return True
        if s is not None and s.terminated is not None and s.terminated.reason == state:
            return True
    return False


class PodExpectation:
    """``expect_pod(cluster, name)``: checks on one pod, failing with its describe and events."""

    def __init__(self, cluster: Cluster, name: str, namespace: str = "default") -> None:
        self.cluster = cluster
        self.name = name
        self.namespace = namespace

    def to_exist(self) -> Any:
        """The pod, or a failure listing the pods that do exist."""
        try:
            return self.cluster.get("pod", self.name, namespace=self.namespace)
        except NotFound:
            pass
        names = [p.metadata.name for p in self.cluster.list("pods", namespace=self.namespace)]
        where = "" if self.namespace == "default" else f" in namespace {self.namespace}"
        fail(
            f'There is no pod named "{self.name}"{where}.\n\n'
            + _expected_got(
                f'a pod named "{self.name}"{where}',
                ", ".join(f'"{n}"' for n in names) or "no pods at all",
                "tests find a pod by its metadata.name" + (" and metadata.namespace" if where else ""),
            )
        )

    def to_be(self, state: str, within: float = 60) -> Any:
        """Wait up to ``within`` virtual seconds for a phase (``Running``), a condition
        (``Ready``) or a container reason (``CrashLoopBackOff``, ``Completed``)."""
        self.to_exist()
        try:
            return self.cluster.wait_for(f"pod/{self.name}", lambda p: _matches_state(p, state), timeout=within, namespace=self.namespace)
        except WaitTimeout:
            pass
        pod = self.cluster.get("pod", self.name, namespace=self.namespace)
        head = (
            f'Timed out: pod "{self.name}" was not {state} after {within:g} seconds (virtual time).'
            if within > 0
            else f'Not as expected: pod "{self.name}" is not {state}.'
        )
        fail(
            head + "\n\n" + _expected_got(state, _pod_summary(pod), None),
            pod=(self.cluster, self.name, self.namespace),
        )

    def to_be_scheduled(self, within: float = 30) -> Any:
        """Wait up to ``within`` virtual seconds for the scheduler to bind the pod to a node; a
        failure quotes the PodScheduled condition and explains, node by node, why none fits."""
        self.to_exist()
        try:
            return self.cluster.wait_for(
                f"pod/{self.name}", lambda p: bool(p.spec.nodeName), timeout=within, namespace=self.namespace
            )
        except WaitTimeout:
            pass
        pod = self.cluster.get("pod", self.name, namespace=self.namespace)
        cond = next((c for c in (pod.status.conditions if pod.status else None) or [] if c.type == "PodScheduled"), None)
        got = "no PodScheduled condition yet" if cond is None else (
            f"PodScheduled {cond.status}" + (f", reason {cond.reason}" if cond.reason else "")
            + (f": {cond.message}" if cond.message else "")
        )
        fail(
            f'Timed out: no node took pod "{self.name}" within {within:g} seconds (virtual time): it is still Pending.\n\n'
            + _expected_got("a node (spec.nodeName set by the scheduler)", got, None),
            pod=(self.cluster, self.name, self.namespace),
        )

    def field(self, path: str) -> Expectation:
        """Check one field of the pod, with its describe in the failure message."""
        pod = self.to_exist()
        return Expectation(field_value(pod, path), f'pod "{self.name}": {path}', pod=(self.cluster, self.name, self.namespace))


def expect_pod(cluster: Cluster, name: str, namespace: str = "default") -> PodExpectation:
    """Start checks on pod ``name``."""
    return PodExpectation(cluster, name, namespace)


def expect_status(cluster: Cluster, name: str, *, within: float = 0, namespace: str = "default", **fields: Any) -> Any:
    """Check ``status`` fields of pod ``name`` (``phase="Running"``, ``podIP=...``), waiting up to
    ``within`` virtual seconds for all of them to hold."""
    pe = PodExpectation(cluster, name, namespace)
    pod = pe.to_exist()

    def holds(p: Any) -> bool:
        return all(field_value(p, f"status.{k}") == v for k, v in fields.items())

    if within > 0 and not holds(pod):
        with contextlib.suppress(WaitTimeout):
            cluster.wait_for(f"pod/{name}", holds, timeout=within, namespace=namespace)
        pod = cluster.get("pod", name, namespace=namespace)
    if not holds(pod):
        wrong = {k: v for k, v in fields.items() if field_value(pod, f"status.{k}") != v}
        timed = f" after {within:g} seconds (virtual time): this is a timeout" if within > 0 else ""
        fail(
            f'Pod "{name}" does not have the expected status{timed}.\n\n'
            + _expected_got(
                ", ".join(f"status.{k} = {_show(v)}" for k, v in wrong.items()),
                ", ".join(f"status.{k} = {_show(field_value(pod, f'status.{k}'))}" for k in wrong),
                None,
            ),
            pod=(cluster, name, namespace),
        )
    return pod


# ------------------------------------------------------------------------------------ selectors


def _show_labels(cluster: Cluster, namespace: str) -> str:
    pods = cluster.list("pods", namespace=namespace)
    if not pods:
        return "There are no pods at all."
    rows = [("NAME", "LABELS")] + [
        (p.metadata.name, ",".join(f"{k}={v}" for k, v in sorted((p.metadata.labels or {}).items())) or "<none>")
        for p in pods
    ]
    width = max(len(r[0]) for r in rows)
    return "$ kubectl get pods --show-labels\n" + "\n".join(f"  {r[0].ljust(width)}   {r[1]}" for r in rows)


class SelectionExpectation:
    """``expect_selection(cluster, "app=shop")``: which pods a label selector lists."""

    def __init__(self, cluster: Cluster, selector: str, namespace: str = "default") -> None:
        self.cluster = cluster
        self.selector = selector
        self.namespace = namespace

    def to_be(self, names: list[str], because: str | None = None) -> list[Any]:
        """Pass when the selector lists exactly the pods ``names`` (in any order)."""
        pods = self.cluster.list("pods", namespace=self.namespace, selector=self.selector)
        got = sorted(p.metadata.name for p in pods)
        if got != sorted(names):
            fail(
                f"`kubectl get pods -l {self.selector}` does not list the right pods.\n\n"
                + _expected_got(", ".join(sorted(names)) or "no pods", ", ".join(got) or "no pods", because)
                + "\n\n"
                + _show_labels(self.cluster, self.namespace)
            )
        return pods


def expect_selection(cluster: Cluster, selector: str, namespace: str = "default") -> SelectionExpectation:
    """Start a check on what the label selector ``selector`` lists (as ``kubectl get pods -l``)."""
    return SelectionExpectation(cluster, selector, namespace)


# ------------------------------------------------------------------------------------ predictions


Check = Callable[[Any], "str | None"]


def one_of(*options: Any) -> Check:
    """An answer that must be one of ``options`` (``one_of("succeeds", "fails")``)."""

    def check(value: Any) -> str | None:
        if any(type(value) is type(o) and value == o for o in options):  # true is not 1
            return None
        return "should be one of " + ", ".join(str(o) for o in options)

    check.__doc__ = "one of " + ", ".join(str(o) for o in options)
    return check


def list_of(*options: Any) -> Check:
    """An answer that must be a list whose items are each one of ``options`` (spelling and case
    count): ``list_of("Scheduled", "Pulling", ...)``."""

    def check(value: Any) -> str | None:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return f"should be a list like [{', '.join(str(o) for o in options[:2])}]"
        unknown = [v for v in value if v not in options]
        if unknown:
            return f"lists {', '.join(unknown)}, which is not one of {', '.join(str(o) for o in options)} (spelling and case count)"
        return None

    return check


def _check_kind(kind: Any, value: Any) -> str | None:
    """Why ``value`` is not an answer of ``kind`` (``int``, ``float``, ``bool``, ``str``, a tuple
    of options, or a check function), or ``None``."""
    if kind is int:
        return None if isinstance(value, int) and not isinstance(value, bool) else "should be a whole number"
    if kind is float:
        return None if isinstance(value, (int, float)) and not isinstance(value, bool) else "should be a number"
    if kind is bool:
        return None if isinstance(value, bool) else "should be true or false"
    if kind is str:
        return None if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value).strip() else "should be a word or a short text"
    if isinstance(kind, (tuple, list)):
        return one_of(*kind)(value)
    if callable(kind):
        return kind(value)
    raise TypeError(f"load_prediction: unknown answer kind {kind!r}")


def _lookup(data: Any, dotted: str) -> tuple[Any, str | None]:
    """The value at ``a.b`` in nested mappings, or (None, the section that is missing)."""
    cur = data
    parts = dotted.split(".")
    for i, part in enumerate(parts):
        if not isinstance(cur, dict):  # a section that is not a mapping
            return _MISSING, ".".join(parts[:i])
        if part not in cur:
            return _MISSING, (".".join(parts[: i + 1]) if i < len(parts) - 1 else None)
        cur = cur[part]
    return cur, None


#: What a shipped prediction file holds where an answer goes.
_PLACEHOLDERS = ("?", "TODO")


def load_prediction(answers: dict[str, Any], filename: str = "prediction.yaml") -> dict[str, Any]:
    """The learner's predictions, read from ``filename`` in the exercise folder and checked for
    shape before any cluster runs.

    ``answers`` maps each answer's key (``"never"``, or ``"on-failure.phase"`` inside a section)
    to its kind: ``int``, ``float`` (any number), ``bool``, ``str``, a tuple of allowed values, or
    a check from :func:`one_of` / :func:`list_of` (or any ``check(value) -> problem | None``).

    Fails, naming the file and the key, when the file cannot be read as YAML (an unquoted ``?``
    is pointed out as such), when an answer is missing or still a placeholder (``"?"``,
    ``TODO``), or when it has the wrong shape. Returns the whole mapping as YAML gives it.
    """
    path = exercise_dir() / filename
    if not path.is_file():
        fail(f"{filename} does not exist: it is where your predictions go (see README.md).")
    text = path.read_text(encoding="utf-8")
    problem = None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        data = None
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        what = getattr(e, "problem", None) or str(e)
        problem = f"{filename}" + (f", line {line}" if line else "") + f": the YAML cannot be read: {what}"
        if line:
            problem += "\n\n" + _yaml_context(text, line)
            bad = text.splitlines()[line - 1] if line <= len(text.splitlines()) else ""
            if re.search(r":\s*\?\s*(#.*)?$", bad):
                problem += (
                    '\n\nA bare ? means something else in YAML: keep the placeholder quoted ("?") until '
                    "you replace it with your answer."
                )
    if problem is not None:
        fail(problem)
    keys = list(answers)
    if not isinstance(data, dict):
        fail(f"{filename} should be a mapping with your answers for: {', '.join(keys)}. Start again from "
             f"the file as shipped (`podlab reset {_number()}`) if its shape got lost.")
    for key, kind in answers.items():
        value, missing_section = _lookup(data, key)
        if missing_section is not None:
            fail(f"{filename}: the section `{missing_section}:` is missing or is not a mapping of answers.")
        if value is _MISSING or value is None:
            fail(f"{filename}: `{key}` has no answer: write your prediction.")
        if value in _PLACEHOLDERS:
            fail(f"{filename}: `{key}` is still `{value}`: write your prediction.")
        why = _check_kind(kind, value)
        if why is not None:
            fail(f"{filename}: `{key}` {why}, not {_show(value)}.")
    return data


# ------------------------------------------------------------------------------------ log excerpts


_LOGS_HEADER = re.compile(r"^(\s*)(?:t=\S+\s+)?\$ kubectl logs ")


def without_log_excerpts(message: str) -> str:
    """``message`` without the containers' own output it quotes: each block under a
    ``$ kubectl logs ...`` line, indented deeper than that line.

    What a container printed (a Python image's crash traceback, say) belongs in a learner's
    failure; what the test harness itself raised does not. The project's proofs look for Python
    internals in what is left."""
    out: list[str] = []
    depth: int | None = None
    for line in message.splitlines():
        if depth is not None:
            if not line.strip() or len(line) - len(line.lstrip()) > depth:
                continue
            depth = None
        m = _LOGS_HEADER.match(line)
        if m:
            depth = len(m.group(1))
        out.append(line)
    return "\n".join(out)
