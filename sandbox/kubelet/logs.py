"""Container logs as the kubelet serves them (``kubectl logs``): ``--timestamps`` in the kubelet's
RFC 3339 form with nine fractional digits, ``--tail``, and the termination-message fallback
(``FallbackToLogsOnError``: the last 80 lines, at most 2048 bytes)."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

__all__ = [
    "MAX_TERMINATION_MESSAGE_LOG_LINES",
    "MAX_TERMINATION_MESSAGE_LOG_LENGTH",
    "format_log_time",
    "render_logs",
    "tail_for_termination_message",
]

MAX_TERMINATION_MESSAGE_LOG_LINES = 80
MAX_TERMINATION_MESSAGE_LOG_LENGTH = 2048


def format_log_time(t: float) -> str:
    """``2006-01-02T15:04:05.000000000Z07:00`` (the kubelet's ``timeFormatOut``)."""
    whole = int(t // 1)
    nanos = int(round((t - whole) * 1e9))
    if nanos >= 1_000_000_000:
        whole += 1
        nanos -= 1_000_000_000
    d = datetime.fromtimestamp(whole, tz=timezone.utc)
    return d.strftime("%Y-%m-%dT%H:%M:%S") + f".{nanos:09d}Z"


def render_logs(lines: list[Any], timestamps: bool = False, tail: int | None = None) -> str:
    """The text ``kubectl logs`` prints for these :class:`~sandbox.runtime.cri.LogLine`\\ s."""
    if tail is not None and tail >= 0:
        lines = lines[len(lines) - tail:] if tail else []
    out = []
    for ln in lines:
        if timestamps:
            out.append(f"{format_log_time(ln.time)} {ln.text}\n")
        else:
            out.append(ln.text + "\n")
    return "".join(out)


def tail_for_termination_message(lines: list[Any]) -> str:
    """``readLastStringFromContainerLogs``: the last 80 lines, cut to the last 2048 bytes."""
    text = "".join(ln.text + "\n" for ln in lines[-MAX_TERMINATION_MESSAGE_LOG_LINES:])
    data = text.encode("utf-8")
    if len(data) > MAX_TERMINATION_MESSAGE_LOG_LENGTH:
        data = data[-MAX_TERMINATION_MESSAGE_LOG_LENGTH:]
    return data.decode("utf-8", "ignore")
