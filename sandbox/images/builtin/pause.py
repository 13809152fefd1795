"""``registry.k8s.io/pause`` (3.x): the sandbox's infra container; sleeps until signalled.

Like Kubernetes' ``pause.c``: SIGINT and SIGTERM print ``Shutting down, got signal: Terminated``
to stderr and exit 0; run as anything but PID 1 it warns ``Warning: pause should be the first
process``. It runs as 65535.
"""

from __future__ import annotations

import math

from sandbox.images.image import Image
from sandbox.runtime.process import Process, Signal

__all__ = ["pause", "pause_image", "register"]

_SIG_WORDS = {Signal.SIGINT: "Interrupt", Signal.SIGTERM: "Terminated"}


def pause(proc: Process) -> int:
    """``/pause``: wait for SIGINT or SIGTERM."""
    proc.set_handler(Signal.SIGINT, "catch")
    proc.set_handler(Signal.SIGTERM, "catch")
    if proc.pid != 1:
        proc.stderr.write("Warning: pause should be the first process\n")
    while True:
        proc.sleep(math.inf)
        for sig in proc.take_signals():
            if sig in _SIG_WORDS:
                proc.stderr.write(f"Shutting down, got signal: {_SIG_WORDS[Signal(sig)]}\n")
                return 0


def pause_image(ref: str) -> Image:
    img = Image(ref, entrypoint=["/pause"], user="65535:65535", size=320_368, programs={"pause": pause})
    img.build = lambda fs: fs.add_file("/pause", img.binary_for("pause"), 0o755)
    return img


def register(registry) -> None:  # type: ignore[no-untyped-def]
    for repo in ("registry.k8s.io/pause", "k8s.gcr.io/pause", "gcr.io/google-containers/pause"):
        registry.register_family(repo, r"3\.([0-35-9]|10|10\.1|4\.1)|latest", lambda tag, repo=repo: pause_image(f"{repo}:{tag}"))
