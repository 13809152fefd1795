"""Container environment: ``env``/``envFrom`` resolution and ``$(VAR)`` expansion
(``third_party/forked/golang/expansion``), as the kubelet's ``makeEnvironmentVariables`` does."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

__all__ = [
    "expand",
    "EnvError",
    "make_environment",
    "resolve_field_ref",
    "resolve_resource_field_ref",
    "is_env_var_name",
]

_ENV_VAR_NAME = re.compile(r"[-._a-zA-Z][-._a-zA-Z0-9]*")


def is_env_var_name(name: str) -> bool:
    """``validation.IsEnvVarName`` as the kubelet applies it to ``envFrom`` keys:
    ``[-._a-zA-Z][-._a-zA-Z0-9]*``, not ``.``/``..`` and not starting with ``..``."""
    return bool(_ENV_VAR_NAME.fullmatch(name)) and name not in (".", "..") and not name.startswith("..")


class EnvError(Exception):
    """A configuration error the kubelet reports as ``CreateContainerConfigError``."""


def expand(s: str, mapping: Callable[[str], str | None]) -> str:
    """``expansion.Expand``: replace ``$(VAR)`` with its value; ``$$`` is an escaped ``$``;
    references to unknown variables are left as they are."""
    out: list[str] = []
    i = 0
    n = len(s)
    while i < n:
        ch = s[i]
        if ch == "$" and i + 1 < n:
            nxt = s[i + 1]
            if nxt == "$":
                out.append("$")
                i += 2
                continue
            if nxt == "(":
                end = s.find(")", i + 2)
                if end == -1:
                    out.append(s[i:])
                    break
                name = s[i + 2:end]
                val = mapping(name)
                out.append(val if val is not None else f"$({name})")
                i = end + 1
                continue
            out.append("$" + nxt)
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _mapper(*envs: Mapping[str, str]) -> Callable[[str], str | None]:
    def look(name: str) -> str | None:
        for e in envs:
            if name in e:
                return e[name]
        return None

    return look


def resolve_field_ref(
    pod: Any, path: str, host_ip: str = "", pod_ips: list[str] | None = None, host_ips: list[str] | None = None
) -> str:
    """The downward API's ``fieldRef`` values the kubelet supports (``podFieldSelectorRuntimeValue``
    and ``fieldpath.ExtractFieldPathAsString``); ``status.hostIPs``/``status.podIPs`` are the
    addresses joined by commas."""
    m = pod.metadata
    ips = pod_ips or []
    if path == "metadata.name":
        return m.name or ""
    if path == "metadata.namespace":
        return m.namespace or ""
    if path == "metadata.uid":
        return m.uid or ""
    if path.startswith("metadata.labels['") and path.endswith("']"):
        return (m.labels or {}).get(path[len("metadata.labels['"):-2], "")
    if path.startswith("metadata.annotations['") and path.endswith("']"):
        return (m.annotations or {}).get(path[len("metadata.annotations['"):-2], "")
    if path == "spec.nodeName":
        return pod.spec.nodeName or ""
    if path == "spec.serviceAccountName":
        return pod.spec.serviceAccountName or ""
    if path == "status.hostIP":
        return host_ip
    if path == "status.hostIPs":
        return ",".join(host_ips) if host_ips else host_ip
    if path == "status.podIP":
        return ips[0] if ips else ""
    if path == "status.podIPs":
        return ",".join(ips)
    raise EnvError(f'unsupported fieldPath: "{path}"')


def resolve_resource_field_ref(pod: Any, container: Any, ref: Any, node_allocatable: Mapping[str, Any]) -> str:
    """``resourceFieldRef``: a container's limit (the node's allocatable when unset) or request."""
    from sandbox.api.quantity import Quantity

    name = ref.containerName or container.name
    target = next((c for c in list(pod.spec.containers or []) + list(pod.spec.initContainers or [])
                   if c.name == name), container)
    res = ref.resource or ""
    kind, _, rname = res.partition(".")
    r = target.resources
    table = (r.limits if kind == "limits" else r.requests) if r is not None else None
    q = (table or {}).get(rname)
    if q is None:
        if kind == "limits":
            q = node_allocatable.get(rname)
        if q is None:
            return "0"
    qv = q if isinstance(q, Quantity) else Quantity(str(q))
    divisor = ref.divisor if ref.divisor is not None else Quantity("1")
    dv = divisor if isinstance(divisor, Quantity) else Quantity(str(divisor))
    import math

    if rname == "cpu":
        return str(max(1, math.ceil(qv.as_float() / dv.as_float())))
    return str(math.ceil(qv.as_float() / dv.as_float()))


def make_environment(
    pod: Any,
    container: Any,
    get_configmap: Callable[[str, str], Any],
    get_secret: Callable[[str, str], Any],
    host_ip: str = "",
    pod_ips: list[str] | None = None,
    service_env: Mapping[str, str] | None = None,
    node_allocatable: Mapping[str, Any] | None = None,
    host_ips: list[str] | None = None,
    on_invalid_keys: Callable[[str], Any] | None = None,
) -> list[tuple[str, str]]:
    """``makeEnvironmentVariables``: the container's environment, in order.

    ``get_configmap(namespace, name)``/``get_secret`` return the object or ``None``. Raises
    :class:`EnvError` with the kubelet's message (``configmap "x" not found``,
    ``couldn't find key k in ConfigMap default/x``) for ``CreateContainerConfigError``.
    ``envFrom`` keys that are not valid names are skipped and reported through
    ``on_invalid_keys(message)`` (the kubelet's ``InvalidEnvironmentVariableNames`` event).
    """
    import base64

    ns = pod.metadata.namespace or "default"
    result: dict[str, str] = {}
    order: list[str] = []

    def put(k: str, v: str) -> None:
        if k not in result:
            order.append(k)
        result[k] = v

    for src in container.envFrom or []:
        if src.configMapRef is not None:
            name = src.configMapRef.name or ""
            optional = bool(src.configMapRef.optional)
            cm = get_configmap(ns, name)
            if cm is None:
                if optional:
                    continue
                raise EnvError(f'configmap "{name}" not found')
            invalid: list[str] = []
            for k, v in sorted((cm.data or {}).items()):
                key = (src.prefix or "") + k
                if not is_env_var_name(key):
                    invalid.append(key)
                    continue
                put(key, v)
            if invalid and on_invalid_keys is not None:
                on_invalid_keys(f"Keys [{', '.join(sorted(invalid))}] from the EnvFrom configMap {ns}/{name} "
                                "were skipped since they are considered invalid environment variable names.")
        elif src.secretRef is not None:
            name = src.secretRef.name or ""
            optional = bool(src.secretRef.optional)
            sec = get_secret(ns, name)
            if sec is None:
                if optional:
                    continue
                raise EnvError(f'secret "{name}" not found')
            invalid = []
            for k, v in sorted((sec.data or {}).items()):
                key = (src.prefix or "") + k
                if not is_env_var_name(key):
                    invalid.append(key)
                    continue
                put(key, base64.b64decode(v).decode("utf-8", "replace"))
            if invalid and on_invalid_keys is not None:
                on_invalid_keys(f"Keys [{', '.join(sorted(invalid))}] from the EnvFrom secret {ns}/{name} "
                                "were skipped since they are considered invalid environment variable names.")

    services = dict(service_env or {})
    for e in container.env or []:
        name = e.name or ""
        if e.value is not None or e.valueFrom is None:
            put(name, expand(e.value or "", _mapper(result, services)))
            continue
        vf = e.valueFrom
        if vf.fieldRef is not None:
            put(name, resolve_field_ref(pod, vf.fieldRef.fieldPath or "", host_ip, pod_ips, host_ips))
        elif vf.resourceFieldRef is not None:
            put(name, resolve_resource_field_ref(pod, container, vf.resourceFieldRef, node_allocatable or {}))
        elif vf.configMapKeyRef is not None:
            ref = vf.configMapKeyRef
            cm = get_configmap(ns, ref.name or "")
            if cm is None:
                if ref.optional:
                    continue
                raise EnvError(f'configmap "{ref.name}" not found')
            data = cm.data or {}
            if ref.key in data:
                put(name, data[ref.key])
            elif ref.key in (cm.binaryData or {}):
                put(name, base64.b64decode(cm.binaryData[ref.key]).decode("utf-8", "replace"))
            elif not ref.optional:
                raise EnvError(f"couldn't find key {ref.key} in ConfigMap {ns}/{ref.name}")
        elif vf.secretKeyRef is not None:
            ref = vf.secretKeyRef
            sec = get_secret(ns, ref.name or "")
            if sec is None:
                if ref.optional:
                    continue
                raise EnvError(f'secret "{ref.name}" not found')
            data = sec.data or {}
            if ref.key in data:
                put(name, base64.b64decode(data[ref.key]).decode("utf-8", "replace"))
            elif not ref.optional:
                raise EnvError(f"couldn't find key {ref.key} in Secret {ns}/{ref.name}")
    for k, v in services.items():
        if k not in result:
            put(k, v)
    return [(k, result[k]) for k in order]
