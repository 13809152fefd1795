"""``coordination.k8s.io/v1`` ``Lease`` (node heartbeats, leader election).

Field names are the Kubernetes JSON names; every field is optional (``None`` = absent).
Field lists and descriptions follow ``k8s.io/api`` (Kubernetes 1.34).
"""

from __future__ import annotations

from typing import ClassVar, Optional

from pydantic import Field

from sandbox.api.base import Int32, K8sModel, KubeObject, MicroTime
from sandbox.api.meta import ObjectMeta

__all__ = [
    "LeaseSpec",
    "Lease",
]


class LeaseSpec(K8sModel):
    """LeaseSpec is a specification of a Lease.

    ``LeaseSpec`` (coordination); fields as in ``kubectl explain``.
    """

    acquireTime: Optional[MicroTime] = Field(None, description="acquireTime is a time when the current lease was acquired.")
    holderIdentity: Optional[str] = Field(None, description="holderIdentity contains the identity of the holder of a current lease. If Coordinated Leader Election is used, the holder identity must be equal to the elected LeaseCandidate.metadata.name field.")
    leaseDurationSeconds: Optional[Int32] = Field(None, description="leaseDurationSeconds is a duration that candidates for a lease need to wait to force acquire it. This is measured against the time of last observed renewTime.")
    leaseTransitions: Optional[Int32] = Field(None, description="leaseTransitions is the number of transitions of a lease between holders.")
    preferredHolder: Optional[str] = Field(None, description="PreferredHolder signals to a lease holder that the lease has a more optimal holder and should be given up. This field can only be set if Strategy is also set.")
    renewTime: Optional[MicroTime] = Field(None, description="renewTime is a time when the current holder of a lease has last updated the lease.")
    strategy: Optional[str] = Field(None, description="Strategy indicates the strategy for picking the leader for coordinated leader election. If the field is not specified, there is no active coordination for this lease. (Alpha) Using this field requires the CoordinatedLeaderElection feature gate to be enabled.")


class Lease(KubeObject):
    """Lease defines a lease concept.

    ``Lease`` (coordination); fields as in ``kubectl explain``.
    """

    API_VERSION: ClassVar[str] = "coordination.k8s.io/v1"
    KIND: ClassVar[str] = "Lease"

    apiVersion: str = Field("coordination.k8s.io/v1", description="APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources")
    kind: str = Field("Lease", description="Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")
    metadata: Optional[ObjectMeta] = Field(None, description="More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata")
    spec: Optional[LeaseSpec] = Field(None, description="spec contains the specification of the Lease. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status")
