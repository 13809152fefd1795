"""The StatefulSet controller (``pkg/controller/statefulset``).

Pods are named ``<sts>-0 .. <sts>-N-1`` and get ``spec.hostname`` (their name), ``spec.subdomain``
(``serviceName``) and the labels ``statefulset.kubernetes.io/pod-name``,
``apps.kubernetes.io/pod-index`` and ``controller-revision-hash``. With ``OrderedReady`` (the
default) one pod is created at a time, the next only when every lower ordinal is Running and
Ready, and scale-down deletes the highest ordinal first, one at a time; with ``Parallel`` all at
once. ``RollingUpdate`` replaces pods from the highest ordinal down to ``partition``, one at a
time, each only when the others are Running and Ready; ``OnDelete`` replaces nothing itself, but a
pod that is deleted (or fails) is recreated from the new template (the update revision). Events: ``SuccessfulCreate`` (``create Pod web-0 in StatefulSet web
successful``) and ``SuccessfulDelete`` (``delete Pod web-2 in StatefulSet web successful``).

Simplification: the sandbox serves no ControllerRevision kind, so revisions are named
``<sts>-<hash of the template>`` and the templates of earlier revisions are kept in the
controller's memory; ``volumeClaimTemplates`` create no PersistentVolumeClaims.
"""

from __future__ import annotations

import re
from typing import Any

from sandbox.controllers.base import (
    Controller,
    clone,
    controller_ref,
    is_pod_available,
    is_pod_ready,
    key_of,
    split_key,
)
from sandbox.controllers.deployment import compute_hash
from sandbox.controllers.podcontrol import claim_objects, pod_from_template
from sandbox.errors import AlreadyExists, NotFound, StatusError

__all__ = ["StatefulSetController", "POD_NAME_LABEL", "POD_INDEX_LABEL", "REVISION_LABEL"]

POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name"
POD_INDEX_LABEL = "apps.kubernetes.io/pod-index"
REVISION_LABEL = "controller-revision-hash"


def _ordinal(sts_name: str, pod: dict[str, Any]) -> int | None:
    m = re.fullmatch(re.escape(sts_name) + r"-(\d+)", pod["metadata"]["name"])
    return int(m.group(1)) if m else None


def _running_ready(pod: dict[str, Any]) -> bool:
    return (pod.get("status") or {}).get("phase") == "Running" and is_pod_ready(pod)


def _failed(pod: dict[str, Any]) -> bool:
    return (pod.get("status") or {}).get("phase") in ("Failed", "Succeeded")


class StatefulSetController(Controller):
    """``StatefulSetController``: see the module docstring."""

    name = "statefulset-controller"

    def setup(self) -> None:
        self.sts_informer = self.informers.get("statefulsets")
        self.pod_informer = self.informers.get("pods")
        self.sts_informer.add_handlers(self.enqueue, lambda o, n: self.enqueue(n), None)
        self.pod_informer.add_handlers(self._pod, lambda o, n: self._pod(n), self._pod)
        #: revision name -> template
        self.revisions: dict[str, dict[str, Any]] = {}

    def _pod(self, pod: dict[str, Any]) -> None:
        ref = controller_ref(pod)
        if ref is not None and ref.get("kind") == "StatefulSet":
            self.queue.add(f"{pod['metadata'].get('namespace')}/{ref.get('name')}")

    def _revision(self, sts: dict[str, Any]) -> str:
        template = (sts.get("spec") or {}).get("template") or {}
        name = f"{sts['metadata']['name']}-{compute_hash(template, (sts.get('status') or {}).get('collisionCount') or None)}"
        self.revisions.setdefault(name, clone(template))
        return name

    def _new_pod(self, sts: dict[str, Any], ordinal: int, revision: str) -> dict[str, Any]:
        name = f"{sts['metadata']['name']}-{ordinal}"
        template = self.revisions.get(revision) or (sts.get("spec") or {}).get("template") or {}
        pod = pod_from_template(template, sts, name=name)
        labels = pod["metadata"].setdefault("labels", {})
        labels[POD_NAME_LABEL] = name
        labels[POD_INDEX_LABEL] = str(ordinal)
        labels[REVISION_LABEL] = revision
        pod["spec"]["hostname"] = name
        svc = (sts.get("spec") or {}).get("serviceName")
        if svc:
            pod["spec"]["subdomain"] = svc
        return pod

    def _create(self, sts: dict[str, Any], pod: dict[str, Any]) -> None:
        name, sname = pod["metadata"]["name"], sts["metadata"]["name"]
        try:
            self.api.create(pod)
        except AlreadyExists:
            return
        except StatusError as exc:
            self.event(sts, "Warning", "FailedCreate", f"create Pod {name} in StatefulSet {sname} failed error: {exc}")
            raise
        self.event(sts, "Normal", "SuccessfulCreate", f"create Pod {name} in StatefulSet {sname} successful")

    def _delete(self, sts: dict[str, Any], pod: dict[str, Any]) -> None:
        name, sname = pod["metadata"]["name"], sts["metadata"]["name"]
        try:
            self.api.delete("pods", name, pod["metadata"].get("namespace"), preconditions={"uid": pod["metadata"]["uid"]})
        except NotFound:
            return
        except StatusError as exc:
            self.event(sts, "Warning", "FailedDelete", f"delete Pod {name} in StatefulSet {sname} failed error: {exc}")
            raise
        self.event(sts, "Normal", "SuccessfulDelete", f"delete Pod {name} in StatefulSet {sname} successful")

    def sync(self, key: str) -> None:
        sts = self.sts_informer.get(key)
        if sts is None:
            return
        ns, sname = split_key(key)
        spec = sts.get("spec") or {}
        pods = claim_objects(self.api, sts, spec.get("selector"), self.pod_informer.list(ns),
                             extra_match=lambda p: _ordinal(sname, p) is not None)
        update_rev = self._revision(sts)
        status = sts.get("status") or {}
        current_rev = status.get("currentRevision") or update_rev
        self.revisions.setdefault(current_rev, clone(spec.get("template") or {}))
        replicas = spec.get("replicas", 1)
        monotonic = spec.get("podManagementPolicy", "OrderedReady") != "Parallel"
        by_ord: dict[int, dict[str, Any]] = {}
        condemned: list[dict[str, Any]] = []
        for p in pods:
            o = _ordinal(sname, p)
            if o is None:
                continue
            if o < replicas:
                by_ord[o] = p
            else:
                condemned.append(p)
        condemned.sort(key=lambda p: -(_ordinal(sname, p) or 0))
        strategy = spec.get("updateStrategy") or {}
        partition = int(((strategy.get("rollingUpdate") or {}).get("partition")) or 0)
        if not sts["metadata"].get("deletionTimestamp"):
            self._reconcile(sts, by_ord, condemned, replicas, monotonic, update_rev, current_rev, partition, strategy)
        self._update_status(sts, pods, replicas, update_rev, current_rev)

    def _reconcile(self, sts: dict[str, Any], by_ord: dict[int, dict[str, Any]], condemned: list[dict[str, Any]],
                   replicas: int, monotonic: bool, update_rev: str, current_rev: str, partition: int,
                   strategy: dict[str, Any]) -> None:
        rolling = strategy.get("rollingUpdate")
        current_replicas = int((sts.get("status") or {}).get("currentReplicas") or 0)

        def rev_for(o: int) -> str:
            """``newVersionedStatefulSetPod``: a pod (re)created below the partition (or, with
            RollingUpdate and no rollingUpdate field, below ``status.currentReplicas``) keeps the
            current revision; every other pod, and every pod of an ``OnDelete`` set, is created
            from the update revision."""
            if strategy.get("type", "RollingUpdate") == "RollingUpdate" and rolling is None and o < current_replicas:
                return current_rev
            if rolling is not None and o < partition:
                return current_rev
            return update_rev

        # replace failed pods, create missing ones
        for o in range(replicas):
            p = by_ord.get(o)
            if p is not None and _failed(p) and not p["metadata"].get("deletionTimestamp"):
                self._delete(sts, p)
                if monotonic:
                    return
                continue
            if p is None:
                self._create(sts, self._new_pod(sts, o, rev_for(o)))
                if monotonic:
                    return
                continue
            if p["metadata"].get("deletionTimestamp"):
                if monotonic:
                    return
                continue
            if monotonic and not _running_ready(p):
                return
        # scale down from the highest ordinal
        for p in condemned:
            if p["metadata"].get("deletionTimestamp"):
                if monotonic:
                    return
                continue
            if monotonic and not all(_running_ready(x) for x in by_ord.values()):
                return
            self._delete(sts, p)
            if monotonic:
                return
        # rolling update from the highest ordinal down to the partition
        if strategy.get("type", "RollingUpdate") != "RollingUpdate":
            return
        if not all(_running_ready(x) and not x["metadata"].get("deletionTimestamp") for x in by_ord.values()):
            return
        for o in sorted(by_ord, reverse=True):
            if o < partition:
                break
            p = by_ord[o]
            if (p["metadata"].get("labels") or {}).get(REVISION_LABEL) != update_rev:
                self._delete(sts, p)
                return

    def _update_status(self, sts: dict[str, Any], pods: list[dict[str, Any]], replicas: int,
                       update_rev: str, current_rev: str) -> None:
        spec = sts.get("spec") or {}
        min_ready = spec.get("minReadySeconds") or 0
        live = [p for p in pods if not p["metadata"].get("deletionTimestamp") and not _failed(p)]
        ready = [p for p in live if is_pod_ready(p)]
        available = [p for p in ready if is_pod_available(p, min_ready, self.now())]
        updated = sum(1 for p in live if (p["metadata"].get("labels") or {}).get(REVISION_LABEL) == update_rev)
        current = sum(1 for p in live if (p["metadata"].get("labels") or {}).get(REVISION_LABEL) == current_rev)
        old = sts.get("status") or {}
        if updated == replicas and len(ready) == replicas and len(live) == replicas:
            current_rev, current = update_rev, updated
        status = {
            "observedGeneration": sts["metadata"].get("generation"),
            "replicas": len(live),
            "readyReplicas": len(ready),
            "currentReplicas": current,
            "updatedReplicas": updated,
            "currentRevision": current_rev,
            "updateRevision": update_rev,
            "collisionCount": old.get("collisionCount") or 0,
            "availableReplicas": len(available),
        }
        status = {k: v for k, v in status.items() if v != 0 or k in ("replicas", "availableReplicas", "collisionCount")}
        if status == old:
            return
        obj = clone(sts)
        obj["status"] = status
        obj["metadata"].pop("resourceVersion", None)
        try:
            self.api.update(obj, subresource="status")
        except NotFound:
            return
        if min_ready and len(available) < len(ready):
            self.queue.add_after(key_of(sts), float(min_ready))
