"""Ages as kubectl prints them: ``k8s.io/apimachinery/pkg/util/duration``.

``human_duration`` is ``duration.HumanDuration`` (the AGE column: ``45s``, ``3m20s``, ``2d4h``);
``short_human_duration`` is ``duration.ShortHumanDuration`` (``describe``'s event ages: ``2m``);
``translate_timestamp_since`` is the printers' ``translateTimestampSince`` (``<unknown>`` for a
missing timestamp).
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

__all__ = [
    "human_duration",
    "short_human_duration",
    "translate_timestamp_since",
    "since",
    "parse_ts",
]


def human_duration(seconds: float) -> str:
    """``duration.HumanDuration``: ``45s``, ``3m20s``, ``15m``, ``5h3m``, ``2d4h``, ``3y10d``, ``<invalid>``."""
    s = int(seconds)  # Go truncates towards zero
    if s < -1:
        return "<invalid>"
    if s < 0:
        return "0s"
    if s < 60 * 2:
        return f"{s}s"
    minutes = s // 60
    if minutes < 10:
        sec = s % 60
        return f"{minutes}m" if sec == 0 else f"{minutes}m{sec}s"
    if minutes < 60 * 3:
        return f"{minutes}m"
    hours = s // 3600
    if hours < 8:
        m = minutes % 60
        return f"{hours}h" if m == 0 else f"{hours}h{m}m"
    if hours < 48:
        return f"{hours}h"
    if hours < 24 * 8:
        h = hours % 24
        return f"{hours // 24}d" if h == 0 else f"{hours // 24}d{h}h"
    if hours < 24 * 365 * 2:
        return f"{hours // 24}d"
    if hours < 24 * 365 * 8:
        dy = (hours // 24) % 365
        return f"{hours // 24 // 365}y" if dy == 0 else f"{hours // 24 // 365}y{dy}d"
    return f"{hours // 24 // 365}y"


def short_human_duration(seconds: float) -> str:
    """``duration.ShortHumanDuration``: ``45s``, ``3m``, ``5h``, ``12d``, ``2y``, ``<invalid>``."""
    s = int(seconds)
    if s < -1:
        return "<invalid>"
    if s < 0:
        return "0s"
    if s < 60:
        return f"{s}s"
    minutes = s // 60
    if minutes < 60:
        return f"{minutes}m"
    hours = s // 3600
    if hours < 24:
        return f"{hours}h"
    if hours < 24 * 365:
        return f"{hours // 24}d"
    return f"{hours // 24 // 365}y"


def parse_ts(value: Any) -> datetime | None:
    """A ``datetime`` from an RFC 3339 string (``Time`` or ``MicroTime``) or a ``datetime``; ``None`` if absent."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    text = str(value)
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    return datetime.fromisoformat(text)


def since(value: Any, now: float) -> float | None:
    """Seconds from ``value`` (a timestamp) to ``now`` (Unix seconds); ``None`` if absent."""
    ts = parse_ts(value)
    if ts is None:
        return None
    return now - ts.timestamp()


def translate_timestamp_since(value: Any, now: float) -> str:
    """``translateTimestampSince``: the age of a timestamp, ``<unknown>`` when it is unset."""
    d = since(value, now)
    if d is None:
        return "<unknown>"
    return human_duration(d)
