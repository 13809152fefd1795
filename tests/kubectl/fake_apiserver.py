"""A tiny HTTP front for a sandbox ``APIServer``, so the real ``kubectl`` can read from it.

Serves legacy discovery (``/api``, ``/api/v1``, ``/apis``, ``/apis/<group>/<version>``),
``/version``, and GET (one object or a list, with ``labelSelector``/``fieldSelector``) from the
sandbox's store as plain JSON. It never serves ``as=Table``: kubectl's table printing happens in
kube-apiserver, so comparing against tables built here would prove nothing. Standard library only.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

from sandbox.errors import StatusError

KUBECTL = shutil.which("kubectl")


def _resources(registry: Any, group: str, version: str) -> list[dict[str, Any]]:
    out = []
    # kube-apiserver lists a group version's resources alphabetically
    for i in sorted(registry.kinds(), key=lambda k: k.plural):
        if i.group != group or i.version != version:
            continue
        r: dict[str, Any] = {"name": i.plural, "singularName": i.singular, "namespaced": i.namespaced,
                             "kind": i.kind, "verbs": list(i.verbs)}
        if i.short_names:
            r["shortNames"] = list(i.short_names)
        if i.categories:
            r["categories"] = list(i.categories)
        out.append(r)
        for sub in i.subresources:
            out.append({"name": f"{i.plural}/{sub}", "singularName": "", "namespaced": i.namespaced,
                        "kind": i.kind, "verbs": ["get"]})
    return out


class FakeAPIServer:
    """``with FakeAPIServer(api) as srv: srv.kubectl("describe", "pod", "x")``."""

    def __init__(self, api: Any) -> None:
        self.api = api
        self.tmp = tempfile.mkdtemp(prefix="podlab-kubectl-")
        handler = self._handler()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.kubeconfig = os.path.join(self.tmp, "config")
        with open(self.kubeconfig, "w") as fh:
            fh.write(
                "apiVersion: v1\nkind: Config\n"
                f"clusters:\n- name: sb\n  cluster:\n    server: http://127.0.0.1:{self.port}\n"
                "contexts:\n- name: sb\n  context:\n    cluster: sb\n    user: u\n    namespace: default\n"
                "current-context: sb\nusers:\n- name: u\n  user: {}\n")

    def __enter__(self) -> FakeAPIServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def kubectl(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run the real kubectl against this server."""
        assert KUBECTL is not None
        env = {k: v for k, v in os.environ.items() if not k.startswith("KUBE")}
        env["HOME"] = self.tmp  # discovery cache under $HOME/.kube/cache
        env["KUBECONFIG"] = self.kubeconfig
        return subprocess.run(
            [KUBECTL, *args],
            capture_output=True, text=True, timeout=60, env=env)

    # ------------------------------------------------------------------ HTTP

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a: Any) -> None:  # quiet
                pass

            def _send(self, code: int, body: Any) -> None:
                data = json.dumps(body).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:  # noqa: N802
                try:
                    code, body = server.route(self.path)
                except StatusError as e:
                    code, body = e.code, e.status
                self._send(code, body)

            def do_DELETE(self) -> None:  # noqa: N802
                try:
                    code, body = server.route(self.path, delete=True)
                except StatusError as e:
                    code, body = e.code, e.status
                self._send(code, body)

        return Handler

    def route(self, path: str, delete: bool = False) -> tuple[int, Any]:
        u = urlparse(path)
        q = {k: v[0] for k, v in parse_qs(u.query).items()}
        parts = [p for p in u.path.split("/") if p]
        reg = self.api.registry
        if parts == ["version"]:
            return 200, {"major": "1", "minor": "32", "gitVersion": "v1.32.0", "platform": "linux/amd64"}
        if parts == ["api"]:
            return 200, {"kind": "APIVersions", "versions": ["v1"], "serverAddressByClientCIDRs": [
                {"clientCIDR": "0.0.0.0/0", "serverAddress": f"127.0.0.1:{self.port}"}]}
        if parts == ["apis"]:
            groups: dict[str, list[str]] = {}
            for i in reg.kinds():
                if i.group:
                    groups.setdefault(i.group, [])
                    if i.version not in groups[i.group]:
                        groups[i.group].append(i.version)
            return 200, {"kind": "APIGroupList", "apiVersion": "v1", "groups": [
                {"name": g, "versions": [{"groupVersion": f"{g}/{v}", "version": v} for v in vs],
                 "preferredVersion": {"groupVersion": f"{g}/{vs[0]}", "version": vs[0]}} for g, vs in groups.items()]}
        if parts and parts[0] == "api":
            group, version, rest = "", parts[1] if len(parts) > 1 else "", parts[2:]
        elif parts and parts[0] == "apis" and len(parts) >= 3:
            group, version, rest = parts[1], parts[2], parts[3:]
        else:
            return 404, {"kind": "Status", "apiVersion": "v1", "status": "Failure", "code": 404, "reason": "NotFound",
                         "message": "the server could not find the requested resource"}
        if not rest:
            gv = f"{group}/{version}" if group else version
            return 200, {"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": gv,
                         "resources": _resources(reg, group, version)}
        ns = None
        if rest[0] == "namespaces" and len(rest) >= 3:
            ns, rest = rest[1], rest[2:]
        plural = rest[0]
        if group == "" and plural in ("resourcequotas", "limitranges") and len(rest) == 1:
            # a real cluster serves these; the sandbox has none of either
            kind = "ResourceQuotaList" if plural == "resourcequotas" else "LimitRangeList"
            return 200, {"kind": kind, "apiVersion": "v1", "metadata": {"resourceVersion": "1"}, "items": []}
        info = next((i for i in reg.kinds() if i.group == group and i.plural == plural), None)
        if info is None:
            return 404, {"kind": "Status", "apiVersion": "v1", "status": "Failure", "code": 404,
                         "reason": "NotFound", "message": "the server could not find the requested resource"}
        res = info.qualified_resource
        if len(rest) >= 2 and delete:
            return 200, self.api.delete(res, rest[1], ns).to_dict()
        if len(rest) >= 2:
            return 200, self.api.get_dict(res, rest[1], ns)
        lst = self.api.list(res, ns, label_selector=q.get("labelSelector"), field_selector=q.get("fieldSelector"))
        return 200, lst.to_dict()
