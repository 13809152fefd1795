"""The ServiceAccount controller (``pkg/controller/serviceaccount/serviceaccounts_controller.go``).

Every active namespace has a ServiceAccount named ``default``: it is created when the namespace
appears and again whenever someone deletes it. Terminating namespaces are left alone.
"""

from __future__ import annotations

from typing import Any

from sandbox.controllers.base import Controller
from sandbox.errors import AlreadyExists, Forbidden, NotFound

__all__ = ["ServiceAccountsController", "MANAGED_SERVICE_ACCOUNTS"]

#: ``--service-account-...``: the accounts ensured in every namespace.
MANAGED_SERVICE_ACCOUNTS = ("default",)


class ServiceAccountsController(Controller):
    """Ensures :data:`MANAGED_SERVICE_ACCOUNTS` exist in every active namespace."""

    name = "service-account-controller"

    def setup(self) -> None:
        self.ns_informer = self.informers.get("namespaces")
        self.sa_informer = self.informers.get("serviceaccounts")
        self.ns_informer.add_handlers(on_add=self._ns_changed, on_update=lambda old, new: self._ns_changed(new))
        self.sa_informer.add_handlers(on_delete=self._sa_deleted)

    def _ns_changed(self, ns: dict[str, Any]) -> None:
        self.queue.add(ns["metadata"]["name"])

    def _sa_deleted(self, sa: dict[str, Any]) -> None:
        meta = sa["metadata"]
        if meta.get("name") in MANAGED_SERVICE_ACCOUNTS:
            self.queue.add(meta.get("namespace") or "")

    def sync(self, key: str) -> None:
        """``syncNamespace``: create the missing managed accounts of namespace ``key``."""
        ns = self.ns_informer.get(key)
        if ns is None or (ns.get("status") or {}).get("phase") != "Active" or ns["metadata"].get("deletionTimestamp"):
            return
        for name in MANAGED_SERVICE_ACCOUNTS:
            if self.sa_informer.get(f"{key}/{name}") is not None:
                continue
            try:
                self.api.create({"apiVersion": "v1", "kind": "ServiceAccount",
                                 "metadata": {"name": name, "namespace": key}})
            except (AlreadyExists, NotFound):
                pass
            except Forbidden:
                pass  # the namespace started terminating meanwhile
