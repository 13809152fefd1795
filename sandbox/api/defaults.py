"""Defaulting, as ``pkg/apis/core/v1/defaults.go`` (+ ``zz_generated.defaults.go``) and the apps/batch
defaulters apply it when the API server decodes an object.

``apply_defaults(obj)`` mutates a model (or a Kubernetes JSON dict) in place. Two things that look like
defaults but are not are separate functions the API server calls itself: the DefaultTolerationSeconds
admission plugin (:func:`default_toleration_seconds`) and the QoS class (:func:`compute_qos_class`).
"""

from __future__ import annotations

import copy
from typing import Any

from sandbox.api.validation._util import as_dict, parse_quantity

__all__ = [
    "apply_defaults",
    "default_dict",
    "default_pod_spec",
    "default_toleration_seconds",
    "compute_qos_class",
    "image_pull_policy_for",
]


def image_pull_policy_for(image: str) -> str:
    """``Always`` for ``:latest`` or no tag (and no digest), else ``IfNotPresent`` (``SetDefaults_Container``)."""
    name = image.split("@", 1)[0]
    has_digest = "@" in image
    last = name.rsplit("/", 1)[-1]
    tag = last.split(":", 1)[1] if ":" in last else ""
    if not tag and not has_digest:
        tag = "latest"
    return "Always" if tag == "latest" else "IfNotPresent"


def _default_probe_handler(h: dict[str, Any] | None) -> None:
    if h is None:
        return
    hg = h.get("httpGet")
    if hg is not None:
        if not hg.get("path"):
            hg["path"] = "/"
        if not hg.get("scheme"):
            hg["scheme"] = "HTTP"
    grpc = h.get("grpc")
    if grpc is not None and grpc.get("service") is None:
        grpc["service"] = ""


def _default_probe(p: dict[str, Any] | None) -> None:
    if p is None:
        return
    for k, v in (("timeoutSeconds", 1), ("periodSeconds", 10), ("successThreshold", 1), ("failureThreshold", 3)):
        if not p.get(k):
            p[k] = v
    _default_probe_handler(p)


def _default_container(c: dict[str, Any]) -> None:
    if not c.get("imagePullPolicy"):
        c["imagePullPolicy"] = image_pull_policy_for(c.get("image", ""))
    if not c.get("terminationMessagePath"):
        c["terminationMessagePath"] = "/dev/termination-log"
    if not c.get("terminationMessagePolicy"):
        c["terminationMessagePolicy"] = "File"
    for port in c.get("ports") or []:
        if not port.get("protocol"):
            port["protocol"] = "TCP"
    for ev in c.get("env") or []:
        fr = (ev.get("valueFrom") or {}).get("fieldRef")
        if fr is not None and not fr.get("apiVersion"):
            fr["apiVersion"] = "v1"
    for name in ("livenessProbe", "readinessProbe", "startupProbe"):
        _default_probe(c.get(name))
    lc = c.get("lifecycle")
    if lc is not None:
        for hook in ("postStart", "preStop"):
            h = lc.get(hook)
            if h is not None and h.get("httpGet") is not None:
                _default_probe_handler({"httpGet": h["httpGet"]})
    if "resources" not in c:
        c["resources"] = {}


_VOLUME_SOURCES = (
    "hostPath", "emptyDir", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "secret", "nfs", "iscsi",
    "glusterfs", "persistentVolumeClaim", "rbd", "flexVolume", "cinder", "cephfs", "flocker", "downwardAPI", "fc",
    "azureFile", "configMap", "vsphereVolume", "quobyte", "azureDisk", "photonPersistentDisk", "projected",
    "portworxVolume", "scaleIO", "storageos", "csi", "ephemeral", "image",
)


def _default_volume(v: dict[str, Any]) -> None:
    if not any(v.get(k) is not None for k in _VOLUME_SOURCES):
        v["emptyDir"] = {}
    if v.get("hostPath") is not None and v["hostPath"].get("type") is None:
        v["hostPath"]["type"] = ""
    for k in ("secret", "configMap", "downwardAPI", "projected"):
        if v.get(k) is not None and v[k].get("defaultMode") is None:
            v[k]["defaultMode"] = 420
    for item in (v.get("downwardAPI") or {}).get("items") or []:
        if item.get("fieldRef") is not None and not item["fieldRef"].get("apiVersion"):
            item["fieldRef"]["apiVersion"] = "v1"
    for src in (v.get("projected") or {}).get("sources") or []:
        for item in (src.get("downwardAPI") or {}).get("items") or []:
            if item.get("fieldRef") is not None and not item["fieldRef"].get("apiVersion"):
                item["fieldRef"]["apiVersion"] = "v1"
        sat = src.get("serviceAccountToken")
        if sat is not None and sat.get("expirationSeconds") is None:
            sat["expirationSeconds"] = 3600
    if v.get("iscsi") is not None and not v["iscsi"].get("iscsiInterface"):
        v["iscsi"]["iscsiInterface"] = "default"
    rbd = v.get("rbd")
    if rbd is not None:
        for k, d in (("pool", "rbd"), ("user", "admin"), ("keyring", "/etc/ceph/keyring")):
            if not rbd.get(k):
                rbd[k] = d
    az = v.get("azureDisk")
    if az is not None:
        for k, d in (("cachingMode", "ReadWrite"), ("fsType", "ext4"), ("readOnly", False), ("kind", "Shared")):
            if az.get(k) is None:
                az[k] = d
    sio = v.get("scaleIO")
    if sio is not None:
        if not sio.get("storageMode"):
            sio["storageMode"] = "ThinProvisioned"
        if not sio.get("fsType"):
            sio["fsType"] = "xfs"
    eph = v.get("ephemeral")
    if eph is not None and eph.get("volumeClaimTemplate") is not None:
        spec = eph["volumeClaimTemplate"].setdefault("spec", {})
        if spec.get("volumeMode") is None:
            spec["volumeMode"] = "Filesystem"


def default_pod_spec(spec: dict[str, Any]) -> None:
    """``SetDefaults_PodSpec`` plus the generated per-field defaults (pod templates get these too)."""
    if not spec.get("dnsPolicy"):
        spec["dnsPolicy"] = "ClusterFirst"
    if not spec.get("restartPolicy"):
        spec["restartPolicy"] = "Always"
    if spec.get("securityContext") is None:
        spec["securityContext"] = {}
    if spec.get("terminationGracePeriodSeconds") is None:
        spec["terminationGracePeriodSeconds"] = 30
    if not spec.get("schedulerName"):
        spec["schedulerName"] = "default-scheduler"
    for v in spec.get("volumes") or []:
        _default_volume(v)
    for key in ("initContainers", "containers", "ephemeralContainers"):
        for c in spec.get(key) or []:
            _default_container(c)


def _requests_from_limits(containers: list[dict[str, Any]]) -> None:
    for c in containers:
        res = c.get("resources") or {}
        limits = res.get("limits")
        if limits is None:
            continue
        reqs = res.setdefault("requests", {})
        for k, v in limits.items():
            reqs.setdefault(k, copy.deepcopy(v))
        c["resources"] = res


def _default_pod(pod: dict[str, Any]) -> None:
    spec = pod.setdefault("spec", {})
    _requests_from_limits(spec.get("containers") or [])
    _requests_from_limits(spec.get("initContainers") or [])
    if spec.get("enableServiceLinks") is None:
        spec["enableServiceLinks"] = True
    if spec.get("hostNetwork"):
        for key in ("containers", "initContainers"):
            for c in spec.get(key) or []:
                for port in c.get("ports") or []:
                    if not port.get("hostPort"):
                        port["hostPort"] = port.get("containerPort", 0)
    default_pod_spec(spec)
    # The Priority admission plugin: no PriorityClass (and no global default) means priority 0.
    if spec.get("priority") is None and not spec.get("priorityClassName"):
        spec["priority"] = 0


def _default_template(tmpl: dict[str, Any] | None) -> None:
    if tmpl is not None:
        default_pod_spec(tmpl.setdefault("spec", {}))


def _default_workload(obj: dict[str, Any]) -> None:
    kind = obj.get("kind")
    spec = obj.setdefault("spec", {})
    _default_template(spec.get("template"))
    if kind == "Deployment":
        if spec.get("replicas") is None:
            spec["replicas"] = 1
        strat = spec.setdefault("strategy", {})
        if not strat.get("type"):
            strat["type"] = "RollingUpdate"
        if strat["type"] == "RollingUpdate":
            ru = strat.setdefault("rollingUpdate", {})
            ru.setdefault("maxUnavailable", "25%")
            ru.setdefault("maxSurge", "25%")
        if spec.get("revisionHistoryLimit") is None:
            spec["revisionHistoryLimit"] = 10
        if spec.get("progressDeadlineSeconds") is None:
            spec["progressDeadlineSeconds"] = 600
    elif kind == "ReplicaSet":
        if spec.get("replicas") is None:
            spec["replicas"] = 1
    elif kind == "StatefulSet":
        if spec.get("replicas") is None:
            spec["replicas"] = 1
        if not spec.get("podManagementPolicy"):
            spec["podManagementPolicy"] = "OrderedReady"
        us = spec.setdefault("updateStrategy", {})
        if not us.get("type"):
            us["type"] = "RollingUpdate"
        if us["type"] == "RollingUpdate":
            ru = us.setdefault("rollingUpdate", {})
            ru.setdefault("partition", 0)
        if spec.get("revisionHistoryLimit") is None:
            spec["revisionHistoryLimit"] = 10
        pol = spec.setdefault("persistentVolumeClaimRetentionPolicy", {})
        pol.setdefault("whenDeleted", "Retain")
        pol.setdefault("whenScaled", "Retain")
        for t in spec.get("volumeClaimTemplates") or []:
            ts = t.setdefault("spec", {})
            ts.setdefault("volumeMode", "Filesystem")
            t.setdefault("status", {}).setdefault("phase", "Pending")
    elif kind == "DaemonSet":
        us = spec.setdefault("updateStrategy", {})
        if not us.get("type"):
            us["type"] = "RollingUpdate"
        if us["type"] == "RollingUpdate":
            ru = us.setdefault("rollingUpdate", {})
            ru.setdefault("maxUnavailable", 1)
            ru.setdefault("maxSurge", 0)
        if spec.get("revisionHistoryLimit") is None:
            spec["revisionHistoryLimit"] = 10
    elif kind == "Job":
        completions, parallelism = spec.get("completions"), spec.get("parallelism")
        if completions is None and parallelism is None:
            spec["completions"] = 1
            spec["parallelism"] = 1
        if spec.get("parallelism") is None:
            spec["parallelism"] = 1
        if spec.get("backoffLimit") is None:
            spec["backoffLimit"] = 2147483647 if spec.get("backoffLimitPerIndex") is not None else 6
        if not spec.get("completionMode"):
            spec["completionMode"] = "NonIndexed"
        if spec.get("suspend") is None:
            spec["suspend"] = False
        if spec.get("podReplacementPolicy") is None:
            spec["podReplacementPolicy"] = "Failed" if spec.get("podFailurePolicy") is not None else "TerminatingOrFailed"
        if spec.get("manualSelector") is None:
            spec["manualSelector"] = False


def default_dict(obj: dict[str, Any]) -> dict[str, Any]:
    """Apply the defaults to a Kubernetes JSON dict in place; returns it."""
    kind = obj.get("kind")
    if kind == "Pod":
        _default_pod(obj)
    elif kind in ("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job"):
        _default_workload(obj)
    elif kind == "PodTemplate":
        _default_template(obj.get("template"))
    elif kind == "Secret":
        if not obj.get("type"):
            obj["type"] = "Opaque"
    elif kind == "ConfigMap":
        pass  # SetDefaults_ConfigMap makes an empty Go map, which JSON omits
    elif kind == "Namespace":
        name = (obj.get("metadata") or {}).get("name")
        if name:
            obj.setdefault("metadata", {}).setdefault("labels", {})["kubernetes.io/metadata.name"] = name
        obj.setdefault("spec", {}).setdefault("finalizers", ["kubernetes"])
        obj.setdefault("status", {})
        if not obj["status"].get("phase"):
            obj["status"]["phase"] = "Active"
    elif kind == "Service":
        default_service(obj)
    elif kind == "Node":
        st = obj.get("status") or {}
        if st.get("allocatable") is None and st.get("capacity") is not None:
            st["allocatable"] = copy.deepcopy(st["capacity"])
    return obj


def _write_back(model: Any, data: dict[str, Any]) -> None:
    fresh = type(model).from_dict(data)
    fields = getattr(type(model), "model_fields", None) or {}
    for name in fields:
        object.__setattr__(model, name, getattr(fresh, name))


def apply_defaults(obj: Any) -> Any:
    """Default ``obj`` (a model or a dict) in place, as the API server's decoder does; returns it."""
    if isinstance(obj, dict):
        return default_dict(obj)
    data = as_dict(obj)
    if "kind" not in data and getattr(obj, "kind", None):
        data["kind"] = obj.kind
    default_dict(data)
    _write_back(obj, data)
    return obj


def default_toleration_seconds(pod: Any, seconds: int = 300) -> Any:
    """The DefaultTolerationSeconds admission plugin: tolerate not-ready and unreachable for 300 s."""
    d = pod if isinstance(pod, dict) else as_dict(pod)
    spec = d.setdefault("spec", {})
    tols = spec.get("tolerations") or []
    for key in ("node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"):
        present = any(
            (t.get("key") == key or (not t.get("key") and t.get("operator") == "Exists"))
            and t.get("effect") in (None, "", "NoExecute")
            for t in tols
        )
        if not present:
            tols.append({"key": key, "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": seconds})
    spec["tolerations"] = tols
    if not isinstance(pod, dict):
        _write_back(pod, d)
    return pod


def compute_qos_class(pod: Any) -> str:
    """``ComputePodQOS`` (``pkg/apis/core/helper/qos``): Guaranteed, Burstable or BestEffort."""
    spec = as_dict(pod).get("spec") or {}
    requests: dict[str, Any] = {}
    limits: dict[str, Any] = {}
    guaranteed = True
    containers = list(spec.get("containers") or []) + list(spec.get("initContainers") or [])
    for c in containers:
        res = c.get("resources") or {}
        for name, q in (res.get("requests") or {}).items():
            if name not in ("cpu", "memory"):
                continue
            v = parse_quantity(q)
            if v is not None and v != 0:
                requests[name] = requests.get(name, 0) + v
        seen = set()
        for name, q in (res.get("limits") or {}).items():
            if name not in ("cpu", "memory"):
                continue
            v = parse_quantity(q)
            if v is not None and v != 0:
                seen.add(name)
                limits[name] = limits.get(name, 0) + v
        if seen != {"cpu", "memory"}:
            guaranteed = False
    if not requests and not limits:
        return "BestEffort"
    if guaranteed:
        for name, v in requests.items():
            if limits.get(name) != v:
                guaranteed = False
                break
    if guaranteed and len(requests) == len(limits):
        return "Guaranteed"
    return "Burstable"


def default_service(svc: dict[str, Any]) -> None:
    """``SetDefaults_Service``: type ClusterIP, sessionAffinity None, port protocol TCP, targetPort =
    port, internalTrafficPolicy Cluster, externalTrafficPolicy Cluster for NodePort/LoadBalancer.

    ``clusterIP(s)``, ``ipFamilies`` and ``ipFamilyPolicy`` are not defaults: the API server's
    allocator sets them (:mod:`sandbox.apiserver.serviceip`).
    """
    spec = svc.setdefault("spec", {})
    if not spec.get("sessionAffinity"):
        spec["sessionAffinity"] = "None"
    if spec["sessionAffinity"] == "None":
        spec.pop("sessionAffinityConfig", None)
    elif spec["sessionAffinity"] == "ClientIP":
        cfg = spec.get("sessionAffinityConfig") or {}
        if (cfg.get("clientIP") or {}).get("timeoutSeconds") is None:
            spec["sessionAffinityConfig"] = {"clientIP": {"timeoutSeconds": 10800}}
    if not spec.get("type"):
        spec["type"] = "ClusterIP"
    for port in spec.get("ports") or []:
        if not port.get("protocol"):
            port["protocol"] = "TCP"
        if port.get("targetPort") in (None, 0, ""):
            port["targetPort"] = port.get("port", 0)
    typ = spec["type"]
    if (typ in ("NodePort", "LoadBalancer") or spec.get("externalIPs")) and not spec.get("externalTrafficPolicy"):
        spec["externalTrafficPolicy"] = "Cluster"
    if spec.get("internalTrafficPolicy") is None and typ in ("ClusterIP", "NodePort", "LoadBalancer"):
        spec["internalTrafficPolicy"] = "Cluster"
    if typ == "LoadBalancer" and spec.get("allocateLoadBalancerNodePorts") is None:
        spec["allocateLoadBalancerNodePorts"] = True
