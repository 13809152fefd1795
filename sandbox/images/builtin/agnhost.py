"""``registry.k8s.io/e2e-test-images/agnhost`` (2.x): Kubernetes' test server; ``args`` pick the mode.

* ``liveness``: HTTP on 8080; ``/healthz`` answers ``200 ok`` for the first 10 seconds, then
  ``500 error: <seconds>`` (exactly ``test/images/agnhost/liveness/server.go``); ``/started``.
* ``netexec [--http-port=8080] [--udp-port=8081]``: ``/hostname``, ``/echo?msg=``,
  ``/shell?cmd=`` (JSON ``{"output": ...}``), ``/healthz``, ``/clientip``, ``/exit?code=``,
  ``/shutdown``.
* ``serve-hostname [--port=9376]``: answers the pod's hostname.
* ``pause``: waits for SIGINT/SIGTERM and exits 0.

agnhost is a Go program: apart from ``pause`` it does not handle SIGTERM, and Go's runtime, unable
to die from a signal as PID 1, exits with code 2 (143 when it is not PID 1).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from sandbox.images.builtin.busybox import install_busybox
from sandbox.images.image import Image
from sandbox.runtime.process import OutputBuffer, Process, Signal
from sandbox.runtime.world import context_of

__all__ = ["agnhost", "agnhost_image", "register", "go_float"]


def go_float(x: float) -> str:
    """A float as Go's ``%v`` prints it (``11`` for 11.0, ``10.5``)."""
    s = repr(float(x))
    return s[:-2] if s.endswith(".0") else s


def _golog(proc: Process, msg: str) -> None:
    stamp = datetime.fromtimestamp(proc.now(), tz=timezone.utc).strftime("%Y/%m/%d %H:%M:%S")
    proc.stderr.write(f"{stamp} {msg}\n")


def _flag(args: list[str], name: str, default: str) -> str:
    for i, a in enumerate(args):
        if a.startswith(f"--{name}=") or a.startswith(f"-{name}="):
            return a.split("=", 1)[1]
        if a in (f"--{name}", f"-{name}") and i + 1 < len(args):
            return args[i + 1]
    return default


def _serve(
    proc: Process, port: int, handler: Callable[[Any], Any], started: str, exit_code: Callable[[], int | None] = lambda: None
) -> int:
    """Serve HTTP on a goroutine-like thread; the main thread waits for signals (Go's default)."""
    ctx = context_of(proc)
    ns = ctx.network if ctx is not None else None
    if ns is None:
        _golog(proc, f"listen tcp :{port}: socket: address family not supported by protocol")
        return 1
    from sandbox.network.http import HTTPServer

    try:
        server = HTTPServer(ns, port, handler, keepalive_timeout=None)
    except OSError as e:
        _golog(proc, f"listen tcp :{port}: bind: {e.strerror.lower() if e.strerror else e}")
        return 1
    if started:
        _golog(proc, started)
    proc.set_handler(Signal.SIGTERM, "catch")
    proc.set_handler(Signal.SIGINT, "catch")
    proc.table.spawner(lambda: server.serve_forever(), f"agnhost http :{port}")
    try:
        while True:
            proc.sleep(math.inf)
            for sig in proc.take_signals():
                if sig in (Signal.SIGTERM, Signal.SIGINT):
                    # no signal.Notify: the Go runtime dies from the signal (PID 1 cannot: exit 2)
                    return 2 if proc.pid == 1 else 128 + int(sig)
            code = exit_code()
            if code is not None:
                return code
    finally:
        server.close()


def _liveness(proc: Process, args: list[str]) -> int:
    from sandbox.network.http import HTTPResponse

    started = proc.now()

    def handler(req: Any) -> Any:
        duration = proc.now() - started
        if req.path == "/started":
            return HTTPResponse(200, body=f"{go_float(duration)}s")
        if req.path == "/healthz":
            if duration > 10:
                return HTTPResponse(500, body=f"error: {go_float(duration)}")
            return HTTPResponse(200, body="ok")
        if req.path == "/redirect":
            loc = req.query_params.get("loc", [""])[0]
            return HTTPResponse(302, headers={"Location": loc}, body="")
        return HTTPResponse(404, body="404 page not found\n")

    return _serve(proc, 8080, handler, "")


def _netexec(proc: Process, args: list[str]) -> int:
    from sandbox.network.http import HTTPResponse

    port = int(_flag(args, "http-port", "8080"))
    state: dict[str, Any] = {}

    def handler(req: Any) -> Any:
        q = req.query_params
        if req.path == "/" or req.path == "/echo":
            if req.path == "/":
                return HTTPResponse(200, body="NOW: " + datetime.fromtimestamp(proc.now(), tz=timezone.utc).isoformat())
            return HTTPResponse(200, body=q.get("msg", [""])[0])
        if req.path == "/hostname":
            return HTTPResponse(200, body=proc.hostname)
        if req.path == "/healthz":
            return HTTPResponse(200, body="")
        if req.path == "/clientip":
            return HTTPResponse(200, body=f"{req.client[0]}:{req.client[1]}")
        if req.path == "/shell":
            cmd = q.get("shellCommand", q.get("cmd", [""]))[0]
            out = OutputBuffer()
            child = proc.child(["/bin/sh", "-c", cmd], stdout=out, stderr=out)
            from sandbox.images.busybox import sh

            code = child.run(sh)
            body: dict[str, str] = {"output": out.getvalue()}
            if code != 0:
                body["error"] = f"exit status {code}"
            return HTTPResponse(200, headers={"Content-Type": "application/json"}, body=json.dumps(body))
        if req.path == "/exit":
            code = int(q.get("code", ["0"])[0])
            state["exit"] = code
            proc.deliver(Signal.SIGUSR2)
            return HTTPResponse(200, body="")
        if req.path == "/shutdown":
            state["exit"] = 0
            proc.deliver(Signal.SIGUSR2)
            return HTTPResponse(200, body="")
        return HTTPResponse(404, body="404 page not found\n")

    proc.set_handler(Signal.SIGUSR2, "catch")
    return _serve(proc, port, handler, f"Started HTTP server on port {port}", lambda: state.get("exit"))


def _serve_hostname(proc: Process, args: list[str]) -> int:
    from sandbox.network.http import HTTPResponse

    port = int(_flag(args, "port", "9376"))
    return _serve(proc, port, lambda req: HTTPResponse(200, body=proc.hostname), f"Serving on port {port}.")


def _pause(proc: Process, args: list[str]) -> int:
    proc.set_handler(Signal.SIGTERM, "catch")
    proc.set_handler(Signal.SIGINT, "catch")
    proc.stdout.write("Paused\n")
    while True:
        proc.sleep(math.inf)
        for sig in proc.take_signals():
            if sig in (Signal.SIGTERM, Signal.SIGINT):
                word = "terminated" if sig == Signal.SIGTERM else "interrupt"
                proc.stdout.write(f"Shutting down after receiving signal: {word}.\n")
                proc.stdout.write("Exiting\n")
                return 0


MODES: dict[str, Callable[[Process, list[str]], int]] = {
    "liveness": _liveness,
    "netexec": _netexec,
    "serve-hostname": _serve_hostname,
    "pause": _pause,
}


def agnhost(proc: Process) -> int:
    """``/agnhost MODE [FLAGS]``."""
    args = proc.argv[1:]
    if not args or args[0] in ("-h", "--help", "help"):
        proc.stdout.write(
            "agnhost is a multi-purpose image used in Kubernetes e2e tests.\n\nUsage:\n  agnhost [command]\n\n"
            "Available Commands:\n" + "".join(f"  {m}\n" for m in sorted(MODES))
        )
        return 0
    mode = MODES.get(args[0])
    if mode is None:
        proc.stderr.write(f'Error: unknown command "{args[0]}" for "agnhost"\nRun \'agnhost --help\' for usage.\n')
        return 1
    return mode(proc, args[1:])


def agnhost_image(ref: str) -> Image:
    img = Image(ref, entrypoint=["/agnhost"], size=50_250_000, programs={"agnhost": agnhost}, exposed_ports=["80/tcp"])

    def build(fs: Any) -> None:
        install_busybox(fs)
        fs.add_file("/agnhost", img.binary_for("agnhost"), 0o755)

    img.build = build
    return img


def register(registry: Any) -> None:
    for repo in ("registry.k8s.io/e2e-test-images/agnhost", "k8s.gcr.io/e2e-test-images/agnhost"):
        registry.register_family(repo, r"2\.([1-9]|[1-4]\d|5[0-4])", lambda tag, repo=repo: agnhost_image(f"{repo}:{tag}"))
