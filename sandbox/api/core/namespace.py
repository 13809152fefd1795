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
    """NamespaceSpec describes the attributes on a Namespace.

    ``NamespaceSpec`` (core/v1); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'finalizers': '[]v1.FinalizerName'}

    finalizers: Optional[list[str]] = Field(None, description="Finalizers is an opaque list of values that must be empty to permanently remove object from storage. More info: https://kubernetes.io/docs/tasks/administer-cluster/namespaces/")


class NamespaceCondition(K8sModel):
    """NamespaceCondition contains details about state of namespace.

    ``NamespaceCondition`` (core/v1); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'type': 'v1.NamespaceConditionType', 'status': 'v1.ConditionStatus'}
    _required_fields: ClassVar[tuple[str, ...]] = ("type", "status")

    lastTransitionTime: Optional[Time] = Field(None, description="Last time the condition transitioned from one status to another.")
    message: Optional[str] = Field(None, description="Human-readable message indicating details about last transition.")
    reason: Optional[str] = Field(None, description="Unique, one-word, CamelCase reason for the condition's last transition.")
    status: Optional[str] = Field(None, description="Status of the condition, one of True, False, Unknown.")
    type: Optional[str] = Field(None, description="Type of namespace controller condition.")


class NamespaceStatus(K8sModel):
    """NamespaceStatus is information about the current status of a Namespace.

    ``NamespaceStatus`` (core/v1); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'phase': 'v1.NamespacePhase'}

    conditions: Optional[list[NamespaceCondition]] = Field(None, description="Represents the latest available observations of a namespace's current state.")
    phase: Optional[str] = Field(None, description="Phase is the current lifecycle phase of the namespace. More info: https://kubernetes.io/docs/tasks/administer-cluster/namespaces/\n\nPossible enum values:\n - `\"Active\"` means the namespace is available for use in the system\n - `\"Terminating\"` means the namespace is undergoing graceful termination", json_schema_extra={"enum": ["Active", "Terminating"]})


class Namespace(KubeObject):
    """Namespace provides a scope for Names. Use of multiple namespaces is optional.

    ``Namespace`` (core/v1); fields as in ``kubectl explain``.
    """

    API_VERSION: ClassVar[str] = "v1"
    KIND: ClassVar[str] = "Namespace"

    apiVersion: str = Field("v1", description="APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources")
    kind: str = Field("Namespace", description="Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")
    metadata: Optional[ObjectMeta] = Field(None, description="Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata")
    spec: Optional[NamespaceSpec] = Field(None, description="Spec defines the behavior of the Namespace. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status")
    status: Optional[NamespaceStatus] = Field(None, description="Status describes the current status of a Namespace. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status")
