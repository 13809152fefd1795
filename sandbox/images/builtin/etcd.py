"""``registry.k8s.io/etcd:3.5.x-0``: enough of etcd for the gRPC probe example of Kubernetes' docs
(``pods/probe/grpc-liveness.yaml``).

``/usr/local/bin/etcd`` listens on the port of ``--listen-client-urls`` (default
``http://localhost:2379``) and serves, on that one port as etcd does (cmux):

* gRPC: the standard health service ``grpc.health.v1.Health/Check``, answering ``SERVING`` for the
  server (service ``""``), in the sandbox's simplified gRPC framing
  (:mod:`sandbox.kubelet.prober.grpc`);
* HTTP/1.1: ``/health`` (``{"health":"true","reason":""}``) and ``/version``.

It stores no keys. SIGTERM/SIGINT stop it (exit 0). The image has a busybox shell.
"""

from __future__ import annotations

import json
import math
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit

from sandbox.images.builtin.busybox import install_busybox
from sandbox.images.image import Image
from sandbox.runtime.process import Process, Signal
from sandbox.runtime.world import context_of

__all__ = ["etcd", "etcd_image", "register"]


def _flag(args: list[str], name: str, default: str) -> str:
    for i, a in enumerate(args):
        if a.startswith(f"--{name}="):
            return a.split("=", 1)[1]
        if a == f"--{name}" and i + 1 < len(args):
            return args[i + 1]
    return default


def _log(proc: Process, level: str, msg: str, **fields: Any) -> None:
    stamp = datetime.fromtimestamp(proc.now(), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    rec = {"level": level, "ts": stamp, "msg": msg, **fields}
    proc.stderr.write(json.dumps(rec, separators=(",", ":")) + "\n")


def _http1(conn: Any, first: bytes, version: str) -> None:
    buf = bytearray(first)
    try:
        while b"\r\n\r\n" not in buf:
            chunk = conn.recv(65536, timeout=5)
            if not chunk:
                return
            buf += chunk
        line = bytes(buf).split(b"\r\n", 1)[0].decode("latin-1").split()
        path = urlsplit(line[1]).path if len(line) > 1 else "/"
        if path == "/health":
            status, body = "200 OK", '{"health":"true","reason":""}'
        elif path == "/version":
            status, body = "200 OK", json.dumps({"etcdserver": version, "etcdcluster": version.rsplit(".", 1)[0] + ".0"},
                                                separators=(",", ":"))
        else:
            status, body = "404 Not Found", "404 page not found\n"
        conn.sendall(f"HTTP/1.1 {status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {len(body)}\r\n"
                     f"Connection: close\r\n\r\n{body}".encode())
    except (OSError, TimeoutError):
        pass
    finally:
        conn.close()


def etcd(proc: Process) -> int:
    """``etcd [--listen-client-urls URLS] ...``: see the module docstring."""
    from sandbox.kubelet.prober.grpc import HealthServer

    args = proc.argv[1:]
    version = "3.5.1"
    url = _flag(args, "listen-client-urls", "http://localhost:2379").split(",")[0]
    parts = urlsplit(url)
    port = parts.port or 2379
    host = parts.hostname or "0.0.0.0"
    if host == "localhost":
        host = "127.0.0.1"
    ctx = context_of(proc)
    ns = ctx.network if ctx is not None else None
    if ns is None:
        _log(proc, "fatal", "listen failed", error=f"listen tcp {host}:{port}: socket: address family not supported")
        return 1
    _log(proc, "info", "Running: ", args=proc.argv)
    try:
        listener = ns.listen(port, host)
    except OSError as e:
        _log(proc, "fatal", "discovery failed", error=f"listen tcp {host}:{port}: bind: {(e.strerror or str(e)).lower()}")
        return 1
    health = HealthServer({"": "SERVING"})
    _log(proc, "info", "serving client traffic insecurely; this is strongly discouraged!",
         address=f"[::]:{port}" if host == "0.0.0.0" else f"{host}:{port}")

    def serve() -> None:
        while True:
            try:
                conn = listener.accept()
            except OSError:
                return
            try:
                first = conn.recv(65536, timeout=5)
            except (OSError, TimeoutError):
                conn.close()
                continue
            if not first:
                conn.close()
            elif HealthServer.is_grpc(first):
                health.handle(conn, first, timeout=5)
            else:
                _http1(conn, first, version)

    proc.set_handler(Signal.SIGTERM, "catch")
    proc.set_handler(Signal.SIGINT, "catch")
    proc.table.spawner(serve, f"etcd :{port}")
    try:
        while True:
            proc.sleep(math.inf)
            for sig in proc.take_signals():
                if sig in (Signal.SIGTERM, Signal.SIGINT):
                    _log(proc, "info", "received signal; shutting down", signal="terminated" if sig == Signal.SIGTERM
                         else "interrupt")
                    return 0
    finally:
        listener.close()


def etcd_image(ref: str) -> Image:
    """The etcd image: ``/usr/local/bin/etcd`` and a busybox shell."""
    img = Image(ref, entrypoint=["/usr/local/bin/etcd"], size=98_000_000, programs={"etcd": etcd},
                exposed_ports=["2379/tcp", "2380/tcp"])

    def build(fs: Any) -> None:
        install_busybox(fs)
        fs.add_dir("/var/lib/etcd", 0o700)
        fs.add_file("/usr/local/bin/etcd", img.binary_for("etcd"), 0o755)

    img.build = build
    return img


def register(registry: Any) -> None:
    """Serve ``etcd:3.5.*-0`` (and 3.4) from registry.k8s.io and k8s.gcr.io."""
    for repo in ("registry.k8s.io/etcd", "k8s.gcr.io/etcd"):
        registry.register_family(repo, r"3\.5\.(0|1|3|4|5|6|7|9|10|12|13|15|16|17|21)-0|3\.4\.(3|7|9|13)-[0-3]|3\.6\.[0-4]-0", lambda tag, repo=repo: etcd_image(f"{repo}:{tag}"))
