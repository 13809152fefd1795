"""A terminal session on a sandbox cluster, for workshops: type kubectl commands, move time.

::

    $ kubectl get pods          # or just: get pods   (k get pods works too)
    $ advance 30s               # let 30 virtual seconds pass (also: sleep 30)
    $ help
    $ exit

``Shell(cluster, apply=["manifests/"])`` applies files or folders first, as
``kubectl apply -f`` would, and prints what it did.
"""

from __future__ import annotations

import shlex
import sys
from collections.abc import Iterable
from typing import Any, TextIO

from sandbox.kubectl.cli import COMMANDS, run
from sandbox.kubectl.errors import KubectlError
from sandbox.kubectl.get import parse_duration

__all__ = ["Shell", "HELP"]

HELP = """\
Type kubectl commands as on a real cluster; time only moves when you say so.

  kubectl get pods -o wide       any kubectl command (the word "kubectl" or "k" is optional)
  advance 30s                    let virtual time pass (also: advance 2m, sleep 30)
  time                           show the cluster's virtual clock
  help                           this text
  exit                           leave (also: quit, Ctrl-D)
"""


class Shell:
    """Reads command lines and prints what kubectl (or the sandbox's time commands) would."""

    def __init__(self, cluster: Any, *, apply: Iterable[str] = (), prompt: str = "$ ") -> None:
        self.cluster = cluster
        self.prompt = prompt
        self.done = False
        self._startup = [f"kubectl apply -f {shlex.quote(p)}" for p in apply]

    def startup(self) -> str:
        """Run the ``apply`` paths given at construction; return their output."""
        out = [self.execute(line) for line in self._startup]
        self._startup = []
        return "".join(out)

    def execute(self, line: str) -> str:
        """Run one line and return everything it printed (stdout, then stderr)."""
        text = line.strip()
        if not text or text.startswith("#"):
            return ""
        try:
            words = shlex.split(text)
        except ValueError as e:
            return f"error: {e}\n"
        head = words[0]
        if head in ("exit", "quit", "logout"):
            self.done = True
            return ""
        if head in ("help", "?"):
            return HELP
        if head in ("advance", "sleep"):
            if len(words) != 2:
                return f"usage: {head} DURATION (e.g. {head} 30s)\n"
            try:
                seconds = parse_duration(words[1])
            except KubectlError as e:
                return e.text
            self.cluster.advance(seconds)
            return ""
        if head in ("time", "date"):
            return self.cluster.clock.datetime().strftime("%a %b %d %H:%M:%S UTC %Y") + "\n"
        if head in ("kubectl", "k"):
            words = words[1:]
        elif head not in COMMANDS and not head.startswith("-"):
            return f"{head}: command not found (type help)\n"
        result = run(self.cluster, words)
        return result.stdout + result.stderr

    def run(self, lines: Iterable[str] | None = None, out: TextIO | None = None) -> int:
        """Read lines (default: standard input, with a prompt) until ``exit`` or the end."""
        out = out or sys.stdout
        interactive = lines is None
        source: Iterable[str] = lines if lines is not None else _stdin_lines(self.prompt, out)
        out.write(self.startup())
        for line in source:
            if not interactive:
                out.write(f"{self.prompt}{line.rstrip()}\n")
            out.write(self.execute(line))
            out.flush()
            if self.done:
                break
        return 0


def _stdin_lines(prompt: str, out: TextIO) -> Iterable[str]:
    while True:
        out.write(prompt)
        out.flush()
        line = sys.stdin.readline()
        if not line:
            out.write("\n")
            return
        yield line
