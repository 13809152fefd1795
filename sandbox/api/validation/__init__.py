"""Validation with Kubernetes' own messages, as ``pkg/apis/core/validation`` words them.

``validate_create(obj)``, ``validate_update(new, old)`` and ``validate_status_update(new, old)``
return the :class:`~sandbox.api.field.FieldError` list in Kubernetes' order; the API server turns
it into ``Invalid.for_kind(kind, name, errors)``::

    The Pod "x" is invalid: spec.containers[0].image: Required value

Objects are read through their Kubernetes JSON (``to_dict()``), so models and plain dicts both work.
"""

from __future__ import annotations

from typing import Any

from sandbox.api.field import FieldError
from sandbox.api.validation._util import as_dict
from sandbox.api.validation.other import (
    validate_config_map,
    validate_config_map_update,
    validate_event,
    validate_lease,
    validate_namespace,
    validate_namespace_update,
    validate_node,
    validate_node_update,
    validate_secret,
    validate_secret_update,
)
from sandbox.api.validation.pod import validate_pod_create
from sandbox.api.validation.service import (
    validate_endpoints,
    validate_endpoints_update,
    validate_service,
    validate_service_account,
    validate_service_account_update,
    validate_service_update,
)
from sandbox.api.validation.update import (
    validate_pod_ephemeral_containers_update,
    validate_pod_status_update,
    validate_pod_update,
)
from sandbox.api.validation.workloads import validate_workload_create, validate_workload_update

__all__ = [
    "validate_create",
    "validate_update",
    "validate_status_update",
    "validate_ephemeral_containers_update",
]

_WORKLOADS = {"Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job"}


def _kind(d: dict[str, Any], obj: Any) -> str:
    return d.get("kind") or getattr(obj, "kind", "") or ""


def validate_create(obj: Any) -> list[FieldError]:
    """Validate a new object (after defaulting), dispatched on its kind."""
    d = as_dict(obj)
    kind = _kind(d, obj)
    if kind == "Pod":
        return validate_pod_create(d)
    if kind in _WORKLOADS:
        return validate_workload_create({**d, "kind": kind})
    simple = {
        "Namespace": validate_namespace,
        "ConfigMap": validate_config_map,
        "Secret": validate_secret,
        "Node": validate_node,
        "Event": validate_event,
        "Lease": validate_lease,
        "Service": validate_service,
        "ServiceAccount": validate_service_account,
        "Endpoints": validate_endpoints,
    }
    fn = simple.get(kind)
    return fn(d) if fn else []


def validate_update(new: Any, old: Any) -> list[FieldError]:
    """Validate an update of ``old`` into ``new``, dispatched on the kind."""
    n, o = as_dict(new), as_dict(old)
    kind = _kind(n, new)
    if kind == "Pod":
        return validate_pod_update(n, o)
    if kind in _WORKLOADS:
        return validate_workload_update({**n, "kind": kind}, o)
    fns = {
        "Namespace": validate_namespace_update,
        "ConfigMap": validate_config_map_update,
        "Secret": validate_secret_update,
        "Node": validate_node_update,
        "Service": validate_service_update,
        "ServiceAccount": validate_service_account_update,
        "Endpoints": validate_endpoints_update,
    }
    if kind in fns:
        return fns[kind](n, o)
    from sandbox.api.validation.meta import validate_object_meta_update

    return validate_object_meta_update(n.get("metadata"), o.get("metadata"))


def validate_status_update(new: Any, old: Any) -> list[FieldError]:
    """Validate a write to the ``status`` subresource."""
    n, o = as_dict(new), as_dict(old)
    kind = _kind(n, new)
    if kind == "Pod":
        return validate_pod_status_update(n, o)
    from sandbox.api.validation.meta import validate_object_meta_update

    return validate_object_meta_update(n.get("metadata"), o.get("metadata"))


def validate_ephemeral_containers_update(new: Any, old: Any) -> list[FieldError]:
    """Validate a write to a pod's ``ephemeralcontainers`` subresource."""
    return validate_pod_ephemeral_containers_update(as_dict(new), as_dict(old))
