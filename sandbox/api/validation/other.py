"""Namespace, ConfigMap, Secret, Node, Event and Lease validation."""

from __future__ import annotations

import base64
import binascii
from typing import Any

from sandbox.api import field
from sandbox.api.field import FieldError, Path
from sandbox.api.validation import names
from sandbox.api.validation.meta import (
    validate_immutable_field,
    validate_label_name,
    validate_object_meta,
    validate_object_meta_update,
    validate_qualified_name,
)
from sandbox.api.validation.resources import validate_resource_quantity

__all__ = [
    "MAX_SECRET_SIZE",
    "validate_namespace", "validate_namespace_update",
    "validate_config_map", "validate_config_map_update",
    "validate_secret", "validate_secret_update",
    "validate_node", "validate_node_update",
    "validate_event", "validate_lease",
]

MAX_SECRET_SIZE = 1 * 1024 * 1024


def validate_namespace(ns: dict[str, Any]) -> list[FieldError]:
    """``ValidateNamespace``: a DNS-1123 label name, no namespace, valid finalizers."""
    errs = validate_object_meta(ns.get("metadata"), False, names.validate_namespace_name)
    for f in (ns.get("spec") or {}).get("finalizers") or []:
        p = Path("spec", "finalizers")
        errs += validate_qualified_name(f, p)
        if "/" not in f and f != "kubernetes":
            errs.append(field.invalid(p, f, "name is neither a standard finalizer name nor is it fully qualified"))
    return errs


def validate_namespace_update(new: dict[str, Any], old: dict[str, Any]) -> list[FieldError]:
    """``ValidateNamespaceUpdate``: metadata rules only."""
    return validate_object_meta_update(new.get("metadata"), old.get("metadata"))


def _data_size(value: str, b64: bool) -> int:
    if not b64:
        return len(value.encode())
    try:
        return len(base64.b64decode(value, validate=True))
    except (binascii.Error, ValueError):
        return len(value)


def validate_config_map(cm: dict[str, Any]) -> list[FieldError]:
    """``ValidateConfigMap``: keys, no key in both data and binaryData, 1 MiB in total."""
    errs = validate_object_meta(cm.get("metadata"), True, names.name_is_dns_subdomain)
    total = 0
    data, binary = cm.get("data") or {}, cm.get("binaryData") or {}
    for k, v in data.items():
        errs += [field.invalid(Path("data").key(k), k, m) for m in names.is_config_map_key(k)]
        if k in binary:
            errs.append(field.invalid(Path("data").key(k), k, "duplicate of key present in binaryData"))
        total += len(v.encode())
    for k, v in binary.items():
        errs += [field.invalid(Path("binaryData").key(k), k, m) for m in names.is_config_map_key(k)]
        total += _data_size(v, True)
    if total > MAX_SECRET_SIZE:
        errs.append(field.too_long("", "", MAX_SECRET_SIZE))
    return errs


def _immutable_data(new: dict[str, Any], old: dict[str, Any], keys: tuple[str, ...]) -> list[FieldError]:
    errs: list[FieldError] = []
    if old.get("immutable"):
        if not new.get("immutable"):
            errs.append(field.forbidden("immutable", "field is immutable when `immutable` is set"))
        for k in keys:
            if (new.get(k) or {}) != (old.get(k) or {}):
                errs.append(field.forbidden(k, "field is immutable when `immutable` is set"))
    return errs


def validate_config_map_update(new: dict[str, Any], old: dict[str, Any]) -> list[FieldError]:
    """``ValidateConfigMapUpdate``."""
    errs = validate_object_meta_update(new.get("metadata"), old.get("metadata"))
    errs += _immutable_data(new, old, ("data", "binaryData"))
    return errs + validate_config_map(new)


def validate_secret(secret: dict[str, Any]) -> list[FieldError]:
    """``ValidateSecret``: keys, 1 MiB of data, the fields each well-known type requires."""
    meta = secret.get("metadata") or {}
    errs = validate_object_meta(meta, True, names.name_is_dns_subdomain)
    data = secret.get("data") or {}
    dp = Path("data")
    total = 0
    for k, v in data.items():
        errs += [field.invalid(dp.key(k), k, m) for m in names.is_config_map_key(k)]
        total += _data_size(v, True)
    if total > MAX_SECRET_SIZE:
        errs.append(field.too_long(dp, "", MAX_SECRET_SIZE))
    t = secret.get("type", "")
    if t == "kubernetes.io/service-account-token":
        if not (meta.get("annotations") or {}).get("kubernetes.io/service-account.name"):
            errs.append(field.required(Path("metadata", "annotations").key("kubernetes.io/service-account.name")))
    elif t == "kubernetes.io/dockercfg":
        if ".dockercfg" not in data:
            errs.append(field.required(dp.key(".dockercfg")))
    elif t == "kubernetes.io/dockerconfigjson":
        if ".dockerconfigjson" not in data:
            errs.append(field.required(dp.key(".dockerconfigjson")))
    elif t == "kubernetes.io/basic-auth":
        if "username" not in data and "password" not in data:
            errs.append(field.required(dp.key("username")))
            errs.append(field.required(dp.key("password")))
    elif t == "kubernetes.io/ssh-auth":
        if not data.get("ssh-privatekey"):
            errs.append(field.required(dp.key("ssh-privatekey")))
    elif t == "kubernetes.io/tls":
        if "tls.crt" not in data:
            errs.append(field.required(dp.key("tls.crt")))
        if "tls.key" not in data:
            errs.append(field.required(dp.key("tls.key")))
    return errs


def validate_secret_update(new: dict[str, Any], old: dict[str, Any]) -> list[FieldError]:
    """``ValidateSecretUpdate``: type immutable, immutable secrets frozen."""
    errs = validate_object_meta_update(new.get("metadata"), old.get("metadata"))
    errs += validate_immutable_field(new.get("type", ""), old.get("type", ""), Path("type"))
    errs += _immutable_data(new, old, ("data",))
    return errs + validate_secret(new)


def _validate_taints(taints: list[dict[str, Any]], path: Path) -> list[FieldError]:
    errs: list[FieldError] = []
    seen: dict[str, set[str]] = {}
    effects = ["NoSchedule", "PreferNoSchedule", "NoExecute"]
    for i, t in enumerate(taints):
        p = path.index(i)
        errs += validate_label_name(t.get("key", ""), p.child("key"))
        msgs = names.is_valid_label_value(t.get("value", ""))
        if msgs:
            errs.append(field.invalid(p.child("value"), t.get("value", ""), ";".join(msgs)))
        eff = t.get("effect", "")
        if not eff:
            errs.append(field.required(p.child("effect")))
        elif eff not in effects:
            errs.append(field.not_supported(p.child("effect"), eff, effects))
        if t.get("key", "") in seen.get(eff, set()):
            from sandbox.api.validation._util import GoLiteral

            val = GoLiteral(f'core.Taint{{Key:"{t.get("key", "")}", Value:"{t.get("value", "")}", Effect:"{eff}", TimeAdded:<nil>}}')
            errs.append(field.FieldError("FieldValueDuplicate", str(p), val, "taints must be unique by key and effect pair"))
            continue
        seen.setdefault(eff, set()).add(t.get("key", ""))
    return errs


def _node_resources(node: dict[str, Any]) -> list[FieldError]:
    errs: list[FieldError] = []
    st = node.get("status") or {}
    for part in ("capacity", "allocatable"):
        for k, v in (st.get(part) or {}).items():
            errs += validate_resource_quantity(k, v, Path("status", part, k))
    return errs


def validate_node(node: dict[str, Any]) -> list[FieldError]:
    """``ValidateNode``: name a subdomain, not namespaced, taints, resource quantities."""
    errs = validate_object_meta(node.get("metadata"), False, names.name_is_dns_subdomain)
    taints = (node.get("spec") or {}).get("taints") or []
    if taints:
        errs += _validate_taints(taints, Path("metadata", "taints"))
    return errs + _node_resources(node)


def validate_node_update(new: dict[str, Any], old: dict[str, Any]) -> list[FieldError]:
    """``ValidateNodeUpdate``: podCIDRs and providerID set once, externalID fixed."""
    errs = validate_object_meta_update(new.get("metadata"), old.get("metadata"))
    errs += _node_resources(new)
    ns, os_ = new.get("spec") or {}, old.get("spec") or {}
    old_cidrs = os_.get("podCIDRs") or []
    if old_cidrs and old_cidrs != (ns.get("podCIDRs") or []):
        errs.append(field.forbidden(Path("spec", "podCIDRs"), 'node updates may not change podCIDR except from "" to valid'))
    if os_.get("providerID") and os_.get("providerID") != ns.get("providerID"):
        errs.append(field.forbidden(Path("spec", "providerID"), 'node updates may not change providerID except from "" to valid'))
    if ns.get("taints"):
        errs += _validate_taints(ns["taints"], Path("metadata", "taints"))
    if ns.get("externalID", "") != os_.get("externalID", ""):
        errs.append(field.forbidden(Path("spec", "externalID"), "may not be updated"))
    return errs


def validate_event(ev: dict[str, Any]) -> list[FieldError]:
    """Core v1 Event basics: metadata, involvedObject namespace matches, type Normal/Warning."""
    meta = ev.get("metadata") or {}
    errs = validate_object_meta(meta, True, names.name_is_dns_subdomain)
    io = ev.get("involvedObject") or {}
    if io.get("namespace") and meta.get("namespace") and io["namespace"] != meta["namespace"]:
        errs.append(field.invalid(Path("involvedObject", "namespace"), io["namespace"], "does not match event.namespace"))
    t = ev.get("type", "")
    if t and t not in ("Normal", "Warning"):
        errs.append(field.invalid(Path("type"), t, "has invalid value: " + t))
    return errs


def validate_lease(lease: dict[str, Any]) -> list[FieldError]:
    """``ValidateLease`` (coordination.k8s.io): non-negative durations."""
    errs = validate_object_meta(lease.get("metadata"), True, names.name_is_dns_subdomain)
    spec = lease.get("spec") or {}
    for f in ("leaseDurationSeconds", "leaseTransitions"):
        v = spec.get(f)
        if v is not None and v < 0 or (f == "leaseDurationSeconds" and v is not None and v <= 0):
            errs.append(field.invalid(Path("spec", f), v, "must be greater than 0" if f == "leaseDurationSeconds" else "must be greater than or equal to 0"))
    return errs
