"""Per-kind create/update/delete rules (the ``*Strategy`` types of ``pkg/registry``), on JSON dicts.

* ``metadata.generation``: 1 on create and +1 whenever ``spec`` changes, for the kinds whose
  strategy tracks it (Pod since 1.33's ``updatePodGeneration``, Deployment, ReplicaSet,
  StatefulSet, DaemonSet, Job, CronJob, ReplicationController); also +1 when deletion starts.
* Status subresource: a main-resource update keeps the stored ``status``; a ``status`` update
  keeps the stored ``spec`` and metadata.
* Pods: ``status`` on create is ``{phase: Pending, qosClass: ...}``; graceful deletion
  (``CheckGracefulDelete``).
* Namespaces: ``spec.finalizers: [kubernetes]``, ``status.phase: Active``, and the
  ``kubernetes.io/metadata.name`` label.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "GENERATION_KINDS",
    "STATUS_KINDS",
    "tracks_generation",
    "has_status_subresource",
    "prepare_create",
    "apply_scheduling_gated_condition",
    "prepare_update",
    "prepare_status_update",
    "graceful_delete_period",
]

GENERATION_KINDS = frozenset(
    {"Pod", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicationController"}
)
STATUS_KINDS = frozenset(
    {
        "Pod",
        "Node",
        "Namespace",
        "Deployment",
        "ReplicaSet",
        "StatefulSet",
        "DaemonSet",
        "Job",
        "CronJob",
        "ReplicationController",
        "Service",
        "PersistentVolumeClaim",
        "PersistentVolume",
    }
)


def tracks_generation(kind: str) -> bool:
    return kind in GENERATION_KINDS


def has_status_subresource(kind: str, subresources: Any = None) -> bool:
    if subresources:
        return "status" in subresources
    return kind in STATUS_KINDS


def prepare_create(kind: str, obj: dict[str, Any], now: str | None = None) -> None:
    """``PrepareForCreate``: reset what clients may not set on create (status, generation).

    ``now`` (RFC 3339) stamps the conditions the server adds (a gated pod's PodScheduled).
    """
    meta = obj.setdefault("metadata", {})
    if tracks_generation(kind):
        meta["generation"] = 1
    else:
        meta.pop("generation", None)
    if kind == "Pod":
        # status is filled by the server (qosClass after defaulting, in the server).
        obj["status"] = {"phase": "Pending"}
        apply_scheduling_gated_condition(obj, now)
    elif kind == "Namespace":
        obj["spec"] = {"finalizers": ["kubernetes"]}
        obj["status"] = {"phase": "Active"}
        labels = meta.setdefault("labels", {})
        labels["kubernetes.io/metadata.name"] = meta.get("name", "")
    elif kind in STATUS_KINDS and kind != "Node":
        obj.pop("status", None)


def apply_scheduling_gated_condition(pod: dict[str, Any], now: str | None = None) -> None:
    """``applySchedulingGatedCondition``: a new pod with scheduling gates and no PodScheduled
    condition gets ``PodScheduled=False``, reason ``SchedulingGated`` (``kubectl get`` then shows
    STATUS ``SchedulingGated``)."""
    if not (pod.get("spec") or {}).get("schedulingGates"):
        return
    status = pod.setdefault("status", {})
    conds = status.setdefault("conditions", [])
    if any(c.get("type") == "PodScheduled" for c in conds):
        return
    cond: dict[str, Any] = {"type": "PodScheduled", "status": "False", "reason": "SchedulingGated",
                            "message": "Scheduling is blocked due to non-empty scheduling gates"}
    if now is not None:
        cond["lastTransitionTime"] = now
    conds.append(cond)


def generate_job_selector(obj: dict[str, Any]) -> None:
    """``generateSelector`` (batch Job strategy): label the template, select by controller uid.

    Skipped when ``spec.manualSelector`` is true. Runs after ``uid`` and ``name`` are set.
    """
    spec = obj.setdefault("spec", {})
    if spec.get("manualSelector"):
        return
    meta = obj["metadata"]
    tmpl = spec.setdefault("template", {})
    labels = tmpl.setdefault("metadata", {}).setdefault("labels", {})
    for key in ("job-name", "batch.kubernetes.io/job-name"):
        labels.setdefault(key, meta.get("name", ""))
    for key in ("controller-uid", "batch.kubernetes.io/controller-uid"):
        labels.setdefault(key, meta.get("uid", ""))
    selector = spec.get("selector") or {}
    spec["selector"] = selector
    selector.setdefault("matchLabels", {}).setdefault("batch.kubernetes.io/controller-uid", meta.get("uid", ""))


def prepare_update(kind: str, new: dict[str, Any], old: dict[str, Any], status_subresource: bool) -> None:
    """``PrepareForUpdate`` of the main resource: keep the stored status; bump generation."""
    if status_subresource:
        if "status" in old:
            new["status"] = old["status"]
        else:
            new.pop("status", None)
    if kind == "Namespace":
        # spec.finalizers is only changed through the finalize subresource.
        if "spec" in old:
            new["spec"] = old["spec"]
        labels = new.setdefault("metadata", {}).setdefault("labels", {})
        labels["kubernetes.io/metadata.name"] = new["metadata"].get("name", "")
    bump_generation(kind, new, old)


def bump_generation(kind: str, new: dict[str, Any], old: dict[str, Any]) -> None:
    """Generation +1 when ``spec`` changed (for the kinds that track it)."""
    if not tracks_generation(kind):
        return
    gen = (old.get("metadata") or {}).get("generation") or 0
    if new.get("spec") != old.get("spec"):
        gen += 1
    if gen:
        new["metadata"]["generation"] = gen


def prepare_status_update(kind: str, new: dict[str, Any], old: dict[str, Any]) -> dict[str, Any]:
    """``StatusStrategy.PrepareForUpdate``: the stored object with only ``status`` from ``new``."""
    from sandbox.apiserver.patch import clone

    out = clone(old)
    if "status" in new:
        out["status"] = clone(new["status"])
    else:
        out.pop("status", None)
    if kind == "Pod":
        # pods/status keeps a missing qosClass (old kubelets dropped it).
        st = out.setdefault("status", {})
        old_qos = (old.get("status") or {}).get("qosClass")
        if not st.get("qosClass") and old_qos:
            st["qosClass"] = old_qos
        # labels and annotations may change through pods/status (the kubelet never does).
        nmeta = new.get("metadata") or {}
        for k in ("labels", "annotations"):
            if k in nmeta:
                out["metadata"][k] = clone(nmeta[k])
    return out


def prepare_ephemeral_update(new: dict[str, Any], old: dict[str, Any]) -> dict[str, Any]:
    """``pods/ephemeralcontainers``: only ``spec.ephemeralContainers`` changes."""
    from sandbox.apiserver.patch import clone

    out = clone(old)
    eph = (new.get("spec") or {}).get("ephemeralContainers")
    if eph:
        out.setdefault("spec", {})["ephemeralContainers"] = clone(eph)
    else:
        out.setdefault("spec", {}).pop("ephemeralContainers", None)
    bump_generation("Pod", out, old)
    return out


def graceful_delete_period(kind: str, obj: dict[str, Any], requested: int | None) -> int | None:
    """``CheckGracefulDelete``: the grace period for a first delete, or None if not graceful."""
    if kind != "Pod":
        return None
    spec = obj.get("spec") or {}
    if requested is not None:
        period = int(requested)
    else:
        period = int(spec.get("terminationGracePeriodSeconds") or 0) if spec.get("terminationGracePeriodSeconds") is not None else 0
    if not spec.get("nodeName"):
        period = 0
    if (obj.get("status") or {}).get("phase") in ("Failed", "Succeeded"):
        period = 0
    if period < 0:
        period = 1
    return period
