"""The DaemonSet controller (``pkg/controller/daemon``).

One pod per eligible node: a node is eligible when the pod's ``nodeSelector`` and required node
affinity match it and every ``NoSchedule``/``NoExecute`` taint on it is tolerated, counting the
tolerations the controller adds to every daemon pod (``daemon/util``): ``not-ready`` and
``unreachable`` (``NoExecute``, no time limit), ``disk-pressure``, ``memory-pressure``,
``pid-pressure`` and ``unschedulable`` (``NoSchedule``), and ``network-unavailable`` for
``hostNetwork`` pods. Pods are pinned with a required node affinity ``matchFields metadata.name In
[node]`` (not ``nodeName``) and left to the scheduler. Pods get ``controller-revision-hash`` and
``pod-template-generation`` labels; ``RollingUpdate`` (``maxUnavailable``, default 1) deletes pods
of an older revision while at most that many are unavailable, and new pods take their place.
Failed daemon pods are deleted (``FailedDaemonPod``: ``Found failed daemon pod default/x on node
node-1, will try to kill it``) and replaced.

Status: ``desiredNumberScheduled``, ``currentNumberScheduled``, ``numberMisscheduled``,
``numberReady``, ``numberAvailable``, ``numberUnavailable``, ``updatedNumberScheduled``,
``observedGeneration``. Simplification: no ControllerRevision objects (the kind is not served);
the revision hash is that of the template.
"""

from __future__ import annotations

import contextlib
from typing import Any

from sandbox.controllers.base import (
    Controller,
    clone,
    controller_ref,
    is_pod_available,
    is_pod_ready,
    key_of,
    parse_ts,
    split_key,
)
from sandbox.controllers.deployment import compute_hash, scaled_value
from sandbox.controllers.nodelifecycle import tolerates
from sandbox.controllers.podcontrol import claim_objects, create_pod, delete_pod, pod_from_template
from sandbox.errors import StatusError

__all__ = ["DaemonSetController", "daemon_tolerations", "node_should_run"]

REVISION_LABEL = "controller-revision-hash"
GENERATION_LABEL = "pod-template-generation"


def daemon_tolerations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The pod spec's tolerations plus those ``AddOrUpdateDaemonPodTolerations`` adds."""
    tols = list(spec.get("tolerations") or [])
    extra = [
        {"key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute"},
        {"key": "node.kubernetes.io/unreachable", "operator": "Exists", "effect": "NoExecute"},
        {"key": "node.kubernetes.io/disk-pressure", "operator": "Exists", "effect": "NoSchedule"},
        {"key": "node.kubernetes.io/memory-pressure", "operator": "Exists", "effect": "NoSchedule"},
        {"key": "node.kubernetes.io/pid-pressure", "operator": "Exists", "effect": "NoSchedule"},
        {"key": "node.kubernetes.io/unschedulable", "operator": "Exists", "effect": "NoSchedule"},
    ]
    if spec.get("hostNetwork"):
        extra.append({"key": "node.kubernetes.io/network-unavailable", "operator": "Exists", "effect": "NoSchedule"})
    for t in extra:
        # AddOrUpdateTolerationInPodSpec: replace a toleration with the same key and effect
        tols = [x for x in tols if not (x.get("key") == t["key"] and x.get("effect") == t["effect"])]
        tols.append(t)
    return tols


def _match_expr(e: dict[str, Any], value: str | None) -> bool:
    op = e.get("operator")
    vals = e.get("values") or []
    if op == "In":
        return value is not None and value in vals
    if op == "NotIn":
        return value is None or value not in vals
    if op == "Exists":
        return value is not None
    if op == "DoesNotExist":
        return value is None
    if op in ("Gt", "Lt") and value is not None and vals:
        try:
            return int(value) > int(vals[0]) if op == "Gt" else int(value) < int(vals[0])
        except ValueError:
            return False
    return False


def node_should_run(pod_spec: dict[str, Any], node: dict[str, Any]) -> bool:
    """``NodeShouldRunDaemonPod``: nodeSelector, required node affinity and taints."""
    labels = node["metadata"].get("labels") or {}
    if any(labels.get(k) != v for k, v in (pod_spec.get("nodeSelector") or {}).items()):
        return False
    terms = (((pod_spec.get("affinity") or {}).get("nodeAffinity") or {})
             .get("requiredDuringSchedulingIgnoredDuringExecution") or {}).get("nodeSelectorTerms")
    if terms:
        fields = {"metadata.name": node["metadata"]["name"]}
        if not any(all(_match_expr(e, labels.get(e.get("key"))) for e in t.get("matchExpressions") or [])
                   and all(_match_expr(f, fields.get(f.get("key"))) for f in t.get("matchFields") or [])
                   for t in terms):
            return False
    tols = daemon_tolerations(pod_spec)
    for taint in (node.get("spec") or {}).get("taints") or []:
        if taint.get("effect") not in ("NoSchedule", "NoExecute"):
            continue
        if not any(tolerates(t, taint) for t in tols):
            return False
    return True


class DaemonSetController(Controller):
    """``DaemonSetsController``: see the module docstring."""

    name = "daemonset-controller"

    def setup(self) -> None:
        self.ds_informer = self.informers.get("daemonsets")
        self.pod_informer = self.informers.get("pods")
        self.node_informer = self.informers.get("nodes")
        self.ds_informer.add_handlers(self.enqueue, lambda o, n: self.enqueue(n), None)
        self.pod_informer.add_handlers(self._pod, lambda o, n: self._pod(n), self._pod_deleted)
        self.node_informer.add_handlers(self._node, lambda o, n: self._node(n), self._node)
        self._failed_backoff: dict[str, int] = {}

    def _owner_key(self, pod: dict[str, Any]) -> str | None:
        ref = controller_ref(pod)
        if ref is None or ref.get("kind") != "DaemonSet":
            return None
        return f"{pod['metadata'].get('namespace')}/{ref.get('name')}"

    def _pod(self, pod: dict[str, Any]) -> None:
        key = self._owner_key(pod)
        if key is not None:
            self.expectations.creation_observed(key) if not pod["metadata"].get("deletionTimestamp") else None
            self.queue.add(key)

    def _pod_deleted(self, pod: dict[str, Any]) -> None:
        key = self._owner_key(pod)
        if key is not None:
            self.expectations.deletion_observed(key, pod["metadata"].get("uid"))
            self.queue.add(key)

    def _node(self, node: dict[str, Any]) -> None:
        for ds in self.ds_informer.list():
            self.enqueue(ds)

    def _node_pod_affinity(self, spec: dict[str, Any], node_name: str) -> None:
        """``ReplaceDaemonSetPodNodeNameNodeAffinity``."""
        term = {"matchFields": [{"key": "metadata.name", "operator": "In", "values": [node_name]}]}
        na = spec.setdefault("affinity", {}).setdefault("nodeAffinity", {})
        na["requiredDuringSchedulingIgnoredDuringExecution"] = {"nodeSelectorTerms": [term]}

    def sync(self, key: str) -> None:
        ds = self.ds_informer.get(key)
        if ds is None:
            self.expectations.delete(key)
            return
        ns, _ = split_key(key)
        spec = ds.get("spec") or {}
        template = clone(spec.get("template") or {})
        pod_spec = template.get("spec") or {}
        pods = claim_objects(self.api, ds, spec.get("selector"), self.pod_informer.list(ns))
        revision = compute_hash(spec.get("template") or {}, (ds.get("status") or {}).get("collisionCount") or None)
        nodes = self.node_informer.list()
        by_node: dict[str, list[dict[str, Any]]] = {}
        for p in pods:
            n = self._pod_node(p)
            if n:
                by_node.setdefault(n, []).append(p)
        if not ds["metadata"].get("deletionTimestamp") and self.expectations.satisfied(key):
            self._manage(ds, key, template, pod_spec, nodes, by_node, revision)
        self._update_status(ds, nodes, pod_spec, by_node, revision)

    @staticmethod
    def _pod_node(p: dict[str, Any]) -> str | None:
        spec = p.get("spec") or {}
        if spec.get("nodeName"):
            return spec["nodeName"]
        terms = (((spec.get("affinity") or {}).get("nodeAffinity") or {})
                 .get("requiredDuringSchedulingIgnoredDuringExecution") or {}).get("nodeSelectorTerms") or []
        for t in terms:
            for f in t.get("matchFields") or []:
                if f.get("key") == "metadata.name" and f.get("values"):
                    return f["values"][0]
        return None

    def _manage(self, ds: dict[str, Any], key: str, template: dict[str, Any], pod_spec: dict[str, Any],
                nodes: list[dict[str, Any]], by_node: dict[str, list[dict[str, Any]]], revision: str) -> None:
        to_create: list[str] = []
        to_delete: list[dict[str, Any]] = []
        names = {n["metadata"]["name"] for n in nodes}
        for node in nodes:
            name = node["metadata"]["name"]
            should = node_should_run(pod_spec, node)
            here = [p for p in by_node.get(name, []) if not p["metadata"].get("deletionTimestamp")]
            if should:
                alive = []
                for p in here:
                    if (p.get("status") or {}).get("phase") == "Failed":
                        self.event(ds, "Warning", "FailedDaemonPod",
                                   f"Found failed daemon pod {p['metadata'].get('namespace')}/{p['metadata']['name']} "
                                   f"on node {name}, will try to kill it")
                        to_delete.append(p)
                    else:
                        alive.append(p)
                if not alive and not [p for p in by_node.get(name, []) if p["metadata"].get("deletionTimestamp")]:
                    to_create.append(name)
                elif len(alive) > 1:
                    alive.sort(key=lambda p: parse_ts(p["metadata"].get("creationTimestamp")) or 0)
                    to_delete.extend(alive[1:])
            else:
                to_delete.extend(here)
        for n, ps in by_node.items():
            if n not in names:
                to_delete.extend(p for p in ps if not p["metadata"].get("deletionTimestamp"))
        # rolling update
        strategy = (ds.get("spec") or {}).get("updateStrategy") or {}
        if strategy.get("type", "RollingUpdate") == "RollingUpdate" and not to_create:
            desired = sum(1 for n in nodes if node_should_run(pod_spec, n))
            max_unavail = scaled_value((strategy.get("rollingUpdate") or {}).get("maxUnavailable", 1), desired, True)
            min_ready = (ds.get("spec") or {}).get("minReadySeconds") or 0
            unavailable = 0
            old_available: list[dict[str, Any]] = []
            for n in nodes:
                if not node_should_run(pod_spec, n):
                    continue
                ps = [p for p in by_node.get(n["metadata"]["name"], []) if not p["metadata"].get("deletionTimestamp")]
                if not ps or not is_pod_available(ps[0], min_ready, self.now()):
                    unavailable += 1
                    if ps and (ps[0]["metadata"].get("labels") or {}).get(REVISION_LABEL) != revision and ps[0] not in to_delete:
                        to_delete.append(ps[0])  # an unavailable old pod goes at once
                    continue
                if (ps[0]["metadata"].get("labels") or {}).get(REVISION_LABEL) != revision:
                    old_available.append(ps[0])
            budget = max_unavail - unavailable
            for p in old_available[:max(0, budget)]:
                to_delete.append(p)
        self.expectations.expect_creations(key, len(to_create))
        generation = str(ds["metadata"].get("generation") or 1)
        for node_name in to_create:
            pod = pod_from_template(template, ds)
            labels = pod["metadata"].setdefault("labels", {})
            labels[REVISION_LABEL] = revision
            labels[GENERATION_LABEL] = generation
            pod["spec"]["tolerations"] = daemon_tolerations(pod["spec"])
            self._node_pod_affinity(pod["spec"], node_name)
            try:
                create_pod(self, ds, pod)
            except StatusError:
                self.expectations.lower_creations(key)
        for p in to_delete:
            with contextlib.suppress(StatusError):
                delete_pod(self, ds, p)

    def _update_status(self, ds: dict[str, Any], nodes: list[dict[str, Any]], pod_spec: dict[str, Any],
                       by_node: dict[str, list[dict[str, Any]]], revision: str) -> None:
        min_ready = (ds.get("spec") or {}).get("minReadySeconds") or 0
        desired = current = mis = ready = available = updated = 0
        for n in nodes:
            name = n["metadata"]["name"]
            should = node_should_run(pod_spec, n)
            ps = [p for p in by_node.get(name, []) if not p["metadata"].get("deletionTimestamp")]
            if should:
                desired += 1
                if ps:
                    current += 1
                    p = ps[0]
                    if is_pod_ready(p):
                        ready += 1
                        if is_pod_available(p, min_ready, self.now()):
                            available += 1
                    if (p["metadata"].get("labels") or {}).get(REVISION_LABEL) == revision:
                        updated += 1
            elif ps:
                mis += 1
        status = {
            "currentNumberScheduled": current,
            "desiredNumberScheduled": desired,
            "numberMisscheduled": mis,
            "numberReady": ready,
            "observedGeneration": ds["metadata"].get("generation"),
            "updatedNumberScheduled": updated,
            "numberAvailable": available,
            "numberUnavailable": desired - available,
        }
        keep = ("currentNumberScheduled", "desiredNumberScheduled", "numberMisscheduled", "numberReady")
        status = {k: v for k, v in status.items() if v or k in keep}
        old = ds.get("status") or {}
        if status == old:
            return
        obj = clone(ds)
        obj["status"] = status
        obj["metadata"].pop("resourceVersion", None)
        try:
            self.api.update(obj, subresource="status")
        except StatusError:
            return
        if min_ready and available < ready:
            self.queue.add_after(key_of(ds), float(min_ready))
