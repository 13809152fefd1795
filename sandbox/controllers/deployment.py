"""The Deployment controller (``pkg/controller/deployment``: ``sync.go``, ``rolling.go``,
``recreate.go``, ``progress.go``, ``util/deployment_util.go``), plus ``kubectl rollout``'s
client-side helpers (:func:`rollback`, :func:`rollout_status`, :func:`rollout_complete`).

A Deployment owns ReplicaSets named ``<deployment>-<pod-template-hash>``; the hash is
:func:`compute_hash` of the pod template (and ``status.collisionCount``) and is added to the
ReplicaSet's selector and template labels. A changed template makes a new ReplicaSet and the
strategy moves replicas to it:

* ``RollingUpdate``: the new ReplicaSet grows while the total stays within ``replicas +
  maxSurge`` (percentages rounded up) and old ReplicaSets shrink while at least ``replicas -
  maxUnavailable`` (percentages rounded down) pods stay available;
* ``Recreate``: old ReplicaSets go to 0, and once none of their pods is left the new one goes
  to ``replicas``.

Each scale is an event ``ScalingReplicaSet`` (``Scaled up replica set nginx-66b6c48dd5 from 0 to
3``) on the Deployment. ReplicaSets carry ``deployment.kubernetes.io/revision``,
``desired-replicas`` and ``max-replicas`` annotations; old ones beyond ``revisionHistoryLimit``
are deleted once the rollout is complete. Conditions: ``Available``
(``MinimumReplicasAvailable`` / ``MinimumReplicasUnavailable``) and ``Progressing``
(``NewReplicaSetCreated``, ``FoundNewReplicaSet``, ``ReplicaSetUpdated``,
``NewReplicaSetAvailable``, ``ProgressDeadlineExceeded``, ``DeploymentPaused``,
``DeploymentResumed``).

Simplification: Kubernetes hashes the Go struct as printed by ``spew``; we hash the template's
canonical JSON with the same FNV-32a and ``SafeEncodeString``, so names look alike (``web-
66b6c48dd5``) but the characters differ from a real cluster's for the same manifest.
"""

from __future__ import annotations

import contextlib
import json
import math
import struct
from typing import Any

from sandbox.controllers.base import (
    Controller,
    clone,
    controller_ref,
    key_of,
    owner_reference,
    parse_ts,
    selector_matches,
    split_key,
)
from sandbox.controllers.podcontrol import claim_objects
from sandbox.errors import AlreadyExists, NotFound

__all__ = [
    "DeploymentController",
    "compute_hash",
    "safe_encode_string",
    "rollback",
    "rollout_status",
    "rollout_complete",
    "RolloutError",
    "resolve_fenceposts",
    "scaled_value",
    "REVISION_ANNOTATION",
    "DESIRED_REPLICAS_ANNOTATION",
    "MAX_REPLICAS_ANNOTATION",
    "REVISION_HISTORY_ANNOTATION",
    "POD_TEMPLATE_HASH",
]

POD_TEMPLATE_HASH = "pod-template-hash"
REVISION_ANNOTATION = "deployment.kubernetes.io/revision"
REVISION_HISTORY_ANNOTATION = "deployment.kubernetes.io/revision-history"
DESIRED_REPLICAS_ANNOTATION = "deployment.kubernetes.io/desired-replicas"
MAX_REPLICAS_ANNOTATION = "deployment.kubernetes.io/max-replicas"
ROLLBACK_TO_ANNOTATION = "deprecated.deployment.rollback.to"
LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration"
#: annotations not copied from a Deployment to its ReplicaSets (``annotationsToSkip``)
ANNOTATIONS_TO_SKIP = {LAST_APPLIED, REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION,
                       DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, ROLLBACK_TO_ANNOTATION}
MAX_INT32 = 2**31 - 1

# condition reasons (util/deployment_util.go)
NEW_RS_CREATED = "NewReplicaSetCreated"
FOUND_NEW_RS = "FoundNewReplicaSet"
RS_UPDATED = "ReplicaSetUpdated"
NEW_RS_AVAILABLE = "NewReplicaSetAvailable"
TIMED_OUT = "ProgressDeadlineExceeded"
PAUSED = "DeploymentPaused"
RESUMED = "DeploymentResumed"
MIN_AVAILABLE = "MinimumReplicasAvailable"
MIN_UNAVAILABLE = "MinimumReplicasUnavailable"

ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789"


def safe_encode_string(s: str) -> str:
    """``rand.SafeEncodeString``: each character mapped into ``bcdfghjklmnpqrstvwxz2456789``."""
    return "".join(ALPHANUMS[ord(ch) % len(ALPHANUMS)] for ch in s)


def _fnv32a(data: bytes, h: int = 0x811C9DC5) -> int:
    for b in data:
        h ^= b
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def compute_hash(template: dict[str, Any], collision_count: int | None = None) -> str:
    """``controller.ComputeHash``: FNV-32a of the pod template (here its canonical JSON) and the
    collision count (as 8 little-endian bytes), printed in decimal and safe-encoded."""
    h = _fnv32a(json.dumps(template or {}, sort_keys=True, separators=(",", ":")).encode())
    if collision_count is not None:
        h = _fnv32a(struct.pack("<I", collision_count & 0xFFFFFFFF) + b"\0\0\0\0", h)
    return safe_encode_string(str(h))


def scaled_value(v: int | str | None, total: int, round_up: bool) -> int:
    """``intstr.GetScaledValueFromIntOrPercent``."""
    if v is None:
        return 0
    if isinstance(v, int):
        return v
    s = str(v)
    if s.endswith("%"):
        pct = int(s[:-1])
        x = pct * total / 100
        return math.ceil(x) if round_up else math.floor(x)
    return int(s)


def resolve_fenceposts(max_surge: Any, max_unavailable: Any, desired: int) -> tuple[int, int]:
    """``ResolveFenceposts``: (surge rounded up, unavailable rounded down; at least one is > 0)."""
    surge = scaled_value(max_surge, desired, True)
    unavailable = scaled_value(max_unavailable, desired, False)
    if surge == 0 and unavailable == 0:
        unavailable = 1
    return surge, unavailable


def _replicas(obj: dict[str, Any] | None) -> int:
    if obj is None:
        return 0
    r = (obj.get("spec") or {}).get("replicas")
    return 1 if r is None else int(r)


def _st(obj: dict[str, Any] | None, field: str) -> int:
    if obj is None:
        return 0
    return int((obj.get("status") or {}).get(field) or 0)


def _ann(obj: dict[str, Any], key: str) -> str | None:
    return ((obj.get("metadata") or {}).get("annotations") or {}).get(key)


def _revision(rs: dict[str, Any]) -> int:
    try:
        return int(_ann(rs, REVISION_ANNOTATION) or 0)
    except ValueError:
        return 0


def _created(rs: dict[str, Any]) -> tuple[float, str]:
    m = rs.get("metadata") or {}
    return (parse_ts(m.get("creationTimestamp")) or 0.0, m.get("name") or "")


def is_rolling(d: dict[str, Any]) -> bool:
    return ((d.get("spec") or {}).get("strategy") or {}).get("type", "RollingUpdate") == "RollingUpdate"


def max_surge(d: dict[str, Any]) -> int:
    if not is_rolling(d):
        return 0
    ru = ((d.get("spec") or {}).get("strategy") or {}).get("rollingUpdate") or {}
    return resolve_fenceposts(ru.get("maxSurge"), ru.get("maxUnavailable"), _replicas(d))[0]


def max_unavailable(d: dict[str, Any]) -> int:
    if not is_rolling(d) or _replicas(d) == 0:
        return 0
    ru = ((d.get("spec") or {}).get("strategy") or {}).get("rollingUpdate") or {}
    _, unavailable = resolve_fenceposts(ru.get("maxSurge"), ru.get("maxUnavailable"), _replicas(d))
    return min(unavailable, _replicas(d))


def _template_without_hash(t: dict[str, Any]) -> dict[str, Any]:
    t = clone(t or {})
    labels = (t.get("metadata") or {}).get("labels")
    if labels is not None:
        labels.pop(POD_TEMPLATE_HASH, None)
        if not labels:
            t["metadata"].pop("labels")
    if "metadata" in t and not t["metadata"]:
        t.pop("metadata")
    return t


def equal_ignore_hash(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """``EqualIgnoreHash``: templates equal but for the ``pod-template-hash`` label."""
    return _template_without_hash(a) == _template_without_hash(b)


def get_condition(status: dict[str, Any], ctype: str) -> dict[str, Any] | None:
    for c in status.get("conditions") or []:
        if c.get("type") == ctype:
            return c
    return None


def _new_condition(ctype: str, status: str, reason: str, message: str, now: str) -> dict[str, Any]:
    return {"type": ctype, "status": status, "lastUpdateTime": now, "lastTransitionTime": now,
            "reason": reason, "message": message}


def set_condition(status: dict[str, Any], cond: dict[str, Any]) -> None:
    """``SetDeploymentCondition``: same status and reason is a no-op; same status keeps the
    transition time; the condition goes to the end of the list."""
    cur = get_condition(status, cond["type"])
    if cur is not None and cur.get("status") == cond["status"] and cur.get("reason") == cond["reason"]:
        return
    if cur is not None and cur.get("status") == cond["status"]:
        cond["lastTransitionTime"] = cur.get("lastTransitionTime")
    status["conditions"] = [c for c in status.get("conditions") or [] if c.get("type") != cond["type"]] + [cond]


def remove_condition(status: dict[str, Any], ctype: str) -> None:
    conds = [c for c in status.get("conditions") or [] if c.get("type") != ctype]
    if conds:
        status["conditions"] = conds
    else:
        status.pop("conditions", None)


def has_progress_deadline(d: dict[str, Any]) -> bool:
    p = (d.get("spec") or {}).get("progressDeadlineSeconds")
    return p is not None and p != MAX_INT32


def deployment_complete(d: dict[str, Any], status: dict[str, Any]) -> bool:
    """``DeploymentComplete``: every replica updated and available, and the spec observed."""
    want = _replicas(d)
    return (int(status.get("updatedReplicas") or 0) == want and int(status.get("replicas") or 0) == want
            and int(status.get("availableReplicas") or 0) == want
            and int(status.get("observedGeneration") or 0) >= int(d["metadata"].get("generation") or 0))


def _active(rss: list[dict[str, Any] | None]) -> list[dict[str, Any]]:
    return [rs for rs in rss if rs is not None and _replicas(rs) > 0]


class DeploymentController(Controller):
    """``DeploymentController``: see the module docstring."""

    name = "deployment-controller"

    def setup(self) -> None:
        self.d_informer = self.informers.get("deployments")
        self.rs_informer = self.informers.get("replicasets")
        self.pod_informer = self.informers.get("pods")
        self.d_informer.add_handlers(self.enqueue, lambda o, n: self.enqueue(n), self.enqueue)
        self.rs_informer.add_handlers(self._rs_changed, lambda o, n: self._rs_update(o, n), self._rs_changed)
        self.pod_informer.add_handlers(None, None, self._pod_deleted)

    def _owner_of(self, obj: dict[str, Any], informer: Any, kind: str) -> dict[str, Any] | None:
        ref = controller_ref(obj)
        if ref is None or ref.get("kind") != kind:
            return None
        owner = informer.get(f"{obj['metadata'].get('namespace')}/{ref.get('name')}")
        if owner is None or owner["metadata"].get("uid") != ref.get("uid"):
            return None
        return owner

    def _rs_changed(self, rs: dict[str, Any]) -> None:
        d = self._owner_of(rs, self.d_informer, "Deployment")
        if d is not None:
            self.enqueue(d)
            return
        if controller_ref(rs) is None:
            labels = rs["metadata"].get("labels")
            for d in self.d_informer.list(rs["metadata"].get("namespace")):
                if selector_matches((d.get("spec") or {}).get("selector"), labels):
                    self.enqueue(d)

    def _rs_update(self, old: dict[str, Any], cur: dict[str, Any]) -> None:
        if (controller_ref(old) or {}).get("uid") != (controller_ref(cur) or {}).get("uid"):
            self._rs_changed(old)
        self._rs_changed(cur)

    def _pod_deleted(self, pod: dict[str, Any]) -> None:
        rs = self._owner_of(pod, self.rs_informer, "ReplicaSet")
        if rs is None:
            return
        d = self._owner_of(rs, self.d_informer, "Deployment")
        if d is not None and not is_rolling(d):
            self.enqueue(d)

    # -- sync ----------------------------------------------------------------------------------

    def sync(self, key: str) -> None:
        d = self.d_informer.get(key)
        if d is None:
            return
        d = clone(d)
        ns, _ = split_key(key)
        spec = d.get("spec") or {}
        sel = spec.get("selector")
        if not sel or (not sel.get("matchLabels") and not sel.get("matchExpressions")):
            self.event(d, "Warning", "SelectingAll", "This deployment is selecting all pods. A non-empty selector is required.")
            if int(_st(d, "observedGeneration")) < int(d["metadata"].get("generation") or 0):
                d.setdefault("status", {})["observedGeneration"] = d["metadata"].get("generation")
                self._update_status(d)
            return
        rs_list = claim_objects(self.api, d, sel, self.rs_informer.list(ns), resource="replicasets")
        if d["metadata"].get("deletionTimestamp"):
            self._sync_status_only(d, rs_list)
            return
        self._check_paused_conditions(d)
        if spec.get("paused"):
            self._sync(d, rs_list)
            return
        if self._is_scaling_event(d, rs_list):
            self._sync(d, rs_list)
            return
        if is_rolling(d):
            self._rollout_rolling(d, rs_list)
        else:
            self._rollout_recreate(d, rs_list)

    def _update_status(self, d: dict[str, Any]) -> dict[str, Any]:
        obj = clone(d)
        obj["metadata"].pop("resourceVersion", None)
        out = self.api.update(obj, subresource="status").to_dict()
        d["metadata"]["resourceVersion"] = out["metadata"]["resourceVersion"]
        return out

    def _check_paused_conditions(self, d: dict[str, Any]) -> None:
        if not has_progress_deadline(d):
            return
        status = d.setdefault("status", {})
        cond = get_condition(status, "Progressing")
        if cond is not None and cond.get("reason") == TIMED_OUT:
            return
        paused_exists = cond is not None and cond.get("reason") == PAUSED
        paused = bool((d.get("spec") or {}).get("paused"))
        if paused and not paused_exists:
            set_condition(status, _new_condition("Progressing", "Unknown", PAUSED, "Deployment is paused", self.now_str()))
        elif not paused and paused_exists:
            set_condition(status, _new_condition("Progressing", "Unknown", RESUMED, "Deployment is resumed", self.now_str()))
        else:
            return
        self._update_status(d)

    # -- replica sets ---------------------------------------------------------------------------

    def _find_new_rs(self, d: dict[str, Any], rs_list: list[dict[str, Any]]) -> dict[str, Any] | None:
        for rs in sorted(rs_list, key=_created):
            if equal_ignore_hash((rs.get("spec") or {}).get("template") or {}, (d.get("spec") or {}).get("template") or {}):
                return rs
        return None

    def _get_all_rs(self, d: dict[str, Any], rs_list: list[dict[str, Any]], create: bool
                    ) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
        """``getAllReplicaSetsAndSyncRevision``."""
        new_rs = self._find_new_rs(d, rs_list)
        old = [rs for rs in rs_list if new_rs is None or rs["metadata"]["uid"] != new_rs["metadata"]["uid"]]
        new_rs = self._get_new_rs(d, rs_list, new_rs, old, create)
        return new_rs, old

    def _set_new_rs_annotations(self, d: dict[str, Any], rs: dict[str, Any], new_revision: str, exists: bool) -> bool:
        meta = rs["metadata"]
        ann = dict(meta.get("annotations") or {})
        before = dict(ann)
        for k, v in ((d["metadata"].get("annotations")) or {}).items():
            if k in ANNOTATIONS_TO_SKIP:
                continue
            ann[k] = v
        old_revision = ann.get(REVISION_ANNOTATION)
        try:
            old_int = int(old_revision) if old_revision else 0
        except ValueError:
            old_int = 0
        if old_int < int(new_revision):
            ann[REVISION_ANNOTATION] = new_revision
            if exists and old_revision:
                hist = ann.get(REVISION_HISTORY_ANNOTATION)
                ann[REVISION_HISTORY_ANNOTATION] = f"{hist},{old_revision}" if hist else old_revision
        if not exists:
            ann[DESIRED_REPLICAS_ANNOTATION] = str(_replicas(d))
            ann[MAX_REPLICAS_ANNOTATION] = str(_replicas(d) + max_surge(d))
        meta["annotations"] = ann
        return ann != before

    def _set_deployment_revision(self, d: dict[str, Any], revision: str) -> None:
        if _ann(d, REVISION_ANNOTATION) == revision:
            return
        out = self.api.patch("deployments", d["metadata"]["name"],
                             {"metadata": {"annotations": {REVISION_ANNOTATION: revision}}},
                             patch_type="merge", namespace=d["metadata"].get("namespace")).to_dict()
        d["metadata"]["annotations"] = out["metadata"].get("annotations")
        d["metadata"]["resourceVersion"] = out["metadata"]["resourceVersion"]

    def _get_new_rs(self, d: dict[str, Any], rs_list: list[dict[str, Any]], existing: dict[str, Any] | None,
                    old: list[dict[str, Any]], create: bool) -> dict[str, Any] | None:
        max_old = max([_revision(rs) for rs in old] or [0])
        new_revision = str(max_old + 1)
        status = d.setdefault("status", {})
        if existing is not None:
            rs = clone(existing)
            changed = self._set_new_rs_annotations(d, rs, new_revision, True)
            mrs = (d.get("spec") or {}).get("minReadySeconds")
            if (rs["spec"].get("minReadySeconds") or 0) != (mrs or 0):
                rs["spec"]["minReadySeconds"] = mrs
                changed = True
            if changed:
                rs["metadata"].pop("resourceVersion", None)
                rs = self.api.update(rs).to_dict()
            self._set_deployment_revision(d, _ann(rs, REVISION_ANNOTATION) or new_revision)
            if has_progress_deadline(d) and get_condition(status, "Progressing") is None:
                set_condition(status, _new_condition("Progressing", "True", FOUND_NEW_RS,
                                                     f'Found new replica set "{rs["metadata"]["name"]}"', self.now_str()))
                self._update_status(d)
            return rs
        if not create:
            return None
        template = clone((d.get("spec") or {}).get("template") or {})
        collision = status.get("collisionCount")
        h = compute_hash(template, collision)
        template.setdefault("metadata", {}).setdefault("labels", {})[POD_TEMPLATE_HASH] = h
        selector = clone((d.get("spec") or {}).get("selector") or {})
        selector.setdefault("matchLabels", {})[POD_TEMPLATE_HASH] = h
        name = f"{d['metadata']['name']}-{h}"
        rs: dict[str, Any] = {
            "apiVersion": "apps/v1", "kind": "ReplicaSet",
            "metadata": {"name": name, "namespace": d["metadata"].get("namespace"),
                         "labels": dict(template["metadata"]["labels"]),
                         "ownerReferences": [owner_reference(d)]},
            "spec": {"replicas": 0, "minReadySeconds": (d.get("spec") or {}).get("minReadySeconds") or 0,
                     "selector": selector, "template": template},
        }
        if not rs["spec"]["minReadySeconds"]:
            del rs["spec"]["minReadySeconds"]
        all_rss = ([existing] if existing else []) + old
        new_replicas = self._new_rs_new_replicas(d, all_rss, None)
        rs["spec"]["replicas"] = new_replicas
        self._set_new_rs_annotations(d, rs, new_revision, False)
        try:
            created = self.api.create(rs).to_dict()
        except AlreadyExists:
            cur = self.api.get("replicasets", name, d["metadata"].get("namespace")).to_dict()
            ref = controller_ref(cur)
            if ref and ref.get("uid") == d["metadata"]["uid"] and equal_ignore_hash(
                    cur["spec"]["template"], (d.get("spec") or {}).get("template") or {}):
                return cur
            status["collisionCount"] = (collision or 0) + 1
            self._update_status(d)
            raise
        if new_replicas > 0:
            self.event(d, "Normal", "ScalingReplicaSet", f"Scaled up replica set {name} from 0 to {new_replicas}")
        self._set_deployment_revision(d, new_revision)
        if has_progress_deadline(d):
            set_condition(status, _new_condition("Progressing", "True", NEW_RS_CREATED,
                                                 f'Created new replica set "{name}"', self.now_str()))
            self._update_status(d)
        return created

    def _new_rs_new_replicas(self, d: dict[str, Any], all_rss: list[dict[str, Any]], new_rs: dict[str, Any] | None) -> int:
        """``NewRSNewReplicas``."""
        if not is_rolling(d):
            return _replicas(d)
        current = sum(_replicas(rs) for rs in all_rss) + (_replicas(new_rs) if new_rs is not None and new_rs not in all_rss else 0)
        max_total = _replicas(d) + max_surge(d)
        if current >= max_total:
            return _replicas(new_rs)
        scale_up = max_total - current
        return min(scale_up, _replicas(d) - _replicas(new_rs)) + _replicas(new_rs)

    def _scale(self, rs: dict[str, Any], new_scale: int, d: dict[str, Any]) -> tuple[bool, dict[str, Any]]:
        """``scaleReplicaSet``: set replicas and the replicas annotations; the event."""
        old_scale = _replicas(rs)
        size_changed = old_scale != new_scale
        obj = clone(rs)
        ann = obj["metadata"].setdefault("annotations", {})
        desired, maxr = str(_replicas(d)), str(_replicas(d) + max_surge(d))
        ann_changed = ann.get(DESIRED_REPLICAS_ANNOTATION) != desired or ann.get(MAX_REPLICAS_ANNOTATION) != maxr
        if not size_changed and not ann_changed:
            return False, rs
        ann[DESIRED_REPLICAS_ANNOTATION] = desired
        ann[MAX_REPLICAS_ANNOTATION] = maxr
        obj["spec"]["replicas"] = new_scale
        out = self.api.update(obj).to_dict()
        if size_changed:
            op = "up" if old_scale < new_scale else "down"
            self.event(d, "Normal", "ScalingReplicaSet",
                       f"Scaled {op} replica set {rs['metadata']['name']} from {old_scale} to {new_scale}")
        return size_changed, out

    def _scale_and_record(self, rs: dict[str, Any], new_scale: int, d: dict[str, Any]) -> tuple[bool, dict[str, Any]]:
        if _replicas(rs) == new_scale:
            return False, rs
        return self._scale(rs, new_scale, d)

    # -- scaling (sync.go) ----------------------------------------------------------------------

    def _is_scaling_event(self, d: dict[str, Any], rs_list: list[dict[str, Any]]) -> bool:
        new_rs, old = self._get_all_rs(d, rs_list, False)
        for rs in _active([*old, new_rs]):
            desired = _ann(rs, DESIRED_REPLICAS_ANNOTATION)
            if desired is None:
                continue
            if int(desired) != _replicas(d):
                return True
        return False

    def _sync(self, d: dict[str, Any], rs_list: list[dict[str, Any]]) -> None:
        new_rs, old = self._get_all_rs(d, rs_list, False)
        self._scale_deployment(d, new_rs, old)
        if (d.get("spec") or {}).get("paused"):
            self._cleanup(old, d)
        self._sync_deployment_status(self._fresh([*old, new_rs]), self._fresh_one(new_rs), d)

    def _fresh(self, rss: list[dict[str, Any] | None]) -> list[dict[str, Any]]:
        out = []
        for rs in rss:
            if rs is None:
                continue
            cur = self.rs_informer.get(key_of(rs))
            out.append(rs if cur is None or int(cur["metadata"]["resourceVersion"]) < int(rs["metadata"]["resourceVersion"]) else cur)
        return out

    def _fresh_one(self, rs: dict[str, Any] | None) -> dict[str, Any] | None:
        return self._fresh([rs])[0] if rs is not None else None

    def _scale_deployment(self, d: dict[str, Any], new_rs: dict[str, Any] | None, old: list[dict[str, Any]]) -> None:
        """``scale``: proportional scaling of a Deployment whose replicas changed mid-rollout."""
        active_or_latest = self._find_active_or_latest(new_rs, old)
        if active_or_latest is not None:
            if _replicas(active_or_latest) != _replicas(d):
                self._scale_and_record(active_or_latest, _replicas(d), d)
            return
        if self._is_saturated(d, new_rs):
            for rs in _active(old):
                self._scale_and_record(rs, 0, d)
            return
        if not is_rolling(d):
            return
        all_rss = _active([*old, new_rs])
        all_replicas = sum(_replicas(rs) for rs in all_rss)
        allowed = _replicas(d) + max_surge(d) if _replicas(d) > 0 else 0
        to_add = allowed - all_replicas
        if to_add > 0:
            all_rss.sort(key=lambda rs: (-_replicas(rs), [-x for x in _created(rs)[:1]]))
        elif to_add < 0:
            all_rss.sort(key=lambda rs: (-_replicas(rs), _created(rs)))
        added = 0
        sizes: dict[str, int] = {}
        for rs in all_rss:
            if to_add != 0:
                p = self._proportion(rs, d, to_add, added)
                sizes[rs["metadata"]["name"]] = _replicas(rs) + p
                added += p
            else:
                sizes[rs["metadata"]["name"]] = _replicas(rs)
        if added != to_add and all_rss:
            n = all_rss[0]["metadata"]["name"]
            sizes[n] = max(0, sizes[n] + to_add - added)
        for rs in all_rss:
            self._scale(rs, sizes[rs["metadata"]["name"]], d)

    def _proportion(self, rs: dict[str, Any], d: dict[str, Any], to_add: int, added: int) -> int:
        if _replicas(rs) == 0 or to_add == 0 or to_add == added:
            return 0
        if _replicas(d) == 0:
            fraction = -_replicas(rs)
        else:
            dep_replicas = _replicas(d) + max_surge(d)
            try:
                annotated = int(_ann(rs, MAX_REPLICAS_ANNOTATION) or "")
            except ValueError:
                annotated = _st(d, "replicas")
            fraction = int(math.floor(_replicas(rs) * dep_replicas / annotated + 0.5)) - _replicas(rs) if annotated else 0
        allowed = to_add - added
        return min(fraction, allowed) if to_add > 0 else max(fraction, allowed)

    @staticmethod
    def _find_active_or_latest(new_rs: dict[str, Any] | None, old: list[dict[str, Any]]) -> dict[str, Any] | None:
        if new_rs is None and not old:
            return None
        old_sorted = sorted(old, key=_created, reverse=True)
        all_active = _active([*old_sorted, new_rs])
        if not all_active:
            return new_rs if new_rs is not None else old_sorted[0]
        if len(all_active) == 1:
            return all_active[0]
        return None

    @staticmethod
    def _is_saturated(d: dict[str, Any], rs: dict[str, Any] | None) -> bool:
        if rs is None:
            return False
        desired = _ann(rs, DESIRED_REPLICAS_ANNOTATION)
        return (_replicas(rs) == _replicas(d) and desired is not None and int(desired) == _replicas(d)
                and _st(rs, "availableReplicas") == _replicas(d))

    def _cleanup(self, old: list[dict[str, Any]], d: dict[str, Any]) -> None:
        """``cleanupDeployment``: delete old ReplicaSets beyond ``revisionHistoryLimit``."""
        limit = (d.get("spec") or {}).get("revisionHistoryLimit")
        if limit is None:
            return
        alive = [rs for rs in old if not rs["metadata"].get("deletionTimestamp")]
        diff = len(alive) - int(limit)
        if diff <= 0:
            return
        alive.sort(key=lambda rs: (_revision(rs), _created(rs)))
        for rs in alive[:diff]:
            if (_st(rs, "replicas") != 0 or _replicas(rs) != 0
                    or int(rs["metadata"].get("generation") or 0) > _st(rs, "observedGeneration")):
                continue
            with contextlib.suppress(NotFound):
                self.api.delete("replicasets", rs["metadata"]["name"], rs["metadata"].get("namespace"),
                                preconditions={"uid": rs["metadata"]["uid"]})

    # -- status (sync.go, progress.go) ----------------------------------------------------------

    def _calculate_status(self, all_rss: list[dict[str, Any]], new_rs: dict[str, Any] | None, d: dict[str, Any]) -> dict[str, Any]:
        available = sum(_st(rs, "availableReplicas") for rs in all_rss)
        total = sum(_replicas(rs) for rs in all_rss)
        old = d.get("status") or {}
        status: dict[str, Any] = {
            "observedGeneration": d["metadata"].get("generation"),
            "replicas": sum(_st(rs, "replicas") for rs in all_rss),
            "updatedReplicas": _st(new_rs, "replicas"),
            "readyReplicas": sum(_st(rs, "readyReplicas") for rs in all_rss),
            "availableReplicas": available,
            "unavailableReplicas": max(0, total - available),
        }
        if old.get("collisionCount") is not None:
            status["collisionCount"] = old["collisionCount"]
        if old.get("conditions"):
            status["conditions"] = clone(old["conditions"])
        if available >= _replicas(d) - max_unavailable(d):
            set_condition(status, _new_condition("Available", "True", MIN_AVAILABLE,
                                                 "Deployment has minimum availability.", self.now_str()))
        else:
            set_condition(status, _new_condition("Available", "False", MIN_UNAVAILABLE,
                                                 "Deployment does not have minimum availability.", self.now_str()))
        return status

    @staticmethod
    def _omit_zero(status: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in status.items() if v not in (0, None)}

    def _sync_deployment_status(self, all_rss: list[dict[str, Any]], new_rs: dict[str, Any] | None, d: dict[str, Any]) -> None:
        new_status = self._omit_zero(self._calculate_status(all_rss, new_rs, d))
        if new_status == (d.get("status") or {}):
            return
        d["status"] = new_status
        self._update_status(d)

    def _sync_status_only(self, d: dict[str, Any], rs_list: list[dict[str, Any]]) -> None:
        new_rs, old = self._get_all_rs(d, rs_list, False)
        self._sync_deployment_status([*old] + ([new_rs] if new_rs else []), new_rs, d)

    def _sync_rollout_status(self, all_rss: list[dict[str, Any]], new_rs: dict[str, Any] | None, d: dict[str, Any]) -> None:
        """``syncRolloutStatus``: status plus the ``Progressing`` condition."""
        all_rss = self._fresh(all_rss)
        new_rs = self._fresh_one(new_rs)
        new_status = self._calculate_status(all_rss, new_rs, d)
        name = d["metadata"]["name"]
        if not has_progress_deadline(d):
            remove_condition(new_status, "Progressing")
        cur = get_condition(new_status, "Progressing")
        complete = (new_status["replicas"] == new_status["updatedReplicas"] and cur is not None
                    and cur.get("reason") == NEW_RS_AVAILABLE)
        now = self.now_str()
        old_status = d.get("status") or {}
        if has_progress_deadline(d) and not complete:
            subject = f'ReplicaSet "{new_rs["metadata"]["name"]}"' if new_rs else f'Deployment "{name}"'
            if deployment_complete(d, new_status):
                set_condition(new_status, _new_condition("Progressing", "True", NEW_RS_AVAILABLE,
                                                         f"{subject} has successfully progressed.", now))
            elif self._progressing(old_status, new_status):
                cond = _new_condition("Progressing", "True", RS_UPDATED, f"{subject} is progressing.", now)
                if cur is not None:
                    if cur.get("status") == "True":
                        cond["lastTransitionTime"] = cur.get("lastTransitionTime")
                    remove_condition(new_status, "Progressing")
                set_condition(new_status, cond)
            elif self._timed_out(d, new_status):
                set_condition(new_status, _new_condition("Progressing", "False", TIMED_OUT,
                                                         f"{subject} has timed out progressing.", now))
        failures = [c for rs in all_rss for c in (rs.get("status") or {}).get("conditions") or []
                    if c.get("type") == "ReplicaFailure"]
        if failures:
            f = failures[0]
            set_condition(new_status, _new_condition("ReplicaFailure", f.get("status", "True"), f.get("reason", ""),
                                                     f.get("message", ""), now))
        else:
            remove_condition(new_status, "ReplicaFailure")
        new_status = self._omit_zero(new_status)
        if new_status == old_status:
            self._requeue_stuck(d, new_status)
            return
        d["status"] = new_status
        self._update_status(d)
        self._requeue_stuck(d, new_status)

    @staticmethod
    def _progressing(old: dict[str, Any], new: dict[str, Any]) -> bool:
        old_old = int(old.get("replicas") or 0) - int(old.get("updatedReplicas") or 0)
        new_old = int(new.get("replicas") or 0) - int(new.get("updatedReplicas") or 0)
        return (int(new.get("updatedReplicas") or 0) > int(old.get("updatedReplicas") or 0) or new_old < old_old
                or int(new.get("readyReplicas") or 0) > int(old.get("readyReplicas") or 0)
                or int(new.get("availableReplicas") or 0) > int(old.get("availableReplicas") or 0))

    def _timed_out(self, d: dict[str, Any], status: dict[str, Any]) -> bool:
        cond = get_condition(status, "Progressing")
        if cond is None or cond.get("reason") == NEW_RS_AVAILABLE:
            return False
        if cond.get("reason") == TIMED_OUT:
            return True
        since = parse_ts(cond.get("lastUpdateTime")) or 0.0
        return since + int((d.get("spec") or {}).get("progressDeadlineSeconds") or 0) < self.now()

    def _requeue_stuck(self, d: dict[str, Any], status: dict[str, Any]) -> None:
        cond = get_condition(status, "Progressing")
        if (not has_progress_deadline(d) or cond is None or cond.get("reason") in (NEW_RS_AVAILABLE, TIMED_OUT)
                or deployment_complete(d, status)):
            return
        since = parse_ts(cond.get("lastUpdateTime")) or 0.0
        after = since + int((d.get("spec") or {}).get("progressDeadlineSeconds") or 0) + 1 - self.now()
        self.queue.add_after(key_of(d), max(after, 1.0))

    # -- rolling update (rolling.go) ------------------------------------------------------------

    def _rollout_rolling(self, d: dict[str, Any], rs_list: list[dict[str, Any]]) -> None:
        new_rs, old = self._get_all_rs(d, rs_list, True)
        all_rss = [*old] + ([new_rs] if new_rs else [])
        if new_rs is not None:
            scaled, new_rs = self._reconcile_new(all_rss, new_rs, d)
            if scaled:
                self._sync_rollout_status([*old, new_rs], new_rs, d)
                return
        if self._reconcile_old(all_rss, _active(old), new_rs, d):
            self._sync_rollout_status(all_rss, new_rs, d)
            return
        if deployment_complete(d, d.get("status") or {}):
            self._cleanup(old, d)
        self._sync_rollout_status(all_rss, new_rs, d)

    def _reconcile_new(self, all_rss: list[dict[str, Any]], new_rs: dict[str, Any], d: dict[str, Any]) -> tuple[bool, dict[str, Any]]:
        if _replicas(new_rs) == _replicas(d):
            return False, new_rs
        if _replicas(new_rs) > _replicas(d):
            return self._scale_and_record(new_rs, _replicas(d), d)
        others = [rs for rs in all_rss if rs["metadata"]["uid"] != new_rs["metadata"]["uid"]]
        current = sum(_replicas(rs) for rs in others) + _replicas(new_rs)
        max_total = _replicas(d) + max_surge(d)
        if current >= max_total:
            count = _replicas(new_rs)
        else:
            count = min(max_total - current, _replicas(d) - _replicas(new_rs)) + _replicas(new_rs)
        return self._scale_and_record(new_rs, count, d)

    def _reconcile_old(self, all_rss: list[dict[str, Any]], old: list[dict[str, Any]], new_rs: dict[str, Any] | None,
                       d: dict[str, Any]) -> bool:
        old_count = sum(_replicas(rs) for rs in old)
        if old_count == 0:
            return False
        all_count = sum(_replicas(rs) for rs in all_rss)
        min_available = _replicas(d) - max_unavailable(d)
        new_unavailable = _replicas(new_rs) - _st(new_rs, "availableReplicas")
        max_scaled_down = all_count - min_available - new_unavailable
        if max_scaled_down <= 0:
            return False
        old, cleaned = self._cleanup_unhealthy(old, d, max_scaled_down)
        all_rss = old + ([new_rs] if new_rs else [])
        scaled = self._scale_down_old_for_rolling(all_rss, old, d)
        return cleaned + scaled > 0

    def _cleanup_unhealthy(self, old: list[dict[str, Any]], d: dict[str, Any], max_cleanup: int) -> tuple[list[dict[str, Any]], int]:
        old = sorted(old, key=_created)
        total = 0
        out = []
        for rs in old:
            if total >= max_cleanup or _replicas(rs) == 0 or _replicas(rs) == _st(rs, "availableReplicas"):
                out.append(rs)
                continue
            n = min(max_cleanup - total, _replicas(rs) - _st(rs, "availableReplicas"))
            _, rs = self._scale_and_record(rs, _replicas(rs) - n, d)
            total += n
            out.append(rs)
        return out, total

    def _scale_down_old_for_rolling(self, all_rss: list[dict[str, Any]], old: list[dict[str, Any]], d: dict[str, Any]) -> int:
        min_available = _replicas(d) - max_unavailable(d)
        available = sum(_st(rs, "availableReplicas") for rs in all_rss)
        if available <= min_available:
            return 0
        total = available - min_available
        done = 0
        for rs in sorted(old, key=_created):
            if done >= total:
                break
            if _replicas(rs) == 0:
                continue
            n = min(_replicas(rs), total - done)
            self._scale_and_record(rs, _replicas(rs) - n, d)
            done += n
        return done

    # -- recreate (recreate.go) -----------------------------------------------------------------

    def _rollout_recreate(self, d: dict[str, Any], rs_list: list[dict[str, Any]]) -> None:
        new_rs, old = self._get_all_rs(d, rs_list, False)
        all_rss = [*old] + ([new_rs] if new_rs else [])
        scaled = False
        for rs in _active(old):
            s, _ = self._scale_and_record(rs, 0, d)
            scaled = scaled or s
        if scaled:
            self._sync_rollout_status(all_rss, new_rs, d)
            return
        if self._old_pods_running(new_rs, old):
            self._sync_rollout_status(all_rss, new_rs, d)
            return
        if new_rs is None:
            new_rs, old = self._get_all_rs(d, rs_list, True)
            all_rss = [*old] + ([new_rs] if new_rs else [])
        if new_rs is not None:
            _, new_rs = self._scale_and_record(new_rs, _replicas(d), d)
        if deployment_complete(d, d.get("status") or {}):
            self._cleanup(old, d)
        self._sync_rollout_status([*old] + ([new_rs] if new_rs else []), new_rs, d)

    def _old_pods_running(self, new_rs: dict[str, Any] | None, old: list[dict[str, Any]]) -> bool:
        if any(_st(self._fresh_one(rs), "replicas") > 0 for rs in old):
            return True
        ns = (new_rs or (old[0] if old else {"metadata": {}}))["metadata"].get("namespace")
        old_uids = {rs["metadata"]["uid"] for rs in old}
        for p in self.pod_informer.list(ns):
            ref = controller_ref(p)
            if ref is None or ref.get("uid") not in old_uids:
                continue
            if (p.get("status") or {}).get("phase") in ("Failed", "Succeeded"):
                continue
            return True
        return False


# ----------------------------------------------------------------------------------------------
# kubectl rollout helpers
# ----------------------------------------------------------------------------------------------


class RolloutError(Exception):
    """What ``kubectl rollout`` prints as ``error: ...``."""


def _owned_replicasets(api: Any, d: dict[str, Any]) -> list[dict[str, Any]]:
    uid = d["metadata"]["uid"]
    out = []
    for rs in api.list("replicasets", d["metadata"].get("namespace")):
        r = rs.to_dict()
        ref = controller_ref(r)
        if ref is not None and ref.get("uid") == uid:
            out.append(r)
    return out


def rollback(api: Any, name: str, namespace: str = "default", to_revision: int = 0) -> str:
    """``kubectl rollout undo deployment/NAME [--to-revision=N]``: copy the pod template of the
    ReplicaSet of that revision (default: the previous one) into the Deployment. Returns kubectl's
    message (``deployment.apps/NAME rolled back``, or ``... skipped rollback (current template
    already matches revision N)``); raises :class:`RolloutError` with kubectl's error text."""
    d = api.get("deployments", name, namespace).to_dict()
    if (d.get("spec") or {}).get("paused"):
        raise RolloutError('you cannot rollback a paused deployment; resume it first with '
                           "'kubectl rollout resume' and try again")
    rss = _owned_replicasets(api, d)
    history = {_revision(rs): rs for rs in rss if _revision(rs) > 0}
    if to_revision == 0:
        if len(history) < 2:
            raise RolloutError("no rollout history found for deployment " + f'"{name}"')
        revs = sorted(history)
        target = history[revs[-2]]
        to_revision = revs[-2]
    else:
        if to_revision not in history:
            raise RolloutError(f"unable to find specified revision {to_revision} in history")
        target = history[to_revision]
    template = _template_without_hash(target["spec"]["template"])
    if template == _template_without_hash(d["spec"]["template"]):
        return f"deployment.apps/{name} skipped rollback (current template already matches revision {to_revision})"
    ann = {k: v for k, v in ((target["metadata"].get("annotations")) or {}).items() if k not in ANNOTATIONS_TO_SKIP}
    patch: list[dict[str, Any]] = [{"op": "replace", "path": "/spec/template", "value": template}]
    if ann:
        merged = dict((d["metadata"].get("annotations")) or {})
        merged.update(ann)
        patch.append({"op": "replace" if d["metadata"].get("annotations") else "add",
                      "path": "/metadata/annotations", "value": merged})
    api.patch("deployments", name, patch, patch_type="json", namespace=namespace)
    return f"deployment.apps/{name} rolled back"


def rollout_status(api: Any, name: str, namespace: str = "default") -> tuple[str, bool]:
    """``kubectl rollout status``'s one-shot verdict: (message, done). Raises
    :class:`RolloutError` (``deployment "x" exceeded its progress deadline``)."""
    d = api.get("deployments", name, namespace).to_dict()
    st = d.get("status") or {}
    if int(d["metadata"].get("generation") or 0) <= int(st.get("observedGeneration") or 0):
        cond = get_condition(st, "Progressing")
        if cond is not None and cond.get("reason") == TIMED_OUT:
            raise RolloutError(f'deployment "{name}" exceeded its progress deadline')
        want = _replicas(d)
        updated, replicas, available = (int(st.get(k) or 0) for k in ("updatedReplicas", "replicas", "availableReplicas"))
        if updated < want:
            return (f'Waiting for deployment "{name}" rollout to finish: {updated} out of {want} new replicas have been updated...', False)
        if replicas > updated:
            return (f'Waiting for deployment "{name}" rollout to finish: {replicas - updated} old replicas are pending termination...', False)
        if available < updated:
            return (f'Waiting for deployment "{name}" rollout to finish: {available} of {updated} updated replicas are available...', False)
        return f'deployment "{name}" successfully rolled out', True
    return "Waiting for deployment spec update to be observed...", False


def rollout_complete(api: Any, deployment: Any, namespace: str = "default") -> bool:
    """Whether ``kubectl rollout status`` would say ``successfully rolled out`` (``deployment``:
    a name, a model or a dict)."""
    if isinstance(deployment, str):
        name = deployment
    else:
        d = deployment if isinstance(deployment, dict) else deployment.to_dict()
        name = d["metadata"]["name"]
        namespace = d["metadata"].get("namespace") or namespace
    try:
        return rollout_status(api, name, namespace)[1]
    except RolloutError:
        return False
