"""The admission chain (``k8s.io/apiserver/pkg/admission``).

Every write passes the chain twice: first each plugin's ``admit`` (mutating: may change
``request.object``), then, after defaulting, the kind's create/update rules and validation, each
plugin's ``validate`` (may only refuse). A plugin refuses by raising a
:class:`~sandbox.errors.StatusError` (usually ``Forbidden``); it warns with ``request.warn(msg)``
(or by returning a list of strings), and the warnings reach the caller as kubectl's
``Warning: ...`` lines (see :class:`~sandbox.apiserver.server.APIServer`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from sandbox.errors import Forbidden, NotFound

if TYPE_CHECKING:
    from sandbox.apiserver.server import APIServer

__all__ = [
    "CREATE",
    "UPDATE",
    "DELETE",
    "CONNECT",
    "AdmissionRequest",
    "AdmissionPlugin",
    "AdmissionChain",
    "NamespaceLifecycle",
    "DefaultTolerationSeconds",
]

CREATE = "CREATE"
UPDATE = "UPDATE"
DELETE = "DELETE"
CONNECT = "CONNECT"

#: Namespaces NamespaceLifecycle never lets anyone delete.
IMMORTAL_NAMESPACES = ("default", "kube-system", "kube-public")


@dataclass
class AdmissionRequest:
    """What a plugin sees: ``admission.Attributes``.

    ``object`` is the model being written (``None`` for DELETE); ``old_object`` the stored one
    (``None`` for CREATE). A mutating plugin may change ``object`` in place or replace it.
    """

    operation: str
    resource: str
    kind: str
    group: str
    version: str
    namespace: str | None
    name: str
    object: Any = None
    old_object: Any = None
    subresource: str | None = None
    dry_run: bool = False
    options: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def warn(self, message: str) -> None:
        """Add a warning, returned to the client as kubectl's ``Warning: <message>``."""
        if message not in self.warnings:
            self.warnings.append(message)


@runtime_checkable
class AdmissionPlugin(Protocol):
    """A plugin: define ``admit`` (mutating), ``validate`` (validating) or both."""

    name: str


class AdmissionChain:
    """Plugins in order; ``admit`` runs all mutating hooks, then ``validate`` all validating ones."""

    def __init__(self, plugins: list[Any] | None = None) -> None:
        self.plugins: list[Any] = list(plugins or [])

    def add(self, plugin: Any) -> None:
        """Append a plugin (after the built-in ones)."""
        self.plugins.append(plugin)

    def remove(self, name: str) -> None:
        self.plugins = [p for p in self.plugins if getattr(p, "name", None) != name]

    def get(self, name: str) -> Any | None:
        return next((p for p in self.plugins if getattr(p, "name", None) == name), None)

    @staticmethod
    def _collect(request: AdmissionRequest, result: Any) -> None:
        if isinstance(result, str):
            request.warn(result)
        elif isinstance(result, (list, tuple)):
            for w in result:
                request.warn(str(w))

    def admit(self, request: AdmissionRequest) -> None:
        for p in self.plugins:
            fn = getattr(p, "admit", None)
            if fn is not None:
                self._collect(request, fn(request))

    def validate(self, request: AdmissionRequest) -> None:
        for p in self.plugins:
            fn = getattr(p, "validate", None)
            if fn is not None:
                self._collect(request, fn(request))


class NamespaceLifecycle:
    """``NamespaceLifecycle``: no content in missing or terminating namespaces; immortal ones stay."""

    name = "NamespaceLifecycle"

    def __init__(self, server: APIServer) -> None:
        self._server = server

    def admit(self, request: AdmissionRequest) -> None:
        if request.operation == DELETE and request.resource == "namespaces" and request.name in IMMORTAL_NAMESPACES:
            raise Forbidden.for_resource("namespaces", request.name, "this namespace may not be deleted")
        if request.operation != CREATE or not request.namespace or request.resource == "namespaces":
            return
        ns = self._server._raw_get("/namespaces", "", request.namespace)
        if ns is None:
            raise NotFound.for_resource("namespaces", request.namespace)
        if (ns.get("metadata") or {}).get("deletionTimestamp") or (ns.get("status") or {}).get("phase") == "Terminating":
            raise Forbidden.for_resource(
                request.resource,
                request.name,
                f"unable to create new content in namespace {request.namespace} because it is being terminated",
                group=request.group,
            )


class DefaultTolerationSeconds:
    """``DefaultTolerationSeconds``: pods tolerate not-ready/unreachable nodes for 300 s."""

    name = "DefaultTolerationSeconds"

    def admit(self, request: AdmissionRequest) -> None:
        if request.operation != CREATE or request.kind != "Pod" or request.subresource:
            return
        from sandbox.api.defaults import default_toleration_seconds

        default_toleration_seconds(request.object)
