"""The ReplicaSet controller (``pkg/controller/replicaset/replica_set.go``).

For each ReplicaSet it claims the pods its selector matches (adopting orphans, releasing pods
whose labels no longer match), creates pods from the template (``generateName: <rs>-``, in
slow-start batches of 1, 2, 4, ...) or deletes the pods that rank first
(:func:`~sandbox.controllers.podcontrol.rank_pods_for_deletion`) until the number of active pods
equals ``spec.replicas``, and writes ``status``: ``replicas``, ``fullyLabeledReplicas``,
``readyReplicas``, ``availableReplicas``, ``observedGeneration`` and the ``ReplicaFailure``
condition. Changing the template never touches existing pods.

Events (source ``replicaset-controller``): ``SuccessfulCreate`` (``Created pod: web-abcde``),
``SuccessfulDelete`` (``Deleted pod: web-abcde``), ``FailedCreate`` (``Error creating: ...``).
"""

from __future__ import annotations

from typing import Any

from sandbox.controllers.base import (
    Controller,
    clone,
    controller_ref,
    is_pod_active,
    is_pod_available,
    is_pod_ready,
    key_of,
    pod_ready_since,
    split_key,
)
from sandbox.controllers.podcontrol import (
    claim_objects,
    create_pod,
    delete_pod,
    pod_from_template,
    rank_pods_for_deletion,
    slow_start_batch,
)
from sandbox.errors import NotFound, StatusError

__all__ = ["ReplicaSetController", "BURST_REPLICAS", "replicaset_status"]

#: ``BurstReplicas``: at most this many creations or deletions per sync.
BURST_REPLICAS = 500


def _pod_owner_index(pod: dict[str, Any]) -> list[str]:
    ref = controller_ref(pod)
    return [ref["uid"]] if ref and ref.get("uid") else []


def replicaset_status(rs: dict[str, Any], pods: list[dict[str, Any]], now: float,
                      manage_error: BaseException | None, clock_str: str) -> dict[str, Any]:
    """``calculateStatus``: the status a ReplicaSet should have for its (active, owned) pods."""
    spec = rs.get("spec") or {}
    tlabels = ((spec.get("template") or {}).get("metadata") or {}).get("labels") or {}
    min_ready = spec.get("minReadySeconds") or 0
    fully = ready = available = 0
    for p in pods:
        labels = (p.get("metadata") or {}).get("labels") or {}
        if all(labels.get(k) == v for k, v in tlabels.items()):
            fully += 1
        if is_pod_ready(p):
            ready += 1
            if is_pod_available(p, min_ready, now):
                available += 1
    old = rs.get("status") or {}
    status: dict[str, Any] = {
        "replicas": len(pods),
        "fullyLabeledReplicas": fully,
        "readyReplicas": ready,
        "availableReplicas": available,
        "observedGeneration": (rs.get("metadata") or {}).get("generation"),
    }
    conds = [c for c in old.get("conditions") or [] if c.get("type") != "ReplicaFailure"]
    failure = next((c for c in old.get("conditions") or [] if c.get("type") == "ReplicaFailure"), None)
    if manage_error is not None:
        if failure is not None:
            conds.append(failure)  # SetCondition only when there is none yet
        else:
            desired = spec.get("replicas", 1)
            reason = "FailedCreate" if len(pods) < desired else "FailedDelete"
            conds.append({"type": "ReplicaFailure", "status": "True", "reason": reason, "message": str(manage_error),
                          "lastTransitionTime": clock_str})
    if conds:
        status["conditions"] = conds
    # zero-valued counts are omitted from JSON, as Go's omitempty does
    return {k: v for k, v in status.items() if k == "replicas" or v not in (0, None)}


class ReplicaSetController(Controller):
    """``ReplicaSetController``: see the module docstring."""

    name = "replicaset-controller"
    kind = "ReplicaSet"
    resource = "replicasets"

    def setup(self) -> None:
        self.rs_informer = self.informers.get(self.resource)
        self.pod_informer = self.informers.get("pods")
        self.pod_informer.add_index("controller-uid", _pod_owner_index)
        self.rs_informer.add_handlers(self._add_rs, self._update_rs, self._delete_rs)
        self.pod_informer.add_handlers(self._add_pod, self._update_pod, self._delete_pod)

    # -- event handlers -----------------------------------------------------------------------

    def _add_rs(self, rs: dict[str, Any]) -> None:
        self.enqueue(rs)

    def _update_rs(self, old: dict[str, Any], cur: dict[str, Any]) -> None:
        self.enqueue(cur)

    def _delete_rs(self, rs: dict[str, Any]) -> None:
        self.expectations.delete(key_of(rs))
        self.enqueue(rs)

    def _resolve(self, pod: dict[str, Any], ref: dict[str, Any] | None) -> dict[str, Any] | None:
        if ref is None or ref.get("kind") != self.kind:
            return None
        ns = pod["metadata"].get("namespace")
        rs = self.rs_informer.get(f"{ns}/{ref.get('name')}")
        if rs is None or rs["metadata"].get("uid") != ref.get("uid"):
            return None
        return rs

    def _matching_owners(self, pod: dict[str, Any]) -> list[dict[str, Any]]:
        from sandbox.controllers.base import selector_matches

        ns = pod["metadata"].get("namespace")
        labels = pod["metadata"].get("labels")
        return [rs for rs in self.rs_informer.list(ns)
                if selector_matches((rs.get("spec") or {}).get("selector"), labels)]

    def _add_pod(self, pod: dict[str, Any]) -> None:
        if pod["metadata"].get("deletionTimestamp"):
            self._delete_pod(pod)
            return
        ref = controller_ref(pod)
        if ref is not None:
            rs = self._resolve(pod, ref)
            if rs is not None:
                self.expectations.creation_observed(key_of(rs))
                self.enqueue(rs)
            return
        for rs in self._matching_owners(pod):
            self.enqueue(rs)

    def _update_pod(self, old: dict[str, Any], cur: dict[str, Any]) -> None:
        if cur["metadata"].get("resourceVersion") == old["metadata"].get("resourceVersion"):
            return
        labels_changed = cur["metadata"].get("labels") != old["metadata"].get("labels")
        if cur["metadata"].get("deletionTimestamp") and not old["metadata"].get("deletionTimestamp"):
            self._delete_pod(cur)
            if labels_changed:
                self._delete_pod(old)
            return
        cur_ref, old_ref = controller_ref(cur), controller_ref(old)
        if (old_ref or {}).get("uid") != (cur_ref or {}).get("uid") and old_ref is not None:
            rs = self._resolve(old, old_ref)
            if rs is not None:
                self.enqueue(rs)
        if cur_ref is not None:
            rs = self._resolve(cur, cur_ref)
            if rs is not None:
                self.enqueue(rs)
                min_ready = (rs.get("spec") or {}).get("minReadySeconds") or 0
                if min_ready > 0 and not is_pod_ready(old) and is_pod_ready(cur):
                    self.queue.add_after(key_of(rs), float(min_ready) + 1)
            return
        if labels_changed or old_ref is not None:
            for rs in self._matching_owners(cur):
                self.enqueue(rs)

    def _delete_pod(self, pod: dict[str, Any]) -> None:
        ref = controller_ref(pod)
        rs = self._resolve(pod, ref)
        if rs is None:
            return
        key = key_of(rs)
        self.expectations.deletion_observed(key, pod["metadata"].get("uid"))
        self.enqueue(rs)

    # -- sync ----------------------------------------------------------------------------------

    def pods_for(self, rs: dict[str, Any]) -> list[dict[str, Any]]:
        """All pods in the ReplicaSet's namespace that it owns or could adopt (cache)."""
        ns = rs["metadata"].get("namespace")
        return [p for p in self.pod_informer.list(ns)]

    def sync(self, key: str) -> None:
        ns, name = split_key(key)
        rs = self.rs_informer.get(key)
        if rs is None:
            self.expectations.delete(key)
            return
        needs_sync = self.expectations.satisfied(key) and not rs["metadata"].get("deletionTimestamp")
        all_pods = [p for p in self.pods_for(rs) if is_pod_active(p)]
        selector = (rs.get("spec") or {}).get("selector")
        pods = claim_objects(self.api, rs, selector, all_pods)
        manage_error: BaseException | None = None
        if needs_sync:
            try:
                self.manage_replicas(pods, rs)
            except StatusError as exc:
                manage_error = exc
        self.update_status(rs, pods, manage_error)
        if manage_error is not None:
            raise manage_error

    def manage_replicas(self, pods: list[dict[str, Any]], rs: dict[str, Any]) -> None:
        """``manageReplicas``: create or delete pods until there are ``spec.replicas``."""
        key = key_of(rs)
        want = (rs.get("spec") or {}).get("replicas", 1)
        diff = len(pods) - want
        if diff < 0:
            n = min(-diff, BURST_REPLICAS)
            self.expectations.expect_creations(key, n)
            template = (rs.get("spec") or {}).get("template") or {}

            def create() -> None:
                create_pod(self, rs, pod_from_template(template, rs))

            done, err = slow_start_batch(n, create)
            skipped = n - done
            if skipped > 0:
                self.expectations.lower_creations(key, skipped)
            if err is not None:
                raise err
        elif diff > 0:
            n = min(diff, BURST_REPLICAS)
            related = self.related_pods(rs)
            victims = rank_pods_for_deletion(pods, related, self.now())[:n]
            self.expectations.expect_deletions(key, [p["metadata"]["uid"] for p in victims])
            first_err: BaseException | None = None
            for p in victims:
                try:
                    if not delete_pod(self, rs, p):
                        self.expectations.lower_deletions(key, p["metadata"]["uid"])
                except StatusError as exc:
                    self.expectations.lower_deletions(key, p["metadata"]["uid"])
                    first_err = first_err or exc
            if first_err is not None:
                raise first_err

    def related_pods(self, rs: dict[str, Any]) -> list[dict[str, Any]]:
        """``getIndirectlyRelatedPods``: pods of this ReplicaSet and its siblings (same owner)."""
        owner = controller_ref(rs)
        if owner is None:
            return self.pod_informer.by_index("controller-uid", rs["metadata"]["uid"])
        ns = rs["metadata"].get("namespace")
        out: list[dict[str, Any]] = []
        for sib in self.rs_informer.list(ns):
            ref = controller_ref(sib)
            if ref is not None and ref.get("uid") == owner.get("uid"):
                out.extend(self.pod_informer.by_index("controller-uid", sib["metadata"]["uid"]))
        return out

    def update_status(self, rs: dict[str, Any], pods: list[dict[str, Any]], manage_error: BaseException | None) -> None:
        new_status = replicaset_status(rs, pods, self.now(), manage_error, self.now_str())
        if new_status != (rs.get("status") or {}):
            obj = clone(rs)
            obj["status"] = new_status
            obj["metadata"].pop("resourceVersion", None)
            try:
                self.api.update(obj, subresource="status")
            except NotFound:
                return
        # requeue to notice pods becoming available after minReadySeconds
        min_ready = (rs.get("spec") or {}).get("minReadySeconds") or 0
        want = (rs.get("spec") or {}).get("replicas", 1)
        if (min_ready > 0 and new_status.get("readyReplicas", 0) == want
                and new_status.get("availableReplicas", 0) != want):
            waits = [pod_ready_since(p) for p in pods if is_pod_ready(p)]
            nxt = min((w + min_ready for w in waits if w is not None and w + min_ready > self.now()), default=None)
            if nxt is not None:
                self.queue.add_after(key_of(rs), nxt - self.now())
