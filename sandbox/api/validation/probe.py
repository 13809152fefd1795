"""Probes and lifecycle handlers (``validateProbe``, ``validateHandler``)."""

from __future__ import annotations

from typing import Any

from sandbox.api import field
from sandbox.api.field import FieldError, Path
from sandbox.api.validation import names
from sandbox.api.validation.meta import validate_nonnegative_field

__all__ = ["validate_probe", "validate_liveness_probe", "validate_readiness_probe", "validate_startup_probe", "validate_lifecycle", "validate_port_num_or_name"]

_HANDLERS_PROBE = ("exec", "httpGet", "tcpSocket", "grpc")
_HANDLERS_LIFECYCLE = ("exec", "httpGet", "tcpSocket", "sleep")


def validate_port_num_or_name(port: Any, path: Path) -> list[FieldError]:
    """``ValidatePortNumOrName`` for an IntOrString port."""
    if isinstance(port, int) and not isinstance(port, bool):
        return [field.invalid(path, port, m) for m in names.is_valid_port_num(port)]
    if isinstance(port, str):
        return [field.invalid(path, port, m) for m in names.is_valid_port_name(port)]
    return [field.invalid(path, 0, m) for m in names.is_valid_port_num(0)]


def _validate_action(kind: str, action: dict[str, Any], grace: int | None, path: Path) -> list[FieldError]:
    errs: list[FieldError] = []
    if kind == "exec":
        if not action.get("command"):
            errs.append(field.required(path.child("command")))
    elif kind == "httpGet":
        if not action.get("path"):
            errs.append(field.required(path.child("path")))
        errs += validate_port_num_or_name(action.get("port"), path.child("port"))
        scheme = action.get("scheme", "")
        if scheme not in ("HTTP", "HTTPS"):
            errs.append(field.not_supported(path.child("scheme"), scheme, ["HTTP", "HTTPS"]))
        for h in action.get("httpHeaders") or []:
            errs += [field.invalid(path.child("httpHeaders"), h.get("name", ""), m) for m in names.is_http_header_name(h.get("name", ""))]
    elif kind == "tcpSocket":
        errs += validate_port_num_or_name(action.get("port"), path.child("port"))
    elif kind == "grpc":
        errs += validate_port_num_or_name(int(action.get("port", 0) or 0), path.child("port"))
    elif kind == "sleep":
        secs = int(action.get("seconds", 0) or 0)
        if grace is not None and (secs < 0 or secs > grace):
            errs.append(field.invalid(path, secs, f"must be non-negative and less than terminationGracePeriodSeconds ({grace})"))
    return errs


def _validate_handler(handler: dict[str, Any], kinds: tuple[str, ...], grace: int | None, path: Path) -> list[FieldError]:
    errs: list[FieldError] = []
    n = 0
    for kind in kinds:
        if handler.get(kind) is None:
            continue
        if n > 0:
            errs.append(field.forbidden(path.child(kind), "may not specify more than 1 handler type"))
        else:
            n += 1
            errs += _validate_action(kind, handler[kind], grace, path.child(kind))
    if n == 0:
        errs.append(field.required(path, "must specify a handler type"))
    return errs


def validate_probe(probe: dict[str, Any] | None, grace: int | None, path: Path) -> list[FieldError]:
    """``validateProbe``: one handler, non-negative timings, probe-level grace period > 0."""
    if probe is None:
        return []
    errs = _validate_handler(probe, _HANDLERS_PROBE, grace, path)
    for f in ("initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"):
        errs += validate_nonnegative_field(int(probe.get(f, 0) or 0), path.child(f))
    tgp = probe.get("terminationGracePeriodSeconds")
    if tgp is not None and tgp <= 0:
        errs.append(field.invalid(path.child("terminationGracePeriodSeconds"), tgp, "must be greater than 0"))
    return errs


def validate_liveness_probe(probe: dict[str, Any] | None, grace: int | None, path: Path) -> list[FieldError]:
    """``validateLivenessProbe``: successThreshold must be 1."""
    if probe is None:
        return []
    errs = validate_probe(probe, grace, path)
    st = int(probe.get("successThreshold", 0) or 0)
    if st != 1:
        errs.append(field.invalid(path.child("successThreshold"), st, "must be 1"))
    return errs


def validate_readiness_probe(probe: dict[str, Any] | None, grace: int | None, path: Path) -> list[FieldError]:
    """``validateReadinessProbe``: no probe-level terminationGracePeriodSeconds."""
    if probe is None:
        return []
    errs = validate_probe(probe, grace, path)
    if probe.get("terminationGracePeriodSeconds") is not None:
        errs.append(field.invalid(path.child("terminationGracePeriodSeconds"), probe["terminationGracePeriodSeconds"], "must not be set for readinessProbes"))
    return errs


def validate_startup_probe(probe: dict[str, Any] | None, grace: int | None, path: Path) -> list[FieldError]:
    """``validateStartupProbe``: successThreshold must be 1."""
    return validate_liveness_probe(probe, grace, path)


def validate_lifecycle(lc: dict[str, Any], grace: int | None, path: Path) -> list[FieldError]:
    """``validateLifecycle``: postStart and preStop handlers."""
    errs: list[FieldError] = []
    for hook in ("postStart", "preStop"):
        if lc.get(hook) is not None:
            errs += _validate_handler(lc[hook], _HANDLERS_LIFECYCLE, grace, path.child(hook))
    return errs
