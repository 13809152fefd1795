"""Container resource requirements (``validateResourceRequirements``)."""

from __future__ import annotations

from typing import Any

from sandbox.api import field
from sandbox.api.field import FieldError, Path
from sandbox.api.validation import names
from sandbox.api.validation._util import GoLiteral, parse_quantity

__all__ = ["validate_container_resources", "validate_resource_quantity"]

_STANDARD_CONTAINER = {"cpu", "memory", "ephemeral-storage"}
_STANDARD = _STANDARD_CONTAINER | {
    "storage", "pods", "services", "replicationcontrollers", "resourcequotas", "secrets",
    "configmaps", "persistentvolumeclaims", "services.nodeports", "services.loadbalancers",
}


def _is_hugepages(name: str) -> bool:
    return name.startswith("hugepages-")


def _is_native(name: str) -> bool:
    return "/" not in name or "kubernetes.io/" in name


def _overcommit_allowed(name: str) -> bool:
    return _is_native(name) and not _is_hugepages(name)


def _validate_container_resource_name(name: str, path: Path) -> list[FieldError]:
    value = GoLiteral(name)  # core.ResourceName has String(): printed unquoted
    errs = [field.invalid(path, value, m) for m in names.is_qualified_name(name)]
    if errs:
        return errs
    if "/" not in name:
        if name not in _STANDARD and not _is_hugepages(name) and not name.startswith(("requests.", "limits.")):
            errs.append(field.invalid(path, value, "must be a standard resource type or fully qualified"))
        if name not in _STANDARD_CONTAINER and not _is_hugepages(name):
            errs.append(field.invalid(path, value, "must be a standard resource for containers"))
    elif not _is_native(name) and (name.startswith("requests.") or "kubernetes.io" in name.split("/")[0]):
        errs.append(field.invalid(path, value, "doesn't follow extended resource name standard"))
    return errs


def validate_resource_quantity(name: str, raw: Any, path: Path) -> list[FieldError]:
    """``ValidateResourceQuantityValue``: not negative; whole numbers for extended resources."""
    q = parse_quantity(raw)
    errs: list[FieldError] = []
    if q is None:
        return [field.invalid(path, str(raw), "must be a valid resource quantity")]
    if q < 0:
        errs.append(field.invalid(path, str(raw), "must be greater than or equal to 0"))
    if not _is_native(name) and q.denominator != 1:
        errs.append(field.invalid(path, GoLiteral(str(raw)), "must be an integer"))
    return errs


def validate_container_resources(res: dict[str, Any] | None, path: Path) -> list[FieldError]:
    """Names, quantities, and requests <= limits (``must be less than or equal to cpu limit of 500m``)."""
    res = res or {}
    limits = res.get("limits") or {}
    requests = res.get("requests") or {}
    lim_path, req_path = path.child("limits"), path.child("requests")
    errs: list[FieldError] = []
    lim_cm = req_cm = lim_hp = req_hp = False
    for name, qty in limits.items():
        p = lim_path.key(name)
        errs += _validate_container_resource_name(name, p)
        errs += validate_resource_quantity(name, qty, p)
        lim_hp = lim_hp or _is_hugepages(name)
        lim_cm = lim_cm or name in ("cpu", "memory")
    for name, qty in requests.items():
        p = req_path.key(name)
        errs += _validate_container_resource_name(name, p)
        errs += validate_resource_quantity(name, qty, p)
        if name in limits:
            rq, lq = parse_quantity(qty), parse_quantity(limits[name])
            if rq is not None and lq is not None:
                if rq != lq and not _overcommit_allowed(name):
                    errs.append(field.invalid(req_path, str(qty), f"must be equal to {name} limit of {limits[name]}"))
                elif rq > lq:
                    errs.append(field.invalid(req_path, str(qty), f"must be less than or equal to {name} limit of {limits[name]}"))
        elif not _overcommit_allowed(name):
            errs.append(field.required(lim_path, "Limit must be set for non overcommitable resources"))
        req_hp = req_hp or _is_hugepages(name)
        req_cm = req_cm or name in ("cpu", "memory")
    if not lim_cm and not req_cm and (req_hp or lim_hp):
        errs.append(field.forbidden(path, "HugePages require cpu or memory"))
    return errs
