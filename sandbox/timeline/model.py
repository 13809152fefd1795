"""The timeline of one Pod: lanes of spans and marks on virtual time.

Times are virtual seconds since the pod was created (``0`` = ``metadata.creationTimestamp``, to the
sub-second when the recorder saw the creation). A span covers ``[start, end)``; ``end`` is ``None``
while it lasts.

Lanes, top to bottom:

* one per container, named by kind and name: ``init:setup``, ``sidecar:log-shipper`` (an init
  container with ``restartPolicy: Always``), ``main:app``, ``ephemeral:debugger``; its spans are the
  container's ``state`` (``waiting`` with a reason, ``running`` ready or not, started or not,
  ``terminated`` with a reason and exit code) and its marks are restarts (``restartCount`` went up),
  the Events whose ``fieldPath`` names the container and notes (probe results);
* ``phase``: ``status.phase`` (with ``status.reason`` such as ``Evicted``);
* one per condition, in the order they usually become true: ``condition:PodScheduled``,
  ``condition:PodReadyToStartContainers``, ``condition:Initialized``, ``condition:ContainersReady``,
  ``condition:Ready``.

Pod-level Events (``Scheduled``, ``FailedScheduling``, ...) are marks of the ``phase`` lane.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from sandbox.timeline.recorder import ContainerSnap, PodHistory

__all__ = [
    "Span",
    "Mark",
    "Lane",
    "TimelineEvent",
    "StateAt",
    "Timeline",
    "build_timeline",
    "CONDITION_ORDER",
    "CONTAINER_KINDS",
    "format_seconds",
]

#: Condition lanes, in the order a healthy pod's conditions become True.
CONDITION_ORDER = ("PodScheduled", "PodReadyToStartContainers", "Initialized", "ContainersReady", "Ready")
#: Container lane kinds, in lane order.
CONTAINER_KINDS = ("init", "sidecar", "main", "ephemeral")

_FIELD_PATH_KIND = {"spec.initContainers": "init", "spec.containers": "main",
                    "spec.ephemeralContainers": "ephemeral"}


def format_seconds(s: float) -> str:
    """Virtual seconds as kubectl writes durations: ``0s``, ``12.5s``, ``1m``, ``1m30s``, ``2h5m``."""
    neg = s < 0
    s = abs(round(s, 3))
    if s < 60:
        out = f"{s:g}s"
    elif s < 3600:
        m, r = divmod(s, 60)
        out = f"{int(m)}m" + (f"{round(r, 3):g}s" if r else "")
    else:
        h, r = divmod(s, 3600)
        m, r = divmod(r, 60)
        out = f"{int(h)}h" + (f"{int(m)}m" if m else "") + (f"{round(r, 3):g}s" if r else "")
    return "-" + out if neg else out


@dataclass(frozen=True)
class Span:
    """A stretch of time in one lane during which nothing shown changed.

    For container lanes ``state`` is ``waiting``, ``running`` or ``terminated``; for the phase lane
    it is the phase; for condition lanes ``True``, ``False`` or ``Unknown``.
    """

    lane: str
    state: str
    start: float
    end: float | None = None
    reason: str | None = None
    message: str | None = None
    exit_code: int | None = None
    signal: int | None = None
    ready: bool | None = None
    started: bool | None = None
    restart_count: int = 0

    def until(self, horizon: float) -> float:
        """The end, or ``horizon`` if the span still lasts."""
        return horizon if self.end is None else self.end

    def covers(self, t: float) -> bool:
        """Whether virtual time ``t`` falls in ``[start, end)``."""
        return self.start <= t and (self.end is None or t < self.end)

    @property
    def label(self) -> str:
        """A short label: the reason (``CrashLoopBackOff``, ``Error (exit 1)``) or state."""
        if self.state == "waiting":
            return self.reason or "Waiting"
        if self.state == "running":
            return "Running"
        if self.state == "terminated":
            code = f"exit {self.exit_code}" if self.exit_code is not None else ""
            if self.signal:
                code = f"signal {self.signal}"
            return f"{self.reason or 'Terminated'} ({code})" if code else (self.reason or "Terminated")
        if self.reason:
            return f"{self.state} ({self.reason})"
        return self.state

    def describe(self) -> str:
        """One line with everything known about the span (SVG tooltips, HTML)."""
        parts = [f"{self.lane}: {self.label}"]
        if self.state == "running":
            parts.append("ready" if self.ready else "not ready")
            if self.started is not None:
                parts.append("started" if self.started else "not started")
        if self.restart_count and self.lane.split(":", 1)[0] in CONTAINER_KINDS:
            parts.append(f"restarts {self.restart_count}")
        end = "now" if self.end is None else format_seconds(self.end)
        parts.append(f"{format_seconds(self.start)} .. {end}")
        text = ", ".join(parts)
        if self.message:
            text += f": {self.message}"
        return text


@dataclass(frozen=True)
class Mark:
    """Something that happened at an instant: a restart, an Event, a note (probe result).

    ``kind`` is ``restart``, ``event``, ``terminating``, ``deleted``, or a note's kind
    (``probe-ok``, ``probe-fail``, ``note``). A run of identical notes ends at ``end`` with ``count``.
    """

    time: float
    lane: str
    kind: str
    text: str
    reason: str | None = None
    type: str | None = None
    count: int = 1
    end: float | None = None


@dataclass(frozen=True)
class TimelineEvent:
    """One Event about the pod: first and last time seen, how often, and in which lane."""

    time: float
    last: float
    type: str
    reason: str
    message: str
    lane: str
    count: int
    source: str
    times: tuple[float, ...]


@dataclass
class Lane:
    """One row of the timeline."""

    name: str
    kind: str
    label: str
    container: str | None = None
    spans: list[Span] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)

    def at(self, t: float) -> Span | None:
        """The span covering virtual time ``t``, if any."""
        for s in self.spans:
            if s.covers(t):
                return s
        return None

    def __repr__(self) -> str:
        return f"<Lane {self.name} spans={len(self.spans)} marks={len(self.marks)}>"


class StateAt(Mapping[str, Span]):
    """What each container was doing at one instant: lane name (or container name) to :class:`Span`.

    Containers without a state at that instant (not created yet, or gone) are missing. ``phase``
    and ``conditions`` (type to ``"True"``/``"False"``/``"Unknown"``) describe the pod.
    """

    def __init__(self, t: float, containers: dict[str, Span], names: dict[str, str],
                 phase: Span | None, conditions: dict[str, Span]) -> None:
        self.t = t
        self._containers = containers
        self._names = names
        self.phase_span = phase
        self.condition_spans = conditions

    @property
    def phase(self) -> str | None:
        return self.phase_span.state if self.phase_span else None

    @property
    def conditions(self) -> dict[str, str]:
        return {k: v.state for k, v in self.condition_spans.items()}

    def __getitem__(self, key: str) -> Span:
        lane = key if key in self._containers else self._names.get(key, key)
        return self._containers[lane]

    def __contains__(self, key: object) -> bool:
        return key in self._containers or (key in self._names and self._names[key] in self._containers)  # type: ignore[index]

    def __iter__(self) -> Iterator[str]:
        return iter(self._containers)

    def __len__(self) -> int:
        return len(self._containers)

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}: {v.label}" + (" ready" if v.ready else "") for k, v in self._containers.items())
        return f"<state at {format_seconds(self.t)}: phase {self.phase}; {inner}>"


class Timeline:
    """The life of one Pod on virtual time. Build it with ``recorder.timeline(namespace, name)``.

    Attributes:
        namespace, name, uid: the pod.
        origin: the clock time (Unix seconds) that is ``t=0``: the pod's creation.
        end: virtual seconds covered (to the pod's deletion, or to now).
        deleted: when the pod was removed from the API server, or ``None``.
        lanes: container lanes, then ``phase``, then condition lanes.
        events: the pod's Events, oldest first.
        truncated_before: history before this time was dropped to bound memory (normally ``None``).
    """

    def __init__(self, *, namespace: str, name: str, uid: str, origin: float, end: float,
                 deleted: float | None, lanes: list[Lane], events: list[TimelineEvent],
                 truncated_before: float | None = None) -> None:
        self.namespace = namespace
        self.name = name
        self.uid = uid
        self.origin = origin
        self.end = end
        self.deleted = deleted
        self.lanes = lanes
        self.events = events
        self.truncated_before = truncated_before

    # -------------------------------------------------------------- lookups

    @property
    def container_lanes(self) -> list[Lane]:
        return [lane for lane in self.lanes if lane.kind in CONTAINER_KINDS]

    def lane(self, name: str) -> Lane:
        """A lane by name (``main:app``, ``phase``, ``condition:Ready``), container name
        (``app``) or condition type (``Ready``). ``KeyError`` lists the lanes if none matches."""
        for lane in self.lanes:
            if lane.name == name:
                return lane
        matches = [lane for lane in self.lanes if lane.container == name or
                   (lane.kind == "condition" and lane.label == name)]
        if matches:
            return matches[0]
        raise KeyError(f"no lane {name!r}; lanes: {', '.join(lane.name for lane in self.lanes)}")

    def state_at(self, t: float) -> StateAt:
        """What each container was doing at virtual time ``t`` (seconds since creation).

        ``tl.state_at(40)["app"].reason == "CrashLoopBackOff"``.
        """
        containers: dict[str, Span] = {}
        names: dict[str, str] = {}
        phase: Span | None = None
        conditions: dict[str, Span] = {}
        for lane in self.lanes:
            s = lane.at(t)
            if lane.kind in CONTAINER_KINDS:
                names.setdefault(lane.container or "", lane.name)
                if s is not None:
                    containers[lane.name] = s
            elif lane.kind == "phase":
                phase = s
            elif lane.kind == "condition" and s is not None:
                conditions[lane.label] = s
        return StateAt(t, containers, names, phase, conditions)

    def spans(self, lane: str | None = None) -> list[Span]:
        """All spans (of one lane), in time order."""
        lanes = [self.lane(lane)] if lane is not None else self.lanes
        return sorted((s for ln in lanes for s in ln.spans), key=lambda s: s.start)

    def first(self, reason: str | None = None, lane: str | None = None, *, state: str | None = None,
              ready: bool | None = None) -> float | None:
        """The start of the first span matching all that is given, or ``None``.

        ``lane`` may be a lane or container name; without it the container lanes are searched
        (and the phase and condition lanes when ``state``/``reason`` name a phase or condition).
        ``tl.first(reason="CrashLoopBackOff", lane="app")``; ``tl.first(state="running", ready=True)``.
        """
        if lane is not None:
            return _first_in([self.lane(lane)], reason, state, ready)
        best = _first_in(self.container_lanes, reason, state, ready)
        if best is None:
            best = _first_in([ln for ln in self.lanes if ln.kind not in CONTAINER_KINDS], reason, state, ready)
        return best

    def first_event(self, reason: str, lane: str | None = None) -> float | None:
        """When the first Event with ``reason`` (in ``lane``, a lane or container name) happened."""
        want = self.lane(lane).name if lane is not None else None
        times = [e.time for e in self.events if e.reason == reason and (want is None or e.lane == want)]
        return min(times) if times else None

    @property
    def marks(self) -> list[Mark]:
        """Every mark of every lane, in time order."""
        return sorted((m for ln in self.lanes for m in ln.marks), key=lambda m: (m.time, m.lane))

    # -------------------------------------------------------------- renderings

    def to_text(self, width: int = 100, *, unicode: bool = False, max_events: int = 40) -> str:
        """A fixed-width picture for terminals and test failures (see :mod:`sandbox.timeline.text`)."""
        from sandbox.timeline.text import render_text

        return render_text(self, width=width, unicode=unicode, max_events=max_events)

    def to_svg(self, width: int = 860) -> str:
        """A self-contained SVG (see :mod:`sandbox.timeline.svg`)."""
        from sandbox.timeline.svg import render_svg

        return render_svg(self, width=width)

    def _repr_html_(self) -> str:
        from sandbox.timeline.html import timeline_html

        return timeline_html(self)

    def __str__(self) -> str:
        return self.to_text()

    def __repr__(self) -> str:
        return (f"<Timeline pod {self.namespace}/{self.name} 0s..{format_seconds(self.end)} "
                f"lanes={len(self.lanes)} events={len(self.events)}>")


# ---------------------------------------------------------------------------------------------
# building
# ---------------------------------------------------------------------------------------------


def _first_in(lanes: list[Lane], reason: str | None, state: str | None, ready: bool | None) -> float | None:
    best: float | None = None
    for ln in lanes:
        for s in ln.spans:
            if ((reason is None or s.reason == reason) and (state is None or s.state == state)
                    and (ready is None or s.ready is ready)):
                if best is None or s.start < best:
                    best = s.start
                break
    return best


def _rel(t: float, origin: float) -> float:
    return round(t - origin, 6)


def _container_key(c: ContainerSnap | None) -> tuple[Any, ...] | None:
    if c is None or not c.state:
        return None
    return (c.state, c.reason, c.exit_code, c.signal, c.ready, c.started, c.restart_count)


def _lane_name_for_field_path(fp: str | None, kinds: dict[tuple[str, str], str]) -> str:
    """``spec.containers{app}`` -> ``main:app`` (``phase`` for the pod itself)."""
    if not fp or "{" not in fp or not fp.endswith("}"):
        return "phase"
    base, name = fp[:-1].split("{", 1)
    group = _FIELD_PATH_KIND.get(base)
    if group is None:
        return "phase"
    kind = kinds.get((group, name), group)
    return f"{kind}:{name}"


def build_timeline(h: PodHistory, now: float) -> Timeline:
    """Turn a recorder's :class:`PodHistory` into a :class:`Timeline` ending at ``now`` (clock time)."""
    origin = h.created
    horizon_abs = h.deleted if h.deleted is not None else now
    end = max(0.0, _rel(horizon_abs, origin))

    # container lanes: the spec's order, plus statuses for containers the spec does not list
    order: list[tuple[str, str]] = list(h.containers)
    group_of = {"init": "init", "sidecar": "init", "main": "main", "ephemeral": "ephemeral"}
    known = {(group_of[k], n) for k, n in order}
    for _, st in h.snapshots:
        for c in st.containers:
            if (c.group, c.name) not in known:
                known.add((c.group, c.name))
                order.append((c.group, c.name))
    kinds = {(group_of[k], n): k for k, n in order}
    lanes: list[Lane] = []
    by_key: dict[tuple[str, str], Lane] = {}
    for kind in CONTAINER_KINDS:
        for k, n in order:
            if k == kind:
                lane = Lane(f"{k}:{n}", k, f"{k}:{n}", n)
                lanes.append(lane)
                by_key[(group_of[k], n)] = lane
    phase_lane = Lane("phase", "phase", "phase")
    lanes.append(phase_lane)
    cond_types: list[str] = [t for t in CONDITION_ORDER if any(
        c[0] == t for _, st in h.snapshots for c in st.conditions)]
    extra: list[str] = []
    for _, st in h.snapshots:
        for c in st.conditions:
            if c[0] not in CONDITION_ORDER and c[0] not in extra:
                extra.append(c[0])
    cond_lanes = {t: Lane(f"condition:{t}", "condition", t) for t in cond_types + extra}
    lanes.extend(cond_lanes.values())

    # walk the snapshots, opening and closing spans
    open_c: dict[str, tuple[tuple[Any, ...], Span]] = {}
    open_phase: tuple[Any, Span] | None = None
    open_cond: dict[str, tuple[Any, Span]] = {}
    last_restarts: dict[str, int] = {}
    was_deleting = False
    lane_by_name = {ln.name: ln for ln in lanes}

    def close(lane_name: str, span: Span, t: float) -> None:
        lane_by_name[lane_name].spans.append(_with_end(span, t))

    for t_abs, st in h.snapshots:
        t = _rel(t_abs, origin)
        seen: set[str] = set()
        for c in st.containers:
            lane = by_key.get((c.group, c.name))
            if lane is None:
                continue
            seen.add(lane.name)
            key = _container_key(c)
            prev = open_c.get(lane.name)
            if prev is not None and prev[0] == key:
                continue
            if prev is not None:
                close(lane.name, prev[1], t)
                del open_c[lane.name]
            before = last_restarts.get(lane.name)
            if before is not None and c.restart_count > before:
                lane.marks.append(Mark(t, lane.name, "restart", f"restart {c.restart_count}",
                                       count=c.restart_count - before))
            last_restarts[lane.name] = c.restart_count
            if key is not None:
                open_c[lane.name] = (key, Span(lane.name, c.state, t, None, c.reason, c.message, c.exit_code,
                                               c.signal, c.ready if c.state == "running" else None,
                                               c.started, c.restart_count))
        for name in [n for n in open_c if n not in seen]:
            close(name, open_c.pop(name)[1], t)
        pkey = (st.phase, st.reason)
        if open_phase is None or open_phase[0] != pkey:
            if open_phase is not None:
                close("phase", open_phase[1], t)
                open_phase = None
            if st.phase:
                open_phase = (pkey, Span("phase", st.phase, t, None, st.reason, st.message))
        present: set[str] = set()
        for ctype, cstatus, creason, cmsg in st.conditions:
            present.add(ctype)
            ckey = (cstatus, creason)
            prev_c = open_cond.get(ctype)
            if prev_c is not None and prev_c[0] == ckey:
                continue
            if prev_c is not None:
                close(f"condition:{ctype}", prev_c[1], t)
            open_cond[ctype] = (ckey, Span(f"condition:{ctype}", cstatus, t, None, creason, cmsg))
        for ctype in [c for c in open_cond if c not in present]:
            close(f"condition:{ctype}", open_cond.pop(ctype)[1], t)
        if st.deleting and not was_deleting:
            phase_lane.marks.append(Mark(t, "phase", "terminating", "Terminating"))
        was_deleting = st.deleting

    for name, (_, span) in open_c.items():
        if h.deleted is not None:
            close(name, span, end)
        else:
            lane_by_name[name].spans.append(span)
    if open_phase is not None:
        if h.deleted is not None:
            close("phase", open_phase[1], end)
        else:
            phase_lane.spans.append(open_phase[1])
    for ctype, (_, span) in open_cond.items():
        if h.deleted is not None:
            close(f"condition:{ctype}", span, end)
        else:
            lane_by_name[f"condition:{ctype}"].spans.append(span)
    if h.deleted is not None:
        phase_lane.marks.append(Mark(end, "phase", "deleted", "Deleted"))

    # events
    events: list[TimelineEvent] = []
    for rec in h.events.values():
        lane_name = _lane_name_for_field_path(rec.field_path, kinds)
        if lane_name not in lane_by_name:
            lane_name = "phase"
        times = tuple(_rel(x, origin) for x in rec.occurrences)
        events.append(TimelineEvent(times[0], times[-1], rec.type, rec.reason, rec.message, lane_name,
                                    rec.count, rec.source, times))
        for x in times:
            lane_by_name[lane_name].marks.append(Mark(x, lane_name, "event", rec.message, rec.reason, rec.type))
    events.sort(key=lambda e: e.time)  # stable: same-instant events keep the order they were seen

    # notes
    for n in h.notes:
        lane_name = n.lane
        if lane_name not in lane_by_name:
            lane_name = next((ln.name for ln in lanes if ln.container == n.lane), "phase")
        lane_by_name[lane_name].marks.append(Mark(_rel(n.first, origin), lane_name, n.kind, n.text,
                                                  count=n.count, end=_rel(n.last, origin)))

    for ln in lanes:
        ln.marks.sort(key=lambda m: m.time)
    truncated = _rel(h.snapshots[0][0], origin) if h.dropped_snapshots and h.snapshots else None
    return Timeline(namespace=h.namespace, name=h.name, uid=h.uid, origin=origin, end=end,
                    deleted=end if h.deleted is not None else None, lanes=lanes, events=events,
                    truncated_before=truncated)


def _with_end(span: Span, t: float) -> Span:
    return replace(span, end=t)
