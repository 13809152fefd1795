"""Running one probe (``pkg/kubelet/prober/prober.go`` and ``pkg/probe/{exec,http,tcp,grpc}``).

:meth:`Prober.probe` runs a container's liveness, readiness or startup probe once, records the
events the real prober records (``Unhealthy``: ``Liveness probe failed: <output>``;
``ProbeWarning``: ``Readiness probe warning: <output>``; ``Unhealthy``: ``Liveness probe errored
and resulted in unknown state: <error>``) and calls back with the result. Nothing blocks:
exec goes through the runtime's asynchronous exec, HTTP through
:func:`sandbox.network.http.http_request_async`, TCP through ``Network.connect_async`` and gRPC
through :func:`sandbox.kubelet.prober.grpc.check_async`; every answer arrives as a clock callback.

Probes run from the node's network namespace with ``User-Agent: kube-probe/1.32``, as the kubelet
(a host process) does.

Simplifications: ``scheme: HTTPS`` cannot speak TLS here (the sandbox has none); it fails as Go's
client fails against a plain-HTTP server (``http: server gave HTTP response to HTTPS client``).
The gRPC wire format is simplified (see :mod:`sandbox.kubelet.prober.grpc`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urljoin, urlsplit

from sandbox.api.field import go_quote
from sandbox.kubelet import events
from sandbox.kubelet.envvars import expand
from sandbox.kubelet.prober import grpc as grpc_probe
from sandbox.kubelet.prober.results import FAILURE, SUCCESS

__all__ = [
    "LIVENESS",
    "READINESS",
    "STARTUP",
    "PROBE_KINDS",
    "KUBE_VERSION",
    "MAX_PROBE_RETRIES",
    "ProbeOutcome",
    "Prober",
    "resolve_container_port",
    "probe_spec",
]

LIVENESS, READINESS, STARTUP = "Liveness", "Readiness", "Startup"
PROBE_KINDS = (LIVENESS, READINESS, STARTUP)
#: ``major.minor`` in ``User-Agent: kube-probe/1.32``.
KUBE_VERSION = "1.32"
#: ``maxProbeRetries``: a probe that *errors* (not fails) is retried this many times.
MAX_PROBE_RETRIES = 3
#: ``maxReadLength`` / ``maxRespBodyLength``: 10 KiB of output or body are kept.
MAX_OUTPUT = 10 * 1024

#: ``probe.Result`` values
P_SUCCESS, P_WARNING, P_FAILURE, P_UNKNOWN = "success", "warning", "failure", "unknown"

REASON_UNHEALTHY = "Unhealthy"
REASON_PROBE_WARNING = "ProbeWarning"

_FOLLOWED_REDIRECTS = (301, 302, 303, 307, 308)


class ProbeOutcome:
    """One probe run: ``result`` (``Success``/``Failure``), the probe's ``output`` and ``error``
    (a prober error: the worker throws the result away)."""

    __slots__ = ("result", "output", "error", "raw")

    def __init__(self, result: str, output: str, error: str | None = None, raw: str = P_SUCCESS) -> None:
        self.result = result
        self.output = output
        self.error = error
        self.raw = raw

    def __repr__(self) -> str:
        return f"ProbeOutcome({self.result!r}, {self.output!r}, error={self.error!r})"


def probe_spec(container: Any, kind: str) -> Any:
    """The container's probe of ``kind`` (``Liveness``/``Readiness``/``Startup``), or ``None``."""
    return getattr(container, {"Liveness": "livenessProbe", "Readiness": "readinessProbe",
                               "Startup": "startupProbe"}[kind], None)


def _canonical_header(name: str) -> str:
    """``textproto.CanonicalMIMEHeaderKey``."""
    if not name or any(c in name for c in " \t\r\n:"):
        return name
    return "-".join(p[:1].upper() + p[1:].lower() for p in name.split("-"))


def resolve_container_port(port: Any, container: Any) -> int:
    """``probe.ResolveContainerPort``: a number, or a named container port; raises ``ValueError``
    with Go's words (``strconv.Atoi: parsing "web": invalid syntax``, ``invalid port number: 0``)."""
    if isinstance(port, int):
        n = port
    else:
        s = str(port)
        found = None
        for p in container.ports or []:
            if p.name == s:
                found = int(p.containerPort or 0)
                break
        if found is None:
            try:
                found = int(s, 10) if s.strip() == s and s.lstrip("+-").isdigit() else None
            except ValueError:
                found = None
            if found is None:
                raise ValueError(f'strconv.Atoi: parsing "{s}": invalid syntax')
        n = found
    if 0 < n < 65536:
        return n
    raise ValueError(f"invalid port number: {n}")


def _join_host_port(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


class Prober:
    """``prober``: runs probes for one kubelet.

    Args:
        kubelet: the :class:`~sandbox.kubelet.Kubelet` (events go through its recorder).
        clock: the cluster clock.
        network: the :class:`~sandbox.network.Network` (``None``: only exec probes work).
        runtime: the node's container runtime (``exec``).
        node_name: whose network namespace the HTTP/TCP/gRPC probes start from.
    """

    def __init__(self, kubelet: Any, clock: Any, network: Any, runtime: Any, node_name: str) -> None:
        self.kubelet = kubelet
        self.clock = clock
        self.network = network
        self.runtime = runtime
        self.node_name = node_name

    # ------------------------------------------------------------------ events

    def _event(self, pod: Any, container: Any, type_: str, reason: str, message: str) -> None:
        recorder = getattr(getattr(self.kubelet, "rt", None), "recorder", None)
        if recorder is None:
            return
        recorder(pod, container.name, type_, reason, message)

    # ------------------------------------------------------------------ probe

    def probe(self, kind: str, pod: Any, pod_ip: str, container: Any, container_id: str,
              on_done: Callable[[ProbeOutcome], Any]) -> None:
        """``prober.probe``: run the probe (retrying prober *errors* up to 3 times), record its
        event, and call ``on_done(ProbeOutcome)`` later, as a clock callback."""
        spec = probe_spec(container, kind)
        if spec is None:
            self.clock.call_soon(on_done, ProbeOutcome(SUCCESS, ""))
            return

        def finish(raw: str, output: str, err: str | None) -> None:
            if err is not None:
                self._event(pod, container, events.WARNING, REASON_UNHEALTHY,
                            f"{kind} probe errored and resulted in {raw} state: {err}")
                on_done(ProbeOutcome(FAILURE, output, err, raw))
                return
            if raw == P_SUCCESS:
                on_done(ProbeOutcome(SUCCESS, output, None, raw))
            elif raw == P_WARNING:
                self._event(pod, container, events.WARNING, REASON_PROBE_WARNING, f"{kind} probe warning: {output}")
                on_done(ProbeOutcome(SUCCESS, output, None, raw))
            elif raw == P_FAILURE:
                self._event(pod, container, events.WARNING, REASON_UNHEALTHY, f"{kind} probe failed: {output}")
                on_done(ProbeOutcome(FAILURE, output, None, raw))
            else:
                on_done(ProbeOutcome(FAILURE, output, None, raw))

        attempts = {"n": 0}

        def attempt() -> None:
            attempts["n"] += 1
            self.run_probe(spec, pod_ip, container, container_id, after)

        def after(raw: str, output: str, err: str | None) -> None:
            if err is not None and attempts["n"] < MAX_PROBE_RETRIES:
                attempt()
                return
            finish(raw, output, err)

        attempt()

    def run_probe(self, spec: Any, pod_ip: str, container: Any, container_id: str,
                  on_done: Callable[[str, str, str | None], Any]) -> None:
        """``prober.runProbe``: ``on_done(probe_result, output, error)`` as a clock callback."""
        timeout = float(spec.timeoutSeconds if spec.timeoutSeconds is not None else 1)
        done = self._once(on_done)
        if spec.exec is not None:
            self._exec(spec.exec, container, container_id, timeout, done)
        elif spec.httpGet is not None:
            self._http(spec.httpGet, pod_ip, container, timeout, done)
        elif spec.tcpSocket is not None:
            self._tcp(spec.tcpSocket, pod_ip, container, timeout, done)
        elif spec.grpc is not None:
            self._grpc(spec.grpc, pod_ip, timeout, done)
        else:
            self.clock.call_soon(done, P_UNKNOWN, "", f"missing probe handler for {container.name}")

    def _once(self, fn: Callable[[str, str, str | None], Any]) -> Callable[[str, str, str | None], None]:
        state = {"done": False}

        def call(raw: str, output: str, err: str | None) -> None:
            if state["done"]:
                return
            state["done"] = True
            fn(raw, output, err)

        return call

    # ------------------------------------------------------------------ exec

    def _exec(self, action: Any, container: Any, container_id: str, timeout: float,
              done: Callable[[str, str, str | None], None]) -> None:
        static = {e.name: e.value or "" for e in container.env or [] if e.valueFrom is None}
        cmd = [expand(a, static.get) for a in action.command or []]

        def result(res: Any) -> None:
            err = getattr(res, "error", None)
            if err and err.startswith("failed to exec in container"):
                done(P_UNKNOWN, "", f"rpc error: code = Unknown desc = {err}")
                return
            if res.timed_out:
                done(P_FAILURE, f"command {go_quote(' '.join(cmd))} timed out", None)
                return
            data = ((res.stdout or "") + (res.stderr or ""))[:MAX_OUTPUT]
            done(P_SUCCESS if res.exit_code == 0 else P_FAILURE, data, None)

        try:
            self.runtime.exec(container_id, cmd, result, timeout)
        except Exception as exc:  # noqa: BLE001 - the container is gone: a prober error
            self.clock.call_soon(done, P_UNKNOWN, "", f"rpc error: code = NotFound desc = {exc}")

    # ------------------------------------------------------------------ http

    def _node_ns(self) -> Any:
        return self.network.node(self.node_name)

    def _http(self, action: Any, pod_ip: str, container: Any, timeout: float,
              done: Callable[[str, str, str | None], None]) -> None:
        from sandbox.network.http import go_http_error, http_request_async

        try:
            port = resolve_container_port(action.port, container)
        except ValueError as exc:
            self.clock.call_soon(done, P_UNKNOWN, "", str(exc))
            return
        scheme = (action.scheme or "HTTP").lower()
        host = action.host or pod_ip
        path = action.path or ""
        url = f"{scheme}://{_join_host_port(host, port)}{path}"
        headers: list[tuple[str, str]] = [(_canonical_header(h.name or ""), h.value or "")
                                          for h in action.httpHeaders or []]
        names = {k for k, _ in headers}
        if "User-Agent" not in names:
            headers.append(("User-Agent", f"kube-probe/{KUBE_VERSION}"))
        if "Accept" not in names:
            headers.append(("Accept", "*/*"))
        elif not next(v for k, v in headers if k == "Accept"):
            headers = [(k, v) for k, v in headers if k != "Accept"]
        ns = self._node_ns()
        deadline = self.clock.now() + timeout
        first_host = host

        if scheme == "https":
            def tls(conn: Any, err: BaseException | None) -> None:
                if conn is not None:
                    conn.close()
                    done(P_FAILURE, f'Get {go_quote(url)}: http: server gave HTTP response to HTTPS client', None)
                    return
                from sandbox.network.http import go_dial_error

                if isinstance(err, TimeoutError):
                    done(P_FAILURE, f"Get {go_quote(url)}: context deadline exceeded (Client.Timeout exceeded "
                                    "while awaiting headers)", None)
                    return
                done(P_FAILURE, f"Get {go_quote(url)}: {go_dial_error(err, host, port)}", None)

            self.network.connect_async(ns, host, port, tls, timeout)
            return

        state = {"url": url, "hops": 0}

        def send() -> None:
            remaining = deadline - self.clock.now()
            http_request_async(ns, state["url"], got, headers=headers, timeout=max(remaining, 0.0),
                               follow_redirects=False)

        def got(resp: Any, err: BaseException | None) -> None:
            if err is not None or resp is None:
                done(P_FAILURE, go_http_error(err, "GET", state["url"]), None)
                return
            loc = resp.headers.get("Location")
            if resp.status in _FOLLOWED_REDIRECTS and loc:
                target = urljoin(state["url"], loc)
                if (urlsplit(target).hostname or "") == first_host.strip("[]"):
                    state["hops"] += 1
                    if state["hops"] >= 10:
                        done(P_FAILURE, f"Get {go_quote(target)}: stopped after 10 redirects", None)
                        return
                    state["url"] = target
                    send()
                    return
            body = resp.body[:MAX_OUTPUT].decode("utf-8", "replace")
            if 200 <= resp.status < 400:
                if resp.status >= 300:
                    done(P_WARNING, f"Probe terminated redirects, Response body: {body}", None)
                else:
                    done(P_SUCCESS, body, None)
                return
            done(P_FAILURE, f"HTTP probe failed with statuscode: {resp.status}", None)

        send()

    # ------------------------------------------------------------------ tcp

    def _tcp(self, action: Any, pod_ip: str, container: Any, timeout: float,
             done: Callable[[str, str, str | None], None]) -> None:
        from sandbox.network.http import go_dial_error

        try:
            port = resolve_container_port(action.port, container)
        except ValueError as exc:
            self.clock.call_soon(done, P_UNKNOWN, "", str(exc))
            return
        host = action.host or pod_ip

        def connected(conn: Any, err: BaseException | None) -> None:
            if conn is not None:
                conn.close()
                done(P_SUCCESS, "", None)
                return
            done(P_FAILURE, go_dial_error(err, host, port) if err is not None else "dial tcp: error", None)

        self.network.connect_async(self._node_ns(), host, port, connected, timeout)

    # ------------------------------------------------------------------ grpc

    def _grpc(self, action: Any, pod_ip: str, timeout: float, done: Callable[[str, str, str | None], None]) -> None:
        port = int(action.port or 0)

        def answered(out: grpc_probe.CheckOutcome) -> None:
            done(P_SUCCESS if out.ok else P_FAILURE, out.output, None)

        grpc_probe.check_async(self.network, self._node_ns(), pod_ip, port, action.service or "", timeout, answered)
