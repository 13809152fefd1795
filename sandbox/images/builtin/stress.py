"""``polinux/stress`` (and ``progrium/stress``): ``stress --vm 1 --vm-bytes 150M --vm-hang 1``.

As in Kubernetes' "Assign Memory Resources" task: each ``--vm`` worker (a child process) allocates
``--vm-bytes`` through the container's memory accounting, holds it ``--vm-hang`` seconds, frees it
and starts again. Over the container's memory limit the OOM killer ends the container (exit 137,
reason ``OOMKilled``). ``--timeout N`` ends a successful run after N seconds. CPU, io and hdd
hogs only wait (the sandbox has no CPU accounting).

stress, a C program run as PID 1, has no SIGTERM handler: it ignores SIGTERM and is killed at
the end of the grace period.
"""

from __future__ import annotations

import math
from typing import Any

from sandbox.images.builtin.busybox import install_busybox
from sandbox.images.image import Image
from sandbox.runtime.process import Process
from sandbox.runtime.world import context_of, parse_bytes

__all__ = ["stress", "stress_image", "register"]

_DURATION = {"s": 1, "m": 60, "h": 3600, "d": 86400, "y": 31536000}


def _seconds(text: str) -> float:
    t = text.strip().lower()
    if t and t[-1] in _DURATION:
        return float(t[:-1]) * _DURATION[t[-1]]
    return float(t)


def _parse(args: list[str]) -> dict[str, Any]:
    opts: dict[str, Any] = {"cpu": 0, "io": 0, "vm": 0, "hdd": 0, "vm-bytes": 256 * 1024 * 1024, "vm-hang": None, "timeout": None, "vm-keep": False}
    alias = {"-c": "cpu", "-i": "io", "-m": "vm", "-d": "hdd", "-t": "timeout"}
    i = 0
    while i < len(args):
        a = args[i]
        key = alias.get(a) or (a[2:] if a.startswith("--") else None)
        if key == "vm-keep":
            opts["vm-keep"] = True
        elif key in ("v", "verbose", "q", "quiet", "n", "dry-run"):
            pass
        elif key in opts:
            if "=" in a:
                key, val = a[2:].split("=", 1)
            else:
                i += 1
                val = args[i] if i < len(args) else ""
            if key in ("cpu", "io", "vm", "hdd"):
                opts[key] = int(val)
            elif key in ("vm-bytes", "hdd-bytes"):
                opts[key] = parse_bytes(val)
            elif key == "vm-hang":
                opts[key] = float(val)
            elif key == "timeout":
                opts[key] = _seconds(val)
        else:
            raise ValueError(a)
        i += 1
    return opts


USAGE = """`stress' imposes certain types of compute stress on your system

Usage: stress [OPTION [ARG]] ...
 -?, --help         show this help statement
     --version      show version statement
 -v, --verbose      be verbose
 -q, --quiet        be quiet
 -n, --dry-run      show what would have been done
 -t, --timeout N    timeout after N seconds
     --backoff N    wait factor of N microseconds before work starts
 -c, --cpu N        spawn N workers spinning on sqrt()
 -i, --io N         spawn N workers spinning on sync()
 -m, --vm N         spawn N workers spinning on malloc()/free()
     --vm-bytes B   malloc B bytes per vm worker (default is 256MB)
     --vm-stride B  touch a byte every B bytes (default is 4096)
     --vm-hang N    sleep N secs before free (default none, 0 is inf)
     --vm-keep      redirty memory instead of freeing and reallocating
 -d, --hdd N        spawn N workers spinning on write()/unlink()
     --hdd-bytes B  write B bytes per hdd worker (default is 1GB)

Example: stress --cpu 2 --io 1 --vm 1 --vm-bytes 128M --timeout 10s

Note: Numbers may be suffixed with s,m,h,d,y (time) or B,K,M,G (size).
"""


def stress(proc: Process) -> int:
    """``stress [--cpu N] [--vm N --vm-bytes B --vm-hang N --vm-keep] [--timeout N]``."""
    args = proc.argv[1:]
    if not args or "--help" in args or "-?" in args:
        proc.stdout.write(USAGE)
        return 0 if args else 1
    try:
        opts = _parse(args)
    except ValueError as e:
        proc.stderr.write(f"stress: FAIL: [{proc.pid}] (244) unrecognized option: {e}\n")
        return 1
    pid = proc.pid
    started = proc.now()
    proc.stdout.write(
        f"stress: info: [{pid}] dispatching hogs: {opts['cpu']} cpu, {opts['io']} io, {opts['vm']} vm, {opts['hdd']} hdd\n"
    )
    ctx = context_of(proc)
    workers: list[Process] = []

    def vm_worker(wp: Process) -> int:
        nbytes, hang, keep = opts["vm-bytes"], opts["vm-hang"], opts["vm-keep"]
        memory = ctx.memory if ctx is not None else None
        while True:
            if memory is not None:
                memory.charge(nbytes)
            if keep:
                wp.sleep(math.inf)
            wp.sleep(math.inf if hang == 0 else (hang if hang is not None else 0.1))
            if memory is not None:
                memory.uncharge(nbytes)

    def idle_worker(wp: Process) -> int:
        wp.sleep(math.inf)
        return 0

    for kind in ("cpu", "io", "vm", "hdd"):
        for _ in range(opts[kind]):
            child = proc.child([proc.argv[0], *args])
            proc.spawn(child, vm_worker if kind == "vm" else idle_worker)
            workers.append(child)
    deadline = None if opts["timeout"] is None else started + opts["timeout"]
    while True:
        remaining = None if deadline is None else deadline - proc.now()
        if remaining is not None and remaining <= 0:
            for w in workers:
                if w.alive:
                    w.deliver(9)
            proc.wait_for(lambda: all(not w.alive for w in workers), interruptible=False)
            proc.stdout.write(f"stress: info: [{pid}] successful run completed in {round(proc.now() - started)}s\n")
            return 0
        proc.wait_for(lambda: any(not w.alive for w in workers), remaining, interruptible=False)
        dead = [w for w in workers if not w.alive]
        if dead:
            w = dead[0]
            if w.term_signal:
                proc.stderr.write(f"stress: FAIL: [{pid}] (415) <-- worker {w.pid} got signal {w.term_signal}\n")
            else:
                proc.stderr.write(f"stress: FAIL: [{pid}] (422) <-- worker {w.pid} returned error {w.exit_code}\n")
            proc.stderr.write(f"stress: WARN: [{pid}] (417) now reaping child worker processes\n")
            for other in workers:
                if other.alive:
                    other.deliver(9)
            proc.stderr.write(f"stress: FAIL: [{pid}] (451) failed run completed in {round(proc.now() - started)}s\n")
            return 1


def stress_image(ref: str) -> Image:
    img = Image(ref, cmd=["stress", "--help"], size=9_740_000, programs={"stress": stress})

    def build(fs: Any) -> None:
        install_busybox(fs)
        fs.add_file("/usr/bin/stress", img.binary_for("stress"), 0o755)
        fs.add_file("/usr/local/bin/stress", img.binary_for("stress"), 0o755)

    img.build = build
    return img


def register(registry: Any) -> None:
    tags = {
        "docker.io/polinux/stress": r"latest|1\.0\.4",
        "docker.io/progrium/stress": r"latest",
        "docker.io/alexeiled/stress-ng": r"latest|0\.\d+\.\d+",
    }
    for repo, pattern in tags.items():
        registry.register_family(repo, pattern, lambda tag, repo=repo: stress_image(f"{repo}:{tag}"))
