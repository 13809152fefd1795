"""The pod garbage collector (``pkg/controller/podgc``).

Every 20 s (``gcCheckPeriod``) it force-deletes (grace period 0):

* pods bound to a node that no longer exists (checked again after a 40 s quarantine): first
  ``phase: Failed`` and the ``DisruptionTarget`` condition (``DeletionByPodGC``, ``PodGC: node no
  longer exists``);
* pods being deleted that were never scheduled;
* pods being deleted on a node that is not Ready and carries the
  ``node.kubernetes.io/out-of-service`` taint.

It does not touch a pod stuck ``Terminating`` on a node that is merely unreachable: as on a real
cluster, such a pod stays until the node returns or its Node object is deleted.
"""

from __future__ import annotations

import contextlib
from typing import Any

from sandbox.controllers.base import Controller, InformerFactory, clone
from sandbox.errors import NotFound, StatusError

__all__ = ["PodGCController", "GC_CHECK_PERIOD", "QUARANTINE", "OUT_OF_SERVICE_TAINT"]

GC_CHECK_PERIOD = 20.0
QUARANTINE = 40.0
OUT_OF_SERVICE_TAINT = "node.kubernetes.io/out-of-service"


class PodGCController(Controller):
    """``PodGCController``: see the module docstring."""

    name = "pod-garbage-collector"

    def __init__(self, api: Any, clock: Any, informers: InformerFactory | None = None,
                 gc_check_period: float = GC_CHECK_PERIOD, quarantine: float = QUARANTINE) -> None:
        self.period = gc_check_period
        self.quarantine = quarantine
        self._timer: Any = None
        #: node name -> when it was first found missing
        self._missing: dict[str, float] = {}
        super().__init__(api, clock, informers)

    def setup(self) -> None:
        self.pod_informer = self.informers.get("pods")
        self.node_informer = self.informers.get("nodes")

    def start(self) -> None:
        super().start()
        if self._timer is None:
            self._timer = self.clock.call_later(self.period, self._gc)

    def stop(self) -> None:
        super().stop()
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def sync(self, key: str) -> None:
        """Not queue-driven: see :meth:`_gc`."""

    def _gc(self) -> None:
        self._timer = None
        if not self.started:
            return
        try:
            self.gc()
        finally:
            self._timer = self.clock.call_later(self.period, self._gc)

    def gc(self) -> None:
        """One pass of ``gc``: orphaned, unscheduled-terminating and out-of-service pods."""
        now = self.now()
        missing_now: set[str] = set()
        for pod in self.pod_informer.list():
            meta, spec = pod["metadata"], pod.get("spec") or {}
            node_name = spec.get("nodeName")
            if not node_name:
                if meta.get("deletionTimestamp"):
                    self._force_delete(pod)
                continue
            node = self.node_informer.get(node_name)
            if node is None:
                missing_now.add(node_name)
                first = self._missing.setdefault(node_name, now)
                if now - first < self.quarantine:
                    continue
                try:  # check with a live GET, as the real controller does after quarantine
                    self.api.get("nodes", node_name, None)
                    continue
                except NotFound:
                    pass
                self._fail_and_delete(pod, "DeletionByPodGC", "PodGC: node no longer exists")
                continue
            if meta.get("deletionTimestamp") and self._out_of_service(node):
                self._fail_and_delete(pod, "DeletionByPodGC", "PodGC: node is out of service")
        for n in list(self._missing):
            if n not in missing_now:
                del self._missing[n]

    @staticmethod
    def _out_of_service(node: dict[str, Any]) -> bool:
        ready = next((c for c in (node.get("status") or {}).get("conditions") or [] if c.get("type") == "Ready"), {})
        if ready.get("status") == "True":
            return False
        return any(t.get("key") == OUT_OF_SERVICE_TAINT for t in (node.get("spec") or {}).get("taints") or [])

    def _fail_and_delete(self, pod: dict[str, Any], reason: str, message: str) -> None:
        obj = clone(pod)
        st = obj.setdefault("status", {})
        if st.get("phase") not in ("Succeeded", "Failed"):
            st["phase"] = "Failed"
            conds = [c for c in st.get("conditions") or [] if c.get("type") != "DisruptionTarget"]
            conds.append({"type": "DisruptionTarget", "status": "True", "reason": reason, "message": message,
                          "lastTransitionTime": self.now_str()})
            st["conditions"] = conds
            obj["metadata"].pop("resourceVersion", None)
            with contextlib.suppress(StatusError):
                self.api.update(obj, subresource="status")
        self._force_delete(pod)

    def _force_delete(self, pod: dict[str, Any]) -> None:
        meta = pod["metadata"]
        with contextlib.suppress(StatusError):
            self.api.delete("pods", meta["name"], meta.get("namespace"), grace_period_seconds=0,
                            preconditions={"uid": meta["uid"]})
