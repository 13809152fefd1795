"""Pods: ``ValidatePodSpec``, ``ValidatePodCreate`` and the pod-level rules of ``validation.go``."""

from __future__ import annotations

from typing import Any

from sandbox.api import field
from sandbox.api.field import FieldError, Path
from sandbox.api.validation import names
from sandbox.api.validation.container import (
    validate_containers,
    validate_ephemeral_containers,
    validate_init_containers,
    validate_seccomp_profile,
)
from sandbox.api.validation.meta import (
    validate_annotations,
    validate_dns1123_label,
    validate_dns1123_subdomain,
    validate_label_name,
    validate_label_selector,
    validate_labels,
    validate_object_meta,
    validate_qualified_name,
)
from sandbox.api.validation.volume import validate_volumes

__all__ = ["validate_pod_spec", "validate_pod_create", "validate_pod_metadata_and_spec", "validate_pod_template_spec", "validate_tolerations"]

MAX_INT32 = 2**31 - 1
_RESTART_POLICIES = ["Always", "OnFailure", "Never"]
_DNS_POLICIES = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"]


def validate_tolerations(tolerations: list[dict[str, Any]] | None, path: Path) -> list[FieldError]:
    """``ValidateTolerations``."""
    errs: list[FieldError] = []
    for i, t in enumerate(tolerations or []):
        p = path.index(i)
        key, op, value, effect = t.get("key", ""), t.get("operator", ""), t.get("value", ""), t.get("effect", "")
        if key:
            errs += validate_label_name(key, p.child("key"))
        if not key and op != "Exists":
            errs.append(field.invalid(p.child("operator"), op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'))
        if t.get("tolerationSeconds") is not None and effect != "NoExecute":
            errs.append(field.invalid(p.child("effect"), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"))
        if op in ("Equal", ""):
            msgs = names.is_valid_label_value(value)
            if msgs:
                errs.append(field.invalid(p.child("operator"), value, ";".join(msgs)))
        elif op == "Exists":
            if value:
                errs.append(field.invalid(p.child("operator"), value, "value must be empty when `operator` is 'Exists'"))
        else:
            errs.append(field.not_supported(p.child("operator"), op, ["Equal", "Exists"]))
        if effect and effect not in ("NoSchedule", "PreferNoSchedule", "NoExecute"):
            errs.append(field.not_supported(p.child("effect"), effect, ["NoSchedule", "PreferNoSchedule", "NoExecute"]))
    return errs


def _node_selector_requirement(req: dict[str, Any], path: Path, check_values: bool) -> list[FieldError]:
    errs: list[FieldError] = []
    op, values = req.get("operator", ""), req.get("values") or []
    if op in ("In", "NotIn"):
        if not values:
            errs.append(field.required(path.child("values"), "must be specified when `operator` is 'In' or 'NotIn'"))
    elif op in ("Exists", "DoesNotExist"):
        if values:
            errs.append(field.forbidden(path.child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
    elif op in ("Gt", "Lt"):
        if len(values) != 1:
            errs.append(field.required(path.child("values"), "must be specified single value when `operator` is 'Lt' or 'Gt'"))
    else:
        errs.append(field.invalid(path.child("operator"), op, "not a valid selector operator"))
    errs += validate_label_name(req.get("key", ""), path.child("key"))
    if check_values:
        for j, v in enumerate(values):
            errs += [field.invalid(path.child("values").index(j), v, m) for m in names.is_valid_label_value(v)]
    return errs


def _node_selector_term(term: dict[str, Any], path: Path, check_values: bool) -> list[FieldError]:
    errs: list[FieldError] = []
    for j, req in enumerate(term.get("matchExpressions") or []):
        errs += _node_selector_requirement(req, path.child("matchExpressions").index(j), check_values)
    for j, req in enumerate(term.get("matchFields") or []):
        p = path.child("matchFields").index(j)
        if req.get("operator") in ("In", "NotIn"):
            if len(req.get("values") or []) != 1:
                errs.append(field.required(p.child("values"), "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"))
        else:
            errs.append(field.invalid(p.child("operator"), req.get("operator", ""), "not a valid selector operator"))
        if req.get("key") != "metadata.name":
            errs.append(field.invalid(p.child("key"), req.get("key", ""), "not a valid field selector key"))
    return errs


def _pod_affinity_terms(terms: list[dict[str, Any]], path: Path, weighted: bool) -> list[FieldError]:
    errs: list[FieldError] = []
    for i, t in enumerate(terms):
        p = path.index(i)
        if weighted:
            w = t.get("weight", 0)
            if w <= 0 or w > 100:
                errs.append(field.invalid(p.child("weight"), w, "must be in the range 1-100"))
            t = t.get("podAffinityTerm") or {}
            p = p.child("podAffinityTerm")
        errs += validate_label_selector(t.get("labelSelector"), p.child("labelSelector"))
        errs += validate_label_selector(t.get("namespaceSelector"), p.child("namespaceSelector"))
        for ns in t.get("namespaces") or []:
            errs += [field.invalid(p.child("namespace"), ns, m) for m in names.validate_namespace_name(ns)]
        tk = t.get("topologyKey", "")
        if not tk:
            errs.append(field.required(p.child("topologyKey"), "can not be empty"))
        errs += validate_label_name(tk, p.child("topologyKey"))
    return errs


def _validate_affinity(aff: dict[str, Any] | None, path: Path) -> list[FieldError]:
    if not aff:
        return []
    errs: list[FieldError] = []
    na = aff.get("nodeAffinity")
    if na is not None:
        np_ = path.child("nodeAffinity")
        req = na.get("requiredDuringSchedulingIgnoredDuringExecution")
        if req is not None:
            rp = np_.child("requiredDuringSchedulingIgnoredDuringExecution").child("nodeSelectorTerms")
            terms = req.get("nodeSelectorTerms") or []
            if not terms:
                errs.append(field.required(rp, "must have at least one node selector term"))
            for i, term in enumerate(terms):
                errs += _node_selector_term(term, rp.index(i), True)
        for i, pref in enumerate(na.get("preferredDuringSchedulingIgnoredDuringExecution") or []):
            pp = np_.child("preferredDuringSchedulingIgnoredDuringExecution").index(i)
            w = pref.get("weight", 0)
            if w <= 0 or w > 100:
                errs.append(field.invalid(pp.child("weight"), w, "must be in the range 1-100"))
            errs += _node_selector_term(pref.get("preference") or {}, pp.child("preference"), False)
    for kind in ("podAffinity", "podAntiAffinity"):
        pa = aff.get(kind)
        if pa is None:
            continue
        kp = path.child(kind)
        errs += _pod_affinity_terms(pa.get("requiredDuringSchedulingIgnoredDuringExecution") or [], kp.child("requiredDuringSchedulingIgnoredDuringExecution"), False)
        errs += _pod_affinity_terms(pa.get("preferredDuringSchedulingIgnoredDuringExecution") or [], kp.child("preferredDuringSchedulingIgnoredDuringExecution"), True)
    return errs


def _validate_topology_spread(constraints: list[dict[str, Any]] | None, path: Path) -> list[FieldError]:
    errs: list[FieldError] = []
    cs = constraints or []
    for i, c in enumerate(cs):
        p = path.index(i)
        ms = c.get("maxSkew", 0)
        if ms <= 0:
            errs.append(field.invalid(p.child("maxSkew"), ms, "must be greater than zero"))
        if not c.get("topologyKey"):
            errs.append(field.required(p.child("topologyKey"), "can not be empty"))
        wu = c.get("whenUnsatisfiable", "")
        if wu not in ("DoNotSchedule", "ScheduleAnyway"):
            errs.append(field.not_supported(p.child("whenUnsatisfiable"), wu, ["DoNotSchedule", "ScheduleAnyway"]))
        for rest in cs[i + 1 :]:
            if rest.get("topologyKey", "") == c.get("topologyKey", "") and rest.get("whenUnsatisfiable", "") == wu:
                errs.append(field.duplicate(p.child("{topologyKey, whenUnsatisfiable}"), f"{{{c.get('topologyKey', '')}, {wu}}}"))
                break
        md = c.get("minDomains")
        if md is not None:
            if md <= 0:
                errs.append(field.invalid(p.child("minDomains"), md, "must be greater than zero"))
            if wu != "DoNotSchedule":
                errs.append(field.invalid(p.child("minDomains"), md, f"can only use minDomains if whenUnsatisfiable=DoNotSchedule, not {wu}"))
        for pol in ("nodeAffinityPolicy", "nodeTaintsPolicy"):
            v = c.get(pol)
            if v is not None and v not in ("Honor", "Ignore"):
                errs.append(field.not_supported(p.child(pol), v, ["Honor", "Ignore"]))
        errs += validate_label_selector(c.get("labelSelector"), p.child("labelSelector"))
    return errs


def _validate_pod_security_context(sc: dict[str, Any] | None, path: Path) -> list[FieldError]:
    if sc is None:
        return []
    errs: list[FieldError] = []
    if sc.get("fsGroup") is not None:
        errs += [field.invalid(path.child("fsGroup"), sc["fsGroup"], m) for m in names.is_valid_group_id(sc["fsGroup"])]
    if sc.get("runAsUser") is not None:
        errs += [field.invalid(path.child("runAsUser"), sc["runAsUser"], m) for m in names.is_valid_user_id(sc["runAsUser"])]
    if sc.get("runAsGroup") is not None:
        errs += [field.invalid(path.child("runAsGroup"), sc["runAsGroup"], m) for m in names.is_valid_group_id(sc["runAsGroup"])]
    for g, gid in enumerate(sc.get("supplementalGroups") or []):
        errs += [field.invalid(path.child("supplementalGroups").index(g), gid, m) for m in names.is_valid_group_id(gid)]
    fcp = sc.get("fsGroupChangePolicy")
    if fcp is not None and fcp not in ("Always", "OnRootMismatch"):
        errs.append(field.not_supported(path.child("fsGroupChangePolicy"), fcp, ["Always", "OnRootMismatch"]))
    errs += validate_seccomp_profile(sc.get("seccompProfile"), path.child("seccompProfile"))
    return errs


def _visit_containers(spec: dict[str, Any], path: Path):
    for key in ("initContainers", "containers", "ephemeralContainers"):
        for i, c in enumerate(spec.get(key) or []):
            yield c, path.child(key).index(i)


_WINDOWS_POD_SC = [
    ("appArmorProfile", True), ("seLinuxOptions", True), ("hostUsers", False), ("seccompProfile", True),
    ("fsGroup", True), ("fsGroupChangePolicy", True), ("sysctls", True), ("runAsUser", True),
    ("runAsGroup", True), ("supplementalGroups", True), ("supplementalGroupsPolicy", True), ("seLinuxChangePolicy", True),
]
_WINDOWS_CTR_SC = [
    "appArmorProfile", "seLinuxOptions", "seccompProfile", "capabilities", "readOnlyRootFilesystem", "privileged",
    "allowPrivilegeEscalation", "procMount", "runAsUser", "runAsGroup",
]


def _validate_os(spec: dict[str, Any], path: Path) -> list[FieldError]:
    os_ = spec.get("os")
    if os_ is None:
        return []
    op = path.child("os")
    name = os_.get("name", "")
    if not name:
        return [field.required(op.child("name"), "cannot be empty")]
    if name not in ("linux", "windows"):
        return [field.not_supported(op, name, ["linux", "windows"])]
    errs: list[FieldError] = []
    sc = spec.get("securityContext") or {}
    if name == "linux":
        if sc.get("windowsOptions") is not None:
            errs.append(field.forbidden(path.child("securityContext").child("windowsOptions"), "windows options cannot be set for a linux pod"))
        for c, cp in _visit_containers(spec, path):
            if (c.get("securityContext") or {}).get("windowsOptions") is not None:
                errs.append(field.forbidden(cp.child("securityContext").child("windowsOptions"), "windows options cannot be set for a linux pod"))
        return errs
    # windows
    checks = [
        ("appArmorProfile", path.child("securityContext").child("appArmorProfile")),
        ("seLinuxOptions", path.child("securityContext").child("seLinuxOptions")),
        ("hostUsers", path.child("hostUsers")),
    ]
    for f, p in checks:
        if sc.get(f) is not None or spec.get(f) is not None and f == "hostUsers":
            errs.append(field.forbidden(p, "cannot be set for a windows pod"))
    if spec.get("hostPID"):
        errs.append(field.forbidden(path.child("hostPID"), "cannot be set for a windows pod"))
    if spec.get("hostIPC"):
        errs.append(field.forbidden(path.child("hostIPC"), "cannot be set for a windows pod"))
    for f in ("seccompProfile", "fsGroup", "fsGroupChangePolicy"):
        if sc.get(f) is not None:
            errs.append(field.forbidden(path.child("securityContext").child(f), "cannot be set for a windows pod"))
    if sc.get("sysctls"):
        errs.append(field.forbidden(path.child("securityContext").child("sysctls"), "cannot be set for a windows pod"))
    if spec.get("shareProcessNamespace") is not None:
        errs.append(field.forbidden(path.child("shareProcessNamespace"), "cannot be set for a windows pod"))
    for f in ("runAsUser", "runAsGroup", "supplementalGroups", "supplementalGroupsPolicy", "seLinuxChangePolicy"):
        if sc.get(f) is not None:
            errs.append(field.forbidden(path.child("securityContext").child(f), "cannot be set for a windows pod"))
    for c, cp in _visit_containers(spec, path):
        csc = c.get("securityContext")
        if csc is None:
            continue
        for f in _WINDOWS_CTR_SC:
            if csc.get(f) is not None:
                errs.append(field.forbidden(cp.child("securityContext").child(f), "cannot be set for a windows pod"))
    return errs


def _validate_windows_host_process_pod(spec: dict[str, Any], path: Path) -> list[FieldError]:
    """``validateWindowsHostProcessPod``: pod and container ``hostProcess`` agree; when any
    container is HostProcess, all are, and the pod uses the host's network."""
    errs: list[FieldError] = []
    pod_hp = ((spec.get("securityContext") or {}).get("windowsOptions") or {}).get("hostProcess")
    count = hp_count = 0
    for c, cp in _visit_containers(spec, path):
        count += 1
        c_hp = ((c.get("securityContext") or {}).get("windowsOptions") or {}).get("hostProcess")
        if pod_hp is not None and c_hp is not None and pod_hp != c_hp:
            errs.append(field.invalid(
                cp.child("securityContext").child("windowsOptions").child("hostProcess"), c_hp,
                f"pod hostProcess value must be identical if both are specified, was {str(bool(pod_hp)).lower()}",
            ))
        if c_hp is True or (c_hp is None and pod_hp is True):
            hp_count += 1
    if hp_count > 0:
        if hp_count != count:
            errs.append(field.invalid(path, "", "If pod contains any hostProcess containers then all containers must be HostProcess containers"))
        host_network = bool(spec.get("hostNetwork"))
        if not host_network:
            errs.append(field.invalid(path.child("hostNetwork"), host_network, "hostNetwork must be true if pod contains any hostProcess containers"))
    return errs


def validate_pod_spec(spec: dict[str, Any] | None, path: Path, is_pod: bool = True, pod_name: str = "") -> list[FieldError]:
    """``ValidatePodSpec``: every error in Kubernetes' order."""
    spec = spec or {}
    errs: list[FieldError] = []
    grace = spec.get("terminationGracePeriodSeconds")
    if grace is None:
        errs.append(field.required(path.child("terminationGracePeriodSeconds")))
    host_users = spec.get("hostUsers", True) is not False
    vols, verrs = validate_volumes(spec.get("volumes"), path.child("volumes"))
    errs += verrs
    restart = spec.get("restartPolicy", "")
    errs += validate_containers(spec.get("containers"), vols, grace, path.child("containers"), restart, host_users)
    errs += validate_init_containers(spec.get("initContainers"), spec.get("containers"), vols, grace, path.child("initContainers"), restart, host_users)
    errs += validate_ephemeral_containers(spec.get("ephemeralContainers"), spec.get("containers"), spec.get("initContainers"), vols, path.child("ephemeralContainers"), restart, host_users)
    if spec.get("hostNetwork"):
        for i, c in enumerate(spec.get("containers") or []):
            for j, port in enumerate(c.get("ports") or []):
                hp, cp = int(port.get("hostPort", 0) or 0), int(port.get("containerPort", 0) or 0)
                if (is_pod or hp != 0) and hp != cp:
                    errs.append(field.invalid(path.child("containers").index(i).child("ports").index(j).child("hostPort"), hp, "must match `containerPort` when `hostNetwork` is true"))
    if restart == "":
        errs.append(field.required(path.child("restartPolicy")))
    elif restart not in _RESTART_POLICIES:
        errs.append(field.not_supported(path.child("restartPolicy"), restart, _RESTART_POLICIES))
    dns = spec.get("dnsPolicy", "")
    if dns == "":
        errs.append(field.required(path.child("dnsPolicy")))
    elif dns not in _DNS_POLICIES:
        errs.append(field.not_supported(path.child("dnsPolicy"), dns, _DNS_POLICIES))
    errs += validate_labels(spec.get("nodeSelector"), path.child("nodeSelector"))
    errs += _validate_pod_security_context(spec.get("securityContext"), path.child("securityContext"))
    if spec.get("shareProcessNamespace") and spec.get("hostPID"):
        errs.append(field.invalid(path.child("securityContext").child("shareProcessNamespace"), True, "ShareProcessNamespace and HostPID cannot both be enabled"))
    errs += _validate_affinity(spec.get("affinity"), path.child("affinity"))
    dns_config = spec.get("dnsConfig")
    if dns == "None":
        if dns_config is None:
            errs.append(field.required(path.child("dnsConfig"), "must provide `dnsConfig` when `dnsPolicy` is None"))
        elif not dns_config.get("nameservers"):
            errs.append(field.required(path.child("dnsConfig").child("nameservers"), "must provide at least one DNS nameserver when `dnsPolicy` is None"))
    for i, g in enumerate(spec.get("readinessGates") or []):
        errs += validate_qualified_name(g.get("conditionType", ""), path.child("readinessGates").index(i).child("conditionType"))
    seen_gates: set[str] = set()
    for i, g in enumerate(spec.get("schedulingGates") or []):
        gp = path.child("schedulingGates").index(i)
        errs += validate_qualified_name(g.get("name", ""), gp)
        if g.get("name", "") in seen_gates:
            errs.append(field.duplicate(gp, g.get("name", "")))
        seen_gates.add(g.get("name", ""))
    errs += _validate_topology_spread(spec.get("topologySpreadConstraints"), path.child("topologySpreadConstraints"))
    errs += _validate_windows_host_process_pod(spec, path)
    if spec.get("hostUsers") is False:
        for f, pth in (("hostNetwork", "hostNetwork"), ("hostPID", "HostPID"), ("hostIPC", "HostIPC")):
            if spec.get(f):
                errs.append(field.forbidden(path.child(pth), "when `pod.Spec.HostUsers` is false"))
    sa = spec.get("serviceAccountName", "")
    if sa:
        errs += [field.invalid(path.child("serviceAccountName"), sa, m) for m in names.name_is_dns_subdomain(sa)]
    node = spec.get("nodeName", "")
    if node:
        errs += [field.invalid(path.child("nodeName"), node, m) for m in names.name_is_dns_subdomain(node)]
    ads = spec.get("activeDeadlineSeconds")
    if ads is not None and (ads < 1 or ads > MAX_INT32):
        errs.append(field.invalid(path.child("activeDeadlineSeconds"), ads, names.inclusive_range_error(1, MAX_INT32)))
    if spec.get("hostname"):
        errs += validate_dns1123_label(spec["hostname"], path.child("hostname"))
    if spec.get("subdomain"):
        errs += validate_dns1123_label(spec["subdomain"], path.child("subdomain"))
    if spec.get("tolerations"):
        errs += validate_tolerations(spec["tolerations"], path.child("tolerations"))
    for i, ha in enumerate(spec.get("hostAliases") or []):
        for j, hn in enumerate(ha.get("hostnames") or []):
            errs += validate_dns1123_subdomain(hn, path.child("hostAliases").index(i).child("hostnames").index(j))
    pcn = spec.get("priorityClassName", "")
    if pcn:
        errs += [field.invalid(path.child("priorityClassName"), pcn, m) for m in names.name_is_dns_subdomain(pcn)]
    rcn = spec.get("runtimeClassName")
    if rcn is not None:
        errs += [field.invalid(path.child("runtimeClassName"), rcn, m) for m in names.name_is_dns_subdomain(rcn)]
    pp = spec.get("preemptionPolicy")
    if pp is not None:
        if pp == "":
            errs.append(field.required(path.child("preemptionPolicy")))
        elif pp not in ("PreemptLowerPriority", "Never"):
            errs.append(field.not_supported(path.child("preemptionPolicy"), pp, ["PreemptLowerPriority", "Never"]))
    errs += _validate_os(spec, path)
    return errs


def validate_pod_metadata_and_spec(pod: dict[str, Any]) -> list[FieldError]:
    """``validatePodMetadataAndSpec``."""
    meta = pod.get("metadata") or {}
    spec = pod.get("spec") or {}
    errs = validate_object_meta(meta, True, names.name_is_dns_subdomain, Path("metadata"))
    ann = meta.get("annotations") or {}
    if "kubernetes.io/config.mirror" in ann and not spec.get("nodeName"):
        errs.append(field.invalid(Path("metadata", "annotations").key("kubernetes.io/config.mirror"), ann["kubernetes.io/config.mirror"], "must set spec.nodeName if mirror pod annotation is set"))
    errs += validate_pod_spec(spec, Path("spec"), True, meta.get("name", ""))
    if not spec.get("serviceAccountName"):
        for vi, vol in enumerate(spec.get("volumes") or []):
            for si, src in enumerate((vol.get("projected") or {}).get("sources") or []):
                if src.get("serviceAccountToken") is not None:
                    errs.append(field.forbidden(Path("spec", "volumes").index(vi).child("projected", "sources").index(si).child("serviceAccountToken"), "must not be specified when serviceAccountName is not set"))
    for key in ("containers", "initContainers"):
        for i, c in enumerate(spec.get(key) or []):
            image = c.get("image", "")
            if len(image) != len(image.strip()):
                errs.append(field.invalid(Path("spec", key).index(i).child("image"), image, "must not have leading or trailing whitespace"))
    return errs


def validate_pod_create(pod: dict[str, Any]) -> list[FieldError]:
    """``ValidatePodCreate``: also no ephemeral containers and no nodeName with scheduling gates."""
    errs = validate_pod_metadata_and_spec(pod)
    spec = pod.get("spec") or {}
    if spec.get("ephemeralContainers"):
        errs.append(field.forbidden(Path("spec", "ephemeralContainers"), "cannot be set on create"))
    if spec.get("nodeName") and spec.get("schedulingGates"):
        errs.append(field.forbidden(Path("spec", "nodeName"), "cannot be set until all schedulingGates have been cleared"))
    return errs


def validate_pod_template_spec(template: dict[str, Any] | None, path: Path) -> list[FieldError]:
    """``ValidatePodTemplateSpec``: labels, annotations, the spec (as a template), no ephemeral containers."""
    template = template or {}
    meta = template.get("metadata") or {}
    spec = template.get("spec") or {}
    errs = validate_labels(meta.get("labels"), path.child("labels"))
    errs += validate_annotations(meta.get("annotations"), path.child("annotations"))
    errs += validate_pod_spec(spec, path.child("spec"), False)
    if spec.get("ephemeralContainers"):
        errs.append(field.forbidden(path.child("spec", "ephemeralContainers"), "ephemeral containers not allowed in pod template"))
    return errs
