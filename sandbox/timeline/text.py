"""A fixed-width picture of a :class:`~sandbox.timeline.model.Timeline`, for terminals and test failures.

::

    pod default/web uid e443df78 t=0s at creation, now 1m40s
                              0s             30s            1m             1m30s          2m
                              +--------------+--------------+--------------+--------------+
    init:setup                 .==oooooooooooooooooooooooooooooooooooooooooooooo
                               PodInitializing Completed (exit 0)
    main:app                   ....==x|=x....|=x.........|==#####=====##########
                               PodInitializing Error (exit 1)
                                     Error (exit 1) CrashLoopBackOff
    events                    **  *     !      !                 !
    phase                     .....#############################################
                              Pending Running

One lane per container, then the phase and the conditions; one character per column of time.
Below a lane, the reasons of its spans where they fit. Then a legend and the pod's Events.
Plain ASCII by default; ``unicode=True`` draws with block characters.
"""

from __future__ import annotations

import math

from sandbox.timeline.model import CONTAINER_KINDS, Lane, Span, Timeline, format_seconds

__all__ = ["render_text", "ASCII", "UNICODE", "choose_axis"]

ASCII = {
    "waiting": ".", "running": "=", "ready": "#", "error": "x", "completed": "o", "restart": "|",
    "unknown": "?", "none": " ", "tick": "+", "axis": "-", "event": "*", "warning": "!",
}
UNICODE = {
    "waiting": "\u00b7", "running": "\u2592", "ready": "\u2588", "error": "\u2717", "completed": "\u25cb",
    "restart": "\u2503", "unknown": "?", "none": " ", "tick": "\u253c", "axis": "\u2500", "event": "\u25c6",
    "warning": "\u25b2",
}
_LEGEND = [
    ("waiting", "waiting"), ("running", "running, not ready"), ("ready", "running and ready"),
    ("error", "terminated (error)"), ("completed", "terminated (completed)"), ("restart", "restart"),
    ("event", "event"), ("warning", "warning event"),
]
_NICE_STEPS = (1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400)
_MIN_TICK_COLS = 8
_MAX_LABEL = 28


def choose_axis(duration: float, max_cols: int) -> tuple[float, int, int]:
    """Pick ``(step, cols_per_step, steps)``: ticks every ``step`` seconds, ``cols_per_step`` columns
    apart, ``steps`` of them, so that ``steps * cols_per_step <= max_cols`` and ticks land on columns.
    A column is then ``step / cols_per_step`` seconds, a multiple of a quarter second when possible."""
    duration = max(duration, 1.0)
    fallback: tuple[float, int, int] | None = None
    for step in _NICE_STEPS:
        n = max(1, math.ceil(duration / step - 1e-9))
        cps = max_cols // n
        if cps < _MIN_TICK_COLS:
            continue
        for c in range(cps, _MIN_TICK_COLS - 1, -1):
            if (step * 4) % c == 0:  # a column is a whole number of quarter seconds
                return float(step), c, n
        if fallback is None:
            fallback = (float(step), cps, n)
    if fallback is not None:
        return fallback
    step = _NICE_STEPS[-1]
    n = max(1, math.ceil(duration / step))
    return float(step), max(1, max_cols // n), n


def span_symbol(lane: Lane, span: Span) -> str:
    """The symbol name (a key of :data:`ASCII`) that draws ``span``."""
    if lane.kind in CONTAINER_KINDS:
        if span.state == "waiting":
            return "waiting"
        if span.state == "running":
            return "ready" if span.ready else "running"
        if span.state == "terminated":
            ok = span.exit_code == 0 and span.reason in (None, "Completed")
            return "completed" if ok else "error"
        return "unknown"
    if lane.kind == "phase":
        return {"Pending": "waiting", "Running": "ready", "Succeeded": "completed",
                "Failed": "error"}.get(span.state, "unknown")
    return {"True": "ready", "False": "waiting"}.get(span.state, "unknown")


def _column_symbols(lane: Lane, ncols: int, dt: float, horizon: float) -> list[str]:
    out: list[str] = []
    eps = 1e-9
    restarts = [m.time for m in lane.marks if m.kind == "restart"]
    for c in range(ncols):
        a, b = c * dt, (c + 1) * dt
        chosen: Span | None = None
        covering: Span | None = None
        first: Span | None = None
        for s in lane.spans:
            e = s.until(horizon)
            inside = a - eps <= s.start < b - eps
            overlaps = s.start < b - eps and (e > a + eps or (e <= s.start + eps and inside))
            if not overlaps:
                continue
            if inside and s.state == "terminated" and chosen is None:
                chosen = s
            if covering is None and s.start <= a + eps and e > a + eps:
                covering = s
            if first is None:
                first = s
        span = chosen or covering or first
        sym = "none" if span is None else span_symbol(lane, span)
        if any(a - eps <= r < b - eps for r in restarts):
            sym = "restart"
        out.append(sym)
    return out


def _span_label(lane: Lane, span: Span) -> str | None:
    if lane.kind in CONTAINER_KINDS:
        return None if span.state == "running" else span.label
    if lane.kind == "phase":
        return f"{span.state} ({span.reason})" if span.reason else span.state
    return None


def _label_rows(lane: Lane, ncols: int, dt: float, room: int, horizon: float, rows: int = 2) -> list[str]:
    """Up to ``rows`` lines of span labels: each label starts inside its span (or right at a
    span too short to hold it); a label that fits on no line is left out."""
    grid = [[" "] * (ncols + room) for _ in range(rows)]
    next_free = [0] * rows
    used = [False] * rows
    for s in lane.spans:
        text = _span_label(lane, s)
        if not text:
            continue
        col = int(s.start / dt + 1e-9)
        last = max(col, int(s.until(horizon) / dt - 1e-9))  # last column the span touches
        for r in range(rows):
            at = max(col, next_free[r])
            if at + len(text) > ncols + room:
                at = ncols + room - len(text)
            if at > last or at < next_free[r]:
                continue
            grid[r][at:at + len(text)] = list(text)
            next_free[r] = at + len(text) + 1
            used[r] = True
            break
    return ["".join(g).rstrip() for g, u in zip(grid, used, strict=True) if u]


def _fit(label: str, w: int) -> str:
    return label if len(label) <= w else label[: w - 1] + "~"


def _truncate(text: str, w: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= w else text[: max(0, w - 3)] + "..."


def render_text(tl: Timeline, width: int = 100, *, unicode: bool = False, max_events: int = 40) -> str:
    """Draw ``tl`` in at most ``width`` columns (see the module docstring)."""
    sym = UNICODE if unicode else ASCII
    lines: list[str] = []
    when = (f"deleted at {format_seconds(tl.deleted)}" if tl.deleted is not None
            else f"now {format_seconds(tl.end)}")
    lines.append(_truncate(f"pod {tl.namespace}/{tl.name}  uid {tl.uid[:8]}  t=0s at creation, {when}", width))
    if tl.truncated_before is not None:
        lines.append(f"(history before {format_seconds(tl.truncated_before)} was dropped to bound memory)")

    labels = [ln.label for ln in tl.lanes] + ["events"]
    label_w = min(max(len(x) for x in labels), _MAX_LABEL)
    room = 6  # for the last tick's label
    max_cols = max(20, width - label_w - 1 - room)
    step, cps, n = choose_axis(tl.end, max_cols)
    ncols = cps * n
    dt = step / cps
    pad = " " * (label_w + 1)

    tick_labels = [" "] * (ncols + room)
    next_free = 0
    for k in range(n + 1):
        text = format_seconds(k * step)
        col = k * cps
        if col >= next_free and col + len(text) <= len(tick_labels):
            tick_labels[col:col + len(text)] = list(text)
            next_free = col + len(text) + 1
    lines.append(pad + "".join(tick_labels).rstrip())
    axis = [sym["axis"]] * (ncols + 1)
    for k in range(n + 1):
        axis[k * cps] = sym["tick"]
    lines.append(pad + "".join(axis))

    def lane_line(label: str, symbols: list[str]) -> str:
        return (_fit(label, label_w).ljust(label_w) + " " + "".join(sym[s] for s in symbols)).rstrip()

    for ln in tl.lanes:
        if ln.kind == "phase" and tl.events:
            lines.append(lane_line("events", _event_symbols(tl, ncols, dt)))
        lines.append(lane_line(ln.label, _column_symbols(ln, ncols, dt, tl.end)))
        for row in _label_rows(ln, ncols, dt, room, tl.end):
            lines.append(pad + row)

    lines.append("")
    lines.extend(_legend(sym, width))

    if tl.events:
        lines.append("")
        lines.append("events:")
        rw = min(max(len(e.reason) for e in tl.events), 18)
        lw = min(max(len(_lane_text(e.lane)) for e in tl.events), 20)
        for e in tl.events[:max_events]:
            head = f"  {format_seconds(e.time):>7}  {e.type:<7}  {_fit(e.reason, rw):<{rw}}  {_fit(_lane_text(e.lane), lw):<{lw}}  "
            tail = f" (x{e.count} over {format_seconds(e.last - e.time)})" if e.count > 1 else ""
            lines.extend(_entry(head, e.message, tail, width))
        if len(tl.events) > max_events:
            lines.append(f"  ... and {len(tl.events) - max_events} more events")
    notes = [m for ln in tl.lanes for m in ln.marks if m.kind not in ("restart", "event", "terminating", "deleted")]
    if notes:
        notes.sort(key=lambda m: (m.time, m.lane))
        lines.append("")
        lines.append("notes:")
        kw = max(len(m.kind) for m in notes)
        lw = min(max(len(_lane_text(m.lane)) for m in notes), 20)
        for m in notes[:max_events]:
            head = f"  {format_seconds(m.time):>7}  {m.kind:<{kw}}  {_fit(_lane_text(m.lane), lw):<{lw}}  "
            tail = f" (x{m.count} until {format_seconds(m.end or m.time)})" if m.count > 1 else ""
            lines.extend(_entry(head, m.text, tail, width))
        if len(notes) > max_events:
            lines.append(f"  ... and {len(notes) - max_events} more notes")
    return "\n".join(lines) + "\n"


def _entry(head: str, message: str, tail: str, width: int) -> list[str]:
    """One line ``head message tail``, or, when that leaves under 20 columns for the message, the
    head on one line and the message (indented) on the next."""
    room = width - len(head) - len(tail)
    if room >= 20:
        return [head + _truncate(message, room) + tail]
    return [head.rstrip()[:width], "      " + _truncate(message, width - 6 - len(tail)) + tail]


def _lane_text(lane: str) -> str:
    return "pod" if lane == "phase" else lane


def _event_symbols(tl: Timeline, ncols: int, dt: float) -> list[str]:
    out = ["none"] * ncols
    for ln in tl.lanes:
        for m in ln.marks:
            warn = (m.kind == "event" and m.type == "Warning") or m.kind == "probe-fail"
            if m.kind != "event" and not warn:
                continue
            col = int(m.time / dt + 1e-9)
            if 0 <= col < ncols and out[col] != "warning":
                out[col] = "warning" if warn else "event"
    return out


def _legend(sym: dict[str, str], width: int) -> list[str]:
    items = [f"{sym[k]} {text}" for k, text in _LEGEND]
    lines: list[str] = []
    cur = "legend:"
    for item in items:
        if len(cur) + 2 + len(item) > width:
            lines.append(cur)
            cur = "       "
        cur += "  " + item
    lines.append(cur)
    phase = f"phase: {sym['waiting']} Pending  {sym['ready']} Running  {sym['completed']} Succeeded  {sym['error']} Failed"
    conds = f"conditions: {sym['ready']} True  {sym['waiting']} False"
    both = f"         {phase}    {conds}"
    lines.extend([both] if len(both) <= width else [f"         {phase}"[:width], f"         {conds}"[:width]])
    return lines
