"""Update rules: ``ValidatePodUpdate``, ``ValidatePodStatusUpdate``, ``ValidatePodEphemeralContainersUpdate``.

The refusal of a pod spec change carries a diff of the old and the munged new spec in the shape
of go-cmp's ``cmp.Diff`` (``core.PodSpec{``, ``-``/``+`` lines, ``... // N identical fields``).
"""

from __future__ import annotations

import copy
from typing import Any

from sandbox.api import field
from sandbox.api.field import FieldError, Path, go_quote
from sandbox.api.validation import names
from sandbox.api.validation.meta import (
    validate_immutable_field,
    validate_object_meta_update,
    validate_qualified_name,
)
from sandbox.api.validation.pod import (
    MAX_INT32,
    validate_pod_metadata_and_spec,
    validate_tolerations,
)

__all__ = [
    "UPDATABLE_POD_SPEC_FIELDS",
    "validate_pod_update",
    "validate_pod_status_update",
    "validate_pod_ephemeral_containers_update",
    "go_cmp_diff",
]

#: ``updatablePodSpecFields`` in validation.go, joined with "," in the message.
UPDATABLE_POD_SPEC_FIELDS = [
    "`spec.containers[*].image`",
    "`spec.initContainers[*].image`",
    "`spec.activeDeadlineSeconds`",
    "`spec.tolerations` (only additions to existing tolerations)",
    "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)",
]

# Field order of the internal Go types (pkg/apis/core/types.go); host* flags live in securityContext there.
_POD_SPEC_FIELDS = [
    "volumes", "initContainers", "containers", "ephemeralContainers", "restartPolicy",
    "terminationGracePeriodSeconds", "activeDeadlineSeconds", "dnsPolicy", "nodeSelector",
    "serviceAccountName", "automountServiceAccountToken", "nodeName", "securityContext",
    "imagePullSecrets", "hostname", "subdomain", "setHostnameAsFQDN", "affinity", "schedulerName",
    "tolerations", "hostAliases", "priorityClassName", "priority", "preemptionPolicy", "dnsConfig",
    "readinessGates", "runtimeClassName", "overhead", "enableServiceLinks", "topologySpreadConstraints",
    "os", "schedulingGates", "resourceClaims", "resources",
]
_CONTAINER_FIELDS = [
    "name", "image", "command", "args", "workingDir", "ports", "envFrom", "env", "resources",
    "resizePolicy", "restartPolicy", "volumeMounts", "volumeDevices", "livenessProbe", "readinessProbe",
    "startupProbe", "lifecycle", "terminationMessagePath", "terminationMessagePolicy", "imagePullPolicy",
    "securityContext", "stdin", "stdinOnce", "tty",
]
_GO_NAMES = {
    "dnsPolicy": "DNSPolicy", "dnsConfig": "DNSConfig", "os": "OS", "tty": "TTY", "setHostnameAsFQDN": "SetHostnameAsFQDN",
    "httpGet": "HTTPGet", "tcpSocket": "TCPSocket", "grpc": "GRPC", "fieldRef": "FieldRef", "apiVersion": "APIVersion",
    "podIP": "PodIP", "hostIP": "HostIP", "uid": "UID",
}
_STRUCT_TYPES = {"containers": "core.Container", "initContainers": "core.Container", "tolerations": "core.Toleration",
                 "volumes": "core.Volume", "env": "core.EnvVar", "ports": "core.ContainerPort",
                 "volumeMounts": "core.VolumeMount", "ephemeralContainers": "core.EphemeralContainer"}
_POINTER_FIELDS = {"terminationGracePeriodSeconds", "activeDeadlineSeconds", "automountServiceAccountToken",
                   "securityContext", "setHostnameAsFQDN", "affinity", "priority", "preemptionPolicy", "dnsConfig",
                   "runtimeClassName", "enableServiceLinks", "os", "resources", "livenessProbe", "readinessProbe",
                   "startupProbe", "lifecycle"}
_POD_SC_FLAGS = ("hostNetwork", "hostPID", "hostIPC", "shareProcessNamespace", "hostUsers")


def _go_name(k: str) -> str:
    return _GO_NAMES.get(k, k[:1].upper() + k[1:])


def _internal_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """Move the host* flags into securityContext, as the internal ``core.PodSpec`` keeps them."""
    s = copy.deepcopy(spec)
    flags = {k: s.pop(k) for k in _POD_SC_FLAGS if k in s}
    if flags:
        sc = dict(s.get("securityContext") or {})
        sc.update(flags)
        s["securityContext"] = sc
    s.pop("serviceAccount", None)
    return s


def _fmt(v: Any, key: str | None = None, top: bool = False) -> str:
    """A value the way cmp prints it inside a diff (types elided below the top level)."""
    if v is None:
        return "nil"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return ("&" if key in _POINTER_FIELDS else "") + str(v)
    if isinstance(v, str):
        return ("&" if key in _POINTER_FIELDS else "") + go_quote(v)
    if isinstance(v, list):
        inner = ", ".join(_fmt(x) for x in v)
        if top and key in _STRUCT_TYPES:
            return f"[]{_STRUCT_TYPES[key]}{{{inner}}}"
        if top and v and isinstance(v[0], str):
            return "[]string{" + inner + "}"
        return "{" + inner + "}"
    if isinstance(v, dict):
        if all(isinstance(x, str) for x in v.values()) and key in ("nodeSelector", "labels", "annotations"):
            inner = ", ".join(f"{go_quote(k)}: {go_quote(x)}" for k, x in sorted(v.items()))
            return ("map[string]string{" if top else "{") + inner + "}"
        keys = [k for k in _CONTAINER_FIELDS if k in v] + [k for k in v if k not in _CONTAINER_FIELDS] if "name" in v and "image" in v else list(v)
        inner = ", ".join(f"{_go_name(k)}: {_fmt(v[k], k)}" for k in keys if v[k] not in ({}, [], None, "", 0, False))
        return ("&" if key in _POINTER_FIELDS else "") + "{" + inner + "}"
    return str(v)


def _records(old: dict[str, Any], new: dict[str, Any], order: list[str], indent: str) -> list[str]:
    """cmp's struct report: changed fields, two equal fields of context, the rest elided."""
    keys = list(order) + [k for k in list(old) + list(new) if k not in order]
    seen: list[str] = []
    for k in keys:
        if k not in seen:
            seen.append(k)
    rows: list[tuple[str, str, list[str]]] = []  # (kind, key, lines)
    for k in seen:
        a, b = old.get(k), new.get(k)
        if a == b:
            rows.append(("eq", k, [f"  {indent}{_go_name(k)}: {_fmt(a, k)},"]))
        elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b) and all(isinstance(x, dict) for x in a + b) and k in _STRUCT_TYPES:
            lines = [f"  {indent}{_go_name(k)}: []{_STRUCT_TYPES[k]}{{"]
            sub_order = _CONTAINER_FIELDS if _STRUCT_TYPES[k] in ("core.Container", "core.EphemeralContainer") else []
            for x, y in zip(a, b, strict=True):
                if x == y:
                    lines.append(f"  {indent}\t{_fmt(x)},")
                else:
                    lines.append(f"  {indent}\t{{")
                    lines += _records(x, y, sub_order, indent + "\t\t")
                    lines.append(f"  {indent}\t}},")
            lines.append(f"  {indent}}},")
            rows.append(("diff", k, lines))
        elif isinstance(a, dict) and isinstance(b, dict):
            lines = [f"  {indent}{_go_name(k)}: {'&' if k in _POINTER_FIELDS else ''}core.{_go_name(k)}{{" if indent == "\t" else f"  {indent}{_go_name(k)}: {'&' if k in _POINTER_FIELDS else ''}{{"]
            lines += _records(a, b, sorted(set(a) | set(b)), indent + "\t")
            lines.append(f"  {indent}}},")
            rows.append(("diff", k, lines))
        else:
            lines = []
            lines.append(f"- {indent}{_go_name(k)}: {_fmt(a, k, True)},")
            lines.append(f"+ {indent}{_go_name(k)}: {_fmt(b, k, True)},")
            rows.append(("diff", k, lines))
    # Elide runs of equal rows, keeping two rows of context next to each change.
    out: list[str] = []
    i = 0
    n = len(rows)
    while i < n:
        if rows[i][0] != "eq":
            out += rows[i][2]
            i += 1
            continue
        j = i
        while j < n and rows[j][0] == "eq":
            j += 1
        run = rows[i:j]
        lo = 2 if i != 0 else 0
        hi = 2 if j != n else 0
        lo, hi = min(lo, len(run)), min(hi, max(0, len(run) - lo))
        if len(run) - (lo + hi) == 1:
            hi += 1
        for r in run[:lo]:
            out += r[2]
        elided = len(run) - lo - hi
        if elided > 0:
            out.append(f"  {indent}... // {elided} identical fields")
        for r in run[len(run) - hi :] if hi else []:
            out += r[2]
        i = j
    return out


def go_cmp_diff(old_spec: dict[str, Any], new_spec: dict[str, Any], type_name: str = "core.PodSpec", order: list[str] | None = None) -> str:
    """An approximation of ``cmp.Diff(old, new)`` for two pod specs (Kubernetes JSON)."""
    lines = [f"  {type_name}{{"]
    lines += _records(old_spec, new_spec, order if order is not None else _POD_SPEC_FIELDS, "\t")
    lines.append("  }")
    return "\n".join(lines) + "\n"


def _validate_container_updates(new: list[dict[str, Any]], old: list[dict[str, Any]], path: Path) -> tuple[list[FieldError], bool]:
    if len(new) != len(old):
        return [field.forbidden(path, "pod updates may not add or remove containers")], True
    errs: list[FieldError] = []
    for i, c in enumerate(new):
        image = c.get("image", "")
        if not image:
            errs.append(field.required(path.index(i).child("image")))
        if len(image.strip()) != len(image):
            errs.append(field.invalid(path.index(i).child("image"), image, "must not have leading or trailing whitespace"))
    return errs, False


def _spec_annotation_updates(new: dict[str, Any], old: dict[str, Any]) -> list[FieldError]:
    errs: list[FieldError] = []
    path = Path("metadata", "annotations")
    na = (new.get("metadata") or {}).get("annotations") or {}
    oa = (old.get("metadata") or {}).get("annotations") or {}
    mirror = "kubernetes.io/config.mirror"
    if mirror in oa and na.get(mirror) != oa[mirror]:
        errs.append(field.forbidden(path.key(mirror), "may not remove or update mirror pod annotation"))
    if mirror in na and mirror not in oa:
        errs.append(field.forbidden(path.key(mirror), "may not add mirror pod annotation"))
    return errs


def validate_pod_update(new: dict[str, Any], old: dict[str, Any]) -> list[FieldError]:
    """``ValidatePodUpdate``: only images, activeDeadlineSeconds, added tolerations, removed gates."""
    errs = validate_object_meta_update(new.get("metadata"), old.get("metadata"))
    errs += validate_pod_metadata_and_spec(new)
    errs += _spec_annotation_updates(new, old)
    sp = Path("spec")
    ns, os_ = new.get("spec") or {}, old.get("spec") or {}
    e, stop = _validate_container_updates(ns.get("containers") or [], os_.get("containers") or [], sp.child("containers"))
    errs += e
    if stop:
        return errs
    e, stop = _validate_container_updates(ns.get("initContainers") or [], os_.get("initContainers") or [], sp.child("initContainers"))
    errs += e
    if stop:
        return errs
    nads, oads = ns.get("activeDeadlineSeconds"), os_.get("activeDeadlineSeconds")
    if nads is not None:
        if nads < 0 or nads > MAX_INT32:
            errs.append(field.invalid(sp.child("activeDeadlineSeconds"), nads, names.inclusive_range_error(0, MAX_INT32)))
            return errs
        if oads is not None and oads < nads:
            errs.append(field.invalid(sp.child("activeDeadlineSeconds"), nads, "must be less than or equal to previous value"))
            return errs
    elif oads is not None:
        errs.append(field.invalid(sp.child("activeDeadlineSeconds"), None, "must not update from a positive integer to nil value"))
    # validateOnlyAddedTolerations
    new_tol = ns.get("tolerations") or []
    for ot in os_.get("tolerations") or []:
        base = {k: v for k, v in ot.items() if k != "tolerationSeconds"}
        if not any({k: v for k, v in nt.items() if k != "tolerationSeconds"} == base for nt in new_tol):
            errs.append(field.forbidden(sp.child("tolerations"), "existing toleration can not be modified except its tolerationSeconds"))
            break
    else:
        errs += validate_tolerations(new_tol, sp.child("tolerations"))
    # validateOnlyDeletedSchedulingGates
    new_gates = ns.get("schedulingGates") or []
    old_gate_names = {g.get("name") for g in os_.get("schedulingGates") or []}
    for i, g in enumerate(new_gates):
        if g.get("name") not in old_gate_names:
            errs.append(field.forbidden(sp.child("schedulingGates").index(i).child("name"), f"only deletion is allowed, but found new scheduling gate '{g.get('name')}'"))
    if ns == os_:
        return errs
    munged = copy.deepcopy(ns)
    for key in ("containers", "initContainers"):
        for i, c in enumerate(munged.get(key) or []):
            old_image = (os_.get(key) or [])[i].get("image")
            if old_image is None:
                c.pop("image", None)
            else:
                c["image"] = old_image
    for key in ("activeDeadlineSeconds", "schedulingGates", "tolerations"):
        if key in os_:
            munged[key] = copy.deepcopy(os_[key])
        else:
            munged.pop(key, None)
    otgp = os_.get("terminationGracePeriodSeconds")
    if otgp is not None and otgp < 0 and munged.get("terminationGracePeriodSeconds") == 1:
        munged["terminationGracePeriodSeconds"] = otgp
    if os_.get("schedulingGates") and munged.get("nodeSelector") != os_.get("nodeSelector"):
        old_sel = os_.get("nodeSelector") or {}
        new_sel = munged.get("nodeSelector") or {}
        if all(new_sel.get(k) == v for k, v in old_sel.items()):
            if "nodeSelector" in os_:
                munged["nodeSelector"] = copy.deepcopy(os_["nodeSelector"])
            else:
                munged.pop("nodeSelector", None)
    if munged != os_:
        diff = go_cmp_diff(_internal_spec(os_), _internal_spec(munged))
        errs.append(field.forbidden(sp, "pod updates may not change fields other than " + ",".join(UPDATABLE_POD_SPEC_FIELDS) + "\n" + diff))
    return errs


def validate_pod_ephemeral_containers_update(new: dict[str, Any], old: dict[str, Any]) -> list[FieldError]:
    """``ValidatePodEphemeralContainersUpdate``: ephemeral containers may only be added."""
    errs = validate_object_meta_update(new.get("metadata"), old.get("metadata"))
    errs += validate_pod_metadata_and_spec(new)
    errs += _spec_annotation_updates(new, old)
    if "kubernetes.io/config.mirror" in ((old.get("metadata") or {}).get("annotations") or {}):
        return [field.forbidden("", "static pods do not support ephemeral containers")]
    path = Path("spec", "ephemeralContainers")
    by_name = {c.get("name"): c for c in (new.get("spec") or {}).get("ephemeralContainers") or []}
    for oc in (old.get("spec") or {}).get("ephemeralContainers") or []:
        nc = by_name.get(oc.get("name"))
        if nc is None:
            errs.append(field.forbidden(path, f'existing ephemeral containers "{oc.get("name")}" may not be removed\n'))
        elif nc != oc:
            diff = go_cmp_diff(oc, nc, "core.EphemeralContainer", _CONTAINER_FIELDS + ["targetContainerName"])
            errs.append(field.forbidden(path, f'existing ephemeral containers "{oc.get("name")}" may not be changed\n{diff}'))
    return errs


def _state_transitions(new_st: list[dict[str, Any]], old_st: list[dict[str, Any]], path: Path, restart: str, restartable: set[str] | None = None) -> list[FieldError]:
    errs: list[FieldError] = []
    if restart == "Always":
        return errs
    for i, o in enumerate(old_st):
        term = (o.get("state") or {}).get("terminated")
        if term is None:
            continue
        if term.get("exitCode", 0) != 0 and restart == "OnFailure":
            continue
        if restartable and o.get("name") in restartable:
            continue
        for n in new_st:
            if n.get("name") == o.get("name") and (n.get("state") or {}).get("terminated") is None:
                errs.append(field.forbidden(path.index(i).child("state"), "may not be transitioned to non-terminated state"))
    return errs


def validate_pod_status_update(new: dict[str, Any], old: dict[str, Any]) -> list[FieldError]:
    """``ValidatePodStatusUpdate``: conditions, nodeName untouched, QoS immutable, no un-terminating."""
    errs = validate_object_meta_update(new.get("metadata"), old.get("metadata"))
    errs += _spec_annotation_updates(new, old)
    ns, nst, ost = new.get("spec") or {}, new.get("status") or {}, old.get("status") or {}
    for i, c in enumerate(nst.get("conditions") or []):
        if c.get("type") in ("PodScheduled", "Ready", "Initialized"):
            continue
        errs += validate_qualified_name(c.get("type", ""), Path("metadata", "conditions").index(i).child("Type"))
    sp = Path("status")
    if ns.get("nodeName", "") != (old.get("spec") or {}).get("nodeName", ""):
        errs.append(field.forbidden(sp.child("nodeName"), "may not be changed directly"))
    nnn = nst.get("nominatedNodeName", "")
    if nnn and nnn != ost.get("nominatedNodeName", ""):
        errs += [field.invalid(sp.child("nominatedNodeName"), nnn, m) for m in names.name_is_dns_subdomain(nnn)]
    errs += validate_immutable_field(nst.get("qosClass", ""), ost.get("qosClass", ""), sp.child("qosClass"))
    old_restart = (old.get("spec") or {}).get("restartPolicy", "")
    errs += _state_transitions(nst.get("containerStatuses") or [], ost.get("containerStatuses") or [], sp.child("containerStatuses"), old_restart)
    sidecars = {c.get("name") for c in (old.get("spec") or {}).get("initContainers") or [] if c.get("restartPolicy") == "Always"}
    errs += _state_transitions(nst.get("initContainerStatuses") or [], ost.get("initContainerStatuses") or [], sp.child("initContainerStatuses"), old_restart, sidecars)
    errs += _state_transitions(nst.get("ephemeralContainerStatuses") or [], ost.get("ephemeralContainerStatuses") or [], sp.child("ephemeralContainerStatuses"), "Never")
    hips = nst.get("hostIPs") or []
    if hips and nst.get("hostIP", "") != hips[0].get("ip"):
        errs.append(field.invalid(sp.child("hostIPs").index(0).child("ip"), hips[0].get("ip", ""), "must be equal to `hostIP`"))
    return errs
