"""Lifecycle hooks (``pkg/kubelet/lifecycle/handlers.go``): postStart and preStop handlers
(``exec``, ``httpGet``, ``sleep``), run as coroutines so the kubelet never blocks."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from typing import Any

from sandbox.api.field import go_quote
from sandbox.kubelet.coro import Op, Sleep, Wait

__all__ = ["HookResult", "run_handler", "format_exec_argv"]


@dataclass
class HookResult:
    ok: bool
    message: str = ""


def format_exec_argv(argv: list[str]) -> str:
    """Go's ``%v`` of a ``[]string``: ``[sh -c exit 1]``."""
    return "[" + " ".join(argv) + "]"


def _port(port: Any, container: Any) -> int | None:
    if isinstance(port, int):
        return port
    if isinstance(port, str):
        if port.isdigit():
            return int(port)
        for p in container.ports or []:
            if p.name == port:
                return p.containerPort
    return None


def run_handler(
    runtime: Any,
    sandbox: Any,
    pod: Any,
    container: Any,
    container_id: str,
    handler: Any,
    pod_ip: str,
    timeout: float | None = None,
) -> Generator[Op, Any, HookResult]:
    """Run one ``LifecycleHandler``; a coroutine returning :class:`HookResult` (``message`` is
    the kubelet's wording for the failure)."""
    from sandbox.kubelet.events import format_pod

    if handler.exec is not None:
        argv = list(handler.exec.command or [])
        result = yield Wait(lambda resume: runtime.exec(container_id, argv, resume, timeout=timeout))
        if result is None:
            return HookResult(False, "exec failed")
        if result.exit_code == 0 and not result.timed_out:
            return HookResult(True)
        output = (result.stdout or "") + (result.stderr or "")
        if result.timed_out:
            err = f"command '{' '.join(argv)}' timed out"
        else:
            err = f"command '{' '.join(argv)}' exited with {result.exit_code}: {result.stderr or ''}"
        msg = (
            f"Exec lifecycle hook ({format_exec_argv(argv)}) for Container \"{container.name}\" in Pod "
            f"\"{format_pod(pod)}\" failed - error: {err}, message: {go_quote(output)}"
        )
        return HookResult(False, msg)
    if handler.httpGet is not None:
        hg = handler.httpGet
        path = hg.path or ""
        port = _port(hg.port, container)
        host = hg.host or pod_ip
        scheme = (hg.scheme or "HTTP").lower()
        url = f"{scheme}://{host}:{port}{path if path.startswith('/') else '/' + path}"
        ns = getattr(sandbox, "network", None)
        err: str | None = None
        if ns is None or port is None:
            err = "no network"
        else:
            from sandbox.network.http import http_request_async

            headers = [(h.name or "", h.value or "") for h in hg.httpHeaders or []]
            resp, exc = yield Wait(
                lambda resume: http_request_async(
                    ns, url, lambda r, e: resume((r, e)), headers=headers, timeout=timeout
                )
            )
            if exc is not None:
                err = str(exc)
            elif resp is not None and not (200 <= int(getattr(resp, "status", 0)) < 400):
                err = f"HTTP lifecycle hook ({path}) for Container \"{container.name}\" in Pod \"{format_pod(pod)}\" failed - error: Get \"{url}\": bad status code {resp.status}"
                return HookResult(False, err)
        if err is None:
            return HookResult(True)
        return HookResult(
            False,
            f"HTTP lifecycle hook ({path}) for Container \"{container.name}\" in Pod \"{format_pod(pod)}\" "
            f"failed - error: {err}",
        )
    if handler.sleep is not None:
        secs = float(handler.sleep.seconds or 0)
        if timeout is not None:
            secs = min(secs, timeout)
        yield Sleep(secs)
        return HookResult(True)
    if handler.tcpSocket is not None:
        # deprecated, accepted and a no-op in the kubelet
        return HookResult(True)
    return HookResult(False, "invalid handler")

