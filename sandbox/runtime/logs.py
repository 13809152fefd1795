"""Container logs: every line a container writes to stdout or stderr, with the time it wrote it.

containerd writes a container's output to a file in the CRI log format, one line per write of a
line: ``2025-01-01T00:00:05.000000000Z stdout F hello``; ``kubectl logs`` reads it back, and
``--timestamps`` shows the times. :class:`ContainerLog` keeps those lines in memory for one
container (the kubelet keeps the previous container's log through its id, for ``--previous``).

A partial line (no newline yet) stays in a buffer until its newline arrives or the stream is
flushed at exit, as containerd writes it with the ``P`` (partial) tag.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from datetime import datetime, timezone

from sandbox.runtime.cri import LogLine

__all__ = ["ContainerLog", "LogStream", "format_timestamp", "MAX_LINES"]

#: Lines kept per container (older ones are dropped, as log rotation would).
MAX_LINES = 100_000


def format_timestamp(t: float) -> str:
    """RFC 3339 with nanoseconds, as ``kubectl logs --timestamps`` prints: ``2025-01-01T00:00:05.000000000Z``."""
    whole = int(t // 1)
    nanos = int(round((t - whole) * 1e9))
    if nanos >= 1_000_000_000:
        whole, nanos = whole + 1, nanos - 1_000_000_000
    return datetime.fromtimestamp(whole, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%S") + f".{nanos:09d}Z"


class ContainerLog:
    """The lines one container wrote, in order, each with its time and stream."""

    def __init__(self, now: Callable[[], float], max_lines: int = MAX_LINES) -> None:
        self._now = now
        self._lines: deque[LogLine] = deque(maxlen=max_lines)
        self._partial: dict[str, str] = {"stdout": "", "stderr": ""}
        self.listeners: list[Callable[[LogLine], object]] = []

    def write(self, stream: str, text: str) -> None:
        """Append ``text`` written to ``stream``; complete lines become :class:`LogLine` s."""
        if not text:
            return
        buf = self._partial.get(stream, "") + text
        *done, rest = buf.split("\n")
        self._partial[stream] = rest
        for line in done:
            self._add(stream, line)

    def flush(self, stream: str | None = None) -> None:
        """Turn what is buffered (a last line without newline) into a line."""
        for s in [stream] if stream else list(self._partial):
            if self._partial.get(s):
                line, self._partial[s] = self._partial[s], ""
                self._add(s, line)

    def _add(self, stream: str, text: str) -> None:
        line = LogLine(self._now(), stream, text)
        self._lines.append(line)
        for fn in list(self.listeners):
            fn(line)

    def lines(self, stream: str | None = None) -> list[LogLine]:
        """The complete lines so far (and none of a pending partial line)."""
        return [ln for ln in self._lines if stream is None or ln.stream == stream]

    def text(self, *, timestamps: bool = False, stream: str | None = None) -> str:
        """What ``kubectl logs`` prints (each line ends with a newline)."""
        out = []
        for ln in self.lines(stream):
            out.append(f"{format_timestamp(ln.time)} {ln.text}" if timestamps else ln.text)
        return "".join(s + "\n" for s in out)

    def cri(self) -> str:
        """The log file containerd would write (``TIME STREAM F TEXT`` per line)."""
        return "".join(f"{format_timestamp(ln.time)} {ln.stream} F {ln.text}\n" for ln in self._lines)

    def __len__(self) -> int:
        return len(self._lines)


class LogStream:
    """A text stream a process writes to (its ``stdout`` or ``stderr``) that feeds a log."""

    def __init__(self, log: ContainerLog, stream: str) -> None:
        self.log = log
        self.stream = stream
        self.closed = False

    def write(self, s: str) -> int:
        self.log.write(self.stream, s)
        return len(s)

    def writelines(self, lines: list[str]) -> None:
        for s in lines:
            self.write(s)

    def read(self, n: int = -1) -> str:
        return ""

    def readline(self) -> str:
        return ""

    def flush(self) -> None:
        """Flushing a stream does not end a line: only the container's exit does."""

    def close(self) -> None:
        self.closed = True

    def isatty(self) -> bool:
        return False
