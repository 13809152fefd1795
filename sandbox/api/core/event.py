"""core/v1 ``Event`` (the one ``kubectl get events`` and ``describe`` show).

Field names are the Kubernetes JSON names; every field is optional (``None`` = absent).
Field lists and descriptions follow ``k8s.io/api`` (Kubernetes 1.34).
"""

from __future__ import annotations

from typing import ClassVar, Optional

from pydantic import Field

from sandbox.api.base import Int32, K8sModel, KubeObject, MicroTime, Time
from sandbox.api.core.common import ObjectReference
from sandbox.api.meta import ObjectMeta

__all__ = [
    "EventSeries",
    "EventSource",
    "Event",
]


class EventSeries(K8sModel):
    """EventSeries contain information on series of events, i.e. thing that was/is happening continuously for some time.

    ``EventSeries`` (core/v1); fields as in ``kubectl explain``.
    """

    count: Optional[Int32] = Field(None, description="Number of occurrences in this series up to the last heartbeat time")
    lastObservedTime: Optional[MicroTime] = Field(None, description="Time of the last occurrence observed")


class EventSource(K8sModel):
    """EventSource contains information for an event.

    ``EventSource`` (core/v1); fields as in ``kubectl explain``.
    """

    component: Optional[str] = Field(None, description="Component from which the event is generated.")
    host: Optional[str] = Field(None, description="Node name on which the event is generated.")


class Event(KubeObject):
    """Event is a report of an event somewhere in the cluster.  Events have a limited retention time and triggers and messages may evolve with time.  Event consumers should not rely on the timing of an event with a given Reason reflecting a consistent underlying trigger, or the continued existence of events with that Reason.  Events should be treated as informative, best-effort, supplemental data.

    ``Event`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("metadata", "involvedObject")

    API_VERSION: ClassVar[str] = "v1"
    KIND: ClassVar[str] = "Event"

    action: Optional[str] = Field(None, description="What action was taken/failed regarding to the Regarding object.")
    apiVersion: str = Field("v1", description="APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources")
    count: Optional[Int32] = Field(None, description="The number of times this event has occurred.")
    eventTime: Optional[MicroTime] = Field(None, description="Time when this Event was first observed.")
    firstTimestamp: Optional[Time] = Field(None, description="The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)")
    involvedObject: Optional[ObjectReference] = Field(None, description="The object that this event is about.")
    kind: str = Field("Event", description="Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")
    lastTimestamp: Optional[Time] = Field(None, description="The time at which the most recent occurrence of this event was recorded.")
    message: Optional[str] = Field(None, description="A human-readable description of the status of this operation.")
    metadata: Optional[ObjectMeta] = Field(None, description="Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata")
    reason: Optional[str] = Field(None, description="This should be a short, machine understandable string that gives the reason for the transition into the object's current status.")
    related: Optional[ObjectReference] = Field(None, description="Optional secondary object for more complex actions.")
    reportingComponent: Optional[str] = Field(None, description="Name of the controller that emitted this Event, e.g. `kubernetes.io/kubelet`.")
    reportingInstance: Optional[str] = Field(None, description="ID of the controller instance, e.g. `kubelet-xyzf`.")
    series: Optional[EventSeries] = Field(None, description="Data about the Event series this event represents or nil if it's a singleton Event.")
    source: Optional[EventSource] = Field(None, description="The component reporting this event. Should be a short machine understandable string.")
    type: Optional[str] = Field(None, description="Type of this event (Normal, Warning), new types could be added in the future")
