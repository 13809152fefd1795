"""``describe``'s ``PrefixWriter`` over Go's tabwriter (minwidth 0, padding 2), plus the helpers
every describer shares (``printLabelsMultiline``, ``printAnnotationsMultiline``, events)."""

from __future__ import annotations

from typing import Any

from sandbox.kubectl.age import human_duration, parse_ts, since
from sandbox.kubectl.printers.tabwriter import TabWriter

__all__ = ["PrefixWriter", "rfc1123z", "print_labels_multiline", "print_annotations_multiline",
           "describe_events", "translate_since", "LAST_APPLIED", "sorted_resource_names"]

LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration"
MAX_ANNOTATION_LEN = 140


class PrefixWriter:
    """``Write(level, text)`` indents by two spaces per level; ``flush`` ends a tabwriter block."""

    def __init__(self, raw: bool = False) -> None:
        self.tw = TabWriter(min_width=0, padding=2, remember_widths=False)
        self.raw = raw
        self.parts: list[str] = []

    def write(self, level: int, text: str) -> None:
        if self.raw:
            self.parts.append("  " * level + text)
        else:
            self.tw.write("  " * level + text)

    def line(self, text: str = "") -> None:
        self.write(0, text + "\n")

    def flush(self) -> None:
        if not self.raw:
            self.parts.append(self.tw.flush())

    def text(self) -> str:
        self.flush()
        return "".join(self.parts)


def rfc1123z(ts: Any) -> str:
    """Go's ``time.RFC1123Z`` in UTC: ``Mon, 02 Jan 2006 15:04:05 +0000``."""
    t = parse_ts(ts)
    if t is None:
        return "Mon, 01 Jan 0001 00:00:00 +0000"
    return t.strftime("%a, %d %b %Y %H:%M:%S +0000")


def translate_since(ts: Any, now: float) -> str:
    """describe's ``translateTimestampSince``: ``<unknown>`` for the zero time."""
    d = since(ts, now)
    return "<unknown>" if d is None else human_duration(d)


def print_labels_multiline(w: PrefixWriter, title: str, labels: dict[str, str] | None, indent: str = "") -> None:
    """``printLabelsMultiline``: ``Labels:  a=1`` and following keys on their own lines."""
    w.write(0, f"{indent}{title}:\t")
    if not labels:
        w.line("<none>")
        return
    for i, k in enumerate(sorted(labels)):
        if i:
            w.write(0, f"{indent}\t")
        w.write(0, f"{k}={labels[k]}\n")


def _shorten(s: str, n: int) -> str:
    return s[:n] + "..." if len(s) > n else s


def print_annotations_multiline(w: PrefixWriter, title: str, annotations: dict[str, str] | None) -> None:
    """``printAnnotationsMultiline``: ``key: value``; long or multi-line values on their own lines."""
    w.write(0, f"{title}:\t")
    keys = sorted(k for k in (annotations or {}) if k != LAST_APPLIED)
    if not keys:
        w.line("<none>")
        return
    for i, k in enumerate(keys):
        if i:
            w.write(0, "\t")
        value = (annotations or {})[k]
        if value.endswith("\n"):
            value = value[:-1]
        if len(value) + len(k) + 2 > MAX_ANNOTATION_LEN or "\n" in value:
            w.write(0, f"{k}:\n")
            for s in value.split("\n"):
                w.write(0, f"\t  {_shorten(s, MAX_ANNOTATION_LEN - 2)}\n")
        else:
            w.write(0, f"{k}: {value}\n")


def sorted_resource_names(resources: dict[str, Any] | None) -> list[str]:
    """``SortedResourceNames``: resource names in byte order."""
    return sorted(resources or {})


def describe_events(w: PrefixWriter, events: list[dict[str, Any]] | None, now: float) -> None:
    """``DescribeEvents``: ``Type Reason Age From Message``, oldest ``lastTimestamp`` first."""
    if not events:
        w.write(0, "Events:\t<none>\n")
        return
    w.flush()
    from sandbox.kubectl.gosort import go_sort

    def last(e: dict[str, Any]) -> float:
        t = parse_ts(e.get("lastTimestamp"))
        return t.timestamp() if t is not None else float("-inf")

    evs = go_sort(list(events), lambda x, y: last(x) < last(y))
    w.write(0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n")
    w.write(1, "----\t------\t----\t----\t-------\n")
    for e in evs:
        first = translate_since(e.get("eventTime"), now)
        if not e.get("eventTime"):
            first = translate_since(e.get("firstTimestamp"), now)
        series = e.get("series")
        count = e.get("count") or 0
        if series is not None:
            interval = f"{translate_since(series.get('lastObservedTime'), now)} (x{series.get('count') or 0} over {first})"
        elif count > 1:
            interval = f"{translate_since(e.get('lastTimestamp'), now)} (x{count} over {first})"
        else:
            interval = first
        source = (e.get("source") or {}).get("component") or e.get("reportingComponent") or ""
        w.write(1, f"{e.get('type') or ''}\t{e.get('reason') or ''}\t{interval}\t{source}\t{(e.get('message') or '').strip()}\n")
