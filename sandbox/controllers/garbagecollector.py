"""The garbage collector (``pkg/controller/garbagecollector``).

It follows ``metadata.ownerReferences`` across every kind it watches:

* **dangling owners**: an object whose owners are all gone (no object with that uid; a
  recreated owner with the same name but another uid counts as gone) is deleted, with
  ``Background`` propagation unless its own finalizers ask otherwise; an object that still has a
  live owner only loses the references to the gone ones;
* **Background**: deleting an owner removes it at once; its dependents then have a dangling
  owner and are deleted next;
* **Foreground**: the owner keeps ``deletionTimestamp`` and the ``foregroundDeletion`` finalizer;
  the collector deletes its dependents (in the foreground too, if they have dependents of their
  own) and removes the finalizer once no dependent with ``blockOwnerDeletion: true`` is left;
* **Orphan**: the collector removes the owner's reference from each dependent, then the
  ``orphan`` finalizer, so the dependents stay.

The graph is read from shared informers (an index from owner uid to dependents); before deleting
an object for a missing owner the collector checks with a live ``GET``, as the real one does.
"""

from __future__ import annotations

import contextlib
from typing import Any

from sandbox.controllers.base import Controller, InformerFactory, key_of
from sandbox.errors import NotFound, StatusError

__all__ = ["GarbageCollector", "GC_RESOURCES", "FOREGROUND", "ORPHAN"]

FOREGROUND = "foregroundDeletion"
ORPHAN = "orphan"
#: the resources whose objects the collector tracks
GC_RESOURCES = ("pods", "nodes", "configmaps", "secrets", "podtemplates", "leases", "replicasets",
                "deployments", "statefulsets", "daemonsets", "jobs", "cronjobs")


def _owner_uids(obj: dict[str, Any]) -> list[str]:
    return [r["uid"] for r in (obj.get("metadata") or {}).get("ownerReferences") or [] if r.get("uid")]


def _uid(obj: dict[str, Any]) -> list[str]:
    uid = (obj.get("metadata") or {}).get("uid")
    return [uid] if uid else []


class GarbageCollector(Controller):
    """``GarbageCollector``: see the module docstring. Queue items are ``resource|key``."""

    name = "garbage-collector-controller"

    def __init__(self, api: Any, clock: Any, informers: InformerFactory | None = None,
                 resources: tuple[str, ...] = GC_RESOURCES) -> None:
        self.resources = [r for r in resources if self._served(api, r)]
        super().__init__(api, clock, informers)

    @staticmethod
    def _served(api: Any, resource: str) -> bool:
        try:
            api.registry.resolve(resource)
        except Exception:  # noqa: BLE001 - a kind this cluster does not serve
            return False
        return True

    def setup(self) -> None:
        self.infs = {}
        for r in self.resources:
            inf = self.informers.get(r)
            inf.add_index("gc-owner", _owner_uids)
            inf.add_index("gc-uid", _uid)
            inf.add_handlers(lambda o, r=r: self._changed(r, None, o), lambda o, n, r=r: self._changed(r, o, n),
                             lambda o, r=r: self._deleted(r, o))
            self.infs[r] = inf
        self._plural_of: dict[tuple[str, str], tuple[str, bool]] = {}

    # -- graph -----------------------------------------------------------------------------------

    def _resource_for(self, api_version: str, kind: str) -> tuple[str, bool] | None:
        k = (api_version, kind)
        if k not in self._plural_of:
            try:
                ki = self.api.registry.for_kind(api_version, kind)
            except Exception:  # noqa: BLE001
                return None
            self._plural_of[k] = (ki.plural, ki.namespaced)
        return self._plural_of[k]

    def _by_uid(self, uid: str) -> tuple[str, dict[str, Any]] | None:
        for r, inf in self.infs.items():
            found = inf.by_index("gc-uid", uid)
            if found:
                return r, found[0]
        return None

    def dependents(self, uid: str) -> list[tuple[str, dict[str, Any]]]:
        """Objects with an ownerReference to ``uid`` (from the caches)."""
        return [(r, d) for r, inf in self.infs.items() for d in inf.by_index("gc-owner", uid)]

    def _changed(self, resource: str, old: dict[str, Any] | None, obj: dict[str, Any]) -> None:
        meta = obj["metadata"]
        refs = meta.get("ownerReferences")
        if refs and (old is None or old["metadata"].get("ownerReferences") != refs or meta.get("deletionTimestamp")):
            self.queue.add(f"{resource}|{key_of(obj)}")
        fins = meta.get("finalizers") or []
        if meta.get("deletionTimestamp") and (FOREGROUND in fins or ORPHAN in fins):
            self.queue.add(f"owner|{resource}|{key_of(obj)}")
        if old is not None and old["metadata"].get("ownerReferences") and meta.get("deletionTimestamp"):
            self._owners_changed(obj)

    def _owners_changed(self, obj: dict[str, Any]) -> None:
        for ref in obj["metadata"].get("ownerReferences") or []:
            found = self._by_uid(ref.get("uid", ""))
            if found is not None and found[1]["metadata"].get("deletionTimestamp"):
                self.queue.add(f"owner|{found[0]}|{key_of(found[1])}")

    def _deleted(self, resource: str, obj: dict[str, Any]) -> None:
        uid = obj["metadata"].get("uid")
        for r, d in self.dependents(uid):
            self.queue.add(f"{r}|{key_of(d)}")
        self._owners_changed(obj)

    # -- sync ------------------------------------------------------------------------------------

    def sync(self, item: str) -> None:
        if item.startswith("owner|"):
            _, resource, key = item.split("|", 2)
            self._process_deleting_owner(resource, key)
        else:
            resource, key = item.split("|", 1)
            self._attempt_to_delete(resource, key)

    def _owner_state(self, ref: dict[str, Any], ns: str | None) -> str:
        """``solid``, ``dangling`` or ``waiting`` (being deleted in the foreground)."""
        found = self._by_uid(ref.get("uid", ""))
        if found is None:
            rn = self._resource_for(ref.get("apiVersion", ""), ref.get("kind", ""))
            if rn is None:
                return "solid"  # a kind we do not know: leave the dependent alone
            plural, namespaced = rn
            try:
                live = self.api.get(plural, ref.get("name", ""), ns if namespaced else None).to_dict()
            except NotFound:
                return "dangling"
            if live["metadata"].get("uid") != ref.get("uid"):
                return "dangling"
            owner = live
        else:
            owner = found[1]
        meta = owner["metadata"]
        if meta.get("deletionTimestamp") and FOREGROUND in (meta.get("finalizers") or []):
            return "waiting"
        return "solid"

    def _attempt_to_delete(self, resource: str, key: str) -> None:
        obj = self.infs[resource].get(key) if resource in self.infs else None
        if obj is None:
            return
        meta = obj["metadata"]
        refs = meta.get("ownerReferences") or []
        if not refs:
            return
        if meta.get("deletionTimestamp") and not (meta.get("finalizers") or []):
            return
        ns = meta.get("namespace")
        states = [(ref, self._owner_state(ref, ns)) for ref in refs]
        solid = [r for r, s in states if s == "solid"]
        dangling = [r for r, s in states if s == "dangling"]
        waiting = [r for r, s in states if s == "waiting"]
        if solid:
            if dangling or waiting:
                # drop references to dangling owners; unblock waiting owners
                new_refs = []
                for r in refs:
                    if r in dangling:
                        continue
                    if r in waiting and r.get("blockOwnerDeletion"):
                        r = {**r, "blockOwnerDeletion": False}
                    new_refs.append(r)
                self._patch_refs(resource, obj, new_refs)
            return
        if meta.get("deletionTimestamp"):
            return
        fins = meta.get("finalizers") or []
        has_dependents = bool(self.dependents(meta["uid"]))
        if waiting and has_dependents:
            policy = "Foreground"
        elif ORPHAN in fins:
            policy = "Orphan"
        elif FOREGROUND in fins:
            policy = "Foreground"
        else:
            policy = "Background"
        with contextlib.suppress(NotFound):
            self.api.delete(resource, meta["name"], ns, propagation_policy=policy, preconditions={"uid": meta["uid"]})

    def _patch_refs(self, resource: str, obj: dict[str, Any], refs: list[dict[str, Any]]) -> None:
        meta = obj["metadata"]
        with contextlib.suppress(NotFound, StatusError):
            self.api.patch(resource, meta["name"], {"metadata": {"ownerReferences": refs or None, "uid": meta["uid"]}},
                           patch_type="merge", namespace=meta.get("namespace"))

    def _remove_finalizer(self, resource: str, obj: dict[str, Any], finalizer: str) -> None:
        meta = obj["metadata"]
        fins = [f for f in meta.get("finalizers") or [] if f != finalizer]
        with contextlib.suppress(NotFound):
            self.api.patch(resource, meta["name"], {"metadata": {"finalizers": fins or None, "uid": meta["uid"]}},
                           patch_type="merge", namespace=meta.get("namespace"))

    def _process_deleting_owner(self, resource: str, key: str) -> None:
        owner = self.infs[resource].get(key) if resource in self.infs else None
        if owner is None:
            return
        meta = owner["metadata"]
        if not meta.get("deletionTimestamp"):
            return
        fins = meta.get("finalizers") or []
        uid = meta["uid"]
        deps = self.dependents(uid)
        if ORPHAN in fins:
            for r, d in deps:
                refs = [x for x in d["metadata"].get("ownerReferences") or [] if x.get("uid") != uid]
                self._patch_refs(r, d, refs)
            self._remove_finalizer(resource, owner, ORPHAN)
            return
        if FOREGROUND in fins:
            blocking = []
            for r, d in deps:
                ref = next((x for x in d["metadata"].get("ownerReferences") or [] if x.get("uid") == uid), {})
                if ref.get("blockOwnerDeletion"):
                    blocking.append((r, d))
                if not d["metadata"].get("deletionTimestamp"):
                    self.queue.add(f"{r}|{key_of(d)}")
            if not blocking:
                self._remove_finalizer(resource, owner, FOREGROUND)
            else:
                # re-check when the blocking dependents go away (their delete events enqueue us);
                # also poll slowly in case a dependent's update is the only change
                self.queue.add_after(f"owner|{resource}|{key}", 5.0)

