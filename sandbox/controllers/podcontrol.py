"""``pkg/controller/controller_utils.go`` and ``controller_ref_manager.go``: creating and deleting
pods from a template with their events, claiming (adopting and releasing) pods by selector, and
the ranking that decides which pods go first when a controller scales down.
"""

from __future__ import annotations

import contextlib
import math
from typing import Any

from sandbox.controllers.base import (
    clone,
    controller_ref,
    owner_reference,
    parse_ts,
    pod_ready_since,
    selector_matches,
)
from sandbox.errors import NotFound, StatusError

__all__ = [
    "pod_from_template",
    "create_pod",
    "delete_pod",
    "claim_objects",
    "active_pods_rank_key",
    "rank_pods_for_deletion",
    "slow_start_batch",
    "SLOW_START_INITIAL_BATCH_SIZE",
    "POD_DELETION_COST",
]

#: ``SlowStartInitialBatchSize``.
SLOW_START_INITIAL_BATCH_SIZE = 1
#: ``core.PodDeletionCost`` annotation.
POD_DELETION_COST = "controller.kubernetes.io/pod-deletion-cost"


def pod_from_template(template: dict[str, Any], owner: dict[str, Any], generate_name: str | None = None,
                      name: str | None = None) -> dict[str, Any]:
    """``GetPodFromTemplate``: a pod with the template's labels, annotations, finalizers and
    spec, ``generateName: <owner>-`` and a controller ownerReference to ``owner``."""
    tmeta = template.get("metadata") or {}
    meta: dict[str, Any] = {"namespace": owner["metadata"].get("namespace") or "default"}
    if name:
        meta["name"] = name
    else:
        meta["generateName"] = generate_name if generate_name is not None else owner["metadata"]["name"] + "-"
    if tmeta.get("labels"):
        meta["labels"] = clone(tmeta["labels"])
    if tmeta.get("annotations"):
        meta["annotations"] = clone(tmeta["annotations"])
    if tmeta.get("finalizers"):
        meta["finalizers"] = clone(tmeta["finalizers"])
    meta["ownerReferences"] = [owner_reference(owner)]
    return {"apiVersion": "v1", "kind": "Pod", "metadata": meta, "spec": clone(template.get("spec") or {})}


def create_pod(ctrl: Any, owner: dict[str, Any], pod: dict[str, Any]) -> dict[str, Any]:
    """``RealPodControl.CreatePods``: create, then ``SuccessfulCreate`` (``Created pod: NAME``) or
    ``FailedCreate`` (``Error creating: ...``) on the owner; re-raises the error."""
    try:
        created = ctrl.api.create(pod)
    except StatusError as exc:
        ctrl.event(owner, "Warning", "FailedCreate", f"Error creating: {exc}")
        raise
    ctrl.event(owner, "Normal", "SuccessfulCreate", f"Created pod: {created.metadata.name}")
    return created.to_dict()


def delete_pod(ctrl: Any, owner: dict[str, Any], pod: dict[str, Any]) -> bool:
    """``RealPodControl.DeletePod``: delete (with the pod's uid as precondition), then
    ``SuccessfulDelete`` (``Deleted pod: NAME``) or ``FailedDelete``. ``False`` if it was gone."""
    meta = pod["metadata"]
    try:
        ctrl.api.delete("pods", meta["name"], meta.get("namespace"), preconditions={"uid": meta["uid"]})
    except NotFound:
        return False
    except StatusError as exc:
        ctrl.event(owner, "Warning", "FailedDelete", f"Error deleting: {exc}")
        raise
    ctrl.event(owner, "Normal", "SuccessfulDelete", f"Deleted pod: {meta['name']}")
    return True


def claim_objects(api: Any, owner: dict[str, Any], selector: Any, objs: list[dict[str, Any]],
                  resource: str = "pods", can_adopt: bool = True,
                  extra_match: Any = None) -> list[dict[str, Any]]:
    """``BaseControllerRefManager.ClaimObject``: the objects ``owner`` controls after adopting
    matching orphans (patching in an ownerReference) and releasing owned objects that no longer
    match (patching it out). Objects controlled by someone else are left alone."""
    uid = owner["metadata"]["uid"]
    owner_deleting = bool(owner["metadata"].get("deletionTimestamp"))
    claimed: list[dict[str, Any]] = []
    for obj in objs:
        meta = obj["metadata"]
        ref = controller_ref(obj)
        match = selector_matches(selector, meta.get("labels")) and (extra_match is None or extra_match(obj))
        if ref is not None:
            if ref.get("uid") != uid:
                continue
            if match:
                claimed.append(obj)
                continue
            if owner_deleting:
                continue
            # release: remove our ownerReference
            refs = [r for r in meta.get("ownerReferences") or [] if r.get("uid") != uid]
            with contextlib.suppress(StatusError):
                api.patch(resource, meta["name"], {"metadata": {"ownerReferences": refs or None, "uid": meta["uid"]}},
                          patch_type="merge", namespace=meta.get("namespace"))
            continue
        if not match or not can_adopt or owner_deleting or meta.get("deletionTimestamp"):
            continue
        refs = list(meta.get("ownerReferences") or []) + [owner_reference(owner)]
        try:
            adopted = api.patch(resource, meta["name"], {"metadata": {"ownerReferences": refs, "uid": meta["uid"]}},
                                patch_type="merge", namespace=meta.get("namespace"))
        except StatusError:
            continue
        claimed.append(adopted.to_dict())
    return claimed


def _phase_rank(pod: dict[str, Any]) -> int:
    return {"Pending": 0, "Unknown": 1, "Running": 2}.get((pod.get("status") or {}).get("phase") or "", 0)


def _restarts(pod: dict[str, Any]) -> int:
    st = pod.get("status") or {}
    return max([c.get("restartCount") or 0 for c in st.get("containerStatuses") or []] or [0])


def _log2_bucket(delta: float) -> int:
    if delta <= 0:
        return 0
    return int(math.floor(math.log2(delta))) if delta >= 1 else 0


def active_pods_rank_key(pod: dict[str, Any], rank: int, now: float) -> tuple[Any, ...]:
    """The sort key of ``ActivePodsWithRanks`` (``LogarithmicScaleDown``): pods that sort first
    are deleted first: unscheduled < scheduled; Pending < Unknown < Running; not ready < ready;
    lower ``pod-deletion-cost``; more pods of the owner on the same node; ready for a shorter
    time; more restarts; created more recently."""
    meta = pod.get("metadata") or {}
    ready_since = pod_ready_since(pod)
    try:
        cost = int((meta.get("annotations") or {}).get(POD_DELETION_COST, "0"))
    except ValueError:
        cost = 0
    created = parse_ts(meta.get("creationTimestamp")) or 0.0
    return (
        1 if (pod.get("spec") or {}).get("nodeName") else 0,
        _phase_rank(pod),
        1 if ready_since is not None else 0,
        cost,
        -rank,
        _log2_bucket(now - ready_since) if ready_since is not None else 0,
        -_restarts(pod),
        -_log2_bucket(now - created) if created else 0,
        -created,
        meta.get("name") or "",
    )


def rank_pods_for_deletion(pods: list[dict[str, Any]], related: list[dict[str, Any]], now: float) -> list[dict[str, Any]]:
    """``getPodsRankedByRelatedPodsOnSameNode`` then ``ActivePodsWithRanks``: pods in the order
    a ReplicaSet deletes them."""
    per_node: dict[str, int] = {}
    for p in related:
        node = (p.get("spec") or {}).get("nodeName")
        if node and not (p.get("metadata") or {}).get("deletionTimestamp"):
            per_node[node] = per_node.get(node, 0) + 1
    keyed = []
    for p in pods:
        node = (p.get("spec") or {}).get("nodeName")
        rank = per_node.get(node, 0) if node else 0
        keyed.append((active_pods_rank_key(p, rank, now), p))
    keyed.sort(key=lambda kp: kp[0])
    return [p for _, p in keyed]


def slow_start_batch(count: int, fn: Any, initial: int = SLOW_START_INITIAL_BATCH_SIZE) -> tuple[int, BaseException | None]:
    """``slowStartBatch``: call ``fn()`` ``count`` times in batches of 1, 2, 4, ...; stop after the
    first batch with an error. Returns (successes, first error)."""
    remaining = count
    successes = 0
    batch = min(remaining, initial)
    while batch > 0:
        err: BaseException | None = None
        for _ in range(batch):
            try:
                fn()
                successes += 1
            except StatusError as exc:
                if err is None:
                    err = exc
        if err is not None:
            return successes, err
        remaining -= batch
        batch = min(2 * batch, remaining)
    return successes, None
