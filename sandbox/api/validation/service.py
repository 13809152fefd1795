"""Service, Endpoints and ServiceAccount validation, as ``pkg/apis/core/validation`` words it.

Covered: names (a Service name is a DNS-1035 label), ``spec.type``, ``spec.ports`` (required
unless headless or ExternalName, names required and unique when there are several, port and
targetPort ranges, protocol), ``spec.selector`` labels, ``sessionAffinity``, ``nodePort`` only
with NodePort/LoadBalancer, ``clusterIP(s)`` well-formed and equal, ExternalName rules; on update
the primary ``clusterIPs`` may not change (``may not change once set``). Not covered: dual-stack
combinations, load balancer source ranges, topology and traffic-distribution fields.
"""

from __future__ import annotations

import ipaddress
from typing import Any

from sandbox.api import field
from sandbox.api.field import FieldError, Path
from sandbox.api.validation import names
from sandbox.api.validation.meta import (
    validate_labels,
    validate_object_meta,
    validate_object_meta_update,
)

__all__ = [
    "SERVICE_TYPES",
    "validate_service",
    "validate_service_update",
    "validate_service_account",
    "validate_service_account_update",
    "validate_endpoints",
    "validate_endpoints_update",
]

SERVICE_TYPES = ("ClusterIP", "ExternalName", "LoadBalancer", "NodePort")
_PROTOCOLS = ("SCTP", "TCP", "UDP")
_VALID_IP = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"


def _is_ip(s: str) -> bool:
    try:
        ipaddress.ip_address(s)
        return True
    except ValueError:
        return False


def is_headless(spec: dict[str, Any]) -> bool:
    """``clusterIP: None``."""
    return spec.get("clusterIP") == "None"


def _validate_port(sp: dict[str, Any], require_name: bool, headless: bool, seen: set[str], path: Path) -> list[FieldError]:
    errs: list[FieldError] = []
    name = sp.get("name") or ""
    if require_name and not name:
        errs.append(field.required(path.child("name")))
    elif name:
        msgs = names.is_dns1123_label(name)
        errs += [field.invalid(path.child("name"), name, m) for m in msgs]
        if not msgs:
            if name in seen:
                errs.append(field.duplicate(path.child("name"), name))
            else:
                seen.add(name)
    port = int(sp.get("port") or 0)
    errs += [field.invalid(path.child("port"), port, m) for m in names.is_valid_port_num(port)]
    proto = sp.get("protocol") or ""
    if not proto:
        errs.append(field.required(path.child("protocol")))
    elif proto not in _PROTOCOLS:
        errs.append(field.not_supported(path.child("protocol"), proto, _PROTOCOLS))
    tp = sp.get("targetPort")
    if isinstance(tp, int):
        errs += [field.invalid(path.child("targetPort"), tp, m) for m in names.is_valid_port_num(tp)]
    elif isinstance(tp, str):
        errs += [field.invalid(path.child("targetPort"), tp, m) for m in names.is_valid_port_name(tp)]
    return errs


def validate_service(svc: dict[str, Any]) -> list[FieldError]:
    """``ValidateService`` (the parts listed in the module docstring)."""
    errs = validate_object_meta(svc.get("metadata"), True, names.name_is_dns1035_label)
    spec = svc.get("spec") or {}
    sp = Path("spec")
    typ = spec.get("type") or ""
    headless = is_headless(spec)
    ports = spec.get("ports") or []
    if not ports and not headless and typ != "ExternalName":
        errs.append(field.required(sp.child("ports")))
    if typ == "ExternalName":
        if spec.get("clusterIP"):
            errs.append(field.forbidden(sp.child("clusterIP"), "may not be set for ExternalName services"))
        ext = spec.get("externalName") or ""
        if not ext:
            errs.append(field.required(sp.child("externalName")))
        else:
            errs += [field.invalid(sp.child("externalName"), ext, m) for m in names.is_dns1123_subdomain(ext.rstrip("."))]
    elif spec.get("externalName"):
        errs.append(field.forbidden(sp.child("externalName"), "may only be set when `type` is 'ExternalName'"))
    seen: set[str] = set()
    for i, p in enumerate(ports):
        errs += _validate_port(p, len(ports) > 1, headless, seen, sp.child("ports").index(i))
    if spec.get("selector"):
        errs += validate_labels(spec["selector"], sp.child("selector"))
    aff = spec.get("sessionAffinity") or ""
    if not aff:
        errs.append(field.required(sp.child("sessionAffinity")))
    elif aff not in ("ClientIP", "None"):
        errs.append(field.not_supported(sp.child("sessionAffinity"), aff, ["ClientIP", "None"]))
    if not typ:
        errs.append(field.required(sp.child("type")))
    elif typ not in SERVICE_TYPES:
        errs.append(field.not_supported(sp.child("type"), typ, SERVICE_TYPES))
    if typ == "ClusterIP":
        for i, p in enumerate(ports):
            if p.get("nodePort"):
                errs.append(field.forbidden(sp.child("ports").index(i).child("nodePort"),
                                            "may not be used when `type` is 'ClusterIP'"))
    if typ != "ExternalName":
        ips = spec.get("clusterIPs") or []
        cip = spec.get("clusterIP") or ""
        if cip and ips and ips[0] != cip:
            errs.append(field.invalid(sp.child("clusterIPs"), ips,
                                      "first value must match `clusterIP`"))
        for i, ip in enumerate(ips):
            if ip == "None":
                if i > 0 or len(ips) > 1:
                    errs.append(field.invalid(sp.child("clusterIPs").index(i), ip,
                                              "must be empty when the first value is 'None'"))
            elif not _is_ip(ip):
                errs.append(field.invalid(sp.child("clusterIPs").index(i), ip, _VALID_IP))
        if headless and typ != "ClusterIP" and typ:
            errs.append(field.invalid(sp.child("clusterIPs").index(0), "None",
                                      f"may not be set to 'None' for {typ} services"))
    return errs


def validate_service_update(new: dict[str, Any], old: dict[str, Any]) -> list[FieldError]:
    """``ValidateServiceUpdate``: the primary cluster IP may not change, then ``ValidateService``."""
    errs = validate_object_meta_update(new.get("metadata"), old.get("metadata"))
    nspec, ospec = new.get("spec") or {}, old.get("spec") or {}
    if "ExternalName" not in (nspec.get("type"), ospec.get("type")) and not (is_headless(nspec) and is_headless(ospec)):
        nips, oips = nspec.get("clusterIPs") or [], ospec.get("clusterIPs") or []
        path = Path("spec", "clusterIPs").index(0)
        if len(nips) == len(oips):
            for i, ip in enumerate(oips):
                if ip != nips[i]:
                    errs.append(field.invalid(path, nips, "may not change once set"))
        elif oips and not nips:
            errs.append(field.invalid(path, nips, "primary clusterIP can not be unset"))
    return errs + validate_service(new)


def validate_service_account(sa: dict[str, Any]) -> list[FieldError]:
    """``ValidateServiceAccount``: a DNS subdomain name in a namespace."""
    return validate_object_meta(sa.get("metadata"), True, names.name_is_dns_subdomain)


def validate_service_account_update(new: dict[str, Any], old: dict[str, Any]) -> list[FieldError]:
    """``ValidateServiceAccountUpdate``."""
    return validate_object_meta_update(new.get("metadata"), old.get("metadata")) + validate_service_account(new)


def validate_endpoints(ep: dict[str, Any]) -> list[FieldError]:
    """``ValidateEndpoints`` (addresses must be IPs, ports in range, names required when several)."""
    errs = validate_object_meta(ep.get("metadata"), True, names.name_is_dns_subdomain)
    for i, ss in enumerate(ep.get("subsets") or []):
        sp = Path("subsets").index(i)
        for key in ("addresses", "notReadyAddresses"):
            for j, a in enumerate(ss.get(key) or []):
                ip = a.get("ip") or ""
                if not _is_ip(ip):
                    errs.append(field.invalid(sp.child(key).index(j).child("ip"), ip, _VALID_IP))
        ports = ss.get("ports") or []
        for j, p in enumerate(ports):
            pp = sp.child("ports").index(j)
            if len(ports) > 1 and not p.get("name"):
                errs.append(field.required(pp.child("name")))
            n = int(p.get("port") or 0)
            errs += [field.invalid(pp.child("port"), n, m) for m in names.is_valid_port_num(n)]
    return errs


def validate_endpoints_update(new: dict[str, Any], old: dict[str, Any]) -> list[FieldError]:
    """``ValidateEndpointsUpdate``."""
    return validate_object_meta_update(new.get("metadata"), old.get("metadata")) + validate_endpoints(new)
