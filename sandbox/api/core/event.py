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
    """``EventSeries`` (core/v1): see ``kubectl explain``."""

    count: Optional[Int32] = Field(None, description="Number of occurrences in this series up to the last heartbeat time")
    lastObservedTime: Optional[MicroTime] = Field(None, description="Time of the last occurrence observed")


class EventSource(K8sModel):
    """``EventSource`` (core/v1): see ``kubectl explain``."""

    component: Optional[str] = Field(None, description="Component from which the event is generated.")
    host: Optional[str] = Field(None, description="Node name on which the event is generated.")


class Event(KubeObject):
    """Event is a report of an event somewhere in the cluster.

    ``Event`` (core/v1); fields as in ``kubectl explain``.
    """

    API_VERSION: ClassVar[str] = "v1"
    KIND: ClassVar[str] = "Event"

    action: Optional[str] = Field(None, description="What action was taken/failed regarding to the Regarding object.")
    apiVersion: str = "v1"
    count: Optional[Int32] = Field(None, description="The number of times this event has occurred.")
    eventTime: Optional[MicroTime] = Field(None, description="Time when this Event was first observed.")
    firstTimestamp: Optional[Time] = Field(None, description="The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)")
    involvedObject: Optional[ObjectReference] = Field(None, description=":return: The involved_object of this CoreV1Event.   :rtype: V1ObjectReference \"\"\" return self._involved_object  @involved_object.setter def involved_object(self, involved_object): \"\"\"Sets the involved_object of this CoreV1Event.   :param involved_object: The involved_object of this CoreV1Event.   :type: V1ObjectReference \"\"\" if self.local_vars_configuration.client_side_validation and involved_object is None:   raise ValueError(\"Invalid value for `involved_object`, must not be `None`\")    self._involved_object = involved_object  @property def kind(self): \"\"\"Gets the kind of this CoreV1Event.    Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")
    kind: str = "Event"
    lastTimestamp: Optional[Time] = Field(None, description="The time at which the most recent occurrence of this event was recorded.")
    message: Optional[str] = Field(None, description="A human-readable description of the status of this operation.")
    metadata: Optional[ObjectMeta] = Field(None, description=":return: The metadata of this CoreV1Event.   :rtype: V1ObjectMeta \"\"\" return self._metadata  @metadata.setter def metadata(self, metadata): \"\"\"Sets the metadata of this CoreV1Event.   :param metadata: The metadata of this CoreV1Event.   :type: V1ObjectMeta \"\"\" if self.local_vars_configuration.client_side_validation and metadata is None:   raise ValueError(\"Invalid value for `metadata`, must not be `None`\")    self._metadata = metadata  @property def reason(self): \"\"\"Gets the reason of this CoreV1Event.    This should be a short, machine understandable string that gives the reason for the transition into the object's current status.")
    reason: Optional[str] = Field(None, description="This should be a short, machine understandable string that gives the reason for the transition into the object's current status.")
    related: Optional[ObjectReference] = Field(None, description=":return: The related of this CoreV1Event.   :rtype: V1ObjectReference \"\"\" return self._related  @related.setter def related(self, related): \"\"\"Sets the related of this CoreV1Event.   :param related: The related of this CoreV1Event.   :type: V1ObjectReference \"\"\"  self._related = related  @property def reporting_component(self): \"\"\"Gets the reporting_component of this CoreV1Event.    Name of the controller that emitted this Event, e.g. `kubernetes.io/kubelet`.")
    reportingComponent: Optional[str] = Field(None, description="Name of the controller that emitted this Event, e.g. `kubernetes.io/kubelet`.")
    reportingInstance: Optional[str] = Field(None, description="ID of the controller instance, e.g. `kubelet-xyzf`.")
    series: Optional[EventSeries] = Field(None, description=":return: The series of this CoreV1Event.   :rtype: CoreV1EventSeries \"\"\" return self._series  @series.setter def series(self, series): \"\"\"Sets the series of this CoreV1Event.   :param series: The series of this CoreV1Event.   :type: CoreV1EventSeries \"\"\"  self._series = series  @property def source(self): \"\"\"Gets the source of this CoreV1Event.")
    source: Optional[EventSource] = Field(None, description=":return: The source of this CoreV1Event.   :rtype: V1EventSource \"\"\" return self._source  @source.setter def source(self, source): \"\"\"Sets the source of this CoreV1Event.   :param source: The source of this CoreV1Event.   :type: V1EventSource \"\"\"  self._source = source  @property def type(self): \"\"\"Gets the type of this CoreV1Event.    Type of this event (Normal, Warning), new types could be added in the future")
    type: Optional[str] = Field(None, description="Type of this event (Normal, Warning), new types could be added in the future")
