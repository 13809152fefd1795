"""The Pod Security Standards' checks (``k8s.io/pod-security-admission/policy``).

Each check reads a pod's metadata and spec (Kubernetes JSON dicts) and returns a
:class:`CheckResult` with Kubernetes' own ``ForbiddenReason`` and ``ForbiddenDetail`` words.
Checks are versioned as upstream's are: a namespace pinned to ``enforce-version: v1.24`` is
judged by the 1.24 rules. This cluster is Kubernetes 1.32, so ``latest`` means 1.32.

:func:`evaluate_pod` runs the checks of a level in upstream's order (baseline checks sorted by
ID, then restricted checks sorted by ID; at ``restricted`` the baseline checks that a restricted
check supersedes are left out) and :func:`aggregate` joins the failures into the message
``reason (detail), reason (detail), ...``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sandbox.api.field import go_quote
from sandbox.apiserver.podsecurity.api import (
    BASELINE,
    PRIVILEGED,
    RESTRICTED,
    LevelVersion,
    Version,
)

__all__ = [
    "MAX_VERSION",
    "CheckResult",
    "AggregateResult",
    "Check",
    "CHECKS",
    "evaluate_pod",
    "aggregate",
    "join_quote",
]

#: The newest policy version this cluster knows; ``latest`` and newer labels mean this one.
MAX_VERSION = Version(32)

Meta = dict[str, Any]
Spec = dict[str, Any]
CheckFn = Callable[[Meta, Spec], "CheckResult"]


@dataclass(frozen=True)
class CheckResult:
    """One check's verdict: allowed, or the short reason and the detail."""

    allowed: bool
    reason: str = ""
    detail: str = ""


ALLOWED = CheckResult(True)


@dataclass(frozen=True)
class AggregateResult:
    """All failures of one evaluation, in check order."""

    reasons: tuple[str, ...]
    details: tuple[str, ...]

    @property
    def allowed(self) -> bool:
        return not self.reasons

    def forbidden_reason(self) -> str:
        """``host namespaces, privileged`` (what the namespace check prints per pod)."""
        return ", ".join(self.reasons)

    def forbidden_detail(self) -> str:
        """``host namespaces (hostNetwork=true), privileged (container "c" must not ...)``."""
        parts = []
        for reason, detail in zip(self.reasons, self.details, strict=False):
            parts.append(f"{reason} ({detail})" if detail else reason)
        return ", ".join(parts)


@dataclass(frozen=True)
class Check:
    """A check: ID, level, versions ``(minimum minor, fn)`` ascending, IDs it overrides."""

    id: str
    level: str
    versions: tuple[tuple[int, CheckFn], ...]
    overrides: tuple[str, ...] = ()

    def for_version(self, version: Version) -> CheckFn | None:
        minor = MAX_VERSION.minor if version.latest or version > MAX_VERSION else version.minor
        fn = None
        for minimum, f in self.versions:
            if minimum <= minor:
                fn = f
        return fn


# ---------------------------------------------------------------------------- helpers


def join_quote(items: list[str] | tuple[str, ...]) -> str:
    """``"a", "b"`` (Go's ``joinQuote``)."""
    return ", ".join(f'"{i}"' for i in items) if items else ""


def _plural(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


def _containers(spec: Spec) -> Iterator[dict[str, Any]]:
    """initContainers, containers, ephemeralContainers (upstream's ``visitContainers``)."""
    for key in ("initContainers", "containers", "ephemeralContainers"):
        yield from spec.get(key) or []


def _sc(c: dict[str, Any]) -> dict[str, Any] | None:
    return c.get("securityContext")


def _psc(spec: Spec) -> dict[str, Any] | None:
    return spec.get("securityContext")


def _is_windows(spec: Spec) -> bool:
    return ((spec.get("os") or {}).get("name")) == "windows"


def _names(items: list[str]) -> str:
    return f'{_plural("container", "containers", len(items))} {join_quote(items)}'


# ---------------------------------------------------------------------------- baseline


def _app_armor_profile(meta: Meta, spec: Spec) -> CheckResult:
    def bad_type(p: dict[str, Any] | None) -> bool:
        return p is not None and p.get("type") not in ("RuntimeDefault", "Localhost")

    bad_setters: list[str] = []
    bad_values: set[str] = set()
    psc = _psc(spec) or {}
    if bad_type(psc.get("appArmorProfile")):
        bad_setters.append("pod")
        bad_values.add(str(psc["appArmorProfile"].get("type") or ""))
    bad_containers = []
    for c in _containers(spec):
        p = (_sc(c) or {}).get("appArmorProfile")
        if bad_type(p):
            bad_containers.append(c.get("name", ""))
            bad_values.add(str(p.get("type") or ""))  # type: ignore[union-attr]
    if bad_containers:
        bad_setters.append(_names(bad_containers))
    annotations = sorted(
        f"{k}={go_quote(v)}"
        for k, v in ((meta.get("annotations") or {}).items())
        if k.startswith("container.apparmor.security.beta.kubernetes.io/")
        and not (v == "" or v == "runtime/default" or v.startswith("localhost/"))
    )
    values = sorted(bad_values)
    if annotations:
        values += annotations
        bad_setters.append(_plural("annotation", "annotations", len(annotations)))
    if bad_setters:
        return CheckResult(
            False,
            _plural("forbidden AppArmor profile", "forbidden AppArmor profiles", len(values)),
            f"{' and '.join(bad_setters)} must not set AppArmor profile type to {join_quote(values)}",
        )
    return ALLOWED


_DEFAULT_CAPABILITIES = frozenset(
    {
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
        "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    }
)  # fmt: skip


def _capabilities_baseline(meta: Meta, spec: Spec) -> CheckResult:
    bad: list[str] = []
    caps: set[str] = set()
    for c in _containers(spec):
        added = ((_sc(c) or {}).get("capabilities") or {}).get("add") or []
        extra = [a for a in added if a not in _DEFAULT_CAPABILITIES]
        if extra:
            bad.append(c.get("name", ""))
            caps.update(extra)
    if bad:
        return CheckResult(
            False,
            "non-default capabilities",
            f"{_names(bad)} must not include {join_quote(sorted(caps))} in securityContext.capabilities.add",
        )
    return ALLOWED


def _host_namespaces(meta: Meta, spec: Spec) -> CheckResult:
    used = [f"{k}=true" for k in ("hostNetwork", "hostPID", "hostIPC") if spec.get(k)]
    if used:
        return CheckResult(False, "host namespaces", ", ".join(used))
    return ALLOWED


def _host_path_volumes(meta: Meta, spec: Spec) -> CheckResult:
    bad = [v.get("name", "") for v in spec.get("volumes") or [] if v.get("hostPath") is not None]
    if bad:
        return CheckResult(False, "hostPath volumes", f'{_plural("volume", "volumes", len(bad))} {join_quote(bad)}')
    return ALLOWED


def _host_ports(meta: Meta, spec: Spec) -> CheckResult:
    bad: list[str] = []
    ports: set[str] = set()
    for c in _containers(spec):
        hp = [str(p["hostPort"]) for p in c.get("ports") or [] if p.get("hostPort")]
        if hp:
            bad.append(c.get("name", ""))
            ports.update(hp)
    if bad:
        return CheckResult(
            False,
            "hostPort",
            f"{_names(bad)} {_plural('uses', 'use', len(bad))} "
            f"{_plural('hostPort', 'hostPorts', len(ports))} {', '.join(sorted(ports))}",
        )
    return ALLOWED


def _privileged(meta: Meta, spec: Spec) -> CheckResult:
    bad = [c.get("name", "") for c in _containers(spec) if (_sc(c) or {}).get("privileged") is True]
    if bad:
        return CheckResult(False, "privileged", f"{_names(bad)} must not set securityContext.privileged=true")
    return ALLOWED


def _proc_mount(meta: Meta, spec: Spec) -> CheckResult:
    bad: list[str] = []
    kinds: set[str] = set()
    for c in _containers(spec):
        pm = (_sc(c) or {}).get("procMount")
        if pm is not None and pm != "Default":
            bad.append(c.get("name", ""))
            kinds.add(pm)
    if bad:
        return CheckResult(
            False, "procMount", f"{_names(bad)} must not set securityContext.procMount to {join_quote(sorted(kinds))}"
        )
    return ALLOWED


def _selinux(allowed_types: frozenset[str]) -> CheckFn:
    def check(meta: Meta, spec: Spec) -> CheckResult:
        bad_setters: list[str] = []
        bad_types: set[str] = set()
        flags = {"user": False, "role": False}

        def valid(opts: dict[str, Any]) -> bool:
            ok = True
            t = opts.get("type") or ""
            if t not in allowed_types:
                ok = False
                bad_types.add(t)
            for k in ("user", "role"):
                if opts.get(k):
                    ok = False
                    flags[k] = True
            return ok

        popts = (_psc(spec) or {}).get("seLinuxOptions")
        if popts is not None and not valid(popts):
            bad_setters.append("pod")
        bad = []
        for c in _containers(spec):
            opts = (_sc(c) or {}).get("seLinuxOptions")
            if opts is not None and not valid(opts):
                bad.append(c.get("name", ""))
        if bad:
            bad_setters.append(_names(bad))
        if bad_setters:
            data = []
            if bad_types:
                data.append(f"{_plural('type', 'types', len(bad_types))} {join_quote(sorted(bad_types))}")
            if flags["user"]:
                data.append("user may not be set")
            if flags["role"]:
                data.append("role may not be set")
            return CheckResult(
                False,
                "seLinuxOptions",
                f"{' and '.join(bad_setters)} set forbidden securityContext.seLinuxOptions: {'; '.join(data)}",
            )
        return ALLOWED

    return check


_SELINUX_1_0 = frozenset({"", "container_t", "container_init_t", "container_kvm_t"})
_SELINUX_1_31 = _SELINUX_1_0 | {"container_engine_t"}


def _valid_seccomp(t: Any) -> bool:
    return t in ("Localhost", "RuntimeDefault")


def _seccomp_baseline_1_0(meta: Meta, spec: Spec) -> CheckResult:
    annotations = meta.get("annotations") or {}

    def valid(v: str) -> bool:
        return v in ("runtime/default", "docker/default") or v.startswith("localhost/")

    bad: set[str] = set()
    key = "seccomp.security.alpha.kubernetes.io/pod"
    if key in annotations and not valid(annotations[key]):
        bad.add(f"{key}={go_quote(annotations[key])}")
    for c in _containers(spec):
        k = "container.seccomp.security.alpha.kubernetes.io/" + c.get("name", "")
        if k in annotations and not valid(annotations[k]):
            bad.add(f"{k}={go_quote(annotations[k])}")
    if bad:
        return CheckResult(
            False, "seccompProfile", f"forbidden {_plural('annotation', 'annotations', len(bad))} {', '.join(sorted(bad))}"
        )
    return ALLOWED


def _seccomp_explicit(spec: Spec) -> tuple[list[str], set[str], bool, list[str]]:
    """Bad setters, bad values, whether the pod sets a valid profile, containers with none."""
    bad_setters: list[str] = []
    bad_values: set[str] = set()
    pod_set = False
    prof = (_psc(spec) or {}).get("seccompProfile")
    if prof is not None:
        if not _valid_seccomp(prof.get("type")):
            bad_setters.append("pod")
            bad_values.add(str(prof.get("type") or ""))
        else:
            pod_set = True
    explicit: list[str] = []
    implicit: list[str] = []
    for c in _containers(spec):
        cp = (_sc(c) or {}).get("seccompProfile")
        if cp is not None:
            if not _valid_seccomp(cp.get("type")):
                explicit.append(c.get("name", ""))
                bad_values.add(str(cp.get("type") or ""))
        elif not pod_set:
            implicit.append(c.get("name", ""))
    if explicit:
        bad_setters.append(_names(explicit))
    return bad_setters, bad_values, pod_set, implicit


def _seccomp_baseline_1_19(meta: Meta, spec: Spec) -> CheckResult:
    bad_setters, bad_values, _, _ = _seccomp_explicit(spec)
    if bad_setters:
        return CheckResult(
            False,
            "seccompProfile",
            f"{' and '.join(bad_setters)} must not set securityContext.seccompProfile.type to {join_quote(sorted(bad_values))}",
        )
    return ALLOWED


def _sysctls(allowed: frozenset[str]) -> CheckFn:
    def check(meta: Meta, spec: Spec) -> CheckResult:
        bad = [s.get("name", "") for s in (_psc(spec) or {}).get("sysctls") or [] if s.get("name") not in allowed]
        if bad:
            return CheckResult(False, "forbidden sysctls", ", ".join(bad))
        return ALLOWED

    return check


_SYSCTLS_1_0 = frozenset(
    {
        "kernel.shm_rmid_forced",
        "net.ipv4.ip_local_port_range",
        "net.ipv4.tcp_syncookies",
        "net.ipv4.ping_group_range",
        "net.ipv4.ip_unprivileged_port_start",
    }
)
_SYSCTLS_1_27 = _SYSCTLS_1_0 | {"net.ipv4.ip_local_reserved_ports"}
_SYSCTLS_1_29 = _SYSCTLS_1_27 | {
    "net.ipv4.tcp_keepalive_time",
    "net.ipv4.tcp_fin_timeout",
    "net.ipv4.tcp_keepalive_intvl",
    "net.ipv4.tcp_keepalive_probes",
}
_SYSCTLS_1_32 = _SYSCTLS_1_29 | {"net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"}


def _windows_host_process(meta: Meta, spec: Spec) -> CheckResult:
    def host_process(sc: dict[str, Any] | None) -> bool:
        return ((sc or {}).get("windowsOptions") or {}).get("hostProcess") is True

    bad = [c.get("name", "") for c in _containers(spec) if host_process(_sc(c))]
    setters = []
    if host_process(_psc(spec)):
        setters.append("pod")
    if bad:
        setters.append(_names(bad))
    if setters:
        return CheckResult(
            False, "hostProcess", f"{' and '.join(setters)} must not set securityContext.windowsOptions.hostProcess=true"
        )
    return ALLOWED


# ---------------------------------------------------------------------------- restricted


def _allow_privilege_escalation(skip_windows: bool) -> CheckFn:
    def check(meta: Meta, spec: Spec) -> CheckResult:
        if skip_windows and _is_windows(spec):
            return ALLOWED
        bad = [c.get("name", "") for c in _containers(spec) if (_sc(c) or {}).get("allowPrivilegeEscalation") is not False]
        if bad:
            return CheckResult(
                False,
                "allowPrivilegeEscalation != false",
                f"{_names(bad)} must set securityContext.allowPrivilegeEscalation=false",
            )
        return ALLOWED

    return check


def _capabilities_restricted(skip_windows: bool) -> CheckFn:
    def check(meta: Meta, spec: Spec) -> CheckResult:
        if skip_windows and _is_windows(spec):
            return ALLOWED
        missing_drop: list[str] = []
        adding: list[str] = []
        forbidden: set[str] = set()
        for c in _containers(spec):
            caps = (_sc(c) or {}).get("capabilities")
            if caps is None:
                missing_drop.append(c.get("name", ""))
                continue
            if "ALL" not in (caps.get("drop") or []):
                missing_drop.append(c.get("name", ""))
            extra = [a for a in caps.get("add") or [] if a != "NET_BIND_SERVICE"]
            if extra:
                adding.append(c.get("name", ""))
                forbidden.update(extra)
        details = []
        if missing_drop:
            details.append(f'{_names(missing_drop)} must set securityContext.capabilities.drop=["ALL"]')
        if adding:
            details.append(
                f"{_names(adding)} must not include {join_quote(sorted(forbidden))} in securityContext.capabilities.add"
            )
        if details:
            return CheckResult(False, "unrestricted capabilities", "; ".join(details))
        return ALLOWED

    return check


#: Inline volume sources the restricted level allows.
_ALLOWED_VOLUME_SOURCES = frozenset(
    {"configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret", "image"}
)
#: Restricted volume sources and the name upstream reports for each, in upstream's order.
_RESTRICTED_VOLUME_SOURCES = (
    ("hostPath", "hostPath"),
    ("gcePersistentDisk", "gcePersistentDisk"),
    ("awsElasticBlockStore", "awsElasticBlockStore"),
    ("gitRepo", "gitRepo"),
    ("nfs", "nfs"),
    ("iscsi", "iscsi"),
    ("glusterfs", "glusterfs"),
    ("rbd", "rbd"),
    ("flexVolume", "flexVolume"),
    ("cinder", "cinder"),
    ("cephfs", "cephfs"),
    ("flocker", "flocker"),
    ("fc", "fc"),
    ("azureFile", "azureFile"),
    ("vsphereVolume", "vsphereVolume"),
    ("quobyte", "quobyte"),
    ("azureDisk", "azureDisk"),
    ("photonPersistentDisk", "photonPersistentDisk"),
    ("portworxVolume", "portworxVolume"),
    ("scaleIO", "scaleIO"),
    ("storageos", "storageos"),
)


def _restricted_volumes(meta: Meta, spec: Spec) -> CheckResult:
    bad: list[str] = []
    types: set[str] = set()
    for v in spec.get("volumes") or []:
        if any(v.get(k) is not None for k in _ALLOWED_VOLUME_SOURCES):
            continue
        bad.append(v.get("name", ""))
        for key, name in _RESTRICTED_VOLUME_SOURCES:
            if v.get(key) is not None:
                types.add(name)
                break
        else:
            types.add("unknown")
    if bad:
        return CheckResult(
            False,
            "restricted volume types",
            f"{_plural('volume', 'volumes', len(bad))} {join_quote(bad)} {_plural('uses', 'use', len(bad))} "
            f"{_plural('restricted volume type', 'restricted volume types', len(types))} {join_quote(sorted(types))}",
        )
    return ALLOWED


def _run_as_non_root(meta: Meta, spec: Spec) -> CheckResult:
    bad_setters: list[str] = []
    pod_true = False
    value = (_psc(spec) or {}).get("runAsNonRoot")
    if value is not None:
        if value is False:
            bad_setters.append("pod")
        else:
            pod_true = True
    explicit, implicit = [], []
    for c in _containers(spec):
        cv = (_sc(c) or {}).get("runAsNonRoot")
        if cv is not None:
            if cv is False:
                explicit.append(c.get("name", ""))
        elif not pod_true:
            implicit.append(c.get("name", ""))
    if explicit:
        bad_setters.append(_names(explicit))
    if bad_setters:
        return CheckResult(
            False, "runAsNonRoot != true", f"{' and '.join(bad_setters)} must not set securityContext.runAsNonRoot=false"
        )
    if implicit:
        return CheckResult(
            False, "runAsNonRoot != true", f"pod or {_names(implicit)} must set securityContext.runAsNonRoot=true"
        )
    return ALLOWED


def _run_as_user(meta: Meta, spec: Spec) -> CheckResult:
    setters = []
    if (_psc(spec) or {}).get("runAsUser") == 0:
        setters.append("pod")
    bad = [c.get("name", "") for c in _containers(spec) if (_sc(c) or {}).get("runAsUser") == 0]
    if bad:
        setters.append(_names(bad))
    if setters:
        return CheckResult(False, "runAsUser=0", f"{' and '.join(setters)} must not set runAsUser=0")
    return ALLOWED


def _seccomp_restricted(skip_windows: bool) -> CheckFn:
    def check(meta: Meta, spec: Spec) -> CheckResult:
        if skip_windows and _is_windows(spec):
            return ALLOWED
        bad_setters, bad_values, _, implicit = _seccomp_explicit(spec)
        if bad_setters:
            return CheckResult(
                False,
                "seccompProfile",
                f"{' and '.join(bad_setters)} must not set securityContext.seccompProfile.type to "
                f"{join_quote(sorted(bad_values))}",
            )
        if implicit:
            return CheckResult(
                False,
                "seccompProfile",
                f'pod or {_names(implicit)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
            )
        return ALLOWED

    return check


# ---------------------------------------------------------------------------- registry

#: Every check of Kubernetes 1.32's policy, with the versions it changed at.
CHECKS: tuple[Check, ...] = (
    Check("appArmorProfile", BASELINE, ((0, _app_armor_profile),)),
    Check("capabilities_baseline", BASELINE, ((0, _capabilities_baseline),)),
    Check("hostNamespaces", BASELINE, ((0, _host_namespaces),)),
    Check("hostPathVolumes", BASELINE, ((0, _host_path_volumes),)),
    Check("hostPorts", BASELINE, ((0, _host_ports),)),
    Check("privileged", BASELINE, ((0, _privileged),)),
    Check("procMount", BASELINE, ((0, _proc_mount),)),
    Check("seLinuxOptions", BASELINE, ((0, _selinux(_SELINUX_1_0)), (31, _selinux(_SELINUX_1_31)))),
    Check("seccompProfile_baseline", BASELINE, ((0, _seccomp_baseline_1_0), (19, _seccomp_baseline_1_19))),
    Check(
        "sysctls",
        BASELINE,
        ((0, _sysctls(_SYSCTLS_1_0)), (27, _sysctls(_SYSCTLS_1_27)), (29, _sysctls(_SYSCTLS_1_29)), (32, _sysctls(_SYSCTLS_1_32))),
    ),
    Check("windowsHostProcess", BASELINE, ((0, _windows_host_process),)),
    Check(
        "allowPrivilegeEscalation", RESTRICTED, ((8, _allow_privilege_escalation(False)), (25, _allow_privilege_escalation(True)))
    ),
    Check(
        "capabilities_restricted",
        RESTRICTED,
        ((22, _capabilities_restricted(False)), (25, _capabilities_restricted(True))),
        overrides=("capabilities_baseline",),
    ),
    Check("restrictedVolumes", RESTRICTED, ((0, _restricted_volumes),), overrides=("hostPathVolumes",)),
    Check("runAsNonRoot", RESTRICTED, ((0, _run_as_non_root),)),
    Check("runAsUser", RESTRICTED, ((23, _run_as_user),)),
    Check(
        "seccompProfile_restricted",
        RESTRICTED,
        ((19, _seccomp_restricted(False)), (25, _seccomp_restricted(True))),
        overrides=("seccompProfile_baseline",),
    ),
)


def _ordered(checks: tuple[Check, ...]) -> tuple[Check, ...]:
    baseline = sorted((c for c in checks if c.level == BASELINE), key=lambda c: c.id)
    restricted = sorted((c for c in checks if c.level == RESTRICTED), key=lambda c: c.id)
    return tuple(baseline + restricted)


_ORDERED = _ordered(CHECKS)


def evaluate_pod(lv: LevelVersion, meta: Meta | None, spec: Spec | None) -> list[CheckResult]:
    """Run the checks of ``lv`` on a pod's (or template's) metadata and spec, in upstream's order."""
    if lv.level == PRIVILEGED:
        return []
    meta = meta or {}
    spec = spec or {}
    fns: dict[str, CheckFn] = {}
    for c in _ORDERED:
        if c.level == RESTRICTED and lv.level != RESTRICTED:
            continue
        fn = c.for_version(lv.version)
        if fn is not None:
            fns[c.id] = fn
    if lv.level == RESTRICTED:
        for c in _ORDERED:
            if c.id in fns and c.level == RESTRICTED:
                for o in c.overrides:
                    fns.pop(o, None)
    return [fns[c.id](meta, spec) for c in _ORDERED if c.id in fns]


def aggregate(results: list[CheckResult]) -> AggregateResult:
    """Join the failures (``AggregateCheckResults``)."""
    bad = [r for r in results if not r.allowed]
    return AggregateResult(
        tuple(r.reason or "unknown forbidden reason" for r in bad), tuple(r.detail for r in bad)
    )
