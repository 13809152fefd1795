"""``TimelineRecorder``: remembers what happened to every Pod, on the virtual clock.

The recorder is an ordinary API client, like ``kubectl get pods -w``: it watches pods and events in
all namespaces through the API server (with handlers, so it runs on the clock and never
re-entrantly) and keeps, per pod uid,

* the pod's status at each moment it *changed* (a compact, immutable snapshot of the phase, the
  pod's reason, its conditions and every container status), stamped with the virtual time at which
  the API server stored it; identical consecutive statuses are stored once, so a kubelet that
  rewrites the same status every ten seconds costs nothing;
* every occurrence of every Event about the pod (an Event whose ``count`` goes up is a new
  occurrence at that moment);
* notes other parts add with :meth:`TimelineRecorder.note` (the prober records probe results there).

:meth:`TimelineRecorder.timeline` turns one pod's history into a :class:`~sandbox.timeline.model.Timeline`.
"""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, NamedTuple

from sandbox.errors import NotFound

__all__ = [
    "TimelineRecorder",
    "PodHistory",
    "PodState",
    "ContainerSnap",
    "EventRecord",
    "Note",
    "MAX_SNAPSHOTS_PER_POD",
    "MAX_OCCURRENCES_PER_EVENT",
    "MAX_NOTES_PER_POD",
    "MAX_DELETED_PODS",
]

#: Status transitions kept per pod; older ones are dropped first (the timeline says so).
MAX_SNAPSHOTS_PER_POD = 5_000
#: Occurrences kept per Event object (a BackOff event may count up for hours).
MAX_OCCURRENCES_PER_EVENT = 500
#: Runs of notes kept per pod.
MAX_NOTES_PER_POD = 2_000
#: Deleted pods whose history is kept (the oldest deleted are forgotten first).
MAX_DELETED_PODS = 10_000

_intern = sys.intern


def _s(v: Any) -> str | None:
    """Intern a string (many snapshots share the same few reasons and names)."""
    return _intern(v) if isinstance(v, str) else None


class ContainerSnap(NamedTuple):
    """One container's status at one moment (``status.*ContainerStatuses[i]``, the parts that show)."""

    group: str  # "init", "main" or "ephemeral": which status list it came from
    name: str
    state: str  # "waiting", "running", "terminated" or "" (no state reported)
    reason: str | None
    message: str | None
    exit_code: int | None
    signal: int | None
    ready: bool
    started: bool | None
    restart_count: int
    started_at: str | None
    finished_at: str | None


class PodState(NamedTuple):
    """A pod's status at one moment: what the timeline draws."""

    phase: str | None
    reason: str | None
    message: str | None
    deleting: bool
    node: str | None
    conditions: tuple[tuple[str, str, str | None, str | None], ...]  # (type, status, reason, message)
    containers: tuple[ContainerSnap, ...]


@dataclass
class EventRecord:
    """One core/v1 Event about a pod, with the virtual times at which it (re)occurred."""

    name: str
    type: str
    reason: str
    message: str
    field_path: str | None
    source: str
    count: int
    occurrences: deque[float]
    first_time: float
    last_time: float


@dataclass
class Note:
    """A run of identical notes (``kind``, ``lane``, ``text``) from ``first`` to ``last``."""

    lane: str
    text: str
    kind: str
    first: float
    last: float
    count: int = 1


@dataclass
class PodHistory:
    """Everything the recorder keeps about one pod (by uid). Times are Unix seconds on the clock."""

    uid: str
    namespace: str
    name: str
    created: float
    containers: tuple[tuple[str, str], ...] = ()  # (kind, name) from the spec, in lane order
    snapshots: deque[tuple[float, PodState]] = field(default_factory=lambda: deque(maxlen=MAX_SNAPSHOTS_PER_POD))
    dropped_snapshots: int = 0
    events: dict[str, EventRecord] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    deleted: float | None = None
    resource_version: int = 0

    @property
    def key(self) -> tuple[str, str]:
        return (self.namespace, self.name)


def _parse_time(s: Any) -> float | None:
    if not s:
        return None
    if isinstance(s, datetime):
        return s.timestamp()
    try:
        return datetime.strptime(str(s), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).timestamp()
    except ValueError:
        return None


def _raw(ev: Any) -> dict[str, Any]:
    """The stored JSON of a watch event without copying it (the store never changes it)."""
    raw = getattr(ev, "_raw", None)
    return raw if raw is not None else ev.raw()


def container_lanes(spec: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """``(kind, name)`` for every container of a pod spec: init, sidecar, main, ephemeral, in order."""
    out: list[tuple[str, str]] = []
    for c in spec.get("initContainers") or ():
        out.append(("sidecar" if c.get("restartPolicy") == "Always" else "init", _intern(c.get("name", ""))))
    for c in spec.get("containers") or ():
        out.append(("main", _intern(c.get("name", ""))))
    for c in spec.get("ephemeralContainers") or ():
        out.append(("ephemeral", _intern(c.get("name", ""))))
    return tuple(out)


def _container_snap(group: str, cs: dict[str, Any]) -> ContainerSnap:
    state = cs.get("state") or {}
    kind, detail = "", {}
    for k in ("terminated", "running", "waiting"):
        if k in state:
            kind, detail = k, state[k] or {}
            break
    return ContainerSnap(
        group,
        _intern(cs.get("name", "")),
        kind,
        _s(detail.get("reason")),
        detail.get("message"),
        detail.get("exitCode"),
        detail.get("signal"),
        bool(cs.get("ready")),
        cs.get("started"),
        int(cs.get("restartCount") or 0),
        detail.get("startedAt"),
        detail.get("finishedAt"),
    )


def pod_state(d: dict[str, Any], previous: PodState | None = None) -> PodState:
    """The :class:`PodState` of a pod's JSON, sharing unchanged parts with ``previous``."""
    st = d.get("status") or {}
    conds = tuple(
        (_intern(c.get("type", "")), _intern(c.get("status", "")), _s(c.get("reason")), c.get("message"))
        for c in st.get("conditions") or ()
    )
    containers: list[ContainerSnap] = []
    for group, key in (("init", "initContainerStatuses"), ("main", "containerStatuses"),
                       ("ephemeral", "ephemeralContainerStatuses")):
        for cs in st.get(key) or ():
            containers.append(_container_snap(group, cs))
    meta = d.get("metadata") or {}
    state = PodState(
        _s(st.get("phase")),
        _s(st.get("reason")),
        st.get("message"),
        bool(meta.get("deletionTimestamp")),
        _s((d.get("spec") or {}).get("nodeName")),
        conds,
        tuple(containers),
    )
    if previous is not None:
        # share equal parts with the previous snapshot, so memory grows only by what changed
        if state.conditions == previous.conditions:
            state = state._replace(conditions=previous.conditions)
        if state.containers == previous.containers:
            state = state._replace(containers=previous.containers)
        else:
            old = {(c.group, c.name): c for c in previous.containers}
            state = state._replace(containers=tuple(
                old.get((c.group, c.name), c) if old.get((c.group, c.name)) == c else c for c in state.containers
            ))
    return state


class TimelineRecorder:
    """Watches pods and events through the API server and keeps each pod's history.

    Args:
        api: the :class:`~sandbox.apiserver.APIServer`.
        clock: the cluster's :class:`~sandbox.clock.Clock` (``now()`` stamps what is seen).
        start: start watching at once (default); otherwise call :meth:`start`.

    The recorder sees a change when the clock delivers its watch event, which happens at the
    virtual instant of the write; :meth:`timeline` also reads the pod once more, so a status
    written just now (before the clock ran) is included.
    """

    def __init__(self, api: Any, clock: Any, *, start: bool = True) -> None:
        self.api = api
        self.clock = clock
        self._pods: dict[str, PodHistory] = {}
        self._by_name: dict[tuple[str, str], str] = {}
        self._deleted: deque[str] = deque()
        self._event_rv: dict[tuple[str, str], int] = {}
        self._watches: list[Any] = []
        if start:
            self.start()

    # ------------------------------------------------------------------ watching

    def start(self) -> None:
        """Start watching pods and events in all namespaces (idempotent)."""
        if self._watches:
            return
        self._watches.append(self.api.watch("pods", None, handler=self._on_pod))
        self._watches.append(self.api.watch("events", None, handler=self._on_event))

    def stop(self) -> None:
        """Stop watching; what was recorded stays readable."""
        for w in self._watches:
            w.stop()
        self._watches.clear()

    @property
    def watching(self) -> bool:
        return bool(self._watches)

    def _history_for(self, uid: str, namespace: str, name: str, created: float) -> PodHistory:
        h = self._pods.get(uid)
        if h is None:
            h = PodHistory(uid, namespace, name, created)
            self._pods[uid] = h
            self._by_name[(namespace, name)] = uid
        return h

    def _on_pod(self, ev: Any) -> None:
        self._observe_pod(_raw(ev), ev.type == "DELETED", self.clock.now())

    def _observe_pod(self, d: dict[str, Any], deleted: bool, now: float) -> None:
        meta = d.get("metadata") or {}
        uid = meta.get("uid")
        if not uid:
            return
        rv = int(meta.get("resourceVersion") or 0)
        h = self._pods.get(uid)
        if h is None:
            created = _parse_time(meta.get("creationTimestamp"))
            # a pod created while we watch is seen at its creation instant, to the sub-second
            if created is None or now - created < 1.0:
                created = now
            h = self._history_for(uid, meta.get("namespace", ""), meta.get("name", ""), min(created, now))
        elif rv and rv <= h.resource_version and not deleted:
            return  # already seen (timeline() caught up before the watch event arrived)
        h.resource_version = max(h.resource_version, rv)
        lanes = container_lanes(d.get("spec") or {})
        if lanes != h.containers:
            h.containers = lanes
        previous = h.snapshots[-1][1] if h.snapshots else None
        state = pod_state(d, previous)
        if deleted:  # the removed object carries deletionTimestamp; "Terminating" is for pods still there
            state = state._replace(deleting=previous.deleting if previous is not None else False)
        if previous is None or state != previous:
            if len(h.snapshots) == h.snapshots.maxlen:
                h.dropped_snapshots += 1
            h.snapshots.append((now, state))
        if deleted and h.deleted is None:
            h.deleted = now
            self._deleted.append(uid)
            while len(self._deleted) > MAX_DELETED_PODS:
                old = self._pods.pop(self._deleted.popleft(), None)
                if old is not None and self._by_name.get(old.key) == old.uid:
                    del self._by_name[old.key]

    def _on_event(self, ev: Any) -> None:
        self._observe_event(_raw(ev), ev.type, self.clock.now())

    def _observe_event(self, d: dict[str, Any], typ: str, now: float) -> None:
        if typ == "DELETED":
            return  # events expire; what happened stays in the timeline
        io = d.get("involvedObject") or {}
        if io.get("kind") != "Pod":
            return
        meta = d.get("metadata") or {}
        ns = io.get("namespace") or meta.get("namespace") or "default"
        uid = io.get("uid") or self._by_name.get((ns, io.get("name", "")))
        if not uid:
            return
        ekey = (meta.get("namespace", ""), meta.get("name", ""))
        rv = int(meta.get("resourceVersion") or 0)
        if rv and rv <= self._event_rv.get(ekey, 0):
            return
        self._event_rv[ekey] = rv
        h = self._pods.get(uid)
        if h is None:
            h = self._history_for(uid, ns, io.get("name", ""), now)
        count = int(d.get("count") or 1)
        name = meta.get("name", "")
        rec = h.events.get(name)
        if rec is None:
            # an event that existed before we started watching happened at its lastTimestamp
            t = now
            last = _parse_time(d.get("lastTimestamp"))
            if last is not None and now - last >= 1.0:
                t = last
            src = d.get("source") or {}
            rec = EventRecord(
                name=name,
                type=_intern(d.get("type") or "Normal"),
                reason=_intern(d.get("reason") or ""),
                message=d.get("message") or "",
                field_path=_s(io.get("fieldPath")),
                source=_intern(src.get("component") or d.get("reportingComponent") or ""),
                count=count,
                occurrences=deque([t], maxlen=MAX_OCCURRENCES_PER_EVENT),
                first_time=t,
                last_time=t,
            )
            h.events[name] = rec
        elif count > rec.count:
            rec.count = count
            rec.occurrences.append(now)
            rec.last_time = now

    # ------------------------------------------------------------------ notes

    def note(self, pod_uid: str, time: float | None, lane: str, text: str, kind: str = "note") -> None:
        """Add a mark to a pod's timeline: ``lane`` is a container name (``"app"``), a lane name
        (``"main:app"``) or ``"pod"``; ``time`` is clock time (``clock.now()``; ``None`` for now);
        ``kind`` is ``"probe-ok"``, ``"probe-fail"`` or ``"note"`` (any word is kept).

        Identical consecutive notes (same lane, kind and text) are kept as one run with a count,
        so a probe that succeeds every ten seconds for a day costs one record.
        """
        if time is None:
            time = self.clock.now()
        h = self._pods.get(pod_uid)
        if h is None:
            raise KeyError(f"no pod with uid {pod_uid!r} has been seen")
        lane, text, kind = _intern(lane), text, _intern(kind)
        for n in reversed(h.notes):
            if n.lane == lane:
                if n.kind == kind and n.text == text:
                    n.last = max(n.last, time)
                    n.count += 1
                    return
                break
        h.notes.append(Note(lane, text, kind, time, time))
        if len(h.notes) > MAX_NOTES_PER_POD:
            del h.notes[0]

    # ------------------------------------------------------------------ reading

    def history(self, namespace: str | None = None, name: str | None = None, *, uid: str | None = None) -> PodHistory:
        """The raw :class:`PodHistory` of a pod (the latest pod of that name, or by ``uid``)."""
        if uid is None:
            if name is None:
                raise TypeError("give a namespace and a name, or uid=")
            ns = namespace or "default"
            self._catch_up(ns, name)
            uid = self._by_name.get((ns, name))
            if uid is None:
                raise NotFound.for_resource("pods", name, "")
            return self._pods[uid]
        h = self._pods.get(uid)
        if h is None:
            raise KeyError(f"no pod with uid {uid!r} has been seen")
        if h.deleted is None:
            self._catch_up(h.namespace, h.name)
        return h

    def timeline(self, namespace: str | None = None, name: str | None = None, *, uid: str | None = None) -> Any:
        """The :class:`~sandbox.timeline.model.Timeline` of pod ``namespace/name`` (or ``uid``).

        If the name was reused, the most recently created pod of that name is shown.
        Times in the timeline are virtual seconds since the pod was created.
        """
        from sandbox.timeline.model import build_timeline

        h = self.history(namespace, name, uid=uid)
        return build_timeline(h, self.clock.now())

    def _catch_up(self, namespace: str, name: str) -> None:
        """Read the pod and its events now, in case their watch events are still queued.

        Anything still queued was written at the current instant (the clock delivers handler
        events before time moves on), so stamping it ``now`` is exact.
        """
        now = self.clock.now()
        try:
            d = self.api.get_dict("pods", name, namespace)
        except NotFound:
            return
        self._observe_pod(d, False, now)
        uid = (d.get("metadata") or {}).get("uid")
        try:
            evs = self.api.list("events", namespace, field_selector=f"involvedObject.name={name}")
        except Exception:  # noqa: BLE001 - a server without that field selector: the watch suffices
            return
        for e in evs:
            ed = e.to_dict()
            io = ed.get("involvedObject") or {}
            if io.get("kind") == "Pod" and (not io.get("uid") or io.get("uid") == uid):
                self._observe_event(ed, "MODIFIED", now)

    def pods(self) -> Iterator[PodHistory]:
        """Every pod history kept, in the order the pods were first seen."""
        return iter(list(self._pods.values()))

    @property
    def snapshot_count(self) -> int:
        """How many status snapshots are stored, over all pods (a measure of memory)."""
        return sum(len(h.snapshots) for h in self._pods.values())

    @property
    def occurrence_count(self) -> int:
        """How many event occurrences are stored, over all pods."""
        return sum(len(r.occurrences) for h in self._pods.values() for r in h.events.values())

    def __len__(self) -> int:
        return len(self._pods)

    def __repr__(self) -> str:
        return f"<TimelineRecorder pods={len(self._pods)} snapshots={self.snapshot_count}>"
