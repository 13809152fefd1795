"""Containers: ``validateContainers``, ``validateInitContainers``, ``validateEphemeralContainers``."""

from __future__ import annotations

from typing import Any

from sandbox.api import field
from sandbox.api.field import FieldError, Path
from sandbox.api.validation import names
from sandbox.api.validation.meta import validate_dns1123_label, validate_qualified_name
from sandbox.api.validation.probe import (
    validate_lifecycle,
    validate_liveness_probe,
    validate_readiness_probe,
    validate_startup_probe,
)
from sandbox.api.validation.resources import validate_container_resources

__all__ = [
    "validate_containers",
    "validate_init_containers",
    "validate_ephemeral_containers",
    "validate_security_context",
    "check_host_port_conflicts",
]

_PROTOCOLS = ["SCTP", "TCP", "UDP"]
_PULL_POLICIES = ["Always", "IfNotPresent", "Never"]
_ENV_FIELD_PATHS = [
    "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName",
    "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs",
]
_RESOURCE_FIELD_PATHS = [
    "limits.cpu", "limits.ephemeral-storage", "limits.memory",
    "requests.cpu", "requests.ephemeral-storage", "requests.memory",
]
#: Fields an ephemeral container may set (``allowedEphemeralContainerFields``), JSON names.
_EPHEMERAL_FORBIDDEN = ("ports", "resources", "livenessProbe", "readinessProbe", "startupProbe", "lifecycle", "resizePolicy", "restartPolicy")


def _validate_ports(ports: list[dict[str, Any]] | None, path: Path) -> list[FieldError]:
    errs: list[FieldError] = []
    seen: set[str] = set()
    for i, port in enumerate(ports or []):
        ip = path.index(i)
        name = port.get("name", "")
        if name:
            msgs = names.is_valid_port_name(name)
            if msgs:
                errs += [field.invalid(ip.child("name"), name, m) for m in msgs]
            elif name in seen:
                errs.append(field.duplicate(ip.child("name"), name))
            else:
                seen.add(name)
        cp = int(port.get("containerPort", 0) or 0)
        if cp == 0:
            errs.append(field.required(ip.child("containerPort")))
        else:
            errs += [field.invalid(ip.child("containerPort"), cp, m) for m in names.is_valid_port_num(cp)]
        hp = int(port.get("hostPort", 0) or 0)
        if hp != 0:
            errs += [field.invalid(ip.child("hostPort"), hp, m) for m in names.is_valid_port_num(hp)]
        proto = port.get("protocol", "")
        if not proto:
            errs.append(field.required(ip.child("protocol")))
        elif proto not in _PROTOCOLS:
            errs.append(field.not_supported(ip.child("protocol"), proto, _PROTOCOLS))
    return errs


def _validate_key_selector(sel: dict[str, Any], path: Path) -> list[FieldError]:
    errs = [field.invalid(path.child("name"), sel.get("name", ""), m) for m in names.name_is_dns_subdomain(sel.get("name", ""))]
    key = sel.get("key", "")
    if not key:
        errs.append(field.required(path.child("key")))
    else:
        errs += [field.invalid(path.child("key"), key, m) for m in names.is_config_map_key(key)]
    return errs


def _validate_env(env: list[dict[str, Any]] | None, path: Path) -> list[FieldError]:
    errs: list[FieldError] = []
    for i, ev in enumerate(env or []):
        ip = path.index(i)
        name = ev.get("name", "")
        if not name:
            errs.append(field.required(ip.child("name")))
        else:
            errs += [field.invalid(ip.child("name"), name, m) for m in names.is_relaxed_env_var_name(name)]
        vf = ev.get("valueFrom")
        if vf is None:
            continue
        vp = ip.child("valueFrom")
        n = 0
        if vf.get("fieldRef") is not None:
            n += 1
            fr = vf["fieldRef"]
            fp = vp.child("fieldRef")
            if not fr.get("apiVersion"):
                errs.append(field.required(fp.child("apiVersion")))
            elif not fr.get("fieldPath"):
                errs.append(field.required(fp.child("fieldPath")))
            else:
                p = fr["fieldPath"]
                if "[" in p and p.endswith("]"):
                    base, sub = p[: p.index("[")], p[p.index("[") + 1 : -1].strip("'\"")
                    if base == "metadata.annotations":
                        errs += validate_qualified_name(sub.lower(), fp)
                    elif base == "metadata.labels":
                        errs += validate_qualified_name(sub, fp)
                    else:
                        errs.append(field.invalid(fp, base, "does not support subscript"))
                elif p not in _ENV_FIELD_PATHS:
                    errs.append(field.not_supported(fp.child("fieldPath"), p, _ENV_FIELD_PATHS))
        if vf.get("resourceFieldRef") is not None:
            n += 1
            rf = vf["resourceFieldRef"]
            rp = vp.child("resourceFieldRef")
            res = rf.get("resource", "")
            if not res:
                errs.append(field.required(rp.child("resource")))
            elif res not in _RESOURCE_FIELD_PATHS and not res.startswith(("requests.hugepages-", "limits.hugepages-")):
                errs.append(field.not_supported(rp.child("resource"), res, _RESOURCE_FIELD_PATHS))
        if vf.get("configMapKeyRef") is not None:
            n += 1
            errs += _validate_key_selector(vf["configMapKeyRef"], vp.child("configMapKeyRef"))
        if vf.get("secretKeyRef") is not None:
            n += 1
            errs += _validate_key_selector(vf["secretKeyRef"], vp.child("secretKeyRef"))
        if n == 0:
            errs.append(field.invalid(vp, "", "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"))
        elif ev.get("value"):
            errs.append(field.invalid(vp, "", "may not be specified when `value` is not empty"))
        elif n > 1:
            errs.append(field.invalid(vp, "", "may not have more than one field specified at a time"))
    return errs


def _validate_env_from(env_from: list[dict[str, Any]] | None, path: Path) -> list[FieldError]:
    errs: list[FieldError] = []
    for i, ev in enumerate(env_from or []):
        ip = path.index(i)
        prefix = ev.get("prefix", "")
        if prefix:
            errs += [field.invalid(ip.child("prefix"), prefix, m) for m in names.is_relaxed_env_var_name(prefix)]
        n = 0
        for sub in ("configMapRef", "secretRef"):
            if ev.get(sub) is not None:
                n += 1
                nm = ev[sub].get("name", "")
                if not nm:
                    errs.append(field.required(ip.child(sub).child("name")))
                else:
                    errs += [field.invalid(ip.child(sub).child("name"), nm, m) for m in names.name_is_dns_subdomain(nm, True)]
        if n == 0:
            errs.append(field.invalid(path, "", "must specify one of: `configMapRef` or `secretRef`"))
        elif n > 1:
            errs.append(field.invalid(path, "", "may not have more than one field specified at a time"))
    return errs


def _validate_volume_mounts(mounts: list[dict[str, Any]] | None, volumes: dict[str, Any], ctr: dict[str, Any], path: Path) -> list[FieldError]:
    errs: list[FieldError] = []
    mount_points: set[str] = set()
    for i, m in enumerate(mounts or []):
        ip = path.index(i)
        name = m.get("name", "")
        if not name:
            errs.append(field.required(ip.child("name")))
        if name not in volumes:
            errs.append(field.not_found(ip.child("name"), name))
        mp = m.get("mountPath", "")
        if not mp:
            errs.append(field.required(ip.child("mountPath")))
        if mp in mount_points:
            errs.append(field.invalid(ip.child("mountPath"), mp, "must be unique"))
        mount_points.add(mp)
        sub = m.get("subPath", "")
        if sub:
            if sub.startswith("/"):
                errs.append(field.invalid(path.child("subPath"), sub, "must be a relative path"))
            if ".." in sub.split("/"):
                errs.append(field.invalid(path.child("subPath"), sub, "must not contain '..'"))
        expr = m.get("subPathExpr", "")
        if expr and sub:
            errs.append(field.invalid(ip.child("subPathExpr"), expr, "subPathExpr and subPath are mutually exclusive"))
        prop = m.get("mountPropagation")
        if prop is not None:
            supported = ["Bidirectional", "HostToContainer", "None"]
            if prop not in supported:
                errs.append(field.not_supported(path.child("mountPropagation"), prop, supported))
            privileged = bool((ctr.get("securityContext") or {}).get("privileged"))
            if prop == "Bidirectional" and not privileged:
                errs.append(field.forbidden(path.child("mountPropagation"), "Bidirectional mount propagation is available only to privileged containers"))
    return errs


def validate_security_context(sc: dict[str, Any] | None, path: Path, host_users: bool = True) -> list[FieldError]:
    """``ValidateSecurityContext`` (container level)."""
    if sc is None:
        return []
    errs: list[FieldError] = []
    for f in ("runAsUser", "runAsGroup"):
        if sc.get(f) is not None:
            errs += [field.invalid(path.child(f), sc[f], m) for m in names.is_valid_user_id(sc[f])]
    pm = sc.get("procMount")
    if pm is not None:
        if pm not in ("Default", "Unmasked"):
            errs.append(field.not_supported(path.child("procMount"), pm, ["Default", "Unmasked"]))
        if host_users and pm == "Unmasked":
            errs.append(field.invalid(path.child("procMount"), pm, "`hostUsers` must be false to use `Unmasked`"))
    errs += validate_seccomp_profile(sc.get("seccompProfile"), path.child("seccompProfile"))
    if sc.get("allowPrivilegeEscalation") is False:
        from sandbox.api.validation._util import GoLiteral

        if sc.get("privileged"):
            errs.append(field.invalid(path, GoLiteral("&core.SecurityContext{...}"), "cannot set `allowPrivilegeEscalation` to false and `privileged` to true"))
        for cap in (sc.get("capabilities") or {}).get("add") or []:
            if cap == "CAP_SYS_ADMIN":
                errs.append(field.invalid(path, GoLiteral("&core.SecurityContext{...}"), "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN"))
    return errs


def validate_seccomp_profile(sp: dict[str, Any] | None, path: Path) -> list[FieldError]:
    """``validateSeccompProfileField``."""
    if sp is None:
        return []
    errs: list[FieldError] = []
    t = sp.get("type", "")
    if t == "":
        errs.append(field.required(path.child("type"), "type is required when seccompProfile is set"))
    elif t not in ("Localhost", "RuntimeDefault", "Unconfined"):
        errs.append(field.not_supported(path.child("type"), t, ["Localhost", "RuntimeDefault", "Unconfined"]))
    if t == "Localhost":
        if sp.get("localhostProfile") is None:
            errs.append(field.required(path.child("localhostProfile"), "must be set when seccomp type is Localhost"))
    elif sp.get("localhostProfile") is not None:
        from sandbox.api.validation._util import GoLiteral

        errs.append(field.invalid(path.child("localhostProfile"), GoLiteral("&core.SeccompProfile{...}"), "can only be set when seccomp type is Localhost"))
    return errs


def _validate_common(ctr: dict[str, Any], volumes: dict[str, Any], path: Path, pod_restart: str, host_users: bool) -> list[FieldError]:
    errs: list[FieldError] = []
    name = ctr.get("name", "")
    if not name:
        errs.append(field.required(path.child("name")))
    else:
        errs += validate_dns1123_label(name, path.child("name"))
    if not ctr.get("image"):
        errs.append(field.required(path.child("image")))
    tmp = ctr.get("terminationMessagePolicy", "")
    if tmp == "":
        errs.append(field.required(path.child("terminationMessagePolicy")))
    elif tmp not in ("File", "FallbackToLogsOnError"):
        errs.append(field.not_supported(path.child("terminationMessagePolicy"), tmp, ["File", "FallbackToLogsOnError"]))
    errs += _validate_ports(ctr.get("ports"), path.child("ports"))
    errs += _validate_env(ctr.get("env"), path.child("env"))
    errs += _validate_env_from(ctr.get("envFrom"), path.child("envFrom"))
    errs += _validate_volume_mounts(ctr.get("volumeMounts"), volumes, ctr, path.child("volumeMounts"))
    pp = ctr.get("imagePullPolicy", "")
    if pp == "":
        errs.append(field.required(path.child("imagePullPolicy")))
    elif pp not in _PULL_POLICIES:
        errs.append(field.not_supported(path.child("imagePullPolicy"), pp, _PULL_POLICIES))
    errs += validate_container_resources(ctr.get("resources"), path.child("resources"))
    errs += _validate_resize_policy(ctr.get("resizePolicy"), path.child("resizePolicy"), pod_restart)
    errs += validate_security_context(ctr.get("securityContext"), path.child("securityContext"), host_users)
    return errs


def _validate_resize_policy(policies: list[dict[str, Any]] | None, path: Path, pod_restart: str) -> list[FieldError]:
    errs: list[FieldError] = []
    seen: set[str] = set()
    for i, p in enumerate(policies or []):
        rn, rp = p.get("resourceName", ""), p.get("restartPolicy", "")
        if rn in seen:
            errs.append(field.duplicate(path.index(i), rn))
        seen.add(rn)
        if rn == "":
            errs.append(field.required(path))
        elif rn not in ("cpu", "memory"):
            errs.append(field.not_supported(path, rn, ["cpu", "memory"]))
        if rp == "":
            errs.append(field.required(path))
        elif rp not in ("NotRequired", "RestartContainer"):
            errs.append(field.not_supported(path, rp, ["NotRequired", "RestartContainer"]))
        if pod_restart == "Never" and rp != "NotRequired":
            errs.append(field.invalid(path, rp, "must be 'NotRequired' when `restartPolicy` is 'Never'"))
    return errs


def check_host_port_conflicts(containers: list[dict[str, Any]], path: Path) -> list[FieldError]:
    """``checkHostPortConflicts``: ``Duplicate value: "TCP//8080"``."""
    errs: list[FieldError] = []
    seen: set[str] = set()
    for ci, ctr in enumerate(containers):
        for pi, port in enumerate(ctr.get("ports") or []):
            hp = int(port.get("hostPort", 0) or 0)
            if hp == 0:
                continue
            key = f"{port.get('protocol', '')}/{port.get('hostIP', '')}/{hp}"
            if key in seen:
                errs.append(field.duplicate(path.index(ci).child("ports").index(pi).child("hostPort"), key))
            else:
                seen.add(key)
    return errs


def validate_containers(containers: list[dict[str, Any]] | None, volumes: dict[str, Any], grace: int | None, path: Path, pod_restart: str, host_users: bool = True) -> list[FieldError]:
    """``validateContainers``."""
    if not containers:
        return [field.required(path)]
    errs: list[FieldError] = []
    seen: set[str] = set()
    for i, ctr in enumerate(containers):
        p = path.index(i)
        errs += _validate_common(ctr, volumes, p, pod_restart, host_users)
        name = ctr.get("name", "")
        if name in seen:
            errs.append(field.duplicate(p.child("name"), name))
        else:
            seen.add(name)
        if ctr.get("lifecycle") is not None:
            errs += validate_lifecycle(ctr["lifecycle"], grace, p.child("lifecycle"))
        errs += validate_liveness_probe(ctr.get("livenessProbe"), grace, p.child("livenessProbe"))
        errs += validate_readiness_probe(ctr.get("readinessProbe"), grace, p.child("readinessProbe"))
        errs += validate_startup_probe(ctr.get("startupProbe"), grace, p.child("startupProbe"))
        if ctr.get("restartPolicy") is not None:
            errs.append(field.forbidden(p.child("restartPolicy"), "may not be set for non-init containers"))
    errs += check_host_port_conflicts(containers, path)
    return errs


def validate_init_containers(inits: list[dict[str, Any]] | None, regular: list[dict[str, Any]] | None, volumes: dict[str, Any], grace: int | None, path: Path, pod_restart: str, host_users: bool = True) -> list[FieldError]:
    """``validateInitContainers``: sidecars (restartPolicy Always) may have probes and lifecycle."""
    errs: list[FieldError] = []
    seen = {c.get("name", "") for c in regular or []}
    for i, ctr in enumerate(inits or []):
        p = path.index(i)
        errs += _validate_common(ctr, volumes, p, pod_restart, host_users)
        restart_always = False
        rp = ctr.get("restartPolicy")
        if rp is not None:
            if rp != "Always":
                errs.append(field.not_supported(p.child("restartPolicy"), rp, ["Always"]))
            restart_always = rp == "Always"
        name = ctr.get("name", "")
        if name in seen:
            errs.append(field.duplicate(p.child("name"), name))
        elif name:
            seen.add(name)
        errs += check_host_port_conflicts([ctr], path)
        if restart_always:
            if ctr.get("lifecycle") is not None:
                errs += validate_lifecycle(ctr["lifecycle"], grace, p.child("lifecycle"))
            errs += validate_liveness_probe(ctr.get("livenessProbe"), grace, p.child("livenessProbe"))
            errs += validate_readiness_probe(ctr.get("readinessProbe"), grace, p.child("readinessProbe"))
            errs += validate_startup_probe(ctr.get("startupProbe"), grace, p.child("startupProbe"))
        else:
            for f in ("lifecycle", "livenessProbe", "readinessProbe", "startupProbe"):
                if ctr.get(f) is not None:
                    errs.append(field.forbidden(p.child(f), "may not be set for init containers without restartPolicy=Always"))
        if ctr.get("resizePolicy"):
            from sandbox.api.validation._util import GoLiteral

            errs.append(field.invalid(p.child("resizePolicy"), GoLiteral("[]core.ContainerResizePolicy{...}"), "must not be set for init containers"))
    return errs


def validate_ephemeral_containers(ephemeral: list[dict[str, Any]] | None, regular: list[dict[str, Any]] | None, inits: list[dict[str, Any]] | None, volumes: dict[str, Any], path: Path, pod_restart: str, host_users: bool = True) -> list[FieldError]:
    """``validateEphemeralContainers``: unique names, a real target, no ports/probes/resources/lifecycle."""
    errs: list[FieldError] = []
    if not ephemeral:
        return errs
    others = {c.get("name", "") for c in (regular or []) + (inits or [])}
    all_names = set(others)
    for i, ec in enumerate(ephemeral):
        p = path.index(i)
        errs += _validate_common(ec, volumes, p, pod_restart, host_users)
        image = ec.get("image", "")
        if len(image) != len(image.strip()):
            errs.append(field.invalid(p.child("image"), image, "must not have leading or trailing whitespace"))
        name = ec.get("name", "")
        if name in all_names:
            errs.append(field.duplicate(p.child("name"), name))
        else:
            all_names.add(name)
        target = ec.get("targetContainerName", "")
        if target and target not in others:
            errs.append(field.not_found(p.child("targetContainerName"), target))
        for f in _EPHEMERAL_FORBIDDEN:
            v = ec.get(f)
            if v not in (None, [], {}):
                errs.append(field.forbidden(p.child(f), "cannot be set for an Ephemeral Container"))
        for j, vm in enumerate(ec.get("volumeMounts") or []):
            for sub in ("subPath", "subPathExpr"):
                if vm.get(sub):
                    errs.append(field.forbidden(p.child("volumeMounts").index(j).child(sub), "cannot be set for an Ephemeral Container"))
    return errs
