"""core/v1 ``Namespace``.

Field names are the Kubernetes JSON names; every field is optional (``None`` = absent).
Field lists and descriptions follow ``k8s.io/api`` (Kubernetes 1.34).
"""

from __future__ import annotations

from typing import ClassVar, Optional

from pydantic import Field

from sandbox.api.base import K8sModel, KubeObject, Time
from sandbox.api.meta import ObjectMeta

__all__ = [
    "NamespaceSpec",
    "NamespaceCondition",
    "NamespaceStatus",
    "Namespace",
]


class NamespaceSpec(K8sModel):
    """``NamespaceSpec`` (core/v1): see ``kubectl explain``."""

    _go_field_types: ClassVar[dict[str, str]] = {'finalizers': '[]v1.FinalizerName'}

    finalizers: Optional[list[str]] = Field(None, description="Finalizers is an opaque list of values that must be empty to permanently remove object from storage. More info: https://kubernetes.io/docs/tasks/administer-cluster/namespaces/")


class NamespaceCondition(K8sModel):
    """``NamespaceCondition`` (core/v1): see ``kubectl explain``."""

    _go_field_types: ClassVar[dict[str, str]] = {'type': 'v1.NamespaceConditionType', 'status': 'v1.ConditionStatus'}

    lastTransitionTime: Optional[Time] = Field(None, description="Last time the condition transitioned from one status to another.")
    message: Optional[str] = Field(None, description="Human-readable message indicating details about last transition.")
    reason: Optional[str] = Field(None, description="Unique, one-word, CamelCase reason for the condition's last transition.")
    status: Optional[str] = Field(None, description="Status of the condition, one of True, False, Unknown.")
    type: Optional[str] = Field(None, description="Type of namespace controller condition.")


class NamespaceStatus(K8sModel):
    """``NamespaceStatus`` (core/v1): see ``kubectl explain``."""

    _go_field_types: ClassVar[dict[str, str]] = {'phase': 'v1.NamespacePhase'}

    conditions: Optional[list[NamespaceCondition]] = Field(None, description="Represents the latest available observations of a namespace's current state.")
    phase: Optional[str] = Field(None, description="Phase is the current lifecycle phase of the namespace. More info: https://kubernetes.io/docs/tasks/administer-cluster/namespaces/")


class Namespace(KubeObject):
    """Namespace provides a scope for Names. Use of multiple namespaces is optional.

    ``Namespace`` (core/v1); fields as in ``kubectl explain``.
    """

    API_VERSION: ClassVar[str] = "v1"
    KIND: ClassVar[str] = "Namespace"

    apiVersion: str = "v1"
    kind: str = "Namespace"
    metadata: Optional[ObjectMeta] = Field(None, description=":return: The metadata of this V1Namespace.   :rtype: V1ObjectMeta \"\"\" return self._metadata  @metadata.setter def metadata(self, metadata): \"\"\"Sets the metadata of this V1Namespace.   :param metadata: The metadata of this V1Namespace.   :type: V1ObjectMeta \"\"\"  self._metadata = metadata  @property def spec(self): \"\"\"Gets the spec of this V1Namespace.")
    spec: Optional[NamespaceSpec] = Field(None, description=":return: The spec of this V1Namespace.   :rtype: V1NamespaceSpec \"\"\" return self._spec  @spec.setter def spec(self, spec): \"\"\"Sets the spec of this V1Namespace.   :param spec: The spec of this V1Namespace.   :type: V1NamespaceSpec \"\"\"  self._spec = spec  @property def status(self): \"\"\"Gets the status of this V1Namespace.")
    status: Optional[NamespaceStatus] = Field(None, description="")
