"""The node heartbeat Lease (``pkg/kubelet/nodelease`` + ``component-helpers/apimachinery/lease``).

Each kubelet keeps a ``coordination.k8s.io/v1`` Lease named after its node in the
``kube-node-lease`` namespace and renews it every ``renewInterval`` (0.25 x
``leaseDurationSeconds`` = 10 s by default). The node lifecycle controller reads
``spec.renewTime`` to decide whether the node is alive, which is why a failed node stops renewing.

As the real controller does, the first sync ``GET``s the lease and creates it when missing (with an
ownerReference to the Node, so deleting the Node collects its Lease); later syncs update the last
lease written (no ``GET``), and on a ``409 Conflict`` fetch it again and retry, at most 5 times.
Renewals here are exact (``renewInterval`` apart): the real controller adds a 4 % jitter.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sandbox.api.base import format_micro_time
from sandbox.errors import Conflict, NotFound, StatusError
from sandbox.kubelet.node_info import (
    NODE_LEASE_DURATION_SECONDS,
    NODE_LEASE_NAMESPACE,
    NODE_LEASE_RENEW_FRACTION,
)

__all__ = ["NodeLeaseController", "MAX_UPDATE_RETRIES"]

#: ``maxUpdateRetries`` of the lease controller.
MAX_UPDATE_RETRIES = 5


class NodeLeaseController:
    """Creates and renews the Lease ``kube-node-lease/<node>`` on the clock.

    Args:
        node_name: the node (and lease, and ``holderIdentity``) name.
        api: the :class:`~sandbox.apiserver.APIServer`.
        clock: the cluster's :class:`~sandbox.clock.Clock`.
        lease_duration_seconds: ``spec.leaseDurationSeconds`` (40).
        renew_interval: seconds between renewals; 0.25 x the duration by default (10 s).
    """

    def __init__(
        self,
        node_name: str,
        api: Any,
        clock: Any,
        lease_duration_seconds: int = NODE_LEASE_DURATION_SECONDS,
        renew_interval: float | None = None,
    ) -> None:
        self.node_name = node_name
        self.api = api
        self.clock = clock
        self.lease_duration_seconds = int(lease_duration_seconds)
        self.renew_interval = (
            float(renew_interval)
            if renew_interval is not None
            else lease_duration_seconds * NODE_LEASE_RENEW_FRACTION
        )
        self.namespace = NODE_LEASE_NAMESPACE
        self._latest: dict[str, Any] | None = None
        self._timer: Any = None
        self._running = False
        #: Errors met while renewing (the kubelet's log lines), newest last.
        self.errors: list[str] = []

    # ------------------------------------------------------------------ lifecycle

    @property
    def running(self) -> bool:
        """Whether renewals are scheduled."""
        return self._running

    def start(self) -> None:
        """Sync the lease now, then every :attr:`renew_interval` seconds."""
        if self._running:
            return
        self._running = True
        self._latest = None
        self._tick()

    def stop(self) -> None:
        """Stop renewing (a failed node): the lease's ``renewTime`` stays where it was."""
        self._running = False
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _tick(self) -> None:
        if not self._running:
            return
        self.sync()
        if self._running:
            self._timer = self.clock.call_later(self.renew_interval, self._tick)

    # ------------------------------------------------------------------ one sync

    def sync(self) -> Any | None:
        """One renewal (``controller.sync``); returns the Lease written, or ``None``."""
        if self._latest is not None:
            lease = self._retry_update(self._latest)
            if lease is not None:
                return lease
        lease, created = self._ensure()
        self._latest = lease
        if lease is not None and not created:
            return self._retry_update(lease)
        return self.api.get("leases", self.node_name, self.namespace) if created else None

    def _now_micro(self) -> str:
        return format_micro_time(datetime.fromtimestamp(self.clock.now(), timezone.utc))

    def _owner_references(self) -> list[dict[str, Any]] | None:
        """``setNodeOwnerFunc``: an ownerReference to the Node (needs its uid)."""
        try:
            node = self.api.get("nodes", self.node_name, None)
        except StatusError as e:
            self.errors.append(f"Failed to get node when trying to set owner ref to the node lease: {e}")
            return None
        return [{"apiVersion": "v1", "kind": "Node", "name": self.node_name, "uid": node.metadata.uid}]

    def _new_lease(self, base: dict[str, Any] | None) -> dict[str, Any] | None:
        if base is None:
            lease: dict[str, Any] = {
                "apiVersion": "coordination.k8s.io/v1",
                "kind": "Lease",
                "metadata": {"name": self.node_name, "namespace": self.namespace},
                "spec": {"holderIdentity": self.node_name},
            }
        else:
            lease = {k: (dict(v) if isinstance(v, dict) else v) for k, v in base.items()}
            lease["metadata"] = dict(base.get("metadata") or {})
            lease["spec"] = dict(base.get("spec") or {})
        lease["spec"]["leaseDurationSeconds"] = self.lease_duration_seconds
        lease["spec"]["renewTime"] = self._now_micro()
        if not lease["metadata"].get("ownerReferences"):
            refs = self._owner_references()
            if refs is None:
                return None if base is None else lease  # an error blocks CREATE, not UPDATE
            lease["metadata"]["ownerReferences"] = refs
        return lease

    def _ensure(self) -> tuple[dict[str, Any] | None, bool]:
        try:
            return self.api.get("leases", self.node_name, self.namespace).to_dict(), False
        except NotFound:
            pass
        except StatusError as e:
            self.errors.append(f"Failed to ensure lease exists, will retry: {e}")
            return None, False
        to_create = self._new_lease(None)
        if to_create is None:
            return None, False
        try:
            return self.api.create(to_create).to_dict(), True
        except StatusError as e:
            self.errors.append(f"Failed to ensure lease exists, will retry: {e}")
            return None, False

    def _retry_update(self, base: dict[str, Any]) -> Any | None:
        for _ in range(MAX_UPDATE_RETRIES):
            lease = self._new_lease(base)
            if lease is None:
                continue
            try:
                updated = self.api.update(lease)
            except Conflict as e:
                self.errors.append(f"Failed to update lease: {e}")
                fresh, _ = self._ensure()
                if fresh is None:
                    return None
                base = fresh
                continue
            except StatusError as e:
                self.errors.append(f"Failed to update lease: {e}")
                self._latest = None
                return None
            self._latest = updated.to_dict()
            return updated
        self.errors.append(f"failed {MAX_UPDATE_RETRIES} attempts to update lease")
        return None
