"""``registry.k8s.io/goproxy:0.1``: the HTTP proxy of the TCP probe example in Kubernetes' docs
(``pods/probe/tcp-liveness-readiness.yaml``), elazarl/goproxy's basic proxy on port 8080.

A request for an absolute URL (``GET http://host/path``) is forwarded from the pod's network and
the answer returned; any other request gets goproxy's ``500 This is a proxy server. Does not
respond to non-proxy requests.`` It is a Go program without signal handling: as PID 1 it
ignores SIGTERM (the kubelet kills it after the grace period, exit 137); otherwise it dies from
the signal (143). The image has no shell.
"""

from __future__ import annotations

import math
from typing import Any

from sandbox.images.image import Image
from sandbox.runtime.process import Process, Signal
from sandbox.runtime.world import context_of

__all__ = ["goproxy", "goproxy_image", "register", "NON_PROXY_MESSAGE"]

NON_PROXY_MESSAGE = "This is a proxy server. Does not respond to non-proxy requests.\n"


def goproxy(proc: Process) -> int:
    """``/goproxy``: serve the proxy on ``:8080`` until killed."""
    from sandbox.network.http import HTTPResponse, HTTPServer, http_request

    ctx = context_of(proc)
    ns = ctx.network if ctx is not None else None
    if ns is None:
        proc.stderr.write("listen tcp :8080: socket: address family not supported by protocol\n")
        return 1

    def handler(req: Any) -> Any:
        if not req.target.startswith("http://"):
            return HTTPResponse(500, headers={"Content-Type": "text/plain; charset=utf-8",
                                              "X-Content-Type-Options": "nosniff"}, body=NON_PROXY_MESSAGE)
        headers = [(k, v) for k, v in req.headers.items() if k.lower() not in ("proxy-connection", "connection")]
        try:
            resp = http_request(ns, req.target, method=req.method, headers=headers, body=req.body,
                                timeout=30, follow_redirects=False)
        except Exception as exc:  # noqa: BLE001 - goproxy answers 500 with the error
            return HTTPResponse(500, body=f"{exc}\n")
        return HTTPResponse(resp.status, headers=[(k, v) for k, v in resp.headers.items()
                                                  if k.lower() not in ("connection", "transfer-encoding")],
                            body=resp.body)

    try:
        server = HTTPServer(ns, 8080, handler, keepalive_timeout=None)
    except OSError as e:
        proc.stderr.write(f"listen tcp :8080: bind: {(e.strerror or str(e)).lower()}\n")
        return 1
    proc.set_handler(Signal.SIGTERM, "catch")
    proc.set_handler(Signal.SIGINT, "catch")
    proc.table.spawner(lambda: server.serve_forever(), "goproxy http :8080")
    try:
        while True:
            proc.sleep(math.inf)
            for sig in proc.take_signals():
                if sig in (Signal.SIGTERM, Signal.SIGINT) and proc.pid != 1:
                    return 128 + int(sig)
    finally:
        server.close()


def goproxy_image(ref: str) -> Image:
    """The goproxy image (no shell: ``/goproxy`` only)."""
    img = Image(ref, entrypoint=["/goproxy"], size=5_000_000, programs={"goproxy": goproxy},
                exposed_ports=["8080/tcp"])

    def build(fs: Any) -> None:
        fs.add_file("/goproxy", img.binary_for("goproxy"), 0o755)

    img.build = build
    return img


def register(registry: Any) -> None:
    """Serve ``goproxy:0.1`` from registry.k8s.io and k8s.gcr.io."""
    for repo in ("registry.k8s.io/goproxy", "k8s.gcr.io/goproxy"):
        registry.register_family(repo, r"0\.1", lambda tag, repo=repo: goproxy_image(f"{repo}:{tag}"))
