"""``APIServer``: kube-apiserver and etcd in one object.

The store keeps every object as its Kubernetes JSON dict, copy-on-write: a stored dict is never
changed after it is written, so watch events and history can share it, and every caller gets a
fresh model built from it. One cluster-wide counter gives ``resourceVersion`` (as etcd's revision
does); writes are serialized by one ``threading.RLock`` that is never held while a watch handler
runs (handlers are handed to ``clock.call_soon`` in resourceVersion order, after the lock is
released).

Writes follow kube-apiserver's order: decode and default, mutating admission, the kind's
``PrepareForCreate``/``PrepareForUpdate``, validation (``Invalid``), validating admission, then the
store (``AlreadyExists``, ``Conflict``). Any refusal leaves the store as it was.

Warnings from admission plugins (``Warning: ...`` in kubectl) are returned per call: pass
``warnings=[]`` to a write and they are appended to it; ``server.last_warnings`` also holds the
warnings of the calling thread's last write (thread-local, so concurrent callers never see each
other's warnings).
"""

from __future__ import annotations

import contextlib
import random
import threading
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from sandbox.apiserver import strategy
from sandbox.apiserver.admission import (
    CREATE,
    DELETE,
    UPDATE,
    AdmissionChain,
    AdmissionRequest,
    DefaultTolerationSeconds,
    NamespaceLifecycle,
)
from sandbox.apiserver.patch import apply_patch, clone
from sandbox.apiserver.selectors import (
    check_field_selector,
    parse_field_selector,
    parse_label_selector,
)
from sandbox.apiserver.watch import ADDED, DELETED, MODIFIED, Watch, WatchEvent
from sandbox.errors import (
    AlreadyExists,
    BadRequest,
    Conflict,
    Gone,
    Invalid,
    NotFound,
    StatusError,
)

__all__ = ["APIServer", "ObjectList", "INITIAL_NAMESPACES", "HISTORY_SIZE"]

#: Namespaces a fresh cluster has.
INITIAL_NAMESPACES = ("default", "kube-node-lease", "kube-public", "kube-system")
#: Watch events kept for resuming (the watch cache's window).
HISTORY_SIZE = 10_000
#: ``names.SimpleNameGenerator``'s alphabet and suffix length.
NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789"
NAME_SUFFIX_LEN = 5
#: How often a ``generateName`` collision is retried before ``AlreadyExists``.
GENERATE_NAME_RETRIES = 8
#: The garbage collector's finalizers set by ``propagationPolicy``.
FOREGROUND_FINALIZER = "foregroundDeletion"
ORPHAN_FINALIZER = "orphan"


def _json_type(v: Any) -> str:
    """The JSON type Go's decoder names in ``cannot unmarshal X into ...``."""
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, (int, float)):
        return "number"
    if isinstance(v, dict):
        return "object"
    if isinstance(v, list):
        return "array"
    return "string"


def format_timestamp(t: float) -> str:
    """RFC 3339 at second precision, as ``metav1.Time`` serialises."""
    return datetime.fromtimestamp(int(t), timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_timestamp(s: str) -> float:
    return datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).timestamp()


@dataclass
class ObjectList:
    """A list response: ``items`` (fresh models) and the list's ``resourceVersion``."""

    kind: str
    apiVersion: str
    items: list[Any]
    resourceVersion: str
    warnings: list[str] = field(default_factory=list)

    def __iter__(self) -> Iterator[Any]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, i: int) -> Any:
        return self.items[i]

    def to_dict(self) -> dict[str, Any]:
        """The ``<Kind>List`` JSON."""
        return {
            "apiVersion": self.apiVersion,
            "kind": f"{self.kind}List",
            "metadata": {"resourceVersion": self.resourceVersion},
            "items": [i.to_dict() for i in self.items],
        }


@dataclass
class _Info:
    """What the server needs of a registry ``KindInfo``."""

    group: str
    version: str
    kind: str
    plural: str
    namespaced: bool
    model: Any
    subresources: Any

    @property
    def key(self) -> str:
        return f"{self.group}/{self.plural}"

    @property
    def api_version(self) -> str:
        return f"{self.group}/{self.version}" if self.group else self.version


class APIServer:
    """The sandbox's kube-apiserver (with etcd inside). See the module docstring.

    ``clock`` gives ``now()`` (Unix seconds) and ``call_soon(fn, *args)``; ``rng`` (a seeded
    ``random.Random``) makes uids and generated names reproducible.
    """

    def __init__(self, clock: Any, rng: random.Random | None = None, registry: Any = None) -> None:
        if registry is None:
            from sandbox.api.registry import REGISTRY as registry  # noqa: N811
        self.clock = clock
        self.rng = rng if rng is not None else random.Random(0)
        self.registry = registry
        self._lock = threading.RLock()
        self._dispatch_lock = threading.Lock()
        self._rv = 0
        self._store: dict[str, dict[str, dict[str, dict[str, Any]]]] = {}
        self._infos: dict[str, _Info] = {}
        self._history: deque[tuple[int, str, str, dict[str, Any] | None, dict[str, Any]]] = deque()
        self._history_floor = 0
        self.history_size = HISTORY_SIZE
        self._watchers: dict[str, list[Watch]] = {}
        #: Watches selecting one ``spec.nodeName`` (every kubelet's), indexed by node as the watch
        #: cache's pod indexer does, so a pod write is checked against its node's kubelet only.
        self._node_watchers: dict[str, dict[str, list[Watch]]] = {}
        self._outbox: deque[tuple[Callable[[Any], Any], Any]] = deque()
        self._event_lock = threading.Lock()
        self._local = threading.local()
        self._event_keys: dict[tuple[Any, ...], tuple[str, str]] = {}
        self.admission = AdmissionChain([NamespaceLifecycle(self), DefaultTolerationSeconds()])
        for ns in INITIAL_NAMESPACES:
            self.create({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns}})

    # ------------------------------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------------------------------

    @property
    def last_warnings(self) -> list[str]:
        """Warnings of this thread's last write (``Warning: ...`` lines kubectl would print)."""
        return list(getattr(self._local, "warnings", []))

    @property
    def resource_version(self) -> str:
        """The current cluster-wide resourceVersion."""
        return str(self._rv)

    def _info(self, resource: Any) -> _Info:
        """The kind behind ``pods``/``po``/``Pod``/``deployments.apps``... or a ``KindInfo``."""
        if isinstance(resource, _Info):
            return resource
        if isinstance(resource, str):
            cached = self._infos.get(resource)
            if cached is not None:
                return cached
            ki = self.registry.resolve(resource)
        else:
            ki = resource
        info = self._infos.get(f"{ki.group}/{ki.plural}")
        if info is None:
            info = _Info(ki.group, ki.version, ki.kind, ki.plural, ki.namespaced, ki.model,
                         getattr(ki, "subresources", None))
            self._infos[info.key] = info
        if isinstance(resource, str):
            self._infos[resource] = info
        return info

    def _info_for_object(self, obj: Any) -> tuple[_Info, dict[str, Any]]:
        """Decode ``obj`` (model or dict) strictly; return its kind and normalized JSON."""
        if isinstance(obj, dict):
            api_version, kind = obj.get("apiVersion"), obj.get("kind")
            if not kind:
                raise BadRequest("Object 'Kind' is missing in '" + _short_json(obj) + "'")
            if not api_version:
                raise BadRequest("Object 'apiVersion' is missing in '" + _short_json(obj) + "'")
            for field_name, value in (("apiVersion", api_version), ("kind", kind)):
                if not isinstance(value, str):
                    raise BadRequest(
                        "couldn't get version/kind; json parse error: json: cannot unmarshal "
                        f"{_json_type(value)} into Go struct field .{field_name} of type string")
            info = self._info(self.registry.for_kind(api_version, kind))
            return info, info.model.from_dict(obj).to_dict()
        info = self._info(self.registry.for_model(obj))
        d = obj.to_dict()
        d.setdefault("apiVersion", info.api_version)
        d.setdefault("kind", info.kind)
        return info, d

    def _model(self, info: _Info, d: dict[str, Any]) -> Any:
        return info.model.from_dict(d)

    def _ns(self, info: _Info, namespace: str | None) -> str:
        return (namespace or "default") if info.namespaced else ""

    def _raw_get(self, key: str, ns: str, name: str) -> dict[str, Any] | None:
        return self._store.get(key, {}).get(ns, {}).get(name)

    def _next_rv(self) -> int:
        self._rv += 1
        return self._rv

    def _uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def _now(self) -> str:
        return format_timestamp(self.clock.now())

    def _set_warnings(self, warnings: list[str], out: list[str] | None) -> None:
        self._local.warnings = list(warnings)
        if out is not None:
            out.extend(warnings)

    # -- writing and notifying (lock held) -----------------------------------------------------

    def _write(self, info: _Info, typ: str, old: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, Any]:
        """Store (or remove, for DELETED) ``new`` with a fresh resourceVersion; record the event."""
        rv = self._next_rv()
        new["metadata"]["resourceVersion"] = str(rv)
        meta = new["metadata"]
        ns, name = meta.get("namespace", "") if info.namespaced else "", meta["name"]
        bucket = self._store.setdefault(info.key, {})
        if typ == DELETED:
            objs = bucket.get(ns)
            if objs is not None:
                objs.pop(name, None)
                if not objs:
                    del bucket[ns]
        else:
            bucket.setdefault(ns, {})[name] = new
        self._history.append((rv, info.key, typ, old, new))
        while len(self._history) > self.history_size:
            self._history_floor = self._history.popleft()[0]
        for w in self._candidate_watchers(info.key, old, new):
            t = w.translate(typ, old, new)
            if t is not None:
                self._deliver(w, WatchEvent(t, raw=new, factory=info.model.from_dict))
        if typ == DELETED and info.namespaced and ns:
            self._after_namespaced_removal(ns)
        return new

    def _candidate_watchers(self, key: str, old: dict[str, Any] | None, new: dict[str, Any]) -> list[Watch]:
        """The watches that may care about a change: unindexed ones plus those of the old and new node."""
        found = list(self._watchers.get(key, ()))
        by_node = self._node_watchers.get(key)
        if by_node:
            nodes = {((o or {}).get("spec") or {}).get("nodeName") for o in (old, new)}
            for node in nodes:
                if node:
                    found.extend(by_node.get(node, ()))
        return found

    @staticmethod
    def _indexed_node(w: Watch) -> str | None:
        reqs = w.field_selector.requirements
        if len(reqs) == 1 and reqs[0].field == "spec.nodeName" and reqs[0].operator in ("=", "==") and reqs[0].value:
            return reqs[0].value
        return None

    def _deliver(self, w: Watch, ev: WatchEvent) -> None:
        if w.handler is not None:
            if not w.stopped:
                self._outbox.append((w.handler, ev))
        else:
            w._push(ev)

    def _flush(self) -> None:
        """Hand queued handler events to the clock, in resourceVersion order (lock not held)."""
        if not self._outbox:
            return
        with self._dispatch_lock:
            while True:
                try:
                    handler, ev = self._outbox.popleft()
                except IndexError:
                    return
                self.clock.call_soon(handler, ev)

    # ------------------------------------------------------------------------------------------
    # read verbs
    # ------------------------------------------------------------------------------------------

    def get(self, resource: Any, name: str, namespace: str | None = "default") -> Any:
        """Get one object; ``NotFound`` (``pods "x" not found``) if it is not there."""
        info = self._info(resource)
        if not name:
            raise BadRequest("resource name may not be empty")
        ns = self._ns(info, namespace)
        with self._lock:
            d = self._raw_get(info.key, ns, name)
        if d is None:
            raise NotFound.for_resource(info.plural, name, info.group)
        return self._model(info, d)

    def get_dict(self, resource: Any, name: str, namespace: str | None = "default") -> dict[str, Any]:
        """Like :meth:`get`, as a JSON dict (a copy)."""
        info = self._info(resource)
        ns = self._ns(info, namespace)
        with self._lock:
            d = self._raw_get(info.key, ns, name)
        if d is None:
            raise NotFound.for_resource(info.plural, name, info.group)
        return clone(d)

    def list(self, resource: Any, namespace: str | None = None, label_selector: Any = None,
             field_selector: Any = None) -> ObjectList:
        """List objects (``namespace=None``: all namespaces), filtered by selectors."""
        info = self._info(resource)
        lsel = parse_label_selector(label_selector)
        fsel = parse_field_selector(field_selector)
        check_field_selector(info.kind, fsel, info.namespaced)
        with self._lock:
            bucket = self._store.get(info.key, {})
            if info.namespaced and namespace:
                groups = [bucket.get(namespace, {})]
            else:
                groups = [bucket[ns] for ns in sorted(bucket)]
            raw = [objs[n] for objs in groups for n in sorted(objs)]
            rv = str(self._rv)
        probe = Watch(info.key, info.kind, info.namespaced, None, lsel, fsel)
        items = [self._model(info, d) for d in raw if probe.matches(d)]
        return ObjectList(info.kind, info.api_version, items, rv)

    # ------------------------------------------------------------------------------------------
    # create
    # ------------------------------------------------------------------------------------------

    def create(self, obj: Any, namespace: str | None = None, dry_run: bool = False,
               warnings: list[str] | None = None) -> Any:
        """Create ``obj`` (a model or a dict); returns the stored object as a fresh model."""
        info, d = self._info_for_object(obj)
        meta = d.setdefault("metadata", {})
        if info.kind == "Binding":
            # POST pods/binding: {"metadata": {"name": pod}, "target": {"name": node}}
            target = (d.get("target") or {}).get("name") or ""
            return self.bind(meta.get("name") or "", meta.get("namespace") or namespace or "default", target,
                             meta.get("annotations"))
        if info.namespaced:
            obj_ns = meta.get("namespace")
            if namespace and obj_ns and namespace != obj_ns:
                raise BadRequest("the namespace of the provided object does not match the namespace sent on the request")
            meta["namespace"] = obj_ns or namespace or "default"
        else:
            meta.pop("namespace", None)
        if meta.get("resourceVersion"):
            raise BadRequest("resourceVersion should not be set on objects to be created")
        ns = meta.get("namespace", "")
        model = self._model(info, d)
        self._apply_defaults(model)
        req = AdmissionRequest(CREATE, info.plural, info.kind, info.group, info.version, ns or None,
                               meta.get("name") or "", object=model, dry_run=dry_run)
        with self._lock:
            self.admission.admit(req)
            d = req.object.to_dict()
            meta = d.setdefault("metadata", {})
            strategy.prepare_create(info.kind, d, self._now())
            for k in ("deletionTimestamp", "deletionGracePeriodSeconds", "resourceVersion", "managedFields"):
                meta.pop(k, None)
            meta["uid"] = self._uid()
            meta["creationTimestamp"] = self._now()
            generated = not meta.get("name") and bool(meta.get("generateName"))
            if generated:
                meta["name"] = self._generate_name(info, ns, meta["generateName"])
            if info.kind == "Job":
                strategy.generate_job_selector(d)
            model = self._model(info, d)
            if info.kind == "Pod":
                from sandbox.api.defaults import compute_qos_class

                model.status.qosClass = compute_qos_class(model)
                d = model.to_dict()
            self._validate_create(info, model, d)
            req.object = model
            req.name = d["metadata"]["name"]
            self.admission.validate(req)
            d = model.to_dict()
            name = d["metadata"]["name"]
            tries = 0
            while self._raw_get(info.key, ns, name) is not None:
                if not generated or tries >= GENERATE_NAME_RETRIES:
                    raise AlreadyExists.for_resource(info.plural, name, info.group)
                tries += 1
                name = self._generate_name(info, ns, d["metadata"]["generateName"])
                d["metadata"]["name"] = name
            if dry_run:
                self._set_warnings(req.warnings, warnings)
                return self._model(info, d)
            stored = self._write(info, ADDED, None, d)
        self._flush()
        self._set_warnings(req.warnings, warnings)
        return self._model(info, stored)

    def _generate_name(self, info: _Info, ns: str, prefix: str) -> str:
        # names.SimpleNameGenerator: cut the prefix to leave room for the suffix (63 - 5 = 58).
        if len(prefix) > 58:
            prefix = prefix[:58]
        suffix = "".join(self.rng.choice(NAME_ALPHABET) for _ in range(NAME_SUFFIX_LEN))
        return prefix + suffix

    def _apply_defaults(self, model: Any) -> None:
        from sandbox.api.defaults import apply_defaults

        apply_defaults(model)

    def _validate_create(self, info: _Info, model: Any, d: dict[str, Any]) -> None:
        from sandbox.api.field import required
        from sandbox.api.validation import validate_create

        errs = list(validate_create(model))
        name = d["metadata"].get("name") or ""
        if not name and not any(e.field == "metadata.name" for e in errs):
            errs.insert(0, required("metadata.name", "name or generateName is required"))
        if errs:
            raise Invalid.for_kind(info.kind, name, errs, info.group)

    # ------------------------------------------------------------------------------------------
    # update, patch, subresources
    # ------------------------------------------------------------------------------------------

    def update(self, obj: Any, subresource: str | None = None, namespace: str | None = None,
               dry_run: bool = False, warnings: list[str] | None = None) -> Any:
        """Replace an object (``PUT``). ``subresource``: ``status`` or ``ephemeralcontainers``.

        With ``metadata.resourceVersion`` set the update is conditional (``Conflict`` if the
        stored object changed since); without, it is unconditional.
        """
        info, d = self._info_for_object(obj)
        meta = d.get("metadata") or {}
        name = meta.get("name") or ""
        if not name:
            raise BadRequest("resource name may not be empty")
        ns = self._ns(info, meta.get("namespace") or namespace)
        if info.namespaced:
            d["metadata"]["namespace"] = ns
        want_rv = meta.get("resourceVersion") or None
        return self._update(info, ns, name, lambda old: d, subresource, want_rv, dry_run, warnings)

    def patch(self, resource: Any, name: str, patch: Any, patch_type: str = "strategic",
              namespace: str | None = "default", subresource: str | None = None,
              dry_run: bool = False, warnings: list[str] | None = None) -> Any:
        """Patch an object: ``patch_type`` ``strategic`` (kubectl's default), ``merge`` or ``json``."""
        info = self._info(resource)
        if not name:
            raise BadRequest("resource name may not be empty")
        ns = self._ns(info, namespace)

        def fn(old: dict[str, Any]) -> dict[str, Any]:
            patched = apply_patch(old, patch, patch_type)
            if not isinstance(patched, dict):
                raise BadRequest("the patched object is not a JSON object")
            pm = patched.setdefault("metadata", {})
            if not isinstance(pm, dict):  # decoding the object refuses it, in Go's words
                return info.model.from_dict(patched).to_dict()
            # the patch may not move the object
            if pm.get("name") != name:
                raise BadRequest(f'the name of the object ({pm.get("name")}) does not match the name on the URL ({name})')
            if info.namespaced:
                pm["namespace"] = ns
            return info.model.from_dict(patched).to_dict()

        return self._update(info, ns, name, fn, subresource, None, dry_run, warnings, patching=True)

    def _update(self, info: _Info, ns: str, name: str, make_new: Callable[[dict[str, Any]], dict[str, Any]],
                subresource: str | None, want_rv: str | None, dry_run: bool,
                warnings: list[str] | None, patching: bool = False) -> Any:
        if subresource not in (None, "status", "ephemeralcontainers"):
            raise NotFound(f'the server could not find the requested resource ({subresource})')
        if (subresource == "ephemeralcontainers" and info.kind != "Pod") or (
            subresource == "status" and not strategy.has_status_subresource(info.kind, info.subresources)
        ):
            raise NotFound("the server could not find the requested resource")
        while True:
            with self._lock:
                old = self._raw_get(info.key, ns, name)
            if old is None:
                raise NotFound.for_resource(info.plural, name, info.group)
            old_rv = old["metadata"]["resourceVersion"]
            new = clone(make_new(old))
            if patching:
                want_rv = (new.get("metadata") or {}).get("resourceVersion") or None
                if want_rv == old_rv:
                    want_rv = None  # the patch did not touch resourceVersion: unconditional
            if want_rv is not None and want_rv != old_rv:
                raise Conflict.for_resource(info.plural, name, group=info.group)
            result, req = self._prepare_update(info, old, new, subresource, dry_run)
            with self._lock:
                current = self._raw_get(info.key, ns, name)
                if current is None:
                    raise NotFound.for_resource(info.plural, name, info.group)
                if current["metadata"]["resourceVersion"] != old_rv:
                    if want_rv is not None:
                        raise Conflict.for_resource(info.plural, name, group=info.group)
                    continue  # GuaranteedUpdate: retry on the newer object
                if dry_run:
                    break
                result["metadata"]["resourceVersion"] = old_rv
                if result == old:
                    stored = old  # no-op: etcd writes nothing, no event
                elif self._should_delete_during_update(result, old):
                    stored = self._write(info, DELETED, old, result)
                else:
                    stored = self._write(info, MODIFIED, old, result)
            self._flush()
            self._set_warnings(req.warnings, warnings)
            return self._model(info, stored)
        self._set_warnings(req.warnings, warnings)
        return self._model(info, result)

    @staticmethod
    def _should_delete_during_update(new: dict[str, Any], old: dict[str, Any]) -> bool:
        meta, ometa = new["metadata"], old["metadata"]
        return (
            bool(meta.get("deletionTimestamp"))
            and not meta.get("finalizers")
            and ometa.get("deletionGracePeriodSeconds") == 0
        )

    def _prepare_update(self, info: _Info, old: dict[str, Any], new: dict[str, Any],
                        subresource: str | None, dry_run: bool) -> tuple[dict[str, Any], AdmissionRequest]:
        from sandbox.api.field import forbidden, invalid

        errs = []
        nmeta = new.setdefault("metadata", {})
        ometa = old["metadata"]
        if nmeta.get("uid") and nmeta["uid"] != ometa.get("uid"):
            errs.append(invalid("metadata.uid", nmeta["uid"], "field is immutable"))
        if info.namespaced and nmeta.get("namespace") != ometa.get("namespace"):
            errs.append(invalid("metadata.namespace", nmeta.get("namespace", ""), "field is immutable"))
        if subresource == "status":
            result = strategy.prepare_status_update(info.kind, new, old)
        elif subresource == "ephemeralcontainers":
            result = strategy.prepare_ephemeral_update(new, old)
            # the decoder defaults the whole Pod, so new ephemeral containers get their defaults
            model = self._model(info, result)
            self._apply_defaults(model)
            result = model.to_dict()
        else:
            result = new
            # system fields come from the stored object (rest.BeforeUpdate)
            rmeta = result["metadata"]
            for k in ("uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation"):
                if k in ometa and (k != "uid" or not rmeta.get("uid")):
                    rmeta[k] = ometa[k]
                elif k != "uid":
                    rmeta.pop(k, None)
            rmeta.pop("managedFields", None)
            if ometa.get("deletionTimestamp"):
                added = [f for f in rmeta.get("finalizers") or [] if f not in (ometa.get("finalizers") or [])]
                if added:
                    errs.append(forbidden(
                        "metadata.finalizers",
                        "no new finalizers can be added if the object is being deleted, found new finalizers "
                        + "[]string{" + ", ".join(f'"{f}"' for f in added) + "}",
                    ))
            model = self._model(info, result)
            self._apply_defaults(model)
            result = model.to_dict()
            result["metadata"].pop("resourceVersion", None)
            strategy.prepare_update(info.kind, result, old, strategy.has_status_subresource(info.kind, info.subresources))
        # an unconditional update is validated as if it carried the stored resourceVersion
        result["metadata"]["resourceVersion"] = ometa["resourceVersion"]
        new_model = self._model(info, result)
        old_model = self._model(info, old)
        req = AdmissionRequest(UPDATE, info.plural, info.kind, info.group, info.version,
                               ometa.get("namespace"), ometa["name"], object=new_model,
                               old_object=old_model, subresource=subresource, dry_run=dry_run)
        with self._lock:
            self.admission.admit(req)
        new_model = req.object
        from sandbox.api import validation

        if subresource == "status":
            errs += validation.validate_status_update(new_model, old_model)
        elif subresource == "ephemeralcontainers" and hasattr(validation, "validate_ephemeral_containers_update"):
            errs += validation.validate_ephemeral_containers_update(new_model, old_model)
        else:
            errs += validation.validate_update(new_model, old_model)
        if errs:
            raise Invalid.for_kind(info.kind, ometa["name"], errs, info.group)
        with self._lock:
            self.admission.validate(req)
        result = new_model.to_dict()
        return result, req

    def bind(self, pod_name: str, namespace: str, node_name: str,
             annotations: dict[str, str] | None = None) -> Any:
        """``pods/binding``: set ``spec.nodeName`` (and PodScheduled=True) on an unbound pod."""
        info = self._info("pods")
        with self._lock:
            old = self._raw_get(info.key, namespace, pod_name)
            if old is None:
                raise NotFound.for_resource("pods", pod_name)
            if old["metadata"].get("deletionTimestamp"):
                raise Conflict.for_resource("pods/binding", pod_name, f"pod {pod_name} is being deleted, cannot be assigned to a host")
            current = (old.get("spec") or {}).get("nodeName") or ""
            if current:
                raise Conflict.for_resource("pods/binding", pod_name, f'pod {pod_name} is already assigned to node "{current}"')
            new = clone(old)
            new["spec"]["nodeName"] = node_name
            if annotations:
                new["metadata"].setdefault("annotations", {}).update(annotations)
            status = new.setdefault("status", {})
            conds = status.setdefault("conditions", [])
            cond = next((c for c in conds if c.get("type") == "PodScheduled"), None)
            if cond is None:
                conds.append({"type": "PodScheduled", "status": "True", "lastTransitionTime": self._now()})
            elif cond.get("status") != "True":
                cond.clear()
                cond.update({"type": "PodScheduled", "status": "True", "lastTransitionTime": self._now()})
            stored = self._write(info, MODIFIED, old, new)
        self._flush()
        return self._model(info, stored)

    # ------------------------------------------------------------------------------------------
    # delete
    # ------------------------------------------------------------------------------------------

    def delete(self, resource: Any, name: str, namespace: str | None = "default",
               grace_period_seconds: int | None = None, propagation_policy: str | None = None,
               preconditions: dict[str, str] | None = None, dry_run: bool = False,
               warnings: list[str] | None = None) -> Any:
        """Delete an object, as ``genericregistry.Store.Delete`` does.

        Pods are deleted gracefully (``deletionTimestamp = now + grace``) when bound; objects with
        finalizers get ``deletionTimestamp`` and stay until the finalizers are removed.
        Returns the object as it is after the call (gone or still terminating).
        """
        info = self._info(resource)
        if not name:
            raise BadRequest("resource name may not be empty")
        if propagation_policy not in (None, "Orphan", "Foreground", "Background"):
            raise Invalid(
                f'DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "{propagation_policy}": '
                'supported values: "Foreground", "Background", "Orphan", "nil"'
            )
        ns = self._ns(info, namespace)
        with self._lock:
            old = self._raw_get(info.key, ns, name)
            if old is None:
                raise NotFound.for_resource(info.plural, name, info.group)
            ometa = old["metadata"]
            if preconditions:
                want_uid = preconditions.get("uid")
                want_rv = preconditions.get("resourceVersion")
                if want_uid is not None and want_uid != ometa.get("uid"):
                    raise Conflict.for_resource(info.kind, name, (
                        f"the UID in the precondition ({want_uid}) does not match the UID in record "
                        f"({ometa.get('uid')}). The object might have been deleted and then recreated"), info.group)
                if want_rv is not None and want_rv != ometa.get("resourceVersion"):
                    raise Conflict.for_resource(info.kind, name, (
                        f"the ResourceVersion in the precondition ({want_rv}) does not match the "
                        f"ResourceVersion in record ({ometa.get('resourceVersion')}). The object might have been modified"),
                        info.group)
            req = AdmissionRequest(DELETE, info.plural, info.kind, info.group, info.version, ns or None, name,
                                   old_object=self._model(info, old), dry_run=dry_run,
                                   options={"gracePeriodSeconds": grace_period_seconds, "propagationPolicy": propagation_policy})
            self.admission.admit(req)
            self.admission.validate(req)
            if info.kind == "Namespace":
                stored, gone = self._delete_namespace(info, old, dry_run)
            else:
                stored, gone = self._delete_object(info, old, grace_period_seconds, propagation_policy, dry_run)
        self._flush()
        self._set_warnings(req.warnings, warnings)
        return self._model(info, stored)

    def _delete_object(self, info: _Info, old: dict[str, Any], grace: int | None,
                       policy: str | None, dry_run: bool) -> tuple[dict[str, Any], bool]:
        new = clone(old)
        meta = new["metadata"]
        now = self.clock.now()
        graceful = False
        period = 0
        if grace is not None and grace < 0:
            grace = 1
        if meta.get("deletionTimestamp"):
            dgps = meta.get("deletionGracePeriodSeconds")
            if dgps:
                if grace is None or grace >= dgps:
                    return old, False  # graceful deletion pending: nothing to do
                ts = parse_timestamp(meta["deletionTimestamp"]) - dgps + grace
                meta["deletionTimestamp"] = format_timestamp(ts)
                meta["deletionGracePeriodSeconds"] = grace
                graceful, period = True, grace
        else:
            p = strategy.graceful_delete_period(info.kind, old, grace)
            if p is not None:
                graceful, period = True, p
                meta["deletionTimestamp"] = format_timestamp(now + p)
                meta["deletionGracePeriodSeconds"] = p
                if meta.get("generation"):
                    meta["generation"] += 1
        finalizers = list(meta.get("finalizers") or [])
        if policy == "Orphan":
            finalizers = [f for f in finalizers if f != FOREGROUND_FINALIZER]
            if ORPHAN_FINALIZER not in finalizers:
                finalizers.append(ORPHAN_FINALIZER)
        elif policy == "Foreground":
            finalizers = [f for f in finalizers if f != ORPHAN_FINALIZER]
            if FOREGROUND_FINALIZER not in finalizers:
                finalizers.append(FOREGROUND_FINALIZER)
        elif policy == "Background":
            finalizers = [f for f in finalizers if f not in (ORPHAN_FINALIZER, FOREGROUND_FINALIZER)]
        if finalizers:
            meta["finalizers"] = finalizers
        else:
            meta.pop("finalizers", None)
        if finalizers and not graceful:
            if not meta.get("deletionTimestamp"):
                meta["deletionTimestamp"] = format_timestamp(now)
                if meta.get("generation"):
                    meta["generation"] += 1
            meta["deletionGracePeriodSeconds"] = 0
        delete_now = not finalizers and not (graceful and period > 0)
        if dry_run:
            return new, delete_now
        if delete_now:
            return self._write(info, DELETED, old, new), True
        if new == old:
            return old, False
        return self._write(info, MODIFIED, old, new), False

    def _delete_namespace(self, info: _Info, old: dict[str, Any], dry_run: bool) -> tuple[dict[str, Any], bool]:
        new = clone(old)
        meta = new["metadata"]
        if meta.get("deletionTimestamp") and not (new.get("spec") or {}).get("finalizers"):
            if dry_run:
                return new, True
            return self._write(info, DELETED, old, new), True
        if meta.get("deletionTimestamp"):
            return old, False
        meta["deletionTimestamp"] = self._now()
        meta["deletionGracePeriodSeconds"] = 0
        new.setdefault("status", {})["phase"] = "Terminating"
        if dry_run:
            return new, False
        stored = self._write(info, MODIFIED, old, new)
        # the namespace controller runs later, through the clock (as a controller would)
        self._outbox.append((self._namespace_controller, meta["name"]))
        return stored, False

    def _namespace_controller(self, name: str) -> None:
        """The namespace controller: delete everything in a terminating namespace, then it."""
        with self._lock:
            keys = [k for k, bucket in self._store.items() if bucket.get(name)]
            victims = []
            for k in keys:
                info = self._info_by_key(k)
                if info is None or info.kind == "Namespace":
                    continue
                for obj_name in sorted(self._store[k].get(name, {})):
                    victims.append((info, obj_name))
        for info, obj_name in victims:
            with contextlib.suppress(NotFound):
                self.delete(info, obj_name, namespace=name)
        with self._lock:
            self._after_namespaced_removal(name)
        self._flush()

    def _info_by_key(self, key: str) -> _Info | None:
        for info in self._infos.values():
            if info.key == key:
                return info
        return None

    def _after_namespaced_removal(self, ns: str) -> None:
        """Finalize a terminating namespace once it is empty (lock held)."""
        ns_info = self._info("namespaces")
        nsobj = self._raw_get(ns_info.key, "", ns)
        if nsobj is None or not nsobj["metadata"].get("deletionTimestamp"):
            return
        for k, bucket in self._store.items():
            if k != ns_info.key and bucket.get(ns):
                return
        final = clone(nsobj)
        final.setdefault("spec", {}).pop("finalizers", None)
        if not final["spec"]:
            final.pop("spec")
        self._write(ns_info, DELETED, nsobj, final)

    # ------------------------------------------------------------------------------------------
    # watch
    # ------------------------------------------------------------------------------------------

    def watch(self, resource: Any, namespace: str | None = None, label_selector: Any = None,
              field_selector: Any = None, resource_version: str | int | None = None,
              handler: Callable[[WatchEvent], Any] | None = None) -> Watch:
        """Watch a resource. Without ``resource_version`` (or ``"0"``) the watch starts with a
        synthetic ``ADDED`` for each matching object; with ``"N"`` it replays every change after
        N (``Gone``: ``too old resource version: N (M)`` if N is older than the kept history).
        With ``handler`` each event is passed to ``clock.call_soon(handler, event)``.
        """
        info = self._info(resource)
        lsel = parse_label_selector(label_selector)
        fsel = parse_field_selector(field_selector)
        check_field_selector(info.kind, fsel, info.namespaced)
        w = Watch(info.key, info.kind, info.namespaced, namespace if info.namespaced else None, lsel, fsel,
                  handler=handler, on_stop=self._remove_watch)
        rv = str(resource_version) if resource_version is not None else ""
        with self._lock:
            if rv in ("", "0"):
                bucket = self._store.get(info.key, {})
                nss = [namespace] if (info.namespaced and namespace) else sorted(bucket)
                for ns in nss:
                    objs = bucket.get(ns, {})
                    for n in sorted(objs):
                        if w.matches(objs[n]):
                            self._deliver(w, WatchEvent(ADDED, raw=objs[n], factory=info.model.from_dict))
            else:
                try:
                    since = int(rv)
                except ValueError:
                    raise BadRequest(f'invalid resource version: "{rv}"') from None
                if since < self._history_floor:
                    raise Gone(f"too old resource version: {since} ({self._history_floor})")
                for erv, key, typ, old, new in self._history:
                    if erv <= since or key != info.key:
                        continue
                    t = w.translate(typ, old, new)
                    if t is not None:
                        self._deliver(w, WatchEvent(t, raw=new, factory=info.model.from_dict))
            node = self._indexed_node(w) if info.kind == "Pod" else None
            if node is not None:
                self._node_watchers.setdefault(info.key, {}).setdefault(node, []).append(w)
            else:
                self._watchers.setdefault(info.key, []).append(w)
        self._flush()
        return w

    def _remove_watch(self, w: Watch) -> None:
        with self._lock:
            lst = self._watchers.get(w.key)
            if lst and w in lst:
                lst.remove(w)
            node = self._indexed_node(w)
            if node is not None:
                by_node = self._node_watchers.get(w.key, {}).get(node)
                if by_node and w in by_node:
                    by_node.remove(w)

    # ------------------------------------------------------------------------------------------
    # events
    # ------------------------------------------------------------------------------------------

    def record_event(self, involved_object: Any, type: str, reason: str, message: str,
                     source_component: str, source_host: str | None = None,
                     field_path: str | None = None) -> Any:
        """Record a core/v1 Event about ``involved_object`` as client-go's recorder does.

        The event is named ``<object name>.<hex nanoseconds>`` in the object's namespace
        (``default`` for cluster-scoped objects). An identical event (same object and field path,
        type, reason, message and source) is not duplicated: its ``count`` goes up and ``lastTimestamp`` moves.
        Returns the Event, or ``None`` if it could not be written (e.g. a terminating namespace).
        """
        ref = self._object_reference(involved_object)
        if field_path:
            ref["fieldPath"] = field_path  # e.g. spec.containers{nginx}, as the kubelet refers to a container
        ns = ref.get("namespace") or "default"
        now = self.clock.now()
        ts = format_timestamp(now)
        key = (ref.get("kind"), ref.get("namespace"), ref.get("name"), ref.get("uid"), ref.get("apiVersion"),
               ref.get("fieldPath"), type, reason, message, source_component, source_host or "")
        events_key = self._info("events").key
        try:
            with self._event_lock:
                existing = self._event_keys.get(key)
                if existing is not None:
                    ens, ename = existing
                    with self._lock:
                        cur = self._raw_get(events_key, ens, ename)
                    if cur is not None:
                        return self.patch("events", ename, {"count": (cur.get("count") or 1) + 1, "lastTimestamp": ts},
                                          patch_type="merge", namespace=ens)
                source: dict[str, str] = {"component": source_component}
                if source_host:
                    source["host"] = source_host
                base = ref.get("name") or "event"
                nanos = int(now * 1e9)
                while True:
                    name = f"{base}.{nanos:x}"
                    if self._raw_get(events_key, ns, name) is None:
                        break
                    nanos += 1
                ev = {
                    "apiVersion": "v1",
                    "kind": "Event",
                    "metadata": {"name": name, "namespace": ns},
                    "involvedObject": ref,
                    "reason": reason,
                    "message": message,
                    "source": source,
                    "firstTimestamp": ts,
                    "lastTimestamp": ts,
                    "count": 1,
                    "type": type,
                    "reportingComponent": source_component,
                    "reportingInstance": source_host or "",
                }
                if not source_host:
                    del ev["reportingInstance"]
                created = self.create(ev)
                self._event_keys[key] = (ns, name)
                return created
        except StatusError:
            return None

    def _object_reference(self, obj: Any) -> dict[str, str]:
        if isinstance(obj, dict) and "metadata" not in obj:
            return {k: v for k, v in obj.items() if v}
        d = obj if isinstance(obj, dict) else obj.to_dict()
        meta = d.get("metadata") or {}
        ref = {
            "kind": d.get("kind", ""),
            "namespace": meta.get("namespace", ""),
            "name": meta.get("name", ""),
            "uid": meta.get("uid", ""),
            "apiVersion": d.get("apiVersion", ""),
            "resourceVersion": meta.get("resourceVersion", ""),
        }
        return {k: v for k, v in ref.items() if v}


def _short_json(obj: Any) -> str:
    import json

    try:
        return json.dumps(obj, separators=(",", ":"), sort_keys=True)
    except (TypeError, ValueError):
        return str(obj)
