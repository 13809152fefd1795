"""The kind registry: API discovery and kubectl's RESTMapper in one table.

Each :class:`KindInfo` says what ``kubectl api-resources`` says about a resource: its group and
version, kind, plural, singular, short names, whether it is namespaced, its model class and its
subresources. :data:`REGISTRY` knows every kind the sandbox serves; :meth:`Registry.resolve`
accepts every spelling kubectl accepts::

    >>> REGISTRY.resolve("po").kind, REGISTRY.resolve("deployments.apps").kind
    ('Pod', 'Deployment')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sandbox.api import apps, batch, coordination, core
from sandbox.api.base import KubeObject
from sandbox.errors import NotFound

__all__ = [
    "KindInfo",
    "Registry",
    "REGISTRY",
    "NoKindMatchError",
    "UnknownResourceError",
    "split_api_version",
]


class NoKindMatchError(NotFound, LookupError):
    """``no matches for kind "Podd" in version "v1"`` (the RESTMapper's ``NoKindMatchError``).

    A ``NotFound`` (404), as kube-apiserver answers for a kind it does not serve.
    """

    def __init__(self, kind: str, api_version: str) -> None:
        self.kind = kind
        self.api_version = api_version
        super().__init__(f'no matches for kind "{kind}" in version "{api_version}"')


class UnknownResourceError(NotFound, LookupError):
    """``the server doesn't have a resource type "podz"`` (what kubectl says).

    A ``NotFound`` (404), as kube-apiserver answers for a resource it does not serve.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f'the server doesn\'t have a resource type "{name}"')


def split_api_version(api_version: str) -> tuple[str, str]:
    """``apps/v1`` -> (``apps``, ``v1``); ``v1`` -> (``""``, ``v1``)."""
    if "/" in api_version:
        group, _, version = api_version.partition("/")
        return group, version
    return "", api_version


@dataclass(frozen=True)
class KindInfo:
    """What discovery says about one resource."""

    group: str
    version: str
    kind: str
    plural: str
    singular: str
    namespaced: bool
    model: type[KubeObject]
    short_names: tuple[str, ...] = ()
    subresources: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    verbs: tuple[str, ...] = (
        "create",
        "delete",
        "deletecollection",
        "get",
        "list",
        "patch",
        "update",
        "watch",
    )

    @property
    def api_version(self) -> str:
        """``v1`` or ``apps/v1``."""
        return f"{self.group}/{self.version}" if self.group else self.version

    @property
    def list_kind(self) -> str:
        """``PodList``."""
        return f"{self.kind}List"

    @property
    def qualified_resource(self) -> str:
        """``pods`` or ``deployments.apps``: how API errors name the resource."""
        return f"{self.plural}.{self.group}" if self.group else self.plural

    def has_subresource(self, name: str) -> bool:
        """True for ``status``, ``log``... when the resource serves it."""
        return name in self.subresources

    def make_list(
        self, items: list[dict[str, Any]], resource_version: str = "", continue_: str = ""
    ) -> dict[str, Any]:
        """The ``PodList`` JSON the API server returns for a list call."""
        meta: dict[str, Any] = {"resourceVersion": resource_version}
        if continue_:
            meta["continue"] = continue_
        return {"apiVersion": self.api_version, "kind": self.list_kind, "metadata": meta, "items": items}


@dataclass
class Registry:
    """Kinds by (apiVersion, kind) and by every name kubectl accepts."""

    _by_gvk: dict[tuple[str, str, str], KindInfo] = field(default_factory=dict)
    _infos: list[KindInfo] = field(default_factory=list)

    def register(self, info: KindInfo) -> KindInfo:
        """Add a kind; registering the same group/version/kind twice replaces it."""
        key = (info.group, info.version, info.kind)
        old = self._by_gvk.get(key)
        if old is not None:
            self._infos.remove(old)
        self._by_gvk[key] = info
        self._infos.append(info)
        return info

    def __iter__(self) -> Any:
        return iter(list(self._infos))

    def __len__(self) -> int:
        return len(self._infos)

    def for_kind(self, api_version: str, kind: str) -> KindInfo:
        """The kind served at ``api_version`` (``apps/v1``); :class:`NoKindMatchError` otherwise."""
        group, version = split_api_version(api_version or "")
        info = self._by_gvk.get((group, version, kind))
        if info is None:
            raise NoKindMatchError(kind, api_version or "")
        return info

    def for_model(self, model: type[KubeObject] | KubeObject) -> KindInfo:
        """The kind of a model class or instance."""
        cls = model if isinstance(model, type) else type(model)
        for info in self._infos:
            if info.model is cls:
                return info
        raise NoKindMatchError(getattr(cls, "KIND", cls.__name__), getattr(cls, "API_VERSION", ""))

    def kinds(self) -> list[KindInfo]:
        """Every registered kind, in registration order."""
        return list(self._infos)

    def in_category(self, category: str) -> list[KindInfo]:
        """Kinds in a category (``all``), as ``kubectl get all`` expands it."""
        return [i for i in self._infos if category in i.categories]

    def resolve(self, name: str) -> KindInfo:
        """Find a resource by any name kubectl accepts.

        ``pods``, ``pod``, ``po``, ``Pod``, ``pods.v1``, ``deployments.apps``,
        ``deployments.v1.apps``, ``deploy``... Matching is case-insensitive, like kubectl's.
        Raises :class:`UnknownResourceError` otherwise.
        """
        raw = name.strip()
        lowered = raw.lower()
        resource, group, version = lowered, None, None
        if "." in lowered:
            parts = lowered.split(".")
            resource = parts[0]
            rest = parts[1:]
            candidates: list[tuple[str | None, str | None]] = []
            if len(rest) >= 2:
                candidates.append((".".join(rest[1:]), rest[0]))  # resource.version.group
            candidates.append((".".join(rest), None))  # resource.group
            if len(rest) == 1:
                candidates.append(("", rest[0]))  # resource.version (core group)
            for g, v in candidates:
                found = self._match(resource, g, v)
                if found is not None:
                    return found
            raise UnknownResourceError(raw)
        found = self._match(resource, group, version)
        if found is None:
            raise UnknownResourceError(raw)
        return found

    def _match(self, resource: str, group: str | None, version: str | None) -> KindInfo | None:
        def ok(i: KindInfo) -> bool:
            return (group is None or i.group == group) and (version is None or i.version == version)

        # kubectl's order: plural, then singular, then short names, then kind.
        for attr in ("plural", "singular"):
            for i in self._infos:
                if getattr(i, attr) == resource and ok(i):
                    return i
        for i in self._infos:
            if resource in i.short_names and ok(i):
                return i
        for i in self._infos:
            if i.kind.lower() == resource and ok(i):
                return i
        return None


_POD_SUBRESOURCES = (
    "status",
    "ephemeralcontainers",
    "binding",
    "log",
    "exec",
    "attach",
    "portforward",
    "proxy",
    "eviction",
    "resize",
)


def _default_registry() -> Registry:
    r = Registry()
    c, a, b, co = core, apps, batch, coordination
    r.register(KindInfo("", "v1", "Pod", "pods", "pod", True, c.Pod, ("po",), _POD_SUBRESOURCES, ("all",)))
    r.register(KindInfo("", "v1", "Node", "nodes", "node", False, c.Node, ("no",), ("status", "proxy")))
    r.register(
        KindInfo("", "v1", "Namespace", "namespaces", "namespace", False, c.Namespace, ("ns",), ("status", "finalize"))
    )
    r.register(KindInfo("", "v1", "Event", "events", "event", True, c.Event, ("ev",)))
    r.register(KindInfo("", "v1", "ConfigMap", "configmaps", "configmap", True, c.ConfigMap, ("cm",)))
    r.register(KindInfo("", "v1", "Secret", "secrets", "secret", True, c.Secret))
    r.register(KindInfo("", "v1", "PodTemplate", "podtemplates", "podtemplate", True, c.PodTemplate))
    r.register(
        KindInfo("", "v1", "Binding", "bindings", "binding", True, c.Binding, verbs=("create",))
    )
    r.register(KindInfo("coordination.k8s.io", "v1", "Lease", "leases", "lease", True, co.Lease))
    for kind, plural, short, subs in (
        ("ReplicaSet", "replicasets", ("rs",), ("status", "scale")),
        ("Deployment", "deployments", ("deploy",), ("status", "scale")),
        ("StatefulSet", "statefulsets", ("sts",), ("status", "scale")),
        ("DaemonSet", "daemonsets", ("ds",), ("status",)),
    ):
        r.register(
            KindInfo("apps", "v1", kind, plural, kind.lower(), True, getattr(a, kind), short, subs, ("all",))
        )
    r.register(KindInfo("batch", "v1", "Job", "jobs", "job", True, b.Job, (), ("status",), ("all",)))
    r.register(
        KindInfo("batch", "v1", "CronJob", "cronjobs", "cronjob", True, b.CronJob, ("cj",), ("status",), ("all",))
    )
    r.register(KindInfo("", "v1", "ServiceAccount", "serviceaccounts", "serviceaccount", True, c.ServiceAccount,
                        ("sa",), ("token",)))
    r.register(KindInfo("", "v1", "Service", "services", "service", True, c.Service, ("svc",), ("status", "proxy"),
                        ("all",)))
    r.register(KindInfo("", "v1", "Endpoints", "endpoints", "endpoints", True, c.Endpoints, ("ep",)))
    return r


#: Every kind the sandbox serves. Later kinds register the same way: ``REGISTRY.register(...)``.
REGISTRY: Registry = _default_registry()
